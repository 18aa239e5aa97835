//! Resolving a label to a speaker, role, title and organisation: reporters
//! by outlet (the label, the moderator's hand-off, their own
//! introduction), anonymous answers to the spokesperson, moderators to the
//! chair the document names, and named labels to a person, an office's
//! holder, initials or an outlet, with [`super::people`] for what the
//! document and the corpus know. Each resolution says why ([`Why`]).
//!
//! Separate from [`super::turns`]: one label's reading, cached per label,
//! against which paragraphs go into its turn.

use super::label::{self, Candidate, LabelKind};
use super::people::{self, DocPerson, Source};
use super::sitting::MEMBER_ROLE;
use super::{handoff, name, office, text, Parser, Role, Turn, Why};

/// A label's resolution, cached per distinct label in a document.
#[derive(Debug, Clone)]
pub(super) struct Who {
    pub(super) speaker: String,
    pub(super) role: Role,
    pub(super) title: Option<String>,
    /// The outlet or body the speaker speaks for, where the text says it.
    pub(super) organisation: Option<String>,
    pub(super) why: (String, String),
}

impl Who {
    /// A reporter's label that names their outlet: the outlet asks, and it
    /// is the passage's organisation (reporters are followed by newsroom).
    fn outlet(outlet: String, rule: &str) -> Who {
        Who {
            speaker: outlet.clone(),
            role: Role::Journalist,
            title: None,
            organisation: Some(outlet),
            why: (rule.into(), "asks for that outlet".into()),
        }
    }
}

/// Whether an office label names the one who runs a briefing: a
/// spokesperson or a press secretary (not "NSC Spokesperson", a guest from
/// another body, whose office is qualified).
pub(super) fn runs_briefings(p: &people::LabelParts) -> bool {
    let words: Vec<&str> = p
        .office
        .iter()
        .map(String::as_str)
        .filter(|w| *w != "the")
        .collect();
    matches!(
        words.as_slice(),
        ["spokesperson" | "spokesman" | "spokeswoman"] | ["press", "secretary"]
    )
}

