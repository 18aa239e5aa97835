//! A parliament's sitting: who its labels name (see [`label::house`] for
//! the shapes), the members and office holders they add to the
//! document's people, and the lines of the record that nobody says.
//!
//! Roles: a member is an [`Role::Official`] whether they ask or answer.
//! Members who put questions to a minister are not reporters: the
//! journalist role promises a newsroom (`--role journalist`, `--outlet`
//! find the press), and a member speaks for a seat and a party, on the
//! record of the house they belong to. A presiding officer named by
//! office alone (`Mr Speaker`, `Madam Deputy Speaker`, `The Presiding
//! Officer`) keeps order and calls members: a [`Role::Moderator`], as a
//! briefing's chair is, and so does the holder a label names in that
//! office (`The Deputy Presiding Officer (Liam Moray)`). A member named
//! with another office (`Chairman SMITH.` at a hearing, who also asks)
//! stays an official with the office as title, as `CHAIR POWELL.` is.
//!
//! Separate from `speaker.rs`, which resolves the labels of briefings:
//! this is the one place that knows what a parliament's record says.

use super::label::{self, Candidate, House};
use super::people::{self, DocPerson, Source};
use super::speaker::Who;
use super::{Paragraph, Parser, Role, Turn, Why};

/// Why a member's turn has its role, for `--explain`.
pub(super) const MEMBER_ROLE: &str =
    "a member of the house: asks and answers on the record, not a reporter";

/// Whether an office, as `people::parts` folds it, is the presiding
/// officer's, and the office to print (`Speaker`, `Deputy Speaker`).
fn presiding_office(p: &people::LabelParts) -> Option<String> {
    label::presiding(&p.office, p.honorific.is_some(), p.the).then(|| {
        let o = p.office_display();
        let o = o.strip_prefix("The ").unwrap_or(&o);
        o.strip_prefix("An ").unwrap_or(o).to_string()
    })
}

/// Whether the office a parliamentary label gives (`Presiding Officer`
/// in `The Presiding Officer (Alison Marr)`) is the presiding officer's:
/// written as an office, it needs no honorific.
fn presides(office: &str) -> bool {
    let p = people::parts(office);
    label::presiding(&p.office, true, true)
}

impl<'a> Parser<'a> {
    /// The members and office holders the document's parliamentary labels
    /// name in full, so that the shorter labels after them (`Sarah
    /// Olney:`, `Dr Shah:`, `The Prime Minister:`) find them.
    pub(super) fn collect_members(&mut self) {
        for i in 0..self.paras.len() {
            if self.furniture[i].is_some() {
                continue;
            }
            let text = self.paras[i].text.as_str();
            let head = match text.char_indices().nth(125) {
                Some((k, _)) => &text[..k],
                None => text,
            };
            if !head.contains('(') {
                continue;
            }
            let Some(h) = label::candidate(text).and_then(|c| label::house(c.label)) else {
                continue;
            };
            let p = people::parts(&h.name);
            if p.name.is_empty() {
                continue;
            }
            let role = h
                .office
                .as_deref()
                .is_some_and(presides)
                .then_some(Role::Moderator);
            self.people.add(DocPerson {
                name: p.name.clone(),
                title: h.title(),
                role,
                source: Source::Label,
            });
        }
    }

    /// A label in one of a parliament's shapes (see [`label::house`]):
    /// the member or holder it names, their office or seat as title, their
    /// party as organisation.
    pub(super) fn member(&self, h: &House) -> Who {
        let p = people::parts(&h.name);
        let speaker = self
            .people
            .resolve_name(&p, self.paras)
            .map_or_else(|| p.name_display(), |r| r.name);
        let presides = h.office.as_deref().is_some_and(presides);
        let mut record: Vec<String> = Vec::new();
        record.extend(h.office.clone());
        record.extend(h.seat.as_ref().map(|s| format!("member for {s}")));
        record.extend(h.party.as_ref().map(|s| format!("party {s}")));
        let rule = if h.seat.is_none() && h.party.is_none() {
            format!(
                "office label names its holder: {speaker} ({})",
                h.office.as_deref().unwrap_or_default()
            )
        } else {
            format!("member's label: {speaker} ({})", record.join(", "))
        };
        Who {
            speaker,
            role: if presides {
                Role::Moderator
            } else {
                Role::Official
            },
            title: h.title(),
            organisation: h
                .party
                .as_ref()
                .map(|s| s.trim_end_matches('.').to_string()),
            why: (
                rule,
                if presides {
                    "presides over the sitting".into()
                } else {
                    MEMBER_ROLE.into()
                },
            ),
        }
    }

    /// `Mr Speaker`, `Madam Deputy Speaker`: the presiding officer, named
    /// by office alone; or `Hon. Members`, members together. `None` for
    /// any other label.
    pub(super) fn house_office(&self, c: &Candidate<'_>, p: &people::LabelParts) -> Option<Who> {
        if p.name.is_empty() {
            let office = presiding_office(p)?;
            // `The Presiding Officer:` after `The Presiding Officer
            // (Alison Marr):` is Alison Marr; the corpus's holder is
            // another house's.
            if let Some(r) = self
                .people
                .office_holder(p, self.paras)
                .filter(|r| !r.rule.contains("across the corpus"))
            {
                return Some(Who {
                    speaker: r.name,
                    role: Role::Moderator,
                    title: r.title.or(Some(office)),
                    organisation: None,
                    why: (r.rule, "presides over the sitting".into()),
                });
            }
            return Some(Who {
                speaker: office.clone(),
                role: Role::Moderator,
                title: Some(office),
                organisation: None,
                why: (
                    "presiding officer's label".into(),
                    "presides over the sitting: calls members, keeps order".into(),
                ),
            });
        }
        label::collective(c.label.trim()).then(|| Who {
            speaker: super::text::collapse_spaces(c.label.trim()),
            role: Role::Official,
            title: None,
            organisation: None,
            why: (
                "members together: the label names no one member".into(),
                MEMBER_ROLE.into(),
            ),
        })
    }
}

/// A line of the record that says what members did (`Several hon.
/// Members rose—`): narration, not the last speaker's words.
pub(super) fn record_turn(p: &Paragraph) -> Option<Turn> {
    label::records_members(&p.text).then(|| Turn {
        speaker: "Narration".into(),
        label: None,
        role: Role::Narration,
        speaker_title: None,
        organisation: None,
        paragraphs: vec![p.clone()],
        why: Why {
            speaker: "record of the sitting: what members did".into(),
            role: "nobody is speaking".into(),
            ..Why::default()
        },
    })
}
