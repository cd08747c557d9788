//! Paragraph layout with cosmic-text, and the per-document cache that keeps it virtual.
//!
//! Each paragraph is its own cosmic-text [`Buffer`], so its base direction comes from its own
//! first strong character and an unbalanced bidi control cannot leak into the next paragraph.
//! [`DocumentLayout`] shapes only the paragraphs that are asked for (those near the viewport)
//! and keeps estimated heights for the rest, refined as paragraphs are laid out.

use std::borrow::Cow;
use std::collections::HashMap;

use cosmic_text::{
    Attrs, Buffer, Ellipsize, EllipsizeHeightLimit, Family, FontSystem, LayoutRunIter, Metrics,
    Shaping, Weight, Wrap,
};

use super::fonts::{LATIN_FAMILY, ReadingFace};
use crate::document::{Document, ParagraphKind};

/// How article text is set: face, size and line spacing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextStyle {
    /// The Arabic reading face.
    pub face: ReadingFace,
    /// Body text size in logical pixels (points).
    pub font_size_pt: f32,
    /// Line height as a multiple of the font size.
    pub line_spacing: f32,
}

impl Default for TextStyle {
    fn default() -> Self {
        Self {
            face: ReadingFace::default(),
            font_size_pt: 20.0,
            line_spacing: 1.7,
        }
    }
}

impl TextStyle {
    /// How far list items and quotations are set in from the column's starting edge.
    pub fn indent_pt(&self, kind: ParagraphKind) -> f32 {
        match kind {
            ParagraphKind::ListItem | ParagraphKind::Quote => self.font_size_pt * 1.5,
            _ => 0.0,
        }
    }
}

/// Size and weight of one kind of paragraph, derived from the body style.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParagraphStyle {
    /// Font size in points.
    pub font_size_pt: f32,
    /// Line height in points.
    pub line_height_pt: f32,
    /// Bold or regular.
    pub bold: bool,
    /// The reading face.
    pub face: ReadingFace,
}

impl TextStyle {
    /// The style for a paragraph of `kind`: titles and headings larger and bold.
    pub fn for_kind(&self, kind: ParagraphKind) -> ParagraphStyle {
        let (scale, bold) = match kind {
            ParagraphKind::Title => (1.5, true),
            ParagraphKind::Heading(level) => (if level <= 2 { 1.25 } else { 1.1 }, true),
            ParagraphKind::Body | ParagraphKind::ListItem | ParagraphKind::Quote => (1.0, false),
        };
        let font_size_pt = self.font_size_pt * scale;
        // Headings need less leading than running text; no face is set tighter than its ink
        // allows (Nastaliq).
        let spacing = if bold {
            (self.line_spacing * 0.85).max(1.2)
        } else {
            self.line_spacing
        }
        .max(self.face.min_line_spacing());
        ParagraphStyle {
            font_size_pt,
            line_height_pt: (font_size_pt * spacing).max(1.0),
            bold,
            face: self.face,
        }
    }
}

