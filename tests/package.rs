//! The Debian package's pieces, checked without building it: the assets listed under
//! `[package.metadata.deb]` exist and cover every icon size the app itself installs; the
//! desktop entry, the `AppStream` metainfo and the app agree on names and file types; the
//! copyright file carries the fonts' licence as shipped; `hashiya package-files` writes a
//! manual page per command and completions that know the commands; and `--install-desktop`
//! says so when a package already installed the entry. `.ci/run` builds and installs the
//! package itself and checks the installed files (its "package" section).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use hashiya::app::desktop;

fn repo(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn read(relative: &str) -> String {
    std::fs::read_to_string(repo(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// The `assets` of `[package.metadata.deb]` as (source, destination) pairs.
fn deb_assets() -> Vec<(String, String)> {
    let manifest = read("Cargo.toml");
    let section = manifest
        .split("[package.metadata.deb]")
        .nth(1)
        .expect("Cargo.toml has [package.metadata.deb]");
    let list = section
        .split("assets = [")
        .nth(1)
        .expect("[package.metadata.deb] lists assets")
        .split("\n]")
        .next()
        .unwrap();
    list.lines()
        .filter_map(|line| line.trim().strip_prefix("[\""))
        .map(|entry| {
            let fields: Vec<&str> = entry.split('"').collect();
            // ["source", "destination", "mode"] splits as source, `, `, destination, …
            (fields[0].to_owned(), fields[2].to_owned())
        })
        .collect()
}

fn destination_of(source: &str) -> String {
    deb_assets()
        .into_iter()
        .find(|(s, _)| s == source)
        .unwrap_or_else(|| panic!("no asset {source} in [package.metadata.deb]"))
        .1
}

/// The value of `key=` in the desktop entry.
fn entry_value(entry: &str, key: &str) -> String {
    entry
        .lines()
        .find_map(|line| line.strip_prefix(&format!("{key}=")))
        .unwrap_or_else(|| panic!("no {key}= in the desktop entry"))
        .to_owned()
}

fn xml_element<'a>(xml: &'a str, tag: &str) -> &'a str {
    xml.split(&format!("<{tag}"))
        .nth(1)
        .and_then(|rest| rest.split_once('>'))
        .and_then(|(_, rest)| rest.split(&format!("</{tag}>")).next())
        .unwrap_or_else(|| panic!("no <{tag}> in the metainfo"))
}

#[test]
fn every_asset_from_the_source_tree_exists() {
    let assets = deb_assets();
    assert!(assets.len() > 10, "{assets:?}");
    for (source, destination) in &assets {
        // Files under target/release/ are built or generated before packaging.
        if source.starts_with("target/release/") {
            continue;
        }
        assert!(repo(source).is_file(), "{source} (for /{destination})");
    }
}

#[test]
fn the_package_installs_the_binary_entry_metainfo_manual_and_completions() {
    let destinations: BTreeSet<String> = deb_assets().into_iter().map(|(_, d)| d).collect();
    for expected in [
        "usr/bin/",
        "usr/share/applications/",
        "usr/share/metainfo/",
        "usr/share/man/man1/",
        "usr/share/bash-completion/completions/hashiya",
        "usr/share/zsh/vendor-completions/",
        "usr/share/fish/vendor_completions.d/",
    ] {
        assert!(
            destinations.contains(expected),
            "{expected}: {destinations:?}"
        );
    }
    assert_eq!(
        destination_of("target/release/hashiya"),
        "usr/bin/",
        "the binary"
    );
    // Generated files come from where `hashiya package-files` puts them.
    for (_, name) in hashiya::packaging::SHELLS {
        let source = format!("target/release/package-files/completions/{name}");
        destination_of(&source);
    }
    destination_of("target/release/package-files/man/*.1.gz");
}

#[test]
fn the_package_has_an_icon_for_every_size_the_app_installs() {
    for (size, bytes) in desktop::ICON_PNGS {
        let source = format!("assets/icons/hashiya-{size}.png");
        assert_eq!(
            destination_of(&source),
            format!("usr/share/icons/hicolor/{size}x{size}/apps/hashiya.png")
        );
        assert_eq!(std::fs::read(repo(&source)).unwrap(), bytes, "{source}");
    }
    assert_eq!(
        destination_of("assets/icons/hashiya.svg"),
        "usr/share/icons/hicolor/scalable/apps/hashiya.svg"
    );
    let icons_in_assets = std::fs::read_dir(repo("assets/icons")).unwrap().count();
    assert_eq!(icons_in_assets, desktop::ICON_PNGS.len() + 1);
}

#[test]
fn the_packaged_entry_is_the_one_the_app_installs_and_opens_every_article_type() {
    let packaged = read("assets/hashiya.desktop");
    assert_eq!(packaged, desktop::DESKTOP_ENTRY);
    assert_eq!(
        destination_of("assets/hashiya.desktop"),
        "usr/share/applications/"
    );
    assert_eq!(entry_value(&packaged, "Exec"), "hashiya %F");
    assert_eq!(entry_value(&packaged, "Icon"), "hashiya");
    let mime_types: BTreeSet<String> = entry_value(&packaged, "MimeType")
        .split(';')
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect();
    for (extension, mime) in desktop::MIME_TYPES {
        assert!(mime_types.contains(mime), ".{extension}: {mime_types:?}");
    }
    assert!(mime_types.contains("application/rtf"), "{mime_types:?}");
    // A PDF opens as an article (its text layer), so it is offered under "Open With" too.
    assert!(mime_types.contains("application/pdf"), "{mime_types:?}");
}

#[test]
fn the_metainfo_names_the_desktop_entry_and_the_binary() {
    let file_name = "io.github.hashiya.Hashiya.metainfo.xml";
    let metainfo = read(&format!("assets/{file_name}"));
    assert_eq!(
        format!("{}.metainfo.xml", xml_element(&metainfo, "id")),
        file_name
    );
    assert_eq!(
        destination_of(&format!("assets/{file_name}")),
        "usr/share/metainfo/"
    );
    assert_eq!(
        xml_element(&metainfo, "launchable"),
        desktop::DESKTOP_FILE_NAME
    );
    assert_eq!(xml_element(&metainfo, "binary"), "hashiya");
    assert_eq!(
        xml_element(&metainfo, "name"),
        entry_value(desktop::DESKTOP_ENTRY, "Name")
    );
    assert!(metainfo.contains("<content_rating type=\"oars-1.1\""));
    // Every screenshot named is in the repository, where the published address points.
    let screenshots: Vec<&str> = metainfo
        .split("<image>")
        .skip(1)
        .map(|rest| rest.split("</image>").next().unwrap())
        .collect();
    assert!(!screenshots.is_empty());
    for url in screenshots {
        let relative = url
            .split_once("/main/")
            .unwrap_or_else(|| panic!("{url}"))
            .1;
        assert!(repo(relative).is_file(), "{url}");
    }
    assert!(
        metainfo.contains(&format!(
            "<release version=\"{}\"",
            env!("CARGO_PKG_VERSION")
        )),
        "the metainfo's release is the crate's version"
    );
}

#[test]
fn the_copyright_file_carries_the_fonts_licence_as_shipped() {
    let copyright = read("assets/debian/copyright");
    assert!(copyright.starts_with("Format: https://www.debian.org/doc/packaging-manuals/"));
    // The licence text as a copyright file holds it: one space in front, "." for blank lines.
    let as_in_copyright = |text: &str| -> String {
        text.lines()
            .map(|line| {
                let line = line.trim_end();
                if line.is_empty() {
                    " .".to_owned()
                } else {
                    format!(" {line}")
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    for (licence, fonts) in [
        ("fonts/OFL-Noto.txt", "NotoNaskhArabic-Regular.ttf"),
        ("fonts/OFL-Amiri.txt", "Amiri-Regular.ttf"),
        ("fonts/OFL-Vazirmatn.txt", "Vazirmatn-Regular.ttf"),
    ] {
        let text = read(licence);
        let body = &text[text.find("-----").unwrap()..];
        assert!(
            copyright.contains(&format!("License: OFL-1.1\n{}", as_in_copyright(body))),
            "{licence}"
        );
        assert!(copyright.contains(&format!("fonts/{fonts}")), "{fonts}");
        assert_eq!(destination_of(licence), "usr/share/doc/hashiya/");
    }
    // Every font compiled in is covered.
    for font in std::fs::read_dir(repo("fonts")).unwrap() {
        let name = font.unwrap().file_name().into_string().unwrap();
        if Path::new(&name)
            .extension()
            .is_some_and(|extension| extension == "ttf")
        {
            assert!(copyright.contains(&format!("fonts/{name}")), "{name}");
        }
    }
}

#[test]
fn package_files_writes_a_manual_page_per_command_and_completions() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("أ b");
    let output = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .arg("package-files")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut pages: Vec<String> = std::fs::read_dir(out.join("man"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    pages.sort();
    // One page per subcommand the command line shows (from its clap definition).
    let cli = <hashiya::cli::Cli as clap::CommandFactory>::command();
    let commands: Vec<&str> = cli
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(clap::Command::get_name)
        .collect();
    let mut expected: Vec<String> = commands.iter().map(|c| format!("hashiya-{c}.1")).collect();
    assert!(expected.len() >= 4, "{expected:?}");
    expected.push("hashiya.1".to_owned());
    expected.sort();
    assert_eq!(pages, expected, "the hidden command has no page");

    let main_page = std::fs::read_to_string(out.join("man/hashiya.1")).unwrap();
    assert!(main_page.starts_with(".ie") || main_page.contains(".TH hashiya 1"));
    assert!(main_page.contains("\\-\\-install\\-desktop"), "{main_page}");
    assert!(main_page.contains("hashiya\\-export(1)"), "{main_page}");
    assert!(!main_page.contains("package\\-files"), "{main_page}");
    let export_page = std::fs::read_to_string(out.join("man/hashiya-export.1")).unwrap();
    assert!(export_page.contains("\\-\\-format"), "{export_page}");

    for (_, name) in hashiya::packaging::SHELLS {
        let script = std::fs::read_to_string(out.join("completions").join(name)).unwrap();
        for command in &commands {
            assert!(script.contains(command), "{name} lacks {command}");
        }
        assert!(script.contains("install-desktop"), "{name}");
    }
    // The shells themselves accept the scripts, where they are installed.
    for (shell, name) in [
        ("bash", "hashiya.bash"),
        ("zsh", "_hashiya"),
        ("fish", "hashiya.fish"),
    ] {
        let Ok(status) = Command::new(shell)
            .arg("-n")
            .arg(out.join("completions").join(name))
            .status()
        else {
            eprintln!("{shell} not installed: syntax not checked");
            continue;
        };
        assert!(status.success(), "{shell} -n {name}");
    }
}

#[test]
fn package_files_names_the_folder_it_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a file");
    std::fs::write(&file, "").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .arg("package-files")
        .arg(&file)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("a file"), "{stderr}");
}

/// `--install-desktop` with every XDG folder under `root` and `system` as the system data
/// folder; returns its standard output.
fn install_desktop(root: &Path, system: &Path) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .arg("--install-desktop")
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", root)
        .env("XDG_DATA_HOME", root.join("data"))
        .env("XDG_CONFIG_HOME", root.join("config"))
        .env("XDG_DATA_DIRS", system)
        .env("XDG_CONFIG_DIRS", root.join("system-config"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn install_desktop_says_so_when_a_package_installed_the_entry() {
    let dir = tempfile::tempdir().unwrap();
    let system = dir.path().join("usr share");
    std::fs::create_dir_all(system.join("applications")).unwrap();

    let without = install_desktop(&dir.path().join("first"), &system);
    assert!(!without.contains("already installed"), "{without}");

    let packaged_entry = system.join("applications/hashiya.desktop");
    std::fs::write(&packaged_entry, desktop::DESKTOP_ENTRY).unwrap();
    let with = install_desktop(&dir.path().join("second"), &system);
    assert!(with.contains("already installed for all users"), "{with}");
    assert!(
        with.contains(&packaged_entry.display().to_string()),
        "{with}"
    );
    // The user's own entry is still installed, as asked.
    assert!(
        dir.path()
            .join("second/data/applications/hashiya.desktop")
            .is_file()
    );
}
