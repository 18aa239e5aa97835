//! The JSON API answers in the CLI's shapes and words.

use serde_json::Value;

use super::server::{enc, Server};
use crate::util::{json_lines, Scratch};

/// A server over the seeds' index.
fn seeded() -> (Scratch, Server) {
    let scratch = Scratch::new();
    scratch.index_seeds();
    let server = Server::start(scratch.path(), &scratch.index());
    (scratch, server)
}

/// The one-line error the CLI prints for `args` (without `podium: error: `).
fn cli_error(scratch: &Scratch, args: &[&str]) -> String {
    let out = scratch
        .podium()
        .args(args)
        .arg("--index")
        .arg(scratch.index())
        .output()
        .expect("run podium");
    assert_eq!(out.status.code(), Some(2), "{args:?} should fail");
    let err = String::from_utf8_lossy(&out.stderr);
    err.lines()
        .find_map(|l| l.strip_prefix("podium: error: "))
        .unwrap_or_else(|| panic!("no error line in {err}"))
        .to_string()
}

#[test]
fn serve_search_answers_with_the_hits_search_json_prints() {
    let (scratch, server) = seeded();
    let answer = server.json("/api/search?q=STAR+Market");
    assert_eq!(answer["query"], "STAR Market");
    assert_eq!(answer["total"], 4);
    let (cli, _) = scratch.search("STAR Market", &[]);
    let hits = answer["hits"].as_array().expect("hits");
    assert_eq!(hits.len(), cli.len());
    // One vocabulary: every hit is the object `search --json` prints.
    for (h, c) in hits.iter().zip(&cli) {
        assert_eq!(h, c);
    }
    assert_eq!(hits[0]["speaker"], "Gong Zheng");
    for key in [
        "id",
        "speaker",
        "role",
        "date",
        "title",
        "file",
        "line",
        "snippet",
        "text",
        "highlights",
    ] {
        assert!(hits[0].get(key).is_some(), "hit has no {key}: {}", hits[0]);
    }
}

