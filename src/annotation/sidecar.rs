//! Sidecar files: `<article file name>.annotations.json` next to the article.
//!
//! Writes are atomic: the new content goes to a temporary file in the same folder, is
//! flushed to disk, and is renamed over the old file; the folder is then flushed so the
//! rename itself survives a power cut. The previous version is kept as `<sidecar>.bak`. A
//! file that cannot be parsed, or that a newer Hashiya wrote, is never overwritten.

use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use sha2::{Digest as _, Sha256};

use super::model::{FORMAT_MARKER, FORMAT_VERSION, Sidecar};

/// Suffix added to the article's file name.
pub const SIDECAR_SUFFIX: &str = ".annotations.json";

/// What went wrong with a sidecar file.
#[derive(Debug, thiserror::Error)]
pub enum SidecarError {
    #[error("{}", crate::tr!("error-sidecar-corrupt", reason = reason, path = path))]
    Corrupt { reason: String, path: PathBuf },
    #[error("{}", crate::tr!(
        "error-sidecar-too-new",
        version = *version,
        known = FORMAT_VERSION,
        path = path
    ))]
    TooNew { version: u64, path: PathBuf },
    #[error("{}", crate::tr!("error-sidecar-read-only", reason = source.to_string(), path = path))]
    ReadOnly {
        source: std::io::Error,
        path: PathBuf,
    },
    #[error("{}", crate::tr!("error-sidecar-read", reason = source.to_string(), path = path))]
    Read {
        source: std::io::Error,
        path: PathBuf,
    },
    #[error("{}", crate::tr!("error-sidecar-write", reason = source.to_string(), path = path))]
    Write {
        source: std::io::Error,
        path: PathBuf,
    },
}

/// A digest of a sidecar's bytes, to notice changes made on disk by someone else.
pub type ContentHash = [u8; 32];

/// SHA-256 of some bytes.
pub fn content_hash(bytes: &[u8]) -> ContentHash {
    Sha256::digest(bytes).into()
}

/// The sidecar path for an article: `<article>.annotations.json`. In a team this is the
/// adjudicated ("gold") sidecar; each annotator's own work goes to
/// [`annotator_sidecar_path`].
pub fn sidecar_path(article: &Path) -> PathBuf {
    let mut name = article.file_name().unwrap_or_default().to_os_string();
    name.push(SIDECAR_SUFFIX);
    article.with_file_name(name)
}

/// An annotator name as it appears in file names: letters (any script) and digits kept,
/// spaces and dots become `-`, anything else dropped, lower-cased.
pub fn annotator_slug(annotator: &str) -> String {
    let slug: String = annotator
        .trim()
        .chars()
        .filter_map(|c| {
            if c.is_alphanumeric() || c == '_' || c == '-' {
                Some(c.to_lowercase().next().unwrap_or(c))
            } else if c.is_whitespace() || c == '.' {
                Some('-')
            } else {
                None
            }
        })
        .collect();
    let slug = slug.trim_matches('-').to_owned();
    if slug.is_empty() {
        "annotator".to_owned()
    } else {
        slug
    }
}

/// One annotator's sidecar in a team: `<article>.annotations.<annotator>.json`, so each
/// person's work is a separate file (no merge conflicts in git) next to the article.
pub fn annotator_sidecar_path(article: &Path, annotator: &str) -> PathBuf {
    let mut name = article.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".annotations.{}.json", annotator_slug(annotator)));
    article.with_file_name(name)
}

/// The annotators' sidecars next to `article`, as (annotator, path), sorted by annotator.
pub fn annotator_sidecars(article: &Path) -> Vec<(String, PathBuf)> {
    AnnotatorSidecars::default().of(article)
}

/// Finds annotators' sidecars for many articles, reading each folder once (a folder of
/// thousands of articles is not read again for each of them).
#[derive(Debug, Default)]
pub struct AnnotatorSidecars {
    /// Per folder: article file name → (annotator, sidecar path), sorted.
    folders: std::collections::HashMap<
        PathBuf,
        std::collections::HashMap<String, Vec<(String, PathBuf)>>,
    >,
}

