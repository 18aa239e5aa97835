//! "More like this": the passages on the same subject as one passage
//! (`podium similar ID`).
//!
//! A passage's subject is in its *distinctive* words: those it uses often
//! that few other passages use (tf-idf). They are taken from the index's
//! own analyzed forms ([`analyzer::terms`]: `tariffs` and `tariff` are one
//! term), the [`MAX_TERMS`] best become a query (each term scored by BM25,
//! boosted by its tf-idf relative to the best one), and a passage must
//! share at least [`MIN_SHARED`] of them to count.
//!
//! tantivy's `MoreLikeThisQuery` does the first half of this, but it
//! tokenizes the document with the field's tokenizer, and podium's `text`
//! field is tokenized *before* tantivy sees it (`index::analyzer::TERMS`
//! reads back terms podium wrote), so it cannot analyze a stored body; it
//! also has no way to ignore the words nearly every passage has. Building
//! the query here from the same analyzer the index uses is a few lines.
//!
//! Ranking is [`rank::top_docs`]'s (role weight, length prior) times a
//! small bonus for another briefing and another speaker (see
//! [`OTHER_BRIEFING`], [`OTHER_SPEAKER`]); the passage itself and its exact
//! copies (the same words, republished under another id) are left out.

use std::collections::{BTreeMap, HashMap};

use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use super::hit::{Hit, StoredPassage};
use super::{context, filter, rank, snippet, Filters, Results, Sort};
use crate::error::Result;
use crate::index::{analyzer, PodiumIndex};

/// At most this many of the passage's words make the query. Twelve is a
/// long sentence's worth of content words: enough to name a subject
/// (`tariffs steel aluminum imports canada`), few enough that each weighs.
pub const MAX_TERMS: usize = 12;

/// A passage must share this many of the query's words (fewer when the
/// passage has fewer distinctive words): one shared word is a
/// coincidence ("price" in a passage about a ticket), two are a subject.
pub const MIN_SHARED: usize = 2;

/// Words in more than this share of passages are not distinctive ("the",
/// "president", in a White House corpus "american"), however often the
/// passage says them.
pub const MAX_DOC_SHARE: f64 = 0.1;

/// Score factor of a passage in another briefing than the one asked
/// about. Passages next to it in its own briefing share its words most (the
/// same answer goes on), and `podium show ID --context` already shows
/// those; "more like this" is for the subject *elsewhere*, so other
/// briefings get 1.25×: enough to pass a neighbour that is a little more
/// alike, not one that is much more.
pub const OTHER_BRIEFING: f32 = 1.25;

/// Score factor of a passage by another speaker: who else said it. Smaller
/// than [`OTHER_BRIEFING`] since the same official on the same subject on
/// another day is what a reader often wants.
pub const OTHER_SPEAKER: f32 = 1.1;

/// Candidates looked at per hit asked for: the bonuses and the exclusions
/// reorder the top of BM25's list, not its tail.
const CANDIDATES_PER_HIT: usize = 4;

/// What to find passages like.
#[derive(Debug, Clone, Default)]
pub struct SimilarRequest {
    /// The passage's id or a prefix of it (as `podium show` takes it).
    pub id: String,
    pub filters: Filters,
    pub limit: usize,
    pub offset: usize,
}

/// The answer: the passage asked about, the words it was matched by, and
/// the similar passages.
#[derive(Debug, Clone)]
pub struct Similar {
    pub source: StoredPassage,
    /// The distinctive words, as the passage writes them, best first.
    pub words: Vec<String>,
    pub results: Results,
}

/// A distinctive term of the passage: its index term, a word of the
/// passage it stands for, its document frequency and its tf-idf.
#[derive(Debug, Clone)]
struct KeyTerm {
    term: String,
    word: String,
    doc_freq: u64,
    weight: f32,
}

