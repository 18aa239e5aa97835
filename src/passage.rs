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

use crate::transcript::{name, text, Role, Transcript};

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
    pub title: Option<String>,
    pub date: Option<Date>,
    pub speaker: String,
    /// The speaker's label as written, if the turn had one.
    pub label: Option<String>,
    pub speaker_title: Option<String>,
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

impl Passage {
    /// The key that identifies a republished passage: speaker and words,
    /// folded. `None` for passages too short to be told from chance repeats.
    pub fn dedup_key(&self) -> Option<u64> {
        self.text_hash
            .map(|t| fnv1a(&[name::fold(&self.speaker).as_bytes(), &t.to_le_bytes()]))
    }
}

/// 64-bit FNV-1a: small, fast, and stable across Rust versions and
/// machines, which `std`'s hasher is not. Used for ids that are stored.
pub fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        // Separate parts so ("ab", "c") and ("a", "bc") differ.
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The folded-text hash of a passage text, if it is long enough to count
/// as republished when found again.
pub fn text_hash(text: &str) -> Option<u64> {
    (text.len() >= MIN_DEDUP_WORDS * 2 && text::word_count(text) >= MIN_DEDUP_WORDS)
        .then(|| fnv1a(&[name::fold(text).as_bytes()]))
}

/// Splits a paragraph into parts of at most about [`MAX_WORDS`] words, at
/// sentence boundaries, with sizes as even as the sentences allow.
pub fn split_long(paragraph: &str) -> Vec<String> {
    let total = text::word_count(paragraph);
    if total <= MAX_WORDS {
        return vec![paragraph.to_string()];
    }
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
    for (turn_no, turn) in transcript.turns.iter().enumerate() {
        for para in &turn.paragraphs {
            let clean = text::collapse_spaces(&para.text);
            for part in split_long(&clean) {
                if part.is_empty() {
                    continue;
                }
                let mut p = Passage {
                    id: String::new(),
                    file: file.to_string(),
                    also_in: Vec::new(),
                    title: transcript.title.clone(),
                    date: transcript.date,
                    speaker: turn.speaker.clone(),
                    label: turn.label.clone(),
                    speaker_title: turn.speaker_title.clone(),
                    role: turn.role,
                    turn: u32::try_from(turn_no).unwrap_or(u32::MAX),
                    position,
                    line: u32::try_from(para.line).unwrap_or(u32::MAX),
                    text_hash: text_hash(&part),
                    text: part,
                };
                let id = p.dedup_key().unwrap_or_else(|| {
                    fnv1a(&[
                        file_name.as_bytes(),
                        &position.to_le_bytes(),
                        p.text.as_bytes(),
                    ])
                });
                p.id = format!("{id:016x}");
                out.push(p);
                position += 1;
            }
        }
    }
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
    fn hash_is_stable() {
        // Pinned: ids are stored in indexes and must not change between builds.
        assert_eq!(fnv1a(&[b"podium"]), fnv1a(&[b"podium"]));
        assert_ne!(fnv1a(&[b"ab", b"c"]), fnv1a(&[b"a", b"bc"]));
        assert_eq!(format!("{:016x}", fnv1a(&[b""])), "af64724c8602eb6e");
    }
}
