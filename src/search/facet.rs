//! Facets: how many matching passages each speaker has ("who talks about X
//! most"), and each outlet or organisation ("which newsrooms ask about X").
//!
//! Counting reads the `speaker` and `organisation` fast fields (columns of
//! term ordinals), so no stored document is loaded however many passages
//! match.

use std::collections::HashMap;

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::query::Query;
use tantivy::{DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

use crate::error::Result;
use crate::registry::Registry;
use crate::transcript::{name, Role};

/// One speaker and their matching passages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpeakerCount {
    pub speaker: String,
    /// The role the speaker has most often in the index.
    pub role: Role,
    pub title: Option<String>,
    /// The organisation (outlet, ministry) most of the speaker's matching
    /// passages give, if any does.
    pub organisation: Option<String>,
    /// Matching passages by this speaker.
    pub passages: u64,
    /// All passages by this speaker in the index.
    pub total_passages: u64,
}

/// Counts matching documents per pair of values of two string fast
/// fields (speaker and organisation): one pass gives both facets. A
/// document without a value in the second field counts under `None`.
pub struct CountByPair {
    first: String,
    second: String,
}

impl CountByPair {
    pub fn new(first: &str, second: &str) -> CountByPair {
        CountByPair {
            first: first.to_string(),
            second: second.to_string(),
        }
    }
}

/// Pair counts, by value.
pub type PairCounts = HashMap<(String, Option<String>), u64>;

/// Per segment: both columns, a counter per first-field ordinal for the
/// documents without a second value (most passages: officials name no
/// organisation), and a map for the pairs.
pub struct SegmentPairs {
    first: Option<StrColumn>,
    second: Option<StrColumn>,
    alone: Vec<u64>,
    pairs: HashMap<(u64, u64), u64>,
}

impl Collector for CountByPair {
    type Fruit = PairCounts;
    type Child = SegmentPairs;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentPairs> {
        let first = segment.fast_fields().str(&self.first)?;
        let n = first.as_ref().map_or(0, |c| c.num_terms());
        Ok(SegmentPairs {
            first,
            second: segment.fast_fields().str(&self.second)?,
            alone: vec![0; n],
            pairs: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<PairCounts>) -> tantivy::Result<PairCounts> {
        let mut all = PairCounts::new();
        for f in fruits {
            for (k, v) in f {
                *all.entry(k).or_default() += v;
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for SegmentPairs {
    type Fruit = PairCounts;

    fn collect(&mut self, doc: DocId, _: Score) {
        let Some(first) = &self.first else {
            return;
        };
        let second = self.second.as_ref().and_then(|c| c.term_ords(doc).next());
        for ord in first.term_ords(doc) {
            match second {
                Some(b) => *self.pairs.entry((ord, b)).or_default() += 1,
                None => {
                    if let Some(n) = usize::try_from(ord)
                        .ok()
                        .and_then(|o| self.alone.get_mut(o))
                    {
                        *n += 1;
                    }
                }
            }
        }
    }

    fn harvest(self) -> PairCounts {
        let mut out = PairCounts::new();
        let Some(first) = &self.first else {
            return out;
        };
        let mut buf = String::new();
        let alone = self
            .alone
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(a, n)| ((a as u64, None), *n));
        let pairs = self.pairs.iter().map(|((a, b), n)| ((*a, Some(*b)), *n));
        for ((a, b), n) in alone.chain(pairs) {
            if !matches!(first.ord_to_str(a, &mut buf), Ok(true)) {
                continue;
            }
            let a = buf.clone();
            let b = match (b, &self.second) {
                (Some(b), Some(c)) if matches!(c.ord_to_str(b, &mut buf), Ok(true)) => {
                    Some(buf.clone())
                }
                _ => None,
            };
            *out.entry((a, b)).or_default() += n;
        }
        out
    }
}

/// Speakers with passages matching `query`, most passages first, with
/// their role and title from the registry and the organisation most of
/// their matching passages give.
pub fn speakers(
    searcher: &Searcher,
    query: &dyn Query,
    registry: &Registry,
) -> Result<Vec<SpeakerCount>> {
    let pairs = searcher.search(query, &CountByPair::new("speaker", "organisation"))?;
    let mut by_speaker: HashMap<String, (u64, Vec<(u64, String)>)> = HashMap::new();
    for ((speaker, org), n) in pairs {
        let e = by_speaker.entry(speaker).or_default();
        e.0 += n;
        if let Some(o) = org {
            e.1.push((n, o));
        }
    }
    let mut out: Vec<SpeakerCount> = by_speaker
        .into_iter()
        .map(|(speaker, (passages, mut orgs))| {
            let known = registry.get(&speaker);
            // Most passages first; ties to the name that sorts first.
            orgs.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
            SpeakerCount {
                role: known.map_or(Role::Official, |s| s.role()),
                title: known.and_then(|s| s.title()).map(str::to_string),
                organisation: orgs.into_iter().next().map(|(_, o)| o),
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

/// One outlet or organisation and its matching passages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutletCount {
    /// The name as most of its passages write it (forms that differ only
    /// in case, accents or punctuation are one outlet).
    pub outlet: String,
    /// Matching passages by its speakers.
    pub passages: u64,
    /// All its passages in the index.
    pub total_passages: u64,
    /// Its speakers with matching passages, most passages first.
    pub speakers: Vec<String>,
}

/// Outlets and organisations with passages matching `query`, most passages
/// first: the outlet facet (`podium speakers --outlets`).
pub fn outlets(searcher: &Searcher, query: &dyn Query) -> Result<Vec<OutletCount>> {
    let pairs = |q: &dyn Query| searcher.search(q, &CountByPair::new("speaker", "organisation"));
    let matching = pairs(query)?;
    let all = pairs(&tantivy::query::AllQuery)?;
    // Folded name -> (passages per form, passages per speaker).
    type Tally = (HashMap<String, u64>, HashMap<String, u64>);
    let tally = |counts: PairCounts| {
        let mut by: HashMap<String, Tally> = HashMap::new();
        for ((speaker, org), n) in counts {
            let Some(org) = org else { continue };
            let e = by.entry(name::fold(&org)).or_default();
            *e.0.entry(org).or_default() += n;
            *e.1.entry(speaker).or_default() += n;
        }
        by
    };
    let totals = tally(all);
    let mut out: Vec<OutletCount> = tally(matching)
        .into_iter()
        .map(|(key, (forms, speakers))| {
            let mut forms: Vec<(u64, String)> = forms.into_iter().map(|(f, n)| (n, f)).collect();
            forms.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
            let mut speakers: Vec<(u64, String)> =
                speakers.into_iter().map(|(s, n)| (n, s)).collect();
            speakers.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
            let passages = forms.iter().map(|(n, _)| n).sum();
            OutletCount {
                outlet: forms.into_iter().next().map(|(_, f)| f).unwrap_or_default(),
                passages,
                total_passages: totals.get(&key).map_or(passages, |(f, _)| f.values().sum()),
                speakers: speakers.into_iter().map(|(_, s)| s).collect(),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.passages
            .cmp(&a.passages)
            .then_with(|| a.outlet.cmp(&b.outlet))
    });
    Ok(out)
}
