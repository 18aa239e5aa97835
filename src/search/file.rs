//! `--file PATH`: the briefings a file filter means, by the names
//! `podium docs` lists.
//!
//! A briefing is stored under the path it was indexed by
//! (`seeds/003_….txt`, or an absolute path), so users may type it
//! otherwise: from another directory, with `./`, or only its file name.
//! The name is looked up, in this order, as listed by `podium docs`
//! (`data.jsonl#12` for one JSON lines record); as a JSON lines file
//! (all its records); as the same file on disk (both paths resolved);
//! and as the end of listed paths, whole components only (`003_….txt`,
//! `seeds/003_….txt`). A name that ends several paths is an error that
//! lists them; a name that matches none, one that lists the closest.
//!
//! The filter keeps the passages indexed from the briefing; a passage it
//! shares with an earlier briefing (republished) is indexed from that one
//! and is searched there.

use std::path::Path;

use crate::error::{Error, Result};
use crate::index::{DocumentInfo, Manifest};

use super::speaker::edit_distance;

/// At most this many names are listed in an error.
const LISTED: usize = 5;

/// The file part of a listed name: `data.jsonl` for the record
/// `data.jsonl#12`, the name itself for a whole file.
fn file_part(d: &DocumentInfo) -> &str {
    match (&d.stored_as, d.file.rsplit_once('#')) {
        (Some(_), Some((file, _))) => file,
        _ => &d.file,
    }
}

/// Whether `path` ends with the components of `tail`.
fn ends_with_components(path: &str, tail: &str) -> bool {
    path == tail
        || path
            .strip_suffix(tail)
            .is_some_and(|head| head.ends_with(['/', '\\']))
}

/// The stored names of the briefings `wanted` names (see the module
/// documentation for how it is looked up).
pub fn resolve(manifest: &Manifest, wanted: &str) -> Result<Vec<String>> {
    let docs = &manifest.documents;
    let names = |found: Vec<&DocumentInfo>| -> Vec<String> {
        found.iter().map(|d| d.stored_name().to_string()).collect()
    };
    let given = wanted.trim();
    let tail = given.strip_prefix("./").unwrap_or(given);
    if tail.is_empty() {
        return Err(Error::UnknownFile {
            name: wanted.to_string(),
            suggestions: Vec::new(),
        });
    }
    // As listed: a briefing, or one record.
    let exact: Vec<&DocumentInfo> = docs.iter().filter(|d| d.file == tail).collect();
    if !exact.is_empty() {
        return Ok(names(exact));
    }
    // A JSON lines file: every record of it.
    let records: Vec<&DocumentInfo> = docs
        .iter()
        .filter(|d| d.stored_as.is_some() && file_part(d) == tail)
        .collect();
    if !records.is_empty() {
        return Ok(names(records));
    }
    // The same file on disk, named from elsewhere.
    if let Ok(target) = Path::new(given).canonicalize() {
        let same: Vec<&DocumentInfo> = docs
            .iter()
            .filter(|d| {
                Path::new(file_part(d))
                    .canonicalize()
                    .is_ok_and(|p| p == target)
            })
            .collect();
        if !same.is_empty() {
            return Ok(names(same));
        }
    }
    // The end of listed paths.
    let ending: Vec<&DocumentInfo> = docs
        .iter()
        .filter(|d| ends_with_components(file_part(d), tail))
        .collect();
    let mut files: Vec<&str> = ending.iter().map(|d| file_part(d)).collect();
    files.sort_unstable();
    files.dedup();
    match files.len() {
        0 => Err(Error::UnknownFile {
            name: wanted.to_string(),
            suggestions: closest(docs, tail),
        }),
        1 => Ok(names(ending)),
        n => Err(Error::AmbiguousFile {
            name: wanted.to_string(),
            count: n,
            matches: files.iter().take(LISTED).map(|f| f.to_string()).collect(),
        }),
    }
}

