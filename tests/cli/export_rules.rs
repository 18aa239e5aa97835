//! What a Quickwit release accepts in an index config, written as rules
//! read in Quickwit's source, and the config's shape as podium writes it:
//! the checker the export tests hold podium's config to.

use std::collections::{BTreeSet, HashMap};

use serde::Deserialize;

/// Quickwit's index config, as far as podium writes it. Unknown keys are
/// errors, so a misspelt key fails here as it would in Quickwit.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct IndexConfig {
    pub(super) version: String,
    pub(super) index_id: String,
    pub(super) doc_mapping: DocMapping,
    pub(super) search_settings: SearchSettings,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DocMapping {
    pub(super) mode: String,
    pub(super) field_mappings: Vec<FieldMapping>,
    #[serde(default)]
    pub(super) tag_fields: Vec<String>,
    pub(super) timestamp_field: Option<String>,
    #[serde(default)]
    pub(super) tokenizers: Vec<CustomTokenizer>,
}

/// A `doc_mapping.tokenizers` entry (Quickwit's `TokenizerEntry`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CustomTokenizer {
    pub(super) name: String,
    #[serde(rename = "type")]
    pub(super) kind: String,
    #[serde(default)]
    pub(super) filters: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FieldMapping {
    pub(super) name: String,
    #[serde(rename = "type")]
    pub(super) kind: String,
    pub(super) indexed: Option<bool>,
    pub(super) stored: Option<bool>,
    pub(super) fast: Option<bool>,
    pub(super) tokenizer: Option<String>,
    pub(super) record: Option<String>,
    pub(super) fieldnorms: Option<bool>,
    pub(super) input_formats: Option<Vec<String>>,
    pub(super) output_format: Option<String>,
    pub(super) fast_precision: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SearchSettings {
    pub(super) default_search_fields: Vec<String>,
}

/// What a Quickwit release accepts in an index config, as far as it can be
/// checked without running Quickwit. Each rule comes from a file of
/// quickwit-oss/quickwit (paths under `quickwit/`):
///
/// | rule | Quickwit source |
/// |---|---|
/// | `version` | `quickwit-config/src/index_config/serialize.rs` (`VersionedIndexConfig`) |
/// | `index_id`: `^[a-zA-Z][a-zA-Z0-9-_]{2,254}$` | `quickwit-config/src/lib.rs` (`validate_identifier`) |
/// | field names: `^[@$_\-a-zA-Z][@$_/\.\-a-zA-Z0-9]{0,254}$` | `quickwit-doc-mapper/src/doc_mapper/field_mapping_entry.rs` (`FIELD_MAPPING_NAME_PATTERN`) |
/// | field types: primitives, `array<primitive>`, `object`, `concatenate` | `quickwit-doc-mapper/src/doc_mapper/field_mapping_type.rs` (`parse_type_id`) |
/// | `record`: `basic`, `freq`, `position` | tantivy's `IndexRecordOption` (`field_mapping_entry.rs`, `IndexRecordOptionSchema`) |
/// | `tokenizer`/`record`/`fieldnorms` only when indexed; json takes no `fieldnorms` | `field_mapping_entry.rs` (`TextIndexingOptions::from_parts_text`, `QuickwitJsonOptions`) |
/// | datetime `fast_precision` | `quickwit-doc-mapper/src/doc_mapper/date_time_type.rs` (`DateTimePrecision`) |
/// | built-in tokenizers | `quickwit-query/src/tokenizers/mod.rs` (`create_default_quickwit_tokenizer_manager`) |
/// | custom tokenizers: type, filters, a name no built-in has, declared once | `quickwit-doc-mapper/src/doc_mapper/tokenizer_entry.rs` (`TokenizerType`, `TokenFilterType`) and `doc_mapper_impl.rs` |
/// | every field's tokenizer known ("unknown tokenizer") | `quickwit-doc-mapper/src/doc_mapper/doc_mapper_impl.rs` (`validate_fields_tokenizers`) |
/// | `tag_fields`: existing, indexed, text with the `raw` tokenizer, or u64/i64 | `doc_mapper_impl.rs` (`validate_tag`) |
/// | `timestamp_field`: a single-valued, fast datetime | `doc_mapper_impl.rs` (`validate_timestamp_field`) |
/// | `default_search_fields`: existing, indexed, each once | `doc_mapper_impl.rs` (`DocMapper::try_from`) |
/// | `mode`: `lenient`, `strict`, `dynamic` | `quickwit-doc-mapper/src/doc_mapping.rs` (`ModeType`) |
///
/// 0.8's lists are those of the 0.8 sources: `en_stem` is built in, the
/// hex code tokenizer and `unicode_segmenter` came in 0.9 (CHANGELOG.md,
/// 0.9.0, Added), and the feature-gated `multilang` tokenizers are left
/// out of both (release builds do not enable them).
pub(super) struct QuickwitRules {
    pub(super) release: &'static str,
    /// `version:` values the release reads.
    pub(super) versions: &'static [&'static str],
    pub(super) tokenizers: &'static [&'static str],
    pub(super) custom_types: &'static [&'static str],
    pub(super) custom_filters: &'static [&'static str],
}

