//! Names of people and media outlets, and the words around them.
//!
//! Briefings name the same person many ways: `MS. PSAKI`, `Jen Psaki`,
//! `Press Secretary Jen Psaki`, `Mr. Gong`, `Mayor Gong`. This module holds
//! the general knowledge needed to take those apart: which words are titles
//! and honorifics (stripped to find the name), which words mark a media
//! outlet rather than a person, how to print a shouted `VON DER LEYEN` as a
//! name, and how to fold names for matching (case and accents dropped).
//!
//! One kind of knowledge per file, all re-exported here:
//!
//! - this file: the shape of a personal name ([`looks_like_person`],
//!   [`is_name_word`], [`CONNECTORS`]) and the words that name
//!   organisations instead;
//! - `titles.rs`: honorifics and words of office ([`is_title_word`],
//!   [`split_title`], [`title_word_typo`]);
//! - `typo.rs`: how far a typed word may be from the word meant ([`near`],
//!   [`typo_budget`]);
//! - `outlet.rs`: what marks a media outlet ([`looks_like_outlet`],
//!   [`is_acronym`]);
//! - `cjk.rs`: Han, Kana and Hangul names and offices, which have no
//!   capitals ([`is_cjk`], [`is_cjk_office`]);
//! - `display.rs`: printing a name written in capitals ([`display_case`],
//!   [`display_person`]);
//! - `fold.rs`: folding names for matching ([`fold`], [`name_keys`]).

mod cjk;
mod display;
mod fold;
mod outlet;
mod titles;
mod typo;

pub use cjk::{is_cjk, is_cjk_office, CJK_SPEECH_WORDS};
pub use display::{display_case, display_person};
pub use fold::{fold, fold_char, name_keys, surname_key};
pub use outlet::{is_acronym, looks_like_outlet};
pub use titles::{
    is_honorific, is_person_office, is_post_nominal, is_title_word, split_title, title_word_typo,
};
pub use typo::{near, typo_budget};

use cjk::CJK_NOT_NAMES;

/// Words that name organisations, not people: `Shanghai Stock Exchange
/// said` is not a person speaking.
const ORG_WORDS: &[&str] = &[
    "exchange",
    "office",
    "bureau",
    "ministry",
    "commission",
    "company",
    "group",
    "bank",
    "council",
    "committee",
    "university",
    "institute",
    "center",
    "centre",
    "association",
    "government",
    "department",
    "agency",
    "corporation",
    "co",
    "ltd",
    "inc",
    "board",
    "market",
    "fund",
    "administration",
    "authority",
    "court",
    "party",
    "club",
    "foundation",
    "federation",
    "union",
    "organization",
    "organisation",
    "school",
    "college",
    "academy",
    "hospital",
    "team",
    "forum",
    "conference",
    "house",
    "city",
    "province",
    "state",
    "republic",
    "kingdom",
    "county",
    "district",
    "zone",
    "area",
    "park",
    "road",
    "street",
    "square",
    "station",
    "airport",
    "port",
    "regulations",
    "law",
    "act",
    "plan",
    "program",
    "programme",
    "initiative",
    "project",
];

/// Lower-cased words that join the parts of a name or an outlet and are
/// written in lower case inside them.
pub const CONNECTORS: &[&str] = &[
    "and", "of", "the", "for", "de", "du", "des", "da", "do", "dos", "van", "von", "der", "den",
    "la", "le", "el", "al", "bin", "ibn", "y", "di", "on", "in", "to", "&",
];

fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .trim_end_matches('.')
        .to_lowercase()
        .replace('\u{2019}', "'")
}

/// Whether `word` is a connector such as "of" or "van".
pub fn is_connector(word: &str) -> bool {
    CONNECTORS.contains(&bare(word).as_str())
}

/// Whether a word is written as a name is: a capital first, or a particle.
pub fn is_name_word(word: &str) -> bool {
    let first = word.chars().find(|c| c.is_alphanumeric());
    match first {
        Some(c) if c.is_uppercase() => word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}' | '.')),
        // Han names have no capitals; all of the word must be the script
        // (or the middle dot of transliterated names), so `苏雨晴：` with its
        // label colon is not a name word.
        Some(c) if is_cjk(c) => word.chars().all(|c| is_cjk(c) || c == '·'),
        _ => is_connector(word),
    }
}

