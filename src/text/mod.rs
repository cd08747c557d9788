//! Text engine: embedded fonts, cosmic-text paragraph layout, and the glyph atlas that puts
//! the shaped glyphs on screen. Everything that may hold Arabic is drawn through here, never
//! with egui's own text, because egui has no bidirectional layout.

pub mod atlas;
pub mod fonts;
pub mod layout;

use cosmic_text::FontSystem;

pub use atlas::{GlyphAtlas, GlyphBatch};
pub use fonts::ReadingFace;
pub use layout::{DocumentLayout, ParagraphLayout, ParagraphStyle, TextStyle};

/// The shared text machinery: one font system and one glyph atlas for the whole app.
pub struct TextEngine {
    /// Fonts and shaping caches.
    pub font_system: FontSystem,
    /// Rasterized glyphs in egui textures.
    pub atlas: GlyphAtlas,
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
        }
    }
}
