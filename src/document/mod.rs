//! Articles as data: bytes → decoded text → [`Document`] (title and paragraphs).
//!
//! A document keeps its whole text and each paragraph as a byte range into it, so that
//! annotations can point at exact text and count positions in code points over one string.
//! For plain text that string is the decoded file with line endings normalized to `\n`; for
//! Markdown, HTML and Word files it is the extracted paragraphs joined by `\n`.

mod builder;
mod decode;
mod docx;
mod html;
mod markdown;
pub mod pdf;
mod plain;
pub mod rtf;

use std::ops::Range;
use std::path::{Path, PathBuf};

pub use builder::collapse_whitespace;
pub use decode::{Decoded, decode, detect, normalize_line_endings};
pub use docx::{DocxError, parse_docx};
pub use encoding_rs::Encoding;
pub use html::parse_html;
pub use markdown::parse_markdown;
pub use pdf::PdfError;
pub use plain::{MAX_TITLE_CHARS, parse_plain_text};
pub use rtf::{RtfError, parse_rtf};

/// Largest article file opened by default; bigger files are refused with a message.
pub const DEFAULT_SIZE_LIMIT_BYTES: u64 = 64 * 1024 * 1024;

/// Longest paragraph shown as one, in bytes of UTF-8 (about 32,000 Arabic letters, far
/// beyond any real paragraph). A longer one, such as a whole file on one line, is cut into
/// pieces at sentence ends or spaces, so that laying it out, drawing it and annotating it
/// costs what an ordinary paragraph does.
pub const MAX_PARAGRAPH_BYTES: usize = 64 * 1024;

/// File name extensions offered in the open dialog, lower case.
pub const ARTICLE_EXTENSIONS: [&str; 8] =
    ["txt", "md", "markdown", "html", "htm", "docx", "rtf", "pdf"];

/// What went wrong while opening an article.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("{}", crate::i18n::with_path("error-not-found", .0))]
    NotFound(PathBuf),
    #[error("{}", crate::i18n::with_path("error-is-directory", .0))]
    IsDirectory(PathBuf),
    #[error("{}", crate::i18n::with_path("error-not-regular-file", .0))]
    NotRegularFile(PathBuf),
    #[error("{}", crate::i18n::with_path("error-permission-denied", .0))]
    PermissionDenied(PathBuf),
    #[error("{}", crate::i18n::with_path("error-empty", .0))]
    Empty(PathBuf),
    #[error("{}", crate::i18n::with_path("error-binary", .0))]
    Binary(PathBuf),
    #[error("{}", crate::tr!(
        "error-too-large",
        size = format!("{size_mib:.1}"),
        limit = format!("{limit_mib:.0}"),
        path = path
    ))]
    TooLarge {
        size_mib: f64,
        limit_mib: f64,
        path: PathBuf,
    },
    #[error("{source}: {}", path.display())]
    Docx { source: DocxError, path: PathBuf },
    #[error("{source}: {}", path.display())]
    Rtf { source: RtfError, path: PathBuf },
    #[error("{source}: {}", path.display())]
    Pdf { source: PdfError, path: PathBuf },
    #[error("{}", crate::tr!("error-no-text", format = format.to_string(), path = path))]
    NoText { format: Format, path: PathBuf },
    #[error("{}", crate::tr!("error-read-file", reason = source.to_string(), path = path))]
    Io {
        source: std::io::Error,
        path: PathBuf,
    },
}

/// The file formats Hashiya reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// Plain text (`.txt` and anything unrecognised that decodes as text).
    #[default]
    PlainText,
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// A saved web page (`.html`, `.htm`).
    Html,
    /// A Word document (`.docx`).
    Docx,
    /// Rich Text Format (`.rtf`).
    Rtf,
    /// The text layer of a PDF (`.pdf`; experimental).
    Pdf,
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::PlainText => "plain text",
            Self::Markdown => "Markdown",
            Self::Html => "HTML",
            Self::Docx => "Word",
            Self::Rtf => "RTF",
            Self::Pdf => "PDF",
        })
    }
}

