//! Turn labels: the `Name:` that opens a speaker's turn.
//!
//! # Grammar
//!
//! A label opens a paragraph and takes one of these forms:
//!
//! | form | examples |
//! |---|---|
//! | name and colon | `Anna Lindqvist:`, `MS. PSAKI:`, `Spokesperson Wang Wenbin:`, `王文斌：` |
//! | title and name | `SECRETARY KERRY:`, `ACTING ADMINISTRATOR SLAVITT:`, `THE PRESIDENT:` |
//! | an office without a name | `SENIOR ADMINISTRATION OFFICIAL:`, `NSC SPOKESPERSON:` |
//! | an outlet | `Reuters:`, `Phoenix TV:`, `CCTV:`, `Dana Ortiz (Harbour Radio):` |
//! | capitals and a full stop | `CHAIR POWELL. Good afternoon.`, `MR. SULLIVAN.  Yeah.` |
//! | reporter's question | `Q`, `Q:`, `Q.`, `Q (Reuters):`, `QUESTION:`, `Follow-up:`, `问：` |
//! | anonymous answer | `A:`, `A` and two spaces, `ANSWER:`, `答：` |
//! | role words | `MODERATOR:`, `Host:`, `OPERATOR:`, `INTERPRETER:` |
//!
//! The text of the turn follows on the same line or starts on the next one.
//! Non-breaking spaces (`MR.\u{a0} ZIENTS:`, `Q\u{a0}\u{a0} Thanks`) are
//! spaces by the time this module sees the text; editor markup glued to a
//! label (`_ueditor_page_break_tag_Name:`) is gone, and Markdown emphasis
//! around one (`**Name:**`) is read through. Typing errors in capitals are
//! tolerated where the word is long enough to be recognised: `MODEARTOR:` is
//! a moderator, `THE PRESIDNET:` an office (see [`name::title_word_typo`]),
//! and a stray colon after an honorific (`MR: ZIENTS:`) belongs to the label.
//!
//! # Telling a label from a heading or a sentence
//!
//! `But here's the deal:`, `Missiles:`, `On Iran:` and `There are a few key
//! measures:` have the same shape as labels. [`candidate`] only checks the
//! shape; [`score`] weighs evidence for a speaker (titles and honorifics, a
//! name the roster, the title or the corpus knows, outlet words, the label
//! recurring in the document, capitals in a document whose labels are
//! capitals, a label alone on its line, a question after it) against
//! evidence for something else (lower-case words, sentence openers, metadata
//! keys such as `Date:`, a lower-case word or a quotation after the colon,
//! mixed case in a document whose labels are all capitals, a full stop in a
//! document that does not end its labels with one). The parser keeps
//! candidates that score [`ACCEPT`] or more. No list of names is involved:
//! the same rules read a White House briefing, a ministry's press
//! conference and a central bank's.

use std::sync::LazyLock;

use regex::Regex;

use super::name;

/// What kind of speaker a label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    /// A reporter's question with no name: `Q`, `QUESTION:`, `Follow-up:`.
    Reporter,
    /// An anonymous answer: `A:`, `ANSWER:`.
    Answer,
    /// A chair, host or operator named by role only: `MODERATOR:`.
    Moderator,
    /// An interpreter or translator speaking for somebody else.
    Interpreter,
    /// A person, an outlet, or an office (`SENIOR ADMINISTRATION OFFICIAL:`).
    Named,
}

/// A paragraph opening that has the shape of a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate<'a> {
    /// The label as written, without its colon ("MS. PSAKI").
    pub label: &'a str,
    /// The rest of the paragraph after the label (may be empty).
    pub rest: &'a str,
    pub kind: LabelKind,
    /// Whether the label ended with a full stop rather than a colon.
    pub period: bool,
}

