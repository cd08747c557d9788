//! Text tiles: each laid-out line rasterized once into an egui texture, drawn as one quad.
//!
//! Drawing a screen of article text glyph by glyph sends thousands of small quads to the GPU
//! on every frame. A real GPU does not notice; Mesa's software rasterizer (remote desktops,
//! virtual machines) spends most of a frame setting them up. Here each laid-out line is
//! composited once, on the CPU, from swash's glyph masks into a coverage image, uploaded as a
//! texture and drawn as a single quad tinted with the text colour, so a screen costs tens of
//! quads. The line is placed on the pixel grid exactly as the glyph atlas places it, so the
//! pixels on screen are the same.
//!
//! A tile is found by a hash of what it shows (each glyph's cache key and position, in device
//! pixels from the line's origin), so a change of zoom, face or column width makes new
//! tiles by itself, and a change of theme only tints the same ones. Tiles that were not drawn
//! for a while are dropped, least recently drawn first, once their pixels pass a budget.
//! Lines with colour glyphs (emoji) or glyphs with their own colour stay with the glyph atlas.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use cosmic_text::{CacheKey, FontSystem, LayoutRun, SwashCache, SwashContent};
use egui::{Color32, ColorImage, Mesh, Pos2, Rect, Shape, TextureHandle, TextureOptions, pos2};

/// Pixels of tiles kept when they were not drawn in the current pass: about one and a half
/// screens of text in a 1100×820 window, so that Page Up after Page Down finds its lines.
const KEPT_PIXELS: usize = 1_000_000;
/// A tile larger than this on either side is not made (its lines use the glyph atlas).
const MAX_SIDE_PX: i32 = 4096;
/// Glyph masks kept for making tiles; beyond this they are dropped and rasterized again when
/// needed (each zoom step and face brings a new set).
const MAX_GLYPHS: usize = 8192;

/// A glyph's coverage mask, kept on the CPU to composite tiles.
#[derive(Debug)]
struct Mask {
    left_px: i32,
    top_px: i32,
    width_px: i32,
    height_px: i32,
    alpha: Vec<u8>,
}

/// What the glyph cache knows about a glyph.
#[derive(Debug)]
enum GlyphImage {
    /// Nothing to draw (a space).
    Empty,
    /// A coverage mask, drawn in the text colour.
    Mask(Mask),
    /// A colour image: its line is drawn through the glyph atlas instead.
    Color,
}

struct Tile {
    texture: TextureHandle,
    pixels: usize,
    last_drawn: u64,
}

/// Tiles in egui textures, and the glyph masks they are made from.
pub struct TileCache {
    swash: SwashCache,
    glyphs: HashMap<CacheKey, GlyphImage>,
    tiles: HashMap<u64, Tile>,
    /// Tiles made since the cache was created (a measure for tests and benchmarks).
    made: u64,
}

impl Default for TileCache {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for TileCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TileCache")
            .field("tiles", &self.tiles.len())
            .field("glyphs", &self.glyphs.len())
            .finish_non_exhaustive()
    }
}

/// One glyph of a tile, in device pixels from the line's snapped origin.
struct Placed {
    key: CacheKey,
    x_px: i32,
    y_px: i32,
}

