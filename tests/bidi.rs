//! Mixed-direction text comes out in the visual order UAX #9 prescribes. Each case lists the
//! words and punctuation of a paragraph as they appear on screen from left to right (each in
//! its logical spelling), written out by hand.

use hashiya::document::{ParagraphKind, parse_plain_text};
use hashiya::text::Fit;
use hashiya::text::fonts;
use hashiya::text::{ParagraphLayout, TextStyle};

/// True for characters that belong to a word: letters, digits, Arabic marks and tatweel.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// Tokens of `text` with their byte ranges: words, and single punctuation marks.
fn tokens(text: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut word_start = None;
    for (idx, c) in text.char_indices() {
        if is_word_char(c) {
            word_start.get_or_insert(idx);
            continue;
        }
        if let Some(start) = word_start.take() {
            out.push((start..idx, &text[start..idx]));
        }
        if !c.is_whitespace()
            && !c.is_control()
            && !matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        {
            out.push((idx..idx + c.len_utf8(), &text[idx..idx + c.len_utf8()]));
        }
    }
    if let Some(start) = word_start {
        out.push((start..text.len(), &text[start..]));
    }
    out
}

/// The tokens of a one-line paragraph in the order they are drawn, left to right.
fn visual_tokens(text: &str) -> (Vec<String>, bool) {
    let mut font_system = fonts::font_system(false);
    let style = TextStyle::default().for_kind(ParagraphKind::Body);
    let layout = ParagraphLayout::new(&mut font_system, text, &style, 100_000.0);
    let runs: Vec<_> = layout.runs().collect();
    assert_eq!(runs.len(), 1, "case must fit on one line");
    let mut glyphs: Vec<_> = runs[0].glyphs.iter().collect();
    glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    let tokens = tokens(text);
    let mut order: Vec<String> = Vec::new();
    let mut last_token = None;
    for glyph in glyphs {
        assert_ne!(
            glyph.glyph_id,
            0,
            "no .notdef for {:?}",
            &text[glyph.start..glyph.end]
        );
        let Some(token_idx) = tokens
            .iter()
            .position(|(range, _)| range.contains(&glyph.start))
        else {
            continue;
        };
        if last_token != Some(token_idx) {
            order.push(tokens[token_idx].1.to_owned());
            last_token = Some(token_idx);
        }
    }
    (order, layout.is_rtl())
}

