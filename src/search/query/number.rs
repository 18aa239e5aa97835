//! A typed word in its other number: the plural of a singular typed, the
//! singular of a plural, where the stemmer does not already make them one
//! term.
//!
//! English Snowball gives `tariff` and `tariffs`, `policy` and `policies`
//! one stem, so most words need nothing here. It leaves two kinds of word
//! apart from their other number, and a reader types both:
//!
//! - **a final s after the word's only vowel** (or after no vowel at all):
//!   Snowball keeps it, so `mRNAs`, `NGOs`, `CDCs` typed in a query do not
//!   find `mRNA`, `NGO`, `CDC`. (The index already gives a passage's
//!   `CPIs` the term of `CPI`, [`crate::index::forms`]; this is the other
//!   direction, the plural typed.) Such a word also searches the word
//!   without the s. `news`, `bias`, `this`, `thus` and three-letter words
//!   (`gas`, `yes`) are left alone: their s is not a plural's.
//! - **a form no passage has**: a plural cut short (`commoditie` for
//!   `commodities`, which Snowball stems to `commoditi` and `commod`), a
//!   plural made twice (`fitses`), a singular whose stem is not its
//!   plural's. When the typed word's own term is in no passage, its other
//!   numbers that are ([`other_numbers`]) are searched instead, so the word
//!   is found rather than dropped to "some of the words". A word that is in
//!   the index keeps its own term only: `doses` must not find `do`.

use tantivy::query::{DisjunctionMaxQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use crate::index::analyzer;

/// The word without a final s that Snowball keeps although it reads as a
/// plural's: the s follows the word's only vowel, or a word of no vowels
/// (`mrnas`, `ngos`, `cdcs`). `None` for every other word, and for words
/// whose s is their own (`news`, `bias`, `this`, `thus`, `class`) or too
/// short to tell (`gas`, `has`, `yes`).
pub fn kept_plural_s(word: &str) -> Option<&str> {
    let body = word.strip_suffix('s')?;
    if body.len() < 3
        || !body.bytes().all(|b| b.is_ascii_alphanumeric())
        || body.ends_with(['s', 'u', 'i'])
    {
        return None;
    }
    let is_vowel = |b: u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let bytes = body.as_bytes();
    let before_last = &bytes[..bytes.len() - 1];
    before_last.iter().all(|&b| !is_vowel(b)).then_some(body)
}

/// The forms of `word` (lower case) in the other number, as a reader might
/// have meant them: `-ies` → `-y`; `-ie` → `-ies`, `-y`; `-es` → without
/// `es` and without `s`; `-s` → without it; any other word → `-s`, `-es`.
/// Candidates only: the caller keeps those the index has.
pub fn other_numbers(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    if !word.is_ascii() || word.len() < 3 {
        return out;
    }
    if let Some(stem) = word.strip_suffix("ies") {
        out.push(format!("{stem}y"));
    } else if let Some(stem) = word.strip_suffix("ie") {
        out.push(format!("{word}s"));
        out.push(format!("{stem}y"));
    } else if let Some(stem) = word.strip_suffix("es") {
        out.push(stem.to_string());
        out.push(word[..word.len() - 1].to_string());
    } else if let Some(stem) = word.strip_suffix('s') {
        out.push(stem.to_string());
    } else {
        out.push(format!("{word}s"));
        out.push(format!("{word}es"));
    }
    out
}

/// The terms to search for a word typed as `typed` whose term is `term`:
/// `term` itself first, then the terms of its other number that the rules
/// of the module docs add and the index has. When `term` is in no passage
/// and another number is, only the others (the first of them stands for
/// the word in proximity and in "which words no passage has").
pub fn searched_terms(searcher: &Searcher, field: Field, typed: &str, term: &str) -> Vec<String> {
    let df = |t: &str| {
        searcher
            .doc_freq(&Term::from_field_text(field, t))
            .unwrap_or(0)
    };
    let typed = typed.to_lowercase();
    let mut out = vec![term.to_string()];
    let add = |out: &mut Vec<String>, form: &str| {
        if let [t] = analyzer::terms(form).as_slice() {
            if !out.contains(t) && df(t) > 0 {
                out.push(t.clone());
            }
        }
    };
    if let Some(body) = kept_plural_s(&typed) {
        if term.ends_with('s') {
            add(&mut out, body);
        }
    }
    if df(term) == 0 {
        for form in other_numbers(&typed) {
            add(&mut out, &form);
        }
        if out.len() > 1 {
            out.remove(0);
        }
    }
    out
}

/// One term, or the best-scoring of several (each scored with its own idf:
/// a passage with the form typed, rarer, comes before one with the other).
pub fn any_term(field: Field, terms: &[String]) -> Box<dyn Query> {
    let query = |t: &String| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, t),
            IndexRecordOption::WithFreqs,
        ))
    };
    match terms {
        [one] => query(one),
        _ => Box::new(DisjunctionMaxQuery::new(terms.iter().map(query).collect())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_s_after_the_only_vowel_is_a_plurals() {
        for (word, body) in [("mrnas", "mrna"), ("ngos", "ngo"), ("cdcs", "cdc")] {
            assert_eq!(kept_plural_s(word), Some(body), "{word}");
        }
        for word in [
            "news", "bias", "this", "thus", "class", "gas", "yes", "tariffs", "mrna",
        ] {
            assert_eq!(kept_plural_s(word), None, "{word}");
        }
    }

    #[test]
    fn other_numbers_of_each_ending() {
        assert_eq!(other_numbers("commoditie"), ["commodities", "commodity"]);
        assert_eq!(other_numbers("policies"), ["policy"]);
        assert_eq!(other_numbers("fitses"), ["fits", "fitse"]);
        assert_eq!(other_numbers("tariffs"), ["tariff"]);
        assert_eq!(other_numbers("tariff"), ["tariffs", "tariffes"]);
        assert!(other_numbers("gé").is_empty());
    }

    #[test]
    fn the_stems_the_rules_are_for_differ() {
        // Why the rules exist: Snowball leaves these pairs apart.
        let stem = |w: &str| analyzer::terms(w).pop().unwrap_or_default();
        assert_ne!(stem("mrnas"), stem("mrna"));
        assert_ne!(stem("commoditie"), stem("commodities"));
        assert_ne!(stem("fitses"), stem("fits"));
        assert_eq!(stem("tariffs"), stem("tariff"));
    }
}
