//! The `hashiya` binary: parse the command line, then run the GUI or a headless command.

// The release binary is a GUI app: no console window on Windows.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    // The command line's messages speak the environment's language; machine-readable output
    // (JSON, exports) does not depend on it. The window sets its own language from its
    // settings.
    hashiya::i18n::set_interface(hashiya::i18n::Interface::for_locale(
        &hashiya::i18n::system_locale(|n| std::env::var(n).ok()),
    ));
    hashiya::cli::main()
}
