//! A multi-line text editor for notes that handles Arabic and mixed text: cosmic-text's
//! `Editor` does the bidi-aware cursor movement, selection and deletion; this widget feeds it
//! egui's keyboard, IME, clipboard and pointer events and draws it through the glyph atlas.
//! (egui's `TextEdit` has no bidirectional layout.)

use cosmic_text::{
    Action, Attrs, Buffer, Cursor, Edit as _, Editor, Family, Metrics, Motion, Selection, Shaping,
};
use egui::{
    CornerRadius, Event, EventFilter, Id, Key, Modifiers, Rect, Response, Role, Sense, Ui,
    WidgetInfo, pos2, vec2,
};

use super::reader::{grapheme_under, word_at};
use crate::text::{GlyphBatch, ReadingFace, TextEngine};

/// Font size of notes in points.
const NOTE_FONT_SIZE_PT: f32 = 16.0;
/// Inner padding of the editor box.
const PADDING_PT: f32 = 6.0;
/// Height shown even for an empty note, in lines.
const MIN_LINES: f32 = 3.0;

/// What happened in the editor this frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NoteEditorOutput {
    /// The text changed.
    pub changed: bool,
    /// The user left the editor (Escape, or focus moved elsewhere).
    pub finished: bool,
    /// Enter was pressed in a one-line field (`Some(true)` with Shift).
    pub submitted: Option<bool>,
}

/// The note editor's state.
pub struct NoteEditor {
    editor: Editor<'static>,
    id: Id,
    face: ReadingFace,
    had_focus: bool,
    single_line: bool,
    /// Name announced to assistive technology (`None`: "Note" in the interface language).
    name: Option<String>,
    /// The paragraph whose note is being edited.
    pub paragraph: Option<usize>,
    /// Text an input method is composing, shown underlined at the cursor but not yet part of
    /// the note: where it starts and ends in the buffer (always within one line).
    preedit: Option<(Cursor, Cursor)>,
}

impl std::fmt::Debug for NoteEditor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NoteEditor")
            .field("paragraph", &self.paragraph)
            .field("text", &self.text())
            .finish_non_exhaustive()
    }
}

impl NoteEditor {
    /// An empty editor with egui id `id`.
    pub fn new(id: Id) -> Self {
        let metrics = Metrics::new(NOTE_FONT_SIZE_PT, NOTE_FONT_SIZE_PT * 1.5);
        Self {
            editor: Editor::new(Buffer::new_empty(metrics)),
            id,
            face: ReadingFace::default(),
            had_focus: false,
            single_line: false,
            name: None,
            paragraph: None,
            preedit: None,
        }
    }

