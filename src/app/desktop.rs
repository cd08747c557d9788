//! Desktop integration on freedesktop systems: `--install-desktop` puts the launcher entry,
//! the icons and the file associations under the user's XDG data folder so that
//! double-clicking an article opens it in Hashiya; `--uninstall-desktop` takes them away.

use std::path::{Path, PathBuf};

/// The launcher entry shipped in `assets/`.
pub const DESKTOP_ENTRY: &str = include_str!("../../assets/hashiya.desktop");
/// The scalable icon.
pub const ICON_SVG: &[u8] = include_bytes!("../../assets/icons/hashiya.svg");
/// Raster icons by size in pixels.
pub const ICON_PNGS: [(u32, &[u8]); 7] = [
    (16, include_bytes!("../../assets/icons/hashiya-16.png")),
    (32, include_bytes!("../../assets/icons/hashiya-32.png")),
    (48, include_bytes!("../../assets/icons/hashiya-48.png")),
    (64, include_bytes!("../../assets/icons/hashiya-64.png")),
    (128, include_bytes!("../../assets/icons/hashiya-128.png")),
    (256, include_bytes!("../../assets/icons/hashiya-256.png")),
    (512, include_bytes!("../../assets/icons/hashiya-512.png")),
];
/// File name of the installed entry; also the application id.
pub const DESKTOP_FILE_NAME: &str = "hashiya.desktop";
/// The MIME types Hashiya opens.
pub const MIME_TYPES: [&str; 4] = [
    "text/plain",
    "text/markdown",
    "text/html",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
];

/// What went wrong while installing or removing the desktop integration.
#[derive(Debug, thiserror::Error)]
pub enum DesktopError {
    #[error("no home folder: set HOME or XDG_DATA_HOME")]
    NoDataHome,
    #[error("could not write ({source}): {}", path.display())]
    Write {
        source: std::io::Error,
        path: PathBuf,
    },
    #[error("could not remove ({source}): {}", path.display())]
    Remove {
        source: std::io::Error,
        path: PathBuf,
    },
    #[error("could not read ({source}): {}", path.display())]
    Read {
        source: std::io::Error,
        path: PathBuf,
    },
}

/// The XDG data folder: `$XDG_DATA_HOME`, or `~/.local/share`.
pub fn data_home() -> Result<PathBuf, DesktopError> {
    if let Some(dir) = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(|home| PathBuf::from(home).join(".local/share"))
        .ok_or(DesktopError::NoDataHome)
}

