//! Widgets and panels. Nothing here touches the disk: widgets change view state or return
//! what the user asked for, and `app` carries it out.

pub mod annotation_panel;
pub mod bidi_label;
pub mod entity_panel;
pub mod file_dialog;
pub mod note_editor;
pub mod reader;
pub mod theme;
pub mod tr;

pub use annotation_panel::{PanelAction, annotation_panel_ui};
pub use bidi_label::{
    bidi_button, bidi_button_marked, bidi_label, bidi_small_button, chip, in_ltr, parse_hex_color,
};
pub use file_dialog::{
    FileDialog, FileDialogAction, FileDialogMode, FolderEntry, FolderListing, Place,
};
pub use note_editor::{NoteEditor, NoteEditorOutput};
pub use reader::{
    ParagraphMarks, ReaderColors, ReaderState, RelationMark, SpanMark, TextSelection, reader_ui,
};
