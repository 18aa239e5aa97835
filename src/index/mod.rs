//! Passages → a tantivy index on disk, and opening it again.
//!
//! The parts: [`schema`] (the fields and why each is there), [`codec`]
//! (a passage ↔ its tantivy document, and the stored dates: what the
//! layers above read), [`analyzer`] (the words of `text`) and [`forms`]
//! (the other forms a reader types for a word), [`writer`] (building and
//! updating), [`journal`] (which passages each commit added, for saved
//! searches), [`progress`] (what a build reports while it works) and
//! [`stats`] (what an index holds, for `podium stats` and the server).
//!
//! An index directory holds tantivy's files plus two podium files per
//! commit, both named by the commit's payload:
//!
//! - the *manifest* (`podium-manifest-*.json.zst`): the documents indexed and
//!   the speaker registry; small, read by searches that need the registry
//!   and by `podium stats`;
//! - the *state* (`podium-state-*.json.zst`): what the indexer needs to update
//!   the index incrementally: each document's content hash, the passages it
//!   could share with other files, and its contribution to the speaker
//!   registry (see [`writer`]);
//! - the *registry* (`podium-registry-*.json.zst`): the speaker registry
//!   again, without each speaker's list of documents, which only the
//!   indexer uses. It is what `--speaker`, `speaker:` and `podium
//!   speakers` read: in a 1M-passage index the manifest is 12.9 MB of JSON
//!   (1.2 MB compressed), most of it those lists and the documents, and
//!   decoding it took a `--speaker` search from 10 to 140 ms; the registry
//!   alone is a small fraction of it. Indexes written before it was kept
//!   read the registry from the manifest, and the next `podium index`
//!   writes it.
//!
//! # Crash safety
//!
//! The podium files are written (and synced) under new names *before* the tantivy
//! commit, and the commit's payload names them. tantivy writes its
//! `meta.json` atomically (a new file renamed over the old), so at every
//! instant the directory's `meta.json` names one complete commit and the
//! podium files that belong to it. A process killed at any moment leaves
//! either the previous commit (the new segment files and podium files are
//! orphans, removed by the next commit) or the new one. Files of the
//! previous commit are kept one commit longer, so a search that opened the
//! index just before a commit can still read its manifest.
//!
//! Writers take an advisory lock on `podium.lock` ([`WriteLock`]). The
//! operating system releases it when the process ends however it ends, so a
//! killed indexer never leaves a lock that blocks the next run; a second
//! live indexer gets [`Error::Busy`]. Readers take no podium lock: they see
//! the last commit while a writer works.

pub mod analyzer;
pub mod codec;
pub mod forms;
pub mod journal;
pub mod progress;
pub mod schema;
pub mod stats;
pub mod writer;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use tantivy::{Index, IndexReader, ReloadPolicy, Searcher};

use crate::corpus::Stamp;
use crate::error::{Error, Result};
use crate::registry::{PackedRegistry, Registry};
pub use schema::Fields;

/// One indexed briefing, as listed by `podium docs`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentInfo {
    /// The document as users see it and cite it: its file, or `FILE#LINE`
    /// for a JSON lines record (its line as last indexed).
    pub file: String,
    pub title: Option<String>,
    pub date: Option<Date>,
    /// Passages indexed from this file (republished ones count where kept).
    pub passages: u64,
    /// Passages of this file already indexed from another file.
    pub republished: u64,
    pub speakers: Vec<String>,
    pub warnings: Vec<String>,
    /// The name its passages are stored under, when it is not `file`: a
    /// JSON lines record's passages are stored under its file and content
    /// (`FILE#@HASH`, see `corpus::record_name`), not its line, so a
    /// record that moves costs an update of `file` here and no re-writing.
    /// Searches show `file` in its place. `None` for whole files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stored_as: Option<String>,
}

