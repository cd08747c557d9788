//! The reading view: a centred column of right-to-left paragraphs drawn through the text
//! engine, virtualized so that only paragraphs near the viewport are shaped and painted.

use crate::text::Fit;
use egui::{Color32, CornerRadius, Id, Rect, Role, Sense, Stroke, Ui, WidgetInfo, pos2, vec2};

use crate::document::{Document, ParagraphKind};
use crate::text::{DocumentLayout, GlyphBatch, TextEngine, TextStyle};

/// Extra distance above and below the viewport laid out ahead of scrolling, as a fraction of
/// the viewport height, so paragraphs have their true height before they come into view.
const OVERSCAN_FRACTION: f32 = 0.75;

/// Longest line, in ems of the body font: about 70–80 Arabic letters, a comfortable measure.
const MAX_MEASURE_EM: f32 = 36.0;

/// A passage selected with the mouse: byte offsets within one paragraph's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextSelection {
    /// The paragraph.
    pub paragraph: usize,
    /// Where the selection started.
    pub anchor: usize,
    /// Where it ends now.
    pub focus: usize,
}

impl TextSelection {
    /// The selected bytes, in logical order.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.anchor.min(self.focus)..self.anchor.max(self.focus)
    }

    /// True when nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.anchor == self.focus
    }
}

/// Snaps `byte` to the nearest grapheme boundary at or before it, so a letter is never
/// separated from its vowel marks.
pub fn grapheme_floor(text: &str, byte: usize) -> usize {
    use unicode_segmentation::UnicodeSegmentation as _;
    if byte >= text.len() {
        return text.len();
    }
    text.grapheme_indices(true)
        .map(|(start, _)| start)
        .take_while(|&start| start <= byte)
        .last()
        .unwrap_or(0)
}

/// The word around `byte`: a run of letters, digits and marks.
pub fn word_at(text: &str, byte: usize) -> std::ops::Range<usize> {
    use unicode_segmentation::UnicodeSegmentation as _;
    for (start, word) in text.split_word_bound_indices() {
        let end = start + word.len();
        if (start..end).contains(&byte) || (byte == end && end == text.len()) {
            if word.chars().any(char::is_alphanumeric) {
                return start..end;
            }
            break;
        }
    }
    byte..byte
}

/// The sentence around `byte`, without the spaces around it: it ends after `.`, `؟`, `!` or
/// another sentence terminator (with the quotes and brackets that close it), or with the
/// text. Sentence boundaries are those of Unicode's UAX #29, so a decimal point such as
/// «3.5» does not end a sentence.
pub fn sentence_at(text: &str, byte: usize) -> std::ops::Range<usize> {
    use unicode_segmentation::UnicodeSegmentation as _;
    for (start, sentence) in text.split_sentence_bound_indices() {
        let end = start + sentence.len();
        if (start..end).contains(&byte) || (byte == end && end == text.len()) {
            let leading = sentence.len() - sentence.trim_start().len();
            let trimmed = start + leading..start + sentence.trim_end().len();
            if trimmed.is_empty() {
                break;
            }
            return trimmed;
        }
    }
    byte..byte
}

/// The grapheme under the pointer for a hit-test result. `Buffer::hit` returns the caret gap
/// nearest to the pointer, which lies after the letter when the pointer is on the letter's
/// trailing half (its left half in Arabic); the affinity says so. A word or sentence must
/// be looked up from the letter itself: from the gap after a word's last letter, the word
/// would be the space that follows it.
pub fn grapheme_under(text: &str, cursor: cosmic_text::Cursor) -> usize {
    let index = match cursor.affinity {
        cosmic_text::Affinity::Before => cursor.index.saturating_sub(1),
        cosmic_text::Affinity::After => cursor.index,
    };
    grapheme_floor(text, index)
}

/// Handles mouse selection of text in one paragraph: drag to select, double-click for a
/// word, triple-click for a sentence, Shift+click to extend; a plain click reports where it
/// landed.
#[allow(clippy::too_many_arguments)]
fn select_text(
    ui: &Ui,
    response: &egui::Response,
    layout: &crate::text::ParagraphLayout,
    text: &str,
    origin: egui::Pos2,
    paragraph: usize,
    selection: &mut Option<TextSelection>,
    clicked_at: &mut Option<(usize, usize)>,
) {
    let Some(pointer) = response.interact_pointer_pos() else {
        return;
    };
    let hit = |at: egui::Pos2| {
        let local = at - origin;
        layout.buffer().hit(local.x, local.y)
    };
    let Some(cursor) = hit(pointer) else {
        return;
    };
    // Drags and Shift+clicks move a selection's end to the caret gap nearest the pointer.
    let byte = grapheme_floor(text, cursor.index);
    let shift = ui.input(|i| i.modifiers.shift);
    let select = |range: std::ops::Range<usize>| {
        Some(TextSelection {
            paragraph,
            anchor: range.start,
            focus: range.end,
        })
    };
    // egui counts every quick click after the second as a triple click, so a triple click
    // is checked first and never falls through to the plain click below, which would drop
    // the word the double click selected.
    if response.triple_clicked() {
        *selection = select(sentence_at(text, grapheme_under(text, cursor)));
    } else if response.double_clicked() {
        *selection = select(word_at(text, grapheme_under(text, cursor)));
    } else if response.drag_started() {
        // A drag is recognised only after the pointer moved: anchor where it was pressed.
        let anchor = ui
            .input(|i| i.pointer.press_origin())
            .and_then(hit)
            .map_or(byte, |pressed| grapheme_floor(text, pressed.index));
        *selection = Some(TextSelection {
            paragraph,
            anchor,
            focus: byte,
        });
    } else if response.dragged() {
        if let Some(current) = selection.as_mut().filter(|s| s.paragraph == paragraph) {
            current.focus = byte;
        }
    } else if response.clicked() {
        match selection.as_mut().filter(|s| s.paragraph == paragraph) {
            Some(current) if shift => current.focus = byte,
            _ => {
                *selection = None;
                *clicked_at = Some((paragraph, byte));
            }
        }
    }
}

