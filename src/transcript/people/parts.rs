//! A label taken apart: `THE PRESIDENT` → "the" and the office
//! `president`; `ACTING ADMINSTRATOR SLAVITT` → the office `acting
//! administrator` (the typo corrected) and the name `SLAVITT`; `Dana Ortiz
//! (Harbour Radio)` → a name and an aside. Also the name words a person is
//! matched by, and whether a title holds an office.
//!
//! Separate from the resolver because it reads one label on its own,
//! knowing nobody: the document's people and the corpus come after.

use super::super::name;

/// Gender an honorific announces, to keep `MS. JOHNSON` from a man.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Honorific {
    Male,
    Female,
    /// `DR.`, `PROF.`: says nothing about gender.
    Neutral,
}

impl Honorific {
    pub(super) fn of(word: &str) -> Option<Honorific> {
        match name::fold(word).as_str() {
            "mr" | "sir" | "m" => Some(Honorific::Male),
            "ms" | "mrs" | "miss" | "madam" | "mme" | "madame" | "dame" => Some(Honorific::Female),
            "dr" | "prof" | "mx" => Some(Honorific::Neutral),
            _ => None,
        }
    }

    pub(super) fn conflicts(self, other: Honorific) -> bool {
        matches!(
            (self, other),
            (Honorific::Male, Honorific::Female) | (Honorific::Female, Honorific::Male)
        )
    }
}

/// A label taken apart: `THE PRESIDENT` → the, office `president`;
/// `ACTING ADMINSTRATOR SLAVITT` → office `acting administrator`, name
/// `SLAVITT`; `Dana Ortiz (Harbour Radio)` → name and aside.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct LabelParts {
    /// The label opens with "the": it names an office, not a person.
    pub the: bool,
    pub honorific: Option<Honorific>,
    /// Words of office, folded and with typing errors corrected.
    pub office: Vec<String>,
    /// The same words as written, for display.
    office_written: Vec<String>,
    /// The name as written (may be empty for an office).
    pub name: String,
    /// Text in parentheses after the label, if any.
    pub aside: Option<String>,
}

impl LabelParts {
    /// The office as words to print: `Senior Administration Official`,
    /// `NSC Spokesperson` (short capitals stay an acronym).
    pub fn office_display(&self) -> String {
        let mut words: Vec<String> = Vec::new();
        if self.the {
            words.push("The".into());
        }
        for (w, written) in self.office.iter().zip(
            self.office_written
                .iter()
                .map(String::as_str)
                .chain(std::iter::repeat("")),
        ) {
            let acronym = written.chars().all(|c| c.is_ascii_uppercase())
                && (2..=3).contains(&written.len())
                && !name::CONNECTORS.contains(&w.as_str());
            words.push(if acronym {
                written.to_string()
            } else if name::CONNECTORS.contains(&w.as_str()) {
                w.clone()
            } else {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            });
        }
        words.join(" ")
    }

    /// The name printed as a name (`VON DER LEYEN` → `Von der Leyen`,
    /// `PSAKI` → `Psaki`), and the congressional record's surnames, with
    /// their state (`SMITH of Texas` → `Smith of Texas`) or a `Mc` printed
    /// before the capitals (`McCONNELL` → `McConnell`).
    pub fn name_display(&self) -> String {
        // `McCONNELL`: capitals after a `Mc` or `Mac` printed as such.
        let shouted = |w: &str| {
            let tail = w
                .strip_prefix("Mc")
                .or_else(|| w.strip_prefix("Mac"))
                .unwrap_or(w);
            tail.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !tail.chars().any(char::is_lowercase)
        };
        let (surname, state) = match self.name.split_once(" of ") {
            Some((s, st))
                if st.starts_with(char::is_uppercase) && st.chars().any(char::is_lowercase) =>
            {
                (s, Some(st))
            }
            _ => (self.name.as_str(), None),
        };
        if !surname.split_whitespace().all(shouted) {
            return name::display_person(&self.name);
        }
        let shown = name::display_person(&surname.to_uppercase());
        match state {
            Some(st) => format!("{shown} of {st}"),
            None => shown,
        }
    }
}

