//! Desktop integration on freedesktop systems. `--install-desktop` puts the launcher entry
//! and the icons under the user's XDG data folder and *registers* Hashiya for the article
//! types (the entry's `MimeType=` key and an `[Added Associations]` entry in
//! `$XDG_CONFIG_HOME/mimeapps.list`; see `refresh_caches` for why the user's desktop
//! database is left alone), so that it is offered under "Open With" without taking over
//! anything. Becoming the default application for a type is
//! a separate, explicit step ([`make_default`]: `--default-for`, or the window's offer); the
//! defaults it replaces are recorded so that `--uninstall-desktop` puts them back exactly.
//!
//! Every edit of a `mimeapps.list` changes only Hashiya's own entries: other lines, comments,
//! sections and line endings stay byte for byte as they were.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::tr;

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
/// The MIME types Hashiya opens, with the file extension that names each on the command
/// line (`--default-for txt,md`).
pub const MIME_TYPES: [(&str, &str); 4] = [
    ("txt", "text/plain"),
    ("md", "text/markdown"),
    ("html", "text/html"),
    (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
];

const DEFAULT_APPLICATIONS: &str = "[Default Applications]";
const ADDED_ASSOCIATIONS: &str = "[Added Associations]";

/// What went wrong while installing or removing the desktop integration.
#[derive(Debug)]
pub enum DesktopError {
    NoHome,
    Write {
        source: std::io::Error,
        path: PathBuf,
    },
    Remove {
        source: std::io::Error,
        path: PathBuf,
    },
    Read {
        source: std::io::Error,
        path: PathBuf,
    },
    Record {
        source: serde_json::Error,
        path: PathBuf,
    },
    UnknownType(String),
    NoTypes,
}

/// The error in the interface language (the window and the command line show it).
impl std::fmt::Display for DesktopError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Self::NoHome => tr!("offer-error-no-home"),
            Self::Write { source, path } => {
                tr!("offer-error-write", error = source.to_string(), path = path)
            }
            Self::Remove { source, path } => {
                tr!(
                    "offer-error-remove",
                    error = source.to_string(),
                    path = path
                )
            }
            Self::Read { source, path } => {
                tr!("offer-error-read", error = source.to_string(), path = path)
            }
            Self::Record { source, path } => {
                tr!(
                    "offer-error-record",
                    error = source.to_string(),
                    path = path
                )
            }
            Self::UnknownType(name) => tr!("offer-error-unknown-type", name = format!("{name:?}")),
            Self::NoTypes => tr!("offer-error-no-types"),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for DesktopError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Write { source, .. }
            | Self::Remove { source, .. }
            | Self::Read { source, .. } => Some(source),
            Self::Record { source, .. } => Some(source),
            Self::NoHome | Self::UnknownType(_) | Self::NoTypes => None,
        }
    }
}

/// The freedesktop base folders that desktop integration reads and writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct XdgDirs {
    /// `$XDG_DATA_HOME` (`~/.local/share`): the entry, icons and Hashiya's record.
    pub data_home: PathBuf,
    /// `$XDG_CONFIG_HOME` (`~/.config`): the user's `mimeapps.list`.
    pub config_home: PathBuf,
    /// `$XDG_CONFIG_DIRS` (`/etc/xdg`): system `mimeapps.list` files, read only.
    pub config_dirs: Vec<PathBuf>,
    /// `$XDG_DATA_DIRS` (`/usr/local/share:/usr/share`): system applications, read only.
    pub data_dirs: Vec<PathBuf>,
    /// `$XDG_CURRENT_DESKTOP`, lower-cased: desktop-specific `<desktop>-mimeapps.list` files.
    pub desktops: Vec<String>,
}

fn env_dir(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
}

fn env_list(name: &str, default: &str) -> Vec<PathBuf> {
    let value = std::env::var(name)
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| default.to_owned());
    value
        .split(':')
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .collect()
}

