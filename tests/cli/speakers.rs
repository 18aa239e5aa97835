//! Speaker resolution (`--speaker` and `speaker:`), unknown speakers, and
//! the `podium speakers` facet.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::briefings::{fixture, run, search, seeds, speakers, stderr, stdout};
use crate::util::{json_lines, s};

#[test]
fn every_speaker_form_people_type_resolves() {
    // The forms named by the issue, on the seeds.
    for form in [
        "Gong Zheng",
        "gong",
        "Mayor Gong",
        "Mr. Gong",
        "GONG ZHENG",
        "gong zheng",
    ] {
        let (hits, code, _) = search(seeds(), "Shanghai", &["--speaker", form, "-n", "100"]);
        assert_eq!(code, 0, "{form}");
        assert!(hits.len() > 5, "{form}: {}", hits.len());
        assert!(
            speakers(&hits).iter().all(|sp| *sp == "Gong Zheng"),
            "{form}"
        );
    }
    // The same forms on invented names, accents dropped or typed.
    for form in [
        "Óscar Valdés",
        "oscar valdes",
        "valdes",
        "Valdés",
        "Mayor Valdés",
        "Mr. Valdes",
        "OSCAR VALDES",
    ] {
        let (hits, code, _) = search(fixture(), "ferry", &["--speaker", form]);
        assert_eq!(code, 0, "{form}");
        assert_eq!(speakers(&hits), ["Óscar Valdés"], "{form}");
        let (in_query, _, _) = search(fixture(), &format!("ferry speaker:\"{form}\""), &[]);
        assert_eq!(speakers(&in_query), ["Óscar Valdés"], "speaker:\"{form}\"");
    }
}

#[test]
fn several_speaker_flags_mean_any_of_them() {
    let (hits, _, _) = search(
        fixture(),
        "the",
        &[
            "--speaker",
            "valdes",
            "--speaker",
            "Ms. Lindholm",
            "-n",
            "100",
        ],
    );
    let who: BTreeSet<&str> = speakers(&hits).into_iter().collect();
    assert_eq!(
        who.into_iter().collect::<Vec<_>>(),
        ["Petra Lindholm", "Óscar Valdés"]
    );
}

