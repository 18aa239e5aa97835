//! Crash safety and concurrency: indexing runs killed with SIGKILL at random
//! moments, a second writer, a stale lock, searches during a write.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use podium::index::SEGMENT_FILE_ENDINGS;
use predicates::prelude::*;

use crate::corpusgen::{self, Briefing, Rng, COMMON};
use crate::support::{index_json, n, stats, text_counts};
use crate::util::Scratch;

/// A folder of generated briefings that changes between runs.
pub(crate) struct World {
    dir: PathBuf,
    files: BTreeMap<String, Briefing>,
    next_id: u64,
    rng: Rng,
}

impl World {
    pub(crate) fn new(dir: PathBuf, seed: u64, briefings: u64) -> World {
        let mut w = World {
            dir,
            files: BTreeMap::new(),
            next_id: 0,
            rng: Rng::new(seed),
        };
        for _ in 0..briefings {
            w.add();
        }
        w
    }

    /// Adds a briefing, and now and then a page republishing its end.
    pub(crate) fn add(&mut self) {
        let id = self.next_id;
        self.next_id += 1;
        let turns = self.rng.range(6, 14) as usize;
        let b = corpusgen::briefing(id, 0, turns);
        if self.rng.range(0, 8) == 0 {
            let page = corpusgen::republished_page(&b, 2);
            self.put(format!("s{id:04}-page2.txt"), page);
        }
        self.put(format!("s{id:04}.txt"), b);
    }

    fn put(&mut self, name: String, b: Briefing) {
        corpusgen::write(&self.dir, &name, &b);
        self.files.insert(name, b);
    }

    fn edit_one(&mut self, version: u64) {
        let names: Vec<String> = self
            .files
            .keys()
            .filter(|n| !n.contains("page"))
            .cloned()
            .collect();
        let name = names[self.rng.range(0, names.len() as u64) as usize].clone();
        let id: u64 = name[1..5].parse().expect("id");
        let turns = self.rng.range(6, 14) as usize;
        self.put(name, corpusgen::briefing(id, version, turns));
    }

    fn remove_one(&mut self) {
        let names: Vec<String> = self.files.keys().cloned().collect();
        let name = names[self.rng.range(0, names.len() as u64) as usize].clone();
        std::fs::remove_file(self.dir.join(&name)).expect("remove");
        self.files.remove(&name);
    }

    fn expected(&self) -> BTreeSet<String> {
        corpusgen::expected(&self.files.values().collect::<Vec<_>>())
    }
}

pub(crate) fn podium_bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("podium")
}

fn spawn_index(cwd: &Path, corpus: &Path, idx: &Path, extra: &[&str]) -> Child {
    Command::new(podium_bin())
        .current_dir(cwd)
        .env_remove("PODIUM_INDEX")
        .arg("index")
        .arg(corpus)
        .arg("--index")
        .arg(idx)
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn podium index")
}

/// The number in "N passages match" of a human search.
fn search_total(scratch: &Scratch, idx: &Path) -> u64 {
    let out = scratch
        .podium()
        .args(["search", COMMON, "-n", "1", "--color", "never", "--index"])
        .arg(idx)
        .output()
        .expect("search");
    assert_eq!(
        out.status.code(),
        Some(0),
        "search after a kill failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    text.split_whitespace()
        .next()
        .and_then(|w| w.parse().ok())
        .unwrap_or_else(|| panic!("no count in {text}"))
}

/// Whether the podium files of a new commit are appearing in `idx`.
fn committing(idx: &Path, before: &BTreeSet<String>) -> bool {
    std::fs::read_dir(idx).is_ok_and(|rd| {
        rd.flatten().any(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with("podium-") && !before.contains(&name)
        })
    })
}

