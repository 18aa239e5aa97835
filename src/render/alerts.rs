//! What `podium watch check` prints: per saved search, the passages that
//! are new for it, for people (text) and for programs (JSON lines, TSV).
//!
//! The hits are written as `podium search` writes them, with the saved
//! search's name in front (a `watch` key in JSON, a first `watch` column in
//! TSV), so a script that reads search output reads alerts too; the same
//! escaping applies (see [`super::json`], [`super::tsv`]).

use std::io::{self, Write};

use serde::Serialize;

use super::json::{self, JsonHit};
use super::text::{self, Columns};
use super::{sanitize, tsv, Format, Output};
use crate::watch::{Report, Watch};

#[derive(Serialize)]
struct Alert<'a> {
    watch: &'a str,
    #[serde(flatten)]
    hit: JsonHit<'a>,
}

/// Writes the reports in `o.format` (CSV is written as TSV is, with commas:
/// see [`super::csv`]). Nothing when `o.quiet`. `header` writes TSV's
/// header row (only when there is a row under it).
pub fn reports(
    out: &mut impl Write,
    o: &Output,
    reports: &[Report],
    header: bool,
) -> io::Result<()> {
    if o.quiet {
        return Ok(());
    }
    match o.format {
        Format::Text => text_reports(out, o, reports),
        Format::Json => {
            for r in reports {
                for h in &r.results.hits {
                    json::line(
                        out,
                        &Alert {
                            watch: &r.watch.name,
                            hit: JsonHit::of_total(h, r.results.total),
                        },
                    )?;
                }
            }
            Ok(())
        }
        Format::Tsv | Format::Csv => {
            let mut buf = String::new();
            let any = reports.iter().any(|r| !r.results.hits.is_empty());
            if header && any {
                buf.push_str("watch\t");
                buf.push_str(&tsv::COLUMNS.join("\t"));
                buf.push('\n');
            }
            for r in reports {
                for h in &r.results.hits {
                    buf.push_str(&tsv::field(&r.watch.name));
                    for v in tsv::row(h) {
                        buf.push('\t');
                        buf.push_str(&tsv::field(&v));
                    }
                    buf.push('\n');
                }
            }
            out.write_all(buf.as_bytes())
        }
    }
}

fn text_reports(out: &mut impl Write, o: &Output, reports: &[Report]) -> io::Result<()> {
    for (i, r) in reports.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let n = r.results.total;
        let what = match n {
            0 => "nothing new".to_string(),
            1 => "1 new passage".to_string(),
            n => format!("{n} new passages"),
        };
        writeln!(
            out,
            "{}: {what} for {}",
            o.style.bold(&sanitize(&r.watch.name)),
            sanitize(&r.watch.describe())
        )?;
        let columns = Columns::of(&r.results.hits);
        for h in &r.results.hits {
            writeln!(out)?;
            text::hit_in(out, &o.style, columns, o.width, h)?;
        }
    }
    Ok(())
}

/// The saved searches as `podium watch list` shows them: one per line,
/// name, the search as `podium search` flags, and when last checked.
pub fn list(out: &mut impl Write, o: &Output, watches: &[Watch]) -> io::Result<()> {
    if o.quiet {
        return Ok(());
    }
    if o.format == Format::Json {
        for w in watches {
            json::line(out, w)?;
        }
        return Ok(());
    }
    if watches.is_empty() {
        writeln!(
            out,
            "no saved searches: `podium watch add NAME QUERY` saves one"
        )?;
    }
    let width = watches.iter().map(|w| w.name.len()).max().unwrap_or(0);
    for w in watches {
        let checked = match &w.checked {
            Some(t) => format!("checked {t}"),
            None => "never checked".to_string(),
        };
        writeln!(
            out,
            "{:width$}  {}  {}",
            o.style.bold(&w.name),
            sanitize(&w.describe()),
            o.style.dim(&format!("({checked})")),
            width = width + o.style.bold("").len()
        )?;
    }
    Ok(())
}
