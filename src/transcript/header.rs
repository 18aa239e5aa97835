//! The header scan: the paragraphs above the speech. Rosters, people named
//! under the title (`Dana Ortiz, Department Spokesperson`, `THE HON. RUTH
//! MBEKI MP`), page metadata (`Published`, `From:`), date lines and
//! datelines, a page's one-paragraph summary, and the title; then the
//! people the roster, header and title name, for [`super::people`].
//!
//! Separate from the rest of the parser because it is the one pass that
//! decides where the body starts, by what a header line is *not* (prose,
//! a label); the tests of prose and sentence ends live here with it.

use super::date;
use super::dating::{date_key_rank, DateClue};
use super::find_labels::quick_label;
use super::people::{DocPerson, People, Source};
use super::roster::{self, RosterEntry};
use super::{label, name, office, text, title, Parser, Role};

/// What the header scan made of one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Header {
    Roster,
    /// `Dana Ortiz, Department Spokesperson` under the title.
    Person,
    Metadata,
    /// A one-paragraph summary between the title and a page's metadata
    /// block: it may name the people who speak, as a title does.
    Summary,
    Date,
    Dateline,
    Other,
}

impl<'a> Parser<'a> {
    /// Reads the header: rosters, people, metadata, dates, title
    /// candidates. Returns the index of the first paragraph that is speech
    /// (prose or a label).
    pub(super) fn scan_header(&mut self) -> usize {
        let mut roster_role: Option<Role> = None;
        // A page key alone on its line (`Published`, `From:`) whose value
        // is the next line.
        let mut value_next: Option<String> = None;
        for i in 0..self.paras.len() {
            // An office line already read with the name line above it.
            if self.furniture[i].is_some() || self.header[i] == Some(Header::Person) {
                continue;
            }
            let t = text::collapse_spaces(&self.paras[i].text);
            if let Some(p) = self.honoured_person(i, &t) {
                self.header_people.push(p);
                self.header[i] = Some(Header::Person);
                continue;
            }
            if let Some(key) = value_next.take() {
                if let Some(rank) = date_key_rank(&key) {
                    if let Some(clue) = DateClue::first_in(&t, rank, "Date: line") {
                        self.dates.push(clue);
                        self.header[i] = Some(Header::Date);
                        continue;
                    }
                } else if text::word_count(&t) <= 25 && !quick_label(&t) && !is_prose(&t) {
                    // `From:` / "Prime Minister's Office, 10 Downing Street".
                    self.header[i] = Some(Header::Metadata);
                    continue;
                }
            }
            if let Some((role, inline)) = roster::heading(&t) {
                // "主持人：" followed by speech is a label, not a roster.
                let listed = !inline.is_empty()
                    || self.next_text(i).is_some_and(|n| {
                        roster::lists_someone(role, &text::collapse_spaces(n), &self.roster)
                    });
                if !listed {
                    return i;
                }
                roster_role = Some(role);
                self.header[i] = Some(Header::Roster);
                if let Some((name, title)) = roster::entry(inline) {
                    roster::merge(&mut self.roster, RosterEntry { name, role, title });
                }
                continue;
            }
            if let Some(role) = roster_role {
                if let Some((name, title)) = roster::entry(&t) {
                    roster::merge(&mut self.roster, RosterEntry { name, role, title });
                    self.header[i] = Some(Header::Roster);
                    continue;
                }
                roster_role = None;
            }
            if let Some((key, value)) = label::page_metadata(&t) {
                self.header[i] = Some(Header::Metadata);
                if let Some(rank) = date_key_rank(&key) {
                    self.dates
                        .extend(DateClue::first_in(value, rank, "Date: line"));
                }
                if value.trim().is_empty() && label::value_on_next_line(&key) {
                    value_next = Some(key);
                }
                continue;
            }
            if date::is_date_line(&t) {
                // "(April 27, 2021)" under a dated header: the day the
                // event was held, a second opinion to the date line.
                let rank = if t.starts_with('(') { 2 } else { 1 };
                self.dates.extend(DateClue::first_in(&t, rank, "date line"));
                self.header[i] = Some(Header::Date);
                continue;
            }
            // A title that reads as a sentence is still a title when a
            // date line follows it at the top of the document.
            let top_title = !self.header[..i].iter().any(Option::is_some)
                && self
                    .next_text(i)
                    .is_some_and(|n| date::is_date_line(&text::collapse_spaces(n)));
            if quick_label(&t) {
                return i;
            }
            if is_prose(&t) && !top_title {
                if !self.summary_above_metadata(i, &t) {
                    return i;
                }
                self.header[i] = Some(Header::Summary);
                continue;
            }
            if let Some(p) = header_person(&t) {
                self.named_at
                    .entry(name::fold(&p.name))
                    .or_insert(self.paras[i].line);
                self.header_people.push(p);
                self.header[i] = Some(Header::Person);
                continue;
            }
            let words = text::word_count(&t);
            // The first header line that says more than a date is the
            // title, dated or not ("Press Briefing by …, August 25, 2021");
            // a word or two above it ("Speech", "Press release") is the
            // kind of page, not its title.
            let titled = (0..i).any(|j| {
                self.header[j] == Some(Header::Other)
                    && text::word_count(&text::collapse_spaces(&self.paras[j].text)) >= 3
            });
            // A place and a date (`Frankfurt am Main, 30 January 2025`)
            // is a dateline however many words the place has.
            if words <= 15 && (titled || !names_more_than_a_date(&t) || date::is_place_and_date(&t))
            {
                if let Some(clue) = DateClue::first_in(&t, 2, "dateline") {
                    self.dates.push(clue);
                    self.header[i] = Some(Header::Dateline);
                    continue;
                }
            }
            self.header[i] = Some(Header::Other);
        }
        self.paras.len()
    }

