//! A wrapper for excluded clauses (`-"a phrase"`).
//!
//! tantivy 0.27's exclusion asks the excluded scorer "is document N in
//! you?" with `seek_danger(N)`, also for an N below where that scorer
//! already stands; phrase scorers assert against that in debug builds (the
//! release build answers correctly). [`Excluded`] hands the exclusion a
//! scorer that answers through the plain `DocSet::seek_danger`, which
//! handles any target. Scores and matches are the wrapped query's.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term};

/// A query to exclude; matches exactly what the wrapped query matches.
#[derive(Debug)]
pub struct Excluded(pub Box<dyn Query>);

impl Clone for Excluded {
    fn clone(&self) -> Self {
        Excluded(self.0.box_clone())
    }
}

impl Query for Excluded {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(ExcludedWeight(self.0.weight(enable_scoring)?)))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.0.query_terms(visitor);
    }
}

struct ExcludedWeight(Box<dyn Weight>);

impl Weight for ExcludedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(PlainSeek(self.0.scorer(reader, boost)?)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.0.explain(reader, doc)
    }
}

/// A scorer that keeps `DocSet`'s default `seek_danger`.
struct PlainSeek(Box<dyn Scorer>);

impl DocSet for PlainSeek {
    fn advance(&mut self) -> DocId {
        self.0.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.0.seek(target)
    }

    fn doc(&self) -> DocId {
        self.0.doc()
    }

    fn size_hint(&self) -> u32 {
        self.0.size_hint()
    }

    fn cost(&self) -> u64 {
        self.0.cost()
    }
}

impl Scorer for PlainSeek {
    fn score(&mut self) -> Score {
        self.0.score()
    }
}
