//! The `hashiya` binary: parse the command line, then run the GUI or a headless command.

// The release binary is a GUI app: no console window on Windows.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    hashiya::cli::main()
}
