//! File dialogs. The app asks through the [`FilePicker`] trait, so tests can answer with a
//! fixed path instead of a real dialog.

use std::path::PathBuf;
use std::sync::mpsc;

use crate::document::ARTICLE_EXTENSIONS;

/// Asks the user for files. Each call returns at once; the answer (`None` when the user
/// cancelled) arrives on the channel.
pub trait FilePicker {
    /// Asks for an article to open.
    fn pick_article(&self, ctx: &egui::Context) -> mpsc::Receiver<Option<PathBuf>>;
}

/// Native dialogs through `rfd`, shown from a worker thread so the window keeps painting.
#[derive(Debug, Default)]
pub struct NativePicker;

impl FilePicker for NativePicker {
    fn pick_article(&self, ctx: &egui::Context) -> mpsc::Receiver<Option<PathBuf>> {
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("hashiya-open-dialog".to_owned())
            .spawn(move || {
                let picked = rfd::FileDialog::new()
                    .set_title("Open Article")
                    .add_filter("Articles", &ARTICLE_EXTENSIONS)
                    .add_filter("All files", &["*"])
                    .pick_file();
                // The app may have closed meanwhile; then nobody is waiting.
                if sender.send(picked).is_ok() {
                    ctx.request_repaint();
                }
            });
        if let Err(error) = spawned {
            log::error!("could not show the open dialog: {error}");
        }
        receiver
    }
}

/// Answers every question with the same path (for tests).
#[derive(Clone, Debug, Default)]
pub struct FixedPicker {
    /// The answer; `None` acts as a cancelled dialog.
    pub article: Option<PathBuf>,
}

impl FilePicker for FixedPicker {
    fn pick_article(&self, _ctx: &egui::Context) -> mpsc::Receiver<Option<PathBuf>> {
        let (sender, receiver) = mpsc::channel();
        // The receiver is alive: it is returned below.
        sender.send(self.article.clone()).ok();
        receiver
    }
}
