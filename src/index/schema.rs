//! The index schema: one tantivy document per [`Passage`](crate::Passage).
//!
//! | field | how | why |
//! |---|---|---|
//! | `id` | u64, fast | `podium show ID`: the id's first 8 hex digits, found by range |
//! | `file` | raw, stored, fast | group by briefing; neighbours for `--context`; replace a briefing |
//! | `also_in` | stored | shown with the hit |
//! | `also_in_date` | stored, one per `also_in` value (`""`: undated) | each occurrence shown with its date |
//! | `file_date` | stored, only when it is not `date` | the holder's own date, when an earlier document has the passage |
//! | `title` | stored | shown with the hit |
//! | `title_words` | analyzed with positions, on one passage per briefing | `title:` searches |
//! | `date` | date, stored, fast, one value per distinct date of the documents the passage is in, the earliest first | the passage's date (the first value); `--since`/`--until` as range queries over the fast field, which match a passage when *any* of its documents is in the range |
//! | `speaker` | raw, stored, fast | exact `--speaker` filter, facet counts |
//! | `organisation` | raw, stored, fast | `--outlet`/`outlet:` filter (resolved, folded, against the field's terms), outlet facet |
//! | `label`, `speaker_title` | stored | shown in output |
//! | `role` | raw, stored, fast | `--role` filter |
//! | `turn`, `position`, `line` | u64, stored, fast | ordering and context (ranges over fast fields) |
//! | `text` | analyzed with positions and norms | the searched words; phrases need positions |
//! | `body` | stored | the passage's words as shown |
//!
//! Everything is there because a query or a hit needs it, and no more, as
//! the index should stay smaller than the text it indexes:
//!
//! - Passage ids are not stored: they are computed again from the file,
//!   position, speaker and text ([`crate::passage::passage_id`]). Only their
//!   first 32 bits are kept, in a fast field, to find a passage by id; the
//!   full id tells the candidates apart.
//! - A title is the same for every passage of a briefing, and `title:` is a
//!   filter (it does not score), so its words (`title_words`) are indexed
//!   on the briefing's first written passage only: a `title:` query finds
//!   those and then every passage of their files (see `search::query`).
//!   The title is stored with every passage, which costs little: zstd sees
//!   it repeated within a block.
//! - Range filters (dates, positions, turns) run over fast fields, so
//!   those fields have no terms; only `text` has field norms (BM25 scores
//!   nothing else).
//! - `text` is analyzed by podium's workers before documents reach tantivy
//!   (its tokenizer, [`analyzer::TERMS`], reads the terms back), so it is
//!   not stored: `body` keeps the words as written.

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, STORED,
};
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::IndexSettings;

use super::analyzer::{self, ANALYZER};
use crate::error::{Error, Result};

/// Bumped whenever the schema, the analyzer or what is stored changes
/// meaning; an index written with a version not in
/// [`READS_SCHEMA_VERSIONS`] must be rebuilt. Every commit writes this one,
/// so an older podium refuses an index this one wrote, with the rebuild
/// message, rather than updating what it does not understand.
///
/// 3: a JSON lines record's passages are stored under its file and content
/// (`FILE#@HASH`), no longer under `FILE#LINE`.
///
/// 4: passage text analyzed by podium and not stored (`body` keeps the
/// words), titles indexed once per briefing, and the other schema and
/// analyzer changes of the indexing speed and size work. Formats 2 and 3
/// have another schema, so an index written with them must be rebuilt
/// (`podium index --rebuild`).
///
/// 5: terms without apostrophes (`couldnt`), and the other forms of a word
/// people type indexed at its position (`couldn`, `could`, `not`; `GDP`
/// for `GDP’s`, `CPI` for `CPIs`: `index::forms`).
///
/// 5: the `organisation` field (a speaker's outlet or ministry), and a
/// republished passage dated by the earliest of its documents, with every
/// document's date (`date` holds them all, `also_in_date`, `file_date`).
/// A format-4 index lacks the fields and dates its republished passages
/// by the holder, so it must be rebuilt.
///
/// 6: the `exact` field (words as written, where their term is a stem), for
/// the ranking boost of the form typed.
pub const SCHEMA_VERSION: u32 = 6;

/// The versions this podium opens: only its own, as no earlier format has
/// its schema.
pub const READS_SCHEMA_VERSIONS: &[u32] = &[SCHEMA_VERSION];

