//! The library's layers, checked: data flows one way (see
//! docs/architecture.md), so a module imports only from the layers below
//! it, and only the command line (in the binary) uses `anyhow`.
//!
//! A source check rather than a compiler one because Rust lets any module
//! of a crate name any other; the order is a rule of this house, and this
//! test is where it is written down.

use std::path::Path;

use crate::util::repo;

/// podium's top-level modules, lowest first. A module may import from
/// those before it in this list, never from those after it.
const LAYERS: &[&[&str]] = &[
    &["hash"],
    &["error"],
    &["transcript"],
    &["input"],
    &["corpus"],
    &["passage"],
    &["registry"],
    &["index"],
    &["search"],
    &["watch"],
    &["render"],
    &["export", "bench", "generate", "config"],
    &["serve"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// `(file, line number, line)` for every line of `src/` outside comments
/// and `#[cfg(test)]` modules (tests may reach anywhere).
fn code_lines(dir: &Path, out: &mut Vec<(String, usize, String)>) {
    for e in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = e.expect("dir entry").path();
        if path.is_dir() {
            code_lines(&path, out);
            continue;
        }
        if path.extension().is_none_or(|x| x != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a source file");
        let rel = path
            .strip_prefix(repo())
            .expect("under the repository")
            .to_string_lossy()
            .replace('\\', "/");
        for (n, line) in text.lines().enumerate() {
            let l = line.trim_start();
            if l.starts_with("#[cfg(test)]") {
                break;
            }
            if !l.starts_with("//") {
                out.push((rel.clone(), n + 1, line.to_string()));
            }
        }
    }
}

/// The top-level module a file of `src/` belongs to (`src/index/codec.rs`
/// → `index`), or None for the crate roots and the command line.
fn module_of(file: &str) -> Option<&str> {
    let rest = file.strip_prefix("src/")?;
    let top = rest.split('/').next()?.trim_end_matches(".rs");
    (top != "main" && top != "lib" && top != "cli").then_some(top)
}

/// Upward imports in `lines`: `(file:line, from, to)`.
fn upward(lines: &[(String, usize, String)]) -> Vec<String> {
    let named = regex::Regex::new(r"crate::(\w+)").unwrap();
    let mut found = Vec::new();
    for (file, n, line) in lines {
        let Some(from) = module_of(file) else {
            continue;
        };
        let from_layer = layer_of(from).unwrap_or_else(|| {
            panic!(
                "{file}: module `{from}` is in no layer: add it to LAYERS in tests/cli/layers.rs"
            )
        });
        for c in named.captures_iter(line) {
            let to = &c[1];
            if let Some(to_layer) = layer_of(to) {
                if to_layer > from_layer {
                    found.push(format!("{file}:{n}: {from} imports {to}: {}", line.trim()));
                }
            }
        }
    }
    found
}

#[test]
fn every_module_imports_only_from_the_layers_below_it() {
    let mut lines = Vec::new();
    code_lines(&repo().join("src"), &mut lines);
    assert!(lines.len() > 10_000, "src/ is podium's source");
    let up = upward(&lines);
    assert!(
        up.is_empty(),
        "imports that run back up:\n{}",
        up.join("\n")
    );
}

#[test]
fn the_layer_check_catches_an_upward_import() {
    let lines = vec![
        (
            "src/index/writer/store.rs".to_string(),
            7,
            "    let h = crate::watch::store::readers();".to_string(),
        ),
        (
            "src/search/rank.rs".to_string(),
            3,
            "use crate::index::PodiumIndex;".to_string(),
        ),
    ];
    assert_eq!(upward(&lines).len(), 1, "{:?}", upward(&lines));
}

#[test]
fn only_the_command_line_uses_anyhow() {
    let mut lines = Vec::new();
    code_lines(&repo().join("src"), &mut lines);
    let library: Vec<String> = lines
        .iter()
        .filter(|(file, _, line)| module_of(file).is_some() && line.contains("anyhow"))
        .map(|(file, n, line)| format!("{file}:{n}: {}", line.trim()))
        .collect();
    assert!(
        library.is_empty(),
        "the library returns typed errors; anyhow is for the binary's edge:\n{}",
        library.join("\n")
    );
}