/// Takes a label apart into office, honorific and name.
pub fn parts(label: &str) -> LabelParts {
    let (head, aside) = match label.split_once(['(', '（']) {
        Some((h, a)) => (
            h.trim(),
            Some(a.trim_end_matches([')', '）']).trim().to_string()).filter(|a| !a.is_empty()),
        ),
        None => (label.trim(), None),
    };
    let words: Vec<&str> = head.split_whitespace().collect();
    let capitals = !head.chars().any(char::is_lowercase);
    let mut p = LabelParts {
        aside,
        ..LabelParts::default()
    };
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let last = i + 1 == words.len();
        let folded = name::fold(w);
        if folded == "the" && i == 0 {
            p.the = true;
            i += 1;
            continue;
        }
        if let Some(h) = Honorific::of(w).filter(|_| p.office.is_empty() && !last) {
            p.honorific = Some(h);
            i += 1;
            continue;
        }
        // Connectors belong to the office only between two office words
        // ("SECRETARY OF STATE"); otherwise they open a name ("VON DER").
        if name::is_connector(w) && !p.office.is_empty() {
            let next_is_office = words
                .get(i + 1)
                .is_some_and(|n| name::is_title_word(n) && !name::is_connector(n));
            if next_is_office {
                p.office.push(folded);
                p.office_written.push(w.to_string());
                i += 1;
                continue;
            }
            break;
        }
        let exact = name::is_title_word(w) && !name::is_connector(w);
        // A typo is corrected in capitals labels, but never in the word
        // that may be the name ("DR. WALESNKY") unless the label is an
        // office ("THE PRESIDNET").
        let typo = if !exact && capitals && (!last || p.the || !p.office.is_empty()) {
            name::title_word_typo(w).filter(|t| *t != "the")
        } else {
            None
        };
        if folded == "pm" {
            // "PM Lee", "PM:": the prime minister.
            p.office
                .extend(["prime".to_string(), "minister".to_string()]);
            p.office_written.push("Prime".into());
            p.office_written.push("Minister".into());
            i += 1;
            continue;
        }
        if exact {
            p.office.push(folded);
        } else if let Some(t) = typo {
            p.office.push(t.to_string());
        } else {
            break;
        }
        p.office_written.push(w.to_string());
        i += 1;
    }
    p.name = words[i.min(words.len())..].join(" ");
    // "Chief Engineer Professor Sam Idris": a title word further on starts
    // the name after it, when what follows reads as a name.
    if let Some(k) = words[i.min(words.len())..]
        .iter()
        .rposition(|w| name::is_title_word(w) && !name::is_connector(w))
    {
        let rest = &words[i + k + 1..];
        if !rest.is_empty() && rest.len() <= 3 && name::looks_like_person(&rest.join(" ")) {
            for w in &words[i..=i + k] {
                p.office.push(name::fold(w));
                p.office_written.push((*w).to_string());
            }
            p.name = rest.join(" ");
        }
    }
    // "The SPEAKER pro tempore": the Latin qualifies the office.
    if !p.office.is_empty() && name::fold(&p.name) == "pro tempore" {
        for w in std::mem::take(&mut p.name).split_whitespace() {
            p.office.push(name::fold(w));
            p.office_written.push(w.to_string());
        }
    }
    // "Speaker 1", "Participant 2": a numbered voice, not a name.
    if !p.name.is_empty() && p.name.chars().all(|c| c.is_ascii_digit()) {
        p.office.push(p.name.clone());
        p.office_written.push(std::mem::take(&mut p.name));
    }
    // "NSC SPOKESPERSON", "WHITE HOUSE AIDE": a description of an office
    // ends with a word of office; no name is in it.
    if !p.name.is_empty()
        && words
            .last()
            .is_some_and(|w| name::is_title_word(w) && is_office_noun(&name::fold(w)))
        && Honorific::of(words[0]).is_none()
        && !name::looks_like_outlet(head)
    {
        p.office.extend(p.name.split_whitespace().map(name::fold));
        p.office_written
            .extend(p.name.split_whitespace().map(str::to_string));
        p.name.clear();
    }
    // "MR: ZIENTS" leaves the stray colon on the honorific; "MR. X" with
    // nothing after the honorific is a name, not an office.
    if p.name.is_empty() && p.office.is_empty() && !p.the {
        p.name = head.to_string();
        p.honorific = None;
    }
    p
}

/// Office words that say what somebody is (`secretary`, `president`), as
/// opposed to qualifiers (`acting`, `deputy`, `senior`, `the`).
pub(super) fn is_office_noun(w: &str) -> bool {
    !matches!(
        w,
        "the"
            | "acting"
            | "deputy"
            | "senior"
            | "principal"
            | "assistant"
            | "associate"
            | "special"
            | "vice"
            | "under"
            | "chief"
            | "first"
            | "general"
            | "executive"
            | "national"
            | "state"
            | "white"
            | "house"
            | "press"
    ) && !name::CONNECTORS.contains(&w)
}

/// The words a name is matched by: folded, a hyphenated name kept whole
/// (`SMITH` is not `Nunez-Smith`; `MOON` is `Moon Jae-in`).
pub fn match_keys(n: &str) -> Vec<String> {
    n.split_whitespace()
        .map(|w| name::fold(w).replace(' ', "-"))
        .filter(|w| !w.is_empty() && !name::CONNECTORS.contains(&w.as_str()))
        .collect()
}

/// Name words without initials: what tells two people apart.
pub fn core_keys(keys: &[String]) -> Vec<String> {
    keys.iter()
        .filter(|k| k.chars().count() > 1)
        .cloned()
        .collect()
}

pub(super) fn keys_within(label: &[String], person: &[String]) -> bool {
    !label.is_empty() && label.iter().all(|k| person.contains(k))
}

/// An office's words as a holder's title or a mention gives them: `the`
/// dropped (`the treasurer` is the Treasurer). Shared by `title_holds`
/// and the office mentions of `transcript::office`, so both read an
/// office alike.
pub fn office_words(office: &[String]) -> Vec<&str> {
    office
        .iter()
        .map(String::as_str)
        .filter(|w| *w != "the")
        .collect()
}

/// Whether an office, as words (`vice president`), is what `title` ends
/// with, so that "President" does not match "Vice President".
pub(super) fn title_holds(title: &str, office: &[String]) -> bool {
    let office = office_words(office);
    if office.is_empty() {
        return false;
    }
    let tw: Vec<String> = name::fold(title).split(' ').map(str::to_string).collect();
    let n = office.len();
    tw.len() >= n
        && tw[tw.len() - n..]
            .iter()
            .map(String::as_str)
            .eq(office.iter().copied())
        // "Vice President", "Deputy Prime Minister" and "Advisor to the
        // President" do not hold the office of "President" or "Prime
        // Minister".
        && !(tw.len() > n && {
            let before = tw[tw.len() - n - 1].as_str();
            matches!(before, "vice" | "deputy" | "assistant") || name::CONNECTORS.contains(&before)
        })
}
