//! Dates as briefings write them.
//!
//! Publishers write the same day many ways: `2024-03-28`, `March 28, 2024`,
//! `Mar. 28, 2024`, `28 March 2024`, `Thursday, March 28th, 2024`,
//! `2024年3月28日`, `28/03/2024`, `28.03.2024`, `2024/03/28`, and scraped
//! pages glue words together (`March28, 2024`, `March 27, 2024SCIO briefing
//! …`). [`find_dates`] finds all of them in a string, in order, and also
//! reports dates written without a year (`April 21`) so the caller can warn
//! instead of inventing one.
//!
//! Numeric dates with the year last are read day-first or month-first by
//! whichever reading is a date (`28/03/2024` is 28 March, `03/28/2024` is
//! March 28). When both are (`03/04/2024`), the span says so ([`Order::Either`])
//! and [`read_either`] decides by the document's own convention:
//!
//! 1. the document's other numeric dates that read one way only;
//! 2. else its dates in words (`28 March 2024` is day-first, `March 28,
//!    2024` month-first);
//! 3. else the separator: dots (`03.04.2024`) are a day-first convention;
//! 4. else month-first, the US order most English briefings use.

use std::sync::LazyLock;

use super::name;
use jiff::civil::Date;
use regex::Regex;

/// A date found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoundDate {
    /// A complete calendar date.
    Full(Date),
    /// Month and day without a year: not a date podium may store on its own.
    NoYear { month: i8, day: i8 },
}

/// A date and where it was found (byte offsets into the searched string).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateSpan {
    pub date: FoundDate,
    pub start: usize,
    pub end: usize,
    /// Which order the date writes day and month in: evidence of the
    /// publisher's convention, and for `03/04/2024` the other reading.
    pub order: Order,
}

/// The order a date writes its day and month in. Publishers keep to one,
/// so the dates that read one way only tell how to read the ones that read
/// either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Year first (`2024-03-28`, `2024年3月28日`): no convention shown.
    YearFirst,
    /// `28 March 2024`, or numbers only a day can begin with (`28/03/2024`).
    DayFirst { numeric: bool },
    /// `March 28, 2024`, or numbers only a month can begin with
    /// (`03/28/2024`).
    MonthFirst { numeric: bool },
    /// Numbers that are a date either way (`03/04/2024`): the span's date
    /// is the month-first reading, `day_first` the other; `dotted` when
    /// written with dots, a day-first habit.
    Either { day_first: Date, dotted: bool },
}

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d])((\d{4})[-/.](\d{1,2})[-/.](\d{1,2}))(?:[^\d]|$)")
        .expect("static regex")
});
static CJK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日)").expect("static regex")
});
static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[^A-Za-z])(((?i:{MONTHS}))\.?\s*(\d{{1,2}})(?i:st|nd|rd|th)?(?:(?:\s*,\s*|\s+)(\d{{4}}))?)(?:[^\d]|$)"
    ))
    .expect("static regex")
});
/// `28/03/2024`, `03.04.2024`, `28-03-2024`: day and month in either order,
/// the year last (two-digit years are too ambiguous to read).
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d.])((\d{1,2})([-/.])(\d{1,2})([-/.])(\d{4}))(?:[^\d]|$)")
        .expect("static regex")
});
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[^\d])((\d{{1,2}})(?i:st|nd|rd|th)?\s*(?:of\s+)?((?i:{MONTHS}))\.?,?\s+(\d{{4}}))(?:[^\d]|$)"
    ))
    .expect("static regex")
});

/// The English month names, January first: the one table podium reads and
/// writes dates with (the parser, its messages, the corpus generator and
/// the tests' generated briefings).
pub const MONTH_NAMES: [&str; 12] = [
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

/// The name of month `m` (1 = January), or `?` for a number that is none,
/// for messages that must not fail.
pub fn month_name(m: i8) -> &'static str {
    usize::try_from(m - 1)
        .ok()
        .and_then(|i| MONTH_NAMES.get(i))
        .copied()
        .unwrap_or("?")
}