/// Whether `name` has the shape of a personal name: two to four name words,
/// not an outlet, not only titles.
pub fn looks_like_person(name: &str) -> bool {
    let (_, rest) = split_title(name);
    let words: Vec<&str> = rest.split_whitespace().collect();
    if looks_like_outlet(&rest) || words.is_empty() {
        return false;
    }
    if rest.chars().all(|c| is_cjk(c) || c == '·' || c == ' ') {
        return (2..=4).contains(&rest.chars().filter(|c| is_cjk(*c)).count())
            && !CJK_NOT_NAMES
                .iter()
                .chain(CJK_SPEECH_WORDS)
                .any(|w| rest.contains(w));
    }
    (2..=4).contains(&words.len())
        && words.iter().all(|w| is_name_word(w))
        && !words.iter().any(|w| ORG_WORDS.contains(&bare(w).as_str()))
        && words
            .iter()
            .filter(|w| !is_connector(w))
            .all(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 || w.ends_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_split_off() {
        assert_eq!(
            split_title("Press Secretary Jen Psaki"),
            ("Press Secretary".into(), "Jen Psaki".into())
        );
        assert_eq!(
            split_title("SENIOR ADMINISTRATION OFFICIAL"),
            ("SENIOR ADMINISTRATION OFFICIAL".into(), String::new())
        );
        assert_eq!(split_title("MS. PSAKI"), ("MS.".into(), "PSAKI".into()));
    }

    #[test]
    fn outlets_and_people() {
        for outlet in [
            "Phoenix TV",
            "Evening Post",
            "CGTN",
            "Example.cn",
            "Radio Free Asia",
        ] {
            assert!(looks_like_outlet(outlet), "{outlet}");
            assert!(!looks_like_person(outlet), "{outlet}");
        }
        for person in [
            "Anna Lindqvist",
            "Wang Wenbin",
            "Mr. Kofi Mensah",
            "李明 华",
        ] {
            assert!(looks_like_person(person), "{person}");
        }
        assert!(!looks_like_person("Bottom line"));
        assert!(!looks_like_person("Missiles"));
    }

    #[test]
    fn typos_find_their_word() {
        assert_eq!(near("presidnet", "president", 1), Some(1));
        assert_eq!(near("modeartor", "moderator", 1), Some(1));
        assert_eq!(near("offial", "official", 2), Some(2));
        assert_eq!(near("kestrel", "president", 2), None);
        assert_eq!(title_word_typo("PRESIDNET"), Some("president"));
        assert_eq!(title_word_typo("SECREATRY"), Some("secretary"));
        assert_eq!(title_word_typo("ADMINSTRATOR"), Some("administrator"));
        assert_eq!(title_word_typo("Secretary"), Some("secretary"));
        assert_eq!(title_word_typo("WALENSKY"), None);
        assert_eq!(title_word_typo("PRESTON"), None);
    }

    #[test]
    fn capitals_print_as_names() {
        assert_eq!(display_case("VON DER LEYEN"), "Von der Leyen");
        assert_eq!(display_case("MCCARTHY"), "McCarthy");
        assert_eq!(display_case("JEAN-PIERRE"), "Jean-Pierre");
        assert_eq!(display_case("O'ROURKE"), "O'Rourke");
        assert_eq!(display_case("Already Fine"), "Already Fine");
    }

    #[test]
    fn ascii_folding_matches_the_general_path() {
        for s in [
            "Gong Zheng",
            "  MS. PSAKI: ",
            "People's  Daily",
            "a-b_c",
            "",
            "'",
        ] {
            let general: String = s
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '\'' {
                        c.to_ascii_lowercase()
                    } else {
                        ' '
                    }
                })
                .collect::<String>()
                .replace('\'', "")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(fold(s), general, "{s:?}");
        }
    }

    #[test]
    fn folding_drops_case_accents_and_punctuation() {
        assert_eq!(fold("Gómez-Ruiz, Dr."), "gomez ruiz dr");
        assert_eq!(fold("People\u{2019}s Daily"), "peoples daily");
        assert_eq!(
            name_keys("Karine Jean-Pierre"),
            ["karine", "jean", "pierre"]
        );
    }
}
