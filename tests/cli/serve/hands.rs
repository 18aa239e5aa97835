//! The page used by hand: typing a search, saving it as an alert. Each test
//! drives real headless Chromium ([`super::devtools`]) against the real
//! server, and checks the result where a person would see it — the page —
//! and where it must land — the index's saved searches, read back through
//! the real `podium watch list`.

use serde_json::Value;

use super::devtools::Page;
use super::server::Server;
use crate::util::Scratch;

/// How many hits the page lists.
const HITS: &str = "document.querySelectorAll('#hits li.hit').length";

/// What the "Save as alert" form says once the server has answered, or
/// "" while it has not (so `wait_for` waits): an error, or "Saved …".
const SAVE_SAID: &str = "(() => { const s = document.getElementById('save-status'); \
     return s.classList.contains('error') || s.textContent.startsWith('Saved') ? s.textContent : ''; })()";

/// The saved searches of the scratch index, as `podium watch list --json`.
fn watches(scratch: &Scratch) -> Vec<Value> {
    let out = scratch
        .podium()
        .args(["watch", "list", "--json", "--index"])
        .arg(scratch.index())
        .output()
        .expect("run podium watch list");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn serve_page_searches_as_you_type_and_the_address_follows() {
    let scratch = Scratch::new();
    scratch.index_seeds();
    let server = Server::start(scratch.path(), &scratch.index());
    let mut page = Page::open(&format!("http://{}/", server.addr));
    assert_eq!(page.eval(HITS), 0, "nothing listed before a search");

    page.type_into("#q", "STAR Market");
    // No Enter: the page searches on its own once typing pauses.
    page.wait_for(&format!("{HITS} === 4"));
    assert_eq!(
        page.eval("document.querySelector('#hits li.hit .who').textContent"),
        "Gong Zheng"
    );
    assert_eq!(
        page.eval("document.getElementById('status').textContent"),
        "4 passages match “STAR Market”"
    );
    // The address now holds the search, so it can be shared.
    assert_eq!(
        page.eval("new URLSearchParams(location.search).get('q')"),
        "STAR Market"
    );

    // Narrowing by speaker, typed into its box, narrows the list.
    page.type_into("#speaker", "Li Jun");
    page.wait_for(&format!("{HITS} === 2"));
    assert_eq!(
        page.eval("new URLSearchParams(location.search).get('speaker')"),
        "Li Jun"
    );
}

#[test]
fn serve_page_saves_the_search_as_an_alert_with_its_feed() {
    let scratch = Scratch::new();
    scratch.index_seeds();
    let server = Server::start(scratch.path(), &scratch.index());
    assert!(
        watches(&scratch).is_empty(),
        "no saved search to begin with"
    );
    let mut page = Page::open(&format!("http://{}/?q=STAR+Market", server.addr));
    page.wait_for(&format!("{HITS} === 4"));

    // A name the server refuses: the page says why, and nothing is saved.
    page.type_into("#save-name", "star market!");
    page.click("#save button[type=submit]");
    let refused = page.wait_for(SAVE_SAID);
    assert!(
        page.eval("document.getElementById('save-status').classList.contains('error')") == true,
        "refused, as an error: {refused}"
    );
    assert!(
        refused.as_str().is_some_and(|m| m.contains("star market!")),
        "the refusal names the name: {refused}"
    );
    assert!(watches(&scratch).is_empty());

    // A good name: saved, with the query of the page, and its feed linked.
    page.eval("document.getElementById('save-name').value = ''");
    page.type_into("#save-name", "star-market");
    page.click("#save button[type=submit]");
    let said = page.wait_for(SAVE_SAID);
    assert_eq!(said, "Saved “star-market”: its feed");
    let saved = watches(&scratch);
    assert_eq!(saved.len(), 1, "{saved:?}");
    assert_eq!(saved[0]["name"], "star-market");
    assert_eq!(saved[0]["query"], "STAR Market");
    // The page lists it, and its feed is served.
    let feed = page.wait_for("document.querySelector('#watch-list a.feed')?.getAttribute('href')");
    assert_eq!(feed, "/feeds/star-market.atom");
    let atom = server.get("/feeds/star-market.atom");
    assert_eq!(atom.status, 200, "{}", atom.body);
    assert!(atom.body.contains("<feed"), "{}", atom.body);
}

#[test]
fn serve_page_filters_by_outlet_and_saves_the_filter_with_the_search() {
    let scratch = Scratch::new();
    scratch.index_seeds();
    let server = Server::start(scratch.path(), &scratch.index());
    let mut page = Page::open(&format!("http://{}/?q=Shanghai", server.addr));
    page.wait_for(&format!("{HITS} > 1"));

    // The newsroom typed into the outlet box leaves its reporter's question.
    page.type_into("#outlet", "Phoenix TV");
    page.wait_for(&format!("{HITS} === 1"));
    assert_eq!(
        page.eval("document.querySelector('#hits li.hit .who').textContent"),
        "Phoenix TV"
    );
    assert_eq!(
        page.eval("new URLSearchParams(location.search).get('outlet')"),
        "Phoenix TV"
    );

    // Saved, the alert keeps the outlet as `podium watch add --outlet` would.
    page.type_into("#save-name", "phoenix");
    page.click("#save button[type=submit]");
    let said = page.wait_for(SAVE_SAID);
    assert_eq!(said, "Saved “phoenix”: its feed");
    let saved = watches(&scratch);
    assert_eq!(saved.len(), 1, "{saved:?}");
    assert_eq!(saved[0]["query"], "Shanghai");
    assert_eq!(saved[0]["outlets"], serde_json::json!(["Phoenix TV"]));
}
