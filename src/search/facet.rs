//! Facets: how many matching passages each speaker has ("who talks about X
//! most").
//!
//! Counting reads the `speaker` fast field (a column of term ordinals), so
//! no stored document is loaded however many passages match.

use std::collections::HashMap;

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::query::Query;
use tantivy::{DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

use crate::error::Result;
use crate::registry::Registry;
use crate::transcript::Role;

/// One speaker and their matching passages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpeakerCount {
    pub speaker: String,
    /// The role the speaker has most often in the index.
    pub role: Role,
    pub title: Option<String>,
    /// Matching passages by this speaker.
    pub passages: u64,
    /// All passages by this speaker in the index.
    pub total_passages: u64,
}

/// Counts matching documents per value of a string fast field.
pub struct CountByStr {
    field: String,
}

impl CountByStr {
    pub fn new(field: &str) -> CountByStr {
        CountByStr {
            field: field.to_string(),
        }
    }
}

/// Per segment: the column and a counter per term ordinal.
pub struct SegmentCounts {
    column: Option<StrColumn>,
    counts: Vec<u64>,
}

impl Collector for CountByStr {
    type Fruit = HashMap<String, u64>;
    type Child = SegmentCounts;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentCounts> {
        let column = segment.fast_fields().str(&self.field)?;
        let n = column.as_ref().map_or(0, |c| c.num_terms());
        Ok(SegmentCounts {
            column,
            counts: vec![0; n],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        fruits: Vec<HashMap<String, u64>>,
    ) -> tantivy::Result<HashMap<String, u64>> {
        let mut all: HashMap<String, u64> = HashMap::new();
        for f in fruits {
            for (k, v) in f {
                *all.entry(k).or_default() += v;
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for SegmentCounts {
    type Fruit = HashMap<String, u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(c) = &self.column {
            for ord in c.term_ords(doc) {
                if let Some(n) = usize::try_from(ord)
                    .ok()
                    .and_then(|o| self.counts.get_mut(o))
                {
                    *n += 1;
                }
            }
        }
    }

    fn harvest(self) -> HashMap<String, u64> {
        let mut out = HashMap::new();
        let Some(c) = &self.column else {
            return out;
        };
        let mut buf = String::new();
        for (ord, &n) in self.counts.iter().enumerate() {
            if n > 0 && matches!(c.ord_to_str(ord as u64, &mut buf), Ok(true)) {
                out.insert(buf.clone(), n);
            }
        }
        out
    }
}

/// Speakers with passages matching `query`, most passages first, with
/// their role and title from the registry.
pub fn speakers(
    searcher: &Searcher,
    query: &dyn Query,
    registry: &Registry,
) -> Result<Vec<SpeakerCount>> {
    let counts = searcher.search(query, &CountByStr::new("speaker"))?;
    let mut out: Vec<SpeakerCount> = counts
        .into_iter()
        .map(|(speaker, passages)| {
            let known = registry.get(&speaker);
            SpeakerCount {
                role: known.map_or(Role::Official, |s| s.role()),
                title: known.and_then(|s| s.title()).map(str::to_string),
                total_passages: known.map_or(passages, |s| s.passages),
                speaker,
                passages,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.passages
            .cmp(&a.passages)
            .then_with(|| a.speaker.cmp(&b.speaker))
    });
    Ok(out)
}
