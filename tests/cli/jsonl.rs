//! JSON lines files indexed incrementally: every record is a document of
//! its own (`FILE#LINE`), followed by its content when lines move, so that
//! editing, adding or deleting one record changes that one document — and
//! the index after every step is the one a `--rebuild` gives.

use std::path::PathBuf;

use serde_json::Value;

use crate::support::{
    all_passages, assert_same_as_rebuild, files, index_json, n, stats, stored_passages,
};
use crate::util::{json_lines, s, Scratch, ROSTER};

fn record(title: &str, date: &str, text: &str) -> String {
    serde_json::json!({ "url": "https://example.org/x", "title": title, "date": date, "text": text })
        .to_string()
}

fn night_buses() -> String {
    record(
        "Transport office briefing on night buses",
        "2022-11-03",
        "Moderator: Good afternoon. Director Okafor will take your questions on night buses.\n\n\
         Nnamdi Okafor: From December the night bus network doubles, with forty routes running until five in the morning.\n\n\
         Q: Will fares change?\n\n\
         Nnamdi Okafor: Fares stay the same for the whole of next year.",
    )
}

/// Names the director only as `HALVORSEN:`: her full name comes from the
/// roster of another document.
fn harbour_fees() -> String {
    record(
        "Fisheries Agency briefing on harbour fees",
        "2023-11-09",
        "HALVORSEN:\nHarbour fees for fishing boats under fifteen metres will be waived for the whole of next year, as promised in October.\n\n\
         Fjord Times:\nHow much will the waiver cost the agency over the coming year?\n\n\
         HALVORSEN:\nAbout four million, paid from the compensation fund that opened this month for the smaller boats.",
    )
}

/// Repeats, word for word, a passage of the roster briefing (a text file).
fn quota_recap() -> String {
    record(
        "Quota recap",
        "2023-10-04",
        "Speakers:\nMs. Signe Halvorsen, director general of the Fisheries Agency\n\n\
         Signe Halvorsen:\nThe cod quota for the northern grounds falls by eight percent this autumn, while the herring quota stays where it was last year.\n\n\
         Q: Is that final?\n\n\
         Signe Halvorsen:\nIt is final for this autumn.",
    )
}

fn ferries() -> String {
    record(
        "Ferry office briefing",
        "2024-02-02",
        "Moderator: Welcome.\n\n\
         Piet Ruis: The harbour opens its eastern berths on Monday morning once the repairs to the quay walls are finished.",
    )
}

/// A folder `c/` with `roster.txt` and `scraped.jsonl` holding `records`,
/// indexed as `c` (so documents are shown as `c/scraped.jsonl#LINE`).
struct Corpus {
    scratch: Scratch,
    /// `c`, relative to the scratch directory podium runs in.
    dir: PathBuf,
    jsonl: PathBuf,
}

impl Corpus {
    fn new(records: &[String]) -> Corpus {
        let scratch = Scratch::new();
        scratch.write("c/roster.txt", ROSTER);
        let jsonl = scratch.write("c/scraped.jsonl", "");
        let dir = PathBuf::from("c");
        let c = Corpus {
            scratch,
            dir,
            jsonl,
        };
        c.records(records);
        c
    }

    fn records(&self, records: &[String]) {
        std::fs::write(&self.jsonl, records.join("\n") + "\n").expect("write records");
    }

    fn index(&self, args: &[&str]) -> Value {
        index_json(&self.scratch, &self.scratch.index(), args, &[&self.dir])
    }

    /// `podium index` on the corpus, as run, for its summary and status.
    fn index_output(&self) -> std::process::Output {
        self.scratch
            .podium()
            .arg("index")
            .arg(&self.dir)
            .arg("--index")
            .arg(self.scratch.index())
            .output()
            .expect("index")
    }

    fn same_as_rebuild(&self) {
        assert_same_as_rebuild(&self.scratch, &self.scratch.index(), &[&self.dir]);
    }

    /// The files hits for `query` cite.
    fn cited(&self, query: &str) -> Vec<String> {
        let (hits, _) = self.scratch.search(query, &[]);
        hits.iter().map(|h| s(h, "file").to_string()).collect()
    }

    fn docs(&self) -> Vec<Value> {
        let out = self
            .scratch
            .podium()
            .args(["docs", "--json", "--index"])
            .arg(self.scratch.index())
            .output()
            .expect("podium docs");
        assert!(out.status.success());
        json_lines(&out.stdout)
    }
}

fn counts(s: &Value) -> [u64; 5] {
    ["added", "updated", "unchanged", "removed", "moved"].map(|k| n(s, k))
}

