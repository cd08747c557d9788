//! Git as a team's shared store of annotations: the merge driver that git runs for sidecars
//! (`hashiya merge-sidecar`), the one-line-per-annotation view git diffs (`hashiya
//! show-sidecar`), setting both up in a repository (`hashiya git-setup`), and listing the
//! sidecars a folder has not committed. Git is run as a program; nothing here knows about the
//! window.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::annotation::model::{Annotation, Sidecar};
use crate::annotation::sidecar::{self, SidecarError};
use crate::annotation::{MergeReport, merge_recording_conflicts};

/// The `.gitattributes` patterns of sidecars: the article's own and each annotator's.
pub const SIDECAR_PATTERNS: [&str; 2] = ["*.annotations.json", "*.annotations.*.json"];
/// The attributes `git-setup` gives those patterns.
pub const SIDECAR_ATTRIBUTES: [&str; 2] = ["merge=hashiya", "diff=hashiya"];

/// What went wrong while merging, showing or setting up.
#[derive(Debug, thiserror::Error)]
pub enum GitStoreError {
    #[error("{}", crate::tr!(
        "error-git-unreadable",
        role = crate::i18n::message(role, None),
        reason = source.to_string()
    ))]
    Unreadable {
        /// Which input: the id of the message naming the common ancestor, ours or theirs.
        role: &'static str,
        source: SidecarError,
    },
    #[error("{}", crate::tr!("error-git-write", reason = source.to_string(), path = path))]
    Write {
        source: std::io::Error,
        path: PathBuf,
    },
    #[error("{}", crate::i18n::with_path("error-git-not-a-work-tree", path))]
    NotAWorkTree { path: PathBuf },
    #[error("{}", crate::tr!("error-git-failed", command = command, detail = detail, path = path))]
    Git {
        command: String,
        detail: String,
        path: PathBuf,
    },
    #[error("{}", crate::i18n::with_path("error-git-executable-path", path))]
    ExecutablePath { path: PathBuf },
    #[error("{}", crate::tr!("error-git-attributes", reason = source.to_string(), path = path))]
    Attributes {
        source: std::io::Error,
        path: PathBuf,
    },
}

/// Reads one input of a merge: `Ok(None)` for an empty common ancestor (git passes an empty
/// file when the two sides added the file independently).
fn read_input(
    path: &Path,
    role: &'static str,
    empty_is_none: bool,
) -> Result<Option<Sidecar>, GitStoreError> {
    let unreadable = |source| GitStoreError::Unreadable { role, source };
    let bytes = crate::files::read_regular(path).map_err(|source| {
        unreadable(SidecarError::Read {
            source,
            path: path.to_owned(),
        })
    })?;
    if empty_is_none && bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    sidecar::parse(&bytes, path).map(Some).map_err(unreadable)
}

/// Merges git's three versions of a sidecar (`%O %A %B`) with
/// [`merge_recording_conflicts`] and writes the result over `ours`, in canonical form.
/// Every input is read before anything is written: when one is not a readable sidecar, the
/// error names it and `ours` is left as it was.
pub fn merge_files(base: &Path, ours: &Path, theirs: &Path) -> Result<MergeReport, GitStoreError> {
    let base_sidecar = read_input(base, "error-git-role-base", true)?;
    let ours_sidecar = read_input(ours, "error-git-role-ours", false)?;
    let theirs_sidecar = read_input(theirs, "error-git-role-theirs", false)?;
    let (Some(ours_sidecar), Some(theirs_sidecar)) = (ours_sidecar, theirs_sidecar) else {
        // `read_input` only gives `None` where empty files are allowed.
        return Ok(MergeReport::default());
    };
    let (merged, report) =
        merge_recording_conflicts(&ours_sidecar, &theirs_sidecar, base_sidecar.as_ref());
    replace_file(ours, sidecar::to_json(&merged).as_bytes())?;
    Ok(report)
}

/// Writes `bytes` over `path` through a temporary file and a rename, so `path` is either as
/// it was or whole. No backup and no flush to disk: `path` is git's temporary copy, which git
/// reads back at once and commits itself.
fn replace_file(path: &Path, bytes: &[u8]) -> Result<(), GitStoreError> {
    let error = |source| GitStoreError::Write {
        source,
        path: path.to_owned(),
    };
    let mut temp_name = path.file_name().unwrap_or_default().to_os_string();
    temp_name.push(format!(".merging-{}", std::process::id()));
    let temp = path.with_file_name(temp_name);
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        drop(file);
        std::fs::rename(&temp, path)
    })();
    if result.is_err() && temp.exists() {
        // Only a partial copy of what is still in memory.
        std::fs::remove_file(&temp).ok();
    }
    result.map_err(error)
}

