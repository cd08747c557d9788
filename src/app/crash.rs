//! Logging to a rotated file in the XDG state folder, and what happens when something
//! panics: the panic is logged, pending annotations are saved, and a dialog says what
//! happened and where the log is.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Log files larger than this are rotated at start-up.
const MAX_LOG_BYTES: u64 = 1024 * 1024;
/// Rotated logs kept (`hashiya.log.1` … `.N`).
const KEPT_LOGS: usize = 3;

/// The last panic's message and location, for the dialog.
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Where the log is written: `$XDG_STATE_HOME/hashiya/hashiya.log` (or the platform's
/// local data folder).
pub fn log_path() -> Option<PathBuf> {
    Some(state_dir()?.join("hashiya.log"))
}

/// Hashiya's state folder: `$XDG_STATE_HOME/hashiya` (or the platform's local data folder).
pub fn state_dir() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "hashiya")?;
    Some(
        dirs.state_dir()
            .map_or_else(|| dirs.data_local_dir().to_owned(), Path::to_owned),
    )
}

/// Shifts `hashiya.log` → `.1` → `.2` … when it has grown too big.
fn rotate(path: &Path) -> std::io::Result<()> {
    if std::fs::metadata(path).map_or(0, |m| m.len()) <= MAX_LOG_BYTES {
        return Ok(());
    }
    let numbered = |n: usize| {
        let mut name = path.as_os_str().to_owned();
        name.push(format!(".{n}"));
        PathBuf::from(name)
    };
    for n in (1..KEPT_LOGS).rev() {
        if numbered(n).exists() {
            std::fs::rename(numbered(n), numbered(n + 1))?;
        }
    }
    std::fs::rename(path, numbered(1))
}

/// Writes log lines to standard error and to the log file.
struct Tee {
    file: Option<File>,
}

impl Write for Tee {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Some(file) = &mut self.file {
            // A full disk must not stop the app; standard error still gets the line.
            if file.write_all(buf).is_err() {
                self.file = None;
            }
        }
        std::io::stderr().write_all(buf)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if let Some(file) = &mut self.file {
            file.flush().ok();
        }
        std::io::stderr().flush()
    }
}

/// Sets up logging (level from `RUST_LOG`, default warnings, Hashiya's own notes included)
/// and the panic hook. Returns the log file's path when it could be opened.
pub fn init_logging_and_panics() -> Option<PathBuf> {
    let path = log_path();
    let file = path.as_ref().and_then(|path| {
        let folder = path.parent()?;
        std::fs::create_dir_all(folder).ok()?;
        rotate(path).ok();
        OpenOptions::new().create(true).append(true).open(path).ok()
    });
    let opened = file.is_some();
    let mut builder = env_logger::Builder::from_env(
        env_logger::Env::default().default_filter_or("warn,hashiya=info"),
    );
    builder.target(env_logger::Target::Pipe(Box::new(Tee { file })));
    let logger = builder.build();
    let level = logger.filter();
    // A second initialisation (tests) keeps the first logger.
    if log::set_boxed_logger(Box::new(Logger { inner: logger })).is_ok() {
        // Errors always reach the logger, even when not printed: they tell whether a system
        // file dialog was shown (see `picker::is_dialog_failure`).
        log::set_max_level(level.max(log::LevelFilter::Error));
    }
    install_panic_hook();
    opened.then_some(path).flatten()
}

/// The log filtered by `RUST_LOG`, also watching for failed file dialogs.
struct Logger {
    inner: env_logger::Logger,
}

impl log::Log for Logger {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        self.inner.enabled(metadata)
            || super::picker::is_dialog_failure(metadata.target(), metadata.level())
    }

    fn log(&self, record: &log::Record<'_>) {
        super::picker::note_log_record(record);
        // `env_logger::Logger::log` applies the filter itself.
        self.inner.log(record);
    }

    fn flush(&self) {
        self.inner.flush();
    }
}

/// Records and logs panics, then lets the default hook print them.
pub fn install_panic_hook() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let thread = std::thread::current()
            .name()
            .unwrap_or("unnamed")
            .to_owned();
        let text = format!("{message}{location} (thread {thread})");
        log::error!(
            "panic: {text}\n{}",
            std::backtrace::Backtrace::force_capture()
        );
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(text);
        }
        default_hook(info);
    }));
}

/// The last recorded panic, if any.
pub fn last_panic() -> Option<String> {
    LAST_PANIC.lock().ok().and_then(|last| last.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_logs_are_rotated_and_old_ones_shift() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("hashiya.log");
        for round in 0..4u8 {
            std::fs::write(&log, vec![b'a' + round; (MAX_LOG_BYTES + 1) as usize]).unwrap();
            rotate(&log).unwrap();
            assert!(!log.exists());
        }
        let first_byte =
            |n: usize| std::fs::read(dir.path().join(format!("hashiya.log.{n}"))).unwrap()[0];
        assert_eq!(
            [first_byte(1), first_byte(2), first_byte(3)],
            [b'd', b'c', b'b']
        );
        assert!(
            !dir.path().join("hashiya.log.4").exists(),
            "only {KEPT_LOGS} are kept"
        );
        // A small log stays where it is.
        std::fs::write(&log, b"short").unwrap();
        rotate(&log).unwrap();
        assert!(log.exists());
    }
}
