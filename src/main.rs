//! The `podium` binary: parse arguments, dispatch, map the outcome to an
//! exit code (0 hits or done, 1 no hits, 2 error). Everything else lives in
//! the library.

use std::process::ExitCode;

use clap::Parser;
use podium::cli::{self, Cli, Command};

fn main() -> ExitCode {
    cli::exit_on_panic();
    let cli = Cli::parse();
    let outcome = match &cli.command {
        Command::Index(args) => cli::index::run(args),
        Command::Search(args) => cli::search::run(args),
        Command::Parse(args) => cli::parse::run(args),
        Command::Stats(args) => cli::stats::run(args),
    };
    match outcome {
        Ok(code) => code,
        Err(e) if cli::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("podium: error: {}", cli::one_line(&e));
            ExitCode::from(cli::ERROR)
        }
    }
}
