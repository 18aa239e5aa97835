//! Page furniture: the parts of a published page that nobody said.
//!
//! Transcripts copied from the web bring their page with them: breadcrumbs
//! (`Home - Press Room -`), pagination (`< 1 2 3 … 12`), translator credits,
//! "related briefings" link lists, `Top` and `Special Reports` trailers,
//! transcript end markers (`END`, `###`, a closing time). None of it may be
//! indexed as anybody's speech. Each rule here is about the *shape* of such
//! lines, so it holds for publishers podium has not seen.

use std::sync::LazyLock;

use regex::Regex;

use super::date;

/// Why a paragraph is furniture; shown by `podium parse --explain`.
pub type Reason = &'static str;

/// Breadcrumbs: `Home > News > Briefings`, `Home - Press Room -`.
static BREADCRUMB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:home|homepage|首页)\s*[-–>»›/|:]|^(?:[^.!?]{1,30}\s[-–>»›/|]\s?){1,6}$")
        .expect("static regex")
});

/// Credits for translation, editing and the like.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\(?(?:translated|edited|compiled|proofread|proofed|reviewed|interpreted|transcribed|photos?|written|produced|polished)(?:\s*(?:,|and|&)\s*(?:translated|edited|compiled|proofread|proofed|reviewed|interpreted|transcribed|polished))*\s+by\b|(?:editor|source|photo|photographer|translator|author|responsible editor|editor in charge|chief editor)\s*[:：]|in case of (?:any )?discrepancy)",
    )
    .expect("static regex")
});

/// A time of day on its own ("1:03 P.M. EST", "11:05 AM"), as transcripts
/// print the start and end of a session.
static TIME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    // A time zone after the time ends the line: "5:00 a.m. GMT." with a
    // full stop is the end of somebody's sentence, wrapped.
    Regex::new(r"(?i)^\(?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s*m\.?)?\s*(?:[a-z]{2,4})?\)?$")
        .expect("static regex")
});

/// End-of-transcript markers: `END`, `END 2:35 P.M. EST`, `###`, `-30-`,
/// `(END)`, `(Finish)`, `— END —`.
static END_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[\[(—–-]*\s*(?:end|finish|ends|the end|end of (?:transcript|text|briefing|press conference))\s*[\])—–-]*(?:\s+\d{1,2}[:.]\d{2}.*)?|#{3,}|-30-|\*{3,})$",
    )
    .expect("static regex")
});

/// A closing note in parentheses: `(The briefing was concluded at 2:14
/// p.m.)`, `(The press conference ended.)`.
static CONCLUDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[(\[]\s*(?:the\s+)?(?:press\s+)?(?:briefing|conference|press conference|call|meeting|event|session|gaggle|interview|hearing)\s+(?:was\s+)?(?:concluded|ended|adjourned|closed)\b[^)\]]*[)\]]$",
    )
    .expect("static regex")
});

/// A publisher's note on the transcript itself: "The following is a
/// near-verbatim transcript of today's noon briefing."
static TRANSCRIPT_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\*\s*)?(?:the following is|this is|below is|what follows is)\s+(?:an?|the)\s+(?:near[- ]verbatim\s+|verbatim\s+|unofficial\s+|edited\s+|rush\s+|full\s+)*(?:transcript|transcription|record)\b",
    )
    .expect("static regex")
});

/// In-page navigation links: `Jump to the transcript of the questions and
/// answers`, `Skip to main content`, `Back to the list`. A link is short
/// and has no sentence end; speech that starts so ("Back to Iran. …") does.
static NAV_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:jump|skip|back|return|scroll)\s+(?:down\s+|up\s+)?to\b[^.?!:;]{0,80}$")
        .expect("static regex")
});

