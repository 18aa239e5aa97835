//! JSON lines: one object per hit, for scripts and other tools.
//!
//! serde_json escapes C0 control characters in strings and
//! [`json_safe`](super::json_safe) the rest (DEL, C1, bidirectional
//! overrides), so untrusted text cannot break out of its field or reach a
//! terminal raw.

use std::io::{self, Write};

use serde::Serialize;

use crate::passage::Occurrence;
use crate::search::Hit;

/// The JSON form of a hit: the passage's fields, the snippet as a string,
/// and highlight byte ranges into that string. Public so that every JSON
/// output (`--json`, `podium serve`'s API) speaks one vocabulary.
#[derive(Serialize)]
pub struct JsonHit<'a> {
    rank: usize,
    /// How many passages match in all, on every hit of a result list
    /// (`search --json`, the API's hits): each line stays one hit, and a
    /// script needs only the first line to know how many pages there are.
    /// Left out where hits are not a result list.
    #[serde(skip_serializing_if = "Option::is_none")]
    total: Option<usize>,
    score: f32,
    id: &'a str,
    file: &'a str,
    also_in: &'a [String],
    occurrences: &'a [Occurrence],
    title: Option<&'a str>,
    date: Option<String>,
    speaker: &'a str,
    speaker_title: Option<&'a str>,
    organisation: Option<&'a str>,
    label: Option<&'a str>,
    role: &'a str,
    turn: u64,
    position: u64,
    line: u64,
    text: &'a str,
    snippet: &'a str,
    highlights: &'a [(usize, usize)],
}

impl<'a> JsonHit<'a> {
    /// The JSON form of `h`.
    pub fn new(h: &'a Hit) -> JsonHit<'a> {
        let p = &h.passage;
        JsonHit {
            rank: h.rank,
            total: None,
            score: h.score,
            id: &p.id,
            file: &p.file,
            also_in: &p.also_in,
            occurrences: &p.occurrences,
            title: p.title.as_deref(),
            date: p.date.map(|d| d.to_string()),
            speaker: &p.speaker,
            speaker_title: p.speaker_title.as_deref(),
            organisation: p.organisation.as_deref(),
            label: p.label.as_deref(),
            role: p.role.as_str(),
            turn: p.turn,
            position: p.position,
            line: p.line,
            text: &p.text,
            snippet: &h.snippet.text,
            highlights: &h.snippet.highlights,
        }
    }

    /// The same, saying that `total` passages match in all.
    pub fn of_total(h: &'a Hit, total: usize) -> JsonHit<'a> {
        JsonHit {
            total: Some(total),
            ..JsonHit::new(h)
        }
    }
}

/// Writes one JSON object per hit, one per line.
pub fn hits(out: &mut impl Write, hits: &[Hit]) -> io::Result<()> {
    for h in hits {
        line(out, &JsonHit::new(h))?;
    }
    Ok(())
}

/// Writes one JSON object per hit, one per line, each with `"total"`: how
/// many passages match in all (`search --json`).
pub fn hits_of(out: &mut impl Write, hits: &[Hit], total: usize) -> io::Result<()> {
    for h in hits {
        line(out, &JsonHit::of_total(h, total))?;
    }
    Ok(())
}

/// Writes any serializable value as one line of JSON.
pub fn line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    // Serialize first, then write: an I/O error (a closed pipe) keeps its
    // kind instead of being wrapped in a serde error.
    let json = serde_json::to_string(value).map_err(io::Error::other)?;
    let mut buf = super::json_safe(json).into_bytes();
    buf.push(b'\n');
    out.write_all(&buf)
}
