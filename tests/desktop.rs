//! `hashiya --install-desktop [--default-for TYPES]` and `--uninstall-desktop` with every
//! XDG folder pointed at a temporary one: a plain install offers Hashiya without changing any
//! default; `--default-for` changes only the types named and records what it replaced;
//! uninstalling restores the user's `mimeapps.list` byte for byte. The end-to-end check asks
//! `xdg-mime` (xdg-utils) for the default application before and after; `.ci/run` installs
//! it and sets `HASHIYA_REQUIRE_E2E=1`, which turns its absence into a failure.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A home of temporary XDG folders: the user's data and config folders and a system data
/// and config folder (so that nothing on this machine is read or written).
struct Home {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

impl Home {
    fn new(name: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join(name);
        for sub in [
            "data",
            "config",
            "system-data/applications",
            "system-config",
        ] {
            std::fs::create_dir_all(root.join(sub)).unwrap();
        }
        Self { _dir: dir, root }
    }

    fn data(&self) -> PathBuf {
        self.root.join("data")
    }

    fn config(&self) -> PathBuf {
        self.root.join("config")
    }

    fn mimeapps(&self) -> PathBuf {
        self.config().join("mimeapps.list")
    }

    /// A command with only this home's environment.
    fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &self.root)
            .env("XDG_DATA_HOME", self.data())
            .env("XDG_CONFIG_HOME", self.config())
            .env("XDG_DATA_DIRS", self.root.join("system-data"))
            .env("XDG_CONFIG_DIRS", self.root.join("system-config"));
        command
    }

    fn hashiya(&self, args: &[&str]) -> Output {
        let output = self
            .command(env!("CARGO_BIN_EXE_hashiya"))
            .args(args)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "hashiya {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        output
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// A user's list as desktops write it, with comments, other sections and other apps.
const USER_LIST: &str = "# Chosen in the file manager\n\
[Default Applications]\n\
text/plain=org.gnome.gedit.desktop;\n\
text/html=firefox-esr.desktop;\n\
image/png=org.gnome.eog.desktop;\n\
\n\
[Added Associations]\n\
# mousepad too\n\
text/plain=org.gnome.gedit.desktop;mousepad.desktop;\n\
application/pdf=evince.desktop;\n\
\n\
[Removed Associations]\n\
text/markdown=libreoffice-writer.desktop;\n";

#[test]
fn a_plain_install_into_a_fresh_config_folder_offers_hashiya_and_sets_no_default() {
    let home = Home::new("بيت فيه مسافة");
    let output = home.hashiya(&["--install-desktop"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("no default application was changed"),
        "{stdout}"
    );

    let entry = read(&home.data().join("applications/hashiya.desktop"));
    let exe = std::fs::canonicalize(env!("CARGO_BIN_EXE_hashiya")).unwrap();
    assert!(
        entry.contains(&format!("Exec={} %F", exe.display())),
        "{entry}"
    );
    assert!(entry.contains(&format!(
        "MimeType=text/plain;text/markdown;text/html;{DOCX};"
    )));
    for size in [16, 32, 48, 64, 128, 256, 512] {
        let icon = home
            .data()
            .join(format!("icons/hicolor/{size}x{size}/apps/hashiya.png"));
        assert!(std::fs::read(&icon).unwrap().starts_with(b"\x89PNG"));
    }
    assert!(read(&home.data().join("icons/hicolor/scalable/apps/hashiya.svg")).contains("<svg"));

    let list = read(&home.mimeapps());
    assert_eq!(
        list,
        format!(
            "[Added Associations]\ntext/plain=hashiya.desktop;\ntext/markdown=hashiya.desktop;\n\
             text/html=hashiya.desktop;\n{DOCX}=hashiya.desktop;\n"
        )
    );
    // Nothing in the deprecated place, and no desktop database that would rank Hashiya first.
    assert!(!home.data().join("applications/mimeapps.list").exists());
    assert!(!home.data().join("applications/mimeinfo.cache").exists());

    home.hashiya(&["--uninstall-desktop"]);
    assert!(!home.data().join("applications/hashiya.desktop").exists());
    assert!(
        !home
            .data()
            .join("icons/hicolor/48x48/apps/hashiya.png")
            .exists()
    );
    // There was no mimeapps.list before; there is none after.
    assert!(!home.mimeapps().exists());
    assert!(
        !home
            .data()
            .join("hashiya/desktop-associations.json")
            .exists()
    );
}

#[test]
fn defaults_change_only_for_the_named_types_and_uninstalling_restores_the_list_exactly() {
    let home = Home::new("home");
    std::fs::create_dir_all(home.config()).unwrap();
    std::fs::write(home.mimeapps(), USER_LIST).unwrap();

    home.hashiya(&["--install-desktop"]);
    let registered = read(&home.mimeapps());
    // The defaults are untouched, byte for byte.
    assert!(registered.starts_with(
        "# Chosen in the file manager\n[Default Applications]\n\
         text/plain=org.gnome.gedit.desktop;\ntext/html=firefox-esr.desktop;\n\
         image/png=org.gnome.eog.desktop;\n\n[Added Associations]\n"
    ));
    // Hashiya is added after the apps already listed; taking its entries out again gives
    // back every other byte.
    assert!(
        registered
            .contains("text/plain=org.gnome.gedit.desktop;mousepad.desktop;hashiya.desktop;\n")
    );
    let without: String = registered
        .replace("hashiya.desktop;", "")
        .split_inclusive('\n')
        .filter(|line| !line.trim_end().ends_with('='))
        .collect();
    assert_eq!(without, USER_LIST);

    home.hashiya(&["--install-desktop", "--default-for", "txt,md"]);
    let defaults = read(&home.mimeapps());
    let section = |name: &str| -> Vec<String> {
        defaults
            .split(name)
            .nth(1)
            .unwrap()
            .split("\n[")
            .next()
            .unwrap()
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(
        section("[Default Applications]\n"),
        [
            "text/plain=hashiya.desktop;org.gnome.gedit.desktop;",
            "text/html=firefox-esr.desktop;",
            "image/png=org.gnome.eog.desktop;",
            "text/markdown=hashiya.desktop;",
        ]
    );
    assert_eq!(
        section("[Removed Associations]\n"),
        ["text/markdown=libreoffice-writer.desktop;"]
    );
    assert!(
        home.data()
            .join("hashiya/desktop-associations.json")
            .is_file()
    );
    // Asking again changes nothing.
    home.hashiya(&["--install-desktop", "--default-for", "md"]);
    assert_eq!(read(&home.mimeapps()), defaults);

    home.hashiya(&["--uninstall-desktop"]);
    assert_eq!(read(&home.mimeapps()), USER_LIST);
}

#[test]
fn uninstalling_after_the_user_changed_the_list_keeps_their_changes() {
    let home = Home::new("home");
    std::fs::write(home.mimeapps(), USER_LIST).unwrap();
    home.hashiya(&["--install-desktop", "--default-for", "txt,html"]);
    // The desktop's settings change another default, and the user picks another app for
    // .txt files; Hashiya is still the default for .html.
    let edited = read(&home.mimeapps())
        .replace(
            "image/png=org.gnome.eog.desktop;",
            "image/png=gimp.desktop;",
        )
        .replace(
            "text/plain=hashiya.desktop;org.gnome.gedit.desktop;",
            "text/plain=mousepad.desktop;",
        );
    assert!(edited.contains("text/html=hashiya.desktop;firefox-esr.desktop;"));
    std::fs::write(home.mimeapps(), &edited).unwrap();

    home.hashiya(&["--uninstall-desktop"]);
    let expected = USER_LIST
        .replace(
            "image/png=org.gnome.eog.desktop;",
            "image/png=gimp.desktop;",
        )
        .replace(
            "text/plain=org.gnome.gedit.desktop;\n",
            "text/plain=mousepad.desktop;\n",
        );
    assert_eq!(read(&home.mimeapps()), expected);
}

#[test]
fn installing_takes_out_the_defaults_older_versions_set_in_the_deprecated_list() {
    let home = Home::new("home");
    let legacy = home.data().join("applications/mimeapps.list");
    std::fs::create_dir_all(legacy.parent().unwrap()).unwrap();
    std::fs::write(
        &legacy,
        "[Default Applications]\ntext/plain=hashiya.desktop;gedit.desktop;\n\
         image/png=eog.desktop;\ntext/html=hashiya.desktop;\n\
         [Added Associations]\ntext/plain=hashiya.desktop;\n",
    )
    .unwrap();
    home.hashiya(&["--install-desktop"]);
    assert_eq!(
        read(&legacy),
        "[Default Applications]\ntext/plain=gedit.desktop;\nimage/png=eog.desktop;\n\
         [Added Associations]\n"
    );
}

#[test]
fn unknown_types_are_refused_before_anything_is_written() {
    let home = Home::new("home");
    let output = home
        .command(env!("CARGO_BIN_EXE_hashiya"))
        .args(["--install-desktop", "--default-for", "txt,pdf"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("\"pdf\""), "{stderr}");
    assert!(!home.data().join("applications/hashiya.desktop").exists());
    assert!(!home.mimeapps().exists());
    // --default-for alone is a usage error.
    let output = home
        .command(env!("CARGO_BIN_EXE_hashiya"))
        .args(["--default-for", "txt"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

/// Whether `xdg-mime` can be run; a failure when `HASHIYA_REQUIRE_E2E` is set.
fn xdg_mime_available() -> bool {
    let found = Command::new("xdg-mime")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("HASHIYA_REQUIRE_E2E").is_none(),
            "xdg-mime missing (apt-get install xdg-utils)"
        );
        eprintln!("skipped: xdg-mime missing");
    }
    found
}

fn query_default(home: &Home, mime: &str) -> String {
    let output = home
        .command("xdg-mime")
        .args(["query", "default", mime])
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

fn write_app(folder: &Path, name: &str, types: &str) {
    std::fs::create_dir_all(folder).unwrap();
    std::fs::write(
        folder.join(name),
        format!("[Desktop Entry]\nType=Application\nName={name}\nExec=true %U\nMimeType={types}\n"),
    )
    .unwrap();
}

/// Prepares a home the way a desktop might have left it.
type Setup<'a> = &'a dyn Fn(&Home);

#[test]
fn xdg_mime_gives_the_same_default_before_and_after_a_plain_install() {
    if !xdg_mime_available() {
        return;
    }
    // (what the user's desktop looks like, the default xdg-mime should report)
    let cases: [(&str, Setup, &str); 4] = [
        ("no default chosen anywhere", &|_| {}, "browser.desktop"),
        (
            "the user chose one",
            &|home| {
                std::fs::write(
                    home.mimeapps(),
                    "[Default Applications]\ntext/html=other-browser.desktop;\n",
                )
                .unwrap();
            },
            "other-browser.desktop",
        ),
        (
            "the system chose one",
            &|home| {
                std::fs::write(
                    home.root.join("system-config/mimeapps.list"),
                    "[Default Applications]\ntext/html=other-browser.desktop;\n",
                )
                .unwrap();
            },
            "other-browser.desktop",
        ),
        (
            "the user has a desktop database of their own",
            &|home| {
                let applications = home.data().join("applications");
                write_app(&applications, "viewer.desktop", "image/png;");
                std::fs::write(
                    applications.join("mimeinfo.cache"),
                    "[MIME Cache]\nimage/png=viewer.desktop;\n",
                )
                .unwrap();
            },
            "browser.desktop",
        ),
    ];
    for (case, setup, expected) in cases {
        let home = Home::new("home");
        let system = home.root.join("system-data/applications");
        write_app(&system, "browser.desktop", "text/html;text/plain;");
        write_app(&system, "other-browser.desktop", "text/html;");
        std::fs::write(
            system.join("mimeinfo.cache"),
            "[MIME Cache]\ntext/html=browser.desktop;other-browser.desktop;\n\
             text/plain=browser.desktop;\n",
        )
        .unwrap();
        std::fs::create_dir_all(home.config()).unwrap();
        setup(&home);

        let before = query_default(&home, "text/html");
        assert_eq!(before, expected, "{case}: before installing");
        home.hashiya(&["--install-desktop"]);
        assert_eq!(
            query_default(&home, "text/html"),
            before,
            "{case}: after a plain install"
        );
        assert_eq!(
            query_default(&home, "text/plain"),
            "browser.desktop",
            "{case}"
        );
        // The check can tell: asked to, Hashiya does become the default.
        home.hashiya(&["--install-desktop", "--default-for", "html"]);
        assert_eq!(
            query_default(&home, "text/html"),
            "hashiya.desktop",
            "{case}: after --default-for html"
        );
        assert_eq!(
            query_default(&home, "text/plain"),
            "browser.desktop",
            "{case}"
        );
        home.hashiya(&["--uninstall-desktop"]);
        assert_eq!(
            query_default(&home, "text/html"),
            before,
            "{case}: after uninstalling"
        );
    }
}