/// What a user filtering by `wanted` should know: the briefing's passages
/// that are republished from another briefing are searched under that one
/// (their hits say "also in" this one).
pub fn notes(manifest: &Manifest, wanted: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for w in wanted {
        let Ok(stored) = resolve(manifest, w) else {
            continue;
        };
        for d in manifest
            .documents
            .iter()
            .filter(|d| d.republished > 0 && stored.iter().any(|s| s == d.stored_name()))
        {
            let (passages, are) = if d.republished == 1 {
                ("passage", "is")
            } else {
                ("passages", "are")
            };
            out.push(format!(
                "{n} {passages} of {f} {are} republished from another briefing and searched there, not under --file (their hits say \"also in {f}\")",
                n = d.republished,
                f = d.file,
            ));
        }
    }
    out
}

/// The listed files whose name is closest to `wanted` by edit distance
/// (of the whole path, or of its file name when `wanted` has no folder).
fn closest(docs: &[DocumentInfo], wanted: &str) -> Vec<String> {
    let base = |p: &str| p.rsplit(['/', '\\']).next().unwrap_or(p).to_string();
    let has_folder = wanted.contains(['/', '\\']);
    let mut files: Vec<&str> = docs.iter().map(file_part).collect();
    files.sort_unstable();
    files.dedup();
    let mut scored: Vec<(usize, &str)> = files
        .into_iter()
        .map(|f| {
            let d = if has_folder {
                edit_distance(wanted, f)
            } else {
                edit_distance(wanted, &base(f))
            };
            (d, f)
        })
        .collect();
    scored.sort_unstable();
    let limit = (wanted.chars().count() / 2).max(2);
    scored
        .into_iter()
        .filter(|(d, _)| *d <= limit)
        .take(LISTED)
        .map(|(_, f)| f.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(file: &str, stored_as: Option<&str>) -> DocumentInfo {
        DocumentInfo {
            file: file.into(),
            stored_as: stored_as.map(str::to_string),
            ..DocumentInfo::default()
        }
    }

    fn manifest() -> Manifest {
        Manifest {
            documents: vec![
                doc("seeds/003_5e6a.txt", None),
                doc("more/harbour-briefing.txt", None),
                doc("old/harbour-briefing.txt", None),
                doc("data.jsonl#1", Some("data.jsonl#@aa")),
                doc("data.jsonl#2", Some("data.jsonl#@bb")),
            ],
            ..Manifest::default()
        }
    }

    #[test]
    fn finds_briefings_by_listed_name_file_name_and_records_file() {
        let m = manifest();
        assert_eq!(
            resolve(&m, "seeds/003_5e6a.txt").expect("found"),
            ["seeds/003_5e6a.txt"]
        );
        assert_eq!(
            resolve(&m, "./seeds/003_5e6a.txt").expect("found"),
            ["seeds/003_5e6a.txt"]
        );
        assert_eq!(
            resolve(&m, "003_5e6a.txt").expect("found"),
            ["seeds/003_5e6a.txt"]
        );
        assert_eq!(
            resolve(&m, "data.jsonl#2").expect("found"),
            ["data.jsonl#@bb"]
        );
        assert_eq!(
            resolve(&m, "data.jsonl").expect("found"),
            ["data.jsonl#@aa", "data.jsonl#@bb"]
        );
        assert_eq!(
            resolve(&m, "more/harbour-briefing.txt").expect("found"),
            ["more/harbour-briefing.txt"]
        );
    }

    #[test]
    fn ambiguous_and_unknown_names_say_what_there_is() {
        let m = manifest();
        match resolve(&m, "harbour-briefing.txt") {
            Err(Error::AmbiguousFile { count, matches, .. }) => {
                assert_eq!(count, 2);
                assert_eq!(
                    matches,
                    ["more/harbour-briefing.txt", "old/harbour-briefing.txt"]
                );
            }
            other => panic!("expected ambiguous, got {other:?}"),
        }
        match resolve(&m, "harbor-briefing.txt") {
            Err(Error::UnknownFile { suggestions, .. }) => {
                assert_eq!(
                    suggestions,
                    ["more/harbour-briefing.txt", "old/harbour-briefing.txt"]
                );
            }
            other => panic!("expected unknown, got {other:?}"),
        }
        // Only whole components: `5e6a.txt` is not the end of a name.
        assert!(matches!(
            resolve(&m, "5e6a.txt"),
            Err(Error::UnknownFile { .. })
        ));
        assert!(matches!(resolve(&m, " "), Err(Error::UnknownFile { .. })));
    }
}
