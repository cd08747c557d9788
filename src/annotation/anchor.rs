//! Re-anchoring: finding each annotation's text again after the article changed.
//!
//! In order: the position still holds the quote → the paragraph (by hash) is elsewhere →
//! the exact quote is elsewhere → a fuzzy match under Arabic normalization (tashkeel and
//! tatweel stripped, alef forms, alef maqsura and ta marbuta folded). Candidates are scored
//! as Hypothesis does: how well the quote matches, how well the text before and after
//! matches the stored prefix and suffix, and how close it is to the old position. What
//! cannot be placed is kept, marked orphaned, with its last quote.

use std::ops::Range;

use super::model::MAX_PARAGRAPH_QUOTE_CHARS;
use super::model::{Annotation, Target, TargetKind};
use super::target::{CharIndex, quote_selector_is, sha256_hex, target_with_hash};
use crate::arabic::{Folding, Normalized};
use crate::document::Document;

/// How an annotation was placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnchorMethod {
    /// Its stored position still holds its quote.
    Unchanged,
    /// Its paragraph was found, unchanged, at another index.
    ParagraphHash,
    /// Its exact quote was found elsewhere.
    ExactQuote,
    /// A close match was found under Arabic normalization.
    Fuzzy,
    /// Nowhere: kept with its last quote and marked orphaned.
    Orphaned,
}

/// Lowest similarity (0–1) at which a fuzzy match is accepted.
const MIN_FUZZY_SIMILARITY: f64 = 0.6;
/// Quotes longer than this are matched paragraph by paragraph rather than by edit distance.
const MAX_EDIT_DISTANCE_QUOTE: usize = 400;
/// How far around the old position an approximate passage is searched, in characters.
const FUZZY_WINDOW_CHARS: usize = 20_000;

/// The current document prepared for searching.
pub struct AnchorContext<'a> {
    document: &'a Document,
    index: CharIndex,
    chars: Vec<char>,
    /// The text under Arabic normalization, made when a fuzzy search first needs it.
    normalized: std::cell::OnceCell<Normalized>,
    /// Code-point range of every paragraph.
    paragraph_chars: Vec<Range<usize>>,
    paragraph_hashes: Vec<String>,
}

impl<'a> AnchorContext<'a> {
    /// Prepares `document`.
    pub fn new(document: &'a Document) -> Self {
        let index = CharIndex::new(&document.text);
        let paragraph_chars = document
            .paragraphs
            .iter()
            .map(|p| index.char_range(&document.text, p.byte_range.clone()))
            .collect();
        let paragraph_hashes = (0..document.paragraphs.len())
            .map(|i| sha256_hex(document.paragraph_text(i).unwrap_or("")))
            .collect();
        Self {
            document,
            chars: document.text.chars().collect(),
            normalized: std::cell::OnceCell::new(),
            index,
            paragraph_chars,
            paragraph_hashes,
        }
    }

    /// The document text under Arabic normalization.
    fn normalized(&self) -> &Normalized {
        self.normalized
            .get_or_init(|| Normalized::new(&self.document.text, Folding::ANCHORING))
    }

    /// Whether code points `chars` of the text are `text` (`prefix`: start with it).
    fn chars_are(&self, chars: Range<usize>, text: &str, prefix: bool) -> bool {
        let Some(have) = self.chars.get(chars) else {
            return false;
        };
        let mut have = have.iter().copied();
        text.chars().all(|c| have.next() == Some(c)) && (prefix || have.next().is_none())
    }

    /// Whether `target` is exactly what [`Self::target_at`] builds for its own position:
    /// then re-anchoring it changes nothing and it need not be rebuilt. Checked without
    /// building anything, which keeps re-anchoring cheap for the usual, unchanged article.
    fn is_current(&self, target: &Target) -> bool {
        let position = target.position.start..target.position.end;
        let Some(paragraph) = self.paragraph_at(position.start) else {
            return false;
        };
        let Some(paragraph_range) = self.paragraph_chars.get(paragraph) else {
            return false;
        };
        let (chars, quoted) = match target.kind {
            TargetKind::Paragraph => (
                paragraph_range.clone(),
                paragraph_range.start
                    ..paragraph_range.end.min(
                        paragraph_range
                            .start
                            .saturating_add(MAX_PARAGRAPH_QUOTE_CHARS),
                    ),
            ),
            TargetKind::Span => {
                let chars =
                    position.start..position.end.min(paragraph_range.end).max(position.start);
                (chars.clone(), chars)
            }
        };
        !target.orphaned
            && paragraph == target.paragraph
            && chars == position
            && self.paragraph_hashes.get(paragraph) == Some(&target.paragraph_sha256)
            && quote_selector_is(&target.quote, &self.document.text, &self.index, quoted)
    }

