//! Quickwit: an index config mirroring podium's schema, and the passages
//! as NDJSON.
//!
//! The doc mapping is derived field by field from [`passage_schema`]: one
//! document per passage with every field of a passage, the schema a
//! distributed engine wants. (podium's own index, [`crate::index::schema`],
//! keeps less on disk — ids are computed again, titles are indexed once
//! per briefing — which suits one process over one folder, not a cluster.)
//! The mapping is
//!
//! | podium (tantivy) | Quickwit |
//! |---|---|
//! | `STRING` (raw, untokenized) | `type: text`, `tokenizer: raw`, `record: basic` |
//! | podium's analyzer, with positions | `type: text`, the [`Tokenizer`] chosen, `record: position`, `fieldnorms: true` |
//! | stored only | `indexed: false` |
//! | `FAST` | `fast: true` (raw text keeps its value, as podium's raw fast fields do) |
//! | `u64` | `type: u64` with the same indexed/stored/fast flags |
//! | `date` | `type: datetime`, RFC 3339 in and out, `fast_precision: seconds` |
//! | multi-valued (`files`, `also_in`, `speaker_words`, `dates`) | `array<text>`, `array<datetime>` |
//!
//! Tokenizers cannot match exactly: Quickwit's custom tokenizers offer no
//! stemming and no CJK bigrams. `en_stem` keeps podium's English stemming
//! (but not its accent folding); `chinese_compatible` splits Han text into
//! characters, which finds words inside a run of Han characters with a
//! phrase query, as podium's bigrams do (but does not stem). The export
//! picks `chinese_compatible` when the passages contain Han text and
//! `en_stem` otherwise, unless told.
//!
//! Fields derived from others (`files`: the file and the files it is also
//! in; `speaker_words`: the speaker and the label; `dates`: the date of
//! every document the passage is in, so that a date range matches a
//! republished passage by any of them, as podium's filters do) are derived
//! for each record. `date` is the passage's own: the earliest of them.
//! `organisation` (a raw keyword, fast, like `speaker`) is the speaker's
//! outlet or ministry.
//! A date is `YYYY-MM-DDT00:00:00Z` (podium stores days at midnight UTC);
//! an unknown date, title, label or speaker title is left out of the record.

use serde::{Deserialize, Serialize};
use tantivy::schema::{
    DateOptions, DateTimePrecision, FieldType, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, INDEXED, STORED,
};

use crate::index::analyzer::ANALYZER;
use crate::search::StoredPassage;
use crate::transcript::name::is_cjk;

/// The Quickwit index config file format version written (accepted by
/// Quickwit 0.8 and later).
pub const CONFIG_VERSION: &str = "0.8";

/// Default Quickwit index id.
pub const DEFAULT_INDEX_ID: &str = "podium";

/// Fields that hold several values in one passage.
pub const MULTI_VALUED: &[&str] = &["files", "also_in", "speaker_words", "dates"];

/// The Quickwit tokenizer for podium's analyzed fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Tokenizer {
    /// Decide from the passages: chinese_compatible if any has Han text.
    Auto,
    /// Words, lower-cased, English stemming (podium's English behaviour).
    #[value(name = "en_stem")]
    EnStem,
    /// Words, lower-cased, and each CJK character a token.
    #[value(name = "chinese_compatible")]
    ChineseCompatible,
    /// Words, lower-cased.
    Default,
}

impl Tokenizer {
    /// Quickwit's name for it; `Auto` must be resolved first.
    pub fn as_str(self) -> &'static str {
        match self {
            Tokenizer::Auto | Tokenizer::EnStem => "en_stem",
            Tokenizer::ChineseCompatible => "chinese_compatible",
            Tokenizer::Default => "default",
        }
    }
}

/// One passage as a Quickwit document: every field of podium's schema.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub id: String,
    pub file: String,
    pub files: Vec<String>,
    pub also_in: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub dates: Vec<String>,
    pub speaker: String,
    pub speaker_words: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_title: Option<String>,
    pub role: String,
    pub turn: u64,
    pub position: u64,
    pub line: u64,
    pub text: String,
}

impl Record {
    /// The record of a stored passage.
    pub fn of(p: &StoredPassage) -> Record {
        let mut files = Vec::with_capacity(1 + p.also_in.len());
        files.push(p.file.clone());
        files.extend(p.also_in.iter().cloned());
        let mut speaker_words = vec![p.speaker.clone()];
        speaker_words.extend(p.label.iter().cloned());
        let day = |d: jiff::civil::Date| format!("{d}T00:00:00Z");
        let mut dates: Vec<String> = Vec::new();
        for d in p.occurrences.iter().filter_map(|o| o.date).chain(p.date) {
            if !dates.contains(&day(d)) {
                dates.push(day(d));
            }
        }
        dates.sort();
        Record {
            id: p.id.clone(),
            file: p.file.clone(),
            files,
            also_in: p.also_in.clone(),
            title: p.title.clone(),
            date: p.date.map(day),
            dates,
            speaker: p.speaker.clone(),
            speaker_words,
            organisation: p.organisation.clone(),
            label: p.label.clone(),
            speaker_title: p.speaker_title.clone(),
            role: p.role.as_str().to_string(),
            turn: p.turn,
            position: p.position,
            line: p.line,
            text: p.text.clone(),
        }
    }

