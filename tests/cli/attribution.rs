//! Attribution measured against hand-written expectations, and against the
//! naive reading that podium must never fall below.
//!
//! Each `tests/fixtures/attribution/NAME.txt` has a sibling `NAME.gold.tsv`:
//! `#` lines are comments, every other row is
//! `LINE<TAB>SPEAKER<TAB>ROLE[<TAB>ORGANISATION]`, the source line where a
//! passage's paragraph starts and who said it (`-` as the organisation
//! means "none"). Every passage podium emits must have a row (else it is
//! noise) and every row must be emitted (else it was missed); podium must
//! read these fixtures perfectly, since each was written for a rule.
//!
//! `tests/fixtures/unforeseen/` holds shapes no rule was written for. There
//! podium need not be perfect, but it must never do worse than the naive
//! reading the issue names as the floor: every `Name:` or `NAME.` at a
//! line start opens a turn by that name. A rule whose wrong guess spreads
//! over a whole document shows up here as podium falling below the floor.
//!
//! `cargo test --test cli attribution -- --nocapture` prints the table and
//! the count of passages each speaker rule decided (and got right).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::util::{fixtures, s, Scratch};

/// One expected passage.
#[derive(Debug, Clone)]
struct Gold {
    line: u64,
    speaker: String,
    role: String,
    /// `None`: not checked; `Some("")`: must be none.
    organisation: Option<String>,
}

/// One passage as podium read it, with the rule that chose its speaker.
#[derive(Debug, Clone)]
struct Read {
    line: u64,
    speaker: String,
    role: String,
    organisation: String,
    rule: String,
}

/// The fixtures of a folder that have a gold file, sorted.
fn fixtures_in(folder: &str) -> Vec<(PathBuf, PathBuf)> {
    let dir = fixtures().join(folder);
    let mut v: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter_map(|p| {
            let gold = p.with_extension("gold.tsv");
            gold.exists().then_some((p, gold))
        })
        .collect();
    v.sort();
    assert!(
        !v.is_empty(),
        "no fixture with a .gold.tsv in {}: the measurement has no data",
        dir.display()
    );
    v
}

fn read_gold(path: &Path) -> Vec<Gold> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(n, l)| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(
                (3..=4).contains(&f.len()),
                "{}:{}: expected LINE<TAB>SPEAKER<TAB>ROLE[<TAB>ORGANISATION], got {l:?}",
                path.display(),
                n + 1
            );
            Gold {
                line: f[0].trim().parse().unwrap_or_else(|_| {
                    panic!("{}:{}: bad line number {:?}", path.display(), n + 1, f[0])
                }),
                speaker: f[1].trim().to_string(),
                role: f[2].trim().to_string(),
                organisation: f.get(3).map(|o| match o.trim() {
                    "-" => String::new(),
                    o => o.to_string(),
                }),
            }
        })
        .collect()
}

/// `podium parse FILE --json --explain`, one row per passage.
fn podium_reads(scratch: &Scratch, file: &Path) -> Vec<Read> {
    let docs = scratch.parse(&[file.to_path_buf()], &["--explain"]);
    let doc = docs.first().expect("one document");
    let rules: Vec<String> = doc["explain"]["turns"]
        .as_array()
        .map(|ts| {
            ts.iter()
                .map(|t| {
                    let why = t["why"]["speaker"].as_str().unwrap_or("");
                    why.split(':').next().unwrap_or(why).trim().to_string()
                })
                .collect()
        })
        .unwrap_or_default();
    doc["passages"]
        .as_array()
        .expect("passages")
        .iter()
        .map(|p| Read {
            line: p["line"].as_u64().expect("line"),
            speaker: s(p, "speaker").to_string(),
            role: s(p, "role").to_string(),
            organisation: s(p, "organisation").to_string(),
            rule: p["turn"]
                .as_u64()
                .and_then(|t| rules.get(t as usize))
                .cloned()
                .unwrap_or_default(),
        })
        .collect()
}

