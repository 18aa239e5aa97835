//! A word's term: lower case, ASCII folding and English stemming by
//! tantivy's own filters, computed once per distinct word per thread and
//! remembered in an inline, open-addressing cache.
//!
//! Separate from finding words: a term depends on the word alone, which is
//! what makes remembering it sound.

use std::cell::RefCell;

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, Stemmer, TextAnalyzer, Token,
    TokenFilter, TokenStream, Tokenizer,
};

use crate::index::forms;

/// Longest word, and longest term, the cache keeps (bytes). Longer words
/// are rare and simply not remembered.
pub(super) const CACHED_BYTES: usize = 24;

/// Most slots the cache grows to per thread (64 bytes each, 16 MB):
/// enough for a corpus's common vocabulary (a Zipf distribution: the first
/// words met are most of the tokens). It is kept at most half full.
pub(super) const CACHE_SLOTS: usize = 1 << 18;

/// A word as three little-endian 64-bit words, zero-padded.
pub(super) type Key = [u64; 3];

/// One remembered word and its term, stored inline, one cache line per
/// slot: a lookup reads one line and compares three integers, rather than
/// following pointers to heap strings.
#[derive(Clone, Copy)]
#[repr(align(64))]
pub(super) struct Slot {
    /// 0 for an empty slot (hashes are made odd).
    hash: u64,
    word: Key,
    term: [u8; CACHED_BYTES],
    word_len: u8,
    term_len: u8,
}

pub(super) const EMPTY: Slot = Slot {
    hash: 0,
    word: [0; 3],
    term: [0; CACHED_BYTES],
    word_len: 0,
    term_len: 0,
};

/// Word → term, open addressing with linear probing.
pub(super) struct TermCache {
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
    pub(super) static TERM_CACHE: RefCell<TermCache> = RefCell::new(TermCache::new());
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
pub(super) fn word_filters() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(forms::DropApostrophes)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// The term of `word`, computed: what tantivy's filters make of it.
pub(super) fn compute_term(word: &str) -> String {
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

/// Appends `word` as it is written, without its stem: lower case, folded
/// to ASCII, apostrophes dropped, the term's steps but the last. What the
/// `exact` field indexes and a query's word is matched against there, so
/// that a passage using the form typed (`communication`) can rank above
/// one with another form of the word (`communicated`).
pub fn exact_form_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        // Lower case and no apostrophes is all folding does to ASCII.
        out.extend(
            word.chars()
                .filter(|&c| !forms::is_apostrophe(c))
                .map(|c| c.to_ascii_lowercase()),
        );
        return;
    }
    thread_local! {
        static FILTERS: RefCell<TextAnalyzer> = RefCell::new(
            TextAnalyzer::builder(RawTokenizer::default())
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .filter(forms::DropApostrophes)
                .build(),
        );
    }
    FILTERS.with(|f| {
        let mut f = f.borrow_mut();
        let mut words = f.token_stream(word);
        if let Some(t) = words.next() {
            out.push_str(&t.text);
        }
    });
}

/// Appends the term of `word` to `out`, from `cache` or computed (and
/// then remembered).
pub(super) fn normalize_into(cache: &mut TermCache, word: &str, out: &mut String) {
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
