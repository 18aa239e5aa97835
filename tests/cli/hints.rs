//! Hints that fit what was typed: an index path that does not exist gets
//! the command that builds one there (and nothing is built); an unknown
//! subcommand gets the command it looks like, or none, and the list of
//! commands; a suggestion for a quoted phrase shows one pair of quotes.

use predicates::prelude::*;

use crate::briefings::{fixture, search};
use crate::util::Scratch;

#[test]
fn an_index_that_is_not_there_is_not_built_there() {
    let scratch = Scratch::new();
    let missing = scratch.path().join("no").join("such").join("dir");
    let shown = missing.display().to_string();
    for cmd in [
        vec!["search", "inflation"],
        vec!["similar", "a055c656"],
        vec!["show", "a055c656"],
    ] {
        scratch
            .podium()
            .args(&cmd)
            .arg("--index")
            .arg(&missing)
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(predicate::eq(format!(
                "podium: error: no index at {shown}; build one with: podium index PATH --index {shown}\n"
            )));
        assert!(!missing.exists(), "{cmd:?} built something at {shown}");
        assert!(!scratch.path().join("no").exists());
    }
    // A path with a space is quoted in the command, so it pastes.
    scratch
        .podium()
        .args(["search", "x", "--index", "my index"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no index at my index; build one with: podium index PATH --index 'my index'",
        ));
    // Nor at the default location: the seeds are built only when no
    // location is given.
    assert!(!scratch.path().join("index").exists());
}

/// The one-line error for `podium WORD`.
fn unknown(word: &str) -> String {
    let out = Scratch::new().podium().arg(word).output().expect("podium");
    assert_eq!(out.status.code(), Some(2), "{word}");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!("podium: error: unrecognized subcommand '{word}'")),
        "{err}"
    );
    // Every real command is listed, whatever was typed.
    for name in ["index", "search", "similar", "show", "serve", "speakers"] {
        assert!(
            err.contains(&format!(" {name},")) || err.contains(&format!(" {name};")),
            "{name}: {err}"
        );
    }
    err
}

#[test]
fn an_unknown_subcommand_is_answered_with_what_it_looks_like_or_nothing() {
    let tip = |e: &str| {
        e.split("tip: a similar subcommand exists: '")
            .nth(1)
            .and_then(|r| r.split('\'').next())
            .map(str::to_string)
    };
    assert_eq!(tip(&unknown("sarch")).as_deref(), Some("search"));
    assert_eq!(tip(&unknown("serach")).as_deref(), Some("search"));
    // Not `search`, which clap's own guess was.
    assert_eq!(tip(&unknown("serv")).as_deref(), Some("serve"));
    assert_eq!(tip(&unknown("simlar")).as_deref(), Some("similar"));
    // `find` is not `index`, however many letters they share; it means
    // searching, and is told so.
    let find = unknown("find");
    assert_eq!(tip(&find), None, "{find}");
    assert!(
        find.contains("to find passages, the command is 'search'"),
        "{find}"
    );
    assert!(unknown("query").contains("the command is 'search'"));
    // Far from every command: no guess at all.
    let far = unknown("frobnicate");
    assert!(!far.contains("tip:"), "{far}");
    // The real commands are never misread.
    Scratch::new()
        .podium()
        .args(["serve", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Serve the index over HTTP"));
}

#[test]
fn a_suggestion_for_a_quoted_phrase_has_one_pair_of_quotes() {
    // A quote never closed: read to the end, and the suggestion closes it.
    let (_, _, err) = search(fixture(), "\"tram netwrk", &[]);
    assert!(err.contains("the quote is never closed"), "{err}");
    assert!(err.contains("did you mean \"tram network\"?"), "{err}");
    assert!(!err.contains("\"\""), "{err}");
    // A closed phrase: its own quotes, not another pair around them.
    let (_, _, err) = search(fixture(), "\"tram netwrk\"", &[]);
    assert!(err.contains("did you mean \"tram network\"?"), "{err}");
    assert!(!err.contains("\"\""), "{err}");
    // A phrase among other words: the whole query in single quotes, as a
    // shell takes it.
    let (_, _, err) = search(fixture(), "ferry \"tram netwrk\"", &[]);
    assert!(
        err.contains("did you mean 'ferry \"tram network\"'?"),
        "{err}"
    );
}
