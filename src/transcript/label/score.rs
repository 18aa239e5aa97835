//! Telling a label from a heading or a sentence: the evidence for a
//! speaker against the evidence for something else ([`score`]), in the
//! light of what the document around it shows ([`Context`]).
//!
//! Separate from [`super::shape`], which says only whether a paragraph's
//! opening could be a label.

use super::super::name;
use super::metadata::METADATA_KEYS;
use super::parliament;
use super::{Candidate, LabelKind};

/// Words that open sentences, not names: a colon after them ends a lead-in
/// ("But here's the deal:", "The question is:", "First:").
pub(super) const SENTENCE_OPENERS: &[&str] = &[
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

/// Minimum evidence score for a [`LabelKind::Named`] candidate to be read as
/// a label.
pub const ACCEPT: i32 = 3;

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
    /// The document is a parliament's record: some label in it carries a
    /// member's record or names the presiding officer (see
    /// [`super::house`]). There a word for members (`Members:`) speaks,
    /// and an office (`The Taoiseach:`) is a member's, once is enough.
    pub sitting: bool,
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
    // `Some hon. members: Oh, oh!`: members speaking together, whatever
    // the word before them.
    let members = (words.len() > 1 || ctx.sitting) && parliament::collective(label);
    // `An Ceann Comhairle:` (the Irish article), `The SPEAKER:`.
    let p = super::super::people::parts(label);
    let presiding =
        p.name.is_empty() && parliament::presiding(&p.office, p.honorific.is_some(), p.the);
    let opener_excused = (has_title && capitals) || members || presiding;
    if SENTENCE_OPENERS.contains(&first.as_str()) && !opener_excused {
        return i32::MIN;
    }
    // `Mr. JONES.`, `Chairman SMITH.`: words of office in mixed case and
    // a surname in capitals, as the congressional record prints them.
    let titled_capitals = c.period
        && words.first().is_some_and(|w| name::is_title_word(w))
        && words
            .iter()
            .find(|w| !(name::is_title_word(w) && w.chars().any(char::is_lowercase)))
            .is_some_and(|w| parliament::capitals_surname(w));
    let lowercase_words = words
        .iter()
        .filter(|w| {
            // `Some hon. members`, `The SPEAKER pro tempore`: their lower
            // case is the record's, not a sentence's.
            !members
                && !presiding
                && w.starts_with(|ch: char| ch.is_lowercase())
                && !name::is_connector(w)
                && !w.contains('.')
        })
        .count();
    let outlet = name::looks_like_outlet(label);
    let acronym_only = matches!(words.as_slice(), [w] if name::is_acronym(w));

    let mut s = 0;
    if has_title
        && (capitals
            || titled_capitals
            || words.iter().any(|w| name::is_honorific(w))
            || name::looks_like_person(label))
    {
        s += 3;
    }
    // A parliament's record: a member with two parts of theirs in
    // parentheses (seat, office, party), or an office and its holder
    // (`The Prime Minister (Ruth Calder)`). A sentence does not open so.
    if label.contains('(') && parliament::house(label).is_some() {
        s += 4;
    }
    // `Hon. Members: Hear, hear!`: members speaking together.
    if members {
        s += 3;
    }
    // `The SPEAKER:`, `Mr Speaker:`: the presiding officer, named by
    // office alone.
    if presiding {
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
        if ctx.sitting {
            s += 2;
        }
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
    if c.period && !capitals && !titled_capitals {
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
