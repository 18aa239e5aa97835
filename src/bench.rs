//! Query latency measurement: `podium bench`.
//!
//! Users benchmark query latency on their own indexes and query mixes. A
//! *mix* is a text file with one query per line, in the command line's own
//! words:
//!
//! ```text
//! # name: query [--speaker NAME]… [--role ROLE] [--since D] [--until D] [-n N]
//! term: inflation
//! phrase: "capital market"
//! filtered: trade --speaker "Anna Lindqvist" --since 2019 --until 2021
//! ```
//!
//! Without a mix file, [`mix_from_index`] draws one from the index itself
//! (its words, phrases and speakers), so that every query finds passages
//! on whatever index is measured; the report names the queries that find
//! nothing ([`BenchReport::without_hits`]) and where the mix came from.
//!
//! [`run`] measures each query in-process: *warm* (the index open, every
//! query repeated, percentiles over all runs) and *cold* (open the index,
//! run the first query; what a one-shot CLI call pays beyond process
//! start), the cold runs split into their [`Phases`]: opening the index,
//! the first query on it, and that query again warm. In-process figures
//! leave out what a one-shot `podium search` also pays: starting the
//! process (loading and relocating the binary), parsing its arguments,
//! the process-wide tables built once (the shipped synonyms) and exiting.
//! So [`run`] also spawns the podium binary itself ([`ProcessReport`]):
//! each query as a `podium search` and `podium --version`, interleaved,
//! so that both see the same machine; `--version` is the floor every
//! command pays. Figures are wall-clock medians and tail percentiles;
//! nothing here asserts a time.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::index::PodiumIndex;
use crate::search::filter::{parse_date, Bound};
use crate::search::{self, Filters, Request};

/// One query of a mix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BenchQuery {
    pub name: String,
    pub request_text: String,
    pub speakers: Vec<String>,
    pub role: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub limit: usize,
}

impl BenchQuery {
    /// The query as a mix file line without its name (`trade --speaker
    /// "Anna Lindqvist" --since 2019`): how a drawn mix is shown, and
    /// what saves it as a `--queries` file.
    pub fn options_line(&self) -> String {
        let mut out = self.request_text.clone();
        let quoted = |v: &str| {
            if v.contains(char::is_whitespace) || v.is_empty() {
                format!("\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\""))
            } else {
                v.to_string()
            }
        };
        for sp in &self.speakers {
            out.push_str(&format!(" --speaker {}", quoted(sp)));
        }
        for (flag, v) in [
            ("--role", &self.role),
            ("--since", &self.since),
            ("--until", &self.until),
        ] {
            if let Some(v) = v {
                out.push_str(&format!(" {flag} {}", quoted(v)));
            }
        }
        if self.limit != 10 {
            out.push_str(&format!(" -n {}", self.limit));
        }
        out
    }

    /// The query as `podium search` arguments on the index in `dir`: what
    /// a process run spawns.
    pub fn search_args(&self, dir: &Path) -> Vec<std::ffi::OsString> {
        let mut args: Vec<std::ffi::OsString> =
            vec!["search".into(), self.request_text.clone().into()];
        for sp in &self.speakers {
            args.extend(["--speaker".into(), sp.into()]);
        }
        for (flag, v) in [
            ("--role", &self.role),
            ("--since", &self.since),
            ("--until", &self.until),
        ] {
            if let Some(v) = v {
                args.extend([flag.into(), v.into()]);
            }
        }
        args.extend(["-n".into(), self.limit.to_string().into()]);
        args.extend(["--index".into(), dir.as_os_str().to_owned()]);
        args
    }

    fn request(&self) -> Result<Request> {
        Ok(Request {
            query: self.request_text.clone(),
            filters: Filters {
                speakers: self.speakers.clone(),
                outlets: Vec::new(),
                role: self
                    .role
                    .as_deref()
                    .map(crate::search::role::parse)
                    .transpose()
                    .map_err(Error::Query)?,
                since: self
                    .since
                    .as_deref()
                    .map(|d| parse_date(d, Bound::Start))
                    .transpose()?,
                until: self
                    .until
                    .as_deref()
                    .map(|d| parse_date(d, Bound::End))
                    .transpose()?,
                ..Filters::default()
            },
            limit: self.limit,
            ..Request::default()
        })
    }
}