impl XdgDirs {
    /// The folders named by the environment, with the specification's defaults.
    pub fn from_env() -> Result<Self, DesktopError> {
        let home = env_dir("HOME");
        let data_home = env_dir("XDG_DATA_HOME")
            .or_else(|| home.as_ref().map(|h| h.join(".local/share")))
            .ok_or(DesktopError::NoHome)?;
        let config_home = env_dir("XDG_CONFIG_HOME")
            .or_else(|| home.as_ref().map(|h| h.join(".config")))
            .ok_or(DesktopError::NoHome)?;
        let desktops = std::env::var("XDG_CURRENT_DESKTOP")
            .unwrap_or_default()
            .split(':')
            .filter(|d| !d.is_empty())
            .map(str::to_lowercase)
            .collect();
        Ok(Self {
            data_home,
            config_home,
            config_dirs: env_list("XDG_CONFIG_DIRS", "/etc/xdg"),
            data_dirs: env_list("XDG_DATA_DIRS", "/usr/local/share:/usr/share"),
            desktops,
        })
    }

    /// Folders for tests and other callers that know where everything is: `root/data` and
    /// `root/config` for the user, and no system folders.
    pub fn under(root: &Path) -> Self {
        Self {
            data_home: root.join("data"),
            config_home: root.join("config"),
            config_dirs: Vec::new(),
            data_dirs: Vec::new(),
            desktops: Vec::new(),
        }
    }

    /// The installed launcher entry.
    pub fn entry_path(&self) -> PathBuf {
        self.data_home.join("applications").join(DESKTOP_FILE_NAME)
    }

    /// The user's `mimeapps.list`, where the current specification keeps user choices.
    pub fn mimeapps_path(&self) -> PathBuf {
        self.config_home.join("mimeapps.list")
    }

    /// The older place of the user's `mimeapps.list` (deprecated by the specification; older
    /// Hashiya versions wrote there).
    pub fn legacy_mimeapps_path(&self) -> PathBuf {
        self.data_home.join("applications/mimeapps.list")
    }

    /// Where Hashiya records what it changed in `mimeapps.list`, to undo it exactly.
    pub fn record_path(&self) -> PathBuf {
        self.data_home.join("hashiya/desktop-associations.json")
    }

    /// Every `mimeapps.list` that decides defaults, most important first (freedesktop
    /// "Association between MIME types and applications", 1.0.1).
    fn mimeapps_lookup_order(&self) -> Vec<PathBuf> {
        let named = |dir: &Path| -> Vec<PathBuf> {
            self.desktops
                .iter()
                .map(|d| dir.join(format!("{d}-mimeapps.list")))
                .chain(std::iter::once(dir.join("mimeapps.list")))
                .collect()
        };
        let mut order = Vec::new();
        for dir in std::iter::once(&self.config_home).chain(&self.config_dirs) {
            order.extend(named(dir));
        }
        for dir in std::iter::once(&self.data_home).chain(&self.data_dirs) {
            order.extend(named(&dir.join("applications")));
        }
        order
    }
}

/// The MIME type of a `--default-for` name: an extension Hashiya opens (`txt`, `.md`), or
/// one of its MIME types spelt out.
pub fn mime_type_named(name: &str) -> Option<&'static str> {
    let name = name.trim().trim_start_matches('.').to_ascii_lowercase();
    MIME_TYPES
        .iter()
        .find(|(extension, mime)| *extension == name || *mime == name)
        .map(|(_, mime)| *mime)
        .or_else(|| (name == "markdown").then_some("text/markdown"))
        .or_else(|| (name == "htm").then_some("text/html"))
}

/// The MIME types of a comma-separated `--default-for` list, in order, each once.
pub fn parse_type_list(list: &str) -> Result<Vec<&'static str>, DesktopError> {
    let mut mimes = Vec::new();
    for name in list.split(',').filter(|n| !n.trim().is_empty()) {
        let mime =
            mime_type_named(name).ok_or_else(|| DesktopError::UnknownType(name.to_owned()))?;
        if !mimes.contains(&mime) {
            mimes.push(mime);
        }
    }
    if mimes.is_empty() {
        return Err(DesktopError::NoTypes);
    }
    Ok(mimes)
}

/// The extension shown for a MIME type (`txt` for `text/plain`).
pub fn extension_of(mime: &str) -> Option<&'static str> {
    MIME_TYPES
        .iter()
        .find(|(_, m)| *m == mime)
        .map(|(extension, _)| *extension)
}

