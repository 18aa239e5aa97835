//! Progress of an index build, for whoever wants to show it.
//!
//! Indexing a large corpus takes minutes; a user at a terminal wants to see
//! files, megabytes and passages go by, the rate and the time left. The
//! writer knows when each file is done but must not know how (or whether)
//! that is shown: it calls a [`Progress`] through a [`ProgressHook`], which
//! does nothing unless the caller installed a reporter (the command line
//! installs a progress bar when stderr is a terminal).

use std::fmt;
use std::sync::Arc;

use crate::corpus::Source;

/// The passes of a build, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pass {
    /// Every source is read and parsed on its own, to learn the speakers.
    Survey,
    /// Every source is parsed again with that knowledge and indexed.
    Index,
    /// The index is committed to disk (tantivy merges its segments).
    Commit,
}

impl Pass {
    /// A word for people.
    pub fn as_str(self) -> &'static str {
        match self {
            Pass::Survey => "reading",
            Pass::Index => "indexing",
            Pass::Commit => "committing",
        }
    }
}

/// Receives a build's progress. Called from the writer's worker threads.
pub trait Progress: Send + Sync {
    /// A pass begins over `sources` (all of them, in order).
    fn begin(&self, pass: Pass, sources: &[Source]);
    /// One source is done in the current pass; `passages` it gave.
    fn file(&self, pass: Pass, source: &Source, passages: usize);
    /// The build is over (committed or failed).
    fn finish(&self);
    /// A first build committed a checkpoint: `done` of the `total`
    /// documents it writes are in the index, and a run killed from now on
    /// resumes from them. Most reporters have nothing to show.
    fn checkpoint(&self, _done: usize, _total: usize) {}
}

/// An optional [`Progress`]: what the writer holds. The default reports to
/// nobody, at the cost of one branch per file.
#[derive(Clone, Default)]
pub struct ProgressHook(Option<Arc<dyn Progress>>);

impl ProgressHook {
    pub fn new(progress: impl Progress + 'static) -> ProgressHook {
        ProgressHook(Some(Arc::new(progress)))
    }

    pub fn begin(&self, pass: Pass, sources: &[Source]) {
        if let Some(p) = &self.0 {
            p.begin(pass, sources);
        }
    }

    pub fn file(&self, pass: Pass, source: &Source, passages: usize) {
        if let Some(p) = &self.0 {
            p.file(pass, source, passages);
        }
    }

    pub fn finish(&self) {
        if let Some(p) = &self.0 {
            p.finish();
        }
    }

    pub fn checkpoint(&self, done: usize, total: usize) {
        if let Some(p) = &self.0 {
            p.checkpoint(done, total);
        }
    }
}

impl fmt::Debug for ProgressHook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_some() {
            "ProgressHook(on)"
        } else {
            "ProgressHook(off)"
        })
    }
}

/// The size of a source in bytes as stored (the file's size, a record's
/// line), for byte counts and rates. 0 when the file cannot be read; the
/// build reports that itself.
pub fn source_bytes(source: &Source) -> u64 {
    match source {
        Source::File { path, .. } => std::fs::metadata(path).map_or(0, |m| m.len()),
        Source::Embedded { text, .. } => text.len() as u64,
        Source::Record { span, .. } => span.len,
    }
}
