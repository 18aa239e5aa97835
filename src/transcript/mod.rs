//! Raw transcript text → [`Transcript`]: title, date, roster and speaker turns.
//!
//! The parser works in passes over the document's paragraphs, each with one
//! job, each in its own module:
//!
//! 1. [`text`]: normalise spacing and markup, take out running page headers
//!    and page numbers, unwrap hard-wrapped lines.
//! 2. [`furniture`]: mark what nobody said (breadcrumbs, pagination, credits,
//!    editors' notes, related links, times of day, end markers).
//! 3. The header: [`roster`] blocks, people named under the title,
//!    `Date:` lines and datelines ([`date`]), the title ([`title`] also
//!    reads the people it names). Place lines and notes are left out.
//! 4. [`label`]: find turn labels and weigh the evidence for each, using
//!    what the document and the corpus know about people ([`people`]).
//! 5. Turns: resolve each label to a speaker and role — [`people`] for
//!    persons and offices (document first, then the corpus registry, with
//!    [`name`] for name forms), [`handoff`] for reporters called on by
//!    outlet; unlabelled paragraphs continue the current speaker, stage
//!    directions stay in the text; after the closing time nothing is
//!    speech. Roles follow from labels, rosters and titles, and from
//!    behaviour (who only calls on reporters, who mostly asks). A document
//!    with no labels is a speech by the host its title names, or a news
//!    report: [`reported`] attributes quoted paragraphs to the person quoted
//!    and leaves the rest as narration.
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

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use people::{KnownPerson, Probe};
pub use roster::RosterEntry;
pub use text::Paragraph;

use date::FoundDate;
use label::{Candidate, LabelKind};
use people::{DocPerson, People, Source};

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

/// What the header scan made of one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Header {
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

/// The rank of a date given by a metadata key (lower wins), if the key
/// gives a date: the day a briefing was held or delivered before the day
/// a page was published or updated. 时间 ("time") is how Chinese pages give
/// a briefing's date.
fn date_key_rank(key: &str) -> Option<u8> {
    match key {
        "date" | "dates" | "delivered on" | "时间" | "日期" => Some(0),
        "published" | "first published" | "posted" | "updated" | "last updated" | "发布时间" => {
            Some(1)
        }
        _ => None,
    }
}

/// A date found somewhere, with the rule's rank (lower wins; the first
/// found wins among equals) and name.
struct DateClue {
    rank: u8,
    found: FoundDate,
    /// For `03/04/2024`, the other reading; resolved by the document's
    /// convention only when this clue wins.
    order: date::Order,
    rule: &'static str,
}

impl DateClue {
    /// The first date written in `t`, as a clue of `rank` found by `rule`.
    /// Every rule that dates a document goes through here, so that a clue
    /// always keeps the other reading of an ambiguous date (`03/04/2024`)
    /// for [`Parser::resolve_date`] to settle.
    fn first_in(t: &str, rank: u8, rule: &'static str) -> Option<DateClue> {
        date::find_dates(t).first().map(|sp| DateClue {
            rank,
            found: sp.date,
            order: sp.order,
            rule,
        })
    }
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

/// Whether a line that would be joined to the line above (the line above
/// was full, as hard-wrapped text is) opens something of its own: a label
/// in capitals or a `Q`, a label alone on its line, a date line, an end
/// marker or a time of day. A mixed-case `Name:` at the start of a wrapped
/// line is far more often the sentence going on ("… of the Daily / Caller:
/// Interior announced …").
fn starts_new(line: &str) -> bool {
    let first = line.chars().next().unwrap_or(' ');
    if (first.is_ascii_digit() || line.starts_with("END") || line.starts_with(['#', '(', '-', '*']))
        && furniture::reason(line).is_some()
    {
        return true;
    }
    if line.len() <= 60 && line.contains(|c: char| c.is_ascii_digit()) && date::is_date_line(line) {
        return true;
    }
    // Only a line that opens as a label can be one: a capital (or `Q`,
    // Han script, emphasis) first, and a colon or a full stop early on.
    let head = line.get(..line.len().min(80)).unwrap_or(line);
    let opens = first.is_uppercase() || name::is_cjk(first) || matches!(first, '*' | '_');
    if !opens || !(head.contains([':', '：', '.']) || line.starts_with(['Q', 'A'])) {
        return false;
    }
    let Some(c) = label::candidate(line) else {
        return false;
    };
    let capitals = !c.label.chars().any(char::is_lowercase);
    let confident = match c.kind {
        LabelKind::Named => label::score(&c, &label::Context::default()) >= label::ACCEPT,
        _ => !c.period,
    };
    confident && (capitals || c.rest.trim().is_empty())
}

/// Whether a paragraph is a stage direction: `(Laughter.)`, `[Applause]`,
/// `(Speaks in Spanish.)`, `（笑声）`. Kept in the text of the turn it
/// interrupts; never a speaker.
pub fn is_stage_direction(t: &str) -> bool {
    let t = t.trim().trim_matches(['*', '_', ' ']);
    let inner = t
        .strip_prefix('(')
        .and_then(|x| x.strip_suffix(')'))
        .or_else(|| t.strip_prefix('[').and_then(|x| x.strip_suffix(']')))
        .or_else(|| t.strip_prefix('（').and_then(|x| x.strip_suffix('）')));
    inner.is_some_and(|i| {
        !i.is_empty()
            && !i.contains(['(', ')', '[', ']'])
            && text::word_count(i) <= 12
            && date::find_dates(i).is_empty()
    })
}

/// A label's resolution, cached per distinct label in a document.
#[derive(Debug, Clone)]
struct Who {
    speaker: String,
    role: Role,
    title: Option<String>,
    /// The outlet or body the speaker speaks for, where the text says it.
    organisation: Option<String>,
    why: (String, String),
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

