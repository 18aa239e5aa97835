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
//! - `"…," Lindqvist said.`, `Lindqvist said that …` (a surname alone: the
//!   person the report has named in full, see [`Attribution::Surname`])
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

/// A surname alone, as second references in news reports are written.
const SURNAME: &str = r"[A-Z][\p{Ll}'’\-]+";

/// Any name in running text, for [`mentioned`].
static ANY_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b(?:{NAME})\b")).expect("static regex"));

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

/// The same three shapes with a surname alone: `…," said Reyes`, `…,"
/// Reyes told reporters`, `Reyes said that …`. Tried after the full names.
static SURNAME_FORMS: LazyLock<[Regex; 3]> = LazyLock::new(|| {
    let honorific = r"(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?";
    [
        format!(r#"["”’'],?\s*(?:{VERBS})\s+{honorific}({SURNAME})\b"#),
        format!(r#"["”’'],?\s*{honorific}({SURNAME})\s+(?:{VERBS})\b"#),
        format!(
            r#"^(?:[^.!?"“”]{{0,80}},\s*)?{honorific}({SURNAME})(?:\s*,\s*[^.!?"“”]{{3,160}}?,)?\s+(?:also\s+)?(?:{VERBS})\b"#
        ),
    ]
    .map(|re| Regex::new(&re).expect("static regex"))
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
    /// A surname alone quotes or paraphrases someone (`"…," Reyes said`).
    /// From [`attribute`], the word as written, which may be nobody at all
    /// ("Officials said …"); from [`attribute_in`], the full name of the
    /// person the report named with that surname.
    Surname(String),
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
    for re in SURNAME_FORMS.iter() {
        if let Some(m) = re.captures(par).and_then(|c| c.get(1)) {
            return Attribution::Surname(m.as_str().to_string());
        }
    }
    if PRONOUN_SAID.is_match(par) {
        return Attribution::SamePerson;
    }
    Attribution::Narration
}

/// Attributes one paragraph of a news report that has so far named the
/// people `named` (in order, [`mentioned`] in each paragraph, this one
/// included): a surname alone becomes the latest of them with that surname
/// ([`Attribution::Surname`] with the full name), or narration when nobody
/// has it.
pub fn attribute_in(par: &str, named: &[String]) -> Attribution {
    match attribute(par) {
        Attribution::Surname(s) => match by_surname(&s, named) {
            Some(full) => Attribution::Surname(full.to_string()),
            None => Attribution::Narration,
        },
        a => a,
    }
}

/// The full names a paragraph mentions (`Jane Doe, the deputy minister,
/// visited …`), in order: who a later surname alone may refer to. Place
/// names may come along; a surname only ever matches a name's
/// last word, so they do no harm.
pub fn mentioned(par: &str) -> Vec<String> {
    ANY_NAME
        .find_iter(par)
        .filter_map(|m| person(m.as_str()))
        .collect()
}

/// The person among `named` (in the order the report named them) whose
/// last name is `surname`; the latest named wins.
fn by_surname<'n>(surname: &str, named: &'n [String]) -> Option<&'n str> {
    let key = name::fold(surname);
    named
        .iter()
        .rev()
        .find(|n| {
            n.split_whitespace()
                .next_back()
                .is_some_and(|last| name::fold(last) == key)
        })
        .map(String::as_str)
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

    /// Second references use the surname alone; [`attribute`] reports it
    /// for the caller to match against the people the report has named.
    #[test]
    fn surnames_alone() {
        let sur = |s: &str| Attribution::Surname(s.to_string());
        assert_eq!(
            attribute("\"Ticket prices will not change,\" Reyes told reporters."),
            sur("Reyes")
        );
        assert_eq!(
            attribute("\u{201c}It runs all year,\u{201d} said Doe."),
            sur("Doe")
        );
        assert_eq!(
            attribute("Doe said the service would be paid for from the harbour fund."),
            sur("Doe")
        );
        assert_eq!(
            attribute("On Tuesday, Ms. Doe told reporters the ferry would run all year."),
            sur("Doe")
        );
        // A full name still wins.
        assert_eq!(
            attribute("\"It works,\" said Jane Doe, adding that Reyes agreed."),
            q("Jane Doe")
        );
        // Resolved against the people the report named; nobody has
        // "Officials".
        let named = ["Tomas Reyes".to_string(), "Jane Doe".to_string()];
        assert_eq!(
            attribute_in(
                "\"Ticket prices will not change,\" Reyes told reporters.",
                &named
            ),
            sur("Tomas Reyes")
        );
        assert_eq!(
            attribute_in(
                "Officials told a forum on Monday that exports rose.",
                &named
            ),
            Attribution::Narration
        );
    }

    #[test]
    fn names_mentioned() {
        assert_eq!(
            mentioned("Jane Doe, the deputy minister, met Tomas Reyes at the port."),
            ["Jane Doe", "Tomas Reyes"]
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
            assert_eq!(attribute_in(p, &[]), Attribution::Narration, "{p}");
        }
    }
}
