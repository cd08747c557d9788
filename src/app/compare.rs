//! Team work in the app: the Compare window (each annotator's labels per paragraph side by
//! side, disagreements marked, an adjudicator accepting one side or merging into the shared
//! "gold" sidecar; its Spans view is in [`super::spans`]) and the Agreement window (the
//! folder's agreement table, per paragraph and, in its Span tab, per span).

use std::collections::BTreeSet;
use std::path::PathBuf;

use egui::Color32;

use super::command::{AgreementLevel, Command, UiCommand, Window};
use super::span_tab::{SpanAgreementState, SpanView, SpanViewContext, span_tab_ui, span_view_ui};
use super::{Session, Workspace};
use crate::annotation::{Label, LabelScheme, TargetKind};
use crate::compare::{CompareRow, Comparison};
use crate::corpus::{Accounting, AgreementReport, NoValue, Orphan, folder_agreement};
use crate::i18n;
use crate::jobs::{Job, Poll};
use crate::session::annotations::Edit;
use crate::text::TextEngine;
use crate::tr;
use crate::ui::tr::{self as t, tx};
use crate::ui::{bidi_label, bidi_small_button, chip, in_ltr, parse_hex_color};
use std::path::Path;

/// The Compare window's state.
#[derive(Debug)]
pub struct CompareState {
    /// The annotators' labels on the open article.
    pub comparison: Comparison,
    /// Show only paragraphs (or spans) where the annotators disagree.
    pub only_disagreements: bool,
    /// Paragraph labels or spans.
    pub level: CompareLevel,
    /// The annotators' spans on the open article.
    pub spans: SpanView,
}

/// What the Compare window compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareLevel {
    /// Each paragraph's labels.
    Paragraphs,
    /// The spans (passage annotations).
    Spans,
}

/// The Agreement window's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgreementTab {
    /// Paragraph labels: κ and α.
    Paragraphs,
    /// Spans: F1, γ and αU.
    Spans,
}

/// An adjudication decision from the Compare window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Adjudication {
    /// Take `annotator`'s labels (index into the annotators) for `paragraph`.
    Take {
        /// The paragraph.
        paragraph: usize,
        /// The annotator.
        annotator: usize,
    },
    /// Take every label any annotator gave `paragraph`.
    Merge {
        /// The paragraph.
        paragraph: usize,
    },
    /// Take `annotator`'s labels for every compared paragraph.
    TakeAll {
        /// The annotator.
        annotator: usize,
    },
    /// Merge every compared paragraph.
    MergeAll,
}

/// The Agreement window's state.
#[derive(Debug)]
pub struct AgreementWindow {
    /// The folder measured.
    pub folder: PathBuf,
    /// The result, once computed.
    pub report: Option<AgreementReport>,
    /// The orphaned annotations listed: of this article, by this annotator.
    pub orphans_shown: Option<(PathBuf, String)>,
    job: Option<Job<AgreementReport>>,
    /// The tab shown.
    pub tab: AgreementTab,
    /// The Span tab.
    pub spans: SpanAgreementState,
}

impl AgreementWindow {
    /// Starts measuring agreement over `folder` in the background.
    pub fn start(ctx: &egui::Context, folder: PathBuf) -> Self {
        let mut window = Self {
            folder,
            report: None,
            orphans_shown: None,
            job: None,
            tab: AgreementTab::Paragraphs,
            spans: SpanAgreementState::default(),
        };
        window.measure(ctx, AgreementLevel::Paragraphs);
        window
    }

    /// Measures again at `level` (its tab is shown).
    pub fn measure(&mut self, ctx: &egui::Context, level: AgreementLevel) {
        match level {
            AgreementLevel::Paragraphs => {
                self.tab = AgreementTab::Paragraphs;
                self.report = None;
                self.orphans_shown = None;
                let folder = self.folder.clone();
                self.job = Some(Job::spawn(
                    "hashiya-agreement",
                    super::waker(ctx),
                    move |_| folder_agreement(&folder),
                ));
            }
            AgreementLevel::Spans { seed, samples } => {
                self.tab = AgreementTab::Spans;
                self.spans.start(ctx, self.folder.clone(), seed, samples);
            }
        }
    }

    /// Takes the result when it is ready; returns whether it is.
    pub fn poll(&mut self) -> bool {
        self.spans.poll();
        if let Some(job) = &mut self.job {
            match job.poll() {
                Poll::Ready(report) => {
                    self.report = Some(report);
                    self.job = None;
                }
                Poll::Done => self.job = None,
                Poll::Pending => {}
            }
        }
        self.report.is_some()
    }

    /// Waits for the result (for tests).
    pub fn wait(&mut self) {
        if let Some(mut job) = self.job.take() {
            self.report = job.wait();
        }
    }
}

