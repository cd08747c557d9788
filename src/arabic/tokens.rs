//! Tokens of a paragraph: what a passage selection snaps to, and what the token-based export
//! formats (CoNLL, Wojood) write one per line.
//!
//! A token is a run of word characters (letters, marks, digits, tatweel, ZWNJ and ZWJ inside
//! a word), or a single punctuation or symbol character. Whitespace, control characters and
//! invisible format characters (bidi marks, ZWSP) separate tokens and belong to none. The text
//! is walked by extended grapheme clusters, so a token never cuts a letter from its marks. A
//! decimal or thousands separator between two digits (`3.5`, `1,000`, `٣٫٥`) stays inside the
//! number.
//!
//! # Detaching proclitics
//!
//! Arabic writes the conjunctions و ف, the prepositions ب ك ل and the article ال joined to
//! the next word. [`proclitic_len`] says how many leading bytes of a word are proclitics a
//! span should start after: «بباريس» → «باريس», «والرقة» → «الرقة», «وبالرقة» → «الرقة»,
//! «للرقة» → «لرقة» (ل + ال, the article's alef dropped: the span starts at the article). The
//! article itself stays in the span, as names are written with it. The rule:
//!
//! 1. The word starts with a chain of one or two single-letter proclitics: و or ف, or ب ك ل,
//!    or و/ف followed by one of ب ك ل. The longest chain that passes 2 or 3 wins.
//! 2. **Article forms** (وال فال بال كال, and لل): when the rest after the chain starts with
//!    the article ال (after و ف ب ك) or with ل (after ل, written لل), and at least two
//!    letters follow the article, the chain is detached.
//! 3. **Bare forms** («بباريس»): when the rest has at least three letters and also appears
//!    as a word of its own in the same text (the [`Lexicon`]), the chain is detached. Without
//!    that evidence a bare letter is never taken off: «فرنسا», «بريطانيا», «كندا» are names,
//!    not ف/ب/ك + a word.
//! 4. **Never** in a word of [`NEVER_DETACHED`] (whole words that only look prefixed, and
//!    their common forms: «بلد», «كتاب», «لبنان», «والد», «والدة», «بالغ», «بالون» …).
//!
//! Letters are compared with vowel marks and tatweel ignored and أ إ آ ٱ read as ا.

use std::collections::HashSet;
use std::ops::Range;

use unicode_general_category::{GeneralCategory, get_general_category};
use unicode_segmentation::UnicodeSegmentation as _;

use super::{TATWEEL, is_tashkeel};

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, digits and marks.
    Word,
    /// One punctuation mark or symbol.
    Punctuation,
}

/// One token: its bytes in the text it was cut from, and its kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text.
    pub bytes: Range<usize>,
    /// Word or punctuation.
    pub kind: TokenKind,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Separator,
    Punctuation,
    Word,
}

/// True for characters that separate tokens: whitespace (including the information
/// separators U+001C–U+001F that Python's `str.split()` splits on, so no token ever holds
/// one), control characters, and invisible format characters other than ZWNJ and ZWJ.
pub fn is_separator_char(c: char) -> bool {
    if c.is_whitespace() {
        return true;
    }
    match get_general_category(c) {
        GeneralCategory::Control
        | GeneralCategory::LineSeparator
        | GeneralCategory::ParagraphSeparator
        | GeneralCategory::SpaceSeparator => true,
        // ZWNJ and ZWJ shape the word they are in; other format characters (bidi marks,
        // ZWSP, BOM) are invisible and belong to no token.
        GeneralCategory::Format => !matches!(c, '\u{200C}' | '\u{200D}'),
        _ => false,
    }
}

fn is_punctuation_char(c: char) -> bool {
    matches!(
        get_general_category(c),
        GeneralCategory::ClosePunctuation
            | GeneralCategory::ConnectorPunctuation
            | GeneralCategory::DashPunctuation
            | GeneralCategory::FinalPunctuation
            | GeneralCategory::InitialPunctuation
            | GeneralCategory::OpenPunctuation
            | GeneralCategory::OtherPunctuation
            | GeneralCategory::CurrencySymbol
            | GeneralCategory::MathSymbol
            | GeneralCategory::ModifierSymbol
            | GeneralCategory::OtherSymbol
    )
}

