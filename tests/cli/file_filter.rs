//! `--file PATH`: searching one briefing, named as `podium docs` lists it,
//! by its file name, from another directory, or as a JSON lines file.

use predicates::prelude::*;
use serde_json::Value;

use crate::util::{base, fixtures, json_lines, s, seeds, Scratch};

/// The seeds, the format fixtures and the input fixtures (a JSON lines
/// file among them), indexed by relative paths from the scratch directory.
fn indexed() -> Scratch {
    let scratch = Scratch::new();
    for (from, to) in [
        (seeds(), "seeds"),
        (fixtures().join("formats"), "more"),
        (fixtures().join("inputs"), "inputs"),
    ] {
        for entry in std::fs::read_dir(&from).expect("fixtures") {
            let path = entry.expect("entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).expect("name");
            scratch.write(&format!("{to}/{name}"), std::fs::read(&path).expect("read"));
        }
    }
    let out = scratch
        .podium()
        .args(["index", "seeds", "more", "inputs", "--index"])
        .arg(scratch.index())
        .output()
        .expect("index");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    scratch
}

fn files(hits: &[Value]) -> Vec<&str> {
    let mut v: Vec<&str> = hits.iter().map(|h| s(h, "file")).collect();
    v.sort_unstable();
    v.dedup();
    v
}

#[test]
fn file_keeps_one_briefing_however_it_is_named() {
    let scratch = indexed();
    let (everywhere, _) = scratch.search("the", &["-n", "500"]);
    assert!(files(&everywhere).len() > 3, "{:?}", files(&everywhere));
    let (listed, code) =
        scratch.search("the", &["-n", "500", "--file", "more/harbour-briefing.txt"]);
    assert_eq!(code, 0);
    assert_eq!(files(&listed), ["more/harbour-briefing.txt"]);
    let expected = everywhere
        .iter()
        .filter(|h| s(h, "file") == "more/harbour-briefing.txt")
        .count();
    assert_eq!(listed.len(), expected);
    // Its file name alone, `./`, and the absolute path from elsewhere.
    let absolute = scratch.path().join("more/harbour-briefing.txt");
    for name in [
        "harbour-briefing.txt",
        "./more/harbour-briefing.txt",
        absolute.to_str().expect("utf-8 path"),
    ] {
        let (hits, _) = scratch.search("the", &["-n", "500", "--file", name]);
        assert_eq!(hits, listed, "--file {name}");
    }
    // Repeated: any of them.
    let (two, _) = scratch.search(
        "the",
        &[
            "-n",
            "500",
            "--file",
            "harbour-briefing.txt",
            "--file",
            "wire-report.txt",
        ],
    );
    assert_eq!(
        files(&two),
        ["more/harbour-briefing.txt", "more/wire-report.txt"]
    );
}

#[test]
fn a_json_lines_file_means_all_its_records_and_a_record_itself() {
    let scratch = indexed();
    // A query of exclusions only lists every passage.
    let (all, code) = scratch.search("-xyzzy", &["-n", "500", "--file", "inputs/scraped.jsonl"]);
    assert_eq!(code, 0);
    let records = files(&all);
    let docs = scratch
        .podium()
        .args(["docs", "--json", "--index"])
        .arg(scratch.index())
        .output()
        .expect("docs");
    let mut listed: Vec<String> = json_lines(&docs.stdout)
        .iter()
        .map(|d| s(d, "file").to_string())
        .filter(|f| f.starts_with("inputs/scraped.jsonl#"))
        .collect();
    listed.sort();
    assert!(listed.len() > 1, "{listed:?}");
    assert_eq!(records, listed);
    let one = records[0].to_string();
    let (hits, _) = scratch.search("-xyzzy", &["-n", "500", "--file", &one]);
    assert_eq!(files(&hits), [one.as_str()]);
}

#[test]
fn a_file_not_in_the_index_is_an_error_with_the_closest_names() {
    let scratch = indexed();
    scratch
        .podium()
        .args([
            "search",
            "ferry",
            "--file",
            "harbor-briefing.txt",
            "--index",
        ])
        .arg(scratch.index())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no briefing 'harbor-briefing.txt' in the index; closest: more/harbour-briefing.txt",
        ))
        .stderr(predicate::str::contains("`podium docs` lists them"));
}

#[test]
fn a_briefing_of_republished_passages_says_where_they_are_searched() {
    let scratch = indexed();
    // seeds/000 republishes passages of seeds/003 (see `podium docs`).
    let docs = scratch
        .podium()
        .args(["docs", "--json", "--index"])
        .arg(scratch.index())
        .output()
        .expect("docs");
    let listed = json_lines(&docs.stdout);
    let republishing = listed
        .iter()
        .find(|d| d["republished"].as_u64() > Some(0))
        .expect("a briefing with republished passages");
    let file = s(republishing, "file").to_string();
    scratch
        .podium()
        .args(["search", "Shanghai", "--file", base(&file), "--index"])
        .arg(scratch.index())
        .assert()
        .stderr(predicate::str::contains(format!(
            "of {file} are republished from another briefing and searched there"
        )));
}

#[test]
fn speakers_take_the_file_filter_too() {
    let scratch = indexed();
    let out = scratch
        .podium()
        .args([
            "speakers",
            "--file",
            "harbour-briefing.txt",
            "--json",
            "--index",
        ])
        .arg(scratch.index())
        .output()
        .expect("speakers");
    assert!(out.status.success());
    let speakers: Vec<String> = json_lines(&out.stdout)
        .iter()
        .map(|v| s(v, "speaker").to_string())
        .collect();
    assert!(
        speakers.contains(&"Inés Duarte".to_string()),
        "{speakers:?}"
    );
    assert!(
        !speakers.contains(&"Gong Zheng".to_string()),
        "{speakers:?}"
    );
}
