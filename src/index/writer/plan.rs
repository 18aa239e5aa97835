//! What each document is in this run: every source given and every
//! document already indexed, classified (new, changed, unchanged, frozen,
//! gone, skipped) by content hash, and surveyed when new or changed.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use jiff::civil::Date;

use crate::corpus::{Loaded, Source, Stamp};
use crate::error::Warning;
use crate::index::DocState;
use crate::passage::{self, Passage};
use crate::registry::{Registry, RegistryBuilder};
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
    pub(super) size: u64,
    pub(super) keys: Vec<u64>,
    pub(super) registry: Registry,
}

/// A first-pass parse kept for the second pass: the transcript, the
/// questions it asked the (then empty) corpus, and the file's notes.
pub(super) struct Reuse {
    pub(super) transcript: Transcript,
    pub(super) probes: Vec<Probe>,
    pub(super) notes: Vec<String>,
}

impl Reuse {
    /// Whether the second pass may take this parse instead of parsing
    /// again: the corpus answers none of its questions (see [`Probe`]),
    /// and a `--date` it is parsed with cannot apply (the text has a date).
    pub(super) fn holds(&self, people: &[KnownPerson], fallback: Option<Date>) -> bool {
        (fallback.is_none() || self.transcript.date.is_some())
            && !self.probes.iter().any(|p| p.answered_by(people))
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
fn reuse_cost(text_bytes: usize) -> usize {
    text_bytes.saturating_mul(5) / 2
}

/// What is left of [`REUSE_BYTES`] in a run.
pub(super) struct ReuseBudget(AtomicUsize);

impl ReuseBudget {
    pub(super) fn new(bytes: usize) -> ReuseBudget {
        ReuseBudget(AtomicUsize::new(bytes))
    }

    /// Takes `n` bytes if that many are left.
    fn take(&self, n: usize) -> bool {
        self.0
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                left.checked_sub(n)
            })
            .is_ok()
    }
}

pub(super) fn survey(
    loaded: &Loaded,
    display: &str,
    stamp: Stamp,
    budget: &ReuseBudget,
) -> (Survey, Option<Reuse>) {
    let (t, probes) = loaded.parse_probed();
    let mut reg = RegistryBuilder::default();
    reg.add_transcript(&t, display);
    let (size, keys) = passage::survey(&t);
    let survey = Survey {
        hash: loaded.hash,
        stamp,
        undated: t.date.is_none(),
        size: size as u64,
        keys,
        registry: reg.build(),
    };
    let reuse = budget.take(reuse_cost(loaded.text.len())).then(|| Reuse {
        transcript: t,
        probes,
        notes: loaded.notes.clone(),
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
    /// Not in the index and cannot be read.
    Skipped,
}

/// One document of the run: a source given, or a document already indexed.
pub(super) struct Entry {
    pub(super) source: Source,
    pub(super) key: String,
    pub(super) display: String,
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
    pub(super) warning: Option<Warning>,
}

impl Entry {
    pub(super) fn keys(&self) -> &[u64] {
        match (&self.fresh, &self.prev) {
            (Some(s), _) => &s.keys,
            (None, Some(p)) => &p.keys,
            (None, None) => &[],
        }
    }

    pub(super) fn size(&self) -> u64 {
        match (&self.fresh, &self.prev) {
            (Some(s), _) => s.size,
            (None, Some(p)) => p.size,
            (None, None) => 0,
        }
    }

    pub(super) fn survey_registry(&self) -> Option<&Registry> {
        match (&self.fresh, &self.prev) {
            (Some(s), _) => Some(&s.registry),
            (None, Some(p)) => Some(&p.survey),
            (None, None) => None,
        }
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
/// name each is shown by.
pub(super) fn plan(sources: &[Source], previous: Vec<DocState>) -> Vec<Entry> {
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
            reuse: Mutex::new(None),
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
            reuse: Mutex::new(None),
            version_refresh: false,
            warning: None,
        });
    }
    entries
}

/// Decides where one entry stands, reading (and surveying) it when needed.
pub(super) fn classify(
    e: &Entry,
    run_date: Option<Date>,
    stale_version: bool,
    budget: &ReuseBudget,
) -> (Status, Option<Survey>, Option<Warning>) {
    let named = |w: Warning| Warning {
        file: e.display.clone(),
        message: w.message,
    };
    let surveyed = |l: &Loaded, stamp: Stamp| {
        let (s, reuse) = survey(l, &e.display, stamp, budget);
        if let Ok(mut slot) = e.reuse.lock() {
            *slot = reuse;
        }
        s
    };
    let Some(prev) = &e.prev else {
        return match e.source.load() {
            Ok(l) => {
                let stamp = e.source.stamp().unwrap_or_default();
                (Status::New, Some(surveyed(&l, stamp)), None)
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
}
