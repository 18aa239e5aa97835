//! Proximity clauses: for two words typed next to each other, a phrase
//! match and a near match (see [`rank`](crate::search::rank) for the
//! weights).

use tantivy::query::{BoostQuery, PhraseQuery, Query};
use tantivy::schema::Field;
use tantivy::Term;

use crate::search::rank::{MAX_PAIRS, NEAR_BOOST, NEAR_SLOP, PAIR_BOOST};

/// The proximity clauses of a run of words, each word given by its first
/// and last term (a hyphenated `sci-tech` is two terms). A pair of one
/// term twice (`implements implementation`, one stem) builds none: its
/// "near match" would be every occurrence of the word with itself, a
/// second count of the word rather than evidence of nearness.
pub fn pairs(field: Field, words: &[(String, String)]) -> Vec<Box<dyn Query>> {
    let mut out: Vec<Box<dyn Query>> = Vec::new();
    for pair in words.windows(2).take(MAX_PAIRS) {
        let (a, b) = (&pair[0].1, &pair[1].0);
        if a == b {
            continue;
        }
        let terms = vec![
            (0, Term::from_field_text(field, a)),
            (1, Term::from_field_text(field, b)),
        ];
        out.push(Box::new(BoostQuery::new(
            Box::new(PhraseQuery::new_with_offset(terms.clone())),
            PAIR_BOOST,
        )));
        out.push(Box::new(BoostQuery::new(
            Box::new(PhraseQuery::new_with_offset_and_slop(terms, NEAR_SLOP)),
            NEAR_BOOST,
        )));
    }
    out
}
