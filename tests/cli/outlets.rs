//! Organisations (a reporter's outlet, an official's ministry): stored per
//! passage, shown by `search` (JSON, TSV) and `show`, filtered with
//! `--outlet` and `outlet:` (case and accents aside, closest names when
//! unknown), and counted by `podium speakers` and `--outlets`.

use std::sync::OnceLock;

use serde_json::{json, Value};

use crate::util::{fixtures, json_lines, s, Scratch};

const MINISTRY: &str = "Ministerio de Transportes y Economía";

/// A JSON lines record whose scraper listed the participants'
/// organisations: the ministry for its officials.
fn record() -> String {
    let text = "Speakers:\nMr. Piet Ruis, minister of transport\nModerator:\nMr. Karel Mol, spokesperson of the ministry\n\n\
        Karel Mol:\nGood morning. The minister will speak about the island ferries first.\n\
        Piet Ruis: Thank you. The ministry will subsidise the northern ferry route until the end of September.\n\
        Coastal Wire:\nWill the subsidy cover the winter crossings to the outer islands as well?\n\
        Piet Ruis:\nNo. The winter crossings are paid for by the regional government under the old contract.\n\
        Karel Mol:\nThat concludes the briefing. Thank you.";
    let rec = json!({
        "title": "Ministry of Transport briefing on island ferries",
        "date": "2024-05-03",
        "text": text,
        "organisations": {"Piet Ruis": MINISTRY, "karel MOL": MINISTRY},
    });
    format!("{rec}\n")
}

/// One index of the record and two fixtures with outlet-labelled
/// questions (`Harbour Radio:`, `Dana Ortiz (Harbour Radio):`).
fn indexed() -> &'static Scratch {
    static S: OnceLock<Scratch> = OnceLock::new();
    S.get_or_init(|| {
        let scratch = Scratch::new();
        let rec = scratch.write("ministry.jsonl", record());
        scratch.index_paths(&[
            &rec,
            &fixtures().join("labels").join("name-labels.txt"),
            &fixtures().join("formats").join("harbour-briefing.txt"),
        ]);
        scratch
    })
}

fn run(args: &[&str]) -> std::process::Output {
    let scratch = indexed();
    scratch
        .podium()
        .args(args)
        .arg("--index")
        .arg(scratch.index())
        .output()
        .expect("podium")
}

fn organisations(hits: &[Value]) -> Vec<&str> {
    hits.iter().map(|h| s(h, "organisation")).collect()
}

#[test]
fn outlet_filters_fold_case_and_accents() {
    let scratch = indexed();
    let (all, _) = scratch.search("ferry OR ferries OR fares OR cars", &["-n", "50"]);
    assert!(all.len() > 4, "{all:#?}");
    // Every hit says its organisation, or null.
    assert!(all.iter().all(|h| h.get("organisation").is_some()));
    for typed in [
        "Ministerio de Transportes y Economía",
        "ECONOMIA",
        "transportes y economia",
    ] {
        let (hits, code) = scratch.search(
            "ferry OR ferries OR crossings",
            &["--outlet", typed, "-n", "50"],
        );
        assert_eq!(code, 0, "{typed}");
        assert_eq!(organisations(&hits), vec![MINISTRY; hits.len()], "{typed}");
        let speakers: Vec<&str> = hits.iter().map(|h| s(h, "speaker")).collect();
        assert!(speakers.contains(&"Piet Ruis"), "{typed}: {speakers:?}");
    }
    // Reporters file under their outlet, whether the label names the
    // outlet alone or the reporter with it.
    let (radio, _) = scratch.search("fares OR cars", &["--outlet", "harbour radio", "-n", "50"]);
    assert!(radio.len() >= 2, "{radio:#?}");
    assert!(radio
        .iter()
        .all(|h| s(h, "organisation") == "Harbour Radio"));
    assert!(radio.iter().all(|h| s(h, "role") == "journalist"));
    // Repeated: any of them.
    let (both, _) = scratch.search(
        "ferry OR ferries OR crossings OR fares OR cars",
        &["--outlet", "radio", "--outlet", "ministerio", "-n", "50"],
    );
    let mut orgs = organisations(&both);
    orgs.sort_unstable();
    orgs.dedup();
    assert_eq!(orgs, ["Harbour Radio", MINISTRY]);
}

