//! The `hashiya` binary's headless commands `info` and `layout --visual` (`--install-desktop` is in
//! `tests/desktop.rs`).

mod common;

use std::process::Command;

use common::corpus;

fn hashiya() -> Command {
    Command::new(env!("CARGO_BIN_EXE_hashiya"))
}

#[test]
fn info_prints_format_encoding_title_and_paragraph_count_as_json() {
    let output = hashiya()
        .arg("info")
        .arg(corpus(
            "legacy_encoding/charset_normalizer_sample-arabic-1_cp1256.txt",
        ))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let info: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(info["format"], "plain-text");
    assert_eq!(info["encoding"], "windows-1256");
    assert_eq!(info["paragraphs"], 3);
    assert!(
        info["title"]
            .as_str()
            .unwrap()
            .starts_with("بالموازاة مع ذلك")
    );

    let output = hashiya()
        .args(["info", "--encoding", "ISO-8859-6"])
        .arg(corpus("news/alaraby_2016-10-25_paris_coalition_raqqa.txt"))
        .output()
        .unwrap();
    // The chosen encoding is obeyed (and reported), even when it is the wrong one.
    assert!(output.status.success());
    let info: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(info["encoding"], "ISO-8859-6");
    assert!(!info["title"].as_str().unwrap().contains("اجتماع"));
}

#[test]
fn info_fails_with_a_message_and_nonzero_exit_on_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("فارغ.txt");
    std::fs::write(&empty, "").unwrap();
    for (path, expected) in [
        (dir.path().join("missing.txt"), "does not exist"),
        (empty, "empty"),
        (dir.path().to_owned(), "folder"),
    ] {
        let output = hashiya().arg("info").arg(&path).output().unwrap();
        assert_eq!(output.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(expected) && stderr.contains(&path.display().to_string()),
            "{stderr}"
        );
        assert!(output.stdout.is_empty());
    }
}

/// `text` with its characters in reverse order: an Arabic word as it stands on screen, read
/// from left to right.
fn reversed(text: &str) -> String {
    text.chars().rev().collect()
}

