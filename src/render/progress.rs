//! The indexing progress bar (indicatif), drawn on stderr.
//!
//! ```text
//!   indexing [#####>------] 213/493 files  6.9/16.0 MB  31,280 passages  2.95 MB/s  ETA 3s
//! ```
//!
//! It appears only when the build has run for [`SHOW_AFTER`] (short builds
//! stay silent, as fd and cargo do), only when stderr is a terminal, and
//! never with `--quiet`; the caller decides the last two by installing it
//! or not. The bar covers bytes of input read, so big and small files count
//! for what they weigh; files and passages are counted in the message. A
//! JSON lines file is one file however many records it holds (the writer
//! reports it record by record): it counts when its last record is done,
//! and its bytes move the bar as its records go. It clears itself when the
//! build ends, leaving the summary alone on screen.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::corpus::Source;
use crate::index::progress::{source_bytes, Pass, Progress};

/// How long a build runs before the bar shows.
pub const SHOW_AFTER: Duration = Duration::from_secs(2);

/// Fits an 80-column terminal: the bar takes what the text leaves.
const BAR: &str = "{prefix:>10.bold} [{wide_bar}] {msg}  {decimal_bytes_per_sec}  ETA {eta}";
const SPINNER: &str = "{prefix:>10.bold} {spinner} {msg} ({elapsed})";

/// A progress bar for `podium index`.
pub struct IndexBar {
    bar: ProgressBar,
    /// Where to draw once shown.
    target: Mutex<Option<ProgressDrawTarget>>,
    shown: AtomicBool,
    started: Instant,
    delay: Duration,
    files: AtomicU64,
    files_total: AtomicU64,
    passages: AtomicU64,
    /// Records of each JSON lines file not done yet in this pass: the file
    /// counts as done when the last one is.
    records_left: Mutex<HashMap<Arc<Path>, usize>>,
}

impl IndexBar {
    /// A bar drawn on stderr after [`SHOW_AFTER`].
    pub fn stderr() -> IndexBar {
        IndexBar::new(ProgressDrawTarget::stderr(), SHOW_AFTER)
    }

    /// A bar drawn on `target` once the build has run for `delay`.
    pub fn new(target: ProgressDrawTarget, delay: Duration) -> IndexBar {
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::hidden());
        bar.set_style(bar_style());
        IndexBar {
            bar,
            target: Mutex::new(Some(target)),
            shown: AtomicBool::new(false),
            started: Instant::now(),
            delay,
            files: AtomicU64::new(0),
            files_total: AtomicU64::new(0),
            passages: AtomicU64::new(0),
            records_left: Mutex::new(HashMap::new()),
        }
    }

    /// Starts drawing once the delay has passed.
    fn maybe_show(&self) {
        if self.shown.load(Ordering::Relaxed) || self.started.elapsed() < self.delay {
            return;
        }
        if let Ok(mut target) = self.target.lock() {
            if let Some(t) = target.take() {
                self.bar.set_draw_target(t);
                self.shown.store(true, Ordering::Relaxed);
            }
        }
    }

    fn message(&self) -> String {
        let mb = |b: u64| b as f64 / 1e6;
        format!(
            "{}/{} files  {:.1}/{:.1} MB  {} passages",
            self.files.load(Ordering::Relaxed),
            self.files_total.load(Ordering::Relaxed),
            mb(self.bar.position()),
            mb(self.bar.length().unwrap_or(0)),
            thousands(self.passages.load(Ordering::Relaxed))
        )
    }
}

fn bar_style() -> ProgressStyle {
    ProgressStyle::with_template(BAR)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("#>-")
}

