//! Hashiya: read and annotate Arabic news articles right-to-left.
//!
//! The library holds everything; `main.rs` only parses the command line and starts the GUI
//! or a headless command. Layers, from the top: [`app`] (session state and effects), [`ui`]
//! (widgets), [`text`] (cosmic-text layout and the glyph atlas), [`document`] (loading
//! articles). Lower layers never import higher ones.

pub mod agreement;
pub mod annotation;
#[cfg(feature = "gui")]
pub mod app;
pub mod arabic;
pub mod bundle;
#[cfg(feature = "gui")]
pub mod cli;
pub mod compare;
pub mod corpus;
pub mod document;
pub mod export;
pub mod files;
pub mod gitstore;
pub mod i18n;
pub mod import;
#[cfg(feature = "gui")]
pub mod jobs;
#[cfg(feature = "gui")]
pub mod packaging;
#[cfg(feature = "gui")]
pub mod session;
pub mod span_agreement;
#[cfg(feature = "gui")]
pub mod text;
#[cfg(feature = "gui")]
pub mod ui;