fn committed(s: &Value) -> bool {
    s["committed"].as_bool().expect("committed")
}

#[test]
fn records_are_documents_cited_by_file_and_line_in_search_docs_and_stats() {
    let c = Corpus::new(&[night_buses(), ferries()]);
    let sum = c.index(&[]);
    assert_eq!((n(&sum, "added"), n(&sum, "documents")), (3, 3), "{sum}");
    assert_eq!(c.cited("night bus network"), ["c/scraped.jsonl#1"]);
    assert_eq!(c.cited("eastern berths"), ["c/scraped.jsonl#2"]);
    let files: Vec<String> = c.docs().iter().map(|d| s(d, "file").to_string()).collect();
    assert!(
        files.contains(&"c/scraped.jsonl#1".to_string()),
        "{files:?}"
    );
    assert!(
        files.contains(&"c/scraped.jsonl#2".to_string()),
        "{files:?}"
    );
    assert_eq!(n(&stats(&c.scratch, &c.scratch.index()), "documents"), 3);
    // The citation people read: FILE#LINE:LINE-IN-THE-RECORD.
    let out = c
        .scratch
        .podium()
        .args(["search", "eastern berths", "--color", "never", "--index"])
        .arg(c.scratch.index())
        .output()
        .expect("search");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("c/scraped.jsonl#2:7"), "{text}");
}

#[test]
fn indexing_a_json_lines_file_again_changes_no_file() {
    let c = Corpus::new(&[night_buses(), harbour_fees(), ferries()]);
    let first = c.index(&[]);
    assert_eq!(n(&first, "added"), 4, "{first}");
    let idx = c.scratch.index();
    let on_disk = files(&idx);
    let stats_before = stats(&c.scratch, &idx);
    for extra in [&[][..], &["--prune"][..]] {
        let again = c.index(extra);
        assert!(!committed(&again), "{again}");
        assert_eq!(counts(&again), [0, 0, 4, 0, 0], "{again}");
        assert_eq!(
            files(&idx),
            on_disk,
            "a run with nothing to do changed files"
        );
    }
    // Rewritten with the same bytes (a new modification time), and checked
    // through the index's own list of files (no PATH): still nothing.
    c.records(&[night_buses(), harbour_fees(), ferries()]);
    let again = index_json(&c.scratch, &idx, &[], &[]);
    assert!(!committed(&again), "{again}");
    assert_eq!(files(&idx), on_disk);
    assert_eq!(stats(&c.scratch, &idx), stats_before);
}

#[test]
fn editing_one_record_updates_that_document_only() {
    let c = Corpus::new(&[night_buses(), harbour_fees(), ferries()]);
    c.index(&[]);
    c.records(&[
        night_buses(),
        harbour_fees().replace("four million", "nine million"),
        ferries(),
    ]);
    let sum = c.index(&[]);
    assert_eq!(counts(&sum), [0, 1, 3, 0, 0], "{sum}");
    assert_eq!(c.cited("\"nine million\""), ["c/scraped.jsonl#2"]);
    assert!(c.cited("\"four million\"").is_empty());
    c.same_as_rebuild();
}

#[test]
fn a_record_deleted_from_its_file_is_removed_without_prune() {
    let c = Corpus::new(&[night_buses(), harbour_fees(), ferries()]);
    c.index(&[]);
    c.records(&[harbour_fees(), ferries()]);
    let sum = c.index(&[]);
    // The file was read: the record it no longer has goes at once; the two
    // after it are the same documents, cited by their new lines.
    assert_eq!(counts(&sum), [0, 0, 1, 1, 2], "{sum}");
    assert_eq!(n(&sum, "documents"), 3, "{sum}");
    assert!(c.cited("night bus network").is_empty());
    assert_eq!(c.cited("eastern berths"), ["c/scraped.jsonl#2"]);
    c.same_as_rebuild();
}

