//! Span agreement at the sizes the issue names, in memory (reading sidecars is measured by
//! the corpus benchmark): γ for 100 articles × 3 annotators × 50 spans with 30 samples
//! (overall and per label, as `hashiya agreement --level span` computes it), and exact and
//! partial F1 over 10,000 articles × 3 annotators × 50 spans.
//!
//! `cargo bench --bench span_agreement`; numbers in BENCHMARKS.md.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use hashiya::span_agreement::gamma::{GammaOptions, SplitMix64};
use hashiya::span_agreement::{ArticleSpans, Span, f1, measure_spans};

const LABELS: [&str; 4] = ["claim", "actor", "place", "event"];

/// An article of about 8,000 characters with 50 true spans; each annotator marks most of
/// them, boundaries moved by a few characters, sometimes another label, plus a few of its
/// own.
fn article(index: usize, rng: &mut SplitMix64) -> ArticleSpans {
    let truth: Vec<(u64, u64, usize)> = (0..50u64)
        .map(|i| {
            let start = i * 160 + rng.next_u64() % 60;
            (
                start,
                start + 5 + rng.next_u64() % 60,
                (rng.next_u64() % 4) as usize,
            )
        })
        .collect();
    let annotators = ["ali", "mona", "sara"]
        .iter()
        .map(|name| {
            let mut spans = Vec::new();
            for &(start, end, label) in &truth {
                if rng.uniform() < 0.1 {
                    continue;
                }
                let jitter = |rng: &mut SplitMix64| rng.next_u64() % 5;
                let s = start.saturating_sub(jitter(rng)) + jitter(rng);
                let e = (end + jitter(rng)).saturating_sub(jitter(rng)).max(s + 1);
                let label = if rng.uniform() < 0.1 {
                    (label + 1) % 4
                } else {
                    label
                };
                spans.push(Span {
                    start: s,
                    end: e,
                    label: LABELS[label].to_owned(),
                    paragraph: 0,
                });
            }
            spans.sort();
            ((*name).to_owned(), spans)
        })
        .collect();
    ArticleSpans {
        path: PathBuf::from(format!("article-{index}.txt")),
        key: format!("article-{index}.txt"),
        length: 8_200,
        annotators,
    }
}

fn main() {
    let mut rng = SplitMix64::new(7);
    let articles: Vec<ArticleSpans> = (0..100).map(|i| article(i, &mut rng)).collect();
    let labels: Vec<(String, String)> = LABELS
        .iter()
        .map(|l| ((*l).to_owned(), (*l).to_owned()))
        .collect();
    let options = GammaOptions {
        samples: 30,
        ..GammaOptions::default()
    };
    for _ in 0..3 {
        let started = Instant::now();
        let report = measure_spans(&articles, labels.clone(), &options, &|_| true).unwrap();
        println!(
            "γ, 100 articles × 3 annotators × 50 spans, 30 samples, overall and per label: {:.2} s (γ {:.3})",
            started.elapsed().as_secs_f64(),
            report.overall.gamma.unwrap_or(f64::NAN)
        );
    }
    let mut rng = SplitMix64::new(8);
    let many: Vec<Vec<Vec<f1::LabelledSpan>>> = (0..10_000)
        .map(|i| {
            article(i, &mut rng)
                .annotators
                .iter()
                .map(|(_, spans)| {
                    spans
                        .iter()
                        .map(|s| f1::LabelledSpan {
                            start: s.start,
                            end: s.end,
                            label: LABELS.iter().position(|l| *l == s.label).unwrap_or(0) as u32,
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    for _ in 0..3 {
        let started = Instant::now();
        let mut total = f1::SchemeCounts::default();
        for annotators in &many {
            for (i, a) in annotators.iter().enumerate() {
                for b in annotators.iter().skip(i + 1) {
                    total.add(&f1::compare(a, b));
                }
            }
        }
        println!(
            "exact, partial and type F1, 10,000 articles × 3 pairs × 50 spans: {:.3} s (exact F1 {:.3})",
            started.elapsed().as_secs_f64(),
            black_box(total).exact.f1().unwrap_or(f64::NAN)
        );
    }
}
