//! `word*` and `"some words*"`: a prefix becomes the indexed words that
//! start so, most frequent first.
//!
//! Apart from the words' clauses ([`super`]) because it reads the index's
//! term dictionaries rather than analyzing what was typed, and because a
//! stemmed index makes "starts so" subtle: see [`Builder::expand`].

use std::collections::HashMap;

use tantivy::query::{BooleanQuery, EmptyQuery, Occur, PhrasePrefixQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

use super::{analyze, Builder, Tok};
use crate::search::query::parse::Leaf;
use crate::search::rank::MAX_EXPANSIONS;

impl Builder<'_> {
    /// `word*` or `"some words*"`.
    pub(super) fn prefix_query(
        &mut self,
        field: Field,
        stemmed: &[Tok],
        last: &Tok,
        l: &Leaf,
        positive: bool,
    ) -> Box<dyn Query> {
        let head = &stemmed[..stemmed.len() - 1];
        if positive {
            self.remember(field, head, true);
        }
        let expansions = self.expand(field, &last.text);
        if expansions.is_empty() {
            self.note(
                l.start,
                format!("no indexed word starts with '{}'", last.text),
            );
            return Box::new(EmptyQuery);
        }
        if expansions.len() >= MAX_EXPANSIONS {
            self.note(
                l.start,
                format!(
                    "'{}*' matches many words; searched the {MAX_EXPANSIONS} most frequent",
                    last.text
                ),
            );
        }
        if positive && field == self.index.fields.text {
            for (t, df) in &expansions {
                self.highlight.insert(t.clone(), 1.0 / (1.0 + *df as f32));
            }
        }
        if head.is_empty() {
            let q = BooleanQuery::new(
                expansions
                    .iter()
                    .map(|(t, _)| {
                        (
                            Occur::Should,
                            Box::new(TermQuery::new(
                                Term::from_field_text(field, t),
                                IndexRecordOption::WithFreqs,
                            )) as Box<dyn Query>,
                        )
                    })
                    .collect(),
            );
            return Box::new(q);
        }
        let first = head[0].position;
        let mut terms: Vec<(usize, Term)> = head
            .iter()
            .map(|t| (t.position - first, Term::from_field_text(field, &t.text)))
            .collect();
        terms.push((
            last.position - first,
            Term::from_field_text(field, &last.text),
        ));
        let mut q = PhrasePrefixQuery::new_with_offset(terms);
        q.set_max_expansions(MAX_EXPANSIONS as u32);
        Box::new(q)
    }

    /// Indexed words of `field` that start with `prefix`, most frequent
    /// first, at most [`MAX_EXPANSIONS`]. Words are indexed stemmed, and a
    /// stem can be shorter than the prefix typed (`investm*` → `invest`,
    /// the stem of "investment"), so a stem that the prefix extends by at
    /// most three letters counts too, and so do words starting with the
    /// prefix's own stem (`ferry*` → `ferri`, the stem of "ferry").
    fn expand(&self, field: Field, prefix: &str) -> Vec<(String, u64)> {
        let mut found: HashMap<String, u64> = HashMap::new();
        let mut starts = vec![prefix.to_string()];
        if let Some(stem) = analyze(true, prefix, 0).pop() {
            if stem.text != prefix {
                starts.push(stem.text);
            }
        }
        let shorter: Vec<&str> = prefix
            .char_indices()
            .map(|(i, _)| &prefix[..i])
            .filter(|s| s.chars().count() >= 4 && prefix.len() - s.len() <= 3)
            .collect();
        for segment in self.searcher.segment_readers() {
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
}
