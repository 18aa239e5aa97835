//! The CLI contract of `podium index`, `podium search` and `podium parse`:
//! arguments, output fields, exit codes, the default index.

use predicates::prelude::*;
use serde_json::Value;

use crate::util::{fixtures, json_lines, roster_of, s, seed_files, seeds, Scratch};

fn formats() -> std::path::PathBuf {
    fixtures().join("formats")
}

/// An index of the seeds plus the format fixtures.
fn mixed() -> Scratch {
    let scratch = Scratch::new();
    scratch.index_paths(&[&seeds(), &formats()]);
    scratch
}

#[test]
fn first_search_builds_the_default_index_from_the_builtin_seeds() {
    let scratch = Scratch::new();
    scratch
        .podium()
        .args(["search", "STAR Market", "--color", "never"])
        .assert()
        .success()
        .stderr(predicate::str::contains("no index at index/ yet"))
        .stderr(predicate::str::contains(
            "building it from the built-in sample briefings",
        ))
        .stdout(predicate::str::contains(
            "Gong Zheng · official · 2024-03-28",
        ))
        .stdout(predicate::str::contains(
            "Xin Guobin · official · 2024-02-01",
        ));
    assert!(scratch.path().join("index/meta.json").is_file());
    // The second search uses it and says nothing about building.
    scratch
        .podium()
        .args(["search", "STAR Market"])
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
}

#[test]
fn first_search_prefers_seeds_in_the_working_directory() {
    let scratch = Scratch::new();
    for f in seed_files().iter().take(2) {
        let name = f.file_name().expect("name").to_string_lossy().into_owned();
        scratch.write(&format!("seeds/{name}"), std::fs::read(f).expect("seed"));
    }
    scratch
        .podium()
        .args(["search", "finance"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "building it from seeds/ (2 files)",
        ));
}

