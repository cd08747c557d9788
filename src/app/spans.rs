//! Entity work in the window: passage selections that snap to whole tokens (with the
//! proclitic rule), keys that step and extend a selection word by word in visual order,
//! span labels applied with their keys, jumping from span to span, relations made by
//! marking a source and pressing a relation type's key, and the marks the reader draws for
//! nested spans and their relations.

use std::ops::Range;
use std::path::Path;

use egui::Color32;
use uuid::Uuid;

use super::{Session, Workspace};
use crate::annotation::{AnnotationStore, TargetKind};
use crate::arabic::tokens::{self, Lexicon, Token, TokenKind};
use crate::document::Document;
use crate::export::entities::{self, EntityFormat};
use crate::import::{self, ImportFormat};
use crate::jobs::Poll;
use crate::session::annotations::Edit;
use crate::tr;
use crate::ui::{RelationMark, SpanMark, TextSelection, parse_hex_color};

/// Whether `text` reads right to left: its first strong letter is Arabic-script (or Hebrew).
fn reads_rtl(text: &str) -> bool {
    for c in text.chars() {
        if matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        {
            return true;
        }
        if c.is_alphabetic() {
            return false;
        }
    }
    false
}

/// Word and punctuation tokens of a paragraph (what a passage snaps to).
fn paragraph_tokens(text: &str) -> Vec<Token> {
    tokens::tokens(text)
}

/// The first and last token indices a selection covers, in the order anchor → focus.
fn token_span(tokens: &[Token], selection: &TextSelection) -> Option<(usize, usize)> {
    let range = selection.range();
    let touched = tokens::tokens_touched(tokens, &range);
    if touched.is_empty() {
        return None;
    }
    let (first, last) = (touched.start, touched.end.checked_sub(1)?);
    Some(if selection.focus < selection.anchor {
        (last, first)
    } else {
        (first, last)
    })
}

/// A selection from token `anchor` to token `focus` (either order).
fn selection_of(tokens: &[Token], paragraph: usize, anchor: usize, focus: usize) -> TextSelection {
    let (a, f) = (&tokens[anchor], &tokens[focus]);
    if anchor <= focus {
        TextSelection {
            paragraph,
            anchor: a.bytes.start,
            focus: f.bytes.end,
        }
    } else {
        TextSelection {
            paragraph,
            anchor: a.bytes.end,
            focus: f.bytes.start,
        }
    }
}

impl Session {
    /// The words of the article, for the proclitic rule (built on first use).
    /// The text of paragraph `paragraph` and the article's words, borrowed together (the
    /// words are built on first use, never copied).
    fn text_and_lexicon(&mut self, paragraph: usize) -> Option<(&str, &Lexicon)> {
        let lexicon = self
            .lexicon
            .get_or_insert_with(|| Lexicon::from_text(&self.document.text));
        Some((self.document.paragraph_text(paragraph)?, lexicon))
    }

    /// Whether the open scheme has span labels of its own (entity work).
    pub fn has_span_labels(&self) -> bool {
        !self.annotations.store().scheme().span_labels.is_empty()
    }

    /// Whether paragraph `idx` reads right to left, as laid out (or by its first letter).
    fn paragraph_rtl(&self, idx: usize) -> bool {
        match self.reader.layout.get(idx) {
            Some(layout) => layout.is_rtl(),
            None => reads_rtl(self.document.paragraph_text(idx).unwrap_or("")),
        }
    }

    /// The passage annotations whose text is exactly the selected passage, the hint first.
    fn spans_at_selection(&self) -> Vec<Uuid> {
        let Some(selection) = self.reader.text_selection.filter(|s| !s.is_empty()) else {
            return Vec::new();
        };
        let store = self.annotations.store();
        let range = selection.range();
        let mut found: Vec<Uuid> = store
            .spans_of_paragraph(selection.paragraph)
            .filter(|a| store.span_bytes_in_paragraph(&self.document, a) == Some(range.clone()))
            .map(|a| a.id)
            .collect();
        if let Some(hint) = self.selected_span
            && let Some(at) = found.iter().position(|id| *id == hint)
        {
            found.swap(0, at);
        }
        found
    }

