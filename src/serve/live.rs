//! The index as the server sees it: one shared, open index, replaced when
//! `podium index` commits.
//!
//! Every request asks [`LiveIndex::current`], which looks at `meta.json`
//! (one `stat`). tantivy renames a new `meta.json` over the old one at each
//! commit, so a changed size, time or inode means a new commit: the index
//! is opened again (the reader, and the manifest with the speaker registry,
//! which a tantivy reader reload alone would leave stale) and swapped in.
//! Requests already running keep the `Arc` of the index they started with;
//! podium keeps the previous commit's files one commit longer, so they
//! finish on a consistent view. If the new commit cannot be opened (an
//! index being rebuilt from scratch is briefly empty), the last good index
//! keeps serving and the next request tries again.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::SystemTime;

use crate::error::Result;
use crate::index::PodiumIndex;

/// What identifies a commit on disk without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
    inode: u64,
}

fn stamp(dir: &Path) -> Option<Stamp> {
    let m = std::fs::metadata(dir.join("meta.json")).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&m);
    #[cfg(not(unix))]
    let inode = 0;
    Some(Stamp {
        modified: m.modified().ok(),
        len: m.len(),
        inode,
    })
}

struct Current {
    index: Arc<PodiumIndex>,
    stamp: Option<Stamp>,
}

/// The one index every request reads, kept up to date with the disk.
pub struct LiveIndex {
    dir: PathBuf,
    current: Mutex<Current>,
}

impl LiveIndex {
    /// Serves `index`, opened from `index.dir`.
    pub fn new(index: PodiumIndex) -> LiveIndex {
        let dir = index.dir.clone();
        let stamp = stamp(&dir);
        LiveIndex {
            dir,
            current: Mutex::new(Current {
                index: Arc::new(index),
                stamp,
            }),
        }
    }

    /// The index of the last commit that could be opened.
    pub fn current(&self) -> Arc<PodiumIndex> {
        let now = stamp(&self.dir);
        // A panic elsewhere cannot leave `Current` half-written (it is
        // replaced whole), so a poisoned lock is still good.
        let mut cur = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        if now.is_some() && now != cur.stamp {
            match reopen(&self.dir) {
                Ok(index) => {
                    cur.index = Arc::new(index);
                    cur.stamp = now;
                }
                Err(e) => eprintln!(
                    "podium: note: the index changed but cannot be opened yet ({}); still serving the last commit",
                    crate::render::sanitize(&e.to_string())
                ),
            }
        }
        Arc::clone(&cur.index)
    }
}

fn reopen(dir: &Path) -> Result<PodiumIndex> {
    let index = PodiumIndex::open(dir)?;
    // Searches with speaker filters and `/api/speakers` need the registry:
    // read it now, so a manifest that cannot be read keeps the old index.
    index.manifest()?;
    Ok(index)
}