/// Lines of page chrome that stand alone: navigation, sharing, trailers.
const NAV_LINES: &[&str] = &[
    "top",
    "back to top",
    "to top",
    "special reports",
    "special report",
    "related",
    "related news",
    "related articles",
    "related stories",
    "related briefings",
    "related content",
    "more",
    "read more",
    "more news",
    "print",
    "print this page",
    "share",
    "share this",
    "share this article",
    "email",
    "e-mail",
    "tweet",
    "facebook",
    "twitter",
    "wechat",
    "weibo",
    "linkedin",
    "close",
    "menu",
    "search",
    "home",
    "previous",
    "next",
    "prev",
    "comments",
    "subscribe",
    "advertisement",
    "font size",
    "print email",
    "briefing room",
    "press room",
    "press releases",
    "newsroom",
    "news room",
    "photos",
    "video",
    "videos",
    "a a a",
    "a+ a-",
];

/// Why `text` (one normalized paragraph) is furniture, if it is.
pub fn reason(text: &str) -> Option<Reason> {
    let t = text.trim();
    if t.is_empty() {
        return Some("empty");
    }
    // Furniture is a short line; a paragraph of speech is not looked at
    // further (which keeps this pass cheap on long transcripts).
    if t.len() > 400 {
        // A long paragraph can still be a credit line (a translation team
        // of many names); that shows in its opening words.
        let head: String = t.chars().take(120).collect();
        return CREDIT
            .is_match(&super::text::collapse_spaces(&head))
            .then_some("credit line");
    }
    let collapsed: std::borrow::Cow<'_, str> = if t.contains(char::is_whitespace) {
        let c = super::text::collapse_spaces(t);
        if c.len() == t.len() {
            std::borrow::Cow::Borrowed(t)
        } else {
            std::borrow::Cow::Owned(c)
        }
    } else {
        std::borrow::Cow::Borrowed(t)
    };
    let collapsed = collapsed.as_ref();
    if collapsed.len() <= 40 {
        let lower = collapsed.to_lowercase();
        let bare = lower.trim_matches(|c: char| !c.is_alphanumeric() && c != '+' && c != '-');
        if NAV_LINES.contains(&bare) {
            return Some("page navigation");
        }
    }
    if NAV_LINK.is_match(collapsed) && super::text::word_count(collapsed) <= 12 {
        return Some("page navigation");
    }
    let head_is = |word: &str| {
        collapsed
            .get(..word.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(word))
    };
    if collapsed.starts_with('©')
        || head_is("copyright")
        || collapsed
            .to_ascii_lowercase()
            .contains("all rights reserved")
    {
        return Some("copyright line");
    }
    if collapsed.starts_with('*') {
        let lower = collapsed.to_lowercase();
        if (lower.contains("correction") || lower.contains("asterisk") || lower.contains("editor"))
            && super::text::word_count(collapsed) <= 30
        {
            return Some("editor's note");
        }
    }
    if TRANSCRIPT_NOTE.is_match(collapsed) {
        return Some("editor's note");
    }
    if END_MARK.is_match(collapsed) || CONCLUDED.is_match(collapsed) {
        return Some("end-of-transcript marker");
    }
    if TIME_LINE.is_match(collapsed) {
        return Some("time of day");
    }
    if is_pagination(collapsed) {
        return Some("pagination");
    }
    if CREDIT.is_match(collapsed) {
        return Some("credit line");
    }
    if BREADCRUMB.is_match(collapsed) && super::text::word_count(collapsed) <= 12 {
        return Some("breadcrumb");
    }
    super::contact::reason(collapsed)
}

/// `< 1 2 3 … 12 >`, `Page 2 of 5`, `Prev 1 2 Next`.
fn is_pagination(t: &str) -> bool {
    let mut digits = 0;
    for tok in t.split_whitespace() {
        let lower = tok.to_lowercase();
        if tok.chars().all(|c| c.is_ascii_digit()) {
            digits += 1;
        } else if !matches!(
            lower.as_str(),
            "<" | ">"
                | "«"
                | "»"
                | "‹"
                | "›"
                | "…"
                | "..."
                | "|"
                | "prev"
                | "previous"
                | "next"
                | "first"
                | "last"
                | "page"
                | "of"
                | "<<"
                | ">>"
        ) {
            return false;
        }
    }
    digits >= 2 || (digits >= 1 && t.to_lowercase().contains("page"))
}

