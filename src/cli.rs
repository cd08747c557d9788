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
    /// Install the launcher entry and icon for this user and offer Hashiya for .txt, .md,
    /// .html and .docx files ("Open With"). Default applications are left as they are.
    #[arg(long, conflicts_with = "uninstall_desktop")]
    pub install_desktop: bool,
    /// With --install-desktop: also make Hashiya the default application for these types
    /// (comma-separated: txt, md, html, docx). The defaults replaced are recorded, and
    /// --uninstall-desktop restores them.
    #[arg(long, value_name = "TYPES", requires = "install_desktop")]
    pub default_for: Option<String>,
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
    ///
    /// With --level span: span-level agreement over passage annotations, per label and
    /// overall (span F1 exact / partial / type between each pair of annotators, γ, and
    /// Krippendorff's αU).
    Agreement {
        /// The folder of articles with annotators' sidecars (`<article>.annotations.<name>.json`).
        folder: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// What is compared: paragraph labels, or spans (passage annotations).
        #[arg(long, value_enum, default_value_t = AgreementLevel::Paragraph)]
        level: AgreementLevel,
        /// With --level span: also write the per-article figures to this CSV file.
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        /// With --level span: seed of γ's sampled continua.
        #[arg(long, default_value_t = crate::span_agreement::gamma::DEFAULT_SEED)]
        seed: u64,
        /// With --level span: sampled continua for γ's expected disorder.
        #[arg(long, default_value_t = crate::span_agreement::gamma::DEFAULT_SAMPLES)]
        samples: usize,
    },
    /// Show how an article is laid out, for checking bidirectional text (a diagnostic).
    ///
    /// With --visual, each paragraph is printed unwrapped on one line with its characters
    /// in the order they stand on screen from left to right. The order is read back from
    /// the glyphs as laid out and drawn (each glyph cluster gives its characters), not from
    /// a separate bidi computation; brackets and other mirrored characters are printed as
    /// the mirror image that is drawn, and bidi control characters (LRM, RLM, ALM,
    /// embeddings, overrides, isolates) are left out. Only the fonts embedded in Hashiya are
    /// used, so the output is the same on every machine.
    Layout {
        /// Print each paragraph in visual (on-screen, left-to-right) order.
        #[arg(long, required = true)]
        visual: bool,
        /// The article file.
        file: PathBuf,
        /// Decode with this encoding (a label such as `windows-1256`) instead of
        /// detecting it.
        #[arg(long)]
        encoding: Option<String>,
    },
}

/// `--level` values of `agreement`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum AgreementLevel {
    /// Paragraph labels (Cohen's κ, Fleiss' κ, Krippendorff's α).
    Paragraph,
    /// Spans: passage annotations (span F1, γ, αU).
    Span,
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
    /// Undecodable byte sequences replaced by U+FFFD.
    pub replaced: usize,
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
        Some(Command::Agreement {
            folder,
            json,
            level: AgreementLevel::Paragraph,
            csv: None,
            ..
        }) => agreement(&folder, json),
        Some(Command::Agreement {
            csv: Some(_),
            level: AgreementLevel::Paragraph,
            ..
        }) => Err(anyhow::anyhow!(
            "--csv writes span-level figures: add --level span"
        )),
        Some(Command::Agreement {
            folder,
            json,
            level: AgreementLevel::Span,
            csv,
            seed,
            samples,
        }) => span_agreement(&folder, json, csv.as_deref(), seed, samples),
        Some(Command::Layout {
            visual: _,
            file,
            encoding,
        }) => layout_visual(&file, encoding.as_deref()),
        None if cli.install_desktop => install_desktop(cli.default_for.as_deref()),
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

/// Load options with the encoding named by `label`, if any.
fn load_options(label: Option<&str>) -> anyhow::Result<LoadOptions> {
    let encoding = label
        .map(|label| {
            encoding_rs::Encoding::for_label(label.as_bytes())
                .ok_or_else(|| anyhow::anyhow!("unknown encoding {label:?}"))
        })
        .transpose()?;
    Ok(LoadOptions {
        encoding,
        ..LoadOptions::default()
    })
}

