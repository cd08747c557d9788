//! Every user action as a [`Command`], and one table ([`COMMANDS`]) that gives each action
//! with a fixed place in the interface its keys, its menu label and its help line. Key
//! handling ([`commands_from_keys`]), the shortcut text in menus ([`CommandInfo::shortcut_text`])
//! and the Keyboard Shortcuts window ([`help_rows`]) are all made from that table, so they
//! cannot disagree. Widgets and menus only push commands; the app applies them in one place,
//! once per frame.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::export::ExportFormat;
use crate::session::annotations::Edit;
use crate::text::ReadingFace;

use super::settings::Theme;

/// An action with an entry in [`COMMANDS`]: a menu item, a key, or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UiCommand {
    Open,
    OpenFolder,
    OpenSample,
    ImportBundle,
    SaveAnnotations,
    SaveAnnotationsAs,
    AnnotatorName,
    Quit,
    LabelScheme,
    Undo,
    Redo,
    NextArticle,
    PreviousArticle,
    RefreshFolder,
    CloseFolder,
    CompareAnnotators,
    Agreement,
    Find,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    ToggleAnnotationPanel,
    KeyboardShortcuts,
    SelectNext,
    SelectPrevious,
    PageDown,
    PageUp,
    GoToStart,
    GoToEnd,
    /// Toggles the label whose shortcut is the digit pressed (1–9).
    ToggleLabel,
    EditNote,
    NextColor,
    ClearColor,
    DeleteAnnotation,
    SelectWordLeft,
    SelectWordRight,
    ExtendSelectionLeft,
    ExtendSelectionRight,
    NextSpan,
    PreviousSpan,
    MarkRelationSource,
    ToggleProclitic,
    ClearSelection,
    ImportEntities,
    /// Takes the other value of the selected annotation's kept merge conflict.
    TakeOtherValue,
    /// Keeps the current value and dismisses the conflict.
    KeepCurrentValue,
    NextDisagreement,
    PreviousDisagreement,
    TakeAnnotator1,
    TakeAnnotator2,
    TakeAnnotator3,
}

/// Everything the user can ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// An action of the table.
    Ui(UiCommand),
    /// Toggle the label with this shortcut character on the current target.
    ToggleLabelKey(char),
    /// Open a file or folder (drop, recent files, a list).
    OpenPath(PathBuf),
    /// Open the article of a corpus search hit at the hit (with the query searched).
    OpenHit(crate::corpus::CorpusHit, String),
    /// Open a recent file, or drop it from the list when it is gone.
    OpenRecent(PathBuf),
    ClearRecentFiles,
    /// Ask where, then export the open article's annotations.
    Export(ExportFormat),
    /// Reopen the article decoded with this encoding (`None`: detect).
    ReopenWithEncoding(Option<&'static encoding_rs::Encoding>),
    SetTeamMode(bool),
    SetTheme(Theme),
    SetFace(crate::arabic::Language, ReadingFace),
    SetLineSpacing(f32),
    SetBuiltinDialogs(bool),
    /// View ▸ Language: the interface language.
    SetInterfaceLanguage(crate::i18n::UiLanguage),
    /// View ▸ Language: the digits of interface numbers (`None`: the language's).
    SetDigits(Option<crate::i18n::Digits>),
    /// An edit of the open article's annotations.
    Annotate(Edit),
    /// Select an annotation's paragraph or passage (a click in the list).
    SelectAnnotation(uuid::Uuid),
    /// Move a damaged sidecar aside and start with no annotations.
    StartAfresh,
    DismissMessage,
    /// Stop the running bundle import after the article being written (Cancel, Esc).
    CancelImport,
    /// The answer to the offer to become the default application.
    AnswerDefaultOffer(super::default_offer::Answer),
    /// Scroll the reader to show a paragraph (a search hit).
    Reveal(usize),
    /// The annotator's name, as typed.
    SetAuthor(String),
    /// Make the scheme editor's draft the article's scheme.
    ApplyScheme,
    /// Decide paragraphs in the Compare window.
    Adjudicate(super::compare::Adjudication),
    /// Decide spans in the Compare window.
    AdjudicateSpan(super::span_tab::SpanAdjudication),
    /// Measure agreement over the folder again, at this level.
    MeasureAgreement(AgreementLevel),
    /// Stop the span measurement running in the Agreement window.
    CancelAgreement,
    /// Close one of the app's windows.
    CloseWindow(Window),
    /// Ask where, then export the open article's entities in an NLP format.
    ExportEntities(crate::export::entities::EntityFormat),
    /// Import entities (and relations) from a file into the open article's annotations.
    ImportEntitiesFrom(PathBuf, crate::import::ImportFormat),
    /// Select a passage annotation (a click on a span or in the panel).
    SelectSpan(uuid::Uuid),
    /// Make the selected passage the start of a relation (`None`: clear the mark).
    SetRelationSource(Option<uuid::Uuid>),
    /// Add (or remove) a span with this label on the selected passage.
    ToggleSpanLabel(String),
}