impl AnnotatorSidecars {
    /// The annotators' sidecars of `article`, as (annotator, path), sorted by annotator.
    pub fn of(&mut self, article: &Path) -> Vec<(String, PathBuf)> {
        let Some(folder) = article.parent().map(|p| {
            if p.as_os_str().is_empty() {
                Path::new(".")
            } else {
                p
            }
        }) else {
            return Vec::new();
        };
        let Some(article_name) = article
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
        else {
            return Vec::new();
        };
        self.folders
            .entry(folder.to_owned())
            .or_insert_with(|| Self::read_folder(folder))
            .get(&article_name)
            .cloned()
            .unwrap_or_default()
    }

    fn read_folder(folder: &Path) -> std::collections::HashMap<String, Vec<(String, PathBuf)>> {
        let mut found: std::collections::HashMap<String, Vec<(String, PathBuf)>> =
            std::collections::HashMap::new();
        let Ok(entries) = std::fs::read_dir(folder) else {
            return found;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            // `<article>.annotations.<annotator>.json`, the annotator without dots.
            let Some((article, annotator)) = name
                .strip_suffix(".json")
                .and_then(|stem| stem.rsplit_once(".annotations."))
            else {
                continue;
            };
            if annotator.is_empty() || annotator.contains('.') || article.is_empty() {
                continue;
            }
            found
                .entry(article.to_owned())
                .or_default()
                .push((annotator.to_owned(), entry.path()));
        }
        for sidecars in found.values_mut() {
            sidecars.sort();
        }
        found
    }
}

/// The sidecar as written: the model's fields in the model's order, with the version the
/// content needs.
#[derive(serde::Serialize)]
struct SidecarOut<'a> {
    format: &'a str,
    version: u32,
    article: &'a super::model::ArticleInfo,
    label_scheme: &'a super::model::LabelScheme,
    annotations: &'a [super::model::Annotation],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    deleted: &'a [super::model::Deletion],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    relations: &'a [super::model::Relation],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    conflicts: &'a [super::model::Conflict],
}

/// The sidecar as it is written: pretty-printed JSON with a final newline, in canonical form
/// (see [`canonicalize`]), so the same annotations always give the same bytes. The `version`
/// written is the lowest that holds the content ([`Sidecar::required_version`]), so a file
/// without relations or entity types stays readable by builds that know only version 1.
pub fn to_json(sidecar: &Sidecar) -> String {
    let mut canonical = sidecar.clone();
    canonicalize(&mut canonical);
    let out = SidecarOut {
        format: &canonical.format,
        version: canonical.version,
        article: &canonical.article,
        label_scheme: &canonical.label_scheme,
        annotations: &canonical.annotations,
        deleted: &canonical.deleted,
        relations: &canonical.relations,
        conflicts: &canonical.conflicts,
    };
    // Serializing plain data with string keys cannot fail.
    let mut json = serde_json::to_string_pretty(&out).unwrap_or_default();
    json.push('\n');
    json
}

/// Puts everything whose order carries no meaning into one fixed order, so that two copies
/// holding the same annotations are written byte for byte alike (and git sees no change):
/// annotations in document order, then by id; each annotation's labels in the scheme's order
/// (paragraph labels, then span labels; labels the scheme lacks after them, as they were);
/// deletions by time, then id; relations by creation time, then id (the order merges
/// and exports use); conflicts by annotation, field and time. The version is the one the
/// file is written with: the lowest that holds the content. Keys are in the order of the
/// model's fields. Nothing else is touched: no timestamp or value is rewritten.
pub fn canonicalize(sidecar: &mut Sidecar) {
    sidecar.version = sidecar.required_version();
    super::merge::sort_annotations(&mut sidecar.annotations);
    // A span label may share its id with a paragraph label; the first place counts.
    let mut rank: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (idx, label) in sidecar
        .label_scheme
        .labels
        .iter()
        .chain(&sidecar.label_scheme.span_labels)
        .enumerate()
    {
        rank.entry(label.id.as_str()).or_insert(idx);
    }
    for annotation in &mut sidecar.annotations {
        // A stable sort keeps unknown labels in their order, after the scheme's.
        annotation
            .labels
            .sort_by_key(|label| rank.get(label.as_str()).copied().unwrap_or(usize::MAX));
    }
    sidecar.deleted.sort_by_key(|d| (d.deleted, d.id));
    sidecar
        .relations
        .sort_by_key(|r| (r.created, r.id, r.source, r.target, r.modified));
    sidecar.conflicts.sort_by(|a, b| {
        (a.annotation, &a.field, a.modified, &a.author)
            .cmp(&(b.annotation, &b.field, b.modified, &b.author))
            .then_with(|| a.value.to_string().cmp(&b.value.to_string()))
    });
}

