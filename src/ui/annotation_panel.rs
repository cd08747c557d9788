//! The annotation panel: labels, note and colour of the selected paragraph, and the list of
//! every annotation in document order (orphans last). It only reports what the user asked
//! for; the app carries it out.

use std::fmt::Write as _;

use egui::{Color32, RichText, Ui};
use uuid::Uuid;

use super::bidi_label::{bidi_label, chip, parse_hex_color};
use super::note_editor::{NoteEditor, NoteEditorOutput};
use crate::annotation::conflict::{conflicts_of, field};
use crate::annotation::{
    Annotation, AnnotationStore, Availability, Conflict, TargetKey, TargetKind,
};
use crate::document::Document;
use crate::text::TextEngine;

/// Highlight colours offered for annotations.
pub const HIGHLIGHT_COLORS: [&str; 6] = [
    "#f2c14e", "#8ecae6", "#b5e48c", "#f4a6a6", "#cdb4db", "#ffd6a5",
];

/// What the user asked for in the panel.
#[derive(Clone, Debug, PartialEq)]
pub enum PanelAction {
    /// Toggle a label on the selected paragraph.
    ToggleLabel(String),
    /// Set or clear the highlight colour of the selected paragraph.
    SetColor(Option<String>),
    /// Delete an annotation.
    Delete(Uuid),
    /// Select an annotation's paragraph or passage (and scroll to it).
    SelectAnnotation(Uuid),
    /// Move a damaged sidecar aside and start with no annotations.
    StartAfresh,
    /// Take the other value of a kept merge conflict.
    TakeOtherValue(Conflict),
    /// Keep the current value and dismiss a kept merge conflict.
    DismissConflict(Conflict),
}

/// Wraps `text` in a first-strong isolate (FSI … PDI), so that it takes its own direction
/// without reordering the text around it.
pub fn isolate(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}

/// Characters of a note or quote shown in the list.
const EXCERPT_CHARS: usize = 80;

fn excerpt(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= EXCERPT_CHARS {
        flat
    } else {
        flat.chars().take(EXCERPT_CHARS).collect::<String>() + "…"
    }
}

/// Label names of an annotation, joined.
pub fn label_names(store: &AnnotationStore, annotation: &Annotation) -> String {
    annotation
        .labels
        .iter()
        .map(|id| {
            store
                .scheme()
                .label(id)
                .map_or(id.as_str(), |l| l.name.as_str())
        })
        .collect::<Vec<_>>()
        .join("، ")
}

/// Shows the panel. Returns the actions asked for and what happened in the note editor.
pub fn annotation_panel_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    document: &Document,
    store: &AnnotationStore,
    target: Option<&TargetKey>,
    note_editor: &mut NoteEditor,
) -> (Vec<PanelAction>, NoteEditorOutput) {
    let mut actions = Vec::new();
    let mut note_output = NoteEditorOutput::default();
    ui.heading("Annotations");
    match &store.availability {
        Availability::Editable => {}
        Availability::ReadOnly(reason) => {
            ui.colored_label(ui.visuals().warn_fg_color, "Read-only");
            bidi_label(ui, engine, reason, None);
        }
        Availability::Unavailable(reason) => {
            ui.colored_label(ui.visuals().error_fg_color, "Annotations unavailable");
            bidi_label(ui, engine, reason, None);
            if ui
                .button("Start Afresh")
                .on_hover_text(
                    "Moves the damaged file aside (it is kept) and starts with no annotations",
                )
                .clicked()
            {
                actions.push(PanelAction::StartAfresh);
            }
            return (actions, note_output);
        }
    }
    ui.separator();
    let editable = store.availability == Availability::Editable;
    match target {
        Some(key) => {
            let paragraph = key.paragraph();
            match key {
                TargetKey::Paragraph(_) => {
                    ui.label(RichText::new(format!("Paragraph {}", paragraph + 1)).strong());
                }
                TargetKey::Span { bytes, .. } => {
                    ui.label(
                        RichText::new(format!("Passage in paragraph {}", paragraph + 1)).strong(),
                    );
                    let passage = document.text.get(bytes.clone()).unwrap_or("");
                    bidi_label(
                        ui,
                        engine,
                        &format!("«{}»", isolate(&excerpt(passage))),
                        None,
                    );
                }
            }
            let annotation = store.annotation_for(document, key);
            // A passage shows the passage labels, on when a passage with exactly this text
            // has them (passages may nest: several can cover the same text).
            let (labels, on): (&[crate::annotation::Label], Vec<String>) = match key {
                TargetKey::Span { bytes, .. } => (
                    store.scheme().passage_labels(),
                    store
                        .spans_of_paragraph(paragraph)
                        .filter(|a| {
                            let start = document
                                .paragraphs
                                .get(paragraph)
                                .map_or(0, |p| p.byte_range.start);
                            store
                                .span_bytes_in_paragraph(document, a)
                                .map(|r| r.start + start..r.end + start)
                                .as_ref()
                                == Some(bytes)
                        })
                        .flat_map(|a| a.labels.iter().cloned())
                        .collect(),
                ),
                TargetKey::Paragraph(_) => (
                    &store.scheme().labels,
                    annotation.map(|a| a.labels.clone()).unwrap_or_default(),
                ),
            };
            ui.add_enabled_ui(editable, |ui| {
                selected_paragraph_ui(
                    ui,
                    engine,
                    store,
                    labels,
                    &on,
                    annotation,
                    note_editor,
                    &mut actions,
                    &mut note_output,
                );
            });
        }
        None => {
            ui.label("Select a paragraph (click, or j / k) to annotate it.");
        }
    }
    (actions, note_output)
}