/// Up to `max_chars` of `text` on one line: line breaks and other control characters shown
/// as escapes, an ellipsis where it was cut.
fn one_line(text: &str, max_chars: usize) -> String {
    let mut out = String::new();
    for (count, c) in text.chars().enumerate() {
        if count == max_chars {
            out.push('…');
            break;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    out
}

/// Characters of a quote shown by [`show`].
const SHOWN_QUOTE_CHARS: usize = 60;

fn annotation_line(annotation: &Annotation) -> String {
    let place = if annotation.target.orphaned {
        format!(
            "¶{}? (orphaned)",
            annotation.target.paragraph.saturating_add(1)
        )
    } else {
        format!("¶{}", annotation.target.paragraph.saturating_add(1))
    };
    let kind = if annotation.is_paragraph_level() {
        ""
    } else {
        " passage"
    };
    let mut line = format!("{place}{kind} [{}]", annotation.labels.join(", "));
    if !annotation.note.is_empty() {
        write!(
            line,
            " note: \"{}\"",
            one_line(&annotation.note, usize::MAX)
        )
        .ok();
    }
    write!(
        line,
        " quote: \"{}\"",
        one_line(&annotation.target.quote.exact, SHOWN_QUOTE_CHARS)
    )
    .ok();
    if let Some(color) = &annotation.color {
        write!(line, " colour: {color}").ok();
    }
    line
}

/// A sidecar as text for reading and diffing (git's `textconv`): a line naming the article
/// and the scheme's labels, then one line per annotation in document order (paragraph,
/// counted from 1; labels; note; the start of the quote), then one per kept conflict.
pub fn show(sidecar: &Sidecar) -> String {
    let mut canonical = sidecar.clone();
    sidecar::canonicalize(&mut canonical);
    let labels: Vec<&str> = canonical
        .label_scheme
        .labels
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    let mut out = format!(
        "article {} ({} paragraphs), labels: {}\n",
        canonical.article.file_name,
        canonical.article.paragraph_count,
        labels.join(", ")
    );
    for annotation in &canonical.annotations {
        out.push_str(&annotation_line(annotation));
        out.push('\n');
    }
    for conflict in &canonical.conflicts {
        let place = canonical
            .annotations
            .iter()
            .find(|a| a.id == conflict.annotation)
            .map_or_else(
                || "?".to_owned(),
                |a| a.target.paragraph.saturating_add(1).to_string(),
            );
        writeln!(
            out,
            "conflict ¶{place} {}: other value {} ({}, {})",
            conflict.field,
            one_line(&conflict.value.to_string(), usize::MAX),
            conflict.author,
            conflict.modified
        )
        .ok();
    }
    out
}

/// Reads a sidecar and gives [`show`]'s text.
pub fn show_file(path: &Path) -> Result<String, SidecarError> {
    let bytes = crate::files::read_regular(path).map_err(|source| SidecarError::Read {
        source,
        path: path.to_owned(),
    })?;
    Ok(show(&sidecar::parse(&bytes, path)?))
}

/// `.gitattributes` text with each sidecar pattern given `merge=hashiya diff=hashiya`: a line
/// for the pattern has those attributes set (other `merge`/`diff` settings on it replaced,
/// anything else kept); a missing line is added at the end. Everything else is kept as it
/// was, so running it again changes nothing.
pub fn update_gitattributes(existing: &str) -> String {
    let mut lines: Vec<String> = existing.lines().map(str::to_owned).collect();
    let mut missing: Vec<&str> = Vec::new();
    for pattern in SIDECAR_PATTERNS {
        let mut found = false;
        for line in &mut lines {
            let mut words = line.split_whitespace();
            if words.next() != Some(pattern) {
                continue;
            }
            found = true;
            let mut attributes: Vec<&str> = words
                .filter(|w| {
                    let name = w.trim_start_matches(['-', '!']);
                    let name = name.split('=').next().unwrap_or(name);
                    name != "merge" && name != "diff"
                })
                .collect();
            attributes.extend(SIDECAR_ATTRIBUTES);
            let updated = format!("{pattern} {}", attributes.join(" "));
            if line.split_whitespace().collect::<Vec<_>>()
                != updated.split_whitespace().collect::<Vec<_>>()
            {
                *line = updated;
            }
        }
        if !found {
            missing.push(pattern);
        }
    }
    if !missing.is_empty() {
        if !lines.is_empty() && lines.last().is_some_and(|l| !l.trim().is_empty()) {
            lines.push(String::new());
        }
        lines.push(
            "# Hashiya annotations: merged by annotation, diffed one line per annotation (hashiya git-setup)"
                .to_owned(),
        );
        for pattern in missing {
            lines.push(format!("{pattern} {}", SIDECAR_ATTRIBUTES.join(" ")));
        }
    }
    let mut text = lines.join("\n");
    if !text.is_empty() {
        text.push('\n');
    }
    if text.trim_end() == existing.trim_end() {
        // Same content: keep the original bytes (its line endings, its final newline).
        return existing.to_owned();
    }
    text
}

/// `text` quoted for a POSIX shell (git runs drivers and textconv through `sh`).
pub fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

/// Runs `git -C folder ARGS…`, giving its standard output.
fn git(folder: &Path, args: &[&str]) -> Result<std::process::Output, GitStoreError> {
    Command::new("git")
        .arg("-C")
        .arg(folder)
        .args(args)
        .output()
        .map_err(|e| GitStoreError::Git {
            command: args.join(" "),
            detail: if e.kind() == std::io::ErrorKind::NotFound {
                crate::tr!("error-git-not-installed")
            } else {
                e.to_string()
            },
            path: folder.to_owned(),
        })
}

fn git_ok(folder: &Path, args: &[&str]) -> Result<String, GitStoreError> {
    let output = git(folder, args)?;
    if !output.status.success() {
        return Err(GitStoreError::Git {
            command: args.join(" "),
            detail: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
            path: folder.to_owned(),
        });
    }
    Ok(String::from_utf8_lossy(&output.stdout)
        .trim_end()
        .to_owned())
}

/// The top folder of the git work tree holding `folder`.
pub fn work_tree_root(folder: &Path) -> Result<PathBuf, GitStoreError> {
    let inside = git(folder, &["rev-parse", "--is-inside-work-tree"])?;
    if !inside.status.success() || String::from_utf8_lossy(&inside.stdout).trim() != "true" {
        if !folder.is_dir() {
            return Err(GitStoreError::Git {
                command: "rev-parse".to_owned(),
                detail: crate::tr!("error-git-no-such-folder"),
                path: folder.to_owned(),
            });
        }
        return Err(GitStoreError::NotAWorkTree {
            path: folder.to_owned(),
        });
    }
    Ok(PathBuf::from(git_ok(
        folder,
        &["rev-parse", "--show-toplevel"],
    )?))
}

/// What [`setup`] did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SetupReport {
    /// The work tree's top folder.
    pub root: PathBuf,
    /// Whether `.gitattributes` was written (it was missing or lacked the sidecar lines).
    pub attributes_written: bool,
    /// The configuration keys set (those already right are left alone).
    pub config_set: Vec<String>,
}

/// The repository configuration `git-setup` writes, for the program at `executable`.
pub fn config_entries(executable: &Path) -> Result<[(&'static str, String); 3], GitStoreError> {
    let program = executable
        .to_str()
        .ok_or_else(|| GitStoreError::ExecutablePath {
            path: executable.to_owned(),
        })?;
    let program = shell_quote(program);
    Ok([
        (
            "merge.hashiya.name",
            "Hashiya annotations, merged by annotation".to_owned(),
        ),
        (
            "merge.hashiya.driver",
            format!("{program} merge-sidecar %O %A %B %P"),
        ),
        ("diff.hashiya.textconv", format!("{program} show-sidecar")),
    ])
}

/// Sets up the git work tree holding `folder` for sidecars: `.gitattributes` at its top
/// (see [`update_gitattributes`]) and the merge driver and textconv in the repository's own
/// configuration, running `executable`. Running it again changes nothing. Outside a work tree
/// it changes nothing and says so.
pub fn setup(folder: &Path, executable: &Path) -> Result<SetupReport, GitStoreError> {
    let root = work_tree_root(folder)?;
    let entries = config_entries(executable)?;
    let attributes = root.join(".gitattributes");
    let attributes_error = |source| GitStoreError::Attributes {
        source,
        path: attributes.clone(),
    };
    let existing = match crate::files::read_regular(&attributes) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|e| {
            attributes_error(std::io::Error::new(std::io::ErrorKind::InvalidData, e))
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(attributes_error(e)),
    };
    let updated = update_gitattributes(&existing);
    let attributes_written = updated != existing;
    if attributes_written {
        std::fs::write(&attributes, updated).map_err(attributes_error)?;
    }
    let mut config_set = Vec::new();
    for (key, value) in entries {
        let current = git(&root, &["config", "--local", "--get", key])?;
        if current.status.success() && String::from_utf8_lossy(&current.stdout).trim_end() == value
        {
            continue;
        }
        git_ok(&root, &["config", "--local", key, &value])?;
        config_set.push(key.to_owned());
    }
    Ok(SetupReport {
        root,
        attributes_written,
        config_set,
    })
}

/// Whether a file name is a sidecar's: `<article>.annotations.json` or
/// `<article>.annotations.<annotator>.json`.
pub fn is_sidecar_name(name: &str) -> bool {
    name.strip_suffix(".json").is_some_and(|stem| {
        stem.ends_with(".annotations")
            || stem
                .rsplit_once(".annotations.")
                .is_some_and(|(article, annotator)| {
                    !article.is_empty() && !annotator.is_empty() && !annotator.contains('.')
                })
    })
}

/// The sidecars under `folder` with changes git has not committed (modified, added, deleted
/// or untracked), from `git status --porcelain`, as paths under the work tree's top folder,
/// sorted. For marking articles in a folder list.
pub fn uncommitted_sidecars(folder: &Path) -> Result<Vec<PathBuf>, GitStoreError> {
    let root = work_tree_root(folder)?;
    let output = git(
        folder,
        &[
            "status",
            "--porcelain=v1",
            "-z",
            "--untracked-files=all",
            "--no-renames",
            "--",
            ".",
        ],
    )?;
    if !output.status.success() {
        return Err(GitStoreError::Git {
            command: "status".to_owned(),
            detail: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
            path: folder.to_owned(),
        });
    }
    let mut found: Vec<PathBuf> = output
        .stdout
        .split(|&b| b == 0)
        .filter_map(|entry| {
            // "XY path": two status letters and a space.
            let path = String::from_utf8_lossy(entry.get(3..)?).into_owned();
            let name = path.rsplit('/').next().unwrap_or(&path);
            is_sidecar_name(name).then(|| root.join(&path))
        })
        .collect();
    found.sort();
    found.dedup();
    Ok(found)
}

/// The article file name a sidecar's name belongs to: `raqqa.txt` for
/// `raqqa.txt.annotations.json` and `raqqa.txt.annotations.sara.json`.
pub fn article_of_sidecar(name: &str) -> Option<&str> {
    if !is_sidecar_name(name) {
        return None;
    }
    let stem = name.strip_suffix(".json")?;
    stem.strip_suffix(".annotations").or_else(|| {
        stem.rsplit_once(".annotations.")
            .map(|(article, _)| article)
    })
}

/// The articles under `folder` whose sidecars (the shared one or any annotator's) have
/// changes git has not committed (see [`uncommitted_sidecars`]), as paths under `folder` as
/// given (so they compare equal to a listing of `folder`, whatever links lead to it).
pub fn articles_with_uncommitted_sidecars(
    folder: &Path,
) -> Result<std::collections::HashSet<PathBuf>, GitStoreError> {
    let sidecars = uncommitted_sidecars(folder)?;
    let real_folder = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_owned());
    Ok(sidecars
        .iter()
        .filter_map(|sidecar| {
            let article = article_of_sidecar(&sidecar.file_name()?.to_string_lossy())?.to_owned();
            let parent = sidecar.parent()?;
            let real_parent = std::fs::canonicalize(parent).unwrap_or_else(|_| parent.to_owned());
            let inside = real_parent.strip_prefix(&real_folder).ok()?;
            Some(folder.join(inside).join(article))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gitattributes_gain_the_lines_once_and_keep_the_rest() {
        let existing = "*.png binary\n*.annotations.json -diff text eol=lf\n";
        let updated = update_gitattributes(existing);
        assert_eq!(
            updated,
            "*.png binary\n*.annotations.json text eol=lf merge=hashiya diff=hashiya\n\n\
             # Hashiya annotations: merged by annotation, diffed one line per annotation (hashiya git-setup)\n\
             *.annotations.*.json merge=hashiya diff=hashiya\n"
        );
        assert_eq!(update_gitattributes(&updated), updated);
        let fresh = update_gitattributes("");
        assert!(fresh.starts_with("# Hashiya"));
        assert_eq!(update_gitattributes(&fresh), fresh);
    }

    #[test]
    fn quoting_survives_quotes_and_spaces() {
        assert_eq!(shell_quote("/opt/my app/it's"), "'/opt/my app/it'\\''s'");
        let output = Command::new("sh")
            .arg("-c")
            .arg(format!("printf %s {}", shell_quote("a b'c\"$d")))
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&output.stdout), "a b'c\"$d");
    }

    #[test]
    fn sidecar_names() {
        assert!(is_sidecar_name("raqqa.txt.annotations.json"));
        assert!(is_sidecar_name("raqqa.txt.annotations.sara.json"));
        assert!(is_sidecar_name("مقال.txt.annotations.سارة.json"));
        assert!(!is_sidecar_name("raqqa.txt"));
        assert!(!is_sidecar_name("team.labels.json"));
        assert!(!is_sidecar_name("raqqa.txt.annotations.json.bak"));
        assert_eq!(
            article_of_sidecar("raqqa.txt.annotations.json"),
            Some("raqqa.txt")
        );
        assert_eq!(
            article_of_sidecar("a.b.txt.annotations.سارة.json"),
            Some("a.b.txt")
        );
        assert_eq!(article_of_sidecar("raqqa.txt"), None);
    }
}
