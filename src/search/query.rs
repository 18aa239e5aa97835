//! The user's query text → a tantivy query over passage text.

use tantivy::query::{Query, QueryParser};

use crate::error::{Error, Result};
use crate::index::PodiumIndex;

/// A parsed query.
pub struct Parsed {
    /// What the user asked for: all bare words required.
    pub query: Box<dyn Query>,
    /// The same words with any of them enough, to fall back on when nothing
    /// has them all; `None` when that would not differ.
    pub any_words: Option<Box<dyn Query>>,
    /// How the query was read, where it differs from what was typed.
    pub notes: Vec<String>,
}

/// Parses a query. tantivy's grammar is read leniently: what it cannot
/// parse is dropped and reported in a note, never as an error dump.
pub fn parse(index: &PodiumIndex, input: &str) -> Result<Parsed> {
    if input.trim().is_empty() {
        return Err(Error::Query("the query is empty".into()));
    }
    let fields = vec![index.fields.text];
    let mut all = QueryParser::for_index(&index.index, fields.clone());
    all.set_conjunction_by_default();
    let (query, errors) = all.parse_query_lenient(input);
    let mut notes = Vec::new();
    if !errors.is_empty() {
        notes.push(format!(
            "parts of the query could not be read and were ignored ({})",
            errors[0]
        ));
    }
    let words = input.split_whitespace().count();
    let any_words = (words > 1).then(|| {
        let any = QueryParser::for_index(&index.index, fields);
        any.parse_query_lenient(input).0
    });
    Ok(Parsed {
        query,
        any_words,
        notes,
    })
}
