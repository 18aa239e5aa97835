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

use std::cell::RefCell;

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, Stemmer,
    TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};
use tantivy::Index;
use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation};

use crate::index::forms;
use crate::transcript::name::is_cjk;

/// The name podium's analyzer is registered under in every index.
pub const ANALYZER: &str = "podium";

/// Tokens longer than this (in bytes) are dropped: URLs, base64, junk.
const MAX_TOKEN_BYTES: usize = 40;

/// Splits text into words at Unicode word boundaries, with Han runs as
/// bigrams. See the module docs.
///
/// Pure-ASCII stretches take a fast path that applies the UAX #29 rules
/// for ASCII characters directly (letters, digits, `_`, and `: . '`
/// between letters, `, ; . '` between digits), instead of the general
/// segmenter's table lookups: the same words, at a fraction of the cost
/// (indexing spends most of its time here and in stemming). The text is
/// cut into pieces after ASCII whitespace followed by a printable ASCII
/// character, where UAX #29 always breaks and no rule looks across; each
/// piece is segmented on its own, by the fast path when it is ASCII.
/// Tests compare both paths on the fixtures and on random text.
#[derive(Clone)]
pub struct WordTokenizer {
    token: Token,
    /// Whether ASCII pieces take the fast path (off only in tests, to
    /// compare against the general segmenter).
    fast: bool,
}

impl Default for WordTokenizer {
    fn default() -> Self {
        WordTokenizer {
            token: Token::default(),
            fast: true,
        }
    }
}

impl WordTokenizer {
    /// The tokenizer without the ASCII fast path: every piece through the
    /// general UAX #29 segmenter. The reference the fast path must equal.
    #[cfg(test)]
    fn general() -> Self {
        WordTokenizer {
            token: Token::default(),
            fast: false,
        }
    }
}

/// The stream of one text's words.
pub struct WordStream<'a> {
    text: &'a str,
    fast: bool,
    /// Where the next piece starts.
    next_piece: usize,
    /// The current piece, when it is segmented by UAX #29: its words and
    /// where it starts in `text`.
    words: Option<(usize, UWordBoundIndices<'a>)>,
    /// The current piece, when it is ASCII: the cursor and the end.
    ascii: (usize, usize),
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
        let mut stream = WordStream {
            text,
            fast: self.fast,
            next_piece: text.len(),
            words: None,
            ascii: (0, 0),
            run: Vec::new(),
            run_next: 0,
            run_end: 0,
            token: &mut self.token,
        };
        if !stream.fast {
            stream.words = Some((0, text.split_word_bound_indices()));
        } else if text.is_ascii() {
            // The common case: one piece, all of it on the fast path.
            stream.ascii = (0, text.len());
        } else {
            stream.next_piece = 0;
        }
        stream
    }
}

fn is_word(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

fn is_ideograph_word(s: &str) -> bool {
    let mut chars = s.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if is_cjk(c))
}

/// ASCII whitespace: UAX #29 classes WSegSpace, CR, LF, Newline and (tab)
/// Other, none of which any joining rule looks through.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Whether UAX #29 breaks before `bytes[p]` whatever surrounds it, and
/// segments what follows without looking back: whitespace before it, an
/// ASCII character other than whitespace at it. (No rule joins whitespace
/// to a following letter, digit or punctuation mark — CR × LF and
/// WSegSpace × WSegSpace need whitespace on both sides, and the ignored
/// Extend and Format characters are not ASCII — and no rule's context
/// reaches through whitespace.)
fn piece_starts_at(bytes: &[u8], p: usize) -> bool {
    p > 0 && p < bytes.len() && is_ascii_space(bytes[p - 1]) && {
        let b = bytes[p];
        b.is_ascii() && !is_ascii_space(b)
    }
}

