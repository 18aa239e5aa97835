//! Ranking: proximity, the answer before the question, synonyms a little
//! below exact names; the synonym list and the user's file.

use predicates::prelude::*;
use serde_json::Value;

use crate::briefings::{fixture, rank_of, run, search, seeds, speakers, stderr, stdout};
use crate::util::{s, Scratch};

fn score(h: &Value) -> f64 {
    h["score"].as_f64().expect("score")
}

fn words(h: &Value) -> usize {
    s(h, "text").split_whitespace().count()
}

#[test]
fn words_standing_together_outrank_scattered_words() {
    let (hits, _, _) = search(fixture(), "tram network", &[]);
    let together = rank_of(&hits, "the tram network will reach").expect("together");
    let apart = rank_of(&hits, "Tram fares stay the same").expect("apart");
    assert!(together < apart, "{hits:#?}");
    // Without proximity BM25 would prefer the scattered passage: it is the
    // shorter one and has each word once, like the other.
    assert!(words(&hits[apart - 1]) < words(&hits[together - 1]));
}

#[test]
fn the_answer_ranks_above_the_question_that_quotes_it() {
    let (hits, _, _) = search(fixture(), "ferry terminal", &[]);
    assert_eq!(
        speakers(&hits),
        ["Óscar Valdés", "Riverside Radio"],
        "{hits:#?}"
    );
    assert_eq!(s(&hits[0], "role"), "official");
    assert_eq!(s(&hits[1], "role"), "journalist");
    // BM25 alone ranks the question first: same words once each, fewer
    // words around them.
    assert!(words(&hits[1]) < words(&hits[0]));
}

#[test]
fn shipped_synonyms_find_the_other_names() {
    // PBOC = People's Bank of China, in the shipped list.
    let (hits, code, _) = search(fixture(), "PBOC", &[]);
    assert_eq!(code, 0);
    assert!(s(&hits[0], "text").contains("People's Bank of China"));
    // Quotes mean the words typed.
    let (hits, code, _) = search(fixture(), "\"PBOC\"", &[]);
    assert_eq!((hits.len(), code), (0, 1));
    // --no-synonyms turns them off.
    let (hits, code, _) = search(fixture(), "PBOC", &["--no-synonyms"]);
    assert_eq!((hits.len(), code), (0, 1));
}

#[test]
fn star_market_finds_the_science_and_technology_board_on_the_seeds() {
    let (hits, _, _) = search(seeds(), "STAR Market", &["-n", "5"]);
    let li: Vec<&Value> = hits
        .iter()
        .filter(|h| s(h, "text").contains("Science and Technology Board"))
        .collect();
    assert_eq!(li.len(), 2, "both of Li Jun's passages: {hits:#?}");
    assert!(li.iter().all(|h| s(h, "speaker") == "Li Jun"));
    // The exact name ranks first.
    assert!(s(&hits[0], "text").contains("STAR Market"));
    let (hits, _, _) = search(seeds(), "STAR Market", &["--no-synonyms"]);
    assert!(hits
        .iter()
        .all(|h| !s(h, "text").contains("Science and Technology Board")));
}

#[test]
fn a_several_word_synonym_is_highlighted_only_as_a_whole() {
    let scratch = Scratch::new();
    scratch.write(
        "exchange.txt",
        "Exchange office briefing on listings\n\n\
         Mara Lindqvist: The STAR Market and the Main Board both grew this year.\n\n\
         Mara Lindqvist: The Science and Technology Innovation Board listed five firms.\n",
    );
    scratch.index_paths(&[&scratch.path().join("exchange.txt")]);
    let (hits, code) = scratch.search("STAR Market", &[]);
    assert_eq!(code, 0);
    let marked = |start: &str| -> Vec<String> {
        let h = hits
            .iter()
            .find(|h| s(h, "text").starts_with(start))
            .unwrap_or_else(|| panic!("a hit starting {start:?}: {hits:#?}"));
        let snippet = s(h, "snippet");
        h["highlights"]
            .as_array()
            .expect("highlights")
            .iter()
            .filter_map(|r| snippet.get(r[0].as_u64()? as usize..r[1].as_u64()? as usize))
            .map(str::to_string)
            .collect()
    };
    // "Board" alone is not what was searched for.
    assert_eq!(marked("The STAR Market"), ["STAR", "Market"]);
    assert_eq!(
        marked("The Science and"),
        ["Science", "and", "Technology", "Innovation", "Board"]
    );
}

