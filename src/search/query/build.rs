//! A query tree → a tantivy query, with synonyms, proximity and prefixes.
//!
//! - A run of bare words in a conjunction: every word is required; the
//!   words typed next to each other add proximity clauses (see
//!   [`rank`](crate::search::rank)); a sequence of words that is a name in
//!   the synonym map becomes "this name or any other name of the entity".
//! - `"phrase"`: the words in that order (stems, so `"listed companies"`
//!   finds "listing companies"); no synonyms — quotes mean these words.
//! - `word*` / `"phrase word*"`: every indexed word that starts so.
//! - `speaker:`, `role:`, `title:` narrow the results without scoring: the
//!   ranking stays about what was said.
//! - `-x` excludes; a query of exclusions only is "every passage but".
//!
//! This file holds the tree walk and the words' clauses (runs, synonyms,
//! phrases, relaxing to "any of the words"); the field clauses are in
//! `build/fields.rs` and the expansion of prefixes in `build/prefix.rs`.

use std::cell::RefCell;
use std::collections::BTreeMap;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, Occur, PhraseQuery,
    Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, TextAnalyzer, TokenStream,
};
use tantivy::{Searcher, Term};

use super::boosted::Boosted;
use super::exclude::Excluded;
use super::lex::FieldName;
use super::parse::{column, Leaf, Node, Note};
use super::{number, proximity};
use crate::error::Result;
use crate::index::analyzer::{self, WordTokenizer};
use crate::index::PodiumIndex;
use crate::search::rank::{
    COORD_BONUS, EXACT_WEIGHT, NEAR_BOOST, PAIR_BOOST, SYNONYM_TIE_BREAKER, SYNONYM_WEIGHT,
};
use crate::search::synonyms::Synonyms;

mod fields;
mod prefix;

pub use fields::parse_role;

/// A prefix must have this many characters: `a*` would be every word.
pub const MIN_PREFIX_CHARS: usize = 2;

thread_local! {
    /// The index analyzer (stems), built once per thread.
    static STEMMED: RefCell<TextAnalyzer> = RefCell::new(analyzer::analyzer());
    /// The same without stemming, for prefixes: `investm*` must not be
    /// stemmed to something shorter or longer than typed.
    static PLAIN: RefCell<TextAnalyzer> = RefCell::new(
        TextAnalyzer::builder(WordTokenizer::default())
            // The index analyzer's long-token limit, so tokens line up.
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build(),
    );
}

/// One analyzed token of a query leaf.
#[derive(Debug, Clone)]
struct Tok {
    text: String,
    position: usize,
    /// Byte span in the query.
    start: usize,
    end: usize,
}

fn analyze(stemmed: bool, text: &str, base: usize) -> Vec<Tok> {
    let run = |a: &mut TextAnalyzer| {
        let mut s = a.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = s.next() {
            out.push(Tok {
                text: t.text.clone(),
                position: t.position,
                start: base + t.offset_from,
                end: base + t.offset_to,
            });
        }
        out
    };
    if stemmed {
        STEMMED.with(|a| run(&mut a.borrow_mut()))
    } else {
        PLAIN.with(|a| run(&mut a.borrow_mut()))
    }
}

/// A word the user typed as something to find, kept for "did you mean" and
/// for saying which words no passage has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typed {
    /// Byte span in the query.
    pub start: usize,
    pub end: usize,
    pub field: Field,
    /// The index term it was analyzed to.
    pub term: String,
}

/// A clause and whether it contributes to the score.
struct Clause {
    query: Box<dyn Query>,
    scoring: bool,
}

impl Clause {
    fn scoring(query: Box<dyn Query>) -> Clause {
        Clause {
            query,
            scoring: true,
        }
    }

    /// Narrows without scoring.
    fn filter(query: Box<dyn Query>) -> Clause {
        Clause {
            query: Box::new(ConstScoreQuery::new(query, 0.0)),
            scoring: false,
        }
    }
}

/// The parts of a conjunction, kept so the top level can be relaxed to
/// "any of the words" when no passage has them all.
#[derive(Default)]
struct AndParts {
    must: Vec<Clause>,
    should: Vec<Box<dyn Query>>,
    must_not: Vec<Box<dyn Query>>,
}