/// A name (an annotator's, a file's) for a message: in a left-to-right interface marked so
/// that an Arabic name keeps its place in the sentence; in a right-to-left one the message
/// isolates it.
pub(super) fn name_arg(name: &str) -> String {
    if i18n::is_rtl() {
        name.to_owned()
    } else {
        in_ltr(name)
    }
}

/// Items joined as a list in the interface language (`a, b` or `a، b`).
pub(super) fn join_list(items: &[String]) -> String {
    items.join(&tr!("compare-list-separator"))
}

/// Annotator names for a sentence, each marked so that Arabic names keep their order: in a
/// right-to-left interface each name is isolated and the list runs from the right.
pub(super) fn names(annotators: &[String]) -> String {
    if i18n::is_rtl() {
        let isolated: Vec<String> = annotators
            .iter()
            .map(|n| format!("\u{2068}{n}\u{2069}"))
            .collect();
        format!("\u{200F}{}", join_list(&isolated))
    } else {
        let marked: Vec<String> = annotators.iter().map(|n| in_ltr(n)).collect();
        join_list(&marked)
    }
}

/// Bold text (a grid heading). Text with right-to-left letters or digits is laid out by
/// `engine`, in bold, since egui's own text has neither.
pub(super) fn strong(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    text: impl AsRef<str>,
) -> egui::Response {
    crate::ui::annotation_panel::strong_label(ui, engine, text.as_ref(), None)
}

/// A collapsing section whose heading may be right-to-left text. Its state is kept under
/// `id_salt`, as egui's collapsing header keeps it.
fn collapsing(
    ui: &mut egui::Ui,
    id_salt: &str,
    default_open: bool,
    heading: String,
    body: impl FnOnce(&mut egui::Ui),
) {
    if !t::needs_bidi(&heading) {
        egui::CollapsingHeader::new(heading)
            .id_salt(id_salt)
            .default_open(default_open)
            .show(ui, body);
        return;
    }
    // The arrow points toward the reading direction: left in a right-to-left interface.
    let id = ui.make_persistent_id(id_salt);
    let mut state = egui::collapsing_header::CollapsingState::load_with_default_open(
        ui.ctx(),
        id,
        default_open,
    );
    if t::collapsing_header(ui, state.openness(ui.ctx()), heading) {
        state.toggle(ui);
    }
    state.show_body_unindented(ui, |ui| {
        if i18n::is_rtl() {
            body(ui);
        } else {
            ui.indent(id_salt, body);
        }
    });
}

/// A link whose text may be right-to-left (Arabic-Indic digits): then a frameless button.
fn link(ui: &mut egui::Ui, text: String) -> egui::Response {
    if t::needs_bidi(&text) {
        ui.add(egui::Button::new(tx(text)).frame(false))
    } else {
        ui.link(text)
    }
}

/// What became of one annotator's annotations, as the windows say it: the counts that are
/// not zero (counted always).
fn describe_accounting(counts: &Accounting) -> String {
    let mut parts = vec![tr!("compare-counted", count = counts.counted)];
    if counts.orphaned > 0 {
        parts.push(tr!("compare-orphaned", count = counts.orphaned));
    }
    if counts.unreadable > 0 {
        parts.push(tr!("compare-unreadable", count = counts.unreadable));
    }
    if counts.unpaired > 0 {
        parts.push(tr!("compare-unpaired", count = counts.unpaired));
    }
    join_list(&parts)
}

/// Why a measure of the paragraph table has no value.
fn no_value_explanation(why: NoValue) -> String {
    match why {
        NoValue::NoVariation => tr!("agreement-no-variation"),
        NoValue::NoItems => tr!("agreement-no-items"),
        NoValue::SingleAnnotator => tr!("agreement-single-annotator"),
        NoValue::NotTwoAnnotators => tr!("agreement-not-two-annotators"),
    }
}

/// The line naming the articles with orphaned annotations and how many were left out, when
/// there are any (article paths relative to `folder`).
fn orphans_line(report: &AgreementReport, folder: &Path) -> Option<String> {
    let with_orphans = report.articles_with_orphans();
    if with_orphans.is_empty() {
        return None;
    }
    let articles: Vec<String> = with_orphans
        .iter()
        .map(|a| {
            a.article
                .strip_prefix(folder)
                .unwrap_or(&a.article)
                .display()
                .to_string()
        })
        .collect();
    Some(tr!(
        "agreement-orphans-line",
        count = report.orphaned(),
        articles = join_list(&articles)
    ))
}

