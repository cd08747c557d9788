//! Interface strings in egui's widgets. A string with no right-to-left letters is egui text as
//! before; one that has them (the Arabic interface, an Arabic file name) is laid out by
//! cosmic-text and painted in the widget's place, so it joins and runs right to left. Its
//! text still names the widget for assistive technology and tests.
//!
//! The strings are drawn by an engine of their own, kept in the egui context and made the first
//! time a right-to-left string is shown, so an English interface costs nothing more.

use std::sync::{Arc, Mutex};

use egui::{
    Align, Atom, AtomExt, AtomKind, Atoms, Button, Color32, Context, Id, IntoAtoms, Layout,
    Response, Role, Sense, SizedAtomKind, Ui, Vec2, WidgetInfo, vec2,
};

use super::bidi_label::ui_style;
use crate::text::{Fit, ReadingFace, TextEngine};

/// Whether `text` needs bidirectional layout: it holds a right-to-left letter or an
/// explicit direction control.
pub fn needs_bidi(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c,
            '\u{0590}'..='\u{08FF}'
            | '\u{FB1D}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}'
            | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })
}

type SharedEngine = Arc<Mutex<TextEngine>>;

fn engine_id() -> Id {
    Id::unique("hashiya-interface-text")
}

fn engine(ctx: &Context) -> SharedEngine {
    ctx.data_mut(|d| {
        d.get_temp_mut_or_insert_with(engine_id(), || Arc::new(Mutex::new(new_engine())))
            .clone()
    })
}

/// The interface's engine: the embedded faces, plus egui's own fonts for the symbols the
/// reading faces lack (arrows, triangles, check marks), so an Arabic caption such as
/// «التالي ◂» draws them as egui would.
fn new_engine() -> TextEngine {
    let mut engine = TextEngine::new(false);
    engine.atlas = crate::text::GlyphAtlas::with_page_size(512).unhinted();
    let defaults = egui::FontDefinitions::default();
    for name in ["Hack", "emoji-icon-font", "NotoEmoji-Regular"] {
        if let Some(data) = defaults.font_data.get(name) {
            engine
                .font_system
                .db_mut()
                .load_font_source(cosmic_text::fontdb::Source::Binary(data.font.clone()));
        }
    }
    engine
}

/// Adds the embedded Arabic face to egui's own fonts as the last fallback, so that widgets
/// egui draws itself (number boxes) have the Arabic-Indic and Persian digits.
pub fn add_interface_digits(ctx: &Context) {
    let Some((_, data)) = crate::text::fonts::EMBEDDED_FONTS
        .iter()
        .find(|(name, _)| *name == "NotoNaskhArabic-Regular.ttf")
    else {
        return;
    };
    let fallback = |family| egui::epaint::text::InsertFontFamily {
        family,
        priority: egui::epaint::text::FontPriority::Lowest,
    };
    ctx.add_font(egui::epaint::text::FontInsert::new(
        "hashiya-interface-digits",
        egui::FontData::from_static(data),
        vec![
            fallback(egui::FontFamily::Proportional),
            fallback(egui::FontFamily::Monospace),
        ],
    ));
}

/// A box for a whole number that egui draws, writing the number with the interface's digits
/// and reading Western, Arabic-Indic and Persian digits.
pub fn number_box<Num: egui::emath::Numeric>(value: &mut Num) -> egui::DragValue<'_> {
    egui::DragValue::new(value)
        .custom_formatter(|n, _| flip_eastern_digit_runs(&crate::i18n::number(format!("{n:.0}"))))
        .custom_parser(|text| crate::i18n::parse_number(&flip_eastern_digit_runs(text)))
}

/// Whether egui lays out `c` as part of a right-to-left run: the Arabic-Indic and Persian
/// digits and the Arabic separators (their script is Arabic, so egui's shaper guesses
/// right to left for their run).
fn is_eastern_digit(c: char) -> bool {
    matches!(c, '\u{0660}'..='\u{066C}' | '\u{06F0}'..='\u{06F9}')
}

/// `text` with each run of Arabic-Indic or Persian digits reversed. egui shapes such a run
/// right to left and places its glyphs from the left, so «٤٧٧٢» would stand as «٢٧٧٤»; a
/// number box holds each run reversed, which egui shows in reading order, and reads it back
/// by reversing again (so the number read is the one seen, while typing too).
fn flip_eastern_digit_runs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run: Vec<char> = Vec::new();
    for c in text.chars() {
        if is_eastern_digit(c) {
            run.push(c);
            continue;
        }
        out.extend(run.drain(..).rev());
        out.push(c);
    }
    out.extend(run.drain(..).rev());
    out
}

fn with_engine<R>(ctx: &Context, f: impl FnOnce(&mut TextEngine) -> R) -> R {
    let engine = engine(ctx);
    let mut guard = match engine.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    };
    f(&mut guard)
}

/// Starts a frame of the interface engine, if it has been made. Returns true when the
/// caller should repaint (its glyph atlas was cleared).
pub fn begin_frame(ctx: &Context) -> bool {
    let made = ctx.data(|d| d.get_temp::<SharedEngine>(engine_id()).is_some());
    made && with_engine(ctx, TextEngine::begin_frame)
}

/// The most a one-line interface string may take, in points.
const MAX_LINE_WIDTH: f32 = 2000.0;

/// `text` as atoms for an egui widget (button, checkbox, menu, window title).
pub fn tx<'a>(text: impl Into<String>) -> Atoms<'a> {
    let text = text.into();
    if !needs_bidi(&text) {
        return text.into_atoms();
    }
    let name = name_atom(&text);
    (bidi_atom(text, false), name).into_atoms()
}

