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
use crate::corpus::{
    AgreementReport, NoValue, Orphan, folder_agreement, no_value_lines, orphans_line,
};
use crate::jobs::{Job, Poll};
use crate::session::annotations::Edit;
use crate::text::TextEngine;
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

/// Annotator names for a sentence, each marked so that Arabic names keep their order.
fn names(annotators: &[String]) -> String {
    annotators
        .iter()
        .map(|n| in_ltr(n))
        .collect::<Vec<_>>()
        .join(", ")
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
    let mut line = format!("{} — «\u{2068}{quote}\u{2069}»", in_ltr(&labels.join(", ")));
    if !orphan.note.is_empty() {
        let note: String = orphan.note.chars().take(120).collect();
        line = format!("{line} — \u{2068}{note}\u{2069}");
    }
    line
}

/// What became of each annotator's annotations in the Compare window: counted, orphaned
/// (listed), in a file that could not be read.
fn accounting_ui(ui: &mut egui::Ui, engine: &mut TextEngine, comparison: &Comparison) {
    let parts: Vec<String> = comparison
        .accounting
        .iter()
        .map(|(name, counts)| format!("{}: {}", in_ltr(name), counts.describe()))
        .collect();
    bidi_label(
        ui,
        engine,
        &format!("Annotations: {}.", parts.join("; ")),
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
    egui::CollapsingHeader::new(format!(
        "{orphaned} orphaned (not placeable in the current text; left out of the comparison)"
    ))
    .id_salt("compare-orphans")
    .show(ui, |ui| {
        for (name, orphans) in &comparison.orphans {
            for orphan in orphans {
                let line = format!("{}: {}", in_ltr(name), orphan_line(orphan, &label_name));
                bidi_label(ui, engine, &line, None);
            }
        }
    });
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
        let summary = format!(
            "{} annotators: {}. {} paragraphs labelled, {} with disagreement.",
            comparison.annotators.len(),
            names(&comparison.annotators),
            comparison.rows.len(),
            comparison.disagreements()
        );
        bidi_label(ui, engine, &summary, None);
        accounting_ui(ui, engine, comparison);
        if self.team_mode {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "Team Mode is on, so the open file is your own. Turn it off \
                 (Corpus menu) to adjudicate into the article's shared sidecar.",
            );
        } else {
            bidi_label(
                ui,
                engine,
                &format!(
                    "Decisions go into {} (undo with Ctrl+Z).",
                    in_ltr(gold_name)
                ),
                Some(ui.visuals().weak_text_color()),
            );
        }
        ui.add_enabled_ui(!self.team_mode, |ui| {
            ui.horizontal_wrapped(|ui| {
                for (index, name) in comparison.annotators.iter().enumerate() {
                    if bidi_small_button(ui, engine, &format!("Accept all from {}", in_ltr(name)))
                        .clicked()
                    {
                        events.decision = Some(Adjudication::TakeAll { annotator: index });
                    }
                }
                if ui
                    .button("Merge all")
                    .on_hover_text("Every label any annotator gave")
                    .clicked()
                {
                    events.decision = Some(Adjudication::MergeAll);
                }
            });
        });
    }

    fn grid_ui(&self, ui: &mut egui::Ui, engine: &mut TextEngine, events: &mut CompareEvents) {
        egui::Grid::new("compare-grid")
            .striped(true)
            .spacing(egui::vec2(12.0, 8.0))
            .show(ui, |ui| {
                ui.strong("Paragraph");
                for name in &self.comparison.annotators {
                    bidi_label(ui, engine, name, None);
                }
                ui.strong("Gold");
                ui.strong("Decide");
                ui.end_row();
                for (row, gold) in self.comparison.rows.iter().zip(self.gold) {
                    if events.only_disagreements && row.agrees() {
                        continue;
                    }
                    self.row_ui(ui, engine, row, gold, events);
                    ui.end_row();
                }
            });
    }

    fn row_ui(
        &self,
        ui: &mut egui::Ui,
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
        ui.vertical(|ui| {
            ui.set_max_width(260.0);
            let heading = format!("¶ {}", row.paragraph + 1);
            if agrees {
                ui.strong(heading);
            } else {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("{heading} · disagreement"),
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
            ui.vertical(|ui| {
                for id in ordered(labels, self.scheme) {
                    let (name, color) = self.label_look(&id);
                    // Labels every annotator gave are filled; disputed ones only outlined.
                    chip(ui, engine, &name, color, shared.contains(&id), false);
                }
            });
        }
        ui.vertical(|ui| {
            for id in ordered(&gold.labels, self.scheme) {
                let (name, color) = self.label_look(&id);
                chip(ui, engine, &name, color, true, false);
            }
            if gold.passages > 0 {
                ui.weak(format!(
                    "+ {} passage annotation{} (kept)",
                    gold.passages,
                    if gold.passages == 1 { "" } else { "s" }
                ));
            }
        });
        ui.add_enabled_ui(!self.team_mode, |ui| {
            ui.vertical(|ui| {
                for (index, name) in self.comparison.annotators.iter().enumerate() {
                    let taken = !gold.labels.is_empty() && row.labels[index] == gold.labels;
                    let caption = if taken {
                        format!("{} (chosen)", in_ltr(name))
                    } else {
                        format!("Take {}", in_ltr(name))
                    };
                    if bidi_small_button(ui, engine, &caption).clicked() {
                        events.decision = Some(Adjudication::Take {
                            paragraph: row.paragraph,
                            annotator: index,
                        });
                    }
                }
                if !agrees && ui.button("Merge").clicked() {
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
    egui::Window::new("Compare Annotators")
        .open(&mut open)
        .default_size(egui::vec2(980.0, 620.0))
        .resizable(true)
        .show(ctx, |ui| {
            if comparison.annotators.len() < 2 {
                ui.label(format!(
                    "Comparing needs two annotators' files next to the article \
                     (<article>.annotations.<name>.json); found {}.",
                    comparison.annotators.len()
                ));
                if ui.button("Look again").clicked() {
                    events.refresh = true;
                }
                return;
            }
            ui.horizontal(|ui| {
                ui.selectable_value(&mut level, CompareLevel::Paragraphs, "Paragraphs");
                ui.selectable_value(&mut level, CompareLevel::Spans, "Spans");
                ui.separator();
                ui.checkbox(&mut events.only_disagreements, "Only disagreements");
                if ui.button("Reload files").clicked() {
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
    egui::Window::new("Agreement")
        .open(&mut open)
        .default_width(640.0)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.selectable_value(&mut window.tab, AgreementTab::Paragraphs, "Paragraphs");
                let spans = ui.selectable_value(&mut window.tab, AgreementTab::Spans, "Spans");
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
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Measuring agreement over the folder…");
                });
                return;
            };
            egui::ScrollArea::vertical()
                .max_height(max_height)
                .show(ui, |ui| {
                    show_orphans = agreement_report_ui(ui, engine, report, &folder);
                });
            if ui.button("Measure again").clicked() {
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
    egui::Window::new("Orphaned annotations")
        .open(&mut open)
        .default_width(520.0)
        .show(ctx, |ui| {
            bidi_label(
                ui,
                engine,
                &format!(
                    "{} of {}'s annotations of {} could not be placed in its current text and were left out of the agreement:",
                    orphans.len(),
                    in_ltr(&annotator),
                    in_ltr(&name)
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
    let summary = format!(
        "Paragraph-level agreement over {} article(s) annotated by {} annotator(s): {}",
        report.articles,
        report.annotators.len(),
        names(&report.annotators)
    );
    bidi_label(ui, engine, &summary, None);
    for problem in &report.skipped {
        bidi_label(
            ui,
            engine,
            &format!("Left out: {problem}"),
            Some(ui.visuals().warn_fg_color),
        );
    }
    if report.articles == 0 {
        ui.label(
            "No article has two annotators' files yet \
             (<article>.annotations.<name>.json; see Team Mode).",
        );
    }
    let value_ui = |ui: &mut egui::Ui, v: Option<f64>, why: Option<NoValue>| match (v, why) {
        (Some(v), _) => {
            ui.label(format!("{v:.3}"));
        }
        (None, Some(why)) => {
            ui.label(format!("—{}", why.mark()))
                .on_hover_text(why.explanation());
        }
        (None, None) => {
            ui.label("—");
        }
    };
    egui::Grid::new("agreement-grid")
        .striped(true)
        .spacing(egui::vec2(16.0, 6.0))
        .show(ui, |ui| {
            ui.strong("Label");
            ui.strong("Items");
            ui.strong("Cohen's kappa");
            ui.strong("Fleiss' kappa");
            ui.strong("Krippendorff's alpha");
            ui.end_row();
            for row in report.labels.iter().chain(std::iter::once(&report.overall)) {
                // Wide enough that label names stay on one line.
                ui.allocate_ui(egui::vec2(200.0, 20.0), |ui| {
                    bidi_label(ui, engine, &row.name, None);
                });
                ui.label(row.items.to_string());
                value_ui(ui, row.cohen_kappa, row.no_value.cohen_kappa);
                value_ui(ui, row.fleiss_kappa, row.no_value.fleiss_kappa);
                value_ui(ui, row.krippendorff_alpha, row.no_value.krippendorff_alpha);
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.label(
        "Items: paragraphs rated by at least two annotators. Cohen's kappa needs \
         exactly two annotators; Fleiss' kappa uses paragraphs every annotator \
         rated; Krippendorff's alpha allows missing ratings.",
    );
    ui.add_space(6.0);
    let show_orphans = accounting_grids_ui(ui, engine, report, folder);
    // The orphans line and the reasons for "—" (the totals are in the grids above).
    for line in orphans_line(report, Some(folder))
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
    ui.strong("Annotations");
    let grid_row = |ui: &mut egui::Ui,
                    engine: &mut TextEngine,
                    article: Option<&std::path::Path>,
                    name: &str,
                    counts: &crate::corpus::Accounting|
     -> bool {
        let mut clicked = false;
        if let Some(article) = article {
            let shown = article.strip_prefix(folder).unwrap_or(article);
            // Wide enough that most paths stay on one line.
            ui.allocate_ui(egui::vec2(220.0, 20.0), |ui| {
                // Left to right, so that folder / file keep their order with Arabic names.
                bidi_label(ui, engine, &in_ltr(&shown.display().to_string()), None);
            });
        }
        bidi_label(ui, engine, name, None);
        ui.label(counts.counted.to_string());
        if counts.orphaned > 0 && article.is_some() {
            clicked = ui
                .link(counts.orphaned.to_string())
                .on_hover_text("Open the article and list these orphaned annotations")
                .clicked();
        } else {
            ui.label(counts.orphaned.to_string());
        }
        ui.label(counts.unreadable.to_string());
        ui.label(counts.unpaired.to_string());
        ui.end_row();
        clicked
    };
    egui::Grid::new("agreement-accounting")
        .striped(true)
        .spacing(egui::vec2(16.0, 4.0))
        .show(ui, |ui| {
            accounting_headings(ui, None);
            for (name, counts) in &report.annotations {
                grid_row(ui, engine, None, name, counts);
            }
        });
    egui::CollapsingHeader::new(format!("Per article ({})", report.by_article.len()))
        .id_salt("agreement-per-article")
        .default_open(!report.articles_with_orphans().is_empty())
        .show(ui, |ui| {
            egui::Grid::new("agreement-accounting-articles")
                .striped(true)
                .spacing(egui::vec2(16.0, 4.0))
                .show(ui, |ui| {
                    accounting_headings(ui, Some("Article"));
                    for account in &report.by_article {
                        for (name, counts) in &account.annotators {
                            if grid_row(ui, engine, Some(&account.article), name, counts) {
                                show_orphans = Some((account.article.clone(), name.clone()));
                            }
                        }
                    }
                });
        });
    ui.label(
        "Counted: placed in the article's current text. Orphaned: could not be placed after \
         re-anchoring, so left out. Unreadable files: left out and named above. Alone: no \
         other annotator's file for the article.",
    );
    show_orphans
}

/// The accounting grid's headings, after an optional first column.
fn accounting_headings(ui: &mut egui::Ui, first: Option<&str>) {
    let columns = [
        "Annotator",
        "Counted",
        "Orphaned",
        "Unreadable files",
        "Alone",
    ];
    for heading in first.into_iter().chain(columns) {
        ui.strong(heading);
    }
    ui.end_row();
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
