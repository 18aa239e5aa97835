//! Republished passages keep the date they were first said on: a passage
//! in a briefing of one day and repeated word for word in a page of a
//! later day is stored once, dated by the earlier day, lists every
//! document it is in with that document's date, and `--since`/`--until`
//! find it by any of them — whatever order the files were indexed in, and
//! through incremental runs.

use std::path::PathBuf;

use serde_json::{json, Value};

use crate::support::{all_passages, assert_same_as_rebuild, index_json};
use crate::util::{base, s, Scratch, ROSTER};

const D1: &str = "2024-03-01";
const D2: &str = "2024-03-20";

/// The answer both documents print, word for word.
const ANSWER: &str = "The new ferry terminal will open to passengers in the second week of May, once the harbour pilots have finished their trials with the larger vessels.";

/// The briefing where the answer was given, on `date`: a short one.
fn briefing(date: &str) -> String {
    format!(
        "Harbour Authority press conference on the ferry terminal\n\nDate: {date}\n\n\
         MS. MOREAU: Good afternoon. We have a few minutes for questions.\n\n\
         Q: When will the new ferry terminal open to passengers this spring?\n\n\
         MS. MOREAU: {ANSWER}\n"
    )
}

/// A later page that repeats the answer among more of its own: it has the
/// most passages, so it is the one that stores the shared passage.
fn digest(date: &str) -> String {
    format!(
        "Harbour Authority weekly digest of port announcements and answers\n\nDate: {date}\n\n\
         MS. MOREAU: Here is what the Authority said in the last three weeks about the port.\n\n\
         MS. MOREAU: {ANSWER}\n\n\
         MS. MOREAU: The dredging of the northern channel is finished and the buoys are back in place for the season.\n\n\
         MS. MOREAU: Cruise calls are expected to rise by a fifth this year, with most ships arriving in July and August.\n\n\
         MS. MOREAU: The car park next to the old quay closes for repairs from the first of June until the end of summer.\n"
    )
}

/// The passage with the answer, searched as a phrase with `extra` filters
/// in the scratch index.
fn answer_hits(scratch: &Scratch, extra: &[&str]) -> Vec<Value> {
    scratch
        .search("\"harbour pilots have finished their trials\"", extra)
        .0
}

/// The folder `c/` with the briefing (dated `d1`) and the digest (`d2`).
fn corpus(scratch: &Scratch, d1: &str, d2: &str) -> (PathBuf, PathBuf) {
    let b = scratch.write("c/briefing.txt", briefing(d1));
    let d = scratch.write("c/digest.txt", digest(d2));
    (b, d)
}

/// The answer is stored once, by the digest, dated by the briefing, with
/// both documents and their dates.
fn assert_first_said_on(scratch: &Scratch, first: &str, later: &str) {
    let hits = answer_hits(scratch, &[]);
    assert_eq!(hits.len(), 1, "{hits:#?}");
    let h = &hits[0];
    assert_eq!(s(h, "text"), ANSWER);
    assert_eq!(base(s(h, "file")), "digest.txt", "the fuller page holds it");
    assert_eq!(s(h, "date"), first, "dated by the first document: {h}");
    let also: Vec<&str> = h["also_in"]
        .as_array()
        .expect("also_in")
        .iter()
        .filter_map(Value::as_str)
        .map(base)
        .collect();
    assert_eq!(also, ["briefing.txt"]);
    let occurrences: Vec<(String, Value)> = h["occurrences"]
        .as_array()
        .expect("occurrences")
        .iter()
        .map(|o| (base(s(o, "file")).to_string(), o["date"].clone()))
        .collect();
    assert_eq!(
        occurrences,
        [
            ("briefing.txt".to_string(), json!(first)),
            ("digest.txt".to_string(), json!(later)),
        ],
        "every document, oldest first, with its date"
    );
}

