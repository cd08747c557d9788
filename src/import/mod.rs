//! Entities and relations in from other tools: brat standoff (`.ann`) and CoNLL (IOB2, or
//! the Wojood nested form with one tag per level).
//!
//! Import is all-or-nothing: the whole file is read and checked against the article first,
//! and only then are the passages and relations added to the sidecar, written atomically.
//! Any problem is reported with the file and line, and no sidecar is changed.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use uuid::Uuid;

use crate::annotation::model::{Label, Relation, Sidecar, now};
use crate::annotation::sidecar::{self, SidecarError};
use crate::annotation::store::AnnotationStore;
use crate::annotation::target::{CharIndex, target_for};
use crate::annotation::{Annotation, Availability, LabelScheme, TargetKind};
use crate::arabic::tokens::is_separator_char;
use crate::document::{self, Document, DocumentError};
use crate::tr;

/// The formats that can be imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFormat {
    /// brat standoff: `T` (entity) and `R` (relation) lines, `#` annotator notes.
    Brat,
    /// CoNLL: `token TAG` (IOB2) or `token TAG TAG …` (Wojood, one tag per level).
    Conll,
}

/// What went wrong with an import. Nothing was written when one is returned.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}", crate::tr!("error-import-line", reason = reason, line = *line, path = path))]
    Line {
        reason: String,
        line: usize,
        path: PathBuf,
    },
    #[error("{}", crate::tr!("error-import-file", reason = reason, path = path))]
    File { reason: String, path: PathBuf },
    #[error("{}", crate::tr!("error-import-read", reason = source.to_string(), path = path))]
    Read {
        source: std::io::Error,
        path: PathBuf,
    },
    #[error(transparent)]
    Document(#[from] DocumentError),
    #[error(transparent)]
    Sidecar(#[from] SidecarError),
}

/// One entity read from a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedSpan {
    /// Code points in the article text.
    pub chars: Range<usize>,
    /// Its type.
    pub label: String,
    /// A note for it (brat `AnnotatorNotes`).
    pub note: String,
    /// The line it was read from.
    pub line: usize,
}

/// One relation read from a file: indices into the spans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedRelation {
    /// Its type.
    pub relation_type: String,
    /// The source span (index).
    pub source: usize,
    /// The target span (index).
    pub target: usize,
}

/// Everything read from a file, checked against the article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// The entities.
    pub spans: Vec<ImportedSpan>,
    /// The relations.
    pub relations: Vec<ImportedRelation>,
}

/// What an import added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// The sidecar written.
    pub sidecar: PathBuf,
    /// Passages added (those already there with the same type are not added again).
    pub spans_added: usize,
    /// Relations added.
    pub relations_added: usize,
    /// Types added to the scheme as span labels or relation types.
    pub types_added: Vec<String>,
}

/// The article's text as a character array, with each paragraph's code-point range.
struct ArticleChars {
    chars: Vec<char>,
    paragraphs: Vec<Range<usize>>,
}

impl ArticleChars {
    fn new(document: &Document) -> Self {
        let index = CharIndex::new(&document.text);
        Self {
            chars: document.text.chars().collect(),
            paragraphs: document
                .paragraphs
                .iter()
                .map(|p| index.char_range(&document.text, p.byte_range.clone()))
                .collect(),
        }
    }

    fn text(&self, range: Range<usize>) -> String {
        self.chars.get(range).unwrap_or(&[]).iter().collect()
    }

    /// The paragraph holding all of `chars`.
    fn paragraph_of(&self, chars: &Range<usize>) -> Option<usize> {
        let idx = self.paragraphs.partition_point(|p| p.end <= chars.start);
        self.paragraphs
            .get(idx)
            .filter(|p| p.start <= chars.start && chars.end <= p.end)
            .map(|_| idx)
    }
}

fn line_error(path: &Path, line: usize, reason: impl Into<String>) -> ImportError {
    ImportError::Line {
        reason: reason.into(),
        line,
        path: path.to_owned(),
    }
}