/// The passages like the one `req.id` names; `None` when no passage has
/// that id. An ambiguous or too-short prefix is the error
/// [`context::by_id`] gives.
pub fn similar(index: &PodiumIndex, req: &SimilarRequest) -> Result<Option<Similar>> {
    let searcher = index.searcher();
    let Some(source) = context::by_id(index, &searcher, &req.id)? else {
        return Ok(None);
    };
    let keys = key_terms(index, &searcher, &source.text)?;
    let words: Vec<String> = keys.iter().map(|k| k.word.clone()).collect();
    let mut results = Results::default();
    if keys.is_empty() {
        results.notes.push(
            "the passage has no word that is both in other passages and uncommon, so nothing is like it"
                .into(),
        );
        return Ok(Some(Similar {
            source,
            words,
            results,
        }));
    }
    let filters = filter::clauses(index, &req.filters)?;
    results.notes.extend(filter::notes(&filters));
    let best = keys[0].weight.max(f32::MIN_POSITIVE);
    let should: Vec<(Occur, Box<dyn Query>)> = keys
        .iter()
        .map(|k| {
            let q = TermQuery::new(
                Term::from_field_text(index.fields.text, &k.term),
                IndexRecordOption::WithFreqs,
            );
            let q: Box<dyn Query> = Box::new(BoostQuery::new(Box::new(q), k.weight / best));
            (Occur::Should, q)
        })
        .collect();
    let shared = MIN_SHARED.min(keys.len());
    let like: Box<dyn Query> =
        Box::new(BooleanQuery::with_minimum_required_clauses(should, shared));
    let query: Box<dyn Query> = if filters.is_empty() {
        like
    } else {
        let mut clauses = vec![(Occur::Must, like)];
        clauses.extend(filters.into_iter().map(|c| (Occur::Must, c.query)));
        Box::new(BooleanQuery::new(clauses))
    };

    let wanted = req.offset.saturating_add(req.limit.max(1));
    let fetch = wanted.saturating_mul(CANDIDATES_PER_HIT).saturating_add(8);
    let collector = (
        rank::top_docs(fetch, 0, Sort::Relevance, index.fields.text),
        Count,
    );
    let (top, total) = searcher.search(&*query, &collector)?;
    let mut excluded = 0;
    let mut scored: Vec<(f32, StoredPassage)> = Vec::with_capacity(top.len());
    for (key, addr) in top {
        let p = StoredPassage::load(index, &searcher, addr)?;
        if p.id == source.id || same_words(&p.text, &source.text) {
            excluded += 1;
            continue;
        }
        scored.push((key.score * bonus(&source, &p), p));
    }
    // Stable: equal scores keep BM25's order.
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));

    let highlight: BTreeMap<String, f32> = keys
        .iter()
        .map(|k| (k.term.clone(), 1.0 / (1.0 + k.doc_freq as f32)))
        .collect();
    let snippets = snippet::Snippeter::new(&searcher, index.fields.text, &highlight, &[])?;
    results.total = total.saturating_sub(excluded);
    results.hits = scored
        .into_iter()
        .skip(req.offset)
        .take(req.limit.max(1))
        .enumerate()
        .map(|(i, (score, passage))| {
            let snippet = snippets.snippet(&passage.text);
            Hit {
                rank: req.offset + i + 1,
                score,
                passage,
                snippet,
            }
        })
        .collect();
    Ok(Some(Similar {
        source,
        words,
        results,
    }))
}

/// The factor for a candidate `p` of passage `source`: [`OTHER_BRIEFING`]
/// when it is in none of the source's documents, [`OTHER_SPEAKER`] when
/// someone else says it.
fn bonus(source: &StoredPassage, p: &StoredPassage) -> f32 {
    let files = |q: &StoredPassage| -> Vec<String> {
        std::iter::once(q.stored_file().to_string())
            .chain(q.occurrences.iter().map(|o| o.file.clone()))
            .collect()
    };
    let theirs = files(source);
    let mut f = 1.0;
    if !files(p).iter().any(|x| theirs.contains(x)) {
        f *= OTHER_BRIEFING;
    }
    if p.speaker != source.speaker {
        f *= OTHER_SPEAKER;
    }
    f
}

/// Whether two passages have the same words (case, spacing and
/// punctuation aside): a republished copy the index keeps apart (another
/// speaker's label, another position) is not "another passage like it".
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    words(a) == words(b)
}

/// The passage's [`MAX_TERMS`] most distinctive index terms, best first:
/// tf (in the passage) × idf (in the index, BM25's formula), leaving out
/// terms no other passage has (they find nothing), terms in more than
/// [`MAX_DOC_SHARE`] of passages, one-character terms and numbers.
fn key_terms(index: &PodiumIndex, searcher: &Searcher, text: &str) -> Result<Vec<KeyTerm>> {
    let mut tf: HashMap<String, usize> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for t in analyzer::terms(text) {
        if t.chars().count() < 2 || t.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let n = tf.entry(t.clone()).or_insert(0);
        if *n == 0 {
            order.push(t);
        }
        *n += 1;
    }
    let surface = surface_words(text);
    let docs = searcher.num_docs().max(1);
    let max_df = ((docs as f64) * MAX_DOC_SHARE).ceil().max(2.0) as u64;
    let mut keys = Vec::new();
    for t in order {
        let df = searcher.doc_freq(&Term::from_field_text(index.fields.text, &t))?;
        // The passage itself is one of the `df`.
        if df < 2 || df > max_df {
            continue;
        }
        let idf = (1.0 + (docs as f64 - df as f64 + 0.5) / (df as f64 + 0.5)).ln();
        let weight = (tf[&t] as f64 * idf) as f32;
        let word = surface.get(&t).cloned().unwrap_or_else(|| t.clone());
        keys.push(KeyTerm {
            term: t,
            word,
            doc_freq: df,
            weight,
        });
    }
    // Highest weight first; among equals the passage's order (stable).
    keys.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    keys.truncate(MAX_TERMS);
    Ok(keys)
}

/// Each index term of `text` mapped to the first word of the text that
/// makes it, lower-cased: the words shown to the user (`tariffs`, not the
/// stem `tariff`).
fn surface_words(text: &str) -> HashMap<String, String> {
    use unicode_segmentation::UnicodeSegmentation;
    let mut out = HashMap::new();
    for w in text.unicode_words() {
        for t in analyzer::terms(w) {
            out.entry(t).or_insert_with(|| w.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_have_the_same_words_whatever_the_punctuation() {
        assert!(same_words("Prices rose, sharply.", "prices  rose sharply"));
        assert!(!same_words("Prices rose.", "Prices fell."));
    }

    #[test]
    fn the_bonuses_prefer_elsewhere_to_another_voice() {
        const { assert!(OTHER_BRIEFING > OTHER_SPEAKER && OTHER_SPEAKER > 1.0) };
    }
}
