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
//!    Between the passes, a document the knowledge can change (its survey
//!    asked the corpus a question the corpus answers) is parsed with it,
//!    and republished passages are matched on *that* parse's text
//!    ([`settle`]): a label only the corpus resolves changes a passage's
//!    text, and matched on the survey's text the passage was stored twice.
//! 2. *Index*: parse again with that knowledge and write the passages. A
//!    republished passage is written once, from the file that holds most of
//!    the briefing (ties: the file whose name sorts first), and lists the
//!    other files in `also_in`.
//!
//! The first pass parses without corpus knowledge and notes every question
//! the parser asked the corpus ([`crate::transcript::Probe`]). A document
//! whose questions the whole corpus answers as an empty one does ("nobody")
//! would parse the same in the second pass, so its first parse is used
//! again instead ([`plan::Reuse`]): a third to half of the documents
//! (those that name nobody known only from elsewhere). The other documents
//! are parsed with the knowledge between the passes ([`settle`]), and that
//! parse is the one the second pass writes. Parses are kept up to a fixed
//! memory bound ([`plan::REUSE_BYTES`]); beyond it, sources are read and
//! parsed again in the second pass, so memory stays bounded whatever the
//! corpus size.
//! Everything a run writes is one tantivy commit (see [`super`] for why a
//! killed run leaves the previous commit whole), except in a first build,
//! which commits [`checkpoint`]s as it goes so that a killed build resumes.
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
//! An index written by another podium version, or by other reading rules
//! ([`crate::transcript::READING_RULES`], kept in the state), has every
//! document re-read: the same bytes may now parse differently.
//!
//! A JSON lines file is many documents, one per record (shown as
//! `FILE#LINE`). Its records are hashed one by one and matched with those
//! indexed before by content, so adding or deleting a record leaves the
//! others unchanged, and editing one updates one document; a record its
//! file no longer has is removed at once, since the file was read (see
//! [`plan`]). A record's passages are stored under a name made of its file
//! and content, not its line, and everything that names another document
//! (`also_in`, the speaker registry, who holds a republished passage on a
//! tie) uses that name: a record whose line changed (*moved*) costs an
//! update of the manifest and state, the commit that carries it, and
//! nothing else. A record stored under another name from now on (edited)
//! is deleted under its old name
//! before pass 2 writes anything: in one commit another record may take
//! that name.
//!
//! The result is the index a `--rebuild` from the same files would give
//! (tests check this), except in one case a rebuild cannot have: a document
//! whose file is gone (kept because `--prune` was not given) or unreadable
//! is *frozen* as it was last indexed, and keeps the republished passages
//! it holds so that nothing is lost or doubled.
//!
//! A run that finds nothing to change writes nothing: no commit, no file
//! touched.
//!
//! The steps live in submodules: [`plan`] (what each document is this run),
//! [`settle`] (keys as the knowledge parses each document),
//! [`shared`] (the corpus-wide views: knowledge, republished passages),
//! [`pass2`] (parsing with knowledge and writing), [`store`] (opening,
//! committing, clearing), [`checkpoint`] (a first build's checkpoints),
//! [`fingerprint`] (the stored hashes).

mod added;
#[doc(hidden)] // for the scale bench: tantivy's share of indexing alone
pub mod ceiling;
mod checkpoint;
mod fingerprint;
mod pass2;
mod plan;
mod settle;
mod shared;
mod store;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use jiff::civil::Date;
use tantivy::merge_policy::{DefaultMergePolicy, NoMergePolicy};
use tantivy::IndexWriter;

use super::codec::{file_term, storable};
use super::journal;
use super::progress::{Pass, ProgressHook};
use super::{schema, Checkpoint, DocState, Manifest, State, WriteLock};
use crate::corpus::Source;
use crate::error::{Error, Result, Warning};
use crate::registry::{Registry, RegistryBuilder};
use crate::transcript::{Knowledge, Role};
use checkpoint::{kept_state, Checkpoints};
use pass2::{Work, WriteContext, Written};
use plan::{classify, fallback_for, plan, Entry, ReuseBudget, Status, REUSE_BYTES};
use settle::{settle, Settled};
use shared::{
    knowledge_change, knowledge_fingerprint, ownership_fingerprint, republished_owners,
    survey_knowledge,
};
use store::{busy_or, commit, create, open_previous, Previous};