#[test]
fn podium_index_env_and_flag_choose_the_index() {
    let scratch = Scratch::new();
    scratch
        .podium()
        .arg("index")
        .arg(seeds())
        .env("PODIUM_INDEX", scratch.path().join("from-env"))
        .assert()
        .success();
    assert!(scratch.path().join("from-env/meta.json").is_file());
    // A missing explicit index is an error, not a silent build.
    scratch
        .podium()
        .args(["search", "finance", "--index", "nowhere"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no index at nowhere"))
        .stderr(predicate::str::contains("podium index"));
}

#[test]
fn index_summary_counts_and_names_every_warning_with_its_file() {
    let scratch = Scratch::new();
    let out = scratch.index_seeds();
    assert!(out.contains("indexed 5 documents,"), "summary: {out}");
    assert!(out.contains(" speakers into "), "{out}");
    assert!(out.contains("warning: "), "{out}");
    assert!(
        out.contains("001_f62b4a445ef0a2d3.txt: no date found"),
        "{out}"
    );
    assert!(
        out.contains("002_ad4f68273f7bd26a.txt: date without a year"),
        "{out}"
    );

    let json = scratch
        .podium()
        .args(["index", "--json", "--index"])
        .arg(scratch.index())
        .arg(seeds())
        .output()
        .expect("index --json");
    let v = &json_lines(&json.stdout)[0];
    assert_eq!(v["documents"], 5);
    assert!(v["passages"].as_u64().expect("passages") > 50);
    assert_eq!(v["warnings"].as_array().expect("warnings").len(), 2);
}

#[test]
fn exit_codes_are_0_hits_1_none_2_error() {
    let scratch = mixed();
    let idx = scratch.index();
    scratch
        .podium()
        .args(["search", "container"])
        .arg("--index")
        .arg(&idx)
        .assert()
        .code(0);
    scratch
        .podium()
        .args(["search", "zzyzx"])
        .arg("--index")
        .arg(&idx)
        .assert()
        .code(1);
    scratch
        .podium()
        .args(["search", "container", "--since", "last week"])
        .arg("--index")
        .arg(&idx)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid date 'last week'"));
    scratch
        .podium()
        .args(["search", "container", "--role", "pundit"])
        .arg("--index")
        .arg(&idx)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown role"));
}

#[test]
fn json_hits_carry_the_documented_fields() {
    let scratch = mixed();
    let (hits, code) = scratch.search("automated cranes", &[]);
    assert_eq!(code, 0);
    let h = &hits[0];
    for key in [
        "rank",
        "score",
        "id",
        "file",
        "title",
        "date",
        "speaker",
        "role",
        "text",
        "snippet",
        "also_in",
        "highlights",
        "turn",
        "position",
    ] {
        assert!(h.get(key).is_some(), "missing {key} in {h}");
    }
    assert_eq!(h["rank"], 1);
    assert_eq!(s(h, "speaker"), "Inés Duarte");
    assert_eq!(s(h, "role"), "official");
    assert_eq!(s(h, "date"), "2023-06-14");
    assert!(s(h, "title").contains("port modernisation"));
    let snippet = s(h, "snippet");
    let marked: Vec<&str> = h["highlights"]
        .as_array()
        .expect("highlights")
        .iter()
        .map(|r| {
            &snippet[r[0].as_u64().expect("start") as usize..r[1].as_u64().expect("end") as usize]
        })
        .collect();
    assert_eq!(marked, ["automated", "cranes"]);
}

#[test]
fn human_output_shows_rank_speaker_role_date_title_snippet_and_id() {
    let scratch = mixed();
    let out = scratch
        .podium()
        .args(["search", "automated cranes", "--color", "always", "--index"])
        .arg(scratch.index())
        .output()
        .expect("search");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("1 passage matches \"automated cranes\""),
        "{text}"
    );
    assert!(
        text.contains(" 1  \x1b[1mInés Duarte\x1b[0m · official · 2023-06-14"),
        "{text}"
    );
    assert!(
        text.contains("Harbour Authority press conference on port modernisation"),
        "{text}"
    );
    assert!(
        text.contains("\x1b[1;31mautomated\x1b[0m \x1b[1;31mcranes\x1b[0m"),
        "{text}"
    );
    assert!(text.contains("harbour-briefing.txt:16"), "{text}");
    // Piped without --color: no escape codes at all.
    let plain = scratch
        .podium()
        .args(["search", "automated cranes", "--index"])
        .arg(scratch.index())
        .output()
        .expect("search");
    assert!(!plain.stdout.contains(&0x1b));
}

#[test]
fn speaker_filter_matches_name_words_in_any_case_and_without_accents() {
    let scratch = mixed();
    for form in ["Gong Zheng", "gong", "GONG ZHENG", "Mr. Gong", "zheng"] {
        let (hits, code) = scratch.search("Shanghai", &["--speaker", form, "-n", "50"]);
        assert_eq!(code, 0, "{form}");
        assert!(
            hits.iter().all(|h| s(h, "speaker") == "Gong Zheng"),
            "{form}"
        );
    }
    let (hits, _) = scratch.search("throughput", &["--speaker", "ines duarte"]);
    assert_eq!(s(&hits[0], "speaker"), "Inés Duarte");
    // Several --speaker flags mean any of them.
    let (hits, _) = scratch.search(
        "Shanghai",
        &["--speaker", "gong", "--speaker", "hua yuan", "-n", "100"],
    );
    let speakers: std::collections::BTreeSet<&str> = hits.iter().map(|h| s(h, "speaker")).collect();
    assert_eq!(
        speakers.into_iter().collect::<Vec<_>>(),
        ["Gong Zheng", "Hua Yuan"]
    );
}

#[test]
fn unknown_speaker_is_an_error_naming_the_closest() {
    let scratch = mixed();
    scratch
        .podium()
        .args(["search", "Shanghai", "--speaker", "Gong Zhen", "--index"])
        .arg(scratch.index())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown speaker 'Gong Zhen'"))
        .stderr(predicate::str::contains("Gong Zheng"));
}

#[test]
fn role_and_date_filters() {
    let scratch = mixed();
    let (hits, _) = scratch.search("Shanghai", &["--role", "journalist", "-n", "100"]);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| s(h, "role") == "journalist"));

    let dates = |extra: &[&str]| -> Vec<String> {
        let mut args = vec!["-n", "200"];
        args.extend_from_slice(extra);
        let (hits, _) = scratch.search("the", &args);
        hits.iter().map(|h| s(h, "date").to_string()).collect()
    };
    let all = dates(&[]);
    assert!(all.iter().any(|d| d.is_empty()), "undated passages exist");
    let y2024 = dates(&["--since", "2024", "--until", "2024"]);
    assert!(!y2024.is_empty() && y2024.iter().all(|d| d.starts_with("2024-")));
    let march = dates(&["--since", "2024-03", "--until", "2024-03"]);
    assert!(!march.is_empty() && march.iter().all(|d| d.starts_with("2024-03-")));
    let day = dates(&["--since", "2024-02-01", "--until", "2024-02-01"]);
    assert!(!day.is_empty() && day.iter().all(|d| d == "2024-02-01"));
    let before = dates(&["--until", "2023-12-31"]);
    assert!(!before.is_empty() && before.iter().all(|d| d.as_str() == "2023-06-14"));

    // Dates as briefings write them, and months in words, mean the same.
    assert_eq!(
        dates(&["--since", "March 2024", "--until", "Mar. 2024"]),
        march
    );
    assert_eq!(
        dates(&["--since", "1 February 2024", "--until", "February 1, 2024"]),
        day
    );
    assert_eq!(
        dates(&["--since", "2024年2月1日", "--until", "2024年2月1日"]),
        day
    );
}

