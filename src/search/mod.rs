//! A query and filters → ranked [`Hit`]s.
//!
//! Words are matched in the passage text (BM25); filters narrow the set
//! without touching the score: speakers and roles as exact terms, dates as a
//! range on the date field. Bare words must all match; when no passage has
//! them all, podium says so and ranks passages that have any of them.

pub mod filter;
pub mod hit;
pub mod query;
pub mod snippet;
pub mod speaker;

use std::ops::Bound as RangeBound;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery, TermQuery, TermSetQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{TantivyDocument, Term};

pub use filter::Filters;
pub use hit::{Hit, Snippet, StoredPassage};

use crate::error::{Error, Result};
use crate::index::writer::date_to_index;
use crate::index::PodiumIndex;
use speaker::Resolution;

/// What to search for.
#[derive(Debug, Clone)]
pub struct Request {
    pub query: String,
    pub filters: Filters,
    /// How many hits to return.
    pub limit: usize,
}

/// The answer to a [`Request`].
#[derive(Debug, Clone)]
pub struct Results {
    pub hits: Vec<Hit>,
    /// How many passages match in all (not only those returned).
    pub total: usize,
    /// Things the user should know about how the query was read.
    pub notes: Vec<String>,
}

/// Builds the filter clauses; errors name the filter that cannot be used.
fn filter_clauses(index: &PodiumIndex, filters: &Filters) -> Result<Vec<Box<dyn Query>>> {
    let f = &index.fields;
    let mut clauses: Vec<Box<dyn Query>> = Vec::new();
    if !filters.speakers.is_empty() {
        let registry = index.registry()?;
        let mut names = Vec::new();
        for wanted in &filters.speakers {
            match speaker::resolve(registry, wanted) {
                Resolution::Found(found) => names.extend(found),
                Resolution::Unknown(suggestions) => {
                    return Err(Error::UnknownSpeaker {
                        name: wanted.clone(),
                        suggestions,
                    })
                }
            }
        }
        let terms = names.iter().map(|n| Term::from_field_text(f.speaker, n));
        clauses.push(Box::new(TermSetQuery::new(terms)));
    }
    if let Some(role) = filters.role {
        clauses.push(Box::new(TermQuery::new(
            Term::from_field_text(f.role, role.as_str()),
            IndexRecordOption::Basic,
        )));
    }
    if filters.since.is_some() || filters.until.is_some() {
        let bound = |d: Option<jiff::civil::Date>| match d {
            Some(d) => {
                RangeBound::Included(Term::from_field_date_for_search(f.date, date_to_index(d)))
            }
            None => RangeBound::Unbounded,
        };
        clauses.push(Box::new(RangeQuery::new(
            bound(filters.since),
            bound(filters.until),
        )));
    }
    Ok(clauses)
}

/// Runs a search.
pub fn search(index: &PodiumIndex, req: &Request) -> Result<Results> {
    let searcher = index.searcher();
    let filters = filter_clauses(index, &req.filters)?;
    let mut notes = Vec::new();
    let parsed = query::parse(index, &req.query)?;
    notes.extend(parsed.notes.iter().cloned());

    let with_filters = |q: Box<dyn Query>| -> Box<dyn Query> {
        if filters.is_empty() {
            return q;
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, q)];
        clauses.extend(filters.iter().map(|c| (Occur::Must, c.box_clone())));
        Box::new(BooleanQuery::new(clauses))
    };
    let limit = req.limit.max(1);
    let collector = (TopDocs::with_limit(limit).order_by_score(), Count);
    let mut query = with_filters(parsed.query.box_clone());
    let (mut top, mut total) = searcher.search(&*query, &collector)?;
    if total == 0 {
        if let Some(any) = &parsed.any_words {
            let q = with_filters(any.box_clone());
            let (t, n) = searcher.search(&*q, &collector)?;
            if n > 0 {
                notes.push(
                    "no passage has all the words; showing passages with some of them".into(),
                );
                top = t;
                total = n;
                query = q;
            }
        }
    }
    let snippets = snippet::Snippeter::new(&searcher, &*query, index.fields.text)?;
    let mut hits = Vec::with_capacity(top.len());
    for (rank, (score, addr)) in top.into_iter().enumerate() {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let passage = StoredPassage::from_doc(&index.fields, &doc);
        let snippet = snippets.snippet(&passage.text);
        hits.push(Hit {
            rank: rank + 1,
            score,
            passage,
            snippet,
        });
    }
    Ok(Results { hits, total, notes })
}
