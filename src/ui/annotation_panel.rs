//! The annotation panel: labels, note and colour of the selected paragraph, and the list of
//! every annotation in document order (orphans last). It only reports what the user asked
//! for; the app carries it out.

use std::fmt::Write as _;

use egui::{Color32, Response, RichText, Role, Sense, Ui, WidgetInfo};
use uuid::Uuid;

use super::bidi_label::{bidi_label, chip, parse_hex_color, ui_style};
use super::note_editor::{NoteEditor, NoteEditorOutput};
use super::tr::{self as t, tx};
use crate::annotation::conflict::{conflicts_of, field};
use crate::annotation::{
    Annotation, AnnotationStore, Availability, Conflict, TargetKey, TargetKind,
};
use crate::document::Document;
use crate::text::{Fit, ReadingFace, TextEngine};
use crate::tr;

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

/// `text` starting in the interface's reading direction: a line made of isolated pieces and
/// punctuation has no direction of its own, so in a right-to-left interface it is given a
/// right-to-left mark (U+200F) to start from the right.
pub fn in_reading_order(text: String) -> String {
    if crate::i18n::is_rtl() {
        format!("\u{200F}{text}")
    } else {
        text
    }
}

/// `text` without the invisible direction marks and isolates, as assistive technology
/// reads it.
fn spoken(text: &str) -> String {
    text.chars()
        .filter(|&c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

/// A line of strong text in `color` (the theme's strong text colour when `None`): egui's
/// own text when it has no right-to-left letters, else laid out in bold by `engine`.
pub fn strong_label(
    ui: &mut Ui,
    engine: &mut TextEngine,
    text: &str,
    color: Option<Color32>,
) -> Response {
    if !t::needs_bidi(text) {
        let mut rich = RichText::new(text).strong();
        if let Some(color) = color {
            rich = rich.color(color);
        }
        return ui.label(rich);
    }
    let style = ui_style(ReadingFace::default(), true);
    let fit = Fit::Wrap(ui.available_width().max(40.0));
    let metrics = engine.measure_label(text, &style, fit);
    let (rect, response) = ui.allocate_exact_size(metrics.size, Sense::hover());
    if ui.is_rect_visible(rect) {
        let color = color.unwrap_or_else(|| ui.visuals().strong_text_color());
        engine.paint_label(ui.painter(), text, &style, fit, rect.min, color);
    }
    response.widget_info(|| WidgetInfo::labeled(Role::Label, true, spoken(text)));
    response
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
    t::heading(ui, tr!("panel-heading"));
    match &store.availability {
        Availability::Editable => {}
        Availability::ReadOnly(reason) => {
            let warn = ui.visuals().warn_fg_color;
            t::colored_label(ui, tr!("panel-read-only"), Some(warn));
            bidi_label(ui, engine, reason, None);
        }
        Availability::Unavailable(reason) => {
            let error = ui.visuals().error_fg_color;
            t::colored_label(ui, tr!("panel-unavailable"), Some(error));
            bidi_label(ui, engine, reason, None);
            let button = ui.button(tx(tr!("panel-start-afresh")));
            if t::hover(button, tr!("panel-start-afresh-tip")).clicked() {
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
                    let text = tr!("panel-paragraph", number = paragraph + 1);
                    strong_label(ui, engine, &text, None);
                }
                TargetKey::Span { bytes, .. } => {
                    let text = tr!("panel-passage-in-paragraph", number = paragraph + 1);
                    strong_label(ui, engine, &text, None);
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
            t::label(ui, tr!("panel-select-paragraph"));
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
    t::label(ui, tr!("panel-labels"));
    crate::ui::tr::wrapped_row(ui, |ui| {
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
                t::hover(response, &label.description)
            };
            if response.clicked() {
                actions.push(PanelAction::ToggleLabel(label.id.clone()));
            }
        }
    });
    ui.add_space(6.0);
    t::label(ui, tr!("panel-note"));
    let (_, output) = note_editor.ui(ui, engine, &tr!("panel-note-placeholder"));
    *note_output = output;
    ui.add_space(6.0);
    crate::ui::tr::row(ui, |ui| {
        t::label(ui, tr!("panel-highlight"));
        let current = annotation.and_then(|a| a.color.as_deref());
        let none = ui.selectable_label(current.is_none(), tx(tr!("panel-highlight-none")));
        if none.clicked() && current.is_some() {
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
                WidgetInfo::selected(
                    Role::RadioButton,
                    true,
                    selected,
                    spoken(&tr!("panel-highlight-color", color = color)),
                )
            });
            if response.clicked() {
                actions.push(PanelAction::SetColor(Some(color.to_owned())));
            }
        }
    });
    if let Some(annotation) = annotation {
        ui.add_space(6.0);
        if ui.button(tx(tr!("panel-delete-annotation"))).clicked() {
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
    let heading = tr!("panel-all-annotations", count = placed.len());
    strong_label(ui, engine, &heading, None);
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
                let mut text = format!("¶ {}", crate::i18n::number(paragraph + 1));
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
                let text = in_reading_order(text);
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
                let heading = tr!("panel-orphaned", count = orphans.len());
                let orange = Color32::from_rgb(0xc0, 0x60, 0x30);
                let heading = strong_label(ui, engine, &heading, Some(orange));
                t::hover(heading, tr!("panel-orphaned-tip"));
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
                    bidi_label(ui, engine, &in_reading_order(text), None);
                    if ui.small_button(tx(tr!("panel-delete-orphan"))).clicked() {
                        actions.push(PanelAction::Delete(annotation.id));
                    }
                }
            });
    }
}

