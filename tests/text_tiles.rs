//! Text tiles: each laid-out line becomes one textured quad whose pixels are the line's glyph
//! masks, placed where the glyph atlas would place them, made once and reused.

use cosmic_text::{SwashCache, SwashContent};
use egui::{Color32, ImageData, Pos2, Rect, Shape, pos2, vec2};
use hashiya::document::ParagraphKind;
use hashiya::text::{ParagraphLayout, TextStyle, TileCache, fonts};

const TEXT: &str = "أعلن المتحدث باسم الحكومة، اليوم الخميس، أن عدداً من الوزراء سيعودون إلى \
                    المدينة خلال الأيام القليلة القادمة، بحسب ما نقلته وكالة الأنباء (AFP).";
const WIDTH_PT: f32 = 300.0;

struct Pass {
    shapes: Vec<Shape>,
    untiled: Vec<usize>,
    images: Vec<(egui::TextureId, std::sync::Arc<egui::ColorImage>)>,
}

/// One egui pass that draws the paragraph's tiles at `origin`, with `ppp` pixels per point.
fn pass(
    ctx: &egui::Context,
    tiles: &mut TileCache,
    font_system: &mut cosmic_text::FontSystem,
    layout: &ParagraphLayout,
    origin: Pos2,
    ppp: f32,
) -> Pass {
    let mut shapes = Vec::new();
    let mut untiled = Vec::new();
    let input = egui::RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0))),
        ..Default::default()
    };
    ctx.set_pixels_per_point(ppp);
    let mut output = ctx.run_ui(input, |ui| {
        let runs: Vec<_> = layout.runs().collect();
        untiled = tiles.add_paragraph(
            ui.ctx(),
            font_system,
            &runs,
            origin,
            Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0)),
            Color32::BLACK,
            ppp,
            &mut shapes,
        );
    });
    let images = output
        .textures_delta
        .set
        .iter()
        // Not egui's own font texture, which the first pass uploads too.
        .filter(|(id, _)| **id != egui::TextureId::default())
        .flat_map(|(id, deltas)| deltas.iter().map(move |delta| (*id, delta)))
        .filter_map(|(id, delta)| match &delta.image {
            ImageData::Color(image) if delta.pos.is_none() => Some((id, image.clone())),
            ImageData::Color(_) => None,
        })
        .collect();
    // Nothing renders here: the uploads were only looked at (egui asserts, in debug builds,
    // that they are not dropped unhandled).
    output.textures_delta.clear();
    Pass {
        shapes,
        untiled,
        images,
    }
}

fn setup() -> (
    egui::Context,
    TileCache,
    cosmic_text::FontSystem,
    ParagraphLayout,
) {
    let mut font_system = fonts::font_system(false);
    let layout = ParagraphLayout::new(
        &mut font_system,
        TEXT,
        &TextStyle::default().for_kind(ParagraphKind::Body),
        WIDTH_PT,
    );
    (
        egui::Context::default(),
        TileCache::new(),
        font_system,
        layout,
    )
}

fn quad(shape: &Shape) -> (egui::TextureId, Rect) {
    let Shape::Mesh(mesh) = shape else {
        panic!("a tile is drawn as a mesh, got {shape:?}");
    };
    assert_eq!(mesh.vertices.len(), 4, "one quad per tile");
    let min = mesh
        .vertices
        .iter()
        .fold(pos2(f32::MAX, f32::MAX), |m, v| m.min(v.pos));
    let max = mesh
        .vertices
        .iter()
        .fold(pos2(f32::MIN, f32::MIN), |m, v| m.max(v.pos));
    (mesh.texture_id, Rect::from_min_max(min, max))
}

