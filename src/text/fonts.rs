//! The fonts compiled into the binary and the cosmic-text [`FontSystem`] built from them.
//!
//! Arabic is set in the chosen reading face; Latin letters, digits and ASCII punctuation fall
//! back to Noto Sans, which ships with the app. Installed system fonts are consulted only after
//! every embedded face, for scripts none of them covers. Urdu articles are set in Nastaliq by
//! default, Persian ones may be set in Vazirmatn (see [`ReadingFace::offered_for`]).

use std::sync::Arc;

use cosmic_text::fontdb;
use cosmic_text::{Fallback, FontSystem};
use serde::{Deserialize, Serialize};
use unicode_script::Script;

use crate::arabic::Language;

const NOTO_NASKH_REGULAR: &[u8] = include_bytes!("../../fonts/NotoNaskhArabic-Regular.ttf");
const NOTO_NASKH_BOLD: &[u8] = include_bytes!("../../fonts/NotoNaskhArabic-Bold.ttf");
const AMIRI_REGULAR: &[u8] = include_bytes!("../../fonts/Amiri-Regular.ttf");
const AMIRI_BOLD: &[u8] = include_bytes!("../../fonts/Amiri-Bold.ttf");
const NOTO_SANS_REGULAR: &[u8] = include_bytes!("../../fonts/NotoSans-Regular.ttf");
const NOTO_SANS_BOLD: &[u8] = include_bytes!("../../fonts/NotoSans-Bold.ttf");
const NOTO_NASTALIQ_REGULAR: &[u8] = include_bytes!("../../fonts/NotoNastaliqUrdu-Regular.ttf");
const VAZIRMATN_REGULAR: &[u8] = include_bytes!("../../fonts/Vazirmatn-Regular.ttf");
const VAZIRMATN_BOLD: &[u8] = include_bytes!("../../fonts/Vazirmatn-Bold.ttf");

/// Family name of the Latin companion face.
pub const LATIN_FAMILY: &str = "Noto Sans";

/// Every embedded font file with its name in `fonts/`, for tests that compare against other
/// shapers using the same file.
pub const EMBEDDED_FONTS: [(&str, &[u8]); 9] = [
    ("NotoNaskhArabic-Regular.ttf", NOTO_NASKH_REGULAR),
    ("NotoNaskhArabic-Bold.ttf", NOTO_NASKH_BOLD),
    ("Amiri-Regular.ttf", AMIRI_REGULAR),
    ("Amiri-Bold.ttf", AMIRI_BOLD),
    ("NotoSans-Regular.ttf", NOTO_SANS_REGULAR),
    ("NotoSans-Bold.ttf", NOTO_SANS_BOLD),
    ("NotoNastaliqUrdu-Regular.ttf", NOTO_NASTALIQ_REGULAR),
    ("Vazirmatn-Regular.ttf", VAZIRMATN_REGULAR),
    ("Vazirmatn-Bold.ttf", VAZIRMATN_BOLD),
];

/// Smallest line height for Nastaliq, as a multiple of the font size. Nastaliq words climb
/// from right to left and its letters reach far below the baseline; at this spacing the ink
/// of every glyph stays inside its line (tested on the Urdu test article).
pub const NASTALIQ_LINE_SPACING: f32 = 2.6;

/// The typeface an article is read in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReadingFace {
    /// Noto Naskh Arabic: clear at small sizes, the default for Arabic and Persian.
    #[default]
    NotoNaskh,
    /// Amiri: classical Naskh with careful mark placement, for heavily vowelled text.
    Amiri,
    /// Noto Nastaliq Urdu: the Nastaliq style Urdu is read in, the default for Urdu.
    NotoNastaliqUrdu,
    /// Vazirmatn: a plain modern face drawn for Persian.
    Vazirmatn,
}

impl ReadingFace {
    /// All faces, in menu order.
    pub const ALL: [Self; 4] = [
        Self::NotoNaskh,
        Self::Amiri,
        Self::NotoNastaliqUrdu,
        Self::Vazirmatn,
    ];

