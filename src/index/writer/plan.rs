//! What each document is in this run: every source given and every
//! document already indexed, classified (new, changed, unchanged, frozen,
//! gone, dropped, skipped) by content hash, and surveyed when new or
//! changed.
//!
//! # JSON lines records
//!
//! A JSON lines file is many documents, one per record, shown as
//! `FILE#LINE`. Its records are matched with the ones indexed from it
//! before by *content*, not by line: a record whose bytes are the same is
//! the same document wherever it now is, so inserting or deleting a record
//! above others does not make them "changed". Then the records left over on
//! both sides are paired in file order when they follow the same matched
//! record: an edited record is *updated* even when lines moved around it.
//! What is still left is new (added) or gone from the file (*dropped*: it
//! is removed without `--prune`, because the file was read and no longer
//! has it).
//!
//! A record's passages are stored under its file and content
//! (`corpus::record_name`: `FILE#@HASH`, `.N` for the N-th repeat of the
//! same bytes in the file), not under its line: a record that kept its
//! content but not its line (*moved*) is not read, parsed or written
//! again; only the `FILE#LINE` it is shown by changes, in the manifest and
//! state, and searches show that name ([`Entry::name`] against
//! [`Entry::display`]). Pairing by content is what keeps the names right:
//! the N-th record with some bytes pairs with the N-th indexed, whose name
//! it is. An edited record gets a new name with its new content, so its
//! old passages are deleted under the old name before pass 2 writes
//! (*renamed*; another record may take that name in the same commit).
//!
//! Content rather than a record's own `id` field: scrapers name their ids
//! differently (`id`, `url`, `guid`, none), and identical bytes identify a
//! record whatever the scraper. The case the pairing misses — a record
//! edited *and* moved to after another record in one run — ends as one
//! removal and one addition: the index is the same, only the counts differ.
//!
//! A file named in the run is split (each record hashed, none parsed); a
//! file indexed before and not named is split only when its size or
//! modification time moved. A file that cannot be read keeps its records
//! frozen, one that is gone follows `--prune`, like whole files.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::sync::Mutex;

use jiff::civil::Date;

use crate::corpus::{self, Loaded, Source, Stamp};
use crate::error::Warning;
use crate::index::{DocState, RecordPlace};
use crate::input::jsonl::Span;
use crate::passage::{self, Passage};
use crate::registry::{PackedRegistry, RegistryBuilder};
use crate::transcript::{KnownPerson, Probe, Transcript};

/// Folded-text key of a passage, to find republished text across files.
pub(super) fn text_key(p: &Passage) -> Option<u64> {
    p.text_hash
}

/// What the survey found in one source.
#[derive(Debug, Clone)]
pub(super) struct Survey {
    pub(super) hash: u64,
    pub(super) stamp: Stamp,
    pub(super) undated: bool,
    /// The date the text gives (before any `--date`).
    pub(super) date: Option<Date>,
    pub(super) size: u64,
    /// Text hashes of its passages long enough to be republished, as the
    /// document parses on its own; replaced by those of its parse with the
    /// corpus's knowledge when that differs ([`super::settle`]).
    pub(super) keys: Vec<u64>,
    pub(super) registry: PackedRegistry,
    /// The questions the parse asked the (then empty) corpus: whether the
    /// corpus's knowledge can change the parse, hence the keys.
    pub(super) probes: Vec<Probe>,
}

/// A first-pass parse kept for the second pass: the transcript, the
/// questions it asked the (then empty) corpus, and the file's notes.
pub(super) struct Reuse {
    pub(super) transcript: Transcript,
    pub(super) probes: Vec<Probe>,
    pub(super) notes: Vec<String>,
    /// Parsed with the corpus's knowledge already ([`super::settle`]): it
    /// is the parse the second pass would make.
    pub(super) knowing: bool,
}

impl Reuse {
    /// Whether the second pass may take this parse instead of parsing
    /// again: the corpus answers none of its questions (see [`Probe`]),
    /// and a `--date` it is parsed with cannot apply (the text has a date).
    pub(super) fn holds(&self, people: &[KnownPerson], fallback: Option<Date>) -> bool {
        self.knowing
            || ((fallback.is_none() || self.transcript.date.is_some())
                && !self.probes.iter().any(|p| p.answered_by(people)))
    }
}