/// A table cell with no value: "—" and the mark of the reason, which reads from the right
/// in a right-to-left interface, as the reasons' lines under the table do.
pub(super) fn no_value_mark(mark: char) -> String {
    tr!("agreement-no-value-mark", mark = mark.to_string())
}

/// What each mark after a "—" in the paragraph table means, for the marks used.
fn no_value_lines(report: &AgreementReport) -> Vec<String> {
    crate::corpus::no_value_reasons(report)
        .into_iter()
        .map(|reason| {
            tr!(
                "agreement-reason",
                mark = reason.mark().to_string(),
                reason = no_value_explanation(reason)
            )
        })
        .collect()
}

/// Labels in `scheme` order, then any others by id.
fn ordered(labels: &BTreeSet<String>, scheme: &LabelScheme) -> Vec<String> {
    let mut out: Vec<String> = scheme
        .labels
        .iter()
        .filter(|l| labels.contains(&l.id))
        .map(|l| l.id.clone())
        .collect();
    let others: Vec<String> = labels
        .iter()
        .filter(|id| scheme.label(id).is_none())
        .cloned()
        .collect();
    out.extend(others);
    out
}

/// One orphaned annotation as a line: its labels, the text it was attached to, its note.
fn orphan_line(orphan: &Orphan, label_name: &dyn Fn(&str) -> String) -> String {
    let labels: Vec<String> = orphan.labels.iter().map(|id| label_name(id)).collect();
    let quote: String = orphan.quote.chars().take(120).collect();
    // Each piece isolated, so that an Arabic quote keeps its own direction in the line.
    let mut line = format!(
        "{} — «\u{2068}{quote}\u{2069}»",
        in_ltr(&join_list(&labels))
    );
    if !orphan.note.is_empty() {
        let note: String = orphan.note.chars().take(120).collect();
        line = format!("{line} — \u{2068}{note}\u{2069}");
    }
    line
}

/// The rows of an agreement table: each label's, then the all-labels row, with the name the
/// table shows for it.
pub(super) fn named_rows<'r, R>(
    labels: &'r [R],
    overall: &'r R,
    name: fn(&R) -> &String,
) -> impl Iterator<Item = (String, &'r R)> + 'r {
    labels
        .iter()
        .map(move |row| (name(row).clone(), row))
        .chain(std::iter::once((tr!("agreement-all-labels"), overall)))
}

/// An agreement table row's first two cells: the label's name, wide enough to stay on one
/// line, and how many items were measured.
pub(super) fn name_and_items_cells(
    table: &mut t::Table<'_>,
    engine: &mut TextEngine,
    name: &str,
    items: usize,
) {
    table.cell(|ui| {
        ui.allocate_ui(egui::vec2(200.0, 20.0), |ui| {
            bidi_label(ui, engine, name, None);
        })
    });
    table.cell(|ui| t::label(ui, i18n::number(items)));
}

/// What became of each annotator's annotations in the Compare window: counted, orphaned
/// (listed), in a file that could not be read.
fn accounting_ui(ui: &mut egui::Ui, engine: &mut TextEngine, comparison: &Comparison) {
    let parts: Vec<String> = comparison
        .accounting
        .iter()
        .map(|(name, counts)| {
            tr!(
                "compare-annotator-counts",
                name = name_arg(name),
                counts = describe_accounting(counts)
            )
        })
        .collect();
    bidi_label(
        ui,
        engine,
        &tr!(
            "compare-annotations",
            list = parts.join(&tr!("compare-list-separator-strong"))
        ),
        Some(ui.visuals().weak_text_color()),
    );
    let orphaned = comparison.orphaned();
    if orphaned == 0 {
        return;
    }
    let label_name = |id: &str| {
        comparison
            .label(id)
            .map_or_else(|| id.to_owned(), |l| l.name.clone())
    };
    collapsing(
        ui,
        "compare-orphans",
        false,
        tr!("compare-orphaned-header", count = orphaned),
        |ui| {
            for (name, orphans) in &comparison.orphans {
                for orphan in orphans {
                    let line = tr!(
                        "compare-orphan-of",
                        name = name_arg(name),
                        orphan = orphan_line(orphan, &label_name)
                    );
                    bidi_label(ui, engine, &line, None);
                }
            }
        },
    );
}

/// What the user did in the Compare window this frame.
struct CompareEvents {
    decision: Option<Adjudication>,
    refresh: bool,
    only_disagreements: bool,
}

/// The gold (open) sidecar's decision on one paragraph.
struct Gold {
    /// Labels of its whole-paragraph annotation: what adjudication sets.
    labels: BTreeSet<String>,
    /// Passage annotations in the paragraph (kept as they are; not part of the decision).
    passages: usize,
}

/// What the Compare window shows.
struct CompareView<'a> {
    comparison: &'a Comparison,
    /// Gold decision of each compared row.
    gold: &'a [Gold],
    scheme: &'a LabelScheme,
    document: Option<&'a crate::document::Document>,
    team_mode: bool,
}