/// Keys of `Key: value` metadata lines; never speakers.
const METADATA_KEYS: &[&str] = &[
    "date",
    "time",
    "dates",
    "location",
    "venue",
    "place",
    "source",
    "sources",
    "editor",
    "author",
    "by",
    "photo",
    "photos",
    "tags",
    "tag",
    "updated",
    "last updated",
    "published",
    "first published",
    "posted",
    "delivered on",
    // Government pages (gov.uk and its imitators): `From:` the department,
    // `Part of:` a collection.
    "from",
    "part of",
    "contact",
    "note",
    "notes",
    "nb",
    "subject",
    "topic",
    "topics",
    "attachment",
    "attachments",
    "link",
    "links",
    "related",
    "keywords",
    "category",
    "email",
    "e-mail",
    "tel",
    "phone",
    "fax",
    "website",
    "web",
    "address",
    "url",
    "translator",
    "transcript",
    "event",
    "language",
    "duration",
    "length",
    "format",
    "title",
    "summary",
    "description",
    "background",
    "update",
    "editor's note",
    "speakers",
    "chairperson",
    "participants",
    "panelists",
    "guests",
    "attendees",
    "agenda",
    "example",
    "examples",
    "warning",
    "disclaimer",
    "read more",
    "see also",
    "also",
    "via",
    "watch",
    "listen",
    "video",
    "audio",
    "share",
    "download",
    "file",
    "files",
    "slides",
    // Chinese pages: 时间 (time, the date of a briefing), 日期 (date), 发布时间
    // (published), 地点 (venue), 来源 (source), 编辑 (editor), 作者 (author).
    "时间",
    "日期",
    "发布时间",
    "地点",
    "来源",
    "编辑",
    "责任编辑",
    "作者",
];

/// Words that open sentences, not names: a colon after them ends a lead-in
/// ("But here's the deal:", "The question is:", "First:").
const SENTENCE_OPENERS: &[&str] = &[
    "a",
    "an",
    "and",
    "but",
    "so",
    "or",
    "nor",
    "yet",
    "here",
    "here's",
    "there",
    "there's",
    "this",
    "that",
    "these",
    "those",
    "it",
    "it's",
    "i",
    "i'm",
    "i'll",
    "we",
    "we're",
    "you",
    "he",
    "she",
    "they",
    "let",
    "let's",
    "my",
    "our",
    "your",
    "his",
    "their",
    "its",
    "what",
    "why",
    "how",
    "when",
    "where",
    "who",
    "which",
    "if",
    "as",
    "at",
    "in",
    "on",
    "for",
    "to",
    "from",
    "with",
    "by",
    "about",
    "after",
    "before",
    "since",
    "until",
    "while",
    "because",
    "although",
    "however",
    "also",
    "then",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "finally",
    "lastly",
    "next",
    "last",
    "one",
    "two",
    "three",
    "bottom",
    "key",
    "quote",
    "unquote",
    "please",
    "thanks",
    "thank",
    "yes",
    "no",
    "well",
    "look",
    "again",
    "meanwhile",
    "moreover",
    "furthermore",
    "specifically",
    "namely",
    "overall",
    "including",
    "said",
    "says",
    "step",
    "number",
    "point",
    "question",
    "answer",
    "update",
    "note",
    "all",
    "some",
    "many",
    "most",
    "every",
    "each",
    "both",
    "other",
    "another",
    "such",
    "more",
    "less",
];

/// Reads a `Key: value` metadata line (`Date: March 28, 2024`, `Venue:`),
/// returning the folded key and the value.
pub fn metadata(par: &str) -> Option<(String, &str)> {
    let (key, value) = par.split_once([':', '：'])?;
    let folded = name::fold(key);
    (folded.split(' ').count() <= 3 && METADATA_KEYS.contains(&folded.as_str()))
        .then(|| (folded, value.trim()))
}

/// Keys that web pages print alone on their line, the value on the next
/// one, often without a colon (`Published` / `3 March 2025`, `From:` /
/// the department): the keys of a page's metadata block.
const PAGE_KEYS: &[&str] = &[
    "from",
    "published",
    "first published",
    "last updated",
    "updated",
    "delivered on",
    "posted",
    "date",
    "location",
    "venue",
    "place",
    "part of",
    "source",
    "时间",
    "日期",
    "发布时间",
    "地点",
    "来源",
];

