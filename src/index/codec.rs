//! The document codec: how a [`Passage`] becomes a tantivy document and
//! how a stored document reads back as a [`StoredPassage`], with the date
//! conversions both directions share.
//!
//! One file for both directions, so that what the writer stores and what
//! searches, exports and benches read cannot drift apart, and so that the
//! layers above the index (search filters and hits, errors that give the
//! storable range) take these from the index's codec rather than reaching
//! into [`super::writer`]. The fields themselves are in [`schema`].

use jiff::civil::Date;
use serde::Serialize;
use tantivy::schema::Value;
use tantivy::{DateTime, DocAddress, Searcher, TantivyDocument, Term};

use super::{analyzer, schema, Fields, PodiumIndex};
use crate::error::{Error, Result};
use crate::passage::{self, Occurrence, Passage};
use crate::transcript::Role;

/// The term that finds every passage held by a document.
pub(crate) fn file_term(f: &Fields, file: &str) -> Term {
    Term::from_field_text(f.file, file)
}

/// Nanoseconds in a day.
const DAY_NANOS: i64 = 86_400 * 1_000_000_000;

/// The first day an index can store. tantivy keeps a date as nanoseconds
/// since the epoch in an `i64` (1677-09-21 to 2262-04-11) and podium stores
/// a day as its midnight UTC, so the first whole day is the 22nd.
pub const FIRST_STORABLE_DATE: Date = Date::constant(1677, 9, 22);

/// The last day an index can store (see [`FIRST_STORABLE_DATE`]).
pub const LAST_STORABLE_DATE: Date = Date::constant(2262, 4, 11);

/// Midnight UTC of `d`: how dates are stored. `None` for a day outside
/// [`FIRST_STORABLE_DATE`]..=[`LAST_STORABLE_DATE`]: its nanoseconds do not
/// fit tantivy's `i64`, and converting anyway panics in debug builds and
/// wraps to a wrong date (3000-01-01 became 1830-11-23) in release ones.
pub fn date_to_index(d: Date) -> Option<DateTime> {
    let days = i64::from(d.since(Date::constant(1970, 1, 1)).ok()?.get_days());
    days.checked_mul(DAY_NANOS)
        .map(DateTime::from_timestamp_nanos)
}

/// `d` as an inclusive bound of a date range (`--since`, `--until`). A day
/// an index cannot store becomes tantivy's earliest or latest instant,
/// which keeps the range's meaning: every stored date is after
/// `--since 1500` and none is after `--since 3000`.
pub fn date_bound(d: Date) -> DateTime {
    date_to_index(d).unwrap_or(if d < FIRST_STORABLE_DATE {
        DateTime::MIN
    } else {
        DateTime::MAX
    })
}

/// `d` if an index can store it, else an error that gives the range. For
/// dates from outside a transcript (`--date`): the transcript parser only
/// reads years 1900 to 2100.
pub fn storable(d: Date) -> Result<Date> {
    if date_to_index(d).is_some() {
        Ok(d)
    } else {
        Err(Error::DateOutOfRange {
            date: d,
            first: FIRST_STORABLE_DATE,
            last: LAST_STORABLE_DATE,
        })
    }
}

/// The calendar date of a stored date.
pub fn date_from_index(dt: DateTime) -> Option<Date> {
    let secs = dt.into_timestamp_secs();
    Date::constant(1970, 1, 1)
        .checked_add(jiff::Span::new().days(secs.div_euclid(86_400)))
        .ok()
}