/// A submenu: its button shows `caption` and an arrow toward where it opens. In a
/// right-to-left interface the caption is at the right and the arrow at the left, pointing
/// left, since the submenu opens at the left of its menu.
pub fn submenu<R>(
    ui: &mut Ui,
    caption: impl Into<String>,
    add: impl FnOnce(&mut Ui) -> R,
) -> egui::InnerResponse<Option<R>> {
    if !crate::i18n::is_rtl() {
        return ui.menu_button(tx(caption), add);
    }
    let mut atoms = tx(caption);
    atoms.push_left(Atom::grow());
    atoms.push_left(left_arrow_atom());
    let button = egui::containers::menu::SubMenuButton::from_button(Button::new(atoms));
    let (response, inner) = button.ui(ui, add);
    egui::InnerResponse::new(inner.map(|i| i.inner), response)
}

/// In a right-to-left interface a submenu opens at the left of its menu, so the arrow keys
/// that go into and out of it swap: Left goes in and Right comes back, where egui has Right go
/// in and Left come back. Called before the menus are shown; it acts only while the keyboard
/// is on an item of a popup (a menu), not on the menu bar, where the arrows already move as
/// they look.
pub fn mirror_menu_arrow_keys(ctx: &Context) {
    if !crate::i18n::is_rtl() {
        return;
    }
    let Some(focused) = ctx.memory(egui::Memory::focused) else {
        return;
    };
    // A menu item senses clicks only; a slider or text field in a popup (which drag) keeps
    // its arrows.
    let menu_item = ctx
        .read_response(focused)
        .is_some_and(|r| r.layer_id.order == egui::Order::Foreground && !r.sense.senses_drag());
    if !menu_item {
        return;
    }
    let (left, right) = ctx.input(|i| {
        let plain = i.modifiers.is_none();
        (
            plain && i.key_pressed(egui::Key::ArrowLeft),
            plain && i.key_pressed(egui::Key::ArrowRight),
        )
    });
    if left != right {
        let direction = if left {
            egui::FocusDirection::Right
        } else {
            egui::FocusDirection::Left
        };
        ctx.memory_mut(|m| m.move_focus(direction));
    }
}

/// egui's submenu arrow, pointing left.
fn left_arrow_atom<'a>() -> Atom<'a> {
    Atom::from(AtomKind::closure(|ui: &Ui, _args: egui::IntoSizedArgs| {
        let size = Vec2::splat(ui.spacing().icon_width);
        let paint = Arc::new(|ui: &Ui, args: egui::AtomPaintArgs| {
            ui.painter()
                .add(left_arrow_shape(args.rect, args.fallback_text_color));
        });
        egui::IntoSizedResult {
            intrinsic_size: size,
            sized: SizedAtomKind::Paint { paint, size },
        }
    }))
}

/// egui's submenu arrow in `rect`, mirrored to point left.
fn left_arrow_shape(rect: egui::Rect, color: Color32) -> egui::Shape {
    let arrow = egui::containers::menu::SubMenuButton::arrow_shape(rect, color);
    mirrored(arrow, rect.center().x)
}

/// `shape` (a filled polygon) mirrored about the vertical line at `x`.
fn mirrored(mut shape: egui::Shape, x: f32) -> egui::Shape {
    if let egui::Shape::Path(path) = &mut shape {
        for point in &mut path.points {
            point.x = 2.0 * x - point.x;
        }
    }
    shape
}

/// `text` as atoms, painted in the weak text colour (a shortcut beside a menu item).
pub fn tx_weak<'a>(text: impl Into<String>) -> Atoms<'a> {
    let text = text.into();
    if !needs_bidi(&text) && !crate::i18n::is_rtl() {
        return egui::RichText::new(text).weak().into_atoms();
    }
    bidi_atom(text, true).into_atoms()
}

/// `text` set in its reading direction. Text with no right-to-left letters (keys such as
/// «Ctrl+= / Ctrl++», file names) is kept left to right in an isolate: the text engine lays
/// labels out from the right, where the neutral « / » between two Latin runs would swap them.
/// In a right-to-left interface, a string with Arabic in it reads from the right even when it
/// starts with a Latin word («Amiri (للنصوص المشكولة)», «F1 التام»), which the first strong
/// letter alone would set left to right.
fn ltr_isolated(text: String) -> String {
    if !needs_bidi(&text) {
        format!("\u{2066}{text}\u{2069}")
    } else if crate::i18n::is_rtl() && !text.starts_with('\u{200F}') {
        format!("\u{200F}{text}")
    } else {
        text
    }
}

/// An atom that lays `text` out with cosmic-text and paints it where the widget puts it.
/// It reports its width less the gap egui puts between atoms, and paints over that gap, so
/// the invisible name atom after it takes no room.
fn bidi_atom<'a>(text: String, weak: bool) -> Atom<'a> {
    let text = ltr_isolated(text);
    Atom::from(AtomKind::closure(
        move |ui: &Ui, args: egui::IntoSizedArgs| {
            let style = ui_style(ReadingFace::default(), false);
            let fit = Fit::Line(args.available_size.x.clamp(40.0, MAX_LINE_WIDTH));
            let metrics = with_engine(ui.ctx(), |e| e.measure_label(&text, &style, fit));
            let gap = ui.spacing().icon_spacing;
            let size = vec2((metrics.size.x - gap).max(0.0), metrics.size.y);
            let paint = Arc::new(move |ui: &Ui, args: egui::AtomPaintArgs| {
                let mut color = args.fallback_text_color;
                if weak {
                    color = color.gamma_multiply(0.6);
                }
                let origin = egui::pos2(
                    args.rect.left(),
                    args.rect.center().y - metrics.size.y / 2.0,
                );
                with_engine(ui.ctx(), |e| {
                    e.paint_label(ui.painter(), &text, &style, fit, origin, color);
                });
            });
            egui::IntoSizedResult {
                intrinsic_size: size,
                sized: SizedAtomKind::Paint { paint, size },
            }
        },
    ))
}

