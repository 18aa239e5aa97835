//! Who the people of a briefing are, and which of them a label names.
//!
//! A label names its speaker the way the publisher writes it: `MS. PSAKI`,
//! `S. PSAKI` (a dropped letter), `SECRETARY RAIMONODO` (a typo), `THE
//! PRESIDENT` (an office), `PRESIDENT VON DER LEYEN`. The speaker podium
//! stores is a canonical name: the fullest form of the name that the
//! document or the corpus gives, so that every briefing's `MS. PSAKI`, `Jen
//! Psaki` and `Press Secretary Jen Psaki` are one speaker.
//!
//! People are looked up in tiers, the document's own first:
//!
//! 1. the document: its roster, people named in its header lines
//!    (`Dana Ortiz, Department Spokesperson`), its title (`Press Briefing by
//!    Press Secretary Jen Psaki`), and full names its text writes after a
//!    title (`Response Coordinator Jeff Zients`);
//! 2. the corpus: people the registry knows from other briefings, with the
//!    labels they were written as and how many briefings they spoke in.
//!
//! A document match needs the label's name words; a corpus match must also
//! agree with what the corpus knows (an `MS.` is not a man known as `MR.`, a
//! `SECRETARY` not somebody known only as a prime minister). Typing errors
//! are forgiven only in long surnames and only when one person fits.
//!
//! In three parts, each in its own file:
//!
//! - `parts`: a label taken apart into office, honorific,
//!   name and aside ([`LabelParts`]), and the name words people are
//!   matched by ([`match_keys`], [`core_keys`]);
//! - `corpus`: what the corpus knows ([`KnownPerson`]) and the questions a
//!   parse asks it ([`Probe`]), so that a parse made without the corpus can
//!   tell whether the corpus would change it;
//! - `resolve`: the resolver, [`People`]: the document's people, then the
//!   corpus's, for a name, a typing error, an office or a fuller form, and
//!   the full names the text writes after a title ([`mention`]).
//!
//! This file holds the types the three share.

mod corpus;
mod parts;
mod resolve;

pub use corpus::{KnownPerson, Probe, ProbeLog};
pub use parts::{core_keys, match_keys, office_words, parts, Honorific, LabelParts};
pub use resolve::mention;

use super::{name, Paragraph, Role};

/// Where the parser learned about a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Roster,
    Header,
    Title,
    /// A full name written in the document's text after a title.
    Mention,
    /// A member or office holder a parliament's label names in full
    /// (`Sarah Olney (Richmond Park) (LD)`, `The Prime Minister (Keir
    /// Starmer)`), for the shorter labels that follow (`Sarah Olney:`,
    /// `The Prime Minister:`).
    Label,
}

impl Source {
    fn rule(self) -> &'static str {
        match self {
            Source::Roster => "label matches the roster",
            Source::Header => "label matches a person named in the header",
            Source::Title => "label matches a name in the title",
            Source::Mention => "label matches a full name written in the briefing",
            Source::Label => "label matches a member a parliamentary label named in full",
        }
    }
}

/// A person the document itself names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocPerson {
    pub name: String,
    pub title: Option<String>,
    /// `Some(Moderator)` when the document says they chair; roster
    /// entries carry their heading's role.
    pub role: Option<Role>,
    pub source: Source,
}

/// A label resolved to a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub name: String,
    pub title: Option<String>,
    pub role: Option<Role>,
    /// Why: the rule, for `podium parse --explain`.
    pub rule: String,
}

