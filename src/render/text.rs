//! Human-readable output: what a journalist reads in the terminal.
//!
//! ```text
//! 2 passages match "STAR Market"
//!
//!  1  Gong Zheng   · official · 2024-03-28
//!     SCIO press conference on …
//!     …the Science and Technology Innovation Board (STAR Market) has become…
//!     3f2a9c1b7d4e5f60 · seeds/003_5e6a9a4541243482.txt:121 · also in seeds/000_…
//! ```
//!
//! Speaker, role and date sit in aligned columns (the speaker and role are
//! padded to the widest in the list), so a list of hits reads like a table.
//! With a width (a terminal's), snippets are wrapped under their indent and
//! titles shortened to fit. Colour (bold speaker, highlighted matches, dim
//! metadata; see [`super::style`]) is used only when asked for or when
//! stdout is a terminal; piped output is plain and unwrapped.

use std::io::{self, Write};

use super::sanitize;
pub use super::style::{ColorChoice, Paint, Palette, Style};
use super::wrap::{self, width};
use crate::search::{Hit, Results, StoredPassage};

/// Indent of the lines under a hit's header.
const INDENT: &str = "    ";

/// Speakers wider than this do not widen the column for the others.
const MAX_SPEAKER_COLUMN: usize = 28;

/// Narrowest width podium wraps to; narrower terminals get this.
const MIN_WIDTH: usize = 40;

/// Column widths shared by every hit of a list.
#[derive(Debug, Clone, Copy, Default)]
pub struct Columns {
    pub speaker: usize,
    pub role: usize,
}

impl Columns {
    /// The widths that align `hits`.
    pub fn of(hits: &[Hit]) -> Columns {
        Columns {
            speaker: hits
                .iter()
                .map(|h| width(&sanitize(&h.passage.speaker)))
                .filter(|w| *w <= MAX_SPEAKER_COLUMN)
                .max()
                .unwrap_or(0),
            role: hits
                .iter()
                .map(|h| h.passage.role.as_str().len())
                .max()
                .unwrap_or(0),
        }
    }
}

/// `s` (already painted) followed by spaces up to `column`, given its
/// unpainted width.
fn padded(s: String, w: usize, column: usize) -> String {
    if w >= column {
        s
    } else {
        format!("{s}{}", " ".repeat(column - w))
    }
}

/// Whether the snippet was cut from a longer passage at its start and at
/// its end (there are words before or after it).
fn cuts(passage: &str, snippet: &str) -> (bool, bool) {
    let words = |s: &str| s.chars().any(char::is_alphanumeric);
    match passage.find(snippet) {
        Some(i) => (words(&passage[..i]), words(&passage[i + snippet.len()..])),
        None => (!passage.starts_with(snippet), !passage.ends_with(snippet)),
    }
}

/// The snippet as runs of text and whether each is a matched word, with
/// an ellipsis where the passage goes on.
fn snippet_runs(hit: &Hit) -> Vec<(String, bool)> {
    let text = &hit.snippet.text;
    let mut runs = Vec::new();
    let (cut_start, cut_end) = cuts(&hit.passage.text, text);
    if cut_start {
        runs.push(("…".to_string(), false));
    }
    let mut at = 0;
    for &(start, end) in &hit.snippet.highlights {
        if start < at
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        runs.push((sanitize(&text[at..start]).into_owned(), false));
        runs.push((sanitize(&text[start..end]).into_owned(), true));
        at = end;
    }
    runs.push((sanitize(&text[at..]).into_owned(), false));
    if cut_end {
        // After a sentence's full stop the ellipsis stands apart
        // ("stable. …"); after a word or `。` it follows straight on.
        let apart = text.ends_with(|c: char| c.is_ascii_punctuation() || matches!(c, '”' | '’'));
        runs.push((if apart { " …" } else { "…" }.to_string(), false));
    }
    runs.retain(|r| !r.0.is_empty());
    runs
}

/// The snippet with its matched words highlighted, on one line.
pub fn snippet(style: &Style, hit: &Hit) -> String {
    snippet_runs(hit)
        .into_iter()
        .map(|(s, mark)| if mark { style.highlight(&s) } else { s })
        .collect()
}

