//! Building an index from transcripts, and keeping it up to date.
//!
//! # One run
//!
//! Indexing runs in two passes over the sources, both spread over the
//! machine's cores:
//!
//! 1. *Survey*: parse every new or changed transcript on its own, to learn
//!    who speaks where (the speaker registry: a page without a roster
//!    learns who chairs from the briefings that have one) and which
//!    passages are republished word for word in several files.
//! 2. *Index*: parse again with that knowledge and write the passages. A
//!    republished passage is written once, from the file that holds most of
//!    the briefing (ties: the file whose name sorts first), and lists the
//!    other files in `also_in`.
//!
//! Sources are read again in the second pass rather than kept in memory,
//! so memory stays bounded by the writer's budget whatever the corpus size.
//! Everything a run writes is one tantivy commit (see [`super`] for why a
//! killed run leaves the previous commit whole).
//!
//! # Incremental runs
//!
//! The index remembers, per document ([`DocState`]): its content hash, what
//! its survey found (passage keys, speakers), what it was written with, and
//! fingerprints of the decisions that depend on *other* files. A run:
//!
//! - reads and hashes the files it is given; a file whose hash is the one
//!   indexed is *unchanged* and is not parsed; a new or changed file is
//!   surveyed. Documents indexed earlier from other paths are checked by
//!   size and modification time, and re-hashed when those moved.
//! - rebuilds the corpus-wide views from the per-document parts: the survey
//!   registry (hence the parser's knowledge), the owners of republished
//!   passages, and the final speaker registry. Adding or removing a file
//!   therefore adds or takes away exactly its part; nothing is patched.
//! - writes new and changed documents (deleting their old passages in the
//!   same commit), and *refreshes* unchanged documents whose output depends
//!   on what changed elsewhere:
//!   - their republished passages changed hands or gained or lost a file
//!     (the ownership fingerprint differs): rewritten;
//!   - the knowledge about a person named in them changed (a new roster
//!     elsewhere makes a bare `Ms. Lindqvist:` resolvable): re-parsed, and
//!     rewritten only if the result differs. Knowledge about a person can
//!     only matter to a text that contains one of the person's name words,
//!     so only those documents are re-parsed (the check runs on the
//!     normalised, folded text with spaces removed, so it errs towards
//!     re-parsing).
//! - deletes the passages of pruned documents.
//!
//! The result is the index a `--rebuild` from the same files would give
//! (tests check this), except in one case a rebuild cannot have: a document
//! whose file is gone (kept because `--prune` was not given) or unreadable
//! is *frozen* as it was last indexed, and keeps the republished passages
//! it holds so that nothing is lost or doubled.
//!
//! A run that finds nothing to change writes nothing: no commit, no file
//! touched.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use jiff::civil::Date;
use regex::Regex;
use tantivy::{DateTime, Index, IndexWriter, TantivyDocument, Term};

use super::{
    analyzer, schema, DocState, DocumentInfo, Fields, Manifest, Payload, PodiumIndex, State,
    WriteLock,
};
use crate::corpus::{Loaded, Source, Stamp};
use crate::error::{Error, Result, Warning};
use crate::passage::{self, Passage};
use crate::registry::{Registry, RegistryBuilder};
use crate::transcript::{self, name, text, Knowledge, KnownPerson, Role, Transcript};

/// How to build an index.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Date for transcripts whose text gives none (`podium index --date`).
    /// It sticks to the documents it was given for until another `--date`
    /// replaces it (or `--rebuild`).
    pub fallback_date: Option<Date>,
    /// Worker threads for parsing and tantivy's indexing.
    pub threads: usize,
    /// tantivy's indexing memory budget in bytes, shared by its threads.
    pub memory_budget: usize,
    /// Remove documents whose files no longer exist (`--prune`).
    pub prune: bool,
    /// Start over: the index becomes exactly the sources given (`--rebuild`).
    /// It also replaces an index that is damaged or from another version.
    pub rebuild: bool,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            fallback_date: None,
            threads: std::thread::available_parallelism().map_or(2, |n| n.get().min(8)),
            memory_budget: 256 * 1024 * 1024,
            prune: false,
            rebuild: false,
        }
    }
}

/// What a run did, and what the index holds after it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct BuildSummary {
    /// Sources indexed for the first time.
    pub added: usize,
    /// Sources whose content changed, re-indexed.
    pub updated: usize,
    /// Sources given whose content is what the index holds.
    pub unchanged: usize,
    /// Documents removed because their files are gone (`--prune`).
    pub removed: usize,
    /// Sources that could not be read (each has a warning).
    pub skipped: usize,
    /// Unchanged documents re-written because something they depend on
    /// changed elsewhere (republished passages, speaker knowledge).
    pub refreshed: usize,
    /// Indexed documents whose files are gone, kept (no `--prune`).
    pub missing: usize,
    /// Whether a new commit was made; a run that changes nothing makes none.
    pub committed: bool,
    /// Documents in the index after the run.
    pub documents: usize,
    /// Passages in the index after the run.
    pub passages: usize,
    /// Passages not written again because another file has them.
    pub republished: usize,
    pub speakers: usize,
    /// Files that could not be indexed, and other problems, by file.
    pub warnings: Vec<Warning>,
}