/// Month number of an English month name or abbreviation (its first three
/// letters at least: `Sept`, `Dec.`).
pub fn month_number(name: &str) -> Option<i8> {
    let idx = MONTH_NAMES.iter().position(|m| {
        name.get(..3)
            .is_some_and(|head| head.eq_ignore_ascii_case(&m[..3]))
    })?;
    i8::try_from(idx + 1).ok()
}

fn full(year: &str, month: i8, day: &str) -> Option<FoundDate> {
    let year: i16 = year.parse().ok()?;
    let day: i8 = day.parse().ok()?;
    if !(1900..=2100).contains(&year) {
        return None;
    }
    Date::new(year, month, day).ok().map(FoundDate::Full)
}

fn no_year(month: i8, day: &str) -> Option<FoundDate> {
    let day: i8 = day.parse().ok()?;
    // Validate against a leap year so that February 29 passes.
    Date::new(2024, month, day)
        .ok()
        .map(|_| FoundDate::NoYear { month, day })
}

/// All matches of `re` in `s`, restarting each search where the previous
/// date (capture group 1) ended, so that a boundary character consumed after
/// one date can still open the next.
fn captures<'s>(re: &Regex, s: &'s str) -> Vec<regex::Captures<'s>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at <= s.len() {
        let Some(c) = re.captures_at(s, at) else {
            break;
        };
        let Some(end) = c.get(1).map(|m| m.end()) else {
            break;
        };
        at = if end > at { end } else { at + 1 };
        while !s.is_char_boundary(at) && at < s.len() {
            at += 1;
        }
        out.push(c);
    }
    out
}

/// Every date in `s`, in order of position. Overlapping matches (a
/// month-first match inside an ISO date, say) are dropped in favour of the
/// earlier, longer one.
pub fn find_dates(s: &str) -> Vec<DateSpan> {
    let mut spans = Vec::new();
    for c in captures(&ISO, s) {
        let (Some(all), Some(y), Some(m), Some(d)) = (c.get(1), c.get(2), c.get(3), c.get(4))
        else {
            continue;
        };
        let Ok(month) = m.as_str().parse::<i8>() else {
            continue;
        };
        if let Some(date) = full(y.as_str(), month, d.as_str()) {
            spans.push(DateSpan {
                date,
                start: all.start(),
                end: all.end(),
                order: Order::YearFirst,
            });
        }
    }
    for c in captures(&NUMERIC, s) {
        if let Some(span) = numeric(&c) {
            spans.push(span);
        }
    }
    for c in captures(&CJK, s) {
        let (Some(all), Some(m), Some(d)) = (c.get(1), c.get(3), c.get(4)) else {
            continue;
        };
        let Ok(month) = m.as_str().parse::<i8>() else {
            continue;
        };
        let date = match c.get(2) {
            Some(y) => full(y.as_str(), month, d.as_str()),
            None => no_year(month, d.as_str()),
        };
        if let Some(date) = date {
            spans.push(DateSpan {
                date,
                start: all.start(),
                end: all.end(),
                order: Order::YearFirst,
            });
        }
    }
    for c in captures(&MONTH_FIRST, s) {
        let (Some(all), Some(name), Some(d)) = (c.get(1), c.get(2), c.get(3)) else {
            continue;
        };
        let Some(month) = month_number(name.as_str()) else {
            continue;
        };
        let date = match c.get(4) {
            Some(y) => full(y.as_str(), month, d.as_str()),
            // A year-less date must at least look like one: a capitalised
            // month ("may 5" is a verb and a number far more often).
            None if name
                .as_str()
                .starts_with(|ch: char| ch.is_ascii_uppercase()) =>
            {
                no_year(month, d.as_str())
            }
            None => None,
        };
        if let Some(date) = date {
            spans.push(DateSpan {
                date,
                start: all.start(),
                end: all.end(),
                order: Order::MonthFirst { numeric: false },
            });
        }
    }
    for c in captures(&DAY_FIRST, s) {
        let (Some(all), Some(d), Some(name), Some(y)) = (c.get(1), c.get(2), c.get(3), c.get(4))
        else {
            continue;
        };
        let Some(month) = month_number(name.as_str()) else {
            continue;
        };
        if let Some(date) = full(y.as_str(), month, d.as_str()) {
            spans.push(DateSpan {
                date,
                start: all.start(),
                end: all.end(),
                order: Order::DayFirst { numeric: false },
            });
        }
    }
    // Earlier first; at the same start, the longer match wins.
    spans.sort_by_key(|sp| (sp.start, std::cmp::Reverse(sp.end)));
    let mut out: Vec<DateSpan> = Vec::with_capacity(spans.len());
    for sp in spans {
        match out.last() {
            Some(last) if sp.start < last.end => {
                // A full date beats a year-less reading of the same words.
                if matches!(last.date, FoundDate::NoYear { .. })
                    && matches!(sp.date, FoundDate::Full(_))
                {
                    out.pop();
                    out.push(sp);
                }
            }
            _ => out.push(sp),
        }
    }
    out
}

