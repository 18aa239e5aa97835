//! Help when a search finds nothing: "did you mean …" from the index's own
//! vocabulary, and which filter removed every hit.
//!
//! This runs only on the no-hits path (or when podium had to fall back to
//! "some of the words"), so it may scan a term dictionary.

use std::collections::HashMap;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{Searcher, TantivyDocument, Term};

use super::filter::Clause;
use super::query::Typed;
use super::speaker::edit_distance;
use crate::index::analyzer;

/// Words shorter than this get no suggestion.
pub const MIN_SUGGEST_CHARS: usize = 3;

/// How many edits a word of `len` characters may be away from a
/// suggestion: one up to five letters (`ferry` is not `carry`), two up to
/// nine, three beyond.
fn allowed_edits(len: usize) -> usize {
    match len {
        0..=5 => 1,
        6..=9 => 2,
        _ => 3,
    }
}

/// Typed terms that are in no passage.
pub fn missing<'a>(searcher: &Searcher, typed: &'a [Typed]) -> Vec<&'a Typed> {
    typed
        .iter()
        .filter(|t| {
            searcher
                .doc_freq(&Term::from_field_text(t.field, &t.term))
                .unwrap_or(0)
                == 0
        })
        .collect()
}

/// The query with every word that is in no passage replaced by the closest
/// indexed word (as it is written in a passage), or `None` when there is
/// nothing to suggest.
pub fn did_you_mean(searcher: &Searcher, input: &str, typed: &[Typed]) -> Option<String> {
    let mut replacements: Vec<(usize, usize, String)> = Vec::new();
    for t in missing(searcher, typed) {
        // One- and two-letter words and numbers have too many neighbours
        // for a suggestion to mean anything.
        if t.term.chars().count() < MIN_SUGGEST_CHARS || t.term.chars().any(|c| c.is_ascii_digit())
        {
            continue;
        }
        let typed_word = input.get(t.start..t.end).unwrap_or_default();
        let Some(mut word) = closest_word(searcher, t.field, &t.term, typed_word) else {
            continue;
        };
        if typed_word.chars().all(|c| !c.is_uppercase()) {
            word = word.to_lowercase();
        }
        if word != typed_word {
            replacements.push((t.start, t.end, word));
        }
    }
    if replacements.is_empty() {
        return None;
    }
    replacements.sort_by_key(|r| std::cmp::Reverse(r.0));
    let mut out = input.to_string();
    for (start, end, word) in replacements {
        if out.is_char_boundary(start) && out.is_char_boundary(end) && start <= end {
            out.replace_range(start..end, &word);
        }
    }
    close_quote(&mut out);
    Some(out)
}

/// A suggestion is a query to type again, so a quote the query left open
/// (podium read it to the end, and said so in a note) is closed in it:
/// `"capitl market` suggests `"capital market"`, one pair of quotes.
fn close_quote(query: &mut String) {
    use super::query::lex::{lex, Tok};
    let (lexemes, _) = lex(query);
    let open = lexemes.iter().find_map(|l| match l.tok {
        Tok::Phrase { closed: false, .. } => query[l.start..].chars().next(),
        _ => None,
    });
    if let Some(open) = open {
        query.push(match open {
            '\u{201c}' => '\u{201d}',
            '\u{201e}' => '\u{201c}',
            '\u{00ab}' => '\u{00bb}',
            '\u{00bb}' => '\u{00ab}',
            other => other,
        });
    }
}

/// How many stems near the typed word are looked at as words.
const CANDIDATES: usize = 20;

