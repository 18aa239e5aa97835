//! Building turns: labelled paragraphs open turns and unlabelled ones
//! continue the current speaker; stage directions stay in the text; the
//! paragraphs before the first label go to the host, the spokesperson's
//! office or narration. A document without labels is the host's remarks,
//! or a news report attributed by reported speech ([`super::reported`]).
//!
//! Separate from [`super::speaker`], which says who a label is: this
//! module says which paragraphs each turn holds.

use super::header::ends_sentence;
use super::label::{Candidate, LabelKind};
use super::speaker::runs_briefings;
use super::{date, furniture, handoff, intro, name, people, reported, sitting, text};
use super::{Paragraph, Parser, Role, Turn, Why};

/// Whether a paragraph is a stage direction: `(Laughter.)`, `[Applause]`,
/// `(Speaks in Spanish.)`, `（笑声）`. Kept in the text of the turn it
/// interrupts; never a speaker.
pub fn is_stage_direction(t: &str) -> bool {
    let t = t.trim().trim_matches(['*', '_', ' ']);
    let inner = t
        .strip_prefix('(')
        .and_then(|x| x.strip_suffix(')'))
        .or_else(|| t.strip_prefix('[').and_then(|x| x.strip_suffix(']')))
        .or_else(|| t.strip_prefix('（').and_then(|x| x.strip_suffix('）')));
    inner.is_some_and(|i| {
        !i.is_empty()
            && !i.contains(['(', ')', '[', ']'])
            && text::word_count(i) <= 12
            && date::find_dates(i).is_empty()
    })
}

/// Paragraphs before the first label that nobody is saying: the
/// publisher's own words, with the rule that decided so.
fn narration(p: Paragraph, rule: String) -> Turn {
    Turn {
        speaker: "Narration".into(),
        label: None,
        role: Role::Narration,
        speaker_title: None,
        organisation: None,
        paragraphs: vec![p],
        why: Why {
            speaker: rule,
            role: "nobody is speaking".into(),
            ..Why::default()
        },
    }
}

/// A lone name or short heading between paragraphs of a report: a byline,
/// not speech. A short line wholly in Markdown emphasis (`**Questions and
/// Answers**`, `__Sudan__`) is a heading too: a speaker does not say a
/// line in bold, the page that publishes them sets its sections so.
pub(super) fn is_byline(t: &str) -> bool {
    let t = t.trim();
    is_emphasised_heading(t) || is_lone_name(t)
}

fn is_emphasised_heading(t: &str) -> bool {
    let inner = ["**", "__"]
        .iter()
        .find_map(|m| t.strip_prefix(m).and_then(|x| x.strip_suffix(m)));
    inner.is_some_and(|i| {
        let i = i.trim();
        !i.is_empty()
            && !i.contains(['*', '_'])
            && text::word_count(i) <= 10
            && !i.ends_with(['.', '?', '!', ':', ','])
    })
}

fn is_lone_name(t: &str) -> bool {
    t.len() <= 80
        && text::word_count(t) <= 4
        && !t.ends_with(['.', '?', '!', ')', '"', '\u{201d}', ':'])
        && !t.contains(['.', ',', '\'', '\u{2019}', '—'])
        && !t.contains(|c: char| c.is_ascii_digit())
        && name::looks_like_person(t)
}