/// A label-id list as names.
fn label_list(store: &AnnotationStore, labels: &[String]) -> String {
    if labels.is_empty() {
        return tr!("panel-no-labels");
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
        tr!("panel-no-note")
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
                .unwrap_or_else(|| tr!("panel-no-colour")),
            other
                .as_str()
                .map_or_else(|| tr!("panel-no-colour"), str::to_owned),
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
            tr!("panel-conflict-kept-here"),
            tr!("panel-conflict-deleted-there"),
        ),
        other_field => (
            tr!("panel-conflict-current", field = other_field),
            excerpt(&other.to_string()),
        ),
    }
}

/// What a conflict's field is called in the panel.
fn field_name(name: &str) -> String {
    match name {
        field::LABELS => tr!("panel-field-labels"),
        field::NOTE => tr!("panel-field-note"),
        field::COLOR => tr!("panel-field-color"),
        field::TARGET => tr!("panel-field-passage"),
        field::DELETED => tr!("panel-field-deletion"),
        other => other.to_owned(),
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
            let heading = tr!("panel-merge-conflicts", count = conflicts.len());
            let heading = strong_label(ui, engine, &heading, Some(warn));
            t::hover(heading, tr!("panel-merge-conflicts-tip"));
            for (i, conflict) in conflicts.into_iter().enumerate() {
                if i > 0 {
                    ui.separator();
                }
                let (kept, other) = conflict_values(store, annotation, conflict);
                let title = tr!("panel-conflict-in", field = field_name(&conflict.field));
                strong_label(ui, engine, &title, None);
                bidi_label(ui, engine, &tr!("panel-conflict-kept", value = kept), None);
                bidi_label(
                    ui,
                    engine,
                    &tr!("panel-conflict-other", value = other),
                    None,
                );
                // In the interface's month names and digits: «2 December 2026, 14:05 UTC».
                let when = crate::i18n::timestamp(conflict.modified);
                let who = if conflict.author.is_empty() {
                    tr!("panel-conflict-changed", when = when)
                } else {
                    tr!(
                        "panel-conflict-changed-by",
                        author = isolate(&conflict.author),
                        when = when
                    )
                };
                bidi_label(ui, engine, &who, Some(ui.visuals().weak_text_color()));
                crate::ui::tr::row(ui, |ui| {
                    let (take, keep) = if i == 0 {
                        (tr!("panel-take-other-key"), tr!("panel-keep-current-key"))
                    } else {
                        (tr!("panel-take-other"), tr!("panel-keep-current"))
                    };
                    if ui.button(tx(take)).clicked() {
                        actions.push(PanelAction::TakeOtherValue(conflict.clone()));
                    }
                    if ui.button(tx(keep)).clicked() {
                        actions.push(PanelAction::DismissConflict(conflict.clone()));
                    }
                });
            }
        });
    ui.add_space(6.0);
}

