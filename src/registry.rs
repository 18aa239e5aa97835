//! The corpus-wide speaker registry.
//!
//! Built at index time from every briefing: each speaker's canonical name,
//! the labels and forms they were written as, their roles and titles, and
//! the briefings they spoke in. It serves three jobs:
//!
//! - parsing: a page that writes only `MR. ZIENTS:`, or has no roster,
//!   still learns the full name, the title and whether the person chairs
//!   briefings ([`Registry::knowledge`], which also folds the forms of one
//!   name — `Biden`, `Joe Biden`; `Vivek H. Murthy`, `Vivek Murthy` — into
//!   one canonical speaker);
//! - `--speaker`: `gong`, `Mr. Gong`, `GONG ZHENG`, `MS. PSAKI`, `THE
//!   PRESIDENT` all resolve to a canonical name through the names and
//!   aliases kept here (`crate::search::speaker::resolve`);
//! - `podium speakers`: who is in the index, with role and title.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::passage::Passage;
use crate::transcript::{name, people, KnownPerson, Role, Transcript};

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
    /// Turns per role as parsed (before passages are counted): tells the
    /// survey pass who asks and who answers. Kept in the index state's
    /// survey registries, so that a document surveyed in an earlier run
    /// informs the knowledge as it did when it was surveyed (states written
    /// before they were kept have none, until the document is indexed
    /// again or the index rebuilt); written registries go without them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub turn_roles: BTreeMap<Role, u64>,
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

/// A single capitalised word: a surname known from a title or a label
/// (`Biden` from "Remarks by President Biden").
fn is_surname(s: &str) -> bool {
    !s.contains(char::is_whitespace)
        && s.chars().count() >= 3
        && s.starts_with(char::is_uppercase)
        && s.chars().any(char::is_lowercase)
        && s.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
}

/// All speakers of an index, sorted by name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registry {
    pub speakers: Vec<Speaker>,
}

/// A [`Registry`] kept as its JSON text, zstd-compressed.
///
/// The index state holds two small registries per document (what its
/// survey found, what was written), and a run holds every document's state
/// until it commits. As B-tree sets and maps of strings they took about
/// five times their JSON: 370 MB for a 1M-passage corpus, the part of peak
/// memory that grew with the corpus. As JSON they took 56 MB of a
/// 1.2M-passage build's peak; compressed, about a third of that (a
/// registry's JSON repeats its keys and names). They are unpacked one at a
/// time when merged. In the state file a packed registry is written as the
/// registry itself.
#[derive(Clone)]
pub struct PackedRegistry(Box<[u8]>);

/// zstd's fastest level: a registry is packed once per document and pass,
/// and level 1 already takes most of what compression can.
const PACK_LEVEL: i32 = 1;

impl PackedRegistry {
    /// Packs `registry`.
    pub fn pack(registry: &Registry) -> PackedRegistry {
        // A registry is strings and numbers: it always serializes, and
        // compressing bytes in memory only fails when memory does.
        let json = serde_json::to_vec(registry).unwrap_or_default();
        let packed = zstd::bulk::compress(&json, PACK_LEVEL).unwrap_or_default();
        PackedRegistry(packed.into_boxed_slice())
    }

    /// The registry's JSON text.
    fn json(&self) -> Vec<u8> {
        zstd::stream::decode_all(&self.0[..]).unwrap_or_default()
    }

    /// The registry, unpacked. Packed bytes are always podium's own
    /// (checked when read, see `Deserialize`), so they always unpack.
    pub fn unpack(&self) -> Registry {
        serde_json::from_slice(&self.json()).unwrap_or_default()
    }
}

impl Default for PackedRegistry {
    fn default() -> Self {
        PackedRegistry::pack(&Registry::default())
    }
}

impl PartialEq for PackedRegistry {
    /// The same JSON compresses to the same bytes.
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl Eq for PackedRegistry {}

impl std::fmt::Debug for PackedRegistry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.unpack().fmt(f)
    }
}

impl Serialize for PackedRegistry {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let json = String::from_utf8(self.json()).map_err(serde::ser::Error::custom)?;
        let raw =
            serde_json::value::RawValue::from_string(json).map_err(serde::ser::Error::custom)?;
        raw.serialize(s)
    }
}

