//! Building a document from extracted paragraphs (Markdown, HTML, DOCX): the paragraphs are
//! joined with `\n` into the document text, over which annotation positions count.

use super::plain::MAX_TITLE_CHARS;
use super::{Document, Format, Paragraph, ParagraphKind};

/// Collects paragraphs in reading order.
#[derive(Debug, Default)]
pub struct DocumentBuilder {
    text: String,
    paragraphs: Vec<Paragraph>,
}

impl DocumentBuilder {
    /// Appends a paragraph; white space at its ends is dropped and an empty one is skipped.
    pub fn push(&mut self, kind: ParagraphKind, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        if !self.paragraphs.is_empty() {
            self.text.push('\n');
        }
        let start = self.text.len();
        self.text.push_str(text);
        self.paragraphs.push(Paragraph {
            byte_range: start..self.text.len(),
            kind,
        });
    }

    /// Finishes the document. Without an explicit title, a leading heading or a short first
    /// paragraph becomes the title.
    pub fn finish(mut self, format: Format) -> Document {
        let has_title = self
            .paragraphs
            .iter()
            .any(|p| p.kind == ParagraphKind::Title);
        if !has_title && let Some(first) = self.paragraphs.first_mut() {
            let chars = self
                .text
                .get(first.byte_range.clone())
                .map_or(0, |t| t.chars().count());
            if matches!(first.kind, ParagraphKind::Heading(_))
                || (first.kind == ParagraphKind::Body && chars <= MAX_TITLE_CHARS)
            {
                first.kind = ParagraphKind::Title;
            }
        }
        Document {
            text: self.text,
            paragraphs: self.paragraphs,
            format,
            encoding_name: "UTF-8",
            replaced_chars: 0,
            split_paragraphs: 0,
            path: None,
            paragraph_pages: Vec::new(),
        }
    }
}

/// Collapses runs of white space (including newlines) into single spaces, as HTML and Word
/// render them.
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            pending_space = true;
        } else {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        }
    }
    out
}