fn names(idx: &Path) -> BTreeSet<String> {
    std::fs::read_dir(idx)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn assert_holds(idx: &Path, want: &BTreeSet<String>, when: &str) {
    let got = text_counts(idx);
    let doubled: Vec<&String> = got.iter().filter(|(_, &c)| c > 1).map(|(t, _)| t).collect();
    assert!(doubled.is_empty(), "{when}: doubled passages {doubled:?}");
    let got: BTreeSet<String> = got.into_keys().collect();
    let lost: Vec<&String> = want.difference(&got).collect();
    let extra: Vec<&String> = got.difference(want).collect();
    assert!(
        lost.is_empty() && extra.is_empty(),
        "{when}: {} lost, {} unexpected; lost {:?}",
        lost.len(),
        extra.len(),
        lost.iter().take(3).collect::<Vec<_>>()
    );
}

/// Kills `child` (SIGKILL) at a moment chosen by `round`: on even rounds
/// anywhere within `budget`, on odd ones as its commit begins, the most
/// delicate moment. Whether it was still running when killed.
fn kill_at_some_moment(
    child: &mut Child,
    round: u64,
    budget: Duration,
    rng: &mut Rng,
    idx: &Path,
    existing: &BTreeSet<String>,
) -> bool {
    if round.is_multiple_of(2) {
        std::thread::sleep(budget.mul_f64(rng.range(0, 1000) as f64 / 1000.0));
    } else {
        let deadline = Instant::now() + budget * 4;
        while Instant::now() < deadline
            && !committing(idx, existing)
            && child.try_wait().expect("try_wait").is_none()
        {
            std::thread::sleep(Duration::from_micros(200));
        }
        std::thread::sleep(Duration::from_micros(rng.range(0, 3000)));
    }
    let running = child.try_wait().expect("try_wait").is_none();
    child.kill().ok();
    child.wait().expect("reap");
    running
}

/// The index holds exactly the passages `before` the killed run or exactly
/// those `after` it, and search agrees.
fn holds_before_or_after(
    scratch: &Scratch,
    idx: &Path,
    before: &BTreeSet<String>,
    after: &BTreeSet<String>,
    when: &str,
) {
    let got: BTreeSet<String> = text_counts(idx).into_keys().collect();
    let state = if &got == after { after } else { before };
    assert_holds(idx, state, when);
    assert_eq!(search_total(scratch, idx) as usize, state.len(), "{when}");
}

#[test]
fn runs_killed_at_20_random_moments_lose_and_double_nothing() {
    let scratch = Scratch::new();
    let corpus = scratch.path().join("corpus");
    let idx = scratch.index();
    let mut world = World::new(corpus.clone(), 6, 90);
    let mut rng = Rng::new(2024);

    // A first complete build: the generator's passages are what podium reads.
    let started = Instant::now();
    let summary = index_json(&scratch, &idx, &[], &[&corpus]);
    let mut full_run = started.elapsed();
    let mut want = world.expected();
    assert_eq!(n(&summary, "passages") as usize, want.len(), "{summary}");
    assert_holds(&idx, &want, "first build");
    let mut last_run = full_run;

    let mut killed_mid_run = 0;
    for round in 0..20u64 {
        // Change the folder: edit, add, remove; every fifth run rebuilds.
        let rebuild = round % 5 == 4;
        for _ in 0..rng.range(1, 6) {
            world.edit_one(round + 1);
        }
        for _ in 0..rng.range(1, 5) {
            world.add();
        }
        for _ in 0..rng.range(0, 3) {
            world.remove_one();
        }
        let before = want.clone();
        let after = world.expected();

        let mut extra = vec!["--prune"];
        if rebuild {
            extra.push("--rebuild");
        }
        let existing = names(&idx);
        let mut child = spawn_index(scratch.path(), &corpus, &idx, &extra);
        let budget = if rebuild { full_run } else { last_run };
        if kill_at_some_moment(&mut child, round, budget, &mut rng, &idx, &existing) {
            killed_mid_run += 1;
        }

        // The index opens and answers with the last committed state:
        // exactly the passages before the run, or exactly those after it.
        let when = format!("round {round} after the kill");
        holds_before_or_after(&scratch, &idx, &before, &after, &when);

        // The next run completes the work.
        let started = Instant::now();
        index_json(&scratch, &idx, &["--prune"], &[&corpus]);
        last_run = started.elapsed();
        eprintln!("round {round}: follow-up run {last_run:?}");
        if rebuild {
            full_run = full_run.max(last_run);
        }
        want = after;
        let s = stats(&scratch, &idx);
        assert_eq!(n(&s, "passages") as usize, want.len(), "round {round}: {s}");
        assert_eq!(n(&s, "documents") as usize, world.files.len(), "{s}");
        assert_eq!(search_total(&scratch, &idx) as usize, want.len());
        assert_holds(
            &idx,
            &want,
            &format!("round {round} after the follow-up run"),
        );
    }
    eprintln!("{killed_mid_run} of 20 kills landed while the indexer was running");
}

#[test]
fn a_second_live_writer_is_told_the_index_is_busy() {
    let scratch = Scratch::new();
    scratch.index_seeds();
    // Another process holds the writer lock (this test process, through the
    // same advisory lock podium takes).
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(scratch.index().join("podium.lock"))
        .expect("lock file");
    lock.try_lock().expect("take the lock");
    scratch
        .podium()
        .arg("index")
        .arg(crate::util::seeds())
        .arg("--index")
        .arg(scratch.index())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "is being written by another process",
        ));
    // Searches are not blocked by a writer.
    let (hits, code) = scratch.search("Shanghai", &[]);
    assert_eq!(code, 0);
    assert!(!hits.is_empty());
    drop(lock);
    // Released: the next run goes ahead.
    scratch.index_seeds();
}