    /// Whether the record has Han text (for [`Tokenizer::Auto`]).
    pub fn has_han(&self) -> bool {
        self.text.chars().any(is_cjk)
            || self.title.as_deref().is_some_and(|t| t.chars().any(is_cjk))
    }
}

/// What the config needs to know beyond the schema.
#[derive(Debug, Clone)]
pub struct ConfigOptions {
    pub index_id: String,
    /// Resolved: never `Auto`.
    pub tokenizer: Tokenizer,
    /// Use `date` as Quickwit's timestamp field (split pruning by time):
    /// only when every passage is dated.
    pub timestamp: bool,
}

/// The schema the export mirrors: one document per passage, every field
/// of [`Record`] indexed as a search engine that holds passages on their
/// own needs it.
pub fn passage_schema() -> Schema {
    let raw = || {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("raw")
                .set_fieldnorms(false)
                .set_index_option(IndexRecordOption::Basic),
        )
    };
    let analyzed = |stored: bool| {
        let opts = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        if stored {
            opts.set_stored()
        } else {
            opts
        }
    };
    let mut b = Schema::builder();
    b.add_text_field("id", raw().set_stored());
    b.add_text_field("file", raw().set_stored().set_fast("raw"));
    b.add_text_field("files", raw());
    b.add_text_field("also_in", STORED);
    b.add_text_field("title", analyzed(true));
    b.add_date_field(
        "date",
        DateOptions::from(INDEXED)
            .set_stored()
            .set_fast()
            .set_precision(DateTimePrecision::Seconds),
    );
    b.add_date_field(
        "dates",
        DateOptions::from(INDEXED)
            .set_fast()
            .set_precision(DateTimePrecision::Seconds),
    );
    b.add_text_field("speaker", raw().set_stored().set_fast("raw"));
    b.add_text_field("speaker_words", analyzed(false));
    b.add_text_field("organisation", raw().set_stored().set_fast("raw"));
    b.add_text_field("label", STORED);
    b.add_text_field("speaker_title", STORED);
    b.add_text_field("role", raw().set_stored().set_fast("raw"));
    let num = NumericOptions::default().set_stored().set_fast();
    b.add_u64_field("turn", num.clone());
    b.add_u64_field("position", num.clone().set_indexed());
    b.add_u64_field("line", num);
    b.add_text_field("text", analyzed(true));
    b.build()
}

/// Whether `id` is a valid Quickwit index id: a letter, then letters,
/// digits, `-` or `_`, 3 to 255 characters.
pub fn valid_index_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && (3..=255).contains(&id.len())
}

/// One field mapping, as written to YAML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMapping {
    pub name: String,
    pub kind: String,
    /// `(key, value)` lines after `name` and `type`, in order.
    pub params: Vec<(&'static str, String)>,
}

fn record_name(r: IndexRecordOption) -> &'static str {
    match r {
        IndexRecordOption::Basic => "basic",
        IndexRecordOption::WithFreqs => "freq",
        IndexRecordOption::WithFreqsAndPositions => "position",
    }
}

