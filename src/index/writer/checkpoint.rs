//! Checkpoints: a first build that is killed resumes where it stopped.
//!
//! A run's work is one tantivy commit, so that readers never see half of
//! an update (see [`crate::index`]). For a *first* build there is no
//! earlier index to protect, and one commit at the end means a build of a
//! large archive killed at 90% (a reboot, an out-of-memory kill, a
//! Ctrl-C) starts again from nothing. So a first build commits as it goes:
//! after every [`Checkpoints::every`] documents written (a sixth of the build by default), the index, its
//! manifest and a state marked as a checkpoint ([`crate::index::State::checkpoint`]) are committed like any
//! other commit (atomically, journal first).
//!
//! A checkpoint is an ordinary index of the documents written so far, and
//! its state is exactly what the finished build would hold for them: pass 2
//! starts only after the survey of the *whole* corpus, so what was written
//! was written with the knowledge and the owners of republished passages the
//! whole build uses. The next run is then an ordinary incremental run: the
//! documents of the checkpoint are unchanged and kept (not even parsed again
//! when the survey gives the same knowledge: the checkpoint keeps its
//! fingerprint), the rest are new and written, and the result is the index an uninterrupted build gives (the
//! resume test kills builds at random moments and compares). That run goes
//! on committing checkpoints while the state it started from is
//! a checkpoint, and its last commit clears the mark.
//!
//! Rebuilds and updates of a finished index do not checkpoint: their
//! readers have a whole index, and a killed run must leave it whole.

use super::pass2::Written;
use super::plan::Entry;
use crate::index::DocState;

/// When a first build commits, in documents written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Checkpoints {
    /// Documents written between two commits; `usize::MAX` for none.
    pub(super) every: usize,
}

/// The fewest documents between checkpoints when the user does not say:
/// below that a build is short enough to run again, and a commit (segments
/// flushed, manifest and state written) would cost more than it saves.
const MIN_EVERY: usize = 1000;

/// How many parts a long first build is committed in by default: a build
/// killed at any moment loses at most a sixth of its work, and the
/// manifests and states written along the way add up to at most about three
/// times the final ones (the k-th holds k sixths). Each part is a segment
/// (no merging during the build, see [`super::build`]), and six segments of
/// a size are fewer than tantivy's merge policy merges (eight), so a
/// checkpointed build does not end by reading the whole index back to
/// merge it; searches pay ~5% for six segments instead of two.
pub(super) const PER_BUILD: usize = 6;

impl Checkpoints {
    /// The checkpoints of a run that writes `to_write` documents: none
    /// unless it is a first build (`first`), else every `asked` documents
    /// (`Some(0)`: none), else every [`PER_BUILD`]-th part of the build but
    /// at least [`MIN_EVERY`] documents apart.
    pub(super) fn new(first: bool, asked: Option<usize>, to_write: usize) -> Checkpoints {
        let every = match asked {
            _ if !first => usize::MAX,
            Some(0) => usize::MAX,
            Some(n) => n,
            None => to_write.div_ceil(PER_BUILD).max(MIN_EVERY),
        };
        Checkpoints { every }
    }
}

/// The state of entry `e` when it was not written in this run (yet): as
/// it was indexed before, or `None` when it is not in the index (new, not
/// written yet, or a renamed record whose old passages were deleted).
pub(super) fn kept_state(e: &Entry) -> Option<DocState> {
    let p = e.prev.as_ref()?;
    if e.renamed() {
        // Its old passages were deleted first, and nothing was written in
        // their place (yet).
        return None;
    }
    let mut d = p.clone();
    // A record split in this run: where it is now, and the FILE#LINE it is
    // shown by (its passages, stored under its content, stay as they are).
    if let (Some(place), Some(stamp)) = (&e.record, e.stamp) {
        d.record = Some(place.clone());
        d.stamp = stamp;
        d.info.file.clone_from(&e.display);
    }
    Some(d)
}

/// The documents of a checkpoint: those written so far with their survey's
/// parts (which the last commit moves in instead, see [`super::build`]),
/// and the others as they were.
pub(super) fn documents(entries: &[Entry], results: &[Option<Written>]) -> Vec<DocState> {
    entries
        .iter()
        .zip(results)
        .filter_map(|(e, r)| match r {
            Some(w) => {
                let mut d = w.state.clone();
                if let Some(s) = &e.fresh {
                    d.keys.clone_from(&s.keys);
                    d.survey = s.registry.clone();
                }
                Some(d)
            }
            None => kept_state(e),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_first_builds_checkpoint() {
        assert_eq!(Checkpoints::new(false, Some(5), 100).every, usize::MAX);
        assert_eq!(Checkpoints::new(false, None, 1_000_000).every, usize::MAX);
    }

    #[test]
    fn asked_for_or_a_sixth_of_the_build_but_not_too_often() {
        assert_eq!(Checkpoints::new(true, Some(5), 100).every, 5);
        assert_eq!(Checkpoints::new(true, Some(0), 100).every, usize::MAX);
        assert_eq!(Checkpoints::new(true, None, 100).every, MIN_EVERY);
        assert_eq!(Checkpoints::new(true, None, 60_001).every, 10_001);
    }
}