/// `--since`/`--until` find it by either date, and not between them.
fn assert_filters_match_any_date(scratch: &Scratch) {
    let found = |args: &[&str]| answer_hits(scratch, args).len();
    assert_eq!(found(&["--until", D1]), 1, "--until the first date");
    assert_eq!(found(&["--since", D2]), 1, "--since the later date");
    assert_eq!(found(&["--since", D1, "--until", D1]), 1);
    assert_eq!(found(&["--since", D2, "--until", D2]), 1);
    assert_eq!(
        found(&["--since", "2024-03-02", "--until", "2024-03-19"]),
        0,
        "no document of it is dated between the two"
    );
    assert_eq!(found(&["--until", "2024-02-29"]), 0);
    assert_eq!(found(&["--since", "2024-03-21"]), 0);
}

#[test]
fn a_republished_passage_keeps_its_first_date_and_lists_every_date() {
    let scratch = Scratch::new();
    let idx = scratch.index();
    let (b, d) = corpus(&scratch, D1, D2);
    index_json(&scratch, &idx, &[], &[&b, &d]);
    assert_first_said_on(&scratch, D1, D2);
    assert_filters_match_any_date(&scratch);

    // The passages only the digest has keep the digest's date.
    let (own, _) = scratch.search("\"dredging of the northern channel\"", &[]);
    assert_eq!(own.len(), 1);
    assert_eq!(s(&own[0], "date"), D2);
    assert_eq!(own[0]["occurrences"].as_array().map(Vec::len), Some(1));

    // `show` says where it was first said and where it came back.
    let id = s(&answer_hits(&scratch, &[])[0], "id").to_string();
    let out = scratch
        .podium()
        .args(["show", &id, "--index"])
        .arg(&idx)
        .output()
        .expect("show");
    let text = String::from_utf8_lossy(&out.stdout);
    let place = text.lines().nth(1).expect("place line");
    assert!(
        place.starts_with(&format!("{D1} · "))
            && place.contains(&format!("digest.txt ({D2})"))
            && place.contains(&format!("briefing.txt ({D1})")),
        "{text}"
    );
    let out = scratch
        .podium()
        .args(["show", &id, "--json", "--index"])
        .arg(&idx)
        .output()
        .expect("show");
    let shown = &crate::util::json_lines(&out.stdout)[0]["passage"];
    assert_eq!(s(shown, "date"), D1);
    assert_eq!(shown["occurrences"].as_array().map(Vec::len), Some(2));
}

#[test]
fn indexing_the_later_file_first_ends_the_same() {
    let scratch = Scratch::new();
    let idx = scratch.index();
    let (b, d) = corpus(&scratch, D1, D2);
    // The later page alone: the answer is its own, dated by it.
    index_json(&scratch, &idx, &[], &[&d]);
    let hits = answer_hits(&scratch, &[]);
    assert_eq!(s(&hits[0], "date"), D2);
    assert!(answer_hits(&scratch, &["--until", D1]).is_empty());
    // The briefing arrives: the digest's passage is re-dated.
    let summary = index_json(&scratch, &idx, &[], &[&b, &d]);
    assert_eq!(summary["added"], 1, "{summary}");
    assert_first_said_on(&scratch, D1, D2);
    assert_filters_match_any_date(&scratch);
    assert_same_as_rebuild(&scratch, &idx, &[&b, &d]);
}

