//! The entity part of the annotation panel: the passages (spans) that hold the selected
//! text, outer to inner, and the selected span's relations, with buttons to select, delete,
//! mark a relation's source and relate. It only reports what the user asked for.

use egui::Ui;
use uuid::Uuid;

use super::annotation_panel::{in_reading_order, isolate, label_names, strong_label};
use super::bidi_label::{bidi_button, bidi_label, parse_hex_color};
use super::tr::{self as t, tx};
use crate::annotation::{AnnotationStore, Availability};
use crate::document::Document;
use crate::text::TextEngine;
use crate::tr;

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
        || tr!("entity-deleted-passage"),
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
        strong_label(ui, engine, &tr!("entity-here"), None);
        for (depth, (id, _)) in holding.iter().enumerate() {
            crate::ui::tr::row(ui, |ui| {
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
                    // The marker points at the passage from the reading side.
                    let marker = if crate::i18n::is_rtl() {
                        "◂ "
                    } else {
                        "▸ "
                    };
                    text.insert_str(0, marker);
                }
                if bidi_button(ui, engine, &in_reading_order(text)).clicked() {
                    actions.push(EntityAction::Select(*id));
                }
                if editable
                    && t::hover(
                        ui.small_button(tx(tr!("entity-delete"))),
                        tr!("entity-delete-tip"),
                    )
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
    strong_label(ui, engine, &tr!("entity-relations"), None);
    let mut any = false;
    for relation in store.relations_of(selected) {
        any = true;
        let kind = store
            .scheme()
            .relation_type(&relation.relation_type)
            .map_or(relation.relation_type.as_str(), |k| k.name.as_str());
        let text = tr!(
            "entity-relation-row",
            source = describe(store, relation.source),
            kind = isolate(kind),
            target = describe(store, relation.target)
        );
        crate::ui::tr::row(ui, |ui| {
            bidi_label(ui, engine, &text, None);
            if editable
                && t::hover(
                    ui.small_button(tx(tr!("entity-delete"))),
                    tr!("entity-delete-relation-tip"),
                )
                .clicked()
            {
                actions.push(EntityAction::DeleteRelation(relation.id));
            }
        });
    }
    if !any {
        t::weak_label(ui, tr!("entity-none-yet"));
    }
    if !editable {
        return;
    }
    match source {
        Some(source) if source != selected => {
            bidi_label(
                ui,
                engine,
                &tr!("entity-relate-from", source = describe(store, source)),
                None,
            );
            crate::ui::tr::wrapped_row(ui, |ui| {
                for kind in &store.scheme().relation_types {
                    let caption = match kind.shortcut {
                        Some(key) => format!("{key}  {}", kind.name),
                        None => kind.name.clone(),
                    };
                    if bidi_button(ui, engine, &caption).clicked() {
                        actions.push(EntityAction::Relate(kind.id.clone()));
                    }
                }
                if ui.button(tx(tr!("entity-cancel"))).clicked() {
                    actions.push(EntityAction::MarkSource(None));
                }
            });
        }
        Some(_) => {
            t::label(ui, tr!("entity-source-marked"));
            if ui.button(tx(tr!("entity-unmark"))).clicked() {
                actions.push(EntityAction::MarkSource(None));
            }
        }
        None => {
            if !store.scheme().relation_types.is_empty()
                && t::hover(
                    ui.button(tx(tr!("entity-start-relation"))),
                    tr!("entity-start-relation-tip"),
                )
                .clicked()
            {
                actions.push(EntityAction::MarkSource(Some(selected)));
            }
        }
    }
}