/// Memory the first pass may fill with parses kept for the second. A parse
/// kept saves parsing the file again when the corpus turns out not to
/// matter to it; the bound keeps a large corpus's peak memory near what it
/// was without (memory freed by the parses not reused stays with the
/// process). 128 MB keeps every parse of a 100k-passage corpus.
pub(super) const REUSE_BYTES: usize = 128 * 1024 * 1024;

/// What a kept parse costs in memory, per byte of its text (measured:
/// about 2.1, with the allocator's overhead).
pub(super) fn reuse_cost(text_bytes: usize) -> usize {
    text_bytes.saturating_mul(5) / 2
}

/// What is left of [`REUSE_BYTES`] in a run.
pub(super) struct ReuseBudget(AtomicUsize);

impl ReuseBudget {
    pub(super) fn new(bytes: usize) -> ReuseBudget {
        ReuseBudget(AtomicUsize::new(bytes))
    }

    /// Takes `n` bytes if that many are left.
    pub(super) fn take(&self, n: usize) -> bool {
        self.0
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                left.checked_sub(n)
            })
            .is_ok()
    }
}

/// Surveys a document stored as `name` (the registry lists the documents
/// each speaker speaks in by that name).
pub(super) fn survey(
    loaded: &Loaded,
    name: &str,
    stamp: Stamp,
    budget: &ReuseBudget,
) -> (Survey, Option<Reuse>) {
    let (t, probes) = loaded.parse_probed();
    let mut reg = RegistryBuilder::default();
    reg.add_transcript(&t, name);
    let (size, keys) = passage::survey(&t);
    let survey = Survey {
        hash: loaded.hash,
        stamp,
        undated: t.date.is_none(),
        date: t.date,
        size: size as u64,
        keys,
        registry: PackedRegistry::pack(&reg.build()),
        probes: probes.clone(),
    };
    let reuse = budget.take(reuse_cost(loaded.text.len())).then(|| Reuse {
        transcript: t,
        probes,
        notes: loaded.notes.clone(),
        knowing: false,
    });
    (survey, reuse)
}

/// Where a document stands at the start of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Status {
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
    /// In the index as a JSON lines record its file, read in this run, no
    /// longer has (or no longer has as a valid record): removed.
    Dropped,
    /// Not in the index and cannot be read.
    Skipped,
}

/// One document of the run: a source given, or a document already indexed.
pub(super) struct Entry {
    pub(super) source: Source,
    pub(super) key: String,
    /// The name users see (`FILE#LINE` for a JSON lines record).
    pub(super) display: String,
    /// The name its passages are stored under: `display`, except for a
    /// record ([`corpus::record_name`]: its file and content, so that it
    /// stays when the record moves). Also what breaks ties between
    /// documents and what `also_in` lists, so those stay too.
    pub(super) name: String,
    /// Named (directly or in a folder) in this run.
    pub(super) in_run: bool,
    pub(super) prev: Option<DocState>,
    pub(super) status: Status,
    pub(super) fresh: Option<Survey>,
    /// The survey's parse, while it may still serve the second pass.
    pub(super) reuse: Mutex<Option<Reuse>>,
    /// The file was re-surveyed only because the index was written by
    /// another podium version.
    pub(super) version_refresh: bool,
    /// A record whose content is the same but whose line changed: shown
    /// by its new `FILE#LINE`, its passages left as they are.
    pub(super) moved: bool,
    pub(super) warning: Option<Warning>,
    /// The status was decided when the run was planned (from the file's
    /// size and time, or because it could not be read); not classified
    /// again.
    pub(super) settled: bool,
    /// Where a JSON lines record is in its file now.
    pub(super) record: Option<RecordPlace>,
    /// Size and modification time of a record's file, taken before the
    /// file was split in this run.
    pub(super) stamp: Option<Stamp>,
}

impl Entry {
    /// An entry not classified yet.
    pub(super) fn new(
        source: Source,
        key: String,
        display: String,
        in_run: bool,
        prev: Option<DocState>,
    ) -> Entry {
        Entry {
            source,
            key,
            name: display.clone(),
            display,
            in_run,
            prev,
            status: Status::New,
            fresh: None,
            reuse: Mutex::new(None),
            version_refresh: false,
            moved: false,
            warning: None,
            settled: false,
            record: None,
            stamp: None,
        }
    }

