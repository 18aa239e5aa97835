//! Benches at scale, on a generated corpus: parse throughput, indexing
//! throughput end to end (and tantivy's share of it alone, the bound on
//! the whole), and query latency by query shape.
//!
//! The corpus has 100,000 passages by default (about 38 MB);
//! `PODIUM_BENCH_PASSAGES=1000000` runs the 1M-passage size. The corpus and
//! its index are built once and kept under `target/podium-bench/`, keyed by
//! size and seed, so repeated runs measure queries, not setup. Every bench
//! asserts its result counts: a broken parser or query fails the bench.
//!
//! `cargo bench --bench scale -- --test` runs each bench once (CI does so
//! at a small size, without timing anything).

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use podium::corpus::{self, Source};
use podium::generate::{self, GenerateOptions};
use podium::index::writer::{build, ceiling, BuildOptions};
use podium::index::PodiumIndex;
use podium::passage;
use podium::search::{search, Filters, Request};
use podium::transcript;

const SEED: u64 = 42;

/// A size from the environment variable `name`, or `default`.
fn size(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn passages() -> usize {
    size("PODIUM_BENCH_PASSAGES", 100_000)
}

fn work_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("podium-bench")
}

/// The generated corpus of `n` passages (made on first use).
fn corpus(n: usize) -> PathBuf {
    let dir = work_dir().join(format!("corpus-{n}-{SEED}"));
    let done = dir.join(".complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        generate::generate(
            &dir,
            &GenerateOptions {
                passages: n,
                seed: SEED,
                ..GenerateOptions::default()
            },
        )
        .expect("generate corpus");
        std::fs::write(&done, b"").expect("mark corpus");
    }
    dir
}

fn sources(dir: &Path) -> Vec<Source> {
    let (sources, warnings) = corpus::discover(&[dir.to_path_buf()]);
    assert!(warnings.is_empty(), "{warnings:?}");
    sources
}

/// The index of the corpus of `n` passages (built on first use).
fn index(n: usize) -> PodiumIndex {
    let dir = work_dir().join(format!("index-{n}-{SEED}"));
    if PodiumIndex::open(&dir).map_or(true, |i| i.searcher().num_docs() != n as u64) {
        let _ = std::fs::remove_dir_all(&dir);
        let summary =
            build(&dir, &sources(&corpus(n)), &BuildOptions::default()).expect("build index");
        assert_eq!(summary.passages, n);
    }
    PodiumIndex::open(&dir).expect("open index")
}

fn parse_throughput(c: &mut Criterion) {
    // A fixed slice of the corpus: 3,000 passages' worth of briefings.
    let n = 3_000;
    let texts: Vec<String> = sources(&corpus(n))
        .iter()
        .map(|s| s.read().expect("read"))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function("transcripts_to_passages", |b| {
        b.iter(|| {
            let count: usize = texts
                .iter()
                .map(|t| passage::passages(&transcript::parse(black_box(t)), "x.txt").len())
                .sum();
            assert_eq!(count, n);
        })
    });
    g.finish();
}

fn index_throughput(c: &mut Criterion) {
    // 10,000 passages (3.7 MB) unless `PODIUM_BENCH_INDEX_PASSAGES` says.
    let n = size("PODIUM_BENCH_INDEX_PASSAGES", 10_000);
    let src = sources(&corpus(n));
    let bytes: u64 = src
        .iter()
        .map(|s| s.read().map_or(0, |t| t.len() as u64))
        .sum();
    let mut g = c.benchmark_group("index");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(10);
    g.bench_function("end_to_end", |b| {
        b.iter(|| {
            let dir = tempfile::tempdir().expect("tempdir");
            let s = build(dir.path(), &src, &BuildOptions::default()).expect("build");
            assert_eq!(s.passages, n);
        })
    });
    // The same documents, finished beforehand: tantivy's share alone, the
    // bound on end-to-end throughput whatever podium's own work costs.
    let docs = ceiling::prepare(&src).expect("prepare documents");
    assert_eq!(docs.len(), n);
    g.bench_function("tantivy_only", |b| {
        b.iter_batched(
            || (tempfile::tempdir().expect("tempdir"), docs.clone()),
            |(dir, docs)| {
                ceiling::write(dir.path(), docs, &BuildOptions::default()).expect("write");
                dir
            },
            BatchSize::PerIteration,
        )
    });
    // tantivy on both cores (podium gives it one: see `tantivy_threads`),
    // with nothing else to do: the most these documents can be written at.
    let two = BuildOptions {
        threads: 4,
        ..BuildOptions::default()
    };
    g.bench_function("tantivy_only_two_threads", |b| {
        b.iter_batched(
            || (tempfile::tempdir().expect("tempdir"), docs.clone()),
            |(dir, docs)| {
                ceiling::write(dir.path(), docs, &two).expect("write");
                dir
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

fn query_latency(c: &mut Criterion) {
    let n = passages();
    let idx = index(n);
    // The official with most passages: present at every corpus size.
    let speaker = idx
        .registry()
        .expect("registry")
        .speakers
        .iter()
        .filter(|s| s.role() == podium::Role::Official)
        .max_by_key(|s| s.passages)
        .expect("an official")
        .name
        .clone();
    // The filtered case keeps a window of five years around one of that
    // official's "market" passages, so it has hits whatever the generator's
    // dates and the parser's attribution are (a fixed window once held none).
    let year = search(
        &idx,
        &req(
            "market",
            Filters {
                speakers: vec![speaker.clone()],
                ..Filters::default()
            },
            1,
        ),
    )
    .expect("search")
    .hits
    .first()
    .and_then(|h| h.passage.date)
    .map(|d| d.year())
    .expect("the busiest official says \"market\" on a dated briefing");
    let rare = generate::word(30_000);
    let date =
        |s: &str| podium::search::filter::parse_date(s, podium::search::filter::Bound::Start);
    let cases: Vec<(&str, Request, usize)> = vec![
        ("term", req("market", Filters::default(), 10), n / 20),
        (
            "term_rare",
            req(&rare, Filters::default(), 10),
            usize::from(n >= 100_000),
        ),
        (
            "phrase",
            req("\"capital market\"", Filters::default(), 10),
            n / 200,
        ),
        (
            "and3",
            req("trade policy reform", Filters::default(), 10),
            1,
        ),
        (
            "filtered",
            req(
                "market",
                Filters {
                    speakers: vec![speaker],
                    since: date(&(year - 2).to_string()).ok(),
                    until: podium::search::filter::parse_date(
                        &(year + 2).to_string(),
                        podium::search::filter::Bound::End,
                    )
                    .ok(),
                    ..Filters::default()
                },
                10,
            ),
            1,
        ),
        (
            "top10_snippets",
            req("growth investment", Filters::default(), 10),
            10,
        ),
        ("top100", req("growth", Filters::default(), 100), 100),
    ];
    let mut g = c.benchmark_group(format!("query_{n}"));
    for (name, r, min_total) in &cases {
        g.bench_with_input(BenchmarkId::from_parameter(name), r, |b, r| {
            b.iter(|| {
                let res = search(&idx, black_box(r)).expect("search");
                assert!(res.total >= *min_total, "{name}: {} hits", res.total);
                black_box(res)
            })
        });
    }
    g.finish();
}

fn req(q: &str, filters: Filters, limit: usize) -> Request {
    Request {
        query: q.to_string(),
        filters,
        limit,
        ..Request::default()
    }
}

criterion_group!(benches, parse_throughput, index_throughput, query_latency);
criterion_main!(benches);
