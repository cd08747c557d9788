//! Every file dialog the app shows. Callers ask with `pick_*` and poll the returned job for
//! the answer (`None`: cancelled), whichever dialog gave it: the desktop's, through a
//! [`FilePicker`], or Hashiya's own [`FileDialog`], shown when the desktop has none or its
//! dialog failed, and always when the user chose it (View menu, `--builtin-dialogs`). This
//! module reads the folders the built-in dialog lists; the widget never touches the disk.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use super::Settings;
use super::picker::{DialogKind, DialogRequest, FilePicker, PickManyResult, PickResult};
use crate::jobs::{self, Job, Poll};
use crate::text::TextEngine;
use crate::tr;
use crate::ui::{FileDialog, FileDialogAction, FileDialogMode, FolderEntry, FolderListing, Place};

/// At most this many entries of a folder are listed.
const MAX_ENTRIES: usize = 20_000;
/// At most this many recently used folders are offered.
const MAX_RECENT_PLACES: usize = 8;

/// A question waiting for its answer.
struct Pending {
    request: DialogRequest,
    answer: Answer,
}

/// Where the answer goes: a caller waiting for one path, or for several.
enum Answer {
    One(jobs::Sender<Option<PathBuf>>),
    Many(jobs::Sender<Option<Vec<PathBuf>>>),
}

impl Answer {
    /// Passes on the paths chosen (`None`: cancelled); a caller of one path gets the first.
    /// The caller may have stopped waiting (its window closed): then nothing happens.
    fn send(&self, paths: Option<Vec<PathBuf>>) {
        let paths = paths.filter(|p| !p.is_empty());
        match self {
            Self::One(sender) => {
                sender.send(paths.and_then(|p| p.into_iter().next()));
            }
            Self::Many(sender) => {
                sender.send(paths);
            }
        }
    }
}

/// The desktop's dialog at work, for one path or several.
enum NativeJob {
    One(Job<PickResult>),
    Many(Job<PickManyResult>),
}

impl NativeJob {
    fn poll(&mut self) -> Poll<PickManyResult> {
        match self {
            Self::One(job) => match job.poll() {
                Poll::Ready(result) => Poll::Ready(result.map(|a| a.map(|path| vec![path]))),
                Poll::Pending => Poll::Pending,
                Poll::Done => Poll::Done,
            },
            Self::Many(job) => job.poll(),
        }
    }
}

/// A question the desktop's dialog is answering.
struct Waiting {
    pending: Pending,
    native: NativeJob,
}

/// A question for the built-in dialog, and why the built-in one answers it (if not by
/// choice): why the desktop's could not be shown.
struct Queued {
    pending: Pending,
    why: Option<String>,
}

/// The built-in dialog while it is shown.
struct Shown {
    pending: Pending,
    view: FileDialog,
}

/// The file dialogs: the desktop's, and the built-in one standing in for it.
pub struct Dialogs {
    picker: Box<dyn FilePicker>,
    /// Use the built-in dialog without trying the desktop's.
    always_builtin: bool,
    /// Set by `--builtin-dialogs` for this run.
    forced_builtin: bool,
    waiting: Vec<Waiting>,
    queued: VecDeque<Queued>,
    shown: Option<Shown>,
    /// The folder the built-in dialog last answered in.
    last_folder: Option<PathBuf>,
    places: Vec<Place>,
}

impl std::fmt::Debug for Dialogs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dialogs")
            .field("always_builtin", &self.always_builtin)
            .field("waiting", &self.waiting.len())
            .field("shown", &self.shown.as_ref().map(|s| &s.view))
            .finish_non_exhaustive()
    }
}

impl Dialogs {
    /// Shows Hashiya's own dialog for every dialog from now on (`--builtin-dialogs`).
    pub fn force_builtin(&mut self) {
        self.forced_builtin = true;
    }

    /// The built-in dialog, while it is shown.
    pub fn shown(&self) -> Option<&FileDialog> {
        self.shown.as_ref().map(|s| &s.view)
    }

