//! The index on disk: opening what a run starts from, creating, clearing,
//! and the commit that makes a run's work visible at once (see
//! [`crate::index`] for why it is atomic).

use std::fs;
use std::path::Path;

use tantivy::{Index, IndexWriter};

use crate::error::{Error, Result};
use crate::index::{analyzer, journal, schema, Fields, Manifest, Payload, PodiumIndex, State};

/// A tantivy error as podium reports it: another writer's lock is
/// [`Error::Busy`].
pub(super) fn busy_or(dir: &Path, e: tantivy::TantivyError) -> Error {
    match e {
        tantivy::TantivyError::LockFailure(..) => Error::Busy {
            path: dir.to_path_buf(),
        },
        e => Error::Tantivy(e),
    }
}

/// What a run starts from.
pub(super) struct Previous {
    pub(super) index: Option<(Index, Fields)>,
    pub(super) state: State,
    /// The manifest or the registry file is missing or damaged (or the
    /// index predates the registry file) and must be written again.
    pub(super) repair: bool,
}

/// The index already in `dir` (if any), its state, and whether its
/// manifest must be written again. With `rebuild`, an index that cannot be
/// opened is cleared away; without, it is an error that says to rebuild.
///
/// A missing or damaged manifest is repaired rather than refused: it is
/// derived from the state (the documents and their registry parts), so the
/// run commits a new one even if nothing else changed. A missing state
/// cannot be derived and needs `--rebuild`.
pub(super) fn open_previous(dir: &Path, rebuild: bool) -> Result<Previous> {
    let fresh = Previous {
        index: None,
        state: State::default(),
        repair: false,
    };
    if !crate::index::exists(dir) {
        return Ok(fresh);
    }
    match PodiumIndex::open(dir) {
        Ok(idx) => {
            let state = if rebuild {
                State::default()
            } else {
                match idx.state()? {
                    Some(s) => s,
                    None => {
                        return Err(Error::BadIndex {
                            path: dir.to_path_buf(),
                            reason: "it was written by an earlier podium that cannot update it"
                                .into(),
                        })
                    }
                }
            };
            // A lost registry file is derived from the manifest, as the
            // manifest is from the state; an index from before the
            // registry had its own file gets one.
            let registry_lost = !idx.has_registry_file() || idx.registry().is_err();
            Ok(Previous {
                repair: !rebuild && (idx.manifest().is_err() || registry_lost),
                index: Some((idx.index.clone(), idx.fields)),
                state,
            })
        }
        // Created, but nothing was ever committed: nothing to lose.
        Err(Error::NoIndex { .. }) => {
            remove_index_files(dir)?;
            Ok(fresh)
        }
        Err(_) if rebuild => {
            remove_index_files(dir)?;
            Ok(fresh)
        }
        Err(e) => Err(e),
    }
}

/// Creates a new, empty index in `dir`.
pub(super) fn create(dir: &Path) -> Result<(Index, Fields)> {
    fs::create_dir_all(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let index = Index::builder()
        .schema(schema::build())
        .settings(schema::settings())
        .create_in_dir(dir)?;
    analyzer::register(&index);
    let fields = Fields::from_schema(&index.schema())?;
    Ok((index, fields))
}

/// Deletes the files of an index (tantivy's and podium's), leaving anything
/// else in the folder alone. `meta.json` goes first, so a run killed in the
/// middle leaves no index rather than half of one.
fn remove_index_files(dir: &Path) -> Result<()> {
    let io = |source| Error::Io {
        path: dir.to_path_buf(),
        source,
    };
    let meta = dir.join("meta.json");
    if meta.exists() {
        fs::remove_file(&meta).map_err(io)?;
    }
    for entry in fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = name == ".managed.json"
            || is_podium_file(&name)
            || crate::index::SEGMENT_FILE_ENDINGS
                .iter()
                .any(|ext| name.ends_with(ext));
        if ours {
            fs::remove_file(entry.path()).map_err(io)?;
        }
    }
    Ok(())
}

/// Whether `name` is one of the files podium writes per commit (see
/// [`crate::index`]): the manifest, the state and the search registry.
fn is_podium_file(name: &str) -> bool {
    ["podium-manifest-", "podium-state-", "podium-registry-"]
        .iter()
        .any(|p| name.starts_with(p))
}

