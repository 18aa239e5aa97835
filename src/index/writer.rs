//! Building an index from transcripts.
//!
//! Indexing runs in two passes over the sources, both spread over the
//! machine's cores:
//!
//! 1. *Survey*: parse every transcript on its own, to learn who speaks
//!    where (the speaker registry: a page without a roster learns who chairs
//!    from the briefings that have one) and which passages are republished
//!    word for word in several files.
//! 2. *Index*: parse again with that knowledge and write the passages. A
//!    republished passage is written once, from the file that holds most of
//!    the briefing, and lists the other files in `also_in`.
//!
//! Sources are read again in the second pass rather than kept in memory,
//! so memory stays bounded by the writer's budget whatever the corpus size.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use jiff::civil::Date;
use tantivy::{DateTime, Index, IndexWriter, TantivyDocument, Term};

use super::progress::{Pass, ProgressHook};
use super::{analyzer, schema, DocumentInfo, Fields, Manifest, Payload};
use crate::corpus::Source;
use crate::error::{Error, Result, Warning};
use crate::passage::{self, Passage};
use crate::registry::RegistryBuilder;
use crate::transcript::{name, Knowledge};

/// How to build an index.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Date for transcripts whose text gives none (`podium index --date`).
    pub fallback_date: Option<Date>,
    /// Worker threads for parsing and tantivy's indexing.
    pub threads: usize,
    /// tantivy's indexing memory budget in bytes, shared by its threads.
    pub memory_budget: usize,
    /// Told as each file is done (a progress bar); nobody by default.
    pub progress: ProgressHook,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            fallback_date: None,
            threads: std::thread::available_parallelism().map_or(2, |n| n.get().min(8)),
            memory_budget: 256 * 1024 * 1024,
            progress: ProgressHook::default(),
        }
    }
}

/// What a build did.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct BuildSummary {
    /// Transcripts indexed.
    pub documents: usize,
    /// Passages written.
    pub passages: usize,
    /// Passages not written again because another file has them.
    pub republished: usize,
    pub speakers: usize,
    /// Files that could not be indexed, and other problems, by file.
    pub warnings: Vec<Warning>,
}

/// The first pass's findings about one source.
#[derive(Default)]
struct Survey {
    passages: usize,
    keys: Vec<u64>,
}

/// Folded-text key of a passage, to find republished text across files.
fn text_key(p: &Passage) -> Option<u64> {
    p.dedup_key()
        .map(|_| passage::fnv1a(&[name::fold(&p.text).as_bytes()]))
}

