//! Bundles of news articles as news databases export them (Nexis Uni DOCX, older Nexis TXT
//! and RTF, Factiva HTML and RTF), split into one UTF-8 `.txt` article each, with a
//! `articles.csv` listing and every article's metadata in its sidecar.
//!
//! [`split_bundle`] turns one file into articles; [`import_bundles`] writes them to a
//! folder, reporting progress through a callback and stopping when a flag is raised, so a
//! window can show a progress bar and a Cancel button. Nothing in the folder is overwritten:
//! a name already taken gets a `-2`, `-3` … suffix.

pub mod dates;
mod factiva;
mod nexis;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::annotation::{ArticleMetadata, FORMAT_MARKER, FORMAT_VERSION, LabelScheme, Sidecar};
use crate::document::{self, DocumentError};

/// Largest bundle read, in bytes; larger files are refused with a message.
pub const MAX_BUNDLE_BYTES: u64 = 256 * 1024 * 1024;
/// Longest article file name, in bytes (file systems allow 255).
pub const MAX_FILE_NAME_BYTES: usize = 180;
/// Columns of `articles.csv`.
pub const CSV_HEADER: [&str; 11] = [
    "file",
    "title",
    "source",
    "date",
    "byline",
    "section",
    "length",
    "language",
    "accession",
    "bundle",
    "index",
];

/// What went wrong with a bundle or the output folder.
#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error("{0}")]
    Read(#[from] DocumentError),
    #[error("{}", crate::tr!("error-bundle-no-articles", formats = crate::tr!("error-bundle-formats-tried"), path = .0))]
    NoArticles(PathBuf),
    #[error("{}", crate::tr!(
        "error-bundle-all-skipped",
        count = *count,
        reason = first_reason,
        path = path
    ))]
    AllSkipped {
        count: usize,
        first_reason: String,
        path: PathBuf,
    },
    #[error("{}", crate::tr!("error-write", reason = source.to_string(), path = path))]
    Write {
        source: std::io::Error,
        path: PathBuf,
    },
}

/// The export formats recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BundleFormat {
    /// Nexis Uni (DOCX, or the same layout in RTF or text).
    NexisUni,
    /// Older Nexis (`N of M DOCUMENTS`), TXT or RTF.
    NexisClassic,
    /// Factiva HTML.
    FactivaHtml,
    /// Factiva RTF or text.
    FactivaText,
}

impl std::fmt::Display for BundleFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::NexisUni => "Nexis Uni",
            Self::NexisClassic => "Nexis (N of M DOCUMENTS)",
            Self::FactivaHtml => "Factiva HTML",
            Self::FactivaText => "Factiva RTF/text",
        })
    }
}

/// One article split from a bundle.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BundleArticle {
    /// What the database says about it (title, source, date …).
    pub metadata: ArticleMetadata,
    /// The article's paragraphs, without the headline.
    pub paragraphs: Vec<String>,
}

/// An article of a bundle that could not be split out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// Its position in the bundle, from 1.
    pub index: usize,
    /// Why it was skipped.
    pub reason: String,
}

/// What one bundle holds.
#[derive(Clone, Debug)]
pub struct SplitBundle {
    /// The format recognised.
    pub format: BundleFormat,
    /// The articles, in bundle order.
    pub articles: Vec<BundleArticle>,
    /// Articles that could not be read.
    pub skipped: Vec<Skipped>,
}

/// `LANGUAGE: ARABIC`, `Arabic`, `ar` → `ar`; unknown names are kept as written.
pub fn language_code(name: &str) -> String {
    let name = name.trim();
    let lower = name.to_ascii_lowercase();
    let code = match lower.as_str() {
        "arabic" | "arabe" | "arabisch" | "ar" | "العربية" => "ar",
        "english" | "anglais" | "englisch" | "en" => "en",
        "french" | "français" | "francais" | "französisch" | "fr" => "fr",
        "german" | "deutsch" | "allemand" | "de" => "de",
        "spanish" | "español" | "es" => "es",
        "persian" | "farsi" | "fa" => "fa",
        "turkish" | "tr" => "tr",
        "hebrew" | "he" => "he",
        _ => return name.to_owned(),
    };
    code.to_owned()
}

