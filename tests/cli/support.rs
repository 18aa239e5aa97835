//! Helpers for the reliability tests: what an index holds, read through the
//! library (every stored passage), through the binary (`podium stats`), and
//! as files on disk.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Output;

use podium::index::PodiumIndex;
use podium::search::StoredPassage;
use serde_json::Value;
use tantivy::collector::DocSetCollector;
use tantivy::query::AllQuery;
use tantivy::TantivyDocument;

use crate::util::{json_lines, Scratch};

/// Every passage stored in the index at `dir`, as users see them (a JSON
/// lines record by its current `FILE#LINE`), sorted by file and position.
pub fn all_passages(dir: &Path) -> Vec<StoredPassage> {
    passages(dir, true)
}

/// Every passage as stored (a JSON lines record under its stored name),
/// sorted by that name and position.
pub fn stored_passages(dir: &Path) -> Vec<StoredPassage> {
    passages(dir, false)
}

fn passages(dir: &Path, shown: bool) -> Vec<StoredPassage> {
    let idx = PodiumIndex::open(dir).expect("open index");
    let searcher = idx.searcher();
    let addrs = searcher
        .search(&AllQuery, &DocSetCollector)
        .expect("all docs");
    let mut out: Vec<StoredPassage> = addrs
        .into_iter()
        .map(|a| {
            let d: TantivyDocument = searcher.doc(a).expect("stored doc");
            let p = StoredPassage::from_doc(&idx.fields, &d);
            if shown {
                p.shown(&idx).expect("shown names")
            } else {
                p
            }
        })
        .collect();
    out.sort_by(|a, b| (&a.file, a.position).cmp(&(&b.file, b.position)));
    out
}

/// The texts of every stored passage, with how often each is stored.
pub fn text_counts(dir: &Path) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for p in all_passages(dir) {
        *m.entry(p.text).or_insert(0) += 1;
    }
    m
}

/// `podium stats --json` for `dir`.
pub fn stats(scratch: &Scratch, dir: &Path) -> Value {
    let out = scratch
        .podium()
        .args(["stats", "--json", "--index"])
        .arg(dir)
        .output()
        .expect("podium stats");
    assert!(
        out.status.success(),
        "stats failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_lines(&out.stdout).remove(0)
}

/// `podium index ARGS --index DIR --json`: the summary, or the failure.
pub fn index_json(scratch: &Scratch, dir: &Path, args: &[&str], paths: &[&Path]) -> Value {
    let out = index_raw(scratch, dir, args, paths);
    assert!(
        out.status.success(),
        "podium index failed ({:?}): {}{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    json_lines(&out.stdout).remove(0)
}

/// `podium index ARGS --index DIR --json` as it ran.
pub fn index_raw(scratch: &Scratch, dir: &Path, args: &[&str], paths: &[&Path]) -> Output {
    scratch
        .podium()
        .arg("index")
        .args(paths)
        .args(args)
        .arg("--json")
        .arg("--index")
        .arg(dir)
        .output()
        .expect("podium index")
}

/// Every file of a directory with its size, modification time and content:
/// to show that a run changed nothing at all.
pub fn files(dir: &Path) -> BTreeMap<String, (u64, std::time::SystemTime, Vec<u8>)> {
    std::fs::read_dir(dir)
        .expect("read index dir")
        .map(|e| {
            let e = e.expect("entry");
            let m = e.metadata().expect("metadata");
            (
                e.file_name().to_string_lossy().into_owned(),
                (
                    m.len(),
                    m.modified().expect("mtime"),
                    std::fs::read(e.path()).expect("read"),
                ),
            )
        })
        .collect()
}

/// A summary count as a number.
pub fn n(v: &Value, key: &str) -> u64 {
    v[key]
        .as_u64()
        .unwrap_or_else(|| panic!("no number {key} in {v}"))
}

/// The index at `idx` holds exactly what a fresh `--rebuild` of `paths`
/// holds: every stored passage field (as stored, and as shown), the
/// documents and the registry.
pub fn assert_same_as_rebuild(scratch: &Scratch, idx: &Path, paths: &[&Path]) {
    let fresh = scratch.path().join("fresh");
    let _ = std::fs::remove_dir_all(&fresh);
    index_json(scratch, &fresh, &["--rebuild"], paths);
    assert_same_index(idx, &fresh);
}

/// The index at `idx` holds exactly what the one at `want` holds: every
/// stored passage field (as stored, and as shown), the documents and the
/// registry.
pub fn assert_same_index(idx: &Path, want: &Path) {
    let fresh = want;
    for read in [stored_passages, all_passages] {
        let (got, want) = (read(idx), read(fresh));
        assert_eq!(got.len(), want.len(), "passage counts differ");
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g, w);
        }
    }
    let a = PodiumIndex::open(idx).expect("incremental");
    let b = PodiumIndex::open(fresh).expect("rebuilt");
    let (ma, mb) = (
        a.manifest().expect("manifest"),
        b.manifest().expect("manifest"),
    );
    assert_eq!(ma.documents, mb.documents);
    assert_eq!(ma.registry, mb.registry);
}