    /// The selected passage annotation: the one whose text is the selected passage.
    pub fn selected_span(&self) -> Option<Uuid> {
        self.spans_at_selection().first().copied()
    }

    /// Selects passage annotation `id` (its text becomes the selection).
    pub fn select_span(&mut self, id: Uuid) -> bool {
        let store = self.annotations.store();
        let Some(annotation) = store.annotation(id) else {
            return false;
        };
        let Some(bytes) = store.span_bytes_in_paragraph(&self.document, annotation) else {
            return false;
        };
        let paragraph = annotation.target.paragraph;
        self.reader.select(paragraph);
        self.reader.text_selection = Some(TextSelection {
            paragraph,
            anchor: bytes.start,
            focus: bytes.end,
        });
        self.selected_span = Some(id);
        true
    }

    /// After a mouse selection is finished: snaps it to whole tokens, starting after a
    /// proclitic when the scheme says so (or, with `flip`, for this one selection when it
    /// does not, and the other way round). Only for schemes with span labels.
    pub(super) fn snap_mouse_selection(&mut self, flip: bool) {
        if !self.has_span_labels() {
            return;
        }
        let Some(selection) = self.reader.text_selection.filter(|s| !s.is_empty()) else {
            return;
        };
        let detach = self.annotations.store().scheme().detach_proclitics != flip;
        let Some((text, lexicon)) = self.text_and_lexicon(selection.paragraph) else {
            return;
        };
        let snapped = tokens::snap_selection(text, selection.range(), detach.then_some(lexicon));
        self.reader.text_selection = snapped.map(|bytes| TextSelection {
            paragraph: selection.paragraph,
            anchor: bytes.start,
            focus: bytes.end,
        });
    }

    /// Left / Right (`extend`: with Shift): selects the next word in that visual direction,
    /// or moves the selection's moving end by a word. Words are tokens (punctuation marks
    /// are tokens of their own). Past a paragraph's last word the next paragraph's first
    /// word is selected.
    pub(super) fn step_word(&mut self, towards_left: bool, extend: bool) {
        let paragraph = match (self.reader.text_selection, self.reader.selected) {
            (Some(selection), _) => selection.paragraph,
            (None, Some(selected)) => selected,
            (None, None) => {
                self.reader.move_selection(0);
                match self.reader.selected {
                    Some(selected) => selected,
                    None => return,
                }
            }
        };
        let forward = towards_left == self.paragraph_rtl(paragraph);
        let Some(text) = self.document.paragraph_text(paragraph) else {
            return;
        };
        let tokens = paragraph_tokens(text);
        let current = self
            .reader
            .text_selection
            .filter(|s| s.paragraph == paragraph && !s.is_empty())
            .and_then(|s| token_span(&tokens, &s));
        let next = match current {
            None if tokens.is_empty() => None,
            None => Some(if forward { 0 } else { tokens.len() - 1 }),
            Some((_, focus)) if forward => focus.checked_add(1).filter(|&i| i < tokens.len()),
            Some((_, focus)) => focus.checked_sub(1),
        };
        match (next, current) {
            (Some(focus), Some((anchor, _))) if extend => {
                let selection = selection_of(&tokens, paragraph, anchor, focus);
                self.reader.text_selection = Some(self.detached(selection));
            }
            (Some(focus), _) => {
                let focus = if extend || current.is_none() {
                    focus
                } else {
                    // A plain step leaves a multi-word selection from its moving end.
                    Self::skip_punctuation(&tokens, focus, forward)
                };
                let selection = selection_of(&tokens, paragraph, focus, focus);
                self.reader.text_selection = Some(self.detached(selection));
            }
            (None, _) if !extend => self.step_into_paragraph(paragraph, forward),
            (None, _) => {}
        }
        self.selected_span = None;
        self.reader.select_keep_text(paragraph);
    }

