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

//!
//! The steps, each in its own file:
//!
//! - `words.rs`: [`WordTokenizer`], words at Unicode word boundaries, Han
//!   runs as bigrams, with a fast path for ASCII text;
//! - `normalize.rs`: [`Normalize`], lower case, ASCII folding and stemming,
//!   remembered per distinct word in a per-thread cache; and
//!   [`exact_form_into`], the same steps without the stemmer (the `exact`
//!   field: the form of a word as written);
//! - `analyzed.rs`: [`analyzed_terms`] and [`TermsTokenizer`], passage text
//!   analyzed in podium's workers and handed to tantivy as terms.
//!
//! This file puts them together ([`analyzer`], [`register`], [`terms`]).

mod analyzed;
mod normalize;
mod words;

pub use analyzed::{analyzed_terms, TermsStream, TermsTokenizer, TERMS};
pub use normalize::{exact_form_into, Normalize, NormalizeStream, NormalizeTokenizer};
pub use words::{WordStream, WordTokenizer};

use tantivy::tokenizer::{RemoveLongFilter, TextAnalyzer, TokenStream};
use tantivy::Index;

/// The name podium's analyzer is registered under in every index.
pub const ANALYZER: &str = "podium";

/// Tokens longer than this (in bytes) are dropped: URLs, base64, junk.
const MAX_TOKEN_BYTES: usize = 40;

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
    use tantivy::tokenizer::{AsciiFoldingFilter, Language, LowerCaser, Stemmer, Tokenizer};

    use super::*;
    use crate::index::forms;

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
        let mut exact = String::new();
        let mut reader = TermsTokenizer::default();
        for text in &all {
            analyzed_terms(text, &mut terms, &mut exact);
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
        let mut exact = String::new();
        analyzed_terms(
            "She couldn’t see the CPIs, GDP's rise.",
            &mut terms,
            &mut exact,
        );
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
    fn exact_forms_are_the_words_whose_term_is_a_stem() {
        let mut terms = String::new();
        let mut exact = String::new();
        analyzed_terms(
            "Mild growth: Gómez ANNOUNCED the communication, couldn’t wait.",
            &mut terms,
            &mut exact,
        );
        let got: Vec<&str> = exact
            .split(analyzed::TERM_SEP)
            .filter(|s| !s.is_empty())
            .collect();
        // `mild`, `growth`, `gomez`, `the`, `wait` are their own terms (case
        // and accents aside), and so is `couldn’t` once its apostrophe is
        // dropped: only the stemmed words keep their written form.
        assert_eq!(got, ["announced", "communication"]);
    }

    #[test]
    fn analyzer_folds_and_stems() {
        assert_eq!(
            terms("Gómez LISTED Shanghai’s couldn't"),
            ["gomez", "list", "shanghai", "couldnt"]
        );
    }
}
