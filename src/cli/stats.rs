//! `podium stats`: what an index holds, what it takes on disk, and when it
//! was last committed — the quick check after an interrupted run or before
//! a backup.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Args;

use super::IndexLocation;
use podium::index::stats::{stats, Stats};
use podium::render::{json, sanitize};

#[derive(Debug, Clone, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub location: IndexLocation,
    /// Print the figures as one JSON object.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &StatsArgs) -> anyhow::Result<ExitCode> {
    let idx = args.location.open()?;
    let (s, problem) = stats(&idx)?;
    let mut out = io::stdout().lock();
    if args.json {
        json::line(&mut out, &s)?;
    } else {
        print(&mut out, &s)?;
    }
    out.flush()?;
    if let Some(p) = problem {
        eprintln!("podium: warning: {}", sanitize(&p));
    }
    Ok(ExitCode::SUCCESS)
}

fn print(out: &mut impl Write, s: &Stats) -> io::Result<()> {
    writeln!(out, "index:        {}", sanitize(&s.index))?;
    writeln!(out, "documents:    {}", s.documents)?;
    if s.republished > 0 {
        writeln!(
            out,
            "passages:     {} ({} republished passages indexed once)",
            s.passages, s.republished
        )?;
    } else {
        writeln!(out, "passages:     {}", s.passages)?;
    }
    writeln!(out, "speakers:     {}", s.speakers)?;
    writeln!(
        out,
        "on disk:      {} in {} files ({} segment{})",
        human_bytes(s.bytes),
        s.files,
        s.segments,
        if s.segments == 1 { "" } else { "s" }
    )?;
    writeln!(
        out,
        "last commit:  {} (podium {})",
        sanitize(&s.committed_at),
        sanitize(&s.podium_version)
    )
}

/// `1536` → `1.5 KB`: sizes for people.
pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if n < 1024 {
        return format!("{n} bytes");
    }
    let mut v = n as f64 / 1024.0;
    let mut unit = 0;
    while v >= 1024.0 && unit + 1 < UNITS.len() {
        v /= 1024.0;
        unit += 1;
    }
    format!("{v:.1} {}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_sizes() {
        assert_eq!(human_bytes(512), "512 bytes");
        assert_eq!(human_bytes(1536), "1.5 KB");
        assert_eq!(human_bytes(3 * 1024 * 1024), "3.0 MB");
    }
}
