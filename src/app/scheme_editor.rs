//! Edit ▸ Label Scheme: add, rename (Arabic or Latin), recolour, reorder and remove labels,
//! set their shortcut keys and descriptions, and share the scheme as a file.

use crate::session::annotations::Edit;
use std::path::PathBuf;

use egui::{Color32, Ui};

use super::Session;
use super::command::{Command, Window};
use crate::annotation::scheme::{self, new_label_id, validate};
use crate::annotation::{Label, LabelScheme};
use crate::jobs::{Job, Poll};
use crate::text::TextEngine;
use crate::tr;
use crate::ui::tr::{self as t, tx};
use crate::ui::{NoteEditor, chip, parse_hex_color};

/// Which list of the scheme the editor shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelKind {
    /// Labels of whole paragraphs (and of passages when there are no entity types).
    Paragraph,
    /// Entity types for passages (spans).
    Entity,
    /// Types of relations between two passages.
    Relation,
}

/// The list of `draft` for `kind`.
fn list_of(draft: &mut LabelScheme, kind: LabelKind) -> &mut Vec<Label> {
    match kind {
        LabelKind::Paragraph => &mut draft.labels,
        LabelKind::Entity => &mut draft.span_labels,
        LabelKind::Relation => &mut draft.relation_types,
    }
}

/// The editor's state while its window is open.
pub struct SchemeEditor {
    /// The scheme being edited (applied with Apply).
    pub draft: LabelScheme,
    /// The list shown.
    pub kind: LabelKind,
    /// The label whose fields are shown.
    pub selected: usize,
    name: NoteEditor,
    description: NoteEditor,
    loaded_selection: Option<usize>,
    /// Why Apply was refused.
    pub error: Option<String>,
    pending_load: Option<Job<Option<PathBuf>>>,
    pending_save: Option<Job<Option<PathBuf>>>,
}

impl std::fmt::Debug for SchemeEditor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SchemeEditor")
            .field("draft", &self.draft)
            .finish_non_exhaustive()
    }
}

/// The path chosen in the dialog `pending` waits for, once it has come; `pending` is
/// cleared when the dialog has answered, whether with a path or not.
fn chosen_path(pending: &mut Option<Job<Option<PathBuf>>>) -> Option<PathBuf> {
    let answer = match pending.as_mut()?.poll() {
        Poll::Pending => return None,
        Poll::Ready(answer) => answer,
        Poll::Done => None,
    };
    *pending = None;
    answer
}

fn to_hex(color: Color32) -> String {
    format!("#{:02x}{:02x}{:02x}", color.r(), color.g(), color.b())
}

impl SchemeEditor {
    pub(super) fn new(scheme: LabelScheme) -> Self {
        Self {
            draft: scheme,
            kind: LabelKind::Paragraph,
            selected: 0,
            name: NoteEditor::single_line(egui::Id::unique("hashiya-scheme-name"))
                .named(tr!("scheme-name-field")),
            description: NoteEditor::single_line(egui::Id::unique("hashiya-scheme-description"))
                .named(tr!("scheme-description-field")),
            loaded_selection: None,
            error: None,
            pending_load: None,
            pending_save: None,
        }
    }

    /// The list of the kind shown.
    pub fn list(&self) -> &Vec<Label> {
        match self.kind {
            LabelKind::Paragraph => &self.draft.labels,
            LabelKind::Entity => &self.draft.span_labels,
            LabelKind::Relation => &self.draft.relation_types,
        }
    }

    fn list_mut(&mut self) -> &mut Vec<Label> {
        list_of(&mut self.draft, self.kind)
    }

    /// Shows another list of the scheme.
    pub fn show_kind(&mut self, kind: LabelKind) {
        if self.kind != kind {
            self.kind = kind;
            self.selected = 0;
            self.loaded_selection = None;
        }
    }

    /// Adds a label with a free shortcut key to the list shown; returns its index.
    pub fn add_label(&mut self) -> usize {
        let used: Vec<char> = self.list().iter().filter_map(|l| l.shortcut).collect();
        let shortcut = ('1'..='9').find(|k| !used.contains(k));
        let noun = match self.kind {
            LabelKind::Paragraph => "label",
            LabelKind::Entity => "entity",
            LabelKind::Relation => "relation",
        };
        let name = format!("{noun} {}", self.list().len() + 1);
        let mut id = new_label_id(&self.draft, &name);
        while self.draft.relation_type(&id).is_some() {
            id.push('_');
        }
        self.list_mut().push(Label {
            id,
            name,
            color: "#888888".to_owned(),
            shortcut,
            description: String::new(),
        });
        self.selected = self.list().len() - 1;
        self.loaded_selection = None;
        self.selected
    }
}