#[test]
fn a_synonym_match_ranks_a_little_below_an_exact_match() {
    let (hits, _, _) = search(fixture(), "Green Bond Facility", &["--synonyms", "syn.txt"]);
    let exact = rank_of(&hits, "The Green Bond Facility raised").expect("exact");
    let synonym = rank_of(&hits, "The GBF pays").expect("synonym");
    assert_eq!((exact, synonym), (1, 2), "{hits:#?}");
    let ratio = score(&hits[1]) / score(&hits[0]);
    assert!(
        (0.5..1.0).contains(&ratio),
        "a little below: {ratio} ({hits:#?})"
    );
    // And the other way round: the acronym finds the full name.
    let (hits, _, _) = search(fixture(), "GBF", &["--synonyms", "syn.txt"]);
    assert!(rank_of(&hits, "Green Bond Facility raised").is_some());
    // Without the file, only the words typed.
    let (hits, _, _) = search(fixture(), "Green Bond Facility", &[]);
    assert_eq!(rank_of(&hits, "The GBF pays"), None);
}

#[test]
fn the_default_synonyms_file_is_read_from_the_config_directory() {
    let scratch = fixture();
    let config = Scratch::new();
    config.write("podium/synonyms.txt", crate::briefings::USER_SYNONYMS);
    let o = scratch
        .podium()
        .args(["search", "Green Bond Facility", "--json", "--index"])
        .arg(scratch.index())
        .env("XDG_CONFIG_HOME", config.path())
        .output()
        .expect("search");
    let hits = crate::util::json_lines(&o.stdout);
    assert_eq!(rank_of(&hits, "The GBF pays"), Some(2), "{hits:#?}");
    // HOME/.config is the fallback.
    let o = scratch
        .podium()
        .args(["search", "GBF", "--json", "--index"])
        .arg(scratch.index())
        .env_remove("XDG_CONFIG_HOME")
        .env("HOME", config.path().join("nowhere"))
        .output()
        .expect("search");
    let hits = crate::util::json_lines(&o.stdout);
    assert_eq!(rank_of(&hits, "Green Bond Facility raised"), None);
    let home = Scratch::new();
    home.write(
        ".config/podium/synonyms.txt",
        crate::briefings::USER_SYNONYMS,
    );
    let o = scratch
        .podium()
        .args(["search", "GBF", "--json", "--index"])
        .arg(scratch.index())
        .env_remove("XDG_CONFIG_HOME")
        .env("HOME", home.path())
        .output()
        .expect("search");
    let hits = crate::util::json_lines(&o.stdout);
    assert!(rank_of(&hits, "Green Bond Facility raised").is_some());
}

#[test]
fn the_config_files_synonyms_setting_is_used_and_the_flag_wins() {
    let scratch = fixture();
    let config = Scratch::new();
    config.write("mine/syn.txt", crate::briefings::USER_SYNONYMS);
    let file = config.write("mine/config.toml", "synonyms = \"syn.txt\"\n");
    let hits = |extra: &[&str]| {
        let o = scratch
            .podium()
            .args(["search", "GBF", "--json", "--index"])
            .arg(scratch.index())
            .args(extra)
            .env("PODIUM_CONFIG", &file)
            .output()
            .expect("search");
        assert!(o.status.code().is_some_and(|c| c < 2), "{}", stderr(&o));
        crate::util::json_lines(&o.stdout)
    };
    assert!(rank_of(&hits(&[]), "Green Bond Facility raised").is_some());
    assert_eq!(
        rank_of(&hits(&["--no-synonyms"]), "Green Bond Facility raised"),
        None
    );
    let empty = config.write("empty.txt", "# nothing\n");
    let flag = empty.to_string_lossy().into_owned();
    assert_eq!(
        rank_of(&hits(&["--synonyms", &flag]), "Green Bond Facility raised"),
        None
    );
}

