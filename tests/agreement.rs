//! Agreement measures against a reference implementation: Krippendorff's α from the
//! `krippendorff` package, Fleiss' κ from statsmodels and Cohen's κ from scikit-learn,
//! computed once by `scripts/agreement-reference.py` on seeded random tables (some with
//! missing ratings) and committed.

use hashiya::agreement::{cohen_kappa, fleiss_kappa, krippendorff_alpha_nominal};

#[derive(serde::Deserialize)]
struct Case {
    name: String,
    ratings: Vec<Vec<Option<u32>>>,
    krippendorff_alpha: f64,
    fleiss_kappa: f64,
    cohen_kappa: Option<f64>,
}

#[test]
fn measures_match_the_reference_implementations() {
    let text = include_str!("fixtures/agreement/reference.json");
    let cases: Vec<Case> = serde_json::from_str(text).unwrap();
    assert_eq!(cases.len(), 6);
    for case in cases {
        let alpha = krippendorff_alpha_nominal(&case.ratings).unwrap();
        assert!(
            (alpha - case.krippendorff_alpha).abs() < 1e-9,
            "{}: α {alpha} vs {}",
            case.name,
            case.krippendorff_alpha
        );
        let fleiss = fleiss_kappa(&case.ratings).unwrap();
        assert!(
            (fleiss - case.fleiss_kappa).abs() < 1e-9,
            "{}: Fleiss {fleiss} vs {}",
            case.name,
            case.fleiss_kappa
        );
        if let Some(expected) = case.cohen_kappa {
            let cohen = cohen_kappa(&case.ratings).unwrap();
            assert!(
                (cohen - expected).abs() < 1e-9,
                "{}: Cohen {cohen} vs {expected}",
                case.name
            );
        }
    }
}
