## Errors about files: opening articles, annotations files, label schemes, bundles, git

error-not-found = the file does not exist: { $path }
error-is-directory = this is a folder, not an article file: { $path }
error-not-regular-file = this is not a regular file (a pipe, socket or device), so it is not read: { $path }
error-permission-denied = no permission to read the file: { $path }
error-empty = the file is empty: { $path }
error-binary = the file holds no readable text (it looks like binary data): { $path }
error-too-large = the file is { $size } MiB, over the { $limit } MiB limit for articles: { $path }
error-no-text = no article text found in this { $format } file: { $path }
error-read-file = could not read the file ({ $reason }): { $path }
error-docx-not-zip = not a Word document (not a zip archive: { $reason })
error-docx-no-document-xml = not a Word document (no word/document.xml inside)
error-docx-too-large = the Word document's text is over { $limit } MiB unpacked
error-docx-damaged = the Word document is damaged ({ $reason })
error-not-rtf = not an RTF file (it does not start with {"{"}\rtf)
error-pdf-no-extractor = reading PDF files needs Poppler's pdftotext, which is not installed (Debian and Ubuntu: apt install poppler-utils)
error-pdf-no-text-layer = the PDF has no text layer (a scanned page?); Hashiya reads only PDFs with text, so run OCR first
error-pdf-failed = pdftotext could not read the PDF ({ $reason })
error-pdf-timed-out = pdftotext took over { $seconds } s and was stopped
error-sidecar-corrupt = the annotations file is damaged and was left untouched ({ $reason }): { $path }
error-sidecar-too-new = the annotations file was written by a newer Hashiya (format version { $version }; this one knows { $known }) and is opened read-only: { $path }
error-sidecar-read-only = the folder cannot be written to; use File > Save Annotations As… to keep your annotations elsewhere ({ $reason }): { $path }
error-sidecar-read = could not read the annotations ({ $reason }): { $path }
error-sidecar-write = could not save the annotations ({ $reason }): { $path }
error-scheme-invalid = not a label scheme ({ $reason }): { $path }
error-scheme-read = could not read the label scheme ({ $reason }): { $path }
error-scheme-write = could not write the label scheme ({ $reason }): { $path }
error-no-sidecar = no annotations file next to the article: { $path }
error-bundle-no-articles = no article found (formats tried: { $formats }): { $path }
error-bundle-all-skipped = none of the { $count } articles found could be read ({ $reason }): { $path }
error-write = could not write ({ $reason }): { $path }
error-git-unreadable = { $role } is not a readable annotations file, so nothing was merged: { $reason }
error-git-write = could not write the merged annotations ({ $reason }): { $path }
error-git-not-a-work-tree = not inside a git work tree; run `git init` (or `git clone`) first, then `hashiya git-setup` there: { $path }
error-git-failed = `git { $command }` failed ({ $detail }) in { $path }
error-git-executable-path = the path of the hashiya program is not valid UTF-8, so git cannot be told to run it: { $path }
error-git-attributes = could not update .gitattributes ({ $reason }): { $path }
error-import-line = { $reason } (line { $line }): { $path }
error-import-read = could not read the file to import ({ $reason }): { $path }
error-import-file = { $reason }: { $path }
error-import-not-utf8 = not UTF-8 text (a bad byte at offset { $offset })

## Why a line of a file to import does not fit (shown inside error-import-line)

