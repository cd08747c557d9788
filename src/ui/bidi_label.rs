//! Labels and buttons for UI strings that may hold Arabic (file names, messages, label
//! names): laid out by cosmic-text and drawn through the glyph atlas, because egui's own text
//! has no bidirectional layout and no Arabic font.

use crate::text::Fit;
use egui::{Color32, Response, Role, Sense, Ui, WidgetInfo, vec2};

use crate::text::{ParagraphStyle, ReadingFace, TextEngine};

/// Body size of UI strings, in points: Arabic needs a little more than egui's Latin text.
pub const UI_FONT_SIZE_PT: f32 = 14.0;

/// The style of UI strings.
pub fn ui_style(face: ReadingFace, bold: bool) -> ParagraphStyle {
    ParagraphStyle {
        font_size_pt: UI_FONT_SIZE_PT,
        line_height_pt: UI_FONT_SIZE_PT * 1.45,
        bold,
        face,
    }
}

/// Shows `text`, wrapped to the available width, as a label (AccessKit role `Label`).
pub fn bidi_label(
    ui: &mut Ui,
    engine: &mut TextEngine,
    text: &str,
    color: Option<Color32>,
) -> Response {
    let style = ui_style(ReadingFace::default(), false);
    let max_width = ui.available_width().max(40.0);
    let metrics = engine.measure_label(text, &style, Fit::Wrap(max_width));
    let (rect, response) = ui.allocate_exact_size(metrics.size, Sense::hover());
    if ui.is_rect_visible(rect) {
        let color = color.unwrap_or_else(|| ui.visuals().text_color());
        engine.paint_label(
            ui.painter(),
            text,
            &style,
            Fit::Wrap(max_width),
            rect.min,
            color,
        );
    }
    response.widget_info(|| WidgetInfo::labeled(Role::Label, true, spoken(text)));
    response
}

/// A menu-style button whose caption may hold Arabic (AccessKit role `Button`).
pub fn bidi_button(ui: &mut Ui, engine: &mut TextEngine, text: &str) -> Response {
    let min_width = ui.available_width().min(280.0);
    caption_button(ui, engine, text, min_width, false, None, false)
}

/// A menu-style button like [`bidi_button`] kept to one line (cut with an ellipsis), as wide
/// as the list it is in: every row of a long list then has the same height
/// ([`row_height`]), so only the rows in view need to be laid out.
pub fn bidi_row_button(ui: &mut Ui, engine: &mut TextEngine, text: &str) -> Response {
    let min_width = ui.available_width();
    caption_button(ui, engine, text, min_width, false, None, true)
}

/// The height of a [`bidi_row_button`].
pub fn row_height(ui: &Ui, engine: &mut TextEngine) -> f32 {
    let style = ui_style(ReadingFace::default(), false);
    let metrics = engine.measure_label("x", &style, Fit::Line(100.0));
    metrics.size.y + 2.0 * ui.spacing().button_padding.y
}

/// A menu-style button like [`bidi_button`] with bytes `marked` of its caption highlighted
/// (a search match in its context).
pub fn bidi_button_marked(
    ui: &mut Ui,
    engine: &mut TextEngine,
    text: &str,
    marked: std::ops::Range<usize>,
) -> Response {
    let min_width = ui.available_width().min(280.0);
    caption_button(ui, engine, text, min_width, false, Some(marked), false)
}

/// A framed button, as wide as its caption, whose caption may hold Arabic (AccessKit role
/// `Button`).
pub fn bidi_small_button(ui: &mut Ui, engine: &mut TextEngine, text: &str) -> Response {
    caption_button(ui, engine, text, 0.0, true, None, false)
}