impl Format {
    /// Whether the file is text decoded with an encoding that can be chosen (plain text,
    /// Markdown, HTML). Word, RTF and PDF files say how their text is encoded inside them.
    pub fn has_text_encoding(self) -> bool {
        matches!(self, Self::PlainText | Self::Markdown | Self::Html)
    }

    /// The format a file name's extension announces, if any.
    pub fn from_extension(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "txt" | "text" => Some(Self::PlainText),
            "md" | "markdown" => Some(Self::Markdown),
            "html" | "htm" | "xhtml" => Some(Self::Html),
            "docx" => Some(Self::Docx),
            "rtf" => Some(Self::Rtf),
            "pdf" => Some(Self::Pdf),
            _ => None,
        }
    }

    /// Guesses the format from the first bytes: a zip archive is a Word document, markup
    /// that opens like a web page is HTML, anything else plain text.
    pub fn sniff(bytes: &[u8]) -> Self {
        if bytes.starts_with(b"PK\x03\x04") {
            return Self::Docx;
        }
        if bytes.starts_with(b"%PDF-") {
            return Self::Pdf;
        }
        if rtf::is_rtf(bytes) {
            return Self::Rtf;
        }
        let head: String = String::from_utf8_lossy(&bytes[..bytes.len().min(512)])
            .trim_start_matches('\u{feff}')
            .trim_start()
            .chars()
            .take(64)
            .collect::<String>()
            .to_ascii_lowercase();
        if head.starts_with("<!doctype html") || head.starts_with("<html") {
            Self::Html
        } else {
            Self::PlainText
        }
    }
}

/// The role a paragraph plays in the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParagraphKind {
    /// The article's title, shown as the top heading.
    Title,
    /// A section heading of the given level (1–6).
    Heading(u8),
    /// Ordinary running text.
    Body,
    /// An item of a list.
    ListItem,
    /// A block quotation.
    Quote,
}

/// One paragraph: a byte range into [`Document::text`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Where the paragraph's text lies in the document text, in bytes.
    pub byte_range: Range<usize>,
    /// What the paragraph is.
    pub kind: ParagraphKind,
}

/// A loaded article.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// The article text over which positions count (see the module documentation).
    pub text: String,
    /// Paragraphs in reading order.
    pub paragraphs: Vec<Paragraph>,
    /// The format the article was read as.
    pub format: Format,
    /// Name of the text encoding the file was decoded from, as `encoding_rs` names it.
    pub encoding_name: &'static str,
    /// Number of undecodable byte sequences that became U+FFFD while decoding.
    pub replaced_chars: usize,
    /// Number of paragraphs over [`MAX_PARAGRAPH_BYTES`] that were cut into pieces.
    pub split_paragraphs: usize,
    /// Where the article was read from, if it came from a file.
    pub path: Option<PathBuf>,
    /// The page (from 1) of each paragraph, for articles read from a PDF; empty otherwise.
    pub paragraph_pages: Vec<u32>,
}

impl Document {
    /// The text of paragraph `paragraph_idx`, or `None` past the end.
    pub fn paragraph_text(&self, paragraph_idx: usize) -> Option<&str> {
        let paragraph = self.paragraphs.get(paragraph_idx)?;
        self.text.get(paragraph.byte_range.clone())
    }

    /// The article's title: the text of the title paragraph, or of the first paragraph.
    pub fn title(&self) -> &str {
        let title_idx = self
            .paragraphs
            .iter()
            .position(|p| p.kind == ParagraphKind::Title)
            .unwrap_or(0);
        self.paragraph_text(title_idx).unwrap_or("")
    }

    /// The language of the article's text, from the letters of its first
    /// [`crate::arabic::language::DETECTION_CHARS`] characters (see [`crate::arabic::language`]).
    pub fn language(&self) -> crate::arabic::Language {
        crate::arabic::Language::detect(&self.text)
    }

    /// The file name of the article, for window titles and messages.
    pub fn file_name(&self) -> Option<String> {
        self.path
            .as_deref()
            .and_then(Path::file_name)
            .map(|name| name.to_string_lossy().into_owned())
    }
}