    /// The first word token from `index` on in the direction of travel (punctuation is
    /// stepped over when walking word by word), or `index` when there is none.
    fn skip_punctuation(tokens: &[Token], index: usize, forward: bool) -> usize {
        let mut at = index;
        while tokens
            .get(at)
            .is_some_and(|t| t.kind == TokenKind::Punctuation)
        {
            let next = if forward {
                at.checked_add(1).filter(|&i| i < tokens.len())
            } else {
                at.checked_sub(1)
            };
            match next {
                Some(next) => at = next,
                None => return index,
            }
        }
        at
    }

    /// Selects the first (or last) word of the next (or previous) visible paragraph.
    fn step_into_paragraph(&mut self, from: usize, forward: bool) {
        self.reader.select(from);
        self.reader.move_selection(if forward { 1 } else { -1 });
        let Some(paragraph) = self.reader.selected.filter(|&p| p != from) else {
            return;
        };
        let Some(text) = self.document.paragraph_text(paragraph) else {
            return;
        };
        let tokens = paragraph_tokens(text);
        if tokens.is_empty() {
            return;
        }
        let at = if forward { 0 } else { tokens.len() - 1 };
        let at = Self::skip_punctuation(&tokens, at, forward);
        let selection = selection_of(&tokens, paragraph, at, at);
        self.reader.text_selection = Some(self.detached(selection));
    }

    /// `selection` starting after its first word's proclitics when the scheme detaches
    /// them (its end stays where it is).
    fn detached(&mut self, selection: TextSelection) -> TextSelection {
        if !self.annotations.store().scheme().detach_proclitics {
            return selection;
        }
        let Some((text, lexicon)) = self.text_and_lexicon(selection.paragraph) else {
            return selection;
        };
        let Some(range) = tokens::snap_selection(text, selection.range(), Some(lexicon)) else {
            return selection;
        };
        if selection.anchor <= selection.focus {
            TextSelection {
                anchor: range.start,
                ..selection
            }
        } else {
            TextSelection {
                focus: range.start,
                ..selection
            }
        }
    }

    /// `p`: starts the selected passage after its first word's proclitics, or at the word's
    /// start again when it already does.
    pub(super) fn toggle_proclitic(&mut self) -> Option<String> {
        let selection = self.reader.text_selection.filter(|s| !s.is_empty())?;
        let range = selection.range();
        let (text, lexicon) = self.text_and_lexicon(selection.paragraph)?;
        let whole = tokens::snap_to_tokens(text, range.clone())?;
        let detached = tokens::snap_selection(text, range.clone(), Some(lexicon))?;
        let next = if range.start == whole.start && detached.start != whole.start {
            detached
        } else if range.start != whole.start {
            whole.start..range.end
        } else {
            return Some(tr!("spans-no-proclitic"));
        };
        self.reader.text_selection = Some(TextSelection {
            paragraph: selection.paragraph,
            anchor: next.start,
            focus: next.end,
        });
        None
    }
}

impl crate::ui::ReaderState {
    /// Makes `paragraph` the selected paragraph (scrolling to it) and keeps the passage
    /// selection.
    fn select_keep_text(&mut self, paragraph: usize) {
        let text = self.text_selection;
        if self.selected != Some(paragraph) {
            self.select(paragraph);
        }
        self.text_selection = text;
    }
}

impl Workspace {
    /// Left / Right, with or without Shift.
    pub(super) fn step_word(&mut self, towards_left: bool, extend: bool) {
        if let Some(session) = &mut self.session {
            session.step_word(towards_left, extend);
        }
    }

    /// `]` / `[`: selects the next or previous annotated passage.
    pub(super) fn jump_span(&mut self, forward: bool) {
        let Some(session) = &mut self.session else {
            return;
        };
        let from = session.selected_span();
        let next = session
            .annotations
            .store()
            .next_span(from, forward)
            .map(|a| a.id);
        match next {
            Some(id) => {
                session.select_span(id);
            }
            None if from.is_none() => {
                self.message = Some(tr!("spans-no-passages"));
            }
            None => {}
        }
    }

