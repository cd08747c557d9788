## Team windows: Compare Annotators (paragraphs and spans), Agreement (paragraph and Span
## tabs, orphaned annotations), and the article overview (filter, strip, statistics)

compare-list-separator = {", "}
compare-list-separator-strong = {"; "}

## Compare Annotators

compare-window-title = Compare Annotators
compare-needs-two = Comparing needs two annotators' files next to the article (<article>.annotations.<name>.json); found { $count }.
compare-look-again = Look again
compare-paragraphs = Paragraphs
compare-spans = Spans
compare-only-disagreements = Only disagreements
compare-reload-files = Reload files
compare-summary = { $count } annotators: { $names }. { $paragraphs } paragraphs labelled, { $disagreements } with disagreement.
compare-annotations = Annotations: { $list }.
compare-annotator-counts = { $name }: { $counts }
compare-counted = { $count } counted
compare-orphaned = { $count } orphaned
compare-unreadable = { PLURAL($count) ->
        [one] { $count } unreadable file
       *[other] { $count } unreadable files
    }
compare-unpaired = { $count } without a second annotator
compare-orphaned-header = { $count } orphaned (not placeable in the current text; left out of the comparison)
compare-orphan-of = { $name }: { $orphan }
compare-team-mode-on = Team Mode is on, so the open file is your own. Turn it off (Corpus menu) to adjudicate into the article's shared sidecar.
compare-decisions-go-into = Decisions go into { $file } (undo with Ctrl+Z).
compare-accept-all-from = Accept all from { $name }
compare-merge-all = Merge all
compare-merge-all-tip = Every label any annotator gave
compare-column-paragraph = Paragraph
compare-column-gold = Gold
compare-column-decide = Decide
compare-paragraph-heading = ¶ { $number }
compare-paragraph-disagreement = ¶ { $number } · disagreement
compare-passages-kept = { PLURAL($count) ->
        [one] + { $count } passage annotation (kept)
       *[other] + { $count } passage annotations (kept)
    }
compare-chosen = { $name } (chosen)
compare-take = Take { $name }
compare-merge = Merge

## Agreement: paragraph tab

agreement-window-title = Agreement
agreement-measuring = Measuring agreement over the folder…
agreement-measure-again = Measure again
agreement-summary = Paragraph-level agreement over { $articles } article(s) annotated by { $count } annotator(s): { $names }
agreement-left-out = Left out: { $problem }
agreement-no-pairs = No article has two annotators' files yet (<article>.annotations.<name>.json; see Team Mode).
agreement-column-label = Label
agreement-column-items = Items
agreement-column-cohen = Cohen's kappa
agreement-column-fleiss = Fleiss' kappa
agreement-column-krippendorff = Krippendorff's alpha
agreement-all-labels = all labels
agreement-explanation = Items: paragraphs rated by at least two annotators. Cohen's kappa needs exactly two annotators; Fleiss' kappa uses paragraphs every annotator rated; Krippendorff's alpha allows missing ratings.
agreement-no-variation = no variation: every item had the same value, so the measure is undefined
agreement-no-items = no items: no paragraph was rated by enough annotators
agreement-single-annotator = a single annotator: there is nobody to agree with
agreement-not-two-annotators = Cohen's κ compares exactly two annotators
# What a mark after "—" in a table means.
agreement-reason = —{ $mark }: { $reason }
agreement-no-value-mark = —{ $mark }
agreement-orphans-line = { PLURAL($count) ->
        [one] { $count } annotation left out as orphaned (not placeable in the current text) in { $articles }
       *[other] { $count } annotations left out as orphaned (not placeable in the current text) in { $articles }
    }
agreement-annotations = Annotations
agreement-open-orphans-tip = Open the article and list these orphaned annotations
agreement-per-article = Per article ({ $count })
agreement-column-article = Article
agreement-column-annotator = Annotator
agreement-column-counted = Counted
agreement-column-orphaned = Orphaned
agreement-column-unreadable = Unreadable files
agreement-column-alone = Alone
agreement-accounting-explanation = Counted: placed in the article's current text. Orphaned: could not be placed after re-anchoring, so left out. Unreadable files: left out and named above. Alone: no other annotator's file for the article.
agreement-orphans-window-title = Orphaned annotations
agreement-orphans-intro = { $count } of { $name }'s annotations of { $article } could not be placed in its current text and were left out of the agreement:

## Agreement: Span tab

spantab-progress = γ: { $done } of { $total } alignments
spantab-reading = Reading the folder's spans…
spantab-seed = Seed
spantab-samples = Samples
spantab-cancel = Cancel
spantab-cancelled = Cancelled. Measure again to start over.
spantab-summary = Span-level agreement over { $articles } article(s) annotated by { $count } annotator(s): { $names }. { $spans } span(s).
spantab-sampling = γ's expected disorder from { $samples } sampled continua, seed { $seed }.
spantab-column-exact-f1 = Exact F1
spantab-column-partial-f1 = Partial F1
spantab-column-gamma = γ
spantab-column-alpha-u = αU
spantab-cell = { $measure }, { $name }: { $value }
spantab-explanation = F1 is the mean over pairs of annotators: exact needs the same boundaries and label, partial gives half credit to overlapping ones. γ weighs positions and labels against chance; αU compares the marked stretches of text.
spantab-no-spans = no spans: nobody marked a span of this label
spantab-no-variation = no variation: the expected disagreement is zero
spantab-no-complete-articles = αU over the folder pools the articles every annotator covered, and there are none

## Compare Annotators: Spans view

spantab-units-summary = { $count } units of overlapping spans, { $disagreements } with disagreement. Alt+N / Alt+P: next / previous disagreement; Alt+1, Alt+2, Alt+3: take that annotator's version.
spantab-orphaned = { $count } of { $name }'s spans could not be placed in the current text and are left out.
spantab-accept-all-from = Accept all spans from { $name }
spantab-merge-all = Merge all spans
spantab-unit-disagreement = ¶ { $number } · { $kind ->
        [missing] missing
        [boundary] boundary
        [type] type
       *[boundary-and-type] boundary and type
    }
spantab-unit-agreed = ¶ { $number } · agreed
spantab-unit-tip = Make this the current unit (Alt+1, Alt+2, Alt+3 take a version)
spantab-nothing = (nothing)

## Article overview

overview-strip = Annotation overview: { $count } annotated paragraphs
overview-show = Show
overview-all = all
overview-annotated = annotated
overview-label-tip = Show only paragraphs with this label
overview-annotated-paragraphs = Annotated paragraphs: { $count } of { $total }
overview-passages = Passages: { $count }
overview-orphaned = Orphaned: { $count }
