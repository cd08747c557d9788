//! Factiva exports. In HTML, each article is a `div` of class `article xxArticle` (`xx` the
//! language) holding a table of field codes and values; in RTF (and text), the same codes
//! stand at the start of lines, each followed by its value. The fields read: `HD` headline,
//! `BY` byline, `WC` word count, `PD` date, `SN` source, `SE` section, `LA` language, `LP`
//! lead paragraphs, `TD` text, `AN` accession number (`Document …`).

use super::dates::parse_date;
use super::{BundleArticle, Skipped, language_code};
use crate::annotation::ArticleMetadata;

/// The field codes Factiva prints (with indexing on).
const CODES: [&str; 28] = [
    "HD", "CLM", "SE", "BY", "CR", "WC", "PD", "ET", "SN", "SC", "ED", "PG", "LA", "CY", "LP",
    "TD", "CT", "RF", "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN", "ART", "NGC",
];

/// True when the HTML holds Factiva articles.
pub fn is_html(text: &str) -> bool {
    text.contains("class=\"article ") || text.contains("class='article ")
}

/// True when the lines hold Factiva fields: a headline code and an accession number.
pub fn is_text(lines: &[String]) -> bool {
    let mut headline = false;
    for line in lines {
        match field(line) {
            Some(("HD", _)) => headline = true,
            Some(("AN", value)) if headline && value.trim_start().starts_with("Document ") => {
                return true;
            }
            _ => {}
        }
    }
    false
}

/// A line that starts a field: its code and whatever follows on the line.
fn field(line: &str) -> Option<(&'static str, &str)> {
    let trimmed = line.trim_start();
    let code_len = trimmed
        .find(|c: char| !c.is_ascii_uppercase())
        .unwrap_or(trimmed.len());
    let code = trimmed.get(..code_len)?;
    let rest = trimmed.get(code_len..)?;
    let code = CODES.iter().find(|c| **c == code)?;
    // The code alone, or followed by a tab or spaces (never by more letters).
    (rest.is_empty() || rest.starts_with(['\t', ' ', '\u{a0}'])).then_some((*code, rest.trim()))
}

/// Collects fields into an article; `None` when nothing in it is text.
fn article_from_fields(
    fields: &[(&'static str, Vec<String>)],
    language_hint: Option<&str>,
) -> Result<BundleArticle, String> {
    let mut metadata = ArticleMetadata::default();
    let mut paragraphs = Vec::new();
    let joined = |values: &[String]| values.join(" ").trim().to_owned();
    for (code, values) in fields {
        match *code {
            "HD" => metadata.title = joined(values),
            "BY" => metadata.byline = joined(values),
            "WC" => metadata.length = joined(values),
            "PD" => {
                let text = joined(values);
                metadata.date = parse_date(&text).unwrap_or(text);
            }
            "SN" => metadata.source = joined(values),
            "SE" => metadata.section = joined(values),
            "LA" => metadata.language = language_code(&joined(values)),
            "AN" => {
                let text = joined(values);
                text.strip_prefix("Document ")
                    .unwrap_or(&text)
                    .trim()
                    .clone_into(&mut metadata.accession);
            }
            "LP" | "TD" => paragraphs.extend(
                values
                    .iter()
                    .map(|p| p.trim().to_owned())
                    .filter(|p| !p.is_empty()),
            ),
            _ => {}
        }
    }
    if metadata.language.is_empty()
        && let Some(hint) = language_hint
    {
        metadata.language = language_code(hint);
    }
    if paragraphs.is_empty() {
        return Err(if metadata.title.is_empty() {
            crate::tr!("error-factiva-no-fields")
        } else {
            crate::tr!("error-factiva-no-text", title = &metadata.title)
        });
    }
    Ok(BundleArticle {
        metadata,
        paragraphs,
    })
}

/// Splits Factiva text (an RTF's paragraphs, or a TXT's lines): every `HD` opens an article.
pub fn split_text(lines: &[String], bundle: &str) -> (Vec<BundleArticle>, Vec<Skipped>) {
    let mut groups: Vec<Vec<(&'static str, Vec<String>)>> = Vec::new();
    for line in lines {
        if let Some((code, rest)) = field(line) {
            if code == "HD" {
                groups.push(Vec::new());
            }
            let Some(group) = groups.last_mut() else {
                continue;
            };
            let mut values = Vec::new();
            if !rest.is_empty() {
                values.push(rest.to_owned());
            }
            group.push((code, values));
        } else if let Some((_, values)) = groups.last_mut().and_then(|g| g.last_mut()) {
            let line = line.trim();
            if !line.is_empty() {
                values.push(line.to_owned());
            }
        }
    }
    super::collect_articles(groups.iter().map(|g| article_from_fields(g, None)), bundle)
}

/// Splits Factiva HTML.
pub fn split_html(html: &str, bundle: &str) -> (Vec<BundleArticle>, Vec<Skipped>) {
    use scraper::{Html, Selector};
    let document = Html::parse_document(html);
    let (Ok(articles), Ok(rows), Ok(cells), Ok(paragraphs)) = (
        Selector::parse("div.article"),
        Selector::parse("tr"),
        Selector::parse("td"),
        Selector::parse("p"),
    ) else {
        return (Vec::new(), Vec::new());
    };
    let text_of = |element: scraper::ElementRef<'_>| -> String {
        crate::document::collapse_whitespace(&element.text().collect::<String>())
    };
    let results = document.select(&articles).map(|article| {
        // The language is in the class: `article arArticle`.
        let language = article
            .value()
            .classes()
            .find_map(|class| class.strip_suffix("Article").filter(|l| !l.is_empty()))
            .map(str::to_owned);
        let mut fields: Vec<(&'static str, Vec<String>)> = Vec::new();
        for row in article.select(&rows) {
            let mut row_cells = row.select(&cells);
            let (Some(code_cell), Some(value_cell)) = (row_cells.next(), row_cells.next()) else {
                continue;
            };
            let Some((code, _)) = field(&text_of(code_cell)) else {
                continue;
            };
            let mut values: Vec<String> = value_cell.select(&paragraphs).map(text_of).collect();
            if values.is_empty() {
                values.push(text_of(value_cell));
            }
            fields.push((code, values));
        }
        article_from_fields(&fields, language.as_deref())
    });
    super::collect_articles(results, bundle)
}
