//! What a briefing's title says about who speaks.
//!
//! Titles name the people a transcript belongs to: "Press Briefing by Press
//! Secretary Jen Psaki and National Economic Director Brian Deese", "Remarks
//! by President Biden at …", "Foreign Ministry Spokesperson Wang Wenbin's
//! Regular Press Conference on March 28, 2024". [`people`] pulls those names
//! out with their titles; the first one is the briefing's host.

use super::name;

/// A person a title names, with the words of office before the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitledPerson {
    pub name: String,
    pub title: String,
}

impl TitledPerson {
    /// Whether this person runs the briefing by office: a press secretary,
    /// spokesperson or host opens it and takes the questions in turn.
    pub fn runs_briefings(&self) -> bool {
        let t = name::fold(&self.title);
        t.contains("press secretary")
            || t.contains("spokesperson")
            || t.contains("spokesman")
            || t.contains("spokeswoman")
            || t.contains("moderator")
            || t.contains("host")
    }
}

/// Words in title case that end a run of name words: prepositions and
/// verbs that headline writers capitalise.
fn is_boundary(word: &str) -> bool {
    matches!(
        name::fold(word).as_str(),
        "aboard"
            | "at"
            | "on"
            | "in"
            | "before"
            | "after"
            | "during"
            | "with"
            | "and"
            | "to"
            | "for"
            | "of"
            | "en"
            | "via"
            | "from"
            | "by"
            | "announces"
            | "announce"
            | "holds"
            | "hold"
            | "meets"
            | "delivers"
            | "remarks"
            | "regular"
            | "press"
            | "briefing"
            | "conference"
            | "call"
            | "gaggle"
            | "statement"
            | "interview"
            | "speech"
            | "signs"
            | "signing"
            | "visit"
            | "while"
            | "upon"
            | "as"
            | "following"
            | "ahead"
            | "regarding"
            | "about"
            | "into"
            | "over"
            | "under"
            | "between"
            | "against"
            | "discuss"
            | "discusses"
            | "joint"
            | "virtual"
            | "vs"
    ) || is_calendar_word(word)
        || is_gerund(word)
}

