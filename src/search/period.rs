//! Dates as people type them after `--since`, `--until` and `--date`.
//!
//! A date filter is a period's edge: `--since 2024` starts on 1 January,
//! `--until 2024` ends on 31 December. Users copy dates from the
//! transcripts they read, so besides ISO forms podium takes the ways
//! briefings write a day (the parser's own reader,
//! [`crate::transcript::date`]), a month in words, and spans of time back
//! from today, the everyday question ("what was said in the last 30
//! days?").
//!
//! ```
//! use podium::search::period::{parse_date_on, Bound};
//! let today = jiff::civil::date(2024, 4, 10);
//! let d = |s| parse_date_on(s, Bound::Start, today).map(|d| d.to_string());
//! assert_eq!(d("2024-03").unwrap(), "2024-03-01");
//! assert_eq!(d("March 28, 2024").unwrap(), "2024-03-28");
//! assert_eq!(d("Mar 2024").unwrap(), "2024-03-01");
//! assert_eq!(d("30d").unwrap(), "2024-03-11");
//! assert!(d("03/04/2024").is_err()); // March 4 or 3 April: refused
//! ```

use jiff::civil::Date;
use jiff::{Span, ToSpan};

use crate::error::{Error, Result};
use crate::transcript::date::{self as written, FoundDate, Order};

/// Which end of a period a date bound is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// `--since 2024` means from 2024-01-01.
    Start,
    /// `--until 2024` means up to 2024-12-31.
    End,
}

/// The first and last day `s` names.
///
/// - `YYYY`, `YYYY-MM`, `YYYY-MM-DD`;
/// - a month in words with its year: `March 2024`, `Mar. 2024`;
/// - a day as briefings write it: `March 28, 2024`, `28 March 2024`,
///   `2024年3月28日`, `28/03/2024`, `28.03.2024` (numbers that are a date
///   either way, `03/04/2024`, are refused: nothing says which is meant);
/// - back from `today`: `today`, `yesterday`, and `N` days, weeks, months
///   or years ago as `30d`, `2w`, `6m`, `1y` (one day each).
pub fn period_on(s: &str, today: Date) -> Result<(Date, Date)> {
    let bad = || Error::BadDate(s.to_string());
    let t = s.trim();
    if let Some(p) = iso(t) {
        return p.ok_or_else(bad);
    }
    if let Some(day) = ago(t, today) {
        let day = day.ok_or_else(bad)?;
        return Ok((day, day));
    }
    if let Some(p) = month_in_words(t) {
        return p.ok_or_else(bad);
    }
    if written::is_date_line(t) {
        if let [span] = written::find_dates(t).as_slice() {
            return match (span.date, span.order) {
                (FoundDate::Full(month_first), Order::Either { day_first, .. }) => {
                    Err(Error::AmbiguousDate {
                        given: t.into(),
                        month_first,
                        day_first,
                    })
                }
                (FoundDate::Full(d), _) => Ok((d, d)),
                (FoundDate::NoYear { .. }, _) => Err(bad()),
            };
        }
    }
    Err(bad())
}

/// The start or end of the period `s` names, counted back from the
/// local date today: see [`period_on`].
pub fn parse_date(s: &str, bound: Bound) -> Result<Date> {
    parse_date_on(s, bound, jiff::Zoned::now().date())
}

/// [`parse_date`] with `today` given (for tests and examples).
pub fn parse_date_on(s: &str, bound: Bound, today: Date) -> Result<Date> {
    let (first, last) = period_on(s, today)?;
    Ok(match bound {
        Bound::Start => first,
        Bound::End => last,
    })
}

