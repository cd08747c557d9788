//! Corpus mode through the GUI with `egui_kittest`: a folder listed with Arabic titles and
//! progress, filtering and sorting, next / previous article, corpus-wide search, team mode,
//! the Compare window with adjudication into the gold sidecar, and the Agreement window.

mod common;

use hashiya::session::annotations::Edit;
use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hashiya::annotation::sidecar::{self, annotator_sidecar_path};
use hashiya::annotation::{AnnotationStore, LabelScheme, TargetKey, TargetKind};
use hashiya::app::{FixedPicker, FolderSort, HashiyaApp, Settings};

use common::{
    app, corpus, harness, open_path, settings_by, settle, wait_for_agreement, wait_for_folder,
};

/// Writes a sidecar at `path` for `article` by `author`: `claim` on `claims`, `event` on
/// `events`.
fn write_sidecar(article: &Path, path: &Path, author: &str, claims: &[usize], events: &[usize]) {
    let document = hashiya::document::load(article).unwrap();
    let mut store = AnnotationStore::new(&document, LabelScheme::news_default(), author);
    for &p in claims {
        store.toggle_label(&document, p, "claim").unwrap();
    }
    for &p in events {
        store.toggle_label(&document, p, "event").unwrap();
    }
    std::fs::write(path, sidecar::to_json(store.sidecar())).unwrap();
}

/// Three articles (one in an Arabic-named subfolder); the first has a plain sidecar with
/// two annotated paragraphs and two annotators' sidecars.
fn team_folder() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("الأسبوع الأول")).unwrap();
    let articles = vec![
        dir.path().join("a-raqqa.txt"),
        dir.path().join("c-algeria.txt"),
        dir.path().join("الأسبوع الأول/b-iphone.txt"),
    ];
    for (source, target) in [
        ("news/alaraby_2016-10-25_paris_coalition_raqqa.txt", 0),
        ("news/talaa_saidziani_algeria_short_news.txt", 1),
        ("news/snn_alweeam_2015-08-08_1017_iphone6s_slash.txt", 2),
    ] {
        std::fs::copy(corpus(source), &articles[target]).unwrap();
    }
    (dir, articles)
}

/// The app whose Open Folder dialog answers `folder`.
fn folder_app(settings: Settings, folder: Option<PathBuf>) -> HashiyaApp {
    app(settings).with_picker(FixedPicker {
        folder,
        ..FixedPicker::default()
    })
}

const WINDOW: egui::Vec2 = egui::vec2(1300.0, 900.0);

/// Opens `folder` through Corpus ▸ Open Folder and waits for the indexer.
fn open_folder_from_menu(harness: &mut Harness<'_, HashiyaApp>) {
    harness.run_steps(2);
    harness.get_by_label("Corpus").click();
    harness.run_steps(2);
    harness.get_by_label("Open Folder…").click();
    harness.run_steps(3);
    wait_for_folder(harness);
    harness.run_steps(3);
}