impl SchemeEditor {
    /// True while one of its text fields has the keyboard.
    pub fn has_text_focus(&self, ctx: &egui::Context) -> bool {
        self.name.has_focus(ctx) || self.description.has_focus(ctx)
    }
}

impl SchemeEditor {
    /// Validates the draft and makes it the article's scheme (saved with the annotations).
    pub fn apply_to(&mut self, session: &mut Session) -> bool {
        let editor = self;
        if let Err(error) = validate(&editor.draft) {
            editor.error = Some(error);
            return false;
        }
        match session
            .annotations
            .apply(&session.document, Edit::SetScheme(editor.draft.clone()))
        {
            Ok(()) => {
                editor.error = None;
                true
            }
            Err(error) => {
                editor.error = Some(error.to_string());
                false
            }
        }
    }

    /// Takes in the answers of its file dialogs; returns a message for the user.
    fn poll_dialogs(&mut self) -> Option<String> {
        let editor = self;
        let mut message = None;
        if let Some(path) = chosen_path(&mut editor.pending_load) {
            match scheme::load(&path) {
                Ok(loaded) => {
                    editor.draft = loaded;
                    editor.selected = 0;
                    editor.loaded_selection = None;
                    editor.error = None;
                }
                Err(error) => editor.error = Some(error.to_string()),
            }
        }
        if let Some(path) = chosen_path(&mut editor.pending_save) {
            editor.error = match validate(&editor.draft) {
                Err(error) => Some(error),
                Ok(()) => scheme::save(&editor.draft, &path)
                    .err()
                    .map(|e| e.to_string())
                    .or_else(|| {
                        message = Some(tr!("scheme-saved", path = &path));
                        None
                    }),
            };
        }
        message
    }

    /// The editor window; asks for the draft to be applied, or for the window to close.
    /// Returns a message for the user, if any.
    pub(super) fn window_ui(
        &mut self,
        ctx: &egui::Context,
        engine: &mut TextEngine,
        face: crate::text::ReadingFace,
        picker: &mut super::dialogs::Dialogs,
        commands: &mut Vec<Command>,
    ) -> Option<String> {
        let message = self.poll_dialogs();
        let editor = self;
        let mut open = true;
        let mut apply = false;
        let mut cancel = false;
        let frame = egui::Window::new(t::window_title(ctx, tr!("scheme-window-title")))
            .default_width(460.0);
        let id = egui::Id::unique("hashiya-label-scheme");
        t::show_window(ctx, frame, id, &mut open, false, |ui| {
            label_list_ui(ui, engine, editor);
            ui.separator();
            label_fields_ui(ui, engine, editor, face);
            ui.separator();
            if let Some(error) = &editor.error {
                let color = ui.visuals().error_fg_color;
                t::colored_label(ui, error.as_str(), Some(color));
            }
            t::row(ui, |ui| {
                if ui.button(tx(tr!("scheme-apply"))).clicked() {
                    apply = true;
                }
                if ui.button(tx(tr!("scheme-cancel"))).clicked() {
                    cancel = true;
                }
            });
            t::row(ui, |ui| {
                t::label(ui, tr!("scheme-share"));
                if ui.button(tx(tr!("scheme-save-to-file"))).clicked() {
                    let name = format!("{}.labels.json", editor.draft.name);
                    editor.pending_save = Some(picker.pick_save_path(ctx, &name));
                }
                if ui.button(tx(tr!("scheme-load-from-file"))).clicked() {
                    editor.pending_load = Some(picker.pick_scheme(ctx));
                }
            });
        });
        if apply {
            commands.push(Command::ApplyScheme);
        }
        if cancel || !open {
            commands.push(Command::CloseWindow(Window::SchemeEditor));
        }
        message
    }
}

