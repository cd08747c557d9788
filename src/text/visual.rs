//! The characters of a laid-out paragraph in the order they are drawn, left to right, read
//! back from its glyphs (cluster → characters) rather than from a separate bidi computation:
//! what `hashiya layout --visual` prints and what the bidi conformance tests compare.

use std::collections::HashMap;
use std::sync::Arc;

use cosmic_text::{Font, FontSystem, LayoutGlyph, fontdb};
use unicode_segmentation::UnicodeSegmentation as _;

use super::layout::ParagraphLayout;

/// One character of a paragraph as it is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VisualChar {
    /// The character shown: the paragraph's own, or its mirror image (`)` for `(`) when the
    /// glyph drawn is the mirrored character's.
    pub shown: char,
    /// Byte offset of the character in the paragraph text.
    pub byte_idx: usize,
    /// Bidi embedding level of the glyph that draws it (odd: right to left).
    pub level: u8,
}

/// True for the characters whose only job is to steer the bidi algorithm (the
/// `Bidi_Control` property): marks, embeddings, overrides and isolates. They draw nothing
/// and are left out of the visual text.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// The characters of `layout`, line by line from the top and, within a line, in the order
/// their glyphs stand from left to right. Each glyph cluster contributes its characters
/// once; inside a right-to-left cluster (a lam-alef ligature, say) the characters run right
/// to left too, each keeping its combining marks after it. Bidi controls are left out.
pub fn visual_chars(font_system: &mut FontSystem, layout: &ParagraphLayout) -> Vec<VisualChar> {
    let mut fonts: HashMap<(fontdb::ID, u16), Option<Arc<Font>>> = HashMap::new();
    let mut out = Vec::new();
    for run in layout.runs() {
        let text = run.text;
        let mut emitted = vec![false; text.len()];
        for cluster in clusters_left_to_right(run.glyphs) {
            let Some(first) = cluster.first() else {
                continue;
            };
            let Some(cluster_text) = text.get(first.start..first.end) else {
                continue;
            };
            let rtl = first.level.is_rtl();
            let mut units: Vec<(usize, &str)> = cluster_text.grapheme_indices(true).collect();
            if rtl {
                units.reverse();
            }
            for (unit_idx, unit) in units {
                for (char_idx, c) in unit.char_indices() {
                    let Some(byte_idx) = first
                        .start
                        .checked_add(unit_idx)
                        .and_then(|i| i.checked_add(char_idx))
                    else {
                        continue;
                    };
                    let Some(seen) = emitted.get_mut(byte_idx) else {
                        continue;
                    };
                    if *seen || is_bidi_control(c) {
                        continue;
                    }
                    *seen = true;
                    out.push(VisualChar {
                        shown: drawn_char(font_system, &mut fonts, &cluster, c, rtl),
                        byte_idx,
                        level: first.level.number(),
                    });
                }
            }
        }
    }
    out
}

/// The glyphs of a line grouped by cluster (the glyphs drawing the same characters), the
/// clusters in the order they stand on screen from left to right: by the middle of the ink
/// advance their glyphs cover. A cluster drawn with zero-width glyphs only (the alef of a
/// lam-alef ligature, tucked in at the ligature's left edge) stands where they are.
fn clusters_left_to_right(glyphs: &[LayoutGlyph]) -> Vec<Vec<&LayoutGlyph>> {
    let mut clusters: Vec<Vec<&LayoutGlyph>> = Vec::new();
    let mut index: HashMap<(usize, usize), usize> = HashMap::new();
    for glyph in glyphs {
        let slot = *index.entry((glyph.start, glyph.end)).or_insert_with(|| {
            clusters.push(Vec::new());
            clusters.len() - 1
        });
        if let Some(cluster) = clusters.get_mut(slot) {
            cluster.push(glyph);
        }
    }
    let middle = |cluster: &Vec<&LayoutGlyph>| {
        let wide: Vec<&&LayoutGlyph> = cluster.iter().filter(|g| g.w > 0.0).collect();
        let counted: Vec<&&LayoutGlyph> = if wide.is_empty() {
            cluster.iter().collect()
        } else {
            wide
        };
        let left = counted.iter().map(|g| g.x).fold(f32::INFINITY, f32::min);
        let right = counted
            .iter()
            .map(|g| g.x + g.w)
            .fold(f32::NEG_INFINITY, f32::max);
        f32::midpoint(left, right)
    };
    // Stable: clusters at one spot keep the layout's order.
    clusters.sort_by(|a, b| middle(a).total_cmp(&middle(b)));
    clusters
}

/// The visual characters as a string.
pub fn visual_string(font_system: &mut FontSystem, layout: &ParagraphLayout) -> String {
    visual_chars(font_system, layout)
        .into_iter()
        .map(|vc| vc.shown)
        .collect()
}

/// Which of `c` and its mirror image the glyphs of `cluster` draw. The shaper mirrors
/// brackets and other mirrored characters in right-to-left runs by drawing the glyph of
/// the mirror character, so the glyph says which one is on screen; a font that draws the
/// mirrored form some other way (a substitution of its own) is taken to mirror in
/// right-to-left runs only.
fn drawn_char(
    font_system: &mut FontSystem,
    fonts: &mut HashMap<(fontdb::ID, u16), Option<Arc<Font>>>,
    cluster: &[&LayoutGlyph],
    c: char,
    rtl: bool,
) -> char {
    let Some(mirror) = unicode_bidi_mirroring::get_mirrored(c) else {
        return c;
    };
    let draws = |font_system: &mut FontSystem,
                 fonts: &mut HashMap<(fontdb::ID, u16), Option<Arc<Font>>>,
                 wanted: char| {
        cluster.iter().any(|glyph| {
            let font = fonts
                .entry((glyph.font_id, glyph.font_weight.0))
                .or_insert_with(|| font_system.get_font(glyph.font_id, glyph.font_weight));
            font.as_ref().is_some_and(|font| {
                let glyph_id = font.as_swash().charmap().map(wanted);
                glyph_id != 0 && glyph_id == glyph.glyph_id
            })
        })
    };
    if draws(font_system, fonts, c) {
        c
    } else if draws(font_system, fonts, mirror) || rtl {
        mirror
    } else {
        c
    }
}
