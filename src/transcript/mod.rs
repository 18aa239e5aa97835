//! Raw transcript text → [`Transcript`]: title, date, roster and speaker turns.
//!
//! The parser works in passes over the document's paragraphs, each with one
//! job, each in its own module:
//!
//! 1. [`text`]: normalise spacing and markup, unwrap hard-wrapped lines.
//! 2. [`furniture`]: mark what nobody said (breadcrumbs, pagination, credits,
//!    related links, end markers).
//! 3. The header: [`roster`] blocks, `Date:` lines and datelines ([`date`]),
//!    the title ([`title`] also reads the people it names).
//! 4. [`label`]: find turn labels and weigh the evidence for each.
//! 5. Turns: resolve each label to a speaker and role ([`name`] for name
//!    forms, [`handoff`] for reporters called on by outlet); unlabeled
//!    paragraphs continue the current speaker. A document with no labels is
//!    a news report: [`reported`] attributes quoted paragraphs to the person
//!    quoted and leaves the rest as narration.
//!
//! Every decision records why it was made ([`Turn::why`],
//! [`Transcript::date_rule`]), which `podium parse --explain` prints.

pub mod date;
pub mod furniture;
pub mod handoff;
pub mod label;
pub mod name;
pub mod reported;
pub mod roster;
pub mod text;
pub mod title;

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use roster::RosterEntry;
pub use text::Paragraph;

use date::FoundDate;
use label::{Candidate, LabelKind};

/// What part a speaker plays in a briefing.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Answers questions: ministers, spokespeople taking questions, experts.
    #[default]
    Official,
    /// Chairs the briefing: opens it, calls on reporters, closes it.
    Moderator,
    /// Asks questions; the speaker is the outlet when it is known.
    Journalist,
    /// A news report's own words, attributed to nobody.
    Narration,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Official,
        Role::Moderator,
        Role::Journalist,
        Role::Narration,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Official => "official",
            Role::Moderator => "moderator",
            Role::Journalist => "journalist",
            Role::Narration => "narration",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                format!(
                    "unknown role '{s}': expected one of official, moderator, journalist, narration"
                )
            })
    }
}

/// Why a turn has its speaker and role; printed by `podium parse --explain`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Why {
    pub speaker: String,
    pub role: String,
}

/// One speaker's uninterrupted turn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Turn {
    /// Canonical speaker: a person's full name when known, an outlet for
    /// journalists, `Reporter` for an unnamed question.
    pub speaker: String,
    /// The label as written in the source (`MS. PSAKI`), if any.
    pub label: Option<String>,
    pub role: Role,
    /// The speaker's title, when the roster or the document gives it.
    pub speaker_title: Option<String>,
    pub paragraphs: Vec<Paragraph>,
    pub why: Why,
}

/// A paragraph left out of every turn, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub line: usize,
    pub reason: &'static str,
    pub text: String,
}

/// A parsed briefing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Transcript {
    pub title: Option<String>,
    pub date: Option<Date>,
    /// How the date was found ("Date: line", "dateline", …).
    pub date_rule: String,
    pub roster: Vec<RosterEntry>,
    pub turns: Vec<Turn>,
    /// Problems worth telling the user: no date, a year-less date, no text.
    pub warnings: Vec<String>,
    /// Paragraphs that are not speech (furniture, header lines).
    pub skipped: Vec<Skipped>,
}

/// A person the corpus knows, from other briefings: lets a document that
/// writes only `Ms. Lindqvist:` or has no roster still get the full name and
/// the role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownPerson {
    pub name: String,
    pub title: Option<String>,
    /// Chairs or hosts briefings elsewhere in the corpus.
    pub chairs: bool,
}

/// What the parser may know beyond the document itself.
#[derive(Debug, Clone, Default)]
pub struct Knowledge {
    /// The date to use when the document gives none (`podium index --date`).
    pub fallback_date: Option<Date>,
    /// People known from the rest of the corpus.
    pub people: Vec<KnownPerson>,
}