/// The fields checked before the rest of a sidecar is read.
#[derive(serde::Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<serde_json::Value>,
}

/// Parses sidecar bytes, checking the format marker and version. Annotations that share an
/// id get fresh ones (see [`parse_repaired`]).
pub fn parse(bytes: &[u8], path: &Path) -> Result<Sidecar, SidecarError> {
    parse_repaired(bytes, path).map(|(sidecar, _)| sidecar)
}

/// [`parse`], also returning how many annotations had an id that an earlier annotation in
/// the file already had, and were given a fresh one. Every edit, merge and deletion finds
/// annotations by id, so two sharing one would be changed or deleted together. The fresh ids
/// are derived from the file's content, so the same file always gets the same ones (an
/// export and the window agree).
pub fn parse_repaired(bytes: &[u8], path: &Path) -> Result<(Sidecar, usize), SidecarError> {
    let mut sidecar = parse_unchecked(bytes, path)?;
    let repaired = give_duplicates_fresh_ids(&mut sidecar.annotations);
    Ok((sidecar, repaired))
}

/// Gives every annotation whose id an earlier one already uses a new id, derived from the
/// old id, its position in the list and its target. Returns how many were changed.
pub fn give_duplicates_fresh_ids(annotations: &mut [super::model::Annotation]) -> usize {
    let mut seen: std::collections::HashSet<uuid::Uuid> =
        std::collections::HashSet::with_capacity(annotations.len());
    let duplicated: Vec<usize> = annotations
        .iter()
        .enumerate()
        .filter(|(_, a)| !seen.insert(a.id))
        .map(|(idx, _)| idx)
        .collect();
    for &idx in &duplicated {
        let Some(annotation) = annotations.get_mut(idx) else {
            continue;
        };
        let mut attempt = 0_u64;
        let fresh = loop {
            let mut hasher = Sha256::new();
            hasher.update(annotation.id.as_bytes());
            hasher.update(idx.to_le_bytes());
            hasher.update(annotation.target.position.start.to_le_bytes());
            hasher.update(annotation.target.position.end.to_le_bytes());
            hasher.update(attempt.to_le_bytes());
            let digest = hasher.finalize();
            let mut bytes = [0_u8; 16];
            bytes.copy_from_slice(&digest[..16]);
            let candidate = uuid::Builder::from_random_bytes(bytes).into_uuid();
            if seen.insert(candidate) {
                break candidate;
            }
            attempt += 1;
        };
        annotation.id = fresh;
    }
    duplicated.len()
}

fn parse_unchecked(bytes: &[u8], path: &Path) -> Result<Sidecar, SidecarError> {
    // Most files are current: read them in one pass (checking UTF-8 once for the whole
    // file rather than string by string). Whatever this pass cannot accept is read again
    // below, header first, for the error that says why.
    if let Ok(text) = std::str::from_utf8(bytes)
        && let Ok(sidecar) = serde_json::from_str::<Sidecar>(text)
        && sidecar.format == FORMAT_MARKER
        && sidecar.version <= FORMAT_VERSION
    {
        return Ok(sidecar);
    }
    let corrupt = |reason: String| SidecarError::Corrupt {
        reason,
        path: path.to_owned(),
    };
    let header: Header = serde_json::from_slice(bytes)
        .map_err(|e| corrupt(crate::tr!("error-sidecar-not-json", error = e.to_string())))?;
    if header.format.as_deref() != Some(FORMAT_MARKER) {
        return Err(corrupt(crate::tr!(
            "error-sidecar-no-marker",
            marker = FORMAT_MARKER
        )));
    }
    let version = header
        .version
        .as_ref()
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| corrupt(crate::tr!("error-sidecar-no-version")))?;
    if version > u64::from(FORMAT_VERSION) {
        return Err(SidecarError::TooNew {
            version,
            path: path.to_owned(),
        });
    }
    serde_json::from_slice(bytes).map_err(|e| corrupt(e.to_string()))
}