#[test]
fn outlet_in_the_query_is_the_flag() {
    let scratch = indexed();
    let (flag, _) = scratch.search("ferry OR crossings", &["--outlet", "economia"]);
    let (field, _) = scratch.search("ferry OR crossings outlet:economia", &[]);
    assert!(!flag.is_empty());
    let ids = |hs: &[Value]| {
        hs.iter()
            .map(|h| s(h, "id").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&field), ids(&flag));
    let (prefix, _) = scratch.search("ferry OR crossings outlet:minis*", &[]);
    assert_eq!(ids(&prefix), ids(&flag));
    let (without, _) = scratch.search("ferry OR crossings -outlet:economia", &["-n", "50"]);
    assert!(!without.is_empty());
    assert!(without.iter().all(|h| s(h, "organisation") != MINISTRY));
}

#[test]
fn an_unknown_outlet_is_an_error_naming_the_closest() {
    let out = run(&["search", "ferry", "--outlet", "Harbor Radoi"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown outlet 'Harbor Radoi'; closest known outlets: Harbour Radio"),
        "{err}"
    );
    let out = run(&["search", "ferry outlet:reuterz"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown outlet 'reuterz' in outlet: at column 14"),
        "{err}"
    );
}

#[test]
fn json_tsv_and_show_carry_the_organisation() {
    let out = run(&[
        "search",
        "northern ferry route",
        "--format",
        "tsv",
        "-n",
        "1",
    ]);
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows[0].last(), Some(&"organisation"));
    assert_eq!(rows[1][3], "Piet Ruis");
    assert_eq!(rows[1].last(), Some(&MINISTRY));

    let (hits, _) = indexed().search("northern ferry route", &["-n", "1"]);
    let id = s(&hits[0], "id").to_string();
    let out = run(&["show", &id]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&format!("Piet Ruis ({MINISTRY}) · official")),
        "{text}"
    );
    let out = run(&["show", &id, "--json", "--context", "1"]);
    let v = &json_lines(&out.stdout)[0];
    assert_eq!(s(&v["passage"], "organisation"), MINISTRY);
    assert_eq!(s(&v["before"][0], "speaker"), "Karel Mol");
    assert_eq!(s(&v["before"][0], "organisation"), MINISTRY);
}

#[test]
fn speakers_show_organisations_and_outlets_are_a_facet() {
    let out = run(&["speakers", "--json"]);
    let speakers = json_lines(&out.stdout);
    let of = |name: &str| {
        speakers
            .iter()
            .find(|v| s(v, "speaker") == name)
            .unwrap_or_else(|| panic!("{name} in {speakers:#?}"))
    };
    assert_eq!(s(of("Piet Ruis"), "organisation"), MINISTRY);
    assert_eq!(s(of("Harbour Radio"), "organisation"), "Harbour Radio");
    assert_eq!(of("Mira Okonjo")["organisation"], Value::Null);

    let out = run(&["speakers", "--outlets", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let outlets = json_lines(&out.stdout);
    let ministry = outlets
        .iter()
        .find(|v| s(v, "outlet") == MINISTRY)
        .expect("the ministry");
    assert_eq!(ministry["passages"], 4, "{ministry}");
    assert_eq!(ministry["total_passages"], 4);
    assert_eq!(
        ministry["speakers"],
        json!(["Karel Mol", "Piet Ruis"]),
        "ties by name"
    );
    let radio = outlets
        .iter()
        .find(|v| s(v, "outlet") == "Harbour Radio")
        .expect("Harbour Radio");
    assert!(radio["passages"].as_u64() >= Some(3), "{radio}");

    // With a query and a filter: only what matches is counted.
    let out = run(&["speakers", "crossings", "--outlets", "--json"]);
    let matching = json_lines(&out.stdout);
    let ministry = matching
        .iter()
        .find(|v| s(v, "outlet") == MINISTRY)
        .expect("the ministry");
    assert_eq!(ministry["passages"], 1);
    assert_eq!(ministry["total_passages"], 4);
    let out = run(&["speakers", "--outlet", "radio", "--json"]);
    let names: Vec<String> = json_lines(&out.stdout)
        .iter()
        .map(|v| s(v, "speaker").to_string())
        .collect();
    assert_eq!(names, ["Harbour Radio"]);

    let out = run(&["speakers"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let head = text.lines().nth(2).unwrap_or_default();
    assert!(head.contains("role        organisation"), "{text}");
    let row = text
        .lines()
        .find(|l| l.contains("Piet Ruis"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        row.contains(&format!("official    {MINISTRY}  minister of transport")),
        "{row}"
    );
    let row = text
        .lines()
        .find(|l| l.contains("Harbour Radio"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        !row.contains("Harbour Radio  Harbour Radio"),
        "its own name is not repeated: {row}"
    );

    let out = run(&["speakers", "--outlets"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("3 outlets\n"), "{text}");
    let row = text
        .lines()
        .find(|l| l.contains(MINISTRY))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        row.trim_start().starts_with("4  ") && row.ends_with("Karel Mol, Piet Ruis"),
        "{row}"
    );
}