    /// Sets the name announced to assistive technology.
    #[must_use]
    pub fn named(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// A one-line field (Enter finishes instead of starting a new line).
    pub fn single_line(id: Id) -> Self {
        Self {
            single_line: true,
            ..Self::new(id)
        }
    }

    /// The egui id (for focus).
    pub fn id(&self) -> Id {
        self.id
    }

    /// Replaces the text (when another paragraph is selected); the cursor goes to the end.
    pub fn set_text(
        &mut self,
        engine: &mut TextEngine,
        paragraph: Option<usize>,
        text: &str,
        face: ReadingFace,
    ) {
        self.paragraph = paragraph;
        self.face = face;
        self.preedit = None;
        let attrs = Attrs::new().family(Family::Name(face.family_name()));
        self.editor.with_buffer_mut(|buffer| {
            buffer.set_text(text, &attrs, Shaping::Advanced, None);
        });
        self.editor.set_selection(Selection::None);
        let last_line = self.editor.with_buffer(|b| b.lines.len().saturating_sub(1));
        let end = self
            .editor
            .with_buffer(|b| b.lines.get(last_line).map_or(0, |l| l.text().len()));
        self.editor.set_cursor(Cursor::new(last_line, end));
        self.editor.shape_as_needed(&mut engine.font_system, false);
    }

    /// The current text, lines joined with `\n` (without text an input method is still
    /// composing).
    pub fn text(&self) -> String {
        self.editor.with_buffer(|buffer| {
            let mut lines: Vec<String> = buffer
                .lines
                .iter()
                .map(|line| line.text().to_owned())
                .collect();
            if let Some((start, end)) = self.preedit
                && let Some(line) = lines.get_mut(start.line)
                && line.get(start.index..end.index).is_some()
            {
                line.replace_range(start.index..end.index, "");
            }
            lines.join("\n")
        })
    }

    /// The text an input method is composing, if any.
    pub fn preedit(&self) -> Option<String> {
        let (start, end) = self.preedit?;
        self.editor.with_buffer(|buffer| {
            let line = buffer.lines.get(start.line)?;
            line.text().get(start.index..end.index).map(str::to_owned)
        })
    }

    /// Removes the composing text from the buffer, leaving the cursor where it was.
    fn clear_preedit(&mut self, engine: &mut TextEngine) {
        let Some((start, end)) = self.preedit.take() else {
            return;
        };
        self.editor.set_selection(Selection::Normal(start));
        self.editor.set_cursor(end);
        self.editor.delete_selection();
        self.editor.shape_as_needed(&mut engine.font_system, false);
    }

    /// Shows `text` as the composition in progress at the cursor (replacing the previous one).
    /// An empty composition only ends the one in progress: some platforms send one whenever
    /// the cursor moves, and it must not delete selected text. Returns true when starting a
    /// composition replaced selected text.
    fn set_preedit(&mut self, engine: &mut TextEngine, text: &str) -> bool {
        self.clear_preedit(engine);
        let text = text.replace(['\n', '\r'], " ");
        if text.is_empty() {
            return false;
        }
        let replaced = self.editor.delete_selection();
        let start = self.editor.cursor();
        self.editor.insert_string(&text, None);
        let end = self.editor.cursor();
        if start.line == end.line && start.index < end.index {
            self.preedit = Some((start, end));
        }
        self.editor.shape_as_needed(&mut engine.font_system, false);
        replaced
    }

    /// Deletes `before` characters before the cursor and `after` after it, within its line
    /// (an input method's request).
    fn delete_surrounding(&mut self, engine: &mut TextEngine, before: usize, after: usize) {
        let cursor = self.editor.cursor();
        let Some(line) = self
            .editor
            .with_buffer(|b| b.lines.get(cursor.line).map(|l| l.text().to_owned()))
        else {
            return;
        };
        let index = cursor.index.min(line.len());
        let Some((head, tail)) = line.split_at_checked(index) else {
            return;
        };
        let from = head
            .char_indices()
            .rev()
            .take(before)
            .last()
            .map_or(index, |(i, _)| i);
        let to = tail
            .char_indices()
            .nth(after)
            .map_or(line.len(), |(i, _)| index + i);
        self.editor
            .set_selection(Selection::Normal(Cursor::new(cursor.line, from)));
        self.editor.set_cursor(Cursor::new(cursor.line, to));
        self.editor.delete_selection();
        self.editor.shape_as_needed(&mut engine.font_system, false);
    }

    /// True when the editor has keyboard focus.
    pub fn has_focus(&self, ctx: &egui::Context) -> bool {
        ctx.memory(|m| m.has_focus(self.id))
    }

    /// Gives the editor keyboard focus.
    pub fn focus(&self, ctx: &egui::Context) {
        ctx.memory_mut(|m| m.request_focus(self.id));
    }

    /// Inserts text at the cursor as if typed (used by tests and paste).
    pub fn insert(&mut self, engine: &mut TextEngine, text: &str) {
        self.editor.delete_selection();
        if self.single_line {
            self.editor
                .insert_string(&text.replace(['\n', '\r'], " "), None);
        } else {
            self.editor.insert_string(text, None);
        }
        self.editor.shape_as_needed(&mut engine.font_system, false);
    }

    fn motion(&mut self, engine: &mut TextEngine, motion: Motion, extend: bool) {
        match (extend, self.editor.selection()) {
            (true, Selection::None) => self
                .editor
                .set_selection(Selection::Normal(self.editor.cursor())),
            (false, Selection::Normal(_) | Selection::Line(_) | Selection::Word(_)) => {
                self.editor.set_selection(Selection::None);
            }
            _ => {}
        }
        self.editor
            .action(&mut engine.font_system, Action::Motion(motion));
    }

    /// Handles one key press; returns (changed, finished).
    fn key(
        &mut self,
        engine: &mut TextEngine,
        key: Key,
        modifiers: Modifiers,
        output: &mut NoteEditorOutput,
    ) -> (bool, bool) {
        let word = modifiers.command || modifiers.alt;
        let shift = modifiers.shift;
        let motion = match key {
            // Visual movement: Left goes left on screen in Arabic and Latin alike.
            Key::ArrowLeft if word => Some(Motion::LeftWord),
            Key::ArrowRight if word => Some(Motion::RightWord),
            Key::ArrowLeft => Some(Motion::Left),
            Key::ArrowRight => Some(Motion::Right),
            Key::ArrowUp => Some(Motion::Up),
            Key::ArrowDown => Some(Motion::Down),
            Key::Home if modifiers.command => Some(Motion::BufferStart),
            Key::End if modifiers.command => Some(Motion::BufferEnd),
            Key::Home => Some(Motion::Home),
            Key::End => Some(Motion::End),
            _ => None,
        };
        if let Some(motion) = motion {
            self.motion(engine, motion, shift);
            return (false, false);
        }
        let fs = &mut engine.font_system;
        match key {
            Key::Escape => (false, true),
            Key::Backspace if word => {
                if self.editor.selection() == Selection::None {
                    self.editor
                        .set_selection(Selection::Normal(self.editor.cursor()));
                    self.editor.action(fs, Action::Motion(Motion::PreviousWord));
                }
                (self.editor.delete_selection(), false)
            }
            Key::Backspace => {
                self.editor.action(fs, Action::Backspace);
                (true, false)
            }
            Key::Delete => {
                self.editor.action(fs, Action::Delete);
                (true, false)
            }
            Key::Enter if self.single_line => {
                output.submitted = Some(modifiers.shift);
                (false, false)
            }
            Key::Enter => {
                self.editor.action(fs, Action::Enter);
                (true, false)
            }
            Key::A if modifiers.command => {
                self.editor.set_cursor(Cursor::new(0, 0));
                self.editor
                    .set_selection(Selection::Normal(Cursor::new(0, 0)));
                self.editor.action(fs, Action::Motion(Motion::BufferEnd));
                (false, false)
            }
            _ => (false, false),
        }
    }

    fn handle_events(&mut self, ui: &Ui, engine: &mut TextEngine, output: &mut NoteEditorOutput) {
        let events = ui.input(|i| i.events.clone());
        for event in events {
            // Input other than a new composition ends the one in progress (key releases and
            // pointer motion do not).
            let ends_composition = matches!(
                event,
                Event::Text(_)
                    | Event::Paste(_)
                    | Event::Cut
                    | Event::Key { pressed: true, .. }
                    | Event::PointerButton { pressed: true, .. }
                    | Event::Ime(
                        egui::ImeEvent::Commit(_) | egui::ImeEvent::DeleteSurrounding { .. }
                    )
            );
            if ends_composition {
                self.clear_preedit(engine);
            }
            match event {
                Event::Text(text) | Event::Paste(text) if !text.chars().all(char::is_control) => {
                    self.insert(engine, &text);
                    output.changed = true;
                }
                Event::Ime(egui::ImeEvent::Commit(text)) if !text.is_empty() => {
                    self.insert(engine, &text);
                    output.changed = true;
                }
                Event::Ime(egui::ImeEvent::Preedit { text, .. }) => {
                    output.changed |= self.set_preedit(engine, &text);
                }
                Event::Ime(egui::ImeEvent::DeleteSurrounding {
                    before_chars,
                    after_chars,
                }) => {
                    self.delete_surrounding(engine, before_chars, after_chars);
                    output.changed = true;
                }
                Event::Copy => {
                    if let Some(text) = self.editor.copy_selection() {
                        ui.ctx().copy_text(text);
                    }
                }
                Event::Cut => {
                    if let Some(text) = self.editor.copy_selection() {
                        ui.ctx().copy_text(text);
                        output.changed |= self.editor.delete_selection();
                    }
                }
                Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } => {
                    let (changed, finished) = self.key(engine, key, modifiers, output);
                    output.changed |= changed;
                    output.finished |= finished;
                }
                _ => {}
            }
        }
    }