#[test]
fn dates_back_from_today_count_from_the_local_date() {
    // A briefing dated today and one dated 40 days ago.
    let scratch = Scratch::new();
    let corpus = scratch.path().join("recent");
    std::fs::create_dir_all(&corpus).expect("mkdir");
    let today = jiff::Zoned::now().date();
    let earlier = today.checked_sub(jiff::Span::new().days(40)).expect("date");
    for (file, day) in [("today.txt", today), ("earlier.txt", earlier)] {
        std::fs::write(
            corpus.join(file),
            format!(
                "Press briefing on the harbour\n\nDate: {day}\n\nModerator: Good morning.\n\n\
                 Jane Doe: The harbour report {file} is out.\n\n\
                 Reporter: When will ships return, after {file}?\n\nJane Doe: Next week.\n"
            ),
        )
        .expect("write");
    }
    scratch.index_paths(&[&corpus]);
    let dates = |extra: &[&str]| -> Vec<String> {
        let (hits, _) = scratch.search("ships", extra);
        let mut d: Vec<String> = hits.iter().map(|h| s(h, "date").to_string()).collect();
        d.sort();
        d
    };
    let (today, earlier) = (today.to_string(), earlier.to_string());
    assert_eq!(dates(&[]), [earlier.as_str(), today.as_str()]);
    assert_eq!(dates(&["--since", "today"]), [today.as_str()]);
    assert_eq!(dates(&["--since", "yesterday"]), [today.as_str()]);
    assert_eq!(dates(&["--since", "30d"]), [today.as_str()]);
    assert_eq!(
        dates(&["--since", "2m"]),
        [earlier.as_str(), today.as_str()]
    );
    assert_eq!(dates(&["--until", "1w"]), [earlier.as_str()]);
    assert_eq!(dates(&["--until", "6w"]), Vec::<&str>::new());
    assert_eq!(
        dates(&["--since", "6w", "--until", "5w"]),
        [earlier.as_str()]
    );
}

#[test]
fn a_date_that_reads_two_ways_is_refused_with_both_readings() {
    let scratch = mixed();
    scratch
        .podium()
        .args(["search", "container", "--since", "03/04/2024"])
        .arg("--index")
        .arg(scratch.index())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "ambiguous date '03/04/2024': 2024-03-04 or 2024-04-03?",
        ));
    scratch
        .podium()
        .args(["index", "--date", "2024-03"])
        .arg(seeds())
        .arg("--index")
        .arg(scratch.index())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("'2024-03' is not one fixed day"));
}

