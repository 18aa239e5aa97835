//! Roles by behaviour: what a speaker does in a briefing, when nothing
//! in the document says who they are.
//!
//! A label gives a role when it is a role word (`MODERATOR:`), the roster
//! lists the person under a chair heading, or the title names them as the
//! press secretary or spokesperson who runs the briefing. Many transcripts
//! say none of this about the person who hands the floor to reporters, or
//! about a host interviewing an official; their turns do.

use std::collections::HashMap;

use super::{Role, Turn};

/// Roles by behaviour, for named speakers the document does not cast:
///
/// - somebody who only calls on reporters chairs the briefing: most of
///   their turns hand over to a question, few answer one, and their
///   turns are short ("Thank you. Steve." — "Next, we'll go to …");
/// - somebody who mostly asks, and whom neither title nor roster names,
///   is not an official: a host interviewing the officials (who also
///   calls on others) chairs, otherwise they report.
pub fn by_behaviour(turns: &mut [Turn]) {
    #[derive(Default)]
    struct Stats {
        turns: usize,
        hands: usize,
        answers: usize,
        asks: usize,
        bytes: usize,
        cast: bool,
    }
    let mut stats: HashMap<String, Stats> = HashMap::new();
    for (k, t) in turns.iter().enumerate() {
        if t.role != Role::Official || t.label.is_none() {
            continue;
        }
        let e = stats.entry(t.speaker.clone()).or_default();
        e.turns += 1;
        if turns.get(k + 1).is_some_and(|n| n.role == Role::Journalist) {
            e.hands += 1;
        }
        if k > 0 && turns[k - 1].role == Role::Journalist {
            e.answers += 1;
        }
        let ends_asking = t
            .paragraphs
            .last()
            .is_some_and(|p| p.text.contains(['?', '？']));
        if ends_asking {
            e.asks += 1;
        }
        e.bytes += t.paragraphs.iter().map(|p| p.text.len()).sum::<usize>();
        e.cast |= t.why.speaker.contains("roster")
            || t.why.speaker.contains("title")
            || t.why.speaker.contains("header")
            || t.why.speaker.starts_with("office label");
    }
    if stats.len() < 2 {
        return;
    }
    let others_ask = turns.iter().any(|t| t.role == Role::Journalist);
    for (speaker, e) in stats {
        let n = e.turns;
        let calls =
            n >= 3 && e.hands * 10 >= n * 6 && e.answers * 10 <= n * 3 && e.bytes <= n * 250;
        let interviews = !e.cast
            && n >= 3
            && e.asks * 10 >= n * 4
            && (e.asks + e.hands) * 2 >= n
            && e.answers * 10 <= n * 3;
        let (role, why) = if calls {
            (
                Role::Moderator,
                "calls on the reporters: most turns hand over to a question",
            )
        } else if interviews && others_ask {
            (
                Role::Moderator,
                "hosts: asks most of the questions and calls on others",
            )
        } else if interviews {
            (Role::Journalist, "asks most of the questions")
        } else {
            continue;
        };
        for t in turns.iter_mut().filter(|t| t.speaker == speaker) {
            t.role = role;
            t.why.role = why.into();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::{Paragraph, Why};

    fn turn(speaker: &str, role: Role, text: &str, why: &str) -> Turn {
        Turn {
            speaker: speaker.into(),
            label: Some(speaker.to_uppercase()),
            role,
            speaker_title: None,
            organisation: None,
            paragraphs: vec![Paragraph {
                text: text.into(),
                line: 1,
            }],
            why: Why {
                speaker: why.into(),
                ..Why::default()
            },
        }
    }

    #[test]
    fn who_only_calls_on_reporters_chairs() {
        let chair = |t: &str| turn("Marta Quintero", Role::Official, t, "label as written");
        let official = |t: &str| turn("Ines Duarte", Role::Official, t, "label matches the roster");
        let reporter = |t: &str| turn("Reporter", Role::Journalist, t, "reporter's label");
        let mut turns = vec![
            official("Good afternoon. Rates stay where they are."),
            chair("Thank you. Dev."),
            reporter("How many cuts?"),
            official("Three, perhaps."),
            chair("Nina."),
            reporter("Wages?"),
            official("Coming down."),
            chair("Leo."),
            reporter("And housing?"),
            official("Still high."),
        ];
        by_behaviour(&mut turns);
        assert!(turns
            .iter()
            .filter(|t| t.speaker == "Marta Quintero")
            .all(|t| t.role == Role::Moderator));
        assert!(turns
            .iter()
            .filter(|t| t.speaker == "Ines Duarte")
            .all(|t| t.role == Role::Official));
    }

    #[test]
    fn an_interviewer_who_also_calls_on_the_audience_hosts() {
        let host = |t: &str| turn("Kai Brenner", Role::Official, t, "label as written");
        let official = |t: &str| {
            turn(
                "Tom Okafor",
                Role::Official,
                t,
                "office label: the title names its holder",
            )
        };
        let mut turns = vec![
            host("Welcome. Mr. President, will the quay open at night?"),
            official("From the first day."),
            host("And the second quay?"),
            official("Next year."),
            host("Let's go to the audience. Pat, your question."),
            turn(
                "Reporter",
                Role::Journalist,
                "Will fares rise?",
                "reporter's label",
            ),
            official("No."),
        ];
        by_behaviour(&mut turns);
        assert_eq!(turns[0].role, Role::Moderator);
        assert_eq!(turns[1].role, Role::Official);
    }
}
