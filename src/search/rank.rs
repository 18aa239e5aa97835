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
//! - **exact form**: a passage with a word in the very form typed, where
//!   the word's term is a stem, adds `EXACT_WEIGHT` times the word's idf,
//!   so `communication` typed ranks `communication` above `communicated`;
//! - **role**: the whole score is multiplied by the speaker's role weight
//!   (`role_weight`), so an official's answer outranks the journalist's
//!   question that quotes the same words when their scores are close;
//! - **length**: a passage of fewer than `SHORT_PASSAGE_WORDS` words (a
//!   fragment such as `Inflation.`) is scaled down (`length_prior`), as
//!   BM25 would otherwise rank it above every substantive passage.

use tantivy::collector::{Collector, TopDocs};
use tantivy::schema::Field;
use tantivy::{DocAddress, DocId, Score, SegmentReader};

use super::sort::Sort;
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

/// What a passage having a word in the very form typed adds, times the
/// word's idf, when the word's term is a stem (`communication`, whose term
/// `commun` also matches `communicated`, `communicating`). A reader who
/// remembers a passage remembers its words as they were said; among
/// passages with the same stems, the one with the forms typed is the
/// likelier one. At 0.3 of the idf it is about a third of what one more
/// occurrence of the word gives: it settles close calls between forms and
/// never outweighs a word's BM25 (a passage with the right word in
/// another form still beats one without it). A word that is its own term
/// (`mild`) has no boost: every passage that matches has the form typed.
pub const EXACT_WEIGHT: f32 = 1.0;

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

/// Passages of fewer indexed words than this have their score scaled down
/// by [`length_prior`].
///
/// BM25 normalises by length, and a passage of one word has the shortest
/// length there is: the fragment `Inflation.` (a heading read as a passage,
/// a speaker's aside) scores about 1.7 times a 60-word answer that says
/// "inflation" once, and so tops every search for the word while telling
/// the reader nothing; `Inside Ukraine.` or `Thank you, inflation next.`
/// do the same with a few more words. Eight words is a short sentence with
/// content ("Inflation has eased for the third month running" has eight):
/// from there on length is BM25's business alone.
pub const SHORT_PASSAGE_WORDS: u32 = 8;

/// The factor of a one-word passage: about 0.4 times the word's idf after
/// BM25's length bonus, below a passage of ordinary length that has the
/// word once (about 1 times). It is still found, only no longer first.
pub const ONE_WORD_PRIOR: Score = 0.25;

/// The factor a passage of `words` indexed words gets: [`ONE_WORD_PRIOR`]
/// for one word, rising in even steps to 1 at [`SHORT_PASSAGE_WORDS`]
/// (two words 0.36, three 0.46, five 0.68, seven 0.89), 1 beyond. A ramp
/// rather than a step, so that a passage one word longer than a threshold
/// does not jump ahead of one just under it. BM25 gives a four-word
/// passage about 1.6 times a 60-word one's weight for the same word; at
/// 0.57 it comes out a little below it, which is where a bare statement
/// belongs beside one that explains it. The count is the field norm of
/// `text` (tantivy keeps it per passage for BM25, exact for short
/// passages), so no stored document is read and no field is added to the
/// index.
pub fn length_prior(words: u32) -> Score {
    if words >= SHORT_PASSAGE_WORDS {
        return 1.0;
    }
    let steps = (SHORT_PASSAGE_WORDS - 1) as Score;
    ONE_WORD_PRIOR + (1.0 - ONE_WORD_PRIOR) * (words.max(1) - 1) as Score / steps
}

/// What hits are ordered by: for a date order, the passage's day (undated
/// passages lowest, so last both ways), then the score. Fields compare in
/// order (derived `PartialOrd`), higher first.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct SortKey {
    /// 0 when sorting by relevance; the day's timestamp for newest first;
    /// its negation for oldest first; `i64::MIN` for an undated passage.
    pub date: i64,
    /// The relevance score (BM25, proximity, weights and priors).
    pub score: Score,
    /// Equal scores are common (the same sentence said in two briefings,
    /// short answers): they are ordered by the passage's id, which is
    /// derived from its text, so a search gives the same order however
    /// the index's segments fell out of a multi-threaded build. Lower ids
    /// first (the key is `u64::MAX - id`: higher keys come first).
    pub tie: u64,
}

