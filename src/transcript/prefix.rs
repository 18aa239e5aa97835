//! What publishers print before a turn's label, and labels in brackets.
//!
//! Live captions open every turn with chevrons (`>> MAYOR: …`), automatic
//! transcripts with a timestamp (`00:01:02 Priya Nair: …`, `[00:01:02]
//! …`), and some interview transcripts put the speaker in square brackets
//! (`[HOST] Welcome back.`). None of these was a shape a rule was written
//! for; reading through the prefix lets the label rules weigh the label
//! as they would anywhere else, so such a document never reads worse than
//! its labels taken as written (the floor of issue #12). The prefix only
//! opens the way: the label after it still has to score as one.

/// `par` without chevrons or a timestamp before its label; `par` itself
/// when it has neither.
pub fn strip(par: &str) -> &str {
    let mut t = par;
    if let Some(rest) = t.strip_prefix(">>") {
        t = rest.trim_start_matches('>').trim_start();
    }
    timestamp_end(t).map_or(t, |end| t[end..].trim_start())
}

/// Where a leading timestamp ends (`00:01:02 `, `1:02 `, `[00:01:02] `,
/// `(01:02)`), when text follows it.
fn timestamp_end(t: &str) -> Option<usize> {
    let (open, body) = match t.chars().next()? {
        '[' | '(' => (1, &t[1..]),
        _ => (0, t),
    };
    let len = body
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .unwrap_or(body.len());
    let stamp = &body[..len];
    let groups: Vec<&str> = stamp.split(':').collect();
    // Minutes and seconds have two digits: "3:1" is a score, not a time.
    let shaped = (2..=3).contains(&groups.len())
        && groups.iter().enumerate().all(|(k, g)| {
            let len_ok = if k == 0 {
                (1..=2).contains(&g.len())
            } else {
                g.len() == 2
            };
            len_ok && g.chars().all(|c| c.is_ascii_digit())
        });
    if !shaped {
        return None;
    }
    let mut end = open + len;
    if open == 1 {
        let close = t[end..].chars().next()?;
        if !matches!(close, ']' | ')') {
            return None;
        }
        end += 1;
    }
    let after = &t[end..];
    (after.starts_with(' ') && !after.trim().is_empty()).then_some(end)
}

/// A label in square brackets and the speech after it on the same line:
/// `[HOST] Welcome back.` → (`HOST`, `Welcome back.`). A bracket alone
/// (`[Applause]`) is a stage direction, not a label.
pub fn bracketed(par: &str) -> Option<(&str, &str)> {
    let inner = par.strip_prefix('[')?;
    let close = inner.find(']')?;
    let label = inner[..close].trim();
    let rest = inner[close + 1..].trim_start();
    let short = (1..=40).contains(&label.chars().count())
        && !label.contains(|c: char| c.is_ascii_digit() || c == ':');
    (short && !rest.is_empty()).then_some((label, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_read_through() {
        assert_eq!(strip(">> MAYOR: Good evening."), "MAYOR: Good evening.");
        assert_eq!(strip("00:01:02 Priya Nair: Hello."), "Priya Nair: Hello.");
        assert_eq!(strip("[00:01:02] Priya Nair: Hello."), "Priya Nair: Hello.");
        assert_eq!(strip("1:02 Q: Hello?"), "Q: Hello?");
        // Not a prefix: a time that is the whole line, a score, prose.
        assert_eq!(strip("10:30"), "10:30");
        assert_eq!(strip("3:1 was the score."), "3:1 was the score.");
        assert_eq!(strip("> a quotation"), "> a quotation");
        assert_eq!(strip("The vote is at 10:30."), "The vote is at 10:30.");
    }

    #[test]
    fn labels_in_brackets() {
        assert_eq!(
            bracketed("[HOST] Welcome back."),
            Some(("HOST", "Welcome back."))
        );
        assert_eq!(bracketed("[Applause]"), None);
        assert_eq!(bracketed("[00:01:02] text"), None);
        assert_eq!(bracketed("No bracket"), None);
    }
}