    /// Dialogs that try `picker` first.
    pub fn new(picker: Box<dyn FilePicker>) -> Self {
        Self {
            picker,
            always_builtin: false,
            forced_builtin: false,
            waiting: Vec::new(),
            queued: VecDeque::new(),
            shown: None,
            last_folder: None,
            places: Vec::new(),
        }
    }

    /// Asks for an article to open.
    pub fn pick_article(&mut self, ctx: &egui::Context) -> Job<Option<PathBuf>> {
        self.pick(ctx, DialogRequest::open_article())
    }

    /// Asks where to save a file, suggesting `file_name`.
    pub fn pick_save_path(&mut self, ctx: &egui::Context, file_name: &str) -> Job<Option<PathBuf>> {
        self.pick(ctx, DialogRequest::save(file_name))
    }

    /// Asks for a label scheme file to load.
    pub fn pick_scheme(&mut self, ctx: &egui::Context) -> Job<Option<PathBuf>> {
        self.pick(ctx, DialogRequest::load_scheme())
    }

    /// Asks for a folder of articles.
    pub fn pick_folder(&mut self, ctx: &egui::Context) -> Job<Option<PathBuf>> {
        self.pick(ctx, DialogRequest::open_folder())
    }

    /// Asks for the bundles to import: several files where the desktop's dialog allows it
    /// (the built-in dialog chooses one).
    pub fn pick_bundles(&mut self, ctx: &egui::Context) -> Job<Option<Vec<PathBuf>>> {
        let (answer, job) = Job::channel(super::waker(ctx));
        self.ask(ctx, DialogRequest::open_bundles(), Answer::Many(answer));
        job
    }

    /// Asks for the folder imported articles go to.
    pub fn pick_output_folder(&mut self, ctx: &egui::Context) -> Job<Option<PathBuf>> {
        self.pick(ctx, DialogRequest::output_folder())
    }

    /// Asks `request`; the answer is the returned job's result.
    pub fn pick(&mut self, ctx: &egui::Context, request: DialogRequest) -> Job<Option<PathBuf>> {
        let (answer, job) = Job::channel(super::waker(ctx));
        self.ask(ctx, request, Answer::One(answer));
        job
    }

    fn ask(&mut self, ctx: &egui::Context, request: DialogRequest, answer: Answer) {
        let pending = Pending { request, answer };
        if self.always_builtin || self.forced_builtin {
            self.queued.push_back(Queued { pending, why: None });
            ctx.request_repaint();
        } else {
            let native = match pending.answer {
                Answer::One(_) => NativeJob::One(self.picker.pick(ctx, &pending.request)),
                Answer::Many(_) => NativeJob::Many(self.picker.pick_files(ctx, &pending.request)),
            };
            self.waiting.push(Waiting { pending, native });
            // A picker that answers at once (tests) is heard at once.
            self.poll_native(ctx);
        }
    }

    /// True while the built-in dialog is shown (it takes the keyboard).
    pub fn is_open(&self) -> bool {
        self.shown.is_some()
    }

    /// Passes on the desktop dialogs' answers; those that could not be shown go to the
    /// built-in dialog.
    fn poll_native(&mut self, ctx: &egui::Context) {
        let mut still_waiting = Vec::new();
        for mut waiting in std::mem::take(&mut self.waiting) {
            let result = match waiting.native.poll() {
                Poll::Ready(result) => result,
                Poll::Pending => {
                    still_waiting.push(waiting);
                    continue;
                }
                Poll::Done => Err(super::picker::DialogUnavailable(tr!(
                    "dialog-system-stopped"
                ))),
            };
            match result {
                Ok(answer) => {
                    // The caller may have stopped waiting (its window closed): nothing to do.
                    waiting.pending.answer.send(answer);
                }
                Err(why) => {
                    log::warn!("system file dialog unavailable, showing the built-in one: {why}");
                    self.queued.push_back(Queued {
                        pending: waiting.pending,
                        why: Some(why.to_string()),
                    });
                }
            }
            ctx.request_repaint();
        }
        self.waiting = still_waiting;
    }

