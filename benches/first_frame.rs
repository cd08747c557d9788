//! The first frame with the 3.9 MB corpus file open, in the English and the Arabic interface,
//! measured alternately in one process: each round makes a new app and egui context (so
//! egui's fonts, the reader's layouts and the interface's text engine are made again) and
//! times its first frame, tessellated as eframe would.
//!
//! `cargo bench --bench first_frame [-- ROUNDS] [en|ar]`; prints the median of each language.
//! With one round and one language, the figure is a fresh process's first frame, as at start.

use std::path::PathBuf;
use std::time::Duration;

use hashiya::app::{HashiyaApp, Settings};
use hashiya::document;
use hashiya::i18n::UiLanguage;
use hashiya::text::TextEngine;

mod common;

fn first_frame(document: &document::Document, language: UiLanguage) -> Duration {
    let settings = Settings {
        interface_language: Some(language),
        ..Settings::default()
    };
    let mut app = HashiyaApp::new(settings, TextEngine::new(false));
    app.show_document(document.clone());
    let ctx = egui::Context::default();
    common::frame(&ctx, &mut app, Vec::new())
}

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

fn main() {
    let rounds: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(15);
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/large/snn_2015-07-23_all_1318_articles.txt");
    let document = document::load(&path).expect("large corpus file");
    let only = std::env::args().skip(1).find(|a| a == "en" || a == "ar");
    let languages: Vec<_> = [
        ("English", UiLanguage::English),
        ("Arabic", UiLanguage::Arabic),
    ]
    .into_iter()
    .filter(|(_, language)| only.as_deref().is_none_or(|o| o == language.code()))
    .collect();
    let mut times = vec![Vec::new(); languages.len()];
    for _ in 0..rounds {
        for (i, (_, language)) in languages.iter().enumerate() {
            times[i].push(first_frame(&document, *language));
        }
    }
    let english = median(times[0].clone());
    if languages.len() == 1 {
        println!(
            "{}: first frame median {english:.2} ms over {rounds} rounds",
            languages[0].0
        );
        return;
    }
    for ((name, _), times) in languages.iter().zip(times) {
        let ms = median(times);
        println!(
            "{name}: first frame median {ms:.2} ms over {rounds} rounds ({:+.1} % against English)",
            (ms / english - 1.0) * 100.0
        );
    }
}
