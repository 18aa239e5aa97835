//! Saved searches over HTTP: `/feeds/NAME.atom` parsed as XML, and
//! `/api/watches` (list and save) on the real server.

use std::collections::HashSet;

use super::server::{Response, Server};
use crate::util::{fixtures, json_lines, Scratch};
use crate::watch::{about, briefing, run};

const ATOM: &str = "http://www.w3.org/2005/Atom";

/// `POST /api/watches` with `body` as `content_type`.
fn post(server: &Server, body: &str, content_type: &str) -> Response {
    server.raw(
        format!(
            "POST /api/watches HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}",
            server.addr,
            body.len()
        )
        .as_bytes(),
    )
}

/// The children of `node` named `name` in the Atom namespace.
fn children<'a, 'i>(
    node: roxmltree::Node<'a, 'i>,
    name: &'a str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'i>> + 'a {
    node.children()
        .filter(move |c| c.tag_name().name() == name && c.tag_name().namespace() == Some(ATOM))
}

fn child_text<'a>(node: roxmltree::Node<'a, '_>, name: &str) -> &'a str {
    node.children()
        .find(|c| c.tag_name().name() == name)
        .and_then(|c| c.text())
        .unwrap_or_else(|| panic!("no <{name}> in {node:?}"))
}

fn href(node: roxmltree::Node<'_, '_>, rel: &str) -> String {
    children(node, "link")
        .find(|l| l.attribute("rel") == Some(rel))
        .and_then(|l| l.attribute("href"))
        .unwrap_or_else(|| panic!("no {rel} link"))
        .to_string()
}

