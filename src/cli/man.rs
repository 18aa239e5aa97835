//! `podium man`: the manual page, rendered from the clap definitions
//! (`clap_mangen`), examples included.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

#[derive(Debug, Clone, Args)]
pub struct ManArgs {
    /// Write podium.1 and one page per subcommand (podium-search.1, …) into DIR instead of printing podium.1.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// The roff source of podium(1).
pub fn page() -> io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(super::command()).render(&mut buf)?;
    Ok(buf)
}

pub fn run(args: &ManArgs, quiet: bool) -> anyhow::Result<ExitCode> {
    match &args.dir {
        None => {
            let mut out = io::stdout().lock();
            out.write_all(&page()?)?;
            out.flush()?;
        }
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            clap_mangen::generate_to(super::command(), dir)
                .with_context(|| format!("cannot write man pages into {}", dir.display()))?;
            if !quiet {
                let mut out = io::stdout().lock();
                writeln!(out, "wrote man pages into {}", dir.display())?;
                out.flush()?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
