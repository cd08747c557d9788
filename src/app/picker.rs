//! File dialogs of the desktop. The app asks through the [`FilePicker`] trait, so tests can
//! answer with fixed paths (or fail) instead of showing real dialogs. A picker reports when
//! it could not show a dialog at all, so that Hashiya's own dialog can stand in
//! (`app/dialogs.rs`).

use std::cell::RefCell;
use std::path::PathBuf;

use crate::document::ARTICLE_EXTENSIONS;
use crate::jobs::{Job, Poll};
use crate::tr;

/// File name extensions offered when asking for bundles to import (lower case).
pub const BUNDLE_EXTENSIONS: [&str; 5] = ["docx", "rtf", "txt", "html", "htm"];

/// What a dialog is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogKind {
    /// An article to open.
    OpenArticle,
    /// A folder of articles.
    OpenFolder,
    /// A label scheme file to load.
    LoadScheme,
    /// Where to save a file.
    Save,
    /// A file of entities to import (brat `.ann`, CoNLL).
    ImportEntities,
    /// Bundles of articles exported from a news database, to import (several at once where
    /// the dialog allows).
    OpenBundles,
    /// The folder imported articles are written to.
    OutputFolder,
}

/// Extensions of the entity files File ▸ Import Entities lists.
pub const ENTITY_EXTENSIONS: [&str; 6] = ["ann", "conll", "txt", "tsv", "iob", "bio"];

/// One question for a file dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogRequest {
    /// What is asked for.
    pub kind: DialogKind,
    /// The dialog's title.
    pub title: String,
    /// The suggested file name ([`DialogKind::Save`] only; empty otherwise).
    pub file_name: String,
}

impl DialogRequest {
    /// Asks for an article to open.
    pub fn open_article() -> Self {
        Self::new(
            DialogKind::OpenArticle,
            tr!("dialog-title-open-article"),
            "",
        )
    }

    /// Asks for a folder of articles.
    pub fn open_folder() -> Self {
        Self::new(DialogKind::OpenFolder, tr!("dialog-title-open-folder"), "")
    }

    /// Asks for a label scheme file.
    pub fn load_scheme() -> Self {
        Self::new(DialogKind::LoadScheme, tr!("dialog-title-load-scheme"), "")
    }

    /// Asks for a file of entities to import.
    pub fn import_entities() -> Self {
        Self::new(
            DialogKind::ImportEntities,
            tr!("dialog-title-import-entities"),
            "",
        )
    }

    /// Asks for bundles to import.
    pub fn open_bundles() -> Self {
        Self::new(
            DialogKind::OpenBundles,
            tr!("dialog-title-import-bundles"),
            "",
        )
    }

    /// Asks for the folder imported articles go to.
    pub fn output_folder() -> Self {
        Self::new(
            DialogKind::OutputFolder,
            tr!("dialog-title-output-folder"),
            "",
        )
    }

    /// Asks where to save, suggesting `file_name`.
    pub fn save(file_name: &str) -> Self {
        Self::new(DialogKind::Save, tr!("dialog-title-save-as"), file_name)
    }

    fn new(kind: DialogKind, title: String, file_name: &str) -> Self {
        Self {
            kind,
            title,
            file_name: file_name.to_owned(),
        }
    }

    /// The file extensions (lower case, without the dot) the dialog lists; empty for a
    /// folder dialog, which lists folders only.
    pub fn extensions(&self) -> Vec<String> {
        match self.kind {
            DialogKind::OpenArticle => ARTICLE_EXTENSIONS.iter().map(|&e| e.to_owned()).collect(),
            DialogKind::OpenBundles => BUNDLE_EXTENSIONS.iter().map(|&e| e.to_owned()).collect(),
            DialogKind::OpenFolder | DialogKind::OutputFolder => Vec::new(),
            DialogKind::LoadScheme => vec!["json".to_owned()],
            DialogKind::ImportEntities => ENTITY_EXTENSIONS.iter().map(|&e| e.to_owned()).collect(),
            DialogKind::Save => std::path::Path::new(&self.file_name)
                .extension()
                .map(|e| vec![e.to_string_lossy().to_lowercase()])
                .unwrap_or_default(),
        }
    }
}

/// Why no dialog could be shown.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct DialogUnavailable(pub String);