fn label_list_ui(ui: &mut Ui, engine: &mut crate::text::TextEngine, editor: &mut SchemeEditor) {
    t::row(ui, |ui| {
        for (kind, caption) in [
            (LabelKind::Paragraph, tr!("scheme-paragraph-labels")),
            (LabelKind::Entity, tr!("scheme-entity-types")),
            (LabelKind::Relation, tr!("scheme-relation-types")),
        ] {
            if ui
                .selectable_label(editor.kind == kind, tx(caption))
                .clicked()
            {
                editor.show_kind(kind);
            }
        }
    });
    match editor.kind {
        LabelKind::Paragraph => {
            t::weak_label(ui, tr!("scheme-paragraph-keys"));
        }
        LabelKind::Entity => {
            t::weak_label(ui, tr!("scheme-entity-keys"));
            let detach = t::checkbox(
                ui,
                &mut editor.draft.detach_proclitics,
                tr!("scheme-detach-proclitics"),
            );
            t::hover(detach, tr!("scheme-detach-proclitics-tip"));
        }
        LabelKind::Relation => {
            t::weak_label(ui, tr!("scheme-relation-keys"));
        }
    }
    crate::ui::tr::wrapped_row(ui, |ui| {
        let mut clicked = None;
        for (idx, label) in editor.list().iter().enumerate() {
            let caption = match label.shortcut {
                Some(key) => format!("{key}  {}", label.name),
                None => label.name.clone(),
            };
            if chip(
                ui,
                engine,
                &caption,
                parse_hex_color(&label.color),
                idx == editor.selected,
                true,
            )
            .clicked()
            {
                clicked = Some(idx);
            }
        }
        if let Some(idx) = clicked {
            editor.selected = idx;
        }
    });
    t::row(ui, |ui| {
        if ui.button(tx(tr!("scheme-add-label"))).clicked() {
            editor.add_label();
        }
        let count = editor.list().len();
        let selected = editor.selected;
        if ui
            .add_enabled(count > 0, egui::Button::new(tx(tr!("scheme-remove"))))
            .clicked()
            && selected < count
        {
            editor.list_mut().remove(selected);
            editor.selected = selected.saturating_sub(1);
            editor.loaded_selection = None;
        }
        if ui
            .add_enabled(
                selected > 0,
                egui::Button::new(tx(tr!("scheme-move-earlier"))),
            )
            .clicked()
        {
            editor.list_mut().swap(selected, selected - 1);
            editor.selected -= 1;
            editor.loaded_selection = None;
        }
        if ui
            .add_enabled(
                selected + 1 < count,
                egui::Button::new(tx(tr!("scheme-move-later"))),
            )
            .clicked()
        {
            editor.list_mut().swap(selected, selected + 1);
            editor.selected += 1;
            editor.loaded_selection = None;
        }
    });
}

fn label_fields_ui(
    ui: &mut Ui,
    engine: &mut crate::text::TextEngine,
    editor: &mut SchemeEditor,
    face: crate::text::ReadingFace,
) {
    let selected = editor.selected;
    let Some(label) = list_of(&mut editor.draft, editor.kind).get_mut(selected) else {
        t::label(ui, tr!("scheme-no-labels"));
        return;
    };
    if editor.loaded_selection != Some(editor.selected) {
        editor.name.set_text(engine, None, &label.name, face);
        editor
            .description
            .set_text(engine, None, &label.description, face);
        editor.loaded_selection = Some(editor.selected);
    }
    t::form(ui, "label-fields", |form| {
        form.row(tr!("scheme-name"), |ui| {
            let (_, output) = editor.name.ui(ui, engine, &tr!("scheme-name-hint"));
            if output.changed {
                label.name = editor.name.text();
            }
        });
        form.row(tr!("scheme-description"), |ui| {
            let (_, output) = editor
                .description
                .ui(ui, engine, &tr!("scheme-description-hint"));
            if output.changed {
                label.description = editor.description.text();
            }
        });
        form.row(tr!("scheme-colour"), |ui| {
            let mut color = parse_hex_color(&label.color);
            if ui.color_edit_button_srgba(&mut color).changed() {
                label.color = to_hex(color);
            }
        });
        form.row(tr!("scheme-shortcut-key"), |ui| {
            let current = label
                .shortcut
                .map_or_else(|| tr!("scheme-no-shortcut"), |k| k.to_string());
            egui::ComboBox::from_id_salt("shortcut")
                .selected_text(tx(current))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut label.shortcut, None, tx(tr!("scheme-no-shortcut")));
                    for key in '1'..='9' {
                        ui.selectable_value(&mut label.shortcut, Some(key), key.to_string());
                    }
                });
        });
        form.row(tr!("scheme-id"), |ui| {
            let id = ui.label(&label.id);
            t::hover(id, tr!("scheme-id-tip"));
        });
    });
}
