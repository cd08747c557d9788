//! The entity part of the annotation panel: the passages (spans) that hold the selected
//! text, outer to inner, and the selected span's relations, with buttons to select, delete,
//! mark a relation's source and relate. It only reports what the user asked for.

use egui::{RichText, Ui};
use uuid::Uuid;

use super::annotation_panel::{isolate, label_names};
use super::bidi_label::{bidi_button, bidi_label, parse_hex_color};
use crate::annotation::{AnnotationStore, Availability};
use crate::document::Document;
use crate::text::TextEngine;

/// What the user asked for in the entity part of the panel.
#[derive(Clone, Debug, PartialEq)]
pub enum EntityAction {
    /// Select this passage annotation.
    Select(Uuid),
    /// Delete this passage annotation (its relations go with it).
    Delete(Uuid),
    /// Mark this passage as a relation's source (`None`: clear the mark).
    MarkSource(Option<Uuid>),
    /// Relate the marked source to the selected passage with this relation type.
    Relate(String),
    /// Delete this relation.
    DeleteRelation(Uuid),
}

/// What the entity part shows.
#[derive(Clone, Debug)]
pub struct EntitySelection {
    /// The selected paragraph and the selected passage's bytes within it, if any.
    pub passage: Option<(usize, std::ops::Range<usize>)>,
    /// The selected passage annotation.
    pub selected: Option<Uuid>,
    /// The marked relation source.
    pub source: Option<Uuid>,
}

const QUOTE_CHARS: usize = 40;

fn short(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= QUOTE_CHARS {
        flat
    } else {
        flat.chars().take(QUOTE_CHARS).collect::<String>() + "…"
    }
}

/// «text» · label, for a passage annotation.
fn describe(store: &AnnotationStore, id: Uuid) -> String {
    store.annotation(id).map_or_else(
        || "(deleted passage)".to_owned(),
        |a| {
            format!(
                "«{}» · {}",
                isolate(&short(&a.target.quote.exact)),
                isolate(&label_names(store, a))
            )
        },
    )
}

/// Shows the passages holding the selection and the selected passage's relations.
pub fn entity_panel_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    document: &Document,
    store: &AnnotationStore,
    selection: &EntitySelection,
) -> Vec<EntityAction> {
    let mut actions = Vec::new();
    let editable = store.availability == Availability::Editable;
    let Some((paragraph, bytes)) = selection.passage.clone() else {
        return actions;
    };
    // Passages that hold the selected text, outer (longest) first.
    let mut holding: Vec<(Uuid, std::ops::Range<usize>)> = store
        .spans_of_paragraph(paragraph)
        .filter_map(|a| Some((a.id, store.span_bytes_in_paragraph(document, a)?)))
        .filter(|(_, r)| r.start <= bytes.start && bytes.end <= r.end)
        .collect();
    holding.sort_by_key(|(_, r)| (std::cmp::Reverse(r.len()), r.start));
    if !holding.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new("Entities here (outer to inner)").strong());
        for (depth, (id, _)) in holding.iter().enumerate() {
            ui.horizontal(|ui| {
                ui.add_space(depth as f32 * 10.0);
                if let Some(a) = store.annotation(*id) {
                    let color = a
                        .labels
                        .first()
                        .and_then(|l| store.scheme().label(l))
                        .map_or(ui.visuals().text_color(), |l| parse_hex_color(&l.color));
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(4.0, 16.0), egui::Sense::hover());
                    ui.painter().rect_filled(rect, 1.0, color);
                }
                let mut text = describe(store, *id);
                if selection.selected == Some(*id) {
                    text.insert_str(0, "▸ ");
                }
                if bidi_button(ui, engine, &text).clicked() {
                    actions.push(EntityAction::Select(*id));
                }
                if editable
                    && ui
                        .small_button("Delete")
                        .on_hover_text("Delete this entity and its relations (Del)")
                        .clicked()
                {
                    actions.push(EntityAction::Delete(*id));
                }
            });
        }
    }
    if let Some(selected) = selection.selected {
        relations_ui(ui, engine, store, selected, selection.source, &mut actions);
    }
    actions
}

/// The selected passage's relations, and the buttons to start or finish one.
fn relations_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    store: &AnnotationStore,
    selected: Uuid,
    source: Option<Uuid>,
    actions: &mut Vec<EntityAction>,
) {
    let editable = store.availability == Availability::Editable;
    ui.add_space(6.0);
    ui.label(RichText::new("Relations").strong());
    let mut any = false;
    for relation in store.relations_of(selected) {
        any = true;
        let kind = store
            .scheme()
            .relation_type(&relation.relation_type)
            .map_or(relation.relation_type.as_str(), |k| k.name.as_str());
        let text = format!(
            "{} → {} → {}",
            describe(store, relation.source),
            isolate(kind),
            describe(store, relation.target)
        );
        ui.horizontal(|ui| {
            bidi_label(ui, engine, &text, None);
            if editable
                && ui
                    .small_button("Delete")
                    .on_hover_text("Delete this relation")
                    .clicked()
            {
                actions.push(EntityAction::DeleteRelation(relation.id));
            }
        });
    }
    if !any {
        ui.weak("None yet");
    }
    if !editable {
        return;
    }
    match source {
        Some(source) if source != selected => {
            bidi_label(
                ui,
                engine,
                &format!("From {} to this passage as:", describe(store, source)),
                None,
            );
            ui.horizontal_wrapped(|ui| {
                for kind in &store.scheme().relation_types {
                    let caption = match kind.shortcut {
                        Some(key) => format!("{key}  {}", kind.name),
                        None => kind.name.clone(),
                    };
                    if bidi_button(ui, engine, &caption).clicked() {
                        actions.push(EntityAction::Relate(kind.id.clone()));
                    }
                }
                if ui.button("Cancel").clicked() {
                    actions.push(EntityAction::MarkSource(None));
                }
            });
        }
        Some(_) => {
            ui.label("Marked as a relation's source: select the target passage.");
            if ui.button("Unmark (Esc)").clicked() {
                actions.push(EntityAction::MarkSource(None));
            }
        }
        None => {
            if !store.scheme().relation_types.is_empty()
                && ui
                    .button("Start a Relation Here (m)")
                    .on_hover_text(
                        "Marks this passage as the source; then select the target and press \
                         the relation type's key",
                    )
                    .clicked()
            {
                actions.push(EntityAction::MarkSource(Some(selected)));
            }
        }
    }
}
