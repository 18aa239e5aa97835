//! [`Hit`]: one ranked passage, with everything a reader needs to cite it.

use jiff::civil::Date;
use serde::Serialize;
use tantivy::schema::Value;
use tantivy::{DocAddress, Searcher, TantivyDocument};

use crate::error::{Error, Result};
use crate::index::writer::date_from_index;
use crate::index::{Fields, PodiumIndex};
use crate::passage;
use crate::transcript::Role;

/// A passage as stored in the index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredPassage {
    pub id: String,
    pub file: String,
    pub also_in: Vec<String>,
    pub title: Option<String>,
    pub date: Option<Date>,
    pub speaker: String,
    pub label: Option<String>,
    pub speaker_title: Option<String>,
    pub role: Role,
    pub turn: u64,
    pub position: u64,
    pub line: u64,
    pub text: String,
}

impl StoredPassage {
    /// Loads a passage of a search's results. The index found it, so a
    /// document that cannot be read back means damaged index files: the
    /// error says so and how to rebuild, instead of a deserializer's words.
    pub fn load(
        index: &PodiumIndex,
        searcher: &Searcher,
        addr: DocAddress,
    ) -> Result<StoredPassage> {
        let doc: TantivyDocument = searcher.doc(addr).map_err(|e| {
            let msg = e.to_string();
            let first: String = msg.lines().next().unwrap_or("").chars().take(120).collect();
            Error::BadIndex {
                path: index.dir.clone(),
                reason: format!("a stored passage cannot be read: {first}"),
            }
        })?;
        Ok(StoredPassage::from_doc(&index.fields, &doc))
    }

    /// Reads a passage back from its stored tantivy document.
    pub fn from_doc(f: &Fields, d: &TantivyDocument) -> StoredPassage {
        let text = |field| {
            d.get_first(field)
                .and_then(|v| v.as_str().map(str::to_string))
        };
        let num = |field| d.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0);
        let file = text(f.file).unwrap_or_default();
        let speaker = text(f.speaker).unwrap_or_default();
        let position = num(f.position);
        let body = text(f.body).unwrap_or_default();
        // Ids are not stored: computed again from what they were made of.
        let id = passage::passage_id(
            &file,
            u32::try_from(position).unwrap_or(u32::MAX),
            &speaker,
            &body,
        );
        StoredPassage {
            id: format!("{id:016x}"),
            file,
            also_in: d
                .get_all(f.also_in)
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            title: text(f.title),
            date: d
                .get_first(f.date)
                .and_then(|v| v.as_datetime())
                .and_then(date_from_index),
            speaker,
            label: text(f.label),
            speaker_title: text(f.speaker_title),
            role: text(f.role)
                .and_then(|r| r.parse().ok())
                .unwrap_or_default(),
            turn: num(f.turn),
            position,
            line: num(f.line),
            text: body,
        }
    }
}

/// A passage's text cut to the part around the matched words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges of `text` to highlight.
    pub highlights: Vec<(usize, usize)>,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// 1-based rank.
    pub rank: usize,
    pub score: f32,
    #[serde(flatten)]
    pub passage: StoredPassage,
    pub snippet: Snippet,
}