/// The app's windows, besides the main one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Window {
    Find,
    Compare,
    Agreement,
    SchemeEditor,
    AnnotatorName,
    KeyboardShortcuts,
}

/// What the Agreement window measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgreementLevel {
    /// Paragraph labels (κ, α).
    Paragraphs,
    /// Spans (F1, γ, αU), with γ's sampling.
    Spans {
        /// Seed of the sampled continua.
        seed: u64,
        /// Sampled continua per γ.
        samples: usize,
    },
}

impl From<UiCommand> for Command {
    fn from(command: UiCommand) -> Self {
        Self::Ui(command)
    }
}

/// When a command's keys act.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Always, even while a text field has the keyboard (they carry Ctrl).
    Global,
    /// Only while no text field has the keyboard (plain letters and keys).
    Reader,
}

/// A key that triggers a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    Key(KeyboardShortcut),
    /// A typed character (such as `?`, whose key differs between keyboard layouts).
    Text(&'static str),
}

/// The menu a command appears in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    File,
    Edit,
    Corpus,
    View,
    Help,
    /// Keys only.
    None,
}

/// One row of the table.
#[derive(Clone, Copy, Debug)]
pub struct CommandInfo {
    pub command: UiCommand,
    /// The Fluent id of the menu item's text.
    pub label: &'static str,
    pub menu: Menu,
    /// The Fluent id of what it does, for the Keyboard Shortcuts window.
    pub help: &'static str,
    /// Its keys; the first is the one menus show.
    pub keys: &'static [Trigger],
    pub scope: Scope,
    /// The keys as the Keyboard Shortcuts window writes them, where a list would be long.
    pub keys_text: Option<&'static str>,
}

