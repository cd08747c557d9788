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
use crate::tr;

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

/// Why a measure has no value (shown as "—").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoValue {
    /// Every item had the same value, so agreement by chance is total and the measure is
    /// undefined.
    NoVariation,
    /// No item was rated by enough annotators (both, for Cohen's κ; all, for Fleiss' κ; two,
    /// for Krippendorff's α).
    NoItems,
    /// Only one annotator: there is nobody to agree with.
    SingleAnnotator,
    /// Cohen's κ compares exactly two annotators, and there are more.
    NotTwoAnnotators,
}

impl NoValue {
    /// A short explanation, for a footer or a tooltip, in the interface language.
    pub fn explanation(self) -> String {
        match self {
            Self::NoVariation => tr!("agreement-no-variation"),
            Self::NoItems => tr!("agreement-no-items"),
            Self::SingleAnnotator => tr!("agreement-single-annotator"),
            Self::NotTwoAnnotators => tr!("agreement-not-two-annotators"),
        }
    }

    /// The mark the table puts after "—" for this reason.
    pub fn mark(self) -> char {
        match self {
            Self::NoVariation => 'a',
            Self::NoItems => 'b',
            Self::SingleAnnotator => 'c',
            Self::NotTwoAnnotators => 'd',
        }
    }

    /// Every reason, in mark order.
    pub const ALL: [Self; 4] = [
        Self::NoVariation,
        Self::NoItems,
        Self::SingleAnnotator,
        Self::NotTwoAnnotators,
    ];
}

/// Why each measure of a [`LabelAgreement`] that has no value has none.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct WhyNoValue {
    /// Cohen's κ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cohen_kappa: Option<NoValue>,
    /// Fleiss' κ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fleiss_kappa: Option<NoValue>,
    /// Krippendorff's α.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub krippendorff_alpha: Option<NoValue>,
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
    /// Why a measure above has no value.
    pub no_value: WhyNoValue,
}

/// An annotation left out because re-anchoring could not place it in the current text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Orphan {
    /// Its label ids.
    pub labels: Vec<String>,
    /// The text it was attached to.
    pub quote: String,
    /// Its note.
    pub note: String,
}

/// What became of one annotator's annotations (of an article, or of the whole folder).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Accounting {
    /// Annotations placed in the current text, whose labels were counted.
    pub counted: usize,
    /// Annotations left out as orphaned: not placeable in the current text.
    pub orphaned: usize,
    /// Files of this annotator left out because they (or their article) could not be read;
    /// each is named under `skipped`.
    pub unreadable: usize,
    /// Annotations left out because no other annotator's file covers their article.
    pub unpaired: usize,
}

impl Accounting {
    fn add(&mut self, other: &Self) {
        self.counted += other.counted;
        self.orphaned += other.orphaned;
        self.unreadable += other.unreadable;
        self.unpaired += other.unpaired;
    }

    /// "12 counted, 3 orphaned, 1 unreadable file": the counts that are not zero (counted
    /// always), in the interface language.
    pub fn describe(&self) -> String {
        let mut parts = vec![tr!("compare-counted", count = self.counted)];
        if self.orphaned > 0 {
            parts.push(tr!("compare-orphaned", count = self.orphaned));
        }
        if self.unreadable > 0 {
            parts.push(tr!("compare-unreadable", count = self.unreadable));
        }
        if self.unpaired > 0 {
            parts.push(tr!("compare-unpaired", count = self.unpaired));
        }
        parts.join(&tr!("cli-list-separator"))
    }
}

/// One article's part in the agreement: what each annotator's annotations of it became.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ArticleAccounting {
    /// The article file.
    pub article: PathBuf,
    /// Whether it was measured (two annotators' files or more could be read with it).
    pub measured: bool,
    /// Per annotator.
    pub annotators: BTreeMap<String, Accounting>,
    /// The orphaned annotations, per annotator.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub orphans: BTreeMap<String, Vec<Orphan>>,
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
    /// Per annotator, what became of their annotations over the folder.
    pub annotations: BTreeMap<String, Accounting>,
    /// The same per article, for every article with an annotator's file.
    pub by_article: Vec<ArticleAccounting>,
    /// Files left out because they could not be read, each with the reason.
    pub skipped: Vec<String>,
}

