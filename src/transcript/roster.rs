//! Speaker rosters: the list of who is on the podium.
//!
//! Official transcripts often open with a block such as
//!
//! ```text
//! Speakers:
//! Ms. Anna Lindqvist, minister of trade
//! Mr. Kofi Mensah, director of the statistics office
//! Chairperson:
//! Mr. Tomas Reyes, spokesperson of the ministry
//! ```
//!
//! A roster gives each speaker's full name (labels later use it, or only
//! part of it), their title, and their role: people under a chair, host or
//! moderator heading chair the briefing; everybody else listed answers
//! questions as an official.

use serde::Serialize;

use super::{name, Role};

/// One person on the roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RosterEntry {
    pub name: String,
    pub role: Role,
    pub title: Option<String>,
}

/// The role a roster heading announces (`Speakers:` → official,
/// `Chairperson:` → moderator), and the entry on the heading's own line,
/// if any (`Moderator: Mr. Tomas Reyes, spokesperson`).
pub fn heading(text: &str) -> Option<(Role, &str)> {
    let (head, rest) = match text.find([':', '：']) {
        Some(i) => (&text[..i], text[i..].trim_start_matches([':', '：']).trim()),
        None => (text, ""),
    };
    let role = match name::fold(head).as_str() {
        "speakers" | "speaker" | "participants" | "panelists" | "panellists" | "panel"
        | "guests" | "presenters" | "briefers" | "officials" | "attendees" | "featuring"
        | "spokespersons" | "spokesperson" | "发布人" | "嘉宾" | "出席人" | "出席嘉宾"
        | "发布嘉宾" | "出席人员" => Role::Official,
        "chairperson" | "chairpersons" | "chair" | "chairs" | "chairman" | "chairwoman"
        | "moderator" | "moderators" | "host" | "hosts" | "emcee" | "主持人" | "主持" => {
            Role::Moderator
        }
        _ => return None,
    };
    // "Moderator: Good morning, everyone." is a turn, not a roster line.
    if !rest.is_empty() && entry(rest).is_none() {
        return None;
    }
    Some((role, rest))
}

/// Reads a roster line: `[Mr.|Ms.|Dr.] Name, title` or `Name — title`, or a
/// bare name, or a Chinese `title name` (`水利部部长 林思远`, see
/// [`cjk_title_then_name`]). Returns the name without its honorific, and the
/// title.
pub fn entry(text: &str) -> Option<(String, Option<String>)> {
    let text = text.trim().trim_end_matches([';', ',']);
    if let Some((title, name)) = cjk_title_then_name(text) {
        return Some((name.to_string(), Some(title.to_string())));
    }
    let (who, title) = match text.find([',', '，']) {
        Some(i) => (
            &text[..i],
            Some(text[i..].trim_start_matches([',', '，']).trim()),
        ),
        None => [" – ", " — ", " - "]
            .iter()
            .find_map(|sep| text.split_once(sep))
            .map_or((text, None), |(who, title)| (who, Some(title.trim()))),
    };
    let words: Vec<&str> = who.split_whitespace().collect();
    // "The Hon Anthony Reyes MP": styles before, post-nominals after.
    let skip = words
        .iter()
        .take_while(|w| {
            name::is_honorific(w)
                || matches!(
                    name::fold(w).as_str(),
                    "the" | "hon" | "honorable" | "honourable" | "rt" | "right" | "h e"
                )
        })
        .count();
    let keep = words.len()
        - words[skip..]
            .iter()
            .rev()
            .take_while(|w| name::is_post_nominal(w))
            .count();
    let bare = words[skip..keep.max(skip)].join(" ");
    if !name::looks_like_person(&bare) {
        return None;
    }
    // A title is a description, not a sentence: it has no closing full stop
    // followed by more text, no question, and does not speak to anyone.
    if let Some(t) = title {
        if t.is_empty() || t.contains('?') || t.contains(". ") || reads_as_speech(t) {
            return None;
        }
    }
    Some((bare, title.map(|t| t.trim_end_matches('.').to_string())))
}

