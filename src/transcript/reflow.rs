//! Putting a text layer's lines back into sentences.
//!
//! PDF text layers and OCR output break every line where the page did:
//! at a fixed width (a sentence goes on below), inside a word (`com-` /
//! `fortable`), and they spell out headings the typesetter letter-spaced
//! (`T R A N S C R I P T`). A search engine needs the sentence back: a phrase
//! that crossed a line break (`"balance sheet has grown"`) must match, and a
//! passage must not end in the middle of a word. Each decision here is
//! taken on evidence the document itself gives (how wide its lines are,
//! whether its wrapped lines go on in lower case, which words it writes
//! elsewhere), never on a list of words.

use std::borrow::Cow;
use std::collections::HashMap;

/// Widths above this are not hard wrapping: those documents put one
/// paragraph on each line.
pub const MAX_WRAP_WIDTH: usize = 100;

/// Reads a letter-spaced heading as words: `T R A N S C R I P T` is
/// `TRANSCRIPT`, `P R E S S   C O N F E R E N C E` (words apart by two
/// spaces or more) is `PRESS CONFERENCE`. A line qualifies only when every
/// token is one character and there are at least four of them, so `Q A`,
/// `A B C` and initials in a name (`J. R. SMITH`) are left alone.
pub fn unspace(line: &str) -> Cow<'_, str> {
    let tokens = line.split(' ').filter(|t| !t.is_empty());
    let mut singles = 0;
    for t in tokens {
        let mut chars = t.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphanumeric() || c == '&' => singles += 1,
            _ => return Cow::Borrowed(line),
        }
    }
    if singles < 4 {
        return Cow::Borrowed(line);
    }
    let words: Vec<String> = line
        .split("  ")
        .map(|group| group.split(' ').collect::<String>())
        .filter(|w| !w.is_empty())
        .collect();
    Cow::Owned(words.join(" "))
}

/// Whether a line ends a sentence: a full stop, question or exclamation
/// mark, perhaps inside closing quotes or brackets.
pub fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ']'])
        .ends_with(['.', '?', '!', '。', '？', '！', '…'])
}

/// Whether a wrapped line goes on below in lower case: the strongest sign a
/// document was hard-wrapped, since a paragraph never opens so.
fn continues_in_lower_case(prev: &str, next: &str) -> bool {
    let len = prev.chars().count();
    (30..=MAX_WRAP_WIDTH).contains(&len)
        && !ends_sentence(prev)
        && !prev.ends_with([':', '：'])
        && next.chars().next().is_some_and(char::is_lowercase)
}

/// Finds the width a document was hard-wrapped at, if it was.
///
/// A wrapped document has many lines of about the same, modest length; its
/// 95th-percentile line length (over lines long enough to have wrapped) is
/// the wrap width. A short document (a page or two of a PDF) has too few
/// lines for that measure alone; there, lines that go on in lower case
/// below them (two or more) show the wrapping, and the same percentile of
/// its lines gives the width.
pub fn wrap_width(lines: &[&str]) -> Option<usize> {
    let mut lens: Vec<usize> = lines
        .iter()
        .map(|l| l.chars().count())
        .filter(|&n| n >= 40)
        .collect();
    if lens.len() < 8 {
        let continued = lines
            .windows(2)
            .filter(|w| continues_in_lower_case(w[0], w[1]))
            .count();
        if continued < 2 || lens.len() < 2 {
            return None;
        }
    }
    lens.sort_unstable();
    let p95 = lens[lens.len() * 95 / 100];
    (p95 <= MAX_WRAP_WIDTH).then_some(p95)
}

/// Whether `next` goes on the paragraph whose last line is `prev`, in a
/// document wrapped at `width`: the next line's first word would not have
/// fitted on the line above (the break was the wrapper's, not the
/// author's); or the line above stopped in the middle of a word or of a
/// sentence (a hyphen; no sentence end, with the next line in lower case
/// or the line above nearly full). Proportional fonts make character counts
/// only a rough measure of "full", so the sentence's own shape counts as
/// much. The caller has already ruled out lines that open something of
/// their own (a label, a date line).
pub fn continues(prev: &str, next: &str, width: usize) -> bool {
    let prev_len = prev.chars().count();
    // A line well over the width was not wrapped (a title).
    if prev_len > width + 10 {
        return false;
    }
    if hyphenated_break(prev, next) {
        return true;
    }
    let open_sentence = !ends_sentence(prev) && !prev.ends_with([':', '：']);
    if open_sentence && next.chars().next().is_some_and(char::is_lowercase) {
        return true;
    }
    // A nearly full line that stops on a comma or a word: the sentence
    // goes on below. (Short lines that stop so are headings.)
    if open_sentence && prev_len * 10 >= width * 6 && prev_len >= 30 {
        return true;
    }
    let next_word = next.split(' ').next().unwrap_or("").chars().count();
    prev_len + 1 + next_word > width.saturating_sub(4)
}

/// A line that ends in a word broken by a hyphen (`com-`) with the word's
/// end on the next line.
fn hyphenated_break(prev: &str, next: &str) -> bool {
    let Some(head) = prev.strip_suffix('-') else {
        return false;
    };
    head.chars().next_back().is_some_and(char::is_alphabetic)
        && !head.ends_with('-')
        && next.chars().next().is_some_and(char::is_alphanumeric)
}

/// The words a document writes, for telling a word broken at a line end
/// (`com-` / `fortable`) from a compound written with a hyphen
/// (`well-` / `known`). Built only when a document has such a break.
#[derive(Debug, Default)]
pub struct Vocabulary {
    /// Lower-cased words and hyphenated compounds as written on one line
    /// (`well-known`), with how often each is written.
    words: HashMap<String, usize>,
}