#[test]
fn serve_feed_is_atom_with_transcript_text_escaped() {
    let scratch = Scratch::new();
    let dir = scratch.path().join("briefings");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::copy(
        fixtures().join("serve").join("hostile-briefing.txt"),
        dir.join("hostile.txt"),
    )
    .expect("copy fixture");
    // More matches than a feed holds, on two dates.
    scratch.write(
        "briefings/old.txt",
        about("tide gauge", "1 May 2024", 30, "old"),
    );
    scratch.write(
        "briefings/new.txt",
        about("tide gauge", "20 May 2024", 30, "new"),
    );
    scratch.index_paths(&[&dir]);
    let (code, _, err) = run(&scratch, &["watch", "add", "ferries", "tide gauge"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(&scratch, &["watch", "add", "lighthouse", "lighthouse"]);
    assert_eq!(code, 0, "{err}");

    let server = Server::start(scratch.path(), &scratch.index());
    let base = format!("http://{}", server.addr);
    let r = server.get("/feeds/ferries.atom");
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        r.header("content-type"),
        Some("application/atom+xml; charset=utf-8")
    );
    let doc = roxmltree::Document::parse(&r.body).expect("well-formed XML");
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().name(), "feed");
    assert_eq!(feed.tag_name().namespace(), Some(ATOM));
    for required in ["id", "title", "updated"] {
        assert!(
            children(feed, required).next().is_some(),
            "feed has no {required}"
        );
    }
    assert_eq!(href(feed, "self"), format!("{base}/feeds/ferries.atom"));
    assert!(href(feed, "alternate").starts_with(&format!("{base}/?q=tide%20gauge")));
    let entries: Vec<_> = children(feed, "entry").collect();
    assert_eq!(entries.len(), 50, "a feed holds at most 50 entries");
    let ids: HashSet<&str> = entries.iter().map(|e| child_text(*e, "id")).collect();
    assert_eq!(ids.len(), 50, "entry ids are unique");
    // Newest first: the 30 of 20 May, then 20 of 1 May.
    let dates: Vec<&str> = entries.iter().map(|e| child_text(*e, "updated")).collect();
    assert!(
        dates[..30].iter().all(|d| *d == "2024-05-20T00:00:00Z"),
        "{dates:?}"
    );
    assert!(
        dates[30..].iter().all(|d| *d == "2024-05-01T00:00:00Z"),
        "{dates:?}"
    );
    for e in &entries {
        let id = child_text(*e, "id");
        let passage = id.strip_prefix("urn:podium:passage:").expect("urn id");
        assert_eq!(href(*e, "alternate"), format!("{base}/?p={passage}"));
        assert!(child_text(*e, "title").starts_with("Oona Tervakoski, 2024-05-"));
        let author = children(*e, "author").next().expect("author");
        assert_eq!(child_text(author, "name"), "Oona Tervakoski");
        assert!(children(*e, "published").next().is_some());
    }

    // Markup and entities in a transcript are text in the feed.
    let r = server.get("/feeds/lighthouse.atom");
    assert_eq!(r.status, 200, "{}", r.body);
    let doc = roxmltree::Document::parse(&r.body).expect("well-formed XML");
    let names: HashSet<&str> = doc
        .descendants()
        .filter(|n| n.is_element())
        .map(|n| n.tag_name().name())
        .collect();
    for forbidden in ["script", "img", "a", "b"] {
        assert!(
            !names.contains(forbidden),
            "<{forbidden}> became markup: {}",
            r.body
        );
    }
    assert!(doc
        .descendants()
        .all(|n| !n.is_element() || n.tag_name().namespace() == Some(ATOM)));
    let entries: Vec<_> = children(doc.root_element(), "entry").collect();
    assert_eq!(entries.len(), 1);
    let content = children(entries[0], "content").next().expect("content");
    assert_eq!(content.attribute("type"), Some("text"));
    let text = content.text().expect("content text");
    assert!(
        text.contains("<script>document.body.dataset.pwned='script'</script>"),
        "{text}"
    );
    assert!(text.contains("<img src=x onerror="), "{text}");
    // The raw body has them escaped.
    assert!(r.body.contains("&lt;script&gt;"), "{}", r.body);

    // A transcript with a bare ampersand and markup in the speaker's words.
    scratch.write(
        "briefings/amp.txt",
        briefing(
            "Harbour Office briefing on tolls & fees",
            "21 May 2024",
            &[("Oona Tervakoski", "The lighthouse tolls & fees </content><script>alert(1)</script> stay as they were this year, for every ship and every ferry.")],
        ),
    );
    scratch.index_paths(&[&dir]);
    let r = server.get("/feeds/lighthouse.atom");
    let doc = roxmltree::Document::parse(&r.body).expect("well-formed XML");
    let entries: Vec<_> = children(doc.root_element(), "entry").collect();
    assert_eq!(entries.len(), 2, "the feed follows the index: {}", r.body);
    let newest = child_text(entries[0], "content");
    assert!(
        newest.contains("tolls & fees </content><script>alert(1)</script>"),
        "{newest}"
    );
    assert!(child_text(entries[0], "title").ends_with("tolls & fees"));
    assert!(
        r.body.contains("tolls &amp; fees &lt;/content&gt;"),
        "{}",
        r.body
    );
}

#[test]
fn serve_unknown_feeds_are_404s_that_say_so() {
    let scratch = Scratch::new();
    scratch.index_seeds();
    let (code, _, err) = run(&scratch, &["watch", "add", "star", "STAR Market"]);
    assert_eq!(code, 0, "{err}");
    let mut server = Server::start(scratch.path(), &scratch.index());
    for (target, words) in [
        (
            "/feeds/nope.atom",
            "no saved search named 'nope'; saved searches: star",
        ),
        ("/feeds/star", "feeds are at /feeds/NAME.atom"),
        ("/feeds/a%20b.atom", "no saved search named 'a b'"),
        ("/feeds/..%2F..%2Fmeta.json.atom", "no saved search named"),
        ("/feeds/%3Cscript%3E.atom", "no saved search named"),
    ] {
        let msg = server.error(target, 404);
        assert!(msg.contains(words), "{target}: {msg}");
    }
    assert!(server.alive());
    assert_eq!(server.get("/feeds/star.atom").status, 200);
}

