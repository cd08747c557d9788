//! Which language an article in Arabic script is written in: Arabic, Persian or Urdu.
//!
//! The three share most letters, but each of the other two has letters Arabic lacks and writes
//! ya and kaf with their own code points:
//!
//! - **Urdu**: ٹ ڈ ڑ ں ے ھ ۓ, with ی ک (never ي ك);
//! - **Persian**: پ چ ژ گ, with ی ک, and none of Urdu's letters;
//! - **Arabic**: everything else, including text in no Arabic script at all.
//!
//! Arabic news writes foreign names with پ or گ now and then («گوگل»), and some keyboards type
//! ھ for ه, so one such letter does not make an article Persian or Urdu: the letters must make
//! up a share of the text, and the Persian ی ک must be the ya and kaf the text uses.

use serde::{Deserialize, Serialize};

/// The language of an article written in Arabic script.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    /// Arabic (`ar`), also the answer for text that is neither Persian nor Urdu.
    #[default]
    #[serde(rename = "ar")]
    Arabic,
    /// Persian (`fa`).
    #[serde(rename = "fa")]
    Persian,
    /// Urdu (`ur`).
    #[serde(rename = "ur")]
    Urdu,
}

/// Letters of Urdu that Arabic and Persian do not use.
pub const URDU_LETTERS: [char; 7] = ['ٹ', 'ڈ', 'ڑ', 'ں', 'ے', 'ھ', 'ۓ'];
/// Letters of Persian that Arabic does not use (Urdu has them too).
pub const PERSIAN_LETTERS: [char; 4] = ['پ', 'چ', 'ژ', 'گ'];
/// The ya and kaf of Persian and Urdu (U+06CC, U+06A9).
pub const PERSIAN_YA_KAF: [char; 2] = ['ی', 'ک'];
/// The ya and kaf of Arabic (U+064A, U+0643).
pub const ARABIC_YA_KAF: [char; 2] = ['ي', 'ك'];

/// Smallest share of the letters, in thousandths, that the distinguishing letters must make up
/// for a text to count as Urdu (10: 1 %; in Urdu prose ے alone is several per cent).
const URDU_PER_MILLE: usize = 10;
/// The same for Persian's پ چ ژ گ (5: 0.5 %; together they are about 3 % of Persian prose).
const PERSIAN_PER_MILLE: usize = 5;

/// How much of a text is read to decide its language, in characters: a news article is
/// decided by its first pages, and a file of thousands of articles costs no more to open.
pub const DETECTION_CHARS: usize = 32 * 1024;

/// Letter counts behind a decision.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LetterCounts {
    /// Letters of the Arabic script blocks.
    pub letters: usize,
    /// Of them, Urdu's own letters.
    pub urdu: usize,
    /// Persian's own letters.
    pub persian: usize,
    /// ی and ک.
    pub persian_ya_kaf: usize,
    /// ي and ك.
    pub arabic_ya_kaf: usize,
}

impl LetterCounts {
    /// Counts the letters of the first [`DETECTION_CHARS`] characters of `text`.
    pub fn of(text: &str) -> Self {
        let mut counts = Self::default();
        for c in text.chars().take(DETECTION_CHARS) {
            if !is_arabic_script_letter(c) {
                continue;
            }
            counts.letters = counts.letters.saturating_add(1);
            if URDU_LETTERS.contains(&c) {
                counts.urdu = counts.urdu.saturating_add(1);
            } else if PERSIAN_LETTERS.contains(&c) {
                counts.persian = counts.persian.saturating_add(1);
            } else if PERSIAN_YA_KAF.contains(&c) {
                counts.persian_ya_kaf = counts.persian_ya_kaf.saturating_add(1);
            } else if ARABIC_YA_KAF.contains(&c) {
                counts.arabic_ya_kaf = counts.arabic_ya_kaf.saturating_add(1);
            }
        }
        counts
    }

    /// The language these counts point to.
    pub fn language(&self) -> Language {
        let share = |count: usize, per_mille: usize| {
            count > 0 && count.saturating_mul(1000) >= self.letters.saturating_mul(per_mille)
        };
        if share(self.urdu, URDU_PER_MILLE) && self.persian_ya_kaf >= self.arabic_ya_kaf {
            Language::Urdu
        } else if share(self.persian, PERSIAN_PER_MILLE) && self.persian_ya_kaf > self.arabic_ya_kaf
        {
            Language::Persian
        } else {
            Language::Arabic
        }
    }
}

