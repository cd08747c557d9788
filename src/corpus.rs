//! Folders of articles: finding them, summarising each (title, paragraphs, annotated
//! paragraphs, annotators), and measuring agreement between annotators across the folder.
//!
//! Team convention: each annotator's work on `story.txt` is in
//! `story.txt.annotations.<annotator>.json`; the plain `story.txt.annotations.json` is the
//! article's ordinary (or adjudicated, "gold") sidecar.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;

use crate::agreement::{Ratings, cohen_kappa, fleiss_kappa, krippendorff_alpha_nominal};
use crate::annotation::sidecar::{self, AnnotatorSidecars};
use crate::annotation::{CharIndex, Sidecar, reanchor};
use crate::arabic::{Folding, SearchIndex};
use crate::document::{self, ARTICLE_EXTENSIONS, Document};

/// Every article file under `folder` (recursively; hidden folders and files skipped), sorted.
pub fn list_articles(folder: &Path) -> Vec<PathBuf> {
    list_articles_until(folder, &AtomicBool::new(false))
}

/// [`list_articles`] that gives up (with what it found so far) once `cancel` is set.
pub fn list_articles_until(folder: &Path, cancel: &AtomicBool) -> Vec<PathBuf> {
    let mut articles: Vec<PathBuf> = walkdir::WalkDir::new(folder)
        .follow_links(false)
        .into_iter()
        .filter_entry(|entry| {
            !cancel.load(Ordering::Relaxed)
                && (entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.'))
        })
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|path| {
            path.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        })
        .collect();
    articles.sort();
    articles
}

/// One article of a folder, as the corpus list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CorpusEntry {
    /// The article file.
    pub path: PathBuf,
    /// Its title (empty when it could not be read).
    pub title: String,
    /// Number of paragraphs.
    pub paragraphs: usize,
    /// Paragraphs with at least one annotation in the sidecar the app would open.
    pub annotated: usize,
    /// Annotators with their own sidecar.
    pub annotators: Vec<String>,
    /// Why the article could not be read, if it could not.
    pub error: Option<String>,
    /// Why the sidecar counted for `annotated` could not be read, if it could not.
    pub sidecar_error: Option<String>,
}

fn annotated_paragraphs(sidecar: &Sidecar) -> usize {
    sidecar
        .annotations
        .iter()
        .filter(|a| !a.target.orphaned)
        .map(|a| a.target.paragraph)
        .collect::<BTreeSet<_>>()
        .len()
}

/// Summarises one article; `annotator` picks whose sidecar counts as annotated (`None`: the
/// plain sidecar).
pub fn index_article(path: &Path, annotator: Option<&str>) -> CorpusEntry {
    index_article_with(path, annotator, &mut AnnotatorSidecars::default())
}

/// [`index_article`] for one article of many: `sidecars` remembers the folders it has read.
pub fn index_article_with(
    path: &Path,
    annotator: Option<&str>,
    sidecars: &mut AnnotatorSidecars,
) -> CorpusEntry {
    let annotators: Vec<String> = sidecars
        .of(path)
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    let document = match document::load(path) {
        Ok(document) => document,
        Err(error) => {
            return CorpusEntry {
                path: path.to_owned(),
                title: String::new(),
                paragraphs: 0,
                annotated: 0,
                annotators,
                error: Some(error.to_string()),
                sidecar_error: None,
            };
        }
    };
    let sidecar_path = match annotator {
        Some(name) => sidecar::annotator_sidecar_path(path, name),
        None => sidecar::sidecar_path(path),
    };
    // Counting annotations needs no re-anchoring: paragraph indices are close enough here.
    let (annotated, sidecar_error) = match sidecar::read(&sidecar_path) {
        Ok(found) => (
            found.map_or(0, |(sidecar, _)| annotated_paragraphs(&sidecar)),
            None,
        ),
        Err(error) => (0, Some(error.to_string())),
    };
    CorpusEntry {
        path: path.to_owned(),
        title: document.title().chars().take(200).collect(),
        paragraphs: document.paragraphs.len(),
        annotated,
        annotators,
        error: None,
        sidecar_error,
    }
}

/// Agreement on one label (or overall).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LabelAgreement {
    /// Label id (`overall` for all labels pooled).
    pub label: String,
    /// Label name.
    pub name: String,
    /// Paragraphs (or paragraph × label pairs, for overall) rated by at least two annotators.
    pub items: usize,
    /// Cohen's κ, when there are exactly two annotators.
    pub cohen_kappa: Option<f64>,
    /// Fleiss' κ over items rated by every annotator.
    pub fleiss_kappa: Option<f64>,
    /// Krippendorff's α (nominal; missing ratings allowed).
    pub krippendorff_alpha: Option<f64>,
}

/// Agreement across a folder.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AgreementReport {
    /// Annotators found (with their own sidecars).
    pub annotators: Vec<String>,
    /// Articles annotated by at least two of them.
    pub articles: usize,
    /// Per label, in scheme order.
    pub labels: Vec<LabelAgreement>,
    /// All labels pooled (each paragraph × label decision is an item).
    pub overall: LabelAgreement,
    /// Files left out because they could not be read, each with the reason.
    pub skipped: Vec<String>,
}

