//! The `podium` binary: parse arguments, dispatch, map the outcome to an
//! exit code (0 hits or done, 1 no hits, 2 error). The command line
//! ([`cli`]: clap definitions, one module per subcommand) is the binary's,
//! and the only code that uses `anyhow`: the library returns its typed
//! [`podium::Error`], and errors are made into one-line reports here, at
//! the edge.

use std::process::ExitCode;

mod cli;

use cli::Command;

/// An allocation that fails is reported as a one-line error with the fix
/// (most likely a damaged index), not an abort.
#[global_allocator]
static ALLOCATOR: cli::oom::ReportingAllocator = cli::oom::ReportingAllocator;

fn main() -> ExitCode {
    cli::exit_on_panic();
    let cli = match cli::parse_args() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    if let Err(e) = podium::config::init() {
        eprintln!("podium: error: {}", podium::render::sanitize(&e));
        return ExitCode::from(cli::ERROR);
    }
    let global = &cli.global;
    let outcome = match &cli.command {
        Command::Index(args) => cli::index::run(args, global),
        Command::Search(args) => cli::search::run(args, global),
        Command::Parse(args) => cli::parse::run(args),
        Command::Generate(args) => cli::generate::run(args),
        Command::Bench(args) => cli::bench::run(args),
        Command::Show(args) => cli::show::run(args),
        Command::Similar(args) => cli::similar::run(args, global),
        Command::Speakers(args) => cli::speakers::run(args),
        Command::Docs(args) => cli::docs::run(args),
        Command::Export(args) => cli::export::run(args, global),
        Command::Completions(args) => cli::completions::run(args),
        Command::Man(args) => cli::man::run(args, global.quiet),
        Command::Config(args) => cli::config::run(args, global),
        Command::Stats(args) => cli::stats::run(args),
        Command::Serve(args) => cli::serve::run(args),
        Command::Watch(args) => cli::watch::run(args, global),
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
