//! A required query plus boosts that are only looked at where it matches.
//!
//! The proximity clauses (a phrase and a near match for every two words
//! typed together, see [`rank`](crate::search::rank)) never change which
//! passages match: every word is required anyway. As `Should` clauses of a
//! tantivy `BooleanQuery` they still cost as if they did: tantivy asks the
//! optional part "your next match at or after passage N?", and a phrase
//! scorer answers by walking every passage that has both words, checking
//! positions, until it finds one where they stand together. For `trade
//! policy reform` at 1.2M generated passages that walk was 80 % of the
//! search (8.9 ms warm, of which the 1,516 passages with all three words
//! needed a fraction).
//!
//! [`Boosted`] asks each boost only "do you match passage N?" for the
//! passages the required part yields, through tantivy's
//! [`DocSet::seek_danger`], which a phrase scorer answers by checking that
//! one passage. Scores are the same sum a `BooleanQuery` gives (required
//! score plus every boost that matches), so results are unchanged; only the
//! work is bounded by the required part's matches.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};
use tantivy::{SeekDangerResult, TantivyError};

/// `required`, scored as itself plus each of `boosts` that matches.
#[derive(Debug)]
pub struct Boosted {
    required: Box<dyn Query>,
    boosts: Vec<Box<dyn Query>>,
}

impl Boosted {
    /// A query matching exactly what `required` matches.
    pub fn new(required: Box<dyn Query>, boosts: Vec<Box<dyn Query>>) -> Boosted {
        Boosted { required, boosts }
    }
}

impl Clone for Boosted {
    fn clone(&self) -> Self {
        Boosted {
            required: self.required.box_clone(),
            boosts: self.boosts.iter().map(|q| q.box_clone()).collect(),
        }
    }
}

impl Query for Boosted {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let required = self.required.weight(enable_scoring)?;
        if !enable_scoring.is_scoring_enabled() {
            // Boosts only score; without scoring they are nothing to do.
            return Ok(required);
        }
        let boosts = self
            .boosts
            .iter()
            .map(|q| q.weight(enable_scoring))
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(Box::new(BoostedWeight { required, boosts }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.required.query_terms(visitor);
        for q in &self.boosts {
            q.query_terms(visitor);
        }
    }
}

struct BoostedWeight {
    required: Box<dyn Weight>,
    boosts: Vec<Box<dyn Weight>>,
}

impl Weight for BoostedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let required = self.required.scorer(reader, boost)?;
        let first = required.doc();
        let mut probes = Vec::with_capacity(self.boosts.len());
        if first != TERMINATED {
            for w in &self.boosts {
                // Built at the first required passage: a phrase scorer built
                // plainly would walk to its first match, wherever that is.
                let (found, scorer) = w.scorer_danger(reader, first, boost)?;
                probes.push(Probe {
                    scorer,
                    at: match found {
                        SeekDangerResult::Found => At::On(first),
                        SeekDangerResult::SeekLowerBound(bound) => At::NotBefore(bound),
                    },
                });
            }
        }
        Ok(Box::new(BoostedScorer { required, probes }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let required = self.required.explain(reader, doc)?;
        let mut total = required.value();
        let mut details = vec![required];
        for w in &self.boosts {
            match w.explain(reader, doc) {
                Ok(e) => {
                    total += e.value();
                    details.push(e);
                }
                // Not a match of this boost: it adds nothing.
                Err(TantivyError::InvalidArgument(_)) => {}
                Err(e) => return Err(e),
            }
        }
        let mut explanation = Explanation::new("Required, plus the boosts it matches", total);
        for d in details {
            explanation.add_detail(d);
        }
        Ok(explanation)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.required.count(reader)
    }
}

/// Where a boost's scorer stands.
#[derive(Clone, Copy)]
enum At {
    /// On a match at this passage (a valid state).
    On(DocId),
    /// Its next match is at this passage or later; the scorer may be in
    /// tantivy's "danger zone" and takes only `seek_danger` until it finds.
    NotBefore(DocId),
}

struct Probe {
    scorer: Box<dyn Scorer>,
    at: At,
}

impl Probe {
    /// The boost's score at `doc`, if it matches there. `doc` never
    /// decreases between calls (the required scorer only moves forward), as
    /// `seek_danger` needs; asking twice for one passage gives one answer.
    fn score_at(&mut self, doc: DocId) -> Option<Score> {
        let behind = match self.at {
            At::On(d) => d < doc,
            At::NotBefore(bound) => bound <= doc,
        };
        if behind {
            self.at = match self.scorer.seek_danger(doc) {
                SeekDangerResult::Found => At::On(doc),
                SeekDangerResult::SeekLowerBound(bound) => At::NotBefore(bound),
            };
        }
        match self.at {
            At::On(d) if d == doc => Some(self.scorer.score()),
            _ => None,
        }
    }
}

struct BoostedScorer {
    required: Box<dyn Scorer>,
    probes: Vec<Probe>,
}

impl DocSet for BoostedScorer {
    fn advance(&mut self) -> DocId {
        self.required.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.required.seek(target)
    }

