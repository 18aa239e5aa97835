//! Quickwit: an index config mirroring podium's schema, and the passages
//! as NDJSON.
//!
//! The config is written for the current Quickwit release, 0.9 (config
//! `version: "0.9"`), or with `--quickwit-version 0.8` for 0.8. What each
//! release accepts was read in Quickwit's source (quickwit-oss/quickwit,
//! under `quickwit/`), not guessed:
//!
//! - config versions: `quickwit-config/src/index_config/serialize.rs`
//!   (`VersionedIndexConfig`: 0.9 reads `"0.9"`, `"0.8"` and `"0.7"`);
//! - built-in tokenizers: `quickwit-query/src/tokenizers/mod.rs`
//!   (`create_default_quickwit_tokenizer_manager`). 0.8 registers `raw`,
//!   `raw_lowercase`, `lowercase`, `default`, `en_stem`, `whitespace`,
//!   `chinese_compatible` and `source_code_default`; 0.9 no longer
//!   registers `en_stem` (CHANGELOG.md, 0.9.0, Breaking: "Stemming is now
//!   restricted to the `multilang` cargo feature (#6085)"; the release
//!   builds do not enable it), so a 0.9 config naming it is refused with
//!   "unknown tokenizer";
//! - custom tokenizers (`doc_mapping.tokenizers`):
//!   `quickwit-doc-mapper/src/doc_mapper/tokenizer_entry.rs`. A tokenizer
//!   is `type: simple | ngram | regex | source_code` with `filters` among
//!   `remove_long`, `lower_caser` and `ascii_folding` (`TokenFilterType`):
//!   there is no stemming filter, so 0.9 cannot stem at all;
//! - the rules a doc mapping must keep (tokenizers known, tag fields raw,
//!   the timestamp field a fast single-valued datetime, default search
//!   fields indexed): `quickwit-doc-mapper/src/doc_mapper/doc_mapper_impl.rs`.
//!   `tests/cli/export.rs` checks the exported configs against them.
//!
//! So English stemming becomes, on 0.9, **no stemming**: English text gets
//! [`Tokenizer::Folded`], a custom tokenizer the config declares
//! (`podium_folded`: `simple` words, `remove_long`, `lower_caser`,
//! `ascii_folding`), which is podium's analyzer without its stemmer —
//! `Gómez` finds `gomez` as in podium, but `listing` no longer finds
//! `listed`. (0.9's own `default` is the same without the folding.) On
//! 0.8, English text keeps `en_stem` (stemming, no folding).
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
//! | JSON (stored only) | `type: json`, `indexed: false` |
//! | multi-valued (`files`, `also_in`, `speaker_words`, `dates`, `occurrences`) | `array<text>`, `array<datetime>`, `array<json>` |
//!
//! Tokenizers cannot match exactly: Quickwit offers no CJK bigrams and, in
//! 0.9, no stemming. `chinese_compatible` splits Han text into characters,
//! which finds words inside a run of Han characters with a phrase query,
//! as podium's bigrams do (but does not stem or fold). The export picks
//! `chinese_compatible` when the passages contain Han text and the
//! release's English tokenizer otherwise ([`QuickwitVersion::english`]),
//! unless told.
//!
//! Fields derived from others (`files`: the file and the files it is also
//! in; `speaker_words`: the speaker and the label; `dates`: the date of
//! every document the passage is in, so that a date range matches a
//! republished passage by any of them, as podium's filters do;
//! `occurrences`: each of those documents with its own date, so that which
//! file said it when is not lost, even for a passage whose own document is
//! undated) are derived for each record. `date` is the passage's own: the
//! earliest of them.
//! `organisation` (a raw keyword, fast, like `speaker`) is the speaker's
//! outlet or ministry.
//! A date is `YYYY-MM-DDT00:00:00Z` (podium stores days at midnight UTC);
//! an unknown date, title, label or speaker title is left out of the record.

use serde::{Deserialize, Serialize};
use tantivy::schema::{
    DateOptions, DateTimePrecision, FieldType, IndexRecordOption, JsonObjectOptions,
    NumericOptions, Schema, TextFieldIndexing, TextOptions, INDEXED, STORED,
};

use crate::index::analyzer::ANALYZER;
use crate::search::StoredPassage;
use crate::transcript::name::is_cjk;

/// Default Quickwit index id.
pub const DEFAULT_INDEX_ID: &str = "podium";

/// Fields that hold several values in one passage.
pub const MULTI_VALUED: &[&str] = &["files", "also_in", "speaker_words", "dates", "occurrences"];

/// The Quickwit release the config is written for. 0.9 is the current
/// one; 0.8 is kept because it is the last that stems English (`en_stem`),
/// for a cluster not yet upgraded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum QuickwitVersion {
    /// Quickwit 0.9 (current): no stemming.
    #[value(name = "0.9")]
    V0_9,
    /// Quickwit 0.8: English text keeps `en_stem`.
    #[value(name = "0.8")]
    V0_8,
}