/// Reads the bundle at `path` and splits it into articles.
pub fn split_file(path: &Path) -> Result<SplitBundle, BundleError> {
    let options = document::LoadOptions {
        size_limit_bytes: MAX_BUNDLE_BYTES,
        ..document::LoadOptions::default()
    };
    // Reading through the article loader gives the same checks and messages (a folder, a
    // pipe, an empty or binary file, one over the limit).
    let bytes = document::read_file_limited(path, options.size_limit_bytes)?;
    let bundle = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let split = split_bytes(&bytes, &bundle).map_err(|error| error.at(path))?;
    if split.articles.is_empty() {
        return Err(match split.skipped.first() {
            Some(first) => BundleError::AllSkipped {
                count: split.skipped.len(),
                first_reason: crate::tr!(
                    "error-bundle-article-reason",
                    number = first.index,
                    reason = &first.reason
                ),
                path: path.to_owned(),
            },
            None => BundleError::NoArticles(path.to_owned()),
        });
    }
    Ok(split)
}

/// Why bytes held no bundle (the path is added by the caller).
#[derive(Debug)]
pub enum SplitError {
    /// The bytes could not be read as a document at all.
    Parse(document::ParseError),
    /// Readable, but no format recognised.
    NoArticles,
}

impl SplitError {
    fn at(self, path: &Path) -> BundleError {
        match self {
            Self::Parse(error) => BundleError::Read(error.at(path)),
            Self::NoArticles => BundleError::NoArticles(path.to_owned()),
        }
    }
}

/// Splits the bytes of a bundle; `bundle` is its file name, recorded in each article.
pub fn split_bytes(bytes: &[u8], bundle: &str) -> Result<SplitBundle, SplitError> {
    use crate::document::Format;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(SplitError::Parse(document::ParseError::Empty));
    }
    let format = Format::sniff(bytes);
    let lines: Vec<String> = match format {
        Format::Docx => {
            let document = document::parse_docx(bytes)
                .map_err(|e| SplitError::Parse(document::ParseError::Docx(e)))?;
            (0..document.paragraphs.len())
                .filter_map(|idx| document.paragraph_text(idx).map(str::to_owned))
                .collect()
        }
        Format::Rtf => {
            document::rtf::rtf_text(bytes)
                .map_err(|e| SplitError::Parse(document::ParseError::Rtf(e)))?
                .paragraphs
        }
        Format::Pdf => return Err(SplitError::NoArticles),
        _ => {
            let decoded = document::decode(bytes, None)
                .ok_or(SplitError::Parse(document::ParseError::Binary))?;
            if factiva::is_html(&decoded.text) {
                let (articles, skipped) = factiva::split_html(&decoded.text, bundle);
                return Ok(SplitBundle {
                    format: BundleFormat::FactivaHtml,
                    articles,
                    skipped,
                });
            }
            decoded.text.lines().map(str::to_owned).collect()
        }
    };
    let (format, (articles, skipped)) = if nexis::is_uni(&lines) {
        (BundleFormat::NexisUni, nexis::split_uni(&lines, bundle))
    } else if nexis::is_classic(&lines) {
        (
            BundleFormat::NexisClassic,
            nexis::split_classic(&lines, bundle),
        )
    } else if factiva::is_text(&lines) {
        (
            BundleFormat::FactivaText,
            factiva::split_text(&lines, bundle),
        )
    } else {
        return Err(SplitError::NoArticles);
    };
    Ok(SplitBundle {
        format,
        articles,
        skipped,
    })
}

/// Where an import stands, for a progress bar.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportProgress {
    /// The bundle being read (index into the files given), and how many there are.
    pub bundle_idx: usize,
    /// Number of bundles.
    pub bundles: usize,
    /// Articles of this bundle written so far, and how many it has (0 while splitting).
    pub article_idx: usize,
    /// Articles in this bundle.
    pub articles: usize,
    /// Articles written so far over all bundles.
    pub written: usize,
}

/// One article written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrittenArticle {
    /// The article file.
    pub path: PathBuf,
    /// Its metadata, as also written to the sidecar and the CSV.
    pub metadata: ArticleMetadata,
}

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// Articles written, in order.
    pub written: Vec<WrittenArticle>,
    /// Bundles that gave nothing, with the reason.
    pub failed: Vec<BundleError>,
    /// Articles left out of bundles that were otherwise read: (bundle, article).
    pub skipped: Vec<(PathBuf, Skipped)>,
    /// The listing written (`articles.csv`, or a suffixed name when that exists).
    pub csv_path: Option<PathBuf>,
    /// True when the cancel flag stopped the import; what was written stays, with its CSV.
    pub cancelled: bool,
}

