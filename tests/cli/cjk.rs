//! Chinese briefings: labels such as `主持人：`, `记者：`, `问：`/`答：`,
//! names in Han characters, `2024年3月28日` dates, and words found inside
//! runs of Han characters.

use std::collections::BTreeSet;

use crate::util::{fixtures, roster_of, s, seeds, Scratch};

fn zh() -> std::path::PathBuf {
    fixtures().join("zh")
}

#[test]
fn a_chinese_transcript_is_read_like_any_other() {
    let scratch = Scratch::new();
    let docs = scratch.parse(&[zh().join("kechuang-briefing.txt")], &[]);
    let d = &docs[0];
    assert_eq!(
        s(d, "title"),
        "临江市人民政府新闻办公室举行科技金融服务新闻发布会"
    );
    assert_eq!(s(d, "date"), "2024-03-28");
    let roster: Vec<(&str, &str, &str)> = d["roster"]
        .as_array()
        .expect("roster")
        .iter()
        .map(|r| (s(r, "name"), s(r, "role"), s(r, "title")))
        .collect();
    assert_eq!(
        roster,
        [
            ("程立方", "official", "临江市科技金融服务中心主任"),
            ("梁文涛", "official", "临江市地方金融管理局副局长"),
            ("苏雨晴", "moderator", "临江市人民政府新闻办公室副主任"),
        ]
    );
    let turns: Vec<(&str, &str)> = d["passages"]
        .as_array()
        .expect("passages")
        .iter()
        .map(|p| (s(p, "speaker"), s(p, "role")))
        .collect();
    assert_eq!(
        turns,
        [
            ("苏雨晴", "moderator"),        // 主持人 苏雨晴：
            ("程立方", "official"),         // 程立方： on its own line
            ("程立方", "official"),         // 程立方：下一步… inline
            ("江城日报记者", "journalist"), // an outlet's reporter
            ("梁文涛", "official"),
            ("Reporter", "journalist"), // 问：
            ("Official", "official"),   // 答：
            ("苏雨晴", "moderator"),    // 主持人： alone: the chair the roster names
        ]
    );
    assert_eq!(d["warnings"], serde_json::json!([]));
}

#[test]
fn a_word_inside_a_run_of_han_characters_is_found() {
    let scratch = Scratch::new();
    scratch.index_paths(&[&seeds(), &zh()]);
    let (hits, code) = scratch.search("科创板", &[]);
    assert_eq!(code, 0);
    let listing = hits
        .iter()
        .find(|h| s(h, "text").contains("上海证券交易所科创板"))
        .expect("the passage with 上海证券交易所科创板");
    assert_eq!(s(listing, "speaker"), "程立方");
    assert_eq!(s(listing, "role"), "official");
    assert_eq!(s(listing, "date"), "2024-03-28");
    // Its snippet highlights the word itself.
    let snippet = s(listing, "snippet");
    let marked: Vec<&str> = listing["highlights"]
        .as_array()
        .expect("highlights")
        .iter()
        .map(|r| {
            &snippet[r[0].as_u64().expect("start") as usize..r[1].as_u64().expect("end") as usize]
        })
        .collect();
    assert!(marked.iter().any(|m| m.contains("科创")), "{marked:?}");
    // Every hit holds the word, in order: a phrase, not scattered characters.
    assert!(hits.iter().all(|h| s(h, "text").contains("科创板")));
    // Longer and shorter words, and filters on Han names.
    let (hits, _) = scratch.search("证券交易所", &[]);
    assert_eq!(hits.len(), 1);
    let (hits, _) = scratch.search("上市", &["--speaker", "程立方"]);
    assert!(!hits.is_empty() && hits.iter().all(|h| s(h, "speaker") == "程立方"));
    let (hits, _) = scratch.search("金融", &["--role", "moderator"]);
    assert!(hits.iter().all(|h| s(h, "speaker") == "苏雨晴"), "{hits:?}");
    // Characters that are not adjacent in the text do not match as a word.
    let (_, code) = scratch.search("科板", &[]);
    assert_eq!(code, 1);
}

#[test]
fn english_search_is_unchanged_by_chinese_documents() {
    let english = Scratch::new();
    english.index_paths(&[&seeds()]);
    let mixed = Scratch::new();
    mixed.index_paths(&[&seeds(), &zh()]);
    for query in [
        "STAR Market",
        "container throughput",
        "angel investment",
        "listed companies",
    ] {
        let ids = |scratch: &Scratch| -> BTreeSet<String> {
            let (hits, _) = scratch.search(query, &["-n", "50"]);
            hits.iter().map(|h| s(h, "id").to_string()).collect()
        };
        assert_eq!(ids(&english), ids(&mixed), "{query}");
    }
}

