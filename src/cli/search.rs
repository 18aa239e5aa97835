//! `podium search`: query → ranked passages (optionally with context).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Args;

use super::{index as index_cmd, FormatArgs, GlobalArgs, IndexLocation, NO_HITS};
use crate::index::{self, PodiumIndex};
use crate::render::style::Style;
use crate::render::text;
use crate::render::{self, json, sanitize, Format, Output};
use crate::search::context::{self, Context};
use crate::search::filter::{parse_date, Bound};
use crate::search::query::LANGUAGE;
use crate::search::{self, Filters, Options, Request, Results, Sort, StoredPassage, Synonyms};
use crate::transcript::Role;

/// `--speaker`, `--outlet`, `--role`, `--since`, `--until`: shared by
/// `search` and `speakers`.
#[derive(Debug, Clone, Default, Args)]
pub struct FilterArgs {
    /// Only passages by this speaker (Gong Zheng, gong, Mayor Gong, Mr. Gong, GONG ZHENG; accents optional); repeat for any of several.
    #[arg(long, value_name = "NAME")]
    pub speaker: Vec<String>,
    /// Only passages by speakers of this outlet or organisation, as the text names it (Reuters, "wall street journal"; case and accents optional); repeat for any of several.
    #[arg(long, value_name = "NAME")]
    pub outlet: Vec<String>,
    /// Only passages in this role: official, moderator, journalist, narration (or words such as minister, chair, host, reporter, press).
    #[arg(long, value_name = "ROLE", value_parser = search::role::parse)]
    pub role: Option<Role>,
    /// Only passages dated on or after DATE: YYYY, YYYY-MM, YYYY-MM-DD, "March 28, 2024", "March 2024", or back from today (today, 30d, 2w, 6m, 1y).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only passages dated on or before DATE (same forms as --since; a year or month ends on its last day).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only passages of this briefing, named as `podium docs` lists it (or its file name, or a JSON lines file for all its records); repeat for any of several.
    #[arg(long, value_name = "PATH")]
    pub file: Vec<String>,
}

impl FilterArgs {
    /// The filters, dates checked.
    pub fn filters(&self) -> anyhow::Result<Filters> {
        Ok(Filters {
            speakers: self.speaker.clone(),
            outlets: self.outlet.clone(),
            role: self.role,
            since: self
                .since
                .as_deref()
                .map(|s| parse_date(s, Bound::Start))
                .transpose()?,
            until: self
                .until
                .as_deref()
                .map(|s| parse_date(s, Bound::End))
                .transpose()?,
            files: self.file.clone(),
        })
    }
}

/// `--synonyms FILE` and `--no-synonyms`.
#[derive(Debug, Clone, Default, Args)]
pub struct SynonymArgs {
    /// More synonyms, one group per line: "PBOC = People's Bank of China" [default: the config file's `synonyms`, else $XDG_CONFIG_HOME/podium/synonyms.txt or ~/.config/podium/synonyms.txt, if it exists]
    #[arg(long, value_name = "FILE", env = "PODIUM_SYNONYMS")]
    pub synonyms: Option<PathBuf>,
    /// Search the words typed only: no synonyms, shipped or user's.
    #[arg(long, conflicts_with = "synonyms")]
    pub no_synonyms: bool,
}

impl SynonymArgs {
    /// The synonym map: the shipped list plus the user's file — `--synonyms`,
    /// else `$PODIUM_SYNONYMS`, else the config file's `synonyms = …`, else
    /// `synonyms.txt` in podium's config folder if it exists.
    pub fn load(&self) -> anyhow::Result<Arc<Synonyms>> {
        if self.no_synonyms {
            return Ok(Synonyms::none());
        }
        Ok(match crate::config::synonyms(self.synonyms.as_deref()) {
            Some((f, _)) => Arc::new(Synonyms::shipped_plus(&f)?),
            None => Synonyms::shipped(),
        })
    }
}

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

/// `-n`: a whole number of at least 1. `-n 0` would print a count and no
/// hits, which is what `--quiet` is for, so it is refused and says so.
pub fn hit_count(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(0) => Err(
            "0 hits would show nothing: give 1 or more (to only test for a match, use --quiet)"
                .into(),
        ),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("'{s}' is not a number of hits: give 1 or more")),
    }
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
        (Some(c), Format::Json) => json_with_context(&mut out, &results, c)?,
        (Some(c), Format::Text) => text_with_context(&mut out, &output, &args.query, &results, c)?,
        _ => render::results(&mut out, &output, &args.query, &results)?,
    }
    out.flush()?;
    Ok(if results.hits.is_empty() {
        ExitCode::from(NO_HITS)
    } else {
        ExitCode::SUCCESS
    })
}

/// Each hit as `json::hits_of` writes it, plus `"context": {"prompt",
/// "before", "after"}` (arrays of passages).
fn json_with_context(out: &mut impl Write, r: &Results, contexts: &[Context]) -> io::Result<()> {
    for (h, c) in r.hits.iter().zip(contexts) {
        let mut buf = Vec::new();
        json::hits_of(&mut buf, std::slice::from_ref(h), r.total)?;
        let mut v: serde_json::Value = serde_json::from_slice(&buf).map_err(io::Error::other)?;
        if let Some(obj) = v.as_object_mut() {
            obj.insert(
                "context".into(),
                serde_json::to_value(c).map_err(io::Error::other)?,
            );
        }
        json::line(out, &v)?;
    }
    Ok(())
}

/// Characters of a context passage shown under a hit.
const CONTEXT_CHARS: usize = 300;

fn text_with_context(
    out: &mut impl Write,
    output: &Output,
    query: &str,
    r: &Results,
    contexts: &[Context],
) -> io::Result<()> {
    let style = &output.style;
    text::results_with(out, style, output.width, query, r, |out, i| {
        let Some(c) = contexts.get(i) else {
            return Ok(());
        };
        if !c.prompt.is_empty() {
            let label = if c.prompt.iter().any(|p| p.role == Role::Journalist) {
                "question"
            } else {
                "previous turn"
            };
            for p in &c.prompt {
                context_line(out, style, label, p)?;
            }
        }
        for p in &c.before {
            context_line(out, style, "before", p)?;
        }
        for p in &c.after {
            context_line(out, style, "after", p)?;
        }
        Ok(())
    })
}

/// `    ↳ question · ThePaper.cn · journalist · 1b4169d3ecc85148` and the
/// passage's text, shortened, on the next line.
fn context_line(
    out: &mut impl Write,
    style: &Style,
    label: &str,
    p: &StoredPassage,
) -> io::Result<()> {
    writeln!(
        out,
        "    {} {} · {} · {}",
        style.dim(&format!("↳ {label}")),
        style.bold(&sanitize(&p.speaker)),
        p.role,
        style.dim(&p.id)
    )?;
    writeln!(
        out,
        "      {}",
        sanitize(&text::shorten(&p.text, CONTEXT_CHARS))
    )
}