    /// `m`: marks the selected passage as the source of a relation (again: unmarks it).
    pub(super) fn mark_relation_source(&mut self) {
        let Some(session) = &mut self.session else {
            return;
        };
        let Some(id) = session.selected_span() else {
            self.message = Some(tr!("spans-select-passage-first"));
            return;
        };
        if session.relation_source == Some(id) {
            session.relation_source = None;
            return;
        }
        session.relation_source = Some(id);
        let scheme = session.annotations.store().scheme();
        let keys: Vec<String> = scheme
            .relation_types
            .iter()
            .filter_map(|t| t.shortcut.map(|k| format!("{k} {}", t.name)))
            .collect();
        self.message = Some(if keys.is_empty() {
            tr!("spans-no-relation-types")
        } else {
            tr!(
                "spans-source-marked",
                keys = keys.join(&tr!("spans-separator"))
            )
        });
    }

    /// Marks (or clears) the relation source (a button in the panel).
    pub(super) fn set_relation_source(&mut self, id: Option<Uuid>) {
        if let Some(session) = &mut self.session {
            session.relation_source = id;
        }
    }

    /// Esc: clears the passage selection and the relation mark.
    pub(super) fn clear_selection(&mut self) {
        if let Some(session) = &mut self.session {
            session.reader.text_selection = None;
            session.relation_source = None;
            session.selected_span = None;
        }
    }

    /// `p`: detaches the proclitic at the start of the selected passage, or reattaches it.
    pub(super) fn toggle_proclitic(&mut self) {
        if let Some(message) = self.session.as_mut().and_then(Session::toggle_proclitic) {
            self.message = Some(message);
        }
    }

    /// A click on a passage, or on it in the panel.
    pub(super) fn select_span(&mut self, id: Uuid) {
        if let Some(session) = &mut self.session {
            session.select_span(id);
        }
    }

    /// A digit with a passage selected in a scheme with span labels (or relation types):
    /// makes a relation when a source is marked and the key is a relation type's, else
    /// adds a span with that label (or removes the span with that label on exactly this
    /// text). Returns false when the key is not for entity work, so that it toggles a label
    /// as before.
    pub(super) fn entity_key(&mut self, key: char) -> bool {
        let Some(session) = &mut self.session else {
            return false;
        };
        if session.reader.text_selection.is_none_or(|s| s.is_empty()) {
            return false;
        }
        let scheme = session.annotations.store().scheme();
        if let (Some(source), Some(kind)) =
            (session.relation_source, scheme.relation_type_for_key(key))
        {
            let relation_type = kind.id.clone();
            let name = kind.name.clone();
            let Some(target) = session.selected_span() else {
                self.message = Some(tr!("spans-select-target"));
                return true;
            };
            if target == source {
                self.message = Some(tr!("spans-relation-needs-two"));
                return true;
            }
            session.relation_source = None;
            self.annotate(Edit::AddRelation {
                source,
                target,
                relation_type,
            });
            self.message = Some(tr!("spans-relation-added", name = name));
            return true;
        }
        if scheme.span_labels.is_empty() {
            return false;
        }
        if let Some(label) = scheme.span_labels.iter().find(|l| l.shortcut == Some(key)) {
            let label = label.id.clone();
            self.toggle_span_label(&label);
        }
        true
    }

    /// Adds a span with `label` on the selected passage, or removes the span with exactly
    /// that label on exactly this text. The new span becomes the selected one.
    pub(super) fn toggle_span_label(&mut self, label: &str) {
        let Some(session) = &mut self.session else {
            return;
        };
        let Some(selection) = session.reader.text_selection.filter(|s| !s.is_empty()) else {
            return;
        };
        let store = session.annotations.store();
        let existing = session
            .spans_at_selection()
            .into_iter()
            .find(|id| store.annotation(*id).is_some_and(|a| a.labels == [label]));
        if let Some(id) = existing {
            session.selected_span = None;
            self.annotate(Edit::Delete(id));
            return;
        }
        let Some(start) = session
            .document
            .paragraphs
            .get(selection.paragraph)
            .map(|p| p.byte_range.start)
        else {
            return;
        };
        let range = selection.range();
        let (Some(from), Some(to)) = (start.checked_add(range.start), start.checked_add(range.end))
        else {
            return;
        };
        self.annotate(Edit::AddSpan {
            paragraph: selection.paragraph,
            bytes: from..to,
            label: label.to_owned(),
        });
        if let Some(session) = &mut self.session {
            let store = session.annotations.store();
            let newest = store
                .spans_of_paragraph(selection.paragraph)
                .filter(|a| {
                    a.labels == [label]
                        && store.span_bytes_in_paragraph(&session.document, a)
                            == Some(range.clone())
                })
                .max_by_key(|a| a.created)
                .map(|a| a.id);
            session.selected_span = newest;
        }
    }