#[test]
fn serve_search_filters_and_pages_as_the_cli_does() {
    let (scratch, server) = seeded();
    let by_li = server.json("/api/search?q=STAR+Market&speaker=Li+Jun");
    assert_eq!(by_li["total"], 2);
    let (cli, _) = scratch.search("STAR Market", &["--speaker", "Li Jun"]);
    assert_eq!(by_li["hits"].as_array().expect("hits"), &cli);

    // Repeated `speaker` means any of them, as repeated --speaker.
    let two = server.json("/api/search?q=STAR+Market&speaker=Li+Jun&speaker=gong");
    assert_eq!(two["total"], 3);

    let dated =
        server.json("/api/search?q=STAR+Market&since=2024-01&until=2024-03-31&role=official");
    let speakers: Vec<&str> = dated["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["speaker"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(speakers, ["Gong Zheng", "Xin Guobin"]);

    let all = server.json("/api/search?q=market&n=6");
    let page = server.json("/api/search?q=market&n=2&offset=3");
    assert_eq!(page["offset"], 3);
    assert_eq!(page["total"], all["total"]);
    assert_eq!(page["hits"][0], all["hits"][3]);
    assert_eq!(page["hits"][1], all["hits"][4]);
    assert_eq!(page["hits"][0]["rank"], 4);

    // `sort` is `--sort`: the same hits in the same order, paged alike.
    let newest = server.json("/api/search?q=market&n=20&sort=-date");
    let (cli, _) = scratch.search("market", &["-n", "20", "--sort", "-date"]);
    assert_eq!(newest["hits"].as_array().expect("hits"), &cli);
    assert_ne!(cli, scratch.search("market", &["-n", "20"]).0);
    let paged = server.json("/api/search?q=market&n=2&offset=2&sort=date");
    let (cli, _) = scratch.search("market", &["-n", "2", "--offset", "2", "--sort", "date"]);
    assert_eq!(paged["hits"].as_array().expect("hits"), &cli);

    // `file` is `--file`.
    let one = server.json("/api/search?q=market&file=004_a5462098d382663c.txt");
    let (cli, _) = scratch.search("market", &["--file", "004_a5462098d382663c.txt"]);
    assert!(!cli.is_empty());
    assert_eq!(one["hits"].as_array().expect("hits"), &cli);
    assert!(server
        .error("/api/search?q=market&file=nowhere.txt", 400)
        .contains("no briefing 'nowhere.txt' in the index"));

    // `outlet` is `--outlet`, in any case.
    let outlet = server.json("/api/search?q=Shanghai&outlet=phoenix+tv");
    let (cli, _) = scratch.search("Shanghai", &["--outlet", "Phoenix TV"]);
    assert!(!cli.is_empty());
    assert_eq!(outlet["hits"].as_array().expect("hits"), &cli);
    assert!(outlet["total"].as_u64() < server.json("/api/search?q=Shanghai")["total"].as_u64());
}

#[test]
fn serve_errors_are_400s_in_the_cli_words() {
    let (scratch, server) = seeded();
    for (api, cli) in [
        ("/api/search?q=OR", vec!["search", "OR"]),
        (
            "/api/search?q=role%3Apundit+tariffs",
            vec!["search", "role:pundit tariffs"],
        ),
        (
            "/api/search?q=x&since=03%2F04%2F2024",
            vec!["search", "x", "--since", "03/04/2024"],
        ),
        (
            "/api/search?q=x&until=soon",
            vec!["search", "x", "--until", "soon"],
        ),
        (
            "/api/search?q=x&speaker=Nobody+Known",
            vec!["search", "x", "--speaker", "Nobody Known"],
        ),
        (
            "/api/search?q=x&outlet=Harbor+Radoi",
            vec!["search", "x", "--outlet", "Harbor Radoi"],
        ),
    ] {
        assert_eq!(server.error(api, 400), cli_error(&scratch, &cli), "{api}");
    }
    assert!(server
        .error("/api/search?q=x&role=pundit", 400)
        .contains("unknown role 'pundit'"));
    assert!(server
        .error("/api/search?q=x&n=101", 400)
        .contains("at most 100"));
    assert!(server
        .error("/api/search?q=x&n=many", 400)
        .contains("invalid n 'many'"));
    assert!(server
        .error("/api/search?q=x&offset=5000", 400)
        .contains("too deep"));
    assert!(server
        .error("/api/search?q=x&spekaer=gong", 400)
        .contains("unknown parameter 'spekaer'"));
    let long = format!("/api/search?q={}", "a".repeat(1001));
    assert!(server.error(&long, 400).contains("query too long"));
    // Bytes that are not UTF-8 are read as U+FFFD, which searches nothing.
    assert!(server
        .error("/api/search?q=%FF%FE", 400)
        .contains("nothing to search for"));
    assert!(server
        .error("/api/passages/a055c656?context=500", 400)
        .contains("at most 20"));
    assert!(server
        .error("/api/stats?x=1", 400)
        .contains("unknown parameter 'x'"));
    // Unknown ids are 404s.
    assert_eq!(
        server.error("/api/passages/00000000", 404),
        "no passage with id '00000000'"
    );
    assert!(server
        .error("/api/passages/abc", 404)
        .contains("at least 4"));
    assert!(server
        .error("/api/passages/not-an-id", 404)
        .contains("no passage"));
}

#[test]
fn serve_passage_has_its_question_and_neighbours() {
    let (scratch, server) = seeded();
    // Hua Yuan's answer to ThePaper.cn's question (see `podium show` in docs/explore.md).
    let c = server.json("/api/passages/a4c62445?context=1");
    assert_eq!(c["passage"]["id"], "a4c62445b92f268a");
    assert_eq!(c["passage"]["speaker"], "Hua Yuan");
    let prompt = c["prompt"].as_array().expect("prompt");
    assert!(!prompt.is_empty());
    assert_eq!(prompt[prompt.len() - 1]["id"], "fa6b6f070d3410e1");
    assert_eq!(prompt[prompt.len() - 1]["role"], "journalist");
    assert_eq!(c["after"].as_array().map(Vec::len), Some(1));
    // The neighbours are those `podium show --json` gives.
    let out = scratch
        .podium()
        .args(["show", "a4c62445", "--context", "1", "--json", "--index"])
        .arg(scratch.index())
        .output()
        .expect("podium show");
    let shown = &json_lines(&out.stdout)[0];
    assert_eq!(c["passage"], shown["passage"]);
    assert_eq!(c["after"], shown["after"]);
    let none = server.json("/api/passages/a4c62445b92f268a?context=0");
    assert_eq!(none["after"], Value::Array(vec![]));
    assert_eq!(none["before"], Value::Array(vec![]));
}

#[test]
fn serve_speakers_and_stats_match_the_cli() {
    let (scratch, server) = seeded();
    let facets = server.json("/api/speakers?q=STAR+Market");
    let out = scratch
        .podium()
        .args(["speakers", "STAR Market", "--json", "--index"])
        .arg(scratch.index())
        .output()
        .expect("podium speakers");
    assert_eq!(
        facets["speakers"].as_array().expect("speakers"),
        &json_lines(&out.stdout)
    );
    assert_eq!(facets["total"], 3);
    let capped = server.json("/api/speakers?n=2");
    assert_eq!(capped["speakers"].as_array().map(Vec::len), Some(2));
    assert!(capped["total"].as_u64().unwrap_or(0) > 2);

    let stats = server.json("/api/stats");
    let cli = crate::support::stats(&scratch, &scratch.index());
    for key in [
        "documents",
        "passages",
        "republished",
        "speakers",
        "committed_at",
    ] {
        assert_eq!(stats[key], cli[key], "{key}");
    }
    assert_eq!(stats["passages"], 115);
}

#[test]
fn serve_query_words_survive_the_url() {
    let (_scratch, server) = seeded();
    // Quotes, a minus, a colon and non-ASCII through percent-encoding.
    let q = "\"capital market\" -Shanghai role:official";
    let a = server.json(&format!("/api/search?q={}", enc(q)));
    assert_eq!(a["query"], q);
    for h in a["hits"].as_array().expect("hits") {
        assert_eq!(h["role"], "official");
        assert!(!h["text"].as_str().unwrap_or("").contains("Shanghai"));
    }
    let zh = server.json(&format!("/api/search?q={}", enc("科创板")));
    assert_eq!(zh["query"], "科创板");
}
