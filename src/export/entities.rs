//! Entities (typed passages) and relations out to the formats NLP pipelines read: CoNLL IOB2,
//! the Wojood nested format, brat standoff and spaCy-style JSON Lines.
//!
//! Every passage annotation that is placed in the current text gives one entity per label
//! (its type is the label id, with any whitespace as `_`). Token-based formats cut each
//! paragraph with [`crate::arabic::tokens`]; an entity covers every token it touches, so a
//! token that holds an entity only partly (a detached proclitic: «والرقة» with the entity
//! «الرقة») is tagged as a whole, as Wojood does.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;

use uuid::Uuid;

use super::ArticleAnnotations;
use crate::annotation::{Sidecar, TargetKind};
use crate::arabic::tokens::{Token, tokens};

/// The entity formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntityFormat {
    /// CoNLL IOB2: `token TAG`, outermost entities only.
    Conll,
    /// Wojood: `token TAG TAG …`, one tag per nesting level, outer to inner.
    Wojood,
    /// brat standoff `.ann` (`T` and `R` lines).
    Brat,
    /// JSON Lines, one object per paragraph with spans and relations.
    Spacy,
}

/// One entity: a passage annotation with one of its labels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// The passage annotation.
    pub annotation: Uuid,
    /// Its type (a label id, whitespace as `_`).
    pub label: String,
    /// The paragraph holding it.
    pub paragraph: usize,
    /// Code points in the article text.
    pub chars: Range<usize>,
}

/// A label id as a tag or type name: whitespace becomes `_` (every format here splits on it).
pub fn type_name(label: &str) -> String {
    label
        .chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect()
}

/// The entities of `sidecar` in document order (by start, longer first, then as stored).
/// Orphaned passages and passages outside the text are left out.
pub fn entities(sidecar: &Sidecar, len_chars: usize) -> Vec<Entity> {
    let mut out: Vec<Entity> = sidecar
        .annotations
        .iter()
        .filter(|a| a.target.kind == TargetKind::Span && !a.target.orphaned)
        .filter(|a| {
            let p = &a.target.position;
            p.start < p.end && p.end <= len_chars
        })
        .flat_map(|a| {
            a.labels.iter().map(move |label| Entity {
                annotation: a.id,
                label: type_name(label),
                paragraph: a.target.paragraph,
                chars: a.target.position.start..a.target.position.end,
            })
        })
        .collect();
    out.sort_by_key(|e| (e.chars.start, std::cmp::Reverse(e.chars.end)));
    out
}

/// A paragraph cut into tokens, with their code-point ranges in the article text.
struct TokenizedParagraph<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    /// Code points of each token in the article text.
    token_chars: Vec<Range<usize>>,
}

/// Code-point ranges (offset by `char_start`) of byte ranges in `text`, which must be in
/// order.
fn char_ranges(text: &str, char_start: usize, bytes: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut byte_at = 0;
    let mut char_at = char_start;
    let mut advance = |to: usize| {
        let to = to.max(byte_at);
        char_at += text.get(byte_at..to).map_or(0, |s| s.chars().count());
        byte_at = to;
        char_at
    };
    for range in bytes {
        let start = advance(range.start);
        let end = advance(range.end);
        out.push(start..end);
    }
    out
}

/// Every paragraph of `item` with its tokens (paragraphs without a token left out).
fn tokenized(item: &ArticleAnnotations) -> Vec<(usize, TokenizedParagraph<'_>)> {
    let document = &item.document;
    let mut out = Vec::new();
    let mut char_start = 0_usize;
    let mut byte_at = 0_usize;
    for (idx, paragraph) in document.paragraphs.iter().enumerate() {
        let range = paragraph.byte_range.clone();
        char_start += document
            .text
            .get(byte_at..range.start.max(byte_at))
            .map_or(0, |s| s.chars().count());
        byte_at = range.start.max(byte_at);
        let Some(text) = document.text.get(range.clone()) else {
            continue;
        };
        let tokens = tokens(text);
        let bytes: Vec<Range<usize>> = tokens.iter().map(|t| t.bytes.clone()).collect();
        let token_chars = char_ranges(text, char_start, &bytes);
        char_start += text.chars().count();
        byte_at = range.end;
        if !tokens.is_empty() {
            out.push((
                idx,
                TokenizedParagraph {
                    text,
                    tokens,
                    token_chars,
                },
            ));
        }
    }
    out
}

/// The token indices an entity touches.
fn token_span(token_chars: &[Range<usize>], chars: &Range<usize>) -> Option<Range<usize>> {
    let first = token_chars.partition_point(|t| t.end <= chars.start);
    let last = token_chars.partition_point(|t| t.start < chars.end);
    (first < last).then_some(first..last)
}

/// The text of token `idx`.
fn token_text<'a>(paragraph: &TokenizedParagraph<'a>, idx: usize) -> &'a str {
    paragraph
        .tokens
        .get(idx)
        .and_then(|t| paragraph.text.get(t.bytes.clone()))
        .unwrap_or("")
}