/// Reads a [`NUMERIC`] match: day-first or month-first by whichever is a
/// date, [`Order::Either`] when both are.
fn numeric(c: &regex::Captures<'_>) -> Option<DateSpan> {
    let (all, a, sep, b, sep2, y) = (
        c.get(1)?,
        c.get(2)?,
        c.get(3)?,
        c.get(4)?,
        c.get(5)?,
        c.get(6)?,
    );
    if sep.as_str() != sep2.as_str() {
        return None;
    }
    let (a, b): (i8, i8) = (a.as_str().parse().ok()?, b.as_str().parse().ok()?);
    let reading = |month: i8, day: i8| match full(y.as_str(), month, &day.to_string()) {
        Some(FoundDate::Full(d)) => Some(d),
        _ => None,
    };
    let (date, order) = match (reading(b, a), reading(a, b)) {
        (Some(day_first), Some(month_first)) if a != b => (
            month_first,
            Order::Either {
                day_first,
                dotted: sep.as_str() == ".",
            },
        ),
        // The same number twice (`04/04/2024`) reads the same either way.
        (Some(d), Some(_)) => (d, Order::YearFirst),
        (Some(d), None) => (d, Order::DayFirst { numeric: true }),
        (None, Some(d)) => (d, Order::MonthFirst { numeric: true }),
        (None, None) => return None,
    };
    Some(DateSpan {
        date: FoundDate::Full(date),
        start: all.start(),
        end: all.end(),
        order,
    })
}

/// Reads a date whose numbers are a date either way (`03/04/2024`, see
/// [`Order::Either`]) by the convention of the document it stands in
/// (`texts`, its paragraphs), by the rules in the module's documentation.
/// Returns the date and a phrase saying how it was read, for `parse
/// --explain`: a wrong guess should be visible, not silent.
pub fn read_either<'t>(
    month_first: Date,
    day_first: Date,
    dotted: bool,
    texts: impl IntoIterator<Item = &'t str>,
) -> (Date, &'static str) {
    // Numeric evidence first, then dates in words: (day-first, month-first).
    let (mut numeric, mut words) = ((0, 0), (0, 0));
    for sp in texts.into_iter().flat_map(find_dates) {
        match sp.order {
            Order::DayFirst { numeric: true } => numeric.0 += 1,
            Order::MonthFirst { numeric: true } => numeric.1 += 1,
            Order::DayFirst { numeric: false } => words.0 += 1,
            Order::MonthFirst { numeric: false } => words.1 += 1,
            Order::YearFirst | Order::Either { .. } => {}
        }
    }
    let (d, m) = (day_first, month_first);
    match (numeric, words) {
        ((nd, nm), _) if nd > nm => (
            d,
            "read day-first, as the document's other numeric dates are",
        ),
        ((nd, nm), _) if nm > nd => (
            m,
            "read month-first, as the document's other numeric dates are",
        ),
        (_, (wd, wm)) if wd > wm => (
            d,
            "read day-first, as the document's dates in words are (28 March)",
        ),
        (_, (wd, wm)) if wm > wd => (
            m,
            "read month-first, as the document's dates in words are (March 28)",
        ),
        _ if dotted => (d, "read day-first, as dotted dates are"),
        _ => (
            m,
            "read month-first (US order): nothing in the document says otherwise",
        ),
    }
}

