//! Roles by behaviour: what a speaker does in a briefing, when nothing
//! in the document says who they are.
//!
//! A label gives a role when it is a role word (`MODERATOR:`), the roster
//! lists the person under a chair heading, or the title names them as the
//! press secretary or spokesperson who runs the briefing. Many transcripts
//! say none of this about the person who hands the floor to reporters, or
//! about a host interviewing an official; their turns do.

use std::collections::HashMap;

use super::{people, Role, Turn};

/// Roles by behaviour, for named speakers the document does not cast:
///
/// - somebody who only calls on reporters chairs the briefing: most of
///   their turns hand over to a question, few answer one, and their
///   turns are short ("Thank you. Steve." — "Next, we'll go to …");
/// - somebody who mostly asks, and whom neither title nor roster names,
///   is not an official: a host interviewing the officials (who also
///   calls on others) chairs, otherwise they report — unless their label
///   gives an honorific or an office, as a legislator's at a hearing does
///   (a reporter is labelled by name or as `Q`).
pub fn by_behaviour(turns: &mut [Turn]) {
    #[derive(Default)]
    struct Stats {
        turns: usize,
        hands: usize,
        answers: usize,
        asks: usize,
        bytes: usize,
        cast: bool,
        /// Some label of theirs gives an honorific or an office (`Mr.
        /// OKAFOR.`, `Senator Kovac:`).
        titled: bool,
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
        e.titled |= t.label.as_deref().is_some_and(|l| {
            let p = people::parts(l);
            p.honorific.is_some() || !p.office.is_empty() || p.the
        });
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
        // Two short turns that both hand over to a question, and answer
        // none, are a press officer's too ("We'll go to Maria first.").
        let calls =
            (n >= 3 && e.hands * 10 >= n * 6 && e.answers * 10 <= n * 3 && e.bytes <= n * 250)
                || (n == 2 && e.hands == n && e.answers == 0 && e.bytes <= n * 120);
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
        } else if interviews && !e.titled {
            (Role::Journalist, "asks most of the questions")
        } else if interviews {
            // A reporter's label is their name (`MARIA ONDAATJE.`); one
            // that gives an honorific or an office (`Mr. OKAFOR.` at a
            // hearing) is a member or an official who questions others.
            (
                Role::Official,
                "asks most of the questions, under an honorific or an office: a member questioning, not a reporter",
            )
        } else {
            continue;
        };
        for t in turns.iter_mut().filter(|t| t.speaker == speaker) {
            t.role = role;
            t.why.role = why.into();
        }
    }
}

/// Spokespeople answer (issue #12, item 13): a press secretary or a
/// ministry spokesperson cast as the briefing's chair by the title, the
/// header or the corpus, whose turns answer the reporters, is an official
/// — `--role official` must find their answers. The moderator role stays
/// with whoever only runs the room: a role-word label (`MODERATOR:`), a
/// roster's chair, or a chair whose turns after a question are hand-offs.
///
/// An answer is a turn right after a journalist's of at least a dozen
/// words (a hand-off such as "Go ahead, Steve." is shorter), or labelled
/// as an answer (`A:`); one turn in
/// five answering is enough, as press secretaries also open, call on and
/// close.
pub fn spokespeople_answer(turns: &mut [Turn]) {
    #[derive(Default)]
    struct Stats {
        turns: usize,
        answers: usize,
    }
    let cast_as_chair = |t: &Turn| {
        t.role == Role::Moderator
            && !t.why.speaker.starts_with("moderator's label")
            && !t.why.speaker.contains("roster")
            && !t.why.role.starts_with("calls on")
            && !t.why.role.starts_with("hosts")
    };
    let mut stats: HashMap<String, Stats> = HashMap::new();
    for (k, t) in turns.iter().enumerate() {
        if !cast_as_chair(t) {
            continue;
        }
        let e = stats.entry(t.speaker.clone()).or_default();
        e.turns += 1;
        let words: usize = t
            .paragraphs
            .iter()
            .map(|p| p.text.split_whitespace().count())
            .sum();
        // An `A:` label says it answers, however short the answer.
        let answer_label = t.why.speaker.starts_with("anonymous answer");
        if k > 0 && turns[k - 1].role == Role::Journalist && (words >= 12 || answer_label) {
            e.answers += 1;
        }
    }
    for (speaker, e) in stats {
        if e.answers == 0 || e.answers * 5 < e.turns {
            continue;
        }
        for t in turns
            .iter_mut()
            .filter(|t| t.speaker == speaker && cast_as_chair(t))
        {
            t.role = Role::Official;
            t.why.role = format!(
                "answers the reporters ({} of {} turns): a spokesperson who answers is an official",
                e.answers, e.turns
            );
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
    fn a_spokesperson_who_answers_is_an_official() {
        let spokes = |t: &str| {
            let mut x = turn("Lin Wei", Role::Moderator, t, "anonymous answer");
            x.why.role = "answers; runs the briefing".into();
            x
        };
        let chair = |t: &str| turn("Moderator", Role::Moderator, t, "moderator's label");
        let reporter = |t: &str| turn("Reporter", Role::Journalist, t, "reporter's label");
        let mut turns = vec![
            chair("Good afternoon. The spokesperson will take questions."),
            reporter("What is your comment on the talks?"),
            spokes("We welcome the talks and hope that both sides will keep to what they agreed last year."),
            reporter("And the visit?"),
            chair("Next question."),
        ];
        spokespeople_answer(&mut turns);
        assert_eq!(turns[2].role, Role::Official);
        assert!(turns[2].why.role.contains("answers the reporters"));
        // The role word chairs, whatever it says.
        assert_eq!(turns[0].role, Role::Moderator);
        assert_eq!(turns[4].role, Role::Moderator);
        // A chair who only hands over stays the chair.
        let titled = |t: &str| {
            let mut x = turn(
                "Lin Wei",
                Role::Moderator,
                t,
                "label matches a name in the title",
            );
            x.why.role = "chairs, by the document or the corpus".into();
            x
        };
        let mut handing = vec![
            reporter("What about rates?"),
            titled("Go ahead."),
            reporter("And wages?"),
        ];
        spokespeople_answer(&mut handing);
        assert_eq!(handing[1].role, Role::Moderator);
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