/// The tantivy document for a passage. `first` marks the first passage
/// written for its briefing, the one that carries the title's words (see
/// [`schema`]).
pub(crate) fn document(f: &Fields, p: &Passage, first: bool) -> TantivyDocument {
    let mut d = TantivyDocument::new();
    // The id is computed again when read; its first 32 bits find it.
    let id = u64::from_str_radix(&p.id, 16).unwrap_or(0);
    d.add_u64(f.id, schema::id_prefix(id));
    d.add_text(f.file, &p.file);
    let day = |d: &Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    for (i, other) in p.also_in.iter().enumerate() {
        d.add_text(f.also_in, other);
        d.add_text(f.also_in_date, day(p.also_in_dates.get(i).unwrap_or(&None)));
    }
    if p.doc_date != p.date {
        d.add_text(f.file_date, day(&p.doc_date));
    }
    if let Some(t) = &p.title {
        d.add_text(f.title, t);
        if first {
            d.add_text(f.title_words, t);
        }
    }
    // The passage's date first, then every other date of a document it is
    // in, once each: date filters match any of them. A date no index can
    // hold is left out rather than stored wrong; the parser never gives
    // one and `build` refuses such a `--date`.
    let mut dates: Vec<Date> = Vec::new();
    for date in std::iter::once(p.date)
        .chain(std::iter::once(p.doc_date))
        .chain(p.also_in_dates.iter().copied())
        .flatten()
    {
        if !dates.contains(&date) {
            dates.push(date);
        }
    }
    for date in dates.into_iter().filter_map(date_to_index) {
        d.add_date(f.date, date);
    }
    d.add_text(f.speaker, &p.speaker);
    if let Some(o) = &p.organisation {
        d.add_text(f.organisation, o);
    }
    if let Some(l) = &p.label {
        d.add_text(f.label, l);
    }
    if let Some(t) = &p.speaker_title {
        d.add_text(f.speaker_title, t);
    }
    d.add_text(f.role, p.role.as_str());
    d.add_u64(f.turn, u64::from(p.turn));
    d.add_u64(f.position, u64::from(p.position));
    d.add_u64(f.line, u64::from(p.line));
    let mut terms = String::with_capacity(p.text.len());
    let mut exact = String::new();
    analyzer::analyzed_terms(&p.text, &mut terms, &mut exact);
    d.add_text(f.text, &terms);
    if !exact.is_empty() {
        d.add_text(f.exact, &exact);
    }
    d.add_text(f.body, &p.text);
    d
}

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

/// A passage as the index reads it back, straight from the parser's
/// [`Passage`]: the one place the two field lists are matched up (the
/// stored one has no `doc_date`/`also_in_dates`, which it folds into
/// `occurrences`, nor `text_hash`, and widens the numbers). What
/// [`StoredPassage::from_doc`] of `document` must give, which the
/// round-trip test checks on the seeds.
impl From<&Passage> for StoredPassage {
    fn from(p: &Passage) -> StoredPassage {
        let mut occurrences = p.occurrences();
        // As `from_doc` orders them: oldest first, undated last, stable.
        occurrences.sort_by_key(|o| (o.date.is_none(), o.date));
        StoredPassage {
            id: p.id.clone(),
            file: p.file.clone(),
            also_in: p.also_in.clone(),
            occurrences,
            title: p.title.clone(),
            date: p.date,
            speaker: p.speaker.clone(),
            label: p.label.clone(),
            speaker_title: p.speaker_title.clone(),
            organisation: p.organisation.clone(),
            role: p.role,
            turn: u64::from(p.turn),
            position: u64::from(p.position),
            line: u64::from(p.line),
            text: p.text.clone(),
            stored_as: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        for d in [
            Date::constant(2024, 3, 28),
            Date::constant(1969, 12, 31),
            Date::constant(2000, 2, 29),
        ] {
            assert_eq!(date_from_index(date_to_index(d).unwrap()), Some(d));
        }
    }

    #[test]
    fn storable_dates_are_exactly_those_tantivy_holds() {
        for d in [FIRST_STORABLE_DATE, LAST_STORABLE_DATE] {
            let stored = date_to_index(d).expect("storable");
            assert_eq!(date_from_index(stored), Some(d));
            assert_eq!(date_bound(d), stored);
            assert_eq!(storable(d).ok(), Some(d));
        }
        let before = FIRST_STORABLE_DATE.yesterday().unwrap();
        let after = LAST_STORABLE_DATE.tomorrow().unwrap();
        for d in [before, after, Date::MIN, Date::MAX] {
            assert_eq!(date_to_index(d), None, "{d}");
            assert!(storable(d).is_err(), "{d}");
        }
        // Out-of-range bounds clamp outwards, keeping their side.
        assert_eq!(date_bound(before), DateTime::MIN);
        assert_eq!(date_bound(Date::constant(5204, 3, 1)), DateTime::MAX);
    }

    #[test]
    fn documents_read_back_as_the_passages_written() {
        let fields = Fields::from_schema(&schema::build()).expect("fields");
        let mut n = 0;
        for seed in crate::corpus::embedded_seeds() {
            let t = crate::transcript::parse(&seed.read().expect("seed"));
            for (i, p) in passage::passages(&t, seed.display()).iter().enumerate() {
                let doc = document(&fields, p, i == 0);
                assert_eq!(
                    StoredPassage::from_doc(&fields, &doc),
                    StoredPassage::from(p)
                );
                n += 1;
            }
        }
        assert!(n > 100, "{n} passages");
    }
}
