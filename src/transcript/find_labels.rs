//! Finding a document's turn labels: which paragraphs open with a label,
//! weighed with what the whole document shows (how often a label recurs,
//! whether labels are in capitals or end in a full stop, names alone on
//! their line) and what the document and the corpus know about people.
//! Also the quick tests used before the paragraphs exist: whether a wrapped
//! line opens a label of its own ([`starts_new`]), and whether a header
//! line is already a label ([`quick_label`]).
//!
//! Separate from [`super::label`], which reads one line's candidate label
//! and scores it; this module is the document-level pass over them.

use std::collections::HashMap;

use super::label::{self, Candidate, LabelKind};
use super::{date, furniture, name, people, Header, Parser};

/// Whether a line that would be joined to the line above (the line above
/// was full, as hard-wrapped text is) opens something of its own: a label
/// in capitals or a `Q`, a label alone on its line, a date line, an end
/// marker or a time of day. A mixed-case `Name:` at the start of a wrapped
/// line is far more often the sentence going on ("… of the Daily / Caller:
/// Interior announced …").
pub(super) fn starts_new(line: &str) -> bool {
    let first = line.chars().next().unwrap_or(' ');
    if (first.is_ascii_digit() || line.starts_with("END") || line.starts_with(['#', '(', '-', '*']))
        && furniture::reason(line).is_some()
    {
        return true;
    }
    if line.len() <= 60 && line.contains(|c: char| c.is_ascii_digit()) && date::is_date_line(line) {
        return true;
    }
    // Only a line that opens as a label can be one: a capital (or `Q`,
    // Han script, emphasis) first, and a colon or a full stop early on.
    let head = line.get(..line.len().min(80)).unwrap_or(line);
    let opens = first.is_uppercase() || name::is_cjk(first) || matches!(first, '*' | '_');
    if !opens || !(head.contains([':', '：', '.']) || line.starts_with(['Q', 'A'])) {
        return false;
    }
    let Some(c) = label::candidate(line) else {
        return false;
    };
    let capitals = !c.label.chars().any(char::is_lowercase);
    let confident = match c.kind {
        LabelKind::Named => label::score(&c, &label::Context::default()) >= label::ACCEPT,
        _ => !c.period,
    };
    confident && (capitals || c.rest.trim().is_empty())
}

/// Whether a line opens with a label that needs no help from the rest of
/// the document (`MS. PSAKI:`, `Q`, `Harbour Radio:`).
pub(super) fn quick_label(line: &str) -> bool {
    label::candidate(line).is_some_and(|c| {
        let ctx = label::Context {
            capitals_style: true,
            ..label::Context::default()
        };
        label::score(&c, &ctx) >= label::ACCEPT
    })
}

impl<'a> Parser<'a> {
    /// Finds accepted labels: `labels[i]` is the candidate opening paragraph
    /// `i`, if it is read as a label.
    pub(super) fn find_labels(&mut self) -> Vec<Option<Candidate<'a>>> {
        let n = self.paras.len();
        let mut cands: Vec<Option<Candidate<'a>>> = vec![None; n];
        let mut counts: HashMap<String, usize> = HashMap::new();
        let mut period_counts: HashMap<String, usize> = HashMap::new();
        let mut capital_titles = 0;
        // Candidates that are a name in capitals alone, without a colon.
        let mut alone = vec![false; n];
        for (i, slot) in cands.iter_mut().enumerate() {
            if self.furniture[i].is_some()
                || matches!(
                    self.header[i],
                    Some(
                        Header::Roster
                            | Header::Person
                            | Header::Metadata
                            | Header::Date
                            | Header::Dateline
                    )
                )
            {
                continue;
            }
            let found = label::candidate(&self.paras[i].text).or_else(|| {
                let c = label::alone(&self.paras[i].text)?;
                alone[i] = true;
                Some(c)
            });
            if let Some(c) = found {
                let key = label::family(c.label);
                if c.period {
                    *period_counts.entry(key.clone()).or_default() += 1;
                }
                *counts.entry(key).or_default() += 1;
                if c.kind == LabelKind::Named
                    && !c.period
                    && !c.label.chars().any(char::is_lowercase)
                    && c.label.split_whitespace().any(name::is_title_word)
                {
                    capital_titles += 1;
                }
                *slot = Some(c);
            }
        }
        let period_style = period_counts.values().filter(|&&n| n >= 2).sum::<usize>() >= 3;
        // A parliament's record: some label carries a member's record or
        // names the presiding officer.
        let sitting = cands.iter().flatten().any(|c| {
            (c.label.contains('(') && label::house(c.label).is_some()) || {
                let p = people::parts(c.label);
                p.name.is_empty() && label::presiding(&p.office, p.honorific.is_some(), p.the)
            }
        });
        // Names alone on their line are this document's labels when one
        // of them opens several turns, each followed by text.
        let text_after = |i: usize| {
            (i + 1..n)
                .find(|&j| self.furniture[j].is_none())
                .is_some_and(|j| cands[j].is_none())
        };
        let alone_style = (0..n).any(|i| {
            alone[i]
                && text_after(i)
                && cands[i].is_some_and(|c| {
                    c.kind == LabelKind::Named
                        && counts.get(&label::family(c.label)).copied().unwrap_or(0) >= 2
                        && name::looks_like_person(c.label)
                })
        });
        let mut out = vec![None; n];
        let mut known: HashMap<String, bool> = HashMap::new();
        for i in 0..n {
            let Some(c) = cands[i] else { continue };
            let follows = if c.rest.trim().is_empty() {
                match self.next_text(i) {
                    Some(t) => t,
                    None => continue, // a label with nothing after it
                }
            } else {
                c.rest
            };
            let folded = name::fold(c.label);
            let known_name = c.kind == LabelKind::Named
                && *known.entry(folded.clone()).or_insert_with(|| {
                    // A name the document or the corpus knows, a label the
                    // corpus has seen, or an office the title's person
                    // holds ("Prime Minister:" under "Prime Minister
                    // Alistair Wren's statement").
                    let p = people::parts(c.label);
                    self.people.knows(&p.name)
                        || self.initials_holder(&p).is_some()
                        || self.people.known_alias(&folded)
                        || (p.name.is_empty()
                            && !p.office.is_empty()
                            && self.people.office_holder(&p, &[]).is_some())
                });
            let ctx = label::Context {
                known_name,
                occurrences: counts.get(&label::family(c.label)).copied().unwrap_or(0),
                capitals_style: capital_titles >= 2,
                question_follows: follows.contains('?') || follows.contains('？'),
                period_style,
                sitting,
            };
            // A line alone without a colon is a label only in a document
            // written so, before text, and when its name recurs, is known,
            // or asks a question (a reporter who asks once); a role word
            // (`MODERATOR`, `QUESTION`) in such a document. Headings
            // (`OPENING REMARKS`) meet none of these.
            let alone_ok = !alone[i]
                || (alone_style
                    && text_after(i)
                    && match c.kind {
                        LabelKind::Named => {
                            ctx.known_name
                                || (name::looks_like_person(c.label)
                                    && (ctx.occurrences >= 2 || ctx.question_follows))
                        }
                        _ => true,
                    });
            if alone_ok && label::score(&c, &ctx) >= label::ACCEPT {
                out[i] = Some(c);
            }
        }
        self.anonymous_reporters = out.iter().flatten().any(|c| c.kind == LabelKind::Reporter);
        out
    }
}