/// Folded-text key of a passage, to find republished text across files.
fn text_key(p: &Passage) -> Option<u64> {
    p.dedup_key()
        .map(|_| passage::fnv1a(&[name::fold(&p.text).as_bytes()]))
}

/// Runs `work` on every index in `0..n` across `threads` threads,
/// collecting results in order.
fn parallel<T: Send>(n: usize, threads: usize, work: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<T>>> = Mutex::new((0..n).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..threads.max(1).min(n.max(1)) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    break;
                }
                let r = work(i);
                if let Ok(mut all) = results.lock() {
                    all[i] = Some(r);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect()
}

/// A 64-bit FNV-1a hasher for fingerprints that are stored.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.0 ^= u64::from(x);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        // A separator, so ("ab", "c") and ("a", "bc") differ.
        self.0 ^= 0xff;
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }

    fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    fn opt(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.bytes(&[0xfe]),
        }
    }

    fn num(&mut self, n: u64) {
        self.bytes(&n.to_le_bytes());
    }
}

/// What the survey found in one source.
#[derive(Debug, Clone)]
struct Survey {
    hash: u64,
    stamp: Stamp,
    undated: bool,
    size: u64,
    keys: Vec<u64>,
    registry: Registry,
}

fn survey(loaded: &Loaded, display: &str, stamp: Stamp) -> Survey {
    let t = transcript::parse(&loaded.text);
    let mut reg = RegistryBuilder::default();
    reg.add_transcript(&t, display);
    let ps = passage::passages(&t, display);
    let mut keys: Vec<u64> = ps.iter().filter_map(text_key).collect();
    keys.sort_unstable();
    keys.dedup();
    Survey {
        hash: loaded.hash,
        stamp,
        undated: t.date.is_none(),
        size: ps.len() as u64,
        keys,
        registry: reg.build(),
    }
}

/// Where a document stands at the start of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    /// Not in the index yet.
    New,
    /// In the index, content changed (or its `--date` did).
    Changed,
    /// In the index as it is on disk.
    Unchanged,
    /// In the index, its file cannot be read now: kept as it was.
    Frozen,
    /// In the index, its file is gone: removed with `--prune`, else kept
    /// as it was.
    Gone,
    /// Not in the index and cannot be read.
    Skipped,
}

/// One document of the run: a source given, or a document already indexed.
struct Entry {
    source: Source,
    key: String,
    display: String,
    /// Named (directly or in a folder) in this run.
    in_run: bool,
    prev: Option<DocState>,
    status: Status,
    fresh: Option<Survey>,
    /// The file was re-surveyed only because the index was written by
    /// another podium version.
    version_refresh: bool,
    warning: Option<Warning>,
}

impl Entry {
    fn keys(&self) -> &[u64] {
        match (&self.fresh, &self.prev) {
            (Some(s), _) => &s.keys,
            (None, Some(p)) => &p.keys,
            (None, None) => &[],
        }
    }

    fn size(&self) -> u64 {
        match (&self.fresh, &self.prev) {
            (Some(s), _) => s.size,
            (None, Some(p)) => p.size,
            (None, None) => 0,
        }
    }

    fn survey_registry(&self) -> Option<&Registry> {
        match (&self.fresh, &self.prev) {
            (Some(s), _) => Some(&s.registry),
            (None, Some(p)) => Some(&p.survey),
            (None, None) => None,
        }
    }

    /// Kept as last indexed whatever happens elsewhere.
    fn frozen(&self) -> bool {
        matches!(self.status, Status::Frozen | Status::Gone)
    }
}