/// True for letters of the Arabic script blocks (not marks, digits, punctuation or tatweel).
fn is_arabic_script_letter(c: char) -> bool {
    matches!(c,
        '\u{0620}'..='\u{063F}'
        | '\u{0641}'..='\u{064A}'
        | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08C9}')
}

impl Language {
    /// Every language, Arabic first.
    pub const ALL: [Self; 3] = [Self::Arabic, Self::Persian, Self::Urdu];

    /// Detects the language of `text` from its letters.
    pub fn detect(text: &str) -> Self {
        LetterCounts::of(text).language()
    }

    /// The ISO 639-1 code: `ar`, `fa` or `ur`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Arabic => "ar",
            Self::Persian => "fa",
            Self::Urdu => "ur",
        }
    }

    /// The language's English name.
    pub fn english_name(self) -> &'static str {
        match self {
            Self::Arabic => "Arabic",
            Self::Persian => "Persian",
            Self::Urdu => "Urdu",
        }
    }

    /// The language's name in itself.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::Arabic => "العربية",
            Self::Persian => "فارسی",
            Self::Urdu => "اردو",
        }
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.english_name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const URDU: &str = "وزیر اعظم نے بدھ کو اسلام آباد میں کابینہ کا اجلاس طلب کیا۔ \
        اجلاس میں مہنگائی اور بجلی کی قیمتوں پر بات ہوئی۔";
    const PERSIAN: &str = "وزیر امور خارجه روز چهارشنبه به پاریس رفت. \
        او گفت که گفت‌وگوها ادامه خواهد یافت و من فردا به تهران می‌روم.";
    const ARABIC: &str = "قال وزير الخارجية إن البلد يمر بمرحلة صعبة، وإن الحكومة \
        ستعقد اجتماعاً في بلدة قريبة من الحدود.";

    #[test]
    fn each_language_is_recognised_from_its_letters() {
        assert_eq!(Language::detect(URDU), Language::Urdu);
        assert_eq!(Language::detect(PERSIAN), Language::Persian);
        assert_eq!(Language::detect(ARABIC), Language::Arabic);
        assert_eq!(Language::detect("بلد"), Language::Arabic);
        assert_eq!(Language::detect("The text is English."), Language::Arabic);
        assert_eq!(Language::detect(""), Language::Arabic);
    }

    #[test]
    fn persian_with_zwnj_stays_persian_and_urdu_letters_win_over_persian_ones() {
        let counts = LetterCounts::of("می‌روم و گفت‌وگو");
        assert_eq!(counts.persian, 2, "{counts:?}");
        assert_eq!(counts.language(), Language::Persian);
        // Urdu also writes پ چ گ; its own letters decide.
        assert_eq!(Language::detect("پاکستان میں چھٹی"), Language::Urdu);
        assert_eq!(Language::detect("پاکستان"), Language::Persian);
    }

    #[test]
    fn a_stray_persian_or_urdu_letter_leaves_arabic_text_arabic() {
        // A foreign name with گ and a ھ typed for ه in an Arabic report.
        let text = format!("{ARABIC} وأعلنت شركة گوگل ھذا الأسبوع عن خدمة جديدة.");
        let counts = LetterCounts::of(&text);
        assert!(counts.persian > 0 && counts.urdu > 0, "{counts:?}");
        assert_eq!(counts.language(), Language::Arabic);
        // Persian written with the Arabic ya and kaf is not told apart.
        assert_eq!(Language::detect("مي‌روم به پاريس كه گفت"), Language::Arabic);
    }

    #[test]
    fn letters_are_told_from_marks_digits_and_punctuation() {
        let counts = LetterCounts::of("قالَ، ١٢ ۳ ـ؟ «پ» ے");
        assert_eq!(counts.letters, 5, "{counts:?}");
        // Only the start of a long text is read.
        let long = format!("{}{}", "قال ".repeat(DETECTION_CHARS), URDU);
        assert_eq!(Language::detect(&long), Language::Arabic);
        assert_eq!(Language::detect(&format!("{URDU}{ARABIC}")), Language::Urdu);
    }

    #[test]
    fn codes_serialize_as_iso_639_1() {
        for language in Language::ALL {
            let json = serde_json::to_string(&language).unwrap();
            assert_eq!(json, format!("\"{}\"", language.code()));
            assert_eq!(serde_json::from_str::<Language>(&json).unwrap(), language);
        }
    }
}
