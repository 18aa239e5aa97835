//! Damaged indexes and indexes from another version: a clear error that
//! gives the fix (`podium index --rebuild`), never a panic, and the fix
//! works. A damaged manifest is repaired by the next `podium index`.

use std::path::{Path, PathBuf};
use std::process::Output;

use podium::index::SEGMENT_FILE_ENDINGS;

use crate::corpusgen::Rng;
use crate::util::{seeds, Scratch};

/// A scratch with an index of the seeds, and the names of its segment files.
fn indexed() -> (Scratch, Vec<PathBuf>) {
    let scratch = Scratch::new();
    scratch.index_seeds();
    let mut segs: Vec<PathBuf> = std::fs::read_dir(scratch.index())
        .expect("index dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            // The segment files an index of the seeds has (one commit, so
            // no deletes file).
            p.extension().is_some_and(|e| {
                let ending = format!(".{}", e.to_string_lossy());
                ending != ".del" && SEGMENT_FILE_ENDINGS.contains(&ending.as_str())
            })
        })
        .collect();
    segs.sort();
    (scratch, segs)
}

fn podium(scratch: &Scratch, args: &[&str]) -> Output {
    run_on(scratch, &scratch.index(), args)
}

/// The command failed with exit code 2 and a one-line error giving the fix.
fn fails_with_the_fix(what: &str, out: &Output) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{what}: {err}");
    assert!(!err.contains("panicked"), "{what}: {err}");
    assert!(err.contains("podium index --rebuild"), "{what}: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{what}: {err}");
}

fn rebuild_fixes(scratch: &Scratch) {
    let out = scratch
        .podium()
        .arg("index")
        .arg(seeds())
        .args(["--rebuild", "--index"])
        .arg(scratch.index())
        .output()
        .expect("rebuild");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (hits, code) = scratch.search("Shanghai", &["--speaker", "gong"]);
    assert_eq!(code, 0);
    assert!(!hits.is_empty());
}

fn meta(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.join("meta.json")).expect("meta")).expect("json")
}

fn set_payload(dir: &Path, payload: Option<serde_json::Value>) {
    let mut m = meta(dir);
    m["payload"] = match payload {
        Some(p) => serde_json::Value::String(p.to_string()),
        None => serde_json::Value::Null,
    };
    std::fs::write(dir.join("meta.json"), serde_json::to_vec(&m).expect("json")).expect("write");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("dir").flatten() {
        std::fs::copy(e.path(), to.join(e.file_name())).expect("copy");
    }
}

fn run_on(scratch: &Scratch, dir: &Path, args: &[&str]) -> Output {
    scratch
        .podium()
        .env_remove("RUST_BACKTRACE")
        .args(args)
        .arg("--index")
        .arg(dir)
        .output()
        .expect("run podium")
}

#[test]
fn truncated_or_missing_files_are_reported_with_the_fix() {
    let (scratch, segs) = indexed();
    let seeds = seeds();
    let seeds = seeds.to_str().expect("path");
    let mut n = 0;
    let mut damaged = |target: &str, how: &str| -> PathBuf {
        n += 1;
        let dir = scratch.path().join(format!("case{n}"));
        copy_dir(&scratch.index(), &dir);
        let f = dir.join(target);
        match how {
            "missing" => std::fs::remove_file(&f).expect("rm"),
            "empty" => std::fs::write(&f, b"").expect("empty"),
            _ => {
                let b = std::fs::read(&f).expect("read");
                std::fs::write(&f, &b[..b.len() / 2]).expect("cut");
            }
        }
        dir
    };
    // Every file of one segment, and meta.json, missing, empty or cut.
    let stem = segs[0]
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .into_owned();
    let mut targets: Vec<String> = segs
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .filter(|n| n.starts_with(&stem))
        .collect();
    assert_eq!(targets.len(), 6, "{targets:?}");
    targets.push("meta.json".into());
    for target in &targets {
        for how in ["missing", "empty", "cut"] {
            if target == "meta.json" && how == "missing" {
                continue; // no meta.json is no index: covered by the contract tests
            }
            let dir = damaged(target, how);
            let what = format!("{how} {target}");
            fails_with_the_fix(
                &format!("search, {what}"),
                &run_on(&scratch, &dir, &["search", "Shanghai"]),
            );
            fails_with_the_fix(
                &format!("stats, {what}"),
                &run_on(&scratch, &dir, &["stats"]),
            );
            fails_with_the_fix(
                &format!("index, {what}"),
                &run_on(&scratch, &dir, &["index", seeds]),
            );
            if how == "cut" {
                let out = run_on(&scratch, &dir, &["index", seeds, "--rebuild"]);
                assert!(
                    out.status.success(),
                    "{what}: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                assert_eq!(
                    run_on(&scratch, &dir, &["search", "Shanghai"])
                        .status
                        .code(),
                    Some(0)
                );
            }
        }
    }
}

