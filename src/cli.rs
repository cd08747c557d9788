//! The command line: open an article in the GUI, or run a headless command.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use crate::app::HashiyaApp;

/// Read and annotate Arabic news articles.
#[derive(Debug, Parser)]
#[command(name = "hashiya", version, about)]
pub struct Cli {
    /// Article to open (plain text). Without it, a bundled sample article opens.
    pub path: Option<PathBuf>,
}

/// Runs the program; returns the process exit code.
pub fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let cli = Cli::parse();
    match run_gui(cli.path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("hashiya: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run_gui(path: Option<PathBuf>) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Hashiya")
            .with_app_id("hashiya")
            .with_inner_size([1100.0, 820.0])
            .with_min_inner_size([420.0, 320.0]),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "Hashiya",
        options,
        Box::new(move |cc| Ok(Box::new(HashiyaApp::from_creation_context(cc, path)))),
    )
    .map_err(|error| anyhow::anyhow!("could not open the window: {error}"))
}