/// A token's text and the entities covering it as (label, begins here), outer to inner.
type TaggedToken<'a> = (&'a str, Vec<(&'a str, bool)>);

/// Per paragraph: its tokens with their entities.
fn tagged_paragraphs<'a>(
    item: &'a ArticleAnnotations,
    all: &'a [Entity],
    outermost_only: bool,
) -> Vec<Vec<TaggedToken<'a>>> {
    let mut by_paragraph: HashMap<usize, Vec<&Entity>> = HashMap::new();
    for entity in all {
        by_paragraph
            .entry(entity.paragraph)
            .or_default()
            .push(entity);
    }
    let mut out = Vec::new();
    for (idx, paragraph) in tokenized(item) {
        let mut tags: Vec<Vec<(&str, bool)>> = vec![Vec::new(); paragraph.tokens.len()];
        let mut spans: Vec<(Range<usize>, &str)> = by_paragraph
            .get(&idx)
            .into_iter()
            .flatten()
            .filter_map(|e| {
                token_span(&paragraph.token_chars, &e.chars).map(|span| (span, e.label.as_str()))
            })
            .collect();
        // Outer first: by first token, the longer first.
        spans.sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.end)));
        if outermost_only {
            let mut kept: Vec<(Range<usize>, &str)> = Vec::new();
            for (span, label) in spans {
                if kept.last().is_none_or(|(last, _)| last.end <= span.start) {
                    kept.push((span, label));
                }
            }
            spans = kept;
        }
        for (span, label) in &spans {
            for token in span.clone() {
                if let Some(slot) = tags.get_mut(token) {
                    slot.push((label, token == span.start));
                }
            }
        }
        out.push(
            tags.into_iter()
                .enumerate()
                .map(|(token, tags)| (token_text(&paragraph, token), tags))
                .collect(),
        );
    }
    out
}

fn write_token_lines(items: &[ArticleAnnotations], outermost_only: bool) -> String {
    let mut lines = TokenLines::default();
    for item in items {
        for block in token_line_blocks(item, outermost_only) {
            lines.push(&block);
        }
    }
    lines.finish()
}

/// The token lines of each paragraph of `item`, one string per paragraph: the outermost
/// entities only ([`to_conll`]) or every level ([`to_wojood`]).
pub fn token_line_blocks(item: &ArticleAnnotations, outermost_only: bool) -> Vec<String> {
    let len_chars = item.document.text.chars().count();
    let all = entities(&item.sidecar, len_chars);
    tagged_paragraphs(item, &all, outermost_only)
        .into_iter()
        .map(|paragraph| {
            let mut block = String::new();
            for (token, tags) in paragraph {
                block.push_str(token);
                if tags.is_empty() {
                    block.push_str(" O");
                }
                for (label, begins) in tags {
                    let prefix = if begins { 'B' } else { 'I' };
                    write!(block, " {prefix}-{label}").ok();
                }
                block.push('\n');
            }
            block
        })
        .collect()
}

/// [`to_conll`] or [`to_wojood`] built a paragraph at a time (from
/// [`token_line_blocks`]): a blank line between paragraphs.
#[derive(Debug, Default)]
pub struct TokenLines {
    out: String,
}

impl TokenLines {
    /// Adds one paragraph's lines.
    pub fn push(&mut self, block: &str) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out.push_str(block);
    }

    /// The text so far.
    pub fn finish(self) -> String {
        self.out
    }
}

/// CoNLL IOB2: one `token TAG` line per token, a blank line between paragraphs, the
/// outermost entities only (where two cross, the one starting first).
pub fn to_conll(items: &[ArticleAnnotations]) -> String {
    write_token_lines(items, true)
}

/// The Wojood nested format: one `token TAG TAG …` line per token with one tag per entity
/// covering it, outer to inner (`O` for none), a blank line between paragraphs and none at
/// the end, as `conll_to_segments` of SinaLab/ArabicNER reads it (every blank line ends a
/// segment).
pub fn to_wojood(items: &[ArticleAnnotations]) -> String {
    write_token_lines(items, false)
}

/// A brat standoff export of one article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BratExport {
    /// The `.ann` file.
    pub ann: String,
    /// The text the offsets count in, when the article file is not that text already
    /// (not a UTF-8 `.txt` file holding exactly it); write it beside the `.ann`.
    pub text: Option<String>,
}

/// Code-point fragments of `chars` in `text`, split at line breaks (brat's discontinuous
/// form), with their texts.
fn brat_fragments(chars_of_text: &[char], chars: &Range<usize>) -> Vec<(Range<usize>, String)> {
    let mut fragments = Vec::new();
    let mut start = chars.start;
    for idx in chars.clone() {
        if chars_of_text.get(idx) == Some(&'\n') {
            if start < idx {
                fragments.push(start..idx);
            }
            start = idx.saturating_add(1);
        }
    }
    if start < chars.end {
        fragments.push(start..chars.end);
    }
    fragments
        .into_iter()
        .map(|r| {
            let text = chars_of_text.get(r.clone()).unwrap_or(&[]).iter().collect();
            (r, text)
        })
        .collect()
}

