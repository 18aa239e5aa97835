//! The indexed words a prefix (`invest*`) stands for.

use std::collections::HashMap;

use tantivy::schema::Field;
use tantivy::Searcher;

use crate::index::analyzer;
use crate::search::rank::MAX_EXPANSIONS;

/// Indexed words of `field` that start with `prefix`, most frequent
/// first, at most [`MAX_EXPANSIONS`]. Words are indexed stemmed, and a
/// stem can be shorter than the prefix typed (`investm*` → `invest`,
/// the stem of "investment"), so a stem that the prefix extends by at
/// most three letters counts too, and so do words starting with the
/// prefix's own stem (`ferry*` → `ferri`, the stem of "ferry").
pub fn expand(searcher: &Searcher, field: Field, prefix: &str) -> Vec<(String, u64)> {
    let mut found: HashMap<String, u64> = HashMap::new();
    let mut starts = vec![prefix.to_string()];
    if let Some(stem) = analyzer::terms(prefix).pop() {
        if stem != prefix {
            starts.push(stem);
        }
    }
    let shorter: Vec<&str> = prefix
        .char_indices()
        .map(|(i, _)| &prefix[..i])
        .filter(|s| s.chars().count() >= 4 && prefix.len() - s.len() <= 3)
        .collect();
    for segment in searcher.segment_readers() {
        let Ok(inverted) = segment.inverted_index(field) else {
            continue;
        };
        let dict = inverted.terms();
        for start in &starts {
            let Ok(mut stream) = dict.range().ge(start.as_bytes()).into_stream() else {
                continue;
            };
            while stream.advance() {
                if !stream.key().starts_with(start.as_bytes()) {
                    break;
                }
                if let Ok(k) = std::str::from_utf8(stream.key()) {
                    let df = u64::from(stream.value().doc_freq);
                    // A term found from both starts counts once.
                    found.entry(k.to_string()).or_insert(0);
                    if start == prefix || !k.starts_with(prefix) {
                        *found.entry(k.to_string()).or_default() += df;
                    }
                }
            }
        }
        for s in &shorter {
            if let Ok(Some(info)) = dict.get(s.as_bytes()) {
                *found.entry((*s).to_string()).or_default() += u64::from(info.doc_freq);
            }
        }
    }
    let mut v: Vec<(String, u64)> = found.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.truncate(MAX_EXPANSIONS);
    v
}
