//! Annotations out to the tools researchers analyse with: CSV (UTF-8 with a byte order mark,
//! so spreadsheet programs show Arabic), JSON Lines, and a W3C Web Annotation collection.
//!
//! Exports read each article and its sidecar and re-anchor first, so quotes and positions
//! match the article as it is now; annotations that cannot be placed are exported and
//! marked orphaned.

use std::path::{Path, PathBuf};

use std::fmt::Write as _;

use serde::Serialize;
use serde_json::{Value, json};

use crate::annotation::sidecar::{self, SidecarError};
use crate::annotation::{Annotation, Sidecar, TargetKind, reanchor};
use crate::document::{self, Document, DocumentError};

pub mod entities;

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// Comma-separated values, one row per annotation.
    Csv,
    /// One JSON object per line, one line per annotation.
    Jsonl,
    /// A W3C Web Annotation `AnnotationCollection`.
    W3c,
}

impl ExportFormat {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Jsonl => "jsonl",
            Self::W3c => "jsonld",
        }
    }
}

/// What went wrong while exporting.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Document(#[from] DocumentError),
    #[error(transparent)]
    Sidecar(#[from] SidecarError),
    #[error("{}", crate::i18n::with_path("error-no-sidecar", .0))]
    NoSidecar(PathBuf),
}

/// One article with its annotations, re-anchored to its current text.
#[derive(Debug)]
pub struct ArticleAnnotations {
    /// The article file.
    pub path: PathBuf,
    /// The article.
    pub document: Document,
    /// Its annotations (targets re-anchored).
    pub sidecar: Sidecar,
    /// Whose sidecar it is (`None`: the article's own, adjudicated one).
    pub annotator: Option<String>,
}

/// Reads `article` and its sidecar and re-anchors the annotations.
pub fn load(article: &Path) -> Result<ArticleAnnotations, ExportError> {
    let document = document::load(article)?;
    let sidecar_path = sidecar::sidecar_path(article);
    let mut sidecar =
        sidecar::read_only(&sidecar_path)?.ok_or(ExportError::NoSidecar(sidecar_path))?;
    reanchor(&mut sidecar.annotations, &document);
    crate::annotation::sort_annotations(&mut sidecar.annotations);
    Ok(ArticleAnnotations {
        path: article.to_owned(),
        document,
        sidecar,
        annotator: None,
    })
}

/// Every sidecar of `article` (its own and each annotator's), re-anchored; empty when it
/// has none.
pub fn load_all(article: &Path) -> Result<Vec<ArticleAnnotations>, ExportError> {
    load_all_with(article, &mut sidecar::AnnotatorSidecars::default())
}

/// [`load_all`] for one article of many: `finder` remembers the folders it has read.
fn load_all_with(
    article: &Path,
    finder: &mut sidecar::AnnotatorSidecars,
) -> Result<Vec<ArticleAnnotations>, ExportError> {
    let paths = sidecar_paths(article, finder);
    load_sidecars(article, paths)
}

/// An article's sidecars: (annotator, path), `None` for the article's own.
type SidecarPaths = Vec<(Option<String>, PathBuf)>;

/// Where `article`'s sidecars are: its own first (when there), then each annotator's.
fn sidecar_paths(article: &Path, finder: &mut sidecar::AnnotatorSidecars) -> SidecarPaths {
    let mut paths: SidecarPaths = Vec::new();
    let plain = sidecar::sidecar_path(article);
    if plain.exists() {
        paths.push((None, plain));
    }
    paths.extend(
        finder
            .of(article)
            .into_iter()
            .map(|(annotator, path)| (Some(annotator), path)),
    );
    paths
}

