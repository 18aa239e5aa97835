//! Metadata lines: `Key: value` (`Date: March 28, 2024`, `Venue:`) and a
//! web page's metadata block (`Published` / `3 March 2025`, `From:` / the
//! department). They have a label's shape and never name a speaker.
//!
//! Separate from the label grammar because they are its negative: a list
//! of keys, read by the header scan as well as by [`super::score`].

use super::super::{date, name};

/// Keys of `Key: value` metadata lines; never speakers.
pub(super) const METADATA_KEYS: &[&str] = &[
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
pub(super) const PAGE_KEYS: &[&str] = &[
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
            && date::is_date_line(value))
        .then_some((key, value))
    })
}

/// Whether a page key alone on its line has its value on the next line
/// (`From:` / `Prime Minister's Office`); other keys alone (`Notes:`)
/// head whatever follows.
pub fn value_on_next_line(key: &str) -> bool {
    PAGE_KEYS.contains(&key)
}