impl ParagraphStyle {
    fn attrs(&self, family: &'static str) -> Attrs<'static> {
        Attrs::new()
            .family(Family::Name(family))
            .weight(if self.bold {
                Weight::BOLD
            } else {
                Weight::NORMAL
            })
    }

    fn metrics(&self) -> Metrics {
        Metrics::new(self.font_size_pt, self.line_height_pt)
    }
}

/// True for characters of the Arabic script blocks, letters and marks alike.
fn is_arabic_block(c: char) -> bool {
    matches!(c,
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{0870}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}')
}

/// Splits `text` into byte ranges set in the Arabic reading face (`true`) or in the Latin
/// companion (`false`). Letters decide; digits, spaces and punctuation go with the letters
/// before them (or after them at the start), so `iPhone 6S` is set wholly in the Latin face
/// and `13 بلداً` wholly in the Arabic one.
///
/// Neighbouring letters are looked for only among characters at the same bidi embedding
/// level. cosmic-text shapes a word whose pieces have different fonts piece by piece and, at
/// a right-to-left level, draws the pieces in logical order (the first piece on the left):
/// the `)` of `(AFP)،` taken with `AFP` into the Latin face put the Arabic comma inside the
/// brackets. Within one level the letters all run one way, so a word whose faces differ can
/// only arise where the level's own letters are of both kinds (Hebrew beside Arabic, or an
/// override); see `docs/upstream/cosmic-text-mixed-font-rtl-word.md`.
pub fn font_runs(text: &str) -> Vec<(std::ops::Range<usize>, bool)> {
    let classify = |c: char| {
        if is_arabic_block(c) {
            Some(true)
        } else if c.is_alphabetic() {
            Some(false)
        } else {
            None
        }
    };
    let bidi = unicode_bidi::BidiInfo::new(text, None);
    let level_at = |byte_idx: usize| bidi.levels.get(byte_idx).copied();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let first_arabic = text.chars().find_map(classify).unwrap_or(true);
    let mut faces: Vec<bool> = Vec::with_capacity(chars.len());
    // The last letter before the current level run, for runs without letters of their own.
    let mut last_letter = None;
    let mut run_start = 0;
    while let Some(&(start_byte, _)) = chars.get(run_start) {
        let level = level_at(start_byte);
        let run_len = chars[run_start..]
            .iter()
            .take_while(|(byte_idx, _)| level_at(*byte_idx) == level)
            .count();
        let run = &chars[run_start..run_start + run_len];
        let mut current = run
            .iter()
            .find_map(|&(_, c)| classify(c))
            .or(last_letter)
            .unwrap_or(first_arabic);
        for &(_, c) in run {
            if let Some(arabic) = classify(c) {
                current = arabic;
                last_letter = Some(arabic);
            }
            faces.push(current);
        }
        run_start += run_len.max(1);
    }
    let mut runs: Vec<(std::ops::Range<usize>, bool)> = Vec::new();
    for (&(idx, c), &arabic) in chars.iter().zip(&faces) {
        let end = idx + c.len_utf8();
        match runs.last_mut() {
            Some((range, face)) if *face == arabic => range.end = end,
            _ => runs.push((idx..end, arabic)),
        }
    }
    runs
}

/// The text handed to the shaper: control characters that fonts cannot draw (such as U+001A,
/// seen in scraped news text) are swapped for a blank of the same UTF-8 length, so byte
/// offsets into the original text stay valid for hit testing and highlights.
pub fn display_text(text: &str) -> Cow<'_, str> {
    let is_hidden_control = |c: char| c.is_control() && c != '\t';
    if !text.contains(is_hidden_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\t' {
            out.push(' ');
        } else if c.is_control() {
            // C0 controls and DEL are one byte, C1 controls two: a space or a no-break space.
            out.push(if c.len_utf8() == 1 { ' ' } else { '\u{a0}' });
        } else {
            out.push(c);
        }
    }
    debug_assert_eq!(out.len(), text.len());
    Cow::Owned(out)
}

/// How a paragraph is fitted to its width.
#[derive(Clone, Copy, Debug)]
enum Fit {
    /// Wrapped into lines of this width, in points.
    Wrap(f32),
    /// One line, cut with an ellipsis at this width, in points.
    Ellipsize(f32),
    /// One line, as wide as it takes.
    Unbounded,
}

/// One laid-out paragraph.
#[derive(Debug)]
pub struct ParagraphLayout {
    buffer: Buffer,
    width_pt: f32,
    height_pt: f32,
}

impl ParagraphLayout {
    /// Shapes `text` and wraps it to `width_pt`.
    pub fn new(
        font_system: &mut FontSystem,
        text: &str,
        style: &ParagraphStyle,
        width_pt: f32,
    ) -> Self {
        Self::build(font_system, text, style, Fit::Wrap(width_pt))
    }

    /// Shapes `text` on one line; when it is wider than `width_pt` its logical end is cut and
    /// replaced by an ellipsis (on the left of a right-to-left line).
    pub fn single_line(
        font_system: &mut FontSystem,
        text: &str,
        style: &ParagraphStyle,
        width_pt: f32,
    ) -> Self {
        Self::build(font_system, text, style, Fit::Ellipsize(width_pt))
    }

    /// Shapes `text` on one line of whatever width it takes, never wrapped or cut: how the
    /// paragraph reads when nothing breaks it (the `layout --visual` diagnostic).
    pub fn unwrapped(font_system: &mut FontSystem, text: &str, style: &ParagraphStyle) -> Self {
        Self::build(font_system, text, style, Fit::Unbounded)
    }

