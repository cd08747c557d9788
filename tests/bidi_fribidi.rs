//! Differential bidi test: every paragraph of the shared corpus, and a table of constructed
//! cases, laid out as the reader lays them out and read back from the glyphs in on-screen
//! order (`hashiya layout --visual`), against GNU FriBidi's `fribidi --nopad --nobreak
//! --clean` on the same text.
//!
//! FriBidi's output is in Arabic presentation forms; both sides are NFKC-normalised to undo
//! them (see [`normalise`]). Every difference fails the test and is listed with its
//! paragraph, unless [`EXCEPTIONS`] records, after review, that FriBidi is the one that is
//! wrong by UAX #9.
//!
//! Needs `fribidi` (Debian `libfribidi-bin`); `.ci/run` installs it and sets
//! `HASHIYA_REQUIRE_E2E=1`, which turns a missing tool into a failure instead of a skip.

mod common;

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use hashiya::document::{Document, ParagraphKind};
use hashiya::text::layout::display_text;
use hashiya::text::visual::{is_bidi_control, visual_string};
use hashiya::text::{ParagraphLayout, TextStyle, fonts};
use unicode_normalization::UnicodeNormalization as _;
use unicode_normalization::char::is_combining_mark;

use common::corpus_dir;

/// Paragraphs where FriBidi's output is wrong by UAX #9 and the layout's is right, each
/// with the reason, checked by hand: (corpus file, paragraph index, reason).
const EXCEPTIONS: &[(&str, usize, &str)] = &[
    (
        "large/snn_2015-07-23_all_1318_articles.txt",
        1888,
        MARK_AFTER_SPACE,
    ),
    (
        "large/snn_2015-07-23_all_1318_articles.txt",
        2165,
        MARK_AFTER_SPACE,
    ),
    (
        "large/snn_2015-07-23_all_1318_articles.txt",
        3821,
        MARK_AFTER_SPACE,
    ),
];

/// Reviewed: `رصين ٌ نظرات`, a vowel mark typed after a space. Rule L3 (reordering a
/// combining mark to follow its base) is optional in UAX #9. FriBidi applies it and moves
/// the mark past the space it follows; the layout draws the space as a word of its own and
/// the mark by itself next to it, zero-width, where the text puts it. Both orders conform;
/// the letters and words are in the same order.
const MARK_AFTER_SPACE: &str = "vowel mark after a space: optional rule L3 applied by FriBidi only";

/// True when `fribidi` runs; otherwise skips (or fails under CI).
fn fribidi_available() -> bool {
    let found = Command::new("fribidi")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if found {
        return true;
    }
    assert!(
        std::env::var_os("HASHIYA_REQUIRE_E2E").is_none(),
        "fribidi missing (apt-get install libfribidi-bin)"
    );
    eprintln!("skipped: fribidi missing (apt-get install libfribidi-bin)");
    false
}

/// FriBidi's visual order of each line of `lines`, one output line per input line.
fn fribidi(lines: &[String]) -> Vec<String> {
    let mut input = tempfile::NamedTempFile::new().expect("temporary file");
    for line in lines {
        assert!(!line.contains('\n'), "one line per paragraph");
        writeln!(input, "{line}").expect("write fribidi input");
    }
    input.flush().expect("flush fribidi input");
    let output = Command::new("fribidi")
        .args(["--nopad", "--nobreak", "--clean"])
        .arg(input.path())
        .output()
        .expect("run fribidi");
    assert!(output.status.success(), "fribidi failed: {output:?}");
    let stdout = String::from_utf8(output.stdout).expect("fribidi prints UTF-8");
    let out: Vec<String> = stdout.lines().map(str::to_owned).collect();
    assert_eq!(out.len(), lines.len(), "fribidi prints one line per line");
    out
}

/// Undoes what FriBidi adds that is not order: NFKC folds its Arabic presentation forms
/// back to letters. A lam-alef ligature stands for two letters that run right to left, so
/// in a visual (left-to-right) string its alef comes first, followed by the vowel marks
/// written after the ligature (they belong to the alef), then its lam. Characters FriBidi's
/// `--clean` removes and the layout draws as nothing (class BN: zero-width joiners and
/// spaces, soft hyphens) and the bidi controls (FriBidi keeps ALM) are dropped. The same is
/// done to the layout's output, so a ligature or presentation form in the text itself
/// compares equal.
fn normalise(visual: &str) -> String {
    let mut out = String::with_capacity(visual.len());
    let mut chars = visual.chars().peekable();
    while let Some(c) = chars.next() {
        if is_bidi_control(c) || unicode_bidi::bidi_class(c) == unicode_bidi::BidiClass::BN {
            continue;
        }
        if ('\u{FEF5}'..='\u{FEFC}').contains(&c) {
            let letters: Vec<char> = c.to_string().nfkc().collect();
            let (lam, alef) = letters
                .split_first()
                .expect("a lam-alef ligature has letters");
            out.extend(alef);
            while let Some(&mark) = chars.peek() {
                if !is_combining_mark(mark) {
                    break;
                }
                out.push(mark);
                chars.next();
            }
            out.push(*lam);
        } else {
            out.extend(c.to_string().nfkc());
        }
    }
    out.nfkc().collect()
}

