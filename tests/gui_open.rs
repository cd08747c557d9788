//! Ways into an article through the GUI: File ▸ Open (with a fixed picker standing in for the
//! dialog), drag and drop, Open Recent, reopening where the reader left off, choosing an
//! encoding, and a clear message when a file cannot be read.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hashiya::app::{FixedPicker, HashiyaApp, Settings};

use common::{app, corpus, open_path, settle};

const WINDOW: egui::Vec2 = egui::vec2(1000.0, 800.0);

fn app_with_picker(answer: Option<PathBuf>) -> HashiyaApp {
    let mut app = app(Settings::default()).with_picker(FixedPicker {
        article: answer,
        ..FixedPicker::default()
    });
    app.show_document(hashiya::app::sample_document());
    app
}

#[test]
fn ctrl_o_opens_the_picked_article() {
    let path = corpus("news/snn_alweeam_2015-08-08_1017_iphone6s_slash.txt");
    let mut harness = common::harness(app_with_picker(Some(path.clone())), WINDOW);
    harness.run_steps(2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    settle(&mut harness);
    assert_eq!(open_path(&harness), Some(path));
    harness.get_by_label_contains("مصادر : أبل تكشف النقاب");
    assert_eq!(harness.state().workspace.settings.recent_files.len(), 1);
}

#[test]
fn file_open_from_the_menu_and_a_cancelled_dialog() {
    let mut harness = common::harness(app_with_picker(None), WINDOW);
    harness.run_steps(2);
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Open…").click();
    settle(&mut harness);
    // Cancelling changes nothing: the sample is still there, no error.
    assert_eq!(open_path(&harness), None);
    assert!(harness.state().workspace.session.is_some());
    assert!(harness.state().workspace.message.is_none());
}

#[test]
fn a_file_that_cannot_be_read_leaves_the_open_article_and_explains_why() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("صورة.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let mut harness = common::harness(app_with_picker(Some(binary.clone())), WINDOW);
    harness.run_steps(2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    settle(&mut harness);
    assert!(
        harness.state().workspace.session.is_some(),
        "the sample stays open"
    );
    assert_eq!(open_path(&harness), None);
    let message = harness.state().workspace.message.clone().unwrap();
    assert!(
        message.contains("binary") && message.contains("صورة.txt"),
        "{message}"
    );
    harness.get_by_label_contains("looks like binary data");
    harness.get_by_label("Dismiss").click();
    harness.run_steps(2);
    assert!(harness.state().workspace.message.is_none());
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_file_on_the_window_opens_it() {
    let path = corpus("news/talaa_saidziani_algeria_short_news.txt");
    let mut harness = common::harness(app_with_picker(None), WINDOW);
    harness.run_steps(2);
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.clone())));
    settle(&mut harness);
    assert_eq!(open_path(&harness), Some(path));
}

#[test]
fn reopening_an_article_returns_to_where_the_reader_left_it() {
    let path = corpus("news/snn_aawsat_2015-07-21_481_long_5136w_politics.txt");
    let other = corpus("news/talaa_saidziani_algeria_short_news.txt");
    let mut harness = common::harness(app_with_picker(None), WINDOW);
    harness.state_mut().open_blocking(&path);
    harness.run_steps(2);
    for _ in 0..40 {
        harness.key_press(egui::Key::J);
        harness.run_steps(1);
    }
    harness.run_steps(4);
    let selected = common::session(&harness).reader.selected;
    assert_eq!(selected, Some(39));
    let first_visible = common::session(&harness).reader.first_visible();
    assert!(
        first_visible > 20,
        "scrolled down to follow the selection: {first_visible}"
    );

    harness.state_mut().open_blocking(&other);
    harness.run_steps(2);
    harness.state_mut().open_blocking(&path);
    harness.run_steps(6);
    let session = common::session(&harness);
    assert_eq!(session.reader.selected, Some(39));
    assert!(
        session.reader.first_visible().abs_diff(first_visible) <= 1,
        "left at {first_visible}, back at {}",
        session.reader.first_visible()
    );
    // The selected paragraph is on screen again.
    let text = session.document.paragraph_text(39).unwrap().to_owned();
    harness.get_by_role_and_label(Role::Paragraph, &text);
}