fn caption_button(
    ui: &mut Ui,
    engine: &mut TextEngine,
    text: &str,
    min_width: f32,
    framed: bool,
    marked: Option<std::ops::Range<usize>>,
    one_line: bool,
) -> Response {
    let style = ui_style(ReadingFace::default(), false);
    let padding = ui.spacing().button_padding;
    // Framed buttons keep their caption on one line; menu-style ones wrap to the menu.
    let max_width = if framed {
        2000.0
    } else {
        (ui.available_width() - 2.0 * padding.x).max(40.0)
    };
    let fit = if one_line {
        Fit::Line(max_width)
    } else {
        Fit::Wrap(max_width)
    };
    let metrics = engine.measure_label(text, &style, fit);
    let desired = vec2(
        (metrics.size.x + 2.0 * padding.x).max(min_width),
        metrics.size.y + 2.0 * padding.y,
    );
    let (rect, response) = ui.allocate_exact_size(desired, Sense::click());
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact(&response);
        if framed {
            ui.painter().rect(
                rect,
                visuals.corner_radius,
                visuals.weak_bg_fill,
                visuals.bg_stroke,
                egui::StrokeKind::Inside,
            );
        } else if response.hovered() || response.has_focus() {
            ui.painter()
                .rect_filled(rect, visuals.corner_radius, visuals.weak_bg_fill);
        }
        // Arabic captions start at the right, Latin ones at the left.
        let x = if metrics.rtl {
            rect.right() - padding.x - metrics.size.x
        } else {
            rect.left() + padding.x
        };
        let origin = egui::pos2(x, rect.top() + padding.y);
        if let Some(marked) = marked {
            let fill = ui.visuals().selection.bg_fill.gamma_multiply(0.6);
            for mark in engine.label_ranges(text, &style, fit, marked) {
                ui.painter().rect_filled(
                    mark.translate(origin.to_vec2()),
                    egui::CornerRadius::same(2),
                    fill,
                );
            }
        }
        engine.paint_label(
            ui.painter(),
            text,
            &style,
            fit,
            origin,
            visuals.text_color(),
        );
    }
    response.widget_info(|| WidgetInfo::labeled(Role::Button, ui.is_enabled(), spoken(text)));
    response
}

/// `text` as announced to assistive technology: without the invisible direction marks and
/// isolates that only steer the layout.
fn spoken(text: &str) -> std::borrow::Cow<'_, str> {
    let is_mark = |c: char| matches!(c, '\u{200E}' | '\u{200F}' | '\u{2066}'..='\u{2069}');
    if text.contains(is_mark) {
        std::borrow::Cow::Owned(text.chars().filter(|&c| !is_mark(c)).collect())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// `text` (a name that may be Arabic) made safe to place inside a left-to-right sentence:
/// left-to-right marks (U+200E) on both sides keep the sentence left-to-right even when it
/// starts with the name, and stop numbers and punctuation after an Arabic name from joining
/// its right-to-left run.
pub fn in_ltr(text: &str) -> String {
    format!("\u{200E}{text}\u{200E}")
}

/// Parses `#rrggbb` into a colour (grey when malformed).
pub fn parse_hex_color(hex: &str) -> Color32 {
    let parse =
        |range: std::ops::Range<usize>| hex.get(range).and_then(|h| u8::from_str_radix(h, 16).ok());
    match (
        hex.starts_with('#') && hex.len() == 7,
        parse(1..3),
        parse(3..5),
        parse(5..7),
    ) {
        (true, Some(r), Some(g), Some(b)) => Color32::from_rgb(r, g, b),
        _ => Color32::GRAY,
    }
}

/// A rounded label chip in `color`, filled when `on`; clickable (AccessKit role
/// `CheckBox` with the label's name when `toggle`, otherwise `Label`).
pub fn chip(
    ui: &mut Ui,
    engine: &mut TextEngine,
    text: &str,
    color: Color32,
    on: bool,
    toggle: bool,
) -> Response {
    let style = ParagraphStyle {
        font_size_pt: 13.0,
        line_height_pt: 18.0,
        bold: false,
        face: ReadingFace::default(),
    };
    let metrics = engine.measure_label(text, &style, Fit::Wrap(400.0));
    let padding = vec2(8.0, 2.0);
    let sense = if toggle {
        Sense::click()
    } else {
        Sense::hover()
    };
    let (rect, response) = ui.allocate_exact_size(metrics.size + 2.0 * padding, sense);
    if ui.is_rect_visible(rect) {
        let (fill, text_color) = if on {
            (color, contrasting_text(color))
        } else {
            (color.gamma_multiply(0.12), ui.visuals().text_color())
        };
        let stroke = if response.hovered() {
            egui::Stroke::new(1.5, color)
        } else {
            egui::Stroke::new(1.0, color.gamma_multiply(0.7))
        };
        ui.painter().rect(
            rect,
            egui::CornerRadius::same(9),
            fill,
            stroke,
            egui::StrokeKind::Inside,
        );
        engine.paint_label(
            ui.painter(),
            text,
            &style,
            Fit::Wrap(400.0),
            rect.min + padding,
            text_color,
        );
    }
    if toggle {
        response.widget_info(|| WidgetInfo::selected(Role::CheckBox, true, on, spoken(text)));
    } else {
        response.widget_info(|| WidgetInfo::labeled(Role::Label, true, spoken(text)));
    }
    response
}

/// Black or white, whichever reads better on `background`.
pub fn contrasting_text(background: Color32) -> Color32 {
    let luminance = 0.299 * f32::from(background.r())
        + 0.587 * f32::from(background.g())
        + 0.114 * f32::from(background.b());
    if luminance > 150.0 {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}
