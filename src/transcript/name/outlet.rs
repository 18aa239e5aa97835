//! Media outlets: the words that mark one (`News`, `TV`, `Press` at the
//! end), web domains (`ThePaper.cn`) and acronyms (`CCTV`).
//!
//! Separate from personal names because the two are told apart by it: a
//! label that looks like an outlet is a reporter's.

use super::bare;
use super::titles::is_title_word;

/// Words that, anywhere in a label or name, mark a media outlet.
pub(super) const OUTLET_WORDS: &[&str] = &[
    "daily",
    "news",
    "tv",
    "television",
    "radio",
    "times",
    "post",
    "journal",
    "agency",
    "associated",
    "presse",
    "network",
    "networks",
    "media",
    "herald",
    "tribune",
    "gazette",
    "weekly",
    "magazine",
    "broadcasting",
    "broadcast",
    "channel",
    "online",
    "wire",
    "newspaper",
    "reuters",
    "bloomberg",
    "afp",
    "ap",
    "cnn",
    "bbc",
    "nhk",
    "xinhua",
    "yonhap",
    "kyodo",
    "tass",
    "ria",
    "efe",
    "ansa",
    "dpa",
    "abc",
    "cbs",
    "nbc",
    "fox",
    "msnbc",
    "npr",
    "pbs",
    "cnbc",
    "cgtn",
    "cctv",
    "cri",
    "rthk",
    "tvb",
    "aljazeera",
    "jazeera",
    "politico",
    "axios",
    "economist",
    "observer",
    "guardian",
    "telegraph",
    "chronicle",
    "monitor",
    "review",
    "report",
    "reporter",
    "sputnik",
    "globe",
    "mail",
    "express",
    "caixin",
    "paper",
    "monthly",
    "prensa",
    "shimbun",
    "novosti",
    "nikkei",
    "buzzfeed",
    "yahoo",
    "univision",
    "telemundo",
    "newsweek",
    "bulletin",
    "courier",
    "dispatch",
];

/// Whether a label or name reads as a media outlet: it contains an outlet
/// word, looks like a web domain (`ThePaper.cn`), or is a short all-capital
/// acronym (`CCTV`).
pub fn looks_like_outlet(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.iter().any(|w| {
        let b = bare(w);
        OUTLET_WORDS.contains(&b.as_str())
            || b.split(['.', '-']).any(|part| OUTLET_WORDS.contains(&part))
    }) {
        return true;
    }
    // "Jiji Press", "Harbour Press", "Associated Press": an agency's name
    // ends in "Press", where an office ("Press Secretary") starts with it.
    if words.len() >= 2
        && words.last().is_some_and(|w| bare(w) == "press")
        && !words.iter().rev().skip(1).any(|w| is_title_word(w))
    {
        return true;
    }
    if words.iter().any(|w| {
        let lw = w.to_ascii_lowercase();
        [".com", ".cn", ".net", ".org", ".co.", ".io", ".news"]
            .iter()
            .any(|tld| lw.contains(tld) && !lw.ends_with('.'))
    }) {
        return true;
    }
    matches!(words.as_slice(), [w] if is_acronym(w))
}

/// A short run of capitals (and digits), as outlets name themselves: `CCTV`,
/// `CGTN`, `RTHK`, `9NEWS`.
pub fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && word.chars().count() <= 7
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
}
