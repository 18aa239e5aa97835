//! A `podium index` run while the server is up is what the next request
//! sees: additions, a new speaker's registry entry, and a `--rebuild`.

use super::server::Server;
use crate::util::{seeds, Scratch, ROSTER};

#[test]
fn serve_sees_each_index_run_without_a_restart() {
    let scratch = Scratch::new();
    scratch.index_seeds();
    let server = Server::start(scratch.path(), &scratch.index());
    assert_eq!(server.json("/api/search?q=herring")["total"], 0);
    let before = server.json("/api/stats");

    // A new briefing, indexed by another process while the server runs.
    let fish = scratch.write("more/fisheries.txt", ROSTER);
    scratch.index_paths(&[&fish]);
    let found = server.json("/api/search?q=herring");
    assert_eq!(found["total"], 1, "{found}");
    assert_eq!(found["hits"][0]["speaker"], "Signe Halvorsen", "{found}");
    // The new speaker is known to filters and facets (the registry was reread).
    let by = server.json("/api/search?q=quota&speaker=Halvorsen");
    assert!(by["total"].as_u64().unwrap_or(0) >= 1, "{by}");
    let facets = server.json("/api/speakers?q=herring");
    assert_eq!(facets["speakers"][0]["speaker"], "Signe Halvorsen");
    let after = server.json("/api/stats");
    assert_eq!(
        after["documents"],
        before["documents"].as_u64().unwrap_or(0) + 1
    );
    let id = found["hits"][0]["id"].as_str().expect("id").to_string();
    assert_eq!(
        server.json(&format!("/api/passages/{id}"))["passage"]["id"],
        id.as_str()
    );

    // A rebuild from the seeds alone takes it away again.
    let out = scratch
        .podium()
        .args(["index", "--rebuild", "-q", "--index"])
        .arg(scratch.index())
        .arg(seeds())
        .output()
        .expect("podium index --rebuild");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(server.json("/api/search?q=herring")["total"], 0);
    assert_eq!(
        server.error(&format!("/api/passages/{id}"), 404),
        format!("no passage with id '{id}'")
    );
    assert_eq!(server.json("/api/stats")["documents"], before["documents"]);
}