    /// Delete with a passage selected: deletes the selected span (and its relations, in the
    /// same undo step). Returns false when no span is selected.
    pub(super) fn delete_selected_span(&mut self) -> bool {
        let Some(session) = &mut self.session else {
            return false;
        };
        if !session.has_span_labels() {
            return false;
        }
        let Some(id) = session.selected_span() else {
            return false;
        };
        session.selected_span = None;
        if session.relation_source == Some(id) {
            session.relation_source = None;
        }
        self.annotate(Edit::Delete(id));
        true
    }
}

/// The format of an entity file, from its extension: `.ann` is brat, anything else CoNLL.
pub(super) fn import_format_for(path: &Path) -> ImportFormat {
    let brat = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ann"));
    if brat {
        ImportFormat::Brat
    } else {
        ImportFormat::Conll
    }
}

/// The file extension an entity export is suggested with.
fn entity_extension(format: EntityFormat) -> &'static str {
    match format {
        EntityFormat::Conll => "conll",
        EntityFormat::Wojood => "wojood.txt",
        EntityFormat::Brat => "ann",
        EntityFormat::Spacy => "spacy.jsonl",
    }
}

impl Workspace {
    /// File ▸ Import Entities: asks for the file, then imports it.
    pub(super) fn ask_import_entities(&mut self, ctx: &egui::Context) {
        if self.session.is_some() {
            self.pending_import = Some(
                self.picker
                    .pick(ctx, super::picker::DialogRequest::import_entities()),
            );
        }
    }

    /// File ▸ Export Annotations ▸ (an entity format): asks where, then writes it.
    pub(super) fn ask_export_entities(&mut self, ctx: &egui::Context, format: EntityFormat) {
        let Some(session) = &self.session else {
            return;
        };
        let name = format!("{}.{}", session.export_stem(), entity_extension(format));
        self.pending_entity_export = Some((format, self.picker.pick_save_path(ctx, &name)));
    }

    /// Carries out the import or export whose file dialog was answered.
    pub(super) fn poll_entity_files(&mut self) {
        if let Some(job) = &mut self.pending_import {
            let answer = match job.poll() {
                Poll::Ready(answer) => Some(answer),
                Poll::Pending => None,
                Poll::Done => Some(None),
            };
            if let Some(answer) = answer {
                self.pending_import = None;
                if let Some(path) = answer {
                    let format = import_format_for(&path);
                    self.import_entities(&path, format);
                }
            }
        }
        if let Some((format, job)) = &mut self.pending_entity_export {
            let format = *format;
            let answer = match job.poll() {
                Poll::Ready(answer) => Some(answer),
                Poll::Pending => None,
                Poll::Done => Some(None),
            };
            if let Some(answer) = answer {
                self.pending_entity_export = None;
                if let Some(path) = answer {
                    self.export_entities_to(format, &path);
                }
            }
        }
    }