#[test]
fn an_index_from_another_version_says_to_rebuild() {
    // Older formats (3, and 4: before organisations and first dates) and
    // a newer one.
    for version in [3, 4, 99] {
        let (scratch, _) = indexed();
        let m = meta(&scratch.index());
        let mut payload: serde_json::Value =
            serde_json::from_str(m["payload"].as_str().expect("payload")).expect("payload json");
        payload["schema_version"] = version.into();
        set_payload(&scratch.index(), Some(payload));
        let out = podium(&scratch, &["search", "Shanghai"]);
        fails_with_the_fix("another format", &out);
        assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("index format {version}")));
        rebuild_fixes(&scratch);
    }

    // Not written by podium at all (no payload, but segments).
    let (scratch, _) = indexed();
    set_payload(&scratch.index(), None);
    let out = podium(&scratch, &["search", "Shanghai"]);
    fails_with_the_fix("foreign index", &out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("not written by podium"));
    rebuild_fixes(&scratch);

    // Written by a podium that kept no indexer state: searchable, not
    // updatable.
    let (scratch, _) = indexed();
    let m = meta(&scratch.index());
    let mut payload: serde_json::Value =
        serde_json::from_str(m["payload"].as_str().expect("payload")).expect("payload json");
    payload.as_object_mut().expect("object").remove("state");
    set_payload(&scratch.index(), Some(payload));
    let (_, code) = scratch.search("Shanghai", &[]);
    assert_eq!(code, 0);
    let out = scratch
        .podium()
        .arg("index")
        .arg(seeds())
        .arg("--index")
        .arg(scratch.index())
        .output()
        .expect("index");
    fails_with_the_fix("no state", &out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("earlier podium"));
    rebuild_fixes(&scratch);
}

fn podium_file(dir: &Path, prefix: &str) -> PathBuf {
    std::fs::read_dir(dir)
        .expect("dir")
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .expect("podium file")
}

#[test]
fn a_lost_manifest_is_rebuilt_from_the_state_and_a_lost_state_needs_rebuild() {
    for damage in ["remove", "cut"] {
        let (scratch, _) = indexed();
        let manifest = podium_file(&scratch.index(), "podium-manifest-");
        if damage == "remove" {
            std::fs::remove_file(&manifest).expect("rm");
        } else {
            std::fs::write(&manifest, b"{\"podium_vers").expect("cut");
        }
        // Plain searches do not need it, nor --speaker (the registry has
        // a file of its own); stats does.
        assert_eq!(scratch.search("Shanghai", &[]).1, 0);
        assert_eq!(scratch.search("Shanghai", &["--speaker", "gong"]).1, 0);
        fails_with_the_fix("stats", &podium(&scratch, &["stats"]));
        // The next run repairs it, even with nothing else to do.
        let out = scratch.index_seeds();
        assert!(out.starts_with("indexed 5 documents"), "{out}");
        let (hits, code) = scratch.search("Shanghai", &["--speaker", "gong"]);
        assert_eq!(code, 0, "{hits:?}");
    }
    let (scratch, _) = indexed();
    std::fs::remove_file(podium_file(&scratch.index(), "podium-state-")).expect("rm");
    assert_eq!(scratch.search("Shanghai", &[]).1, 0);
    let out = scratch
        .podium()
        .arg("index")
        .arg(seeds())
        .arg("--index")
        .arg(scratch.index())
        .output()
        .expect("index");
    fails_with_the_fix("no state", &out);
    rebuild_fixes(&scratch);
}