impl CompareView<'_> {
    /// A label's name and colour, from the gold scheme or else an annotator's.
    fn label_look(&self, id: &str) -> (String, Color32) {
        self.scheme
            .label(id)
            .or_else(|| self.comparison.label(id))
            .map_or_else(
                || (id.to_owned(), Color32::GRAY),
                |l| (l.name.clone(), parse_hex_color(&l.color)),
            )
    }

    fn header_ui(
        &self,
        ui: &mut egui::Ui,
        engine: &mut TextEngine,
        gold_name: &str,
        events: &mut CompareEvents,
    ) {
        let comparison = self.comparison;
        let summary = tr!(
            "compare-summary",
            count = comparison.annotators.len(),
            names = names(&comparison.annotators),
            paragraphs = comparison.rows.len(),
            disagreements = comparison.disagreements()
        );
        bidi_label(ui, engine, &summary, None);
        accounting_ui(ui, engine, comparison);
        if self.team_mode {
            let color = ui.visuals().warn_fg_color;
            t::colored_label(ui, tr!("compare-team-mode-on"), Some(color));
        } else {
            bidi_label(
                ui,
                engine,
                &tr!("compare-decisions-go-into", file = name_arg(gold_name)),
                Some(ui.visuals().weak_text_color()),
            );
        }
        ui.add_enabled_ui(!self.team_mode, |ui| {
            crate::ui::tr::wrapped_row(ui, |ui| {
                for (index, name) in comparison.annotators.iter().enumerate() {
                    let caption = tr!("compare-accept-all-from", name = name_arg(name));
                    if bidi_small_button(ui, engine, &caption).clicked() {
                        events.decision = Some(Adjudication::TakeAll { annotator: index });
                    }
                }
                if t::hover(
                    ui.button(tx(tr!("compare-merge-all"))),
                    tr!("compare-merge-all-tip"),
                )
                .clicked()
                {
                    events.decision = Some(Adjudication::MergeAll);
                }
            });
        });
    }

    fn grid_ui(&self, ui: &mut egui::Ui, engine: &mut TextEngine, events: &mut CompareEvents) {
        t::table(ui, "compare-grid", true, egui::vec2(12.0, 8.0), |table| {
            table.cell(|ui| strong(ui, engine, tr!("compare-column-paragraph")));
            for name in &self.comparison.annotators {
                table.cell(|ui| bidi_label(ui, engine, name, None));
            }
            table.cell(|ui| strong(ui, engine, tr!("compare-column-gold")));
            table.cell(|ui| strong(ui, engine, tr!("compare-column-decide")));
            table.end_row();
            for (row, gold) in self.comparison.rows.iter().zip(self.gold) {
                if events.only_disagreements && row.agrees() {
                    continue;
                }
                self.row_ui(table, engine, row, gold, events);
                table.end_row();
            }
        });
    }

    fn row_ui(
        &self,
        table: &mut t::Table<'_>,
        engine: &mut TextEngine,
        row: &CompareRow,
        gold: &Gold,
        events: &mut CompareEvents,
    ) {
        let agrees = row.agrees();
        let shared: BTreeSet<String> = row
            .labels
            .iter()
            .skip(1)
            .fold(row.labels[0].clone(), |acc, l| {
                acc.intersection(l).cloned().collect()
            });
        table.block_cell(|ui| {
            ui.set_max_width(260.0);
            let number = row.paragraph + 1;
            if agrees {
                strong(
                    ui,
                    engine,
                    tr!("compare-paragraph-heading", number = number),
                );
            } else {
                let color = ui.visuals().warn_fg_color;
                t::colored_label(
                    ui,
                    tr!("compare-paragraph-disagreement", number = number),
                    Some(color),
                );
            }
            let text = self
                .document
                .and_then(|d| d.paragraph_text(row.paragraph))
                .unwrap_or_default();
            let excerpt: String = if text.chars().count() > 120 {
                text.chars().take(120).chain(['…']).collect()
            } else {
                text.to_owned()
            };
            bidi_label(ui, engine, &excerpt, Some(ui.visuals().weak_text_color()));
        });
        for labels in &row.labels {
            table.block_cell(|ui| {
                for id in ordered(labels, self.scheme) {
                    let (name, color) = self.label_look(&id);
                    // Labels every annotator gave are filled; disputed ones only outlined.
                    chip(ui, engine, &name, color, shared.contains(&id), false);
                }
            });
        }
        table.block_cell(|ui| {
            for id in ordered(&gold.labels, self.scheme) {
                let (name, color) = self.label_look(&id);
                chip(ui, engine, &name, color, true, false);
            }
            if gold.passages > 0 {
                t::weak_label(ui, tr!("compare-passages-kept", count = gold.passages));
            }
        });
        table.block_cell(|ui| {
            ui.add_enabled_ui(!self.team_mode, |ui| {
                for (index, name) in self.comparison.annotators.iter().enumerate() {
                    let taken = !gold.labels.is_empty() && row.labels[index] == gold.labels;
                    let caption = if taken {
                        tr!("compare-chosen", name = name_arg(name))
                    } else {
                        tr!("compare-take", name = name_arg(name))
                    };
                    if bidi_small_button(ui, engine, &caption).clicked() {
                        events.decision = Some(Adjudication::Take {
                            paragraph: row.paragraph,
                            annotator: index,
                        });
                    }
                }
                if !agrees && ui.button(tx(tr!("compare-merge"))).clicked() {
                    events.decision = Some(Adjudication::Merge {
                        paragraph: row.paragraph,
                    });
                }
            });
        });
    }
}