    /// An entry whose status is already known.
    fn settled(mut self, status: Status, warning: Option<Warning>) -> Entry {
        self.status = status;
        self.warning = warning;
        self.settled = true;
        self
    }

    /// To be stored under another name than its passages were: a record
    /// paired with an edited one (its name follows its content). Its old
    /// passages are deleted
    /// before any passage is written, since another record may now be
    /// stored under the old name.
    pub(super) fn renamed(&self) -> bool {
        self.prev
            .as_ref()
            .is_some_and(|p| p.info.stored_name() != self.name)
    }

    /// Shown by another name than it was (a record whose line changed).
    pub(super) fn relined(&self) -> bool {
        self.prev
            .as_ref()
            .is_some_and(|p| p.info.file != self.display)
    }

    /// Size and modification time to store: for a record, its file's when
    /// it was split.
    pub(super) fn stamp_now(&self) -> Option<Stamp> {
        self.stamp.or_else(|| self.source.stamp())
    }

    pub(super) fn keys(&self) -> &[u64] {
        match (&self.fresh, &self.prev) {
            (Some(s), _) => &s.keys,
            (None, Some(p)) => &p.keys,
            (None, None) => &[],
        }
    }

    /// The date the document is written with in this run: the text's, else
    /// the `--date` it is parsed with (`run`: this run's `--date`); for a
    /// document not surveyed again, the date it was written with.
    pub(super) fn date(&self, run: Option<Date>) -> Option<Date> {
        match (&self.fresh, &self.prev) {
            (Some(s), _) => s.date.or_else(|| fallback_for(self, run)),
            (None, Some(p)) => p.info.date,
            (None, None) => None,
        }
    }

    pub(super) fn size(&self) -> u64 {
        match (&self.fresh, &self.prev) {
            (Some(s), _) => s.size,
            (None, Some(p)) => p.size,
            (None, None) => 0,
        }
    }

    pub(super) fn survey_registry(&self) -> Option<&PackedRegistry> {
        match (&self.fresh, &self.prev) {
            (Some(s), _) => Some(&s.registry),
            (None, Some(p)) => Some(&p.survey),
            (None, None) => None,
        }
    }

    /// The file the document comes from, as its key: a JSON lines
    /// record's file, or the document's own key. What the run's counts of
    /// files (given, skipped) count, so a file of many records is one.
    pub(super) fn file_key(&self) -> &str {
        self.record
            .as_ref()
            .or_else(|| self.prev.as_ref().and_then(|p| p.record.as_ref()))
            .map_or(self.key.as_str(), |r| r.file_key.as_str())
    }

    /// Kept as last indexed whatever happens elsewhere.
    pub(super) fn frozen(&self) -> bool {
        matches!(self.status, Status::Frozen | Status::Gone)
    }
}

/// The `--date` a document is parsed with: the one given in this run for
/// a file named in it, else the one it was indexed with.
pub(super) fn fallback_for(e: &Entry, run: Option<Date>) -> Option<Date> {
    let prev = e.prev.as_ref().and_then(|p| p.fallback_date);
    if e.in_run {
        run.or(prev)
    } else {
        prev
    }
}