/// The MIME type Hashiya registers for an article file, from its extension.
pub fn mime_type_of_file(path: &Path) -> Option<&'static str> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "txt" | "text" => Some("text/plain"),
        "md" | "markdown" => Some("text/markdown"),
        "html" | "htm" | "xhtml" => Some("text/html"),
        "docx" => mime_type_named("docx"),
        _ => None,
    }
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

/// Replaces a file the user owns in one step (a temporary file renamed over it), so that it
/// is never left half written. A symbolic link (dotfile managers use them) is followed, and
/// the file it points to is replaced.
fn replace(path: &Path, text: &str) -> Result<(), DesktopError> {
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let error = |source| DesktopError::Write {
        source,
        path: target.clone(),
    };
    let folder = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder).map_err(error)?;
    let mut temp_name = target.file_name().unwrap_or_default().to_os_string();
    temp_name.push(format!(".hashiya-{}", std::process::id()));
    let temp = target.with_file_name(temp_name);
    let result = std::fs::write(&temp, text).and_then(|()| std::fs::rename(&temp, &target));
    if result.is_err() {
        // The temporary file only holds a copy of what is still in memory.
        std::fs::remove_file(&temp).ok();
    }
    result.map_err(error)
}

fn read_optional(path: &Path) -> Result<Option<String>, DesktopError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(DesktopError::Read {
            source,
            path: path.to_owned(),
        }),
    }
}

/// A line's text without its line ending.
fn content(line: &str) -> &str {
    line.strip_suffix('\n')
        .map_or(line, |l| l.strip_suffix('\r').unwrap_or(l))
}

fn is_header(line: &str) -> bool {
    let text = content(line).trim();
    text.starts_with('[') && text.ends_with(']')
}

/// The MIME type a `type=app;app;` line is about, and its applications.
fn entry_of(line: &str) -> Option<(&str, Vec<&str>)> {
    let text = content(line).trim_start();
    if text.starts_with('#') {
        return None;
    }
    let (key, value) = text.split_once('=')?;
    let apps = value
        .split(';')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .collect();
    Some((key.trim(), apps))
}

/// A `mimeapps.list` as lines, each keeping its own line ending, so that every line Hashiya
/// does not change is written back exactly as it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MimeappsList {
    lines: Vec<String>,
}

impl MimeappsList {
    /// Splits `text` into lines (endings kept).
    pub fn parse(text: &str) -> Self {
        Self {
            lines: text.split_inclusive('\n').map(str::to_owned).collect(),
        }
    }

    /// The file's text.
    pub fn text(&self) -> String {
        self.lines.concat()
    }