    /// Shows the editor. `placeholder` is shown when empty: in egui's font, or laid out by
    /// `engine` when it has right-to-left letters.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        engine: &mut TextEngine,
        placeholder: &str,
    ) -> (Response, NoteEditorOutput) {
        let mut output = NoteEditorOutput::default();
        let width = ui.available_width().max(60.0);
        let text_width = width - 2.0 * PADDING_PT;
        let line_height = NOTE_FONT_SIZE_PT * 1.5;
        // In a right-to-left interface every line starts at the right, a Latin one too, as
        // text fields do there.
        let align = crate::i18n::is_rtl().then_some(cosmic_text::Align::Right);
        self.editor.with_buffer_mut(|buffer| {
            buffer.set_size(Some(text_width), None);
            for line in &mut buffer.lines {
                line.set_align(align);
            }
        });
        self.editor.shape_as_needed(&mut engine.font_system, false);

        let focused = ui.memory(|m| m.has_focus(self.id));
        if focused {
            ui.memory_mut(|m| {
                m.set_focus_lock_filter(
                    self.id,
                    EventFilter {
                        tab: false,
                        horizontal_arrows: true,
                        vertical_arrows: true,
                        escape: true,
                    },
                );
            });
            self.handle_events(ui, engine, &mut output);
            self.editor.shape_as_needed(&mut engine.font_system, false);
        }

        let text_height = self.editor.with_buffer(|buffer| {
            buffer
                .layout_runs()
                .last()
                .map_or(0.0, |run| run.line_top + run.line_height)
        });
        let min_lines = if self.single_line { 1.0 } else { MIN_LINES };
        let height = text_height.max(min_lines * line_height) + 2.0 * PADDING_PT;
        let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
        // Under our own id, so that egui keeps the keyboard focus on it across frames.
        let response = ui.interact(rect, self.id, Sense::click_and_drag());
        let inner = rect.shrink(PADDING_PT);
        self.handle_pointer(ui, engine, &response, inner);

        let visuals = ui.visuals();
        let stroke = if focused {
            visuals.selection.stroke
        } else {
            visuals.widgets.inactive.bg_stroke
        };
        ui.painter().rect(
            rect,
            CornerRadius::same(4),
            visuals.extreme_bg_color,
            stroke,
            egui::StrokeKind::Inside,
        );
        self.paint(ui, engine, inner, focused, placeholder);

        if self.had_focus && !focused {
            output.finished = true;
        }
        if !focused || output.finished {
            self.clear_preedit(engine);
        }
        if output.finished && focused {
            ui.memory_mut(|m| m.surrender_focus(self.id));
        }
        self.had_focus = focused && !output.finished;
        let text = self.text();
        response.widget_info(|| {
            let role = if self.single_line {
                Role::TextInput
            } else {
                Role::MultilineTextInput
            };
            let name = self.name.clone().unwrap_or_else(|| crate::tr!("note-name"));
            let mut info = WidgetInfo::labeled(role, true, name);
            info.current_text_value = Some(text.clone());
            info
        });
        (response, output)
    }

    fn handle_pointer(
        &mut self,
        ui: &Ui,
        engine: &mut TextEngine,
        response: &Response,
        inner: Rect,
    ) {
        let Some(pointer) = response.interact_pointer_pos() else {
            return;
        };
        let local = pointer - inner.min;
        let (x, y) = (local.x as i32, local.y as i32);
        let fs = &mut engine.font_system;
        // Every click focuses, a double click too: its two clicks may come in one frame.
        if response.drag_started() || response.clicked() {
            ui.memory_mut(|m| m.request_focus(self.id));
        }
        // egui counts every quick click after the second as a triple click: check it first,
        // so that it never falls through to a plain click, which would drop the selection.
        if response.triple_clicked() {
            self.editor.action(fs, Action::TripleClick { x, y });
        } else if response.double_clicked() {
            self.select_word(fs, local);
        } else if response.drag_started() || response.clicked() {
            self.editor.action(fs, Action::Click { x, y });
        } else if response.dragged() {
            self.editor.action(fs, Action::Drag { x, y });
        }
    }

    /// Selects the word under the pointer, marks included, with the caret after it.
    /// (cosmic-text's own double click looks words up from the caret gap, so on the first or
    /// last letter of a word it also takes the neighbouring word.)
    fn select_word(&mut self, fs: &mut cosmic_text::FontSystem, local: egui::Vec2) {
        let hit = self.editor.with_buffer_mut(|buffer| {
            buffer.shape_until_scroll(fs, false);
            buffer.hit(local.x, local.y)
        });
        let Some(hit) = hit else {
            return;
        };
        let word = self.editor.with_buffer(|buffer| {
            buffer.lines.get(hit.line).map(|line| {
                let text = line.text();
                word_at(text, grapheme_under(text, hit))
            })
        });
        match word {
            Some(word) if !word.is_empty() => {
                self.editor
                    .set_selection(Selection::Normal(Cursor::new(hit.line, word.start)));
                self.editor.set_cursor(Cursor::new(hit.line, word.end));
            }
            _ => {
                self.editor.set_selection(Selection::None);
                self.editor.set_cursor(hit);
            }
        }
    }

    fn paint(
        &mut self,
        ui: &Ui,
        engine: &mut TextEngine,
        inner: Rect,
        focused: bool,
        placeholder: &str,
    ) {
        let ctx = ui.ctx().clone();
        let painter = ui.painter_at(inner.expand(2.0));
        let visuals = ui.visuals();
        let text_color = visuals.text_color();
        let selection_color = visuals.selection.bg_fill;
        let is_empty = self
            .editor
            .with_buffer(|b| b.lines.iter().all(|l| l.text().is_empty()));
        if is_empty && !focused {
            paint_placeholder(ui, engine, &painter, inner, placeholder);
        }
        let bounds = self.editor.selection_bounds();
        let cursor = self.editor.cursor();
        let preedit = self.preedit;
        let ppp = ctx.pixels_per_point();
        let mut batch = GlyphBatch::default();
        let mut cursor_rect = None;
        self.editor.with_buffer(|buffer| {
            for run in buffer.layout_runs() {
                let top = inner.top() + run.line_top;
                if let Some((start, end)) = bounds {
                    for (x, w) in run.highlight(start, end) {
                        painter.rect_filled(
                            Rect::from_min_size(
                                pos2(inner.left() + x, top),
                                vec2(w, run.line_height),
                            ),
                            CornerRadius::ZERO,
                            selection_color,
                        );
                    }
                }
                if let Some((start, end)) = preedit {
                    // The composition is underlined, as input methods expect.
                    for (x, w) in run.highlight(start, end) {
                        painter.rect_filled(
                            Rect::from_min_size(
                                pos2(inner.left() + x, top + run.line_height - 3.0),
                                vec2(w, 1.5),
                            ),
                            CornerRadius::ZERO,
                            text_color,
                        );
                    }
                }
                if let Some(x) = run.cursor_position(&cursor)
                    && cursor_rect.is_none()
                {
                    // An empty line's caret is at its start: the right in a right-to-left
                    // interface.
                    let x = if run.glyphs.is_empty() && crate::i18n::is_rtl() {
                        inner.width() - 1.5
                    } else {
                        x
                    };
                    cursor_rect = Some(Rect::from_min_size(
                        pos2(inner.left() + x, top),
                        vec2(1.5, run.line_height),
                    ));
                }
                engine.atlas.add_run(
                    &ctx,
                    &mut engine.font_system,
                    &mut batch,
                    &run,
                    inner.min,
                    text_color,
                    ppp,
                );
            }
        });
        painter.extend(engine.atlas.shapes(batch));
        if focused {
            let cursor_rect = cursor_rect.unwrap_or_else(|| {
                Rect::from_min_size(
                    pos2(inner.right() - 2.0, inner.top()),
                    vec2(1.5, NOTE_FONT_SIZE_PT * 1.5),
                )
            });
            painter.rect_filled(cursor_rect, CornerRadius::ZERO, text_color);
            ctx.output_mut(|o| {
                o.ime = Some(egui::output::IMEOutput {
                    purpose: egui::IMEPurpose::Normal,
                    rect: inner,
                    cursor_rect,
                    should_interrupt_composition: false,
                });
            });
        }
    }
}

