//! Snippets: the part of a passage around the matched words.

use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;
use tantivy::Searcher;

use super::Snippet;
use crate::error::Result;

/// Longest snippet, in characters.
pub const SNIPPET_CHARS: usize = 240;

/// Makes snippets for one query; built once per search, used per hit.
pub struct Snippeter {
    generator: SnippetGenerator,
}

impl Snippeter {
    pub fn new(searcher: &Searcher, query: &dyn Query, field: Field) -> Result<Snippeter> {
        let mut generator = SnippetGenerator::create(searcher, query, field)?;
        generator.set_max_num_chars(SNIPPET_CHARS);
        Ok(Snippeter { generator })
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
