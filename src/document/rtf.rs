//! Rich Text Format (`.rtf`): the text, paragraph by paragraph, without font tables, styles,
//! pictures or other hidden groups.
//!
//! Bytes escaped as `\'hh` (and any raw 8-bit bytes) are decoded with the code page in force:
//! the font's `\fcharset` (178 is Arabic, Windows-1256), else the document's `\ansicpg`, else
//! Windows-1252. `\uN` gives a character directly, after which `\ucN` fallback characters
//! are skipped. Word processors write Arabic either way; both come out as the same text.

use super::builder::DocumentBuilder;
use super::{Document, Format, ParagraphKind};

/// Deepest group nesting followed; deeper groups share the state of this level (their braces
/// are still counted), so a hostile file cannot grow the stack without bound.
const MAX_DEPTH: usize = 1024;

/// Most fonts remembered from the font table (real documents have a few dozen).
const MAX_FONTS: usize = 4096;

/// Why an RTF file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum RtfError {
    #[error("{}", crate::tr!("error-not-rtf"))]
    NotRtf,
}

/// The text of an RTF file, as paragraphs (the file's `\par`, `\line`, table rows and page
/// breaks), with the name of the code page its 8-bit text was decoded from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RtfText {
    /// Paragraphs, white space at their ends trimmed; table cells are separated by a tab.
    /// Empty paragraphs between others are kept as empty strings.
    pub paragraphs: Vec<String>,
    /// The document's code page as `encoding_rs` names it.
    pub encoding_name: &'static str,
}

/// True when `bytes` open like an RTF file.
pub fn is_rtf(bytes: &[u8]) -> bool {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes
        .get(start..)
        .is_some_and(|rest| rest.starts_with(b"{\\rtf"))
}

/// Parses an RTF article into a document (the first short paragraph is its title).
pub fn parse_rtf(bytes: &[u8]) -> Result<Document, RtfError> {
    let text = rtf_text(bytes)?;
    let mut builder = DocumentBuilder::default();
    for paragraph in &text.paragraphs {
        builder.push(ParagraphKind::Body, paragraph);
    }
    let mut document = builder.finish(Format::Rtf);
    document.encoding_name = text.encoding_name;
    Ok(document)
}

/// What a group does with its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Destination {
    /// Shown text.
    Text,
    /// Hidden (styles, pictures, field codes, metadata…): dropped.
    Skip,
    /// The font table: read for each font's character set.
    FontTable,
}

/// The state a group inherits and restores.
#[derive(Clone, Copy, Debug)]
struct State {
    destination: Destination,
    /// Fallback characters after `\uN`.
    unicode_skip: usize,
    /// Code page for 8-bit text in this group.
    encoding: &'static encoding_rs::Encoding,
}

