//! Arabic-aware search in the reader: corpus words written with and without diacritics and
//! with different alef forms find the same places; hits are highlighted where they are in
//! the original text; Enter and Shift+Enter move between them.

mod common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hashiya::app::{HashiyaApp, Settings};
use hashiya::arabic::{SearchIndex, search_folding};

use common::{app, corpus, harness_on};

fn texts_found(text: &str, query: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    SearchIndex::new(text, search_folding(false))
        .find_all(query)
        .into_iter()
        .map(|r| chars[r].iter().collect())
        .collect()
}

#[test]
fn spellings_with_and_without_marks_and_alef_forms_find_the_same_places() {
    let vowelled = std::fs::read_to_string(corpus("diacritized/aliosm_tashkeela_val.txt")).unwrap();
    let text: String = vowelled.chars().take(200_000).collect();
    // «الشَّهَادَةِ» in the vowelled corpus, searched bare, with a hamza alef, and fully vowelled.
    let bare = texts_found(&text, "الشهادة");
    assert!(bare.len() > 5, "{}", bare.len());
    assert!(
        bare.iter().any(|t| t.contains('\u{0651}')),
        "hits keep their marks: {bare:?}"
    );
    assert_eq!(texts_found(&text, "الشَّهَادَةِ").len(), bare.len());
    assert_eq!(
        texts_found(&text, "ألشهادة").len(),
        bare.len(),
        "hamza on the alef is folded"
    );
    // Each hit, stripped of marks, is the bare word.
    for hit in &bare {
        let stripped: String = hit
            .chars()
            .filter(|c| !hashiya::arabic::is_tashkeel(*c))
            .collect();
        assert_eq!(stripped.replace(['أ', 'إ', 'آ', 'ٱ'], "ا"), "الشهادة");
    }
    // News text: «أمريكا» / «امريكا», and Arabic-Indic digits for ASCII ones.
    let news =
        std::fs::read_to_string(corpus("large/snn_2015-07-23_all_1318_articles.txt")).unwrap();
    let with_hamza = texts_found(&news, "الأمريكية").len();
    assert!(with_hamza > 0);
    assert_eq!(texts_found(&news, "الامريكية").len(), with_hamza);
    assert_eq!(texts_found(&news, "الإمريكية").len(), with_hamza);
    assert_eq!(texts_found("في عام ٢٠١٥ و۲۰۱۵ و2015", "2015").len(), 3);
}

fn open(article: &str) -> Harness<'static, HashiyaApp> {
    harness_on(
        app(Settings::default()),
        &corpus(article),
        egui::vec2(1200.0, 800.0),
        3,
    )
}

#[test]
fn ctrl_f_finds_counts_and_steps_through_hits() {
    let mut harness = open("news/alaraby_2016-10-25_paris_coalition_raqqa.txt");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run_steps(2);
    // Typed without the hamza and the shadda the article has: «الرقة» with a bare alef.
    harness.event(egui::Event::Text("الرقه".to_owned()));
    harness.run_steps(2);
    assert!(
        harness
            .state()
            .windows
            .search
            .as_ref()
            .unwrap()
            .hits
            .is_empty(),
        "ta marbuta is kept by default"
    );
    harness.get_by_label("no matches");
    harness.get_by_label("ta marbuta = ha").click();
    harness.run_steps(2);
    let search = harness.state().windows.search.as_ref().unwrap();
    let count = search.hits.len();
    assert!(count >= 5, "{count}");
    harness.get_by_label(&format!("1 of {count}"));
    // Every hit's text is «الرقة» at its original position.
    let document = &common::session(&harness).document;
    for hit in &search.hits {
        let paragraph = document.paragraph_text(hit.paragraph).unwrap();
        assert_eq!(&paragraph[hit.bytes.clone()], "الرقة");
    }
    let paragraph_count = document.paragraphs.len();
    let first = search.hits[0].paragraph;
    harness.key_press(Key::Enter);
    harness.run_steps(2);
    assert_eq!(harness.state().windows.search.as_ref().unwrap().current, 1);
    harness.get_by_label(&format!("2 of {count}"));
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    harness.run_steps(2);
    assert_eq!(
        harness.state().windows.search.as_ref().unwrap().current,
        count - 1,
        "wraps around"
    );
    // The selection is not moved by searching; j still works after Esc.
    assert_eq!(common::session(&harness).reader.selected, None);
    assert!(first < paragraph_count);
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(harness.state().windows.search.is_none());
    harness.key_press(Key::J);
    harness.run_steps(2);
    assert!(common::session(&harness).reader.selected.is_some());
}

#[test]
fn a_hit_far_down_the_large_file_is_scrolled_into_view() {
    let mut harness = open("large/snn_2015-07-23_all_1318_articles.txt");
    // A word that first occurs well into the file.
    harness.state_mut().search_for("الفلبين");
    harness.run_steps(6);
    let state = harness.state();
    let search = state.windows.search.as_ref().unwrap();
    assert!(!search.hits.is_empty());
    let paragraph = search.hits[0].paragraph;
    assert!(paragraph > 100, "first hit in paragraph {paragraph}");
    let visible = state
        .workspace
        .session
        .as_ref()
        .unwrap()
        .reader
        .visible_range();
    assert!(
        visible.contains(&paragraph),
        "{paragraph} not in {visible:?}"
    );
}
