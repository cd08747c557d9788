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
    /// The menu item's text.
    pub label: &'static str,
    pub menu: Menu,
    /// What it does, for the Keyboard Shortcuts window.
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
        "Open…",
        M::File,
        "Open an article",
        &[key(CTRL, Key::O)],
        Global,
    ),
    row(
        C::OpenFolder,
        "Open Folder…",
        M::File,
        "Open a folder of articles",
        &[],
        Global,
    ),
    row(
        C::OpenSample,
        "Open Sample Article",
        M::File,
        "Open the bundled sample article",
        &[],
        Global,
    ),
    row(
        C::ImportBundle,
        "Import Bundle…",
        M::File,
        "Split Nexis or Factiva exports into a folder of articles and open it",
        &[],
        Global,
    ),
    row(
        C::SaveAnnotations,
        "Save Annotations",
        M::File,
        "Save annotations now (they also save by themselves)",
        &[key(CTRL, Key::S)],
        Global,
    ),
    row(
        C::SaveAnnotationsAs,
        "Save Annotations As…",
        M::File,
        "Save the annotations to another file and keep saving there",
        &[],
        Global,
    ),
    row(
        C::AnnotatorName,
        "Annotator Name…",
        M::File,
        "Set the name recorded with new annotations",
        &[],
        Global,
    ),
    row(
        C::Quit,
        "Quit",
        M::File,
        "Quit",
        &[key(CTRL, Key::Q)],
        Global,
    ),
    row(
        C::LabelScheme,
        "Label Scheme…",
        M::Edit,
        "Edit the labels and their keys",
        &[],
        Global,
    ),
    row(
        C::Undo,
        "Undo",
        M::Edit,
        "Undo",
        &[key(CTRL, Key::Z)],
        Global,
    ),
    row(
        C::Redo,
        "Redo",
        M::Edit,
        "Redo",
        &[key(CTRL_SHIFT, Key::Z), key(CTRL, Key::Y)],
        Global,
    ),
    row(
        C::NextArticle,
        "Next Article",
        M::Corpus,
        "Next article of the open folder",
        &[key(CTRL, Key::PageDown)],
        Global,
    ),
    row(
        C::PreviousArticle,
        "Previous Article",
        M::Corpus,
        "Previous article of the open folder",
        &[key(CTRL, Key::PageUp)],
        Global,
    ),
    row(
        C::RefreshFolder,
        "Refresh Folder",
        M::Corpus,
        "List the folder's articles again",
        &[],
        Global,
    ),
    row(
        C::CloseFolder,
        "Close Folder",
        M::Corpus,
        "Close the open folder",
        &[],
        Global,
    ),
    row(
        C::CompareAnnotators,
        "Compare Annotators…",
        M::Corpus,
        "Compare the annotators of the open article and adjudicate",
        &[],
        Global,
    ),
    row(
        C::Agreement,
        "Agreement…",
        M::Corpus,
        "Agreement over the open folder",
        &[],
        Global,
    ),
    row(
        C::Find,
        "Find…",
        M::Edit,
        "Find (ignores vowel marks and alef forms); Enter / Shift+Enter: next / previous",
        &[key(CTRL, Key::F)],
        Global,
    ),
    row(
        C::ZoomIn,
        "Larger Text",
        M::View,
        "Larger text",
        &[key(CTRL, Key::Equals), key(CTRL, Key::Plus)],
        Global,
    ),
    row(
        C::ZoomOut,
        "Smaller Text",
        M::View,
        "Smaller text",
        &[key(CTRL, Key::Minus)],
        Global,
    ),
    row(
        C::ZoomReset,
        "Actual Size",
        M::View,
        "Actual text size",
        &[key(CTRL, Key::Num0)],
        Global,
    ),
    row(
        C::ToggleAnnotationPanel,
        "Annotation Panel",
        M::View,
        "Show or hide the annotation panel",
        &[],
        Global,
    ),
    row(
        C::KeyboardShortcuts,
        "Keyboard Shortcuts",
        M::Help,
        "Show this list",
        &[key(NONE, Key::F1), Trigger::Text("?")],
        Reader,
    ),
    row(
        C::SelectNext,
        "Next Paragraph",
        M::None,
        "Select the next paragraph",
        &[key(NONE, Key::J), key(NONE, Key::ArrowDown)],
        Reader,
    ),
    row(
        C::SelectPrevious,
        "Previous Paragraph",
        M::None,
        "Select the previous paragraph",
        &[key(NONE, Key::K), key(NONE, Key::ArrowUp)],
        Reader,
    ),
    row(
        C::PageDown,
        "Page Down",
        M::None,
        "Scroll down a screen",
        &[key(NONE, Key::PageDown), key(NONE, Key::Space)],
        Reader,
    ),
    row(
        C::PageUp,
        "Page Up",
        M::None,
        "Scroll up a screen",
        &[key(NONE, Key::PageUp), key(SHIFT, Key::Space)],
        Reader,
    ),
    row(
        C::GoToStart,
        "Start",
        M::None,
        "Go to the start",
        &[key(NONE, Key::Home)],
        Reader,
    ),
    row(
        C::GoToEnd,
        "End",
        M::None,
        "Go to the end",
        &[key(NONE, Key::End)],
        Reader,
    ),
    CommandInfo {
        keys_text: Some("1 – 9"),
        ..row(
            C::ToggleLabel,
            "Toggle Label",
            M::None,
            "Toggle the label with that number on the selected paragraph or passage",
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
        "Write Note",
        M::None,
        "Write the selected paragraph's note (Esc leaves it)",
        &[key(NONE, Key::N), key(NONE, Key::Enter)],
        Reader,
    ),
    row(
        C::NextColor,
        "Next Highlight Colour",
        M::None,
        "Next highlight colour for the selected paragraph",
        &[key(NONE, Key::C)],
        Reader,
    ),
    row(
        C::ClearColor,
        "Remove Highlight Colour",
        M::None,
        "Remove the highlight colour",
        &[key(SHIFT, Key::C)],
        Reader,
    ),
    row(
        C::DeleteAnnotation,
        "Delete Annotation",
        M::None,
        "Delete the selected paragraph's or passage's annotation (a passage takes its relations with it)",
        &[key(NONE, Key::Delete)],
        Reader,
    ),
    row(
        C::SelectWordLeft,
        "Select Word to the Left",
        M::None,
        "Select the word to the left of the passage (the next one in Arabic)",
        &[key(NONE, Key::ArrowLeft)],
        Reader,
    ),
    row(
        C::SelectWordRight,
        "Select Word to the Right",
        M::None,
        "Select the word to the right of the passage (the previous one in Arabic)",
        &[key(NONE, Key::ArrowRight)],
        Reader,
    ),
    row(
        C::ExtendSelectionLeft,
        "Extend Selection Left",
        M::None,
        "Extend or shrink the passage by a word towards the left",
        &[key(SHIFT, Key::ArrowLeft)],
        Reader,
    ),
    row(
        C::ExtendSelectionRight,
        "Extend Selection Right",
        M::None,
        "Extend or shrink the passage by a word towards the right",
        &[key(SHIFT, Key::ArrowRight)],
        Reader,
    ),
    row(
        C::NextSpan,
        "Next Span",
        M::None,
        "Select the next annotated passage (outer before inner)",
        &[key(NONE, Key::CloseBracket)],
        Reader,
    ),
    row(
        C::PreviousSpan,
        "Previous Span",
        M::None,
        "Select the previous annotated passage",
        &[key(NONE, Key::OpenBracket)],
        Reader,
    ),
    row(
        C::MarkRelationSource,
        "Start Relation",
        M::None,
        "Mark the selected passage as a relation's source; select the target passage, then press the relation type's key",
        &[key(NONE, Key::M)],
        Reader,
    ),
    row(
        C::ToggleProclitic,
        "Detach Proclitic",
        M::None,
        "Start the selected passage after its proclitic (bi-Paris: Paris), or at the word's start again",
        &[key(NONE, Key::P)],
        Reader,
    ),
    row(
        C::ClearSelection,
        "Clear Selection",
        M::None,
        "Clear the passage selection and the relation mark",
        &[key(NONE, Key::Escape)],
        Reader,
    ),
    row(
        C::ImportEntities,
        "Import Entities…",
        M::File,
        "Import entities and relations (brat .ann, CoNLL) into the open article",
        &[],
        Global,
    ),
    row(
        C::TakeOtherValue,
        "Take Other Value",
        M::Edit,
        "Take the other value of the selected annotation's merge conflict",
        &[key(NONE, Key::T)],
        Reader,
    ),
    row(
        C::KeepCurrentValue,
        "Keep Current Value",
        M::Edit,
        "Keep the current value and dismiss the merge conflict",
        &[key(SHIFT, Key::T)],
        Reader,
    ),
    row(
        C::NextDisagreement,
        "Next Span Disagreement",
        M::Corpus,
        "Compare Annotators: go to the next span where the annotators disagree",
        &[key(ALT, Key::N)],
        Reader,
    ),
    row(
        C::PreviousDisagreement,
        "Previous Span Disagreement",
        M::Corpus,
        "Compare Annotators: go to the previous span disagreement",
        &[key(ALT, Key::P)],
        Reader,
    ),
    row(
        C::TakeAnnotator1,
        "Take Annotator 1",
        M::Corpus,
        "Compare Annotators: take the first annotator's version of the current spans",
        &[key(ALT, Key::Num1)],
        Reader,
    ),
    row(
        C::TakeAnnotator2,
        "Take Annotator 2",
        M::Corpus,
        "Compare Annotators: take the second annotator's version of the current spans",
        &[key(ALT, Key::Num2)],
        Reader,
    ),
    row(
        C::TakeAnnotator3,
        "Take Annotator 3",
        M::Corpus,
        "Compare Annotators: take the third annotator's version of the current spans",
        &[key(ALT, Key::Num3)],
        Reader,
    ),
];

/// Rows of the Keyboard Shortcuts window that are not commands of their own.
pub const OTHER_HELP: [(&str, &str); 2] = [
    ("Ctrl+C", "Copy the selected passage"),
    ("Drag and drop", "Open the dropped article"),
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
pub fn help_rows() -> Vec<(String, &'static str)> {
    COMMANDS
        .iter()
        .filter(|i| !i.keys.is_empty())
        .map(|i| (i.keys_text(), i.help))
        .chain(OTHER_HELP.iter().map(|(k, h)| ((*k).to_owned(), *h)))
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
    /// A menu or popup is open: plain Esc closes it.
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
        .filter(|(_, t)| !(focus.popup && *t == &key(NONE, Key::Escape)))
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
}