#[test]
fn open_recent_lists_files_and_drops_missing_ones_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let doomed = dir.path().join("سيحذف.txt");
    std::fs::copy(
        corpus("news/talaa_saidziani_algeria_short_news.txt"),
        &doomed,
    )
    .unwrap();
    let kept = corpus("news/snn_alweeam_2015-08-08_1017_iphone6s_slash.txt");
    let mut harness = common::harness(app_with_picker(None), WINDOW);
    harness.state_mut().open_blocking(&doomed);
    harness.state_mut().open_blocking(&kept);
    harness.run_steps(2);
    assert_eq!(
        harness.state().workspace.settings.recent_files,
        [kept.clone(), doomed.clone()]
    );
    std::fs::remove_file(&doomed).unwrap();

    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Open Recent").click();
    harness.run_steps(2);
    harness.get_by_label("سيحذف.txt").click();
    harness.run_steps(2);
    assert_eq!(harness.state().workspace.settings.recent_files, [kept]);
    assert!(
        harness
            .state()
            .workspace
            .message
            .as_ref()
            .unwrap()
            .contains("no longer exists")
    );
}

#[test]
fn view_encoding_reopens_the_article_with_the_chosen_encoding() {
    let path = corpus("legacy_encoding/charset_normalizer_sample-arabic-1_cp1256.txt");
    let mut harness = common::harness(app_with_picker(None), WINDOW);
    harness.state_mut().open_blocking(&path);
    harness.run_steps(2);
    harness.get_by_label_contains("windows-1256");
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Encoding").click();
    harness.run_steps(2);
    harness.get_by_label("UTF-8").click();
    settle(&mut harness);
    let session = common::session(&harness);
    assert_eq!(session.document.encoding_name, "UTF-8");
    assert_eq!(session.chosen_encoding, Some(encoding_rs::UTF_8));
    // Windows-1256 bytes read as UTF-8 turn into replacement characters.
    assert!(
        session.document.text.contains('\u{FFFD}') || harness.state().workspace.message.is_some()
    );
}

#[test]
fn view_encoding_is_disabled_for_word_rtf_and_pdf_articles() {
    use egui_kittest::kittest::NodeT as _;
    let bundles = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bundles");
    let mut articles = vec![
        (
            bundles.join("article-1256.rtf"),
            hashiya::document::Format::Rtf,
        ),
        (
            bundles.join("nexis-uni.docx"),
            hashiya::document::Format::Docx,
        ),
    ];
    // The PDF reader needs pdftotext (CI installs poppler-utils).
    if std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok()
    {
        articles.push((
            bundles.join("visual-order.pdf"),
            hashiya::document::Format::Pdf,
        ));
    }
    let disabled = |harness: &Harness<'_, HashiyaApp>, label: &str| {
        // The status bar may name the encoding too; the menu's is the radio button.
        harness
            .get_all_by_label(label)
            .find(|n| n.accesskit_node().role() == Role::RadioButton)
            .unwrap()
            .accesskit_node()
            .is_disabled()
    };
    for (path, format) in articles {
        let mut harness = common::harness(app_with_picker(None), WINDOW);
        harness.state_mut().open_blocking(&path);
        harness.run_steps(2);
        assert_eq!(common::session(&harness).document.format, format);
        harness.get_by_label("View").click();
        harness.run_steps(2);
        harness.get_by_label("Encoding").click();
        harness.run_steps(2);
        assert!(disabled(&harness, "UTF-8"), "{}", path.display());
        assert!(disabled(&harness, "ISO-8859-6"), "{}", path.display());
        harness.get_by_label_contains("say how their text is encoded");
        // Asked for anyway, the article is not reopened, and the message says why.
        harness
            .state_mut()
            .push(hashiya::app::Command::ReopenWithEncoding(Some(
                encoding_rs::UTF_8,
            )));
        harness.run_steps(2);
        assert!(!harness.state().workspace.is_loading());
        assert_eq!(common::session(&harness).chosen_encoding, None);
        let message = common::message(&harness);
        assert!(
            message.contains("say how their text is encoded"),
            "{message}"
        );
    }
    // A text article keeps the choice.
    let text = corpus("legacy_encoding/charset_normalizer_sample-arabic-1_cp1256.txt");
    let mut harness = common::harness(app_with_picker(None), WINDOW);
    harness.state_mut().open_blocking(&text);
    harness.run_steps(2);
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Encoding").click();
    harness.run_steps(2);
    assert!(!disabled(&harness, "UTF-8"));
    assert!(
        harness
            .query_by_label_contains("say how their text is encoded")
            .is_none()
    );
}

/// An app whose desktop files are in `root` (data and config folders), opening `article`
/// from the (fixed) Open dialog.
fn app_with_desktop(root: &Path, article: &Path, settings: Settings) -> HashiyaApp {
    app(settings)
        .with_picker(FixedPicker {
            article: Some(article.to_owned()),
            ..FixedPicker::default()
        })
        .with_xdg_dirs(hashiya::app::desktop::XdgDirs::under(root))
}

