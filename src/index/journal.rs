//! The added-passages journal: which passages each commit added, so that
//! saved searches ([`crate::watch`]) can say what is new without rescanning
//! the index.
//!
//! Every commit has a *generation*, a number one higher than the commit
//! before it, kept in the commit's payload ([`super::PodiumIndex::generation`]).
//! A commit that adds passages the previous commit did not hold (by id:
//! ids are derived from the text, so a passage re-written with the same
//! text, such as one whose briefing was only re-dated, is not added)
//! appends one line to [`JOURNAL_FILE`] in the index directory:
//!
//! ```text
//! GENERATION COUNT ID ID ID…
//! ```
//!
//! with the ids as 16 hex digits. (Only while the index has saved
//! searches: with none, nobody will ask, and a search saved later starts
//! after the commit it was saved at, so the run neither looks the ids up
//! nor records them.) The line is written and synced *before*
//! the tantivy commit that makes the generation current, so a process
//! killed at any moment loses no entry: either the commit happened and its
//! line is on disk, or it did not and the line (if any) names a generation
//! later than the committed one, which readers ignore and the next commit
//! replaces. A line cut short by a crash has fewer ids than it says and is
//! ignored the same way.
//!
//! The journal is kept short: each commit drops the lines that every saved
//! search has already seen (generations at or below the *horizon*, the
//! lowest cursor of the saved searches; with no saved search, everything
//! before this commit). A commit that drops nothing appends its line; one
//! that drops lines writes the journal anew (a temporary file renamed over
//! the old one), so no reader ever sees half a file. A saved search that is
//! never checked keeps every line after its cursor: the journal then grows
//! with what is added to the index (16 bytes a passage), which is the price
//! of being able to report all of it at the next check.
//!
//! Neither a `--rebuild` nor clearing a damaged index removes the journal
//! (or the saved searches next to it): generations go on from the highest
//! one the journal holds, so cursors stay meaningful.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use crate::error::{Error, Result};

/// The journal's file name in the index directory.
pub const JOURNAL_FILE: &str = "podium-added.log";

/// The first line of a journal: what it is, and its format version.
const HEADER: &str = "podium-added 1";

/// The passages one commit added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub generation: u64,
    /// Full passage ids (as [`crate::Passage::id`], parsed from hex).
    pub ids: Vec<u64>,
}

/// The journal as read: whole entries, and whether the file had anything
/// that is not a whole entry (a line cut short by a crash).
#[derive(Debug, Default)]
struct Read {
    entries: Vec<Entry>,
    damaged: bool,
}

fn io_error(dir: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: dir.join(JOURNAL_FILE),
        source,
    }
}

/// Reads the journal of `dir`; a missing journal is an empty one.
fn read_all(dir: &Path) -> Result<Read> {
    let text = match fs::read_to_string(dir.join(JOURNAL_FILE)) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Read::default()),
        // Not UTF-8: only a damaged file can be; start it again.
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
            return Ok(Read {
                entries: Vec::new(),
                damaged: true,
            })
        }
        Err(e) => return Err(io_error(dir, e)),
    };
    // Whole lines end with a line end; anything after the last one was
    // cut short.
    let (whole, torn) = match text.rfind('\n') {
        Some(i) => text.split_at(i + 1),
        None => ("", text.as_str()),
    };
    let mut read = Read {
        entries: Vec::new(),
        damaged: !torn.is_empty(),
    };
    let mut lines = whole.lines();
    match lines.next() {
        Some(HEADER) => {}
        None => return Ok(read),
        Some(_) => {
            read.damaged = true;
            return Ok(read);
        }
    }
    for line in lines {
        match parse_line(line) {
            Some(e) => read.entries.push(e),
            None => read.damaged = true,
        }
    }
    Ok(read)
}

/// One line, or `None` when it is not a whole entry.
fn parse_line(line: &str) -> Option<Entry> {
    let mut words = line.split(' ');
    let generation = words.next()?.parse().ok()?;
    let count: usize = words.next()?.parse().ok()?;
    let ids = words
        .map(|w| u64::from_str_radix(w, 16).ok())
        .collect::<Option<Vec<u64>>>()?;
    (ids.len() == count).then_some(Entry { generation, ids })
}

fn format_line(e: &Entry) -> String {
    let mut s = String::with_capacity(24 + 17 * e.ids.len());
    s.push_str(&format!("{} {}", e.generation, e.ids.len()));
    for id in &e.ids {
        s.push_str(&format!(" {id:016x}"));
    }
    s.push('\n');
    s
}

/// The highest generation the journal holds (0 when it holds none): where
/// generations go on from when the index itself had to start again.
pub fn last_generation(dir: &Path) -> Result<u64> {
    Ok(read_all(dir)?
        .entries
        .iter()
        .map(|e| e.generation)
        .max()
        .unwrap_or(0))
}

/// The entries of the commits after generation `after` up to and
/// including `upto` (the generation of the index the caller has open):
/// what a saved search whose cursor is `after` has not seen yet. Entries
/// after `upto` belong to a commit not made (or not yet visible) and are
/// left for later.
pub fn entries_between(dir: &Path, after: u64, upto: u64) -> Result<Vec<Entry>> {
    let mut entries = read_all(dir)?.entries;
    entries.retain(|e| e.generation > after && e.generation <= upto);
    Ok(entries)
}

