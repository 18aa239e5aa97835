//! [`Transcript`] → [`Passage`]s: the unit podium indexes and returns.
//!
//! A passage is one paragraph of one speaker's turn, so a hit always says
//! exactly who said it. Paragraphs longer than [`MAX_WORDS`] are split at
//! sentence boundaries (UAX #29, via `unicode-segmentation`) into nearly
//! equal parts, so that a hit's snippet stays near its words and BM25 length
//! normalisation compares like with like. Passages never cross a turn.
//!
//! Pages are republished: a briefing's last page appears again as its own
//! document. [`Passage::dedup_key`] identifies a passage by its speaker and
//! words, so the indexer stores it once and records every file it is in.

use jiff::civil::Date;
use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::hash::{fnv1a, Fnv};
use crate::transcript::{name, text, Paragraph, Role, Transcript, Turn};

/// Paragraphs longer than this many words are split at sentence ends.
pub const MAX_WORDS: usize = 180;

/// Passages shorter than this are too common to be one republished text
/// ("Thank you.", "Next question."): each stays with its own document.
pub const MIN_DEDUP_WORDS: usize = 12;

/// One indexed unit of speech.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Passage {
    /// Stable identifier: 16 hex digits of a hash of the speaker and words
    /// (for passages that may be republished) or of the file name,
    /// position and words (a JSON lines record's file name and content
    /// hash, not its line; see [`passages`]). Re-indexing the same text
    /// gives the same id.
    pub id: String,
    /// The file the passage was read from (the holder, for republished
    /// ones), by the name it is stored under ([`passages`]).
    pub file: String,
    /// Other files the same passage appears in, word for word (by stored
    /// name too).
    pub also_in: Vec<String>,
    /// The dates of the `also_in` documents, in the same order (`None`:
    /// that document has no date). Set by the indexer with `also_in`.
    pub also_in_dates: Vec<Option<Date>>,
    pub title: Option<String>,
    /// When the passage was first said: its document's date, or for a
    /// republished passage the earliest date of the documents it is in
    /// (a page that repeats an answer weeks later does not make the answer
    /// later). See [`Passage::doc_date`].
    pub date: Option<Date>,
    /// The date of `file` itself, which `date` differs from only when an
    /// earlier document has the same passage.
    pub doc_date: Option<Date>,
    pub speaker: String,
    /// The speaker's label as written, if the turn had one.
    pub label: Option<String>,
    pub speaker_title: Option<String>,
    /// The speaker's organisation (outlet, ministry), from
    /// [`Turn::organisation`] (see [`organisation`] for the fallback used
    /// until every parser rule sets it).
    pub organisation: Option<String>,
    pub role: Role,
    /// Turn number within the document, from 0.
    pub turn: u32,
    /// Passage number within the document, from 0.
    pub position: u32,
    /// Source line of the paragraph the passage comes from.
    pub line: u32,
    pub text: String,
    /// Hash of the folded text, for passages long enough to be told apart
    /// from chance repeats ([`MIN_DEDUP_WORDS`]); computed once, used to
    /// find republished passages across files.
    #[serde(skip)]
    pub text_hash: Option<u64>,
}

/// One document a passage is in, with that document's date: a republished
/// passage is in several, and each says when it was published there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Occurrence {
    pub file: String,
    pub date: Option<Date>,
}

impl Passage {
    /// Every document the passage is in, the one it is stored with first,
    /// then `also_in`, each with its date.
    pub fn occurrences(&self) -> Vec<Occurrence> {
        std::iter::once(Occurrence {
            file: self.file.clone(),
            date: self.doc_date,
        })
        .chain(
            self.also_in
                .iter()
                .zip(self.also_in_dates.iter().chain(std::iter::repeat(&None)))
                .map(|(f, d)| Occurrence {
                    file: f.clone(),
                    date: *d,
                }),
        )
        .collect()
    }

    /// The key that identifies a republished passage: speaker and words,
    /// folded. `None` for passages too short to be told from chance repeats.
    pub fn dedup_key(&self) -> Option<u64> {
        self.text_hash
            .map(|t| fnv1a(&[name::fold(&self.speaker).as_bytes(), &t.to_le_bytes()]))
    }
}