impl AgreementReport {
    /// Articles with orphaned annotations, in order.
    pub fn articles_with_orphans(&self) -> Vec<&ArticleAccounting> {
        self.by_article
            .iter()
            .filter(|a| a.annotators.values().any(|c| c.orphaned > 0))
            .collect()
    }

    /// Orphaned annotations in all.
    pub fn orphaned(&self) -> usize {
        self.annotations.values().map(|c| c.orphaned).sum()
    }
}

/// Paragraph-level label decisions of one annotator on one article.
struct ArticleRatings {
    paragraphs: usize,
    /// Per annotator (index into the report's list): the labels of each paragraph.
    by_annotator: BTreeMap<usize, Vec<BTreeSet<String>>>,
}

/// One annotator's sidecar of an article, re-anchored to its current text: the labels of
/// each paragraph, and the annotations that could not be placed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rated {
    /// The labels each paragraph carries (whole-paragraph and passage annotations pooled).
    pub labels: Vec<BTreeSet<String>>,
    /// Annotations placed, whose labels are in `labels`.
    pub counted: usize,
    /// Annotations that could not be placed in the current text.
    pub orphans: Vec<Orphan>,
}

/// Re-anchors `sidecar` to `document` and collects each paragraph's labels, keeping count
/// of what was placed and what was not.
pub fn rate(document: &Document, mut sidecar: Sidecar) -> Rated {
    reanchor(&mut sidecar.annotations, document);
    let mut rated = Rated {
        labels: vec![BTreeSet::new(); document.paragraphs.len()],
        ..Rated::default()
    };
    for annotation in sidecar.annotations {
        let placed = (!annotation.target.orphaned)
            .then(|| rated.labels.get_mut(annotation.target.paragraph))
            .flatten();
        match placed {
            Some(set) => {
                set.extend(annotation.labels.iter().cloned());
                rated.counted += 1;
            }
            None => rated.orphans.push(Orphan {
                labels: annotation.labels,
                quote: annotation.target.quote.exact,
                note: annotation.note,
            }),
        }
    }
    rated
}

/// The labels each paragraph of `document` carries in `sidecar` (whole-paragraph and
/// passage annotations pooled), after re-anchoring to the current text.
pub fn ratings_of(document: &Document, sidecar: Sidecar) -> Vec<BTreeSet<String>> {
    rate(document, sidecar).labels
}

fn measure(label: &str, name: &str, items: &[Ratings], annotators: usize) -> LabelAgreement {
    let rated = items
        .iter()
        .filter(|r| r.iter().flatten().count() >= 2)
        .count();
    let cohen_kappa = (annotators == 2).then(|| cohen_kappa(items)).flatten();
    let fleiss_kappa = fleiss_kappa(items);
    let krippendorff_alpha = krippendorff_alpha_nominal(items);
    let few = (annotators < 2).then_some(NoValue::SingleAnnotator);
    let both_rated = items
        .iter()
        .any(|r| r.first().copied().flatten().is_some() && r.get(1).copied().flatten().is_some());
    let all_rated = items
        .iter()
        .any(|r| !r.is_empty() && r.iter().all(Option::is_some));
    let why = |value: Option<f64>, items_there: bool| {
        if value.is_some() {
            None
        } else if let Some(reason) = few {
            Some(reason)
        } else if items_there {
            Some(NoValue::NoVariation)
        } else {
            Some(NoValue::NoItems)
        }
    };
    let no_value = WhyNoValue {
        cohen_kappa: if annotators > 2 {
            Some(NoValue::NotTwoAnnotators)
        } else {
            why(cohen_kappa, both_rated)
        },
        fleiss_kappa: why(fleiss_kappa, all_rated),
        krippendorff_alpha: why(krippendorff_alpha, rated > 0),
    };
    LabelAgreement {
        label: label.to_owned(),
        name: name.to_owned(),
        items: rated,
        cohen_kappa,
        fleiss_kappa,
        krippendorff_alpha,
        no_value,
    }
}