#[test]
fn an_appended_record_is_added_and_one_inserted_above_moves_the_rest() {
    let c = Corpus::new(&[night_buses(), harbour_fees()]);
    c.index(&[]);
    c.records(&[night_buses(), harbour_fees(), ferries()]);
    let sum = c.index(&[]);
    assert_eq!(counts(&sum), [1, 0, 3, 0, 0], "{sum}");
    c.same_as_rebuild();

    c.records(&[quota_recap(), night_buses(), harbour_fees(), ferries()]);
    let sum = c.index(&[]);
    assert_eq!(counts(&sum), [1, 0, 1, 0, 3], "{sum}");
    assert_eq!(c.cited("night bus network"), ["c/scraped.jsonl#2"]);
    assert_eq!(c.cited("eastern berths"), ["c/scraped.jsonl#4"]);
    c.same_as_rebuild();

    // Reordered and edited in one run: the edited record is still the one
    // it was (updated), the others moved.
    c.records(&[
        ferries(),
        quota_recap(),
        night_buses().replace("forty routes", "fifty routes"),
        harbour_fees(),
    ]);
    let sum = c.index(&[]);
    assert_eq!(counts(&sum), [0, 1, 1, 0, 3], "{sum}");
    assert_eq!(c.cited("\"fifty routes\""), ["c/scraped.jsonl#3"]);
    c.same_as_rebuild();
}

#[test]
fn a_bad_record_is_one_warning_naming_its_line_and_the_others_are_indexed() {
    let c = Corpus::new(&[
        night_buses(),
        "{\"title\": \"cut short".to_string(),
        r#"{"title": "No text", "date": "2024-01-01"}"#.to_string(),
        ferries(),
    ]);
    let out = c.index_output();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("3 added, 0 updated, 0 unchanged, 0 removed, 2 skipped"),
        "{text}"
    );
    assert!(
        text.contains("warning: c/scraped.jsonl#2: is not valid JSON (EOF while parsing a string"),
        "{text}"
    );
    assert!(
        text.contains("warning: c/scraped.jsonl#3: record has no \"text\""),
        "{text}"
    );
    assert_eq!(c.cited("eastern berths"), ["c/scraped.jsonl#4"]);

    // Mended: added. Then a good record broken: its old passages go, with
    // a warning that says so.
    c.records(&[night_buses(), harbour_fees(), ferries()]);
    let sum = c.index(&[]);
    assert_eq!(counts(&sum), [1, 0, 2, 0, 1], "{sum}");
    c.records(&[night_buses(), harbour_fees()[..40].to_string(), ferries()]);
    let sum = c.index(&[]);
    assert_eq!((n(&sum, "removed"), n(&sum, "skipped")), (1, 0), "{sum}");
    let warned = sum["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .any(|w| {
            s_eq(w, "file", "c/scraped.jsonl#2")
                && s(w, "message").contains("passages indexed from it before are removed")
        });
    assert!(warned, "{sum}");
    assert!(c.cited("waived").is_empty());
    c.same_as_rebuild();
}

fn s_eq(v: &Value, key: &str, want: &str) -> bool {
    s(v, key) == want
}

#[test]
fn records_and_text_files_share_speakers_and_republished_passages() {
    let c = Corpus::new(&[night_buses(), harbour_fees(), quota_recap()]);
    let sum = c.index(&[]);
    assert_eq!(n(&sum, "republished"), 1, "{sum}");
    // The roster in the text file names the HALVORSEN of record 2.
    let (hits, _) = c.scratch.search("waived", &[]);
    assert_eq!(crate::util::s(&hits[0], "speaker"), "Signe Halvorsen");
    // The passage both have is stored once, by the fuller text file, and
    // cites the record too.
    let shared: Vec<_> = all_passages(&c.scratch.index())
        .into_iter()
        .filter(|p| !p.also_in.is_empty())
        .collect();
    assert_eq!(shared.len(), 1);
    assert_eq!(
        (shared[0].file.as_str(), shared[0].also_in.as_slice()),
        ("c/roster.txt", &["c/scraped.jsonl#3".to_string()][..])
    );
    c.same_as_rebuild();

    // The record moves: the text file's passage cites it by its new line,
    // without being re-written (it stores the record's name, which holds
    // no line).
    c.records(&[ferries(), night_buses(), harbour_fees(), quota_recap()]);
    let sum = c.index(&[]);
    assert_eq!(
        (n(&sum, "added"), n(&sum, "moved"), n(&sum, "refreshed")),
        (1, 3, 0),
        "{sum}"
    );
    let shared: Vec<_> = all_passages(&c.scratch.index())
        .into_iter()
        .filter(|p| !p.also_in.is_empty())
        .collect();
    assert_eq!(shared[0].also_in, ["c/scraped.jsonl#4"]);
    c.same_as_rebuild();

    // Without the two that name her in full (a file pruned, a record
    // deleted), HALVORSEN is only a surname again.
    std::fs::remove_file(c.scratch.path().join("c/roster.txt")).expect("remove");
    c.records(&[ferries(), night_buses(), harbour_fees()]);
    let sum = c.index(&["--prune"]);
    assert_eq!((n(&sum, "removed"), n(&sum, "refreshed")), (2, 1), "{sum}");
    let (hits, _) = c.scratch.search("waived", &[]);
    assert_eq!(crate::util::s(&hits[0], "speaker"), "Halvorsen");
    c.same_as_rebuild();
}

