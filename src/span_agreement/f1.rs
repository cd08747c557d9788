//! Span F1 between two annotators under the schemes of `nervaluate` (Segura-Bedmar et al.,
//! SemEval-2013 task 9.1), one annotator taken as the reference and the other compared with
//! it:
//!
//! - **exact** (nervaluate's `strict`): a span counts only with the same boundaries and type;
//! - **partial** (nervaluate's `partial`): same boundaries count fully, overlapping ones half,
//!   types ignored;
//! - **type** (nervaluate's `ent_type`): an overlapping span of the same type counts, the
//!   boundaries ignored.
//!
//! Matching is nervaluate's: spans of the compared side are taken in order, each against the
//! reference spans not yet matched, in order; "overlap" means at least 1 % of the reference
//! span's characters.

/// A labelled span, half-open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LabelledSpan {
    /// First position.
    pub start: u64,
    /// One past the last position.
    pub end: u64,
    /// Category number.
    pub label: u32,
}

/// How the compared side's spans fared against the reference.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Matching fully.
    pub correct: u64,
    /// Overlapping a reference span but wrong (type or boundaries, by scheme).
    pub incorrect: u64,
    /// Overlapping with other boundaries (partial scheme only).
    pub partial: u64,
    /// Reference spans nothing matched.
    pub missed: u64,
    /// Compared spans matching nothing.
    pub spurious: u64,
}

impl Counts {
    /// Adds `other`.
    pub fn add(&mut self, other: &Self) {
        self.correct += other.correct;
        self.incorrect += other.incorrect;
        self.partial += other.partial;
        self.missed += other.missed;
        self.spurious += other.spurious;
    }

    /// F1, with partial matches worth half (nervaluate's formula for `partial` and
    /// `ent_type`; `strict` has none). `None` when neither side has a span.
    pub fn f1(&self) -> Option<f64> {
        let actual = self.correct + self.incorrect + self.partial + self.spurious;
        let possible = self.correct + self.incorrect + self.partial + self.missed;
        if actual == 0 && possible == 0 {
            return None;
        }
        let credit = self.correct as f64 + 0.5 * self.partial as f64;
        let precision = if actual > 0 {
            credit / actual as f64
        } else {
            0.0
        };
        let recall = if possible > 0 {
            credit / possible as f64
        } else {
            0.0
        };
        Some(if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        })
    }
}

/// The three schemes' counts for one comparison.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct SchemeCounts {
    /// Boundaries and type.
    pub exact: Counts,
    /// Boundaries, overlap for half.
    pub partial: Counts,
    /// Type, with overlap.
    pub type_only: Counts,
}

impl SchemeCounts {
    /// Adds `other`.
    pub fn add(&mut self, other: &Self) {
        self.exact.add(&other.exact);
        self.partial.add(&other.partial);
        self.type_only.add(&other.type_only);
    }
}

/// Whether `other` overlaps at least 1 % of `reference` (nervaluate's default threshold).
fn overlaps(other: &LabelledSpan, reference: &LabelledSpan) -> bool {
    let start = other.start.max(reference.start);
    let end = other.end.min(reference.end);
    end > start && (end - start).saturating_mul(100) >= reference.end - reference.start
}

fn finish(counts: &mut Counts, matched: &[bool]) {
    counts.missed += matched.iter().filter(|m| !**m).count() as u64;
}

/// Strict: same boundaries and type.
fn strict(reference: &[LabelledSpan], other: &[LabelledSpan]) -> Counts {
    let mut counts = Counts::default();
    let mut matched = vec![false; reference.len()];
    for o in other {
        let mut incorrect = None;
        let mut found = false;
        for (r_idx, r) in reference.iter().enumerate() {
            if matched[r_idx] {
                continue;
            }
            if o == r {
                counts.correct += 1;
                matched[r_idx] = true;
                found = true;
                break;
            }
            if incorrect.is_none() && overlaps(o, r) {
                incorrect = Some(r_idx);
            }
        }
        if !found {
            match incorrect {
                Some(r_idx) => {
                    counts.incorrect += 1;
                    matched[r_idx] = true;
                }
                None => counts.spurious += 1,
            }
        }
    }
    finish(&mut counts, &matched);
    counts
}

/// Partial: same boundaries fully, overlap half, types ignored.
fn partial(reference: &[LabelledSpan], other: &[LabelledSpan]) -> Counts {
    let mut counts = Counts::default();
    let mut matched = vec![false; reference.len()];
    for o in other {
        let mut part = None;
        let mut found = false;
        for (r_idx, r) in reference.iter().enumerate() {
            if matched[r_idx] || !overlaps(o, r) {
                continue;
            }
            if o.start == r.start && o.end == r.end {
                counts.correct += 1;
                matched[r_idx] = true;
                found = true;
                break;
            }
            if part.is_none() {
                part = Some(r_idx);
            }
        }
        if !found {
            match part {
                Some(r_idx) => {
                    counts.partial += 1;
                    matched[r_idx] = true;
                }
                None => counts.spurious += 1,
            }
        }
    }
    finish(&mut counts, &matched);
    counts
}

/// Type: overlap and the same type (the closest boundaries win).
fn type_only(reference: &[LabelledSpan], other: &[LabelledSpan]) -> Counts {
    let mut counts = Counts::default();
    let mut matched = vec![false; reference.len()];
    for o in other {
        let mut best: Option<(usize, u64)> = None;
        let mut incorrect = None;
        for (r_idx, r) in reference.iter().enumerate() {
            if matched[r_idx] || !overlaps(o, r) {
                continue;
            }
            let distance = o.start.abs_diff(r.start) + o.end.abs_diff(r.end);
            if o.label == r.label {
                if best.is_none_or(|(_, d)| distance < d) {
                    best = Some((r_idx, distance));
                }
            } else if incorrect.is_none() {
                incorrect = Some(r_idx);
            }
        }
        match (best, incorrect) {
            (Some((r_idx, _)), _) => {
                counts.correct += 1;
                matched[r_idx] = true;
            }
            (None, Some(r_idx)) => {
                counts.incorrect += 1;
                matched[r_idx] = true;
            }
            (None, None) => counts.spurious += 1,
        }
    }
    finish(&mut counts, &matched);
    counts
}

/// Counts under the three schemes of `other` against `reference` (both sorted by start, end
/// and label, as nervaluate is given them).
pub fn compare(reference: &[LabelledSpan], other: &[LabelledSpan]) -> SchemeCounts {
    SchemeCounts {
        exact: strict(reference, other),
        partial: partial(reference, other),
        type_only: type_only(reference, other),
    }
}

/// [`compare`] restricted to the spans of `label`.
pub fn compare_label(
    reference: &[LabelledSpan],
    other: &[LabelledSpan],
    label: u32,
) -> SchemeCounts {
    let only = |spans: &[LabelledSpan]| -> Vec<LabelledSpan> {
        spans.iter().filter(|s| s.label == label).copied().collect()
    };
    compare(&only(reference), &only(other))
}
