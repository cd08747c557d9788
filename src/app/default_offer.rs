//! The one-time offer to make Hashiya the default application for an article type, shown
//! above the article after the first article opens: "Open .txt articles with Hashiya by
//! default? Yes / No / Not now". It appears only when the desktop entry is installed and
//! Hashiya is not already the default; "No" is remembered and never asked again, "Not now"
//! waits for the next run. The answer's effect on `mimeapps.list` goes through
//! [`desktop::make_default`], which records the default it replaces.

use std::path::Path;

use super::DefaultAppOffer;
use super::command::Command;
use super::desktop::{self, XdgDirs};
use crate::tr;
use crate::ui::tr::{self as t, tx};

/// The offer's state for this run.
#[derive(Debug, Default)]
pub struct DefaultOffer {
    /// Where the desktop files are; `None` turns the offer off (tests that do not test it,
    /// a system without a home folder).
    dirs: Option<XdgDirs>,
    /// The MIME type being offered, while the question is shown.
    pending: Option<&'static str>,
    /// Set once the offer was considered in this run (shown, answered "Not now", or not
    /// applicable), so that it is asked at most once per run.
    considered: bool,
}

/// The user's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No,
    NotNow,
}

impl DefaultOffer {
    /// An offer that looks for the desktop files in `dirs`.
    pub fn new(dirs: Option<XdgDirs>) -> Self {
        Self {
            dirs,
            ..Self::default()
        }
    }

    /// The MIME type being offered, while the question is shown.
    pub fn pending(&self) -> Option<&'static str> {
        self.pending
    }
}

impl DefaultOffer {
    /// After an article at `path` opened: asks (once) whether Hashiya should open such
    /// articles by default, if the entry is installed and it does not already.
    /// `opened` says whether that article is the one now shown; `asked` is what the
    /// settings remember of earlier answers.
    pub fn consider(&mut self, path: &Path, opened: bool, asked: DefaultAppOffer) {
        let offer = self;
        if !opened || offer.considered || asked != DefaultAppOffer::NotAsked {
            return;
        }
        let Some(dirs) = &offer.dirs else {
            return;
        };
        let Some(mime) = desktop::mime_type_of_file(path) else {
            // Another kind of file may come later.
            return;
        };
        offer.considered = true;
        let already =
            desktop::default_application(dirs, mime).as_deref() == Some(desktop::DESKTOP_FILE_NAME);
        if desktop::is_installed(dirs) && !already {
            offer.pending = Some(mime);
        }
    }

    /// The question, above the article, while it is pending.
    pub fn ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let Some(mime) = self.pending else {
            return;
        };
        let extension = desktop::extension_of(mime).unwrap_or(mime);
        let mut answer = None;
        egui::Panel::top("default-app-offer").show(ui, |ui| {
            crate::ui::tr::wrapped_row(ui, |ui| {
                t::label(ui, tr!("offer-question", extension = extension));
                let yes = ui.button(tx(tr!("offer-yes")));
                if t::hover(yes, tr!("offer-yes-tip")).clicked() {
                    answer = Some(Answer::Yes);
                }
                let no = ui.button(tx(tr!("offer-no")));
                if t::hover(no, tr!("offer-no-tip")).clicked() {
                    answer = Some(Answer::No);
                }
                if ui.button(tx(tr!("offer-not-now"))).clicked() {
                    answer = Some(Answer::NotNow);
                }
            });
        });
        if let Some(answer) = answer {
            commands.push(Command::AnswerDefaultOffer(answer));
        }
    }

    /// Carries out the answer: what the settings should now remember, and a message.
    pub fn answer(&mut self, answer: Answer) -> (Option<DefaultAppOffer>, Option<String>) {
        let Some(mime) = self.pending.take() else {
            return (None, None);
        };
        match answer {
            Answer::NotNow => (None, None),
            Answer::No => (Some(DefaultAppOffer::Declined), None),
            Answer::Yes => {
                let Some(dirs) = &self.dirs else {
                    return (None, None);
                };
                let extension = desktop::extension_of(mime).unwrap_or(mime);
                match desktop::make_default(dirs, &[mime]) {
                    Ok(_) => (
                        Some(DefaultAppOffer::Accepted),
                        Some(tr!("offer-accepted", extension = extension)),
                    ),
                    Err(error) => (
                        None,
                        Some(tr!(
                            "offer-failed",
                            extension = extension,
                            error = error.to_string()
                        )),
                    ),
                }
            }
        }
    }
}
