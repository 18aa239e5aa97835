//! Search filters: speaker, role and date range, checked once, with errors
//! that say what was expected, and turned into non-scoring query clauses.

use std::ops::Bound as RangeBound;

use jiff::civil::Date;
use tantivy::query::{ConstScoreQuery, Query, RangeQuery, TermQuery, TermSetQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use super::speaker::{self, Resolution};
use crate::error::{Error, Result};
use crate::index::writer::date_bound;
use crate::index::PodiumIndex;
use crate::transcript::Role;

/// Filters the user asked for, as given (speakers are resolved against the
/// index's registry at search time).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Any of these speakers (each may match several).
    pub speakers: Vec<String>,
    pub role: Option<Role>,
    /// Inclusive date bounds.
    pub since: Option<Date>,
    pub until: Option<Date>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.speakers.is_empty()
            && self.role.is_none()
            && self.since.is_none()
            && self.until.is_none()
    }
}

/// One filter as a query clause, with the flags it came from (to say
/// which filter removed every hit).
pub struct Clause {
    /// The filter as the user gave it: `--speaker "gong" (Gong Zheng)`.
    pub flag: String,
    /// Matches the passages the filter lets through; scores 0.
    pub query: Box<dyn Query>,
}

/// Builds the clauses of the filters; an unknown speaker is an error that
/// lists the closest known ones.
pub fn clauses(index: &PodiumIndex, filters: &Filters) -> Result<Vec<Clause>> {
    let f = &index.fields;
    let mut out = Vec::new();
    let no_score = |q: Box<dyn Query>| -> Box<dyn Query> { Box::new(ConstScoreQuery::new(q, 0.0)) };
    if !filters.speakers.is_empty() {
        let registry = index.registry()?;
        let mut names: Vec<String> = Vec::new();
        for wanted in &filters.speakers {
            match speaker::resolve(registry, wanted) {
                Resolution::Found(found) => {
                    for n in found {
                        if !names.contains(&n) {
                            names.push(n);
                        }
                    }
                }
                Resolution::Unknown(suggestions) => {
                    return Err(Error::UnknownSpeaker {
                        name: wanted.clone(),
                        suggestions,
                    })
                }
            }
        }
        let flags: Vec<String> = filters
            .speakers
            .iter()
            .map(|s| format!("--speaker {s:?}"))
            .collect();
        let mut flag = flags.join(" ");
        if filters.speakers != names {
            flag.push_str(&format!(" ({})", names.join(", ")));
        }
        let terms = names.iter().map(|n| Term::from_field_text(f.speaker, n));
        out.push(Clause {
            flag,
            query: no_score(Box::new(TermSetQuery::new(terms))),
        });
    }
    if let Some(role) = filters.role {
        out.push(Clause {
            flag: format!("--role {role}"),
            query: no_score(Box::new(TermQuery::new(
                Term::from_field_text(f.role, role.as_str()),
                IndexRecordOption::Basic,
            ))),
        });
    }
    if filters.since.is_some() || filters.until.is_some() {
        let bound = |d: Option<Date>| match d {
            Some(d) => {
                RangeBound::Included(Term::from_field_date_for_search(f.date, date_bound(d)))
            }
            None => RangeBound::Unbounded,
        };
        let mut flag = Vec::new();
        if let Some(d) = filters.since {
            flag.push(format!("--since {d}"));
        }
        if let Some(d) = filters.until {
            flag.push(format!("--until {d}"));
        }
        out.push(Clause {
            flag: flag.join(" "),
            query: no_score(Box::new(RangeQuery::new(
                bound(filters.since),
                bound(filters.until),
            ))),
        });
    }
    Ok(out)
}

/// Which end of a period a date bound is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// `--since 2024` means from 2024-01-01.
    Start,
    /// `--until 2024` means up to 2024-12-31.
    End,
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as the start or end of that
/// period.
pub fn parse_date(s: &str, bound: Bound) -> Result<Date> {
    let bad = || Error::BadDate(s.to_string());
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |p: &str| -> Result<i16> {
        if p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
        p.parse().map_err(|_| bad())
    };
    let (y, m, d) = match parts.as_slice() {
        [y] if y.len() == 4 => (num(y)?, None, None),
        [y, m] if y.len() == 4 => (num(y)?, Some(num(m)?), None),
        [y, m, d] if y.len() == 4 => (num(y)?, Some(num(m)?), Some(num(d)?)),
        _ => return Err(bad()),
    };
    let month = |m: i16| i8::try_from(m).map_err(|_| bad());
    let date = match (m, d, bound) {
        (None, _, Bound::Start) => Date::new(y, 1, 1),
        (None, _, Bound::End) => Date::new(y, 12, 31),
        (Some(m), None, Bound::Start) => Date::new(y, month(m)?, 1),
        (Some(m), None, Bound::End) => Date::new(y, month(m)?, 1).map(|d| d.last_of_month()),
        (Some(m), Some(d), _) => Date::new(y, month(m)?, month(d)?),
    };
    date.map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        let d = |s, b| parse_date(s, b).map(|d| d.to_string());
        assert_eq!(d("2024", Bound::Start).unwrap(), "2024-01-01");
        assert_eq!(d("2024", Bound::End).unwrap(), "2024-12-31");
        assert_eq!(d("2024-02", Bound::End).unwrap(), "2024-02-29");
        assert_eq!(d("2024-03-28", Bound::Start).unwrap(), "2024-03-28");
        for bad in ["24", "2024-13", "2024-02-30", "yesterday", "2024-1x", ""] {
            assert!(parse_date(bad, Bound::Start).is_err(), "{bad}");
        }
    }
}
