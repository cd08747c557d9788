//! Command-line parsing errors in the interface language.
//!
//! clap writes its parsing errors in English. In another interface language the error is
//! written again here from its kind and context (the argument, the value, the possible
//! values, the suggestions, the usage line). The English interface keeps clap's own text.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::tr;

/// Indentation of the lines under a headline, as clap indents them.
const TAB: &str = "  ";

/// The whole error text, ending in a newline; `None` for a kind this does not know, which
/// then keeps clap's English.
pub fn localized(error: &clap::Error) -> Option<String> {
    let (headline, lines) = headline(error)?;
    let mut out = tr!("cli-parse-error", detail = headline);
    for line in lines {
        out.push('\n');
        out.push_str(TAB);
        out.push_str(&line);
    }
    let mut tips = Vec::new();
    for (kind, id) in [
        (
            ContextKind::SuggestedSubcommand,
            "cli-parse-tip-similar-subcommand",
        ),
        (ContextKind::SuggestedArg, "cli-parse-tip-similar-argument"),
        (ContextKind::SuggestedValue, "cli-parse-tip-similar-value"),
    ] {
        let names = strings(error.get(kind));
        if !names.is_empty() {
            tips.push(similar(id, &names));
        }
    }
    if let Some(ContextValue::StyledStrs(suggestions)) = error.get(ContextKind::Suggested) {
        tips.extend(suggestions.iter().map(|s| suggestion(&s.to_string())));
    }
    if !tips.is_empty() {
        out.push('\n');
        for tip in tips {
            out.push('\n');
            out.push_str(TAB);
            out.push_str(&tr!("cli-parse-tip", tip = tip));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.strip_prefix("Usage:").unwrap_or(&usage).trim_start();
        out.push_str("\n\n");
        out.push_str(&tr!("cli-help-usage"));
        out.push(' ');
        out.push_str(usage);
    }
    out.push_str("\n\n");
    out.push_str(&tr!("cli-parse-more-information", flag = "--help"));
    out.push('\n');
    Some(out)
}

/// The first line's text after «error:», and the lines under it (the possible values, the
/// missing arguments), which are not part of the message, so that each line is isolated on
/// its own.
fn headline(error: &clap::Error) -> Option<(String, Vec<String>)> {
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(text)) => Some(text.clone()),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let mut lines = Vec::new();
    let line = match error.kind() {
        ErrorKind::UnknownArgument => tr!("cli-parse-unexpected-argument", arg = arg?),
        ErrorKind::InvalidValue if value.as_deref() == Some("") => {
            tr!("cli-parse-value-missing", arg = arg?)
        }
        ErrorKind::InvalidValue => {
            let possible = strings(error.get(ContextKind::ValidValue));
            if !possible.is_empty() {
                let inline = tr!("cli-help-possible-values-inline");
                lines.push(format!("{inline}{}]", possible.join(", ")));
            }
            tr!("cli-parse-invalid-value", value = value?, arg = arg?)
        }
        ErrorKind::ValueValidation => {
            let line = tr!("cli-parse-invalid-value", value = value?, arg = arg?);
            // The reason is the value parser's own (Rust's number parsing, say), not clap's.
            match std::error::Error::source(error) {
                Some(reason) => format!("{line}: {reason}"),
                None => line,
            }
        }
        ErrorKind::TooManyValues => {
            tr!("cli-parse-unexpected-value", value = value?, arg = arg?)
        }
        ErrorKind::InvalidSubcommand => tr!(
            "cli-parse-unrecognized-subcommand",
            name = text(ContextKind::InvalidSubcommand)?
        ),
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(error.get(ContextKind::InvalidArg));
            if missing.is_empty() {
                return None;
            }
            lines = missing;
            tr!("cli-parse-missing-arguments")
        }
        ErrorKind::ArgumentConflict => {
            let arg = arg?;
            match error.get(ContextKind::PriorArg) {
                Some(ContextValue::String(prior)) if *prior == arg => {
                    tr!("cli-parse-argument-repeated", arg = arg)
                }
                Some(ContextValue::String(prior)) => {
                    tr!(
                        "cli-parse-argument-conflict",
                        arg = arg,
                        other = prior.clone()
                    )
                }
                Some(ContextValue::Strings(prior)) => {
                    tr!(
                        "cli-parse-argument-conflict",
                        arg = arg,
                        other = prior.join(", ")
                    )
                }
                _ => tr!("cli-parse-argument-conflict-others", arg = arg),
            }
        }
        ErrorKind::InvalidUtf8 => tr!("cli-parse-invalid-utf8"),
        _ => return None,
    };
    Some((line, lines))
}

/// The strings of a context value: one, several, or none.
fn strings(value: Option<&ContextValue>) -> Vec<String> {
    match value {
        Some(ContextValue::String(one)) => vec![one.clone()],
        Some(ContextValue::Strings(many)) => many.clone(),
        _ => Vec::new(),
    }
}

/// «a similar argument exists: '--format'», for one name or several.
fn similar(id: &str, names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let mut args = crate::i18n::Args::new();
    args.set("count", crate::i18n::arg(names.len()));
    args.set("names", crate::i18n::arg(quoted.join(", ")));
    crate::i18n::message(id, Some(&args))
}

/// One of clap's own suggestions, recognized by its English wording and written again; one
/// not recognized is kept as clap wrote it.
fn suggestion(english: &str) -> String {
    if let Some(rest) = english.strip_prefix("to pass '")
        && let Some((arg, use_)) = rest.split_once("' as a value, use '")
    {
        let instead = use_.strip_suffix('\'').unwrap_or(use_);
        return tr!("cli-parse-tip-as-value", arg = arg, instead = instead);
    }
    if let Some(rest) = english.strip_prefix("subcommand '")
        && let Some((name, _)) = rest.split_once("' exists; to use it, remove the '--' before it")
    {
        return tr!("cli-parse-tip-remove-dashes", name = name);
    }
    if let Some(rest) = english.strip_prefix('\'')
        && let Some(exists) = rest.strip_suffix("' exists")
    {
        return tr!("cli-parse-tip-exists", name = exists);
    }
    english.to_owned()
}
