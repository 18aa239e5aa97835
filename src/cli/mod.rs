//! The command line: clap definitions, and one module per subcommand that
//! turns checked arguments into library calls and output.
//!
//! A module of the binary, not of the library: it is the edge where the
//! library's typed errors become `anyhow` reports with context. The
//! argument groups several subcommands share, and opening the index they
//! name, are in [`args`]; how results look is `podium::render`'s (this
//! module picks a renderer, it does not format).
//!
//! Exit codes (scripts rely on them): 0 when there are hits (or the command
//! did its job), 1 when a search finds nothing (or `watch check` nothing
//! new), 2 on error.

pub mod args;
pub mod bench;
pub mod completions;
pub mod config;
pub mod docs;
pub mod examples;
pub mod export;
pub mod generate;
pub mod index;
pub mod man;
pub mod oom;
pub mod parse;
pub mod search;
pub mod serve;
pub mod show;
pub mod similar;
pub mod speakers;
pub mod stats;
pub mod watch;

use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand};

pub use podium::render::style::ColorChoice;
use podium::render::style::Style;
use podium::render::{self, Format, Output};

pub use args::{FormatArgs, IndexLocation, DEFAULT_INDEX};

/// podium: find who said what, when, in press-briefing transcripts.
#[derive(Debug, Parser)]
#[command(
    name = "podium",
    version,
    propagate_version = true,
    about = "Full-text search over press-briefing transcripts: who said what, when.",
    after_help = examples::after_help("podium")
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every subcommand takes, before or after its name.
#[derive(Debug, Clone, Default, Args)]
pub struct GlobalArgs {
    /// When to colour output: auto (a terminal without NO_COLOR), always, never [default: auto, or `color` in the config file]
    #[arg(long, value_enum, value_name = "WHEN", global = true)]
    pub color: Option<ColorChoice>,
    /// Wrap text output at COLS columns, 0 for never [default: the terminal's width; no wrapping when piped]
    #[arg(long, value_name = "COLS", global = true)]
    pub width: Option<usize>,
    /// Print nothing but errors (no results, summary, notes or progress bar): the exit code tells.
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

impl GlobalArgs {
    /// The colour choice in effect: `--color`, else the config file's, else
    /// auto (which respects NO_COLOR).
    pub fn color_choice(&self) -> ColorChoice {
        self.color
            .or(podium::config::current().color)
            .unwrap_or_default()
    }

    /// How to decorate stdout: the colour choice and the config's palette.
    pub fn style(&self) -> Style {
        Style {
            color: self.color_choice().enabled(),
            palette: podium::config::current().palette,
        }
    }

    /// Columns to wrap to: `--width` (0: none), else the terminal's.
    pub fn wrap_width(&self) -> Option<usize> {
        match self.width {
            Some(0) => None,
            Some(n) => Some(n),
            None => render::terminal_width(),
        }
    }