/// Writes marked runs under the indent, wrapped to `cols` when given.
fn write_wrapped(
    out: &mut impl Write,
    style: &Style,
    paint: Option<Paint>,
    runs: &[(String, bool)],
    cols: Option<usize>,
) -> io::Result<()> {
    let paint_run = |s: &str, mark: bool| {
        if mark {
            style.highlight(s)
        } else {
            match paint {
                Some(p) => style.paint(p, s),
                None => s.to_string(),
            }
        }
    };
    let Some(cols) = cols else {
        let line: String = runs.iter().map(|(s, m)| paint_run(s, *m)).collect();
        return writeln!(out, "{INDENT}{line}");
    };
    let borrowed: Vec<(&str, bool)> = runs.iter().map(|(s, m)| (s.as_str(), *m)).collect();
    for line in wrap::wrap(&borrowed, cols.saturating_sub(INDENT.len())) {
        let line: String = line.iter().map(|(s, m)| paint_run(s, *m)).collect();
        writeln!(out, "{INDENT}{line}")?;
    }
    Ok(())
}

/// One hit: rank, who, role, when; the briefing; the snippet; where.
pub fn hit(out: &mut impl Write, style: &Style, h: &Hit) -> io::Result<()> {
    hit_in(out, style, Columns::default(), None, h)
}

/// One hit, its columns aligned with the rest of the list and its lines
/// wrapped to `cols` columns when given.
pub fn hit_in(
    out: &mut impl Write,
    style: &Style,
    columns: Columns,
    cols: Option<usize>,
    h: &Hit,
) -> io::Result<()> {
    let cols = cols.map(|c| c.max(MIN_WIDTH));
    let p = &h.passage;
    let pal = &style.palette;
    let speaker = sanitize(&p.speaker);
    let role = p.role.as_str();
    let date = p
        .date
        .map_or_else(|| "date unknown".to_string(), |d| d.to_string());
    writeln!(
        out,
        "{:>2}  {} · {} · {}",
        h.rank,
        padded(
            style.paint(pal.speaker, &speaker),
            width(&speaker),
            columns.speaker
        ),
        padded(style.paint(pal.role, role), role.len(), columns.role),
        style.paint(pal.date, &date)
    )?;
    if let Some(t) = &p.title {
        let max = cols.map_or(100, |c| c.saturating_sub(INDENT.len()));
        writeln!(
            out,
            "{INDENT}{}",
            style.paint(pal.title, &sanitize(&shorten_to_width(t, max)))
        )?;
    }
    write_wrapped(out, style, None, &snippet_runs(h), cols)?;
    let mut place = vec![p.id.clone(), format!("{}:{}", p.file, p.line)];
    if !p.also_in.is_empty() {
        place.push(format!("also in {}", also_in(p)));
    }
    for line in citation_lines(&place, cols.map(|c| c.saturating_sub(INDENT.len()))) {
        writeln!(out, "{INDENT}{}", style.paint(pal.meta, &sanitize(&line)))?;
    }
    Ok(())
}