    /// The code-point index over the document text.
    pub fn index(&self) -> &CharIndex {
        &self.index
    }

    fn text_of(&self, chars: Range<usize>) -> String {
        self.chars
            .get(chars)
            .map(|c| c.iter().collect())
            .unwrap_or_default()
    }

    /// The paragraph holding code point `char_idx`.
    fn paragraph_at(&self, char_idx: usize) -> Option<usize> {
        let idx = self.paragraph_chars.partition_point(|r| r.end <= char_idx);
        self.paragraph_chars
            .get(idx)
            .filter(|r| r.start <= char_idx)
            .map(|_| idx)
    }

    /// A fresh target for code points `chars` of the current document.
    fn target_at(&self, chars: Range<usize>, kind: TargetKind) -> Option<Target> {
        let paragraph = self.paragraph_at(chars.start)?;
        let paragraph_range = self.paragraph_chars.get(paragraph)?;
        let chars = match kind {
            TargetKind::Paragraph => paragraph_range.clone(),
            TargetKind::Span => chars.start..chars.end.min(paragraph_range.end).max(chars.start),
        };
        let text = &self.document.text;
        let bytes = self.index.byte_of_char(text, chars.start)?
            ..self.index.byte_of_char(text, chars.end)?;
        // The paragraph's hash is the one computed once in `new`.
        let hash = self.paragraph_hashes.get(paragraph)?.clone();
        target_with_hash(self.document, &self.index, paragraph, hash, bytes, kind)
    }

    /// Scores a candidate placement (0–1): quote 50, prefix 20, suffix 20, position 2.
    fn score(&self, target: &Target, candidate: Range<usize>, quote_similarity: f64) -> f64 {
        let prefix_len = target.quote.prefix.chars().count();
        let suffix_len = target.quote.suffix.chars().count();
        let before = self.text_of(candidate.start.saturating_sub(prefix_len)..candidate.start);
        let after = self.text_of(candidate.end..(candidate.end + suffix_len).min(self.chars.len()));
        let similarity = |a: &str, b: &str| {
            if a.is_empty() && b.is_empty() {
                1.0
            } else {
                strsim::normalized_levenshtein(a, b)
            }
        };
        let prefix = similarity(&before, &target.quote.prefix);
        let suffix = similarity(&after, &target.quote.suffix);
        let distance = candidate.start.abs_diff(target.position.start) as f64;
        let position = 1.0 - (distance / self.chars.len().max(1) as f64).min(1.0);
        (50.0 * quote_similarity + 20.0 * prefix + 20.0 * suffix + 2.0 * position) / 92.0
    }

    /// Finds where `target` is now, and how.
    pub fn locate(&self, target: &Target) -> (Option<Range<usize>>, AnchorMethod) {
        let exact = &target.quote.exact;
        let old = target.position.start..target.position.end;
        if target.kind == TargetKind::Paragraph {
            // A paragraph is where it was when the paragraph there has its range and hash
            // (its quote may hold only its first characters).
            let same = self.paragraph_chars.get(target.paragraph) == Some(&old)
                && self.paragraph_hashes.get(target.paragraph) == Some(&target.paragraph_sha256)
                && self.chars_are(old.clone(), exact, true);
            if same {
                return (Some(old), AnchorMethod::Unchanged);
            }
        } else if !exact.is_empty() && self.chars_are(old.clone(), exact, false) {
            return (Some(old), AnchorMethod::Unchanged);
        }
        if let Some(range) = self.by_paragraph_hash(target) {
            return (Some(range), AnchorMethod::ParagraphHash);
        }
        if let Some(range) = self.by_exact_quote(target) {
            return (Some(range), AnchorMethod::ExactQuote);
        }
        if let Some(range) = self.by_fuzzy_quote(target) {
            return (Some(range), AnchorMethod::Fuzzy);
        }
        (None, AnchorMethod::Orphaned)
    }

    fn by_paragraph_hash(&self, target: &Target) -> Option<Range<usize>> {
        let paragraph = self
            .paragraph_hashes
            .iter()
            .enumerate()
            .filter(|(_, hash)| **hash == target.paragraph_sha256)
            .map(|(idx, _)| idx)
            .min_by_key(|idx| idx.abs_diff(target.paragraph))?;
        let range = self.paragraph_chars.get(paragraph)?.clone();
        match target.kind {
            TargetKind::Paragraph => Some(range),
            // The passage is somewhere in this unchanged paragraph.
            TargetKind::Span => self.best_exact_in(target, range),
        }
    }

    fn by_exact_quote(&self, target: &Target) -> Option<Range<usize>> {
        self.best_exact_in(target, 0..self.chars.len())
    }