/// Words that no office or organisation's name uses but a sentence does:
/// the speaker and the listener (`I`, `we`, `you`), greetings and thanks,
/// and the verbs that make a clause (`is`, `will`, `go`).
const SPEECH_WORDS: &[&str] = &[
    "i", "me", "my", "we", "us", "our", "you", "your", "yours", "let's", "lets", "welcome",
    "thank", "thanks", "please", "hello", "hi", "is", "are", "am", "was", "were", "will", "would",
    "can", "could", "shall", "should", "do", "does", "did", "have", "has", "go", "see",
];

/// The same for Chinese: welcome, thanks, please, you, we, everyone. Fewer
/// than [`name::CJK_SPEECH_WORDS`]: this list is searched for inside an
/// office's title, where words such as 问题 or 开始 can stand
/// (`…问题研究中心主任`).
const CJK_SPEECH_WORDS: &[&str] = &[
    "欢迎", "谢谢", "感谢", "请", "您", "你", "我们", "大家", "各位",
];

/// Whether what follows a name's comma reads as words said to that person
/// rather than their office: `Lena Moreau, thank you for joining us.`,
/// `Dev Patil, go ahead.`, `Marta Quillon, the floor is yours.`, `Good
/// morning` (a chair greeting the room), `苏雨晴，欢迎您`. The first line
/// under a bare `Moderator:` heading is often such a greeting, and a roster
/// entry read from it would make the person greeted the chair.
///
/// Only words written in lower case count: in a title, capitals mark a
/// name or an acronym (`US Trade Representative`, `Will County Sheriff`,
/// `IS Director`), never the pronoun or verb they spell.
fn reads_as_speech(title: &str) -> bool {
    let words: Vec<String> = title
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
                .replace('\u{2019}', "'")
        })
        .collect();
    let greeting = words.windows(2).any(|w| {
        w[0].eq_ignore_ascii_case("good")
            && matches!(
                w[1].to_lowercase().as_str(),
                "morning" | "afternoon" | "evening" | "day"
            )
    });
    greeting
        || words
            .iter()
            .any(|w| !w.chars().any(char::is_uppercase) && SPEECH_WORDS.contains(&w.as_str()))
        || CJK_SPEECH_WORDS.iter().any(|w| title.contains(w))
}

/// A Chinese roster line that gives the office first and the name last,
/// separated by a space (ASCII, ideographic or no-break) and no comma:
/// `水利部部长 林思远`, `国务院新闻办公室新闻局局长、新闻发言人 寿小丽`.
/// Returns (title, name).
///
/// The line after a bare `主持人：` may also be two words of speech
/// (`下面 请林局长`), so the name must have a Han name's shape and the title
/// must end in an office ([`name::is_cjk_office`]) and hold no sentence
/// punctuation.
fn cjk_title_then_name(text: &str) -> Option<(&str, &str)> {
    let (title, who) = text.trim().rsplit_once(char::is_whitespace)?;
    let title = title.trim();
    let han_name = who.chars().all(|c| name::is_cjk(c) || c == '·');
    let sentence = title.contains([
        '。', '！', '？', '，', '；', '：', '!', '?', ',', ';', ':', '"', '“', '”',
    ]);
    (han_name && !sentence && name::looks_like_person(who) && name::is_cjk_office(title))
        .then_some((title, who))
}

