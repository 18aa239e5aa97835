//! Browsing results: `--sort relevance|date|-date`, `--offset` paging, the
//! total in JSON output, and the limits said plainly (`-n 0`, an inverted
//! date range, a short id prefix, `show --context` with or without N).

use predicates::prelude::*;
use serde_json::Value;

use crate::util::{json_lines, s, Scratch};

/// A ferry briefing of `date` (or undated): a greeting, the harbour
/// master's `words`, a question and its answer. Every passage names the
/// briefing's `topic`, so that none is the same in two files (those would
/// be indexed once, as republished).
fn ferry_briefing(topic: &str, date: Option<&str>, words: &str) -> String {
    let date = date.map(|d| format!("Date: {d}\n\n")).unwrap_or_default();
    format!(
        "Harbour briefing on {topic}\n\n{date}Speakers:\nMs. Ada Lind, harbour master\nModerator:\nMr. Per Holm, spokesperson\n\n\
Per Holm:\nGood afternoon. The harbour master will speak first, on {topic}.\n\n\
Ada Lind:\n{words}\n\n\
Coastal Radio:\nWhen will the ferry timetable be published, given {topic}?\n\n\
Ada Lind:\nThe ferry timetable will be published next week; {topic} does not change it.\n"
    )
}

/// Four briefings about ferries: three dated (2022, 2023, 2024) and one
/// without a date.
fn ferries() -> Scratch {
    let scratch = Scratch::new();
    scratch.write(
        "briefings/a.txt",
        ferry_briefing(
            "winter ferries",
            Some("12 January 2023"),
            "Ferry crossings fell in the storms; the ferry to the outer islands ran on four days of seven.",
        ),
    );
    scratch.write(
        "briefings/b.txt",
        ferry_briefing(
            "the new ferry",
            Some("3 June 2024"),
            "The new electric ferry enters service in July, and the old ferry becomes a reserve.",
        ),
    );
    scratch.write(
        "briefings/c.txt",
        ferry_briefing(
            "ferry fares",
            Some("20 September 2022"),
            "Ferry fares stay as they are; a ferry pass for islanders halves the price.",
        ),
    );
    scratch.write(
        "briefings/d.txt",
        ferry_briefing(
            "the ferry quay",
            None,
            "The ferry quay is repaired; ferry passengers board from the north side meanwhile.",
        ),
    );
    scratch.index_paths(&[&scratch.path().join("briefings")]);
    scratch
}

fn dates(hits: &[Value]) -> Vec<Option<String>> {
    hits.iter()
        .map(|h| h["date"].as_str().map(str::to_string))
        .collect()
}

fn ids(hits: &[Value]) -> Vec<String> {
    hits.iter().map(|h| s(h, "id").to_string()).collect()
}

#[test]
fn sort_by_date_orders_the_same_matches_undated_last() {
    let scratch = ferries();
    let (by_relevance, code) = scratch.search("ferry", &["-n", "50"]);
    assert_eq!(code, 0);
    assert!(by_relevance.len() >= 10, "{}", by_relevance.len());
    let (newest, _) = scratch.search("ferry", &["-n", "50", "--sort", "-date"]);
    let (oldest, _) = scratch.search("ferry", &["-n", "50", "--sort", "date"]);
    // The same passages, in another order.
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    assert_eq!(sorted(ids(&newest)), sorted(ids(&by_relevance)));
    assert_eq!(sorted(ids(&oldest)), sorted(ids(&by_relevance)));
    assert_ne!(ids(&newest), ids(&by_relevance));

    let d = dates(&newest);
    let dated: Vec<&String> = d.iter().flatten().collect();
    assert_eq!(dated.first().map(|s| s.as_str()), Some("2024-06-03"));
    assert!(dated.windows(2).all(|w| w[0] >= w[1]), "{d:?}");
    // Undated passages come last, and there are some.
    let first_undated = d.iter().position(Option::is_none).expect("undated hits");
    assert!(d[first_undated..].iter().all(Option::is_none), "{d:?}");

    let d = dates(&oldest);
    let dated: Vec<&String> = d.iter().flatten().collect();
    assert_eq!(dated.first().map(|s| s.as_str()), Some("2022-09-20"));
    assert!(dated.windows(2).all(|w| w[0] <= w[1]), "{d:?}");
    let first_undated = d.iter().position(Option::is_none).expect("undated hits");
    assert!(d[first_undated..].iter().all(Option::is_none), "{d:?}");

    // Within one day, relevance decides: scores do not rise.
    let day: Vec<f64> = newest
        .iter()
        .filter(|h| s(h, "date") == "2024-06-03")
        .map(|h| h["score"].as_f64().expect("score"))
        .collect();
    assert!(
        day.len() >= 3 && day.windows(2).all(|w| w[0] >= w[1]),
        "{day:?}"
    );

    // `--sort relevance` is the default.
    let (explicit, _) = scratch.search("ferry", &["-n", "50", "--sort", "relevance"]);
    assert_eq!(ids(&explicit), ids(&by_relevance));
}

