## The annotation panel, the entity panel, the note editor, and the messages of annotating
## and entity work

## The annotation panel

panel-heading = Annotations
panel-read-only = Read-only
panel-unavailable = Annotations unavailable
panel-start-afresh = Start Afresh
panel-start-afresh-tip = Moves the damaged file aside (it is kept) and starts with no annotations
panel-paragraph = Paragraph { $number }
panel-passage-in-paragraph = Passage in paragraph { $number }
panel-select-paragraph = Select a paragraph (click, or j / k) to annotate it.
panel-labels = Labels (keys 1–9)
panel-note = Note (n or Enter to write, Esc to leave)
panel-note-placeholder = Write a note…
panel-highlight = Highlight
panel-highlight-none = none
# The name of a highlight colour's button, read out by assistive technology.
panel-highlight-color = Highlight { $color }
panel-delete-annotation = Delete Annotation (Del)
panel-all-annotations = All annotations ({ $count })
panel-orphaned = Orphaned ({ $count })
panel-orphaned-tip = Their text is no longer in the article; they are kept with their last quote.
panel-delete-orphan = Delete orphan

## Merge conflicts kept for the selected annotation

panel-merge-conflicts = { PLURAL($count) ->
        [one] Merge conflict
       *[other] Merge conflicts
    } (t takes the other value, Shift+T keeps this one)
panel-merge-conflicts-tip = Both copies changed this annotation; the later change was kept and the other is listed here.
panel-conflict-in = Conflict in { $field }
panel-conflict-kept = Kept: { $value }
panel-conflict-other = Other: { $value }
panel-conflict-changed = Other copy changed { $when }
panel-conflict-changed-by = Other copy: { $author }, { $when }
panel-take-other-key = Take Other Value (t)
panel-keep-current-key = Keep Current Value (Shift+T)
panel-take-other = Take Other Value
panel-keep-current = Keep Current Value
panel-field-labels = labels
panel-field-note = note
panel-field-color = highlight colour
panel-field-passage = passage
panel-field-deletion = deletion
panel-no-labels = no labels
panel-no-note = no note
panel-no-colour = no colour
panel-conflict-kept-here = kept, as edited here
panel-conflict-deleted-there = deleted in the other copy
panel-conflict-current = current { $field }

## The top of the panel: the paragraph filter and the statistics

panel-statistics = Statistics
## Messages of annotating

panel-afresh-kept = The damaged annotations file was kept as { $path }
# $what: what did not happen, e.g. "Team Mode was not changed".
panel-not-saved-first = { $what }: the open article's annotations could not be saved first.
panel-team-mode-unchanged = Team Mode was not changed
panel-exported = Exported { $count } annotation(s) to { $path }
panel-export-write-failed = Could not write the export ({ $error }): { $path }
panel-save-as-refused = Not saved there: the file there would be replaced, and it is not annotations this version can read ({ $error }). Choose another name.
panel-saved-to = Annotations saved to { $path }

## The entity panel

entity-deleted-passage = (deleted passage)
entity-here = Entities here (outer to inner)
entity-delete = Delete
entity-delete-tip = Delete this entity and its relations (Del)
entity-relations = Relations
entity-relation-row = { $source } → { $kind } → { $target }
entity-delete-relation-tip = Delete this relation
entity-none-yet = None yet
entity-relate-from = From { $source } to this passage as:
entity-cancel = Cancel
entity-source-marked = Marked as a relation's source: select the target passage.
entity-unmark = Unmark (Esc)
entity-start-relation = Start a Relation Here (m)
entity-start-relation-tip = Marks this passage as the source; then select the target and press the relation type's key

## The note editor

# The note field's name, read out by assistive technology.
note-name = Note

## Messages of entity work

spans-no-proclitic = No proclitic to detach at the start of this passage
spans-no-passages = No annotated passages yet
spans-select-passage-first = Select an annotated passage first (click it, or ] / [), then press m
spans-no-relation-types = This scheme has no relation types: add them in Edit ▸ Label Scheme
spans-source-marked = Relation source marked. Select the target passage, then press: { $keys }
# Between the items of a list in a message.
spans-separator = {", "}
spans-select-target = Select the target passage (an annotated one) to finish the relation
spans-relation-needs-two = A relation needs two passages: select the other one (] / [)
spans-relation-added = Relation «{ $name }» added
spans-not-utf8 = Nothing imported: not UTF-8 text (a bad byte at offset { $offset }): { $path }
spans-read-failed = Nothing imported: could not read the file ({ $error }): { $path }
spans-import-failed = Nothing imported: { $error }
spans-imported = Imported { PLURAL($entities) ->
        [one] { $entities } entity
       *[other] { $entities } entities
    } and { PLURAL($relations) ->
        [one] { $relations } relation
       *[other] { $relations } relations
    } from { $path }
spans-imported-new-types = { $imported }; new types in the scheme: { $types }
spans-brat-text-failed = Nothing exported: brat's text file could not be written ({ $error }): { $path }
spans-exported = Exported { $count } passage(s) to { $path }