impl<'a> Parser<'a> {
    /// Whether the turn a label opens reads as a question.
    pub(super) fn asks(
        &self,
        c: &Candidate<'_>,
        i: usize,
        labels: &[Option<Candidate<'_>>],
    ) -> bool {
        if c.rest.contains('?') || c.rest.contains('？') {
            return true;
        }
        (i + 1..self.paras.len())
            .take_while(|&j| labels[j].is_none())
            .take(3)
            .any(|j| self.paras[j].text.contains('?') || self.paras[j].text.contains('？'))
    }

    /// Speaker, role and title for a label.
    pub(super) fn resolve(
        &mut self,
        c: &Candidate<'_>,
        i: usize,
        labels: &[Option<Candidate<'_>>],
        outlet: Option<String>,
        first_turn: bool,
    ) -> Turn {
        let written = text::collapse_spaces(c.label);
        let who = match c.kind {
            LabelKind::Reporter => self.reporter(c, i, outlet),
            LabelKind::Named => {
                // The same label resolves the same way throughout a
                // document, except that asking depends on the turn.
                let asks = self.asks(c, i, labels) && !first_turn;
                let key = format!("{}\u{0}{asks}", name::fold(c.label));
                match self.cache.get(&key) {
                    Some(w) => w.clone(),
                    None => {
                        let w = self.named(c, asks);
                        self.cache.insert(key, w.clone());
                        w
                    }
                }
            }
            LabelKind::Answer => self.answer(),
            // `CHAIR:` is also an office: the chair the title or header
            // names with that office ("Chair Luz Alvarez's Press
            // Conference") holds it, and answers.
            LabelKind::Moderator if self.chair_holder(c).is_some() => {
                self.chair_holder(c).unwrap_or_else(|| self.named(c, false))
            }
            LabelKind::Moderator => match self.people.chair() {
                Some(one) => Who {
                    speaker: one.name.clone(),
                    role: Role::Moderator,
                    title: one.title.clone(),
                    organisation: None,
                    why: (
                        "moderator's label: the chair the document names".into(),
                        "chairs".into(),
                    ),
                },
                // The role word as written (`HOST`, `Presenter`), unless
                // it is a typing error of one (`MODEARTOR`).
                None => Who {
                    speaker: if label::MODERATOR_WORDS.contains(&name::fold(c.label).as_str())
                        && c.label.is_ascii()
                    {
                        name::display_person(c.label.trim())
                    } else {
                        "Moderator".into()
                    },
                    role: Role::Moderator,
                    title: None,
                    organisation: None,
                    why: ("moderator's label".into(), "chairs".into()),
                },
            },
            LabelKind::Interpreter => Who {
                speaker: "Interpreter".into(),
                role: Role::Official,
                title: None,
                organisation: None,
                why: (
                    "interpreter's label".into(),
                    "speaks for an official".into(),
                ),
            },
        };
        let mut why_speaker = who.why.0;
        if let Some(line) = self.named_at.get(&name::fold(&who.speaker)) {
            // After a colon, so that the rule's name (what comes before
            // it) stays one name across documents.
            if !why_speaker.contains("line ") {
                let sep = if why_speaker.contains(':') { ";" } else { ":" };
                why_speaker.push_str(&format!("{sep} {} named on line {line}", who.speaker));
            }
        }
        // An official's body, where their title names one ("Foreign
        // Ministry Spokesperson").
        let organisation = who.organisation.or_else(|| {
            (who.role != Role::Journalist)
                .then(|| who.title.as_deref().and_then(office::organisation_of_title))
                .flatten()
        });
        Turn {
            speaker: who.speaker,
            label: Some(written),
            role: who.role,
            speaker_title: who.title,
            organisation,
            paragraphs: Vec::new(),
            why: Why {
                speaker: why_speaker,
                role: who.why.1,
                ..Why::default()
            },
        }
    }

    /// A chair's label (`CHAIR:`, `CHAIRMAN:`) that the document's people
    /// resolve as an office: somebody named with that office holds it.
    pub(super) fn chair_holder(&self, c: &Candidate<'_>) -> Option<Who> {
        let p = people::parts(c.label);
        if !p.name.is_empty() || !p.office.iter().any(|w| w.starts_with("chair")) {
            return None;
        }
        let r = self.people.office_holder(&p, self.paras)?;
        Some(Who {
            speaker: r.name,
            role: r.role.unwrap_or(Role::Official),
            title: r.title,
            organisation: None,
            why: (r.rule, "holds the office the label names".into()),
        })
    }

    /// A reporter's label: the outlet when the label, the moderator's
    /// hand-off or the reporter's own introduction names it; else the
    /// reporter, when the label names them (`Question from Sam Idris`).
    pub(super) fn reporter(&self, c: &Candidate<'_>, i: usize, outlet: Option<String>) -> Who {
        let is_outlet = |a: &str| name::looks_like_outlet(a) || name::is_acronym(a);
        // "Question from Hannah Clarke, Harbour News", "Question from the
        // BBC": the outlet is the last part.
        let asker = label::asked_by(c.label);
        let asker_outlet = asker.and_then(|who| {
            let last = who.rsplit([',', '，']).next().unwrap_or(who).trim();
            let last = last.strip_prefix("the ").unwrap_or(last);
            is_outlet(last).then(|| last.to_string())
        });
        let aside = people::parts(c.label)
            .aside
            .filter(|a| is_outlet(a))
            .or(asker_outlet);
        let intro = || {
            let opening = if c.rest.trim().is_empty() {
                self.next_text(i).unwrap_or("")
            } else {
                c.rest
            };
            handoff::self_identified(opening)
        };
        // The outlet, where one is known, is both the speaker (the gold's
        // convention for anonymous questions) and the organisation.
        let (speaker, organisation, why) = match (aside, outlet) {
            (Some(o), _) => (o.clone(), Some(o), "reporter's label names the outlet"),
            (None, Some(o)) => (
                o.clone(),
                Some(o),
                "reporter called on by outlet in the previous turn",
            ),
            (None, None) => match (intro(), asker.filter(|a| name::looks_like_person(a))) {
                (Some((_, o)), _) => (o.clone(), Some(o), "the reporter names their outlet"),
                (None, Some(who)) => (who.to_string(), None, "reporter's label names them"),
                (None, None) => (
                    "Reporter".to_string(),
                    None,
                    "reporter's label, outlet unknown",
                ),
            },
        };
        Who {
            speaker,
            role: Role::Journalist,
            title: None,
            organisation,
            why: (why.into(), "asks the question".into()),
        }
    }

    /// An anonymous answer: the spokesperson the title names, else the
    /// host the document names.
    pub(super) fn answer(&self) -> Who {
        match self.people.answerer() {
            Some(h) => {
                let r = self.people.upgrade(people::Resolved {
                    name: h.name.clone(),
                    title: h.title.clone(),
                    role: h.role,
                    rule: String::new(),
                });
                Who {
                    speaker: r.name,
                    role: r.role.unwrap_or(Role::Official),
                    title: r.title,
                    organisation: None,
                    why: (
                        format!(
                            "anonymous answer: the spokesperson the {} names",
                            match h.source {
                                Source::Roster => "roster",
                                Source::Header => "header",
                                _ => "title",
                            }
                        ),
                        if r.role == Some(Role::Moderator) {
                            "answers; runs the briefing".into()
                        } else {
                            "answers".into()
                        },
                    ),
                }
            }
            None => Who {
                speaker: "Official".into(),
                role: Role::Official,
                title: None,
                organisation: None,
                why: ("anonymous answer, nobody named".into(), "answers".into()),
            },
        }
    }

    /// A label that names somebody: a person, an office, or an outlet.
    pub(super) fn named(&self, c: &Candidate<'_>, asks: bool) -> Who {
        let p = people::parts(c.label);
        let role_of = |r: &people::Resolved| match r.role {
            Some(Role::Moderator) => (Role::Moderator, "chairs, by the document or the corpus"),
            Some(role) => (role, "the roster gives the role"),
            // A member an earlier parliamentary label named in full.
            None if r.rule.contains("parliamentary label") => (Role::Official, MEMBER_ROLE),
            None => (Role::Official, "a person answering"),
        };
        // A person the document or the corpus resolved the label to.
        let resolved = |r: people::Resolved| {
            let (role, why) = role_of(&r);
            Who {
                speaker: r.name,
                role,
                title: r.title,
                organisation: None,
                why: (r.rule, why.into()),
            }
        };
        // A parliament's record: a member with seat and party, an office
        // with its holder, the presiding officer, members together.
        if let Some(h) = label::house(c.label) {
            return self.member(&h);
        }
        if let Some(w) = self.house_office(c, &p) {
            return w;
        }
        if let Some(aside) = p.aside.as_deref().filter(|a| name::looks_like_outlet(a)) {
            return Who::outlet(aside.to_string(), "label names an outlet in parentheses");
        }
        let head = c.label.split(['(', '（']).next().unwrap_or(c.label).trim();
        // A reporter and their outlet, either way round: "Hannah Clarke,
        // Harbour News", or outlet first, "NHK, Sato", "Asahi Shimbun,
        // Tanaka" (Japanese ministries write them so). The outlet asks.
        if let Some((first, second)) = head.split_once(',') {
            let (first, second) = (first.trim(), second.trim());
            let name_shaped = (1..=3).contains(&second.split_whitespace().count())
                && second.split_whitespace().all(|w| {
                    (w.starts_with(char::is_uppercase) || name::is_connector(w))
                        && w.chars()
                            .all(|ch| ch.is_alphabetic() || "-'’.".contains(ch))
                })
                && !second.split_whitespace().all(name::is_connector);
            if name_shaped
                && name::looks_like_outlet(first)
                && !name::looks_like_person(first)
                && !name::looks_like_outlet(second)
            {
                return Who::outlet(
                    name::display_case(first),
                    "label names an outlet, then its reporter",
                );
            }
            if name::looks_like_outlet(second) && name::looks_like_person(first) {
                return Who::outlet(
                    second.to_string(),
                    "label names a reporter and their outlet",
                );
            }
        }
        // Initials the document's people have (`TH:` for Tom Hargreaves),
        // before the outlet test, to which short capitals look alike.
        if let Some((d, by)) = self.initials_holder(&p) {
            let what = match by {
                office::By::Name => "a name",
                office::By::Office => "an office",
            };
            let r = self.people.upgrade(people::Resolved {
                name: d.name.clone(),
                title: d.title.clone(),
                role: d.role,
                rule: format!(
                    "label is the initials of {what}: {} for {} ({}), named in the {}",
                    c.label.trim(),
                    d.name,
                    d.title.as_deref().unwrap_or("no title"),
                    match d.source {
                        Source::Roster => "roster",
                        Source::Title => "title",
                        _ => "header",
                    }
                ),
            });
            return resolved(r);
        }
        // A single word in capitals looks like an acronym (`CCTV`), and
        // like a surname (`ILUNGA`): only one that asks, or that has an
        // outlet's word, is taken for an outlet.
        let acronym_only = !head.contains(' ') && name::is_acronym(head);
        if !p.name.is_empty()
            && p.honorific.is_none()
            && !p.the
            && name::looks_like_outlet(head)
            && !name::looks_like_person(head)
            && (asks || !acronym_only || c.rest.contains(['?', '？']))
        {
            // "Economic Daily", "Phoenix TV", "Reuters".
            return Who {
                speaker: name::display_case(head),
                role: Role::Journalist,
                title: None,
                organisation: Some(name::display_case(head)),
                why: ("outlet label".into(), "a media outlet asking".into()),
            };
        }
        if p.name.is_empty() {
            // An office: "THE PRESIDENT", "SENIOR ADMINISTRATION OFFICIAL".
            // The document before the corpus: who the text says holds the
            // office wins over the corpus's holder.
            let joined = |appositives: bool| {
                let paras = self.paras.iter().map(|x| (x.text.as_str(), x.line));
                office::joined_holder(paras, &p.office, appositives)
            };
            if let Some(r) = self
                .people
                .office_holder(&p, self.paras)
                .filter(|r| !r.rule.contains("across the corpus") || joined(false).is_none())
            {
                return resolved(r);
            }
            // "I'm joined by the Treasurer, Jim Park", "… by Jim Park,
            // Treasurer": the text names the holder, where the header did
            // not (and the corpus did not, or was outvoted by an
            // introduction).
            if let Some((holder, line)) = joined(true) {
                return Who {
                    speaker: holder.clone(),
                    role: Role::Official,
                    title: Some(p.office_display()),
                    organisation: None,
                    why: (
                        format!(
                            "office label: the text names its holder, {holder} ({}), on line {line}",
                            p.office_display()
                        ),
                        "a person answering".into(),
                    ),
                };
            }
            if runs_briefings(&p) {
                return Who {
                    speaker: p.office_display(),
                    role: Role::Moderator,
                    title: None,
                    organisation: None,
                    why: (
                        "office label, nobody named in it".into(),
                        "a spokesperson's office runs the briefing".into(),
                    ),
                };
            }
            return Who {
                speaker: p.office_display(),
                role: Role::Official,
                title: None,
                organisation: None,
                why: (
                    "office label, nobody named in it".into(),
                    "an office answering".into(),
                ),
            };
        }
        if let Some(r) = self.people.resolve_name(&p, self.paras) {
            let (role, why) = role_of(&r);
            let title = r.title.or_else(|| {
                let o = p.office_display();
                (!o.is_empty()).then_some(o)
            });
            return Who {
                speaker: r.name,
                role,
                title,
                organisation: None,
                why: (r.rule, why.into()),
            };
        }
        let speaker = p.name_display();
        let title = (!p.office.is_empty()).then(|| p.office_display());
        let bare = p.honorific.is_none() && p.office.is_empty();
        // Somebody the document does not name, asking a question: a
        // reporter, where reporters are not all labelled Q, or where the
        // document lists who is on the podium.
        let named_podium = !self.roster.is_empty() || !self.people.is_empty();
        if asks && bare && (!self.anonymous_reporters || !self.roster.is_empty() || named_podium) {
            // The outlet, when the label or the reporter names it ("Dev
            // Patil, Harbour Wire. My question …").
            let outlet = p
                .aside
                .clone()
                .or_else(|| handoff::self_identified(c.rest).map(|(_, o)| o));
            return Who {
                speaker,
                role: Role::Journalist,
                title: None,
                organisation: outlet,
                why: (
                    "label as written: nobody the document names".into(),
                    "asks a question".into(),
                ),
            };
        }
        Who {
            speaker,
            role: Role::Official,
            title,
            organisation: None,
            why: ("label as written".into(), "a person answering".into()),
        }
    }

    /// The one person the document names whose initials, or whose
    /// office's, a short label in capitals is (`TH:`, `DPM:`; see
    /// [`office::by_initials`]). A label that is also a name the document
    /// knows (`LEE:` for Li Ee?) is read as the name first, by the caller.
    pub(super) fn initials_holder(
        &self,
        p: &people::LabelParts,
    ) -> Option<(DocPerson, office::By)> {
        if !p.office.is_empty() || p.honorific.is_some() || p.the || self.people.knows(&p.name) {
            return None;
        }
        let doc: Vec<&DocPerson> = self
            .people
            .document()
            .filter(|d| !matches!(d.source, Source::Mention | Source::Label))
            .collect();
        office::by_initials(&p.name, doc.iter().copied()).map(|(d, by)| (d.clone(), by))
    }
}
