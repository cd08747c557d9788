//! Entities and relations: the store's relation rules, sidecar compatibility, and the import
//! and export formats checked against reference fixtures (`scripts/entities-reference.py`:
//! seqeval's `get_entities`, brat's offset rules) on real corpus articles.

#![allow(
    clippy::too_many_lines,
    reason = "a whole round trip reads best as one test"
)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use hashiya::annotation::store::AnnotationStore;
use hashiya::annotation::{Availability, LabelScheme, TargetKind, merge, sidecar};
use hashiya::arabic::tokens::{Lexicon, NEVER_DETACHED, TokenKind, proclitic_len, tokens};
use hashiya::export::{self, entities};
use hashiya::import::{self, ImportFormat};

fn corpus(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(relative)
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/entities")
}

#[derive(serde::Deserialize)]
struct SeqevalCase {
    tags: Vec<String>,
    entities: Vec<(String, usize, usize)>,
}

#[derive(serde::Deserialize)]
struct SeqevalFixture {
    cases: Vec<SeqevalCase>,
}

#[test]
fn iob2_is_read_as_seqeval_reads_it() {
    let text = std::fs::read_to_string(fixtures().join("seqeval.json")).unwrap();
    let fixture: SeqevalFixture = serde_json::from_str(&text).unwrap();
    assert!(fixture.cases.len() >= 100);
    let mut non_empty = 0;
    for case in &fixture.cases {
        let tags: Vec<&str> = case.tags.iter().map(String::as_str).collect();
        assert_eq!(import::get_entities(&tags), case.entities, "{tags:?}");
        non_empty += usize::from(!case.entities.is_empty());
    }
    assert!(non_empty > 100, "the fixture exercises entities");
}

#[derive(serde::Deserialize)]
struct Source {
    ann: String,
    article: String,
}

