//! Saved searches ("watches"): follow a topic or a person, and be told what
//! is new.
//!
//! A [`Watch`] is a query and filters saved under a name, with the index
//! it belongs to ([`store`]). Checking it ([`check`]) reports the passages
//! that match and were added to the index since it was last checked: each
//! commit of the index records the passages it added in a journal
//! ([`crate::index::journal`]), numbered by generation, and each watch
//! keeps a cursor, the last generation it has reported. So a check reads
//! the journal's few lines after its cursor and searches among those
//! passages only; it never reads the rest of the index. `podium serve`
//! publishes each watch as an Atom feed of its current matches
//! ([`crate::render::atom`]).
//!
//! "Added" means new text: passage ids are derived from the text, and a
//! passage re-written with the same text (its briefing re-dated, say) is
//! not in the journal (see [`crate::index::writer`]).

pub mod check;
pub mod store;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::index::PodiumIndex;
use crate::search::filter::{parse_date, Bound};
use crate::search::{watched, Filters, Options, Request, Sort};
use crate::transcript::Role;

pub use check::{advance, check, Report};

/// Longest name a saved search may have.
pub const MAX_NAME: usize = 64;

/// A saved search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Watch {
    /// What it is called: letters, digits, `-` and `_` ([`check_name`]).
    pub name: String,
    /// The query, in podium's query language; may be empty when filters
    /// say what to follow (every passage of a speaker).
    pub query: String,
    /// Any of these speakers, as given (resolved at each check, so a
    /// speaker the index learns more names for is still found).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outlets: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// `--since` as given: a time back from today (`30d`) stays one, moving
    /// with each check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    /// When it was saved (RFC 3339, UTC).
    pub added: String,
    /// When it was last checked, if ever.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<String>,
    /// The last index generation it has reported: what a check reports is
    /// what later generations added.
    pub cursor: u64,
}

/// What `podium watch add` is given.
#[derive(Debug, Clone, Default)]
pub struct Spec {
    pub name: String,
    pub query: String,
    pub speakers: Vec<String>,
    pub outlets: Vec<String>,
    pub role: Option<Role>,
    pub since: Option<String>,
}

impl Watch {
    /// The filters, `since` read as of today.
    pub fn filters(&self) -> Result<Filters> {
        Ok(Filters {
            speakers: self.speakers.clone(),
            outlets: self.outlets.clone(),
            role: self.role,
            since: self
                .since
                .as_deref()
                .map(|s| parse_date(s, Bound::Start))
                .transpose()?,
            ..Filters::default()
        })
    }

    /// The search request of the watch: newest first, `limit` hits.
    pub fn request(&self, limit: usize) -> Result<Request> {
        Ok(Request {
            query: self.query.clone(),
            filters: self.filters()?,
            limit,
            offset: 0,
            sort: Sort::Newest,
        })
    }

    /// The flags that make the same search with `podium search`, for
    /// people reading a list of watches.
    pub fn describe(&self) -> String {
        let mut parts = vec![format!("{:?}", self.query)];
        for s in &self.speakers {
            parts.push(format!("--speaker {s:?}"));
        }
        for o in &self.outlets {
            parts.push(format!("--outlet {o:?}"));
        }
        if let Some(r) = self.role {
            parts.push(format!("--role {r}"));
        }
        if let Some(s) = &self.since {
            parts.push(format!("--since {s:?}"));
        }
        parts.join(" ")
    }
}

/// A name is refused unless it is 1 to [`MAX_NAME`] ASCII letters, digits,
/// `-` and `_`, starting with a letter or digit: it becomes a URL path
/// (`/feeds/NAME.atom`) and a file-name-like word in scripts, where any
/// other character would need escaping.
pub fn check_name(name: &str) -> Result<()> {
    let bad = |reason: &str| {
        Err(Error::BadWatchName {
            name: name.to_string(),
            reason: reason.to_string(),
        })
    };
    if name.is_empty() {
        return bad("it is empty");
    }
    if name.len() > MAX_NAME {
        return bad(&format!("it is longer than {MAX_NAME} characters"));
    }
    if !name
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return bad("use only letters, digits, '-' and '_' (it becomes part of the feed's URL)");
    }
    if !name.as_bytes()[0].is_ascii_alphanumeric() {
        return bad("start it with a letter or a digit");
    }
    Ok(())
}

/// Saves a search on the index: the name is checked, and the search is run
/// once, so a query or filter that cannot run is refused now rather than at
/// every check. Its cursor is the index's current generation: the first
/// check reports what is indexed after now.
pub fn add(index: &PodiumIndex, spec: Spec, opts: &Options) -> Result<Watch> {
    check_name(&spec.name)?;
    let watch = Watch {
        name: spec.name,
        query: spec.query,
        speakers: spec.speakers,
        outlets: spec.outlets,
        role: spec.role,
        since: spec.since,
        added: jiff::Timestamp::now().to_string(),
        checked: None,
        cursor: index.generation(),
    };
    watched::search(index, &watch.request(1)?, opts, None)?;
    store::update(&index.dir, |watches| {
        if watches.iter().any(|w| w.name == watch.name) {
            return Err(Error::WatchExists(watch.name.clone()));
        }
        watches.push(watch.clone());
        Ok(())
    })?;
    Ok(watch)
}

/// Removes the saved search `name` from the index in `dir`, returning it.
pub fn remove(dir: &std::path::Path, name: &str) -> Result<Watch> {
    store::update(dir, |watches| {
        match watches.iter().position(|w| w.name == name) {
            Some(i) => Ok(watches.remove(i)),
            None => Err(unknown(name, watches)),
        }
    })
}

/// The saved search `name` of the index in `dir`.
pub fn get(dir: &std::path::Path, name: &str) -> Result<Watch> {
    let watches = store::load(dir)?;
    match watches.iter().find(|w| w.name == name) {
        Some(w) => Ok(w.clone()),
        None => Err(unknown(name, &watches)),
    }
}

/// The error for a name no saved search has, listing those there are.
pub(crate) fn unknown(name: &str, watches: &[Watch]) -> Error {
    Error::UnknownWatch {
        name: name.to_string(),
        known: watches.iter().map(|w| w.name.clone()).collect(),
    }
}

/// A watch's current matches, newest first, at most `limit`: what its feed
/// shows (feed readers keep what they have seen by entry id).
pub fn current(
    index: &PodiumIndex,
    watch: &Watch,
    limit: usize,
    opts: &Options,
) -> Result<crate::search::Results> {
    watched::search(index, &watch.request(limit)?, opts, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_url_safe_words() {
        for ok in ["tariffs", "gong-zheng", "STAR_market", "2024"] {
            assert!(check_name(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "a b",
            "a/b",
            "../x",
            "é",
            "-x",
            "a.atom",
            &"x".repeat(65),
        ] {
            assert!(check_name(bad).is_err(), "{bad:?}");
        }
    }
}
