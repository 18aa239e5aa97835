//! The text analyzer: how passage text becomes index terms.
//!
//! Words are found by Unicode word boundaries (UAX #29, via
//! `unicode-segmentation`), which keep `Shanghai's`, `37,000` and
//! `ThePaper.cn` whole and split `sci-tech` into two words, the same way for
//! every script. Han text has no spaces between words, and UAX #29 makes each
//! ideograph its own word; runs of ideographs are indexed as overlapping
//! bigrams (`科创板` → `科创`, `创板`), the usual CJK approach, so a word of
//! any length inside a run is found as a phrase of bigrams. Then tokens are
//! lower-cased, folded to ASCII (`Gómez` = `gomez`) and stemmed (English
//! Snowball: `listing` = `listed` = `list`).
//!
//! tantivy stores only the analyzer's *name* in the index: [`register`] must
//! run on every index opened, or queries silently match nothing.
//!
//! ```
//! use podium::index::analyzer::analyzer;
//! use tantivy::tokenizer::TokenStream;
//!
//! let mut a = analyzer();
//! let mut stream = a.token_stream("Shanghai’s listed companies: 上海科创板");
//! let mut terms = Vec::new();
//! while let Some(t) = stream.next() {
//!     terms.push(t.text.clone());
//! }
//! assert_eq!(terms, ["shanghai", "list", "compani", "上海", "海科", "科创", "创板"]);
//! ```

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, Stemmer, TextAnalyzer, Token,
    TokenStream, Tokenizer,
};
use tantivy::Index;
use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation};

use crate::transcript::name::is_cjk;

/// The name podium's analyzer is registered under in every index.
pub const ANALYZER: &str = "podium";

/// Tokens longer than this (in bytes) are dropped: URLs, base64, junk.
const MAX_TOKEN_BYTES: usize = 40;

/// Splits text into words at Unicode word boundaries, with Han runs as
/// bigrams. See the module docs.
#[derive(Clone, Default)]
pub struct WordTokenizer {
    token: Token,
}

/// The stream of one text's words.
pub struct WordStream<'a> {
    text: &'a str,
    words: UWordBoundIndices<'a>,
    /// A run of ideographs being emitted as bigrams: byte offsets of the
    /// run's characters, and the next index to emit.
    run: Vec<usize>,
    run_next: usize,
    run_end: usize,
    token: &'a mut Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        self.token.reset();
        WordStream {
            text,
            words: text.split_word_bound_indices(),
            run: Vec::new(),
            run_next: 0,
            run_end: 0,
            token: &mut self.token,
        }
    }
}

fn is_word(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

fn is_ideograph_word(s: &str) -> bool {
    let mut chars = s.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if is_cjk(c))
}

impl WordStream<'_> {
    fn emit(&mut self, from: usize, to: usize) {
        self.token.position = self.token.position.wrapping_add(1);
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.token.text.clear();
        let word = &self.text[from..to];
        if word.contains('\u{2019}') {
            // "Shanghai’s" and "Shanghai's" are the same word to a reader
            // and to the stemmer.
            self.token.text.push_str(&word.replace('\u{2019}', "'"));
        } else {
            self.token.text.push_str(word);
        }
    }

    /// Emits the next bigram (or the lone character) of the pending run.
    fn next_from_run(&mut self) -> bool {
        let n = self.run.len();
        if self.run_next >= n {
            return false;
        }
        let i = self.run_next;
        self.run_next += 1;
        if n == 1 {
            self.emit(self.run[0], self.run_end);
            return true;
        }
        if i + 1 >= n {
            return false;
        }
        let to = if i + 2 < n {
            self.run[i + 2]
        } else {
            self.run_end
        };
        self.emit(self.run[i], to);
        true
    }
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        if self.next_from_run() {
            return true;
        }
        self.run.clear();
        self.run_next = 0;
        while let Some((from, word)) = self.words.next() {
            if is_ideograph_word(word) {
                // Collect the whole run of adjacent ideographs.
                self.run.push(from);
                self.run_end = from + word.len();
                while let Some((f, w)) = self.words.clone().next() {
                    if f == self.run_end && is_ideograph_word(w) {
                        self.words.next();
                        self.run.push(f);
                        self.run_end = f + w.len();
                    } else {
                        break;
                    }
                }
                return self.next_from_run();
            }
            if is_word(word) {
                self.emit(from, from + word.len());
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Podium's analyzer: word boundaries, lower case, ASCII folding, English
/// stemming.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// Registers podium's analyzer on an index; required after every open.
pub fn register(index: &Index) {
    index.tokenizers().register(ANALYZER, analyzer());
}

/// The terms `text` is indexed as, in order: for suggestions, tests and
/// debugging.
pub fn terms(text: &str) -> Vec<String> {
    let mut a = analyzer();
    let mut stream = a.token_stream(text);
    let mut out = Vec::new();
    while let Some(t) = stream.next() {
        out.push(t.text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut t = WordTokenizer::default();
        let mut s = t.token_stream(text);
        let mut out = Vec::new();
        while let Some(tok) = s.next() {
            out.push((
                tok.text.clone(),
                tok.position,
                tok.offset_from,
                tok.offset_to,
            ));
        }
        out
    }

    #[test]
    fn words_keep_offsets_and_positions() {
        assert_eq!(
            tokens("Sci-tech, 37,000 firms!"),
            [
                ("Sci".into(), 0, 0, 3),
                ("tech".into(), 1, 4, 8),
                ("37,000".into(), 2, 10, 16),
                ("firms".into(), 3, 17, 22),
            ]
        );
    }

    #[test]
    fn han_runs_become_bigrams() {
        let t = tokens("在科创板上市");
        let texts: Vec<&str> = t.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(texts, ["在科", "科创", "创板", "板上", "上市"]);
        let positions: Vec<usize> = t.iter().map(|x| x.1).collect();
        assert_eq!(positions, [0, 1, 2, 3, 4]);
        assert_eq!(
            tokens("一 word"),
            [("一".into(), 0, 0, 3), ("word".into(), 1, 4, 8)]
        );
    }

    #[test]
    fn analyzer_folds_and_stems() {
        assert_eq!(
            terms("Gómez LISTED Shanghai’s"),
            ["gomez", "list", "shanghai"]
        );
    }
}