/// Splits a line into words the way a shell would for simple quoting:
/// double or single quotes group words; a backslash escapes the next
/// character. Quotes inside a word are kept when they are part of the
/// query (`"capital market"` as the whole query keeps its quotes).
pub fn split_words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), '\\') | (None, '\\') => {
                if let Some(n) = chars.next() {
                    cur.push(n);
                    in_word = true;
                }
            }
            (Some(_), c) => cur.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            (None, c) => {
                cur.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        out.push(cur);
    }
    out
}

/// Parses a mix file. Errors name the line.
pub fn parse_mix(text: &str) -> Result<Vec<BenchQuery>> {
    let mut out = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |why: &str| Error::Query(format!("query mix line {}: {why}", n + 1));
        let (name, rest) = line
            .split_once(':')
            .ok_or_else(|| bad("expected `name: query [options]`"))?;
        // The query is everything before the first option; it keeps its
        // quotes so phrases stay phrases.
        let (query, opts) = match rest.find(" --").or_else(|| rest.find(" -n ")) {
            Some(i) => (rest[..i].trim(), &rest[i..]),
            None => (rest.trim(), ""),
        };
        if query.is_empty() {
            return Err(bad("empty query"));
        }
        let mut q = BenchQuery {
            name: name.trim().to_string(),
            request_text: query.to_string(),
            speakers: Vec::new(),
            role: None,
            since: None,
            until: None,
            limit: 10,
        };
        let words = split_words(opts);
        let mut it = words.into_iter();
        while let Some(flag) = it.next() {
            let mut value = || {
                it.next()
                    .ok_or_else(|| bad(&format!("{flag} needs a value")))
            };
            match flag.as_str() {
                "--speaker" => q.speakers.push(value()?),
                "--role" => q.role = Some(value()?),
                "--since" => q.since = Some(value()?),
                "--until" => q.until = Some(value()?),
                "-n" | "--limit" => {
                    q.limit = value()?.parse().map_err(|_| bad("-n needs a number"))?;
                }
                other => return Err(bad(&format!("unknown option {other}"))),
            }
        }
        out.push(q);
    }
    if out.is_empty() {
        return Err(Error::Query("the query mix has no queries".into()));
    }
    Ok(out)
}

/// Passages read to draw a mix from an index: spread evenly over it, enough
/// to see its common words and speakers, few enough to take a moment on a
/// million passages.
const MIX_SAMPLE: usize = 400;

/// A word in more of the index's passages than this share is left out of a
/// drawn mix: a stop word ("the", "that") measures the posting list of
/// nearly every passage, not a query anyone types.
const MIX_MAX_SHARE: f64 = 0.2;

/// Words a drawn mix never uses, whatever their share: in a small index
/// even "would" can be under [`MIX_MAX_SHARE`].
const MIX_STOP: &[&str] = &[
    "about", "after", "also", "been", "before", "being", "could", "does", "each", "even", "from",
    "have", "here", "into", "just", "like", "more", "most", "much", "must", "only", "other",
    "over", "said", "same", "should", "some", "such", "than", "that", "their", "them", "then",
    "there", "these", "they", "this", "those", "very", "want", "well", "were", "what", "when",
    "where", "which", "while", "will", "with", "would", "your", "thank", "think", "know", "going",
    "yeah", "okay",
];

/// A word of a sampled passage a drawn mix may use, with its document
/// frequency in the whole index.
#[derive(Debug, Clone)]
struct MixWord {
    word: String,
    /// Its index term: `enterprise` and `enterprises` are one.
    term: String,
    doc_freq: u64,
}

/// A sampled passage, its usable words (distinct terms, commonest first)
/// and its adjacent pairs of usable words.
type Sampled<'a> = (
    &'a crate::search::StoredPassage,
    Vec<MixWord>,
    Vec<(String, String)>,
);