const fn key(modifiers: Modifiers, key: Key) -> Trigger {
    Trigger::Key(KeyboardShortcut::new(modifiers, key))
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const NONE: Modifiers = Modifiers::NONE;
const SHIFT: Modifiers = Modifiers::SHIFT;
const ALT: Modifiers = Modifiers::ALT;

/// Digit keys and the label shortcut characters they stand for.
pub const DIGIT_KEYS: [(Key, char); 9] = [
    (Key::Num1, '1'),
    (Key::Num2, '2'),
    (Key::Num3, '3'),
    (Key::Num4, '4'),
    (Key::Num5, '5'),
    (Key::Num6, '6'),
    (Key::Num7, '7'),
    (Key::Num8, '8'),
    (Key::Num9, '9'),
];

const fn row(
    command: UiCommand,
    label: &'static str,
    menu: Menu,
    help: &'static str,
    keys: &'static [Trigger],
    scope: Scope,
) -> CommandInfo {
    CommandInfo {
        command,
        label,
        menu,
        help,
        keys,
        scope,
        keys_text: None,
    }
}

use Menu as M;
use Scope::{Global, Reader};
use UiCommand as C;

/// Every action with a fixed place: its keys, menu label and help line.
pub const COMMANDS: &[CommandInfo] = &[
    row(
        C::Open,
        "command-open",
        M::File,
        "command-open-help",
        &[key(CTRL, Key::O)],
        Global,
    ),
    row(
        C::OpenFolder,
        "command-open-folder",
        M::File,
        "command-open-folder-help",
        &[],
        Global,
    ),
    row(
        C::OpenSample,
        "command-open-sample",
        M::File,
        "command-open-sample-help",
        &[],
        Global,
    ),
    row(
        C::ImportBundle,
        "command-import-bundle",
        M::File,
        "command-import-bundle-help",
        &[],
        Global,
    ),
    row(
        C::SaveAnnotations,
        "command-save-annotations",
        M::File,
        "command-save-annotations-help",
        &[key(CTRL, Key::S)],
        Global,
    ),
    row(
        C::SaveAnnotationsAs,
        "command-save-annotations-as",
        M::File,
        "command-save-annotations-as-help",
        &[],
        Global,
    ),
    row(
        C::AnnotatorName,
        "command-annotator-name",
        M::File,
        "command-annotator-name-help",
        &[],
        Global,
    ),
    row(
        C::Quit,
        "command-quit",
        M::File,
        "command-quit-help",
        &[key(CTRL, Key::Q)],
        Global,
    ),
    row(
        C::LabelScheme,
        "command-label-scheme",
        M::Edit,
        "command-label-scheme-help",
        &[],
        Global,
    ),
    row(
        C::Undo,
        "command-undo",
        M::Edit,
        "command-undo-help",
        &[key(CTRL, Key::Z)],
        Global,
    ),
    row(
        C::Redo,
        "command-redo",
        M::Edit,
        "command-redo-help",
        &[key(CTRL_SHIFT, Key::Z), key(CTRL, Key::Y)],
        Global,
    ),
    row(
        C::NextArticle,
        "command-next-article",
        M::Corpus,
        "command-next-article-help",
        &[key(CTRL, Key::PageDown)],
        Global,
    ),
    row(
        C::PreviousArticle,
        "command-previous-article",
        M::Corpus,
        "command-previous-article-help",
        &[key(CTRL, Key::PageUp)],
        Global,
    ),
    row(
        C::RefreshFolder,
        "command-refresh-folder",
        M::Corpus,
        "command-refresh-folder-help",
        &[],
        Global,
    ),
    row(
        C::CloseFolder,
        "command-close-folder",
        M::Corpus,
        "command-close-folder-help",
        &[],
        Global,
    ),
    row(
        C::CompareAnnotators,
        "command-compare-annotators",
        M::Corpus,
        "command-compare-annotators-help",
        &[],
        Global,
    ),
    row(
        C::Agreement,
        "command-agreement",
        M::Corpus,
        "command-agreement-help",
        &[],
        Global,
    ),
    row(
        C::Find,
        "command-find",
        M::Edit,
        "command-find-help",
        &[key(CTRL, Key::F)],
        Global,
    ),
    row(
        C::ZoomIn,
        "command-zoom-in",
        M::View,
        "command-zoom-in-help",
        &[key(CTRL, Key::Equals), key(CTRL, Key::Plus)],
        Global,
    ),
    row(
        C::ZoomOut,
        "command-zoom-out",
        M::View,
        "command-zoom-out-help",
        &[key(CTRL, Key::Minus)],
        Global,
    ),
    row(
        C::ZoomReset,
        "command-zoom-reset",
        M::View,
        "command-zoom-reset-help",
        &[key(CTRL, Key::Num0)],
        Global,
    ),
    row(
        C::ToggleAnnotationPanel,
        "command-toggle-annotation-panel",
        M::View,
        "command-toggle-annotation-panel-help",
        &[],
        Global,
    ),
    row(
        C::KeyboardShortcuts,
        "command-keyboard-shortcuts",
        M::Help,
        "command-keyboard-shortcuts-help",
        &[key(NONE, Key::F1), Trigger::Text("?")],
        Reader,
    ),
    row(
        C::SelectNext,
        "command-select-next",
        M::None,
        "command-select-next-help",
        &[key(NONE, Key::J), key(NONE, Key::ArrowDown)],
        Reader,
    ),
    row(
        C::SelectPrevious,
        "command-select-previous",
        M::None,
        "command-select-previous-help",
        &[key(NONE, Key::K), key(NONE, Key::ArrowUp)],
        Reader,
    ),
    row(
        C::PageDown,
        "command-page-down",
        M::None,
        "command-page-down-help",
        &[key(NONE, Key::PageDown), key(NONE, Key::Space)],
        Reader,
    ),
    row(
        C::PageUp,
        "command-page-up",
        M::None,
        "command-page-up-help",
        &[key(NONE, Key::PageUp), key(SHIFT, Key::Space)],
        Reader,
    ),
    row(
        C::GoToStart,
        "command-go-to-start",
        M::None,
        "command-go-to-start-help",
        &[key(NONE, Key::Home)],
        Reader,
    ),
    row(
        C::GoToEnd,
        "command-go-to-end",
        M::None,
        "command-go-to-end-help",
        &[key(NONE, Key::End)],
        Reader,
    ),
    CommandInfo {
        keys_text: Some("1 – 9"),
        ..row(
            C::ToggleLabel,
            "command-toggle-label",
            M::None,
            "command-toggle-label-help",
            &[
                key(NONE, Key::Num1),
                key(NONE, Key::Num2),
                key(NONE, Key::Num3),
                key(NONE, Key::Num4),
                key(NONE, Key::Num5),
                key(NONE, Key::Num6),
                key(NONE, Key::Num7),
                key(NONE, Key::Num8),
                key(NONE, Key::Num9),
            ],
            Reader,
        )
    },
    row(
        C::EditNote,
        "command-edit-note",
        M::None,
        "command-edit-note-help",
        &[key(NONE, Key::N), key(NONE, Key::Enter)],
        Reader,
    ),
    row(
        C::NextColor,
        "command-next-color",
        M::None,
        "command-next-color-help",
        &[key(NONE, Key::C)],
        Reader,
    ),
    row(
        C::ClearColor,
        "command-clear-color",
        M::None,
        "command-clear-color-help",
        &[key(SHIFT, Key::C)],
        Reader,
    ),
    row(
        C::DeleteAnnotation,
        "command-delete-annotation",
        M::None,
        "command-delete-annotation-help",
        &[key(NONE, Key::Delete)],
        Reader,
    ),
    row(
        C::SelectWordLeft,
        "command-select-word-left",
        M::None,
        "command-select-word-left-help",
        &[key(NONE, Key::ArrowLeft)],
        Reader,
    ),
    row(
        C::SelectWordRight,
        "command-select-word-right",
        M::None,
        "command-select-word-right-help",
        &[key(NONE, Key::ArrowRight)],
        Reader,
    ),
    row(
        C::ExtendSelectionLeft,
        "command-extend-selection-left",
        M::None,
        "command-extend-selection-left-help",
        &[key(SHIFT, Key::ArrowLeft)],
        Reader,
    ),
    row(
        C::ExtendSelectionRight,
        "command-extend-selection-right",
        M::None,
        "command-extend-selection-right-help",
        &[key(SHIFT, Key::ArrowRight)],
        Reader,
    ),
    row(
        C::NextSpan,
        "command-next-span",
        M::None,
        "command-next-span-help",
        &[key(NONE, Key::CloseBracket)],
        Reader,
    ),
    row(
        C::PreviousSpan,
        "command-previous-span",
        M::None,
        "command-previous-span-help",
        &[key(NONE, Key::OpenBracket)],
        Reader,
    ),
    row(
        C::MarkRelationSource,
        "command-mark-relation-source",
        M::None,
        "command-mark-relation-source-help",
        &[key(NONE, Key::M)],
        Reader,
    ),
    row(
        C::ToggleProclitic,
        "command-toggle-proclitic",
        M::None,
        "command-toggle-proclitic-help",
        &[key(NONE, Key::P)],
        Reader,
    ),
    row(
        C::ClearSelection,
        "command-clear-selection",
        M::None,
        "command-clear-selection-help",
        &[key(NONE, Key::Escape)],
        Reader,
    ),
    row(
        C::ImportEntities,
        "command-import-entities",
        M::File,
        "command-import-entities-help",
        &[],
        Global,
    ),
    row(
        C::TakeOtherValue,
        "command-take-other-value",
        M::Edit,
        "command-take-other-value-help",
        &[key(NONE, Key::T)],
        Reader,
    ),
    row(
        C::KeepCurrentValue,
        "command-keep-current-value",
        M::Edit,
        "command-keep-current-value-help",
        &[key(SHIFT, Key::T)],
        Reader,
    ),
    row(
        C::NextDisagreement,
        "command-next-disagreement",
        M::Corpus,
        "command-next-disagreement-help",
        &[key(ALT, Key::N)],
        Reader,
    ),
    row(
        C::PreviousDisagreement,
        "command-previous-disagreement",
        M::Corpus,
        "command-previous-disagreement-help",
        &[key(ALT, Key::P)],
        Reader,
    ),
    row(
        C::TakeAnnotator1,
        "command-take-annotator-1",
        M::Corpus,
        "command-take-annotator-1-help",
        &[key(ALT, Key::Num1)],
        Reader,
    ),
    row(
        C::TakeAnnotator2,
        "command-take-annotator-2",
        M::Corpus,
        "command-take-annotator-2-help",
        &[key(ALT, Key::Num2)],
        Reader,
    ),
    row(
        C::TakeAnnotator3,
        "command-take-annotator-3",
        M::Corpus,
        "command-take-annotator-3-help",
        &[key(ALT, Key::Num3)],
        Reader,
    ),
];

/// Rows of the Keyboard Shortcuts window that are not commands of their own.
pub const OTHER_HELP: [(Option<&str>, &str); 2] = [
    (Some("Ctrl+C"), "help-copy-passage"),
    (None, "help-drop-article"),
];

/// The table's row for `command`.
pub fn info(command: UiCommand) -> &'static CommandInfo {
    COMMANDS
        .iter()
        .find(|i| i.command == command)
        .unwrap_or(&COMMANDS[0])
}