fn info(file: PathBuf, encoding: Option<&str>) -> anyhow::Result<()> {
    let document = document::load_with(&file, load_options(encoding)?)?;
    let info = Info {
        path: file,
        format: document.format,
        encoding: document.encoding_name,
        replaced: document.replaced_chars,
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
        write!(
            stdout,
            "{}",
            crate::corpus::agreement_table(&report, Some(folder))
        )?;
    }
    Ok(())
}

fn span_agreement(
    folder: &std::path::Path,
    json: bool,
    csv: Option<&std::path::Path>,
    seed: u64,
    samples: usize,
) -> anyhow::Result<()> {
    use std::io::IsTerminal as _;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use crate::span_agreement::{self, GammaOptions, Progress};
    if !folder.is_dir() {
        anyhow::bail!("not a folder: {}", folder.display());
    }
    let options = GammaOptions {
        samples,
        seed,
        ..GammaOptions::default()
    };
    // A percentage on a terminal's standard error while γ samples.
    let terminal = std::io::stderr().is_terminal();
    let shown = AtomicUsize::new(0);
    let progress = |p: Progress| {
        let percent = (p.done * 100).checked_div(p.total).unwrap_or(100);
        if terminal && percent > shown.swap(percent, Ordering::Relaxed) {
            eprint!("\rγ: {percent}%");
        }
        true
    };
    let report = span_agreement::folder_span_agreement(folder, &options, &progress)
        .map_err(|_| anyhow::anyhow!("cancelled"))?;
    if terminal && shown.load(Ordering::Relaxed) > 0 {
        eprintln!();
    }
    for problem in &report.skipped {
        eprintln!("hashiya: skipped: {problem}");
    }
    if report.annotators.len() < 2 || report.articles == 0 {
        anyhow::bail!(
            "agreement needs at least two annotators' sidecars (<article>.annotations.<name>.json) for the same article: {}",
            folder.display()
        );
    }
    if let Some(path) = csv {
        std::fs::write(
            path,
            span_agreement::span_agreement_csv(&report, Some(folder)),
        )
        .map_err(|e| anyhow::anyhow!("could not write the CSV ({e}): {}", path.display()))?;
    }
    let mut stdout = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut stdout, &report)?;
        writeln!(stdout)?;
    } else {
        write!(
            stdout,
            "{}",
            span_agreement::span_agreement_table(&report, Some(folder))
        )?;
    }
    Ok(())
}

fn layout_visual(file: &std::path::Path, encoding: Option<&str>) -> anyhow::Result<()> {
    use crate::text::{ParagraphLayout, TextStyle, fonts, visual};
    let document = document::load_with(file, load_options(encoding)?)?;
    let mut font_system = fonts::font_system(false);
    let style = TextStyle::default();
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    for (paragraph_idx, paragraph) in document.paragraphs.iter().enumerate() {
        let text = document.paragraph_text(paragraph_idx).unwrap_or_default();
        let layout =
            ParagraphLayout::unwrapped(&mut font_system, text, &style.for_kind(paragraph.kind));
        writeln!(
            stdout,
            "{}",
            visual::visual_string(&mut font_system, &layout)
        )?;
    }
    stdout.flush()?;
    Ok(())
}

fn install_desktop(default_for: Option<&str>) -> anyhow::Result<()> {
    // The types are checked before anything is written.
    let defaults = default_for.map(desktop::parse_type_list).transpose()?;
    let executable = std::env::current_exe()?;
    let dirs = desktop::XdgDirs::from_env()?;
    for path in desktop::install(&dirs, &executable)? {
        println!("installed {}", path.display());
    }
    match defaults {
        Some(mimes) => {
            if let Some(path) = desktop::make_default(&dirs, &mimes)? {
                println!("changed {}", path.display());
            }
            println!(
                "Hashiya is the default application for {}; --uninstall-desktop restores the previous defaults.",
                mimes.join(", ")
            );
        }
        None => println!(
            "Hashiya is offered for .txt, .md, .html and .docx files (Open With); no default \
             application was changed. To make it the default: hashiya --install-desktop \
             --default-for txt,md"
        ),
    }
    Ok(())
}

fn uninstall_desktop() -> anyhow::Result<()> {
    let dirs = desktop::XdgDirs::from_env()?;
    let removed = desktop::uninstall(&dirs)?;
    if removed.is_empty() {
        println!("nothing to remove under {}", dirs.data_home.display());
    }
    for path in removed {
        println!("removed or restored {}", path.display());
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