#[test]
fn a_lock_file_left_by_a_killed_writer_does_not_block() {
    let scratch = Scratch::new();
    let corpus = scratch.path().join("corpus");
    World::new(corpus.clone(), 11, 40);
    let idx = scratch.index();
    let mut child = spawn_index(scratch.path(), &corpus, &idx, &[]);
    // Wait until it holds the lock, then kill it.
    while !idx.join("podium.lock").exists() && child.try_wait().expect("try_wait").is_none() {
        std::thread::sleep(Duration::from_millis(1));
    }
    child.kill().ok();
    child.wait().expect("reap");
    assert!(idx.join("podium.lock").exists());
    let s = index_json(&scratch, &idx, &[], &[&corpus]);
    assert_eq!(n(&s, "documents"), 40 + count_pages(&corpus));
}

fn count_pages(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .expect("corpus")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("page"))
        .count() as u64
}

#[test]
fn searches_during_a_write_see_the_last_commit() {
    let scratch = Scratch::new();
    let corpus = scratch.path().join("corpus");
    let idx = scratch.index();
    let mut world = World::new(corpus.clone(), 21, 60);
    index_json(&scratch, &idx, &[], &[&corpus]);
    let before = world.expected().len() as u64;
    for _ in 0..40 {
        world.add();
    }
    let after = world.expected().len() as u64;
    let mut child = spawn_index(scratch.path(), &corpus, &idx, &["--rebuild"]);
    let mut seen = BTreeSet::new();
    let mut searches = 0;
    loop {
        let done = child.try_wait().expect("try_wait").is_some();
        let total = search_total(&scratch, &idx);
        assert!(
            total == before || total == after,
            "a search saw {total} passages, neither {before} (before) nor {after} (after)"
        );
        seen.insert(total);
        searches += 1;
        if done {
            break;
        }
    }
    assert!(child.wait().expect("reap").success());
    assert!(seen.contains(&after), "{seen:?}");
    eprintln!("{searches} searches during the write saw {seen:?}");
}

#[test]
fn files_left_by_a_killed_run_do_not_stop_the_next_one() {
    // A run killed between writing delete files and committing leaves them
    // behind, registered with tantivy; the next run doing the same work
    // reaches the same file names. Simulated here exactly: every name the
    // next few hundred operations could use exists already.
    let scratch = Scratch::new();
    let corpus = scratch.path().join("corpus");
    let mut world = World::new(corpus.clone(), 31, 12);
    let idx = scratch.index();
    index_json(&scratch, &idx, &[], &[&corpus]);
    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(idx.join("meta.json")).expect("meta")).expect("json");
    let opstamp = meta["opstamp"].as_u64().expect("opstamp");
    let managed_path = idx.join(".managed.json");
    let mut managed: Vec<String> =
        serde_json::from_slice(&std::fs::read(&managed_path).expect("managed")).expect("json");
    let mut orphans = Vec::new();
    for seg in meta["segments"].as_array().expect("segments") {
        let id = seg["segment_id"].as_str().expect("id").replace('-', "");
        for op in opstamp..opstamp + 400 {
            let name = format!("{id}.{op}.del");
            std::fs::write(idx.join(&name), b"left by a killed run").expect("orphan");
            managed.push(name.clone());
            orphans.push(name);
        }
    }
    std::fs::write(&managed_path, serde_json::to_vec(&managed).expect("json")).expect("managed");

    world.edit_one(1);
    world.remove_one();
    let s = index_json(&scratch, &idx, &["--prune"], &[&corpus]);
    assert!(s["committed"].as_bool().expect("committed"), "{s}");
    assert_holds(&idx, &world.expected(), "after the orphans");
    // (A name the new commit uses again holds the new commit's deletes.)
    let left = orphans
        .iter()
        .filter(|o| std::fs::read(idx.join(o)).is_ok_and(|b| b == b"left by a killed run"))
        .count();
    assert_eq!(left, 0, "orphan files were not cleaned up");
}

