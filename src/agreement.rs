//! Inter-annotator agreement on nominal data: Cohen's κ (two annotators), Fleiss' κ (any
//! number, every item rated by all) and Krippendorff's α (any number, missing ratings
//! allowed).
//!
//! Ratings are tables of items × annotators holding a category number, `None` when that
//! annotator did not rate the item.

use std::collections::BTreeMap;

/// One item's ratings, one per annotator (`None`: not rated).
pub type Ratings = Vec<Option<u32>>;

/// Cohen's κ for two annotators over the items both rated. `None` when there are no such
/// items or chance agreement is total (every rating the same category).
pub fn cohen_kappa(items: &[Ratings]) -> Option<f64> {
    let pairs: Vec<(u32, u32)> = items
        .iter()
        .filter_map(|r| Some((r.first().copied()??, r.get(1).copied()??)))
        .collect();
    if pairs.is_empty() {
        return None;
    }
    let n = pairs.len() as f64;
    let observed = pairs.iter().filter(|(a, b)| a == b).count() as f64 / n;
    let mut first: BTreeMap<u32, f64> = BTreeMap::new();
    let mut second: BTreeMap<u32, f64> = BTreeMap::new();
    for (a, b) in &pairs {
        *first.entry(*a).or_default() += 1.0;
        *second.entry(*b).or_default() += 1.0;
    }
    let expected: f64 = first
        .iter()
        .map(|(category, count)| count / n * second.get(category).copied().unwrap_or(0.0) / n)
        .sum();
    if (1.0 - expected).abs() < f64::EPSILON {
        return None;
    }
    Some((observed - expected) / (1.0 - expected))
}

/// Fleiss' κ over the items rated by every annotator. `None` with fewer than two annotators,
/// no complete item, or no variation at all.
pub fn fleiss_kappa(items: &[Ratings]) -> Option<f64> {
    let raters = items.first().map_or(0, Vec::len);
    let complete: Vec<&Ratings> = items
        .iter()
        .filter(|r| r.len() == raters && r.iter().all(Option::is_some))
        .collect();
    if raters < 2 || complete.is_empty() {
        return None;
    }
    let n = raters as f64;
    let items_count = complete.len() as f64;
    let mut totals: BTreeMap<u32, f64> = BTreeMap::new();
    let mut mean_agreement = 0.0;
    for ratings in &complete {
        let mut counts: BTreeMap<u32, f64> = BTreeMap::new();
        for category in ratings.iter().flatten() {
            *counts.entry(*category).or_default() += 1.0;
        }
        let agreeing: f64 = counts.values().map(|c| c * (c - 1.0)).sum();
        mean_agreement += agreeing / (n * (n - 1.0));
        for (category, count) in counts {
            *totals.entry(category).or_default() += count;
        }
    }
    mean_agreement /= items_count;
    let chance: f64 = totals
        .values()
        .map(|t| (t / (items_count * n)).powi(2))
        .sum();
    if (1.0 - chance).abs() < f64::EPSILON {
        return None;
    }
    Some((mean_agreement - chance) / (1.0 - chance))
}

/// Fleiss' κ from a table of category counts per item (every row summing to the same number
/// of raters), as textbooks present it.
pub fn fleiss_kappa_from_counts(counts: &[Vec<usize>]) -> Option<f64> {
    let items: Vec<Ratings> = counts
        .iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .flat_map(|(category, &count)| std::iter::repeat_n(Some(category as u32), count))
                .collect()
        })
        .collect();
    fleiss_kappa(&items)
}

