//! Honorifics and words of office: the words stripped from the front of a
//! name to find it (`Press Secretary Jen Psaki` → `Jen Psaki`), the words
//! an office label ends with, letters after a name (`MP`, `Jr.`), and a
//! title word typed with an error (`PRESIDNET`).
//!
//! Separate because it is the longest list of general knowledge the
//! parser has: English words of office, not names from any corpus.

use super::typo::{near, typo_budget};
use super::{bare, is_connector};

/// Honorifics and titles that come before a name. Lower-case, without dots.
/// These are English words of office, not names from any corpus.
pub(super) const TITLE_WORDS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "madam",
    "madame",
    "mme",
    "h.e",
    "honourable",
    "pm",
    "m",
    "the",
    "his",
    "her",
    "excellency",
    "honorable",
    "hon",
    "president",
    "vice",
    "prime",
    "premier",
    "minister",
    "deputy",
    "secretary",
    "undersecretary",
    "under",
    "assistant",
    "associate",
    "principal",
    "general",
    "attorney",
    "surgeon",
    "press",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "spokespeople",
    "ambassador",
    "envoy",
    "special",
    "senior",
    "acting",
    "administrator",
    "director",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "co-chair",
    "governor",
    "treasurer",
    "lieutenant",
    "mayor",
    "senator",
    "sen",
    "representative",
    "rep",
    "congressman",
    "congresswoman",
    "speaker",
    "leader",
    "majority",
    "minority",
    "commissioner",
    "chief",
    "counselor",
    "councillor",
    "councilor",
    "advisor",
    "adviser",
    "coordinator",
    "commander",
    "admiral",
    "colonel",
    "col",
    "captain",
    "capt",
    "lt",
    "sgt",
    "sergeant",
    "judge",
    "justice",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "official",
    "officials",
    "aide",
    "officer",
    "advisers",
    "advisors",
    "presidential",
    "executive",
    "member",
    "head",
    "first",
    "lady",
    "gentleman",
    "host",
    "moderator",
    // Chinese labels put the office before the name: `主持人 苏雨晴：`.
    "主持人",
    "发言人",
    "新闻发言人",
    "pastor",
    "reverend",
    "rev",
    "father",
    "bishop",
    "state",
    "national",
    "economic",
    "security",
    "homeland",
    "domestic",
    "foreign",
    "policy",
    "climate",
    "health",
    "public",
    "white",
    "house",
    "administration",
    "council",
    "cabinet",
    "ministry",
    "department",
    "office",
    "bureau",
    "commission",
    "committee",
    "agency",
    "affairs",
    "development",
    "information",
    "municipal",
    "people's",
    "government",
    "party",
    "central",
    "federal",
    "defense",
    "defence",
    "treasury",
    "commerce",
    "finance",
    "financial",
    "trade",
    "staff",
    "team",
    "group",
    "spokesperson's",
    "cyber",
    "emerging",
    "technology",
    "international",
    "relations",
    "communications",
    "director-general",
    "secretary-general",
    // Offices of the Irish state and the chair of its Dáil, written in
    // Irish in English-language records.
    "taoiseach",
    "tánaiste",
    "tanaiste",
    "ceann",
    "comhairle",
];

/// Whether `word` is an honorific or a word of office ("MS.", "Secretary"),
/// or words of office joined by hyphens, as European institutions write
/// them ("Vice-President", "Vice-Chair"; not "Jean-Pierre").
pub fn is_title_word(word: &str) -> bool {
    let w = bare(word);
    !w.is_empty()
        && (TITLE_WORDS.contains(&w.as_str())
            || (w.contains('-')
                && w.split('-')
                    .all(|part| !part.is_empty() && TITLE_WORDS.contains(&part))))
}

/// The title word `word` was meant to be, allowing for a typo
/// (`PRESIDNET` → `president`), or `None`. Exact title words come back
/// folded as they are.
pub fn title_word_typo(word: &str) -> Option<&'static str> {
    let w = bare(word);
    if let Some(t) = TITLE_WORDS.iter().find(|t| **t == w) {
        return Some(t);
    }
    let budget = typo_budget(w.chars().count());
    if budget == 0 {
        return None;
    }
    let mut best: Option<(usize, &'static str)> = None;
    let mut tie = false;
    for t in TITLE_WORDS {
        if t.len() < 6 {
            continue;
        }
        if let Some(d) = near(&w, t, budget) {
            match best {
                Some((bd, _)) if bd < d => {}
                Some((bd, _)) if bd == d => tie = true,
                _ => {
                    best = Some((d, t));
                    tie = false;
                }
            }
        }
    }
    if tie {
        return None;
    }
    best.map(|(_, t)| t)
}

/// Whether a word of office names a person's post (`Spokesman`,
/// `Minister`, `Treasurer`), as opposed to an organisation or a field
/// (`Affairs`, `Policy`, `Council`): an office label ends with one.
pub fn is_person_office(word: &str) -> bool {
    matches!(
        bare(word).as_str(),
        "president"
            | "premier"
            | "minister"
            | "secretary"
            | "undersecretary"
            | "spokesperson"
            | "spokesman"
            | "spokeswoman"
            | "ambassador"
            | "envoy"
            | "governor"
            | "mayor"
            | "senator"
            | "chair"
            | "chairman"
            | "chairwoman"
            | "chairperson"
            | "director"
            | "director-general"
            | "secretary-general"
            | "commissioner"
            | "administrator"
            | "chancellor"
            | "treasurer"
            | "advisor"
            | "adviser"
            | "coordinator"
            | "official"
            | "officer"
            | "aide"
            | "speaker"
            | "leader"
            | "general"
            | "admiral"
            | "commander"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "lady"
            | "pm"
            | "taoiseach"
            | "tánaiste"
            | "tanaiste"
            | "comhairle"
    )
}

/// Letters after a name that are not part of it: `MP`, `QC`, `OBE`,
/// `Jr.`, `PhD`.
pub fn is_post_nominal(word: &str) -> bool {
    matches!(
        bare(word).as_str(),
        "mp" | "mla"
            | "mpp"
            | "msp"
            | "mep"
            | "qc"
            | "kc"
            | "sc"
            | "obe"
            | "mbe"
            | "cbe"
            | "kbe"
            | "dbe"
            | "jr"
            | "sr"
            | "phd"
            | "md"
            | "esq"
            | "ao"
            | "ac"
    )
}

/// Whether `word` is an honorific proper (Mr., Ms., Dr. …): a word that
/// announces a person's name follows.
pub fn is_honorific(word: &str) -> bool {
    matches!(
        bare(word).as_str(),
        "mr" | "mrs" | "ms" | "miss" | "mx" | "dr" | "prof" | "sir" | "dame" | "madam" | "mme"
    )
}

/// Strips titles and honorifics from the front of a name: `Press Secretary
/// Jen Psaki` → (`Press Secretary`, `Jen Psaki`). When every word is a title
/// (`SENIOR ADMINISTRATION OFFICIAL`), the name is empty.
pub fn split_title(name: &str) -> (String, String) {
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() && (is_title_word(words[i]) || is_connector(words[i])) {
        i += 1;
    }
    // "Secretary of State Blinken": connectors only belong to the title when
    // a title word follows them.
    (words[..i].join(" "), words[i..].join(" "))
}