#[test]
fn a_json_lines_file_that_is_gone_follows_prune() {
    let c = Corpus::new(&[night_buses(), ferries()]);
    c.index(&[]);
    let before = all_passages(&c.scratch.index());
    std::fs::remove_file(&c.jsonl).expect("remove");
    let sum = c.index(&[]);
    assert_eq!((n(&sum, "missing"), n(&sum, "removed")), (2, 0), "{sum}");
    assert!(!committed(&sum), "{sum}");
    assert_eq!(all_passages(&c.scratch.index()), before);
    let sum = c.index(&["--prune"]);
    assert_eq!((n(&sum, "removed"), n(&sum, "documents")), (2, 1), "{sum}");
    c.same_as_rebuild();
}

#[test]
fn a_json_lines_file_that_turns_unreadable_keeps_its_records() {
    let c = Corpus::new(&[night_buses(), ferries()]);
    c.index(&[]);
    let before = all_passages(&c.scratch.index());
    // Truncated by a failed download: empty, then binary.
    for junk in [&b""[..], &[0u8, 159, 146, 150, 0, 1][..]] {
        std::fs::write(&c.jsonl, junk).expect("overwrite");
        let sum = c.index(&[]);
        assert!(!committed(&sum), "{sum}");
        // One file skipped, not one per record it held; its records are
        // still counted as documents.
        assert_eq!((n(&sum, "skipped"), n(&sum, "documents")), (1, 3), "{sum}");
        let warnings = sum["warnings"].as_array().expect("warnings");
        let about: Vec<&Value> = warnings
            .iter()
            .filter(|w| s(w, "file").starts_with("c/scraped.jsonl"))
            .collect();
        assert_eq!(about.len(), 1, "one warning for the file: {sum}");
        assert_eq!(s(about[0], "file"), "c/scraped.jsonl");
        assert!(
            s(about[0], "message").contains("passages indexed from its records before are kept"),
            "{sum}"
        );
        assert_eq!(all_passages(&c.scratch.index()), before);
    }
    // The summary people read says the same.
    let out = c.index_output();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("0 added, 0 updated, 1 unchanged, 0 removed, 1 skipped\n"),
        "{text}"
    );
}

#[test]
fn a_record_that_moves_and_a_new_one_taking_its_line_keep_their_passages() {
    // Line 1's old record moves to line 2 while a new record takes line 1,
    // in one commit: the old name is deleted before the new one is
    // written, so neither loses its passages, whatever the thread order.
    let c = Corpus::new(&[night_buses()]);
    c.index(&[]);
    for round in 0..3 {
        let mut recs = vec![ferries(), night_buses()];
        if round % 2 == 1 {
            recs.reverse();
        }
        c.records(&recs);
        c.index(&[]);
        assert_eq!(c.cited("night bus network").len(), 1, "round {round}");
        assert_eq!(c.cited("eastern berths").len(), 1, "round {round}");
        c.same_as_rebuild();
    }
}

#[test]
fn a_json_lines_file_named_directly_is_its_records() {
    let c = Corpus::new(&[night_buses(), ferries()]);
    let sum = index_json(
        &c.scratch,
        &c.scratch.index(),
        &[],
        &[&c.dir.join("scraped.jsonl")],
    );
    assert_eq!(n(&sum, "added"), 2, "{sum}");
    assert_eq!(c.cited("eastern berths"), ["c/scraped.jsonl#2"]);
}

/// tantivy's segment files in an index folder, with their bytes: they
/// change when passages are written or deleted, and only then.
fn segment_files(idx: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    files(idx)
        .into_iter()
        .filter(|(name, _)| {
            !name.starts_with("podium")
                && !name.starts_with('.')
                && name != "meta.json"
                && name != "podium.lock"
        })
        .map(|(name, (_, _, bytes))| (name, bytes))
        .collect()
}

