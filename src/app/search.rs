//! Find in the article (Ctrl+F): Arabic-aware matching (vowel marks, tatweel, alef forms, alef
//! maqsura, digits of every script; ta marbuta optional), hits highlighted where they are, and
//! Enter / Shift+Enter to go from hit to hit.

use std::ops::Range;

use egui::{Key, Ui};

use super::command::{Command, Window};
use crate::arabic::{SearchIndex, search_folding};
use crate::document::Document;
use crate::text::TextEngine;
use crate::tr;
use crate::ui::NoteEditor;
use crate::ui::tr::{self as t, tx};

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
    pub(super) fn new() -> Self {
        Self {
            editor: NoteEditor::single_line(egui::Id::unique("hashiya-find"))
                .named(tr!("search-find")),
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

impl SearchState {
    /// The find bar, below the menu.
    /// Shows the bar; runs the search as the query is typed and asks for the reader to show
    /// the current hit.
    pub(super) fn bar_ui(
        &mut self,
        ui: &mut Ui,
        engine: &mut TextEngine,
        document: &Document,
        commands: &mut Vec<Command>,
    ) {
        let search = self;
        let mut close = false;
        let mut step = None;
        egui::Panel::top("find").show(ui, |ui| {
            t::row(ui, |ui| {
                t::label(ui, tr!("search-find"));
                let (_, output) = ui
                    .scope(|ui| {
                        ui.set_width(320.0);
                        search.editor.ui(ui, engine, &tr!("search-placeholder"))
                    })
                    .inner;
                if output.changed {
                    let query = search.editor.text();
                    search.run(document, &query);
                    if let Some(hit) = search.hits.first() {
                        commands.push(Command::Reveal(hit.paragraph));
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
                    let color = ui.visuals().warn_fg_color;
                    t::colored_label(ui, tr!("search-no-matches"), Some(color));
                } else {
                    t::label(
                        ui,
                        tr!(
                            "search-position",
                            current = search.current + 1,
                            count = count
                        ),
                    );
                }
                let previous = ui.button(tx(tr!("search-previous")));
                if t::hover(previous, tr!("search-previous-tip")).clicked() {
                    step = Some(true);
                }
                let next = ui.button(tx(tr!("search-next")));
                if t::hover(next, tr!("search-next-tip")).clicked() {
                    step = Some(false);
                }
                let fold = t::checkbox(ui, &mut search.fold_ta_marbuta, tr!("search-ta-marbuta"));
                if t::hover(fold, tr!("search-ta-marbuta-tip")).changed() {
                    let query = search.query.clone();
                    search.run(document, &query);
                    // Back to the field, so Enter goes on stepping through hits.
                    search.editor.focus(ui.ctx());
                }
                if ui.button(tx(tr!("search-close"))).clicked() {
                    close = true;
                }
            });
        });
        if let Some(backwards) = step
            && let Some(paragraph) = search.step(backwards)
        {
            commands.push(Command::Reveal(paragraph));
        }
        if close {
            commands.push(Command::CloseWindow(Window::Find));
        }
    }
}
