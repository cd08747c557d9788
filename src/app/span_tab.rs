//! Spans in the team windows: the Agreement window's Span tab (γ, αU and span F1 over the
//! folder, measured in the background with progress and cancel) and the Compare window's
//! Spans view (each unit of overlapping spans with every annotator's version, the kind of
//! disagreement, and taking one version or merging into the gold sidecar).

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use egui::Color32;

use super::command::{AgreementLevel, Command};
use super::compare::{name_and_items_cells, name_arg, named_rows, names, no_value_mark, strong};
use super::{Session, Workspace};
use crate::annotation::{CharIndex, Label, LabelScheme};
use crate::document::Document;
use crate::i18n;
use crate::jobs::{Job, Poll};
use crate::session::annotations::Edit;
use crate::span_agreement::compare::{
    SpanChoice, SpanComparison, SpanDisagreement, SpanUnit, gold_spans,
};
use crate::span_agreement::{
    Cancelled, GammaOptions, Progress, Span, SpanAgreementReport, SpanMeasures, SpanNoValue,
    folder_span_agreement,
};
use crate::text::{Fit, ReadingFace, TextEngine};
use crate::tr;
use crate::ui::bidi_label::ui_style;
use crate::ui::tr::wrapped_row;
use crate::ui::tr::{self as t, tx};
use crate::ui::{bidi_label, bidi_small_button, chip, parse_hex_color};

/// What the span measurement sends to the window.
#[derive(Debug)]
enum SpanMessage {
    Progress(Progress),
    Done(Result<Box<SpanAgreementReport>, Cancelled>),
}

/// The Agreement window's Span tab.
#[derive(Debug)]
pub struct SpanAgreementState {
    /// Seed of γ's sampling for the next measurement.
    pub seed: u64,
    /// Sampled continua per γ for the next measurement.
    pub samples: usize,
    /// The last result.
    pub report: Option<SpanAgreementReport>,
    /// How far γ has got, while measuring.
    pub progress: Option<Progress>,
    /// Set when the last measurement was cancelled.
    pub cancelled: bool,
    job: Option<Job<SpanMessage>>,
}

impl Default for SpanAgreementState {
    fn default() -> Self {
        let options = GammaOptions::default();
        Self {
            seed: options.seed,
            samples: options.samples,
            report: None,
            progress: None,
            cancelled: false,
            job: None,
        }
    }
}

impl SpanAgreementState {
    /// Starts measuring span agreement over `folder` with `seed` and `samples` (whatever was
    /// running stops).
    pub fn start(&mut self, ctx: &egui::Context, folder: PathBuf, seed: u64, samples: usize) {
        self.seed = seed;
        self.samples = samples;
        self.cancelled = false;
        self.progress = None;
        let options = GammaOptions {
            samples,
            seed,
            ..GammaOptions::default()
        };
        self.job = Some(Job::stream(
            "hashiya-span-agreement",
            super::waker(ctx),
            move |sender| {
                // One message per percent, not per alignment.
                let shown = AtomicUsize::new(usize::MAX);
                let progress = |p: Progress| {
                    let percent = (p.done * 100).checked_div(p.total).unwrap_or(100);
                    if shown.swap(percent, Ordering::Relaxed) != percent {
                        sender.send(SpanMessage::Progress(p));
                    }
                    !sender.is_cancelled()
                };
                let result = folder_span_agreement(&folder, &options, &progress);
                sender.send(SpanMessage::Done(result.map(Box::new)));
            },
        ));
    }

    /// Stops the measurement running (the last result stays).
    pub fn cancel(&mut self) {
        if self.job.take().is_some() {
            self.cancelled = true;
            self.progress = None;
        }
    }

    /// Whether a measurement is running.
    pub fn running(&self) -> bool {
        self.job.is_some()
    }

    /// Takes what the measurement sent.
    pub fn poll(&mut self) {
        while let Some(job) = &mut self.job {
            match job.poll() {
                Poll::Ready(SpanMessage::Progress(p)) => self.progress = Some(p),
                Poll::Ready(SpanMessage::Done(result)) => self.finish(result),
                Poll::Done => {
                    self.job = None;
                    self.progress = None;
                }
                Poll::Pending => break,
            }
        }
    }

