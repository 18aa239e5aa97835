//! Which of the passages a run wrote are new to the index: the ids the
//! previous commit did not hold. Those, and only those, go to the
//! [`journal`](crate::index::journal) for saved searches to report.
//!
//! A run re-writes passages whose text did not change (a briefing re-dated
//! or re-attributed elsewhere, a republished passage changing hands, a
//! `--rebuild`); their ids are the same, so comparing ids with the
//! previous commit is what "new" means: new text.

use std::collections::HashSet;

use tantivy::schema::Value;
use tantivy::{DocAddress, Index, TantivyDocument};

use crate::error::Result;
use crate::index::{schema, Fields};
use crate::passage;

/// Full passage ids to look for in a segment are first found by their
/// first 32 bits, the `id` fast field (the full id is not stored; it is
/// computed from the stored file, position, speaker and text).
fn prefixes(ids: &HashSet<u64>) -> HashSet<u64> {
    ids.iter().map(|&id| schema::id_prefix(id)).collect()
}

/// The ids of `written` that `previous` (the index as last committed) does
/// not hold, in the order written, each once.
///
/// One pass over the `id` fast field of every segment finds the candidates
/// (a column of small integers: milliseconds for a million passages); only
/// those are read back from the doc store to compare full ids. The cost is
/// thus the index's passage count in column reads, plus one stored document
/// per passage re-written with the same text.
pub(super) fn new_ids(previous: &Index, f: &Fields, written: &[u64]) -> Result<Vec<u64>> {
    let mut unseen: Vec<u64> = Vec::with_capacity(written.len());
    let mut seen_here = HashSet::with_capacity(written.len());
    for &id in written {
        if seen_here.insert(id) {
            unseen.push(id);
        }
    }
    if unseen.is_empty() {
        return Ok(unseen);
    }
    let wanted = prefixes(&seen_here);
    let reader = previous.reader()?;
    let searcher = reader.searcher();
    let name = searcher.schema().get_field_name(f.id).to_string();
    let mut candidates = Vec::new();
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        let column = segment.fast_fields().u64(&name)?;
        for doc in segment.doc_ids_alive() {
            if column.first(doc).is_some_and(|p| wanted.contains(&p)) {
                candidates.push(DocAddress::new(ord as u32, doc));
            }
        }
    }
    let mut stored = HashSet::with_capacity(candidates.len());
    for addr in candidates {
        let d: TantivyDocument = searcher.doc(addr)?;
        let text = |field| {
            d.get_first(field)
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        };
        let position = d
            .get_first(f.position)
            .and_then(|v| v.as_u64())
            .unwrap_or(0);
        stored.insert(passage::passage_id(
            &text(f.file),
            u32::try_from(position).unwrap_or(u32::MAX),
            &text(f.speaker),
            &text(f.body),
        ));
    }
    unseen.retain(|id| !stored.contains(id));
    Ok(unseen)
}