/// The Compare window.
pub(super) fn compare_window_ui(
    compare: &mut CompareState,
    ctx: &egui::Context,
    engine: &mut TextEngine,
    session: Option<&Session>,
    team_mode: bool,
    commands: &mut Vec<Command>,
) {
    let mut open = true;
    let mut events = CompareEvents {
        decision: None,
        refresh: false,
        only_disagreements: compare.only_disagreements,
    };
    let mut level = compare.level;
    let spans = &mut compare.spans;
    let comparison = &compare.comparison;
    let gold_name = session
        .and_then(|s| s.annotations.sidecar_path.as_ref())
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let gold: Vec<Gold> = comparison
        .rows
        .iter()
        .map(|row| gold_of(session, row.paragraph))
        .collect();
    let scheme = session.map_or_else(LabelScheme::news_default, |s| {
        s.annotations.store().scheme().clone()
    });
    let view = CompareView {
        comparison,
        gold: &gold,
        scheme: &scheme,
        document: session.map(|s| &s.document),
        team_mode,
    };
    let frame = egui::Window::new(t::window_title(ctx, tr!("compare-window-title")))
        .default_size(egui::vec2(980.0, 620.0))
        .resizable(true);
    let id = egui::Id::unique("hashiya-compare");
    t::show_window(ctx, frame, id, &mut open, true, |ui| {
        if comparison.annotators.len() < 2 {
            t::label(
                ui,
                tr!("compare-needs-two", count = comparison.annotators.len()),
            );
            if ui.button(tx(tr!("compare-look-again"))).clicked() {
                events.refresh = true;
            }
            return;
        }
        t::row(ui, |ui| {
            ui.selectable_value(
                &mut level,
                CompareLevel::Paragraphs,
                tx(tr!("compare-paragraphs")),
            );
            ui.selectable_value(&mut level, CompareLevel::Spans, tx(tr!("compare-spans")));
            ui.separator();
            t::checkbox(
                ui,
                &mut events.only_disagreements,
                tr!("compare-only-disagreements"),
            );
            if ui.button(tx(tr!("compare-reload-files"))).clicked() {
                events.refresh = true;
            }
        });
        if level == CompareLevel::Spans {
            let context = SpanViewContext {
                session,
                team_mode,
                only_disagreements: events.only_disagreements,
            };
            span_view_ui(ui, engine, spans, &context, commands);
            return;
        }
        view.header_ui(ui, engine, &gold_name, &mut events);
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| view.grid_ui(ui, engine, &mut events));
    });
    compare.level = level;
    compare.only_disagreements = events.only_disagreements;
    if let Some(decision) = events.decision {
        commands.push(Command::Adjudicate(decision));
    }
    if events.refresh {
        commands.push(UiCommand::CompareAnnotators.into());
    }
    if !open {
        commands.push(Command::CloseWindow(Window::Compare));
    }
}