/// The next word of ASCII `bytes[*cursor..end]` by the UAX #29 rules for
/// ASCII: letters, digits and `_` join (WB5, WB8–WB10, WB13a/b); `:`, `.`
/// and `'` join two letters (WB6/WB7); `,`, `;`, `.` and `'` join two
/// digits (WB11/WB12); everything else breaks. Segments without a letter
/// or digit (`_`, punctuation, spaces) are skipped, as in the general
/// path.
fn next_ascii_word(bytes: &[u8], cursor: &mut usize, end: usize) -> Option<(usize, usize)> {
    let mut i = *cursor;
    while i < end {
        let b = bytes[i];
        if !(b.is_ascii_alphanumeric() || b == b'_') {
            i += 1;
            continue;
        }
        let start = i;
        let mut alnum = b != b'_';
        i += 1;
        while i < end {
            let c = bytes[i];
            if c.is_ascii_alphanumeric() || c == b'_' {
                alnum |= c != b'_';
                i += 1;
                continue;
            }
            if i + 1 < end {
                let (prev, next) = (bytes[i - 1], bytes[i + 1]);
                let letters = prev.is_ascii_alphabetic()
                    && next.is_ascii_alphabetic()
                    && matches!(c, b':' | b'.' | b'\'');
                let digits = prev.is_ascii_digit()
                    && next.is_ascii_digit()
                    && matches!(c, b',' | b';' | b'.' | b'\'');
                if letters || digits {
                    i += 2;
                    continue;
                }
            }
            break;
        }
        if alnum {
            *cursor = i;
            return Some((start, i));
        }
    }
    *cursor = end;
    None
}

