//! PDF articles (experimental): the text layer as Poppler's `pdftotext` extracts it, then
//! repaired where extraction breaks Arabic.
//!
//! The repairs, in order: bidi control characters that the extractor adds around runs are
//! removed; lines stored in visual order (right-to-left text written left to right, as some
//! generators draw it) are put back in logical order when the document reads better that way
//! (more words begin with the article ال than end with its mirror لا), with runs of Latin
//! letters and digits kept as they are and brackets mirrored back; Arabic presentation forms
//! (U+FB50–U+FDFF, U+FE70–U+FEFF) become ordinary letters by NFKC (after the reordering, so
//! the lam-alef ligature unfolds into lam then alef); a word hyphenated at a line end is
//! joined; lines that repeat at the top or bottom of most pages (running headers and footers,
//! with their page numbers) and lines that are only a page number are dropped. Blank lines
//! end paragraphs; paragraphs never run across pages, so each keeps its page number.
//!
//! A PDF with no text layer (a scan) is refused with a message rather than opened empty.

use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use unicode_normalization::UnicodeNormalization as _;

use super::builder::DocumentBuilder;
use super::{Document, Format, ParagraphKind};

/// Longest a `pdftotext` run may take before it is stopped.
const EXTRACT_TIMEOUT: Duration = Duration::from_secs(120);
/// Most text read back from `pdftotext`.
const MAX_TEXT_BYTES: u64 = 128 * 1024 * 1024;

/// Why a PDF could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("{}", crate::tr!("error-pdf-no-extractor"))]
    NoExtractor,
    #[error("{}", crate::tr!("error-pdf-no-text-layer"))]
    NoTextLayer,
    #[error("{}", crate::tr!("error-pdf-failed", reason = .0))]
    Failed(String),
    #[error("{}", crate::tr!("error-pdf-timed-out", seconds = EXTRACT_TIMEOUT.as_secs()))]
    TimedOut,
}

/// One repaired paragraph and the page it is on (from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PdfParagraph {
    /// Page number, from 1.
    pub page: u32,
    /// The paragraph's text.
    pub text: String,
}

/// Reads the PDF at `path` into a document; [`Document::paragraph_pages`] holds each
/// paragraph's page.
pub fn parse_pdf_file(path: &Path) -> Result<Document, PdfError> {
    let raw = extract_text_layer(path)?;
    // Where each line stands, to find the gaps between paragraphs; without it, blank lines.
    let tops = run_pdftotext(path, &["-bbox-layout"])
        .map(|xhtml| line_tops(&xhtml))
        .ok();
    document_from_parts(&raw, tops.as_deref())
}

/// Builds the document from `pdftotext` output (pages separated by form feeds).
pub fn document_from_text(raw: &str) -> Result<Document, PdfError> {
    document_from_parts(raw, None)
}

fn document_from_parts(raw: &str, tops: Option<&[Vec<f32>]>) -> Result<Document, PdfError> {
    let paragraphs = repair_text_layer_with(raw, tops);
    if paragraphs.is_empty() {
        return Err(PdfError::NoTextLayer);
    }
    let mut builder = DocumentBuilder::default();
    let mut pages = Vec::with_capacity(paragraphs.len());
    for paragraph in &paragraphs {
        builder.push(ParagraphKind::Body, &paragraph.text);
        pages.push(paragraph.page);
    }
    let mut document = builder.finish(Format::Pdf);
    document.paragraph_pages = pages;
    Ok(document)
}

/// Runs `pdftotext -enc UTF-8 FILE -` and returns what it prints.
pub fn extract_text_layer(path: &Path) -> Result<String, PdfError> {
    run_pdftotext(path, &[])
}

/// The top (y, from the top of the page) of every text line on each page, from
/// `pdftotext -bbox-layout` output, in the order the plain output prints the lines.
pub fn line_tops(xhtml: &str) -> Vec<Vec<f32>> {
    let mut pages = Vec::new();
    for page in xhtml.split("<page ").skip(1) {
        let tops = page
            .split("<line ")
            .skip(1)
            .filter_map(|line| {
                let value = line.split("yMin=\"").nth(1)?.split('"').next()?;
                value.parse::<f32>().ok()
            })
            .collect();
        pages.push(tops);
    }
    pages
}