/// The list of every annotation in document order (orphans last), below the selected
/// annotation's part of the panel; adds what the user asked for to `actions`.
pub fn annotation_list_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    document: &Document,
    store: &AnnotationStore,
    target: Option<&TargetKey>,
    actions: &mut Vec<PanelAction>,
) {
    if matches!(store.availability, Availability::Unavailable(_)) {
        return;
    }
    ui.separator();
    list_ui(
        ui,
        engine,
        document,
        store,
        target.map(TargetKey::paragraph),
        actions,
    );
}

#[allow(clippy::too_many_arguments)]
fn selected_paragraph_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    store: &AnnotationStore,
    labels: &[crate::annotation::Label],
    on_labels: &[String],
    annotation: Option<&Annotation>,
    note_editor: &mut NoteEditor,
    actions: &mut Vec<PanelAction>,
    note_output: &mut NoteEditorOutput,
) {
    if let Some(annotation) = annotation {
        conflicts_ui(ui, engine, store, annotation, actions);
    }
    ui.label("Labels (keys 1–9)");
    ui.horizontal_wrapped(|ui| {
        for label in labels {
            let on = on_labels.contains(&label.id);
            let caption = match label.shortcut {
                Some(key) => format!("{key}  {}", label.name),
                None => label.name.clone(),
            };
            let response = chip(
                ui,
                engine,
                &caption,
                parse_hex_color(&label.color),
                on,
                true,
            );
            let response = if label.description.is_empty() {
                response
            } else {
                response.on_hover_text(&label.description)
            };
            if response.clicked() {
                actions.push(PanelAction::ToggleLabel(label.id.clone()));
            }
        }
    });
    ui.add_space(6.0);
    ui.label("Note (n or Enter to write, Esc to leave)");
    let (_, output) = note_editor.ui(ui, engine, "Write a note…");
    *note_output = output;
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.label("Highlight");
        let current = annotation.and_then(|a| a.color.as_deref());
        if ui.selectable_label(current.is_none(), "none").clicked() && current.is_some() {
            actions.push(PanelAction::SetColor(None));
        }
        for color in HIGHLIGHT_COLORS {
            let fill = parse_hex_color(color);
            let selected = current == Some(color);
            let (rect, response) =
                ui.allocate_exact_size(egui::vec2(18.0, 18.0), egui::Sense::click());
            ui.painter().rect(
                rect,
                egui::CornerRadius::same(9),
                fill,
                egui::Stroke::new(if selected { 2.5 } else { 1.0 }, ui.visuals().text_color()),
                egui::StrokeKind::Inside,
            );
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::RadioButton,
                    true,
                    selected,
                    format!("Highlight {color}"),
                )
            });
            if response.clicked() {
                actions.push(PanelAction::SetColor(Some(color.to_owned())));
            }
        }
    });
    if let Some(annotation) = annotation {
        ui.add_space(6.0);
        if ui.button("Delete Annotation (Del)").clicked() {
            actions.push(PanelAction::Delete(annotation.id));
        }
    }
}

