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

use super::{name, Paragraph, Role};

/// Where the parser learned about a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Roster,
    Header,
    Title,
    /// A full name written in the document's text after a title.
    Mention,
}

impl Source {
    fn rule(self) -> &'static str {
        match self {
            Source::Roster => "label matches the roster",
            Source::Header => "label matches a person named in the header",
            Source::Title => "label matches a name in the title",
            Source::Mention => "label matches a full name written in the briefing",
        }
    }
}

/// Gender an honorific announces, to keep `MS. JOHNSON` from a man.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Honorific {
    Male,
    Female,
    /// `DR.`, `PROF.`: says nothing about gender.
    Neutral,
}

impl Honorific {
    fn of(word: &str) -> Option<Honorific> {
        match name::fold(word).as_str() {
            "mr" | "sir" | "m" => Some(Honorific::Male),
            "ms" | "mrs" | "miss" | "madam" | "mme" | "madame" | "dame" => Some(Honorific::Female),
            "dr" | "prof" | "mx" => Some(Honorific::Neutral),
            _ => None,
        }
    }

    fn conflicts(self, other: Honorific) -> bool {
        matches!(
            (self, other),
            (Honorific::Male, Honorific::Female) | (Honorific::Female, Honorific::Male)
        )
    }
}

/// A label taken apart: `THE PRESIDENT` → the, office `president`;
/// `ACTING ADMINSTRATOR SLAVITT` → office `acting administrator`, name
/// `SLAVITT`; `Dana Ortiz (Harbour Radio)` → name and aside.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct LabelParts {
    /// The label opens with "the": it names an office, not a person.
    pub the: bool,
    pub honorific: Option<Honorific>,
    /// Words of office, folded and with typing errors corrected.
    pub office: Vec<String>,
    /// The same words as written, for display.
    office_written: Vec<String>,
    /// The name as written (may be empty for an office).
    pub name: String,
    /// Text in parentheses after the label, if any.
    pub aside: Option<String>,
}

impl LabelParts {
    /// The office as words to print: `Senior Administration Official`,
    /// `NSC Spokesperson` (short capitals stay an acronym).
    pub fn office_display(&self) -> String {
        let mut words: Vec<String> = Vec::new();
        if self.the {
            words.push("The".into());
        }
        for (w, written) in self.office.iter().zip(
            self.office_written
                .iter()
                .map(String::as_str)
                .chain(std::iter::repeat("")),
        ) {
            let acronym = written.chars().all(|c| c.is_ascii_uppercase())
                && (2..=3).contains(&written.len())
                && !name::CONNECTORS.contains(&w.as_str());
            words.push(if acronym {
                written.to_string()
            } else if name::CONNECTORS.contains(&w.as_str()) {
                w.clone()
            } else {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            });
        }
        words.join(" ")
    }

    /// The name printed as a name (`VON DER LEYEN` → `Von der Leyen`,
    /// `PSAKI` → `Psaki`).
    pub fn name_display(&self) -> String {
        name::display_person(&self.name)
    }
}

