//! Tables of counts for people: `podium speakers` per speaker and per
//! outlet. A heading line (how many, and for what query), then a dim
//! header and one row per entry: the passage count right-aligned, then the
//! columns, each padded to its widest cell but the last.
//!
//! One printer that takes columns, so that the speaker and the outlet
//! tables (which differ only in their columns) cannot come to differ in
//! layout.

use std::io::{self, Write};

use super::sanitize;
use super::style::Style;
use super::text;

/// One column after the passage count.
pub struct Column {
    /// The header's word.
    pub head: &'static str,
    /// The narrowest the column is: the header's width where the header
    /// must fit, else 0 (a header wider than every cell then sticks out,
    /// as it always has for `speaker`).
    pub min: usize,
    /// Whether the cells are bold (the name the row is about).
    pub bold: bool,
    /// The cells, one per row, as the text has them (sanitized here).
    pub cells: Vec<String>,
}

/// Prints `counts.len()` rows of `noun`s: `19 speakers` (or `… with
/// passages matching "QUERY"`), then, when there are any, a blank line,
/// the header and the rows.
pub fn counts(
    out: &mut impl Write,
    style: &Style,
    noun: &str,
    query: &str,
    counts: &[u64],
    columns: &[Column],
) -> io::Result<()> {
    let n = counts.len();
    let s = if n == 1 { "" } else { "s" };
    if query.trim().is_empty() {
        writeln!(out, "{n} {noun}{s}")?;
    } else {
        writeln!(
            out,
            "{n} {noun}{s} with passages matching {}",
            text::quote_query(query)
        )?;
    }
    if n == 0 {
        return Ok(());
    }
    let widths: Vec<usize> = columns
        .iter()
        .map(|c| {
            c.cells
                .iter()
                .map(|x| x.chars().count())
                .max()
                .unwrap_or(0)
                .max(c.min)
        })
        .collect();
    let last = columns.len().saturating_sub(1);
    let mut head = format!("{:>8}", "passages");
    for (i, c) in columns.iter().enumerate() {
        head.push_str("  ");
        if i == last {
            head.push_str(c.head);
        } else {
            head.push_str(&format!("{:<w$}", c.head, w = widths[i]));
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", style.dim(&head))?;
    for (row, count) in counts.iter().enumerate() {
        let mut line = format!("{count:>8}");
        for (i, c) in columns.iter().enumerate() {
            let cell = &c.cells[row];
            let shown = sanitize(cell);
            line.push_str("  ");
            if c.bold {
                line.push_str(&style.bold(&shown));
            } else {
                line.push_str(&shown);
            }
            if i != last {
                let pad = widths[i].saturating_sub(cell.chars().count());
                line.push_str(&" ".repeat(pad));
            }
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}
