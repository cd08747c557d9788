//! Annotating in the app: keyboard commands, the annotation panel, marks in the reading
//! view, and keeping the sidecar saved (autosave, Ctrl+S, merge on conflict or focus,
//! saving before close).

use std::path::PathBuf;

use egui::{Color32, Key, KeyboardShortcut, Modifiers, Ui, ViewportCommand};

use super::{HashiyaApp, SaveStatus, Session};
use crate::annotation::TargetKey;
use crate::annotation::store::StoreError;
use crate::jobs::Poll;
use crate::session::annotations::Edit;
use crate::session::saver::{self, SaveOutcome, Saver};
use crate::text::{TextEngine, TextStyle};
use crate::ui::{
    PanelAction, ParagraphMarks, ReaderColors, annotation_panel_ui, parse_hex_color, reader_ui,
};

pub(super) const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
pub(super) const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
pub(super) const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);

/// Keys 1–9 and the label shortcut characters they stand for.
const DIGIT_KEYS: [(Key, char); 9] = [
    (Key::Num1, '1'),
    (Key::Num2, '2'),
    (Key::Num3, '3'),
    (Key::Num4, '4'),
    (Key::Num5, '5'),
    (Key::Num6, '6'),
    (Key::Num7, '7'),
    (Key::Num8, '8'),
    (Key::Num9, '9'),
];

/// The reading view with annotated paragraphs marked.
pub(super) fn reader_with_marks_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    session: &mut Session,
    search: Option<&super::search::SearchState>,
    style: TextStyle,
    colors: ReaderColors,
) {
    super::overview::apply_filter(session);
    let store = session.annotations.store();
    let document = &session.document;
    let selection = session.reader.text_selection.filter(|s| !s.is_empty());
    let marks = |paragraph: usize| -> Option<ParagraphMarks> {
        let mut marks = ParagraphMarks::default();
        for annotation in store
            .for_paragraph(paragraph)
            .filter(|a| a.target.kind == crate::annotation::TargetKind::Span)
        {
            let Some(bytes) = store.span_bytes_in_paragraph(document, annotation) else {
                continue;
            };
            let color = annotation
                .color
                .as_deref()
                .or_else(|| {
                    annotation
                        .labels
                        .first()
                        .and_then(|l| store.scheme().label(l))
                        .map(|l| l.color.as_str())
                })
                .map_or(colors.selected_stroke, parse_hex_color);
            marks.ranges.push((bytes, color.gamma_multiply(0.35)));
        }
        if let Some(selection) = selection.filter(|s| s.paragraph == paragraph) {
            marks.ranges.push((
                selection.range(),
                colors.selected_stroke.gamma_multiply(0.45),
            ));
        }
        for (hit, current) in search.into_iter().flat_map(|s| s.hits_in(paragraph)) {
            let color = if current {
                Color32::from_rgba_unmultiplied(0xff, 0x8c, 0x00, 0x90)
            } else {
                Color32::from_rgba_unmultiplied(0xff, 0xd4, 0x00, 0x70)
            };
            marks.ranges.push((hit.bytes.clone(), color));
        }
        for annotation in store.for_paragraph(paragraph) {
            for label_id in &annotation.labels {
                let Some(label) = store.scheme().label(label_id) else {
                    continue;
                };
                let color = parse_hex_color(&label.color);
                marks.bar.get_or_insert(color);
                let name = label.name.clone();
                if !marks.chips.iter().any(|(n, _)| *n == name) {
                    marks.chips.push((name, color));
                }
            }
            if annotation.target.kind == crate::annotation::TargetKind::Span {
                continue;
            }
            if let Some(color) = &annotation.color {
                let color = parse_hex_color(color);
                marks.highlight = Some(color.gamma_multiply(0.28));
                marks.bar.get_or_insert(color);
            }
            if !annotation.note.trim().is_empty() {
                marks.bar.get_or_insert(colors.selected_stroke);
            }
        }
        (marks != ParagraphMarks::default()).then_some(marks)
    };
    // The overview strip takes a narrow column at the right of the reading area.
    let full = ui.available_rect_before_wrap();
    let strip = egui::Rect::from_min_max(
        egui::pos2(full.right() - super::overview::STRIP_WIDTH_PT, full.top()),
        full.right_bottom(),
    );
    let reading =
        egui::Rect::from_min_max(full.left_top(), egui::pos2(strip.left(), full.bottom()));
    ui.scope_builder(egui::UiBuilder::new().max_rect(reading), |ui| {
        reader_ui(
            ui,
            engine,
            document,
            &mut session.reader,
            style,
            colors,
            &marks,
        );
    });
    super::overview::overview_strip_ui(ui, strip, session);
    // A plain click on an annotated passage selects that passage.
    if let Some((paragraph, byte)) = session.reader.clicked_at.take() {
        let store = session.annotations.store();
        let hit = store
            .for_paragraph(paragraph)
            .filter(|a| a.target.kind == crate::annotation::TargetKind::Span)
            .filter_map(|a| store.span_bytes_in_paragraph(&session.document, a))
            .find(|bytes| bytes.contains(&byte));
        if let Some(bytes) = hit {
            session.reader.text_selection = Some(crate::ui::TextSelection {
                paragraph,
                anchor: bytes.start,
                focus: bytes.end,
            });
        }
    }
}

