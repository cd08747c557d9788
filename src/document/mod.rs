//! Articles as data: bytes → decoded text → [`Document`] (title and paragraphs).
//!
//! A document keeps its whole decoded text (line endings normalized to `\n`) and each paragraph
//! as a byte range into it, so that annotations can point at exact text and count positions in
//! code points over the same string everywhere.

mod plain;

use std::ops::Range;
use std::path::{Path, PathBuf};

pub use plain::parse_plain_text;

/// Largest article file that is opened; bigger files are refused with a message.
pub const DEFAULT_SIZE_LIMIT_BYTES: u64 = 64 * 1024 * 1024;

/// What went wrong while opening an article.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("the file does not exist: {}", .0.display())]
    NotFound(PathBuf),
    #[error("this is a folder, not an article file: {}", .0.display())]
    IsDirectory(PathBuf),
    #[error("no permission to read the file: {}", .0.display())]
    PermissionDenied(PathBuf),
    #[error("the file is empty: {}", .0.display())]
    Empty(PathBuf),
    #[error("the file holds no text (it looks binary): {}", .0.display())]
    Binary(PathBuf),
    #[error(
        "the file is {size_mib:.1} MiB, over the {limit_mib:.0} MiB limit for articles: {}",
        path.display()
    )]
    TooLarge {
        size_mib: f64,
        limit_mib: f64,
        path: PathBuf,
    },
    #[error("could not read the file ({source}): {}", path.display())]
    Io {
        source: std::io::Error,
        path: PathBuf,
    },
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
    /// The decoded article text with line endings normalized to `\n`.
    pub text: String,
    /// Paragraphs in reading order.
    pub paragraphs: Vec<Paragraph>,
    /// Name of the text encoding the file was decoded from, as `encoding_rs` names it.
    pub encoding_name: &'static str,
    /// Where the article was read from, if it came from a file.
    pub path: Option<PathBuf>,
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

    /// The file name of the article, for window titles and messages.
    pub fn file_name(&self) -> Option<String> {
        self.path
            .as_deref()
            .and_then(Path::file_name)
            .map(|name| name.to_string_lossy().into_owned())
    }
}

/// Reads and parses the article at `path`.
pub fn load(path: &Path) -> Result<Document, DocumentError> {
    let bytes = read_limited(path, DEFAULT_SIZE_LIMIT_BYTES)?;
    if bytes.is_empty() {
        return Err(DocumentError::Empty(path.to_owned()));
    }
    let text = decode(&bytes).ok_or_else(|| DocumentError::Binary(path.to_owned()))?;
    let mut document = parse_plain_text(text);
    document.encoding_name = "UTF-8";
    document.path = Some(path.to_owned());
    if document.paragraphs.is_empty() {
        return Err(DocumentError::Empty(path.to_owned()));
    }
    Ok(document)
}

/// Reads a whole file, refusing folders and files over `limit_bytes`.
fn read_limited(path: &Path, limit_bytes: u64) -> Result<Vec<u8>, DocumentError> {
    let io_error = |source: std::io::Error| match source.kind() {
        std::io::ErrorKind::NotFound => DocumentError::NotFound(path.to_owned()),
        std::io::ErrorKind::PermissionDenied => DocumentError::PermissionDenied(path.to_owned()),
        _ => DocumentError::Io {
            source,
            path: path.to_owned(),
        },
    };
    let metadata = std::fs::metadata(path).map_err(io_error)?;
    if metadata.is_dir() {
        return Err(DocumentError::IsDirectory(path.to_owned()));
    }
    if metadata.len() > limit_bytes {
        return Err(DocumentError::TooLarge {
            size_mib: metadata.len() as f64 / (1024.0 * 1024.0),
            limit_mib: limit_bytes as f64 / (1024.0 * 1024.0),
            path: path.to_owned(),
        });
    }
    std::fs::read(path).map_err(io_error)
}

/// Decodes UTF-8 (with or without a byte order mark) and normalizes line endings to `\n`.
/// Returns `None` for bytes that are not text.
fn decode(bytes: &[u8]) -> Option<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return None;
    }
    let text = String::from_utf8_lossy(bytes);
    Some(normalize_line_endings(&text))
}

/// Turns CRLF and lone CR into LF.
pub fn normalize_line_endings(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}