impl<'a> WordStream<'a> {
    /// Emits the word at `from..to`; `ascii` when it is known to be ASCII
    /// (no curly apostrophe to look for).
    fn emit(&mut self, from: usize, to: usize, ascii: bool) {
        self.token.position = self.token.position.wrapping_add(1);
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.token.text.clear();
        let word = &self.text[from..to];
        if !ascii && word.contains('\u{2019}') {
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
            self.emit(self.run[0], self.run_end, false);
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
        self.emit(self.run[i], to, false);
        true
    }

    /// Moves on to the next piece: `false` at the end of the text.
    fn open_piece(&mut self) -> bool {
        let text: &'a str = self.text;
        let bytes = text.as_bytes();
        let start = self.next_piece;
        if start >= bytes.len() {
            return false;
        }
        // The ASCII stretch from `start`, and the last piece start in it.
        let ascii_end = bytes[start..]
            .iter()
            .position(|b| !b.is_ascii())
            .map_or(bytes.len(), |i| start + i);
        if ascii_end == bytes.len() {
            self.ascii = (start, ascii_end);
            self.next_piece = ascii_end;
            return true;
        }
        if let Some(p) = (start + 1..=ascii_end)
            .rev()
            .find(|&p| piece_starts_at(bytes, p))
        {
            self.ascii = (start, p);
            self.next_piece = p;
            return true;
        }
        // A piece with non-ASCII text: to the next piece start after it.
        let end = (ascii_end + 1..bytes.len())
            .find(|&p| piece_starts_at(bytes, p))
            .unwrap_or(bytes.len());
        self.words = Some((start, text[start..end].split_word_bound_indices()));
        self.next_piece = end;
        true
    }

    /// The next segment of a general piece, with its offset in the text.
    fn next_general(&mut self) -> Option<(usize, &'a str)> {
        let (base, words) = self.words.as_mut()?;
        match words.next() {
            Some((f, w)) => Some((*base + f, w)),
            None => {
                self.words = None;
                None
            }
        }
    }

    /// The next segment of the current general piece if it continues a
    /// run of ideographs ending at `at`, consumed.
    fn next_ideograph_at(&mut self, at: usize) -> Option<(usize, &'a str)> {
        let (base, words) = self.words.as_mut()?;
        let (f, w) = words.clone().next()?;
        if *base + f == at && is_ideograph_word(w) {
            words.next();
            Some((*base + f, w))
        } else {
            None
        }
    }
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        if self.next_from_run() {
            return true;
        }
        self.run.clear();
        self.run_next = 0;
        loop {
            let (cursor, end) = self.ascii;
            if cursor < end {
                let mut c = cursor;
                let found = next_ascii_word(self.text.as_bytes(), &mut c, end);
                self.ascii.0 = c;
                if let Some((from, to)) = found {
                    self.emit(from, to, true);
                    return true;
                }
                continue;
            }
            if self.words.is_some() {
                while let Some((from, word)) = self.next_general() {
                    if is_ideograph_word(word) {
                        // Collect the whole run of adjacent ideographs.
                        self.run.push(from);
                        self.run_end = from + word.len();
                        while let Some((f, w)) = self.next_ideograph_at(self.run_end) {
                            self.run.push(f);
                            self.run_end = f + w.len();
                        }
                        return self.next_from_run();
                    }
                    if is_word(word) {
                        self.emit(from, from + word.len(), false);
                        return true;
                    }
                }
                continue;
            }
            if !self.open_piece() {
                return false;
            }
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Longest word, and longest term, the cache keeps (bytes). Longer words
/// are rare and simply not remembered.
const CACHED_BYTES: usize = 24;

/// Most slots the cache grows to per thread (64 bytes each, 16 MB):
/// enough for a corpus's common vocabulary (a Zipf distribution: the first
/// words met are most of the tokens). It is kept at most half full.
const CACHE_SLOTS: usize = 1 << 18;

/// A word as three little-endian 64-bit words, zero-padded.
type Key = [u64; 3];

/// One remembered word and its term, stored inline, one cache line per
/// slot: a lookup reads one line and compares three integers, rather than
/// following pointers to heap strings.
#[derive(Clone, Copy)]
#[repr(align(64))]
struct Slot {
    /// 0 for an empty slot (hashes are made odd).
    hash: u64,
    word: Key,
    term: [u8; CACHED_BYTES],
    word_len: u8,
    term_len: u8,
}

const EMPTY: Slot = Slot {
    hash: 0,
    word: [0; 3],
    term: [0; CACHED_BYTES],
    word_len: 0,
    term_len: 0,
};

/// Word → term, open addressing with linear probing.
struct TermCache {
    slots: Vec<Slot>,
    used: usize,
}

impl TermCache {
    fn new() -> TermCache {
        TermCache {
            slots: vec![EMPTY; 1 << 10],
            used: 0,
        }
    }

    /// A word packed into integers, and its hash (odd); `None` when it is
    /// too long to be kept.
    fn key(word: &str) -> Option<(Key, u64)> {
        let bytes = word.as_bytes();
        if bytes.len() > CACHED_BYTES {
            return None;
        }
        let mut key: Key = [0; 3];
        for (i, &b) in bytes.iter().enumerate() {
            key[i >> 3] |= u64::from(b) << ((i & 7) * 8);
        }
        let mut h = (bytes.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        for w in key {
            h = (h ^ w).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            h ^= h >> 31;
        }
        Some((key, h | 1))
    }

    fn get(&self, key: &Key, len: usize, hash: u64) -> Option<&[u8]> {
        let mask = self.slots.len() - 1;
        let mut i = (hash >> 7) as usize & mask;
        loop {
            let s = &self.slots[i];
            if s.hash == 0 {
                return None;
            }
            if s.hash == hash && usize::from(s.word_len) == len && s.word == *key {
                return Some(&s.term[..usize::from(s.term_len)]);
            }
            i = (i + 1) & mask;
        }
    }

    fn insert(&mut self, key: Key, len: usize, hash: u64, term: &str) {
        if term.len() > CACHED_BYTES {
            return;
        }
        if (self.used + 1) * 2 > self.slots.len() {
            if self.slots.len() >= CACHE_SLOTS {
                return;
            }
            let bigger = vec![EMPTY; self.slots.len() * 2];
            let old = std::mem::replace(&mut self.slots, bigger);
            self.used = 0;
            for s in old.into_iter().filter(|s| s.hash != 0) {
                self.place(s);
            }
        }
        let mut slot = Slot {
            hash,
            word: key,
            term: [0; CACHED_BYTES],
            word_len: len as u8,
            term_len: term.len() as u8,
        };
        slot.term[..term.len()].copy_from_slice(term.as_bytes());
        self.place(slot);
    }

    fn place(&mut self, slot: Slot) {
        let mask = self.slots.len() - 1;
        let mut i = (slot.hash >> 7) as usize & mask;
        while self.slots[i].hash != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = slot;
        self.used += 1;
    }
}

thread_local! {
    /// Each word's term, per thread: tantivy gives every new segment a
    /// fresh copy of the analyzer, and an indexing thread writes many
    /// segments of one corpus.
    static TERM_CACHE: RefCell<TermCache> = RefCell::new(TermCache::new());
}

/// Lower case, ASCII folding and English stemming of one word, remembered
/// per distinct word.
///
/// A word's term depends on nothing but the word, and stemming costs more
/// than anything else in indexing, so each distinct word is run through
/// tantivy's own filters ([`LowerCaser`], [`AsciiFoldingFilter`],
/// [`Stemmer`]) once per thread and the result reused: the terms are those
/// filters' terms by construction.
#[derive(Clone, Copy, Default)]
pub struct Normalize;

/// [`Normalize`] applied to a tokenizer's words.
#[derive(Clone)]
pub struct NormalizeTokenizer<T> {
    inner: T,
}

/// The words of a [`NormalizeTokenizer`].
pub struct NormalizeStream<T> {
    tail: T,
    term: String,
}

/// tantivy's lower-casing, folding and stemming of a whole text as one
/// token: what [`Normalize`] computes once per word.
fn word_filters() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(forms::DropApostrophes)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// The term of `word`, computed: what tantivy's filters make of it.
fn compute_term(word: &str) -> String {
    if word.is_ascii() {
        // What the filters do to an ASCII word: lower case (folding leaves
        // ASCII alone), apostrophes dropped (`couldn't` is `couldnt` to a
        // reader: see [`forms`]), then the same English stemmer, called
        // directly.
        let mut lower = forms::without_apostrophes(word).into_owned();
        lower.make_ascii_lowercase();
        let stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
        return match stemmer.stem(&lower) {
            std::borrow::Cow::Borrowed(same) if same.len() == lower.len() => lower,
            stem => stem.into_owned(),
        };
    }
    thread_local! {
        static FILTERS: RefCell<TextAnalyzer> = RefCell::new(word_filters());
    }
    FILTERS.with(|f| {
        let mut f = f.borrow_mut();
        let mut words = f.token_stream(word);
        match words.next() {
            Some(t) => t.text.clone(),
            None => String::new(),
        }
    })
}

/// Appends the term of `word` to `out`, from `cache` or computed (and
/// then remembered).
fn normalize_into(cache: &mut TermCache, word: &str, out: &mut String) {
    let key = TermCache::key(word);
    if let Some((key, hash)) = &key {
        if let Some(term) = cache.get(key, word.len(), *hash) {
            // A term is kept whole (never cut inside a character).
            out.push_str(std::str::from_utf8(term).unwrap_or_default());
            return;
        }
    }
    let term = compute_term(word);
    if let Some((key, hash)) = key {
        cache.insert(key, word.len(), hash, &term);
    }
    out.push_str(&term);
}

impl TokenFilter for Normalize {
    type Tokenizer<T: Tokenizer> = NormalizeTokenizer<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> NormalizeTokenizer<T> {
        NormalizeTokenizer { inner }
    }
}

impl<T: Tokenizer> Tokenizer for NormalizeTokenizer<T> {
    type TokenStream<'a> = NormalizeStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        NormalizeStream {
            tail: self.inner.token_stream(text),
            term: String::new(),
        }
    }
}

impl<T: TokenStream> TokenStream for NormalizeStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        self.term.clear();
        TERM_CACHE
            .with(|cache| normalize_into(&mut cache.borrow_mut(), &token.text, &mut self.term));
        std::mem::swap(&mut token.text, &mut self.term);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Podium's analyzer: word boundaries, lower case, ASCII folding, English
/// stemming (the last three by [`Normalize`], once per distinct word).
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(Normalize)
        .build()
}

/// Registers podium's analyzers on an index; required after every open.
pub fn register(index: &Index) {
    index.tokenizers().register(ANALYZER, analyzer());
    index
        .tokenizers()
        .register(TERMS, TermsTokenizer::default());
}

/// The name of the tokenizer of passage text: it reads terms that podium
/// analyzed before handing the document to tantivy ([`analyzed_terms`]).
pub const TERMS: &str = "podium_terms";

/// Separates terms in [`analyzed_terms`]'s output: a control character,
/// which no word contains.
const TERM_SEP: char = '\u{1f}';
const TERM_SEP_BYTE: u8 = 0x1f;

/// Separates the terms of one position in [`analyzed_terms`]'s output:
/// a word's term, then the terms of its other forms ([`forms`]).
const ALT_SEP: char = '\u{1e}';
const ALT_SEP_BYTE: u8 = 0x1e;

/// Passage text as [`analyzer`] indexes it, written as terms in position
/// order, each followed by [`TERM_SEP`]; a position without a term (a word
/// too long to index) is an empty entry. A word with other forms people
/// type (`couldn’t`: `couldn`, `could`, `not`; see [`forms`]) has their
/// terms after its own at the same position, each after [`ALT_SEP`]. [`TermsTokenizer`] reads it back
/// into the same terms at the same positions.
///
/// Why: tantivy indexes on one thread per segment, and analyzing passage
/// text was most of that thread's work while podium's own threads waited
/// for it. Analyzing in podium's workers (one per core) and handing tantivy
/// the terms leaves it only the postings to write.
pub fn analyzed_terms(text: &str, out: &mut String) {
    out.clear();
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
        tokens_of(WordTokenizer::default(), text)
    }