    /// Everything that decides what results look like, for `format`.
    pub fn output(&self, format: Format) -> Output {
        Output {
            format,
            style: self.style(),
            width: self.wrap_width(),
            quiet: self.quiet,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index transcripts into speaker-attributed passages.
    #[command(
        after_help = examples::after_help("index")
    )]
    Index(index::IndexArgs),
    /// Search the index: ranked passages with speaker, role and date.
    #[command(
        after_help = examples::after_help("search")
    )]
    Search(search::SearchArgs),
    /// Show how transcripts are parsed, without indexing them.
    #[command(
        after_help = examples::after_help("parse")
    )]
    Parse(parse::ParseArgs),
    /// Write a synthetic corpus of briefings, for benchmarks and stress tests.
    #[command(
        after_help = examples::after_help("generate")
    )]
    Generate(generate::GenerateArgs),
    /// Measure query latency on an index: p50/p95/p99 and queries per second, warm and cold.
    #[command(
        after_help = examples::after_help("bench")
    )]
    Bench(bench::BenchArgs),
    /// Show one passage in full, with the passages around it.
    #[command(
        after_help = examples::after_help("show")
    )]
    Show(show::ShowArgs),
    /// Passages on the same subject as one passage ("more like this"), by other speakers and in other briefings first.
    #[command(
        after_help = examples::after_help("similar")
    )]
    Similar(similar::SimilarArgs),
    /// List speakers with role, title and passage counts; with a QUERY, who says it most.
    #[command(
        after_help = examples::after_help("speakers")
    )]
    Speakers(speakers::SpeakersArgs),
    /// List indexed briefings with date, title, speakers and passage counts.
    #[command(after_help = examples::after_help("docs"))]
    Docs(docs::DocsArgs),
    /// Export the index for another engine: Quickwit's index config and NDJSON.
    #[command(
        after_help = examples::after_help("export")
    )]
    Export(export::ExportArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    #[command(
        after_help = examples::after_help("completions")
    )]
    Completions(completions::CompletionsArgs),
    /// Print podium's man page (roff), or write one per subcommand.
    #[command(
        after_help = examples::after_help("man")
    )]
    Man(man::ManArgs),
    /// Show the configuration in effect and where each setting came from.
    #[command(
        after_help = examples::after_help("config")
    )]
    Config(config::ConfigArgs),
    /// Show what the index holds: documents, passages, speakers, size, last commit.
    #[command(after_help = examples::after_help("stats"))]
    Stats(stats::StatsArgs),
    /// Serve the index over HTTP: a JSON API and a search page, on 127.0.0.1:7878.
    #[command(
        after_help = examples::after_help("serve")
    )]
    Serve(serve::ServeArgs),
    /// Saved searches: follow a topic or a person, and be told what is new (add, list, remove, check).
    #[command(
        after_help = examples::after_help("watch")
    )]
    Watch(watch::WatchArgs),
}

/// Exit code for "nothing found".
pub const NO_HITS: u8 = 1;
/// Exit code for errors.
pub const ERROR: u8 = 2;

/// Whether an error is a closed stdout (`podium search … | head`): not a
/// failure, the reader has what it wanted.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// An error and its causes on one line, control characters escaped.
pub fn one_line(e: &anyhow::Error) -> String {
    let msg = format!("{e:#}").replace('\n', " ");
    podium::render::sanitize(&msg).into_owned()
}

/// Parses the command line. Help and version go to stdout as clap prints
/// them; a usage error is one line on stderr with clap's tip and the
/// subcommand's usage, and exit code 2.
pub fn parse_args() -> Result<Cli, ExitCode> {
    match Cli::try_parse() {
        Ok(cli) => Ok(cli),
        Err(e) => {
            use clap::error::ErrorKind;
            match e.kind() {
                ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                    let _ = e.print();
                    Err(if e.exit_code() == 0 {
                        ExitCode::SUCCESS
                    } else {
                        ExitCode::from(ERROR)
                    })
                }
                ErrorKind::InvalidSubcommand => {
                    use clap::error::{ContextKind, ContextValue};
                    let typed = match e.get(ContextKind::InvalidSubcommand) {
                        Some(ContextValue::String(s)) => s.clone(),
                        _ => String::new(),
                    };
                    eprintln!("podium: error: {}", unknown_subcommand_line(&typed));
                    Err(ExitCode::from(ERROR))
                }
                _ => {
                    let line = usage_error_line(&e.render().to_string(), &subcommand_named());
                    eprintln!("podium: error: {line}");
                    Err(ExitCode::from(ERROR))
                }
            }
        }
    }
}

/// Words people type for "find passages" that are not podium's command
/// for it: answered with `search` though they look nothing like it.
const SEARCH_WORDS: &[&str] = &["find", "query", "grep", "lookup", "look", "seek"];