/// An article and the annotators' sidecars of it that could be read (two or more).
pub(crate) type Measurable = (Document, Vec<(String, Sidecar)>);

/// Reads an article's annotators' files (and the article, when two or more of them could be
/// read), accounting for what cannot be measured: files that cannot be read, and the
/// annotations of an annotator who is left alone with the article.
pub(crate) fn read_for_agreement(
    path: &Path,
    sidecars: Vec<(String, PathBuf)>,
    skipped: &mut Vec<String>,
) -> (ArticleAccounting, Option<Measurable>) {
    let mut account = ArticleAccounting {
        article: path.to_owned(),
        measured: false,
        annotators: BTreeMap::new(),
        orphans: BTreeMap::new(),
    };
    let mut readable = Vec::new();
    for (name, sidecar_path) in sidecars {
        match sidecar::read(&sidecar_path) {
            Ok(Some((sidecar, _))) => readable.push((name, sidecar)),
            Ok(None) => {}
            Err(error) => {
                skipped.push(error.to_string());
                account.annotators.entry(name).or_default().unreadable += 1;
            }
        }
    }
    if readable.len() < 2 {
        for (name, sidecar) in readable {
            account.annotators.entry(name).or_default().unpaired += sidecar.annotations.len();
        }
        return (account, None);
    }
    match document::load(path) {
        Ok(document) => (account, Some((document, readable))),
        Err(error) => {
            skipped.push(error.to_string());
            for (name, _) in readable {
                account.annotators.entry(name).or_default().unreadable += 1;
            }
            (account, None)
        }
    }
}