impl AndParts {
    fn query(&self) -> Option<Box<dyn Query>> {
        let mut must: Vec<Box<dyn Query>> = self.must.iter().map(|c| c.query.box_clone()).collect();
        if must.is_empty() {
            if self.must_not.is_empty() {
                return None;
            }
            // Exclusions only: everything but.
            must.push(Box::new(ConstScoreQuery::new(Box::new(AllQuery), 0.0)));
        }
        if must.len() == 1 && self.must_not.is_empty() {
            return must.pop().map(|only| self.boosted(only));
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> =
            must.into_iter().map(|q| (Occur::Must, q)).collect();
        clauses.extend(
            self.must_not
                .iter()
                .map(|q| (Occur::MustNot, q.box_clone())),
        );
        Some(self.boosted(Box::new(BooleanQuery::new(clauses))))
    }

    /// `required` with the proximity clauses as boosts of its matches
    /// (see [`Boosted`] for why they are not `Should` clauses).
    fn boosted(&self, required: Box<dyn Query>) -> Box<dyn Query> {
        if self.should.is_empty() {
            return required;
        }
        let boosts = self.should.iter().map(|q| q.box_clone()).collect();
        Box::new(Boosted::new(required, boosts))
    }

    /// Any of the scoring clauses (at least one), the others still
    /// required, ranked by how many of them match first
    /// ([`COORD_BONUS`]); `None` when that would not differ.
    fn relaxed(&self) -> Option<Box<dyn Query>> {
        let scoring = self.must.iter().filter(|c| c.scoring).count();
        if scoring < 2 {
            return None;
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for c in &self.must {
            if c.scoring {
                clauses.push((Occur::Should, c.query.box_clone()));
                // Counts the word: passages with more of the words first.
                clauses.push((
                    Occur::Should,
                    Box::new(ConstScoreQuery::new(c.query.box_clone(), COORD_BONUS)),
                ));
            } else {
                clauses.push((Occur::Must, c.query.box_clone()));
            }
        }
        clauses.extend(
            self.must_not
                .iter()
                .map(|q| (Occur::MustNot, q.box_clone())),
        );
        // A proximity match implies its two words match, so leaving the
        // boosts out of "at least one" changes no match.
        Some(
            self.boosted(Box::new(BooleanQuery::with_minimum_required_clauses(
                clauses, 1,
            ))),
        )
    }
}

/// What [`compile`] produces.
pub struct Compiled {
    pub query: Box<dyn Query>,
    /// The top-level words with any of them enough, for when no passage has
    /// them all; `None` when that would not differ.
    pub relaxed: Option<Box<dyn Query>>,
    /// Text-field terms to highlight, with a weight (rarer is heavier).
    pub highlight: BTreeMap<String, f32>,
    /// Names of several words (a synonym's `Science and Technology
    /// Innovation Board`) to highlight only where all their terms stand
    /// together, each term with its weight: their words alone (`Board` in
    /// `Main Board`) were not searched for.
    pub phrases: Vec<Vec<(String, f32)>>,
    /// Every term typed to be found (not excluded), in query order.
    pub typed: Vec<Typed>,
    /// How parts of the query were read, rendered with their columns.
    pub notes: Vec<String>,
}

struct Builder<'a> {
    index: &'a PodiumIndex,
    searcher: &'a Searcher,
    synonyms: &'a Synonyms,
    input: &'a str,
    highlight: BTreeMap<String, f32>,
    phrases: Vec<Vec<(String, f32)>>,
    typed: Vec<Typed>,
    notes: Vec<Note>,
}

/// Compiles a parsed query. Errors (an unknown speaker or role in a field)
/// name the column. `Ok(Err(notes))` when nothing searchable was left, with
/// the notes that say why.
pub fn compile(
    index: &PodiumIndex,
    searcher: &Searcher,
    synonyms: &Synonyms,
    input: &str,
    root: &Node,
) -> Result<std::result::Result<Compiled, Vec<String>>> {
    let mut b = Builder {
        index,
        searcher,
        synonyms,
        input,
        highlight: BTreeMap::new(),
        phrases: Vec::new(),
        typed: Vec::new(),
        notes: Vec::new(),
    };
    let (query, relaxed) = match root {
        Node::And(children) => {
            let parts = b.and_parts(children, true)?;
            (parts.query(), parts.relaxed())
        }
        other => (b.node(other, true)?.map(|c| c.query), None),
    };
    let notes: Vec<String> = b.notes.iter().map(|n| n.render(input)).collect();
    let Some(query) = query else {
        return Ok(Err(notes));
    };
    Ok(Ok(Compiled {
        query,
        relaxed,
        highlight: b.highlight,
        phrases: b.phrases,
        typed: b.typed,
        notes,
    }))
}

/// BM25's inverse document frequency, as tantivy computes it.
fn idf(doc_freq: u64, num_docs: u64) -> f32 {
    let n = num_docs as f32;
    let df = doc_freq as f32;
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

impl Builder<'_> {
    fn note(&mut self, at: usize, message: impl Into<String>) {
        self.notes.push(Note {
            at,
            message: message.into(),
        });
    }

    fn col(&self, at: usize) -> usize {
        column(self.input, at)
    }

    fn doc_freq(&self, term: &Term) -> u64 {
        self.searcher.doc_freq(term).unwrap_or(0)
    }

    fn idf(&self, term: &Term) -> f32 {
        idf(self.doc_freq(term), self.searcher.num_docs())
    }

    fn remember(&mut self, field: Field, toks: &[Tok], highlight: bool) {
        for t in toks {
            self.typed.push(Typed {
                start: t.start,
                end: t.end,
                field,
                term: t.text.clone(),
            });
            if highlight && field == self.index.fields.text {
                self.highlight_term(&t.text);
            }
        }
    }

    fn highlight_term(&mut self, text: &str) {
        let df = self.doc_freq(&Term::from_field_text(self.index.fields.text, text));
        if df > 0 {
            self.highlight
                .insert(text.to_string(), 1.0 / (1.0 + df as f32));
        }
    }

    fn node(&mut self, node: &Node, positive: bool) -> Result<Option<Clause>> {
        match node {
            // A bare word on its own (the whole query, or one side of an
            // OR) still gets synonyms: it is a run of one word.
            Node::Leaf(l) if is_bare_word(l) => {
                let parts = self.and_parts(std::slice::from_ref(node), positive)?;
                Ok(parts.query().map(Clause::scoring))
            }
            Node::Leaf(l) => self.leaf(l, positive),
            Node::Not(inner) => {
                let Some(c) = self.node(inner, false)? else {
                    return Ok(None);
                };
                let q = BooleanQuery::new(vec![
                    (
                        Occur::Must,
                        Box::new(ConstScoreQuery::new(Box::new(AllQuery), 0.0)) as Box<dyn Query>,
                    ),
                    (
                        Occur::MustNot,
                        Box::new(Excluded(c.query)) as Box<dyn Query>,
                    ),
                ]);
                Ok(Some(Clause::filter(Box::new(q))))
            }
            Node::Or(children) => {
                let mut built = Vec::new();
                for c in children {
                    if let Some(c) = self.node(c, positive)? {
                        built.push(c);
                    }
                }
                Ok(match built.len() {
                    0 => None,
                    1 => built.pop(),
                    _ => {
                        let scoring = built.iter().any(|c| c.scoring);
                        let q = BooleanQuery::new(
                            built
                                .into_iter()
                                .map(|c| (Occur::Should, c.query))
                                .collect(),
                        );
                        Some(Clause {
                            query: Box::new(q),
                            scoring,
                        })
                    }
                })
            }
            Node::And(children) => {
                let parts = self.and_parts(children, positive)?;
                let scoring = parts.must.iter().any(|c| c.scoring);
                Ok(parts.query().map(|query| Clause { query, scoring }))
            }
        }
    }

    /// A conjunction: runs of bare words get synonyms and proximity; other
    /// children are required; exclusions are excluded.
    fn and_parts(&mut self, children: &[Node], positive: bool) -> Result<AndParts> {
        let mut parts = AndParts::default();
        let mut run: Vec<&Leaf> = Vec::new();
        for child in children {
            match child {
                Node::Leaf(l) if is_bare_word(l) => {
                    run.push(l);
                    continue;
                }
                _ => {}
            }
            self.word_run(&run, positive, &mut parts);
            run.clear();
            match child {
                Node::Not(inner) => {
                    if let Some(c) = self.node(inner, false)? {
                        parts.must_not.push(Box::new(Excluded(c.query)));
                    }
                }
                other => {
                    if let Some(c) = self.node(other, positive)? {
                        parts.must.push(c);
                    }
                }
            }
        }
        self.word_run(&run, positive, &mut parts);
        Ok(parts)
    }

    /// Bare words typed one after the other.
    fn word_run(&mut self, run: &[&Leaf], positive: bool, parts: &mut AndParts) {
        let field = self.index.fields.text;
        // Analyze each word; a word with nothing searchable is dropped.
        let mut words: Vec<Vec<Tok>> = Vec::with_capacity(run.len());
        let mut searched: Vec<Vec<String>> = Vec::with_capacity(run.len());
        let mut written: Vec<Option<String>> = Vec::with_capacity(run.len());
        for l in run {
            let mut toks = analyze(true, &l.text, l.start);
            if toks.is_empty() {
                self.note(l.start, format!("ignored {:?}: nothing searchable", l.text));
                continue;
            }
            written.push(match toks.as_slice() {
                [t] => exact_form(&l.text, l.start, t),
                _ => None,
            });
            // One term, maybe in its other number too (`number`); a
            // term in no passage replaced by the other number's.
            let terms = match toks.as_slice() {
                [t] => number::searched_terms(self.searcher, field, &l.text, &t.text),
                _ => Vec::new(),
            };
            if let (Some(first), [t]) = (terms.first(), toks.as_mut_slice()) {
                t.text.clone_from(first);
            }
            words.push(toks);
            searched.push(terms);
        }
        if words.is_empty() {
            return;
        }
        // Proximity over the words as typed.
        let ends: Vec<(String, String)> = words
            .iter()
            .filter_map(|w| Some((w.first()?.text.clone(), w.last()?.text.clone())))
            .collect();
        parts.should.extend(proximity::pairs(field, &ends));
        // Synonym names, longest first, aligned to whole words.
        let mut i = 0;
        while i < words.len() {
            if let Some((j, group, name)) = self.synonym_at(&words, i) {
                let q = self.synonym_clause(&words[i..j], group, name, positive);
                parts.must.push(Clause::scoring(q));
                i = j;
            } else {
                if positive {
                    self.remember(field, &words[i], true);
                    for t in searched[i].iter().skip(1) {
                        self.highlight_term(t);
                    }
                }
                let q = match searched[i].as_slice() {
                    [] => phrase_or_term(field, &words[i]),
                    terms => number::any_term(field, terms),
                };
                parts.must.push(Clause::scoring(q));
                if let (Some(form), [t]) = (&written[i], words[i].as_slice()) {
                    let weight = EXACT_WEIGHT * self.idf(&Term::from_field_text(field, &t.text));
                    parts.should.push(Box::new(ConstScoreQuery::new(
                        Box::new(TermQuery::new(
                            Term::from_field_text(self.index.fields.exact, form),
                            IndexRecordOption::Basic,
                        )),
                        weight,
                    )));
                }
                i += 1;
            }
        }
    }

    /// The synonym name starting at word `i` that ends on a word boundary:
    /// (end word, group, name).
    fn synonym_at(&self, words: &[Vec<Tok>], i: usize) -> Option<(usize, usize, usize)> {
        if self.synonyms.is_empty() {
            return None;
        }
        let flat: Vec<&str> = words[i..]
            .iter()
            .flatten()
            .map(|t| t.text.as_str())
            .collect();
        let m = self.synonyms.longest_match(&flat)?;
        let mut covered = 0;
        for (j, w) in words.iter().enumerate().skip(i) {
            covered += w.len();
            if covered == m.len {
                return Some((j + 1, m.group, m.name));
            }
            if covered > m.len {
                return None;
            }
        }
        None
    }

    /// "These words, or any other name of the entity": a dis-max of the
    /// words typed and each other name, the others weighted so that one
    /// occurrence of another name scores [`SYNONYM_WEIGHT`] of one
    /// occurrence of the words typed, whatever the names' lengths.
    fn synonym_clause(
        &mut self,
        words: &[Vec<Tok>],
        group: usize,
        name: usize,
        positive: bool,
    ) -> Box<dyn Query> {
        let field = self.index.fields.text;
        let mut exact_parts: Vec<Box<dyn Query>> = Vec::new();
        let mut exact_mass = 0.0;
        for (k, w) in words.iter().enumerate() {
            if positive {
                self.remember(field, w, true);
            }
            exact_parts.push(phrase_or_term(field, w));
            for t in w {
                exact_mass += self.idf(&Term::from_field_text(field, &t.text));
            }
            if k > 0 {
                // The words typed together also earn the proximity boosts.
                let pair = [words[k - 1].last(), w.first()];
                let pair_idf: f32 = pair
                    .iter()
                    .flatten()
                    .map(|t| self.idf(&Term::from_field_text(field, &t.text)))
                    .sum();
                exact_mass += (PAIR_BOOST + NEAR_BOOST) * pair_idf;
            }
        }
        let exact: Box<dyn Query> = if exact_parts.len() == 1 {
            exact_parts.remove(0)
        } else {
            Box::new(BooleanQuery::intersection(exact_parts))
        };
        let mut alternatives = vec![exact];
        let names = self.synonyms.group(group).to_vec();
        for (n, other) in names.iter().enumerate() {
            if n == name {
                continue;
            }
            let terms: Vec<Term> = other
                .terms
                .iter()
                .map(|t| Term::from_field_text(field, t))
                .collect();
            let dfs: Vec<u64> = terms.iter().map(|t| self.doc_freq(t)).collect();
            if dfs.contains(&0) {
                continue; // cannot match in this index
            }
            let mass: f32 = dfs
                .iter()
                .map(|&df| idf(df, self.searcher.num_docs()))
                .sum();
            if mass <= 0.0 {
                continue;
            }
            if positive {
                if let [t] = other.terms.as_slice() {
                    self.highlight_term(t);
                } else {
                    let phrase: Vec<(String, f32)> = other
                        .terms
                        .iter()
                        .zip(&dfs)
                        .map(|(t, &df)| (t.clone(), 1.0 / (1.0 + df as f32)))
                        .collect();
                    if !self.phrases.contains(&phrase) {
                        self.phrases.push(phrase);
                    }
                }
            }
            let q: Box<dyn Query> = if terms.len() == 1 {
                Box::new(TermQuery::new(
                    terms[0].clone(),
                    IndexRecordOption::WithFreqs,
                ))
            } else {
                Box::new(PhraseQuery::new(terms))
            };
            let boost = SYNONYM_WEIGHT * exact_mass / mass;
            alternatives.push(Box::new(BoostQuery::new(q, boost)));
        }
        if alternatives.len() == 1 {
            return alternatives.remove(0);
        }
        Box::new(DisjunctionMaxQuery::with_tie_breaker(
            alternatives,
            SYNONYM_TIE_BREAKER,
        ))
    }

    /// Where the text of a leaf starts in the query (after its quote).
    fn text_start(l: &Leaf, input: &str) -> usize {
        if l.quoted {
            input[l.start..]
                .chars()
                .next()
                .map_or(l.start, |c| l.start + c.len_utf8())
        } else {
            l.start
        }
    }

    /// A word, phrase or prefix in a text field.
    fn words_leaf(&mut self, l: &Leaf, field: Field, positive: bool) -> Option<Box<dyn Query>> {
        let base = Self::text_start(l, self.input);
        let toks = analyze(true, &l.text, base);
        if toks.is_empty() {
            self.note(l.start, format!("ignored {:?}: nothing searchable", l.text));
            return None;
        }
        if l.prefix {
            let plain = analyze(false, &l.text, base);
            if let Some(last) = plain.last() {
                if last.text.chars().count() >= MIN_PREFIX_CHARS && plain.len() == toks.len() {
                    return Some(self.prefix_query(field, &toks, last, l, positive));
                }
                self.note(
                    l.start,
                    format!(
                        "'{}*' is too short for a prefix (at least {MIN_PREFIX_CHARS} letters); searched the word itself",
                        last.text
                    ),
                );
            }
        }
        if positive {
            self.remember(field, &toks, true);
        }
        Some(phrase_or_term(field, &toks))
    }
}

/// The word typed as the `exact` field holds it, when its term is another
/// (`announced`, not `announc`); `None` for a word that is its own term,
/// whose passages all have the form typed.
fn exact_form(text: &str, base: usize, tok: &Tok) -> Option<String> {
    let word = text.get(tok.start.checked_sub(base)?..tok.end.checked_sub(base)?)?;
    let mut form = String::new();
    analyzer::exact_form_into(word, &mut form);
    (!form.is_empty() && form != tok.text).then_some(form)
}

/// A word typed without quotes, prefix or field: the unit of runs.
fn is_bare_word(l: &Leaf) -> bool {
    l.field == FieldName::Text && !l.quoted && !l.prefix
}

/// One token: a term; several (`sci-tech`, a quoted phrase): a phrase.
fn phrase_or_term(field: Field, toks: &[Tok]) -> Box<dyn Query> {
    if toks.len() == 1 {
        return Box::new(TermQuery::new(
            Term::from_field_text(field, &toks[0].text),
            IndexRecordOption::WithFreqs,
        ));
    }
    let first = toks[0].position;
    Box::new(PhraseQuery::new_with_offset(
        toks.iter()
            .map(|t| (t.position - first, Term::from_field_text(field, &t.text)))
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idf_matches_bm25() {
        assert!(idf(1, 100) > idf(50, 100));
        assert!(idf(100, 100) > 0.0);
    }

    #[test]
    fn analysis_keeps_query_spans() {
        let t = analyze(true, "Sci-Tech boards", 10);
        let got: Vec<(&str, usize, usize)> = t
            .iter()
            .map(|t| (t.text.as_str(), t.start, t.end))
            .collect();
        assert_eq!(got, [("sci", 10, 13), ("tech", 14, 18), ("board", 19, 25)]);
        let p = analyze(false, "Investm", 0);
        assert_eq!(p[0].text, "investm");
    }
}