/// Reads the text of an RTF file.
pub fn rtf_text(bytes: &[u8]) -> Result<RtfText, RtfError> {
    if !is_rtf(bytes) {
        return Err(RtfError::NotRtf);
    }
    Ok(Reader::new(bytes).run())
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    state: State,
    stack: Vec<State>,
    /// Groups opened beyond [`MAX_DEPTH`], not on the stack.
    overflow_depth: usize,
    document_encoding: &'static encoding_rs::Encoding,
    /// Font number → code page, from the font table.
    fonts: Vec<(i64, &'static encoding_rs::Encoding)>,
    /// The font being described in the font table.
    table_font: Option<i64>,
    /// Fallback characters still to skip after a `\uN`.
    pending_skip: usize,
    /// 8-bit bytes not yet decoded, and the code page they are in.
    pending_bytes: Vec<u8>,
    pending_encoding: &'static encoding_rs::Encoding,
    /// A UTF-16 high surrogate waiting for its low half.
    high_surrogate: Option<u16>,
    paragraph: String,
    paragraphs: Vec<String>,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        let encoding = encoding_rs::WINDOWS_1252;
        Self {
            bytes,
            pos: 0,
            state: State {
                destination: Destination::Text,
                unicode_skip: 1,
                encoding,
            },
            stack: Vec::new(),
            overflow_depth: 0,
            document_encoding: encoding,
            fonts: Vec::new(),
            table_font: None,
            pending_skip: 0,
            pending_bytes: Vec::new(),
            pending_encoding: encoding,
            high_surrogate: None,
            paragraph: String::new(),
            paragraphs: Vec::new(),
        }
    }

    fn run(mut self) -> RtfText {
        while let Some(&byte) = self.bytes.get(self.pos) {
            self.pos += 1;
            match byte {
                b'{' => self.open_group(),
                b'}' => self.close_group(),
                b'\\' => self.control(),
                b'\r' | b'\n' => {}
                _ => self.text_byte(byte),
            }
        }
        self.flush_bytes();
        if !self.paragraph.trim().is_empty() {
            self.end_paragraph();
        }
        while self.paragraphs.last().is_some_and(String::is_empty) {
            self.paragraphs.pop();
        }
        RtfText {
            paragraphs: self.paragraphs,
            encoding_name: self.document_encoding.name(),
        }
    }

    fn open_group(&mut self) {
        self.flush_bytes();
        self.pending_skip = 0;
        if self.stack.len() < MAX_DEPTH {
            self.stack.push(self.state);
        } else {
            self.overflow_depth = self.overflow_depth.saturating_add(1);
        }
    }

    fn close_group(&mut self) {
        self.flush_bytes();
        self.pending_skip = 0;
        if self.overflow_depth > 0 {
            self.overflow_depth -= 1;
            return;
        }
        if self.state.destination == Destination::FontTable {
            self.table_font = None;
        }
        if let Some(state) = self.stack.pop() {
            self.state = state;
        }
    }

    /// A control word, symbol or `\'hh` after a backslash.
    fn control(&mut self) {
        let Some(&first) = self.bytes.get(self.pos) else {
            return;
        };
        if !first.is_ascii_alphabetic() {
            self.pos += 1;
            self.control_symbol(first);
            return;
        }
        let start = self.pos;
        while self
            .bytes
            .get(self.pos)
            .is_some_and(u8::is_ascii_alphabetic)
            && self.pos - start < 32
        {
            self.pos += 1;
        }
        let word = self.bytes.get(start..self.pos).unwrap_or_default().to_vec();
        let parameter = self.parameter();
        // One space after a control word belongs to it.
        if self.bytes.get(self.pos) == Some(&b' ') {
            self.pos += 1;
        }
        self.control_word(&word, parameter);
    }

    /// The optional signed number after a control word (at most 10 digits; larger values
    /// saturate).
    fn parameter(&mut self) -> Option<i64> {
        let negative = self.bytes.get(self.pos) == Some(&b'-')
            && self.bytes.get(self.pos + 1).is_some_and(u8::is_ascii_digit);
        if negative {
            self.pos += 1;
        }
        let start = self.pos;
        let mut value: i64 = 0;
        while let Some(&digit) = self.bytes.get(self.pos).filter(|b| b.is_ascii_digit()) {
            self.pos += 1;
            if self.pos - start <= 10 {
                value = value
                    .saturating_mul(10)
                    .saturating_add(i64::from(digit - b'0'));
            }
        }
        (self.pos > start).then_some(if negative { -value } else { value })
    }

    fn control_symbol(&mut self, symbol: u8) {
        match symbol {
            b'\'' => {
                let hex = self.bytes.get(self.pos..self.pos + 2).and_then(|h| {
                    std::str::from_utf8(h)
                        .ok()
                        .and_then(|h| u8::from_str_radix(h, 16).ok())
                });
                if let Some(value) = hex {
                    self.pos += 2;
                    self.text_byte(value);
                }
            }
            b'\\' | b'{' | b'}' => self.text_byte(symbol),
            b'~' => self.text_char('\u{a0}'),
            b'_' => self.text_char('\u{2011}'),
            b'*' => {
                // An ignorable destination: hidden unless we know it.
                self.state.destination = Destination::Skip;
            }
            b'\r' | b'\n' => self.end_paragraph(),
            // `\-` (optional hyphen), `\:` (index) and the rest show nothing.
            _ => {}
        }
    }

    fn control_word(&mut self, word: &[u8], parameter: Option<i64>) {
        match word {
            b"par" | b"line" | b"sect" | b"page" | b"row" => {
                self.flush_bytes();
                self.end_paragraph();
            }
            b"cell" | b"tab" => self.text_char('\t'),
            b"emdash" => self.text_char('—'),
            b"endash" => self.text_char('–'),
            b"lquote" => self.text_char('‘'),
            b"rquote" => self.text_char('’'),
            b"ldblquote" => self.text_char('“'),
            b"rdblquote" => self.text_char('”'),
            b"bullet" => self.text_char('•'),
            b"emspace" | b"enspace" | b"qmspace" => self.text_char(' '),
            b"zwj" => self.text_char('\u{200d}'),
            b"zwnj" => self.text_char('\u{200c}'),
            b"ltrmark" => self.text_char('\u{200e}'),
            b"rtlmark" => self.text_char('\u{200f}'),
            b"u" => {
                if let Some(value) = parameter {
                    self.unicode(value);
                }
            }
            b"uc" => {
                self.state.unicode_skip = parameter.unwrap_or(1).clamp(0, 16) as usize;
            }
            b"ansicpg" => {
                if let Some(encoding) = parameter.and_then(code_page_encoding) {
                    self.document_encoding = encoding;
                    self.state.encoding = encoding;
                    for state in &mut self.stack {
                        state.encoding = encoding;
                    }
                }
            }
            b"fonttbl" => self.state.destination = Destination::FontTable,
            b"f" => {
                let number = parameter.unwrap_or(0);
                if self.state.destination == Destination::FontTable {
                    self.table_font = Some(number);
                } else {
                    self.flush_bytes();
                    self.state.encoding = self
                        .fonts
                        .iter()
                        .find(|(font, _)| *font == number)
                        .map_or(self.document_encoding, |(_, encoding)| *encoding);
                }
            }
            b"fcharset" => {
                if self.state.destination == Destination::FontTable
                    && self.fonts.len() < MAX_FONTS
                    && let (Some(font), Some(encoding)) =
                        (self.table_font, parameter.and_then(charset_encoding))
                {
                    self.fonts.push((font, encoding));
                }
            }
            b"bin" => {
                // Binary data: skipped whole.
                let length = usize::try_from(parameter.unwrap_or(0)).unwrap_or(0);
                self.pos = self.pos.saturating_add(length).min(self.bytes.len());
            }
            _ if is_hidden_destination(word) => {
                self.flush_bytes();
                self.state.destination = Destination::Skip;
            }
            b"fldrslt" => {
                // The visible result of a field: shown even inside a `\*` group.
                self.state.destination = Destination::Text;
            }
            _ => {}
        }
    }

    fn unicode(&mut self, value: i64) {
        self.flush_bytes();
        // Negative values are how RTF writes code units above 32767.
        let unit = if value < 0 {
            value.saturating_add(65_536)
        } else {
            value
        };
        let unit = u16::try_from(unit).unwrap_or(0xfffd);
        match (self.high_surrogate.take(), unit) {
            (_, 0xd800..=0xdbff) => self.high_surrogate = Some(unit),
            (Some(high), 0xdc00..=0xdfff) => {
                let c = char::decode_utf16([high, unit])
                    .next()
                    .and_then(Result::ok)
                    .unwrap_or('\u{fffd}');
                self.push_char(c);
            }
            (_, unit) => {
                let c = char::from_u32(u32::from(unit)).unwrap_or('\u{fffd}');
                self.push_char(c);
            }
        }
        self.pending_skip = self.state.unicode_skip;
    }

    /// One byte of 8-bit text (escaped or raw).
    fn text_byte(&mut self, byte: u8) {
        if self.pending_skip > 0 {
            self.pending_skip -= 1;
            return;
        }
        if self.state.destination != Destination::Text {
            return;
        }
        if self.pending_encoding != self.state.encoding {
            self.flush_bytes();
            self.pending_encoding = self.state.encoding;
        }
        self.pending_bytes.push(byte);
    }

    /// A character given by a control word.
    fn text_char(&mut self, c: char) {
        if self.pending_skip > 0 {
            self.pending_skip -= 1;
            return;
        }
        self.flush_bytes();
        self.push_char(c);
    }

    fn push_char(&mut self, c: char) {
        if self.state.destination == Destination::Text {
            self.paragraph.push(c);
        }
    }

    fn flush_bytes(&mut self) {
        if self.pending_bytes.is_empty() {
            return;
        }
        let (text, _, _) = self.pending_encoding.decode(&self.pending_bytes);
        self.paragraph.push_str(&text);
        self.pending_bytes.clear();
    }

    /// Ends a paragraph; an empty one is kept (as an empty string) while it stands between
    /// paragraphs, since blank lines separate articles' parts in exported bundles.
    fn end_paragraph(&mut self) {
        self.flush_bytes();
        let text = self.paragraph.trim();
        if !text.is_empty() || !self.paragraphs.is_empty() {
            self.paragraphs.push(text.to_owned());
        }
        self.paragraph.clear();
    }
}

