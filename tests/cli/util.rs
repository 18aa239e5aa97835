//! A small harness for podium's integration tests: a temporary working
//! directory, the real `podium` binary, and JSON output parsed into values.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// The repository root (where `seeds/` and `tests/` live).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The sample corpus shipped in the repository.
pub fn seeds() -> PathBuf {
    repo().join("seeds")
}

/// Test fixtures written for podium's tests.
pub fn fixtures() -> PathBuf {
    repo().join("tests").join("fixtures")
}

/// A scratch directory to run podium in.
pub struct Scratch {
    pub dir: TempDir,
}

impl Scratch {
    pub fn new() -> Scratch {
        Scratch {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The index directory tests build into.
    pub fn index(&self) -> PathBuf {
        self.path().join("idx")
    }

    /// `podium` run in the scratch directory, with no environment leaking in.
    pub fn podium(&self) -> Command {
        let mut c = Command::cargo_bin("podium").expect("podium binary");
        c.current_dir(self.path())
            .env_remove("PODIUM_INDEX")
            .env_remove("NO_COLOR")
            // No config file or synonyms from the machine running the tests.
            .env_remove("PODIUM_CONFIG")
            .env_remove("PODIUM_SYNONYMS")
            .env("XDG_CONFIG_HOME", self.path().join(".config"))
            .env("HOME", self.path());
        c
    }

    /// Writes a file into the scratch directory and returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&p, contents).expect("write");
        p
    }

    /// Builds the index at [`Scratch::index`] from `paths`.
    pub fn index_paths(&self, paths: &[&Path]) -> String {
        let out = self
            .podium()
            .arg("index")
            .args(paths)
            .arg("--index")
            .arg(self.index())
            .output()
            .expect("run podium index");
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            out.status.success(),
            "podium index failed: {stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        stdout
    }

    /// Builds the index from the repository's seeds.
    pub fn index_seeds(&self) -> String {
        self.index_paths(&[&seeds()])
    }

    /// `podium search QUERY --json` against the scratch index, with extra
    /// arguments; returns the hits and the exit code.
    pub fn search(&self, query: &str, extra: &[&str]) -> (Vec<Value>, i32) {
        let out = self
            .podium()
            .args(["search", query, "--json", "--index"])
            .arg(self.index())
            .args(extra)
            .output()
            .expect("run podium search");
        let code = out.status.code().unwrap_or(-1);
        assert!(
            code == 0 || code == 1,
            "search {query:?} {extra:?} failed ({code}): {}",
            String::from_utf8_lossy(&out.stderr)
        );
        (json_lines(&out.stdout), code)
    }

    /// `podium parse FILES --json`, one value per file.
    pub fn parse(&self, files: &[PathBuf], extra: &[&str]) -> Vec<Value> {
        let out = self
            .podium()
            .arg("parse")
            .args(files)
            .arg("--json")
            .args(extra)
            .output()
            .expect("run podium parse");
        assert!(
            out.status.success(),
            "parse failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        json_lines(&out.stdout)
    }
}

/// Parses JSON lines output.
pub fn json_lines(bytes: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(bytes)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

/// The seed files, sorted.
pub fn seed_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(seeds())
        .expect("seeds/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

/// A string field of a JSON value, or "".
pub fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// The file name of a path-like string.
pub fn base(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// A briefing with a roster (a chair and an official) and labels: the
/// document other files learn who speaks from, in the incremental and JSON
/// lines tests.
pub const ROSTER: &str = "Fisheries Agency press conference on the autumn quotas

Date: 3 October 2023

Speakers:
Ms. Signe Halvorsen, director general of the Fisheries Agency
Moderator:
Mr. Arvid Lunde, spokesperson of the Fisheries Agency

Arvid Lunde:
Good afternoon. Director General Halvorsen will present the autumn quotas first.

Signe Halvorsen:
The cod quota for the northern grounds falls by eight percent this autumn, while the herring quota stays where it was last year.

Coastal Radio:
Will the smaller boats be compensated for the lower cod quota?

Signe Halvorsen:
Yes. A compensation fund of twelve million will open in November for boats under fifteen metres.
";

/// A parsed document's roster (from `podium parse --json`) as (name, role).
pub fn roster_of(doc: &Value) -> Vec<(&str, &str)> {
    doc["roster"]
        .as_array()
        .expect("roster")
        .iter()
        .map(|r| (s(r, "name"), s(r, "role")))
        .collect()
}