impl DocumentInfo {
    /// The name the document's passages are stored under (their `file`
    /// field): what finds them in the index.
    pub fn stored_name(&self) -> &str {
        self.stored_as.as_deref().unwrap_or(&self.file)
    }
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

/// What the indexer remembers about one document between runs.
///
/// Everything here is derived from the document's bytes (and the corpus
/// around it); it lets a run decide what changed without parsing files that
/// did not, and rebuild the corpus-wide views (speaker registry, owners of
/// republished passages) from per-document parts, so removing a file takes
/// exactly its part away.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocState {
    /// Identity across runs: the canonical path (see `Source::key`); for a
    /// JSON lines record, its file and content (see [`writer`] for how
    /// records are followed when lines move).
    pub key: String,
    /// What users see, and the name its passages are stored under
    /// ([`DocumentInfo::stored_name`]). A file's name is fixed when it is
    /// first indexed, so its passages can be found again; a record's shown
    /// `FILE#LINE` follows its line, its stored name does not.
    pub info: DocumentInfo,
    /// Content hash of the bytes indexed.
    pub hash: u64,
    /// Size and modification time when indexed.
    pub stamp: Stamp,
    /// The text gives no full date, so `--date` applies to it.
    pub undated: bool,
    /// The `--date` the document was indexed with, if it applied.
    pub fallback_date: Option<Date>,
    /// Passages the document has on its own (before republished ones are
    /// given to another file): its weight when files share a passage.
    pub size: u64,
    /// Keys of the passages long enough to be republished elsewhere.
    pub keys: Vec<u64>,
    /// Keys of the republished passages this document holds for everyone.
    pub owned: Vec<u64>,
    /// What the document says about speakers, read on its own: the input
    /// of the knowledge every document is parsed with.
    pub survey: PackedRegistry,
    /// The document's part of the index's speaker registry.
    pub written: PackedRegistry,
    /// Fingerprint of the decisions about shared passages it was written
    /// with (which it holds, and the files they are also in).
    pub ownership: u64,
    /// Fingerprint of everything written for it.
    pub output: u64,
    /// Where the document is in its file when it is a record of a JSON
    /// lines file; `None` for a whole file. (Absent in states written
    /// before podium read JSON lines.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<RecordPlace>,
}

/// Where a JSON lines record was when it was last indexed: enough to read
/// it again without splitting its file, when the file has not changed
/// since (same size and modification time), and to group a file's records.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordPlace {
    /// The key of the file the record is in (`Source::key` of the file).
    pub file_key: String,
    /// The file as users see it; the record is shown as `FILE#LINE`.
    pub file: String,
    /// 1-based line of the record.
    pub line: usize,
    /// Byte offset and length of the line, without its line end.
    pub offset: u64,
    pub len: u64,
    /// Which repeat of its bytes in the file it is (`jsonl::Span::repeat`).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub repeat: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// The indexer's state: one entry per indexed document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub podium_version: String,
    /// The reading rules the documents were parsed with
    /// ([`crate::transcript::READING_RULES`]); 0 in states written before
    /// podium kept it, which are re-read as any other value is.
    #[serde(default)]
    pub rules_version: u32,
    pub documents: Vec<DocState>,
    /// Set in a first build's checkpoint: the documents here are
    /// committed, and the run that wrote them may have stopped before it
    /// wrote the rest. The next run goes on from them (see [`writer`]),
    /// and keeps committing checkpoints until the build is whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkpoint: Option<Checkpoint>,
}

/// What a first build's checkpoint says about how its documents were
/// written, so that the run resuming it need not parse them again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    /// Fingerprint of the speaker knowledge (the whole corpus's survey)
    /// the documents were parsed with: when the resuming run's survey gives
    /// the same, they are what it would write.
    pub knowledge: u64,
}

/// The commit payload: which podium files belong to the commit.
#[derive(Debug, Serialize, Deserialize)]
struct Payload {
    manifest: String,
    /// Absent in indexes written before incremental indexing.
    #[serde(default)]
    state: Option<String>,
    /// The search registry ([`PodiumIndex::registry`]); absent in indexes
    /// written before it was kept apart from the manifest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    registry: Option<String>,
    schema_version: u32,
    /// The commit's number, one more than the commit before it (see
    /// [`journal`]); 0 in indexes written before podium counted them.
    #[serde(default)]
    generation: u64,
}

