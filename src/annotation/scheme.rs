//! Label scheme files: a team's labels shared as `*.labels.json`, independent of any article.
//!
//! A scheme file holds `labels` (for paragraphs) and, optionally, `span_labels` (entity
//! types for passages), `relation_types` (links between two passages) and
//! `detach_proclitics`. Files without the optional keys (all files written before they
//! existed) read as before: passages then take the paragraph labels.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::model::{Label, LabelScheme};

/// The `format` marker of scheme files.
pub const SCHEME_FORMAT: &str = "hashiya-label-scheme";

/// What went wrong with a scheme file.
#[derive(Debug, thiserror::Error)]
pub enum SchemeError {
    #[error("{}", crate::tr!("error-scheme-invalid", reason = reason, path = path))]
    Invalid {
        reason: String,
        path: std::path::PathBuf,
    },
    #[error("{}", crate::tr!("error-scheme-read", reason = source.to_string(), path = path))]
    Read {
        source: std::io::Error,
        path: std::path::PathBuf,
    },
    #[error("{}", crate::tr!("error-scheme-write", reason = source.to_string(), path = path))]
    Write {
        source: std::io::Error,
        path: std::path::PathBuf,
    },
}

#[derive(Serialize, Deserialize)]
struct SchemeFile {
    format: String,
    version: u32,
    name: String,
    labels: Vec<Label>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    span_labels: Vec<Label>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    relation_types: Vec<Label>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    detach_proclitics: bool,
}

/// Checks a scheme: ids present and unique (paragraph and span labels share one set of ids,
/// relation types have their own), colours `#rrggbb`, shortcuts 1–9 and unique within each
/// kind (a span label may share its key with a paragraph label: the selection decides).
pub fn validate(scheme: &LabelScheme) -> Result<(), String> {
    let mut ids = std::collections::HashSet::new();
    validate_kind(&scheme.labels, &mut ids)?;
    validate_kind(&scheme.span_labels, &mut ids)?;
    validate_kind(
        &scheme.relation_types,
        &mut std::collections::HashSet::new(),
    )
}

fn validate_kind<'a>(
    labels: &'a [Label],
    ids: &mut std::collections::HashSet<&'a str>,
) -> Result<(), String> {
    let mut keys = std::collections::HashSet::new();
    for label in labels {
        if label.id.trim().is_empty() {
            return Err(crate::tr!(
                "error-scheme-label-no-id",
                label = format!("{:?}", label.name)
            ));
        }
        if !ids.insert(label.id.as_str()) {
            return Err(crate::tr!(
                "error-scheme-duplicate-id",
                id = format!("{:?}", label.id)
            ));
        }
        let hex_ok = label.color.len() == 7
            && label.color.starts_with('#')
            && label.color[1..].chars().all(|c| c.is_ascii_hexdigit());
        if !hex_ok {
            return Err(crate::tr!(
                "error-scheme-bad-colour",
                label = format!("{:?}", label.id),
                colour = format!("{:?}", label.color)
            ));
        }
        if let Some(key) = label.shortcut {
            if !('1'..='9').contains(&key) {
                return Err(crate::tr!(
                    "error-scheme-bad-shortcut",
                    label = format!("{:?}", label.id),
                    key = format!("{key:?}")
                ));
            }
            if !keys.insert(key) {
                return Err(crate::tr!(
                    "error-scheme-duplicate-shortcut",
                    key = key.to_string()
                ));
            }
        }
    }
    Ok(())
}

/// Writes `scheme` to `path` (pretty JSON).
pub fn save(scheme: &LabelScheme, path: &Path) -> Result<(), SchemeError> {
    let file = SchemeFile {
        format: SCHEME_FORMAT.to_owned(),
        version: 1,
        name: scheme.name.clone(),
        labels: scheme.labels.clone(),
        span_labels: scheme.span_labels.clone(),
        relation_types: scheme.relation_types.clone(),
        detach_proclitics: scheme.detach_proclitics,
    };
    let mut json = serde_json::to_string_pretty(&file).unwrap_or_default();
    json.push('\n');
    std::fs::write(path, json).map_err(|source| SchemeError::Write {
        source,
        path: path.to_owned(),
    })
}

