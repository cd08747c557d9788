//! The interface language: every string the window, the dialogs and the command line show
//! comes from a Fluent file (`assets/i18n/<language>.ftl`), with the plural rules, digits and
//! month names of the language the user chose.
//!
//! The current choice is process-wide ([`set_interface`]); [`tr!`](crate::tr) looks a message
//! up in it. Nothing here draws anything: the window draws the strings through cosmic-text
//! (`ui::text`), since they may be right-to-left.

mod dates;
mod locale;

use std::borrow::Cow;
use std::sync::{OnceLock, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

pub use dates::{MonthNames, format_date, format_timestamp};
pub use locale::{SystemLocale, system_locale};

/// A language the interface is offered in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UiLanguage {
    #[default]
    #[serde(rename = "en")]
    English,
    #[serde(rename = "ar")]
    Arabic,
}

impl UiLanguage {
    /// Every interface language, in the order View ▸ Language lists them.
    pub const ALL: [UiLanguage; 2] = [UiLanguage::English, UiLanguage::Arabic];

    /// The BCP 47 code (`en`, `ar`).
    pub fn code(self) -> &'static str {
        match self {
            UiLanguage::English => "en",
            UiLanguage::Arabic => "ar",
        }
    }

    /// The language's name in itself, as View ▸ Language shows it.
    pub fn endonym(self) -> &'static str {
        match self {
            UiLanguage::English => "English",
            UiLanguage::Arabic => "العربية",
        }
    }

    /// Whether the interface is laid out from the right.
    pub fn is_rtl(self) -> bool {
        matches!(self, UiLanguage::Arabic)
    }

    /// The Fluent files of the language: (name, source).
    pub fn ftl_sources(self) -> &'static [(&'static str, &'static str)] {
        match self {
            UiLanguage::English => &ftl_files!("en"),
            UiLanguage::Arabic => &ftl_files!("ar"),
        }
    }

    /// The interface language for a locale: Arabic for `ar…`, English otherwise.
    pub fn for_locale(locale: &SystemLocale) -> Self {
        match locale.language.as_str() {
            "ar" => UiLanguage::Arabic,
            _ => UiLanguage::English,
        }
    }

    fn index(self) -> usize {
        match self {
            UiLanguage::English => 0,
            UiLanguage::Arabic => 1,
        }
    }
}

/// The Fluent files of one language, one per part of the program.
macro_rules! ftl_files {
    ($lang:literal) => {
        [
            (
                "commands",
                include_str!(concat!("../../assets/i18n/", $lang, "/commands.ftl")),
            ),
            (
                "main",
                include_str!(concat!("../../assets/i18n/", $lang, "/main.ftl")),
            ),
            (
                "folder",
                include_str!(concat!("../../assets/i18n/", $lang, "/folder.ftl")),
            ),
            (
                "compare",
                include_str!(concat!("../../assets/i18n/", $lang, "/compare.ftl")),
            ),
            (
                "dialogs",
                include_str!(concat!("../../assets/i18n/", $lang, "/dialogs.ftl")),
            ),
            (
                "panels",
                include_str!(concat!("../../assets/i18n/", $lang, "/panels.ftl")),
            ),
            (
                "cli",
                include_str!(concat!("../../assets/i18n/", $lang, "/cli.ftl")),
            ),
            (
                "errors",
                include_str!(concat!("../../assets/i18n/", $lang, "/errors.ftl")),
            ),
        ]
    };
}
use ftl_files;

/// The digits interface numbers are written with. Article text is never changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Digits {
    /// 0123456789
    #[default]
    Western,
    /// ٠١٢٣٤٥٦٧٨٩
    ArabicIndic,
    /// ۰۱۲۳۴۵۶۷۸۹
    Persian,
}

impl Digits {
    /// Every choice, in the order the View menu lists them.
    pub const ALL: [Digits; 3] = [Digits::Western, Digits::ArabicIndic, Digits::Persian];

