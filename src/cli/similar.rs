//! `podium similar ID`: passages on the same subject as one passage
//! ("more like this"), with search's filters and output formats.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Args;

use super::args::{hit_count, open_or_build_with, FilterArgs};
use super::{FormatArgs, GlobalArgs, IndexLocation, NO_HITS};
use podium::render::{self, sanitize};
use podium::search::similar::{self, SimilarRequest};

#[derive(Debug, Clone, Args)]
pub struct SimilarArgs {
    /// The passage id, as search prints it (or its first characters, at least 4).
    #[arg(value_name = "ID")]
    pub id: String,
    #[command(flatten)]
    pub location: IndexLocation,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// How many passages to show (1 or more).
    #[arg(short = 'n', long = "limit", value_name = "N", default_value_t = 10, value_parser = hit_count)]
    pub limit: usize,
    /// Skip the first N passages: `--offset 10 -n 10` is the second page.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: usize,
    #[command(flatten)]
    pub format: FormatArgs,
}

pub fn run(args: &SimilarArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let output = global.output(args.format.format());
    let filters = args.filters.filters()?;
    let index = open_or_build_with(&args.location, output.quiet)?;
    let Some(found) = similar::similar(
        &index,
        &SimilarRequest {
            id: args.id.clone(),
            filters,
            limit: args.limit,
            offset: args.offset,
        },
    )?
    else {
        eprintln!(
            "podium: no passage with id '{}' in {}",
            sanitize(&args.id),
            index.dir.display()
        );
        return Ok(ExitCode::from(NO_HITS));
    };
    let r = &found.results;
    if !output.quiet {
        if !found.words.is_empty() {
            eprintln!(
                "podium: note: passages like {} ({}), by its words: {}",
                found.source.id,
                sanitize(&found.source.speaker),
                sanitize(&found.words.join(", "))
            );
        }
        for note in &r.notes {
            eprintln!("podium: note: {}", sanitize(note));
        }
    }
    // The header of text output names what the hits are like.
    let header = format!("like {}", found.source.id);
    let mut out = io::stdout().lock();
    render::results(&mut out, &output, &header, r)?;
    out.flush()?;
    Ok(if r.hits.is_empty() {
        ExitCode::from(NO_HITS)
    } else {
        ExitCode::SUCCESS
    })
}