/// One fixed day named by `s` (`podium index --date`): not a year or a
/// month, and not a day counted back from today, which would re-date the
/// documents it is given to each day the index is brought up to date.
pub fn parse_day(s: &str) -> Result<Date> {
    let today = jiff::Zoned::now().date();
    if ago(s.trim(), today).is_some() {
        return Err(Error::NotADay(s.to_string()));
    }
    match period_on(s, today)? {
        (first, last) if first == last => Ok(first),
        _ => Err(Error::NotADay(s.to_string())),
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` when `s` has another shape,
/// `Some(None)` when it has this shape but is no date (`2024-02-30`).
fn iso(s: &str) -> Option<Option<(Date, Date)>> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return None;
    }
    // Digits and dashes only: ISO or nothing.
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &&str| !p.is_empty() && p.len() <= 4;
    if parts[0].len() != 4 || parts.len() > 3 || !parts.iter().all(digits) {
        return Some(None);
    }
    let n: Vec<i16> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    let month = |i: usize| i8::try_from(n[i]).ok();
    Some(match n.as_slice() {
        [y] => year(*y),
        [y, _] => month(1).and_then(|m| whole_month(*y, m)),
        [y, _, _] => month(1)
            .zip(month(2))
            .and_then(|(m, d)| Date::new(*y, m, d).ok())
            .map(|d| (d, d)),
        _ => None,
    })
}

fn year(y: i16) -> Option<(Date, Date)> {
    Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?))
}

fn whole_month(y: i16, m: i8) -> Option<(Date, Date)> {
    let first = Date::new(y, m, 1).ok()?;
    Some((first, first.last_of_month()))
}

/// `today`, `yesterday`, `30d`, `2w`, `6m`, `1y`: `None` for another
/// shape, `Some(None)` for a span too long to count back.
fn ago(s: &str, today: Date) -> Option<Option<Date>> {
    let lower = s.to_ascii_lowercase();
    let span: Span = match lower.as_str() {
        "today" => 0.days(),
        "yesterday" => 1.day(),
        _ => {
            let unit = lower.chars().last()?;
            let count = lower.strip_suffix(unit)?;
            if count.is_empty() || !count.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let Ok(n) = count.parse::<i64>() else {
                return Some(None);
            };
            let span = match unit {
                'd' => Span::new().try_days(n),
                'w' => Span::new().try_weeks(n),
                'm' => Span::new().try_months(n),
                'y' => Span::new().try_years(n),
                _ => return None,
            };
            match span {
                Ok(span) => span,
                Err(_) => return Some(None),
            }
        }
    };
    Some(today.checked_sub(span).ok())
}

/// `March 2024`, `Mar. 2024`, `2024年3月`: the whole month.
fn month_in_words(s: &str) -> Option<Option<(Date, Date)>> {
    if let Some((y, m)) = s.strip_suffix('月').and_then(|r| r.split_once('年')) {
        let y: i16 = y.trim().parse().ok()?;
        let m: i8 = m.trim().parse().ok()?;
        return Some(whole_month(y, m));
    }
    let words: Vec<&str> = s.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let [name, y] = words.as_slice() else {
        return None;
    };
    if y.len() != 4
        || name.len() < 3
        || !name
            .trim_end_matches('.')
            .bytes()
            .all(|b| b.is_ascii_alphabetic())
    {
        return None;
    }
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    // A month's name or the start of it (`Mar`, `Sept`), not a word that
    // merely begins like one (`Marching`).
    let m = written::month_number(&name).filter(|&m| {
        written::month_name(m)
            .to_ascii_lowercase()
            .starts_with(&name)
    })?;
    let y: i16 = y.parse().ok()?;
    Some(whole_month(y, m))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: Date = jiff::civil::date(2024, 4, 10);

    fn p(s: &str) -> Result<(String, String)> {
        period_on(s, TODAY).map(|(a, b)| (a.to_string(), b.to_string()))
    }

    fn ok(s: &str) -> (String, String) {
        p(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn iso_periods() {
        assert_eq!(ok("2024"), ("2024-01-01".into(), "2024-12-31".into()));
        assert_eq!(ok("2024-02"), ("2024-02-01".into(), "2024-02-29".into()));
        assert_eq!(
            ok(" 2024-03-28 "),
            ("2024-03-28".into(), "2024-03-28".into())
        );
        for bad in [
            "24",
            "2024-13",
            "2024-02-30",
            "2024-1x",
            "",
            "2024-03-28-01",
            "-2024",
        ] {
            assert!(p(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn days_as_briefings_write_them() {
        for s in [
            "March 28, 2024",
            "Mar. 28, 2024",
            "28 March 2024",
            "Thursday, March 28, 2024",
            "2024年3月28日",
            "28/03/2024",
            "28.03.2024",
            "2024/03/28",
        ] {
            assert_eq!(ok(s), ("2024-03-28".into(), "2024-03-28".into()), "{s}");
        }
        // Either reading is a date: refused, saying why.
        let e = p("03/04/2024").expect_err("ambiguous");
        assert!(e.to_string().contains("2024-03-04"), "{e}");
        // A day without a year, or words around the date: not a date.
        for bad in [
            "March 28",
            "the 28th of March",
            "since March 28, 2024 onwards",
        ] {
            assert!(p(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn months_in_words() {
        assert_eq!(ok("March 2024"), ("2024-03-01".into(), "2024-03-31".into()));
        assert_eq!(ok("feb. 2024"), ("2024-02-01".into(), "2024-02-29".into()));
        assert_eq!(ok("Sept 2023"), ("2023-09-01".into(), "2023-09-30".into()));
        assert_eq!(ok("2024年2月"), ("2024-02-01".into(), "2024-02-29".into()));
        for bad in ["Marching 2024", "March 24", "2024年13月", "Foo 2024"] {
            assert!(p(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn back_from_today() {
        let day = |s: &str| ok(s).0;
        assert_eq!(day("today"), "2024-04-10");
        assert_eq!(day("Yesterday"), "2024-04-09");
        assert_eq!(day("30d"), "2024-03-11");
        assert_eq!(day("2w"), "2024-03-27");
        assert_eq!(day("2m"), "2024-02-10");
        assert_eq!(day("1y"), "2023-04-10");
        assert_eq!(day("0d"), "2024-04-10");
        for bad in [
            "d",
            "30",
            "-3d",
            "+3d",
            "3x",
            "99999999999y",
            "1.5y",
            "3日",
            "日",
        ] {
            assert!(p(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn any_input_is_a_period_or_an_error_never_a_panic() {
        // Pieces of dates and of everything else, glued at random: slicing
        // by bytes inside a multi-byte character, or arithmetic past the
        // calendar, would panic here.
        let pieces = [
            "2024",
            "-",
            "/",
            ".",
            "03",
            "31",
            "99",
            "March",
            "Sept.",
            " ",
            ",",
            "年",
            "月",
            "日",
            "d",
            "w",
            "m",
            "y",
            "9999999999",
            "today",
            "é",
            "\u{3000}",
            "0",
            "+",
        ];
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            let mut s = String::new();
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            for k in 0..(x % 6) {
                s.push_str(pieces[((x >> (8 * k)) % pieces.len() as u64) as usize]);
            }
            if let Ok((first, last)) = period_on(&s, TODAY) {
                assert!(first <= last, "{s:?}");
            }
        }
    }

    #[test]
    fn bounds_and_days() {
        let d = |s, b| parse_date_on(s, b, TODAY).map(|d| d.to_string());
        assert_eq!(d("2024", Bound::Start).unwrap(), "2024-01-01");
        assert_eq!(d("2024", Bound::End).unwrap(), "2024-12-31");
        assert_eq!(d("March 2024", Bound::End).unwrap(), "2024-03-31");
        assert!(parse_day("2024-03-28").is_ok());
        assert!(parse_day("March 28, 2024").is_ok());
        assert!(parse_day("2024-03").is_err());
        assert!(parse_day("2024").is_err());
        assert!(parse_day("today").is_err());
        assert!(parse_day("30d").is_err());
    }
}
