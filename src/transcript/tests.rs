//! Unit tests of the parser's passes on small texts (the fixtures under
//! `tests/fixtures` are exercised by the integration tests).

use super::*;

#[test]
fn prose_and_sentence_ends() {
    assert!(is_prose(
        "Welcome. Today we have two announcements for you."
    ));
    assert!(!is_prose("James S. Brady Press Briefing Room"));
    assert!(!is_prose(
        "Press Gaggle by Press Secretary Ada Quill En Route Harbour City, D.C."
    ));
    assert!(!is_prose(
        "Background Call Previewing the North Harbour Leaders' Summit (NHLS)"
    ));
    assert!(ends_sentence("It opens in May 1."));
    assert!(ends_sentence("(Laughter.)"));
    assert!(!ends_sentence("Harbour City, D.C."));
}

#[test]
fn stage_directions() {
    for t in [
        "(Laughter.)",
        "[Applause]",
        "*(The order is signed.)*",
        "（笑声）",
    ] {
        assert!(is_stage_direction(t), "{t}");
    }
    for t in [
        "(April 27, 2021)",
        "Laughter.",
        "(a) the first (b) the second",
    ] {
        assert!(!is_stage_direction(t), "{t}");
    }
}

#[test]
fn wrapped_lines_open_a_paragraph_only_as_labels_in_capitals() {
    assert!(starts_new("MS. QUILL:  Thank you."));
    assert!(starts_new("Q    Thank you."));
    assert!(starts_new("March 4, 2024"));
    assert!(starts_new("END  2:35 P.M. EST"));
    assert!(starts_new("Lena Moreau:"));
    // "… from Chris Doe of the Harbour / Caller: Interior announced …"
    assert!(!starts_new(
        "Caller: Interior announced yesterday it is giving"
    ));
    assert!(!starts_new("5:00 a.m. GMT."));
}

#[test]
fn header_and_body() {
    let t = parse(
        "Press Briefing by Press Secretary Ada Quill\nMarch 4, 2024\n\nHarbour Briefing Room\n\n1:02 P.M. EST\n\nMS. QUILL:  Good afternoon.\n\nQ    A question?\n\nMS. QUILL:  An answer.\n\nEND  1:30 P.M. EST\n\nTo view the slides, visit the harbour website.\n",
    );
    assert_eq!(
        t.title.as_deref(),
        Some("Press Briefing by Press Secretary Ada Quill")
    );
    assert_eq!(t.date, Some(Date::constant(2024, 3, 4)));
    let speakers: Vec<(&str, Role)> = t
        .turns
        .iter()
        .map(|t| (t.speaker.as_str(), t.role))
        .collect();
    assert_eq!(
        speakers,
        [
            ("Ada Quill", Role::Moderator),
            ("Reporter", Role::Journalist),
            ("Ada Quill", Role::Moderator)
        ]
    );
    let reasons: Vec<&str> = t.skipped.iter().map(|s| s.reason).collect();
    assert_eq!(
        reasons,
        [
            "title",
            "date line",
            "header line (place, venue, note)",
            "time of day",
            "end-of-transcript marker",
            "after the end of the transcript"
        ]
    );
    assert!(t
        .turns
        .iter()
        .all(|t| t.why.date == "2024-03-04 (date line)"));
}

/// A lone lower-case letter before the closing full stop is a word ("… as
/// a."), not an initial: initials are capitals ("Signed by John F.").
/// Reading it as an initial kept a news report's opening paragraph in the
/// header, where it was lost (two of `podium generate`'s 100,000 passages).
#[test]
fn a_lower_case_letter_ends_a_sentence_an_initial_does_not() {
    assert!(ends_sentence(
        "The board met in the port, as it was going to, a."
    ));
    assert!(!ends_sentence("Remarks as prepared by John F."));
    let t = parse(
        "Ports at Harbor forum\n\nMay 28, 2018\n\nThe port there met in the harbour, and the board was the one as policy a.\n\n\"Rates rose in the first quarter,\" said Dana Ortiz, minister of trade.\n",
    );
    let texts: Vec<(&str, &str)> = t
        .turns
        .iter()
        .flat_map(|t| {
            t.paragraphs
                .iter()
                .map(|p| (t.speaker.as_str(), p.text.as_str()))
        })
        .collect();
    assert_eq!(texts.len(), 2, "{texts:?}\nskipped: {:?}", t.skipped);
    assert_eq!(texts[0].0, "Narration");
    assert!(texts[0].1.ends_with("policy a."));
    assert_eq!(texts[1].0, "Dana Ortiz");
}

