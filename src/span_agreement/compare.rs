//! One article's spans compared across annotators, for adjudication: the spans of all
//! annotators grouped into units (spans that overlap, whoever marked them), each unit with
//! every annotator's version and the kind of disagreement (missing, boundary, type), and
//! the decisions that taking one version, or merging them, writes into the gold sidecar,
//! with the relations between the taken passages carried along.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use uuid::Uuid;

use super::{Span, spans_of};
use crate::annotation::sidecar::{self, annotator_sidecars};
use crate::annotation::{
    AnnotationStore, Label, PassageRef, Sidecar, SpanLabels, SpanRelation, TargetKind, reanchor,
};
use crate::document::Document;

/// How the annotators' versions of a unit differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SpanDisagreement {
    /// Some annotator marked nothing here.
    Missing,
    /// Everyone marked it, with other boundaries (same labels).
    Boundary,
    /// Everyone marked the same stretches, with other labels.
    Type,
    /// Other boundaries and other labels.
    BoundaryAndType,
}

impl SpanDisagreement {
    /// How the window names it.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Missing => "missing",
            Self::Boundary => "boundary",
            Self::Type => "type",
            Self::BoundaryAndType => "boundary and type",
        }
    }
}

/// Spans of one paragraph that overlap one another (whoever marked them), with each
/// annotator's version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpanUnit {
    /// The paragraph.
    pub paragraph: usize,
    /// First code point of the article text the unit covers.
    pub start: u64,
    /// One past its last code point.
    pub end: u64,
    /// Per annotator (in [`SpanComparison::annotators`] order), their spans in the unit.
    pub versions: Vec<Vec<Span>>,
    /// How the versions differ (`None`: they are the same).
    pub disagreement: Option<SpanDisagreement>,
}

/// What an adjudicator decides for a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanChoice {
    /// One annotator's version (index into the annotators).
    Take(usize),
    /// Every span any annotator marked.
    Merge,
}

/// The labels of `spans`, each once.
fn label_set(spans: &[Span]) -> Vec<&str> {
    let mut labels: Vec<&str> = spans.iter().map(|s| s.label.as_str()).collect();
    labels.sort_unstable();
    labels.dedup();
    labels
}

impl SpanUnit {
    /// The kind of disagreement between `versions` (`None`: they are the same).
    fn classify(versions: &[Vec<Span>]) -> Option<SpanDisagreement> {
        if versions.windows(2).all(|pair| pair[0] == pair[1]) {
            return None;
        }
        if versions.iter().any(Vec::is_empty) {
            return Some(SpanDisagreement::Missing);
        }
        let ranges = |spans: &Vec<Span>| {
            let mut ranges: Vec<(u64, u64)> = spans.iter().map(|s| (s.start, s.end)).collect();
            ranges.dedup();
            ranges
        };
        let same_ranges = versions.windows(2).all(|p| ranges(&p[0]) == ranges(&p[1]));
        let same_labels = versions
            .windows(2)
            .all(|p| label_set(&p[0]) == label_set(&p[1]));
        Some(match (same_ranges, same_labels) {
            (true, _) => SpanDisagreement::Type,
            (false, true) => SpanDisagreement::Boundary,
            (false, false) => SpanDisagreement::BoundaryAndType,
        })
    }

