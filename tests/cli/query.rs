//! The query language: each form, and malformed input (never a panic or a
//! tantivy error; hits, or one clear line that says where).

use std::collections::BTreeSet;

use serde_json::Value;

use crate::briefings::{fixture, rank_of, run, search, speakers, stderr};
use crate::util::s;

fn texts(hits: &[Value]) -> Vec<&str> {
    hits.iter().map(|h| s(h, "text")).collect()
}

fn all_contain(hits: &[Value], words: &[&str]) -> bool {
    hits.iter().all(|h| {
        let t = s(h, "text").to_lowercase();
        words.iter().all(|w| t.contains(w))
    })
}

#[test]
fn bare_words_are_all_required() {
    let (hits, code, err) = search(fixture(), "grain silo", &[]);
    assert_eq!(code, 0);
    assert_eq!(hits.len(), 2, "{:#?}", texts(&hits));
    assert!(all_contain(&hits, &["grain", "silo"]));
    assert!(!err.contains("some of them"), "{err}");
}

#[test]
fn when_no_passage_has_all_words_the_fallback_says_so() {
    let (hits, code, err) = search(fixture(), "grain ferry", &[]);
    assert_eq!(code, 0);
    assert!(
        err.contains("no passage has all the words; showing passages with some of them"),
        "{err}"
    );
    // Both words' passages are there, none has both.
    assert!(hits.iter().any(|h| s(h, "text").contains("grain")));
    assert!(hits.iter().any(|h| s(h, "text").contains("ferry")));
    // A word in no passage at all is named.
    let (_, _, err) = search(fixture(), "grain zeppelin", &[]);
    assert!(err.contains("\"zeppelin\" in none"), "{err}");
}

#[test]
fn quoted_phrases_need_the_words_together_in_order() {
    let (hits, _, _) = search(fixture(), "\"grain silo\"", &[]);
    assert_eq!(hits.len(), 1, "{:#?}", texts(&hits));
    assert!(s(&hits[0], "text").contains("new grain silo"));
    let (hits, code, _) = search(fixture(), "\"silo grain\"", &[]);
    assert_eq!((hits.len(), code), (0, 1));
    // Typographic quotes work the same.
    let (hits, _, _) = search(fixture(), "“grain silo”", &[]);
    assert_eq!(hits.len(), 1);
}

#[test]
fn or_finds_either_and_binds_tighter_than_the_space() {
    let (hits, _, _) = search(fixture(), "ferry OR silo", &["-n", "50"]);
    let files: BTreeSet<&str> = hits
        .iter()
        .map(|h| crate::util::base(s(h, "file")))
        .collect();
    assert_eq!(files.len(), 2, "both briefings: {files:?}");
    // reopen AND (ferry OR silo): only the ferry passages say reopen.
    let (hits, _, _) = search(fixture(), "reopen ferry OR silo", &[]);
    assert_eq!(hits.len(), 2, "{:#?}", texts(&hits));
    assert!(all_contain(&hits, &["ferry", "reopen"]));
    let (bar, _, _) = search(fixture(), "reopen ferry | silo", &[]);
    assert_eq!(bar.len(), 2);
}

#[test]
fn minus_and_not_exclude() {
    let (hits, _, _) = search(fixture(), "tram -network", &[]);
    assert_eq!(hits.len(), 1, "{:#?}", texts(&hits));
    assert!(s(&hits[0], "text").contains("beyond the trams"));
    let (not, _, _) = search(fixture(), "tram NOT network", &[]);
    assert_eq!(texts(&not), texts(&hits));
    // A phrase can be excluded too.
    let (hits, _, _) = search(fixture(), "grain -\"grain silo\"", &["-n", "50"]);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| !s(h, "text").contains("grain silo")));
    // Exclusions alone: every passage but.
    let (hits, code, _) = search(fixture(), "-the", &["-n", "100"]);
    assert_eq!(code, 0);
    assert!(hits.iter().all(|h| !s(h, "text")
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "the")));
}

#[test]
fn parentheses_group() {
    let (hits, _, _) = search(
        fixture(),
        "(ferry OR silo) (reopen OR farmers)",
        &["-n", "50"],
    );
    let t = texts(&hits);
    assert_eq!(hits.len(), 3, "{t:#?}");
    assert!(t.iter().any(|x| x.contains("farmers hold grain")));
    assert!(t.iter().all(|x| x.contains("ferry") || x.contains("silo")));
}

#[test]
fn field_prefixes_narrow() {
    // speaker: resolves like --speaker.
    let (hits, _, _) = search(fixture(), "speaker:lindholm bonds", &[]);
    assert_eq!(speakers(&hits), ["Petra Lindholm"]);
    let (hits, _, _) = search(fixture(), "speaker:\"Petra Lindholm\"", &["-n", "50"]);
    assert_eq!(hits.len(), 3);
    assert!(speakers(&hits).iter().all(|sp| *sp == "Petra Lindholm"));
    let (hits, _, _) = search(fixture(), "speaker:lind*", &["-n", "50"]);
    assert_eq!(hits.len(), 3);
    // role:
    let (hits, _, _) = search(fixture(), "role:journalist", &["-n", "50"]);
    let roles: BTreeSet<&str> = hits.iter().map(|h| s(h, "role")).collect();
    assert_eq!(roles.into_iter().collect::<Vec<_>>(), ["journalist"]);
    assert_eq!(hits.len(), 2);
    let (hits, _, _) = search(fixture(), "ferry role:officials", &[]);
    assert_eq!(speakers(&hits), ["Óscar Valdés"]);
    // title:
    let (hits, _, _) = search(fixture(), "title:grain", &["-n", "50"]);
    assert_eq!(hits.len(), 3);
    assert!(hits.iter().all(|h| s(h, "title").contains("Grain prices")));
    let (hits, _, _) = search(fixture(), "title:\"tram network\" investors", &[]);
    assert_eq!(hits.len(), 1);
    let (hits, _, _) = search(fixture(), "title:(grain silo) farmers", &[]);
    assert_eq!(hits.len(), 1);
    // Title words are indexed on one passage per briefing: a prefix and an
    // exclusion still cover every passage of the briefings.
    let (hits, _, _) = search(fixture(), "title:grai*", &["-n", "50"]);
    assert_eq!(hits.len(), 3);
    let (every, _, _) = search(fixture(), "-title:zzzz", &["-n", "500"]);
    let (others, _, _) = search(fixture(), "-title:grain", &["-n", "500"]);
    assert_eq!(others.len() + 3, every.len());
    assert!(others
        .iter()
        .all(|h| !s(h, "title").contains("Grain prices")));
}

