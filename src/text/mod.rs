//! Text engine: embedded fonts, cosmic-text paragraph layout, and the glyph atlas that puts
//! the shaped glyphs on screen. Everything that may hold Arabic is drawn through here, never
//! with egui's own text, because egui has no bidirectional layout.

pub mod atlas;
pub mod fonts;
pub mod layout;
pub mod tiles;
pub mod visual;

use std::collections::HashMap;

use cosmic_text::FontSystem;

pub use atlas::{GlyphAtlas, GlyphBatch};
pub use fonts::ReadingFace;
pub use layout::{DocumentLayout, LineGraphemes, ParagraphLayout, ParagraphStyle, TextStyle};
pub use tiles::TileCache;

/// The shared text machinery: one font system and one glyph atlas for the whole app.
pub struct TextEngine {
    /// Fonts and shaping caches.
    pub font_system: FontSystem,
    /// Rasterized glyphs in egui textures.
    pub atlas: GlyphAtlas,
    /// The article's lines rasterized in groups, one texture each.
    pub tiles: TileCache,
    /// Layouts of short UI strings (labels, menu items), reused across frames.
    labels: HashMap<LabelKey, LabelEntry>,
    frame: u64,
}

/// What a label layout depends on.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct LabelKey {
    text: String,
    font_size_bits: u32,
    line_height_bits: u32,
    width_bits: u32,
    bold: bool,
    face: ReadingFace,
    single_line: bool,
}

/// How a UI string fits its width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Fit {
    /// Wrapped to lines of at most this many points.
    Wrap(f32),
    /// On one line of at most this many points, cut with an ellipsis at its logical end.
    Line(f32),
}

impl LabelKey {
    fn new(text: &str, style: &ParagraphStyle, fit: Fit) -> Self {
        let (max_width_pt, single_line) = match fit {
            Fit::Wrap(width) => (width, false),
            Fit::Line(width) => (width, true),
        };
        Self {
            text: text.to_owned(),
            font_size_bits: style.font_size_pt.to_bits(),
            line_height_bits: style.line_height_pt.to_bits(),
            width_bits: max_width_pt.to_bits(),
            bold: style.bold,
            face: style.face,
            single_line,
        }
    }
}

struct LabelEntry {
    layout: ParagraphLayout,
    last_used_frame: u64,
}

/// Labels kept without use before they are dropped, in frames.
const LABEL_TTL_FRAMES: u64 = 300;

/// Size and placement of a laid-out label.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelMetrics {
    /// Size of the ink box: widest line by all lines, in points.
    pub size: egui::Vec2,
    /// How far the layout's lines start from its left edge, in points.
    pub left_pt: f32,
    /// True for right-to-left text.
    pub rtl: bool,
}

impl std::fmt::Debug for TextEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextEngine")
            .field("atlas", &self.atlas)
            .finish_non_exhaustive()
    }
}

impl TextEngine {
    /// An engine with the embedded fonts, plus installed fonts as a last fallback when
    /// `include_system_fonts` is set.
    pub fn new(include_system_fonts: bool) -> Self {
        Self {
            font_system: fonts::font_system(include_system_fonts),
            atlas: GlyphAtlas::new(),
            tiles: TileCache::new(),
            labels: HashMap::new(),
            frame: 0,
        }
    }

    /// Starts a frame: clears a full atlas and forgets labels not shown for a while. Returns
    /// true when the caller should repaint (the atlas was cleared).
    pub fn begin_frame(&mut self) -> bool {
        self.frame += 1;
        if self.frame.is_multiple_of(60) {
            let frame = self.frame;
            self.labels
                .retain(|_, entry| frame - entry.last_used_frame < LABEL_TTL_FRAMES);
        }
        self.atlas.begin_frame()
    }

    fn label_entry(&mut self, key: LabelKey, style: &ParagraphStyle) -> &ParagraphLayout {
        let frame = self.frame;
        let font_system = &mut self.font_system;
        let entry = self.labels.entry(key).or_insert_with_key(|key| {
            let width = f32::from_bits(key.width_bits);
            let layout = if key.single_line {
                ParagraphLayout::single_line(font_system, &key.text, style, width)
            } else {
                ParagraphLayout::new(font_system, &key.text, style, width)
            };
            LabelEntry {
                layout,
                last_used_frame: frame,
            }
        });
        entry.last_used_frame = frame;
        &entry.layout
    }

    fn measure(&mut self, key: LabelKey, style: &ParagraphStyle) -> LabelMetrics {
        let layout = self.label_entry(key, style);
        let mut left = f32::MAX;
        let mut right = f32::MIN;
        for run in layout.runs() {
            for glyph in run.glyphs {
                left = left.min(glyph.x);
                right = right.max(glyph.x + glyph.w);
            }
        }
        if left > right {
            (left, right) = (0.0, 0.0);
        }
        LabelMetrics {
            size: egui::vec2(right - left, layout.height_pt()),
            left_pt: left,
            rtl: layout.is_rtl(),
        }
    }

    fn paint(
        &mut self,
        painter: &egui::Painter,
        key: &LabelKey,
        style: &ParagraphStyle,
        origin: egui::Pos2,
        color: egui::Color32,
    ) {
        let metrics = self.measure(key.clone(), style);
        let Some(entry) = self.labels.get(key) else {
            return;
        };
        let ctx = painter.ctx();
        let mut batch = GlyphBatch::default();
        let origin = origin - egui::vec2(metrics.left_pt, 0.0);
        let ppp = ctx.pixels_per_point();
        for run in entry.layout.runs() {
            self.atlas.add_run(
                ctx,
                &mut self.font_system,
                &mut batch,
                &run,
                origin,
                color,
                ppp,
            );
        }
        painter.extend(self.atlas.shapes(batch));
    }

    /// Lays out a UI string (cached) to fit `fit`, and measures it.
    pub fn measure_label(&mut self, text: &str, style: &ParagraphStyle, fit: Fit) -> LabelMetrics {
        self.measure(LabelKey::new(text, style, fit), style)
    }

    /// Draws a UI string laid out by [`Self::measure_label`] with its ink box at `origin`.
    pub fn paint_label(
        &mut self,
        painter: &egui::Painter,
        text: &str,
        style: &ParagraphStyle,
        fit: Fit,
        origin: egui::Pos2,
        color: egui::Color32,
    ) {
        let key = LabelKey::new(text, style, fit);
        self.paint(painter, &key, style, origin, color);
    }

    /// Rectangles covering bytes `range` of a UI string laid out by [`Self::measure_label`],
    /// relative to the origin its ink box is painted at; in a mixed-direction line a range may
    /// take several rectangles.
    pub fn label_ranges(
        &mut self,
        text: &str,
        style: &ParagraphStyle,
        fit: Fit,
        range: std::ops::Range<usize>,
    ) -> Vec<egui::Rect> {
        let key = LabelKey::new(text, style, fit);
        let left = self.measure(key.clone(), style).left_pt;
        let Some(entry) = self.labels.get(&key) else {
            return Vec::new();
        };
        let mut rects = Vec::new();
        for run in entry.layout.runs() {
            let start = cosmic_text::Cursor::new(run.line_i, range.start);
            let end = cosmic_text::Cursor::new(run.line_i, range.end);
            for (x, width) in run.highlight(start, end) {
                rects.push(egui::Rect::from_min_size(
                    egui::pos2(x - left, run.line_top),
                    egui::vec2(width, run.line_height),
                ));
            }
        }
        rects
    }
}
