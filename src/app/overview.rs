//! Seeing the whole article's annotations at once: a filter (all paragraphs, only annotated
//! ones, only those with a given label), the overview strip beside the scroll bar, and
//! statistics.

use std::collections::BTreeMap;

use egui::{Color32, CornerRadius, Rect, Sense, Ui, pos2};

use super::Session;
use crate::annotation::AnnotationStore;
use crate::i18n;
use crate::tr;
use crate::ui::parse_hex_color;
use crate::ui::tr as t;

/// Which paragraphs the reader shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Filter {
    /// Every paragraph.
    #[default]
    All,
    /// Paragraphs with at least one annotation.
    Annotated,
    /// Paragraphs with this label (on the paragraph or a passage in it).
    Label(String),
}

/// Whether paragraph `paragraph` passes `filter`.
pub fn passes(store: &AnnotationStore, filter: &Filter, paragraph: usize) -> bool {
    match filter {
        Filter::All => true,
        Filter::Annotated => store.for_paragraph(paragraph).next().is_some(),
        Filter::Label(label) => store
            .for_paragraph(paragraph)
            .any(|a| a.labels.iter().any(|l| l == label)),
    }
}

/// Applies the session's filter to the reader when the filter or the annotations changed.
pub fn apply_filter(session: &mut Session) {
    let revision = session.annotations.store().revision();
    let key = (session.filter.clone(), revision);
    if session.filter_applied.as_ref() == Some(&key) {
        return;
    }
    let count = session.document.paragraphs.len();
    let hidden: Vec<bool> = (0..count)
        .map(|p| !passes(session.annotations.store(), &session.filter, p))
        .collect();
    session.reader.layout.set_hidden(hidden);
    session.filter_applied = Some(key);
}

/// Counts for the statistics section.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Statistics {
    /// Paragraphs with at least one annotation.
    pub annotated_paragraphs: usize,
    /// All paragraphs.
    pub paragraphs: usize,
    /// Annotations per label id, in scheme order (then unknown ids).
    pub per_label: Vec<(String, usize)>,
    /// Passage (span) annotations.
    pub passages: usize,
    /// Annotations that could not be placed.
    pub orphans: usize,
}

/// Computes the statistics of the open article.
pub fn statistics(session: &Session) -> Statistics {
    let store = session.annotations.store();
    let paragraphs = session.document.paragraphs.len();
    let annotated_paragraphs = (0..paragraphs)
        .filter(|&p| store.for_paragraph(p).next().is_some())
        .count();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for annotation in store.annotations() {
        for label in &annotation.labels {
            *counts.entry(label.clone()).or_default() += 1;
        }
    }
    let mut per_label: Vec<(String, usize)> = store
        .scheme()
        .labels
        .iter()
        .map(|l| (l.id.clone(), counts.remove(&l.id).unwrap_or(0)))
        .collect();
    per_label.extend(counts);
    Statistics {
        annotated_paragraphs,
        paragraphs,
        per_label,
        passages: store
            .annotations()
            .iter()
            .filter(|a| a.target.kind == crate::annotation::TargetKind::Span)
            .count(),
        orphans: store.orphans().count(),
    }
}

/// Width of the overview strip in points.
pub const STRIP_WIDTH_PT: f32 = 10.0;

