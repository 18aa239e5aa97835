//! Raw text → clean lines → paragraphs.
//!
//! Transcripts arrive as they were published: non-breaking spaces where the
//! typesetter wanted a gap, zero-width joiners inside words, editor markup
//! tokens glued to labels (`_ueditor_page_break_tag_Economic Daily:`), CRLF
//! line ends, and either one paragraph per line or paragraphs hard-wrapped at
//! a fixed width with blank lines between them. Everything downstream wants
//! one thing: a list of [`Paragraph`]s with their source line, whatever the
//! layout was.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::reflow;

/// One paragraph of the source, after unwrapping.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Paragraph {
    /// The paragraph's text: trimmed, runs of spaces kept (a bare `A` label
    /// followed by two spaces is told from the article "A" by them).
    pub text: String,
    /// 1-based line number of the paragraph's first line in the source.
    pub line: usize,
}

/// Editor markup tokens such as `_ueditor_page_break_tag_`: underscores
/// around snake_case words. They are never words of speech.
static MARKUP_TOKEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"_[A-Za-z]+(?:_[A-Za-z]+)+_").expect("static regex"));

/// Stray HTML tags left by copy-paste (`<br>`, `</p>`, `<span class=...>`).
static HTML_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"</?(?:br|p|span|div|b|i|strong|em|font|u|sup|sub)\b[^<>]*>").expect("static regex")
});

/// Maps the characters that publishers use for spacing to an ASCII space and
/// drops invisible ones, so that labels and dates match whatever the page's
/// typography was.
pub fn normalize(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let mut out = String::with_capacity(raw.len());
    // Copy runs of ordinary text at once; only the characters below are
    // rewritten. ASCII is checked byte by byte, other characters decoded.
    let bytes = raw.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (c, len) = if b < 0x80 {
            if (b >= 0x20 && b != 0x7f) || b == b'\n' {
                i += 1;
                continue;
            }
            (b as char, 1)
        } else {
            match raw[i..].chars().next() {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        let replacement: Option<&str> = match c {
            '\r' => Some(if bytes.get(i + 1) == Some(&b'\n') {
                ""
            } else {
                "\n"
            }),
            '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\t' => {
                Some(" ")
            }
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => Some(""),
            // Other control characters (escape sequences, bells) are never
            // text; dropping them here keeps them out of the index and out
            // of every terminal podium prints to.
            c if c.is_control() && c != '\n' => Some(""),
            _ => None,
        };
        if let Some(r) = replacement {
            out.push_str(&raw[run..i]);
            out.push_str(r);
            run = i + len;
        }
        i += len;
    }
    out.push_str(&raw[run..]);
    if out.contains('_') {
        out = MARKUP_TOKEN.replace_all(&out, "").into_owned();
    }
    if out.contains('<') {
        out = HTML_TAG.replace_all(&out, "").into_owned();
    }
    if !out.is_ascii() {
        out = join_padded_han_names(&out);
    }
    out
}

/// Whether `c` is a Han character (not kana or Hangul, whose names are
/// not padded).
fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff)
}

/// Takes out the space Chinese pages put inside a two-character name to
/// pad it to the width of three (`王　毅`, `李　强` in rosters and labels):
/// the name is `王毅`. A pair is padding when it stands alone: one Han
/// character, spaces (already ASCII: see [`normalize`]), one Han
/// character, with no Han character on either side, in a line short
/// enough to be a roster entry or heading, or directly before a label's
/// colon (`王　毅：…`). A title and a name (`局长　王　毅`) keep their
/// separating space; prose, whose words are not spaced, is left alone.
fn join_padded_han_names(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (n, line) in s.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let chars: Vec<char> = line.chars().collect();
        let short = chars.len() <= 60;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            out.push(c);
            if !is_han(c) || (i > 0 && is_han(chars[i - 1])) {
                i += 1;
                continue;
            }
            let gap = chars[i + 1..].iter().take_while(|&&g| g == ' ').count();
            let j = i + 1 + gap;
            let padded = (1..=2).contains(&gap)
                && chars.get(j).is_some_and(|&d| is_han(d))
                && !chars.get(j + 1).is_some_and(|&e| is_han(e))
                && (short || matches!(chars.get(j + 1), Some(':' | '：')));
            if padded {
                out.push(chars[j]);
                i = j + 1;
            } else {
                i += 1;
            }
        }
    }
    out
}