#[test]
fn a_chinese_snippet_keeps_the_punctuation_that_ends_it() {
    let scratch = Scratch::new();
    scratch.index_paths(&[&zh()]);
    let (hits, code) = scratch.search("科创板", &[]);
    assert_eq!(code, 0);
    let snippet_of = |start: &str| {
        let h = hits
            .iter()
            .find(|h| s(h, "text").starts_with(start))
            .unwrap_or_else(|| panic!("a hit starting {start}: {hits:?}"));
        s(h, "snippet").to_string()
    };
    // Whole passages: the snippet ends as the passage does.
    assert!(
        snippet_of("去年以来").ends_with("我们将继续做好上市后备企业的培育工作。"),
        "{hits:?}"
    );
    assert_eq!(
        snippet_of("科创板上市企业"),
        "科创板上市企业的后续服务怎样保障？"
    );
    // The highlights still mark the word.
    for h in &hits {
        let snippet = s(h, "snippet");
        let marked: Vec<&str> = h["highlights"]
            .as_array()
            .expect("highlights")
            .iter()
            .filter_map(|r| snippet.get(r[0].as_u64()? as usize..r[1].as_u64()? as usize))
            .collect();
        assert!(marked.iter().any(|m| m.contains("科创")), "{marked:?}");
    }
}

/// Chinese rosters that print the office first and the name last, with
/// only a space between (`水利部部长 林思远`; ASCII, ideographic or no-break),
/// under `出席人：`/`发布人：`/`主持人：` headings or on the heading's own
/// line; and the date on a `时间：` line.
#[test]
fn rosters_written_title_then_name() {
    let dir = fixtures().join("zh-rosters");
    let scratch = Scratch::new();
    let docs = scratch.parse(
        &[
            dir.join("title-then-name.txt"),
            dir.join("inline-title-then-name.txt"),
        ],
        &[],
    );
    let roster = |d: &serde_json::Value| -> Vec<(String, String, String)> {
        d["roster"]
            .as_array()
            .expect("roster")
            .iter()
            .map(|r| {
                (
                    s(r, "name").into(),
                    s(r, "role").into(),
                    s(r, "title").into(),
                )
            })
            .collect()
    };
    let speakers = |d: &serde_json::Value| -> Vec<(String, String)> {
        d["passages"]
            .as_array()
            .expect("passages")
            .iter()
            .map(|p| (s(p, "speaker").into(), s(p, "role").into()))
            .collect()
    };
    let owned = |v: &[(&str, &str, &str)]| -> Vec<(String, String, String)> {
        v.iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect()
    };
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };

    let d = &docs[0];
    assert_eq!(s(d, "date"), "2024-05-16");
    assert_eq!(
        roster(d),
        owned(&[
            ("林思远", "official", "临江市水务局局长"),
            ("韩立新", "official", "临江市水务局副局长"),
            ("陶景明", "official", "临江市生态环境局总工程师"),
            (
                "唐雅宁",
                "moderator",
                "临江市人民政府新闻办公室新闻处处长、新闻发言人"
            ),
        ])
    );
    assert_eq!(
        speakers(d),
        pairs(&[
            ("唐雅宁", "moderator"),
            ("林思远", "official"),
            ("江城日报记者", "journalist"),
            ("韩立新", "official"),
            ("陶景明", "official"),
            ("唐雅宁", "moderator"),
        ])
    );

    let d = &docs[1];
    assert_eq!(s(d, "date"), "2024-06-03");
    assert_eq!(
        roster(d),
        owned(&[
            ("邵明川", "official", "临河市交通运输局局长"),
            ("白若冰", "moderator", "临河市人民政府新闻办公室副主任"),
        ])
    );
    assert_eq!(
        speakers(d),
        pairs(&[
            ("白若冰", "moderator"),
            ("邵明川", "official"),
            ("Reporter", "journalist"),
            ("邵明川", "official"),
        ])
    );
    for d in &docs {
        assert_eq!(d["warnings"], serde_json::json!([]), "{}", s(d, "file"));
    }
}

/// Two-character names padded to the width of three with a space inside
/// (`邵　明`) in rosters and labels are the name without the padding, and a
/// chair's words of speech (`现在 开始`, `好的 谢谢`) on the line under
/// `主持人：` are speech, not a name.
#[test]
fn padded_names_and_a_chairs_short_words() {
    let dir = fixtures().join("zh-rosters");
    let docs = Scratch::new().parse(&[dir.join("padded-names.txt")], &[]);
    let d = &docs[0];
    assert_eq!(s(d, "date"), "2024-07-02");
    let roster: Vec<(&str, &str)> = roster_of(d);
    assert_eq!(roster, [("邵明", "official"), ("林思远", "official")]);
    let turns: Vec<(&str, &str, &str)> = d["passages"]
        .as_array()
        .expect("passages")
        .iter()
        .map(|p| (s(p, "speaker"), s(p, "role"), s(p, "text")))
        .collect();
    let who: Vec<(&str, &str)> = turns.iter().map(|(a, b, _)| (*a, *b)).collect();
    assert_eq!(
        who,
        [
            ("Moderator", "moderator"),
            ("邵明", "official"),
            ("临海日报记者", "journalist"),
            ("邵明", "official"),
            ("Moderator", "moderator"),
            ("林思远", "official"),
            ("Moderator", "moderator"),
        ]
    );
    assert_eq!(turns[0].2, "现在 开始");
    assert_eq!(turns[4].2, "好的 谢谢");
}
