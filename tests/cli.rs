//! The `hashiya` binary's headless commands and flags: `info`, `--help`, `--install-desktop`,
//! `--uninstall-desktop`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn hashiya() -> Command {
    Command::new(env!("CARGO_BIN_EXE_hashiya"))
}

fn corpus(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(relative)
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

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn install_and_uninstall_desktop_integration_into_the_xdg_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data home");
    std::fs::create_dir_all(data.join("applications")).unwrap();
    std::fs::write(
        data.join("applications/mimeapps.list"),
        "[Default Applications]\nimage/png=eog.desktop;\n",
    )
    .unwrap();
    let output = hashiya()
        .arg("--install-desktop")
        .env("XDG_DATA_HOME", &data)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let entry = read(&data.join("applications/hashiya.desktop"));
    let exe = std::fs::canonicalize(env!("CARGO_BIN_EXE_hashiya")).unwrap();
    assert!(
        entry.contains(&format!("Exec={} %F", exe.display())),
        "{entry}"
    );
    assert!(entry.contains("MimeType=text/plain;text/markdown;text/html;application/vnd.openxmlformats-officedocument.wordprocessingml.document;"));
    assert!(entry.contains("Categories=Office;Education;"));
    assert!(entry.contains("Icon=hashiya"));
    for size in [16, 32, 48, 64, 128, 256, 512] {
        let icon = data.join(format!("icons/hicolor/{size}x{size}/apps/hashiya.png"));
        assert!(
            std::fs::read(&icon).unwrap().starts_with(b"\x89PNG"),
            "{}",
            icon.display()
        );
    }
    assert!(read(&data.join("icons/hicolor/scalable/apps/hashiya.svg")).contains("<svg"));
    let mimeapps = read(&data.join("applications/mimeapps.list"));
    assert!(mimeapps.contains("text/plain=hashiya.desktop;"));
    assert!(mimeapps.contains(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document=hashiya.desktop;"
    ));
    assert!(
        mimeapps.contains("image/png=eog.desktop;"),
        "other associations kept"
    );

    let output = hashiya()
        .arg("--uninstall-desktop")
        .env("XDG_DATA_HOME", &data)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(!data.join("applications/hashiya.desktop").exists());
    assert!(!data.join("icons/hicolor/48x48/apps/hashiya.png").exists());
    let mimeapps = read(&data.join("applications/mimeapps.list"));
    assert!(!mimeapps.contains("hashiya"), "{mimeapps}");
    assert!(mimeapps.contains("image/png=eog.desktop;"));
}

#[test]
fn help_documents_the_builtin_dialogs_flag() {
    let output = hashiya().arg("--help").output().unwrap();
    assert!(output.status.success());
    let help = String::from_utf8_lossy(&output.stdout);
    assert!(help.contains("--builtin-dialogs"), "{help}");
    assert!(help.contains("Hashiya's own file dialog"), "{help}");
}