    /// The digits a locale writes with, as CLDR's default numbering systems give them:
    /// Western for English and for the Arabic of the Maghreb (`ar_MA`, `ar_DZ`, `ar_TN`,
    /// `ar_LY`, `ar_EH`) and of the Emirates, Arabic-Indic for the rest of Arabic (and for Arabic with
    /// no region), Persian for Persian.
    pub fn for_locale(locale: &SystemLocale) -> Self {
        match (locale.language.as_str(), locale.region.as_deref()) {
            ("ar", Some("MA" | "DZ" | "TN" | "LY" | "EH" | "AE")) => Digits::Western,
            ("ar", _) => Digits::ArabicIndic,
            ("fa", _) => Digits::Persian,
            _ => Digits::Western,
        }
    }

    /// The digit zero of the set.
    fn zero(self) -> char {
        match self {
            Digits::Western => '0',
            Digits::ArabicIndic => '\u{0660}',
            Digits::Persian => '\u{06F0}',
        }
    }

    /// The minus sign of the set (CLDR's `minusSign` of `arab` and `arabext`).
    fn minus(self) -> &'static str {
        match self {
            Digits::Western => "-",
            Digits::ArabicIndic => "\u{061C}-",
            Digits::Persian => "\u{200E}\u{2212}",
        }
    }

    /// `text` with its Western digits (and decimal point between digits) written in this set.
    pub fn apply(self, text: &str) -> Cow<'_, str> {
        if self == Digits::Western || !text.bytes().any(|b| b.is_ascii_digit()) {
            return Cow::Borrowed(text);
        }
        let zero = self.zero() as u32;
        let mut out = String::with_capacity(text.len() * 2);
        let mut previous_digit = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if let Some(d) = c.to_digit(10).filter(|_| c.is_ascii_digit()) {
                out.push(char::from_u32(zero + d).unwrap_or(c));
                previous_digit = true;
                continue;
            }
            let next_digit = chars.peek().is_some_and(char::is_ascii_digit);
            match c {
                // The Arabic decimal separator, between digits only.
                '.' if previous_digit && next_digit => out.push('\u{066B}'),
                // The Arabic thousands separator.
                ',' if previous_digit && next_digit => out.push('\u{066C}'),
                '%' if previous_digit => out.push('\u{066A}'),
                // A minus sign before a number, as CLDR writes it for the set: after an
                // Arabic letter mark, or a left-to-right mark and U+2212 for Persian.
                '-' if !previous_digit && next_digit => out.push_str(self.minus()),
                _ => out.push(c),
            }
            previous_digit = false;
        }
        Cow::Owned(out)
    }
}

/// What the interface currently speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interface {
    pub language: UiLanguage,
    pub digits: Digits,
    pub months: MonthNames,
}

impl Interface {
    /// The interface a locale asks for.
    pub fn for_locale(locale: &SystemLocale) -> Self {
        let language = UiLanguage::for_locale(locale);
        Self {
            language,
            digits: Digits::for_locale(locale),
            months: MonthNames::for_locale(language, locale),
        }
    }
}

impl Default for Interface {
    fn default() -> Self {
        Self {
            language: UiLanguage::English,
            digits: Digits::Western,
            months: MonthNames::English,
        }
    }
}

static CURRENT: RwLock<Interface> = RwLock::new(Interface {
    language: UiLanguage::English,
    digits: Digits::Western,
    months: MonthNames::English,
});

/// Makes `interface` the one every later message uses.
pub fn set_interface(interface: Interface) {
    match CURRENT.write() {
        Ok(mut current) => *current = interface,
        Err(poisoned) => *poisoned.into_inner() = interface,
    }
}

/// The interface every message currently uses.
pub fn interface() -> Interface {
    match CURRENT.read() {
        Ok(current) => *current,
        Err(poisoned) => *poisoned.into_inner(),
    }
}

/// The current interface language.
pub fn language() -> UiLanguage {
    interface().language
}

/// Whether the interface is currently laid out from the right.
pub fn is_rtl() -> bool {
    language().is_rtl()
}