/// Parses a transcript on its own.
pub fn parse(raw: &str) -> Transcript {
    parse_with(raw, &Knowledge::default())
}

/// What the header scan made of one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Header {
    Roster,
    Metadata,
    Date,
    Dateline,
    Other,
}

/// A date found somewhere, with the rule's rank (lower wins) and name.
struct DateClue {
    rank: u8,
    found: FoundDate,
    rule: &'static str,
}

/// A person the document itself names (roster, title), for resolving labels.
#[derive(Debug, Clone)]
struct Person {
    name: String,
    title: Option<String>,
    role: Option<Role>,
    source: &'static str,
    /// `name::name_keys(name)`, computed once: lookups compare every label
    /// with every known person.
    keys: Vec<String>,
}

/// Parses a transcript using what the corpus knows.
pub fn parse_with(raw: &str, knowledge: &Knowledge) -> Transcript {
    let normalized = text::normalize(raw);
    let paras = text::paragraphs(&normalized, quick_label);
    Parser::new(&paras, knowledge).run()
}

/// Whether a line opens with a label that needs no help from the rest of
/// the document (`MS. PSAKI:`, `Q`, `Harbour Radio:`).
fn quick_label(line: &str) -> bool {
    label::candidate(line).is_some_and(|c| {
        let ctx = label::Context {
            capitals_style: true,
            ..label::Context::default()
        };
        label::score(&c, &ctx) >= label::ACCEPT
    })
}

struct Parser<'a> {
    paras: &'a [Paragraph],
    knowledge: &'a Knowledge,
    furniture: Vec<Option<&'static str>>,
    header: Vec<Option<Header>>,
    dates: Vec<DateClue>,
    roster: Vec<RosterEntry>,
    title: Option<String>,
    people: Vec<Person>,
    skipped: Vec<Skipped>,
    warnings: Vec<String>,
}

impl<'a> Parser<'a> {
    fn new(paras: &'a [Paragraph], knowledge: &'a Knowledge) -> Self {
        Parser {
            paras,
            knowledge,
            furniture: Vec::new(),
            header: vec![None; paras.len()],
            dates: Vec::new(),
            roster: Vec::new(),
            title: None,
            people: Vec::new(),
            skipped: Vec::new(),
            warnings: Vec::new(),
        }
    }

    fn run(mut self) -> Transcript {
        self.mark_furniture();
        let header_end = self.scan_header();
        let labels = self.find_labels();
        let body_start = labels
            .iter()
            .position(Option::is_some)
            .map_or(header_end, |first| first.min(header_end));
        self.choose_title(body_start);
        self.collect_people();
        for i in 0..body_start {
            let reason = match (self.furniture[i], self.header[i]) {
                (Some(reason), _) => reason,
                (None, Some(Header::Roster)) => "speaker roster",
                (None, Some(Header::Metadata)) => "metadata line",
                (None, Some(Header::Date | Header::Dateline)) => "date line",
                (None, _)
                    if self.title.as_deref()
                        == Some(&*text::collapse_spaces(&self.paras[i].text)) =>
                {
                    "title"
                }
                (None, _) => "header line",
            };
            self.skip(i, reason);
        }
        let turns = if labels.iter().any(Option::is_some) {
            self.labelled_turns(body_start, &labels)
        } else {
            self.unlabelled_turns(body_start)
        };
        let (date, date_rule) = self.resolve_date(body_start);
        if turns.iter().all(|t| t.paragraphs.is_empty()) {
            self.warnings
                .push("no speech found in the text".to_string());
        }
        Transcript {
            title: self.title,
            date,
            date_rule,
            roster: self.roster,
            turns,
            warnings: self.warnings,
            skipped: self.skipped,
        }
    }

