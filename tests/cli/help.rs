//! Help and docs: examples in every subcommand's `--help`, shell
//! completions, the man page, and usage errors on one line with a hint.

use predicates::prelude::*;

use crate::util::Scratch;

/// Every subcommand's name, from the binary's own `--help` (a new
/// subcommand is checked without editing this test). The command line is
/// the binary's, not the library's, so its list is read where users see
/// it: the lines of "Commands:" that start a name (a wrapped description
/// continues further in), clap's own `help` aside.
pub fn subcommands() -> Vec<String> {
    let out = Scratch::new()
        .podium()
        .arg("--help")
        .output()
        .expect("podium --help");
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).expect("utf-8 help");
    let names: Vec<String> = help
        .lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|n| *n != "help")
        .map(str::to_string)
        .collect();
    assert!(!names.is_empty(), "no commands in --help: {help}");
    names
}

#[test]
fn every_subcommand_has_help_with_examples() {
    let scratch = Scratch::new();
    let names = subcommands();
    for expected in [
        "index",
        "search",
        "parse",
        "export",
        "completions",
        "man",
        "config",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} missing: {names:?}"
        );
    }
    for name in &names {
        let out = scratch
            .podium()
            .args([name.as_str(), "--help"])
            .output()
            .expect("help");
        assert!(out.status.success(), "{name} --help");
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(
            help.contains("Examples:"),
            "{name} --help has no examples:\n{help}"
        );
        let example = format!("podium {name}");
        assert!(
            help.contains(&example),
            "{name} --help shows no `{example}`:\n{help}"
        );
    }
    scratch
        .podium()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains("--quiet"))
        .stdout(predicate::str::contains("--color <WHEN>"));
}

#[test]
fn completions_for_bash_zsh_and_fish() {
    let scratch = Scratch::new();
    let script = |shell: &str| {
        let out = scratch
            .podium()
            .args(["completions", shell])
            .output()
            .expect("completions");
        assert!(out.status.success(), "{shell}");
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let bash = script("bash");
    assert!(bash.contains("_podium()"), "{bash}");
    assert!(bash.contains("complete -F _podium"), "{bash}");
    let zsh = script("zsh");
    assert!(zsh.starts_with("#compdef podium"), "{zsh}");
    let fish = script("fish");
    assert!(fish.contains("complete -c podium"), "{fish}");
    for name in subcommands() {
        assert!(bash.contains(&name), "bash misses {name}");
        assert!(zsh.contains(&name), "zsh misses {name}");
        assert!(fish.contains(&name), "fish misses {name}");
    }
    // Options and their values are completed too.
    for s in [&bash, &zsh] {
        assert!(s.contains("--speaker") && s.contains("--format"));
    }
    assert!(
        fish.contains("-l speaker") && fish.contains("-l format"),
        "{fish}"
    );
    for s in [&bash, &zsh, &fish] {
        assert!(s.contains("tsv") && s.contains("quickwit"));
    }
    // The bash script is valid bash.
    if let Ok(out) = std::process::Command::new("bash")
        .args(["-n", "-c", &bash])
        .output()
    {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    scratch
        .podium()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value 'tcsh'"));
}

#[test]
fn man_page_documents_every_subcommand() {
    let scratch = Scratch::new();
    let out = scratch.podium().arg("man").output().expect("man");
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).expect("utf-8");
    assert!(page.contains(".TH podium 1"), "{page}");
    assert!(page.contains(".SH NAME") && page.contains(".SH SYNOPSIS"));
    for name in subcommands() {
        assert!(
            page.contains(&format!("podium\\-{name}")),
            "man page misses {name}"
        );
    }
    // One page per subcommand, examples included.
    let dir = scratch.path().join("man1");
    scratch
        .podium()
        .args(["man", "--dir"])
        .arg(&dir)
        .assert()
        .success();
    for name in subcommands() {
        let page = std::fs::read_to_string(dir.join(format!("podium-{name}.1")))
            .unwrap_or_else(|e| panic!("podium-{name}.1: {e}"));
        assert!(
            page.contains(&format!(".TH podium-{name} 1")),
            "{name}: {page}"
        );
        assert!(
            page.contains(env!("CARGO_PKG_VERSION")),
            "{name}: no version"
        );
        assert!(
            page.contains("Examples:"),
            "podium-{name}.1 has no examples"
        );
    }
    assert!(dir.join("podium.1").is_file());
}

#[test]
fn errors_are_one_line_with_a_hint() {
    let scratch = Scratch::new();
    let one_line = |e: &str| e.trim_end().lines().count() == 1;
    // A misspelt subcommand: the command it looks like, on one line.
    scratch
        .podium()
        .arg("serach")
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "podium: error: unrecognized subcommand 'serach'",
        ))
        .stderr(predicate::str::contains("similar subcommand"))
        .stderr(predicate::str::contains("'search'"))
        .stderr(predicate::str::contains("see `podium --help`"))
        .stderr(predicate::function(one_line));
    // A missing argument names it and the subcommand's help.
    scratch
        .podium()
        .arg("search")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<QUERY>"))
        .stderr(predicate::str::contains("see `podium search --help`"))
        .stderr(predicate::function(one_line));
    scratch
        .podium()
        .args(["search", "x", "--since"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--since"))
        .stderr(predicate::str::contains("see `podium search --help`"))
        .stderr(predicate::function(one_line));
    // No index: says where and what to run.
    scratch
        .podium()
        .args(["search", "cranes", "--index", "nowhere"])
        .assert()
        .code(2)
        .stderr(predicate::eq(
            "podium: error: no index at nowhere; build one with: podium index PATH --index nowhere\n",
        ));
    scratch
        .podium()
        .args(["export", "--index", "nowhere"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no index at nowhere; build one with: podium index PATH --index nowhere",
        ))
        .stderr(predicate::function(one_line));
    // --help and --version are not errors.
    scratch
        .podium()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("podium "));
}
