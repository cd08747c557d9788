//! The command line: open an article in the GUI, or run a headless command.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};

use crate::app::{HashiyaApp, ICON_PNG, desktop};
use crate::document::{self, LoadOptions};

/// Read and annotate Arabic news articles.
#[derive(Debug, Parser)]
#[command(
    name = "hashiya",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Article to open (.txt, .md, .html, .docx), or a folder of articles to list. Without
    /// one, a bundled sample article opens. When several are given (as a file manager may),
    /// the first is opened.
    pub paths: Vec<PathBuf>,
    /// Install the launcher entry, icon and file associations for this user, so that
    /// double-clicking an article opens it in Hashiya.
    #[arg(long, conflicts_with = "uninstall_desktop")]
    pub install_desktop: bool,
    /// Remove what --install-desktop installed.
    #[arg(long)]
    pub uninstall_desktop: bool,
    /// Open, save and export through Hashiya's own file dialog instead of the desktop's
    /// (for desktops whose dialog is broken; where there is none, Hashiya's is used anyway).
    /// View > Use Hashiya's File Dialogs keeps this choice.
    #[arg(long)]
    pub builtin_dialogs: bool,
    /// A headless command.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print what Hashiya reads from an article, as JSON: format, encoding, title and number
    /// of paragraphs.
    Info {
        /// The article file.
        file: PathBuf,
        /// Decode with this encoding (a label such as `windows-1256`) instead of
        /// detecting it.
        #[arg(long)]
        encoding: Option<String>,
    },
    /// Export the annotations of one or more articles (read from their sidecars, re-anchored
    /// to the articles' current text).
    Export {
        /// Output format.
        #[arg(long, value_enum)]
        format: ExportFormatArg,
        /// Write here instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Article files, or folders of articles, whose annotations to export (every
        /// sidecar: the article's own and each annotator's).
        #[arg(required = true)]
        articles: Vec<PathBuf>,
    },
    /// Measure agreement between annotators over a folder: paragraph-level, per label and
    /// overall (Cohen's κ for two annotators, Fleiss' κ, Krippendorff's α).
    Agreement {
        /// The folder of articles with annotators' sidecars (`<article>.annotations.<name>.json`).
        folder: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

/// `--format` values of `export`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ExportFormatArg {
    /// CSV in UTF-8 with a byte order mark.
    Csv,
    /// JSON Lines, one annotation per line.
    Jsonl,
    /// W3C Web Annotation collection (JSON-LD).
    W3c,
}

/// What `hashiya info` prints.
#[derive(Debug, serde::Serialize)]
pub struct Info {
    /// The file as given.
    pub path: PathBuf,
    /// The format it was read as.
    pub format: document::Format,
    /// The encoding it was decoded from, as `encoding_rs` names it.
    pub encoding: &'static str,
    /// The article title.
    pub title: String,
    /// Number of paragraphs.
    pub paragraphs: usize,
}

/// Runs the program; returns the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    // Headless commands log to standard error only; the GUI also keeps a log file.
    if cli.command.is_none() && !cli.install_desktop && !cli.uninstall_desktop {
        crate::app::crash::init_logging_and_panics();
    } else {
        env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    }
    let result = match cli.command {
        Some(Command::Info { file, encoding }) => info(file, encoding.as_deref()),
        Some(Command::Export {
            format,
            out,
            articles,
        }) => export(format, out, &articles),
        Some(Command::Agreement { folder, json }) => agreement(&folder, json),
        None if cli.install_desktop => install_desktop(),
        None if cli.uninstall_desktop => uninstall_desktop(),
        None => run_gui(cli.paths.into_iter().next(), cli.builtin_dialogs),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("hashiya: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn info(file: PathBuf, encoding: Option<&str>) -> anyhow::Result<()> {
    let encoding = encoding
        .map(|label| {
            encoding_rs::Encoding::for_label(label.as_bytes())
                .ok_or_else(|| anyhow::anyhow!("unknown encoding {label:?}"))
        })
        .transpose()?;
    let options = LoadOptions {
        encoding,
        ..LoadOptions::default()
    };
    let document = document::load_with(&file, options)?;
    let info = Info {
        path: file,
        format: document.format,
        encoding: document.encoding_name,
        title: document.title().to_owned(),
        paragraphs: document.paragraphs.len(),
    };
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut stdout, &info)?;
    writeln!(stdout)?;
    Ok(())
}

