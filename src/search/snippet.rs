//! Snippets: the part of a passage around the matched words.
//!
//! This is tantivy's snippet algorithm (cut the text into windows of
//! [`SNIPPET_CHARS`] bytes, score each window by the weights of the terms
//! it holds, keep the best, highlight its terms) with the analysis made
//! cheap. Snippets are the bulk of a query's cost — every returned passage
//! is tokenized in full — and stemming every word of it was most of that.
//! A stem keeps its word's first letter, so only words whose first letter
//! starts one of the terms sought are stemmed; the others cannot match.
//! The result is the same as analyzing every word (a unit test checks it
//! against tantivy's `SnippetGenerator`).

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};

use tantivy::schema::Field;
use tantivy::tokenizer::{TextAnalyzer, TokenStream, Tokenizer};
use tantivy::Searcher;

use super::Snippet;
use crate::error::Result;
use crate::index::analyzer::{self, WordTokenizer};
use crate::index::forms;

/// Longest snippet, in bytes of text (as tantivy counts it).
pub const SNIPPET_CHARS: usize = 240;

/// A term in more than this share of passages ("and", "the") is not
/// highlighted when rarer terms are: in "Science and Technology Board" the
/// reader wants the names marked, not every "and" of the passage.
pub const COMMON_SHARE: f32 = 0.25;

/// The index analyzer drops tokens this long (its `RemoveLongFilter`).
const MAX_TOKEN_BYTES: usize = 40;

thread_local! {
    /// The index analyzer, to stem the words that may match.
    static STEM: RefCell<TextAnalyzer> = RefCell::new(analyzer::analyzer());
}

/// Makes snippets for one query; built once per search, used per hit.
pub struct Snippeter {
    terms: HashMap<String, f32>,
    /// Names of several words, as terms with their weights, highlighted
    /// only where all their terms stand together in order: a synonym's
    /// `Science and Technology Innovation Board` marks that name, not the
    /// `Board` of `Main Board`.
    phrases: Vec<Vec<(String, f32)>>,
    /// First characters of the terms (lower case, folded): a word starting
    /// with anything else cannot match.
    firsts: Vec<char>,
}

/// A window of the text and what it holds.
struct Fragment {
    score: f32,
    start: usize,
    stop: usize,
    highlighted: Vec<(usize, usize)>,
}

impl Fragment {
    fn new(start: usize) -> Fragment {
        Fragment {
            score: 0.0,
            start,
            stop: start,
            highlighted: Vec::new(),
        }
    }
}

impl Snippeter {
    /// A snippet maker for the terms to highlight (index terms with their
    /// weights, rarer heavier: `1 / (1 + doc_freq)`), chosen by the query
    /// builder so that excluded words are never marked, and for the
    /// several-word names to highlight only as wholes (a synonym's
    /// `Science and Technology Innovation Board`, not `Board` alone).
    pub fn new(
        searcher: &Searcher,
        _field: Field,
        terms: &BTreeMap<String, f32>,
        phrases: &[Vec<(String, f32)>],
    ) -> Result<Snippeter> {
        let docs = searcher.num_docs().max(1) as f32;
        Ok(Snippeter::from_terms(terms, docs).with_phrases(phrases))
    }

    fn from_terms(terms: &BTreeMap<String, f32>, docs: f32) -> Snippeter {
        // weight = 1 / (1 + df)  ⇔  df = 1/weight − 1
        let share = |w: f32| (1.0 / w - 1.0) / docs;
        let rare: HashMap<String, f32> = terms
            .iter()
            .filter(|(_, w)| share(**w) <= COMMON_SHARE)
            .map(|(t, w)| (t.clone(), *w))
            .collect();
        let terms: HashMap<String, f32> = if rare.is_empty() {
            terms.iter().map(|(t, w)| (t.clone(), *w)).collect()
        } else {
            rare
        };
        let mut s = Snippeter {
            terms,
            phrases: Vec::new(),
            firsts: Vec::new(),
        };
        s.index_firsts();
        s
    }

    fn with_phrases(mut self, phrases: &[Vec<(String, f32)>]) -> Snippeter {
        self.phrases = phrases.iter().filter(|p| !p.is_empty()).cloned().collect();
        self.index_firsts();
        self
    }

