//! A first build killed (SIGKILL) at random moments resumes from its last
//! checkpoint when run again, and ends with exactly the index an
//! uninterrupted build gives.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::corpusgen::Rng;
use crate::crash::{podium_bin, World};
use crate::support::{assert_same_index, index_json, n};
use crate::util::Scratch;

/// Documents between checkpoints in these tests: a small corpus makes many.
const EVERY: &str = "4";

fn spawn_first_build(cwd: &Path, corpus: &Path, idx: &Path) -> Child {
    Command::new(podium_bin())
        .current_dir(cwd)
        .env_remove("PODIUM_INDEX")
        .arg("index")
        .arg(corpus)
        .arg("--index")
        .arg(idx)
        .args(["--checkpoint-every", EVERY])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn podium index")
}

/// Lets `child` run until it has reported `checkpoints` checkpoints on
/// stderr, then `extra` longer, and kills it. Returns how many checkpoints
/// it reported and whether it was still running when killed.
fn kill_after(child: &mut Child, checkpoints: usize, extra: Duration) -> (usize, bool) {
    let stderr = child.stderr.take().expect("piped stderr");
    let mut seen = 0;
    for line in BufReader::new(stderr).lines() {
        let Ok(line) = line else { break };
        if line.starts_with("podium: checkpoint: ") {
            seen += 1;
            if seen >= checkpoints {
                break;
            }
        }
    }
    std::thread::sleep(extra);
    let running = child.try_wait().expect("try_wait").is_none();
    child.kill().ok();
    child.wait().expect("reap");
    (seen, running)
}

#[test]
fn a_first_build_killed_at_random_moments_resumes_and_ends_as_an_uninterrupted_one() {
    let scratch = Scratch::new();
    let corpus = scratch.path().join("corpus");
    // Briefings, some republished on a second page: ownership of shared
    // passages and the speaker registry span documents.
    World::new(corpus.clone(), 31, 48);
    let whole = scratch.path().join("whole");
    let want = index_json(&scratch, &whole, &["--checkpoint-every", "0"], &[&corpus]);
    assert_eq!(n(&want, "checkpoints"), 0, "{want}");
    let documents = n(&want, "documents");
    let every: u64 = EVERY.parse().expect("number");
    let checkpoints = (documents.div_ceil(every) - 1) as usize;
    assert!(checkpoints >= 8, "too few checkpoints to test: {want}");

    let mut rng = Rng::new(2026);
    let mut resumed = 0;
    for round in 0..6u64 {
        let idx = scratch.path().join(format!("run{round}"));
        let mut child = spawn_first_build(scratch.path(), &corpus, &idx);
        // Round 0 is killed before its first checkpoint (it starts over);
        // the others after a random one, a random moment later.
        let (after, extra) = match round {
            0 => (0, Duration::from_millis(rng.range(0, 150))),
            _ => (
                rng.range(1, checkpoints as u64) as usize,
                Duration::from_millis(rng.range(0, 40)),
            ),
        };
        let (seen, running) = if after == 0 {
            std::thread::sleep(extra);
            child.kill().ok();
            child.wait().expect("reap");
            (0, true)
        } else {
            kill_after(&mut child, after, extra)
        };

        let summary = index_json(&scratch, &idx, &["--checkpoint-every", EVERY], &[&corpus]);
        let when = format!("round {round} (killed after {seen} checkpoints): {summary}");
        if summary["resumed"] == true {
            resumed += 1;
            // What the checkpoint held was kept, not written again.
            assert!(n(&summary, "unchanged") >= every * seen as u64, "{when}");
            assert_eq!(
                n(&summary, "added") + n(&summary, "unchanged"),
                documents,
                "{when}"
            );
        } else {
            // Killed before any checkpoint, or after the build was whole.
            assert!(
                seen == 0 || !running || summary["committed"] == false,
                "{when}"
            );
        }
        for key in ["documents", "passages", "speakers", "republished"] {
            assert_eq!(n(&summary, key), n(&want, key), "{key}, {when}");
        }
        assert_same_index(&idx, &whole);
        // The mark is gone: one more run has nothing to do.
        let again = index_json(&scratch, &idx, &[], &[&corpus]);
        assert_eq!(again["committed"], false, "{again}");
        assert_eq!(again["resumed"], false, "{again}");
    }
    assert!(
        resumed >= 3,
        "only {resumed} of 6 runs resumed a checkpoint"
    );
}

#[test]
fn a_checkpointed_build_is_the_build_without_checkpoints() {
    let scratch = Scratch::new();
    let corpus = scratch.path().join("corpus");
    World::new(corpus.clone(), 5, 20);
    let plain = scratch.path().join("plain");
    index_json(&scratch, &plain, &["--checkpoint-every", "0"], &[&corpus]);
    let stepped = scratch.path().join("stepped");
    let s = index_json(&scratch, &stepped, &["--checkpoint-every", "3"], &[&corpus]);
    assert!(n(&s, "checkpoints") >= 5, "{s}");
    assert_same_index(&stepped, &plain);
}

#[test]
fn updates_and_rebuilds_do_not_checkpoint() {
    let scratch = Scratch::new();
    let corpus = scratch.path().join("corpus");
    let mut world = World::new(corpus.clone(), 9, 12);
    let idx = scratch.index();
    index_json(&scratch, &idx, &["--checkpoint-every", "2"], &[&corpus]);
    // A reader of a finished index must never see half of a run.
    for _ in 0..6 {
        world.add();
    }
    let update = index_json(&scratch, &idx, &["--checkpoint-every", "2"], &[&corpus]);
    assert!(n(&update, "added") >= 6, "{update}");
    assert_eq!(n(&update, "checkpoints"), 0, "{update}");
    let rebuild = index_json(
        &scratch,
        &idx,
        &["--checkpoint-every", "2", "--rebuild"],
        &[&corpus],
    );
    assert_eq!(n(&rebuild, "checkpoints"), 0, "{rebuild}");
}