#[cfg(test)]
mod tests {
    use crate::i18n::{self, Args, UiLanguage, message_in, message_signatures};

    /// Message `id` in `language` with `args`, without the isolates around its arguments.
    fn text(
        language: UiLanguage,
        id: &str,
        args: &[(&str, fluent_bundle::FluentValue<'static>)],
    ) -> String {
        let mut fluent = Args::new();
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        message_in(language, id, Some(&fluent)).replace(['\u{2068}', '\u{2069}'], "")
    }

    fn n(value: u64) -> fluent_bundle::FluentValue<'static> {
        i18n::arg(value)
    }

    fn s(value: &'static str) -> fluent_bundle::FluentValue<'static> {
        i18n::arg(value)
    }

    #[test]
    fn panel_messages_are_in_both_languages_with_the_same_arguments() {
        let panels = |language: UiLanguage| {
            language
                .ftl_sources()
                .iter()
                .find(|(name, _)| *name == "panels")
                .map(|(_, source)| *source)
                .unwrap()
        };
        let (english, arabic) = (panels(UiLanguage::English), panels(UiLanguage::Arabic));
        assert_eq!(
            message_signatures(arabic).unwrap(),
            message_signatures(english).unwrap()
        );
        for (id, _) in message_signatures(english).unwrap() {
            assert!(
                ["panel-", "entity-", "note-", "spans-"]
                    .iter()
                    .any(|prefix| id.starts_with(prefix)),
                "{id}"
            );
        }
    }

    #[test]
    fn english_counts_read_as_before() {
        let en = UiLanguage::English;
        assert_eq!(
            text(en, "panel-merge-conflicts", &[("count", n(1))]),
            "Merge conflict (t takes the other value, Shift+T keeps this one)"
        );
        assert_eq!(
            text(en, "panel-merge-conflicts", &[("count", n(2))]),
            "Merge conflicts (t takes the other value, Shift+T keeps this one)"
        );
        let imported = |entities, relations| {
            text(
                en,
                "spans-imported",
                &[
                    ("entities", n(entities)),
                    ("relations", n(relations)),
                    ("path", s("a.ann")),
                ],
            )
        };
        assert_eq!(
            imported(1, 0),
            "Imported 1 entity and 0 relations from a.ann"
        );
        assert_eq!(
            imported(2, 1),
            "Imported 2 entities and 1 relation from a.ann"
        );
        assert_eq!(
            text(
                en,
                "spans-imported-new-types",
                &[("imported", s("Imported")), ("types", s("ORG, GPE"))]
            ),
            "Imported; new types in the scheme: ORG, GPE"
        );
        assert_eq!(text(en, "spans-separator", &[]), ", ");
        assert_eq!(
            text(
                en,
                "entity-relation-row",
                &[("source", s("a")), ("kind", s("k")), ("target", s("b"))]
            ),
            "a → k → b"
        );
        assert_eq!(
            text(
                en,
                "panel-exported",
                &[("count", n(1)), ("path", s("x.csv"))]
            ),
            "Exported 1 annotation(s) to x.csv"
        );
    }

    #[test]
    fn arabic_counts_take_their_plural_forms() {
        let ar = UiLanguage::Arabic;
        for (count, expected) in [
            (0, "لم يُصدَّر أي تعليق إلى x.csv"),
            (1, "تم تصدير تعليق واحد إلى x.csv"),
            (2, "تم تصدير تعليقين إلى x.csv"),
            (3, "تم تصدير 3 تعليقات إلى x.csv"),
            (11, "تم تصدير 11 تعليقًا إلى x.csv"),
            (100, "تم تصدير 100 تعليق إلى x.csv"),
        ] {
            let message = text(
                ar,
                "panel-exported",
                &[("count", n(count)), ("path", s("x.csv"))],
            );
            assert_eq!(message, expected);
        }
        assert_eq!(
            text(
                ar,
                "spans-imported",
                &[
                    ("entities", n(2)),
                    ("relations", n(0)),
                    ("path", s("a.ann"))
                ]
            ),
            "تم الاستيراد من a.ann: كيانان ولا علاقات"
        );
        assert_eq!(text(ar, "spans-separator", &[]), "، ");
    }
}
