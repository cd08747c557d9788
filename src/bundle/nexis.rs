//! Nexis exports, as lines (the paragraphs of a DOCX or RTF, or the lines of a TXT).
//!
//! Nexis Uni (DOCX): a cover page (job number, `Documents (N)`, the headlines) and then, per
//! article: headline, source, date line, copyright, labelled lines (`Section:`, `Length:`,
//! `Byline:`, with a no-break space after the colon), `Body`, the paragraphs, a
//! `Classification` block (`Language:`, `Load-Date:` …) and `End of Document`.
//!
//! Older Nexis (TXT, RTF): each article starts at `N of M DOCUMENTS`; the source, date line
//! and headline run up to `LENGTH:`, the text follows, and the article ends before
//! `LANGUAGE:` (with `LOAD-DATE:` and similar trailer lines also left out).

use super::dates::parse_date;
use super::{BundleArticle, Skipped, language_code};
use crate::annotation::ArticleMetadata;

/// The label of a `Label: value` line and its value (the separator may be a no-break space).
fn labelled(line: &str) -> Option<(&str, &str)> {
    let (label, value) = line.split_once(':')?;
    let valid = !label.is_empty()
        && label.len() <= 24
        && label
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == '-' || c == ' ')
        && label.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    valid.then(|| {
        (
            label.trim(),
            value.trim_matches(|c: char| c.is_whitespace()),
        )
    })
}

fn is_end_of_document(line: &str) -> bool {
    line.trim().eq_ignore_ascii_case("End of Document")
}

/// True when the lines look like a Nexis Uni export.
pub fn is_uni(lines: &[String]) -> bool {
    lines.iter().any(|l| is_end_of_document(l))
}

/// True when a line opens an older Nexis article (`12 of 250 DOCUMENTS`).
fn is_document_marker(line: &str) -> bool {
    let line = line.trim();
    let line = line.strip_prefix("FOCUS - ").unwrap_or(line);
    let words: Vec<&str> = line.split_whitespace().collect();
    matches!(
        words.as_slice(),
        [n, "of", m, "DOCUMENTS" | "DOCUMENT"]
            if n.chars().all(|c| c.is_ascii_digit()) && m.chars().all(|c| c.is_ascii_digit())
    )
}

/// True when the lines look like an older Nexis export.
pub fn is_classic(lines: &[String]) -> bool {
    lines.iter().any(|l| is_document_marker(l))
}

/// Splits a Nexis Uni export.
pub fn split_uni(lines: &[String], bundle: &str) -> (Vec<BundleArticle>, Vec<Skipped>) {
    let mut articles = Vec::new();
    let mut skipped = Vec::new();
    let mut start = 0;
    let mut index = 0usize;
    for (idx, line) in lines.iter().enumerate() {
        if !is_end_of_document(line) {
            continue;
        }
        index += 1;
        let segment = lines.get(start..idx).unwrap_or_default();
        start = idx + 1;
        match uni_article(segment) {
            Ok(mut article) => {
                bundle.clone_into(&mut article.metadata.bundle);
                article.metadata.index = Some(index);
                articles.push(article);
            }
            Err(reason) => skipped.push(Skipped { index, reason }),
        }
    }
    let rest = lines.get(start..).unwrap_or_default();
    if rest.iter().any(|l| l.trim() == "Body") {
        skipped.push(Skipped {
            index: index + 1,
            reason: crate::tr!("error-nexis-truncated"),
        });
    }
    (articles, skipped)
}

