//! More inputs: saved web pages, Markdown and JSON lines go through the
//! same speaker rules as text files.

use serde_json::Value;

use crate::util::{fixtures, json_lines, roster_of, s, Scratch};

fn inputs() -> std::path::PathBuf {
    fixtures().join("inputs")
}

/// An index of the inputs folder (walked: .html, .jsonl, .md are found).
fn indexed() -> (Scratch, String) {
    let scratch = Scratch::new();
    let summary = scratch.index_paths(&[&inputs()]);
    (scratch, summary)
}

fn parsed(scratch: &Scratch, file: &str) -> Vec<Value> {
    scratch.parse(&[inputs().join(file)], &[])
}

fn turns(doc: &Value) -> Vec<(String, String)> {
    doc["passages"]
        .as_array()
        .expect("passages")
        .iter()
        .map(|p| (s(p, "speaker").to_string(), s(p, "role").to_string()))
        .collect()
}

#[test]
fn folders_are_walked_for_html_markdown_and_json_lines() {
    let (_, summary) = indexed();
    // One page, one Markdown file, two good records of four.
    assert!(summary.contains("indexed 4 documents"), "{summary}");
    assert!(
        summary.contains("scraped.jsonl#4: record has no \"text\""),
        "{summary}"
    );
    assert!(
        summary.contains("scraped.jsonl#5: is not valid JSON"),
        "{summary}"
    );
}

#[test]
fn html_pages_lose_their_furniture_and_keep_their_speakers() {
    let scratch = Scratch::new();
    let docs = parsed(&scratch, "ferry-briefing.html");
    let d = &docs[0];
    assert_eq!(
        s(d, "title"),
        "Ministry of Waterways press conference on ferry safety"
    );
    assert_eq!(s(d, "date"), "2023-09-07");
    let roster: Vec<(&str, &str)> = roster_of(d);
    assert_eq!(
        roster,
        [
            ("Rosa Ferreira-Lindt", "official"),
            ("Anton Vasquez", "official"),
            ("Ilse Brandvold", "moderator")
        ]
    );
    let t = turns(d);
    let want = [
        ("Ilse Brandvold", "moderator"),
        ("Rosa Ferreira-Lindt", "official"),
        ("Rosa Ferreira-Lindt", "official"),
        ("Lake Radio", "journalist"),
        ("Anton Vasquez", "official"),
    ];
    assert_eq!(
        t,
        want.map(|(a, b)| (a.to_string(), b.to_string())).to_vec()
    );
    let texts: Vec<&str> = d["passages"]
        .as_array()
        .expect("passages")
        .iter()
        .map(|p| s(p, "text"))
        .collect();
    // Whitespace collapsed, entities decoded, the line break inside the
    // paragraph joined.
    assert!(
        texts[0].ends_with("present the new ferry safety plan."),
        "{texts:?}"
    );
    assert!(
        texts[1].contains("was inspected, and 14 vessels"),
        "{texts:?}"
    );
    // Scripts, navigation, share buttons, asides, footers and banners are
    // not text.
    for gone in [
        "tracking",
        "Newsroom",
        "Skip to content",
        "Share on social",
        "injected",
        "Related briefings",
        "Tags:",
        "rights reserved",
        "cookies",
        "font-family",
    ] {
        assert!(
            !texts.iter().any(|t| t.contains(gone)),
            "{gone:?} leaked into {texts:?}"
        );
    }
}

#[test]
fn html_passages_are_searchable_with_speaker_role_and_date() {
    let (scratch, _) = indexed();
    let (hits, code) = scratch.search("lifeboats", &[]);
    assert_eq!(code, 0);
    assert_eq!(s(&hits[0], "speaker"), "Rosa Ferreira-Lindt");
    assert_eq!(s(&hits[0], "role"), "official");
    assert_eq!(s(&hits[0], "date"), "2023-09-07");
    assert!(s(&hits[0], "file").ends_with("ferry-briefing.html"));
    for furniture in ["cookies", "Newsroom", "injected", "analytics"] {
        let (hits, code) = scratch.search(furniture, &[]);
        assert_eq!(code, 1, "{furniture}: {hits:?}");
    }
}

