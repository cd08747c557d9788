## Corpus mode: the folder panel, its article list and the search across articles

folder-close = Close
folder-close-tip = Close the folder
folder-listing = Listing articles…
folder-indexing = Indexing { $indexed } of { $total } articles
folder-summary = { PLURAL($count) ->
        [one] { $count } article
       *[other] { $count } articles
    } · { $annotated } of { $indexed } annotated
folder-empty = No articles (.txt, .md, .html, .docx) in this folder.
folder-no-match = No article matches the filter.
folder-filter = Filter
folder-filter-name = Filter articles
folder-filter-placeholder = title or file name
folder-sort = Sort
folder-sort-path = File path
folder-sort-title = Title
folder-sort-progress = Least annotated first
folder-sort-length = Longest first
folder-search = Search
folder-search-name = Search all articles
folder-search-placeholder = all articles, then Enter
folder-back = Back to articles
folder-search-done = { PLURAL($count) ->
        [one] { $count } match
       *[other] { $count } matches
    } in { PLURAL($articles) ->
        [one] { $articles } article
       *[other] { $articles } articles
    }
folder-search-done-more = { PLURAL($count) ->
        [one] { $count } match
       *[other] { $count } matches
    } or more in { PLURAL($articles) ->
        [one] { $articles } article
       *[other] { $articles } articles
    }
folder-search-running = { PLURAL($count) ->
        [one] { $count } match
       *[other] { $count } matches
    } so far ({ $searched } of { $total } articles searched)
folder-row-indexing = { $name } · indexing…
folder-row-unreadable = { $name } · cannot be read
folder-row-damaged = { $name } · { PLURAL($count) ->
        [one] { $count } paragraph
       *[other] { $count } paragraphs
    } · annotations file damaged
folder-row-details = { $name } · { PLURAL($count) ->
        [one] { $count } paragraph
       *[other] { $count } paragraphs
    } · { $annotated } annotated
folder-row-name = { $title }, { $details }
folder-row-name-uncommitted = { $title }, { $details }, { folder-uncommitted }
folder-uncommitted = annotations not committed
folder-not-a-folder = Not a folder: { $path }
folder-last-article = This is the last article of the list.
folder-first-article = This is the first article of the list.

## File ▸ Import Bundle…: the import window and the report at its end

import-window-title = Importing Bundles
import-bundle-of = Bundle { $number } of { $count }
import-reading = Reading the bundle…
import-article-of = Article { $number } of { $count }
import-written = { PLURAL($count) ->
        [one] { $count } article
       *[other] { $count } articles
    } written
import-into = Into { $path }
import-cancelling = Cancelling after this article…
import-cancel = Cancel
import-cancelled-none = Import cancelled before any article was written; nothing was added to { $path }.
import-cancelled = Import cancelled: the { PLURAL($count) ->
        [one] { $count } article
       *[other] { $count } articles
    } written before it stopped are in { $path }, each with its sidecar.
import-cancelled-listed = Import cancelled: the { PLURAL($count) ->
        [one] { $count } article
       *[other] { $count } articles
    } written before it stopped are in { $path }, listed in { $csv }, each with its sidecar.
import-done = Imported { PLURAL($count) ->
        [one] { $count } article
       *[other] { $count } articles
    } into { $path }.
import-done-listed = Imported { PLURAL($count) ->
        [one] { $count } article
       *[other] { $count } articles
    } into { $path }, listed in { $csv }.
import-nothing = Nothing was imported into { $path }.
import-renamed = Nothing was replaced: { PLURAL($count) ->
        [one] { $count } article
       *[other] { $count } articles
    } got a -2, -3 … suffix because a file of that name was already there.
import-csv-kept = articles.csv was already there and was kept.
import-skipped-article = { $name } article { $number }: { $reason }
import-skipped-separator = { "; " }
import-skipped = Skipped: { $list }.
import-failed = Not imported: { $error }
import-already-running = An import is already running; wait for it or cancel it first.
import-stopped = The import stopped: { $error }. Articles written before that are in { $path }.
import-stopped-unexpectedly = The import stopped unexpectedly; articles written before that are in { $path }.

## Find in the article (Ctrl+F)

search-find = Find
search-placeholder = Arabic-aware search
search-no-matches = no matches
search-position = { $current } of { $count }
search-previous = Previous
search-previous-tip = Previous match (Shift+Enter)
search-next = Next
search-next-tip = Next match (Enter)
search-ta-marbuta = ta marbuta = ha
search-ta-marbuta-tip = Also match ta marbuta with ha
search-close = Close
