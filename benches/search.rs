//! Query-language benches: the cost of each query form on the sample
//! corpus (synonyms, proximity, prefixes, fields, the no-hit path, context
//! and the speaker facet). Each bench asserts its result count, so a broken
//! feature fails the bench instead of timing nothing.
//!
//! `PODIUM_BENCH_INDEX=DIR` runs the same forms against an existing index
//! instead (e.g. one built from a larger corpus), asserting only that each
//! query finds something.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use podium::index::PodiumIndex;
use podium::search::{self, context, Filters, Options, Request};

/// (name, query on the seeds, least total on the seeds, query elsewhere).
const FORMS: &[(&str, &str, usize, &str)] = &[
    ("synonym", "STAR Market", 4, "vaccine supply"),
    (
        "and3_proximity",
        "foreign card terminals",
        1,
        "infrastructure bill senate",
    ),
    (
        "phrase",
        "\"container throughput\"",
        2,
        "\"climate change\"",
    ),
    (
        "or_exclude",
        "(trade OR finance) -Shanghai",
        1,
        "(tariffs OR trade) -China",
    ),
    ("prefix", "invest*", 5, "vaccin*"),
    (
        "fields",
        "speaker:gong role:official finance",
        1,
        "role:official economy",
    ),
    (
        "fallback_suggest",
        "contaner throughput",
        1,
        "vaccne distribution",
    ),
];

fn open() -> (Option<tempfile::TempDir>, PodiumIndex, bool) {
    if let Some(dir) = std::env::var_os("PODIUM_BENCH_INDEX") {
        let index = PodiumIndex::open(&PathBuf::from(dir)).expect("PODIUM_BENCH_INDEX");
        return (None, index, false);
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let index = podium::index::seeded(dir.path()).expect("index the seeds");
    (Some(dir), index, true)
}

fn request(q: &str) -> Request {
    Request {
        query: q.into(),
        filters: Filters::default(),
        limit: 10,
        ..Request::default()
    }
}

fn forms(c: &mut Criterion) {
    let (_dir, index, seeds) = open();
    let opts = Options::default();
    let mut g = c.benchmark_group("search");
    for &(name, on_seeds, min, elsewhere) in FORMS {
        let (q, min) = if seeds {
            (on_seeds, min)
        } else {
            (elsewhere, 1)
        };
        g.bench_function(name, |b| {
            b.iter(|| {
                let r = search::search_with(&index, &request(q), &opts).expect("search");
                assert!(r.total >= min, "{name}: {} hits", r.total);
                black_box(r)
            })
        });
    }
    let q = if seeds {
        "container throughput"
    } else {
        "vaccine"
    };
    let hit = search::search(&index, &request(q))
        .expect("search")
        .hits
        .remove(0);
    g.bench_function("context", |b| {
        b.iter(|| {
            let searcher = index.searcher();
            let c = context::around(&index, &searcher, &hit.passage, 1).expect("context");
            assert!(!c.before.is_empty() || !c.after.is_empty());
            black_box(c)
        })
    });
    let q = if seeds { "Shanghai" } else { "economy" };
    g.bench_function("speaker_facet", |b| {
        b.iter(|| {
            let (counts, _) = search::speaker_facet(&index, &request(q), &opts).expect("facet");
            assert!(!counts.is_empty());
            black_box(counts)
        })
    });
    g.finish();
}

criterion_group!(benches, forms);
criterion_main!(benches);