/// The search registry is derived from the manifest: lost or cut, it
/// stops what reads it (`--speaker`, `podium speakers`) with the fix, not
/// plain searches, and the next run writes it again.
#[test]
fn a_lost_registry_file_is_rebuilt_from_the_manifest() {
    for damage in ["remove", "cut"] {
        let (scratch, _) = indexed();
        let registry = podium_file(&scratch.index(), "podium-registry-");
        if damage == "remove" {
            std::fs::remove_file(&registry).expect("rm");
        } else {
            std::fs::write(&registry, b"{\"speak").expect("cut");
        }
        assert_eq!(scratch.search("Shanghai", &[]).1, 0);
        fails_with_the_fix(
            "speaker",
            &podium(&scratch, &["search", "Shanghai", "--speaker", "gong"]),
        );
        fails_with_the_fix("speakers", &podium(&scratch, &["speakers"]));
        let out = scratch.index_seeds();
        assert!(out.starts_with("indexed 5 documents"), "{out}");
        let (hits, code) = scratch.search("Shanghai", &["--speaker", "gong"]);
        assert_eq!(code, 0, "{hits:?}");
    }
}

#[test]
fn flipped_bits_in_segment_files_never_crash_a_search() {
    let (scratch, segs) = indexed();
    let pristine: Vec<(PathBuf, Vec<u8>)> = segs
        .iter()
        .map(|p| (p.clone(), std::fs::read(p).expect("read")))
        .collect();
    let mut rng = Rng::new(77);
    let mut errors = 0;
    for round in 0..40 {
        let (path, bytes) = &pristine[rng.range(0, pristine.len() as u64) as usize];
        let mut damaged = bytes.clone();
        let at = rng.range(0, damaged.len() as u64) as usize;
        for k in 0..8 {
            let i = (at + k * 13) % damaged.len();
            damaged[i] ^= 0x5a;
        }
        std::fs::write(path, &damaged).expect("damage");
        for query in ["the", "Shanghai", "\"STAR Market\""] {
            let out = podium(&scratch, &["search", query, "-n", "5", "--color", "never"]);
            let code = out.status.code();
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                matches!(code, Some(0..=2)),
                "round {round}, {} at {at}, {query}: exit {code:?} {err}",
                path.display()
            );
            assert!(!err.contains("panicked"), "{err}");
            if code == Some(2) {
                errors += 1;
                assert!(err.contains("podium index --rebuild"), "{err}");
            }
        }
        std::fs::write(path, bytes).expect("restore");
    }
    eprintln!("{errors} of 120 searches on damaged segments ended in an error (the rest read undamaged parts)");
}

/// A flipped bit in the doc store can make tantivy ask for a string of 90 TB
/// (seen with this file's random damage); Rust's answer is an abort with
/// "memory allocation … failed" and exit 134. podium's allocator reports it
/// as one line with the fix and exits 2. The failing allocation is made
/// certain here by capping the address space of a run that needs more.
#[test]
fn a_failed_allocation_is_one_line_with_the_fix_not_an_abort() {
    use std::os::unix::process::CommandExt;
    let scratch = Scratch::new();
    let line = "Ana Duarte: The harbour keeps its ferry timetable for the summer season.\n\n";
    let big = scratch.write("big.txt", line.repeat(12 * 1024 * 1024 / line.len()));
    // std's Command, for pre_exec; the same clean environment as `podium()`.
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("podium"));
    cmd.current_dir(scratch.path())
        .env_remove("RUST_BACKTRACE")
        .env("HOME", scratch.path())
        .arg("parse")
        .arg(&big)
        .arg("--json");
    // SAFETY: setrlimit is async-signal-safe and touches only the child.
    unsafe {
        cmd.pre_exec(|| {
            let cap = 48 * 1024 * 1024;
            let lim = libc::rlimit {
                rlim_cur: cap,
                rlim_max: cap,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
    let out = cmd.output().expect("run podium");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.starts_with("podium: error: out of memory: could not allocate "),
        "{err}"
    );
    assert!(err.contains("podium index --rebuild"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}
