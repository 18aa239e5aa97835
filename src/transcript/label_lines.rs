//! Which lines of a hard-wrapped document open a turn of their own.
//!
//! Unwrapping ([`super::text::split`]) joins a line to the one above when
//! the sentence goes on; a speaker label at the start of a line must stop
//! that, or the label is buried inside the previous speaker's paragraph
//! (`… what would it take? CHAIR ALVAREZ. So, we look at …`) and the answer
//! is credited to the reporter who asked. A label seen on its own says
//! little (`JAMES KOVAC.` could be capitals in a sentence); the document's
//! habit says more: when several of its lines open with a name in capitals
//! and the same punctuation (`CHAIR ALVAREZ.`, `MARIA ONDAATJE.`), another
//! line that opens so is a label too, also right after a page footer.

use std::collections::HashMap;

use super::label;
use super::name;

/// How many lines must open with capitals and a full stop (or a colon)
/// before the document counts as written in that style.
const STYLE_LINES: usize = 3;

/// The label habits of one document, measured on its lines.
#[derive(Debug, Default)]
pub struct LabelLines {
    /// The document writes its labels `NAME SURNAME.` (three lines or more).
    period_style: bool,
    /// The document writes its labels `NAME:` in capitals.
    colon_style: bool,
    /// Labels that open two lines or more, folded.
    recurring: HashMap<String, usize>,
}

/// A line's opening label when it is in capitals: the label and whether it
/// ends with a full stop.
fn capital_label(line: &str) -> Option<(&str, bool)> {
    let first = line.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    let c = label::candidate(line)?;
    let capitals = c.label.chars().any(char::is_alphabetic)
        && !c.label.chars().any(char::is_lowercase)
        && c.label.chars().count() <= 40;
    // One word and a full stop is too often a sentence in capitals
    // ("OK. So …"): a period label names a person, first name and last.
    let words = c.label.split_whitespace().count();
    (capitals && (!c.period || words >= 2)).then_some((c.label, c.period))
}

impl LabelLines {
    /// Measures the habits of `text` (normalized), line by line.
    pub fn of(text: &str) -> LabelLines {
        let (mut periods, mut colons) = (0, 0);
        let mut recurring: HashMap<String, usize> = HashMap::new();
        for line in text.lines() {
            let Some((l, period)) = capital_label(line.trim()) else {
                continue;
            };
            if period {
                periods += 1;
            } else {
                colons += 1;
            }
            *recurring.entry(name::fold(l)).or_default() += 1;
        }
        recurring.retain(|_, n| *n >= 2);
        LabelLines {
            period_style: periods >= STYLE_LINES,
            colon_style: colons >= STYLE_LINES,
            recurring,
        }
    }

    /// Whether `line` opens a turn by the document's habit: its label in
    /// capitals is one the document uses again, or is written in the
    /// document's label style.
    pub fn opens(&self, line: &str) -> bool {
        if !(self.period_style || self.colon_style || !self.recurring.is_empty()) {
            return false;
        }
        let Some((l, period)) = capital_label(line.trim()) else {
            return false;
        };
        (if period {
            self.period_style
        } else {
            self.colon_style
        }) || self.recurring.contains_key(&name::fold(l))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "CHAIR ALVAREZ. Good afternoon. We remain focused on
our goals.
MARIA ONDAATJE. Thank you. Maria Ondaatje, Daily Ledger. What would
it take?
CHAIR ALVAREZ. So, we look at a wide range of data.
JAMES KOVAC. Hi, James Kovac with Wire Service. On the balance sheet,
U.S. Treasury holdings have grown.
";

    #[test]
    fn a_period_style_document_opens_turns_at_its_labels() {
        let l = LabelLines::of(PAGE);
        assert!(l.opens("VICTOR LANE. Thanks. Victor Lane, Coastal Times."));
        assert!(l.opens("CHAIR ALVAREZ. No."));
        // Initialisms and one word in capitals are prose.
        assert!(!l.opens("U.S. Treasury holdings have grown."));
        assert!(!l.opens("OK. So we will see."));
        assert!(!l.opens("our goals."));
    }

    #[test]
    fn one_label_in_capitals_is_not_a_style() {
        let l = LabelLines::of("The report said:\nSTART II. It was signed.\nAnd then\n");
        assert!(!l.opens("NEW START. It was signed."));
        // A colon label that recurs is the document's, whatever the style.
        let l = LabelLines::of("HARGREAVES:\nWe will.\nQUESTION:\nWhy?\nHARGREAVES: No.\n");
        assert!(l.opens("HARGREAVES: Because."));
    }
}
