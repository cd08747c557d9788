//! Annotating in the app: keyboard commands, the annotation panel, marks in the reading
//! view, and keeping the sidecar saved (autosave, Ctrl+S, merge on conflict or focus,
//! saving before close).

use std::path::PathBuf;

use egui::{Color32, Ui};

use super::{Command, SaveStatus, Session, Workspace};
use crate::annotation::TargetKey;
use crate::annotation::store::StoreError;
use crate::jobs::Poll;
use crate::session::annotations::Edit;
use crate::session::saver::{self, SaveOutcome, Saver};
use crate::text::{TextEngine, TextStyle};
use crate::tr;
use crate::ui::tr::{self as t};
use crate::ui::{
    PanelAction, ParagraphMarks, ReaderColors, annotation_panel_ui, parse_hex_color, reader_ui,
};

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
    let selected_span = session.selected_span();
    let relation_source = session.relation_source;
    let relations = super::spans::relation_marks(store);
    let marks = |paragraph: usize| -> Option<ParagraphMarks> {
        let mut marks = ParagraphMarks {
            spans: super::spans::span_marks(
                store,
                document,
                paragraph,
                selected_span,
                relation_source,
                colors.selected_stroke,
            ),
            ..ParagraphMarks::default()
        };
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
            &relations,
        );
    });
    // A finished mouse selection snaps to whole words.
    let (released, alt) = ui.input(|i| (i.pointer.primary_released(), i.modifiers.alt));
    if released {
        session.snap_mouse_selection(alt);
    }
    super::overview::overview_strip_ui(ui, strip, session);
    // A plain click on an annotated passage selects that passage (the innermost one
    // there).
    if let Some((paragraph, byte)) = session.reader.clicked_at.take() {
        let store = session.annotations.store();
        if let Some(id) = super::spans::span_at(store, &session.document, paragraph, byte) {
            session.select_span(id);
        }
    }
}

impl Session {
    /// The file name an export of this article is suggested under, without extension.
    pub(super) fn export_stem(&self) -> String {
        self.document
            .path
            .as_ref()
            .and_then(|p| p.file_stem())
            .map_or_else(
                || "annotations".to_owned(),
                |s| s.to_string_lossy().into_owned(),
            )
    }