/// Runs `work` on every source index across `threads` threads, collecting
/// results in source order.
fn parallel<T: Send>(n: usize, threads: usize, work: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<T>>> = Mutex::new((0..n).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..threads.max(1) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    break;
                }
                let r = work(i);
                if let Ok(mut all) = results.lock() {
                    all[i] = Some(r);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect()
}

/// Builds (or rebuilds) the index in `dir` from `sources`.
///
/// Files that cannot be read or parsed become warnings; the others are
/// indexed. It is an error only when nothing at all could be indexed.
pub fn build(dir: &Path, sources: &[Source], opts: &BuildOptions) -> Result<BuildSummary> {
    let threads = opts.threads.max(1);
    // Pass 1: survey.
    opts.progress.begin(Pass::Survey, sources);
    let surveys: Vec<(Result<Survey, Warning>, RegistryBuilder)> =
        parallel(sources.len(), threads, |i| {
            let src = &sources[i];
            let mut reg = RegistryBuilder::default();
            let survey = src.read_document().map(|doc| {
                let t = doc.parse();
                reg.add_transcript(&t, src.display());
                let ps = passage::passages(&t, src.display());
                opts.progress.file(Pass::Survey, src, ps.len());
                Survey {
                    passages: ps.len(),
                    keys: ps.iter().filter_map(text_key).collect(),
                }
            });
            if survey.is_err() {
                opts.progress.file(Pass::Survey, src, 0);
            }
            (survey, reg)
        });
    let mut warnings = Vec::new();
    let mut registry = RegistryBuilder::default();
    let mut usable = vec![false; sources.len()];
    let mut keyed: Vec<(u64, u32)> = Vec::new();
    let mut sizes = vec![0usize; sources.len()];
    for (i, (survey, reg)) in surveys.into_iter().enumerate() {
        match survey {
            Ok(s) => {
                usable[i] = true;
                sizes[i] = s.passages;
                let doc = u32::try_from(i).unwrap_or(u32::MAX);
                keyed.extend(s.keys.into_iter().map(|k| (k, doc)));
                registry.merge(reg);
            }
            Err(w) => warnings.push(w),
        }
    }
    if !usable.iter().any(|u| *u) {
        opts.progress.finish();
        return Err(Error::NothingToIndex(if sources.is_empty() {
            "no transcript files found".into()
        } else {
            format!("none of the {} files could be read", sources.len())
        }));
    }
    let knowledge = Knowledge {
        fallback_date: opts.fallback_date,
        people: registry.build().knowledge(),
    };
    let owners = republished_owners(keyed, &sizes);

    // Pass 2: index.
    opts.progress.begin(Pass::Index, sources);
    let (index, fields) = create(dir)?;
    let writer: IndexWriter = index.writer_with_num_threads(threads, opts.memory_budget)?;
    writer.delete_all_documents()?;
    let docs: Vec<Result<(DocumentInfo, RegistryBuilder), Warning>> =
        parallel(sources.len(), threads, |i| {
            if !usable[i] {
                opts.progress.file(Pass::Index, &sources[i], 0);
                return Err(Warning {
                    file: String::new(),
                    message: String::new(),
                });
            }
            let src = &sources[i];
            let t = src.read_document()?.parse_with(&knowledge);
            let mut reg = RegistryBuilder::default();
            reg.add_transcript(&t, src.display());
            let mut info = DocumentInfo {
                file: src.display().to_string(),
                title: t.title.clone(),
                date: t.date,
                passages: 0,
                republished: 0,
                speakers: Vec::new(),
                warnings: t.warnings.clone(),
            };
            let mut seen = HashSet::new();
            let mut speakers = Vec::new();
            for mut p in passage::passages(&t, src.display()) {
                if let Some(key) = text_key(&p) {
                    if let Some((owner, others)) = owners.get(&key) {
                        if *owner as usize != i {
                            info.republished += 1;
                            continue;
                        }
                        p.also_in = others
                            .iter()
                            .filter(|&&d| d as usize != i)
                            .map(|&d| sources[d as usize].display().to_string())
                            .collect();
                    }
                    if !seen.insert(key) {
                        continue; // the same paragraph twice in one file
                    }
                }
                if !speakers.contains(&p.speaker) {
                    speakers.push(p.speaker.clone());
                }
                reg.add_passage(&p);
                writer
                    .add_document(document(&fields, &p))
                    .map_err(|e| Warning {
                        file: src.display().to_string(),
                        message: format!("could not be indexed: {e}"),
                    })?;
                info.passages += 1;
            }
            info.speakers = speakers;
            opts.progress.file(
                Pass::Index,
                src,
                usize::try_from(info.passages).unwrap_or(0),
            );
            Ok((info, reg))
        });
    let mut documents = Vec::new();
    let mut final_registry = RegistryBuilder::default();
    let mut summary = BuildSummary::default();
    for (i, d) in docs.into_iter().enumerate() {
        match d {
            Ok((info, reg)) => {
                summary.passages += usize::try_from(info.passages).unwrap_or(usize::MAX);
                summary.republished += usize::try_from(info.republished).unwrap_or(usize::MAX);
                warnings.extend(info.warnings.iter().map(|m| Warning {
                    file: info.file.clone(),
                    message: m.clone(),
                }));
                final_registry.merge(reg);
                documents.push(info);
            }
            Err(w) if usable[i] => warnings.push(w),
            Err(_) => {}
        }
    }
    summary.documents = documents.len();
    let registry = final_registry.build();
    summary.speakers = registry
        .speakers
        .iter()
        .filter(|s| s.passages > 0 && s.role() != crate::transcript::Role::Narration)
        .count();
    let manifest = Manifest {
        podium_version: env!("CARGO_PKG_VERSION").to_string(),
        schema_version: schema::SCHEMA_VERSION,
        committed_at: jiff::Timestamp::now().to_string(),
        documents,
        registry,
    };
    opts.progress.begin(Pass::Commit, &[]);
    let committed = commit(dir, writer, &manifest);
    opts.progress.finish();
    committed?;
    summary.warnings = warnings;
    Ok(summary)
}

/// For every passage text found in more than one file: the file that keeps
/// it (the one with most passages, so a briefing's full transcript wins
/// over a page that repeats part of it; ties go to the first file) and all
/// the files it is in.
fn republished_owners(
    mut keyed: Vec<(u64, u32)>,
    sizes: &[usize],
) -> HashMap<u64, (u32, Vec<u32>)> {
    keyed.sort_unstable();
    keyed.dedup();
    let mut out = HashMap::new();
    for run in keyed.chunk_by(|a, b| a.0 == b.0) {
        if run.len() < 2 {
            continue;
        }
        let docs: Vec<u32> = run.iter().map(|(_, d)| *d).collect();
        let owner = docs
            .iter()
            .copied()
            .min_by_key(|&d| (std::cmp::Reverse(sizes[d as usize]), d))
            .unwrap_or(docs[0]);
        out.insert(run[0].0, (owner, docs));
    }
    out
}

/// Opens the index in `dir` for rewriting, or creates it. An index in an
/// older format, or damaged beyond opening, is replaced: this is a rebuild.
fn create(dir: &Path) -> Result<(Index, Fields)> {
    fs::create_dir_all(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    if super::exists(dir) {
        if let Ok(idx) = super::PodiumIndex::open(dir) {
            return Ok((idx.index.clone(), idx.fields));
        }
        remove_index_files(dir)?;
    }
    let index = Index::create_in_dir(dir, schema::build())?;
    analyzer::register(&index);
    let fields = Fields::from_schema(&index.schema())?;
    Ok((index, fields))
}

/// Deletes the files of an index (tantivy's and podium's), leaving anything
/// else in the folder alone.
fn remove_index_files(dir: &Path) -> Result<()> {
    let io = |source| Error::Io {
        path: dir.to_path_buf(),
        source,
    };
    for entry in fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = name == "meta.json"
            || name == ".managed.json"
            || name.starts_with(".tantivy-")
            || name.starts_with("podium-manifest-")
            || [
                ".idx",
                ".pos",
                ".term",
                ".store",
                ".fast",
                ".fieldnorm",
                ".del",
            ]
            .iter()
            .any(|ext| name.ends_with(ext));
        if ours {
            fs::remove_file(entry.path()).map_err(io)?;
        }
    }
    Ok(())
}

/// Writes the manifest, then commits with a payload naming it, then removes
/// manifests of earlier commits.
fn commit(dir: &Path, mut writer: IndexWriter, manifest: &Manifest) -> Result<()> {
    let stamp = jiff::Timestamp::now().as_nanosecond();
    let file = format!("podium-manifest-{stamp}-{}.json", std::process::id());
    let tmp = dir.join(format!("{file}.tmp"));
    let io = |source| Error::Io {
        path: dir.join(&file),
        source,
    };
    fs::write(&tmp, serde_json::to_vec(manifest)?).map_err(io)?;
    fs::rename(&tmp, dir.join(&file)).map_err(io)?;
    let payload = serde_json::to_string(&Payload {
        manifest: file.clone(),
        schema_version: schema::SCHEMA_VERSION,
    })?;
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&payload);
    prepared.commit()?;
    writer.wait_merging_threads()?;
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            if n.starts_with("podium-manifest-") && n != file {
                let _ = fs::remove_file(e.path());
            }
        }
    }
    Ok(())
}

