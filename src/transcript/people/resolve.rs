//! The resolver, [`People`]: which of the document's people, then which of
//! the corpus's, a label names — by name words, a typing error in a long
//! surname, or an office without a name — and the fullest form of the
//! name to store. Also [`mention`]: the full names a document's
//! text writes after a title, for a label's surname.
//!
//! Separate from `parts` (reading a label) and `corpus`
//! (what the corpus knows): this is where the document and the corpus are
//! weighed against each other.

use super::corpus::{
    close_to, corpus_alias, corpus_fuller, corpus_knows, corpus_name, corpus_office, corpus_typo,
    KnownPerson, Probe, ProbeLog,
};
use super::parts::{is_office_noun, keys_within, match_keys, title_holds, Honorific, LabelParts};
use super::{name, DocPerson, Paragraph, People, Resolved, Role, Source};

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
    pub(super) fn ask(&self, probe: impl FnOnce() -> Probe) {
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
    pub(super) fn named_above(&self) -> Option<&DocPerson> {
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
    pub(super) fn resolved_doc(
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

    pub(super) fn resolved_known(k: &KnownPerson, rule: String) -> Resolved {
        Resolved {
            name: k.name.clone(),
            title: k.title.clone(),
            role: k.chairs.then_some(Role::Moderator),
            rule,
        }
    }

    /// A document person whose name words hold all of `keys`, if exactly
    /// one; among several, the one whose title agrees with the label.
    pub(super) fn find_doc(&self, keys: &[String], p: &LabelParts) -> Option<&DocPerson> {
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
    pub(super) fn find_corpus(&self, keys: &[String], p: &LabelParts) -> Option<&'k KnownPerson> {
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

    pub(super) fn resolve_typo(
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
        for source in [Source::Title, Source::Roster, Source::Header, Source::Label] {
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

pub(super) fn source_noun(s: Source) -> &'static str {
    match s {
        Source::Roster => "roster",
        Source::Header => "header",
        Source::Title => "title",
        Source::Mention => "text",
        Source::Label => "parliamentary label",
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