/// `18204` → `18,204`.
fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl Progress for IndexBar {
    fn begin(&self, pass: Pass, sources: &[Source]) {
        self.bar.set_prefix(pass.as_str());
        if pass == Pass::Commit {
            self.bar.set_style(
                ProgressStyle::with_template(SPINNER)
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            self.bar.set_message(format!(
                "{} passages",
                thousands(self.passages.load(Ordering::Relaxed))
            ));
            self.bar.enable_steady_tick(Duration::from_millis(120));
            self.maybe_show();
            return;
        }
        let total: u64 = sources.iter().map(source_bytes).sum();
        let mut records: HashMap<Arc<Path>, usize> = HashMap::new();
        let mut files = 0;
        for s in sources {
            match s {
                Source::Record { path, .. } => *records.entry(Arc::clone(path)).or_default() += 1,
                _ => files += 1,
            }
        }
        files += records.len();
        if let Ok(mut left) = self.records_left.lock() {
            *left = records;
        }
        self.files.store(0, Ordering::Relaxed);
        self.files_total.store(files as u64, Ordering::Relaxed);
        if pass == Pass::Index {
            // Passages counted in the survey are counted again as written.
            self.passages.store(0, Ordering::Relaxed);
        }
        self.bar.set_length(total);
        self.bar.set_position(0);
        self.bar.reset_eta();
        self.bar.set_message(self.message());
        self.maybe_show();
    }

    fn file(&self, _pass: Pass, source: &Source, passages: usize) {
        let file_done = match source {
            Source::Record { path, .. } => {
                self.records_left
                    .lock()
                    .is_ok_and(|mut left| match left.get_mut(path) {
                        Some(n) => {
                            *n = n.saturating_sub(1);
                            *n == 0
                        }
                        None => false,
                    })
            }
            _ => true,
        };
        if file_done {
            self.files.fetch_add(1, Ordering::Relaxed);
        }
        self.passages.fetch_add(passages as u64, Ordering::Relaxed);
        self.bar.inc(source_bytes(source));
        self.bar.set_message(self.message());
        self.maybe_show();
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }

    fn checkpoint(&self, done: usize, total: usize) {
        self.bar.println(checkpoint_line(done, total));
    }
}

/// What a first build says at each checkpoint, above the bar or as a line
/// of its own.
pub fn checkpoint_line(done: usize, total: usize) -> String {
    format!(
        "checkpoint: {} of {} documents committed; a build stopped from now on resumes here",
        thousands(done as u64),
        thousands(total as u64)
    )
}

/// Where there is no bar (stderr is a file or a pipe: a long build run
/// from cron or a script), one line on stderr per checkpoint, so that the
/// log shows how far a stopped build got.
pub struct CheckpointLines;

impl Progress for CheckpointLines {
    fn begin(&self, _pass: Pass, _sources: &[Source]) {}
    fn file(&self, _pass: Pass, _source: &Source, _passages: usize) {}
    fn finish(&self) {}
    fn checkpoint(&self, done: usize, total: usize) {
        eprintln!("podium: {}", checkpoint_line(done, total));
    }
}

impl Drop for IndexBar {
    fn drop(&mut self) {
        if !self.bar.is_finished() {
            self.bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use indicatif::InMemoryTerm;

    #[test]
    fn shows_files_bytes_passages_rate_and_eta() {
        let term = InMemoryTerm::new(4, 80);
        let bar = IndexBar::new(
            ProgressDrawTarget::term_like(Box::new(term.clone())),
            Duration::ZERO,
        );
        let dir = tempfile::tempdir().expect("tmp");
        let sources: Vec<Source> = (0..4)
            .map(|i| {
                let path = dir.path().join(format!("s{i}.txt"));
                std::fs::write(&path, "Q: Does the harbour open today?\n".repeat(20_000))
                    .expect("write");
                Source::File {
                    display: path.display().to_string(),
                    path,
                }
            })
            .collect();
        bar.begin(Pass::Survey, &sources);
        bar.file(Pass::Survey, &sources[0], 2);
        bar.file(Pass::Survey, &sources[1], 2);
        bar.bar.tick();
        let screen = term.contents();
        assert!(screen.contains("reading"), "{screen}");
        assert!(screen.contains("2/4 files"), "{screen}");
        assert!(screen.contains("4 passages"), "{screen}");
        assert!(screen.contains("1.3/2.6 MB"), "{screen}");
        assert!(screen.contains("B/s"), "{screen}");
        assert!(screen.contains("ETA"), "{screen}");
        // One line on an 80-column terminal.
        assert_eq!(screen.trim_end().lines().count(), 1, "{screen}");
        bar.finish();
        assert!(
            term.contents().trim().is_empty(),
            "cleared: {}",
            term.contents()
        );
    }

    #[test]
    fn a_json_lines_file_counts_as_one_file_when_its_last_record_is_done() {
        let term = InMemoryTerm::new(4, 100);
        let bar = IndexBar::new(
            ProgressDrawTarget::term_like(Box::new(term.clone())),
            Duration::ZERO,
        );
        let path: Arc<Path> = Arc::from(Path::new("feed.jsonl"));
        let record = |line| {
            crate::corpus::record_source(
                &path,
                "feed.jsonl",
                crate::input::jsonl::Span {
                    line,
                    len: 1000,
                    ..Default::default()
                },
            )
        };
        let sources = vec![
            record(1),
            record(2),
            record(3),
            Source::Embedded {
                name: "s.txt".into(),
                text: "Q: Open?\n",
            },
        ];
        bar.begin(Pass::Survey, &sources);
        let screen = |bar: &IndexBar| {
            bar.bar.tick();
            term.contents()
        };
        assert!(screen(&bar).contains("0/2 files"), "{}", term.contents());
        bar.file(Pass::Survey, &sources[0], 1);
        bar.file(Pass::Survey, &sources[1], 1);
        assert!(screen(&bar).contains("0/2 files"), "{}", term.contents());
        bar.file(Pass::Survey, &sources[2], 1);
        assert!(screen(&bar).contains("1/2 files"), "{}", term.contents());
        bar.file(Pass::Survey, &sources[3], 1);
        assert!(screen(&bar).contains("2/2 files"), "{}", term.contents());
        // The next pass counts again.
        bar.begin(Pass::Index, &sources);
        bar.file(Pass::Index, &sources[1], 1);
        assert!(screen(&bar).contains("0/2 files"), "{}", term.contents());
        bar.finish();
    }

    #[test]
    fn stays_hidden_before_the_delay() {
        let term = InMemoryTerm::new(4, 160);
        let bar = IndexBar::new(
            ProgressDrawTarget::term_like(Box::new(term.clone())),
            Duration::from_secs(3600),
        );
        let sources = vec![Source::Embedded {
            name: "s.txt".into(),
            text: "Q: Open?\n",
        }];
        bar.begin(Pass::Survey, &sources);
        bar.file(Pass::Survey, &sources[0], 1);
        bar.bar.tick();
        assert!(term.contents().trim().is_empty());
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(18204), "18,204");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }
}