/// How a trigger is written, e.g. "Ctrl+Shift+Z", "Page Down", or "n" for a plain letter
/// key (a capital would suggest Shift).
pub fn trigger_text(trigger: &Trigger) -> String {
    let shortcut = match trigger {
        Trigger::Key(shortcut) => shortcut,
        Trigger::Text(text) => return (*text).to_owned(),
    };
    let modifiers = shortcut.modifiers;
    let mut text = String::new();
    for (on, name) in [
        (modifiers.command || modifiers.ctrl, "Ctrl+"),
        (modifiers.shift, "Shift+"),
        (modifiers.alt, "Alt+"),
    ] {
        if on {
            text.push_str(name);
        }
    }
    let key = shortcut.logical_key;
    match key {
        Key::PageDown => text.push_str("Page Down"),
        Key::PageUp => text.push_str("Page Up"),
        Key::Minus => text.push('-'),
        Key::Plus => text.push('+'),
        Key::Equals => text.push('='),
        _ if text.is_empty() && key.name().len() == 1 => {
            text.push_str(&key.name().to_lowercase());
        }
        _ => text.push_str(key.name()),
    }
    text
}

impl CommandInfo {
    /// The menu item's text in the interface language.
    pub fn label_text(&self) -> String {
        crate::i18n::message(self.label, None)
    }

