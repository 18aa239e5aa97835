//! `podium bench`: query latency percentiles on an index.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use super::IndexLocation;
use podium::bench::{self, BenchOptions, BenchReport, MixSource, Percentiles, ProcessReport};
use podium::render::{json, sanitize};

/// The mix used when no `--queries` file is given and the index has too
/// few words to draw one from ([`bench::mix_from_index`]): one query of
/// each shape, in words found both in the sample briefings and in
/// generated corpora.
pub const DEFAULT_MIX: &str = include_str!("default.mix");

#[derive(Debug, Clone, Args)]
pub struct BenchArgs {
    #[command(flatten)]
    pub location: IndexLocation,
    /// Query mix file, one `name: query [options]` per line [default: a mix drawn from the index: its common and rare words, words of one passage, a phrase, a speaker's word].
    #[arg(long, value_name = "FILE")]
    pub queries: Option<PathBuf>,
    /// Measured runs of each query.
    #[arg(long, default_value_t = 50)]
    pub runs: usize,
    /// Unmeasured runs of each query first.
    #[arg(long, default_value_t = 3)]
    pub warmup: usize,
    /// Times to open the index afresh and run the first query.
    #[arg(long, default_value_t = 10)]
    pub cold: usize,
    /// Times to run each query as a `podium search` process, and `podium --version` as many times, interleaved (0 for none).
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub processes: usize,
    /// Print the report as one JSON object.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &BenchArgs) -> anyhow::Result<ExitCode> {
    let dir = args.location.path();
    let (mix, source) = match &args.queries {
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("reading the query mix {}", p.display()))?;
            (bench::parse_mix(&text)?, MixSource::File(p.clone()))
        }
        None => {
            let drawn = bench::mix_from_index(&args.location.open()?)?;
            if drawn.is_empty() {
                (bench::parse_mix(DEFAULT_MIX)?, MixSource::Shipped)
            } else {
                (drawn, MixSource::Index)
            }
        }
    };
    eprintln!(
        "podium: bench: {} queries, {source}: {}",
        mix.len(),
        sanitize(
            &mix.iter()
                .map(|q| format!("{}: {}", q.name, q.options_line()))
                .collect::<Vec<_>>()
                .join("; ")
        )
    );
    // The process runs spawn this very binary, so that they measure the
    // podium that measures in-process.
    let program = std::env::current_exe().context("finding the podium binary to spawn")?;
    let report = bench::run(
        &dir,
        &mix,
        &source,
        BenchOptions {
            warmup: args.warmup,
            runs: args.runs.max(1),
            cold_runs: args.cold.max(1),
            process_runs: args.processes,
        },
        &program,
    )?;
    if report.without_hits.is_empty() {
        eprintln!(
            "podium: bench: every query finds passages ({} of {})",
            report.queries.len(),
            report.queries.len()
        );
    } else {
        eprintln!(
            "podium: bench: {} of {} queries find nothing ({}): their times measure empty lookups",
            report.without_hits.len(),
            report.queries.len(),
            sanitize(&report.without_hits.join(", "))
        );
    }
    let mut out = io::stdout().lock();
    if args.json {
        json::line(&mut out, &report)?;
    } else {
        print(&mut out, &report)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn row(out: &mut impl Write, name: &str, hits: &str, p: &Percentiles) -> io::Result<()> {
    writeln!(
        out,
        "{:<14} {:>9} {:>9.0} {:>9.0} {:>9.0} {:>9.0}",
        name, hits, p.p50_us, p.p95_us, p.p99_us, p.qps
    )
}

fn print(out: &mut impl Write, r: &BenchReport) -> io::Result<()> {
    writeln!(
        out,
        "{} passages in {}; latency in microseconds, in-process",
        r.passages,
        sanitize(&r.index)
    )?;
    writeln!(
        out,
        "{:<14} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "query", "hits", "p50", "p95", "p99", "qps"
    )?;
    for q in &r.queries {
        row(out, &sanitize(&q.name), &q.hits.to_string(), &q.warm)?;
    }
    row(out, "all (warm)", "", &r.overall)?;
    row(out, "cold (open+1)", "", &r.cold)?;
    writeln!(out)?;
    writeln!(
        out,
        "phases of the cold runs (first query: {}), microseconds",
        r.queries
            .first()
            .map_or(String::new(), |q| sanitize(&q.name).into_owned())
    )?;
    writeln!(
        out,
        "{:<14} {:>9} {:>9} {:>9}",
        "phase", "p50", "p95", "runs"
    )?;
    for (name, p) in [
        ("open", &r.phases.open),
        ("first query", &r.phases.first_query),
        ("warm query", &r.phases.warm_query),
    ] {
        writeln!(
            out,
            "{:<14} {:>9.0} {:>9.0} {:>9}",
            name, p.p50_us, p.p95_us, p.runs
        )?;
    }
    if let Some(p) = &r.process {
        process(out, r, p)?;
    }
    Ok(())
}

/// The process runs: each query's median and p95 start to exit, and its
/// median against `podium --version`'s, over and as a multiple.
fn process(out: &mut impl Write, r: &BenchReport, p: &ProcessReport) -> io::Result<()> {
    writeln!(out)?;
    writeln!(
        out,
        "end to end: {} processes each, interleaved with `podium --version`; milliseconds",
        p.runs
    )?;
    writeln!(
        out,
        "{:<14} {:>9} {:>9} {:>10} {:>10}",
        "command", "p50", "p95", "- version", "x version"
    )?;
    let ms = |us: f64| us / 1000.0;
    writeln!(
        out,
        "{:<14} {:>9.2} {:>9.2}",
        "--version",
        ms(p.version.p50_us),
        ms(p.version.p95_us)
    )?;
    for q in &r.queries {
        if let Some(t) = &q.process {
            writeln!(
                out,
                "{:<14} {:>9.2} {:>9.2} {:>10.2} {:>9.1}x",
                sanitize(&q.name),
                ms(t.p50_us),
                ms(t.p95_us),
                ms(t.p50_us - p.version.p50_us),
                t.p50_us / p.version.p50_us.max(1e-9)
            )?;
        }
    }
    Ok(())
}
