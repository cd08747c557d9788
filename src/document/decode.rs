//! Bytes to text: byte order marks, UTF-8, and the legacy Arabic encodings (Windows-1256,
//! ISO-8859-6) told apart by `chardetng`; line endings normalized to `\n`.

use encoding_rs::{Encoding, UTF_8};

/// Share of U+FFFD replacement characters above which the bytes are taken for binary data.
const MAX_REPLACEMENT_SHARE: f64 = 0.1;

/// Decoded text and the encoding it was decoded from.
#[derive(Debug)]
pub struct Decoded {
    /// The text with line endings normalized to `\n` and any byte order mark removed.
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// Number of byte sequences that could not be decoded and became U+FFFD.
    pub replaced: usize,
}

/// Share of non-ASCII sequences that must be valid UTF-8 for bytes with some invalid
/// sequences to be read as UTF-8 anyway (the invalid ones become U+FFFD). Text in a legacy
/// 8-bit encoding almost never forms valid multi-byte sequences, so a handful of bad bytes in
/// an otherwise valid UTF-8 article is a damaged UTF-8 article, not another encoding.
const MIN_VALID_UTF8_SHARE: f64 = 0.95;

/// Guesses the encoding of `bytes`: a byte order mark wins, then UTF-8 when the text is valid
/// or overwhelmingly valid UTF-8, then `chardetng`'s guess among legacy encodings, kept only
/// when it reads as more plausible text than UTF-8 with replacement characters.
pub fn detect(bytes: &[u8]) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return encoding;
    }
    let sequences = utf8_sequences(bytes);
    if sequences.invalid == 0 {
        return UTF_8;
    }
    let total = sequences.valid + sequences.invalid;
    if sequences.valid as f64 >= MIN_VALID_UTF8_SHARE * total as f64 {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    let as_guess = plausibility(&guess.decode_without_bom_handling(bytes).0);
    let as_utf8 = plausibility(&UTF_8.decode_without_bom_handling(bytes).0);
    if as_guess > as_utf8 { guess } else { UTF_8 }
}

/// Counts of the non-ASCII sequences in some bytes read as UTF-8.
#[derive(Debug, Default, PartialEq, Eq)]
struct Utf8Sequences {
    /// Well-formed multi-byte characters.
    valid: usize,
    /// Ill-formed sequences, each of which would become one U+FFFD.
    invalid: usize,
}

fn utf8_sequences(mut bytes: &[u8]) -> Utf8Sequences {
    let mut counts = Utf8Sequences::default();
    loop {
        match std::str::from_utf8(bytes) {
            Ok(valid) => {
                counts.valid += valid.chars().filter(|c| !c.is_ascii()).count();
                return counts;
            }
            Err(error) => {
                let (valid, rest) = bytes.split_at(error.valid_up_to());
                // `valid` is valid UTF-8 by the error's own account.
                counts.valid += String::from_utf8_lossy(valid)
                    .chars()
                    .filter(|c| !c.is_ascii())
                    .count();
                counts.invalid += 1;
                let skip = error.error_len().unwrap_or(rest.len()).max(1);
                bytes = rest.get(skip..).unwrap_or_default();
            }
        }
    }
}

/// Share of characters that are plausible in an article: ASCII text, Arabic-script letters,
/// marks, digits and punctuation, Latin-1 letters and common punctuation. Replacement
/// characters, control codes and other scripts (what a wrong 8-bit or CJK guess produces) are
/// not.
fn plausibility(text: &str) -> f64 {
    let mut plausible = 0_usize;
    let mut total = 0_usize;
    for c in text.chars() {
        total += 1;
        let ok = matches!(c,
            '\t' | '\n' | '\r' | ' '..='~'
            | '\u{A0}'..='\u{FF}'
            | '\u{600}'..='\u{6FF}'
            | '\u{750}'..='\u{77F}'
            | '\u{8A0}'..='\u{8FF}'
            | '\u{2000}'..='\u{206F}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}');
        if ok {
            plausible += 1;
        }
    }
    plausible as f64 / total.max(1) as f64
}

/// Decodes `bytes` with `forced` or the detected encoding. Returns `None` for binary data:
/// NUL bytes in an 8-bit or UTF-8 text, or (for a detected encoding) mostly undecodable
/// bytes. An encoding the user chose is obeyed even when the result is mostly replacement
/// characters: they asked to see it.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Option<Decoded> {
    let encoding = forced.unwrap_or_else(|| detect(bytes));
    let is_utf16 = encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE;
    if !is_utf16 && bytes.contains(&0) {
        return None;
    }
    // `decode` strips a BOM of the given encoding; a forced encoding keeps it out too.
    let (text, used, _) = encoding.decode(bytes);
    let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count();
    let chars = text.chars().count().max(1);
    if forced.is_none() && replaced as f64 / chars as f64 > MAX_REPLACEMENT_SHARE {
        return None;
    }
    if is_utf16 && text.contains('\0') {
        return None;
    }
    Some(Decoded {
        text: normalize_line_endings(&text),
        encoding: used,
        replaced,
    })
}

/// Turns CRLF and lone CR into LF.
pub fn normalize_line_endings(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_and_line_endings() {
        let cases: &[(&[u8], &str, &str)] = &[
            (b"\xEF\xBB\xBFab\r\ncd", "UTF-8", "ab\ncd"),
            (b"\xFF\xFEa\0\r\0b\0", "UTF-16LE", "a\nb"),
            (b"\xFE\xFF\0a\0\r\0\n\0b", "UTF-16BE", "a\nb"),
            (b"plain\rold mac", "UTF-8", "plain\nold mac"),
        ];
        for (bytes, encoding, text) in cases {
            let decoded = decode(bytes, None).unwrap();
            assert_eq!(decoded.encoding.name(), *encoding);
            assert_eq!(decoded.text, *text);
        }
    }

    #[test]
    fn a_few_bad_bytes_become_replacement_characters_and_the_rest_survives() {
        let mut bytes = "مرحبا بالعالم، هذه جملة طويلة بما يكفي".as_bytes().to_vec();
        bytes.insert(10, 0xFF);
        let decoded = decode(&bytes, Some(UTF_8)).unwrap();
        assert_eq!(decoded.replaced, 1);
        assert!(decoded.text.contains("بالعالم"));
    }

    #[test]
    fn nul_bytes_and_noise_are_binary() {
        assert!(decode(b"PK\x03\x04\0\0\x14\0", None).is_none());
        let noise: Vec<u8> = (0..4000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8 | 0x80)
            .collect();
        let utf8_noise = decode(&noise, None);
        assert!(utf8_noise.is_none() || utf8_noise.unwrap().encoding != UTF_8);
        assert!(decode(&noise, Some(UTF_8)).is_some_and(|d| d.replaced > 100));
    }
}