/// A query mix drawn from the index itself, one query of each shape of the
/// shipped mix, every one made of what the index holds so that every one
/// finds passages: the commonest word that is not a stop word (`term`, and
/// `top50` with 50 hits), a rare one (`term-rare`), two and three common
/// words of one passage (`and2`, `and3`), two adjacent words of a passage
/// as a phrase (`phrase`), and a word with the speaker (and year) of a
/// passage that says it (`filtered`). Empty when the sample has no usable
/// words (an index of CJK text only, or of a few passages): the caller
/// falls back to the shipped mix and says so.
///
/// Why: the shipped mix is in the words of the sample briefings and of
/// generated corpora; on a user's own index most of its queries may find
/// nothing, and a bench of empty posting lists measures nothing a user
/// does.
pub fn mix_from_index(index: &PodiumIndex) -> Result<Vec<BenchQuery>> {
    use unicode_segmentation::UnicodeSegmentation;
    let searcher = index.searcher();
    let docs = searcher.num_docs();
    if docs == 0 {
        return Ok(Vec::new());
    }
    let sample = sample_passages(index, &searcher)?;
    let max_df = ((docs as f64 * MIX_MAX_SHARE) as u64).max(2);
    let mut df_of: std::collections::HashMap<String, Option<(String, u64)>> = Default::default();
    let mut doc_freq = |w: &str| -> Result<Option<(String, u64)>> {
        if let Some(d) = df_of.get(w) {
            return Ok(d.clone());
        }
        let usable =
            w.chars().count() >= 4 && w.chars().all(char::is_alphabetic) && !MIX_STOP.contains(&w);
        let d = match crate::index::analyzer::terms(w).first() {
            Some(t) if usable => {
                let d = searcher.doc_freq(&tantivy::Term::from_field_text(index.fields.text, t))?;
                (2..=max_df).contains(&d).then(|| (t.clone(), d))
            }
            _ => None,
        };
        df_of.insert(w.to_string(), d.clone());
        Ok(d)
    };
    // Per sampled passage: its usable words (distinct, commonest first) and
    // its adjacent pairs of usable words.
    let mut per: Vec<Sampled> = Vec::new();
    for p in &sample {
        let words: Vec<String> = p.text.unicode_words().map(str::to_lowercase).collect();
        let mut usable: Vec<MixWord> = Vec::new();
        let mut pairs = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let Some((term, d)) = doc_freq(w)? else {
                continue;
            };
            if let Some(next) = words.get(i + 1) {
                if matches!(doc_freq(next)?, Some((t, _)) if t != term) {
                    pairs.push((w.clone(), next.clone()));
                }
            }
            if !usable.iter().any(|u| u.term == term) {
                usable.push(MixWord {
                    word: w.clone(),
                    term,
                    doc_freq: d,
                });
            }
        }
        usable.sort_by(|a, b| b.doc_freq.cmp(&a.doc_freq).then(a.word.cmp(&b.word)));
        per.push((p, usable, pairs));
    }
    let all: Vec<&MixWord> = per.iter().flat_map(|(_, u, _)| u.iter()).collect();
    let Some(common) = all
        .iter()
        .max_by(|a, b| a.doc_freq.cmp(&b.doc_freq).then(b.word.cmp(&a.word)))
    else {
        return Ok(Vec::new());
    };
    let query = |name: &str, text: String| BenchQuery {
        name: name.to_string(),
        request_text: text,
        speakers: Vec::new(),
        role: None,
        since: None,
        until: None,
        limit: 10,
    };
    let mut mix = vec![query("term", common.word.clone())];
    if let Some(rare) = all
        .iter()
        .filter(|w| w.term != common.term)
        .min_by(|a, b| a.doc_freq.cmp(&b.doc_freq).then(a.word.cmp(&b.word)))
    {
        mix.push(query("term-rare", rare.word.clone()));
    }
    // The passage whose n-th commonest word is commonest: n words that
    // stand together somewhere and are each in many passages.
    for (n, name) in [(2, "and2"), (3, "and3")] {
        let best = per
            .iter()
            .filter(|(_, u, _)| u.len() >= n)
            .max_by_key(|(_, u, _)| u[n - 1].doc_freq);
        if let Some((_, u, _)) = best {
            let words: Vec<&str> = u[..n].iter().map(|w| w.word.as_str()).collect();
            mix.push(query(name, words.join(" ")));
        }
    }
    let phrase = per
        .iter()
        .flat_map(|(_, _, pairs)| pairs.iter())
        .max_by_key(|(a, b)| {
            let d = |w: &str| df_of.get(w).cloned().flatten().map_or(0, |(_, d)| d);
            d(a).min(d(b))
        });
    if let Some((a, b)) = phrase {
        mix.push(query("phrase", format!("\"{a} {b}\"")));
    }
    // A person the registry knows (not the narration) who says the common
    // word, on a known date if there is one.
    let registry = index.registry()?;
    let speaking = per
        .iter()
        .filter(|(p, u, _)| {
            p.role != crate::transcript::Role::Narration
                && u.iter().any(|w| w.term == common.term)
                // Resolved as the `--speaker` filter will resolve it.
                && crate::search::speaker::resolve_all(registry, std::slice::from_ref(&p.speaker))
                    .is_ok_and(|r| r.names.contains(&p.speaker))
        })
        .min_by_key(|(p, _, _)| p.date.is_none());
    if let Some((p, _, _)) = speaking {
        let mut q = query("filtered", common.word.clone());
        q.speakers.push(p.speaker.clone());
        if let Some(d) = p.date {
            q.since = Some(d.year().to_string());
            q.until = Some(d.year().to_string());
        }
        mix.push(q);
    }
    let mut top = query("top50", common.word.clone());
    top.limit = 50;
    mix.push(top);
    Ok(mix)
}

