//! `podium speakers [QUERY]`: who speaks in the index, and who talks about
//! something most; with `--outlets`, the same per outlet or organisation.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Args;

use super::args::{open_or_build, FilterArgs, SynonymArgs};
use super::{ColorChoice, IndexLocation, NO_HITS};
use podium::render::text::{self, shorten, Style};
use podium::render::{json, sanitize};
use podium::search::facet::{OutletCount, SpeakerCount};
use podium::search::{self, Options, Request};

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
    /// Count per outlet or organisation (as the text names the speakers' outlets and ministries) instead of per speaker.
    #[arg(long)]
    pub outlets: bool,
    /// One JSON object per speaker, one per line: {"speaker", "role", "title", "organisation", "passages", "total_passages"}; with --outlets {"outlet", "passages", "total_passages", "speakers"}.
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
    let req = Request {
        query: query.clone(),
        filters,
        limit: 0,
        ..Request::default()
    };
    if args.outlets {
        return outlets(args, &index, &req, &opts);
    }
    let (counts, notes) = search::speaker_facet(&index, &req, &opts)?;
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

/// `--outlets`: the outlet facet.
fn outlets(
    args: &SpeakersArgs,
    index: &podium::index::PodiumIndex,
    req: &Request,
    opts: &Options,
) -> anyhow::Result<ExitCode> {
    let (counts, notes) = search::outlet_facet(index, req, opts)?;
    for n in &notes {
        eprintln!("podium: note: {}", sanitize(n));
    }
    let mut out = io::stdout().lock();
    if args.json {
        for c in &counts {
            json::line(&mut out, c)?;
        }
    } else {
        outlet_text(&mut out, &args.color.style(), &req.query, &counts)?;
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

/// Longest list of an outlet's speakers shown in the table.
const SPEAKERS_CHARS: usize = 70;

fn outlet_text(
    out: &mut impl Write,
    style: &Style,
    query: &str,
    counts: &[OutletCount],
) -> io::Result<()> {
    let n = counts.len();
    let s = if n == 1 { "" } else { "s" };
    if query.trim().is_empty() {
        writeln!(out, "{n} outlet{s}")?;
    } else {
        writeln!(
            out,
            "{n} outlet{s} with passages matching {}",
            text::quote_query(query)
        )?;
    }
    if n == 0 {
        return Ok(());
    }
    let width = counts
        .iter()
        .map(|c| c.outlet.chars().count())
        .max()
        .unwrap_or(0)
        .max("outlet".len());
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        style.dim(&format!(
            "{:>8}  {:<width$}  speakers",
            "passages", "outlet"
        ))
    )?;
    for c in counts {
        let pad = width.saturating_sub(c.outlet.chars().count());
        writeln!(
            out,
            "{:>8}  {}{}  {}",
            c.passages,
            style.bold(&sanitize(&c.outlet)),
            " ".repeat(pad),
            sanitize(&shorten(&c.speakers.join(", "), SPEAKERS_CHARS))
        )?;
    }
    Ok(())
}

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
    // The organisation column only when some speaker has one other than
    // their own name (an outlet asking under its own name has itself).
    let org = |c: &SpeakerCount| {
        c.organisation
            .as_deref()
            .filter(|o| *o != c.speaker)
            .unwrap_or("")
            .to_string()
    };
    let org_width = counts
        .iter()
        .map(|c| org(c).chars().count())
        .max()
        .unwrap_or(0);
    let org_head = if org_width > 0 {
        format!("{:<w$}  ", "organisation", w = org_width.max(12))
    } else {
        String::new()
    };
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        style.dim(&format!(
            "{:>8}  {:<width$}  {:<10}  {org_head}title",
            "passages", "speaker", "role"
        ))
    )?;
    for c in counts {
        let name = sanitize(&c.speaker);
        let pad = width.saturating_sub(c.speaker.chars().count());
        let org_cell = if org_width > 0 {
            let o = org(c);
            let pad = org_width.max(12).saturating_sub(o.chars().count());
            format!("{}{}  ", sanitize(&o), " ".repeat(pad))
        } else {
            String::new()
        };
        writeln!(
            out,
            "{:>8}  {}{}  {:<10}  {org_cell}{}",
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