/// The highlight colour after pressing `c` (the next in the list, then none) or `Shift+C`
/// (none).
fn next_highlight(current: Option<&str>, clear: bool) -> Option<String> {
    let colors = crate::ui::annotation_panel::HIGHLIGHT_COLORS;
    if clear {
        return None;
    }
    match current.and_then(|c| colors.iter().position(|x| *x == c)) {
        None => colors.first().map(|c| (*c).to_owned()),
        Some(i) => colors.get(i + 1).map(|c| (*c).to_owned()),
    }
}

impl HashiyaApp {
    /// Reports a refused change to the user.
    fn report(&mut self, result: Result<(), StoreError>) {
        if let Err(error) = result {
            self.message = Some(error.to_string());
        }
    }

    pub(super) fn handle_annotation_shortcuts(
        &mut self,
        ctx: &egui::Context,
        text_has_focus: bool,
    ) {
        // Redo first: Ctrl+Z would also match Ctrl+Shift+Z (egui ignores extra Shift).
        let (save, redo, undo) = ctx.input_mut(|i| {
            (
                i.consume_shortcut(&SAVE),
                i.consume_shortcut(&REDO) || i.consume_shortcut(&REDO_Y),
                i.consume_shortcut(&UNDO),
            )
        });
        if save {
            self.save_now(ctx);
        }
        if undo {
            self.undo();
        }
        if redo {
            self.redo();
        }
        if text_has_focus {
            return;
        }
        let Some(session) = &mut self.session else {
            return;
        };
        // Ctrl+C copies the passage selected in the reader, in logical order.
        if ctx.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Copy)))
            && let Some(selection) = session.reader.text_selection.filter(|s| !s.is_empty())
            && let Some(text) = session.document.paragraph_text(selection.paragraph)
            && let Some(passage) = text.get(selection.range())
        {
            ctx.copy_text(passage.to_owned());
        }
        let plain = |i: &mut egui::InputState, key: Key| i.consume_key(Modifiers::NONE, key);
        // Enter and Space belong to a focused button or chip.
        let widget_focused = ctx.memory(|m| m.focused().is_some());
        let (digit, note, delete, next_color, clear_color) = ctx.input_mut(|i| {
            // Shift+C first: a plain C would also match it (egui ignores extra Shift).
            let clear_color = i.consume_key(Modifiers::SHIFT, Key::C);
            (
                DIGIT_KEYS
                    .iter()
                    .find(|(key, _)| plain(i, *key))
                    .map(|(_, c)| *c),
                plain(i, Key::N) || (!widget_focused && plain(i, Key::Enter)),
                plain(i, Key::Delete),
                !clear_color && plain(i, Key::C),
                clear_color,
            )
        });
        if (digit.is_some() || note || next_color) && session.reader.selected.is_none() {
            session.reader.move_selection(0);
        }
        let Some(key) = session.target_key() else {
            return;
        };
        let mut edits = Vec::new();
        if let Some(digit) = digit
            && let Some(label) = session.annotations.store().scheme().label_for_key(digit)
        {
            edits.push(Edit::ToggleLabel {
                target: key.clone(),
                label: label.id.clone(),
            });
        }
        if note {
            self.settings.show_annotation_panel = true;
            session.note_editor.focus(ctx);
            // The "n" that opened the editor is not part of the note.
            ctx.input_mut(|i| {
                i.events
                    .retain(|e| !matches!(e, egui::Event::Text(t) if t == "n"));
            });
        }
        if next_color || clear_color {
            let current = session
                .annotations
                .store()
                .annotation_for(&session.document, &key)
                .and_then(|a| a.color.clone());
            edits.push(Edit::SetColor {
                target: key.clone(),
                color: next_highlight(current.as_deref(), clear_color),
            });
        }
        if delete
            && let Some(annotation) = session
                .annotations
                .store()
                .annotation_for(&session.document, &key)
        {
            edits.push(Edit::Delete(annotation.id));
        }
        let results: Vec<_> = edits
            .into_iter()
            .map(|edit| session.annotations.apply(&session.document, edit))
            .collect();
        for result in results {
            self.report(result);
        }
    }

    /// Undoes the last annotation change.
    pub fn undo(&mut self) {
        if let Some(session) = &mut self.session {
            let result = session.annotations.apply(&session.document, Edit::Undo);
            self.report(result);
        }
    }

    /// Redoes the last undone annotation change.
    pub fn redo(&mut self) {
        if let Some(session) = &mut self.session {
            let result = session.annotations.apply(&session.document, Edit::Redo);
            self.report(result);
        }
    }

    /// The right-hand panel with the selected paragraph's annotation and the list.
    pub(super) fn annotation_panel_ui(&mut self, ui: &mut Ui) {
        if !self.settings.show_annotation_panel {
            return;
        }
        let Some(session) = &mut self.session else {
            return;
        };
        let key = session.target_key();
        // Keep the note editor on the current target's note.
        let stored_note = key
            .as_ref()
            .and_then(|k| {
                session
                    .annotations
                    .store()
                    .annotation_for(&session.document, k)
            })
            .map(|a| a.note.clone())
            .unwrap_or_default();
        let editing = session.note_editor.has_focus(ui.ctx());
        if session.note_target != key || (!editing && session.note_editor.text() != stored_note) {
            session.note_editor.set_text(
                &mut self.engine,
                key.as_ref().map(TargetKey::paragraph),
                &stored_note,
                self.settings.face,
            );
            session.note_target.clone_from(&key);
        }
        let panel = egui::Panel::right("annotations")
            .resizable(true)
            .default_size(340.0)
            .min_size(240.0);
        let mut panel_result = None;
        panel.show(ui, |ui| {
            super::overview::filter_ui(ui, &mut self.engine, session);
            egui::CollapsingHeader::new("Statistics")
                .id_salt("statistics")
                .show(ui, |ui| {
                    super::overview::statistics_ui(ui, &mut self.engine, session);
                });
            ui.separator();
            panel_result = Some(annotation_panel_ui(
                ui,
                &mut self.engine,
                &session.document,
                session.annotations.store(),
                key.as_ref(),
                &mut session.note_editor,
            ));
        });
        let Some((actions, note)) = panel_result else {
            return;
        };
        let mut results = Vec::new();
        if note.changed
            && let Some(target) = session.note_target.clone()
        {
            let text = session.note_editor.text();
            results.push(
                session
                    .annotations
                    .apply(&session.document, Edit::SetNote { target, text }),
            );
        }
        if note.finished {
            results.push(
                session
                    .annotations
                    .apply(&session.document, Edit::EndNoteEditing),
            );
        }
        for action in actions {
            match apply_panel_action(session, action, key.as_ref()) {
                Ok(Some(message)) => self.message = Some(message),
                Ok(None) => {}
                Err(error) => results.push(Err(error)),
            }
        }
        for result in results {
            self.report(result);
        }
    }

    fn saver(&mut self, ctx: &egui::Context) -> &mut Saver {
        self.saver
            .get_or_insert_with(|| Saver::new(super::waker(ctx)))
    }

    /// Sends the annotations to the saver when they have waited long enough (or now).
    pub(super) fn schedule_save(&mut self, ctx: &egui::Context, immediately: bool) {
        let busy = self.saver.as_ref().is_some_and(Saver::is_busy);
        let Some(session) = &mut self.session else {
            return;
        };
        if busy {
            return;
        }
        // Positions are never saved for a text other than the one on disk: a changed article
        // is read and the annotations re-anchored first (the save follows).
        if session
            .watch
            .as_mut()
            .is_some_and(|watch| watch.blocks_saving(ctx))
        {
            return;
        }
        let request = match session.annotations.save_request(immediately) {
            Ok(Some(request)) => request,
            Ok(None) => return,
            Err(wait) => {
                ctx.request_repaint_after(wait);
                return;
            }
        };
        self.saver(ctx).submit(request);
    }

    fn finish_save(&mut self, outcome: SaveOutcome) {
        let Some(session) = &mut self.session else {
            return;
        };
        if let Some(message) = session.annotations.finish_save(outcome, &session.document) {
            self.message = Some(message);
        }
    }

    pub(super) fn poll_saves(&mut self, ctx: &egui::Context) {
        while let Some(outcome) = self.saver.as_mut().and_then(Saver::poll) {
            self.finish_save(outcome);
        }
        self.poll_save_as(ctx);
        self.poll_export();
    }

    /// Ctrl+S: saves at once and waits for it.
    pub fn save_now(&mut self, ctx: &egui::Context) {
        self.schedule_save(ctx, true);
        if let Some(saver) = &mut self.saver {
            for outcome in saver.drain() {
                self.finish_save(outcome);
            }
        }
        // A conflict merged on the way leaves changes to save.
        self.schedule_save(ctx, true);
        if let Some(saver) = &mut self.saver {
            for outcome in saver.drain() {
                self.finish_save(outcome);
            }
        }
    }

    /// Saves everything pending on this thread (before switching articles or exiting).
    pub(super) fn flush_saves(&mut self) {
        if let Some(saver) = &mut self.saver {
            let outcomes = saver.drain();
            for outcome in outcomes {
                self.finish_save(outcome);
            }
        }
        for _ in 0..2 {
            let Some(session) = &mut self.session else {
                return;
            };
            let Ok(Some(request)) = session.annotations.save_request(true) else {
                return;
            };
            let outcome = saver::save(request);
            self.finish_save(outcome);
        }
    }

    /// Saves pending annotations before the open article is reopened differently; when that
    /// fails, says `what_happened` and why, and returns false (the caller does nothing).
    pub(super) fn saved_first(&mut self, what_happened: &str) -> bool {
        self.flush_saves();
        let unsaved = self
            .session
            .as_ref()
            .is_some_and(|s| s.annotations.has_unsaved_changes());
        if unsaved {
            self.message = Some(format!(
                "{what_happened}: the open article's annotations could not be saved first."
            ));
        }
        !unsaved
    }

    /// File > Save Annotations As…
    pub fn ask_save_as(&mut self, ctx: &egui::Context) {
        let Some(session) = &self.session else {
            return;
        };
        let name = session.annotations.sidecar_file_name();
        self.pending_save_as = Some(self.picker.pick_save_path(ctx, &name));
    }

    /// File ▸ Export Annotations: asks where, then writes the open article's annotations.
    pub fn ask_export(&mut self, ctx: &egui::Context, format: crate::export::ExportFormat) {
        let Some(session) = &self.session else {
            return;
        };
        let stem = session
            .document
            .path
            .as_ref()
            .and_then(|p| p.file_stem())
            .map_or_else(
                || "annotations".to_owned(),
                |s| s.to_string_lossy().into_owned(),
            );
        let name = format!("{stem}.{}", format.extension());
        self.pending_export = Some((format, self.picker.pick_save_path(ctx, &name)));
    }

    /// Writes the open article's annotations to `path` in `format`.
    pub fn export_to(&mut self, format: crate::export::ExportFormat, path: &std::path::Path) {
        let Some(session) = &self.session else {
            return;
        };
        let article = session
            .document
            .path
            .clone()
            .unwrap_or_else(|| PathBuf::from("article.txt"));
        let item = crate::export::from_parts(
            &article,
            session.document.clone(),
            session.annotations.store().sidecar().clone(),
        );
        let text = crate::export::export(&[item], format);
        self.message = Some(match std::fs::write(path, text) {
            Ok(()) => format!(
                "Exported {} annotation(s) to {}",
                session.annotations.store().annotations().len(),
                path.display()
            ),
            Err(error) => format!("Could not write the export ({error}): {}", path.display()),
        });
    }

    fn poll_export(&mut self) {
        let Some((format, job)) = &mut self.pending_export else {
            return;
        };
        let format = *format;
        let answer = match job.poll() {
            Poll::Ready(answer) => answer,
            Poll::Pending => return,
            Poll::Done => None,
        };
        self.pending_export = None;
        if let Some(path) = answer {
            self.export_to(format, &path);
        }
    }

    fn poll_save_as(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.pending_save_as else {
            return;
        };
        let answer = match job.poll() {
            Poll::Ready(answer) => answer,
            Poll::Pending => return,
            Poll::Done => None,
        };
        self.pending_save_as = None;
        let Some(path) = answer else { return };
        self.save_as(ctx, &path);
    }

    /// Saves the annotations to `path` and keeps saving there. A file there that is not a
    /// sidecar this version can read (a damaged one, a newer version's, anything else) is
    /// never replaced.
    pub fn save_as(&mut self, ctx: &egui::Context, path: &std::path::Path) {
        use crate::annotation::sidecar::{self, SidecarError};
        let existing = match sidecar::read(path) {
            Ok(existing) => existing,
            Err(error @ (SidecarError::Corrupt { .. } | SidecarError::TooNew { .. })) => {
                self.message = Some(format!(
                    "Not saved there: the file there would be replaced, and it is not annotations this version can read ({error}). Choose another name."
                ));
                return;
            }
            // Unreadable: the save itself fails and says why.
            Err(_) => None,
        };
        if let Some(saver) = &mut self.saver {
            for outcome in saver.drain() {
                self.finish_save(outcome);
            }
        }
        let Some(session) = &mut self.session else {
            return;
        };
        let request = session.annotations.save_as(path.to_owned(), existing);
        let outcome = saver::save(request);
        self.finish_save(outcome);
        if self
            .session
            .as_ref()
            .is_some_and(|s| s.annotations.status == SaveStatus::Saved)
        {
            self.message = Some(format!("Annotations saved to {}", path.display()));
        }
        ctx.request_repaint();
    }

    /// Merges changes made to the sidecar by others when the window comes back into focus.
    pub(super) fn check_focus_regained(&mut self, ctx: &egui::Context) {
        let focused = ctx.input(|i| i.focused);
        let regained = focused && !self.window_focused;
        self.window_focused = focused;
        if !regained {
            return;
        }
        if let Some(session) = &mut self.session {
            if let Some(watch) = &mut session.watch {
                watch.check_soon();
            }
            if let Some(message) = session.annotations.check_disk(&session.document) {
                self.message = Some(message);
            }
        }
    }

    /// Saves before the window closes; if that fails, keeps the window open once, with a
    /// recovery copy written to the data folder and a message saying where.
    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) {
            return;
        }
        self.flush_saves();
        let Some(session) = &self.session else { return };
        if !session.annotations.has_unsaved_changes() {
            return;
        }
        if self.close_refused {
            // Closing after the warning: what was done since goes into a fresh copy.
            match crate::session::write_recovery_copy(&session.annotations) {
                Some(path) => log::warn!("unsaved annotations kept at {}", path.display()),
                None => log::error!("unsaved annotations could not be kept on closing"),
            }
            return;
        }
        ctx.send_viewport_cmd(ViewportCommand::CancelClose);
        self.close_refused = true;
        let recovery = crate::session::write_recovery_copy(&session.annotations);
        self.message = Some(match recovery {
            Some(path) => format!(
                "Your annotations could not be saved next to the article, so a copy was kept at {} — use File > Save Annotations As… to save them where you want, or close again to quit.",
                path.display()
            ),
            None => "Your annotations could not be saved — use File > Save Annotations As…, or close again to quit without them.".to_owned(),
        });
    }

    /// Text for the status bar about saving.
    pub(super) fn save_status_text(&self) -> Option<(String, Option<Color32>)> {
        let session = self.session.as_ref()?;
        Some(match &session.annotations.status {
            SaveStatus::Saved => ("saved".to_owned(), None),
            SaveStatus::Unsaved => ("unsaved changes".to_owned(), None),
            SaveStatus::Saving => ("saving…".to_owned(), None),
            SaveStatus::Failed(_) => (
                "not saved: error".to_owned(),
                Some(Color32::from_rgb(0xd0, 0x40, 0x30)),
            ),
            SaveStatus::Off(reason) => (reason.clone(), None),
        })
    }
}