/// The part of a manifest [`PodiumIndex::shown_name`] reads.
#[derive(Deserialize)]
struct Names {
    documents: Vec<Name>,
}

#[derive(Deserialize)]
struct Name {
    file: String,
    #[serde(default)]
    stored_as: Option<String>,
}

/// An open podium index.
pub struct PodiumIndex {
    pub dir: PathBuf,
    pub index: Index,
    pub fields: Fields,
    reader: IndexReader,
    manifest_file: String,
    state_file: Option<String>,
    registry_file: Option<String>,
    generation: u64,
    manifest: OnceLock<Manifest>,
    /// Read from `registry_file` on first use (see [`PodiumIndex::registry`]).
    registry: OnceLock<Registry>,
    /// Stored name → shown name of the documents stored under another name
    /// than they are shown by (JSON lines records); built from the manifest
    /// on first use.
    shown: OnceLock<HashMap<String, String>>,
}

/// Whether `dir` holds an index (tantivy's `meta.json`).
pub fn exists(dir: &Path) -> bool {
    dir.join("meta.json").is_file()
}

/// The name of the lock file writers hold.
pub const LOCK_FILE: &str = "podium.lock";

/// How tantivy's segment files end (`<segment id>.<ending>`): what a
/// rebuild removes, and what tests that damage or count segments look
/// for, so that they all mean the same files.
pub const SEGMENT_FILE_ENDINGS: &[&str] = &[
    ".idx",
    ".pos",
    ".term",
    ".store",
    ".fast",
    ".fieldnorm",
    ".del",
];

/// An exclusive, advisory lock on an index directory, held while writing.
///
/// It is an `flock` on [`LOCK_FILE`], released by the operating system
/// when the process ends, however it ends: a stale lock file left by a
/// killed process never blocks anyone.
#[derive(Debug)]
pub struct WriteLock {
    _file: fs::File,
}

impl WriteLock {
    /// Takes the lock on `dir` (creating the directory), or fails at once
    /// with [`Error::Busy`] when another process holds it.
    pub fn acquire(dir: &Path) -> Result<WriteLock> {
        let io = |source| Error::Io {
            path: dir.to_path_buf(),
            source,
        };
        fs::create_dir_all(dir).map_err(io)?;
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(LOCK_FILE))
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => Ok(WriteLock { _file: file }),
            Err(fs::TryLockError::WouldBlock) => Err(Error::Busy {
                path: dir.to_path_buf(),
            }),
            Err(fs::TryLockError::Error(e)) => Err(io(e)),
        }
    }
}

/// What the directory's last commit says, before anything is opened.
enum Committed {
    /// `meta.json` exists but no podium commit was ever made (a first run
    /// interrupted early, or an empty tantivy index).
    Nothing,
    Podium(Payload),
}

fn committed(index: &Index) -> Result<Committed, String> {
    let metas = index.load_metas().map_err(|e| one_line(&e.to_string()))?;
    match metas.payload.as_deref() {
        None | Some("") if metas.segments.is_empty() => Ok(Committed::Nothing),
        None | Some("") => Err("it was not written by podium".into()),
        Some(p) => serde_json::from_str(p)
            .map(Committed::Podium)
            .map_err(|_| "it was not written by podium".into()),
    }
}

