//! Incremental indexing: running `podium index` again adds, replaces,
//! leaves alone and prunes, and always ends with the index a `--rebuild`
//! of the same files gives — republished passages, `also_in` and the
//! speaker registry included. A run with nothing to do changes no file.

use std::path::{Path, PathBuf};

use podium::index::PodiumIndex;

use crate::support::{all_passages, assert_same_as_rebuild, files, index_json, n, stats};
use crate::util::{seed_files, Scratch, ROSTER};

/// Where seed `i` is (or was) copied to in `dir`.
fn seed_in(dir: &Path, i: usize) -> PathBuf {
    dir.join(seed_files()[i].file_name().expect("name"))
}

fn copy_seed(dir: &Path, i: usize) -> PathBuf {
    let dst = seed_in(dir, i);
    std::fs::create_dir_all(dir).expect("mkdir");
    std::fs::copy(&seed_files()[i], &dst).expect("copy seed");
    dst
}

/// The start of most tests here: a scratch directory with the seeds
/// `which` copied into its folder `c/`; returns it, the folder and the
/// index path (not built yet).
fn with_seeds(which: &[usize]) -> (Scratch, PathBuf, PathBuf) {
    let scratch = Scratch::new();
    let dir = scratch.path().join("c");
    let idx = scratch.index();
    for &i in which {
        copy_seed(&dir, i);
    }
    (scratch, dir, idx)
}

/// Whether an `index --json` run committed anything.
fn committed(s: &serde_json::Value) -> bool {
    s["committed"].as_bool().expect("committed")
}

#[test]
fn adding_files_one_by_one_ends_as_a_rebuild_would() {
    let scratch = Scratch::new();
    let dir = scratch.path().join("c");
    let idx = scratch.index();
    // 000 repeats the end of 003, the fuller briefing: 000 first holds the
    // shared passages, then hands them to 003 when it arrives.
    let mut count = 0;
    for i in [0, 1, 2, 4, 3] {
        copy_seed(&dir, i);
        count += 1;
        let s = index_json(&scratch, &idx, &[], &[&dir]);
        assert_eq!(n(&s, "added"), 1, "{s}");
        assert_eq!(n(&s, "unchanged"), count - 1, "{s}");
        assert_eq!(n(&s, "documents"), count, "{s}");
        if i == 3 {
            assert!(
                n(&s, "refreshed") >= 1,
                "000 must give up its passages: {s}"
            );
            assert_eq!(n(&s, "republished"), 7, "{s}");
        }
        assert_same_as_rebuild(&scratch, &idx, &[&dir]);
    }
    let held = all_passages(&idx);
    let shared: Vec<_> = held.iter().filter(|p| !p.also_in.is_empty()).collect();
    assert_eq!(shared.len(), 7);
    assert!(shared
        .iter()
        .all(|p| p.file.contains("003_") && p.also_in[0].contains("000_")));
}

#[test]
fn a_removed_file_is_kept_until_prune_then_its_part_goes() {
    let (scratch, dir, idx) = with_seeds(&[0, 1, 2, 3, 4]);
    index_json(&scratch, &idx, &[], &[&dir]);
    let before = all_passages(&idx);
    let gone = seed_in(&dir, 3);
    std::fs::remove_file(&gone).expect("remove");

    // Without --prune the document stays, as it was.
    let s = index_json(&scratch, &idx, &[], &[&dir]);
    assert_eq!(n(&s, "missing"), 1, "{s}");
    assert_eq!(n(&s, "removed"), 0, "{s}");
    assert!(!committed(&s), "{s}");
    assert_eq!(all_passages(&idx), before);

    // With it, the document and its part of the registry go, and 000
    // holds the passages it shared with it again.
    let s = index_json(&scratch, &idx, &["--prune"], &[&dir]);
    assert_eq!(n(&s, "removed"), 1, "{s}");
    assert_eq!(n(&s, "documents"), 4, "{s}");
    assert!(n(&s, "refreshed") >= 1, "{s}");
    assert_eq!(n(&s, "republished"), 0, "{s}");
    assert_same_as_rebuild(&scratch, &idx, &[&dir]);
    let registry = PodiumIndex::open(&idx)
        .expect("open")
        .registry()
        .expect("registry")
        .clone();
    assert!(
        registry
            .speakers
            .iter()
            .all(|s| s.documents.iter().all(|d| !d.contains("003_"))),
        "the registry still names the pruned file"
    );
}

