//! The manual against the code: the README and `docs/*.md` link only to
//! files (and headings) that exist, every `podium COMMAND` they name is a
//! command of the real binary's `--help`, and every command of `--help` is
//! in the README's table and the manual's synopsis.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use regex::Regex;

use crate::util::repo;

/// The README and every page of `docs/`, with their text.
fn pages() -> Vec<(PathBuf, String)> {
    let mut paths = vec![repo().join("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(repo().join("docs"))
        .expect("docs/")
        .map(|e| e.expect("docs/ entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    assert!(
        docs.len() >= 10,
        "docs/ should hold the manual's pages: {docs:?}"
    );
    paths.extend(docs);
    paths
        .into_iter()
        .map(|p| {
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, text)
        })
        .collect()
}

/// The lines outside fenced code blocks, with inline code spans blanked
/// out (a `[x](y)` in code is not a link), and the fenced lines apart.
fn prose_and_code(text: &str) -> (Vec<String>, Vec<String>) {
    let span = Regex::new(r"`[^`]*`").unwrap();
    let (mut prose, mut code) = (Vec::new(), Vec::new());
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            code.push(line.to_string());
        } else {
            prose.push(span.replace_all(line, "``").into_owned());
        }
    }
    (prose, code)
}

/// GitHub's anchor for a heading: lower case, punctuation other than `-`
/// and `_` dropped, spaces as hyphens; a repeated heading gets `-1`, `-2`.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The anchors of a Markdown page's headings.
fn anchors(text: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced || !line.starts_with('#') {
            continue;
        }
        let base = slug(line.trim_start_matches('#'));
        let mut anchor = base.clone();
        let mut n = 0;
        while seen.contains(&anchor) {
            n += 1;
            anchor = format!("{base}-{n}");
        }
        seen.insert(anchor);
    }
    seen
}