/// Reads a line of a page's metadata block: `Key: value`, a page key alone
/// (`Published`, `From:`: the value is the next line, returned empty), or
/// a page key and a date without a colon (`Published 3 March 2025`, `Last
/// updated 4 March 2025`). Only page keys ([`PAGE_KEYS`]) may go without
/// a colon, since only they are printed that way, and a key alone is a
/// key only when its value can follow on the next line.
pub fn page_metadata(par: &str) -> Option<(String, &str)> {
    let t = par.trim();
    let bare = t.trim_end_matches([':', '：']).trim_end();
    let folded = name::fold(bare);
    if PAGE_KEYS.contains(&folded.as_str()) && bare.chars().count() <= 20 {
        return Some((folded, ""));
    }
    if let Some(found) = metadata(t) {
        return Some(found);
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    (1..=2.min(words.len())).find_map(|n| {
        let key = name::fold(&words[..n].join(" "));
        let value = t
            .splitn(n + 1, char::is_whitespace)
            .nth(n)
            .unwrap_or("")
            .trim();
        (PAGE_KEYS.contains(&key.as_str())
            && key.is_ascii()
            && words[0].starts_with(char::is_uppercase)
            && super::date::is_date_line(value))
        .then_some((key, value))
    })
}

/// Whether a page key alone on its line has its value on the next line
/// (`From:` / `Prime Minister's Office`); other keys alone (`Notes:`)
/// head whatever follows.
pub fn value_on_next_line(key: &str) -> bool {
    PAGE_KEYS.contains(&key)
}

/// Minimum evidence score for a [`LabelKind::Named`] candidate to be read as
/// a label.
pub const ACCEPT: i32 = 3;

static COLON_LABEL: LazyLock<LabelRegex> =
    LazyLock::new(|| LabelRegex::new(r"^([^:：\n]{1,70}?)\s*[:：]\s*", Tail::Any));
static PERIOD_LABEL: LazyLock<LabelRegex> = LazyLock::new(|| {
    LabelRegex::new(
        r"^((?:[A-Z][A-Z'’\-]*\.?\s+){0,4}[A-Z][A-Z'’\-]+)\.\s+",
        Tail::NonBlank,
    )
});
static BARE_QA: LazyLock<LabelRegex> =
    LazyLock::new(|| LabelRegex::new(r"^(Q|A)(?:\s*([.:])\s*|(\s+))", Tail::NonBlank));
/// `MR: ZIENTS:`: an honorific, a stray colon, then the name and the colon.
static STRAY_COLON: LazyLock<LabelRegex> = LazyLock::new(|| {
    LabelRegex::new(
        r"^((?i:mr|ms|mrs|dr)\.?\s*:\s*[A-Z][A-Z'’\-]+(?:\s+[A-Z][A-Z'’\-]+)?)\s*:\s*",
        Tail::Any,
    )
});

/// What a label pattern's last group takes: the rest of the paragraph
/// (`(.*)$`), or the rest from its first non-blank character (`(\S.*)$`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tail {
    Any,
    NonBlank,
}

/// A label pattern: `head`, then a last group taking the rest of the
/// paragraph (see [`Tail`]).
///
/// The whole pattern has to run over the whole paragraph to reach `$`,
/// and paragraphs are long; the head alone stops within the first few
/// dozen characters. Without a line break in the text (`.` stops at one;
/// paragraphs have none), the rest group matches whatever follows any
/// head match, so the head's first match, when its rest fits the tail, is
/// the whole pattern's first match, with the same groups. Otherwise (a
/// line break, or a rest that does not fit) the whole pattern decides.
struct LabelRegex {
    head: Regex,
    full: Regex,
    tail: Tail,
}

impl LabelRegex {
    fn new(head: &str, tail: Tail) -> LabelRegex {
        let rest = match tail {
            Tail::Any => r"(.*)$",
            Tail::NonBlank => r"(\S.*)$",
        };
        LabelRegex {
            head: Regex::new(head).expect("static regex"),
            full: Regex::new(&format!("{head}{rest}")).expect("static regex"),
            tail,
        }
    }

