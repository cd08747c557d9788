//! The command line: open an article in the GUI, or run a headless command.

use std::cell::Cell;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::rc::Rc;
use std::sync::Arc;

use clap::{CommandFactory as _, Parser, Subcommand};

use crate::app::quiet_input::QuietWindow;
use crate::app::{HashiyaApp, ICON_PNG, desktop};
use crate::document::{self, LoadOptions};
use crate::tr;

mod parse_errors;

/// Read and annotate Arabic news articles.
#[derive(Debug, Parser)]
#[command(
    name = "hashiya",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Article to open (.txt, .md, .html, .docx, .rtf; .pdf is experimental: its text layer
    /// is read with Poppler's pdftotext and repaired for Arabic), or a folder of articles to list. Without
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
    /// Print what Hashiya reads from an article, as JSON: format, encoding, title, number
    /// of paragraphs, language (ar, fa or ur) and the typeface it is read in by default.
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
    ///
    /// The entity formats (conll, wojood, brat, spacy) write the passages' labels as entity
    /// types. conll is IOB2 with the outermost entities only; use wojood for nested ones.
    Export {
        /// Output format.
        #[arg(long, value_enum)]
        format: ExportFormatArg,
        /// Write here instead of standard output. For brat: the .ann file of one article
        /// (its text file, when one is needed, goes beside it with the extension .txt), or
        /// a folder that receives a .ann and a .txt for each article and annotator.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Article files, or folders of articles, whose annotations to export (every
        /// sidecar: the article's own and each annotator's).
        #[arg(required = true)]
        articles: Vec<PathBuf>,
    },
    /// Import entities (and brat relations) into an article's annotations, all or nothing:
    /// any line that does not fit the article is reported and nothing is changed.
    Import {
        /// Format of FILE.
        #[arg(long, value_enum)]
        format: ImportFormatArg,
        /// Import into this annotator's Team Mode sidecar
        /// (`<article>.annotations.<name>.json`) instead of the article's own.
        #[arg(long, value_name = "NAME")]
        annotator: Option<String>,
        /// The article the file annotates.
        article: PathBuf,
        /// The file to import (brat .ann, or CoNLL / Wojood).
        file: PathBuf,
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
    /// Split bundles exported from news databases (Nexis Uni DOCX, older Nexis TXT/RTF,
    /// Factiva HTML/RTF) into one UTF-8 .txt article each in FOLDER, named
    /// <date>_<source>_<title>.txt, with FOLDER/articles.csv listing them and each
    /// article's metadata in its annotations file. Nothing in FOLDER is overwritten: a name
    /// that exists gets a suffix.
    ImportBundle {
        /// The exported files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The folder to write to (created if needed).
        #[arg(long, value_name = "FOLDER")]
        out: PathBuf,
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
    /// Merge three versions of an annotations file, as git's merge driver (`%O %A %B %P`):
    /// by annotation, both sides' additions kept and deletions honoured. Where both changed
    /// the same field of one annotation, the later edit wins and the other value is kept in
    /// the file's `conflicts` list. The result is written to OURS; the exit status is
    /// non-zero, with OURS untouched, only when an input is not a readable annotations file.
    /// `hashiya git-setup` registers it.
    MergeSidecar {
        /// The common ancestor (git's %O; may be empty).
        base: PathBuf,
        /// Our version, replaced by the merge (git's %A).
        ours: PathBuf,
        /// Their version (git's %B).
        theirs: PathBuf,
        /// The file's path in the repository, for messages (git's %P).
        path: Option<PathBuf>,
    },
    /// Set up the git repository holding FOLDER (default: the current folder) for
    /// annotations: `.gitattributes` lines for `*.annotations.json` and
    /// `*.annotations.*.json`, and the merge driver and diff text conversion in the
    /// repository's configuration. Run it in every clone; running it again changes nothing.
    GitSetup {
        /// A folder inside the git work tree.
        folder: Option<PathBuf>,
    },
    /// Print an annotations file one line per annotation (paragraph, labels, note, quote),
    /// as `git diff` shows it once `hashiya git-setup` has run.
    ShowSidecar {
        /// The annotations file.
        file: PathBuf,
    },
    /// Write the manual pages and the bash, zsh and fish completions into a folder (for
    /// building a package; see `scripts/build-deb`).
    #[command(hide = true)]
    PackageFiles {
        /// The folder to write `man/` and `completions/` into.
        dir: PathBuf,
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
    /// W3C Web Annotation collection (JSON-LD); relations target their two passages.
    W3c,
    /// CoNLL IOB2, `token TAG` per line, a blank line between paragraphs. Outermost
    /// entities only (where two cross, the one starting first): use wojood for nesting.
    Conll,
    /// Wojood nested format: `token TAG TAG …`, one tag per nesting level, outer to inner.
    Wojood,
    /// brat standoff: .ann with T and R lines, code-point offsets into the article's text.
    Brat,
    /// spaCy-style JSON Lines, one object per paragraph with spans and relations.
    Spacy,
}

/// `--format` values of `import`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ImportFormatArg {
    /// brat standoff .ann (T and R lines, and `AnnotatorNotes` comments).
    Brat,
    /// CoNLL IOB2 (`token TAG`), or Wojood's nested form (`token TAG TAG …`).
    Conll,
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
    /// The language detected from the text's letters: `ar`, `fa` or `ur`.
    pub language: crate::arabic::Language,
    /// The typeface the window reads an article in this language in by default.
    pub face: &'static str,
}

/// Where each help text of the command line comes from: (subcommand, target, message id).
/// An empty subcommand is `hashiya` itself. The target is empty for the command's about,
/// `+long` for its long about, an argument's id for its help, and `ARG=VALUE` for the help
/// of one of the argument's values.
const HELP_MESSAGES: &[(&str, &str, &str)] = &[
    ("", "", "cli-help-about"),
    ("", "paths", "cli-help-paths"),
    ("", "install_desktop", "cli-help-install-desktop"),
    ("", "default_for", "cli-help-default-for"),
    ("", "uninstall_desktop", "cli-help-uninstall-desktop"),
    ("", "builtin_dialogs", "cli-help-builtin-dialogs"),
    ("info", "", "cli-help-info-about"),
    ("info", "file", "cli-help-info-file"),
    ("info", "encoding", "cli-help-info-encoding"),
    ("export", "", "cli-help-export-about"),
    ("export", "+long", "cli-help-export-long-about"),
    ("export", "format", "cli-help-export-format"),
    ("export", "format=csv", "cli-help-export-format-csv"),
    ("export", "format=jsonl", "cli-help-export-format-jsonl"),
    ("export", "format=w3c", "cli-help-export-format-w3c"),
    ("export", "format=conll", "cli-help-export-format-conll"),
    ("export", "format=wojood", "cli-help-export-format-wojood"),
    ("export", "format=brat", "cli-help-export-format-brat"),
    ("export", "format=spacy", "cli-help-export-format-spacy"),
    ("export", "out", "cli-help-export-out"),
    ("export", "articles", "cli-help-export-articles"),
    ("import", "", "cli-help-import-about"),
    ("import", "format", "cli-help-import-format"),
    ("import", "format=brat", "cli-help-import-format-brat"),
    ("import", "format=conll", "cli-help-import-format-conll"),
    ("import", "annotator", "cli-help-import-annotator"),
    ("import", "article", "cli-help-import-article"),
    ("import", "file", "cli-help-import-file"),
    ("agreement", "", "cli-help-agreement-about"),
    ("agreement", "+long", "cli-help-agreement-long-about"),
    ("agreement", "folder", "cli-help-agreement-folder"),
    ("agreement", "json", "cli-help-agreement-json"),
    ("agreement", "level", "cli-help-agreement-level"),
    (
        "agreement",
        "level=paragraph",
        "cli-help-agreement-level-paragraph",
    ),
    ("agreement", "level=span", "cli-help-agreement-level-span"),
    ("agreement", "csv", "cli-help-agreement-csv"),
    ("agreement", "seed", "cli-help-agreement-seed"),
    ("agreement", "samples", "cli-help-agreement-samples"),
    ("import-bundle", "", "cli-help-import-bundle-about"),
    ("import-bundle", "files", "cli-help-import-bundle-files"),
    ("import-bundle", "out", "cli-help-import-bundle-out"),
    ("layout", "", "cli-help-layout-about"),
    ("layout", "+long", "cli-help-layout-long-about"),
    ("layout", "visual", "cli-help-layout-visual"),
    ("layout", "file", "cli-help-layout-file"),
    ("layout", "encoding", "cli-help-layout-encoding"),
    ("merge-sidecar", "", "cli-help-merge-sidecar-about"),
    ("merge-sidecar", "base", "cli-help-merge-sidecar-base"),
    ("merge-sidecar", "ours", "cli-help-merge-sidecar-ours"),
    ("merge-sidecar", "theirs", "cli-help-merge-sidecar-theirs"),
    ("merge-sidecar", "path", "cli-help-merge-sidecar-path"),
    ("git-setup", "", "cli-help-git-setup-about"),
    ("git-setup", "folder", "cli-help-git-setup-folder"),
    ("show-sidecar", "", "cli-help-show-sidecar-about"),
    ("show-sidecar", "file", "cli-help-show-sidecar-file"),
    ("package-files", "", "cli-help-package-files-about"),
    ("package-files", "dir", "cli-help-package-files-dir"),
];

/// The clap texts a help page is built with (headings, the help and version flags, the
/// `help` subcommand), with the message that replaces each outside English, longest first.
const CLAP_TEXTS: &[(&str, &str)] = &[
    (
        "Print this message or the help of the given subcommand(s)",
        "cli-help-help-subcommand",
    ),
    (
        "Print help (see a summary with '-h')",
        "cli-help-help-flag-long",
    ),
    (
        "Print help (see more with '--help')",
        "cli-help-help-flag-short",
    ),
    ("Print help for the subcommand(s)", "cli-help-help-for"),
    ("Print help", "cli-help-help-flag"),
    ("Print version", "cli-help-version-flag"),
    ("Possible values:", "cli-help-possible-values"),
    ("[possible values: ", "cli-help-possible-values-inline"),
    ("[default: ", "cli-help-default"),
];

/// The headings of a help page: (clap's line, message id).
const CLAP_HEADINGS: &[(&str, &str)] = &[
    ("Commands:", "cli-help-heading-commands"),
    ("Arguments:", "cli-help-heading-arguments"),
    ("Options:", "cli-help-heading-options"),
];

/// The command line's definition with its help in the interface language: each about and
/// argument help that clap's derive takes from the doc comments above is replaced by its
/// message (whose English is the same text). Manual pages and completions are generated
/// from [`Cli::command`] itself, so they stay English.
pub fn localized_command() -> clap::Command {
    let mut command = Cli::command();
    for &(sub, target, id) in HELP_MESSAGES {
        let text = crate::i18n::message(id, None);
        command = if sub.is_empty() {
            with_help(command, sub, target, text)
        } else {
            command.mut_subcommand(sub, |c| with_help(c, sub, target, text))
        };
    }
    command
}

/// `command` with `text` as the help `target` names (see [`HELP_MESSAGES`]).
fn with_help(command: clap::Command, sub: &str, target: &str, text: String) -> clap::Command {
    if target.is_empty() {
        return command.about(text);
    }
    if target == "+long" {
        return command.long_about(text);
    }
    if let Some((arg, _)) = target.split_once('=') {
        // The values of an argument are replaced together, at its first value.
        let first = HELP_MESSAGES
            .iter()
            .find(|(s, t, _)| *s == sub && t.split_once('=').is_some_and(|(a, _)| a == arg));
        if first.is_some_and(|(_, t, _)| *t != target) {
            return command;
        }
        return command.mut_arg(arg, |a| match (sub, arg) {
            ("export", "format") => with_value_help::<ExportFormatArg>(a, sub),
            ("import", "format") => with_value_help::<ImportFormatArg>(a, sub),
            ("agreement", "level") => with_value_help::<AgreementLevel>(a, sub),
            _ => a,
        });
    }
    command.mut_arg(target, |a| a.help(text))
}

/// `arg`, whose values are those of `E`, with each value's help from [`HELP_MESSAGES`].
fn with_value_help<E>(arg: clap::Arg, sub: &str) -> clap::Arg
where
    E: clap::ValueEnum + Clone + Send + Sync + 'static,
{
    use clap::builder::TypedValueParser as _;
    let id = arg.get_id().as_str().to_owned();
    let values: Vec<clap::builder::PossibleValue> = E::value_variants()
        .iter()
        .filter_map(clap::ValueEnum::to_possible_value)
        .map(|value| {
            let target = format!("{id}={}", value.get_name());
            match HELP_MESSAGES
                .iter()
                .find(|(s, t, _)| *s == sub && *t == target)
            {
                Some((_, _, message)) => value.help(crate::i18n::message(message, None)),
                None => value,
            }
        })
        .collect();
    arg.value_parser(
        clap::builder::PossibleValuesParser::new(values)
            .try_map(|name: String| E::from_str(&name, false)),
    )
}

/// A help page clap wrote, with its own English (headings, the help flag, defaults) in the
/// interface language. English is returned as it is.
fn localize_clap_help(text: &str) -> String {
    if crate::i18n::language() == crate::i18n::UiLanguage::English {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        if let Some(&(_, id)) = CLAP_HEADINGS.iter().find(|(heading, _)| body == *heading) {
            out.push_str(&crate::i18n::message(id, None));
        } else if let Some(usage) = body.strip_prefix("Usage: ") {
            out.push_str(&tr!("cli-help-usage"));
            out.push(' ');
            out.push_str(usage);
        } else {
            let mut body = body.to_owned();
            for &(english, id) in CLAP_TEXTS {
                if body.contains(english) {
                    body = body.replace(english, &crate::i18n::message(id, None));
                }
            }
            out.push_str(&body);
        }
        out.push_str(end);
    }
    out
}

/// Parses the command line through [`localized_command`]; help pages and errors are
/// printed, and the process ends, as clap's own parsing does.
fn parse_command_line() -> Cli {
    use clap::FromArgMatches as _;
    let mut command = localized_command();
    let parsed = command
        .try_get_matches_from_mut(std::env::args_os())
        .and_then(|matches| Cli::from_arg_matches(&matches));
    match parsed {
        Ok(cli) => cli,
        Err(error) => exit_with(&error.format(&mut command)),
    }
}

/// Prints a help page or a parsing error and ends the process.
fn exit_with(error: &clap::Error) -> ! {
    use clap::error::ErrorKind;
    if crate::i18n::language() == crate::i18n::UiLanguage::English {
        error.exit();
    }
    let to_stdout = match error.kind() {
        ErrorKind::DisplayHelp => true,
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => false,
        ErrorKind::DisplayVersion => error.exit(),
        _ => match parse_errors::localized(error) {
            Some(text) => {
                eprint!("{text}");
                std::process::exit(2);
            }
            None => error.exit(),
        },
    };
    let text = localize_clap_help(&error.render().to_string());
    if to_stdout {
        let mut stdout = std::io::stdout().lock();
        // A reader that went away is not an error here either.
        let _ = stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush());
        std::process::exit(0);
    }
    eprint!("{text}");
    std::process::exit(2);
}

/// Runs the program; returns the process exit code.
pub fn main() -> ExitCode {
    let cli = parse_command_line();
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
        }) => Err(anyhow::anyhow!(tr!("cli-csv-needs-span-level"))),
        Some(Command::Agreement {
            folder,
            json,
            level: AgreementLevel::Span,
            csv,
            seed,
            samples,
        }) => span_agreement(&folder, json, csv.as_deref(), seed, samples),
        Some(Command::Import {
            format,
            annotator,
            article,
            file,
        }) => import(format, annotator.as_deref(), &article, &file),
        Some(Command::ImportBundle { files, out }) => import_bundle(&files, &out),
        Some(Command::Layout {
            visual: _,
            file,
            encoding,
        }) => layout_visual(&file, encoding.as_deref()),
        Some(Command::MergeSidecar {
            base,
            ours,
            theirs,
            path,
        }) => merge_sidecar(&base, &ours, &theirs, path.as_deref()),
        Some(Command::GitSetup { folder }) => git_setup(folder.as_deref()),
        Some(Command::ShowSidecar { file }) => show_sidecar(&file),
        Some(Command::PackageFiles { dir }) => package_files(&dir),
        None if cli.install_desktop => install_desktop(cli.default_for.as_deref()),
        None if cli.uninstall_desktop => uninstall_desktop(),
        None => run_gui(cli.paths.into_iter().next(), cli.builtin_dialogs),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader of standard output went away (`hashiya info … | head`): the output
        // nobody reads is not an error, as for other command-line tools.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            note(format_args!("{error:#}"));
            ExitCode::FAILURE
        }
    }
}