#[test]
fn unknown_speakers_are_errors_listing_the_closest() {
    let o = run(fixture(), &["search", "ferry", "--speaker", "Valdez"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("unknown speaker 'Valdez'"), "{err}");
    assert!(
        err.contains("closest known speakers: Óscar Valdés"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
    // In the query, the error also says where.
    let o = run(fixture(), &["search", "ferry speaker:lindholn"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("unknown speaker 'lindholn' in speaker: at column 15"),
        "{err}"
    );
    assert!(err.contains("Petra Lindholm"), "{err}");
}

#[test]
fn role_flag_limits_to_one_role() {
    let (hits, _, _) = search(fixture(), "ferry", &["--role", "journalist"]);
    assert_eq!(speakers(&hits), ["Riverside Radio"]);
    let (hits, _, _) = search(fixture(), "the", &["--role", "narration", "-n", "50"]);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| s(h, "role") == "narration"));
}

fn facet(args: &[&str]) -> Vec<Value> {
    let mut a = vec!["speakers", "--json"];
    a.extend_from_slice(args);
    let o = run(fixture(), &a);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    json_lines(&o.stdout)
}

#[test]
fn speakers_lists_everyone_with_role_title_and_counts() {
    let all = facet(&[]);
    let get = |name: &str| {
        all.iter()
            .find(|v| s(v, "speaker") == name)
            .unwrap_or_else(|| panic!("{name} in {all:#?}"))
    };
    let valdes = get("Óscar Valdés");
    assert_eq!(s(valdes, "role"), "official");
    assert_eq!(s(valdes, "title"), "mayor of Riverside");
    assert_eq!(valdes["passages"], 3);
    assert_eq!(get("Jonas Ekberg")["role"], "moderator");
    assert_eq!(get("Riverside Radio")["role"], "journalist");
    // Every indexed passage is counted once.
    let total: u64 = all.iter().map(|v| v["passages"].as_u64().expect("n")).sum();
    let docs = json_lines(&run(fixture(), &["docs", "--json"]).stdout);
    let indexed: u64 = docs
        .iter()
        .map(|d| d["passages"].as_u64().expect("n"))
        .sum();
    assert_eq!(total, indexed);
    // Most passages first.
    let counts: Vec<u64> = all
        .iter()
        .map(|v| v["passages"].as_u64().expect("n"))
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
}

#[test]
fn speakers_with_a_query_says_who_talks_about_it_most() {
    let v = facet(&["ferry OR GBF"]);
    let got: Vec<(&str, u64)> = v
        .iter()
        .map(|x| (s(x, "speaker"), x["passages"].as_u64().expect("n")))
        .collect();
    assert_eq!(
        got,
        [
            ("Harbour Weekly", 1),
            ("Petra Lindholm", 1),
            ("Riverside Radio", 1),
            ("Óscar Valdés", 1)
        ]
    );
    assert_eq!(v[1]["total_passages"], 3);
    let v = facet(&["grain", "--role", "official"]);
    assert_eq!(v.len(), 1);
    assert_eq!(s(&v[0], "speaker"), "Marta Kowalczyk");
    // Text: a header and one row per speaker.
    let o = run(fixture(), &["speakers", "bonds", "--color", "never"]);
    let out = stdout(&o);
    assert!(
        out.starts_with("2 speakers with passages matching \"bonds\""),
        "{out}"
    );
    assert!(out.contains("passages  speaker"), "{out}");
    assert!(out.contains("       1  Óscar Valdés"), "{out}");
    assert!(out.contains("mayor of Riverside"), "{out}");
    // Nothing matches: exit 1.
    let o = run(fixture(), &["speakers", "zeppelin"]);
    assert_eq!(o.status.code(), Some(1));
}

/// A White House briefing: the title names the press secretary in full,
/// the labels by surname; people write KJP.
const JEAN_PIERRE: &str = "\
Press Briefing by Principal Deputy Press Secretary Karine Jean-Pierre

May 26, 2021

MS. JEAN-PIERRE: Good afternoon, everyone. Today the President will talk about the vaccination campaign and the summer reopening of schools across the country.

Q Thank you, Karine. On the vaccination campaign, when will children be eligible?

MS. JEAN-PIERRE: The FDA decides that, and we expect its decision on the vaccination of children before the schools reopen.
";

/// Two speakers with the initials JB.
const TWO_JBS: &str = "\
Harbour Council press conference on the ferry timetable

Date: 3 June 2021

Speakers:
Ms. Jana Berg, director of the Ferry Office
Mr. Jonas Brekke, spokesperson of the Harbour Council

Jonas Brekke:
Good morning. The director will present the summer vaccination ferry timetable.

Jana Berg:
From July the vaccination ferry sails every hour between the islands.
";

#[test]
fn initials_name_the_speaker_the_corpus_knows_by_them() {
    let scratch = crate::util::Scratch::new();
    let a = scratch.write("kjp.txt", JEAN_PIERRE);
    let b = scratch.write("jb.txt", TWO_JBS);
    scratch.index_paths(&[&a, &b]);
    for (args, note) in [
        (
            vec!["search", "vaccination", "--speaker", "KJP", "--json"],
            "podium: note: KJP read as Karine Jean-Pierre",
        ),
        (
            vec!["search", "vaccination speaker:kjp", "--json"],
            "speaker:kjp read as Karine Jean-Pierre",
        ),
    ] {
        let o = run(&scratch, &args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(stderr(&o).contains(note), "{}", stderr(&o));
        let hits = json_lines(&o.stdout);
        assert_eq!(hits.len(), 2, "{hits:?}");
        assert!(speakers(&hits).iter().all(|sp| *sp == "Karine Jean-Pierre"));
    }
    // Two speakers are JB: no guess, both named as the closest.
    let o = run(&scratch, &["search", "vaccination", "--speaker", "JB"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("unknown speaker 'JB'"), "{err}");
    assert!(
        err.contains("Jana Berg") && err.contains("Jonas Brekke"),
        "{err}"
    );
    // A name that is one is read as the name, with no note.
    let o = run(&scratch, &["search", "vaccination", "--speaker", "berg"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(!stderr(&o).contains("read as"), "{}", stderr(&o));
}
