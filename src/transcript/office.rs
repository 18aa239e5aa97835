//! Offices, honours and initials: how press offices name the person who
//! speaks without writing the name in the label.
//!
//! Parliamentary press offices print the person once, in the header
//! (`THE HON. RUTH MBEKI MP` above `PRIME MINISTER`, or "DOORSTOP
//! INTERVIEW — SENATOR TOM HARGREAVES, SHADOW TREASURER"), and then label
//! the turns with the office (`PM:`, `TREASURER:`), the surname
//! (`HARGREAVES:`) or the initials (`TH:`). The rules here read the header
//! shapes and match a short label to the one person whose name or office
//! it abbreviates. Every match is by shape and must be unique in the
//! document: two people with the same initials leave the label as written,
//! so one wrong guess cannot spread over a document.

use super::name;
use super::people::{office_words, DocPerson};

/// Parliamentary honours before a name: "The Hon.", "Hon", "The
/// Honourable", "The Rt Hon". With post-nominals after the name (`MP`),
/// they are what tells a header's name line from a heading or a label
/// alone on its line (`MS. DANA ORTIZ` could be either, so an honorific
/// alone is not evidence).
fn is_honour(word: &str) -> bool {
    matches!(
        name::fold(word).as_str(),
        "hon" | "honourable" | "honorable" | "rt" | "right"
    )
}

/// Words that may stand between the honours and the name ("Senator the
/// Hon", "Hon Dr"): skipped, but no evidence on their own.
fn is_courtesy(word: &str) -> bool {
    matches!(name::fold(word).as_str(), "the" | "senator" | "sen") || name::is_honorific(word)
}

/// A header line that is one person's name with their honours: `THE HON.
/// RUTH MBEKI MP`, `Senator the Hon Tom Hargreaves`, `Hon Dr Ana Kovac
/// MP`. Returns the name as a name (`Ruth Mbeki`). The honours are the
/// evidence: a bare name in capitals could be a heading or a label, so a
/// line without a leading honour or a trailing post-nominal is not read.
pub fn honoured_name(line: &str) -> Option<String> {
    let t = line.trim();
    if t.contains([':', '?', '!', ',', ';', '(', '"']) || t.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() > 9 {
        return None;
    }
    let mut start = 0;
    let mut honoured = false;
    while start < words.len() {
        let w = words[start];
        if is_honour(w) {
            honoured = true;
        } else if !is_courtesy(w) {
            break;
        }
        start += 1;
    }
    let mut end = words.len();
    while end > start && name::is_post_nominal(words[end - 1]) {
        honoured = true;
        end -= 1;
    }
    let core = words.get(start..end)?;
    if !honoured || !(2..=4).contains(&core.len()) {
        return None;
    }
    let joined = core.join(" ");
    if core
        .iter()
        .any(|w| name::is_title_word(w) && !name::is_connector(w))
        || !name::looks_like_person(&joined)
    {
        return None;
    }
    Some(name::display_case(&joined))
}