    /// What `choice` writes into the gold sidecar, whose spans are `gold`: every stretch
    /// any version or the gold marks in the unit gets the labels the choice gives it (none
    /// for a stretch the choice does not mark).
    pub fn decide(&self, choice: SpanChoice, gold: &[Span]) -> Vec<SpanLabels> {
        let chosen: Vec<&Span> = match choice {
            SpanChoice::Take(annotator) => self
                .versions
                .get(annotator)
                .map(|v| v.iter().collect())
                .unwrap_or_default(),
            SpanChoice::Merge => self.versions.iter().flatten().collect(),
        };
        let mut ranges: Vec<(u64, u64)> = self
            .versions
            .iter()
            .flatten()
            .chain(gold.iter().filter(|s| {
                s.paragraph == self.paragraph && s.start < self.end && self.start < s.end
            }))
            .map(|s| (s.start, s.end))
            .collect();
        ranges.sort_unstable();
        ranges.dedup();
        ranges
            .into_iter()
            .filter_map(|(start, end)| {
                let mut labels: Vec<String> = chosen
                    .iter()
                    .filter(|s| s.start == start && s.end == end)
                    .map(|s| s.label.clone())
                    .collect();
                labels.sort();
                labels.dedup();
                Some(SpanLabels {
                    paragraph: self.paragraph,
                    chars: usize::try_from(start).ok()?..usize::try_from(end).ok()?,
                    labels,
                })
            })
            .collect()
    }
}

/// Several annotators' spans on one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpanComparison {
    /// The annotators, sorted.
    pub annotators: Vec<String>,
    /// The units, in document order.
    pub units: Vec<SpanUnit>,
    /// Labels defined by the annotators' schemes, first definition of each id kept.
    pub labels: Vec<Label>,
    /// Sidecars that could not be read, with the reason.
    pub problems: Vec<String>,
    /// Per annotator, spans that could not be placed in the current text (left out).
    pub orphaned: BTreeMap<String, usize>,
    /// Per annotator (in [`Self::annotators`] order), their relations between passages
    /// placed in the current text.
    pub relations: Vec<Vec<SpanRelation>>,
}

/// The relations of `sidecar` between labelled passages placed in `document`, each end
/// named by its place and labels (relations to a passage that cannot be placed are left
/// out).
fn placed_relations(document: &Document, sidecar: &Sidecar) -> Vec<SpanRelation> {
    if sidecar.relations.is_empty() {
        return Vec::new();
    }
    let mut annotations = sidecar.annotations.clone();
    reanchor(&mut annotations, document);
    let ends: HashMap<Uuid, PassageRef> = annotations
        .into_iter()
        .filter(|a| {
            a.target.kind == TargetKind::Span
                && !a.target.orphaned
                && !a.labels.is_empty()
                && a.target.position.start < a.target.position.end
        })
        .map(|a| {
            let end = PassageRef {
                paragraph: a.target.paragraph,
                chars: a.target.position.start..a.target.position.end,
                labels: a.labels,
            };
            (a.id, end)
        })
        .collect();
    sidecar
        .relations
        .iter()
        .filter_map(|r| {
            let relation_type = sidecar
                .label_scheme
                .relation_type(&r.relation_type)
                .cloned()
                .unwrap_or_else(|| Label {
                    id: r.relation_type.clone(),
                    name: r.relation_type.clone(),
                    color: "#888888".to_owned(),
                    shortcut: None,
                    description: String::new(),
                });
            Some(SpanRelation {
                relation_type,
                source: ends.get(&r.source)?.clone(),
                target: ends.get(&r.target)?.clone(),
            })
        })
        .collect()
}