/// Every source of the run plus every document already indexed, with the
/// name each is shown by; JSON lines files become their records (split on
/// `threads` threads), matched with the records indexed from them before.
pub(super) fn plan(
    sources: &[Source],
    previous: Vec<DocState>,
    threads: usize,
    stale_version: bool,
) -> Vec<Entry> {
    let mut by_key: HashMap<String, DocState> = HashMap::new();
    // Records indexed before, by the key of their file.
    let mut by_file: HashMap<String, FromFile> = HashMap::new();
    for d in previous {
        if let Some(place) = &d.record {
            by_file
                .entry(place.file_key.clone())
                .or_default()
                .records
                .push(d);
        } else {
            by_key.insert(d.key.clone(), d);
        }
    }
    let mut shown: HashSet<String> = by_key.values().map(|d| d.info.file.clone()).collect();
    for FromFile { records } in by_file.values() {
        shown.extend(
            records
                .iter()
                .filter_map(|d| d.record.as_ref().map(|r| r.file.clone())),
        );
    }

    enum Item {
        One(Box<Entry>),
        Records(usize),
    }
    let mut items = Vec::new();
    let mut files: Vec<RecordFile> = Vec::new();
    let mut seen = HashSet::new();
    for src in sources {
        let key = src.key();
        if !seen.insert(key.clone()) {
            continue;
        }
        if let (true, Some(path)) = (corpus::is_record_file(src), src.path()) {
            let FromFile { records } = by_file.remove(&key).unwrap_or_default();
            let display = RecordFile::display_of(&records)
                .unwrap_or_else(|| shown_as(src.display(), &key, &mut shown));
            items.push(Item::Records(files.len()));
            files.push(RecordFile {
                source: src.clone(),
                path: Arc::from(path),
                key,
                display,
                in_run: true,
                records,
            });
            continue;
        }
        let prev = by_key.remove(&key);
        let display = match &prev {
            Some(p) => p.info.file.clone(),
            None => shown_as(src.display(), &key, &mut shown),
        };
        let entry = Entry::new(src.clone(), key, display, true, prev);
        items.push(Item::One(Box::new(entry)));
    }
    let mut rest: Vec<DocState> = by_key.into_values().collect();
    rest.sort_by(|a, b| a.info.file.cmp(&b.info.file));
    for prev in rest {
        let display = prev.info.file.clone();
        let source = Source::from_key(&prev.key, &display).unwrap_or(Source::File {
            path: std::path::PathBuf::from(&display),
            display: display.clone(),
        });
        let mut e = Entry::new(source, prev.key.clone(), display, false, Some(prev));
        e.status = Status::Unchanged;
        items.push(Item::One(Box::new(e)));
    }
    // JSON lines files indexed before and not named in this run.
    let mut left: Vec<(String, FromFile)> = by_file.into_iter().collect();
    left.sort_by(|a, b| a.0.cmp(&b.0));
    for (key, FromFile { records }) in left {
        let display = RecordFile::display_of(&records).unwrap_or_default();
        let source = Source::from_key(&key, &display).unwrap_or(Source::File {
            path: std::path::PathBuf::from(&display),
            display: display.clone(),
        });
        let path: Arc<Path> = Arc::from(source.path().unwrap_or(Path::new(&display)));
        items.push(Item::Records(files.len()));
        files.push(RecordFile {
            source,
            path,
            key,
            display,
            in_run: false,
            records,
        });
    }

    let reads = super::parallel(files.len(), threads, |i| files[i].read(stale_version));
    let mut expanded: Vec<Option<Vec<Entry>>> = files
        .into_iter()
        .zip(reads)
        .map(|(f, r)| Some(f.entries(r)))
        .collect();
    let mut entries = Vec::with_capacity(items.len());
    for item in items {
        match item {
            Item::One(e) => entries.push(*e),
            Item::Records(i) => entries.extend(expanded[i].take().unwrap_or_default()),
        }
    }
    entries
}

/// `display`, unless another document is already shown by it (the same
/// relative path from two working directories): then the path in `key`,
/// so no two documents share their passages' file field.
fn shown_as(display: &str, key: &str, shown: &mut HashSet<String>) -> String {
    let mut d = display.to_string();
    if !shown.insert(d.clone()) {
        d = key.split_once(':').map_or(key, |k| k.1).to_string();
        shown.insert(d.clone());
    }
    d
}

/// What was indexed before from one JSON lines file.
#[derive(Default)]
struct FromFile {
    /// Its records.
    records: Vec<DocState>,
}

/// A JSON lines file of the run: named in it, or holding records indexed
/// before.
struct RecordFile {
    /// The file itself (a warning about the whole file names it).
    source: Source,
    path: Arc<Path>,
    key: String,
    /// The file as shown; its records are `DISPLAY#LINE`.
    display: String,
    in_run: bool,
    /// Its records indexed before.
    records: Vec<DocState>,
}

/// What reading a record file found.
enum Read {
    /// Not named, and its size and time are those indexed: not read.
    Untouched,
    Split(Option<Stamp>, Vec<Span>),
    Failed(String),
}