/// Builds the index in `dir` from `sources`, or brings it up to date: see
/// the module docs. Files that cannot be read become warnings; the others
/// are indexed. It is an error when sources were given and none of them
/// could be read, when the index is held by another process, and when the
/// index is damaged or from another version (without `rebuild`).
pub fn build(dir: &Path, sources: &[Source], opts: &BuildOptions) -> Result<BuildSummary> {
    let _lock = WriteLock::acquire(dir)?;
    let threads = opts.threads.max(1);
    let Previous {
        index: existing,
        state,
        repair,
    } = open_previous(dir, opts.rebuild)?;
    let version = env!("CARGO_PKG_VERSION");
    let stale_version = !state.documents.is_empty() && state.podium_version != version;

    let mut entries = plan(sources, state.documents);
    let mut warnings = Vec::new();

    // Pass 1: classify, and survey what is new or changed.
    let classified = parallel(entries.len(), threads, |i| {
        classify(&entries[i], opts.fallback_date, stale_version)
    });
    for (e, (status, fresh, warning)) in entries.iter_mut().zip(classified) {
        e.status = status;
        e.version_refresh = stale_version && status == Status::Changed && e.prev.is_some();
        e.fresh = fresh;
        e.warning = warning;
    }
    // The knowledge the index was written with: every document it held,
    // those about to be removed included.
    let before = survey_knowledge(
        entries
            .iter()
            .filter_map(|e| e.prev.as_ref().map(|p| &p.survey)),
    );
    let mut removed: Vec<String> = Vec::new();
    let mut summary = BuildSummary::default();
    let mut kept = Vec::with_capacity(entries.len());
    for e in entries {
        if let Some(w) = e.warning.clone() {
            warnings.push(w);
        }
        match e.status {
            Status::Skipped => summary.skipped += 1,
            Status::Gone if opts.prune => {
                removed.push(e.display.clone());
                summary.removed += 1;
            }
            _ => kept.push(e),
        }
    }
    let entries = kept;
    let given = entries.iter().filter(|e| e.in_run).count() + summary.skipped;
    let usable = entries.iter().filter(|e| e.in_run && !e.frozen()).count();
    if (given > 0 && usable == 0) || (sources.is_empty() && existing.is_none()) {
        return Err(Error::NothingToIndex(if given == 0 {
            "no transcript files found".into()
        } else {
            format!("none of the {given} files could be read")
        }));
    }
    // Files given that are indexed but cannot be read now were skipped too
    // (their passages are kept).
    summary.skipped += entries
        .iter()
        .filter(|e| e.in_run && e.status == Status::Frozen)
        .count();

    // The corpus-wide views, from every document's parts.
    let people = survey_knowledge(entries.iter().filter_map(Entry::survey_registry));
    let relevance = knowledge_change(&before, &people);
    let owners = republished_owners(&entries);
    let ownership: Vec<u64> = (0..entries.len())
        .map(|i| ownership_fingerprint(i, &entries, &owners))
        .collect();

    // What to write.
    let work: Vec<Work> = entries
        .iter()
        .zip(&ownership)
        .map(|(e, sig)| match e.status {
            Status::New | Status::Changed => Work::Write,
            Status::Unchanged => {
                let prev_sig = e.prev.as_ref().map(|p| p.ownership);
                if prev_sig != Some(*sig) {
                    Work::Write
                } else if relevance.is_some() {
                    Work::IfRelevant
                } else {
                    Work::Keep
                }
            }
            _ => Work::Keep,
        })
        .collect();
    let any_work =
        opts.rebuild || repair || !removed.is_empty() || work.iter().any(|w| *w != Work::Keep);

    let mut results: Vec<Option<Written>> = vec![None; entries.len()];
    let mut writer: Option<IndexWriter> = None;
    let index_fields = if any_work {
        let (index, fields) = match existing {
            Some(found) => found,
            None => create(dir)?,
        };
        let w: IndexWriter = index
            .writer_with_num_threads(threads, opts.memory_budget)
            .map_err(|e| busy_or(dir, e))?;
        // A run killed before its commit leaves files the last commit does
        // not know. They are harmless to readers, but tantivy names delete
        // files by segment and operation number, which a run redoing the
        // same work reaches again: it would find the file already there and
        // fail. So they are removed first (tantivy only removes files no
        // commit refers to, and waits for readers that are opening).
        w.garbage_collect_files().wait()?;
        if opts.rebuild {
            w.delete_all_documents()?;
        }
        for file in &removed {
            w.delete_term(file_term(&fields, file));
        }
        writer = Some(w);
        Some(fields)
    } else {
        None
    };

    // Pass 2: parse with the corpus's knowledge and write.
    if let (Some(w), Some(fields)) = (&writer, &index_fields) {
        let mut knowledge: HashMap<Option<Date>, Knowledge> = HashMap::new();
        for (e, job) in entries.iter().zip(&work) {
            if *job != Work::Keep {
                let fallback = fallback_for(e, opts.fallback_date);
                knowledge.entry(fallback).or_insert_with(|| Knowledge {
                    fallback_date: fallback,
                    people: people.clone(),
                });
            }
        }
        let ctx = WriteContext {
            entries: &entries,
            owners: &owners,
            ownership: &ownership,
            knowledge: &knowledge,
            relevance: relevance.as_ref(),
            fields,
            writer: w,
            fallback_date: opts.fallback_date,
        };
        let out = parallel(entries.len(), threads, |i| match work[i] {
            Work::Keep => Ok(None),
            job => ctx.write(i, job),
        });
        for (i, r) in out.into_iter().enumerate() {
            match r {
                Ok(written) => results[i] = written,
                Err(w) => warnings.push(w),
            }
        }
    }

    // The new state: written documents, and the others as they were.
    let mut docs: Vec<DocState> = Vec::with_capacity(entries.len());
    let mut changed = opts.rebuild || repair || !removed.is_empty();
    for (i, e) in entries.iter().enumerate() {
        let written = results[i].take();
        let was_written = written.is_some();
        match (&written, e.status) {
            (Some(_), Status::New) => summary.added += 1,
            (Some(_), Status::Changed) if e.version_refresh => summary.refreshed += 1,
            (Some(_), Status::Changed) => summary.updated += 1,
            (Some(_), _) => summary.refreshed += 1,
            (None, _) => {}
        }
        if e.in_run && e.status == Status::Unchanged {
            summary.unchanged += 1;
        }
        if e.status == Status::Gone {
            summary.missing += 1;
        }
        // Warnings of the files named in this run, and of what was written.
        let doc = match written {
            Some(w) => {
                changed = true;
                w.state
            }
            None => match &e.prev {
                Some(p) => p.clone(),
                None => continue, // a new file that could not be written
            },
        };
        if e.in_run || was_written {
            warnings.extend(doc.info.warnings.iter().map(|m| Warning {
                file: doc.info.file.clone(),
                message: m.clone(),
            }));
        }
        docs.push(doc);
    }
    docs.sort_by(|a, b| a.info.file.cmp(&b.info.file));
    let mut final_registry = RegistryBuilder::default();
    for d in &docs {
        final_registry.merge(RegistryBuilder::from(d.written.clone()));
    }
    let registry = final_registry.build();
    summary.documents = docs.len();
    summary.passages = docs.iter().map(|d| d.info.passages as usize).sum();
    summary.republished = docs.iter().map(|d| d.info.republished as usize).sum();
    summary.speakers = speaker_count(&registry);
    summary.warnings = warnings;

    if let Some(w) = writer {
        if changed {
            let manifest = Manifest {
                podium_version: version.to_string(),
                schema_version: schema::SCHEMA_VERSION,
                committed_at: jiff::Timestamp::now().to_string(),
                documents: docs.iter().map(|d| d.info.clone()).collect(),
                registry,
            };
            let state = State {
                podium_version: version.to_string(),
                documents: docs,
            };
            commit(dir, w, &manifest, &state)?;
            summary.committed = true;
        }
        // Otherwise the writer is dropped: nothing was added, nothing
        // is committed, no file changes.
    }
    Ok(summary)
}