/// Reads `article` and the sidecars at `paths` (see [`sidecar_paths`]), re-anchored.
fn load_sidecars(
    article: &Path,
    paths: SidecarPaths,
) -> Result<Vec<ArticleAnnotations>, ExportError> {
    if paths.is_empty() {
        return Ok(Vec::new());
    }
    let document = document::load(article)?;
    let mut items = Vec::new();
    let mut article_metadata = None;
    for (annotator, path) in paths {
        let Some(mut sidecar) = sidecar::read_only(&path)? else {
            continue;
        };
        // The article's own sidecar (read first) carries what a bundle said about it;
        // each annotator's rows get the same.
        if sidecar.article.metadata.is_none() {
            sidecar.article.metadata.clone_from(&article_metadata);
        } else if article_metadata.is_none() {
            article_metadata.clone_from(&sidecar.article.metadata);
        }
        reanchor(&mut sidecar.annotations, &document);
        crate::annotation::sort_annotations(&mut sidecar.annotations);
        items.push(ArticleAnnotations {
            path: article.to_owned(),
            document: document.clone(),
            sidecar,
            annotator,
        });
    }
    Ok(items)
}

/// Every annotated article under `folder` (all their sidecars), in the order
/// `corpus::list_articles` gives. Articles that cannot be read are reported back, in the
/// same order, not fatal. Articles are read and re-anchored on several threads.
pub fn load_folder(folder: &Path) -> (Vec<ArticleAnnotations>, Vec<ExportError>) {
    load_folder_on(folder, default_threads())
}

/// [`load_folder`] on at most `threads` threads (1: on this one).
pub fn load_folder_on(
    folder: &Path,
    threads: usize,
) -> (Vec<ArticleAnnotations>, Vec<ExportError>) {
    let mut items = Vec::new();
    let mut errors = Vec::new();
    for_each_in_folder_on(
        folder,
        threads,
        |item| item,
        |result| match result {
            Ok(found) => items.extend(found),
            Err(error) => errors.push(error),
        },
    );
    (items, errors)
}

/// How many threads to load articles on: one per core.
fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}

/// How many articles each thread loads before their results are handed on.
const ARTICLES_PER_THREAD_AT_ONCE: usize = 32;

/// Streams [`load_folder`]: each annotated article under `folder`, read and re-anchored on
/// several threads, is turned by `work` (one call per sidecar) into what is kept of it, and
/// `sink` gets, article by article in [`load_folder`]'s order, those results or the error
/// that skipped the article. Only a few articles per thread are in memory at once.
pub fn for_each_in_folder<R: Send>(
    folder: &Path,
    work: impl Fn(ArticleAnnotations) -> R + Sync,
    sink: impl FnMut(Result<Vec<R>, ExportError>),
) {
    for_each_in_folder_on(folder, default_threads(), work, sink);
}

/// [`for_each_in_folder`] on at most `threads` threads (1: on this one).
pub fn for_each_in_folder_on<R: Send>(
    folder: &Path,
    threads: usize,
    work: impl Fn(ArticleAnnotations) -> R + Sync,
    mut sink: impl FnMut(Result<Vec<R>, ExportError>),
) {
    let mut finder = sidecar::AnnotatorSidecars::default();
    let jobs: Vec<(PathBuf, SidecarPaths)> = crate::corpus::list_articles(folder)
        .into_iter()
        .map(|article| {
            let paths = sidecar_paths(&article, &mut finder);
            (article, paths)
        })
        .filter(|(_, paths)| !paths.is_empty())
        .collect();
    let threads = threads.max(1);
    let mut jobs = jobs.into_iter().peekable();
    while jobs.peek().is_some() {
        let batch: Vec<_> = jobs
            .by_ref()
            .take(threads.saturating_mul(ARTICLES_PER_THREAD_AT_ONCE))
            .collect();
        let results = in_order_on_threads(batch, threads, |(article, paths)| {
            load_sidecars(&article, paths).map(|found| found.into_iter().map(&work).collect())
        });
        for result in results {
            sink(result);
        }
    }
}

