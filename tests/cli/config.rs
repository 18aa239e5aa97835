//! The config file and the precedence of settings: flag > environment >
//! config file > default.

use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::util::{fixtures, json_lines, s, Scratch};

/// Where podium looks for its config file, for a scratch directory used as
/// HOME and XDG_CONFIG_HOME (see `Scratch::podium`).
fn platform_config(scratch: &Scratch) -> PathBuf {
    if cfg!(target_os = "macos") {
        scratch
            .path()
            .join("Library/Application Support/podium/config.toml")
    } else {
        scratch.path().join(".config/podium/config.toml")
    }
}

/// Three indexes that answer "briefing" differently.
fn three_indexes(scratch: &Scratch) {
    for (name, file) in [
        (
            "from-config",
            fixtures().join("formats/harbour-briefing.txt"),
        ),
        ("from-env", fixtures().join("inputs/ferry-briefing.html")),
        ("from-flag", fixtures().join("inputs/night-trains.md")),
    ] {
        scratch
            .podium()
            .arg("index")
            .arg(file)
            .args(["--quiet", "--index", name])
            .assert()
            .success();
    }
}

fn searched_file(scratch: &Scratch, envs: &[(&str, &str)], args: &[&str]) -> String {
    let mut c = scratch.podium();
    c.args(["search", "the", "--json", "-n", "1"]).args(args);
    for (k, v) in envs {
        c.env(k, v);
    }
    let out = c.output().expect("search");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = s(&json_lines(&out.stdout)[0], "file").to_string();
    Path::new(&file)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or(file)
}

#[cfg(any(target_os = "linux", target_os = "macos"))]
#[test]
fn index_location_flag_beats_env_beats_config_beats_default() {
    let scratch = Scratch::new();
    three_indexes(&scratch);
    // No config: the default index/ (absent, so the sample is built there).
    scratch
        .podium()
        .arg("config")
        .assert()
        .success()
        .stdout(predicate::str::contains("index        index (default)"));

    // The config file in the platform's place; a relative path is taken
    // from the config file's folder.
    let cfg = platform_config(&scratch);
    let rel = pathdiff(
        &scratch.path().join("from-config"),
        cfg.parent().expect("dir"),
    );
    scratch.write(
        cfg.strip_prefix(scratch.path())
            .expect("inside")
            .to_str()
            .expect("utf-8"),
        format!("index = {:?}\n", rel.to_string_lossy()),
    );
    scratch
        .podium()
        .arg("config")
        .assert()
        .success()
        .stdout(predicate::str::contains(cfg.to_string_lossy().as_ref()))
        .stdout(predicate::str::contains("from-config (config file)"));
    assert_eq!(searched_file(&scratch, &[], &[]), "harbour-briefing.txt");

    // PODIUM_INDEX beats the file.
    let env = [("PODIUM_INDEX", "from-env")];
    assert_eq!(searched_file(&scratch, &env, &[]), "ferry-briefing.html");
    scratch
        .podium()
        .arg("config")
        .env("PODIUM_INDEX", "from-env")
        .assert()
        .stdout(predicate::str::contains(
            "index        from-env ($PODIUM_INDEX)",
        ));

    // --index beats both.
    assert_eq!(
        searched_file(&scratch, &env, &["--index", "from-flag"]),
        "night-trains.md"
    );
    scratch
        .podium()
        .args(["config", "--index", "from-flag"])
        .env("PODIUM_INDEX", "from-env")
        .assert()
        .stdout(predicate::str::contains(
            "index        from-flag (command line)",
        ));

    // An index set in the config file is the user's choice: a missing one
    // is an error, not a silent build from the sample briefings.
    scratch.write(
        cfg.strip_prefix(scratch.path())
            .expect("inside")
            .to_str()
            .expect("utf-8"),
        "index = \"/nonexistent/podium-index\"\n",
    );
    scratch
        .podium()
        .args(["search", "the"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no index at /nonexistent/podium-index",
        ));
}

/// `path` relative to `base` (both absolute, `base` a parent chain of a
/// common root).
fn pathdiff(path: &Path, base: &Path) -> PathBuf {
    let p: Vec<_> = path.components().collect();
    let b: Vec<_> = base.components().collect();
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &p[common..] {
        out.push(c);
    }
    out
}

