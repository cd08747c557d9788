//! The interface languages: every message file of every language has the same messages with
//! the same arguments, every message the code asks for exists, Arabic counts take CLDR's six
//! plural forms, and the default digits and month names of each Arabic locale are CLDR's
//! (`tests/fixtures/i18n/cldr.json`, written by `scripts/gen-i18n-fixtures.py` from Babel).

use std::collections::BTreeMap;
use std::path::Path;

use hashiya::i18n::{
    self, Digits, Interface, MonthNames, SystemLocale, UiLanguage, format_date, message_in,
    message_signatures, plural_category,
};

fn cldr() -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/i18n/cldr.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn every_language_has_the_same_messages_and_arguments() {
    let english = UiLanguage::English.ftl_sources();
    let mut total = 0;
    for language in UiLanguage::ALL {
        let sources = language.ftl_sources();
        assert_eq!(sources.len(), english.len());
        let mut seen = BTreeMap::new();
        for ((name, source), (english_name, english_source)) in sources.iter().zip(english) {
            assert_eq!(name, english_name);
            let signatures = message_signatures(source)
                .unwrap_or_else(|e| panic!("{}/{name}.ftl does not parse: {e}", language.code()));
            let expected = message_signatures(english_source).unwrap();
            let ids =
                |s: &[(String, Vec<String>)]| s.iter().map(|m| m.0.clone()).collect::<Vec<_>>();
            let missing: Vec<_> = ids(&expected)
                .into_iter()
                .filter(|id| !ids(&signatures).contains(id))
                .collect();
            let extra: Vec<_> = ids(&signatures)
                .into_iter()
                .filter(|id| !ids(&expected).contains(id))
                .collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}/{name}.ftl: missing {missing:?}, not in English {extra:?}",
                language.code()
            );
            assert_eq!(
                signatures,
                expected,
                "{}/{name}.ftl: a message's arguments differ from English",
                language.code()
            );
            for (id, _) in &signatures {
                if let Some(other) = seen.insert(id.clone(), *name) {
                    panic!("{id} is in both {other}.ftl and {name}.ftl");
                }
            }
            total += signatures.len();
        }
    }
    assert!(total > 200, "only {total} messages");
}

/// Counts select their form through `PLURAL(…)`, whose rules are CLDR's (Fluent's own give
/// Arabic 103 and 111 the wrong form).
#[test]
fn plural_messages_use_cldr_rules() {
    for language in UiLanguage::ALL {
        for (name, source) in language.ftl_sources() {
            let wrong = i18n::plural_selects_without_rules(source).unwrap();
            assert!(
                wrong.is_empty(),
                "{}/{name}.ftl selects on a bare number in {wrong:?}; write PLURAL($count)",
                language.code()
            );
        }
    }
}

/// Every `tr!("id"…)` and `i18n::message("id"…)` in the sources names a message of every
/// language.
#[test]
fn every_message_the_code_asks_for_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut asked = 0;
    for entry in walkdir::WalkDir::new(&root) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let source = std::fs::read_to_string(entry.path()).unwrap();
        for opener in ["tr!(\"", "i18n::message(\"", "message_in(language, \""] {
            for (at, _) in source.match_indices(opener) {
                let before = source[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue; // include_str!(…) and the like
                }
                let rest = &source[at + opener.len()..];
                let id = &rest[..rest.find('"').unwrap()];
                if opener.starts_with("tr!") && id == "id" {
                    continue; // the macro's own documentation
                }
                for language in UiLanguage::ALL {
                    assert!(
                        i18n::has_message(language, id),
                        "{}: {id} is not in {}",
                        entry.path().display(),
                        language.code()
                    );
                }
                asked += 1;
            }
        }
    }
    assert!(asked > 50, "only {asked} messages found in the sources");
}