impl RecordFile {
    /// How the file was shown when it was indexed before.
    fn display_of(records: &[DocState]) -> Option<String> {
        records
            .iter()
            .find_map(|d| d.record.as_ref().map(|r| r.file.clone()))
    }

    fn read(&self, stale_version: bool) -> Read {
        // Taken before reading: a change while the file is split shows as
        // a newer time next run, never as an older one.
        let stamp = self.source.stamp();
        let untouched = !self.in_run
            && !stale_version
            && stamp.is_some()
            && self.records.iter().all(|d| Some(d.stamp) == stamp);
        if untouched {
            return Read::Untouched;
        }
        match corpus::split_records(&self.path) {
            Ok(spans) => Read::Split(stamp, spans),
            Err(message) => Read::Failed(message),
        }
    }

    fn entries(self, read: Read) -> Vec<Entry> {
        match read {
            Read::Untouched => self.keep_all(Status::Unchanged, None),
            Read::Failed(message) => self.unreadable(message),
            Read::Split(stamp, spans) => self.matched(stamp, &spans),
        }
    }

    /// Every record, as it was.
    fn keep_all(self, status: Status, warning: Option<Warning>) -> Vec<Entry> {
        let mut warning = warning;
        let mut out: Vec<Entry> = Vec::new();
        for d in &self.records {
            out.push(self.kept(d.clone(), status));
        }
        if let Some(first) = out.first_mut() {
            first.warning = warning.take();
        }
        out
    }

    /// The file cannot be split: its records are frozen (or gone), or, when
    /// nothing was indexed from it, it is skipped.
    fn unreadable(self, message: String) -> Vec<Entry> {
        let gone = self.source.is_gone();
        let mut warning = Warning {
            file: self.display.clone(),
            message,
        };
        if self.records.is_empty() {
            let e = Entry::new(
                self.source.clone(),
                self.key.clone(),
                self.display.clone(),
                self.in_run,
                None,
            );
            return vec![e.settled(Status::Skipped, Some(warning))];
        }
        if gone {
            let named = self.in_run.then_some(warning);
            return self.keep_all(Status::Gone, named);
        }
        warning
            .message
            .push_str("; the passages indexed from its records before are kept");
        self.keep_all(Status::Frozen, Some(warning))
    }

    /// A record indexed before, as it was (its place as it was too).
    fn kept(&self, d: DocState, status: Status) -> Entry {
        let place = d.record.clone().unwrap_or_default();
        let span = Span {
            line: place.line,
            offset: place.offset,
            len: place.len,
            hash: d.hash,
            repeat: place.repeat,
        };
        let source = Source::Record {
            path: Arc::clone(&self.path),
            display: d.info.file.clone(),
            span,
        };
        let mut e = Entry::new(
            source,
            d.key.clone(),
            d.info.file.clone(),
            self.in_run,
            None,
        );
        e.name = d.info.stored_name().to_string();
        e.record = d.record.clone();
        e.prev = Some(d);
        e.settled(status, None)
    }

    /// The records in the file now, each with the one indexed before that
    /// it is (see the module docs); records indexed before that are not in
    /// the file any more are dropped.
    fn matched(self, stamp: Option<Stamp>, spans: &[Span]) -> Vec<Entry> {
        let mut old = self.records;
        old.sort_by_key(|d| d.record.as_ref().map_or(0, |r| r.line));
        let hashes: Vec<u64> = old.iter().map(|d| d.hash).collect();
        let new: Vec<u64> = spans.iter().map(|s| s.hash).collect();
        let pairs = pair(&hashes, &new);
        let mut old: Vec<Option<DocState>> = old.into_iter().map(Some).collect();
        let mut out = Vec::with_capacity(spans.len());
        for (span, paired) in spans.iter().zip(pairs) {
            let prev = paired.and_then(|i| old[i].take());
            let source = corpus::record_source(&self.path, &self.display, *span);
            let display = source.display().to_string();
            let key = corpus::record_key(&self.key, span);
            let mut e = Entry::new(source, key, display, self.in_run, prev);
            e.name = corpus::record_name(&self.display, span);
            e.record = Some(RecordPlace {
                file_key: self.key.clone(),
                file: self.display.clone(),
                line: span.line,
                offset: span.offset,
                len: span.len,
                repeat: span.repeat,
            });
            e.stamp = stamp;
            out.push(e);
        }
        let gone = RecordFile {
            records: Vec::new(),
            ..self
        };
        for d in old.into_iter().flatten() {
            out.push(gone.kept(d, Status::Dropped));
        }
        out
    }
}