    /// Polls the desktop's dialogs and shows the built-in one; returns a message for the
    /// window when no dialog could be shown.
    pub(super) fn ui(
        &mut self,
        ctx: &egui::Context,
        engine: &mut TextEngine,
        settings: &Settings,
        current: Option<&Path>,
    ) -> Option<String> {
        self.always_builtin = settings.builtin_dialogs;
        self.poll_native(ctx);
        let mut message = None;
        if self.shown.is_none()
            && let Some(queued) = self.queued.pop_front()
        {
            message = self.start(engine, queued, settings, current);
            ctx.request_repaint();
        }
        if let Some(shown) = self.shown.as_mut()
            && let Some(action) = shown.view.ui(ctx, engine, &self.places)
        {
            self.act(engine, action);
            ctx.request_repaint();
        }
        message
    }

    /// Opens the built-in dialog for `queued` in the first folder it can read.
    fn start(
        &mut self,
        engine: &mut TextEngine,
        queued: Queued,
        settings: &Settings,
        current: Option<&Path>,
    ) -> Option<String> {
        let Queued { pending, why } = queued;
        let request = &pending.request;
        let mode = match request.kind {
            DialogKind::OpenArticle
            | DialogKind::LoadScheme
            | DialogKind::OpenBundles
            | DialogKind::ImportEntities => FileDialogMode::Open,
            DialogKind::OpenFolder | DialogKind::OutputFolder => FileDialogMode::Folder,
            DialogKind::Save => FileDialogMode::Save,
        };
        let mut view = FileDialog::new(engine, mode, &request.title, &request.file_name);
        view.notice = why
            .as_ref()
            .map(|why| tr!("dialog-builtin-because", reason = why));
        self.places = places(settings, current);
        let home = home_folder();
        let candidates = [
            self.last_folder.clone(),
            current.and_then(Path::parent).map(Path::to_owned),
            settings.corpus_folder.clone(),
            home,
            std::env::current_dir().ok(),
            Some(PathBuf::from("/")),
        ];
        match first_readable(candidates.into_iter().flatten(), request) {
            Ok(listing) => {
                view.set_listing(engine, listing);
                self.shown = Some(Shown { pending, view });
                None
            }
            Err(problems) => {
                // Nothing to list: the caller hears "cancelled", the user why.
                pending.answer.send(None);
                Some(no_dialog_message(why.as_deref(), &problems))
            }
        }
    }

    /// Carries out what the user asked the built-in dialog for.
    fn act(&mut self, engine: &mut TextEngine, action: FileDialogAction) {
        let Some(shown) = self.shown.as_mut() else {
            return;
        };
        match action {
            FileDialogAction::Cancel => self.finish(None),
            FileDialogAction::Go(path) => {
                let path = resolve(shown.view.folder(), &path);
                if path.is_dir() {
                    let listing = list_folder(&path, &shown.pending.request);
                    shown.view.set_listing(engine, listing);
                } else if path.exists() || shown.view.mode == FileDialogMode::Save {
                    self.act(engine, FileDialogAction::Choose(path));
                } else {
                    shown.view.error = Some(tr!("dialog-no-such-path", path = &path));
                }
            }
            FileDialogAction::Choose(path) => {
                let view = &mut shown.view;
                let fits = match view.mode {
                    FileDialogMode::Open => path.is_file(),
                    FileDialogMode::Folder => path.is_dir(),
                    FileDialogMode::Save => path.parent().is_some_and(Path::is_dir),
                };
                if view.mode == FileDialogMode::Save && path.is_dir() {
                    let listing = list_folder(&path, &shown.pending.request);
                    view.set_listing(engine, listing);
                } else if !fits {
                    view.error = Some(match view.mode {
                        FileDialogMode::Open => tr!("dialog-not-openable", path = &path),
                        FileDialogMode::Folder => tr!("dialog-not-a-folder", path = &path),
                        FileDialogMode::Save => tr!("dialog-no-folder-to-save-in", path = &path),
                    });
                } else if view.mode == FileDialogMode::Save
                    && path.exists()
                    && view.confirm_replace.as_ref() != Some(&path)
                {
                    // Never replace a file without asking.
                    view.confirm_replace = Some(path);
                } else {
                    let folder = if view.mode == FileDialogMode::Folder {
                        Some(path.clone())
                    } else {
                        path.parent().map(Path::to_owned)
                    };
                    self.last_folder = folder.filter(|f| super::settings::storable(f));
                    self.finish(Some(path));
                }
            }
        }
    }