    fn build(font_system: &mut FontSystem, text: &str, style: &ParagraphStyle, fit: Fit) -> Self {
        let mut buffer = Buffer::new_empty(style.metrics());
        let width_pt = match fit {
            Fit::Wrap(width_pt) => {
                buffer.set_wrap(Wrap::WordOrGlyph);
                buffer.set_size(Some(width_pt.max(1.0)), None);
                width_pt
            }
            Fit::Ellipsize(width_pt) => {
                // Laid out unbroken first; cut only if that is too wide (see below).
                buffer.set_wrap(Wrap::WordOrGlyph);
                buffer.set_size(None, None);
                width_pt
            }
            Fit::Unbounded => {
                // Wrapping with no width never breaks a line. `Wrap::None` is not used: in
                // cosmic-text 0.19 it drops the first bidi run when that run goes against the
                // line's direction (the `25` of an Arabic `25 أكتوبر`).
                buffer.set_wrap(Wrap::WordOrGlyph);
                buffer.set_size(None, None);
                f32::INFINITY
            }
        };
        let shown = display_text(text);
        // A face without a bold file sets headings in its regular weight, rather than
        // leaving them to another family's bold.
        let arabic = if style.face.has_bold() {
            style.attrs(style.face.family_name())
        } else {
            ParagraphStyle {
                bold: false,
                ..*style
            }
            .attrs(style.face.family_name())
        };
        let latin = style.attrs(LATIN_FAMILY);
        let spans = font_runs(&shown)
            .into_iter()
            .filter_map(|(range, is_arabic)| {
                let attrs = if is_arabic {
                    arabic.clone()
                } else {
                    latin.clone()
                };
                shown.get(range).map(|piece| (piece, attrs))
            });
        // No explicit alignment: cosmic-text aligns RTL paragraphs right and LTR ones left.
        buffer.set_rich_text(spans, &arabic, Shaping::Advanced, None);
        buffer.shape_until_scroll(font_system, false);
        if let Fit::Ellipsize(width_pt) = fit {
            let natural_pt = buffer
                .layout_runs()
                .map(|run| run.line_w)
                .fold(0.0, f32::max);
            if natural_pt <= width_pt {
                // It fits: one line, aligned in the width, nothing cut. The ellipsizing
                // layout is kept for text that is cut, because in cosmic-text 0.19 it drops
                // the first bidi run when that run goes against the line's direction.
                buffer.set_size(Some(width_pt.max(1.0)), None);
            } else {
                buffer.set_wrap(Wrap::None);
                buffer.set_ellipsize(Ellipsize::End(EllipsizeHeightLimit::Lines(1)));
                buffer.set_size(Some(width_pt.max(1.0)), None);
            }
            buffer.shape_until_scroll(font_system, false);
        }
        let mut layout = Self {
            buffer,
            width_pt,
            height_pt: 0.0,
        };
        layout.height_pt = layout.measure_height();
        layout
    }

    /// Re-wraps to a new width, reusing the shaping.
    pub fn set_width(&mut self, font_system: &mut FontSystem, width_pt: f32) {
        if (width_pt - self.width_pt).abs() < 0.01 {
            return;
        }
        self.width_pt = width_pt;
        self.buffer.set_size(Some(width_pt.max(1.0)), None);
        self.buffer.shape_until_scroll(font_system, false);
        self.height_pt = self.measure_height();
    }

    fn measure_height(&self) -> f32 {
        self.buffer
            .layout_runs()
            .last()
            .map_or(0.0, |run| run.line_top + run.line_height)
    }

    /// Height of the laid-out text in points.
    pub fn height_pt(&self) -> f32 {
        self.height_pt
    }

    /// The width the paragraph was wrapped to, in points.
    pub fn width_pt(&self) -> f32 {
        self.width_pt
    }

    /// True when the paragraph's base direction is right-to-left.
    pub fn is_rtl(&self) -> bool {
        self.buffer
            .lines
            .first()
            .and_then(|line| line.shape_opt())
            .is_some_and(|shape| shape.rtl)
    }

    /// The visual lines, top to bottom, with their glyphs in visual order.
    pub fn runs(&self) -> LayoutRunIter<'_> {
        self.buffer.layout_runs()
    }

    /// The underlying cosmic-text buffer.
    pub fn buffer(&self) -> &Buffer {
        &self.buffer
    }

    /// Number of visual lines.
    pub fn line_count(&self) -> usize {
        self.buffer.layout_runs().count()
    }
}