/// Speakers worth counting: those with passages, narration aside.
pub fn speaker_count(registry: &Registry) -> usize {
    registry
        .speakers
        .iter()
        .filter(|s| s.passages > 0 && s.role() != Role::Narration)
        .count()
}

/// The parser's knowledge from survey registries.
fn survey_knowledge<'a>(parts: impl Iterator<Item = &'a Registry>) -> Vec<KnownPerson> {
    let mut reg = RegistryBuilder::default();
    for p in parts {
        reg.merge(RegistryBuilder::from(p.clone()));
    }
    reg.build().knowledge()
}

/// A matcher for texts that name someone whose knowledge changed, or
/// `None` when the knowledge is the same.
fn knowledge_change(before: &[KnownPerson], after: &[KnownPerson]) -> Option<Relevance> {
    let as_set = |ps: &[KnownPerson]| -> BTreeSet<(String, Option<String>, bool)> {
        ps.iter()
            .map(|p| (p.name.clone(), p.title.clone(), p.chairs))
            .collect()
    };
    let (b, a) = (as_set(before), as_set(after));
    if b == a {
        return None;
    }
    let mut words: BTreeSet<String> = BTreeSet::new();
    for (name, _, _) in b.symmetric_difference(&a) {
        words.extend(
            name::name_keys(name)
                .into_iter()
                .map(|w| w.replace(' ', "")),
        );
    }
    words.retain(|w| !w.is_empty());
    let pattern = words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|");
    Some(match Regex::new(&pattern) {
        Ok(re) if !words.is_empty() => Relevance::Names(re),
        // A person without name words, or a pattern too big to compile:
        // every document is a candidate.
        _ => Relevance::All,
    })
}

/// Which unchanged documents the changed knowledge may matter to.
enum Relevance {
    Names(Regex),
    All,
}

impl Relevance {
    fn matches(&self, raw: &str) -> bool {
        match self {
            Relevance::All => true,
            Relevance::Names(re) => {
                let folded: String = name::fold(&text::normalize(raw))
                    .chars()
                    .filter(|c| *c != ' ')
                    .collect();
                re.is_match(&folded)
            }
        }
    }
}

/// Which decisions a document's passages depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Work {
    Keep,
    Write,
    /// Re-parse if the changed knowledge concerns the text; write if the
    /// result differs.
    IfRelevant,
}

/// The `--date` a document is parsed with: the one given in this run for
/// a file named in it, else the one it was indexed with.
fn fallback_for(e: &Entry, run: Option<Date>) -> Option<Date> {
    let prev = e.prev.as_ref().and_then(|p| p.fallback_date);
    if e.in_run {
        run.or(prev)
    } else {
        prev
    }
}

/// Every source of the run plus every document already indexed, with the
/// name each is shown by.
fn plan(sources: &[Source], previous: Vec<DocState>) -> Vec<Entry> {
    let mut by_key: HashMap<String, DocState> =
        previous.into_iter().map(|d| (d.key.clone(), d)).collect();
    let mut shown: HashSet<String> = by_key.values().map(|d| d.info.file.clone()).collect();
    let mut entries = Vec::new();
    let mut seen = HashSet::new();
    for src in sources {
        let key = src.key();
        if !seen.insert(key.clone()) {
            continue;
        }
        let prev = by_key.remove(&key);
        let display = match &prev {
            Some(p) => p.info.file.clone(),
            None => {
                let mut d = src.display().to_string();
                // Two files shown by one name (the same relative path from
                // two working directories) would share their passages' file
                // field: the newcomer is shown by its full path.
                if !shown.insert(d.clone()) {
                    d = key
                        .split_once(':')
                        .map_or(key.as_str(), |k| k.1)
                        .to_string();
                    shown.insert(d.clone());
                }
                d
            }
        };
        entries.push(Entry {
            source: src.clone(),
            key,
            display,
            in_run: true,
            prev,
            status: Status::New,
            fresh: None,
            version_refresh: false,
            warning: None,
        });
    }
    let mut rest: Vec<DocState> = by_key.into_values().collect();
    rest.sort_by(|a, b| a.info.file.cmp(&b.info.file));
    for prev in rest {
        let display = prev.info.file.clone();
        let source = Source::from_key(&prev.key, &display).unwrap_or(Source::File {
            path: std::path::PathBuf::from(&display),
            display: display.clone(),
        });
        entries.push(Entry {
            source,
            key: prev.key.clone(),
            display,
            in_run: false,
            prev: Some(prev),
            status: Status::Unchanged,
            fresh: None,
            version_refresh: false,
            warning: None,
        });
    }
    entries
}