    fn finish(&mut self, result: Result<Box<SpanAgreementReport>, Cancelled>) {
        self.job = None;
        self.progress = None;
        match result {
            Ok(report) => self.report = Some(*report),
            Err(Cancelled) => self.cancelled = true,
        }
    }

    /// Waits for the measurement to end (for tests).
    pub fn wait(&mut self) {
        while let Some(job) = &mut self.job {
            match job.wait() {
                Some(SpanMessage::Progress(p)) => self.progress = Some(p),
                Some(SpanMessage::Done(result)) => self.finish(result),
                None => self.job = None,
            }
        }
    }
}

/// Why a measure of the span table has no value.
fn no_value_explanation(why: SpanNoValue) -> String {
    match why {
        SpanNoValue::NoSpans => tr!("spantab-no-spans"),
        SpanNoValue::NoVariation => tr!("spantab-no-variation"),
        SpanNoValue::NoCompleteArticles => tr!("spantab-no-complete-articles"),
    }
}

/// The kind of a unit's disagreement, as a message selector.
fn disagreement_key(kind: SpanDisagreement) -> &'static str {
    match kind {
        SpanDisagreement::Missing => "missing",
        SpanDisagreement::Boundary => "boundary",
        SpanDisagreement::Type => "type",
        SpanDisagreement::BoundaryAndType => "boundary-and-type",
    }
}

/// A measure's value as the table shows it, with its name and row for screen readers
/// (`name`: the row's label name as the window shows it).
fn value_cell(
    ui: &mut egui::Ui,
    measure: &str,
    name: &str,
    row: &SpanMeasures,
    which: &'static str,
) {
    let value = match which {
        "exact_f1" => row.exact_f1,
        "partial_f1" => row.partial_f1,
        "gamma" => row.gamma,
        _ => row.alpha_u,
    };
    let (text, why) = match (value, row.no_value.get(which)) {
        (Some(v), _) => (i18n::number(format!("{v:.3}")), None),
        (None, Some(why)) => (no_value_mark(why.mark()), Some(no_value_explanation(*why))),
        (None, None) => ("—".to_owned(), None),
    };
    let mut response = t::label(ui, text.clone());
    let spoken = tr!("spantab-cell", measure = measure, name = name, value = text);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &spoken));
    if let Some(why) = why {
        response = t::hover(response, why);
    }
    drop(response);
}

/// The Span tab: the controls, the progress while measuring, and the last result.
pub(super) fn span_tab_ui(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    state: &mut SpanAgreementState,
    max_height: f32,
    commands: &mut Vec<Command>,
) {
    state.poll();
    if let Some(progress) = state.progress.filter(|_| state.running()) {
        let fraction = if progress.total == 0 {
            0.0
        } else {
            progress.done as f32 / progress.total as f32
        };
        let text = tr!(
            "spantab-progress",
            done = progress.done,
            total = progress.total
        );
        if t::needs_bidi(&text) {
            // egui's own text has no Arabic: the caption goes under the bar.
            ui.add(egui::ProgressBar::new(fraction));
            t::label(ui, text);
        } else {
            ui.add(
                egui::ProgressBar::new(fraction)
                    .show_percentage()
                    .text(text),
            );
        }
    } else if state.running() {
        t::row(ui, |ui| {
            ui.spinner();
            t::label(ui, tr!("spantab-reading"));
        });
    }
    t::row(ui, |ui| {
        t::label(ui, tr!("spantab-seed"));
        ui.add_enabled(!state.running(), t::number_box(&mut state.seed));
        t::label(ui, tr!("spantab-samples"));
        ui.add_enabled(
            !state.running(),
            t::number_box(&mut state.samples).range(1..=10_000),
        );
        if state.running() {
            if ui.button(tx(tr!("spantab-cancel"))).clicked() {
                commands.push(Command::CancelAgreement);
            }
        } else if ui.button(tx(tr!("agreement-measure-again"))).clicked() {
            commands.push(Command::MeasureAgreement(AgreementLevel::Spans {
                seed: state.seed,
                samples: state.samples,
            }));
        }
    });
    if state.cancelled {
        let color = ui.visuals().warn_fg_color;
        t::colored_label(ui, tr!("spantab-cancelled"), Some(color));
    }
    let Some(report) = &state.report else {
        return;
    };
    egui::ScrollArea::vertical()
        .max_height(max_height)
        .show(ui, |ui| span_report_ui(ui, engine, report));
}