/// Reads the sidecar at `path`: `Ok(None)` when there is none yet.
pub fn read(path: &Path) -> Result<Option<(Sidecar, ContentHash)>, SidecarError> {
    Ok(read_repaired(path)?.map(|(sidecar, hash, _)| (sidecar, hash)))
}

/// [`read`], also returning how many duplicate ids were replaced (see [`parse_repaired`]).
pub fn read_repaired(path: &Path) -> Result<Option<(Sidecar, ContentHash, usize)>, SidecarError> {
    let Some(bytes) = read_bytes(path)? else {
        return Ok(None);
    };
    let (sidecar, repaired) = parse_repaired(&bytes, path)?;
    Ok(Some((sidecar, content_hash(&bytes), repaired)))
}

/// [`read`] without the content hash, for readers that never write the file back
/// (exports): the same sidecar and the same errors.
pub fn read_only(path: &Path) -> Result<Option<Sidecar>, SidecarError> {
    let Some(bytes) = read_bytes(path)? else {
        return Ok(None);
    };
    parse(&bytes, path).map(Some)
}

/// The bytes at `path` (`None`: no file).
fn read_bytes(path: &Path) -> Result<Option<Vec<u8>>, SidecarError> {
    match crate::files::read_regular(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(SidecarError::Read {
            source,
            path: path.to_owned(),
        }),
    }
}

/// The hash of what is at `path` now (`None`: no file).
pub fn disk_hash(path: &Path) -> Result<Option<ContentHash>, SidecarError> {
    match crate::files::read_regular(path) {
        Ok(bytes) => Ok(Some(content_hash(&bytes))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(SidecarError::Read {
            source,
            path: path.to_owned(),
        }),
    }
}

fn write_error(source: std::io::Error, path: &Path) -> SidecarError {
    if matches!(
        source.kind(),
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
    ) {
        SidecarError::ReadOnly {
            source,
            path: path.to_owned(),
        }
    } else {
        SidecarError::Write {
            source,
            path: path.to_owned(),
        }
    }
}

/// Appends `suffix` to the file name of `path`.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// Writes `bytes` to `path` atomically, keeping the previous file as `<path>.bak`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SidecarError> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let temp = with_suffix(
        path,
        &format!(
            ".tmp-{}-{}",
            std::process::id(),
            uuid::Uuid::new_v4().simple()
        ),
    );
    let result = (|| {
        let mut file = File::create(&temp).map_err(|e| write_error(e, path))?;
        file.write_all(bytes).map_err(|e| write_error(e, path))?;
        file.sync_all().map_err(|e| write_error(e, path))?;
        drop(file);
        if path.exists() {
            keep_backup(path)?;
        }
        std::fs::rename(&temp, path).map_err(|e| write_error(e, path))?;
        sync_folder(folder).map_err(|e| write_error(e, path))
    })();
    if result.is_err() && temp.exists() {
        // The temporary file holds nothing the user has not still got in memory.
        std::fs::remove_file(&temp).ok();
    }
    result
}

/// Replaces `<path>.bak` with the current `path`, without a moment where `path` is missing:
/// the backup is made as a hard link (or a copy) and renamed into place.
fn keep_backup(path: &Path) -> Result<(), SidecarError> {
    let backup = with_suffix(path, ".bak");
    let staging = with_suffix(path, &format!(".bak-{}", std::process::id()));
    std::fs::remove_file(&staging).ok();
    if std::fs::hard_link(path, &staging).is_err() {
        std::fs::copy(path, &staging).map_err(|e| write_error(e, path))?;
    }
    std::fs::rename(&staging, &backup).map_err(|e| write_error(e, path))
}

#[cfg(unix)]
fn sync_folder(folder: &Path) -> std::io::Result<()> {
    File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> std::io::Result<()> {
    // Windows cannot open a folder as a file; its renames are journaled by NTFS.
    Ok(())
}

/// Moves a damaged or unreadable sidecar aside as `<sidecar>.corrupt-<timestamp>` so that a
/// fresh one can be started; the old file is never deleted. Returns its new path.
pub fn move_aside(path: &Path) -> Result<PathBuf, SidecarError> {
    let stamp = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    let mut target = with_suffix(path, &format!(".corrupt-{stamp}"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = with_suffix(path, &format!(".corrupt-{stamp}-{n}"));
    }
    std::fs::rename(path, &target).map_err(|e| write_error(e, path))?;
    Ok(target)
}
