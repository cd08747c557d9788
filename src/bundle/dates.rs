//! Dates as news databases print them, in English and Arabic: `July 27, 2015 Monday`,
//! `27 July 2015`, `27 يوليو 2015`, `27 تموز 2015`, `٢٧ تموز ٢٠١٥`, `2015-07-27`.

/// Month names: English (full and short), the Arabic transliterated Gregorian names used in
/// Egypt and the Gulf, and the Syriac-derived names used in the Levant and Iraq. Arabic
/// names are given as [`fold`] leaves them.
const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("ابريل", 4),
    ("افريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    ("شباط", 2),
    ("اذار", 3),
    ("نيسان", 4),
    ("ايار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("اب", 8),
    ("ايلول", 9),
    // Two-word names: the first word, then "the first" or "the second".
    ("كانون", 0),
    ("تشرين", 0),
];

/// Lower case, Arabic-Indic and Persian digits as ASCII, hamza forms of alef as bare alef,
/// ta marbuta as ha, alef maqsura as ya.
fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06f0}'..='\u{06f9}' => char::from(b'0' + (c as u32 - 0x06f0) as u8),
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ة' => 'ه',
            'ى' => 'ي',
            _ => c.to_lowercase().next().unwrap_or(c),
        })
        .collect()
}

fn month_of(word: &str, next: Option<&str>) -> Option<u8> {
    let month = MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, month)| *month)?;
    if month != 0 {
        return Some(month);
    }
    // كانون الثاني January, كانون الأول December, تشرين الأول October, تشرين الثاني November.
    let second = next?;
    let first_of_pair = second.starts_with("الاول");
    let second_of_pair = second.starts_with("الثاني");
    match (word, first_of_pair, second_of_pair) {
        ("كانون", false, true) => Some(1),
        ("كانون", true, false) => Some(12),
        ("تشرين", true, false) => Some(10),
        ("تشرين", false, true) => Some(11),
        _ => None,
    }
}

/// The date in `text`, as ISO 8601 (`2015-07-27`), if one can be read: a month name with a
/// day and a four-digit year around it, or `YYYY-MM-DD`. Weekdays and times are ignored.
pub fn parse_date(text: &str) -> Option<String> {
    let folded = fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '،' | '/' | '-' | '.' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    let number = |w: &str| -> Option<u32> {
        (w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit()))
            .then(|| w.parse().ok())
            .flatten()
    };
    // A month name: the day and year are the numbers nearest to it.
    for (idx, word) in words.iter().enumerate() {
        let Some(month) = month_of(word, words.get(idx + 1).copied()) else {
            continue;
        };
        let before = idx
            .checked_sub(1)
            .and_then(|i| words.get(i))
            .and_then(|w| number(w));
        let after: Vec<u32> = words
            .iter()
            .skip(idx + 1)
            .take(3)
            .filter_map(|w| number(w))
            .collect();
        let (day, year) = match (before, after.as_slice()) {
            (Some(day), [year, ..]) if day <= 31 && *year >= 1000 => (day, *year),
            (_, [day, year, ..]) if *day <= 31 && *year >= 1000 => (*day, *year),
            _ => continue,
        };
        if let Some(date) = iso(year, month.into(), day) {
            return Some(date);
        }
    }
    // YYYY-MM-DD.
    let numbers: Vec<u32> = words.iter().filter_map(|w| number(w)).collect();
    for window in numbers.windows(3) {
        if let [year, month, day] = *window
            && year >= 1000
            && let Some(date) = iso(year, month, day)
        {
            return Some(date);
        }
    }
    None
}

fn iso(year: u32, month: u32, day: u32) -> Option<String> {
    let date = jiff::civil::Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()?;
    Some(date.to_string())
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn english_arabic_and_numeric_dates() {
        let cases = [
            ("July 27, 2015 Monday", Some("2015-07-27")),
            ("27 July 2015", Some("2015-07-27")),
            ("Monday, 3 Aug. 2015 12:00 AM GMT", Some("2015-08-03")),
            ("27 يوليو 2015", Some("2015-07-27")),
            ("27 تموز 2015", Some("2015-07-27")),
            ("الاثنين ٢٧ تموز/يوليو ٢٠١٥", Some("2015-07-27")),
            ("٥ أغسطس ٢٠١٥", Some("2015-08-05")),
            ("1 كانون الثاني 2016", Some("2016-01-01")),
            ("31 كانون الأول 2015", Some("2015-12-31")),
            ("2 تشرين الأول 2015", Some("2015-10-02")),
            ("9 تشرين الثاني 2015", Some("2015-11-09")),
            ("٢٠ آب ٢٠١٥", Some("2015-08-20")),
            ("2015-07-27", Some("2015-07-27")),
            ("Load-Date: August 4, 2015", Some("2015-08-04")),
            ("30 February 2015", None),
            ("July 2015", None),
            ("no date here", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_date(text).as_deref(), expected, "{text}");
        }
    }
}