/// Whether `error` is a write to a pipe whose reader has closed it.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Writes one line to standard output, returning the error instead of panicking as
/// `println!` does when the reader has gone.
macro_rules! say {
    () => {
        std::io::Write::write_all(&mut std::io::stdout().lock(), b"\n")
    };
    ($($line:tt)+) => {
        std::io::Write::write_fmt(
            &mut std::io::stdout().lock(),
            format_args!("{}\n", format_args!($($line)+)),
        )
    };
}

/// Prints one of the command line's messages to standard error, after the program's name.
fn note(message: impl std::fmt::Display) {
    eprintln!("hashiya: {message}");
}

/// `items` joined with the interface language's list separator.
fn list(items: &[impl AsRef<str>]) -> String {
    let separator = tr!("cli-list-separator");
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(&separator)
}

/// An error with one of the command line's messages.
macro_rules! fail {
    ($($message:tt)+) => {
        anyhow::anyhow!(tr!($($message)+))
    };
}

/// Load options with the encoding named by `label`, if any.
fn load_options(label: Option<&str>) -> anyhow::Result<LoadOptions> {
    let encoding = label
        .map(|label| {
            encoding_rs::Encoding::for_label(label.as_bytes())
                .ok_or_else(|| fail!("cli-unknown-encoding", label = format!("{label:?}")))
        })
        .transpose()?;
    Ok(LoadOptions {
        encoding,
        ..LoadOptions::default()
    })
}