/// An invisible atom whose only use is to carry `text` as the widget's name.
fn name_atom<'a>(text: &str) -> Atom<'a> {
    let source = egui::ImageSource::Texture(egui::load::SizedTexture::new(
        egui::TextureId::default(),
        Vec2::ZERO,
    ));
    Atom::from(
        egui::Image::new(source)
            .alt_text(spoken(text))
            .tint(Color32::TRANSPARENT),
    )
    .atom_size(Vec2::ZERO)
}

/// `text` without the invisible direction controls, as assistive technology announces it.
pub fn spoken(text: &str) -> String {
    text.chars()
        .filter(|&c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

/// Paints `text` centred on `center` at `size_pt` (an overlay's words).
pub fn paint_centered(
    painter: &egui::Painter,
    text: &str,
    center: egui::Pos2,
    size_pt: f32,
    color: Color32,
) {
    let mut style = ui_style(ReadingFace::default(), false);
    style.font_size_pt = size_pt;
    style.line_height_pt = size_pt * 1.45;
    let fit = Fit::Line(MAX_LINE_WIDTH);
    with_engine(painter.ctx(), |e| {
        let metrics = e.measure_label(text, &style, fit);
        e.paint_label(
            painter,
            text,
            &style,
            fit,
            center - metrics.size / 2.0,
            color,
        );
    });
}

/// A label, wrapped to the available width.
pub fn label(ui: &mut Ui, text: impl Into<String>) -> Response {
    colored_label(ui, text, None)
}

/// A label in `color` (the theme's text colour when `None`).
pub fn colored_label(ui: &mut Ui, text: impl Into<String>, color: Option<Color32>) -> Response {
    let text = text.into();
    // In a right-to-left interface every label is laid out by cosmic-text: egui's labels in
    // right-to-left rows put a Latin label's words in reverse order («Ctrl++ / Ctrl+=»).
    if !needs_bidi(&text) && !crate::i18n::is_rtl() {
        let mut rich = egui::RichText::new(text);
        if let Some(color) = color {
            rich = rich.color(color);
        }
        return ui.label(rich);
    }
    let text = ltr_isolated(text);
    styled_label(ui, &text, color, ui_style(ReadingFace::default(), false))
}

fn styled_label(
    ui: &mut Ui,
    text: &str,
    color: Option<Color32>,
    style: crate::text::ParagraphStyle,
) -> Response {
    let max_width = ui.available_width().max(40.0);
    // In a row that does not wrap (a status bar), a label stays on one line, as egui's do.
    let layout = ui.layout();
    let fit = if layout.is_horizontal() && !layout.main_wrap() {
        Fit::Line(MAX_LINE_WIDTH)
    } else {
        Fit::Wrap(max_width)
    };
    let metrics = with_engine(ui.ctx(), |e| e.measure_label(text, &style, fit));
    // In a column that fills its width (a menu), right-to-left text lines up at the right.
    let fill = metrics.rtl && ui.layout().horizontal_justify();
    let size = if fill {
        vec2(max_width, metrics.size.y)
    } else {
        metrics.size
    };
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    if ui.is_rect_visible(rect) {
        let color = color.unwrap_or_else(|| ui.visuals().text_color());
        let origin = if fill {
            egui::pos2(rect.right() - metrics.size.x, rect.top())
        } else {
            rect.min
        };
        with_engine(ui.ctx(), |e| {
            e.paint_label(ui.painter(), text, &style, fit, origin, color);
        });
    }
    response.widget_info(|| WidgetInfo::labeled(Role::Label, true, spoken(text)));
    response
}

/// A label in the weak text colour.
pub fn weak_label(ui: &mut Ui, text: impl Into<String>) -> Response {
    let color = ui.visuals().weak_text_color();
    colored_label(ui, text, Some(color))
}

/// A heading.
pub fn heading(ui: &mut Ui, text: impl Into<String>) -> Response {
    let text = text.into();
    if !needs_bidi(&text) {
        return ui.heading(text);
    }
    let mut style = ui_style(ReadingFace::default(), true);
    style.font_size_pt *= 1.3;
    style.line_height_pt *= 1.3;
    styled_label(ui, &text, None, style)
}

/// A tooltip for `response`.
pub fn hover(response: Response, text: impl Into<String>) -> Response {
    let text = text.into();
    if !needs_bidi(&text) {
        return response.on_hover_text(text);
    }
    response.on_hover_ui(|ui| {
        ui.set_max_width(360.0);
        label(ui, text);
    })
}

/// The least room between a menu item's key and its caption, in points.
const MENU_KEY_GAP: f32 = 16.0;

/// A menu item: its caption and, when it has one, its key. In a right-to-left interface the
/// caption starts at the right and the key sits at the left.
pub fn menu_item<'a>(caption: impl Into<String>, keys: Option<String>) -> Button<'a> {
    let caption = caption.into();
    if !crate::i18n::is_rtl() {
        let mut button = Button::new(tx(caption));
        if let Some(keys) = keys {
            button = button.shortcut_text(keys);
        }
        return button;
    }
    let name = name_atom(&caption);
    let mut atoms = Atoms::default();
    if let Some(keys) = keys {
        atoms.push_right(bidi_atom(keys, true));
        // The widest item of a menu still keeps its key apart from its caption.
        atoms.push_right(Atom::paint(vec2(MENU_KEY_GAP, 0.0), |_, _| {}));
    }
    atoms.push_right(Atom::grow());
    atoms.push_right(bidi_atom(caption, false));
    atoms.push_right(name);
    Button::new(atoms)
}

/// Lays out `add` in a row that starts at the interface's reading side: from the left in
/// English, from the right in Arabic. Like `ui.horizontal`, it is as high as what it holds
/// (a right-to-left layout made with `with_layout` would centre its row in all the height
/// left).
pub fn row<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> egui::InnerResponse<R> {
    row_in_reading_order(ui, false, add)
}

/// A [`row`] that wraps (a row of chips or buttons).
pub fn wrapped_row<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> egui::InnerResponse<R> {
    row_in_reading_order(ui, true, add)
}

fn row_in_reading_order<R>(
    ui: &mut Ui,
    wrap: bool,
    add: impl FnOnce(&mut Ui) -> R,
) -> egui::InnerResponse<R> {
    if !crate::i18n::is_rtl() {
        return if wrap {
            ui.horizontal_wrapped(add)
        } else {
            ui.horizontal(add)
        };
    }
    let size = vec2(
        ui.available_size_before_wrap().x,
        ui.spacing().interact_size.y,
    );
    let layout = Layout::right_to_left(Align::Center).with_main_wrap(wrap);
    ui.allocate_ui_with_layout(size, layout, add)
}

/// The layout for a column of controls: lined up at the reading side.
pub fn column_layout() -> Layout {
    if crate::i18n::is_rtl() {
        Layout::top_down(Align::Max)
    } else {
        Layout::top_down(Align::Min)
    }
}

/// A checkbox; in a right-to-left interface its box is at the right of its caption.
pub fn checkbox(ui: &mut Ui, checked: &mut bool, text: impl Into<String>) -> Response {
    let text = text.into();
    if !crate::i18n::is_rtl() {
        return ui.checkbox(checked, tx(text));
    }
    let mut response =
        mirrored_toggle(ui, *checked, text, Role::CheckBox, |ui, rect, on, color| {
            let visuals = ui.visuals();
            ui.painter().rect(
                rect,
                visuals.widgets.inactive.corner_radius,
                visuals.widgets.inactive.bg_fill,
                visuals.widgets.inactive.bg_stroke,
                egui::StrokeKind::Inside,
            );
            if on {
                let r = rect.shrink(3.0);
                ui.painter().add(egui::Shape::line(
                    vec![
                        egui::pos2(r.left(), r.center().y),
                        egui::pos2(r.center().x - 1.0, r.bottom()),
                        egui::pos2(r.right(), r.top()),
                    ],
                    egui::Stroke::new(2.0, color),
                ));
            }
        });
    if response.clicked() {
        *checked = !*checked;
        response.mark_changed();
    }
    response
}

/// A radio button; in a right-to-left interface its circle is at the right of its caption.
pub fn radio(ui: &mut Ui, selected: bool, text: impl Into<String>) -> Response {
    let text = text.into();
    if !crate::i18n::is_rtl() {
        return ui.radio(selected, tx(text));
    }
    mirrored_toggle(
        ui,
        selected,
        text,
        Role::RadioButton,
        |ui, rect, on, color| {
            let visuals = ui.visuals();
            let radius = rect.width() / 2.0;
            ui.painter().circle(
                rect.center(),
                radius,
                visuals.widgets.inactive.bg_fill,
                visuals.widgets.inactive.bg_stroke,
            );
            if on {
                ui.painter()
                    .circle_filled(rect.center(), radius * 0.45, color);
            }
        },
    )
}

/// A caption with a box or circle at its right, toggled by a click.
fn mirrored_toggle(
    ui: &mut Ui,
    on: bool,
    text: String,
    role: Role,
    paint_icon: impl Fn(&Ui, egui::Rect, bool, Color32) + 'static,
) -> Response {
    let icon = ui.spacing().icon_width;
    let name = spoken(&text);
    let mut atoms = Atoms::default();
    if ui.layout().horizontal_justify() {
        atoms.push_right(Atom::grow());
    }
    atoms.push_right(bidi_atom(text, false));
    atoms.push_right(name_atom(&name));
    atoms.push_right(Atom::paint(
        vec2(icon, icon),
        move |ui: &Ui, args: egui::AtomPaintArgs| {
            paint_icon(ui, args.rect, on, args.fallback_text_color);
        },
    ));
    let response = ui.add(Button::new(atoms).frame(false));
    response.widget_info(|| WidgetInfo::selected(role, ui.is_enabled(), on, name.clone()));
    response
}

#[cfg(test)]
mod number_box_tests {
    use super::*;

    /// The reversal [`number_box`] relies on: egui draws a run of Arabic-Indic digits in
    /// reverse, and the flipped text in reading order.
    #[test]
    fn number_boxes_show_eastern_digits_in_reading_order() {
        let ctx = Context::default();
        add_interface_digits(&ctx);
        // The output's texture changes are not uploaded anywhere; epaint asks (in debug
        // builds) that they be cleared rather than dropped.
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .textures_delta
            .clear();
        let drawn = |text: &str| -> String {
            ctx.fonts_mut(|fonts| {
                let galley = fonts.layout_no_wrap(
                    text.to_owned(),
                    egui::FontId::proportional(14.0),
                    Color32::BLACK,
                );
                let mut glyphs: Vec<(f32, char)> = galley
                    .rows
                    .iter()
                    .flat_map(|row| row.glyphs.iter())
                    // Characters egui gives no glyph of their own (the rest of a cluster).
                    .filter(|g| g.advance_width > 0.0)
                    .map(|g| (g.pos.x, g.chr))
                    .collect();
                glyphs.sort_by(|a, b| a.0.total_cmp(&b.0));
                glyphs.into_iter().map(|(_, c)| c).collect()
            })
        };
        assert_eq!(drawn(&flip_eastern_digit_runs("٤٧٧٢")), "٤٧٧٢");
        assert_eq!(drawn(&flip_eastern_digit_runs("۳۰")), "۳۰");
        assert_eq!(drawn("4772"), "4772");
        assert_eq!(flip_eastern_digit_runs("٤٧٧٢"), "٢٧٧٤");
        assert_eq!(flip_eastern_digit_runs("12 ٣٤"), "12 ٤٣");
        assert_eq!(
            crate::i18n::parse_number(&flip_eastern_digit_runs(&flip_eastern_digit_runs("٤٧٧٢"))),
            Some(4772.0)
        );
    }
}

/// A form of captioned fields, one row each (see [`form`]).
pub struct Form<'u> {
    ui: &'u mut Ui,
    /// In a right-to-left interface: how the form was laid out last frame, and this frame.
    rtl: Option<(FormLayout, FormLayout)>,
}

/// How a right-to-left form is laid out.
#[derive(Clone, Debug, Default)]
struct FormLayout {
    /// The width of the caption column: the widest caption's.
    caption_width: f32,
    /// The height of each row.
    row_heights: Vec<f32>,
}

impl FormLayout {
    fn differs(&self, other: &Self) -> bool {
        (self.caption_width - other.caption_width).abs() > 0.5
            || self.row_heights.len() != other.row_heights.len()
            || self
                .row_heights
                .iter()
                .zip(&other.row_heights)
                .any(|(a, b)| (a - b).abs() > 0.5)
    }
}

impl Form<'_> {
    /// A row: `caption`, then the field that `add` lays out. In English the caption is in
    /// the left column; in a right-to-left interface it is in the right one, lined up at the
    /// right, and the field starts left of it.
    pub fn row<R>(&mut self, caption: impl Into<String>, add: impl FnOnce(&mut Ui) -> R) -> R {
        let caption = caption.into();
        self.row_with(|ui| label(ui, caption), add)
    }

    /// A row whose caption is a widget of its own (a label's chip), laid out by `caption`.
    pub fn row_with<R>(
        &mut self,
        caption: impl FnOnce(&mut Ui) -> Response,
        add: impl FnOnce(&mut Ui) -> R,
    ) -> R {
        let Self { ui, rtl } = self;
        let Some((last, this)) = rtl else {
            caption(ui);
            let inner = add(ui);
            ui.end_row();
            return inner;
        };
        let column = last.caption_width;
        // The caption is centred in the row's height, as in egui's grid.
        let height = last
            .row_heights
            .get(this.row_heights.len())
            .copied()
            .unwrap_or(ui.spacing().interact_size.y);
        let mut measured = 0.0;
        let cells = row(ui, |ui| {
            ui.allocate_ui_with_layout(
                vec2(column, height),
                Layout::right_to_left(Align::Center),
                |ui| {
                    ui.set_min_width(column);
                    measured = caption(ui).rect.width();
                },
            );
            add(ui)
        });
        this.caption_width = f32::max(this.caption_width, measured.ceil());
        this.row_heights.push(cells.response.rect.height());
        cells.inner
    }
}

