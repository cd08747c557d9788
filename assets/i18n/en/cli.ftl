## The command line: errors, summaries and progress lines of the headless commands.
## Printed after "hashiya: " on standard error, or on standard output for summaries.
## Machine-readable output (JSON, CSV, CoNLL, paths) never comes from here.

cli-list-separator = {", "}
cli-csv-needs-span-level = --csv writes span-level figures: add --level span
cli-unknown-encoding = unknown encoding { $label }
cli-skipped = skipped: { $error }
cli-cancelled = cancelled
cli-not-a-folder = not a folder: { $path }
cli-could-not-open-window = could not open the window: { $error }
cli-window-not-made = could not open the window (the reason is in the message above)

## export

cli-no-annotations-files-under = no annotations files (<article>.annotations.json or <article>.annotations.<name>.json) under { $path }
cli-could-not-write-export = could not write the export ({ $error }): { $path }
cli-brat-text-exists = a different file is already there; brat's text file is not overwritten: { $path }
cli-brat-needs-out-file = the brat offsets count in the article's text, which is not a UTF-8 .txt file holding exactly it; give --out FILE.ann so the text can be written beside it: { $path }
cli-brat-needs-out-folder = brat export of several articles or sidecars writes a .ann and a .txt for each: give --out FOLDER
cli-could-not-create-folder = could not create the folder ({ $error }): { $path }
cli-brat-same-name = two articles would both be written as { $name }.ann; export them to separate folders: { $path }

## import

cli-imported = imported { $passages } passages and { $relations } relations into { $path }
cli-labels-added = added to the label scheme: { $labels }

## import-bundle

cli-reading-bundle = reading { $path } ({ $number }/{ $count })
cli-skipped-article = skipped article { $number } ({ $reason }): { $path }
cli-articles-written = { $count } articles written, listed in { $path }
cli-bundles-failed = { $failed } of { $count } files gave no article (see above)

## agreement

cli-agreement-needs-two = agreement needs at least two annotators' sidecars (<article>.annotations.<name>.json) for the same article: { $path }
cli-gamma-progress = γ: { $percent }%
cli-could-not-write-csv = could not write the CSV ({ $error }): { $path }

## merge-sidecar and git-setup

cli-cannot-merge = cannot merge { $path }: { $error }
cli-merge-conflicts = { $path }: { $count } annotation field(s) were changed on both sides; the later edit was kept and the other value is listed under "conflicts"
cli-no-program-path = cannot find the path of this program: { $error }
cli-gitattributes-updated = updated { $path } (commit it, so every clone merges annotations by annotation)
cli-gitattributes-set-up = { $path } already set up
cli-git-config-set-up = git configuration already set up
cli-git-config-set = set { $keys } in this clone's git configuration (run hashiya git-setup in every clone)

## --install-desktop and --uninstall-desktop

cli-installed-for-all-users = Hashiya is already installed for all users (a package installed { $path }): its launcher entry, icons and file types need no --install-desktop. Installing an entry for you alone anyway, running { $program }; --uninstall-desktop removes it.
cli-installed = installed { $path }
cli-changed = changed { $path }
cli-default-for = Hashiya is the default application for { $types }; --uninstall-desktop restores the previous defaults.
cli-offered-for = Hashiya is offered for .txt, .md, .html and .docx files (Open With); no default application was changed. To make it the default: hashiya --install-desktop --default-for txt,md
cli-nothing-to-remove = nothing to remove under { $path }
cli-removed = removed or restored { $path }

## agreement: the text table (`hashiya agreement FOLDER` without --json)

cli-list-separator-strong = {"; "}
cli-agreement-heading = Agreement over { $articles } article(s) annotated by { $count } annotator(s): { $names }
cli-agreement-column-label = label
cli-agreement-column-items = items
cli-agreement-column-cohen = Cohen κ
cli-agreement-column-fleiss = Fleiss κ
cli-agreement-column-krippendorff = Krippendorff α
cli-agreement-all-labels = all labels
cli-agreement-annotations = Annotations: { $totals }.
cli-agreement-annotator-counts = { $name }: { $counts }
cli-agreement-article = { $path }: { $counts }
cli-agreement-article-not-measured = { $path } (not measured): { $counts }
cli-span-heading = Span agreement over { $articles } article(s) annotated by { $count } annotator(s): { $names }
cli-span-sampling = γ: { $samples } sampled continua per article and label, seed { $seed }
cli-span-column-spans = spans
cli-span-column-exact-f1 = exact F1
cli-span-column-partial-f1 = partial F1
cli-span-column-type-f1 = type F1
cli-span-pairs = Pairs (reference → compared): exact / partial / type F1
cli-span-pair = { $reference } → { $other } ({ $articles } article(s)): { $exact } / { $partial } / { $type }
cli-span-alpha-u-articles = αU over the folder pools the { $count } article(s) every annotator covered.
cli-span-annotations = Passage annotations: { $totals }.
cli-span-whole-paragraph = { $count } whole-paragraph left out
cli-span-not-measured = { $path } (not measured)

