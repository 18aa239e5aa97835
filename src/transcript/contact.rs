//! Contact and subject blocks: what a press office prints around a
//! transcript that nobody said.
//!
//! Parliamentary and ministerial press offices end a transcript with who to
//! call (`MEDIA CONTACT: Office of the Prime Minister 02 6277 0000`,
//! `ENQUIRIES: media@example.gov.au`) and open it with what was discussed
//! (`SUBJECTS: Budget; water; the by-election`). Written `KEY: value` in
//! capitals, they look like speaker labels, and would be indexed as a
//! journalist named "Media Contact" asking a phone number. They are told
//! by their shape: a phone number, an e-mail address or a web address with
//! few words around it, a key about contacting someone, a list of topics
//! with no sentence in it.

use std::sync::LazyLock;

use regex::Regex;

/// A phone number: groups of digits apart by spaces, dots or dashes, an
/// optional country code and area code in brackets; 8 to 15 digits in all
/// (checked by [`phone_numbers`]: a year or an amount is fewer).
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}")
        .expect("static regex")
});

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+").expect("static regex")
});

static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:https?://|www\.)\S+").expect("static regex"));

/// `KEY: value`, the key a few words that open in a capital.
static KEYED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Z][A-Za-z&/' -]{1,30}?)\s*[:：]\s*(.*)$").expect("static regex")
});

/// Words of keys that say "how to reach us".
fn is_contact_key(key: &str) -> bool {
    let k = key.to_lowercase();
    ["contact", "enquir", "inquir"]
        .iter()
        .any(|w| k.contains(w))
}

/// Words of keys that name a channel: such a key is contact details when
/// its value is an address or number (`MEDIA: 02 6277 0000`), and may be a
/// questioner's label otherwise (`MEDIA: Prime Minister, …`).
fn is_channel_key(key: &str) -> bool {
    key.to_lowercase()
        .split(|c: char| !c.is_alphabetic())
        .any(|w| {
            matches!(
                w,
                "media"
                    | "press"
                    | "phone"
                    | "telephone"
                    | "tel"
                    | "fax"
                    | "mobile"
                    | "email"
                    | "e"
                    | "web"
                    | "website"
                    | "office"
            )
        })
}

/// Words of keys that head a list of topics.
fn is_topic_key(key: &str) -> bool {
    let k = key.to_lowercase();
    ["subject", "topic", "keyword", "tags", "issues"]
        .iter()
        .any(|w| k.contains(w))
}

/// The text of `t` with its phone numbers, e-mail and web addresses taken
/// out, and how many there were.
fn without_addresses(t: &str) -> (String, usize) {
    let mut found = 0;
    let mut rest = EMAIL
        .replace_all(t, |_: &regex::Captures<'_>| {
            found += 1;
            " "
        })
        .into_owned();
    rest = URL
        .replace_all(&rest, |_: &regex::Captures<'_>| {
            found += 1;
            " "
        })
        .into_owned();
    rest = PHONE
        .replace_all(&rest, |c: &regex::Captures<'_>| {
            let digits = c[0].chars().filter(char::is_ascii_digit).count();
            if (8..=15).contains(&digits) && super::date::find_dates(&c[0]).is_empty() {
                found += 1;
                " ".to_string()
            } else {
                c[0].to_string()
            }
        })
        .into_owned();
    (rest, found)
}

/// Whether `value` is a list of topics: items apart by semicolons (or
/// commas under a topic key), each a few words, and no sentence.
fn is_topic_list(value: &str, topic_key: bool) -> bool {
    let v = value.trim();
    if v.is_empty() || v.ends_with(['?', '!']) {
        return false;
    }
    let items: Vec<&str> = if v.contains(';') {
        v.split(';').collect()
    } else if topic_key {
        v.split(',').collect()
    } else {
        return false;
    };
    let short = items
        .iter()
        .all(|i| super::text::rough_word_count(i) <= 8 && !i.trim_end_matches('.').contains(". "));
    short && (topic_key || items.len() >= 2 && !v.ends_with('.'))
}

/// Why a paragraph is a contact or subject block, if it is.
pub fn reason(t: &str) -> Option<&'static str> {
    if t.len() > 250 {
        return None;
    }
    let keyed = KEYED.captures(t);
    if let Some(c) = &keyed {
        let (key, value) = (&c[1], &c[2]);
        if is_topic_key(key) && is_topic_list(value, true) {
            return Some("subject list");
        }
        if super::text::rough_word_count(key) <= 3 && is_topic_list(value, false) {
            return Some("subject list");
        }
        if is_contact_key(key) {
            return Some("contact details");
        }
    }
    let has_digit_or_at = t
        .bytes()
        .any(|b| b.is_ascii_digit() || b == b'@' || b == b'.');
    if !has_digit_or_at || t.ends_with(['?', '!']) {
        return None;
    }
    let (rest, found) = without_addresses(t);
    if found == 0 {
        return None;
    }
    let rest = match &keyed {
        Some(c) if is_channel_key(&c[1]) || is_contact_key(&c[1]) => without_addresses(&c[2]).0,
        _ => rest,
    };
    let words = super::text::word_count(&rest);
    let sentence = rest.trim_end().ends_with('.') && words > 4;
    (words <= 8 && !sentence).then_some("contact details")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_and_subject_blocks_are_furniture() {
        for (line, why) in [
            (
                "MEDIA CONTACT: Office of the Prime Minister 02 6277 0000",
                "contact details",
            ),
            ("ENQUIRIES: media@pm.example.gov.au", "contact details"),
            ("Media enquiries: Jo Bloggs", "contact details"),
            ("Press office: +44 20 7946 0000", "contact details"),
            ("Kim Tan 0412 345 678", "contact details"),
            ("media@treasury.example.org", "contact details"),
            ("(03) 9876 5432", "contact details"),
            ("www.example.gov.au/media", "contact details"),
            ("SUBJECTS: Budget; water; the by-election", "subject list"),
            ("Topics: trade, the harbour, schools", "subject list"),
            ("ISSUES: Housing; rates", "subject list"),
        ] {
            assert_eq!(reason(line), Some(why), "{line}");
        }
    }

    #[test]
    fn speech_with_numbers_or_lists_is_not() {
        for line in [
            "PM: Well, good morning everyone.",
            "JOURNALIST: Prime Minister, will the budget be back in surplus?",
            "MEDIA: Prime Minister, on water; what now?",
            "The budget is 2030 and 2031 in the estimates.",
            "We spent 4,500,000 dollars on it.",
            "Call me on Monday about the 2024 figures, said the minister.",
            "PM: We have three priorities; jobs; growth; and water.",
            "In 2023 we built 12 000 homes and in 2024 another 15 000.",
            "20.03.2030",
        ] {
            assert_eq!(reason(line), None, "{line}");
        }
    }
}