/// Per-document state of the reading view.
#[derive(Debug)]
pub struct ReaderState {
    /// Paragraph layouts and heights.
    pub layout: DocumentLayout,
    /// The paragraph the user selected (annotations apply to it).
    pub selected: Option<usize>,
    /// The paragraph under the pointer in the last frame.
    pub hovered: Option<usize>,
    scroll_to_selected: bool,
    /// A paragraph to bring to the top of the view (restoring a reading position).
    scroll_to_top_of: Option<usize>,
    /// A paragraph to scroll into view without selecting it (a search hit).
    reveal: Option<usize>,
    /// Scroll offset to apply on the next frame (anchor correction, paging).
    pending_offset_pt: Option<f32>,
    /// The visible part of the content in the last frame, in content coordinates.
    last_viewport: Option<Rect>,
    /// Paragraphs painted in the last frame.
    visible: std::ops::Range<usize>,
    /// Text selected with the mouse, if any.
    pub text_selection: Option<TextSelection>,
    /// Where a plain click landed in the last frame (paragraph, byte), for the app to see
    /// whether it hit an annotated passage.
    pub clicked_at: Option<(usize, usize)>,
}

impl ReaderState {
    /// Fresh state for `document`, scrolled to the top, nothing selected.
    pub fn new(document: &Document) -> Self {
        Self {
            layout: DocumentLayout::new(document),
            selected: None,
            hovered: None,
            scroll_to_selected: false,
            scroll_to_top_of: None,
            reveal: None,
            pending_offset_pt: None,
            last_viewport: None,
            visible: 0..0,
            text_selection: None,
            clicked_at: None,
        }
    }

    /// Selects `paragraph_idx` and scrolls it into view.
    pub fn select(&mut self, paragraph_idx: usize) {
        if paragraph_idx < self.layout.len() {
            self.selected = Some(paragraph_idx);
            self.scroll_to_selected = true;
        }
    }

    /// Moves the selection by `delta` paragraphs (positive is down), starting from the first
    /// visible paragraph when nothing is selected.
    pub fn move_selection(&mut self, delta: isize) {
        let count = self.layout.len();
        if count == 0 {
            return;
        }
        self.text_selection = None;
        let start = match self.selected {
            Some(current) => current,
            None => self.visible.start.min(count - 1),
        };
        // Step over paragraphs hidden by a filter; stay put at either end.
        let mut next = start;
        let mut remaining = delta.unsigned_abs();
        let mut candidate = start;
        if self.selected.is_none() && !self.layout.is_hidden(start) && delta >= 0 {
            remaining = 0;
        }
        while remaining > 0 {
            let Some(moved) = candidate
                .checked_add_signed(delta.signum())
                .filter(|&m| m < count)
            else {
                break;
            };
            candidate = moved;
            if !self.layout.is_hidden(candidate) {
                next = candidate;
                remaining -= 1;
            }
        }
        if self.layout.is_hidden(next) {
            return;
        }
        self.select(next);
    }

    /// Scrolls by `pages` viewport heights (negative is up).
    pub fn scroll_pages(&mut self, pages: f32) {
        if let Some(viewport) = self.last_viewport {
            let step = viewport.height() * 0.9 * pages;
            self.pending_offset_pt = Some((viewport.min.y + step).max(0.0));
        }
    }

    /// Scrolls to the top or the bottom of the article.
    pub fn scroll_to_end(&mut self, bottom: bool) {
        self.pending_offset_pt = Some(if bottom { f32::MAX } else { 0.0 });
    }

    /// Scrolls `paragraph_idx` into view, leaving the selection alone.
    pub fn reveal(&mut self, paragraph_idx: usize) {
        if paragraph_idx < self.layout.len() {
            self.reveal = Some(paragraph_idx);
        }
    }

    /// Brings `paragraph_idx` to the top of the view on the next frame.
    pub fn scroll_to_paragraph(&mut self, paragraph_idx: usize) {
        self.scroll_to_top_of = Some(paragraph_idx);
    }

    /// The first paragraph visible in the last frame.
    pub fn first_visible(&self) -> usize {
        self.visible.start
    }

    /// Paragraphs painted in the last frame.
    pub fn visible_range(&self) -> std::ops::Range<usize> {
        self.visible.clone()
    }
}

