//! Passages → a tantivy index on disk, and opening it again.
//!
//! An index directory holds tantivy's files plus one podium *manifest*
//! (`podium-manifest-*.json`): the documents indexed and the speaker
//! registry. The manifest is written before the tantivy commit and the
//! commit's payload names it, so the two always change together: a run
//! killed between them leaves the previous commit pointing at the previous
//! manifest.

pub mod analyzer;
pub mod progress;
pub mod schema;
pub mod writer;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use tantivy::{Index, IndexReader, ReloadPolicy, Searcher};

use crate::error::{Error, Result};
use crate::registry::Registry;
pub use schema::Fields;

/// One indexed briefing, as listed by `podium docs`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentInfo {
    pub file: String,
    pub title: Option<String>,
    pub date: Option<Date>,
    /// Passages indexed from this file (republished ones count where kept).
    pub passages: u64,
    /// Passages of this file already indexed from another file.
    pub republished: u64,
    pub speakers: Vec<String>,
    pub warnings: Vec<String>,
}

/// What podium keeps next to tantivy's files.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub podium_version: String,
    pub schema_version: u32,
    /// When this state was committed (RFC 3339, UTC).
    pub committed_at: String,
    pub documents: Vec<DocumentInfo>,
    pub registry: Registry,
}

/// The commit payload: which manifest belongs to the commit.
#[derive(Debug, Serialize, Deserialize)]
struct Payload {
    manifest: String,
    schema_version: u32,
}

/// An open podium index.
pub struct PodiumIndex {
    pub dir: PathBuf,
    pub index: Index,
    pub fields: Fields,
    reader: IndexReader,
    manifest_file: String,
    manifest: OnceLock<Manifest>,
}

/// Whether `dir` holds an index (tantivy's `meta.json`).
pub fn exists(dir: &Path) -> bool {
    dir.join("meta.json").is_file()
}

impl PodiumIndex {
    /// Opens the index in `dir` for searching.
    ///
    /// The manifest is read lazily: plain searches never parse it, which
    /// keeps start-up to tantivy's own open cost.
    pub fn open(dir: &Path) -> Result<PodiumIndex> {
        if !exists(dir) {
            return Err(Error::NoIndex {
                path: dir.to_path_buf(),
            });
        }
        let bad = |reason: String| Error::BadIndex {
            path: dir.to_path_buf(),
            reason,
        };
        let index = Index::open_in_dir(dir).map_err(|e| bad(one_line(&e.to_string())))?;
        analyzer::register(&index);
        let fields = Fields::from_schema(&index.schema()).map_err(|e| bad(e.to_string()))?;
        let metas = index
            .load_metas()
            .map_err(|e| bad(one_line(&e.to_string())))?;
        let payload: Payload = metas
            .payload
            .as_deref()
            .and_then(|p| serde_json::from_str(p).ok())
            .ok_or_else(|| bad("it was not written by podium".into()))?;
        if payload.schema_version != schema::SCHEMA_VERSION {
            return Err(bad(format!(
                "it was written with index format {}, this podium reads format {}",
                payload.schema_version,
                schema::SCHEMA_VERSION
            )));
        }
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e: tantivy::TantivyError| bad(one_line(&e.to_string())))?;
        Ok(PodiumIndex {
            dir: dir.to_path_buf(),
            index,
            fields,
            reader,
            manifest_file: payload.manifest,
            manifest: OnceLock::new(),
        })
    }

    /// A searcher over the last commit.
    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// The manifest of the last commit (read on first use).
    pub fn manifest(&self) -> Result<&Manifest> {
        if let Some(m) = self.manifest.get() {
            return Ok(m);
        }
        let path = self.dir.join(&self.manifest_file);
        let bytes = fs::read(&path).map_err(|e| Error::BadIndex {
            path: self.dir.clone(),
            reason: format!("{} cannot be read: {e}", self.manifest_file),
        })?;
        let m: Manifest = serde_json::from_slice(&bytes).map_err(|e| Error::BadIndex {
            path: self.dir.clone(),
            reason: format!("{} is damaged: {e}", self.manifest_file),
        })?;
        Ok(self.manifest.get_or_init(|| m))
    }

    /// The speaker registry of the last commit.
    pub fn registry(&self) -> Result<&Registry> {
        Ok(&self.manifest()?.registry)
    }
}

/// tantivy errors can span lines (they embed debug output); users get one.
fn one_line(s: &str) -> String {
    let line = s.lines().next().unwrap_or(s);
    let mut out: String = line.chars().take(200).collect();
    if line.len() > out.len() {
        out.push('…');
    }
    out
}