/// A header line that is an office alone: `PRIME MINISTER`, `Treasurer`,
/// `MINISTER FOR WATER AND THE ENVIRONMENT`, `Shadow Treasurer`. It opens
/// with words of office (a qualifier such as "Shadow" or "Deputy" may come
/// first) and holds a post somebody holds among its first three words;
/// it is short and is not a sentence. Returns it as printed words.
pub fn office_line(line: &str) -> Option<String> {
    let t = line.trim().trim_end_matches(',');
    if t.contains([':', '?', '!', ';', '"', '.'])
        || t.chars().any(|c| c.is_ascii_digit())
        || t.is_empty()
    {
        return None;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() > 8 {
        return None;
    }
    let post = words
        .iter()
        .take(3)
        .position(|w| name::is_person_office(w))?;
    // Before the post, only words of office or a qualifier in one word
    // ("Shadow", "Acting"): never a name.
    let lead_ok = words[..post]
        .iter()
        .all(|w| name::is_title_word(w) || (post == 1 && !name::looks_like_person(w)));
    let capitalised = words
        .iter()
        .all(|w| w.starts_with(char::is_uppercase) || name::is_connector(w));
    (lead_ok && capitalised).then(|| name::display_case(t))
}

/// The office written after a name in a title, set off by a comma: "… —
/// SENATOR TOM HARGREAVES, SHADOW TREASURER" gives `Shadow Treasurer` for
/// Tom Hargreaves. Only an [`office_line`] counts, up to the next comma or
/// dash.
pub fn appositive_office(title: &str, person: &str) -> Option<String> {
    let folded_title = title.to_lowercase();
    let at = folded_title.find(&person.to_lowercase())?;
    let after = title.get(at + person.len()..)?.trim_start();
    let after = after.strip_prefix(',')?;
    let office = after
        .split([',', '—', '–', '|'])
        .next()
        .unwrap_or("")
        .trim();
    office_line(office)
}

/// People a title names as "Name, Office" with no word of office before
/// the name ("… and Steven Aldane, Director of Ports"): the capitalised
/// name words right before a comma, when an [`office_line`] follows it.
/// The title's own reader finds only names after an office word.
pub fn appositive_people(title: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = title;
    let mut before = String::new();
    while let Some(at) = rest.find(',') {
        before.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let office = after
            .split([',', '—', '–', '|'])
            .next()
            .unwrap_or("")
            .trim();
        if let Some(office) = office_line(office) {
            let words: Vec<&str> = before.split_whitespace().collect();
            let mut k = words.len();
            while k > 0 {
                let w = words[k - 1];
                let name_like = w.starts_with(char::is_uppercase)
                    && !name::is_title_word(w)
                    && !w.ends_with(['.', ':', ';']);
                let particle = name::is_connector(w)
                    && !matches!(
                        name::fold(w).as_str(),
                        "and" | "of" | "the" | "for" | "on" | "in" | "to"
                    );
                if !(name_like || particle) {
                    break;
                }
                k -= 1;
            }
            // At most four words of name, and at least two.
            let k = k.max(words.len().saturating_sub(4));
            let person = words[k..].join(" ");
            if words.len() - k >= 2 && name::looks_like_person(&person) {
                out.push((name::display_case(&person), office));
            }
        }
        before.clear();
        rest = after;
    }
    out
}

/// A title person's title with the office written after their name:
/// `Senator` and "…, SHADOW TREASURER" give `Senator, Shadow Treasurer`,
/// so that a `TREASURER:` label finds its holder. The title words are
/// printed as words (`SENATOR` → `Senator`).
pub fn with_appositive(title_line: &str, person: &str, title: &str) -> String {
    let title = name::display_case(title);
    match appositive_office(title_line, person) {
        Some(office) if !title.is_empty() => format!("{title}, {office}"),
        Some(office) => office,
        None => title,
    }
}

/// The person the text names right after the words of an office, as a
/// host introduces who is with them: "I'm joined by the Treasurer, Jim
/// Park" or "Treasurer Jim Calder" give Jim Calder for `TREASURER:`. The
/// office must not be a deputy's ("the Deputy Treasurer, …"); every such
/// mention must name the same person, else nobody. Returns the name and
/// the paragraph's line.
///
/// With `appositives`, a name set off by a comma before the office counts
/// too ("by Stéphane Dujarric, Spokesman for the Secretary-General"): good
/// evidence where nothing else names the holder, but a text also names
/// other countries' holders so ("Moon Jae-in, President of the Republic of
/// Korea"), so it must never outvote the header or the corpus.
pub fn joined_holder<'t>(
    paragraphs: impl Iterator<Item = (&'t str, usize)>,
    office: &[String],
    appositives: bool,
) -> Option<(String, usize)> {
    let office = office_words(office);
    if office.is_empty() {
        return None;
    }
    let mut found: Option<(String, usize)> = None;
    for (text, line) in paragraphs {
        let words: Vec<&str> = text.split_whitespace().collect();
        for k in 0..(words.len() + 1).saturating_sub(office.len()) {
            let here = words[k..k + office.len()]
                .iter()
                .map(|w| name::fold(w))
                .eq(office.iter().map(|w| w.to_string()));
            let deputy = k > 0
                && matches!(
                    name::fold(words[k - 1]).as_str(),
                    "deputy" | "vice" | "assistant" | "shadow" | "former"
                );
            // Only where a host introduces somebody: "joined by", "with
            // me", "welcome", "introduce" within the six words before. A
            // mention elsewhere ("met with President Lee Ana") is no
            // evidence of who holds this document's office.
            let introduced = words[k.saturating_sub(6)..k].iter().any(|w| {
                matches!(
                    name::fold(w).as_str(),
                    "joined" | "me" | "welcome" | "introduce" | "joining"
                )
            });
            if !here || deputy {
                continue;
            }
            // "… by Stéphane Dujarric, Spokesman for the Secretary-General":
            // a name set off by a comma before the office is how a text
            // says who holds it, wherever the sentence stands.
            // An official on background is nobody by design.
            let anonymous = office.iter().any(|w| w.starts_with("official"));
            let appositive = named_before(&words[..k]).filter(|_| appositives && !anonymous);
            if !introduced && appositive.is_none() {
                continue;
            }
            if let Some(joined) = appositive {
                match &found {
                    Some((n, _)) if *n != joined => return None,
                    Some(_) => {}
                    None => found = Some((joined, line)),
                }
                continue;
            }
            let tail = &words[k + office.len()..];
            let tail: Vec<&str> = tail
                .iter()
                .take(3)
                .map(|w| w.trim_start_matches(','))
                .collect();
            let mut person: Vec<&str> = Vec::new();
            for (n, w) in tail.iter().enumerate() {
                let core = w.trim_end_matches([',', '.', ';', ':', '!', '?']);
                if !core.starts_with(char::is_uppercase) || name::is_title_word(core) {
                    break;
                }
                person.push(core);
                if core.len() != w.len() || n == 2 {
                    break;
                }
            }
            let joined = person.join(" ");
            if person.len() >= 2 && name::looks_like_person(&joined) {
                match &found {
                    Some((n, _)) if *n != joined => return None,
                    Some(_) => {}
                    None => found = Some((joined, line)),
                }
            }
        }
    }
    found
}

/// The person named just before an office and set off from it by a comma
/// (`Stéphane Dujarric,` or `Jim Calder, the`): two or three capitalised
/// words ending in the comma, that read as a person's name.
fn named_before(before: &[&str]) -> Option<String> {
    let mut end = before.len();
    if end > 0 && name::fold(before[end - 1]) == "the" {
        end -= 1;
    }
    let last = before[..end].last()?;
    if !last.ends_with(',') {
        return None;
    }
    let mut person: Vec<&str> = Vec::new();
    for w in before[..end].iter().rev().take(3) {
        let core = w.trim_end_matches(',');
        let joins = person.is_empty() || !w.ends_with(',');
        // A full stop ends a sentence unless it is an initial's (`J.`):
        // "Hey. Thanks, Senior Administration Official" names nobody.
        let initial = core.len() <= 3 && core.ends_with('.');
        let sentence_mark = core.contains(['!', '?', ':', ';']) || (core.contains('.') && !initial);
        if !joins
            || sentence_mark
            || !core.starts_with(char::is_uppercase)
            || name::is_title_word(core)
            || is_address_word(core)
        {
            break;
        }
        person.push(core);
    }
    person.reverse();
    let joined = person.join(" ");
    (person.len() >= 2 && name::looks_like_person(&joined)).then_some(joined)
}

/// Words that open a greeting or a thanks addressed to an office ("Good
/// morning, Prime Minister", "Thanks, Spokesman"): capitalised, and no
/// part of a name.
fn is_address_word(word: &str) -> bool {
    matches!(
        name::fold(word).as_str(),
        "good"
            | "morning"
            | "afternoon"
            | "evening"
            | "thanks"
            | "thank"
            | "hello"
            | "hi"
            | "hey"
            | "okay"
            | "ok"
            | "well"
            | "yes"
            | "sure"
            | "great"
            | "welcome"
            | "dear"
            | "sorry"
            | "please"
            | "congratulations"
    )
}

/// Words that make a run of capitalised words a body, not a post.
fn is_body_word(word: &str) -> bool {
    matches!(
        name::fold(word).as_str(),
        "ministry"
            | "department"
            | "office"
            | "bank"
            | "treasury"
            | "council"
            | "commission"
            | "agency"
            | "authority"
            | "board"
            | "bureau"
            | "committee"
            | "government"
            | "embassy"
            | "mission"
    )
}

/// Words that rank a post without naming it: `deputy` spokesperson.
fn is_rank(word: &str) -> bool {
    matches!(
        name::fold(word).as_str(),
        "deputy" | "vice" | "chief" | "senior" | "acting" | "assistant" | "principal" | "first"
    )
}

/// The body an official speaks for, where their title says it: `Foreign
/// Ministry Spokesperson` → `Foreign Ministry`, `Spokesperson of the
/// Ministry of Foreign Affairs` → `Ministry of Foreign Affairs`. A title
/// without such a word (`Prime Minister`, `Minister for Water`) names a
/// post, not a body, and gives none.
pub fn organisation_of_title(title: &str) -> Option<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let post = words
        .iter()
        .position(|w| name::is_person_office(w) && !is_body_word(w))?;
    // The body written before the post names it only when it is joined
    // to it: the run of capitalised words (with `of`, `the`, `for` inside)
    // that ends at the post, past a rank (`Foreign Ministry deputy
    // spokesperson`). A body further back belongs to another post of the
    // same person (`member of the Standing Committee … and deputy mayor`):
    // taking it would cut a title in the middle.
    let mut end = post;
    while end > 0 && is_rank(words[end - 1]) {
        end -= 1;
    }
    let mut start = end;
    while start > 0 {
        let w = words[start - 1];
        let joins = matches!(name::fold(w).as_str(), "of" | "the" | "for");
        if w.starts_with(char::is_uppercase) || (joins && start < end) {
            start -= 1;
        } else {
            break;
        }
    }
    while start < end && !words[start].starts_with(char::is_uppercase) {
        start += 1;
    }
    let joined = &words[start..end];
    if joined.iter().any(|w| is_body_word(w)) {
        return Some(joined.join(" ").trim_end_matches(',').to_string());
    }
    let after = words.get(post + 1..)?;
    let at = after
        .iter()
        .position(|w| matches!(name::fold(w).as_str(), "of" | "at"))?;
    let mut body: Vec<&str> = after[at + 1..].to_vec();
    if body.first().is_some_and(|w| name::fold(w) == "the") {
        body.remove(0);
    }
    (body.first().is_some_and(|w| is_body_word(w)))
        .then(|| body.join(" ").trim_end_matches([',', '.']).to_string())
}

