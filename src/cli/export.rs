//! `podium export`: the index's passages for another engine. Today:
//! Quickwit (`--format quickwit`), see [`podium::export::quickwit`].

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::{Args, ValueEnum};

use super::{GlobalArgs, IndexLocation};
use podium::export::{self, quickwit};
use podium::render::sanitize;

/// The engines podium exports for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Quickwit: index-config.yaml and passages.ndjson.
    Quickwit,
}

#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// What to export for.
    #[arg(long, value_enum, default_value_t = ExportFormat::Quickwit)]
    pub format: ExportFormat,
    #[command(flatten)]
    pub location: IndexLocation,
    /// Folder to write into (created if needed; its export files are replaced).
    #[arg(long, value_name = "DIR", default_value = "podium-quickwit")]
    pub out: PathBuf,
    /// The Quickwit index id.
    #[arg(long, value_name = "ID", default_value = quickwit::DEFAULT_INDEX_ID)]
    pub index_id: String,
    /// Quickwit tokenizer for the passage text and titles.
    #[arg(long, value_enum, default_value_t = quickwit::Tokenizer::Auto)]
    pub tokenizer: quickwit::Tokenizer,
    /// The Quickwit release to write the config for: 0.9 (current; no
    /// stemming) or 0.8 (the last with en_stem).
    #[arg(long, value_enum, value_name = "VERSION", default_value_t = quickwit::QuickwitVersion::V0_9)]
    pub quickwit_version: quickwit::QuickwitVersion,
}

/// File names written into the output folder.
pub const CONFIG_FILE: &str = "index-config.yaml";
pub const PASSAGES_FILE: &str = "passages.ndjson";

/// Writes `contents` to `path` through a temporary file, so a failed run
/// leaves the previous file whole.
fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let tmp = path.with_extension("tmp");
    let file = fs::File::create(&tmp).with_context(|| format!("cannot write {}", tmp.display()))?;
    let mut w = BufWriter::new(file);
    write(&mut w)?;
    w.flush()
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    drop(w);
    fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

pub fn run(args: &ExportArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    if !quickwit::valid_index_id(&args.index_id) {
        bail!(
            "invalid Quickwit index id '{}': use 3 to 255 letters, digits, '-' or '_', starting with a letter",
            sanitize(&args.index_id)
        );
    }
    // Refused before anything is written: the config would be refused by
    // `quickwit index create` ("unknown tokenizer"), after the passages.
    if !args.quickwit_version.has(args.tokenizer) {
        bail!(
            "Quickwit {} does not ship the {} tokenizer (0.9 removed stemming): use --quickwit-version 0.8, or --tokenizer podium_folded",
            args.quickwit_version.as_str(),
            args.tokenizer.as_str()
        );
    }
    let dir = args.location.path();
    let index = args.location.open()?;
    fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let passages_path = args.out.join(PASSAGES_FILE);
    let config_path = args.out.join(CONFIG_FILE);

    let mut has_han = false;
    let mut all_dated = true;
    let mut count = 0;
    write_atomically(&passages_path, |w| {
        count = export::for_each_passage(&index, |p| {
            let record = quickwit::Record::of(&p);
            has_han |= record.has_han();
            all_dated &= record.date.is_some();
            let mut line = serde_json::to_vec(&record).map_err(anyhow::Error::from)?;
            line.push(b'\n');
            w.write_all(&line)
                .with_context(|| format!("cannot write {}", passages_path.display()))
        })?;
        Ok(())
    })?;
    let tokenizer = args.tokenizer.resolve(has_han, args.quickwit_version);
    let opts = quickwit::ConfigOptions {
        index_id: args.index_id.clone(),
        version: args.quickwit_version,
        tokenizer,
        timestamp: all_dated && count > 0,
    };
    let yaml =
        quickwit::index_config(&quickwit::passage_schema(), &opts).map_err(anyhow::Error::msg)?;
    write_atomically(&config_path, |w| {
        w.write_all(yaml.as_bytes())
            .with_context(|| format!("cannot write {}", config_path.display()))
    })?;

    if !global.quiet {
        let mut out = io::stdout().lock();
        let shown = |p: &Path| sanitize(&p.display().to_string()).into_owned();
        writeln!(
            out,
            "exported {count} passages from {} for Quickwit {} (index id {}, text tokenizer {})",
            shown(&dir),
            opts.version.as_str(),
            opts.index_id,
            tokenizer.as_str()
        )?;
        writeln!(out, "  {}  index config", shown(&config_path))?;
        writeln!(out, "  {}  one passage per line", shown(&passages_path))?;
        // The CLI talks to a running node (its REST API), so it starts first;
        // `--wait` returns once the passages are committed and searchable.
        writeln!(out, "next:")?;
        writeln!(out, "  quickwit run    (in another terminal)")?;
        writeln!(
            out,
            "  quickwit index create --index-config {}",
            shown(&config_path)
        )?;
        writeln!(
            out,
            "  quickwit index ingest --index {} --input-path {} --wait",
            opts.index_id,
            shown(&passages_path)
        )?;
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}