#[test]
fn a_bad_synonyms_file_is_an_error_naming_file_and_line() {
    let scratch = fixture();
    scratch
        .podium()
        .args(["search", "ferry", "--synonyms", "missing.txt", "--index"])
        .arg(scratch.index())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.txt"));
    let bad = Scratch::new();
    let file = bad.write("bad.txt", "GBF = Green Bond Facility\njust words\n");
    let o = run(
        scratch,
        &["search", "ferry", "--synonyms", &file.to_string_lossy()],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("bad.txt: line 2"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

/// A briefing whose words are written as transcripts write them:
/// contractions with both apostrophes, possessives, an initialism's plural.
const FORMS: &str = "Treasury briefing on prices, 4 May 2029

Nadia Okonkwo: The ministry couldn’t confirm the figures before Friday.

Nadia Okonkwo: Imports hasn't recovered since the strike at the ports.

Nadia Okonkwo: Minister Varga's plan cuts fuel duty. GDP’s growth was slow; the CPIs of both regions rose.
";

#[test]
fn contractions_possessives_and_plurals_find_the_forms_people_type() {
    let sc = Scratch::new();
    let f = sc.write("b/prices.txt", FORMS);
    sc.index_paths(&[&f]);
    for (query, expect) in [
        ("couldn", "couldn’t confirm"),
        ("couldnt confirm", "couldn’t confirm"),
        ("couldn't confirm", "couldn’t confirm"),
        ("could not confirm", "couldn’t confirm"),
        ("hasnt recovered", "hasn't recovered"),
        ("has not recovered", "hasn't recovered"),
        ("\"imports hasn't recovered\"", "hasn't recovered"),
        ("Varga", "Varga's plan"),
        ("vargas plan", "Varga's plan"),
        ("GDP growth", "GDP’s growth"),
        ("CPI", "the CPIs"),
        ("CPIs", "the CPIs"),
    ] {
        let (hits, code) = sc.search(query, &[]);
        assert_eq!(code, 0, "{query:?} found nothing");
        assert!(
            s(&hits[0], "text").contains(expect),
            "{query:?}: first hit {:?}",
            s(&hits[0], "text")
        );
    }
    // The word found by another form is the one highlighted.
    let (hits, _) = sc.search("could not confirm", &[]);
    let snippet = s(&hits[0], "snippet");
    let marked: Vec<&str> = hits[0]["highlights"]
        .as_array()
        .expect("highlights")
        .iter()
        .filter_map(|r| {
            let (a, b) = (r[0].as_u64()? as usize, r[1].as_u64()? as usize);
            snippet.get(a..b)
        })
        .collect();
    assert!(marked.contains(&"couldn’t"), "{:#?}", hits[0]);
    // The other forms stand at the word's position: a phrase across it
    // still needs the words around it in order.
    let (hits, code) = sc.search("\"confirm couldn\"", &[]);
    assert_eq!((hits.len(), code), (0, 1), "{hits:#?}");
}

#[test]
fn with_no_passage_having_every_word_more_of_the_words_rank_first() {
    // No passage has all four words ("zeppelin" is in none). The long
    // passage with three of them must come before the short one that
    // repeats two: plain BM25 sums prefer the short one (it did before
    // words matched were counted first).
    let sc = Scratch::new();
    let mut doc = String::from(
        "Harbour board briefing, 2 June 2030\n\n\
         Ilse Moreau: Over the winter months the board plans to dredge the southern channel, \
         repaint the old lighthouse and publish a report on how the weather affects the work, \
         with figures for every week of the season and the costs.\n\n\
         Ilse Moreau: Dredge the lighthouse? Dredge, lighthouse, dredge, lighthouse.\n",
    );
    for day in 0..8 {
        doc.push_str(&format!(
            "\nIlse Moreau: The weather on day {day} was mild along the coast, with light winds.\n"
        ));
    }
    let f = sc.write("b/harbour.txt", doc);
    sc.index_paths(&[&f]);
    let (hits, code) = sc.search("dredge lighthouse weather zeppelin", &[]);
    assert_eq!(code, 0);
    assert!(
        s(&hits[0], "text").contains("southern channel"),
        "{hits:#?}"
    );
    assert!(
        s(&hits[1], "text").starts_with("Dredge the lighthouse"),
        "{hits:#?}"
    );
}

/// A briefing with words whose singular and plural Snowball stems apart:
/// an initialism in lower case (`mRNA`, `NGO`) and `-ies` plurals.
const NUMBERS: &str = "Health ministry briefing, 9 March 2031

Dana Whitlock: The mRNA platform let the lab adapt the shot within weeks.

Dana Whitlock: Every NGO in the valley received cold boxes this winter.

Dana Whitlock: Grain and other commodities cleared the port on Monday.

Dana Whitlock: The new clinic opened on Monday; the news came late.

Dana Whitlock: We do not know yet how many doses of the shot arrived.
";

#[test]
fn a_word_typed_in_its_other_number_finds_what_the_stemmer_keeps_apart() {
    let sc = Scratch::new();
    let f = sc.write("b/health.txt", NUMBERS);
    sc.index_paths(&[&f]);
    for (query, expect) in [
        // A final s after the only vowel, which Snowball keeps.
        ("mRNAs platform", "The mRNA platform"),
        ("mrnas lab", "The mRNA platform"),
        ("NGOs valley", "Every NGO"),
        // Forms no passage has: a plural cut short, a plural made twice.
        ("commoditie port", "other commodities"),
        ("grain portses", "other commodities"),
    ] {
        let o = run(&sc, &["search", query, "--json"]);
        let err = stderr(&o);
        let hits: Vec<Value> = stdout(&o)
            .lines()
            .map(|l| serde_json::from_str(l).expect("json"))
            .collect();
        assert_eq!(o.status.code(), Some(0), "{query:?}: {err}");
        // Every word found: no fallback to "some of the words".
        assert!(!err.contains("some of them"), "{query:?}: {err}");
        assert!(s(&hits[0], "text").contains(expect), "{query:?}: {hits:#?}");
    }
    // A word the index has keeps its own term: `news` is not `new`,
    // `doses` is not `do`.
    let (hits, _) = sc.search("news", &[]);
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert!(s(&hits[0], "text").contains("the news came"));
    let (hits, _) = sc.search("doses", &[]);
    assert_eq!(hits.len(), 1, "{hits:#?}");
}

/// A briefing whose speaker reads her topics out as headings: `Inflation.`
/// and `Inside Ukraine.` become passages of their own.
const HEADINGS: &str = "\
Treasury press briefing on prices and jobs

May 4, 2022

MS. HALVERSON: Good afternoon, everyone. I have two topics today.

Inflation.

Inflation has eased for the third month in a row, and we expect the prices of food and fuel to come down further over the summer as supply chains recover and the ports clear their backlog of containers.

Inside Ukraine.

Inside Ukraine the humanitarian corridor reopened this morning, and the first convoy of grain left the port at dawn under the protection of the monitors.

Q Thank you. On jobs, will the hiring freeze end?

MS. HALVERSON: The freeze ends in June for the agencies that met their targets.
";

#[test]
fn one_word_headings_rank_below_the_passages_about_their_subject() {
    let scratch = Scratch::new();
    let f = scratch.write("prices.txt", HEADINGS);
    scratch.index_paths(&[&f]);
    for (query, heading) in [
        ("inflation", "Inflation."),
        ("inside ukraine", "Inside Ukraine."),
    ] {
        let (hits, code) = scratch.search(query, &[]);
        assert_eq!(code, 0);
        let texts: Vec<&str> = hits.iter().map(|h| s(h, "text")).collect();
        // Both found; the heading second, although BM25 alone ranks it first
        // (one or two words: the shortest length there is).
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert_eq!(texts[1], heading, "{texts:?}");
        assert!(texts[0].len() > 100, "{texts:?}");
        assert!(score(&hits[0]) > score(&hits[1]));
    }
}

#[test]
fn among_forms_of_one_stem_the_form_typed_ranks_first() {
    // `communication` and `communicated` share the stem `communic`: BM25
    // alone scores the two passages alike (same words, same length), and
    // only the form typed can part them. Both directions are asked, so
    // that an order that does not depend on the query cannot pass.
    let sc = Scratch::new();
    let f = sc.write(
        "b/ports.txt",
        "Port authority briefing, 3 May 2031\n\n\
         Rhea Lindqvist: The communication with the pilots improved after the storm.\n\n\
         Rhea Lindqvist: The pilots communicated with the harbour after the storm.\n",
    );
    sc.index_paths(&[&f]);
    for (query, first) in [
        ("communication pilots", "The communication with"),
        ("communicated pilots", "The pilots communicated"),
    ] {
        let (hits, code) = sc.search(query, &[]);
        assert_eq!(code, 0, "{query:?}");
        assert_eq!(hits.len(), 2, "{query:?}: both forms found: {hits:#?}");
        assert!(
            s(&hits[0], "text").starts_with(first),
            "{query:?}: {hits:#?}"
        );
    }
}
