//! The other forms a reader types for one written word.
//!
//! Transcripts write `couldn’t`, `she’s`, `GDP’s`, `Yellen's` and `CPIs`;
//! people searching them type `couldnt`, `couldn`, `could not`, `she`,
//! `GDP`, `Yellen` and `CPI`. The analyzer drops apostrophes from every
//! term (`couldn't` and `couldnt` are one term, on both sides), and the
//! indexer adds, at the same position as the word, the terms of these
//! other forms, so that each of them finds the word without a synonym list
//! and without changing what a phrase query sees at the next position:
//!
//! - a word with an apostrophe: the part before it (`she’s` → `she`,
//!   `GDP’s` → `GDP`, `couldn’t` → `couldn`);
//! - a negative contraction (`n’t`): the verb and `not` (`couldn’t` →
//!   `could`, `not`; the three irregular verbs `can’t`, `won’t`, `shan’t`
//!   give `can`, `will`, `shall`);
//! - an initialism's plural, capitals and a lower-case `s` (`CPIs`,
//!   `NGOs`): the initialism.
//!
//! ```
//! use podium::index::forms::other_forms;
//!
//! assert_eq!(other_forms("couldn't"), ["couldn", "could", "not"]);
//! assert_eq!(other_forms("GDP’s"), ["GDP"]);
//! assert_eq!(other_forms("CPIs"), ["CPI"]);
//! assert!(other_forms("budget").is_empty());
//! ```

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Whether `c` is an apostrophe as transcripts write it.
pub fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// The other forms of `word` (see the module docs), most specific first;
/// empty for most words, which is the fast path.
pub fn other_forms(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(cut) = word.find(is_apostrophe) {
        let before = &word[..cut];
        let after: String = word[cut..].chars().filter(|&c| !is_apostrophe(c)).collect();
        if before.is_empty() {
            return out;
        }
        out.push(before.to_string());
        if after.eq_ignore_ascii_case("t") {
            if let Some(verb) = before
                .strip_suffix('n')
                .or_else(|| before.strip_suffix('N'))
            {
                let verb = match verb.to_ascii_lowercase().as_str() {
                    "ca" => "can".to_string(),
                    "wo" => "will".to_string(),
                    "sha" => "shall".to_string(),
                    _ => verb.to_string(),
                };
                if !verb.is_empty() {
                    out.push(verb);
                    out.push("not".to_string());
                }
            }
        }
        out.dedup();
        return out;
    }
    if let Some(stem) = word.strip_suffix('s') {
        let letters = stem.chars().count();
        if letters >= 2 && stem.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()) {
            out.push(stem.to_string());
        }
    }
    out
}

/// Drops apostrophes from tokens, before stemming: the token filter form
/// of [`without_apostrophes`], in the analyzer's general path (and in the
/// reference chain its fast path is tested against).
#[derive(Clone, Copy, Default)]
pub struct DropApostrophes;

/// [`DropApostrophes`] over a tokenizer.
#[derive(Clone)]
pub struct DropApostrophesTokenizer<T>(T);

/// The tokens of a [`DropApostrophesTokenizer`].
pub struct DropApostrophesStream<T>(T);

impl TokenFilter for DropApostrophes {
    type Tokenizer<T: Tokenizer> = DropApostrophesTokenizer<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> DropApostrophesTokenizer<T> {
        DropApostrophesTokenizer(inner)
    }
}

impl<T: Tokenizer> Tokenizer for DropApostrophesTokenizer<T> {
    type TokenStream<'a> = DropApostrophesStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        DropApostrophesStream(self.0.token_stream(text))
    }
}

impl<T: TokenStream> TokenStream for DropApostrophesStream<T> {
    fn advance(&mut self) -> bool {
        if !self.0.advance() {
            return false;
        }
        let token = self.0.token_mut();
        if token.text.contains(is_apostrophe) {
            token.text.retain(|c| !is_apostrophe(c));
        }
        true
    }

    fn token(&self) -> &Token {
        self.0.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.0.token_mut()
    }
}

/// `word` without its apostrophes: the form its term is computed from.
pub fn without_apostrophes(word: &str) -> std::borrow::Cow<'_, str> {
    if word.contains(is_apostrophe) {
        std::borrow::Cow::Owned(word.chars().filter(|&c| !is_apostrophe(c)).collect())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contractions_give_the_words_people_type() {
        assert_eq!(other_forms("couldn’t"), ["couldn", "could", "not"]);
        assert_eq!(other_forms("HASN'T"), ["HASN", "HAS", "not"]);
        assert_eq!(other_forms("can't"), ["can", "not"]);
        assert_eq!(other_forms("won’t"), ["won", "will", "not"]);
        assert_eq!(other_forms("they’ll"), ["they"]);
        assert_eq!(other_forms("you'd"), ["you"]);
    }

    #[test]
    fn possessives_and_initialism_plurals_give_the_name() {
        assert_eq!(other_forms("Yellen's"), ["Yellen"]);
        assert_eq!(other_forms("GDP’s"), ["GDP"]);
        assert_eq!(other_forms("CPIs"), ["CPI"]);
        assert_eq!(other_forms("G7s"), ["G7"]);
    }

    #[test]
    fn ordinary_words_have_no_other_form() {
        for w in ["budget", "tariffs", "Is", "US", "As", "s", "'s", "ABCs'"] {
            let forms = other_forms(w);
            assert!(
                forms.iter().all(|f| !f.is_empty()),
                "{w}: empty form in {forms:?}"
            );
        }
        assert!(other_forms("tariffs").is_empty());
        assert!(other_forms("Is").is_empty());
        assert!(other_forms("US").is_empty());
        assert_eq!(without_apostrophes("she’s"), "shes");
        assert_eq!(without_apostrophes("plain"), "plain");
    }
}
