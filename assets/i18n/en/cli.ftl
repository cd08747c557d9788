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
