//! The index schema: one tantivy document per [`Passage`](crate::Passage).
//!
//! | field | how | why |
//! |---|---|---|
//! | `id` | raw, stored | `podium show ID`; replace a passage by id |
//! | `file` | raw, stored, fast | group by briefing; neighbours for `--context` |
//! | `files` | raw, multi-valued | every file a republished passage is in, for re-indexing |
//! | `also_in` | stored | shown with the hit |
//! | `title` | analyzed with positions, stored | `title:` searches |
//! | `date` | date, indexed, stored, fast | `--since`/`--until` as range queries |
//! | `speaker` | raw, stored, fast | exact `--speaker` filter, facet counts |
//! | `speaker_words` | analyzed | `speaker:gong` finds Gong Zheng |
//! | `label`, `speaker_title` | stored | shown in output |
//! | `role` | raw, stored, fast | `--role` filter |
//! | `turn`, `position`, `line` | u64, stored, fast | ordering and context |
//! | `text` | analyzed with positions, stored | the searched words; phrases need positions |

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, INDEXED, STORED,
};
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::IndexSettings;

use super::analyzer::ANALYZER;
use crate::error::{Error, Result};

/// Bumped whenever the schema, the analyzer or what is stored changes
/// meaning; an index written with a version not in
/// [`READS_SCHEMA_VERSIONS`] must be rebuilt. Every commit writes this one,
/// so an older podium refuses an index this one wrote, with the rebuild
/// message, rather than updating what it does not understand.
///
/// 3: a JSON lines record's passages are stored under its file and content
/// (`FILE#@HASH`), no longer under `FILE#LINE`.
pub const SCHEMA_VERSION: u32 = 3;

/// The versions this podium opens. Format 2 differs from 3 only in the
/// name a JSON lines record's passages are stored under: a format 2 index
/// is searched as it is (those names are what users see), and the next
/// `podium index` stores its records again under their new names (each
/// one's file is split to find them) and commits format 3.
pub const READS_SCHEMA_VERSIONS: &[u32] = &[2, SCHEMA_VERSION];

/// Handles to every field, resolved once when the index is opened.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub id: Field,
    pub file: Field,
    pub files: Field,
    pub also_in: Field,
    pub title: Field,
    pub date: Field,
    pub speaker: Field,
    pub speaker_words: Field,
    pub label: Field,
    pub speaker_title: Field,
    pub role: Field,
    pub turn: Field,
    pub position: Field,
    pub line: Field,
    pub text: Field,
}

/// An exact-value field (ids, names, roles): indexed as one term, without
/// field norms (they only matter for scoring text, and cost a byte per
/// passage per field).
fn raw() -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_fieldnorms(false)
            .set_index_option(IndexRecordOption::Basic),
    )
}

fn analyzed(stored: bool) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(ANALYZER)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let opts = TextOptions::default().set_indexing_options(indexing);
    if stored {
        opts.set_stored()
    } else {
        opts
    }
}

/// Doc store block size. Passages are read back only for the hits shown,
/// so a block is decompressed per hit: 128 KiB keeps that near 100
/// microseconds while giving zstd enough repeated text (titles, speakers,
/// files of neighbouring passages) to compress well.
pub const DOCSTORE_BLOCK: usize = 128 * 1024;

/// Index settings: zstd (level 3: higher levels cost more indexing time than
/// they save space) for the doc store. Stored passage text is most of
/// an index; LZ4 left it near the raw size, zstd brings the whole index
/// under the raw text's size.
pub fn settings() -> IndexSettings {
    IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor {
            compression_level: Some(3),
        }),
        docstore_blocksize: DOCSTORE_BLOCK,
        ..IndexSettings::default()
    }
}

/// Builds podium's schema.
pub fn build() -> Schema {
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
    b.add_text_field("speaker", raw().set_stored().set_fast("raw"));
    b.add_text_field("speaker_words", analyzed(false));
    b.add_text_field("label", STORED);
    b.add_text_field("speaker_title", STORED);
    b.add_text_field("role", raw().set_stored().set_fast("raw"));
    let num = NumericOptions::default().set_stored().set_fast();
    b.add_u64_field("turn", num.clone());
    // Indexed too: `show` and `--context` look neighbours up by position.
    b.add_u64_field("position", num.clone().set_indexed());
    b.add_u64_field("line", num);
    b.add_text_field("text", analyzed(true));
    b.build()
}

impl Fields {
    /// Resolves the fields of an index's schema; an index written by
    /// something else lacks them, which is an error that says so.
    pub fn from_schema(schema: &Schema) -> Result<Fields> {
        let f = |name: &str| {
            schema
                .get_field(name)
                .map_err(|_| Error::IncompatibleIndex {
                    reason: format!("its schema has no '{name}' field"),
                })
        };
        Ok(Fields {
            id: f("id")?,
            file: f("file")?,
            files: f("files")?,
            also_in: f("also_in")?,
            title: f("title")?,
            date: f("date")?,
            speaker: f("speaker")?,
            speaker_words: f("speaker_words")?,
            label: f("label")?,
            speaker_title: f("speaker_title")?,
            role: f("role")?,
            turn: f("turn")?,
            position: f("position")?,
            line: f("line")?,
            text: f("text")?,
        })
    }
}