/// The other documents a republished passage is in, each with its date
/// (`seeds/000.txt (2024-04-08)`): the hit's date is the earliest of all,
/// so the dates say where it was said first and where it came back.
pub fn also_in(p: &StoredPassage) -> String {
    p.also_in
        .iter()
        .map(|f| {
            let date = p
                .occurrences
                .iter()
                .find(|o| &o.file == f)
                .and_then(|o| o.date)
                .map_or_else(|| "date unknown".to_string(), |d| d.to_string());
            format!("{f} ({date})")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The citation's parts (id, file:line, other files) joined with ` · `,
/// starting a new line where the next part would not fit. Parts are never
/// broken: a path must stay whole to be copied.
fn citation_lines(parts: &[String], cols: Option<usize>) -> Vec<String> {
    let Some(cols) = cols else {
        return vec![parts.join(" · ")];
    };
    let mut lines: Vec<String> = Vec::new();
    for part in parts {
        match lines.last_mut() {
            Some(line) if width(line) + 3 + width(part) <= cols => {
                line.push_str(" · ");
                line.push_str(part);
            }
            _ => lines.push(part.clone()),
        }
    }
    lines
}

/// A whole result list, with a count line first.
pub fn results(out: &mut impl Write, style: &Style, query: &str, r: &Results) -> io::Result<()> {
    results_in(out, style, None, query, r)
}

/// A whole result list wrapped to `cols` columns when given.
pub fn results_in(
    out: &mut impl Write,
    style: &Style,
    cols: Option<usize>,
    query: &str,
    r: &Results,
) -> io::Result<()> {
    results_with(out, style, cols, query, r, |_, _| Ok(()))
}

/// A whole result list, with `under(out, i)` writing more lines under the
/// `i`th hit (`search --context` writes the question and the neighbours
/// there). One function for every text result list, so that the count
/// line, the aligned columns and the wrapping are the same with and
/// without context.
pub fn results_with<W: Write>(
    out: &mut W,
    style: &Style,
    cols: Option<usize>,
    query: &str,
    r: &Results,
    mut under: impl FnMut(&mut W, usize) -> io::Result<()>,
) -> io::Result<()> {
    let shown = r.hits.len();
    writeln!(
        out,
        "{} {} {}{}",
        r.total,
        if r.total == 1 {
            "passage matches"
        } else {
            "passages match"
        },
        quote_query(query),
        match (r.hits.first(), r.hits.last()) {
            // A page further on (`--offset`): which ranks these are.
            (Some(first), Some(last)) if first.rank > 1 => {
                format!(" ({}–{})", first.rank, last.rank)
            }
            _ if shown > 0 && shown < r.total => format!(" (top {shown})"),
            _ => String::new(),
        }
    )?;
    let columns = Columns::of(&r.hits);
    for (i, h) in r.hits.iter().enumerate() {
        writeln!(out)?;
        hit_in(out, style, columns, cols, h)?;
        under(out, i)?;
    }
    Ok(())
}

/// The query as a header line echoes it, sanitised and quoted so that it
/// reads as one thing: `"STAR Market"`; a query with double quotes of its
/// own in single quotes, as a shell takes it (`'market "capital market"'`,
/// not `"market "capital market""`); with both kinds, in curly quotes.
pub fn quote_query(query: &str) -> String {
    let q = sanitize(query);
    match (q.contains('"'), q.contains('\'')) {
        (false, _) => format!("\"{q}\""),
        (true, false) => format!("'{q}'"),
        (true, true) => format!("\u{201c}{q}\u{201d}"),
    }
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

/// Cuts `s` to `max` display columns (Han characters take two), at a word
/// boundary when there is one, with an ellipsis.
pub fn shorten_to_width(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut cut = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = width(c.encode_utf8(&mut [0; 4]));
        if w + cw + 1 > max {
            break;
        }
        cut.push(c);
        w += cw;
    }
    let cut = match cut.rfind(' ') {
        Some(i) if i > cut.len() / 2 => cut[..i].to_string(),
        _ => cut,
    };
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_quoted_once() {
        assert_eq!(quote_query("STAR Market"), "\"STAR Market\"");
        assert_eq!(
            quote_query(r#"market "capital market""#),
            r#"'market "capital market"'"#
        );
        assert_eq!(
            quote_query(r#"Xi's "five centers""#),
            "\u{201c}Xi's \"five centers\"\u{201d}"
        );
        assert_eq!(quote_query("a\x1b[2J"), "\"a\\u{1b}[2J\"");
    }

    #[test]
    fn shortens_at_words() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("one two three four", 12), "one two…");
        assert_eq!(shorten_to_width("one two three four", 12), "one two…");
        let zh = shorten_to_width("临江市人民政府新闻办公室举行发布会", 11);
        assert_eq!(zh, "临江市人民…");
        assert!(width(&zh) <= 11);
    }

    #[test]
    fn citations_break_between_parts() {
        let parts = [
            "3f2a9c1b7d4e5f60".to_string(),
            "seeds/003.txt:121".to_string(),
        ];
        assert_eq!(
            citation_lines(&parts, None),
            ["3f2a9c1b7d4e5f60 · seeds/003.txt:121"]
        );
        assert_eq!(
            citation_lines(&parts, Some(36)),
            ["3f2a9c1b7d4e5f60 · seeds/003.txt:121"]
        );
        assert_eq!(
            citation_lines(&parts, Some(30)),
            ["3f2a9c1b7d4e5f60", "seeds/003.txt:121"]
        );
    }

    #[test]
    fn ellipses_only_where_words_were_cut() {
        assert_eq!(
            cuts("科创板上市企业怎样保障？", "科创板上市企业怎样保障"),
            (false, false)
        );
        assert_eq!(cuts("Well, the port grew.", "the port grew"), (true, false));
        assert_eq!(cuts("The port grew fast", "The port grew"), (false, true));
    }
}
