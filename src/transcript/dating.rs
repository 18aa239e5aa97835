//! Dating a document: the clues to the briefing's date that the header,
//! the title, a running page header and the first paragraph's dateline
//! give, each ranked, and the choice among them (the year of a year-less
//! date, the reading of an ambiguous `03/04/2024`, `--date` as the last
//! resort).
//!
//! Separate from [`super::date`], which reads dates as written in one
//! line; this module weighs the dates a whole document gives.

use jiff::civil::Date;

use super::date::{self, FoundDate};
use super::Parser;

/// The rank of a date given by a metadata key (lower wins), if the key
/// gives a date: the day a briefing was held or delivered before the day
/// a page was published or updated. 时间 ("time") is how Chinese pages give
/// a briefing's date.
pub(super) fn date_key_rank(key: &str) -> Option<u8> {
    match key {
        "date" | "dates" | "delivered on" | "时间" | "日期" => Some(0),
        "published" | "first published" | "posted" | "updated" | "last updated" | "发布时间" => {
            Some(1)
        }
        _ => None,
    }
}

/// A date found somewhere, with the rule's rank (lower wins; the first
/// found wins among equals) and name.
pub(super) struct DateClue {
    pub(super) rank: u8,
    pub(super) found: FoundDate,
    /// For `03/04/2024`, the other reading; resolved by the document's
    /// convention only when this clue wins.
    pub(super) order: date::Order,
    pub(super) rule: &'static str,
}

impl DateClue {
    /// The first date written in `t`, as a clue of `rank` found by `rule`.
    /// Every rule that dates a document goes through here, so that a clue
    /// always keeps the other reading of an ambiguous date (`03/04/2024`)
    /// for [`Parser::resolve_date`] to settle.
    pub(super) fn first_in(t: &str, rank: u8, rule: &'static str) -> Option<DateClue> {
        date::find_dates(t).first().map(|sp| DateClue {
            rank,
            found: sp.date,
            order: sp.order,
            rule,
        })
    }
}

impl<'a> Parser<'a> {
    pub(super) fn add_title_date(&mut self) {
        if let Some(title) = &self.title {
            self.dates
                .extend(DateClue::first_in(title, 3, "date in the title"));
        }
    }

    /// The briefing's own date: the best-ranked clue with a year (the
    /// first among equals). A year-less clue takes the year only when the
    /// header (or the page around it) gives exactly one.
    pub(super) fn resolve_date(&mut self, body_start: usize) -> (Option<Date>, String) {
        // A dateline opening the first paragraph of the text
        // ("HARBOUR CITY, March 28 (Wire) --").
        if let Some(i) = (body_start..self.paras.len()).find(|&i| self.furniture[i].is_none()) {
            let t = &self.paras[i].text;
            let head: String = t.chars().take(100).collect();
            self.dates.extend(DateClue::first_in(
                &head,
                4,
                "dateline of the first paragraph",
            ));
        }
        self.dates.sort_by_key(|d| d.rank);
        if let Some((date, order, rule)) = self.dates.iter().find_map(|d| match d.found {
            FoundDate::Full(date) => Some((date, d.order, d.rule)),
            FoundDate::NoYear { .. } => None,
        }) {
            if let date::Order::Either { day_first, dotted } = order {
                let texts = self.paras.iter().map(|p| p.text.as_str());
                let (date, how) = date::read_either(date, day_first, dotted, texts);
                return (
                    Some(date),
                    format!("{rule}; day and month ambiguous, {how}"),
                );
            }
            return (Some(date), rule.to_string());
        }
        if let Some((month, day)) = self.dates.iter().find_map(|d| match d.found {
            FoundDate::NoYear { month, day } => Some((month, day)),
            FoundDate::Full(_) => None,
        }) {
            if let Some(year) = self.header_year(body_start) {
                if let Ok(date) = Date::new(year, month, day) {
                    return (
                        Some(date),
                        "year-less date, the year from elsewhere in the document".into(),
                    );
                }
            }
            if let Some(date) = self.knowledge.fallback_date {
                return (Some(date), "--date (the text's date has no year)".into());
            }
            self.warnings.push(format!(
                "date without a year ({} {day}): date left unknown; pass --date YYYY-MM-DD to set it",
                date::month_name(month)
            ));
            return (None, "year-less date in the text".into());
        }
        if let Some(date) = self.knowledge.fallback_date {
            return (Some(date), "--date (no date in the text)".into());
        }
        self.warnings
            .push("no date found: date left unknown; pass --date YYYY-MM-DD to set it".into());
        (None, "no date in the text".into())
    }

    /// The single year the document's header and page furniture write
    /// (title, datelines, a copyright line), if exactly one.
    pub(super) fn header_year(&self, body_start: usize) -> Option<i16> {
        let mut years: Vec<i16> = (0..self.paras.len())
            .filter(|&i| i < body_start || self.furniture[i].is_some())
            .flat_map(|i| {
                self.paras[i]
                    .text
                    .split(|c: char| !c.is_ascii_digit())
                    .filter(|w| w.len() == 4)
                    .filter_map(|w| w.parse::<i16>().ok())
                    .filter(|y| (1900..=2100).contains(y))
                    .collect::<Vec<_>>()
            })
            .collect();
        years.sort_unstable();
        years.dedup();
        match years.as_slice() {
            [y] => Some(*y),
            _ => None,
        }
    }
}