impl PodiumIndex {
    /// Opens the index in `dir` for searching.
    ///
    /// The manifest is read lazily: plain searches never parse it, which
    /// keeps start-up to tantivy's own open cost. A damaged index (a file
    /// truncated or missing) or one from another version is
    /// [`Error::BadIndex`], whose message gives the fix.
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
        // tantivy reads files that a damaged index may have cut short;
        // whatever it makes of them must end as an error, never a crash.
        let opened = std::panic::catch_unwind(|| open_parts(dir))
            .unwrap_or_else(|_| Err(bad("its files are damaged".into())))?;
        let (index, fields, reader, payload) = opened;
        Ok(PodiumIndex {
            dir: dir.to_path_buf(),
            index,
            fields,
            reader,
            manifest_file: payload.manifest,
            state_file: payload.state,
            registry_file: payload.registry,
            generation: payload.generation,
            manifest: OnceLock::new(),
            registry: OnceLock::new(),
            shown: OnceLock::new(),
        })
    }

    /// The generation of the commit this index was opened at: how many
    /// commits came before it, counted by [`journal`].
    pub fn generation(&self) -> u64 {
        self.generation
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
        let m: Manifest = self.read_json(&self.manifest_file)?;
        Ok(self.manifest.get_or_init(|| m))
    }

    /// The name users see for the document whose passages are stored
    /// under `stored`: a JSON lines record's current `FILE#LINE` (its
    /// passages are stored under a name that does not hold the line, see
    /// [`DocumentInfo::stored_as`]); any other name as it is. Only a
    /// record's name makes the manifest be read, so searches over text
    /// files keep their start-up cost.
    pub fn shown_name<'a>(&'a self, stored: &'a str) -> Result<&'a str> {
        if !crate::corpus::is_record_name(stored) {
            return Ok(stored);
        }
        let shown = match self.shown.get() {
            Some(m) => m,
            None => {
                let m: HashMap<String, String> = match self.manifest.get() {
                    Some(manifest) => manifest
                        .documents
                        .iter()
                        .filter_map(|d| d.stored_as.clone().map(|s| (s, d.file.clone())))
                        .collect(),
                    // Only the names: half the time of reading it all.
                    None => self
                        .read_json::<Names>(&self.manifest_file)?
                        .documents
                        .into_iter()
                        .filter_map(|d| d.stored_as.map(|s| (s, d.file)))
                        .collect(),
                };
                self.shown.get_or_init(|| m)
            }
        };
        Ok(shown.get(stored).map_or(stored, String::as_str))
    }

    /// The speaker registry of the last commit, as searches use it: every
    /// speaker's names, aliases, roles, titles and counts, without the
    /// documents each speaks in ([`search_registry`]; the manifest's
    /// registry has them). Read on first use from the commit's registry
    /// file, so that resolving a `--speaker` does not decode the manifest;
    /// from the manifest in indexes written before that file was kept.
    pub fn registry(&self) -> Result<&Registry> {
        if let Some(r) = self.registry.get() {
            return Ok(r);
        }
        let r = match &self.registry_file {
            Some(f) => self.read_json(f)?,
            None => search_registry(&self.manifest()?.registry),
        };
        Ok(self.registry.get_or_init(|| r))
    }

    /// Whether the last commit keeps the search registry in its own file
    /// (indexes written before it was do not, and the next run writes it).
    pub fn has_registry_file(&self) -> bool {
        self.registry_file.is_some()
    }

    /// The indexer's state of the last commit; `None` for an index written
    /// before podium kept one (it can be searched, not updated).
    pub fn state(&self) -> Result<Option<State>> {
        match &self.state_file {
            Some(f) => self.read_json(f).map(Some),
            None => Ok(None),
        }
    }

    /// Passages in the last commit, as tantivy counts them.
    pub fn passage_count(&self) -> u64 {
        self.searcher().num_docs()
    }

    /// Reads a podium file: zstd-compressed JSON when its name ends in
    /// `.zst` (as the indexer writes them), plain JSON otherwise.
    fn read_json<T: serde::de::DeserializeOwned>(&self, file: &str) -> Result<T> {
        let path = self.dir.join(file);
        let mut bytes = fs::read(&path).map_err(|e| Error::BadIndex {
            path: self.dir.clone(),
            reason: format!("{file} cannot be read: {e}"),
        })?;
        if file.ends_with(".zst") {
            bytes = zstd::stream::decode_all(bytes.as_slice()).map_err(|e| Error::BadIndex {
                path: self.dir.clone(),
                reason: format!("{file} is damaged: {e}"),
            })?;
        }
        serde_json::from_slice(&bytes).map_err(|e| Error::BadIndex {
            path: self.dir.clone(),
            reason: format!("{file} is damaged: {e}"),
        })
    }
}