/// `work` applied to each of `jobs` on up to `threads` threads, each taking a contiguous
/// run of them; the results come back in the order of `jobs`.
fn in_order_on_threads<J: Send, R: Send>(
    jobs: Vec<J>,
    threads: usize,
    work: impl Fn(J) -> R + Sync,
) -> Vec<R> {
    let threads = threads.clamp(1, jobs.len().max(1));
    if threads == 1 {
        return jobs.into_iter().map(work).collect();
    }
    let per_thread = jobs.len().div_ceil(threads);
    let mut runs: Vec<Vec<J>> = Vec::with_capacity(threads);
    let mut jobs = jobs.into_iter();
    loop {
        let run: Vec<J> = jobs.by_ref().take(per_thread).collect();
        if run.is_empty() {
            break;
        }
        runs.push(run);
    }
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = runs
            .into_iter()
            .map(|run| scope.spawn(move || run.into_iter().map(work).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// Wraps what is already in memory (the open article) for export.
pub fn from_parts(path: &Path, document: Document, sidecar: Sidecar) -> ArticleAnnotations {
    ArticleAnnotations {
        path: path.to_owned(),
        document,
        sidecar,
        annotator: None,
    }
}

fn article_name(item: &ArticleAnnotations) -> String {
    item.path.file_name().map_or_else(
        || item.path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn label_names(sidecar: &Sidecar, annotation: &Annotation) -> Vec<String> {
    annotation
        .labels
        .iter()
        .map(|id| {
            sidecar
                .label_scheme
                .label(id)
                .map_or_else(|| id.clone(), |l| l.name.clone())
        })
        .collect()
}

fn kind_name(kind: TargetKind) -> &'static str {
    match kind {
        TargetKind::Paragraph => "paragraph",
        TargetKind::Span => "span",
    }
}

/// Writes `items` in `format`.
pub fn export(items: &[ArticleAnnotations], format: ExportFormat) -> String {
    match format {
        ExportFormat::Csv => to_csv(items),
        ExportFormat::Jsonl => to_jsonl(items),
        ExportFormat::W3c => {
            let mut text = serde_json::to_string_pretty(&to_w3c(items)).unwrap_or_default();
            text.push('\n');
            text
        }
    }
}

/// The CSV columns: the annotation, then the article's metadata from a news database
/// (empty for articles not imported from a bundle), then the language detected from the
/// article's letters (`ar`, `fa` or `ur`).
pub const CSV_HEADER: [&str; 24] = [
    "article",
    "annotation_id",
    "paragraph_index",
    "kind",
    "labels",
    "label_names",
    "note",
    "color",
    "quote",
    "start",
    "end",
    "author",
    "created",
    "modified",
    "orphaned",
    "article_title",
    "article_source",
    "article_date",
    "article_byline",
    "article_section",
    "article_length",
    "article_language",
    "article_accession",
    "language",
];

/// The quote to export for `target`: a whole paragraph's quote holds the whole paragraph,
/// even when the sidecar keeps only its first characters.
fn export_quote(
    item: &ArticleAnnotations,
    target: &crate::annotation::Target,
) -> crate::annotation::model::TextQuoteSelector {
    let mut quote = target.quote.clone();
    if target.kind != TargetKind::Paragraph || target.orphaned {
        return quote;
    }
    let Some(paragraph) = item.document.paragraphs.get(target.paragraph) else {
        return quote;
    };
    let Some(text) = item.document.text.get(paragraph.byte_range.clone()) else {
        return quote;
    };
    if text.len() > quote.exact.len() {
        text.clone_into(&mut quote.exact);
        quote.suffix = item
            .document
            .text
            .get(paragraph.byte_range.end..)
            .unwrap_or("")
            .chars()
            .take(crate::annotation::model::CONTEXT_CHARS)
            .collect();
    }
    quote
}

/// CSV in UTF-8 with a byte order mark; multiple labels are joined with `; `.
pub fn to_csv(items: &[ArticleAnnotations]) -> String {
    let mut out = csv_start();
    for item in items {
        out.push_str(&csv_rows(item));
    }
    out
}

/// The start of [`to_csv`]'s text: the byte order mark and the header row.
pub fn csv_start() -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail.
    writer.write_record(CSV_HEADER).ok();
    let bytes = writer.into_inner().unwrap_or_default();
    let mut out = String::from("\u{feff}");
    out.push_str(&String::from_utf8_lossy(&bytes));
    out
}

/// [`to_csv`]'s rows for one article (no header).
pub fn csv_rows(item: &ArticleAnnotations) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let article = article_name(item);
    let metadata = item.sidecar.article.metadata.clone().unwrap_or_default();
    let language = item.document.language().code();
    for annotation in &item.sidecar.annotations {
        let target = &annotation.target;
        writer
            .write_record([
                article.clone(),
                annotation.id.to_string(),
                target.paragraph.to_string(),
                kind_name(target.kind).to_owned(),
                annotation.labels.join("; "),
                label_names(&item.sidecar, annotation).join("; "),
                annotation.note.clone(),
                annotation.color.clone().unwrap_or_default(),
                export_quote(item, target).exact,
                target.position.start.to_string(),
                target.position.end.to_string(),
                annotation.author.clone(),
                annotation.created.to_string(),
                annotation.modified.to_string(),
                target.orphaned.to_string(),
                metadata.title.clone(),
                metadata.source.clone(),
                metadata.date.clone(),
                metadata.byline.clone(),
                metadata.section.clone(),
                metadata.length.clone(),
                metadata.language.clone(),
                metadata.accession.clone(),
                language.to_owned(),
            ])
            .ok();
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// One exported annotation in JSON Lines.
#[derive(Debug, Serialize)]
struct JsonlRow<'a> {
    article: String,
    id: String,
    paragraph_index: usize,
    paragraph_text: &'a str,
    kind: &'static str,
    labels: &'a [String],
    label_names: Vec<String>,
    note: &'a str,
    color: Option<&'a str>,
    quote: crate::annotation::model::TextQuoteSelector,
    start: usize,
    end: usize,
    author: &'a str,
    created: String,
    modified: String,
    orphaned: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    article_metadata: Option<&'a crate::annotation::ArticleMetadata>,
    /// The article's language, detected from its letters.
    language: crate::arabic::Language,
}

/// One JSON object per line with the annotation and its paragraph's text.
pub fn to_jsonl(items: &[ArticleAnnotations]) -> String {
    let mut out = String::new();
    for item in items {
        out.push_str(&jsonl_rows(item));
    }
    out
}

/// [`to_jsonl`]'s lines for one article.
pub fn jsonl_rows(item: &ArticleAnnotations) -> String {
    let mut out = String::new();
    let article = article_name(item);
    let language = item.document.language();
    for annotation in &item.sidecar.annotations {
        let target = &annotation.target;
        let paragraph_text = if target.orphaned {
            ""
        } else {
            item.document.paragraph_text(target.paragraph).unwrap_or("")
        };
        let row = JsonlRow {
            article: article.clone(),
            id: annotation.id.to_string(),
            paragraph_index: target.paragraph,
            paragraph_text,
            kind: kind_name(target.kind),
            labels: &annotation.labels,
            label_names: label_names(&item.sidecar, annotation),
            note: &annotation.note,
            color: annotation.color.as_deref(),
            quote: export_quote(item, target),
            start: target.position.start,
            end: target.position.end,
            author: &annotation.author,
            created: annotation.created.to_string(),
            modified: annotation.modified.to_string(),
            orphaned: target.orphaned,
            page: if target.orphaned {
                None
            } else {
                item.document.paragraph_pages.get(target.paragraph).copied()
            },
            article_metadata: item.sidecar.article.metadata.as_ref(),
            language,
        };
        if let Ok(line) = serde_json::to_string(&row) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// A `file://` URL for `path` (absolute when it can be made so), percent-encoded.
pub fn file_url(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut url = String::from("file://");
    for byte in absolute.to_string_lossy().as_bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                url.push(char::from(*byte));
            }
            _ => {
                write!(url, "%{byte:02X}").ok();
            }
        }
    }
    url
}

/// The language of a note, for the W3C `language` property: Arabic when Arabic letters
/// outnumber Latin ones, English when only Latin letters appear, otherwise unknown.
pub fn note_language(note: &str) -> Option<&'static str> {
    let arabic = note
        .chars()
        .filter(|c| ('\u{0600}'..='\u{06FF}').contains(c) && c.is_alphabetic())
        .count();
    let latin = note.chars().filter(char::is_ascii_alphabetic).count();
    if arabic > 0 && arabic >= latin {
        Some("ar")
    } else if latin > 0 {
        Some("en")
    } else {
        None
    }
}

/// The article as the W3C target's `source`: its URL and its language.
fn w3c_source(item: &ArticleAnnotations, language: crate::arabic::Language) -> Value {
    json!({
        "id": file_url(&item.path),
        "type": "Text",
        "language": language.code(),
    })
}

fn w3c_item(item: &ArticleAnnotations, annotation: &Annotation, source: &Value) -> Value {
    let target = &annotation.target;
    let quote = export_quote(item, target);
    let mut bodies = Vec::new();
    for name in label_names(&item.sidecar, annotation) {
        bodies.push(json!({"type": "TextualBody", "purpose": "tagging", "value": name}));
    }
    if !annotation.note.trim().is_empty() {
        let mut body = json!({
            "type": "TextualBody",
            "purpose": "commenting",
            "value": annotation.note,
            "format": "text/plain",
        });
        if let Some(language) = note_language(&annotation.note) {
            body["language"] = json!(language);
        }
        bodies.push(body);
    }
    if let Some(color) = &annotation.color {
        bodies.push(json!({"type": "TextualBody", "purpose": "highlighting", "value": color}));
    }
    if target.orphaned {
        bodies.push(json!({
            "type": "TextualBody",
            "purpose": "describing",
            "value": "orphaned: the quoted text is no longer in the article; quote and position are the last known ones",
        }));
    }
    let motivation = if !annotation.labels.is_empty() {
        "classifying"
    } else if !annotation.note.trim().is_empty() {
        "commenting"
    } else {
        "highlighting"
    };
    json!({
        "id": format!("urn:uuid:{}", annotation.id),
        "type": "Annotation",
        "motivation": motivation,
        "created": annotation.created.to_string(),
        "modified": annotation.modified.to_string(),
        "creator": {"type": "Person", "name": annotation.author},
        "body": bodies,
        "target": {
            "source": source,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": quote.exact,
                    "prefix": quote.prefix,
                    "suffix": quote.suffix,
                },
                {
                    "type": "TextPositionSelector",
                    "start": target.position.start,
                    "end": target.position.end,
                },
            ],
        },
    })
}