fn run_pdftotext(path: &Path, extra: &[&str]) -> Result<String, PdfError> {
    let mut child = Command::new("pdftotext")
        .args(["-q", "-enc", "UTF-8"])
        .args(extra)
        .arg(path)
        .arg("-")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| {
            if error.kind() == std::io::ErrorKind::NotFound {
                PdfError::NoExtractor
            } else {
                PdfError::Failed(error.to_string())
            }
        })?;
    // Read on a thread so that a full pipe never blocks the child while we wait for it.
    let stdout = child.stdout.take();
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(stdout) = stdout {
            stdout.take(MAX_TEXT_BYTES).read_to_end(&mut bytes).ok();
        }
        bytes
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > EXTRACT_TIMEOUT => {
                child.kill().ok();
                child.wait().ok();
                return Err(PdfError::TimedOut);
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(error) => return Err(PdfError::Failed(error.to_string())),
        }
    };
    let bytes = reader.join().unwrap_or_default();
    if !status.success() {
        let mut message = String::new();
        if let Some(mut stderr) = child.stderr.take() {
            stderr.read_to_string(&mut message).ok();
        }
        let message = message.lines().next().unwrap_or("").trim().to_owned();
        return Err(PdfError::Failed(if message.is_empty() {
            crate::tr!("error-pdf-exit-status", status = status.to_string())
        } else {
            message
        }));
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Repairs `pdftotext` output (see the module documentation) into paragraphs with pages.
pub fn repair_text_layer(raw: &str) -> Vec<PdfParagraph> {
    repair_text_layer_with(raw, None)
}

/// [`repair_text_layer`], knowing the top of each line on each page (`tops`, see
/// [`line_tops`]): a paragraph then ends where the gap to the next line is clearly wider
/// than the usual line spacing, whatever blank lines the extractor printed.
pub fn repair_text_layer_with(raw: &str, tops: Option<&[Vec<f32>]>) -> Vec<PdfParagraph> {
    let mut pages: Vec<Vec<String>> = raw
        .split('\u{c}')
        .map(|page| page.lines().map(remove_bidi_controls).collect())
        .collect();
    // Paragraph ends by geometry, as a line index per page, before any line is dropped:
    // a marker line "\u{c}" (never in extracted text) stands for each.
    if let Some(tops) = tops {
        for (page, page_tops) in pages.iter_mut().zip(tops) {
            mark_gaps(page, page_tops);
        }
    }
    // A final form feed leaves an empty last page.
    while pages
        .last()
        .is_some_and(|page| page.iter().all(|line| line.trim().is_empty()))
    {
        pages.pop();
    }
    drop_running_lines(&mut pages);
    let visual = reads_better_reversed(pages.iter().flatten().map(String::as_str));
    let mut paragraphs = Vec::new();
    for (page_idx, lines) in pages.iter().enumerate() {
        let page = u32::try_from(page_idx)
            .unwrap_or(u32::MAX - 1)
            .saturating_add(1);
        let lines: Vec<String> = lines
            .iter()
            .map(|line| {
                if line == "\u{c}" {
                    return line.clone();
                }
                let line = if visual && has_arabic(line) {
                    visual_to_logical(line)
                } else {
                    line.clone()
                };
                unfold_presentation_forms(line.trim())
            })
            .collect();
        let by_geometry = lines.iter().any(|l| l == "\u{c}");
        let mut current = String::new();
        for line in &lines {
            if line == "\u{c}" || (line.is_empty() && !by_geometry) {
                flush(&mut current, page, &mut paragraphs);
                continue;
            }
            if line.is_empty() {
                continue;
            }
            join_line(&mut current, line);
        }
        flush(&mut current, page, &mut paragraphs);
    }
    paragraphs
}

fn flush(current: &mut String, page: u32, paragraphs: &mut Vec<PdfParagraph>) {
    let text = current.trim();
    if !text.is_empty() {
        paragraphs.push(PdfParagraph {
            page,
            text: text.to_owned(),
        });
    }
    current.clear();
}

/// Appends a line to a paragraph: a word hyphenated at the end of the previous line is
/// joined, otherwise the lines are separated by a space.
fn join_line(paragraph: &mut String, line: &str) {
    if paragraph.is_empty() {
        paragraph.push_str(line);
        return;
    }
    let mut tail = paragraph.chars().rev();
    let hyphenated = tail.next() == Some('-')
        && tail.next().is_some_and(char::is_alphabetic)
        && line.chars().next().is_some_and(char::is_lowercase);
    if hyphenated {
        paragraph.pop();
    } else {
        paragraph.push(' ');
    }
    paragraph.push_str(line);
}

/// Puts a "\u{c}" line before each line that follows a gap wider than the page's usual
/// line spacing, when the page's text lines and `tops` correspond one to one; otherwise
/// leaves the page as it is.
fn mark_gaps(page: &mut Vec<String>, tops: &[f32]) {
    let text_lines: Vec<usize> = page
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(idx, _)| idx)
        .collect();
    if text_lines.len() != tops.len() || tops.len() < 2 {
        return;
    }
    let mut pitches: Vec<f32> = tops
        .windows(2)
        .filter_map(|w| match w {
            [a, b] if b > a => Some(b - a),
            _ => None,
        })
        .collect();
    if pitches.is_empty() {
        return;
    }
    pitches.sort_by(f32::total_cmp);
    let usual = pitches.get(pitches.len() / 4).copied().unwrap_or(0.0);
    let mut marked = Vec::with_capacity(page.len() + 8);
    let mut next_text = 0usize;
    for (idx, line) in page.drain(..).enumerate() {
        if text_lines.get(next_text) == Some(&idx) {
            let gap = next_text
                .checked_sub(1)
                .and_then(|prev| Some(tops.get(next_text)? - tops.get(prev)?));
            if gap.is_some_and(|gap| gap > usual * 1.4 || gap < 0.0) {
                marked.push("\u{c}".to_owned());
            }
            next_text += 1;
        }
        marked.push(line);
    }
    *page = marked;
}

