//! User preferences that persist across runs (never annotations: those live in sidecars).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::arabic::Language;
use crate::i18n::{Digits, Interface, MonthNames, SystemLocale, UiLanguage};
use crate::text::{ReadingFace, TextStyle};

/// Smallest and largest body font size offered, in points.
pub const FONT_SIZE_RANGE_PT: std::ops::RangeInclusive<f32> = 10.0..=48.0;
/// The default body font size in points.
pub const DEFAULT_FONT_SIZE_PT: f32 = 20.0;
/// Line spacing choices offered in the View menu.
pub const LINE_SPACINGS: [f32; 4] = [1.4, 1.7, 2.0, 2.4];

/// How many files File ▸ Open Recent lists.
pub const MAX_RECENT_FILES: usize = 10;
/// How many articles' reading positions are remembered.
const MAX_READING_POSITIONS: usize = 500;

/// Where the reader left an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingPosition {
    /// The article file.
    pub path: PathBuf,
    /// The paragraph at the top of the view.
    pub first_visible: usize,
    /// The selected paragraph.
    pub selected: Option<usize>,
}

/// Light or dark appearance.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Dark text on a light page.
    #[default]
    Light,
    /// Light text on a dark page.
    Dark,
}

/// Everything about the app's appearance and history that is remembered between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Reading face for Arabic articles (and for notes and the interface's Arabic text).
    pub face: ReadingFace,
    /// Reading face for Persian articles.
    pub persian_face: ReadingFace,
    /// Reading face for Urdu articles.
    pub urdu_face: ReadingFace,
    /// Body font size in points.
    pub font_size_pt: f32,
    /// Line height as a multiple of the font size.
    pub line_spacing: f32,
    /// Light or dark theme.
    pub theme: Theme,
    /// Recently opened articles, newest first.
    pub recent_files: Vec<PathBuf>,
    /// Where each recently read article was left, newest first.
    pub reading_positions: Vec<ReadingPosition>,
    /// Name recorded as the author of new annotations.
    pub author: String,
    /// Whether the annotation panel is shown.
    pub show_annotation_panel: bool,
    /// Team mode: annotations go to the annotator's own sidecar
    /// (`<article>.annotations.<author>.json`) instead of the article's shared one.
    pub team_mode: bool,
    /// The folder last opened with File ▸ Open Folder.
    pub corpus_folder: Option<PathBuf>,
    /// The answer to the one-time offer to become the default application for articles.
    pub default_app_offer: DefaultAppOffer,
    /// Show Hashiya's own file dialog instead of the desktop's (View menu).
    pub builtin_dialogs: bool,
    /// The interface language; `None` until the first start takes it from the locale.
    pub interface_language: Option<UiLanguage>,
    /// The digits of interface numbers; `None` follows the language and the locale.
    pub digits: Option<Digits>,
}

/// What the user answered when offered to make Hashiya the default application.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum DefaultAppOffer {
    /// Not asked yet, or "Not now": it may be offered (once per run).
    #[default]
    NotAsked,
    /// "No": never offered again.
    Declined,
    /// "Yes": Hashiya was made the default.
    Accepted,
}

/// The user's login name, the default author of annotations.
pub fn default_author() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|var| std::env::var(var).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "annotator".to_owned())
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            face: ReadingFace::default_for(Language::Arabic),
            persian_face: ReadingFace::default_for(Language::Persian),
            urdu_face: ReadingFace::default_for(Language::Urdu),
            font_size_pt: DEFAULT_FONT_SIZE_PT,
            line_spacing: 1.7,
            theme: Theme::default(),
            recent_files: Vec::new(),
            reading_positions: Vec::new(),
            author: default_author(),
            show_annotation_panel: true,
            team_mode: false,
            corpus_folder: None,
            default_app_offer: DefaultAppOffer::NotAsked,
            builtin_dialogs: false,
            interface_language: None,
            digits: None,
        }
    }
}

impl Settings {
    /// The interface these settings ask for on a system with `locale`: the chosen language
    /// (or the locale's), and the chosen digits (or the language's as written in the locale).
    pub fn interface(&self, locale: &SystemLocale) -> Interface {
        let from_locale = Interface::for_locale(locale);
        let language = self.interface_language.unwrap_or(from_locale.language);
        let digits = self.digits.unwrap_or(if language == from_locale.language {
            from_locale.digits
        } else {
            Digits::for_locale(&SystemLocale {
                language: language.code().to_owned(),
                region: None,
            })
        });
        Interface {
            language,
            digits,
            months: MonthNames::for_locale(language, locale),
        }
    }

    /// The face articles in `language` are read in: the one chosen in View ▸ Typeface for
    /// that language, or the language's default when the choice is not offered for it.
    pub fn face_for(&self, language: Language) -> ReadingFace {
        let chosen = match language {
            Language::Arabic => self.face,
            Language::Persian => self.persian_face,
            Language::Urdu => self.urdu_face,
        };
        if ReadingFace::offered_for(language).contains(&chosen) {
            chosen
        } else {
            ReadingFace::default_for(language)
        }
    }

    /// Chooses `face` for articles in `language`.
    pub fn set_face(&mut self, language: Language, face: ReadingFace) {
        match language {
            Language::Arabic => self.face = face,
            Language::Persian => self.persian_face = face,
            Language::Urdu => self.urdu_face = face,
        }
    }

    /// The text style these settings ask for articles in `language`, with out-of-range values
    /// pulled back in.
    pub fn text_style(&self, language: Language) -> TextStyle {
        TextStyle {
            face: self.face_for(language),
            font_size_pt: clamp_font_size(self.font_size_pt),
            line_spacing: if self.line_spacing.is_finite() {
                self.line_spacing.clamp(1.0, 3.0)
            } else {
                1.7
            },
        }
    }