fn open_from_dialog(harness: &mut Harness<'_, HashiyaApp>) {
    harness.run_steps(2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    settle(harness);
}

const OFFER: &str = "Open .txt articles with Hashiya by default?";

#[test]
fn after_an_article_opens_hashiya_offers_once_to_be_the_default_and_yes_makes_it_so() {
    use hashiya::app::desktop;
    let dir = tempfile::tempdir().unwrap();
    let dirs = desktop::XdgDirs::under(dir.path());
    let article = dir.path().join("خبر.txt");
    std::fs::copy(
        corpus("news/snn_alweeam_2015-08-08_1017_iphone6s_slash.txt"),
        &article,
    )
    .unwrap();
    // Not installed: no offer.
    let mut harness = common::harness(
        app_with_desktop(dir.path(), &article, Settings::default()),
        WINDOW,
    );
    open_from_dialog(&mut harness);
    assert!(harness.state().workspace.session.is_some());
    assert!(harness.query_by_label(OFFER).is_none());
    assert_eq!(harness.state().default_offer_pending(), None);

    // Installed, with another default for .txt: offered.
    desktop::install(&dirs, Path::new("/usr/bin/hashiya")).unwrap();
    let user_list = "[Default Applications]\ntext/plain=gedit.desktop;\n";
    std::fs::write(dirs.mimeapps_path(), user_list).unwrap();
    let registered = std::fs::read_to_string(dirs.mimeapps_path()).unwrap();
    let mut harness = common::harness(
        app_with_desktop(dir.path(), &article, Settings::default()),
        WINDOW,
    );
    open_from_dialog(&mut harness);
    harness.get_by_label(OFFER);
    // "Not now": gone for this run, still not answered.
    harness.get_by_label("Not now").click();
    harness.run_steps(2);
    assert!(harness.query_by_label(OFFER).is_none());
    assert_eq!(
        harness.state().workspace.settings.default_app_offer,
        hashiya::app::DefaultAppOffer::NotAsked
    );
    open_from_dialog(&mut harness);
    assert!(harness.query_by_label(OFFER).is_none(), "once per run");
    assert_eq!(
        std::fs::read_to_string(dirs.mimeapps_path()).unwrap(),
        registered,
        "nothing written without a Yes"
    );

    // The next run asks again; Yes makes Hashiya the default for .txt only.
    let mut harness = common::harness(
        app_with_desktop(dir.path(), &article, Settings::default()),
        WINDOW,
    );
    open_from_dialog(&mut harness);
    harness.get_by_label("Yes").click();
    harness.run_steps(2);
    assert!(harness.query_by_label(OFFER).is_none());
    assert_eq!(
        harness.state().workspace.settings.default_app_offer,
        hashiya::app::DefaultAppOffer::Accepted
    );
    assert_eq!(
        desktop::default_application(&dirs, "text/plain").as_deref(),
        Some("hashiya.desktop")
    );
    assert_eq!(desktop::default_application(&dirs, "text/html"), None);
    harness.get_by_label_contains("Hashiya now opens .txt files by default");
    // Uninstalling gives back the user's default.
    desktop::uninstall(&dirs).unwrap();
    assert_eq!(
        std::fs::read_to_string(dirs.mimeapps_path()).unwrap(),
        user_list
    );
}

#[test]
fn no_is_remembered_and_an_existing_default_is_not_offered_again() {
    use hashiya::app::desktop;
    let dir = tempfile::tempdir().unwrap();
    let dirs = desktop::XdgDirs::under(dir.path());
    let article = dir.path().join("a.txt");
    std::fs::copy(
        corpus("news/snn_alweeam_2015-08-08_1017_iphone6s_slash.txt"),
        &article,
    )
    .unwrap();
    desktop::install(&dirs, Path::new("/usr/bin/hashiya")).unwrap();
    let mut harness = common::harness(
        app_with_desktop(dir.path(), &article, Settings::default()),
        WINDOW,
    );
    open_from_dialog(&mut harness);
    harness.get_by_label("No").click();
    harness.run_steps(2);
    let settings = harness.state().workspace.settings.clone();
    assert_eq!(
        settings.default_app_offer,
        hashiya::app::DefaultAppOffer::Declined
    );
    assert_eq!(desktop::default_application(&dirs, "text/plain"), None);
    // A later run with the remembered answer does not ask.
    let mut harness = common::harness(app_with_desktop(dir.path(), &article, settings), WINDOW);
    open_from_dialog(&mut harness);
    assert!(harness.state().workspace.session.is_some());
    assert!(harness.query_by_label(OFFER).is_none());

    // Already the default: not offered either.
    desktop::make_default(&dirs, &["text/plain"]).unwrap();
    let mut harness = common::harness(
        app_with_desktop(dir.path(), &article, Settings::default()),
        WINDOW,
    );
    open_from_dialog(&mut harness);
    assert!(harness.state().workspace.session.is_some());
    assert_eq!(harness.state().default_offer_pending(), None);
}