impl TileCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self {
            swash: SwashCache::new(),
            glyphs: HashMap::new(),
            tiles: HashMap::new(),
            made: 0,
        }
    }

    /// Number of tiles held.
    pub fn tile_count(&self) -> usize {
        self.tiles.len()
    }

    /// Number of tiles made so far (each made once, then reused while it is kept).
    pub fn tiles_made(&self) -> u64 {
        self.made
    }

    fn glyph(&mut self, font_system: &mut FontSystem, key: CacheKey) -> &GlyphImage {
        self.glyphs.entry(key).or_insert_with(|| {
            let Some(image) = self.swash.get_image_uncached(font_system, key) else {
                return GlyphImage::Empty;
            };
            let width_px = image.placement.width as i32;
            let height_px = image.placement.height as i32;
            if width_px == 0 || height_px == 0 {
                return GlyphImage::Empty;
            }
            let count = (width_px as usize).saturating_mul(height_px as usize);
            let alpha: Vec<u8> = match image.content {
                SwashContent::Color => return GlyphImage::Color,
                SwashContent::Mask => image.data.iter().take(count).copied().collect(),
                SwashContent::SubpixelMask => image
                    .data
                    .chunks_exact(4)
                    .take(count)
                    .map(|p| p[0].max(p[1]).max(p[2]))
                    .collect(),
            };
            if alpha.len() < count {
                return GlyphImage::Empty;
            }
            GlyphImage::Mask(Mask {
                left_px: image.placement.left,
                top_px: image.placement.top,
                width_px,
                height_px,
                alpha,
            })
        })
    }

    /// Draws the lines of one paragraph, each as one tile. `origin` is the paragraph's
    /// top-left in points; lines wholly outside `visible` are skipped. Returns the lines
    /// (indices into `runs`) that could not be tiled, for the caller to draw glyph by glyph.
    #[allow(clippy::too_many_arguments)]
    pub fn add_paragraph(
        &mut self,
        ctx: &egui::Context,
        font_system: &mut FontSystem,
        runs: &[LayoutRun<'_>],
        origin: Pos2,
        visible: Rect,
        color: Color32,
        pixels_per_point: f32,
        out: &mut Vec<Shape>,
    ) -> Vec<usize> {
        let ppp = pixels_per_point;
        let pass = ctx.cumulative_pass_nr();
        let mut untiled = Vec::new();
        for (idx, run) in runs.iter().enumerate() {
            let line_top = origin.y + run.line_top;
            if line_top > visible.bottom() || line_top + run.line_height < visible.top() {
                continue;
            }
            // The line's origin snapped to device pixels exactly as the glyph atlas does it,
            // so that a tile holds the same pixels the atlas would draw.
            let offset = (
                (origin.x * ppp).round(),
                ((origin.y + run.line_y) * ppp).round(),
            );
            match self.tile(ctx, font_system, run, offset, ppp, pass) {
                Some((texture, min_px, size_px)) => {
                    let rect = Rect::from_min_size(
                        pos2(
                            (offset.0 + min_px.0 as f32) / ppp,
                            (offset.1 + min_px.1 as f32) / ppp,
                        ),
                        egui::vec2(size_px.0 as f32 / ppp, size_px.1 as f32 / ppp),
                    );
                    let mut mesh = Mesh::with_texture(texture);
                    mesh.add_rect_with_uv(
                        rect,
                        Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
                        color,
                    );
                    out.push(Shape::mesh(mesh));
                }
                None => untiled.push(idx),
            }
        }
        untiled
    }

    /// The texture of the tile showing `run`, made if needed, with its top-left in device
    /// pixels from the line's snapped origin `offset`, and its size; `None` when the line
    /// has glyphs that keep their own colours, or nothing to draw.
    #[allow(clippy::type_complexity)]
    fn tile(
        &mut self,
        ctx: &egui::Context,
        font_system: &mut FontSystem,
        run: &LayoutRun<'_>,
        offset: (f32, f32),
        ppp: f32,
        pass: u64,
    ) -> Option<(egui::TextureId, (i32, i32), (i32, i32))> {
        // Dropped between lines, never within one: composing reads the masks of every glyph
        // gathered for the line.
        if self.glyphs.len() >= MAX_GLYPHS {
            self.glyphs.clear();
        }
        let mut placed = Vec::new();
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        let (mut min_x, mut min_y, mut max_x, mut max_y) = (i32::MAX, i32::MAX, i32::MIN, i32::MIN);
        // Whole pixels (rounded above), well inside i32 for any window.
        let (base_x, base_y) = (offset.0 as i32, offset.1 as i32);
        for glyph in run.glyphs {
            if glyph.color_opt.is_some() {
                return None;
            }
            let physical = glyph.physical(offset, ppp);
            let x_px = physical.x.checked_sub(base_x)?;
            let y_px = physical.y.checked_sub(base_y)?;
            match self.glyph(font_system, physical.cache_key) {
                GlyphImage::Empty => continue,
                GlyphImage::Color => return None,
                GlyphImage::Mask(mask) => {
                    let x0 = x_px.checked_add(mask.left_px)?;
                    let y0 = y_px.checked_sub(mask.top_px)?;
                    min_x = min_x.min(x0);
                    min_y = min_y.min(y0);
                    max_x = max_x.max(x0.checked_add(mask.width_px)?);
                    max_y = max_y.max(y0.checked_add(mask.height_px)?);
                }
            }
            physical.cache_key.hash(&mut hasher);
            x_px.hash(&mut hasher);
            y_px.hash(&mut hasher);
            placed.push(Placed {
                key: physical.cache_key,
                x_px,
                y_px,
            });
        }
        if placed.is_empty() {
            return None;
        }
        let width = max_x.checked_sub(min_x)?;
        let height = max_y.checked_sub(min_y)?;
        if width <= 0 || height <= 0 || width > MAX_SIDE_PX || height > MAX_SIDE_PX {
            return None;
        }
        let key = hasher.finish();
        if let Some(tile) = self.tiles.get_mut(&key) {
            tile.last_drawn = pass;
            return Some((tile.texture.id(), (min_x, min_y), (width, height)));
        }
        let image = self.composite(&placed, (min_x, min_y), (width, height));
        let pixels = image.pixels.len();
        let texture = ctx.load_texture(
            format!("hashiya-text-tile-{key:016x}"),
            image,
            TextureOptions::NEAREST,
        );
        let id = texture.id();
        self.tiles.insert(
            key,
            Tile {
                texture,
                pixels,
                last_drawn: pass,
            },
        );
        self.made += 1;
        self.evict(pass);
        Some((id, (min_x, min_y), (width, height)))
    }

    /// Composites the masks of `placed` into a white image with premultiplied coverage.
    fn composite(&self, placed: &[Placed], min: (i32, i32), size: (i32, i32)) -> ColorImage {
        let (width, height) = (size.0 as usize, size.1 as usize);
        // Written in place: every channel of a premultiplied white pixel is its coverage.
        let mut pixels = vec![Color32::TRANSPARENT; width * height];
        for glyph in placed {
            let Some(GlyphImage::Mask(mask)) = self.glyphs.get(&glyph.key) else {
                continue;
            };
            // Within the tile by construction: its bounds were taken over these glyphs.
            let x0 = i64::from(glyph.x_px) + i64::from(mask.left_px) - i64::from(min.0);
            let y0 = i64::from(glyph.y_px) - i64::from(mask.top_px) - i64::from(min.1);
            let (Ok(x0), Ok(y0), Ok(mask_width)) = (
                usize::try_from(x0),
                usize::try_from(y0),
                usize::try_from(mask.width_px),
            ) else {
                continue;
            };
            for (row, src) in mask.alpha.chunks_exact(mask_width).enumerate() {
                let start = (y0 + row) * width + x0;
                let Some(dst) = pixels.get_mut(start..start + mask_width) else {
                    continue;
                };
                for (d, &s) in dst.iter_mut().zip(src) {
                    if s == 0 {
                        continue;
                    }
                    // Coverage "over" coverage: what blending the glyphs one by one gives.
                    let (d16, s16) = (u16::from(d.a()), u16::from(s));
                    let a = (s16 + d16 * (255 - s16) / 255) as u8;
                    *d = Color32::from_rgba_premultiplied(a, a, a, a);
                }
            }
        }
        ColorImage::new([width, height], pixels)
    }

    /// Drops tiles not drawn in this pass, least recently drawn first, until the rest fit
    /// the budget.
    fn evict(&mut self, pass: u64) {
        let kept: usize = self
            .tiles
            .values()
            .filter(|t| t.last_drawn != pass)
            .map(|t| t.pixels)
            .sum();
        if kept <= KEPT_PIXELS {
            return;
        }
        let mut old: Vec<(u64, u64, usize)> = self
            .tiles
            .iter()
            .filter(|(_, t)| t.last_drawn != pass)
            .map(|(k, t)| (t.last_drawn, *k, t.pixels))
            .collect();
        old.sort_unstable();
        let mut over = kept - KEPT_PIXELS;
        for (_, key, pixels) in old {
            if over == 0 {
                break;
            }
            self.tiles.remove(&key);
            over = over.saturating_sub(pixels);
        }
    }
}