/// A paragraph whose layout and FriBidi disagree.
struct Mismatch {
    source: String,
    paragraph_idx: usize,
    logical: String,
    ours: String,
    fribidi: String,
}

/// Lays out each paragraph as the reader does (its kind's style) and compares it with
/// FriBidi. Returns the mismatches and the number of characters compared.
fn compare(
    source: &str,
    paragraphs: &[(String, ParagraphKind)],
    exceptions: &[(&str, usize, &str)],
) -> (Vec<Mismatch>, usize) {
    let mut font_system = fonts::font_system(false);
    let style = TextStyle::default();
    // What the layout shapes: controls shown as blanks.
    let shown: Vec<String> = paragraphs
        .iter()
        .map(|(text, _)| display_text(text).into_owned())
        .collect();
    let reference = fribidi(&shown);
    let mut mismatches = Vec::new();
    let mut chars = 0;
    for (paragraph_idx, ((text, kind), expected)) in paragraphs.iter().zip(&reference).enumerate() {
        chars += text.chars().count();
        let layout = ParagraphLayout::unwrapped(&mut font_system, text, &style.for_kind(*kind));
        let ours = normalise(&visual_string(&mut font_system, &layout));
        let expected = normalise(expected);
        let excepted = exceptions
            .iter()
            .any(|(file, idx, _)| *file == source && *idx == paragraph_idx);
        if ours != expected && !excepted {
            mismatches.push(Mismatch {
                source: source.to_owned(),
                paragraph_idx,
                logical: text.clone(),
                ours,
                fribidi: expected,
            });
        }
    }
    (mismatches, chars)
}

fn report(mismatches: &[Mismatch]) -> String {
    let mut out = format!("{} paragraphs differ from FriBidi:\n", mismatches.len());
    for m in mismatches.iter().take(40) {
        let _ = writeln!(
            out,
            "{} paragraph {}:\n  logical {:?}\n  layout  {:?}\n  fribidi {:?}",
            m.source, m.paragraph_idx, m.logical, m.ours, m.fribidi
        );
    }
    out
}

fn paragraphs_of(document: &Document) -> Vec<(String, ParagraphKind)> {
    document
        .paragraphs
        .iter()
        .enumerate()
        .filter_map(|(idx, p)| Some((document.paragraph_text(idx)?.to_owned(), p.kind)))
        .collect()
}

/// Compares every paragraph of every file under the corpus folders `subdirs`.
fn compare_corpus(subdirs: &[&str]) -> (usize, usize) {
    let mut files: Vec<PathBuf> = Vec::new();
    for subdir in subdirs {
        let dir = corpus_dir().join(subdir);
        let entries = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("corpus folder missing ({e}): {}", dir.display()));
        files.extend(entries.map(|entry| entry.expect("read corpus folder").path()));
    }
    files.sort();
    assert!(!files.is_empty(), "no corpus files under {subdirs:?}");
    let mut mismatches = Vec::new();
    let (mut paragraph_count, mut char_count) = (0, 0);
    for path in &files {
        let document = hashiya::document::load(path).expect("corpus file loads");
        let paragraphs = paragraphs_of(&document);
        let name = relative_name(path);
        let (found, chars) = compare(&name, &paragraphs, EXCEPTIONS);
        paragraph_count += paragraphs.len();
        char_count += chars;
        mismatches.extend(found);
    }
    assert!(mismatches.is_empty(), "{}", report(&mismatches));
    eprintln!(
        "{subdirs:?}: {} files, {paragraph_count} paragraphs, {char_count} characters agree with FriBidi",
        files.len()
    );
    (paragraph_count, char_count)
}