/// Reads and checks a scheme file.
pub fn load(path: &Path) -> Result<LabelScheme, SchemeError> {
    let bytes = crate::files::read_regular(path).map_err(|source| SchemeError::Read {
        source,
        path: path.to_owned(),
    })?;
    let invalid = |reason: String| SchemeError::Invalid {
        reason,
        path: path.to_owned(),
    };
    let file: SchemeFile = serde_json::from_slice(&bytes).map_err(|e| invalid(e.to_string()))?;
    if file.format != SCHEME_FORMAT {
        return Err(invalid(crate::tr!(
            "error-scheme-bad-format",
            format = format!("{:?}", file.format),
            expected = format!("{SCHEME_FORMAT:?}")
        )));
    }
    let scheme = LabelScheme {
        name: file.name,
        labels: file.labels,
        span_labels: file.span_labels,
        relation_types: file.relation_types,
        detach_proclitics: file.detach_proclitics,
    };
    validate(&scheme).map_err(invalid)?;
    Ok(scheme)
}

/// An id for a new label named `name`: its Latin letters in lower case, or `label-N`,
/// unique in `scheme`.
pub fn new_label_id(scheme: &LabelScheme, name: &str) -> String {
    let latin: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ')
        .collect::<String>()
        .trim()
        .to_ascii_lowercase()
        .replace(' ', "-");
    let base = if latin.is_empty() {
        "label".to_owned()
    } else {
        latin
    };
    let mut id = base.clone();
    let mut n = 2;
    while scheme.label(&id).is_some() || (base == "label" && id == "label") {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_round_trip_and_bad_ones_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("team.labels.json");
        let scheme = LabelScheme::news_default();
        save(&scheme, &path).unwrap();
        assert_eq!(load(&path).unwrap(), scheme);
        let mut bad = scheme.clone();
        bad.labels[1].shortcut = Some('1');
        assert!(validate(&bad).unwrap_err().contains("share the shortcut"));
        let mut bad = scheme.clone();
        bad.labels[0].color = "red".to_owned();
        assert!(validate(&bad).is_err());
        std::fs::write(
            &path,
            b"{\"format\": \"other\", \"version\": 1, \"name\": \"x\", \"labels\": []}",
        )
        .unwrap();
        assert!(
            load(&path)
                .unwrap_err()
                .to_string()
                .contains("not a label scheme")
        );
    }

    #[test]
    fn span_labels_and_relation_types_round_trip_and_old_files_load() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ner.labels.json");
        let label = |id: &str, key: char| Label {
            id: id.to_owned(),
            name: id.to_uppercase(),
            color: "#112233".to_owned(),
            shortcut: Some(key),
            description: String::new(),
        };
        let mut scheme = LabelScheme::news_default();
        scheme.span_labels = vec![label("pers", '1'), label("org", '2')];
        scheme.relation_types = vec![label("speaker", '1')];
        scheme.detach_proclitics = true;
        // Key 1 is both a paragraph label's and a span label's: allowed.
        validate(&scheme).unwrap();
        save(&scheme, &path).unwrap();
        assert_eq!(load(&path).unwrap(), scheme);

        let mut clash = scheme.clone();
        clash.span_labels[1].shortcut = Some('1');
        assert!(validate(&clash).unwrap_err().contains("share the shortcut"));
        let mut clash = scheme.clone();
        clash.span_labels[0].id = "claim".to_owned();
        assert!(
            validate(&clash)
                .unwrap_err()
                .contains("two labels have the id")
        );

        // A file written before span labels existed loads with none.
        std::fs::write(
            &path,
            r##"{"format": "hashiya-label-scheme", "version": 1, "name": "old",
                "labels": [{"id": "claim", "name": "claim", "color": "#d1495b", "shortcut": "1"}]}"##,
        )
        .unwrap();
        let old = load(&path).unwrap();
        assert!(old.span_labels.is_empty() && old.relation_types.is_empty());
        assert!(!old.detach_proclitics);
        assert_eq!(old.passage_labels()[0].id, "claim");
    }

    #[test]
    fn new_ids_are_unique_and_readable() {
        let scheme = LabelScheme::news_default();
        assert_eq!(new_label_id(&scheme, "مصدر source"), "source");
        assert_eq!(new_label_id(&scheme, "ادعاء claim"), "claim-2");
        assert_eq!(new_label_id(&scheme, "مصدر"), "label-2");
    }
}