/// The first complete date in `s`.
pub fn first_full_date(s: &str) -> Option<Date> {
    find_dates(s).into_iter().find_map(|sp| match sp.date {
        FoundDate::Full(d) => Some(d),
        FoundDate::NoYear { .. } => None,
    })
}

/// Whether `s` is nothing but a date, perhaps with a weekday and a time
/// ("Thursday, March 28, 2024", "2024-03-28 10:00", "March 28, 2024 —").
pub fn is_date_line(s: &str) -> bool {
    let spans = find_dates(s);
    let [span] = spans.as_slice() else {
        return false;
    };
    let rest = format!("{} {}", &s[..span.start], &s[span.end..]);
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            let w = w.to_ascii_lowercase();
            w.chars().all(|c| c.is_ascii_digit())
                || matches!(
                    w.as_str(),
                    "monday"
                        | "tuesday"
                        | "wednesday"
                        | "thursday"
                        | "friday"
                        | "saturday"
                        | "sunday"
                        | "mon"
                        | "tue"
                        | "tues"
                        | "wed"
                        | "thu"
                        | "thur"
                        | "thurs"
                        | "fri"
                        | "sat"
                        | "sun"
                        | "am"
                        | "pm"
                        | "a"
                        | "p"
                        | "m"
                        | "est"
                        | "edt"
                        | "cst"
                        | "cdt"
                        | "pst"
                        | "pdt"
                        | "gmt"
                        | "utc"
                        | "bst"
                        | "cet"
                        | "cest"
                        | "updated"
                        | "posted"
                        | "published"
                        | "date"
                )
        })
}

/// Whether `s` is a place and a date and nothing else, either way round
/// (`Frankfurt am Main, 30 January 2025`, `Washington, D.C., January 30,
/// 2025`, `30 January 2025 – Rio de Janeiro`): the dateline a press
/// conference prints under its speakers, never its title. The place is a
/// few capitalised words with the lower-case particles place names have
/// (`am`, `de`, `upon`); a word for an event (`Press Conference, 30
/// January 2025`) makes the line a dated title instead, and anything else
/// around the date (`Harbour City, March 28 (Wire)`) leaves it to the
/// title rules.
pub fn is_place_and_date(s: &str) -> bool {
    let s = s.trim();
    if s.len() > 120 || find_dates(s).len() != 1 {
        return false;
    }
    s.char_indices()
        .filter(|&(_, c)| matches!(c, ',' | '–' | '—' | '|' | '-'))
        .any(|(k, c)| {
            let (left, right) = (s[..k].trim(), s[k + c.len_utf8()..].trim());
            // A hyphen inside a word (`Berwick-upon-Tweed`) is no separator.
            let spaced = c != '-' || (s[..k].ends_with(' ') && s[k + 1..].starts_with(' '));
            spaced
                && ((is_place(left) && is_date_line(right))
                    || (is_date_line(left) && is_place(right)))
        })
}