/// Groups whose text is never shown.
fn is_hidden_destination(word: &[u8]) -> bool {
    matches!(
        word,
        b"colortbl"
            | b"stylesheet"
            | b"info"
            | b"pict"
            | b"object"
            | b"header"
            | b"headerl"
            | b"headerr"
            | b"headerf"
            | b"footer"
            | b"footerl"
            | b"footerr"
            | b"footerf"
            | b"fldinst"
            | b"themedata"
            | b"colorschememapping"
            | b"datastore"
            | b"latentstyles"
            | b"listtable"
            | b"listoverridetable"
            | b"rsidtbl"
            | b"generator"
            | b"xmlnstbl"
            | b"mmathPr"
            | b"pgdsctbl"
            | b"revtbl"
            | b"filetbl"
            | b"bkmkstart"
            | b"bkmkend"
            | b"docvar"
            | b"userprops"
            | b"nonshppict"
            | b"shppict"
            | b"xe"
            | b"tc"
            | b"atnid"
            | b"annotation"
    )
}

/// The encoding of a Windows code page number.
fn code_page_encoding(code_page: i64) -> Option<&'static encoding_rs::Encoding> {
    let label: &[u8] = match code_page {
        1250..=1258 => {
            return encoding_rs::Encoding::for_label(format!("windows-{code_page}").as_bytes());
        }
        874 => b"windows-874",
        932 => b"shift_jis",
        936 => b"gbk",
        949 => b"euc-kr",
        950 => b"big5",
        708 | 28596 => b"iso-8859-6",
        10000 => b"macintosh",
        65001 => b"utf-8",
        _ => return None,
    };
    encoding_rs::Encoding::for_label(label)
}