/// The error for a subcommand podium does not have: what was typed, the
/// command it most likely meant ([`meant_subcommand`]), and every command
/// there is. clap's own tip is not used: it picks by Jaro similarity,
/// which answers `serv` with `search` rather than `serve` and `find` with
/// `index`, a different command that shares three letters.
pub fn unknown_subcommand_line(typed: &str) -> String {
    let cmd = Cli::command();
    let names: Vec<&str> = cmd
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| c.get_name())
        .collect();
    let mut out = format!("unrecognized subcommand '{typed}'");
    match meant_subcommand(typed, &names) {
        Some(Meant::Lookalike(name)) => {
            out.push_str(&format!("; tip: a similar subcommand exists: '{name}'"));
        }
        Some(Meant::Search) => {
            out.push_str("; tip: to find passages, the command is 'search' (podium search WORDS)");
        }
        None => {}
    }
    out.push_str(&format!(
        "; commands: {}; see `podium --help`",
        names.join(", ")
    ));
    podium::render::sanitize(&out).into_owned()
}

/// What an unknown subcommand was most likely meant to be.
#[derive(Debug, PartialEq, Eq)]
pub enum Meant<'a> {
    /// A command whose name it nearly is.
    Lookalike(&'a str),
    /// A word for searching ([`SEARCH_WORDS`]).
    Search,
}

/// The command `typed` stands for, if one clearly does: the only command
/// it begins (`serv` → `serve`, `sim` → `similar`, two letters at least),
/// else the only nearest within one edit for names up to four letters and
/// two beyond (`sarch`, `serach` → `search`; `server` → `serve`), else
/// `search` for a word that means it (`find`, `query`). Nothing when two
/// commands are as near, or none is near: a wrong guess misleads more than
/// the list of commands helps.
pub fn meant_subcommand<'a>(typed: &str, names: &[&'a str]) -> Option<Meant<'a>> {
    let t = typed.trim().to_lowercase();
    if t.chars().count() >= 2 {
        let starts: Vec<&str> = names
            .iter()
            .copied()
            .filter(|n| n.starts_with(&t))
            .collect();
        if let [one] = starts[..] {
            return Some(Meant::Lookalike(one));
        }
    }
    let limit = if t.chars().count() <= 4 { 1 } else { 2 };
    let mut near: Vec<(usize, &str)> = names
        .iter()
        .map(|n| (podium::search::speaker::edit_distance(&t, n), *n))
        .filter(|(d, _)| *d <= limit)
        .collect();
    near.sort();
    match near[..] {
        [(d, one), ..] if near.iter().filter(|(e, _)| *e == d).count() == 1 => {
            return Some(Meant::Lookalike(one));
        }
        _ => {}
    }
    if SEARCH_WORDS.contains(&t.as_str()) && names.contains(&"search") {
        return Some(Meant::Search);
    }
    None
}

/// The command the user named (`podium search`), for the `--help` hint.
fn subcommand_named() -> String {
    let cmd = Cli::command();
    std::env::args()
        .skip(1)
        .find_map(|a| {
            cmd.get_subcommands()
                .find(|s| s.get_name() == a)
                .map(|s| format!("podium {}", s.get_name()))
        })
        .unwrap_or_else(|| "podium".to_string())
}

/// clap's multi-line usage error as one line: the error, its tips, the
/// usage, and which `--help` to read (`command`'s when the usage does not
/// say).
pub fn usage_error_line(rendered: &str, command: &str) -> String {
    let mut error = String::new();
    let mut tips = Vec::new();
    let mut usage = None;
    for line in rendered.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(rest) = line.strip_prefix("error:") {
            error = rest.trim().to_string();
        } else if let Some(rest) = line.strip_prefix("tip:") {
            tips.push(rest.trim().to_string());
        } else if let Some(rest) = line.strip_prefix("Usage:") {
            usage = Some(rest.trim().to_string());
        } else if line.starts_with("For more information") {
        } else if error.is_empty() {
            error = line.to_string();
        } else if usage.is_none() && tips.is_empty() {
            // The error's own continuation lines (the missing arguments).
            if !error.ends_with(':') {
                error.push(',');
            }
            error.push(' ');
            error.push_str(line);
        }
    }
    let mut out = error;
    for t in tips {
        out.push_str("; tip: ");
        out.push_str(&t);
    }
    let command = usage
        .as_deref()
        .map(|u| {
            u.split_whitespace()
                .take_while(|w| !w.starts_with(['[', '<', '-']))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| command.to_string());
    if let Some(u) = usage {
        out.push_str("; usage: ");
        out.push_str(&u);
    }
    out.push_str(&format!("; see `{command} --help`"));
    podium::render::sanitize(&out).into_owned()
}

