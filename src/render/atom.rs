//! Atom 1.0 feeds (RFC 4287) of saved searches, for `podium serve`'s
//! `/feeds/NAME.atom`.
//!
//! A feed holds the search's current matches, newest first: feed readers
//! remember what they have shown by entry id, so a passage keeps one id
//! (`urn:podium:passage:ID`, from its content-derived passage id) and is
//! shown once however often the feed is fetched.
//!
//! Transcript text is untrusted, and here it goes into XML: every piece of
//! it is written through [`escape`], which escapes the five characters XML
//! gives meaning to and replaces the characters XML 1.0 cannot hold at all
//! (most C0 controls, lone surrogates cannot occur in a `str`, U+FFFE and
//! U+FFFF) with U+FFFD, so no transcript can add markup to a feed or make
//! it ill-formed. Content is `type="text"`: readers show it as text, never
//! as HTML.

use crate::search::Hit;
use crate::watch::Watch;

/// Entries a feed holds at most.
pub const FEED_ENTRIES: usize = 50;

/// `s` as XML character data or an attribute value (either quote).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// `s` percent-encoded for a URL's query string or path segment: only
/// unreserved characters stay as they are.
pub fn url_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The page of the web UI that runs the same search as `w`.
pub fn search_url(base: &str, w: &Watch) -> String {
    let mut params = vec![format!("q={}", url_encode(&w.query))];
    if let Some(s) = w.speakers.first() {
        params.push(format!("speaker={}", url_encode(s)));
    }
    if let Some(r) = w.role {
        params.push(format!("role={}", r.as_str()));
    }
    if let Some(s) = &w.since {
        params.push(format!("since={}", url_encode(s)));
    }
    format!("{base}/?{}", params.join("&"))
}

/// The page of the web UI that shows one passage with its context.
pub fn passage_url(base: &str, id: &str) -> String {
    format!("{base}/?p={}", url_encode(id))
}

/// Where a watch's feed is, under `base` (`http://host:port`, or "" for a
/// path).
pub fn feed_url(base: &str, name: &str) -> String {
    format!("{base}/feeds/{}.atom", url_encode(name))
}

/// A day as an Atom date: its midnight, UTC.
fn day(d: jiff::civil::Date) -> String {
    format!("{d}T00:00:00Z")
}

/// The feed of `watch` with `hits` (its current matches, newest first) as
/// entries. `base` is the server's address as the client reached it
/// (`http://127.0.0.1:7878`): Atom links are absolute. `updated` is when
/// the index last changed (RFC 3339), the feed's own date and that of
/// undated entries.
pub fn feed(base: &str, watch: &Watch, hits: &[Hit], updated: &str) -> String {
    let mut x = String::with_capacity(1024 + 1024 * hits.len());
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    let line = |x: &mut String, s: String| {
        x.push_str("  ");
        x.push_str(&s);
        x.push('\n');
    };
    line(
        &mut x,
        format!(
            "<id>urn:podium:watch:{}:{}</id>",
            escape(&watch.name),
            escape(&watch.added)
        ),
    );
    line(
        &mut x,
        format!(
            "<title>podium: {} ({})</title>",
            escape(&watch.name),
            escape(&watch.describe())
        ),
    );
    line(
        &mut x,
        format!(
            "<subtitle>Passages of the briefings that match the saved search '{}', newest first</subtitle>",
            escape(&watch.name)
        ),
    );
    line(&mut x, format!("<updated>{}</updated>", escape(updated)));
    line(
        &mut x,
        format!(
            "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
            escape(&feed_url(base, &watch.name))
        ),
    );
    line(
        &mut x,
        format!(
            "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            escape(&search_url(base, watch))
        ),
    );
    line(&mut x, "<author><name>podium</name></author>".into());
    line(
        &mut x,
        format!(
            "<generator version=\"{}\">podium</generator>",
            env!("CARGO_PKG_VERSION")
        ),
    );
    for h in hits {
        entry(&mut x, base, h, updated);
    }
    x.push_str("</feed>\n");
    x
}

/// One passage as an entry: its id, who said it and when, its words.
fn entry(x: &mut String, base: &str, h: &Hit, updated: &str) {
    let p = &h.passage;
    let date = p.date.map(day).unwrap_or_else(|| updated.to_string());
    let when = p
        .date
        .map_or_else(|| "date unknown".to_string(), |d| d.to_string());
    let mut title = format!("{}, {when}", p.speaker);
    if let Some(t) = &p.title {
        title.push_str(": ");
        title.push_str(t);
    }
    x.push_str("  <entry>\n");
    let mut line = |s: String| {
        x.push_str("    ");
        x.push_str(&s);
        x.push('\n');
    };
    line(format!("<id>urn:podium:passage:{}</id>", escape(&p.id)));
    line(format!("<title type=\"text\">{}</title>", escape(&title)));
    line(format!(
        "<author><name>{}</name></author>",
        escape(&p.speaker)
    ));
    line(format!("<published>{}</published>", escape(&date)));
    line(format!("<updated>{}</updated>", escape(&date)));
    line(format!(
        "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escape(&passage_url(base, &p.id))
    ));
    line(format!("<category term=\"{}\"/>", escape(p.role.as_str())));
    line(format!(
        "<content type=\"text\">{}</content>",
        escape(&p.text)
    ));
    x.push_str("  </entry>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_become_markup_or_break_the_xml() {
        assert_eq!(
            escape("<script>a & b</script> \"'"),
            "&lt;script&gt;a &amp; b&lt;/script&gt; &quot;&apos;"
        );
        assert_eq!(
            escape("a\u{1b}[2J\u{0}b\u{ffff}"),
            "a\u{fffd}[2J\u{fffd}b\u{fffd}"
        );
        assert_eq!(escape("line\nbreak\ttab"), "line\nbreak\ttab");
        assert_eq!(url_encode("a b&c/é"), "a%20b%26c%2F%C3%A9");
    }
}