/// How to open a file.
#[derive(Clone, Copy, Debug)]
pub struct LoadOptions {
    /// Decode with this encoding instead of detecting one (text formats only).
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Refuse files larger than this.
    pub size_limit_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            encoding: None,
            size_limit_bytes: DEFAULT_SIZE_LIMIT_BYTES,
        }
    }
}

/// Reads and parses the article at `path`, detecting format and encoding.
pub fn load(path: &Path) -> Result<Document, DocumentError> {
    load_with(path, LoadOptions::default())
}

/// Reads and parses the article at `path` with `options`.
pub fn load_with(path: &Path, options: LoadOptions) -> Result<Document, DocumentError> {
    let bytes = read_limited(path, options.size_limit_bytes)?;
    let format = Format::from_extension(path).unwrap_or_else(|| Format::sniff(&bytes));
    let mut document = if format == Format::Pdf {
        // The extractor reads the file itself.
        pdf_document(&bytes, Some(path)).map_err(|error| error.at(path))?
    } else {
        parse_bytes(&bytes, Some(format), options.encoding).map_err(|error| error.at(path))?
    };
    document.path = Some(path.to_owned());
    Ok(document)
}

/// Why bytes could not be turned into a document (the path is added by the caller).
#[derive(Debug)]
pub enum ParseError {
    /// No bytes at all, or nothing but white space.
    Empty,
    /// Not text.
    Binary,
    /// Text, but no paragraph in it.
    NoText(Format),
    /// A broken Word file.
    Docx(DocxError),
    /// A broken RTF file.
    Rtf(RtfError),
    /// A PDF whose text could not be extracted.
    Pdf(PdfError),
}

impl ParseError {
    /// The error for the file at `path`.
    pub fn at(self, path: &Path) -> DocumentError {
        let path = path.to_owned();
        match self {
            Self::Empty => DocumentError::Empty(path),
            Self::Binary => DocumentError::Binary(path),
            Self::NoText(format) => DocumentError::NoText { format, path },
            Self::Docx(source) => DocumentError::Docx { source, path },
            Self::Rtf(source) => DocumentError::Rtf { source, path },
            Self::Pdf(source) => DocumentError::Pdf { source, path },
        }
    }
}

/// Parses file contents. `format` comes from the file name when it has a known extension;
/// otherwise it is sniffed from the bytes.
pub fn parse_bytes(
    bytes: &[u8],
    format: Option<Format>,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> Result<Document, ParseError> {
    if bytes.is_empty() {
        return Err(ParseError::Empty);
    }
    let format = format.unwrap_or_else(|| Format::sniff(bytes));
    if format == Format::Docx {
        let mut document = parse_docx(bytes).map_err(ParseError::Docx)?;
        split_long_paragraphs(&mut document);
        return non_empty(document, Format::Docx);
    }
    if format == Format::Pdf {
        return pdf_document(bytes, None);
    }
    if format == Format::Rtf {
        let mut document = parse_rtf(bytes).map_err(ParseError::Rtf)?;
        split_long_paragraphs(&mut document);
        return non_empty(document, Format::Rtf);
    }
    let decoded = decode(bytes, encoding.or_else(|| html_meta_charset(bytes, format)))
        .ok_or(ParseError::Binary)?;
    if decoded.text.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    let mut document = match format {
        Format::PlainText | Format::Docx | Format::Rtf | Format::Pdf => {
            parse_plain_text(decoded.text)
        }
        Format::Markdown => parse_markdown(&decoded.text),
        Format::Html => parse_html(&decoded.text),
    };
    document.encoding_name = decoded.encoding.name();
    document.replaced_chars = decoded.replaced;
    split_long_paragraphs(&mut document);
    non_empty(document, format)
}

/// A PDF's text layer as a document. `path` is the file when there is one; otherwise the
/// bytes go to a temporary file for the extractor.
fn pdf_document(bytes: &[u8], path: Option<&Path>) -> Result<Document, ParseError> {
    if !bytes.starts_with(b"%PDF-") {
        return Err(ParseError::Pdf(PdfError::Failed(crate::tr!(
            "error-pdf-no-signature"
        ))));
    }
    let mut document = match path {
        Some(path) => pdf::parse_pdf_file(path),
        None => {
            let temp =
                temp_copy(bytes).map_err(|e| ParseError::Pdf(PdfError::Failed(e.to_string())))?;
            let result = pdf::parse_pdf_file(&temp);
            std::fs::remove_file(&temp).ok();
            result
        }
    }
    .map_err(ParseError::Pdf)?;
    // Pieces of a cut paragraph stay on its page.
    let pages = std::mem::take(&mut document.paragraph_pages);
    let before: Vec<std::ops::Range<usize>> = document
        .paragraphs
        .iter()
        .map(|p| p.byte_range.clone())
        .collect();
    split_long_paragraphs(&mut document);
    document.paragraph_pages = document
        .paragraphs
        .iter()
        .map(|paragraph| {
            before
                .iter()
                .position(|range| range.contains(&paragraph.byte_range.start))
                .and_then(|idx| pages.get(idx).copied())
                .unwrap_or(1)
        })
        .collect();
    non_empty(document, Format::Pdf)
}

/// Writes `bytes` to a new file in the temporary folder.
fn temp_copy(bytes: &[u8]) -> std::io::Result<PathBuf> {
    use std::io::Write as _;
    let path = std::env::temp_dir().join(format!(
        "hashiya-{}-{}.pdf",
        std::process::id(),
        uuid::Uuid::new_v4().simple()
    ));
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)?;
    file.write_all(bytes)?;
    Ok(path)
}

