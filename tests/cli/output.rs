//! Output for people and for programs: colour on a terminal and when
//! forced, NO_COLOR, plain when piped, wrapping to the terminal's width,
//! aligned columns, `--format text|json|tsv`, `--quiet`, and a closed pipe.

use predicates::prelude::*;

use crate::term::{index_args, podium, run_in_pty, run_into_closed_pipe};
use crate::util::{fixtures, json_lines, s, seeds, Scratch};

/// An index of the seeds and the test fixtures.
fn indexed() -> Scratch {
    let scratch = Scratch::new();
    scratch.index_paths(&[
        &seeds(),
        &fixtures().join("formats"),
        &fixtures().join("zh"),
    ]);
    scratch
}

fn has_escapes(s: &str) -> bool {
    s.contains('\x1b')
}

#[test]
fn colour_is_forced_on_and_off() {
    let scratch = indexed();
    let run = |color: &str| {
        scratch
            .podium()
            .args(["search", "STAR Market", "--color", color])
            .args(index_args(&scratch.index()))
            .output()
            .expect("search")
    };
    let on = String::from_utf8_lossy(&run("always").stdout).into_owned();
    assert!(on.contains("\x1b[1mGong Zheng\x1b[0m"), "{on}");
    assert!(
        on.contains("\x1b[1;31mSTAR\x1b[0m \x1b[1;31mMarket\x1b[0m"),
        "{on}"
    );
    let off = String::from_utf8_lossy(&run("never").stdout).into_owned();
    assert!(!has_escapes(&off), "{off}");
    assert!(off.contains("Gong Zheng · official · 2024-03-28"), "{off}");
    // --color is global: it may come before the subcommand.
    let before = scratch
        .podium()
        .args(["--color", "always", "search", "STAR Market"])
        .args(index_args(&scratch.index()))
        .output()
        .expect("search");
    assert!(has_escapes(&String::from_utf8_lossy(&before.stdout)));
}

#[test]
#[cfg(unix)]
fn a_terminal_gets_colour_unless_no_color_is_set() {
    let scratch = indexed();
    let search = || {
        let mut c = podium(&scratch);
        c.args(["search", "STAR Market"])
            .args(index_args(&scratch.index()));
        c
    };
    let (tty, code) = run_in_pty(&mut search(), 100);
    assert_eq!(code, 0, "{tty}");
    assert!(tty.contains("\x1b[1mGong Zheng\x1b[0m"), "{tty}");
    // (The terminal is 100 columns wide: the two words may be on two lines.)
    assert!(tty.contains("\x1b[1;31mSTAR\x1b[0m"), "{tty}");
    assert!(tty.contains("\x1b[1;31mMarket\x1b[0m"), "{tty}");

    let (no_color, code) = run_in_pty(search().env("NO_COLOR", "1"), 100);
    assert_eq!(code, 0);
    assert!(!has_escapes(&no_color), "{no_color}");
    assert!(no_color.contains("Gong Zheng"), "{no_color}");
    // An empty NO_COLOR does not count (no-color.org).
    let (empty, _) = run_in_pty(search().env("NO_COLOR", ""), 100);
    assert!(has_escapes(&empty));
    // --color always beats NO_COLOR; --color never beats the terminal.
    let (forced, _) = run_in_pty(
        search().env("NO_COLOR", "1").args(["--color", "always"]),
        100,
    );
    assert!(has_escapes(&forced));
    let (never, _) = run_in_pty(search().args(["--color", "never"]), 100);
    assert!(!has_escapes(&never));
}

#[test]
fn piped_output_is_plain_and_unwrapped() {
    let scratch = indexed();
    let out = scratch
        .podium()
        .args(["search", "STAR Market"])
        .args(index_args(&scratch.index()))
        .output()
        .expect("search");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!has_escapes(&text));
    // The whole snippet is on one line, and the name the window's length
    // cut (`STAR` | `Market`) is shown whole.
    assert!(
        text.lines().any(|l| l.starts_with("    Second, we aim")
            && l.ends_with("Innovation Board (STAR Market) …")),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn a_terminal_gets_lines_wrapped_to_its_width() {
    let scratch = indexed();
    let mut c = podium(&scratch);
    c.args(["search", "STAR Market", "--color", "never"])
        .args(index_args(&scratch.index()));
    let (tty, code) = run_in_pty(&mut c, 60);
    assert_eq!(code, 0, "{tty}");
    // Every line fits, but for a file path longer than the terminal
    // (paths are never broken).
    assert!(
        tty.lines()
            .all(|l| unicode_columns(l) <= 60 || l.contains(".txt")),
        "{tty}"
    );
    // The snippet spans several indented lines.
    let lines: Vec<&str> = tty.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("    Second, we aim"))
        .expect("snippet start");
    let end = lines
        .iter()
        .position(|l| l.ends_with("(STAR Market) …"))
        .expect("snippet end");
    assert!(end >= start + 2, "{tty}");
    assert!(
        lines[start..=end].iter().all(|l| l.starts_with("    ")),
        "{tty}"
    );
}