/// Every message of the files is used: its id appears as a string in the sources (most
/// through `tr!`, the command table's through its rows). `articles-count` is the plural
/// rules' own test message.
#[test]
fn every_message_is_used() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut sources = String::new();
    for entry in walkdir::WalkDir::new(&root) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "rs") {
            sources.push_str(&std::fs::read_to_string(entry.path()).unwrap());
        }
    }
    for (name, source) in UiLanguage::English.ftl_sources() {
        for (id, _) in message_signatures(source).unwrap() {
            if id == "articles-count" {
                continue;
            }
            assert!(
                sources.contains(&format!("\"{id}\"")),
                "{name}.ftl: {id} is not used"
            );
        }
    }
}

/// The plural category of every count in the fixture is CLDR's, and the Arabic count
/// message takes the right form for each.
#[test]
fn arabic_counts_take_cldr_plural_forms() {
    let cldr = cldr();
    for (code, language) in [("ar", UiLanguage::Arabic), ("en", UiLanguage::English)] {
        for (n, category) in cldr["plural"][code].as_object().unwrap() {
            let n: u64 = n.parse().unwrap();
            assert_eq!(
                plural_category(language, n),
                category.as_str().unwrap(),
                "{code} {n}"
            );
        }
    }
    // Western digits, so the forms can be written here; the digit test below changes them.
    i18n::set_interface(Interface {
        language: UiLanguage::English,
        digits: Digits::Western,
        months: MonthNames::English,
    });
    let count = |language, n: u64| {
        let mut args = i18n::Args::new();
        args.set("count", i18n::arg(n));
        message_in(language, "articles-count", Some(&args))
    };
    for (n, expected) in [
        (0, "لا مقالات"),
        (1, "مقالة واحدة"),
        (2, "مقالتان"),
        (3, "3 مقالات"),
        (11, "11 مقالة"),
        (100, "100 مقالة"),
        (103, "103 مقالات"),
        (111, "111 مقالة"),
    ] {
        // Numbers in right-to-left messages are isolated (FSI … PDI).
        let text = count(UiLanguage::Arabic, n).replace(['\u{2068}', '\u{2069}'], "");
        assert_eq!(text, expected, "{n}");
    }
    assert_eq!(count(UiLanguage::English, 1), "1 article");
    assert_eq!(count(UiLanguage::English, 0), "0 articles");
    assert_eq!(count(UiLanguage::English, 11), "11 articles");

    // The digit setting reaches numbers inside messages, and plural rules still see the
    // number.
    for (digits, expected) in [
        (Digits::ArabicIndic, "١١ مقالة"),
        (Digits::Persian, "۱۱ مقالة"),
        (Digits::Western, "11 مقالة"),
    ] {
        i18n::set_interface(Interface {
            language: UiLanguage::Arabic,
            digits,
            months: MonthNames::Arabic,
        });
        let text =
            hashiya::tr!("articles-count", count = 11u64).replace(['\u{2068}', '\u{2069}'], "");
        assert_eq!(text, expected);
        assert_eq!(
            i18n::number(2026),
            digits.apply("2026"),
            "numbers outside messages"
        );
    }
    // Errors about files speak the interface language too, and still name the file.
    let missing = Path::new("/no/such/folder/مقالة.txt");
    let error = hashiya::document::load(missing).unwrap_err().to_string();
    assert!(
        error.starts_with("الملف غير موجود: ") && error.contains("مقالة.txt"),
        "{error}"
    );
    i18n::set_interface(Interface::default());
    let error = hashiya::document::load(missing).unwrap_err().to_string();
    assert_eq!(error, "the file does not exist: /no/such/folder/مقالة.txt");

    // So do the reasons inside them: a label scheme refused, in Arabic and in English.
    let dir = tempfile::tempdir().unwrap();
    let scheme = dir.path().join("وسوم.json");
    let mut labels = hashiya::annotation::LabelScheme::news_default();
    let mut twin = labels.labels[0].clone();
    twin.shortcut = None;
    labels.labels.push(twin);
    hashiya::annotation::scheme::save(&labels, &scheme).unwrap();
    let id = labels.labels[0].id.clone();
    let scheme_error = || {
        hashiya::annotation::scheme::load(&scheme)
            .unwrap_err()
            .to_string()
            .replace(['\u{2068}', '\u{2069}'], "")
    };
    assert_eq!(
        scheme_error(),
        format!(
            "not a label scheme (two labels have the id {id:?}): {}",
            scheme.display()
        )
    );
    i18n::set_interface(Interface {
        language: UiLanguage::Arabic,
        digits: Digits::ArabicIndic,
        months: MonthNames::Arabic,
    });
    let arabic = scheme_error();
    i18n::set_interface(Interface::default());
    assert_eq!(
        arabic,
        format!(
            "ليس مخطط وسوم (لوسمين المعرّف نفسه {id:?}): {}",
            scheme.display()
        )
    );
}

