//! Reported speech: who a news report quotes.
//!
//! News reports have no labels. A paragraph belongs to a person when it
//! quotes or paraphrases them:
//!
//! - `"…," said Anna Lindqvist, minister of trade.`
//! - `"…" Anna Lindqvist said.`
//! - `Anna Lindqvist, minister of trade, said that …`
//! - `In response to questions, Anna Lindqvist said …`
//! - `"…," she added.` (the person quoted last)
//!
//! Everything else is the reporter's own narration.

use std::sync::LazyLock;

use regex::Regex;

use super::name;

const VERBS: &str = r"said|says|added|adds|noted|notes|stated|states|explained|explains|stressed|stresses|emphasized|emphasised|emphasizes|remarked|remarks|continued|told|tells|pointed out|announced|announces|revealed|introduced|disclosed|observed|argued|insisted|warned|acknowledged|asserted|declared|concluded|commented|replied|responded|answered|recalled";

/// A person's name: two to four capitalised words (initials allowed), or
/// two to four Han characters.
const NAME: &str =
    r"(?:[A-Z][\p{Ll}'’\-]+|[A-Z]\.)(?:\s+(?:[A-Z][\p{Ll}'’\-]+|[A-Z]\.)){1,3}|[\p{Han}]{2,4}";

/// `…," said NAME` / `…" said NAME`.
static SAID_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"["”’'],?\s*(?:{VERBS})\s+(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?({NAME})"#
    ))
    .expect("static regex")
});

/// `…" NAME said`.
static NAME_SAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"["”’'],?\s*(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?({NAME})\s+(?:{VERBS})\b"#
    ))
    .expect("static regex")
});

/// `NAME[, title,] said …` near the start of a paragraph, after at most a
/// short lead-in clause (`In response to questions, …`).
static SUBJECT_SAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"^(?:[^.!?"“”]{{0,80}},\s*)?(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?({NAME})(?:\s*,\s*[^.!?"“”]{{3,160}}?,)?\s+(?:also\s+)?(?:{VERBS})\b"#
    ))
    .expect("static regex")
});

/// `according to NAME`.
static ACCORDING_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\baccording to (?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?({NAME})"
    ))
    .expect("static regex")
});

/// `…," he said` / `She added that …`: the person quoted last.
static PRONOUN_SAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"(?:["”’'],?\s*(?:he|she)\s+(?:{VERBS})\b|^(?:He|She)\s+(?:also\s+)?(?:{VERBS})\b)"#
    ))
    .expect("static regex")
});

/// How a paragraph of a news report is attributed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attribution {
    /// The paragraph quotes or paraphrases this person.
    Quoted(String),
    /// A pronoun refers back to the person quoted last.
    SamePerson,
    /// The reporter's own words.
    Narration,
}

fn person(m: &str) -> Option<String> {
    let n = m.trim();
    let words: Vec<&str> = n.split_whitespace().collect();
    if words.first().is_some_and(|w| {
        matches!(
            name::fold(w).as_str(),
            "the" | "this" | "that" | "these" | "in" | "on" | "at" | "as" | "but" | "and"
        )
    }) {
        return None;
    }
    name::looks_like_person(n).then(|| n.to_string())
}

/// Attributes one paragraph of a news report.
pub fn attribute(par: &str) -> Attribution {
    for re in [&*SAID_NAME, &*NAME_SAID, &*SUBJECT_SAID, &*ACCORDING_TO] {
        for c in re.captures_iter(par) {
            if let Some(p) = c.get(1).and_then(|m| person(m.as_str())) {
                return Attribution::Quoted(p);
            }
        }
    }
    if PRONOUN_SAID.is_match(par) {
        return Attribution::SamePerson;
    }
    Attribution::Narration
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Attribution {
        Attribution::Quoted(s.to_string())
    }

    #[test]
    fn quotes_and_paraphrase() {
        assert_eq!(
            attribute("\u{201c}Prices will ease,\u{201d} said Anna Lindqvist, minister of trade."),
            q("Anna Lindqvist")
        );
        assert_eq!(
            attribute("\"We are ready.\" Kofi Mensah said. (End)"),
            q("Kofi Mensah")
        );
        assert_eq!(
            attribute("In response to questions, Ines Duarte, head of the port authority, said that volumes rose."),
            q("Ines Duarte")
        );
        assert_eq!(
            attribute("Tomas Reyes said that the plan would start in May."),
            q("Tomas Reyes")
        );
        assert_eq!(
            attribute("Output rose 3 percent, according to Dr. Mei Tanaka."),
            q("Mei Tanaka")
        );
        assert_eq!(
            attribute("\"It works,\" she added."),
            Attribution::SamePerson
        );
    }

    #[test]
    fn narration() {
        for p in [
            "Officials told a forum on Monday that exports rose.",
            "The Harbour Stock Exchange said turnover doubled.",
            "In total, 3,835 firms received support.",
            "Speakers told the forum that innovation matters.",
        ] {
            assert_eq!(attribute(p), Attribution::Narration, "{p}");
        }
    }
}