#[test]
fn a_folder_lists_its_articles_with_titles_and_progress_and_steps_through_them() {
    let (dir, articles) = team_folder();
    write_sidecar(
        &articles[0],
        &sidecar::sidecar_path(&articles[0]),
        "gold",
        &[5, 6],
        &[],
    );
    let mut harness = harness(
        folder_app(settings_by("سارة"), Some(dir.path().to_owned())),
        WINDOW,
    );
    open_folder_from_menu(&mut harness);

    let folder = harness.state_mut().workspace.folder.as_mut().unwrap();
    assert_eq!(folder.rows.len(), 3);
    assert_eq!(folder.indexed, 3);
    let raqqa = folder.rows.iter().find(|r| r.path == articles[0]).unwrap();
    let entry = raqqa.entry.as_ref().unwrap();
    assert_eq!(entry.annotated, 2);
    assert!(entry.title.contains("الرقة"), "{}", entry.title);
    assert!(raqqa.progress() > 0.0 && raqqa.progress() < 1.0);
    // Each row is announced with its Arabic title and counts.
    let row_label = format!(
        "{}, a-raqqa.txt · {} paragraphs · 2 annotated",
        entry.title, entry.paragraphs
    );
    harness.get_by_label(&row_label);
    harness.get_by_label_contains("3 articles · 1 of 3 annotated");

    // A click opens the article; Ctrl+Page Down / Up go through the list in its order.
    harness.get_by_label(&row_label).click();
    settle(&mut harness);
    assert_eq!(open_path(&harness), Some(articles[0].clone()));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    settle(&mut harness);
    assert_eq!(open_path(&harness), Some(articles[1].clone()));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    settle(&mut harness);
    assert_eq!(open_path(&harness), Some(articles[2].clone()));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    harness.run_steps(2);
    assert_eq!(open_path(&harness), Some(articles[2].clone()));
    assert!(
        harness
            .state()
            .workspace
            .message
            .as_deref()
            .unwrap()
            .contains("last")
    );

    // Back to the first article: it reopens where the reader left it.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::PageUp);
    settle(&mut harness);
    for _ in 0..4 {
        harness.key_press(Key::J);
        harness.run_steps(2);
    }
    let selected = common::session(&harness).reader.selected;
    assert!(selected.is_some());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::PageUp);
    settle(&mut harness);
    assert_eq!(open_path(&harness), Some(articles[0].clone()));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    settle(&mut harness);
    assert_eq!(open_path(&harness), Some(articles[1].clone()));
    assert_eq!(common::session(&harness).reader.selected, selected);

    // Sorting: least annotated first puts the annotated article last.
    let folder = harness.state_mut().workspace.folder.as_mut().unwrap();
    folder.set_sort(FolderSort::Progress);
    let order = folder.visible().to_vec();
    assert_eq!(folder.rows[*order.last().unwrap()].path, articles[0]);
}

#[test]
fn the_filter_is_arabic_aware_and_typed_in_the_panel() {
    let (dir, articles) = team_folder();
    let mut harness = harness(
        folder_app(settings_by("سارة"), Some(dir.path().to_owned())),
        WINDOW,
    );
    open_folder_from_menu(&mut harness);
    // The iPhone article's title has «أبل»; typed without the hamza it still matches.
    let ctx = harness.ctx.clone();
    harness.get_by_label("Filter articles").click();
    harness.run_steps(2);
    harness
        .state_mut()
        .workspace
        .folder
        .as_mut()
        .unwrap()
        .filter
        .focus(&ctx);
    harness.run_steps(1);
    harness.event(egui::Event::Text("ابل".to_owned()));
    harness.run_steps(3);
    let folder = harness.state_mut().workspace.folder.as_mut().unwrap();
    let shown: Vec<PathBuf> = folder
        .visible()
        .to_vec()
        .into_iter()
        .map(|i| folder.rows[i].path.clone())
        .collect();
    assert_eq!(shown, [articles[2].clone()]);
    // File names match too.
    folder.set_filter("ALGERIA");
    assert_eq!(folder.visible().len(), 1);
    folder.set_filter("no such words");
    assert!(folder.visible().is_empty());
    harness.run_steps(2);
    harness.get_by_label("No article matches the filter.");
}

#[test]
fn corpus_search_lists_hits_and_opens_the_article_at_the_hit() {
    let (dir, articles) = team_folder();
    let mut harness = harness(
        folder_app(settings_by("سارة"), Some(dir.path().to_owned())),
        WINDOW,
    );
    open_folder_from_menu(&mut harness);
    let ctx = harness.ctx.clone();
    // «الرقة» (Raqqa) is in the first article only; vowel marks in the query are ignored.
    let folder = harness.state_mut().workspace.folder.as_mut().unwrap();
    folder.start_search(&ctx, "الرَّقَّة");
    folder.wait_for_search();
    let hits = folder.search.as_ref().unwrap().hits.clone();
    assert!(hits.len() >= 2, "{hits:?}");
    assert!(hits.iter().all(|h| h.path == articles[0]));
    assert!(
        hits.iter()
            .all(|h| &h.snippet[h.matched.clone()] == "الرقة")
    );
    // Ta marbuta and ha stay distinct.
    folder.start_search(&ctx, "الرقه");
    folder.wait_for_search();
    assert!(folder.search.as_ref().unwrap().hits.is_empty());
    folder.start_search(&ctx, "الرقة");
    folder.wait_for_search();
    assert_eq!(folder.search.as_ref().unwrap().hits, hits);
    harness.run_steps(3);
    harness.get_by_label_contains(&format!("{} matches in 1 article", hits.len()));

    let hit = hits.last().unwrap().clone();
    let caption = format!("{} ¶ {}", hit.snippet, hit.paragraph + 1);
    harness.get_by_label(&caption).click();
    settle(&mut harness);
    assert_eq!(open_path(&harness), Some(articles[0].clone()));
    let state = harness.state();
    assert_eq!(
        state.workspace.session.as_ref().unwrap().reader.selected,
        Some(hit.paragraph)
    );
    let find = state
        .windows
        .search
        .as_ref()
        .expect("the find bar shows the query");
    assert_eq!(find.query, "الرقة");
    assert_eq!(find.hits[find.current].paragraph, hit.paragraph);

    // Back to the list.
    harness.get_by_label("Back to articles").click();
    harness.run_steps(2);
    assert!(
        harness
            .state()
            .workspace
            .folder
            .as_ref()
            .unwrap()
            .search
            .is_none()
    );
}