/// How to build an index.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Date for transcripts whose text gives none (`podium index --date`).
    /// It sticks to the documents it was given for until another `--date`
    /// replaces it (or `--rebuild`).
    pub fallback_date: Option<Date>,
    /// Worker threads for parsing (tantivy indexes with half as many).
    pub threads: usize,
    /// tantivy's indexing memory budget in bytes, shared by its threads.
    pub memory_budget: usize,
    /// Remove documents whose files no longer exist (`--prune`).
    pub prune: bool,
    /// Start over: the index becomes exactly the sources given (`--rebuild`).
    /// It also replaces an index that is damaged or from another version.
    pub rebuild: bool,
    /// Told as each file is done (a progress bar); nobody by default.
    pub progress: ProgressHook,
    /// Who reads what each commit adds (saved searches); nobody by
    /// default, and then nothing is recorded.
    pub readers: journal::Readers,
    /// A first build commits a checkpoint after every so many documents
    /// written, so that a killed build resumes from there
    /// ([`checkpoint`]); `Some(0)` for none, `None` for every sixth of the
    /// build (at least a thousand documents apart).
    pub checkpoint_every: Option<usize>,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            fallback_date: None,
            threads: std::thread::available_parallelism().map_or(2, |n| n.get().min(8)),
            memory_budget: 256 * 1024 * 1024,
            prune: false,
            rebuild: false,
            progress: ProgressHook::default(),
            readers: journal::Readers::default(),
            checkpoint_every: None,
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
    /// Documents removed because their files are gone (`--prune`), or
    /// because they are records their JSON lines file, read in this run,
    /// no longer holds.
    pub removed: usize,
    /// Sources that could not be read (each has a warning).
    pub skipped: usize,
    /// Unchanged documents re-written because something they depend on
    /// changed elsewhere (republished passages, speaker knowledge).
    pub refreshed: usize,
    /// JSON lines records whose line changed (a record above them was
    /// added or removed), same content: cited by their new `FILE#LINE`
    /// from now on, their passages left as they are.
    pub moved: usize,
    /// Indexed documents whose files are gone, kept (no `--prune`).
    pub missing: usize,
    /// Whether a new commit was made; a run that changes nothing makes none.
    pub committed: bool,
    /// The run finished a first build that an earlier run left at a
    /// checkpoint (its documents count as unchanged).
    pub resumed: bool,
    /// Checkpoints committed before the last commit (a first build's).
    pub checkpoints: usize,
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

