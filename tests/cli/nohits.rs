//! When nothing matches: "did you mean" from the index's words, and which
//! filter removed every hit.

use crate::briefings::{fixture, run, search, stderr, stdout};

#[test]
fn a_misspelt_word_gets_a_suggestion_from_the_index() {
    let (hits, code, err) = search(fixture(), "termnal", &[]);
    assert_eq!((hits.len(), code), (0, 1));
    assert!(err.contains("did you mean \"terminal\"?"), "{err}");
    // The suggestion is a word as written in a passage, not a stem.
    let (_, _, err) = search(fixture(), "breweyr", &[]);
    assert!(err.contains("did you mean \"brewery\"?"), "{err}");
    // In a longer query, the rest is kept.
    let (hits, code, err) = search(fixture(), "ferry termnal", &[]);
    assert_eq!(code, 0, "the other word still finds passages");
    assert!(!hits.is_empty());
    assert!(err.contains("did you mean \"ferry terminal\"?"), "{err}");
    // Text output on stdout says nothing matched; the hint is on stderr.
    let o = run(fixture(), &["search", "termnal", "--color", "never"]);
    assert!(stdout(&o).starts_with("0 passages match \"termnal\""));
}

#[test]
fn words_that_exist_get_no_suggestion() {
    let (_, code, err) = search(fixture(), "\"silo grain\"", &[]);
    assert_eq!(code, 1);
    assert!(!err.contains("did you mean"), "{err}");
}

#[test]
fn when_filters_remove_every_hit_podium_says_which() {
    let (hits, code, err) = search(fixture(), "ferry terminal", &["--speaker", "lindholm"]);
    assert_eq!((hits.len(), code), (0, 1));
    assert!(
        err.contains("2 passages match the query without filters; none of them passes --speaker \"lindholm\" (Petra Lindholm)"),
        "{err}"
    );
    let (_, _, err) = search(
        fixture(),
        "ferry terminal",
        &["--role", "official", "--since", "2024"],
    );
    assert!(
        err.contains("none of them passes --since 2024-01-01"),
        "{err}"
    );
    assert!(!err.contains("--role"), "the role keeps the answer: {err}");
    // Each filter alone keeps a hit, together none.
    let (_, _, err) = search(
        fixture(),
        "ferry terminal",
        &["--role", "journalist", "--speaker", "valdes"],
    );
    assert!(
        err.contains("each filter alone keeps some of them, but together they keep none"),
        "{err}"
    );
}

#[test]
fn no_hits_at_all_is_exit_1_with_a_clean_stdout_in_json() {
    let o = run(fixture(), &["search", "zeppelin", "--json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert!(!stderr(&o).contains("error"));
}