/// The Agreement window.
pub(super) fn agreement_window_ui(
    window: &mut AgreementWindow,
    ctx: &egui::Context,
    engine: &mut TextEngine,
    current: Option<&Path>,
    commands: &mut Vec<Command>,
) {
    window.poll();
    let mut open = true;
    let mut show_orphans = None;
    let folder = window.folder.clone();
    let max_height = ctx.content_rect().height() * 0.7;
    let frame =
        egui::Window::new(t::window_title(ctx, tr!("agreement-window-title"))).default_width(640.0);
    let id = egui::Id::unique("hashiya-agreement");
    t::show_window(ctx, frame, id, &mut open, true, |ui| {
        t::row(ui, |ui| {
            ui.selectable_value(
                &mut window.tab,
                AgreementTab::Paragraphs,
                tx(tr!("compare-paragraphs")),
            );
            let spans = ui.selectable_value(
                &mut window.tab,
                AgreementTab::Spans,
                tx(tr!("compare-spans")),
            );
            // The first look at the Span tab measures.
            if spans.clicked()
                && window.spans.report.is_none()
                && !window.spans.running()
                && !window.spans.cancelled
            {
                commands.push(Command::MeasureAgreement(AgreementLevel::Spans {
                    seed: window.spans.seed,
                    samples: window.spans.samples,
                }));
            }
        });
        ui.separator();
        if window.tab == AgreementTab::Spans {
            span_tab_ui(ui, engine, &mut window.spans, max_height, commands);
            return;
        }
        let Some(report) = &window.report else {
            t::row(ui, |ui| {
                ui.spinner();
                t::label(ui, tr!("agreement-measuring"));
            });
            return;
        };
        egui::ScrollArea::vertical()
            .max_height(max_height)
            .show(ui, |ui| {
                show_orphans = agreement_report_ui(ui, engine, report, &folder);
            });
        if ui.button(tx(tr!("agreement-measure-again"))).clicked() {
            commands.push(Command::MeasureAgreement(AgreementLevel::Paragraphs));
        }
    });
    if !open {
        commands.push(Command::CloseWindow(Window::Agreement));
        return;
    }
    if let Some((article, annotator)) = show_orphans {
        if current != Some(article.as_path()) {
            commands.push(Command::OpenPath(article.clone()));
        }
        window.orphans_shown = Some((article, annotator));
    }
    orphans_window_ui(window, ctx, engine);
}

/// The orphaned annotations of one annotator in one article, from the agreement report.
fn orphans_window_ui(window: &mut AgreementWindow, ctx: &egui::Context, engine: &mut TextEngine) {
    let Some((article, annotator)) = window.orphans_shown.clone() else {
        return;
    };
    let Some(report) = &window.report else {
        return;
    };
    let orphans: &[Orphan] = report
        .by_article
        .iter()
        .find(|a| a.article == article)
        .and_then(|a| a.orphans.get(&annotator))
        .map_or(&[], Vec::as_slice);
    let label_name = |id: &str| {
        report
            .labels
            .iter()
            .find(|l| l.label == id)
            .map_or_else(|| id.to_owned(), |l| l.name.clone())
    };
    let name = article
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut open = true;
    let frame = egui::Window::new(t::window_title(ctx, tr!("agreement-orphans-window-title")))
        .default_width(520.0);
    let id = egui::Id::unique("hashiya-orphaned-annotations");
    t::show_window(ctx, frame, id, &mut open, true, |ui| {
        bidi_label(
            ui,
            engine,
            &tr!(
                "agreement-orphans-intro",
                count = orphans.len(),
                name = name_arg(&annotator),
                article = name_arg(&name)
            ),
            None,
        );
        for orphan in orphans {
            bidi_label(ui, engine, &orphan_line(orphan, &label_name), None);
        }
    });
    if !open {
        window.orphans_shown = None;
    }
}

/// The open (gold) sidecar's decision on `paragraph`: the labels of its whole-paragraph
/// annotation (adjudication sets these), and how many passage annotations it also has.
fn gold_of(session: Option<&Session>, paragraph: usize) -> Gold {
    let mut gold = Gold {
        labels: BTreeSet::new(),
        passages: 0,
    };
    if let Some(session) = session {
        for annotation in session.annotations.store().for_paragraph(paragraph) {
            if annotation.target.orphaned {
                continue;
            }
            match annotation.target.kind {
                TargetKind::Paragraph => gold.labels.extend(annotation.labels.iter().cloned()),
                TargetKind::Span => gold.passages += 1,
            }
        }
    }
    gold
}