    fn skip(&mut self, i: usize, reason: &'static str) {
        self.skipped.push(Skipped {
            line: self.paras[i].line,
            reason,
            text: text::collapse_spaces(&self.paras[i].text),
        });
    }

    fn mark_furniture(&mut self) {
        self.furniture = self
            .paras
            .iter()
            .map(|p| furniture::reason(&p.text))
            .collect();
        let kept: Vec<usize> = (0..self.paras.len())
            .filter(|&i| self.furniture[i].is_none())
            .collect();
        let texts: Vec<&str> = kept.iter().map(|&i| self.paras[i].text.as_str()).collect();
        if let Some(start) = furniture::trailing_link_list(&texts) {
            for &i in &kept[start..] {
                self.furniture[i] = Some("related-links list");
            }
        }
    }

    /// Reads the header: rosters, metadata, dates, title candidates. Returns
    /// the index of the first paragraph that is speech (prose or a label).
    fn scan_header(&mut self) -> usize {
        let mut roster_role: Option<Role> = None;
        let mut date_value_next = false;
        for i in 0..self.paras.len() {
            if self.furniture[i].is_some() {
                continue;
            }
            let t = text::collapse_spaces(&self.paras[i].text);
            if date_value_next {
                date_value_next = false;
                if let Some(sp) = date::find_dates(&t).first() {
                    self.dates.push(DateClue {
                        rank: 0,
                        found: sp.date,
                        rule: "Date: line",
                    });
                    self.header[i] = Some(Header::Date);
                    continue;
                }
            }
            if let Some((role, inline)) = roster::heading(&t) {
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
            if let Some((key, value)) = label::metadata(&t) {
                self.header[i] = Some(Header::Metadata);
                if matches!(
                    key.as_str(),
                    "date" | "dates" | "published" | "posted" | "updated"
                ) {
                    let rank = if key.starts_with("date") { 0 } else { 1 };
                    match date::find_dates(value).first() {
                        Some(sp) => self.dates.push(DateClue {
                            rank,
                            found: sp.date,
                            rule: "Date: line",
                        }),
                        None if value.trim().is_empty() => date_value_next = true,
                        None => {}
                    }
                }
                continue;
            }
            if date::is_date_line(&t) {
                if let Some(sp) = date::find_dates(&t).first() {
                    self.dates.push(DateClue {
                        rank: 1,
                        found: sp.date,
                        rule: "date line",
                    });
                }
                self.header[i] = Some(Header::Date);
                continue;
            }
            if quick_label(&t) || is_prose(&t) {
                return i;
            }
            let words = text::word_count(&t);
            if words <= 15 {
                if let Some(sp) = date::find_dates(&t).first() {
                    self.dates.push(DateClue {
                        rank: 2,
                        found: sp.date,
                        rule: "dateline",
                    });
                    self.header[i] = Some(Header::Dateline);
                    continue;
                }
            }
            self.header[i] = Some(Header::Other);
        }
        self.paras.len()
    }

    fn choose_title(&mut self, body_start: usize) {
        self.title = (0..body_start)
            .filter(|&i| self.header[i] == Some(Header::Other))
            .map(|i| text::collapse_spaces(&self.paras[i].text))
            .find(|t| (3..=60).contains(&text::word_count(t)));
        if let Some(title) = &self.title {
            if let Some(d) = date::find_dates(title).first() {
                self.dates.push(DateClue {
                    rank: 3,
                    found: d.date,
                    rule: "date in the title",
                });
            }
        }
    }

    /// People the document names: its roster, its title, and the corpus.
    fn collect_people(&mut self) {
        for e in &self.roster {
            self.people.push(Person {
                name: e.name.clone(),
                title: e.title.clone(),
                role: Some(e.role),
                source: "roster",
                keys: name::name_keys(&e.name),
            });
        }
        if let Some(t) = &self.title {
            for p in title::people(t) {
                let role = p.runs_briefings().then_some(Role::Moderator);
                self.people.push(Person {
                    keys: name::name_keys(&p.name),
                    name: p.name,
                    title: Some(p.title),
                    role,
                    source: "title",
                });
            }
        }
        for k in &self.knowledge.people {
            self.people.push(Person {
                name: k.name.clone(),
                title: k.title.clone(),
                role: k.chairs.then_some(Role::Moderator),
                source: "corpus registry",
                keys: name::name_keys(&k.name),
            });
        }
    }

    /// Finds the people whose names contain every word of `name` (folded):
    /// `PSAKI` finds Jen Psaki, `Gong Zheng` finds Gong Zheng. The
    /// document's own people come before the corpus's; a name that matches
    /// two different document people is ambiguous and matches none.
    fn lookup(&self, name: &str) -> Option<&Person> {
        let keys = name::name_keys(name);
        if keys.is_empty() {
            return None;
        }
        let matches = |p: &&Person| keys.iter().all(|k| p.keys.contains(k));
        for source in ["roster", "title", "corpus registry"] {
            let found: Vec<&Person> = self
                .people
                .iter()
                .filter(|p| p.source == source)
                .filter(matches)
                .collect();
            let distinct: std::collections::HashSet<String> =
                found.iter().map(|p| name::fold(&p.name)).collect();
            match distinct.len() {
                0 => continue,
                1 => return found.first().copied(),
                _ => return None,
            }
        }
        None
    }

    /// Finds accepted labels: `labels[i]` is the candidate opening paragraph
    /// `i`, if it is read as a label.
    fn find_labels(&self) -> Vec<Option<Candidate<'a>>> {
        let n = self.paras.len();
        let mut cands: Vec<Option<Candidate<'a>>> = vec![None; n];
        let mut counts: HashMap<String, usize> = HashMap::new();
        let mut capital_titles = 0;
        for (i, slot) in cands.iter_mut().enumerate() {
            if self.furniture[i].is_some()
                || matches!(
                    self.header[i],
                    Some(Header::Roster | Header::Metadata | Header::Date | Header::Dateline)
                )
            {
                continue;
            }
            if let Some(c) = label::candidate(&self.paras[i].text) {
                *counts.entry(name::fold(c.label)).or_default() += 1;
                if c.kind == LabelKind::Named
                    && !c.label.chars().any(char::is_lowercase)
                    && c.label.split_whitespace().any(name::is_title_word)
                {
                    capital_titles += 1;
                }
                *slot = Some(c);
            }
        }
        let known: Vec<Vec<String>> = self
            .roster
            .iter()
            .map(|e| name::name_keys(&e.name))
            .chain(
                self.title
                    .iter()
                    .flat_map(|t| title::people(t))
                    .map(|p| name::name_keys(&p.name)),
            )
            .chain(
                self.knowledge
                    .people
                    .iter()
                    .map(|p| name::name_keys(&p.name)),
            )
            .collect();
        let mut out = vec![None; n];
        for i in 0..n {
            let Some(c) = cands[i] else { continue };
            let follows = if c.rest.trim().is_empty() {
                match self.next_text(i) {
                    Some(t) => t,
                    None => continue, // a label with nothing after it
                }
            } else {
                c.rest
            };
            let (_, bare) = name::split_title(c.label.split('(').next().unwrap_or(c.label));
            let keys = name::name_keys(&bare);
            let ctx = label::Context {
                known_name: !keys.is_empty()
                    && known.iter().any(|k| keys.iter().all(|w| k.contains(w))),
                occurrences: counts.get(&name::fold(c.label)).copied().unwrap_or(0),
                capitals_style: capital_titles >= 2,
                question_follows: follows.contains('?') || follows.contains('？'),
            };
            if label::score(&c, &ctx) >= label::ACCEPT {
                out[i] = Some(c);
            }
        }
        out
    }