/// How an annotated paragraph is marked in the text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParagraphMarks {
    /// Colour of the bar at the paragraph's starting edge.
    pub bar: Option<Color32>,
    /// Highlight behind the text, if the annotation has a colour.
    pub highlight: Option<Color32>,
    /// Label chips shown above the paragraph: name and colour.
    pub chips: Vec<(String, Color32)>,
    /// Passages to highlight behind the text (search hits, annotated passages, the mouse
    /// selection): byte ranges within the paragraph's text and their colours.
    pub ranges: Vec<(std::ops::Range<usize>, Color32)>,
    /// Passage annotations (entities), drawn as a light tint and an underline per nesting
    /// level.
    pub spans: Vec<SpanMark>,
}

/// A passage annotation as the reader draws it: a light tint in its label colour behind the
/// text and an underline on its own row, so that nested and overlapping passages all stay
/// visible. The text itself is drawn once, so no letter is cut from its marks and no joined
/// word is broken.
#[derive(Clone, Debug, PartialEq)]
pub struct SpanMark {
    /// The annotation.
    pub id: uuid::Uuid,
    /// Bytes within the paragraph's text.
    pub bytes: std::ops::Range<usize>,
    /// Its label colour.
    pub color: Color32,
    /// Its underline row: 0 for the outermost, one more per level of nesting or overlap.
    pub level: usize,
    /// Its label names, shown on hover.
    pub name: String,
    /// The passage is the selected one.
    pub selected: bool,
    /// The passage is marked as the source of a relation being made.
    pub source: bool,
}

/// A relation drawn as an arc from its source passage to its target, with its type at the
/// top of the arc.
#[derive(Clone, Debug, PartialEq)]
pub struct RelationMark {
    /// The source passage annotation.
    pub source: uuid::Uuid,
    /// The target passage annotation.
    pub target: uuid::Uuid,
    /// The relation type's name.
    pub name: String,
    /// The relation type's colour.
    pub color: Color32,
}

/// Where a passage was drawn this frame: its first rectangle (on its first line), for arcs.
#[derive(Clone, Copy, Debug)]
struct SpanPlace {
    id: uuid::Uuid,
    rect: Rect,
    line_height: f32,
}

/// Colours of the reading view, derived from the egui theme.
#[derive(Clone, Copy, Debug)]
pub struct ReaderColors {
    /// Page background.
    pub background: Color32,
    /// Running text.
    pub text: Color32,
    /// Title and headings.
    pub heading: Color32,
    /// Fill behind the selected paragraph.
    pub selected_fill: Color32,
    /// Edge of the selected paragraph.
    pub selected_stroke: Color32,
    /// Fill behind the paragraph under the pointer.
    pub hover_fill: Color32,
}

impl ReaderColors {
    /// Colours for a light or dark theme.
    pub fn for_theme(dark: bool) -> Self {
        if dark {
            Self {
                background: Color32::from_rgb(0x1d, 0x1f, 0x23),
                text: Color32::from_rgb(0xdc, 0xdc, 0xd6),
                heading: Color32::from_rgb(0xf0, 0xee, 0xe6),
                selected_fill: Color32::from_rgba_unmultiplied(0x4a, 0x7d, 0xc4, 0x38),
                selected_stroke: Color32::from_rgb(0x5c, 0x8f, 0xd6),
                hover_fill: Color32::from_rgba_unmultiplied(0xff, 0xff, 0xff, 0x0c),
            }
        } else {
            Self {
                background: Color32::from_rgb(0xfb, 0xfa, 0xf6),
                text: Color32::from_rgb(0x22, 0x22, 0x22),
                heading: Color32::from_rgb(0x10, 0x10, 0x10),
                selected_fill: Color32::from_rgba_unmultiplied(0x3b, 0x6e, 0xb5, 0x22),
                selected_stroke: Color32::from_rgb(0x3b, 0x6e, 0xb5),
                hover_fill: Color32::from_rgba_unmultiplied(0x00, 0x00, 0x00, 0x0a),
            }
        }
    }
}

/// Geometry of the reading column for one frame.
#[derive(Clone, Copy, Debug)]
struct Column {
    style: TextStyle,
    left: f32,
    width_pt: f32,
    margin_pt: f32,
    pad_top_pt: f32,
    /// Screen y of the top of the scrolled content.
    content_top: f32,
}

impl Column {
    /// Screen rectangle of the text of paragraph `idx`, shifted up by `shift_pt`.
    fn text_rect(&self, layout: &mut DocumentLayout, idx: usize, shift_pt: f32) -> Rect {
        let top = self.content_top + self.pad_top_pt + layout.top_pt(idx) - shift_pt;
        let height = layout.height_pt(idx) - layout.gap_after_pt(idx);
        Rect::from_min_size(pos2(self.left, top), vec2(self.width_pt, height.max(0.0)))
    }
}

/// Paragraphs laid out this frame and how far the anchor paragraph moved.
struct LaidOut {
    range: std::ops::Range<usize>,
    first_visible: usize,
    shift_pt: f32,
}