/// Parses a brat `.ann` file against the article: `T` lines (offsets in code points of the
/// article text, fragments `a b;c d` of one paragraph with only whitespace between them; the
/// text after the second tab must equal the text at the offsets, fragments joined by a
/// space), `R` lines with `Arg1:`/`Arg2:` naming `T` ids (in any order in the file), and
/// `#` `AnnotatorNotes` on a `T` (becoming its note). Events, attributes, normalizations and
/// equivalences are refused by line, as Hashiya has nothing to keep them in.
pub fn parse_brat(text: &str, document: &Document, path: &Path) -> Result<Imported, ImportError> {
    let article = ArticleChars::new(document);
    let mut imported = Imported::default();
    let mut span_of_id: HashMap<String, usize> = HashMap::new();
    let mut relations: Vec<(usize, String, String, String)> = Vec::new();
    let mut notes: Vec<(usize, String, String)> = Vec::new();
    let mut seen_ids: std::collections::HashSet<String> = std::collections::HashSet::new();
    for (idx, raw) in text.lines().enumerate() {
        let line = idx.saturating_add(1);
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if raw.trim().is_empty() {
            continue;
        }
        let mut fields = raw.splitn(3, '\t');
        let id = fields.next().unwrap_or("");
        let Some(middle) = fields.next() else {
            return Err(line_error(path, line, tr!("error-import-not-brat-line")));
        };
        let rest = fields.next();
        if !id.starts_with('#') && !seen_ids.insert(id.to_owned()) {
            return Err(line_error(
                path,
                line,
                tr!("error-import-id-twice", id = id),
            ));
        }
        match id.chars().next() {
            Some('T') => {
                let Some(quoted) = rest else {
                    return Err(line_error(
                        path,
                        line,
                        tr!("error-import-t-line-needs-text"),
                    ));
                };
                let span = parse_t_line(middle, quoted, &article)
                    .map_err(|reason| line_error(path, line, reason))?;
                span_of_id.insert(id.to_owned(), imported.spans.len());
                imported.spans.push(ImportedSpan { line, ..span });
            }
            Some('R') => {
                let (kind, source, target) =
                    parse_r_line(middle).map_err(|reason| line_error(path, line, reason))?;
                relations.push((line, kind, source, target));
            }
            Some('#') => {
                let mut parts = middle.split_whitespace();
                let (Some("AnnotatorNotes"), Some(on), None) =
                    (parts.next(), parts.next(), parts.next())
                else {
                    return Err(line_error(
                        path,
                        line,
                        tr!("error-import-only-annotator-notes"),
                    ));
                };
                notes.push((line, on.to_owned(), rest.unwrap_or("").to_owned()));
            }
            Some(kind @ ('E' | 'A' | 'M' | 'N' | '*')) => {
                return Err(line_error(path, line, unsupported(kind)));
            }
            _ => {
                return Err(line_error(
                    path,
                    line,
                    tr!("error-import-unknown-id", id = format!("{id:?}")),
                ));
            }
        }
    }
    for (line, kind, source, target) in relations {
        let find = |id: &str| {
            span_of_id
                .get(id)
                .copied()
                .ok_or_else(|| line_error(path, line, tr!("error-import-no-entity", id = id)))
        };
        imported.relations.push(ImportedRelation {
            relation_type: kind,
            source: find(&source)?,
            target: find(&target)?,
        });
    }
    for (line, on, note) in notes {
        if let Some(&span) = span_of_id.get(&on) {
            if let Some(span) = imported.spans.get_mut(span) {
                span.note = note;
            }
        } else if !seen_ids.contains(&on) {
            return Err(line_error(
                path,
                line,
                tr!("error-import-no-annotation", id = on),
            ));
        }
    }
    Ok(imported)
}

/// Why a brat line of kind `kind` (events, attributes …) cannot be imported.
fn unsupported(kind: char) -> String {
    match kind {
        'E' => tr!("error-import-events"),
        'A' | 'M' => tr!("error-import-attributes"),
        'N' => tr!("error-import-normalizations"),
        _ => tr!("error-import-equivalences"),
    }
}

