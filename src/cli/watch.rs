//! `podium watch`: saved searches that report what is new (`add`, `list`,
//! `remove`, `check`). Thin: arguments → [`podium::watch`] → output.
//!
//! `check` exits 0 when something is new, 1 when nothing is, 2 on error,
//! so cron can run it and act on the code. Cursors move only once the
//! report is written: a failed write reports the same passages next time.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};

use super::args::{open_or_build_with, SynonymArgs};
use super::{examples, GlobalArgs, IndexLocation, NO_HITS};
use podium::error::Error;
use podium::index;
use podium::render::{alerts, sanitize, Format};
use podium::search::{self, Options};
use podium::transcript::Role;
use podium::watch::{self, Spec};

#[derive(Debug, Args)]
pub struct WatchArgs {
    #[command(subcommand)]
    pub command: WatchCommand,
}

#[derive(Debug, Subcommand)]
pub enum WatchCommand {
    /// Save a search under a name; `watch check` then reports what is indexed after now.
    #[command(
        after_help = examples::after_help("watch add")
    )]
    Add(AddArgs),
    /// List the saved searches.
    #[command(after_help = examples::after_help("watch list"))]
    List(ListArgs),
    /// Remove a saved search.
    #[command(after_help = examples::after_help("watch remove"))]
    Remove(RemoveArgs),
    /// Print, per saved search, the matching passages added since its last check (exit 1: nothing new).
    #[command(
        after_help = examples::after_help("watch check")
    )]
    Check(CheckArgs),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The name: letters, digits, '-' and '_' (the feed is /feeds/NAME.atom).
    #[arg(value_name = "NAME")]
    pub name: String,
    /// The query, as `podium search` takes it; "" with --speaker (or another filter) follows everything they say.
    #[arg(value_name = "QUERY", allow_hyphen_values = true)]
    pub query: String,
    /// Only passages by this speaker; repeat for any of several.
    #[arg(long, value_name = "NAME")]
    pub speaker: Vec<String>,
    /// Only passages by speakers of this outlet or organisation; repeat for any of several.
    #[arg(long, value_name = "NAME")]
    pub outlet: Vec<String>,
    /// Only passages in this role: official, moderator, journalist, narration (or minister, chair, reporter…).
    #[arg(long, value_name = "ROLE", value_parser = search::role::parse)]
    pub role: Option<Role>,
    /// Only passages dated on or after DATE (as `podium search --since`; a time back from today, such as 30d, moves with each check).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    #[command(flatten)]
    pub location: IndexLocation,
    #[command(flatten)]
    pub synonyms: SynonymArgs,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub location: IndexLocation,
    /// One JSON object per saved search, one per line.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    #[arg(value_name = "NAME")]
    pub name: String,
    #[command(flatten)]
    pub location: IndexLocation,
}

/// What `watch check` can print.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Per saved search, a line and its new passages as `podium search` shows hits.
    #[default]
    Text,
    /// One JSON object per new passage (the hit `search --json` prints, with "watch").
    Json,
    /// One row per new passage: the saved search's name, then `search --format tsv`'s columns.
    Tsv,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Saved searches to check [default: all of them].
    #[arg(value_name = "NAME")]
    pub names: Vec<String>,
    #[command(flatten)]
    pub location: IndexLocation,
    /// Output format.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Leave out TSV's header row (for appending to one file run after run).
    #[arg(long)]
    pub no_header: bool,
    #[command(flatten)]
    pub synonyms: SynonymArgs,
}

pub fn run(args: &WatchArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    match &args.command {
        WatchCommand::Add(a) => add(a, global),
        WatchCommand::List(a) => list(a, global),
        WatchCommand::Remove(a) => remove(a, global),
        WatchCommand::Check(a) => check(a, global),
    }
}

/// The index directory, which must hold an index.
fn existing(location: &IndexLocation) -> anyhow::Result<std::path::PathBuf> {
    let dir = location.path();
    if !index::exists(&dir) {
        return Err(Error::NoIndex { path: dir }.into());
    }
    Ok(dir)
}

fn add(a: &AddArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let opts = Options {
        synonyms: a.synonyms.load()?,
    };
    let index = open_or_build_with(&a.location, global.quiet)?;
    let spec = Spec {
        name: a.name.clone(),
        query: a.query.clone(),
        speakers: a.speaker.clone(),
        outlets: a.outlet.clone(),
        role: a.role,
        since: a.since.clone(),
    };
    let w = watch::add(&index, spec, &opts)?;
    if !global.quiet {
        eprintln!(
            "podium: saved '{}' ({}); `podium watch check {}` reports what is indexed from now on",
            w.name,
            sanitize(&w.describe()),
            w.name
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn list(a: &ListArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let dir = existing(&a.location)?;
    let watches = watch::store::load(&dir)?;
    let format = if a.json { Format::Json } else { Format::Text };
    let mut out = io::stdout().lock();
    alerts::list(&mut out, &global.output(format), &watches)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn remove(a: &RemoveArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let dir = existing(&a.location)?;
    let w = watch::remove(&dir, &a.name)?;
    if !global.quiet {
        eprintln!("podium: removed '{}' ({})", w.name, sanitize(&w.describe()));
    }
    Ok(ExitCode::SUCCESS)
}

fn check(a: &CheckArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let opts = Options {
        synonyms: a.synonyms.load()?,
    };
    let dir = existing(&a.location)?;
    let index = index::PodiumIndex::open(&dir)?;
    let reports = watch::check(&index, &a.names, &opts)?;
    let format = match a.format {
        CheckFormat::Text => Format::Text,
        CheckFormat::Json => Format::Json,
        CheckFormat::Tsv => Format::Tsv,
    };
    let mut out = io::stdout().lock();
    alerts::reports(&mut out, &global.output(format), &reports, !a.no_header)?;
    out.flush()?;
    // Written: now the cursors may move.
    watch::advance(&dir, &reports)?;
    let new = reports.iter().any(|r| r.results.total > 0);
    Ok(if new {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(NO_HITS)
    })
}