    /// The font family name as the font files spell it.
    pub fn family_name(self) -> &'static str {
        match self {
            Self::NotoNaskh => "Noto Naskh Arabic",
            Self::Amiri => "Amiri",
            Self::NotoNastaliqUrdu => "Noto Nastaliq Urdu",
            Self::Vazirmatn => "Vazirmatn",
        }
    }

    /// The name shown in View ▸ Typeface, in the interface language.
    pub fn menu_label(self) -> String {
        match self {
            Self::Amiri => crate::tr!("menu-typeface-amiri"),
            _ => self.family_name().to_owned(),
        }
    }

    /// The faces offered for articles in `language`, the default first.
    pub fn offered_for(language: Language) -> &'static [Self] {
        match language {
            Language::Arabic => &[Self::NotoNaskh, Self::Amiri],
            Language::Persian => &[Self::NotoNaskh, Self::Vazirmatn, Self::Amiri],
            Language::Urdu => &[Self::NotoNastaliqUrdu, Self::NotoNaskh],
        }
    }

    /// The face articles in `language` are read in unless another is chosen.
    pub fn default_for(language: Language) -> Self {
        Self::offered_for(language)
            .first()
            .copied()
            .unwrap_or_default()
    }

    /// Whether a bold file of this face is embedded. Nastaliq has none (Urdu titles are set
    /// large rather than bold).
    pub fn has_bold(self) -> bool {
        !matches!(self, Self::NotoNastaliqUrdu)
    }

    /// The smallest line height, as a multiple of the font size, that keeps this face's ink
    /// inside its lines; 0 when any offered spacing does.
    pub fn min_line_spacing(self) -> f32 {
        match self {
            Self::NotoNastaliqUrdu => NASTALIQ_LINE_SPACING,
            Self::NotoNaskh | Self::Amiri | Self::Vazirmatn => 0.0,
        }
    }
}

/// Font fallback that prefers the embedded faces before anything installed on the system.
struct EmbeddedFirstFallback;

impl Fallback for EmbeddedFirstFallback {
    fn common_fallback(&self) -> &[&'static str] {
        &[LATIN_FAMILY, "Noto Naskh Arabic", "Amiri"]
    }

    fn forbidden_fallback(&self) -> &[&'static str] {
        &[]
    }

    fn script_fallback(&self, _script: Script, _locale: &str) -> &[&'static str] {
        // The reading face covers Arabic; whatever it lacks (Latin, digits, punctuation such
        // as "/") must come from the Latin companion first, not from the other Arabic face,
        // so one paragraph never mixes two Arabic designs.
        &[]
    }
}

/// A font database holding only the embedded fonts.
pub fn embedded_database() -> fontdb::Database {
    let mut db = fontdb::Database::new();
    for (_, bytes) in EMBEDDED_FONTS {
        db.load_font_source(fontdb::Source::Binary(Arc::new(bytes)));
    }
    db.set_sans_serif_family(LATIN_FAMILY);
    db.set_serif_family("Noto Naskh Arabic");
    db
}

/// Builds the font system. With `include_system_fonts`, installed fonts are added after the
/// embedded ones as a last fallback; tests leave them out so results match on every machine.
pub fn font_system(include_system_fonts: bool) -> FontSystem {
    let mut db = embedded_database();
    if include_system_fonts {
        db.load_system_fonts();
    }
    FontSystem::new_with_locale_and_db_and_fallback("ar".to_owned(), db, EmbeddedFirstFallback)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reading_face_and_the_latin_companion_are_embedded() {
        let db = embedded_database();
        let families: Vec<String> = db
            .faces()
            .flat_map(|face| face.families.iter().map(|(name, _)| name.clone()))
            .collect();
        for face in ReadingFace::ALL {
            assert!(
                families.iter().any(|f| f == face.family_name()),
                "{} missing from {families:?}",
                face.family_name()
            );
        }
        assert!(families.iter().any(|f| f == LATIN_FAMILY));
        assert_eq!(db.len(), EMBEDDED_FONTS.len());
    }

    #[test]
    fn each_language_offers_its_default_face_first() {
        assert_eq!(
            ReadingFace::default_for(Language::Urdu),
            ReadingFace::NotoNastaliqUrdu
        );
        assert_eq!(
            ReadingFace::default_for(Language::Arabic),
            ReadingFace::NotoNaskh
        );
        assert!(ReadingFace::offered_for(Language::Persian).contains(&ReadingFace::Vazirmatn));
        assert!(!ReadingFace::offered_for(Language::Arabic).contains(&ReadingFace::Vazirmatn));
        for face in ReadingFace::ALL {
            assert!(
                Language::ALL
                    .iter()
                    .any(|&l| ReadingFace::offered_for(l).contains(&face)),
                "{face:?} offered for no language"
            );
        }
    }
}