/// A number written with the interface's digits.
pub fn number(n: impl std::fmt::Display) -> String {
    let text = n.to_string();
    interface().digits.apply(&text).into_owned()
}

/// `timestamp` as the interface writes dates and times (its month names and digits).
pub fn timestamp(timestamp: jiff::Timestamp) -> String {
    let interface = interface();
    format_timestamp(timestamp, interface.months, interface.digits)
}

/// `text` with its digits written in the interface's set.
pub fn digits(text: &str) -> Cow<'_, str> {
    interface().digits.apply(text)
}

/// A number typed in any of the digit sets ([`Digits::ALL`]), with the Arabic decimal and
/// thousands separators allowed: `None` when `text` is not a number.
pub fn parse_number(text: &str) -> Option<f64> {
    let mut western = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{0660}'..='\u{0669}' => western.push(char::from(b'0' + (c as u32 - 0x0660) as u8)),
            '\u{06F0}'..='\u{06F9}' => western.push(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
            '\u{066B}' => western.push('.'),
            // Thousands separators, and the marks that keep a number's direction.
            '\u{066C}' | ',' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{2066}'..='\u{2069}' => {}
            c if c.is_whitespace() => {}
            c => western.push(c),
        }
    }
    western.parse().ok()
}

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle; 2] {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| UiLanguage::ALL.map(build_bundle))
}

/// The bundle of one language. A syntax error in a shipped file is a bug the tests catch;
/// here the entries that parsed are kept.
fn build_bundle(language: UiLanguage) -> Bundle {
    let id: unic_langid::LanguageIdentifier = language
        .code()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Arguments (file names, label names) are isolated only where the text around them is
    // right-to-left; English strings are drawn by egui, which has no isolates.
    bundle.set_use_isolating(language.is_rtl());
    bundle.set_formatter(Some(format_value));
    let plural = match language {
        UiLanguage::English => plural_english,
        UiLanguage::Arabic => plural_arabic,
    };
    if let Err(error) = bundle.add_function("PLURAL", plural) {
        log::error!("PLURAL: {error:?}");
    }
    for (name, source) in language.ftl_sources() {
        let resource = match FluentResource::try_new((*source).to_owned()) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                log::error!("{}/{name}.ftl: {errors:?}", language.code());
                resource
            }
        };
        if let Err(errors) = bundle.add_resource(resource) {
            log::error!("{}/{name}.ftl: {errors:?}", language.code());
        }
    }
    bundle
}

fn plural_english<'a>(positional: &[FluentValue<'a>], _: &FluentArgs) -> FluentValue<'a> {
    plural_of(UiLanguage::English, positional)
}

fn plural_arabic<'a>(positional: &[FluentValue<'a>], _: &FluentArgs) -> FluentValue<'a> {
    plural_of(UiLanguage::Arabic, positional)
}

/// `PLURAL($n)`: the CLDR plural category of the number `$n`.
fn plural_of<'a>(language: UiLanguage, positional: &[FluentValue<'a>]) -> FluentValue<'a> {
    match positional.first() {
        Some(FluentValue::Number(n)) => FluentValue::from(cldr_plural(language, n.value)),
        _ => FluentValue::from("other"),
    }
}

/// Numbers in messages take the interface's digits.
fn format_value<M>(value: &FluentValue, _memoizer: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(interface().digits.apply(&n.as_string()).into_owned()),
        _ => None,
    }
}

/// Arguments of a message.
pub type Args<'a> = FluentArgs<'a>;

/// The message `id` in the current language, with `args`. A message missing from the
/// language falls back to English, and a message missing from English shows its id.
pub fn message(id: &str, args: Option<&Args<'_>>) -> String {
    message_in(language(), id, args)
}

/// The message `id` in `language`.
pub fn message_in(language: UiLanguage, id: &str, args: Option<&Args<'_>>) -> String {
    let bundles = bundles();
    for bundle in [&bundles[language.index()], &bundles[0]] {
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                log::warn!("message {id}: {errors:?}");
            }
            return text.into_owned();
        }
    }
    log::warn!("no message {id}");
    id.to_owned()
}

