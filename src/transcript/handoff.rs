//! Moderator hand-offs: "we'll go to Dana Ortiz at Harbour Radio".
//!
//! Transcripts that label every question `Q` still say who asks: the
//! moderator calls on the reporter by name and outlet just before. The
//! outlet named there is the speaker of the next `Q` turn.

use std::sync::LazyLock;

use regex::Regex;

static HANDOFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:go|turn|come|move|over|call on|recognize|hear from)\s+(?:over\s+)?(?:to\s+)?(?:[A-Z][\p{L}'’\-]+\s+){1,3}(?:at|with|from|of)\s+(?:the\s+)?((?:[A-Z0-9][\p{L}0-9.'’&\-]*)(?:\s+(?:of\s+|the\s+)?[A-Z0-9][\p{L}0-9.'’&\-]*){0,4})",
    )
    .expect("static regex")
});

/// The outlet a moderator's words hand the floor to, if they name one.
pub fn outlet(text: &str) -> Option<String> {
    let c = HANDOFF.captures_iter(text).last()?;
    let o = c.get(1)?.as_str().trim_end_matches(['.', ',', '\'', '’']);
    (!o.is_empty()).then(|| o.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_outlet() {
        assert_eq!(
            outlet("For our first question, we'll go to Dana Ortiz at Harbour Radio."),
            Some("Harbour Radio".into())
        );
        assert_eq!(
            outlet("Next question, we'll go to Sam Lee with NBC."),
            Some("NBC".into())
        );
        assert_eq!(outlet("Let's go to the next question."), None);
    }
}
