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

/// `podium bench` with one measured run of each query, one cold run and
/// no process runs: the report and stderr.
fn bench(scratch: &Scratch, extra: &[&str]) -> (Value, String) {
    let mut args = vec!["--runs", "1", "--cold", "1", "--processes", "0"];
    args.extend_from_slice(extra);
    bench_with(scratch, &args)
}

/// `podium bench --json` with no warm-up runs and `args`: the report and
/// stderr.
fn bench_with(scratch: &Scratch, args: &[&str]) -> (Value, String) {
    let out = scratch
        .podium()
        .args(["bench", "--warmup", "0", "--json"])
        .arg("--index")
        .arg(scratch.index())
        .args(args)
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

/// The mix `podium generate` writes beside a corpus runs on that corpus,
/// however small: its filtered query names a speaker who speaks in it, in
/// years it covers (it named a speaker of the whole cast once, who in a
/// corpus of a few briefings said nothing, and bench stopped with
/// "unknown speaker"). Whether that speaker says the query's word is the
/// corpus's chance; that they speak in the window is by construction.
#[test]
fn the_generated_mix_runs_on_its_own_small_corpus() {
    for seed in ["3", "11"] {
        let scratch = Scratch::new();
        let out = scratch
            .podium()
            .args(["generate", "corpus", "--passages", "300", "--seed", seed])
            .output()
            .expect("podium generate");
        assert!(out.status.success(), "{}", stderr(&out));
        scratch.index_paths(&[&scratch.path().join("corpus")]);
        let mix_path = scratch.path().join("corpus").join("queries.mix");
        let mix = std::fs::read_to_string(&mix_path).expect("the mix is written");
        let line = mix
            .lines()
            .find_map(|l| l.strip_prefix("speaker-dates: "))
            .unwrap_or_else(|| panic!("no speaker-dates query: {mix}"));
        // market --speaker "NAME" --since Y --until Y
        let speaker = line.split('"').nth(1).expect("a quoted speaker");
        let years: Vec<&str> = line.split_whitespace().rev().step_by(2).take(2).collect();
        let (until, since) = (years[0], years[1]);
        let out = scratch
            .podium()
            .args([
                "search",
                &format!("speaker:\"{speaker}\""),
                "--json",
                "-n",
                "1",
            ])
            .args(["--since", since, "--until", until, "--index"])
            .arg(scratch.index())
            .output()
            .expect("podium search");
        assert!(
            out.status.success(),
            "seed {seed}, {line}: {}",
            stderr(&out)
        );
        let found = json_lines(&out.stdout);
        assert!(
            found.iter().any(|h| h["speaker"] == speaker),
            "seed {seed}: {speaker} says nothing in {since}..{until}: {}",
            stdout(&out)
        );
        // And the whole mix runs (an unknown speaker stopped it).
        let mix_arg = mix_path.to_str().expect("a UTF-8 temp path");
        let (report, err) = bench(&scratch, &["--queries", mix_arg]);
        assert_eq!(
            report["queries"].as_array().map(Vec::len),
            Some(10),
            "{err}"
        );
    }
}

/// A number of microseconds in a report: present, finite, not negative.
fn micros(v: &Value, what: &str) -> f64 {
    let n = v
        .as_f64()
        .unwrap_or_else(|| panic!("{what} is not a number: {v}"));
    assert!(n.is_finite() && n >= 0.0, "{what}: {n}");
    n
}

/// The phases of a one-shot search and the process runs are reported
/// (no time is asserted, only that each figure is there and sane): the
/// cold runs split into open, first query and warm query, as many runs
/// each as `--cold`; with `--processes N`, each query and `podium
/// --version` spawned N times, and the first query's median against
/// `--version`'s. `--processes 0` leaves the process runs out.
#[test]
fn the_report_has_the_phases_and_the_process_runs() {
    let scratch = generated();
    scratch.write("mix.txt", "word: market\nnothing: zzyzxqwv\n");
    let (report, _) = bench_with(
        &scratch,
        &[
            "--queries",
            "mix.txt",
            "--runs",
            "1",
            "--cold",
            "2",
            "--processes",
            "3",
        ],
    );
    for phase in ["open", "first_query", "warm_query"] {
        let p = &report["phases"][phase];
        assert_eq!(p["runs"], 2, "{phase}: {p}");
        let p50 = micros(&p["p50_us"], phase);
        assert!(micros(&p["p95_us"], phase) >= p50, "{phase}: {p}");
    }
    let process = &report["process"];
    assert_eq!(process["runs"], 3, "{process}");
    assert_eq!(process["version"]["runs"], 3, "{process}");
    let version = micros(&process["version"]["p50_us"], "--version");
    assert!(version > 0.0, "{process}");
    assert!(micros(&process["first_query_ratio"], "ratio") > 0.0);
    assert!(process["first_query_over_version_us"].as_f64().is_some());
    // Every query was spawned as often, the one without hits too (a
    // search that finds nothing exits 1, which is not a failure).
    let queries = report["queries"].as_array().expect("queries");
    assert_eq!(queries.len(), 2);
    for q in queries {
        assert_eq!(q["process"]["runs"], 3, "{q}");
        micros(&q["process"]["p50_us"], "process p50");
    }
    // The text report shows both tables.
    let out = scratch
        .podium()
        .args(["bench", "--runs", "1", "--warmup", "0", "--cold", "1"])
        .args(["--processes", "2", "--queries", "mix.txt", "--index"])
        .arg(scratch.index())
        .output()
        .expect("podium bench");
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    for line in ["phases of the cold runs", "first query", "warm query"] {
        assert!(text.contains(line), "{line}: {text}");
    }
    assert!(
        text.contains("end to end: 2 processes each") && text.contains("--version"),
        "{text}"
    );
    // Without process runs, no process figures.
    let (report, _) = bench(&scratch, &["--queries", "mix.txt"]);
    assert!(report.get("process").is_none(), "{report}");
    assert!(report["queries"][0].get("process").is_none(), "{report}");
}
