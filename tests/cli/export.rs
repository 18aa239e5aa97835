//! `podium export --format quickwit`: the config parses as YAML, keeps the
//! rules of the Quickwit release it is written for (0.9, or 0.8 when told:
//! [`QUICKWIT_0_9`], [`QUICKWIT_0_8`], read in Quickwit's source) and
//! mirrors podium's schema; the NDJSON round-trips every field of every
//! passage, republished and undated ones with every date and document.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use predicates::prelude::*;
use serde_json::Value;
use tantivy::schema::FieldType;

use crate::export_rules::{base_type, violations, IndexConfig, QUICKWIT_0_8, QUICKWIT_0_9};
use crate::util::{fixtures, json_lines, s, seeds, Scratch};

struct Exported {
    scratch: Scratch,
    config: IndexConfig,
    yaml: String,
    records: Vec<Value>,
    stdout: String,
}

fn export(paths: &[&Path], extra: &[&str]) -> Exported {
    export_in(Scratch::new(), paths, extra)
}

/// [`export`] in a scratch folder that already holds files of its own.
fn export_in(scratch: Scratch, paths: &[&Path], extra: &[&str]) -> Exported {
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

#[test]
fn the_checker_refuses_what_quickwit_refuses() {
    // The old export's config (0.8, en_stem) against 0.9: what `quickwit
    // index create` refused ("unknown tokenizer").
    let e = export(
        &[&fixtures().join("formats").join("harbour-briefing.txt")],
        &["--quickwit-version", "0.8"],
    );
    assert_eq!(violations(&e.config, &QUICKWIT_0_8), Vec::<String>::new());
    let v = violations(&e.config, &QUICKWIT_0_9);
    assert!(
        v.contains(&"0.9: text: unknown tokenizer en_stem".to_string()),
        "{v:?}"
    );
    assert!(
        !v.iter().any(|m| m.contains("version")),
        "0.9 reads 0.8 configs: {v:?}"
    );
    // And a config breaking the other rules.
    let bad: IndexConfig = serde_yaml_ng::from_str(
        "version: \"0.6\"\nindex_id: 9lives\ndoc_mapping:\n  mode: loose\n  field_mappings:\n\
         \x20   - {name: t, type: array<txt>}\n\
         \x20   - {name: s, type: text, indexed: false, tokenizer: raw}\n\
         \x20   - {name: d, type: array<datetime>, fast: true}\n\
         \x20 tag_fields: [s, gone]\n  timestamp_field: d\n\
         \x20 tokenizers: [{name: default, type: simple, filters: [stemmer]}]\n\
         search_settings:\n  default_search_fields: [s, nope]\n",
    )
    .expect("yaml");
    let v = violations(&bad, &QUICKWIT_0_9);
    for want in [
        "version",
        "index_id",
        "mode",
        "built-in's name",
        "no filter stemmer",
        "unknown type",
        "without indexed",
        "tag field s",
        "unknown tag field",
        "timestamp field d",
        "default search field s",
        "default search field nope",
    ] {
        assert!(v.iter().any(|m| m.contains(want)), "{want}: {v:?}");
    }
}

#[test]
fn every_export_keeps_its_release_rules() {
    let english = fixtures().join("formats").join("harbour-briefing.txt");
    let han = fixtures().join("zh");
    for (paths, extra, rules, tokenizer) in [
        (vec![&english], vec![], &QUICKWIT_0_9, "podium_folded"),
        (vec![&han], vec![], &QUICKWIT_0_9, "chinese_compatible"),
        (
            vec![&english],
            vec!["--tokenizer", "default"],
            &QUICKWIT_0_9,
            "default",
        ),
        (
            vec![&english],
            vec!["--quickwit-version", "0.8"],
            &QUICKWIT_0_8,
            "en_stem",
        ),
        (
            vec![&han],
            vec!["--quickwit-version", "0.8"],
            &QUICKWIT_0_8,
            "chinese_compatible",
        ),
        (
            vec![&english],
            vec!["--quickwit-version", "0.8", "--tokenizer", "podium_folded"],
            &QUICKWIT_0_8,
            "podium_folded",
        ),
    ] {
        let paths: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
        let e = export(&paths, &extra);
        assert_eq!(e.config.version, rules.release, "{extra:?}");
        assert_eq!(
            violations(&e.config, rules),
            Vec::<String>::new(),
            "{extra:?}"
        );
        let text = e
            .config
            .doc_mapping
            .field_mappings
            .iter()
            .find(|m| m.name == "text")
            .expect("text");
        assert_eq!(text.tokenizer.as_deref(), Some(tokenizer), "{extra:?}");
        // A declared tokenizer is declared only when used, as podium's
        // analyzer without stemming.
        let declared: Vec<&str> = e
            .config
            .doc_mapping
            .tokenizers
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        if tokenizer == "podium_folded" {
            assert_eq!(declared, ["podium_folded"]);
            let t = &e.config.doc_mapping.tokenizers[0];
            assert_eq!(t.kind, "simple");
            assert_eq!(t.filters, ["remove_long", "lower_caser", "ascii_folding"]);
        } else {
            assert!(declared.is_empty(), "{declared:?}");
        }
        let wait = "quickwit index ingest --index podium --input-path qw/passages.ndjson --wait";
        assert!(e.stdout.contains("  quickwit run"), "{}", e.stdout);
        assert!(e.stdout.contains(wait), "{}", e.stdout);
    }
}

#[test]
fn en_stem_is_refused_for_quickwit_0_9() {
    let scratch = Scratch::new();
    scratch.index_paths(&[&fixtures().join("formats")]);
    scratch
        .podium()
        .args(["export", "--tokenizer", "en_stem", "--index"])
        .arg(scratch.index())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "Quickwit 0.9 does not ship the en_stem tokenizer",
        ))
        .stderr(predicate::str::contains("--quickwit-version 0.8"));
    assert!(!scratch.path().join("podium-quickwit").exists());
}

