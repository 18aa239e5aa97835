//! The seeds' hand-checked gold file (`tests/gold/seeds.json`), checked
//! against `podium parse` and against a real index.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::Value;

use crate::util::{base, s, seed_files, Scratch};

fn gold() -> &'static Value {
    static GOLD: OnceLock<Value> = OnceLock::new();
    GOLD.get_or_init(|| {
        let path = crate::util::repo().join("tests/gold/seeds.json");
        let text = std::fs::read_to_string(&path).expect("tests/gold/seeds.json");
        serde_json::from_str(&text).expect("gold JSON")
    })
}

fn gold_docs() -> &'static [Value] {
    gold()["documents"].as_array().expect("documents")
}

/// `podium parse --json` of all seeds together, by file name.
fn parsed() -> &'static HashMap<String, Value> {
    static PARSED: OnceLock<HashMap<String, Value>> = OnceLock::new();
    PARSED.get_or_init(|| {
        let scratch = Scratch::new();
        scratch
            .parse(&seed_files(), &[])
            .into_iter()
            .map(|v| (base(s(&v, "file")).to_string(), v))
            .collect()
    })
}

/// One index of the seeds, shared by the tests of this module.
fn indexed() -> &'static Scratch {
    static INDEXED: OnceLock<Scratch> = OnceLock::new();
    INDEXED.get_or_init(|| {
        let scratch = Scratch::new();
        scratch.index_seeds();
        scratch
    })
}

fn passages(file: &str) -> &'static [Value] {
    parsed()[file]["passages"].as_array().expect("passages")
}

/// The turns of a parsed file: (speaker, role, text of its first passage).
fn turns(file: &str) -> Vec<(String, String, String)> {
    let mut out: Vec<(u64, (String, String, String))> = Vec::new();
    for p in passages(file) {
        let turn = p["turn"].as_u64().expect("turn");
        if out.last().is_none_or(|(t, _)| *t != turn) {
            out.push((
                turn,
                (
                    s(p, "speaker").to_string(),
                    s(p, "role").to_string(),
                    s(p, "text").to_string(),
                ),
            ));
        }
    }
    out.into_iter().map(|(_, t)| t).collect()
}

