//! What an index holds and takes on disk: the figures of `podium stats`
//! and of the server's `GET /api/stats`, computed once here for both.

use serde::Serialize;

use super::{disk_usage, writer, PodiumIndex};
use crate::error::Result;

/// The figures `podium stats` reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub index: String,
    pub documents: u64,
    /// Passages in the last commit, as tantivy counts them.
    pub passages: u64,
    /// Passages of documents already indexed from another file.
    pub republished: u64,
    /// Speakers with passages (narration aside).
    pub speakers: u64,
    pub segments: u64,
    /// Every file in the index directory.
    pub files: u64,
    pub bytes: u64,
    /// When the last commit was made (RFC 3339, UTC).
    pub committed_at: String,
    pub podium_version: String,
}

/// Reads the figures of the index in `idx`. The passage count comes from
/// tantivy; the manifest's own count is compared with it and a mismatch is
/// returned as a problem to report.
pub fn stats(idx: &PodiumIndex) -> Result<(Stats, Option<String>)> {
    let m = idx.manifest()?;
    let searcher = idx.searcher();
    let passages = searcher.num_docs();
    let listed: u64 = m.documents.iter().map(|d| d.passages).sum();
    let (files, bytes) = disk_usage(&idx.dir);
    let problem = (listed != passages).then(|| {
        format!(
            "the manifest lists {listed} passages but the index holds {passages}: run `podium index --rebuild`"
        )
    });
    Ok((
        Stats {
            index: idx.dir.display().to_string(),
            documents: m.documents.len() as u64,
            passages,
            republished: m.documents.iter().map(|d| d.republished).sum(),
            speakers: writer::speaker_count(&m.registry) as u64,
            segments: searcher.segment_readers().len() as u64,
            files,
            bytes,
            committed_at: m.committed_at.clone(),
            podium_version: m.podium_version.clone(),
        },
        problem,
    ))
}
