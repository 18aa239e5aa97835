//! Checking saved searches: what matches among the passages added since
//! each was last checked.
//!
//! A check is two steps, so that nothing is lost: [`check`] finds what is
//! new and changes nothing; the caller writes it out; only then does
//! [`advance`] move the cursors. A check that fails to write (a full disk,
//! a closed pipe, a crash) reports the same passages next time.

use std::collections::HashSet;
use std::path::Path;

use super::{store, unknown, Watch};
use crate::error::Result;
use crate::index::{journal, PodiumIndex};
use crate::search::{watched, Options, Results};

/// What one saved search has that is new.
#[derive(Debug, Clone)]
pub struct Report {
    pub watch: Watch,
    /// The matches among the passages added since its cursor, newest
    /// first (all of them).
    pub results: Results,
    /// The generation the check looked up to: the watch's cursor once the
    /// report is written out ([`advance`]).
    pub generation: u64,
}

/// Checks the saved searches named (all of them when `names` is empty) on
/// `index`, in the order they were added. An unknown name is an error that
/// lists the known ones; a search that cannot run now (a speaker gone from
/// the index) is that search's error.
pub fn check(index: &PodiumIndex, names: &[String], opts: &Options) -> Result<Vec<Report>> {
    let all = store::load(&index.dir)?;
    for n in names {
        if !all.iter().any(|w| &w.name == n) {
            return Err(unknown(n, &all));
        }
    }
    let chosen: Vec<Watch> = all
        .into_iter()
        .filter(|w| names.is_empty() || names.contains(&w.name))
        .collect();
    let now = index.generation();
    let oldest = chosen.iter().map(|w| w.cursor).min().unwrap_or(now);
    let entries = journal::entries_between(&index.dir, oldest, now)?;
    let mut reports = Vec::with_capacity(chosen.len());
    for watch in chosen {
        // A cursor past the index's generation: the index was started
        // again without its journal. Nothing can be told; start from now.
        let ids: HashSet<u64> = entries
            .iter()
            .filter(|e| e.generation > watch.cursor)
            .flat_map(|e| e.ids.iter().copied())
            .collect();
        let results = if ids.is_empty() {
            Results::default()
        } else {
            watched::search(index, &watch.request(usize::MAX)?, opts, Some(&ids))?
        };
        reports.push(Report {
            watch,
            results,
            generation: now,
        });
    }
    Ok(reports)
}

/// Moves the cursors of the reported searches to the generation they were
/// checked at, once their reports are written out. A search removed in the
/// meantime stays removed.
pub fn advance(dir: &Path, reports: &[Report]) -> Result<()> {
    if reports.is_empty() {
        return Ok(());
    }
    let at = jiff::Timestamp::now().to_string();
    store::update(dir, |watches| {
        for r in reports {
            if let Some(w) = watches.iter_mut().find(|w| w.name == r.watch.name) {
                w.cursor = r.generation;
                w.checked = Some(at.clone());
            }
        }
        Ok(())
    })
}
