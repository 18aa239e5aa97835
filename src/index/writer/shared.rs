//! The corpus-wide views every document's output depends on, rebuilt from
//! the documents' parts on every run: the parser's knowledge about people
//! (and which texts a change in it can matter to), and which document
//! holds each passage republished in several files.

use std::collections::{BTreeSet, HashMap};

use jiff::civil::Date;
use regex::Regex;

use super::plan::Entry;
use crate::hash::Fnv;
use crate::registry::{PackedRegistry, RegistryBuilder};
use crate::transcript::{name, text, KnownPerson};

/// The parser's knowledge from survey registries.
pub(super) fn survey_knowledge<'a>(
    parts: impl Iterator<Item = &'a PackedRegistry>,
) -> Vec<KnownPerson> {
    let mut reg = RegistryBuilder::default();
    for p in parts {
        reg.merge(RegistryBuilder::from(p.unpack()));
    }
    reg.build().knowledge()
}

/// What of the knowledge about people a parse depends on: who, with which
/// title, and whether they chair.
fn what_parses(people: &[KnownPerson]) -> BTreeSet<(String, Option<String>, bool)> {
    people
        .iter()
        .map(|p| (p.name.clone(), p.title.clone(), p.chairs))
        .collect()
}

/// A fingerprint of what parses depend on in `people`: equal fingerprints,
/// equal parses (a checkpoint's documents need no second look).
pub(super) fn knowledge_fingerprint(people: &[KnownPerson]) -> u64 {
    let mut h = Fnv::new();
    for (name, title, chairs) in what_parses(people) {
        h.str(&name);
        h.opt(title.as_deref());
        h.num(u64::from(chairs));
    }
    h.finish()
}

/// A matcher for texts that name someone whose knowledge changed, or
/// `None` when the knowledge is the same.
pub(super) fn knowledge_change(before: &[KnownPerson], after: &[KnownPerson]) -> Option<Relevance> {
    let (b, a) = (what_parses(before), what_parses(after));
    if b == a {
        return None;
    }
    let mut words: BTreeSet<String> = BTreeSet::new();
    for (name, _, _) in b.symmetric_difference(&a) {
        words.extend(
            name::name_keys(name)
                .into_iter()
                .map(|w| w.replace(' ', "")),
        );
    }
    words.retain(|w| !w.is_empty());
    let pattern = words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|");
    Some(match Regex::new(&pattern) {
        Ok(re) if !words.is_empty() => Relevance::Names(re),
        // A person without name words, or a pattern too big to compile:
        // every document is a candidate.
        _ => Relevance::All,
    })
}

/// Which unchanged documents the changed knowledge may matter to.
pub(super) enum Relevance {
    Names(Regex),
    All,
}

impl Relevance {
    pub(super) fn matches(&self, raw: &str) -> bool {
        match self {
            Relevance::All => true,
            Relevance::Names(re) => {
                let folded: String = name::fold(&text::normalize(raw))
                    .chars()
                    .filter(|c| *c != ' ')
                    .collect();
                re.is_match(&folded)
            }
        }
    }
}

/// For every passage text found in more than one document: the document
/// that holds it, and all the documents it is in.
///
/// The holder is the document with most passages, so a briefing's full
/// transcript wins over a page that repeats part of it; ties go to the
/// stored name that sorts first (a file's path; a JSON lines record's file
/// and content hash, not its line, so that a record moving does not hand
/// its passages to another, which would re-write both — and a rebuild
/// decides the same from the same bytes). A frozen document keeps the passages it holds
/// and cannot take new ones (it cannot be rewritten). `u32::MAX` as the
/// holder means no document can hold it.
pub(super) fn republished_owners(entries: &[Entry]) -> HashMap<u64, (u32, Vec<u32>)> {
    let mut keyed: Vec<(u64, u32)> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let doc = u32::try_from(i).unwrap_or(u32::MAX);
        keyed.extend(e.keys().iter().map(|&k| (k, doc)));
    }
    keyed.sort_unstable();
    keyed.dedup();
    let holds = |d: u32, k: u64| {
        entries[d as usize]
            .prev
            .as_ref()
            .is_some_and(|p| p.owned.binary_search(&k).is_ok())
    };
    let mut out = HashMap::new();
    for run in keyed.chunk_by(|a, b| a.0 == b.0) {
        let key = run[0].0;
        let docs: Vec<u32> = run.iter().map(|(_, d)| *d).collect();
        let frozen_holder = docs
            .iter()
            .copied()
            .find(|&d| entries[d as usize].frozen() && holds(d, key));
        if run.len() < 2 && frozen_holder.is_none() {
            continue;
        }
        let owner = frozen_holder.unwrap_or_else(|| {
            docs.iter()
                .copied()
                .filter(|&d| !entries[d as usize].frozen())
                .min_by(|&a, &b| {
                    let (ea, eb) = (&entries[a as usize], &entries[b as usize]);
                    eb.size()
                        .cmp(&ea.size())
                        .then_with(|| ea.name.cmp(&eb.name))
                })
                .unwrap_or(u32::MAX)
        });
        out.insert(key, (owner, docs));
    }
    out
}

