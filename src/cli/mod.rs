//! The command line: clap definitions, and one module per subcommand that
//! turns checked arguments into library calls and output.
//!
//! Exit codes (scripts rely on them): 0 when there are hits (or the command
//! did its job), 1 when a search finds nothing, 2 on error.

pub mod index;
pub mod parse;
pub mod search;
pub mod stats;

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::render::text::Style;

/// podium: find who said what, when, in press-briefing transcripts.
#[derive(Debug, Parser)]
#[command(
    name = "podium",
    version,
    about = "Full-text search over press-briefing transcripts: who said what, when.",
    after_help = "Examples:\n  podium search \"STAR Market\"\n  podium search \"STAR Market\" --speaker \"Gong Zheng\" --since 2024-01-01\n  podium index transcripts/ --index my-index\n  podium parse seeds/003_5e6a9a4541243482.txt --explain"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index transcripts into speaker-attributed passages.
    #[command(
        after_help = "Examples:\n  podium index\n  podium index transcripts/ more/briefing.txt --index my-index\n  podium index transcripts/ --prune\n  podium index transcripts/ --rebuild\n  podium index scans/ --date 2024-03-28"
    )]
    Index(index::IndexArgs),
    /// Search the index: ranked passages with speaker, role and date.
    #[command(
        after_help = "Examples:\n  podium search \"STAR Market\"\n  podium search \"container throughput\" --speaker gong --role official\n  podium search \"angel investment\" --since 2024-03 --until 2024 -n 5 --json"
    )]
    Search(search::SearchArgs),
    /// Show how transcripts are parsed, without indexing them.
    #[command(
        after_help = "Examples:\n  podium parse seeds/003_5e6a9a4541243482.txt\n  podium parse seeds/*.txt --json\n  podium parse briefing.txt --explain"
    )]
    Parse(parse::ParseArgs),
    /// Show what the index holds: documents, passages, speakers, size, last commit.
    #[command(after_help = "Examples:\n  podium stats\n  podium stats --index my-index --json")]
    Stats(stats::StatsArgs),
}

/// Where the index lives: `--index DIR`, else `PODIUM_INDEX`, else `index/`.
#[derive(Debug, Clone, Args)]
pub struct IndexLocation {
    /// Index directory [default: index/, or $PODIUM_INDEX]
    #[arg(long = "index", value_name = "DIR", env = "PODIUM_INDEX")]
    pub dir: Option<PathBuf>,
}

/// The default index directory.
pub const DEFAULT_INDEX: &str = "index";

impl IndexLocation {
    pub fn path(&self) -> PathBuf {
        self.dir
            .clone()
            .unwrap_or_else(|| PathBuf::from(DEFAULT_INDEX))
    }

    /// Whether the user left the location to podium.
    pub fn is_default(&self) -> bool {
        self.dir.is_none()
    }
}

/// When to colour output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and NO_COLOR is not set.
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    pub fn style(self) -> Style {
        let color = match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
        Style { color }
    }
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
    crate::render::sanitize(&msg).into_owned()
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
            crate::render::sanitize(&msg.replace('\n', " "))
        );
        std::process::exit(i32::from(ERROR));
    }));
}
