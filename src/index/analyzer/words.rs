//! Words: Unicode word boundaries (UAX #29) with Han runs as overlapping
//! bigrams, and the fast path that applies the rules for ASCII directly.
//!
//! Separate from normalising because it decides positions and offsets,
//! which the fast path must keep exactly as the general segmenter gives
//! them (the tests compare the two).

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation};

use crate::transcript::name::is_cjk;

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
    pub(super) fn general() -> Self {
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

pub(super) fn is_word(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

pub(super) fn is_ideograph_word(s: &str) -> bool {
    let mut chars = s.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if is_cjk(c))
}

/// ASCII whitespace: UAX #29 classes WSegSpace, CR, LF, Newline and (tab)
/// Other, none of which any joining rule looks through.
pub(super) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Whether UAX #29 breaks before `bytes[p]` whatever surrounds it, and
/// segments what follows without looking back: whitespace before it, an
/// ASCII character other than whitespace at it. (No rule joins whitespace
/// to a following letter, digit or punctuation mark — CR × LF and
/// WSegSpace × WSegSpace need whitespace on both sides, and the ignored
/// Extend and Format characters are not ASCII — and no rule's context
/// reaches through whitespace.)
pub(super) fn piece_starts_at(bytes: &[u8], p: usize) -> bool {
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
pub(super) fn next_ascii_word(
    bytes: &[u8],
    cursor: &mut usize,
    end: usize,
) -> Option<(usize, usize)> {
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
