//! How a saved search ([`crate::watch`]) searches: exactly its words (no
//! fallback to "some of the words", which suits a person looking at a
//! result list but would make an alert fire on passages that do not say
//! what was asked), with its filters, and optionally among given passages
//! only: the ones added since the search was last checked.
//!
//! The restriction is a query clause ([`Among`]) like the other filters,
//! so the words and filters are matched by tantivy over the given passages
//! only, and nothing else of the index is read. Passage ids are not stored
//! whole: their first 32 bits are the `id` fast field (see
//! [`crate::index::schema`]). The clause matches on those; the few passages
//! that share a prefix with a wanted one by chance are told apart by their
//! full ids once loaded.

use std::collections::{HashMap, HashSet};

use tantivy::collector::Count;
use tantivy::index::SegmentId;
use tantivy::query::{
    AllQuery, BitSetDocSet, BooleanQuery, ConstScorer, EmptyScorer, EnableScoring, Explanation,
    Occur, Query, Scorer, Weight,
};
use tantivy::{BitSet, DocId, DocSet, Score, SegmentReader, TERMINATED};

use super::{filter, query, rank, snippet, Hit, Options, Request, Results, StoredPassage};
use crate::error::Result;
use crate::index::{schema, PodiumIndex};

/// The passages whose `id` fast field holds one of a set of prefixes,
/// found once per segment when the query is built (one pass over a column
/// of small integers, no document read).
#[derive(Debug, Clone)]
struct Among {
    docs: HashMap<SegmentId, Vec<DocId>>,
}

impl Among {
    fn new(searcher: &tantivy::Searcher, id_field: &str, ids: &HashSet<u64>) -> Result<Among> {
        let wanted: HashSet<u64> = ids.iter().map(|&id| schema::id_prefix(id)).collect();
        let mut docs = HashMap::new();
        for segment in searcher.segment_readers() {
            let column = segment.fast_fields().u64(id_field)?;
            let found: Vec<DocId> = segment
                .doc_ids_alive()
                .filter(|&d| column.first(d).is_some_and(|p| wanted.contains(&p)))
                .collect();
            if !found.is_empty() {
                docs.insert(segment.segment_id(), found);
            }
        }
        Ok(Among { docs })
    }
}

impl Query for Among {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl Weight for Among {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(match self.docs.get(&reader.segment_id()) {
            Some(d) => {
                let mut set = BitSet::with_max_value(reader.max_doc());
                for &doc in d {
                    set.insert(doc);
                }
                Box::new(ConstScorer::new(BitSetDocSet::from(set), boost))
            }
            None => Box::new(EmptyScorer),
        })
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut s = self.scorer(reader, 1.0)?;
        if s.doc() != TERMINATED && s.seek(doc) == doc {
            Ok(Explanation::new("among the passages asked for", 0.0))
        } else {
            Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} is not among the passages asked for"
            )))
        }
    }
}

/// Runs a saved search's request: all of its words (an empty query with
/// filters: every passage they let through), its filters, and with
/// `among`, only those passages (full ids). `Results::total` counts the
/// matches among them exactly; the hits are the page `req` asks for.
pub fn search(
    index: &PodiumIndex,
    req: &Request,
    opts: &Options,
    among: Option<&HashSet<u64>>,
) -> Result<Results> {
    if among.is_some_and(HashSet::is_empty) {
        return Ok(Results::default());
    }
    let searcher = index.searcher();
    let filters = filter::clauses(index, &req.filters)?;
    let empty = req.query.trim().is_empty() && !filters.is_empty();
    let compiled = if empty {
        None
    } else {
        Some(query::compile(
            index,
            &searcher,
            &opts.synonyms,
            &req.query,
        )?)
    };
    let base: Box<dyn Query> = match &compiled {
        Some(c) => c.query.box_clone(),
        None => Box::new(AllQuery),
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, base)];
    clauses.extend(filters.into_iter().map(|c| (Occur::Must, c.query)));
    if let Some(ids) = among {
        let name = searcher
            .schema()
            .get_field_name(index.fields.id)
            .to_string();
        clauses.push((Occur::Must, Box::new(Among::new(&searcher, &name, ids)?)));
    }
    let q = BooleanQuery::new(clauses);
    let (highlight, phrases) = match &compiled {
        Some(c) => (c.highlight.clone(), c.phrases.clone()),
        None => Default::default(),
    };
    let snippets = snippet::Snippeter::new(&searcher, index.fields.text, &highlight, &phrases)?;
    let mut hits = Vec::new();
    let mut total = searcher.search(&q, &Count)?;
    let skip_prefix_twins = among.is_some();
    // With `among`, passages that only share a prefix are dropped, so the
    // page is taken after that: every match is ranked (there are as many
    // as passages added since the last check, a small number).
    let (limit, offset) = if skip_prefix_twins {
        (total.max(1), 0)
    } else {
        (req.limit, req.offset)
    };
    let top = searcher.search(
        &q,
        &rank::top_docs(limit, offset, req.sort, index.fields.text),
    )?;
    for (key, addr) in top {
        let passage = StoredPassage::load(index, &searcher, addr)?;
        if let Some(ids) = among {
            if !u64::from_str_radix(&passage.id, 16).is_ok_and(|id| ids.contains(&id)) {
                continue;
            }
        }
        let snippet = snippets.snippet(&passage.text);
        hits.push(Hit {
            rank: 0,
            score: key.score,
            passage,
            snippet,
        });
    }
    if skip_prefix_twins {
        total = hits.len();
        hits = hits.into_iter().skip(req.offset).take(req.limit).collect();
    }
    for (i, h) in hits.iter_mut().enumerate() {
        h.rank = req.offset + i + 1;
    }
    Ok(Results {
        hits,
        total,
        notes: compiled.map(|c| c.notes).unwrap_or_default(),
        ..Results::default()
    })
}
