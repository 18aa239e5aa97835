//! `podium completions SHELL`: a completion script for the shell, from the
//! same clap definitions the parser uses (`clap_complete`), so completions
//! never fall behind the options.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Args;
use clap_complete::Shell;

#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// The completion script for `shell`.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut buf = Vec::new();
    // Generated into memory: clap_complete panics on a failed write, and a
    // closed pipe (`| head`) is not a failure.
    clap_complete::generate(shell, &mut super::command(), "podium", &mut buf);
    buf
}

pub fn run(args: &CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut out = io::stdout().lock();
    out.write_all(&script(args.shell))?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
