//! Leaving one machine: an index's passages in the formats of distributed
//! engines built on tantivy.
//!
//! podium is one process over one folder. A newsroom that outgrows that —
//! hundreds of millions of passages, several searchers, object storage —
//! can move to [Quickwit](https://quickwit.io), which is built on the same
//! library: [`quickwit`] writes an index config whose doc mapping mirrors
//! podium's schema and the passages as NDJSON for `quickwit index ingest`.

pub mod quickwit;

use tantivy::TantivyDocument;

use crate::error::Result;
use crate::index::PodiumIndex;
use crate::search::StoredPassage;

/// Calls `each` with every live passage of the index, segment by segment in
/// index order, without holding them all in memory. Stops at the first
/// error `each` returns.
pub fn for_each_passage<E: From<crate::Error>>(
    index: &PodiumIndex,
    mut each: impl FnMut(StoredPassage) -> std::result::Result<(), E>,
) -> std::result::Result<usize, E> {
    let searcher = index.searcher();
    let mut n = 0;
    for segment in searcher.segment_readers() {
        let store = segment
            .get_store_reader(64)
            .map_err(|e| E::from(crate::Error::Tantivy(e.into())))?;
        for doc in store.iter::<TantivyDocument>(segment.alive_bitset()) {
            let doc: TantivyDocument = doc.map_err(|e| E::from(crate::Error::Tantivy(e)))?;
            // Named as users cite them (a record's FILE#LINE).
            let p = StoredPassage::from_doc(&index.fields, &doc)
                .shown(index)
                .map_err(E::from)?;
            each(p)?;
            n += 1;
        }
    }
    Ok(n)
}

/// Every passage of the index, in index order (for tests and small
/// indexes; [`for_each_passage`] streams).
pub fn passages(index: &PodiumIndex) -> Result<Vec<StoredPassage>> {
    let mut all = Vec::new();
    for_each_passage(index, |p| {
        all.push(p);
        Ok::<(), crate::Error>(())
    })?;
    Ok(all)
}
