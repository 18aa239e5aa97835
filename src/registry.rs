//! The corpus-wide speaker registry.
//!
//! Built at index time from every briefing: each speaker's canonical name,
//! the labels and forms they were written as, their roles and titles, and
//! the briefings they spoke in. It serves three jobs:
//!
//! - parsing: a page without a roster still learns from the registry that
//!   the person speaking chairs briefings elsewhere ([`Registry::knowledge`]);
//! - `--speaker`: `gong`, `Mr. Gong`, `GONG ZHENG` and `Gong Zheng` all
//!   resolve to the same canonical name ([`Registry::resolve`]);
//! - `podium speakers`: who is in the index, with role and title.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::passage::Passage;
use crate::transcript::{name, KnownPerson, Role, Transcript};

/// One speaker across the corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The canonical name stored with every passage.
    pub name: String,
    /// Other forms: labels as written, name forms seen in titles.
    pub aliases: BTreeSet<String>,
    /// Passages per role.
    pub roles: BTreeMap<Role, u64>,
    pub titles: BTreeSet<String>,
    /// Files this speaker speaks in.
    pub documents: BTreeSet<String>,
    pub passages: u64,
    /// Chairs a briefing by the evidence of a roster or title.
    #[serde(default)]
    pub chairs: bool,
}

impl Speaker {
    /// The role this speaker has most often.
    pub fn role(&self) -> Role {
        self.roles
            .iter()
            .max_by_key(|(r, n)| (**n, std::cmp::Reverse(**r)))
            .map_or(Role::Official, |(r, _)| *r)
    }

    /// The most informative title: the longest one seen.
    pub fn title(&self) -> Option<&str> {
        self.titles
            .iter()
            .max_by_key(|t| t.len())
            .map(String::as_str)
    }

    /// Every form this speaker answers to, folded.
    pub fn forms(&self) -> impl Iterator<Item = String> + '_ {
        std::iter::once(name::fold(&self.name)).chain(self.aliases.iter().map(|a| name::fold(a)))
    }
}

/// All speakers of an index, sorted by name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registry {
    pub speakers: Vec<Speaker>,
}

/// Accumulates a [`Registry`] from parsed briefings.
#[derive(Debug, Default)]
pub struct RegistryBuilder {
    by_name: HashMap<String, Speaker>,
}

impl RegistryBuilder {
    fn entry(&mut self, speaker: &str) -> &mut Speaker {
        self.by_name
            .entry(speaker.to_string())
            .or_insert_with(|| Speaker {
                name: speaker.to_string(),
                ..Speaker::default()
            })
    }

    /// Records what a transcript says about people: its roster, the people
    /// its title names, and who speaks in its turns.
    pub fn add_transcript(&mut self, t: &Transcript, file: &str) {
        for e in &t.roster {
            let s = self.entry(&e.name);
            s.titles.extend(e.title.clone());
            s.chairs |= e.role == Role::Moderator;
            s.documents.insert(file.to_string());
        }
        if let Some(title) = &t.title {
            for p in crate::transcript::title::people(title) {
                let s = self.entry(&p.name);
                s.chairs |= p.runs_briefings();
                s.titles.insert(p.title);
            }
        }
        for turn in &t.turns {
            if turn.paragraphs.is_empty() {
                continue;
            }
            let s = self.entry(&turn.speaker);
            s.documents.insert(file.to_string());
            s.aliases
                .extend(turn.label.clone().filter(|l| *l != turn.speaker));
            s.titles.extend(turn.speaker_title.clone());
        }
    }

    /// Counts a passage for its speaker and role.
    pub fn add_passage(&mut self, p: &Passage) {
        let s = self.entry(&p.speaker);
        s.passages += 1;
        *s.roles.entry(p.role).or_default() += 1;
        s.documents.insert(p.file.clone());
        s.documents.extend(p.also_in.iter().cloned());
    }

    /// Folds another builder's records into this one (from a parallel worker).
    pub fn merge(&mut self, other: RegistryBuilder) {
        for (k, v) in other.by_name {
            let s = self.entry(&k);
            s.aliases.extend(v.aliases);
            for (r, n) in v.roles {
                *s.roles.entry(r).or_default() += n;
            }
            s.titles.extend(v.titles);
            s.documents.extend(v.documents);
            s.passages += v.passages;
            s.chairs |= v.chairs;
        }
    }

    pub fn build(self) -> Registry {
        let mut speakers: Vec<Speaker> = self.by_name.into_values().collect();
        speakers.sort_by(|a, b| a.name.cmp(&b.name));
        Registry { speakers }
    }
}

impl From<Registry> for RegistryBuilder {
    /// A builder holding a built registry's records, so more can be merged
    /// in: the indexer keeps each document's part of the registry and
    /// merges the parts again on every run, so a removed or changed file
    /// takes exactly its part away.
    fn from(r: Registry) -> Self {
        RegistryBuilder {
            by_name: r
                .speakers
                .into_iter()
                .map(|s| (s.name.clone(), s))
                .collect(),
        }
    }
}

impl Registry {
    /// People to tell the parser about: named people (two words or more)
    /// who speak as officials or chairs.
    pub fn knowledge(&self) -> Vec<KnownPerson> {
        self.speakers
            .iter()
            .filter(|s| name::looks_like_person(&s.name))
            .filter(|s| s.chairs || matches!(s.role(), Role::Official | Role::Moderator))
            .map(|s| KnownPerson {
                name: s.name.clone(),
                title: s.title().map(str::to_string),
                chairs: s.chairs,
            })
            .collect()
    }

    /// Looks a speaker up by a canonical name.
    pub fn get(&self, name: &str) -> Option<&Speaker> {
        self.speakers
            .binary_search_by(|s| s.name.as_str().cmp(name))
            .ok()
            .map(|i| &self.speakers[i])
    }
}