#[test]
fn incremental_runs_keep_the_first_date_right() {
    let scratch = Scratch::new();
    let idx = scratch.index();
    let dir = scratch.path().join("c");
    let (b, d) = corpus(&scratch, D1, D2);
    index_json(&scratch, &idx, &[], &[&dir]);
    assert_first_said_on(&scratch, D1, D2);

    // The briefing's date corrected to an earlier day: the digest (not
    // edited) is rewritten with it.
    scratch.write("c/briefing.txt", briefing("2024-02-15"));
    let summary = index_json(&scratch, &idx, &[], &[&dir]);
    assert_eq!(
        (summary["updated"].as_u64(), summary["refreshed"].as_u64()),
        (Some(1), Some(1)),
        "{summary}"
    );
    assert_first_said_on(&scratch, "2024-02-15", D2);
    assert_same_as_rebuild(&scratch, &idx, &[&b, &d]);

    // Nothing changed: nothing written.
    let summary = index_json(&scratch, &idx, &[], &[&dir]);
    assert_eq!(summary["committed"], false, "{summary}");

    // The briefing gone (pruned): the answer is the digest's alone again.
    std::fs::remove_file(&b).expect("rm");
    index_json(&scratch, &idx, &["--prune"], &[&dir]);
    let hits = answer_hits(&scratch, &[]);
    assert_eq!(s(&hits[0], "date"), D2);
    assert_eq!(hits[0]["also_in"], json!([]));
    assert!(answer_hits(&scratch, &["--until", D1]).is_empty());
    assert_same_as_rebuild(&scratch, &idx, &[&d]);

    // An undated copy counts for nothing but itself: the dated one wins.
    scratch.write("c/briefing.txt", briefing("").replace("Date: \n\n", ""));
    index_json(&scratch, &idx, &[], &[&dir]);
    let hits = answer_hits(&scratch, &[]);
    assert_eq!(s(&hits[0], "date"), D2);
    let undated = hits[0]["occurrences"]
        .as_array()
        .expect("occurrences")
        .last()
        .cloned()
        .expect("two");
    assert_eq!(base(s(&undated, "file")), "briefing.txt");
    assert_eq!(undated["date"], Value::Null, "undated last");
    // Through the library too: the stored passage holds both documents.
    let stored: Vec<_> = all_passages(&idx)
        .into_iter()
        .filter(|p| p.text == ANSWER)
        .collect();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].occurrences.len(), 2);
    assert_same_as_rebuild(&scratch, &idx, &[&b, &d]);
}

/// A briefing with its roster: Arvid Lunde chairs. [`ROSTER`], with the
/// chair's closing turn.
fn chaired_briefing() -> String {
    format!("{ROSTER}\nArvid Lunde:\nThank you. That is all the time we have today.\n")
}

/// A later page of the same briefing, without its roster: one answer word
/// for word, a question of its own and the chair's goodbye, too short to
/// be a republished passage, so the page stores it itself.
const PAGE: &str = "Fisheries Agency press conference on the autumn quotas (page 2)

Date: 10 October 2023

Harbour Wire:
Will the fund also cover the boats that fish for herring along the western coast this winter?

Signe Halvorsen:
Yes. A compensation fund of twelve million will open in November for boats under fifteen metres.

Arvid Lunde:
Thank you, everyone. Goodbye.
";

/// The role of the page's goodbye, as the index has it.
fn goodbye_role(scratch: &Scratch) -> String {
    let (hits, _) = scratch.search("goodbye", &[]);
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert_eq!(base(s(&hits[0], "file")), "page.txt");
    assert_eq!(s(&hits[0], "speaker"), "Arvid Lunde");
    s(&hits[0], "role").to_string()
}

#[test]
fn a_page_without_its_roster_takes_the_roles_the_corpus_knows() {
    let scratch = Scratch::new();
    let idx = scratch.index();
    let page = scratch.write("c/page.txt", PAGE);
    // On its own the page cannot know who chairs: the man who speaks
    // last is one more official.
    index_json(&scratch, &idx, &[], &[&page]);
    assert_eq!(goodbye_role(&scratch), "official");
    // The briefing's roster says he chairs: the page is refreshed with it.
    let briefing = scratch.write("c/briefing.txt", chaired_briefing());
    let summary = index_json(&scratch, &idx, &[], &[&page, &briefing]);
    assert_eq!(summary["refreshed"], 1, "{summary}");
    assert_eq!(goodbye_role(&scratch), "moderator");
    assert_same_as_rebuild(&scratch, &idx, &[&page, &briefing]);
    // And `podium parse` of both reads the page so too.
    let parsed = scratch.parse(&[page.clone(), briefing.clone()], &[]);
    let roles: Vec<(&str, &str)> = parsed[0]["passages"]
        .as_array()
        .expect("passages")
        .iter()
        .map(|p| (s(p, "speaker"), s(p, "role")))
        .collect();
    assert_eq!(
        roles,
        [
            ("Harbour Wire", "journalist"),
            ("Signe Halvorsen", "official"),
            ("Arvid Lunde", "moderator"),
        ]
    );
    // The briefing gone, the page is on its own again.
    std::fs::remove_file(&briefing).expect("rm");
    index_json(&scratch, &idx, &["--prune"], &[&page]);
    assert_eq!(goodbye_role(&scratch), "official");
}