    fn index_firsts(&mut self) {
        let phrase_terms = self.phrases.iter().flatten().map(|(t, _)| t);
        let mut firsts: Vec<char> = self
            .terms
            .keys()
            .chain(phrase_terms)
            .filter_map(|t| t.chars().next())
            .collect();
        firsts.sort_unstable();
        firsts.dedup();
        self.firsts = firsts;
    }

    /// The index term of a word of the text if it is one sought (a term
    /// or a word of a several-word name), borrowed from `self`: no
    /// allocation per word, as every word of every returned passage comes
    /// through here.
    fn sought(&self, word: &str) -> Option<&str> {
        let first = word.chars().next()?;
        let folded = first.to_ascii_lowercase();
        if first.is_ascii() && self.firsts.binary_search(&folded).is_err() {
            return None;
        }
        STEM.with(|a| {
            let mut a = a.borrow_mut();
            let mut found = None;
            let mut stream = a.token_stream(word);
            while let Some(t) = stream.next() {
                found = self
                    .terms
                    .get_key_value(&t.text)
                    .map(|(k, _)| k.as_str())
                    .or_else(|| {
                        self.phrases
                            .iter()
                            .flatten()
                            .find(|(p, _)| *p == t.text)
                            .map(|(p, _)| p.as_str())
                    })
                    .or(found);
            }
            drop(stream);
            if found.is_none() {
                // `couldn’t` is found by `could`: its other forms are
                // indexed at its position, so they highlight it too.
                for form in forms::other_forms(word) {
                    let mut stream = a.token_stream(&form);
                    while let Some(t) = stream.next() {
                        if let Some((k, _)) = self.terms.get_key_value(&t.text) {
                            return Some(k.as_str());
                        }
                    }
                }
            }
            found
        })
    }

    /// The weight of each word (`(start, end)` in `text`) that is sought:
    /// a term's own, or, inside a whole several-word name, the name's.
    fn weights(&self, text: &str, words: &[(usize, usize)]) -> Vec<Option<f32>> {
        if self.terms.is_empty() && self.phrases.is_empty() {
            return vec![None; words.len()];
        }
        let terms: Vec<Option<&str>> = words
            .iter()
            .map(|&(a, b)| self.sought(&text[a..b]))
            .collect();
        let mut weights: Vec<Option<f32>> = terms
            .iter()
            .map(|t| t.and_then(|t| self.terms.get(t)).copied())
            .collect();
        for i in 0..words.len() {
            for phrase in &self.phrases {
                let Some(run) = terms.get(i..i + phrase.len()) else {
                    continue;
                };
                if run
                    .iter()
                    .zip(phrase)
                    .all(|(t, (p, _))| *t == Some(p.as_str()))
                {
                    for (k, (_, w)) in phrase.iter().enumerate() {
                        let at = &mut weights[i + k];
                        *at = Some(at.map_or(*w, |x| x.max(*w)));
                    }
                }
            }
        }
        weights
    }

    /// The snippet of one passage's text. A passage without any matched
    /// word (matched by a filter or another field) starts from its opening.
    ///
    /// The window runs from the first word to the last (as tantivy's
    /// does); it is then widened over the quote or bracket that opens it
    /// and the punctuation that closes it (see [`widen`]), so that a
    /// snippet ending where its sentence ends keeps the `。`, `？` or `.`.
    ///
    /// A window that ends (or starts) inside a run of matched words is
    /// first carried over the rest of the run ([`MAX_CARRIED_WORDS`] at
    /// most): tantivy's windows are cut by length alone, which turned
    /// "… Innovation Board (STAR Market) …" into a snippet ending in the
    /// highlighted `STAR` and leaving `Market` out.
    pub fn snippet(&self, text: &str) -> Snippet {
        let (words, weights) = self.words(text);
        let mut w = self.window_of(&words, &weights, text);
        complete_runs(&mut w, &words, &weights);
        let (start, stop) = widen(text, w.start, w.stop);
        Snippet {
            text: text[start..stop].to_string(),
            highlights: w
                .highlighted
                .iter()
                .map(|(a, b)| (a - start, b - start))
                .collect(),
        }
    }