    /// Text, position and offsets of every token `t` makes of `text`.
    fn tokens_of(mut t: WordTokenizer, text: &str) -> Vec<(String, usize, usize, usize)> {
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

    /// The analyzer as it was before the fast paths: the general segmenter
    /// and tantivy's filters on every token.
    fn reference() -> TextAnalyzer {
        TextAnalyzer::builder(WordTokenizer::general())
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(forms::DropApostrophes)
            .filter(Stemmer::new(Language::English))
            .build()
    }

    fn stream(a: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut s = a.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = s.next() {
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        out
    }

    /// Every text file under `dir`, recursively.
    /// Every file under `dir`, as text. A folder that cannot be read
    /// fails the test rather than giving it nothing to compare.
    fn texts(dir: &std::path::Path, out: &mut Vec<String>) {
        let entries = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("cannot read the texts in {}: {e}", dir.display()));
        for e in entries.flatten() {
            let path = e.path();
            if path.is_dir() {
                texts(&path, out);
            } else if let Ok(t) = std::fs::read_to_string(&path) {
                out.push(t);
            }
        }
    }

    /// Random text over characters that exercise every word-boundary rule
    /// the fast path reimplements, and the pieces' edges: ASCII
    /// punctuation and whitespace, accents, curly apostrophes, a combining
    /// mark, no-break and ideographic spaces, zero-width joiners, Han,
    /// katakana, Hebrew, full-width punctuation, an emoji.
    fn random_texts(n: usize, seed: u64) -> Vec<String> {
        const ALPHABET: &[&str] = &[
            "a", "B", "z", "Q", "e", "0", "7", "9", "_", ":", ".", "'", ",", ";", "\"", "-", "(",
            ")", "!", "?", "/", "#", "$", "%", "&", "*", "+", "=", "@", "[", "]", "`", "~", " ",
            "  ", "\t", "\n", "\r\n", "\r", "\u{b}", "\u{c}", "\u{1}", "\u{7f}", "é", "É", "ß",
            "\u{2019}", "\u{2018}", "\u{301}", "\u{a0}", "\u{3000}", "\u{200d}", "\u{200b}",
            "\u{feff}", "\u{2014}", "中", "国", "科", "カ", "タ", "א", "\u{5f4}", "：", "，", "１",
            "😀", "ﬁ", "İ", "Σ", "word", "U.S.", "37,000", "listed", "Shanghai",
        ];
        let mut rng = crate::generate::Rng::new(seed);
        (0..n)
            .map(|_| {
                let len = 1 + rng.below(40);
                (0..len).map(|_| *rng.pick(ALPHABET)).collect()
            })
            .collect()
    }

    #[test]
    fn fast_paths_give_the_reference_tokens() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut all = Vec::new();
        texts(&root.join("tests/fixtures"), &mut all);
        texts(&root.join("seeds"), &mut all);
        assert!(all.len() > 30, "fixtures not found");
        let generated = tempfile::tempdir().unwrap();
        crate::generate::generate(
            generated.path(),
            &crate::generate::GenerateOptions {
                passages: 3000,
                seed: 7,
                threads: 1,
                ..Default::default()
            },
        )
        .unwrap();
        texts(generated.path(), &mut all);
        // Paragraph by paragraph too, as passages are indexed.
        let paragraphs: Vec<String> = all
            .iter()
            .flat_map(|t| t.split("\n\n").map(str::to_string).collect::<Vec<_>>())
            .collect();
        all.extend(paragraphs);
        all.extend(random_texts(20_000, 1));
        let mut fast = analyzer();
        let mut slow = reference();
        for text in &all {
            let short: String = text.chars().take(300).collect();
            assert_eq!(
                stream(&mut fast, text),
                stream(&mut slow, text),
                "{short:?}"
            );
            // The plain tokenizer too (prefix queries, snippets).
            assert_eq!(
                tokens(text),
                tokens_of(WordTokenizer::general(), text),
                "{short:?}"
            );
        }
    }