/// The message `id` whose one argument, `$path`, is `path`: the text of an error about a
/// file.
pub fn with_path(id: &str, path: &std::path::Path) -> String {
    let mut args = Args::new();
    args.set("path", arg(path));
    message(id, Some(&args))
}

/// Whether `language`'s file has message `id`.
pub fn has_message(language: UiLanguage, id: &str) -> bool {
    bundles()[language.index()].has_message(id)
}

/// A message of the interface language: `tr!("id")`, or with arguments
/// `tr!("id", count = n, name = text)`.
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::message($id, None)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::Args::new();
        $( args.set(stringify!($name), $crate::i18n::arg($value)); )+
        $crate::i18n::message($id, Some(&args))
    }};
}

/// A message argument: numbers stay numbers (for plural rules), the rest is text.
pub fn arg<'a>(value: impl IntoArg<'a>) -> FluentValue<'a> {
    value.into_arg()
}

/// What may be passed to a message.
pub trait IntoArg<'a> {
    fn into_arg(self) -> FluentValue<'a>;
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl<'a> IntoArg<'a> for $t {
            fn into_arg(self) -> FluentValue<'a> {
                FluentValue::from(self)
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize, f32, f64);

impl<'a> IntoArg<'a> for &'a str {
    fn into_arg(self) -> FluentValue<'a> {
        FluentValue::from(self)
    }
}

impl<'a> IntoArg<'a> for String {
    fn into_arg(self) -> FluentValue<'a> {
        FluentValue::from(self)
    }
}

impl<'a> IntoArg<'a> for &'a String {
    fn into_arg(self) -> FluentValue<'a> {
        FluentValue::from(self.as_str())
    }
}

impl<'a> IntoArg<'a> for Cow<'a, str> {
    fn into_arg(self) -> FluentValue<'a> {
        FluentValue::from(self)
    }
}

impl<'a> IntoArg<'a> for &'a std::path::Path {
    fn into_arg(self) -> FluentValue<'a> {
        FluentValue::from(self.display().to_string())
    }
}

impl<'a> IntoArg<'a> for &'a std::path::PathBuf {
    fn into_arg(self) -> FluentValue<'a> {
        FluentValue::from(self.display().to_string())
    }
}

/// The ids and argument names of every message in a Fluent source, sorted.
pub fn message_signatures(source: &str) -> Result<Vec<(String, Vec<String>)>, String> {
    let resource =
        FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| format!("{errors:?}"))?;
    let mut out = Vec::new();
    for entry in resource.entries() {
        if let fluent_syntax::ast::Entry::Message(message) = entry {
            let mut names = Vec::new();
            if let Some(pattern) = &message.value {
                pattern_variables(pattern, &mut names);
            }
            names.sort();
            names.dedup();
            out.push((message.id.name.to_owned(), names));
        }
    }
    out.sort();
    Ok(out)
}

fn pattern_variables(pattern: &fluent_syntax::ast::Pattern<&str>, names: &mut Vec<String>) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    fn inline(expression: &InlineExpression<&str>, names: &mut Vec<String>) {
        match expression {
            InlineExpression::VariableReference { id } => names.push(id.name.to_owned()),
            InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline(a, names);
                }
            }
            InlineExpression::Placeable { expression } => expr(expression, names),
            _ => {}
        }
    }
    fn expr(expression: &Expression<&str>, names: &mut Vec<String>) {
        match expression {
            Expression::Inline(i) => inline(i, names),
            Expression::Select { selector, variants } => {
                inline(selector, names);
                for variant in variants {
                    pattern_variables(&variant.value, names);
                }
            }
        }
    }
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expr(expression, names);
        }
    }
}

/// The plural category CLDR gives `n` in `language` (`zero`, `one`, `two`, `few`, `many`,
/// `other`).
pub fn plural_category(language: UiLanguage, n: u64) -> &'static str {
    #[allow(clippy::cast_precision_loss)]
    cldr_plural(language, n as f64)
}