/// Decides where one entry stands, reading (and surveying) it when needed.
fn classify(
    e: &Entry,
    run_date: Option<Date>,
    stale_version: bool,
) -> (Status, Option<Survey>, Option<Warning>) {
    let named = |w: Warning| Warning {
        file: e.display.clone(),
        message: w.message,
    };
    let Some(prev) = &e.prev else {
        return match e.source.load() {
            Ok(l) => {
                let stamp = e.source.stamp().unwrap_or_default();
                (Status::New, Some(survey(&l, &e.display, stamp)), None)
            }
            Err(w) => (Status::Skipped, None, Some(named(w))),
        };
    };
    if !e.in_run && e.source.is_gone() {
        return (Status::Gone, None, None);
    }
    let stamp = e.source.stamp();
    if !e.in_run && !stale_version && stamp.is_some() && stamp == Some(prev.stamp) {
        return (Status::Unchanged, None, None);
    }
    match e.source.load() {
        Ok(l) => {
            let date_changed =
                e.in_run && run_date.is_some() && prev.undated && prev.fallback_date != run_date;
            if l.hash == prev.hash && !stale_version {
                let status = if date_changed {
                    Status::Changed
                } else {
                    Status::Unchanged
                };
                (status, None, None)
            } else {
                let s = survey(&l, &e.display, stamp.unwrap_or_default());
                (Status::Changed, Some(s), None)
            }
        }
        Err(w) if e.source.is_gone() => (Status::Gone, None, Some(named(w))),
        Err(w) => {
            let mut w = named(w);
            w.message
                .push_str("; the passages indexed from it before are kept");
            (Status::Frozen, None, Some(w))
        }
    }
}

/// For every passage text found in more than one document: the document
/// that holds it, and all the documents it is in.
///
/// The holder is the document with most passages, so a briefing's full
/// transcript wins over a page that repeats part of it; ties go to the
/// name that sorts first. A frozen document keeps the passages it holds
/// and cannot take new ones (it cannot be rewritten). `u32::MAX` as the
/// holder means no document can hold it.
fn republished_owners(entries: &[Entry]) -> HashMap<u64, (u32, Vec<u32>)> {
    let mut keyed: Vec<(u64, u32)> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let doc = u32::try_from(i).unwrap_or(u32::MAX);
        keyed.extend(e.keys().iter().map(|&k| (k, doc)));
    }
    keyed.sort_unstable();
    keyed.dedup();
    let holds = |d: u32, k: u64| {
        entries[d as usize]
            .prev
            .as_ref()
            .is_some_and(|p| p.owned.binary_search(&k).is_ok())
    };
    let mut out = HashMap::new();
    for run in keyed.chunk_by(|a, b| a.0 == b.0) {
        let key = run[0].0;
        let docs: Vec<u32> = run.iter().map(|(_, d)| *d).collect();
        let frozen_holder = docs
            .iter()
            .copied()
            .find(|&d| entries[d as usize].frozen() && holds(d, key));
        if run.len() < 2 && frozen_holder.is_none() {
            continue;
        }
        let owner = frozen_holder.unwrap_or_else(|| {
            docs.iter()
                .copied()
                .filter(|&d| !entries[d as usize].frozen())
                .min_by(|&a, &b| {
                    let (ea, eb) = (&entries[a as usize], &entries[b as usize]);
                    eb.size()
                        .cmp(&ea.size())
                        .then_with(|| ea.display.cmp(&eb.display))
                })
                .unwrap_or(u32::MAX)
        });
        out.insert(key, (owner, docs));
    }
    out
}

/// Fingerprint of the shared-passage decisions a document is written with:
/// which of its passages it holds, and the other files of those.
fn ownership_fingerprint(
    i: usize,
    entries: &[Entry],
    owners: &HashMap<u64, (u32, Vec<u32>)>,
) -> u64 {
    let mut h = Fnv::new();
    for k in entries[i].keys() {
        let Some((owner, docs)) = owners.get(k) else {
            continue;
        };
        h.num(*k);
        if *owner as usize == i {
            h.str("holds");
            for other in also_in(i, docs, entries) {
                h.str(&other);
            }
        } else {
            h.str("elsewhere");
        }
    }
    h.0
}

/// The other files of a shared passage, sorted.
fn also_in(i: usize, docs: &[u32], entries: &[Entry]) -> Vec<String> {
    let mut v: Vec<String> = docs
        .iter()
        .filter(|&&d| d as usize != i)
        .map(|&d| entries[d as usize].display.clone())
        .collect();
    v.sort();
    v
}

/// What pass 2 wrote for one document.
#[derive(Clone)]
struct Written {
    state: DocState,
}

