//! Span-level agreement between annotators over a folder in Team Mode: γ (gamma), Krippendorff's
//! αU, and span F1 under nervaluate's schemes, per label and overall, per article and over
//! the folder.
//!
//! A span is a passage annotation (a target of kind `span`) with one of its labels: its
//! paragraph and its code-point range in the article text, after re-anchoring to the
//! article's current text. Whole-paragraph annotations are not spans and are left out (and
//! counted). The measures live in [`gamma`], [`alpha_u`] and [`f1`]; this module reads the
//! folder, runs them, and lays out the report.
//!
//! γ is the slow one: [`folder_span_agreement`] spreads it over the machine's cores and
//! reports progress through a callback, which can also cancel.

pub mod alpha_u;
pub mod compare;
pub mod f1;
pub mod gamma;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use serde::Serialize;

use crate::annotation::sidecar::AnnotatorSidecars;
use crate::annotation::{Sidecar, TargetKind, reanchor};
use crate::corpus::{Accounting, ArticleAccounting, Orphan, list_articles, read_for_agreement};
use crate::document::Document;
use crate::tr;

pub use gamma::{Cancelled, GammaOptions};

use alpha_u::UnitizingStudy;
use f1::{LabelledSpan, SchemeCounts};
use gamma::{Continuum, GammaParts, SplitMix64, Unit};

/// One annotator's span: a label on a passage.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Span {
    /// First code point in the article text.
    pub start: u64,
    /// One past the last code point.
    pub end: u64,
    /// Label id.
    pub label: String,
    /// The paragraph holding it.
    pub paragraph: usize,
}

/// One annotator's sidecar of an article as spans.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpanRated {
    /// The spans (one per label of each passage annotation), sorted.
    pub spans: Vec<Span>,
    /// Passage annotations placed in the current text.
    pub counted: usize,
    /// Whole-paragraph annotations, left out.
    pub paragraph_level: usize,
    /// Annotations that could not be placed.
    pub orphans: Vec<Orphan>,
}

/// Re-anchors `sidecar` to `document` and lists its spans.
pub fn spans_of(document: &Document, mut sidecar: Sidecar) -> SpanRated {
    reanchor(&mut sidecar.annotations, document);
    let mut rated = SpanRated::default();
    for annotation in sidecar.annotations {
        if annotation.target.orphaned {
            rated.orphans.push(Orphan {
                labels: annotation.labels,
                quote: annotation.target.quote.exact,
                note: annotation.note,
            });
            continue;
        }
        if annotation.target.kind != TargetKind::Span {
            rated.paragraph_level += 1;
            continue;
        }
        let position = annotation.target.position;
        if position.end <= position.start {
            continue;
        }
        rated.counted += 1;
        for label in annotation.labels {
            rated.spans.push(Span {
                start: position.start as u64,
                end: position.end as u64,
                label,
                paragraph: annotation.target.paragraph,
            });
        }
    }
    rated.spans.sort();
    rated.spans.dedup();
    rated
}

/// How far γ has got: alignments done out of all to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Alignments done (observed and sampled continua).
    pub done: usize,
    /// Alignments in all.
    pub total: usize,
}

/// Why a measure has no value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpanNoValue {
    /// No span of this label by anyone.
    NoSpans,
    /// Expected disagreement is zero (for αU: nothing marked in the articles every
    /// annotator covered).
    NoVariation,
    /// αU over the folder needs articles every annotator covered; there are none.
    NoCompleteArticles,
}

impl SpanNoValue {
    /// A short explanation, in the interface language.
    pub fn explanation(self) -> String {
        match self {
            Self::NoSpans => tr!("spantab-no-spans"),
            Self::NoVariation => tr!("spantab-no-variation"),
            Self::NoCompleteArticles => tr!("spantab-no-complete-articles"),
        }
    }

    /// The mark after "—" in the table.
    pub fn mark(self) -> char {
        match self {
            Self::NoSpans => 'a',
            Self::NoVariation => 'b',
            Self::NoCompleteArticles => 'c',
        }
    }
}