/// Splits normalized text into paragraphs.
///
/// Blank lines always separate paragraphs. Inside a block of non-blank lines,
/// a hard-wrapped document joins a line to the next when the next line's
/// first word would not have fitted on it (the break was the wrapper's, not
/// the author's). A line well over the wrap width (a title) takes no
/// continuation, and a line that `starts_new` says opens something of its
/// own (a speaker label, a date line, an end marker) is never joined; the
/// caller is only asked about lines that would otherwise be joined, so that
/// a label-shaped line which merely continues a sentence (`… from Dana Ortiz
/// of the Harbour Times: to follow up …`) can be told apart by the caller.
/// Documents that are not wrapped keep each line as its own paragraph.
pub fn paragraphs(text: &str, starts_new: impl Fn(&str) -> bool) -> Vec<Paragraph> {
    split(text, starts_new).paragraphs
}

/// A document cut into paragraphs, and the running page headers and
/// footers taken out of it.
#[derive(Debug, Clone, Default)]
pub struct Split {
    pub paragraphs: Vec<Paragraph>,
    /// Lines a paged document repeats on every page: they are not text,
    /// and a paragraph that runs across a page break runs across them.
    pub page_lines: Vec<Paragraph>,
}

/// Lines that repeat three times or more and are not sentences: a paged
/// document's running header or footer ("March 20, 2024  Chair Halvorsen's
/// Press Conference  FINAL"). A line counts when it carries a date or page
/// number and four words, wherever it falls (a page break inside a
/// paragraph), or when it always stands alone between blank lines and has
/// a digit or five words; short replies ("Thank you") never count, nor do
/// the lines of a text that happens to be printed three times.
fn page_lines<'t>(lines: &[&'t str]) -> std::collections::HashSet<&'t str> {
    // line → (occurrences, occurrences standing alone)
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if l.len() < 8 || l.len() > 120 {
            continue;
        }
        let alone =
            (i == 0 || lines[i - 1].is_empty()) && lines.get(i + 1).is_none_or(|n| n.is_empty());
        // Only lines standing alone or carrying a digit can qualify; the
        // lines of wrapped paragraphs are not even counted.
        if !alone && !l.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let e = counts.entry(l).or_default();
        e.0 += 1;
        e.1 += usize::from(alone);
    }
    let found: std::collections::HashSet<&str> = counts
        .into_iter()
        .filter(|(l, (n, alone))| {
            let words = l.split_whitespace().count();
            let digit = l.contains(|c: char| c.is_ascii_digit());
            *n >= 3
                && !l.ends_with([
                    '.', '?', '!', '"', '\u{201d}', ')', ']', '。', '？', '！', '）',
                ])
                && !l.starts_with(['(', '[', '*', '（'])
                && !l.contains([':', '：'])
                && ((digit && words >= 4) || (*alone == *n && (digit || words >= 5)))
        })
        .map(|(l, _)| l)
        .collect();
    // A page has a header and a footer; many different repeated lines
    // mean the text itself was printed more than once.
    if found.len() > 3 {
        return std::collections::HashSet::new();
    }
    found
}

/// A page number on its own line: `12`, `Page 3 of 25`, `- 4 -`, `3/25`.
/// Three numbers (`2024/03/28`, `28/03/2024`) are a date, not a page.
fn is_page_number(line: &str) -> bool {
    let mut numbers = 0;
    for tok in line.split(|c: char| c.is_whitespace() || c == '/') {
        if tok.is_empty() {
            continue;
        }
        if tok.chars().all(|c| c.is_ascii_digit()) && tok.len() <= 4 {
            numbers += 1;
        } else if !matches!(
            tok.to_ascii_lowercase().as_str(),
            "page" | "of" | "-" | "–" | "—" | "p." | "pg"
        ) {
            return false;
        }
    }
    (1..=2).contains(&numbers)
}