fn sources() -> Vec<Source> {
    let text = std::fs::read_to_string(fixtures().join("brat/sources.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A corpus article copied into a fresh folder.
fn copy_article(relative: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join(Path::new(relative).file_name().unwrap());
    std::fs::copy(corpus(relative), &article).unwrap();
    (dir, article)
}

type EntityKey = (String, usize, usize, String);
type RelationKey = (String, EntityKey, EntityKey);

/// The entities of a brat file as (type, start, end, text) with a count, and its relations
/// as (type, source entity, target entity) with a count.
fn parse_ann(ann: &str) -> (HashMap<EntityKey, usize>, HashMap<RelationKey, usize>) {
    let mut by_id: HashMap<String, EntityKey> = HashMap::new();
    let mut entities = HashMap::new();
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let fields: Vec<&str> = line.split('\t').collect();
        let parts: Vec<&str> = fields[1].split(' ').collect();
        let key = (
            parts[0].to_owned(),
            parts[1].parse().unwrap(),
            parts[2].parse().unwrap(),
            fields[2].to_owned(),
        );
        by_id.insert(fields[0].to_owned(), key.clone());
        *entities.entry(key).or_insert(0) += 1;
    }
    let mut relations = HashMap::new();
    for line in ann.lines().filter(|l| l.starts_with('R')) {
        let fields: Vec<&str> = line.split('\t').collect();
        let parts: Vec<&str> = fields[1].split(' ').collect();
        let end = |arg: &str| by_id[arg.split_once(':').unwrap().1].clone();
        *relations
            .entry((parts[0].to_owned(), end(parts[1]), end(parts[2])))
            .or_insert(0) += 1;
    }
    (entities, relations)
}

#[test]
fn brat_to_hashiya_to_brat_keeps_entities_and_relations_on_corpus_articles() {
    for source in sources() {
        let (_dir, article) = copy_article(&source.article);
        let ann_path = fixtures().join("brat").join(&source.ann);
        let summary =
            import::import_file(&article, &ann_path, ImportFormat::Brat, None, "tester").unwrap();
        let original = std::fs::read_to_string(&ann_path).unwrap();
        let (expected_entities, expected_relations) = parse_ann(&original);
        assert!(summary.relations_added > 3, "{}", source.ann);
        let item = export::load(&article).unwrap();
        let brat = entities::to_brat(&item);
        // A UTF-8 .txt holding exactly the text: the offsets refer to the article itself.
        assert_eq!(brat.text, None, "{}", source.ann);
        let (entities, relations) = parse_ann(&brat.ann);
        assert_eq!(entities, expected_entities, "{}", source.ann);
        assert_eq!(relations, expected_relations, "{}", source.ann);
        // Importing again adds nothing.
        let again =
            import::import_file(&article, &ann_path, ImportFormat::Brat, None, "tester").unwrap();
        assert_eq!((again.spans_added, again.relations_added), (0, 0));
    }
}

/// Passages of every level, as (type, start, end) in code points, each widened to whole
/// tokens.
fn snapped_spans(item: &export::ArticleAnnotations) -> Vec<(String, usize, usize)> {
    let document = &item.document;
    let index = hashiya::annotation::CharIndex::new(&document.text);
    let mut out: Vec<(String, usize, usize)> = entities::entities(&item.sidecar, index.len_chars())
        .into_iter()
        .map(|e| {
            let paragraph = &document.paragraphs[e.paragraph];
            let text = &document.text[paragraph.byte_range.clone()];
            let start = index.byte_of_char(&document.text, e.chars.start).unwrap()
                - paragraph.byte_range.start;
            let end = index.byte_of_char(&document.text, e.chars.end).unwrap()
                - paragraph.byte_range.start;
            let snapped = hashiya::arabic::tokens::snap_to_tokens(text, start..end).unwrap();
            let char_of =
                |b: usize| index.char_of_byte(&document.text, paragraph.byte_range.start + b);
            (e.label, char_of(snapped.start), char_of(snapped.end))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn wojood_keeps_every_level_and_segments_as_the_loader_reads_them() {
    for source in sources() {
        let (_dir, article) = copy_article(&source.article);
        let ann_path = fixtures().join("brat").join(&source.ann);
        import::import_file(&article, &ann_path, ImportFormat::Brat, None, "tester").unwrap();
        let item = export::load(&article).unwrap();
        let wojood = entities::to_wojood(std::slice::from_ref(&item));

        // As `conll_to_segments` reads it: every blank line ends a segment, the rest of the
        // file is the last one; each line is a token and its tags.
        let segments: Vec<&str> = wojood.trim_end_matches('\n').split("\n\n").collect();
        let paragraphs_with_tokens = item
            .document
            .paragraphs
            .iter()
            .filter(|p| !tokens(&item.document.text[p.byte_range.clone()]).is_empty())
            .count();
        assert_eq!(segments.len(), paragraphs_with_tokens, "{}", source.ann);
        assert!(!wojood.ends_with("\n\n"), "no empty last segment");
        let mut nested_lines = 0;
        for segment in &segments {
            assert!(!segment.is_empty());
            for line in segment.lines() {
                let fields: Vec<&str> = line.split_whitespace().collect();
                assert!(fields.len() >= 2, "{line:?}");
                nested_lines += usize::from(fields.len() > 2);
            }
        }
        assert!(nested_lines > 0, "{}: nesting is exercised", source.ann);

        // Reading the export back recovers every level.
        let (_dir2, fresh) = copy_article(&source.article);
        let file = fresh.with_extension("wojood");
        std::fs::write(&file, &wojood).unwrap();
        import::import_file(&fresh, &file, ImportFormat::Conll, None, "tester").unwrap();
        let back = export::load(&fresh).unwrap();
        assert_eq!(snapped_spans(&back), snapped_spans(&item), "{}", source.ann);
    }
}

#[test]
fn spans_on_token_boundaries_survive_iob2_unchanged() {
    for source in sources() {
        let (_dir, article) = copy_article(&source.article);
        let ann_path = fixtures().join("brat").join(&source.ann);
        import::import_file(&article, &ann_path, ImportFormat::Brat, None, "tester").unwrap();
        let mut item = export::load(&article).unwrap();
        // Keep non-overlapping passages (one label each) that start and end on token
        // boundaries.
        let spans = snapped_spans(&item);
        let mut kept_ids = Vec::new();
        let mut last_end = 0;
        for annotation in &item.sidecar.annotations {
            let p = &annotation.target.position;
            let on_boundaries = spans.iter().any(|(label, s, e)| {
                *s == p.start && *e == p.end && annotation.labels == [label.clone()]
            });
            if on_boundaries && p.start >= last_end {
                kept_ids.push(annotation.id);
                last_end = p.end;
            }
        }
        item.sidecar
            .annotations
            .retain(|a| kept_ids.contains(&a.id));
        item.sidecar.relations.clear();
        assert!(kept_ids.len() > 10, "{}", source.ann);
        let expected = snapped_spans(&item);

        let conll = entities::to_conll(std::slice::from_ref(&item));
        // Every line is `token TAG`.
        assert!(
            conll
                .lines()
                .all(|l| l.is_empty() || l.split(' ').count() == 2)
        );
        let (_dir2, fresh) = copy_article(&source.article);
        let file = fresh.with_extension("conll");
        std::fs::write(&file, &conll).unwrap();
        import::import_file(&fresh, &file, ImportFormat::Conll, None, "tester").unwrap();
        let back = export::load(&fresh).unwrap();
        assert_eq!(snapped_spans(&back), expected, "{}", source.ann);
    }
}

#[test]
fn conll_keeps_only_the_outermost_entities() {
    let document =
        hashiya::document::parse_plain_text("عنوان\nقال رئيس الوزراء العراقي في بغداد".to_owned());
    let mut store = AnnotationStore::new(&document, LabelScheme::news_default(), "t");
    let text = &document.text;
    let range = |s: &str| {
        let start = text.find(s).unwrap();
        start..start + s.len()
    };
    store
        .add_span(&document, 1, range("رئيس الوزراء العراقي"), "PERS")
        .unwrap();
    store
        .add_span(&document, 1, range("العراقي"), "NORP")
        .unwrap();
    store.add_span(&document, 1, range("بغداد"), "GPE").unwrap();
    let item = export::from_parts(
        Path::new("x.txt"),
        document.clone(),
        store.sidecar().clone(),
    );
    let conll = entities::to_conll(std::slice::from_ref(&item));
    assert_eq!(
        conll,
        "عنوان O\n\nقال O\nرئيس B-PERS\nالوزراء I-PERS\nالعراقي I-PERS\nفي O\nبغداد B-GPE\n"
    );
    let wojood = entities::to_wojood(std::slice::from_ref(&item));
    assert!(wojood.contains("العراقي I-PERS B-NORP\n"), "{wojood}");
}

#[test]
fn a_partly_covered_token_is_tagged_whole_and_spacy_offsets_are_characters() {
    let document = hashiya::document::parse_plain_text("عنوان\nوصل الوفد بباريس والرقة".to_owned());
    let mut store = AnnotationStore::new(&document, LabelScheme::news_default(), "t");
    let text = &document.text;
    let paris = text.find("باريس").unwrap();
    let raqqa = text.find("الرقة").unwrap();
    let a = store
        .add_span(&document, 1, paris..paris + "باريس".len(), "GPE")
        .unwrap();
    let b = store
        .add_span(&document, 1, raqqa..raqqa + "الرقة".len(), "GPE")
        .unwrap();
    store.add_relation(a, b, "near").unwrap();
    let item = export::from_parts(
        Path::new("x.txt"),
        document.clone(),
        store.sidecar().clone(),
    );
    let conll = entities::to_conll(std::slice::from_ref(&item));
    assert!(conll.contains("بباريس B-GPE\nوالرقة B-GPE\n"), "{conll}");
    let spacy = entities::to_spacy(std::slice::from_ref(&item));
    let lines: Vec<serde_json::Value> = spacy
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "one object per paragraph");
    let line = &lines[1];
    let paragraph: Vec<char> = line["text"].as_str().unwrap().chars().collect();
    let span_text = |span: &serde_json::Value| -> String {
        paragraph[span["start"].as_u64().unwrap() as usize..span["end"].as_u64().unwrap() as usize]
            .iter()
            .collect()
    };
    assert_eq!(span_text(&line["spans"][0]), "باريس");
    assert_eq!(span_text(&line["spans"][1]), "الرقة");
    assert_eq!(line["relations"][0]["head"], 0);
    assert_eq!(line["relations"][0]["child"], 1);
    assert_eq!(line["relations"][0]["label"], "near");

    // W3C: the relation targets the two passage annotations.
    let w3c = export::to_w3c(std::slice::from_ref(&item));
    let items = w3c["first"]["items"].as_array().unwrap();
    let relation = items.iter().find(|i| i["motivation"] == "linking").unwrap();
    assert_eq!(relation["target"][0], format!("urn:uuid:{a}"));
    assert_eq!(relation["target"][1], format!("urn:uuid:{b}"));
    assert_eq!(relation["body"][0]["purpose"], "tagging");
    let span = items
        .iter()
        .find(|i| i["id"] == format!("urn:uuid:{a}"))
        .unwrap();
    assert_eq!(span["target"]["selector"][0]["exact"], "باريس");
    assert_eq!(span["body"][0]["value"], "GPE");
}

#[test]
fn deleting_a_span_deletes_its_relations_in_one_undo_step() {
    let document =
        hashiya::document::parse_plain_text("عنوان\nقال هولاند في باريس إن الرقة".to_owned());
    let text = document.text.clone();
    let range = |s: &str| {
        let start = text.find(s).unwrap();
        start..start + s.len()
    };
    let mut store = AnnotationStore::new(&document, LabelScheme::news_default(), "t");
    let speaker = store
        .add_span(&document, 1, range("هولاند"), "PERS")
        .unwrap();
    let place = store.add_span(&document, 1, range("باريس"), "GPE").unwrap();
    let other = store.add_span(&document, 1, range("الرقة"), "GPE").unwrap();
    // Nested and identical ranges are allowed.
    let nested = store
        .add_span(&document, 1, range("هولاند في باريس"), "EVENT")
        .unwrap();
    let twin = store.add_span(&document, 1, range("باريس"), "LOC").unwrap();
    assert_ne!(twin, place);
    assert_eq!(store.spans_of_paragraph(1).count(), 5);
    let r1 = store.add_relation(speaker, place, "located_in").unwrap();
    store.add_relation(other, place, "near").unwrap();
    store.add_relation(speaker, other, "mentions").unwrap();
    assert_eq!(
        store.add_relation(speaker, place, "located_in").unwrap(),
        r1
    );
    assert!(store.add_relation(speaker, speaker, "x").is_err());
    assert_eq!(store.relations().len(), 3);

    store.delete(&document, place).unwrap();
    assert!(store.annotation(place).is_none());
    assert_eq!(
        store.relations().len(),
        1,
        "both relations of the span went"
    );
    // Toggling the last label off a passage deletes it, and its relations with it.
    let key = hashiya::annotation::TargetKey::Span {
        paragraph: 1,
        bytes: range("الرقة"),
    };
    store.toggle_label(&document, key, "GPE").unwrap();
    assert!(store.relations().is_empty());

    assert!(store.undo(&document));
    assert_eq!(store.relations().len(), 1);
    assert!(store.undo(&document));
    assert!(store.annotation(place).is_some());
    assert_eq!(
        store.relations().len(),
        3,
        "one undo brings span and relations back"
    );
    assert!(store.redo(&document));
    assert_eq!(store.relations().len(), 1);

    // Jumping from span to span: outer before inner at the same start.
    let first = store.next_span(None, true).unwrap().id;
    assert_eq!(first, nested);
    assert_eq!(store.next_span(Some(nested), true).unwrap().id, speaker);
    assert!(store.next_span(None, false).is_some());
}

#[test]
fn relations_survive_reanchoring_saving_and_merging() {
    let original = "عنوان\nقال هولاند في باريس\nفقرة ثالثة";
    let document = hashiya::document::parse_plain_text(original.to_owned());
    let range = |text: &str, s: &str| {
        let start = text.find(s).unwrap();
        start..start + s.len()
    };
    let mut store = AnnotationStore::new(&document, LabelScheme::news_default(), "t");
    let a = store
        .add_span(&document, 1, range(&document.text, "هولاند"), "PERS")
        .unwrap();
    let b = store
        .add_span(&document, 1, range(&document.text, "باريس"), "GPE")
        .unwrap();
    let relation = store.add_relation(a, b, "located_in").unwrap();
    let saved = sidecar::to_json(store.sidecar());
    assert!(saved.contains("\"version\": 2"));
    let parsed = sidecar::parse(saved.as_bytes(), Path::new("x.json")).unwrap();
    assert_eq!(parsed.relations, store.sidecar().relations);

    // The article gains a paragraph before: the passages move, the relation stays.
    let edited = hashiya::document::parse_plain_text(
        "عنوان\nفقرة جديدة في الأعلى\nقال هولاند في باريس\nفقرة ثالثة".to_owned(),
    );
    let (moved, summary) =
        AnnotationStore::from_sidecar(parsed.clone(), &edited, "t", Availability::Editable);
    assert_eq!(summary.orphaned, 0);
    assert_eq!(moved.annotation(a).unwrap().target.paragraph, 2);
    assert_eq!(moved.relations().len(), 1);
    assert_eq!(moved.relations()[0].id, relation);

    // They delete the source span (and so the relation); we add another relation.
    let base = parsed.clone();
    let mut theirs_store =
        AnnotationStore::from_sidecar(parsed.clone(), &document, "u", Availability::Editable).0;
    theirs_store.delete(&document, a).unwrap();
    let c = store
        .add_span(&document, 2, range(&document.text, "ثالثة"), "DATE")
        .unwrap();
    let kept = store.add_relation(b, c, "before").unwrap();
    let (merged, _) = merge::merge_with_base(store.sidecar(), theirs_store.sidecar(), Some(&base));
    let ids: Vec<_> = merged.relations.iter().map(|r| r.id).collect();
    assert_eq!(ids, [kept], "the deleted span's relation went, ours stayed");
    assert!(merged.deleted.iter().any(|d| d.id == relation));
}

#[test]
fn a_sidecar_from_the_previous_version_loads_and_stays_version_1() {
    let document = hashiya::document::parse_plain_text("عنوان\nنص".to_owned());
    let store = AnnotationStore::new(&document, LabelScheme::news_default(), "t");
    let json = sidecar::to_json(store.sidecar());
    assert!(json.contains("\"version\": 1"));
    assert!(!json.contains("relations") && !json.contains("span_labels"));
    // A version-1 file as the previous release wrote it.
    let old = r##"{"format": "hashiya-annotations", "version": 1,
        "article": {"file_name": "a.txt", "sha256": "00", "encoding": "UTF-8", "paragraph_count": 2},
        "label_scheme": {"name": "s", "labels": [{"id": "claim", "name": "claim", "color": "#d1495b", "shortcut": "1"}]},
        "annotations": []}"##;
    let parsed = sidecar::parse(old.as_bytes(), Path::new("a.json")).unwrap();
    assert!(parsed.relations.is_empty() && parsed.label_scheme.span_labels.is_empty());
    assert!(sidecar::to_json(&parsed).contains("\"version\": 1"));
}

/// Runs `hashiya import` and returns (success, stderr).
fn run_import(args: &[&std::ffi::OsStr]) -> (bool, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .arg("import")
        .args(args)
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_bad_import_names_file_and_line_and_changes_no_sidecar() {
    let (dir, article) = copy_article("news/alaraby_2016-10-25_paris_coalition_raqqa.txt");
    let text = std::fs::read_to_string(&article).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let start = text[..text.find("الرقة").unwrap()].chars().count();
    let good = format!("T1\tGPE {start} {}\tالرقة\n", start + 5);
    let sidecar_path = sidecar::sidecar_path(&article);
    let team_path = sidecar::annotator_sidecar_path(&article, "Sara");
    let cases = [
        (format!("{good}T2\tGPE 0\tx\n"), 2, "not `start end`"),
        (
            format!("{good}T2\tGPE {} {}\tx\n", chars.len(), chars.len() + 1),
            2,
            "outside",
        ),
        (
            format!("T1\tGPE {start} {}\tالموصل\n", start + 5),
            1,
            "is not the article's text",
        ),
        (
            format!("{good}R1\tnear Arg1:T1 Arg2:T9\n"),
            2,
            "no entity T9",
        ),
        (format!("{good}garbage\n"), 2, "not a brat line"),
        (format!("{good}E1\tAttack:T1\n"), 2, "events"),
    ];
    for (content, line, message) in cases {
        let file = dir.path().join("bad.ann");
        std::fs::write(&file, &content).unwrap();
        for annotator in [None, Some("Sara")] {
            let mut args: Vec<&std::ffi::OsStr> = vec!["--format".as_ref(), "brat".as_ref()];
            if let Some(name) = annotator {
                args.extend([
                    std::ffi::OsStr::new("--annotator"),
                    std::ffi::OsStr::new(name),
                ]);
            }
            args.extend([article.as_os_str(), file.as_os_str()]);
            let (ok, stderr) = run_import(&args);
            assert!(!ok, "{content}");
            assert!(stderr.contains(&format!("(line {line})")), "{stderr}");
            assert!(stderr.contains("bad.ann"), "{stderr}");
            assert!(stderr.contains(message), "{stderr}");
            assert!(!sidecar_path.exists() && !team_path.exists());
        }
    }
    // CoNLL: a token that is not the article's text, and a bad tag.
    let conll = dir.path().join("bad.conll");
    std::fs::write(&conll, "اجتماع O\nالتحالف X-ORG\n").unwrap();
    let (ok, stderr) = run_import(&[
        "--format".as_ref(),
        "conll".as_ref(),
        article.as_os_str(),
        conll.as_os_str(),
    ]);
    assert!(
        !ok && stderr.contains("(line 2)") && stderr.contains("bad.conll"),
        "{stderr}"
    );
    std::fs::write(&conll, "اجتماع O\nالتحالف O\nالعربي B-ORG\n").unwrap();
    let (ok, stderr) = run_import(&[
        "--format".as_ref(),
        "conll".as_ref(),
        article.as_os_str(),
        conll.as_os_str(),
    ]);
    assert!(
        !ok && stderr.contains("(line 3)") && stderr.contains("does not match"),
        "{stderr}"
    );
    assert!(!sidecar_path.exists());

    // An existing sidecar is left byte for byte on error, and changed on success.
    let good_file = dir.path().join("good.ann");
    std::fs::write(&good_file, &good).unwrap();
    let (ok, stderr) = run_import(&[
        "--format".as_ref(),
        "brat".as_ref(),
        "--annotator".as_ref(),
        "Sara".as_ref(),
        article.as_os_str(),
        good_file.as_os_str(),
    ]);
    assert!(ok, "{stderr}");
    let before = std::fs::read(&team_path).unwrap();
    let (ok, _) = run_import(&[
        "--format".as_ref(),
        "brat".as_ref(),
        "--annotator".as_ref(),
        "Sara".as_ref(),
        article.as_os_str(),
        dir.path().join("bad.ann").as_os_str(),
    ]);
    assert!(!ok);
    assert_eq!(std::fs::read(&team_path).unwrap(), before);
    assert!(!sidecar_path.exists(), "the gold sidecar is not touched");
    let team = sidecar::read(&team_path).unwrap().unwrap().0;
    assert_eq!(team.annotations.len(), 1);
    assert_eq!(team.annotations[0].target.kind, TargetKind::Span);
    assert_eq!(team.annotations[0].author, "Sara");
    assert_eq!(team.label_scheme.span_labels[0].id, "GPE");
}

#[test]
fn the_detach_rule_on_real_corpus_text() {
    let mut detached: Vec<(String, String)> = Vec::new();
    let mut words = 0;
    for relative in [
        "news/alaraby_2016-10-25_paris_coalition_raqqa.txt",
        "news/snn_aawsat_2015-07-21_481_long_5136w_politics.txt",
        "news/snn_aawsat_2015-07-21_226_guillemets_isis_isil.txt",
        "news/snn_alyaum_2015-08-06_2549_opec_english_sentence.txt",
    ] {
        let text = std::fs::read_to_string(corpus(relative)).unwrap();
        let lexicon = Lexicon::from_text(&text);
        for token in tokens(&text) {
            if token.kind != TokenKind::Word {
                continue;
            }
            words += 1;
            let word = &text[token.bytes];
            let skip = proclitic_len(word, &lexicon);
            if skip > 0 {
                detached.push((word.to_owned(), word[skip..].to_owned()));
            }
        }
    }
    let find = |word: &str| {
        detached
            .iter()
            .find(|(w, _)| w == word)
            .map(|(_, r)| r.as_str())
    };
    // From the Al-Araby article: «بباريس» (باريس also stands alone there) and «والرقة» if
    // present; «للرقة»-style forms keep the article.
    assert_eq!(find("بباريس"), Some("باريس"));
    for (word, rest) in &detached {
        let folded: String = word
            .chars()
            .filter(|c| !hashiya::arabic::is_tashkeel(*c))
            .collect();
        assert!(!NEVER_DETACHED.contains(&folded.as_str()), "{word}");
        assert!(rest.chars().count() >= 3, "{word} → {rest}");
        assert!(word.ends_with(rest.as_str()));
        let removed = word.chars().count() - rest.chars().count();
        assert!((1..=2).contains(&removed), "{word} → {rest}");
    }
    // The article forms are common in news; bare forms are rarer but present.
    let article_forms = detached
        .iter()
        .filter(|(_, rest)| rest.starts_with("ال") || rest.starts_with('ل'))
        .count();
    assert!(article_forms > 100, "{article_forms} of {words}");
    assert!(
        detached.len() > article_forms,
        "bare forms with evidence occur"
    );
    // Words that only look prefixed, wherever they occur in the corpus, stay whole.
    for (word, _) in &detached {
        assert!(
            !["بلد", "كتاب", "لبنان", "والد", "فرنسا", "بريطانيا"].contains(&word.as_str()),
            "{word}"
        );
    }
}

#[test]
fn brat_export_writes_the_text_when_the_article_is_not_that_text() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.md");
    std::fs::write(&article, "# عنوان\n\nقال **هولاند** في باريس\n").unwrap();
    let document = hashiya::document::load(&article).unwrap();
    let mut store = AnnotationStore::new(&document, LabelScheme::news_default(), "t");
    let start = document.text.find("باريس").unwrap();
    store
        .add_span(&document, 1, start..start + "باريس".len(), "GPE")
        .unwrap();
    std::fs::write(
        sidecar::sidecar_path(&article),
        sidecar::to_json(store.sidecar()),
    )
    .unwrap();
    let out = dir.path().join("out.ann");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(["export", "--format", "brat", "--out"])
        .arg(&out)
        .arg(&article)
        .status()
        .unwrap();
    assert!(status.success());
    let text = std::fs::read_to_string(dir.path().join("out.txt")).unwrap();
    let ann = std::fs::read_to_string(&out).unwrap();
    let fields: Vec<&str> = ann.lines().next().unwrap().split('\t').collect();
    let offsets: Vec<usize> = fields[1]
        .split(' ')
        .skip(1)
        .map(|n| n.parse().unwrap())
        .collect();
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(
        chars[offsets[0]..offsets[1]].iter().collect::<String>(),
        "باريس"
    );
    assert_eq!(fields[2], "باريس");
}

/// The four brat fixtures imported into their corpus articles, each article copied with its
/// sidecar into two subfolders; then one copy edited after annotating (a paragraph added at
/// the top and a word changed), one given an annotator's sidecar too, one with a sidecar
/// that is not JSON, and one article without any sidecar.
fn annotated_folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("articles");
    for (n, source) in sources().iter().enumerate() {
        let (_seed_dir, seed) = copy_article(&source.article);
        let ann = fixtures().join("brat").join(&source.ann);
        import::import_file(&seed, &ann, ImportFormat::Brat, None, "tester").unwrap();
        for sub in ["a", "b"] {
            let article = folder.join(sub).join(format!("art{n}.txt"));
            std::fs::create_dir_all(article.parent().unwrap()).unwrap();
            std::fs::copy(&seed, &article).unwrap();
            std::fs::copy(
                sidecar::sidecar_path(&seed),
                sidecar::sidecar_path(&article),
            )
            .unwrap();
        }
    }
    let edited = folder.join("a/art1.txt");
    let text = std::fs::read_to_string(&edited).unwrap();
    let word = text.split_whitespace().nth(40).unwrap().to_owned();
    let text = format!(
        "فقرة أضيفت بعد التعليق.\n\n{}",
        text.replacen(&word, "كلمة", 1)
    );
    std::fs::write(&edited, text).unwrap();
    std::fs::copy(
        sidecar::sidecar_path(&folder.join("b/art2.txt")),
        folder.join("b/art2.txt.annotations.layla.json"),
    )
    .unwrap();
    std::fs::write(
        sidecar::sidecar_path(&folder.join("b/art3.txt")),
        "{ not json",
    )
    .unwrap();
    std::fs::copy(corpus(&sources()[0].article), folder.join("b/plain.txt")).unwrap();
    (dir, folder)
}

/// What a folder export held before articles were loaded on threads and written one at a
/// time: each article's sidecars loaded in turn with `load_all`.
fn loaded_one_by_one(folder: &Path) -> (Vec<export::ArticleAnnotations>, Vec<String>) {
    let mut items = Vec::new();
    let mut errors = Vec::new();
    for article in hashiya::corpus::list_articles(folder) {
        match export::load_all(&article) {
            Ok(found) => items.extend(found),
            Err(error) => errors.push(error.to_string()),
        }
    }
    (items, errors)
}

#[test]
fn folder_exports_on_threads_and_article_by_article_match_loading_in_turn() {
    let (_dir, folder) = annotated_folder();
    let (expected, expected_errors) = loaded_one_by_one(&folder);
    // Seven sidecars of seven articles and one annotator's; the broken one named.
    assert_eq!(expected.len(), 8);
    assert_eq!(expected_errors.len(), 1, "{expected_errors:?}");
    assert!(expected_errors[0].contains("art3.txt.annotations.json"));
    // The edited copy was re-anchored: its passages moved past the added paragraph.
    let stored = sidecar::read(&sidecar::sidecar_path(&folder.join("a/art1.txt")))
        .unwrap()
        .unwrap()
        .0;
    let edited = expected
        .iter()
        .find(|item| item.path.ends_with("a/art1.txt"))
        .unwrap();
    let position =
        |a: &hashiya::annotation::Annotation| (a.id, a.target.position.start, a.target.paragraph);
    let mut before: Vec<_> = stored.annotations.iter().map(position).collect();
    let mut after: Vec<_> = edited.sidecar.annotations.iter().map(position).collect();
    before.sort_unstable();
    after.sort_unstable();
    assert_eq!(before.len(), after.len());
    assert!(
        before
            .iter()
            .zip(&after)
            .all(|(b, a)| b.0 == a.0 && b.1 < a.1 && b.2 < a.2)
    );

    let conll = entities::to_conll(&expected);
    let wojood = entities::to_wojood(&expected);
    let csv = export::to_csv(&expected);
    let jsonl = export::to_jsonl(&expected);
    assert!(conll.lines().count() > 1000 && conll.contains(" B-"));
    for threads in [1, 2, 3] {
        let (items, errors) = export::load_folder_on(&folder, threads);
        let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(errors, expected_errors, "{threads} threads");
        assert_eq!(entities::to_conll(&items), conll, "{threads} threads");
        assert_eq!(entities::to_wojood(&items), wojood, "{threads} threads");
        assert_eq!(export::to_csv(&items), csv, "{threads} threads");
        assert_eq!(export::to_jsonl(&items), jsonl, "{threads} threads");
        assert_eq!(entities::to_spacy(&items), entities::to_spacy(&expected));

        // Article by article, as the command line writes these formats.
        let mut lines = entities::TokenLines::default();
        let mut csv_text = export::csv_start();
        let mut streamed_errors = Vec::new();
        export::for_each_in_folder_on(
            &folder,
            threads,
            |item| {
                (
                    entities::token_line_blocks(&item, true),
                    export::csv_rows(&item),
                )
            },
            |result| match result {
                Ok(found) => {
                    for (blocks, rows) in found {
                        for block in &blocks {
                            lines.push(block);
                        }
                        csv_text.push_str(&rows);
                    }
                }
                Err(error) => streamed_errors.push(error.to_string()),
            },
        );
        assert_eq!(streamed_errors, expected_errors, "{threads} threads");
        assert_eq!(lines.finish(), conll, "{threads} threads");
        assert_eq!(csv_text, csv, "{threads} threads");
    }

    // The command line: the same text, the broken sidecar reported by name.
    for (format, text) in [
        ("conll", &conll),
        ("wojood", &wojood),
        ("csv", &csv),
        ("jsonl", &jsonl),
    ] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_hashiya"))
            .args(["export", "--format", format])
            .arg(&folder)
            .output()
            .unwrap();
        assert!(output.status.success(), "{format}");
        assert_eq!(String::from_utf8(output.stdout).unwrap(), *text, "{format}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            stderr.matches("hashiya: skipped: ").count(),
            1,
            "{format}: {stderr}"
        );
        assert!(stderr.contains("art3.txt.annotations.json"), "{stderr}");
    }
}

#[test]
fn a_folder_without_sidecars_still_fails_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(corpus(&sources()[0].article), dir.path().join("plain.txt")).unwrap();
    for format in ["conll", "csv"] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_hashiya"))
            .args(["export", "--format", format])
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(!output.status.success());
        assert!(output.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("no annotations files"), "{stderr}");
        assert!(
            stderr.contains(&dir.path().display().to_string()),
            "{stderr}"
        );
    }
}