/// The registry as searches use it: `registry` without each speaker's
/// documents, which only the indexer reads (to build what one briefing
/// learns from the others) and which are most of its size. What the
/// registry file holds, and what [`PodiumIndex::registry`] returns
/// whichever file it was read from, so that a search answers the same.
pub fn search_registry(registry: &Registry) -> Registry {
    Registry {
        speakers: registry
            .speakers
            .iter()
            .map(|s| crate::registry::Speaker {
                documents: Default::default(),
                ..s.clone()
            })
            .collect(),
    }
}

type Parts = (Index, Fields, IndexReader, Payload);

fn open_parts(dir: &Path) -> Result<Parts> {
    let bad = |reason: String| Error::BadIndex {
        path: dir.to_path_buf(),
        reason,
    };
    let index = Index::open_in_dir(dir).map_err(|e| bad(one_line(&e.to_string())))?;
    analyzer::register(&index);
    // An index of another format is told as such (with the fix), before
    // its schema is looked into for fields it may not have.
    if let Ok(Committed::Podium(p)) = committed(&index) {
        if !schema::READS_SCHEMA_VERSIONS.contains(&p.schema_version) {
            return Err(other_format(dir, p.schema_version));
        }
    }
    let fields = Fields::from_schema(&index.schema()).map_err(|e| bad(e.to_string()))?;
    // The reader first: it loads the last commit under tantivy's meta lock.
    // The payload read after it belongs to the same commit or a newer one,
    // whose podium files exist (they are written before the commit).
    let reader: IndexReader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(|e: tantivy::TantivyError| bad(one_line(&e.to_string())))?;
    // Every segment's text postings and positions are opened here, once:
    // tantivy opens them lazily, so a damaged or missing positions file
    // would otherwise surface in the middle of a search as a bare tantivy
    // error. (Searches use the same handles, cached by tantivy.)
    for segment in reader.searcher().segment_readers() {
        segment
            .inverted_index(fields.text)
            .map_err(|e| bad(one_line(&e.to_string())))?;
    }
    let payload = match committed(&index).map_err(bad)? {
        Committed::Podium(p) => p,
        Committed::Nothing => {
            return Err(Error::NoIndex {
                path: dir.to_path_buf(),
            })
        }
    };
    if !schema::READS_SCHEMA_VERSIONS.contains(&payload.schema_version) {
        return Err(other_format(dir, payload.schema_version));
    }
    Ok((index, fields, reader, payload))
}

/// Builds an index of the seeds podium ships ([`crate::corpus::embedded_seeds`])
/// in `dir` and opens it: the one helper behind the benches and tests that
/// need a small real index, so that they build it the same way. Not part
/// of podium's interface (hidden from the docs).
#[doc(hidden)]
pub fn seeded(dir: &Path) -> Result<PodiumIndex> {
    writer::build(
        dir,
        &crate::corpus::embedded_seeds(),
        &writer::BuildOptions::default(),
    )?;
    PodiumIndex::open(dir)
}

/// The error for an index written in another format.
fn other_format(dir: &Path, version: u32) -> Error {
    Error::BadIndex {
        path: dir.to_path_buf(),
        reason: format!(
            "it was written with index format {version}, this podium reads format {}",
            schema::SCHEMA_VERSION
        ),
    }
}

/// Size of an index on disk: every file in its directory.
pub fn disk_usage(dir: &Path) -> (u64, u64) {
    let mut files = 0;
    let mut bytes = 0;
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            if let Ok(m) = e.metadata() {
                if m.is_file() {
                    files += 1;
                    bytes += m.len();
                }
            }
        }
    }
    (files, bytes)
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