#[test]
fn every_gold_turn_has_its_speaker_and_role() {
    let mut checked = 0;
    for doc in gold_docs() {
        let Some(gold_turns) = doc["turns"].as_array() else {
            continue;
        };
        let file = s(doc, "file");
        let got = turns(file);
        assert_eq!(
            got.len(),
            gold_turns.len(),
            "{file}: {} turns parsed, gold has {}:\n{got:#?}",
            got.len(),
            gold_turns.len()
        );
        for (i, (g, (speaker, role, text))) in gold_turns.iter().zip(&got).enumerate() {
            assert_eq!(speaker, s(g, "speaker"), "{file} turn {i}: speaker");
            assert_eq!(role, s(g, "role"), "{file} turn {i}: role");
            assert!(
                text.starts_with(s(g, "starts_with")),
                "{file} turn {i}: text starts {:?}, gold {:?}",
                &text[..text.len().min(60)],
                s(g, "starts_with")
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 31, "the gold file lists 31 turns");
}

#[test]
fn a_republished_page_takes_its_roles_from_its_briefing() {
    // A page that repeats part of a briefing without its roster (000 is
    // page 12 of 003) gets every gold turn right when parsed with that
    // briefing alone: the roles come from the corpus (003's roster makes
    // Shou Xiaoli the moderator), not from a rule about these seeds.
    for doc in gold_docs() {
        let Some(of) = doc["duplicate_of"].as_str() else {
            continue;
        };
        let file = s(doc, "file");
        let pair: Vec<std::path::PathBuf> = [file, of]
            .iter()
            .map(|f| crate::util::seeds().join(f))
            .collect();
        let parsed = Scratch::new().parse(&pair, &[]);
        let mut got: Vec<(String, String)> = Vec::new();
        let mut last = None;
        for p in parsed[0]["passages"].as_array().expect("passages") {
            if last != p["turn"].as_u64() {
                last = p["turn"].as_u64();
                got.push((s(p, "speaker").to_string(), s(p, "role").to_string()));
            }
        }
        let want: Vec<(String, String)> = doc["turns"]
            .as_array()
            .expect("turns")
            .iter()
            .map(|g| (s(g, "speaker").to_string(), s(g, "role").to_string()))
            .collect();
        assert_eq!(got, want, "{file} parsed with {of}");
    }
}

#[test]
fn indexed_turns_keep_speaker_and_role() {
    // Each gold turn's opening words, searched as a phrase in the index,
    // find a passage by that speaker in that role.
    let scratch = indexed();
    for doc in gold_docs() {
        let Some(gold_turns) = doc["turns"].as_array() else {
            continue;
        };
        for g in gold_turns {
            let phrase = format!("\"{}\"", s(g, "starts_with"));
            let (hits, _) = scratch.search(&phrase, &["-n", "50"]);
            let found = hits.iter().any(|h| {
                s(h, "text").starts_with(s(g, "starts_with"))
                    && s(h, "speaker") == s(g, "speaker")
                    && s(h, "role") == s(g, "role")
            });
            assert!(found, "no indexed passage for {g} among {hits:#?}");
        }
    }
}

#[test]
fn dates_match_the_gold() {
    for doc in gold_docs() {
        let file = s(doc, "file");
        let got = &parsed()[file]["date"];
        let mut accepted: Vec<&Value> = vec![&doc["date"]];
        if let Some(also) = doc["date_also_accepted"].as_array() {
            accepted.extend(also);
        }
        assert!(
            accepted.contains(&got),
            "{file}: date {got}, gold accepts {accepted:?}"
        );
    }
}

#[test]
fn titles_and_rosters_match_the_gold() {
    for doc in gold_docs() {
        let file = s(doc, "file");
        let p = &parsed()[file];
        if let Some(t) = doc["title_contains"].as_str() {
            assert!(s(p, "title").contains(t), "{file}: title {:?}", p["title"]);
        }
        let Some(roster) = doc["roster"].as_array() else {
            continue;
        };
        let got = p["roster"].as_array().expect("roster");
        assert_eq!(got.len(), roster.len(), "{file}: roster {got:#?}");
        for g in roster {
            let entry = got
                .iter()
                .find(|e| s(e, "name") == s(g, "name"))
                .unwrap_or_else(|| panic!("{file}: {} missing from roster", s(g, "name")));
            assert_eq!(
                s(entry, "role"),
                s(g, "role"),
                "{file}: role of {}",
                s(g, "name")
            );
            assert!(
                s(entry, "title").contains(s(g, "title_contains")),
                "{file}: title of {}",
                s(g, "name")
            );
        }
    }
}

#[test]
fn quoted_speakers_get_their_words() {
    for doc in gold_docs() {
        let file = s(doc, "file");
        let Some(attrs) = doc["attributions"].as_array() else {
            continue;
        };
        for a in attrs {
            let p = passages(file)
                .iter()
                .find(|p| s(p, "text").contains(s(a, "contains")))
                .unwrap_or_else(|| panic!("{file}: no passage contains {:?}", s(a, "contains")));
            assert_eq!(
                s(p, "speaker"),
                s(a, "speaker"),
                "{file}: {}",
                s(a, "contains")
            );
        }
    }
}

#[test]
fn excluded_text_is_in_no_passage() {
    for doc in gold_docs() {
        let file = s(doc, "file");
        let Some(excluded) = doc["excluded"].as_array() else {
            continue;
        };
        for x in excluded {
            let x = x.as_str().expect("string");
            // Compare with spaces collapsed: the gold writes "<  1  2  3  "
            // as published, passages store single spaces.
            let squeeze = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
            let needle = squeeze(x);
            for p in passages(file) {
                assert!(
                    !squeeze(s(p, "text")).contains(&needle),
                    "{file}: excluded {x:?} is inside passage {}",
                    s(p, "id")
                );
            }
        }
    }
}

#[test]
fn excluded_text_is_not_searchable() {
    let scratch = indexed();
    for doc in gold_docs() {
        for x in doc["excluded"].as_array().into_iter().flatten() {
            let x = x.as_str().expect("string");
            let words: String = x
                .chars()
                .map(|c| if c.is_alphanumeric() { c } else { ' ' })
                .collect();
            if words.trim().is_empty() || words.split_whitespace().all(|w| w.len() < 3) {
                continue;
            }
            let (hits, _) = scratch.search(&format!("\"{}\"", words.trim()), &["-n", "50"]);
            for h in &hits {
                assert!(!s(h, "text").contains(x), "excluded {x:?} indexed in {h}");
            }
        }
    }
}

/// Whether a hit is the relevant passage a gold query names.
fn is_relevant(hit: &Value, rel: &Value) -> bool {
    let files: Vec<&str> = std::iter::once(s(hit, "file"))
        .chain(
            hit["also_in"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str),
        )
        .map(base)
        .collect();
    files.contains(&s(rel, "file"))
        && s(hit, "text").contains(s(rel, "contains"))
        && rel
            .get("speaker")
            .and_then(Value::as_str)
            .is_none_or(|sp| s(hit, "speaker") == sp)
}

#[test]
fn gold_queries_rank_every_relevant_passage_in_the_top_5() {
    let scratch = indexed();
    for q in gold()["queries"].as_array().expect("queries") {
        let query = s(q, "q");
        let (hits, _) = scratch.search(query, &["-n", "5"]);
        // Every relevant passage, the synonym ones included ("needs":
        // "synonyms": "STAR Market" must find "Science and Technology Board").
        for rel in q["relevant"].as_array().expect("relevant") {
            assert!(
                hits.iter().any(|h| is_relevant(h, rel)),
                "{query:?}: {rel} not in the top 5: {:#?}",
                hits.iter()
                    .map(|h| format!("{} {}", s(h, "speaker"), &s(h, "text")[..60]))
                    .collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn star_market_shows_each_passage_once_with_speaker_role_and_date() {
    let (hits, code) = indexed().search("STAR Market", &[]);
    assert_eq!(code, 0);
    let gong: Vec<&Value> = hits
        .iter()
        .filter(|h| s(h, "text").contains("570 companies listed"))
        .collect();
    assert_eq!(gong.len(), 1, "the 570-companies passage once: {hits:#?}");
    assert_eq!(s(gong[0], "speaker"), "Gong Zheng");
    assert_eq!(s(gong[0], "role"), "official");
    assert_eq!(s(gong[0], "date"), "2024-03-28");
    assert_eq!(base(s(gong[0], "file")), "003_5e6a9a4541243482.txt");
    let also: Vec<&str> = gong[0]["also_in"]
        .as_array()
        .expect("also_in")
        .iter()
        .filter_map(Value::as_str)
        .map(base)
        .collect();
    assert_eq!(also, ["000_9db4bfc311f73946.txt"]);
    let xin = hits
        .iter()
        .find(|h| s(h, "text").contains("Enterprise Incubator for the STAR Market"))
        .expect("Xin Guobin's incubator passage");
    assert_eq!(s(xin, "speaker"), "Xin Guobin");
    assert_eq!(s(xin, "role"), "official");
    assert_eq!(s(xin, "date"), "2024-02-01");
}

#[test]
fn republished_page_passages_are_indexed_once() {
    // 000 is page 12 of the 003 briefing: its long passages are 003's.
    let scratch = indexed();
    let (hits, _) = scratch.search("\"no finance without technology\"", &[]);
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert_eq!(base(s(&hits[0], "file")), "003_5e6a9a4541243482.txt");
}