    /// What it does, in the interface language.
    pub fn help_text(&self) -> String {
        crate::i18n::message(self.help, None)
    }

    /// The key shown beside the menu item (the first of its keys).
    pub fn shortcut_text(&self) -> Option<String> {
        self.keys.first().map(trigger_text)
    }

    /// All its keys, as the Keyboard Shortcuts window lists them.
    pub fn keys_text(&self) -> String {
        match self.keys_text {
            Some(text) => text.to_owned(),
            None => self
                .keys
                .iter()
                .map(trigger_text)
                .collect::<Vec<_>>()
                .join(" / "),
        }
    }
}

/// The Keyboard Shortcuts window's rows: (keys, what they do).
pub fn help_rows() -> Vec<(String, String)> {
    COMMANDS
        .iter()
        .filter(|i| !i.keys.is_empty())
        .map(|i| (i.keys_text(), i.help_text()))
        .chain(OTHER_HELP.iter().map(|(k, h)| {
            let keys = k.map_or_else(|| crate::tr!("help-drag-and-drop"), str::to_owned);
            (keys, crate::i18n::message(h, None))
        }))
        .collect()
}

/// The command a trigger of `info` stands for.
fn command_for(info: &CommandInfo, trigger: &Trigger) -> Command {
    match (info.command, trigger) {
        (UiCommand::ToggleLabel, Trigger::Key(shortcut)) => DIGIT_KEYS
            .iter()
            .find(|(k, _)| *k == shortcut.logical_key)
            .map_or(Command::Ui(UiCommand::ToggleLabel), |(_, c)| {
                Command::ToggleLabelKey(*c)
            }),
        (command, _) => Command::Ui(command),
    }
}

