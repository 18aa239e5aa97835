//! JSON lines → one document per record.
//!
//! Users who already scraped briefings often have them as JSON lines: one
//! object per line, `{"title": …, "date": …, "text": …}` plus whatever else
//! their scraper kept (ignored). Each record is its own document, named
//! `FILE#LINE` (the record's line in the file), so a hit cites the record.
//!
//! [`split`] finds the records (their byte ranges and content hashes)
//! without keeping them; [`read`] reads one back. The indexer reads sources
//! twice and in parallel, so a large archive is never held in memory whole,
//! and the hash of each record is what tells an edited record from an
//! unchanged one. With [`Span::repeat`] it is also the record's identity:
//! the index stores a record's passages under it rather than under its
//! line, so a record that moves keeps them (see `index::writer`).

use std::collections::HashMap;

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use serde::Deserialize;

use super::Document;
use crate::hash::content_hash;

/// One record's place in its file, and what it holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Span {
    /// 1-based line number of the record.
    pub line: usize,
    /// Byte offset and length of the line (without its line end).
    pub offset: u64,
    pub len: u64,
    /// [`content_hash`] of the line's bytes (without its line end): the
    /// record's identity when lines move, and what tells an edited record
    /// from an unchanged one without parsing it.
    pub hash: u64,
    /// How many records above it in the file have the same bytes (0 for
    /// nearly every record). With `hash`, what the record is whatever line
    /// it is on: records with the same bytes are told apart by their order,
    /// as the indexer pairs them in order.
    pub repeat: u32,
}

/// The records of a JSON lines file: every line that is not blank.
///
/// A file with NUL bytes near its start is refused as a whole (a binary
/// file, or UTF-16, which JSON lines never are): otherwise every "line" of
/// it would be a warning of its own.
pub fn split(path: &Path) -> std::io::Result<Vec<Span>> {
    let mut reader = BufReader::new(File::open(path)?);
    let mut spans = Vec::new();
    let mut buf = Vec::new();
    let mut offset = 0u64;
    let mut line = 0usize;
    let mut seen: HashMap<u64, u32> = HashMap::new();
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf)?;
        if n == 0 {
            break;
        }
        if offset < BINARY_SAMPLE && buf.contains(&0) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "looks like a binary or UTF-16 file (it contains NUL bytes), not JSON lines",
            ));
        }
        line += 1;
        let content = buf
            .strip_suffix(b"\n")
            .map(|b| b.strip_suffix(b"\r").unwrap_or(b))
            .unwrap_or(&buf);
        if !content.iter().all(u8::is_ascii_whitespace) {
            let hash = content_hash(content);
            let repeat = seen.entry(hash).or_insert(0);
            spans.push(Span {
                line,
                offset,
                len: content.len() as u64,
                hash,
                repeat: *repeat,
            });
            *repeat += 1;
        }
        offset += n as u64;
    }
    Ok(spans)
}

/// How far into a file [`split`] looks for NUL bytes.
const BINARY_SAMPLE: u64 = 8192;

/// The fields podium reads from a record; others are ignored.
#[derive(Deserialize)]
struct Record {
    title: Option<String>,
    date: Option<serde_json::Value>,
    text: Option<String>,
    /// Speaker → organisation (outlet, ministry), as scrapers keep a
    /// page's list of participants: `{"Hannah Clarke": "Harbour News"}`.
    /// Anything but an object of strings is ignored, as unknown keys are.
    #[serde(alias = "organizations", alias = "outlets")]
    organisations: Option<serde_json::Value>,
}