/// Lays out a form of captioned fields (see [`Form::row`]): an egui grid of two columns named
/// `id_salt` in English; in a right-to-left interface rows from the right, their captions in
/// a column as wide as the widest one (egui's grid lays out left to right only).
pub fn form<R>(ui: &mut Ui, id_salt: &str, add: impl FnOnce(&mut Form<'_>) -> R) -> R {
    if !crate::i18n::is_rtl() {
        return egui::Grid::new(id_salt)
            .num_columns(2)
            .show(ui, |ui| add(&mut Form { ui, rtl: None }))
            .inner;
    }
    let id = ui.make_persistent_id(("hashiya-form", id_salt));
    let last: FormLayout = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    let mut form = Form {
        ui,
        rtl: Some((last, FormLayout::default())),
    };
    let inner = add(&mut form);
    if let Some((last, this)) = form.rtl
        && this.differs(&last)
    {
        // The form is laid out from what it measured last frame: when that changed (its
        // first frame, another label), it is laid out again at once, as egui's grid is.
        ui.data_mut(|d| d.insert_temp(id, this));
        ui.ctx().request_discard("form layout");
    }
    inner
}

/// A table of cells in rows and columns (see [`table`]).
pub struct Table<'u> {
    ui: &'u mut Ui,
    /// In a right-to-left interface: where and how the table is laid out.
    rtl: Option<RtlTable>,
}

