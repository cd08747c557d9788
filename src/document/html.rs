//! HTML articles: the article, not the page. Title, headings, paragraphs, list items and
//! block quotes are kept; scripts, styles, navigation, headers, footers and forms dropped.
//! When the page has an `<article>` (or `<main>`), only its content is read.

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
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

/// Deepest element nesting passed to the HTML parser. Real pages nest a few dozen levels;
/// the parser's tree building costs time proportional to the depth for each tag, so a page
/// nesting hundreds of thousands of elements would take minutes.
const MAX_NESTING: usize = 1000;

/// Elements that never have content, so never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose content is raw text, not markup.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noscript",
];

/// `text` with the tags nested deeper than [`MAX_NESTING`] removed (their text is kept).
/// Borrowed unchanged when nothing is that deep. The scan is a rough tokenizer: it knows
/// comments, raw-text elements and void elements, which is all it needs to count depth.
fn flatten_deep_nesting(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut depth = 0_usize;
    let mut out: Option<String> = None;
    let mut copied_to = 0;
    let mut pos = 0;
    while let Some(offset) = memchr_lt(&bytes[pos..]) {
        let start = pos + offset;
        let rest = &text[start..];
        // The end of this tag or comment.
        let end = if rest.starts_with("<!--") {
            rest.find("-->").map_or(text.len(), |e| start + e + 3)
        } else {
            rest.find('>').map_or(text.len(), |e| start + e + 1)
        };
        let tag = &text[start..end];
        let closing = tag.starts_with("</");
        let name: String = tag
            .trim_start_matches("</")
            .trim_start_matches('<')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        let mut next = end;
        if name.is_empty() {
            // A comment, doctype, processing instruction or a stray '<'.
        } else if closing {
            if depth > MAX_NESTING {
                let kept = out.get_or_insert_with(String::new);
                kept.push_str(&text[copied_to..start]);
                copied_to = end;
            }
            depth = depth.saturating_sub(1);
        } else if RAW_TEXT.contains(&name.as_str()) {
            // Skip to its end tag: its content is not markup.
            let close = format!("</{name}");
            next = find_ignoring_ascii_case(&bytes[end..], close.as_bytes())
                .map_or(text.len(), |e| end + e);
        } else if !VOID.contains(&name.as_str()) && !tag.ends_with("/>") {
            depth += 1;
            if depth > MAX_NESTING {
                let kept = out.get_or_insert_with(String::new);
                kept.push_str(&text[copied_to..start]);
                copied_to = end;
            }
        }
        pos = next.max(start + 1);
        if pos >= text.len() {
            break;
        }
    }
    match out {
        Some(mut kept) => {
            kept.push_str(&text[copied_to..]);
            std::borrow::Cow::Owned(kept)
        }
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// Offset of the first occurrence of `needle` (lower-case ASCII) in `haystack`, ignoring
/// ASCII case; the scan stops there, so repeated calls over a text stay linear.
fn find_ignoring_ascii_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    (0..=haystack.len() - needle.len()).find(|&start| {
        haystack[start..start + needle.len()]
            .iter()
            .zip(needle)
            .all(|(a, b)| a.to_ascii_lowercase() == *b)
    })
}

/// Offset of the next `<`.
fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// Parses an HTML document.
pub fn parse_html(text: &str) -> Document {
    let text = flatten_deep_nesting(text);
    let html = Html::parse_document(&text);
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

    /// Reads the subtree under `root` in document order. The walk is a loop over open and
    /// close edges, not a recursion, so no nesting depth in the page can exhaust the stack.
    fn walk(&mut self, root: NodeRef<'_, Node>) {
        // Elements whose content is being skipped: while one is open, nothing is read.
        let mut dropped_depth = 0_usize;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => {
                    if dropped_depth > 0 {
                        if node.value().is_element() {
                            dropped_depth += 1;
                        }
                        continue;
                    }
                    match node.value() {
                        Node::Text(text) => self.buffer.push_str(text),
                        Node::Element(element) if DROPPED.contains(&element.name()) => {
                            dropped_depth = 1;
                        }
                        Node::Element(element) => self.open_element(element.name()),
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    let Node::Element(element) = node.value() else {
                        continue;
                    };
                    if dropped_depth > 0 {
                        dropped_depth -= 1;
                        continue;
                    }
                    self.close_element(element.name());
                }
            }
        }
    }

    fn open_element(&mut self, name: &str) {
        if !BLOCKS.contains(&name) {
            return;
        }
        self.flush();
        if name == "p" {
            // A paragraph takes the kind of its surroundings (a quote, a list item).
            self.context.push(self.kind());
        } else if let Some(kind) = block_kind(name) {
            self.context.push(kind);
        }
    }

    fn close_element(&mut self, name: &str) {
        if !BLOCKS.contains(&name) {
            return;
        }
        self.flush();
        if name == "p" || block_kind(name).is_some() {
            self.context.pop();
        }
    }
}

/// The paragraph kind a block element gives its content, for those that set one.
fn block_kind(name: &str) -> Option<ParagraphKind> {
    Some(match name {
        "h1" => ParagraphKind::Heading(1),
        "h2" => ParagraphKind::Heading(2),
        "h3" => ParagraphKind::Heading(3),
        "h4" => ParagraphKind::Heading(4),
        "h5" => ParagraphKind::Heading(5),
        "h6" => ParagraphKind::Heading(6),
        "li" | "dd" | "dt" => ParagraphKind::ListItem,
        "blockquote" => ParagraphKind::Quote,
        _ => return None,
    })
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
    fn nesting_beyond_the_limit_is_flattened_and_ordinary_pages_are_untouched() {
        let page = "<html><body><div><p>نص <b>عربي</b></p><script>if (a<b) {}</script></div></body></html>";
        assert!(matches!(
            flatten_deep_nesting(page),
            std::borrow::Cow::Borrowed(_)
        ));
        let deep = format!(
            "<body>{}<p>نص عربي</p>{}</body>",
            "<DIV class=x>".repeat(MAX_NESTING * 3),
            "</div>".repeat(MAX_NESTING * 3)
        );
        let flat = flatten_deep_nesting(&deep);
        assert!(flat.len() < deep.len() / 2, "{}", flat.len());
        assert!(flat.contains("<p>نص عربي</p>") || flat.contains("نص عربي"));
        let doc = parse_html(&deep);
        assert_eq!(doc.paragraph_text(0), Some("نص عربي"));
        // Many raw-text elements are skipped in one pass each (no rescans of the rest).
        let scripts = "<script>x</script>".repeat(50_000);
        assert!(matches!(
            flatten_deep_nesting(&scripts),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn without_h1_the_page_title_is_the_title() {
        let doc = parse_html("<title>خبر</title><p>نص</p>");
        assert_eq!(doc.title(), "خبر");
        assert_eq!(doc.paragraphs.len(), 2);
    }
}