pub(super) const PRIMITIVE_TYPES: &[&str] = &[
    "text", "u64", "i64", "f64", "bool", "datetime", "ip", "bytes", "json",
];
pub(super) const RECORDS: &[&str] = &["basic", "freq", "position"];
pub(super) const MODES: &[&str] = &["lenient", "strict", "dynamic"];
pub(super) const PRECISIONS: &[&str] = &["seconds", "milliseconds", "microseconds", "nanoseconds"];

pub(super) const QUICKWIT_0_9: QuickwitRules = QuickwitRules {
    release: "0.9",
    versions: &["0.9", "0.8", "0.7"],
    tokenizers: &[
        "raw",
        "raw_lowercase",
        "lowercase",
        "default",
        "whitespace",
        "chinese_compatible",
        "source_code_default",
        "source_code_with_hex",
        "unicode_segmenter",
    ],
    custom_types: &["simple", "ngram", "regex", "source_code"],
    custom_filters: &["remove_long", "lower_caser", "ascii_folding"],
};

pub(super) const QUICKWIT_0_8: QuickwitRules = QuickwitRules {
    release: "0.8",
    versions: &["0.8", "0.7"],
    tokenizers: &[
        "raw",
        "raw_lowercase",
        "lowercase",
        "default",
        "en_stem",
        "whitespace",
        "chinese_compatible",
        "source_code_default",
    ],
    custom_types: &["simple", "ngram", "regex", "source_code"],
    custom_filters: &["remove_long", "lower_caser", "ascii_folding"],
};

pub(super) fn valid_field_name(n: &str) -> bool {
    let mut c = n.chars();
    c.next()
        .is_some_and(|f| f.is_ascii_alphabetic() || "@$_-".contains(f))
        && c.all(|ch| ch.is_ascii_alphanumeric() || "@$_-/.".contains(ch))
        && n.len() <= 255
}

pub(super) fn valid_index_id(id: &str) -> bool {
    let mut c = id.chars();
    c.next().is_some_and(|f| f.is_ascii_alphabetic())
        && c.all(|ch| ch.is_ascii_alphanumeric() || "-_".contains(ch))
        && (3..=255).contains(&id.len())
}

/// The field type without `array<>`, and whether it was an array.
pub(super) fn base_type(kind: &str) -> (&str, bool) {
    match kind
        .strip_prefix("array<")
        .and_then(|k| k.strip_suffix('>'))
    {
        Some(base) => (base, true),
        None => (kind, false),
    }
}

