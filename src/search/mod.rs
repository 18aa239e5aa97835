//! A query and filters → ranked [`Hit`]s.
//!
//! The query is podium's own language ([`query::LANGUAGE`]): bare words
//! must all match, with a fallback to "some of them" that says so; phrases,
//! `OR`, `-exclude`, parentheses, `speaker:`/`role:`/`title:` and `word*`.
//! Names in the [`synonyms`] map also find the entity's other names.
//! Ranking ([`rank`]) is BM25 plus proximity, times a role weight. Filters
//! ([`filter`]) narrow the set without touching the score. When nothing
//! matches, [`suggest`] offers close words from the index and says which
//! filter removed the hits. [`context`] finds the passages around a hit and
//! [`facet`] counts hits per speaker.

pub mod context;
pub mod facet;
pub mod file;
pub mod filter;
pub mod hit;
pub mod outlet;
pub mod period;
pub mod query;
pub mod rank;
pub mod role;
pub mod similar;
pub mod snippet;
pub mod sort;
pub mod speaker;
pub mod suggest;
pub mod synonyms;
pub mod watched;

use std::sync::Arc;

use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, Occur, Query};

pub use filter::Filters;
pub use hit::{Hit, Snippet, StoredPassage};
pub use sort::Sort;
pub use synonyms::Synonyms;

use crate::error::Result;
use crate::index::PodiumIndex;

/// What to search for.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub query: String,
    pub filters: Filters,
    /// How many hits to return.
    pub limit: usize,
    /// How many of the first hits to skip (paging): the hits returned are
    /// ranked `offset + 1` on, in [`Results::hits`] and in their `rank`.
    pub offset: usize,
    /// The order of the hits ([`Sort::Relevance`] by default).
    pub sort: Sort,
}

/// How to search, beyond the request itself: things built once and reused
/// across requests.
#[derive(Debug, Clone)]
pub struct Options {
    /// The synonym map; [`Synonyms::shipped`] by default.
    pub synonyms: Arc<Synonyms>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            synonyms: Synonyms::shipped(),
        }
    }
}

/// The answer to a [`Request`].
#[derive(Debug, Clone, Default)]
pub struct Results {
    pub hits: Vec<Hit>,
    /// How many passages match in all (not only those returned).
    pub total: usize,
    /// Things the user should know about how the query was read.
    pub notes: Vec<String>,
    /// No passage had all the words; the hits have some of them.
    pub relaxed: bool,
    /// The query with words that are in no passage replaced by close
    /// indexed words ("did you mean"), when there are hits to gain.
    pub suggestion: Option<String>,
    /// When filters removed every hit: which did, in one sentence.
    pub emptied_by: Option<String>,
}

/// Runs a search with the default [`Options`] (the shipped synonyms).
pub fn search(index: &PodiumIndex, req: &Request) -> Result<Results> {
    search_with(index, req, &Options::default())
}