fn class_of(grapheme: &str) -> Class {
    match grapheme.chars().next() {
        None => Class::Separator,
        Some(c) if is_separator_char(c) => Class::Separator,
        Some(c) if is_punctuation_char(c) => Class::Punctuation,
        Some(_) => Class::Word,
    }
}

fn is_digit_grapheme(grapheme: &str) -> bool {
    grapheme.chars().next().is_some_and(char::is_numeric)
}

fn is_number_separator(grapheme: &str) -> bool {
    matches!(grapheme, "." | "," | "\u{066B}" | "\u{066C}")
}

/// The tokens of `text`, in order.
pub fn tokens(text: &str) -> Vec<Token> {
    let graphemes: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
    let mut out: Vec<Token> = Vec::new();
    let mut word: Option<usize> = None;
    for (idx, &(byte, grapheme)) in graphemes.iter().enumerate() {
        let end = byte.saturating_add(grapheme.len());
        let mut class = class_of(grapheme);
        if class == Class::Punctuation
            && is_number_separator(grapheme)
            && word.is_some()
            && idx
                .checked_sub(1)
                .and_then(|i| graphemes.get(i))
                .is_some_and(|(_, g)| is_digit_grapheme(g))
            && graphemes
                .get(idx.saturating_add(1))
                .is_some_and(|(_, g)| is_digit_grapheme(g))
        {
            class = Class::Word;
        }
        match class {
            Class::Word => {
                if word.is_none() {
                    word = Some(byte);
                }
            }
            Class::Separator | Class::Punctuation => {
                if let Some(start) = word.take() {
                    out.push(Token {
                        bytes: start..byte,
                        kind: TokenKind::Word,
                    });
                }
                if class == Class::Punctuation {
                    out.push(Token {
                        bytes: byte..end,
                        kind: TokenKind::Punctuation,
                    });
                }
            }
        }
    }
    if let Some(start) = word {
        out.push(Token {
            bytes: start..text.len(),
            kind: TokenKind::Word,
        });
    }
    out
}

/// The indices of the tokens a byte range touches: those it overlaps, or for an empty range
/// the token it stands in.
pub fn tokens_touched(tokens: &[Token], bytes: &Range<usize>) -> Range<usize> {
    let first = tokens.partition_point(|t| t.bytes.end <= bytes.start);
    let last = if bytes.start == bytes.end {
        tokens.partition_point(|t| t.bytes.start <= bytes.start)
    } else {
        tokens.partition_point(|t| t.bytes.start < bytes.end)
    };
    first..last.max(first)
}

/// Widens `bytes` (a range of `text`) to whole tokens: from the start of the first token it
/// touches to the end of the last. `None` when it touches no token (only spaces).
pub fn snap_to_tokens(text: &str, bytes: Range<usize>) -> Option<Range<usize>> {
    let tokens = tokens(text);
    let touched = tokens_touched(&tokens, &bytes);
    let first = tokens.get(touched.start)?;
    let last = tokens.get(touched.end.checked_sub(1)?)?;
    (touched.start < touched.end).then_some(first.bytes.start..last.bytes.end)
}

/// [`snap_to_tokens`], then, with `detach` (the scheme's setting or the modifier held for
/// one selection), starting after the first word's proclitics (see the module documentation).
pub fn snap_selection(
    text: &str,
    bytes: Range<usize>,
    detach: Option<&Lexicon>,
) -> Option<Range<usize>> {
    let snapped = snap_to_tokens(text, bytes)?;
    let Some(lexicon) = detach else {
        return Some(snapped);
    };
    let first_token_end = tokens(text)
        .into_iter()
        .find(|t| t.bytes.start == snapped.start)
        .map_or(snapped.end, |t| t.bytes.end);
    let word = text.get(snapped.start..first_token_end)?;
    let skip = proclitic_len(word, lexicon);
    Some(snapped.start.checked_add(skip)?..snapped.end)
}

/// The start of the token after the one holding byte `byte`, or of the token holding it when
/// `byte` is between tokens; `None` at the end. For moving a selection token by token.
pub fn next_token_start(text: &str, byte: usize) -> Option<usize> {
    tokens(text)
        .into_iter()
        .find(|t| t.bytes.start > byte)
        .map(|t| t.bytes.start)
}

/// The end of the token before byte `byte`; `None` at the start.
pub fn previous_token_end(text: &str, byte: usize) -> Option<usize> {
    tokens(text)
        .into_iter()
        .rev()
        .find(|t| t.bytes.end < byte)
        .map(|t| t.bytes.end)
}