/// The rules that date a document rank as they did before they shared
/// `DateClue::first_in`: a `Date:` line (value on its own line too) over a
/// date line, a date line over a dateline and the title, the title over the
/// first paragraph's dateline.
#[test]
fn date_rules_keep_their_ranks() {
    let rule = |raw: &str| {
        let t = parse(raw);
        (t.date.map(|d| d.to_string()), t.date_rule)
    };
    let body = "\n\nMS. QUILL:  Good afternoon, everyone, and welcome to the briefing.\n";
    assert_eq!(
        rule(&format!(
            "Press Briefing on the Harbour Ferries, May 1, 2024\n\nMarch 5, 2024\n\nDate:\nMarch 4, 2024{body}"
        )),
        (Some("2024-03-04".into()), "Date: line".into())
    );
    assert_eq!(
        rule(&format!(
            "Press Briefing on the Harbour Ferries, May 1, 2024\n\nMarch 5, 2024{body}"
        )),
        (Some("2024-03-05".into()), "date line".into())
    );
    assert_eq!(
        rule(&format!(
            "Press Briefing on the Harbour Ferries, May 1, 2024{body}"
        )),
        (Some("2024-05-01".into()), "date in the title".into())
    );
    assert_eq!(
        rule("Ferries resume\n\nHARBOUR CITY, June 2, 2024 (Wire) -- The ferries run again from Monday, the port said.\n"),
        (Some("2024-06-02".into()), "dateline of the first paragraph".into())
    );
}

/// A news report's second reference to a person is the surname alone
/// (`"…," Reyes told reporters.`, `Doe said the service …`): the paragraph
/// belongs to the person the report named in full, quoted or not; a
/// surname nobody in the report has is narration.
#[test]
fn a_news_report_quotes_by_surname_the_people_it_named() {
    let t = parse(
        "Harbour ports to add evening ferry service\n\n\
         The harbour authority will add an evening ferry, Tomas Reyes, the director of the ferry service, announced on Tuesday.\n\n\
         \"We have listened to passengers,\" said Jane Doe, the deputy minister of transport.\n\n\
         Doe said the service would be paid for from the harbour fund.\n\n\
         \"Ticket prices will not change,\" Reyes told reporters.\n\n\
         Lena Moreau, who chairs the harbour users' forum, watched from the pier.\n\n\
         \"It is long overdue,\" Moreau said.\n\n\
         \"Not before May,\" Okafor said.\n\n\
         Officials said the first ferry would leave at nine.\n",
    );
    let who: Vec<(&str, &str)> = t
        .turns
        .iter()
        .flat_map(|t| {
            t.paragraphs
                .iter()
                .map(|p| (t.speaker.as_str(), p.text.get(..12).unwrap_or(&p.text)))
        })
        .collect();
    assert_eq!(
        who,
        [
            ("Tomas Reyes", "The harbour "),
            ("Jane Doe", "\"We have lis"),
            ("Jane Doe", "Doe said the"),
            ("Tomas Reyes", "\"Ticket pric"),
            ("Narration", "Lena Moreau,"),
            ("Lena Moreau", "\"It is long "),
            ("Narration", "\"Not before "),
            ("Narration", "Officials sa"),
        ]
    );
}

/// `Question from Hannah Clarke, Harbour News:` (as UK government press
/// conference transcripts write it) is a reporter's label naming the
/// outlet, not the previous speaker going on.
#[test]
fn question_from_a_named_reporter_is_a_reporters_label() {
    let t = parse(
        "PM press conference: 3 May 2024\n\n\
         Prime Minister:\nGood afternoon. Today I want to set out the next steps on the ferry network.\n\n\
         Question from Hannah Clarke, Harbour News:\nPrime Minister, is this new money?\n\n\
         Prime Minister:\nIt is new money.\n\n\
         Question from the BBC:\nWhen will the first ferries run?\n\n\
         Prime Minister:\nBy the summer.\n\n\
         Question from Sam Idris:\nAnd the fares?\n\n\
         Prime Minister:\nThey stay the same.\n",
    );
    let who: Vec<(&str, Role)> = t
        .turns
        .iter()
        .map(|t| (t.speaker.as_str(), t.role))
        .collect();
    assert_eq!(
        who,
        [
            ("Prime Minister", Role::Official),
            ("Harbour News", Role::Journalist),
            ("Prime Minister", Role::Official),
            ("BBC", Role::Journalist),
            ("Prime Minister", Role::Official),
            ("Sam Idris", Role::Journalist),
            ("Prime Minister", Role::Official),
        ]
    );
}

