//! The saved searches of an index: `watches.json` in the index directory.
//!
//! They live with the index because their cursors count the index's
//! commits (generations, see [`crate::index::journal`]): another index has
//! other generations. The file is podium's but not tantivy's, so indexing
//! (even `--rebuild`, even clearing a damaged index) leaves it alone.
//!
//! Every change is a read-modify-write under an exclusive lock
//! ([`LOCK_FILE`]), so two commands changing saved searches at once (a
//! cron check while a user adds one) cannot lose each other's change; the
//! new file is written under a temporary name, synced, and renamed over the
//! old one, so a reader (or a crash) never sees half a file.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Watch;
use crate::error::{Error, Result};
use crate::index::journal;

/// The saved searches' file name in the index directory.
pub const WATCHES_FILE: &str = "watches.json";

/// The lock changes of [`WATCHES_FILE`] are made under.
pub const LOCK_FILE: &str = "watches.lock";

/// The format of [`WATCHES_FILE`].
const VERSION: u32 = 1;

#[derive(Debug, Default, Serialize, Deserialize)]
struct File {
    version: u32,
    watches: Vec<Watch>,
}

fn path(dir: &Path) -> PathBuf {
    dir.join(WATCHES_FILE)
}

fn io(dir: &Path, file: &str) -> impl Fn(std::io::Error) -> Error {
    let path = dir.join(file);
    move |source| Error::Io {
        path: path.clone(),
        source,
    }
}

/// The saved searches of the index in `dir`, in the order they were added
/// (none when the file does not exist).
pub fn load(dir: &Path) -> Result<Vec<Watch>> {
    let bytes = match fs::read(path(dir)) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(dir, WATCHES_FILE)(e)),
    };
    let bad = |reason: String| Error::BadWatches {
        path: path(dir),
        reason,
    };
    let file: File = serde_json::from_slice(&bytes).map_err(|e| bad(e.to_string()))?;
    if file.version != VERSION {
        return Err(bad(format!(
            "format {} (this podium reads format {VERSION})",
            file.version
        )));
    }
    Ok(file.watches)
}

/// Changes the saved searches with `change` under the lock, and writes
/// them back when `change` succeeds (returning what it returned). The
/// index directory must exist.
pub fn update<T>(dir: &Path, change: impl FnOnce(&mut Vec<Watch>) -> Result<T>) -> Result<T> {
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(LOCK_FILE))
        .map_err(io(dir, LOCK_FILE))?;
    // Blocking: changes are small and quick, a second one waits its turn.
    lock.lock().map_err(io(dir, LOCK_FILE))?;
    let mut watches = load(dir)?;
    let out = change(&mut watches)?;
    save(dir, &watches)?;
    Ok(out)
}

/// Writes the file whole, under a temporary name first.
fn save(dir: &Path, watches: &[Watch]) -> Result<()> {
    let file = File {
        version: VERSION,
        watches: watches.to_vec(),
    };
    let mut json = serde_json::to_vec_pretty(&file)?;
    json.push(b'\n');
    let tmp = dir.join(format!("{WATCHES_FILE}.tmp"));
    let write = || -> std::io::Result<()> {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(&json)?;
        f.sync_all()?;
        fs::rename(&tmp, path(dir))
    };
    write().map_err(io(dir, WATCHES_FILE))
}

/// What the indexer asks of saved searches at each commit
/// ([`journal::Readers`]): `None` when the index in `dir` has none (it
/// need not record what the commit adds; a search saved while a run is
/// committing may thus miss that one commit's passages, every later one
/// is recorded), else the journal generation every saved search has seen:
/// the lowest cursor. When the file cannot be read, 0: the journal keeps
/// everything rather than lose what a saved search has not seen (and the
/// commit goes on: indexing does not depend on saved searches).
pub fn readers() -> journal::Readers {
    journal::Readers::new(|dir, _committed| match load(dir) {
        Ok(watches) => watches.iter().map(|w| w.cursor).min(),
        Err(_) => Some(0),
    })
}