/// The folded-text hash of a passage text, if it is long enough to count
/// as republished when found again.
pub fn text_hash(text: &str) -> Option<u64> {
    (text.len() >= MIN_DEDUP_WORDS * 2 && text::has_words(text, MIN_DEDUP_WORDS))
        .then(|| folded_hash(text))
}

/// `fnv1a(&[fold(text)])` without building the folded string when the
/// text is ASCII (nearly every passage): the same bytes, hashed as
/// [`name::fold`] would write them.
fn folded_hash(text: &str) -> u64 {
    if !text.is_ascii() {
        return fnv1a(&[name::fold(text).as_bytes()]);
    }
    let mut h = Fnv::new();
    let mut put = |b: u8| h.byte(b);
    // name::fold's ASCII path: letters and digits lower-cased, apostrophes
    // dropped, any other run between words one space.
    let mut space = false;
    let mut started = false;
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() {
            if space && started {
                put(b' ');
            }
            space = false;
            started = true;
            put(b.to_ascii_lowercase());
        } else if b != b'\'' {
            space = true;
        }
    }
    h.end_part();
    h.finish()
}

/// A passage's id: its [`Passage::dedup_key`] when it has one, else a
/// hash of the file's name, the position and the words.
fn id_from_parts(dedup_key: Option<u64>, file_name: &str, position: u32, text: &str) -> u64 {
    dedup_key.unwrap_or_else(|| {
        fnv1a(&[
            file_name.as_bytes(),
            &position.to_le_bytes(),
            text.as_bytes(),
        ])
    })
}

/// The id of a passage from what the index stores of it: the file (its
/// path as shown), position, speaker and text. The index does not store
/// ids: they are 16 random-looking hex digits per passage, which neither
/// compress nor need to be kept when they can be computed again.
pub fn passage_id(file: &str, position: u32, speaker: &str, text: &str) -> u64 {
    let file_name = std::path::Path::new(file)
        .file_name()
        .map_or_else(|| file.to_string(), |n| n.to_string_lossy().into_owned());
    let dedup_key =
        text_hash(text).map(|t| fnv1a(&[name::fold(speaker).as_bytes(), &t.to_le_bytes()]));
    id_from_parts(dedup_key, &file_name, position, text)
}

/// The earliest of some documents' dates (undated ones do not count): the
/// date of a passage they all have.
pub fn earliest(dates: impl IntoIterator<Item = Option<Date>>) -> Option<Date> {
    dates.into_iter().flatten().min()
}

/// The organisation a turn's passages are filed under: the turn's own
/// [`Turn::organisation`] when the parser set it.
///
/// TRANSITIONAL FALLBACK, until the parser rules set `organisation`
/// themselves (issue #12, item 8): a journalist's outlet is today where
/// the parser writes it, the speaker's title (`Hannah Clarke, Harbour
/// News:` is Hannah Clarke, titled Harbour News), or the speaker itself
/// when the label names only the outlet (`Phoenix TV:`). Only journalists
/// are read this way: an official's title is an office, not an
/// organisation. Remove this once the parser sets `organisation` for
/// reporters.
pub fn organisation(turn: &Turn) -> Option<String> {
    if turn.organisation.is_some() {
        return turn.organisation.clone();
    }
    if turn.role != Role::Journalist {
        return None;
    }
    match &turn.speaker_title {
        Some(t) if !t.trim().is_empty() => Some(t.trim().to_string()),
        // `Reporter` is the parser's name for a questioner whose outlet it
        // does not know: no organisation.
        _ => (turn.speaker != UNKNOWN_REPORTER && name::looks_like_outlet(&turn.speaker))
            .then(|| turn.speaker.clone()),
    }
}

/// The speaker the parser gives a question whose outlet nobody names.
const UNKNOWN_REPORTER: &str = "Reporter";

/// Splits a paragraph into parts of at most about [`MAX_WORDS`] words, at
/// sentence boundaries, with sizes as even as the sentences allow.
pub fn split_long(paragraph: &str) -> Vec<String> {
    split_owned(paragraph.to_string())
}