/// A right-to-left table being laid out.
struct RtlTable {
    /// The table's id, which its cells' ids are made from.
    id: Id,
    /// How the table was laid out last frame, and this frame.
    last: TableLayout,
    this: TableLayout,
    striped: bool,
    spacing: Vec2,
    /// The least width of a column and height of a row (egui's grid's).
    min_cell: Vec2,
    /// The right edge of the first column, and the left of the room for the table.
    right: f32,
    left: f32,
    /// The top of the row being laid out.
    y: f32,
    row: usize,
    col: usize,
}

/// How a right-to-left table is laid out.
#[derive(Clone, Debug, Default)]
struct TableLayout {
    col_widths: Vec<f32>,
    row_heights: Vec<f32>,
    /// The size of each cell's content, by row and column: a block lower than its row is
    /// moved down by it.
    cell_sizes: Vec<Vec<Vec2>>,
}

impl TableLayout {
    fn full_width(&self, spacing: f32) -> f32 {
        self.col_widths.iter().sum::<f32>()
            + self.col_widths.len().saturating_sub(1) as f32 * spacing
    }

    fn differs(&self, other: &Self) -> bool {
        let differ = |a: &[f32], b: &[f32]| {
            a.len() != b.len() || a.iter().zip(b).any(|(a, b)| (a - b).abs() > 0.5)
        };
        differ(&self.col_widths, &other.col_widths)
            || differ(&self.row_heights, &other.row_heights)
            || self.cell_sizes.len() != other.cell_sizes.len()
            || self.cell_sizes.iter().zip(&other.cell_sizes).any(|(a, b)| {
                a.len() != b.len()
                    || a.iter()
                        .zip(b)
                        .any(|(a, b)| (*a - *b).abs().max_elem() > 0.5)
            })
    }
}