/// An `R` line's type and `T` ids after the id: `TYPE Arg1:T1 Arg2:T2`.
fn parse_r_line(middle: &str) -> Result<(String, String, String), String> {
    let parts: Vec<&str> = middle.split_whitespace().collect();
    let [kind, arg1, arg2] = parts.as_slice() else {
        return Err(tr!("error-import-r-line-form"));
    };
    let (Some(source), Some(target)) = (arg_of(arg1, "Arg1"), arg_of(arg2, "Arg2")) else {
        return Err(tr!("error-import-r-line-ends"));
    };
    Ok(((*kind).to_owned(), source, target))
}

fn arg_of(field: &str, role: &str) -> Option<String> {
    let (name, id) = field.split_once(':')?;
    (name == role && id.starts_with('T')).then(|| id.to_owned())
}

/// One `T` line's type and offsets (`middle`) and text (`quoted`), checked against the
/// article.
fn parse_t_line(
    middle: &str,
    quoted: &str,
    article: &ArticleChars,
) -> Result<ImportedSpan, String> {
    let Some((label, offsets)) = middle.split_once(' ') else {
        return Err(tr!("error-import-t-line-form"));
    };
    let mut fragments: Vec<Range<usize>> = Vec::new();
    for fragment in offsets.split(';') {
        let numbers: Vec<&str> = fragment.split_whitespace().collect();
        let [start, end] = numbers.as_slice() else {
            return Err(tr!(
                "error-import-offsets-form",
                offsets = format!("{fragment:?}")
            ));
        };
        let (Ok(start), Ok(end)) = (start.parse::<usize>(), end.parse::<usize>()) else {
            return Err(tr!(
                "error-import-offsets-not-numbers",
                offsets = format!("{fragment:?}")
            ));
        };
        if start > end || end > article.chars.len() {
            return Err(tr!(
                "error-import-offsets-outside",
                start = start,
                end = end,
                count = article.chars.len()
            ));
        }
        if fragments.last().is_some_and(|last| last.end > start) {
            return Err(tr!("error-import-fragments-order"));
        }
        fragments.push(start..end);
    }
    let (Some(first), Some(last)) = (fragments.first(), fragments.last()) else {
        return Err(tr!("error-import-t-line-needs-offsets"));
    };
    let expected: Vec<String> = fragments.iter().map(|r| article.text(r.clone())).collect();
    let expected = expected.join(" ");
    if expected != quoted {
        return Err(tr!(
            "error-import-text-mismatch",
            text = format!("{quoted:?}"),
            expected = format!("{expected:?}")
        ));
    }
    let chars = first.start..last.end;
    for pair in fragments.windows(2) {
        if let [a, b] = pair {
            let gap = article.chars.get(a.end..b.start).unwrap_or(&[]);
            if !gap.iter().all(|c| c.is_whitespace()) {
                return Err(tr!("error-import-discontinuous"));
            }
        }
    }
    if chars.start == chars.end {
        return Err(tr!("error-import-empty-entity"));
    }
    if article.paragraph_of(&chars).is_none() {
        return Err(tr!("error-import-outside-paragraph"));
    }
    Ok(ImportedSpan {
        chars,
        label: label.to_owned(),
        note: String::new(),
        line: 0,
    })
}

/// Entities of one tag sequence, as seqeval's `get_entities` finds them (IOB2, and IOBES):
/// `(type, first token, last token)`.
pub fn get_entities(tags: &[&str]) -> Vec<(String, usize, usize)> {
    let split = |chunk: &str| -> (char, String) {
        let tag = chunk.chars().next().unwrap_or('O');
        let rest = chunk.get(tag.len_utf8()..).unwrap_or("");
        let kind = rest.split_once('-').map_or(rest, |(_, after)| after);
        (tag, if kind.is_empty() { "_" } else { kind }.to_owned())
    };
    let end_of_chunk = |prev_tag: char, tag: char, prev_type: &str, kind: &str| {
        matches!(prev_tag, 'E' | 'S')
            || (matches!(prev_tag, 'B' | 'I') && matches!(tag, 'B' | 'S' | 'O'))
            || (prev_tag != 'O' && prev_tag != '.' && prev_type != kind)
    };
    let start_of_chunk = |prev_tag: char, tag: char, prev_type: &str, kind: &str| {
        matches!(tag, 'B' | 'S')
            || (matches!(prev_tag, 'E' | 'S' | 'O') && matches!(tag, 'E' | 'I'))
            || (tag != 'O' && tag != '.' && prev_type != kind)
    };
    let mut prev_tag = 'O';
    let mut prev_type = String::new();
    let mut begin = 0;
    let mut chunks = Vec::new();
    for (i, chunk) in tags.iter().copied().chain(std::iter::once("O")).enumerate() {
        let (tag, kind) = split(chunk);
        if end_of_chunk(prev_tag, tag, &prev_type, &kind) {
            chunks.push((prev_type.clone(), begin, i.saturating_sub(1)));
        }
        if start_of_chunk(prev_tag, tag, &prev_type, &kind) {
            begin = i;
        }
        prev_tag = tag;
        prev_type = kind;
    }
    chunks
}

