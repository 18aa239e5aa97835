//! The argument groups several subcommands share, and opening the index
//! they name.
//!
//! One definition per group, flattened into each subcommand's arguments
//! (`#[command(flatten)]`), so that a flag is spelled, documented and
//! checked the same everywhere it appears: where the index is
//! ([`IndexLocation`]), the search filters ([`FilterArgs`]), synonyms
//! ([`SynonymArgs`]), the output format ([`FormatArgs`]), `-n`
//! ([`hit_count`]); and [`open_or_build`], the one way a reading command
//! opens its index (building the default one from the seeds on first use).

use std::io;
use std::path::PathBuf;
use std::sync::Arc;

use clap::Args;

use super::index as index_cmd;
use podium::index::{self, PodiumIndex};
use podium::render::Format;
use podium::search::filter::{parse_date, Bound};
use podium::search::{self, Filters, Synonyms};
use podium::transcript::Role;

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
            .or_else(|| podium::config::current().index.clone())
            .unwrap_or_else(|| PathBuf::from(DEFAULT_INDEX))
    }

    /// Opens the index there as it is: for commands that must not build
    /// one (`stats`, `export`, `bench`); reading commands use
    /// [`open_or_build`].
    pub fn open(&self) -> podium::Result<PodiumIndex> {
        PodiumIndex::open(&self.path())
    }

    /// Whether the user left the location to podium (no flag, variable or
    /// config setting).
    pub fn is_default(&self) -> bool {
        self.dir.is_none() && podium::config::current().index.is_none()
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

/// `--speaker`, `--outlet`, `--role`, `--since`, `--until`: shared by
/// `search` and `speakers`.
#[derive(Debug, Clone, Default, Args)]
pub struct FilterArgs {
    /// Only passages by this speaker (Gong Zheng, gong, Mayor Gong, Mr. Gong, GONG ZHENG; accents optional); repeat for any of several.
    #[arg(long, value_name = "NAME")]
    pub speaker: Vec<String>,
    /// Only passages by speakers of this outlet or organisation, as the text names it (Reuters, "wall street journal"; case and accents optional); repeat for any of several.
    #[arg(long, value_name = "NAME")]
    pub outlet: Vec<String>,
    /// Only passages in this role: official, moderator, journalist, narration (or words such as minister, chair, host, reporter, press).
    #[arg(long, value_name = "ROLE", value_parser = search::role::parse)]
    pub role: Option<Role>,
    /// Only passages dated on or after DATE: YYYY, YYYY-MM, YYYY-MM-DD, "March 28, 2024", "March 2024", or back from today (today, 30d, 2w, 6m, 1y).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only passages dated on or before DATE (same forms as --since; a year or month ends on its last day).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only passages of this briefing, named as `podium docs` lists it (or its file name, or a JSON lines file for all its records); repeat for any of several.
    #[arg(long, value_name = "PATH")]
    pub file: Vec<String>,
}

impl FilterArgs {
    /// The filters, dates checked.
    pub fn filters(&self) -> anyhow::Result<Filters> {
        Ok(Filters {
            speakers: self.speaker.clone(),
            outlets: self.outlet.clone(),
            role: self.role,
            since: self
                .since
                .as_deref()
                .map(|s| parse_date(s, Bound::Start))
                .transpose()?,
            until: self
                .until
                .as_deref()
                .map(|s| parse_date(s, Bound::End))
                .transpose()?,
            files: self.file.clone(),
        })
    }
}

/// `--synonyms FILE` and `--no-synonyms`.
#[derive(Debug, Clone, Default, Args)]
pub struct SynonymArgs {
    /// More synonyms, one group per line: "PBOC = People's Bank of China" [default: the config file's `synonyms`, else $XDG_CONFIG_HOME/podium/synonyms.txt or ~/.config/podium/synonyms.txt, if it exists]
    #[arg(long, value_name = "FILE", env = "PODIUM_SYNONYMS")]
    pub synonyms: Option<PathBuf>,
    /// Search the words typed only: no synonyms, shipped or user's.
    #[arg(long, conflicts_with = "synonyms")]
    pub no_synonyms: bool,
}

impl SynonymArgs {
    /// The synonym map: the shipped list plus the user's file — `--synonyms`,
    /// else `$PODIUM_SYNONYMS`, else the config file's `synonyms = …`, else
    /// `synonyms.txt` in podium's config folder if it exists.
    pub fn load(&self) -> anyhow::Result<Arc<Synonyms>> {
        if self.no_synonyms {
            return Ok(Synonyms::none());
        }
        Ok(match podium::config::synonyms(self.synonyms.as_deref()) {
            Some((f, _)) => Arc::new(Synonyms::shipped_plus(&f)?),
            None => Synonyms::shipped(),
        })
    }
}

/// `-n`: a whole number of at least 1. `-n 0` would print a count and no
/// hits, which is what `--quiet` is for, so it is refused and says so.
pub fn hit_count(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(0) => Err(
            "0 hits would show nothing: give 1 or more (to only test for a match, use --quiet)"
                .into(),
        ),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("'{s}' is not a number of hits: give 1 or more")),
    }
}

/// Opens the index, building the default one from the sample corpus first
/// when it does not exist yet.
pub fn open_or_build(location: &IndexLocation) -> anyhow::Result<PodiumIndex> {
    open_or_build_with(location, false)
}

/// [`open_or_build`], saying nothing about the build when `quiet`.
pub fn open_or_build_with(location: &IndexLocation, quiet: bool) -> anyhow::Result<PodiumIndex> {
    let dir = location.path();
    if location.is_default() && !index::exists(&dir) {
        let (sources, from) = index_cmd::default_sources();
        if !quiet {
            eprintln!(
                "podium: no index at {}/ yet; building it from {from} ({} files)",
                dir.display(),
                sources.len()
            );
        }
        let summary = index_cmd::build(&dir, &sources, None)?;
        if !quiet {
            index_cmd::print_summary(&mut io::stderr().lock(), &dir, &summary)?;
        }
    }
    Ok(PodiumIndex::open(&dir)?)
}