/// (logical text, paragraph is RTL, tokens left to right as drawn). Each expectation was
/// worked out by hand from UAX #9 and agrees with GNU FriBidi's `fribidi` tool.
const CASES: &[(&str, bool, &[&str])] = &[
    ("13 بلداً", true, &["بلداً", "13"]),
    (
        "هولاند: داعش قد يفكّر مناطقه(تشارليس بلاتياو/AFP)",
        true,
        &[
            ")",
            "AFP",
            "/",
            "بلاتياو",
            "تشارليس",
            "(",
            "مناطقه",
            "يفكّر",
            "قد",
            "داعش",
            ":",
            "هولاند",
        ],
    ),
    (
        "هاتف iPhone 6S الجديد",
        true,
        &["الجديد", "iPhone", "6S", "هاتف"],
    ),
    // After Arabic letters, European digits act as Arabic numbers (W2), so the percent
    // sign is a neutral that takes the paragraph's direction: «%49.5» on screen.
    (
        "ارتفعت بنسبة 49.5% في العام",
        true,
        &["العام", "في", "%", "49", ".", "5", "بنسبة", "ارتفعت"],
    ),
    (
        "زوروا http://aawsat.com/home اليوم",
        true,
        &[
            "اليوم",
            "http",
            ":",
            "/",
            "/",
            "aawsat",
            ".",
            "com",
            "/",
            "home",
            "زوروا",
        ],
    ),
    (
        "راسلونا على info@example.com للمزيد",
        true,
        &[
            "للمزيد",
            "info",
            "@",
            "example",
            ".",
            "com",
            "على",
            "راسلونا",
        ],
    ),
    ("في عام ٢٠١٥ م", true, &["م", "٢٠١٥", "عام", "في"]),
    (
        "The word سلام عليكم means peace",
        false,
        &["The", "word", "عليكم", "سلام", "means", "peace"],
    ),
    (
        "تنظيم \"الدولة الإسلامية\" (داعش)",
        true,
        &[")", "داعش", "(", "\"", "الإسلامية", "الدولة", "\"", "تنظيم"],
    ),
    // An exclamation mark between Latin and the paragraph end takes the paragraph's
    // direction; an LRM after it makes it Latin.
    ("مرحبا Hello!", true, &["!", "Hello", "مرحبا"]),
    ("مرحبا Hello!\u{200E}", true, &["Hello", "!", "مرحبا"]),
    // An RLM inside a number, as found in the corpus, splits it: «95.4» on screen.
    (
        "بنسبة 4.\u{200F}95 في المائة",
        true,
        &["المائة", "في", "95", ".", "4", "بنسبة"],
    ),
    // A right-to-left override reverses Latin letters; PDF ends it.
    (
        "abc \u{202E}def ghi\u{202C} jkl",
        false,
        &["abc", "ghi", "def", "jkl"],
    ),
    // A left-to-right embedding keeps the "!" with "ok" in an Arabic paragraph...
    ("قال \u{202A}ok!\u{202C}", true, &["ok", "!", "قال"]),
    // ...without it, the "!" takes the paragraph's direction.
    ("قال ok!", true, &["!", "ok", "قال"]),
    // A number after Arabic text sticks to it, unless the Arabic is isolated.
    (
        "Name: سلام 3 items",
        false,
        &["Name", ":", "3", "سلام", "items"],
    ),
    (
        "Name: \u{2067}سلام\u{2069} 3 items",
        false,
        &["Name", ":", "سلام", "3", "items"],
    ),
    // Issue #23: punctuation after a bracketed Latin run stays outside the brackets. The
    // brackets take the Arabic direction (N0), and so does the comma after them.
    (
        "الطرح (Private Placement)، وهو",
        true,
        &["وهو", "،", ")", "Private", "Placement", "(", "الطرح"],
    ),
    ("قال (AFP)، إن", true, &["إن", "،", ")", "AFP", "(", "قال"]),
    (
        "الطرح (خاص)، وهو",
        true,
        &["وهو", "،", ")", "خاص", "(", "الطرح"],
    ),
    // A control character (U+001A, found in the corpus) breaks nothing.
    ("كلمة\u{1A}أخرى", true, &["أخرى", "كلمة"]),
];

