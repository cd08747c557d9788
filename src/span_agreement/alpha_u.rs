//! Krippendorff's αU for unitized data (Krippendorff 2004, *Content Analysis*, 2nd ed.,
//! pp. 251–256), computed as `DKPro Statistics` does: each category is its own continuum (its
//! units against gaps), the observed and expected disagreements of the categories are
//! averaged, and αU = 1 − `D_O` / `D_E`.
//!
//! Within one category the units of one annotator must not overlap; overlapping or nested
//! units of an annotator are joined into their union first.

use std::collections::BTreeMap;

/// A unitizing study: raters marking units of categories on one continuum.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UnitizingStudy {
    /// Where the continuum begins.
    pub begin: u64,
    /// Its length (positions `begin..begin + length`).
    pub length: u64,
    /// Number of raters.
    pub raters: usize,
    /// The units: rater, start, end (exclusive), category.
    pub units: Vec<(usize, u64, u64, u32)>,
}

/// One section of a rater's continuum for a category: a unit or a gap.
#[derive(Clone, Copy, Debug)]
struct Section {
    start: u64,
    len: u64,
    unit: bool,
}

impl UnitizingStudy {
    /// The categories present.
    pub fn categories(&self) -> Vec<u32> {
        let mut categories: Vec<u32> = self.units.iter().map(|u| u.3).collect();
        categories.sort_unstable();
        categories.dedup();
        categories
    }

