//! What the corpus knows about people from other briefings
//! ([`KnownPerson`]: names, titles, the labels they were written as, how
//! many briefings they spoke in), the lookups the resolver makes in it, and
//! the questions a parse asks it ([`Probe`]), kept when the corpus is empty
//! so that the indexer can tell whether a parse with the corpus would
//! differ.
//!
//! Separate from the resolver because each lookup here is a pure function
//! of the corpus, which [`Probe::answered_by`] replays without a document.

use super::super::name;
use super::parts::{
    core_keys, is_office_noun, keys_within, match_keys, parts, title_holds, Honorific, LabelParts,
};

/// A person the corpus knows, from other briefings: lets a document that
/// writes only `Ms. Lindqvist:` or has no roster still get the full name,
/// the title and the role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownPerson {
    pub name: String,
    pub title: Option<String>,
    /// Chairs or hosts briefings elsewhere in the corpus.
    pub chairs: bool,
    /// Labels this person was written as (`MS. PSAKI`, `THE PRESIDENT`),
    /// folded.
    pub aliases: Vec<String>,
    /// In how many briefings they speak: the weight of the evidence.
    pub documents: usize,
    pub(super) keys: Vec<String>,
    /// `keys` without initials ([`core_keys`]), kept: fuller-name lookups
    /// compare them for every person.
    pub(super) core: Vec<String>,
    pub(super) honorifics: Vec<Honorific>,
    pub(super) offices: Vec<String>,
}

impl KnownPerson {
    /// A known person; `aliases` are labels as written, in any case.
    pub fn new(
        name: &str,
        title: Option<String>,
        chairs: bool,
        aliases: impl IntoIterator<Item = String>,
        documents: usize,
    ) -> KnownPerson {
        let aliases: Vec<String> = aliases.into_iter().map(|a| name::fold(&a)).collect();
        let mut honorifics = Vec::new();
        let mut offices: Vec<String> = Vec::new();
        for a in &aliases {
            let p = parts(a);
            honorifics.extend(p.honorific);
            offices.extend(p.office);
        }
        if let Some(t) = &title {
            offices.extend(name::fold(t).split(' ').map(str::to_string));
        }
        offices.retain(|w| !name::CONNECTORS.contains(&w.as_str()));
        offices.sort();
        offices.dedup();
        let keys = match_keys(name);
        KnownPerson {
            core: core_keys(&keys),
            keys,
            name: name.to_string(),
            title,
            chairs,
            aliases,
            documents,
            honorifics,
            offices,
        }
    }

    /// Whether a label could name this person by what the corpus knows of
    /// them: no conflicting honorific, and an office they are known by.
    pub(super) fn agrees_with(&self, p: &LabelParts) -> bool {
        if let Some(h) = p.honorific {
            // A stray typo elsewhere ("MS. DEESE" once) does not undo the
            // honorific the person is usually written with.
            if !self.honorifics.contains(&h) && self.honorifics.iter().any(|k| k.conflicts(h)) {
                return false;
            }
            // Somebody only ever written with an office ("PRIME MINISTER
            // JOHNSON") is not the "MS. JOHNSON" of another briefing.
            if h != Honorific::Neutral && !self.honorifics.contains(&h) && !self.offices.is_empty()
            {
                return false;
            }
        }
        match p.office.iter().rev().find(|w| is_office_noun(w)) {
            Some(w) => self.offices.is_empty() || self.offices.contains(w),
            None => true,
        }
    }
}

/// A question the parser asked the corpus. A parse made without corpus
/// knowledge (the indexer's first pass) keeps the questions it asked, all
/// answered "nobody"; when the corpus, known later, also answers every one
/// of them "nobody", parsing again with it would ask the same questions,
/// get the same answers and give the same transcript (the parser depends
/// on the corpus through these questions only), so the first parse is
/// reused (see [`Probe::answered_by`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Probe {
    /// A person whose name words hold the label's ([`People::resolve_name`](super::People::resolve_name)).
    Name {
        keys: Vec<String>,
        parts: LabelParts,
    },
    /// The same, allowing for a typing error in the surname.
    Typo { surname: String, parts: LabelParts },
    /// The holder of an office named without a name.
    Office {
        written: String,
        office: Vec<String>,
    },
    /// A fuller form of a resolved name ([`People::upgrade`](super::People::upgrade)).
    Fuller {
        keys: Vec<String>,
        office: Vec<String>,
    },
    /// Whether anybody has these name words ([`People::knows`](super::People::knows)).
    Knows { keys: Vec<String> },
    /// Whether a folded label is somebody's ([`People::known_alias`](super::People::known_alias)).
    Alias { folded: String },
}