/// Entities of a token sequence where each token has any number of tags, outer to inner
/// (Wojood): the k-th tag of a type on a token belongs to that type's k-th level, and each
/// level is read as IOB2 with [`get_entities`]. With one tag per token this is plain IOB2.
pub fn nested_entities(tags: &[Vec<&str>]) -> Vec<(String, usize, usize)> {
    let mut channels: Vec<((String, usize), Vec<&str>)> = Vec::new();
    for (token, token_tags) in tags.iter().enumerate() {
        let mut count: HashMap<&str, usize> = HashMap::new();
        for tag in token_tags {
            if *tag == "O" {
                continue;
            }
            let kind = tag.split_once('-').map_or("", |(_, k)| k);
            let level = count.entry(kind).or_insert(0);
            let key = (kind.to_owned(), *level);
            *level += 1;
            let channel = match channels.iter().position(|(k, _)| *k == key) {
                Some(idx) => idx,
                None => {
                    channels.push((key, vec!["O"; tags.len()]));
                    channels.len() - 1
                }
            };
            if let Some(slot) = channels
                .get_mut(channel)
                .and_then(|(_, seq)| seq.get_mut(token))
            {
                *slot = tag;
            }
        }
    }
    let mut out: Vec<(String, usize, usize)> = channels
        .iter()
        .flat_map(|(_, seq)| get_entities(seq))
        .collect();
    out.sort_by_key(|(_, start, end)| (*start, std::cmp::Reverse(*end)));
    out
}

fn valid_tag(tag: &str) -> bool {
    tag == "O"
        || tag.split_once('-').is_some_and(|(prefix, kind)| {
            matches!(prefix, "B" | "I" | "E" | "S") && !kind.is_empty()
        })
}

/// Parses a CoNLL file against the article: each line `token TAG [TAG …]` (whitespace
/// separated; `-DOCSTART-` lines and blank lines separate sentences). The tokens must follow
/// the article's text in order, whitespace and invisible characters between them skipped, so
/// a file cut with another tokenizer still lines up as long as it holds the same text.
/// Entities are decoded per sentence with [`nested_entities`] and must lie in one paragraph.
pub fn parse_conll(text: &str, document: &Document, path: &Path) -> Result<Imported, ImportError> {
    let article = ArticleChars::new(document);
    let mut imported = Imported::default();
    let mut at = 0_usize;
    // Current sentence: each token's code points, line and tags.
    let mut sentence: Vec<(Range<usize>, usize, Vec<&str>)> = Vec::new();
    let flush = |sentence: &mut Vec<(Range<usize>, usize, Vec<&str>)>,
                 imported: &mut Imported|
     -> Result<(), ImportError> {
        let tags: Vec<Vec<&str>> = sentence.iter().map(|(_, _, t)| t.clone()).collect();
        for (label, first, last) in nested_entities(&tags) {
            let (Some((start, line, _)), Some((end, _, _))) =
                (sentence.get(first), sentence.get(last))
            else {
                continue;
            };
            let chars = start.start..end.end;
            if article.paragraph_of(&chars).is_none() {
                return Err(line_error(
                    path,
                    *line,
                    tr!("error-import-crosses-paragraph", label = &label),
                ));
            }
            imported.spans.push(ImportedSpan {
                chars,
                label,
                note: String::new(),
                line: *line,
            });
        }
        sentence.clear();
        Ok(())
    };
    for (idx, raw) in text.lines().enumerate() {
        let line = idx.saturating_add(1);
        let fields: Vec<&str> = raw.split_whitespace().collect();
        let Some((token, tags)) = fields.split_first() else {
            flush(&mut sentence, &mut imported)?;
            continue;
        };
        if *token == "-DOCSTART-" {
            flush(&mut sentence, &mut imported)?;
            continue;
        }
        if tags.is_empty() {
            return Err(line_error(path, line, tr!("error-import-no-tag")));
        }
        if let Some(bad) = tags.iter().find(|t| !valid_tag(t)) {
            return Err(line_error(
                path,
                line,
                tr!("error-import-bad-tag", tag = format!("{bad:?}")),
            ));
        }
        while article.chars.get(at).is_some_and(|&c| is_separator_char(c)) {
            at += 1;
        }
        let token_chars: Vec<char> = token.chars().collect();
        let end = at.saturating_add(token_chars.len());
        if article.chars.get(at..end) != Some(token_chars.as_slice()) {
            let found: String = article.chars.iter().skip(at).take(20).collect();
            return Err(line_error(
                path,
                line,
                tr!(
                    "error-import-token-mismatch",
                    token = format!("{token:?}"),
                    found = format!("{found:?}")
                ),
            ));
        }
        sentence.push((at..end, line, tags.to_vec()));
        at = end;
    }
    flush(&mut sentence, &mut imported)?;
    Ok(imported)
}