/// Shows `document` and handles pointer interaction with its paragraphs.
#[allow(clippy::too_many_arguments)]
pub fn reader_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    document: &Document,
    state: &mut ReaderState,
    style: TextStyle,
    colors: ReaderColors,
    marks: &dyn Fn(usize) -> Option<ParagraphMarks>,
    relations: &[RelationMark],
) {
    // The page background is not painted here: the window is cleared to `colors.background`
    // before the frame (the app's clear colour), so it is filled once, not twice.
    let available = ui.available_rect_before_wrap();

    let margin_pt = (available.width() * 0.06).clamp(16.0, 64.0);
    let column_width_pt = (available.width() - 2.0 * margin_pt - 16.0)
        .min(MAX_MEASURE_EM * style.font_size_pt)
        .max(80.0);
    state.layout.set_style_and_width(style, column_width_pt);
    let pad_top_pt = style.font_size_pt * 1.5;
    let pad_bottom_pt = available.height() * 0.4;

    let mut scroll_area = egui::ScrollArea::vertical()
        .id_salt("reader")
        .auto_shrink([false, false]);
    if let Some(offset) = state.pending_offset_pt.take() {
        // Within the content: an offset past the end (End asks for "as far as it goes") left
        // the viewport at infinity for a frame, and the layout around it then covered the
        // whole article.
        let total_pt = state.layout.total_height_pt() + pad_top_pt + pad_bottom_pt;
        let max_offset = (total_pt - available.height()).max(0.0);
        scroll_area = scroll_area.vertical_scroll_offset(offset.clamp(0.0, max_offset));
    }

    scroll_area.show_viewport(ui, |ui, viewport| {
        let total_pt = state.layout.total_height_pt() + pad_top_pt + pad_bottom_pt;
        let (content_rect, _) =
            ui.allocate_exact_size(vec2(ui.available_width(), total_pt), Sense::hover());
        let column = Column {
            style,
            left: content_rect.center().x - column_width_pt / 2.0,
            width_pt: column_width_pt,
            margin_pt,
            pad_top_pt,
            content_top: content_rect.top(),
        };
        let laid_out = lay_out_around(engine, document, state, viewport, pad_top_pt);
        if laid_out.shift_pt.abs() > 0.5 {
            state.pending_offset_pt = Some(viewport.min.y + laid_out.shift_pt);
            ui.ctx().request_repaint();
        }
        let visible_rect = Rect::from_min_max(
            pos2(content_rect.left(), content_rect.top() + viewport.min.y),
            pos2(content_rect.right(), content_rect.top() + viewport.max.y),
        );
        paint_paragraphs(
            ui,
            engine,
            document,
            state,
            column,
            &laid_out,
            visible_rect,
            colors,
            marks,
            relations,
        );
        // After layout, so that the target is placed with the heights the next frame uses.
        bring_requested_into_view(ui, engine, document, state, column, viewport);
        state.last_viewport = Some(viewport);
        state.layout.evict_outside(document, laid_out.range.clone());
    });
}

/// Lays out the paragraphs in and around the viewport. The first paragraph visible before
/// layout is the anchor: the returned shift says how far it moved as paragraphs above it went
/// from estimated to measured heights, so the view can follow it.
fn lay_out_around(
    engine: &mut TextEngine,
    document: &Document,
    state: &mut ReaderState,
    viewport: Rect,
    pad_top_pt: f32,
) -> LaidOut {
    let layout = &mut state.layout;
    let view_top = (viewport.min.y - pad_top_pt).max(0.0);
    let first_visible = layout.paragraph_at_y(view_top);
    let anchor_top_before = layout.top_pt(first_visible);
    let overscan = viewport.height() * OVERSCAN_FRACTION;
    let start = layout.paragraph_at_y((view_top - overscan).max(0.0));
    for idx in start..first_visible {
        layout.ensure_laid_out(&mut engine.font_system, document, idx);
    }
    let view_bottom = viewport.max.y - pad_top_pt + overscan;
    let mut end = first_visible;
    while end < layout.len() && layout.top_pt(end) < view_bottom {
        layout.ensure_laid_out(&mut engine.font_system, document, end);
        end += 1;
    }
    LaidOut {
        range: start..end,
        first_visible,
        shift_pt: layout.top_pt(first_visible) - anchor_top_before,
    }
}