    /// Changes the font size by `step_pt`, staying in range.
    pub fn step_font_size(&mut self, step_pt: f32) {
        self.font_size_pt = clamp_font_size(self.font_size_pt + step_pt);
    }
}

impl Settings {
    /// Puts `path` at the top of the recent files.
    pub fn remember_recent(&mut self, path: &Path) {
        if !storable(path) {
            return;
        }
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_owned());
        self.recent_files.truncate(MAX_RECENT_FILES);
    }

    /// Drops recent files that no longer exist; returns them.
    pub fn drop_missing_recent(&mut self) -> Vec<PathBuf> {
        let (kept, gone): (Vec<PathBuf>, Vec<PathBuf>) =
            self.recent_files.drain(..).partition(|p| p.exists());
        self.recent_files = kept;
        gone
    }

    /// Records where the reader is in an article.
    pub fn remember_position(&mut self, position: ReadingPosition) {
        if !storable(&position.path) {
            return;
        }
        self.reading_positions.retain(|p| p.path != position.path);
        self.reading_positions.insert(0, position);
        self.reading_positions.truncate(MAX_READING_POSITIONS);
    }

    /// Where the reader left `path`, if known.
    pub fn position_of(&self, path: &Path) -> Option<&ReadingPosition> {
        self.reading_positions.iter().find(|p| p.path == path)
    }
}

fn clamp_font_size(size_pt: f32) -> f32 {
    if size_pt.is_finite() {
        size_pt.clamp(*FONT_SIZE_RANGE_PT.start(), *FONT_SIZE_RANGE_PT.end())
    } else {
        DEFAULT_FONT_SIZE_PT
    }
}

/// Whether `path` can be kept in the settings file: serde cannot write a path that is not
/// valid Unicode, and one such path would stop every setting from being saved.
pub fn storable(path: &Path) -> bool {
    path.to_str().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn paths_that_are_not_unicode_are_not_remembered_so_settings_still_save() {
        use std::os::unix::ffi::OsStrExt as _;
        let mut settings = Settings::default();
        // A Windows-1256 file name: «خبر» as bytes that are not UTF-8.
        let odd = Path::new(std::ffi::OsStr::from_bytes(b"/tmp/\xce\xc8\xd1.txt"));
        assert!(serde_json::to_string(&PathBuf::from(odd)).is_err());
        settings.remember_recent(odd);
        settings.remember_position(ReadingPosition {
            path: odd.to_owned(),
            first_visible: 3,
            selected: None,
        });
        settings.remember_recent(Path::new("/tmp/خبر.txt"));
        assert_eq!(settings.recent_files, [PathBuf::from("/tmp/خبر.txt")]);
        assert!(settings.reading_positions.is_empty());
        assert!(serde_json::to_string(&settings).is_ok());
    }

    #[test]
    fn font_size_steps_stay_in_range_and_garbage_is_repaired() {
        let mut settings = Settings::default();
        for _ in 0..100 {
            settings.step_font_size(2.0);
        }
        assert!((settings.font_size_pt - *FONT_SIZE_RANGE_PT.end()).abs() < f32::EPSILON);
        settings.font_size_pt = f32::NAN;
        assert!(
            (settings.text_style(Language::Arabic).font_size_pt - DEFAULT_FONT_SIZE_PT).abs()
                < f32::EPSILON
        );
    }

    #[test]
    fn recent_files_are_newest_first_unique_and_capped() {
        let mut settings = Settings::default();
        for i in 0..15 {
            settings.remember_recent(Path::new(&format!("/a/{i}.txt")));
        }
        settings.remember_recent(Path::new("/a/7.txt"));
        assert_eq!(settings.recent_files.len(), MAX_RECENT_FILES);
        assert_eq!(settings.recent_files[0], Path::new("/a/7.txt"));
        assert_eq!(settings.recent_files[1], Path::new("/a/14.txt"));
        assert_eq!(
            settings
                .recent_files
                .iter()
                .filter(|p| p.ends_with("7.txt"))
                .count(),
            1
        );
    }

    #[test]
    fn each_language_keeps_its_own_face_and_urdu_defaults_to_nastaliq() {
        let mut settings = Settings::default();
        assert_eq!(
            settings.text_style(Language::Urdu).face,
            ReadingFace::NotoNastaliqUrdu
        );
        assert_eq!(
            settings.text_style(Language::Arabic).face,
            ReadingFace::NotoNaskh
        );
        settings.set_face(Language::Persian, ReadingFace::Vazirmatn);
        settings.set_face(Language::Urdu, ReadingFace::NotoNaskh);
        assert_eq!(settings.face_for(Language::Persian), ReadingFace::Vazirmatn);
        assert_eq!(settings.face_for(Language::Urdu), ReadingFace::NotoNaskh);
        assert_eq!(settings.face_for(Language::Arabic), ReadingFace::NotoNaskh);
        // A face not offered for a language (edited settings) falls back to its default.
        settings.set_face(Language::Arabic, ReadingFace::NotoNastaliqUrdu);
        assert_eq!(settings.face_for(Language::Arabic), ReadingFace::NotoNaskh);
    }

    #[test]
    fn missing_fields_take_defaults() {
        let settings: Settings = serde_json::from_str(r#"{"theme":"Dark"}"#).unwrap();
        assert_eq!(settings.urdu_face, ReadingFace::NotoNastaliqUrdu);
        assert_eq!(settings.theme, Theme::Dark);
        assert!((settings.font_size_pt - DEFAULT_FONT_SIZE_PT).abs() < f32::EPSILON);
    }
}