    /// The groups the whole pattern captures in `text` (group 0 the whole
    /// match, the last the rest).
    fn captures<'h>(&self, text: &'h str) -> Option<Vec<Option<&'h str>>> {
        let groups = |c: regex::Captures<'h>| c.iter().map(|m| m.map(|m| m.as_str())).collect();
        if !text.contains('\n') {
            let c = self.head.captures(text)?;
            let end = c.get(0).map_or(0, |m| m.end());
            let rest = &text[end..];
            let fits = match self.tail {
                Tail::Any => true,
                Tail::NonBlank => rest.starts_with(|ch: char| !ch.is_whitespace()),
            };
            if fits {
                let mut g: Vec<Option<&'h str>> = groups(c);
                g[0] = Some(text);
                g.push(Some(rest));
                return Some(g);
            }
        }
        self.full.captures(text).map(groups)
    }
}

/// Role words a label may consist of, by kind. Lower-case, folded.
const REPORTER_WORDS: &[&str] = &[
    "q",
    "question",
    "questions",
    "questioner",
    "reporter",
    "reporters",
    "journalist",
    "journalists",
    "follow up",
    "followup",
    "follow up question",
    "audience member",
    "audience members",
    "audience",
    "participant",
    "photojournalist",
    "press",
    "media",
    "correspondent",
    "caller",
    "问",
    "记者",
    "提问",
];
const ANSWER_WORDS: &[&str] = &["a", "answer", "response", "reply", "答", "回答"];
pub const MODERATOR_WORDS: &[&str] = &[
    "moderator",
    "host",
    "chair",
    "chairperson",
    "chairman",
    "chairwoman",
    "presenter",
    "operator",
    "emcee",
    "mc",
    "facilitator",
    "主持人",
];
const INTERPRETER_WORDS: &[&str] = &["interpreter", "translator", "翻译"];

/// The key a label is counted by in a document: the label folded, with a
/// closing number replaced (`Speaker 1`, `Speaker 2` → `speaker #`), so
/// that numbered voices recur as one family even when each speaks once.
pub fn family(label: &str) -> String {
    let folded = name::fold(label);
    match folded.rsplit_once(' ') {
        Some((head, n)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => {
            format!("{head} #")
        }
        _ => folded,
    }
}

/// Who asks, when a label names them after a reporter's word: `Question
/// from Hannah Clarke, Harbour News` → `Hannah Clarke, Harbour News`,
/// `Question from the BBC` → `the BBC`.
pub fn asked_by(label: &str) -> Option<&str> {
    let (head, who) = label.split_once(" from ")?;
    let who = who.trim();
    (REPORTER_WORDS.contains(&name::fold(head).as_str()) && !who.is_empty()).then_some(who)
}

/// The kind of speaker a label names, from its words before any
/// parenthesis (`Q (Reuters)` is a reporter's label). A role word typed
/// with an error in a capitals label (`MODEARTOR`) still counts.
pub fn kind_of(label: &str) -> LabelKind {
    if asked_by(label).is_some() {
        return LabelKind::Reporter;
    }
    let head = label.split(['(', '（']).next().unwrap_or(label).trim();
    let lower = name::fold(head);
    let table: [(&[&str], LabelKind); 4] = [
        (REPORTER_WORDS, LabelKind::Reporter),
        (ANSWER_WORDS, LabelKind::Answer),
        (MODERATOR_WORDS, LabelKind::Moderator),
        (INTERPRETER_WORDS, LabelKind::Interpreter),
    ];
    for (words, kind) in table {
        if words.contains(&lower.as_str()) {
            return kind;
        }
    }
    let capitals = head.chars().any(char::is_alphabetic) && !head.chars().any(char::is_lowercase);
    let budget = name::typo_budget(lower.chars().count());
    if capitals && budget > 0 && !lower.contains(' ') {
        for (words, kind) in table {
            if words
                .iter()
                .any(|w| w.len() >= 6 && name::near(&lower, w, budget).is_some())
            {
                return kind;
            }
        }
    }
    LabelKind::Named
}

/// Whether `label` has a label's shape: short, no sentence punctuation,
/// words written as names are (capitals, particles, an outlet's domain).
fn label_shaped(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.is_empty() || words.len() > 9 || label.chars().count() > 70 {
        return false;
    }
    if label.contains(['?', '!', ';', '"', '\u{201c}', '\u{201d}', '…']) {
        return false;
    }
    let first = label.chars().next().unwrap_or(' ');
    if !(first.is_uppercase() || name::is_cjk(first) || first.is_ascii_digit()) {
        return false;
    }
    // Parenthesised asides ("Reporter (in English)", "Q (Reuters)") and
    // "Name, Outlet" are allowed; anything else after a comma is a sentence.
    let head = label.split('(').next().unwrap_or(label);
    head.split(',').count() <= 2
}

/// Reads a paragraph's opening as a label candidate, by shape alone.
/// Markdown emphasis around the label (`**Name:**`, `__Q:__`) is read
/// through.
pub fn candidate(par: &str) -> Option<Candidate<'_>> {
    // Caption chevrons and timestamps before the label (see `prefix`).
    let par = super::prefix::strip(par);
    if let Some((label, rest)) = super::prefix::bracketed(par) {
        if label_shaped(label) && opens_text(rest) {
            return Some(Candidate {
                label,
                rest,
                kind: kind_of(label),
                period: false,
            });
        }
    }
    let inner = par
        .strip_prefix("**")
        .or_else(|| par.strip_prefix("__"))
        .or_else(|| par.strip_prefix(['*', '_']))
        .unwrap_or(par);
    let mut c = shape(inner)?;
    if inner.len() != par.len() {
        c.label = c.label.trim_end_matches(['*', '_']).trim_end();
        c.rest = c
            .rest
            .trim_start_matches(['*', '_', ':', '：'])
            .trim_start();
        if c.label.is_empty() {
            return None;
        }
    }
    Some(c)
}

