//! Tab-separated values: one row per hit, for `cut`, `awk`, spreadsheets
//! and data frames.
//!
//! The first row names the columns. Fields never contain a raw tab or line
//! break: as in the "linear TSV" convention, a backslash, tab, newline or
//! carriage return inside a field is written `\\`, `\t`, `\n`, `\r`, and
//! other control characters as `\u{..}` (see [`super::sanitize`]), so every
//! hit is exactly one line and untrusted text cannot reach a terminal raw.

use std::io::{self, Write};

use super::sanitize;
use crate::search::Hit;

/// The columns, in order.
pub const COLUMNS: [&str; 13] = [
    "rank",
    "score",
    "date",
    "speaker",
    "role",
    "speaker_title",
    "title",
    "file",
    "line",
    "id",
    "also_in",
    "text",
    // Added after the first columns were fixed: appended, so that scripts
    // that cut by column number keep working.
    "organisation",
];

/// Escapes one field.
pub fn field(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    sanitize(&out).into_owned()
}

/// One hit's values, unescaped, in [`COLUMNS`] order: the one place that
/// says what each column holds, so TSV and CSV (which escape differently)
/// cannot drift apart when a column is added.
pub fn row(h: &Hit) -> [String; COLUMNS.len()] {
    let p = &h.passage;
    [
        h.rank.to_string(),
        format!("{:.4}", h.score),
        p.date.map(|d| d.to_string()).unwrap_or_default(),
        p.speaker.clone(),
        p.role.as_str().to_string(),
        p.speaker_title.clone().unwrap_or_default(),
        p.title.clone().unwrap_or_default(),
        p.file.clone(),
        p.line.to_string(),
        p.id.clone(),
        p.also_in.join(", "),
        p.text.clone(),
        p.organisation.clone().unwrap_or_default(),
    ]
}

/// Writes the header row and one row per hit.
pub fn hits(out: &mut impl Write, hits: &[Hit]) -> io::Result<()> {
    let mut buf = String::with_capacity(256 * (hits.len() + 1));
    buf.push_str(&COLUMNS.join("\t"));
    buf.push('\n');
    for h in hits {
        let fields: Vec<String> = row(h).iter().map(|v| field(v)).collect();
        buf.push_str(&fields.join("\t"));
        buf.push('\n');
    }
    out.write_all(buf.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_never_hold_tabs_or_line_breaks() {
        assert_eq!(field("a\tb\nc\\d\re"), "a\\tb\\nc\\\\d\\re");
        assert_eq!(field("x\x1b[2Jy"), "x\\u{1b}[2Jy");
    }
}