/// The span measures of one label (or of all labels, `overall`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpanMeasures {
    /// Label id (`overall` for all labels).
    pub label: String,
    /// Label name.
    pub name: String,
    /// Spans counted, all annotators together.
    pub items: usize,
    /// F1 with the same boundaries and type (nervaluate `strict`), mean over pairs of
    /// annotators.
    pub exact_f1: Option<f64>,
    /// F1 with overlapping boundaries for half (nervaluate `partial`), mean over pairs.
    pub partial_f1: Option<f64>,
    /// F1 with overlap and the same type (nervaluate `ent_type`), mean over pairs.
    pub type_f1: Option<f64>,
    /// γ (for a label: over that label's spans alone).
    pub gamma: Option<f64>,
    /// Krippendorff's αU (for a label: that category's αU).
    pub alpha_u: Option<f64>,
    /// Why a measure above has no value.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub no_value: BTreeMap<&'static str, SpanNoValue>,
}

/// F1 between two annotators over the folder.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairF1 {
    /// The annotator taken as reference.
    pub reference: String,
    /// The annotator compared with it.
    pub other: String,
    /// Articles both annotated.
    pub articles: usize,
    /// Counts under each scheme, all labels.
    pub counts: SchemeCounts,
    /// Exact F1.
    pub exact_f1: Option<f64>,
    /// Partial F1.
    pub partial_f1: Option<f64>,
    /// Type F1.
    pub type_f1: Option<f64>,
}

/// The figures of one article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleSpanFigures {
    /// The article file.
    pub article: PathBuf,
    /// Its annotators.
    pub annotators: Vec<String>,
    /// Per label with spans in this article.
    pub labels: Vec<SpanMeasures>,
    /// All labels.
    pub overall: SpanMeasures,
}

/// Span agreement across a folder.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpanAgreementReport {
    /// Always `span`.
    pub level: &'static str,
    /// Annotators found.
    pub annotators: Vec<String>,
    /// Articles measured (two annotators' files or more).
    pub articles: usize,
    /// Spans counted, all annotators together.
    pub items: usize,
    /// Seed of γ's sampling.
    pub seed: u64,
    /// Sampled continua per γ.
    pub samples: usize,
    /// Articles every annotator covered (pooled for αU over the folder).
    pub alpha_u_articles: usize,
    /// Per label, in scheme order.
    pub labels: Vec<SpanMeasures>,
    /// All labels.
    pub overall: SpanMeasures,
    /// F1 for each pair of annotators.
    pub pairs: Vec<PairF1>,
    /// Per article.
    pub by_article: Vec<ArticleSpanFigures>,
    /// Per annotator, what became of their annotations over the folder.
    pub annotations: BTreeMap<String, Accounting>,
    /// Whole-paragraph annotations left out (they are not spans), per annotator.
    pub paragraph_annotations: BTreeMap<String, usize>,
    /// The same accounting per article.
    pub accounting: Vec<ArticleAccounting>,
    /// Files left out because they could not be read, each with the reason.
    pub skipped: Vec<String>,
}

/// Articles with annotators and labels numbered.
struct Numbered {
    annotators: Vec<String>,
    labels: Vec<(String, String)>,
    articles: Vec<SpanArticle>,
}

/// One measured article: who annotated it and their spans.
struct SpanArticle {
    path: PathBuf,
    key: String,
    length: u64,
    /// Global annotator indices, ascending, with each one's spans (label as number).
    by_annotator: Vec<(usize, Vec<LabelledSpan>)>,
}

/// One article's spans, by annotator: what the measures work on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleSpans {
    /// The article file.
    pub path: PathBuf,
    /// Its key for seeding γ's samples (its path relative to the folder), so an article
    /// gets the same samples wherever the folder is and whatever else is in it.
    pub key: String,
    /// Length of its text in code points (the continuum for αU).
    pub length: u64,
    /// Each annotator's spans.
    pub annotators: Vec<(String, Vec<Span>)>,
}

/// What reading a folder gives: the articles as spans, the labels (id, name) of the
/// sidecars' schemes, and the accounting.
#[derive(Clone, Debug, Default)]
pub struct CollectedSpans {
    /// Articles two annotators' files or more could be read for.
    pub articles: Vec<ArticleSpans>,
    /// Labels in scheme order.
    pub labels: Vec<(String, String)>,
    /// Per article, what became of each annotator's annotations.
    pub accounting: Vec<ArticleAccounting>,
    /// Whole-paragraph annotations left out, per annotator.
    pub paragraph_level: BTreeMap<String, usize>,
    /// Files that could not be read, each with the reason.
    pub skipped: Vec<String>,
}

