//! `podium show ID [--context N]`: one passage in full, with the passages
//! around it, to read a hit in its place in the briefing.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Args;

use super::args::open_or_build;
use super::{ColorChoice, IndexLocation, NO_HITS};
use podium::render::context;
use podium::render::{json, sanitize};
use podium::search::context as around;

#[derive(Debug, Clone, Args)]
pub struct ShowArgs {
    /// The passage id, as search prints it (or its first characters, at least 4).
    #[arg(value_name = "ID")]
    pub id: String,
    #[command(flatten)]
    pub location: IndexLocation,
    /// Also show N passages before and after it in its briefing (N defaults to 1, as for `search --context`).
    #[arg(short = 'C', long, value_name = "N", default_value_t = 0, num_args = 0..=1, default_missing_value = "1")]
    pub context: usize,
    /// One JSON object: {"passage", "before", "after"}.
    #[arg(long)]
    pub json: bool,
    /// When to colour output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

pub fn run(args: &ShowArgs) -> anyhow::Result<ExitCode> {
    let index = open_or_build(&args.location)?;
    let searcher = index.searcher();
    let Some(p) = around::by_id(&index, &searcher, &args.id)? else {
        eprintln!(
            "podium: no passage with id '{}' in {}",
            sanitize(&args.id),
            index.dir.display()
        );
        return Ok(ExitCode::from(NO_HITS));
    };
    let (before, after) = around::neighbours(&index, &searcher, &p, args.context)?;
    let mut out = io::stdout().lock();
    if args.json {
        json::line(
            &mut out,
            &context::Shown {
                passage: &p,
                before: &before,
                after: &after,
            },
        )?;
    } else {
        context::in_place(&mut out, &args.color.style(), &p, &before, &after)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
