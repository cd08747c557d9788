//! The user's locale, read from the environment as gettext reads it.

/// A POSIX locale name split into its parts (`ar_MA.UTF-8` → `ar`, `MA`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SystemLocale {
    /// Lower-case language code (`ar`, `en`, `fa`); empty for `C` and `POSIX`.
    pub language: String,
    /// Upper-case region code, if any.
    pub region: Option<String>,
}

impl SystemLocale {
    /// Parses `language[_REGION][.codeset][@modifier]`.
    pub fn parse(name: &str) -> Self {
        let name = name.split(['.', '@']).next().unwrap_or("");
        if name == "C" || name == "POSIX" {
            return Self::default();
        }
        let mut parts = name.splitn(2, ['_', '-']);
        let language = parts.next().unwrap_or("").to_ascii_lowercase();
        let region = parts
            .next()
            .filter(|r| !r.is_empty())
            .map(str::to_ascii_uppercase);
        Self { language, region }
    }
}

/// The locale of messages: the first set, non-empty one of `LC_ALL`, `LC_MESSAGES` and
/// `LANG`, read through `var`.
pub fn system_locale(var: impl Fn(&str) -> Option<String>) -> SystemLocale {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(var)
        .find(|value| !value.is_empty())
        .map(|value| SystemLocale::parse(&value))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn lc_all_then_lc_messages_then_lang() {
        let all = [
            ("LC_ALL", "ar_MA.UTF-8"),
            ("LC_MESSAGES", "en_US"),
            ("LANG", "fa_IR"),
        ];
        assert_eq!(system_locale(env(&all)).region.as_deref(), Some("MA"));
        let messages = [("LC_ALL", ""), ("LC_MESSAGES", "en_US"), ("LANG", "ar_EG")];
        assert_eq!(system_locale(env(&messages)).language, "en");
        let lang = [("LANG", "ar_EG.UTF-8")];
        assert_eq!(
            system_locale(env(&lang)),
            SystemLocale {
                language: "ar".into(),
                region: Some("EG".into())
            }
        );
        assert_eq!(system_locale(env(&[("LANG", "C.UTF-8")])).language, "");
        assert_eq!(system_locale(env(&[])).language, "");
        assert_eq!(SystemLocale::parse("ar@latin").language, "ar");
    }
}