#[test]
fn a_changed_file_is_replaced_and_the_rest_left_alone() {
    let (scratch, dir, idx) = with_seeds(&[0, 1, 2, 3, 4]);
    index_json(&scratch, &idx, &[], &[&dir]);
    let file = seed_in(&dir, 4);
    let text = std::fs::read_to_string(&file).expect("read");
    assert!(text.contains("Xiongan"));
    std::fs::write(&file, text.replace("Xiongan", "Quillmere")).expect("edit");
    let s = index_json(&scratch, &idx, &[], &[&dir]);
    assert_eq!(
        (n(&s, "added"), n(&s, "updated"), n(&s, "unchanged")),
        (0, 1, 4),
        "{s}"
    );
    assert_same_as_rebuild(&scratch, &idx, &[&dir]);
    let (hits, _) = scratch.search("Quillmere", &[]);
    assert!(!hits.is_empty());
    let (hits, code) = scratch.search("Xiongan", &[]);
    assert_eq!(code, 1, "old text still found: {hits:?}");
}

const PAGE: &str = "Fisheries Agency briefing on harbour fees

Date: 9 November 2023

HALVORSEN:
Harbour fees for fishing boats under fifteen metres will be waived for the whole of next year, as promised in October.

Fjord Times:
How much will the waiver cost the agency over the coming year?

HALVORSEN:
About four million, paid from the compensation fund that opened this month for the smaller boats.
";

#[test]
fn what_a_new_file_teaches_about_a_speaker_reaches_files_already_indexed() {
    let (scratch, dir, idx) = with_seeds(&[1, 2]);
    scratch.write("c/page.txt", PAGE);
    index_json(&scratch, &idx, &[], &[&dir]);
    let (hits, _) = scratch.search("waived", &[]);
    assert_eq!(crate::util::s(&hits[0], "speaker"), "Halvorsen");

    // The roster of another briefing gives her full name: the page is
    // parsed again and rewritten; the unrelated seeds are not.
    scratch.write("c/roster.txt", ROSTER);
    let s = index_json(&scratch, &idx, &[], &[&dir]);
    assert_eq!((n(&s, "added"), n(&s, "refreshed")), (1, 1), "{s}");
    let (hits, _) = scratch.search("waived", &[]);
    assert_eq!(crate::util::s(&hits[0], "speaker"), "Signe Halvorsen");
    assert_same_as_rebuild(&scratch, &idx, &[&dir]);

    // And when the roster goes, so does what it taught.
    std::fs::remove_file(dir.join("roster.txt")).expect("remove");
    let s = index_json(&scratch, &idx, &["--prune"], &[&dir]);
    assert_eq!((n(&s, "removed"), n(&s, "refreshed")), (1, 1), "{s}");
    let (hits, _) = scratch.search("waived", &[]);
    assert_eq!(crate::util::s(&hits[0], "speaker"), "Halvorsen");
    assert_same_as_rebuild(&scratch, &idx, &[&dir]);
}

#[test]
fn indexing_the_same_folder_again_changes_no_file() {
    let (scratch, dir, idx) = with_seeds(&[0, 1, 2, 3, 4]);
    scratch.write("c/page.txt", PAGE);
    let first = index_json(&scratch, &idx, &[], &[&dir]);
    let on_disk = files(&idx);
    let stats_before = stats(&scratch, &idx);

    for extra in [&[][..], &["--prune"][..]] {
        let again = index_json(&scratch, &idx, extra, &[&dir]);
        assert!(!committed(&again), "{again}");
        assert_eq!(n(&again, "unchanged"), 6, "{again}");
        assert_eq!(n(&again, "passages"), n(&first, "passages"));
        assert_eq!(
            files(&idx),
            on_disk,
            "a run with nothing to do changed files"
        );
    }
    // Touched but not changed: still nothing to do.
    let f = dir.join("page.txt");
    std::fs::write(&f, std::fs::read(&f).expect("read")).expect("touch");
    // No PATH: the index checks its own files.
    let again = crate::support::index_json(&scratch, &idx, &[], &[]);
    assert!(!committed(&again), "{again}");
    assert_eq!(files(&idx), on_disk);
    assert_eq!(stats(&scratch, &idx), stats_before);
}