    /// Reads the header: rosters, people, metadata, dates, title
    /// candidates. Returns the index of the first paragraph that is speech
    /// (prose or a label).
    fn scan_header(&mut self) -> usize {
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
            if words <= 15 && (titled || !names_more_than_a_date(&t)) {
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
    fn honoured_person(&mut self, i: usize, t: &str) -> Option<DocPerson> {
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
    fn summary_above_metadata(&self, i: usize, t: &str) -> bool {
        text::word_count(t) <= 60
            && !self.header[..i].contains(&Some(Header::Summary))
            && self.next_text(i).is_some_and(|n| {
                label::page_metadata(&text::collapse_spaces(n))
                    .is_some_and(|(key, _)| label::value_on_next_line(&key))
            })
    }

    /// Chooses the title among the header's lines before `body_start`;
    /// returns its paragraph.
    fn choose_title(&mut self, body_start: usize) -> Option<usize> {
        let found = (0..body_start)
            .filter(|&i| self.header[i] == Some(Header::Other))
            .map(|i| (i, text::collapse_spaces(&self.paras[i].text)))
            .find(|(_, t)| (3..=60).contains(&text::word_count(t)));
        self.title = found.as_ref().map(|(_, t)| t.clone());
        self.title_line = found.as_ref().map(|&(i, _)| self.paras[i].line);
        found.map(|(i, _)| i)
    }

    fn add_title_date(&mut self) {
        if let Some(title) = &self.title {
            self.dates
                .extend(DateClue::first_in(title, 3, "date in the title"));
        }
    }

    /// People the document names: its roster, its header, its title.
    fn collect_people(&mut self) {
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
    }

    /// Finds accepted labels: `labels[i]` is the candidate opening paragraph
    /// `i`, if it is read as a label.
    fn find_labels(&mut self) -> Vec<Option<Candidate<'a>>> {
        let n = self.paras.len();
        let mut cands: Vec<Option<Candidate<'a>>> = vec![None; n];
        let mut counts: HashMap<String, usize> = HashMap::new();
        let mut period_counts: HashMap<String, usize> = HashMap::new();
        let mut capital_titles = 0;
        // Candidates that are a name in capitals alone, without a colon.
        let mut alone = vec![false; n];
        for (i, slot) in cands.iter_mut().enumerate() {
            if self.furniture[i].is_some()
                || matches!(
                    self.header[i],
                    Some(
                        Header::Roster
                            | Header::Person
                            | Header::Metadata
                            | Header::Date
                            | Header::Dateline
                    )
                )
            {
                continue;
            }
            let found = label::candidate(&self.paras[i].text).or_else(|| {
                let c = label::alone(&self.paras[i].text)?;
                alone[i] = true;
                Some(c)
            });
            if let Some(c) = found {
                let key = label::family(c.label);
                if c.period {
                    *period_counts.entry(key.clone()).or_default() += 1;
                }
                *counts.entry(key).or_default() += 1;
                if c.kind == LabelKind::Named
                    && !c.period
                    && !c.label.chars().any(char::is_lowercase)
                    && c.label.split_whitespace().any(name::is_title_word)
                {
                    capital_titles += 1;
                }
                *slot = Some(c);
            }
        }
        let period_style = period_counts.values().filter(|&&n| n >= 2).sum::<usize>() >= 3;
        // Names alone on their line are this document's labels when one
        // of them opens several turns, each followed by text.
        let text_after = |i: usize| {
            (i + 1..n)
                .find(|&j| self.furniture[j].is_none())
                .is_some_and(|j| cands[j].is_none())
        };
        let alone_style = (0..n).any(|i| {
            alone[i]
                && text_after(i)
                && cands[i].is_some_and(|c| {
                    c.kind == LabelKind::Named
                        && counts.get(&label::family(c.label)).copied().unwrap_or(0) >= 2
                        && name::looks_like_person(c.label)
                })
        });
        let mut out = vec![None; n];
        let mut known: HashMap<String, bool> = HashMap::new();
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
            let folded = name::fold(c.label);
            let known_name = c.kind == LabelKind::Named
                && *known.entry(folded.clone()).or_insert_with(|| {
                    // A name the document or the corpus knows, a label the
                    // corpus has seen, or an office the title's person
                    // holds ("Prime Minister:" under "Prime Minister
                    // Alistair Wren's statement").
                    let p = people::parts(c.label);
                    self.people.knows(&p.name)
                        || self.initials_holder(&p).is_some()
                        || self.people.known_alias(&folded)
                        || (p.name.is_empty()
                            && !p.office.is_empty()
                            && self.people.office_holder(&p, &[]).is_some())
                });
            let ctx = label::Context {
                known_name,
                occurrences: counts.get(&label::family(c.label)).copied().unwrap_or(0),
                capitals_style: capital_titles >= 2,
                question_follows: follows.contains('?') || follows.contains('？'),
                period_style,
            };
            // A line alone without a colon is a label only in a document
            // written so, before text, and when its name recurs, is known,
            // or asks a question (a reporter who asks once); a role word
            // (`MODERATOR`, `QUESTION`) in such a document. Headings
            // (`OPENING REMARKS`) meet none of these.
            let alone_ok = !alone[i]
                || (alone_style
                    && text_after(i)
                    && match c.kind {
                        LabelKind::Named => {
                            ctx.known_name
                                || (name::looks_like_person(c.label)
                                    && (ctx.occurrences >= 2 || ctx.question_follows))
                        }
                        _ => true,
                    });
            if alone_ok && label::score(&c, &ctx) >= label::ACCEPT {
                out[i] = Some(c);
            }
        }
        self.anonymous_reporters = out.iter().flatten().any(|c| c.kind == LabelKind::Reporter);
        out
    }

    fn next_text(&self, i: usize) -> Option<&'a str> {
        (i + 1..self.paras.len())
            .find(|&j| self.furniture[j].is_none())
            .map(|j| self.paras[j].text.as_str())
    }

