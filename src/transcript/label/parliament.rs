//! Labels in the shapes parliaments print: what a sitting's record adds
//! to a speaker's name, read from the label alone.
//!
//! | shape | examples |
//! |---|---|
//! | a member, their seat and party | `Sarah Olney (Richmond Park) (LD)`, `Mr. Pierre Poilievre (Carleton, CPC)` |
//! | a member, their seat and office | `Mr ALBANESE (Grayndler—Prime Minister)` |
//! | a member, their office and party | `Hon. Chrystia Freeland (Deputy Prime Minister and Minister of Finance, Lib.)` |
//! | an office and its holder | `The Prime Minister (Keir Starmer)`, `The Minister for Transport (Tom Ellery)` |
//! | a presiding officer | `Mr Speaker`, `Madam Deputy Speaker`, `The Presiding Officer`, `The SPEAKER pro tempore` |
//! | members together | `Hon. Members`, `Several hon. Members` |
//!
//! Two parenthesised parts of a member's record (seat, office, party), or
//! an office followed by a person's name, are the evidence: a sentence
//! does not open so, and a reporter's label (`Dana Ortiz (Harbour
//! Radio)`) has one aside, not two. A sitting time after the label
//! (`(14:02)`) is read off by the pattern (see `pattern::TIMED_LABEL`).
//!
//! Separate from [`super::score`] and the resolver: this reads what the
//! label says; the score weighs it and `speaker.rs` names the speaker.

use super::super::name;

/// What a parliamentary label says about its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct House {
    /// The speaker's name as written, with any honorific (`Mr ALBANESE`,
    /// `Keir Starmer`).
    pub name: String,
    /// The office the label gives, without a leading "The" (`Prime
    /// Minister`, `Minister for Transport`).
    pub office: Option<String>,
    /// The seat: constituency, electorate or riding (`Richmond Park`).
    pub seat: Option<String>,
    /// The party as written (`LD`, `Lab/Co-op`, `Lib.`).
    pub party: Option<String>,
}

impl House {
    /// The title a passage carries: the office, else membership of the
    /// seat ("Member for Richmond Park").
    pub fn title(&self) -> Option<String> {
        self.office
            .clone()
            .or_else(|| self.seat.as_ref().map(|s| format!("Member for {s}")))
    }
}

/// The label's head (before its first parenthesis) and its parenthesised
/// groups, when the label is exactly a head followed by whole groups.
fn groups(label: &str) -> Option<(&str, Vec<&str>)> {
    let open = label.find('(')?;
    let head = label[..open].trim();
    let mut rest = label[open..].trim();
    let mut out = Vec::new();
    while !rest.is_empty() {
        let inner = rest.strip_prefix('(')?;
        let close = inner.find(')')?;
        let g = inner[..close].trim();
        if g.is_empty() || g.contains('(') {
            return None;
        }
        out.push(g);
        rest = inner[close + 1..].trim_start();
    }
    (!head.is_empty() && (1..=3).contains(&out.len())).then_some((head, out))
}

/// Whether words name an office: a word of office first (or "The"),
/// and the field the office covers, in capitals or connectors (`Minister for Housing, Communities
/// and Local Government`, `Deputy Prime Minister and Minister of
/// Finance`), with a word for a post somebody holds among them.
pub fn office_shaped(text: &str) -> bool {
    let t = text.trim();
    let stripped = t.strip_prefix("The ").or_else(|| t.strip_prefix("THE "));
    let the = stripped.is_some();
    let t = stripped.unwrap_or(t);
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty() || words.len() > 14 || t.contains(['?', '!', ';', '"']) {
        return false;
    }
    let first_is_title = words.first().is_some_and(|w| name::is_title_word(w));
    let holds_post = words.iter().any(|w| {
        let w = w.trim_end_matches(',');
        name::is_person_office(w) || (w.contains('-') && w.split('-').any(name::is_person_office))
    });
    (first_is_title || the)
        && holds_post
        && words.iter().all(|w| {
            let w = w.trim_end_matches(',');
            name::is_connector(w) || w.starts_with(char::is_uppercase)
        })
}

/// A party as parliaments abbreviate it: a word or three, short,
/// capitalised (`LD`, `Con`, `Lab/Co-op`, `SNP`, `Lib.`, `Ind.`, `Green`).
fn party_shaped(text: &str) -> bool {
    let t = text.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && t.chars().count() <= 24
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                && w.chars().count() <= 12
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '/' | '-' | '.' | '&'))
        })
        && !office_shaped(t)
}

