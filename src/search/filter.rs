//! Search filters: speaker, outlet, role, date range and briefing,
//! checked once, with errors that say what was expected, and turned into
//! non-scoring query clauses.

use std::ops::Bound as RangeBound;

use jiff::civil::Date;
use tantivy::query::{ConstScoreQuery, Query, RangeQuery, TermQuery, TermSetQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use super::outlet;
use super::speaker::{self, Resolution};
use crate::error::{Error, Result};
use crate::index::codec::date_bound;
use crate::index::PodiumIndex;
use crate::transcript::Role;

// Date bounds are read by `period`; callers know them as filters.
pub use super::period::{parse_date, Bound};

/// Filters the user asked for, as given (speakers are resolved against the
/// index's registry at search time).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Any of these speakers (each may match several).
    pub speakers: Vec<String>,
    /// Any of these outlets or organisations (each may match several
    /// forms; see [`super::outlet`]).
    pub outlets: Vec<String>,
    pub role: Option<Role>,
    /// Inclusive date bounds.
    pub since: Option<Date>,
    pub until: Option<Date>,
    /// Any of these briefings (`--file`), as users name them (see
    /// [`super::file`]).
    pub files: Vec<String>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.speakers.is_empty()
            && self.outlets.is_empty()
            && self.role.is_none()
            && self.since.is_none()
            && self.until.is_none()
            && self.files.is_empty()
    }
}

/// One filter as a query clause, with the flags it came from (to say
/// which filter removed every hit).
pub struct Clause {
    /// The filter as the user gave it: `--speaker "gong" (Gong Zheng)`.
    pub flag: String,
    /// Matches the passages the filter lets through; scores 0.
    pub query: Box<dyn Query>,
    /// How the filter was read, when the user should be told
    /// (`KJP read as Karine Jean-Pierre`).
    pub notes: Vec<String>,
}

/// The notes of every clause, in order.
pub fn notes(clauses: &[Clause]) -> Vec<String> {
    clauses
        .iter()
        .flat_map(|c| c.notes.iter().cloned())
        .collect()
}

/// Builds the clauses of the filters; an unknown speaker is an error that
/// lists the closest known ones.
pub fn clauses(index: &PodiumIndex, filters: &Filters) -> Result<Vec<Clause>> {
    let f = &index.fields;
    // A range that ends before it starts matches nothing; said as such, it
    // is not mistaken for "no passage about that".
    if let (Some(since), Some(until)) = (filters.since, filters.until) {
        if since > until {
            return Err(Error::InvertedRange { since, until });
        }
    }
    let mut out = Vec::new();
    let no_score = |q: Box<dyn Query>| -> Box<dyn Query> { Box::new(ConstScoreQuery::new(q, 0.0)) };
    if !filters.speakers.is_empty() {
        let speaker::Resolved { names, notes } =
            speaker::resolve_all(index.registry()?, &filters.speakers)?;
        let flags: Vec<String> = filters
            .speakers
            .iter()
            .map(|s| format!("--speaker {s:?}"))
            .collect();
        let mut flag = flags.join(" ");
        if filters.speakers != names {
            flag.push_str(&format!(" ({})", names.join(", ")));
        }
        out.push(Clause {
            flag,
            query: no_score(speaker::query(f.speaker, &names)),
            notes,
        });
    }
    if !filters.files.is_empty() {
        let manifest = index.manifest()?;
        let mut stored: Vec<String> = Vec::new();
        for wanted in &filters.files {
            for name in super::file::resolve(manifest, wanted)? {
                if !stored.contains(&name) {
                    stored.push(name);
                }
            }
        }
        let flag = filters
            .files
            .iter()
            .map(|f| format!("--file {f:?}"))
            .collect::<Vec<_>>()
            .join(" ");
        let terms = stored.iter().map(|n| Term::from_field_text(f.file, n));
        out.push(Clause {
            flag,
            query: no_score(Box::new(TermSetQuery::new(terms))),
            notes: Vec::new(),
        });
    }
    if !filters.outlets.is_empty() {
        let known = outlet::known(&index.searcher(), f.organisation)?;
        let mut names: Vec<String> = Vec::new();
        for wanted in &filters.outlets {
            match outlet::resolve(&known, wanted, false) {
                Resolution::Found(found) => {
                    for n in found {
                        if !names.contains(&n) {
                            names.push(n);
                        }
                    }
                }
                Resolution::Unknown(suggestions) => {
                    return Err(Error::UnknownOutlet {
                        name: wanted.clone(),
                        suggestions,
                    })
                }
            }
        }
        let mut flag = filters
            .outlets
            .iter()
            .map(|o| format!("--outlet {o:?}"))
            .collect::<Vec<_>>()
            .join(" ");
        if filters.outlets != names {
            flag.push_str(&format!(" ({})", names.join(", ")));
        }
        let terms = names
            .iter()
            .map(|n| Term::from_field_text(f.organisation, n));
        out.push(Clause {
            flag,
            query: no_score(Box::new(TermSetQuery::new(terms))),
            notes: Vec::new(),
        });
    }
    if let Some(role) = filters.role {
        out.push(Clause {
            flag: format!("--role {role}"),
            query: no_score(Box::new(TermQuery::new(
                Term::from_field_text(f.role, role.as_str()),
                IndexRecordOption::Basic,
            ))),
            notes: Vec::new(),
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
            notes: Vec::new(),
        });
    }
    Ok(out)
}
