//! Dates written with the interface language's month names.

use super::{Digits, SystemLocale, UiLanguage};

/// Which month names the interface uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonthNames {
    /// January…
    English,
    /// يناير… (Egypt, the Gulf, Sudan, Libya and most of the Arab world)
    Arabic,
    /// كانون الثاني… (Syria, Lebanon, Jordan, Iraq, Palestine)
    ArabicLevant,
    /// جانفي… (Algeria, Tunisia)
    ArabicMaghreb,
    /// يناير… ماي… (Morocco)
    ArabicMorocco,
    /// يناير… إبريل… (Mauritania)
    ArabicMauritania,
}

const ENGLISH: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const ARABIC: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];
const LEVANT: [&str; 12] = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
];
const MAGHREB: [&str; 12] = [
    "جانفي",
    "فيفري",
    "مارس",
    "أفريل",
    "ماي",
    "جوان",
    "جويلية",
    "أوت",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];
const MOROCCO: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
];

const MAURITANIA: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "إبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغشت",
    "شتمبر",
    "أكتوبر",
    "نوفمبر",
    "دجمبر",
];

impl MonthNames {
    /// The month names of `language` as written in `locale`'s region.
    pub fn for_locale(language: UiLanguage, locale: &SystemLocale) -> Self {
        match language {
            UiLanguage::English => MonthNames::English,
            UiLanguage::Arabic => match locale.region.as_deref() {
                Some("SY" | "LB" | "JO" | "IQ" | "PS") => MonthNames::ArabicLevant,
                Some("DZ" | "TN") => MonthNames::ArabicMaghreb,
                Some("MA") => MonthNames::ArabicMorocco,
                Some("MR") => MonthNames::ArabicMauritania,
                _ => MonthNames::Arabic,
            },
        }
    }

    /// The name of `month` (1–12).
    pub fn name(self, month: i8) -> &'static str {
        let table = match self {
            MonthNames::English => &ENGLISH,
            MonthNames::Arabic => &ARABIC,
            MonthNames::ArabicLevant => &LEVANT,
            MonthNames::ArabicMaghreb => &MAGHREB,
            MonthNames::ArabicMorocco => &MOROCCO,
            MonthNames::ArabicMauritania => &MAURITANIA,
        };
        let index = usize::try_from(month.clamp(1, 12) - 1).unwrap_or(0);
        table[index]
    }
}

/// `date` as the interface writes it: «2 December 2026», «٢ ديسمبر ٢٠٢٦».
pub fn format_date(date: jiff::civil::Date, months: MonthNames, digits: Digits) -> String {
    let text = format!(
        "{} {} {}",
        date.day(),
        months.name(date.month()),
        date.year()
    );
    digits.apply(&text).into_owned()
}

/// `timestamp` in UTC as the interface writes it: «2 December 2026, 14:05 UTC».
pub fn format_timestamp(timestamp: jiff::Timestamp, months: MonthNames, digits: Digits) -> String {
    let utc = timestamp.to_zoned_datetime(jiff::tz::TimeZone::UTC);
    let date = format_date(utc.date(), months, digits);
    let time = format!("{:02}:{:02}", utc.hour(), utc.minute());
    let separator = if months == MonthNames::English {
        ", "
    } else {
        "، "
    };
    format!("{date}{separator}{} UTC", digits.apply(&time))
}