/// Fingerprint of the shared-passage decisions a document is written with:
/// which of its passages it holds, and the other files of those with their
/// dates (`dates[d]`: document `d`'s date in this run), since a held
/// passage is dated by the earliest of them.
pub(super) fn ownership_fingerprint(
    i: usize,
    entries: &[Entry],
    owners: &HashMap<u64, (u32, Vec<u32>)>,
    dates: &[Option<Date>],
) -> u64 {
    let mut h = Fnv::new();
    for k in entries[i].keys() {
        let Some((owner, docs)) = owners.get(k) else {
            continue;
        };
        h.num(*k);
        if *owner as usize == i {
            h.str("holds");
            for (other, d) in also_in(i, docs, entries) {
                h.str(&other);
                h.opt(dates[d as usize].map(|d| d.to_string()).as_deref());
            }
        } else {
            h.str("elsewhere");
        }
    }
    h.finish()
}

/// The other files of a shared passage, sorted, by their stored names
/// (searches show a record's current `FILE#LINE`): a record that moves
/// changes nothing in the passages that list it. Each with its entry.
pub(super) fn also_in(i: usize, docs: &[u32], entries: &[Entry]) -> Vec<(String, u32)> {
    let mut v: Vec<(String, u32)> = docs
        .iter()
        .filter(|&&d| d as usize != i)
        .map(|&d| (entries[d as usize].name.clone(), d))
        .collect();
    v.sort();
    v
}

#[cfg(test)]
mod tests {
    use super::super::plan::{Status, Survey};
    use super::*;
    use crate::corpus::{Source, Stamp};
    use crate::index::DocState;

    fn entry(display: &str, size: u64, keys: &[u64], frozen_owned: Option<&[u64]>) -> Entry {
        let prev = frozen_owned.map(|owned| DocState {
            owned: owned.to_vec(),
            ..DocState::default()
        });
        let source = Source::File {
            path: display.into(),
            display: display.into(),
        };
        let frozen = prev.is_some();
        let mut e = Entry::new(source, display.into(), display.into(), true, prev);
        e.status = if frozen { Status::Frozen } else { Status::New };
        e.fresh = Some(Survey {
            hash: 0,
            stamp: Stamp::default(),
            undated: false,
            date: None,
            size,
            keys: keys.to_vec(),
            registry: PackedRegistry::default(),
            probes: Vec::new(),
        });
        e
    }

    #[test]
    fn republished_text_goes_to_the_biggest_file_then_the_first_name() {
        let entries = vec![
            entry("b.txt", 3, &[7, 8], None),
            entry("c.txt", 10, &[9], None),
            entry("a.txt", 40, &[7], None),
            entry("d.txt", 3, &[8], None),
        ];
        let owners = republished_owners(&entries);
        assert_eq!(owners.get(&7), Some(&(2, vec![0, 2])));
        assert_eq!(owners.get(&8), Some(&(0, vec![0, 3])), "tie: b before d");
        assert!(!owners.contains_key(&9));
    }

    #[test]
    fn a_frozen_file_keeps_what_it_holds_and_takes_nothing_new() {
        let entries = vec![
            entry("small.txt", 2, &[7, 8], Some(&[7])),
            entry("big.txt", 50, &[7, 8], None),
        ];
        let owners = republished_owners(&entries);
        assert_eq!(owners.get(&7).map(|o| o.0), Some(0));
        assert_eq!(owners.get(&8).map(|o| o.0), Some(1));
        let alone = vec![entry("gone.txt", 2, &[5], Some(&[]))];
        assert!(republished_owners(&alone).is_empty());
    }

    #[test]
    fn knowledge_changes_name_the_words_to_look_for() {
        let p = |n: &str| KnownPerson::new(n, None, false, Vec::new(), 1);
        assert!(knowledge_change(&[p("Ana Duarte")], &[p("Ana Duarte")]).is_none());
        let r = knowledge_change(&[p("Ana Duarte")], &[p("Ana Duarte"), p("Piet Ruis")])
            .expect("changed");
        assert!(r.matches("MR. RUIS: thank you"));
        assert!(r.matches("Pi\u{200b}et spoke"));
        assert!(!r.matches("Ana Duarte: good morning"));
    }
}
