## The main window: menu bar, status bar, Annotator Name, Keyboard Shortcuts

menu-file = File
menu-edit = Edit
menu-corpus = Corpus
menu-view = View
menu-help = Help
menu-open-recent = Open Recent
menu-no-recent-files = No recent files
menu-clear-recent-files = Clear Recent Files
menu-export-annotations = Export Annotations
export-csv = CSV (spreadsheets)…
export-jsonl = JSON Lines…
export-w3c = W3C Web Annotation…
export-conll = CoNLL IOB2 (outermost entities)…
export-wojood = Wojood nested CoNLL…
export-brat = brat standoff (.ann)…
export-spacy = spaCy JSON Lines…
menu-team-mode = Team Mode
menu-team-mode-tip = Keep your annotations in your own file next to the article (<article>.annotations.<your name>.json)
menu-typeface-for = Typeface for { $language ->
        [fa] Persian
        [ur] Urdu
       *[ar] Arabic
    } articles
menu-typeface-amiri = Amiri (for vowelled text)
menu-line-spacing = Line spacing
menu-theme = Theme
menu-theme-light = Light
menu-theme-dark = Dark
menu-encoding = Encoding
menu-language = Language
menu-digits = Digits
menu-digits-automatic = As the language writes them
menu-digits-western = Western (0123456789)
menu-digits-arabic-indic = Arabic-Indic (٠١٢٣٤٥٦٧٨٩)
menu-digits-persian = Persian (۰۱۲۳۴۵۶۷۸۹)
menu-builtin-dialogs = Use Hashiya's File Dialogs
menu-builtin-dialogs-tip = Open, save and export with Hashiya's own dialog instead of the desktop's (which it replaces anyway when the desktop has none)
menu-reopen-with-encoding = Reopen with encoding
menu-detect-encoding = Detect automatically ({ $encoding })
encoding-not-applicable = Word, RTF and PDF files say how their text is encoded, so no other encoding applies.

language-name = { $language ->
        [fa] Persian
        [ur] Urdu
       *[ar] Arabic
    }
status-opening = Opening { $path }
status-no-article = No article open
format-plain-text = plain text
status-language-tip = Language detected from the article's letters; read in { $face }
status-encoding-chosen = { $encoding } (chosen)
status-paragraph-of = Paragraph { $number } of { $count }
status-paragraphs = { PLURAL($count) ->
        [one] { $count } paragraph
       *[other] { $count } paragraphs
    }
status-points = { $size } pt
status-annotations = Annotations: { $state }
save-saved = saved
save-unsaved = unsaved changes
save-saving = saving…
save-failed = not saved: error

author-window-title = Annotator Name
author-field-name = Annotator name
author-explanation = Recorded as the author of new annotations.
author-placeholder = Your name
button-done = Done
drop-to-open = Drop to open the article

# Counts used by tests of the plural rules.
articles-count = { PLURAL($count) ->
        [one] { $count } article
       *[other] { $count } articles
    }

## The annotations of the open article: re-anchoring, merging the file on disk, saving

session-reattached = { $count } annotation(s) re-attached to the edited article
session-reattached-fuzzy = { $count } annotation(s) re-attached to the edited article ({ $fuzzy } by a close match)
session-orphaned = { $count } could not be placed and are kept as orphans in the Annotations panel
session-sentence = { $parts }.
session-repaired-ids = { $count } annotation(s) shared an id with another one and were given their own, so that editing one no longer changes or deletes the other.
session-kept-copy = { $text } The annotations file as it was is kept at { $path }.
session-merge-new = new
session-merge-changed = changed
session-merge-new-and-changed = { $added } new, { $updated } changed
session-merge-came-in = { PLURAL($count) ->
        [one] { $count } annotation came in from disk ({ $detail })
       *[other] { $count } annotations came in from disk ({ $detail })
    }
session-merge-removed = { PLURAL($count) ->
        [one] { $count } annotation removed there
       *[other] { $count } annotations removed there
    }
session-merge-conflicts = { PLURAL($count) ->
        [one] { $count } conflict kept in the panel
       *[other] { $count } conflicts kept in the panel
    }
session-no-file = not saved: the article has no file
session-unavailable = annotations unavailable
session-rewritten = The annotations file was deleted by another program; it is being written again: { $path }
session-not-saving = Not saving, to protect the other copy: { $error }