    fn doc(&self) -> DocId {
        self.required.doc()
    }

    fn size_hint(&self) -> u32 {
        self.required.size_hint()
    }

    fn cost(&self) -> u64 {
        self.required.cost()
    }
}

impl Scorer for BoostedScorer {
    fn score(&mut self) -> Score {
        let doc = self.required.doc();
        let mut score = self.required.score();
        for p in &mut self.probes {
            score += p.score_at(doc).unwrap_or(0.0);
        }
        score
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::TopDocs;
    use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, TermQuery};
    use tantivy::schema::{IndexRecordOption, Schema, TEXT};
    use tantivy::{doc, Index};

    use super::*;

    /// Scores and matches equal a `BooleanQuery` with the boosts as
    /// `Should` clauses, on passages where the pair stands together, apart,
    /// and not at all, and on one with only one of the required words.
    #[test]
    fn scores_like_should_clauses() -> tantivy::Result<()> {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000)?;
        for t in [
            "trade policy reform is on the agenda",
            "reform of the policy on trade",
            "trade and reform, policy later, trade policy again",
            "policy reform without the other word",
            "nothing here",
            "trade policy reform trade policy reform",
        ] {
            writer.add_document(doc!(text => t))?;
        }
        writer.commit()?;
        let searcher = index.reader()?.searcher();
        let term = |w: &str| Term::from_field_text(text, w);
        let required = || -> Box<dyn Query> {
            Box::new(BooleanQuery::new(
                ["trade", "policy", "reform"]
                    .iter()
                    .map(|w| {
                        let q: Box<dyn Query> =
                            Box::new(TermQuery::new(term(w), IndexRecordOption::WithFreqs));
                        (Occur::Must, q)
                    })
                    .collect(),
            ))
        };
        let boosts = || -> Vec<Box<dyn Query>> {
            let pair = vec![(0, term("trade")), (1, term("policy"))];
            vec![
                Box::new(BoostQuery::new(
                    Box::new(PhraseQuery::new_with_offset(pair.clone())),
                    0.6,
                )),
                Box::new(BoostQuery::new(
                    Box::new(PhraseQuery::new_with_offset_and_slop(pair, 6)),
                    0.3,
                )),
            ]
        };
        let mut clauses = vec![(Occur::Must, required())];
        clauses.extend(boosts().into_iter().map(|q| (Occur::Should, q)));
        let top = TopDocs::with_limit(10).order_by_score();
        let expected = searcher.search(&BooleanQuery::new(clauses), &top)?;
        let got = searcher.search(&Boosted::new(required(), boosts()), &top)?;
        assert_eq!(expected.len(), 4);
        assert_eq!(got.len(), expected.len());
        for ((a, da), (b, db)) in got.iter().zip(&expected) {
            assert_eq!(da, db);
            assert!((a - b).abs() < 1e-5, "{a} against {b}");
        }
        Ok(())
    }
}
