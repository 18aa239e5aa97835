//! Between the passes: each document's republished-passage keys as the
//! corpus's knowledge parses it.
//!
//! Which file holds a passage that several files have
//! ([`super::shared::republished_owners`]) is decided from the documents'
//! keys, the text hashes of their passages. The survey computes them from a
//! parse without corpus knowledge, but the second pass writes the parse
//! *with* it, and knowledge can change the passages' text: a page's
//! `Halvorsen: Yes. A fund of …`, read on its own, is one more paragraph of
//! the reporter's turn before it; once a roster elsewhere names Signe
//! Halvorsen it is her label, and the passage is `Yes. A fund of …`, word
//! for word the briefing's. Decided on the survey's keys, that passage was
//! in no other file, so both files stored it. Here the keys of every
//! document whose parse the knowledge can change are taken from that parse
//! instead, before anything is decided. The knowledge itself comes from the
//! surveys' speaker registries only, so nothing here feeds back into it.
//!
//! Which documents: a new or changed one whose survey asked the corpus a
//! question it answers ([`Probe::answered_by`]); an unchanged one when the
//! knowledge changed and its text names someone it changed for (the
//! [`Relevance`] check; pass 2 repeats it for documents whose parse was
//! not kept). The parse is kept for pass 2 when the memory bound allows, so
//! a document is not parsed once more for this; beyond the bound it is.

use std::collections::HashMap;

use jiff::civil::Date;

use super::plan::{fallback_for, reuse_cost, Entry, Reuse, ReuseBudget, Status};
use super::shared::Relevance;
use crate::passage;
use crate::transcript::{Knowledge, KnownPerson};

/// What settling found for one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Settled {
    /// The knowledge cannot change its parse (or it cannot be read now: pass
    /// 2 says so); its keys stand.
    Stands,
    /// Unchanged, and its text names nobody whose knowledge changed: its
    /// parse is what it was, nothing to do in pass 2.
    Untouched,
    /// Parsed with the knowledge: these are its keys (sorted, distinct).
    Keys(Vec<u64>),
}

/// Settles entry `e` (see the module docs). `relevance` is `Some` when the
/// knowledge changed since the index was written; `knowledge` is what
/// documents are parsed with, by their `--date` (as in pass 2).
pub(super) fn settle(
    e: &Entry,
    people: &[KnownPerson],
    knowledge: &HashMap<Option<Date>, Knowledge>,
    relevance: Option<&Relevance>,
    run_date: Option<Date>,
    budget: &ReuseBudget,
) -> Settled {
    let fresh = match (&e.fresh, e.status) {
        (Some(s), _) => Some(s),
        // Kept as last indexed whatever the corpus says.
        (None, Status::Frozen | Status::Gone | Status::Dropped | Status::Skipped) => {
            return Settled::Stands
        }
        (None, _) => None,
    };
    match fresh {
        Some(s) if !s.probes.iter().any(|p| p.answered_by(people)) => return Settled::Stands,
        Some(_) => {}
        None => {
            if relevance.is_none() {
                return Settled::Stands;
            }
        }
    }
    let Ok(loaded) = e.source.load_unhashed() else {
        return Settled::Stands;
    };
    if fresh.is_none() && !relevance.is_some_and(|r| r.matches(&loaded.text)) {
        return Settled::Untouched;
    }
    let Some(knowledge) = knowledge.get(&fallback_for(e, run_date)) else {
        return Settled::Stands; // (pass 2 reports the missing knowledge)
    };
    let t = loaded.parse_with(knowledge);
    let (_, keys) = passage::survey(&t);
    if let Ok(mut slot) = e.reuse.lock() {
        // The survey's parse, if kept, is not the one pass 2 needs: this one
        // takes its place (and its share of the memory bound).
        if slot.is_some() || budget.take(reuse_cost(loaded.text.len())) {
            *slot = Some(Reuse {
                transcript: t,
                probes: Vec::new(),
                notes: loaded.notes,
                knowing: true,
            });
        }
    }
    Settled::Keys(keys)
}
