//! The label regexes (`Name:`, `CAPITALS.`, a bare `Q`/`A`, `MR: NAME:`)
//! and [`LabelRegex`], which matches a pattern's head first so that a long
//! paragraph is not run through to its end for every label test.
//!
//! Separate from [`super::shape`] because the fast path is an
//! optimisation with its own proof obligation: the unit test
//! `label_patterns_capture_as_the_whole_regexes_do` checks it against the
//! whole regexes.

use std::sync::LazyLock;

use regex::Regex;

pub(super) static COLON_LABEL: LazyLock<LabelRegex> =
    LazyLock::new(|| LabelRegex::new(r"^([^:：\n]{1,120}?)\s*[:：]\s*", Tail::Any));
/// `Mr ALBANESE (Grayndler—Prime Minister) (14:02):`: a parliamentary
/// label with the time of the sitting before its colon, whose own colon
/// would otherwise end the label inside the time. The time stays in the
/// label, where `parliament::house` reads it as part of the record.
pub(super) static TIMED_LABEL: LazyLock<LabelRegex> = LazyLock::new(|| {
    LabelRegex::new(
        r"^([^:：\n()]{1,80}(?:\([^:：\n()]{1,80}\)\s*){1,2}\(\d{1,2}[:.]\d{2}\))\s*[:：]\s*",
        Tail::Any,
    )
});
/// `Mr. JONES.`, `Chairman SMITH.`, `Mr. SMITH of Texas.`, `Mr.
/// McCONNELL.`, `The SPEAKER pro tempore.`: the congressional record's
/// labels, words of office in mixed case before a surname in capitals
/// (its `Mc` or `Mac` as printed) and a full stop (`parliament.rs` and `shape.rs`
/// check that the words before the surname are words of office).
pub(super) static HEARING_LABEL: LazyLock<LabelRegex> = LazyLock::new(|| {
    LabelRegex::new(
        r"^((?:[A-Z][a-z]+\.?\s+){1,2}(?:Mc|Mac)?[A-Z][A-Z'’\-]+(?:\s+(?:Mc|Mac)?[A-Z][A-Z'’\-]+)?(?:\s+pro\s+tempore)?(?:\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?)\.\s+",
        Tail::NonBlank,
    )
});
pub(super) static PERIOD_LABEL: LazyLock<LabelRegex> = LazyLock::new(|| {
    LabelRegex::new(
        r"^((?:[A-Z][A-Z'’\-]*\.?\s+){0,4}[A-Z][A-Z'’\-]+)\.\s+",
        Tail::NonBlank,
    )
});
pub(super) static BARE_QA: LazyLock<LabelRegex> =
    LazyLock::new(|| LabelRegex::new(r"^(Q|A)(?:\s*([.:])\s*|(\s+))", Tail::NonBlank));
/// `MR: ZIENTS:`: an honorific, a stray colon, then the name and the colon.
pub(super) static STRAY_COLON: LazyLock<LabelRegex> = LazyLock::new(|| {
    LabelRegex::new(
        r"^((?i:mr|ms|mrs|dr)\.?\s*:\s*[A-Z][A-Z'’\-]+(?:\s+[A-Z][A-Z'’\-]+)?)\s*:\s*",
        Tail::Any,
    )
});

/// What a label pattern's last group takes: the rest of the paragraph
/// (`(.*)$`), or the rest from its first non-blank character (`(\S.*)$`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Tail {
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
pub(super) struct LabelRegex {
    pub(super) head: Regex,
    pub(super) full: Regex,
    pub(super) tail: Tail,
}

impl LabelRegex {
    pub(super) fn new(head: &str, tail: Tail) -> LabelRegex {
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
    pub(super) fn captures<'h>(&self, text: &'h str) -> Option<Vec<Option<&'h str>>> {
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