    /// The line ending new lines get: the file's own.
    fn newline(&self) -> &'static str {
        if self.lines.iter().any(|l| l.ends_with("\r\n")) {
            "\r\n"
        } else {
            "\n"
        }
    }

    /// The header line of `section` and the end of its body (exclusive).
    fn section(&self, section: &str) -> Option<(usize, usize)> {
        let header = self
            .lines
            .iter()
            .position(|l| is_header(l) && content(l).trim() == section)?;
        let end = self
            .lines
            .iter()
            .skip(header + 1)
            .position(|l| is_header(l))
            .map_or(self.lines.len(), |offset| header + 1 + offset);
        Some((header, end))
    }

    /// The line of `mime` in `section`.
    fn line_of(&self, section: &str, mime: &str) -> Option<usize> {
        let (header, end) = self.section(section)?;
        (header + 1..end).find(|&i| entry_of(&self.lines[i]).is_some_and(|(key, _)| key == mime))
    }

    /// The applications `section` lists for `mime`, in order.
    pub fn apps(&self, section: &str, mime: &str) -> Vec<String> {
        self.line_of(section, mime)
            .and_then(|i| entry_of(&self.lines[i]))
            .map(|(_, apps)| apps.into_iter().map(str::to_owned).collect())
            .unwrap_or_default()
    }

    /// The default application `mime` gets from this file, if it names one.
    pub fn default_for(&self, mime: &str) -> Option<String> {
        self.apps(DEFAULT_APPLICATIONS, mime).into_iter().next()
    }

    /// Adds `section` at the end unless it is there; returns whether it was added.
    fn ensure_section(&mut self, section: &str) -> bool {
        if self.section(section).is_some() {
            return false;
        }
        let newline = self.newline();
        if let Some(last) = self.lines.last_mut() {
            if !last.ends_with('\n') {
                last.push_str(newline);
            }
            if !content(last).trim().is_empty() {
                self.lines.push(newline.to_owned());
            }
        }
        self.lines.push(format!("{section}{newline}"));
        true
    }

    /// Sets the text of `mime`'s line in `section` (added after the section's last entry
    /// when missing); `None` removes the line.
    fn set_line(&mut self, section: &str, mime: &str, text: Option<&str>) {
        let newline = self.newline();
        match (self.line_of(section, mime), text) {
            (Some(i), Some(text)) => {
                let ending = self.lines[i][content(&self.lines[i]).len()..].to_owned();
                self.lines[i] = format!(
                    "{text}{}",
                    if ending.is_empty() { newline } else { &ending }
                );
            }
            (Some(i), None) => {
                self.lines.remove(i);
            }
            (None, Some(text)) => {
                self.ensure_section(section);
                let Some((header, end)) = self.section(section) else {
                    return;
                };
                let at = (header + 1..end)
                    .rev()
                    .find(|&i| !content(&self.lines[i]).trim().is_empty())
                    .map_or(header + 1, |i| i + 1);
                if let Some(previous) = at.checked_sub(1).and_then(|p| self.lines.get_mut(p))
                    && !previous.ends_with('\n')
                {
                    previous.push_str(newline);
                }
                self.lines.insert(at, format!("{text}{newline}"));
            }
            (None, None) => {}
        }
    }

    /// Removes Hashiya from every entry of `section`; entries left with no application go.
    fn remove_hashiya(&mut self, section: &str) {
        let Some((header, end)) = self.section(section) else {
            return;
        };
        for i in (header + 1..end).rev() {
            let Some((mime, apps)) = entry_of(&self.lines[i]) else {
                continue;
            };
            if !apps.contains(&DESKTOP_FILE_NAME) {
                continue;
            }
            let others: Vec<&str> = apps
                .into_iter()
                .filter(|a| *a != DESKTOP_FILE_NAME)
                .collect();
            if others.is_empty() {
                self.lines.remove(i);
                continue;
            }
            let line = content(&self.lines[i]);
            let suffix = format!(";{DESKTOP_FILE_NAME};");
            // Hashiya appended at the end (as `register` does) comes off as it went on.
            let text = match line.strip_suffix(&suffix) {
                Some(rest) if !rest.contains(DESKTOP_FILE_NAME) => format!("{rest};"),
                _ => format!("{mime}={};", others.join(";")),
            };
            let mime = mime.to_owned();
            self.set_line(section, &mime, Some(&text));
        }
    }

    /// Removes `section` when nothing but blank lines is left in it, with the blank line
    /// that was put before it.
    fn remove_section_if_empty(&mut self, section: &str) {
        let Some((header, end)) = self.section(section) else {
            return;
        };
        if (header + 1..end).any(|i| !content(&self.lines[i]).trim().is_empty()) {
            return;
        }
        let mut start = header;
        if start > 0 && content(&self.lines[start - 1]).trim().is_empty() {
            start -= 1;
        }
        self.lines.drain(start..end);
    }

    /// Offers Hashiya for every type it opens (`[Added Associations]`, after any
    /// application already listed, so that their order of preference stays). Returns
    /// whether the section had to be added.
    fn register(&mut self) -> bool {
        let created = self.ensure_section(ADDED_ASSOCIATIONS);
        for (_, mime) in MIME_TYPES {
            if self
                .apps(ADDED_ASSOCIATIONS, mime)
                .iter()
                .any(|a| a == DESKTOP_FILE_NAME)
            {
                continue;
            }
            // Appended to the line as written, so that nothing else in it changes.
            let text = match self.line_of(ADDED_ASSOCIATIONS, mime) {
                Some(i) => {
                    let line = content(&self.lines[i]).trim_end();
                    let separator = if line.ends_with(';') || line.ends_with('=') {
                        ""
                    } else {
                        ";"
                    };
                    format!("{line}{separator}{DESKTOP_FILE_NAME};")
                }
                None => format!("{mime}={DESKTOP_FILE_NAME};"),
            };
            self.set_line(ADDED_ASSOCIATIONS, mime, Some(&text));
        }
        created
    }
}

