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
//! | a parliament's record | `Sarah Olney (Richmond Park) (LD):`, `The Prime Minister (Keir Starmer):`, `Mr ALBANESE (Grayndler—Prime Minister) (14:02):`, `Hon. Members:` |
//! | the congressional record | `Chairman SMITH. The committee will…`, `Mr. JONES. Thank you.` |
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

//!
//! # Files
//!
//! - this file: what a label is ([`Candidate`], [`LabelKind`]) and the role
//!   words that make its kind ([`kind_of`]);
//! - `shape.rs`: a paragraph's opening read as a candidate by shape alone
//!   ([`candidate`], [`alone`]);
//! - `pattern.rs`: the label regexes, with their fast path over the head
//!   of a long paragraph;
//! - `score.rs`: the evidence for and against a speaker ([`score`],
//!   [`Context`], [`ACCEPT`]);
//! - `parliament.rs`: the shapes parliaments print — a member with seat
//!   and party, an office with its holder in parentheses, a presiding
//!   officer, members together ([`house`], [`presiding`], [`collective`]);
//! - `metadata.rs`: `Key: value` lines and a page's metadata block
//!   ([`page_metadata`]), which have a label's shape and are never one.

mod metadata;
mod parliament;
mod pattern;
mod score;
mod shape;

pub use metadata::{metadata, page_metadata, value_on_next_line};
pub use parliament::{collective, house, presiding, records_members, House};
pub use score::{score, Context, ACCEPT};
pub use shape::{alone, candidate};

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

#[cfg(test)]
mod tests {
    use regex::Regex;

    use super::pattern::{
        BARE_QA, COLON_LABEL, HEARING_LABEL, PERIOD_LABEL, STRAY_COLON, TIMED_LABEL,
    };
    use super::*;

    /// Lines and paragraphs of every fixture, and random label-like text.
    fn samples() -> Vec<String> {
        fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
            let entries = std::fs::read_dir(dir)
                .unwrap_or_else(|e| panic!("cannot read the samples in {}: {e}", dir.display()));
            for e in entries.flatten() {
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
            (&*COLON_LABEL, r"^([^:：\n]{1,120}?)\s*[:：]\s*(.*)$"),
            (
                &*TIMED_LABEL,
                r"^([^:：\n()]{1,80}(?:\([^:：\n()]{1,80}\)\s*){1,2}\(\d{1,2}[:.]\d{2}\))\s*[:：]\s*(.*)$",
            ),
            (
                &*HEARING_LABEL,
                r"^((?:[A-Z][a-z]+\.?\s+){1,2}(?:Mc|Mac)?[A-Z][A-Z'’\-]+(?:\s+(?:Mc|Mac)?[A-Z][A-Z'’\-]+)?(?:\s+pro\s+tempore)?(?:\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?)\.\s+(\S.*)$",
            ),
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

    #[test]
    fn parliaments_labels_are_evidence_enough() {
        let none = Context::default();
        for p in [
            "Sarah Olney (Richmond Park) (LD): If he will list his engagements.",
            "The Prime Minister (Keir Starmer): This morning I had meetings.",
            "The Minister for Transport (Tom Ellery): I am happy to do so.",
            "Mr ALBANESE (Grayndler—Prime Minister) (14:02): I thank the member.",
            "Ms ORR (Bendale) (14:06): My question is to the Minister.",
            "Hon. Maria Tessier (Deputy Prime Minister and Minister of Finance, Lib.): Mr. Speaker, no.",
            "Mr Speaker: Order.",
            "The SPEAKER: Order!",
            "An Ceann Comhairle: The Deputy's time is up.",
            "Hon. Members: Hear, hear!",
            "Some hon. members: Oh, oh!",
        ] {
            assert!(accepted(p, none), "{p}");
        }
        for p in [
            "The results (in full): We won.",
            "Speaker: Hello.",
            "Committee Members: Ana Kovac, Dev Patil.",
            "Members: Ana Kovac, Dev Patil.",
        ] {
            assert!(!accepted(p, none), "{p}");
        }
        let sitting = Context {
            sitting: true,
            ..Context::default()
        };
        assert!(accepted("Members: Oh!", sitting));
        assert!(accepted("The Taoiseach: We have.", sitting));
        // The congressional record's labels, where the document writes
        // its labels so.
        let period = Context {
            period_style: true,
            ..Context::default()
        };
        assert!(accepted("Mr. JONES. Thank you, Mr. Chairman.", period));
        assert!(accepted(
            "Chairman SMITH. The committee will come to order.",
            period
        ));
        assert!(!accepted("Mr. JONES. Thank you, Mr. Chairman.", none));
    }
}