/// A seat: capitalised place words, possibly joined (`Farley and
/// Dunmere`, `Ross, Skye and Lochaber`, `Berwick-upon-Tweed`).
fn seat_shaped(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=8).contains(&words.len())
        && words[0].starts_with(char::is_uppercase)
        && words.iter().all(|w| {
            let w = w.trim_end_matches(',');
            (name::is_connector(w) || w.starts_with(char::is_uppercase))
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        })
        && !office_shaped(text)
        && !name::looks_like_outlet(text)
}

/// A member's name: honorifics (`Mr`, `Dr`, `Hon.`, `Rt Hon.`), then one
/// to four name words, at least two of them without an honorific.
fn member_name(head: &str) -> bool {
    let words: Vec<&str> = head.split_whitespace().collect();
    let titled = words
        .iter()
        .take_while(|w| name::is_title_word(w) || matches!(name::fold(w).as_str(), "rt" | "right"))
        .count();
    let rest = &words[titled..];
    let name_words = rest.first().is_some_and(|w| !name::is_connector(w))
        && rest.len() <= 4
        && rest.iter().all(|w| {
            name::is_name_word(w) && !w.chars().all(|c| c.is_lowercase() || !c.is_alphabetic())
                || name::is_connector(w)
        });
    // A surname in capitals has an acronym's shape (`DALTON`); after an
    // honorific it is a name.
    name_words
        && (rest.len() >= 2 || titled > 0)
        && (titled > 0 || !name::looks_like_outlet(&rest.join(" ")))
}

/// A person's name alone, as a holder's in parentheses: `Keir Starmer`,
/// `Mr Tom Ellery`.
fn person_shaped(text: &str) -> bool {
    name::looks_like_person(text) && !office_shaped(text)
}

/// One group after a member's name that carries two parts of their
/// record, joined by a dash or a comma: `Grayndler—Prime Minister`,
/// `Carleton, CPC`, `Deputy Prime Minister and Minister of Finance, Lib.`.
fn paired_group(group: &str, h: &mut House) -> bool {
    if let Some((seat, office)) = group.split_once(['—', '–']) {
        let (seat, office) = (seat.trim(), office.trim());
        if seat_shaped(seat) && office_shaped(office) {
            h.seat = Some(seat.to_string());
            h.office = Some(office.to_string());
            return true;
        }
        return false;
    }
    let Some((first, party)) = group.rsplit_once(',') else {
        return false;
    };
    let (first, party) = (first.trim(), party.trim());
    if !party_shaped(party) {
        return false;
    }
    if office_shaped(first) {
        h.office = Some(first.to_string());
    } else if seat_shaped(first) {
        h.seat = Some(first.to_string());
    } else {
        return false;
    }
    h.party = Some(party.to_string());
    true
}

/// Reads a label in one of the shapes parliaments print (see the module
/// documentation), or `None`.
pub fn house(label: &str) -> Option<House> {
    let (head, mut gs) = groups(label)?;
    // `(14:02)`: the time the member rose, which only a sitting's record
    // prints; it makes one more part of the record a member's label.
    let timed = gs.len() > 1 && is_time(gs[gs.len() - 1]);
    if timed {
        gs.pop();
    }
    let mut h = House {
        name: head.to_string(),
        office: None,
        seat: None,
        party: None,
    };
    // An office and its holder: `The Prime Minister (Keir Starmer)`.
    if let [holder] = gs.as_slice() {
        if office_shaped(head) && person_shaped(holder) {
            h.name = holder.to_string();
            let office = head
                .strip_prefix("The ")
                .or_else(|| head.strip_prefix("THE "))
                .unwrap_or(head);
            h.office = Some(office.to_string());
            return Some(h);
        }
    }
    if !member_name(head) {
        return None;
    }
    match gs.as_slice() {
        [one] if paired_group(one, &mut h) => Some(h),
        // `Ms ORR (Bendale) (14:06)`.
        [seat] if timed && seat_shaped(seat) => {
            h.seat = Some(seat.to_string());
            Some(h)
        }
        [office] if timed && office_shaped(office) => {
            h.office = Some(office.to_string());
            Some(h)
        }
        // `(Richmond Park) (LD)`, `(Grayndler—Prime Minister) (LD)`.
        [first, party] if party_shaped(party) => {
            if !paired_group(first, &mut h) {
                if seat_shaped(first) {
                    h.seat = Some(first.to_string());
                } else if office_shaped(first) {
                    h.office = Some(first.to_string());
                } else {
                    return None;
                }
            }
            h.party = Some(party.to_string());
            Some(h)
        }
        _ => None,
    }
}