/// Splits normalized text into paragraphs (see [`paragraphs`]), taking out
/// running page headers and footers. A paragraph runs on across them (and
/// across the blank lines around them), as a sentence runs on across a
/// page break; letter-spaced headings are read as words and words broken
/// at a line end are joined ([`reflow`]).
pub fn split(text: &str, starts_new: impl Fn(&str) -> bool) -> Split {
    let spaced: Vec<std::borrow::Cow<'_, str>> =
        text.lines().map(|l| reflow::unspace(l.trim())).collect();
    let lines: Vec<&str> = spaced.iter().map(AsRef::as_ref).collect();
    let width = reflow::wrap_width(&lines);
    let repeated = page_lines(&lines);
    let vocabulary: std::cell::OnceCell<reflow::Vocabulary> = std::cell::OnceCell::new();
    let mut words = || vocabulary.get_or_init(|| reflow::Vocabulary::of(lines.iter().copied()));
    let mut page: Vec<Paragraph> = Vec::new();
    let mut out: Vec<Paragraph> = Vec::new();
    // The last line of the last paragraph, while that paragraph may take
    // more lines.
    let mut open: Option<&str> = None;
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() {
            if page.last().is_none_or(|p| p.line != i) {
                open = None;
            }
            continue;
        }
        if repeated.contains(line) || is_page_number(line) {
            page.push(Paragraph {
                text: (*line).to_string(),
                line: i + 1,
            });
            continue;
        }
        let join = match (open, width) {
            (Some(prev), Some(w)) => reflow::continues(prev, line, w) && !starts_new(line),
            _ => false,
        };
        match out.last_mut() {
            Some(prev) if join => reflow::append(&mut prev.text, line, &mut words),
            _ => out.push(Paragraph {
                text: (*line).to_string(),
                line: i + 1,
            }),
        }
        open = width.map(|_| *line);
    }
    Split {
        paragraphs: out,
        page_lines: page,
    }
}