/// The initials of a name's words, capitals only: `Tom Hargreaves` → `TH`,
/// `Ana de la Cruz` → `AC` (particles are not initialled).
pub fn initials(words: &str) -> String {
    words
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && !name::is_connector(w))
        .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether a label is short capitals that could abbreviate a name or an
/// office: two to four letters (`TH`, `DPM`, `AMC`).
pub fn is_abbreviation(label: &str) -> bool {
    let t = label.trim().trim_end_matches('.');
    (2..=4).contains(&t.chars().count()) && t.chars().all(|c| c.is_ascii_uppercase())
}

/// How an abbreviation matched a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    /// The initials of their name (`TH` for Tom Hargreaves).
    Name,
    /// The initials of their office (`DPM` for a Deputy Prime Minister).
    Office,
}

/// The one person of the document whose name's initials, or whose
/// office's, are `label` (`TH`, `DPM`). Names are tried before offices; a
/// second person with the same initials makes the label ambiguous, and it
/// is left as written.
pub fn by_initials<'p>(
    label: &str,
    people: impl Iterator<Item = &'p DocPerson> + Clone,
) -> Option<(&'p DocPerson, By)> {
    if !is_abbreviation(label) {
        return None;
    }
    let wanted = label.trim().trim_end_matches('.');
    let unique = |found: Vec<&'p DocPerson>| -> Option<&'p DocPerson> {
        let first = *found.first()?;
        found
            .iter()
            .all(|p| name::fold(&p.name) == name::fold(&first.name))
            .then_some(first)
    };
    let by_name: Vec<&DocPerson> = people
        .clone()
        .filter(|p| initials(&p.name) == wanted)
        .collect();
    if !by_name.is_empty() {
        return unique(by_name).map(|p| (p, By::Name));
    }
    let by_office: Vec<&DocPerson> = people
        .filter(|p| p.title.as_deref().is_some_and(|t| initials(t) == wanted))
        .collect();
    unique(by_office).map(|p| (p, By::Office))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::people::Source;

    fn person(n: &str, title: Option<&str>) -> DocPerson {
        DocPerson {
            name: n.into(),
            title: title.map(str::to_string),
            role: None,
            source: Source::Header,
        }
    }

    #[test]
    fn names_with_honours() {
        assert_eq!(
            honoured_name("THE HON. RUTH MBEKI MP").as_deref(),
            Some("Ruth Mbeki")
        );
        assert_eq!(
            honoured_name("Senator the Hon Tom Hargreaves").as_deref(),
            Some("Tom Hargreaves")
        );
        assert_eq!(
            honoured_name("Hon Dr Ana de la Cruz MP").as_deref(),
            Some("Ana de la Cruz")
        );
        // No honour: a heading or a label, not a header name.
        assert_eq!(honoured_name("RUTH MBEKI"), None);
        assert_eq!(honoured_name("TRANSCRIPT OF PRESS CONFERENCE"), None);
        assert_eq!(honoured_name("THE HON. RUTH MBEKI MP: Thank you."), None);
        assert_eq!(honoured_name("PRIME MINISTER"), None);
    }

    #[test]
    fn office_lines() {
        assert_eq!(
            office_line("PRIME MINISTER").as_deref(),
            Some("Prime Minister")
        );
        assert_eq!(
            office_line("Shadow Treasurer").as_deref(),
            Some("Shadow Treasurer")
        );
        assert_eq!(
            office_line("MINISTER FOR WATER AND THE ENVIRONMENT").as_deref(),
            Some("Minister for Water and the Environment")
        );
        assert_eq!(office_line("SUBJECTS: Budget; water"), None);
        assert_eq!(office_line("The minister said so."), None);
        assert_eq!(office_line("Ruth Mbeki"), None);
        assert_eq!(office_line("Dana Ortiz Minister"), None);
    }

    #[test]
    fn offices_after_a_name() {
        let t = "DOORSTOP INTERVIEW — SENATOR TOM HARGREAVES, SHADOW TREASURER";
        assert_eq!(
            appositive_office(t, "TOM HARGREAVES").as_deref(),
            Some("Shadow Treasurer")
        );
        assert_eq!(appositive_office("Remarks by Tom Hargreaves", "Tom"), None);
    }

    #[test]
    fn people_with_their_office_after_the_name() {
        assert_eq!(
            appositive_people(
                "Press Briefing by Minister Jo Vale and Steven Aldane, Director of Ports"
            ),
            [("Steven Aldane".to_string(), "Director of Ports".to_string())]
        );
        assert_eq!(
            appositive_people("Remarks by Ana de la Cruz, Minister for Water, in Harbour City"),
            [(
                "Ana de la Cruz".to_string(),
                "Minister for Water".to_string()
            )]
        );
        assert!(appositive_people("Harbour City, March 3, 2030").is_empty());
    }

    #[test]
    fn the_host_says_who_holds_an_office() {
        let office = vec!["treasurer".to_string()];
        let paras = [
            (
                "Good morning. I'm joined by the Treasurer, Jim Calder, today.",
                5,
            ),
            ("With me is Treasurer Jim Calder.", 7),
            // Not an introduction: no evidence.
            ("Treasurer Ann Holt met the board.", 8),
        ];
        assert_eq!(
            joined_holder(paras.iter().copied(), &office, false),
            Some(("Jim Calder".to_string(), 5))
        );
        let deputy = [("I'm joined by the Deputy Treasurer, Jim Calder.", 5)];
        assert_eq!(joined_holder(deputy.iter().copied(), &office, false), None);
        let two = [
            ("Joining me is the Treasurer, Jim Calder.", 5),
            ("Welcome to Treasurer Ann Holt.", 9),
        ];
        assert_eq!(joined_holder(two.iter().copied(), &office, false), None);
        let none = [("The Treasurer will speak.", 5)];
        assert_eq!(joined_holder(none.iter().copied(), &office, false), None);
    }

    #[test]
    fn a_name_set_off_before_the_office_names_its_holder_when_asked() {
        let office = vec!["spokesman".to_string()];
        let lead = [(
            "A near-verbatim transcript of the noon briefing by Stéphane Dujarric, Spokesman for the Secretary-General.",
            4,
        )];
        assert_eq!(joined_holder(lead.iter().copied(), &office, false), None);
        assert_eq!(
            joined_holder(lead.iter().copied(), &office, true),
            Some(("Stéphane Dujarric".to_string(), 4))
        );
        // A greeting is not a name; a deputy is not the holder; two
        // holders named are nobody.
        let greeting = [
            ("Thank you, Spokesman.", 3),
            ("Good Morning, Spokesman.", 5),
            ("Hey. Thanks, Spokesman, and good evening.", 6),
        ];
        assert_eq!(joined_holder(greeting.iter().copied(), &office, true), None);
        let deputy = [("Briefing by Ana Lund, Deputy Spokesman.", 2)];
        assert_eq!(joined_holder(deputy.iter().copied(), &office, true), None);
        let two = [
            ("Briefing by Ana Lund, Spokesman.", 2),
            ("Also present: Omar Haddad, Spokesman of the Council.", 3),
        ];
        assert_eq!(joined_holder(two.iter().copied(), &office, true), None);
        // An official on background stays anonymous.
        let background = vec!["senior".into(), "administration".into(), "official".into()];
        let thanks = [
            ("Hey. Thanks, Senior Administration Official.", 9),
            ("With Ann Holt, Senior Administration Official.", 10),
        ];
        assert_eq!(
            joined_holder(thanks.iter().copied(), &background, true),
            None
        );
    }

    #[test]
    fn bodies_in_titles() {
        assert_eq!(
            organisation_of_title("Foreign Ministry Spokesperson").as_deref(),
            Some("Foreign Ministry")
        );
        assert_eq!(
            organisation_of_title("Spokesperson of the Ministry of Foreign Affairs").as_deref(),
            Some("Ministry of Foreign Affairs")
        );
        assert_eq!(
            organisation_of_title("Foreign Ministry deputy spokesperson").as_deref(),
            Some("Foreign Ministry")
        );
        assert_eq!(
            organisation_of_title("Ministry of Foreign Affairs Spokesperson").as_deref(),
            Some("Ministry of Foreign Affairs")
        );
        // A body named for another post of the same person is not this
        // post's: the title is not cut in the middle.
        assert_eq!(
            organisation_of_title(
                "a member of the Standing Committee of the CPC Shanghai Municipal Committee and deputy mayor of Shanghai"
            ),
            None
        );
        assert_eq!(organisation_of_title("Prime Minister"), None);
        assert_eq!(organisation_of_title("Minister for Water"), None);
        assert_eq!(organisation_of_title("Director of Ports"), None);
    }

    #[test]
    fn initials_name_one_person() {
        let people = [
            person("Tom Hargreaves", Some("Shadow Treasurer")),
            person("Ruth Mbeki", Some("Deputy Prime Minister")),
        ];
        let found = |l: &str| by_initials(l, people.iter()).map(|(p, by)| (p.name.clone(), by));
        assert_eq!(found("TH"), Some(("Tom Hargreaves".into(), By::Name)));
        assert_eq!(found("DPM"), Some(("Ruth Mbeki".into(), By::Office)));
        assert_eq!(found("ST"), Some(("Tom Hargreaves".into(), By::Office)));
        assert_eq!(found("XY"), None);
        assert_eq!(found("Tom"), None);
        // Two people with one set of initials: nobody is guessed.
        let twins = [person("Tom Hill", None), person("Tara Holm", None)];
        assert_eq!(by_initials("TH", twins.iter()), None);
        assert_eq!(initials("Ana de la Cruz"), "AC");
    }
}
