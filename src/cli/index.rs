//! `podium index`: transcripts → index.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use super::{GlobalArgs, IndexLocation};
use crate::corpus::{self, Source};
use crate::index::progress::ProgressHook;
use crate::index::writer::{self, BuildOptions, BuildSummary};
use crate::render::progress::IndexBar;
use crate::render::{json, sanitize};
use crate::search::filter::{parse_date, Bound};

#[derive(Debug, Clone, Args)]
pub struct IndexArgs {
    /// Transcript files or folders [default: seeds/]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub location: IndexLocation,
    /// Date (YYYY-MM-DD) for transcripts whose text gives none.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
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
    build_with(dir, sources, date, ProgressHook::default())
}

/// [`build`], telling `progress` as each file is done.
pub fn build_with(
    dir: &Path,
    sources: &[Source],
    date: Option<&str>,
    progress: ProgressHook,
) -> anyhow::Result<BuildSummary> {
    let fallback_date = date
        .map(|d| {
            parse_date(d, Bound::Start).and_then(|parsed| {
                // --date takes a day, not a period.
                if d.len() == 10 {
                    Ok(parsed)
                } else {
                    Err(crate::error::Error::BadDate(d.to_string()))
                }
            })
        })
        .transpose()?;
    let opts = BuildOptions {
        fallback_date,
        progress,
        ..BuildOptions::default()
    };
    writer::build(dir, sources, &opts).with_context(|| format!("indexing into {}", dir.display()))
}

pub fn run(args: &IndexArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let dir = args.location.path();
    let (sources, mut warnings) = if args.paths.is_empty() {
        (default_sources().0, Vec::new())
    } else {
        corpus::discover(&args.paths)
    };
    // A progress bar for people watching a terminal; nothing for pipes,
    // logs and --quiet.
    let progress = if !global.quiet && io::stderr().is_terminal() {
        ProgressHook::new(IndexBar::stderr())
    } else {
        ProgressHook::default()
    };
    let mut summary = build_with(&dir, &sources, args.date.as_deref(), progress)?;
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
    Ok(ExitCode::SUCCESS)
}

/// The human summary of a build: counts, then every warning with its file.
pub fn print_summary(out: &mut impl Write, dir: &Path, s: &BuildSummary) -> io::Result<()> {
    writeln!(
        out,
        "indexed {} documents, {} passages, {} speakers into {}",
        s.documents,
        s.passages,
        s.speakers,
        dir.display()
    )?;
    if s.republished > 0 {
        writeln!(
            out,
            "{} republished passages were indexed once, from the fuller briefing",
            s.republished
        )?;
    }
    if !s.warnings.is_empty() {
        writeln!(out, "{} warnings:", s.warnings.len())?;
        for w in &s.warnings {
            writeln!(out, "warning: {}", sanitize(&w.to_string()))?;
        }
    }
    Ok(())
}