/// The people of one document, and the corpus behind them.
#[derive(Debug, Clone)]
pub struct People<'k> {
    doc: Vec<(DocPerson, Vec<String>)>,
    corpus: &'k [KnownPerson],
    /// The questions asked of an empty corpus (see [`Probe`]).
    log: ProbeLog,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(t: &str) -> Paragraph {
        Paragraph {
            text: t.into(),
            line: 1,
        }
    }

    #[test]
    fn labels_come_apart() {
        let p = parts("THE PRESIDNET");
        assert!(p.the);
        assert_eq!(p.office, ["president"]);
        assert_eq!(p.name, "");
        let p = parts("ACTING ADMINSTRATOR SLAVITT");
        assert_eq!(p.office, ["acting", "administrator"]);
        assert_eq!(p.name, "SLAVITT");
        let p = parts("MS. QUILL");
        assert_eq!(p.honorific, Some(Honorific::Female));
        assert_eq!(p.name, "QUILL");
        assert_eq!(p.name_display(), "Quill");
        let p = parts("PRESIDENT VON DER LEYEN");
        assert_eq!(p.office, ["president"]);
        assert_eq!(p.name, "VON DER LEYEN");
        let p = parts("SECRETARY OF STATE BRANDT");
        assert_eq!(p.office, ["secretary", "of", "state"]);
        assert_eq!(p.name, "BRANDT");
        let p = parts("Dana Ortiz (Harbour Radio)");
        assert_eq!(p.name, "Dana Ortiz");
        assert_eq!(p.aside.as_deref(), Some("Harbour Radio"));
        let p = parts("MR: VANCE");
        assert_eq!(p.honorific, Some(Honorific::Male));
        assert_eq!(p.name, "VANCE");
        let p = parts("SENIOR ADMINISTRATION OFFICIAL");
        assert_eq!(p.office_display(), "Senior Administration Official");
        assert_eq!(
            parts("NSC SPOKESPERSON").office_display(),
            "NSC Spokesperson"
        );
        assert_eq!(
            parts("SENIOR ADMINSTRATION OFFICAL").office_display(),
            "Senior Administration Official"
        );
        assert_eq!(parts("DR. WALESNKY").name, "WALESNKY");
        assert_eq!(parts("Speaker 2").office_display(), "Speaker 2");
        let p = parts("PM Reyes");
        assert_eq!(p.office, ["prime", "minister"]);
        assert_eq!(p.name, "Reyes");
    }

    #[test]
    fn document_tiers_then_corpus() {
        let corpus = vec![
            KnownPerson::new(
                "Ada Quill",
                Some("Press Secretary".into()),
                true,
                ["MS. QUILL".to_string()],
                40,
            ),
            KnownPerson::new("Q. Quill", None, false, ["Q. QUILL".to_string()], 1),
            KnownPerson::new(
                "Rolf Brandt",
                Some("Prime Minister".into()),
                false,
                ["PRIME MINISTER BRANDT".to_string()],
                2,
            ),
            KnownPerson::new(
                "Tom Okafor",
                Some("President".into()),
                false,
                ["THE PRESIDENT".to_string()],
                30,
            ),
        ];
        let mut people = People::new(&corpus);
        people.add(DocPerson {
            name: "Lena Moreau".into(),
            title: Some("Press Secretary".into()),
            role: Some(Role::Moderator),
            source: Source::Title,
        });
        let r = people.resolve_name(&parts("MS. MOREAU"), &[]).unwrap();
        assert_eq!(r.name, "Lena Moreau");
        let r = people.resolve_name(&parts("S. MOREAU"), &[]).unwrap();
        assert_eq!(r.name, "Lena Moreau");
        let r = people.resolve_name(&parts("MS. QUILL"), &[]).unwrap();
        assert_eq!(r.name, "Ada Quill");
        assert_eq!(r.role, Some(Role::Moderator));
        // The corpus knows Brandt only as a prime minister.
        assert_eq!(people.resolve_name(&parts("MS. BRANDT"), &[]), None);
        assert_eq!(
            people
                .resolve_name(&parts("PRIME MINISTER BRANDT"), &[])
                .unwrap()
                .name,
            "Rolf Brandt"
        );
        assert_eq!(
            people
                .office_holder(&parts("THE PRESIDENT"), &[])
                .unwrap()
                .name,
            "Tom Okafor"
        );
        assert_eq!(
            people.office_holder(&parts("THE VICE PRESIDENT"), &[]),
            None
        );
        // An adviser to the president does not hold the office.
        let advisers = vec![
            KnownPerson::new("Tom Okafor", Some("President".into()), false, [], 5),
            KnownPerson::new(
                "Ana Silva",
                Some("Chief Adviser to the President".into()),
                false,
                [],
                5,
            ),
        ];
        let people2 = People::new(&advisers);
        assert_eq!(
            people2
                .office_holder(&parts("THE PRESIDENT"), &[])
                .map(|r| r.name),
            Some("Tom Okafor".to_string())
        );
        let text = [para(
            "Thanks to Response Coordinator Jonas Vetter and Dr. Vetter's team.",
        )];
        let r = people.resolve_name(&parts("MR. VETTER"), &text).unwrap();
        assert_eq!(r.name, "Jonas Vetter");
        assert_eq!(r.title.as_deref(), Some("Response Coordinator"));
        let r = people.resolve_name(&parts("SECRETARY MOERAU"), &[]);
        assert_eq!(r.map(|r| r.name), Some("Lena Moreau".to_string()));
    }

    #[test]
    fn names_grow_to_their_fullest_form() {
        let corpus = vec![
            KnownPerson::new("Tom Okafor", Some("President".into()), false, [], 9),
            KnownPerson::new("Ines Okafor", Some("First Lady".into()), false, [], 2),
        ];
        let mut people = People::new(&corpus);
        people.add(DocPerson {
            name: "Okafor".into(),
            title: Some("President".into()),
            role: None,
            source: Source::Title,
        });
        let r = people.office_holder(&parts("THE PRESIDENT"), &[]).unwrap();
        assert_eq!(r.name, "Tom Okafor");
        assert_eq!(r.title.as_deref(), Some("President"));
    }
}