/// Pairs the records of a file indexed before (their content hashes, in
/// line order) with those in it now: for each record now, the one before
/// it is, if any.
///
/// Equal content pairs first, in order (a record that moved is still
/// itself; of identical records, the first with the first). The records
/// left on both sides are then paired in order when they follow the same
/// content-paired record (or both open the file): a record edited in
/// place, or edited while records were added, removed or reordered around
/// it, is the one it replaced.
pub(super) fn pair(old: &[u64], new: &[u64]) -> Vec<Option<usize>> {
    let mut by_hash: HashMap<u64, std::collections::VecDeque<usize>> = HashMap::new();
    for (i, h) in old.iter().enumerate() {
        by_hash.entry(*h).or_default().push_back(i);
    }
    let mut out: Vec<Option<usize>> = vec![None; new.len()];
    let mut used = vec![false; old.len()];
    for (j, h) in new.iter().enumerate() {
        if let Some(i) = by_hash.get_mut(h).and_then(|q| q.pop_front()) {
            out[j] = Some(i);
            used[i] = true;
        }
    }
    // The old records left, by the content-paired old record before them
    // (`None`: the start of the file).
    let mut after: HashMap<Option<usize>, std::collections::VecDeque<usize>> = HashMap::new();
    let mut anchor = None;
    for (i, u) in used.iter().enumerate() {
        if *u {
            anchor = Some(i);
        } else {
            after.entry(anchor).or_default().push_back(i);
        }
    }
    let mut anchor = None;
    for slot in out.iter_mut() {
        match slot {
            Some(i) => anchor = Some(*i),
            None => *slot = after.get_mut(&anchor).and_then(|q| q.pop_front()),
        }
    }
    out
}