#[test]
fn team_mode_keeps_each_annotators_work_in_their_own_file() {
    let (dir, articles) = team_folder();
    let mut team = settings_by("Sara Ali");
    team.team_mode = true;
    let mut harness = harness(folder_app(team, Some(dir.path().to_owned())), WINDOW);
    harness.state_mut().open_blocking(&articles[1]);
    harness.run_steps(3);
    for _ in 0..3 {
        harness.key_press(Key::J);
        harness.run_steps(2);
    }
    harness.key_press(Key::Num1);
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(3);
    let own = annotator_sidecar_path(&articles[1], "Sara Ali");
    assert!(own.ends_with("c-algeria.txt.annotations.sara-ali.json"));
    let (saved, _) = sidecar::read(&own).unwrap().expect("own sidecar written");
    assert_eq!(saved.annotations.len(), 1);
    assert_eq!(saved.annotations[0].labels, ["claim"]);
    assert!(!sidecar::sidecar_path(&articles[1]).exists());

    // Turning team mode off reopens the article with the shared (empty) sidecar.
    let ctx = harness.ctx.clone();
    harness.state_mut().set_team_mode(&ctx, false);
    settle(&mut harness);
    let session = common::session(&harness);
    assert_eq!(
        session.annotations.sidecar_path.as_deref(),
        Some(sidecar::sidecar_path(&articles[1]).as_path())
    );
    assert!(session.annotations.store().annotations().is_empty());
}

#[test]
fn a_new_annotator_name_applies_to_the_open_article_at_once() {
    let (_dir, articles) = team_folder();
    let mut team = settings_by("Sara Ali");
    team.team_mode = true;
    let mut harness = harness(folder_app(team, None), WINDOW);
    harness.state_mut().open_blocking(&articles[1]);
    harness.run_steps(3);
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Annotator Name…").click();
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text("بلال".to_owned()));
    harness.run_steps(2);
    harness.key_press(Key::Enter);
    settle(&mut harness);
    assert_eq!(harness.state().workspace.settings.author, "بلال");
    let session = common::session(&harness);
    assert_eq!(session.annotations.store().author(), "بلال");
    assert_eq!(
        session.annotations.sidecar_path.as_deref(),
        Some(annotator_sidecar_path(&articles[1], "بلال").as_path())
    );
}

