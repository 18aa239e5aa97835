//! The fuzz targets' checks in the normal test suite (stable Rust):
//!
//! - every input the fuzzer ever found (`tests/fuzz/{parse,query}/`) and
//!   the fuzzers' seed inputs are replayed through the same harness
//!   (`fuzz/harness.rs`);
//! - a few hundred generated transcripts and queries, built from the
//!   pieces real ones are made of (labels, rosters, dates, furniture,
//!   stray markup, control characters, odd Unicode), so CI explores a
//!   little every run. `PODIUM_FUZZ_CASES=100000` makes it a long run.

use std::path::Path;

use crate::corpusgen::Rng;
use crate::fuzz_harness as harness;
use crate::util::{fixtures, repo, seed_files};

/// The files of `dir`, sorted. A folder that cannot be read fails the test:
/// a moved folder must not leave its inputs silently unchecked.
fn files_in(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read the inputs in {}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    v.sort();
    v
}

#[test]
fn inputs_the_fuzzers_found_stay_fixed() {
    let mut parsed = 0;
    // `tests/fuzz/parse/` exists once the parser fuzzer has found an
    // input (git keeps no empty folder); until then there are none.
    let found = repo().join("tests/fuzz/parse");
    let mut parse_dirs = Vec::new();
    if found.is_dir() {
        parse_dirs.push(found);
    }
    parse_dirs.push(fixtures().join("formats"));
    for p in parse_dirs
        .iter()
        .flat_map(|d| files_in(d))
        .chain(seed_files())
    {
        harness::parse(&std::fs::read(&p).expect("read"));
        parsed += 1;
    }
    let mut queried = 0;
    for dir in [
        repo().join("tests/fuzz/query"),
        repo().join("fuzz/seeds/query"),
    ] {
        for p in files_in(&dir) {
            harness::query(&std::fs::read(&p).expect("read"));
            queried += 1;
        }
    }
    assert!(parsed >= 7 && queried >= 10, "{parsed} {queried}");
}

const PIECES: &[&str] = &[
    "Moderator:",
    "Q:",
    "Q",
    "A:",
    "MS. PSAKI:",
    "Speakers:",
    "Chairperson:",
    "Date:",
    "Date: 28 March 2024",
    "March 28, 2024",
    "2024年3月28日",
    "April 21",
    "Mr. Ilse Brekke,",
    "spokesperson of the Ministry",
    "Harbour Radio:",
    "Coastal Radio: Will it?",
    "said",
    "\"We will act,\" said Tobias Okonkwo.",
    "Back to top",
    "Home > News >",
    "Translated by",
    "_ueditor_page_break_tag_",
    "<br>",
    "</p>",
    "\u{a0}",
    "\u{200b}",
    "\u{feff}",
    "\u{1b}[2J",
    "\u{9b}",
    "\u{202e}",
    "\t",
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    ":",
    "：",
    "?",
    "？",
    "·",
    "(",
    ")",
    "Gong Zheng",
    "龚正",
    "上海",
    "Mr.",
    "Dr.",
    "the",
    "and",
    "STAR Market",
    "..",
    "—",
    "'",
    "’",
    "A",
    "1",
    "9999",
    "0000-00-00",
    "e\u{301}",
    "ǅ",
    "ß",
    "İ",
    "ﬁ",
];

fn transcript(rng: &mut Rng) -> String {
    let n = rng.range(0, 60);
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(rng.pick(PIECES));
        match rng.range(0, 4) {
            0 => s.push(' '),
            1 => s.push('\n'),
            _ => {}
        }
    }
    s
}

fn query(rng: &mut Rng) -> String {
    const Q: &[&str] = &[
        "STAR", "Market", "\"", "AND", "OR", "NOT", "(", ")", "~2", "^3", ":", "title:", "text:",
        "*", "[", "]", "{", "}", "TO", "IN", "+", "-", " ", "\\", "上海", "\u{1b}", "\n", "gong",
        "2024", "2024-13", "official", "-1", "ǅ",
    ];
    let n = rng.range(0, 12);
    (0..n).map(|_| rng.pick(Q)).collect()
}

#[test]
fn generated_transcripts_and_queries_break_nothing() {
    let cases: u64 = std::env::var("PODIUM_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let mut rng = Rng::new(0x5eed);
    for case in 0..cases {
        let t = transcript(&mut rng);
        let q = query(&mut rng);
        let caught = std::panic::catch_unwind(|| {
            harness::parse(t.as_bytes());
            harness::query(q.as_bytes());
        });
        assert!(
            caught.is_ok(),
            "case {case} failed; transcript {t:?}, query {q:?}"
        );
    }
}

/// Found by the generated cases: excluding a phrase tripped a tantivy debug
/// assertion (`PhraseScorer::seek_danger`); `search::query::exclude` now
/// builds exclusions so it cannot fire. This checks the answer: what a
/// phrase excludes is exactly what it matches.
#[test]
fn excluding_a_phrase_subtracts_exactly_its_matches() {
    use podium::search::{search, Filters, Request};
    let idx = crate::fuzz_harness::index();
    let total = |q: &str| {
        search(
            idx,
            &Request {
                query: q.into(),
                filters: Filters::default(),
                limit: 1,
                ..Request::default()
            },
        )
        .expect("search")
        .total
    };
    for (word, phrase) in [
        ("market", "\"capital market\""),
        ("market", "\"STAR Market\""),
        ("market", "\"science and technology\""),
    ] {
        let all = total(word);
        let with = total(&format!("{word} {phrase}"));
        let without = total(&format!("{word} -{phrase}"));
        assert!(with > 0 && with < all, "{word} {phrase}: {with} of {all}");
        assert_eq!(without, all - with, "{word} -{phrase}");
    }
}
