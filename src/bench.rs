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
//! [`run`] measures each query in-process: *warm* (the index open, every
//! query repeated, percentiles over all runs) and *cold* (open the index,
//! run the first query; what a one-shot CLI call pays beyond process
//! start). Figures are wall-clock medians and tail percentiles; nothing
//! here asserts a time.

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

/// How long to measure.
#[derive(Debug, Clone, Copy)]
pub struct BenchOptions {
    /// Unmeasured runs of each query before measuring.
    pub warmup: usize,
    /// Measured runs of each query.
    pub runs: usize,
    /// Times to open the index afresh and run the first query.
    pub cold_runs: usize,
}

impl Default for BenchOptions {
    fn default() -> Self {
        BenchOptions {
            warmup: 3,
            runs: 50,
            cold_runs: 10,
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
}

/// Runs a mix against the index in `dir`.
pub fn run(dir: &std::path::Path, mix: &[BenchQuery], opts: BenchOptions) -> Result<BenchReport> {
    let requests: Vec<Request> = mix.iter().map(BenchQuery::request).collect::<Result<_>>()?;
    let mut cold = Vec::with_capacity(opts.cold_runs);
    for _ in 0..opts.cold_runs {
        let t = Instant::now();
        let index = PodiumIndex::open(dir)?;
        search::search(&index, &requests[0])?;
        cold.push(t.elapsed());
    }
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
        });
    }
    Ok(BenchReport {
        index: dir.display().to_string(),
        passages,
        queries,
        overall: Percentiles::of(all),
        cold: Percentiles::of(cold),
    })
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
    fn percentiles() {
        let p = Percentiles::of((1..=100).map(Duration::from_micros).collect());
        assert_eq!(p.runs, 100);
        assert!((p.p50_us - 50.0).abs() <= 1.0, "{p:?}");
        assert!((p.p99_us - 99.0).abs() <= 1.0, "{p:?}");
        assert_eq!(p.max_us, 100.0);
    }
}