/// One laid-out line's grapheme clusters with their horizontal extents, found once so that
/// many byte ranges (every passage of a paragraph, search hits) can be measured on the line
/// without segmenting it again for each. Gives what cosmic-text's `LayoutRun::highlight`
/// gives for a range on this line: a glyph holding several graphemes (a ligature) is split
/// evenly between them.
#[derive(Debug, Default)]
pub struct LineGraphemes {
    /// `(byte start, byte end, x, width)` in the order of the line's glyphs.
    cells: Vec<(usize, usize, f32, f32)>,
}

impl LineGraphemes {
    /// Segments `run`.
    pub fn new(run: &cosmic_text::LayoutRun<'_>) -> Self {
        use unicode_segmentation::UnicodeSegmentation as _;
        let mut cells = Vec::with_capacity(run.glyphs.len());
        for glyph in run.glyphs {
            let cluster = run.text.get(glyph.start..glyph.end).unwrap_or("");
            let count = cluster.grapheme_indices(true).count().max(1);
            #[allow(clippy::cast_precision_loss)] // a handful of graphemes per glyph
            let width = glyph.w / count as f32;
            let mut x = glyph.x;
            for (offset, grapheme) in cluster.grapheme_indices(true) {
                let start = glyph.start + offset;
                cells.push((start, start + grapheme.len(), x, width));
                x += width;
            }
        }
        Self { cells }
    }

    /// The `(x, width)` pieces of byte range `range` on this line, one per visually
    /// contiguous stretch (several where right-to-left and left-to-right text mix).
    pub fn highlight(&self, range: &std::ops::Range<usize>) -> Vec<(f32, f32)> {
        let mut pieces = Vec::new();
        let mut open: Option<(f32, f32)> = None;
        for &(start, end, x, width) in &self.cells {
            if end > range.start && start < range.end {
                open = Some(open.map_or((x, x + width), |(lo, hi)| (lo.min(x), hi.max(x + width))));
            } else if let Some((lo, hi)) = open.take()
                && hi - lo > 0.0
            {
                pieces.push((lo, hi - lo));
            }
        }
        if let Some((lo, hi)) = open
            && hi - lo > 0.0
        {
            pieces.push((lo, hi - lo));
        }
        pieces
    }
}

/// Cache key of everything besides the width that a layout depends on.
#[derive(Clone, Copy, Debug, PartialEq)]
struct LayoutKey {
    style: TextStyle,
}

/// Layout state of a whole document: cached paragraph layouts and (estimated) heights.
#[derive(Debug)]
pub struct DocumentLayout {
    key: Option<LayoutKey>,
    width_pt: f32,
    /// Height of each paragraph including the gap after it.
    heights_pt: Vec<f32>,
    measured: Vec<bool>,
    /// `tops_pt[i]` is the top of paragraph `i`; one more entry holds the total height.
    tops_pt: Vec<f32>,
    tops_dirty: bool,
    cache: HashMap<usize, ParagraphLayout>,
    cached_bytes: usize,
    /// Running totals used to estimate unmeasured heights: lines laid out per text byte.
    measured_lines: f64,
    measured_bytes_width: f64,
    char_counts: Vec<usize>,
    kinds: Vec<ParagraphKind>,
    /// Paragraphs filtered out of view: they take no room and are never laid out.
    hidden: Vec<bool>,
    /// Paragraphs shaped since the layout was made (a paragraph shaped again counts again).
    shaped_count: usize,
}

/// Most text kept shaped at once, in bytes of paragraph text; beyond it, layouts far from the
/// view are dropped (down to half of it), keeping only their measured heights. A shaped
/// paragraph of Arabic news text takes about 230 bytes of heap per byte of its text (glyphs,
/// words and visual lines), so 64 KiB of text is some 15 MB; a 1280×900 screen shows about
/// 3 KiB of text at the default size, so what is kept covers ten to twenty screens around
/// the view for scrolling back without shaping again.
pub const CACHE_BUDGET_BYTES: usize = 64 << 10;

