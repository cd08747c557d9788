//! Unicode's own bidi conformance test, `BidiCharacterTest.txt` (UCD 14.0.0, in
//! `tests/fixtures/unicode/` with its licence), run through the reader's layout path: each
//! test line is laid out like a paragraph and read back from its glyphs in on-screen order
//! (`hashiya layout --visual`). For every line whose characters the embedded fonts can draw,
//! the resolved level of each drawn character and the left-to-right order of the characters
//! must be the ones the file gives; mirrored characters at odd levels must be drawn mirrored.
//!
//! The layout takes a paragraph's direction from its first strong character (rules P2, P3).
//! A line whose direction the file forces is given it by a mark in front: LRM for
//! left-to-right, RLM for right-to-left. The mark is a strong character at the paragraph's
//! level, so it resolves like the start of the paragraph (sos) and changes no other level.
//!
//! Rule L3, outside the file's scope, is applied to its visual order: in a right-to-left run
//! a combining mark comes after its base, as `layout --visual` gives each glyph cluster's
//! characters (and FriBidi orders them).

use std::path::PathBuf;

use hashiya::document::ParagraphKind;
use hashiya::text::visual::{is_bidi_control, visual_chars};
use hashiya::text::{ParagraphLayout, TextStyle, fonts};
use unicode_normalization::char::is_combining_mark;

/// One test line of the file.
struct Case {
    line_no: usize,
    chars: Vec<char>,
    /// 0 left to right, 1 right to left, 2 from the first strong character.
    direction: u8,
    /// Resolved level of each character; `None` for characters removed by rule X9.
    levels: Vec<Option<u8>>,
    /// Indices of the characters from left to right (removed ones left out).
    order: Vec<usize>,
}

fn parse(text: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    for (idx, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split(';').collect();
        assert_eq!(fields.len(), 5, "line {}: {line}", idx + 1);
        let chars = fields[0]
            .split_whitespace()
            .map(|hex| {
                char::from_u32(u32::from_str_radix(hex, 16).expect("hex code point"))
                    .expect("a character")
            })
            .collect();
        let levels = fields[3]
            .split_whitespace()
            .map(|level| (level != "x").then(|| level.parse().expect("a level")))
            .collect();
        let order = fields[4]
            .split_whitespace()
            .map(|i| i.parse().expect("an index"))
            .collect();
        cases.push(Case {
            line_no: idx + 1,
            chars,
            direction: fields[1].parse().expect("a direction"),
            levels,
            order,
        });
    }
    cases
}

/// What happened to one test line.
enum Outcome {
    /// A character has no glyph in the embedded fonts.
    NotDrawable,
    Pass,
    Fail(String),
}

fn run_case(font_system: &mut cosmic_text::FontSystem, case: &Case) -> Outcome {
    let prefix = match case.direction {
        0 => "\u{200E}",
        1 => "\u{200F}",
        _ => "",
    };
    let mut text = prefix.to_owned();
    // Byte offset of each test character in `text`.
    let mut byte_to_idx = std::collections::HashMap::new();
    for (idx, &c) in case.chars.iter().enumerate() {
        byte_to_idx.insert(text.len(), idx);
        text.push(c);
    }
    let style = TextStyle::default().for_kind(ParagraphKind::Body);
    let layout = ParagraphLayout::unwrapped(font_system, &text, &style);
    if layout
        .runs()
        .flat_map(|run| run.glyphs.iter())
        .any(|glyph| glyph.glyph_id == 0)
    {
        return Outcome::NotDrawable;
    }
    let drawn = visual_chars(font_system, &layout);
    let mut problems = Vec::new();
    let mut order = Vec::new();
    let mut seen = vec![false; case.chars.len()];
    for visual in &drawn {
        let Some(&idx) = byte_to_idx.get(&visual.byte_idx) else {
            continue; // The direction mark in front (not drawn anyway).
        };
        seen[idx] = true;
        let c = case.chars[idx];
        let Some(expected_level) = case.levels[idx] else {
            continue; // Removed by X9: no level, no place in the order.
        };
        order.push(idx);
        if visual.level != expected_level {
            problems.push(format!(
                "U+{:04X} at {idx}: level {} instead of {expected_level}",
                c as u32, visual.level
            ));
        }
        let mirrored = if expected_level % 2 == 1 {
            unicode_bidi_mirroring::get_mirrored(c).unwrap_or(c)
        } else {
            c
        };
        if visual.shown != mirrored {
            problems.push(format!(
                "U+{:04X} at {idx}: drawn as U+{:04X} instead of U+{:04X}",
                c as u32, visual.shown as u32, mirrored as u32
            ));
        }
    }
    for (idx, &c) in case.chars.iter().enumerate() {
        if !seen[idx] && !is_bidi_control(c) {
            problems.push(format!("U+{:04X} at {idx} is not drawn", c as u32));
        }
    }
    // Bidi controls draw nothing and are left out of both orders.
    let expected_order: Vec<usize> = case
        .order
        .iter()
        .copied()
        .filter(|&idx| !is_bidi_control(case.chars[idx]))
        .collect();
    let expected_order = marks_after_their_base(&case.chars, &expected_order);
    if order != expected_order {
        problems.push(format!("order {order:?} instead of {expected_order:?}"));
    }
    if problems.is_empty() {
        Outcome::Pass
    } else {
        Outcome::Fail(problems.join("; "))
    }
}