    fn labelled_turns(&mut self, body_start: usize, labels: &[Option<Candidate<'a>>]) -> Vec<Turn> {
        let mut turns: Vec<Turn> = Vec::new();
        let mut after_time = false;
        for i in body_start..self.paras.len() {
            if let Some(reason) = self.furniture[i] {
                self.skip(i, reason);
                after_time = reason == "time of day";
                continue;
            }
            let p = &self.paras[i];
            // A second session's header: "9:54 P.M. CEST" then "NATO
            // Headquarters", "Brussels, Belgium".
            if after_time
                && labels[i].is_none()
                && text::rough_word_count(&p.text) <= 6
                && !ends_sentence(&p.text)
                && !p.text.trim_end().ends_with(['—', '-', ',', ';', ':'])
            {
                self.skip(i, "header line (place, venue, note)");
                continue;
            }
            after_time = false;
            if let Some(c) = labels[i] {
                // A moderator's hand-off names the outlet of the next
                // question: "we'll go to Dana Ortiz at Harbour Radio".
                // A moderator may only name them: "Dana Ortiz, Harbour Radio."
                let outlet = match turns.last() {
                    Some(prev) if prev.role != Role::Journalist => {
                        prev.paragraphs.last().and_then(|last| {
                            handoff::outlet(&last.text).or_else(|| {
                                (prev.role == Role::Moderator)
                                    .then(|| handoff::self_identified(&last.text))
                                    .flatten()
                                    .map(|(_, o)| o)
                            })
                        })
                    }
                    _ => None,
                };
                let first_turn = turns.iter().all(|t| t.label.is_none());
                let mut turn = self.resolve(&c, i, labels, outlet, first_turn);
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
            if is_stage_direction(&p.text) {
                match turns.last_mut().and_then(|t| t.paragraphs.last_mut()) {
                    Some(last) => {
                        last.text.push(' ');
                        last.text.push_str(p.text.trim());
                    }
                    None => self.skip(i, "stage direction"),
                }
                continue;
            }
            if is_byline(&p.text) {
                self.skip(i, "byline or heading");
                continue;
            }
            match turns.last_mut() {
                Some(t) => t.paragraphs.push(p.clone()),
                None => {
                    let t = self.opening_turn(p.clone(), labels);
                    turns.push(t);
                }
            }
        }
        turns
    }

    /// The turn for paragraphs before the first label: the host's when the
    /// title names one; else the spokesperson's office when the document
    /// labels one ("Spokesman:" in a briefing "by the Office of the
    /// Spokesperson"); else narration.
    fn opening_turn(&mut self, p: Paragraph, labels: &[Option<Candidate<'_>>]) -> Turn {
        if self.people.host().is_none() {
            let office = labels.iter().flatten().find(|c| {
                let parts = people::parts(c.label);
                c.kind == LabelKind::Named && parts.name.is_empty() && runs_briefings(&parts)
            });
            if let Some(c) = office {
                let who = self.named(c, false);
                return Turn {
                    speaker: who.speaker,
                    label: None,
                    role: who.role,
                    speaker_title: who.title,
                    organisation: None,
                    paragraphs: vec![p],
                    why: Why {
                        speaker:
                            "before the first label: the spokesperson's office the document labels"
                                .into(),
                        role: who.why.1,
                        ..Why::default()
                    },
                };
            }
        }
        self.opening_host_turn(p)
    }

    fn opening_host_turn(&self, p: Paragraph) -> Turn {
        let host = self.people.host();
        // A summary that speaks of the host is the publisher's, not theirs.
        if let Some(named) =
            host.and_then(|h| intro::speaks_of_host(&p.text, &h.name, h.title.as_deref()))
        {
            return Turn {
                speaker: "Narration".into(),
                label: None,
                role: Role::Narration,
                speaker_title: None,
                organisation: None,
                paragraphs: vec![p],
                why: Why {
                    speaker: format!(
                        "before the first label: speaks of the host in the third person (\"{named}\")"
                    ),
                    role: "nobody is speaking".into(),
                    ..Why::default()
                },
            };
        }
        match host {
            Some(h) => {
                let r = self.people.upgrade(people::Resolved {
                    name: h.name.clone(),
                    title: h.title.clone(),
                    role: h.role,
                    rule: String::new(),
                });
                Turn {
                    speaker: r.name,
                    label: None,
                    role: r.role.unwrap_or(Role::Official),
                    speaker_title: r.title,
                    organisation: None,
                    paragraphs: vec![p],
                    why: Why {
                        speaker: "before the first label: the host the title names".into(),
                        role: if r.role == Some(Role::Moderator) {
                            "the title names them as the briefing's host".into()
                        } else {
                            "named in the title".into()
                        },
                        ..Why::default()
                    },
                }
            }
            None => Turn {
                speaker: "Narration".into(),
                label: None,
                role: Role::Narration,
                speaker_title: None,
                organisation: None,
                paragraphs: vec![p],
                why: Why {
                    speaker: "before the first label, no host in the title".into(),
                    role: "nobody is speaking".into(),
                    ..Why::default()
                },
            },
        }
    }

    /// Whether the turn a label opens reads as a question.
    fn asks(&self, c: &Candidate<'_>, i: usize, labels: &[Option<Candidate<'_>>]) -> bool {
        if c.rest.contains('?') || c.rest.contains('？') {
            return true;
        }
        (i + 1..self.paras.len())
            .take_while(|&j| labels[j].is_none())
            .take(3)
            .any(|j| self.paras[j].text.contains('?') || self.paras[j].text.contains('？'))
    }

    /// Speaker, role and title for a label.
    fn resolve(
        &mut self,
        c: &Candidate<'_>,
        i: usize,
        labels: &[Option<Candidate<'_>>],
        outlet: Option<String>,
        first_turn: bool,
    ) -> Turn {
        let written = text::collapse_spaces(c.label);
        let who = match c.kind {
            LabelKind::Reporter => self.reporter(c, i, outlet),
            LabelKind::Named => {
                // The same label resolves the same way throughout a
                // document, except that asking depends on the turn.
                let asks = self.asks(c, i, labels) && !first_turn;
                let key = format!("{}\u{0}{asks}", name::fold(c.label));
                match self.cache.get(&key) {
                    Some(w) => w.clone(),
                    None => {
                        let w = self.named(c, asks);
                        self.cache.insert(key, w.clone());
                        w
                    }
                }
            }
            LabelKind::Answer => self.answer(),
            // `CHAIR:` is also an office: the chair the title or header
            // names with that office ("Chair Luz Alvarez's Press
            // Conference") holds it, and answers.
            LabelKind::Moderator if self.chair_holder(c).is_some() => {
                self.chair_holder(c).unwrap_or_else(|| self.named(c, false))
            }
            LabelKind::Moderator => match self.people.chair() {
                Some(one) => Who {
                    speaker: one.name.clone(),
                    role: Role::Moderator,
                    title: one.title.clone(),
                    organisation: None,
                    why: (
                        "moderator's label: the chair the document names".into(),
                        "chairs".into(),
                    ),
                },
                // The role word as written (`HOST`, `Presenter`), unless
                // it is a typing error of one (`MODEARTOR`).
                None => Who {
                    speaker: if label::MODERATOR_WORDS.contains(&name::fold(c.label).as_str())
                        && c.label.is_ascii()
                    {
                        name::display_person(c.label.trim())
                    } else {
                        "Moderator".into()
                    },
                    role: Role::Moderator,
                    title: None,
                    organisation: None,
                    why: ("moderator's label".into(), "chairs".into()),
                },
            },
            LabelKind::Interpreter => Who {
                speaker: "Interpreter".into(),
                role: Role::Official,
                title: None,
                organisation: None,
                why: (
                    "interpreter's label".into(),
                    "speaks for an official".into(),
                ),
            },
        };
        let mut why_speaker = who.why.0;
        if let Some(line) = self.named_at.get(&name::fold(&who.speaker)) {
            // After a colon, so that the rule's name (what comes before
            // it) stays one name across documents.
            if !why_speaker.contains("line ") {
                let sep = if why_speaker.contains(':') { ";" } else { ":" };
                why_speaker.push_str(&format!("{sep} {} named on line {line}", who.speaker));
            }
        }
        // An official's body, where their title names one ("Foreign
        // Ministry Spokesperson").
        let organisation = who.organisation.or_else(|| {
            (who.role != Role::Journalist)
                .then(|| who.title.as_deref().and_then(office::organisation_of_title))
                .flatten()
        });
        Turn {
            speaker: who.speaker,
            label: Some(written),
            role: who.role,
            speaker_title: who.title,
            organisation,
            paragraphs: Vec::new(),
            why: Why {
                speaker: why_speaker,
                role: who.why.1,
                ..Why::default()
            },
        }
    }

    /// A chair's label (`CHAIR:`, `CHAIRMAN:`) that the document's people
    /// resolve as an office: somebody named with that office holds it.
    fn chair_holder(&self, c: &Candidate<'_>) -> Option<Who> {
        let p = people::parts(c.label);
        if !p.name.is_empty() || !p.office.iter().any(|w| w.starts_with("chair")) {
            return None;
        }
        let r = self.people.office_holder(&p, self.paras)?;
        Some(Who {
            speaker: r.name,
            role: r.role.unwrap_or(Role::Official),
            title: r.title,
            organisation: None,
            why: (r.rule, "holds the office the label names".into()),
        })
    }

    /// A reporter's label: the outlet when the label, the moderator's
    /// hand-off or the reporter's own introduction names it; else the
    /// reporter, when the label names them (`Question from Sam Idris`).
    fn reporter(&self, c: &Candidate<'_>, i: usize, outlet: Option<String>) -> Who {
        let is_outlet = |a: &str| name::looks_like_outlet(a) || name::is_acronym(a);
        // "Question from Hannah Clarke, Harbour News", "Question from the
        // BBC": the outlet is the last part.
        let asker = label::asked_by(c.label);
        let asker_outlet = asker.and_then(|who| {
            let last = who.rsplit([',', '，']).next().unwrap_or(who).trim();
            let last = last.strip_prefix("the ").unwrap_or(last);
            is_outlet(last).then(|| last.to_string())
        });
        let aside = people::parts(c.label)
            .aside
            .filter(|a| is_outlet(a))
            .or(asker_outlet);
        let intro = || {
            let opening = if c.rest.trim().is_empty() {
                self.next_text(i).unwrap_or("")
            } else {
                c.rest
            };
            handoff::self_identified(opening)
        };
        // The outlet, where one is known, is both the speaker (the gold's
        // convention for anonymous questions) and the organisation.
        let (speaker, organisation, why) = match (aside, outlet) {
            (Some(o), _) => (o.clone(), Some(o), "reporter's label names the outlet"),
            (None, Some(o)) => (
                o.clone(),
                Some(o),
                "reporter called on by outlet in the previous turn",
            ),
            (None, None) => match (intro(), asker.filter(|a| name::looks_like_person(a))) {
                (Some((_, o)), _) => (o.clone(), Some(o), "the reporter names their outlet"),
                (None, Some(who)) => (who.to_string(), None, "reporter's label names them"),
                (None, None) => (
                    "Reporter".to_string(),
                    None,
                    "reporter's label, outlet unknown",
                ),
            },
        };
        Who {
            speaker,
            role: Role::Journalist,
            title: None,
            organisation,
            why: (why.into(), "asks the question".into()),
        }
    }

    /// An anonymous answer: the spokesperson the title names, else the
    /// host the document names.
    fn answer(&self) -> Who {
        match self.people.answerer() {
            Some(h) => {
                let r = self.people.upgrade(people::Resolved {
                    name: h.name.clone(),
                    title: h.title.clone(),
                    role: h.role,
                    rule: String::new(),
                });
                Who {
                    speaker: r.name,
                    role: r.role.unwrap_or(Role::Official),
                    title: r.title,
                    organisation: None,
                    why: (
                        format!(
                            "anonymous answer: the spokesperson the {} names",
                            match h.source {
                                Source::Roster => "roster",
                                Source::Header => "header",
                                _ => "title",
                            }
                        ),
                        if r.role == Some(Role::Moderator) {
                            "answers; runs the briefing".into()
                        } else {
                            "answers".into()
                        },
                    ),
                }
            }
            None => Who {
                speaker: "Official".into(),
                role: Role::Official,
                title: None,
                organisation: None,
                why: ("anonymous answer, nobody named".into(), "answers".into()),
            },
        }
    }

    /// A label that names somebody: a person, an office, or an outlet.
    fn named(&self, c: &Candidate<'_>, asks: bool) -> Who {
        let p = people::parts(c.label);
        let role_of = |r: &people::Resolved| match r.role {
            Some(Role::Moderator) => (Role::Moderator, "chairs, by the document or the corpus"),
            Some(role) => (role, "the roster gives the role"),
            None => (Role::Official, "a person answering"),
        };
        if let Some(aside) = p.aside.as_deref().filter(|a| name::looks_like_outlet(a)) {
            return Who {
                speaker: aside.to_string(),
                role: Role::Journalist,
                title: None,
                organisation: Some(aside.to_string()),
                why: (
                    "label names an outlet in parentheses".into(),
                    "asks for that outlet".into(),
                ),
            };
        }
        let head = c.label.split(['(', '（']).next().unwrap_or(c.label).trim();
        // "Hannah Clarke, Harbour News": a reporter and the outlet asking.
        if let Some((who, outlet)) = head.split_once(',') {
            let outlet = outlet.trim();
            if name::looks_like_outlet(outlet) && name::looks_like_person(who.trim()) {
                return Who {
                    speaker: outlet.to_string(),
                    role: Role::Journalist,
                    title: None,
                    organisation: Some(outlet.to_string()),
                    why: (
                        "label names a reporter and their outlet".into(),
                        "asks for that outlet".into(),
                    ),
                };
            }
        }
        // Initials the document's people have (`TH:` for Tom Hargreaves),
        // before the outlet test, to which short capitals look alike.
        if let Some((d, by)) = self.initials_holder(&p) {
            let what = match by {
                office::By::Name => "a name",
                office::By::Office => "an office",
            };
            let r = self.people.upgrade(people::Resolved {
                name: d.name.clone(),
                title: d.title.clone(),
                role: d.role,
                rule: format!(
                    "label is the initials of {what}: {} for {} ({}), named in the {}",
                    c.label.trim(),
                    d.name,
                    d.title.as_deref().unwrap_or("no title"),
                    match d.source {
                        Source::Roster => "roster",
                        Source::Title => "title",
                        _ => "header",
                    }
                ),
            });
            let (role, why) = role_of(&r);
            return Who {
                speaker: r.name,
                role,
                title: r.title,
                organisation: None,
                why: (r.rule, why.into()),
            };
        }
        // A single word in capitals looks like an acronym (`CCTV`), and
        // like a surname (`ILUNGA`): only one that asks, or that has an
        // outlet's word, is taken for an outlet.
        let acronym_only = !head.contains(' ') && name::is_acronym(head);
        if !p.name.is_empty()
            && p.honorific.is_none()
            && !p.the
            && name::looks_like_outlet(head)
            && !name::looks_like_person(head)
            && (asks || !acronym_only || c.rest.contains(['?', '？']))
        {
            // "Economic Daily", "Phoenix TV", "Reuters".
            return Who {
                speaker: name::display_case(head),
                role: Role::Journalist,
                title: None,
                organisation: Some(name::display_case(head)),
                why: ("outlet label".into(), "a media outlet asking".into()),
            };
        }
        if p.name.is_empty() {
            // An office: "THE PRESIDENT", "SENIOR ADMINISTRATION OFFICIAL".
            // The document before the corpus: who the text says holds the
            // office wins over the corpus's holder.
            let joined = || {
                let paras = self.paras.iter().map(|x| (x.text.as_str(), x.line));
                office::joined_holder(paras, &p.office)
            };
            if let Some(r) = self
                .people
                .office_holder(&p, self.paras)
                .filter(|r| !r.rule.contains("across the corpus") || joined().is_none())
            {
                let (role, why) = role_of(&r);
                return Who {
                    speaker: r.name,
                    role,
                    title: r.title,
                    organisation: None,
                    why: (r.rule, why.into()),
                };
            }
            // "I'm joined by the Treasurer, Jim Park": the text names the
            // holder, where the header did not.
            if let Some((holder, line)) = joined() {
                return Who {
                    speaker: holder.clone(),
                    role: Role::Official,
                    title: Some(p.office_display()),
                    organisation: None,
                    why: (
                        format!(
                            "office label: the text names its holder, {holder} ({}), on line {line}",
                            p.office_display()
                        ),
                        "a person answering".into(),
                    ),
                };
            }
            if runs_briefings(&p) {
                return Who {
                    speaker: p.office_display(),
                    role: Role::Moderator,
                    title: None,
                    organisation: None,
                    why: (
                        "office label, nobody named in it".into(),
                        "a spokesperson's office runs the briefing".into(),
                    ),
                };
            }
            return Who {
                speaker: p.office_display(),
                role: Role::Official,
                title: None,
                organisation: None,
                why: (
                    "office label, nobody named in it".into(),
                    "an office answering".into(),
                ),
            };
        }
        if let Some(r) = self.people.resolve_name(&p, self.paras) {
            let (role, why) = role_of(&r);
            let title = r.title.or_else(|| {
                let o = p.office_display();
                (!o.is_empty()).then_some(o)
            });
            return Who {
                speaker: r.name,
                role,
                title,
                organisation: None,
                why: (r.rule, why.into()),
            };
        }
        let speaker = p.name_display();
        let title = (!p.office.is_empty()).then(|| p.office_display());
        let bare = p.honorific.is_none() && p.office.is_empty();
        // Somebody the document does not name, asking a question: a
        // reporter, where reporters are not all labelled Q, or where the
        // document lists who is on the podium.
        let named_podium = !self.roster.is_empty() || !self.people.is_empty();
        if asks && bare && (!self.anonymous_reporters || !self.roster.is_empty() || named_podium) {
            // The outlet, when the label or the reporter names it ("Dev
            // Patil, Harbour Wire. My question …").
            let outlet = p
                .aside
                .clone()
                .or_else(|| handoff::self_identified(c.rest).map(|(_, o)| o));
            return Who {
                speaker,
                role: Role::Journalist,
                title: None,
                organisation: outlet,
                why: (
                    "label as written: nobody the document names".into(),
                    "asks a question".into(),
                ),
            };
        }
        Who {
            speaker,
            role: Role::Official,
            title,
            organisation: None,
            why: ("label as written".into(), "a person answering".into()),
        }
    }

    /// The one person the document names whose initials, or whose
    /// office's, a short label in capitals is (`TH:`, `DPM:`; see
    /// [`office::by_initials`]). A label that is also a name the document
    /// knows (`LEE:` for Li Ee?) is read as the name first, by the caller.
    fn initials_holder(&self, p: &people::LabelParts) -> Option<(DocPerson, office::By)> {
        if !p.office.is_empty() || p.honorific.is_some() || p.the || self.people.knows(&p.name) {
            return None;
        }
        let doc: Vec<&DocPerson> = self
            .people
            .document()
            .filter(|d| d.source != Source::Mention)
            .collect();
        office::by_initials(&p.name, doc.iter().copied()).map(|(d, by)| (d.clone(), by))
    }

    /// Turns of a document without labels: the host's remarks when the title
    /// names a host, else a news report attributed by reported speech.
    fn unlabelled_turns(&mut self, body_start: usize) -> Vec<Turn> {
        let host = self.people.host().map(|h| {
            self.people.upgrade(people::Resolved {
                name: h.name.clone(),
                title: h.title.clone(),
                role: h.role,
                rule: String::new(),
            })
        });
        let mut turns: Vec<Turn> = Vec::new();
        let mut last_quoted: Option<String> = None;
        // Everyone the report has named in full so far, for surnames alone.
        let mut named: Vec<String> = Vec::new();
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
            if is_stage_direction(&p.text) {
                if let Some(last) = turns.last_mut().and_then(|t| t.paragraphs.last_mut()) {
                    last.text.push(' ');
                    last.text.push_str(p.text.trim());
                    continue;
                }
            }
            if host.is_none() {
                // Each person once, the latest named last (as `by_surname`
                // wants): a long report names the same people again and
                // again, and is searched once per paragraph.
                for n in reported::mentioned(&p.text) {
                    named.retain(|m| m != &n);
                    named.push(n);
                }
            }
            let (speaker, role, title, why) = match &host {
                Some(h) => (
                    h.name.clone(),
                    h.role.unwrap_or(Role::Official),
                    h.title.clone(),
                    Why {
                        speaker: "no labels: the remarks of the person the title names".into(),
                        role: "named in the title".into(),
                        ..Why::default()
                    },
                ),
                None => {
                    let attribution = reported::attribute_in(&p.text, &named);
                    let quoted = match attribution {
                        reported::Attribution::Quoted(who) => {
                            Some((who, "news report: the paragraph quotes this person"))
                        }
                        reported::Attribution::Surname(who) => Some((
                            who,
                            "news report: the paragraph quotes by surname a person the report named",
                        )),
                        reported::Attribution::SamePerson => last_quoted.clone().map(|who| {
                            (who, "news report: a pronoun refers to the person quoted last")
                        }),
                        reported::Attribution::Narration => None,
                    };
                    match quoted {
                        Some((who, rule)) => {
                            let p = people::parts(&who);
                            let who = self.people.resolve_name(&p, &[]).map_or(who, |r| r.name);
                            last_quoted = Some(who.clone());
                            (
                                who,
                                Role::Official,
                                None,
                                Why {
                                    speaker: rule.into(),
                                    role: "quoted speaker".into(),
                                    ..Why::default()
                                },
                            )
                        }
                        None => (
                            "Narration".to_string(),
                            Role::Narration,
                            None,
                            Why {
                                speaker: "news report: nobody is quoted".into(),
                                role: "the reporter's own words".into(),
                                ..Why::default()
                            },
                        ),
                    }
                }
            };
            match turns.last_mut() {
                Some(t) if t.speaker == speaker && t.role == role => t.paragraphs.push(p),
                _ => turns.push(Turn {
                    speaker,
                    label: None,
                    role,
                    speaker_title: title,
                    organisation: None,
                    paragraphs: vec![p],
                    why,
                }),
            }
        }
        turns
    }

    /// The briefing's own date: the best-ranked clue with a year (the
    /// first among equals). A year-less clue takes the year only when the
    /// header (or the page around it) gives exactly one.
    fn resolve_date(&mut self, body_start: usize) -> (Option<Date>, String) {
        // A dateline opening the first paragraph of the text
        // ("HARBOUR CITY, March 28 (Wire) --").
        if let Some(i) = (body_start..self.paras.len()).find(|&i| self.furniture[i].is_none()) {
            let t = &self.paras[i].text;
            let head: String = t.chars().take(100).collect();
            self.dates.extend(DateClue::first_in(
                &head,
                4,
                "dateline of the first paragraph",
            ));
        }
        self.dates.sort_by_key(|d| d.rank);
        if let Some((date, order, rule)) = self.dates.iter().find_map(|d| match d.found {
            FoundDate::Full(date) => Some((date, d.order, d.rule)),
            FoundDate::NoYear { .. } => None,
        }) {
            if let date::Order::Either { day_first, dotted } = order {
                let texts = self.paras.iter().map(|p| p.text.as_str());
                let (date, how) = date::read_either(date, day_first, dotted, texts);
                return (
                    Some(date),
                    format!("{rule}; day and month ambiguous, {how}"),
                );
            }
            return (Some(date), rule.to_string());
        }
        if let Some((month, day)) = self.dates.iter().find_map(|d| match d.found {
            FoundDate::NoYear { month, day } => Some((month, day)),
            FoundDate::Full(_) => None,
        }) {
            if let Some(year) = self.header_year(body_start) {
                if let Ok(date) = Date::new(year, month, day) {
                    return (
                        Some(date),
                        "year-less date, the year from elsewhere in the document".into(),
                    );
                }
            }
            if let Some(date) = self.knowledge.fallback_date {
                return (Some(date), "--date (the text's date has no year)".into());
            }
            self.warnings.push(format!(
                "date without a year ({} {day}): date left unknown; pass --date YYYY-MM-DD to set it",
                date::month_name(month)
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

    /// The single year the document's header and page furniture write
    /// (title, datelines, a copyright line), if exactly one.
    fn header_year(&self, body_start: usize) -> Option<i16> {
        let mut years: Vec<i16> = (0..self.paras.len())
            .filter(|&i| i < body_start || self.furniture[i].is_some())
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

/// Whether an office label names the one who runs a briefing: a
/// spokesperson or a press secretary (not "NSC Spokesperson", a guest from
/// another body, whose office is qualified).
fn runs_briefings(p: &people::LabelParts) -> bool {
    let words: Vec<&str> = p
        .office
        .iter()
        .map(String::as_str)
        .filter(|w| *w != "the")
        .collect();
    matches!(
        words.as_slice(),
        ["spokesperson" | "spokesman" | "spokeswoman"] | ["press", "secretary"]
    )
}

/// A person named under the title with their office, as State Department
/// and similar transcripts print the briefer: `Dana Ortiz, Department
/// Spokesperson`, `Kofi Mensah — Deputy Governor`.
fn header_person(t: &str) -> Option<DocPerson> {
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
fn names_more_than_a_date(t: &str) -> bool {
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
fn is_prose(t: &str) -> bool {
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
fn ends_sentence(t: &str) -> bool {
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
fn has_sentence_break(t: &str) -> bool {
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

/// A lone name or short heading between paragraphs of a report: a byline,
/// not speech.
fn is_byline(t: &str) -> bool {
    let t = t.trim();
    t.len() <= 80
        && text::word_count(t) <= 4
        && !t.ends_with(['.', '?', '!', ')', '"', '\u{201d}', ':'])
        && !t.contains(['.', ',', '\'', '\u{2019}', '—'])
        && !t.contains(|c: char| c.is_ascii_digit())
        && name::looks_like_person(t)
}

#[cfg(test)]
mod tests;