impl DocumentLayout {
    /// A layout for `document` with nothing shaped yet.
    pub fn new(document: &Document) -> Self {
        let count = document.paragraphs.len();
        Self {
            key: None,
            width_pt: 0.0,
            heights_pt: vec![0.0; count],
            measured: vec![false; count],
            tops_pt: vec![0.0; count + 1],
            tops_dirty: true,
            cache: HashMap::new(),
            cached_bytes: 0,
            measured_lines: 0.0,
            measured_bytes_width: 0.0,
            char_counts: (0..count)
                .map(|i| document.paragraph_text(i).map_or(0, |t| t.chars().count()))
                .collect(),
            kinds: document.paragraphs.iter().map(|p| p.kind).collect(),
            hidden: vec![false; count],
            shaped_count: 0,
        }
    }

    /// The style the paragraphs are laid out in (`None` before the first layout).
    pub fn style(&self) -> Option<TextStyle> {
        self.key.map(|key| key.style)
    }

    /// Sets the style and column width; a style change drops every layout, a width change
    /// keeps the shaping and re-wraps lazily.
    pub fn set_style_and_width(&mut self, style: TextStyle, width_pt: f32) {
        let key = LayoutKey { style };
        let style_changed = self.key != Some(key);
        let width_changed = (self.width_pt - width_pt).abs() >= 0.01;
        if style_changed {
            self.cache.clear();
            self.cached_bytes = 0;
            self.measured_lines = 0.0;
            self.measured_bytes_width = 0.0;
        }
        if style_changed || width_changed {
            self.key = Some(key);
            self.width_pt = width_pt;
            self.measured.iter_mut().for_each(|m| *m = false);
            self.reestimate();
        }
    }

    /// Gap below a paragraph, in points.
    pub fn gap_after_pt(&self, paragraph_idx: usize) -> f32 {
        let Some(key) = self.key else { return 0.0 };
        let body = key.style.for_kind(ParagraphKind::Body);
        match self.kinds.get(paragraph_idx) {
            Some(ParagraphKind::Title) => body.line_height_pt * 0.9,
            _ => body.line_height_pt * 0.55,
        }
    }

    /// The kind of paragraph `paragraph_idx` (body when it has none), its style under `key`,
    /// and the width its lines wrap to, in points.
    fn paragraph_style(
        &self,
        key: LayoutKey,
        paragraph_idx: usize,
    ) -> (ParagraphKind, ParagraphStyle, f32) {
        let kind = self
            .kinds
            .get(paragraph_idx)
            .copied()
            .unwrap_or(ParagraphKind::Body);
        let width_pt = (self.width_pt - key.style.indent_pt(kind)).max(1.0);
        (kind, key.style.for_kind(kind), width_pt)
    }

    fn estimate_height_pt(&self, paragraph_idx: usize) -> f32 {
        let Some(key) = self.key else { return 0.0 };
        let (_, style, width_pt) = self.paragraph_style(key, paragraph_idx);
        let chars = self.char_counts.get(paragraph_idx).copied().unwrap_or(0) as f64;
        // Lines per (char × pt of font size / pt of width), learnt from measured paragraphs;
        // the starting guess is an average Arabic advance of half an em.
        let lines_per_unit = if self.measured_bytes_width > 0.0 {
            self.measured_lines / self.measured_bytes_width
        } else {
            0.5
        };
        let units = chars * f64::from(style.font_size_pt) / f64::from(width_pt);
        let lines = (units * lines_per_unit).ceil().max(1.0);
        lines as f32 * style.line_height_pt + self.gap_after_pt(paragraph_idx)
    }

    fn reestimate(&mut self) {
        for idx in 0..self.heights_pt.len() {
            if self.hidden[idx] {
                self.heights_pt[idx] = 0.0;
            } else if !self.measured[idx] {
                self.heights_pt[idx] = self.estimate_height_pt(idx);
            }
        }
        self.tops_dirty = true;
    }

    /// Hides the paragraphs marked `true` (a filter); the others keep their heights.
    pub fn set_hidden(&mut self, hidden: Vec<bool>) {
        if hidden.len() != self.hidden.len() || hidden == self.hidden {
            return;
        }
        for (idx, (&was, &now)) in self.hidden.iter().zip(&hidden).enumerate() {
            if was && !now {
                // Shown again: measure it afresh.
                self.measured[idx] = false;
            }
        }
        self.hidden = hidden;
        self.reestimate();
    }

