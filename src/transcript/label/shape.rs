//! Reading a paragraph's opening as a label candidate by shape alone:
//! `Name:`, `CAPITALS.` and a full stop, a bare `Q` or `A`, a stray colon
//! after an honorific, Markdown emphasis around a label, a name in
//! capitals alone on its line.
//!
//! Separate from [`super::score`]: a shape is necessary, never sufficient.

use super::super::{name, prefix};
use super::kind_of;
use super::parliament;
use super::pattern::{BARE_QA, COLON_LABEL, HEARING_LABEL, PERIOD_LABEL, STRAY_COLON, TIMED_LABEL};
use super::{Candidate, LabelKind};

/// Whether `label` has a label's shape: short, no sentence punctuation,
/// words written as names are (capitals, particles, an outlet's domain).
pub(super) fn label_shaped(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    let chars = label.chars().count();
    // A parliament's record makes labels long (`Hon. Maria Tessier
    // (Deputy Prime Minister and Minister of Finance, Lib.)`): the length
    // of a name only binds labels without that record.
    let record = (words.len() > 9 || chars > 70)
        && chars <= 120
        && label.contains('(')
        && parliament::house(label).is_some();
    if words.is_empty() || (!record && (words.len() > 9 || chars > 70)) {
        return false;
    }
    if label.contains(['?', '!', ';', '"', '\u{201c}', '\u{201d}', '…']) {
        return false;
    }
    let first = label.chars().next().unwrap_or(' ');
    // A surname that opens with its particle, as it is written mid-name
    // ("Luis de Guindos" → `de Guindos:`, "Ursula von der Leyen" → `von
    // der Leyen:`): lower case, then a capitalised word.
    let particle_led = words.len() >= 2
        && is_particle(words[0])
        && words[1..]
            .iter()
            .find(|w| !is_particle(w))
            .is_some_and(|w| w.starts_with(char::is_uppercase));
    if !(first.is_uppercase() || name::is_cjk(first) || first.is_ascii_digit() || particle_led) {
        return false;
    }
    // Parenthesised asides ("Reporter (in English)", "Q (Reuters)") and
    // "Name, Outlet" are allowed; anything else after a comma is a sentence.
    let head = label.split('(').next().unwrap_or(label);
    head.split(',').count() <= 2
}

/// The particles a surname can open with, written in lower case.
fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "del"
            | "della"
            | "di"
            | "da"
            | "das"
            | "do"
            | "dos"
            | "du"
            | "des"
            | "van"
            | "von"
            | "der"
            | "den"
            | "ter"
            | "ten"
            | "le"
            | "la"
            | "al"
            | "el"
            | "bin"
            | "ibn"
    )
}

/// Reads a paragraph's opening as a label candidate, by shape alone.
/// Markdown emphasis around the label (`**Name:**`, `__Q:__`) is read
/// through.
pub fn candidate(par: &str) -> Option<Candidate<'_>> {
    // Caption chevrons and timestamps before the label (see `prefix`).
    let par = prefix::strip(par);
    if let Some((label, rest)) = prefix::bracketed(par) {
        if label_shaped(label) && opens_text(rest) {
            return Some(Candidate {
                label,
                rest,
                kind: kind_of(label),
                period: false,
            });
        }
    }
    let inner = par
        .strip_prefix("**")
        .or_else(|| par.strip_prefix("__"))
        .or_else(|| par.strip_prefix(['*', '_']))
        .unwrap_or(par);
    let mut c = shape(inner)?;
    if inner.len() != par.len() {
        c.label = c.label.trim_end_matches(['*', '_']).trim_end();
        c.rest = c
            .rest
            .trim_start_matches(['*', '_', ':', '：'])
            .trim_start();
        if c.label.is_empty() {
            return None;
        }
    }
    Some(c)
}

/// A speaker's name in capitals alone on its line, with no colon, as PDF
/// exports and some transcription services print turns (`DANA ORTIZ`,
/// then the speech on the following lines). Only the shape is checked
/// here: headings have it too (`OPENING REMARKS`), so the parser accepts
/// such a line only with more evidence than a colon label needs (see
/// `Parser::find_labels`).
pub fn alone(par: &str) -> Option<Candidate<'_>> {
    let t = par.trim();
    let words = t.split_whitespace().count();
    let shaped = (1..=5).contains(&words)
        && t.chars().count() <= 50
        && t.chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '\u{2019}' | '-'))
        && t.starts_with(char::is_uppercase)
        && !t.ends_with('-');
    (shaped && label_shaped(t)).then(|| Candidate {
        label: t,
        rest: "",
        kind: kind_of(t),
        period: false,
    })
}

/// Whether text opens as a turn's text does: a capital, a digit, a quote,
/// a bracket or a dash (not a lower-case continuation).
pub(super) fn opens_text(rest: &str) -> bool {
    rest.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || "\"'“‘(—-[*_".contains(c) || name::is_cjk(c)
    })
}