/// Rule L3 on a visual order: a base and the combining marks after it, reversed by a
/// right-to-left run into marks-then-base, are put back base first.
fn marks_after_their_base(chars: &[char], order: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(order.len());
    let mut i = 0;
    while let Some(&idx) = order.get(i) {
        if is_combining_mark(chars[idx]) {
            // Marks going down in logical order are reversed; find their base after them.
            let mut j = i + 1;
            while j < order.len()
                && order[j] + 1 == order[j - 1]
                && is_combining_mark(chars[order[j]])
            {
                j += 1;
            }
            if j < order.len() && order[j] + 1 == order[j - 1] {
                out.extend(order[i..=j].iter().rev());
                i = j + 1;
                continue;
            }
        }
        out.push(idx);
        i += 1;
    }
    out
}

#[test]
fn l3_puts_a_mark_after_its_base_only_where_the_run_reversed_them() {
    // ١(٢)̱ in a left-to-right paragraph: ")" and its mark are at level 1.
    let chars = ['\u{0661}', '(', '\u{0662}', ')', '\u{0331}'];
    assert_eq!(
        marks_after_their_base(&chars, &[4, 3, 2, 1, 0]),
        [3, 4, 2, 1, 0]
    );
    // Left to right, the mark already follows its base.
    assert_eq!(
        marks_after_their_base(&chars, &[0, 1, 2, 3, 4]),
        [0, 1, 2, 3, 4]
    );
}

/// True when every character of `chars` that draws something has a glyph in one of the
/// embedded fonts; bidi controls and other format characters (class BN) draw nothing.
fn fonts_cover(
    font_system: &mut cosmic_text::FontSystem,
    covered: &mut std::collections::HashMap<char, bool>,
    chars: &[char],
) -> bool {
    chars.iter().all(|&c| {
        // A tab is drawn as a space.
        if c == '\t'
            || is_bidi_control(c)
            || unicode_bidi::bidi_class(c) == unicode_bidi::BidiClass::BN
        {
            return true;
        }
        *covered.entry(c).or_insert_with(|| {
            let faces: Vec<_> = font_system
                .db()
                .faces()
                .map(|face| (face.id, face.weight))
                .collect();
            faces.into_iter().any(|(id, weight)| {
                font_system
                    .get_font(id, weight)
                    .is_some_and(|font| font.as_swash().charmap().map(c) != 0)
            })
        })
    })
}

#[test]
fn bidi_character_test_lines_the_fonts_can_draw_are_laid_out_as_unicode_specifies() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/unicode/BidiCharacterTest-14.0.0.txt");
    let text = std::fs::read_to_string(&path).expect("BidiCharacterTest fixture");
    let cases = parse(&text);
    assert!(cases.len() > 90_000, "only {} test lines", cases.len());
    let mut font_system = fonts::font_system(false);
    let (mut drawable, mut passed) = (0, 0);
    let mut failures = Vec::new();
    let mut covered = std::collections::HashMap::new();
    for case in &cases {
        // Checking the fonts first spares laying out the lines with Hebrew letters or dice
        // (most of the file), which the embedded fonts do not have.
        if !fonts_cover(&mut font_system, &mut covered, &case.chars) {
            continue;
        }
        match run_case(&mut font_system, case) {
            Outcome::NotDrawable => {}
            Outcome::Pass => {
                drawable += 1;
                passed += 1;
            }
            Outcome::Fail(why) => {
                drawable += 1;
                let chars: Vec<String> = case
                    .chars
                    .iter()
                    .map(|c| format!("{:04X}", *c as u32))
                    .collect();
                failures.push(format!(
                    "line {} [{}] direction {}: {why}",
                    case.line_no,
                    chars.join(" "),
                    case.direction
                ));
            }
        }
    }
    eprintln!(
        "BidiCharacterTest: {} lines, {drawable} drawable with the embedded fonts, {passed} pass",
        cases.len()
    );
    assert!(drawable > 100, "only {drawable} lines drawable");
    assert!(
        failures.is_empty(),
        "{} of {drawable} drawable lines fail:\n{}",
        failures.len(),
        failures
            .iter()
            .take(60)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