/// Paragraph-level label decisions of one annotator on one article.
struct ArticleRatings {
    paragraphs: usize,
    /// Per annotator (index into the report's list): the labels of each paragraph.
    by_annotator: BTreeMap<usize, Vec<BTreeSet<String>>>,
}

/// The labels each paragraph of `document` carries in `sidecar` (whole-paragraph and
/// passage annotations pooled), after re-anchoring to the current text.
pub fn ratings_of(document: &Document, mut sidecar: Sidecar) -> Vec<BTreeSet<String>> {
    reanchor(&mut sidecar.annotations, document);
    let mut labels = vec![BTreeSet::new(); document.paragraphs.len()];
    for annotation in sidecar.annotations.iter().filter(|a| !a.target.orphaned) {
        if let Some(set) = labels.get_mut(annotation.target.paragraph) {
            set.extend(annotation.labels.iter().cloned());
        }
    }
    labels
}

fn measure(label: &str, name: &str, items: &[Ratings], annotators: usize) -> LabelAgreement {
    let rated = items
        .iter()
        .filter(|r| r.iter().flatten().count() >= 2)
        .count();
    LabelAgreement {
        label: label.to_owned(),
        name: name.to_owned(),
        items: rated,
        cohen_kappa: (annotators == 2).then(|| cohen_kappa(items)).flatten(),
        fleiss_kappa: fleiss_kappa(items),
        krippendorff_alpha: krippendorff_alpha_nominal(items),
    }
}

/// Paragraph-level agreement per label and overall, across every article of `folder` that
/// at least two annotators annotated. An annotator with a sidecar for an article rated every
/// paragraph of it (label present or absent); without one, their ratings are missing.
pub fn folder_agreement(folder: &Path) -> AgreementReport {
    let mut annotators: Vec<String> = Vec::new();
    let mut label_names: Vec<(String, String)> = Vec::new();
    let mut articles: Vec<ArticleRatings> = Vec::new();
    let mut finder = AnnotatorSidecars::default();
    let mut skipped = Vec::new();
    for path in list_articles(folder) {
        let sidecars = finder.of(&path);
        if sidecars.len() < 2 {
            continue;
        }
        let document = match document::load(&path) {
            Ok(document) => document,
            Err(error) => {
                skipped.push(error.to_string());
                continue;
            }
        };
        let mut by_annotator = BTreeMap::new();
        for (name, sidecar_path) in sidecars {
            let sidecar = match sidecar::read(&sidecar_path) {
                Ok(Some((sidecar, _))) => sidecar,
                Ok(None) => continue,
                Err(error) => {
                    skipped.push(error.to_string());
                    continue;
                }
            };
            for label in &sidecar.label_scheme.labels {
                if !label_names.iter().any(|(id, _)| *id == label.id) {
                    label_names.push((label.id.clone(), label.name.clone()));
                }
            }
            let index = annotators
                .iter()
                .position(|a| *a == name)
                .unwrap_or_else(|| {
                    annotators.push(name.clone());
                    annotators.len() - 1
                });
            by_annotator.insert(index, ratings_of(&document, sidecar));
        }
        if by_annotator.len() >= 2 {
            articles.push(ArticleRatings {
                paragraphs: document.paragraphs.len(),
                by_annotator,
            });
        }
    }
    let count = annotators.len();
    let items_for = |label: &str| -> Vec<Ratings> {
        articles
            .iter()
            .flat_map(|article| {
                (0..article.paragraphs).map(move |p| {
                    (0..count)
                        .map(|a| {
                            article
                                .by_annotator
                                .get(&a)
                                .map(|labels| u32::from(labels[p].contains(label)))
                        })
                        .collect()
                })
            })
            .collect()
    };
    let labels: Vec<LabelAgreement> = label_names
        .iter()
        .map(|(id, name)| measure(id, name, &items_for(id), count))
        .collect();
    let pooled: Vec<Ratings> = label_names
        .iter()
        .flat_map(|(id, _)| items_for(id))
        .collect();
    AgreementReport {
        overall: measure("overall", "all labels", &pooled, count),
        annotators,
        articles: articles.len(),
        labels,
        skipped,
    }
}

/// The report as a plain-text table.
pub fn agreement_table(report: &AgreementReport) -> String {
    use std::fmt::Write as _;
    let value = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| format!("{v:.3}"));
    let mut out = String::new();
    writeln!(
        out,
        "Agreement over {} article(s) annotated by {} annotator(s): {}",
        report.articles,
        report.annotators.len(),
        report.annotators.join(", ")
    )
    .ok();
    writeln!(
        out,
        "{:<28} {:>7} {:>9} {:>9} {:>16}",
        "label", "items", "Cohen κ", "Fleiss κ", "Krippendorff α"
    )
    .ok();
    for row in report.labels.iter().chain(std::iter::once(&report.overall)) {
        let name: String = row.name.chars().take(28).collect();
        writeln!(
            out,
            "{:<28} {:>7} {:>9} {:>9} {:>16}",
            name,
            row.items,
            value(row.cohen_kappa),
            value(row.fleiss_kappa),
            value(row.krippendorff_alpha)
        )
        .ok();
    }
    out
}