/// Handles to every field, resolved once when the index is opened.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub id: Field,
    pub file: Field,
    pub also_in: Field,
    pub also_in_date: Field,
    pub file_date: Field,
    pub title: Field,
    pub title_words: Field,
    pub date: Field,
    pub speaker: Field,
    pub organisation: Field,
    pub label: Field,
    pub speaker_title: Field,
    pub role: Field,
    pub turn: Field,
    pub position: Field,
    pub line: Field,
    pub text: Field,
    pub body: Field,
    /// Words as written, where their term is a stem (`analyzed_terms`).
    pub exact: Field,
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

/// Text for searching with `tokenizer` (podium's analyzer, or the terms it
/// made), with positions (phrases); field norms only where BM25 scores the
/// field.
fn analyzed(tokenizer: &str, norms: bool) -> TextFieldIndexing {
    TextFieldIndexing::default()
        .set_tokenizer(tokenizer)
        .set_fieldnorms(norms)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions)
}

/// Doc store block size. Passages are read back only for the hits shown,
/// and a fresh `podium search` process decompresses one block per hit
/// (zstd's decompression was the largest part of a one-shot search). At
/// 1.2M generated passages, `podium bench` end to end: term-rare 5.3 →
/// 4.0 ms, top50 14.2 → 8.6 ms from 128 KiB to 32 KiB, for an index 2 %
/// larger (427 → 437 MB); 16 KiB saved little more for another 2.5 %.
/// 32 KiB still gives zstd enough repeated text (titles, speakers, files
/// of neighbouring passages) to keep the index under the raw text's size.
/// tantivy records the size per segment, so older indexes stay readable.
pub const DOCSTORE_BLOCK: usize = 32 * 1024;

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
    b.add_u64_field("id", NumericOptions::default().set_fast());
    b.add_text_field("file", raw().set_stored().set_fast("raw"));
    b.add_text_field("also_in", STORED);
    b.add_text_field("also_in_date", STORED);
    b.add_text_field("file_date", STORED);
    b.add_text_field("title", STORED);
    b.add_text_field(
        "title_words",
        TextOptions::default().set_indexing_options(analyzed(ANALYZER, false)),
    );
    b.add_date_field(
        "date",
        DateOptions::default()
            .set_stored()
            .set_fast()
            .set_precision(DateTimePrecision::Seconds),
    );
    b.add_text_field("speaker", raw().set_stored().set_fast("raw"));
    b.add_text_field("organisation", raw().set_stored().set_fast("raw"));
    b.add_text_field("label", STORED);
    b.add_text_field("speaker_title", STORED);
    b.add_text_field("role", raw().set_stored().set_fast("raw"));
    let num = NumericOptions::default().set_stored().set_fast();
    b.add_u64_field("turn", num.clone());
    b.add_u64_field("position", num.clone());
    b.add_u64_field("line", num);
    b.add_text_field(
        "text",
        TextOptions::default().set_indexing_options(analyzed(analyzer::TERMS, true)),
    );
    b.add_text_field("body", STORED);
    // The forms of words as written where the term is their stem, without
    // positions or norms: it only says whether a passage has the form
    // typed (a boost, see `search::rank::EXACT_WEIGHT`).
    b.add_text_field(
        "exact",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analyzer::TERMS)
                .set_fieldnorms(false)
                .set_index_option(IndexRecordOption::Basic),
        ),
    );
    b.build()
}

/// The stored field that holds the text an indexed field's words come
/// from: the field itself, `title` for `title_words` and `body` for `text`
/// (which are not stored).
pub fn stored_form(schema: &Schema, field: Field) -> Field {
    let stored = match schema.get_field_name(field) {
        "title_words" => "title",
        "text" => "body",
        _ => return field,
    };
    schema.get_field(stored).unwrap_or(field)
}

/// The first 32 bits of a passage id: what the `id` field holds.
pub fn id_prefix(id: u64) -> u64 {
    id >> 32
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
            also_in: f("also_in")?,
            also_in_date: f("also_in_date")?,
            file_date: f("file_date")?,
            title: f("title")?,
            title_words: f("title_words")?,
            date: f("date")?,
            speaker: f("speaker")?,
            organisation: f("organisation")?,
            label: f("label")?,
            speaker_title: f("speaker_title")?,
            role: f("role")?,
            turn: f("turn")?,
            position: f("position")?,
            line: f("line")?,
            text: f("text")?,
            body: f("body")?,
            exact: f("exact")?,
        })
    }
}
