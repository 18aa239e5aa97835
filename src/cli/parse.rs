//! `podium parse`: show how transcripts are read, without indexing.
//!
//! This is how a user sees why a passage was attributed as it was: each
//! turn with its speaker and role, and with `--explain` the rule that gave
//! them, the date's source and every paragraph left out.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use podium::corpus;
use podium::error::Warning;
use podium::passage::{self, Passage};
use podium::registry::RegistryBuilder;
use podium::render::{json, sanitize, text::shorten};
use podium::transcript::{Knowledge, RosterEntry, Skipped, Transcript, Why};

use super::ERROR;

#[derive(Debug, Clone, Args)]
pub struct ParseArgs {
    /// Transcript files (a JSON lines file gives one transcript per record).
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// One JSON object per file, one per line.
    #[arg(long)]
    pub json: bool,
    /// Show which rule gave each speaker, role and date, and what was left out.
    #[arg(long)]
    pub explain: bool,
}

#[derive(Serialize)]
struct JsonPassage<'a> {
    id: &'a str,
    speaker: &'a str,
    role: &'a str,
    turn: u32,
    position: u32,
    line: u32,
    label: Option<&'a str>,
    speaker_title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    organisation: Option<&'a str>,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonTurn<'a> {
    turn: usize,
    speaker: &'a str,
    role: &'a str,
    label: Option<&'a str>,
    line: Option<usize>,
    why: &'a Why,
}

#[derive(Serialize)]
struct JsonExplain<'a> {
    date_rule: &'a str,
    turns: Vec<JsonTurn<'a>>,
    skipped: &'a [Skipped],
}

#[derive(Serialize)]
struct JsonTranscript<'a> {
    file: &'a str,
    title: Option<&'a str>,
    date: Option<String>,
    roster: &'a [RosterEntry],
    passages: Vec<JsonPassage<'a>>,
    warnings: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    explain: Option<JsonExplain<'a>>,
}

pub fn run(args: &ParseArgs) -> anyhow::Result<ExitCode> {
    let (sources, mut warnings) = corpus::discover(&args.files);
    // A JSON lines file is many transcripts: each record is shown on its own.
    let (sources, unsplit) = corpus::expand(sources);
    warnings.extend(unsplit);
    let mut out = io::stdout().lock();
    let mut parsed = 0;
    let mut problems: Vec<Warning> = warnings;
    let mut texts = Vec::new();
    for src in &sources {
        match src.load() {
            Ok(doc) => {
                // Notes on reading the file (an encoding guessed, a page
                // flattened) are warnings here as in `podium index`.
                problems.extend(doc.notes.iter().map(|n| Warning {
                    file: src.display().to_string(),
                    message: n.clone(),
                }));
                texts.push((src, doc));
            }
            Err(w) => problems.push(w),
        }
    }
    // The files given are parsed as one corpus, as the indexer does: what
    // one briefing says about a speaker (a roster, a title) helps the others.
    let mut survey = RegistryBuilder::default();
    for ((src, _), t) in texts.iter().zip(par_map(&texts, |(_, doc)| doc.parse())) {
        survey.add_transcript(&t, src.display());
    }
    let knowledge = Knowledge {
        fallback_date: None,
        people: survey.build().knowledge(),
    };

    let read = par_map(&texts, |(src, doc)| {
        let t = doc.parse_with(&knowledge);
        // Under the name the index stores it by, so the ids are the index's.
        let ps = passage::passages(&t, &src.stored_name());
        (t, ps)
    });
    for ((src, _), (t, ps)) in texts.iter().zip(read) {
        if args.json {
            print_json(&mut out, src.display(), &t, &ps, args.explain)?;
        } else {
            print_text(&mut out, src.display(), &t, &ps, args.explain)?;
        }
        parsed += 1;
    }
    out.flush()?;
    for w in &problems {
        eprintln!("podium: warning: {}", sanitize(&w.to_string()));
    }
    Ok(if parsed == 0 {
        ExitCode::from(ERROR)
    } else {
        ExitCode::SUCCESS
    })
}