impl Probe {
    /// Whether `corpus` answers otherwise than an empty corpus (which
    /// finds nobody and knows nothing): then a parse with it may differ.
    pub fn answered_by(&self, corpus: &[KnownPerson]) -> bool {
        match self {
            Probe::Name { keys, parts } => corpus_name(corpus, keys, parts).is_some(),
            Probe::Typo { surname, parts } => corpus_typo(corpus, surname, parts).is_some(),
            Probe::Office { written, office } => corpus_office(corpus, written, office).is_some(),
            Probe::Fuller { keys, office } => corpus_fuller(corpus, keys, office).is_some(),
            Probe::Knows { keys } => corpus_knows(corpus, keys),
            Probe::Alias { folded } => corpus_alias(corpus, folded),
        }
    }
}

/// Where one parse writes its questions: shared by the [`People`](super::People) a
/// parse makes (it makes a new one when the title changes).
pub type ProbeLog = std::rc::Rc<std::cell::RefCell<Vec<Probe>>>;

/// A corpus person whose name words hold all of `keys` and who agrees
/// with the label: the only one, or one with far more briefings than any
/// other (a stray misreading elsewhere does not make a name ambiguous).
pub(super) fn corpus_name<'k>(
    corpus: &'k [KnownPerson],
    keys: &[String],
    p: &LabelParts,
) -> Option<&'k KnownPerson> {
    let found: Vec<&KnownPerson> = corpus
        .iter()
        .filter(|k| keys_within(keys, &k.keys) && k.agrees_with(p))
        .collect();
    dominant(found)
}

/// Whether one of `keys` is `surname` with a typing error.
pub(super) fn close_to(surname: &str, keys: &[String]) -> bool {
    let budget = name::typo_budget(surname.chars().count());
    keys.iter()
        .any(|k| k.len() >= 5 && name::near(surname, k, budget).is_some())
}

/// The corpus person a surname with a typing error names, if one clearly.
pub(super) fn corpus_typo<'k>(
    corpus: &'k [KnownPerson],
    surname: &str,
    p: &LabelParts,
) -> Option<&'k KnownPerson> {
    let found: Vec<&KnownPerson> = corpus
        .iter()
        .filter(|k| close_to(surname, &k.keys) && k.agrees_with(p))
        .collect();
    dominant(found)
}

/// The person the corpus knows in an office, if one clearly is.
pub(super) fn corpus_office<'k>(
    corpus: &'k [KnownPerson],
    written: &str,
    office: &[String],
) -> Option<&'k KnownPerson> {
    let found: Vec<&KnownPerson> = corpus
        .iter()
        .filter(|k| {
            k.aliases.iter().any(|a| a == written)
                || k.title.as_deref().is_some_and(|t| title_holds(t, office))
        })
        .collect();
    dominant(found)
}

/// The fullest form the corpus knows of a name with these keys, in this
/// office (see [`People::upgrade`](super::People::upgrade)).
pub(super) fn corpus_fuller<'k>(
    corpus: &'k [KnownPerson],
    keys: &[String],
    office: &[String],
) -> Option<&'k KnownPerson> {
    let core = core_keys(keys);
    let fuller: Vec<&KnownPerson> = corpus
        .iter()
        .filter(|k| {
            // More name words, or the same ones with or without an
            // initial ("Vivek H. Murthy" and "Vivek Murthy").
            k.keys != keys
                && (k.keys.len() > keys.len() && keys_within(keys, &k.keys)
                    || (!core.is_empty() && k.core == core))
        })
        .filter(|k| match (office.last(), k.title.as_deref()) {
            (Some(o), Some(t)) => name::fold(t).split(' ').any(|w| w == o),
            _ => office.is_empty() || k.offices.iter().any(|w| office.contains(w)),
        })
        .collect();
    dominant(fuller)
}

/// Whether the corpus knows somebody with these name words.
pub(super) fn corpus_knows(corpus: &[KnownPerson], keys: &[String]) -> bool {
    corpus.iter().any(|k| keys_within(keys, &k.keys))
}

/// Whether a folded label is one the corpus has seen as somebody's.
pub(super) fn corpus_alias(corpus: &[KnownPerson], folded: &str) -> bool {
    corpus.iter().any(|k| k.aliases.iter().any(|a| a == folded))
}

/// The one candidate, or the one with more than three times the
/// briefings of the next and at least two: a name read wrongly once
/// elsewhere must not hide the person it belongs to.
pub(super) fn dominant(mut found: Vec<&KnownPerson>) -> Option<&KnownPerson> {
    found.sort_by(|a, b| b.documents.cmp(&a.documents).then(a.name.cmp(&b.name)));
    found.dedup_by(|a, b| a.name == b.name);
    match found.as_slice() {
        [] => None,
        [one] => Some(one),
        [first, second, ..] => {
            (first.documents >= 2 && first.documents > 3 * second.documents).then_some(*first)
        }
    }
}