/// [`split_long`] of a paragraph already owned: a paragraph short enough
/// (nearly all) is returned as it is, without a copy.
fn split_owned(paragraph: String) -> Vec<String> {
    // n words take at least 2n - 1 bytes (words are separated, a Han
    // character takes three): shorter paragraphs need no count.
    if paragraph.len() < 2 * MAX_WORDS + 1 || !text::has_words(&paragraph, MAX_WORDS + 1) {
        return vec![paragraph];
    }
    let total = text::word_count(&paragraph);
    let parts = total.div_ceil(MAX_WORDS);
    let target = total.div_ceil(parts);
    let mut out = Vec::with_capacity(parts);
    let mut current = String::new();
    let mut words = 0;
    for sentence in paragraph.split_sentence_bounds() {
        let n = text::word_count(sentence);
        if words > 0 && words + n > target && out.len() + 1 < parts {
            out.push(current.trim().to_string());
            current.clear();
            words = 0;
        }
        current.push_str(sentence);
        words += n;
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    out
}

/// Calls `each(turn number, turn, paragraph, text)` for every passage text
/// of a transcript, in order: each paragraph's text with its spaces
/// collapsed, long ones split ([`split_long`]), empty parts left out.
fn for_each_part(transcript: &Transcript, mut each: impl FnMut(usize, &Turn, &Paragraph, String)) {
    for (turn_no, turn) in transcript.turns.iter().enumerate() {
        for para in &turn.paragraphs {
            let clean = text::collapse_spaces(&para.text);
            for part in split_owned(clean) {
                if !part.is_empty() {
                    each(turn_no, turn, para, part);
                }
            }
        }
    }
}

/// How many passages a transcript makes, and the sorted, distinct text
/// hashes ([`Passage::text_hash`]) of those long enough to be republished:
/// what the indexer's survey needs of [`passages`], without building them.
pub fn survey(transcript: &Transcript) -> (usize, Vec<u64>) {
    let mut count = 0;
    let mut keys = Vec::new();
    for_each_part(transcript, |_, _, _, part| {
        count += 1;
        keys.extend(text_hash(&part));
    });
    keys.sort_unstable();
    keys.dedup();
    (count, keys)
}

/// Turns a transcript into passages. `file` is the name the document is
/// stored under: the path shown to users, or for a JSON lines record its
/// file and content hash (`corpus::record_name`), not its line. Ids are
/// derived from its last component, so they depend neither on where the
/// corpus lives nor on which line a record is on: a record that moves
/// keeps its passages' ids (an edited one gets new ids for its passages
/// too short to be republished, as its content is its identity).
pub fn passages(transcript: &Transcript, file: &str) -> Vec<Passage> {
    let file_name = std::path::Path::new(file)
        .file_name()
        .map_or_else(|| file.to_string(), |n| n.to_string_lossy().into_owned());
    let mut out = Vec::new();
    let mut position: u32 = 0;
    for_each_part(transcript, |turn_no, turn, para, part| {
        let mut p = Passage {
            id: String::new(),
            file: file.to_string(),
            also_in: Vec::new(),
            also_in_dates: Vec::new(),
            title: transcript.title.clone(),
            date: transcript.date,
            doc_date: transcript.date,
            speaker: turn.speaker.clone(),
            label: turn.label.clone(),
            speaker_title: turn.speaker_title.clone(),
            organisation: organisation(turn),
            role: turn.role,
            turn: u32::try_from(turn_no).unwrap_or(u32::MAX),
            position,
            line: u32::try_from(para.line).unwrap_or(u32::MAX),
            text_hash: text_hash(&part),
            text: part,
        };
        let id = id_from_parts(p.dedup_key(), &file_name, position, &p.text);
        p.id = format!("{id:016x}");
        out.push(p);
        position += 1;
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_paragraphs_split_at_sentences_evenly() {
        let sentence = "The harbour authority moved twelve thousand containers last week. ";
        let para = sentence.repeat(40); // 40 sentences × 9 words = 360 words
        let parts = split_long(para.trim());
        assert_eq!(parts.len(), 2);
        for p in &parts {
            assert!(p.ends_with('.'));
            assert!(text::word_count(p) <= MAX_WORDS);
        }
        assert_eq!(parts.join(" "), para.trim());
    }

    #[test]
    fn short_paragraphs_stay_whole() {
        assert_eq!(split_long("One. Two."), vec!["One. Two.".to_string()]);
    }

    #[test]
    fn ids_are_computed_again_from_stored_parts() {
        let t = crate::transcript::parse(
            "Title\n\nMS. MOREAU: Good afternoon.\n\nQ: Will the ferry to the northern islands run again before the winter storms begin this year?\n",
        );
        let ps = passages(&t, "some/dir/briefing.txt");
        assert!(ps.len() >= 2);
        assert!(ps.iter().any(|p| p.text_hash.is_some()));
        assert!(ps.iter().any(|p| p.text_hash.is_none()));
        for p in &ps {
            let id = passage_id(&p.file, p.position, &p.speaker, &p.text);
            assert_eq!(format!("{id:016x}"), p.id);
        }
    }

    #[test]
    fn folded_hash_is_the_hash_of_the_folded_text() {
        for t in [
            "Shanghai's investment, and   finance: 37,000 firms!",
            "  leading space and trailing ",
            "'quoted' -- dashes -- and... dots",
            "",
            "Gómez-Ruiz said ‘no’",
            "UPPER lower 123",
        ] {
            assert_eq!(folded_hash(t), fnv1a(&[name::fold(t).as_bytes()]), "{t:?}");
        }
    }

    #[test]
    fn the_survey_counts_and_hashes_what_passages_would() {
        let long = "The harbour authority moved twelve thousand containers last week. ".repeat(40);
        let raw = format!(
            "Title\n\nMS. MOREAU: Good afternoon.\n\n{long}\n\nQ: Will the ferry to the northern islands run again before the winter storms begin this year?\n\nMS. MOREAU: Good afternoon.\n"
        );
        let t = crate::transcript::parse(&raw);
        let ps = passages(&t, "f.txt");
        let mut keys: Vec<u64> = ps.iter().filter_map(|p| p.text_hash).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(survey(&t), (ps.len(), keys));
        assert!(ps.len() >= 4, "{ps:#?}");
    }

    #[test]
    fn journalists_file_under_their_outlet_until_the_parser_says() {
        let t = crate::transcript::parse(
            "Harbour Authority briefing\n\nDate: 2024-05-02\n\nLena Moreau: Good afternoon, we will take questions now.\n\nQ: Will the ferry run every day this summer season, as promised last year?\n\nLena Moreau: Yes, it will. Next, Harbour Radio.\n\nHarbour Radio: Will the fares for islanders rise this summer with the new contract?\n",
        );
        let by = |speaker: &str| {
            passages(&t, "b.txt")
                .into_iter()
                .find(|p| p.speaker == speaker)
                .unwrap_or_else(|| panic!("no passage by {speaker}: {t:#?}"))
        };
        assert_eq!(
            by("Harbour Radio").organisation.as_deref(),
            Some("Harbour Radio")
        );
        assert_eq!(by("Reporter").organisation, None, "outlet unknown");
        assert_eq!(by("Lena Moreau").organisation, None, "not a journalist");
        // The parser's own organisation wins, for any role.
        let mut t = t.clone();
        for turn in &mut t.turns {
            turn.organisation = Some("Harbour Authority".into());
        }
        assert!(passages(&t, "b.txt")
            .iter()
            .all(|p| p.organisation.as_deref() == Some("Harbour Authority")));
        // A reporter titled with the outlet (how the parser writes
        // `Hannah Clarke, Harbour News:` today) files under it.
        let mut turn = t.turns[0].clone();
        turn.organisation = None;
        turn.role = Role::Journalist;
        turn.speaker = "Hannah Clarke".into();
        turn.speaker_title = Some(" Harbour News ".into());
        assert_eq!(organisation(&turn).as_deref(), Some("Harbour News"));
    }

    #[test]
    fn occurrences_pair_files_with_dates_and_the_earliest_wins() {
        let d = |m, day| Some(Date::constant(2024, m, day));
        assert_eq!(earliest([d(3, 20), None, d(3, 1)]), d(3, 1));
        assert_eq!(earliest([None, None]), None);
        let t = crate::transcript::parse(
            "Title\n\nMS. MOREAU: The new ferry terminal will open to passengers in the second week of May.\n",
        );
        let mut p = passages(&t, "later.txt").remove(0);
        p.doc_date = d(3, 20);
        p.also_in = vec!["first.txt".into(), "undated.txt".into()];
        p.also_in_dates = vec![d(3, 1), None];
        let files: Vec<(String, Option<Date>)> = p
            .occurrences()
            .into_iter()
            .map(|o| (o.file, o.date))
            .collect();
        assert_eq!(
            files,
            [
                ("later.txt".to_string(), d(3, 20)),
                ("first.txt".to_string(), d(3, 1)),
                ("undated.txt".to_string(), None),
            ]
        );
    }
}