fn export(
    format: ExportFormatArg,
    out: Option<PathBuf>,
    articles: &[PathBuf],
) -> anyhow::Result<()> {
    use crate::export::{self, ExportFormat};
    let format = match format {
        ExportFormatArg::Csv => ExportFormat::Csv,
        ExportFormatArg::Jsonl => ExportFormat::Jsonl,
        ExportFormatArg::W3c => ExportFormat::W3c,
    };
    let mut items = Vec::new();
    for path in articles {
        if path.is_dir() {
            let (found, errors) = export::load_folder(path);
            for error in errors {
                eprintln!("hashiya: skipped: {error}");
            }
            if found.is_empty() {
                anyhow::bail!(
                    "no annotations files (<article>.annotations.json or \
                     <article>.annotations.<name>.json) under {}",
                    path.display()
                );
            }
            items.extend(found);
        } else {
            let found = export::load_all(path)?;
            if found.is_empty() {
                return Err(
                    export::ExportError::NoSidecar(crate::annotation::sidecar_path(path)).into(),
                );
            }
            items.extend(found);
        }
    }
    let text = export::export(&items, format);
    match out {
        Some(path) => std::fs::write(&path, text)
            .map_err(|e| anyhow::anyhow!("could not write the export ({e}): {}", path.display()))?,
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(())
}

fn agreement(folder: &std::path::Path, json: bool) -> anyhow::Result<()> {
    if !folder.is_dir() {
        anyhow::bail!("not a folder: {}", folder.display());
    }
    let report = crate::corpus::folder_agreement(folder);
    for problem in &report.skipped {
        eprintln!("hashiya: skipped: {problem}");
    }
    if report.annotators.len() < 2 {
        anyhow::bail!(
            "agreement needs at least two annotators' sidecars (<article>.annotations.<name>.json) for the same article: {}",
            folder.display()
        );
    }
    let mut stdout = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut stdout, &report)?;
        writeln!(stdout)?;
    } else {
        write!(stdout, "{}", crate::corpus::agreement_table(&report))?;
    }
    Ok(())
}

fn install_desktop() -> anyhow::Result<()> {
    let executable = std::env::current_exe()?;
    let data_home = desktop::data_home()?;
    for path in desktop::install(&data_home, &executable)? {
        println!("installed {}", path.display());
    }
    Ok(())
}

fn uninstall_desktop() -> anyhow::Result<()> {
    let data_home = desktop::data_home()?;
    let removed = desktop::uninstall(&data_home)?;
    if removed.is_empty() {
        println!("nothing to remove under {}", data_home.display());
    }
    for path in removed {
        println!("removed {}", path.display());
    }
    Ok(())
}

fn run_gui(path: Option<PathBuf>, builtin_dialogs: bool) -> anyhow::Result<()> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Hashiya")
        .with_app_id("hashiya")
        .with_inner_size([1100.0, 820.0])
        .with_min_inner_size([420.0, 320.0])
        .with_drag_and_drop(true);
    match eframe::icon_data::from_png_bytes(ICON_PNG) {
        Ok(icon) => viewport = viewport.with_icon(Arc::new(icon)),
        Err(error) => log::warn!("window icon not set: {error}"),
    }
    let options = eframe::NativeOptions {
        viewport,
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "Hashiya",
        options,
        Box::new(move |cc| {
            let mut app = HashiyaApp::from_creation_context(cc, path);
            if builtin_dialogs {
                app.use_builtin_dialogs();
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|error| anyhow::anyhow!("could not open the window: {error}"))
}