fn relative_name(path: &Path) -> String {
    path.strip_prefix(corpus_dir())
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn news_and_legacy_corpus_paragraphs_are_drawn_in_fribidi_order() {
    if !fribidi_available() {
        return;
    }
    let (paragraphs, _) = compare_corpus(&["news", "legacy_encoding"]);
    assert!(paragraphs > 200, "only {paragraphs} paragraphs");
}

#[test]
fn diacritized_corpus_paragraphs_are_drawn_in_fribidi_order() {
    if !fribidi_available() {
        return;
    }
    let (paragraphs, _) = compare_corpus(&["diacritized"]);
    assert!(paragraphs > 2000, "only {paragraphs} paragraphs");
}

#[test]
fn large_corpus_paragraphs_are_drawn_in_fribidi_order() {
    if !fribidi_available() {
        return;
    }
    let (paragraphs, _) = compare_corpus(&["large"]);
    assert!(paragraphs > 5000, "only {paragraphs} paragraphs");
}

/// Constructed paragraphs for the families news text uses, each compared with FriBidi like
/// a corpus paragraph.
const CASES: &[&str] = &[
    // The reported lines: a bracketed Latin run, or Arabic, followed by an Arabic comma.
    "الطرح (Private Placement)، وهو",
    "قال (AFP)، إن",
    "الطرح (خاص)، وهو",
    // Brackets and quotes around Latin, digits and URLs, followed by Arabic punctuation.
    "قالت وكالة (رويترز)، إن",
    "نقلت (CNN)؛ ثم",
    "هل قالت (BBC)؟",
    "بحسب (AFP).",
    "وقال \"Apple\"، إن",
    "شركة «Samsung»؛ ثم",
    "هل هو «iPhone 6S»؟",
    "وقال 'Google'.",
    "وقال “Facebook”، إن",
    "عام (2015)، وقد",
    "بنسبة (73.8%)؛ ثم",
    "الموقع (http://aawsat.com/home)، وفيه",
    "زوروا «www.spa.gov.sa»؟",
    "[Reuters]، وقال",
    "قال {AP}. ثم",
    "قال (AFP/Getty Images)، إن",
    "تصوير (أ ف ب/AFP)، إن",
    "قال (AFP), and then",
    // Percent, currency and ranges.
    "ارتفع بنسبة 73.8% خلال العام",
    "بلغ السعر $2.5 للبرميل",
    "بلغ السعر 2.5$ للبرميل",
    "بلغ 100 € فقط",
    "موسم 2014-2015 الرياضي",
    "من 2014 إلى 2015",
    "في الفترة 2014/2015 كانت",
    "بين 10:30 و 11:45 صباحا",
    "درجة الحرارة -5 درجات",
    "العدد +966 500 000",
    "نحو 1,250,000 ريال",
    "The price rose 73.8% to $2.5 in 2014-2015.",
    // Arabic-Indic digits with Latin units.
    "قطع ٥٠ km في ساعة",
    "وزنه ٢٫٥ kg فقط",
    "سرعة ١٠٠ Mbps",
    "بنسبة ٧٣٫٨٪ في عام ٢٠١٥",
    "من ٢٠١٤-٢٠١٥ إلى ٢٠١٦",
    "طوله ١٢ cm و٣ mm",
    "مساحة ٥٠٠ m² تقريبا",
    // Email addresses and handles.
    "راسلونا على info@example.com للمزيد",
    "راسلونا: news@aljazirah.com.sa، شكرا",
    "تابعوا @AlArabyTV على تويتر",
    "الوسم #السعودية و #KSA",
    "حساب @sabq_org، وحساب @was_ar",
    "Email me at علي@example.com please",
    // LRM, RLM and ALM.
    "مرحبا Hello!\u{200E}",
    "مرحبا Hello!\u{200F}",
    "بنسبة 4.\u{200F}95 في المائة",
    "قال\u{200E} (AFP)، إن",
    "\u{200F}Hello world",
    "\u{200E}مرحبا بالعالم",
    "رقم \u{061C}123-456",
    // Embeddings and overrides.
    "قال \u{202A}ok!\u{202C}",
    "abc \u{202E}def ghi\u{202C} jkl",
    "قال \u{202B}The (BBC) said\u{202C}، إن",
    "\u{202D}مرحبا بالعالم\u{202C} end",
    "The title \u{202B}الطرح (Private Placement)، وهو\u{202C} was quoted.",
    // Isolates.
    "Name: \u{2067}سلام\u{2069} 3 items",
    "قال \u{2066}Hello (world)!\u{2069}، ثم",
    "User \u{2068}علي\u{2069} wrote 5 posts",
    "المستخدم \u{2068}John Smith\u{2069}: 12 تعليقا",
    "\u{2067}نص\u{2069} and \u{2066}text\u{2069}",
    // Left-to-right paragraphs with Arabic inside.
    "The word سلام عليكم means peace.",
    "He said (خاص), then left.",
    "Al Jazirah (الجزيرة)، 2015.",
];

#[test]
fn constructed_cases_are_drawn_in_fribidi_order() {
    if !fribidi_available() {
        return;
    }
    let paragraphs: Vec<(String, ParagraphKind)> = CASES
        .iter()
        .map(|text| ((*text).to_owned(), ParagraphKind::Body))
        .collect();
    let (mismatches, _) = compare("constructed cases", &paragraphs, &[]);
    assert!(mismatches.is_empty(), "{}", report(&mismatches));
}