#[test]
fn page_metadata_block_is_header_not_speech() {
    // gov.uk's layout: kind of page, title, one-paragraph summary, then a
    // block of keys with the value on the next line, some without a colon.
    let t = parse(
        "Speech\nPM remarks at the Ferry Summit: 3 March 2025\nPrime Minister Ruth Okafor's remarks at the press conference after the Ferry Summit.\n\nFrom:\nPrime Minister's Office and The Rt Hon Ruth Okafor MP\nPublished\n4 March 2025\nDelivered on\n3 March 2025 (Transcript of the speech, exactly as it was delivered)\nLocation:\nHarbour Hall, Eastport\n\nPrime Minister:\n\nGood afternoon. We agreed a plan for the ferries today.\n\nQuestion (Harbour News):\n\nWhat will it cost?\n\nPrime Minister:\n\nLess than the last one.\n",
    );
    assert_eq!(
        t.title.as_deref(),
        Some("PM remarks at the Ferry Summit: 3 March 2025")
    );
    // Delivered on (the day of the speech) before Published.
    assert_eq!(t.date, Date::new(2025, 3, 3).ok());
    let speakers: Vec<&str> = t.turns.iter().map(|t| t.speaker.as_str()).collect();
    assert_eq!(speakers, ["Ruth Okafor", "Harbour News", "Ruth Okafor"]);
    assert!(t.turns[0].paragraphs[0].text.starts_with("Good afternoon"));
    let reasons: Vec<&str> = t.skipped.iter().map(|s| s.reason).collect();
    assert_eq!(
        reasons,
        [
            "header line (place, venue, note)",
            "title",
            "page summary",
            "metadata line",
            "metadata line",
            "metadata line",
            "date line",
            "metadata line",
            "date line",
            "metadata line",
            "metadata line",
        ]
    );
}

#[test]
fn page_keys_without_a_colon() {
    assert_eq!(
        label::page_metadata("Published"),
        Some(("published".into(), ""))
    );
    assert_eq!(
        label::page_metadata("Last updated 4 March 2025"),
        Some(("last updated".into(), "4 March 2025"))
    );
    assert_eq!(
        label::page_metadata("From: Prime Minister's Office"),
        Some(("from".into(), "Prime Minister's Office"))
    );
    // A sentence that opens with a key word is not a key.
    assert_eq!(
        label::page_metadata("Published reports say otherwise."),
        None
    );
    assert_eq!(label::page_metadata("From the start, we said so."), None);
}

#[test]
fn an_office_label_resolves_to_the_holder_a_subtitle_names() {
    let t = parse(
        "PM remarks at the Ferry Summit: 3 March 2025\n\nPrime Minister Ruth Okafor spoke to the press after the summit\n\nPrime Minister:\n\nGood afternoon. We agreed a plan.\n\nQuestion (Harbour News):\n\nWhat will it cost?\n\nPrime Minister:\n\nLess than the last one.\n",
    );
    let speakers: Vec<&str> = t.turns.iter().map(|t| t.speaker.as_str()).collect();
    assert_eq!(speakers, ["Ruth Okafor", "Harbour News", "Ruth Okafor"]);
    assert_eq!(t.turns[0].speaker_title.as_deref(), Some("Prime Minister"));
}

#[test]
fn words_of_speech_under_a_chair_heading_are_not_a_roster_name() {
    let t = parse(
        "临海市新闻发布会\n\n时间：2024年7月2日\n\n出席人：\n临海市交通运输局局长 邵明川\n主持人：\n好的 谢谢\n\n邵明川：\n谢谢主持人。今年全市新开通公交线路十二条。\n\n记者：\n请问地铁什么时候开通？\n\n邵明川：\n明年年底。\n",
    );
    let roster: Vec<&str> = t.roster.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(roster, ["邵明川"]);
    assert_eq!(t.turns[0].role, Role::Moderator);
    assert_eq!(t.turns[0].paragraphs[0].text, "好的 谢谢");
    for words in ["好的 谢谢", "下面 请", "现在 开始", "谢谢 各位"] {
        assert!(!name::looks_like_person(words), "{words}");
        assert_eq!(roster::entry(words), None, "{words}");
    }
    for who in ["王毅", "邵明川", "欧阳明", "岸田 文雄"] {
        assert!(name::looks_like_person(who), "{who}");
    }
}

