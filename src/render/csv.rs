//! Comma-separated values (RFC 4180): one record per hit, for spreadsheets.
//!
//! The columns are TSV's ([`super::tsv::COLUMNS`]), with a header record.
//! Unlike TSV, CSV has a way to hold any text in a field, so the text is
//! kept as it is rather than escaped: a field containing a comma, a double
//! quote, a carriage return or a line feed is enclosed in double quotes,
//! and its double quotes doubled. Records end with CRLF, as the RFC says
//! (every spreadsheet also reads LF, but some importers only CRLF).
//!
//! Transcript text is untrusted: control characters other than tab, CR and
//! LF (which a quoted field holds as data) are written as visible
//! `\u{..}` escapes, as in every podium output (see [`super::sanitize`]).

use std::io::{self, Write};

use super::tsv::{row, COLUMNS};
use crate::search::Hit;

/// One field, quoted when RFC 4180 requires it.
pub fn field(s: &str) -> String {
    let mut clean = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\t' | '\r' | '\n') || !super::is_unsafe(c) {
            clean.push(c);
        } else {
            clean.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        }
    }
    if clean.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", clean.replace('"', "\"\""))
    } else {
        clean
    }
}

/// Writes the header record and one record per hit.
pub fn hits(out: &mut impl Write, hits: &[Hit]) -> io::Result<()> {
    let mut buf = String::with_capacity(256 * (hits.len() + 1));
    buf.push_str(&COLUMNS.join(","));
    buf.push_str("\r\n");
    for h in hits {
        let fields: Vec<String> = row(h).iter().map(|v| field(v)).collect();
        buf.push_str(&fields.join(","));
        buf.push_str("\r\n");
    }
    out.write_all(buf.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_the_rfc_requires() {
        assert_eq!(field("plain text"), "plain text");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"yes\""), "\"say \"\"yes\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("cr\rhere"), "\"cr\rhere\"");
        assert_eq!(field("tab\tkept"), "tab\tkept");
        assert_eq!(field(""), "");
    }

    #[test]
    fn escapes_controls_that_are_not_line_breaks() {
        assert_eq!(field("x\x1b[2Jy"), "x\\u{1b}[2Jy");
        assert_eq!(field("\u{202e}z, w"), "\"\\u{202e}z, w\"");
    }
}