/// The field mappings for `schema`, one per field, in schema order.
pub fn field_mappings(schema: &Schema, tokenizer: Tokenizer) -> Result<Vec<FieldMapping>, String> {
    let mut out = Vec::new();
    for (_, entry) in schema.fields() {
        let name = entry.name().to_string();
        let array = MULTI_VALUED.contains(&name.as_str());
        let flag = |b: bool| b.to_string();
        let mut params: Vec<(&'static str, String)> = Vec::new();
        let kind = match entry.field_type() {
            FieldType::Str(opts) => {
                match opts.get_indexing_options() {
                    None => params.push(("indexed", flag(false))),
                    Some(ix) => {
                        let tok = match ix.tokenizer() {
                            "raw" => "raw",
                            t if t == ANALYZER => tokenizer.as_str(),
                            other => {
                                return Err(format!(
                                    "field '{name}' uses tokenizer '{other}', which has no Quickwit equivalent"
                                ))
                            }
                        };
                        params.push(("indexed", flag(true)));
                        params.push(("tokenizer", tok.to_string()));
                        params.push(("record", record_name(ix.index_option()).to_string()));
                        if tok != "raw" {
                            params.push(("fieldnorms", flag(ix.fieldnorms())));
                        }
                    }
                }
                params.push(("stored", flag(opts.is_stored())));
                params.push(("fast", flag(opts.is_fast())));
                "text"
            }
            FieldType::U64(opts) => {
                params.push(("indexed", flag(opts.is_indexed())));
                params.push(("stored", flag(opts.is_stored())));
                params.push(("fast", flag(opts.is_fast())));
                "u64"
            }
            FieldType::Date(opts) => {
                params.push(("input_formats", "[rfc3339]".to_string()));
                params.push(("output_format", "rfc3339".to_string()));
                params.push(("fast_precision", "seconds".to_string()));
                params.push(("indexed", flag(opts.is_indexed())));
                params.push(("stored", flag(opts.is_stored())));
                params.push(("fast", flag(opts.is_fast())));
                "datetime"
            }
            other => {
                return Err(format!(
                    "field '{name}' has type {:?}, which the Quickwit export does not map",
                    other.value_type()
                ))
            }
        };
        let kind = if array {
            format!("array<{kind}>")
        } else {
            kind.to_string()
        };
        out.push(FieldMapping { name, kind, params });
    }
    Ok(out)
}

/// The index config as YAML, with comments that say how to use it.
pub fn index_config(schema: &Schema, opts: &ConfigOptions) -> Result<String, String> {
    let mappings = field_mappings(schema, opts.tokenizer)?;
    let mut y = String::with_capacity(4096);
    y.push_str(&format!(
        "# Quickwit index config for podium passages, written by podium {}.\n\
         # Create the index, then ingest the passages exported next to this file:\n\
         #   quickwit index create --index-config index-config.yaml\n\
         #   quickwit index ingest --index {} --input-path passages.ndjson\n\
         # Fields, tokenizers and fast fields mirror podium's schema (src/index/schema.rs).\n",
        env!("CARGO_PKG_VERSION"),
        opts.index_id
    ));
    y.push_str(&format!("version: \"{CONFIG_VERSION}\"\n"));
    y.push_str(&format!("index_id: {}\n", opts.index_id));
    y.push_str("doc_mapping:\n");
    y.push_str("  # Every passage has exactly these fields; anything else is an error.\n");
    y.push_str("  mode: strict\n");
    y.push_str("  field_mappings:\n");
    for m in &mappings {
        y.push_str(&format!("    - name: {}\n", m.name));
        y.push_str(&format!("      type: {}\n", m.kind));
        for (k, v) in &m.params {
            y.push_str(&format!("      {k}: {v}\n"));
        }
    }
    y.push_str("  # Roles are few: tags let Quickwit skip splits when a query filters on one.\n");
    y.push_str("  tag_fields: [role]\n");
    if opts.timestamp {
        y.push_str("  # Every passage is dated: splits are pruned by date range.\n");
        y.push_str("  timestamp_field: date\n");
    } else {
        y.push_str(
            "  # Some passages have no date, so no timestamp_field: set `timestamp_field: date`\n\
             \x20 # only once every passage is dated.\n",
        );
    }
    y.push_str("search_settings:\n");
    y.push_str("  # Bare words search the passage text, as `podium search` does.\n");
    y.push_str("  default_search_fields: [text]\n");
    Ok(y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_schema_field_is_mapped_and_recorded() {
        let schema = passage_schema();
        let mappings = field_mappings(&schema, Tokenizer::EnStem).expect("mappings");
        let names: Vec<&str> = schema.fields().map(|(_, e)| e.name()).collect();
        let mapped: Vec<&str> = mappings.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, mapped);
        // The record serializes exactly the schema's fields (optional ones
        // filled in here).
        let p = StoredPassage {
            id: "i".into(),
            file: "f".into(),
            also_in: vec!["g".into()],
            occurrences: vec![
                crate::passage::Occurrence {
                    file: "f".into(),
                    date: Some(jiff::civil::Date::constant(2024, 3, 28)),
                },
                crate::passage::Occurrence {
                    file: "g".into(),
                    date: Some(jiff::civil::Date::constant(2024, 4, 8)),
                },
            ],
            title: Some("t".into()),
            date: Some(jiff::civil::Date::constant(2024, 3, 28)),
            speaker: "Lena Moreau".into(),
            label: Some("MS. MOREAU".into()),
            speaker_title: Some("spokesperson".into()),
            organisation: Some("Harbour Authority".into()),
            role: crate::transcript::Role::Moderator,
            turn: 1,
            position: 2,
            line: 3,
            text: "x".into(),
            stored_as: None,
        };
        let v = serde_json::to_value(Record::of(&p)).expect("json");
        let mut keys: Vec<&str> = v
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        let mut want = names.clone();
        want.sort_unstable();
        assert_eq!(keys, want);
        assert_eq!(v["date"], "2024-03-28T00:00:00Z");
        assert_eq!(v["files"], serde_json::json!(["f", "g"]));
        assert_eq!(
            v["dates"],
            serde_json::json!(["2024-03-28T00:00:00Z", "2024-04-08T00:00:00Z"])
        );
        assert_eq!(v["organisation"], "Harbour Authority");
        assert_eq!(
            v["speaker_words"],
            serde_json::json!(["Lena Moreau", "MS. MOREAU"])
        );
    }

    #[test]
    fn index_ids_follow_quickwit_rules() {
        assert!(valid_index_id("podium"));
        assert!(valid_index_id("briefings_2024-zh"));
        assert!(!valid_index_id("po"));
        assert!(!valid_index_id("1podium"));
        assert!(!valid_index_id("pod ium"));
    }
}
