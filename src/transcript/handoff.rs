//! Who a reporter's question comes from, when the label says only `Q`.
//!
//! Transcripts that label every question `Q` still say who asks: the
//! moderator calls on the reporter by name and outlet just before ("we'll
//! go to Dana Ortiz at Harbour Radio"), or the reporter introduces
//! themselves ("Dana Ortiz, Harbour Radio. My question is …"). The outlet
//! named there is the speaker of the `Q` turn.

use std::sync::LazyLock;

use regex::Regex;

use super::name;

/// Outlet words: capitalised words (with `of`/`the` between them).
const OUTLET: &str =
    r"((?:[A-Z0-9][\p{L}0-9.'’&\-]*)(?:\s+(?:of\s+|the\s+)?[A-Z0-9][\p{L}0-9.'’&\-]*){0,4})";

static HANDOFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:go|goes|going|turn|come|move|over|call on|recognize|hear from)\s+(?:over\s+)?(?:to\s+)?(?:(?:a|the|our)\s+(?:next\s+)?(?:line|question)\s+(?:of|with|from)\s+)?(?:[A-Z][\p{{L}}'’\-]+\s+){{1,3}}(?:at|with|from|of)\s+(?:the\s+)?{OUTLET}"
    ))
    .expect("static regex")
});

/// "Dana Ortiz, Harbour Radio." / "this is Dana Ortiz with Harbour Radio".
static INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[.!?,]\s+)(?:(?:this is|it's|it’s|I'm|I’m|I am)\s+)?[A-Z][\p{{L}}'’\-]+(?:\s+[A-Z][\p{{L}}'’\-]+){{1,2}}(?:,\s*|\s+(?:with|from|at|of)\s+)(?:the\s+)?{OUTLET}"
    ))
    .expect("static regex")
});

/// Cuts an outlet name at the end of its sentence: "NBC News. Josh" →
/// "NBC News"; abbreviations ("U.S. News") and domains keep their dots.
fn clean(raw: &str) -> Option<String> {
    let mut out: Vec<&str> = Vec::new();
    for w in raw.split_whitespace() {
        if let Some(stem) = w.strip_suffix('.') {
            if !stem.contains('.') {
                out.push(stem);
                break;
            }
        }
        out.push(w);
    }
    let o = out.join(" ");
    let o = o.trim_end_matches([',', '\'', '’', '.']);
    (!o.is_empty()).then(|| o.to_string())
}

/// The outlet a moderator's words hand the floor to, if they name one.
pub fn outlet(text: &str) -> Option<String> {
    let c = HANDOFF.captures_iter(text).last()?;
    clean(c.get(1)?.as_str())
}

/// The outlet reporters name when they introduce themselves in the first
/// words of their question, if it reads as an outlet.
pub fn self_identified(text: &str) -> Option<(String, String)> {
    let head: String = text.chars().take(160).collect();
    let c = INTRO.captures(&head)?;
    let o = clean(c.get(1)?.as_str())?;
    let plausible = name::looks_like_outlet(&o) || o.split_whitespace().all(name::is_acronym);
    plausible.then(|| (c.get(0).map_or("", |m| m.as_str()).to_string(), o))
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
        assert_eq!(
            outlet("Let's go to Pat Doe at Harbour News.  Pat, go ahead."),
            Some("Harbour News".into())
        );
        assert_eq!(
            outlet("Why don't we go to a line with Pat Doe with HRTV? Please go ahead."),
            Some("HRTV".into())
        );
        assert_eq!(outlet("Let's go to the next question."), None);
    }

    #[test]
    fn reporters_introduce_themselves() {
        let o = |t: &str| self_identified(t).map(|(_, o)| o);
        assert_eq!(
            o("Thanks very much.  Pat Doe, Harbour Radio.  For the minister: why?"),
            Some("Harbour Radio".into())
        );
        assert_eq!(
            o("Hi, this is Sam Lee with NBC. Two questions."),
            Some("NBC".into())
        );
        assert_eq!(o("Thank you, Jen. President Okafor, yesterday, said"), None);
        assert_eq!(o("Thanks, Jen. I want to ask about Harbour Radio."), None);
    }
}
