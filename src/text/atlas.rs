//! The glyph atlas: glyphs rasterized by swash into a few egui textures, drawn as meshes.
//!
//! With `tiles.rs`, the only place in `text/` that touches egui. Each new glyph image is copied into a
//! free slot of an atlas page with a partial texture upload; a frame's glyphs are collected in
//! a [`GlyphBatch`] (one mesh per page) and handed to egui as shapes.

use std::collections::HashMap;

use cosmic_text::{CacheKey, CacheKeyFlags, FontSystem, LayoutRun, SwashCache, SwashContent};
use egui::{Color32, ColorImage, Mesh, Pos2, Rect, Shape, TextureHandle, TextureOptions, pos2};
use etagere::{BucketedAtlasAllocator, size2};

/// Side of one square atlas page in pixels.
const PAGE_SIZE_PX: i32 = 1024;
/// Pages allowed before the atlas is cleared and refilled with what is on screen.
const MAX_PAGES: usize = 6;
/// Empty pixels kept around each glyph so that neighbours never bleed into each other.
const PADDING_PX: i32 = 1;

/// Where a rasterized glyph sits in the atlas, and how to place it on screen.
#[derive(Clone, Copy, Debug)]
struct AtlasGlyph {
    page: usize,
    /// Position of the glyph image inside its page, in pixels.
    x_px: i32,
    y_px: i32,
    width_px: i32,
    height_px: i32,
    /// Offset of the image's top-left corner from the glyph origin (swash placement).
    left_px: i32,
    top_px: i32,
    /// Colour glyphs (emoji) keep their own colours; masks take the text colour.
    is_color: bool,
}

struct AtlasPage {
    allocator: BucketedAtlasAllocator,
    texture: TextureHandle,
}

/// Glyph images uploaded to egui textures, keyed by cosmic-text's [`CacheKey`].
pub struct GlyphAtlas {
    swash: SwashCache,
    pages: Vec<AtlasPage>,
    /// `None` records a glyph without pixels (a space), so it is not rasterized again.
    glyphs: HashMap<CacheKey, Option<AtlasGlyph>>,
    /// Set when the atlas ran out of room this frame; it is cleared before the next one.
    overflowed: bool,
    /// Width and height of each page, in pixels.
    page_size_px: i32,
    /// Whether glyphs are rasterized with the font's hinting instructions.
    hinted: bool,
}

impl Default for GlyphAtlas {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for GlyphAtlas {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GlyphAtlas")
            .field("pages", &self.pages.len())
            .field("glyphs", &self.glyphs.len())
            .finish_non_exhaustive()
    }
}

/// Glyph quads collected during a frame, one mesh per atlas page.
#[derive(Default)]
pub struct GlyphBatch {
    meshes: Vec<Mesh>,
}

impl GlyphBatch {
    fn mesh_for_page(&mut self, page: usize) -> &mut Mesh {
        if self.meshes.len() <= page {
            self.meshes.resize_with(page + 1, Mesh::default);
        }
        &mut self.meshes[page]
    }

    /// Number of glyph quads in the batch.
    pub fn glyph_count(&self) -> usize {
        self.meshes.iter().map(|m| m.vertices.len() / 4).sum()
    }

    /// True when nothing was added.
    pub fn is_empty(&self) -> bool {
        self.glyph_count() == 0
    }
}

impl GlyphAtlas {
    /// An empty atlas; pages are created on first use.
    pub fn new() -> Self {
        Self::with_page_size(PAGE_SIZE_PX)
    }

    /// An empty atlas whose pages are `page_size_px` square: the interface's short strings
    /// need a fraction of what the article does, and a smaller page is quicker to create.
    pub fn with_page_size(page_size_px: i32) -> Self {
        Self {
            swash: SwashCache::new(),
            pages: Vec::new(),
            glyphs: HashMap::new(),
            overflowed: false,
            page_size_px: page_size_px.clamp(64, PAGE_SIZE_PX),
            hinted: true,
        }
    }

    /// The atlas, rasterizing its glyphs without the fonts' hinting instructions, as egui
    /// draws its own text. Running a TrueType face's hinting program is most of the cost of
    /// a glyph seen for the first time; glyph positions do not depend on it.
    #[must_use]
    pub fn unhinted(mut self) -> Self {
        self.hinted = false;
        self
    }

    /// Number of texture pages in use.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Number of distinct glyph images cached.
    pub fn glyph_count(&self) -> usize {
        self.glyphs.len()
    }

    /// Clears the atlas if it filled up during the last frame. Call once per frame, before
    /// any glyph is added; returns true when it cleared (the caller should repaint).
    pub fn begin_frame(&mut self) -> bool {
        if !self.overflowed {
            return false;
        }
        self.overflowed = false;
        self.glyphs.clear();
        for page in &mut self.pages {
            page.allocator.clear();
        }
        true
    }

    fn glyph(
        &mut self,
        ctx: &egui::Context,
        font_system: &mut FontSystem,
        key: CacheKey,
    ) -> Option<AtlasGlyph> {
        if let Some(entry) = self.glyphs.get(&key) {
            return *entry;
        }
        let mut raster_key = key;
        if !self.hinted {
            raster_key.flags |= CacheKeyFlags::DISABLE_HINTING;
        }
        let image = self.swash.get_image_uncached(font_system, raster_key);
        let entry = image.and_then(|image| {
            let width_px = image.placement.width as i32;
            let height_px = image.placement.height as i32;
            if width_px == 0 || height_px == 0 {
                return None;
            }
            let (page, x_px, y_px) = self.allocate(ctx, width_px, height_px)?;
            let is_color = matches!(image.content, SwashContent::Color);
            let pixels = glyph_pixels(image.content, &image.data, width_px, height_px);
            let color_image = ColorImage::new([width_px as usize, height_px as usize], pixels);
            self.pages[page].texture.set_partial(
                [x_px as usize, y_px as usize],
                color_image,
                TextureOptions::NEAREST,
            );
            Some(AtlasGlyph {
                page,
                x_px,
                y_px,
                width_px,
                height_px,
                left_px: image.placement.left,
                top_px: image.placement.top,
                is_color,
            })
        });
        // Don't remember a failed allocation: the glyph is retried after the atlas is cleared.
        if entry.is_some() || !self.overflowed {
            self.glyphs.insert(key, entry);
        }
        entry
    }