/// What Hashiya changed in the user's `mimeapps.list`, kept in [`XdgDirs::record_path`] so
/// that uninstalling gives back exactly what was there.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
struct Record {
    /// The file as it was before Hashiya first changed it, as long as nobody else has
    /// changed it since; `None` once someone has.
    original: Option<Snapshot>,
    /// The file as Hashiya last wrote it.
    written: String,
    /// For each type Hashiya was made the default for, the line it replaced (`None`: the
    /// type had no line).
    previous_defaults: BTreeMap<String, Option<String>>,
    /// Sections Hashiya added.
    created_sections: Vec<String>,
}

/// A file's text, or its absence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Snapshot {
    /// The text; `None`: there was no file.
    text: Option<String>,
}

fn read_record(dirs: &XdgDirs) -> Result<Option<Record>, DesktopError> {
    let path = dirs.record_path();
    let Some(text) = read_optional(&path)? else {
        return Ok(None);
    };
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|source| DesktopError::Record { source, path })
}

/// Changes the user's `mimeapps.list` with `edit`, keeping the record up to date. Returns
/// whether the file changed.
fn edit_user_mimeapps(
    dirs: &XdgDirs,
    edit: impl FnOnce(&mut MimeappsList, &mut Record),
) -> Result<bool, DesktopError> {
    let path = dirs.mimeapps_path();
    let current = read_optional(&path)?;
    let mut record = match read_record(dirs)? {
        Some(mut record) => {
            if current.as_deref() != Some(record.written.as_str()) {
                // Someone else changed the file since: the old copy can no longer be put
                // back whole; uninstalling then undoes Hashiya's entries one by one.
                record.original = None;
            }
            record
        }
        None => Record {
            original: Some(Snapshot {
                text: current.clone(),
            }),
            ..Record::default()
        },
    };
    let mut list = MimeappsList::parse(current.as_deref().unwrap_or_default());
    edit(&mut list, &mut record);
    let text = list.text();
    if current.as_deref() == Some(text.as_str()) {
        return Ok(false);
    }
    // The record first: a file changed without its record could not be undone.
    record.written.clone_from(&text);
    let json = serde_json::to_string_pretty(&record).map_err(|source| DesktopError::Record {
        source,
        path: dirs.record_path(),
    })?;
    write(&dirs.record_path(), json.as_bytes())?;
    replace(&path, &text)?;
    Ok(true)
}

/// Installs the launcher entry (running `executable`) and icons under the data folder and
/// offers Hashiya for the article types, changing no default application. Returns the paths
/// written.
pub fn install(dirs: &XdgDirs, executable: &Path) -> Result<Vec<PathBuf>, DesktopError> {
    let mut written = Vec::new();
    let exec = quote_exec_argument(&executable.to_string_lossy());
    let entry = DESKTOP_ENTRY.replace("Exec=hashiya %F", &format!("Exec={exec} %F"));
    let entry_path = dirs.entry_path();
    write(&entry_path, entry.as_bytes())?;
    written.push(entry_path);
    for (relative, bytes) in installed_files() {
        let path = dirs.data_home.join(relative);
        write(&path, &bytes)?;
        written.push(path);
    }
    if edit_user_mimeapps(dirs, |list, record| {
        if list.register()
            && !record
                .created_sections
                .iter()
                .any(|s| s == ADDED_ASSOCIATIONS)
        {
            record.created_sections.push(ADDED_ASSOCIATIONS.to_owned());
        }
    })? {
        written.push(dirs.mimeapps_path());
    }
    if clean_legacy_mimeapps(dirs)? {
        written.push(dirs.legacy_mimeapps_path());
    }
    refresh_caches(&dirs.data_home, true);
    Ok(written)
}

