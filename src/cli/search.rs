//! `podium search`: query → ranked passages.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Args;

use super::{index as index_cmd, FormatArgs, GlobalArgs, IndexLocation, NO_HITS};
use crate::index::{self, PodiumIndex};
use crate::render;
use crate::search::filter::{parse_date, Bound};
use crate::search::{self, Filters, Request};
use crate::transcript::Role;

#[derive(Debug, Clone, Args)]
pub struct SearchArgs {
    /// Words to find; all bare words must match.
    pub query: String,
    #[command(flatten)]
    pub location: IndexLocation,
    /// Only passages by this speaker (name words, any case or accents); repeat for any of several.
    #[arg(long, value_name = "NAME")]
    pub speaker: Vec<String>,
    /// Only passages in this role: official, moderator, journalist, narration.
    #[arg(long, value_name = "ROLE")]
    pub role: Option<Role>,
    /// Only passages dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only passages dated on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// How many passages to show.
    #[arg(short = 'n', long = "limit", value_name = "N", default_value_t = 10)]
    pub limit: usize,
    #[command(flatten)]
    pub format: FormatArgs,
}

/// Opens the index, building the default one from the sample corpus first
/// when it does not exist yet.
pub fn open_or_build(location: &IndexLocation) -> anyhow::Result<PodiumIndex> {
    open_or_build_with(location, false)
}

/// [`open_or_build`], saying nothing about the build when `quiet`.
pub fn open_or_build_with(location: &IndexLocation, quiet: bool) -> anyhow::Result<PodiumIndex> {
    let dir = location.path();
    if location.is_default() && !index::exists(&dir) {
        let (sources, from) = index_cmd::default_sources();
        if !quiet {
            eprintln!(
                "podium: no index at {}/ yet; building it from {from} ({} files)",
                dir.display(),
                sources.len()
            );
        }
        let summary = index_cmd::build(&dir, &sources, None)?;
        if !quiet {
            index_cmd::print_summary(&mut io::stderr().lock(), &dir, &summary)?;
        }
    }
    Ok(PodiumIndex::open(&dir)?)
}

pub fn run(args: &SearchArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let output = global.output(args.format.format());
    let filters = Filters {
        speakers: args.speaker.clone(),
        role: args.role,
        since: args
            .since
            .as_deref()
            .map(|s| parse_date(s, Bound::Start))
            .transpose()?,
        until: args
            .until
            .as_deref()
            .map(|s| parse_date(s, Bound::End))
            .transpose()?,
    };
    let index = open_or_build_with(&args.location, output.quiet)?;
    let results = search::search(
        &index,
        &Request {
            query: args.query.clone(),
            filters,
            limit: args.limit,
        },
    )?;
    for note in results.notes.iter().filter(|_| !output.quiet) {
        eprintln!("podium: note: {note}");
    }
    let mut out = io::stdout().lock();
    render::results(&mut out, &output, &args.query, &results)?;
    out.flush()?;
    Ok(if results.hits.is_empty() {
        ExitCode::from(NO_HITS)
    } else {
        ExitCode::SUCCESS
    })
}