/// A relation as a W3C annotation whose targets are its two passage annotations, source
/// first, with its type as a `tagging` body.
fn w3c_relation(item: &ArticleAnnotations, relation: &crate::annotation::Relation) -> Value {
    let name = item
        .sidecar
        .label_scheme
        .relation_type(&relation.relation_type)
        .map_or_else(|| relation.relation_type.clone(), |t| t.name.clone());
    json!({
        "id": format!("urn:uuid:{}", relation.id),
        "type": "Annotation",
        "motivation": "linking",
        "created": relation.created.to_string(),
        "modified": relation.modified.to_string(),
        "creator": {"type": "Person", "name": relation.author},
        "body": [
            {"type": "TextualBody", "purpose": "tagging", "value": name},
            {
                "type": "TextualBody",
                "purpose": "describing",
                "value": "relation: the first target is its source, the second its target",
            },
        ],
        "target": [
            format!("urn:uuid:{}", relation.source),
            format!("urn:uuid:{}", relation.target),
        ],
    })
}

/// A W3C Web Annotation `AnnotationCollection` holding every annotation and relation.
pub fn to_w3c(items: &[ArticleAnnotations]) -> Value {
    let annotations: Vec<Value> = items
        .iter()
        .flat_map(|item| {
            let source = w3c_source(item, item.document.language());
            item.sidecar
                .annotations
                .iter()
                .map(move |a| w3c_item(item, a, &source))
                .chain(
                    item.sidecar
                        .relations
                        .iter()
                        .map(move |r| w3c_relation(item, r)),
                )
        })
        .collect();
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "label": "Hashiya annotations",
        "total": annotations.len(),
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": annotations,
        },
    })
}