fn list_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    document: &Document,
    store: &AnnotationStore,
    selected: Option<usize>,
    actions: &mut Vec<PanelAction>,
) {
    let placed: Vec<&Annotation> = store
        .annotations()
        .iter()
        .filter(|a| !a.target.orphaned)
        .collect();
    let orphans: Vec<&Annotation> = store.orphans().collect();
    ui.label(RichText::new(format!("All annotations ({})", placed.len())).strong());
    // Every row is one line, so only the rows in view are laid out, however many there are.
    let row_height = super::bidi_label::row_height(ui, engine);
    egui::ScrollArea::vertical()
        .id_salt("annotation-list")
        .auto_shrink([false, true])
        .max_height(if orphans.is_empty() {
            f32::INFINITY
        } else {
            (ui.available_height() * 0.7).max(row_height * 3.0)
        })
        .show_rows(ui, row_height, placed.len(), |ui, rows| {
            for annotation in placed.get(rows).unwrap_or_default() {
                let paragraph = annotation.target.paragraph;
                // An LTR row of isolated pieces: each piece keeps its own direction.
                let mut text = format!("¶ {}", paragraph + 1);
                if annotation.target.kind == TargetKind::Span {
                    write!(
                        text,
                        " «{}»",
                        isolate(&excerpt(&annotation.target.quote.exact))
                    )
                    .ok();
                }
                let names = label_names(store, annotation);
                if !names.is_empty() {
                    write!(text, " · {}", isolate(&names)).ok();
                }
                if !annotation.note.is_empty() {
                    write!(text, " — {}", isolate(&excerpt(&annotation.note))).ok();
                } else if let Some(p) = document.paragraph_text(paragraph) {
                    write!(text, " — {}", isolate(&excerpt(p))).ok();
                }
                let response = super::bidi_label::bidi_row_button(ui, engine, &text);
                if selected == Some(paragraph) {
                    ui.painter().rect_stroke(
                        response.rect,
                        egui::CornerRadius::same(3),
                        egui::Stroke::new(1.0, ui.visuals().selection.stroke.color),
                        egui::StrokeKind::Inside,
                    );
                }
                if response.clicked() {
                    actions.push(PanelAction::SelectAnnotation(annotation.id));
                }
            }
        });
    if !orphans.is_empty() {
        egui::ScrollArea::vertical()
            .id_salt("orphan-list")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                ui.separator();
                ui.label(
                    RichText::new(format!("Orphaned ({})", orphans.len()))
                        .strong()
                        .color(Color32::from_rgb(0xc0, 0x60, 0x30)),
                )
                .on_hover_text(
                    "Their text is no longer in the article; they are kept with their last quote.",
                );
                for annotation in orphans {
                    let text = format!(
                        "{} — «{}»{}",
                        isolate(&label_names(store, annotation)),
                        isolate(&excerpt(&annotation.target.quote.exact)),
                        if annotation.note.is_empty() {
                            String::new()
                        } else {
                            format!(" — {}", isolate(&excerpt(&annotation.note)))
                        }
                    );
                    bidi_label(ui, engine, &text, None);
                    if ui.small_button("Delete orphan").clicked() {
                        actions.push(PanelAction::Delete(annotation.id));
                    }
                }
            });
    }
}

/// A label-id list as names.
fn label_list(store: &AnnotationStore, labels: &[String]) -> String {
    if labels.is_empty() {
        return "no labels".to_owned();
    }
    labels
        .iter()
        .map(|id| {
            store
                .scheme()
                .label(id)
                .map_or(id.as_str(), |l| l.name.as_str())
        })
        .collect::<Vec<_>>()
        .join("، ")
}