#[test]
fn mixed_direction_text_is_in_visual_order() {
    let mut failures = Vec::new();
    for (text, rtl, expected) in CASES {
        let (actual, is_rtl) = visual_tokens(text);
        if actual != *expected || is_rtl != *rtl {
            failures.push(format!("{text:?}\n  expected {expected:?} (rtl {rtl})\n  actual   {actual:?} (rtl {is_rtl})"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn an_unbalanced_override_does_not_leak_into_the_next_paragraph() {
    let document = parse_plain_text("abc \u{202E}def ghi\nxyz uvw\n".to_owned());
    let first = document.paragraph_text(0).unwrap();
    let second = document.paragraph_text(1).unwrap();
    // Inside its own paragraph the override reverses the rest of the line...
    assert_eq!(visual_tokens(first).0, ["abc", "ghi", "def"]);
    // ...and stops there.
    assert_eq!(
        visual_tokens(second),
        (vec!["xyz".to_owned(), "uvw".to_owned()], false)
    );
}

#[test]
fn single_line_label_is_cut_at_its_logical_end_with_an_ellipsis() {
    let mut font_system = fonts::font_system(false);
    let style = TextStyle::default().for_kind(ParagraphKind::Body);
    // The title of the alaraby_2016-10-25 corpus article.
    let title = "اجتماع التحالف الدولي بباريس: فرنسا تصوّب الأنظار إلى الرقة بعد الموصل";
    let width = 250.0;
    let layout = ParagraphLayout::single_line(&mut font_system, title, &style, width);
    let runs: Vec<_> = layout.runs().collect();
    assert_eq!(runs.len(), 1, "one line only");
    let mut glyphs: Vec<_> = runs[0].glyphs.iter().collect();
    glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    assert!(glyphs.iter().all(|g| g.glyph_id != 0), "no .notdef");
    assert!(
        glyphs
            .iter()
            .all(|g| g.x >= 0.0 && g.x + g.w <= width + 0.5),
        "every glyph inside the width"
    );
    // Right-to-left: the first word is on the right, the ellipsis (a glyph with no source
    // text) on the far left, and the end of the title is gone.
    let rightmost = glyphs.last().unwrap();
    assert_eq!(rightmost.start, 0, "the title starts at the right edge");
    let leftmost = glyphs.first().unwrap();
    assert_eq!(leftmost.start, leftmost.end, "ellipsis on the left");
    let last_shown = glyphs.iter().map(|g| g.end).max().unwrap();
    assert!(last_shown < title.find("الموصل").unwrap());

    // A title that fits is shown whole, with no ellipsis.
    let short = "غداً.. سحب قرعة تصفيات كأس العالم 2018";
    let natural = ParagraphLayout::new(&mut font_system, short, &style, 100_000.0)
        .runs()
        .map(|r| r.line_w)
        .fold(0.0, f32::max);
    let layout = ParagraphLayout::single_line(&mut font_system, short, &style, natural + 1.0);
    let glyphs: Vec<_> = layout.runs().flat_map(|r| r.glyphs.iter()).collect();
    assert!(glyphs.iter().all(|g| g.start < g.end), "no ellipsis");
    assert_eq!(glyphs.iter().map(|g| g.end).max(), Some(short.len()));

    // A title that fits and starts with a number, a left-to-right run in a right-to-left
    // line, keeps the number.
    let dated = "25 أكتوبر 2016";
    let layout = ParagraphLayout::single_line(&mut font_system, dated, &style, 1000.0);
    let glyphs: Vec<_> = layout.runs().flat_map(|r| r.glyphs.iter()).collect();
    assert!(
        glyphs.iter().any(|g| g.start == 0),
        "the leading 25 is drawn"
    );
    assert_eq!(glyphs.len(), dated.chars().count());
}

#[test]
fn marked_part_of_a_label_is_where_it_is_drawn() {
    use hashiya::text::TextEngine;
    let mut engine = TextEngine::new(false);
    let style = TextStyle::default().for_kind(ParagraphKind::Body);
    let text = "قال إن التحالف الدولي سيجتمع";
    let size = engine.measure_label(text, &style, Fit::Wrap(2000.0)).size;
    let range_of = |word: &str| {
        let start = text.find(word).unwrap();
        start..start + word.len()
    };
    let first = engine.label_ranges(text, &style, Fit::Wrap(2000.0), range_of("قال"));
    let middle = engine.label_ranges(text, &style, Fit::Wrap(2000.0), range_of("التحالف"));
    let last = engine.label_ranges(text, &style, Fit::Wrap(2000.0), range_of("سيجتمع"));
    assert_eq!((first.len(), middle.len(), last.len()), (1, 1, 1));
    // Right to left: the first word at the right edge, the last at the left.
    assert!(
        (first[0].right() - size.x).abs() < 1.0,
        "{first:?} {size:?}"
    );
    assert!(last[0].left().abs() < 1.0, "{last:?}");
    assert!(middle[0].left() > last[0].right() && middle[0].right() < first[0].left());
    assert!(middle[0].width() > 10.0);
}