    /// True when paragraph `paragraph_idx` is filtered out.
    pub fn is_hidden(&self, paragraph_idx: usize) -> bool {
        self.hidden.get(paragraph_idx).copied().unwrap_or(false)
    }

    fn update_tops(&mut self) {
        if !self.tops_dirty {
            return;
        }
        let mut y = 0.0;
        for (idx, height) in self.heights_pt.iter().enumerate() {
            self.tops_pt[idx] = y;
            y += height;
        }
        if let Some(total) = self.tops_pt.last_mut() {
            *total = y;
        }
        self.tops_dirty = false;
    }

    /// Number of paragraphs.
    pub fn len(&self) -> usize {
        self.heights_pt.len()
    }

    /// True for a document without paragraphs.
    pub fn is_empty(&self) -> bool {
        self.heights_pt.is_empty()
    }

    /// Top of paragraph `paragraph_idx` in points from the top of the document.
    pub fn top_pt(&mut self, paragraph_idx: usize) -> f32 {
        self.update_tops();
        self.tops_pt.get(paragraph_idx).copied().unwrap_or(0.0)
    }

    /// Height of paragraph `paragraph_idx` including its gap, measured or estimated.
    pub fn height_pt(&self, paragraph_idx: usize) -> f32 {
        self.heights_pt.get(paragraph_idx).copied().unwrap_or(0.0)
    }

    /// Total height of the document in points.
    pub fn total_height_pt(&mut self) -> f32 {
        self.update_tops();
        self.tops_pt.last().copied().unwrap_or(0.0)
    }

    /// The paragraph that covers `y_pt` (the last one if `y_pt` is past the end).
    pub fn paragraph_at_y(&mut self, y_pt: f32) -> usize {
        self.update_tops();
        let count = self.heights_pt.len();
        // `tops_pt` is sorted; find the last top at or above y.
        let idx = self.tops_pt[..count].partition_point(|&top| top <= y_pt);
        idx.saturating_sub(1).min(count.saturating_sub(1))
    }

    /// True once paragraph `paragraph_idx` has been laid out at the current width and style.
    pub fn is_measured(&self, paragraph_idx: usize) -> bool {
        self.measured.get(paragraph_idx).copied().unwrap_or(false)
    }

    /// Lays out paragraph `paragraph_idx` (or re-wraps its cached layout) and records its true
    /// height. Returns the height change in points.
    pub fn ensure_laid_out(
        &mut self,
        font_system: &mut FontSystem,
        document: &Document,
        paragraph_idx: usize,
    ) -> f32 {
        let Some(key) = self.key else { return 0.0 };
        let Some(text) = document.paragraph_text(paragraph_idx) else {
            return 0.0;
        };
        if self.is_hidden(paragraph_idx)
            || (self.is_measured(paragraph_idx) && self.cache.contains_key(&paragraph_idx))
        {
            return 0.0;
        }
        let (kind, style, width_pt) = self.paragraph_style(key, paragraph_idx);
        if let Some(layout) = self.cache.get_mut(&paragraph_idx) {
            layout.set_width(font_system, width_pt);
        } else {
            self.cached_bytes += text.len();
            self.shaped_count += 1;
            self.cache.insert(
                paragraph_idx,
                ParagraphLayout::new(font_system, text, &style, width_pt),
            );
        }
        let Some(layout) = self.cache.get(&paragraph_idx) else {
            return 0.0;
        };
        let text_height = layout.height_pt();
        if kind == ParagraphKind::Body && width_pt > 0.0 {
            self.measured_lines += layout.line_count() as f64;
            self.measured_bytes_width +=
                text.chars().count() as f64 * f64::from(style.font_size_pt) / f64::from(width_pt);
        }
        let height = text_height + self.gap_after_pt(paragraph_idx);
        let old = self.heights_pt[paragraph_idx];
        self.heights_pt[paragraph_idx] = height;
        self.measured[paragraph_idx] = true;
        if (height - old).abs() > f32::EPSILON {
            self.tops_dirty = true;
        }
        height - old
    }

    /// The cached layout of a paragraph, if it has been laid out.
    pub fn get(&self, paragraph_idx: usize) -> Option<&ParagraphLayout> {
        self.cache.get(&paragraph_idx)
    }

