//! tantivy's share of indexing, measured alone.
//!
//! [`super::build`] reads, parses, cuts passages, analyzes their text and
//! hands finished documents to tantivy, which writes postings, the doc
//! store and fast fields. How fast the whole can go is bounded by the
//! second part, which podium does not control: [`prepare`] does the first
//! part once, and [`write`] times tantivy writing the same documents with
//! the same schema, settings, threads and memory budget. The scale bench
//! runs both next to a full build, so the ratio says how much of indexing
//! time any speed-up of podium's own work could still remove.

use std::path::Path;

use tantivy::{IndexWriter, TantivyDocument};

use super::{create, tantivy_threads, BuildOptions};
use crate::corpus::Source;
use crate::error::Result;
use crate::index::codec::document;
use crate::index::{schema, Fields};
use crate::passage;

/// The documents `build` would write for `sources`, parsed without corpus
/// knowledge (the first pass's parse: the documents differ from a full
/// build's only in attribution, not in size or shape). Sources that cannot
/// be read are left out, as `build` leaves them out.
pub fn prepare(sources: &[Source]) -> Result<Vec<TantivyDocument>> {
    let fields = Fields::from_schema(&schema::build())?;
    let mut docs = Vec::new();
    for s in sources {
        let Ok(loaded) = s.load_unhashed() else {
            continue;
        };
        let t = loaded.parse();
        let name = s.stored_name();
        for (i, p) in passage::passages(&t, &name).iter().enumerate() {
            docs.push(document(&fields, p, i == 0));
        }
    }
    Ok(docs)
}

/// Writes `docs` into a new index in `dir` as [`super::build`] would
/// (tantivy's threads and memory budget from `opts`) and commits.
pub fn write(dir: &Path, docs: Vec<TantivyDocument>, opts: &BuildOptions) -> Result<()> {
    let (index, _) = create(dir)?;
    let mut writer: IndexWriter =
        index.writer_with_num_threads(tantivy_threads(opts.threads.max(1)), opts.memory_budget)?;
    for d in docs {
        writer.add_document(d)?;
    }
    writer.commit()?;
    Ok(writer.wait_merging_threads()?)
}