    fn next_text(&self, i: usize) -> Option<&'a str> {
        (i + 1..self.paras.len())
            .find(|&j| self.furniture[j].is_none())
            .map(|j| self.paras[j].text.as_str())
    }

    fn labelled_turns(&mut self, body_start: usize, labels: &[Option<Candidate<'a>>]) -> Vec<Turn> {
        let mut turns: Vec<Turn> = Vec::new();
        let mut pending_outlet: Option<String> = None;
        for i in body_start..self.paras.len() {
            if let Some(reason) = self.furniture[i] {
                self.skip(i, reason);
                continue;
            }
            let p = &self.paras[i];
            if let Some(c) = labels[i] {
                if let Some(prev) = turns.last() {
                    if prev.role != Role::Journalist {
                        if let Some(last) = prev.paragraphs.last() {
                            pending_outlet = handoff::outlet(&last.text);
                        }
                    }
                }
                let mut turn = self.resolve(&c, i, labels, pending_outlet.take());
                let rest = c.rest.trim();
                if !rest.is_empty() {
                    turn.paragraphs.push(Paragraph {
                        text: rest.to_string(),
                        line: p.line,
                    });
                }
                turns.push(turn);
                continue;
            }
            if is_byline(&p.text) {
                self.skip(i, "byline or heading");
                continue;
            }
            match turns.last_mut() {
                Some(t) => t.paragraphs.push(p.clone()),
                None => turns.push(self.opening_turn(p.clone())),
            }
        }
        turns
    }

    /// The turn for paragraphs before the first label: the host's when the
    /// title names one, else narration.
    fn opening_turn(&self, p: Paragraph) -> Turn {
        let host = self.people.iter().find(|x| x.source == "title");
        match host {
            Some(h) => Turn {
                speaker: h.name.clone(),
                label: None,
                role: h.role.unwrap_or(Role::Official),
                speaker_title: h.title.clone(),
                paragraphs: vec![p],
                why: Why {
                    speaker: "before the first label: the host the title names".into(),
                    role: if h.role == Some(Role::Moderator) {
                        "the title names them as the briefing's host".into()
                    } else {
                        "named in the title".into()
                    },
                },
            },
            None => Turn {
                speaker: "Narration".into(),
                label: None,
                role: Role::Narration,
                speaker_title: None,
                paragraphs: vec![p],
                why: Why {
                    speaker: "before the first label, no host in the title".into(),
                    role: "nobody is speaking".into(),
                },
            },
        }
    }

    /// Whether the turn a label opens reads as a question.
    fn asks(&self, c: &Candidate<'_>, i: usize, labels: &[Option<Candidate<'_>>]) -> bool {
        if c.rest.contains('?') {
            return true;
        }
        (i + 1..self.paras.len())
            .take_while(|&j| labels[j].is_none())
            .take(3)
            .any(|j| self.paras[j].text.contains('?') || self.paras[j].text.contains('？'))
    }

    /// Speaker, role and title for a label.
    fn resolve(
        &self,
        c: &Candidate<'_>,
        i: usize,
        labels: &[Option<Candidate<'_>>],
        outlet: Option<String>,
    ) -> Turn {
        let written = text::collapse_spaces(c.label);
        let turn = |speaker: String, role: Role, title: Option<String>, why: (&str, String)| Turn {
            speaker,
            label: Some(written.clone()),
            role,
            speaker_title: title,
            paragraphs: Vec::new(),
            why: Why {
                speaker: why.0.to_string(),
                role: why.1,
            },
        };
        let paren = c
            .label
            .split_once('(')
            .map(|(_, p)| p.trim_end_matches(')').trim().to_string())
            .filter(|p| name::looks_like_outlet(p));
        match c.kind {
            LabelKind::Reporter => {
                let (speaker, why) = match (paren, outlet) {
                    (Some(o), _) => (o, "reporter's label names the outlet"),
                    (None, Some(o)) => (o, "reporter called on by outlet in the previous turn"),
                    (None, None) => ("Reporter".to_string(), "reporter's label, outlet unknown"),
                };
                turn(
                    speaker,
                    Role::Journalist,
                    None,
                    (why, "asks the question".into()),
                )
            }
            LabelKind::Answer => {
                let host = self
                    .people
                    .iter()
                    .find(|p| p.source == "title")
                    .or_else(|| {
                        let officials: Vec<&Person> = self
                            .people
                            .iter()
                            .filter(|p| p.source == "roster")
                            .collect();
                        (officials.len() == 1).then(|| officials[0])
                    });
                match host {
                    Some(h) => turn(
                        h.name.clone(),
                        h.role.unwrap_or(Role::Official),
                        h.title.clone(),
                        (
                            "anonymous answer: the spokesperson the title names",
                            "answers".into(),
                        ),
                    ),
                    None => turn(
                        "Official".into(),
                        Role::Official,
                        None,
                        ("anonymous answer, nobody named", "answers".into()),
                    ),
                }
            }
            LabelKind::Moderator => {
                let chairs: Vec<&Person> = self
                    .people
                    .iter()
                    .filter(|p| p.source != "corpus registry" && p.role == Some(Role::Moderator))
                    .collect();
                match chairs.as_slice() {
                    [one] => turn(
                        one.name.clone(),
                        Role::Moderator,
                        one.title.clone(),
                        (
                            "moderator's label: the chair the document names",
                            "chairs".into(),
                        ),
                    ),
                    _ => turn(
                        name::display_case(&written),
                        Role::Moderator,
                        None,
                        ("moderator's label", "chairs".into()),
                    ),
                }
            }
            LabelKind::Interpreter => turn(
                "Interpreter".into(),
                Role::Official,
                None,
                ("interpreter's label", "speaks for an official".into()),
            ),
            LabelKind::Named => self.resolve_named(c, i, labels, &written, paren, turn),
        }
    }

    fn resolve_named(
        &self,
        c: &Candidate<'_>,
        i: usize,
        labels: &[Option<Candidate<'_>>],
        written: &str,
        paren: Option<String>,
        turn: impl Fn(String, Role, Option<String>, (&str, String)) -> Turn,
    ) -> Turn {
        let head = c.label.split('(').next().unwrap_or(c.label).trim();
        let (office, bare) = name::split_title(head);
        if bare.is_empty() || name::looks_like_outlet(head) && !name::looks_like_person(head) {
            if bare.is_empty() && !office.is_empty() {
                // An office: "THE PRESIDENT", "SENIOR ADMINISTRATION OFFICIAL".
                if let Some(p) = self.office_holder(&office) {
                    return turn(
                        p.name.clone(),
                        p.role.unwrap_or(Role::Official),
                        p.title.clone(),
                        (
                            "office label: the holder the document names",
                            format!("from the {}", p.source),
                        ),
                    );
                }
                return turn(
                    name::display_case(&text::collapse_spaces(&office)),
                    Role::Official,
                    None,
                    ("office label", "an office answering".into()),
                );
            }
            return turn(
                name::display_case(head),
                Role::Journalist,
                None,
                ("outlet label", "a media outlet asking".into()),
            );
        }
        let title = (!office.is_empty()).then(|| office.clone());
        if let Some(p) = self.lookup(&bare) {
            let role = match p.role {
                Some(r) => (r, format!("{} gives the role", p.source)),
                None => (Role::Official, "a person answering".to_string()),
            };
            return turn(
                p.name.clone(),
                role.0,
                p.title.clone().or(title),
                (
                    match p.source {
                        "roster" => "label matches the roster",
                        "title" => "label matches a name in the title",
                        _ => "label matches a speaker known from other briefings",
                    },
                    role.1,
                ),
            );
        }
        let speaker = name::display_case(&bare);
        let person = name::looks_like_person(&bare) || title.is_some();
        if !person && self.asks(c, i, labels) {
            return turn(
                name::display_case(head),
                Role::Journalist,
                None,
                ("label asking a question: an outlet", "asks".into()),
            );
        }
        if !self.roster.is_empty() && paren.is_none() && self.asks(c, i, labels) {
            return turn(
                speaker,
                Role::Journalist,
                title,
                (
                    "label as written",
                    "not on the roster, asks a question".into(),
                ),
            );
        }
        if let Some(o) = paren {
            return turn(
                o,
                Role::Journalist,
                None,
                (
                    "label names an outlet in parentheses",
                    "asks for that outlet".into(),
                ),
            );
        }
        let _ = written;
        turn(
            speaker,
            Role::Official,
            title,
            ("label as written", "a person answering".into()),
        )
    }

    /// Who holds an office named without a name ("THE PRESIDENT"): a person
    /// the document names with that office, if only one.
    fn office_holder(&self, office: &str) -> Option<&Person> {
        let key: Vec<String> = name::fold(office)
            .split(' ')
            .filter(|w| *w != "the")
            .map(str::to_string)
            .collect();
        if key.is_empty() {
            return None;
        }
        let holders: Vec<&Person> = self
            .people
            .iter()
            .filter(|p| {
                p.title.as_ref().is_some_and(|t| {
                    let tw: Vec<String> = name::fold(t).split(' ').map(str::to_string).collect();
                    // "President" must not match "Vice President".
                    tw.ends_with(&key)
                        && !(tw.len() > key.len() && tw[tw.len() - key.len() - 1] == "vice")
                })
            })
            .collect();
        let first = holders.first()?;
        let same = holders
            .iter()
            .all(|p| name::fold(&p.name) == name::fold(&first.name));
        same.then_some(*first)
    }

    /// Turns of a document without labels: the host's remarks when the title
    /// names a host, else a news report attributed by reported speech.
    fn unlabelled_turns(&mut self, body_start: usize) -> Vec<Turn> {
        let host = self.people.iter().find(|p| p.source == "title").cloned();
        let mut turns: Vec<Turn> = Vec::new();
        let mut last_quoted: Option<String> = None;
        for i in body_start..self.paras.len() {
            if let Some(reason) = self.furniture[i] {
                self.skip(i, reason);
                continue;
            }
            if is_byline(&self.paras[i].text) {
                self.skip(i, "byline or heading");
                continue;
            }
            let p = Paragraph {
                text: furniture::strip_end_marker(&self.paras[i].text).to_string(),
                line: self.paras[i].line,
            };
            let (speaker, role, title, why) = match &host {
                Some(h) => (
                    h.name.clone(),
                    h.role.unwrap_or(Role::Official),
                    h.title.clone(),
                    Why {
                        speaker: "no labels: the remarks of the person the title names".into(),
                        role: "named in the title".into(),
                    },
                ),
                None => match reported::attribute(&p.text) {
                    reported::Attribution::Quoted(who) => {
                        let who = self.lookup(&who).map_or(who, |p| p.name.clone());
                        last_quoted = Some(who.clone());
                        (
                            who,
                            Role::Official,
                            None,
                            Why {
                                speaker: "news report: the paragraph quotes this person".into(),
                                role: "quoted speaker".into(),
                            },
                        )
                    }
                    reported::Attribution::SamePerson if last_quoted.is_some() => (
                        last_quoted.clone().unwrap_or_default(),
                        Role::Official,
                        None,
                        Why {
                            speaker: "news report: a pronoun refers to the person quoted last"
                                .into(),
                            role: "quoted speaker".into(),
                        },
                    ),
                    _ => (
                        "Narration".to_string(),
                        Role::Narration,
                        None,
                        Why {
                            speaker: "news report: nobody is quoted".into(),
                            role: "the reporter's own words".into(),
                        },
                    ),
                },
            };
            match turns.last_mut() {
                Some(t) if t.speaker == speaker && t.role == role => t.paragraphs.push(p),
                _ => turns.push(Turn {
                    speaker,
                    label: None,
                    role,
                    speaker_title: title,
                    paragraphs: vec![p],
                    why,
                }),
            }
        }
        turns
    }

    /// The briefing's own date: the best-ranked clue with a year. A
    /// year-less clue takes the year only when the header gives exactly one.
    fn resolve_date(&mut self, body_start: usize) -> (Option<Date>, String) {
        // A dateline opening the first paragraph of the text
        // ("HARBOUR CITY, March 28 (Wire) --").
        if let Some(i) = (body_start..self.paras.len()).find(|&i| self.furniture[i].is_none()) {
            let t = &self.paras[i].text;
            let head: String = t.chars().take(100).collect();
            if let Some(sp) = date::find_dates(&head).first() {
                self.dates.push(DateClue {
                    rank: 4,
                    found: sp.date,
                    rule: "dateline of the first paragraph",
                });
            }
        }
        self.dates.sort_by_key(|d| d.rank);
        if let Some(d) = self.dates.iter().find_map(|d| match d.found {
            FoundDate::Full(date) => Some((date, d.rule)),
            FoundDate::NoYear { .. } => None,
        }) {
            return (Some(d.0), d.1.to_string());
        }
        if let Some((month, day)) = self.dates.iter().find_map(|d| match d.found {
            FoundDate::NoYear { month, day } => Some((month, day)),
            FoundDate::Full(_) => None,
        }) {
            if let Some(year) = self.header_year(body_start) {
                if let Ok(date) = Date::new(year, month, day) {
                    return (Some(date), "year-less date, year from the header".into());
                }
            }
            if let Some(date) = self.knowledge.fallback_date {
                return (Some(date), "--date (the text's date has no year)".into());
            }
            self.warnings.push(format!(
                "date without a year ({} {day}): date left unknown; pass --date YYYY-MM-DD to set it",
                month_name(month)
            ));
            return (None, "year-less date in the text".into());
        }
        if let Some(date) = self.knowledge.fallback_date {
            return (Some(date), "--date (no date in the text)".into());
        }
        self.warnings
            .push("no date found: date left unknown; pass --date YYYY-MM-DD to set it".into());
        (None, "no date in the text".into())
    }

    /// A single year written in the header (title, datelines), if exactly one.
    fn header_year(&self, body_start: usize) -> Option<i16> {
        let mut years: Vec<i16> = (0..body_start)
            .filter(|&i| self.furniture[i].is_none())
            .flat_map(|i| {
                self.paras[i]
                    .text
                    .split(|c: char| !c.is_ascii_digit())
                    .filter(|w| w.len() == 4)
                    .filter_map(|w| w.parse::<i16>().ok())
                    .filter(|y| (1900..=2100).contains(y))
                    .collect::<Vec<_>>()
            })
            .collect();
        years.sort_unstable();
        years.dedup();
        match years.as_slice() {
            [y] => Some(*y),
            _ => None,
        }
    }
}

fn month_name(m: i8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    usize::try_from(m - 1)
        .ok()
        .and_then(|i| NAMES.get(i))
        .copied()
        .unwrap_or("?")
}

/// Whether a paragraph reads as running text: enough words and a sentence
/// end. Titles, rosters, bylines and datelines are not prose.
fn is_prose(t: &str) -> bool {
    let words = text::word_count(t);
    let t = t.trim_end();
    words >= 40
        || (words >= 6
            && (t.ends_with(['.', '?', '!', '"', '\u{201d}', '。', '？', '！', ')'])
                || t.contains(". ")))
}

/// A lone name or short heading between paragraphs of a report: a byline,
/// not speech.
fn is_byline(t: &str) -> bool {
    let t = t.trim();
    t.len() <= 80
        && text::word_count(t) <= 4
        && !t.ends_with(['.', '?', '!', ')', '"', '\u{201d}', ':'])
        && name::looks_like_person(t)
}

#[cfg(test)]
mod tests;
