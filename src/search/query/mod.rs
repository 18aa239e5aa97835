//! The user's query text → a tantivy query.
//!
//! podium reads its own small query language (documented in [`LANGUAGE`],
//! which `podium search --help` prints) in three steps, one per module:
//! [`lex`] (text → lexemes with spans), [`parse`] (lexemes → a tree, read
//! leniently, every odd reading noted with its column) and [`build`] (tree
//! → tantivy query, with synonyms, proximity and prefixes; helped by
//! [`number`], a typed word's other number, `proximity`, the pair
//! clauses, and `boosted`, which scores them only where the words match;
//! a prefix's indexed words are `build/prefix.rs`). tantivy's own query
//! parser is not used: its grammar is not the one researchers type, and
//! its errors are not for people.

mod boosted;
pub mod build;
pub mod exclude;
pub mod lex;
pub mod number;
pub mod parse;
mod proximity;

use tantivy::Searcher;

pub use build::{Compiled, Typed};

use crate::error::{Error, Result};
use crate::index::PodiumIndex;
use crate::search::synonyms::Synonyms;

/// The query language, as `podium search --help` prints it.
pub const LANGUAGE: &str = "\
Words to find. The query language:

  port cranes             both words, anywhere in the passage (all bare words are
                          required); when no passage has them all, podium says so
                          and shows passages with some of them
  \"container throughput\"  the words together, in this order
  cranes OR gantries      either word (also |); OR binds tighter than the space:
                          tariffs China OR Japan = tariffs AND (China OR Japan)
  cranes -automated       without a word (also NOT automated, -\"a phrase\")
  (tariffs OR duties) steel
                          parentheses group
  speaker:gong            only passages by this speaker (forms as for --speaker);
                          speaker:\"Gong Zheng\", speaker:gon*
  role:official           only this role: official, moderator, journalist, narration
  outlet:reuters          only passages by speakers of this outlet or organisation
                          (forms as for --outlet); outlet:\"wall street journal\", outlet:reut*
  title:economy           only briefings whose title has the word; title:\"press
                          conference\", title:(trade policy)
  invest*                 every word starting with \"invest\" (2 letters at least)
  \"sci-tech innov*\"       a phrase whose last word is a prefix

Words match in any case, without accents, in any form (listing = listed = list).
Passages where the words stand together rank first; an official's answer ranks
above the question that quoted it. A name in the synonyms list also finds the
entity's other names (STAR Market = Science and Technology Innovation Board …),
ranked a little below the name typed; quoting a name turns that off. Unbalanced
quotes and parentheses are closed at the end, stray operators are ignored, and
podium says so on stderr; a query with nothing left to search is an error.";

/// Longest part of a query quoted back in an error.
const ECHO_CHARS: usize = 60;

fn echo(input: &str) -> String {
    let t = input.trim();
    if t.chars().count() <= ECHO_CHARS {
        return format!("{t:?}");
    }
    let cut: String = t.chars().take(ECHO_CHARS).collect();
    format!("{cut:?}…")
}

/// Reads a query. Odd input is read leniently (see the notes of the
/// result); the only errors are a query with nothing to search for and an
/// unknown speaker or role in a field, each one line that says where.
pub fn compile(
    index: &PodiumIndex,
    searcher: &Searcher,
    synonyms: &Synonyms,
    input: &str,
) -> Result<Compiled> {
    if input.trim().is_empty() {
        return Err(Error::Query("the query is empty".into()));
    }
    let tree = parse::parse(input);
    let tree_notes: Vec<String> = tree.notes.iter().map(|n| n.render(input)).collect();
    let nothing = |notes: &[String]| {
        Error::Query(match notes.first() {
            Some(n) => format!("nothing to search for in {}: {n}", echo(input)),
            None => format!("nothing to search for in {}", echo(input)),
        })
    };
    let Some(root) = tree.root else {
        return Err(nothing(&tree_notes));
    };
    let mut notes = tree_notes;
    match build::compile(index, searcher, synonyms, input, &root)? {
        Ok(mut c) => {
            notes.append(&mut c.notes);
            c.notes = notes;
            Ok(c)
        }
        Err(mut why) => {
            notes.append(&mut why);
            if notes.is_empty() {
                notes.push("it has no searchable words".into());
            }
            Err(nothing(&notes))
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::error::Error;
    use crate::search::{search, Filters, Request};

    /// Pieces a generated query is made of: every form of the language,
    /// and the broken ones.
    const PIECES: &[&str] = &[
        "Shanghai",
        "STAR",
        "Market",
        "market*",
        "\"STAR Market\"",
        "\"capital market*\"",
        "-",
        "-finance",
        "-\"sci-tech innovation\"",
        "OR",
        "AND",
        "NOT",
        "(",
        ")",
        "\"",
        "speaker:gong",
        "speaker:\"Hua Yuan\"",
        "role:official",
        "role:journalist*",
        "outlet:xinhua",
        "outlet:\"Phoenix TV\"",
        "outlet:pho*",
        "title:SCIO",
        "title:(press conference)",
        "*",
        "sci-tech",
        "科创板",
        "—",
        "zzyzx",
        "the",
        "POS",
        "PBOC",
        "a*",
        "investm*",
        "text:finance",
        "date:2024",
        "+trade",
    ];

    #[test]
    fn generated_queries_never_panic() {
        let dir = tempfile::tempdir().expect("tempdir");
        let index = crate::index::seeded(dir.path()).expect("index the seeds");
        // A fixed linear congruential generator: the same queries every run.
        let mut state: u64 = 0x5eed;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize % n
        };
        for _ in 0..500 {
            let len = 1 + next(7);
            let parts: Vec<&str> = (0..len).map(|_| PIECES[next(PIECES.len())]).collect();
            let glue = if next(3) == 0 { "" } else { " " };
            let query = parts.join(glue);
            let req = Request {
                query: query.clone(),
                filters: Filters::default(),
                limit: 5,
                ..Request::default()
            };
            match search(&index, &req) {
                Ok(_) | Err(Error::Query(_)) => {}
                Err(e) => panic!("{query:?}: unexpected error {e}"),
            }
        }
    }
}
