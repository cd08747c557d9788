//! Comparing annotators on one article, paragraph by paragraph, for adjudication: who gave
//! which labels, where they disagree, and what accepting one side (or merging) would give.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::annotation::sidecar::{self, annotator_sidecars};
use crate::annotation::{Label, Sidecar};
use crate::corpus::{Accounting, Orphan, rate};
use crate::document::Document;

/// One paragraph as each annotator labelled it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareRow {
    /// The paragraph.
    pub paragraph: usize,
    /// Per annotator (in [`Comparison::annotators`] order), the labels given.
    pub labels: Vec<BTreeSet<String>>,
}

impl CompareRow {
    /// Whether every annotator gave the same labels.
    pub fn agrees(&self) -> bool {
        self.labels.windows(2).all(|pair| pair[0] == pair[1])
    }

    /// Every label any annotator gave (a merge of all sides).
    pub fn union(&self) -> BTreeSet<String> {
        self.labels.iter().flatten().cloned().collect()
    }
}

/// Several annotators' labels on one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// The annotators, sorted.
    pub annotators: Vec<String>,
    /// Paragraphs that at least one annotator labelled, in order.
    pub rows: Vec<CompareRow>,
    /// Labels defined by the annotators' schemes, first definition of each id kept.
    pub labels: Vec<Label>,
    /// Sidecars that could not be read, with the reason.
    pub problems: Vec<String>,
    /// Per annotator, what became of their annotations: counted, orphaned (not placeable
    /// in the current text), or in a file that could not be read.
    pub accounting: BTreeMap<String, Accounting>,
    /// Per annotator, the annotations that could not be placed.
    pub orphans: BTreeMap<String, Vec<Orphan>>,
}

impl Comparison {
    /// Compares `sidecars` (annotator, sidecar) on `document`, each re-anchored to its
    /// current text.
    pub fn new(document: &Document, sidecars: Vec<(String, Sidecar)>) -> Self {
        let mut comparison = Self::default();
        let mut per_annotator = Vec::new();
        for (name, sidecar) in sidecars {
            for label in &sidecar.label_scheme.labels {
                if !comparison.labels.iter().any(|l| l.id == label.id) {
                    comparison.labels.push(label.clone());
                }
            }
            let rated = rate(document, sidecar);
            let counts = comparison.accounting.entry(name.clone()).or_default();
            counts.counted += rated.counted;
            counts.orphaned += rated.orphans.len();
            if !rated.orphans.is_empty() {
                comparison.orphans.insert(name.clone(), rated.orphans);
            }
            comparison.annotators.push(name);
            per_annotator.push(rated.labels);
        }
        comparison.rows = (0..document.paragraphs.len())
            .map(|paragraph| CompareRow {
                paragraph,
                labels: per_annotator
                    .iter()
                    .map(|labels| labels.get(paragraph).cloned().unwrap_or_default())
                    .collect(),
            })
            .filter(|row| row.labels.iter().any(|l| !l.is_empty()))
            .collect();
        comparison
    }

    /// Reads every annotator's sidecar of `article` (`<article>.annotations.<name>.json`).
    pub fn load(document: &Document, article: &Path) -> Self {
        let mut sidecars = Vec::new();
        let mut problems = Vec::new();
        let mut unreadable = Vec::new();
        for (name, path) in annotator_sidecars(article) {
            match sidecar::read(&path) {
                Ok(Some((sidecar, _))) => sidecars.push((name, sidecar)),
                Ok(None) => {}
                Err(error) => {
                    problems.push(format!("{name}: {error}"));
                    unreadable.push(name);
                }
            }
        }
        let mut comparison = Self::new(document, sidecars);
        comparison.problems = problems;
        for name in unreadable {
            comparison.accounting.entry(name).or_default().unreadable += 1;
        }
        comparison
    }

    /// Rows where the annotators disagree.
    pub fn disagreements(&self) -> usize {
        self.rows.iter().filter(|row| !row.agrees()).count()
    }

    /// Orphaned annotations in all.
    pub fn orphaned(&self) -> usize {
        self.accounting.values().map(|c| c.orphaned).sum()
    }

    /// The label called `id`, if an annotator's scheme defines it.
    pub fn label(&self, id: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{AnnotationStore, LabelScheme};

    fn sidecar_with(document: &Document, author: &str, labels: &[(usize, &str)]) -> Sidecar {
        let mut store = AnnotationStore::new(document, LabelScheme::news_default(), author);
        for (paragraph, label) in labels {
            store.toggle_label(document, *paragraph, label).unwrap();
        }
        store.sidecar().clone()
    }

    #[test]
    fn rows_cover_labelled_paragraphs_and_flag_disagreement() {
        let document = crate::document::parse_plain_text(
            "عنوان\n\nفقرة أولى\n\nفقرة ثانية\n\nفقرة ثالثة".into(),
        );
        let alice = sidecar_with(&document, "alice", &[(1, "claim"), (2, "quotation")]);
        let bilal = sidecar_with(&document, "bilal", &[(1, "claim"), (3, "quotation")]);
        let comparison = Comparison::new(
            &document,
            vec![("alice".into(), alice), ("bilal".into(), bilal)],
        );
        assert_eq!(comparison.annotators, ["alice", "bilal"]);
        let paragraphs: Vec<usize> = comparison.rows.iter().map(|r| r.paragraph).collect();
        assert_eq!(paragraphs, [1, 2, 3]);
        assert!(comparison.rows[0].agrees());
        assert!(!comparison.rows[1].agrees());
        assert_eq!(comparison.disagreements(), 2);
        assert_eq!(
            comparison.rows[1].union().into_iter().collect::<Vec<_>>(),
            ["quotation"]
        );
        assert!(comparison.label("claim").is_some());
        assert_eq!(comparison.accounting["alice"].counted, 2);
        assert_eq!(comparison.orphaned(), 0);
    }

    #[test]
    fn annotations_that_no_longer_fit_are_counted_as_orphaned() {
        let before = crate::document::parse_plain_text(
            "عنوان\n\nاجتمع وزراء التحالف في باريس\n\nقالت وزارة الدفاع إن العملية بدأت\n\nتقع الرقة على نهر الفرات".into(),
        );
        let alice = sidecar_with(&before, "alice", &[(1, "claim"), (2, "quotation")]);
        let bilal = sidecar_with(&before, "bilal", &[(3, "event")]);
        // A newer version of the article without the second paragraph.
        let after = crate::document::parse_plain_text(
            "عنوان\n\nاجتمع وزراء التحالف في باريس\n\nتقع الرقة على نهر الفرات".into(),
        );
        let comparison = Comparison::new(
            &after,
            vec![("alice".into(), alice), ("bilal".into(), bilal)],
        );
        assert_eq!(comparison.accounting["alice"].counted, 1);
        assert_eq!(comparison.accounting["alice"].orphaned, 1);
        assert_eq!(comparison.accounting["bilal"].counted, 1);
        assert_eq!(comparison.accounting["bilal"].orphaned, 0);
        assert_eq!(comparison.orphans["alice"][0].labels, ["quotation"]);
        assert_eq!(
            comparison.orphans["alice"][0].quote,
            "قالت وزارة الدفاع إن العملية بدأت"
        );
        // Bilal's event moved with its paragraph; only paragraphs someone labelled are rows.
        let rows: Vec<usize> = comparison.rows.iter().map(|r| r.paragraph).collect();
        assert_eq!(rows, [1, 2]);
    }
}