impl QuickwitVersion {
    /// The config's `version:`, as that release's `VersionedIndexConfig`
    /// names it.
    pub fn as_str(self) -> &'static str {
        match self {
            QuickwitVersion::V0_9 => "0.9",
            QuickwitVersion::V0_8 => "0.8",
        }
    }

    /// The tokenizer for text without Han characters: the closest to
    /// podium's analyzer the release has.
    pub fn english(self) -> Tokenizer {
        match self {
            QuickwitVersion::V0_9 => Tokenizer::Folded,
            QuickwitVersion::V0_8 => Tokenizer::EnStem,
        }
    }

    /// Whether the release can use `tokenizer`: 0.9 dropped `en_stem`.
    pub fn has(self, tokenizer: Tokenizer) -> bool {
        !(self == QuickwitVersion::V0_9 && tokenizer == Tokenizer::EnStem)
    }
}

/// The Quickwit tokenizer for podium's analyzed fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Tokenizer {
    /// Decide from the passages: chinese_compatible if any has Han text,
    /// else podium_folded (0.9) or en_stem (0.8).
    Auto,
    /// Words, lower-cased, folded to ASCII, no stemming: podium's analyzer
    /// without its stemmer (a custom tokenizer the config declares).
    #[value(name = "podium_folded")]
    Folded,
    /// Words, lower-cased, English stemming (Quickwit 0.8 only).
    #[value(name = "en_stem")]
    EnStem,
    /// Words, lower-cased, and each CJK character a token.
    #[value(name = "chinese_compatible")]
    ChineseCompatible,
    /// Words, lower-cased.
    Default,
}

/// A tokenizer the config declares in `doc_mapping.tokenizers`, because
/// Quickwit does not ship it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CustomTokenizer {
    pub name: &'static str,
    /// `type:` (a `TokenizerType` of `tokenizer_entry.rs`).
    pub kind: &'static str,
    /// `filters:`, applied in order (`TokenFilterType`s).
    pub filters: &'static [&'static str],
}

impl Tokenizer {
    /// Quickwit's name for it; `Auto` must be resolved first.
    pub fn as_str(self) -> &'static str {
        match self {
            Tokenizer::Auto | Tokenizer::Folded => "podium_folded",
            Tokenizer::EnStem => "en_stem",
            Tokenizer::ChineseCompatible => "chinese_compatible",
            Tokenizer::Default => "default",
        }
    }

    /// The declaration the config needs for it, if Quickwit does not ship
    /// it: `simple` splits words as `default` does (and `default` drops
    /// tokens over 255 bytes, as `remove_long` does); podium lower-cases
    /// and folds, in that order.
    pub fn custom(self) -> Option<CustomTokenizer> {
        match self {
            Tokenizer::Auto | Tokenizer::Folded => Some(CustomTokenizer {
                name: "podium_folded",
                kind: "simple",
                filters: &["remove_long", "lower_caser", "ascii_folding"],
            }),
            _ => None,
        }
    }

    /// `Auto` decided for passages with Han text or not, for `version`.
    pub fn resolve(self, has_han: bool, version: QuickwitVersion) -> Tokenizer {
        match self {
            Tokenizer::Auto if has_han => Tokenizer::ChineseCompatible,
            Tokenizer::Auto => version.english(),
            t => t,
        }
    }
}