fn info(file: PathBuf, encoding: Option<&str>) -> anyhow::Result<()> {
    let document = document::load_with(&file, load_options(encoding)?)?;
    let language = document.language();
    let info = Info {
        path: file,
        format: document.format,
        encoding: document.encoding_name,
        replaced: document.replaced_chars,
        title: document.title().to_owned(),
        paragraphs: document.paragraphs.len(),
        language,
        face: crate::text::ReadingFace::default_for(language).family_name(),
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
    use crate::export::entities::{self, EntityFormat};
    use crate::export::{self, ExportFormat};
    enum Chosen {
        Annotations(ExportFormat),
        Entities(EntityFormat),
    }
    let format = match format {
        ExportFormatArg::Csv => Chosen::Annotations(ExportFormat::Csv),
        ExportFormatArg::Jsonl => Chosen::Annotations(ExportFormat::Jsonl),
        ExportFormatArg::W3c => Chosen::Annotations(ExportFormat::W3c),
        ExportFormatArg::Conll => Chosen::Entities(EntityFormat::Conll),
        ExportFormatArg::Wojood => Chosen::Entities(EntityFormat::Wojood),
        ExportFormatArg::Brat => Chosen::Entities(EntityFormat::Brat),
        ExportFormatArg::Spacy => Chosen::Entities(EntityFormat::Spacy),
    };
    let piecewise = match format {
        Chosen::Annotations(ExportFormat::Csv) => Some(Piecewise::Csv),
        Chosen::Annotations(ExportFormat::Jsonl) => Some(Piecewise::Jsonl),
        Chosen::Entities(EntityFormat::Conll) => Some(Piecewise::Conll),
        Chosen::Entities(EntityFormat::Wojood) => Some(Piecewise::Wojood),
        _ => None,
    };
    if let Some(piecewise) = piecewise {
        let text = export_piecewise(piecewise, articles)?;
        return write_export(out, &text);
    }
    let mut items = Vec::new();
    for path in articles {
        if path.is_dir() {
            let (found, errors) = export::load_folder(path);
            for error in errors {
                note(tr!("cli-skipped", error = error.to_string()));
            }
            if found.is_empty() {
                return Err(fail!("cli-no-annotations-files-under", path = path));
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
    let text = match format {
        Chosen::Annotations(format) => export::export(&items, format),
        Chosen::Entities(EntityFormat::Conll) => entities::to_conll(&items),
        Chosen::Entities(EntityFormat::Wojood) => entities::to_wojood(&items),
        Chosen::Entities(EntityFormat::Spacy) => entities::to_spacy(&items),
        Chosen::Entities(EntityFormat::Brat) => return export_brat(&items, out.as_deref()),
    };
    write_export(out, &text)
}

/// Writes an export's text to `out`, or to standard output.
fn write_export(out: Option<PathBuf>, text: &str) -> anyhow::Result<()> {
    match out {
        Some(path) => std::fs::write(&path, text).map_err(|e| {
            fail!(
                "cli-could-not-write-export",
                error = e.to_string(),
                path = &path
            )
        })?,
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(())
}

/// The export formats written article by article: a folder is read a few articles at a
/// time, each article rendered as soon as it is loaded, so that the whole folder is never
/// in memory at once. The text is the same as the format's writer gives for all articles.
#[derive(Clone, Copy)]
enum Piecewise {
    Csv,
    Jsonl,
    Conll,
    Wojood,
}

impl Piecewise {
    /// The text before the first article.
    fn start(self) -> String {
        match self {
            Self::Csv => crate::export::csv_start(),
            Self::Jsonl | Self::Conll | Self::Wojood => String::new(),
        }
    }

    /// One article's (sidecar's) pieces.
    fn render(self, item: &crate::export::ArticleAnnotations) -> Vec<String> {
        use crate::export::{self, entities};
        match self {
            Self::Csv => vec![export::csv_rows(item)],
            Self::Jsonl => vec![export::jsonl_rows(item)],
            Self::Conll => entities::token_line_blocks(item, true),
            Self::Wojood => entities::token_line_blocks(item, false),
        }
    }

    /// Appends `pieces` to `out`.
    fn append(self, out: &mut String, pieces: Vec<String>) {
        for piece in pieces {
            match self {
                Self::Csv | Self::Jsonl => out.push_str(&piece),
                // A blank line between paragraphs, as `entities::TokenLines` writes them.
                Self::Conll | Self::Wojood => {
                    if !out.is_empty() {
                        out.push('\n');
                    }
                    out.push_str(&piece);
                }
            }
        }
    }
}

/// `export` in a [`Piecewise`] format: the same checks, messages and text.
fn export_piecewise(format: Piecewise, articles: &[PathBuf]) -> anyhow::Result<String> {
    use crate::export;
    let mut text = format.start();
    for path in articles {
        if path.is_dir() {
            let mut found = 0_usize;
            export::for_each_in_folder(
                path,
                |item| format.render(&item),
                |result| match result {
                    Ok(sidecars) => {
                        for pieces in sidecars {
                            found = found.saturating_add(1);
                            format.append(&mut text, pieces);
                        }
                    }
                    Err(error) => note(tr!("cli-skipped", error = error.to_string())),
                },
            );
            if found == 0 {
                return Err(fail!("cli-no-annotations-files-under", path = path));
            }
        } else {
            let found = export::load_all(path)?;
            if found.is_empty() {
                return Err(
                    export::ExportError::NoSidecar(crate::annotation::sidecar_path(path)).into(),
                );
            }
            for item in &found {
                format.append(&mut text, format.render(item));
            }
        }
    }
    Ok(text)
}

/// Writes brat's text file unless a different file is already there.
fn write_new_or_same(path: &std::path::Path, text: &str) -> anyhow::Result<()> {
    crate::files::write_new_or_same(path, text).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            fail!("cli-brat-text-exists", path = path)
        } else {
            fail!(
                "cli-could-not-write-export",
                error = e.to_string(),
                path = path
            )
        }
    })
}

fn export_brat(
    items: &[crate::export::ArticleAnnotations],
    out: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    use crate::export::entities;
    let write = |path: &std::path::Path, text: &str| {
        std::fs::write(path, text).map_err(|e| {
            fail!(
                "cli-could-not-write-export",
                error = e.to_string(),
                path = path
            )
        })
    };
    match (items, out) {
        ([item], out) if out.is_none_or(|p| !p.is_dir()) => {
            let brat = entities::to_brat(item);
            match (out, &brat.text) {
                (None, None) => std::io::stdout().lock().write_all(brat.ann.as_bytes())?,
                (None, Some(_)) => {
                    return Err(fail!("cli-brat-needs-out-file", path = &item.path));
                }
                (Some(path), text) => {
                    if let Some(text) = text {
                        write_new_or_same(&path.with_extension("txt"), text)?;
                    }
                    write(path, &brat.ann)?;
                }
            }
        }
        (_, None) => return Err(fail!("cli-brat-needs-out-folder")),
        (items, Some(folder)) => {
            std::fs::create_dir_all(folder).map_err(|e| {
                fail!(
                    "cli-could-not-create-folder",
                    error = e.to_string(),
                    path = folder
                )
            })?;
            let mut used = std::collections::HashSet::new();
            for item in items {
                let stem = item.path.file_stem().map_or_else(
                    || "article".to_owned(),
                    |s| s.to_string_lossy().into_owned(),
                );
                let name = match &item.annotator {
                    Some(annotator) => format!("{stem}.{annotator}"),
                    None => stem,
                };
                if !used.insert(name.clone()) {
                    return Err(fail!("cli-brat-same-name", name = &name, path = &item.path));
                }
                let brat = entities::to_brat(item);
                write_new_or_same(&folder.join(format!("{name}.txt")), &item.document.text)?;
                write(&folder.join(format!("{name}.ann")), &brat.ann)?;
            }
        }
    }
    Ok(())
}

fn import(
    format: ImportFormatArg,
    annotator: Option<&str>,
    article: &std::path::Path,
    file: &std::path::Path,
) -> anyhow::Result<()> {
    use crate::import::{self, ImportFormat};
    let format = match format {
        ImportFormatArg::Brat => ImportFormat::Brat,
        ImportFormatArg::Conll => ImportFormat::Conll,
    };
    let author = match annotator {
        Some(name) => name.to_owned(),
        None => std::env::var("USER")
            .or_else(|_| std::env::var("USERNAME"))
            .unwrap_or_else(|_| "hashiya".to_owned()),
    };
    let summary = import::import_file(article, file, format, annotator, &author)?;
    say!(
        "{}",
        tr!(
            "cli-imported",
            passages = summary.spans_added,
            relations = summary.relations_added,
            path = &summary.sidecar
        )
    )?;
    if !summary.types_added.is_empty() {
        say!(
            "{}",
            tr!("cli-labels-added", labels = list(&summary.types_added))
        )?;
    }
    Ok(())
}

fn import_bundle(files: &[PathBuf], out: &std::path::Path) -> anyhow::Result<()> {
    use crate::bundle;
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let mut last_bundle = None;
    let mut progress = |state: &bundle::ImportProgress| {
        if last_bundle != Some(state.bundle_idx) {
            last_bundle = Some(state.bundle_idx);
            if let Some(file) = files.get(state.bundle_idx) {
                note(tr!(
                    "cli-reading-bundle",
                    path = file,
                    number = state.bundle_idx + 1,
                    count = state.bundles
                ));
            }
        }
    };
    let report = bundle::import_bundles(files, out, &mut progress, &cancel)?;
    for (file, skipped) in &report.skipped {
        note(tr!(
            "cli-skipped-article",
            number = skipped.index,
            reason = &skipped.reason,
            path = file
        ));
    }
    for error in &report.failed {
        note(error);
    }
    let mut stdout = std::io::stdout().lock();
    for article in &report.written {
        writeln!(stdout, "{}", article.path.display())?;
    }
    if let Some(csv) = &report.csv_path {
        note(tr!(
            "cli-articles-written",
            count = report.written.len(),
            path = csv
        ));
    }
    if !report.failed.is_empty() {
        return Err(fail!(
            "cli-bundles-failed",
            failed = report.failed.len(),
            count = files.len()
        ));
    }
    Ok(())
}

fn agreement(folder: &std::path::Path, json: bool) -> anyhow::Result<()> {
    if !folder.is_dir() {
        return Err(fail!("cli-not-a-folder", path = folder));
    }
    let report = crate::corpus::folder_agreement(folder);
    for problem in &report.skipped {
        note(tr!("cli-skipped", error = problem));
    }
    if report.annotators.len() < 2 {
        return Err(fail!("cli-agreement-needs-two", path = folder));
    }
    print_report(&report, json, || {
        crate::corpus::agreement_table(&report, Some(folder))
    })?;
    Ok(())
}

fn merge_sidecar(
    base: &std::path::Path,
    ours: &std::path::Path,
    theirs: &std::path::Path,
    path: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    let shown = path.unwrap_or(ours);
    let report = crate::gitstore::merge_files(base, ours, theirs)
        .map_err(|e| fail!("cli-cannot-merge", path = shown, error = e.to_string()))?;
    if report.conflicts > 0 {
        note(tr!(
            "cli-merge-conflicts",
            path = shown,
            count = report.conflicts
        ));
    }
    Ok(())
}

fn git_setup(folder: Option<&std::path::Path>) -> anyhow::Result<()> {
    let folder = std::path::absolute(folder.unwrap_or(std::path::Path::new(".")))?;
    let folder = folder.as_path();
    let executable = std::env::current_exe()
        .and_then(std::fs::canonicalize)
        .map_err(|e| fail!("cli-no-program-path", error = e.to_string()))?;
    let report = crate::gitstore::setup(folder, &executable)?;
    let attributes = report.root.join(".gitattributes");
    if report.attributes_written {
        say!("{}", tr!("cli-gitattributes-updated", path = &attributes))?;
    } else {
        say!("{}", tr!("cli-gitattributes-set-up", path = &attributes))?;
    }
    if report.config_set.is_empty() {
        say!("{}", tr!("cli-git-config-set-up"))?;
    } else {
        say!(
            "{}",
            tr!("cli-git-config-set", keys = list(&report.config_set))
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
        return Err(fail!("cli-not-a-folder", path = folder));
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
            eprint!("\r{}", tr!("cli-gamma-progress", percent = percent));
        }
        true
    };
    let report = span_agreement::folder_span_agreement(folder, &options, &progress)
        .map_err(|_| fail!("cli-cancelled"))?;
    if terminal && shown.load(Ordering::Relaxed) > 0 {
        eprintln!();
    }
    for problem in &report.skipped {
        note(tr!("cli-skipped", error = problem));
    }
    if report.annotators.len() < 2 || report.articles == 0 {
        return Err(fail!("cli-agreement-needs-two", path = folder));
    }
    if let Some(path) = csv {
        std::fs::write(
            path,
            span_agreement::span_agreement_csv(&report, Some(folder)),
        )
        .map_err(|e| {
            fail!(
                "cli-could-not-write-csv",
                error = e.to_string(),
                path = path
            )
        })?;
    }
    print_report(&report, json, || {
        span_agreement::span_agreement_table(&report, Some(folder))
    })?;
    Ok(())
}

fn show_sidecar(file: &std::path::Path) -> anyhow::Result<()> {
    let text = crate::gitstore::show_file(file)?;
    std::io::stdout().lock().write_all(text.as_bytes())?;
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

fn package_files(dir: &std::path::Path) -> anyhow::Result<()> {
    for path in crate::packaging::write_files(dir)? {
        say!("{}", path.display())?;
    }
    Ok(())
}

fn install_desktop(default_for: Option<&str>) -> anyhow::Result<()> {
    // The types are checked before anything is written.
    let defaults = default_for.map(desktop::parse_type_list).transpose()?;
    let executable = std::env::current_exe()?;
    let dirs = desktop::XdgDirs::from_env()?;
    // A system package (`/usr/share/applications/hashiya.desktop`) already offers Hashiya to
    // every user; an entry of the user's own takes its place for them.
    if let Some(system_entry) = dirs
        .data_dirs
        .iter()
        .map(|dir| dir.join("applications").join(desktop::DESKTOP_FILE_NAME))
        .find(|path| path.is_file())
    {
        say!(
            "{}",
            tr!(
                "cli-installed-for-all-users",
                path = &system_entry,
                program = &executable
            )
        )?;
    }
    for path in desktop::install(&dirs, &executable)? {
        say!("{}", tr!("cli-installed", path = &path))?;
    }
    match defaults {
        Some(mimes) => {
            if let Some(path) = desktop::make_default(&dirs, &mimes)? {
                say!("{}", tr!("cli-changed", path = &path))?;
            }
            say!("{}", tr!("cli-default-for", types = list(&mimes)))?;
        }
        None => println!("{}", tr!("cli-offered-for")),
    }
    Ok(())
}

fn uninstall_desktop() -> anyhow::Result<()> {
    let dirs = desktop::XdgDirs::from_env()?;
    let removed = desktop::uninstall(&dirs)?;
    if removed.is_empty() {
        say!("{}", tr!("cli-nothing-to-remove", path = &dirs.data_home))?;
    }
    for path in removed {
        say!("{}", tr!("cli-removed", path = &path))?;
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
    // eframe's own loop, with window events that draw nothing held back (quiet_input.rs).
    let event_loop = winit::event_loop::EventLoop::<eframe::UserEvent>::with_user_event()
        .build()
        .map_err(|error| fail!("cli-could-not-open-window", error = error.to_string()))?;
    let created = Rc::new(Cell::new(false));
    let app = eframe::create_native(
        "Hashiya",
        options,
        Box::new({
            let created = Rc::clone(&created);
            move |cc| {
                created.set(true);
                let mut app = HashiyaApp::from_creation_context(cc, path);
                if builtin_dialogs {
                    app.use_builtin_dialogs();
                }
                Ok(Box::new(app))
            }
        }),
        &event_loop,
    );
    event_loop
        .run_app(&mut QuietWindow::new(app))
        .map_err(|error| fail!("cli-could-not-open-window", error = error.to_string()))?;
    if !created.get() {
        // eframe has logged why (no OpenGL context, no display) before leaving its loop.
        return Err(fail!("cli-window-not-made"));
    }
    Ok(())
}

/// Prints a report to standard output: as JSON, or as the table `table` makes.
fn print_report<T: serde::Serialize>(
    report: &T,
    json: bool,
    table: impl FnOnce() -> String,
) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut stdout, report)?;
        writeln!(stdout)?;
    } else {
        write!(stdout, "{}", table())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::i18n::{UiLanguage, message_in, message_signatures};

    const EN: &str = include_str!("../assets/i18n/en/cli.ftl");
    const AR: &str = include_str!("../assets/i18n/ar/cli.ftl");

    #[test]
    fn messages_have_the_same_ids_and_variables_in_every_language() {
        let en = message_signatures(EN).unwrap();
        let ar = message_signatures(AR).unwrap();
        assert_eq!(en, ar);
        assert!(en.iter().all(|(id, _)| id.starts_with("cli-")));
    }

    #[test]
    fn every_message_the_command_line_uses_is_in_both_files() {
        // The code before the tests: its `"cli-…"` literals are message ids. The agreement
        // tables are written beside their reports.
        let source: String = [
            include_str!("cli.rs"),
            include_str!("cli/parse_errors.rs"),
            include_str!("corpus.rs"),
            include_str!("span_agreement/mod.rs"),
        ]
        .iter()
        .map(|file| file.split("#[cfg(test)]").next().unwrap_or_default())
        .collect();
        let en: Vec<String> = message_signatures(EN)
            .unwrap()
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        let mut used = Vec::new();
        for piece in source.split("\"cli-").skip(1) {
            let id = format!("cli-{}", piece.split('"').next().unwrap_or_default());
            assert!(en.contains(&id), "{id} is not in en/cli.ftl");
            used.push(id);
        }
        for id in &en {
            assert!(used.contains(id), "{id} in en/cli.ftl is never used");
        }
    }

    /// Every help text of the command line has a message in both languages, and the English
    /// ones are the doc comments' text, so that `--help` in English is what clap writes.
    #[test]
    fn help_messages_cover_every_command_and_argument() {
        use crate::i18n::has_message;
        use clap::CommandFactory as _;
        for (_, _, id) in super::HELP_MESSAGES {
            assert!(has_message(UiLanguage::English, id) && has_message(UiLanguage::Arabic, id));
        }
        let has = |sub: &str, target: &str| {
            super::HELP_MESSAGES
                .iter()
                .any(|(s, t, _)| *s == sub && *t == target)
        };
        let command = super::Cli::command();
        let mut commands = vec![("", &command)];
        commands.extend(command.get_subcommands().map(|c| (c.get_name(), c)));
        for (sub, command) in commands {
            assert!(command.get_about().is_none() || has(sub, ""), "{sub}");
            assert!(
                command.get_long_about().is_none() || has(sub, "+long"),
                "{sub}"
            );
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                assert!(arg.get_help().is_none() || has(sub, id), "{sub} {id}");
                assert!(
                    arg.get_long_help().is_none() || has(sub, &format!("{id}+long")),
                    "{sub} {id}"
                );
                for value in arg.get_possible_values() {
                    let target = format!("{id}={}", value.get_name());
                    assert!(value.get_help().is_none() || has(sub, &target), "{target}");
                }
            }
        }
        let pages = |mut command: clap::Command| {
            command.build();
            let mut pages = vec![
                command.render_long_help().to_string(),
                command.render_help().to_string(),
            ];
            for sub in command.get_subcommands_mut() {
                pages.push(sub.render_long_help().to_string());
                pages.push(sub.render_help().to_string());
            }
            pages
        };
        if crate::i18n::language() == UiLanguage::English {
            assert_eq!(
                pages(super::localized_command()),
                pages(super::Cli::command())
            );
        }
    }

    #[test]
    fn arabic_counts_take_arabic_plurals_and_english_stays_as_it_was() {
        let mut args = crate::i18n::Args::new();
        args.set("passages", 3);
        args.set("relations", 1);
        args.set("path", "a.json");
        assert_eq!(
            message_in(UiLanguage::English, "cli-imported", Some(&args)),
            "imported 3 passages and 1 relations into a.json"
        );
        // Arguments and selections are isolated (U+2068 … U+2069) in right-to-left text.
        let arabic = message_in(UiLanguage::Arabic, "cli-imported", Some(&args))
            .replace(['\u{2068}', '\u{2069}'], "");
        assert!(arabic.contains(" مقاطع وعلاقة واحدة"), "{arabic}");
        assert!(arabic.contains("a.json"));
    }
}