#[test]
fn index_with_no_path_updates_the_files_it_already_holds() {
    let scratch = Scratch::new();
    let idx = scratch.index();
    scratch.write("c/page.txt", PAGE);
    scratch.write("c/roster.txt", ROSTER);
    index_json(&scratch, &idx, &[], &[&scratch.path().join("c")]);
    scratch.write("c/page.txt", PAGE.replace("four million", "nine million"));
    let s = index_json(&scratch, &idx, &[], &[]);
    assert_eq!((n(&s, "updated"), n(&s, "documents")), (1, 2), "{s}");
    let (hits, code) = scratch.search("nine million", &[]);
    assert_eq!(code, 0, "{hits:?}");
}

#[test]
fn a_date_given_once_sticks_until_another_replaces_it() {
    let scratch = Scratch::new();
    let idx = scratch.index();
    let undated = copy_seed(&scratch.path().join("c"), 1); // no date in the text
    let date_of = |scratch: &Scratch| {
        let (hits, _) = scratch.search("the", &["-n", "1"]);
        crate::util::s(&hits[0], "date").to_string()
    };
    let s = index_json(&scratch, &idx, &["--date", "2024-05-01"], &[&undated]);
    assert_eq!(n(&s, "added"), 1);
    assert_eq!(date_of(&scratch), "2024-05-01");
    let s = index_json(&scratch, &idx, &[], &[&undated]);
    assert!(!committed(&s), "{s}");
    assert_eq!(date_of(&scratch), "2024-05-01");
    let s = index_json(&scratch, &idx, &["--date", "2024-06-02"], &[&undated]);
    assert_eq!(n(&s, "updated"), 1, "{s}");
    assert_eq!(date_of(&scratch), "2024-06-02");
}

#[test]
fn stats_reports_what_the_index_holds() {
    let scratch = Scratch::new();
    let idx = scratch.index();
    let s = index_json(&scratch, &idx, &[], &[&crate::util::seeds()]);
    let st = stats(&scratch, &idx);
    for key in ["documents", "passages", "republished", "speakers"] {
        assert_eq!(st[key], s[key], "{key}: {st} vs {s}");
    }
    assert!(n(&st, "bytes") > 10_000, "{st}");
    assert!(n(&st, "files") >= 5, "{st}");
    let committed = st["committed_at"].as_str().expect("committed_at");
    assert!(committed.parse::<jiff::Timestamp>().is_ok(), "{committed}");
    let text = scratch
        .podium()
        .args(["stats", "--index"])
        .arg(&idx)
        .output()
        .expect("stats");
    let text = String::from_utf8_lossy(&text.stdout);
    for line in [
        "documents:    5",
        "passages:     115 (7 republished",
        "speakers:     18",
        "on disk:",
        "last commit:",
    ] {
        assert!(text.contains(line), "{line} missing in\n{text}");
    }
    scratch
        .podium()
        .args(["stats", "--index", "nowhere"])
        .assert()
        .code(2);
}