/// Paragraph-level agreement per label and overall, across every article of `folder` that
/// at least two annotators annotated. An annotator with a sidecar for an article rated every
/// paragraph of it (label present or absent); without one, their ratings are missing.
/// Every annotation of every annotator's sidecar is accounted for: counted, orphaned (not
/// placeable in the current text), in a file that could not be read, or alone (no other
/// annotator's file for its article).
pub fn folder_agreement(folder: &Path) -> AgreementReport {
    let mut annotators: Vec<String> = Vec::new();
    let mut label_names: Vec<(String, String)> = Vec::new();
    let mut articles: Vec<ArticleRatings> = Vec::new();
    let mut by_article: Vec<ArticleAccounting> = Vec::new();
    let mut finder = AnnotatorSidecars::default();
    let mut skipped = Vec::new();
    for path in list_articles(folder) {
        let sidecars = finder.of(&path);
        if sidecars.is_empty() {
            continue;
        }
        let (mut account, readable) = read_for_agreement(&path, sidecars, &mut skipped);
        let Some((document, readable)) = readable else {
            by_article.push(account);
            continue;
        };
        let mut by_annotator = BTreeMap::new();
        for (name, sidecar) in readable {
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
            let rated = rate(&document, sidecar);
            let counts = account.annotators.entry(name.clone()).or_default();
            counts.counted += rated.counted;
            counts.orphaned += rated.orphans.len();
            if !rated.orphans.is_empty() {
                account.orphans.insert(name, rated.orphans);
            }
            by_annotator.insert(index, rated.labels);
        }
        account.measured = true;
        by_article.push(account);
        articles.push(ArticleRatings {
            paragraphs: document.paragraphs.len(),
            by_annotator,
        });
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
                                .and_then(|labels| labels.get(p))
                                .map(|labels| u32::from(labels.contains(label)))
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
    let mut totals: BTreeMap<String, Accounting> = BTreeMap::new();
    for account in &by_article {
        for (name, counts) in &account.annotators {
            totals.entry(name.clone()).or_default().add(counts);
        }
    }
    AgreementReport {
        overall: measure("overall", "all labels", &pooled, count),
        annotators,
        articles: articles.len(),
        labels,
        annotations: totals,
        by_article,
        skipped,
    }
}

/// `path` relative to `folder` when it is inside it, for shorter lines.
fn shown_path(path: &Path, folder: Option<&Path>) -> String {
    folder
        .and_then(|f| path.strip_prefix(f).ok())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// "name: 12 counted, 3 orphaned" for a footer line.
fn annotator_counts(name: &str, counts: &Accounting) -> String {
    tr!(
        "cli-agreement-annotator-counts",
        name = name,
        counts = counts.describe()
    )
}

/// The lines under the agreement table that account for every annotation and explain each
/// "—": totals per annotator, each article, the articles with orphans, and the reasons.
pub fn agreement_footer(report: &AgreementReport, folder: Option<&Path>) -> Vec<String> {
    let mut lines = Vec::new();
    let totals: Vec<String> = report
        .annotations
        .iter()
        .map(|(name, counts)| annotator_counts(name, counts))
        .collect();
    let strong = tr!("cli-list-separator-strong");
    if !totals.is_empty() {
        lines.push(tr!(
            "cli-agreement-annotations",
            totals = totals.join(&strong)
        ));
    }
    for account in &report.by_article {
        let parts: Vec<String> = account
            .annotators
            .iter()
            .map(|(name, counts)| annotator_counts(name, counts))
            .collect();
        let path = shown_path(&account.article, folder);
        let counts = parts.join(&strong);
        let line = if account.measured {
            tr!("cli-agreement-article", path = path, counts = counts)
        } else {
            tr!(
                "cli-agreement-article-not-measured",
                path = path,
                counts = counts
            )
        };
        lines.push(format!("  {line}"));
    }
    lines.extend(orphans_line(report, folder));
    lines.extend(no_value_lines(report));
    lines
}

/// One line naming the articles with orphaned annotations and how many were left out, when
/// there are any.
pub fn orphans_line(report: &AgreementReport, folder: Option<&Path>) -> Option<String> {
    let with_orphans = report.articles_with_orphans();
    if with_orphans.is_empty() {
        return None;
    }
    let names: Vec<String> = with_orphans
        .iter()
        .map(|a| shown_path(&a.article, folder))
        .collect();
    Some(tr!(
        "agreement-orphans-line",
        count = report.orphaned(),
        articles = names.join(&tr!("cli-list-separator"))
    ))
}

/// What each mark after a "—" in the table means, for the marks used.
pub fn no_value_lines(report: &AgreementReport) -> Vec<String> {
    no_value_reasons(report)
        .into_iter()
        .map(|reason| {
            tr!(
                "agreement-reason",
                mark = reason.mark().to_string(),
                reason = reason.explanation()
            )
        })
        .collect()
}

/// The reasons for a missing value that the report's table uses, in [`NoValue::ALL`]'s order.
pub fn no_value_reasons(report: &AgreementReport) -> Vec<NoValue> {
    let used: BTreeSet<char> = report
        .labels
        .iter()
        .chain(std::iter::once(&report.overall))
        .flat_map(|row| {
            [
                row.no_value.cohen_kappa,
                row.no_value.fleiss_kappa,
                row.no_value.krippendorff_alpha,
            ]
        })
        .flatten()
        .map(NoValue::mark)
        .collect();
    NoValue::ALL
        .iter()
        .filter(|reason| used.contains(&reason.mark()))
        .copied()
        .collect()
}

/// The report as a plain-text table, with the accounting and "—" reasons as footer lines
/// (article paths shown relative to `folder`).
pub fn agreement_table(report: &AgreementReport, folder: Option<&Path>) -> String {
    use std::fmt::Write as _;
    let value = |v: Option<f64>, why: Option<NoValue>| match (v, why) {
        (Some(v), _) => crate::i18n::digits(&format!("{v:.3}")).into_owned(),
        (None, Some(why)) => format!("—{}", why.mark()),
        (None, None) => "—".to_owned(),
    };
    let mut out = String::new();
    writeln!(
        out,
        "{}",
        tr!(
            "cli-agreement-heading",
            articles = report.articles,
            count = report.annotators.len(),
            names = report.annotators.join(&tr!("cli-list-separator"))
        )
    )
    .ok();
    writeln!(
        out,
        "{:<28} {:>7} {:>9} {:>9} {:>16}",
        tr!("cli-agreement-column-label"),
        tr!("cli-agreement-column-items"),
        tr!("cli-agreement-column-cohen"),
        tr!("cli-agreement-column-fleiss"),
        tr!("cli-agreement-column-krippendorff")
    )
    .ok();
    let overall = std::iter::once((&report.overall, tr!("cli-agreement-all-labels")));
    let rows = report.labels.iter().map(|row| (row, row.name.clone()));
    for (row, name) in rows.chain(overall) {
        let name: String = name.chars().take(28).collect();
        writeln!(
            out,
            "{:<28} {:>7} {:>9} {:>9} {:>16}",
            name,
            crate::i18n::number(row.items),
            value(row.cohen_kappa, row.no_value.cohen_kappa),
            value(row.fleiss_kappa, row.no_value.fleiss_kappa),
            value(row.krippendorff_alpha, row.no_value.krippendorff_alpha)
        )
        .ok();
    }
    for line in agreement_footer(report, folder) {
        writeln!(out, "{line}").ok();
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
    fn each_missing_value_has_its_reason() {
        let agree = vec![Some(1), Some(0)];
        // Two annotators, items that vary: every measure has a value and no reason.
        let varied = [
            vec![Some(1), Some(1)],
            agree.clone(),
            vec![Some(0), Some(0)],
        ];
        let row = measure("claim", "claim", &varied, 2);
        assert!(row.cohen_kappa.is_some());
        assert_eq!(row.no_value, WhyNoValue::default());
        // Nobody rated anything in common.
        let row = measure(
            "claim",
            "claim",
            &[vec![Some(1), None], vec![None, Some(0)]],
            2,
        );
        assert_eq!(row.items, 0);
        assert_eq!(row.no_value.cohen_kappa, Some(NoValue::NoItems));
        assert_eq!(row.no_value.fleiss_kappa, Some(NoValue::NoItems));
        assert_eq!(row.no_value.krippendorff_alpha, Some(NoValue::NoItems));
        // Rated, but always the same value.
        let same = [vec![Some(0), Some(0)], vec![Some(0), Some(0)]];
        let row = measure("claim", "claim", &same, 2);
        assert_eq!(row.no_value.cohen_kappa, Some(NoValue::NoVariation));
        assert_eq!(row.no_value.krippendorff_alpha, Some(NoValue::NoVariation));
        // One annotator.
        let row = measure("claim", "claim", &[vec![Some(1)], vec![Some(0)]], 1);
        assert_eq!(row.no_value.cohen_kappa, Some(NoValue::SingleAnnotator));
        assert_eq!(row.no_value.fleiss_kappa, Some(NoValue::SingleAnnotator));
        // Three annotators: Cohen's κ does not apply, the others have values.
        let three = [
            vec![Some(1), Some(1), Some(0)],
            vec![Some(0), Some(0), Some(0)],
            vec![Some(1), Some(1), Some(1)],
        ];
        let row = measure("claim", "claim", &three, 3);
        assert_eq!(row.no_value.cohen_kappa, Some(NoValue::NotTwoAnnotators));
        assert!(row.krippendorff_alpha.is_some());
        assert_eq!(row.no_value.krippendorff_alpha, None);
    }

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
