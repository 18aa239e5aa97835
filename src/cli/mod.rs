//! The command line: clap definitions, and one module per subcommand that
//! turns checked arguments into library calls and output.
//!
//! Exit codes (scripts rely on them): 0 when there are hits (or the command
//! did its job), 1 when a search finds nothing (or `watch check` nothing
//! new), 2 on error.

pub mod bench;
pub mod completions;
pub mod config;
pub mod docs;
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

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand};

pub use crate::render::style::ColorChoice;
use crate::render::style::Style;
use crate::render::{self, Format, Output};

/// podium: find who said what, when, in press-briefing transcripts.
#[derive(Debug, Parser)]
#[command(
    name = "podium",
    version,
    propagate_version = true,
    about = "Full-text search over press-briefing transcripts: who said what, when.",
    after_help = "Examples:\n  podium search \"STAR Market\"\n  podium search \"STAR Market\" --speaker \"Gong Zheng\" --since 2024-01-01\n  podium search 科创板 --format tsv | cut -f3,4\n  podium index transcripts/ --index my-index\n  podium parse seeds/003_5e6a9a4541243482.txt --explain\n  podium completions bash > ~/.local/share/bash-completion/completions/podium\n\nConfiguration: podium config (see `podium config --example`)."
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
            .or(crate::config::current().color)
            .unwrap_or_default()
    }

    /// How to decorate stdout: the colour choice and the config's palette.
    pub fn style(&self) -> Style {
        Style {
            color: self.color_choice().enabled(),
            palette: crate::config::current().palette,
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

/// `--format` for commands that print results, with `--json` kept as its
/// shorthand.
#[derive(Debug, Clone, Default, Args)]
pub struct FormatArgs {
    /// Output format: text for people, json (one object per hit per line, with the total), tsv or csv (a header row, then one row per hit).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// Shorthand for --format json.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
}

impl FormatArgs {
    pub fn format(&self) -> Format {
        if self.json {
            Format::Json
        } else {
            self.format.unwrap_or_default()
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index transcripts into speaker-attributed passages.
    #[command(
        after_help = "Examples:\n  podium index\n  podium index transcripts/ more/briefing.txt --index my-index\n  podium index transcripts/ --prune\n  podium index transcripts/ --rebuild\n  podium index scans/ --date 2024-03-28\n  podium index scraped.jsonl"
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
    /// Write a synthetic corpus of briefings, for benchmarks and stress tests.
    #[command(
        after_help = "Examples:\n  podium generate /tmp/corpus --passages 1000000\n  podium index /tmp/corpus --index /tmp/corpus-index\n  podium bench --index /tmp/corpus-index --queries /tmp/corpus/queries.mix"
    )]
    Generate(generate::GenerateArgs),
    /// Measure query latency on an index: p50/p95/p99 and queries per second, warm and cold.
    #[command(
        after_help = "Examples:\n  podium bench\n  podium bench --index /tmp/corpus-index --queries /tmp/corpus/queries.mix --json"
    )]
    Bench(bench::BenchArgs),
    /// Show one passage in full, with the passages around it.
    #[command(
        after_help = "Examples:\n  podium show 708b03575f3f69eb\n  podium show 708b0357 --context 2\n  podium show 708b03575f3f69eb --json"
    )]
    Show(show::ShowArgs),
    /// Passages on the same subject as one passage ("more like this"), by other speakers and in other briefings first.
    #[command(
        after_help = "Examples:\n  podium similar 708b03575f3f69eb\n  podium similar 708b0357 --role official --since 2024 -n 5\n  podium similar 708b0357 --format json"
    )]
    Similar(similar::SimilarArgs),
    /// List speakers with role, title and passage counts; with a QUERY, who says it most.
    #[command(
        after_help = "Examples:\n  podium speakers\n  podium speakers \"STAR Market\"\n  podium speakers tariffs --role official --json"
    )]
    Speakers(speakers::SpeakersArgs),
    /// List indexed briefings with date, title, speakers and passage counts.
    #[command(after_help = "Examples:\n  podium docs\n  podium docs --json")]
    Docs(docs::DocsArgs),
    /// Export the index for another engine: Quickwit's index config and NDJSON.
    #[command(
        after_help = "Examples:\n  podium export --format quickwit\n  podium export --format quickwit --out /data/qw --index-id briefings\n  podium export --index my-index --tokenizer chinese_compatible\n  podium export --quickwit-version 0.8   (a Quickwit 0.8 cluster: en_stem)\n\nThen (Quickwit 0.9):\n  quickwit run   (in another terminal)\n  quickwit index create --index-config podium-quickwit/index-config.yaml\n  quickwit index ingest --index podium --input-path podium-quickwit/passages.ndjson --wait"
    )]
    Export(export::ExportArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    #[command(
        after_help = "Examples:\n  podium completions bash > ~/.local/share/bash-completion/completions/podium\n  podium completions zsh > ~/.zfunc/_podium\n  podium completions fish > ~/.config/fish/completions/podium.fish"
    )]
    Completions(completions::CompletionsArgs),
    /// Print podium's man page (roff), or write one per subcommand.
    #[command(
        after_help = "Examples:\n  podium man | man -l -\n  podium man --dir ~/.local/share/man/man1"
    )]
    Man(man::ManArgs),
    /// Show the configuration in effect and where each setting came from.
    #[command(
        after_help = "Examples:\n  podium config\n  podium config --example > \"$(podium config --path)\"\n  PODIUM_INDEX=/data/idx podium config"
    )]
    Config(config::ConfigArgs),
    /// Show what the index holds: documents, passages, speakers, size, last commit.
    #[command(after_help = "Examples:\n  podium stats\n  podium stats --index my-index --json")]
    Stats(stats::StatsArgs),
    /// Serve the index over HTTP: a JSON API and a search page, on 127.0.0.1:7878.
    #[command(
        after_help = "Examples:\n  podium serve\n  podium serve --index my-index --addr 127.0.0.1:8080\n  curl 'http://127.0.0.1:7878/api/search?q=STAR+Market&n=3'"
    )]
    Serve(serve::ServeArgs),
    /// Saved searches: follow a topic or a person, and be told what is new (add, list, remove, check).
    #[command(
        after_help = "Examples:\n  podium watch add tariffs tariffs --role official\n  podium watch check\n  podium watch list --json\n  podium watch remove tariffs\n\nFrom cron (exit 0: something new, 1: nothing, 2: error):\n  */30 * * * * cd ~/briefings && podium index new/ && podium watch check --format tsv >> alerts.tsv\n\n`podium serve` publishes each saved search as an Atom feed at /feeds/NAME.atom."
    )]
    Watch(watch::WatchArgs),
}

/// Where the index lives: `--index DIR`, else `PODIUM_INDEX`, else the
/// config file's `index`, else `index/`.
#[derive(Debug, Clone, Args)]
pub struct IndexLocation {
    /// Index directory [default: $PODIUM_INDEX, else `index` in the config file, else index/]
    #[arg(long = "index", value_name = "DIR", env = "PODIUM_INDEX")]
    pub dir: Option<PathBuf>,
}

/// The default index directory.
pub const DEFAULT_INDEX: &str = "index";

impl IndexLocation {
    pub fn path(&self) -> PathBuf {
        self.dir
            .clone()
            .or_else(|| crate::config::current().index.clone())
            .unwrap_or_else(|| PathBuf::from(DEFAULT_INDEX))
    }

    /// Whether the user left the location to podium (no flag, variable or
    /// config setting).
    pub fn is_default(&self) -> bool {
        self.dir.is_none() && crate::config::current().index.is_none()
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
    crate::render::sanitize(&out).into_owned()
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
        .map(|n| (crate::search::speaker::edit_distance(&t, n), *n))
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
    crate::render::sanitize(&out).into_owned()
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
        if crate::input::pdf::extracting() {
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
            crate::render::sanitize(&msg.replace('\n', " "))
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