/// Month and weekday names, which follow a name in "…, March 18, 2021".
fn is_calendar_word(word: &str) -> bool {
    matches!(
        name::fold(word).as_str(),
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}

/// A headline verb in -ing ("Previewing", "Celebrating", "Laying"): names
/// rarely end so, and headline verbs after a name often do.
fn is_gerund(word: &str) -> bool {
    let w = name::fold(word);
    w.len() >= 6
        && w.ends_with("ing")
        && !matches!(
            w.as_str(),
            "fleming" | "manning" | "browning" | "downing" | "king"
        )
}

/// People a title names after a word of office: `Secretary Jen Psaki`,
/// `President Biden`, `Spokesperson Wang Wenbin's`. Each person's title is
/// the words between the previous boundary (`by`, a comma, the previous
/// person) and the name.
pub fn people(title: &str) -> Vec<TitledPerson> {
    // Words, and whether a comma followed each.
    let mut words: Vec<(&str, bool)> = Vec::new();
    for w in title.split_whitespace() {
        let comma = w.ends_with(',');
        let w = w.trim_end_matches(',');
        if !w.is_empty() {
            words.push((w, comma));
        }
    }
    let mut out = Vec::new();
    let mut segment = 0;
    let mut i = 0;
    while i < words.len() {
        let (w, comma) = words[i];
        let lead = matches!(name::fold(w).as_str(), "by" | "with" | "featuring");
        if lead || !name::is_title_word(w) || !w.starts_with(char::is_uppercase) {
            i += 1;
            if lead || comma {
                segment = i;
            }
            continue;
        }
        // A run of office words, then a run of name words.
        while i < words.len() && (name::is_title_word(words[i].0) || name::is_connector(words[i].0))
        {
            i += 1;
            if words[i - 1].1 {
                break;
            }
        }
        let name_start = i;
        while i < words.len() {
            let w = words[i].0;
            if !name::is_name_word(w)
                || name::is_connector(w)
                || is_boundary(w)
                || name::is_title_word(w)
                || w.chars().any(|c| c.is_ascii_digit())
            {
                break;
            }
            i += 1;
            if w.ends_with("'s") || w.ends_with("\u{2019}s") || words[i - 1].1 {
                break;
            }
        }
        let mut name_words: Vec<&str> = words[name_start..i]
            .iter()
            .map(|(w, _)| w.trim_end_matches("'s").trim_end_matches("\u{2019}s"))
            .collect();
        // "Envoy for Climate John Kerry": a portfolio word before the name.
        while name_words.len() > 2 && !name_words[name_words.len() - 2].ends_with('.') {
            name_words.remove(0);
        }
        let mut title_words: Vec<&str> = words[segment..name_start]
            .iter()
            .map(|(w, _)| *w)
            .skip_while(|w| name::is_connector(w) || !name::is_title_word(w))
            .collect();
        // "Surgeon General Dr. Vivek Murthy": the honorific is not the office.
        while title_words.len() > 1 && title_words.last().is_some_and(|w| name::is_honorific(w)) {
            title_words.pop();
        }
        let office_before = name_start > 0
            && name::is_title_word(words[name_start - 1].0)
            && !name::is_connector(words[name_start - 1].0);
        if !name_words.is_empty() && !title_words.is_empty() {
            let candidate = name_words.join(" ");
            if name::looks_like_person(&candidate) || (name_words.len() == 1 && office_before) {
                let mut title = title_words.join(" ");
                // "H.E. Moon Jae-in, President of the Republic of Korea":
                // an office after the comma says more than an honorific.
                let comma_after = i > 0 && words[i - 1].1;
                if comma_after
                    && title_words
                        .iter()
                        .all(|w| name::is_honorific(w) || name::fold(w) == "h e")
                    && words
                        .get(i)
                        .is_some_and(|(w, _)| name::is_title_word(w) && !name::is_connector(w))
                {
                    let mut j = i;
                    let mut office: Vec<&str> = Vec::new();
                    while j < words.len() {
                        let (w, comma) = words[j];
                        let boundary = matches!(
                            name::fold(w).as_str(),
                            "at" | "in" | "on" | "before" | "after" | "during" | "and" | "with"
                        );
                        if boundary && !office.is_empty() {
                            break;
                        }
                        office.push(w);
                        j += 1;
                        if comma {
                            break;
                        }
                    }
                    title = office.join(" ");
                    i = j;
                }
                out.push(TitledPerson {
                    name: candidate,
                    title,
                });
                segment = i;
            }
        }
        if i == name_start {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(t: &str) -> Vec<(String, String)> {
        people(t).into_iter().map(|p| (p.name, p.title)).collect()
    }

    #[test]
    fn briefing_titles() {
        assert_eq!(
            names("Press Briefing by Press Secretary Lena Moreau and National Economic Director Kofi Mensah"),
            [
                ("Lena Moreau".into(), "Press Secretary".into()),
                ("Kofi Mensah".into(), "National Economic Director".into())
            ]
        );
        assert_eq!(
            names("Remarks by President Okafor at the Signing of an Order"),
            [("Okafor".into(), "President".into())]
        );
        assert_eq!(
            names("Foreign Ministry Spokesperson Lin Hao's Regular Press Conference on March 28, 2024"),
            [("Lin Hao".into(), "Foreign Ministry Spokesperson".into())]
        );
        assert_eq!(
            names("Press Briefing by Secretary of Housing and Urban Development Marta L. Ruiz, March 18, 2021"),
            [("Marta L. Ruiz".into(), "Secretary of Housing and Urban Development".into())]
        );
        assert_eq!(
            names(
                "Press Gaggle by Principal Deputy Press Secretary Ana Silva Aboard Air Force One"
            ),
            [(
                "Ana Silva".into(),
                "Principal Deputy Press Secretary".into()
            )]
        );
        assert!(
            names("Press Briefing by the COVID-19 Response Team and Public Health Officials")
                .is_empty()
        );
        assert!(names("Multi-layer support lifts investment and finance").is_empty());
        assert_eq!(
            names("Remarks by President Okafor and H.E. Lin Hao, President of the Republic of Serrania at Press Conference"),
            [
                ("Okafor".into(), "President".into()),
                ("Lin Hao".into(), "President of the Republic of Serrania".into())
            ]
        );
        assert_eq!(
            names("Transcript of Chair Halvorsen's Press Conference"),
            [("Halvorsen".into(), "Chair".into())]
        );
        assert!(names(
            "Background Press Call by Senior Administration Officials Previewing the Summit"
        )
        .is_empty());
        assert_eq!(
            names("Remarks by President Okafor Celebrating the Harbour"),
            [("Okafor".into(), "President".into())]
        );
        assert_eq!(
            names("Press Briefing by Press Secretary Ana Silva and Secretary Rolf Brandt January 22, 2021"),
            [
                ("Ana Silva".into(), "Press Secretary".into()),
                ("Rolf Brandt".into(), "Secretary".into())
            ]
        );
    }
}