/// Hits `offset + 1` to `offset + limit` in `sort` order, scored by BM25
/// times the role weight and the [`length_prior`], read from the `role`
/// and `date` fast fields and the `text` field norms (no stored document
/// is loaded). The weights scale the BM25 part only: the [`COORD_BONUS`]
/// count of words matched stays first.
pub fn top_docs(
    limit: usize,
    offset: usize,
    sort: Sort,
    text: Field,
) -> impl Collector<Fruit = Vec<(SortKey, DocAddress)>> {
    TopDocs::with_limit(limit.max(1))
        .and_offset(offset)
        .tweak_score(move |segment: &SegmentReader| {
            let weights = role_weights(segment);
            let norms = segment.get_fieldnorms_reader(text).ok();
            let ids = segment.fast_fields().u64("id").ok();
            let dates = match sort {
                Sort::Relevance => None,
                Sort::Oldest | Sort::Newest => segment.fast_fields().date("date").ok(),
            };
            move |doc: DocId, score: Score| {
                let w = match &weights {
                    Some((ords, by_ord)) => ords
                        .first(doc)
                        .and_then(|o| by_ord.get(usize::try_from(o).ok()?).copied())
                        .unwrap_or(1.0),
                    None => 1.0,
                };
                let prior = norms
                    .as_ref()
                    .map_or(1.0, |n| length_prior(n.fieldnorm(doc)));
                let words = (score / COORD_BONUS).floor();
                let score = words * COORD_BONUS + (score - words * COORD_BONUS) * w * prior;
                let day = dates
                    .as_ref()
                    .and_then(|c| c.first(doc))
                    .map(|d| d.into_timestamp_secs());
                let date = match (sort, day) {
                    (Sort::Relevance, _) => 0,
                    (_, None) => i64::MIN,
                    (Sort::Newest, Some(t)) => t,
                    (Sort::Oldest, Some(t)) => t.saturating_neg(),
                };
                let tie = u64::MAX - ids.as_ref().and_then(|c| c.first(doc)).unwrap_or(0);
                SortKey { date, score, tie }
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

    #[test]
    fn fragments_weigh_less_and_sentences_fully() {
        assert_eq!(length_prior(0), length_prior(1));
        assert!(length_prior(1) < length_prior(2) && length_prior(2) < length_prior(3));
        assert!(length_prior(3) < 0.5);
        let ramp: Vec<Score> = (1..=SHORT_PASSAGE_WORDS).map(length_prior).collect();
        assert!(ramp.windows(2).all(|w| w[0] < w[1]), "{ramp:?}");
        assert_eq!(length_prior(1), ONE_WORD_PRIOR);
        assert_eq!(length_prior(SHORT_PASSAGE_WORDS), 1.0);
        assert_eq!(length_prior(400), 1.0);
    }

    #[test]
    fn undated_passages_sort_below_every_dated_one() {
        let key = |date, score| SortKey {
            date,
            score,
            tie: 0,
        };
        // Newest first: a later day wins whatever the score.
        assert!(key(200, 0.1) > key(100, 9.0));
        // Oldest first is the negated day: the earlier day wins.
        assert!(key(-100, 0.1) > key(-200, 9.0));
        // Same day: relevance decides.
        assert!(key(100, 2.0) > key(100, 1.0));
        assert!(key(-i64::MAX, 0.0) > key(i64::MIN, 100.0));
        // Equal score and day: the lower id first, whatever the segment.
        let tied = |tie| SortKey {
            date: 0,
            score: 1.0,
            tie,
        };
        assert!(tied(u64::MAX - 5) > tied(u64::MAX - 9));
    }
}