/// A dialog's answer: the chosen path, `Ok(None)` when the user cancelled, or why no dialog
/// could be shown.
pub type PickResult = Result<Option<PathBuf>, DialogUnavailable>;

/// The answer of a dialog that may choose several files: never an empty list.
pub type PickManyResult = Result<Option<Vec<PathBuf>>, DialogUnavailable>;

/// Asks the user for files.
pub trait FilePicker {
    /// Shows a dialog for `request`. Returns at once; the answer is the job's result.
    fn pick(&self, ctx: &egui::Context, request: &DialogRequest) -> Job<PickResult>;

    /// Shows a dialog for `request` in which several files may be chosen. Pickers that
    /// choose one file at a time answer with [`Self::pick`]'s one file.
    fn pick_files(&self, ctx: &egui::Context, request: &DialogRequest) -> Job<PickManyResult> {
        let as_list = |result: PickResult| result.map(|answer| answer.map(|path| vec![path]));
        let stopped = || Err(DialogUnavailable(tr!("dialog-stopped")));
        let mut one = self.pick(ctx, request);
        match one.poll() {
            // Known at once (tests): answered at once.
            Poll::Ready(result) => Job::ready(as_list(result)),
            Poll::Done => Job::ready(stopped()),
            Poll::Pending => Job::spawn("hashiya-dialog", super::waker(ctx), move |_| {
                one.wait().map_or_else(stopped, as_list)
            }),
        }
    }
}

/// The desktop's dialogs through `rfd`, shown from a worker thread so the window keeps
/// painting.
#[derive(Debug, Default)]
pub struct NativePicker;

impl FilePicker for NativePicker {
    fn pick(&self, ctx: &egui::Context, request: &DialogRequest) -> Job<PickResult> {
        let request = request.clone();
        Job::spawn("hashiya-dialog", super::waker(ctx), move |_| {
            native_dialog(&request)
        })
    }

    fn pick_files(&self, ctx: &egui::Context, request: &DialogRequest) -> Job<PickManyResult> {
        let request = request.clone();
        Job::spawn("hashiya-dialog", super::waker(ctx), move |_| {
            native_availability()?;
            let (answer, failures) = capture_dialog_failures(|| {
                rfd::FileDialog::new()
                    .set_title(&request.title)
                    .add_filter(tr!("dialog-filter-bundles"), &request.extensions())
                    .add_filter(tr!("dialog-filter-all-files"), &["*"])
                    .pick_files()
            });
            match (answer.filter(|files| !files.is_empty()), failures.last()) {
                (None, Some(failure)) => Err(DialogUnavailable(tr!(
                    "dialog-system-failed",
                    failure = failure
                ))),
                (answer, _) => Ok(answer),
            }
        })
    }
}

/// Shows `request` with rfd, or says why it cannot be shown.
///
/// rfd answers `None` both when the user cancels and when no dialog could be shown, so
/// failure is found in two ways:
/// - before asking: [`native_availability`] checks that something can draw the dialog;
/// - while asking: rfd logs its failures, and [`capture_dialog_failures`] collects the ones
///   that mean nothing was shown (see [`is_dialog_failure`]).
fn native_dialog(request: &DialogRequest) -> PickResult {
    native_availability()?;
    let (answer, failures) = capture_dialog_failures(|| rfd_dialog(request));
    match (answer, failures.last()) {
        (None, Some(failure)) => Err(DialogUnavailable(tr!(
            "dialog-system-failed",
            failure = failure
        ))),
        (answer, _) => Ok(answer),
    }
}

fn rfd_dialog(request: &DialogRequest) -> Option<PathBuf> {
    let dialog = rfd::FileDialog::new().set_title(&request.title);
    match request.kind {
        DialogKind::OpenArticle => dialog
            .add_filter(tr!("dialog-filter-articles"), &ARTICLE_EXTENSIONS)
            .add_filter(tr!("dialog-filter-all-files"), &["*"])
            .pick_file(),
        DialogKind::OpenBundles => dialog
            .add_filter(tr!("dialog-filter-bundles"), &BUNDLE_EXTENSIONS)
            .add_filter(tr!("dialog-filter-all-files"), &["*"])
            .pick_file(),
        DialogKind::OpenFolder | DialogKind::OutputFolder => dialog.pick_folder(),
        DialogKind::LoadScheme => dialog
            .add_filter(tr!("dialog-filter-label-schemes"), &["json"])
            .pick_file(),
        DialogKind::ImportEntities => dialog
            .add_filter(tr!("dialog-filter-entity-files"), &ENTITY_EXTENSIONS)
            .add_filter(tr!("dialog-filter-all-files"), &["*"])
            .pick_file(),
        DialogKind::Save => dialog.set_file_name(&request.file_name).save_file(),
    }
}