fn note_text(note: &str) -> String {
    if note.is_empty() {
        "no note".to_owned()
    } else {
        isolate(&excerpt(note))
    }
}

/// The kept (current) and the other value of `conflict`, as text.
pub fn conflict_values(
    store: &AnnotationStore,
    annotation: &Annotation,
    conflict: &Conflict,
) -> (String, String) {
    let other = &conflict.value;
    match conflict.field.as_str() {
        field::LABELS => {
            let ids: Vec<String> = other
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default();
            (
                label_list(store, &annotation.labels),
                label_list(store, &ids),
            )
        }
        field::NOTE => (
            note_text(&annotation.note),
            note_text(other.as_str().unwrap_or_default()),
        ),
        field::COLOR => (
            annotation
                .color
                .clone()
                .unwrap_or_else(|| "no colour".to_owned()),
            other
                .as_str()
                .map_or_else(|| "no colour".to_owned(), str::to_owned),
        ),
        field::TARGET => {
            let quote = other
                .get("quote")
                .and_then(|q| q.get("exact"))
                .and_then(|q| q.as_str())
                .unwrap_or_default();
            (
                format!("«{}»", isolate(&excerpt(&annotation.target.quote.exact))),
                format!("«{}»", isolate(&excerpt(quote))),
            )
        }
        field::DELETED => (
            "kept, as edited here".to_owned(),
            "deleted in the other copy".to_owned(),
        ),
        other_field => (
            format!("current {other_field}"),
            excerpt(&other.to_string()),
        ),
    }
}

/// What a conflict's field is called in the panel.
fn field_name(name: &str) -> &str {
    match name {
        field::LABELS => "labels",
        field::NOTE => "note",
        field::COLOR => "highlight colour",
        field::TARGET => "passage",
        field::DELETED => "deletion",
        other => other,
    }
}

/// The merge conflicts kept for `annotation`: for each, the field, the value kept, the other
/// value with who changed it and when, and buttons to take the other value or keep this one.
fn conflicts_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    store: &AnnotationStore,
    annotation: &Annotation,
    actions: &mut Vec<PanelAction>,
) {
    let conflicts: Vec<&Conflict> = conflicts_of(store.sidecar(), annotation.id)
        .map(|(_, c)| c)
        .collect();
    if conflicts.is_empty() {
        return;
    }
    let warn = ui.visuals().warn_fg_color;
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.0, warn))
        .show(ui, |ui| {
            ui.colored_label(
                warn,
                RichText::new(format!(
                    "Merge conflict{} (t takes the other value, Shift+T keeps this one)",
                    if conflicts.len() == 1 { "" } else { "s" }
                ))
                .strong(),
            )
            .on_hover_text(
                "Both copies changed this annotation; the later change was kept and the other is listed here.",
            );
            for (i, conflict) in conflicts.into_iter().enumerate() {
                if i > 0 {
                    ui.separator();
                }
                let (kept, other) = conflict_values(store, annotation, conflict);
                ui.label(RichText::new(format!("Conflict in {}", field_name(&conflict.field))).strong());
                bidi_label(ui, engine, &format!("Kept: {kept}"), None);
                bidi_label(ui, engine, &format!("Other: {other}"), None);
                let when = conflict.modified.strftime("%Y-%m-%d %H:%M UTC").to_string();
                let who = if conflict.author.is_empty() {
                    format!("Other copy changed {when}")
                } else {
                    format!("Other copy: {}, {when}", isolate(&conflict.author))
                };
                bidi_label(ui, engine, &who, Some(ui.visuals().weak_text_color()));
                ui.horizontal(|ui| {
                    let (take, keep) = if i == 0 {
                        ("Take Other Value (t)", "Keep Current Value (Shift+T)")
                    } else {
                        ("Take Other Value", "Keep Current Value")
                    };
                    if ui.button(take).clicked() {
                        actions.push(PanelAction::TakeOtherValue(conflict.clone()));
                    }
                    if ui.button(keep).clicked() {
                        actions.push(PanelAction::DismissConflict(conflict.clone()));
                    }
                });
            }
        });
    ui.add_space(6.0);
}