impl Table<'_> {
    /// The next cell of the row, laid out by `add` (one widget, or a group of them in a
    /// row, as in an egui grid). In English it is the next cell of egui's grid; in a
    /// right-to-left interface the first cell of a row is at the right and the next ones
    /// left of it, each lined up at the right of its column and centred in the row's height.
    pub fn cell<R>(&mut self, add: impl FnOnce(&mut Ui) -> R) -> R {
        self.add_cell(false, add)
    }

    /// A [`cell`](Self::cell) whose content is a block of widgets one above the other, as
    /// `ui.vertical` lays them out in English. In a right-to-left interface each widget is
    /// lined up at the column's right edge, and the block is centred in the row's height as
    /// an egui grid centres it.
    pub fn block_cell<R>(&mut self, add: impl FnOnce(&mut Ui) -> R) -> R {
        if self.rtl.is_none() {
            return self.ui.vertical(add).inner;
        }
        self.add_cell(true, add)
    }

    fn add_cell<R>(&mut self, block: bool, add: impl FnOnce(&mut Ui) -> R) -> R {
        let Self { ui, rtl } = self;
        let Some(t) = rtl else {
            return add(ui);
        };
        let (row, col) = (t.row, t.col);
        let last_col_width = |c: usize| t.last.col_widths.get(c).copied().unwrap_or(t.min_cell.x);
        if col == 0 && t.striped && row % 2 == 1 {
            // egui's striped rows, painted before the row's cells.
            if let Some(&height) = t.last.row_heights.get(row) {
                let width = t.last.full_width(t.spacing.x);
                let stripe = egui::Rect::from_min_max(
                    egui::pos2(t.right - width, t.y),
                    egui::pos2(t.right, t.y + height),
                )
                .expand2(vec2(2.0, 0.5 * t.spacing.y));
                ui.painter()
                    .rect_filled(stripe, 2.0, ui.visuals().faint_bg_color);
            }
        }
        let right = t.right
            - (0..col)
                .map(|c| last_col_width(c) + t.spacing.x)
                .sum::<f32>();
        let column = last_col_width(col).max(t.this.col_widths.get(col).copied().unwrap_or(0.0));
        // The room left of the cell's right edge, as an egui grid gives its last column the
        // room right of it: labels that wrap at the width they are given keep to one line.
        let room = (right - t.left).max(column);
        let height = t.last.row_heights.get(row).copied().unwrap_or(t.min_cell.y);
        // A block is laid out from the top right, and moved down by half the room its row
        // left it last frame.
        let (top, layout) = if block {
            let last_height = t.last.cell_sizes.get(row).and_then(|cells| cells.get(col));
            let room_below = last_height.map_or(0.0, |size| (height - size.y).max(0.0));
            (t.y + 0.5 * room_below, Layout::top_down(Align::Max))
        } else {
            (t.y, Layout::right_to_left(Align::Center))
        };
        let rect = egui::Rect::from_min_max(
            egui::pos2(right - room, top),
            egui::pos2(right, t.y + height),
        );
        let mut cell = ui.new_child(
            egui::UiBuilder::new()
                .id_salt((t.id, row, col))
                .max_rect(rect)
                .layout(layout),
        );
        let inner = add(&mut cell);
        let used = cell.min_rect();
        let this = &mut t.this;
        if this.col_widths.len() <= col {
            this.col_widths.resize(col + 1, 0.0);
        }
        this.col_widths[col] = this.col_widths[col].max(used.width().max(t.min_cell.x).ceil());
        if this.row_heights.len() <= row {
            this.row_heights.resize(row + 1, t.min_cell.y);
        }
        this.row_heights[row] = this.row_heights[row].max(used.height().ceil());
        if this.cell_sizes.len() <= row {
            this.cell_sizes.resize(row + 1, Vec::new());
        }
        this.cell_sizes[row].push(used.size().ceil());
        t.col += 1;
        inner
    }

    /// Ends a row: the next cell starts the next one.
    pub fn end_row(&mut self) {
        let Self { ui, rtl } = self;
        let Some(t) = rtl else {
            ui.end_row();
            return;
        };
        if t.this.row_heights.len() <= t.row {
            t.this.row_heights.resize(t.row + 1, t.min_cell.y);
        }
        if t.this.cell_sizes.len() <= t.row {
            t.this.cell_sizes.resize(t.row + 1, Vec::new());
        }
        t.y += t.this.row_heights[t.row] + t.spacing.y;
        t.row += 1;
        t.col = 0;
    }
}