/// Runs `work` on every index in `0..n` across `threads` threads,
/// collecting results in order.
pub(crate) fn parallel<T: Send>(
    n: usize,
    threads: usize,
    work: impl Fn(usize) -> T + Sync,
) -> Vec<T> {
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

/// tantivy's indexing threads for `threads` in all: half of them (at least
/// one), because podium's own parsing keeps the others busy while tantivy
/// indexes. Each tantivy thread writes its own segments, so fewer threads
/// also mean fewer, larger segments: one term dictionary instead of one
/// per thread (on two cores, a 100k-passage corpus is one segment and 3%
/// smaller than two), and less to merge.
fn tantivy_threads(threads: usize) -> usize {
    threads.div_ceil(2).max(1)
}

/// Builds the index in `dir` from `sources`, or brings it up to date: see
/// the module docs. Files that cannot be read become warnings; the others
/// are indexed. It is an error when sources were given and none of them
/// could be read (the error carries the warnings that say why), when the
/// index is held by another process, when the index is damaged or from
/// another version (without `rebuild`), and when `opts.fallback_date` is a
/// day no index can store.
pub fn build(dir: &Path, sources: &[Source], opts: &BuildOptions) -> Result<BuildSummary> {
    if let Some(d) = opts.fallback_date {
        storable(d)?;
    }
    let _lock = WriteLock::acquire(dir)?;
    let threads = opts.threads.max(1);
    let Previous {
        index: existing,
        state,
        repair,
    } = open_previous(dir, opts.rebuild)?;
    let version = env!("CARGO_PKG_VERSION");
    // Written by another podium, or parsed by other reading rules: every
    // document is re-read (and counts as refreshed when only that changed).
    let rules = crate::transcript::READING_RULES;
    let stale_version = !state.documents.is_empty()
        && (state.podium_version != version || state.rules_version != rules);
    // An earlier first build stopped at a checkpoint: this run finishes it
    // (and commits even when nothing is left to write, to say it is whole).
    let resumed = state.checkpoint;
    let first_build = existing.is_none() || resumed.is_some();

    let mut entries = plan(sources, state.documents, threads, stale_version);
    let mut warnings = Vec::new();
    // What the progress bar counts: every document of the run (a JSON
    // lines file's records one by one).
    let all: Vec<Source> = entries.iter().map(|e| e.source.clone()).collect();

    // Pass 1: classify, and survey what is new or changed.
    opts.progress.begin(Pass::Survey, &all);
    let budget = ReuseBudget::new(REUSE_BYTES);
    let classified = parallel(entries.len(), threads, |i| {
        let c = classify(&entries[i], opts.fallback_date, stale_version, &budget);
        opts.progress.file(Pass::Survey, &entries[i].source, 0);
        c
    });
    opts.progress.finish();
    for (e, (status, fresh, warning)) in entries.iter_mut().zip(classified) {
        e.status = status;
        // Re-written for what this podium stores, not for what changed: the
        // index was written by another version or other reading rules.
        e.version_refresh = status == Status::Changed && e.prev.is_some() && stale_version;
        e.moved = status == Status::Unchanged && e.relined();
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
    // The files named in the run (a JSON lines file once, however many
    // records it has), to tell whether any of them could be used.
    let given: HashSet<String> = entries
        .iter()
        .filter(|e| e.in_run)
        .map(|e| e.file_key().to_string())
        .collect();
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
                removed.push(e.name.clone());
                summary.removed += 1;
            }
            Status::Dropped => {
                if let Some(p) = &e.prev {
                    removed.push(p.info.stored_name().to_string());
                    summary.removed += 1;
                }
            }
            _ => kept.push(e),
        }
    }
    let mut entries = kept;
    // Records stored under another name from now on: their old passages
    // go before anything is written (another record may now be stored
    // under that name).
    let renamed: Vec<String> = entries
        .iter()
        .filter(|e| e.renamed())
        .filter_map(|e| e.prev.as_ref().map(|p| p.info.stored_name().to_string()))
        .collect();
    // Records that only moved: nothing to write, but the manifest and
    // state must say where they are now.
    let moved = entries.iter().any(|e| e.moved);
    let usable = entries.iter().any(|e| e.in_run && !e.frozen());
    if (!given.is_empty() && !usable) || (sources.is_empty() && existing.is_none()) {
        let reason = match given.len() {
            0 => "no transcript files found".to_string(),
            1 => "the file given could not be read".to_string(),
            n => format!("none of the {n} files given could be read"),
        };
        // The reasons go with the error: without them a user with one
        // bad file would not learn what is wrong with it.
        return Err(Error::NothingToIndex { reason, warnings });
    }
    // Files given that are indexed but cannot be read now were skipped too
    // (their passages are kept): one per file, a JSON lines file's records
    // together, as each has one warning.
    let frozen: HashSet<&str> = entries
        .iter()
        .filter(|e| e.in_run && e.status == Status::Frozen)
        .map(Entry::file_key)
        .collect();
    summary.skipped += frozen.len();

    // The corpus-wide views, from every document's parts.
    let people = survey_knowledge(entries.iter().filter_map(Entry::survey_registry));
    let written_with = knowledge_fingerprint(&people);
    // A checkpoint's documents were written with the knowledge of the
    // whole build; when this run's is the same, they are as it would write
    // them.
    let relevance = match resumed {
        Some(c) if c.knowledge == written_with => None,
        _ => knowledge_change(&before, &people),
    };
    // What documents are parsed with, by the `--date` each is parsed with.
    let mut knowledge: HashMap<Option<Date>, Knowledge> = HashMap::new();
    for e in &entries {
        let fallback = fallback_for(e, opts.fallback_date);
        knowledge.entry(fallback).or_insert_with(|| Knowledge {
            fallback_date: fallback,
            people: people.clone(),
        });
    }
    // Republished passages are matched on the text the documents are
    // written with, which the knowledge can change (see [`settle`]).
    let settled = parallel(entries.len(), threads, |i| {
        settle(
            &entries[i],
            &people,
            &knowledge,
            relevance.as_ref(),
            opts.fallback_date,
            &budget,
        )
    });
    let mut untouched = Vec::with_capacity(entries.len());
    for (e, s) in entries.iter_mut().zip(settled) {
        untouched.push(s == Settled::Untouched);
        // The survey's questions are answered now; at a million passages
        // they are tens of megabytes that pass 2 would hold for nothing.
        if let Some(f) = &mut e.fresh {
            f.probes = Vec::new();
        }
        if let Settled::Keys(keys) = s {
            match (&mut e.fresh, &mut e.prev) {
                (Some(f), _) => f.keys = keys,
                (None, Some(p)) => p.keys = keys,
                (None, None) => {}
            }
        }
    }
    let owners = republished_owners(&entries);
    // Every document's date, for the passages it shares: a republished
    // passage is dated by the earliest document it is in.
    let dates: Vec<Option<Date>> = entries.iter().map(|e| e.date(opts.fallback_date)).collect();
    let ownership: Vec<u64> = (0..entries.len())
        .map(|i| ownership_fingerprint(i, &entries, &owners, &dates))
        .collect();

    let work = decide_work(&entries, &ownership, relevance.is_some(), &untouched);
    // First-pass parses the corpus's knowledge would change are let go
    // now, before tantivy's writer takes its memory.
    parallel(entries.len(), threads, |i| {
        let e = &entries[i];
        if let Ok(mut slot) = e.reuse.lock() {
            let fallback = fallback_for(e, opts.fallback_date);
            if work[i] == Work::Keep || !slot.as_ref().is_some_and(|r| r.holds(&people, fallback)) {
                *slot = None;
            }
        }
    });
    let any_work = opts.rebuild
        || resumed.is_some()
        || repair
        || moved
        || !removed.is_empty()
        || work.iter().any(|w| *w != Work::Keep);

    let mut results: Vec<Option<Written>> = vec![None; entries.len()];
    let mut writer: Option<IndexWriter> = None;
    // The index as last committed, to tell new passages from re-written
    // ones (see `added`).
    let previous = existing.as_ref().map(|(index, _)| index.clone());
    let index_fields = if any_work {
        let (index, fields) = match existing {
            Some(found) => found,
            None => create(dir)?,
        };
        let w: IndexWriter = index
            .writer_with_num_threads(tantivy_threads(threads), opts.memory_budget)
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
        for file in removed.iter().chain(&renamed) {
            w.delete_term(file_term(&fields, file));
        }
        writer = Some(w);
        Some(fields)
    } else {
        None
    };

    // Pass 2: parse with the corpus's knowledge and write, committing
    // checkpoints along the way in a first build.
    // Passages whose ids the last commit did not hold are what saved
    // searches report as new; without a previous commit, everything written
    // is. With no saved search, nobody will ask (one saved from now on
    // starts after this commit), so nothing is looked up or recorded.
    let journal_on = opts.readers.any(dir);
    let mut journaled = vec![false; entries.len()];
    if let (Some(w), Some(fields)) = (writer.as_mut(), &index_fields) {
        opts.progress.begin(Pass::Index, &all);
        let mut todo = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            match work[i] {
                Work::Keep => opts.progress.file(Pass::Index, &e.source, 0),
                _ => todo.push(i),
            }
        }
        let every = Checkpoints::new(first_build, opts.checkpoint_every, todo.len()).every;
        let chunks: Vec<&[usize]> = todo.chunks(every.max(1)).collect();
        if chunks.len() > 1 {
            // Each checkpoint adds a segment; merged as they came, they
            // would be merged again and again while the build goes on, each
            // merge reading every segment back (measured at 1.2M passages:
            // 420 MB of index pages resident at the end, 1.0 GB peak RSS
            // instead of 0.63). The last commit's policy decides once; the
            // default checkpoints leave fewer segments than it merges (see
            // `checkpoint::PER_BUILD`), at ~5% of a warm search's time.
            w.set_merge_policy(Box::new(NoMergePolicy));
        }
        for (c, chunk) in chunks.iter().enumerate() {
            let ctx = WriteContext {
                entries: &entries,
                owners: &owners,
                ownership: &ownership,
                dates: &dates,
                knowledge: &knowledge,
                relevance: relevance.as_ref(),
                fields,
                writer: w,
                fallback_date: opts.fallback_date,
                journal: journal_on,
            };
            let out = parallel(chunk.len(), threads, |k| {
                let i = chunk[k];
                let r = ctx.write(i, work[i]);
                opts.progress.file(Pass::Index, &entries[i].source, 0);
                r
            });
            for (&i, r) in chunk.iter().zip(out) {
                match r {
                    Ok(written) => results[i] = written,
                    Err(w) => warnings.push(w),
                }
            }
            if c + 1 == chunks.len() {
                w.set_merge_policy(Box::<DefaultMergePolicy>::default());
            } else {
                let added = if journal_on {
                    added_ids(&previous, fields, &results, &mut journaled)?
                } else {
                    Vec::new()
                };
                let mark = Checkpoint {
                    knowledge: written_with,
                };
                let docs = checkpoint::documents(&entries, &results);
                let snap = snapshot(docs, version, Some(mark));
                commit(dir, w, &snap.manifest, &snap.state, &added, &opts.readers)?;
                summary.checkpoints += 1;
                let done = chunks[..=c].iter().map(|k| k.len()).sum();
                opts.progress.checkpoint(done, todo.len());
            }
        }
        opts.progress.finish();
    }

    let added = match &index_fields {
        Some(fields) if journal_on => added_ids(&previous, fields, &results, &mut journaled)?,
        _ => Vec::new(),
    };

    // The new state: written documents, and the others as they were.
    // A new survey's parts move into the state written with it (pass 2
    // leaves them out rather than copy them: at a million passages they
    // are tens of megabytes).
    for (e, r) in entries.iter_mut().zip(results.iter_mut()) {
        if let (Some(w), Some(s)) = (r.as_mut(), e.fresh.as_mut()) {
            w.state.keys = std::mem::take(&mut s.keys);
            w.state.survey = std::mem::take(&mut s.registry);
        }
    }
    let (docs, wrote) = assemble(&entries, results, &mut summary, &mut warnings);
    let changed =
        opts.rebuild || resumed.is_some() || repair || moved || !removed.is_empty() || wrote;
    let snap = snapshot(docs, version, None);
    let docs = &snap.state.documents;
    summary.documents = docs.len();
    summary.passages = docs.iter().map(|d| d.info.passages as usize).sum();
    summary.republished = docs.iter().map(|d| d.info.republished as usize).sum();
    summary.speakers = speaker_count(&snap.manifest.registry);
    summary.warnings = warnings;
    summary.resumed = resumed.is_some();

    if let Some(mut w) = writer {
        if changed {
            commit(
                dir,
                &mut w,
                &snap.manifest,
                &snap.state,
                &added,
                &opts.readers,
            )?;
            w.wait_merging_threads()?;
            summary.committed = true;
        }
        // Otherwise the writer is dropped: nothing was added, nothing
        // is committed, no file changes.
    }
    Ok(summary)
}

