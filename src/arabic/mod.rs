//! Arabic text normalization for matching, with a map back to the original text.
//!
//! Matching must see through spelling variation that readers ignore: vowel marks (tashkeel),
//! tatweel and the zero-width non-joiner (U+200C, which Persian writes inside words such as
//! «می‌روم» and many writers leave out) are dropped, the hamza-carrying and wasla alefs
//! (أ إ آ ٱ) become a bare alef, alef maqsura (ى) and the Persian and Urdu ya (ی) become ya
//! (ي), the Persian and Urdu kaf (ک) becomes kaf (ك), and optionally ta marbuta (ة) becomes ha. Arabic-Indic and
//! Persian digits can be folded to ASCII. Every normalized character remembers which
//! original character it came from, so a match found in normalized text is reported at its
//! original position.

pub mod language;
pub mod tokens;

pub use language::Language;

/// Which foldings to apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Folding {
    /// Fold ة (ta marbuta) to ه (ha).
    pub ta_marbuta: bool,
    /// Fold Arabic-Indic (٠–٩) and Persian (۰–۹) digits to ASCII digits.
    pub digits: bool,
    /// Compare Latin letters without case.
    pub latin_case: bool,
}

impl Folding {
    /// Everything folded: used to re-find annotation quotes in edited articles.
    pub const ANCHORING: Self = Self {
        ta_marbuta: true,
        digits: true,
        latin_case: false,
    };
}

/// True for Arabic combining marks (harakat, tanween, shadda, sukun, superscript alef,
/// Quranic annotation marks) that do not change which word is written.
pub fn is_tashkeel(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08FF}')
}

/// The tatweel (kashida) used to stretch words.
pub const TATWEEL: char = '\u{0640}';

/// The zero-width non-joiner, which keeps two letters of a word from joining.
pub const ZWNJ: char = '\u{200C}';

/// Folds one character; `None` drops it.
pub fn fold_char(c: char, folding: Folding) -> Option<char> {
    if is_tashkeel(c) || c == TATWEEL || c == ZWNJ {
        return None;
    }
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ی' => 'ي',
        'ک' => 'ك',
        'ة' if folding.ta_marbuta => 'ه',
        '\u{0660}'..='\u{0669}' if folding.digits => {
            char::from_u32(u32::from(c) - 0x0660 + u32::from('0')).unwrap_or(c)
        }
        '\u{06F0}'..='\u{06F9}' if folding.digits => {
            char::from_u32(u32::from(c) - 0x06F0 + u32::from('0')).unwrap_or(c)
        }
        c if folding.latin_case && c.is_ascii_uppercase() => c.to_ascii_lowercase(),
        c => c,
    })
}

/// Normalized text with, for each of its characters, the index of the original character
/// it came from (in code points).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized {
    /// The normalized characters.
    pub chars: Vec<char>,
    /// `origin[i]` is the code-point index in the original text of `chars[i]`.
    pub origin: Vec<usize>,
    /// Number of code points in the original text.
    pub original_len: usize,
}

impl Normalized {
    /// Normalizes `text`.
    pub fn new(text: &str, folding: Folding) -> Self {
        let mut chars = Vec::with_capacity(text.len() / 2);
        let mut origin = Vec::with_capacity(text.len() / 2);
        let mut original_len = 0;
        for (char_idx, c) in text.chars().enumerate() {
            if let Some(folded) = fold_char(c, folding) {
                chars.push(folded);
                origin.push(char_idx);
            }
            original_len = char_idx + 1;
        }
        Self {
            chars,
            origin,
            original_len,
        }
    }

    /// The normalized text as a string.
    pub fn as_string(&self) -> String {
        self.chars.iter().collect()
    }

