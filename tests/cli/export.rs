//! `podium export --format quickwit`: the config parses as YAML with what
//! Quickwit's doc mapping requires and mirrors podium's schema; the NDJSON
//! round-trips every field of every passage.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use predicates::prelude::*;
use serde::Deserialize;
use serde_json::Value;
use tantivy::schema::FieldType;

use crate::util::{fixtures, json_lines, s, seeds, Scratch};

/// Quickwit's index config, as far as podium writes it. Unknown keys are
/// errors, so a misspelt key fails here as it would in Quickwit.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IndexConfig {
    version: String,
    index_id: String,
    doc_mapping: DocMapping,
    search_settings: SearchSettings,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocMapping {
    mode: String,
    field_mappings: Vec<FieldMapping>,
    #[serde(default)]
    tag_fields: Vec<String>,
    timestamp_field: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FieldMapping {
    name: String,
    #[serde(rename = "type")]
    kind: String,
    indexed: Option<bool>,
    stored: Option<bool>,
    fast: Option<bool>,
    tokenizer: Option<String>,
    record: Option<String>,
    fieldnorms: Option<bool>,
    input_formats: Option<Vec<String>>,
    output_format: Option<String>,
    fast_precision: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SearchSettings {
    default_search_fields: Vec<String>,
}

struct Exported {
    scratch: Scratch,
    config: IndexConfig,
    yaml: String,
    records: Vec<Value>,
    stdout: String,
}

fn export(paths: &[&Path], extra: &[&str]) -> Exported {
    let scratch = Scratch::new();
    scratch.index_paths(paths);
    let out = scratch
        .podium()
        .args(["export", "--format", "quickwit", "--out", "qw", "--index"])
        .arg(scratch.index())
        .args(extra)
        .output()
        .expect("export");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let yaml =
        std::fs::read_to_string(scratch.path().join("qw/index-config.yaml")).expect("config");
    let config: IndexConfig =
        serde_yaml_ng::from_str(&yaml).expect("the config is YAML Quickwit reads");
    let records =
        json_lines(&std::fs::read(scratch.path().join("qw/passages.ndjson")).expect("ndjson"));
    Exported {
        scratch,
        config,
        yaml,
        records,
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
    }
}

fn everything() -> Exported {
    export(
        &[
            &seeds(),
            &fixtures().join("formats"),
            &fixtures().join("zh"),
            &fixtures().join("inputs"),
        ],
        &[],
    )
}

const QUICKWIT_TYPES: &[&str] = &[
    "text", "u64", "i64", "f64", "bool", "datetime", "bytes", "ip", "json",
];
const QUICKWIT_TOKENIZERS: &[&str] = &[
    "raw",
    "raw_lowercase",
    "default",
    "en_stem",
    "whitespace",
    "chinese_compatible",
    "lowercase",
];

fn valid_field_name(n: &str) -> bool {
    let mut c = n.chars();
    c.next()
        .is_some_and(|f| f.is_ascii_alphabetic() || "@$_-".contains(f))
        && c.all(|ch| ch.is_ascii_alphanumeric() || "@$_-/.".contains(ch))
        && n.len() <= 255
}

#[test]
fn the_config_is_a_quickwit_doc_mapping_that_mirrors_the_schema() {
    let e = everything();
    let c = &e.config;
    assert_eq!(c.version, "0.8");
    assert_eq!(c.index_id, "podium");
    assert_eq!(c.doc_mapping.mode, "strict");
    let schema = podium::export::quickwit::passage_schema();
    let names: Vec<&str> = schema.fields().map(|(_, f)| f.name()).collect();
    let mapped: Vec<&str> = c
        .doc_mapping
        .field_mappings
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(mapped, names, "one mapping per schema field, in order");
    for m in &c.doc_mapping.field_mappings {
        assert!(valid_field_name(&m.name), "{}", m.name);
        let base = m
            .kind
            .strip_prefix("array<")
            .and_then(|k| k.strip_suffix('>'))
            .unwrap_or(&m.kind);
        assert!(QUICKWIT_TYPES.contains(&base), "{}: {}", m.name, m.kind);
        let entry = schema.get_field_entry(schema.get_field(&m.name).expect("field"));
        assert_eq!(m.fast, Some(entry.is_fast()), "fast: {}", m.name);
        assert_eq!(m.stored, Some(entry.is_stored()), "stored: {}", m.name);
        assert_eq!(m.indexed, Some(entry.is_indexed()), "indexed: {}", m.name);
        match entry.field_type() {
            FieldType::Str(opts) => {
                assert_eq!(base, "text", "{}", m.name);
                match opts.get_indexing_options() {
                    Some(ix) if ix.tokenizer() == "raw" => {
                        assert_eq!(m.tokenizer.as_deref(), Some("raw"), "{}", m.name);
                        assert_eq!(m.record.as_deref(), Some("basic"), "{}", m.name);
                    }
                    Some(ix) => {
                        assert_eq!(ix.tokenizer(), podium::index::analyzer::ANALYZER);
                        let tok = m.tokenizer.as_deref().expect("tokenizer");
                        assert!(
                            QUICKWIT_TOKENIZERS.contains(&tok) && tok != "raw",
                            "{}: {tok}",
                            m.name
                        );
                        // Phrases (and Han words) need positions; BM25 needs norms.
                        assert_eq!(m.record.as_deref(), Some("position"), "{}", m.name);
                        assert_eq!(m.fieldnorms, Some(true), "{}", m.name);
                    }
                    None => assert_eq!(m.tokenizer, None, "{}", m.name),
                }
            }
            FieldType::U64(_) => assert_eq!(base, "u64", "{}", m.name),
            FieldType::Date(_) => {
                assert_eq!(base, "datetime", "{}", m.name);
                assert_eq!(
                    m.input_formats.as_deref(),
                    Some(&["rfc3339".to_string()][..])
                );
                assert_eq!(m.output_format.as_deref(), Some("rfc3339"));
                assert_eq!(m.fast_precision.as_deref(), Some("seconds"));
            }
            other => panic!("unexpected schema type {other:?}"),
        }
    }
    let fast_schema: BTreeSet<&str> = schema
        .fields()
        .filter(|(_, f)| f.is_fast())
        .map(|(_, f)| f.name())
        .collect();
    let fast_config: BTreeSet<&str> = c
        .doc_mapping
        .field_mappings
        .iter()
        .filter(|m| m.fast == Some(true))
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(fast_config, fast_schema);
    assert_eq!(
        fast_config,
        [
            "date",
            "dates",
            "file",
            "line",
            "organisation",
            "position",
            "role",
            "speaker",
            "turn"
        ]
        .into()
    );
    let known: BTreeSet<&str> = mapped.iter().copied().collect();
    assert!(c
        .search_settings
        .default_search_fields
        .iter()
        .all(|f| known.contains(f.as_str())));
    assert!(c
        .doc_mapping
        .tag_fields
        .iter()
        .all(|f| known.contains(f.as_str())));
    // Some passages are undated: no timestamp field.
    assert_eq!(c.doc_mapping.timestamp_field, None);
    // The corpus has Han text: the analyzed fields split it per character.
    let text = c
        .doc_mapping
        .field_mappings
        .iter()
        .find(|m| m.name == "text")
        .expect("text");
    assert_eq!(text.tokenizer.as_deref(), Some("chinese_compatible"));
    assert!(e
        .yaml
        .contains("quickwit index ingest --index podium --input-path passages.ndjson"));
    assert!(
        e.stdout
            .contains("quickwit index create --index-config qw/index-config.yaml"),
        "{}",
        e.stdout
    );
}

#[test]
fn the_ndjson_round_trips_every_field() {
    let e = everything();
    let summary = e
        .scratch
        .podium()
        .args(["index", "--json", "--index"])
        .arg(e.scratch.path().join("again"))
        .args([
            &seeds(),
            &fixtures().join("formats"),
            &fixtures().join("zh"),
            &fixtures().join("inputs"),
        ])
        .output()
        .expect("index");
    let indexed = json_lines(&summary.stdout)[0]["passages"]
        .as_u64()
        .expect("passages");
    assert_eq!(e.records.len() as u64, indexed, "every passage once");

    let mapping: HashMap<&str, &str> = e
        .config
        .doc_mapping
        .field_mappings
        .iter()
        .map(|m| (m.name.as_str(), m.kind.as_str()))
        .collect();
    // Each record's fields are mapped fields of the right JSON type (strict
    // mode rejects anything else); optional fields are absent, never null.
    for r in &e.records {
        let obj = r.as_object().expect("object");
        for (k, v) in obj {
            let kind = mapping
                .get(k.as_str())
                .unwrap_or_else(|| panic!("unmapped field {k}"));
            match *kind {
                "u64" => assert!(v.is_u64(), "{k}: {v}"),
                "datetime" => {
                    let t: jiff::Timestamp = s(r, k).parse().expect("RFC 3339 date");
                    assert_eq!(t.to_string().len(), 20, "{t}");
                }
                k2 if k2.starts_with("array<") => assert!(v.is_array(), "{k}: {v}"),
                _ => assert!(v.is_string(), "{k}: {v}"),
            }
        }
        for required in [
            "id",
            "file",
            "files",
            "also_in",
            "dates",
            "speaker",
            "speaker_words",
            "role",
            "turn",
            "position",
            "line",
            "text",
        ] {
            assert!(obj.contains_key(required), "{required} missing in {r}");
        }
    }

    // Against what the parser says of each file, passage by passage.
    let mut files: BTreeSet<String> = BTreeSet::new();
    for r in &e.records {
        let f = s(r, "file");
        files.insert(f.split('#').next().unwrap_or(f).to_string());
    }
    let parsed = e.scratch.parse(
        &files
            .iter()
            .map(std::path::PathBuf::from)
            .collect::<Vec<_>>(),
        &[],
    );
    let mut by_id: BTreeMap<String, (Value, Value)> = BTreeMap::new();
    for doc in &parsed {
        for p in doc["passages"].as_array().expect("passages") {
            by_id
                .entry(s(p, "id").to_string())
                .or_insert_with(|| (doc.clone(), p.clone()));
        }
    }
    let mut republished = 0;
    for r in &e.records {
        let (doc, p) = by_id
            .get(s(r, "id"))
            .unwrap_or_else(|| panic!("no parsed passage {}", s(r, "id")));
        for key in ["speaker", "role", "text"] {
            assert_eq!(r[key], p[key], "{key} of {}", s(r, "id"));
        }
        for key in ["turn", "position", "line"] {
            assert_eq!(r[key], p[key], "{key} of {}", s(r, "id"));
        }
        for key in ["label", "speaker_title", "organisation"] {
            assert_eq!(
                r.get(key).unwrap_or(&Value::Null),
                &p[key],
                "{key} of {}",
                s(r, "id")
            );
        }
        assert_eq!(r.get("title").unwrap_or(&Value::Null), &doc["title"]);
        let day = doc["date"].as_str().map(|d| format!("{d}T00:00:00Z"));
        // A republished passage is dated by the first of its documents;
        // `dates` holds every one's.
        let dates: Vec<&str> = r["dates"]
            .as_array()
            .expect("dates")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert_eq!(
            r.get("date").and_then(Value::as_str),
            dates.first().copied()
        );
        if let Some(day) = &day {
            assert!(dates.contains(&day.as_str()), "{r}");
            if r["also_in"].as_array().is_some_and(Vec::is_empty) {
                assert_eq!(dates, [day.as_str()]);
            }
        }
        // Derived fields: every file the passage is in, and the names it
        // is searched by.
        let mut files = vec![r["file"].clone()];
        files.extend(r["also_in"].as_array().expect("also_in").iter().cloned());
        assert_eq!(r["files"], Value::Array(files));
        let mut words = vec![r["speaker"].clone()];
        words.extend(r.get("label").cloned());
        assert_eq!(r["speaker_words"], Value::Array(words));
        if !r["also_in"].as_array().expect("also_in").is_empty() {
            republished += 1;
        }
    }
    assert!(
        republished > 0,
        "republished passages keep their other files"
    );

    // And against search output for the same passage.
    let (hits, _) = e.scratch.search("lifeboats", &[]);
    let r = e
        .records
        .iter()
        .find(|r| r["id"] == hits[0]["id"])
        .expect("record");
    for key in [
        "file",
        "also_in",
        "title",
        "speaker",
        "speaker_title",
        "organisation",
        "role",
        "turn",
        "position",
        "line",
        "text",
    ] {
        assert_eq!(r.get(key).unwrap_or(&Value::Null), &hits[0][key], "{key}");
    }
}

#[test]
fn tokenizer_and_timestamp_follow_the_corpus() {
    // English only, every passage dated.
    let e = export(
        &[&fixtures().join("formats").join("harbour-briefing.txt")],
        &[],
    );
    let text = e
        .config
        .doc_mapping
        .field_mappings
        .iter()
        .find(|m| m.name == "text")
        .expect("text");
    assert_eq!(text.tokenizer.as_deref(), Some("en_stem"));
    assert_eq!(
        e.config.doc_mapping.timestamp_field.as_deref(),
        Some("date")
    );
    assert!(e.records.iter().all(|r| r.get("date").is_some()));
    // Told otherwise.
    let e = export(
        &[&fixtures().join("formats").join("harbour-briefing.txt")],
        &["--tokenizer", "default", "--index-id", "harbour_2023"],
    );
    let text = e
        .config
        .doc_mapping
        .field_mappings
        .iter()
        .find(|m| m.name == "text")
        .expect("text");
    assert_eq!(text.tokenizer.as_deref(), Some("default"));
    assert_eq!(e.config.index_id, "harbour_2023");
}

#[test]
fn bad_index_ids_are_refused() {
    let scratch = Scratch::new();
    scratch.index_paths(&[&fixtures().join("formats")]);
    scratch
        .podium()
        .args(["export", "--index-id", "9 lives", "--index"])
        .arg(scratch.index())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "invalid Quickwit index id '9 lives'",
        ));
    assert!(!scratch.path().join("podium-quickwit").exists());
}
