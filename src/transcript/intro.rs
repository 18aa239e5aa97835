//! Prose before the first label: the host speaking, or somebody writing
//! about the host.
//!
//! A transcript often opens, above its first label, with a summary or an
//! announcement ("Minister Ana Kovac today opened the bridge …"). When the
//! title names a host, podium used to give such a paragraph to the host;
//! but a paragraph that speaks *of* the host in the third person, and never
//! in the first, is the publisher's narration (issue #12, item 6). The
//! test is local to the paragraph: one summary read as narration does not
//! change who speaks anywhere else.

use super::name;

/// Words a speaker uses of themselves or their side.
fn first_person(word: &str) -> bool {
    matches!(
        word,
        "i" | "i'm"
            | "i've"
            | "i'll"
            | "i'd"
            | "me"
            | "my"
            | "we"
            | "we're"
            | "we've"
            | "we'll"
            | "our"
            | "us"
    )
}

/// Whether `text` speaks of the host in the third person: it names them
/// (any word of their name of three letters or more, or "the" before a
/// word of their title: "the minister") and has no first-person word.
/// Returns the words that named them, for `--explain`.
pub fn speaks_of_host(text: &str, host_name: &str, host_title: Option<&str>) -> Option<String> {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .replace('’', "'")
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.iter().any(|w| first_person(w)) {
        return None;
    }
    let name_words: Vec<String> = host_name
        .split_whitespace()
        .map(name::fold)
        .filter(|w| w.chars().count() >= 3)
        .collect();
    let folded: Vec<String> = words.iter().map(|w| name::fold(w)).collect();
    if let Some(w) = folded.iter().find(|w| name_words.contains(w)) {
        return Some(w.clone());
    }
    let title_words: Vec<String> = host_title
        .map(|t| {
            t.split_whitespace()
                .filter(|w| name::is_person_office(w))
                .map(name::fold)
                .collect()
        })
        .unwrap_or_default();
    folded.windows(2).find_map(|pair| {
        (pair[0] == "the" && title_words.contains(&pair[1])).then(|| format!("the {}", pair[1]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_speaks_of_the_host() {
        let host = "Ana Kovac";
        let title = Some("Minister");
        assert_eq!(
            speaks_of_host(
                "Minister Ana Kovac today opened the bridge, ahead of schedule.",
                host,
                title
            )
            .as_deref(),
            Some("ana")
        );
        assert_eq!(
            speaks_of_host("The minister thanked the workers.", host, title).as_deref(),
            Some("the minister")
        );
        // The host speaking: first person.
        assert_eq!(
            speaks_of_host("I am proud, Minister Kovac said? No: we are.", host, title),
            None
        );
        assert_eq!(
            speaks_of_host("Thank you all for coming.", host, title),
            None
        );
    }
}