/// Colours given to types an import adds to the scheme.
const PALETTE: [&str; 8] = [
    "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666",
];

fn new_type(id: &str, n: usize) -> Label {
    Label {
        id: id.to_owned(),
        name: id.to_owned(),
        color: PALETTE[n % PALETTE.len()].to_owned(),
        shortcut: None,
        description: String::new(),
    }
}

/// Adds `imported` to `sidecar` (whose annotations are placed in `document`): a passage
/// annotation per entity (one already there with the same range and type is used instead),
/// and the relations between them. Types the scheme lacks become span labels or relation
/// types. Returns what was added (the `sidecar` field left empty).
pub fn apply(
    sidecar: &mut Sidecar,
    document: &Document,
    imported: &Imported,
    author: &str,
) -> ImportSummary {
    let index = CharIndex::new(&document.text);
    let article = ArticleChars::new(document);
    let mut summary = ImportSummary::default();
    add_types(&mut sidecar.label_scheme, imported, &mut summary);
    let mut ids: Vec<Uuid> = Vec::with_capacity(imported.spans.len());
    // Each passage already there stands for one entity of the file (a file may repeat an
    // entity: both are kept).
    let mut matched: std::collections::HashSet<Uuid> = std::collections::HashSet::new();
    let existing_count = sidecar.annotations.len();
    for span in &imported.spans {
        let existing = sidecar.annotations[..existing_count].iter().find(|a| {
            a.target.kind == TargetKind::Span
                && !a.target.orphaned
                && a.target.position.start == span.chars.start
                && a.target.position.end == span.chars.end
                && a.labels.contains(&span.label)
                && !matched.contains(&a.id)
        });
        if let Some(existing) = existing {
            matched.insert(existing.id);
            ids.push(existing.id);
            continue;
        }
        let target = article.paragraph_of(&span.chars).and_then(|paragraph| {
            let start = index.byte_of_char(&document.text, span.chars.start)?;
            let end = index.byte_of_char(&document.text, span.chars.end)?;
            target_for(document, &index, paragraph, start..end, TargetKind::Span)
        });
        let Some(target) = target else {
            // Checked when parsing; an entity that cannot be placed is not invented.
            ids.push(Uuid::nil());
            continue;
        };
        let time = now();
        let annotation = Annotation {
            id: Uuid::new_v4(),
            created: time,
            modified: time,
            author: author.to_owned(),
            labels: vec![span.label.clone()],
            note: span.note.clone(),
            color: None,
            target,
        };
        ids.push(annotation.id);
        sidecar.annotations.push(annotation);
        summary.spans_added += 1;
    }
    let existing_relations = sidecar.relations.len();
    let mut matched_relations: std::collections::HashSet<Uuid> = std::collections::HashSet::new();
    for relation in &imported.relations {
        let (Some(&source), Some(&target)) = (ids.get(relation.source), ids.get(relation.target))
        else {
            continue;
        };
        if source.is_nil() || target.is_nil() {
            continue;
        }
        // A relation already there between the same passages (or passages with the same
        // range and labels: a file's repeated entities) stands for this one.
        let key = |id: Uuid| {
            sidecar.annotations.iter().find(|a| a.id == id).map(|a| {
                (
                    a.target.position.start,
                    a.target.position.end,
                    a.labels.clone(),
                )
            })
        };
        let (source_key, target_key) = (key(source), key(target));
        let existing = sidecar.relations[..existing_relations].iter().find(|r| {
            r.relation_type == relation.relation_type
                && !matched_relations.contains(&r.id)
                && key(r.source) == source_key
                && key(r.target) == target_key
        });
        if let Some(existing) = existing {
            matched_relations.insert(existing.id);
            continue;
        }
        let time = now();
        sidecar.relations.push(Relation {
            id: Uuid::new_v4(),
            relation_type: relation.relation_type.clone(),
            source,
            target,
            created: time,
            modified: time,
            author: author.to_owned(),
        });
        summary.relations_added += 1;
    }
    crate::annotation::sort_annotations(&mut sidecar.annotations);
    summary
}