/// Up to [`MIX_SAMPLE`] live passages, spread evenly over the segments.
fn sample_passages(
    index: &PodiumIndex,
    searcher: &tantivy::Searcher,
) -> Result<Vec<crate::search::StoredPassage>> {
    let total: u64 = searcher
        .segment_readers()
        .iter()
        .map(|s| u64::from(s.max_doc()))
        .sum();
    let step = (total / MIX_SAMPLE as u64).max(1);
    let mut out = Vec::new();
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        let mut doc = 0;
        while doc < segment.max_doc() {
            if !segment.is_deleted(doc) {
                let addr = tantivy::DocAddress::new(ord as u32, doc);
                let d: tantivy::TantivyDocument = searcher.doc(addr)?;
                out.push(crate::search::StoredPassage::from_doc(&index.fields, &d));
            }
            doc = doc.saturating_add(u32::try_from(step).unwrap_or(u32::MAX));
        }
    }
    Ok(out)
}

/// How long to measure.
#[derive(Debug, Clone, Copy)]
pub struct BenchOptions {
    /// Unmeasured runs of each query before measuring.
    pub warmup: usize,
    /// Measured runs of each query.
    pub runs: usize,
    /// Times to open the index afresh and run the first query.
    pub cold_runs: usize,
    /// Process runs of each query (and of `podium --version`); 0 for none.
    pub process_runs: usize,
}

impl Default for BenchOptions {
    fn default() -> Self {
        BenchOptions {
            warmup: 3,
            runs: 50,
            cold_runs: 10,
            process_runs: 10,
        }
    }
}

/// Latency percentiles in microseconds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Percentiles {
    pub runs: usize,
    pub p50_us: f64,
    pub p95_us: f64,
    pub p99_us: f64,
    pub max_us: f64,
    pub qps: f64,
}

impl Percentiles {
    pub fn of(mut samples: Vec<Duration>) -> Percentiles {
        if samples.is_empty() {
            return Percentiles::default();
        }
        samples.sort_unstable();
        let at = |p: f64| {
            let i = ((samples.len() as f64 - 1.0) * p).round() as usize;
            samples[i].as_secs_f64() * 1e6
        };
        let total: f64 = samples.iter().map(Duration::as_secs_f64).sum();
        Percentiles {
            runs: samples.len(),
            p50_us: at(0.50),
            p95_us: at(0.95),
            p99_us: at(0.99),
            max_us: at(1.0),
            qps: samples.len() as f64 / total.max(1e-12),
        }
    }
}

/// One query's measurements.
#[derive(Debug, Clone, Serialize)]
pub struct QueryReport {
    pub name: String,
    pub query: String,
    /// Total matching passages (checked to be the same on every run).
    pub hits: usize,
    pub warm: Percentiles,
    /// The query as a `podium search` process, start to exit (absent
    /// without process runs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub process: Option<Percentiles>,
}

/// Where the time of a one-shot search goes inside the process, over the
/// cold runs: each opens the index afresh and runs the mix's first query.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Phases {
    /// Opening the index ([`PodiumIndex::open`]).
    pub open: Percentiles,
    /// The first query on the index just opened.
    pub first_query: Percentiles,
    /// The same query again on that index (its blocks and postings now
    /// read): what a long-running process such as `podium serve` pays.
    pub warm_query: Percentiles,
}