/// Directional marks, embeddings, overrides and isolates.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

fn remove_bidi_controls(line: &str) -> String {
    line.chars().filter(|&c| !is_bidi_control(c)).collect()
}

fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{fb50}'..='\u{fdff}' | '\u{fe70}'..='\u{fefe}')
}

fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06ff}' | '\u{0750}'..='\u{077f}') || is_presentation_form(c)
}

fn has_arabic(line: &str) -> bool {
    line.chars().any(is_arabic)
}

/// Presentation forms become ordinary letters (NFKC of those characters only, so nothing
/// else in the text changes).
pub fn unfold_presentation_forms(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_presentation_form(c) {
            out.extend(std::iter::once(c).nfkc());
        } else {
            out.push(c);
        }
    }
    out
}

/// True when the lines read as Arabic more often reversed than as they are: counted by the
/// definite article, ال at the start of a word (read as stored) against لا at the end of one
/// (what ال looks like stored in visual order).
pub fn reads_better_reversed<'a>(lines: impl Iterator<Item = &'a str>) -> bool {
    let mut forward = 0usize;
    let mut reversed = 0usize;
    for line in lines {
        let line = unfold_presentation_forms(line);
        for word in line.split(|c: char| !is_arabic(c)) {
            if word.chars().count() < 3 {
                continue;
            }
            if word.starts_with("ال") {
                forward = forward.saturating_add(1);
            }
            if word.ends_with("لا") {
                reversed = reversed.saturating_add(1);
            }
        }
    }
    reversed > forward.saturating_mul(2) && reversed >= 2
}

/// Whether `c` keeps left-to-right order inside a reversed line: Latin letters and digits.
fn is_left_to_right(c: char) -> bool {
    c.is_ascii_alphanumeric() || ('\u{00c0}'..='\u{024f}').contains(&c)
}

/// A line stored in visual order, put back in logical order: reversed, with each run of
/// Latin letters and digits (and the `.,:/%-` between them) turned back, and brackets
/// mirrored.
pub fn visual_to_logical(line: &str) -> String {
    let reversed: Vec<char> = line.chars().rev().map(mirror).collect();
    let mut out = String::with_capacity(line.len());
    let mut idx = 0;
    while let Some(&c) = reversed.get(idx) {
        if !is_left_to_right(c) {
            out.push(c);
            idx += 1;
            continue;
        }
        // A left-to-right run: letters and digits, joined by single separators.
        let start = idx;
        let mut end = idx;
        while end < reversed.len() {
            let Some(&here) = reversed.get(end) else {
                break;
            };
            let joins = is_left_to_right(here)
                || (matches!(here, '.' | ',' | ':' | '/' | '%' | '-' | ' ')
                    && reversed.get(end + 1).copied().is_some_and(is_left_to_right));
            if joins {
                end += 1;
            } else {
                break;
            }
        }
        let run: Vec<char> = reversed
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .rev()
            .map(|&c| mirror(c))
            .collect();
        out.extend(run);
        idx = end;
    }
    out
}

fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        _ => c,
    }
}

/// A line with its digits replaced by `#`, so that "page 3" and "page 4" compare equal.
fn line_shape(line: &str) -> String {
    line.trim()
        .chars()
        .map(|c| if c.is_numeric() { '#' } else { c })
        .collect()
}