/// The same equivalence on a real corpus, in steps: half of it, then the
/// rest, then edits and removals. Not run by default (it needs a corpus):
/// `PODIUM_CORPUS=/path/to/txt-folder cargo test --test cli -- --ignored real_corpus`.
#[test]
#[ignore = "needs a folder of .txt transcripts outside the repository (say ../shared/corpora/whitehouse-2021); run with PODIUM_CORPUS=DIR cargo test --test cli -- --ignored real_corpus"]
fn real_corpus_in_steps_ends_as_a_rebuild_would() {
    let corpus = std::env::var_os("PODIUM_CORPUS")
        .map(PathBuf::from)
        .expect("set PODIUM_CORPUS to a folder of .txt transcripts");
    let limit: usize = std::env::var("PODIUM_CORPUS_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(120);
    let mut all: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .expect("corpus")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    all.sort();
    all.truncate(limit);
    assert!(
        all.len() >= 2,
        "{} has {} .txt transcripts: too few to index in steps",
        corpus.display(),
        all.len()
    );
    let scratch = Scratch::new();
    let dir = scratch.path().join("c");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let idx = scratch.index();
    let half = all.len() / 2;
    let copy = |p: &PathBuf| {
        std::fs::copy(p, dir.join(p.file_name().expect("name"))).expect("copy");
    };
    all[..half].iter().for_each(copy);
    index_json(&scratch, &idx, &[], &[&dir]);
    all[half..].iter().for_each(copy);
    let s = index_json(&scratch, &idx, &[], &[&dir]);
    eprintln!("second half: {s}");
    assert_same_as_rebuild(&scratch, &idx, &[&dir]);
    for p in all.iter().step_by(9) {
        let f = dir.join(p.file_name().expect("name"));
        let text = std::fs::read_to_string(&f).expect("read");
        std::fs::write(
            &f,
            format!("{text}\n\nThe briefing was extended by ten minutes.\n"),
        )
        .expect("edit");
    }
    for p in all.iter().skip(4).step_by(11) {
        std::fs::remove_file(dir.join(p.file_name().expect("name"))).expect("remove");
    }
    let s = index_json(&scratch, &idx, &["--prune"], &[&dir]);
    eprintln!("edits and removals: {s}");
    assert_same_as_rebuild(&scratch, &idx, &[&dir]);
}

#[test]
fn a_file_that_turns_unreadable_keeps_what_was_indexed_from_it() {
    let (scratch, dir, idx) = with_seeds(&[0, 3, 4]);
    index_json(&scratch, &idx, &[], &[&dir]);
    let before = all_passages(&idx);
    // Overwritten by a failed download: empty, then binary.
    let victim = seed_in(&dir, 3);
    for junk in [&b""[..], &[0u8, 159, 146, 150, 0, 1][..]] {
        std::fs::write(&victim, junk).expect("overwrite");
        let s = index_json(&scratch, &idx, &[], &[&dir]);
        assert_eq!(n(&s, "skipped"), 1, "{s}");
        assert!(!committed(&s), "{s}");
        let warned = s["warnings"].as_array().expect("warnings").iter().any(|w| {
            crate::util::s(w, "file").ends_with("003_5e6a9a4541243482.txt")
                && crate::util::s(w, "message").contains("passages indexed from it before are kept")
        });
        assert!(warned, "{s}");
        assert_eq!(all_passages(&idx), before);
    }
    std::fs::copy(&seed_files()[3], &victim).expect("restore");
    let s = index_json(&scratch, &idx, &[], &[&dir]);
    assert!(!committed(&s), "{s}");
    assert_eq!(n(&s, "unchanged"), 3, "{s}");
}

/// The end of [`ROSTER`] republished on a page of its own, where the answer
/// is labelled inline with a bare surname. Read on its own, the page does
/// not know `Halvorsen` and the line is one more paragraph of the
/// reporter's turn; with the roster in the corpus it is her label, and the
/// passage is the briefing's word for word.
const REPUBLISHED: &str = "Fisheries Agency: quotas, continued

Date: 3 October 2023

Coastal Radio:
Will the smaller boats be compensated for the lower cod quota?

Halvorsen: Yes. A compensation fund of twelve million will open in November for boats under fifteen metres.
";

/// How many stored passages have exactly `text`.
fn stored_count(idx: &Path, text: &str) -> usize {
    all_passages(idx).iter().filter(|p| p.text == text).count()
}

const FUND: &str =
    "Yes. A compensation fund of twelve million will open in November for boats under fifteen metres.";

#[test]
fn a_republished_passage_only_the_corpus_attributes_is_stored_once() {
    // Both at once: the republished answer is matched on the text the
    // page is written with (its label resolved through the roster), not
    // the text it has on its own.
    let scratch = Scratch::new();
    let idx = scratch.index();
    scratch.write("c/page.txt", REPUBLISHED);
    scratch.write("c/roster.txt", ROSTER);
    let dir = scratch.path().join("c");
    let s = index_json(&scratch, &idx, &[], &[&dir]);
    assert_eq!(stored_count(&idx, FUND), 1, "{s}");
    // (The question is too short to count as republished: 11 words.)
    assert_eq!(n(&s, "republished"), 1, "{s}");
    let held: Vec<_> = all_passages(&idx)
        .into_iter()
        .filter(|p| p.text == FUND)
        .collect();
    assert_eq!(held[0].speaker, "Signe Halvorsen");
    assert!(held[0].file.ends_with("roster.txt"), "{:?}", held[0]);
    assert_eq!(held[0].also_in.len(), 1);
    assert!(held[0].also_in[0].ends_with("page.txt"), "{:?}", held[0]);
    let st = stats(&scratch, &idx);
    assert_eq!(st["passages"], s["passages"], "{st}");
    let (hits, _) = scratch.search("compensation fund twelve million", &[]);
    assert_eq!(hits.len(), 1, "{hits:?}");

    // One file at a time: the page first holds its own text; the roster
    // arriving makes it hers and republished, and leaving gives it back.
    let scratch = Scratch::new();
    let idx = scratch.index();
    scratch.write("c/page.txt", REPUBLISHED);
    let dir = scratch.path().join("c");
    index_json(&scratch, &idx, &[], &[&dir]);
    assert_eq!(stored_count(&idx, FUND), 0, "alone, the page has no label");
    scratch.write("c/roster.txt", ROSTER);
    let s = index_json(&scratch, &idx, &[], &[&dir]);
    assert_eq!((n(&s, "added"), n(&s, "refreshed")), (1, 1), "{s}");
    assert_eq!(stored_count(&idx, FUND), 1, "{s}");
    assert_same_as_rebuild(&scratch, &idx, &[&dir]);
    std::fs::remove_file(dir.join("roster.txt")).expect("remove");
    let s = index_json(&scratch, &idx, &["--prune"], &[&dir]);
    assert_eq!((n(&s, "removed"), n(&s, "refreshed")), (1, 1), "{s}");
    assert_eq!(stored_count(&idx, FUND), 0, "{s}");
    assert_same_as_rebuild(&scratch, &idx, &[&dir]);
}

/// The indexer state of the index at `idx`, as JSON, and the file it is
/// in (named by the last commit's payload).
fn stored_state(idx: &Path) -> (PathBuf, serde_json::Value) {
    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(idx.join("meta.json")).expect("meta")).expect("json");
    let payload: serde_json::Value =
        serde_json::from_str(meta["payload"].as_str().expect("payload")).expect("payload json");
    let file = idx.join(payload["state"].as_str().expect("state file"));
    let bytes = std::fs::read(&file).expect("state");
    let json = if file.extension().is_some_and(|e| e == "zst") {
        zstd::stream::decode_all(bytes.as_slice()).expect("zstd")
    } else {
        bytes
    };
    (file, serde_json::from_slice(&json).expect("state json"))
}

