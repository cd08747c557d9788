//! Persian and Urdu articles in the window: the detected language in the status bar, Urdu in
//! Nastaliq unless View ▸ Typeface says otherwise, and notes and searches typed in Urdu and
//! Persian (with ZWNJ).

mod common;

use std::path::{Path, PathBuf};

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hashiya::annotation::sidecar;
use hashiya::app::{HashiyaApp, Settings};
use hashiya::arabic::Language;
use hashiya::text::ReadingFace;

use common::{app, harness_on, press, press_with, session};

/// «می‌روم» with its ZWNJ.
const MIRAVAM: &str = "می\u{200c}روم";

fn fixture_copy(name: &str, dir: &Path) -> PathBuf {
    let path = dir.join(name);
    std::fs::copy(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/languages")
            .join(name),
        &path,
    )
    .unwrap();
    path
}

fn open(article: &Path) -> Harness<'static, HashiyaApp> {
    harness_on(
        app(Settings::default()),
        article,
        egui::vec2(1200.0, 800.0),
        3,
    )
}

/// Selects the second paragraph, writes `note` on it, leaves the editor and saves.
fn write_note(harness: &mut Harness<'_, HashiyaApp>, note: &str) {
    press(harness, Key::J);
    press(harness, Key::J);
    press(harness, Key::Enter);
    harness.event(Event::Text(note.to_owned()));
    harness.run_steps(2);
    press(harness, Key::Escape);
    press_with(harness, Modifiers::COMMAND, Key::S, 2);
}

fn search(harness: &mut Harness<'_, HashiyaApp>, query: &str) -> Vec<String> {
    press_with(harness, Modifiers::COMMAND, Key::F, 2);
    harness.event(Event::Text(query.to_owned()));
    harness.run_steps(2);
    let document = &session(harness).document;
    let search = harness.state().windows.search.as_ref().unwrap();
    let hits = search
        .hits
        .iter()
        .map(|hit| document.paragraph_text(hit.paragraph).unwrap()[hit.bytes.clone()].to_owned())
        .collect();
    press(harness, Key::Escape);
    hits
}

fn saved_notes(article: &Path) -> Vec<String> {
    let (saved, _) = sidecar::read(&sidecar::sidecar_path(article))
        .unwrap()
        .unwrap();
    saved.annotations.into_iter().map(|a| a.note).collect()
}

#[test]
fn an_urdu_article_reads_in_nastaliq_and_takes_urdu_notes_and_searches() {
    let dir = tempfile::tempdir().unwrap();
    let article = fixture_copy("ur-karachi-rain.txt", dir.path());
    let mut harness = open(&article);
    assert_eq!(session(&harness).language, Language::Urdu);
    harness.get_by_label("Urdu");
    assert_eq!(
        session(&harness).reader.layout.style().unwrap().face,
        ReadingFace::NotoNastaliqUrdu
    );

    let note = "ٹریفک کی خبر، ڈیفنس اور گلشن میں پانی کھڑا ہے۔";
    write_note(&mut harness, note);
    assert_eq!(saved_notes(&article), [note]);

    // «ٹریفک» is in the title and the first paragraph.
    assert_eq!(search(&mut harness, "ٹریفک"), ["ٹریفک", "ٹریفک"]);

    // View ▸ Typeface offers the Urdu faces and switches this language only.
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Typeface for Urdu articles");
    assert!(
        harness
            .query_by_label("Amiri (for vowelled text)")
            .is_none()
    );
    harness.get_by_label("Noto Naskh Arabic").click();
    harness.run_steps(3);
    let settings = &harness.state().workspace.settings;
    assert_eq!(settings.urdu_face, ReadingFace::NotoNaskh);
    assert_eq!(settings.face, ReadingFace::NotoNaskh);
    assert_eq!(
        session(&harness).reader.layout.style().unwrap().face,
        ReadingFace::NotoNaskh
    );
}

#[test]
fn a_persian_article_keeps_zwnj_in_notes_and_finds_words_written_either_way() {
    let dir = tempfile::tempdir().unwrap();
    let article = fixture_copy("fa-tehran-rain.txt", dir.path());
    let mut harness = open(&article);
    assert_eq!(session(&harness).language, Language::Persian);
    harness.get_by_label("Persian");

    let note = format!("گفت\u{200c}وگو با شهروندان؛ {MIRAVAM}");
    write_note(&mut harness, &note);
    assert_eq!(saved_notes(&article), [note]);

    // With the ZWNJ, without it, and with the Arabic ya: the hit is the word as written.
    for query in [MIRAVAM, "میروم", "مي\u{200c}روم"] {
        assert_eq!(search(&mut harness, query), [MIRAVAM], "{query}");
    }
    // «ایستگاه» written with the Arabic ya and kaf.
    assert_eq!(search(&mut harness, "ايستگاه"), ["ایستگاه"]);

    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Typeface for Persian articles");
    harness.get_by_label("Vazirmatn").click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().workspace.settings.persian_face,
        ReadingFace::Vazirmatn
    );
    assert_eq!(
        session(&harness).reader.layout.style().unwrap().face,
        ReadingFace::Vazirmatn
    );
}