/// Whole processes: each query of the mix as `podium search … --index
/// DIR` (output to /dev/null) and `podium --version`, run in turn `runs`
/// times, so that load on the machine falls on both alike.
#[derive(Debug, Clone, Serialize)]
pub struct ProcessReport {
    /// Runs of each (the `process` of every query has as many).
    pub runs: usize,
    /// The binary spawned.
    pub program: String,
    /// `podium --version`: starting, parsing arguments and exiting, the
    /// floor of every command.
    pub version: Percentiles,
    /// The first query's process median over `--version`'s.
    pub first_query_ratio: f64,
    /// The first query's process median minus `--version`'s, in
    /// microseconds: what the search itself costs the process.
    pub first_query_over_version_us: f64,
}

/// A whole bench run.
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    pub index: String,
    pub passages: u64,
    pub queries: Vec<QueryReport>,
    /// All warm runs of all queries together.
    pub overall: Percentiles,
    /// Open the index and answer the first query of the mix.
    pub cold: Percentiles,
    /// The cold runs, phase by phase.
    pub phases: Phases,
    /// End to end, as processes (absent with no process runs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub process: Option<ProcessReport>,
    /// Where the mix came from ([`MixSource`]'s words).
    pub mix: String,
    /// The names of the queries that found no passage: a bench of those
    /// measures empty posting lists, so they are reported, never dropped.
    pub without_hits: Vec<String>,
}

/// Where a bench's queries came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MixSource {
    /// Drawn from the index ([`mix_from_index`]).
    Index,
    /// The shipped mix, when the index gave no usable words.
    Shipped,
    /// The user's `--queries` file.
    File(std::path::PathBuf),
}

impl std::fmt::Display for MixSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MixSource::Index => write!(f, "drawn from the index"),
            MixSource::Shipped => write!(
                f,
                "the shipped mix (the index has too few words of its own to draw one)"
            ),
            MixSource::File(p) => write!(f, "from {}", p.display()),
        }
    }
}

/// Runs a mix against the index in `dir`; `program` is the podium binary
/// to spawn for the process runs (the running one, for `podium bench`).
pub fn run(
    dir: &Path,
    mix: &[BenchQuery],
    source: &MixSource,
    opts: BenchOptions,
    program: &Path,
) -> Result<BenchReport> {
    let requests: Vec<Request> = mix.iter().map(BenchQuery::request).collect::<Result<_>>()?;
    let mut cold = Vec::with_capacity(opts.cold_runs);
    let (mut open, mut first, mut again) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..opts.cold_runs {
        let t = Instant::now();
        let index = PodiumIndex::open(dir)?;
        let opened = t.elapsed();
        search::search(&index, &requests[0])?;
        let answered = t.elapsed();
        cold.push(answered);
        open.push(opened);
        first.push(answered - opened);
        let t = Instant::now();
        search::search(&index, &requests[0])?;
        again.push(t.elapsed());
    }
    let phases = Phases {
        open: Percentiles::of(open),
        first_query: Percentiles::of(first),
        warm_query: Percentiles::of(again),
    };
    let index = PodiumIndex::open(dir)?;
    let passages = index.searcher().num_docs();
    let mut queries = Vec::with_capacity(mix.len());
    let mut all = Vec::new();
    for (q, req) in mix.iter().zip(&requests) {
        let hits = search::search(&index, req)?.total;
        for _ in 0..opts.warmup {
            search::search(&index, req)?;
        }
        let mut samples = Vec::with_capacity(opts.runs);
        for _ in 0..opts.runs {
            let t = Instant::now();
            let r = search::search(&index, req)?;
            samples.push(t.elapsed());
            if r.total != hits {
                return Err(Error::Query(format!(
                    "{}: {} hits, then {}: the index changed during the bench",
                    q.name, hits, r.total
                )));
            }
        }
        all.extend(samples.iter().copied());
        queries.push(QueryReport {
            name: q.name.clone(),
            query: q.request_text.clone(),
            hits,
            warm: Percentiles::of(samples),
            process: None,
        });
    }
    // The index is closed first: the processes open it themselves.
    drop(index);
    let process = if opts.process_runs == 0 {
        None
    } else {
        let (version, per_query) = processes(program, dir, mix, opts.process_runs)?;
        for (q, p) in queries.iter_mut().zip(per_query) {
            q.process = Some(p);
        }
        let first = queries[0].process.unwrap_or_default();
        Some(ProcessReport {
            runs: opts.process_runs,
            program: program.display().to_string(),
            version,
            first_query_ratio: first.p50_us / version.p50_us.max(1e-9),
            first_query_over_version_us: first.p50_us - version.p50_us,
        })
    };
    let without_hits = queries
        .iter()
        .filter(|q| q.hits == 0)
        .map(|q| q.name.clone())
        .collect();
    Ok(BenchReport {
        index: dir.display().to_string(),
        passages,
        queries,
        overall: Percentiles::of(all),
        cold: Percentiles::of(cold),
        phases,
        process,
        mix: source.to_string(),
        without_hits,
    })
}