/// Splits each of `files` and writes its articles to `out` (created if needed): one `.txt`
/// per article named `<date>_<source>_<title>.txt`, its sidecar with the metadata, and
/// `articles.csv` for all. `progress` is called before each bundle and after each article;
/// raising `cancel` stops after the article being written. A bundle that cannot be read is
/// reported in [`ImportReport::failed`] and the others go on; failing to write into `out`
/// stops the import with an error.
pub fn import_bundles(
    files: &[PathBuf],
    out: &Path,
    progress: &mut dyn FnMut(&ImportProgress),
    cancel: &AtomicBool,
) -> Result<ImportReport, BundleError> {
    let write_error = |source, path: &Path| BundleError::Write {
        source,
        path: path.to_owned(),
    };
    std::fs::create_dir_all(out).map_err(|e| write_error(e, out))?;
    let mut report = ImportReport::default();
    let mut state = ImportProgress {
        bundles: files.len(),
        ..ImportProgress::default()
    };
    'bundles: for (bundle_idx, file) in files.iter().enumerate() {
        state.bundle_idx = bundle_idx;
        state.article_idx = 0;
        state.articles = 0;
        progress(&state);
        if cancel.load(Ordering::Relaxed) {
            report.cancelled = true;
            break;
        }
        let split = match split_file(file) {
            Ok(split) => split,
            Err(error) => {
                report.failed.push(error);
                continue;
            }
        };
        report
            .skipped
            .extend(split.skipped.into_iter().map(|s| (file.clone(), s)));
        state.articles = split.articles.len();
        for article in split.articles {
            if cancel.load(Ordering::Relaxed) {
                report.cancelled = true;
                break 'bundles;
            }
            let path = write_article(out, &article)?;
            report.written.push(WrittenArticle {
                path,
                metadata: article.metadata,
            });
            state.article_idx += 1;
            state.written += 1;
            progress(&state);
        }
    }
    if !report.written.is_empty() {
        report.csv_path = Some(write_csv(out, &report.written)?);
    }
    Ok(report)
}

/// The article as plain text: the headline, then each paragraph, separated by blank lines
/// (Hashiya's plain-text rule reads it back as the same paragraphs).
fn article_text(article: &BundleArticle) -> String {
    let mut text = String::new();
    let title = one_line(&article.metadata.title);
    if !title.is_empty() {
        text.push_str(&title);
        text.push_str("\n\n");
    }
    for paragraph in &article.paragraphs {
        let paragraph = one_line(paragraph);
        if paragraph.is_empty() {
            continue;
        }
        text.push_str(&paragraph);
        text.push_str("\n\n");
    }
    text
}

fn one_line(text: &str) -> String {
    document::collapse_whitespace(text)
}

/// Writes one article and its sidecar; returns the article's path.
fn write_article(out: &Path, article: &BundleArticle) -> Result<PathBuf, BundleError> {
    let text = article_text(article);
    let stem = file_stem(&article.metadata);
    let (path, mut file) = create_new(out, &stem, "txt")?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|source| BundleError::Write {
            source,
            path: path.clone(),
        })?;
    // The sidecar describes the article as Hashiya reads it back.
    let document = document::load(&path)?;
    let mut info = crate::annotation::store::article_info(&document);
    info.metadata = Some(article.metadata.clone());
    let sidecar = Sidecar {
        format: FORMAT_MARKER.to_owned(),
        version: FORMAT_VERSION,
        article: info,
        label_scheme: LabelScheme::news_default(),
        annotations: Vec::new(),
        deleted: Vec::new(),
        relations: Vec::new(),
        conflicts: Vec::new(),
    };
    let sidecar_path = crate::annotation::sidecar_path(&path);
    let mut sidecar_file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&sidecar_path)
        .map_err(|source| BundleError::Write {
            source,
            path: sidecar_path.clone(),
        })?;
    sidecar_file
        .write_all(crate::annotation::sidecar::to_json(&sidecar).as_bytes())
        .and_then(|()| sidecar_file.sync_all())
        .map_err(|source| BundleError::Write {
            source,
            path: sidecar_path,
        })?;
    Ok(path)
}

/// Creates `<stem>.<extension>` in `folder`, or `<stem>-2.<extension>` … when taken (or when
/// the article's sidecar name is taken). Never replaces a file.
fn create_new(
    folder: &Path,
    stem: &str,
    extension: &str,
) -> Result<(PathBuf, std::fs::File), BundleError> {
    for attempt in 1..=10_000u32 {
        let name = if attempt == 1 {
            format!("{stem}.{extension}")
        } else {
            format!("{stem}-{attempt}.{extension}")
        };
        let path = folder.join(name);
        if extension == "txt" && crate::annotation::sidecar_path(&path).exists() {
            continue;
        }
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(file) => return Ok((path, file)),
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(source) => return Err(BundleError::Write { source, path }),
        }
    }
    Err(BundleError::Write {
        source: std::io::Error::other("10,000 files of that name already exist"),
        path: folder.join(format!("{stem}.{extension}")),
    })
}