    /// The best window of `text` as tantivy's snippet generator cuts it,
    /// from its first word to its last, with the matched words (byte
    /// offsets into `text`); the opening [`SNIPPET_CHARS`] characters when
    /// no word matches.
    #[cfg(test)]
    fn window(&self, text: &str) -> Fragment {
        let (words, weights) = self.words(text);
        self.window_of(&words, &weights, text)
    }

    /// The words of `text` (byte ranges) that tantivy's snippets see, and
    /// the weight of each that is sought.
    fn words(&self, text: &str) -> (Vec<(usize, usize)>, Vec<Option<f32>>) {
        let mut tokenizer = WordTokenizer::default();
        let mut stream = tokenizer.token_stream(text);
        let mut words: Vec<(usize, usize)> = Vec::new();
        while let Some(token) = stream.next() {
            // Not indexed, not seen by tantivy's snippets either.
            if token.text.len() < MAX_TOKEN_BYTES {
                words.push((token.offset_from, token.offset_to));
            }
        }
        let weights = self.weights(text, &words);
        (words, weights)
    }

    /// [`Self::window`] of words already weighed.
    fn window_of(&self, words: &[(usize, usize)], weights: &[Option<f32>], text: &str) -> Fragment {
        let mut fragment = Fragment::new(0);
        let mut best: Option<Fragment> = None;
        let keep = |f: Fragment, best: &mut Option<Fragment>| {
            // Highest score; on a tie the earlier window.
            if f.score > 0.0 && best.as_ref().is_none_or(|b| f.score > b.score) {
                *best = Some(f);
            }
        };
        for (&(from, to), &weight) in words.iter().zip(weights) {
            if to - fragment.start > SNIPPET_CHARS {
                let done = std::mem::replace(&mut fragment, Fragment::new(from));
                keep(done, &mut best);
            }
            fragment.stop = to;
            if let Some(w) = weight {
                fragment.score += w;
                fragment.highlighted.push((from, to));
            }
        }
        keep(fragment, &mut best);
        best.unwrap_or_else(|| {
            let mut opening = Fragment::new(0);
            opening.stop = text
                .char_indices()
                .nth(SNIPPET_CHARS)
                .map_or(text.len(), |(i, _)| i);
            opening
        })
    }
}

/// How many matched words a window is carried over to finish a run of
/// them (a name, a phrase) that its length limit cut.
pub const MAX_CARRIED_WORDS: usize = 3;

/// Carries `w` over the matched words right after its last word and right
/// before its first, when that word is matched too: a run of matched words
/// (`STAR Market`) is shown whole or not at all, up to
/// [`MAX_CARRIED_WORDS`] words on each side.
fn complete_runs(w: &mut Fragment, words: &[(usize, usize)], weights: &[Option<f32>]) {
    if w.highlighted.is_empty() {
        return;
    }
    let first = words.partition_point(|&(a, _)| a < w.start);
    let end = words.partition_point(|&(_, b)| b <= w.stop);
    if first >= end {
        return;
    }
    let mut last = end - 1;
    let mut carried = 0;
    while carried < MAX_CARRIED_WORDS
        && weights[last].is_some()
        && weights.get(last + 1).is_some_and(Option::is_some)
    {
        last += 1;
        carried += 1;
        w.stop = words[last].1;
        w.highlighted.push(words[last]);
    }
    let mut first = first;
    carried = 0;
    while carried < MAX_CARRIED_WORDS
        && first > 0
        && weights[first].is_some()
        && weights[first - 1].is_some()
    {
        first -= 1;
        carried += 1;
        w.start = words[first].0;
        w.highlighted.insert(0, words[first]);
    }
}

/// Punctuation that closes a sentence, a quotation or an aside.
const CLOSING: &[char] = &[
    '.', '!', '?', '…', '。', '！', '？', '」', '』', '”', '’', '"', '\'', ')', '）', ']', '】',
    '》', '〉', '〕',
];

/// Quotes and brackets that open a quotation or an aside.
const OPENING: &[char] = &[
    '「', '『', '“', '‘', '"', '(', '（', '[', '【', '《', '〈', '〔',
];

