//! `podium watch`: saved searches that report what is new, on real indexes
//! built, changed and re-indexed by the real binary.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{json_lines, Scratch};

/// A briefing the parser reads: a title, a date, a roster, and one
/// paragraph per `(speaker, text)`.
pub fn briefing(title: &str, date: &str, turns: &[(&str, &str)]) -> String {
    let mut s = format!(
        "{title}\n\nDate: {date}\n\nSpeakers:\nMs. Oona Tervakoski, director of the Harbour Office\nModerator:\nMr. Pekka Salmi, spokesperson of the Harbour Office\n\n"
    );
    for (who, text) in turns {
        s.push_str(&format!("{who}:\n{text}\n\n"));
    }
    s
}

/// Long enough (12 words and more) to be told apart by its words.
pub fn said(topic: &str, n: usize) -> String {
    format!("On the {topic} we have news number {n}, and the harbour office will publish all of the details this week.")
}

/// A briefing with `n` passages about `topic` and one about the weather.
pub fn about(topic: &str, date: &str, n: usize, salt: &str) -> String {
    let texts: Vec<String> = (0..n)
        .map(|i| said(&format!("{topic} {salt}"), i))
        .collect();
    let mut turns: Vec<(&str, &str)> = texts
        .iter()
        .map(|t| ("Oona Tervakoski", t.as_str()))
        .collect();
    let weather = format!(
        "Thank you all, the weather will be fine and calm tomorrow morning over the whole harbour area {salt}."
    );
    turns.push(("Pekka Salmi", &weather));
    briefing(&format!("Harbour Office briefing {salt}"), date, &turns)
}