/// Paints backgrounds and text of the laid-out paragraphs that intersect `visible_rect`,
/// registers each as a clickable, accessible node, and records hover and visibility.
#[allow(clippy::too_many_arguments, clippy::too_many_lines)]
fn paint_paragraphs(
    ui: &mut Ui,
    engine: &mut TextEngine,
    document: &Document,
    state: &mut ReaderState,
    column: Column,
    laid_out: &LaidOut,
    visible_rect: Rect,
    colors: ReaderColors,
    marks: &dyn Fn(usize) -> Option<ParagraphMarks>,
    relations: &[RelationMark],
) {
    let ctx = ui.ctx().clone();
    let mut places: Vec<SpanPlace> = Vec::new();
    let pointer = ui.input(|i| i.pointer.hover_pos());
    let ppp = ctx.pixels_per_point();
    let mut batch = GlyphBatch::default();
    let mut tiles = Vec::new();
    let mut hovered = None;
    let mut painted: Option<std::ops::Range<usize>> = None;
    for idx in laid_out.range.clone() {
        if state.layout.is_hidden(idx) {
            continue;
        }
        let text_rect = column.text_rect(&mut state.layout, idx, laid_out.shift_pt);
        let gap = state.layout.gap_after_pt(idx);
        let hit_rect = text_rect.expand2(vec2(column.margin_pt * 0.5, gap * 0.5));
        if !hit_rect.intersects(visible_rect) {
            continue;
        }
        painted = Some(painted.map_or(idx..idx + 1, |r| r.start..idx + 1));
        let text = document.paragraph_text(idx).unwrap_or("");
        let kind = document
            .paragraphs
            .get(idx)
            .map_or(ParagraphKind::Body, |p| p.kind);
        let response = ui.interact(
            hit_rect,
            Id::unique(("hashiya-paragraph", idx)),
            Sense::click_and_drag(),
        );
        if response.clicked() || response.drag_started() {
            state.selected = Some(idx);
            // Paragraphs are selected, not focused: keys keep driving the reader.
            ui.memory_mut(|m| m.surrender_focus(response.id));
        }
        let is_selected = state.selected == Some(idx);
        expose_paragraph(&ctx, &response, kind, text, is_selected);
        if response.hovered() {
            hovered = Some(idx);
        }
        let highlight_rect = text_rect.expand2(vec2(column.margin_pt * 0.35, gap * 0.3));
        let paragraph_marks = marks(idx);
        let highlight = paragraph_marks.as_ref().and_then(|m| m.highlight);
        paint_background(
            ui,
            highlight_rect,
            highlight,
            is_selected,
            response.hovered(),
            colors,
        );
        let Some(layout) = state.layout.get(idx) else {
            continue;
        };
        let rtl = layout.is_rtl();
        let indent = column.style.indent_pt(kind);
        let origin = pos2(
            text_rect.left() + if rtl { 0.0 } else { indent },
            text_rect.top(),
        );
        select_text(
            ui,
            &response,
            layout,
            text,
            origin,
            idx,
            &mut state.text_selection,
            &mut state.clicked_at,
        );
        paint_block_marker(ui, kind, text_rect, indent, rtl, &column.style, colors);
        if let Some(paragraph_marks) = &paragraph_marks {
            paint_marks(ui, engine, paragraph_marks, text_rect, rtl, column, gap);
        }
        let text_color = match kind {
            ParagraphKind::Title | ParagraphKind::Heading(_) => colors.heading,
            _ => colors.text,
        };
        if let Some(paragraph_marks) = &paragraph_marks {
            // Each line segmented once for the highlights and the passages alike.
            let lines: Vec<Line<'_>> =
                if paragraph_marks.ranges.is_empty() && paragraph_marks.spans.is_empty() {
                    Vec::new()
                } else {
                    layout
                        .runs()
                        .map(|run| {
                            let graphemes = crate::text::LineGraphemes::new(&run);
                            (run, graphemes)
                        })
                        .collect()
                };
            paint_ranges(ui, &lines, &paragraph_marks.ranges, origin);
            let under_pointer = paint_spans(
                ui,
                &lines,
                &paragraph_marks.spans,
                origin,
                pointer,
                &mut places,
            );
            if let (false, true, Some(at)) = (under_pointer.is_empty(), response.hovered(), pointer)
            {
                paint_span_tooltip(ui, engine, &under_pointer, at, column.style.face);
            }
        }
        let runs: Vec<_> = layout.runs().collect();
        let untiled = engine.tiles.add_paragraph(
            &ctx,
            &mut engine.font_system,
            &runs,
            origin,
            visible_rect,
            text_color,
            ppp,
            &mut tiles,
        );
        for run in untiled.into_iter().filter_map(|i| runs.get(i)) {
            let line_top = text_rect.top() + run.line_top;
            if line_top > visible_rect.bottom() || line_top + run.line_height < visible_rect.top() {
                continue;
            }
            engine.atlas.add_run(
                &ctx,
                &mut engine.font_system,
                &mut batch,
                run,
                origin,
                text_color,
                ppp,
            );
        }
    }
    ui.painter().extend(tiles);
    ui.painter().extend(engine.atlas.shapes(batch));
    paint_relations(ui, engine, relations, &places, column);
    state.hovered = hovered;
    state.visible = painted.unwrap_or(laid_out.first_visible..laid_out.first_visible);
}

/// Paints a paragraph's background: its annotation colour, then the selection frame or the
/// hover tint.
fn paint_background(
    ui: &Ui,
    rect: Rect,
    highlight: Option<Color32>,
    is_selected: bool,
    hovered: bool,
    colors: ReaderColors,
) {
    if let Some(fill) = highlight {
        ui.painter().rect_filled(rect, CornerRadius::same(6), fill);
    }
    if is_selected {
        ui.painter().rect(
            rect,
            CornerRadius::same(6),
            colors.selected_fill,
            Stroke::new(1.0, colors.selected_stroke),
            egui::StrokeKind::Inside,
        );
    } else if hovered {
        ui.painter()
            .rect_filled(rect, CornerRadius::same(6), colors.hover_fill);
    }
}

/// Describes a paragraph to assistive technology: our painter draws the text, so screen
/// readers (and UI tests) get it from here, with its role and whether it is selected.
fn expose_paragraph(
    ctx: &egui::Context,
    response: &egui::Response,
    kind: ParagraphKind,
    text: &str,
    is_selected: bool,
) {
    let role = match kind {
        ParagraphKind::Title | ParagraphKind::Heading(_) => Role::Heading,
        ParagraphKind::ListItem => Role::ListItem,
        ParagraphKind::Quote => Role::Blockquote,
        ParagraphKind::Body => Role::Paragraph,
    };
    // Our painter draws the text, so screen readers get it from here.
    response.widget_info(|| WidgetInfo::labeled(role, true, text));
    ctx.accesskit_node_builder(response.id, |node| node.set_selected(is_selected));
}