/// Every match of `query` in `document`, as (paragraph, byte range within the paragraph's
/// text), in order. Matches across a paragraph break are left out.
pub fn find_in_document(
    document: &Document,
    index: &SearchIndex,
    query: &str,
) -> Vec<(usize, Range<usize>)> {
    let chars = CharIndex::new(&document.text);
    index
        .find_all(query)
        .into_iter()
        .filter_map(|range| {
            let start = chars.byte_of_char(&document.text, range.start)?;
            let end = chars.byte_of_char(&document.text, range.end)?;
            let paragraph = document
                .paragraphs
                .partition_point(|p| p.byte_range.end <= start);
            let paragraph_range = &document.paragraphs.get(paragraph)?.byte_range;
            (paragraph_range.start <= start && end <= paragraph_range.end).then(|| {
                (
                    paragraph,
                    start - paragraph_range.start..end - paragraph_range.start,
                )
            })
        })
        .collect()
}

/// One match of a corpus-wide search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusHit {
    /// The article.
    pub path: PathBuf,
    /// The paragraph.
    pub paragraph: usize,
    /// The match with a few words around it.
    pub snippet: String,
    /// Where the match is in `snippet`, in bytes.
    pub matched: Range<usize>,
}

/// The text around `bytes` of `text`: up to `context` characters each side, on word
/// boundaries where possible, with `…` where it was cut; and where `bytes` ended up in it.
pub fn snippet(text: &str, bytes: Range<usize>, context: usize) -> (String, Range<usize>) {
    let start = bytes.start.min(text.len());
    let end = bytes.end.clamp(start, text.len());
    let (Some(before), Some(hit), Some(after)) =
        (text.get(..start), text.get(start..end), text.get(end..))
    else {
        return (String::new(), 0..0);
    };
    let mut left: Vec<char> = before.chars().rev().take(context).collect();
    let cut_left = before.chars().rev().nth(context).is_some();
    if cut_left && let Some(space) = left.iter().rposition(|c| c.is_whitespace()) {
        left.truncate(space);
    }
    left.reverse();
    let mut right: Vec<char> = after.chars().take(context).collect();
    let cut_right = after.chars().nth(context).is_some();
    if cut_right && let Some(space) = right.iter().rposition(|c| c.is_whitespace()) {
        right.truncate(space);
    }
    let mut out = String::new();
    if cut_left {
        out.push('…');
    }
    out.extend(left);
    let matched = out.len()..out.len() + hit.len();
    out.push_str(hit);
    out.extend(right);
    if cut_right {
        out.push('…');
    }
    (out, matched)
}

/// Searches every article of `articles` for `query` (Arabic-aware, as the find bar does),
/// calling `found` with each article's hits as it goes; stops early when `found` returns
/// false or once `limit` hits were found (the last article's hits cut to fit). Articles that
/// cannot be read are skipped. Returns how many articles were searched.
pub fn search_articles(
    articles: &[PathBuf],
    query: &str,
    folding: Folding,
    limit: usize,
    mut found: impl FnMut(usize, Vec<CorpusHit>) -> bool,
) -> usize {
    let mut searched = 0;
    let mut total = 0;
    for (position, path) in articles.iter().enumerate() {
        if total >= limit {
            break;
        }
        searched += 1;
        let Ok(document) = document::load(path) else {
            if !found(position, Vec::new()) {
                break;
            }
            continue;
        };
        let index = SearchIndex::new(&document.text, folding);
        let hits: Vec<CorpusHit> = find_in_document(&document, &index, query)
            .into_iter()
            .take(limit - total)
            .map(|(paragraph, bytes)| {
                let text = document.paragraph_text(paragraph).unwrap_or_default();
                let (snippet, matched) = snippet(text, bytes, 40);
                CorpusHit {
                    path: path.clone(),
                    paragraph,
                    snippet,
                    matched,
                }
            })
            .collect();
        total += hits.len();
        if !found(position, hits) {
            break;
        }
    }
    searched
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_cut_on_word_boundaries_and_mark_the_cuts() {
        let text = "قال وزير الخارجية الفرنسي إن التحالف الدولي سيجتمع في باريس يوم الثلاثاء";
        let start = text.find("التحالف").unwrap();
        let bytes = start..start + "التحالف".len();
        let (short, matched) = snippet(text, bytes.clone(), 12);
        assert!(short.starts_with('…') && short.ends_with('…'), "{short}");
        assert!(short.contains("إن التحالف الدولي"), "{short}");
        assert!(!short.contains("الخارجية"), "{short}");
        assert_eq!(&short[matched], "التحالف");
        // Nothing cut: no ellipsis.
        assert_eq!(snippet(text, bytes.clone(), 500), (text.to_owned(), bytes));
        // Out-of-range input gives an empty snippet, not a panic.
        assert_eq!(snippet(text, 1..2, 5), (String::new(), 0..0));
    }
}