/// `podium ARGS --index IDX`: exit code, stdout, stderr.
pub fn run(scratch: &Scratch, args: &[&str]) -> (i32, String, String) {
    let out = scratch
        .podium()
        .args(args)
        .arg("--index")
        .arg(scratch.index())
        .output()
        .expect("run podium");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `watch check NAMES --format json`: exit code and one value per new passage.
pub fn check(scratch: &Scratch, names: &[&str]) -> (i32, Vec<Value>) {
    let mut args = vec!["watch", "check", "--format", "json"];
    args.extend(names);
    let (code, out, err) = run(scratch, &args);
    assert!(code == 0 || code == 1, "check failed ({code}): {err}");
    (code, json_lines(out.as_bytes()))
}

fn add(scratch: &Scratch, args: &[&str]) {
    let mut all = vec!["watch", "add"];
    all.extend(args);
    let (code, _, err) = run(scratch, &all);
    assert_eq!(code, 0, "watch add {args:?}: {err}");
}

/// A corpus folder in the scratch directory, indexed as a whole.
fn corpus(scratch: &Scratch) -> PathBuf {
    let dir = scratch.path().join("briefings");
    std::fs::create_dir_all(&dir).expect("mkdir");
    dir
}

fn reindex(scratch: &Scratch, dir: &Path) {
    scratch.index_paths(&[dir]);
}

fn texts(hits: &[Value]) -> Vec<String> {
    let mut t: Vec<String> = hits
        .iter()
        .map(|h| h["text"].as_str().expect("text").to_string())
        .collect();
    t.sort();
    t
}

#[test]
fn watch_check_reports_what_is_indexed_after_add_once() {
    let scratch = Scratch::new();
    let dir = corpus(&scratch);
    scratch.write(
        "briefings/a.txt",
        about("lighthouse", "12 May 2024", 2, "a"),
    );
    reindex(&scratch, &dir);
    add(&scratch, &["light", "lighthouse"]);
    // What was there before the add is not news.
    let (code, hits) = check(&scratch, &[]);
    assert_eq!((code, hits.len()), (1, 0));

    scratch.write(
        "briefings/b.txt",
        about("lighthouse", "13 May 2024", 3, "b"),
    );
    scratch.write("briefings/c.txt", about("ferry", "13 May 2024", 4, "c"));
    reindex(&scratch, &dir);
    let (code, hits) = check(&scratch, &[]);
    assert_eq!(code, 0);
    assert_eq!(hits.len(), 3, "{hits:?}");
    for h in &hits {
        assert_eq!(h["watch"], "light");
        assert_eq!(h["file"].as_str().map(|f| f.ends_with("b.txt")), Some(true));
        assert_eq!(h["total"], 3);
    }
    // Newest first, then as ranked: all of b's passages.
    assert_eq!(
        texts(&hits),
        (0..3).map(|i| said("lighthouse b", i)).collect::<Vec<_>>()
    );
    // Reported once.
    assert_eq!(check(&scratch, &[]), (1, vec![]));
    // A run that changes nothing reports nothing.
    reindex(&scratch, &dir);
    assert_eq!(check(&scratch, &[]), (1, vec![]));

    // Text output says which search and how many; TSV has the name first.
    scratch.write(
        "briefings/d.txt",
        about("lighthouse", "14 May 2024", 1, "d"),
    );
    reindex(&scratch, &dir);
    let (code, out, _) = run(&scratch, &["watch", "check", "--format", "tsv"]);
    assert_eq!(code, 0);
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(rows.len(), 2, "{out}");
    assert!(rows[0].starts_with("watch\trank\t"), "{out}");
    assert!(rows[1].starts_with("light\t1\t"), "{out}");
    assert_eq!(run(&scratch, &["watch", "check"]).0, 1);
}

#[test]
fn watch_check_counts_changed_text_not_a_new_date() {
    let scratch = Scratch::new();
    let dir = corpus(&scratch);
    scratch.write(
        "briefings/a.txt",
        about("lighthouse", "12 May 2024", 3, "a"),
    );
    reindex(&scratch, &dir);
    add(&scratch, &["light", "lighthouse"]);
    add(&scratch, &["ferry", "ferry"]);

    // Re-dated, same words: the passages are re-written, and not news.
    scratch.write(
        "briefings/a.txt",
        about("lighthouse", "20 May 2024", 3, "a"),
    );
    reindex(&scratch, &dir);
    assert_eq!(check(&scratch, &[]), (1, vec![]));
    let (hits, _) = scratch.search("lighthouse", &[]);
    assert_eq!(hits[0]["date"], "2024-05-20", "the index has the new date");

    // One passage's words changed: that passage is news, the others not.
    let mut text = about("lighthouse", "20 May 2024", 3, "a");
    let old = said("lighthouse a", 1);
    let new = old.replace("this week", "this week, with the ferry timetable");
    text = text.replace(&old, &new);
    scratch.write("briefings/a.txt", text);
    reindex(&scratch, &dir);
    let (code, hits) = check(&scratch, &["light"]);
    assert_eq!(code, 0);
    assert_eq!(texts(&hits), std::slice::from_ref(&new));
    // The ferry search sees it too, since its check is its own.
    let (code, hits) = check(&scratch, &["ferry"]);
    assert_eq!((code, texts(&hits)), (0, vec![new]));
    assert_eq!(check(&scratch, &[]), (1, vec![]));
}

#[test]
fn watch_loses_no_alert_between_runs_or_after_a_crash() {
    let scratch = Scratch::new();
    let dir = corpus(&scratch);
    scratch.write(
        "briefings/a.txt",
        about("lighthouse", "12 May 2024", 1, "a"),
    );
    reindex(&scratch, &dir);
    add(&scratch, &["light", "lighthouse"]);
    // Two runs, no check in between (cron's check failed, or ran late).
    scratch.write(
        "briefings/b.txt",
        about("lighthouse", "13 May 2024", 2, "b"),
    );
    reindex(&scratch, &dir);
    scratch.write(
        "briefings/c.txt",
        about("lighthouse", "14 May 2024", 3, "c"),
    );
    reindex(&scratch, &dir);
    let (code, hits) = check(&scratch, &[]);
    assert_eq!((code, hits.len()), (0, 5), "{hits:?}");

    // A run killed after writing its journal line but before its commit:
    // the line names a generation never committed, so it is not news.
    let journal = scratch.index().join("podium-added.log");
    let ids: Vec<String> = scratch
        .search("lighthouse", &[])
        .0
        .iter()
        .map(|h| h["id"].as_str().expect("id").to_string())
        .collect();
    let generation: u64 = std::fs::read_to_string(&journal)
        .expect("journal")
        .lines()
        .skip(1)
        .filter_map(|l| l.split(' ').next()?.parse().ok())
        .max()
        .expect("a generation");
    let mut text = std::fs::read_to_string(&journal).expect("journal");
    text.push_str(&format!(
        "{} {} {}\n",
        generation + 1,
        ids.len(),
        ids.join(" ")
    ));
    std::fs::write(&journal, text).expect("write journal");
    assert_eq!(check(&scratch, &[]), (1, vec![]));
    // The next commit takes that generation; only its own passages count.
    scratch.write(
        "briefings/d.txt",
        about("lighthouse", "15 May 2024", 1, "d"),
    );
    reindex(&scratch, &dir);
    let (code, hits) = check(&scratch, &[]);
    assert_eq!((code, texts(&hits)), (0, vec![said("lighthouse d", 0)]));

    // A check whose output cannot be written does not move the cursor.
    scratch.write(
        "briefings/e.txt",
        about("lighthouse", "16 May 2024", 1, "e"),
    );
    reindex(&scratch, &dir);
    let full = std::fs::File::options()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(["watch", "check", "--index"])
        .arg(scratch.index())
        .env("XDG_CONFIG_HOME", scratch.path().join(".config"))
        .env("HOME", scratch.path())
        .env_remove("PODIUM_CONFIG")
        .stdout(full)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let (code, hits) = check(&scratch, &[]);
    assert_eq!((code, texts(&hits)), (0, vec![said("lighthouse e", 0)]));
}

#[test]
fn watch_journal_stays_short_and_watches_survive_a_rebuild() {
    let scratch = Scratch::new();
    let dir = corpus(&scratch);
    scratch.write(
        "briefings/a.txt",
        about("lighthouse", "12 May 2024", 1, "a"),
    );
    reindex(&scratch, &dir);
    let journal = scratch.index().join("podium-added.log");
    add(&scratch, &["light", "lighthouse"]);
    for i in 0..3 {
        scratch.write(
            &format!("briefings/n{i}.txt"),
            about("lighthouse", "13 May 2024", 1, &format!("n{i}")),
        );
        reindex(&scratch, &dir);
        assert_eq!(check(&scratch, &[]).1.len(), 1);
    }
    // Only what the last check had not seen yet when the run wrote it.
    let lines = std::fs::read_to_string(&journal).expect("journal");
    assert!(lines.lines().count() <= 2, "{lines}");

    // A rebuild writes everything again: the same words, nothing new.
    let (code, _, err) = run(
        &scratch,
        &["index", dir.to_str().expect("utf-8"), "--rebuild"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(check(&scratch, &[]), (1, vec![]));
    let (_, out, _) = run(&scratch, &["watch", "list", "--json"]);
    assert_eq!(json_lines(out.as_bytes()).len(), 1);
}

#[test]
fn watch_add_list_remove_and_their_errors() {
    let scratch = Scratch::new();
    let dir = corpus(&scratch);
    scratch.write(
        "briefings/a.txt",
        about("lighthouse", "12 May 2024", 1, "a"),
    );
    reindex(&scratch, &dir);
    add(
        &scratch,
        &[
            "light",
            "lighthouse",
            "--speaker",
            "tervakoski",
            "--since",
            "2024",
        ],
    );
    add(
        &scratch,
        &[
            "salmi",
            "",
            "--speaker",
            "Pekka Salmi",
            "--role",
            "moderator",
        ],
    );

    let (code, out, _) = run(&scratch, &["watch", "list", "--json"]);
    assert_eq!(code, 0);
    let list = json_lines(out.as_bytes());
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["name"], "light");
    assert_eq!(list[0]["query"], "lighthouse");
    assert_eq!(list[0]["speakers"], serde_json::json!(["tervakoski"]));
    assert_eq!(list[0]["since"], "2024");
    assert_eq!(list[1]["role"], "moderator");
    assert!(list[1].get("checked").is_none());
    let (_, text, _) = run(&scratch, &["watch", "list"]);
    assert!(
        text.contains("light") && text.contains("--speaker \"tervakoski\""),
        "{text}"
    );

    let fails = |args: &[&str], words: &[&str]| {
        let (code, _, err) = run(&scratch, args);
        assert_eq!(code, 2, "{args:?} should fail: {err}");
        for w in words {
            assert!(err.contains(w), "{args:?}: {err} lacks {w}");
        }
        assert_eq!(err.lines().count(), 1, "{err}");
    };
    fails(
        &["watch", "add", "light", "ferry"],
        &["'light' already exists"],
    );
    fails(
        &["watch", "add", "a/b", "ferry"],
        &["invalid name 'a/b'", "letters, digits"],
    );
    fails(&["watch", "add", "x", "()"], &["invalid query"]);
    fails(
        &["watch", "add", "x", "ferry", "--speaker", "nobody"],
        &["unknown speaker 'nobody'"],
    );
    fails(
        &["watch", "add", "x", "ferry", "--since", "soon"],
        &["invalid date 'soon'"],
    );
    fails(
        &["watch", "remove", "nope"],
        &["no saved search named 'nope'", "light, salmi"],
    );
    fails(
        &["watch", "check", "nope"],
        &["no saved search named 'nope'", "light, salmi"],
    );
    // Refused additions saved nothing.
    let (_, out, _) = run(&scratch, &["watch", "list", "--json"]);
    assert_eq!(json_lines(out.as_bytes()).len(), 2);

    // The filters apply: only the moderator's passages for "salmi".
    scratch.write(
        "briefings/b.txt",
        about("lighthouse", "13 May 2024", 2, "b"),
    );
    reindex(&scratch, &dir);
    let (code, hits) = check(&scratch, &["salmi"]);
    assert_eq!(code, 0);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["speaker"], "Pekka Salmi");
    assert_eq!(check(&scratch, &["light"]).1.len(), 2);

    let (code, _, err) = run(&scratch, &["watch", "remove", "light"]);
    assert_eq!(code, 0, "{err}");
    let (_, out, _) = run(&scratch, &["watch", "list", "--json"]);
    let names: Vec<Value> = json_lines(out.as_bytes())
        .iter()
        .map(|w| w["name"].clone())
        .collect();
    assert_eq!(names, ["salmi"]);
    let (_, out, _) = run(&scratch, &["watch", "remove", "salmi"]);
    assert!(out.is_empty());
    let (code, out, _) = run(&scratch, &["watch", "list"]);
    assert_eq!(code, 0);
    assert!(out.contains("no saved searches"), "{out}");
    // Without an index: the usual error.
    let other = Scratch::new();
    let (code, _, err) = run(&other, &["watch", "list"]);
    assert_eq!(code, 2);
    assert!(err.contains("no index at"), "{err}");
}
