//! The page in real headless Chromium: its JavaScript runs against the real
//! server, and the DOM it builds is checked (`--dump-dom` after the
//! page's fetches have settled).
//!
//! Chromium is required: without it these tests fail and say how to
//! install it (`apt-get install -y chromium`; `.ci/run` does), because a
//! browser test that passes without a browser tests nothing.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use super::server::Server;
use crate::util::{fixtures, Scratch};

/// The browser: `$PODIUM_CHROMIUM`, else Debian's `/usr/bin/chromium`.
pub fn chromium() -> PathBuf {
    let path = std::env::var_os("PODIUM_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    assert!(
        path.is_file(),
        "headless Chromium is needed for the page tests and is not at {}: install it (`apt-get update && apt-get install -y chromium`) or set PODIUM_CHROMIUM",
        path.display()
    );
    path
}

/// Chromium without a screen, a sandbox (tests run as root in CI) or any
/// network of its own: only the page under test talks, to the test server.
pub const HEADLESS: [&str; 9] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
];

/// The DOM of `url` once its scripts have run, as Chromium serialises it.
pub fn dump_dom(url: &str) -> String {
    let profile = tempfile::tempdir().expect("profile dir");
    let started = Instant::now();
    let out = Command::new(chromium())
        .args(HEADLESS)
        .args(["--virtual-time-budget=10000", "--dump-dom"])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(url)
        .output()
        .expect("run chromium");
    assert!(
        out.status.success(),
        "chromium failed on {url} after {:?}: {}",
        started.elapsed(),
        String::from_utf8_lossy(&out.stderr)
    );
    let dom = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(dom.contains("id=\"hits\""), "not podium's page: {dom}");
    dom
}

/// The inner HTML of every element that opens with `open` (`<li class="hit"`).
fn elements<'a>(dom: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    dom.match_indices(open)
        .filter_map(|(i, _)| {
            let rest = &dom[i..];
            rest.find(close).map(|j| &rest[..j])
        })
        .collect()
}

/// Texts of `<span class="who">` in the hits, in order.
fn speakers(dom: &str) -> Vec<String> {
    elements(dom, "<span class=\"who\">", "</span>")
        .into_iter()
        .map(|s| s.trim_start_matches("<span class=\"who\">").to_string())
        .collect()
}

fn status(dom: &str) -> String {
    elements(dom, "<p id=\"status\"", "</p>")
        .first()
        .and_then(|s| s.split_once('>'))
        .map(|(_, t)| t.to_string())
        .unwrap_or_default()
}

#[test]
fn serve_page_shows_hits_with_marks_and_facets() {
    let scratch = Scratch::new();
    scratch.index_seeds();
    let server = Server::start(scratch.path(), &scratch.index());
    let dom = dump_dom(&format!("http://{}/?q=STAR+Market", server.addr));
    assert_eq!(status(&dom), "4 passages match “STAR Market”", "{dom}");
    assert_eq!(speakers(&dom)[0], "Gong Zheng");
    assert_eq!(speakers(&dom).len(), 4);
    // The two words of the name, highlighted as one.
    assert!(dom.contains("<mark>STAR Market</mark>"), "{dom}");
    // The box holds the query again (a shared link restores the search).
    assert!(
        dom.contains("<span class=\"name\">Li Jun</span><span class=\"count\">2</span>"),
        "{dom}"
    );
}

#[test]
fn serve_page_filter_from_a_shared_link_narrows_the_hits() {
    let scratch = Scratch::new();
    scratch.index_seeds();
    let server = Server::start(scratch.path(), &scratch.index());
    let dom = dump_dom(&format!(
        "http://{}/?q=STAR+Market&speaker=Li+Jun",
        server.addr
    ));
    assert_eq!(status(&dom), "2 passages match “STAR Market”", "{dom}");
    assert_eq!(speakers(&dom), ["Li Jun", "Li Jun"]);
    // The facet of the speaker filtered on is pressed; the others are offered.
    assert!(
        dom.contains("aria-pressed=\"true\" title=\"official\"><span class=\"name\">Li Jun</span>"),
        "{dom}"
    );
    assert!(
        dom.contains("<span class=\"name\">Gong Zheng</span>"),
        "{dom}"
    );

    let dated = dump_dom(&format!(
        "http://{}/?q=STAR+Market&since=2024-02-15",
        server.addr
    ));
    assert_eq!(speakers(&dated), ["Gong Zheng"]);
    // An error from the API is shown, as text.
    let bad = dump_dom(&format!(
        "http://{}/?q=STAR+Market&since=03%2F04%2F2024",
        server.addr
    ));
    assert!(
        status(&bad).contains("ambiguous date '03/04/2024'"),
        "{bad}"
    );
    assert!(speakers(&bad).is_empty());
}