/// Words (and common forms) that begin with a proclitic letter but are whole words, never
/// split. Compared with vowel marks and tatweel ignored and alef forms folded.
pub const NEVER_DETACHED: &[&str] = &[
    "بلد",
    "بلدة",
    "بلاد",
    "كتاب",
    "كتب",
    "لبنان",
    "لبناني",
    "لبنانية",
    "والد",
    "والدة",
    "والده",
    "والدي",
    "والدها",
    "والدهم",
    "والدين",
    "والدان",
    "والدته",
    "والدتي",
    "والدتها",
    "والي",
    "والية",
    "بالغ",
    "بالغة",
    "بالغين",
    "بالون",
    "بالونات",
    "فالح",
    "بالي",
    "ليبيا",
    "لندن",
    "وزير",
    "وزيرة",
    "وزراء",
    "وطن",
    "ولد",
    "بحر",
    "بيت",
    "فلسطين",
    "كلمة",
    "كبير",
    "كبيرة",
];

/// A letter as compared by the detach rule: vowel marks and tatweel dropped, alef forms
/// folded to ا (ta marbuta kept).
fn base_letter(grapheme: &str) -> Option<char> {
    let c = grapheme
        .chars()
        .find(|&c| !is_tashkeel(c) && c != TATWEEL)?;
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        c => c,
    })
}

/// The letters of `word` (see [`base_letter`]), with the byte offset where each starts.
fn letters(word: &str) -> Vec<(usize, char)> {
    word.grapheme_indices(true)
        .filter_map(|(byte, g)| base_letter(g).map(|c| (byte, c)))
        .collect()
}

fn folded(word: &str) -> String {
    letters(word).into_iter().map(|(_, c)| c).collect()
}

/// The words of a text, folded as the detach rule compares them: the evidence that the rest
/// of «بباريس» is a word of its own.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    words: HashSet<String>,
}

impl Lexicon {
    /// No words: only the article forms of the rule can detach.
    pub fn empty() -> Self {
        Self::default()
    }

    /// Every word of `text`.
    pub fn from_text(text: &str) -> Self {
        let words = tokens(text)
            .into_iter()
            .filter(|t| t.kind == TokenKind::Word)
            .filter_map(|t| text.get(t.bytes).map(folded))
            .collect();
        Self { words }
    }

    /// Whether `word` (folded) occurs.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }
}

/// Minimum letters after the article for an article form to be detached («والد»: one).
const MIN_LETTERS_AFTER_ARTICLE: usize = 2;
/// Minimum letters left for a bare proclitic to be detached.
const MIN_LETTERS_BARE: usize = 3;

