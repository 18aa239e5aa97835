//! `--outlet` values → the organisations the index holds, as written.
//!
//! Outlets are written many ways (`Reuters`, `REUTERS`, `The Wall Street
//! Journal`, `Wall Street Journal`, `Le Monde` / `le monde`) and typed
//! without their accents. The index keeps each passage's organisation as
//! the text wrote it (a raw term of the `organisation` field, so facets show
//! it as written); a value typed is resolved here, case, accents and
//! punctuation folded, against the distinct terms of that field, read from
//! the term dictionaries (a few hundred terms at most, however many
//! passages): every word typed must be a word of the organisation's name,
//! so `journal` finds both journals and `wall street journal` finds the
//! one with or without its article. Nothing is stored beside the index
//! for it, so it can never disagree with what the passages say.

use std::collections::BTreeSet;

use tantivy::query::{Query, TermSetQuery};
use tantivy::schema::Field;
use tantivy::{Searcher, Term};

use super::speaker::{edit_distance, Resolution};
use crate::error::{Error, Result};
use crate::transcript::name;

/// The distinct organisations of the passages in `searcher`, as written,
/// sorted.
pub fn known(searcher: &Searcher, field: Field) -> Result<Vec<String>> {
    let mut out: BTreeSet<String> = BTreeSet::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted
            .terms()
            .stream()
            .map_err(|e| Error::Tantivy(e.into()))?;
        while stream.advance() {
            if let Ok(s) = std::str::from_utf8(stream.key()) {
                out.insert(s.to_string());
            }
        }
    }
    Ok(out.into_iter().collect())
}

/// `outlet:NAME` in a query: the passages of the organisations it names
/// (see [`resolve`]); an unknown name is an error that says where
/// (`column`) and lists the closest.
pub fn query_leaf(
    searcher: &Searcher,
    field: Field,
    typed: &str,
    prefix: bool,
    column: usize,
) -> Result<Box<dyn Query>> {
    match resolve(&known(searcher, field)?, typed, prefix) {
        Resolution::Found(names) => {
            let terms = names.iter().map(|n| Term::from_field_text(field, n));
            Ok(Box::new(TermSetQuery::new(terms)))
        }
        Resolution::Unknown(closest) => Err(Error::Query(format!(
            "unknown outlet '{typed}' in outlet: at column {column}{}",
            if closest.is_empty() {
                String::new()
            } else {
                format!("; closest known outlets: {}", closest.join(", "))
            }
        ))),
    }
}

/// The folded words of a name: what matching compares.
fn words(s: &str) -> Vec<String> {
    name::fold(s)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Resolves what a user typed after `--outlet` (or in `outlet:`) to the
/// organisations it names, as written in the index. With `prefix`, the
/// last word typed may be the start of a word (`outlet:reut*`).
pub fn resolve(known: &[String], query: &str, prefix: bool) -> Resolution {
    let typed = words(query);
    if typed.is_empty() {
        return Resolution::Unknown(Vec::new());
    }
    let (last, whole) = match typed.split_last() {
        Some((l, w)) if prefix => (Some(l), w),
        _ => (None, typed.as_slice()),
    };
    let found: Vec<String> = known
        .iter()
        .filter(|k| {
            let kw = words(k);
            whole.iter().all(|w| kw.contains(w))
                && last.is_none_or(|l| kw.iter().any(|w| w.starts_with(l.as_str())))
        })
        .cloned()
        .collect();
    if found.is_empty() {
        Resolution::Unknown(closest(known, &typed.join(" "), 5))
    } else {
        Resolution::Found(found)
    }
}

/// The `n` organisations closest to the folded `query`, by edit distance
/// to the whole name or its best word; one form per folded name.
pub fn closest(known: &[String], query: &str, n: usize) -> Vec<String> {
    let mut scored: Vec<(usize, &str)> = known
        .iter()
        .map(|k| {
            let folded = name::fold(k);
            let whole = edit_distance(query, &folded);
            let word = folded
                .split(' ')
                .map(|w| edit_distance(query, w))
                .min()
                .unwrap_or(whole);
            (whole.min(word), k.as_str())
        })
        .collect();
    scored.sort();
    let limit = (query.chars().count() / 2).max(2);
    let mut seen: BTreeSet<String> = BTreeSet::new();
    scored
        .into_iter()
        .filter(|(d, _)| *d <= limit)
        .filter(|(_, k)| seen.insert(name::fold(k)))
        .take(n)
        .map(|(_, k)| k.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Vec<String> {
        [
            "Harbour News",
            "HARBOUR NEWS",
            "Le Monde",
            "Reuters",
            "The Wall Street Journal",
            "Wall Street Journal",
            "Ministerio de Economía",
        ]
        .into_iter()
        .map(String::from)
        .collect()
    }

    fn found(v: &[&str]) -> Resolution {
        Resolution::Found(v.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn case_accents_and_articles_do_not_matter() {
        let k = known();
        assert_eq!(resolve(&k, "reuters", false), found(&["Reuters"]));
        assert_eq!(
            resolve(&k, "harbour news", false),
            found(&["Harbour News", "HARBOUR NEWS"])
        );
        assert_eq!(
            resolve(&k, "Wall Street Journal", false),
            found(&["The Wall Street Journal", "Wall Street Journal"])
        );
        assert_eq!(
            resolve(&k, "ECONOMIA", false),
            found(&["Ministerio de Economía"])
        );
    }

    #[test]
    fn prefixes_match_the_last_word() {
        let k = known();
        assert_eq!(resolve(&k, "reut", true), found(&["Reuters"]));
        assert_eq!(resolve(&k, "le mon", true), found(&["Le Monde"]));
        assert!(matches!(resolve(&k, "reut", false), Resolution::Unknown(_)));
    }

    #[test]
    fn unknown_outlets_suggest_the_closest_once_each() {
        let k = known();
        assert_eq!(
            resolve(&k, "Reuter", false),
            Resolution::Unknown(vec!["Reuters".to_string()])
        );
        match resolve(&k, "Harbor Newz", false) {
            Resolution::Unknown(c) => assert_eq!(c, ["HARBOUR NEWS"]),
            other => panic!("{other:?}"),
        }
        assert_eq!(resolve(&k, "  ", false), Resolution::Unknown(Vec::new()));
    }
}