#[test]
fn hyphenated_offices_and_in_page_links() {
    assert!(name::is_title_word("Vice-President"));
    assert!(name::is_title_word("VICE-CHAIR"));
    assert!(!name::is_title_word("Jean-Pierre"));
    assert_eq!(
        furniture::reason("Jump to the transcript of the questions and answers"),
        Some("page navigation")
    );
    assert_eq!(
        furniture::reason("Skip to main content"),
        Some("page navigation")
    );
    assert_eq!(furniture::reason("Back to Iran. We have said so."), None);
}

#[test]
fn an_agency_named_press_is_an_outlet_an_office_is_not() {
    assert!(name::looks_like_outlet("Harbour Press"));
    assert!(name::looks_like_outlet("Jiji Press"));
    assert!(!name::looks_like_outlet("Press Secretary"));
    assert!(!name::looks_like_outlet("Deputy Press"));
}

#[test]
fn names_alone_in_capitals_are_labels_only_in_a_document_written_so() {
    assert!(label::alone("DANA ORTIZ").is_some());
    assert!(label::alone("Dana Ortiz").is_none());
    assert!(label::alone("DANA ORTIZ: Good morning.").is_none());
    // A heading in capitals in a document labelled with colons stays out
    // of every turn's speaker.
    let t = parse(
        "Harbour Briefing\n\nMARCH 4, 2024\n\nMS. QUILL: Good afternoon. Two announcements today.\n\nQUESTIONS AND ANSWERS\n\nQ: Will the ferry run?\n\nMS. QUILL: It will.\n\nQ: When?\n\nMS. QUILL: In May.\n",
    );
    assert!(t.turns.iter().all(|t| t.speaker != "Questions and Answers"));
    // A heading between names alone is not one of them: text does not
    // follow it.
    let t = parse(
        "Harbour Briefing\n\nMarch 4, 2024\n\nDANA ORTIZ\nGood afternoon. Two announcements today.\n\nQUESTIONS\n\nTOM REID\nWill the ferry run?\n\nDANA ORTIZ\nIt will.\n",
    );
    let speakers: Vec<&str> = t.turns.iter().map(|t| t.speaker.as_str()).collect();
    assert_eq!(speakers, ["Dana Ortiz", "Tom Reid", "Dana Ortiz"]);
}

#[test]
fn questions_to_the_corpus_are_kept_once_each() {
    // A report asks who "Hana Lomatra" is at each quote of hers.
    let text = "Trade talks at the forum\n\nFebruary 13, 2017\n\n\
        \"Exports rose,\" said Hana Lomatra, the trade minister.\n\n\
        \"Imports fell,\" said Hana Lomatra.\n\n\
        \"We expect more,\" Hana Lomatra said.\n";
    let (_, probes) = parse_probed(text, &Knowledge::default());
    assert!(!probes.is_empty());
    for (i, p) in probes.iter().enumerate() {
        assert!(!probes[..i].contains(p), "asked twice: {p:?}");
    }
}

#[test]
fn a_place_and_date_line_is_never_the_title() {
    // A central bank's press conference: a heading, the speakers, then
    // where and when; the place has a lower-case particle.
    let t = parse(
        "PRESS CONFERENCE\n\nMarta Lindqvist, President of the Central Bank,\n\
         Pieter Holm, Vice-President of the Central Bank\n\n\
         Frankfurt am Main, 30 January 2025\n\n\
         Good afternoon, the Vice-President and I welcome you.\n\n\
         Question: Will you cut again?\n\nLindqvist: We do not pre-commit.\n",
    );
    assert_eq!(t.title, None);
    assert_eq!(t.date, Some(jiff::civil::date(2025, 1, 30)));
    assert!(t
        .skipped
        .iter()
        .any(|s| s.line == 6 && s.reason == "date line"));
    // A dated title keeps its title.
    let t = parse(
        "Press Conference on the Harbour Budget, 30 January 2025\n\n\
         Marta Lindqvist: Good afternoon.\n",
    );
    assert_eq!(
        t.title.as_deref(),
        Some("Press Conference on the Harbour Budget, 30 January 2025")
    );
}