#[test]
fn a_record_that_only_moves_is_not_written_again_and_is_cited_by_its_new_line_everywhere() {
    let c = Corpus::new(&[night_buses(), harbour_fees(), ferries()]);
    c.index(&[]);
    let idx = c.scratch.index();
    let stored = stored_passages(&idx);
    let segments = segment_files(&idx);
    let id = c.scratch.search("night bus network", &[]).0[0]["id"]
        .as_str()
        .expect("id")
        .to_string();

    // The first and last records swap places: both move, nothing else.
    c.records(&[ferries(), harbour_fees(), night_buses()]);
    let sum = c.index(&[]);
    assert!(committed(&sum), "the new lines are committed: {sum}");
    assert_eq!(counts(&sum), [0, 0, 2, 0, 2], "{sum}");
    assert_eq!(n(&sum, "refreshed"), 0, "{sum}");
    // Not one passage written or deleted: tantivy's files are the same,
    // byte for byte, and so is every stored passage, id included.
    assert_eq!(segment_files(&idx), segments);
    assert_eq!(stored_passages(&idx), stored);
    c.same_as_rebuild();

    // What users see follows the line: search (text, JSON, TSV), show
    // with its context, docs, and the Quickwit export.
    assert_eq!(c.cited("night bus network"), ["c/scraped.jsonl#3"]);
    assert_eq!(c.cited("eastern berths"), ["c/scraped.jsonl#1"]);
    let run = |args: &[&str]| {
        let out = c
            .scratch
            .podium()
            .args(args)
            .arg("--index")
            .arg(&idx)
            .output()
            .expect("podium");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let text = run(&["search", "night bus network", "--color", "never"]);
    assert!(
        text.contains(&format!("{id} · c/scraped.jsonl#3:")),
        "{text}"
    );
    let tsv = run(&["search", "night bus network", "--format", "tsv"]);
    assert!(tsv.contains("\tc/scraped.jsonl#3\t"), "{tsv}");
    assert!(!tsv.contains("#@"), "{tsv}");
    let shown = json_lines(run(&["show", &id, "--context", "2", "--json"]).as_bytes());
    assert_eq!(s(&shown[0]["passage"], "file"), "c/scraped.jsonl#3");
    let around: Vec<&Value> = ["before", "after"]
        .iter()
        .flat_map(|k| shown[0][*k].as_array().expect("context"))
        .collect();
    assert!(!around.is_empty(), "its neighbours are found: {shown:?}");
    assert!(around.iter().all(|p| s(p, "file") == "c/scraped.jsonl#3"));
    let listed: Vec<String> = c.docs().iter().map(|d| s(d, "file").to_string()).collect();
    assert!(
        listed.contains(&"c/scraped.jsonl#3".to_string())
            && listed.contains(&"c/scraped.jsonl#1".to_string()),
        "{listed:?}"
    );
    assert!(
        c.docs().iter().all(|d| d.get("stored_as").is_none()),
        "docs --json lists what users cite"
    );
    run(&["export", "--out", "qw"]);
    let exported =
        std::fs::read_to_string(c.scratch.path().join("qw/passages.ndjson")).expect("exported");
    assert!(exported.contains("\"c/scraped.jsonl#3\""), "{exported}");
    assert!(!exported.contains("#@"));
}

#[test]
fn identical_records_are_told_apart_by_their_order_and_follow_it() {
    // Two records with the same bytes are two documents (their long
    // passages stored once, by the first, citing the other); deleting the
    // first leaves the second, which moves up and is the first of its
    // bytes now: the same as a rebuild, either way.
    let c = Corpus::new(&[night_buses(), ferries(), night_buses()]);
    let sum = c.index(&[]);
    assert_eq!((n(&sum, "added"), n(&sum, "documents")), (4, 4), "{sum}");
    let cited = |c: &Corpus| -> Vec<String> {
        let (hits, _) = c.scratch.search("night bus network", &[]);
        let mut v = vec![s(&hits[0], "file").to_string()];
        v.extend(
            hits[0]["also_in"]
                .as_array()
                .expect("also_in")
                .iter()
                .map(|f| f.as_str().expect("file").to_string()),
        );
        v
    };
    assert_eq!(cited(&c), ["c/scraped.jsonl#1", "c/scraped.jsonl#3"]);
    c.same_as_rebuild();
    c.records(&[ferries(), night_buses()]);
    let sum = c.index(&[]);
    assert_eq!(counts(&sum), [0, 0, 1, 1, 2], "{sum}");
    assert_eq!(cited(&c), ["c/scraped.jsonl#2"]);
    c.same_as_rebuild();
    c.records(&[night_buses(), ferries(), night_buses(), night_buses()]);
    let sum = c.index(&[]);
    assert_eq!(n(&sum, "documents"), 5, "{sum}");
    assert_eq!(
        cited(&c),
        [
            "c/scraped.jsonl#1",
            "c/scraped.jsonl#3",
            "c/scraped.jsonl#4"
        ]
    );
    c.same_as_rebuild();
}