/// What the keyboard state allows this frame.
#[derive(Clone, Copy, Debug, Default)]
pub struct KeyFocus {
    /// A text field has the keyboard: only [`Scope::Global`] keys act.
    pub text: bool,
    /// A button or chip has the keyboard: plain Space and Enter are its own.
    pub widget: bool,
    /// A menu or popup is open: plain Esc closes it, and the plain arrow keys move in it.
    pub popup: bool,
}

/// Takes this frame's key presses that trigger commands out of `input`, and returns the
/// commands. Keys with more modifiers are matched first, since egui lets a shortcut match
/// with extra Shift held (Ctrl+Z would otherwise also take Ctrl+Shift+Z).
pub fn commands_from_keys(input: &mut egui::InputState, focus: KeyFocus) -> Vec<Command> {
    let mut triggers: Vec<(&CommandInfo, &Trigger)> = COMMANDS
        .iter()
        .filter(|i| i.scope == Scope::Global || !focus.text)
        .flat_map(|i| i.keys.iter().map(move |t| (i, t)))
        .filter(|(_, t)| !(focus.widget && widget_owns(t)))
        .filter(|(_, t)| !(focus.popup && popup_owns(t)))
        .collect();
    let modifier_count = |t: &Trigger| match t {
        Trigger::Key(s) => {
            usize::from(s.modifiers.shift)
                + usize::from(s.modifiers.command || s.modifiers.ctrl)
                + usize::from(s.modifiers.alt)
        }
        Trigger::Text(_) => 0,
    };
    triggers.sort_by_key(|(_, t)| std::cmp::Reverse(modifier_count(t)));
    let mut commands = Vec::new();
    for (info, trigger) in triggers {
        let fired = match trigger {
            Trigger::Key(shortcut) => {
                input.count_and_consume_key(shortcut.modifiers, shortcut.logical_key)
            }
            Trigger::Text(text) => {
                let before = input.events.len();
                input
                    .events
                    .retain(|e| !matches!(e, egui::Event::Text(t) if t == text));
                before - input.events.len()
            }
        };
        for _ in 0..fired {
            commands.push(command_for(info, trigger));
        }
    }
    commands
}

/// Plain Space and Enter press a focused button or chip.
fn widget_owns(trigger: &Trigger) -> bool {
    matches!(trigger, Trigger::Key(s) if s.modifiers.is_none() && matches!(s.logical_key, Key::Space | Key::Enter))
}

/// Whether an open menu or popup takes `trigger`: plain Esc and the plain arrow keys.
fn popup_owns(trigger: &Trigger) -> bool {
    matches!(trigger, Trigger::Key(s) if s.modifiers.is_none()
    && matches!(
        s.logical_key,
        Key::Escape | Key::ArrowLeft | Key::ArrowRight | Key::ArrowUp | Key::ArrowDown
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_key() {
        let mut seen = Vec::new();
        for info in COMMANDS {
            for trigger in info.keys {
                assert!(
                    !seen.contains(trigger),
                    "{trigger:?} is given to two commands"
                );
                seen.push(*trigger);
            }
        }
    }

    #[test]
    fn every_command_has_one_row() {
        for entry in COMMANDS {
            let rows = COMMANDS
                .iter()
                .filter(|i| i.command == entry.command)
                .count();
            assert_eq!(rows, 1, "{:?}", entry.command);
            assert_eq!(info(entry.command).label, entry.label);
        }
    }

    #[test]
    fn every_command_text_is_in_every_language() {
        for language in crate::i18n::UiLanguage::ALL {
            for entry in COMMANDS {
                for id in [entry.label, entry.help] {
                    assert!(
                        crate::i18n::has_message(language, id),
                        "{id} is missing from {}.ftl",
                        language.code()
                    );
                }
            }
            for (_, id) in OTHER_HELP {
                assert!(crate::i18n::has_message(language, id), "{id}");
            }
        }
    }
}
