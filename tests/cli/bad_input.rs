//! Bad input next to good input: every bad file gets a one-line warning
//! naming it and the reason, every good file is searchable, the run exits
//! 0, and nothing a transcript (or a file name) carries reaches a terminal
//! as an escape sequence — in search results, `parse`, the index summary,
//! `stats` or errors, as text or as JSON.

use std::path::Path;
use std::process::Output;

use crate::corpusgen;
use crate::support::{index_raw, n};
use crate::util::{json_lines, s, Scratch};

/// A briefing carrying terminal escape sequences: clear screen, an OSC-8
/// hyperlink, a bell, an 8-bit CSI, a right-to-left override.
const ESCAPES: &str = "Harbour Authority press conference on \u{1b}[2Jlighthouse repairs

Date: 4 March 2024

Speakers:
Ms. Odile Marchetti, director of the Lighthouse Service
Moderator:
Mr. Joris Brekke, spokesperson of the Harbour Authority

Joris Brekke:
Good morning.\u{7} The director will speak about the lighthouse repairs.

Odile Marchetti:
The \u{1b}]8;;https://phish.example/\u{1b}\\northern lighthouse\u{1b}]8;;\u{1b}\\ lantern will be replaced in \u{9b}2Jspring, and the \u{202e}keeper cottages\u{202c} reopen as a museum.

Tidewater News:
When will the lantern be lit again?