/// The encoding of an RTF `\fcharset` number.
fn charset_encoding(charset: i64) -> Option<&'static encoding_rs::Encoding> {
    let code_page = match charset {
        0 => 1252,
        128 => 932,
        129 => 949,
        134 => 936,
        136 => 950,
        161 => 1253,
        162 => 1254,
        163 => 1258,
        177 => 1255,
        178 => 1256,
        186 => 1257,
        204 => 1251,
        222 => 874,
        238 => 1250,
        _ => return None,
    };
    code_page_encoding(code_page)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(rtf: &[u8]) -> Vec<String> {
        rtf_text(rtf).unwrap().paragraphs
    }

    #[test]
    fn windows_1256_hex_escapes_become_arabic() {
        // "سلام" in Windows-1256: d3 e1 c7 e3.
        let rtf = b"{\\rtf1\\ansi\\ansicpg1256{\\fonttbl{\\f0\\fnil\\fcharset178 Arial;}}\\f0 \\'d3\\'e1\\'c7\\'e3\\par}";
        assert_eq!(paragraphs(rtf), ["سلام"]);
        assert_eq!(rtf_text(rtf).unwrap().encoding_name, "windows-1256");
    }

    #[test]
    fn font_charset_decides_over_the_document_code_page() {
        let rtf = b"{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Times;}{\\f1\\fcharset178 Arial;}}\\f0 caf\\'e9 \\f1\\'d3\\'e1\\'c7\\'e3\\par}";
        assert_eq!(paragraphs(rtf), ["café سلام"]);
    }

    #[test]
    fn unicode_escapes_skip_their_fallback() {
        let rtf = b"{\\rtf1\\uc1\\u1587?\\u1604?\\uc2\\u1575\\'c7\\'c7\\u1605 ??\\par}";
        assert_eq!(paragraphs(rtf), ["سلام"]);
        // Negative values and surrogate pairs.
        let rtf = b"{\\rtf1\\u-10179?\\u-8694?\\par}";
        assert_eq!(paragraphs(rtf), ["\u{1f60a}"]);
    }

    #[test]
    fn hidden_groups_are_dropped() {
        let rtf = b"{\\rtf1{\\fonttbl{\\f0 Arial;}}{\\colortbl;\\red0;}{\\stylesheet{\\s0 Normal;}}{\\info{\\title T}}{\\*\\generator X;}{\\pict\\pngblip 89504e47}before {\\field{\\*\\fldinst HYPERLINK x}{\\fldrslt link}} after\\par second\\line third\\par}";
        assert_eq!(paragraphs(rtf), ["before link after", "second", "third"]);
    }

    #[test]
    fn refuses_what_is_not_rtf_and_survives_damage() {
        assert!(matches!(rtf_text(b"hello"), Err(RtfError::NotRtf)));
        let deep = format!("{{\\rtf1 {}text{}", "{".repeat(100_000), "}".repeat(10));
        assert_eq!(paragraphs(deep.as_bytes()), ["text"]);
        assert_eq!(
            paragraphs(b"{\\rtf1 a\\u99999999999999999999?b\\'4"),
            ["a\u{fffd}b4"]
        );
        assert_eq!(paragraphs(b"{\\rtf1 x\\bin99999999999 yz"), ["x"]);
    }
}
