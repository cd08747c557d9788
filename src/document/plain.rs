//! Plain-text articles: one paragraph per non-blank line.

use super::{Document, Paragraph, ParagraphKind};

/// Longest first paragraph still taken for a title; longer ones are running text.
const MAX_TITLE_CHARS: usize = 200;

/// Splits plain text into paragraphs. Every non-blank line is a paragraph, its surrounding
/// white space left out of its range. The first paragraph is the title unless it is longer
/// than a title can be.
pub fn parse_plain_text(text: String) -> Document {
    let mut paragraphs = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        let content = line.trim_end_matches('\n');
        let trimmed_start = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        if !trimmed.is_empty() {
            let start = line_start + trimmed_start;
            let kind = if paragraphs.is_empty() && trimmed.chars().count() <= MAX_TITLE_CHARS {
                ParagraphKind::Title
            } else {
                ParagraphKind::Body
            };
            paragraphs.push(Paragraph {
                byte_range: start..start + trimmed.len(),
                kind,
            });
        }
        line_start = line_end;
    }
    Document {
        text,
        paragraphs,
        encoding_name: "UTF-8",
        path: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_paragraphs_and_blank_lines_vanish() {
        let doc = parse_plain_text("عنوان\n\n  سطر أول \nسطر ثان\n\n\n".to_owned());
        let texts: Vec<&str> = (0..doc.paragraphs.len())
            .filter_map(|i| doc.paragraph_text(i))
            .collect();
        assert_eq!(texts, ["عنوان", "سطر أول", "سطر ثان"]);
        assert_eq!(doc.paragraphs[0].kind, ParagraphKind::Title);
        assert_eq!(doc.paragraphs[1].kind, ParagraphKind::Body);
        assert_eq!(doc.title(), "عنوان");
    }

    #[test]
    fn a_long_first_paragraph_is_not_a_title() {
        let long = "كلمة ".repeat(60);
        let doc = parse_plain_text(format!("{long}\nسطر"));
        assert_eq!(doc.paragraphs[0].kind, ParagraphKind::Body);
    }
}