impl Vocabulary {
    /// The words of `lines`.
    pub fn of<'l>(lines: impl IntoIterator<Item = &'l str>) -> Vocabulary {
        let mut words: HashMap<String, usize> = HashMap::new();
        for line in lines {
            for w in line.split(|c: char| !(c.is_alphabetic() || c == '-')) {
                let w = w.trim_matches('-');
                if w.chars().count() >= 2 {
                    *words.entry(w.to_lowercase()).or_default() += 1;
                }
            }
        }
        Vocabulary { words }
    }

    /// Whether the document writes `w` at least `times` times.
    fn has(&self, w: &str, times: usize) -> bool {
        self.words
            .get(&w.to_lowercase())
            .is_some_and(|&n| n >= times)
    }
}

/// Appends line `next` to paragraph text `text`, which it continues.
///
/// A word broken across the lines is joined: `com-` / `fortable` is
/// `comfortable`. The hyphen stays when it is part of the word: the next
/// part opens in a capital or digit (`COVID-` / `19`, `pre-` / `Budget`),
/// the document writes the compound with its hyphen elsewhere, or both
/// parts are words the document writes on their own (`well-` / `known`)
/// and not the word joined. `vocabulary` is asked only for such a break.
pub fn append<'v>(text: &mut String, next: &str, vocabulary: &mut impl FnMut() -> &'v Vocabulary) {
    if !hyphenated_break(text, next) {
        text.push(' ');
        text.push_str(next);
        return;
    }
    let head: String = {
        let body = &text[..text.len() - 1];
        let start = body
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(body.len(), |(i, _)| i);
        body[start..].to_string()
    };
    let tail: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    let keep = next.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || {
        let v = vocabulary();
        let joined = format!("{head}{tail}");
        // The halves are written once at the break itself: a half is a
        // word of the document when it is written again elsewhere.
        v.has(&format!("{head}-{tail}"), 1)
            || (!v.has(&joined, 1) && v.has(&head, 2) && v.has(&tail, 2))
    };
    if !keep {
        text.pop();
    }
    text.push_str(next);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_spaced_headings_read_as_words() {
        assert_eq!(unspace("T R A N S C R I P T"), "TRANSCRIPT");
        assert_eq!(
            unspace("P R E S S  C O N F E R E N C E"),
            "PRESS CONFERENCE"
        );
        for kept in ["Q A", "A B C", "J. R. SMITH", "I am here", "PM: A B C D"] {
            assert_eq!(unspace(kept), kept, "{kept}");
        }
    }

    fn joined(lines: &[&str], words: &str) -> String {
        let v = Vocabulary::of(words.lines().chain(lines.iter().copied()));
        let mut text = lines[0].to_string();
        for l in &lines[1..] {
            append(&mut text, l, &mut || &v);
        }
        text
    }

    #[test]
    fn broken_words_join_and_compounds_keep_their_hyphen() {
        assert_eq!(
            joined(&["we are com-", "fortable with that"], "we are here"),
            "we are comfortable with that"
        );
        // Both halves are words of the document, the whole is not.
        assert_eq!(
            joined(&["a well-", "known rule"], "well, it is known"),
            "a well-known rule"
        );
        // The document writes the compound with its hyphen elsewhere.
        assert_eq!(
            joined(&["the by-", "election"], "the by-election was held"),
            "the by-election"
        );
        // It writes the word whole elsewhere: the hyphen was the break's.
        assert_eq!(
            joined(&["a co-", "operative"], "co operative cooperative"),
            "a cooperative"
        );
        assert_eq!(joined(&["COVID-", "19 cases"], ""), "COVID-19 cases");
        assert_eq!(joined(&["rates,", "and more"], ""), "rates, and more");
        // A dash between words is not a broken word.
        assert_eq!(joined(&["so --", "we left"], ""), "so -- we left");
    }

    #[test]
    fn wrapped_lines_go_on_and_short_or_finished_ones_do_not() {
        let w = 78;
        assert!(continues("Is the balance sheet has grown", "a worry?", w));
        assert!(continues(
            "JAMES KOVAC. Hi, James Kovac with Wire Service. On the balance sheet,",
            "U.S. Treasury holdings have grown.",
            w
        ));
        assert!(continues("and we are com-", "fortable with that.", w));
        assert!(!continues(
            "Thank you. I look forward to questions.",
            "Next.",
            w
        ));
        assert!(!continues("Harbour Port Authority", "Media Briefing", w));
        assert!(!continues("HARGREAVES:", "The Government has lost", w));
    }

    #[test]
    fn short_documents_show_their_wrapping_by_lower_case_continuations() {
        let lines = [
            "CHAIR ALVAREZ. Good afternoon. My colleagues and I remain squarely focused on",
            "our goals.",
            "JAMES KOVAC. Hi, James Kovac with Wire Service. On the balance sheet,",
            "U.S. Treasury holdings have grown. Is the balance sheet has grown",
            "a worry?",
        ];
        assert_eq!(wrap_width(&lines), Some(77));
        // One paragraph per line, each a sentence: not wrapped.
        let unwrapped = [
            "MS. ORTIZ: Good morning, everyone, and welcome to the briefing today.",
            "Q: Thank you. Will the ferries run on time this winter, do you think?",
            "MS. ORTIZ: They will, and we will publish the timetable on Monday.",
        ];
        assert_eq!(wrap_width(&unwrapped), None);
    }
}