    fn allocate(
        &mut self,
        ctx: &egui::Context,
        width_px: i32,
        height_px: i32,
    ) -> Option<(usize, i32, i32)> {
        let size = size2(width_px + 2 * PADDING_PX, height_px + 2 * PADDING_PX);
        let page_size_px = self.page_size_px;
        if size.width > page_size_px || size.height > page_size_px {
            return None;
        }
        for (page_idx, page) in self.pages.iter_mut().enumerate() {
            if let Some(alloc) = page.allocator.allocate(size) {
                return Some((
                    page_idx,
                    alloc.rectangle.min.x + PADDING_PX,
                    alloc.rectangle.min.y + PADDING_PX,
                ));
            }
        }
        if self.pages.len() >= MAX_PAGES {
            self.overflowed = true;
            return None;
        }
        let page_idx = self.pages.len();
        let blank = ColorImage::filled(
            [page_size_px as usize, page_size_px as usize],
            Color32::TRANSPARENT,
        );
        let texture = ctx.load_texture(
            format!("hashiya-glyphs-{page_idx}"),
            blank,
            TextureOptions::NEAREST,
        );
        let mut allocator = BucketedAtlasAllocator::new(size2(page_size_px, page_size_px));
        let alloc = allocator.allocate(size)?;
        self.pages.push(AtlasPage { allocator, texture });
        Some((
            page_idx,
            alloc.rectangle.min.x + PADDING_PX,
            alloc.rectangle.min.y + PADDING_PX,
        ))
    }

    /// Adds the glyphs of one laid-out line to `batch`. `origin` is the top-left of the
    /// paragraph in points; `clip` limits work to what can be seen.
    #[allow(clippy::too_many_arguments)]
    pub fn add_run(
        &mut self,
        ctx: &egui::Context,
        font_system: &mut FontSystem,
        batch: &mut GlyphBatch,
        run: &LayoutRun<'_>,
        origin: Pos2,
        color: Color32,
        pixels_per_point: f32,
    ) {
        let ppp = pixels_per_point;
        // Snap the line origin to whole device pixels so every glyph image lands on the grid.
        let offset = (
            (origin.x * ppp).round(),
            ((origin.y + run.line_y) * ppp).round(),
        );
        for glyph in run.glyphs {
            let physical = glyph.physical(offset, ppp);
            let Some(atlas_glyph) = self.glyph(ctx, font_system, physical.cache_key) else {
                continue;
            };
            let glyph_color = match glyph.color_opt {
                _ if atlas_glyph.is_color => Color32::WHITE,
                Some(c) => Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), c.a()),
                None => color,
            };
            let x0 = (physical.x + atlas_glyph.left_px) as f32 / ppp;
            let y0 = (physical.y - atlas_glyph.top_px) as f32 / ppp;
            let rect = Rect::from_min_size(
                pos2(x0, y0),
                egui::vec2(
                    atlas_glyph.width_px as f32 / ppp,
                    atlas_glyph.height_px as f32 / ppp,
                ),
            );
            let page_px = self.page_size_px as f32;
            let uv = Rect::from_min_size(
                pos2(
                    atlas_glyph.x_px as f32 / page_px,
                    atlas_glyph.y_px as f32 / page_px,
                ),
                egui::vec2(
                    atlas_glyph.width_px as f32 / page_px,
                    atlas_glyph.height_px as f32 / page_px,
                ),
            );
            batch
                .mesh_for_page(atlas_glyph.page)
                .add_rect_with_uv(rect, uv, glyph_color);
        }
    }

    /// Turns a frame's batch into egui shapes, one textured mesh per page.
    pub fn shapes(&self, batch: GlyphBatch) -> impl Iterator<Item = Shape> + '_ {
        batch
            .meshes
            .into_iter()
            .enumerate()
            .filter(|(_, mesh)| !mesh.is_empty())
            .filter_map(|(page_idx, mut mesh)| {
                let page = self.pages.get(page_idx)?;
                mesh.texture_id = page.texture.id();
                Some(Shape::mesh(mesh))
            })
    }
}

/// Converts a swash image to premultiplied egui pixels: masks become white with coverage alpha
/// (tinted by the vertex colour when drawn), colour glyphs keep their colours.
fn glyph_pixels(content: SwashContent, data: &[u8], width_px: i32, height_px: i32) -> Vec<Color32> {
    let count = (width_px * height_px) as usize;
    match content {
        SwashContent::Mask => data
            .iter()
            .take(count)
            .map(|&alpha| Color32::from_rgba_premultiplied(alpha, alpha, alpha, alpha))
            .collect(),
        SwashContent::Color => data
            .chunks_exact(4)
            .take(count)
            .map(|p| Color32::from_rgba_unmultiplied(p[0], p[1], p[2], p[3]))
            .collect(),
        SwashContent::SubpixelMask => data
            .chunks_exact(4)
            .take(count)
            .map(|p| {
                let alpha = p[0].max(p[1]).max(p[2]);
                Color32::from_rgba_premultiplied(alpha, alpha, alpha, alpha)
            })
            .collect(),
    }
}
