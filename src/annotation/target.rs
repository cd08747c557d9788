//! Building targets: hashes, code-point positions and quote selectors over a document.

use std::ops::Range;

use sha2::{Digest as _, Sha256};

use super::model::{
    CONTEXT_CHARS, MAX_PARAGRAPH_QUOTE_CHARS, Target, TargetKind, TextPositionSelector,
    TextQuoteSelector,
};
use crate::document::Document;

/// SHA-256 of `text` as lower-case hex.
pub fn sha256_hex(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len().saturating_mul(2));
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

/// Converts between byte offsets and code-point offsets in one text quickly: the byte
/// offset of every [`CHARS_PER_CHECKPOINT`]-th code point is kept, so a lookup indexes the
/// table and then steps over fewer than that many characters.
#[derive(Clone, Debug)]
pub struct CharIndex {
    /// Byte offset of code point `i * CHARS_PER_CHECKPOINT`, for every such code point.
    checkpoints: Vec<usize>,
    len_chars: usize,
}

// Re-anchoring and exports look up both ends of every annotation, and its context.
const CHARS_PER_CHECKPOINT: usize = 16;

/// Length in bytes of the UTF-8 sequence that starts with `lead`.
fn utf8_width(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / CHARS_PER_CHECKPOINT + 1);
        let mut count = 0;
        for (byte, _) in text.char_indices() {
            if count % CHARS_PER_CHECKPOINT == 0 {
                checkpoints.push(byte);
            }
            count += 1;
        }
        Self {
            checkpoints,
            len_chars: count,
        }
    }

    /// Number of code points in the text.
    pub fn len_chars(&self) -> usize {
        self.len_chars
    }

    /// Code points before byte offset `byte` (clamped to the text).
    pub fn char_of_byte(&self, text: &str, byte: usize) -> usize {
        let byte = byte.min(text.len());
        let at = self.checkpoints.partition_point(|&b| b <= byte);
        let Some(checkpoint) = at.checked_sub(1) else {
            return 0;
        };
        let from_byte = self.checkpoints.get(checkpoint).copied().unwrap_or(0);
        checkpoint * CHARS_PER_CHECKPOINT
            + text
                .as_bytes()
                .get(from_byte..byte)
                .map_or(0, |s| s.iter().filter(|&&b| b & 0xC0 != 0x80).count())
    }

    /// Byte offset of code point `char_idx`, or `None` past the end.
    pub fn byte_of_char(&self, text: &str, char_idx: usize) -> Option<usize> {
        if char_idx == self.len_chars {
            return Some(text.len());
        }
        if char_idx > self.len_chars {
            return None;
        }
        let mut byte = *self.checkpoints.get(char_idx / CHARS_PER_CHECKPOINT)?;
        let bytes = text.as_bytes();
        for _ in 0..char_idx % CHARS_PER_CHECKPOINT {
            byte += utf8_width(*bytes.get(byte)?);
        }
        (byte < text.len()).then_some(byte)
    }

    /// The code-point range of a byte range.
    pub fn char_range(&self, text: &str, bytes: Range<usize>) -> Range<usize> {
        self.char_of_byte(text, bytes.start)..self.char_of_byte(text, bytes.end)
    }
}

/// The quote selector for code points `chars` of `text`, with up to [`CONTEXT_CHARS`] of
/// context each side.
pub fn quote_selector(text: &str, index: &CharIndex, chars: Range<usize>) -> TextQuoteSelector {
    let [exact, prefix, suffix] = quote_slices(text, index, chars).map(str::to_owned);
    TextQuoteSelector {
        exact,
        prefix,
        suffix,
        ..TextQuoteSelector::default()
    }
}

/// Whether `quote` is what [`quote_selector`] gives for `chars`, without building it.
pub fn quote_selector_is(
    quote: &TextQuoteSelector,
    text: &str,
    index: &CharIndex,
    chars: Range<usize>,
) -> bool {
    let [exact, prefix, suffix] = quote_slices(text, index, chars);
    quote.selector_type == TextQuoteSelector::default().selector_type
        && quote.exact == exact
        && quote.prefix == prefix
        && quote.suffix == suffix
}