/// Quotes an argument for a desktop entry's `Exec` key (freedesktop "Exec key" rules).
fn quote_exec_argument(argument: &str) -> String {
    let needs_quotes = argument
        .chars()
        .any(|c| c.is_whitespace() || "\"'\\><~|&;$*?#()`".contains(c));
    if !needs_quotes {
        return argument.replace('%', "%%");
    }
    let mut quoted = String::from("\"");
    for c in argument.chars() {
        match c {
            '"' | '`' | '$' | '\\' => {
                quoted.push('\\');
                quoted.push(c);
            }
            '%' => quoted.push_str("%%"),
            _ => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// The installed files, relative to the data folder.
fn installed_files() -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = ICON_PNGS
        .iter()
        .map(|(size, bytes)| {
            (
                PathBuf::from(format!("icons/hicolor/{size}x{size}/apps/hashiya.png")),
                bytes.to_vec(),
            )
        })
        .collect();
    files.push((
        PathBuf::from("icons/hicolor/scalable/apps/hashiya.svg"),
        ICON_SVG.to_vec(),
    ));
    files
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), DesktopError> {
    let error = |source| DesktopError::Write {
        source,
        path: path.to_owned(),
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(error)?;
    }
    std::fs::write(path, bytes).map_err(error)
}

/// Installs the launcher entry (running `executable`), icons and MIME associations under
/// `data_home`. Returns the paths written.
pub fn install(data_home: &Path, executable: &Path) -> Result<Vec<PathBuf>, DesktopError> {
    let mut written = Vec::new();
    let exec = quote_exec_argument(&executable.to_string_lossy());
    let entry = DESKTOP_ENTRY.replace("Exec=hashiya %F", &format!("Exec={exec} %F"));
    let entry_path = data_home.join("applications").join(DESKTOP_FILE_NAME);
    write(&entry_path, entry.as_bytes())?;
    written.push(entry_path);
    for (relative, bytes) in installed_files() {
        let path = data_home.join(relative);
        write(&path, &bytes)?;
        written.push(path);
    }
    let mimeapps = data_home.join("applications/mimeapps.list");
    let old = read_optional(&mimeapps)?;
    write(&mimeapps, with_associations(&old, true).as_bytes())?;
    written.push(mimeapps);
    refresh_caches(data_home);
    Ok(written)
}

/// Removes what [`install`] put under `data_home`, leaving other applications' settings.
/// Returns the paths removed.
pub fn uninstall(data_home: &Path) -> Result<Vec<PathBuf>, DesktopError> {
    let mut removed = Vec::new();
    let mut paths = vec![data_home.join("applications").join(DESKTOP_FILE_NAME)];
    paths.extend(
        installed_files()
            .into_iter()
            .map(|(relative, _)| data_home.join(relative)),
    );
    for path in paths {
        match std::fs::remove_file(&path) {
            Ok(()) => removed.push(path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => return Err(DesktopError::Remove { source, path }),
        }
    }
    let mimeapps = data_home.join("applications/mimeapps.list");
    let old = read_optional(&mimeapps)?;
    if !old.is_empty() {
        let new = with_associations(&old, false);
        if new != old {
            write(&mimeapps, new.as_bytes())?;
            removed.push(mimeapps);
        }
    }
    refresh_caches(data_home);
    Ok(removed)
}

fn read_optional(path: &Path) -> Result<String, DesktopError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(source) => Err(DesktopError::Read {
            source,
            path: path.to_owned(),
        }),
    }
}

/// Rewrites a `mimeapps.list`, adding (or removing) Hashiya as the default and an added
/// association for each of [`MIME_TYPES`], and keeping every other line as it was.
pub fn with_associations(mimeapps: &str, add: bool) -> String {
    let sections = ["[Default Applications]", "[Added Associations]"];
    let mut lines: Vec<String> = mimeapps.lines().map(str::to_owned).collect();
    for section in sections {
        let start = match lines.iter().position(|l| l.trim() == section) {
            Some(idx) => idx,
            None if add => {
                if lines.last().is_some_and(|l| !l.trim().is_empty()) {
                    lines.push(String::new());
                }
                lines.push(section.to_owned());
                lines.len() - 1
            }
            None => continue,
        };
        let end = lines[start + 1..]
            .iter()
            .position(|l| l.trim_start().starts_with('['))
            .map_or(lines.len(), |offset| start + 1 + offset);
        let mut body: Vec<String> = lines[start + 1..end].to_vec();
        for mime in MIME_TYPES {
            let key = format!("{mime}=");
            let existing = body.iter().position(|l| l.trim_start().starts_with(&key));
            let mut apps: Vec<String> = existing
                .map(|idx| {
                    body[idx][key.len()..]
                        .split(';')
                        .map(str::trim)
                        .filter(|a| !a.is_empty() && *a != DESKTOP_FILE_NAME)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default();
            if add {
                apps.insert(0, DESKTOP_FILE_NAME.to_owned());
            }
            let line = format!("{key}{};", apps.join(";"));
            match (existing, apps.is_empty()) {
                (Some(idx), true) => {
                    body.remove(idx);
                }
                (Some(idx), false) => body[idx] = line,
                (None, false) => {
                    let insert_at = body
                        .iter()
                        .rposition(|l| !l.trim().is_empty())
                        .map_or(0, |i| i + 1);
                    body.insert(insert_at, line);
                }
                (None, true) => {}
            }
        }
        lines.splice(start + 1..end, body);
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// Tells the desktop about new entries and icons when the usual tools are installed. Their
/// absence is no error: desktops also rescan on their own.
fn refresh_caches(data_home: &Path) {
    let run = |program: &str, args: &[&std::ffi::OsStr]| match std::process::Command::new(program)
        .args(args)
        .output()
    {
        Ok(output) if !output.status.success() => log::info!(
            "{program} failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ),
        Ok(_) => {}
        Err(error) => log::debug!("{program} not run: {error}"),
    };
    let applications = data_home.join("applications");
    run("update-desktop-database", &[applications.as_os_str()]);
    let icons = data_home.join("icons/hicolor");
    run(
        "gtk-update-icon-cache",
        &["-f".as_ref(), "-t".as_ref(), icons.as_os_str()],
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exec_arguments_are_quoted_when_needed() {
        assert_eq!(quote_exec_argument("/usr/bin/hashiya"), "/usr/bin/hashiya");
        assert_eq!(
            quote_exec_argument("/home/u/مجلد فيه مسافة/hashiya"),
            "\"/home/u/مجلد فيه مسافة/hashiya\""
        );
        assert_eq!(quote_exec_argument("/a/$b"), "\"/a/\\$b\"");
    }

    #[test]
    fn associations_are_added_and_removed_without_touching_other_lines() {
        let before = "[Default Applications]\ntext/plain=gedit.desktop;\nimage/png=eog.desktop;\n";
        let added = with_associations(before, true);
        assert!(added.contains("text/plain=hashiya.desktop;gedit.desktop;"));
        assert!(added.contains("image/png=eog.desktop;"));
        assert!(added.contains("[Added Associations]"));
        assert!(added.contains("text/markdown=hashiya.desktop;"));
        // Installing twice changes nothing more.
        assert_eq!(with_associations(&added, true), added);
        let removed = with_associations(&added, false);
        assert!(removed.contains("text/plain=gedit.desktop;"));
        assert!(!removed.contains("hashiya"));
        assert!(removed.contains("image/png=eog.desktop;"));
    }
}