    /// A corpus named by `PODIUM_TOKEN_CORPUS` (say the White House
    /// transcripts), compared the same way. Ignored by default: it needs
    /// the corpus, which a fresh clone does not have; run it with
    /// `PODIUM_TOKEN_CORPUS=DIR cargo test --lib -- --ignored on_a_corpus`.
    #[test]
    #[ignore = "needs a corpus outside the repository (say ../shared/corpora/whitehouse-2021); run with PODIUM_TOKEN_CORPUS=DIR cargo test --lib -- --ignored on_a_corpus"]
    fn fast_paths_give_the_reference_tokens_on_a_corpus() {
        let dir = std::env::var_os("PODIUM_TOKEN_CORPUS")
            .expect("set PODIUM_TOKEN_CORPUS to a folder of transcripts");
        let mut all = Vec::new();
        texts(std::path::Path::new(&dir), &mut all);
        assert!(
            !all.is_empty(),
            "no texts in {}: nothing to compare",
            std::path::Path::new(&dir).display()
        );
        let mut fast = analyzer();
        let mut slow = reference();
        let mut tokens = 0;
        for text in &all {
            let f = stream(&mut fast, text);
            assert_eq!(f, stream(&mut slow, text));
            tokens += f.len();
        }
        eprintln!("{} texts, {tokens} tokens: identical", all.len());
    }

