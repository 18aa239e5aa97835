//! Role words as people type them: `--role chair`, `role:reporters`,
//! `role=minister` mean a role even though podium names it otherwise.
//!
//! podium has four roles (official, moderator, journalist, narration); people
//! say "the chair", "the press", "the minister". Those words are read as
//! the role they mean; a word that could mean two roles in briefings is
//! refused with both, rather than guessed: a *spokesperson* answers
//! questions at the White House (official) but chairs a SCIO press
//! conference (moderator). Anything else is refused with the list of
//! words accepted, so that the user learns the vocabulary from the error.

use crate::transcript::Role;

/// Everyday words for each role (singular; a plural `s` is dropped).
const WORDS: &[(&str, Role)] = &[
    ("official", Role::Official),
    ("minister", Role::Official),
    ("secretary", Role::Official),
    ("mayor", Role::Official),
    ("director", Role::Official),
    ("expert", Role::Official),
    ("answer", Role::Official),
    ("speaker", Role::Official),
    ("moderator", Role::Moderator),
    ("chair", Role::Moderator),
    ("chairperson", Role::Moderator),
    ("host", Role::Moderator),
    ("presenter", Role::Moderator),
    ("mc", Role::Moderator),
    ("journalist", Role::Journalist),
    ("reporter", Role::Journalist),
    ("correspondent", Role::Journalist),
    ("press", Role::Journalist),
    ("media", Role::Journalist),
    ("question", Role::Journalist),
    ("narration", Role::Narration),
    ("narrator", Role::Narration),
    ("report", Role::Narration),
];

/// Words that name a person who is an official in some briefings and the
/// moderator in others.
const AMBIGUOUS: &[&str] = &[
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "spokesmen",
    "spokespeople",
];

/// The words accepted, for errors: the four roles, then the everyday words.
pub fn accepted() -> String {
    let others: Vec<&str> = WORDS
        .iter()
        .map(|(w, _)| *w)
        .filter(|w| !Role::ALL.iter().any(|r| r.as_str() == *w))
        .collect();
    format!(
        "official, moderator, journalist or narration (or {})",
        others.join(", ")
    )
}

/// The role a word means, in any case and number; with `prefix`
/// (`role:mod*`), the role whose name starts so. `None` for a word that
/// means no role or two (see [`parse`] for the error).
pub fn lookup(text: &str, prefix: bool) -> Option<Role> {
    let w = text.trim().to_lowercase();
    if prefix {
        if w.is_empty() {
            return None;
        }
        return Role::ALL.into_iter().find(|r| r.as_str().starts_with(&w));
    }
    let singular = w
        .strip_suffix("es")
        .filter(|s| s.ends_with("ss"))
        .or_else(|| w.strip_suffix('s').filter(|s| !s.ends_with('s')))
        .unwrap_or(&w);
    WORDS
        .iter()
        .find(|(word, _)| *word == w || *word == singular)
        .map(|(_, r)| *r)
}

/// Why a word is not a role: `("unknown", "expected …")` with the words
/// accepted, or `("ambiguous", …)` for a word that is an official in some
/// briefings and the moderator in others.
pub fn refusal(text: &str) -> (&'static str, String) {
    let w = text.trim().to_lowercase();
    if AMBIGUOUS.contains(&w.as_str()) {
        return (
            "ambiguous",
            "a spokesperson answers questions in some briefings (official) and chairs others (moderator): give official or moderator".into(),
        );
    }
    ("unknown", format!("expected {}", accepted()))
}

/// A role word, or an error that says why not ([`refusal`]):
/// `unknown role 'pundit': expected official, …`.
pub fn parse(text: &str) -> Result<Role, String> {
    if let Some(r) = lookup(text, false) {
        return Ok(r);
    }
    let (kind, why) = refusal(text);
    Err(format!("{kind} role '{}': {why}", text.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everyday_words_in_any_case_and_number() {
        assert_eq!(parse("Officials"), Ok(Role::Official));
        assert_eq!(parse("minister"), Ok(Role::Official));
        assert_eq!(parse("reporters"), Ok(Role::Journalist));
        assert_eq!(parse("press"), Ok(Role::Journalist));
        assert_eq!(parse("PRESS"), Ok(Role::Journalist));
        assert_eq!(parse("chair"), Ok(Role::Moderator));
        assert_eq!(parse("hosts"), Ok(Role::Moderator));
        assert_eq!(parse("narrator"), Ok(Role::Narration));
        for r in Role::ALL {
            assert_eq!(parse(r.as_str()), Ok(r));
        }
        assert_eq!(lookup("mod", true), Some(Role::Moderator));
        assert_eq!(lookup("", true), None);
    }

    #[test]
    fn a_spokesperson_is_ambiguous_and_others_get_the_list() {
        let e = parse("spokesperson").expect_err("ambiguous");
        assert!(e.starts_with("ambiguous role 'spokesperson': "), "{e}");
        assert!(e.contains("give official or moderator"), "{e}");
        let e = parse("pundit").expect_err("unknown");
        assert!(
            e.starts_with("unknown role 'pundit': expected official, moderator"),
            "{e}"
        );
        assert!(
            e.contains("chair") && e.contains("reporter") && e.contains("minister"),
            "{e}"
        );
    }
}