/// `work` over `items` on the machine's cores, results in order: parsing
/// is the slow part of `podium parse` over a corpus.
fn par_map<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(8)
        .min(items.len());
    if threads <= 1 {
        return items.iter().map(work).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|c| scope.spawn(move || c.iter().map(work).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(v) => v,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

fn print_json(
    out: &mut impl Write,
    file: &str,
    t: &Transcript,
    ps: &[Passage],
    explain: bool,
) -> io::Result<()> {
    let doc = JsonTranscript {
        file,
        title: t.title.as_deref(),
        date: t.date.map(|d| d.to_string()),
        roster: &t.roster,
        passages: ps
            .iter()
            .map(|p| JsonPassage {
                id: &p.id,
                speaker: &p.speaker,
                role: p.role.as_str(),
                turn: p.turn,
                position: p.position,
                line: p.line,
                label: p.label.as_deref(),
                speaker_title: p.speaker_title.as_deref(),
                organisation: p.organisation.as_deref(),
                text: &p.text,
            })
            .collect(),
        warnings: &t.warnings,
        explain: explain.then(|| JsonExplain {
            date_rule: &t.date_rule,
            turns: t
                .turns
                .iter()
                .enumerate()
                .map(|(i, turn)| JsonTurn {
                    turn: i,
                    speaker: &turn.speaker,
                    role: turn.role.as_str(),
                    label: turn.label.as_deref(),
                    line: turn.paragraphs.first().map(|p| p.line),
                    why: &turn.why,
                })
                .collect(),
            skipped: &t.skipped,
        }),
    };
    json::line(out, &doc)
}

fn print_text(
    out: &mut impl Write,
    file: &str,
    t: &Transcript,
    ps: &[Passage],
    explain: bool,
) -> io::Result<()> {
    writeln!(out, "== {}", sanitize(file))?;
    writeln!(
        out,
        "title:  {}",
        t.title.as_deref().map_or("(none)".into(), sanitize)
    )?;
    match t.date {
        Some(d) if explain => writeln!(out, "date:   {d}  [{}]", t.date_rule)?,
        Some(d) => writeln!(out, "date:   {d}")?,
        None if explain => writeln!(out, "date:   unknown  [{}]", t.date_rule)?,
        None => writeln!(out, "date:   unknown")?,
    }
    for r in &t.roster {
        writeln!(
            out,
            "roster: {} ({}){}",
            sanitize(&r.name),
            r.role,
            r.title
                .as_deref()
                .map_or(String::new(), |t| format!(", {}", sanitize(t)))
        )?;
    }
    for (i, turn) in t.turns.iter().enumerate() {
        let n = ps.iter().filter(|p| p.turn as usize == i).count();
        let first = turn.paragraphs.first();
        writeln!(
            out,
            "turn {i:>3}  line {:>4}  {} ({}){}  [{n} passage{}]",
            first.map_or(0, |p| p.line),
            sanitize(&turn.speaker),
            turn.role,
            turn.label
                .as_deref()
                .filter(|l| *l != turn.speaker)
                .map_or(String::new(), |l| format!(" as \"{}\"", sanitize(l))),
            if n == 1 { "" } else { "s" }
        )?;
        if let Some(p) = first {
            writeln!(out, "           {}", sanitize(&shorten(&p.text, 90)))?;
        }
        if explain {
            writeln!(out, "           speaker: {}", sanitize(&turn.why.speaker))?;
            writeln!(out, "           role:    {}", sanitize(&turn.why.role))?;
            writeln!(out, "           date:    {}", sanitize(&turn.why.date))?;
            if let Some(t) = &turn.speaker_title {
                writeln!(out, "           title:   {}", sanitize(t))?;
            }
            if let Some(o) = &turn.organisation {
                writeln!(out, "           organisation: {}", sanitize(o))?;
            }
        }
    }
    if explain {
        for s in &t.skipped {
            writeln!(
                out,
                "skipped line {:>4} ({}): {}",
                s.line,
                s.reason,
                sanitize(&shorten(&s.text, 70))
            )?;
        }
    }
    for w in &t.warnings {
        writeln!(out, "warning: {}", sanitize(w))?;
    }
    writeln!(out)
}
