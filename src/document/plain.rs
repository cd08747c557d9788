//! Plain-text articles.
//!
//! The rule: blank lines separate blocks. Inside a block every line is its own paragraph
//! (news sites put the date, the photo caption and the lead on single lines), unless the
//! block is hard-wrapped prose, whose lines are joined into one paragraph. A block counts as
//! hard-wrapped when it has at least two lines, its longest line is between
//! [`MIN_WRAP_COLUMN`] and [`MAX_WRAP_COLUMN`] characters, and every line but the last
//! reaches at least [`WRAP_FILL`] of the longest line's length: the ragged edge of text
//! wrapped at a fixed column. Short header lines (a date, a byline) never qualify.

use super::{Document, Format, Paragraph, ParagraphKind};

/// Longest first paragraph still taken for a title; longer ones are running text.
pub const MAX_TITLE_CHARS: usize = 200;
/// Blocks whose longest line is shorter than this are lists of short lines, not prose.
pub const MIN_WRAP_COLUMN: usize = 40;
/// Lines longer than this are never the product of hard wrapping.
pub const MAX_WRAP_COLUMN: usize = 100;
/// How full, relative to the longest line, every non-final line of a wrapped block is.
pub const WRAP_FILL: f64 = 0.6;

/// A line of the text: its byte range without the newline, and its trimmed length.
struct Line {
    start: usize,
    end: usize,
    chars: usize,
}

/// Splits plain text into paragraphs (see the module documentation for the rule).
pub fn parse_plain_text(text: String) -> Document {
    let mut paragraphs = Vec::new();
    let mut block: Vec<Line> = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.strip_suffix('\n').unwrap_or(line);
        let trimmed = content.trim();
        if trimmed.is_empty() {
            flush_block(&text, &mut block, &mut paragraphs);
        } else {
            let lead = content.len() - content.trim_start().len();
            let start = line_start + lead;
            block.push(Line {
                start,
                end: start + trimmed.len(),
                chars: trimmed.chars().count(),
            });
        }
        line_start += line.len();
    }
    flush_block(&text, &mut block, &mut paragraphs);
    if let Some(first) = paragraphs.first_mut() {
        let chars = text
            .get(first.byte_range.clone())
            .map_or(0, |t| t.chars().count());
        if chars <= MAX_TITLE_CHARS {
            first.kind = ParagraphKind::Title;
        }
    }
    Document {
        text,
        paragraphs,
        format: Format::PlainText,
        encoding_name: "UTF-8",
        replaced_chars: 0,
        split_paragraphs: 0,
        path: None,
        paragraph_pages: Vec::new(),
    }
}

fn is_hard_wrapped(block: &[Line]) -> bool {
    let Some(longest) = block.iter().map(|l| l.chars).max() else {
        return false;
    };
    block.len() >= 2
        && (MIN_WRAP_COLUMN..=MAX_WRAP_COLUMN).contains(&longest)
        && block[..block.len() - 1]
            .iter()
            .all(|line| line.chars as f64 >= WRAP_FILL * longest as f64)
}

fn flush_block(text: &str, block: &mut Vec<Line>, paragraphs: &mut Vec<Paragraph>) {
    if block.is_empty() {
        return;
    }
    if is_hard_wrapped(block) {
        // One paragraph spanning the lines; the newlines inside are shown as spaces.
        let start = block[0].start;
        let end = block[block.len() - 1].end;
        debug_assert!(text.get(start..end).is_some());
        paragraphs.push(Paragraph {
            byte_range: start..end,
            kind: ParagraphKind::Body,
        });
    } else {
        paragraphs.extend(block.iter().map(|line| Paragraph {
            byte_range: line.start..line.end,
            kind: ParagraphKind::Body,
        }));
    }
    block.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(doc: &Document) -> Vec<&str> {
        (0..doc.paragraphs.len())
            .filter_map(|i| doc.paragraph_text(i))
            .collect()
    }

    #[test]
    fn lines_become_paragraphs_and_blank_lines_vanish() {
        let doc = parse_plain_text(
            "عنوان\n\n  سطر أول \nسطر ثان أطول بكثير من السطر الأول بكثير\n\n\n".to_owned(),
        );
        assert_eq!(
            texts(&doc),
            ["عنوان", "سطر أول", "سطر ثان أطول بكثير من السطر الأول بكثير"]
        );
        assert_eq!(doc.paragraphs[0].kind, ParagraphKind::Title);
        assert_eq!(doc.paragraphs[1].kind, ParagraphKind::Body);
        assert_eq!(doc.title(), "عنوان");
    }

    #[test]
    fn hard_wrapped_blocks_are_joined() {
        let wrapped = "هذه فقرة طويلة كتبت في محرر نصوص قديم يلف الكلام\nعند عمود ثابت فتأتي الأسطر متقاربة في الطول تماما\nكما يحدث في رسائل البريد القديمة إلا السطر الأخير\nفهو قصير.";
        let doc = parse_plain_text(format!("العنوان\n\n{wrapped}\n\nفقرة ثانية"));
        let all = texts(&doc);
        assert_eq!(all.len(), 3, "{all:?}");
        assert_eq!(
            all[1], wrapped,
            "the paragraph keeps its exact text, newlines and all"
        );
    }

    #[test]
    fn a_long_first_paragraph_is_not_a_title() {
        let long = "كلمة ".repeat(60);
        let doc = parse_plain_text(format!("{long}\nسطر"));
        assert_eq!(doc.paragraphs[0].kind, ParagraphKind::Body);
    }
}