    /// A person named with honours on header line `i` (`THE HON. RUTH
    /// MBEKI MP`), with the office the next line gives (`PRIME MINISTER`),
    /// which is marked as read. Before the label test: `THE HON.` has a
    /// period label's shape, and must not open the body.
    pub(super) fn honoured_person(&mut self, i: usize, t: &str) -> Option<DocPerson> {
        let name = office::honoured_name(t)?;
        let next = (i + 1..self.paras.len()).find(|&j| self.furniture[j].is_none());
        let title = next.and_then(|j| {
            let office = office::office_line(&text::collapse_spaces(&self.paras[j].text))?;
            self.header[j] = Some(Header::Person);
            Some(office)
        });
        self.named_at
            .entry(name::fold(&name))
            .or_insert(self.paras[i].line);
        let runs = title.as_ref().is_some_and(|t| {
            title::TitledPerson {
                name: name.clone(),
                title: t.clone(),
            }
            .runs_briefings()
        });
        Some(DocPerson {
            name,
            title,
            role: runs.then_some(Role::Moderator),
            source: Source::Header,
        })
    }

    /// Whether paragraph `i`, prose at the head of the page, is the page's
    /// one-paragraph summary: short, and followed at once by a page
    /// metadata block (`From:`, `Published`, `Location:`; gov.uk and many
    /// government sites print title, summary, then the block). The speech
    /// starts after the block, not at the summary.
    pub(super) fn summary_above_metadata(&self, i: usize, t: &str) -> bool {
        text::word_count(t) <= 60
            && !self.header[..i].contains(&Some(Header::Summary))
            && self.next_text(i).is_some_and(|n| {
                label::page_metadata(&text::collapse_spaces(n))
                    .is_some_and(|(key, _)| label::value_on_next_line(&key))
            })
    }

    /// Chooses the title among the header's lines before `body_start`;
    /// returns its paragraph.
    pub(super) fn choose_title(&mut self, body_start: usize) -> Option<usize> {
        let found = (0..body_start)
            .filter(|&i| self.header[i] == Some(Header::Other))
            .map(|i| (i, text::collapse_spaces(&self.paras[i].text)))
            // A place and a date is where and when, never what.
            .find(|(_, t)| (3..=60).contains(&text::word_count(t)) && !date::is_place_and_date(t));
        self.title = found.as_ref().map(|(_, t)| t.clone());
        self.title_line = found.as_ref().map(|&(i, _)| self.paras[i].line);
        found.map(|(i, _)| i)
    }