/// Older versions made Hashiya the default in the deprecated `mimeapps.list` under the data
/// folder; their entries (and only theirs) are taken out. Returns whether the file changed.
fn clean_legacy_mimeapps(dirs: &XdgDirs) -> Result<bool, DesktopError> {
    let path = dirs.legacy_mimeapps_path();
    let Some(text) = read_optional(&path)? else {
        return Ok(false);
    };
    let mut list = MimeappsList::parse(&text);
    list.remove_hashiya(DEFAULT_APPLICATIONS);
    list.remove_hashiya(ADDED_ASSOCIATIONS);
    let cleaned = list.text();
    if cleaned == text {
        return Ok(false);
    }
    replace(&path, &cleaned)?;
    Ok(true)
}

/// Makes Hashiya the default application for `mimes` in the user's `mimeapps.list`,
/// recording the defaults it replaces (the applications they named stay listed after
/// Hashiya, as fallbacks). Returns the file written, or `None` when Hashiya already was the
/// default for all of them.
pub fn make_default(dirs: &XdgDirs, mimes: &[&str]) -> Result<Option<PathBuf>, DesktopError> {
    let changed = edit_user_mimeapps(dirs, |list, record| {
        for mime in mimes {
            if list.default_for(mime).as_deref() == Some(DESKTOP_FILE_NAME) {
                continue;
            }
            if list.ensure_section(DEFAULT_APPLICATIONS)
                && !record
                    .created_sections
                    .iter()
                    .any(|s| s == DEFAULT_APPLICATIONS)
            {
                record
                    .created_sections
                    .push(DEFAULT_APPLICATIONS.to_owned());
            }
            let previous = list
                .line_of(DEFAULT_APPLICATIONS, mime)
                .map(|i| content(&list.lines[i]).to_owned());
            let mut apps = vec![DESKTOP_FILE_NAME.to_owned()];
            apps.extend(
                list.apps(DEFAULT_APPLICATIONS, mime)
                    .into_iter()
                    .filter(|a| a != DESKTOP_FILE_NAME),
            );
            record
                .previous_defaults
                .insert((*mime).to_owned(), previous);
            let text = format!("{mime}={};", apps.join(";"));
            list.set_line(DEFAULT_APPLICATIONS, mime, Some(&text));
        }
    })?;
    Ok(changed.then(|| dirs.mimeapps_path()))
}

