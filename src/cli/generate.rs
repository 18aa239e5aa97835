//! `podium generate`: a synthetic corpus for benchmarks and stress tests.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use clap::Args;

use podium::generate::{self, GenerateOptions};
use podium::render::json;

#[derive(Debug, Clone, Args)]
pub struct GenerateArgs {
    /// Folder to write the briefings into (created if missing).
    pub dir: PathBuf,
    /// Passages to generate in all.
    #[arg(long, default_value_t = 100_000)]
    pub passages: usize,
    /// Seed: the same seed writes the same corpus, byte for byte.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Average passages per briefing.
    #[arg(long, default_value_t = 60)]
    pub per_briefing: usize,
    /// Print the summary as one JSON object.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &GenerateArgs) -> anyhow::Result<ExitCode> {
    let opts = GenerateOptions {
        passages: args.passages,
        seed: args.seed,
        passages_per_briefing: args.per_briefing,
        ..GenerateOptions::default()
    };
    let t = Instant::now();
    let summary = generate::generate(&args.dir, &opts)
        .with_context(|| format!("writing the corpus into {}", args.dir.display()))?;
    let mix = args.dir.join(generate::MIX_FILE);
    std::fs::write(&mix, generate::query_mix(args.seed))
        .with_context(|| format!("writing {}", mix.display()))?;
    let secs = t.elapsed().as_secs_f64();
    let mut out = io::stdout().lock();
    if args.json {
        #[derive(serde::Serialize)]
        struct Report<'a> {
            #[serde(flatten)]
            summary: &'a generate::GenerateSummary,
            seconds: f64,
            queries: String,
        }
        json::line(
            &mut out,
            &Report {
                summary: &summary,
                seconds: secs,
                queries: mix.display().to_string(),
            },
        )?;
    } else {
        writeln!(
            out,
            "wrote {} briefings, {} passages, {:.1} MB into {} in {secs:.1} s ({:.0} MB/s)",
            summary.briefings,
            summary.passages,
            summary.bytes as f64 / 1e6,
            args.dir.display(),
            summary.bytes as f64 / 1e6 / secs.max(1e-9)
        )?;
        writeln!(
            out,
            "query mix for `podium bench --queries`: {}",
            mix.display()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