#[test]
fn compare_shows_disagreements_and_adjudication_builds_the_gold_sidecar() {
    let (_dir, articles) = team_folder();
    let article = &articles[0];
    let alice = annotator_sidecar_path(article, "alice");
    let bilal = annotator_sidecar_path(article, "بلال");
    write_sidecar(article, &alice, "alice", &[5, 6], &[]);
    write_sidecar(article, &bilal, "بلال", &[5], &[7]);
    let before = (
        std::fs::read(&alice).unwrap(),
        std::fs::read(&bilal).unwrap(),
    );

    let mut app = folder_app(settings_by("adjudicator"), None);
    app.open_blocking(article);
    let mut harness = harness(app, WINDOW);
    harness.run_steps(3);
    harness.get_by_label("Corpus").click();
    harness.run_steps(2);
    harness.get_by_label("Compare Annotators…").click();
    harness.run_steps(4);
    harness.get_by_label_contains(
        "2 annotators: alice, بلال. 3 paragraphs labelled, 2 with disagreement.",
    );
    harness.get_by_label("¶ 7 · disagreement");
    harness.get_by_label("¶ 8 · disagreement");

    let gold = |harness: &Harness<'_, HashiyaApp>, paragraph: usize| -> Vec<String> {
        let store = &common::session(harness).annotations.store();
        store
            .paragraph_annotation(paragraph)
            .map(|a| a.labels.clone())
            .unwrap_or_default()
    };
    // Rows are paragraphs 5, 6, 7: take بلال's «event» for paragraph 7.
    harness.get_all_by_label("Take بلال").nth(2).unwrap().click();
    harness.run_steps(3);
    assert_eq!(gold(&harness, 7), ["event"]);
    harness.get_by_label("بلال (chosen)");
    // Merge paragraph 6 (alice: claim, بلال: nothing).
    harness.get_all_by_label("Merge").next().unwrap().click();
    harness.run_steps(3);
    assert_eq!(gold(&harness, 6), ["claim"]);

    // Accepting everything from alice is one step, and one Ctrl+Z takes it back.
    harness.get_by_label("Accept all from alice").click();
    harness.run_steps(3);
    assert_eq!(gold(&harness, 5), ["claim"]);
    assert_eq!(gold(&harness, 6), ["claim"]);
    assert!(gold(&harness, 7).is_empty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    assert!(gold(&harness, 5).is_empty());
    assert_eq!(gold(&harness, 7), ["event"]);

    // Saved as the article's ordinary sidecar; the annotators' files are untouched.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(3);
    let (saved, _) = sidecar::read(&sidecar::sidecar_path(article))
        .unwrap()
        .expect("gold sidecar written");
    let mut labelled: Vec<(usize, Vec<String>)> = saved
        .annotations
        .iter()
        .map(|a| (a.target.paragraph, a.labels.clone()))
        .collect();
    labelled.sort();
    assert_eq!(
        labelled,
        [(6, vec!["claim".to_owned()]), (7, vec!["event".to_owned()])]
    );
    assert_eq!(
        (
            std::fs::read(&alice).unwrap(),
            std::fs::read(&bilal).unwrap()
        ),
        before
    );

    // Only disagreements: paragraph 5 (both gave claim) is hidden.
    harness.get_by_label("Only disagreements").click();
    harness.run_steps(3);
    assert!(harness.query_by_label("¶ 6").is_none());
    assert!(harness.query_by_label("¶ 7 · disagreement").is_some());
}

#[test]
fn adjudication_decides_paragraph_labels_and_keeps_the_gold_passages() {
    let (_dir, articles) = team_folder();
    let article = &articles[0];
    write_sidecar(
        article,
        &annotator_sidecar_path(article, "alice"),
        "alice",
        &[7],
        &[],
    );
    write_sidecar(
        article,
        &annotator_sidecar_path(article, "بلال"),
        "بلال",
        &[],
        &[7],
    );
    let mut app = folder_app(settings_by("adjudicator"), None);
    app.open_blocking(article);
    // The adjudicator already marked a passage of paragraph 7 as a claim.
    let session = app.workspace.session.as_mut().unwrap();
    let start = session.document.paragraphs[7].byte_range.start;
    // Ten characters in (byte offsets must fall between characters).
    let end = start
        + session.document.text[start..]
            .char_indices()
            .nth(10)
            .unwrap()
            .0;
    let passage = TargetKey::Span {
        paragraph: 7,
        bytes: start..end,
    };
    session
        .annotations
        .apply(
            &session.document,
            Edit::ToggleLabel {
                target: passage,
                label: "claim".to_owned(),
            },
        )
        .unwrap();
    let mut harness = harness(app, WINDOW);
    harness.run_steps(3);
    harness.get_by_label("Corpus").click();
    harness.run_steps(2);
    harness.get_by_label("Compare Annotators…").click();
    harness.run_steps(4);
    harness.get_by_label("+ 1 passage annotation (kept)");

    // Taking بلال's «event» decides the paragraph: shown as chosen, the passage untouched.
    harness.get_by_label("Take بلال").click();
    harness.run_steps(3);
    harness.get_by_label("بلال (chosen)");
    let store = &common::session(&harness).annotations.store();
    assert_eq!(store.paragraph_annotation(7).unwrap().labels, ["event"]);
    let passages: Vec<_> = store
        .for_paragraph(7)
        .filter(|a| a.target.kind == TargetKind::Span)
        .collect();
    assert_eq!(passages.len(), 1);
    assert_eq!(passages[0].labels, ["claim"]);
}