    /// The open article and its annotations, as the exports take them.
    pub(super) fn export_item(&self) -> crate::export::ArticleAnnotations {
        let article = self
            .document
            .path
            .clone()
            .unwrap_or_else(|| PathBuf::from("article.txt"));
        crate::export::from_parts(
            &article,
            self.document.clone(),
            self.annotations.store().sidecar().clone(),
        )
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

impl Workspace {
    /// Reports a refused change to the user.
    pub(super) fn report(&mut self, result: Result<(), StoreError>) {
        if let Err(error) = result {
            self.message = Some(error.to_string());
        }
    }

    /// The target of an annotation key, selecting the first visible paragraph when nothing
    /// is selected yet (`select`).
    pub(super) fn current_target(&mut self, select: bool) -> Option<TargetKey> {
        let session = self.session.as_mut()?;
        if select && session.reader.selected.is_none() {
            session.reader.move_selection(0);
        }
        session.target_key()
    }

    /// Carries out one annotation edit on the open article.
    pub(super) fn annotate(&mut self, edit: Edit) {
        if let Some(session) = &mut self.session {
            let result = session.annotations.apply(&session.document, edit);
            self.report(result);
        }
    }

    /// Keys 1–9: toggles the label with that key on the current target.
    pub(super) fn toggle_label_key(&mut self, key: char) {
        if self.entity_key(key) {
            return;
        }
        let Some(target) = self.current_target(true) else {
            return;
        };
        let label = self.session.as_ref().and_then(|s| {
            s.annotations
                .store()
                .scheme()
                .label_for_key(key)
                .map(|l| l.id.clone())
        });
        if let Some(label) = label {
            self.annotate(Edit::ToggleLabel { target, label });
        }
    }

    /// `c` / Shift+C: the next highlight colour, or none.
    pub(super) fn step_color(&mut self, clear: bool) {
        let Some(target) = self.current_target(!clear) else {
            return;
        };
        let current = self.session.as_ref().and_then(|s| {
            s.annotations
                .store()
                .annotation_for(&s.document, &target)
                .and_then(|a| a.color.clone())
        });
        self.annotate(Edit::SetColor {
            target,
            color: next_highlight(current.as_deref(), clear),
        });
    }

    /// Delete: removes the current target's annotation.
    pub(super) fn delete_current_annotation(&mut self) {
        if self.delete_selected_span() {
            return;
        }
        let Some(target) = self.current_target(false) else {
            return;
        };
        let id = self.session.as_ref().and_then(|s| {
            s.annotations
                .store()
                .annotation_for(&s.document, &target)
                .map(|a| a.id)
        });
        if let Some(id) = id {
            self.annotate(Edit::Delete(id));
        }
    }

    /// `t` / Shift+T: takes the other value of the selected annotation's first kept
    /// conflict, or keeps the current one (dismissing the conflict).
    pub(super) fn settle_conflict(&mut self, take: bool) {
        let Some(conflict) = self.session.as_ref().and_then(Session::selected_conflict) else {
            return;
        };
        self.annotate(if take {
            Edit::TakeOtherValue(conflict)
        } else {
            Edit::DismissConflict(conflict)
        });
    }

    /// Selects an annotation's paragraph or passage (a click in the list).
    pub(super) fn select_annotation(&mut self, id: uuid::Uuid) {
        let Some(session) = &mut self.session else {
            return;
        };
        let store = session.annotations.store();
        let found = store.annotations().iter().find(|a| a.id == id).map(|a| {
            let span = (a.target.kind == crate::annotation::TargetKind::Span)
                .then(|| store.span_bytes_in_paragraph(&session.document, a))
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

    /// Moves a damaged sidecar aside and starts with no annotations.
    pub(super) fn start_afresh(&mut self) {
        let Some(session) = &mut self.session else {
            return;
        };
        self.message = Some(match session.annotations.start_afresh(&session.document) {
            Ok(moved) => tr!("panel-afresh-kept", path = &moved),
            Err(error) => error.to_string(),
        });
    }

    /// Undoes the last annotation change.
    pub fn undo(&mut self) {
        self.annotate(Edit::Undo);
    }

    /// Redoes the last undone annotation change.
    pub fn redo(&mut self) {
        self.annotate(Edit::Redo);
    }

    pub(super) fn saver(&mut self, ctx: &egui::Context) -> &mut Saver {
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

    pub(super) fn finish_save(&mut self, outcome: SaveOutcome) {
        if matches!(outcome, SaveOutcome::Saved { .. })
            && let Some(folder) = &mut self.folder
        {
            // The saved sidecar may now differ from what git has.
            folder.refresh_git_status();
        }
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
        self.poll_entity_files();
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
            self.message = Some(tr!("panel-not-saved-first", what = what_happened));
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
        let name = format!("{}.{}", session.export_stem(), format.extension());
        self.pending_export = Some((format, self.picker.pick_save_path(ctx, &name)));
    }

    /// Writes the open article's annotations to `path` in `format`.
    pub fn export_to(&mut self, format: crate::export::ExportFormat, path: &std::path::Path) {
        let Some(session) = &self.session else {
            return;
        };
        let text = crate::export::export(&[session.export_item()], format);
        self.message = Some(match std::fs::write(path, text) {
            Ok(()) => tr!(
                "panel-exported",
                count = session.annotations.store().annotations().len(),
                path = path
            ),
            Err(error) => tr!(
                "panel-export-write-failed",
                error = error.to_string(),
                path = path
            ),
        });
    }

    pub(super) fn poll_export(&mut self) {
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

    pub(super) fn poll_save_as(&mut self, ctx: &egui::Context) {
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
                self.message = Some(tr!("panel-save-as-refused", error = error.to_string()));
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
            self.message = Some(tr!("panel-saved-to", path = path));
        }
        ctx.request_repaint();
    }

    /// Turns team mode on or off: saves, then reopens the article with the sidecar that
    /// mode uses (the annotator's own, or the shared one) and re-indexes the folder.
    pub fn set_team_mode(&mut self, ctx: &egui::Context, on: bool) {
        if on == self.settings.team_mode {
            return;
        }
        if !self.saved_first(&tr!("panel-team-mode-unchanged")) {
            return;
        }
        self.settings.team_mode = on;
        if let Some(path) = self.session.as_ref().and_then(|s| s.document.path.clone()) {
            self.open(ctx, path);
        }
        self.refresh_folder(ctx);
    }
}

/// The right-hand panel with the selected paragraph's annotation and the list.
pub(super) fn side_panel_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    session: &mut Session,
    face: crate::text::ReadingFace,
    commands: &mut Vec<Command>,
) {
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
            engine,
            key.as_ref().map(TargetKey::paragraph),
            &stored_note,
            face,
        );
        session.note_target.clone_from(&key);
    }
    // In a right-to-left interface the annotation panel is at the left of the reader.
    let panel = if crate::i18n::is_rtl() {
        egui::Panel::left("annotations")
    } else {
        egui::Panel::right("annotations")
    };
    let panel = panel.resizable(true).default_size(340.0).min_size(240.0);
    let mut panel_result = None;
    panel.show(ui, |ui| {
        let mut column = |ui: &mut Ui| panel_column_ui(ui, engine, session, key.as_ref(), commands);
        // In a right-to-left interface the panel's column lines up at the right.
        panel_result = Some(if crate::i18n::is_rtl() {
            ui.with_layout(t::column_layout(), column).inner
        } else {
            column(ui)
        });
    });
    let Some((actions, note)) = panel_result else {
        return;
    };
    let entity_span = session.has_span_labels() && matches!(key, Some(TargetKey::Span { .. }));
    if note.changed
        && let Some(target) = session.note_target.clone()
    {
        let text = session.note_editor.text();
        commands.push(Command::Annotate(Edit::SetNote { target, text }));
    }
    if note.finished {
        commands.push(Command::Annotate(Edit::EndNoteEditing));
    }
    for action in actions {
        commands.push(match action {
            PanelAction::ToggleLabel(label) if entity_span => Command::ToggleSpanLabel(label),
            PanelAction::ToggleLabel(label) => match &key {
                Some(target) => Command::Annotate(Edit::ToggleLabel {
                    target: target.clone(),
                    label,
                }),
                None => continue,
            },
            PanelAction::SetColor(color) => match &key {
                Some(target) => Command::Annotate(Edit::SetColor {
                    target: target.clone(),
                    color,
                }),
                None => continue,
            },
            PanelAction::Delete(id) => Command::Annotate(Edit::Delete(id)),
            PanelAction::SelectAnnotation(id) => Command::SelectAnnotation(id),
            PanelAction::StartAfresh => Command::StartAfresh,
            PanelAction::TakeOtherValue(conflict) => {
                Command::Annotate(Edit::TakeOtherValue(conflict))
            }
            PanelAction::DismissConflict(conflict) => {
                Command::Annotate(Edit::DismissConflict(conflict))
            }
        });
    }
}

/// What the panel shows, top to bottom: the paragraph filter, the statistics, the selected
/// paragraph's or passage's annotation, its entities, and the list of every annotation.
/// Returns the actions asked for and what happened in the note editor.
fn panel_column_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    session: &mut Session,
    key: Option<&TargetKey>,
    commands: &mut Vec<Command>,
) -> (Vec<PanelAction>, crate::ui::NoteEditorOutput) {
    super::overview::filter_ui(ui, engine, session);
    collapsing_section(ui, "statistics", tr!("panel-statistics"), |ui| {
        super::overview::statistics_ui(ui, engine, session);
    });
    ui.separator();
    let (mut actions, note) = annotation_panel_ui(
        ui,
        engine,
        &session.document,
        session.annotations.store(),
        key,
        &mut session.note_editor,
    );
    entity_section_ui(ui, engine, session, commands);
    crate::ui::annotation_panel::annotation_list_ui(
        ui,
        engine,
        &session.document,
        session.annotations.store(),
        key,
        &mut actions,
    );
    (actions, note)
}

/// A section of the panel under a header that opens and closes it (kept closed at first).
/// In a right-to-left interface its arrow is at the right and its title is drawn by
/// cosmic-text; the open state is egui's, under the same id either way.
fn collapsing_section(ui: &mut Ui, id_salt: &str, title: String, add_body: impl FnOnce(&mut Ui)) {
    if !crate::i18n::is_rtl() && !t::needs_bidi(&title) {
        egui::CollapsingHeader::new(title)
            .id_salt(id_salt)
            .show(ui, add_body);
        return;
    }
    let id = ui.make_persistent_id(id_salt);
    let mut state =
        egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), id, false);
    if t::collapsing_header(ui, state.openness(ui.ctx()), title) {
        state.toggle(ui);
    }
    // The body is a column lined up at the reading side.
    state.show_body_unindented(ui, |ui| {
        ui.with_layout(t::column_layout(), add_body);
    });
}