#[test]
fn colours_from_the_config_file_and_their_precedence() {
    let scratch = Scratch::new();
    three_indexes(&scratch);
    let cfg = scratch.write(
        "podium.toml",
        "color = \"always\"\n[colors]\nspeaker = \"underline green\"\nhighlight = \"reverse\"\n",
    );
    let search = |envs: &[(&str, &str)], args: &[&str]| {
        let mut c = scratch.podium();
        c.args(["search", "cranes", "--index", "from-config"])
            .args(args)
            .env("PODIUM_CONFIG", &cfg);
        for (k, v) in envs {
            c.env(k, v);
        }
        String::from_utf8(c.output().expect("search").stdout).expect("utf-8")
    };
    // The file says always, even into a pipe, with its own palette.
    let out = search(&[], &[]);
    assert!(out.contains("\x1b[4;32mInés Duarte\x1b[0m"), "{out}");
    assert!(out.contains("\x1b[7mcranes\x1b[0m"), "{out}");
    // A config file's choice beats NO_COLOR (no-color.org) …
    assert!(search(&[("NO_COLOR", "1")], &[]).contains('\x1b'));
    // … and --color beats the file.
    assert!(!search(&[], &["--color", "never"]).contains('\x1b'));
    scratch
        .podium()
        .args(["config", "--color", "never"])
        .env("PODIUM_CONFIG", &cfg)
        .assert()
        .stdout(predicate::str::contains(
            "color        never (command line)",
        ));
    scratch
        .podium()
        .arg("config")
        .env("PODIUM_CONFIG", &cfg)
        .assert()
        .stdout(predicate::str::contains(
            "color        always (config file)",
        ));
}

#[test]
fn synonyms_file_env_beats_config() {
    let scratch = Scratch::new();
    let cfg = scratch.write("podium.toml", "synonyms = \"syn.txt\"\n");
    let shown = scratch.write("syn.txt", "GBF = Green Bond Facility\n");
    scratch
        .podium()
        .arg("config")
        .env("PODIUM_CONFIG", &cfg)
        .assert()
        .stdout(predicate::str::contains(format!(
            "synonyms     {} (config file)",
            shown.display()
        )));
    scratch
        .podium()
        .arg("config")
        .env("PODIUM_CONFIG", &cfg)
        .env("PODIUM_SYNONYMS", "/etc/other.txt")
        .assert()
        .stdout(predicate::str::contains(
            "synonyms     /etc/other.txt ($PODIUM_SYNONYMS; not there",
        ));
}

#[test]
fn config_shows_the_synonyms_searches_use() {
    let scratch = Scratch::new();
    let synonyms_line = |scratch: &Scratch| {
        let out = scratch.podium().arg("config").output().expect("config");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .find(|l| l.starts_with("synonyms"))
            .unwrap_or("")
            .to_string()
    };
    // No file of the user's: the shipped list alone, not "none".
    let line = synonyms_line(&scratch);
    assert!(
        line.starts_with("synonyms     the shipped list ("),
        "{line}"
    );
    // The default file in the config folder, which searches read.
    let file = scratch.write(".config/podium/synonyms.txt", "GBF = Green Bond Facility\n");
    let line = synonyms_line(&scratch);
    assert_eq!(
        line,
        format!(
            "synonyms     {} (default), added to the shipped list ({})",
            file.display(),
            line.rsplit_once('(')
                .map_or("", |(_, n)| n.trim_end_matches(')'))
        )
    );
    assert!(line.ends_with(" groups)"), "{line}");
    // A file named but missing is shown as such.
    let out = scratch
        .podium()
        .arg("config")
        .env("PODIUM_SYNONYMS", scratch.path().join("gone.txt"))
        .output()
        .expect("config");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("not there: searches stop with an error"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn a_bad_config_file_is_a_one_line_error_naming_it() {
    let scratch = Scratch::new();
    let cfg = scratch.write("podium.toml", "index = \"idx\"\ncolour = \"always\"\n");
    scratch
        .podium()
        .args(["search", "x"])
        .env("PODIUM_CONFIG", &cfg)
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(format!(
            "podium: error: config file {}: line 2: unknown field `colour`",
            cfg.display()
        )))
        .stderr(predicate::function(|e: &str| {
            e.trim_end().lines().count() == 1
        }));
    // A config file named in PODIUM_CONFIG must exist; an empty
    // PODIUM_CONFIG reads none.
    scratch
        .podium()
        .args(["config"])
        .env("PODIUM_CONFIG", scratch.path().join("missing.toml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.toml"));
    scratch
        .podium()
        .args(["config"])
        .env("PODIUM_CONFIG", "")
        .assert()
        .success()
        .stdout(predicate::str::contains("config file  none"));
}

#[test]
fn the_example_config_is_valid() {
    let scratch = Scratch::new();
    let out = scratch
        .podium()
        .args(["config", "--example"])
        .output()
        .expect("example");
    let cfg = scratch.write("example.toml", &out.stdout);
    scratch
        .podium()
        .arg("config")
        .env("PODIUM_CONFIG", &cfg)
        .assert()
        .success()
        .stdout(predicate::str::contains("index        index (default)"));
}
