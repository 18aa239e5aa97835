//! [`Hit`]: one ranked passage, with everything a reader needs to cite it.

use serde::Serialize;

/// Stored passages are read by the index's codec (`from_doc` is the
/// inverse of the writer's `document`); re-exported here because every
/// hit carries one.
pub use crate::index::codec::StoredPassage;

/// A passage's text cut to the part around the matched words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges of `text` to highlight.
    pub highlights: Vec<(usize, usize)>,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// 1-based rank.
    pub rank: usize,
    pub score: f32,
    #[serde(flatten)]
    pub passage: StoredPassage,
    pub snippet: Snippet,
}