/// Capitalised words with the lower-case particles of place names between
/// them (not any short word: "We met in Frankfurt" is no place), a comma at
/// most twice (`Washington, D.C.`, `Frankfurt am Main`, `Rio de Janeiro`).
fn is_place(s: &str) -> bool {
    const EVENT_WORDS: &[&str] = &[
        "press",
        "conference",
        "briefing",
        "statement",
        "remarks",
        "interview",
        "speech",
        "transcript",
        "meeting",
        "questions",
        "hearing",
        "debate",
        "session",
        "call",
        "update",
        "release",
        "gaggle",
        "doorstop",
    ];
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 || s.matches(',').count() > 2 {
        return false;
    }
    let last = words.len() - 1;
    words.iter().enumerate().all(|(k, w)| {
        let w = w.trim_end_matches(',');
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let capitalised = w.starts_with(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'));
        let particle = k > 0
            && k < last
            && letters <= 4
            && matches!(
                w,
                "am" | "an"
                    | "de"
                    | "del"
                    | "der"
                    | "di"
                    | "da"
                    | "do"
                    | "dos"
                    | "du"
                    | "la"
                    | "le"
                    | "les"
                    | "en"
                    | "im"
                    | "upon"
                    | "on"
                    | "sur"
                    | "y"
                    | "of"
            );
        // A word of office or of a body (`Monetary Policy Decision`,
        // `Prime Minister's Office`) names what, not where; "The" may
        // open a place (`The Hague`).
        let office = name::is_title_word(w) && !(k == 0 && w == "The");
        (capitalised || particle)
            && !office
            && !EVENT_WORDS.contains(&w.to_lowercase().as_str())
            && !is_date_line(w)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_and_a_date_is_a_dateline() {
        for s in [
            "Frankfurt am Main, 30 January 2025",
            "Frankfurt, 30 January 2025",
            "Washington, D.C., January 30, 2025",
            "Rio de Janeiro – 30 January 2025",
            "30 January 2025, Frankfurt am Main",
            "Berwick-upon-Tweed, Thursday, 5 June 2031",
            "FRANKFURT AM MAIN, 30 JANUARY 2025",
            "The Hague, 4 March 2031",
        ] {
            assert!(is_place_and_date(s), "{s}");
        }
        for s in [
            "Press Conference, 30 January 2025",
            "Harbour City, March 28 (Wire)",
            "Frankfurt am Main",
            "We met in Frankfurt, 30 January 2025",
            "Monetary policy statement, 30 January 2025",
            "Monetary Policy Decision, 30 January 2025",
            "Frankfurt am Main, 30 January 2025 and 6 March 2025",
        ] {
            assert!(!is_place_and_date(s), "{s}");
        }
    }

    fn d(y: i16, m: i8, day: i8) -> FoundDate {
        FoundDate::Full(Date::new(y, m, day).unwrap())
    }

    fn dates(s: &str) -> Vec<FoundDate> {
        find_dates(s).into_iter().map(|sp| sp.date).collect()
    }

    #[test]
    fn common_forms() {
        assert_eq!(dates("2024-03-28"), [d(2024, 3, 28)]);
        assert_eq!(dates("on 2024/3/8."), [d(2024, 3, 8)]);
        assert_eq!(dates("March 28, 2024"), [d(2024, 3, 28)]);
        assert_eq!(dates("Mar. 28, 2024"), [d(2024, 3, 28)]);
        assert_eq!(dates("Thursday, March 28th, 2024"), [d(2024, 3, 28)]);
        assert_eq!(dates("28 March 2024"), [d(2024, 3, 28)]);
        assert_eq!(dates("the 28th of March, 2024"), [d(2024, 3, 28)]);
        assert_eq!(dates("2024年3月28日"), [d(2024, 3, 28)]);
        assert_eq!(dates("DECEMBER 1, 2021"), [d(2021, 12, 1)]);
        // Press offices print dates in capitals, ordinals too.
        assert_eq!(dates("20TH JUNE 2002"), [d(2002, 6, 20)]);
        assert_eq!(dates("JUNE 20TH, 2002"), [d(2002, 6, 20)]);
        assert_eq!(dates("CANBERRA, 31 MARCH 2007"), [d(2007, 3, 31)]);
        assert_eq!(dates("20 January, 2010"), [d(2010, 1, 20)]);
        assert!(is_date_line("20TH JUNE 2002"));
        assert!(is_date_line("20 January, 2010"));
    }

    #[test]
    fn glued_forms() {
        assert_eq!(dates("March28, 2024"), [d(2024, 3, 28)]);
        assert_eq!(dates("March 28,2024"), [d(2024, 3, 28)]);
        assert_eq!(
            dates("March 27, 2024SCIO briefing\nMarch 26, 2024"),
            [d(2024, 3, 27), d(2024, 3, 26)]
        );
        assert_eq!(dates("Agency | April 8, 2024"), [d(2024, 4, 8)]);
    }

    #[test]
    fn year_less_and_invalid() {
        assert_eq!(
            dates("Newsletter, April 21 (Staff)"),
            [FoundDate::NoYear { month: 4, day: 21 }]
        );
        assert_eq!(dates("we may 5 times"), []);
        assert_eq!(dates("February 30, 2024"), []);
        assert_eq!(dates("3月28日"), [FoundDate::NoYear { month: 3, day: 28 }]);
    }

    #[test]
    fn numeric_dates_read_the_way_that_is_a_date() {
        for s in [
            "28/03/2024",
            "28.03.2024",
            "28-03-2024",
            "2024/03/28",
            "2024.03.28",
        ] {
            assert_eq!(dates(s), [d(2024, 3, 28)], "{s}");
            assert!(is_date_line(s), "{s}");
        }
        // Month-first where only that reading is a date.
        assert_eq!(dates("03/28/2024"), [d(2024, 3, 28)]);
        // Mixed separators, 2-digit years, impossible days: not dates.
        assert_eq!(dates("28/03.2024"), []);
        assert_eq!(dates("28/03/24"), []);
        assert_eq!(dates("31/02/2024"), []);
        assert_eq!(dates("version 1.2.3.2024"), []);
        let order = |s: &str| find_dates(s)[0].order;
        assert_eq!(order("28/03/2024"), Order::DayFirst { numeric: true });
        assert_eq!(order("03/28/2024"), Order::MonthFirst { numeric: true });
        assert_eq!(order("28 March 2024"), Order::DayFirst { numeric: false });
        assert_eq!(order("04/04/2024"), Order::YearFirst);
    }

    #[test]
    fn ambiguous_numeric_dates_follow_the_document() {
        let april_3 = Date::new(2024, 4, 3).unwrap();
        let march_4 = Date::new(2024, 3, 4).unwrap();
        let span = find_dates("03/04/2024")[0];
        assert_eq!(span.date, FoundDate::Full(march_4));
        assert_eq!(
            span.order,
            Order::Either {
                day_first: april_3,
                dotted: false
            }
        );
        let read =
            |dotted, doc: &[&str]| read_either(march_4, april_3, dotted, doc.iter().copied()).0;
        assert_eq!(read(false, &["Briefing", "03/04/2024"]), march_4);
        assert_eq!(read(false, &["03/04/2024", "Since 15/02/2024 …"]), april_3);
        assert_eq!(read(false, &["Since 02/15/2024 …"]), march_4);
        assert_eq!(read(false, &["Since 15 February 2024 …"]), april_3);
        assert_eq!(read(true, &["Briefing"]), april_3);
        // Numbers outweigh words, words outweigh dots.
        assert_eq!(
            read(false, &["02/15/2024, 15 February 2024, 16 February 2024"]),
            march_4
        );
        assert_eq!(read(true, &["February 15, 2024"]), march_4);
    }

    #[test]
    fn date_lines() {
        assert!(is_date_line("February 1, 2024"));
        assert!(is_date_line("Thursday, March 28, 2024 10:00 AM EST"));
        assert!(!is_date_line("China.org.cn | April 8, 2024"));
        assert!(!is_date_line("On March 28, 2024 we met."));
    }
}