/// Whether the article file holds exactly `text` in UTF-8 (so brat offsets can refer to it).
fn file_is_text(item: &ArticleAnnotations) -> bool {
    let is_txt = item
        .path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    is_txt
        && crate::files::read_regular(&item.path)
            .is_ok_and(|bytes| bytes == item.document.text.as_bytes())
}

/// brat standoff for one article: `T` lines (`T1\tTYPE start end\ttext`, code-point offsets,
/// `start end;start end` where an entity crosses a line break) and `R` lines
/// (`R1\tTYPE Arg1:T1 Arg2:T2`) for relations whose two passages are exported.
pub fn to_brat(item: &ArticleAnnotations) -> BratExport {
    let chars: Vec<char> = item.document.text.chars().collect();
    let mut ann = String::new();
    let mut first_t: HashMap<Uuid, usize> = HashMap::new();
    for (n, entity) in entities(&item.sidecar, chars.len()).iter().enumerate() {
        let number = n.saturating_add(1);
        first_t.entry(entity.annotation).or_insert(number);
        let fragments = brat_fragments(&chars, &entity.chars);
        let offsets: Vec<String> = fragments
            .iter()
            .map(|(r, _)| format!("{} {}", r.start, r.end))
            .collect();
        let texts: Vec<&str> = fragments.iter().map(|(_, t)| t.as_str()).collect();
        writeln!(
            ann,
            "T{number}\t{} {}\t{}",
            entity.label,
            offsets.join(";"),
            texts.join(" ")
        )
        .ok();
    }
    let mut number = 0_usize;
    for relation in &item.sidecar.relations {
        let (Some(source), Some(target)) =
            (first_t.get(&relation.source), first_t.get(&relation.target))
        else {
            continue;
        };
        number = number.saturating_add(1);
        writeln!(
            ann,
            "R{number}\t{} Arg1:T{source} Arg2:T{target}",
            type_name(&relation.relation_type)
        )
        .ok();
    }
    BratExport {
        ann,
        text: (!file_is_text(item)).then(|| item.document.text.clone()),
    }
}

/// One span of a paragraph in the spaCy export.
#[derive(Debug, serde::Serialize)]
struct SpacySpan<'a> {
    start: usize,
    end: usize,
    label: &'a str,
}

/// One relation of a paragraph in the spaCy export: indices into its `spans`.
#[derive(Debug, serde::Serialize)]
struct SpacyRelation {
    head: usize,
    child: usize,
    label: String,
}

#[derive(Debug, serde::Serialize)]
struct SpacyLine<'a> {
    text: &'a str,
    spans: Vec<SpacySpan<'a>>,
    relations: Vec<SpacyRelation>,
    meta: SpacyMeta<'a>,
}

#[derive(Debug, serde::Serialize)]
struct SpacyMeta<'a> {
    article: String,
    paragraph: usize,
    language: crate::arabic::Language,
    #[serde(skip_serializing_if = "Option::is_none")]
    annotator: Option<&'a str>,
}

/// JSON Lines, one object per paragraph: `text`, `spans` (`start`, `end` in characters of
/// `text`, `label`), `relations` (`head` and `child` index `spans`: the relation's source
/// and target, `label`) and `meta` (article, paragraph index, language, annotator). A relation between
/// passages of different paragraphs cannot be written here and is left out.
pub fn to_spacy(items: &[ArticleAnnotations]) -> String {
    let mut out = String::new();
    for item in items {
        let article = super::article_name(item);
        let language = item.document.language();
        let len_chars = item.document.text.chars().count();
        let all = entities(&item.sidecar, len_chars);
        let index = crate::annotation::CharIndex::new(&item.document.text);
        for (idx, paragraph) in item.document.paragraphs.iter().enumerate() {
            let Some(text) = item.document.text.get(paragraph.byte_range.clone()) else {
                continue;
            };
            let start = index.char_of_byte(&item.document.text, paragraph.byte_range.start);
            let here: Vec<&Entity> = all.iter().filter(|e| e.paragraph == idx).collect();
            let spans: Vec<SpacySpan<'_>> = here
                .iter()
                .map(|e| SpacySpan {
                    start: e.chars.start.saturating_sub(start),
                    end: e.chars.end.saturating_sub(start),
                    label: &e.label,
                })
                .collect();
            let first_span = |id: Uuid| here.iter().position(|e| e.annotation == id);
            let relations = item
                .sidecar
                .relations
                .iter()
                .filter_map(|r| {
                    Some(SpacyRelation {
                        head: first_span(r.source)?,
                        child: first_span(r.target)?,
                        label: type_name(&r.relation_type),
                    })
                })
                .collect();
            let line = SpacyLine {
                text,
                spans,
                relations,
                meta: SpacyMeta {
                    article: article.clone(),
                    paragraph: idx,
                    language,
                    annotator: item.annotator.as_deref(),
                },
            };
            if let Ok(json) = serde_json::to_string(&line) {
                out.push_str(&json);
                out.push('\n');
            }
        }
    }
    out
}