/// How long to wait for the desktop portal to answer (it may be started on demand).
#[cfg(all(unix, not(target_os = "macos")))]
const PORTAL_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Whether rfd can show a dialog here.
///
/// rfd 0.17 on Linux and the BSDs (built without its GTK backend) first asks the
/// `org.freedesktop.portal.FileChooser` interface of xdg-desktop-portal over D-Bus and,
/// when that call fails, runs `zenity`. So a dialog can appear when the portal's file
/// chooser answers on the session bus (asked here for its `version` property, which also
/// starts a portal that is only activatable), or else when `zenity` is on `PATH`. Without
/// either, rfd would log two errors and return `None` as if the user had cancelled.
/// Windows and macOS always have their own dialogs.
pub fn native_availability() -> Result<(), DialogUnavailable> {
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        let Err(portal) = portal_file_chooser() else {
            return Ok(());
        };
        if on_path("zenity") {
            return Ok(());
        }
        log::info!("no desktop portal file chooser: {portal}");
        Err(DialogUnavailable(tr!("dialog-desktop-has-none")))
    }
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    Ok(())
}

/// Asks the session bus for the portal's file chooser.
#[cfg(all(unix, not(target_os = "macos")))]
fn portal_file_chooser() -> Result<(), String> {
    async_io::block_on(async {
        let connection = zbus::connection::Builder::session()
            .map_err(|e| e.to_string())?
            .method_timeout(PORTAL_TIMEOUT)
            .build()
            .await
            .map_err(|e| format!("no D-Bus session bus: {e}"))?;
        connection
            .call_method(
                Some("org.freedesktop.portal.Desktop"),
                "/org/freedesktop/portal/desktop",
                Some("org.freedesktop.DBus.Properties"),
                "Get",
                &("org.freedesktop.portal.FileChooser", "version"),
            )
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    })
}

/// Whether an executable `program` is in one of the `PATH` folders.
#[cfg(unix)]
pub fn on_path(program: &str) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|folder| {
            std::fs::metadata(folder.join(program))
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
    })
}

thread_local! {
    /// Dialog failures logged on this thread while [`capture_dialog_failures`] runs.
    static CAPTURED: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
}

/// Whether a log record from `target` at `level` says that rfd showed no dialog.
///
/// rfd logs with its module path as target. A failure of the portal is logged from
/// `rfd::backend::xdg_desktop_portal::portal` and is not final: rfd then tries zenity, and the
/// user may still see (and cancel) that dialog. When zenity fails too, rfd logs that from
/// the backend module itself (`rfd::backend::xdg_desktop_portal`) and returns `None`: that
/// error, or any other error of rfd outside the portal's D-Bus code, means no dialog was shown.
pub fn is_dialog_failure(target: &str, level: log::Level) -> bool {
    level == log::Level::Error
        && (target == "rfd" || target.starts_with("rfd::"))
        && !target.contains("::portal")
}

/// Records `record` when it is a dialog failure logged during [`capture_dialog_failures`]
/// on this thread; the logger calls this for every record.
pub fn note_log_record(record: &log::Record<'_>) {
    if !is_dialog_failure(record.target(), record.level()) {
        return;
    }
    CAPTURED.with(|captured| {
        if let Ok(mut captured) = captured.try_borrow_mut()
            && let Some(failures) = captured.as_mut()
        {
            failures.push(record.args().to_string());
        }
    });
}

/// Runs `dialog`, collecting the dialog failures logged on this thread meanwhile.
pub fn capture_dialog_failures<T>(dialog: impl FnOnce() -> T) -> (T, Vec<String>) {
    CAPTURED.with(|captured| *captured.borrow_mut() = Some(Vec::new()));
    let answer = dialog();
    let failures = CAPTURED
        .with(|captured| captured.borrow_mut().take())
        .unwrap_or_default();
    (answer, failures)
}

