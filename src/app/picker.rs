//! File dialogs. The app asks through the [`FilePicker`] trait, so tests can answer with
//! fixed paths instead of real dialogs.

use std::path::PathBuf;
use std::sync::mpsc;

use crate::document::ARTICLE_EXTENSIONS;

/// Asks the user for files. Each call returns at once; the answer (`None` when the user
/// cancelled) arrives on the channel.
pub trait FilePicker {
    /// Asks for an article to open.
    fn pick_article(&self, ctx: &egui::Context) -> mpsc::Receiver<Option<PathBuf>>;

    /// Asks where to save a file, suggesting `file_name`.
    fn pick_save_path(
        &self,
        ctx: &egui::Context,
        file_name: &str,
    ) -> mpsc::Receiver<Option<PathBuf>>;

    /// Asks for a label scheme file to load.
    fn pick_scheme(&self, ctx: &egui::Context) -> mpsc::Receiver<Option<PathBuf>>;

    /// Asks for a folder of articles.
    fn pick_folder(&self, ctx: &egui::Context) -> mpsc::Receiver<Option<PathBuf>>;
}

/// Runs a blocking dialog on a worker thread and delivers its answer on a channel.
fn in_background(
    ctx: &egui::Context,
    dialog: impl FnOnce() -> Option<PathBuf> + Send + 'static,
) -> mpsc::Receiver<Option<PathBuf>> {
    let (sender, receiver) = mpsc::channel();
    let ctx = ctx.clone();
    let spawned = std::thread::Builder::new()
        .name("hashiya-dialog".to_owned())
        .spawn(move || {
            // The app may have closed meanwhile; then nobody is waiting.
            if sender.send(dialog()).is_ok() {
                ctx.request_repaint();
            }
        });
    if let Err(error) = spawned {
        log::error!("could not show the dialog: {error}");
    }
    receiver
}

/// Native dialogs through `rfd`, shown from a worker thread so the window keeps painting.
#[derive(Debug, Default)]
pub struct NativePicker;

impl FilePicker for NativePicker {
    fn pick_article(&self, ctx: &egui::Context) -> mpsc::Receiver<Option<PathBuf>> {
        in_background(ctx, || {
            rfd::FileDialog::new()
                .set_title("Open Article")
                .add_filter("Articles", &ARTICLE_EXTENSIONS)
                .add_filter("All files", &["*"])
                .pick_file()
        })
    }

    fn pick_save_path(
        &self,
        ctx: &egui::Context,
        file_name: &str,
    ) -> mpsc::Receiver<Option<PathBuf>> {
        let file_name = file_name.to_owned();
        in_background(ctx, move || {
            rfd::FileDialog::new()
                .set_title("Save As")
                .set_file_name(file_name)
                .save_file()
        })
    }

    fn pick_scheme(&self, ctx: &egui::Context) -> mpsc::Receiver<Option<PathBuf>> {
        in_background(ctx, || {
            rfd::FileDialog::new()
                .set_title("Load Label Scheme")
                .add_filter("Label schemes", &["json"])
                .pick_file()
        })
    }

    fn pick_folder(&self, ctx: &egui::Context) -> mpsc::Receiver<Option<PathBuf>> {
        in_background(ctx, || {
            rfd::FileDialog::new()
                .set_title("Open Folder of Articles")
                .pick_folder()
        })
    }
}

/// Answers every question with fixed paths (for tests).
#[derive(Clone, Debug, Default)]
pub struct FixedPicker {
    /// The article to open; `None` acts as a cancelled dialog.
    pub article: Option<PathBuf>,
    /// Where to save; `None` acts as a cancelled dialog.
    pub save_path: Option<PathBuf>,
    /// The label scheme file to load; `None` acts as a cancelled dialog.
    pub scheme: Option<PathBuf>,
    /// The folder to open; `None` acts as a cancelled dialog.
    pub folder: Option<PathBuf>,
}

fn answered(answer: Option<PathBuf>) -> mpsc::Receiver<Option<PathBuf>> {
    let (sender, receiver) = mpsc::channel();
    // The receiver is alive: it is returned below.
    sender.send(answer).ok();
    receiver
}

impl FilePicker for FixedPicker {
    fn pick_article(&self, _ctx: &egui::Context) -> mpsc::Receiver<Option<PathBuf>> {
        answered(self.article.clone())
    }

    fn pick_save_path(
        &self,
        _ctx: &egui::Context,
        _file_name: &str,
    ) -> mpsc::Receiver<Option<PathBuf>> {
        answered(self.save_path.clone())
    }

    fn pick_scheme(&self, _ctx: &egui::Context) -> mpsc::Receiver<Option<PathBuf>> {
        answered(self.scheme.clone())
    }

    fn pick_folder(&self, _ctx: &egui::Context) -> mpsc::Receiver<Option<PathBuf>> {
        answered(self.folder.clone())
    }
}