/// zstd level for podium's files. Level 1 is the fastest and, on these
/// files (JSON whose bulk is 64-bit hashes and repeated names), also the
/// smallest: a state of 7.9 MB becomes 1.4 MB.
const JSON_ZSTD_LEVEL: i32 = 1;

/// Writes `value` as zstd-compressed JSON to a new file in `dir`, synced,
/// under its final name only once complete. Compressed because the state
/// holds every passage's text hash and both repeat every speaker's names:
/// uncompressed they were a fifth of the index on disk. Streamed, so that
/// a large corpus's state (tens of megabytes of JSON) is never held whole.
fn write_json(dir: &Path, file: &str, value: &impl serde::Serialize) -> Result<()> {
    use std::io::Write;
    let io = |source| Error::Io {
        path: dir.join(file),
        source,
    };
    let tmp = dir.join(format!("{file}.tmp"));
    let f = fs::File::create(&tmp).map_err(io)?;
    let mut z = zstd::stream::write::Encoder::new(f, JSON_ZSTD_LEVEL).map_err(io)?;
    {
        let mut w = std::io::BufWriter::with_capacity(1 << 16, &mut z);
        serde_json::to_writer(&mut w, value)?;
        w.flush().map_err(io)?;
    }
    let f = z.finish().map_err(io)?;
    f.sync_all().map_err(io)?;
    fs::rename(&tmp, dir.join(file)).map_err(io)
}

/// Writes the manifest and state, records the passages the commit adds in
/// the journal (`added`: ids the previous commit did not hold), then
/// commits with a payload naming the files and the commit's generation,
/// then removes podium files that belong to neither this commit nor the
/// one before (orphans of killed runs included).
///
/// The writer stays open: a first build commits checkpoints with it and
/// goes on writing (see [`super::checkpoint`]); the last commit's caller
/// waits for tantivy's merges.
///
/// The journal line is synced before the commit: a run killed in between
/// leaves a line for a generation never committed, which readers ignore
/// and the next commit replaces (see [`journal`]).
pub(super) fn commit(
    dir: &Path,
    writer: &mut IndexWriter,
    manifest: &Manifest,
    state: &State,
    added: &[u64],
    readers: &journal::Readers,
) -> Result<()> {
    let opened = PodiumIndex::open(dir).ok();
    let previous: Vec<String> = opened
        .as_ref()
        .map(|idx| {
            let mut keep = vec![idx.manifest_file.clone()];
            keep.extend(idx.state_file.clone());
            keep.extend(idx.registry_file.clone());
            keep
        })
        .unwrap_or_default();
    // Generations go on from the last commit; an index started again (new,
    // or cleared because it was damaged) goes on from the journal, so the
    // cursors of saved searches keep their meaning.
    let committed = match &opened {
        Some(idx) => idx.generation(),
        None => journal::last_generation(dir)?,
    };
    let generation = committed + 1;
    let horizon = readers.horizon(dir, committed);
    journal::record(dir, generation, added, committed, horizon)?;
    let stamp = jiff::Timestamp::now().as_nanosecond();
    let tag = format!("{stamp}-{}", std::process::id());
    let manifest_file = format!("podium-manifest-{tag}.json.zst");
    let state_file = format!("podium-state-{tag}.json.zst");
    let registry_file = format!("podium-registry-{tag}.json.zst");
    write_json(dir, &manifest_file, manifest)?;
    write_json(dir, &state_file, state)?;
    write_json(
        dir,
        &registry_file,
        &crate::index::search_registry(&manifest.registry),
    )?;
    let payload = serde_json::to_string(&Payload {
        manifest: manifest_file.clone(),
        state: Some(state_file.clone()),
        registry: Some(registry_file.clone()),
        schema_version: schema::SCHEMA_VERSION,
        generation,
    })?;
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&payload);
    prepared.commit()?;
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            let ours = [&manifest_file, &state_file, &registry_file].contains(&&n);
            if is_podium_file(&n) && !ours && !previous.contains(&n) {
                let _ = fs::remove_file(e.path());
            }
        }
    }
    Ok(())
}
