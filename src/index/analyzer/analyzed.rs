//! Passage text analyzed before tantivy sees it: [`analyzed_terms`] writes
//! the terms in position order (with the other forms people type at a
//! word's position), and [`TermsTokenizer`] reads them back.
//!
//! Separate from the analyzer's steps because it is a format between
//! podium's indexing workers and tantivy, not a way of reading text.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::normalize::{exact_form_into, normalize_into, TERM_CACHE};
use super::words::WordTokenizer;
use super::MAX_TOKEN_BYTES;
use crate::index::forms;

/// The name of the tokenizer of passage text: it reads terms that podium
/// analyzed before handing the document to tantivy ([`analyzed_terms`]).
pub const TERMS: &str = "podium_terms";

/// Separates terms in [`analyzed_terms`]'s output: a control character,
/// which no word contains.
pub(super) const TERM_SEP: char = '\u{1f}';
pub(super) const TERM_SEP_BYTE: u8 = 0x1f;

/// Separates the terms of one position in [`analyzed_terms`]'s output:
/// a word's term, then the terms of its other forms ([`forms`]).
pub(super) const ALT_SEP: char = '\u{1e}';
pub(super) const ALT_SEP_BYTE: u8 = 0x1e;

/// Passage text as [`analyzer`](super::analyzer) indexes it, written as terms in position
/// order, each followed by [`TERM_SEP`]; a position without a term (a word
/// too long to index) is an empty entry. A word with other forms people
/// type (`couldn’t`: `couldn`, `could`, `not`; see [`forms`]) has their
/// terms after its own at the same position, each after [`ALT_SEP`]. [`TermsTokenizer`] reads it back
/// into the same terms at the same positions.
///
/// `exact` gets, each followed by [`TERM_SEP`], the written form
/// ([`exact_form_into`]) of every word whose term is another (`announced`
/// for `announc`): the terms of the `exact` field, which has no positions,
/// so their order does not matter. A word its own term (`mild`, a
/// bigram) is left out: the field only tells forms of one stem apart.
///
/// Why: tantivy indexes on one thread per segment, and analyzing passage
/// text was most of that thread's work while podium's own threads waited
/// for it. Analyzing in podium's workers (one per core) and handing tantivy
/// the terms leaves it only the postings to write.
pub fn analyzed_terms(text: &str, out: &mut String, exact: &mut String) {
    out.clear();
    exact.clear();
    // The analyzer's steps called directly (no boxed token streams, terms
    // written straight into `out`): word boundaries, words too long
    // dropped (their positions kept), the term of each.
    let mut words = WordTokenizer::default();
    let mut stream = words.token_stream(text);
    let mut next = 0;
    TERM_CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        while stream.advance() {
            let t = stream.token();
            if t.text.len() >= MAX_TOKEN_BYTES {
                continue;
            }
            while next < t.position {
                out.push(TERM_SEP);
                next += 1;
            }
            let start = out.len();
            normalize_into(&mut cache, &t.text, out);
            let term = &out[start..];
            // Most words are their own term or differ from it only in
            // case: no copy for them.
            if !(t.text.len() == term.len() && t.text.eq_ignore_ascii_case(term)) {
                let from = exact.len();
                exact_form_into(&t.text, exact);
                if exact[from..] == *term || exact.len() == from {
                    exact.truncate(from);
                } else {
                    exact.push(TERM_SEP);
                }
            }
            let others = forms::other_forms(&t.text);
            if !others.is_empty() {
                let mut seen = vec![out[start..].to_string()];
                for form in others {
                    let mut term = String::new();
                    normalize_into(&mut cache, &form, &mut term);
                    if !term.is_empty() && !seen.contains(&term) {
                        out.push(ALT_SEP);
                        out.push_str(&term);
                        seen.push(term);
                    }
                }
            }
            out.push(TERM_SEP);
            next = t.position + 1;
        }
    });
}

/// Reads [`analyzed_terms`]'s output: each entry a token at its position.
/// (Offsets are the entries' own; the index keeps positions only.)
#[derive(Clone, Default)]
pub struct TermsTokenizer {
    token: Token,
}

/// The terms of one [`analyzed_terms`] string.
pub struct TermsStream<'a> {
    text: &'a str,
    at: usize,
    position: usize,
    token: &'a mut Token,
}

impl Tokenizer for TermsTokenizer {
    type TokenStream<'a> = TermsStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> TermsStream<'a> {
        self.token.reset();
        TermsStream {
            text,
            at: 0,
            position: 0,
            token: &mut self.token,
        }
    }
}

impl TokenStream for TermsStream<'_> {
    fn advance(&mut self) -> bool {
        let bytes = self.text.as_bytes();
        while self.at < bytes.len() {
            let from = self.at;
            // Terms are short: a plain loop beats a search routine's setup.
            let mut to = from;
            while to < bytes.len() && bytes[to] != TERM_SEP_BYTE && bytes[to] != ALT_SEP_BYTE {
                to += 1;
            }
            self.at = to + 1;
            let position = self.position;
            // Another form of the same word keeps the position.
            if bytes.get(to) != Some(&ALT_SEP_BYTE) {
                self.position += 1;
            }
            if to > from {
                self.token.position = position;
                self.token.offset_from = from;
                self.token.offset_to = to;
                self.token.text.clear();
                // The separator is ASCII, so both ends are on character
                // boundaries.
                self.token
                    .text
                    .push_str(self.text.get(from..to).unwrap_or_default());
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