/// One JSON lines file of generated briefings, one per record (`text`
/// only, so each record reads exactly as the briefing's text file would).
fn write_records(path: &Path, records: &[Briefing]) {
    let lines: Vec<String> = records
        .iter()
        .map(|b| serde_json::json!({ "text": b.text }).to_string())
        .collect();
    std::fs::write(path, lines.join("\n") + "\n").expect("write records");
}

#[test]
fn json_lines_runs_killed_at_random_moments_lose_and_double_nothing() {
    // Records edited, inserted above others (which move) and deleted, the
    // run killed anywhere or as it commits: the index is always the last
    // commit, and the next run completes the work.
    let scratch = Scratch::new();
    let corpus = scratch.path().join("corpus");
    std::fs::create_dir_all(&corpus).expect("mkdir");
    let file = corpus.join("scraped.jsonl");
    let idx = scratch.index();
    let mut rng = Rng::new(77);
    let mut records: Vec<Briefing> = (0..40)
        .map(|id| corpusgen::briefing(id, 0, rng.range(6, 14) as usize))
        .collect();
    records.push(corpusgen::republished_page(&records[3], 2));
    let mut next_id = 40;
    write_records(&file, &records);
    let started = Instant::now();
    index_json(&scratch, &idx, &[], &[&corpus]);
    let run = started.elapsed();
    let expected = |rs: &[Briefing]| corpusgen::expected(&rs.iter().collect::<Vec<_>>());
    let mut want = expected(&records);
    assert_holds(&idx, &want, "first build");

    for round in 0..8u64 {
        for _ in 0..rng.range(1, 4) {
            let at = rng.range(0, records.len() as u64) as usize;
            records[at] = corpusgen::briefing(1000 + next_id, round + 1, 8);
            next_id += 1;
        }
        for _ in 0..rng.range(1, 3) {
            let at = rng.range(0, records.len() as u64) as usize;
            records.insert(at, corpusgen::briefing(next_id, 0, 8));
            next_id += 1;
        }
        let gone = rng.range(0, records.len() as u64) as usize;
        records.remove(gone);
        write_records(&file, &records);
        let (before, after) = (want.clone(), expected(&records));

        let existing = names(&idx);
        let mut child = spawn_index(scratch.path(), &corpus, &idx, &[]);
        if round % 2 == 0 {
            std::thread::sleep(run.mul_f64(rng.range(0, 1000) as f64 / 1000.0));
        } else {
            let deadline = Instant::now() + run * 4;
            while Instant::now() < deadline
                && !committing(&idx, &existing)
                && child.try_wait().expect("try_wait").is_none()
            {
                std::thread::sleep(Duration::from_micros(200));
            }
            std::thread::sleep(Duration::from_micros(rng.range(0, 3000)));
        }
        child.kill().ok(); // SIGKILL
        child.wait().expect("reap");
        let when = format!("round {round} after the kill");
        let got: BTreeSet<String> = text_counts(&idx).into_keys().collect();
        let state = if got == after { &after } else { &before };
        assert_holds(&idx, state, &when);

        let s = index_json(&scratch, &idx, &[], &[&corpus]);
        want = after;
        assert_eq!(n(&s, "documents") as usize, records.len(), "{s}");
        assert_holds(
            &idx,
            &want,
            &format!("round {round} after the follow-up run"),
        );
        crate::support::assert_same_as_rebuild(&scratch, &idx, &[&corpus]);
    }
}

/// The segments `meta.json` lists: id (as in file names), documents, and
/// deleted documents.
fn meta_segments(idx: &Path) -> Vec<(String, u64, u64)> {
    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(idx.join("meta.json")).expect("meta")).expect("json");
    meta["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .map(|s| {
            let id = s["segment_id"].as_str().expect("id").replace('-', "");
            let max_doc = s["max_doc"].as_u64().expect("max_doc");
            let deleted = s["deletes"]["num_deleted_docs"].as_u64().unwrap_or(0);
            (id, max_doc, deleted)
        })
        .collect()
}

/// The segments whose files are in `idx` (tantivy names them by segment id).
fn segments_on_disk(idx: &Path) -> BTreeSet<String> {
    names(idx)
        .into_iter()
        .filter(|n| SEGMENT_FILE_ENDINGS.iter().any(|ext| n.ends_with(ext)))
        .filter_map(|n| n.split('.').next().map(str::to_string))
        .collect()
}

