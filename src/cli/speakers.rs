//! `podium speakers [QUERY]`: who speaks in the index, and who talks about
//! something most; with `--outlets`, the same per outlet or organisation.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Args;

use super::args::{open_or_build, FilterArgs, SynonymArgs};
use super::{ColorChoice, IndexLocation, NO_HITS};
use podium::render::table::{self, Column};
use podium::render::text::{shorten, Style};
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

/// The outlet table: outlet, then who speaks for it.
fn outlet_text(
    out: &mut impl Write,
    style: &Style,
    query: &str,
    counts: &[OutletCount],
) -> io::Result<()> {
    let columns = [
        Column {
            head: "outlet",
            min: "outlet".len(),
            bold: true,
            cells: counts.iter().map(|c| c.outlet.clone()).collect(),
        },
        Column {
            head: "speakers",
            min: 0,
            bold: false,
            cells: counts
                .iter()
                .map(|c| shorten(&c.speakers.join(", "), SPEAKERS_CHARS))
                .collect(),
        },
    ];
    let passages: Vec<u64> = counts.iter().map(|c| c.passages).collect();
    table::counts(out, style, "outlet", query, &passages, &columns)
}

/// The speaker table: speaker, role, organisation (only when some speaker
/// has one other than their own name: an outlet asking under its own name
/// has itself), title.
fn text(
    out: &mut impl Write,
    style: &Style,
    query: &str,
    counts: &[SpeakerCount],
) -> io::Result<()> {
    let org = |c: &SpeakerCount| {
        c.organisation
            .as_deref()
            .filter(|o| *o != c.speaker)
            .unwrap_or("")
            .to_string()
    };
    let mut columns = vec![
        Column {
            head: "speaker",
            min: 0,
            bold: true,
            cells: counts.iter().map(|c| c.speaker.clone()).collect(),
        },
        Column {
            head: "role",
            min: 10,
            bold: false,
            cells: counts.iter().map(|c| c.role.as_str().to_string()).collect(),
        },
    ];
    let orgs: Vec<String> = counts.iter().map(org).collect();
    if orgs.iter().any(|o| !o.is_empty()) {
        columns.push(Column {
            head: "organisation",
            min: "organisation".len(),
            bold: false,
            cells: orgs,
        });
    }
    columns.push(Column {
        head: "title",
        min: 0,
        bold: false,
        cells: counts
            .iter()
            .map(|c| {
                c.title
                    .as_deref()
                    .map(|t| shorten(t, TITLE_CHARS))
                    .unwrap_or_default()
            })
            .collect(),
    });
    let passages: Vec<u64> = counts.iter().map(|c| c.passages).collect();
    table::counts(out, style, "speaker", query, &passages, &columns)
}
