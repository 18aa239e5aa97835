//! `search --context`, `podium show` and `podium docs`, as text and JSON.

use serde_json::Value;

use crate::briefings::{fixture, run, search, stderr, stdout};
use crate::util::{base, json_lines, s};

fn ferry_answer() -> Value {
    let (hits, _, _) = search(fixture(), "ferry terminal reopens", &["-n", "1"]);
    hits.into_iter().next().expect("the answer")
}

#[test]
fn context_json_has_the_question_and_the_neighbours() {
    let (hits, _, _) = search(fixture(), "ferry terminal", &["--context", "-n", "1"]);
    let h = &hits[0];
    assert_eq!(s(h, "speaker"), "Óscar Valdés");
    let c = &h["context"];
    // The question, even with the moderator's hand-over in between.
    let prompt = c["prompt"].as_array().expect("prompt");
    assert_eq!(prompt.len(), 1);
    assert_eq!(s(&prompt[0], "speaker"), "Riverside Radio");
    assert_eq!(s(&prompt[0], "role"), "journalist");
    assert!(s(&prompt[0], "text").starts_with("Last month you told us"));
    // One passage on each side by default.
    let before = c["before"].as_array().expect("before");
    let after = c["after"].as_array().expect("after");
    assert_eq!(before.len(), 1);
    assert_eq!(s(&before[0], "text"), "Mayor Valdés, please.");
    assert_eq!(after.len(), 1);
    assert_eq!(s(&after[0], "speaker"), "Harbour Weekly");
    for p in prompt.iter().chain(before).chain(after) {
        for key in [
            "id", "file", "speaker", "role", "turn", "position", "line", "text", "date",
        ] {
            assert!(p.get(key).is_some(), "{key} missing in {p}");
        }
    }
    // --context N widens the neighbours; the question is not repeated.
    let (hits, _, _) = search(fixture(), "ferry terminal", &["--context", "3", "-n", "1"]);
    let c = &hits[0]["context"];
    let before: Vec<&str> = c["before"]
        .as_array()
        .expect("before")
        .iter()
        .map(|p| s(p, "speaker"))
        .collect();
    assert_eq!(before, ["Petra Lindholm", "Jonas Ekberg"]);
    // Without --context there is no context field.
    let (hits, _, _) = search(fixture(), "ferry terminal", &[]);
    assert!(hits[0].get("context").is_none());
}

#[test]
fn context_text_shows_the_question_under_the_answer() {
    let o = run(
        fixture(),
        &[
            "search",
            "ferry terminal",
            "--context",
            "--color",
            "never",
            "-n",
            "1",
        ],
    );
    let out = stdout(&o);
    assert!(
        out.contains("1 passage") || out.contains("2 passages"),
        "{out}"
    );
    let answer = out.find("Óscar Valdés · official").expect("answer");
    let question = out
        .find("↳ question Riverside Radio · journalist")
        .expect("question");
    let before = out
        .find("↳ before Jonas Ekberg · moderator")
        .expect("before");
    let after = out
        .find("↳ after Harbour Weekly · journalist")
        .expect("after");
    assert!(
        answer < question && question < before && before < after,
        "{out}"
    );
    assert!(
        out.contains("      Last month you told us that the ferry terminal"),
        "{out}"
    );
}

#[test]
fn show_prints_one_passage_with_its_neighbours() {
    let answer = ferry_answer();
    let id = s(&answer, "id");
    let o = run(
        fixture(),
        &["show", id, "--context", "1", "--color", "never"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("Riverside Council press conference"),
        "{out}"
    );
    assert!(out.contains("2023-05-09 · "), "{out}");
    let before = out.find("   Jonas Ekberg · moderator").expect("before");
    let me = out
        .find("▶  Óscar Valdés · official · line")
        .expect("marked");
    let after = out.find("   Harbour Weekly · journalist").expect("after");
    assert!(before < me && me < after, "{out}");
    assert!(out.contains("The ferry terminal reopens on the first of July."));
    assert!(out.contains(id));

    // JSON: the passage and its neighbours.
    let o = run(fixture(), &["show", id, "--context", "2", "--json"]);
    let v = &json_lines(&o.stdout)[0];
    assert_eq!(s(&v["passage"], "id"), id);
    assert_eq!(s(&v["passage"], "speaker"), "Óscar Valdés");
    assert_eq!(s(&v["passage"], "date"), "2023-05-09");
    assert_eq!(v["before"].as_array().expect("before").len(), 2);
    assert_eq!(v["after"].as_array().expect("after").len(), 2);
    let positions: Vec<u64> = v["before"]
        .as_array()
        .expect("before")
        .iter()
        .chain(std::iter::once(&v["passage"]))
        .chain(v["after"].as_array().expect("after"))
        .map(|p| p["position"].as_u64().expect("position"))
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] + 1 == w[1]),
        "{positions:?}"
    );

    // Without --context: the passage alone; an id prefix is enough.
    let o = run(fixture(), &["show", &id[..8], "--json"]);
    let v = &json_lines(&o.stdout)[0];
    assert_eq!(s(&v["passage"], "id"), id);
    assert!(v["before"].as_array().expect("before").is_empty());
}

#[test]
fn show_unknown_id_exits_1_with_a_message() {
    let o = run(fixture(), &["show", "ffffffffffffffff"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no passage with id 'ffffffffffffffff'"));
}

#[test]
fn docs_lists_briefings_with_date_title_speakers_and_counts() {
    let o = run(fixture(), &["docs", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let docs = json_lines(&o.stdout);
    assert_eq!(docs.len(), 2);
    // Oldest first.
    assert_eq!(base(s(&docs[0], "file")), "riverside.txt");
    assert_eq!(s(&docs[0], "date"), "2023-05-09");
    assert!(s(&docs[0], "title").starts_with("Riverside Council press conference"));
    assert_eq!(docs[0]["passages"], 11);
    let speakers: Vec<&str> = docs[0]["speakers"]
        .as_array()
        .expect("speakers")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(
        speakers,
        [
            "Jonas Ekberg",
            "Óscar Valdés",
            "Petra Lindholm",
            "Riverside Radio",
            "Harbour Weekly"
        ]
    );
    assert_eq!(s(&docs[1], "date"), "2024-02-02");
    assert_eq!(docs[1]["passages"], 3);

    let o = run(fixture(), &["docs", "--color", "never"]);
    let out = stdout(&o);
    assert!(out.starts_with("2 briefings, 14 passages"), "{out}");
    let first = out.find("2023-05-09").expect("date");
    let second = out.find("2024-02-02").expect("date");
    assert!(first < second);
    assert!(out.contains("riverside.txt · 11 passages"), "{out}");
    assert!(
        out.contains("Grain prices steady as silo capacity grows"),
        "{out}"
    );
    assert!(out.contains("Narration, Marta Kowalczyk"), "{out}");
}