/// Lays out a table (see [`Table::cell`]): in English the egui grid named `id_salt`, striped
/// or not, with `spacing` between its cells; in a right-to-left interface its columns run
/// from the right, each as wide as its widest cell (egui's grid lays out left to right
/// only).
pub fn table<R>(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    striped: bool,
    spacing: Vec2,
    add: impl FnOnce(&mut Table<'_>) -> R,
) -> R {
    if !crate::i18n::is_rtl() {
        let mut grid = egui::Grid::new(id_salt).spacing(spacing);
        if striped {
            grid = grid.striped(true);
        }
        return grid.show(ui, |ui| add(&mut Table { ui, rtl: None })).inner;
    }
    let id = ui.make_persistent_id(("hashiya-table", id_salt));
    let last: Option<TableLayout> = ui.data(|d| d.get_temp(id));
    let is_first_frame = last.is_none();
    let last = last.unwrap_or_default();
    let available = ui.available_rect_before_wrap();
    let full_width = last.full_width(spacing.x);
    // At the right of the room there is, or from its left when the table is wider.
    let right = if available.right().is_finite() {
        available.right().max(available.left() + full_width)
    } else {
        available.left() + full_width
    };
    let top = available.top();
    let min_cell = ui.spacing().interact_size;
    let mut table = Table {
        ui,
        rtl: Some(RtlTable {
            id,
            last,
            this: TableLayout::default(),
            striped,
            spacing,
            min_cell,
            right,
            left: available.left(),
            y: top,
            row: 0,
            col: 0,
        }),
    };
    let inner = add(&mut table);
    let Some(t) = table.rtl else {
        return inner;
    };
    let ui = table.ui;
    // The last row, if it was not ended.
    let bottom = if t.col > 0 {
        t.y + t
            .this
            .row_heights
            .get(t.row)
            .copied()
            .unwrap_or(t.min_cell.y)
    } else {
        t.y - t.spacing.y
    };
    let width = t.this.full_width(spacing.x);
    if t.row > 0 || t.col > 0 {
        ui.advance_cursor_after_rect(egui::Rect::from_min_max(
            egui::pos2(right - width, top),
            egui::pos2(right, bottom.max(top)),
        ));
    }
    if is_first_frame || t.this.differs(&t.last) {
        // The table is laid out from what it measured last frame: when that changed (its
        // first frame, another row), it is laid out again at once, as egui's grid is.
        ui.data_mut(|d| d.insert_temp(id, t.this));
        ui.ctx().request_discard("table layout");
    }
    inner
}

/// The header of a collapsing section drawn by the app (a title egui cannot draw, or an
/// interface that reads from the right): an arrow that points toward the reading direction
/// while the section is closed and down when it is open, then the title, in a [`row`].
/// Returns whether it was clicked.
pub fn collapsing_header(ui: &mut Ui, openness: f32, title: impl Into<String>) -> bool {
    let title = title.into();
    row(ui, |ui| {
        let size = ui.spacing().icon_width;
        let (rect, arrow) = ui.allocate_exact_size(vec2(size, size), Sense::click());
        paint_section_arrow(ui, &arrow, rect, openness);
        let caption = ui.add(Button::new(tx(title)).frame(false));
        arrow.clicked() || caption.clicked()
    })
    .inner
}

/// The arrow of a section that opens and closes, in `rect`: toward the reading direction
/// while closed (`openness` 0), down when open (1).
fn paint_section_arrow(ui: &Ui, response: &Response, rect: egui::Rect, openness: f32) {
    let color = ui.style().interact(response).fg_stroke.color;
    let r = rect.shrink(rect.width() * 0.2);
    let closed = if crate::i18n::is_rtl() {
        [r.right_top(), r.right_bottom(), r.left_center()]
    } else {
        [r.left_top(), r.left_bottom(), r.right_center()]
    };
    let open = [r.left_top(), r.right_top(), r.center_bottom()];
    let points = closed
        .iter()
        .zip(open)
        .map(|(c, o)| c.lerp(o, openness))
        .collect();
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        color,
        egui::Stroke::NONE,
    ));
}

/// `title` as a window's title (see [`show_window`]). In a right-to-left interface, room is
/// kept on both sides of it for the buttons drawn over the title bar, as egui keeps it for its
/// own, so that a folded window's title bar still holds them.
pub fn window_title<'a>(ctx: &egui::Context, title: impl Into<String>) -> Atoms<'a> {
    let mut atoms = tx(title);
    if crate::i18n::is_rtl() {
        let room = title_button_room(ctx);
        atoms.push_left(Atom::custom(
            egui::IdSalt::new("hashiya-title-room-left"),
            vec2(room, room),
        ));
        atoms.push_right(Atom::custom(
            egui::IdSalt::new("hashiya-title-room-right"),
            vec2(room, room),
        ));
    }
    atoms
}

