//! `podium docs`: the briefings in the index, with date, title, speakers
//! and passage counts (from the index manifest; no document is loaded).

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Args;

use super::args::open_or_build;
use super::{ColorChoice, IndexLocation, NO_HITS};
use podium::index::DocumentInfo;
use podium::render::text::{shorten, Style};
use podium::render::{json, sanitize};

#[derive(Debug, Clone, Args)]
pub struct DocsArgs {
    #[command(flatten)]
    pub location: IndexLocation,
    /// One JSON object per briefing, one per line: {"file", "title", "date", "passages", "republished", "speakers", "warnings"}.
    #[arg(long)]
    pub json: bool,
    /// When to colour output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

pub fn run(args: &DocsArgs) -> anyhow::Result<ExitCode> {
    let index = open_or_build(&args.location)?;
    let mut docs: Vec<&DocumentInfo> = index.manifest()?.documents.iter().collect();
    // Oldest first, undated last; then by file.
    docs.sort_by(|a, b| {
        (a.date.is_none(), a.date, &a.file).cmp(&(b.date.is_none(), b.date, &b.file))
    });
    let mut out = io::stdout().lock();
    if args.json {
        for d in &docs {
            json::line(&mut out, &Listed::from(*d))?;
        }
    } else {
        text(&mut out, &args.color.style(), &docs)?;
    }
    out.flush()?;
    Ok(if docs.is_empty() {
        ExitCode::from(NO_HITS)
    } else {
        ExitCode::SUCCESS
    })
}

/// One line of `podium docs --json`: what users cite and read, without
/// the name a record's passages are stored under (the index's business).
#[derive(serde::Serialize)]
struct Listed<'a> {
    file: &'a str,
    title: &'a Option<String>,
    date: &'a Option<jiff::civil::Date>,
    passages: u64,
    republished: u64,
    speakers: &'a [String],
    warnings: &'a [String],
}

impl<'a> From<&'a DocumentInfo> for Listed<'a> {
    fn from(d: &'a DocumentInfo) -> Listed<'a> {
        Listed {
            file: &d.file,
            title: &d.title,
            date: &d.date,
            passages: d.passages,
            republished: d.republished,
            speakers: &d.speakers,
            warnings: &d.warnings,
        }
    }
}

/// Longest title and speaker list shown.
const LINE_CHARS: usize = 100;

fn text(out: &mut impl Write, style: &Style, docs: &[&DocumentInfo]) -> io::Result<()> {
    let passages: u64 = docs.iter().map(|d| d.passages).sum();
    writeln!(
        out,
        "{} briefing{}, {passages} passage{}",
        docs.len(),
        if docs.len() == 1 { "" } else { "s" },
        if passages == 1 { "" } else { "s" }
    )?;
    for d in docs {
        writeln!(out)?;
        let date = d
            .date
            .map_or_else(|| "date unknown".to_string(), |x| x.to_string());
        let mut counts = format!(
            "{} passage{}",
            d.passages,
            if d.passages == 1 { "" } else { "s" }
        );
        if d.republished > 0 {
            counts.push_str(&format!(
                " (+{} republished, indexed from another file)",
                d.republished
            ));
        }
        writeln!(
            out,
            "{:<12}  {} · {}",
            date,
            style.bold(&sanitize(&d.file)),
            counts
        )?;
        if let Some(t) = &d.title {
            writeln!(
                out,
                "{:<12}  {}",
                "",
                style.dim(&sanitize(&shorten(t, LINE_CHARS)))
            )?;
        }
        if !d.speakers.is_empty() {
            writeln!(
                out,
                "{:<12}  {}",
                "",
                sanitize(&shorten(&d.speakers.join(", "), LINE_CHARS))
            )?;
        }
    }
    Ok(())
}