/// Reads every article of `folder` that two annotators or more annotated, as spans.
pub fn collect_spans(folder: &Path) -> CollectedSpans {
    let mut collected = CollectedSpans::default();
    let mut finder = AnnotatorSidecars::default();
    for path in list_articles(folder) {
        let sidecars = finder.of(&path);
        if sidecars.is_empty() {
            continue;
        }
        let (mut account, readable) = read_for_agreement(&path, sidecars, &mut collected.skipped);
        let Some((document, readable)) = readable else {
            collected.accounting.push(account);
            continue;
        };
        let mut annotators = Vec::new();
        for (name, sidecar) in readable {
            for label in &sidecar.label_scheme.labels {
                if !collected.labels.iter().any(|(id, _)| *id == label.id) {
                    collected
                        .labels
                        .push((label.id.clone(), label.name.clone()));
                }
            }
            let rated = spans_of(&document, sidecar);
            let counts = account.annotators.entry(name.clone()).or_default();
            counts.counted += rated.counted;
            counts.orphaned += rated.orphans.len();
            *collected.paragraph_level.entry(name.clone()).or_default() += rated.paragraph_level;
            if !rated.orphans.is_empty() {
                account.orphans.insert(name.clone(), rated.orphans);
            }
            annotators.push((name, rated.spans));
        }
        account.measured = true;
        collected.accounting.push(account);
        let key = path
            .strip_prefix(folder)
            .unwrap_or(&path)
            .to_string_lossy()
            .into_owned();
        collected.articles.push(ArticleSpans {
            length: document.text.chars().count() as u64,
            path,
            key,
            annotators,
        });
    }
    collected
}

/// Annotator numbers and label numbers for the measures.
fn number_articles(
    articles: &[ArticleSpans],
    labels: &mut Vec<(String, String)>,
) -> (Vec<String>, Vec<SpanArticle>) {
    let mut annotators: Vec<String> = articles
        .iter()
        .flat_map(|a| a.annotators.iter().map(|(name, _)| name.clone()))
        .collect();
    annotators.sort();
    annotators.dedup();
    for article in articles {
        for (_, spans) in &article.annotators {
            for span in spans {
                if !labels.iter().any(|(id, _)| *id == span.label) {
                    labels.push((span.label.clone(), span.label.clone()));
                }
            }
        }
    }
    let label_number = |id: &str| labels.iter().position(|(l, _)| l == id).unwrap_or(0) as u32;
    let numbered = articles
        .iter()
        .map(|article| {
            let mut by_annotator: Vec<(usize, Vec<LabelledSpan>)> = article
                .annotators
                .iter()
                .filter_map(|(name, spans)| {
                    let index = annotators.iter().position(|a| a == name)?;
                    let mut labelled: Vec<LabelledSpan> = spans
                        .iter()
                        .filter(|s| s.end > s.start)
                        .map(|s| LabelledSpan {
                            start: s.start,
                            end: s.end,
                            label: label_number(&s.label),
                        })
                        .collect();
                    labelled.sort();
                    labelled.dedup();
                    Some((index, labelled))
                })
                .collect();
            by_annotator.sort_by_key(|(index, _)| *index);
            SpanArticle {
                path: article.path.clone(),
                key: article.key.clone(),
                length: article.length,
                by_annotator,
            }
        })
        .collect();
    (annotators, numbered)
}

/// The continuum of an article's spans (of `label` only, when given).
fn continuum_of(article: &SpanArticle, label: Option<u32>) -> Continuum {
    Continuum::new(
        article
            .by_annotator
            .iter()
            .map(|(_, spans)| {
                spans
                    .iter()
                    .filter(|s| label.is_none_or(|l| s.label == l))
                    .map(|s| Unit {
                        start: s.start as f64,
                        end: s.end as f64,
                        category: s.label,
                    })
                    .collect()
            })
            .collect(),
    )
}

fn study_of(article: &SpanArticle, raters: &[usize]) -> UnitizingStudy {
    let mut units = Vec::new();
    for (index, spans) in &article.by_annotator {
        let Some(rater) = raters.iter().position(|r| r == index) else {
            continue;
        };
        units.extend(spans.iter().map(|s| (rater, s.start, s.end, s.label)));
    }
    UnitizingStudy {
        begin: 0,
        length: article.length,
        raters: raters.len(),
        units,
    }
}