/// The room egui gives a title bar's button: a square as high as a heading's row.
fn title_button_room(ctx: &egui::Context) -> f32 {
    let style = ctx.global_style();
    ctx.fonts_mut(|f| f.row_height(&egui::TextStyle::Heading.resolve(&style)))
}

/// Shows `window` (titled by [`window_title`]) under `id` with a close button that clears `open` and, if `collapsible`,
/// a button that folds it to its title bar. In English these are egui's own: the arrow at the
/// left of the title bar, the close button at its right. egui's title bar has a fixed order,
/// so in a right-to-left interface the window is shown without them and they are drawn over
/// its title bar, mirrored: the close button at the left, the arrow at the right, pointing
/// left while the window is folded. A double click on the title folds it, as in egui.
pub fn show_window<'a, R>(
    ctx: &egui::Context,
    window: egui::Window<'a>,
    id: Id,
    open: &'a mut bool,
    collapsible: bool,
    add: impl FnOnce(&mut Ui) -> R,
) -> Option<egui::InnerResponse<Option<R>>> {
    let window = window.id(id);
    if !crate::i18n::is_rtl() {
        return window.open(open).collapsible(collapsible).show(ctx, add);
    }
    let shown = window.collapsible(false).show(ctx, add)?;
    mirrored_title_buttons(ctx, id, &shown.response, open, collapsible);
    Some(shown)
}

/// The buttons of [`show_window`] in a right-to-left interface, over the title bar of the
/// window whose frame is `window`, where egui would put its own.
fn mirrored_title_buttons(
    ctx: &egui::Context,
    id: Id,
    window: &Response,
    open: &mut bool,
    collapsible: bool,
) {
    let style = ctx.global_style();
    let margin = style.spacing.window_margin;
    // egui sizes the buttons' room as the heading's row, and the buttons as an icon.
    let row = title_button_room(ctx);
    let icon = style.spacing.icon_width;
    let top = window.rect.top() + f32::from(margin.top);
    let room = |left: f32| {
        egui::Rect::from_min_size(egui::pos2(left, top), vec2(row, row))
            .shrink((row - icon).max(0.0) / 2.0)
    };
    let bar = egui::Rect::from_min_max(
        window.rect.min,
        egui::pos2(window.rect.right(), top + row + f32::from(margin.bottom)),
    );
    let ui = Ui::new(
        ctx.clone(),
        id.with("hashiya-title-buttons"),
        egui::UiBuilder::new()
            .layer_id(window.layer_id)
            .max_rect(bar),
    );
    let close = ui.interact(
        room(window.rect.left() + f32::from(margin.left)),
        id.with("hashiya-close"),
        Sense::click(),
    );
    let close_label = crate::tr!("window-close");
    close.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &close_label));
    let visuals = ui.style().interact(&close);
    let cross = close.rect.shrink(2.0).expand(visuals.expansion);
    let stroke = visuals.fg_stroke;
    ui.painter()
        .line_segment([cross.left_top(), cross.right_bottom()], stroke);
    ui.painter()
        .line_segment([cross.right_top(), cross.left_bottom()], stroke);
    if close.clicked() {
        *open = false;
    }
    if !collapsible {
        return;
    }
    let mut folding = egui::collapsing_header::CollapsingState::load_with_default_open(
        ctx,
        id.with("collapsing"),
        true,
    );
    let arrow = ui.interact(
        room(window.rect.right() - f32::from(margin.right) - row),
        id.with("hashiya-fold"),
        Sense::click(),
    );
    let fold_label = if folding.is_open() {
        crate::tr!("window-fold")
    } else {
        crate::tr!("window-unfold")
    };
    arrow.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &fold_label));
    paint_section_arrow(&ui, &arrow, arrow.rect, folding.openness(ctx));
    // egui's own title bar reports its clicks under this id.
    let title_double_clicked = ctx
        .read_response(id.with("__title_click"))
        .is_some_and(|title| title.double_clicked());
    if arrow.clicked() || title_double_clicked {
        folding.toggle(&ui);
        folding.store(ctx);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The points of a filled polygon.
    fn points(shape: &egui::Shape) -> Vec<egui::Pos2> {
        match shape {
            egui::Shape::Path(path) => path.points.clone(),
            other => panic!("not a polygon: {other:?}"),
        }
    }

    #[test]
    fn the_right_to_left_submenu_arrow_is_egui_s_turned_to_the_left() {
        let rect = egui::Rect::from_min_size(egui::pos2(10.0, 20.0), vec2(14.0, 14.0));
        let egui_arrow = points(&egui::containers::menu::SubMenuButton::arrow_shape(
            rect,
            Color32::WHITE,
        ));
        let left_arrow = points(&left_arrow_shape(rect, Color32::WHITE));
        // Each arrow's tip is its one point on the middle line, on the side it points to.
        let tip = |points: &[egui::Pos2]| {
            *points
                .iter()
                .find(|p| (p.y - rect.center().y).abs() < 0.01)
                .expect("a tip on the middle line")
        };
        let (egui_tip, left_tip) = (tip(&egui_arrow), tip(&left_arrow));
        assert!(
            egui_tip.x > rect.center().x,
            "egui's points right: {egui_arrow:?}"
        );
        assert!(
            left_tip.x < rect.center().x,
            "ours points left: {left_arrow:?}"
        );
        assert!((rect.center().x - left_tip.x - (egui_tip.x - rect.center().x)).abs() < 0.01);
        assert!(left_arrow.iter().all(|p| rect.contains(*p)));
    }
}
