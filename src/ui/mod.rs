//! Widgets and panels. Nothing here touches the disk: widgets change view state or return
//! what the user asked for, and `app` carries it out.

pub mod reader;

pub use reader::{ReaderColors, ReaderState, reader_ui};
