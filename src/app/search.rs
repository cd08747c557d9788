//! Find in the article (Ctrl+F): Arabic-aware matching (vowel marks, tatweel, alef forms, alef
//! maqsura, digits of every script; ta marbuta optional), hits highlighted where they are, and
//! Enter / Shift+Enter to go from hit to hit.

use std::ops::Range;

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use super::HashiyaApp;
use crate::arabic::{SearchIndex, search_folding};
use crate::document::Document;
use crate::ui::NoteEditor;

pub(super) const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);

/// One match: a paragraph and a byte range within its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchHit {
    /// The paragraph.
    pub paragraph: usize,
    /// Where in the paragraph's text.
    pub bytes: Range<usize>,
}

/// The find bar's state.
#[derive(Debug)]
pub struct SearchState {
    /// The query field (bidi-aware, so Arabic queries edit correctly).
    pub editor: NoteEditor,
    /// The query the hits are for.
    pub query: String,
    /// Whether ة and ه match each other.
    pub fold_ta_marbuta: bool,
    /// Every match, in document order.
    pub hits: Vec<SearchHit>,
    /// The current match.
    pub current: usize,
    index: Option<SearchIndex>,
}

impl SearchState {
    fn new() -> Self {
        Self {
            editor: NoteEditor::single_line(egui::Id::unique("hashiya-find")).named("Find"),
            query: String::new(),
            fold_ta_marbuta: false,
            hits: Vec::new(),
            current: 0,
            index: None,
        }
    }

    /// Finds `query` in `document` (the normalized text is kept between queries).
    pub fn run(&mut self, document: &Document, query: &str) {
        query.clone_into(&mut self.query);
        let folding = search_folding(self.fold_ta_marbuta);
        if self
            .index
            .as_ref()
            .is_none_or(|index| index.folding() != folding)
        {
            self.index = Some(SearchIndex::new(&document.text, folding));
        }
        let Some(index) = &self.index else { return };
        self.hits = crate::corpus::find_in_document(document, index, query)
            .into_iter()
            .map(|(paragraph, bytes)| SearchHit { paragraph, bytes })
            .collect();
        self.current = 0;
    }

    /// Moves to the next (or previous) hit; returns its paragraph.
    pub fn step(&mut self, backwards: bool) -> Option<usize> {
        if self.hits.is_empty() {
            return None;
        }
        let count = self.hits.len();
        self.current = if backwards {
            (self.current + count - 1) % count
        } else {
            (self.current + 1) % count
        };
        self.hits.get(self.current).map(|h| h.paragraph)
    }

    /// Hits in `paragraph`, each with whether it is the current one.
    pub fn hits_in(&self, paragraph: usize) -> impl Iterator<Item = (&SearchHit, bool)> {
        let start = self.hits.partition_point(|h| h.paragraph < paragraph);
        self.hits[start..]
            .iter()
            .enumerate()
            .take_while(move |(_, h)| h.paragraph == paragraph)
            .map(move |(offset, h)| (h, start + offset == self.current))
    }
}

impl HashiyaApp {
    /// Opens the find bar and puts the cursor in it.
    pub fn open_search(&mut self, ctx: &egui::Context) {
        let search = self.search.get_or_insert_with(SearchState::new);
        search.editor.focus(ctx);
    }

    /// Runs a search for `query` in the open article (as if typed in the find bar).
    pub fn search_for(&mut self, query: &str) {
        let Some(session) = &mut self.session else {
            return;
        };
        let search = self.search.get_or_insert_with(SearchState::new);
        search
            .editor
            .set_text(&mut self.engine, None, query, self.settings.face);
        search.run(&session.document, query);
        if let Some(hit) = search.hits.first() {
            session.reader.reveal(hit.paragraph);
        }
    }

    /// The find bar, below the menu.
    pub(super) fn search_bar_ui(&mut self, ui: &mut Ui) {
        let Some(search) = &mut self.search else {
            return;
        };
        let Some(session) = &mut self.session else {
            return;
        };
        let mut close = false;
        let mut step = None;
        egui::Panel::top("find").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label("Find");
                let (_, output) = ui
                    .scope(|ui| {
                        ui.set_width(320.0);
                        search
                            .editor
                            .ui(ui, &mut self.engine, "Arabic-aware search")
                    })
                    .inner;
                if output.changed {
                    let query = search.editor.text();
                    search.run(&session.document, &query);
                    if let Some(hit) = search.hits.first() {
                        session.reader.reveal(hit.paragraph);
                    }
                }
                if let Some(backwards) = output.submitted {
                    step = Some(backwards);
                }
                if output.finished && ui.input(|i| i.key_pressed(Key::Escape)) {
                    close = true;
                }
                let count = search.hits.len();
                if search.query.is_empty() {
                    ui.label("");
                } else if count == 0 {
                    ui.colored_label(ui.visuals().warn_fg_color, "no matches");
                } else {
                    ui.label(format!("{} of {count}", search.current + 1));
                }
                if ui
                    .button("Previous")
                    .on_hover_text("Previous match (Shift+Enter)")
                    .clicked()
                {
                    step = Some(true);
                }
                if ui
                    .button("Next")
                    .on_hover_text("Next match (Enter)")
                    .clicked()
                {
                    step = Some(false);
                }
                if ui
                    .checkbox(&mut search.fold_ta_marbuta, "ta marbuta = ha")
                    .on_hover_text("Also match ta marbuta with ha")
                    .changed()
                {
                    let query = search.query.clone();
                    search.run(&session.document, &query);
                    // Back to the field, so Enter goes on stepping through hits.
                    search.editor.focus(ui.ctx());
                }
                if ui.button("Close").clicked() {
                    close = true;
                }
            });
        });
        if let Some(backwards) = step
            && let Some(paragraph) = search.step(backwards)
        {
            session.reader.reveal(paragraph);
        }
        if close {
            self.search = None;
        }
    }
}
