//! Snippets: the part of a passage around the matched words.

use std::collections::BTreeMap;

use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;
use tantivy::Searcher;

use super::Snippet;
use crate::error::Result;

/// Longest snippet, in characters.
pub const SNIPPET_CHARS: usize = 240;

/// A term in more than this share of passages ("and", "the") is not
/// highlighted when rarer terms are: in "Science and Technology Board" the
/// reader wants the names marked, not every "and" of the passage.
pub const COMMON_SHARE: f32 = 0.25;

/// Makes snippets for one query; built once per search, used per hit.
pub struct Snippeter {
    generator: SnippetGenerator,
}

impl Snippeter {
    /// A snippet maker for the terms to highlight (index terms with their
    /// weights, rarer heavier: `1 / (1 + doc_freq)`), chosen by the query
    /// builder so that excluded words are never marked.
    pub fn new(
        searcher: &Searcher,
        field: Field,
        terms: &BTreeMap<String, f32>,
    ) -> Result<Snippeter> {
        let docs = searcher.num_docs().max(1) as f32;
        // weight = 1 / (1 + df)  ⇔  df = 1/weight − 1
        let share = |w: f32| (1.0 / w - 1.0) / docs;
        let rare: BTreeMap<String, f32> = terms
            .iter()
            .filter(|(_, w)| share(**w) <= COMMON_SHARE)
            .map(|(t, w)| (t.clone(), *w))
            .collect();
        let chosen = if rare.is_empty() { terms.clone() } else { rare };
        let tokenizer = searcher.index().tokenizer_for_field(field)?;
        Ok(Snippeter {
            generator: SnippetGenerator::new(chosen, tokenizer, field, SNIPPET_CHARS),
        })
    }

    /// The snippet of one passage's text. A passage without any matched
    /// word (matched by a filter or another field) starts from its opening.
    pub fn snippet(&self, text: &str) -> Snippet {
        let s = self.generator.snippet(text);
        if s.fragment().is_empty() {
            let cut: String = text.chars().take(SNIPPET_CHARS).collect();
            return Snippet {
                text: cut,
                highlights: Vec::new(),
            };
        }
        Snippet {
            text: s.fragment().to_string(),
            highlights: s.highlighted().iter().map(|r| (r.start, r.end)).collect(),
        }
    }
}