/// The default digits of each Arabic locale are CLDR's default numbering system; Arabic
/// with no region takes Arabic-Indic digits.
#[test]
fn default_digits_follow_cldr() {
    let cldr = cldr();
    let mut checked = 0;
    for (name, data) in cldr["locales"].as_object().unwrap() {
        let locale = SystemLocale::parse(name);
        if locale.region.is_none() || locale.region.as_deref() == Some("001") {
            assert_eq!(Digits::for_locale(&locale), Digits::ArabicIndic, "{name}");
            continue;
        }
        let expected = match data["numbering"].as_str().unwrap() {
            "latn" => Digits::Western,
            "arab" => Digits::ArabicIndic,
            other => panic!("{name}: {other}"),
        };
        assert_eq!(Digits::for_locale(&locale), expected, "{name}");
        checked += 1;
    }
    assert!(checked >= 25);
    assert_eq!(
        Digits::for_locale(&SystemLocale::parse("ar_MA.UTF-8")),
        Digits::Western
    );
    assert_eq!(
        Digits::for_locale(&SystemLocale::parse("ar_EG.UTF-8")),
        Digits::ArabicIndic
    );
    assert_eq!(
        Digits::for_locale(&SystemLocale::parse("fa_IR.UTF-8")),
        Digits::Persian
    );
    assert_eq!(
        Digits::for_locale(&SystemLocale::parse("en_GB.UTF-8")),
        Digits::Western
    );
}

/// The month names of each Arabic locale are CLDR's.
#[test]
fn month_names_follow_cldr() {
    let cldr = cldr();
    for (name, data) in cldr["locales"].as_object().unwrap() {
        let months = MonthNames::for_locale(UiLanguage::Arabic, &SystemLocale::parse(name));
        let expected: Vec<&str> = data["months"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m.as_str().unwrap())
            .collect();
        let ours: Vec<&str> = (1..=12).map(|m| months.name(m)).collect();
        assert_eq!(ours, expected, "{name}");
    }
    let date = jiff::civil::date(2026, 12, 2);
    assert_eq!(
        format_date(date, MonthNames::Arabic, Digits::ArabicIndic),
        "٢ ديسمبر ٢٠٢٦"
    );
    assert_eq!(
        format_date(date, MonthNames::ArabicLevant, Digits::ArabicIndic),
        "٢ كانون الأول ٢٠٢٦"
    );
    assert_eq!(
        format_date(date, MonthNames::English, Digits::Western),
        "2 December 2026"
    );
    let moment: jiff::Timestamp = "2026-12-02T14:05:09Z".parse().unwrap();
    assert_eq!(
        i18n::format_timestamp(moment, MonthNames::ArabicMaghreb, Digits::Western),
        "2 ديسمبر 2026، 14:05 UTC"
    );
    assert_eq!(
        i18n::format_timestamp(moment, MonthNames::English, Digits::Western),
        "2 December 2026, 14:05 UTC"
    );
}

#[test]
fn the_interface_follows_the_locale() {
    let arabic = Interface::for_locale(&SystemLocale::parse("ar_SY.UTF-8"));
    assert_eq!(arabic.language, UiLanguage::Arabic);
    assert_eq!(arabic.digits, Digits::ArabicIndic);
    assert_eq!(arabic.months, MonthNames::ArabicLevant);
    let maghreb = Interface::for_locale(&SystemLocale::parse("ar_TN.UTF-8"));
    assert_eq!(maghreb.digits, Digits::Western);
    assert_eq!(maghreb.months, MonthNames::ArabicMaghreb);
    let english = Interface::for_locale(&SystemLocale::parse("C.UTF-8"));
    assert_eq!(english, Interface::default());
}