/// Answers every question with fixed paths (for tests).
#[derive(Clone, Debug, Default)]
pub struct FixedPicker {
    /// The article to open (or the file to import); `None` acts as a cancelled dialog.
    pub article: Option<PathBuf>,
    /// Where to save; `None` acts as a cancelled dialog.
    pub save_path: Option<PathBuf>,
    /// The label scheme file to load; `None` acts as a cancelled dialog.
    pub scheme: Option<PathBuf>,
    /// The folder to open; `None` acts as a cancelled dialog.
    pub folder: Option<PathBuf>,
    /// The bundles to import; none acts as a cancelled dialog.
    pub bundles: Vec<PathBuf>,
    /// The folder imported articles go to; `None` acts as a cancelled dialog.
    pub output_folder: Option<PathBuf>,
}

impl FilePicker for FixedPicker {
    fn pick(&self, _ctx: &egui::Context, request: &DialogRequest) -> Job<PickResult> {
        Job::ready(Ok(match request.kind {
            DialogKind::OpenArticle | DialogKind::ImportEntities => self.article.clone(),
            DialogKind::OpenFolder => self.folder.clone(),
            DialogKind::LoadScheme => self.scheme.clone(),
            DialogKind::Save => self.save_path.clone(),
            DialogKind::OpenBundles => self.bundles.first().cloned(),
            DialogKind::OutputFolder => self.output_folder.clone(),
        }))
    }

    fn pick_files(&self, ctx: &egui::Context, request: &DialogRequest) -> Job<PickManyResult> {
        if request.kind == DialogKind::OpenBundles {
            let bundles = self.bundles.clone();
            return Job::ready(Ok((!bundles.is_empty()).then_some(bundles)));
        }
        let mut one = self.pick(ctx, request);
        Job::ready(match one.poll() {
            Poll::Ready(result) => result.map(|answer| answer.map(|path| vec![path])),
            _ => Ok(None),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_rfd_errors_outside_the_portal_mean_no_dialog_was_shown() {
        use log::Level::{Error, Warn};
        for (target, level, failure) in [
            // zenity, rfd's last resort, could not run.
            ("rfd::backend::xdg_desktop_portal", Error, true),
            ("rfd", Error, true),
            // The portal failed; zenity comes next and may still show a dialog.
            ("rfd::backend::xdg_desktop_portal::portal", Error, false),
            (
                "rfd::backend::xdg_desktop_portal::portal::libdbus",
                Error,
                false,
            ),
            // "Using zenity fallback" is a warning.
            ("rfd::backend::xdg_desktop_portal", Warn, false),
            // Not rfd.
            ("rfdx", Error, false),
            ("hashiya::app", Error, false),
        ] {
            assert_eq!(
                is_dialog_failure(target, level),
                failure,
                "{target} at {level}"
            );
        }
    }

    #[test]
    fn failures_are_captured_only_on_the_dialog_thread_and_only_while_it_runs() {
        let record = |target: &'static str, text: &'static str| {
            note_log_record(
                &log::Record::builder()
                    .target(target)
                    .level(log::Level::Error)
                    .args(format_args!("{text}"))
                    .build(),
            );
        };
        record("rfd::backend::xdg_desktop_portal", "before");
        let ((), failures) = capture_dialog_failures(|| {
            record(
                "rfd::backend::xdg_desktop_portal::portal",
                "OpenFile failed",
            );
            record(
                "rfd::backend::xdg_desktop_portal",
                "Failed to pick file with zenity: No such file or directory",
            );
            Job::spawn(
                "test-elsewhere",
                || {},
                |_| {
                    note_log_record(
                        &log::Record::builder()
                            .target("rfd")
                            .level(log::Level::Error)
                            .args(format_args!("elsewhere"))
                            .build(),
                    );
                },
            )
            .wait()
            .unwrap();
        });
        assert_eq!(
            failures,
            ["Failed to pick file with zenity: No such file or directory"]
        );
        record("rfd::backend::xdg_desktop_portal", "after");
        let ((), none) = capture_dialog_failures(|| ());
        assert!(none.is_empty());
    }

    #[test]
    fn each_request_lists_its_own_files() {
        assert!(
            DialogRequest::open_article()
                .extensions()
                .contains(&"docx".to_owned())
        );
        assert!(DialogRequest::open_folder().extensions().is_empty());
        assert_eq!(DialogRequest::load_scheme().extensions(), ["json"]);
        assert_eq!(DialogRequest::save("a.b.CSV").extensions(), ["csv"]);
        assert!(DialogRequest::save("noext").extensions().is_empty());
    }
}