    fn finish(&mut self, answer: Option<PathBuf>) {
        if let Some(shown) = self.shown.take() {
            shown.pending.answer.send(answer.map(|path| vec![path]));
        }
    }
}

/// The listing of the first of `candidates` that can be read, or why none could.
fn first_readable(
    candidates: impl IntoIterator<Item = PathBuf>,
    request: &DialogRequest,
) -> Result<FolderListing, Vec<String>> {
    let mut problems = Vec::new();
    for folder in candidates {
        match std::fs::read_dir(&folder) {
            Ok(_) => return Ok(list_folder(&folder, request)),
            Err(error) => problems.push(format!("{error}: {}", folder.display())),
        }
    }
    Err(problems)
}

/// What the window says when not even the built-in dialog can be shown.
fn no_dialog_message(why: Option<&str>, problems: &[String]) -> String {
    let why = why.map_or_else(|| tr!("dialog-builtin-asked-for"), str::to_owned);
    tr!(
        "dialog-none-shown",
        reason = why,
        problems = problems.join("; ")
    )
}

/// `typed` (from the path field) as a path: `~` is the home folder, relative paths start
/// at `folder`.
fn resolve(folder: &Path, typed: &Path) -> PathBuf {
    let home = home_folder();
    match (typed.strip_prefix("~"), home) {
        (Ok(rest), Some(home)) => home.join(rest),
        _ => folder.join(typed),
    }
}

fn home_folder() -> Option<PathBuf> {
    directories::UserDirs::new().map(|dirs| dirs.home_dir().to_owned())
}

/// What the built-in dialog offers beside the listing: the home folder, the open article's
/// folder, the open corpus folder and the folders of recent articles.
fn places(settings: &Settings, current: Option<&Path>) -> Vec<Place> {
    let mut folders: Vec<PathBuf> = Vec::new();
    let candidates = current
        .and_then(Path::parent)
        .map(Path::to_owned)
        .into_iter()
        .chain(settings.corpus_folder.clone())
        .chain(
            settings
                .recent_files
                .iter()
                .filter_map(|p| p.parent().map(Path::to_owned)),
        );
    for folder in candidates {
        if folders.len() >= MAX_RECENT_PLACES {
            break;
        }
        if !folders.contains(&folder) && folder.is_dir() {
            folders.push(folder);
        }
    }
    let home = home_folder();
    let mut places: Vec<Place> = home
        .iter()
        .map(|home| Place {
            label: tr!("dialog-place-home"),
            path: home.clone(),
        })
        .collect();
    places.extend(
        folders
            .into_iter()
            .filter(|f| Some(f) != home.as_ref())
            .map(|path| Place {
                label: path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                ),
                path,
            }),
    );
    places.push(Place {
        label: tr!("dialog-place-computer"),
        path: PathBuf::from("/"),
    });
    places
}