    /// Imports the entities (and brat relations) of `path` into the open article's
    /// annotations, as one undo step. All or nothing: a line that does not parse, or an
    /// entity that does not fit the article, changes nothing and is named in the message.
    pub fn import_entities(&mut self, path: &Path, format: ImportFormat) {
        let Some(session) = &self.session else {
            return;
        };
        let text = match crate::files::read_regular(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(e) => {
                    self.message = Some(tr!(
                        "spans-not-utf8",
                        offset = e.utf8_error().valid_up_to(),
                        path = path
                    ));
                    return;
                }
            },
            Err(error) => {
                self.message = Some(tr!(
                    "spans-read-failed",
                    error = error.to_string(),
                    path = path
                ));
                return;
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let parsed = match format {
            ImportFormat::Brat => import::parse_brat(text, &session.document, path),
            ImportFormat::Conll => import::parse_conll(text, &session.document, path),
        };
        let imported = match parsed {
            Ok(imported) => imported,
            Err(error) => {
                self.message = Some(tr!("spans-import-failed", error = error.to_string()));
                return;
            }
        };
        let store = session.annotations.store();
        let mut sidecar = store.sidecar().clone();
        let summary = import::apply(
            &mut sidecar,
            &session.document,
            &imported,
            &self.settings.author,
        );
        let annotations: Vec<_> = sidecar
            .annotations
            .iter()
            .filter(|a| store.annotation(a.id).is_none())
            .cloned()
            .collect();
        let relations: Vec<_> = sidecar
            .relations
            .iter()
            .filter(|r| !store.relations().iter().any(|old| old.id == r.id))
            .cloned()
            .collect();
        let scheme =
            (sidecar.label_scheme != *store.scheme()).then(|| sidecar.label_scheme.clone());
        self.annotate(Edit::AddImported {
            scheme,
            annotations,
            relations,
        });
        let mut message = tr!(
            "spans-imported",
            entities = summary.spans_added,
            relations = summary.relations_added,
            path = path
        );
        if !summary.types_added.is_empty() {
            message = tr!(
                "spans-imported-new-types",
                imported = message,
                types = summary.types_added.join(&tr!("spans-separator"))
            );
        }
        self.message = Some(message);
    }

    /// Writes the open article's entities to `path` in `format` (for brat, with the text
    /// file the offsets count in beside it when the article is not that text file).
    pub fn export_entities_to(&mut self, format: EntityFormat, path: &Path) {
        let Some(session) = &self.session else {
            return;
        };
        let items = [session.export_item()];
        let write = |path: &Path, text: &str| {
            std::fs::write(path, text).map_err(|e| {
                tr!(
                    "panel-export-write-failed",
                    error = e.to_string(),
                    path = path
                )
            })
        };
        let result = match format {
            EntityFormat::Conll => write(path, &entities::to_conll(&items)),
            EntityFormat::Wojood => write(path, &entities::to_wojood(&items)),
            EntityFormat::Spacy => write(path, &entities::to_spacy(&items)),
            EntityFormat::Brat => {
                let brat = entities::to_brat(&items[0]);
                let text_file = path.with_extension("txt");
                match &brat.text {
                    Some(text) => crate::files::write_new_or_same(&text_file, text).map_err(|e| {
                        tr!(
                            "spans-brat-text-failed",
                            error = e.to_string(),
                            path = &text_file
                        )
                    }),
                    None => Ok(()),
                }
                .and_then(|()| write(path, &brat.ann))
            }
        };
        let count = session
            .annotations
            .store()
            .annotations()
            .iter()
            .filter(|a| a.target.kind == TargetKind::Span)
            .count();
        self.message = Some(match result {
            Ok(()) => tr!("spans-exported", count = count, path = path),
            Err(message) => message,
        });
    }
}

/// Underline rows for the passages of one paragraph: each passage takes the lowest row no
/// passage overlapping it already holds, outer passages first (by start, then longest).
pub(super) fn span_levels(spans: &[(Uuid, Range<usize>)]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| {
        (
            spans[i].1.start,
            std::cmp::Reverse(spans[i].1.end),
            spans[i].0,
        )
    });
    let mut levels = vec![0; spans.len()];
    let mut placed: Vec<usize> = Vec::new();
    for i in order {
        let range = &spans[i].1;
        let mut level = 0;
        while placed.iter().any(|&j| {
            levels[j] == level && spans[j].1.start < range.end && range.start < spans[j].1.end
        }) {
            level += 1;
        }
        levels[i] = level;
        placed.push(i);
    }
    levels
}