/// Paints highlight rectangles for byte ranges of a paragraph behind its text; in mixed
/// right-to-left and left-to-right lines a range may give several rectangles.
/// A laid-out line of a paragraph with its grapheme clusters measured.
type Line<'a> = (cosmic_text::LayoutRun<'a>, crate::text::LineGraphemes);

fn paint_ranges(
    ui: &Ui,
    lines: &[Line<'_>],
    ranges: &[(std::ops::Range<usize>, Color32)],
    origin: egui::Pos2,
) {
    if ranges.is_empty() {
        return;
    }
    for (run, line) in lines {
        for (range, color) in ranges {
            for (x, width) in line.highlight(range) {
                let rect = Rect::from_min_size(
                    pos2(origin.x + x, origin.y + run.line_top),
                    vec2(width, run.line_height),
                );
                ui.painter()
                    .rect_filled(rect, CornerRadius::same(2), *color);
            }
        }
    }
}

/// The names of the passages under the pointer, one per line, outer first, in a tooltip at
/// `at`.
fn paint_span_tooltip(
    ui: &Ui,
    engine: &mut TextEngine,
    hovered_names: &[String],
    pointer: egui::Pos2,
    face: crate::text::ReadingFace,
) {
    let at = pointer + vec2(12.0, 18.0);
    let style = crate::text::ParagraphStyle {
        font_size_pt: 13.0,
        line_height_pt: 18.0,
        bold: false,
        face,
    };
    let sizes: Vec<egui::Vec2> = hovered_names
        .iter()
        .map(|name| engine.measure_label(name, &style, Fit::Wrap(360.0)).size)
        .collect();
    let width = sizes.iter().map(|s| s.x).fold(0.0, f32::max);
    let height: f32 = sizes.iter().map(|s| s.y).sum();
    let mut rect = Rect::from_min_size(at, vec2(width, height) + vec2(12.0, 8.0));
    // Kept inside the window: near its right edge the tooltip opens to the pointer's left.
    let screen = ui.ctx().content_rect();
    if rect.right() > screen.right() {
        rect = rect.translate(vec2(pointer.x - 12.0 - rect.right(), 0.0));
    }
    if rect.bottom() > screen.bottom() {
        rect = rect.translate(vec2(0.0, pointer.y - 8.0 - rect.bottom()));
    }
    let tip_painter = ui.ctx().layer_painter(egui::LayerId::new(
        egui::Order::Tooltip,
        Id::unique("hashiya-span-tooltip"),
    ));
    tip_painter.rect(
        rect,
        CornerRadius::same(4),
        ui.visuals().extreme_bg_color,
        Stroke::new(1.0, ui.visuals().weak_text_color()),
        egui::StrokeKind::Inside,
    );
    let mut top = rect.top() + 4.0;
    for (name, size) in hovered_names.iter().zip(&sizes) {
        // Each name from the tooltip's right edge, as Arabic reads.
        engine.paint_label(
            &tip_painter,
            name,
            &style,
            Fit::Wrap(360.0),
            pos2(rect.right() - 6.0 - size.x, top),
            ui.visuals().text_color(),
        );
        top += size.y;
    }
}

/// Row height of a passage underline, and the step between rows.
const UNDERLINE_PT: f32 = 2.0;
const UNDERLINE_STEP_PT: f32 = 3.5;

/// Paints passage annotations: a light tint behind each, an underline on its level's row at
/// the foot of the line, a frame around the selected one and the marked relation source.
/// Records where each was drawn and returns the names of those under the pointer, outer to
/// inner.
fn paint_spans(
    ui: &Ui,
    lines: &[Line<'_>],
    spans: &[SpanMark],
    origin: egui::Pos2,
    pointer: Option<egui::Pos2>,
    places: &mut Vec<SpanPlace>,
) -> Vec<String> {
    if spans.is_empty() {
        return Vec::new();
    }
    // Line by line, each line segmented once; a span's pieces on different lines never
    // overlap, so the order within a line is the order that matters.
    let mut first: Vec<Option<SpanPlace>> = vec![None; spans.len()];
    let mut under_pointer = vec![false; spans.len()];
    for (run, line) in lines {
        for (i, span) in spans.iter().enumerate() {
            for (x, width) in line.highlight(&span.bytes) {
                let rect = Rect::from_min_size(
                    pos2(origin.x + x, origin.y + run.line_top),
                    vec2(width, run.line_height),
                );
                ui.painter().rect_filled(
                    rect,
                    CornerRadius::same(2),
                    span.color.gamma_multiply(0.16),
                );
                let level = span.level.min(8) as f32;
                let bottom = rect.bottom() - 1.0 - level * UNDERLINE_STEP_PT;
                let underline = Rect::from_min_max(
                    pos2(rect.left() + 1.0, bottom - UNDERLINE_PT),
                    pos2(rect.right() - 1.0, bottom),
                );
                ui.painter()
                    .rect_filled(underline, CornerRadius::same(1), span.color);
                if span.selected || span.source {
                    let stroke = if span.source {
                        Stroke::new(2.0, Color32::from_rgb(0xe0, 0x7a, 0x00))
                    } else {
                        Stroke::new(1.5, span.color)
                    };
                    ui.painter().rect_stroke(
                        rect.shrink(0.5),
                        CornerRadius::same(3),
                        stroke,
                        egui::StrokeKind::Inside,
                    );
                }
                if pointer.is_some_and(|p| rect.contains(p))
                    && let Some(flag) = under_pointer.get_mut(i)
                {
                    *flag = true;
                }
                if let Some(slot @ None) = first.get_mut(i) {
                    *slot = Some(SpanPlace {
                        id: span.id,
                        rect,
                        line_height: run.line_height,
                    });
                }
            }
        }
    }
    places.extend(first.into_iter().flatten());
    let mut hovered: Vec<(usize, String)> = spans
        .iter()
        .zip(under_pointer)
        .filter(|(_, under)| *under)
        .map(|(span, _)| (span.level, span.name.clone()))
        .collect();
    hovered.sort_by_key(|(level, _)| *level);
    hovered.into_iter().map(|(_, name)| name).collect()
}

/// Draws each relation whose two passages were drawn this frame as an arc over the text,
/// from the top of the source to an arrowhead on the target, with the type's name at its
/// top. The ends are where the passages are on screen, so the arcs run right to left when
/// the text does.
fn paint_relations(
    ui: &Ui,
    engine: &mut TextEngine,
    relations: &[RelationMark],
    places: &[SpanPlace],
    column: Column,
) {
    if places.is_empty() {
        return;
    }
    let by_id: std::collections::HashMap<uuid::Uuid, &SpanPlace> =
        places.iter().rev().map(|p| (p.id, p)).collect();
    let place = |id: uuid::Uuid| by_id.get(&id).copied();
    let style = crate::text::ParagraphStyle {
        font_size_pt: 11.0,
        line_height_pt: 14.0,
        bold: false,
        face: column.style.face,
    };
    for relation in relations {
        let (Some(source), Some(target)) = (place(relation.source), place(relation.target)) else {
            continue;
        };
        let line = source.line_height;
        let (from, to, control, down) =
            if (source.rect.top() - target.rect.top()).abs() < line * 0.5 {
                // On one line: an arc over the text.
                let from = pos2(source.rect.center().x, source.rect.top() + 3.0);
                let to = pos2(target.rect.center().x, target.rect.top() + 3.0);
                let lift = (line * 0.45 + (from.x - to.x).abs() * 0.08).min(line * 0.9);
                let top = from.y.min(to.y) - lift;
                (from, to, [pos2(from.x, top), pos2(to.x, top)], true)
            } else if target.rect.top() > source.rect.top() {
                // The target is on a later line: from under the source to the top of the target,
                // through the space between the lines.
                let from = pos2(source.rect.center().x, source.rect.bottom() - 2.0);
                let to = pos2(target.rect.center().x, target.rect.top() + 3.0);
                let middle = f32::midpoint(from.y, to.y);
                (
                    from,
                    to,
                    [
                        pos2(from.x, middle + line * 0.3),
                        pos2(to.x, middle - line * 0.3),
                    ],
                    true,
                )
            } else {
                let from = pos2(source.rect.center().x, source.rect.top() + 3.0);
                let to = pos2(target.rect.center().x, target.rect.bottom() - 2.0);
                let middle = f32::midpoint(from.y, to.y);
                (
                    from,
                    to,
                    [
                        pos2(from.x, middle - line * 0.3),
                        pos2(to.x, middle + line * 0.3),
                    ],
                    false,
                )
            };
        let stroke = Stroke::new(1.6, relation.color);
        ui.painter()
            .add(egui::epaint::CubicBezierShape::from_points_stroke(
                [from, control[0], control[1], to],
                false,
                Color32::TRANSPARENT,
                stroke,
            ));
        let head = 5.0;
        let back = if down { -head * 1.6 } else { head * 1.6 };
        ui.painter().add(egui::Shape::convex_polygon(
            vec![
                to,
                pos2(to.x - head, to.y + back),
                pos2(to.x + head, to.y + back),
            ],
            relation.color,
            Stroke::NONE,
        ));
        // The curve's middle, where the name goes.
        let middle = pos2(
            (from.x + 3.0 * control[0].x + 3.0 * control[1].x + to.x) / 8.0,
            (from.y + 3.0 * control[0].y + 3.0 * control[1].y + to.y) / 8.0,
        );
        let metrics = engine.measure_label(&relation.name, &style, Fit::Wrap(200.0));
        let size = metrics.size + vec2(8.0, 2.0);
        let rect = Rect::from_center_size(middle, size);
        ui.painter()
            .rect_filled(rect, CornerRadius::same(4), relation.color);
        engine.paint_label(
            ui.painter(),
            &relation.name,
            &style,
            Fit::Wrap(200.0),
            rect.min + vec2(4.0, 1.0),
            super::bidi_label::contrasting_text(relation.color),
        );
    }
}

/// Draws an annotated paragraph's bar at its starting edge and its label chips in the gap
/// above it, starting from the same edge.
fn paint_marks(
    ui: &Ui,
    engine: &mut TextEngine,
    marks: &ParagraphMarks,
    text_rect: Rect,
    rtl: bool,
    column: Column,
    gap: f32,
) {
    let outside = column.margin_pt * 0.35 + 3.0;
    if let Some(bar) = marks.bar {
        let x = if rtl {
            text_rect.right() + outside
        } else {
            text_rect.left() - outside - 4.0
        };
        let bar_rect = Rect::from_min_size(pos2(x, text_rect.top()), vec2(4.0, text_rect.height()));
        ui.painter()
            .rect_filled(bar_rect, CornerRadius::same(2), bar);
    }
    if marks.chips.is_empty() {
        return;
    }
    let chip_style = crate::text::ParagraphStyle {
        font_size_pt: 11.0,
        line_height_pt: 14.0,
        bold: false,
        face: column.style.face,
    };
    let chip_height = (gap * 0.8).clamp(12.0, 18.0);
    let bottom = text_rect.top() - gap * 0.3 - 1.0;
    let mut edge = if rtl {
        text_rect.right()
    } else {
        text_rect.left()
    };
    for (name, color) in &marks.chips {
        let metrics = engine.measure_label(name, &chip_style, Fit::Wrap(300.0));
        let width = metrics.size.x + 10.0;
        let left = if rtl { edge - width } else { edge };
        let rect = Rect::from_min_size(pos2(left, bottom - chip_height), vec2(width, chip_height));
        ui.painter()
            .rect_filled(rect, CornerRadius::same(7), *color);
        let text_top = rect.top() + (chip_height - metrics.size.y) / 2.0;
        engine.paint_label(
            ui.painter(),
            name,
            &chip_style,
            Fit::Wrap(300.0),
            pos2(rect.left() + 5.0, text_top),
            super::bidi_label::contrasting_text(*color),
        );
        edge = if rtl { left - 4.0 } else { left + width + 4.0 };
    }
}

/// Draws the bullet of a list item or the rule beside a quotation, at the paragraph's
/// starting edge (the right for Arabic).
fn paint_block_marker(
    ui: &Ui,
    kind: ParagraphKind,
    text_rect: Rect,
    indent: f32,
    rtl: bool,
    style: &TextStyle,
    colors: ReaderColors,
) {
    let edge_x = if rtl {
        text_rect.right() - indent * 0.5
    } else {
        text_rect.left() + indent * 0.5
    };
    match kind {
        ParagraphKind::ListItem => {
            let line_height = style.for_kind(kind).line_height_pt;
            let center = pos2(edge_x, text_rect.top() + line_height * 0.5);
            ui.painter()
                .circle_filled(center, style.font_size_pt * 0.14, colors.text);
        }
        ParagraphKind::Quote => {
            let x = edge_x + if rtl { indent * 0.15 } else { -indent * 0.15 };
            ui.painter().line_segment(
                [pos2(x, text_rect.top()), pos2(x, text_rect.bottom())],
                Stroke::new(3.0, colors.selected_stroke.gamma_multiply(0.6)),
            );
        }
        _ => {}
    }
}

/// Most paragraphs laid out at once to place a selection exactly; farther jumps rely on
/// estimated heights and are corrected as the view settles.
const MAX_EXACT_JUMP: usize = 300;

/// Handles a pending "scroll to paragraph" or "scroll to selected" request. Paragraphs between
/// the view and the target are laid out first, so the target is placed by true heights, not
/// estimates.
fn bring_requested_into_view(
    ui: &mut Ui,
    engine: &mut TextEngine,
    document: &Document,
    state: &mut ReaderState,
    column: Column,
    viewport: Rect,
) {
    if let Some(idx) = state.scroll_to_top_of.take() {
        let idx = idx.min(state.layout.len().saturating_sub(1));
        // Lay out the target and a screen around it; what is above keeps its estimates,
        // consistently on this frame and the next.
        let mut below = idx;
        while below < state.layout.len()
            && state.layout.top_pt(below) < state.layout.top_pt(idx) + viewport.height()
        {
            state
                .layout
                .ensure_laid_out(&mut engine.font_system, document, below);
            below += 1;
        }
        state.pending_offset_pt = Some(column.pad_top_pt + state.layout.top_pt(idx));
        ui.ctx().request_repaint();
        return;
    }
    let target = if std::mem::take(&mut state.scroll_to_selected) {
        state.selected
    } else {
        None
    };
    let Some(idx) = state.reveal.take().or(target) else {
        return;
    };
    let first = state
        .layout
        .paragraph_at_y((viewport.min.y - column.pad_top_pt).max(0.0));
    let (from, to) = (first.min(idx), first.max(idx));
    if to - from <= MAX_EXACT_JUMP {
        for between in from..=to {
            state
                .layout
                .ensure_laid_out(&mut engine.font_system, document, between);
        }
    } else {
        state
            .layout
            .ensure_laid_out(&mut engine.font_system, document, idx);
    }
    // In content coordinates, like the viewport.
    let top = column.pad_top_pt + state.layout.top_pt(idx);
    let bottom = top + state.layout.height_pt(idx);
    let margin = column.style.font_size_pt;
    let offset = if top - margin < viewport.min.y || bottom - top > viewport.height() {
        Some((top - margin).max(0.0))
    } else if bottom + margin > viewport.max.y {
        Some(bottom + margin - viewport.height())
    } else {
        None
    };
    if let Some(offset) = offset {
        state.pending_offset_pt = Some(offset);
        ui.ctx().request_repaint();
    }
}