/// Removes what [`install`] and [`make_default`] put in place: the entry and icons, Hashiya's
/// entries in the user's `mimeapps.list`, and the defaults it replaced restored as they
/// were. Returns the paths removed or changed.
pub fn uninstall(dirs: &XdgDirs) -> Result<Vec<PathBuf>, DesktopError> {
    let mut removed = Vec::new();
    let mut paths = vec![dirs.entry_path()];
    paths.extend(
        installed_files()
            .into_iter()
            .map(|(relative, _)| dirs.data_home.join(relative)),
    );
    for path in paths {
        match std::fs::remove_file(&path) {
            Ok(()) => removed.push(path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => return Err(DesktopError::Remove { source, path }),
        }
    }
    if restore_user_mimeapps(dirs)? {
        removed.push(dirs.mimeapps_path());
    }
    if clean_legacy_mimeapps(dirs)? {
        removed.push(dirs.legacy_mimeapps_path());
    }
    refresh_caches(&dirs.data_home, false);
    Ok(removed)
}

/// Puts the user's `mimeapps.list` back as it was before Hashiya: the very file when nobody
/// has changed it since, or else Hashiya's entries taken out and the defaults it replaced
/// restored (a default the user has since changed is theirs and stays). Returns whether the
/// file changed.
fn restore_user_mimeapps(dirs: &XdgDirs) -> Result<bool, DesktopError> {
    let path = dirs.mimeapps_path();
    let record_path = dirs.record_path();
    let record = read_record(dirs)?;
    let current = read_optional(&path)?;
    let changed = match (&record, current) {
        (
            Some(Record {
                original: Some(original),
                written,
                ..
            }),
            Some(current),
        ) if current == *written => {
            match &original.text {
                Some(text) => replace(&path, text)?,
                None => std::fs::remove_file(&path).map_err(|source| DesktopError::Remove {
                    source,
                    path: path.clone(),
                })?,
            }
            true
        }
        (_, None) => false,
        (record, Some(current)) => {
            let record = record.clone().unwrap_or_default();
            let mut list = MimeappsList::parse(&current);
            for (mime, previous) in &record.previous_defaults {
                if list.default_for(mime).as_deref() == Some(DESKTOP_FILE_NAME) {
                    list.set_line(DEFAULT_APPLICATIONS, mime, previous.as_deref());
                }
            }
            list.remove_hashiya(DEFAULT_APPLICATIONS);
            list.remove_hashiya(ADDED_ASSOCIATIONS);
            for section in &record.created_sections {
                list.remove_section_if_empty(section);
            }
            let text = list.text();
            let changed = text != current;
            if changed {
                replace(&path, &text)?;
            }
            changed
        }
    };
    if record.is_some() {
        std::fs::remove_file(&record_path).map_err(|source| DesktopError::Remove {
            source,
            path: record_path,
        })?;
    }
    Ok(changed)
}

/// Whether the launcher entry is installed for this user.
pub fn is_installed(dirs: &XdgDirs) -> bool {
    dirs.entry_path().is_file()
}

/// The default application the user's and the system's `mimeapps.list` files name for
/// `mime`, in the order the specification gives them (files that cannot be read are
/// passed over).
pub fn default_application(dirs: &XdgDirs, mime: &str) -> Option<String> {
    dirs.mimeapps_lookup_order().into_iter().find_map(|path| {
        let text = std::fs::read_to_string(path).ok()?;
        MimeappsList::parse(&text).default_for(mime)
    })
}

/// Tells the desktop about new icons, and about a removed entry, when the usual tools are
/// installed. Their absence is no error: desktops also rescan on their own.
///
/// The user's desktop database (`mimeinfo.cache`) is refreshed only when it already exists
/// and only after uninstalling, so that it stops naming Hashiya. Installing leaves it alone:
/// `xdg-mime` and other tools that read it take its first entry for a type as the default
/// when no `mimeapps.list` names one, and `update-desktop-database` would list the user's
/// own entry first, quietly making Hashiya the default after all. Desktops find the entry's
/// `MimeType=` types for "Open With" without it.
fn refresh_caches(data_home: &Path, installing: bool) {
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
    if !installing && applications.join("mimeinfo.cache").is_file() {
        run("update-desktop-database", &[applications.as_os_str()]);
    }
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
    fn type_names_map_to_mime_types() {
        assert_eq!(
            parse_type_list("txt, .MD,txt").unwrap(),
            ["text/plain", "text/markdown"]
        );
        assert_eq!(parse_type_list("text/html").unwrap(), ["text/html"]);
        assert!(matches!(
            parse_type_list("txt,pdf"),
            Err(DesktopError::UnknownType(name)) if name == "pdf"
        ));
        assert!(matches!(parse_type_list(" , "), Err(DesktopError::NoTypes)));
    }

    #[test]
    fn registering_appends_hashiya_and_keeps_every_other_byte() {
        let before = "# mine\r\n[Added Associations]\r\ntext/plain=gedit.desktop\r\n\r\n[Default Applications]\r\ntext/plain=gedit.desktop;";
        let mut list = MimeappsList::parse(before);
        assert!(!list.register());
        let after = list.text();
        assert!(
            after.starts_with(
                "# mine\r\n[Added Associations]\r\ntext/plain=gedit.desktop;hashiya.desktop;\r\n\
                 text/markdown=hashiya.desktop;\r\n"
            ),
            "{after:?}"
        );
        // The default is untouched (and the last line keeps having no line ending).
        assert!(
            after.ends_with("\r\n\r\n[Default Applications]\r\ntext/plain=gedit.desktop;"),
            "{after:?}"
        );
        assert_eq!(
            list.default_for("text/plain").as_deref(),
            Some("gedit.desktop")
        );
        // Registering twice changes nothing more.
        let mut again = list.clone();
        again.register();
        assert_eq!(again, list);
        // Removing Hashiya gives back each line that was not Hashiya's own.
        list.remove_hashiya(ADDED_ASSOCIATIONS);
        assert!(list.text().contains("text/plain=gedit.desktop;\r\n"));
        assert!(!list.text().contains("hashiya"));
    }
}