#[test]
fn each_line_is_one_quad_and_is_made_only_once() {
    let (ctx, mut tiles, mut font_system, layout) = setup();
    let lines = layout.runs().count();
    assert!(
        lines >= 3,
        "the text must wrap to several lines, got {lines}"
    );

    let first = pass(
        &ctx,
        &mut tiles,
        &mut font_system,
        &layout,
        pos2(20.5, 30.25),
        1.0,
    );
    assert!(first.untiled.is_empty());
    assert_eq!(first.shapes.len(), lines);
    assert_eq!(first.images.len(), lines, "one new texture per line");
    assert_eq!(tiles.tiles_made(), lines as u64);

    // Scrolled by a fraction of a pixel and more: the same lines, no new tiles.
    let second = pass(
        &ctx,
        &mut tiles,
        &mut font_system,
        &layout,
        pos2(20.5, 97.75),
        1.0,
    );
    assert_eq!(second.shapes.len(), lines);
    assert!(second.images.is_empty());
    assert_eq!(tiles.tiles_made(), lines as u64);
    for (a, b) in first.shapes.iter().zip(&second.shapes) {
        let ((id_a, rect_a), (id_b, rect_b)) = (quad(a), quad(b));
        assert_eq!(id_a, id_b);
        assert_eq!(rect_a.size(), rect_b.size());
    }

    // Zoomed: other glyph images, so other tiles.
    let zoomed = pass(
        &ctx,
        &mut tiles,
        &mut font_system,
        &layout,
        pos2(20.5, 30.25),
        1.5,
    );
    assert_eq!(zoomed.images.len(), lines);
    assert_eq!(tiles.tiles_made(), 2 * lines as u64);
}

#[test]
fn lines_outside_the_visible_rect_are_not_drawn() {
    let (ctx, mut tiles, mut font_system, layout) = setup();
    let lines = layout.runs().count();
    let second_line_top = layout.runs().nth(1).map(|r| r.line_top).unwrap();
    // Only the first line's top is above the bottom edge of the screen (600 pt).
    let origin = pos2(0.0, 600.0 - second_line_top / 2.0);
    let drawn = pass(&ctx, &mut tiles, &mut font_system, &layout, origin, 1.0);
    assert!(!drawn.shapes.is_empty());
    assert!(
        drawn.shapes.len() < lines,
        "{} of {lines}",
        drawn.shapes.len()
    );
}

/// Every pixel of a tile holds at least the coverage of each glyph mask that falls on it and
/// at most their sum, with the masks placed exactly where the glyph atlas puts them: a tile
/// shifted by one pixel, or missing a glyph, fails.
#[test]
fn a_tile_holds_its_glyph_masks_where_the_atlas_would_put_them() {
    let (ctx, mut tiles, mut font_system, layout) = setup();
    let origin = pos2(20.3, 41.6);
    let ppp = 1.0;
    let drawn = pass(&ctx, &mut tiles, &mut font_system, &layout, origin, ppp);
    let mut swash = SwashCache::new();
    let mut checked_glyphs = 0;
    for (run, shape) in layout.runs().zip(&drawn.shapes) {
        let (texture, rect) = quad(shape);
        let image = &drawn
            .images
            .iter()
            .find(|(id, _)| *id == texture)
            .expect("the tile's texture was uploaded")
            .1;
        let [width, height] = image.size;
        assert_eq!(
            (rect.width() as usize, rect.height() as usize),
            (width, height)
        );
        let (tile_x, tile_y) = ((rect.min.x * ppp) as i32, (rect.min.y * ppp) as i32);
        let mut low = vec![0_u32; width * height];
        let mut high = vec![0_u32; width * height];
        let offset = (
            (origin.x * ppp).round(),
            ((origin.y + run.line_y) * ppp).round(),
        );
        for glyph in run.glyphs {
            let physical = glyph.physical(offset, ppp);
            let Some(mask) = swash.get_image_uncached(&mut font_system, physical.cache_key) else {
                continue;
            };
            assert!(matches!(mask.content, SwashContent::Mask));
            let (w, h) = (mask.placement.width as i32, mask.placement.height as i32);
            let x0 = physical.x + mask.placement.left - tile_x;
            let y0 = physical.y - mask.placement.top - tile_y;
            for y in 0..h {
                for x in 0..w {
                    let alpha = u32::from(mask.data[(y * w + x) as usize]);
                    if alpha == 0 {
                        continue;
                    }
                    let (px, py) = (x0 + x, y0 + y);
                    assert!(
                        px >= 0 && py >= 0 && (px as usize) < width && (py as usize) < height,
                        "glyph ink at ({px}, {py}) outside the {width}×{height} tile"
                    );
                    let at = py as usize * width + px as usize;
                    low[at] = low[at].max(alpha);
                    high[at] += alpha;
                }
            }
            checked_glyphs += 1;
        }
        for (at, pixel) in image.pixels.iter().enumerate() {
            let alpha = u32::from(pixel.a());
            assert!(
                alpha + 1 >= low[at] && alpha <= high[at].min(255),
                "pixel {at} of a tile: {alpha}, masks give {}..={}",
                low[at],
                high[at]
            );
        }
    }
    assert!(checked_glyphs > 50, "{checked_glyphs}");
}
