//! Wrapping text to the terminal's width.
//!
//! Snippets are long; a terminal that wraps them itself breaks words and
//! loses the indent that keeps hits apart. [`wrap`] breaks at spaces, and
//! anywhere between two wide (CJK) characters since Chinese has no spaces,
//! never before closing punctuation such as `，` or `。`. Widths are
//! display columns (`unicode-width`): a Han character takes two. Highlight
//! marks travel with the characters, so colour is applied after wrapping
//! and escape codes never count towards the width.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of `s` in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// Characters that never start a line (CJK closing punctuation).
fn no_break_before(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '」'
            | '』'
            | '”'
            | '’'
            | '》'
            | '〉'
            | '】'
            | '…'
    )
}

/// A run of text and whether it is highlighted.
pub type Run = (String, bool);

/// Breaks marked text into lines of at most `cols` columns (a word longer
/// than a line is split). Each line is a list of runs.
pub fn wrap(runs: &[(&str, bool)], cols: usize) -> Vec<Vec<Run>> {
    let cols = cols.max(1);
    // Units: words (no break inside), single wide characters, and spaces.
    let mut units: Vec<(Vec<(char, bool)>, usize)> = Vec::new();
    let mut word: Vec<(char, bool)> = Vec::new();
    let mut word_w = 0;
    let mut spaces_before: Vec<bool> = Vec::new(); // per unit: a space precedes it
    let mut space = false;
    let flush = |units: &mut Vec<(Vec<(char, bool)>, usize)>,
                 spaces_before: &mut Vec<bool>,
                 word: &mut Vec<(char, bool)>,
                 word_w: &mut usize,
                 space: &mut bool| {
        if !word.is_empty() {
            units.push((std::mem::take(word), *word_w));
            spaces_before.push(*space);
            *space = false;
            *word_w = 0;
        }
    };
    for &(text, mark) in runs {
        for c in text.chars() {
            if c == ' ' {
                flush(
                    &mut units,
                    &mut spaces_before,
                    &mut word,
                    &mut word_w,
                    &mut space,
                );
                space = !units.is_empty();
                continue;
            }
            let w = char_width(c);
            if w >= 2 {
                flush(
                    &mut units,
                    &mut spaces_before,
                    &mut word,
                    &mut word_w,
                    &mut space,
                );
                if no_break_before(c) && !space {
                    if let Some(last) = units.last_mut() {
                        last.0.push((c, mark));
                        last.1 += w;
                        continue;
                    }
                }
                units.push((vec![(c, mark)], w));
                spaces_before.push(space);
                space = false;
                continue;
            }
            if no_break_before(c) && word.is_empty() && !space {
                if let Some(last) = units.last_mut() {
                    last.0.push((c, mark));
                    last.1 += w;
                    continue;
                }
            }
            word.push((c, mark));
            word_w += w;
        }
    }
    flush(
        &mut units,
        &mut spaces_before,
        &mut word,
        &mut word_w,
        &mut space,
    );

    let mut lines: Vec<Vec<(char, bool)>> = Vec::new();
    let mut line: Vec<(char, bool)> = Vec::new();
    let mut line_w = 0;
    for ((chars, w), space) in units.into_iter().zip(spaces_before) {
        let gap = usize::from(space && !line.is_empty());
        if line_w > 0 && line_w + gap + w > cols {
            lines.push(std::mem::take(&mut line));
            line_w = 0;
        }
        if line_w > 0 && space {
            // Spaces are never marked, wrapped or not: each matched word is
            // highlighted on its own.
            line.push((' ', false));
            line_w += 1;
        }
        if w > cols {
            for (c, m) in chars {
                let cw = char_width(c);
                if line_w > 0 && line_w + cw > cols {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0;
                }
                line.push((c, m));
                line_w += cw;
            }
        } else {
            line.extend(chars);
            line_w += w;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.into_iter().map(runs_of).collect()
}

/// Joins marked characters back into runs.
fn runs_of(chars: Vec<(char, bool)>) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for (c, m) in chars {
        match out.last_mut() {
            Some((s, mark)) if *mark == m => s.push(c),
            _ => out.push((c.to_string(), m)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Vec<Run>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|r| r.0.as_str()).collect())
            .collect()
    }

    #[test]
    fn breaks_at_spaces_within_the_width() {
        let lines = wrap(
            &[("the harbour moved twelve thousand containers", false)],
            16,
        );
        assert_eq!(
            plain(&lines),
            ["the harbour", "moved twelve", "thousand", "containers"]
        );
        assert!(plain(&lines).iter().all(|l| width(l) <= 16));
    }

    #[test]
    fn keeps_marks_and_splits_long_words() {
        let lines = wrap(
            &[("see ", false), ("automated cranes", true), (" now", false)],
            14,
        );
        assert_eq!(
            lines,
            vec![
                vec![("see ".to_string(), false), ("automated".to_string(), true)],
                vec![("cranes".to_string(), true), (" now".to_string(), false)],
            ]
        );
        assert_eq!(
            plain(&wrap(&[("abcdefghij", false)], 4)),
            ["abcd", "efgh", "ij"]
        );
    }

    #[test]
    fn han_text_breaks_between_characters_not_before_punctuation() {
        let lines = wrap(&[("我们将继续做好，上市工作。", false)], 10);
        let p = plain(&lines);
        assert!(p.iter().all(|l| width(l) <= 10), "{p:?}");
        assert!(
            p.iter()
                .all(|l| !l.starts_with('，') && !l.starts_with('。')),
            "{p:?}"
        );
        assert_eq!(p.concat(), "我们将继续做好，上市工作。");
    }
}