/// Everything pass 2's workers share.
struct WriteContext<'a> {
    entries: &'a [Entry],
    owners: &'a HashMap<u64, (u32, Vec<u32>)>,
    ownership: &'a [u64],
    knowledge: &'a HashMap<Option<Date>, Knowledge>,
    relevance: Option<&'a Relevance>,
    fields: &'a Fields,
    writer: &'a IndexWriter,
    fallback_date: Option<Date>,
}

impl WriteContext<'_> {
    /// Parses entry `i` with the corpus's knowledge and writes its passages
    /// (replacing the ones it had); `None` when it turned out the same.
    fn write(&self, i: usize, job: Work) -> Result<Option<Written>, Warning> {
        let e = &self.entries[i];
        let loaded = e.source.load().map_err(|w| Warning {
            file: e.display.clone(),
            message: format!("{}; it was left as it was", w.message),
        })?;
        if job == Work::IfRelevant && !self.relevance.is_some_and(|r| r.matches(&loaded.text)) {
            return Ok(None);
        }
        let fallback = fallback_for(e, self.fallback_date);
        let knowledge = self.knowledge.get(&fallback).ok_or_else(|| Warning {
            file: e.display.clone(),
            message: "internal error: no knowledge for its date".into(),
        })?;
        let t = transcript::parse_with(&loaded.text, knowledge);
        let (state, docs) = self.passages(i, &t, loaded.notes.clone(), fallback);
        if job == Work::IfRelevant && e.prev.as_ref().is_some_and(|p| p.output == state.output) {
            return Ok(None);
        }
        if let Some(prev) = &e.prev {
            self.writer
                .delete_term(file_term(self.fields, &prev.info.file));
        }
        for d in docs {
            self.writer.add_document(d).map_err(|err| Warning {
                file: e.display.clone(),
                message: format!("could not be indexed: {err}"),
            })?;
        }
        Ok(Some(Written { state }))
    }

    /// The passages of entry `i` as they are to be written, and its new
    /// state.
    fn passages(
        &self,
        i: usize,
        t: &Transcript,
        notes: Vec<String>,
        fallback: Option<Date>,
    ) -> (DocState, Vec<TantivyDocument>) {
        let e = &self.entries[i];
        let display = e.display.as_str();
        let mut reg = RegistryBuilder::default();
        reg.add_transcript(t, display);
        let mut warnings = notes;
        warnings.extend(t.warnings.iter().cloned());
        let mut info = DocumentInfo {
            file: display.to_string(),
            title: t.title.clone(),
            date: t.date,
            passages: 0,
            republished: 0,
            speakers: Vec::new(),
            warnings: Vec::new(),
        };
        let mut seen = HashSet::new();
        let mut owned = Vec::new();
        let mut out = Vec::new();
        let mut h = Fnv::new();
        let mut spoken = false;
        let all = passage::passages(t, display);
        let total = all.len();
        for mut p in all {
            if let Some(key) = text_key(&p) {
                if let Some((owner, docs)) = self.owners.get(&key) {
                    if *owner as usize != i {
                        info.republished += 1;
                        continue;
                    }
                    p.also_in = also_in(i, docs, self.entries);
                    owned.push(key);
                }
                if !seen.insert(key) {
                    continue; // the same paragraph twice in one file
                }
            }
            spoken |= p.role != Role::Narration;
            if !info.speakers.contains(&p.speaker) {
                info.speakers.push(p.speaker.clone());
            }
            reg.add_passage(&p);
            fingerprint(&mut h, &p);
            out.push(document(self.fields, &p));
            info.passages += 1;
        }
        // (A text with no passages at all has the parser's own warning.)
        if total > 0 && !spoken && info.republished == 0 {
            warnings.push(
                "no speaker found (no labels, no quotes): every passage is indexed as narration"
                    .into(),
            );
        }
        info.warnings = warnings;
        owned.sort_unstable();
        owned.dedup();
        let written = reg.build();
        h.str(&format!("{:?}", info));
        h.bytes(&serde_json::to_vec(&written).unwrap_or_default());
        let (hash, stamp, undated, size, keys, survey) = match (&e.fresh, &e.prev) {
            (Some(s), _) => (
                s.hash,
                s.stamp,
                s.undated,
                s.size,
                s.keys.clone(),
                s.registry.clone(),
            ),
            (None, Some(p)) => (
                p.hash,
                e.source.stamp().unwrap_or(p.stamp),
                p.undated,
                p.size,
                p.keys.clone(),
                p.survey.clone(),
            ),
            (None, None) => Default::default(),
        };
        let state = DocState {
            key: e.key.clone(),
            info,
            hash,
            stamp,
            undated,
            fallback_date: fallback.filter(|_| undated),
            size,
            keys,
            owned,
            survey,
            written,
            ownership: self.ownership[i],
            output: h.0,
        };
        (state, out)
    }
}

/// Adds everything stored for a passage to a fingerprint.
fn fingerprint(h: &mut Fnv, p: &Passage) {
    h.str(&p.id);
    h.str(&p.file);
    h.num(p.also_in.len() as u64);
    for f in &p.also_in {
        h.str(f);
    }
    h.opt(p.title.as_deref());
    h.opt(p.date.map(|d| d.to_string()).as_deref());
    h.str(&p.speaker);
    h.opt(p.label.as_deref());
    h.opt(p.speaker_title.as_deref());
    h.str(p.role.as_str());
    h.num(u64::from(p.turn));
    h.num(u64::from(p.position));
    h.num(u64::from(p.line));
    h.str(&p.text);
}