#[test]
fn a_page_nested_ten_thousand_deep_is_flattened_with_a_warning_naming_it() {
    let scratch = Scratch::new();
    let n = 10_000;
    let page = scratch.write(
        "deep.html",
        format!(
            "<html><head><title>Harbour briefing on ferries</title></head><body>\n{}\n\
             <p>Lena Moreau: The harbour opens a new ferry line in May.</p>\n\
             <p>Harbour Radio: Will fares change?</p>\n\
             <p>Lena Moreau: No, they stay the same.</p>\n{}\n</body></html>\n",
            "<div>\n".repeat(n),
            "</div>\n".repeat(n)
        ),
    );
    // Indexing: the warning names the file; the text is searchable.
    let out = scratch
        .podium()
        .arg("index")
        .arg(&page)
        .arg("--index")
        .arg(scratch.index())
        .output()
        .expect("index");
    assert!(out.status.success());
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        all.contains(&format!(
            "{}: HTML nested {} elements deep: elements deeper than 512 were flattened",
            page.display(),
            n + 2 // and <html>, <body>
        )),
        "{all}"
    );
    let (hits, code) = scratch.search("ferry line", &[]);
    assert_eq!(code, 0);
    assert_eq!(s(&hits[0], "speaker"), "Lena Moreau");
    // parse says so too.
    let out = scratch
        .podium()
        .arg("parse")
        .arg(&page)
        .output()
        .expect("parse");
    assert!(String::from_utf8_lossy(&out.stderr).contains("flattened"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("No, they stay the same."));
}

#[test]
fn json_lines_records_are_documents_with_their_title_and_date() {
    let (scratch, _) = indexed();
    let (hits, code) = scratch.search("night bus network", &[]);
    assert_eq!(code, 0);
    let h = &hits[0];
    assert_eq!(s(h, "speaker"), "Nnamdi Okafor");
    assert_eq!(s(h, "role"), "official");
    assert_eq!(s(h, "date"), "2022-11-03");
    assert_eq!(s(h, "title"), "Transport office briefing on night buses");
    assert!(s(h, "file").ends_with("scraped.jsonl#1"), "{h}");

    let (hits, code) = scratch.search("自动化码头", &[]);
    assert_eq!(code, 0);
    assert!(hits
        .iter()
        .all(|h| s(h, "file").ends_with("scraped.jsonl#2")));
    let answer = hits
        .iter()
        .find(|h| s(h, "role") == "official")
        .expect("the answer");
    assert_eq!(s(answer, "speaker"), "韩书瑶");
    assert_eq!(s(answer, "date"), "2024-05-16");
    assert_eq!(s(answer, "title"), "港口物流新闻发布会");
}

#[test]
fn a_records_title_is_used_as_given() {
    let scratch = Scratch::new();
    // A title the text parser would read as a dateline, and a date given
    // as a timestamp.
    let file = scratch.write(
        "r.jsonl",
        concat!(
            r#"{"title": "Press Briefing by Spokesperson Lena Moreau, June 14, 2023", "date": "2023-06-14T16:05:00-04:00", "#,
            r#""text": "MS. MOREAU: Good afternoon. The harbour reopens on Monday.\n\nQ: Which berths first?\n\nMS. MOREAU: The eastern berths."}"#,
            "\n"
        ),
    );
    let docs = scratch.parse(&[file], &[]);
    assert_eq!(docs.len(), 1);
    assert_eq!(
        s(&docs[0], "title"),
        "Press Briefing by Spokesperson Lena Moreau, June 14, 2023"
    );
    assert_eq!(s(&docs[0], "date"), "2023-06-14");
    assert_eq!(
        turns(&docs[0]).first().map(|t| t.0.as_str()),
        Some("Lena Moreau")
    );
}

#[test]
fn markdown_loses_its_markup_and_keeps_its_line_numbers() {
    let scratch = Scratch::new();
    let docs = parsed(&scratch, "night-trains.md");
    let d = &docs[0];
    assert_eq!(s(d, "title"), "Rail agency briefing on night trains");
    assert_eq!(s(d, "date"), "2021-10-12");
    let ps = d["passages"].as_array().expect("passages");
    let find = |needle: &str| {
        ps.iter()
            .find(|p| s(p, "text").contains(needle))
            .unwrap_or_else(|| panic!("{needle} not in {ps:?}"))
    };
    let sleeper = find("Sleeper cars");
    assert_eq!(s(sleeper, "speaker"), "Maren Oyelaran");
    assert_eq!(
        s(sleeper, "text"),
        "Sleeper cars return on the northern route."
    );
    // Line 13 of the Markdown file, where the list item is.
    assert_eq!(sleeper["line"], 13);
    let q = find("How many passengers");
    assert_eq!((s(q, "role"), q["line"].as_u64()), ("journalist", Some(16)));
    assert!(ps.iter().all(|p| !s(p, "text").contains("**")));

    let (scratch, _) = indexed();
    let out = scratch
        .podium()
        .args(["search", "sleeper cars", "--json", "--index"])
        .arg(scratch.index())
        .output()
        .expect("search");
    let hits = json_lines(&out.stdout);
    assert_eq!(s(&hits[0], "speaker"), "Maren Oyelaran");
    assert_eq!(hits[0]["line"], 13);
}