/// How many leading bytes of `word` are proclitics to start a span after (0: none), by the
/// rule in the module documentation. `lexicon` holds the words of the text, the evidence for
/// bare forms such as «بباريس».
pub fn proclitic_len(word: &str, lexicon: &Lexicon) -> usize {
    let letters = letters(word);
    let chars: Vec<char> = letters.iter().map(|&(_, c)| c).collect();
    let whole: String = chars.iter().collect();
    if NEVER_DETACHED.contains(&whole.as_str()) {
        return 0;
    }
    let conjunction = |c: char| matches!(c, 'و' | 'ف');
    let preposition = |c: char| matches!(c, 'ب' | 'ك' | 'ل');
    let mut chains = Vec::new();
    if chars.first().copied().is_some_and(conjunction)
        && chars.get(1).copied().is_some_and(preposition)
    {
        chains.push(2);
    }
    if chars
        .first()
        .copied()
        .is_some_and(|c| conjunction(c) || preposition(c))
    {
        chains.push(1);
    }
    for chain in chains {
        let (Some(last), Some(rest)) = (chars.get(chain - 1), chars.get(chain..)) else {
            continue;
        };
        let article = if *last == 'ل' {
            // ل + ال is written لل: the article's lam follows.
            rest.first() == Some(&'ل') && rest.len() > MIN_LETTERS_AFTER_ARTICLE
        } else {
            rest.starts_with(&['ا', 'ل']) && rest.len() >= 2 + MIN_LETTERS_AFTER_ARTICLE
        };
        let rest_word: String = rest.iter().collect();
        let bare = rest.len() >= MIN_LETTERS_BARE && lexicon.contains(&rest_word);
        if article || bare {
            return letters.get(chain).map_or(0, |&(byte, _)| byte);
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token_texts(text: &str) -> Vec<&str> {
        tokens(text).into_iter().map(|t| &text[t.bytes]).collect()
    }

    #[test]
    fn whitespace_and_punctuation_delimit_tokens() {
        assert_eq!(
            token_texts("قال «هولاند»: داعش، (AFP) 3.5% و٣٫٥"),
            [
                "قال",
                "«",
                "هولاند",
                "»",
                ":",
                "داعش",
                "،",
                "(",
                "AFP",
                ")",
                "3.5",
                "%",
                "و٣٫٥"
            ]
        );
        // A full stop after a number ends it; bidi marks and ZWSP belong to no token.
        assert_eq!(
            token_texts("عام 2015. \u{200f}نص\u{200b}آخر"),
            ["عام", "2015", ".", "نص", "آخر"]
        );
    }

    #[test]
    fn zwnj_stays_inside_a_word_and_marks_stay_with_their_letter() {
        assert_eq!(
            token_texts("می\u{200c}خواهم بروم"),
            ["می\u{200c}خواهم", "بروم"]
        );
        assert_eq!(token_texts("الرَّقَّةِ، ثمّ"), ["الرَّقَّةِ", "،", "ثمّ"]);
    }

    #[test]
    fn selections_snap_to_whole_tokens() {
        let text = "قالت فرنسا إن الرقة محاصرة";
        let raqqa = text.find("الرقة").unwrap();
        // Inside a word, across part of two words, and an empty range.
        assert_eq!(
            snap_to_tokens(text, raqqa + 2..raqqa + 4),
            Some(raqqa..raqqa + "الرقة".len())
        );
        let start = text.find("فرنسا").unwrap() + 2;
        assert_eq!(
            snap_to_tokens(text, start..raqqa + 2),
            Some(start - 2..raqqa + "الرقة".len())
        );
        assert_eq!(
            snap_to_tokens(text, raqqa..raqqa),
            Some(raqqa..raqqa + "الرقة".len())
        );
        // Only a space: nothing.
        assert_eq!(snap_to_tokens("أ  ب", 2..3), None);
    }

    #[test]
    fn proclitics_detach_by_the_documented_rule() {
        let lexicon = Lexicon::from_text("زار باريس ثم عاد إلى بلده");
        let cases = [
            ("بباريس", "باريس"),
            ("والرقة", "الرقة"),
            ("وبالرقة", "الرقة"),
            ("فالحكومة", "الحكومة"),
            ("كالعادة", "العادة"),
            ("للرقة", "لرقة"),
            ("وللرقة", "لرقة"),
            ("للبنان", "لبنان"),
            ("وَالرَّقَّةِ", "الرَّقَّةِ"),
            ("بالأمم", "الأمم"),
            // Whole words that only look prefixed.
            ("بلد", "بلد"),
            ("كتاب", "كتاب"),
            ("لبنان", "لبنان"),
            ("والد", "والد"),
            ("والدة", "والدة"),
            ("بالغة", "بالغة"),
            // Bare letters without evidence in the text stay.
            ("فرنسا", "فرنسا"),
            ("بريطانيا", "بريطانيا"),
            ("كندا", "كندا"),
            // Too short after the article.
            ("لله", "لله"),
            ("الرقة", "الرقة"),
        ];
        for (word, expected) in cases {
            let skip = proclitic_len(word, &lexicon);
            assert_eq!(&word[skip..], expected, "{word}");
        }
        // The bare rule needs the rest to appear in the text.
        assert_eq!(proclitic_len("بباريس", &Lexicon::empty()), 0);
    }

    #[test]
    fn a_detaching_selection_starts_after_the_proclitic() {
        let text = "وصل الوفد بباريس والرقة";
        let lexicon = Lexicon::from_text("باريس");
        let word = text.find("بباريس").unwrap();
        let snapped = snap_selection(text, word + 2..word + 4, Some(&lexicon)).unwrap();
        assert_eq!(&text[snapped], "باريس");
        let both = snap_selection(text, word..text.len(), Some(&lexicon)).unwrap();
        assert_eq!(&text[both], "باريس والرقة");
        let kept = snap_selection(text, word..word + 2, None).unwrap();
        assert_eq!(&text[kept], "بباريس");
    }
}
