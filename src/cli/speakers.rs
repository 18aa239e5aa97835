//! `podium speakers [QUERY]`: who speaks in the index, and who talks about
//! something most.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Args;

use super::search::{open_or_build, FilterArgs, SynonymArgs};
use super::{ColorChoice, IndexLocation, NO_HITS};
use crate::render::text::{self, shorten, Style};
use crate::render::{json, sanitize};
use crate::search::facet::SpeakerCount;
use crate::search::{self, Options, Request};

#[derive(Debug, Clone, Args)]
pub struct SpeakersArgs {
    /// Count only passages matching this query (same language as `podium search`); all passages when left out.
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,
    #[command(flatten)]
    pub location: IndexLocation,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub synonyms: SynonymArgs,
    /// One JSON object per speaker, one per line: {"speaker", "role", "title", "passages", "total_passages"}.
    #[arg(long)]
    pub json: bool,
    /// When to colour output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

pub fn run(args: &SpeakersArgs) -> anyhow::Result<ExitCode> {
    let filters = args.filters.filters()?;
    let opts = Options {
        synonyms: args.synonyms.load()?,
    };
    let index = open_or_build(&args.location)?;
    let query = args.query.clone().unwrap_or_default();
    let (counts, notes) = search::speaker_facet(
        &index,
        &Request {
            query: query.clone(),
            filters,
            limit: 0,
            ..Request::default()
        },
        &opts,
    )?;
    for n in &notes {
        eprintln!("podium: note: {}", sanitize(n));
    }
    let mut out = io::stdout().lock();
    if args.json {
        for c in &counts {
            json::line(&mut out, c)?;
        }
    } else {
        text(&mut out, &args.color.style(), &query, &counts)?;
    }
    out.flush()?;
    Ok(if counts.is_empty() {
        ExitCode::from(NO_HITS)
    } else {
        ExitCode::SUCCESS
    })
}

/// Longest title shown in the table.
const TITLE_CHARS: usize = 70;

fn text(
    out: &mut impl Write,
    style: &Style,
    query: &str,
    counts: &[SpeakerCount],
) -> io::Result<()> {
    let n = counts.len();
    let s = if n == 1 { "" } else { "s" };
    if query.trim().is_empty() {
        writeln!(out, "{n} speaker{s}")?;
    } else {
        writeln!(
            out,
            "{n} speaker{s} with passages matching {}",
            text::quote_query(query)
        )?;
    }
    if n == 0 {
        return Ok(());
    }
    let width = counts
        .iter()
        .map(|c| c.speaker.chars().count())
        .max()
        .unwrap_or(0);
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        style.dim(&format!(
            "{:>8}  {:<width$}  {:<10}  title",
            "passages", "speaker", "role"
        ))
    )?;
    for c in counts {
        let name = sanitize(&c.speaker);
        let pad = width.saturating_sub(c.speaker.chars().count());
        writeln!(
            out,
            "{:>8}  {}{}  {:<10}  {}",
            c.passages,
            style.bold(&name),
            " ".repeat(pad),
            c.role.as_str(),
            sanitize(
                &c.title
                    .as_deref()
                    .map(|t| shorten(t, TITLE_CHARS))
                    .unwrap_or_default()
            )
        )?;
    }
    Ok(())
}