/// Writes an indexer state back to its file, as the indexer writes it.
fn write_state(file: &Path, state: &serde_json::Value) {
    let json = serde_json::to_vec(state).expect("json");
    let bytes = if file.extension().is_some_and(|e| e == "zst") {
        zstd::stream::encode_all(json.as_slice(), 1).expect("zstd")
    } else {
        json
    };
    std::fs::write(file, bytes).expect("write state");
}

/// A change of the reading rules within one podium version
/// (`transcript::READING_RULES`, kept in the state) re-reads every
/// document, as a change of version does; the same rules read none.
#[test]
fn an_index_read_by_other_reading_rules_is_read_again() {
    let (scratch, dir, idx) = with_seeds(&[0, 1, 2]);
    index_json(&scratch, &idx, &[], &[&dir]);
    let (file, mut state) = stored_state(&idx);
    assert_eq!(
        state["rules_version"],
        podium::transcript::READING_RULES,
        "the state keeps the reading rules it was parsed with"
    );

    // The same rules: nothing is read again, nothing is written.
    let s = index_json(&scratch, &idx, &[], &[&dir]);
    assert_eq!((n(&s, "unchanged"), n(&s, "refreshed")), (3, 0), "{s}");
    assert!(!committed(&s), "{s}");

    // Parsed by other rules (an earlier podium of the same version, before
    // a change of parser): every document is read again, and counts as
    // refreshed, though no file changed.
    state["rules_version"] = (podium::transcript::READING_RULES + 7).into();
    write_state(&file, &state);
    let s = index_json(&scratch, &idx, &[], &[&dir]);
    assert_eq!(
        (n(&s, "added"), n(&s, "updated"), n(&s, "refreshed")),
        (0, 0, 3),
        "{s}"
    );
    assert!(committed(&s), "the new rules are recorded: {s}");
    assert_eq!(
        stored_state(&idx).1["rules_version"],
        podium::transcript::READING_RULES
    );
    assert_same_as_rebuild(&scratch, &idx, &[&dir]);

    // A state from before podium kept the rules (no field) is read again too.
    let (file, mut state) = stored_state(&idx);
    state
        .as_object_mut()
        .expect("object")
        .remove("rules_version");
    write_state(&file, &state);
    let s = index_json(&scratch, &idx, &[], &[&dir]);
    assert_eq!(n(&s, "refreshed"), 3, "{s}");
}