#[test]
fn layout_visual_prints_each_paragraph_in_on_screen_order() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("repro.txt");
    // The lines of issue #23, one with an LRM and one with an isolate, and a Latin line.
    let text = "الطرح (Private Placement)، وهو\n\
                قال (AFP)، إن\n\
                قال\u{200E} (خاص)، وهو\n\
                Name: \u{2067}سلام\u{2069} 3 items\n";
    std::fs::write(&file, text).unwrap();
    let output = hashiya()
        .args(["layout", "--visual"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    // Brackets are printed as drawn, mirrored in right-to-left text; the comma stands outside
    // them; the LRM and the isolate controls are left out.
    let expected = [
        format!(
            "{} ،(Private Placement) {}",
            reversed("وهو"),
            reversed("الطرح")
        ),
        format!("{} ،(AFP) {}", reversed("إن"), reversed("قال")),
        format!(
            "{} ،({}) {}",
            reversed("وهو"),
            reversed("خاص"),
            reversed("قال")
        ),
        format!("Name: {} 3 items", reversed("سلام")),
    ];
    assert_eq!(lines, expected);

    let output = hashiya()
        .args(["layout", "--visual"])
        .arg(dir.path().join("missing.txt"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("missing.txt"), "{stderr}");

    let output = hashiya().args(["layout", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&output.stdout);
    assert!(
        help.contains("--visual") && help.contains("left to right"),
        "{help}"
    );
}

#[test]
fn help_documents_the_builtin_dialogs_flag() {
    let output = hashiya().arg("--help").output().unwrap();
    assert!(output.status.success());
    let help = String::from_utf8_lossy(&output.stdout);
    assert!(help.contains("--builtin-dialogs"), "{help}");
    assert!(help.contains("Hashiya's own file dialog"), "{help}");
}

/// `hashiya` with the messages' locale set to `lang` alone.
fn hashiya_in(lang: &str) -> Command {
    let mut command = hashiya();
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang);
    command
}

#[test]
fn messages_follow_the_locale_and_machine_output_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("مقالة.txt");
    let text = "اجتماع باريس\n\nقال وزير الخارجية في باريس إن التحالف سيواصل عمله.\n";
    std::fs::write(&article, text).unwrap();
    let shown = article.display().to_string();

    // An error of the command line's own: Arabic under an Arabic locale, still naming the
    // file; English, as before, under the C locale.
    let output = hashiya_in("ar_EG.UTF-8")
        .arg("agreement")
        .arg(&article)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("hashiya: ليس مجلدًا: ") && stderr.contains(&shown),
        "{stderr}"
    );
    let output = hashiya_in("C")
        .arg("agreement")
        .arg(&article)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        format!("hashiya: not a folder: {shown}\n")
    );
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let output = hashiya_in("ar_EG.UTF-8")
        .args(["export", "--format", "csv"])
        .arg(&empty)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("لا توجد ملفات تعليقات") && stderr.contains(&empty.display().to_string()),
        "{stderr}"
    );

    // A summary: Arabic plurals and digits, and the Arabic list separator; English as before.
    let entity = |n: usize, word: &str, label: &str| {
        let start = text[..text.find(word).unwrap()].chars().count();
        format!(
            "T{n}\t{label} {start} {}\t{word}\n",
            start + word.chars().count()
        )
    };
    let ann = dir.path().join("entities.ann");
    std::fs::write(
        &ann,
        [
            entity(1, "وزير الخارجية", "PERS"),
            entity(2, "باريس إن", "GPE"),
            entity(3, "التحالف", "ORG"),
        ]
        .concat(),
    )
    .unwrap();
    let import = |lang: &str, annotator: &str| {
        let output = hashiya_in(lang)
            .args(["import", "--format", "brat", "--annotator", annotator])
            .arg(&article)
            .arg(&ann)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    // Arguments are isolated (U+2068 … U+2069) in right-to-left messages.
    let arabic = import("ar_EG.UTF-8", "sara").replace(['\u{2068}', '\u{2069}'], "");
    assert!(
        arabic.starts_with("استُورد إلى ")
            && arabic.contains("مقالة.txt.annotations.sara.json")
            && arabic.contains(": ٣ مقاطع ولا علاقات\n")
            && arabic.contains("، "),
        "{arabic}"
    );
    let english = import("C", "omar");
    let sidecar = dir.path().join("مقالة.txt.annotations.omar.json");
    assert!(
        english.starts_with(&format!(
            "imported 3 passages and 0 relations into {}\n",
            sidecar.display()
        )),
        "{english}"
    );

    // The JSON of `info` is the same in every locale, digits included.
    let info = |lang: &str| {
        let output = hashiya_in(lang).arg("info").arg(&article).output().unwrap();
        assert!(output.status.success());
        output.stdout
    };
    let arabic = info("ar_EG.UTF-8");
    assert_eq!(arabic, info("C"));
    let json: serde_json::Value = serde_json::from_slice(&arabic).unwrap();
    assert_eq!(json["paragraphs"], 2);
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::io::Read;
    // `hashiya layout --visual big.txt | head -c 4096`: the reader closes the pipe long before
    // the output ends, which a command-line tool takes quietly.
    let mut child = hashiya()
        .args(["layout", "--visual"])
        .arg(corpus("large/snn_2015-07-23_all_1318_articles.txt"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut start = [0u8; 4096];
    child.stdout.take().unwrap().read_exact(&mut start).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{:?}: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

/// `hashiya --help` and each command's help speak the interface language; under the C
/// locale they are clap's English as the doc comments give it, unchanged.
#[test]
fn help_follows_the_locale() {
    use clap::CommandFactory as _;
    let help = |lang: &str, args: &[&str]| {
        let output = hashiya_in(lang).args(args).output().unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    let english = help("C", &["--help"]);
    // No long help at the top: `--help` is the short page, as `-h`.
    let expected = hashiya::cli::Cli::command().render_help().to_string();
    assert_eq!(english.trim_end(), expected.trim_end());
    assert!(english.starts_with(
        "Read and annotate Arabic news articles, right-to-left, with JSON sidecars\n\nUsage: hashiya"
    ));
    assert_eq!(help("C", &["-h"]), english);

    let arabic = help("ar_EG.UTF-8", &["--help"]);
    for expected in [
        "قراءة المقالات الإخبارية العربية",
        "الاستخدام: hashiya [OPTIONS] [PATHS]...",
        "\nالأوامر:\n",
        "\nالوسائط:\n",
        "\nالخيارات:\n",
        "طباعة المساعدة",
        "--install-desktop",
    ] {
        assert!(arabic.contains(expected), "{expected}: {arabic}");
    }
    for english in ["Usage:", "Print help", "Options:", "Measure agreement"] {
        assert!(!arabic.contains(english), "{english}: {arabic}");
    }
    let agreement = help("ar_EG.UTF-8", &["agreement", "--help"]);
    for expected in [
        "قياس الاتفاق بين المُعلِّقين",
        "ومع --level span",
        "القيم الممكنة:",
        "- span:      المقاطع",
        "[الافتراضي: paragraph]",
    ] {
        assert!(agreement.contains(expected), "{expected}: {agreement}");
    }
    let english_agreement = help("C", &["agreement", "--help"]);
    assert!(english_agreement.contains("- span:      Spans: passage annotations (span F1, γ, αU)"));
    assert!(english_agreement.contains("[default: paragraph]"));
}

/// A command line clap cannot parse is refused in the interface language: the argument or
/// value, the possible values, clap's suggestion and the usage line, with status 2. Under the
/// C locale the text is clap's own English, unchanged.
#[test]
fn parse_errors_follow_the_locale() {
    let refused = |lang: &str, args: &[&str]| {
        let output = hashiya_in(lang).args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{output:?}");
        assert!(output.stdout.is_empty(), "{output:?}");
        // Fluent isolates each argument (U+2068 … U+2069) inside right-to-left text.
        String::from_utf8(output.stderr)
            .unwrap()
            .replace(['\u{2068}', '\u{2069}'], "")
    };
    let cases: [(&[&str], &[&str]); 5] = [
        (
            &["--bogus"],
            &[
                "خطأ: وسيط غير متوقَّع: '--bogus'",
                "تلميح: لتمرير '--bogus' قيمةً استعمل '-- --bogus'",
                "الاستخدام: hashiya [OPTIONS] [PATHS]...",
            ],
        ),
        (
            &["agreement", "--levle", "span", "x"],
            &[
                "وسيط غير متوقَّع: '--levle'",
                "تلميح: يوجد وسيط مشابه: '--level'",
                "الاستخدام: hashiya agreement",
            ],
        ),
        (
            &["agreement", "--level", "spam", "x"],
            &[
                "خطأ: القيمة 'spam' غير صالحة للوسيط '--level <LEVEL>'",
                "[القيم الممكنة: paragraph, span]",
                "تلميح: توجد قيمة مشابهة: 'span'",
            ],
        ),
        (
            &["agreement", "--seed", "ثلاثة", "x"],
            &["خطأ: القيمة 'ثلاثة' غير صالحة للوسيط '--seed <SEED>': "],
        ),
        (
            &["import", "--format", "brat"],
            &["خطأ: لم تُعطَ هذه الوسائط المطلوبة:\n  <ARTICLE>\n  <FILE>"],
        ),
    ];
    for (args, expected) in cases {
        let arabic = refused("ar_EG.UTF-8", args);
        for expected in expected {
            assert!(arabic.contains(expected), "{args:?}: {expected}\n{arabic}");
        }
        assert!(
            arabic.ends_with("\n\nلمزيد من المعلومات جرّب '--help'.\n"),
            "{args:?}: {arabic}"
        );
        for english in [
            "error:",
            "tip:",
            "Usage:",
            "For more information",
            "possible values",
        ] {
            assert!(!arabic.contains(english), "{args:?}: {english}\n{arabic}");
        }
        let english = refused("C", args);
        assert!(english.starts_with("error: "), "{args:?}: {english}");
        assert!(
            english.ends_with("For more information, try '--help'.\n"),
            "{args:?}: {english}"
        );
    }
    assert!(refused("C", &["--bogus"]).starts_with("error: unexpected argument '--bogus' found"));
}

/// Why an import line is refused is told in the interface language, with the line number in
/// its digits; in English as before.
#[test]
fn import_line_errors_follow_the_locale() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("مقالة.txt");
    std::fs::write(&article, "اجتماع باريس\n\nقال وزير الخارجية في باريس.\n").unwrap();
    let ann = dir.path().join("entities.ann");
    std::fs::write(&ann, "T1\tPERS 4 x\tوزير\n").unwrap();
    let import = |lang: &str| {
        let output = hashiya_in(lang)
            .args(["import", "--format", "brat"])
            .arg(&article)
            .arg(&ann)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        String::from_utf8(output.stderr).unwrap()
    };
    assert_eq!(
        import("C"),
        format!(
            "hashiya: the offsets \"4 x\" are not numbers (line 1): {}\n",
            ann.display()
        )
    );
    let arabic = import("ar_EG.UTF-8").replace(['\u{2068}', '\u{2069}'], "");
    assert_eq!(
        arabic,
        format!(
            "hashiya: الإزاحتان \"4 x\" ليستا عددين (السطر ١): {}\n",
            ann.display()
        )
    );
}