/// Draws the overview strip in `rect`: a tick per annotated paragraph at its place in the
/// article, in its first label's colour. Clicking the strip jumps there.
pub fn overview_strip_ui(ui: &mut Ui, rect: Rect, session: &mut Session) {
    let response = ui.interact(
        rect,
        egui::Id::unique("hashiya-overview"),
        Sense::click_and_drag(),
    );
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, CornerRadius::ZERO, ui.visuals().faint_bg_color);
    let total = session.reader.layout.total_height_pt().max(1.0);
    let store = session.annotations.store();
    let mut ticks = 0usize;
    for paragraph in 0..session.document.paragraphs.len() {
        let Some(annotation) = store.for_paragraph(paragraph).next() else {
            continue;
        };
        let color = annotation
            .labels
            .first()
            .and_then(|l| store.scheme().label(l))
            .map(|l| parse_hex_color(&l.color))
            .or_else(|| annotation.color.as_deref().map(parse_hex_color))
            .unwrap_or(Color32::GRAY);
        let top = session.reader.layout.top_pt(paragraph) / total;
        let height = (session.reader.layout.height_pt(paragraph) / total).max(0.0);
        let y0 = rect.top() + top * rect.height();
        let y1 = (y0 + height * rect.height()).max(y0 + 3.0);
        painter.rect_filled(
            Rect::from_min_max(pos2(rect.left() + 2.0, y0), pos2(rect.right() - 2.0, y1)),
            CornerRadius::same(1),
            color,
        );
        ticks += 1;
    }
    if let Some(selected) = session.reader.selected {
        let y = rect.top() + session.reader.layout.top_pt(selected) / total * rect.height();
        painter.line_segment(
            [pos2(rect.left(), y), pos2(rect.right(), y)],
            egui::Stroke::new(2.0, ui.visuals().selection.stroke.color),
        );
    }
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::ScrollBar,
            true,
            tr!("overview-strip", count = ticks),
        )
    });
    if let Some(pointer) = response
        .interact_pointer_pos()
        .filter(|_| response.clicked() || response.dragged())
    {
        let fraction = ((pointer.y - rect.top()) / rect.height()).clamp(0.0, 1.0);
        let target = session.reader.layout.paragraph_at_y(fraction * total);
        session.reader.scroll_to_paragraph(target);
    }
}

/// The "Show" filter chips (all / annotated / one label).
pub fn filter_ui(ui: &mut Ui, engine: &mut crate::text::TextEngine, session: &mut Session) {
    crate::ui::tr::wrapped_row(ui, |ui| {
        t::label(ui, tr!("overview-show"));
        let accent = ui.visuals().selection.stroke.color;
        for (name, filter) in [
            (tr!("overview-all"), Filter::All),
            (tr!("overview-annotated"), Filter::Annotated),
        ] {
            let on = session.filter == filter;
            if crate::ui::chip(ui, engine, &name, accent, on, true).clicked() {
                session.filter = filter;
            }
        }
        let labels: Vec<(String, String, String)> = session
            .annotations
            .store()
            .scheme()
            .labels
            .iter()
            .map(|l| (l.id.clone(), l.name.clone(), l.color.clone()))
            .collect();
        for (id, name, color) in labels {
            let on = session.filter == Filter::Label(id.clone());
            let chip = crate::ui::chip(ui, engine, &name, parse_hex_color(&color), on, true);
            if t::hover(chip, tr!("overview-label-tip")).clicked() {
                session.filter = if on { Filter::All } else { Filter::Label(id) };
            }
        }
    });
}

/// The statistics section: annotated paragraphs and counts per label.
pub fn statistics_ui(ui: &mut Ui, engine: &mut crate::text::TextEngine, session: &Session) {
    let stats = statistics(session);
    t::label(
        ui,
        tr!(
            "overview-annotated-paragraphs",
            count = stats.annotated_paragraphs,
            total = stats.paragraphs
        ),
    );
    if stats.passages > 0 {
        t::label(ui, tr!("overview-passages", count = stats.passages));
    }
    if stats.orphans > 0 {
        t::label(ui, tr!("overview-orphaned", count = stats.orphans));
    }
    let store = session.annotations.store();
    // Each label's chip, then its count: from the right in a right-to-left interface.
    t::form(ui, "label-counts", |form| {
        for (id, count) in &stats.per_label {
            let (name, color) = store
                .scheme()
                .label(id)
                .map_or((id.clone(), Color32::GRAY), |l| {
                    (l.name.clone(), parse_hex_color(&l.color))
                });
            form.row_with(
                |ui| crate::ui::chip(ui, engine, &name, color, *count > 0, false),
                |ui| t::label(ui, i18n::number(count)),
            );
        }
    });
}