/// Whether `next`, the line after a bare heading (`Moderator:`, `主持人：`),
/// lists someone, so that the heading opens a roster block; otherwise the
/// heading is a turn label with its speech on the next line.
///
/// A heading alone on its line is both a roster heading and a label, and
/// the first line of speech can have an entry's shape (`Marta Quillon,
/// welcome back.`, `Lena Moreau, thank you for joining us.`, `好的，欢迎各位。`).
/// Whoever is named, listed or not, a line whose "title" speaks to them
/// (you, we, thanks, welcome, a verb) is speech: [`entry`] refuses it. Of
/// the rest, a listing does not end a sentence with `。`, `!` or `?` (a
/// title never does), and does not name, with a closing full stop, someone
/// `roster` already lists under another role than the heading's `role`: a
/// roster may be printed twice, but does not move a speaker from the
/// podium to the chair, while a moderator's first words often address a
/// listed speaker.
pub fn lists_someone(role: Role, next: &str, roster: &[RosterEntry]) -> bool {
    if heading(next).is_some() {
        return true;
    }
    let Some((name, _)) = entry(next) else {
        return false;
    };
    let ends_sentence = next
        .trim_end()
        .trim_end_matches(['"', '\u{201d}', '」', '』', ')', '）'])
        .ends_with(['。', '！', '？', '!', '?', '…']);
    // Someone already listed in another role, on a line that ends like a
    // sentence ("Marta Quillon, welcome back."), is the chair speaking;
    // without the full stop it is the roster giving the chair's title.
    let ends_full_stop = next.trim_end().ends_with('.');
    let key = name::fold(&name);
    let greets_listed_person = ends_full_stop
        && roster
            .iter()
            .any(|e| e.role != role && name::fold(&e.name) == key);
    !ends_sentence && !greets_listed_person
}