/// A name folded for comparison: lower case, letters and digits, single
/// spaces.
fn fold(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The lenient match both readings are judged by for the floor: the same
/// name, or the same last word (`CHAIR ALVAREZ` is Luz Alvarez), as a
/// reader skimming the output would accept.
fn same_person(read: &str, gold: &str) -> bool {
    let (r, g) = (fold(read), fold(gold));
    if r.is_empty() || g.is_empty() {
        return false;
    }
    r == g || r.rsplit(' ').next() == g.rsplit(' ').next()
}

/// The naive reading: every line that starts with `Name:` (capitalised
/// words, short lower-case particles allowed) or `NAME.` (words in
/// capitals) opens a turn by that name; every other line continues the
/// turn; lines before the first label belong to nobody. Returns the label
/// in force at each 1-based line.
fn naive_speakers(text: &str) -> Vec<Option<String>> {
    let mut current: Option<String> = None;
    let mut out = vec![None];
    for line in text.lines() {
        if let Some(label) = naive_label(line.trim()) {
            current = Some(label);
        }
        out.push(current.clone());
    }
    out
}

fn naive_label(line: &str) -> Option<String> {
    let words_ok = |label: &str, capitals: bool| {
        let words: Vec<&str> = label.split_whitespace().collect();
        !words.is_empty()
            && words.len() <= 5
            && label.len() <= 40
            && words[0].chars().next().is_some_and(char::is_uppercase)
            && words.iter().all(|w| {
                let first = w.chars().next().unwrap_or(' ');
                if capitals {
                    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                        && !w.chars().any(char::is_lowercase)
                        && !w.contains('.')
                } else {
                    first.is_uppercase()
                        || w.chars().all(|c| c.is_ascii_digit())
                        || (w.len() <= 3 && w.chars().all(char::is_lowercase))
                }
            })
    };
    if let Some((label, _)) = line.split_once(':') {
        let label = label.trim();
        if words_ok(label, false) {
            return Some(label.to_string());
        }
    }
    if let Some((label, rest)) = line.split_once(". ") {
        if !rest.trim().is_empty() && words_ok(label, true) {
            return Some(label.to_string());
        }
    }
    None
}

/// How one reading fared on one fixture.
#[derive(Debug, Default, Clone, Copy)]
struct Score {
    rows: usize,
    speaker: usize,
    role: usize,
    organisation: usize,
    organisation_rows: usize,
    missed: usize,
    noise: usize,
}

impl Score {
    fn pct(n: usize, of: usize) -> f64 {
        if of == 0 {
            100.0
        } else {
            100.0 * n as f64 / of as f64
        }
    }

    fn perfect(&self) -> bool {
        self.speaker == self.rows
            && self.role == self.rows
            && self.organisation == self.organisation_rows
            && self.missed == 0
            && self.noise == 0
    }
}

/// Per rule: passages it decided, and how many of them were right.
type RuleCounts = BTreeMap<String, (usize, usize)>;

/// podium's reading scored strictly against the gold; problems listed.
fn score_podium(
    gold: &[Gold],
    reads: &[Read],
    rules: &mut RuleCounts,
    problems: &mut String,
) -> Score {
    let mut sc = Score {
        rows: gold.len(),
        ..Score::default()
    };
    for g in gold {
        let here: Vec<&Read> = reads.iter().filter(|r| r.line == g.line).collect();
        if here.is_empty() {
            sc.missed += 1;
            let _ = writeln!(
                problems,
                "  line {}: missed (expected {} / {})",
                g.line, g.speaker, g.role
            );
            continue;
        }
        // A long paragraph may be several passages; all must agree.
        let speaker_ok = here.iter().all(|r| fold(&r.speaker) == fold(&g.speaker));
        let role_ok = here.iter().all(|r| r.role == g.role);
        sc.speaker += usize::from(speaker_ok);
        sc.role += usize::from(role_ok);
        if let Some(o) = &g.organisation {
            sc.organisation_rows += 1;
            if here.iter().all(|r| fold(&r.organisation) == fold(o)) {
                sc.organisation += 1;
            } else {
                let _ = writeln!(
                    problems,
                    "  line {}: organisation {:?}, expected {:?}",
                    g.line, here[0].organisation, o
                );
            }
        }
        let entry = rules.entry(here[0].rule.clone()).or_default();
        entry.0 += 1;
        entry.1 += usize::from(speaker_ok && role_ok);
        if !(speaker_ok && role_ok) {
            let _ = writeln!(
                problems,
                "  line {}: {} / {} [{}], expected {} / {}",
                g.line, here[0].speaker, here[0].role, here[0].rule, g.speaker, g.role
            );
        }
    }
    for r in reads {
        if !gold.iter().any(|g| g.line == r.line) {
            sc.noise += 1;
            let _ = writeln!(
                problems,
                "  line {}: not speech in the gold, read as {} / {}",
                r.line, r.speaker, r.role
            );
        }
    }
    sc
}

/// Speaker accuracy of the lenient match, for podium and for the naive
/// reading, over the gold rows (a missed row counts as wrong for podium;
/// narration is right for the naive reading where it has no label yet).
fn floor_scores(gold: &[Gold], reads: &[Read], naive: &[Option<String>]) -> (usize, usize) {
    let mut ours = 0;
    let mut theirs = 0;
    for g in gold {
        let here: Vec<&Read> = reads.iter().filter(|r| r.line == g.line).collect();
        let narration = g.role == "narration";
        if !here.is_empty()
            && here.iter().all(|r| {
                same_person(&r.speaker, &g.speaker) || (narration && r.role == "narration")
            })
        {
            ours += 1;
        }
        let n = naive.get(g.line as usize).cloned().flatten();
        theirs += usize::from(match n {
            Some(label) => same_person(&label, &g.speaker),
            None => narration,
        });
    }
    (ours, theirs)
}

fn print_rules(rules: &RuleCounts) {
    println!("passages per speaker rule (right / decided):");
    for (rule, (n, right)) in rules {
        let rule = if rule.is_empty() { "(no rule)" } else { rule };
        println!("  {right:>4} / {n:<4} {rule}");
    }
}

#[test]
fn every_attribution_fixture_reads_as_its_gold() {
    let scratch = Scratch::new();
    let mut rules = RuleCounts::new();
    let mut failures = String::new();
    let mut total = Score::default();
    println!(
        "{:<40} {:>6} {:>8} {:>8} {:>6} {:>6} {:>6}",
        "fixture", "rows", "speaker", "role", "org", "missed", "noise"
    );
    for (txt, gold_path) in fixtures_in("attribution") {
        let gold = read_gold(&gold_path);
        let reads = podium_reads(&scratch, &txt);
        let mut problems = String::new();
        let sc = score_podium(&gold, &reads, &mut rules, &mut problems);
        let name = txt.file_name().unwrap_or_default().to_string_lossy();
        println!(
            "{name:<40} {:>6} {:>7.1}% {:>7.1}% {:>5.1}% {:>6} {:>6}",
            sc.rows,
            Score::pct(sc.speaker, sc.rows),
            Score::pct(sc.role, sc.rows),
            Score::pct(sc.organisation, sc.organisation_rows),
            sc.missed,
            sc.noise
        );
        total.rows += sc.rows;
        total.speaker += sc.speaker;
        total.role += sc.role;
        total.missed += sc.missed;
        total.noise += sc.noise;
        if !sc.perfect() {
            let _ = write!(failures, "{name}:\n{problems}");
        }
    }
    println!(
        "all: {} passages, speaker {:.1}%, role {:.1}%, {} missed, {} noise",
        total.rows,
        Score::pct(total.speaker, total.rows),
        Score::pct(total.role, total.rows),
        total.missed,
        total.noise
    );
    print_rules(&rules);
    assert!(
        failures.is_empty(),
        "attribution differs from the gold:\n{failures}"
    );
}

#[test]
fn on_unforeseen_shapes_podium_never_reads_worse_than_naive_labels() {
    let scratch = Scratch::new();
    let mut below = String::new();
    let (mut ours_all, mut theirs_all, mut rows_all) = (0, 0, 0);
    println!(
        "{:<40} {:>6} {:>8} {:>8}",
        "unforeseen shape", "rows", "podium", "naive"
    );
    for (txt, gold_path) in fixtures_in("unforeseen") {
        let gold = read_gold(&gold_path);
        let reads = podium_reads(&scratch, &txt);
        let text = std::fs::read_to_string(&txt).expect("fixture");
        let naive = naive_speakers(&text);
        let (ours, theirs) = floor_scores(&gold, &reads, &naive);
        let name = txt.file_name().unwrap_or_default().to_string_lossy();
        println!(
            "{name:<40} {:>6} {:>7.1}% {:>7.1}%",
            gold.len(),
            Score::pct(ours, gold.len()),
            Score::pct(theirs, gold.len())
        );
        ours_all += ours;
        theirs_all += theirs;
        rows_all += gold.len();
        if ours < theirs {
            let _ = writeln!(
                below,
                "{name}: podium {ours}/{n}, naive {theirs}/{n}",
                n = gold.len()
            );
        }
    }
    println!(
        "all: {rows_all} passages, podium {:.1}%, naive {:.1}%",
        Score::pct(ours_all, rows_all),
        Score::pct(theirs_all, rows_all)
    );
    assert!(
        below.is_empty(),
        "podium reads worse than naive labels:\n{below}"
    );
}

#[test]
fn the_naive_reading_is_what_the_floor_says() {
    // The floor itself must be right, or the comparison above means
    // nothing: `Name:` and `NAME.` open turns, prose and initialisms
    // at a line start do not.
    let text = "Title line\nAna Ruiz: Hello.\nmore words\nCHAIR OKAFOR. Good day.\n\
                U.S. Treasury holdings rose.\nthe plan: cut costs\nQ: Why?\n";
    let n = naive_speakers(text);
    assert_eq!(n[1], None);
    assert_eq!(n[2].as_deref(), Some("Ana Ruiz"));
    assert_eq!(n[3].as_deref(), Some("Ana Ruiz"));
    assert_eq!(n[4].as_deref(), Some("CHAIR OKAFOR"));
    assert_eq!(n[5].as_deref(), Some("CHAIR OKAFOR"));
    assert_eq!(n[6].as_deref(), Some("CHAIR OKAFOR"));
    assert_eq!(n[7].as_deref(), Some("Q"));
    assert!(same_person("CHAIR OKAFOR", "Bola Okafor"));
    assert!(!same_person("Reporter", "Bola Okafor"));
}