/// The span report: who and what was measured, the table, what was left out.
fn span_report_ui(ui: &mut egui::Ui, engine: &mut TextEngine, report: &SpanAgreementReport) {
    bidi_label(
        ui,
        engine,
        &tr!(
            "spantab-summary",
            articles = report.articles,
            count = report.annotators.len(),
            names = names(&report.annotators),
            spans = report.items
        ),
        None,
    );
    // The seed as text: a message number is a float, which would round a large seed.
    t::label(
        ui,
        tr!(
            "spantab-sampling",
            samples = report.samples,
            seed = i18n::number(report.seed)
        ),
    );
    for problem in &report.skipped {
        bidi_label(
            ui,
            engine,
            &tr!("agreement-left-out", problem = problem),
            Some(ui.visuals().warn_fg_color),
        );
    }
    if report.articles == 0 {
        t::label(ui, tr!("agreement-no-pairs"));
    }
    let measures = [
        (tr!("spantab-column-exact-f1"), "exact_f1"),
        (tr!("spantab-column-partial-f1"), "partial_f1"),
        (tr!("spantab-column-gamma"), "gamma"),
        (tr!("spantab-column-alpha-u"), "alpha_u"),
    ];
    t::table(
        ui,
        "span-agreement-grid",
        true,
        egui::vec2(16.0, 6.0),
        |table| {
            table.cell(|ui| strong(ui, engine, tr!("agreement-column-label")));
            table.cell(|ui| strong(ui, engine, tr!("agreement-column-items")));
            for (heading, _) in &measures {
                table.cell(|ui| strong(ui, engine, heading.clone()));
            }
            table.end_row();
            for (name, row) in named_rows(&report.labels, &report.overall, |r| &r.name) {
                name_and_items_cells(table, engine, &name, row.items);
                for (measure, which) in &measures {
                    table.cell(|ui| value_cell(ui, measure, &name, row, which));
                }
                table.end_row();
            }
        },
    );
    ui.add_space(6.0);
    t::label(ui, tr!("spantab-explanation"));
    let mut reasons: Vec<_> = report
        .labels
        .iter()
        .chain(std::iter::once(&report.overall))
        .flat_map(|row| row.no_value.values().copied())
        .collect();
    reasons.sort();
    reasons.dedup();
    for why in reasons {
        t::weak_label(
            ui,
            tr!(
                "agreement-reason",
                mark = why.mark().to_string(),
                reason = no_value_explanation(why)
            ),
        );
    }
}

/// The Compare window's Spans view state.
#[derive(Debug)]
pub struct SpanView {
    /// The annotators' spans on the open article.
    pub comparison: SpanComparison,
    /// The unit the keys act on (an index into the units).
    pub current: Option<usize>,
    /// Scroll the current unit into view on the next frame.
    scroll: bool,
    /// Code points to bytes in the article text, for quoting spans.
    index: CharIndex,
}

impl SpanView {
    /// The spans of `document`'s annotators.
    pub fn new(comparison: SpanComparison, document: &Document) -> Self {
        Self {
            comparison,
            current: None,
            scroll: false,
            index: CharIndex::new(&document.text),
        }
    }

    /// Moves to the next (or previous) disagreement, wrapping around; false when there is
    /// none.
    pub fn step(&mut self, forward: bool) -> bool {
        let disagreements = self.comparison.disagreements();
        let next = match (self.current, forward) {
            (None, true) => disagreements.first(),
            (None, false) => disagreements.last(),
            (Some(at), true) => disagreements
                .iter()
                .find(|&&u| u > at)
                .or(disagreements.first()),
            (Some(at), false) => disagreements
                .iter()
                .rev()
                .find(|&&u| u < at)
                .or(disagreements.last()),
        };
        self.current = next.copied();
        self.scroll = self.current.is_some();
        self.current.is_some()
    }

    /// The article text from code point `start` to `end`.
    fn quote<'d>(&self, document: &'d Document, start: u64, end: u64) -> &'d str {
        let byte = |c: u64| {
            usize::try_from(c)
                .ok()
                .and_then(|c| self.index.byte_of_char(&document.text, c))
        };
        match (byte(start), byte(end)) {
            (Some(a), Some(b)) => document.text.get(a..b).unwrap_or_default(),
            _ => "",
        }
    }
}

