//! [`Hit`](crate::Hit)s and transcripts → bytes for people ([`text`]) and
//! for programs ([`json`], [`tsv`], [`csv`]); saved searches' reports
//! ([`alerts`]) and feeds ([`atom`]); passages around a hit
//! ([`context`]); tables of counts ([`table`]); colours ([`style`]), wrapping
//! ([`wrap`]) and the indexing progress bar ([`progress`]).
//!
//! Transcript text is untrusted: a page can carry terminal escape sequences.
//! Everything printed goes through [`sanitize`], so no control character
//! from an index ever reaches a terminal raw.

pub mod alerts;
pub mod atom;
pub mod context;
pub mod csv;
pub mod json;
pub mod progress;
pub mod style;
pub mod table;
pub mod text;
pub mod tsv;
pub mod wrap;

use std::io::{self, IsTerminal, Write};

use crate::search::Results;
use style::Style;

/// Replaces control characters and bidirectional overrides with their
/// visible `\u{..}` escape: an `ESC[2J` in a transcript prints as
/// `\u{1b}[2J` instead of clearing the screen, an OSC-8 hyperlink cannot
/// fake a link, a C1 `CSI` (U+009B) cannot start a sequence on terminals
/// that obey 8-bit controls, and a right-to-left override cannot reorder
/// what is shown. Tabs and line breaks are escaped too: every piece of
/// untrusted text stays on the line it was printed on.
pub fn sanitize(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Makes a line of JSON safe for a terminal. serde_json escapes C0
/// controls in strings but writes DEL, the C1 controls and bidirectional
/// overrides as they are; this escapes those as `\uXXXX` too, which is the
/// same JSON value. Such characters can only occur inside strings (JSON's
/// own syntax is ASCII), so replacing them anywhere is safe.
pub fn json_safe(json: String) -> String {
    if !json.chars().any(is_unsafe) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// A character that must not reach a terminal raw: a control character or
/// a bidirectional override.
pub(crate) fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// How search results are written (`--format`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Ranked hits for people: speaker, role, date, title, snippet, citation.
    #[default]
    Text,
    /// One JSON object per hit, one per line.
    Json,
    /// A header row, then one tab-separated row per hit.
    Tsv,
    /// A header record, then one RFC 4180 record per hit (for spreadsheets).
    Csv,
}

/// Everything that decides what search output looks like.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Output {
    pub format: Format,
    pub style: Style,
    /// Columns to wrap text output to; `None` leaves lines whole.
    pub width: Option<usize>,
    /// Write nothing: only the exit code tells (`--quiet`).
    pub quiet: bool,
}

/// The width of the terminal stdout is, if it is one.
pub fn terminal_width() -> Option<usize> {
    let stdout = io::stdout();
    if !stdout.is_terminal() {
        return None;
    }
    terminal_size::terminal_size_of(&stdout).map(|(w, _)| usize::from(w.0))
}

/// Writes search results in the chosen format.
pub fn results(out: &mut impl Write, o: &Output, query: &str, r: &Results) -> io::Result<()> {
    if o.quiet {
        return Ok(());
    }
    match o.format {
        Format::Text => text::results_in(out, &o.style, o.width, query, r),
        Format::Json => json::hits_of(out, &r.hits, r.total),
        Format::Tsv => tsv::hits(out, &r.hits),
        Format::Csv => csv::hits(out, &r.hits),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_control_characters() {
        assert_eq!(sanitize("plain"), "plain");
        assert_eq!(sanitize("a\x1b[2Jb\n"), "a\\u{1b}[2Jb\\u{a}");
        assert_eq!(sanitize("\u{202e}x"), "\\u{202e}x");
        assert_eq!(sanitize("\u{9b}2J"), "\\u{9b}2J");
        assert_eq!(
            sanitize("\x1b]8;;http://x.example\x1b\\link\x1b]8;;\x1b\\"),
            "\\u{1b}]8;;http://x.example\\u{1b}\\link\\u{1b}]8;;\\u{1b}\\"
        );
    }

    #[test]
    fn json_keeps_its_value_and_loses_raw_controls() {
        let value = "a\u{7f}b\u{9b}2J\u{202e}c\x1b[2J";
        let json = json_safe(serde_json::to_string(value).expect("json"));
        assert!(json.is_ascii(), "{json}");
        assert!(!json.bytes().any(|b| b < 0x20 || b == 0x7f), "{json}");
        let back: String = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(back, value);
    }
}