#[test]
fn serve_page_shows_a_hostile_transcript_as_text() {
    let scratch = Scratch::new();
    scratch.index_paths(&[&fixtures().join("serve")]);
    let server = Server::start(scratch.path(), &scratch.index());
    let started = Instant::now();
    let dom = dump_dom(&format!("http://{}/?q=lighthouse", server.addr));
    assert!(started.elapsed() < Duration::from_secs(120));
    assert_eq!(speakers(&dom), ["Oona Tervakoski"], "{dom}");
    // The markup in the transcript is text: escaped in the serialised DOM…
    assert!(
        dom.contains("&lt;img src=x onerror=\"document.body.dataset.pwned='img'\"&gt;"),
        "{dom}"
    );
    assert!(
        dom.contains("&lt;script&gt;document.body.dataset.pwned='script'&lt;/script&gt;"),
        "{dom}"
    );
    assert!(
        dom.contains("&lt;script&gt;document.title='pwned-title'&lt;/script&gt;"),
        "{dom}"
    );
    // …and nothing of it ran or became an element.
    assert!(
        !dom.contains("data-pwned"),
        "a transcript's script ran: {dom}"
    );
    assert!(dom.contains("<title>podium</title>"), "{dom}");
    assert!(!dom.contains("<img"), "{dom}");
    assert!(!dom.contains("<a href=\"javascript"), "{dom}");
}

#[test]
fn serve_page_offers_to_save_the_search_and_lists_feeds() {
    let scratch = Scratch::new();
    scratch.index_seeds();
    let out = scratch
        .podium()
        .args(["watch", "add", "star", "STAR Market", "--index"])
        .arg(scratch.index())
        .output()
        .expect("watch add");
    assert!(out.status.success());
    let server = Server::start(scratch.path(), &scratch.index());
    let dom = dump_dom(&format!("http://{}/?q=STAR+Market", server.addr));
    // The form to save the search is shown with a search…
    assert!(
        dom.contains("<form id=\"save\" class=\"save\" autocomplete=\"off\">"),
        "{dom}"
    );
    assert!(dom.contains("Save as alert</button>"), "{dom}");
    // …and the saved searches are listed with their feeds.
    assert!(
        dom.contains(
            "<a class=\"feed\" href=\"/feeds/star.atom\" type=\"application/atom+xml\">star</a>"
        ),
        "{dom}"
    );
    // Without a search there is nothing to save.
    let empty = dump_dom(&format!("http://{}/", server.addr));
    assert!(
        empty.contains("<form id=\"save\" class=\"save\" autocomplete=\"off\" hidden=\"\">"),
        "{empty}"
    );
}

#[test]
fn serve_page_shows_the_passage_a_feed_links_to() {
    let scratch = Scratch::new();
    scratch.index_seeds();
    let server = Server::start(scratch.path(), &scratch.index());
    let dom = dump_dom(&format!("http://{}/?p=a055c6561ae220f9", server.addr));
    assert_eq!(status(&dom), "Passage a055c6561ae220f9", "{dom}");
    assert_eq!(speakers(&dom), ["Gong Zheng"]);
    // Opened, with its briefing and the turns around it.
    assert!(dom.contains("aria-expanded=\"true\""), "{dom}");
    assert!(dom.contains("class=\"turn this\""), "{dom}");
    let missing = dump_dom(&format!("http://{}/?p=ffffffffffffffff", server.addr));
    assert!(status(&missing).contains("no passage with id"), "{missing}");
}