/// γ for every article, overall and per label: `(article, label)` → parts. Spread over the
/// cores; `progress` is told of each alignment and can cancel.
fn gamma_jobs(
    articles: &[SpanArticle],
    labels: usize,
    options: &GammaOptions,
    progress: &(dyn Fn(Progress) -> bool + Sync),
) -> Result<BTreeMap<(usize, Option<u32>), GammaParts>, Cancelled> {
    let mut jobs: Vec<(usize, Option<u32>)> = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        let has = |label: Option<u32>| {
            article
                .by_annotator
                .iter()
                .flat_map(|(_, s)| s)
                .any(|s| label.is_none_or(|l| s.label == l))
        };
        if article.by_annotator.len() < 2 || !has(None) {
            continue;
        }
        jobs.push((a, None));
        for l in 0..labels as u32 {
            if has(Some(l)) {
                jobs.push((a, Some(l)));
            }
        }
    }
    let total = jobs.len() * (options.samples + 1);
    let done = AtomicUsize::new(0);
    let next = AtomicUsize::new(0);
    let cancelled = AtomicBool::new(!progress(Progress { done: 0, total }));
    let results: Mutex<BTreeMap<(usize, Option<u32>), GammaParts>> = Mutex::new(BTreeMap::new());
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(jobs.len())
        .max(1);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&(a, label)) = jobs.get(index) else {
                        break;
                    };
                    if cancelled.load(Ordering::Relaxed) {
                        break;
                    }
                    let Some(article) = articles.get(a) else {
                        continue;
                    };
                    let label_key = label.map_or_else(|| "overall".to_owned(), |l| l.to_string());
                    let mut rng = SplitMix64::new(gamma::derive_seed(
                        options.seed,
                        &[article.key.as_bytes(), label_key.as_bytes()],
                    ));
                    let step = || {
                        let now = done.fetch_add(1, Ordering::Relaxed) + 1;
                        if !progress(Progress { done: now, total }) {
                            cancelled.store(true, Ordering::Relaxed);
                        }
                    };
                    let cancel = || cancelled.load(Ordering::Relaxed);
                    let continuum = continuum_of(article, label);
                    if let Ok(parts) =
                        gamma::gamma_parts(&continuum, options, &mut rng, &step, &cancel)
                        && let Ok(mut map) = results.lock()
                    {
                        map.insert((a, label), parts);
                    }
                }
            });
        }
    });
    if cancelled.load(Ordering::Relaxed) {
        return Err(Cancelled);
    }
    results.into_inner().map_err(|_| Cancelled)
}