fn uni_article(segment: &[String]) -> Result<BundleArticle, String> {
    let body_at = segment
        .iter()
        .position(|l| l.trim() == "Body")
        .ok_or_else(|| crate::tr!("error-nexis-no-body"))?;
    let header = segment.get(..body_at).unwrap_or_default();
    let mut metadata = ArticleMetadata::default();
    // The labelled lines sit just above `Body`; above them the copyright, the date line,
    // the source and the headline.
    let mut cursor = header.len();
    while let Some(line) = cursor.checked_sub(1).and_then(|i| header.get(i)) {
        let line = line.trim();
        if line.is_empty() {
            cursor -= 1;
            continue;
        }
        let Some((label, value)) = labelled(line) else {
            break;
        };
        match label.to_ascii_lowercase().as_str() {
            "section" => value.clone_into(&mut metadata.section),
            "length" => value.clone_into(&mut metadata.length),
            "byline" | "author" => value.clone_into(&mut metadata.byline),
            _ => {}
        }
        cursor -= 1;
    }
    let above: Vec<&str> = header
        .get(..cursor)
        .unwrap_or_default()
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    // The date line is the last line above the labels that holds a date (the copyright
    // line below it may hold a year, never a whole date).
    let date_at = above
        .iter()
        .rposition(|l| parse_date(l).is_some() && !is_copyright(l))
        .ok_or_else(|| crate::tr!("error-nexis-no-date-above-body"))?;
    metadata.date = above
        .get(date_at)
        .and_then(|l| parse_date(l))
        .unwrap_or_default();
    let source_at = date_at
        .checked_sub(1)
        .ok_or_else(|| crate::tr!("error-nexis-no-source"))?;
    above
        .get(source_at)
        .copied()
        .unwrap_or_default()
        .clone_into(&mut metadata.source);
    let title_at = source_at
        .checked_sub(1)
        .ok_or_else(|| crate::tr!("error-nexis-no-headline"))?;
    above
        .get(title_at)
        .copied()
        .unwrap_or_default()
        .clone_into(&mut metadata.title);
    // The text runs to the `Classification` block (or the trailer lines).
    let mut paragraphs = Vec::new();
    let mut in_trailer = false;
    for line in segment.get(body_at + 1..).unwrap_or_default() {
        let line = line.trim();
        if line == "Classification" {
            in_trailer = true;
            continue;
        }
        if let Some((label, value)) = labelled(line) {
            match label.to_ascii_lowercase().as_str() {
                "language" => {
                    metadata.language = language_code(value);
                    in_trailer = true;
                    continue;
                }
                "load-date" | "publication-type" | "subject" | "geographic" | "industry"
                | "organization" | "person" | "company" | "ticker" => {
                    in_trailer = true;
                    continue;
                }
                _ => {}
            }
        }
        if in_trailer || line.is_empty() || line == "Graphic" {
            continue;
        }
        paragraphs.push(line.to_owned());
    }
    if paragraphs.is_empty() {
        return Err(crate::tr!("error-nexis-no-text-after-body"));
    }
    Ok(BundleArticle {
        metadata,
        paragraphs,
    })
}

fn is_copyright(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    lower.starts_with("copyright") || line.starts_with('©')
}

/// Splits an older Nexis export.
pub fn split_classic(lines: &[String], bundle: &str) -> (Vec<BundleArticle>, Vec<Skipped>) {
    let starts: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| is_document_marker(l))
        .map(|(idx, _)| idx)
        .collect();
    let results = starts.iter().enumerate().map(|(number, &start)| {
        let end = starts.get(number + 1).copied().unwrap_or(lines.len());
        classic_article(lines.get(start + 1..end).unwrap_or_default())
    });
    super::collect_articles(results, bundle)
}

fn classic_article(segment: &[String]) -> Result<BundleArticle, String> {
    let length_at = segment
        .iter()
        .position(|l| l.trim_start().starts_with("LENGTH:"))
        .ok_or_else(|| crate::tr!("error-nexis-no-length"))?;
    let mut metadata = ArticleMetadata::default();
    let mut header_lines: Vec<&str> = Vec::new();
    for line in segment.get(..=length_at).unwrap_or_default() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match labelled(line) {
            Some(("LENGTH", value)) => value.clone_into(&mut metadata.length),
            Some(("SECTION", value)) => value.clone_into(&mut metadata.section),
            Some(("BYLINE", value)) => value.clone_into(&mut metadata.byline),
            Some((label, _)) if label.chars().all(|c| !c.is_ascii_lowercase()) => {}
            _ => header_lines.push(line),
        }
    }
    // Source, then the date line, then (after editions or a copyright) the headline.
    let mut header = header_lines.into_iter();
    header
        .next()
        .ok_or_else(|| crate::tr!("error-nexis-nothing-above-length"))?
        .clone_into(&mut metadata.source);
    let date_line = header
        .next()
        .ok_or_else(|| crate::tr!("error-nexis-no-date"))?;
    metadata.date = parse_date(date_line).unwrap_or_else(|| date_line.to_owned());
    let title: Vec<&str> = header.filter(|l| !is_copyright(l)).collect();
    title
        .last()
        .copied()
        .unwrap_or_default()
        .clone_into(&mut metadata.title);
    // The text, up to `LANGUAGE:`; paragraphs are separated by blank lines.
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in segment.get(length_at + 1..).unwrap_or_default() {
        let trimmed = line.trim();
        if let Some((label, value)) = labelled(trimmed)
            && label.chars().all(|c| !c.is_ascii_lowercase())
        {
            match label {
                "LANGUAGE" => {
                    metadata.language = language_code(value);
                    break;
                }
                "LOAD-DATE" | "PUBLICATION-TYPE" | "GRAPHIC" | "DATELINE" | "UPDATE" | "URL"
                | "JOURNAL-CODE" => continue,
                _ => {}
            }
        }
        if trimmed.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(trimmed);
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    // A copyright notice at the end is not the article's.
    while paragraphs.last().is_some_and(|p| is_copyright(p)) {
        paragraphs.pop();
    }
    if paragraphs.is_empty() {
        return Err(crate::tr!("error-nexis-no-text-after-length"));
    }
    Ok(BundleArticle {
        metadata,
        paragraphs,
    })
}
