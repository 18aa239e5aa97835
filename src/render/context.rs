//! A passage with the passages around it: under each hit of `search
//! --context` ([`text`], [`json`]) and as `podium show` prints one passage
//! in its place in the briefing ([`in_place`], [`Shown`]).
//!
//! Which passages are around a hit is the search's business
//! ([`crate::search::context`]); how they look is here, beside the other
//! renderers, so that `cli` only chooses between them.

use std::io::{self, Write};

use serde::Serialize;

use super::style::Style;
use super::{json as json_out, sanitize, text as text_out, Output};
use crate::search::context::Context;
use crate::search::{Results, StoredPassage};
use crate::transcript::Role;

/// Each hit as `json::hits_of` writes it, plus `"context": {"prompt",
/// "before", "after"}` (arrays of passages).
pub fn json(out: &mut impl Write, r: &Results, contexts: &[Context]) -> io::Result<()> {
    for (h, c) in r.hits.iter().zip(contexts) {
        let mut buf = Vec::new();
        json_out::hits_of(&mut buf, std::slice::from_ref(h), r.total)?;
        let mut v: serde_json::Value = serde_json::from_slice(&buf).map_err(io::Error::other)?;
        if let Some(obj) = v.as_object_mut() {
            obj.insert(
                "context".into(),
                serde_json::to_value(c).map_err(io::Error::other)?,
            );
        }
        json_out::line(out, &v)?;
    }
    Ok(())
}

/// Characters of a context passage shown under a hit.
const CONTEXT_CHARS: usize = 300;

pub fn text(
    out: &mut impl Write,
    output: &Output,
    query: &str,
    r: &Results,
    contexts: &[Context],
) -> io::Result<()> {
    let style = &output.style;
    text_out::results_with(out, style, output.width, query, r, |out, i| {
        let Some(c) = contexts.get(i) else {
            return Ok(());
        };
        if !c.prompt.is_empty() {
            let label = if c.prompt.iter().any(|p| p.role == Role::Journalist) {
                "question"
            } else {
                "previous turn"
            };
            for p in &c.prompt {
                context_line(out, style, label, p)?;
            }
        }
        for p in &c.before {
            context_line(out, style, "before", p)?;
        }
        for p in &c.after {
            context_line(out, style, "after", p)?;
        }
        Ok(())
    })
}

/// `    ↳ question · ThePaper.cn · journalist · 1b4169d3ecc85148` and the
/// passage's text, shortened, on the next line.
fn context_line(
    out: &mut impl Write,
    style: &Style,
    label: &str,
    p: &StoredPassage,
) -> io::Result<()> {
    writeln!(
        out,
        "    {} {} · {} · {}",
        style.dim(&format!("↳ {label}")),
        style.bold(&sanitize(&p.speaker)),
        p.role,
        style.dim(&p.id)
    )?;
    writeln!(
        out,
        "      {}",
        sanitize(&text_out::shorten(&p.text, CONTEXT_CHARS))
    )
}

/// `podium show --json`: one object, the passage and its neighbours.
#[derive(Serialize)]
pub struct Shown<'a> {
    pub passage: &'a StoredPassage,
    pub before: &'a [StoredPassage],
    pub after: &'a [StoredPassage],
}

/// The briefing (title, date, file), then each passage with its speaker,
/// role, line and id; the one asked for marked with `▶`.
pub fn in_place(
    out: &mut impl Write,
    style: &Style,
    p: &StoredPassage,
    before: &[StoredPassage],
    after: &[StoredPassage],
) -> io::Result<()> {
    if let Some(t) = &p.title {
        writeln!(out, "{}", style.bold(&sanitize(t)))?;
    }
    let date = p
        .date
        .map_or_else(|| "date unknown".to_string(), |d| d.to_string());
    let mut place = format!("{date} · {}", p.file);
    // A republished passage is dated by the first document it is in; its
    // own file may be a later one.
    let own = p.occurrences.iter().find(|o| o.file == p.file);
    if let Some(o) = own.filter(|o| o.date != p.date) {
        let d = o
            .date
            .map_or_else(|| "date unknown".to_string(), |d| d.to_string());
        place.push_str(&format!(" ({d})"));
    }
    if !p.also_in.is_empty() {
        place.push_str(&format!(" · also in {}", text_out::also_in(p)));
    }
    writeln!(out, "{}", style.dim(&sanitize(&place)))?;
    let all = before
        .iter()
        .map(|q| (false, q))
        .chain(std::iter::once((true, p)))
        .chain(after.iter().map(|q| (false, q)));
    for (me, q) in all {
        writeln!(out)?;
        // The organisation, where the text gives one the speaker is not.
        let head = match q.organisation.as_deref().filter(|o| *o != q.speaker) {
            Some(o) => format!("{} ({}) · {}", sanitize(&q.speaker), sanitize(o), q.role),
            None => format!("{} · {}", sanitize(&q.speaker), q.role),
        };
        let tail = format!("line {} · {}", q.line, q.id);
        if me {
            writeln!(out, "▶  {} · {}", style.bold(&head), style.dim(&tail))?;
        } else {
            writeln!(out, "   {} · {}", head, style.dim(&tail))?;
        }
        writeln!(out, "   {}", sanitize(&q.text))?;
    }
    Ok(())
}