/// Collapses runs of whitespace to one space: the form passages are stored
/// and compared in.
pub fn collapse_spaces(s: &str) -> String {
    let clean = !s.starts_with(char::is_whitespace)
        && !s.ends_with(char::is_whitespace)
        && !s
            .as_bytes()
            .windows(2)
            .any(|w| w[0].is_ascii_whitespace() && (w[1].is_ascii_whitespace() || w[0] != b' '));
    if clean && s.is_ascii() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Number of whitespace-separated words: a cheap count for heuristics
/// that only compare against thresholds.
pub fn rough_word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Number of words, as a reader counts them: runs of letters and digits,
/// joined across an apostrophe, full stop or comma between two of them
/// (`Shanghai's`, `U.S`, `37,000`), each Han character a word of its own.
///
/// This matches UAX #29 word boundaries on the text briefings contain, at a
/// fraction of the cost: it runs on every paragraph, twice per indexing run,
/// and feeds thresholds and passage splitting.
pub fn word_count(s: &str) -> usize {
    count_words(s, usize::MAX)
}

/// Whether `s` has at least `n` words (as [`word_count`] counts them),
/// stopping as soon as it knows: thresholds need no exact count.
pub fn has_words(s: &str, n: usize) -> bool {
    count_words(s, n) >= n
}

/// Byte classes for [`count_words`]: ASCII letters and digits, the ASCII
/// characters that join two words' halves (`'`, `.`, `,`), other ASCII, and
/// bytes of non-ASCII characters.
const OTHER: u8 = 0;
const ALNUM: u8 = 1;
const JOINER: u8 = 2;
const NON_ASCII: u8 = 3;

static BYTE_CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            NON_ASCII
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else if c == b'\'' || c == b'.' || c == b',' {
            JOINER
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// [`word_count`], stopping at `limit`. ASCII is read a byte at a time
/// through a class table, runs of letters and of spaces in tight loops:
/// this runs on every paragraph and passage, twice per indexing run.
fn count_words(s: &str, limit: usize) -> usize {
    let bytes = s.as_bytes();
    let n = bytes.len();
    let mut count = 0;
    let mut in_word = false;
    let mut i = 0;
    // Whether the character at `at` continues a word after a joiner: a
    // letter or digit, not Han.
    let word_char_at = |at: usize| -> bool {
        match bytes.get(at) {
            None => false,
            Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
            Some(_) => s[at..]
                .chars()
                .next()
                .is_some_and(|n| n.is_alphanumeric() && !super::name::is_cjk(n)),
        }
    };
    while i < n {
        match BYTE_CLASS[usize::from(bytes[i])] {
            ALNUM => {
                if !in_word {
                    count += 1;
                    if count >= limit {
                        return count;
                    }
                    in_word = true;
                }
                i += 1;
                while i < n && BYTE_CLASS[usize::from(bytes[i])] == ALNUM {
                    i += 1;
                }
            }
            OTHER => {
                in_word = false;
                i += 1;
                while i < n && BYTE_CLASS[usize::from(bytes[i])] == OTHER {
                    i += 1;
                }
            }
            JOINER => {
                in_word = in_word && word_char_at(i + 1);
                i += 1;
            }
            _ => {
                let c = s[i..].chars().next().unwrap_or(' ');
                let len = c.len_utf8();
                if super::name::is_cjk(c) {
                    count += 1;
                    if count >= limit {
                        return count;
                    }
                    in_word = false;
                } else if c.is_alphanumeric() {
                    if !in_word {
                        count += 1;
                        if count >= limit {
                            return count;
                        }
                    }
                    in_word = true;
                } else {
                    in_word = in_word && c == '\u{2019}' && word_char_at(i + len);
                }
                i += len;
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The character-by-character count [`word_count`] replaced.
    fn reference_word_count(s: &str) -> usize {
        let mut count = 0;
        let mut in_word = false;
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_ascii() {
                if c.is_ascii_alphanumeric() {
                    count += usize::from(!in_word);
                    in_word = true;
                    continue;
                }
            } else if crate::transcript::name::is_cjk(c) {
                count += 1;
                in_word = false;
                continue;
            } else if c.is_alphanumeric() {
                count += usize::from(!in_word);
                in_word = true;
                continue;
            }
            let joins = matches!(c, '\'' | '\u{2019}' | '.' | ',')
                && in_word
                && chars
                    .peek()
                    .is_some_and(|n| n.is_alphanumeric() && !crate::transcript::name::is_cjk(*n));
            if !joins {
                in_word = false;
            }
        }
        count
    }

    #[test]
    fn word_count_counts_as_before() {
        const PARTS: &[&str] = &[
            "a",
            "Z",
            "7",
            "é",
            "ß",
            "中",
            "国",
            "'",
            "\u{2019}",
            ".",
            ",",
            " ",
            "-",
            "\n",
            "U.S.",
            "37,000",
            "Shanghai's",
            "\u{a0}",
            "，",
            "１",
            "😀",
            "\u{301}",
            "x.中",
            "a'é",
        ];
        let mut rng = crate::generate::Rng::new(3);
        for _ in 0..20_000 {
            let len = rng.below(30);
            let s: String = (0..len).map(|_| *rng.pick(PARTS)).collect();
            let n = reference_word_count(&s);
            assert_eq!(word_count(&s), n, "{s:?}");
            for k in 0..n + 2 {
                assert_eq!(has_words(&s, k), n >= k, "{s:?} {k}");
            }
        }
    }

    #[test]
    fn normalize_maps_spaces_and_drops_markup() {
        let s =
            normalize("\u{feff}_ueditor_page_break_tag_Daily:\u{a0}\r\nCOVID-\u{2060}19\x1b[2J");
        assert_eq!(s, "Daily: \nCOVID-19[2J");
    }

    #[test]
    fn unwraps_hard_wrapped_blocks_but_not_short_lines() {
        let mut text = String::new();
        for _ in 0..5 {
            text.push_str("MS. X:  the quick brown fox jumps over the lazy dog and\n");
            text.push_str("keeps running through the field until the sun goes down\n");
            text.push_str("again.\n\n");
        }
        text.push_str("Go ahead.\nQ  Thank you.\n");
        let ps = paragraphs(&text, |l| l.starts_with("Q "));
        assert_eq!(ps.len(), 7);
        assert!(ps[0].text.ends_with("sun goes down again."));
        assert_eq!(ps[5].text, "Go ahead.");
        assert_eq!(ps[6].text, "Q  Thank you.");
        assert_eq!(ps[6].line, 22);
    }

    #[test]
    fn word_count_follows_word_boundaries() {
        use unicode_segmentation::UnicodeSegmentation;
        for s in [
            "Shanghai's 37,000 firms, U.S. officials; sci-tech (STAR Market) — 9.5%!",
            "Gómez said: «ça va» naïve café",
            "上海证券交易所科创板 and 5 more",
            "",
            "  spaced   out  ",
        ] {
            assert_eq!(word_count(s), s.unicode_words().count(), "{s}");
        }
    }

    #[test]
    fn padding_inside_two_character_han_names_is_taken_out() {
        for (raw, want) in [
            ("王\u{3000}毅：谢谢主持人。", "王毅：谢谢主持人。"),
            ("外交部部长\u{3000}王\u{3000}毅", "外交部部长 王毅"),
            ("国务院总理 李　强", "国务院总理 李强"),
            ("主持人：白　冰", "主持人：白冰"),
            ("李  强:", "李强:"),
            // A title and a three-character name keep their space; two
            // words of two characters are not a padded name.
            ("局长\u{3000}韩立新", "局长 韩立新"),
            ("好的 谢谢", "好的 谢谢"),
            // Kana and Hangul are not padded so.
            ("김 철", "김 철"),
        ] {
            assert_eq!(normalize(raw), want, "{raw}");
        }
        // Prose is left as it is, a label's name aside.
        let long = format!("他说 王 毅 {}", "在发布会上说".repeat(12));
        assert_eq!(normalize(&long), long);
    }

    #[test]
    fn collapse_spaces_normalises_whitespace() {
        assert_eq!(collapse_spaces("a  b\tc\nd "), "a b c d");
        assert_eq!(collapse_spaces("plain text"), "plain text");
        assert_eq!(collapse_spaces(" lead"), "lead");
    }

    #[test]
    fn running_page_headers_are_taken_out() {
        let mut text = String::new();
        for page in 1..=3 {
            text.push_str("March 20, 2024   Chair Halvorsen's Press Conference   FINAL\n\n");
            text.push_str("CHAIR HALVORSEN. The committee decided to leave rates unchanged,\n");
            text.push_str("and it will keep them there for as long as inflation stays above\n");
            text.push_str(&format!("the goal of two percent, page {page}.\n\n"));
            text.push_str("Thank you\n\n");
        }
        let s = split(&text, |_| false);
        assert_eq!(s.page_lines.len(), 3);
        assert_eq!(s.page_lines[0].line, 1);
        assert!(s.paragraphs.iter().all(|p| !p.text.contains("FINAL")));
        assert_eq!(
            s.paragraphs
                .iter()
                .filter(|p| p.text == "Thank you")
                .count(),
            3
        );
    }

    #[test]
    fn unwrapped_documents_keep_one_paragraph_per_line() {
        let ps = paragraphs("Title\nSpeaker:\nA long line.\n\nNext", |_| false);
        let texts: Vec<_> = ps.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["Title", "Speaker:", "A long line.", "Next"]);
    }

    #[test]
    fn page_numbers_are_one_or_two_numbers_not_dates() {
        for page in ["12", "Page 3 of 25", "- 4 -", "3/25"] {
            assert!(is_page_number(page), "{page}");
        }
        for date in ["2024/03/28", "28/03/2024", "Harbour 12"] {
            assert!(!is_page_number(date), "{date}");
        }
    }
}