/// Days past what tantivy's `i64` nanoseconds hold (1677-09-22 to
/// 2262-04-11) overflowed when turned into range bounds: a panic in debug
/// builds, a wrapped date in release ones, so `--since 5204-03` matched
/// passages of 2024. Found by the query fuzzer; such bounds now keep their
/// meaning.
#[test]
fn date_filters_beyond_what_an_index_stores_keep_their_meaning() {
    let scratch = mixed();
    let ids = |extra: &[&str]| -> Vec<String> {
        let mut args = vec!["-n", "500"];
        args.extend_from_slice(extra);
        let (hits, _) = scratch.search("the", &args);
        hits.iter().map(|h| s(h, "id").to_string()).collect()
    };
    let dated = ids(&["--since", "1900", "--until", "2100"]);
    assert!(!dated.is_empty());
    assert_eq!(ids(&["--since", "1500", "--until", "9999"]), dated);
    assert_eq!(ids(&["--since", "0001"]), dated);
    assert!(ids(&["--since", "5204-03"]).is_empty());
    assert!(ids(&["--until", "1500"]).is_empty());
}

#[test]
fn limit_caps_the_hits() {
    let scratch = mixed();
    let (hits, _) = scratch.search("Shanghai", &["-n", "3"]);
    assert_eq!(hits.len(), 3);
    let ranks: Vec<u64> = hits
        .iter()
        .map(|h| h["rank"].as_u64().expect("rank"))
        .collect();
    assert_eq!(ranks, [1, 2, 3]);
    let scores: Vec<f64> = hits
        .iter()
        .map(|h| h["score"].as_f64().expect("score"))
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn parse_json_has_the_documented_shape() {
    let scratch = Scratch::new();
    let docs = scratch.parse(&[formats().join("harbour-briefing.txt")], &[]);
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert!(s(d, "file").ends_with("harbour-briefing.txt"));
    assert_eq!(s(d, "date"), "2023-06-14");
    assert!(s(d, "title").contains("port modernisation"));
    let roster: Vec<(&str, &str)> = roster_of(d);
    assert_eq!(
        roster,
        [
            ("Inés Duarte", "official"),
            ("Tomas Reyes", "official"),
            ("Lena Moreau", "moderator")
        ]
    );
    let ps = d["passages"].as_array().expect("passages");
    let turns: Vec<(&str, &str)> = ps.iter().map(|p| (s(p, "speaker"), s(p, "role"))).collect();
    assert_eq!(
        turns,
        [
            ("Lena Moreau", "moderator"),
            ("Inés Duarte", "official"),
            ("Inés Duarte", "official"),
            ("Harbour Radio", "journalist"),
            ("Tomas Reyes", "official"),
            ("Lena Moreau", "moderator"),
        ]
    );
    for p in ps {
        for key in ["id", "speaker", "role", "turn", "text"] {
            assert!(p.get(key).is_some(), "{key} missing in {p}");
        }
    }
    assert_eq!(d["warnings"], Value::Array(vec![]));
}

#[test]
fn parse_explain_says_why() {
    let scratch = Scratch::new();
    scratch
        .podium()
        .arg("parse")
        .arg(formats().join("wire-report.txt"))
        .arg("--explain")
        .assert()
        .success()
        .stdout(predicate::str::contains("Oskar Lindahl (official)"))
        .stdout(predicate::str::contains(
            "news report: the paragraph quotes this person",
        ))
        .stdout(predicate::str::contains(
            "warning: date without a year (June 3)",
        ));
}

#[test]
fn bad_files_warn_by_name_and_the_rest_is_indexed() {
    let scratch = Scratch::new();
    scratch.write(
        "in/good.txt",
        std::fs::read(formats().join("harbour-briefing.txt")).expect("fixture"),
    );
    scratch.write("in/empty.txt", "");
    scratch.write("in/binary.txt", [0u8, 1, 2, 3, 0, 255]);
    let out = scratch.index_paths(&[
        &scratch.path().join("in"),
        &scratch.path().join("missing.txt"),
    ]);
    assert!(out.contains("indexed 1 documents"), "{out}");
    assert!(out.contains("empty.txt: is empty"), "{out}");
    assert!(
        out.contains("binary.txt: looks like a binary file"),
        "{out}"
    );
    assert!(out.contains("missing.txt: does not exist"), "{out}");
    // Nothing usable at all is an error.
    scratch
        .podium()
        .arg("index")
        .arg(scratch.path().join("in/empty.txt"))
        .arg("--index")
        .arg(scratch.path().join("other"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no transcripts to index"));
}