/// The exact text, prefix and suffix of [`quote_selector`].
fn quote_slices<'t>(text: &'t str, index: &CharIndex, chars: Range<usize>) -> [&'t str; 3] {
    let byte = |c: usize| index.byte_of_char(text, c).unwrap_or(text.len());
    let prefix_start = chars.start.saturating_sub(CONTEXT_CHARS);
    let suffix_end = (chars.end + CONTEXT_CHARS).min(index.len_chars());
    let slice = |from: usize, to: usize| text.get(byte(from)..byte(to)).unwrap_or("");
    [
        slice(chars.start, chars.end),
        slice(prefix_start, chars.start),
        slice(chars.end, suffix_end),
    ]
}

/// A target for `byte_range` of the document text, inside paragraph `paragraph`.
pub fn target_for(
    document: &Document,
    index: &CharIndex,
    paragraph: usize,
    byte_range: Range<usize>,
    kind: TargetKind,
) -> Option<Target> {
    let paragraph_sha256 = sha256_hex(document.paragraph_text(paragraph)?);
    target_with_hash(
        document,
        index,
        paragraph,
        paragraph_sha256,
        byte_range,
        kind,
    )
}

/// [`target_for`] when the paragraph's hash (`sha256_hex` of its text) is already known.
pub(crate) fn target_with_hash(
    document: &Document,
    index: &CharIndex,
    paragraph: usize,
    paragraph_sha256: String,
    byte_range: Range<usize>,
    kind: TargetKind,
) -> Option<Target> {
    document.paragraph_text(paragraph)?;
    let chars = index.char_range(&document.text, byte_range);
    // A whole paragraph is found again by its hash; its quote need not hold all of it.
    let quoted = match kind {
        TargetKind::Paragraph => {
            chars.start
                ..chars
                    .end
                    .min(chars.start.saturating_add(MAX_PARAGRAPH_QUOTE_CHARS))
        }
        TargetKind::Span => chars.clone(),
    };
    Some(Target {
        kind,
        paragraph,
        paragraph_sha256,
        quote: quote_selector(&document.text, index, quoted),
        position: TextPositionSelector {
            start: chars.start,
            end: chars.end,
            ..TextPositionSelector::default()
        },
        orphaned: false,
    })
}

/// A target covering paragraph `paragraph` whole.
pub fn paragraph_target(
    document: &Document,
    index: &CharIndex,
    paragraph: usize,
) -> Option<Target> {
    let range = document.paragraphs.get(paragraph)?.byte_range.clone();
    target_for(document, index, paragraph, range, TargetKind::Paragraph)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_lower_case_hex() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn char_index_agrees_with_counting() {
        // One-, two-, three- and four-byte characters, so checkpoints fall at every width.
        let text = "أبجد هوز ".repeat(2000) + "iPhone 6S ٢٠١٥ 𝔸x€" + &"ـ𝔸".repeat(100);
        let index = CharIndex::new(&text);
        for (char_idx, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_of_byte(&text, byte), char_idx);
            assert_eq!(index.byte_of_char(&text, char_idx), Some(byte));
        }
        assert_eq!(index.len_chars(), text.chars().count());
        assert_eq!(
            index.byte_of_char(&text, index.len_chars()),
            Some(text.len())
        );
        assert_eq!(index.byte_of_char(&text, index.len_chars() + 1), None);
    }

    #[test]
    fn quote_has_context_and_code_point_positions() {
        let document =
            crate::document::parse_plain_text("عنوان\nالفقرة الثانية هنا\nثالثة".to_owned());
        let index = CharIndex::new(&document.text);
        let target = paragraph_target(&document, &index, 1).unwrap();
        let chars: Vec<char> = document.text.chars().collect();
        let exact: String = chars[target.position.start..target.position.end]
            .iter()
            .collect();
        assert_eq!(exact, "الفقرة الثانية هنا");
        assert_eq!(target.quote.exact, exact);
        assert_eq!(target.quote.prefix, "عنوان\n");
        assert_eq!(target.quote.suffix, "\nثالثة");
        assert_eq!(target.paragraph_sha256, sha256_hex("الفقرة الثانية هنا"));
    }
}