pub(super) fn shape(par: &str) -> Option<Candidate<'_>> {
    // Cheap tests first: most paragraphs are speech, and each regex below
    // only applies to paragraphs that open in a particular way.
    let first = par.chars().next()?;
    let head = match par.char_indices().nth(125) {
        Some((i, _)) => &par[..i],
        None => par,
    };
    let colon = head.contains([':', '：']);
    if !colon && !first.is_uppercase() {
        return None;
    }
    if matches!(first, 'Q' | 'A') {
        if let Some(c) = bare_qa(par) {
            return Some(c);
        }
    }
    let first_word = head.split_whitespace().next().unwrap_or("");
    // `Mr. JONES. Thank you: …`: the full stop ends this label, before
    // any colon further on.
    if first.is_uppercase()
        && first_word.chars().any(char::is_lowercase)
        && name::is_title_word(first_word)
    {
        if let Some(c) = hearing_label(par) {
            return Some(c);
        }
    }
    if colon {
        if let Some(c) = colon_label(par) {
            return Some(c);
        }
    }
    if first.is_uppercase() && !first_word.chars().any(char::is_lowercase) {
        return period_label(par);
    }
    None
}

pub(super) fn bare_qa(par: &str) -> Option<Candidate<'_>> {
    if let Some(c) = BARE_QA.captures(par) {
        let (Some(l), Some(rest)) = (c[1], c[4]) else {
            return None;
        };
        let sep = c[2];
        let spaces = c[3].map(str::len);
        // "A.M. tomorrow", "Q. R. Smith": an initial after the full stop
        // means the letter was an abbreviation, not a label.
        let b = rest.as_bytes();
        let initial_after = sep == Some(".")
            && b.first().is_some_and(u8::is_ascii_uppercase)
            && b.get(1) == Some(&b'.');
        // A bare "A" is the article far more often than an answer: only
        // two or more spaces after it (a typeset gap) make it a label.
        let ok = !initial_after
            && match (l, spaces) {
                (_, None) => sep == Some(":") || opens_text(rest),
                ("Q", Some(_)) => opens_text(rest),
                (_, Some(n)) => n >= 2 && opens_text(rest),
            };
        if ok {
            return Some(Candidate {
                label: l,
                rest,
                kind: kind_of(l),
                period: false,
            });
        }
    }
    None
}

/// `Mr. JONES.`, `Chairman SMITH.`: words of office in mixed case, a
/// surname in capitals, a full stop (see `pattern::HEARING_LABEL`).
pub(super) fn hearing_label(par: &str) -> Option<Candidate<'_>> {
    let c = HEARING_LABEL.captures(par)?;
    let (Some(label), Some(rest)) = (c[1], c[2]) else {
        return None;
    };
    let words: Vec<&str> = label.split_whitespace().collect();
    let mixed = words
        .iter()
        .take_while(|w| w.chars().any(char::is_lowercase) && name::is_title_word(w))
        .count();
    let titled = mixed > 0
        && words
            .get(mixed)
            .is_some_and(|w| parliament::capitals_surname(w));
    let opens = rest.starts_with(|ch: char| ch.is_uppercase() || "\"'“‘(".contains(ch));
    (titled && opens).then(|| Candidate {
        label,
        rest,
        kind: kind_of(label),
        period: true,
    })
}

pub(super) fn colon_label(par: &str) -> Option<Candidate<'_>> {
    if let Some(c) = TIMED_LABEL.captures(par) {
        if let (Some(l), Some(rest)) = (c[1], c[2]) {
            let label = l.trim();
            if label_shaped(label) && parliament::house(label).is_some() {
                return Some(Candidate {
                    label,
                    rest,
                    kind: kind_of(label),
                    period: false,
                });
            }
        }
    }
    if let Some(c) = STRAY_COLON.captures(par) {
        if let (Some(l), Some(rest)) = (c[1], c[2]) {
            return Some(Candidate {
                label: l,
                rest,
                kind: LabelKind::Named,
                period: false,
            });
        }
    }
    if let Some(c) = COLON_LABEL.captures(par) {
        let (Some(l), Some(rest)) = (c[1], c[2]) else {
            return None;
        };
        let label = l.trim();
        // A time ("10:30") or a ratio is not a label.
        let digit_after = rest.starts_with(|ch: char| ch.is_ascii_digit())
            && label.ends_with(|ch: char| ch.is_ascii_digit());
        if label_shaped(label) && !digit_after {
            return Some(Candidate {
                label,
                rest,
                kind: kind_of(label),
                period: false,
            });
        }
    }
    None
}

pub(super) fn period_label(par: &str) -> Option<Candidate<'_>> {
    if let Some(c) = PERIOD_LABEL.captures(par) {
        let (Some(label), Some(rest)) = (c[1], c[2]) else {
            return None;
        };
        let opens = rest.starts_with(|ch: char| ch.is_uppercase() || "\"'“‘(".contains(ch));
        if opens && label.chars().filter(|ch| ch.is_alphabetic()).count() >= 3 {
            return Some(Candidate {
                label,
                rest,
                kind: kind_of(label),
                period: true,
            });
        }
    }
    None
}