/// The entity part of the panel, and the commands its buttons ask for.
fn entity_section_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    session: &Session,
    commands: &mut Vec<Command>,
) {
    let selection = crate::ui::entity_panel::EntitySelection {
        passage: session
            .reader
            .text_selection
            .filter(|s| !s.is_empty())
            .map(|s| (s.paragraph, s.range())),
        selected: session.selected_span(),
        source: session.relation_source,
    };
    let entity_actions = crate::ui::entity_panel::entity_panel_ui(
        ui,
        engine,
        &session.document,
        session.annotations.store(),
        &selection,
    );
    for action in entity_actions {
        use crate::ui::entity_panel::EntityAction as A;
        match action {
            A::Select(id) => commands.push(Command::SelectSpan(id)),
            A::Delete(id) => commands.push(Command::Annotate(Edit::Delete(id))),
            A::MarkSource(id) => commands.push(Command::SetRelationSource(id)),
            A::Relate(relation_type) => {
                if let (Some(source), Some(target)) = (selection.source, selection.selected) {
                    commands.push(Command::Annotate(Edit::AddRelation {
                        source,
                        target,
                        relation_type,
                    }));
                    commands.push(Command::SetRelationSource(None));
                }
            }
            A::DeleteRelation(id) => {
                commands.push(Command::Annotate(Edit::DeleteRelation(id)));
            }
        }
    }
}
