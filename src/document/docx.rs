//! Word (.docx) articles: paragraphs and headings from `word/document.xml`.

use std::io::{Cursor, Read as _};

use quick_xml::events::{BytesStart, Event};

use super::builder::DocumentBuilder;
use super::{Document, Format, ParagraphKind};

/// Largest unpacked `document.xml` read; a bigger one is refused rather than filling memory.
const MAX_DOCUMENT_XML_BYTES: u64 = 256 * 1024 * 1024;

/// Why a .docx file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("{}", crate::tr!("error-docx-not-zip", reason = .0))]
    NotZip(String),
    #[error("{}", crate::tr!("error-docx-no-document-xml"))]
    NoDocumentXml,
    #[error("{}", crate::tr!("error-docx-too-large", limit = MAX_DOCUMENT_XML_BYTES / (1024 * 1024)))]
    TooLarge,
    #[error("{}", crate::tr!("error-docx-damaged", reason = .0))]
    Damaged(String),
}

/// Parses the bytes of a .docx file.
pub fn parse_docx(bytes: &[u8]) -> Result<Document, DocxError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxError::NotZip(e.to_string()))?;
    let file = archive
        .by_name("word/document.xml")
        .map_err(|_| DocxError::NoDocumentXml)?;
    let mut xml = Vec::new();
    file.take(MAX_DOCUMENT_XML_BYTES + 1)
        .read_to_end(&mut xml)
        .map_err(|e| DocxError::Damaged(e.to_string()))?;
    if xml.len() as u64 > MAX_DOCUMENT_XML_BYTES {
        return Err(DocxError::TooLarge);
    }
    parse_document_xml(&xml)
}

/// Paragraph style of a `w:pStyle` element's `w:val`.
fn style_kind(style: &str) -> Option<ParagraphKind> {
    let lower = style.to_ascii_lowercase();
    if lower == "title" {
        return Some(ParagraphKind::Title);
    }
    if let Some(level) = lower.strip_prefix("heading") {
        let level = level.trim().parse::<u8>().unwrap_or(1).clamp(1, 6);
        return Some(ParagraphKind::Heading(level));
    }
    if lower.contains("quote") {
        return Some(ParagraphKind::Quote);
    }
    if lower.contains("list") {
        return Some(ParagraphKind::ListItem);
    }
    None
}

fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(std::borrow::Cow::into_owned)
        })
}

fn parse_document_xml(xml: &[u8]) -> Result<Document, DocxError> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut builder = DocumentBuilder::default();
    let mut buffer = String::new();
    let mut kind = ParagraphKind::Body;
    let mut in_text = false;
    // Deleted (tracked) text and field codes are not part of what the reader sees.
    let mut skip_depth = 0usize;
    let mut event_buffer = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut event_buffer)
            .map_err(|e| DocxError::Damaged(e.to_string()))?;
        match event {
            Event::Start(e) => match e.name().as_ref() {
                "w:del" | "w:instrText" | "w:delText" => skip_depth += 1,
                "w:p" => {
                    buffer.clear();
                    kind = ParagraphKind::Body;
                }
                "w:t" => in_text = true,
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                "w:pStyle" => {
                    if let Some(style_kind) = attribute(&e, "w:val").as_deref().and_then(style_kind)
                    {
                        kind = style_kind;
                    }
                }
                "w:numPr" if kind == ParagraphKind::Body => kind = ParagraphKind::ListItem,
                "w:tab" if skip_depth == 0 => buffer.push('\t'),
                "w:br" | "w:cr" if skip_depth == 0 => buffer.push(' '),
                _ => {}
            },
            Event::Text(text) if in_text && skip_depth == 0 => {
                buffer.push_str(&text.xml10_content());
            }
            Event::GeneralRef(reference) if in_text && skip_depth == 0 => {
                let name: &str = &reference;
                match resolve_entity(name) {
                    Some(c) => buffer.push(c),
                    None => {
                        return Err(DocxError::Damaged(crate::tr!(
                            "error-docx-unknown-entity",
                            entity = format!("&{name};")
                        )));
                    }
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "w:del" | "w:instrText" | "w:delText" => skip_depth = skip_depth.saturating_sub(1),
                "w:t" => in_text = false,
                "w:p" => {
                    builder.push(kind, &buffer);
                    buffer.clear();
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        event_buffer.clear();
    }
    Ok(builder.finish(Format::Docx))
}

/// Resolves the XML predefined entities and numeric character references.
fn resolve_entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let code =
                if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                    u32::from_str_radix(hex, 16).ok()?
                } else {
                    name.strip_prefix('#')?.parse().ok()?
                };
            char::from_u32(code)
        }
    }
}