/// Takes a label apart into office, honorific and name.
pub fn parts(label: &str) -> LabelParts {
    let (head, aside) = match label.split_once(['(', '（']) {
        Some((h, a)) => (
            h.trim(),
            Some(a.trim_end_matches([')', '）']).trim().to_string()).filter(|a| !a.is_empty()),
        ),
        None => (label.trim(), None),
    };
    let words: Vec<&str> = head.split_whitespace().collect();
    let capitals = !head.chars().any(char::is_lowercase);
    let mut p = LabelParts {
        aside,
        ..LabelParts::default()
    };
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let last = i + 1 == words.len();
        let folded = name::fold(w);
        if folded == "the" && i == 0 {
            p.the = true;
            i += 1;
            continue;
        }
        if let Some(h) = Honorific::of(w).filter(|_| p.office.is_empty() && !last) {
            p.honorific = Some(h);
            i += 1;
            continue;
        }
        // Connectors belong to the office only between two office words
        // ("SECRETARY OF STATE"); otherwise they open a name ("VON DER").
        if name::is_connector(w) && !p.office.is_empty() {
            let next_is_office = words
                .get(i + 1)
                .is_some_and(|n| name::is_title_word(n) && !name::is_connector(n));
            if next_is_office {
                p.office.push(folded);
                p.office_written.push(w.to_string());
                i += 1;
                continue;
            }
            break;
        }
        let exact = name::is_title_word(w) && !name::is_connector(w);
        // A typo is corrected in capitals labels, but never in the word
        // that may be the name ("DR. WALESNKY") unless the label is an
        // office ("THE PRESIDNET").
        let typo = if !exact && capitals && (!last || p.the || !p.office.is_empty()) {
            name::title_word_typo(w).filter(|t| *t != "the")
        } else {
            None
        };
        if folded == "pm" {
            // "PM Lee", "PM:": the prime minister.
            p.office
                .extend(["prime".to_string(), "minister".to_string()]);
            p.office_written.push("Prime".into());
            p.office_written.push("Minister".into());
            i += 1;
            continue;
        }
        if exact {
            p.office.push(folded);
        } else if let Some(t) = typo {
            p.office.push(t.to_string());
        } else {
            break;
        }
        p.office_written.push(w.to_string());
        i += 1;
    }
    p.name = words[i.min(words.len())..].join(" ");
    // "Chief Engineer Professor Sam Idris": a title word further on starts
    // the name after it, when what follows reads as a name.
    if let Some(k) = words[i.min(words.len())..]
        .iter()
        .rposition(|w| name::is_title_word(w) && !name::is_connector(w))
    {
        let rest = &words[i + k + 1..];
        if !rest.is_empty() && rest.len() <= 3 && name::looks_like_person(&rest.join(" ")) {
            for w in &words[i..=i + k] {
                p.office.push(name::fold(w));
                p.office_written.push((*w).to_string());
            }
            p.name = rest.join(" ");
        }
    }
    // "Speaker 1", "Participant 2": a numbered voice, not a name.
    if !p.name.is_empty() && p.name.chars().all(|c| c.is_ascii_digit()) {
        p.office.push(p.name.clone());
        p.office_written.push(std::mem::take(&mut p.name));
    }
    // "NSC SPOKESPERSON", "WHITE HOUSE AIDE": a description of an office
    // ends with a word of office; no name is in it.
    if !p.name.is_empty()
        && words
            .last()
            .is_some_and(|w| name::is_title_word(w) && is_office_noun(&name::fold(w)))
        && Honorific::of(words[0]).is_none()
        && !name::looks_like_outlet(head)
    {
        p.office.extend(p.name.split_whitespace().map(name::fold));
        p.office_written
            .extend(p.name.split_whitespace().map(str::to_string));
        p.name.clear();
    }
    // "MR: ZIENTS" leaves the stray colon on the honorific; "MR. X" with
    // nothing after the honorific is a name, not an office.
    if p.name.is_empty() && p.office.is_empty() && !p.the {
        p.name = head.to_string();
        p.honorific = None;
    }
    p
}

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
    keys: Vec<String>,
    /// `keys` without initials ([`core_keys`]), kept: fuller-name lookups
    /// compare them for every person.
    core: Vec<String>,
    honorifics: Vec<Honorific>,
    offices: Vec<String>,
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
    fn agrees_with(&self, p: &LabelParts) -> bool {
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

/// Office words that say what somebody is (`secretary`, `president`), as
/// opposed to qualifiers (`acting`, `deputy`, `senior`, `the`).
fn is_office_noun(w: &str) -> bool {
    !matches!(
        w,
        "the"
            | "acting"
            | "deputy"
            | "senior"
            | "principal"
            | "assistant"
            | "associate"
            | "special"
            | "vice"
            | "under"
            | "chief"
            | "first"
            | "general"
            | "executive"
            | "national"
            | "state"
            | "white"
            | "house"
            | "press"
    ) && !name::CONNECTORS.contains(&w)
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

/// A question the parser asked the corpus. A parse made without corpus
/// knowledge (the indexer's first pass) keeps the questions it asked, all
/// answered "nobody"; when the corpus, known later, also answers every one
/// of them "nobody", parsing again with it would ask the same questions,
/// get the same answers and give the same transcript (the parser depends
/// on the corpus through these questions only), so the first parse is
/// reused (see [`Probe::answered_by`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Probe {
    /// A person whose name words hold the label's ([`People::resolve_name`]).
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
    /// A fuller form of a resolved name ([`People::upgrade`]).
    Fuller {
        keys: Vec<String>,
        office: Vec<String>,
    },
    /// Whether anybody has these name words ([`People::knows`]).
    Knows { keys: Vec<String> },
    /// Whether a folded label is somebody's ([`People::known_alias`]).
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

/// Where one parse writes its questions: shared by the [`People`] a
/// parse makes (it makes a new one when the title changes).
pub type ProbeLog = std::rc::Rc<std::cell::RefCell<Vec<Probe>>>;

/// A corpus person whose name words hold all of `keys` and who agrees
/// with the label: the only one, or one with far more briefings than any
/// other (a stray misreading elsewhere does not make a name ambiguous).
fn corpus_name<'k>(
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
fn close_to(surname: &str, keys: &[String]) -> bool {
    let budget = name::typo_budget(surname.chars().count());
    keys.iter()
        .any(|k| k.len() >= 5 && name::near(surname, k, budget).is_some())
}

/// The corpus person a surname with a typing error names, if one clearly.
fn corpus_typo<'k>(
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
fn corpus_office<'k>(
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
/// office (see [`People::upgrade`]).
fn corpus_fuller<'k>(
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
fn corpus_knows(corpus: &[KnownPerson], keys: &[String]) -> bool {
    corpus.iter().any(|k| keys_within(keys, &k.keys))
}

/// Whether a folded label is one the corpus has seen as somebody's.
fn corpus_alias(corpus: &[KnownPerson], folded: &str) -> bool {
    corpus.iter().any(|k| k.aliases.iter().any(|a| a == folded))
}

/// The words a name is matched by: folded, a hyphenated name kept whole
/// (`SMITH` is not `Nunez-Smith`; `MOON` is `Moon Jae-in`).
pub fn match_keys(n: &str) -> Vec<String> {
    n.split_whitespace()
        .map(|w| name::fold(w).replace(' ', "-"))
        .filter(|w| !w.is_empty() && !name::CONNECTORS.contains(&w.as_str()))
        .collect()
}

/// Name words without initials: what tells two people apart.
pub fn core_keys(keys: &[String]) -> Vec<String> {
    keys.iter()
        .filter(|k| k.chars().count() > 1)
        .cloned()
        .collect()
}

fn keys_within(label: &[String], person: &[String]) -> bool {
    !label.is_empty() && label.iter().all(|k| person.contains(k))
}

/// Whether an office, as words (`vice president`), is what `title` ends
/// with, so that "President" does not match "Vice President".
fn title_holds(title: &str, office: &[String]) -> bool {
    let office: Vec<&str> = office
        .iter()
        .map(String::as_str)
        .filter(|w| *w != "the")
        .collect();
    if office.is_empty() {
        return false;
    }
    let tw: Vec<String> = name::fold(title).split(' ').map(str::to_string).collect();
    let n = office.len();
    tw.len() >= n
        && tw[tw.len() - n..]
            .iter()
            .map(String::as_str)
            .eq(office.iter().copied())
        // "Vice President", "Deputy Prime Minister" and "Advisor to the
        // President" do not hold the office of "President" or "Prime
        // Minister".
        && !(tw.len() > n && {
            let before = tw[tw.len() - n - 1].as_str();
            matches!(before, "vice" | "deputy" | "assistant") || name::CONNECTORS.contains(&before)
        })
}

impl<'k> People<'k> {
    pub fn new(corpus: &'k [KnownPerson]) -> People<'k> {
        People::logged(corpus, ProbeLog::default())
    }

    /// People whose questions to an empty corpus go to `log`.
    pub fn logged(corpus: &'k [KnownPerson], log: ProbeLog) -> People<'k> {
        People {
            doc: Vec::new(),
            corpus,
            log,
        }
    }

    /// Notes a question asked of the corpus, when it is empty (only then
    /// are the questions worth keeping: see [`Probe`]).
    fn ask(&self, probe: impl FnOnce() -> Probe) {
        if self.corpus.is_empty() {
            self.log.borrow_mut().push(probe());
        }
    }

    /// Adds a person the document names, unless they are there already
    /// (a repeat only fills in a missing title or role).
    pub fn add(&mut self, mut p: DocPerson) {
        // A name the header prints in capitals ("TOM HARGREAVES") is
        // stored as a name, as every other form of it will be.
        if !p.name.chars().any(char::is_lowercase) {
            p.name = name::display_person(&p.name);
        }
        let keys = match_keys(&p.name);
        if keys.is_empty() {
            return;
        }
        if let Some((q, _)) = self
            .doc
            .iter_mut()
            .find(|(q, k)| *k == keys || name::fold(&q.name) == name::fold(&p.name))
        {
            if q.title.is_none() {
                q.title = p.title;
            }
            if q.role.is_none() {
                q.role = p.role;
            }
            return;
        }
        self.doc.push((p, keys));
    }

    /// Everybody the document names, in the order they were added.
    pub fn document(&self) -> impl Iterator<Item = &DocPerson> {
        self.doc.iter().map(|(p, _)| p)
    }

    pub fn corpus(&self) -> &'k [KnownPerson] {
        self.corpus
    }

    /// Whether the document names anybody.
    pub fn is_empty(&self) -> bool {
        self.doc.is_empty()
    }

    /// The person the title names (else the header): its chair
    /// (a press secretary or spokesperson) before anybody else, else the
    /// first named. Both [`People::host`] and [`People::answerer`] start
    /// here: whoever the title puts forward runs the briefing and answers
    /// for it.
    fn named_above(&self) -> Option<&DocPerson> {
        [Source::Title, Source::Header]
            .into_iter()
            .find_map(|source| {
                let mut named = self.document().filter(|p| p.source == source);
                let first = named.next()?;
                if first.role == Some(Role::Moderator) {
                    return Some(first);
                }
                Some(
                    named
                        .find(|p| p.role == Some(Role::Moderator))
                        .unwrap_or(first),
                )
            })
    }

    /// The briefing's host: the person the title names first (a press
    /// secretary or spokesperson before anybody else), else the header's,
    /// else the roster's chair or only official.
    pub fn host(&self) -> Option<&DocPerson> {
        if let Some(p) = self.named_above() {
            return Some(p);
        }
        let roster: Vec<&DocPerson> = self
            .document()
            .filter(|p| p.source == Source::Roster)
            .collect();
        let chairs: Vec<&&DocPerson> = roster
            .iter()
            .filter(|p| p.role == Some(Role::Moderator))
            .collect();
        match (chairs.as_slice(), roster.as_slice()) {
            ([one], _) => Some(one),
            ([], [one]) => Some(one),
            _ => None,
        }
    }

    /// Who gives an anonymous answer (`A:`, `答：`): the spokesperson the
    /// title or header names, else the only official on the roster. A
    /// roster's chair runs the briefing but does not answer for the
    /// officials beside them, so an answer with several officials listed
    /// stays unattributed rather than guessed.
    pub fn answerer(&self) -> Option<&DocPerson> {
        if let Some(p) = self.named_above() {
            return Some(p);
        }
        let officials: Vec<&DocPerson> = self
            .document()
            .filter(|p| p.source == Source::Roster && p.role != Some(Role::Moderator))
            .collect();
        match officials.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }

    /// The one chair the document names (roster or title), if only one.
    pub fn chair(&self) -> Option<&DocPerson> {
        let chairs: Vec<&DocPerson> = self
            .document()
            .filter(|p| p.role == Some(Role::Moderator) && p.source != Source::Mention)
            .collect();
        match chairs.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }

    /// A document person as resolved: a one-word name ("President
    /// Biden") grows to the full name the text writes with the same office
    /// ("President Joe Biden"), then to the fullest the corpus knows.
    fn resolved_doc(
        &self,
        d: &DocPerson,
        rule: String,
        p: &LabelParts,
        paragraphs: &[Paragraph],
    ) -> Resolved {
        let mut r = Resolved {
            name: d.name.clone(),
            title: d.title.clone(),
            role: d.role,
            rule,
        };
        if !d.name.contains(' ') {
            if let Some(m) = mention(paragraphs, &d.name, p, d.title.as_deref()) {
                r.name = m.name;
                r.title = r.title.or(m.title);
                r.rule.push_str("; full name from the text");
            }
        }
        self.upgrade(r)
    }

    fn resolved_known(k: &KnownPerson, rule: String) -> Resolved {
        Resolved {
            name: k.name.clone(),
            title: k.title.clone(),
            role: k.chairs.then_some(Role::Moderator),
            rule,
        }
    }

    /// A document person whose name words hold all of `keys`, if exactly
    /// one; among several, the one whose title agrees with the label.
    fn find_doc(&self, keys: &[String], p: &LabelParts) -> Option<&DocPerson> {
        let found: Vec<&DocPerson> = self
            .doc
            .iter()
            .filter(|(_, k)| keys_within(keys, k))
            .map(|(d, _)| d)
            .collect();
        let first = *found.first()?;
        let same = |a: &DocPerson| name::fold(&a.name) == name::fold(&first.name);
        if found.iter().all(|d| same(d)) {
            return Some(first);
        }
        // Two people share the name words: the label's office decides.
        let office: Vec<&String> = p.office.iter().filter(|w| is_office_noun(w)).collect();
        let fitting: Vec<&DocPerson> = found
            .into_iter()
            .filter(|d| {
                d.title.as_ref().is_some_and(|t| {
                    let tf = name::fold(t);
                    !office.is_empty() && office.iter().all(|w| tf.split(' ').any(|x| x == *w))
                })
            })
            .collect();
        match fitting.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }

    /// A corpus person whose name words hold all of `keys` and who agrees
    /// with the label (see [`corpus_name`]).
    fn find_corpus(&self, keys: &[String], p: &LabelParts) -> Option<&'k KnownPerson> {
        self.ask(|| Probe::Name {
            keys: keys.to_vec(),
            parts: p.clone(),
        });
        corpus_name(self.corpus, keys, p)
    }

    /// Resolves a label that names a person (`MS. PSAKI`, `Wang Wenbin`).
    pub fn resolve_name(&self, p: &LabelParts, paragraphs: &[Paragraph]) -> Option<Resolved> {
        let keys = match_keys(&p.name);
        if keys.is_empty() {
            return None;
        }
        if let Some(d) = self.find_doc(&keys, p) {
            return Some(self.resolved_doc(d, d.source.rule().to_string(), p, paragraphs));
        }
        if let Some(k) = self.find_corpus(&keys, p) {
            return Some(Self::resolved_known(
                k,
                "label matches a speaker the corpus registry knows".into(),
            ));
        }
        // "S. PSAKI", "QMS. PSAKI": the surname alone, in the document.
        let surname = keys.last().cloned().unwrap_or_default();
        if keys.len() > 1 && surname.chars().count() >= 3 {
            let one = [surname.clone()];
            if let Some(d) = self.find_doc(&one, p) {
                let rule = format!("{} by surname", d.source.rule());
                return Some(self.resolved_doc(d, rule, p, paragraphs));
            }
        }
        // "Dr. Walensky" where the document writes "Director Rochelle
        // Walensky" in its text.
        if let Some(d) = mention(paragraphs, &p.name, p, None) {
            let rule = Source::Mention.rule().to_string();
            return Some(self.resolved_doc(&d, rule, p, paragraphs));
        }
        // "DR. WALESNKY", "SECRETARY RAIMONODO": a typing error.
        self.resolve_typo(&surname, p, paragraphs)
    }

    fn resolve_typo(
        &self,
        surname: &str,
        p: &LabelParts,
        paragraphs: &[Paragraph],
    ) -> Option<Resolved> {
        let budget = name::typo_budget(surname.chars().count());
        if budget == 0 {
            return None;
        }
        let doc: Vec<&DocPerson> = self
            .doc
            .iter()
            .filter(|(_, k)| close_to(surname, k))
            .map(|(d, _)| d)
            .collect();
        if let [one] = doc.as_slice() {
            let rule = format!("{}, allowing for a typing error", one.source.rule());
            return Some(self.resolved_doc(one, rule, p, paragraphs));
        }
        if !doc.is_empty() {
            return None;
        }
        self.ask(|| Probe::Typo {
            surname: surname.to_string(),
            parts: p.clone(),
        });
        corpus_typo(self.corpus, surname, p).map(|k| {
            Self::resolved_known(
                k,
                "label matches a speaker the corpus registry knows, allowing for a typing error"
                    .into(),
            )
        })
    }

    /// Who holds an office named without a name (`THE PRESIDENT`, `THE
    /// VICE PRESIDENT`): the first person the document names with that
    /// office (a title lists its host first), else the person the corpus
    /// knows in that office, if one clearly is.
    pub fn office_holder(&self, p: &LabelParts, paragraphs: &[Paragraph]) -> Option<Resolved> {
        if p.office.is_empty() {
            return None;
        }
        for source in [Source::Title, Source::Roster, Source::Header] {
            if let Some(d) = self.document().find(|d| {
                d.source == source
                    && d.title
                        .as_deref()
                        .is_some_and(|t| title_holds(t, &p.office))
            }) {
                let rule = format!(
                    "office label: the {} names its holder, {} ({})",
                    source_noun(source),
                    d.name,
                    d.title.as_deref().unwrap_or_default()
                );
                return Some(self.resolved_doc(d, rule, p, paragraphs));
            }
        }
        let written = {
            let mut w = Vec::new();
            if p.the {
                w.push("the".to_string());
            }
            w.extend(p.office.iter().cloned());
            w.join(" ")
        };
        self.ask(|| Probe::Office {
            written: written.clone(),
            office: p.office.clone(),
        });
        corpus_office(self.corpus, &written, &p.office).map(|k| {
            Self::resolved_known(
                k,
                "office label: the holder of the office across the corpus".into(),
            )
        })
    }

    /// The fullest form of a name the corpus knows: `Biden` (from "Remarks
    /// by President Biden") becomes `Joe Biden` when other briefings name
    /// him so with the same office; `Jill Biden`, a First Lady, does not
    /// fit a President.
    pub fn upgrade(&self, r: Resolved) -> Resolved {
        let keys = match_keys(&r.name);
        let office = r
            .title
            .as_deref()
            .map(|t| {
                name::fold(t)
                    .split(' ')
                    .filter(|w| is_office_noun(w))
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        self.ask(|| Probe::Fuller {
            keys: keys.clone(),
            office: office.clone(),
        });
        match corpus_fuller(self.corpus, &keys, &office) {
            Some(k) => Resolved {
                name: k.name.clone(),
                title: r.title.or_else(|| k.title.clone()),
                role: r.role.or(k.chairs.then_some(Role::Moderator)),
                rule: format!("{}; fuller name from the corpus registry", r.rule),
            },
            None => r,
        }
    }

    /// Whether a name is somebody the document or the corpus knows.
    pub fn knows(&self, label_name: &str) -> bool {
        let keys = match_keys(label_name);
        if keys.is_empty() {
            return false;
        }
        if self.doc.iter().any(|(_, k)| keys_within(&keys, k)) {
            return true;
        }
        self.ask(|| Probe::Knows { keys: keys.clone() });
        corpus_knows(self.corpus, &keys)
    }

    /// Whether a folded label is one the corpus has seen as somebody's.
    pub fn known_alias(&self, folded: &str) -> bool {
        self.ask(|| Probe::Alias {
            folded: folded.to_string(),
        });
        corpus_alias(self.corpus, folded)
    }
}

fn source_noun(s: Source) -> &'static str {
    match s {
        Source::Roster => "roster",
        Source::Header => "header",
        Source::Title => "title",
        Source::Mention => "text",
    }
}

/// The one candidate, or the one with more than three times the
/// briefings of the next and at least two: a name read wrongly once
/// elsewhere must not hide the person it belongs to.
fn dominant(mut found: Vec<&KnownPerson>) -> Option<&KnownPerson> {
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

/// A full name the document writes after a title, for a label's surname:
/// `Response Coordinator Jeff Zients`, `Dr. Rochelle Walensky`. The title
/// before the name is what makes it a mention of an official, not of a
/// relative or a namesake; a title of the other gender's honorific does
/// not count. Returns the most frequent such name, if one is most frequent.
pub fn mention(
    paragraphs: &[Paragraph],
    label_name: &str,
    p: &LabelParts,
    title: Option<&str>,
) -> Option<DocPerson> {
    let office: Vec<String> = {
        let from_label: Vec<String> = p
            .office
            .iter()
            .filter(|w| is_office_noun(w))
            .cloned()
            .collect();
        if from_label.is_empty() {
            title
                .map(|t| {
                    name::fold(t)
                        .split(' ')
                        .filter(|w| is_office_noun(w))
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default()
        } else {
            from_label
        }
    };
    let words: Vec<&str> = label_name.split_whitespace().collect();
    let [surname] = words.as_slice() else {
        return None;
    };
    let shown = name::display_person(surname);
    if shown.chars().count() < 3 {
        return None;
    }
    let mut counts: Vec<(String, String, usize)> = Vec::new();
    for para in paragraphs {
        let t = para.text.as_str();
        let mut from = 0;
        while let Some(i) = t[from..].find(shown.as_str()) {
            let at = from + i;
            from = at + shown.len();
            let after = t[from..].chars().next();
            if after.is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
            let before: Vec<&str> = t[..at].split_whitespace().rev().take(5).collect();
            // First (and middle) names, then at least one title word.
            let mut n = 0;
            while n < before.len() && n < 2 {
                let w = before[n];
                let initial = n == 0 && w.len() == 2 && w.ends_with('.');
                let given = name::is_name_word(w)
                    && !name::is_title_word(w)
                    && !name::is_connector(w)
                    && w.chars().any(char::is_lowercase)
                    && !w.ends_with([',', ';', ':', '.']);
                if !(initial || given) {
                    break;
                }
                n += 1;
            }
            if n > 0 && before[n - 1].ends_with('.') {
                continue; // an initial alone is not a given name
            }
            if n == 0 || n >= before.len() {
                continue;
            }
            let mut title_words: Vec<&str> = before[n..]
                .iter()
                .take_while(|w| {
                    let bare = w.ends_with(|c: char| c.is_alphanumeric());
                    name::is_title_word(w) && bare
                        || Honorific::of(w).is_some() && !w.ends_with([',', ';', ':', '?', '!'])
                })
                .copied()
                .collect();
            // Capitalised words before the title belong to it ("Response
            // Coordinator"), up to a pronoun or punctuation.
            let more = before[n + title_words.len()..]
                .iter()
                .take(3)
                .take_while(|w| {
                    w.starts_with(char::is_uppercase)
                        && w.ends_with(|c: char| c.is_alphanumeric())
                        && !matches!(
                            name::fold(w).as_str(),
                            "our"
                                | "the"
                                | "and"
                                | "my"
                                | "your"
                                | "his"
                                | "her"
                                | "their"
                                | "i"
                                | "we"
                        )
                })
                .count();
            if !title_words.is_empty() {
                title_words.extend(before[n + title_words.len()..].iter().take(more).copied());
            }
            let official = title_words.iter().any(|w| {
                Honorific::of(w).is_some()
                    || is_office_noun(&name::fold(w))
                        && !matches!(name::fold(w).as_str(), "his" | "her")
            });
            if !official {
                continue;
            }
            // The office the label (or the person's title) names must be
            // the mention's: "President Joe Biden", not "Dr. Jill Biden".
            if let Some(o) = office.last() {
                if !title_words.iter().any(|w| name::fold(w) == *o) {
                    continue;
                }
            }
            if let (Some(h), Some(want)) = (
                title_words.iter().find_map(|w| Honorific::of(w)),
                p.honorific,
            ) {
                if h.conflicts(want) {
                    continue;
                }
            }
            let mut full: Vec<&str> = before[..n].to_vec();
            full.reverse();
            full.push(shown.as_str());
            let full = full.join(" ");
            let mut title: Vec<&str> = title_words
                .into_iter()
                .filter(|w| Honorific::of(w).is_none())
                .collect();
            title.reverse();
            let title = title.join(" ");
            match counts.iter_mut().find(|(n, _, _)| *n == full) {
                Some(c) => {
                    c.2 += 1;
                    if c.1.len() < title.len() {
                        c.1 = title;
                    }
                }
                None => counts.push((full, title, 1)),
            }
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.2));
    match counts.as_slice() {
        [] => None,
        [(n, t, c), rest @ ..] if rest.first().is_none_or(|r| r.2 < *c) => Some(DocPerson {
            name: n.clone(),
            title: (!t.is_empty()).then(|| t.clone()),
            role: None,
            source: Source::Mention,
        }),
        _ => None,
    }
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