/// Carries out one request from the annotation panel; returns a message for the user.
fn apply_panel_action(
    session: &mut Session,
    action: PanelAction,
    key: Option<&TargetKey>,
) -> Result<Option<String>, StoreError> {
    let document = &session.document;
    let mut edit = |edit| session.annotations.apply(document, edit);
    match action {
        PanelAction::ToggleLabel(label) => {
            if let Some(key) = key {
                edit(Edit::ToggleLabel {
                    target: key.clone(),
                    label,
                })?;
            }
        }
        PanelAction::SetColor(color) => {
            if let Some(key) = key {
                edit(Edit::SetColor {
                    target: key.clone(),
                    color,
                })?;
            }
        }
        PanelAction::Delete(id) => edit(Edit::Delete(id))?,
        PanelAction::SelectAnnotation(id) => {
            let store = session.annotations.store();
            let found = store.annotations().iter().find(|a| a.id == id).map(|a| {
                let span = (a.target.kind == crate::annotation::TargetKind::Span)
                    .then(|| store.span_bytes_in_paragraph(document, a))
                    .flatten();
                (a.target.paragraph, span)
            });
            if let Some((paragraph, span)) = found {
                session.reader.select(paragraph);
                session.reader.text_selection = span.map(|bytes| crate::ui::TextSelection {
                    paragraph,
                    anchor: bytes.start,
                    focus: bytes.end,
                });
            }
        }
        PanelAction::StartAfresh => {
            return Ok(Some(
                match session.annotations.start_afresh(&session.document) {
                    Ok(moved) => format!(
                        "The damaged annotations file was kept as {}",
                        moved.display()
                    ),
                    Err(error) => error.to_string(),
                },
            ));
        }
    }
    Ok(None)
}
