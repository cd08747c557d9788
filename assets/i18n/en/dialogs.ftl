## The window's title, its messages, the crash window, the file dialogs, the default-application
## offer and the Label Scheme window

## The window

window-title = Hashiya
window-title-article = { $title } — { $name } — Hashiya
window-sample-article = Sample article
window-empty-folder = This folder has no articles. Corpus > Open Folder… chooses another.
window-choose-article = Choose an article in the list (Ctrl+Page Down opens the first)
window-open-article-hint = Open an article with File > Open…, or drop one here
window-close = Close window
window-fold = Fold the window to its title bar
window-unfold = Unfold the window

## Messages above the article

message-dismiss = Dismiss
message-undecodable-bytes = { $count } undecodable byte sequence(s) in this { $encoding } file are shown as �: { $path }
message-long-paragraphs = { $count } very long paragraph(s) are shown in pieces of at most { $size } KiB.
message-several-dropped = Several files were dropped; opening the first.
message-name-applies-next = The new name applies from the next article
message-close-copy-kept = Your annotations could not be saved next to the article, so a copy was kept at { $path } — use File > Save Annotations As… to save them where you want, or close again to quit.
message-close-not-saved = Your annotations could not be saved — use File > Save Annotations As…, or close again to quit without them.
message-sample-no-annotators = The sample article has no annotators' files.
message-annotator-file-unreadable = An annotator's file could not be read: { $problem }
message-open-folder-first = Open a folder first (Corpus > Open Folder).
message-switch-not-saved = The annotations of the open article could not be saved, so it stays open: use File > Save Annotations As… to keep them elsewhere, or open the other article again to leave them in a recovery copy.
message-switch-copy-kept = The previous article's annotations could not be saved next to it; a copy was kept at { $path }.
message-switch-not-saved-anywhere = The annotations of the open article could not be saved anywhere, so it stays open: use File > Save Annotations As…
message-loading-stopped = Loading stopped unexpectedly: { $path }
message-sample-no-encoding = The sample article has no other encoding.
message-encoding-not-applicable = { $reason } This { $format } file stays as it is: { $path }
message-recent-file-gone = Removed from recent files because it no longer exists: { $path }
message-stopped-opening = Hashiya stopped while reading this article last time, so it was not opened again. File > Open… tries again: { $path }
message-stopped-indexing = Hashiya stopped while indexing this folder last time, so it was not reopened. Corpus > Open Folder… tries again: { $path }
message-stopped-importing = Hashiya stopped while importing this bundle last time. The articles written before that are in the folder; File > Import Bundle… tries again: { $path }

## The open article changed on disk

watch-article-missing = The article is no longer on disk (moved or deleted). Its annotations are kept as they are, in memory and in their file; it is read again if it comes back: { $path }
watch-article-unreadable = The article changed on disk but could not be read again, so the earlier text stays on screen: { $error }
# $orphaned and $fuzzy are watch-reloaded-orphaned and watch-reloaded-fuzzy, or empty.
watch-reloaded = The article changed on disk and was reloaded: { $count } annotation(s) re-attached{ $orphaned }{ $fuzzy }: { $path }
watch-reloaded-orphaned = , { $count } need(s) attention (orphaned: listed in the Annotations panel)
watch-reloaded-fuzzy = , { $count } by a close match

## The crash window

crash-title = Hashiya ran into a problem
crash-explanation = Something went wrong inside Hashiya, and it has to stop.
crash-what-happened = What happened:
crash-log-details = Details are in the log: { $path }
crash-run-from-terminal = Run from a terminal with RUST_LOG=debug for details.
crash-quit = Quit
crash-unexpected-error = an unexpected error
crash-already-saved = Your annotations were already saved.
crash-saved = Your annotations have been saved.
crash-copy-kept = Your annotations could not be saved next to the article; a copy is at { $path }.
crash-not-saved = Your latest annotation changes could not be saved.

## Choosing files: the desktop's dialog or Hashiya's own

dialog-title-open-article = Open Article
dialog-title-open-folder = Open Folder of Articles
dialog-title-load-scheme = Load Label Scheme
dialog-title-import-entities = Import Entities (brat .ann, CoNLL)
dialog-title-import-bundles = Import Bundles (Nexis, Factiva)
dialog-title-output-folder = Folder for the Imported Articles
dialog-title-save-as = Save As
dialog-filter-articles = Articles
dialog-filter-bundles = Bundles
dialog-filter-label-schemes = Label schemes
dialog-filter-entity-files = brat and CoNLL files
dialog-filter-all-files = All files
# The reasons below complete dialog-builtin-because and dialog-none-shown.
dialog-stopped = the file dialog stopped unexpectedly
dialog-system-stopped = the system file dialog stopped unexpectedly
dialog-system-failed = the system file dialog failed: { $failure }
dialog-desktop-has-none = the desktop has no file dialog (neither the xdg-desktop-portal file chooser nor zenity is available)
dialog-builtin-asked-for = Hashiya's own was asked for
dialog-builtin-because = Hashiya's own file dialog is shown because { $reason }.
dialog-none-shown = No file dialog could be shown: { $reason }, and Hashiya's own could not read any folder ({ $problems }). Drop an article or a folder on the window instead, or start Hashiya with `hashiya PATH`.
dialog-no-such-path = No such file or folder: { $path }
dialog-not-openable = Not a file that can be opened: { $path }
dialog-not-a-folder = Not a folder: { $path }
dialog-no-folder-to-save-in = No folder to save in: { $path }
dialog-place-home = Home
dialog-place-computer = Computer (/)
dialog-folder-unreadable = This folder cannot be read ({ $error }): { $path }
dialog-too-many-entries = Only the first { $count } entries are listed; type a path to go further.
dialog-unreadable-entries = { $count } entries could not be read.

