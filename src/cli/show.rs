//! `podium show ID [--context N]`: one passage in full, with the passages
//! around it, to read a hit in its place in the briefing.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use super::search::open_or_build;
use super::{ColorChoice, IndexLocation, NO_HITS};
use crate::render::text::{self, Style};
use crate::render::{json, sanitize};
use crate::search::context;
use crate::search::StoredPassage;

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

#[derive(Serialize)]
struct Shown<'a> {
    passage: &'a StoredPassage,
    before: &'a [StoredPassage],
    after: &'a [StoredPassage],
}

pub fn run(args: &ShowArgs) -> anyhow::Result<ExitCode> {
    let index = open_or_build(&args.location)?;
    let searcher = index.searcher();
    let Some(p) = context::by_id(&index, &searcher, &args.id)? else {
        eprintln!(
            "podium: no passage with id '{}' in {}",
            sanitize(&args.id),
            index.dir.display()
        );
        return Ok(ExitCode::from(NO_HITS));
    };
    let (before, after) = context::neighbours(&index, &searcher, &p, args.context)?;
    let mut out = io::stdout().lock();
    if args.json {
        json::line(
            &mut out,
            &Shown {
                passage: &p,
                before: &before,
                after: &after,
            },
        )?;
    } else {
        text(&mut out, &args.color.style(), &p, &before, &after)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The briefing (title, date, file), then each passage with its speaker,
/// role, line and id; the one asked for marked with `▶`.
fn text(
    out: &mut impl Write,
    style: &Style,
    p: &StoredPassage,
    before: &[StoredPassage],
    after: &[StoredPassage],
) -> io::Result<()> {
    if let Some(t) = &p.title {
        writeln!(out, "{}", style.bold(&sanitize(t)))?;
    }
    let date = p
        .date
        .map_or_else(|| "date unknown".to_string(), |d| d.to_string());
    let mut place = format!("{date} · {}", p.file);
    // A republished passage is dated by the first document it is in; its
    // own file may be a later one.
    let own = p.occurrences.iter().find(|o| o.file == p.file);
    if let Some(o) = own.filter(|o| o.date != p.date) {
        let d = o
            .date
            .map_or_else(|| "date unknown".to_string(), |d| d.to_string());
        place.push_str(&format!(" ({d})"));
    }
    if !p.also_in.is_empty() {
        place.push_str(&format!(" · also in {}", text::also_in(p)));
    }
    writeln!(out, "{}", style.dim(&sanitize(&place)))?;
    let all = before
        .iter()
        .map(|q| (false, q))
        .chain(std::iter::once((true, p)))
        .chain(after.iter().map(|q| (false, q)));
    for (me, q) in all {
        writeln!(out)?;
        // The organisation, where the text gives one the speaker is not.
        let head = match q.organisation.as_deref().filter(|o| *o != q.speaker) {
            Some(o) => format!("{} ({}) · {}", sanitize(&q.speaker), sanitize(o), q.role),
            None => format!("{} · {}", sanitize(&q.speaker), q.role),
        };
        let tail = format!("line {} · {}", q.line, q.id);
        if me {
            writeln!(out, "▶  {} · {}", style.bold(&head), style.dim(&tail))?;
        } else {
            writeln!(out, "   {} · {}", head, style.dim(&tail))?;
        }
        writeln!(out, "   {}", sanitize(&q.text))?;
    }
    Ok(())
}
