//! `podium search`: query → ranked passages (optionally with context).

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Args;

use super::args::{hit_count, open_or_build_with, FilterArgs, SynonymArgs};
use super::{FormatArgs, GlobalArgs, IndexLocation, NO_HITS};
use podium::render::text;
use podium::render::{self, sanitize, Format};
use podium::search::context;
use podium::search::query::LANGUAGE;
use podium::search::{self, Options, Request, Results, Sort};

#[derive(Debug, Clone, Args)]
pub struct SearchArgs {
    /// Words to find: all bare words must match; "phrases", OR, -word, (…), speaker:, role:, title:, word* (see --help).
    #[arg(value_name = "QUERY", long_help = LANGUAGE, allow_hyphen_values = true)]
    pub query: String,
    #[command(flatten)]
    pub location: IndexLocation,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// How many passages to show (1 or more).
    #[arg(short = 'n', long = "limit", value_name = "N", default_value_t = 10, value_parser = hit_count)]
    pub limit: usize,
    /// Skip the first N hits: `--offset 10 -n 10` is the second page.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: usize,
    /// Order of the hits: relevance, date (oldest first) or -date (newest first); undated passages come last.
    #[arg(long, value_name = "ORDER", default_value_t = Sort::Relevance, allow_hyphen_values = true)]
    pub sort: Sort,
    /// With each hit, the question that prompted it and N passages on each side (default 1).
    #[arg(long, value_name = "N", num_args = 0..=1, default_missing_value = "1")]
    pub context: Option<usize>,
    #[command(flatten)]
    pub synonyms: SynonymArgs,
    #[command(flatten)]
    pub format: FormatArgs,
}

/// Prints a search's notes, suggestion and filter report on stderr: stdout
/// stays the results.
pub fn print_notes(results: &Results) {
    for note in &results.notes {
        eprintln!("podium: note: {}", sanitize(note));
    }
    if let Some(s) = &results.suggestion {
        eprintln!("podium: did you mean {}?", quote_suggestion(s));
    }
    if let Some(e) = &results.emptied_by {
        eprintln!("podium: {}", sanitize(e));
    }
}

/// A suggested query, quoted once: a query that is one phrase is shown in
/// its own quotes (`"capital market"`, not `""capital market""`); any other
/// in the quotes of a text header ([`text::quote_query`]), single when it
/// holds double quotes, so it can be pasted into a shell.
pub fn quote_suggestion(s: &str) -> String {
    let t = s.trim();
    let one_phrase = t.len() >= 2
        && t.starts_with('"')
        && t.ends_with('"')
        && t[1..t.len() - 1].chars().all(|c| c != '"');
    if one_phrase {
        sanitize(t).into_owned()
    } else {
        text::quote_query(t)
    }
}

pub fn run(args: &SearchArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let output = global.output(args.format.format());
    let filters = args.filters.filters()?;
    let opts = Options {
        synonyms: args.synonyms.load()?,
    };
    let index = open_or_build_with(&args.location, output.quiet)?;
    let results = search::search_with(
        &index,
        &Request {
            query: args.query.clone(),
            filters,
            limit: args.limit,
            offset: args.offset,
            sort: args.sort,
        },
        &opts,
    )?;
    if !output.quiet {
        print_notes(&results);
        if results.hits.is_empty() && args.offset > 0 && results.total > 0 {
            eprintln!(
                "podium: --offset {} is past the last hit: {} {} in all",
                args.offset,
                results.total,
                if results.total == 1 {
                    "passage matches"
                } else {
                    "passages match"
                }
            );
        }
    }
    let contexts = match args.context {
        Some(n) if !output.quiet => {
            let searcher = index.searcher();
            let mut v = Vec::with_capacity(results.hits.len());
            for h in &results.hits {
                v.push(context::around(&index, &searcher, &h.passage, n)?);
            }
            Some(v)
        }
        _ => None,
    };
    let mut out = io::stdout().lock();
    match (&contexts, output.format) {
        (Some(c), Format::Json) => render::context::json(&mut out, &results, c)?,
        (Some(c), Format::Text) => {
            render::context::text(&mut out, &output, &args.query, &results, c)?
        }
        _ => render::results(&mut out, &output, &args.query, &results)?,
    }
    out.flush()?;
    Ok(if results.hits.is_empty() {
        ExitCode::from(NO_HITS)
    } else {
        ExitCode::SUCCESS
    })
}