    /// Maps a range of normalized characters back to the original code-point range. The end
    /// is extended over marks that followed the last matched character, so a match never
    /// separates a letter from its vowels.
    pub fn original_range(
        &self,
        range: std::ops::Range<usize>,
        original: &[char],
    ) -> std::ops::Range<usize> {
        let start = self
            .origin
            .get(range.start)
            .copied()
            .unwrap_or(self.original_len);
        let mut end = if range.end == 0 {
            start
        } else {
            self.origin
                .get(range.end - 1)
                .map_or(self.original_len, |&last| last + 1)
        };
        while end < original.len()
            && original
                .get(end)
                .is_some_and(|&c| is_tashkeel(c) || c == TATWEEL)
        {
            end += 1;
        }
        start..end.max(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_table() {
        let cases = [
            ("مُحَمَّدٌ", "محمد"),
            ("إسلام أمة آمنة ٱلله", "اسلام امه امنه الله"),
            ("مستشفى", "مستشفي"),
            ("جميـــــل", "جميل"),
            ("عام ٢٠١٥ و۱۳۹۴", "عام 2015 و1394"),
            ("iPhone 6S", "iPhone 6S"),
        ];
        for (input, expected) in cases {
            assert_eq!(
                Normalized::new(input, Folding::ANCHORING).as_string(),
                expected,
                "{input}"
            );
        }
        let keep_ta = Folding {
            ta_marbuta: false,
            ..Folding::ANCHORING
        };
        assert_eq!(Normalized::new("مدرسة", keep_ta).as_string(), "مدرسة");
    }

    #[test]
    fn positions_map_back_to_the_original_with_marks_kept() {
        let text = "قالَ الرَّئيسُ";
        let original: Vec<char> = text.chars().collect();
        let normalized = Normalized::new(text, Folding::ANCHORING);
        let needle: Vec<char> = "الرئيس".chars().collect();
        let start = normalized
            .chars
            .windows(needle.len())
            .position(|w| w == needle)
            .unwrap();
        let range = normalized.original_range(start..start + needle.len(), &original);
        let found: String = original[range].iter().collect();
        assert_eq!(found, "الرَّئيسُ");
    }
}

/// Folding for search: tashkeel, tatweel, alef and alef-maqsura variants always; digits of
/// every script and Latin case too; ta marbuta as the user chooses.
pub fn search_folding(fold_ta_marbuta: bool) -> Folding {
    Folding {
        ta_marbuta: fold_ta_marbuta,
        digits: true,
        latin_case: true,
    }
}

/// A text prepared for repeated Arabic-aware searching.
#[derive(Clone, Debug)]
pub struct SearchIndex {
    normalized: Normalized,
    original: Vec<char>,
    folding: Folding,
}

impl SearchIndex {
    /// Normalizes `text` once for searching with `folding`.
    pub fn new(text: &str, folding: Folding) -> Self {
        Self {
            normalized: Normalized::new(text, folding),
            original: text.chars().collect(),
            folding,
        }
    }

    /// The folding this index was built with.
    pub fn folding(&self) -> Folding {
        self.folding
    }

    /// Every match of `query`, as code-point ranges of the original text, in order and not
    /// overlapping. A match ending on a letter takes the marks that follow it.
    pub fn find_all(&self, query: &str) -> Vec<std::ops::Range<usize>> {
        let needle: Vec<char> = Normalized::new(query, self.folding).chars;
        // Spaces at the ends of the query are kept: "قال " differs from "قال".
        if needle.is_empty() {
            return Vec::new();
        }
        let haystack = &self.normalized.chars;
        let mut hits = Vec::new();
        let mut at = 0;
        while at + needle.len() <= haystack.len() {
            let Some(offset) = haystack[at..=haystack.len() - needle.len()]
                .iter()
                .position(|&c| c == needle[0])
            else {
                break;
            };
            let start = at + offset;
            if haystack[start..start + needle.len()] == needle[..] {
                hits.push(
                    self.normalized
                        .original_range(start..start + needle.len(), &self.original),
                );
                at = start + needle.len();
            } else {
                at = start + 1;
            }
        }
        hits
    }
}

#[cfg(test)]
mod search_tests {
    use super::*;

    #[test]
    fn search_sees_through_marks_alef_forms_digits_and_case() {
        let text = "قالَ الرَّئيسُ إنّ أحمد وإحسان وآمال في مستشفى ٢٠١٥ وفي iPhone مدرسة";
        let index = SearchIndex::new(text, search_folding(false));
        let found = |query: &str| -> Vec<String> {
            let chars: Vec<char> = text.chars().collect();
            index
                .find_all(query)
                .into_iter()
                .map(|r| chars[r].iter().collect())
                .collect()
        };
        assert_eq!(found("الرئيس"), ["الرَّئيسُ"]);
        assert_eq!(found("احمد"), ["أحمد"]);
        assert_eq!(found("احسان"), ["إحسان"]);
        assert_eq!(found("امال"), ["آمال"]);
        assert_eq!(found("مستشفي"), ["مستشفى"]);
        assert_eq!(found("2015"), ["٢٠١٥"]);
        assert_eq!(found("IPHONE"), ["iPhone"]);
        // Inside مستشفى too: ى is folded to ي.
        assert_eq!(found("في"), ["في", "فى", "في"]);
        assert!(found("مدرسه").is_empty(), "ta marbuta kept unless asked");
        let folded = SearchIndex::new(text, search_folding(true));
        assert_eq!(folded.find_all("مدرسه").len(), 1);
        assert!(found("").is_empty());
    }

    #[test]
    fn persian_ya_kaf_and_zwnj_are_seen_through_and_hits_keep_the_zwnj() {
        let text = "یکی از شهروندان گفت: هر روز به کار می\u{200c}روم، اما امروز مترو شلوغ بود.";
        let chars: Vec<char> = text.chars().collect();
        let index = SearchIndex::new(text, search_folding(false));
        let found = |query: &str| -> Vec<String> {
            index
                .find_all(query)
                .into_iter()
                .map(|r| chars[r].iter().collect())
                .collect()
        };
        // With the ZWNJ, without it, and typed with Arabic ya: the hit is the text as written.
        for query in ["می\u{200c}روم", "میروم", "مي\u{200c}روم", "ميروم"] {
            assert_eq!(found(query), ["می\u{200c}روم"], "{query}");
        }
        // ی/ي and ک/ك either way round.
        assert_eq!(found("يكي"), ["یکی"]);
        assert_eq!(found("كار"), ["کار"]);
        let arabic = SearchIndex::new("كتاب في المكتبة", search_folding(false));
        assert_eq!(arabic.find_all("کتاب").len(), 1);
        assert_eq!(arabic.find_all("فی").len(), 1);
        // The hit is reported in code points of the original text, ZWNJ counted.
        let byte_start = text.find("می\u{200c}روم").unwrap();
        let start = text[..byte_start].chars().count();
        assert_eq!(index.find_all("میروم"), vec![start..start + 6]);
    }
}