impl<'a> Parser<'a> {
    pub(super) fn labelled_turns(
        &mut self,
        body_start: usize,
        labels: &[Option<Candidate<'a>>],
    ) -> Vec<Turn> {
        let mut turns: Vec<Turn> = Vec::new();
        let mut after_time = false;
        for i in body_start..self.paras.len() {
            if let Some(reason) = self.furniture[i] {
                self.skip(i, reason);
                after_time = reason == "time of day";
                continue;
            }
            let p = &self.paras[i];
            // A second session's header: "9:54 P.M. CEST" then "NATO
            // Headquarters", "Brussels, Belgium".
            if after_time
                && labels[i].is_none()
                && text::rough_word_count(&p.text) <= 6
                && !ends_sentence(&p.text)
                && !p.text.trim_end().ends_with(['—', '-', ',', ';', ':'])
            {
                self.skip(i, "header line (place, venue, note)");
                continue;
            }
            after_time = false;
            if let Some(c) = labels[i] {
                // A moderator's hand-off names the outlet of the next
                // question: "we'll go to Dana Ortiz at Harbour Radio".
                // A moderator may only name them: "Dana Ortiz, Harbour Radio."
                let outlet = match turns.last() {
                    Some(prev) if prev.role != Role::Journalist => {
                        prev.paragraphs.last().and_then(|last| {
                            handoff::outlet(&last.text).or_else(|| {
                                (prev.role == Role::Moderator)
                                    .then(|| handoff::self_identified(&last.text))
                                    .flatten()
                                    .map(|(_, o)| o)
                            })
                        })
                    }
                    _ => None,
                };
                let first_turn = turns.iter().all(|t| t.label.is_none());
                let mut turn = self.resolve(&c, i, labels, outlet, first_turn);
                let rest = c.rest.trim();
                if !rest.is_empty() {
                    turn.paragraphs.push(Paragraph {
                        text: rest.to_string(),
                        line: p.line,
                    });
                }
                turns.push(turn);
                continue;
            }
            if let Some(t) = sitting::record_turn(p) {
                turns.push(t);
                continue;
            }
            if is_stage_direction(&p.text) {
                match turns.last_mut().and_then(|t| t.paragraphs.last_mut()) {
                    Some(last) => {
                        last.text.push(' ');
                        last.text.push_str(p.text.trim());
                    }
                    None => self.skip(i, "stage direction"),
                }
                continue;
            }
            if is_byline(&p.text) {
                self.skip(i, "byline or heading");
                continue;
            }
            match turns.last_mut() {
                Some(t) => t.paragraphs.push(p.clone()),
                None => {
                    let t = self.opening_turn(p.clone(), labels);
                    turns.push(t);
                }
            }
        }
        turns
    }

    /// The turn for paragraphs before the first label: the host's when the
    /// title names one; else the spokesperson's office when the document
    /// labels one ("Spokesman:" in a briefing "by the Office of the
    /// Spokesperson"); else narration.
    pub(super) fn opening_turn(&mut self, p: Paragraph, labels: &[Option<Candidate<'_>>]) -> Turn {
        if self.people.host().is_none() {
            let office = labels.iter().flatten().find(|c| {
                let parts = people::parts(c.label);
                c.kind == LabelKind::Named && parts.name.is_empty() && runs_briefings(&parts)
            });
            if let Some(c) = office {
                let who = self.named(c, false);
                return Turn {
                    speaker: who.speaker,
                    label: None,
                    role: who.role,
                    speaker_title: who.title,
                    organisation: None,
                    paragraphs: vec![p],
                    why: Why {
                        speaker:
                            "before the first label: the spokesperson's office the document labels"
                                .into(),
                        role: who.why.1,
                        ..Why::default()
                    },
                };
            }
        }
        self.opening_host_turn(p)
    }

    pub(super) fn opening_host_turn(&self, p: Paragraph) -> Turn {
        let host = self.people.host();
        // A summary that speaks of the host is the publisher's, not theirs.
        if let Some(named) =
            host.and_then(|h| intro::speaks_of_host(&p.text, &h.name, h.title.as_deref()))
        {
            return narration(
                p,
                format!(
                    "before the first label: speaks of the host in the third person (\"{named}\")"
                ),
            );
        }
        match host {
            Some(h) => {
                let r = self.people.upgrade(people::Resolved {
                    name: h.name.clone(),
                    title: h.title.clone(),
                    role: h.role,
                    rule: String::new(),
                });
                Turn {
                    speaker: r.name,
                    label: None,
                    role: r.role.unwrap_or(Role::Official),
                    speaker_title: r.title,
                    organisation: None,
                    paragraphs: vec![p],
                    why: Why {
                        speaker: "before the first label: the host the title names".into(),
                        role: if r.role == Some(Role::Moderator) {
                            "the title names them as the briefing's host".into()
                        } else {
                            "named in the title".into()
                        },
                        ..Why::default()
                    },
                }
            }
            None => narration(p, "before the first label, no host in the title".into()),
        }
    }

    /// Turns of a document without labels: the host's remarks when the title
    /// names a host, else a news report attributed by reported speech.
    pub(super) fn unlabelled_turns(&mut self, body_start: usize) -> Vec<Turn> {
        let host = self.people.host().map(|h| {
            self.people.upgrade(people::Resolved {
                name: h.name.clone(),
                title: h.title.clone(),
                role: h.role,
                rule: String::new(),
            })
        });
        let mut turns: Vec<Turn> = Vec::new();
        let mut last_quoted: Option<String> = None;
        // Everyone the report has named in full so far, for surnames alone.
        let mut named: Vec<String> = Vec::new();
        for i in body_start..self.paras.len() {
            if let Some(reason) = self.furniture[i] {
                self.skip(i, reason);
                continue;
            }
            if is_byline(&self.paras[i].text) {
                self.skip(i, "byline or heading");
                continue;
            }
            let p = Paragraph {
                text: furniture::strip_end_marker(&self.paras[i].text).to_string(),
                line: self.paras[i].line,
            };
            if is_stage_direction(&p.text) {
                if let Some(last) = turns.last_mut().and_then(|t| t.paragraphs.last_mut()) {
                    last.text.push(' ');
                    last.text.push_str(p.text.trim());
                    continue;
                }
            }
            if host.is_none() {
                // Each person once, the latest named last (as `by_surname`
                // wants): a long report names the same people again and
                // again, and is searched once per paragraph.
                for n in reported::mentioned(&p.text) {
                    named.retain(|m| m != &n);
                    named.push(n);
                }
            }
            let (speaker, role, title, why) = match &host {
                Some(h) => (
                    h.name.clone(),
                    h.role.unwrap_or(Role::Official),
                    h.title.clone(),
                    Why {
                        speaker: "no labels: the remarks of the person the title names".into(),
                        role: "named in the title".into(),
                        ..Why::default()
                    },
                ),
                None => {
                    let attribution = reported::attribute_in(&p.text, &named);
                    let quoted = match attribution {
                        reported::Attribution::Quoted(who) => {
                            Some((who, "news report: the paragraph quotes this person"))
                        }
                        reported::Attribution::Surname(who) => Some((
                            who,
                            "news report: the paragraph quotes by surname a person the report named",
                        )),
                        reported::Attribution::SamePerson => last_quoted.clone().map(|who| {
                            (who, "news report: a pronoun refers to the person quoted last")
                        }),
                        reported::Attribution::Narration => None,
                    };
                    match quoted {
                        Some((who, rule)) => {
                            let p = people::parts(&who);
                            let who = self.people.resolve_name(&p, &[]).map_or(who, |r| r.name);
                            last_quoted = Some(who.clone());
                            (
                                who,
                                Role::Official,
                                None,
                                Why {
                                    speaker: rule.into(),
                                    role: "quoted speaker".into(),
                                    ..Why::default()
                                },
                            )
                        }
                        None => (
                            "Narration".to_string(),
                            Role::Narration,
                            None,
                            Why {
                                speaker: "news report: nobody is quoted".into(),
                                role: "the reporter's own words".into(),
                                ..Why::default()
                            },
                        ),
                    }
                }
            };
            match turns.last_mut() {
                Some(t) if t.speaker == speaker && t.role == role => t.paragraphs.push(p),
                _ => turns.push(Turn {
                    speaker,
                    label: None,
                    role,
                    speaker_title: title,
                    organisation: None,
                    paragraphs: vec![p],
                    why,
                }),
            }
        }
        turns
    }
}