    /// Drops cached layouts far from `keep` once the cache is over its budget.
    pub fn evict_outside(&mut self, document: &Document, keep: std::ops::Range<usize>) {
        if self.cached_bytes <= CACHE_BUDGET_BYTES {
            return;
        }
        let mut by_distance: Vec<usize> = self.cache.keys().copied().collect();
        let distance = |idx: usize| {
            if idx < keep.start {
                keep.start - idx
            } else {
                idx.saturating_sub(keep.end)
            }
        };
        by_distance.sort_by_key(|&idx| std::cmp::Reverse(distance(idx)));
        for idx in by_distance {
            if self.cached_bytes <= CACHE_BUDGET_BYTES / 2 || keep.contains(&idx) {
                break;
            }
            if self.cache.remove(&idx).is_some() {
                let bytes = document.paragraph_text(idx).map_or(0, str::len);
                self.cached_bytes = self.cached_bytes.saturating_sub(bytes);
            }
        }
    }

    /// Number of paragraphs with a cached layout.
    pub fn cached_count(&self) -> usize {
        self.cache.len()
    }

    /// Text bytes of the paragraphs with a cached layout.
    pub fn cached_bytes(&self) -> usize {
        self.cached_bytes
    }

    /// How many times a paragraph has been shaped since this layout was made.
    pub fn shaped_count(&self) -> usize {
        self.shaped_count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_graphemes_measure_ranges_as_cosmic_text_does() {
        let mut font_system = super::super::fonts::font_system(false);
        // Ligatures (لا), marks, digits and Latin inside Arabic, wrapped over several lines.
        let text = "قال المتحدث باسم وزارة الدفاع لا لن نَتَراجَع (AFP)، إن 13 بلداً اجتمعت في \
                    باريس يوم الثلاثاء لبحث مستقبل الرقة بعد طرد تنظيم «داعش» منها";
        let style = ParagraphStyle {
            font_size_pt: 20.0,
            line_height_pt: 34.0,
            bold: false,
            face: ReadingFace::default(),
        };
        let layout = ParagraphLayout::new(&mut font_system, text, &style, 300.0);
        assert!(layout.line_count() > 2);
        let mut boundaries: Vec<usize> = (0..=text.len())
            .filter(|&b| text.is_char_boundary(b))
            .step_by(3)
            .collect();
        boundaries.push(text.len());
        let mut compared = 0;
        for run in layout.runs() {
            let line = LineGraphemes::new(&run);
            for (i, &start) in boundaries.iter().enumerate() {
                for &end in boundaries.iter().skip(i).step_by(5) {
                    let ours = line.highlight(&(start..end));
                    let theirs: Vec<(f32, f32)> = run
                        .highlight(
                            cosmic_text::Cursor::new(run.line_i, start),
                            cosmic_text::Cursor::new(run.line_i, end),
                        )
                        .collect();
                    assert_eq!(ours, theirs, "{start}..{end} on line {}", run.line_i);
                    compared += usize::from(!ours.is_empty());
                }
            }
        }
        assert!(compared > 100, "{compared}");
    }

    /// The face of each character of `text`: `A` for the Arabic one, `L` for the Latin one.
    fn faces(text: &str) -> String {
        font_runs(text)
            .into_iter()
            .flat_map(|(range, arabic)| {
                let face = if arabic { 'A' } else { 'L' };
                text[range].chars().map(move |_| face)
            })
            .collect()
    }

    #[test]
    fn neutrals_take_the_face_of_letters_at_their_own_bidi_level() {
        // The closing bracket and the comma after `AFP` resolve right to left, like the
        // Arabic around them, so they are set with it, not with `AFP`.
        assert_eq!(faces("قال (AFP)، إن"), "AAAAALLLAAAAA");
        assert_eq!(
            faces("الطرح (Private Placement)، وهو"),
            "AAAAAAALLLLLLLLLLLLLLLLLAAAAAA"
        );
        // Left to right, the bracket after Arabic goes with the Latin text around it.
        assert_eq!(faces("He said (خاص), then"), "LLLLLLLLLAAALLLLLLL");
        // Runs without letters go with the letters before them, or after them at the start.
        assert_eq!(faces("iPhone 6S"), "LLLLLLLLL");
        assert_eq!(faces("13 بلداً"), "AAAAAAAA");
        assert_eq!(faces("بنسبة 73.8% في"), "AAAAAAAAAAAAAA");
    }
}