/// One document a passage is in, with that document's date (absent when
/// unknown), as the record carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordOccurrence {
    pub file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
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
    /// Every document the passage is in, oldest first (undated last), each
    /// with its date: `dates` says when, this says where each was said.
    pub occurrences: Vec<RecordOccurrence>,
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
        let occurrences = p
            .occurrences
            .iter()
            .map(|o| RecordOccurrence {
                file: o.file.clone(),
                date: o.date.map(day),
            })
            .collect();
        Record {
            id: p.id.clone(),
            file: p.file.clone(),
            files,
            also_in: p.also_in.clone(),
            title: p.title.clone(),
            date: p.date.map(day),
            dates,
            occurrences,
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
    pub version: QuickwitVersion,
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
    // Read back, not searched: `files` and `dates` are what queries use.
    b.add_json_field("occurrences", JsonObjectOptions::default().set_stored());
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
            FieldType::JsonObject(opts) => {
                // A JSON field's indexing options take no `fieldnorms`.
                match opts.get_text_indexing_options() {
                    None => params.push(("indexed", flag(false))),
                    Some(ix) if ix.tokenizer() == "raw" => {
                        params.push(("indexed", flag(true)));
                        params.push(("tokenizer", "raw".to_string()));
                        params.push(("record", record_name(ix.index_option()).to_string()));
                    }
                    Some(ix) => {
                        return Err(format!(
                            "JSON field '{name}' uses tokenizer '{}', which the Quickwit export does not map",
                            ix.tokenizer()
                        ))
                    }
                }
                params.push(("stored", flag(opts.is_stored())));
                params.push(("fast", flag(opts.is_fast())));
                "json"
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
    if !opts.version.has(opts.tokenizer) {
        return Err(format!(
            "Quickwit {} does not ship the {} tokenizer",
            opts.version.as_str(),
            opts.tokenizer.as_str()
        ));
    }
    let mappings = field_mappings(schema, opts.tokenizer)?;
    let mut y = String::with_capacity(4096);
    y.push_str(&format!(
        "# Quickwit {} index config for podium passages, written by podium {}.\n\
         # Start Quickwit, then create the index and ingest the passages exported next to this file:\n\
         #   quickwit run    (in another terminal: the commands below talk to it)\n\
         #   quickwit index create --index-config index-config.yaml\n\
         #   quickwit index ingest --index {} --input-path passages.ndjson --wait\n\
         # Fields, tokenizers and fast fields mirror podium's schema (src/index/schema.rs).\n",
        opts.version.as_str(),
        env!("CARGO_PKG_VERSION"),
        opts.index_id
    ));
    y.push_str(&format!("version: \"{}\"\n", opts.version.as_str()));
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
    if let Some(t) = opts.tokenizer.custom() {
        y.push_str("  # Quickwit has no stemming filter: podium's analyzer without its stemmer.\n");
        y.push_str("  tokenizers:\n");
        y.push_str(&format!("    - name: {}\n", t.name));
        y.push_str(&format!("      type: {}\n", t.kind));
        y.push_str(&format!("      filters: [{}]\n", t.filters.join(", ")));
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
        let mappings = field_mappings(&schema, Tokenizer::Folded).expect("mappings");
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
        assert_eq!(
            v["occurrences"],
            serde_json::json!([
                {"file": "f", "date": "2024-03-28T00:00:00Z"},
                {"file": "g", "date": "2024-04-08T00:00:00Z"}
            ])
        );
    }

    /// A passage whose own document is undated but which was republished
    /// in a dated one: no `date` (podium does not date it either), but the
    /// other document's date is in `dates`, and `occurrences` says which
    /// document had which.
    #[test]
    fn undated_passages_keep_their_occurrences() {
        let p = StoredPassage {
            id: "i".into(),
            file: "undated.txt".into(),
            also_in: vec!["dated.txt".into()],
            occurrences: vec![
                crate::passage::Occurrence {
                    file: "dated.txt".into(),
                    date: Some(jiff::civil::Date::constant(2024, 4, 8)),
                },
                crate::passage::Occurrence {
                    file: "undated.txt".into(),
                    date: None,
                },
            ],
            title: None,
            date: None,
            speaker: "Lena Moreau".into(),
            label: None,
            speaker_title: None,
            organisation: None,
            role: crate::transcript::Role::Official,
            turn: 0,
            position: 0,
            line: 1,
            text: "x".into(),
            stored_as: None,
        };
        let v = serde_json::to_value(Record::of(&p)).expect("json");
        assert_eq!(v.get("date"), None);
        assert_eq!(v["dates"], serde_json::json!(["2024-04-08T00:00:00Z"]));
        assert_eq!(
            v["occurrences"],
            serde_json::json!([
                {"file": "dated.txt", "date": "2024-04-08T00:00:00Z"},
                {"file": "undated.txt"}
            ])
        );
        assert_eq!(v["files"], serde_json::json!(["undated.txt", "dated.txt"]));
    }

    fn config(version: QuickwitVersion, tokenizer: Tokenizer) -> Result<String, String> {
        index_config(
            &passage_schema(),
            &ConfigOptions {
                index_id: "podium".into(),
                version,
                tokenizer,
                timestamp: true,
            },
        )
    }

    #[test]
    fn each_release_gets_tokenizers_it_ships() {
        // 0.9: English text is folded, not stemmed, by a declared tokenizer.
        let english = Tokenizer::Auto.resolve(false, QuickwitVersion::V0_9);
        assert_eq!(english, Tokenizer::Folded);
        let y = config(QuickwitVersion::V0_9, english).expect("0.9");
        assert!(y.contains("version: \"0.9\"\n"), "{y}");
        assert!(y.contains("tokenizer: podium_folded\n"), "{y}");
        assert!(y.contains(
            "  tokenizers:\n    - name: podium_folded\n      type: simple\n      filters: [remove_long, lower_caser, ascii_folding]\n"
        ));
        assert!(!y.contains("en_stem"), "{y}");
        assert!(y.contains("--input-path passages.ndjson --wait"), "{y}");
        // en_stem is refused for 0.9, kept for 0.8.
        assert!(config(QuickwitVersion::V0_9, Tokenizer::EnStem)
            .expect_err("0.9 has no en_stem")
            .contains("does not ship the en_stem tokenizer"));
        let english = Tokenizer::Auto.resolve(false, QuickwitVersion::V0_8);
        assert_eq!(english, Tokenizer::EnStem);
        let y = config(QuickwitVersion::V0_8, english).expect("0.8");
        assert!(y.contains("version: \"0.8\"\n"), "{y}");
        assert!(y.contains("tokenizer: en_stem\n"), "{y}");
        assert!(!y.contains("tokenizers:"), "{y}");
        // Han text: chinese_compatible, shipped by both.
        for v in [QuickwitVersion::V0_8, QuickwitVersion::V0_9] {
            let t = Tokenizer::Auto.resolve(true, v);
            assert_eq!(t, Tokenizer::ChineseCompatible);
            assert!(config(v, t).is_ok());
        }
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