/// Cuts every paragraph longer than [`MAX_PARAGRAPH_BYTES`] into pieces of at most that
/// size, between sentences where it can, else between words, else between characters (never
/// inside a letter with its marks). The text is unchanged: the pieces are ranges of it, so
/// positions in it stay valid.
pub fn split_long_paragraphs(document: &mut Document) {
    split_paragraphs_at(document, MAX_PARAGRAPH_BYTES);
}

fn split_paragraphs_at(document: &mut Document, max_bytes: usize) {
    if document
        .paragraphs
        .iter()
        .all(|p| p.byte_range.len() <= max_bytes)
    {
        return;
    }
    let text = &document.text;
    let mut paragraphs = Vec::with_capacity(document.paragraphs.len());
    let mut split = 0;
    for paragraph in document.paragraphs.drain(..) {
        if paragraph.byte_range.len() <= max_bytes {
            paragraphs.push(paragraph);
            continue;
        }
        split += 1;
        let mut kind = paragraph.kind;
        let mut start = paragraph.byte_range.start;
        let end = paragraph.byte_range.end;
        while start < end {
            let cut = if end - start <= max_bytes {
                end
            } else {
                cut_point(text, start, start + max_bytes)
            };
            let piece = trim_range(text, start..cut);
            if !piece.is_empty() {
                paragraphs.push(Paragraph {
                    byte_range: piece,
                    kind,
                });
                // Only the first piece of a heading is the heading.
                kind = ParagraphKind::Body;
            }
            start = cut;
        }
    }
    document.paragraphs = paragraphs;
    document.split_paragraphs += split;
}

/// Where to end a piece that starts at `start` and may reach `limit` (both char boundaries
/// or `limit` inside a char): after the last sentence end in its second half, else at the
/// last white space there, else at the last grapheme boundary before `limit`.
fn cut_point(text: &str, start: usize, limit: usize) -> usize {
    use unicode_segmentation::UnicodeSegmentation as _;
    let mut limit = limit.min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let Some(window) = text.get(start..limit) else {
        return limit;
    };
    let half = window.len() / 2;
    let mut last_space = None;
    let mut last_sentence = None;
    let mut previous = None;
    for (offset, c) in window.char_indices() {
        if offset >= half && c.is_whitespace() {
            last_space = Some(offset);
            if matches!(previous, Some('.' | '!' | '?' | '؟' | '۔' | '…')) {
                last_sentence = Some(offset);
            }
        }
        previous = Some(c);
    }
    if let Some(offset) = last_sentence.or(last_space) {
        return start + offset;
    }
    // One unbroken run: the last grapheme boundary (a letter keeps its marks).
    let boundary = window
        .grapheme_indices(true)
        .map(|(offset, _)| offset)
        .next_back()
        .filter(|&offset| offset > 0)
        .unwrap_or(window.len());
    start + boundary
}

