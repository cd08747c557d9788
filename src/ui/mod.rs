//! Widgets and panels. Nothing here touches the disk: widgets change view state or return
//! what the user asked for, and `app` carries it out.

pub mod bidi_label;
pub mod reader;

pub use bidi_label::{bidi_button, bidi_label};
pub use reader::{ReaderColors, ReaderState, reader_ui};