impl SpanComparison {
    /// Compares the spans of `sidecars` (annotator, sidecar) on `document`, each
    /// re-anchored to its current text.
    pub fn new(document: &Document, mut sidecars: Vec<(String, Sidecar)>) -> Self {
        sidecars.sort_by(|a, b| a.0.cmp(&b.0));
        let mut comparison = Self::default();
        let mut all: Vec<(usize, Span)> = Vec::new();
        for (index, (name, sidecar)) in sidecars.into_iter().enumerate() {
            for label in &sidecar.label_scheme.labels {
                if !comparison.labels.iter().any(|l| l.id == label.id) {
                    comparison.labels.push(label.clone());
                }
            }
            comparison
                .relations
                .push(placed_relations(document, &sidecar));
            let rated = spans_of(document, sidecar);
            if !rated.orphans.is_empty() {
                comparison
                    .orphaned
                    .insert(name.clone(), rated.orphans.len());
            }
            all.extend(rated.spans.into_iter().map(|s| (index, s)));
            comparison.annotators.push(name);
        }
        all.sort_by(|a, b| {
            (a.1.paragraph, a.1.start, a.1.end, a.0).cmp(&(b.1.paragraph, b.1.start, b.1.end, b.0))
        });
        let count = comparison.annotators.len();
        let mut current: Option<SpanUnit> = None;
        for (annotator, span) in all {
            let joins = current
                .as_ref()
                .is_some_and(|u| u.paragraph == span.paragraph && span.start < u.end);
            if !joins && let Some(unit) = current.take() {
                comparison.units.push(unit);
            }
            let unit = current.get_or_insert_with(|| SpanUnit {
                paragraph: span.paragraph,
                start: span.start,
                end: span.end,
                versions: vec![Vec::new(); count],
                disagreement: None,
            });
            unit.end = unit.end.max(span.end);
            if let Some(version) = unit.versions.get_mut(annotator) {
                version.push(span);
            }
        }
        comparison.units.extend(current);
        for unit in &mut comparison.units {
            unit.disagreement = SpanUnit::classify(&unit.versions);
        }
        comparison
    }

    /// Reads every annotator's sidecar of `article` (`<article>.annotations.<name>.json`);
    /// a file that cannot be read is named in [`Self::problems`] and left out.
    pub fn load(document: &Document, article: &Path) -> Self {
        let mut sidecars = Vec::new();
        let mut problems = Vec::new();
        for (name, path) in annotator_sidecars(article) {
            match sidecar::read(&path) {
                Ok(Some((sidecar, _))) => sidecars.push((name, sidecar)),
                Ok(None) => {}
                Err(error) => problems.push(format!("{name}: {error}")),
            }
        }
        let mut comparison = Self::new(document, sidecars);
        comparison.problems = problems;
        comparison
    }

    /// Indices of the units where the annotators disagree.
    pub fn disagreements(&self) -> Vec<usize> {
        self.units
            .iter()
            .enumerate()
            .filter(|(_, u)| u.disagreement.is_some())
            .map(|(i, _)| i)
            .collect()
    }

    /// The relations carried along with the decision `choice` on unit `unit` (`None`: on
    /// every unit): the relations of the annotator taken (of every annotator for a merge)
    /// with an end in the units decided. The gold gains those whose two passages it has
    /// after the decision (see [`AnnotationStore::set_span_labels`]).
    pub fn relations_for(&self, choice: SpanChoice, unit: Option<usize>) -> Vec<SpanRelation> {
        let decided: Vec<&SpanUnit> = match unit {
            Some(index) => self.units.get(index).into_iter().collect(),
            None => self.units.iter().collect(),
        };
        let inside = |end: &PassageRef| {
            decided.iter().any(|u| {
                u.paragraph == end.paragraph
                    && (end.chars.start as u64) < u.end
                    && u.start < end.chars.end as u64
            })
        };
        let annotators: Vec<&Vec<SpanRelation>> = match choice {
            SpanChoice::Take(annotator) => self.relations.get(annotator).into_iter().collect(),
            SpanChoice::Merge => self.relations.iter().collect(),
        };
        annotators
            .into_iter()
            .flatten()
            .filter(|r| inside(&r.source) || inside(&r.target))
            .cloned()
            .collect()
    }

    /// The label called `id`, if an annotator's scheme defines it.
    pub fn label(&self, id: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.id == id)
    }

    /// What `choice` writes for every unit at once (*Accept all from …*, *Merge all*).
    pub fn decide_all(&self, choice: SpanChoice, gold: &[Span]) -> Vec<SpanLabels> {
        let mut decisions: Vec<SpanLabels> = self
            .units
            .iter()
            .flat_map(|u| u.decide(choice, gold))
            .collect();
        decisions.sort_by(|a, b| {
            (a.paragraph, a.chars.start, a.chars.end).cmp(&(
                b.paragraph,
                b.chars.start,
                b.chars.end,
            ))
        });
        decisions.dedup_by(|a, b| a.paragraph == b.paragraph && a.chars == b.chars);
        decisions
    }
}