/// A speaker's name in capitals alone on its line, with no colon, as PDF
/// exports and some transcription services print turns (`DANA ORTIZ`,
/// then the speech on the following lines). Only the shape is checked
/// here: headings have it too (`OPENING REMARKS`), so the parser accepts
/// such a line only with more evidence than a colon label needs (see
/// `Parser::find_labels`).
pub fn alone(par: &str) -> Option<Candidate<'_>> {
    let t = par.trim();
    let words = t.split_whitespace().count();
    let shaped = (1..=5).contains(&words)
        && t.chars().count() <= 50
        && t.chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '\u{2019}' | '-'))
        && t.starts_with(char::is_uppercase)
        && !t.ends_with('-');
    (shaped && label_shaped(t)).then(|| Candidate {
        label: t,
        rest: "",
        kind: kind_of(t),
        period: false,
    })
}

/// Whether text opens as a turn's text does: a capital, a digit, a quote,
/// a bracket or a dash (not a lower-case continuation).
fn opens_text(rest: &str) -> bool {
    rest.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || "\"'“‘(—-[*_".contains(c) || name::is_cjk(c)
    })
}

fn shape(par: &str) -> Option<Candidate<'_>> {
    // Cheap tests first: most paragraphs are speech, and each regex below
    // only applies to paragraphs that open in a particular way.
    let first = par.chars().next()?;
    let head = match par.char_indices().nth(75) {
        Some((i, _)) => &par[..i],
        None => par,
    };
    let colon = head.contains([':', '：']);
    if !colon && !first.is_uppercase() {
        return None;
    }
    if matches!(first, 'Q' | 'A') {
        if let Some(c) = bare_qa(par) {
            return Some(c);
        }
    }
    if colon {
        if let Some(c) = colon_label(par) {
            return Some(c);
        }
    }
    let first_word = head.split_whitespace().next().unwrap_or("");
    if first.is_uppercase() && !first_word.chars().any(char::is_lowercase) {
        return period_label(par);
    }
    None
}

fn bare_qa(par: &str) -> Option<Candidate<'_>> {
    if let Some(c) = BARE_QA.captures(par) {
        let (Some(l), Some(rest)) = (c[1], c[4]) else {
            return None;
        };
        let sep = c[2];
        let spaces = c[3].map(str::len);
        // "A.M. tomorrow", "Q. R. Smith": an initial after the full stop
        // means the letter was an abbreviation, not a label.
        let b = rest.as_bytes();
        let initial_after = sep == Some(".")
            && b.first().is_some_and(u8::is_ascii_uppercase)
            && b.get(1) == Some(&b'.');
        // A bare "A" is the article far more often than an answer: only
        // two or more spaces after it (a typeset gap) make it a label.
        let ok = !initial_after
            && match (l, spaces) {
                (_, None) => sep == Some(":") || opens_text(rest),
                ("Q", Some(_)) => opens_text(rest),
                (_, Some(n)) => n >= 2 && opens_text(rest),
            };
        if ok {
            return Some(Candidate {
                label: l,
                rest,
                kind: kind_of(l),
                period: false,
            });
        }
    }
    None
}

