//! Role words people use (`chair`, `press`, `minister`) mean the role they
//! name, in `--role` and in `role:`; a word that could be two roles, or
//! none, is refused with what to give instead.

use predicates::prelude::*;
use serde_json::Value;

use crate::util::{s, Scratch};

fn ids(hits: &[Value]) -> Vec<&str> {
    hits.iter().map(|h| s(h, "id")).collect()
}

#[test]
fn everyday_role_words_mean_the_roles() {
    let scratch = Scratch::new();
    scratch.index_seeds();
    for (word, role) in [
        ("chair", "moderator"),
        ("host", "moderator"),
        ("press", "journalist"),
        ("reporters", "journalist"),
        ("minister", "official"),
        ("officials", "official"),
    ] {
        let (by_word, code) = scratch.search("Shanghai", &["--role", word, "-n", "50"]);
        assert_eq!(code, 0, "--role {word}");
        let (by_role, _) = scratch.search("Shanghai", &["--role", role, "-n", "50"]);
        assert_eq!(ids(&by_word), ids(&by_role), "--role {word}");
        assert!(
            by_word.iter().all(|h| s(h, "role") == role),
            "--role {word}"
        );
        let (in_query, _) = scratch.search(&format!("Shanghai role:{word}"), &["-n", "50"]);
        assert_eq!(ids(&in_query), ids(&by_role), "role:{word}");
    }
}

#[test]
fn a_word_of_two_roles_or_none_is_refused_with_what_to_give() {
    let scratch = Scratch::new();
    scratch.index_seeds();
    let run = |args: &[&str]| {
        scratch
            .podium()
            .arg("search")
            .args(args)
            .arg("--index")
            .arg(scratch.index())
            .assert()
            .code(2)
    };
    run(&["Shanghai", "--role", "spokesperson"])
        .stderr(predicate::str::contains("ambiguous role 'spokesperson'"))
        .stderr(predicate::str::contains("give official or moderator"));
    run(&["Shanghai role:spokesperson"]).stderr(predicate::str::contains(
        "ambiguous role 'spokesperson' in role: at column 15",
    ));
    run(&["Shanghai", "--role", "pundit"])
        .stderr(predicate::str::contains(
            "unknown role 'pundit': expected official, moderator, journalist or narration (or ",
        ))
        .stderr(predicate::str::contains("chair"))
        .stderr(predicate::str::contains("reporter"));
    // `speakers` takes the same filter.
    scratch
        .podium()
        .args(["speakers", "--role", "chair", "--json", "--index"])
        .arg(scratch.index())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"role\":\"moderator\""));
}
