//! `podium bench` on an index of the user's own: the query mix is drawn
//! from the index, so every query finds passages, and the report says
//! where the mix came from and which queries (if any) find nothing.

use serde_json::Value;

use crate::briefings::{stderr, stdout};
use crate::util::{json_lines, Scratch};

/// A generated corpus (no word of the seeds), indexed; the scratch.
fn generated() -> Scratch {
    let scratch = Scratch::new();
    let out = scratch
        .podium()
        .args(["generate", "corpus", "--passages", "300", "--seed", "3"])
        .output()
        .expect("podium generate");
    assert!(out.status.success(), "{}", stderr(&out));
    scratch.index_paths(&[&scratch.path().join("corpus")]);
    scratch
}

/// `podium bench` with one measured run of each query: the report and
/// stderr.
fn bench(scratch: &Scratch, extra: &[&str]) -> (Value, String) {
    let out = scratch
        .podium()
        .args([
            "bench", "--runs", "1", "--warmup", "0", "--cold", "1", "--json",
        ])
        .arg("--index")
        .arg(scratch.index())
        .args(extra)
        .output()
        .expect("podium bench");
    assert!(out.status.success(), "{}", stderr(&out));
    (json_lines(&out.stdout).remove(0), stderr(&out))
}

#[test]
fn the_mix_of_an_index_of_ones_own_comes_from_it_and_every_query_matches() {
    let scratch = generated();
    let (report, err) = bench(&scratch, &[]);
    assert!(
        err.contains("queries, drawn from the index: term: "),
        "{err}"
    );
    assert!(err.contains("every query finds passages"), "{err}");
    assert_eq!(report["mix"], "drawn from the index");
    assert_eq!(report["without_hits"], serde_json::json!([]));
    let queries = report["queries"].as_array().expect("queries");
    let names: Vec<&str> = queries.iter().filter_map(|q| q["name"].as_str()).collect();
    for shape in ["term", "term-rare", "and2", "phrase", "filtered", "top50"] {
        assert!(names.contains(&shape), "{shape}: {names:?}");
    }
    for q in queries {
        assert!(q["hits"].as_u64() > Some(0), "{q}");
    }
    // The phrase is quoted, and the filtered query names a real speaker.
    let phrase = queries
        .iter()
        .find(|q| q["name"] == "phrase")
        .expect("phrase");
    assert!(phrase["query"].as_str().is_some_and(|t| t.starts_with('"')));
    assert!(
        err.contains("filtered: ") && err.contains(" --speaker "),
        "{err}"
    );
}

#[test]
fn queries_that_find_nothing_are_named() {
    let scratch = generated();
    scratch.write("mix.txt", "word: market\nnothing: zzyzxqwv\n");
    let (report, err) = bench(&scratch, &["--queries", "mix.txt"]);
    assert!(err.contains("2 queries, from mix.txt"), "{err}");
    assert!(
        err.contains("1 of 2 queries find nothing (nothing)"),
        "{err}"
    );
    assert_eq!(report["without_hits"], serde_json::json!(["nothing"]));
    // The text report is as before.
    let out = scratch
        .podium()
        .args([
            "bench",
            "--runs",
            "1",
            "--warmup",
            "0",
            "--cold",
            "1",
            "--queries",
            "mix.txt",
        ])
        .arg("--index")
        .arg(scratch.index())
        .output()
        .expect("podium bench");
    assert!(stdout(&out).contains("cold (open+1)"), "{}", stdout(&out));
}