/// The clap command, for completions and man pages.
pub fn command() -> clap::Command {
    Cli::command()
}

/// Turns a panic into podium's error contract: one line on stderr and exit
/// code 2, never a backtrace dump and exit code 101. A panic is a bug, but
/// the likeliest trigger in the field is an index damaged in a way its
/// checks at open cannot see (a flipped bit inside a segment), so the line
/// says how to rebuild. With `RUST_BACKTRACE` set, the full report is
/// printed first, for developers.
pub fn exit_on_panic() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // The PDF reader's panics are caught and become a warning on the
        // file (see `input::pdf`): not podium's bug, not the end of a run.
        if podium::input::pdf::extracting() {
            return;
        }
        if std::env::var_os("RUST_BACKTRACE").is_some() {
            default(info);
        }
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|l| {
                // The last parts of the path are enough to find the place.
                let parts: Vec<&str> = l.file().rsplit(['/', '\\']).take(3).collect();
                let short: Vec<&str> = parts.into_iter().rev().collect();
                format!(" at {}:{}", short.join("/"), l.line())
            })
            .unwrap_or_default();
        let msg = format!(
            "internal error ({what}{place}); if it happened reading an index, the index may be damaged: `podium index --rebuild` rebuilds it"
        );
        eprintln!(
            "podium: error: {}",
            podium::render::sanitize(&msg.replace('\n', " "))
        );
        std::process::exit(i32::from(ERROR));
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_errors_become_one_line_with_a_hint() {
        let rendered = "error: unexpected argument '--foo' found\n\n  tip: to pass '--foo' as a value, use '-- --foo'\n\nUsage: podium index [OPTIONS] [PATH]...\n\nFor more information, try '--help'.\n";
        assert_eq!(
            usage_error_line(rendered, "podium"),
            "unexpected argument '--foo' found; tip: to pass '--foo' as a value, use '-- --foo'; usage: podium index [OPTIONS] [PATH]...; see `podium index --help`"
        );
        let missing = "error: the following required arguments were not provided:\n  <QUERY>\n\nUsage: podium search <QUERY>\n";
        assert_eq!(
            usage_error_line(missing, "podium search"),
            "the following required arguments were not provided: <QUERY>; usage: podium search <QUERY>; see `podium search --help`"
        );
        assert_eq!(
            usage_error_line(
                "error: a value is required for '--since <DATE>'\n",
                "podium search"
            ),
            "a value is required for '--since <DATE>'; see `podium search --help`"
        );
    }

    #[test]
    fn unknown_subcommands_are_answered_only_with_what_they_look_like() {
        let names = [
            "index", "search", "serve", "show", "similar", "stats", "speakers",
        ];
        let meant = |t| meant_subcommand(t, &names);
        assert_eq!(meant("serv"), Some(Meant::Lookalike("serve")));
        assert_eq!(meant("server"), Some(Meant::Lookalike("serve")));
        assert_eq!(meant("sarch"), Some(Meant::Lookalike("search")));
        assert_eq!(meant("serach"), Some(Meant::Lookalike("search")));
        assert_eq!(meant("sim"), Some(Meant::Lookalike("similar")));
        assert_eq!(meant("find"), Some(Meant::Search));
        assert_eq!(meant("query"), Some(Meant::Search));
        // Far from every name, or as near to two: no guess.
        assert_eq!(meant("frobnicate"), None);
        assert_eq!(meant("s"), None);
        assert_eq!(meant("se"), None);
        assert_eq!(meant("sta"), Some(Meant::Lookalike("stats")));
    }

    #[test]
    fn the_command_line_definition_is_valid() {
        Cli::command().debug_assert();
    }
}