## --help: the command line's own help (clap), and what clap writes around it

cli-help-about = Read and annotate Arabic news articles, right-to-left, with JSON sidecars
cli-help-paths = Article to open (.txt, .md, .html, .docx, .rtf; .pdf is experimental: its text layer is read with Poppler's pdftotext and repaired for Arabic), or a folder of articles to list. Without one, a bundled sample article opens. When several are given (as a file manager may), the first is opened
cli-help-install-desktop = Install the launcher entry and icon for this user and offer Hashiya for .txt, .md, .html and .docx files ("Open With"). Default applications are left as they are
cli-help-default-for = With --install-desktop: also make Hashiya the default application for these types (comma-separated: txt, md, html, docx). The defaults replaced are recorded, and --uninstall-desktop restores them
cli-help-uninstall-desktop = Remove what --install-desktop installed
cli-help-builtin-dialogs = Open, save and export through Hashiya's own file dialog instead of the desktop's (for desktops whose dialog is broken; where there is none, Hashiya's is used anyway). View > Use Hashiya's File Dialogs keeps this choice
cli-help-info-about = Print what Hashiya reads from an article, as JSON: format, encoding, title, number of paragraphs, language (ar, fa or ur) and the typeface it is read in by default
cli-help-info-file = The article file
cli-help-info-encoding = Decode with this encoding (a label such as `windows-1256`) instead of detecting it
cli-help-export-about = Export the annotations of one or more articles (read from their sidecars, re-anchored to the articles' current text)
cli-help-export-long-about =
    Export the annotations of one or more articles (read from their sidecars, re-anchored to the articles' current text).
    
    The entity formats (conll, wojood, brat, spacy) write the passages' labels as entity types. conll is IOB2 with the outermost entities only; use wojood for nested ones.
cli-help-export-format = Output format
cli-help-export-format-csv = CSV in UTF-8 with a byte order mark
cli-help-export-format-jsonl = JSON Lines, one annotation per line
cli-help-export-format-w3c = W3C Web Annotation collection (JSON-LD); relations target their two passages
cli-help-export-format-conll = CoNLL IOB2, `token TAG` per line, a blank line between paragraphs. Outermost entities only (where two cross, the one starting first): use wojood for nesting
cli-help-export-format-wojood = Wojood nested format: `token TAG TAG …`, one tag per nesting level, outer to inner
cli-help-export-format-brat = brat standoff: .ann with T and R lines, code-point offsets into the article's text
cli-help-export-format-spacy = spaCy-style JSON Lines, one object per paragraph with spans and relations
cli-help-export-out = Write here instead of standard output. For brat: the .ann file of one article (its text file, when one is needed, goes beside it with the extension .txt), or a folder that receives a .ann and a .txt for each article and annotator
cli-help-export-articles = Article files, or folders of articles, whose annotations to export (every sidecar: the article's own and each annotator's)
cli-help-import-about = Import entities (and brat relations) into an article's annotations, all or nothing: any line that does not fit the article is reported and nothing is changed
cli-help-import-format = Format of FILE
cli-help-import-format-brat = brat standoff .ann (T and R lines, and `AnnotatorNotes` comments)
cli-help-import-format-conll = CoNLL IOB2 (`token TAG`), or Wojood's nested form (`token TAG TAG …`)
cli-help-import-annotator = Import into this annotator's Team Mode sidecar (`<article>.annotations.<name>.json`) instead of the article's own
cli-help-import-article = The article the file annotates
cli-help-import-file = The file to import (brat .ann, or CoNLL / Wojood)
cli-help-agreement-about = Measure agreement between annotators over a folder: paragraph-level, per label and overall (Cohen's κ for two annotators, Fleiss' κ, Krippendorff's α)
cli-help-agreement-long-about =
    Measure agreement between annotators over a folder: paragraph-level, per label and overall (Cohen's κ for two annotators, Fleiss' κ, Krippendorff's α).
    
    With --level span: span-level agreement over passage annotations, per label and overall (span F1 exact / partial / type between each pair of annotators, γ, and Krippendorff's αU).
cli-help-agreement-folder = The folder of articles with annotators' sidecars (`<article>.annotations.<name>.json`)
cli-help-agreement-json = Print JSON instead of a table
cli-help-agreement-level = What is compared: paragraph labels, or spans (passage annotations)
cli-help-agreement-level-paragraph = Paragraph labels (Cohen's κ, Fleiss' κ, Krippendorff's α)
cli-help-agreement-level-span = Spans: passage annotations (span F1, γ, αU)
cli-help-agreement-csv = With --level span: also write the per-article figures to this CSV file
cli-help-agreement-seed = With --level span: seed of γ's sampled continua
cli-help-agreement-samples = With --level span: sampled continua for γ's expected disorder
cli-help-import-bundle-about = Split bundles exported from news databases (Nexis Uni DOCX, older Nexis TXT/RTF, Factiva HTML/RTF) into one UTF-8 .txt article each in FOLDER, named <date>_<source>_<title>.txt, with FOLDER/articles.csv listing them and each article's metadata in its annotations file. Nothing in FOLDER is overwritten: a name that exists gets a suffix
cli-help-import-bundle-files = The exported files
cli-help-import-bundle-out = The folder to write to (created if needed)
cli-help-layout-about = Show how an article is laid out, for checking bidirectional text (a diagnostic)
cli-help-layout-long-about =
    Show how an article is laid out, for checking bidirectional text (a diagnostic).
    
    With --visual, each paragraph is printed unwrapped on one line with its characters in the order they stand on screen from left to right. The order is read back from the glyphs as laid out and drawn (each glyph cluster gives its characters), not from a separate bidi computation; brackets and other mirrored characters are printed as the mirror image that is drawn, and bidi control characters (LRM, RLM, ALM, embeddings, overrides, isolates) are left out. Only the fonts embedded in Hashiya are used, so the output is the same on every machine.
cli-help-layout-visual = Print each paragraph in visual (on-screen, left-to-right) order
cli-help-layout-file = The article file
cli-help-layout-encoding = Decode with this encoding (a label such as `windows-1256`) instead of detecting it
cli-help-merge-sidecar-about = Merge three versions of an annotations file, as git's merge driver (`%O %A %B %P`): by annotation, both sides' additions kept and deletions honoured. Where both changed the same field of one annotation, the later edit wins and the other value is kept in the file's `conflicts` list. The result is written to OURS; the exit status is non-zero, with OURS untouched, only when an input is not a readable annotations file. `hashiya git-setup` registers it
cli-help-merge-sidecar-base = The common ancestor (git's %O; may be empty)
cli-help-merge-sidecar-ours = Our version, replaced by the merge (git's %A)
cli-help-merge-sidecar-theirs = Their version (git's %B)
cli-help-merge-sidecar-path = The file's path in the repository, for messages (git's %P)
cli-help-git-setup-about = Set up the git repository holding FOLDER (default: the current folder) for annotations: `.gitattributes` lines for `*.annotations.json` and `*.annotations.*.json`, and the merge driver and diff text conversion in the repository's configuration. Run it in every clone; running it again changes nothing
cli-help-git-setup-folder = A folder inside the git work tree
cli-help-show-sidecar-about = Print an annotations file one line per annotation (paragraph, labels, note, quote), as `git diff` shows it once `hashiya git-setup` has run
cli-help-show-sidecar-file = The annotations file
cli-help-package-files-about = Write the manual pages and the bash, zsh and fish completions into a folder (for building a package; see `scripts/build-deb`)
cli-help-package-files-dir = The folder to write `man/` and `completions/` into
cli-help-usage = Usage:
cli-help-heading-commands = Commands:
cli-help-heading-arguments = Arguments:
cli-help-heading-options = Options:
cli-help-help-subcommand = Print this message or the help of the given subcommand(s)
cli-help-help-flag-long = Print help (see a summary with '-h')
cli-help-help-flag-short = Print help (see more with '--help')
cli-help-help-for = Print help for the subcommand(s)
cli-help-help-flag = Print help
cli-help-version-flag = Print version
cli-help-possible-values = Possible values:
cli-help-possible-values-inline = {"[possible values: "}
cli-help-default = {"[default: "}

## Parsing errors. The English interface prints clap's own text; these say the same.
cli-parse-error = error: { $detail }
cli-parse-unexpected-argument = unexpected argument '{ $arg }' found
cli-parse-value-missing = a value is required for '{ $arg }' but none was supplied
cli-parse-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-parse-unexpected-value = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
cli-parse-unrecognized-subcommand = unrecognized subcommand '{ $name }'
cli-parse-missing-arguments = the following required arguments were not provided:
cli-parse-argument-repeated = the argument '{ $arg }' cannot be used multiple times
cli-parse-argument-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
cli-parse-argument-conflict-others = the argument '{ $arg }' cannot be used with one or more of the other specified arguments
cli-parse-invalid-utf8 = invalid UTF-8 was detected in one or more arguments
cli-parse-tip = tip: { $tip }
cli-parse-tip-similar-subcommand = { PLURAL($count) ->
    [one] a similar subcommand exists: { $names }
   *[other] some similar subcommands exist: { $names }
}
cli-parse-tip-similar-argument = { PLURAL($count) ->
    [one] a similar argument exists: { $names }
   *[other] some similar arguments exist: { $names }
}
cli-parse-tip-similar-value = { PLURAL($count) ->
    [one] a similar value exists: { $names }
   *[other] some similar values exist: { $names }
}
cli-parse-tip-as-value = to pass '{ $arg }' as a value, use '{ $instead }'
cli-parse-tip-remove-dashes = subcommand '{ $name }' exists; to use it, remove the '--' before it
cli-parse-tip-exists = '{ $name }' exists
cli-parse-more-information = For more information, try '{ $flag }'.