/// Reads the record at `span` of `path` as a document, or says what is
/// wrong with it (the caller names the record). The bytes must still be
/// the ones [`split`] hashed: a record that changed since is refused
/// rather than indexed under a hash that is not its own.
pub fn read(path: &Path, span: Span, max_bytes: u64) -> Result<Document, String> {
    if span.len > max_bytes {
        return Err(format!(
            "record is {} MB, larger than the {} MB podium reads in one piece",
            span.len / (1024 * 1024),
            max_bytes / (1024 * 1024)
        ));
    }
    let mut file = File::open(path).map_err(|e| format!("cannot be read: {e}"))?;
    file.seek(SeekFrom::Start(span.offset))
        .map_err(|e| format!("cannot be read: {e}"))?;
    let mut bytes = vec![0; usize::try_from(span.len).unwrap_or(usize::MAX)];
    file.read_exact(&mut bytes)
        .map_err(|e| format!("cannot be read (the file changed?): {e}"))?;
    if content_hash(&bytes) != span.hash {
        return Err("changed while it was being read: run podium index again".into());
    }
    parse(&bytes)
}

/// Parses one record's bytes into a document.
pub fn parse(bytes: &[u8]) -> Result<Document, String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let record: Record = serde_json::from_slice(bytes).map_err(|e| {
        if e.is_data() {
            format!("is not a transcript record ({e}); expected {{\"title\", \"date\", \"text\"}}")
        } else {
            format!("is not valid JSON ({e})")
        }
    })?;
    let text = record
        .text
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| "record has no \"text\"".to_string())?;
    let title = record
        .title
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty());
    let date = record.date.and_then(|d| match d {
        serde_json::Value::String(s) => Some(super::day(&s)),
        serde_json::Value::Number(n) => n.as_i64().map(unix_day),
        _ => None,
    });
    // The title and date open the text as a page would show them, so the
    // parser sees them where it looks (a `Date:` line is its surest date);
    // the title is also applied as given.
    let mut out = String::with_capacity(text.len() + 64);
    if let Some(t) = &title {
        out.push_str(t);
        out.push_str("\n\n");
    }
    if let Some(d) = date.filter(|d| !d.trim().is_empty()) {
        out.push_str("Date: ");
        out.push_str(d.trim());
        out.push_str("\n\n");
    }
    out.push_str(&text);
    let organisations = match record.organisations {
        Some(serde_json::Value::Object(m)) => m
            .into_iter()
            .filter_map(|(name, o)| match o {
                serde_json::Value::String(o) if !o.trim().is_empty() => {
                    Some((name, o.trim().to_string()))
                }
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    Ok(Document {
        text: out,
        title,
        notes: Vec::new(),
        organisations,
    })
}

/// The UTC day of a Unix timestamp in seconds, or in milliseconds when it
/// is too large to be seconds (scrapers write both). The magnitude is
/// taken unsigned: `i64::MIN` has no `i64` absolute value.
fn unix_day(t: i64) -> String {
    let secs = if t.unsigned_abs() >= 100_000_000_000 {
        t / 1000
    } else {
        t
    };
    jiff::Timestamp::from_second(secs)
        .map(|ts| ts.to_zoned(jiff::tz::TimeZone::UTC).date().to_string())
        .unwrap_or_else(|_| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_become_documents_with_title_and_date() {
        let doc = parse(
            br#"{"title":"Port  briefing","date":"2023-06-14T09:00:00Z","text":"Q: Any news?","url":"x"}"#,
        )
        .expect("record");
        assert_eq!(doc.title.as_deref(), Some("Port briefing"));
        assert_eq!(
            doc.text,
            "Port briefing\n\nDate: 2023-06-14\n\nQ: Any news?"
        );
    }

    #[test]
    fn records_name_their_speakers_organisations() {
        let doc = parse(
            br#"{"text":"MS. MOREAU: Good afternoon.\n\nHANNAH CLARKE: Will the ferry run?","outlets":{"Hannah Clarke":"Harbour News","Lena Moreau":" ","x":3}}"#,
        )
        .expect("record");
        assert_eq!(
            doc.organisations,
            [("Hannah Clarke".to_string(), "Harbour News".to_string())]
        );
        let t = doc.parse();
        let clarke = t
            .turns
            .iter()
            .find(|t| t.label.as_deref() == Some("HANNAH CLARKE"))
            .expect("Clarke's turn");
        assert_eq!(clarke.organisation.as_deref(), Some("Harbour News"));
        assert!(t
            .turns
            .iter()
            .filter(|t| t.label.as_deref() != Some("HANNAH CLARKE"))
            .all(|t| t.organisation.is_none()));
        // Not an object: ignored, like an unknown key.
        let doc = parse(br#"{"text":"Q: Yes?","organisations":"Reuters"}"#).expect("record");
        assert!(doc.organisations.is_empty());
    }

    #[test]
    fn unix_timestamps_are_days() {
        let doc = parse(br#"{"date": 1711584000, "text": "Q: Yes?"}"#).expect("record");
        assert!(doc.text.starts_with("Date: 2024-03-28\n"), "{:?}", doc.text);
        let doc = parse(br#"{"date": 1711584000000, "text": "Q: Yes?"}"#).expect("record");
        assert!(doc.text.starts_with("Date: 2024-03-28\n"), "{:?}", doc.text);
    }

    #[test]
    fn timestamps_no_calendar_holds_stay_as_written() {
        for t in [i64::MIN, i64::MAX, -100_000_000_000_000_000] {
            let record = format!(r#"{{"date": {t}, "text": "Q: Yes?"}}"#);
            let doc = parse(record.as_bytes()).expect("record");
            assert!(
                doc.text.starts_with(&format!("Date: {t}\n")),
                "{:?}",
                doc.text
            );
        }
    }

    #[test]
    fn bad_records_say_why() {
        assert!(parse(b"{\"title\":\"x\"}")
            .unwrap_err()
            .contains("no \"text\""));
        assert!(parse(b"[1,2]")
            .unwrap_err()
            .contains("not a transcript record"));
        assert!(parse(b"{\"text\":").unwrap_err().contains("not valid JSON"));
    }

    #[test]
    fn split_skips_blank_lines_and_keeps_line_numbers() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("r.jsonl");
        std::fs::write(&p, "{\"text\":\"a\"}\r\n\n  \n{\"text\":\"b\"}").expect("write");
        let spans = split(&p).expect("split");
        assert_eq!(spans.len(), 2);
        assert_eq!((spans[0].line, spans[0].offset, spans[0].len), (1, 0, 12));
        assert_eq!(spans[0].hash, content_hash(b"{\"text\":\"a\"}"));
        assert_eq!(spans[1].line, 4);
        let doc = read(&p, spans[1], 1 << 20).expect("read");
        assert_eq!(doc.text, "b");
        // A record edited since it was split is not read under its old hash.
        std::fs::write(&p, "{\"text\":\"a\"}\r\n\n  \n{\"text\":\"c\"}").expect("write");
        assert!(read(&p, spans[1], 1 << 20)
            .unwrap_err()
            .contains("changed while"));
    }

    #[test]
    fn records_with_the_same_bytes_are_numbered_in_order() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("r.jsonl");
        let a = "{\"text\":\"a\"}";
        std::fs::write(&p, format!("{a}\n{{\"text\":\"b\"}}\n{a}\r\n{a}")).expect("write");
        let spans = split(&p).expect("split");
        let repeats: Vec<u32> = spans.iter().map(|s| s.repeat).collect();
        assert_eq!(repeats, [0, 0, 1, 2]);
        assert_eq!(spans[0].hash, spans[3].hash);
        // What the index stores them under: file and content, not line.
        let names: Vec<String> = spans
            .iter()
            .map(|s| crate::corpus::record_name("r.jsonl", s))
            .collect();
        let a_hash = format!("{:016x}", spans[0].hash);
        assert_eq!(names[0], format!("r.jsonl#@{a_hash}"));
        assert_eq!(names[2], format!("r.jsonl#@{a_hash}.1"));
        assert!(names.iter().all(|n| crate::corpus::is_record_name(n)));
        assert!(!crate::corpus::is_record_name("r.jsonl#3"));
    }

    #[test]
    fn binary_files_are_refused_whole() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("r.jsonl");
        let utf16: Vec<u8> = "{\"text\":\"a\"}\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        std::fs::write(&p, utf16).expect("write");
        let e = split(&p).unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::InvalidData);
        assert!(e.to_string().contains("NUL bytes"), "{e}");
    }
}