#[test]
fn an_unknown_sort_order_lists_the_accepted_ones() {
    let scratch = ferries();
    scratch
        .podium()
        .args(["search", "ferry", "--sort", "popularity", "--index"])
        .arg(scratch.index())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown sort order 'popularity'"))
        .stderr(predicate::str::contains("relevance, date"))
        .stderr(predicate::str::contains("-date (newest first)"));
}

#[test]
fn offset_pages_through_one_ranking_and_json_carries_the_total() {
    let scratch = ferries();
    let (all, _) = scratch.search("ferry", &["-n", "6"]);
    let (page1, _) = scratch.search("ferry", &["-n", "3"]);
    let (page2, code) = scratch.search("ferry", &["-n", "3", "--offset", "3"]);
    assert_eq!(code, 0);
    assert_eq!(all.len(), 6);
    let joined: Vec<String> = ids(&page1).into_iter().chain(ids(&page2)).collect();
    assert_eq!(joined, ids(&all));
    let ranks: Vec<u64> = page2
        .iter()
        .map(|h| h["rank"].as_u64().expect("rank"))
        .collect();
    assert_eq!(ranks, [4, 5, 6]);
    // Every line is one hit, each with the total of all matches.
    let (everything, _) = scratch.search("ferry", &["-n", "100"]);
    for h in page1.iter().chain(&page2) {
        assert_eq!(h["total"].as_u64(), Some(everything.len() as u64), "{h}");
    }
    // Paging works with a date order too.
    let (newest, _) = scratch.search("ferry", &["-n", "6", "--sort", "-date"]);
    let (second, _) = scratch.search("ferry", &["-n", "3", "--offset", "3", "--sort", "-date"]);
    assert_eq!(ids(&second), ids(&newest)[3..]);

    // Text output says which ranks a page holds.
    scratch
        .podium()
        .args(["search", "ferry", "-n", "3", "--offset", "3", "--index"])
        .arg(scratch.index())
        .assert()
        .code(0)
        .stdout(predicate::str::contains(format!(
            "{} passages match \"ferry\" (4–6)",
            everything.len()
        )))
        .stdout(predicate::str::contains("\n 4  "));
}

#[test]
fn an_offset_past_the_last_hit_says_how_many_there_are() {
    let scratch = ferries();
    scratch
        .podium()
        .args(["search", "electric", "--offset", "5", "--index"])
        .arg(scratch.index())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "--offset 5 is past the last hit: 1 passage matches in all",
        ));
}

#[test]
fn zero_hits_asked_for_is_refused_with_what_to_do() {
    let scratch = ferries();
    scratch
        .podium()
        .args(["search", "ferry", "-n", "0", "--index"])
        .arg(scratch.index())
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("give 1 or more"))
        .stderr(predicate::str::contains("--quiet"));
}

#[test]
fn an_inverted_date_range_is_named_as_such() {
    let scratch = ferries();
    scratch
        .podium()
        .args([
            "search", "ferry", "--since", "2024-05", "--until", "2023", "--index",
        ])
        .arg(scratch.index())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "inverted date range: since 2024-05-01 is after until 2023-12-31",
        ));
    // One day as both bounds is a range, not an inversion.
    let (hits, code) = scratch.search("ferry", &["--since", "2024-06-03", "--until", "2024-06-03"]);
    assert_eq!(code, 0);
    assert!(hits.iter().all(|h| s(h, "date") == "2024-06-03"));
}

#[test]
fn show_context_takes_an_optional_count_as_search_does() {
    let scratch = ferries();
    let (hits, _) = scratch.search("electric", &[]);
    let id = s(&hits[0], "id").to_string();
    let show = |extra: &[&str]| -> Value {
        let out = scratch
            .podium()
            .args(["show", &id, "--json", "--index"])
            .arg(scratch.index())
            .args(extra)
            .output()
            .expect("show");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        json_lines(&out.stdout).remove(0)
    };
    let bare = show(&["--context"]);
    assert_eq!(bare, show(&["--context", "1"]));
    assert_eq!(bare["before"].as_array().map(Vec::len), Some(1));
    assert_eq!(bare["after"].as_array().map(Vec::len), Some(1));
    let none = show(&[]);
    assert_eq!(none["before"].as_array().map(Vec::len), Some(0));
    let two = show(&["--context", "2"]);
    assert_eq!(two["after"].as_array().map(Vec::len), Some(2));
}

#[test]
fn a_short_id_prefix_says_how_many_characters_it_needs() {
    let scratch = ferries();
    let (hits, _) = scratch.search("electric", &[]);
    let id = s(&hits[0], "id");
    scratch
        .podium()
        .args(["show", &id[..2], "--index"])
        .arg(scratch.index())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "id prefix '{}' is too short: give at least 4 characters",
            &id[..2]
        )));
    // Four are enough.
    scratch
        .podium()
        .args(["show", &id[..4], "--index"])
        .arg(scratch.index())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("electric ferry"));
}