#[test]
fn the_config_is_a_quickwit_doc_mapping_that_mirrors_the_schema() {
    let e = everything();
    let c = &e.config;
    assert_eq!(c.version, "0.9");
    assert_eq!(violations(c, &QUICKWIT_0_9), Vec::<String>::new());
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
        let (base, array) = base_type(&m.kind);
        assert_eq!(
            array,
            podium::export::quickwit::MULTI_VALUED.contains(&m.name.as_str()),
            "{}",
            m.name
        );
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
                        assert_ne!(tok, "raw", "{}", m.name);
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
            FieldType::JsonObject(_) => {
                assert_eq!(base, "json", "{}", m.name);
                assert_eq!(m.tokenizer, None, "{}", m.name);
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
        .contains("quickwit index ingest --index podium --input-path passages.ndjson --wait"));
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
            "occurrences",
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
        // Every document with its own date: the same documents as `files`,
        // oldest first, undated last, and no date that `dates` lacks.
        let occ = r["occurrences"].as_array().expect("occurrences");
        let mut occ_files: Vec<&str> = occ.iter().map(|o| s(o, "file")).collect();
        let mut all_files: Vec<&str> = r["files"]
            .as_array()
            .expect("files")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        occ_files.sort_unstable();
        all_files.sort_unstable();
        assert_eq!(occ_files, all_files, "{r}");
        let occ_dates: Vec<Option<&str>> = occ.iter().map(|o| o["date"].as_str()).collect();
        let mut sorted = occ_dates.clone();
        sorted.sort_by_key(|d| (d.is_none(), *d));
        assert_eq!(occ_dates, sorted, "oldest first, undated last: {r}");
        for d in occ_dates.iter().flatten() {
            assert!(dates.contains(d), "{d} not in dates: {r}");
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
    assert_eq!(text.tokenizer.as_deref(), Some("podium_folded"));
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

/// A republished passage keeps every document and date, the undated
/// document's included: in `dates` (what range queries use) and in
/// `occurrences` (which document said it when), so nothing podium knows
/// is lost in Quickwit.
#[test]
fn republished_and_undated_passages_keep_their_documents_and_dates() {
    const ANSWER: &str = "The new ferry terminal will open to passengers in the second week of May, once the harbour pilots have finished their trials with the larger vessels.";
    let page = |title: &str, date: Option<&str>, more: &str| {
        let date = date.map(|d| format!("Date: {d}\n\n")).unwrap_or_default();
        format!(
            "Harbour Authority {title}\n\n{date}\
             MS. MOREAU: Good afternoon. We have a few minutes for questions today.\n\n\
             Q: When will the new ferry terminal open to passengers this spring?\n\n\
             MS. MOREAU: {ANSWER}\n\n{more}"
        )
    };
    let more = "MS. MOREAU: The dredging of the northern channel is finished and the buoys are back in place for the season.\n\n\
                MS. MOREAU: Cruise calls are expected to rise by a fifth this year, with most ships arriving in July and August.\n";
    let record_of = |e: &Exported| -> Value {
        let found: Vec<&Value> = e.records.iter().filter(|r| r["text"] == ANSWER).collect();
        assert_eq!(found.len(), 1, "stored once");
        found[0].clone()
    };
    let files_of = |r: &Value| -> Vec<(String, Option<String>)> {
        r["occurrences"]
            .as_array()
            .expect("occurrences")
            .iter()
            .map(|o| {
                let f = s(o, "file");
                let name = f.rsplit('/').next().unwrap_or(f).to_string();
                (name, o["date"].as_str().map(str::to_string))
            })
            .collect()
    };
    let day = |d: &str| Some(format!("{d}T00:00:00Z"));

    // Said on 1 March, repeated on 20 March: dated by the first, both kept.
    let scratch = Scratch::new();
    let b = scratch.write(
        "c/briefing.txt",
        page(
            "press conference on the ferry terminal",
            Some("2024-03-01"),
            "",
        ),
    );
    let d = scratch.write(
        "c/digest.txt",
        page(
            "weekly digest of port announcements",
            Some("2024-03-20"),
            more,
        ),
    );
    let e = export_in(scratch, &[&b, &d], &[]);
    let r = record_of(&e);
    assert_eq!(r["date"], "2024-03-01T00:00:00Z", "{r}");
    assert_eq!(
        r["dates"],
        serde_json::json!(["2024-03-01T00:00:00Z", "2024-03-20T00:00:00Z"])
    );
    assert_eq!(r["also_in"].as_array().map(Vec::len), Some(1), "{r}");
    assert_eq!(
        files_of(&r),
        [
            ("briefing.txt".to_string(), day("2024-03-01")),
            ("digest.txt".to_string(), day("2024-03-20"))
        ]
    );
    assert_eq!(violations(&e.config, &QUICKWIT_0_9), Vec::<String>::new());
    assert_eq!(
        e.config.doc_mapping.timestamp_field.as_deref(),
        Some("date")
    );

    // One copy undated: the passage keeps the dated one's date, and the
    // undated document is still there, without a date.
    let scratch = Scratch::new();
    let b = scratch.write(
        "c/briefing.txt",
        page("press conference on the ferry terminal", None, ""),
    );
    let d = scratch.write(
        "c/digest.txt",
        page(
            "weekly digest of port announcements",
            Some("2024-03-20"),
            more,
        ),
    );
    let e = export_in(scratch, &[&b, &d], &[]);
    let r = record_of(&e);
    assert_eq!(
        r["dates"],
        serde_json::json!(["2024-03-20T00:00:00Z"]),
        "{r}"
    );
    assert_eq!(
        files_of(&r),
        [
            ("digest.txt".to_string(), day("2024-03-20")),
            ("briefing.txt".to_string(), None)
        ]
    );
    assert!(
        r["occurrences"][1].get("date").is_none(),
        "an unknown date is left out, never null: {r}"
    );
    // The undated briefing's own passages have no date at all, so there is
    // no timestamp field, and the config still keeps 0.9's rules.
    assert!(e.records.iter().any(|r| r.get("date").is_none()));
    assert_eq!(e.config.doc_mapping.timestamp_field, None);
    assert_eq!(violations(&e.config, &QUICKWIT_0_9), Vec::<String>::new());
}