/// `range` without the white space at its ends.
fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let Some(slice) = text.get(range.clone()) else {
        return range.start..range.start;
    };
    let leading = slice.len() - slice.trim_start().len();
    let trailing = slice.len() - slice.trim_end().len();
    if leading == slice.len() {
        return range.start..range.start;
    }
    range.start + leading..range.end - trailing
}

fn non_empty(document: Document, format: Format) -> Result<Document, ParseError> {
    if document.paragraphs.is_empty() {
        Err(ParseError::NoText(format))
    } else {
        Ok(document)
    }
}

/// The encoding an HTML file declares in a `<meta charset>` near its start, when its bytes
/// are not valid UTF-8 (a declaration of UTF-8 on invalid bytes is not believed).
fn html_meta_charset(bytes: &[u8], format: Format) -> Option<&'static encoding_rs::Encoding> {
    if format != Format::Html || std::str::from_utf8(bytes).is_ok() {
        return None;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let after = &head[head.find("charset=")? + "charset=".len()..];
    let label: String = after
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':'))
        .collect();
    encoding_rs::Encoding::for_label(label.as_bytes()).filter(|e| *e != encoding_rs::UTF_8)
}

/// Names the common ways a read fails; the rest keep the system's words.
fn io_error(source: std::io::Error, path: &Path) -> DocumentError {
    match source.kind() {
        std::io::ErrorKind::NotFound => DocumentError::NotFound(path.to_owned()),
        std::io::ErrorKind::PermissionDenied => DocumentError::PermissionDenied(path.to_owned()),
        _ => DocumentError::Io {
            source,
            path: path.to_owned(),
        },
    }
}

/// Reads a whole file with the checks articles get (no folders, pipes or devices; nothing
/// over `limit_bytes`; an empty file refused), for other readers of user files.
pub fn read_file_limited(path: &Path, limit_bytes: u64) -> Result<Vec<u8>, DocumentError> {
    let bytes = read_limited(path, limit_bytes)?;
    if bytes.is_empty() {
        return Err(DocumentError::Empty(path.to_owned()));
    }
    Ok(bytes)
}

/// Reads a whole file, refusing folders and files over `limit_bytes`.
fn read_limited(path: &Path, limit_bytes: u64) -> Result<Vec<u8>, DocumentError> {
    let io_error = |source| io_error(source, path);
    let metadata = std::fs::metadata(path).map_err(io_error)?;
    if metadata.is_dir() {
        return Err(DocumentError::IsDirectory(path.to_owned()));
    }
    // Reading a pipe or a device blocks until a writer comes, or never ends.
    if !metadata.is_file() {
        return Err(DocumentError::NotRegularFile(path.to_owned()));
    }
    if metadata.len() > limit_bytes {
        return Err(DocumentError::TooLarge {
            size_mib: metadata.len() as f64 / (1024.0 * 1024.0),
            limit_mib: limit_bytes as f64 / (1024.0 * 1024.0),
            path: path.to_owned(),
        });
    }
    // The file may have grown (or been swapped) since the metadata was read: read at most
    // one byte past the limit.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| {
            use std::io::Read as _;
            file.take(limit_bytes.saturating_add(1))
                .read_to_end(&mut bytes)
        })
        .map_err(io_error)?;
    if bytes.len() as u64 > limit_bytes {
        return Err(DocumentError::TooLarge {
            size_mib: bytes.len() as f64 / (1024.0 * 1024.0),
            limit_mib: limit_bytes as f64 / (1024.0 * 1024.0),
            path: path.to_owned(),
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_failures_are_named() {
        let path = Path::new("/x/مقال.txt");
        let cases = [
            (std::io::ErrorKind::NotFound, "does not exist"),
            (
                std::io::ErrorKind::PermissionDenied,
                "no permission to read",
            ),
            (std::io::ErrorKind::InvalidData, "could not read the file"),
        ];
        for (kind, expected) in cases {
            let message = io_error(std::io::Error::from(kind), path).to_string();
            assert!(message.contains(expected), "{message}");
            assert!(message.ends_with("/x/مقال.txt"), "path last: {message}");
        }
    }
}