/// What a commit writes beside tantivy's files.
struct Snapshot {
    manifest: Manifest,
    state: State,
}

/// The manifest and state of an index holding `docs` (in any order): the
/// documents sorted by file, the speaker registry merged from their parts.
/// `checkpoint` for a first build's checkpoint.
fn snapshot(mut docs: Vec<DocState>, version: &str, checkpoint: Option<Checkpoint>) -> Snapshot {
    docs.sort_by(|a, b| a.info.file.cmp(&b.info.file));
    let mut registry = RegistryBuilder::default();
    for d in &docs {
        registry.merge(RegistryBuilder::from(d.written.unpack()));
    }
    Snapshot {
        manifest: Manifest {
            podium_version: version.to_string(),
            schema_version: schema::SCHEMA_VERSION,
            committed_at: jiff::Timestamp::now().to_string(),
            documents: docs.iter().map(|d| d.info.clone()).collect(),
            registry: registry.build(),
        },
        state: State {
            podium_version: version.to_string(),
            rules_version: crate::transcript::READING_RULES,
            documents: docs,
            checkpoint,
        },
    }
}

/// The ids of the passages written since the last commit (entries not
/// `journaled` yet, marked now) that the index held before the run did not
/// hold: what the next commit adds for saved searches.
fn added_ids(
    previous: &Option<tantivy::Index>,
    fields: &super::Fields,
    results: &[Option<Written>],
    journaled: &mut [bool],
) -> Result<Vec<u64>> {
    let mut written = Vec::new();
    for (r, done) in results.iter().zip(journaled.iter_mut()) {
        if let (Some(w), false) = (r, *done) {
            written.extend(w.ids.iter().copied());
            *done = true;
        }
    }
    match previous {
        Some(prev) => added::new_ids(prev, fields, &written),
        None => Ok(written),
    }
}

