//! `podium config`: the configuration in effect, and where each setting
//! came from (a flag, an environment variable, the config file or the
//! default). See [`podium::config`] for the file itself.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{GlobalArgs, DEFAULT_INDEX};
use podium::config::{self, Origin};
use podium::render::sanitize;
use podium::search::Synonyms;

#[derive(Debug, Clone, Args)]
pub struct ConfigArgs {
    /// Print the path of the config file podium reads (it may not exist yet).
    #[arg(long, conflicts_with = "example")]
    pub path: bool,
    /// Print an example config file with every setting and its default.
    #[arg(long)]
    pub example: bool,
    /// Show the index location as `--index DIR` would make it.
    #[arg(long = "index", value_name = "DIR")]
    pub index: Option<PathBuf>,
}

/// The index directory in effect and where it came from: flag, then
/// `PODIUM_INDEX`, then the config file, then `index/`.
pub fn index_origin(flag: Option<PathBuf>) -> (PathBuf, Origin) {
    if let Some(p) = flag {
        return (p, Origin::Flag);
    }
    if let Some(v) = std::env::var_os("PODIUM_INDEX").filter(|v| !v.is_empty()) {
        return (PathBuf::from(v), Origin::Env("PODIUM_INDEX"));
    }
    if let Some(p) = &config::current().index {
        return (p.clone(), Origin::File);
    }
    (PathBuf::from(DEFAULT_INDEX), Origin::Default)
}

pub fn run(args: &ConfigArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let mut out = io::stdout().lock();
    let cfg = config::current();
    if args.example {
        out.write_all(config::EXAMPLE.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let file = cfg
        .path
        .clone()
        .or_else(|| match std::env::var_os(config::CONFIG_ENV) {
            Some(v) if v.is_empty() => None,
            Some(v) => Some(PathBuf::from(v)),
            None => config::default_path(),
        });
    if args.path {
        match &file {
            Some(p) => writeln!(out, "{}", p.display())?,
            None => writeln!(out)?,
        }
        return Ok(ExitCode::SUCCESS);
    }
    let file_line = match (&file, &cfg.path) {
        (Some(p), Some(_)) => sanitize(&p.display().to_string()).into_owned(),
        (Some(p), None) => format!(
            "{} (not there; `podium config --example` prints one)",
            sanitize(&p.display().to_string())
        ),
        (None, _) => format!("none (${} is empty)", config::CONFIG_ENV),
    };
    let (index, index_from) = index_origin(args.index.clone());
    // What a search uses: the shipped list, and the user's file if any.
    let shipped = Synonyms::shipped().len();
    let synonyms = match config::synonyms(None) {
        Some((p, from)) => format!(
            "{} ({from}{}), added to the shipped list ({shipped} groups)",
            sanitize(&p.display().to_string()),
            if p.is_file() {
                ""
            } else {
                "; not there: searches stop with an error"
            }
        ),
        None => format!("the shipped list ({shipped} groups)"),
    };
    let choice = global.color_choice();
    let color_from = if global.color.is_some() {
        Origin::Flag
    } else if cfg.color.is_some() {
        Origin::File
    } else {
        Origin::Default
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color_note = match (choice, no_color) {
        (super::ColorChoice::Auto, true) => ", NO_COLOR is set: no colour",
        _ => "",
    };
    writeln!(out, "config file  {file_line}")?;
    writeln!(
        out,
        "index        {} ({index_from})",
        sanitize(&index.display().to_string())
    )?;
    writeln!(out, "synonyms     {synonyms}")?;
    writeln!(
        out,
        "color        {} ({color_from}{color_note})",
        format!("{choice:?}").to_lowercase()
    )?;
    Ok(ExitCode::SUCCESS)
}