/// The placeholder of an empty editor, in the weak text colour: in egui's font, or laid out
/// by `engine` when it has right-to-left letters (egui's font has no Arabic), then starting
/// at the right when it reads right to left.
fn paint_placeholder(
    ui: &Ui,
    engine: &mut TextEngine,
    painter: &egui::Painter,
    inner: Rect,
    placeholder: &str,
) {
    let color = ui.visuals().weak_text_color();
    if !super::tr::needs_bidi(placeholder) {
        let (anchor, align) = if crate::i18n::is_rtl() {
            (inner.right_top(), egui::Align2::RIGHT_TOP)
        } else {
            (inner.min, egui::Align2::LEFT_TOP)
        };
        painter.text(
            anchor,
            align,
            placeholder,
            egui::FontId::proportional(13.0),
            color,
        );
        return;
    }
    let style = super::bidi_label::ui_style(ReadingFace::default(), false);
    let fit = crate::text::Fit::Line(inner.width().max(40.0));
    let metrics = engine.measure_label(placeholder, &style, fit);
    let x = if metrics.rtl {
        inner.right() - metrics.size.x
    } else {
        inner.left()
    };
    engine.paint_label(
        painter,
        placeholder,
        &style,
        fit,
        pos2(x, inner.top()),
        color,
    );
}