/// Decides where one entry stands, reading (and surveying) it when needed.
pub(super) fn classify(
    e: &Entry,
    run_date: Option<Date>,
    stale_version: bool,
    budget: &ReuseBudget,
) -> (Status, Option<Survey>, Option<Warning>) {
    if e.settled {
        return (e.status, None, e.warning.clone());
    }
    let named = |w: Warning| Warning {
        file: e.display.clone(),
        message: w.message,
    };
    let surveyed = |l: &Loaded, stamp: Stamp| {
        let (s, reuse) = survey(l, &e.name, stamp, budget);
        if let Ok(mut slot) = e.reuse.lock() {
            *slot = reuse;
        }
        s
    };
    let Some(prev) = &e.prev else {
        return match e.source.load() {
            Ok(l) => {
                let stamp = e.stamp_now().unwrap_or_default();
                (Status::New, Some(surveyed(&l, stamp)), None)
            }
            Err(w) => (Status::Skipped, None, Some(named(w))),
        };
    };
    let date_changed =
        e.in_run && run_date.is_some() && prev.undated && prev.fallback_date != run_date;
    if let Source::Record { span, .. } = &e.source {
        // Split in this run: the hash says whether it changed, unread.
        if span.hash == prev.hash && !stale_version && !e.renamed() {
            let status = if date_changed {
                Status::Changed
            } else {
                Status::Unchanged
            };
            return (status, None, None);
        }
        return match e.source.load() {
            Ok(l) => {
                let stamp = e.stamp_now().unwrap_or_default();
                (Status::Changed, Some(surveyed(&l, stamp)), None)
            }
            Err(w) => {
                let mut w = named(w);
                w.message
                    .push_str("; the passages indexed from it before are removed");
                (Status::Dropped, None, Some(w))
            }
        };
    }
    if !e.in_run && e.source.is_gone() {
        return (Status::Gone, None, None);
    }
    let stamp = e.source.stamp();
    if !e.in_run && !stale_version && stamp.is_some() && stamp == Some(prev.stamp) {
        return (Status::Unchanged, None, None);
    }
    match e.source.load() {
        Ok(l) => {
            if l.hash == prev.hash && !stale_version {
                let status = if date_changed {
                    Status::Changed
                } else {
                    Status::Unchanged
                };
                (status, None, None)
            } else {
                let s = surveyed(&l, stamp.unwrap_or_default());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::writer::shared::survey_knowledge;
    use crate::transcript::Knowledge;

    /// A kept first parse is used only when parsing again with the
    /// corpus's knowledge gives the same transcript: checked on every
    /// fixture, the seeds and a generated corpus, where both cases occur.
    #[test]
    fn a_kept_parse_is_the_parse_the_corpus_would_give() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let generated = tempfile::tempdir().unwrap();
        crate::generate::generate(
            generated.path(),
            &crate::generate::GenerateOptions {
                passages: 2000,
                seed: 5,
                threads: 1,
                ..Default::default()
            },
        )
        .unwrap();
        for dir in [
            root.join("tests/fixtures"),
            root.join("seeds"),
            generated.path().to_path_buf(),
        ] {
            let (sources, _) = crate::corpus::discover(std::slice::from_ref(&dir));
            let loaded: Vec<Loaded> = sources.iter().filter_map(|s| s.load().ok()).collect();
            let budget = ReuseBudget::new(usize::MAX);
            let surveyed: Vec<(Survey, Option<Reuse>)> = loaded
                .iter()
                .map(|l| survey(l, "f.txt", Stamp::default(), &budget))
                .collect();
            let people = survey_knowledge(surveyed.iter().map(|(s, _)| &s.registry));
            let knowledge = Knowledge {
                fallback_date: None,
                people: people.clone(),
            };
            let (mut kept, mut parsed) = (0, 0);
            for (l, (_, reuse)) in loaded.iter().zip(&surveyed) {
                let reuse = reuse.as_ref().unwrap();
                if reuse.holds(&people, None) {
                    kept += 1;
                    assert_eq!(l.parse_with(&knowledge), reuse.transcript, "{dir:?}");
                } else {
                    parsed += 1;
                }
            }
            assert!(
                kept > 0 && parsed > 0,
                "{dir:?}: {kept} kept, {parsed} parsed"
            );
        }
    }

    #[test]
    fn records_are_followed_by_content_when_lines_move() {
        // One inserted at the top: the others are themselves, moved.
        assert_eq!(
            pair(&[1, 2, 3], &[9, 1, 2, 3]),
            [None, Some(0), Some(1), Some(2)]
        );
        // One deleted: the rest are themselves; the second is left over.
        assert_eq!(pair(&[1, 2, 3], &[1, 3]), [Some(0), Some(2)]);
        // Reordered.
        assert_eq!(pair(&[1, 2], &[2, 1]), [Some(1), Some(0)]);
    }

    #[test]
    fn an_edited_record_is_the_one_it_replaced() {
        // Edited in place.
        assert_eq!(pair(&[1, 2, 3], &[1, 7, 3]), [Some(0), Some(1), Some(2)]);
        // Edited while one was inserted above it: still paired (it follows
        // the same unchanged record); the insertion is new.
        assert_eq!(
            pair(&[1, 2, 3], &[9, 1, 7, 3]),
            [None, Some(0), Some(1), Some(2)]
        );
        // Edited and appended to: the edit is paired, the rest is new.
        assert_eq!(pair(&[1, 2], &[1, 7, 8]), [Some(0), Some(1), None]);
        // Edited while the last record moved to the top: it still follows
        // the record it followed.
        assert_eq!(
            pair(&[1, 2, 3, 4], &[4, 1, 7, 3]),
            [Some(3), Some(0), Some(1), Some(2)]
        );
        // All new content, same count: paired in order (updated).
        assert_eq!(pair(&[1, 2], &[5, 6]), [Some(0), Some(1)]);
    }

    #[test]
    fn identical_records_pair_in_order() {
        assert_eq!(pair(&[4, 4], &[4, 4, 4]), [Some(0), Some(1), None]);
        assert_eq!(pair(&[4, 5, 4], &[5, 4]), [Some(1), Some(0)]);
        assert_eq!(pair(&[], &[1]), [None]);
        assert!(pair(&[1], &[]).is_empty());
    }
}