/// Every relative link of a page that leads nowhere: a file that does not
/// exist, or a heading its page does not have.
fn broken_links(page: &Path, text: &str) -> Vec<String> {
    let link = Regex::new(r#"\]\(([^)\s]+)(?:\s+"[^"]*")?\)"#).unwrap();
    let dir = page.parent().expect("page's folder");
    let (prose, _) = prose_and_code(text);
    let mut broken = Vec::new();
    for line in &prose {
        for c in link.captures_iter(line) {
            let target = &c[1];
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let (file, fragment) = match target.split_once('#') {
                Some((f, a)) => (f, Some(a)),
                None => (target, None),
            };
            let (path, target_text) = if file.is_empty() {
                (page.to_path_buf(), Some(text.to_string()))
            } else {
                let path = dir.join(file);
                if !path.exists() {
                    broken.push(format!("{target}: no such file {}", path.display()));
                    continue;
                }
                let md = path.extension().is_some_and(|e| e == "md");
                let text = md.then(|| std::fs::read_to_string(&path).expect("linked page"));
                (path, text)
            };
            if let (Some(fragment), Some(target_text)) = (fragment, target_text) {
                if !anchors(&target_text).contains(fragment) {
                    broken.push(format!(
                        "{target}: {} has no heading #{fragment}",
                        path.display()
                    ));
                }
            }
        }
    }
    broken
}

/// The subcommands a page names as `podium NAME`: a code span that starts
/// with it, or a command line in a code block (at the line's start, after a
/// prompt `$ `, a pipe, `&&`, `;` or `$(`).
fn named_subcommands(text: &str) -> BTreeSet<String> {
    let in_span = Regex::new(r"`podium ([a-z][a-z-]*)").unwrap();
    let in_code = Regex::new(r"(?:^\s*|\$ |\| |&& |; |\$\()podium ([a-z][a-z-]*)").unwrap();
    let (_, code) = prose_and_code(text);
    let mut names: BTreeSet<String> = in_span
        .captures_iter(text)
        .map(|c| c[1].to_string())
        .collect();
    for (i, line) in code.iter().enumerate() {
        // A misspelt command shown with the error it gets is meant.
        let refused = code
            .get(i + 1)
            .is_some_and(|next| next.starts_with("podium: error: unrecognized subcommand"));
        if !refused {
            names.extend(in_code.captures_iter(line).map(|c| c[1].to_string()));
        }
    }
    names
}

/// The commands `podium --help` lists (the real binary), `help` aside.
fn help_commands() -> BTreeSet<String> {
    let commands: BTreeSet<String> = crate::help::subcommands().into_iter().collect();
    assert!(
        commands.contains("search") && commands.contains("index"),
        "{commands:?}"
    );
    commands
}

#[test]
fn every_relative_link_leads_to_a_file_and_heading() {
    let mut broken = Vec::new();
    for (page, text) in pages() {
        for b in broken_links(&page, &text) {
            broken.push(format!("{}: {b}", page.display()));
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn the_link_check_finds_what_is_broken() {
    let page = repo().join("docs").join("check.md");
    let text = "# A page\n\n## `podium serve` under load\n\n\
        [ok](search.md#synonyms) [ok](#podium-serve-under-load) [ok](../README.md) \
        [web](https://example.org/nothing) `[code](nowhere.md)`\n\
        [gone](nowhere.md) [no heading](search.md#no-such-heading) [here](#nothing-here)\n\
        ```\n[in code](nowhere-either.md)\n```\n";
    let broken = broken_links(&page, text);
    assert_eq!(broken.len(), 3, "{broken:#?}");
    assert!(broken[0].starts_with("nowhere.md:"), "{broken:#?}");
    assert!(broken[1].contains("#no-such-heading"), "{broken:#?}");
    assert!(broken[2].contains("#nothing-here"), "{broken:#?}");
    assert_eq!(
        slug(" `podium bench`'s query mix"),
        "podium-benchs-query-mix"
    );
    assert_eq!(
        slug(" `podium parse`: checking a new publisher"),
        "podium-parse-checking-a-new-publisher"
    );
}

#[test]
fn commands_the_manual_names_exist_and_every_command_is_in_the_readme() {
    let commands = help_commands();
    for (page, text) in pages() {
        let unknown: Vec<String> = named_subcommands(&text)
            .into_iter()
            .filter(|n| !commands.contains(n))
            .collect();
        assert!(
            unknown.is_empty(),
            "{} names commands that `podium --help` does not list: {unknown:?} (commands: {commands:?})",
            page.display()
        );
    }
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("README.md");
    let readme_names = named_subcommands(&readme);
    let manual =
        std::fs::read_to_string(repo().join("docs").join("README.md")).expect("docs/README.md");
    for name in &commands {
        assert!(
            readme.contains(&format!("| `podium {name}` |")),
            "the README's table of commands has no row for `podium {name}`"
        );
        assert!(
            readme_names.contains(name),
            "the README never names podium {name}"
        );
        assert!(
            manual
                .lines()
                .any(|l| l.starts_with(&format!("podium {name}"))),
            "docs/README.md's synopsis has no `podium {name}` line"
        );
    }
    // The check itself finds a command that does not exist.
    let fake = "Run `podium serach x`, or:\n\n```sh\n$ podium frobnicate\npodium: note: fine\n# podium vs rg\n\
        $ podium sarch x\npodium: error: unrecognized subcommand 'sarch'\n```\n";
    let names = named_subcommands(fake);
    assert_eq!(
        names.into_iter().collect::<Vec<_>>(),
        ["frobnicate", "serach"],
        "{fake}"
    );
}

#[test]
fn the_readme_stays_short_and_keeps_its_quick_start() {
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("README.md");
    assert!(
        readme.len() < 12 * 1024,
        "README.md is {} bytes: the manual belongs in docs/",
        readme.len()
    );
    // The two commands of the quick start, which CI (.ci/run) relies on too.
    assert!(readme.contains("cargo run --release -- search \"STAR Market\""));
    assert!(readme.contains("\ncargo test "));
    let ci = std::fs::read_to_string(repo().join(".ci").join("run")).expect(".ci/run");
    assert!(
        ci.lines().any(|l| l.trim() == "cargo test"),
        ".ci/run no longer runs `cargo test`"
    );
}

/// Every `.rs` file under `dir`, as a path from the repository (`src/…`).
fn sources(dir: &Path, out: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = e.expect("dir entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            let rel = path.strip_prefix(repo()).expect("under the repository");
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// docs/architecture.md walks a newcomer through every source file; a file
/// added, moved or removed without it is caught here.
#[test]
fn the_architecture_page_names_every_source_file_and_no_other() {
    let page =
        std::fs::read_to_string(repo().join("docs/architecture.md")).expect("docs/architecture.md");
    let mut files = Vec::new();
    sources(&repo().join("src"), &mut files);
    assert!(files.len() > 50, "src/ is podium's source: {files:?}");
    let missing: Vec<&String> = files
        .iter()
        .filter(|f| !page.contains(&format!("`{f}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "not in docs/architecture.md: {missing:?}"
    );
    let named = Regex::new(r"`(src/[\w/]+\.rs)`").unwrap();
    let stale: Vec<&str> = named
        .captures_iter(&page)
        .map(|c| c.get(1).map_or("", |m| m.as_str()))
        .filter(|f| !files.iter().any(|g| g == f))
        .collect();
    assert!(
        stale.is_empty(),
        "docs/architecture.md names files that are gone: {stale:?}"
    );
}