fn mean(values: impl IntoIterator<Item = Option<f64>>) -> Option<f64> {
    let values: Vec<f64> = values.into_iter().flatten().collect();
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

fn measures(
    label: &str,
    name: &str,
    items: usize,
    pair_counts: &[SchemeCounts],
    gamma: Option<f64>,
    alpha_u: (Option<f64>, Option<SpanNoValue>),
) -> SpanMeasures {
    let exact_f1 = mean(pair_counts.iter().map(|c| c.exact.f1()));
    let partial_f1 = mean(pair_counts.iter().map(|c| c.partial.f1()));
    let type_f1 = mean(pair_counts.iter().map(|c| c.type_only.f1()));
    let mut no_value = BTreeMap::new();
    for (key, value) in [
        ("exact_f1", exact_f1),
        ("partial_f1", partial_f1),
        ("type_f1", type_f1),
        ("gamma", gamma),
    ] {
        if value.is_none() {
            no_value.insert(
                key,
                if items == 0 {
                    SpanNoValue::NoSpans
                } else {
                    SpanNoValue::NoVariation
                },
            );
        }
    }
    if alpha_u.0.is_none() {
        no_value.insert(
            "alpha_u",
            alpha_u.1.unwrap_or(if items == 0 {
                SpanNoValue::NoSpans
            } else {
                SpanNoValue::NoVariation
            }),
        );
    }
    SpanMeasures {
        label: label.to_owned(),
        name: name.to_owned(),
        items,
        exact_f1,
        partial_f1,
        type_f1,
        gamma,
        alpha_u: alpha_u.0,
        no_value,
    }
}

/// The pairs of an article's annotators (positions in `by_annotator`), and their counts
/// overall (`None`) or for one label.
fn article_pairs(article: &SpanArticle, label: Option<u32>) -> Vec<((usize, usize), SchemeCounts)> {
    let mut out = Vec::new();
    for (i, (a, spans_a)) in article.by_annotator.iter().enumerate() {
        for (b, spans_b) in article.by_annotator.iter().skip(i + 1) {
            let counts = match label {
                None => f1::compare(spans_a, spans_b),
                Some(l) => f1::compare_label(spans_a, spans_b, l),
            };
            out.push(((*a, *b), counts));
        }
    }
    out
}

fn span_count(article: &SpanArticle, label: Option<u32>) -> usize {
    article
        .by_annotator
        .iter()
        .flat_map(|(_, s)| s)
        .filter(|s| label.is_none_or(|l| s.label == l))
        .count()
}

/// Span-level agreement across every article of `folder` that two annotators or more
/// annotated: γ, αU and span F1, per label and overall, per article and pooled.
/// `progress` is called as γ's alignments are done (from worker threads); returning false
/// cancels, and the function then returns [`Cancelled`].
pub fn folder_span_agreement(
    folder: &Path,
    options: &GammaOptions,
    progress: &(dyn Fn(Progress) -> bool + Sync),
) -> Result<SpanAgreementReport, Cancelled> {
    let collected = collect_spans(folder);
    let mut report = measure_spans(&collected.articles, collected.labels, options, progress)?;
    let mut annotations: BTreeMap<String, Accounting> = BTreeMap::new();
    for account in &collected.accounting {
        for (name, counts) in &account.annotators {
            let total = annotations.entry(name.clone()).or_default();
            total.counted += counts.counted;
            total.orphaned += counts.orphaned;
            total.unreadable += counts.unreadable;
            total.unpaired += counts.unpaired;
        }
    }
    report.annotations = annotations;
    report.paragraph_annotations = collected.paragraph_level;
    report.accounting = collected.accounting;
    report.skipped = collected.skipped;
    Ok(report)
}

/// The span measures over `articles` (see [`folder_span_agreement`]), labels numbered in
/// the order of `labels` (ids not in it are added). The accounting fields of the report are
/// left empty.
#[allow(
    clippy::too_many_lines,
    reason = "one pass over the articles fills every figure"
)]
pub fn measure_spans(
    articles: &[ArticleSpans],
    mut labels: Vec<(String, String)>,
    options: &GammaOptions,
    progress: &(dyn Fn(Progress) -> bool + Sync),
) -> Result<SpanAgreementReport, Cancelled> {
    let (annotators, articles) = number_articles(articles, &mut labels);
    let collected = Numbered {
        annotators,
        labels,
        articles,
    };
    let label_count = collected.labels.len();
    let gammas = gamma_jobs(&collected.articles, label_count, options, progress)?;
    let everyone: Vec<usize> = (0..collected.annotators.len()).collect();
    let label_keys: Vec<Option<u32>> = std::iter::once(None)
        .chain((0..label_count as u32).map(Some))
        .collect();
    // Folder-wide accumulators, per label key.
    let mut pair_totals: BTreeMap<(Option<u32>, usize, usize), SchemeCounts> = BTreeMap::new();
    let mut pair_articles: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut folder_study: Option<UnitizingStudy> = None;
    let mut alpha_u_articles = 0;
    let mut by_article = Vec::new();
    for (a, article) in collected.articles.iter().enumerate() {
        let raters: Vec<usize> = article.by_annotator.iter().map(|(i, _)| *i).collect();
        let study = study_of(article, &raters);
        if raters == everyone {
            alpha_u_articles += 1;
            match folder_study.as_mut() {
                Some(pooled) => pooled.append(&study),
                None => folder_study = Some(study.clone()),
            }
        }
        for ((x, y), _) in article_pairs(article, None) {
            *pair_articles.entry((x, y)).or_default() += 1;
        }
        let mut figures = Vec::new();
        for &label in &label_keys {
            let pairs = article_pairs(article, label);
            for ((x, y), counts) in &pairs {
                pair_totals.entry((label, *x, *y)).or_default().add(counts);
            }
            let items = span_count(article, label);
            if label.is_some() && items == 0 {
                continue;
            }
            let counts: Vec<SchemeCounts> = pairs.into_iter().map(|(_, c)| c).collect();
            let alpha = match label {
                None => study.alpha(),
                Some(l) => study.category_alpha(l),
            };
            let (id, name) = label
                .and_then(|l| collected.labels.get(l as usize))
                .map_or(("overall", "all labels"), |(id, name)| {
                    (id.as_str(), name.as_str())
                });
            figures.push(measures(
                id,
                name,
                items,
                &counts,
                gammas.get(&(a, label)).and_then(GammaParts::gamma),
                (alpha, None),
            ));
        }
        let overall = figures.remove(0);
        by_article.push(ArticleSpanFigures {
            article: article.path.clone(),
            annotators: raters
                .iter()
                .filter_map(|&i| collected.annotators.get(i).cloned())
                .collect(),
            labels: figures,
            overall,
        });
    }
    let folder_figures = |label: Option<u32>| -> SpanMeasures {
        let counts: Vec<SchemeCounts> = pair_totals
            .iter()
            .filter(|((l, _, _), _)| *l == label)
            .map(|(_, c)| *c)
            .collect();
        let items: usize = collected
            .articles
            .iter()
            .map(|article| span_count(article, label))
            .sum();
        let gamma = gamma::pooled_gamma(
            gammas
                .iter()
                .filter(|((_, l), _)| *l == label)
                .map(|(_, parts)| parts),
        );
        let alpha = match &folder_study {
            None => (None, Some(SpanNoValue::NoCompleteArticles)),
            Some(study) => (
                match label {
                    None => study.alpha(),
                    Some(l) => study.category_alpha(l),
                },
                None,
            ),
        };
        let (id, name) = label
            .and_then(|l| collected.labels.get(l as usize))
            .map_or(("overall", "all labels"), |(id, name)| {
                (id.as_str(), name.as_str())
            });
        measures(id, name, items, &counts, gamma, alpha)
    };
    let labels: Vec<SpanMeasures> = (0..label_count as u32)
        .map(|l| folder_figures(Some(l)))
        .collect();
    let overall = folder_figures(None);
    let pairs = pair_totals
        .iter()
        .filter(|((l, _, _), _)| l.is_none())
        .map(|((_, x, y), counts)| PairF1 {
            reference: collected.annotators.get(*x).cloned().unwrap_or_default(),
            other: collected.annotators.get(*y).cloned().unwrap_or_default(),
            articles: pair_articles.get(&(*x, *y)).copied().unwrap_or(0),
            counts: *counts,
            exact_f1: counts.exact.f1(),
            partial_f1: counts.partial.f1(),
            type_f1: counts.type_only.f1(),
        })
        .collect();
    Ok(SpanAgreementReport {
        level: "span",
        annotators: collected.annotators,
        articles: collected.articles.len(),
        items: overall.items,
        seed: options.seed,
        samples: options.samples,
        alpha_u_articles,
        labels,
        overall,
        pairs,
        by_article,
        annotations: BTreeMap::new(),
        paragraph_annotations: BTreeMap::new(),
        accounting: Vec::new(),
        skipped: Vec::new(),
    })
}