/// A span decision from the Compare window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpanAdjudication {
    /// The unit decided (an index into the units); `None`: every unit.
    pub unit: Option<usize>,
    /// What is taken.
    pub choice: SpanChoice,
}

/// What the Spans view shows.
pub(super) struct SpanViewContext<'a> {
    pub session: Option<&'a Session>,
    pub team_mode: bool,
    pub only_disagreements: bool,
}

fn label_look(scheme: &LabelScheme, comparison: &SpanComparison, id: &str) -> (String, Color32) {
    scheme
        .label(id)
        .or_else(|| comparison.label(id))
        .map_or_else(
            || (id.to_owned(), Color32::GRAY),
            |l| (l.name.clone(), parse_hex_color(&l.color)),
        )
}

/// The Spans view's summary, what was left out, and the whole-article decisions.
fn span_header_ui(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    comparison: &SpanComparison,
    context: &SpanViewContext<'_>,
    commands: &mut Vec<Command>,
) {
    let disagreements = comparison.disagreements().len();
    bidi_label(
        ui,
        engine,
        &tr!(
            "spantab-units-summary",
            count = comparison.units.len(),
            disagreements = disagreements
        ),
        None,
    );
    for problem in &comparison.problems {
        bidi_label(
            ui,
            engine,
            &tr!("agreement-left-out", problem = problem),
            Some(ui.visuals().warn_fg_color),
        );
    }
    for (name, count) in &comparison.orphaned {
        bidi_label(
            ui,
            engine,
            &tr!("spantab-orphaned", count = *count, name = name_arg(name)),
            Some(ui.visuals().weak_text_color()),
        );
    }
    if context.team_mode {
        let color = ui.visuals().warn_fg_color;
        t::colored_label(ui, tr!("compare-team-mode-on"), Some(color));
    } else {
        let gold_name = context
            .session
            .and_then(|s| s.annotations.sidecar_path.as_ref())
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        bidi_label(
            ui,
            engine,
            &tr!("compare-decisions-go-into", file = name_arg(&gold_name)),
            Some(ui.visuals().weak_text_color()),
        );
    }
    ui.add_enabled_ui(!context.team_mode, |ui| {
        wrapped_row(ui, |ui| {
            for (index, name) in comparison.annotators.iter().enumerate() {
                if bidi_small_button(
                    ui,
                    engine,
                    &tr!("spantab-accept-all-from", name = name_arg(name)),
                )
                .clicked()
                {
                    commands.push(Command::AdjudicateSpan(SpanAdjudication {
                        unit: None,
                        choice: SpanChoice::Take(index),
                    }));
                }
            }
            if ui.button(tx(tr!("spantab-merge-all"))).clicked() {
                commands.push(Command::AdjudicateSpan(SpanAdjudication {
                    unit: None,
                    choice: SpanChoice::Merge,
                }));
            }
        });
    });
}

/// The Compare window's Spans view.
pub(super) fn span_view_ui(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    view: &mut SpanView,
    context: &SpanViewContext<'_>,
    commands: &mut Vec<Command>,
) {
    span_header_ui(ui, engine, &view.comparison, context, commands);
    ui.separator();
    let scheme = context.session.map_or_else(LabelScheme::news_default, |s| {
        s.annotations.store().scheme().clone()
    });
    let gold = context
        .session
        .map(|s| gold_spans(s.annotations.store()))
        .unwrap_or_default();
    let document = context.session.map(|s| &s.document);
    let mut clicked_unit = None;
    let scroll = std::mem::take(&mut view.scroll);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (index, unit) in view.comparison.units.iter().enumerate() {
                if context.only_disagreements && unit.disagreement.is_none() {
                    continue;
                }
                let current = view.current == Some(index);
                let frame = egui::Frame::group(ui.style()).stroke(if current {
                    ui.visuals().selection.stroke
                } else {
                    ui.visuals().widgets.noninteractive.bg_stroke
                });
                let response = frame
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        let unit_view = UnitView {
                            view,
                            unit,
                            index,
                            document,
                            scheme: &scheme,
                            gold: &gold,
                            team_mode: context.team_mode,
                        };
                        if unit_view.ui(ui, engine, commands) {
                            clicked_unit = Some(index);
                        }
                    })
                    .response;
                if current && scroll {
                    response.scroll_to_me(Some(egui::Align::Center));
                }
            }
        });
    if let Some(index) = clicked_unit {
        view.current = Some(index);
    }
}