    /// The best-scoring exact occurrence of the quote inside `within`.
    fn best_exact_in(&self, target: &Target, within: Range<usize>) -> Option<Range<usize>> {
        let needle: Vec<char> = target.quote.exact.chars().collect();
        if needle.is_empty() || needle.len() > within.len() {
            return None;
        }
        let haystack = self.chars.get(within.clone())?;
        haystack
            .windows(needle.len())
            .enumerate()
            .filter(|(_, window)| *window == needle.as_slice())
            .map(|(offset, _)| within.start + offset..within.start + offset + needle.len())
            .map(|range| (self.score(target, range.clone(), 1.0), range))
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, range)| range)
    }

    fn by_fuzzy_quote(&self, target: &Target) -> Option<Range<usize>> {
        let quote = Normalized::new(&target.quote.exact, Folding::ANCHORING);
        if quote.chars.is_empty() {
            return None;
        }
        // The same letters without vowels and with alef forms folded.
        let exact_normalized = self
            .normalized()
            .chars
            .windows(quote.chars.len())
            .enumerate()
            .filter(|(_, window)| *window == quote.chars.as_slice())
            .map(|(start, _)| {
                self.normalized()
                    .original_range(start..start + quote.chars.len(), &self.chars)
            })
            .map(|range| (self.score(target, range.clone(), 1.0), range))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, range)) = exact_normalized {
            return Some(range);
        }
        if target.kind == TargetKind::Paragraph || quote.chars.len() > MAX_EDIT_DISTANCE_QUOTE {
            self.most_similar_paragraph(target, &quote)
        } else {
            self.approximate_passage(target, &quote)
        }
    }

    /// The paragraph most like the quote (reworded paragraphs), by word-bigram similarity.
    fn most_similar_paragraph(&self, target: &Target, quote: &Normalized) -> Option<Range<usize>> {
        let quote_text = quote.as_string();
        self.paragraph_chars
            .iter()
            .filter_map(|range| {
                let text: String =
                    Normalized::new(&self.text_of(range.clone()), Folding::ANCHORING).as_string();
                let similarity = bigram_similarity(&quote_text, &text);
                (similarity >= MIN_FUZZY_SIMILARITY)
                    .then(|| (self.score(target, range.clone(), similarity), range.clone()))
            })
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, range)| range)
    }

    /// Approximate substring search (Sellers' algorithm) near the old position.
    fn approximate_passage(&self, target: &Target, quote: &Normalized) -> Option<Range<usize>> {
        let text = &self.normalized().chars;
        let pattern = &quote.chars;
        let max_errors =
            pattern.len() - (pattern.len() as f64 * MIN_FUZZY_SIMILARITY).ceil() as usize;
        // Normalized index nearest to the old position.
        let center = self
            .normalized()
            .origin
            .partition_point(|&o| o < target.position.start);
        let window = center.saturating_sub(FUZZY_WINDOW_CHARS)
            ..(center + FUZZY_WINDOW_CHARS).min(text.len());
        let haystack = text.get(window.clone())?;
        // column[i] = edit distance of pattern[..i] against the best substring ending here.
        let mut column: Vec<usize> = (0..=pattern.len()).collect();
        let mut best: Option<(usize, usize)> = None; // (errors, end in haystack)
        for (end, &c) in haystack.iter().enumerate() {
            let mut diagonal = 0; // a match may start anywhere: row 0 is always 0
            column[0] = 0;
            for i in 1..=pattern.len() {
                let above = column[i];
                let cost = usize::from(pattern[i - 1] != c);
                column[i] = (diagonal + cost).min(column[i - 1] + 1).min(above + 1);
                diagonal = above;
            }
            let errors = column[pattern.len()];
            if errors <= max_errors && best.is_none_or(|(e, _)| errors < e) {
                best = Some((errors, end + 1));
            }
        }
        let (errors, end) = best?;
        // Walk back to the start that gives this score: try starts near end - len.
        let start = (end.saturating_sub(pattern.len() + errors)
            ..=end.saturating_sub(pattern.len().saturating_sub(errors)))
            .min_by_key(|&start| {
                let candidate = &haystack[start..end];
                strsim::generic_levenshtein(&candidate.to_vec(), pattern)
            })?;
        let range = self
            .normalized()
            .original_range(window.start + start..window.start + end, &self.chars);
        Some(range)
    }
}