/// Every way `c` breaks `rules` (empty: Quickwit would take it, as far as
/// can be told offline).
pub(super) fn violations(c: &IndexConfig, rules: &QuickwitRules) -> Vec<String> {
    let mut v = Vec::new();
    let r = rules.release;
    if !rules.versions.contains(&c.version.as_str()) {
        v.push(format!("{r}: version {:?} is not read", c.version));
    }
    if !valid_index_id(&c.index_id) {
        v.push(format!("{r}: invalid index_id {:?}", c.index_id));
    }
    let dm = &c.doc_mapping;
    if !MODES.contains(&dm.mode.as_str()) {
        v.push(format!("{r}: mode {:?}", dm.mode));
    }
    let mut custom: Vec<&str> = Vec::new();
    for t in &dm.tokenizers {
        if rules.tokenizers.contains(&t.name.as_str()) {
            v.push(format!(
                "{r}: custom tokenizer {} has a built-in's name",
                t.name
            ));
        }
        if custom.contains(&t.name.as_str()) {
            v.push(format!("{r}: custom tokenizer {} declared twice", t.name));
        }
        custom.push(&t.name);
        if !rules.custom_types.contains(&t.kind.as_str()) {
            v.push(format!("{r}: custom tokenizer {}: type {}", t.name, t.kind));
        }
        for f in &t.filters {
            if !rules.custom_filters.contains(&f.as_str()) {
                v.push(format!("{r}: custom tokenizer {}: no filter {f}", t.name));
            }
        }
    }
    let by_name: HashMap<&str, &FieldMapping> = dm
        .field_mappings
        .iter()
        .map(|m| (m.name.as_str(), m))
        .collect();
    if by_name.len() != dm.field_mappings.len() {
        v.push(format!("{r}: a field is mapped twice"));
    }
    for m in &dm.field_mappings {
        let n = &m.name;
        if !valid_field_name(n) {
            v.push(format!("{r}: invalid field name {n}"));
        }
        let (base, _) = base_type(&m.kind);
        let known = PRIMITIVE_TYPES.contains(&base)
            || (base == m.kind && ["object", "concatenate"].contains(&base));
        if !known {
            v.push(format!("{r}: {n}: unknown type {}", m.kind));
        }
        let indexed = m.indexed.unwrap_or(true);
        if !indexed && (m.tokenizer.is_some() || m.record.is_some() || m.fieldnorms == Some(true)) {
            v.push(format!(
                "{r}: {n}: tokenizer/record/fieldnorms without indexed"
            ));
        }
        if let Some(rec) = &m.record {
            if !RECORDS.contains(&rec.as_str()) {
                v.push(format!("{r}: {n}: record {rec}"));
            }
        }
        if base != "text" && m.fieldnorms.is_some() {
            v.push(format!("{r}: {n}: fieldnorms on {}", m.kind));
        }
        if let Some(tok) = &m.tokenizer {
            if !["text", "json"].contains(&base) {
                v.push(format!("{r}: {n}: tokenizer on {}", m.kind));
            }
            if !rules.tokenizers.contains(&tok.as_str()) && !custom.contains(&tok.as_str()) {
                v.push(format!("{r}: {n}: unknown tokenizer {tok}"));
            }
        }
        if let Some(p) = &m.fast_precision {
            if base != "datetime" || !PRECISIONS.contains(&p.as_str()) {
                v.push(format!("{r}: {n}: fast_precision {p} on {}", m.kind));
            }
        }
        if (m.input_formats.is_some() || m.output_format.is_some()) && base != "datetime" {
            v.push(format!("{r}: {n}: date formats on {}", m.kind));
        }
    }
    let is_indexed = |f: &str| by_name.get(f).is_some_and(|m| m.indexed.unwrap_or(true));
    for t in &dm.tag_fields {
        match by_name.get(t.as_str()) {
            None => v.push(format!("{r}: unknown tag field {t}")),
            Some(m) => {
                let ok = match base_type(&m.kind).0 {
                    "text" => m.tokenizer.as_deref() == Some("raw"),
                    "u64" | "i64" => true,
                    _ => false,
                };
                if !ok || !is_indexed(t) {
                    v.push(format!(
                        "{r}: tag field {t} is not an indexed raw text or integer"
                    ));
                }
            }
        }
    }
    if let Some(ts) = &dm.timestamp_field {
        match by_name.get(ts.as_str()) {
            Some(m) if m.kind == "datetime" && m.fast == Some(true) => {}
            _ => v.push(format!(
                "{r}: timestamp field {ts} is not a fast single-valued datetime"
            )),
        }
    }
    let mut seen = BTreeSet::new();
    for f in &c.search_settings.default_search_fields {
        if !is_indexed(f) || !seen.insert(f) {
            v.push(format!(
                "{r}: default search field {f} is unknown, unindexed or twice"
            ));
        }
    }
    v
}