    /// The merged, clipped units of `rater` in `category`, in order.
    fn units_of(&self, rater: usize, category: u32) -> Vec<(u64, u64)> {
        let end_of_continuum = self.begin.saturating_add(self.length);
        let mut spans: Vec<(u64, u64)> = self
            .units
            .iter()
            .filter(|u| u.0 == rater && u.3 == category)
            .map(|u| (u.1.max(self.begin), u.2.min(end_of_continuum)))
            .filter(|(s, e)| s < e)
            .collect();
        spans.sort_unstable();
        let mut merged: Vec<(u64, u64)> = Vec::with_capacity(spans.len());
        for (s, e) in spans {
            match merged.last_mut() {
                Some(last) if s < last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        merged
    }

    /// Units and gaps covering the continuum, for `rater` in `category`.
    fn sections(&self, rater: usize, category: u32) -> Vec<Section> {
        let mut sections = Vec::new();
        let mut pos = self.begin;
        for (s, e) in self.units_of(rater, category) {
            if s > pos {
                sections.push(Section {
                    start: pos,
                    len: s - pos,
                    unit: false,
                });
            }
            sections.push(Section {
                start: s,
                len: e - s,
                unit: true,
            });
            pos = e;
        }
        let end = self.begin.saturating_add(self.length);
        if end > pos {
            sections.push(Section {
                start: pos,
                len: end - pos,
                unit: false,
            });
        }
        sections
    }

    /// Observed disagreement in `category`.
    pub fn observed(&self, category: u32) -> f64 {
        let mut sum = 0.0;
        for r1 in 0..self.raters {
            let one = self.sections(r1, category);
            for r2 in (r1 + 1)..self.raters {
                let two = self.sections(r2, category);
                let (mut i, mut j) = (0, 0);
                while let (Some(a), Some(b)) = (one.get(i), two.get(j)) {
                    sum += distance(a, b);
                    let (end_a, end_b) = (a.start + a.len, b.start + b.len);
                    if end_a <= end_b {
                        i += 1;
                    }
                    if end_b <= end_a {
                        j += 1;
                    }
                }
            }
        }
        let r = self.raters as f64;
        let l = self.length as f64;
        let denominator = r * (r - 1.0) * l * l;
        if denominator > 0.0 {
            2.0 * sum / denominator
        } else {
            0.0
        }
    }

    /// Expected disagreement in `category`.
    pub fn expected(&self, category: u32) -> f64 {
        let mut lengths: Vec<f64> = Vec::new();
        let mut gaps: Vec<u64> = Vec::new();
        for rater in 0..self.raters {
            for section in self.sections(rater, category) {
                if section.unit {
                    lengths.push(section.len as f64);
                } else {
                    gaps.push(section.len);
                }
            }
        }
        gaps.sort_unstable();
        // Sums of the gaps from each index to the end, to add up Σ_{g ≥ l} (g − l + 1).
        let mut suffix = vec![0.0; gaps.len() + 1];
        for (i, &g) in gaps.iter().enumerate().rev() {
            suffix[i] = suffix[i + 1] + g as f64;
        }
        let units = lengths.len() as f64;
        let squared: f64 = lengths.iter().map(|l| l * (l - 1.0)).sum();
        let mut sum = 0.0;
        for &l in &lengths {
            let within = (units - 1.0) * (2.0 * l * l * l - 3.0 * l * l + l) / 3.0;
            let from = gaps.partition_point(|&g| (g as f64) < l);
            let count = (gaps.len() - from) as f64;
            let fitting = suffix[from] - count * (l - 1.0);
            sum += within + l * l * fitting;
        }
        let r = self.raters as f64;
        let len = self.length as f64;
        let denominator = r * len * (r * len - 1.0) - squared;
        if denominator > 0.0 && len > 0.0 {
            sum * 2.0 / len / denominator
        } else {
            0.0
        }
    }

    /// αU over all categories: `None` when no category has expected disagreement (nothing
    /// marked) or with fewer than two raters.
    pub fn alpha(&self) -> Option<f64> {
        let categories = self.categories();
        if self.raters < 2 || categories.is_empty() {
            return None;
        }
        let count = categories.len() as f64;
        let observed: f64 = categories.iter().map(|&c| self.observed(c)).sum::<f64>() / count;
        let expected: f64 = categories.iter().map(|&c| self.expected(c)).sum::<f64>() / count;
        (expected > 0.0).then(|| 1.0 - observed / expected)
    }

    /// αU of one category (`None` as for [`Self::alpha`]).
    pub fn category_alpha(&self, category: u32) -> Option<f64> {
        if self.raters < 2 {
            return None;
        }
        let expected = self.expected(category);
        (expected > 0.0).then(|| 1.0 - self.observed(category) / expected)
    }

    /// Appends `other` after this continuum (its positions shifted past the end), so that a
    /// folder of texts is one continuum. Both must have the same raters.
    pub fn append(&mut self, other: &Self) {
        let shift = self.begin.saturating_add(self.length);
        for &(rater, s, e, c) in &other.units {
            let s = s.saturating_sub(other.begin).saturating_add(shift);
            let e = e.saturating_sub(other.begin).saturating_add(shift);
            self.units.push((rater, s, e, c));
        }
        self.length = self.length.saturating_add(other.length);
    }
}

/// Krippendorff's distance between two sections that overlap (a unit against a unit, or a
/// unit lying within a gap of the other rater).
fn distance(a: &Section, b: &Section) -> f64 {
    let (b1, l1) = (a.start as f64, a.len as f64);
    let (b2, l2) = (b.start as f64, b.len as f64);
    let begin_diff = b1 - b2;
    let length_diff = l1 - l2;
    match (a.unit, b.unit) {
        (true, true) if -l1 < begin_diff && begin_diff < l2 => {
            begin_diff * begin_diff + (begin_diff + length_diff) * (begin_diff + length_diff)
        }
        (true, false) if -length_diff >= begin_diff && begin_diff >= 0.0 => l1 * l1,
        (false, true) if -length_diff <= begin_diff && begin_diff <= 0.0 => l2 * l2,
        _ => 0.0,
    }
}

/// Category numbers for names, in first-seen order.
#[derive(Clone, Debug, Default)]
pub struct Categories {
    ids: BTreeMap<String, u32>,
}

impl Categories {
    /// The number of `name`, given a new one if it is new.
    pub fn id(&mut self, name: &str) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(name.to_owned()).or_insert(next)
    }
}