/// One unit in the Spans view.
struct UnitView<'a> {
    view: &'a SpanView,
    unit: &'a SpanUnit,
    index: usize,
    document: Option<&'a Document>,
    scheme: &'a LabelScheme,
    gold: &'a [Span],
    team_mode: bool,
}

impl UnitView<'_> {
    /// Shows the unit; true when its heading was clicked (it becomes the current one).
    fn ui(&self, ui: &mut egui::Ui, engine: &mut TextEngine, commands: &mut Vec<Command>) -> bool {
        let unit = self.unit;
        let number = unit.paragraph + 1;
        let heading = match unit.disagreement {
            Some(kind) => tr!(
                "spantab-unit-disagreement",
                number = number,
                kind = disagreement_key(kind)
            ),
            None => tr!("spantab-unit-agreed", number = number),
        };
        let current = self.view.current == Some(self.index);
        let response = if t::needs_bidi(&heading) {
            ui.selectable_label(current, tx(heading))
        } else {
            let mut text = egui::RichText::new(heading).strong();
            if unit.disagreement.is_some() {
                text = text.color(ui.visuals().warn_fg_color);
            }
            ui.selectable_label(current, text)
        };
        let picked = t::hover(response, tr!("spantab-unit-tip")).clicked();
        let excerpt = self.excerpt();
        let gold: Vec<Span> = self
            .gold
            .iter()
            .filter(|s| s.paragraph == unit.paragraph && s.start < unit.end && unit.start < s.end)
            .cloned()
            .collect();
        t::table(
            ui,
            ("span-unit", self.index),
            false,
            egui::vec2(12.0, 4.0),
            |table| {
                for (annotator, name) in self.view.comparison.annotators.iter().enumerate() {
                    let version = unit.versions.get(annotator).map_or(&[][..], Vec::as_slice);
                    table.cell(|ui| bidi_label(ui, engine, name, None));
                    self.version_ui(table, engine, excerpt, version);
                    let chosen = !gold.is_empty() && gold == version;
                    let caption = if chosen {
                        tr!("compare-chosen", name = name_arg(name))
                    } else {
                        tr!("compare-take", name = name_arg(name))
                    };
                    table.cell(|ui| {
                        ui.add_enabled_ui(!self.team_mode, |ui| {
                            if bidi_small_button(ui, engine, &caption).clicked() {
                                commands.push(Command::AdjudicateSpan(SpanAdjudication {
                                    unit: Some(self.index),
                                    choice: SpanChoice::Take(annotator),
                                }));
                            }
                        })
                    });
                    table.end_row();
                }
                table.cell(|ui| strong(ui, engine, tr!("compare-column-gold")));
                self.version_ui(table, engine, excerpt, &gold);
                if unit.disagreement.is_some() {
                    table.cell(|ui| {
                        ui.add_enabled_ui(!self.team_mode, |ui| {
                            if ui.button(tx(tr!("compare-merge"))).clicked() {
                                commands.push(Command::AdjudicateSpan(SpanAdjudication {
                                    unit: Some(self.index),
                                    choice: SpanChoice::Merge,
                                }));
                            }
                        })
                    });
                }
                table.end_row();
            },
        );
        picked
    }

    /// The unit's stretch of text with a little context on each side, within its
    /// paragraph: code points `(from, to)` of the article text.
    fn excerpt(&self) -> Option<(u64, u64)> {
        let document = self.document?;
        let paragraph = document.paragraphs.get(self.unit.paragraph)?;
        let before = document.text.get(..paragraph.byte_range.start)?;
        let first = before.chars().count() as u64;
        let length = document
            .text
            .get(paragraph.byte_range.clone())?
            .chars()
            .count() as u64;
        let last = first.saturating_add(length);
        Some((
            self.unit.start.saturating_sub(CONTEXT).max(first),
            self.unit.end.saturating_add(CONTEXT).min(last),
        ))
    }

    /// One version: the excerpt with its spans marked in their labels' colours, and the
    /// labels; or "(nothing)".
    fn version_ui(
        &self,
        table: &mut t::Table<'_>,
        engine: &mut TextEngine,
        excerpt: Option<(u64, u64)>,
        spans: &[Span],
    ) {
        let looks: Vec<(String, Color32)> = spans
            .iter()
            .map(|s| label_look(self.scheme, &self.view.comparison, &s.label))
            .collect();
        if let (Some(document), Some((from, to))) = (self.document, excerpt) {
            let text = self.view.quote(document, from, to);
            let offset = |c: u64| self.view.quote(document, from, c.clamp(from, to)).len();
            let marks: Vec<(std::ops::Range<usize>, Color32)> = spans
                .iter()
                .zip(&looks)
                .map(|(s, (_, color))| (offset(s.start)..offset(s.end), *color))
                .collect();
            table.cell(|ui| marked_text(ui, engine, text, EXCERPT_WIDTH, &marks));
        } else {
            table.cell(|ui| ui.label(""));
        }
        table.cell(|ui| {
            wrapped_row(ui, |ui| {
                if spans.is_empty() {
                    t::weak_label(ui, tr!("spantab-nothing"));
                }
                for (name, color) in &looks {
                    chip(ui, engine, name, *color, true, false);
                }
            })
        });
    }
}