/// The gold sidecar's spans (its passage annotations placed in the text, one per label).
pub fn gold_spans(store: &AnnotationStore) -> Vec<Span> {
    let mut spans: Vec<Span> = store
        .annotations()
        .iter()
        .filter(|a| a.target.kind == crate::annotation::TargetKind::Span && !a.target.orphaned)
        .flat_map(|a| {
            a.labels.iter().map(|label| Span {
                start: a.target.position.start as u64,
                end: a.target.position.end as u64,
                label: label.clone(),
                paragraph: a.target.paragraph,
            })
        })
        .collect();
    spans.sort();
    spans.dedup();
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{LabelScheme, TargetKey};

    fn document() -> Document {
        crate::document::parse_plain_text(
            "عنوان\n\nاجتمع وزراء التحالف في باريس أمس\n\nقالت وزارة الدفاع إن العملية بدأت".into(),
        )
    }

    /// A sidecar by `author` marking code points `start..end` of `paragraph` with `label`.
    fn sidecar(
        document: &Document,
        author: &str,
        spans: &[(usize, usize, usize, &str)],
    ) -> Sidecar {
        let mut store = AnnotationStore::new(document, LabelScheme::news_default(), author);
        for &(paragraph, start, end, label) in spans {
            let range = &document.paragraphs[paragraph].byte_range;
            let text = &document.text[range.clone()];
            let byte =
                |c: usize| range.start + text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
            let key = TargetKey::Span {
                paragraph,
                bytes: byte(start)..byte(end),
            };
            store.toggle_label(document, key, label).unwrap();
        }
        store.sidecar().clone()
    }

    #[test]
    fn units_group_overlapping_spans_and_name_the_disagreement() {
        let document = document();
        let alice = sidecar(
            &document,
            "alice",
            &[
                (1, 0, 5, "actor"),
                (1, 6, 12, "actor"),
                (2, 0, 4, "claim"),
                (2, 10, 15, "event"),
            ],
        );
        let bilal = sidecar(
            &document,
            "bilal",
            &[
                (1, 0, 5, "actor"),
                (1, 7, 12, "actor"),
                (2, 0, 4, "quotation"),
            ],
        );
        let comparison = SpanComparison::new(
            &document,
            vec![("bilal".into(), bilal), ("alice".into(), alice)],
        );
        assert_eq!(comparison.annotators, ["alice", "bilal"]);
        let kinds: Vec<Option<SpanDisagreement>> =
            comparison.units.iter().map(|u| u.disagreement).collect();
        assert_eq!(
            kinds,
            [
                None,
                Some(SpanDisagreement::Boundary),
                Some(SpanDisagreement::Type),
                Some(SpanDisagreement::Missing),
            ]
        );
        assert_eq!(comparison.disagreements(), [1, 2, 3]);
        let boundary = &comparison.units[1];
        assert_eq!(
            boundary.versions[0][0].end - boundary.versions[0][0].start,
            6
        );
        assert_eq!(
            boundary.versions[1][0].end - boundary.versions[1][0].start,
            5
        );
        assert_eq!(
            (boundary.start, boundary.end),
            (boundary.versions[0][0].start, boundary.versions[1][0].end)
        );
    }

    #[test]
    fn taking_a_version_clears_the_other_stretches_and_merging_keeps_all() {
        let document = document();
        let alice = sidecar(&document, "alice", &[(1, 6, 12, "actor")]);
        let bilal = sidecar(&document, "bilal", &[(1, 7, 12, "place")]);
        let comparison = SpanComparison::new(
            &document,
            vec![("alice".into(), alice), ("bilal".into(), bilal)],
        );
        let unit = &comparison.units[0];
        assert_eq!(unit.disagreement, Some(SpanDisagreement::BoundaryAndType));
        let a = &unit.versions[0][0];
        let b = &unit.versions[1][0];
        let range = |s: &Span| s.start as usize..s.end as usize;
        // The gold already has bilal's stretch as an event: taking alice's version clears it.
        let gold = [Span {
            label: "event".into(),
            ..b.clone()
        }];
        let taken = unit.decide(SpanChoice::Take(0), &gold);
        assert_eq!(
            taken,
            [
                SpanLabels {
                    paragraph: 1,
                    chars: range(a),
                    labels: vec!["actor".into()]
                },
                SpanLabels {
                    paragraph: 1,
                    chars: range(b),
                    labels: vec![]
                },
            ]
        );
        let merged = unit.decide(SpanChoice::Merge, &[]);
        assert_eq!(merged[0].labels, ["actor"]);
        assert_eq!(merged[1].labels, ["place"]);
        // Applied to a store, the decision is one undo step.
        let mut store = AnnotationStore::new(&document, LabelScheme::news_default(), "gold");
        assert_eq!(store.set_span_labels(&document, &taken, &[]).unwrap(), 1);
        assert_eq!(
            gold_spans(&store),
            [Span {
                label: "actor".into(),
                ..a.clone()
            }]
        );
        assert!(store.undo(&document));
        assert!(gold_spans(&store).is_empty());
    }

    /// A sidecar by `author` with passages `(paragraph, start, end, label)` (code points)
    /// and relations `(source, target, type)` between them (indices into `spans`); the
    /// author's scheme defines the relation types.
    fn related(
        document: &Document,
        author: &str,
        spans: &[(usize, usize, usize, &str)],
        relations: &[(usize, usize, &str)],
    ) -> Sidecar {
        let mut scheme = LabelScheme::news_default();
        for &(_, _, kind) in relations {
            if scheme.relation_type(kind).is_none() {
                scheme.relation_types.push(Label {
                    id: kind.to_owned(),
                    name: format!("{kind} ({author})"),
                    color: "#123456".to_owned(),
                    shortcut: Some('1'),
                    description: String::new(),
                });
            }
        }
        let mut store = AnnotationStore::new(document, scheme, author);
        let ids: Vec<Uuid> = spans
            .iter()
            .map(|&(paragraph, start, end, label)| {
                let range = &document.paragraphs[paragraph].byte_range;
                let text = &document.text[range.clone()];
                let byte = |c: usize| {
                    range.start + text.char_indices().nth(c).map_or(text.len(), |(b, _)| b)
                };
                store
                    .add_span(document, paragraph, byte(start)..byte(end), label)
                    .unwrap()
            })
            .collect();
        for &(source, target, kind) in relations {
            store.add_relation(ids[source], ids[target], kind).unwrap();
        }
        store.sidecar().clone()
    }

    /// A relation end as (paragraph, start, end, labels).
    type End = (usize, usize, usize, Vec<String>);

    /// The gold's relations, each as (source, target, type), sorted.
    fn gold_relations(store: &AnnotationStore) -> Vec<(End, End, String)> {
        let end = |id: Uuid| {
            let a = store.annotation(id).expect("a relation end is in the gold");
            (
                a.target.paragraph,
                a.target.position.start,
                a.target.position.end,
                a.labels.clone(),
            )
        };
        let mut relations: Vec<(End, End, String)> = store
            .relations()
            .iter()
            .map(|r| (end(r.source), end(r.target), r.relation_type.clone()))
            .collect();
        relations.sort();
        relations
    }

    #[test]
    fn taking_a_version_carries_its_relations_between_passages_the_gold_has() {
        let document = document();
        // alice: actor, place (related: located-at) and a claim whose source is the actor.
        let alice = related(
            &document,
            "alice",
            &[(1, 0, 5, "actor"), (1, 6, 12, "place"), (2, 0, 4, "claim")],
            &[(0, 1, "located-at"), (2, 0, "source")],
        );
        // bilal: the same actor, the claim as a quotation, with the same source relation.
        let bilal = related(
            &document,
            "bilal",
            &[(1, 0, 5, "actor"), (2, 0, 4, "quotation")],
            &[(1, 0, "source")],
        );
        let comparison = SpanComparison::new(
            &document,
            vec![("alice".into(), alice), ("bilal".into(), bilal)],
        );
        assert_eq!(comparison.units.len(), 3);
        assert_eq!(comparison.relations[0].len(), 2);
        assert_eq!(comparison.relations[1].len(), 1);
        let mut store = AnnotationStore::new(&document, LabelScheme::news_default(), "gold");
        let decide = |store: &mut AnnotationStore, choice: SpanChoice, unit: Option<usize>| {
            let gold = gold_spans(store);
            let decisions = match unit {
                Some(unit) => comparison.units[unit].decide(choice, &gold),
                None => comparison.decide_all(choice, &gold),
            };
            let relations = comparison.relations_for(choice, unit);
            store
                .set_span_labels(&document, &decisions, &relations)
                .unwrap();
        };
        // Ends in code points of the article text.
        let end = |paragraph: usize, start: usize, end: usize, label: &str| -> End {
            let offset = document.text[..document.paragraphs[paragraph].byte_range.start]
                .chars()
                .count();
            (
                paragraph,
                offset + start,
                offset + end,
                vec![label.to_owned()],
            )
        };
        let actor = end(1, 0, 5, "actor");
        let place = end(1, 6, 12, "place");
        let claim = end(2, 0, 4, "claim");
        let quotation = end(2, 0, 4, "quotation");

        // Taking alice's claim: its source (the actor) is not in the gold yet.
        decide(&mut store, SpanChoice::Take(0), Some(2));
        assert_eq!(gold_spans(&store).len(), 1);
        assert!(store.relations().is_empty());
        // Taking the actor too: the claim's source relation follows (its type, which the
        // gold scheme lacked, with it); located-at does not, the place is not taken.
        decide(&mut store, SpanChoice::Take(0), Some(0));
        let after_two = vec![(claim.clone(), actor.clone(), "source".to_owned())];
        assert_eq!(gold_relations(&store), after_two);
        assert_eq!(
            store
                .scheme()
                .relation_type("source")
                .map(|t| t.name.as_str()),
            Some("source (alice)")
        );
        assert!(store.scheme().relation_type("located-at").is_none());

        // Accept all from alice: the place and its relation, one undo step.
        decide(&mut store, SpanChoice::Take(0), None);
        let alice_all = vec![
            (actor.clone(), place.clone(), "located-at".to_owned()),
            (claim.clone(), actor.clone(), "source".to_owned()),
        ];
        assert_eq!(gold_relations(&store), alice_all);
        assert_eq!(gold_spans(&store).len(), 3);
        assert!(store.scheme().relation_type("located-at").is_some());
        assert!(store.undo(&document));
        assert_eq!(gold_relations(&store), after_two);
        assert_eq!(gold_spans(&store).len(), 2);
        assert!(store.redo(&document));
        assert_eq!(gold_relations(&store), alice_all);

        // Accept all from bilal: the place goes with its relation; his source relation is
        // the one already there (same ends, same type), so it is not added twice.
        decide(&mut store, SpanChoice::Take(1), None);
        assert_eq!(
            gold_relations(&store),
            [(quotation, actor.clone(), "source".to_owned())]
        );
        assert_eq!(gold_spans(&store).len(), 2);
        // One undo brings back alice's spans and relations together.
        assert!(store.undo(&document));
        assert_eq!(gold_relations(&store), alice_all);
        assert_eq!(gold_spans(&store).len(), 3);
    }
}
