//! [`Hit`](crate::Hit)s and transcripts → bytes for people ([`text`]) and
//! for programs ([`json`], [`tsv`]); colours ([`style`]), wrapping
//! ([`wrap`]) and the indexing progress bar ([`progress`]).
//!
//! Transcript text is untrusted: a page can carry terminal escape sequences.
//! Everything printed goes through [`sanitize`], so no control character
//! from an index ever reaches a terminal raw.

pub mod json;
pub mod progress;
pub mod style;
pub mod text;
pub mod tsv;
pub mod wrap;

use std::io::{self, IsTerminal, Write};

use crate::search::Results;
use style::Style;

/// Replaces control characters (other than none) with their visible
/// `\u{..}` escape: an `ESC[2J` in a transcript prints as `\u{1b}[2J`
/// instead of clearing the screen.
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

fn is_unsafe(c: char) -> bool {
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
        Format::Json => json::hits(out, &r.hits),
        Format::Tsv => tsv::hits(out, &r.hits),
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
    }
}
