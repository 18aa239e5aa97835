//! [`Hit`](crate::Hit)s and transcripts → bytes for people ([`text`]) and
//! for programs ([`json`]).
//!
//! Transcript text is untrusted: a page can carry terminal escape sequences.
//! Everything printed goes through [`sanitize`], so no control character
//! from an index ever reaches a terminal raw.

pub mod json;
pub mod text;

/// Replaces control characters (other than none) with their visible
/// `\u{..}` escape: an `ESC[2J` in a transcript prints as `\u{1b}[2J`
/// instead of clearing the screen.
pub fn sanitize(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_control_characters() {
        assert_eq!(sanitize("plain"), "plain");
        assert_eq!(sanitize("a\x1b[2Jb\n"), "a\\u{1b}[2Jb\\u{a}");
        assert_eq!(sanitize("\u{202e}x"), "\\u{202e}x");
    }
}