/// Removes an editorial end marker glued to the end of a paragraph, as wire
/// reports print them: `… Li said. (Finish)`, `… (END)`.
pub fn strip_end_marker(text: &str) -> &str {
    let t = text.trim_end();
    for marker in [
        "(Finish)", "(finish)", "(END)", "(End)", "(end)", "[END]", "###",
    ] {
        if let Some(rest) = t.strip_suffix(marker) {
            return rest.trim_end();
        }
    }
    t
}

fn ends_sentence(t: &str) -> bool {
    t.trim_end()
        .ends_with(['.', '?', '!', '"', '\u{201d}', '\u{2019}', '。', '？', '！'])
}

/// Where a trailing list of links to other briefings starts, if the
/// document ends with one: short title-like lines (no closing full stop),
/// each dated or followed by a line that opens with a date, as pages print
/// "Related briefings" (`Title` / `March 27, 2024Next title` / `March 26, 2024`).
///
/// `texts` are the document's paragraphs that are not already furniture.
pub fn trailing_link_list(texts: &[&str]) -> Option<usize> {
    let mut start = texts.len();
    let mut items = 0;
    for (i, t) in texts.iter().enumerate().rev() {
        let short = super::text::word_count(t) <= 30 && !ends_sentence(t);
        let dated = !date::find_dates(t).is_empty();
        let next_opens_with_date = i + 1 == start
            && texts
                .get(i + 1)
                .and_then(|n| date::find_dates(n).first().map(|sp| sp.start))
                == Some(0);
        if short && (dated || next_opens_with_date) {
            start = i;
            items += 1;
        } else {
            break;
        }
    }
    (items >= 2).then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_shapes() {
        for (line, why) in [
            ("Home  -  Press Room  -", "breadcrumb"),
            ("Home > News > Briefings", "breadcrumb"),
            ("<  1  2  3  4  5  6  7  8  9  10  11  12", "pagination"),
            ("Page 2 of 5", "pagination"),
            (
                "Translated and edited by A. Person and B. Person.",
                "credit line",
            ),
            ("Interpreted by Someone", "credit line"),
            ("Special Reports", "page navigation"),
            ("Top", "page navigation"),
            ("Back to top ↑", "page navigation"),
            ("END", "end-of-transcript marker"),
            ("END       2:35 P.M. EST", "end-of-transcript marker"),
            ("###", "end-of-transcript marker"),
            ("(END)", "end-of-transcript marker"),
            (
                "(The briefing was concluded at 2:14 p.m.)",
                "end-of-transcript marker",
            ),
            (
                "**Please see below for a correction, marked with an asterisk.",
                "editor's note",
            ),
            (
                "The following is a near-verbatim transcript of today's noon briefing.",
                "editor's note",
            ),
            ("1:03 P.M. EST", "time of day"),
            ("11:05 AM", "time of day"),
            (
                "© 2024 Example Media. All rights reserved.",
                "copyright line",
            ),
        ] {
            assert_eq!(reason(line), Some(why), "{line}");
        }
    }

    #[test]
    fn speech_is_not_furniture() {
        for line in [
            "Thank you. Next question.",
            "Top officials met on Monday - and agreed.",
            "Home prices rose 3 percent - a record.",
            "We translated the report by hand.",
            "END of story, he said, and laughed.",
            "5:00 a.m. GMT.",
            "The end is near, but not yet here, for the negotiators in Geneva.",
        ] {
            assert_eq!(reason(line), None, "{line}");
        }
    }

    #[test]
    fn end_markers_glued_to_text() {
        assert_eq!(strip_end_marker("Li said. (Finish)"), "Li said.");
        assert_eq!(strip_end_marker("No marker."), "No marker.");
    }

    #[test]
    fn related_links_at_the_end() {
        let texts = [
            "Thank you all for coming.",
            "Briefing on the expo",
            "March 27, 2024Briefing on trade data",
            "March 26, 2024",
        ];
        assert_eq!(trailing_link_list(&texts), Some(1));
        assert_eq!(trailing_link_list(&texts[..1]), None);
    }
}