/// A line that is only a page number (`3`, `- 3 -`, `Page 3 of 9`, `٣`, `صفحة ٣`).
fn is_page_number(line: &str) -> bool {
    let shape = line_shape(line);
    if !shape.contains('#') {
        return false;
    }
    let rest: String = shape
        .replace("Page", "")
        .replace("page", "")
        .replace("of", "")
        .replace("صفحة", "")
        .replace("من", "")
        .chars()
        .filter(|c| {
            !matches!(c, '#' | '-' | '/' | '|' | '–' | '—' | '(' | ')') && !c.is_whitespace()
        })
        .collect();
    rest.is_empty()
}

/// Drops running headers and footers (a line that is the first or last on at least half of
/// the pages, two pages at least, digits ignored) and page-number lines.
fn drop_running_lines(pages: &mut [Vec<String>]) {
    use std::collections::HashMap;
    let edge = |page: &Vec<String>, from_end: bool| -> Option<usize> {
        let mut indices: Box<dyn Iterator<Item = usize>> = if from_end {
            Box::new((0..page.len()).rev())
        } else {
            Box::new(0..page.len())
        };
        indices.find(|&idx| page.get(idx).is_some_and(|l| !l.trim().is_empty()))
    };
    let mut counts: HashMap<(bool, String), usize> = HashMap::new();
    for page in pages.iter() {
        for from_end in [false, true] {
            if let Some(line) = edge(page, from_end).and_then(|idx| page.get(idx)) {
                *counts.entry((from_end, line_shape(line))).or_default() += 1;
            }
        }
    }
    // At least half the pages, and two at least (one page has no running lines).
    let threshold = pages.len().div_ceil(2).max(2);
    for page in pages.iter_mut() {
        for from_end in [false, true] {
            // Several running lines may stack (a header, then a page number).
            while let Some(idx) = edge(page, from_end) {
                let Some(line) = page.get(idx) else { break };
                let running = counts
                    .get(&(from_end, line_shape(line)))
                    .is_some_and(|&n| n >= threshold);
                if running || is_page_number(line) {
                    page.remove(idx);
                } else {
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presentation_forms_and_lam_alef_unfold() {
        // سلام in presentation forms, the lam-alef as one ligature (U+FEFC).
        assert_eq!(unfold_presentation_forms("\u{feb3}\u{fefc}\u{fee1}"), "سلام");
        assert_eq!(unfold_presentation_forms("نص (AFP) ١٢"), "نص (AFP) ١٢");
    }

    #[test]
    fn visual_lines_come_back_in_logical_order() {
        let logical = "قال الوزير (في 2015) إن الاتفاق مع EU Council تم";
        let visual: String = logical.chars().rev().map(mirror).collect::<String>();
        // Stored visually, the Latin runs keep their own order.
        let visual = visual
            .replace("5102", "2015")
            .replace("licnuoC UE", "EU Council");
        assert_eq!(visual_to_logical(&visual), logical);
        assert!(reads_better_reversed(std::iter::once(visual.as_str())));
        assert!(!reads_better_reversed(std::iter::once(logical)));
    }

    #[test]
    fn lam_alef_ligature_in_a_visual_line() {
        // "السلام" drawn in visual order: meem, lam-alef ligature, seen, lam, alef.
        let visual = "\u{fee1}\u{fefc}\u{feb4}\u{fedf}\u{fe8d}";
        let logical = unfold_presentation_forms(&visual_to_logical(visual));
        assert_eq!(logical, "السلام");
    }

    #[test]
    fn headers_footers_page_numbers_and_hyphens() {
        let page = |n: u32, body: &str| format!("جريدة الاختبار\n\n{body}\n\nPage {n} of 3\n");
        let raw = [
            page(
                1,
                "الفقرة الأولى تبدأ هنا\nوتستمر في سطر ثان\n\nthe word is hyph-\nenated",
            ),
            page(2, "\u{202b}الفقرة الثانية\u{202c}"),
            page(3, "٣\nالفقرة الثالثة"),
        ]
        .join("\u{c}");
        let paragraphs = repair_text_layer(&raw);
        let texts: Vec<(u32, &str)> = paragraphs
            .iter()
            .map(|p| (p.page, p.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                (1, "الفقرة الأولى تبدأ هنا وتستمر في سطر ثان"),
                (1, "the word is hyphenated"),
                (2, "الفقرة الثانية"),
                (3, "الفقرة الثالثة"),
            ]
        );
    }

    #[test]
    fn an_empty_text_layer_is_refused() {
        assert!(matches!(
            document_from_text("\u{c}\n \u{c}"),
            Err(PdfError::NoTextLayer)
        ));
    }
}
