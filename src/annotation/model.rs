//! The annotation data model as it is stored in sidecars.
//!
//! Field order here is the key order on disk, so a git diff of a sidecar shows only what
//! changed. Selectors follow the W3C Web Annotation model; positions count Unicode code
//! points over the article text (see [`crate::document`]), so `text[start..end] == exact`
//! in any language that indexes strings by code point.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The `format` marker every sidecar carries.
pub const FORMAT_MARKER: &str = "hashiya-annotations";
/// The newest sidecar format version this build reads. Version 2 added relations and the
/// scheme's span labels and relation types; a sidecar that uses none of them is still
/// written as version 1, so older builds keep reading it (see [`Sidecar::required_version`]).
pub const FORMAT_VERSION: u32 = 2;
/// Characters of context kept on each side of a quote.
pub const CONTEXT_CHARS: usize = 32;
/// Longest quote stored for a whole-paragraph annotation, in characters. A longer paragraph
/// is identified by its hash and position; its quote holds its first characters, so that a
/// sidecar never grows with the article.
pub const MAX_PARAGRAPH_QUOTE_CHARS: usize = 512;

/// A point in time, stored as RFC 3339 in UTC.
pub type Timestamp = jiff::Timestamp;

/// The current time, to the millisecond.
pub fn now() -> Timestamp {
    Timestamp::now()
        .round(jiff::Unit::Millisecond)
        .unwrap_or_else(|_| Timestamp::now())
}

/// Everything stored next to an article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sidecar {
    /// Always [`FORMAT_MARKER`].
    pub format: String,
    /// Format version; files newer than [`FORMAT_VERSION`] are not overwritten.
    pub version: u32,
    /// The article the annotations belong to, as it was when last saved.
    pub article: ArticleInfo,
    /// The labels in use.
    pub label_scheme: LabelScheme,
    /// Annotations in document order.
    pub annotations: Vec<Annotation>,
    /// Annotations deleted here, remembered so that merging with another copy of the file
    /// does not bring them back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<Deletion>,
    /// Typed, directed links between two passage annotations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<Relation>,
    /// Values that lost when two copies changed the same field of the same annotation
    /// (see [`crate::annotation::conflict`]); absent from files without any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
}

impl Sidecar {
    /// The lowest format version that can hold this sidecar: 2 when it has relations or its
    /// scheme has span labels, relation types or proclitic detaching, otherwise 1.
    pub fn required_version(&self) -> u32 {
        if self.relations.is_empty() && !self.label_scheme.has_entity_layers() {
            1
        } else {
            2
        }
    }

    /// The relations that start or end at annotation `id`.
    pub fn relations_of(&self, id: Uuid) -> impl Iterator<Item = &Relation> {
        self.relations
            .iter()
            .filter(move |r| r.source == id || r.target == id)
    }
}

/// A typed, directed link from one passage annotation to another (a quote to its speaker,
/// a claim to its source, an event to its place).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    /// Unique and stable across copies of the sidecar.
    pub id: Uuid,
    /// Relation type id (see [`LabelScheme::relation_types`]).
    #[serde(rename = "type")]
    pub relation_type: String,
    /// The annotation the relation starts from (brat's `Arg1`, spaCy's `head`).
    pub source: Uuid,
    /// The annotation it points to (brat's `Arg2`, spaCy's `child`).
    pub target: Uuid,
    /// When it was made.
    pub created: Timestamp,
    /// When it was last changed.
    pub modified: Timestamp,
    /// Who made it.
    pub author: String,
}

/// Identity of the annotated article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleInfo {
    /// The article's file name.
    pub file_name: String,
    /// SHA-256 of the article text (hex), to notice when the article changes.
    pub sha256: String,
    /// The encoding the article was decoded from.
    pub encoding: String,
    /// Number of paragraphs.
    pub paragraph_count: usize,
    /// Where the article came from, when it was imported from a news database's bundle
    /// (`hashiya import-bundle`): outlet, date, byline and the like.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ArticleMetadata>,
}