#[test]
fn the_agreement_window_shows_the_folder_table() {
    let (dir, articles) = team_folder();
    write_sidecar(
        &articles[0],
        &annotator_sidecar_path(&articles[0], "alice"),
        "alice",
        &[5, 6, 9],
        &[7],
    );
    write_sidecar(
        &articles[0],
        &annotator_sidecar_path(&articles[0], "bilal"),
        "bilal",
        &[5, 9],
        &[7, 8],
    );
    let expected = hashiya::corpus::folder_agreement(dir.path());
    let mut harness = harness(
        folder_app(settings_by("x"), Some(dir.path().to_owned())),
        WINDOW,
    );
    open_folder_from_menu(&mut harness);
    harness.get_by_label("Corpus").click();
    harness.run_steps(2);
    harness.get_by_label("Agreement…").click();
    harness.run_steps(2);
    wait_for_agreement(&mut harness);
    harness.run_steps(3);
    let report = harness
        .state()
        .windows
        .agreement
        .as_ref()
        .unwrap()
        .report
        .clone();
    assert_eq!(report.as_ref(), Some(&expected));
    harness.get_by_label_contains("over 1 article(s) annotated by 2 annotator(s): alice, bilal");
    let alpha = expected.overall.krippendorff_alpha.unwrap();
    assert!(
        harness
            .query_all_by_label(&format!("{alpha:.3}"))
            .next()
            .is_some(),
        "overall alpha {alpha:.3} shown"
    );
    harness.get_by_label("Krippendorff's alpha");
}

#[test]
fn the_agreement_window_accounts_for_orphans_and_links_to_them() {
    let (dir, articles) = team_folder();
    write_sidecar(
        &articles[0],
        &annotator_sidecar_path(&articles[0], "alice"),
        "alice",
        &[5, 6, 9],
        &[7],
    );
    write_sidecar(
        &articles[0],
        &annotator_sidecar_path(&articles[0], "bilal"),
        "bilal",
        &[5, 9],
        &[7, 8],
    );
    // A newer copy of the article without paragraph 6: alice's claim there is orphaned.
    let document = hashiya::document::load(&articles[0]).unwrap();
    let dropped = document.paragraph_text(6).unwrap().to_owned();
    let text = std::fs::read_to_string(&articles[0]).unwrap();
    std::fs::write(&articles[0], text.replacen(&format!("{dropped}\n"), "", 1)).unwrap();

    let mut harness = harness(
        folder_app(settings_by("x"), Some(dir.path().to_owned())),
        WINDOW,
    );
    open_folder_from_menu(&mut harness);
    harness.get_by_label("Corpus").click();
    harness.run_steps(2);
    harness.get_by_label("Agreement…").click();
    harness.run_steps(2);
    wait_for_agreement(&mut harness);
    harness.run_steps(3);
    let report = harness
        .state()
        .windows
        .agreement
        .as_ref()
        .unwrap()
        .report
        .clone()
        .unwrap();
    assert_eq!(report.annotations["alice"].counted, 3);
    assert_eq!(report.annotations["alice"].orphaned, 1);
    harness.get_by_label_contains(
        "1 annotation left out as orphaned (not placeable in the current text) in a-raqqa.txt",
    );
    // The per-article figure is a link: the article opens with alice's orphan listed.
    // Let the per-article list finish opening before clicking in it.
    harness.run_steps(10);
    harness.get_by_role_and_label(Role::Link, "1").click();
    harness.run_steps(2);
    harness.state_mut().workspace.wait_for_load();
    harness.run_steps(3);
    let open = harness
        .state()
        .workspace
        .session
        .as_ref()
        .and_then(|s| s.document.path.clone());
    assert_eq!(open.as_deref(), Some(articles[0].as_path()));
    harness.get_by_label("Orphaned annotations");
    harness.get_by_label_contains("could not be placed in its current text");
    let excerpt: String = dropped.chars().take(20).collect();
    harness.get_by_label_contains(&excerpt);
}