/// The agreement report in the window: the table ("—" cells say why on hover), what became
/// of each annotator's annotations in all and per article, and the reasons. Returns the
/// article and annotator whose orphans were asked for.
fn agreement_report_ui(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    report: &AgreementReport,
    folder: &std::path::Path,
) -> Option<(PathBuf, String)> {
    let summary = tr!(
        "agreement-summary",
        articles = report.articles,
        count = report.annotators.len(),
        names = names(&report.annotators)
    );
    bidi_label(ui, engine, &summary, None);
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
    let value_ui = |ui: &mut egui::Ui, v: Option<f64>, why: Option<NoValue>| match (v, why) {
        (Some(v), _) => {
            t::label(ui, i18n::number(format!("{v:.3}")));
        }
        (None, Some(why)) => {
            t::hover(
                t::label(ui, no_value_mark(why.mark())),
                no_value_explanation(why),
            );
        }
        (None, None) => {
            t::label(ui, "—");
        }
    };
    t::table(ui, "agreement-grid", true, egui::vec2(16.0, 6.0), |table| {
        for heading in [
            tr!("agreement-column-label"),
            tr!("agreement-column-items"),
            tr!("agreement-column-cohen"),
            tr!("agreement-column-fleiss"),
            tr!("agreement-column-krippendorff"),
        ] {
            table.cell(|ui| strong(ui, engine, heading));
        }
        table.end_row();
        for (name, row) in named_rows(&report.labels, &report.overall, |r| &r.name) {
            name_and_items_cells(table, engine, &name, row.items);
            table.cell(|ui| value_ui(ui, row.cohen_kappa, row.no_value.cohen_kappa));
            table.cell(|ui| value_ui(ui, row.fleiss_kappa, row.no_value.fleiss_kappa));
            table.cell(|ui| value_ui(ui, row.krippendorff_alpha, row.no_value.krippendorff_alpha));
            table.end_row();
        }
    });
    ui.add_space(6.0);
    t::label(ui, tr!("agreement-explanation"));
    ui.add_space(6.0);
    let show_orphans = accounting_grids_ui(ui, engine, report, folder);
    // The orphans line and the reasons for "—" (the totals are in the grids above).
    for line in orphans_line(report, folder)
        .into_iter()
        .chain(no_value_lines(report))
    {
        bidi_label(ui, engine, &line, Some(ui.visuals().weak_text_color()));
    }
    show_orphans
}

/// What became of each annotator's annotations, in total and per article; an orphaned
/// figure of an article is a link. Returns the article and annotator whose orphans were
/// asked for.
fn accounting_grids_ui(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    report: &AgreementReport,
    folder: &std::path::Path,
) -> Option<(PathBuf, String)> {
    let mut show_orphans = None;
    strong(ui, engine, tr!("agreement-annotations"));
    let grid_row = |table: &mut t::Table<'_>,
                    engine: &mut TextEngine,
                    article: Option<&std::path::Path>,
                    name: &str,
                    counts: &crate::corpus::Accounting|
     -> bool {
        let mut clicked = false;
        if let Some(article) = article {
            let shown = article.strip_prefix(folder).unwrap_or(article);
            // Wide enough that most paths stay on one line.
            table.cell(|ui| {
                ui.allocate_ui(egui::vec2(220.0, 20.0), |ui| {
                    // Left to right, so that folder / file keep their order with Arabic names.
                    bidi_label(ui, engine, &in_ltr(&shown.display().to_string()), None);
                })
            });
        }
        table.cell(|ui| bidi_label(ui, engine, name, None));
        table.cell(|ui| t::label(ui, i18n::number(counts.counted)));
        table.cell(|ui| {
            if counts.orphaned > 0 && article.is_some() {
                clicked = t::hover(
                    link(ui, i18n::number(counts.orphaned)),
                    tr!("agreement-open-orphans-tip"),
                )
                .clicked();
            } else {
                t::label(ui, i18n::number(counts.orphaned));
            }
        });
        table.cell(|ui| t::label(ui, i18n::number(counts.unreadable)));
        table.cell(|ui| t::label(ui, i18n::number(counts.unpaired)));
        table.end_row();
        clicked
    };
    t::table(
        ui,
        "agreement-accounting",
        true,
        egui::vec2(16.0, 4.0),
        |table| {
            accounting_headings(table, engine, None);
            for (name, counts) in &report.annotations {
                grid_row(table, engine, None, name, counts);
            }
        },
    );
    collapsing(
        ui,
        "agreement-per-article",
        !report.articles_with_orphans().is_empty(),
        tr!("agreement-per-article", count = report.by_article.len()),
        |ui| {
            t::table(
                ui,
                "agreement-accounting-articles",
                true,
                egui::vec2(16.0, 4.0),
                |table| {
                    accounting_headings(table, engine, Some(tr!("agreement-column-article")));
                    for account in &report.by_article {
                        for (name, counts) in &account.annotators {
                            if grid_row(table, engine, Some(&account.article), name, counts) {
                                show_orphans = Some((account.article.clone(), name.clone()));
                            }
                        }
                    }
                },
            );
        },
    );
    t::label(ui, tr!("agreement-accounting-explanation"));
    show_orphans
}

/// The accounting grid's headings, after an optional first column.
fn accounting_headings(table: &mut t::Table<'_>, engine: &mut TextEngine, first: Option<String>) {
    let columns = [
        tr!("agreement-column-annotator"),
        tr!("agreement-column-counted"),
        tr!("agreement-column-orphaned"),
        tr!("agreement-column-unreadable"),
        tr!("agreement-column-alone"),
    ];
    for heading in first.into_iter().chain(columns) {
        table.cell(|ui| strong(ui, engine, heading));
    }
    table.end_row();
}