fn colon_label(par: &str) -> Option<Candidate<'_>> {
    if let Some(c) = STRAY_COLON.captures(par) {
        if let (Some(l), Some(rest)) = (c[1], c[2]) {
            return Some(Candidate {
                label: l,
                rest,
                kind: LabelKind::Named,
                period: false,
            });
        }
    }
    if let Some(c) = COLON_LABEL.captures(par) {
        let (Some(l), Some(rest)) = (c[1], c[2]) else {
            return None;
        };
        let label = l.trim();
        // A time ("10:30") or a ratio is not a label.
        let digit_after = rest.starts_with(|ch: char| ch.is_ascii_digit())
            && label.ends_with(|ch: char| ch.is_ascii_digit());
        if label_shaped(label) && !digit_after {
            return Some(Candidate {
                label,
                rest,
                kind: kind_of(label),
                period: false,
            });
        }
    }
    None
}

fn period_label(par: &str) -> Option<Candidate<'_>> {
    if let Some(c) = PERIOD_LABEL.captures(par) {
        let (Some(label), Some(rest)) = (c[1], c[2]) else {
            return None;
        };
        let opens = rest.starts_with(|ch: char| ch.is_uppercase() || "\"'“‘(".contains(ch));
        if opens && label.chars().filter(|ch| ch.is_alphabetic()).count() >= 3 {
            return Some(Candidate {
                label,
                rest,
                kind: kind_of(label),
                period: true,
            });
        }
    }
    None
}

/// What the document around a candidate tells about it.
#[derive(Debug, Default, Clone, Copy)]
pub struct Context {
    /// The label's name matches a name known from the roster, the title or
    /// the corpus.
    pub known_name: bool,
    /// How many paragraphs of the document open with this same label.
    pub occurrences: usize,
    /// The document's confident labels are written in capitals.
    pub capitals_style: bool,
    /// The text that follows the label (the rest of its paragraph, or the
    /// next paragraph when the label stands alone) asks a question.
    pub question_follows: bool,
    /// The document ends its labels with a full stop (`CHAIR POWELL.`):
    /// several paragraphs open with the same capitals and a full stop.
    pub period_style: bool,
}