/// The term that finds every passage held by a document.
fn file_term(f: &Fields, file: &str) -> Term {
    Term::from_field_text(f.file, file)
}

/// A tantivy error as podium reports it: another writer's lock is
/// [`Error::Busy`].
fn busy_or(dir: &Path, e: tantivy::TantivyError) -> Error {
    match e {
        tantivy::TantivyError::LockFailure(..) => Error::Busy {
            path: dir.to_path_buf(),
        },
        e => Error::Tantivy(e),
    }
}

/// What a run starts from.
struct Previous {
    index: Option<(Index, Fields)>,
    state: State,
    /// The manifest is missing or damaged and must be written again.
    repair: bool,
}

/// The index already in `dir` (if any), its state, and whether its
/// manifest must be written again. With `rebuild`, an index that cannot be
/// opened is cleared away; without, it is an error that says to rebuild.
///
/// A missing or damaged manifest is repaired rather than refused: it is
/// derived from the state (the documents and their registry parts), so the
/// run commits a new one even if nothing else changed. A missing state
/// cannot be derived and needs `--rebuild`.
fn open_previous(dir: &Path, rebuild: bool) -> Result<Previous> {
    let fresh = Previous {
        index: None,
        state: State::default(),
        repair: false,
    };
    if !super::exists(dir) {
        return Ok(fresh);
    }
    match PodiumIndex::open(dir) {
        Ok(idx) => {
            let state = if rebuild {
                State::default()
            } else {
                match idx.state()? {
                    Some(s) => s,
                    None => {
                        return Err(Error::BadIndex {
                            path: dir.to_path_buf(),
                            reason: "it was written by an earlier podium that cannot update it"
                                .into(),
                        })
                    }
                }
            };
            Ok(Previous {
                repair: !rebuild && idx.manifest().is_err(),
                index: Some((idx.index.clone(), idx.fields)),
                state,
            })
        }
        // Created, but nothing was ever committed: nothing to lose.
        Err(Error::NoIndex { .. }) => {
            remove_index_files(dir)?;
            Ok(fresh)
        }
        Err(_) if rebuild => {
            remove_index_files(dir)?;
            Ok(fresh)
        }
        Err(e) => Err(e),
    }
}

/// Creates a new, empty index in `dir`.
fn create(dir: &Path) -> Result<(Index, Fields)> {
    fs::create_dir_all(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let index = Index::create_in_dir(dir, schema::build())?;
    analyzer::register(&index);
    let fields = Fields::from_schema(&index.schema())?;
    Ok((index, fields))
}

/// Deletes the files of an index (tantivy's and podium's), leaving anything
/// else in the folder alone. `meta.json` goes first, so a run killed in the
/// middle leaves no index rather than half of one.
fn remove_index_files(dir: &Path) -> Result<()> {
    let io = |source| Error::Io {
        path: dir.to_path_buf(),
        source,
    };
    let meta = dir.join("meta.json");
    if meta.exists() {
        fs::remove_file(&meta).map_err(io)?;
    }
    for entry in fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = name == ".managed.json"
            || name.starts_with("podium-manifest-")
            || name.starts_with("podium-state-")
            || [
                ".idx",
                ".pos",
                ".term",
                ".store",
                ".fast",
                ".fieldnorm",
                ".del",
            ]
            .iter()
            .any(|ext| name.ends_with(ext));
        if ours {
            fs::remove_file(entry.path()).map_err(io)?;
        }
    }
    Ok(())
}

/// Writes `value` as JSON to a new file in `dir`, synced, under its final
/// name only once complete.
fn write_json(dir: &Path, file: &str, value: &impl serde::Serialize) -> Result<()> {
    use std::io::Write;
    let io = |source| Error::Io {
        path: dir.join(file),
        source,
    };
    let tmp = dir.join(format!("{file}.tmp"));
    let bytes = serde_json::to_vec(value)?;
    let mut f = fs::File::create(&tmp).map_err(io)?;
    f.write_all(&bytes).map_err(io)?;
    f.sync_all().map_err(io)?;
    fs::rename(&tmp, dir.join(file)).map_err(io)
}

/// Writes the manifest and state, then commits with a payload naming them,
/// then removes podium files that belong to neither this commit nor the
/// one before (orphans of killed runs included).
fn commit(dir: &Path, mut writer: IndexWriter, manifest: &Manifest, state: &State) -> Result<()> {
    let previous: Vec<String> = PodiumIndex::open(dir)
        .ok()
        .map(|idx| {
            let mut keep = vec![idx.manifest_file.clone()];
            keep.extend(idx.state_file.clone());
            keep
        })
        .unwrap_or_default();
    let stamp = jiff::Timestamp::now().as_nanosecond();
    let tag = format!("{stamp}-{}", std::process::id());
    let manifest_file = format!("podium-manifest-{tag}.json");
    let state_file = format!("podium-state-{tag}.json");
    write_json(dir, &manifest_file, manifest)?;
    write_json(dir, &state_file, state)?;
    let payload = serde_json::to_string(&Payload {
        manifest: manifest_file.clone(),
        state: Some(state_file.clone()),
        schema_version: schema::SCHEMA_VERSION,
    })?;
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&payload);
    prepared.commit()?;
    writer.wait_merging_threads()?;
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            let podium = n.starts_with("podium-manifest-") || n.starts_with("podium-state-");
            if podium && n != manifest_file && n != state_file && !previous.contains(&n) {
                let _ = fs::remove_file(e.path());
            }
        }
    }
    Ok(())
}