/// A surname as the congressional record prints it: capitals, with a
/// `Mc` or `Mac` as written (`JONES`, `McCONNELL`, `MacDONALD`).
pub fn capitals_surname(word: &str) -> bool {
    let w = word
        .strip_prefix("Mc")
        .or_else(|| word.strip_prefix("Mac"))
        .unwrap_or(word);
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// `14:02`, `9.30`: a time of day as a sitting's record prints it.
fn is_time(group: &str) -> bool {
    let Some((h, m)) = group.split_once([':', '.']) else {
        return false;
    };
    (1..=2).contains(&h.len())
        && m.len() == 2
        && h.bytes().chain(m.bytes()).all(|c| c.is_ascii_digit())
}

/// The presiding officer's office, when a label names only that:
/// `Mr Speaker`, `Madam Deputy Speaker`, `The Presiding Officer`, `An
/// Ceann Comhairle`. The
/// words of office as folded by `people::parts`; an honorific, "the" or a
/// deputy's word is required, since `Speaker:` alone is what automatic
/// transcripts call any voice.
pub fn presiding(office: &[String], honorific: bool, the: bool) -> bool {
    // "An" is the Irish article: `An Ceann Comhairle`.
    let article = office.first().is_some_and(|w| w == "an");
    let mut words: Vec<&str> = office
        .iter()
        .map(String::as_str)
        .filter(|w| *w != "the" && *w != "an")
        .collect();
    // `The SPEAKER pro tempore`: the one presiding for the time being.
    let pro_tempore = words.ends_with(&["pro", "tempore"]);
    if pro_tempore {
        words.truncate(words.len() - 2);
    }
    let (qualified, core) = match words.as_slice() {
        ["deputy" | "acting", core @ ..] => (true, core),
        core => (false, core),
    };
    let core_is = matches!(
        core,
        ["speaker"] | ["presiding", "officer"] | ["ceann", "comhairle"]
    );
    core_is && (honorific || the || article || qualified || pro_tempore)
}

/// Whether a label is members speaking together: `Hon. Members`,
/// `Several hon. Members`, `Some hon. members`, `Opposition members`,
/// `Senators`: a word for members, after at most three words of
/// courtesy, quantity or side of the house (not any word of office:
/// `Committee Members:` heads a list).
pub fn collective(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    let Some((last, before)) = words.split_last() else {
        return false;
    };
    matches!(
        name::fold(last).as_str(),
        "members" | "senators" | "deputies"
    ) && before.len() <= 3
        && before.iter().all(|w| {
            matches!(
                name::fold(w).as_str(),
                "hon"
                    | "honourable"
                    | "honorable"
                    | "right"
                    | "rt"
                    | "several"
                    | "some"
                    | "many"
                    | "all"
                    | "other"
                    | "opposition"
                    | "government"
            )
        })
}

/// Whether a paragraph records what members did rather than what anybody
/// said: `Several hon. Members rose—`, `Hon. Members rose in their
/// places.` A collective of members opens it, a short verb phrase without
/// a person's words follows.
pub fn records_members(text: &str) -> bool {
    let t = text.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() > 8 || t.contains(['?', '"', '“', ':']) {
        return false;
    }
    let Some(k) = words
        .iter()
        .position(|w| matches!(name::fold(w).as_str(), "members" | "senators"))
    else {
        return false;
    };
    let after = &words[k + 1..];
    collective(&words[..=k].join(" "))
        && !after.is_empty()
        && after.len() <= 4
        && after.iter().all(|w| {
            !matches!(
                name::fold(w).as_str(),
                "i" | "we" | "you" | "my" | "our" | "your" | "me" | "us"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Name, office, seat and party.
    type Read = (String, Option<String>, Option<String>, Option<String>);

    fn read(label: &str) -> Option<Read> {
        house(label).map(|h| (h.name, h.office, h.seat, h.party))
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn members_with_seat_and_party() {
        assert_eq!(
            read("Sarah Olney (Richmond Park) (LD)"),
            Some(("Sarah Olney".into(), None, s("Richmond Park"), s("LD")))
        );
        assert_eq!(
            read("Dr Amina Shah (Farley and Dunmere) (Lab/Co-op)"),
            Some((
                "Dr Amina Shah".into(),
                None,
                s("Farley and Dunmere"),
                s("Lab/Co-op")
            ))
        );
        assert_eq!(
            read("Mr. Pierre Lavoie (Carleton, CPC)"),
            Some(("Mr. Pierre Lavoie".into(), None, s("Carleton"), s("CPC")))
        );
    }

    #[test]
    fn members_with_an_office() {
        assert_eq!(
            read("Ms ORR (Bendale) (14:06)"),
            Some(("Ms ORR".into(), None, s("Bendale"), None))
        );
        assert_eq!(read("Ms ORR (Bendale)"), None);
        assert_eq!(
            read("Mr DALTON (Kirribilli—Leader of the Opposition) (14:02)").map(|h| h.2),
            Some(s("Kirribilli"))
        );
        assert_eq!(
            read("Mr DALTON (Kirribilli—Leader of the Opposition)"),
            Some((
                "Mr DALTON".into(),
                s("Leader of the Opposition"),
                s("Kirribilli"),
                None
            ))
        );
        assert_eq!(
            read("Mr ALBANESE (Grayndler—Prime Minister)"),
            Some((
                "Mr ALBANESE".into(),
                s("Prime Minister"),
                s("Grayndler"),
                None
            ))
        );
        assert_eq!(
            read("Hon. Maria Tessier (Deputy Prime Minister and Minister of Finance, Lib.)"),
            Some((
                "Hon. Maria Tessier".into(),
                s("Deputy Prime Minister and Minister of Finance"),
                None,
                s("Lib.")
            ))
        );
    }

    #[test]
    fn offices_with_their_holder() {
        assert_eq!(
            read("The Prime Minister (Ruth Calder)"),
            Some(("Ruth Calder".into(), s("Prime Minister"), None, None))
        );
        assert_eq!(
            read("The Secretary of State for Health and Social Care (Wes Hollis)"),
            Some((
                "Wes Hollis".into(),
                s("Secretary of State for Health and Social Care"),
                None,
                None
            ))
        );
        assert_eq!(
            read("The Parliamentary Under-Secretary of State for Work and Pensions (Ann Lee)")
                .map(|h| h.1),
            Some(s(
                "Parliamentary Under-Secretary of State for Work and Pensions"
            ))
        );
        assert_eq!(
            read("The Deputy Presiding Officer (Liam Moray)").map(|h| h.1),
            Some(s("Deputy Presiding Officer"))
        );
    }

    #[test]
    fn other_asides_are_not_parliamentary() {
        for label in [
            "Dana Ortiz (Harbour Radio)",
            "Q (Reuters)",
            "Reporter (in English)",
            "THE PRESIDENT (via teleconference)",
            "Speaker 1 (Jane)",
            "Anna Lindqvist (translated) (inaudible)",
            "Dana Ortiz (Harbour Radio) (AFP)",
            "The results (in full)",
        ] {
            assert_eq!(house(label), None, "{label}");
        }
    }

    #[test]
    fn presiding_officers_and_members_together() {
        let words = |w: &[&str]| w.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert!(presiding(&words(&["speaker"]), true, false));
        assert!(presiding(&words(&["deputy", "speaker"]), false, false));
        assert!(presiding(&words(&["presiding", "officer"]), false, true));
        assert!(!presiding(&words(&["speaker"]), false, false));
        assert!(!presiding(&words(&["speaker", "1"]), false, false));
        assert!(presiding(
            &words(&["the", "speaker", "pro", "tempore"]),
            false,
            true
        ));
        let p = crate::transcript::people::parts("The SPEAKER pro tempore");
        assert_eq!(p.office, ["speaker", "pro", "tempore"]);
        assert!(p.name.is_empty());
        assert!(collective("Hon. Members"));
        assert!(collective("Several hon. Members"));
        assert!(!collective("Members of the committee"));
        assert!(!collective("Anna Members"));
        assert!(!collective("Committee Members"));
        assert!(collective("Some hon. members"));
        assert!(records_members("Opposition members interjecting—"));
        assert!(records_members("Several hon. Members rose—"));
        assert!(!records_members("Hon. Members will know that we acted."));
        assert!(!records_members("Members, I thank you."));
    }
}