    #[test]
    fn analyzed_terms_read_back_as_the_analyzer_gives_them() {
        let long = "x".repeat(60);
        let mut all = vec![
            String::new(),
            "Shanghai’s listed companies: 上海科创板".to_string(),
            format!("before {long} after {long}"),
            format!("{long} first"),
            format!("last {long}"),
        ];
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        texts(&root.join("tests/fixtures"), &mut all);
        all.extend(random_texts(5_000, 2));
        let mut a = analyzer();
        let mut terms = String::new();
        let mut reader = TermsTokenizer::default();
        for text in &all {
            analyzed_terms(text, &mut terms);
            let want: Vec<(String, usize)> = stream(&mut a, text)
                .into_iter()
                .map(|(t, p, _, _)| (t, p))
                .collect();
            let mut s = reader.token_stream(&terms);
            let mut got = Vec::new();
            while let Some(t) = s.next() {
                // A word's other forms follow it at its position: the
                // word's own term is the first at each position.
                if got.last().is_some_and(|(_, p)| *p == t.position) {
                    continue;
                }
                got.push((t.text.clone(), t.position));
            }
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn other_forms_are_indexed_at_the_word_position() {
        let mut terms = String::new();
        analyzed_terms("She couldn’t see the CPIs, GDP's rise.", &mut terms);
        let mut reader = TermsTokenizer::default();
        let mut s = reader.token_stream(&terms);
        let mut got = Vec::new();
        while let Some(t) = s.next() {
            got.push((t.text.clone(), t.position));
        }
        let want: Vec<(String, usize)> = [
            ("she", 0),
            ("couldnt", 1),
            ("couldn", 1),
            ("could", 1),
            ("not", 1),
            ("see", 2),
            ("the", 3),
            ("cpis", 4),
            ("cpi", 4),
            ("gdps", 5),
            ("gdp", 5),
            ("rise", 6),
        ]
        .iter()
        .map(|(t, p)| (t.to_string(), *p))
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn analyzer_folds_and_stems() {
        assert_eq!(
            terms("Gómez LISTED Shanghai’s couldn't"),
            ["gomez", "list", "shanghai", "couldnt"]
        );
    }
}