fn shown(value: Option<f64>, why: Option<&SpanNoValue>) -> String {
    match (value, why) {
        (Some(v), _) => crate::i18n::digits(&format!("{v:.3}")).into_owned(),
        (None, Some(why)) => format!("—{}", why.mark()),
        (None, None) => "—".to_owned(),
    }
}

fn shown_path(path: &Path, folder: Option<&Path>) -> String {
    folder
        .and_then(|f| path.strip_prefix(f).ok())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The report as a plain-text table: per label and overall, then each pair's F1, the
/// accounting, and what each "—" means.
pub fn span_agreement_table(report: &SpanAgreementReport, folder: Option<&Path>) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let separator = tr!("cli-list-separator");
    writeln!(
        out,
        "{}",
        tr!(
            "cli-span-heading",
            articles = report.articles,
            count = report.annotators.len(),
            names = report.annotators.join(&separator)
        )
    )
    .ok();
    writeln!(
        out,
        "{}",
        tr!(
            "cli-span-sampling",
            samples = report.samples,
            seed = crate::i18n::number(report.seed)
        )
    )
    .ok();
    writeln!(
        out,
        "{:<28} {:>6} {:>8} {:>10} {:>7} {:>7} {:>7}",
        tr!("cli-agreement-column-label"),
        tr!("cli-span-column-spans"),
        tr!("cli-span-column-exact-f1"),
        tr!("cli-span-column-partial-f1"),
        tr!("cli-span-column-type-f1"),
        "γ",
        "αU"
    )
    .ok();
    let mut used = BTreeSet::new();
    let overall = std::iter::once((&report.overall, tr!("cli-agreement-all-labels")));
    let rows = report.labels.iter().map(|row| (row, row.name.clone()));
    for (row, name) in rows.chain(overall) {
        let name: String = name.chars().take(28).collect();
        used.extend(row.no_value.values().copied());
        writeln!(
            out,
            "{:<28} {:>6} {:>8} {:>10} {:>7} {:>7} {:>7}",
            name,
            crate::i18n::number(row.items),
            shown(row.exact_f1, row.no_value.get("exact_f1")),
            shown(row.partial_f1, row.no_value.get("partial_f1")),
            shown(row.type_f1, row.no_value.get("type_f1")),
            shown(row.gamma, row.no_value.get("gamma")),
            shown(row.alpha_u, row.no_value.get("alpha_u")),
        )
        .ok();
    }
    if !report.pairs.is_empty() {
        writeln!(out, "{}", tr!("cli-span-pairs")).ok();
        for pair in &report.pairs {
            let line = tr!(
                "cli-span-pair",
                reference = &pair.reference,
                other = &pair.other,
                articles = pair.articles,
                exact = shown(pair.exact_f1, None),
                partial = shown(pair.partial_f1, None),
                type = shown(pair.type_f1, None)
            );
            writeln!(out, "  {line}").ok();
        }
    }
    writeln!(
        out,
        "{}",
        tr!("cli-span-alpha-u-articles", count = report.alpha_u_articles)
    )
    .ok();
    out.push_str(&span_footer(report, folder, &used));
    out
}