/// Bibliographic facts about an article, as a news database exported them. Every field is
/// optional; empty ones are left out of the file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMetadata {
    /// The headline.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The outlet (newspaper, agency, site).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Publication date, ISO 8601 (`2015-07-27`) when it could be read, else as exported.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// Author(s).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub byline: String,
    /// Section of the publication.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub section: String,
    /// Length as exported (`523 words`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub length: String,
    /// Language: an ISO 639-1 code when known (`ar`), else as exported.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub language: String,
    /// The database's document number (Factiva's `AN`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub accession: String,
    /// File name of the bundle the article was split from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub bundle: String,
    /// Position of the article in its bundle, from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
}

/// A set of labels a team annotates with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelScheme {
    /// Name of the scheme.
    pub name: String,
    /// The labels, in menu order: for whole paragraphs, and for passages too when the
    /// scheme has no [`Self::span_labels`].
    pub labels: Vec<Label>,
    /// Entity types for passages (spans), apart from the paragraph labels. Their keys
    /// (`1`–`9`) may repeat the paragraph labels' keys: which set a key applies is chosen by
    /// whether a passage is selected.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub span_labels: Vec<Label>,
    /// Types of relations between two passages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relation_types: Vec<Label>,
    /// Whether a passage selection starts after a proclitic (و ف ب ك ل, ال and their
    /// combinations) by default; see [`crate::arabic::tokens::detach_proclitic`].
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub detach_proclitics: bool,
}

/// One label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    /// Stable identifier stored in annotations.
    pub id: String,
    /// Name shown to annotators (Arabic or Latin).
    pub name: String,
    /// Colour as `#rrggbb`.
    pub color: String,
    /// Key that toggles the label (`1`–`9`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shortcut: Option<char>,
    /// What the label means, for annotators.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

impl LabelScheme {
    /// The built-in scheme for news analysis.
    pub fn news_default() -> Self {
        let label = |id: &str, name: &str, color: &str, key: char, description: &str| Label {
            id: id.to_owned(),
            name: name.to_owned(),
            color: color.to_owned(),
            shortcut: Some(key),
            description: description.to_owned(),
        };
        Self {
            name: "news-analysis".to_owned(),
            span_labels: Vec::new(),
            relation_types: Vec::new(),
            detach_proclitics: false,
            labels: vec![
                label(
                    "claim",
                    "ادعاء claim",
                    "#d1495b",
                    '1',
                    "An assertion presented as fact",
                ),
                label(
                    "quotation",
                    "اقتباس quotation",
                    "#2e86ab",
                    '2',
                    "Someone's words, quoted",
                ),
                label(
                    "event",
                    "حدث event",
                    "#edae49",
                    '3',
                    "Something that happened",
                ),
                label(
                    "actor",
                    "فاعل actor",
                    "#66a182",
                    '4',
                    "A person, group or state acting",
                ),
                label("place", "مكان place", "#8d6cab", '5', "A location"),
                label(
                    "opinion",
                    "رأي opinion",
                    "#e07a5f",
                    '6',
                    "A judgement or stance",
                ),
                label(
                    "statistic",
                    "رقم statistic",
                    "#3d5a80",
                    '7',
                    "A number or measurement",
                ),
            ],
        }
    }

    /// The label with `id`: a paragraph label, else a span label.
    pub fn label(&self, id: &str) -> Option<&Label> {
        self.labels
            .iter()
            .chain(&self.span_labels)
            .find(|l| l.id == id)
    }

    /// The paragraph label toggled by `key`.
    pub fn label_for_key(&self, key: char) -> Option<&Label> {
        self.labels.iter().find(|l| l.shortcut == Some(key))
    }

    /// The labels offered for passages: the span labels, or the paragraph labels when the
    /// scheme defines none.
    pub fn passage_labels(&self) -> &[Label] {
        if self.span_labels.is_empty() {
            &self.labels
        } else {
            &self.span_labels
        }
    }

    /// The label `key` applies to a selected passage (see [`Self::passage_labels`]).
    pub fn passage_label_for_key(&self, key: char) -> Option<&Label> {
        self.passage_labels()
            .iter()
            .find(|l| l.shortcut == Some(key))
    }

    /// The relation type with `id`.
    pub fn relation_type(&self, id: &str) -> Option<&Label> {
        self.relation_types.iter().find(|l| l.id == id)
    }