/// Runs a search.
pub fn search_with(index: &PodiumIndex, req: &Request, opts: &Options) -> Result<Results> {
    let searcher = index.searcher();
    let filters = filter::clauses(index, &req.filters)?;
    let compiled = query::compile(index, &searcher, &opts.synonyms, &req.query)?;
    let mut notes = compiled.notes.clone();
    notes.extend(filter::notes(&filters));
    if !req.filters.files.is_empty() {
        notes.extend(file::notes(index.manifest()?, &req.filters.files));
    }

    let with_filters = |q: &dyn Query| -> Box<dyn Query> {
        if filters.is_empty() {
            return q.box_clone();
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, q.box_clone())];
        clauses.extend(filters.iter().map(|c| (Occur::Must, c.query.box_clone())));
        Box::new(BooleanQuery::new(clauses))
    };
    let collector = (
        rank::top_docs(req.limit, req.offset, req.sort, index.fields.text),
        Count,
    );
    let (mut top, mut total) = searcher.search(&*with_filters(&*compiled.query), &collector)?;
    let mut relaxed = false;
    if total == 0 {
        if let Some(any) = &compiled.relaxed {
            let (t, n) = searcher.search(&*with_filters(&**any), &collector)?;
            if n > 0 {
                let missing: Vec<String> = suggest::missing(&searcher, &compiled.typed)
                    .iter()
                    .filter_map(|t| req.query.get(t.start..t.end))
                    .map(|w| format!("{w:?}"))
                    .collect();
                notes.push(if missing.is_empty() {
                    "no passage has all the words; showing passages with some of them".into()
                } else {
                    format!(
                        "no passage has all the words ({} in none); showing passages with some of them",
                        missing.join(", ")
                    )
                });
                top = t;
                total = n;
                relaxed = true;
            }
        }
    }
    let mut results = Results {
        total,
        relaxed,
        ..Results::default()
    };
    if total == 0 || relaxed {
        results.suggestion = suggest::did_you_mean(&searcher, &req.query, &compiled.typed);
    }
    if total == 0 || relaxed {
        // With all the words but without the filters, are there hits?
        results.emptied_by = suggest::emptied_by(&searcher, &*compiled.query, &filters);
    }
    if total == 0 && results.emptied_by.is_none() {
        results.emptied_by = compiled
            .relaxed
            .as_ref()
            .and_then(|any| suggest::emptied_by(&searcher, &**any, &filters));
    }
    let snippets = snippet::Snippeter::new(
        &searcher,
        index.fields.text,
        &compiled.highlight,
        &compiled.phrases,
    )?;
    results.hits.reserve(top.len());
    for (rank, (key, addr)) in top.into_iter().enumerate() {
        let passage = StoredPassage::load(index, &searcher, addr)?;
        let snippet = snippets.snippet(&passage.text);
        results.hits.push(Hit {
            rank: req.offset + rank + 1,
            score: key.score,
            passage,
            snippet,
        });
    }
    results.notes = notes;
    Ok(results)
}

/// The passages matching a request's query and filters, counted per speaker
/// (the `podium speakers QUERY` facet). The query falls back to "some of
/// the words" as [`search_with`] does, and a note says so.
pub fn speaker_facet(
    index: &PodiumIndex,
    req: &Request,
    opts: &Options,
) -> Result<(Vec<facet::SpeakerCount>, Vec<String>)> {
    let searcher = index.searcher();
    let (q, notes) = facet_query(index, &searcher, req, opts)?;
    let counts = facet::speakers(&searcher, &*q, index.registry()?)?;
    Ok((counts, notes))
}

/// The passages matching a request's query and filters, counted per outlet
/// or organisation (`podium speakers QUERY --outlets`), as
/// [`speaker_facet`] counts them per speaker.
pub fn outlet_facet(
    index: &PodiumIndex,
    req: &Request,
    opts: &Options,
) -> Result<(Vec<facet::OutletCount>, Vec<String>)> {
    let searcher = index.searcher();
    let (q, notes) = facet_query(index, &searcher, req, opts)?;
    Ok((facet::outlets(&searcher, &*q)?, notes))
}

/// The query a facet counts: the request's query (all passages when it is
/// empty; some of its words when no passage has them all) and filters.
fn facet_query(
    index: &PodiumIndex,
    searcher: &tantivy::Searcher,
    req: &Request,
    opts: &Options,
) -> Result<(Box<dyn Query>, Vec<String>)> {
    let filters = filter::clauses(index, &req.filters)?;
    let mut notes = filter::notes(&filters);
    let base: Box<dyn Query> = if req.query.trim().is_empty() {
        Box::new(tantivy::query::AllQuery)
    } else {
        let compiled = query::compile(index, searcher, &opts.synonyms, &req.query)?;
        notes.extend(compiled.notes.iter().cloned());
        let strict = compiled.query.box_clone();
        let n = searcher.search(&*strict, &Count)?;
        match (&compiled.relaxed, n) {
            (Some(any), 0) => {
                notes.push(
                    "no passage has all the words; counting passages with some of them".into(),
                );
                any.box_clone()
            }
            _ => strict,
        }
    };
    let q: Box<dyn Query> = if filters.is_empty() {
        base
    } else {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, base)];
        clauses.extend(filters.into_iter().map(|c| (Occur::Must, c.query)));
        Box::new(BooleanQuery::new(clauses))
    };
    Ok((q, notes))
}
