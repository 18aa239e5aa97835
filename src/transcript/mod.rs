//! Raw transcript text → [`Transcript`]: title, date, roster and speaker turns.
//!
//! The parser works in passes over the document's paragraphs, each with one
//! job, each in its own module:
//!
//! 1. [`text`]: normalise spacing and markup, take out running page headers
//!    and page numbers, unwrap hard-wrapped lines ([`label_lines`] and
//!    `find_labels::starts_new` say which wrapped lines open a label).
//! 2. [`furniture`]: mark what nobody said (breadcrumbs, pagination, credits,
//!    editors' notes, related links, times of day, end markers).
//! 3. The header (`header.rs`): [`roster`] blocks, people named under the
//!    title, `Date:` lines and datelines ([`date`]), the title ([`title`]
//!    also reads the people it names). Place lines and notes are left out.
//! 4. Labels (`find_labels.rs`): find turn labels and weigh the evidence for
//!    each ([`label`] reads and scores one line's label), using what the
//!    document and the corpus know about people ([`people`]).
//! 5. Turns (`turns.rs`): unlabelled paragraphs continue the current
//!    speaker, stage directions stay in the text; after the closing time
//!    nothing is speech. A document with no labels is a speech by the host
//!    its title names, or a news report: [`reported`] attributes quoted
//!    paragraphs to the person quoted and leaves the rest as narration.
//! 6. Speakers (`speaker.rs`, and `sitting.rs` for a parliament's
//!    members, office holders and presiding officer): resolve each label
//!    to a speaker and role —
//!    [`people`] for persons and offices (document first, then the corpus
//!    registry, with [`name`] for name forms), [`handoff`] for reporters
//!    called on by outlet. Roles follow from labels, rosters and titles,
//!    and from behaviour ([`roles`]: who only calls on reporters, who
//!    mostly asks).
//! 7. Dating (`dating.rs`): the best-ranked date clue the header, title,
//!    page header or first dateline gives.
//!
//! This file holds the types the parser returns, its public entry points
//! ([`parse`], [`parse_with`], [`parse_probed`]) and the `Parser` state
//! that the passes share, with the order they run in (`Parser::run`).
//!
//! Every decision records why it was made ([`Turn::why`] — speaker, role,
//! date — and [`Transcript::skipped`]), which `podium parse --explain`
//! prints.

pub mod contact;
pub mod date;
pub mod furniture;
pub mod handoff;
pub mod intro;
pub mod label;
pub mod label_lines;
pub mod name;
pub mod office;
pub mod people;
pub mod prefix;
pub mod reflow;
pub mod reported;
pub mod roles;
pub mod roster;
pub mod text;
pub mod title;

mod dating;
mod find_labels;
mod header;
mod sitting;
mod speaker;
mod turns;

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use people::{KnownPerson, Probe};
pub use roster::RosterEntry;
pub use text::Paragraph;

pub use turns::is_stage_direction;

use dating::DateClue;
use find_labels::starts_new;
use header::Header;
use label::Candidate;
use people::People;
use speaker::Who;

#[cfg(test)]
use header::{ends_sentence, is_prose};

/// The version of the reading rules: the passes above and every module
/// they use. Bump it in the same commit as any change that can give a
/// different [`Transcript`] for the same bytes and knowledge (a label
/// rule, a title or date rule, a resolution, a role). The indexer stores
/// it in its state and re-parses every document of an index written with
/// another value, as it does for another podium version: without it, a
/// parser change within one crate version would leave the old
/// attributions in an existing index until `--rebuild`.
///
/// 1: parliaments' labels (members, office holders, presiding officers),
/// congressional labels, place-and-date lines never the title.
/// 2: a congressional member named with their state (`Mr. SMITH of
/// Texas.` → Smith of Texas); a titled questioner's role says why.
/// 3: members together only after words of courtesy, quantity or side
/// (`Committee Members:` is no collective).
/// 4: the congressional record's `Mr. McCONNELL.`, `The SPEAKER pro
/// tempore.`, `The PRESIDING OFFICER.`
pub const READING_RULES: u32 = 4;

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

/// Why a turn has its speaker, role and date; printed by `podium parse
/// --explain` so that a user can see, and report, a wrong attribution.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Why {
    /// The rule that gave the speaker ("label matches the roster", …).
    pub speaker: String,
    /// The rule that gave the role.
    pub role: String,
    /// The rule that gave the date (the document's date, which every turn
    /// shares: "date line", "date in the title", "--date", …).
    pub date: String,
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
    /// The organisation the speaker speaks for, where the text says it: a
    /// reporter's outlet ("Maria Ondaatje, Daily Ledger"), an official's
    /// ministry or office. Kept apart from the title, which is never an
    /// outlet, so that `--outlet` filters on what the text said.
    pub organisation: Option<String>,
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

/// Parses a transcript using what the corpus knows.
pub fn parse_with(raw: &str, knowledge: &Knowledge) -> Transcript {
    parse_probed(raw, knowledge).0
}

/// Parses a transcript, and returns the questions it asked the corpus
/// when the corpus is empty (see [`Probe`]; none otherwise).
pub fn parse_probed(raw: &str, knowledge: &Knowledge) -> (Transcript, Vec<Probe>) {
    let normalized = text::normalize(raw);
    // A label in the document's own style opens a turn even where the
    // line above runs on (a page footer between them, a full line).
    let habits = label_lines::LabelLines::of(&normalized);
    let split = text::split(&normalized, |l| starts_new(l) || habits.opens(l));
    let mut parser = Parser::new(&split.paragraphs, knowledge);
    // A paged document's running header often carries the briefing's date
    // (`March 20, 2030   Chair Alvarez's Press Conference   FINAL`): a clue
    // below every date the text itself gives.
    parser.dates.extend(
        split
            .page_lines
            .iter()
            .find_map(|p| DateClue::first_in(&p.text, 4, "running page header")),
    );
    parser
        .skipped
        .extend(split.page_lines.into_iter().map(|p| Skipped {
            line: p.line,
            reason: "page header or footer",
            text: text::collapse_spaces(&p.text),
        }));
    let log = parser.log.clone();
    let t = parser.run();
    let asked = std::mem::take(&mut *log.borrow_mut());
    (t, distinct(asked))
}