#[test]
fn serve_saves_searches_from_the_api() {
    let scratch = Scratch::new();
    scratch.index_seeds();
    let server = Server::start(scratch.path(), &scratch.index());
    assert_eq!(
        server.json("/api/watches")["watches"],
        serde_json::json!([])
    );

    let r = post(
        &server,
        r#"{"name":"star","q":"STAR Market","speaker":"gong","role":"official","since":""}"#,
        "application/json",
    );
    assert_eq!(r.status, 201, "{}", r.body);
    let saved = r.json();
    assert_eq!(saved["name"], "star");
    assert_eq!(saved["feed"], "/feeds/star.atom");
    assert_eq!(
        saved["feed_url"],
        format!("http://{}/feeds/star.atom", server.addr)
    );
    assert_eq!(saved["speakers"], serde_json::json!(["gong"]));
    assert!(saved.get("since").is_none());

    // The CLI sees it, and so does the list.
    let (code, out, _) = run(&scratch, &["watch", "list", "--json"]);
    assert_eq!(code, 0);
    let listed = json_lines(out.as_bytes());
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["query"], "STAR Market");
    assert_eq!(listed[0]["role"], "official");
    let api = server.json("/api/watches");
    assert_eq!(api["watches"][0]["name"], "star");
    assert_eq!(api["watches"][0]["feed"], "/feeds/star.atom");
    // Its feed: Gong Zheng's STAR Market passages.
    let r = server.get("/feeds/star.atom");
    let doc = roxmltree::Document::parse(&r.body).expect("well-formed XML");
    let entries: Vec<_> = children(doc.root_element(), "entry").collect();
    assert!(!entries.is_empty());
    for e in &entries {
        assert!(
            child_text(*e, "title").starts_with("Gong Zheng, "),
            "{}",
            r.body
        );
    }

    // Errors, as JSON, with the CLI's words.
    for (body, content_type, status, words) in [
        (
            r#"{"name":"star","q":"tariffs"}"#,
            "application/json",
            409,
            "'star' already exists",
        ),
        (
            r#"{"name":"a b","q":"tariffs"}"#,
            "application/json",
            400,
            "invalid name 'a b'",
        ),
        (
            r#"{"name":"x","q":"()"}"#,
            "application/json",
            400,
            "invalid query",
        ),
        (
            r#"{"name":"x","q":"m","speaker":"nobody"}"#,
            "application/json",
            400,
            "unknown speaker 'nobody'",
        ),
        (
            r#"{"name":"x","q":"m","role":"king"}"#,
            "application/json",
            400,
            "role 'king'",
        ),
        (
            r#"{"name":"x","q":"m","since":"soon"}"#,
            "application/json",
            400,
            "invalid date 'soon'",
        ),
        (
            r#"{"name":"x""#,
            "application/json",
            400,
            "invalid JSON body",
        ),
        (
            r#"{"name":"x","q":"m","evil":1}"#,
            "application/json",
            400,
            "unknown field `evil`",
        ),
        (
            "name=x&q=m",
            "application/x-www-form-urlencoded",
            415,
            "as JSON",
        ),
        (r#"{"name":"x","q":"m"}"#, "text/plain", 415, "as JSON"),
    ] {
        let r = post(&server, body, content_type);
        assert_eq!(r.status, status, "{body}: {}", r.body);
        let msg = r.json()["error"].as_str().expect("error").to_string();
        assert!(msg.contains(words), "{body}: {msg}");
    }
    let big = format!(r#"{{"name":"x","q":"{}"}}"#, "a".repeat(20_000));
    assert_eq!(post(&server, &big, "application/json").status, 413);
    // Nothing was saved by the refused requests.
    assert_eq!(
        server.json("/api/watches")["watches"]
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    // Other routes stay read-only.
    assert_eq!(server.request("POST", "/api/search?q=x").status, 405);
    assert_eq!(server.request("DELETE", "/api/watches").status, 405);
}