/// Display columns of a line (Han characters count two).
fn unicode_columns(s: &str) -> usize {
    s.chars()
        .map(|c| {
            if ('\u{1100}'..='\u{115f}').contains(&c)
                || ('\u{2e80}'..='\u{a4cf}').contains(&c)
                || ('\u{ac00}'..='\u{d7a3}').contains(&c)
                || ('\u{f900}'..='\u{faff}').contains(&c)
                || ('\u{fe30}'..='\u{fe4f}').contains(&c)
                || ('\u{ff00}'..='\u{ff60}').contains(&c)
                || ('\u{ffe0}'..='\u{ffe6}').contains(&c)
            {
                2
            } else {
                1
            }
        })
        .sum()
}

#[test]
fn width_wraps_chinese_by_display_columns() {
    let scratch = indexed();
    let out = scratch
        .podium()
        .args(["search", "科创板", "--width", "44", "--color", "never"])
        .args(index_args(&scratch.index()))
        .output()
        .expect("search");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines()
            .all(|l| unicode_columns(l) <= 44 || l.contains(".txt")),
        "{text}"
    );
    assert!(
        text.lines().filter(|l| l.starts_with("    ")).count() >= 6,
        "{text}"
    );
    // No wrapped line starts with closing punctuation.
    assert!(
        !text
            .lines()
            .any(|l| l.starts_with("    ，") || l.starts_with("    。")),
        "{text}"
    );
    // --width 0 never wraps.
    let whole = scratch
        .podium()
        .args(["search", "科创板", "--width", "0"])
        .args(index_args(&scratch.index()))
        .output()
        .expect("search");
    assert!(String::from_utf8_lossy(&whole.stdout).contains(
        "去年以来，我们推动四十二家科技型企业完成股份制改造，其中九家企业已在上海证券交易所科创板挂牌上市"
    ));
}

#[test]
fn speaker_role_and_date_are_aligned_in_columns() {
    let scratch = indexed();
    let out = scratch
        .podium()
        .args([
            "search",
            "container throughput",
            "-n",
            "6",
            "--color",
            "never",
        ])
        .args(index_args(&scratch.index()))
        .output()
        .expect("search");
    let text = String::from_utf8_lossy(&out.stdout);
    let headers: Vec<&str> = text
        .lines()
        .filter(|l| l.len() > 4 && &l[2..4] == "  " && l[..2].trim().parse::<u32>().is_ok())
        .collect();
    assert!(headers.len() >= 3, "{text}");
    // Speakers differ in length, yet the role and the date start in the
    // same column on every line.
    let speakers: std::collections::BTreeSet<&str> = headers
        .iter()
        .map(|h| h[4..].split(" · ").next().unwrap_or("").trim())
        .collect();
    assert!(speakers.len() >= 2, "{text}");
    let columns = |h: &str| -> Vec<usize> {
        h.match_indices(" · ")
            .map(|(i, _)| h[..i].chars().count())
            .collect()
    };
    let first = columns(headers[0]);
    assert_eq!(first.len(), 2, "{text}");
    assert!(headers.iter().all(|h| columns(h) == first), "{text}");
}

#[test]
fn a_snippet_keeps_its_full_stop_and_the_ellipsis_stands_apart() {
    let scratch = indexed();
    let out = scratch
        .podium()
        .args(["search", "STAR Market", "--color", "never"])
        .args(index_args(&scratch.index()))
        .output()
        .expect("search");
    let text = String::from_utf8_lossy(&out.stdout);
    // A window ending at a sentence's end, the passage going on.
    assert!(
        text.contains("the overall operation has been stable. …\n"),
        "{text}"
    );
    // A window ending at the passage's end: its full stop, no ellipsis.
    assert!(
        text.contains("innovative explorations in promoting integration.\n"),
        "{text}"
    );
}