/// `probes` without repeats, in the order first asked. A report asks who
/// "Hana Lomatra" is at every quote of hers; the indexer keeps every
/// document's questions until it knows the corpus, and repeats were 36 %
/// of them on generated text (16 % on the White House transcripts).
fn distinct(probes: Vec<Probe>) -> Vec<Probe> {
    let mut seen = std::collections::HashSet::with_capacity(probes.len());
    let first: Vec<bool> = probes.iter().map(|p| seen.insert(p)).collect();
    drop(seen);
    probes
        .into_iter()
        .zip(first)
        .filter_map(|(p, first)| first.then_some(p))
        .collect()
}

struct Parser<'a> {
    paras: &'a [Paragraph],
    knowledge: &'a Knowledge,
    furniture: Vec<Option<&'static str>>,
    header: Vec<Option<Header>>,
    dates: Vec<DateClue>,
    roster: Vec<RosterEntry>,
    header_people: Vec<people::DocPerson>,
    title: Option<String>,
    people: People<'a>,
    /// The questions asked of the corpus, kept when it is empty.
    log: people::ProbeLog,
    skipped: Vec<Skipped>,
    warnings: Vec<String>,
    /// Whether reporters in this document are anonymous (`Q`, `QUESTION`).
    anonymous_reporters: bool,
    cache: HashMap<String, Who>,
    /// The source line where the header or title names each person
    /// (folded name), for `--explain`: "named on line 2".
    named_at: HashMap<String, usize>,
    /// The source line of the title.
    title_line: Option<usize>,
}

impl<'a> Parser<'a> {
    fn new(paras: &'a [Paragraph], knowledge: &'a Knowledge) -> Self {
        let log = people::ProbeLog::default();
        Parser {
            paras,
            knowledge,
            furniture: Vec::new(),
            header: vec![None; paras.len()],
            dates: Vec::new(),
            roster: Vec::new(),
            header_people: Vec::new(),
            title: None,
            people: People::logged(&knowledge.people, log.clone()),
            log,
            skipped: Vec::new(),
            warnings: Vec::new(),
            anonymous_reporters: false,
            cache: HashMap::new(),
            named_at: HashMap::new(),
            title_line: None,
        }
    }

    fn run(mut self) -> Transcript {
        self.mark_furniture();
        let header_end = self.scan_header();
        // The title and the people it names are evidence for labels; a
        // label found inside the header moves the body's start up, and the
        // title with it.
        let title_at = self.choose_title(header_end);
        self.collect_people();
        let labels = self.find_labels();
        let body_start = labels
            .iter()
            .position(Option::is_some)
            .map_or(header_end, |first| first.min(header_end));
        if title_at.is_some_and(|t| t >= body_start) {
            self.choose_title(body_start);
            self.collect_people();
        }
        self.add_title_date();
        for i in 0..body_start {
            let reason = match (self.furniture[i], self.header[i]) {
                (Some(reason), _) => reason,
                (None, Some(Header::Roster)) => "speaker roster",
                (None, Some(Header::Person)) => "speaker named in the header",
                (None, Some(Header::Metadata)) => "metadata line",
                (None, Some(Header::Summary)) => "page summary",
                (None, Some(Header::Date | Header::Dateline)) => "date line",
                (None, _)
                    if self.title.as_deref()
                        == Some(&*text::collapse_spaces(&self.paras[i].text)) =>
                {
                    "title"
                }
                (None, _) => "header line (place, venue, note)",
            };
            self.skip(i, reason);
        }
        let mut turns = if labels.iter().any(Option::is_some) {
            self.mark_trailer(&labels);
            let mut turns = self.labelled_turns(body_start, &labels);
            roles::spokespeople_answer(&mut turns);
            roles::by_behaviour(&mut turns);
            turns
        } else {
            self.unlabelled_turns(body_start)
        };
        turns.retain(|t| !t.paragraphs.is_empty() || t.label.is_some());
        let (date, date_rule) = self.resolve_date(body_start);
        for t in &mut turns {
            t.why.date = match date {
                Some(d) => format!("{d} ({date_rule})"),
                None => format!("unknown ({date_rule})"),
            };
        }
        if turns.iter().all(|t| t.paragraphs.is_empty()) {
            self.warnings
                .push("no speech found in the text".to_string());
        }
        self.skipped.sort_by_key(|s| s.line);
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

    /// After the last label, a closing time or end marker ends the
    /// transcript: what follows ("To view the slides, visit …") is not
    /// speech.
    fn mark_trailer(&mut self, labels: &[Option<Candidate<'a>>]) {
        let Some(last) = labels.iter().rposition(Option::is_some) else {
            return;
        };
        let Some(end) = (last + 1..self.paras.len()).find(|&i| {
            matches!(
                self.furniture[i],
                Some("end-of-transcript marker" | "time of day")
            )
        }) else {
            return;
        };
        for i in end + 1..self.paras.len() {
            if self.furniture[i].is_none() {
                self.furniture[i] = Some("after the end of the transcript");
            }
        }
    }

    fn next_text(&self, i: usize) -> Option<&'a str> {
        (i + 1..self.paras.len())
            .find(|&j| self.furniture[j].is_none())
            .map(|j| self.paras[j].text.as_str())
    }
}

#[cfg(test)]
mod tests;