/// Krippendorff's α for nominal data, missing ratings allowed (units with fewer than two
/// ratings are not pairable and are left out). `None` when nothing is pairable or all
/// pairable ratings are one category.
pub fn krippendorff_alpha_nominal(items: &[Ratings]) -> Option<f64> {
    // Coincidence matrix: o[c][k] = Σ_units (pairs c,k within the unit) / (m_u − 1).
    let mut coincidences: BTreeMap<(u32, u32), f64> = BTreeMap::new();
    for ratings in items {
        let values: Vec<u32> = ratings.iter().flatten().copied().collect();
        let m = values.len();
        if m < 2 {
            continue;
        }
        for (i, a) in values.iter().enumerate() {
            for (j, b) in values.iter().enumerate() {
                if i != j {
                    *coincidences.entry((*a, *b)).or_default() += 1.0 / (m as f64 - 1.0);
                }
            }
        }
    }
    let mut marginals: BTreeMap<u32, f64> = BTreeMap::new();
    for ((c, _), value) in &coincidences {
        *marginals.entry(*c).or_default() += value;
    }
    let n: f64 = marginals.values().sum();
    if n <= 1.0 {
        return None;
    }
    let observed_disagreement: f64 = coincidences
        .iter()
        .filter(|((c, k), _)| c != k)
        .map(|(_, v)| v)
        .sum::<f64>()
        / n;
    let expected_disagreement: f64 = marginals
        .iter()
        .flat_map(|(c, nc)| {
            marginals
                .iter()
                .filter(move |(k, _)| *k != c)
                .map(move |(_, nk)| nc * nk)
        })
        .sum::<f64>()
        / (n * (n - 1.0));
    if expected_disagreement.abs() < f64::EPSILON {
        return None;
    }
    Some(1.0 - observed_disagreement / expected_disagreement)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ratings(rows: &[&[i32]]) -> Vec<Ratings> {
        rows.iter()
            .map(|row| row.iter().map(|&v| u32::try_from(v).ok()).collect())
            .collect()
    }

    #[test]
    fn krippendorff_s_own_example_with_missing_values() {
        // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example with
        // 4 observers, 12 units and missing values (-1 here): nominal α = 0.743.
        let by_observer: [[i32; 12]; 4] = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, -1, -1, -1],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, -1, 3],
            [-1, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, -1],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, -1],
        ];
        let units: Vec<Vec<i32>> = (0..12)
            .map(|u| by_observer.iter().map(|o| o[u]).collect())
            .collect();
        let rows: Vec<&[i32]> = units.iter().map(Vec::as_slice).collect();
        let alpha = krippendorff_alpha_nominal(&ratings(&rows)).unwrap();
        assert!((alpha - 0.743).abs() < 0.0005, "{alpha}");
    }

    #[test]
    fn cohen_s_textbook_table() {
        // 50 items: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → p_o 0.7, p_e 0.5, κ 0.4.
        let mut rows = Vec::new();
        rows.extend(std::iter::repeat_n(vec![Some(1), Some(1)], 20));
        rows.extend(std::iter::repeat_n(vec![Some(1), Some(0)], 5));
        rows.extend(std::iter::repeat_n(vec![Some(0), Some(1)], 10));
        rows.extend(std::iter::repeat_n(vec![Some(0), Some(0)], 15));
        assert!((cohen_kappa(&rows).unwrap() - 0.4).abs() < 1e-12);
    }

    #[test]
    fn fleiss_s_textbook_table() {
        // Fleiss (1971) style example: 10 subjects, 14 raters, 5 categories → κ ≈ 0.210.
        let counts = vec![
            vec![0, 0, 0, 0, 14],
            vec![0, 2, 6, 4, 2],
            vec![0, 0, 3, 5, 6],
            vec![0, 3, 9, 2, 0],
            vec![2, 2, 8, 1, 1],
            vec![7, 7, 0, 0, 0],
            vec![3, 2, 6, 3, 0],
            vec![2, 5, 3, 2, 2],
            vec![6, 5, 2, 1, 0],
            vec![0, 2, 2, 3, 7],
        ];
        assert!((fleiss_kappa_from_counts(&counts).unwrap() - 0.210).abs() < 0.0005);
    }

    #[test]
    fn degenerate_inputs_give_no_value() {
        assert_eq!(cohen_kappa(&[]), None);
        assert_eq!(
            cohen_kappa(&[vec![Some(1), Some(1)], vec![Some(1), Some(1)]]),
            None
        );
        assert_eq!(krippendorff_alpha_nominal(&[vec![Some(1), None]]), None);
        assert_eq!(fleiss_kappa(&[vec![Some(1)]]), None);
    }
}