#[test]
fn the_count_line_quotes_a_query_with_quotes_so_it_reads_as_one() {
    let scratch = indexed();
    let first_line = |query: &str, extra: &[&str]| {
        let out = scratch
            .podium()
            .args(["search", query, "-n", "2", "--color", "never"])
            .args(extra)
            .args(index_args(&scratch.index()))
            .output()
            .expect("search");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        text.lines().next().unwrap_or("").to_string()
    };
    // With and without --context: the same line, from the same code.
    for extra in [&[][..], &["--context"][..]] {
        let line = first_line(r#"market "capital market""#, extra);
        assert!(
            line.ends_with(r#" passages match 'market "capital market"' (top 2)"#),
            "{extra:?}: {line}"
        );
        let line = first_line("STAR Market", extra);
        assert!(
            line.ends_with(r#" passages match "STAR Market" (top 2)"#),
            "{extra:?}: {line}"
        );
    }
    let line = first_line(r#"Shanghai's "capital market""#, &[]);
    assert!(
        line.contains("match \u{201c}Shanghai's \"capital market\"\u{201d}"),
        "{line}"
    );
}

#[test]
fn json_and_tsv_formats() {
    let scratch = indexed();
    let run = |args: &[&str]| {
        scratch
            .podium()
            .args(["search", "automated cranes"])
            .args(args)
            .args(index_args(&scratch.index()))
            .output()
            .expect("search")
    };
    let json = run(&["--format", "json"]);
    let hits = json_lines(&json.stdout);
    assert_eq!(hits.len(), 1);
    assert_eq!(s(&hits[0], "speaker"), "Inés Duarte");
    // --json is a shorthand for --format json.
    assert_eq!(run(&["--json"]).stdout, json.stdout);

    let tsv = run(&["--format", "tsv"]);
    assert!(tsv.status.success());
    let text = String::from_utf8(tsv.stdout).expect("utf-8");
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert_eq!(
        rows[0],
        [
            "rank",
            "score",
            "date",
            "speaker",
            "role",
            "speaker_title",
            "title",
            "file",
            "line",
            "id",
            "also_in",
            "text",
            "organisation"
        ]
    );
    let row = &rows[1];
    assert_eq!(row.len(), rows[0].len());
    assert_eq!(
        (row[0], row[2], row[3], row[4]),
        ("1", "2023-06-14", "Inés Duarte", "official")
    );
    assert!(row[7].ends_with("harbour-briefing.txt"));
    assert_eq!(row[8], "16");
    assert_eq!(row[9], s(&hits[0], "id"));
    assert_eq!(row[11], s(&hits[0], "text"));
    assert!(!text.contains('\x1b'));

    // --json and --format together are a usage error on one line.
    scratch
        .podium()
        .args(["search", "cranes", "--json", "--format", "tsv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"))
        .stderr(predicate::str::contains("see `podium search --help`"))
        .stderr(predicate::function(|e: &str| {
            e.trim_end().lines().count() == 1
        }));
}

#[test]
fn quiet_prints_nothing_and_the_exit_code_tells() {
    let scratch = indexed();
    scratch
        .podium()
        .args(["-q", "search", "cranes"])
        .args(index_args(&scratch.index()))
        .assert()
        .code(0)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::is_empty());
    scratch
        .podium()
        .args(["search", "zzyzx", "--quiet"])
        .args(index_args(&scratch.index()))
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty());
    // Index: no summary, no warnings, no progress.
    scratch
        .podium()
        .args(["index", "--quiet"])
        .arg(seeds())
        .args(index_args(&scratch.path().join("q")))
        .assert()
        .success()
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::is_empty());
    assert!(scratch.path().join("q/meta.json").is_file());
}

#[test]
fn indexing_into_a_pipe_shows_no_progress_bar() {
    let scratch = Scratch::new();
    let out = scratch
        .podium()
        .arg("index")
        .arg(seeds())
        .args(index_args(&scratch.index()))
        .output()
        .expect("index");
    assert!(out.status.success());
    // stderr is not a terminal: no bar, no escape codes, nothing at all.
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.stdout.contains(&0x1b));
}

#[test]
fn a_closed_pipe_ends_podium_quietly() {
    let scratch = indexed();
    for format in ["text", "json", "tsv"] {
        let mut c = podium(&scratch);
        c.args(["search", "the", "-n", "500", "--format", format])
            .args(index_args(&scratch.index()));
        let (err, code) = run_into_closed_pipe(&mut c);
        assert_eq!(code, 0, "{format}: {err}");
        assert!(err.is_empty(), "{format}: {err}");
    }
    for args in [&["completions", "bash"][..], &["man"], &["parse", "--json"]] {
        let mut c = podium(&scratch);
        c.args(args);
        if args[0] == "parse" {
            c.arg(seeds());
        }
        let (err, code) = run_into_closed_pipe(&mut c);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?}: {err}");
    }
}

#[test]
fn csv_is_rfc_4180_and_reads_back_to_the_json_fields() {
    let scratch = indexed();
    let run = |format: &str| {
        let out = scratch
            .podium()
            .args(["search", "market", "-n", "20", "--format", format])
            .args(index_args(&scratch.index()))
            .output()
            .expect("search");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let hits = json_lines(&run("json"));
    let bytes = run("csv");
    let text = String::from_utf8(bytes.clone()).expect("utf-8");
    assert!(text.ends_with("\r\n") && !text.replace("\r\n", "").contains('\r'));
    // Texts with commas and double quotes are among the hits: the quoting
    // is exercised, not only the plain case.
    assert!(hits.iter().any(|h| s(h, "text").contains('"')));
    assert!(hits.iter().any(|h| s(h, "text").contains(',')));
    assert!(text.contains("\"\""), "no doubled quote in {text}");

    let mut reader = csv::ReaderBuilder::new().from_reader(bytes.as_slice());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        header,
        [
            "rank",
            "score",
            "date",
            "speaker",
            "role",
            "speaker_title",
            "title",
            "file",
            "line",
            "id",
            "also_in",
            "text",
            "organisation"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    assert_eq!(rows.len(), hits.len());
    for (row, h) in rows.iter().zip(&hits) {
        assert_eq!(&row[0], h["rank"].to_string());
        assert_eq!(&row[3], s(h, "speaker"));
        assert_eq!(&row[6], s(h, "title"));
        assert_eq!(&row[9], s(h, "id"));
        assert_eq!(&row[11], s(h, "text"));
        assert_eq!(&row[12], h["organisation"].as_str().unwrap_or(""));
    }
}