impl<'de> Deserialize<'de> for PackedRegistry {
    /// Read as a registry (so a damaged one is an error here, not a silent
    /// empty registry later), then packed.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Registry::deserialize(d).map(|r| PackedRegistry::pack(&r))
    }
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

    /// Records what a transcript says about people: its roster, who speaks
    /// in its turns (with the labels they were written as), and the titles
    /// its title gives the people who speak.
    pub fn add_transcript(&mut self, t: &Transcript, file: &str) {
        for e in &t.roster {
            let s = self.entry(&e.name);
            s.titles.extend(e.title.clone());
            s.chairs |= e.role == Role::Moderator;
            s.documents.insert(file.to_string());
        }
        let mut speakers: Vec<(String, Vec<String>)> = Vec::new();
        for turn in &t.turns {
            if turn.paragraphs.is_empty() {
                continue;
            }
            let s = self.entry(&turn.speaker);
            s.documents.insert(file.to_string());
            s.aliases
                .extend(turn.label.clone().filter(|l| *l != turn.speaker));
            s.titles.extend(turn.speaker_title.clone());
            *s.turn_roles.entry(turn.role).or_default() += 1;
            if !speakers.iter().any(|(n, _)| *n == turn.speaker) {
                speakers.push((turn.speaker.clone(), name::name_keys(&turn.speaker)));
            }
        }
        if let Some(title) = &t.title {
            for p in crate::transcript::title::people(title) {
                let keys = name::name_keys(&p.name);
                let Some((speaker, _)) = speakers
                    .iter()
                    .find(|(_, k)| !keys.is_empty() && keys.iter().all(|w| k.contains(w)))
                else {
                    continue;
                };
                let s = self.entry(speaker);
                s.chairs |= p.runs_briefings();
                s.titles.insert(p.title);
            }
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
            for (r, n) in v.turn_roles {
                *s.turn_roles.entry(r).or_default() += n;
            }
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
    /// People to tell the parser about: named people who speak as
    /// officials or chairs, with the labels they were written as and the
    /// number of briefings they speak in. A name known in a shorter form
    /// too (`Biden` from "Remarks by President Biden", `Joe Biden` where a
    /// text names him in full) is folded into its fullest form when the
    /// titles agree, so that the corpus has one canonical speaker.
    pub fn knowledge(&self) -> Vec<KnownPerson> {
        struct Entry {
            name: String,
            title: Option<String>,
            chairs: bool,
            aliases: BTreeSet<String>,
            documents: usize,
            keys: Vec<String>,
        }
        impl Entry {
            /// Takes another form of the same person in as an alias.
            fn absorb(&mut self, other: Entry) {
                self.aliases.extend(other.aliases);
                self.aliases.insert(other.name);
                self.documents += other.documents;
                self.chairs |= other.chairs;
                if self.title.is_none() {
                    self.title = other.title;
                }
            }
        }
        let mut entries: Vec<Entry> = self
            .speakers
            .iter()
            .filter(|s| {
                let asks = s.turn_roles.get(&Role::Journalist).copied().unwrap_or(0);
                let speaks = s.turn_roles.values().sum::<u64>();
                s.chairs || speaks == 0 || asks * 2 < speaks
            })
            .filter(|s| s.role() != Role::Journalist && s.role() != Role::Narration)
            .filter(|s| {
                let role_word = name::is_title_word(&s.name)
                    || crate::transcript::label::kind_of(&s.name)
                        != crate::transcript::label::LabelKind::Named;
                !role_word
                    && (name::looks_like_person(&s.name)
                        || (is_surname(&s.name) && (!s.titles.is_empty() || !s.aliases.is_empty())))
            })
            .map(|s| Entry {
                name: s.name.clone(),
                title: s.title().map(str::to_string),
                chairs: s.chairs,
                aliases: s.aliases.clone(),
                documents: s.documents.len(),
                keys: people::match_keys(&s.name),
            })
            .collect();
        // One person written with and without an initial ("Vivek H.
        // Murthy", "Vivek Murthy"): the form more briefings use is kept.
        entries.sort_by(|a, b| b.documents.cmp(&a.documents).then(a.name.cmp(&b.name)));
        let mut kept: Vec<Entry> = Vec::new();
        for e in entries {
            let core = people::core_keys(&e.keys);
            match kept
                .iter_mut()
                .find(|k| core.len() >= 2 && people::core_keys(&k.keys) == core)
            {
                Some(k) => k.absorb(e),
                None => kept.push(e),
            }
        }
        // A short form ("Biden", from "Remarks by President Biden") folds
        // into the one fuller form whose title agrees ("Joe Biden").
        kept.sort_by_key(|e| e.keys.len());
        let mut i = 0;
        while i < kept.len() {
            let short = &kept[i];
            let office = short.title.as_deref().map(name::fold);
            let fuller: Vec<usize> = (0..kept.len())
                .filter(|&j| {
                    let f = &kept[j];
                    f.keys.len() > short.keys.len()
                        && short.keys.iter().all(|k| f.keys.contains(k))
                        && match (&office, f.title.as_deref().map(name::fold)) {
                            (Some(a), Some(b)) => {
                                a.split(' ').next_back() == b.split(' ').next_back()
                            }
                            _ => true,
                        }
                })
                .collect();
            if let [j] = fuller.as_slice() {
                let short = kept.remove(i);
                let j = if *j > i { j - 1 } else { *j };
                kept[j].absorb(short);
                continue;
            }
            i += 1;
        }
        kept.into_iter()
            .map(|e| KnownPerson::new(&e.name, e.title, e.chairs, e.aliases, e.documents))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn registry() -> Registry {
        let t = crate::transcript::parse(
            "Date: 2024-03-28\n\nMs. Ana Ortiz, Deputy Minister of Finance\n\n\
             Ortiz: Revenue rose.\n\nReuters: Will it last?\n\nOrtiz: We expect so.\n",
        );
        let mut b = RegistryBuilder::default();
        b.add_transcript(&t, "a.txt");
        b.build()
    }

    #[test]
    fn a_packed_registry_is_the_registry_in_the_state_file() {
        let r = registry();
        assert!(!r.speakers.is_empty());
        let packed = PackedRegistry::pack(&r);
        assert_eq!(packed.unpack(), r);
        // The same JSON as the registry itself: the state format is unchanged.
        let json = serde_json::to_string(&packed).expect("serialize");
        assert_eq!(json, serde_json::to_string(&r).expect("serialize"));
        let back: PackedRegistry = serde_json::from_str(&json).expect("deserialize");
        assert_eq!(back, packed);
        assert_eq!(PackedRegistry::default().unpack(), Registry::default());
    }

    #[test]
    fn a_damaged_packed_registry_is_an_error_when_read() {
        for bad in [r#"{"speakers":7}"#, r#"[1,2]"#, r#""text""#] {
            assert!(
                serde_json::from_str::<PackedRegistry>(bad).is_err(),
                "{bad}"
            );
        }
    }
}