#[test]
fn trailing_star_matches_prefixes() {
    let (hits, _, _) = search(fixture(), "depot*", &["-n", "50"]);
    assert_eq!(hits.len(), 2, "depot and depots: {:#?}", texts(&hits));
    // A prefix longer than the indexed stem still finds the word.
    let (hits, _, _) = search(fixture(), "brewer*", &[]);
    assert_eq!(rank_of(&hits, "old brewery"), Some(1));
    // Inside a phrase, the last word is the prefix.
    let (hits, _, _) = search(fixture(), "\"grain sil*\"", &[]);
    assert_eq!(hits.len(), 1);
    // Too short to be a prefix: searched as the word, and said so.
    let (_, _, err) = search(fixture(), "a*", &[]);
    assert!(err.contains("too short for a prefix"), "{err}");
}

#[test]
fn words_match_any_case_accents_and_forms() {
    let (a, _, _) = search(fixture(), "DEPOTS", &[]);
    let (b, _, _) = search(fixture(), "depot", &[]);
    assert_eq!(texts(&a), texts(&b));
    assert_eq!(a.len(), 2);
    let (hits, _, _) = search(fixture(), "valdes", &[]);
    assert!(!hits.is_empty(), "accents folded");
}

#[test]
fn help_documents_the_query_language() {
    let o = crate::util::Scratch::new()
        .podium()
        .args(["search", "--help"])
        .output()
        .expect("help");
    let help = String::from_utf8_lossy(&o.stdout);
    for form in [
        "\"container throughput\"",
        "OR",
        "-automated",
        "speaker:",
        "role:",
        "title:",
        "invest*",
        "synonyms",
    ] {
        assert!(help.contains(form), "--help lacks {form}:\n{help}");
    }
}

/// Nasty inputs: none may panic or leak a tantivy error; each gives hits
/// (exit 0, maybe with notes), none (exit 1), or one clear line (exit 2)
/// that names the column.
#[test]
fn malformed_queries_never_panic_and_errors_say_where() {
    let long = "ferry ".repeat(2000);
    let deep = format!("{}ferry", "(".repeat(5000));
    let nots = format!("{}ferry", "-".repeat(3001));
    let cases: Vec<(&str, &str)> = vec![
        // (query, expected: "hits", "error" or "any")
        ("\"ferry terminal", "hits"),
        ("(ferry OR silo", "hits"),
        ("ferry)", "hits"),
        ("ferry -", "hits"),
        ("ferry OR OR silo", "hits"),
        ("OR ferry", "hits"),
        ("ferry AND", "hits"),
        ("ferry***", "hits"),
        ("ferry:terminal", "hits"),
        ("-ferry", "hits"),
        ("\u{1b}[2J ferry", "hits"),
        ("\u{202e}ferry", "hits"),
        (&long, "hits"),
        (&deep, "hits"),
        (&nots, "hits"),
        ("OR", "error"),
        ("AND", "error"),
        ("NOT", "error"),
        ("-", "error"),
        ("()", "error"),
        (")))(((", "error"),
        ("\"\"", "error"),
        ("\"", "error"),
        ("*", "error"),
        (":::", "error"),
        ("—", "error"),
        ("🚋", "error"),
        ("speaker:", "error"),
        ("title:", "error"),
        ("speaker:\"", "error"),
        ("speaker:zzyzx ferry", "error"),
        ("role:pundit ferry", "error"),
        ("   ", "error"),
        ("𝔣𝔢𝔯𝔯𝔶 ℌ", "any"),
        ("ferry~2 ^3 {x} [a TO b]", "any"),
    ];
    assert!(cases.len() >= 20);
    for (q, expected) in cases {
        let o = run(fixture(), &["search", q, "--json"]);
        let code = o.status.code().unwrap_or(-1);
        let err = stderr(&o);
        let shown: String = q.chars().take(40).collect();
        assert!(!err.contains("panicked"), "{shown:?} panicked: {err}");
        assert!(
            !err.to_lowercase().contains("tantivy") && !err.contains("Error("),
            "{shown:?} leaked an internal error: {err}"
        );
        assert!(!err.contains('\u{1b}'), "{shown:?}: raw escape on stderr");
        match expected {
            "hits" => assert_eq!(code, 0, "{shown:?}: {err}"),
            "error" => {
                assert_eq!(code, 2, "{shown:?} should be an error: {err}");
                let lines: Vec<&str> = err.lines().collect();
                assert_eq!(lines.len(), 1, "{shown:?}: one line: {err}");
                assert!(lines[0].starts_with("podium: error: "), "{err}");
                if !q.trim().is_empty() {
                    assert!(lines[0].contains("column "), "{shown:?}: where? {err}");
                }
            }
            _ => assert!(code == 0 || code == 1, "{shown:?}: {code} {err}"),
        }
    }
}