/// What pass 2 does with each entry: new and changed documents are
/// written; unchanged ones are rewritten when their shared passages changed
/// hands, and re-parsed (written only if different) when the knowledge
/// about people changed and their text names someone it changed for
/// (`untouched`: settling found it names nobody); the rest are kept as
/// they are.
fn decide_work(
    entries: &[Entry],
    ownership: &[u64],
    knowledge_changed: bool,
    untouched: &[bool],
) -> Vec<Work> {
    entries
        .iter()
        .zip(ownership)
        .zip(untouched)
        .map(|((e, sig), untouched)| match e.status {
            Status::New | Status::Changed => Work::Write,
            Status::Unchanged => {
                if e.prev.as_ref().map(|p| p.ownership) != Some(*sig) {
                    Work::Write
                } else if knowledge_changed && !untouched {
                    Work::IfRelevant
                } else {
                    Work::Keep
                }
            }
            _ => Work::Keep,
        })
        .collect()
}

/// The documents of the new state (written ones, and the others as they
/// were), the run's counts, and the warnings of the files named in the run
/// and of those written. Returns whether anything was written.
fn assemble(
    entries: &[Entry],
    mut results: Vec<Option<Written>>,
    summary: &mut BuildSummary,
    warnings: &mut Vec<Warning>,
) -> (Vec<DocState>, bool) {
    let mut docs: Vec<DocState> = Vec::with_capacity(entries.len());
    let mut wrote = false;
    for (i, e) in entries.iter().enumerate() {
        let written = results[i].take();
        let was_written = written.is_some();
        match (&written, e.status) {
            // (Re-written or not: what users see is that it moved.)
            _ if e.moved => summary.moved += 1,
            (Some(_), Status::New) => summary.added += 1,
            (Some(_), Status::Changed) if e.version_refresh => summary.refreshed += 1,
            (Some(_), Status::Changed) => summary.updated += 1,
            (Some(_), _) => summary.refreshed += 1,
            (None, _) => {}
        }
        if e.in_run && e.status == Status::Unchanged && !e.moved {
            summary.unchanged += 1;
        }
        if e.status == Status::Gone {
            summary.missing += 1;
        }
        let doc = match written {
            Some(w) => {
                wrote = true;
                w.state
            }
            // A new file that could not be written, or a renamed record
            // whose old passages were deleted and nothing written in their
            // place, is left out (the warning says so).
            None => match kept_state(e) {
                Some(d) => d,
                None => continue,
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
    (docs, wrote)
}

/// Speakers worth counting: those with passages, narration aside.
pub fn speaker_count(registry: &Registry) -> usize {
    registry
        .speakers
        .iter()
        .filter(|s| s.passages > 0 && s.role() != Role::Narration)
        .count()
}