error-import-not-brat-line = not a brat line (no tab after the id)
error-import-id-twice = the id { $id } is used twice
error-import-t-line-needs-text = a T line needs a text after a second tab
error-import-only-annotator-notes = only `#N<TAB>AnnotatorNotes T…<TAB>note` comments can be imported
error-import-unknown-id = unknown brat annotation id { $id }
error-import-no-entity = no entity { $id } in this file
error-import-no-annotation = no annotation { $id } in this file
error-import-events = events (E lines) cannot be imported; remove them to import the entities and relations
error-import-attributes = attributes (A lines) cannot be imported; remove them to import the entities and relations
error-import-normalizations = normalizations (N lines) cannot be imported; remove them to import the entities and relations
error-import-equivalences = equivalences (* lines) cannot be imported; remove them to import the entities and relations
error-import-r-line-form = an R line is `R1<TAB>TYPE Arg1:T1 Arg2:T2`
error-import-r-line-ends = an R line names its ends as Arg1:T… Arg2:T…
error-import-t-line-form = a T line is `T1<TAB>TYPE start end<TAB>text`
error-import-offsets-form = the offsets { $offsets } are not `start end`
error-import-offsets-not-numbers = the offsets { $offsets } are not numbers
error-import-offsets-outside = the offsets { $start } { $end } are outside the article's text ({ $count } characters)
error-import-fragments-order = fragments must be in order and not overlap
error-import-t-line-needs-offsets = a T line needs offsets
error-import-text-mismatch = the text { $text } is not the article's text at these offsets ({ $expected })
error-import-discontinuous = a discontinuous entity with text between its parts cannot be imported (a passage is one run of text)
error-import-empty-entity = an entity needs at least one character
error-import-outside-paragraph = the entity is not inside one paragraph of the article
error-import-crosses-paragraph = the { $label } entity starting here crosses a paragraph break
error-import-no-tag = a line is `token TAG` (no tag here)
error-import-bad-tag = the tag { $tag } is not O or B-/I-/E-/S-TYPE
error-import-token-mismatch = the token { $token } does not match the article's text here ({ $found })

## Why a label scheme is refused (shown inside error-scheme-invalid)

error-scheme-bad-format = format is { $format }, not { $expected }
error-scheme-label-no-id = label { $label } has no id
error-scheme-duplicate-id = two labels have the id { $id }
error-scheme-bad-colour = label { $label } has colour { $colour }, not #rrggbb
error-scheme-bad-shortcut = label { $label } has shortcut { $key }; use 1–9
error-scheme-duplicate-shortcut = two labels share the shortcut { $key }

## Why an annotations file is damaged (shown inside error-sidecar-corrupt)

error-sidecar-not-json = not JSON: { $error }
error-sidecar-no-marker = no "format": "{ $marker }" marker
error-sidecar-no-version = no version number

## Changes to the annotations that are refused

error-store-read-only = annotations are read-only here: { $reason }
error-store-no-paragraph = no paragraph { $number }
error-store-no-annotation = no annotation { $id }
error-store-not-a-passage = a relation links two passages; annotation { $id } is not a passage
error-store-self-relation = a relation needs two different passages
error-store-no-conflict = that conflict is no longer in the list (it was settled or merged away)
error-store-bad-span = the passage { $bytes } is not a run of whole characters inside paragraph { $paragraph }
error-conflict-none = there is no conflict number { $number }
error-conflict-annotation-gone = the annotation { $id } the conflict is about is gone
error-conflict-bad-value = the conflict's { $field } value cannot be read ({ $reason })
error-conflict-unknown-field = this Hashiya does not know that field

## Bundles from news databases: why an article was skipped

error-bundle-formats-tried = Nexis Uni DOCX (articles ending in "End of Document"), Nexis TXT/RTF ("N of M DOCUMENTS"), Factiva HTML (div.article) and Factiva RTF/TXT (HD … AN fields)
error-bundle-article-reason = article { $number }: { $reason }
error-nexis-truncated = the file ends before this article's "End of Document" (truncated?)
error-nexis-no-body = no "Body" line before "End of Document"
error-nexis-no-date-above-body = no date line above "Body"
error-nexis-no-source = no source line above the date
error-nexis-no-headline = no headline above the source
error-nexis-no-text-after-body = no text after "Body"
error-nexis-no-length = no "LENGTH:" line
error-nexis-nothing-above-length = nothing above "LENGTH:"
error-nexis-no-date = no date line
error-nexis-no-text-after-length = no text after "LENGTH:"
error-factiva-no-fields = no HD or TD field
error-factiva-no-text = "{ $title }" has no text (no LP or TD field)

## Other reasons

error-git-role-base = the common ancestor (BASE)
error-git-role-ours = our version (OURS)
error-git-role-theirs = their version (THEIRS)
error-git-not-installed = git is not installed or not on PATH
error-git-no-such-folder = no such folder
error-pdf-no-signature = it does not start with %PDF-
error-pdf-exit-status = exit status { $status }
error-docx-unknown-entity = unknown entity { $entity }
error-io-not-regular = not a regular file (a pipe, socket or device)
error-io-different-file-there = a different file is already there
error-cancelled = cancelled
error-save-stopped = the save stopped unexpectedly