/// Seconds since the epoch at midnight UTC of `d`: how dates are stored.
pub fn date_to_index(d: Date) -> DateTime {
    let days = i64::from(
        d.since(Date::constant(1970, 1, 1))
            .map_or(0, |span| span.get_days()),
    );
    DateTime::from_timestamp_secs(days * 86_400)
}

/// The calendar date of a stored date.
pub fn date_from_index(dt: DateTime) -> Option<Date> {
    let secs = dt.into_timestamp_secs();
    Date::constant(1970, 1, 1)
        .checked_add(jiff::Span::new().days(secs.div_euclid(86_400)))
        .ok()
}

/// The tantivy document for a passage.
fn document(f: &Fields, p: &Passage) -> TantivyDocument {
    let mut d = TantivyDocument::new();
    d.add_text(f.id, &p.id);
    d.add_text(f.file, &p.file);
    d.add_text(f.files, &p.file);
    for other in &p.also_in {
        d.add_text(f.files, other);
        d.add_text(f.also_in, other);
    }
    if let Some(t) = &p.title {
        d.add_text(f.title, t);
    }
    if let Some(date) = p.date {
        d.add_date(f.date, date_to_index(date));
    }
    d.add_text(f.speaker, &p.speaker);
    d.add_text(f.speaker_words, &p.speaker);
    if let Some(l) = &p.label {
        d.add_text(f.label, l);
        d.add_text(f.speaker_words, l);
    }
    if let Some(t) = &p.speaker_title {
        d.add_text(f.speaker_title, t);
    }
    d.add_text(f.role, p.role.as_str());
    d.add_u64(f.turn, u64::from(p.turn));
    d.add_u64(f.position, u64::from(p.position));
    d.add_u64(f.line, u64::from(p.line));
    d.add_text(f.text, &p.text);
    d
}

/// The term that identifies a passage, for deleting or replacing it.
pub fn id_term(f: &Fields, id: &str) -> Term {
    Term::from_field_text(f.id, id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        for d in [
            Date::constant(2024, 3, 28),
            Date::constant(1969, 12, 31),
            Date::constant(2000, 2, 29),
        ] {
            assert_eq!(date_from_index(date_to_index(d)), Some(d));
        }
    }

    #[test]
    fn republished_text_goes_to_the_biggest_file() {
        let owners = republished_owners(vec![(7, 0), (7, 2), (9, 1)], &[3, 10, 40]);
        assert_eq!(owners.get(&7), Some(&(2, vec![0, 2])));
        assert!(!owners.contains_key(&9));
    }
}