/// Reads `folder` for the built-in dialog answering `request`: its sub-folders and the files
/// of the kind asked for (hidden ones left out), folders first, then by name.
fn list_folder(folder: &Path, request: &DialogRequest) -> FolderListing {
    let mut listing = FolderListing {
        folder: folder.to_owned(),
        ..FolderListing::default()
    };
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) => {
            listing.error = Some(tr!(
                "dialog-folder-unreadable",
                error = error.to_string(),
                path = folder,
            ));
            return listing;
        }
    };
    let extensions = request.extensions();
    let is_article = |name: &Path| {
        name.extension().is_some_and(|e| {
            let e = e.to_string_lossy().to_lowercase();
            crate::document::ARTICLE_EXTENSIONS.contains(&e.as_str())
        })
    };
    let mut unreadable = 0usize;
    let mut too_many = false;
    for entry in entries {
        let Ok(entry) = entry else {
            unreadable += 1;
            continue;
        };
        let name = entry.file_name();
        if name.as_encoded_bytes().first() == Some(&b'.') {
            continue;
        }
        // Links are followed: a link to a folder is a folder.
        let is_dir = match entry.file_type() {
            Ok(kind) if kind.is_symlink() => entry.path().is_dir(),
            Ok(kind) => kind.is_dir(),
            Err(_) => {
                unreadable += 1;
                continue;
            }
        };
        let listed = is_dir
            || Path::new(&name)
                .extension()
                .is_some_and(|e| extensions.contains(&e.to_string_lossy().to_lowercase()));
        if !is_dir && request.kind == DialogKind::OpenFolder && is_article(Path::new(&name)) {
            listing.unlisted_files += 1;
        }
        if !listed {
            continue;
        }
        if listing.entries.len() >= MAX_ENTRIES {
            too_many = true;
            break;
        }
        listing.entries.push(FolderEntry { name, is_dir });
    }
    listing.entries.sort_by_cached_key(|e| {
        (
            !e.is_dir,
            e.name.to_string_lossy().to_lowercase(),
            e.name.clone(),
        )
    });
    if too_many {
        listing.error = Some(tr!("dialog-too-many-entries", count = MAX_ENTRIES));
    } else if unreadable > 0 {
        listing.error = Some(tr!("dialog-unreadable-entries", count = unreadable));
    }
    listing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listings_hold_folders_first_and_only_the_files_asked_for() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("مقالات")).unwrap();
        std::fs::create_dir(root.join(".hidden")).unwrap();
        for name in [
            "أيفون وأندرويد.txt",
            "b.DOCX",
            "notes.json",
            "x.csv",
            ".h.txt",
        ] {
            std::fs::write(root.join(name), "x").unwrap();
        }
        let names = |listing: &FolderListing| -> Vec<String> {
            listing
                .entries
                .iter()
                .map(|e| e.name.to_string_lossy().into_owned())
                .collect()
        };
        let open = list_folder(root, &DialogRequest::open_article());
        assert_eq!(names(&open), ["مقالات", "b.DOCX", "أيفون وأندرويد.txt"]);
        assert!(open.entries[0].is_dir && !open.entries[1].is_dir);
        let folder = list_folder(root, &DialogRequest::open_folder());
        assert_eq!(names(&folder), ["مقالات"]);
        assert_eq!(folder.unlisted_files, 2);
        assert_eq!(
            names(&list_folder(root, &DialogRequest::load_scheme())),
            ["مقالات", "notes.json"]
        );
        assert_eq!(
            names(&list_folder(root, &DialogRequest::save("a.csv"))),
            ["مقالات", "x.csv"]
        );
        let missing = list_folder(&root.join("gone"), &DialogRequest::open_article());
        assert!(missing.entries.is_empty());
        assert!(missing.error.unwrap().contains("gone"));
    }

    #[test]
    fn when_no_folder_can_be_read_the_message_says_why_and_what_else_to_do() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "x").unwrap();
        let candidates = [dir.path().join("gone"), file.clone()];
        let problems = first_readable(candidates, &DialogRequest::open_article()).unwrap_err();
        assert_eq!(problems.len(), 2);
        assert!(problems[0].contains("gone") && problems[1].contains("a.txt"));
        let message = no_dialog_message(Some("the desktop has no file dialog"), &problems);
        assert!(
            message.contains("the desktop has no file dialog"),
            "{message}"
        );
        assert!(message.contains("gone"), "{message}");
        assert!(
            message.contains("Drop") && message.contains("hashiya PATH"),
            "{message}"
        );
        // The first folder that can be read is listed.
        let listing = first_readable(
            [dir.path().join("gone"), dir.path().to_owned()],
            &DialogRequest::open_article(),
        )
        .unwrap();
        assert_eq!(listing.folder, dir.path());
        assert_eq!(listing.entries.len(), 1);
    }

    #[test]
    fn typed_paths_are_relative_to_the_listed_folder() {
        assert_eq!(
            resolve(Path::new("/a/b"), Path::new("c/d.txt")),
            Path::new("/a/b/c/d.txt")
        );
        assert_eq!(resolve(Path::new("/a/b"), Path::new("/x")), Path::new("/x"));
        if let Some(home) = home_folder() {
            assert_eq!(resolve(Path::new("/a"), Path::new("~/x")), home.join("x"));
        }
    }
}
