//! Core benches on the sample corpus: parse throughput and query latency.
//! Each bench asserts its result count, so a broken pipeline fails the bench
//! instead of timing nothing.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use podium::corpus;
use podium::search::{search, Filters, Request};
use podium::transcript;

fn seeds() -> Vec<String> {
    corpus::embedded_seeds()
        .iter()
        .map(|s| s.read().expect("embedded seed"))
        .collect()
}

fn parse(c: &mut Criterion) {
    let texts = seeds();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("seeds", |b| {
        b.iter(|| {
            let turns: usize = texts
                .iter()
                .map(|t| transcript::parse(black_box(t)).turns.len())
                .sum();
            assert!(turns >= 40, "{turns} turns");
        })
    });
    g.finish();
}

fn query(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let index = podium::index::seeded(dir.path()).expect("index the seeds");
    let mut g = c.benchmark_group("query");
    for (name, q, min) in [
        ("term", "Shanghai", 20),
        ("phrase", "\"STAR Market\"", 2),
        ("and3", "foreign card terminals", 1),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                let r = search(
                    &index,
                    &Request {
                        query: q.into(),
                        filters: Filters::default(),
                        limit: 10,
                        ..Request::default()
                    },
                )
                .expect("search");
                assert!(r.total >= min, "{name}: {} hits", r.total);
                black_box(r)
            })
        });
    }
    g.finish();
}

criterion_group!(benches, parse, query);
criterion_main!(benches);