/// Seconds since the epoch at midnight UTC of `d`: how dates are stored.
pub fn date_to_index(d: Date) -> DateTime {
    let days = i64::from(
        d.since(Date::constant(1970, 1, 1))
            .map_or(0, |span| span.get_days()),
    );
    DateTime::from_timestamp_secs(days * 86_400)
}

/// The calendar date of a stored date.
pub fn date_from_index(dt: DateTime) -> Option<Date> {
    let secs = dt.into_timestamp_secs();
    Date::constant(1970, 1, 1)
        .checked_add(jiff::Span::new().days(secs.div_euclid(86_400)))
        .ok()
}

/// The tantivy document for a passage.
fn document(f: &Fields, p: &Passage) -> TantivyDocument {
    let mut d = TantivyDocument::new();
    d.add_text(f.id, &p.id);
    d.add_text(f.file, &p.file);
    d.add_text(f.files, &p.file);
    for other in &p.also_in {
        d.add_text(f.files, other);
        d.add_text(f.also_in, other);
    }
    if let Some(t) = &p.title {
        d.add_text(f.title, t);
    }
    if let Some(date) = p.date {
        d.add_date(f.date, date_to_index(date));
    }
    d.add_text(f.speaker, &p.speaker);
    d.add_text(f.speaker_words, &p.speaker);
    if let Some(l) = &p.label {
        d.add_text(f.label, l);
        d.add_text(f.speaker_words, l);
    }
    if let Some(t) = &p.speaker_title {
        d.add_text(f.speaker_title, t);
    }
    d.add_text(f.role, p.role.as_str());
    d.add_u64(f.turn, u64::from(p.turn));
    d.add_u64(f.position, u64::from(p.position));
    d.add_u64(f.line, u64::from(p.line));
    d.add_text(f.text, &p.text);
    d
}

/// The term that identifies a passage, for deleting or replacing it.
pub fn id_term(f: &Fields, id: &str) -> Term {
    Term::from_field_text(f.id, id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        for d in [
            Date::constant(2024, 3, 28),
            Date::constant(1969, 12, 31),
            Date::constant(2000, 2, 29),
        ] {
            assert_eq!(date_from_index(date_to_index(d)), Some(d));
        }
    }

    fn entry(display: &str, size: u64, keys: &[u64], frozen_owned: Option<&[u64]>) -> Entry {
        let prev = frozen_owned.map(|owned| DocState {
            owned: owned.to_vec(),
            ..DocState::default()
        });
        Entry {
            source: Source::File {
                path: display.into(),
                display: display.into(),
            },
            key: display.into(),
            display: display.into(),
            in_run: true,
            status: if prev.is_some() {
                Status::Frozen
            } else {
                Status::New
            },
            prev,
            fresh: Some(Survey {
                hash: 0,
                stamp: Stamp::default(),
                undated: false,
                size,
                keys: keys.to_vec(),
                registry: Registry::default(),
            }),
            version_refresh: false,
            warning: None,
        }
    }

    #[test]
    fn republished_text_goes_to_the_biggest_file_then_the_first_name() {
        let entries = vec![
            entry("b.txt", 3, &[7, 8], None),
            entry("c.txt", 10, &[9], None),
            entry("a.txt", 40, &[7], None),
            entry("d.txt", 3, &[8], None),
        ];
        let owners = republished_owners(&entries);
        assert_eq!(owners.get(&7), Some(&(2, vec![0, 2])));
        assert_eq!(owners.get(&8), Some(&(0, vec![0, 3])), "tie: b before d");
        assert!(!owners.contains_key(&9));
    }

    #[test]
    fn a_frozen_file_keeps_what_it_holds_and_takes_nothing_new() {
        let entries = vec![
            entry("small.txt", 2, &[7, 8], Some(&[7])),
            entry("big.txt", 50, &[7, 8], None),
        ];
        let owners = republished_owners(&entries);
        assert_eq!(owners.get(&7).map(|o| o.0), Some(0));
        assert_eq!(owners.get(&8).map(|o| o.0), Some(1));
        let alone = vec![entry("gone.txt", 2, &[5], Some(&[]))];
        assert!(republished_owners(&alone).is_empty());
    }

    #[test]
    fn knowledge_changes_name_the_words_to_look_for() {
        let p = |n: &str| KnownPerson {
            name: n.into(),
            title: None,
            chairs: false,
        };
        assert!(knowledge_change(&[p("Ana Duarte")], &[p("Ana Duarte")]).is_none());
        let r = knowledge_change(&[p("Ana Duarte")], &[p("Ana Duarte"), p("Piet Ruis")])
            .expect("changed");
        assert!(r.matches("MR. RUIS: thank you"));
        assert!(r.matches("Pi\u{200b}et spoke"));
        assert!(!r.matches("Ana Duarte: good morning"));
    }
}