/// Code points of context shown on each side of a unit.
const CONTEXT: u64 = 40;
/// Width of a unit's excerpt, in points.
const EXCERPT_WIDTH: f32 = 480.0;

/// `text` wrapped to `width`, with byte ranges `marks` of it painted behind the glyphs in
/// their colours (each annotator's spans on the Arabic text).
fn marked_text(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    text: &str,
    width: f32,
    marks: &[(std::ops::Range<usize>, Color32)],
) {
    let style = ui_style(ReadingFace::default(), false);
    let metrics = engine.measure_label(text, &style, Fit::Wrap(width));
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(width, metrics.size.y), egui::Sense::hover());
    if ui.is_rect_visible(rect) {
        // Arabic starts at the right.
        let x = if metrics.rtl {
            rect.right() - metrics.size.x
        } else {
            rect.left()
        };
        let origin = egui::pos2(x, rect.top());
        for (range, color) in marks {
            for mark in engine.label_ranges(text, &style, Fit::Wrap(width), range.clone()) {
                ui.painter().rect_filled(
                    mark.translate(origin.to_vec2()),
                    egui::CornerRadius::same(2),
                    color.gamma_multiply(0.5),
                );
            }
        }
        engine.paint_label(
            ui.painter(),
            text,
            &style,
            Fit::Wrap(width),
            origin,
            ui.visuals().text_color(),
        );
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
}

impl Workspace {
    /// Carries out a span decision from the Compare window on the open (gold) sidecar, as
    /// one undo step.
    pub(super) fn adjudicate_spans(
        &mut self,
        comparison: &SpanComparison,
        decision: SpanAdjudication,
    ) {
        if self.settings.team_mode {
            self.message = Some(tr!("compare-team-mode-on"));
            return;
        }
        let Some(session) = &mut self.session else {
            return;
        };
        let gold = gold_spans(session.annotations.store());
        let decisions = match decision.unit {
            Some(unit) => comparison
                .units
                .get(unit)
                .map(|u| u.decide(decision.choice, &gold))
                .unwrap_or_default(),
            None => comparison.decide_all(decision.choice, &gold),
        };
        if decisions.is_empty() {
            return;
        }
        let scheme = session.annotations.store().scheme();
        let mut missing: Vec<Label> = Vec::new();
        for id in decisions.iter().flat_map(|d| &d.labels) {
            if scheme.label(id).is_none() && !missing.iter().any(|l| l.id == *id) {
                missing.push(comparison.label(id).cloned().unwrap_or_else(|| Label {
                    id: id.clone(),
                    name: id.clone(),
                    color: "#888888".to_owned(),
                    shortcut: None,
                    description: String::new(),
                }));
            }
        }
        let mut edits = Vec::new();
        if !missing.is_empty() {
            let mut extended = scheme.clone();
            extended.labels.extend(missing);
            edits.push(Edit::SetScheme(extended));
        }
        edits.push(Edit::SetSpanLabels {
            spans: decisions,
            relations: comparison.relations_for(decision.choice, decision.unit),
        });
        for edit in edits {
            if let Err(error) = session.annotations.apply(&session.document, edit) {
                self.message = Some(error.to_string());
                return;
            }
        }
    }
}
