//! Passages around a passage: the question an answer replies to, and its
//! neighbours in the briefing.
//!
//! Neighbours are found through the index, not by re-reading files: `file`
//! is an exact term and `position` (the passage's number in its file) and
//! `turn` are indexed numbers, so "passages 10 to 14 of this file" is one
//! small range query. A republished passage is indexed from one file; its
//! context is that file's.

use std::ops::Bound;

use serde::Serialize;
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use super::hit::StoredPassage;
use crate::error::{Error, Result};
use crate::index::PodiumIndex;
use crate::transcript::Role;

/// At most this many passages of the prompting turn are shown: the end of
/// a long turn is where the question is.
pub const MAX_PROMPT_PASSAGES: usize = 3;

/// Id prefixes shorter than this are not looked up (too many matches).
pub const MIN_ID_PREFIX: usize = 4;

/// What surrounds a passage.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Context {
    /// What prompted it: for an answer, the question; otherwise the end of
    /// the previous turn (see [`prompt`]).
    pub prompt: Vec<StoredPassage>,
    /// Up to N passages just before it in its file (prompt passages left out).
    pub before: Vec<StoredPassage>,
    /// Up to N passages just after it.
    pub after: Vec<StoredPassage>,
}

fn term_query(t: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(t, IndexRecordOption::Basic))
}

fn u64_range(field: tantivy::schema::Field, lo: u64, hi: u64) -> Box<dyn Query> {
    Box::new(RangeQuery::new(
        Bound::Included(Term::from_field_u64(field, lo)),
        Bound::Included(Term::from_field_u64(field, hi)),
    ))
}

/// Every passage matching `query`, in file order.
fn passages(
    index: &PodiumIndex,
    searcher: &Searcher,
    query: &dyn Query,
) -> Result<Vec<StoredPassage>> {
    let addrs = searcher.search(query, &DocSetCollector)?;
    let mut out = Vec::with_capacity(addrs.len());
    for addr in addrs {
        out.push(StoredPassage::load(index, searcher, addr)?);
    }
    out.sort_by_key(|p| p.position);
    Ok(out)
}

/// Passages of `file` whose `field` is within `lo..=hi`.
fn in_file(
    index: &PodiumIndex,
    searcher: &Searcher,
    file: &str,
    field: tantivy::schema::Field,
    lo: u64,
    hi: u64,
) -> Result<Vec<StoredPassage>> {
    let f = &index.fields;
    let q = BooleanQuery::new(vec![
        (Occur::Must, term_query(Term::from_field_text(f.file, file))),
        (Occur::Must, u64_range(field, lo, hi)),
    ]);
    passages(index, searcher, &q)
}

/// The passage with this id, or the only one whose id starts so (at least
/// [`MIN_ID_PREFIX`] characters). An ambiguous prefix is an error that
/// says how many passages it matches; a prefix of hex digits too short to
/// look up is an error that says how many characters it needs.
///
/// The index keeps the first 32 bits of each id in a fast field (see
/// [`crate::index::schema`]): the ids that start with the digits given lie
/// in one range of it, and the candidates' full ids (computed from their
/// stored parts) decide.
pub fn by_id(index: &PodiumIndex, searcher: &Searcher, id: &str) -> Result<Option<StoredPassage>> {
    let id = id.trim().to_ascii_lowercase();
    if id.len() > 16 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    if id.len() < MIN_ID_PREFIX {
        // Told, not "no passage": the id may well be right, only short.
        return Err(Error::PassageId(format!(
            "id prefix '{id}' is too short: give at least {MIN_ID_PREFIX} characters of the id (it has {})",
            id.len()
        )));
    }
    let digits = id.len().min(8);
    let Ok(head) = u64::from_str_radix(&id[..digits], 16) else {
        return Ok(None);
    };
    let shift = 4 * (8 - digits) as u32;
    let lo = head << shift;
    let hi = ((head + 1) << shift) - 1;
    let mut found: Vec<StoredPassage> =
        passages(index, searcher, &*u64_range(index.fields.id, lo, hi))?
            .into_iter()
            .filter(|p| p.id.starts_with(&id))
            .collect();
    if let Some(i) = found.iter().position(|p| p.id == id) {
        return Ok(Some(found.swap_remove(i)));
    }
    let mut ids: Vec<String> = found.iter().map(|p| p.id.clone()).collect();
    ids.sort();
    ids.dedup();
    match ids.len() {
        0 => Ok(None),
        1 => Ok(found.into_iter().next()),
        n => Err(Error::PassageId(format!(
            "id prefix '{id}' matches {n} passages ({}…); give more characters",
            ids.iter().take(3).cloned().collect::<Vec<_>>().join(", ")
        ))),
    }
}

/// Up to `n` passages before and after `p` in its file.
pub fn neighbours(
    index: &PodiumIndex,
    searcher: &Searcher,
    p: &StoredPassage,
    n: usize,
) -> Result<(Vec<StoredPassage>, Vec<StoredPassage>)> {
    if n == 0 {
        return Ok((Vec::new(), Vec::new()));
    }
    let n = n as u64;
    let lo = p.position.saturating_sub(n);
    let hi = p.position.saturating_add(n);
    let around = in_file(
        index,
        searcher,
        p.stored_file(),
        index.fields.position,
        lo,
        hi,
    )?;
    let (before, rest): (Vec<_>, Vec<_>) =
        around.into_iter().partition(|q| q.position < p.position);
    let after = rest
        .into_iter()
        .filter(|q| q.position > p.position)
        .collect();
    Ok((before, after))
}

/// How many turns back the question an answer replies to may be: a
/// moderator's hand-over and a first official's answer can come between a
/// question and a second official's addition.
pub const QUESTION_LOOKBACK: u64 = 3;

/// What prompted `p`: for an answer (anything but a question), the nearest
/// journalist's turn within [`QUESTION_LOOKBACK`] turns, its last
/// [`MAX_PROMPT_PASSAGES`] passages; otherwise (or when no question is that
/// near) the last passage of the previous turn.
pub fn prompt(
    index: &PodiumIndex,
    searcher: &Searcher,
    p: &StoredPassage,
) -> Result<Vec<StoredPassage>> {
    if p.turn == 0 {
        return Ok(Vec::new());
    }
    let lo = p.turn.saturating_sub(QUESTION_LOOKBACK);
    let earlier = in_file(
        index,
        searcher,
        p.stored_file(),
        index.fields.turn,
        lo,
        p.turn - 1,
    )?;
    let question_turn = earlier
        .iter()
        .filter(|q| q.role == Role::Journalist)
        .map(|q| q.turn)
        .max()
        .filter(|_| p.role != Role::Journalist);
    let mut out: Vec<StoredPassage> = match question_turn {
        Some(t) => earlier.into_iter().filter(|q| q.turn == t).collect(),
        None => earlier
            .into_iter()
            .rfind(|q| q.turn + 1 == p.turn)
            .into_iter()
            .collect(),
    };
    if out.len() > MAX_PROMPT_PASSAGES {
        out.drain(..out.len() - MAX_PROMPT_PASSAGES);
    }
    Ok(out)
}

/// The prompt and `n` neighbours on each side of `p`.
pub fn around(
    index: &PodiumIndex,
    searcher: &Searcher,
    p: &StoredPassage,
    n: usize,
) -> Result<Context> {
    let prompt = prompt(index, searcher, p)?;
    let (mut before, after) = neighbours(index, searcher, p, n)?;
    before.retain(|b| !prompt.iter().any(|q| q.id == b.id));
    Ok(Context {
        prompt,
        before,
        after,
    })
}