/// Sørensen–Dice similarity of character bigrams (white space ignored), counted in code
/// points. (`strsim::sorensen_dice` divides by byte lengths, which halves it for Arabic.)
pub fn bigram_similarity(a: &str, b: &str) -> f64 {
    let chars = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<Vec<char>>()
    };
    let (a, b) = (chars(a), chars(b));
    if a == b {
        return 1.0;
    }
    if a.len() < 2 || b.len() < 2 {
        return 0.0;
    }
    let mut counts: std::collections::HashMap<(char, char), usize> =
        std::collections::HashMap::new();
    for pair in a.windows(2) {
        *counts.entry((pair[0], pair[1])).or_default() += 1;
    }
    let mut shared = 0usize;
    for pair in b.windows(2) {
        if let Some(count) = counts.get_mut(&(pair[0], pair[1])).filter(|c| **c > 0) {
            *count -= 1;
            shared += 1;
        }
    }
    (2 * shared) as f64 / (a.len() + b.len() - 2) as f64
}

/// Re-anchors every annotation to `document`, rewriting the targets of those it finds (so
/// the next save records the new positions) and marking the rest orphaned.
pub fn reanchor(annotations: &mut [Annotation], document: &Document) -> Vec<AnchorMethod> {
    let context = AnchorContext::new(document);
    annotations
        .iter_mut()
        .map(|annotation| {
            let (range, method) = context.locate(&annotation.target);
            if method == AnchorMethod::Unchanged && context.is_current(&annotation.target) {
                return method;
            }
            match range.and_then(|r| context.target_at(r, annotation.target.kind)) {
                Some(target) => {
                    annotation.target = target;
                    method
                }
                None => {
                    annotation.target.orphaned = true;
                    AnchorMethod::Orphaned
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The targets [`AnchorContext::target_at`] builds for passages of every paragraph of the
    /// sample article (one per word run) and for each whole paragraph, plus the same
    /// targets with each stored field changed in turn.
    fn targets_and_variants(context: &AnchorContext) -> Vec<Target> {
        let mut targets = Vec::new();
        for paragraph in context.paragraph_chars.clone() {
            targets.extend(context.target_at(paragraph.clone(), TargetKind::Paragraph));
            let mut start = paragraph.start;
            while start < paragraph.end {
                let end = (start + 7).min(paragraph.end);
                targets.extend(context.target_at(start..end, TargetKind::Span));
                start += 5;
            }
        }
        let mut variants = Vec::new();
        for target in &targets {
            let mut changed = |change: &dyn Fn(&mut Target)| {
                let mut variant = target.clone();
                change(&mut variant);
                variants.push(variant);
            };
            changed(&|t| t.quote.prefix.push('x'));
            changed(&|t| t.quote.prefix = String::new());
            changed(&|t| {
                t.quote.suffix.pop();
            });
            changed(&|t| t.quote.exact.push('ة'));
            changed(&|t| t.paragraph_sha256 = sha256_hex("other"));
            changed(&|t| t.paragraph += 1);
            changed(&|t| t.position.start += 1);
            changed(&|t| t.position.end += 1);
            changed(&|t| t.orphaned = true);
            changed(&|t| {
                t.kind = match t.kind {
                    TargetKind::Span => TargetKind::Paragraph,
                    TargetKind::Paragraph => TargetKind::Span,
                };
            });
        }
        targets.extend(variants);
        targets
    }

    #[test]
    fn targets_kept_as_stored_are_exactly_those_rebuilding_would_give() {
        let text = include_str!("../../assets/alaraby_2016-10-25_paris_coalition_raqqa.txt");
        let document = crate::document::parse_plain_text(text.to_owned());
        let context = AnchorContext::new(&document);
        let targets = targets_and_variants(&context);
        let mut kept = 0;
        for target in &targets {
            let (range, method) = context.locate(target);
            let rebuilt = range.and_then(|r| context.target_at(r, target.kind));
            let same = method == AnchorMethod::Unchanged && rebuilt.as_ref() == Some(target);
            assert_eq!(context.is_current(target), same, "{target:?}");
            kept += usize::from(same);
        }
        // Every freshly built target is kept as it is; some variants are not.
        assert!(kept >= targets.len() / 11, "{kept} of {}", targets.len());
        assert!(kept < targets.len(), "{kept} of {}", targets.len());
    }

    #[test]
    fn bigram_similarity_counts_code_points() {
        let a = "إحدى الشخصيات «الإسلامية»، على وجه الخصوص، ويُدعى فيصل، أصبح رفيقا دائما وملازما لها باستمرار";
        let b =
            "إحدى الشخصيات كلمة على وجه الخصوص، ويُدعى فيصل، أصبح رفيقا بديلة وملازما لها باستمرار";
        // 0.8 by hand (Python, counting bigrams of code points).
        assert!(
            (bigram_similarity(a, b) - 0.8).abs() < 0.01,
            "{}",
            bigram_similarity(a, b)
        );
        assert!((bigram_similarity(a, a) - 1.0).abs() < f64::EPSILON);
        assert!(bigram_similarity("ab", "xy").abs() < f64::EPSILON);
    }
}
