//! Office labels, surnames and initials found by `--speaker` on a real
//! index (issue #12, items 1 and 2): what `PM:` said is Ruth Mbeki's, and
//! `--speaker Mbeki` finds it; `TH:` is Tom Hargreaves's.

use crate::util::{fixtures, s, Scratch};

/// The attribution fixtures indexed together, as a corpus would be.
fn indexed() -> Scratch {
    let scratch = Scratch::new();
    let dir = fixtures().join("attribution");
    scratch.index_paths(&[
        &dir.join("office-pm-deputy.txt"),
        &dir.join("surname-doorstop.txt"),
    ]);
    scratch
}

#[test]
fn what_the_pm_said_is_found_under_her_surname() {
    let scratch = indexed();
    let (hits, code) = scratch.search("clear", &["--speaker", "Mbeki"]);
    assert_eq!(code, 0, "no hit for --speaker Mbeki");
    assert!(!hits.is_empty());
    for h in &hits {
        assert_eq!(s(h, "speaker"), "Ruth Mbeki", "{h}");
        assert!(s(h, "text").contains("very clear"), "{h}");
    }
    // The deputy's words are not hers, though his office contains hers.
    let (deputy, _) = scratch.search("dam", &["--speaker", "Mbeki"]);
    assert!(deputy.is_empty(), "{deputy:?}");
    let (deputy, code) = scratch.search("year", &["--speaker", "Okonkwo"]);
    assert_eq!(code, 0);
    assert!(deputy
        .iter()
        .all(|h| s(h, "speaker") == "David Okonkwo" && s(h, "role") == "official"));
}

#[test]
fn initials_and_a_bare_surname_are_the_senator() {
    let scratch = indexed();
    let (hits, code) = scratch.search("look", &["--speaker", "Hargreaves"]);
    assert_eq!(code, 0, "TH's answer is not found under Hargreaves");
    assert!(hits
        .iter()
        .any(|h| s(h, "text").contains("We'd look at it")));
    assert!(hits.iter().all(|h| s(h, "speaker") == "Tom Hargreaves"));
}