Odile Marchetti:
By the end of April, if the weather holds.\u{1b}[0m
";

/// A Western European page saved as Windows-1252.
fn cp1252() -> Vec<u8> {
    let mut b = b"Conf\xe9rence de presse du minist\xe8re de la Mer sur les ports\n\n\
Date: 12 mai 2023\n\n\
Intervenants :\n\
Mme Am\xe9lie Lef\xe8vre, directrice des Affaires maritimes\n\n\
Am\xe9lie Lef\xe8vre :\n\
Le port de Saint-Brieuc recevra une nouvelle dr\xe9gueuse \x93Mouette\x94 avant l'\xe9t\xe9, a d\xe9clar\xe9 la directrice.\n\n"
        .to_vec();
    b.extend_from_slice(
        b"Les p\xeacheurs seront consult\xe9s sur le calendrier des travaux d'approfondissement.\n",
    );
    b
}

/// A briefing saved as UTF-16 (little-endian, with a byte-order mark).
fn utf16() -> Vec<u8> {
    let b = corpusgen::briefing(903, 0, 4);
    let mut out = vec![0xff, 0xfe];
    out.extend(b.text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

fn no_escapes(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<(usize, char)> = text
        .char_indices()
        .filter(|(_, c)| (c.is_control() && *c != '\n') || ('\u{202a}'..='\u{202e}').contains(c))
        .collect();
    assert!(
        bad.is_empty(),
        "{what}: raw control characters {:?} in\n{}",
        bad.iter().take(5).collect::<Vec<_>>(),
        text.chars().take(3000).collect::<String>()
    );
}

/// Only podium's own colour codes (`ESC[…m`) may appear with --color always.
fn only_our_colours(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let stripped = regex_lite_strip(&text);
    no_escapes(what, stripped.as_bytes());
}

fn regex_lite_strip(s: &str) -> String {
    let re = regex::Regex::new("\u{1b}\\[[0-9;]*m").expect("regex");
    re.replace_all(s, "").into_owned()
}

fn run(scratch: &Scratch, args: &[&str]) -> Output {
    scratch.podium().args(args).output().expect("run podium")
}

#[cfg(unix)]
fn mkfifo(path: &Path) -> bool {
    std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
#[cfg(unix)]
fn bad_files_are_named_good_files_indexed_and_no_escape_reaches_the_terminal() {
    use std::os::unix::fs::{symlink, PermissionsExt};

    let scratch = Scratch::new();
    let dir = scratch.path().join("in");
    let good_a = corpusgen::briefing(901, 0, 5);
    let good_b = corpusgen::briefing(902, 0, 5);
    let good_c = corpusgen::briefing(904, 0, 4);
    corpusgen::write(&dir, "good-a.txt", &good_a);
    corpusgen::write(&dir, "good-b.txt", &good_b);
    scratch.write("in/utf16.txt", utf16());
    scratch.write("in/cp1252.txt", cp1252());
    scratch.write("in/escapes.txt", ESCAPES);
    // A file name carrying an escape sequence.
    scratch.write(
        "in/evil\u{1b}[2J\u{9b}31mname.txt",
        corpusgen::briefing(905, 0, 4).text,
    );

    scratch.write("in/empty.txt", "");
    let mut binary = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    binary.extend((0..4000u32).map(|i| (i * 7919 % 251) as u8));
    scratch.write("in/binary.txt", binary);
    // 200 MB, sparse: podium must refuse it from its size, unread.
    let big = scratch.write("in/huge.txt", "Moderator: a very long day.\n");
    std::fs::OpenOptions::new()
        .write(true)
        .open(&big)
        .expect("open big")
        .set_len(200 * 1024 * 1024)
        .expect("grow big");
    scratch.write(
        "in/nolabels.txt",
        "The weather over the estuary stayed calm for most of the week and the ferries ran on time.\n\n\
         Dredging of the inner channel continued at night to keep the berths open for the grain ships.\n",
    );
    let mut line = String::from("Moderator Ilse Brekke:\n");
    while line.len() < 1024 * 1024 {
        line.push_str("harbour budget ferry tariff quay workers cranes ");
    }
    line.push_str("longlineword.\n");
    scratch.write("in/longline.txt", line);
    let locked = scratch.write("in/unreadable.txt", corpusgen::briefing(906, 0, 3).text);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    // Root (as in many CI containers) reads it anyway: then it is indexed.
    let root_reads = std::fs::File::open(&locked).is_ok();
    symlink(".", dir.join("loop")).expect("dir loop");
    symlink("self.txt", dir.join("self.txt")).expect("file loop");
    symlink("nowhere.txt", dir.join("broken.txt")).expect("broken link");
    corpusgen::write(&dir.join("folder.txt"), "inside.txt", &good_c);
    let fifo = mkfifo(&dir.join("pipe.txt"));

    let missing = scratch.path().join("missing.txt");
    let out = index_raw(&scratch, &scratch.index(), &[], &[&dir, &missing]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = json_lines(&out.stdout).remove(0);
    let warnings: Vec<(String, String)> = summary["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .map(|w| (s(w, "file").to_string(), s(w, "message").to_string()))
        .collect();
    let warned = |file: &str, reason: &str| {
        assert!(
            warnings
                .iter()
                .any(|(f, m)| f.ends_with(file) && m.contains(reason)),
            "no warning for {file} ({reason}) in {warnings:#?}"
        );
    };
    warned("empty.txt", "is empty");
    warned("binary.txt", "looks like a binary file");
    warned("huge.txt", "is 200 MB, larger than the 16 MB");
    warned("nolabels.txt", "no speaker found");
    warned("longline.txt", "has a line of 1024 KB");
    warned("cp1252.txt", "is not UTF-8; read as windows-1252");
    warned("in/loop", "symbolic link loop");
    warned("self.txt", "symbolic link loop");
    warned("broken.txt", "broken symbolic link");
    warned("folder.txt", "is a directory, not a transcript file");
    warned("missing.txt", "does not exist");
    if fifo {
        warned("pipe.txt", "is not a regular file");
    }
    if root_reads {
        eprintln!(
            "running as root: permission bits do not stop reads, so unreadable.txt is indexed"
        );
        assert!(!warnings.iter().any(|(f, _)| f.ends_with("unreadable.txt")));
    } else {
        warned("unreadable.txt", "permission denied");
    }
    // Files found but not read: empty, binary, huge, the pipe, the
    // unreadable one (links that lead nowhere are warned about when found).
    let skipped = 3 + u64::from(fifo) + u64::from(!root_reads);
    assert_eq!(n(&summary, "skipped"), skipped, "{summary}");

    // The same run for people: one line per warning, the count first.
    let human = scratch
        .podium()
        .arg("index")
        .arg(&dir)
        .arg(&missing)
        .args(["--rebuild", "--index"])
        .arg(scratch.path().join("idx2"))
        .output()
        .expect("index");
    assert_eq!(human.status.code(), Some(0));
    no_escapes("index summary", &human.stdout);
    no_escapes("index stderr", &human.stderr);
    let text = String::from_utf8_lossy(&human.stdout);
    let lines = text.lines().filter(|l| l.starts_with("warning: ")).count();
    assert!(text.contains(&format!("{lines} warnings:")), "{text}");
    assert_eq!(lines, warnings.len(), "{text}");

    // Every good file is searchable.
    let found_in = |query: &str| -> Vec<String> {
        let (hits, code) = scratch.search(query, &["-n", "50"]);
        assert_eq!(code, 0, "nothing found for {query}");
        hits.iter().map(|h| s(h, "file").to_string()).collect()
    };
    for (name, b) in [
        ("good-a.txt", &good_a),
        ("good-b.txt", &good_b),
        ("folder.txt/inside.txt", &good_c),
    ] {
        for p in &b.paragraphs {
            let tag = p
                .split_whitespace()
                .last()
                .expect("tag")
                .trim_end_matches(['.', '?']);
            assert!(found_in(tag).iter().all(|f| f.ends_with(name)), "{tag}");
        }
    }
    assert!(found_in("g903v0t1p0")
        .iter()
        .all(|f| f.ends_with("utf16.txt")));
    assert!(found_in("Lefèvre dragueuse OR drégueuse")
        .iter()
        .any(|f| f.ends_with("cp1252.txt")));
    let (hits, _) = scratch.search("Mouette", &[]);
    assert!(
        s(&hits[0], "text").contains("\u{201c}Mouette\u{201d}"),
        "{hits:?}"
    );
    assert!(found_in("g905v0t1p0").iter().all(|f| f.contains("evil")));
    assert!(found_in("longlineword")
        .iter()
        .all(|f| f.ends_with("longline.txt")));
    assert!(found_in("estuary")
        .iter()
        .all(|f| f.ends_with("nolabels.txt")));
    if root_reads {
        assert!(found_in("g906v0t1p0")
            .iter()
            .all(|f| f.ends_with("unreadable.txt")));
    }

    // No escape sequence from the transcripts or file names reaches a
    // terminal, whatever the output.
    let idx = scratch.index();
    let idx = idx.to_str().expect("utf-8 path");
    for query in [
        "lighthouse lantern",
        "keeper cottages",
        "g905v0t1p0",
        "museum",
    ] {
        let plain = run(&scratch, &["search", query, "--index", idx, "-n", "20"]);
        assert_eq!(plain.status.code(), Some(0), "{query}");
        no_escapes("search", &plain.stdout);
        let coloured = run(
            &scratch,
            &["search", query, "--index", idx, "--color", "always"],
        );
        only_our_colours("search --color always", &coloured.stdout);
        if query.starts_with("g905") {
            let shown = String::from_utf8_lossy(&plain.stdout);
            assert!(
                shown.contains("evil\\u{1b}[2J\\u{9b}31mname.txt"),
                "{shown}"
            );
        }
        let json = run(&scratch, &["search", query, "--index", idx, "--json"]);
        no_escapes("search --json", &json.stdout);
        assert!(!json_lines(&json.stdout).is_empty());
    }
    let escapes = dir.join("escapes.txt");
    let named = dir.join("evil\u{1b}[2J\u{9b}31mname.txt");
    for args in [
        &["parse"][..],
        &["parse", "--explain"][..],
        &["parse", "--json"][..],
        &["parse", "--json", "--explain"][..],
    ] {
        let out = scratch
            .podium()
            .args(args)
            .arg(&escapes)
            .arg(&named)
            .output()
            .expect("parse");
        assert_eq!(out.status.code(), Some(0));
        no_escapes("parse", &out.stdout);
        no_escapes("parse stderr", &out.stderr);
    }
    let stats = run(&scratch, &["stats", "--index", idx]);
    no_escapes("stats", &stats.stdout);
    // Errors repeat what they are about, escaped.
    let err = run(
        &scratch,
        &[
            "search",
            "lantern",
            "--index",
            idx,
            "--speaker",
            "\u{1b}[2JNobody",
        ],
    );
    assert_eq!(err.status.code(), Some(2));
    no_escapes("error", &err.stderr);
    assert!(String::from_utf8_lossy(&err.stderr).contains("\\u{1b}[2JNobody"));
    let err = run(
        &scratch,
        &[
            "parse",
            named.to_str().expect("path"),
            "/nonexistent/\u{9b}x.txt",
        ],
    );
    no_escapes("parse warning", &err.stderr);
}

#[test]
fn when_nothing_given_can_be_read_each_reason_comes_before_the_error() {
    // One bad file: the error alone would not say what is wrong with it.
    let scratch = Scratch::new();
    let empty = scratch.write("in/empty.txt", "  \n");
    let out = run(
        &scratch,
        &[
            "index",
            empty.to_str().expect("path"),
            "--index",
            "idx",
            "--quiet",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with("podium: warning: ") && lines[0].contains("in/empty.txt: is empty"),
        "{err}"
    );
    assert!(
        lines[1].starts_with("podium: error: ")
            && lines[1].contains("no transcripts to index: the file given could not be read"),
        "{err}"
    );

    // Several: a binary file, a JSON lines file whose every record is bad
    // (one warning per record, and one file in the count), one that does
    // not exist (found missing before indexing), with --json too.
    scratch.write("in/binary.txt", [0u8, 1, 2, 3, 0, 255]);
    scratch.write("in/bad.jsonl", "{\"title\": \"cut\n{\"text\": \"\"}\n");
    let out = run(
        &scratch,
        &["index", "in", "nowhere.txt", "--index", "idx", "--json"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "no summary");
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 6, "{err}");
    assert!(lines[..5]
        .iter()
        .all(|l| l.starts_with("podium: warning: ")));
    for want in [
        "nowhere.txt: does not exist",
        "in/bad.jsonl#1: is not valid JSON",
        "in/bad.jsonl#2: record has no \"text\"",
        "in/binary.txt: looks like a binary file",
        "in/empty.txt: is empty",
    ] {
        assert!(lines[..5].iter().any(|l| l.contains(want)), "{want}: {err}");
    }
    assert!(
        lines[5].contains("no transcripts to index: none of the 3 files given could be read"),
        "{err}"
    );
    assert!(!scratch.path().join("idx/meta.json").exists());
}

#[test]
fn files_that_decode_to_nothing_readable_are_skipped_and_named() {
    let scratch = Scratch::new();
    let dir = scratch.path().join("in");
    let good = corpusgen::briefing(911, 0, 3);
    corpusgen::write(&dir, "good.txt", &good);
    // A binary file behind a UTF-8 byte-order mark: it decodes, to NULs.
    let mut bom_binary = b"\xef\xbb\xbf\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bom_binary.extend((0..2000u32).map(|i| (i * 7919 % 251) as u8));
    scratch.write("in/bom-binary.txt", bom_binary);
    // Invalid UTF-16: a little-endian BOM, then lone surrogates.
    let mut bad16 = vec![0xff, 0xfe];
    for i in 0..400u16 {
        bad16.extend((0xdc00 + i).to_le_bytes());
    }
    scratch.write("in/bad-utf16.txt", bad16);
    // UTF-8 text with NULs through it (no BOM).
    scratch.write(
        "in/nuls.txt",
        "Moderator:\0 Good\0 morning\0 everyone.\0\n".repeat(20),
    );

    let out = index_raw(&scratch, &scratch.index(), &[], &[&dir]);
    // The convention for skipped files: a warning each, exit 0.
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = json_lines(&out.stdout).remove(0);
    let warnings: Vec<(String, String)> = summary["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .map(|w| (s(w, "file").to_string(), s(w, "message").to_string()))
        .collect();
    for (file, reason) in [
        ("bom-binary.txt", "NUL characters"),
        ("bad-utf16.txt", "not valid in its encoding"),
        ("nuls.txt", "binary file"),
    ] {
        assert!(
            warnings
                .iter()
                .any(|(f, m)| f.ends_with(file) && m.contains(reason)),
            "no warning for {file} ({reason}) in {warnings:#?}"
        );
    }
    assert_eq!(n(&summary, "skipped"), 3, "{summary}");
    // Only the good file is a document of the index, and it is searchable.
    let stats = crate::support::stats(&scratch, &scratch.index());
    assert_eq!(n(&stats, "documents"), 1, "{stats}");
    let tag = good.paragraphs[0]
        .split_whitespace()
        .last()
        .expect("tag")
        .trim_end_matches(['.', '?'])
        .to_string();
    let (hits, code) = scratch.search(&tag, &[]);
    assert_eq!(code, 0);
    assert!(hits.iter().all(|h| s(h, "file").ends_with("good.txt")));
}
