//! `podium index`: transcripts → index, incrementally.
//!
//! Run it again and again on the same folders: new files are added, changed
//! ones replaced, unchanged ones left alone, and a run with nothing to do
//! writes nothing. `--prune` drops documents whose files are gone;
//! `--rebuild` starts over. With no PATH it brings the existing index up to
//! date with its own files (or, when there is no index yet, builds one from
//! the sample briefings).

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use super::{GlobalArgs, IndexLocation};
use podium::corpus::{self, Source};
use podium::error::Error;
use podium::index::codec;
use podium::index::progress::ProgressHook;
use podium::index::writer::{self, BuildOptions, BuildSummary};
use podium::render::progress::{CheckpointLines, IndexBar};
use podium::render::{json, sanitize};
use podium::search::period::parse_day;

#[derive(Debug, Clone, Args)]
pub struct IndexArgs {
    /// Transcript files or folders (folders are walked for .txt, .md, .html, .jsonl and their variants; a JSON lines file gives one document per record) [default: the files the index holds; seeds/ for a new index]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub location: IndexLocation,
    /// Date for transcripts whose text gives none: one fixed day (2024-03-28, "March 28, 2024").
    #[arg(long, value_name = "DAY")]
    pub date: Option<String>,
    /// Remove documents whose files no longer exist.
    #[arg(long)]
    pub prune: bool,
    /// Start over: the index becomes exactly the PATHs given (also replaces
    /// an index that is damaged or from another version).
    #[arg(long)]
    pub rebuild: bool,
    /// A first build commits a checkpoint every DOCS documents, and a
    /// build stopped midway (killed, out of memory, Ctrl-C) resumes from
    /// the last one when run again; 0 for none [default: every sixth of
    /// the build, at least 1000 documents apart].
    #[arg(long, value_name = "DOCS")]
    pub checkpoint_every: Option<usize>,
    /// Print the summary as one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// The sources for a default build: `seeds/` in the current directory if
/// it is there, else the copy compiled into the binary.
pub fn default_sources() -> (Vec<Source>, String) {
    let seeds = Path::new("seeds");
    if seeds.is_dir() {
        let (sources, _) = corpus::discover(&[seeds.to_path_buf()]);
        if !sources.is_empty() {
            return (sources, "seeds/".into());
        }
    }
    (
        corpus::embedded_seeds(),
        "the built-in sample briefings".into(),
    )
}

/// Builds the index in `dir` and returns what happened.
pub fn build(dir: &Path, sources: &[Source], date: Option<&str>) -> anyhow::Result<BuildSummary> {
    build_with(dir, sources, date, BuildOptions::default())
}

/// Builds or updates the index in `dir` with `opts` (its date replaced by
/// `date`, checked here; progress reported to `opts.progress`).
pub fn build_with(
    dir: &Path,
    sources: &[Source],
    date: Option<&str>,
    opts: BuildOptions,
) -> anyhow::Result<BuildSummary> {
    let fallback_date = date
        .map(|d| parse_day(d).and_then(codec::storable))
        .transpose()?;
    // Every build from the command line records what it adds for the
    // index's saved searches, if it has any.
    let opts = BuildOptions {
        fallback_date,
        readers: podium::watch::store::readers(),
        ..opts
    };
    writer::build(dir, sources, &opts).with_context(|| format!("indexing into {}", dir.display()))
}

pub fn run(args: &IndexArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let dir = args.location.path();
    let (sources, mut warnings) = if !args.paths.is_empty() {
        corpus::discover(&args.paths)
    } else if podium::index::exists(&dir) && !args.rebuild {
        // No PATH: bring the index up to date with its own files.
        (Vec::new(), Vec::new())
    } else {
        (default_sources().0, Vec::new())
    };
    if !args.paths.is_empty() && sources.is_empty() {
        print_warnings(&warnings);
        return Err(Error::NothingToIndex {
            reason: "no transcript files found".into(),
            warnings: Vec::new(),
        }
        .into());
    }
    // A progress bar for people watching a terminal; nothing for pipes,
    // logs and --quiet.
    let progress = if global.quiet {
        ProgressHook::default()
    } else if io::stderr().is_terminal() {
        ProgressHook::new(IndexBar::stderr())
    } else {
        ProgressHook::new(CheckpointLines)
    };
    let opts = BuildOptions {
        prune: args.prune,
        rebuild: args.rebuild,
        checkpoint_every: args.checkpoint_every,
        progress,
        ..BuildOptions::default()
    };
    let mut summary = match build_with(&dir, &sources, args.date.as_deref(), opts) {
        Ok(s) => s,
        Err(e) => {
            // Nothing could be indexed: say why, file by file, before the
            // error (which only counts the files).
            if let Some(Error::NothingToIndex { warnings: why, .. }) = e.downcast_ref::<Error>() {
                print_warnings(&warnings);
                print_warnings(why);
            }
            return Err(e);
        }
    };
    if global.quiet {
        return Ok(ExitCode::SUCCESS);
    }
    warnings.append(&mut summary.warnings);
    summary.warnings = warnings;
    let mut out = io::stdout().lock();
    if args.json {
        #[derive(serde::Serialize)]
        struct Report<'a> {
            index: String,
            #[serde(flatten)]
            summary: &'a BuildSummary,
        }
        json::line(
            &mut out,
            &Report {
                index: dir.display().to_string(),
                summary: &summary,
            },
        )?;
    } else {
        print_summary(&mut out, &dir, &summary)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Warnings on stderr, one per line, as `podium: warning: FILE: REASON`.
fn print_warnings(warnings: &[podium::error::Warning]) {
    for w in warnings {
        eprintln!("podium: warning: {}", sanitize(&w.to_string()));
    }
}

/// The human summary of a build: what the index holds, what changed,
/// then every warning with its file.
pub fn print_summary(out: &mut impl Write, dir: &Path, s: &BuildSummary) -> io::Result<()> {
    let dir = dir.display().to_string();
    let dir = sanitize(&dir);
    if s.committed {
        writeln!(
            out,
            "indexed {} documents, {} passages, {} speakers into {dir}",
            s.documents, s.passages, s.speakers
        )?;
    } else {
        writeln!(
            out,
            "nothing to change: {dir} holds {} documents, {} passages, {} speakers",
            s.documents, s.passages, s.speakers
        )?;
    }
    let mut changes = format!(
        "{} added, {} updated, {} unchanged, {} removed, {} skipped",
        s.added, s.updated, s.unchanged, s.removed, s.skipped
    );
    if s.refreshed > 0 {
        changes.push_str(&format!(
            "; {} refreshed (their republished passages or speakers changed elsewhere)",
            s.refreshed
        ));
    }
    if s.moved > 0 {
        changes.push_str(&format!(
            "; {} moved (records now cited by their new line)",
            s.moved
        ));
    }
    writeln!(out, "{changes}")?;
    if s.resumed {
        writeln!(
            out,
            "resumed a first build stopped at a checkpoint: its {} documents were kept",
            s.unchanged
        )?;
    }
    if s.missing > 0 {
        writeln!(
            out,
            "{} indexed document{} kept although {} gone; --prune removes {}",
            s.missing,
            if s.missing == 1 { " is" } else { "s are" },
            if s.missing == 1 {
                "its file is"
            } else {
                "their files are"
            },
            if s.missing == 1 { "it" } else { "them" }
        )?;
    }
    if s.republished > 0 {
        writeln!(
            out,
            "{} republished passages were indexed once, from the fuller briefing",
            s.republished
        )?;
    }
    if !s.warnings.is_empty() {
        let n = s.warnings.len();
        writeln!(out, "{n} warning{}:", if n == 1 { "" } else { "s" })?;
        for w in &s.warnings {
            writeln!(out, "warning: {}", sanitize(&w.to_string()))?;
        }
    }
    Ok(())
}
