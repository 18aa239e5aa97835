//! Ranking weights, in one place, each with the reason for its value.
//!
//! The score of a passage is tantivy's BM25 over the words typed, plus:
//!
//! - **proximity**: for every two words typed next to each other, a phrase
//!   match (`PAIR_BOOST`) and a near match within a few words
//!   (`NEAR_BOOST`), so passages where the words stand together outrank
//!   passages that scatter them (a "sequential dependence" model);
//! - **synonyms**: another name of the entity typed scores like the exact
//!   name, times `SYNONYM_WEIGHT`;
//! - **role**: the whole score is multiplied by the speaker's role weight
//!   (`role_weight`), so an official's answer outranks the journalist's
//!   question that quotes the same words when their scores are close.

use tantivy::collector::{Collector, TopDocs};
use tantivy::{DocAddress, DocId, Score, SegmentReader};

use crate::transcript::Role;

/// Weight of an exact two-word phrase match (the words typed next to each
/// other stand next to each other in the passage), relative to the BM25 of
/// the two words. At 0.6 an adjacent pair scores 1.6× a scattered one: a
/// clear win for "container throughput" written together, without drowning
/// a passage that uses both words often but apart.
pub const PAIR_BOOST: f32 = 0.6;

/// Weight of a near match: the two words within [`NEAR_SLOP`] words of each
/// other ("throughput of the container port"). Half the pair boost: nearness
/// is weaker evidence than adjacency, stronger than co-occurrence.
pub const NEAR_BOOST: f32 = 0.3;

/// How far apart two words may be for a near match. Six words is about a
/// clause: "foreign card point-of-sale (POS) terminals" keeps `foreign` and
/// `terminals` near.
pub const NEAR_SLOP: u32 = 6;

/// Proximity pairs are built for the first this many word pairs of a run;
/// a pasted sentence should not build hundreds of phrase queries.
pub const MAX_PAIRS: usize = 12;

/// A synonym's match scores this fraction of the exact name's (after
/// normalising for the names' lengths, see `query::build`): "a little
/// below" the words typed, so exact matches come first when both exist,
/// but far above unrelated passages.
pub const SYNONYM_WEIGHT: f32 = 0.8;

/// When a passage has both the exact name and a synonym, the lesser match
/// adds this fraction of its score (dis-max tie breaker): both names is a
/// little stronger evidence than one.
pub const SYNONYM_TIE_BREAKER: f32 = 0.1;

/// Prefix searches (`invest*`) match at most this many indexed words, the
/// most frequent ones; more would make a two-letter prefix slow and its
/// ranking meaningless.
pub const MAX_EXPANSIONS: usize = 64;

/// Multiplier of a passage's score by its speaker's role.
///
/// A researcher asking "what did they say about X" wants the answer, not the
/// question that quoted X back. A question is short and repeats the words
/// it asks about, and BM25 favours short passages (length normalisation):
/// a 40-word question quoting "container throughput" once outscores the
/// 150-word answer that uses the words by about 1.5×. At 0.6 the answer
/// comes first unless the question scores 1.67× more — then the question
/// really is the better match (it may be the only passage about X).
/// Moderators mostly chair and announce topics ("this press conference on
/// X"), so their words weigh 0.75. Narration (a news report's own text) is
/// the report's substance and yields only to a quoted official: 0.9.
pub fn role_weight(role: Role) -> Score {
    match role {
        Role::Official => 1.0,
        Role::Narration => 0.9,
        Role::Moderator => 0.75,
        Role::Journalist => 0.6,
    }
}

/// What each query word a passage has adds to its score when no passage
/// has them all ("some of the words"): far more than BM25 ever gives, so
/// that passages are ranked first by how many of the words they have, then
/// by BM25 and proximity. Without it a passage with two common words said
/// twice each outscores the one with three rare words out of four.
pub const COORD_BONUS: Score = 10_000.0;

/// The top `limit` hits by BM25 score times the role weight, read from the
/// `role` fast field (no stored document is loaded). The role weighs the
/// BM25 part only: the [`COORD_BONUS`] count of words matched stays first.
pub fn top_docs(limit: usize) -> impl Collector<Fruit = Vec<(Score, DocAddress)>> {
    TopDocs::with_limit(limit.max(1)).tweak_score(move |segment: &SegmentReader| {
        let weights = role_weights(segment);
        move |doc: DocId, score: Score| {
            let w = match &weights {
                Some((ords, by_ord)) => ords
                    .first(doc)
                    .and_then(|o| by_ord.get(usize::try_from(o).ok()?).copied())
                    .unwrap_or(1.0),
                None => 1.0,
            };
            let words = (score / COORD_BONUS).floor();
            words * COORD_BONUS + (score - words * COORD_BONUS) * w
        }
    })
}

/// The segment's role column and the weight of each of its term ordinals.
fn role_weights(segment: &SegmentReader) -> Option<(tantivy::columnar::Column<u64>, Vec<Score>)> {
    let column = segment.fast_fields().str("role").ok()??;
    let mut by_ord = Vec::with_capacity(column.num_terms());
    let mut buf = String::new();
    for ord in 0..column.num_terms() as u64 {
        let w = match column.ord_to_str(ord, &mut buf) {
            Ok(true) => buf.parse::<Role>().map_or(1.0, role_weight),
            _ => 1.0,
        };
        by_ord.push(w);
    }
    let (_, ords) = column.into_parts();
    Some((ords, by_ord))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn officials_first_then_narration_moderators_journalists() {
        let w: Vec<Score> = [
            Role::Official,
            Role::Narration,
            Role::Moderator,
            Role::Journalist,
        ]
        .into_iter()
        .map(role_weight)
        .collect();
        assert!(w.windows(2).all(|p| p[0] > p[1]), "{w:?}");
        // A question must score 1.67× the answer to come first.
        assert!(role_weight(Role::Journalist) * 1.6 < role_weight(Role::Official));
        assert!(role_weight(Role::Journalist) * 1.7 > role_weight(Role::Official));
    }
}
