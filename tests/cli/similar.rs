//! `podium similar ID`: passages on the same subject as one passage, on the
//! seeds index — never the passage itself, the filters and formats of
//! search, and the id resolved as `podium show` resolves it.

use serde_json::Value;

use crate::briefings::{run, search, seeds, stderr, stdout};
use crate::util::{json_lines, s};

/// The seeds' passage that ranks first for "STAR Market" (Gong Zheng's, on
/// listing sci-tech companies): its id and text.
fn star_market() -> (String, String) {
    let (hits, code, _) = search(seeds(), "STAR Market", &["-n", "1"]);
    assert_eq!(code, 0);
    (
        s(&hits[0], "id").to_string(),
        s(&hits[0], "text").to_string(),
    )
}

fn similar(args: &[&str]) -> (Vec<Value>, i32, String) {
    let mut all = vec!["similar"];
    all.extend_from_slice(args);
    let o = run(seeds(), &all);
    let code = o.status.code().unwrap_or(-1);
    let hits = if code == 0 || code == 1 {
        json_lines(&o.stdout)
    } else {
        Vec::new()
    };
    (hits, code, stderr(&o))
}

#[test]
fn passages_like_one_share_its_key_words_and_are_not_it() {
    let (id, text) = star_market();
    let (hits, code, err) = similar(&[&id, "--json"]);
    assert_eq!(code, 0, "{err}");
    assert!(hits.len() >= 3, "{hits:#?}");
    // Neither the passage nor a copy of its words.
    assert!(hits
        .iter()
        .all(|h| s(h, "id") != id && s(h, "text") != text));
    // The words it was matched by are said, and the first hits have them.
    assert!(err.contains("by its words: market, listing"), "{err}");
    for h in &hits[..3] {
        let t = s(h, "text").to_lowercase();
        let shared = ["market", "list", "compan", "board", "star"]
            .iter()
            .filter(|w| t.contains(*w))
            .count();
        assert!(shared >= 2, "{h:#?}");
    }
    // Ranked, numbered from 1, each with the total.
    let ranks: Vec<u64> = hits
        .iter()
        .map(|h| h["rank"].as_u64().unwrap_or(0))
        .collect();
    assert_eq!(ranks, (1..=hits.len() as u64).collect::<Vec<_>>());
    assert!(hits
        .iter()
        .all(|h| h["total"].as_u64() >= Some(hits.len() as u64)));
    let scores: Vec<f64> = hits
        .iter()
        .map(|h| h["score"].as_f64().unwrap_or(0.0))
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn an_id_prefix_finds_the_same_passages_and_filters_narrow_them() {
    let (id, _) = star_market();
    let (full, _, _) = similar(&[&id, "--json"]);
    let (short, code, _) = similar(&[&id[..8], "--json"]);
    assert_eq!(code, 0);
    let ids = |h: &[Value]| h.iter().map(|h| s(h, "id").to_string()).collect::<Vec<_>>();
    assert_eq!(ids(&full), ids(&short));
    // Another speaker only, as search's --speaker reads names.
    let (li, code, err) = similar(&[&id, "--json", "--speaker", "li jun"]);
    assert_eq!(code, 0, "{err}");
    assert!(!li.is_empty() && li.iter().all(|h| s(h, "speaker") == "Li Jun"));
    // -n and --role as in search.
    let (two, _, _) = similar(&[&id, "--json", "-n", "2", "--role", "official"]);
    assert_eq!(two.len(), 2);
    assert!(two.iter().all(|h| s(h, "role") == "official"));
}

#[test]
fn unknown_and_short_ids_are_told() {
    let o = run(seeds(), &["similar", "ffffffffffffffff"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("no passage with id 'ffffffffffffffff'"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).is_empty());
    let o = run(seeds(), &["similar", "not-an-id"]);
    assert_eq!(o.status.code(), Some(1));
    // Too short a prefix is an error (exit 2) that says how long.
    let o = run(seeds(), &["similar", "a0"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("at least 4 characters"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn every_format_of_search() {
    let (id, _) = star_market();
    let o = run(seeds(), &["similar", &id, "--format", "json", "-n", "3"]);
    assert_eq!(o.status.code(), Some(0));
    for line in stdout(&o).lines() {
        let v: Value = serde_json::from_str(line).expect("one JSON object per line");
        assert!(v["id"].is_string() && v["snippet"].is_string(), "{v}");
    }
    let o = run(seeds(), &["similar", &id, "--format", "tsv", "-n", "3"]);
    let out = stdout(&o);
    assert!(out.starts_with("rank\tscore\t"), "{out}");
    assert_eq!(out.lines().count(), 4);
    let o = run(seeds(), &["similar", &id, "--format", "csv", "-n", "3"]);
    let mut rows = csv::Reader::from_reader(o.stdout.as_slice());
    assert_eq!(rows.records().count(), 3);
    let o = run(seeds(), &["similar", &id, "-n", "2"]);
    let out = stdout(&o);
    assert!(
        out.contains(&format!("match \"like {id}\" (top 2)")),
        "{out}"
    );
}