    /// People the document names: its roster, its header, its title.
    pub(super) fn collect_people(&mut self) {
        self.people = People::logged(&self.knowledge.people, self.log.clone());
        for e in &self.roster {
            self.people.add(DocPerson {
                name: e.name.clone(),
                title: e.title.clone(),
                role: Some(e.role),
                source: Source::Roster,
            });
        }
        for p in &self.header_people {
            self.people.add(p.clone());
        }
        if let Some(t) = &self.title {
            for p in title::people(t) {
                let role = p.runs_briefings().then_some(Role::Moderator);
                if let Some(line) = self.title_line {
                    self.named_at.entry(name::fold(&p.name)).or_insert(line);
                }
                self.people.add(DocPerson {
                    title: Some(office::with_appositive(t, &p.name, &p.title)),
                    name: p.name,
                    role,
                    source: Source::Title,
                });
            }
            for (name, office) in office::appositive_people(t) {
                if let Some(line) = self.title_line {
                    self.named_at.entry(name::fold(&name)).or_insert(line);
                }
                self.people.add(DocPerson {
                    name,
                    title: Some(office),
                    role: None,
                    source: Source::Title,
                });
            }
        }
        // A page summary or subtitle names people as a title does ("Prime
        // Minister Helen Marsh's remarks at …" under "PM remarks at …"), so
        // that a label of the office alone (`Prime Minister:`) finds its
        // holder.
        for i in 0..self.paras.len() {
            if !matches!(self.header[i], Some(Header::Summary | Header::Other))
                || self.furniture[i].is_some()
            {
                continue;
            }
            let line = text::collapse_spaces(&self.paras[i].text);
            if self.title.as_deref() == Some(line.as_str()) {
                continue;
            }
            for p in title::people(&line) {
                let role = p.runs_briefings().then_some(Role::Moderator);
                self.named_at
                    .entry(name::fold(&p.name))
                    .or_insert(self.paras[i].line);
                self.people.add(DocPerson {
                    name: p.name,
                    title: Some(p.title),
                    role,
                    source: Source::Header,
                });
            }
        }
        self.collect_members();
    }
}

/// A person named under the title with their office, as State Department
/// and similar transcripts print the briefer: `Dana Ortiz, Department
/// Spokesperson`, `Kofi Mensah — Deputy Governor`.
pub(super) fn header_person(t: &str) -> Option<DocPerson> {
    if text::word_count(t) > 12 || !date::find_dates(t).is_empty() {
        return None;
    }
    let (name, title) = roster::entry(t)?;
    let title = title?;
    let office = title.split_whitespace().any(|w| {
        name::is_title_word(w)
            && !name::is_connector(w)
            && !matches!(name::fold(w).as_str(), "the" | "his" | "her")
    });
    if !office {
        return None;
    }
    let runs = title::TitledPerson {
        name: name.clone(),
        title: title.clone(),
    }
    .runs_briefings();
    Some(DocPerson {
        name,
        title: Some(title),
        role: runs.then_some(Role::Moderator),
        source: Source::Header,
    })
}

/// Whether a line has three or more words besides its date: a dated title
/// rather than a dateline ("Harbour City, March 28 (Wire)").
pub(super) fn names_more_than_a_date(t: &str) -> bool {
    let mut rest = t.to_string();
    for sp in date::find_dates(t).iter().rev() {
        rest.replace_range(sp.start..sp.end, " ");
    }
    rest.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
        >= 3
}

/// Whether a paragraph reads as running text: enough words and a sentence
/// end. Titles, rosters, bylines and datelines are not prose.
pub(super) fn is_prose(t: &str) -> bool {
    let words = text::word_count(t);
    let t = t.trim_end();
    (words >= 40 && t.contains(['.', '?', '!', '。', '？', '！']))
        || (words >= 6 && (ends_sentence(t) || has_sentence_break(t)))
}

/// Whether `t` ends as a sentence does: with a question or exclamation
/// mark, or a full stop after a word or a number (not after an
/// abbreviation such as "D.C." or an initial), closing quotes and brackets
/// aside. "… Leaders' Summit (NALS)" does not. A lone lower-case letter
/// is a word ("… as a."), not an initial: initials are capitals.
pub(super) fn ends_sentence(t: &str) -> bool {
    let core = t.trim_end_matches([')', ']', '"', '\u{201d}', '\u{2019}', '\'', ' ', '）']);
    if core.ends_with(['?', '!', '。', '？', '！']) {
        return true;
    }
    if !core.ends_with('.') {
        return false;
    }
    let last = core.split_whitespace().next_back().unwrap_or("");
    let stem = last
        .trim_end_matches('.')
        .trim_start_matches(['(', '[', '"', '\u{201c}', '\'']);
    if stem.is_empty() || stem.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    let letters = stem.chars().filter(|c| c.is_alphabetic()).count();
    !stem.contains('.') && (letters >= 2 || (letters == 1 && !stem.starts_with(char::is_uppercase)))
}

/// Whether a full stop inside `t` ends a sentence: after a word of two or
/// more letters that is not an abbreviation of a title, before a capital.
/// "James S. Brady Press Briefing Room" has none; "Welcome. Today we" has.
pub(super) fn has_sentence_break(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    words.windows(2).any(|w| {
        let (a, b) = (w[0], w[1]);
        a.ends_with('.')
            && a.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !a[..a.len() - 1].contains('.')
            && !name::is_title_word(a)
            && b.starts_with(char::is_uppercase)
    })
}
