//! The fonts compiled into the binary and the cosmic-text [`FontSystem`] built from them.
//!
//! Arabic is set in the chosen reading face; Latin letters, digits and ASCII punctuation fall
//! back to Noto Sans, which ships with the app. Installed system fonts are consulted only after
//! every embedded face, for scripts none of them covers.

use std::sync::Arc;

use cosmic_text::fontdb;
use cosmic_text::{Fallback, FontSystem};
use serde::{Deserialize, Serialize};
use unicode_script::Script;

const NOTO_NASKH_REGULAR: &[u8] = include_bytes!("../../fonts/NotoNaskhArabic-Regular.ttf");
const NOTO_NASKH_BOLD: &[u8] = include_bytes!("../../fonts/NotoNaskhArabic-Bold.ttf");
const AMIRI_REGULAR: &[u8] = include_bytes!("../../fonts/Amiri-Regular.ttf");
const AMIRI_BOLD: &[u8] = include_bytes!("../../fonts/Amiri-Bold.ttf");
const NOTO_SANS_REGULAR: &[u8] = include_bytes!("../../fonts/NotoSans-Regular.ttf");
const NOTO_SANS_BOLD: &[u8] = include_bytes!("../../fonts/NotoSans-Bold.ttf");

/// Family name of the Latin companion face.
pub const LATIN_FAMILY: &str = "Noto Sans";

/// Every embedded font file with its name in `fonts/`, for tests that compare against other
/// shapers using the same file.
pub const EMBEDDED_FONTS: [(&str, &[u8]); 6] = [
    ("NotoNaskhArabic-Regular.ttf", NOTO_NASKH_REGULAR),
    ("NotoNaskhArabic-Bold.ttf", NOTO_NASKH_BOLD),
    ("Amiri-Regular.ttf", AMIRI_REGULAR),
    ("Amiri-Bold.ttf", AMIRI_BOLD),
    ("NotoSans-Regular.ttf", NOTO_SANS_REGULAR),
    ("NotoSans-Bold.ttf", NOTO_SANS_BOLD),
];

/// The typeface used for reading Arabic.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReadingFace {
    /// Noto Naskh Arabic: clear at small sizes, the default.
    #[default]
    NotoNaskh,
    /// Amiri: classical Naskh with careful mark placement, for heavily vowelled text.
    Amiri,
}

impl ReadingFace {
    /// All faces, in menu order.
    pub const ALL: [Self; 2] = [Self::NotoNaskh, Self::Amiri];

    /// The font family name as the font files spell it.
    pub fn family_name(self) -> &'static str {
        match self {
            Self::NotoNaskh => "Noto Naskh Arabic",
            Self::Amiri => "Amiri",
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
}