    /// The relation type `key` creates.
    pub fn relation_type_for_key(&self, key: char) -> Option<&Label> {
        self.relation_types.iter().find(|l| l.shortcut == Some(key))
    }

    /// True when the scheme uses anything a version-1 sidecar cannot hold.
    pub fn has_entity_layers(&self) -> bool {
        !self.span_labels.is_empty() || !self.relation_types.is_empty() || self.detach_proclitics
    }
}

/// One annotation: labels and a note on a paragraph or a passage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    /// Unique and stable across copies of the sidecar.
    pub id: Uuid,
    /// When it was made.
    pub created: Timestamp,
    /// When it was last changed (the newer copy wins when two are merged).
    pub modified: Timestamp,
    /// Who made it.
    pub author: String,
    /// Ids of the labels attached.
    pub labels: Vec<String>,
    /// Free-text note.
    #[serde(default)]
    pub note: String,
    /// Highlight colour as `#rrggbb`, if chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// What is annotated.
    pub target: Target,
}

impl Annotation {
    /// True when the annotation carries nothing: no label, note or colour.
    pub fn is_blank(&self) -> bool {
        self.labels.is_empty() && self.note.trim().is_empty() && self.color.is_none()
    }

    /// Whether it covers a whole paragraph (rather than a passage inside one).
    pub fn is_paragraph_level(&self) -> bool {
        self.target.kind == TargetKind::Paragraph
    }
}

/// Whether an annotation covers a paragraph or a passage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TargetKind {
    /// The whole paragraph.
    #[default]
    Paragraph,
    /// A passage within a paragraph.
    Span,
}

/// What an annotation points at, described several ways so it can be found again after the
/// article is edited.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    /// A whole paragraph or a passage.
    #[serde(default)]
    pub kind: TargetKind,
    /// Index of the paragraph (0-based).
    pub paragraph: usize,
    /// SHA-256 of the paragraph's text (hex).
    pub paragraph_sha256: String,
    /// The text with context.
    pub quote: TextQuoteSelector,
    /// Code-point offsets in the article text.
    pub position: TextPositionSelector,
    /// Set when the text could not be found in the current article; the annotation is kept
    /// with its last known quote and position.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub orphaned: bool,
}

/// The W3C selector type names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuoteSelectorType {
    /// `TextQuoteSelector`.
    #[default]
    TextQuoteSelector,
}

/// The W3C selector type names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PositionSelectorType {
    /// `TextPositionSelector`.
    #[default]
    TextPositionSelector,
}

/// W3C `TextQuoteSelector`: the exact text with context on each side. For a paragraph
/// longer than [`MAX_PARAGRAPH_QUOTE_CHARS`], `exact` is its first characters and `suffix`
/// the text after them (exports give the whole paragraph).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextQuoteSelector {
    /// Always `TextQuoteSelector`.
    #[serde(rename = "type", default)]
    pub selector_type: QuoteSelectorType,
    /// The annotated text.
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] characters before it.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters after it.
    pub suffix: String,
}

/// W3C `TextPositionSelector`: code-point offsets, end exclusive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextPositionSelector {
    /// Always `TextPositionSelector`.
    #[serde(rename = "type", default)]
    pub selector_type: PositionSelectorType,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// A remembered deletion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deletion {
    /// The deleted annotation.
    pub id: Uuid,
    /// When it was deleted.
    pub deleted: Timestamp,
}

/// A value that lost a merge: two copies changed the same field of one annotation, the later
/// `modified` won, and the other value is kept here so it can be taken instead.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// The annotation whose field was changed on both sides.
    pub annotation: Uuid,
    /// Which field: one of [`ConflictField`]'s names (`labels`, `note`, `color`, `target`),
    /// or `deleted` when the other copy deleted an annotation this one edited.
    pub field: String,
    /// The value that lost (labels as a list of ids, the note, the colour or `null`, the
    /// target); `null` for `deleted`.
    #[serde(default)]
    pub value: serde_json::Value,
    /// Who made the annotation in the copy whose value lost.
    #[serde(default)]
    pub author: String,
    /// When the copy whose value lost last changed the annotation (for `deleted`: when it
    /// was deleted).
    pub modified: Timestamp,
}