/// The lines under the span table: what each annotator's passages became, the articles not
/// measured, and what each "—" means.
fn span_footer(
    report: &SpanAgreementReport,
    folder: Option<&Path>,
    used: &BTreeSet<SpanNoValue>,
) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let separator = tr!("cli-list-separator");
    let totals: Vec<String> = report
        .annotations
        .iter()
        .map(|(name, counts)| {
            let paragraphs = report.paragraph_annotations.get(name).copied().unwrap_or(0);
            let mut counts = counts.describe();
            if paragraphs > 0 {
                counts.push_str(&separator);
                counts.push_str(&tr!("cli-span-whole-paragraph", count = paragraphs));
            }
            tr!(
                "cli-agreement-annotator-counts",
                name = name,
                counts = counts
            )
        })
        .collect();
    if !totals.is_empty() {
        let totals = totals.join(&tr!("cli-list-separator-strong"));
        writeln!(out, "{}", tr!("cli-span-annotations", totals = totals)).ok();
    }
    for account in &report.accounting {
        if !account.measured {
            let path = shown_path(&account.article, folder);
            writeln!(out, "  {}", tr!("cli-span-not-measured", path = path)).ok();
        }
    }
    for why in used.iter().copied() {
        let line = tr!(
            "agreement-reason",
            mark = why.mark().to_string(),
            reason = why.explanation()
        );
        writeln!(out, "{line}").ok();
    }
    out
}

/// The per-article figures as CSV (one row per article and label, `overall` first), for R
/// or SPSS: UTF-8, header row, empty cells where a measure has no value.
pub fn span_agreement_csv(report: &SpanAgreementReport, folder: Option<&Path>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let cell = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{v:.6}"));
    writer
        .write_record([
            "article",
            "label",
            "annotators",
            "spans",
            "exact_f1",
            "partial_f1",
            "type_f1",
            "gamma",
            "alpha_u",
        ])
        .ok();
    for article in &report.by_article {
        for row in std::iter::once(&article.overall).chain(&article.labels) {
            writer
                .write_record([
                    shown_path(&article.article, folder),
                    row.label.clone(),
                    article.annotators.join(";"),
                    row.items.to_string(),
                    cell(row.exact_f1),
                    cell(row.partial_f1),
                    cell(row.type_f1),
                    cell(row.gamma),
                    cell(row.alpha_u),
                ])
                .ok();
        }
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