/// `runs` rounds of `program --version` then each query as `program
/// search …`, start to exit, output to /dev/null: `--version`'s times and
/// each query's. A search exits 0 or 1 (no hits); anything else (an
/// error) stops the bench with the command's own message.
fn processes(
    program: &Path,
    dir: &Path,
    mix: &[BenchQuery],
    runs: usize,
) -> Result<(Percentiles, Vec<Percentiles>)> {
    let version: Vec<std::ffi::OsString> = vec!["--version".into()];
    let commands: Vec<Vec<std::ffi::OsString>> = std::iter::once(version)
        .chain(mix.iter().map(|q| q.search_args(dir)))
        .collect();
    let mut times: Vec<Vec<Duration>> = vec![Vec::with_capacity(runs); commands.len()];
    for _ in 0..runs {
        for (args, samples) in commands.iter().zip(&mut times) {
            samples.push(spawn(program, args)?);
        }
    }
    let mut all = times.into_iter().map(Percentiles::of);
    let version = all.next().unwrap_or_default();
    Ok((version, all.collect()))
}

/// One run of `program args`: its wall-clock time from spawn to exit.
fn spawn(program: &Path, args: &[std::ffi::OsString]) -> Result<Duration> {
    let io = |source| Error::Io {
        path: PathBuf::from(program),
        source,
    };
    let t = Instant::now();
    let out = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .map_err(io)?;
    let took = t.elapsed();
    if !matches!(out.status.code(), Some(0 | 1)) {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(Error::Query(format!(
            "the process run `podium {}` failed: {}",
            args.iter()
                .map(|a| a.to_string_lossy())
                .collect::<Vec<_>>()
                .join(" "),
            err.trim()
        )));
    }
    Ok(took)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_like_a_shell() {
        assert_eq!(
            split_words(r#"--speaker "Anna Lindqvist" --since 2019 'a b' c\ d"#),
            [
                "--speaker",
                "Anna Lindqvist",
                "--since",
                "2019",
                "a b",
                "c d"
            ]
        );
    }

    #[test]
    fn parses_a_mix() {
        let mix = parse_mix(
            "# comment\nterm: inflation\nphrase: \"capital market\" -n 5\nf: trade --speaker \"Anna L\" --since 2019\n",
        )
        .unwrap();
        assert_eq!(mix.len(), 3);
        assert_eq!(mix[1].request_text, "\"capital market\"");
        assert_eq!(mix[1].limit, 5);
        assert_eq!(mix[2].speakers, ["Anna L"]);
        assert_eq!(mix[2].since.as_deref(), Some("2019"));
        assert!(parse_mix("oops").is_err());
        assert!(parse_mix("x: y --bogus 1").is_err());
        assert!(parse_mix("# nothing").is_err());
    }

    #[test]
    fn a_query_reads_back_from_its_own_line() {
        let mix =
            parse_mix("f: trade --speaker \"Anna L\" --since 2019 -n 5\np: \"capital market\"\n")
                .unwrap();
        assert_eq!(
            mix[0].options_line(),
            "trade --speaker \"Anna L\" --since 2019 -n 5"
        );
        let again = parse_mix(&format!("f: {}", mix[0].options_line())).unwrap();
        assert_eq!(again[0], BenchQuery { ..mix[0].clone() });
        assert_eq!(mix[1].options_line(), "\"capital market\"");
    }

    #[test]
    fn percentiles() {
        let p = Percentiles::of((1..=100).map(Duration::from_micros).collect());
        assert_eq!(p.runs, 100);
        assert!((p.p50_us - 50.0).abs() <= 1.0, "{p:?}");
        assert!((p.p99_us - 99.0).abs() <= 1.0, "{p:?}");
        assert_eq!(p.max_us, 100.0);
    }
}