/// The indexed word nearest to what was typed. Index terms are stems
/// (`terminal` is `termin`), and a stem is not a good measure of a
/// misspelling's distance, so the nearest stems (one edit looser than the
/// limit) are turned back into words as written in a passage, and the words
/// are compared with what was typed; among equally near ones, the most
/// frequent wins.
fn closest_word(searcher: &Searcher, field: Field, term: &str, typed: &str) -> Option<String> {
    let len = term.chars().count();
    let loose = allowed_edits(len) + 1;
    let mut stems: HashMap<String, (usize, u64)> = HashMap::new();
    for segment in searcher.segment_readers() {
        let Ok(inverted) = segment.inverted_index(field) else {
            continue;
        };
        let Ok(mut stream) = inverted.terms().stream() else {
            continue;
        };
        while stream.advance() {
            let Ok(candidate) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            let clen = candidate.chars().count();
            if clen.abs_diff(len) > loose || clen < 2 {
                continue;
            }
            let d = edit_distance(term, candidate);
            if d == 0 || d > loose {
                continue;
            }
            let e = stems.entry(candidate.to_string()).or_insert((d, 0));
            e.1 += u64::from(stream.value().doc_freq);
        }
    }
    let mut near: Vec<(String, (usize, u64))> = stems.into_iter().collect();
    near.sort_by(|a, b| {
        (a.1 .0, std::cmp::Reverse(a.1 .1), &a.0).cmp(&(b.1 .0, std::cmp::Reverse(b.1 .1), &b.0))
    });
    let typed = typed.to_lowercase();
    let limit = allowed_edits(typed.chars().count());
    near.into_iter()
        .take(CANDIDATES)
        .flat_map(|(stem, (_, df))| {
            surface_forms(searcher, field, &stem)
                .into_iter()
                .map(move |word| (df, word))
        })
        .filter_map(|(df, word)| {
            let d = edit_distance(&typed, &word.to_lowercase());
            (d <= limit).then_some((d, std::cmp::Reverse(df), word))
        })
        .min()
        .map(|(_, _, w)| w)
}

/// Passages read to find how a stem is written.
const SURFACE_DOCS: usize = 5;

/// How an index term is written in passages that have it: `vaccin` →
/// `vaccine`, `vaccines`, `Vaccinations`. Index terms are stems; a
/// suggestion should be a word.
fn surface_forms(searcher: &Searcher, field: Field, term: &str) -> Vec<String> {
    let q = TermQuery::new(Term::from_field_text(field, term), IndexRecordOption::Basic);
    let Ok(top) = searcher.search(&q, &TopDocs::with_limit(SURFACE_DOCS).order_by_score()) else {
        return Vec::new();
    };
    let mut forms: Vec<String> = Vec::new();
    let mut a = analyzer::analyzer();
    let stored = crate::index::schema::stored_form(searcher.schema(), field);
    for (_, addr) in top {
        let Ok(doc) = searcher.doc::<TantivyDocument>(addr) else {
            continue;
        };
        let Some(text) = doc.get_first(stored).and_then(|v| v.as_str()) else {
            continue;
        };
        let mut stream = a.token_stream(text);
        while let Some(t) = tantivy::tokenizer::TokenStream::next(&mut stream) {
            if t.text == term {
                if let Some(w) = text.get(t.offset_from..t.offset_to) {
                    if !forms.iter().any(|f| f.eq_ignore_ascii_case(w)) {
                        forms.push(w.to_string());
                    }
                }
            }
        }
    }
    forms
}

/// When filters left no hits but the query alone has some: which filter
/// did it, as one sentence. `None` when the query alone matches nothing.
pub fn emptied_by(searcher: &Searcher, query: &dyn Query, filters: &[Clause]) -> Option<String> {
    if filters.is_empty() {
        return None;
    }
    let alone = searcher.search(query, &Count).ok()?;
    if alone == 0 {
        return None;
    }
    let with = |f: &Clause| -> usize {
        let q = BooleanQuery::new(vec![
            (Occur::Must, query.box_clone()),
            (Occur::Must, f.query.box_clone()),
        ]);
        searcher.search(&q, &Count).unwrap_or(0)
    };
    let culprits: Vec<&str> = filters
        .iter()
        .filter(|f| with(f) == 0)
        .map(|f| f.flag.as_str())
        .collect();
    let matching = format!(
        "{alone} passage{} match{} the query without filters",
        if alone == 1 { "" } else { "s" },
        if alone == 1 { "es" } else { "" }
    );
    Some(if culprits.is_empty() {
        format!("{matching}; each filter alone keeps some of them, but together they keep none")
    } else {
        format!(
            "{matching}; none of them passes {}",
            culprits.join(", nor ")
        )
    })
}
