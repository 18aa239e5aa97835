//! Human-readable output: what a journalist reads in the terminal.
//!
//! ```text
//!  1  Gong Zheng · official · 2024-03-28
//!     SCIO press conference on …
//!     …the Science and Technology Innovation Board (STAR Market) has become…
//!     3f2a9c1b7d4e5f60 · seeds/003_5e6a9a4541243482.txt:121 · also in seeds/000_…
//! ```
//!
//! Colour (bold speaker, highlighted matches, dim metadata) is used only
//! when asked for or when stdout is a terminal; piped output is plain.

use std::io::{self, Write};

use super::sanitize;
use crate::search::{Hit, Results};

/// How to decorate output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    pub fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }

    pub fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }

    pub fn highlight(&self, s: &str) -> String {
        self.paint("1;31", s)
    }
}

/// The snippet with its matched words highlighted, on one line.
pub fn snippet(style: &Style, hit: &Hit) -> String {
    let text = &hit.snippet.text;
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for &(start, end) in &hit.snippet.highlights {
        if start < at
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        out.push_str(&sanitize(&text[at..start]));
        out.push_str(&style.highlight(&sanitize(&text[start..end])));
        at = end;
    }
    out.push_str(&sanitize(&text[at..]));
    let cut_start = !hit.passage.text.starts_with(text.as_str());
    let cut_end = !hit.passage.text.ends_with(text.as_str());
    format!(
        "{}{}{}",
        if cut_start { "…" } else { "" },
        out,
        if cut_end { "…" } else { "" }
    )
}

/// One hit: rank, who, role, when; the briefing; the snippet; where.
pub fn hit(out: &mut impl Write, style: &Style, h: &Hit) -> io::Result<()> {
    let p = &h.passage;
    let date = p
        .date
        .map_or_else(|| "date unknown".to_string(), |d| d.to_string());
    writeln!(
        out,
        "{:>2}  {} · {} · {}",
        h.rank,
        style.bold(&sanitize(&p.speaker)),
        p.role,
        date
    )?;
    if let Some(t) = &p.title {
        writeln!(out, "    {}", style.dim(&sanitize(&shorten(t, 100))))?;
    }
    writeln!(out, "    {}", snippet(style, h))?;
    let mut place = format!("{} · {}:{}", p.id, p.file, p.line);
    if !p.also_in.is_empty() {
        place.push_str(&format!(" · also in {}", p.also_in.join(", ")));
    }
    writeln!(out, "    {}", style.dim(&sanitize(&place)))
}

/// A whole result list, with a count line first.
pub fn results(out: &mut impl Write, style: &Style, query: &str, r: &Results) -> io::Result<()> {
    let shown = r.hits.len();
    writeln!(
        out,
        "{} passage{} match \"{}\"{}",
        r.total,
        if r.total == 1 { "" } else { "s" },
        sanitize(query),
        if shown < r.total {
            format!(" (top {shown})")
        } else {
            String::new()
        }
    )?;
    for h in &r.hits {
        writeln!(out)?;
        hit(out, style, h)?;
    }
    Ok(())
}

/// Cuts `s` to `max` characters at a word boundary, with an ellipsis.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => &cut,
    };
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortens_at_words() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("one two three four", 12), "one two…");
    }
}
