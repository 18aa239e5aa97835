//! [`Hit`]: one ranked passage, with everything a reader needs to cite it.

use jiff::civil::Date;
use serde::Serialize;
use tantivy::schema::Value;
use tantivy::{DocAddress, Searcher, TantivyDocument};

use crate::error::{Error, Result};
use crate::index::writer::date_from_index;
use crate::index::{Fields, PodiumIndex};
use crate::passage::{self, Occurrence};
use crate::transcript::Role;

/// A passage as stored in the index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredPassage {
    pub id: String,
    /// The document as users cite it (a JSON lines record's current
    /// `FILE#LINE`; see [`StoredPassage::shown`]).
    pub file: String,
    pub also_in: Vec<String>,
    /// Every document the passage is in (`file` and `also_in`), each with
    /// its date, oldest first (undated last; the stored file first among
    /// equals). A passage republished later keeps the date it was first
    /// said on (`date`, the first occurrence's) and shows the others here.
    pub occurrences: Vec<Occurrence>,
    pub title: Option<String>,
    pub date: Option<Date>,
    pub speaker: String,
    pub label: Option<String>,
    pub speaker_title: Option<String>,
    /// The speaker's organisation (a reporter's outlet, an official's
    /// ministry), when the text says it.
    pub organisation: Option<String>,
    pub role: Role,
    pub turn: u64,
    pub position: u64,
    pub line: u64,
    pub text: String,
    /// The name the passage is stored under when it is not `file` (a JSON
    /// lines record's, which does not hold its line): what finds the
    /// passages around it. Not output: users cite `file`.
    #[serde(skip)]
    pub stored_as: Option<String>,
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
        StoredPassage::from_doc(&index.fields, &doc).shown(index)
    }

    /// The passage with its documents named as users see them: a JSON
    /// lines record's passages are stored under a name without its line,
    /// so that a record that moves is not re-written; here they get its
    /// current `FILE#LINE` from the index ([`PodiumIndex::shown_name`]),
    /// in `file` and `also_in`.
    pub fn shown(mut self, index: &PodiumIndex) -> Result<StoredPassage> {
        let file = index.shown_name(&self.file)?;
        if file != self.file {
            let file = file.to_string();
            self.stored_as = Some(std::mem::replace(&mut self.file, file));
        }
        for other in self
            .also_in
            .iter_mut()
            .chain(self.occurrences.iter_mut().map(|o| &mut o.file))
        {
            let shown = index.shown_name(other)?;
            if shown != other {
                *other = shown.to_string();
            }
        }
        Ok(self)
    }

    /// The name the passage is stored under: what finds it, and the
    /// passages of its document, in the index.
    pub fn stored_file(&self) -> &str {
        self.stored_as.as_deref().unwrap_or(&self.file)
    }

    /// Reads a passage back from its stored tantivy document, as stored
    /// (see [`StoredPassage::shown`] for the names users see).
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
        let also_in: Vec<String> = d
            .get_all(f.also_in)
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        // The first stored date is the passage's (the earliest of its
        // documents'); the others only serve date filters.
        let date = d
            .get_first(f.date)
            .and_then(|v| v.as_datetime())
            .and_then(date_from_index);
        let day = |v: Option<&str>| v.and_then(|s| s.parse::<Date>().ok());
        let doc_date = match d.get_first(f.file_date) {
            Some(v) => day(v.as_str()),
            None => date,
        };
        let also_in_dates = d.get_all(f.also_in_date).map(|v| day(v.as_str()));
        let mut occurrences: Vec<Occurrence> = std::iter::once(Occurrence {
            file: file.clone(),
            date: doc_date,
        })
        .chain(
            also_in
                .iter()
                .zip(also_in_dates.chain(std::iter::repeat(None)))
                .map(|(o, date)| Occurrence {
                    file: o.clone(),
                    date,
                }),
        )
        .collect();
        // Oldest first, undated last; stable, so the stored file leads
        // among equals.
        occurrences.sort_by_key(|o| (o.date.is_none(), o.date));
        StoredPassage {
            id: format!("{id:016x}"),
            file,
            also_in,
            occurrences,
            title: text(f.title),
            date,
            speaker,
            label: text(f.label),
            speaker_title: text(f.speaker_title),
            organisation: text(f.organisation),
            role: text(f.role)
                .and_then(|r| r.parse().ok())
                .unwrap_or_default(),
            turn: num(f.turn),
            position,
            line: num(f.line),
            text: body,
            stored_as: None,
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
