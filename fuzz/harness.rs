//! What the fuzz targets check, shared with the regression tests
//! (`tests/cli/fuzz.rs` includes this file), so an input the fuzzer found
//! is replayed in CI through exactly the same checks.
//!
//! - [`parse`]: any bytes → decoding → the transcript parser (on its own,
//!   and again with the knowledge its own survey gives, as the indexer
//!   does) → passages. Nothing may panic, and every passage must be
//!   non-empty, free of control characters, with a 16-hex-digit id and
//!   consecutive positions.
//! - [`query`]: any text → a query, a speaker, dates and a role (one per
//!   line) → `podium::search::search` on a small real index → both
//!   renderers. Nothing may panic, highlights must be valid byte ranges of
//!   their snippet, and no rendered output may carry a raw control
//!   character other than podium's own colour codes.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use podium::corpus;
use podium::index::writer::{build, BuildOptions};
use podium::index::PodiumIndex;
use podium::passage;
use podium::registry::RegistryBuilder;
use podium::render::style::ColorChoice;
use podium::search::filter::{parse_date, Bound};
use podium::search::{self, Filters, Request};
use podium::transcript::{self, Knowledge, Role, Transcript};

/// Runs the parser checks on one input.
pub fn parse(data: &[u8]) {
    let Ok((text, _)) = corpus::decode(data) else {
        return;
    };
    let file = "fuzz/input.txt";
    let alone = transcript::parse(&text);
    check_transcript(&alone, file);
    let mut survey = RegistryBuilder::default();
    survey.add_transcript(&alone, file);
    let knowledge = Knowledge {
        fallback_date: None,
        people: survey.build().knowledge(),
    };
    let informed = transcript::parse_with(&text, &knowledge);
    check_transcript(&informed, file);
}

fn no_controls(what: &str, s: &str) {
    assert!(
        !s.chars().any(char::is_control),
        "control character in {what}: {s:?}"
    );
}

fn check_transcript(t: &Transcript, file: &str) {
    if let Some(title) = &t.title {
        no_controls("title", title);
    }
    let ps = passage::passages(t, file);
    for (i, p) in ps.iter().enumerate() {
        assert!(!p.text.trim().is_empty(), "empty passage {i}");
        assert_eq!(p.position as usize, i, "positions must be consecutive");
        assert_eq!(p.id.len(), 16, "id {:?}", p.id);
        assert!(p.id.bytes().all(|b| b.is_ascii_hexdigit()), "id {:?}", p.id);
        no_controls("passage text", &p.text);
        no_controls("speaker", &p.speaker);
        assert!(!p.speaker.trim().is_empty(), "passage {i} has no speaker");
        if let Some(l) = &p.label {
            no_controls("label", l);
        }
    }
}

/// The small real index queries run against: the sample briefings, built
/// once per process in a temporary directory.
pub fn index() -> &'static PodiumIndex {
    static INDEX: OnceLock<PodiumIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let dir: PathBuf =
            std::env::temp_dir().join(format!("podium-fuzz-index-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let opts = BuildOptions {
            threads: 1,
            memory_budget: 20 * 1024 * 1024,
            ..BuildOptions::default()
        };
        build(&dir, &corpus::embedded_seeds(), &opts).expect("build the fuzz index");
        PodiumIndex::open(&dir).expect("open the fuzz index")
    })
}

/// Runs the query checks on one input: line 1 the query, then optionally a
/// speaker, a since date, an until date and a role.
pub fn query(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut lines = text.split('\n');
    let q = lines.next().unwrap_or_default().to_string();
    let speakers: Vec<String> = lines
        .next()
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .into_iter()
        .collect();
    let since = lines.next().and_then(|d| parse_date(d, Bound::Start).ok());
    let until = lines.next().and_then(|d| parse_date(d, Bound::End).ok());
    let role = lines.next().and_then(|r| r.parse::<Role>().ok());
    let req = Request {
        query: q.clone(),
        filters: Filters {
            speakers,
            outlets: Vec::new(),
            role,
            since,
            until,
            ..Filters::default()
        },
        limit: 10,
        ..Request::default()
    };
    let Ok(results) = search::search(index(), &req) else {
        return;
    };
    assert!(results.hits.len() <= 10);
    assert!(results.total >= results.hits.len());
    for h in &results.hits {
        let snippet = &h.snippet.text;
        for &(start, end) in &h.snippet.highlights {
            assert!(
                start <= end && end <= snippet.len(),
                "highlight out of range"
            );
            assert!(
                snippet.is_char_boundary(start) && snippet.is_char_boundary(end),
                "highlight inside a character"
            );
        }
    }
    let mut out = Vec::new();
    podium::render::text::results_in(
        &mut out,
        &ColorChoice::Always.style(),
        Some(60),
        &q,
        &results,
    )
    .expect("render text");
    let shown = String::from_utf8_lossy(&out);
    let mut rest = shown.as_ref();
    // podium's own colour codes are ESC [ digits/semicolons m.
    while let Some(at) = rest.find('\u{1b}') {
        let tail = &rest[at + 1..];
        let code_end = tail.strip_prefix('[').and_then(|t| {
            t.find('m')
                .filter(|&m| t[..m].bytes().all(|b| b.is_ascii_digit() || b == b';'))
        });
        assert!(code_end.is_some(), "raw escape in text output: {shown:?}");
        no_controls("text output", &rest[..at].replace('\n', ""));
        rest = &tail[code_end.unwrap_or(0) + 2..];
    }
    no_controls("text output", &rest.replace('\n', ""));
    let mut json = Vec::new();
    podium::render::json::hits(&mut json, &results.hits).expect("render json");
    let json = String::from_utf8(json).expect("JSON is UTF-8");
    no_controls("JSON output", &json.replace('\n', ""));
}