/// Records that the commit of `generation` adds `ids`, before that commit
/// is made (see the module docs). `committed` is the generation of the
/// commit on disk now: later entries are leftovers of runs that never
/// committed and are dropped. Entries at or below `horizon` (every saved
/// search has seen them) are dropped too. With no ids, nothing is
/// appended, but leftovers and seen entries are still cleared away.
pub fn record(
    dir: &Path,
    generation: u64,
    ids: &[u64],
    committed: u64,
    horizon: u64,
) -> Result<()> {
    let read = read_all(dir)?;
    let keep = |e: &Entry| e.generation > horizon && e.generation <= committed;
    let dropping = read.damaged || read.entries.iter().any(|e| !keep(e));
    let new = (!ids.is_empty()).then(|| Entry {
        generation,
        ids: ids.to_vec(),
    });
    if !dropping {
        let Some(new) = new else { return Ok(()) };
        return append(dir, &new);
    }
    let mut text = String::from(HEADER);
    text.push('\n');
    for e in read.entries.iter().filter(|e| keep(e)).chain(new.as_ref()) {
        text.push_str(&format_line(e));
    }
    rewrite(dir, &text)
}

/// Appends one entry (with the header first when the file is new or
/// empty), synced.
fn append(dir: &Path, e: &Entry) -> Result<()> {
    let mut f = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join(JOURNAL_FILE))
        .map_err(|e| io_error(dir, e))?;
    let empty = f.metadata().map_err(|e| io_error(dir, e))?.len() == 0;
    let mut text = String::new();
    if empty {
        text.push_str(HEADER);
        text.push('\n');
    }
    text.push_str(&format_line(e));
    f.write_all(text.as_bytes())
        .and_then(|()| f.sync_all())
        .map_err(|e| io_error(dir, e))
}

/// Writes the whole journal under a temporary name, synced, and renames it
/// over the old one.
fn rewrite(dir: &Path, text: &str) -> Result<()> {
    let tmp = dir.join(format!("{JOURNAL_FILE}.tmp"));
    let write = || -> std::io::Result<()> {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        fs::rename(&tmp, dir.join(JOURNAL_FILE))
    };
    write().map_err(|e| io_error(dir, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::collections::HashSet;

    fn added_between(dir: &Path, after: u64, upto: u64) -> Result<HashSet<u64>> {
        Ok(entries_between(dir, after, upto)?
            .into_iter()
            .flat_map(|e| e.ids)
            .collect())
    }

    fn lines(dir: &Path) -> Vec<String> {
        fs::read_to_string(dir.join(JOURNAL_FILE))
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn entries_after_a_cursor_are_read_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path();
        record(d, 1, &[1, 2], 0, 0).expect("1");
        record(d, 2, &[], 1, 0).expect("2");
        record(d, 3, &[0xffff_ffff_ffff_ffff], 2, 0).expect("3");
        assert_eq!(lines(d).len(), 3, "{:?}", lines(d));
        let all = added_between(d, 0, 3).expect("read");
        assert_eq!(all.len(), 3);
        assert_eq!(
            added_between(d, 1, 3).expect("read"),
            HashSet::from([u64::MAX])
        );
        // Not committed yet: not seen.
        assert!(added_between(d, 1, 2).expect("read").is_empty());
        assert_eq!(last_generation(d).expect("last"), 3);
    }

    #[test]
    fn leftovers_and_seen_entries_are_dropped_and_torn_lines_ignored() {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path();
        record(d, 1, &[1], 0, 0).expect("1");
        record(d, 2, &[2], 1, 0).expect("2");
        // A run that wrote generation 3 and was killed before committing.
        record(d, 3, &[3], 2, 0).expect("3");
        // Then a line cut short.
        let mut f = fs::OpenOptions::new()
            .append(true)
            .open(d.join(JOURNAL_FILE))
            .expect("open");
        f.write_all(b"4 2 0000000000000004").expect("torn");
        assert_eq!(
            added_between(d, 0, 9).expect("read"),
            HashSet::from([1, 2, 3])
        );
        // The next commit starts from generation 2 and every search has
        // seen generation 1.
        record(d, 3, &[30], 2, 1).expect("again");
        assert_eq!(
            lines(d),
            [HEADER, "2 1 0000000000000002", "3 1 000000000000001e"]
        );
    }
}

/// Who reads the journal. The readers are saved searches, a layer above
/// the index ([`crate::watch`]); the index must not know what they are,
/// only, at each commit, whether anybody reads what it adds and how far
/// back the slowest reader still is. So the one who builds (the command
/// line) hands the writer this question; the default is "nobody", which
/// is right for every index without saved searches (benches, the seeds).
#[derive(Clone, Default)]
pub struct Readers(Option<Arc<ReaderQuestion>>);

/// `(index dir, generation committed) → None` when nobody reads the
/// journal, else the generation every reader has seen (the horizon).
type ReaderQuestion = dyn Fn(&Path, u64) -> Option<u64> + Send + Sync;

impl Readers {
    pub fn new(question: impl Fn(&Path, u64) -> Option<u64> + Send + Sync + 'static) -> Readers {
        Readers(Some(Arc::new(question)))
    }

    /// Whether anybody reads what a commit adds (when nobody does, the
    /// writer neither looks the new ids up nor records them).
    pub fn any(&self, dir: &Path) -> bool {
        self.horizon_of(dir, u64::MAX).is_some()
    }

    /// The generation every reader has seen, at most `committed`; with no
    /// reader, `committed` (one saved from now on starts there).
    pub fn horizon(&self, dir: &Path, committed: u64) -> u64 {
        self.horizon_of(dir, committed)
            .map_or(committed, |h| h.min(committed))
    }

    fn horizon_of(&self, dir: &Path, committed: u64) -> Option<u64> {
        self.0.as_ref().and_then(|q| q(dir, committed))
    }
}

impl std::fmt::Debug for Readers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Readers(asked)"
        } else {
            "Readers(nobody)"
        })
    }
}