/// The marks for paragraph `paragraph`'s passage annotations.
pub(super) fn span_marks(
    store: &AnnotationStore,
    document: &Document,
    paragraph: usize,
    selected: Option<Uuid>,
    source: Option<Uuid>,
    fallback: Color32,
) -> Vec<SpanMark> {
    let spans: Vec<(Uuid, Range<usize>, Color32, String)> = store
        .spans_of_paragraph(paragraph)
        .filter_map(|a| {
            let bytes = store.span_bytes_in_paragraph(document, a)?;
            let label = a.labels.first().and_then(|l| store.scheme().label(l));
            let color = a
                .color
                .as_deref()
                .or(label.map(|l| l.color.as_str()))
                .map_or(fallback, parse_hex_color);
            let quote: String = a.target.quote.exact.chars().take(40).collect();
            let name = format!(
                "{} «{}»",
                crate::ui::annotation_panel::isolate(&crate::ui::annotation_panel::label_names(
                    store, a
                )),
                crate::ui::annotation_panel::isolate(&quote)
            );
            Some((a.id, bytes, color, name))
        })
        .collect();
    let ranges: Vec<(Uuid, Range<usize>)> =
        spans.iter().map(|(id, r, _, _)| (*id, r.clone())).collect();
    let levels = span_levels(&ranges);
    spans
        .into_iter()
        .zip(levels)
        .map(|((id, bytes, color, name), level)| SpanMark {
            id,
            bytes,
            color,
            level,
            name,
            selected: selected == Some(id),
            source: source == Some(id),
        })
        .collect()
}

/// The relations to draw: all of them (the reader draws those whose passages are on
/// screen).
pub(super) fn relation_marks(store: &AnnotationStore) -> Vec<RelationMark> {
    store
        .relations()
        .iter()
        .map(|r| {
            let kind = store.scheme().relation_type(&r.relation_type);
            RelationMark {
                source: r.source,
                target: r.target,
                name: kind.map_or_else(|| r.relation_type.clone(), |k| k.name.clone()),
                color: kind.map_or(Color32::from_rgb(0x55, 0x55, 0x55), |k| {
                    parse_hex_color(&k.color)
                }),
            }
        })
        .collect()
}

/// Among the passages of `paragraph` holding byte `byte`, the innermost (shortest).
pub(super) fn span_at(
    store: &AnnotationStore,
    document: &Document,
    paragraph: usize,
    byte: usize,
) -> Option<Uuid> {
    store
        .spans_of_paragraph(paragraph)
        .filter(|a| a.target.kind == TargetKind::Span)
        .filter_map(|a| Some((a.id, store.span_bytes_in_paragraph(document, a)?)))
        .filter(|(_, bytes)| bytes.contains(&byte))
        .min_by_key(|(_, bytes)| bytes.len())
        .map(|(id, _)| id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_and_overlapping_spans_get_rows_of_their_own() {
        let id = |n: u128| Uuid::from_u128(n);
        // ORG over 0..20 holding GPE 10..20; a PER 25..30 apart; an overlap 15..27.
        let spans = vec![
            (id(1), 10..20),
            (id(2), 0..20),
            (id(3), 25..30),
            (id(4), 15..27),
        ];
        let levels = span_levels(&spans);
        assert_eq!(levels, vec![1, 0, 0, 2]);
    }

    #[test]
    fn direction_comes_from_the_first_strong_letter() {
        assert!(reads_rtl("«(قال)» AFP"));
        assert!(!reads_rtl("12 AFP قال"));
        assert!(reads_rtl("١٢ قال AFP"));
    }

    #[test]
    fn token_spans_follow_anchor_and_focus() {
        let text = "قال وزير الخارجية";
        let tokens = paragraph_tokens(text);
        let forward = selection_of(&tokens, 0, 0, 1);
        assert_eq!(&text[forward.range()], "قال وزير");
        assert_eq!(token_span(&tokens, &forward), Some((0, 1)));
        let backward = selection_of(&tokens, 0, 2, 1);
        assert_eq!(&text[backward.range()], "وزير الخارجية");
        assert_eq!(token_span(&tokens, &backward), Some((2, 1)));
    }
}