fn add_types(scheme: &mut LabelScheme, imported: &Imported, summary: &mut ImportSummary) {
    for span in &imported.spans {
        if scheme.label(&span.label).is_none() {
            let n = scheme.span_labels.len();
            let mut label = new_type(&span.label, n);
            label.shortcut = free_key(&scheme.span_labels);
            scheme.span_labels.push(label);
            summary.types_added.push(span.label.clone());
        }
    }
    for relation in &imported.relations {
        if scheme.relation_type(&relation.relation_type).is_none() {
            let n = scheme.relation_types.len();
            let mut kind = new_type(&relation.relation_type, n);
            kind.shortcut = free_key(&scheme.relation_types);
            scheme.relation_types.push(kind);
            summary.types_added.push(relation.relation_type.clone());
        }
    }
}

/// The first of the keys 1–9 none of `labels` has, for a type an import adds.
fn free_key(labels: &[Label]) -> Option<char> {
    ('1'..='9').find(|k| !labels.iter().any(|l| l.shortcut == Some(*k)))
}

/// Imports `file` (in `format`) into the sidecar of `article`, or into `annotator`'s Team
/// Mode sidecar when given; new annotations carry `author`. Reads and checks everything
/// first; the sidecar is written (atomically, the previous version kept as `.bak`) only when
/// all of it is sound.
pub fn import_file(
    article: &Path,
    file: &Path,
    format: ImportFormat,
    annotator: Option<&str>,
    author: &str,
) -> Result<ImportSummary, ImportError> {
    let document = document::load(article)?;
    let bytes = crate::files::read_regular(file).map_err(|source| ImportError::Read {
        source,
        path: file.to_owned(),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| ImportError::File {
        reason: tr!(
            "error-import-not-utf8",
            offset = e.utf8_error().valid_up_to()
        ),
        path: file.to_owned(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let imported = match format {
        ImportFormat::Brat => parse_brat(text, &document, file)?,
        ImportFormat::Conll => parse_conll(text, &document, file)?,
    };
    let sidecar_path = match annotator {
        Some(name) => sidecar::annotator_sidecar_path(article, name),
        None => sidecar::sidecar_path(article),
    };
    let mut sidecar = match sidecar::read(&sidecar_path)? {
        Some((existing, _)) => {
            // Placed in the article as it is now, as the window would.
            let (store, _) =
                AnnotationStore::from_sidecar(existing, &document, author, Availability::Editable);
            store.sidecar().clone()
        }
        None => AnnotationStore::new(&document, LabelScheme::news_default(), author)
            .sidecar()
            .clone(),
    };
    let mut summary = apply(&mut sidecar, &document, &imported, author);
    sidecar::write_atomic(&sidecar_path, sidecar::to_json(&sidecar).as_bytes())?;
    summary.sidecar = sidecar_path;
    Ok(summary)
}