/// Writes `articles.csv` (UTF-8 with a byte order mark) listing `written`.
fn write_csv(out: &Path, written: &[WrittenArticle]) -> Result<PathBuf, BundleError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(CSV_HEADER).ok();
    for article in written {
        let m = &article.metadata;
        let file = article
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        writer
            .write_record([
                file.as_str(),
                &m.title,
                &m.source,
                &m.date,
                &m.byline,
                &m.section,
                &m.length,
                &m.language,
                &m.accession,
                &m.bundle,
                &m.index.map(|i| i.to_string()).unwrap_or_default(),
            ])
            .ok();
    }
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(writer.into_inner().unwrap_or_default());
    let (path, mut file) = create_new(out, "articles", "csv")?;
    file.write_all(&bytes)
        .and_then(|()| file.sync_all())
        .map_err(|source| BundleError::Write {
            source,
            path: path.clone(),
        })?;
    Ok(path)
}

/// `<date>_<source>_<title>` with characters unsafe in file names replaced, Arabic kept,
/// and at most [`MAX_FILE_NAME_BYTES`] bytes with room for a suffix and extension.
pub fn file_stem(metadata: &ArticleMetadata) -> String {
    let date = if metadata.date.is_empty() {
        "undated".to_owned()
    } else {
        slug(&metadata.date, 10)
    };
    let source = match slug(&metadata.source, 40) {
        s if s.is_empty() => "unknown-source".to_owned(),
        s => s,
    };
    let title = match slug(&metadata.title, 120) {
        s if s.is_empty() => "untitled".to_owned(),
        s => s,
    };
    let mut stem = format!("{date}_{source}_{title}");
    // Room for "-10000.txt".
    let limit = MAX_FILE_NAME_BYTES - 10;
    while stem.len() > limit {
        stem.pop();
    }
    stem.trim_end_matches(['-', '_']).to_owned()
}

/// Letters (any script), digits and marks kept; runs of anything else become one `-`; at
/// most `max_chars` characters.
fn slug(text: &str, max_chars: usize) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars() {
        let keep = c.is_alphanumeric() || matches!(c, '\u{064b}'..='\u{065f}' | '\u{0670}');
        if keep {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    let mut slug: String = out.chars().take(max_chars).collect();
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// The articles a splitter read, numbered from 1 in bundle order and tagged with the
/// bundle's name; those that could not be read are listed as skipped.
pub(crate) fn collect_articles(
    results: impl Iterator<Item = Result<BundleArticle, String>>,
    bundle: &str,
) -> (Vec<BundleArticle>, Vec<Skipped>) {
    let mut articles = Vec::new();
    let mut skipped = Vec::new();
    for (number, result) in results.enumerate() {
        let index = number + 1;
        match result {
            Ok(mut article) => {
                bundle.clone_into(&mut article.metadata.bundle);
                article.metadata.index = Some(index);
                articles.push(article);
            }
            Err(reason) => skipped.push(Skipped { index, reason }),
        }
    }
    (articles, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_keep_arabic_and_drop_unsafe_characters() {
        let metadata = ArticleMetadata {
            title: "«داعش»: هجوم/تفجير في الرقة? *عاجل*".to_owned(),
            source: "Al-Hayat / الحياة".to_owned(),
            date: "2015-07-27".to_owned(),
            ..ArticleMetadata::default()
        };
        assert_eq!(
            file_stem(&metadata),
            "2015-07-27_Al-Hayat-الحياة_داعش-هجوم-تفجير-في-الرقة-عاجل"
        );
        let long = ArticleMetadata {
            title: "كلمة ".repeat(200),
            ..ArticleMetadata::default()
        };
        let stem = file_stem(&long);
        assert!(stem.starts_with("undated_unknown-source_كلمة-كلمة"));
        assert!(stem.len() <= MAX_FILE_NAME_BYTES - 10, "{}", stem.len());
        assert!(!stem.contains(['/', '\\', ':', '*', '?', '"', '<', '>', '|']));
    }

    #[test]
    fn languages_become_codes() {
        assert_eq!(language_code("ARABIC"), "ar");
        assert_eq!(language_code("English"), "en");
        assert_eq!(language_code("Klingon"), "Klingon");
    }
}