/// Evidence that a [`LabelKind::Named`] candidate is a speaker label;
/// compare with [`ACCEPT`]. Role-word labels (`Q`, `MODERATOR`) need none.
pub fn score(c: &Candidate<'_>, ctx: &Context) -> i32 {
    if c.period && !(ctx.period_style || ctx.occurrences >= 2 || ctx.known_name) {
        // "START II.  It wasn't …": capitals and a full stop are a label
        // only where the document writes its labels that way, or where the
        // same words open other turns.
        return i32::MIN;
    }
    if c.kind != LabelKind::Named {
        return ACCEPT;
    }
    let label = c.label;
    let folded = name::fold(label);
    if METADATA_KEYS.contains(&folded.as_str()) {
        return i32::MIN;
    }
    let rest_first = c.rest.chars().next();
    if rest_first.is_some_and(char::is_lowercase) {
        // "Bottom line: we are …": a sentence that goes on.
        return i32::MIN;
    }
    let words: Vec<&str> = label
        .split('(')
        .next()
        .unwrap_or(label)
        .split_whitespace()
        .collect();
    let first = words.first().map(|w| name::fold(w)).unwrap_or_default();
    let has_title = words.iter().any(|w| name::is_title_word(w));
    let capitals = label.chars().any(char::is_alphabetic)
        && !label.chars().any(char::is_lowercase)
        && label.chars().filter(|ch| ch.is_alphabetic()).count() >= 2;
    if SENTENCE_OPENERS.contains(&first.as_str()) && !(has_title && capitals) {
        return i32::MIN;
    }
    let lowercase_words = words
        .iter()
        .filter(|w| {
            w.starts_with(|ch: char| ch.is_lowercase())
                && !name::is_connector(w)
                && !w.contains('.')
        })
        .count();
    let outlet = name::looks_like_outlet(label);
    let acronym_only = matches!(words.as_slice(), [w] if name::is_acronym(w));

    let mut s = 0;
    if has_title
        && (capitals
            || words.iter().any(|w| name::is_honorific(w))
            || name::looks_like_person(label))
    {
        s += 3;
    }
    if ctx.known_name {
        s += 3;
    }
    // "Spokesman:", "Prime Minister:": nothing but words of office, ending
    // with a post somebody holds.
    let office_only = words.len() <= 4
        && words.iter().all(|w| name::is_title_word(w))
        && words.last().is_some_and(|w| name::is_person_office(w));
    if office_only {
        s += 1;
    }
    if outlet && (!acronym_only || c.rest.is_empty() || ctx.question_follows) {
        s += 3;
    }
    if ctx.occurrences >= 2 {
        s += 2;
        // "Speaker 1", "Participant 2", recurring: numbered voices, as
        // automatic transcripts label turns.
        if let [w, n] = words.as_slice() {
            if w.starts_with(char::is_uppercase) && n.chars().all(|ch| ch.is_ascii_digit()) {
                s += 3;
            }
        }
    }
    if capitals {
        s += 1;
        if ctx.capitals_style {
            s += 1;
        }
    }
    if name::looks_like_person(label) {
        s += 2;
    }
    if c.rest.trim().is_empty() {
        s += 2;
    }
    if ctx.question_follows {
        s += 1;
    }
    if c.period && !capitals {
        s -= 5;
    }
    if !capitals && ctx.capitals_style && !ctx.known_name && ctx.occurrences < 2 {
        // "Senator Ana Kovac: …", "On Iran:" inside a turn of a document
        // whose speakers are all written in capitals.
        s -= 3;
    }
    if c.rest.starts_with(['"', '\u{201c}', '\u{2018}']) && !ctx.known_name {
        // "Kevin Kramer: “It's fun to watch.”": somebody quoted.
        s -= 2;
    }
    s - 4 * i32::try_from(lowercase_words).unwrap_or(i32::MAX / 8)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines and paragraphs of every fixture, and random label-like text.
    fn samples() -> Vec<String> {
        fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
            for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, out);
                } else if let Ok(t) = std::fs::read_to_string(&p) {
                    out.extend(t.lines().map(str::to_string));
                    out.extend(t.split("\n\n").map(|p| p.trim().replace('\n', " ")));
                    out.extend(t.split("\n\n").map(str::to_string));
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        walk(&root.join("tests/fixtures"), &mut out);
        walk(&root.join("seeds"), &mut out);
        const PARTS: &[&str] = &[
            "Q",
            "A",
            "MR",
            "MS",
            "Dr",
            "PSAKI",
            "SMITH",
            "O'NEIL",
            "Jen",
            ".",
            ":",
            "：",
            " ",
            "  ",
            "\n",
            "\t",
            "\u{a0}",
            "-",
            "’",
            "Good",
            "afternoon",
            "10",
            "x",
            "“Hi”",
            "(",
        ];
        let mut rng = crate::generate::Rng::new(11);
        for _ in 0..30_000 {
            let n = 1 + rng.below(12);
            out.push((0..n).map(|_| *rng.pick(PARTS)).collect());
        }
        out
    }

    #[test]
    fn label_patterns_capture_as_the_whole_regexes_do() {
        let all = samples();
        assert!(all.len() > 30_000);
        // The patterns as they were written whole.
        let whole = [
            (&*COLON_LABEL, r"^([^:：\n]{1,70}?)\s*[:：]\s*(.*)$"),
            (
                &*PERIOD_LABEL,
                r"^((?:[A-Z][A-Z'’\-]*\.?\s+){0,4}[A-Z][A-Z'’\-]+)\.\s+(\S.*)$",
            ),
            (&*BARE_QA, r"^(Q|A)(?:\s*([.:])\s*|(\s+))(\S.*)$"),
            (
                &*STRAY_COLON,
                r"^((?i:mr|ms|mrs|dr)\.?\s*:\s*[A-Z][A-Z'’\-]+(?:\s+[A-Z][A-Z'’\-]+)?)\s*:\s*(.*)$",
            ),
        ];
        for (re, pattern) in whole {
            let reference = Regex::new(pattern).unwrap();
            assert_eq!(re.full.as_str(), pattern);
            for text in &all {
                let want: Option<Vec<Option<&str>>> = reference
                    .captures(text)
                    .map(|c| c.iter().map(|m| m.map(|m| m.as_str())).collect());
                assert_eq!(re.captures(text), want, "{pattern:?} on {text:?}");
            }
        }
    }

    fn cand(p: &str) -> Option<(String, String, LabelKind)> {
        candidate(p).map(|c| (c.label.to_string(), c.rest.to_string(), c.kind))
    }

    #[test]
    fn shapes() {
        assert_eq!(
            cand("MS. PSAKI:  Good afternoon."),
            Some((
                "MS. PSAKI".into(),
                "Good afternoon.".into(),
                LabelKind::Named
            ))
        );
        assert_eq!(
            cand("Q    Thank you, Jen."),
            Some(("Q".into(), "Thank you, Jen.".into(), LabelKind::Reporter))
        );
        assert_eq!(
            cand("Q: Why?"),
            Some(("Q".into(), "Why?".into(), LabelKind::Reporter))
        );
        assert_eq!(
            cand("A:  We do."),
            Some(("A".into(), "We do.".into(), LabelKind::Answer))
        );
        assert_eq!(
            cand("A  We do."),
            Some(("A".into(), "We do.".into(), LabelKind::Answer))
        );
        assert_eq!(cand("A lot of people came."), None);
        assert_eq!(
            cand("Harbour Radio:"),
            Some(("Harbour Radio".into(), String::new(), LabelKind::Named))
        );
        assert_eq!(
            cand("CHAIR OKAFOR. Good afternoon."),
            Some((
                "CHAIR OKAFOR".into(),
                "Good afternoon.".into(),
                LabelKind::Named
            ))
        );
        assert_eq!(
            cand("Follow-up: And then?"),
            Some(("Follow-up".into(), "And then?".into(), LabelKind::Reporter))
        );
        assert_eq!(
            cand("记者：请问"),
            Some(("记者".into(), "请问".into(), LabelKind::Reporter))
        );
        assert_eq!(cand("At 10:30 we met."), None);
    }

    fn accepted(p: &str, ctx: Context) -> bool {
        candidate(p).is_some_and(|c| score(&c, &ctx) >= ACCEPT)
    }

    #[test]
    fn evidence() {
        let none = Context::default();
        assert!(accepted("MS. PSAKI:  Good afternoon.", none));
        assert!(accepted("SENIOR ADMINISTRATION OFFICIAL:  Thanks.", none));
        assert!(accepted("Spokesperson Lena Moreau: Good afternoon.", none));
        assert!(accepted("Harbour Radio:", none));
        assert!(accepted("Anna Lindqvist:", none));
        assert!(accepted("Northwind.cn:", none));
        assert!(!accepted("But here's the deal:  We will.", none));
        assert!(!accepted("Bottom line: we will.", none));
        assert!(!accepted("The bottom line is this: yes.", none));
        assert!(!accepted("There are a few key measures:", none));
        assert!(!accepted("Date:", none));
        assert!(!accepted("He said: \"go\", and left.", none));
        assert!(!accepted("First: we will act.", none));
        // A lone capitalised word needs more than its shape.
        assert!(!accepted("Missiles:", none));
        let asks = Context {
            question_follows: true,
            ..Context::default()
        };
        assert!(accepted("Kestrel:", asks));
        let twice = Context {
            occurrences: 2,
            ..Context::default()
        };
        assert!(accepted("Spokesman: He will.", twice));
        assert!(!accepted("Foreign Affairs: We will.", twice));
        let caps = Context {
            capitals_style: true,
            ..Context::default()
        };
        assert!(!accepted("Missiles:  We have many.", caps));
    }
}