#[test]
fn a_rebuild_leaves_one_fresh_generation_as_a_first_index_does() {
    // An index aged by incremental runs (several segments, deleted
    // passages) is rebuilt: what is left is a new generation only, laid out
    // as a first index of the same files is, and holding the same.
    let scratch = Scratch::new();
    let corpus = scratch.path().join("corpus");
    let idx = scratch.index();
    let mut world = World::new(corpus.clone(), 41, 30);
    index_json(&scratch, &idx, &[], &[&corpus]);
    for round in 1..=3 {
        world.edit_one(round);
        world.add();
        world.remove_one();
        index_json(&scratch, &idx, &["--prune"], &[&corpus]);
    }
    let aged = meta_segments(&idx);
    assert!(
        aged.len() > 1 || aged.iter().any(|s| s.2 > 0),
        "the incremental runs left one segment without deletes: {aged:?}"
    );
    world.edit_one(9);
    world.add();
    let s = index_json(&scratch, &idx, &["--rebuild"], &[&corpus]);
    let want = world.expected();
    assert_eq!(n(&s, "passages") as usize, want.len(), "{s}");
    assert_eq!(n(&s, "documents") as usize, world.files.len(), "{s}");
    assert_holds(&idx, &want, "after the rebuild");

    let rebuilt = meta_segments(&idx);
    assert!(
        rebuilt.iter().all(|s| s.2 == 0),
        "deletes left: {rebuilt:?}"
    );
    let docs: u64 = rebuilt.iter().map(|s| s.1).sum();
    assert_eq!(docs as usize, want.len(), "{rebuilt:?}");
    assert_eq!(n(&stats(&scratch, &idx), "passages") as usize, want.len());
    // No segment of the old generation survives, in meta.json or on disk.
    let listed: BTreeSet<String> = rebuilt.iter().map(|s| s.0.clone()).collect();
    assert!(aged.iter().all(|s| !listed.contains(&s.0)), "{aged:?}");
    assert_eq!(
        segments_on_disk(&idx),
        listed,
        "files of other segments left"
    );

    // The same passages, documents and registry as a first index of the
    // same files (built into `fresh`), in as many segments.
    crate::support::assert_same_as_rebuild(&scratch, &idx, &[&corpus]);
    let first = meta_segments(&scratch.path().join("fresh"));
    assert_eq!(rebuilt.len(), first.len(), "{rebuilt:?} vs {first:?}");
}

/// Copies the files of an index directory (it has no subfolders).
fn copy_index(from: &Path, to: &Path) {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read index").flatten() {
        std::fs::copy(e.path(), to.join(e.file_name())).expect("copy index file");
    }
}

#[test]
fn a_killed_rebuild_leaves_the_previous_index_searchable() {
    // A rebuild killed at any moment (half of them as its commit begins)
    // leaves the index it started from, whole and searchable; the next
    // run finishes the job.
    let scratch = Scratch::new();
    let corpus = scratch.path().join("corpus");
    let idx = scratch.index();
    let pristine = scratch.path().join("pristine");
    let mut world = World::new(corpus.clone(), 51, 40);
    let started = Instant::now();
    index_json(&scratch, &idx, &[], &[&corpus]);
    let run = started.elapsed();
    let before = world.expected();
    copy_index(&idx, &pristine);
    for round in 1..=3 {
        world.edit_one(round);
    }
    for _ in 0..4 {
        world.add();
    }
    world.remove_one();
    let after = world.expected();
    assert_ne!(before, after);

    let mut rng = Rng::new(99);
    let mut killed_mid_run = 0;
    for round in 0..6u64 {
        copy_index(&pristine, &idx);
        let existing = names(&idx);
        let mut child = spawn_index(scratch.path(), &corpus, &idx, &["--rebuild"]);
        if kill_at_some_moment(&mut child, round, run, &mut rng, &idx, &existing) {
            killed_mid_run += 1;
        }
        let when = format!("round {round} after the kill");
        holds_before_or_after(&scratch, &idx, &before, &after, &when);
    }
    eprintln!("{killed_mid_run} of 6 kills landed while the rebuild was running");

    // The next run completes the work.
    let s = index_json(&scratch, &idx, &["--rebuild"], &[&corpus]);
    assert_eq!(n(&s, "documents") as usize, world.files.len(), "{s}");
    assert_holds(&idx, &after, "after the follow-up rebuild");
    assert!(meta_segments(&idx).iter().all(|s| s.2 == 0));
}