/// Adds `entry` to `roster` unless the person is already there; a repeated
/// entry only fills in a missing title.
pub fn merge(roster: &mut Vec<RosterEntry>, entry: RosterEntry) {
    let key = name::fold(&entry.name);
    if let Some(existing) = roster.iter_mut().find(|e| name::fold(&e.name) == key) {
        if existing.title.is_none() {
            existing.title = entry.title;
        }
        if entry.role == Role::Moderator {
            existing.role = Role::Moderator;
        }
    } else {
        roster.push(entry);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert_eq!(heading("Speakers:"), Some((Role::Official, "")));
        assert_eq!(heading("Speakers"), Some((Role::Official, "")));
        assert_eq!(heading("Chairperson:"), Some((Role::Moderator, "")));
        assert_eq!(
            heading("Moderator: Mr. Tomas Reyes, spokesperson"),
            Some((Role::Moderator, "Mr. Tomas Reyes, spokesperson"))
        );
        assert_eq!(heading("Moderator: Good morning, everyone."), None);
        assert_eq!(heading("Speaker of the House"), None);
        assert_eq!(heading("出席人："), Some((Role::Official, "")));
        assert_eq!(
            heading("发布人：水利部部长 林思远"),
            Some((Role::Official, "水利部部长 林思远"))
        );
        assert_eq!(
            heading("主持人：新闻办公室副主任 苏雨晴"),
            Some((Role::Moderator, "新闻办公室副主任 苏雨晴"))
        );
    }

    #[test]
    fn entries() {
        assert_eq!(
            entry("Ms. Anna Lindqvist, minister of trade"),
            Some(("Anna Lindqvist".into(), Some("minister of trade".into())))
        );
        assert_eq!(
            entry("Kofi Mensah — director of the statistics office"),
            Some((
                "Kofi Mensah".into(),
                Some("director of the statistics office".into())
            ))
        );
        assert_eq!(entry("Dr. Ines Duarte"), Some(("Ines Duarte".into(), None)));
        assert_eq!(
            entry("The Hon Anthony Reyes MP, Prime Minister"),
            Some(("Anthony Reyes".into(), Some("Prime Minister".into())))
        );
        assert_eq!(entry("Thank you, everyone. We begin now."), None);
        // Capitals in a title are a name or an acronym, not a pronoun or a
        // verb of speech.
        for (line, title) in [
            (
                "Katherine Tai, US Trade Representative",
                "US Trade Representative",
            ),
            ("Dana Ruiz, Will County Sheriff", "Will County Sheriff"),
            ("Omar Haddad, IS Director", "IS Director"),
        ] {
            let (_, got) = entry(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(got.as_deref(), Some(title), "{line}");
        }
        // Chinese rosters: the office first, then the name, after a space
        // (ASCII, ideographic or no-break).
        for line in [
            "水利部部长 林思远",
            "水利部部长\u{3000}林思远",
            "水利部部长\u{a0}林思远",
        ] {
            assert_eq!(
                entry(line),
                Some(("林思远".into(), Some("水利部部长".into()))),
                "{line:?}"
            );
        }
        assert_eq!(
            entry("国务院新闻办公室新闻局局长、新闻发言人 寿小丽"),
            Some((
                "寿小丽".into(),
                Some("国务院新闻办公室新闻局局长、新闻发言人".into())
            ))
        );
        assert_eq!(
            entry("商务部国际贸易谈判代表（正部长级） 王文海"),
            Some((
                "王文海".into(),
                Some("商务部国际贸易谈判代表（正部长级）".into())
            ))
        );
        // Two words of speech are not an office and a name.
        assert_eq!(entry("下面 请林局长"), None);
        assert_eq!(entry("谢谢主持人。今年 林思远"), None);
        assert_eq!(entry("Good morning, everyone"), None);
        // A real entry, with or without a closing full stop.
        for line in [
            "Jane Doe, Deputy Minister of Finance",
            "Jane Doe, Deputy Minister of Finance.",
            "Ms. Jane Doe — deputy minister of finance",
        ] {
            assert_eq!(
                entry(line).map(|(n, t)| (n, t.map(|t| t.to_lowercase()))),
                Some(("Jane Doe".into(), Some("deputy minister of finance".into()))),
                "{line}"
            );
        }
        // Words said to the person named: speech, not a title.
        for line in [
            "Lena Moreau, thank you for joining us.",
            "Lena Moreau, welcome back.",
            "Dev Patil, go ahead.",
            "Marta Quillon, the floor is yours.",
            "Marta Quillon, over to you",
            "Lena Moreau, good morning",
            "苏雨晴，欢迎您",
        ] {
            assert_eq!(entry(line), None, "{line}");
        }
    }

    #[test]
    fn a_heading_lists_someone_or_labels_speech() {
        let listed = vec![RosterEntry {
            name: "Marta Quillon".into(),
            role: Role::Official,
            title: None,
        }];
        let chair = Role::Moderator;
        assert!(lists_someone(
            chair,
            "Mr. Tomas Reyes, spokesperson",
            &listed
        ));
        assert!(lists_someone(chair, "苏雨晴，新闻办公室副主任", &listed));
        assert!(lists_someone(chair, "新闻办公室副主任 苏雨晴", &listed));
        assert!(!lists_someone(chair, "好的 欢迎各位", &listed));
        assert!(lists_someone(chair, "Chairperson:", &listed));
        // The same roster printed twice.
        assert!(lists_someone(
            Role::Official,
            "Ms. Marta Quillon, minister",
            &listed
        ));
        // The chair greeting a speaker already listed: speech.
        assert!(!lists_someone(
            chair,
            "Marta Quillon, welcome back.",
            &listed
        ));
        // Listed already, but given a title without a full stop: a listing.
        assert!(lists_someone(
            chair,
            "Ms. Marta Quillon, spokesperson of the information office",
            &listed
        ));
        // Ends a sentence: speech.
        assert!(!lists_someone(chair, "好的，欢迎各位。", &[]));
        assert!(!lists_someone(chair, "Tomas Reyes, over to you!", &[]));
        assert!(!lists_someone(chair, "Good morning, everyone.", &[]));
        // Greetings to someone the roster does not list: speech too.
        assert!(!lists_someone(
            chair,
            "Good morning, everyone. Welcome to today's briefing.",
            &listed
        ));
        assert!(!lists_someone(chair, "Thank you, Ms. Park.", &listed));
        assert!(!lists_someone(
            chair,
            "Lena Moreau, thank you for joining us.",
            &listed
        ));
        assert!(lists_someone(
            chair,
            "Jane Doe, Deputy Minister of Finance.",
            &listed
        ));
    }
}