/// CLDR's cardinal plural rules for the interface languages. Messages select on
/// `PLURAL($count)` rather than on `$count` itself: the rules Fluent carries
/// (`intl_pluralrules` 7.0) give Arabic 103 `other` and 111 `other`, where CLDR has `few` and
/// `many` (they test the integer itself, not its last two digits).
// CLDR's `n = 1` means exactly one; counts arrive as whole numbers.
#[allow(clippy::float_cmp)]
fn cldr_plural(language: UiLanguage, n: f64) -> &'static str {
    let integer = n.fract() == 0.0 && n.is_finite();
    match language {
        UiLanguage::English => {
            if n == 1.0 {
                "one"
            } else {
                "other"
            }
        }
        UiLanguage::Arabic => {
            let last_two = if integer { n.abs() % 100.0 } else { -1.0 };
            if n == 0.0 {
                "zero"
            } else if n == 1.0 {
                "one"
            } else if n == 2.0 {
                "two"
            } else if (3.0..=10.0).contains(&last_two) {
                "few"
            } else if (11.0..=99.0).contains(&last_two) {
                "many"
            } else {
                "other"
            }
        }
    }
}

/// Select expressions in `source` whose variants are plural categories but whose selector
/// is not `PLURAL(…)`: (message id, selector) pairs.
pub fn plural_selects_without_rules(source: &str) -> Result<Vec<String>, String> {
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement, VariantKey};
    let resource =
        FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| format!("{errors:?}"))?;
    let mut out = Vec::new();
    for entry in resource.entries() {
        let Entry::Message(message) = entry else {
            continue;
        };
        let Some(pattern) = &message.value else {
            continue;
        };
        let mut stack = vec![pattern];
        while let Some(pattern) = stack.pop() {
            for element in &pattern.elements {
                let PatternElement::Placeable {
                    expression: Expression::Select { selector, variants },
                } = element
                else {
                    continue;
                };
                let is_plural = variants.iter().any(|v| {
                    matches!(&v.key, VariantKey::Identifier { name }
                        if matches!(*name, "zero" | "one" | "two" | "few" | "many"))
                });
                let uses_rules = matches!(selector,
                    InlineExpression::FunctionReference { id, .. } if id.name == "PLURAL");
                if is_plural && !uses_rules {
                    out.push(message.id.name.to_owned());
                }
                stack.extend(variants.iter().map(|v| &v.value));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_change_numbers_only() {
        assert_eq!(Digits::ArabicIndic.apply("12 of 345"), "١٢ of ٣٤٥");
        assert_eq!(Digits::Persian.apply("0.75"), "۰٫۷۵");
        assert_eq!(Digits::ArabicIndic.apply("50%"), "٥٠٪");
        assert_eq!(Digits::ArabicIndic.apply("1,234"), "١٬٢٣٤");
        assert_eq!(Digits::ArabicIndic.apply("a.b, c"), "a.b, c");
        assert_eq!(Digits::Western.apply("12"), "12");
        assert_eq!(Digits::ArabicIndic.apply("-0.004"), "\u{061C}-٠٫٠٠٤");
        assert_eq!(Digits::Persian.apply("-1"), "\u{200E}\u{2212}۱");
        assert_eq!(Digits::ArabicIndic.apply("1-9 and a-b"), "١-٩ and a-b");
    }

    #[test]
    fn numbers_are_read_in_every_digit_set() {
        assert_eq!(parse_number("4772"), Some(4772.0));
        assert_eq!(parse_number("٤٧٧٢"), Some(4772.0));
        assert_eq!(parse_number("۴۷۷۲"), Some(4772.0));
        assert_eq!(parse_number(" ١٬٠٠٠ "), Some(1000.0));
        assert_eq!(parse_number("٠٫٥"), Some(0.5));
        assert_eq!(parse_number("\u{2066}٣٠\u{2069}"), Some(30.0));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number(""), None);
    }
}