/// Widens the window `start..stop` of `text` over the closing punctuation
/// right after it and the opening quotes or brackets right before it.
/// Windows end at a word, so without this a snippet loses the `。`, `！`,
/// `？`, `」` or `.` that ends its sentence, and a quotation its marks. The
/// widening is undone where it would end or start inside a word (`market'`
/// of `market's`).
fn widen(text: &str, start: usize, stop: usize) -> (usize, usize) {
    let after = text[stop..]
        .char_indices()
        .find(|(_, c)| !CLOSING.contains(c))
        .map_or(text.len(), |(i, _)| stop + i);
    let stop = match text[after..].chars().next() {
        Some(c) if c.is_alphanumeric() && after > stop => stop,
        _ => after,
    };
    let before = text[..start]
        .char_indices()
        .rev()
        .take_while(|(_, c)| OPENING.contains(c))
        .last()
        .map_or(start, |(i, _)| i);
    let start = match text[..before].chars().next_back() {
        Some(c) if c.is_alphanumeric() && before < start => start,
        _ => before,
    };
    (start, stop)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::Schema;
    use tantivy::snippet::SnippetGenerator;

    const TEXT: &str = "The Shanghai Stock Exchange's STAR Market listed 570 companies; \
        listing rules for sci-tech firms were eased, and companies' listings rose. \
        Dying industries were not listed. Émile Gómez said the skies over the \
        exchange were clear, and the market's listing day went ahead as listed. \
        More text to push the window: the exchange will list more companies next \
        year, and STAR Market listings will keep growing as the market deepens. \
        https://example.com/a-very-long-address-that-is-dropped-by-the-analyzer-anyway \
        and the market’s “listing” rose again.";

    fn terms(words: &[&str]) -> BTreeMap<String, f32> {
        words
            .iter()
            .enumerate()
            .map(|(i, w)| (analyzer::terms(w)[0].clone(), 1.0 / (2.0 + i as f32)))
            .collect()
    }

    #[test]
    fn same_snippets_as_analyzing_every_word() {
        let mut schema = Schema::builder();
        let field = schema.add_text_field("text", tantivy::schema::TEXT);
        let _ = schema.build();
        for words in [
            vec!["listing"],
            vec!["companies", "market"],
            vec!["die", "sky"],
            vec!["gomez", "emile"],
            vec!["sci", "tech", "exchange"],
            vec!["growing", "deepens"],
        ] {
            let t = terms(&words);
            let ours = Snippeter::from_terms(&t, 1.0e9).window(TEXT);
            let ours = Snippet {
                text: TEXT[ours.start..ours.stop].to_string(),
                highlights: ours
                    .highlighted
                    .iter()
                    .map(|(a, b)| (a - ours.start, b - ours.start))
                    .collect(),
            };
            let theirs =
                SnippetGenerator::new(t.clone(), analyzer::analyzer(), field, SNIPPET_CHARS)
                    .snippet(TEXT);
            assert_eq!(ours.text, theirs.fragment(), "{words:?}");
            let ranges: Vec<(usize, usize)> = theirs
                .highlighted()
                .iter()
                .map(|r| (r.start, r.end))
                .collect();
            assert_eq!(ours.highlights, ranges, "{words:?}");
        }
    }

    #[test]
    fn a_run_of_matched_words_cut_by_the_window_is_shown_whole() {
        // "STAR" ends at byte 234, "Market" at 241: tantivy's windows of
        // 240 bytes put them in different windows.
        let text = format!("{}STAR Market listed 570 companies.", "word ".repeat(46));
        let marked = |s: &Snippet| -> Vec<String> {
            s.highlights
                .iter()
                .map(|&(a, b)| s.text[a..b].to_string())
                .collect()
        };
        let weighted = |star: f32, market: f32| {
            let mut t = BTreeMap::new();
            t.insert("star".to_string(), star);
            t.insert("market".to_string(), market);
            Snippeter::from_terms(&t, 1.0e9)
        };
        // STAR weighs more: the window ending in it wins, and is carried
        // over Market.
        let s = weighted(0.5, 0.1);
        assert!(s.window(&text).stop < text.find("Market").unwrap_or(0) + 6);
        let got = s.snippet(&text);
        assert!(got.text.ends_with("STAR Market"), "{}", got.text);
        assert_eq!(marked(&got), ["STAR", "Market"]);
        // Market weighs more: the window starting at it wins, and is
        // carried back over STAR.
        let got = weighted(0.1, 0.5).snippet(&text);
        assert!(got.text.starts_with("STAR Market listed"), "{}", got.text);
        assert_eq!(marked(&got), ["STAR", "Market"]);
        // A matched word next to unmatched ones is not carried anywhere.
        let got = weighted(0.5, 0.0001).snippet(&format!("{}STAR listed", "word ".repeat(47)));
        assert!(got.text.ends_with("STAR"), "{}", got.text);
    }

    #[test]
    fn no_match_starts_from_the_opening() {
        let s = Snippeter::from_terms(&terms(&["zeppelin"]), 10.0).snippet(TEXT);
        assert!(TEXT.starts_with(&s.text));
        assert!(s.highlights.is_empty());
    }

    #[test]
    fn common_terms_are_not_highlighted_when_rare_ones_are() {
        let mut t = BTreeMap::new();
        t.insert("and".to_string(), 1.0 / 90.0); // in 89 of 100 passages
        t.insert("market".to_string(), 1.0 / 3.0);
        let s = Snippeter::from_terms(&t, 100.0).snippet("Stocks and bonds and the market.");
        let marked: Vec<&str> = s.highlights.iter().map(|&(a, b)| &s.text[a..b]).collect();
        assert_eq!(marked, ["market"]);
    }

    fn snippet(words: &[&str], text: &str) -> (String, Vec<String>) {
        let s = Snippeter::from_terms(&terms(words), 100.0).snippet(text);
        let marked = s
            .highlights
            .iter()
            .map(|&(a, b)| s.text[a..b].to_string())
            .collect();
        (s.text, marked)
    }

    #[test]
    fn a_snippet_keeps_the_punctuation_that_ends_its_sentence() {
        for (words, text, want) in [
            (
                &["科创"][..],
                "其中九家企业在科创板上市。",
                "其中九家企业在科创板上市。",
            ),
            (&["保障"][..], "后续服务怎样保障？", "后续服务怎样保障？"),
            (
                &["重要"][..],
                "他说：「科创板很重要！」",
                "他说：「科创板很重要！」",
            ),
            (&["thank"][..], "Thank you.", "Thank you."),
            (&["market"][..], "(the STAR Market)", "(the STAR Market)"),
            (
                &["market"][..],
                "\u{201c}Market listings rose.\u{201d}",
                "\u{201c}Market listings rose.\u{201d}",
            ),
        ] {
            let (got, marked) = snippet(words, text);
            assert_eq!(got, want, "{words:?}");
            assert!(!marked.is_empty(), "{words:?}");
            for m in &marked {
                assert!(words.iter().any(|w| m.to_lowercase().contains(w)), "{m}");
            }
        }
        // Not inside a word, a number or an abbreviation.
        assert_eq!(
            snippet(&["market"], "the market's day").0,
            "the market's day"
        );
        assert_eq!(snippet(&["grew"], "it grew 3.5").0, "it grew 3.5");
        // A snippet cut before its sentence ends keeps no comma.
        let long = format!("{} market, {}", "word ".repeat(60), "word ".repeat(60));
        assert!(snippet(&["market"], &long).0.ends_with("word"));
    }

    #[test]
    fn a_several_word_name_is_highlighted_only_as_a_whole() {
        let phrase: Vec<(String, f32)> = ["science", "and", "technolog", "board"]
            .iter()
            .map(|t| (analyzer::terms(t)[0].clone(), 0.1))
            .collect();
        let s = Snippeter::from_terms(&terms(&["star"]), 100.0).with_phrases(&[phrase]);
        let marked = |text: &str| -> Vec<String> {
            let sn = s.snippet(text);
            sn.highlights
                .iter()
                .map(|&(a, b)| sn.text[a..b].to_string())
                .collect()
        };
        assert_eq!(marked("The STAR and the Main Board."), ["STAR"]);
        assert_eq!(
            marked("The Science and Technology Board, a science board."),
            ["Science", "and", "Technology", "Board"]
        );
        assert_eq!(marked("Science and the Board"), Vec::<String>::new());
    }
}
