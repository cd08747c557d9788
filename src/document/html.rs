//! HTML articles: the article, not the page. Title, headings, paragraphs, list items and
//! block quotes are kept; scripts, styles, navigation, headers, footers and forms dropped.
//! When the page has an `<article>` (or `<main>`), only its content is read.

use ego_tree::NodeRef;
use scraper::{Html, Node, Selector};

use super::builder::{DocumentBuilder, collapse_whitespace};
use super::{Document, Format, ParagraphKind};

/// Elements whose content is page chrome or code, never article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "select", "option", "textarea", "svg", "iframe", "object", "canvas", "head",
    "figure", "menu", "dialog",
];

/// Elements that end the paragraph before them and start a new one.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "thead",
    "tr",
    "td",
    "th",
    "ul",
    "br",
    "body",
    "html",
    "center",
];

/// Parses an HTML document.
pub fn parse_html(text: &str) -> Document {
    let html = Html::parse_document(text);
    let root = ["article", "main", "body"]
        .iter()
        .filter_map(|name| Selector::parse(name).ok())
        .find_map(|selector| html.select(&selector).next())
        .map_or_else(|| html.tree.root(), |element| *element);
    let mut walker = Walker::default();
    walker.walk(root);
    walker.flush();
    let has_h1 = walker
        .paragraphs
        .iter()
        .any(|(kind, _)| *kind == ParagraphKind::Heading(1));
    let mut builder = DocumentBuilder::default();
    if !has_h1 && let Some(title) = page_title(&html) {
        builder.push(ParagraphKind::Title, &title);
    }
    let mut title_taken = !has_h1;
    for (kind, text) in walker.paragraphs {
        let kind = if !title_taken && kind == ParagraphKind::Heading(1) {
            title_taken = true;
            ParagraphKind::Title
        } else {
            kind
        };
        builder.push(kind, &text);
    }
    builder.finish(Format::Html)
}

fn page_title(html: &Html) -> Option<String> {
    let selector = Selector::parse("title").ok()?;
    let title = html.select(&selector).next()?;
    let text = collapse_whitespace(&title.text().collect::<String>());
    (!text.is_empty()).then_some(text)
}

#[derive(Default)]
struct Walker {
    buffer: String,
    /// Kinds of the enclosing block elements, innermost last.
    context: Vec<ParagraphKind>,
    paragraphs: Vec<(ParagraphKind, String)>,
}

impl Walker {
    fn kind(&self) -> ParagraphKind {
        self.context.last().copied().unwrap_or(ParagraphKind::Body)
    }

    fn flush(&mut self) {
        let text = collapse_whitespace(&self.buffer);
        self.buffer.clear();
        if !text.is_empty() {
            self.paragraphs.push((self.kind(), text));
        }
    }

    fn walk(&mut self, node: NodeRef<'_, Node>) {
        match node.value() {
            Node::Text(text) => self.buffer.push_str(text),
            Node::Element(element) => {
                let name = element.name();
                if DROPPED.contains(&name) {
                    return;
                }
                if !BLOCKS.contains(&name) {
                    for child in node.children() {
                        self.walk(child);
                    }
                    return;
                }
                self.flush();
                let kind = match name {
                    "h1" => Some(ParagraphKind::Heading(1)),
                    "h2" => Some(ParagraphKind::Heading(2)),
                    "h3" => Some(ParagraphKind::Heading(3)),
                    "h4" => Some(ParagraphKind::Heading(4)),
                    "h5" => Some(ParagraphKind::Heading(5)),
                    "h6" => Some(ParagraphKind::Heading(6)),
                    "li" | "dd" | "dt" => Some(ParagraphKind::ListItem),
                    "blockquote" => Some(ParagraphKind::Quote),
                    "p" => Some(self.kind()),
                    _ => None,
                };
                if let Some(kind) = kind {
                    self.context.push(kind);
                }
                for child in node.children() {
                    self.walk(child);
                }
                self.flush();
                if kind.is_some() {
                    self.context.pop();
                }
            }
            _ => {
                for child in node.children() {
                    self.walk(child);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_is_dropped_and_entities_decoded() {
        let doc = parse_html(
            r#"<!doctype html><html><head><title>الموقع | خبر</title><style>p{}</style></head>
            <body><nav><a href="/">الرئيسية</a></nav><header>شعار</header>
            <article><h1>عنوان&nbsp;الخبر</h1><p>فقرة &quot;أولى&quot; &amp; <b>مهمة</b></p>
            <script>var x = "<p>لا</p>";</script>
            <ul><li>بند</li></ul><blockquote><p>قول</p></blockquote></article>
            <footer>حقوق</footer></body></html>"#,
        );
        let got: Vec<(ParagraphKind, &str)> = (0..doc.paragraphs.len())
            .map(|i| (doc.paragraphs[i].kind, doc.paragraph_text(i).unwrap()))
            .collect();
        assert_eq!(
            got,
            [
                (ParagraphKind::Title, "عنوان\u{a0}الخبر"),
                (ParagraphKind::Body, "فقرة \"أولى\" & مهمة"),
                (ParagraphKind::ListItem, "بند"),
                (ParagraphKind::Quote, "قول"),
            ]
        );
    }

    #[test]
    fn without_h1_the_page_title_is_the_title() {
        let doc = parse_html("<title>خبر</title><p>نص</p>");
        assert_eq!(doc.title(), "خبر");
        assert_eq!(doc.paragraphs.len(), 2);
    }
}
