//! Markdown articles: headings, paragraphs, list items and block quotes as paragraphs, with
//! the markup itself (`#`, `*`, `>`, link targets) left out.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::builder::{DocumentBuilder, collapse_whitespace};
use super::{Document, Format, ParagraphKind};

/// Parses Markdown `text` into a document.
pub fn parse_markdown(text: &str) -> Document {
    let mut builder = DocumentBuilder::default();
    let mut buffer = String::new();
    let mut heading: Option<u8> = None;
    let mut list_depth = 0usize;
    let mut quote_depth = 0usize;
    let mut image_depth = 0usize;
    let kind = |heading: Option<u8>, list_depth: usize, quote_depth: usize| match heading {
        Some(level) => ParagraphKind::Heading(level),
        None if list_depth > 0 => ParagraphKind::ListItem,
        None if quote_depth > 0 => ParagraphKind::Quote,
        None => ParagraphKind::Body,
    };
    for event in Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        let flush = matches!(
            &event,
            Event::Start(Tag::Item | Tag::List(_) | Tag::BlockQuote(_) | Tag::Heading { .. })
                | Event::End(
                    TagEnd::Paragraph
                        | TagEnd::Heading(_)
                        | TagEnd::Item
                        | TagEnd::CodeBlock
                        | TagEnd::TableRow
                        | TagEnd::TableHead
                        | TagEnd::BlockQuote(_)
                )
        );
        if flush {
            builder.push(
                kind(heading, list_depth, quote_depth),
                &collapse_whitespace(&buffer),
            );
            buffer.clear();
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some(heading_level(level)),
            Event::End(TagEnd::Heading(_)) => heading = None,
            Event::Start(Tag::List(_)) => list_depth += 1,
            Event::End(TagEnd::List(_)) => list_depth = list_depth.saturating_sub(1),
            Event::Start(Tag::BlockQuote(_)) => quote_depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote_depth = quote_depth.saturating_sub(1),
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if image_depth == 0 => buffer.push_str(&t),
            Event::SoftBreak | Event::HardBreak => buffer.push(' '),
            Event::End(TagEnd::TableCell) => buffer.push_str("  "),
            _ => {}
        }
    }
    builder.push(
        kind(heading, list_depth, quote_depth),
        &collapse_whitespace(&buffer),
    );
    builder.finish(Format::Markdown)
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_dropped_and_blocks_become_paragraphs() {
        let doc = parse_markdown(
            "# العنوان\n\nفقرة *مائلة* و**عريضة** مع [رابط](http://example.com).\n\n- بند أول\n- بند ثان\n\n> اقتباس\n> على سطرين\n\n## قسم\n\nنهاية",
        );
        let got: Vec<(ParagraphKind, &str)> = (0..doc.paragraphs.len())
            .map(|i| (doc.paragraphs[i].kind, doc.paragraph_text(i).unwrap()))
            .collect();
        assert_eq!(
            got,
            [
                (ParagraphKind::Title, "العنوان"),
                (ParagraphKind::Body, "فقرة مائلة وعريضة مع رابط."),
                (ParagraphKind::ListItem, "بند أول"),
                (ParagraphKind::ListItem, "بند ثان"),
                (ParagraphKind::Quote, "اقتباس على سطرين"),
                (ParagraphKind::Heading(2), "قسم"),
                (ParagraphKind::Body, "نهاية"),
            ]
        );
        assert_eq!(doc.text.split('\n').count(), doc.paragraphs.len());
    }
}