impl Workspace {
    /// Carries out an adjudication decision on the open (gold) sidecar, as one undo step.
    pub(super) fn adjudicate(&mut self, comparison: &Comparison, decision: &Adjudication) {
        let rows: Vec<&CompareRow> = match decision {
            Adjudication::Take { paragraph, .. } | Adjudication::Merge { paragraph } => comparison
                .rows
                .iter()
                .filter(|r| r.paragraph == *paragraph)
                .collect(),
            Adjudication::TakeAll { .. } | Adjudication::MergeAll => {
                comparison.rows.iter().collect()
            }
        };
        let picked: Vec<(usize, BTreeSet<String>)> = rows
            .iter()
            .map(|row| {
                let labels = match decision {
                    Adjudication::Take { annotator, .. } | Adjudication::TakeAll { annotator } => {
                        row.labels.get(*annotator).cloned().unwrap_or_default()
                    }
                    Adjudication::Merge { .. } | Adjudication::MergeAll => row.union(),
                };
                (row.paragraph, labels)
            })
            .collect();
        let missing: Vec<Label> = {
            let Some(session) = &self.session else {
                return;
            };
            let scheme = session.annotations.store().scheme();
            let used: BTreeSet<&String> = picked.iter().flat_map(|(_, l)| l).collect();
            used.into_iter()
                .filter(|id| scheme.label(id).is_none())
                .map(|id| {
                    comparison.label(id).cloned().unwrap_or_else(|| Label {
                        id: id.clone(),
                        name: id.clone(),
                        color: "#888888".to_owned(),
                        shortcut: None,
                        description: String::new(),
                    })
                })
                .collect()
        };
        let Some(session) = &mut self.session else {
            return;
        };
        let mut edits = Vec::new();
        let mut order_by = session.annotations.store().scheme().clone();
        if !missing.is_empty() {
            order_by.labels.extend(missing);
            edits.push(Edit::SetScheme(order_by.clone()));
        }
        let decisions: Vec<(usize, Vec<String>)> = picked
            .into_iter()
            .map(|(paragraph, labels)| (paragraph, ordered(&labels, &order_by)))
            .collect();
        edits.push(Edit::SetParagraphLabels(decisions));
        for edit in edits {
            if let Err(error) = session.annotations.apply(&session.document, edit) {
                self.message = Some(error.to_string());
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::{self, UiLanguage};

    /// The English and Arabic files of this part have the same messages with the same
    /// variables.
    #[test]
    fn both_languages_have_the_same_messages() {
        let source = |language: UiLanguage| {
            language
                .ftl_sources()
                .iter()
                .find(|(name, _)| *name == "compare")
                .map(|(_, source)| *source)
                .unwrap()
        };
        let en = i18n::message_signatures(source(UiLanguage::English)).unwrap();
        let ar = i18n::message_signatures(source(UiLanguage::Arabic)).unwrap();
        assert!(!en.is_empty());
        assert_eq!(en, ar);
    }

    #[test]
    fn counts_take_the_plural_forms_of_each_language() {
        let kept = |language, n: usize| {
            let mut args = i18n::Args::new();
            args.set("count", i18n::arg(n));
            i18n::message_in(language, "compare-passages-kept", Some(&args))
        };
        assert_eq!(
            kept(UiLanguage::English, 1),
            "+ 1 passage annotation (kept)"
        );
        assert_eq!(
            kept(UiLanguage::English, 3),
            "+ 3 passage annotations (kept)"
        );
        assert!(kept(UiLanguage::Arabic, 1).contains("تعليق واحد"));
        assert!(kept(UiLanguage::Arabic, 2).contains("تعليقان"));
        assert!(kept(UiLanguage::Arabic, 3).contains("تعليقات"));
        assert!(kept(UiLanguage::Arabic, 11).contains("تعليقًا"));
        assert!(kept(UiLanguage::Arabic, 100).contains("تعليق على"));
    }

    #[test]
    fn the_kind_of_a_span_disagreement_is_named() {
        let heading = |language, kind: &str| {
            let mut args = i18n::Args::new();
            args.set("number", i18n::arg(3usize));
            args.set("kind", i18n::arg(kind));
            i18n::message_in(language, "spantab-unit-disagreement", Some(&args))
        };
        assert_eq!(
            heading(UiLanguage::English, "boundary-and-type"),
            "¶ 3 · boundary and type"
        );
        assert_eq!(heading(UiLanguage::English, "type"), "¶ 3 · type");
        assert!(heading(UiLanguage::Arabic, "boundary").contains("الحدود"));
    }
}
