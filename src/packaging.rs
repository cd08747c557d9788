//! Files a system package installs beside the binary that are generated from the command-line
//! definition, so that they always describe the binary they ship with: the manual pages
//! (`clap_mangen`) and the bash, zsh and fish completions (`clap_complete`).
//!
//! `hashiya package-files DIR` (hidden from `--help`) writes them; `scripts/build-deb` runs it
//! before `cargo deb --no-build`, whose assets in `Cargo.toml` take them from
//! `target/release/package-files/`.

use std::path::{Path, PathBuf};

use clap::CommandFactory as _;
use clap_complete::Shell;

/// The folder under `DIR` that holds the manual pages (section 1).
pub const MAN_DIR: &str = "man";
/// The folder under `DIR` that holds the completion scripts.
pub const COMPLETIONS_DIR: &str = "completions";
/// The shells completions are written for, with each one's file name.
pub const SHELLS: [(Shell, &str); 3] = [
    (Shell::Bash, "hashiya.bash"),
    (Shell::Zsh, "_hashiya"),
    (Shell::Fish, "hashiya.fish"),
];

/// What went wrong while writing the packaging files.
#[derive(Debug, thiserror::Error)]
pub enum PackagingError {
    #[error("{}", crate::tr!("error-write", reason = source.to_string(), path = path))]
    Write {
        source: std::io::Error,
        path: PathBuf,
    },
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), PackagingError> {
    let error = |source| PackagingError::Write {
        source,
        path: path.to_owned(),
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(error)?;
    }
    std::fs::write(path, bytes).map_err(error)
}

/// The manual pages: `hashiya.1`, and one `hashiya-<command>.1` for each headless command
/// (hidden commands left out), as (file name, roff text).
pub fn manual_pages() -> Vec<(String, Vec<u8>)> {
    fn collect(command: clap::Command, pages: &mut Vec<(String, Vec<u8>)>) {
        for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
            collect(sub.clone(), pages);
        }
        let man = clap_mangen::Man::new(command);
        let mut roff = Vec::new();
        // Rendering into memory cannot fail.
        if man.render(&mut roff).is_ok() {
            pages.push((man.get_filename(), roff));
        }
    }
    let mut command = crate::cli::Cli::command().disable_help_subcommand(true);
    // Building gives each subcommand its display name (`hashiya-info`), which names its page.
    command.build();
    let mut pages = Vec::new();
    collect(command, &mut pages);
    pages.sort_by(|a, b| a.0.cmp(&b.0));
    pages
}

/// The completion script for `shell`.
pub fn completions(shell: Shell) -> Vec<u8> {
    let mut command = crate::cli::Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "hashiya", &mut script);
    script
}

/// Writes the manual pages under `dir/man/` and the completions under `dir/completions/`.
/// Returns the files written.
pub fn write_files(dir: &Path) -> Result<Vec<PathBuf>, PackagingError> {
    let mut written = Vec::new();
    for (name, roff) in manual_pages() {
        let path = dir.join(MAN_DIR).join(name);
        write(&path, &roff)?;
        written.push(path);
    }
    for (shell, name) in SHELLS {
        let path = dir.join(COMPLETIONS_DIR).join(name);
        write(&path, &completions(shell))?;
        written.push(path);
    }
    Ok(written)
}