## Hashiya's own file dialog

filedialog-file-name = File name
filedialog-filter = Filter
filedialog-folder-path = Folder path
filedialog-folder-path-hint = Type a path and press Enter
filedialog-folder = Folder
filedialog-name = Name
filedialog-filter-hint = Type part of a name (vowel marks and alef forms ignored)
filedialog-up = Up
filedialog-up-tip = Parent folder (Backspace in an empty field, Alt+Up)
filedialog-places = Places
filedialog-type-a-name = Type a file name.
filedialog-items = { $count } item(s)
filedialog-items-matching = { $shown } of { $count } item(s) match the filter
filedialog-articles-here = { $count } article(s) in this folder
filedialog-keys-open = Enter opens, Backspace goes up, Esc cancels
filedialog-keys-folder = Enter goes in, Ctrl+Enter opens, Esc cancels
filedialog-keys-save = Enter saves, Esc cancels
filedialog-keys-tip = Type to filter · Up/Down select · Enter opens a file or goes into a folder · Backspace (field empty) or Alt+Up: parent folder · Ctrl+L: type a path · Esc cancels
filedialog-replace-question = { $name } already exists. Replace it?
filedialog-replace = Replace
filedialog-keep-it = Keep It
filedialog-cancel = Cancel
filedialog-open = Open
filedialog-open-this-folder = Open This Folder
filedialog-save = Save
filedialog-no-sub-folders = No sub-folders here.
filedialog-nothing-here = Nothing to show here.
filedialog-nothing-matches = Nothing matches the filter.

## The offer to open an article type with Hashiya by default

offer-question = Open .{ $extension } articles with Hashiya by default?
offer-yes = Yes
offer-yes-tip = Double-clicking such a file opens Hashiya; the previous default is recorded, and hashiya --uninstall-desktop restores it.
offer-no = No
offer-no-tip = Keep the current default and do not ask again.
offer-not-now = Not now
offer-accepted = Hashiya now opens .{ $extension } files by default (hashiya --uninstall-desktop restores the previous default).
offer-failed = Hashiya could not be made the default for .{ $extension } files: { $error }

## Edit ▸ Label Scheme

scheme-window-title = Label Scheme
scheme-paragraph-labels = Paragraph labels
scheme-entity-types = Entity types
scheme-relation-types = Relation types
scheme-paragraph-keys = Keys 1–9 label the selected paragraph (and a selected passage when there are no entity types).
scheme-entity-keys = Keys 1–9 add a span of that type on the selected passage; spans may nest.
scheme-detach-proclitics = Start spans after a proclitic (wa-, fa-, bi-, ka-, li- and al- forms)
scheme-detach-proclitics-tip = e.g. bi-Paris: the span starts at Paris; p in the reader flips it for one selection
scheme-relation-keys = Mark a source span with m, select the target span, press the type's key.
scheme-add-label = Add Label
scheme-remove = Remove
scheme-move-earlier = Move Earlier
scheme-move-later = Move Later
scheme-no-labels = No labels. Add one.
scheme-name = Name
scheme-name-field = Label name
scheme-name-hint = Label name (Arabic or Latin)
scheme-description = Description
scheme-description-field = Label description
scheme-description-hint = What the label means
scheme-colour = Colour
scheme-shortcut-key = Shortcut key
scheme-no-shortcut = none
scheme-id = Id
scheme-id-tip = Stored in annotations; not changeable here
scheme-apply = Apply
scheme-cancel = Cancel
scheme-share = Share with your team:
scheme-save-to-file = Save to File…
scheme-load-from-file = Load from File…
scheme-saved = Label scheme saved to { $path }

## Errors of desktop integration (also printed by the command line)

offer-error-no-home = no home folder: set HOME, or XDG_DATA_HOME and XDG_CONFIG_HOME
offer-error-write = could not write ({ $error }): { $path }
offer-error-remove = could not remove ({ $error }): { $path }
offer-error-read = could not read ({ $error }): { $path }
offer-error-record = the record of the previous default applications is damaged ({ $error }): { $path }
offer-error-unknown-type = unknown file type { $name } for --default-for: use txt, md, html or docx
offer-error-no-types = --default-for names no file type: use txt, md, html or docx
