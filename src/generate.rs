//! Synthetic briefings at any scale, for benchmarks and stress tests.
//!
//! Real corpora of a million passages are not shippable, and timing podium
//! on 5 sample files says nothing about 600 MB. [`generate`] writes N
//! passages' worth of briefings in the raw formats podium reads — SCIO-style
//! transcripts with a roster, `Date:` line and `Name:` labels on their own
//! lines; White House-style transcripts hard-wrapped at 72 columns with
//! `MS. NAME:` and `Q` labels; news reports quoting officials — with:
//!
//! - a few hundred speakers and outlets with invented names;
//! - dates spread over 20 years;
//! - a Zipf-distributed vocabulary (English function words at the head,
//!   pronounceable invented words in the long tail) and a set of domain
//!   phrases ("capital market") at known rates, so queries have realistic
//!   hit counts from one to tens of thousands;
//! - no two passages identical: each paragraph opens with three marker
//!   words encoding its serial number.
//!
//! Output is a pure function of [`GenerateOptions`]: the same seed gives the
//! same bytes, so benchmarks on different machines compare like with like.
//! Every generated paragraph parses into exactly one passage, which makes
//! the passage count a check on the parser as well as a size.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::transcript::date::MONTH_NAMES;

/// What to generate.
#[derive(Debug, Clone)]
pub struct GenerateOptions {
    /// Total passages across all briefings.
    pub passages: usize,
    pub seed: u64,
    /// Average passages per briefing.
    pub passages_per_briefing: usize,
    pub threads: usize,
}

impl Default for GenerateOptions {
    fn default() -> Self {
        GenerateOptions {
            passages: 100_000,
            seed: 42,
            passages_per_briefing: 60,
            threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
        }
    }
}

/// What was generated.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct GenerateSummary {
    pub briefings: usize,
    pub passages: usize,
    pub bytes: u64,
}

/// SplitMix64: a tiny, fast, well-mixed PRNG. Deterministic across
/// platforms, which is the point; not for cryptography.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        // Multiply-shift: unbiased enough for benchmark data.
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The most frequent English words: the head of the Zipf curve.
const HEAD: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "it",
    "as",
    "was",
    "with",
    "be",
    "by",
    "on",
    "not",
    "he",
    "this",
    "are",
    "or",
    "his",
    "from",
    "at",
    "which",
    "but",
    "have",
    "an",
    "had",
    "they",
    "you",
    "were",
    "their",
    "one",
    "all",
    "we",
    "can",
    "her",
    "has",
    "there",
    "been",
    "if",
    "more",
    "when",
    "will",
    "would",
    "who",
    "so",
    "no",
    "also",
    "our",
    "new",
    "year",
    "development",
    "market",
    "policy",
    "support",
    "growth",
    "economic",
    "financial",
    "enterprises",
    "investment",
    "innovation",
    "cooperation",
    "measures",
    "services",
    "trade",
    "industry",
    "technology",
    "reform",
    "companies",
    "country",
    "government",
    "international",
    "percent",
    "billion",
    "national",
    "public",
    "further",
    "work",
    "system",
    "capital",
    "city",
    "region",
    "projects",
    "energy",
    "security",
    "people",
    "first",
    "high",
    "quality",
    "green",
    "digital",
    "data",
    "foreign",
    "local",
    "global",
    "key",
    "major",
    "better",
    "continue",
];

/// Phrases inserted at known rates, so phrase queries have real answers.
pub const PHRASES: &[&str] = &[
    "capital market",
    "foreign investment",
    "supply chain",
    "interest rates",
    "trade surplus",
    "green transition",
    "container throughput",
    "housing market",
    "consumer prices",
    "rural revitalization",
    "semiconductor industry",
    "free trade zone",
];

/// Consonant-vowel syllables, all two letters: words built from them are
/// prefix-free, so distinct ranks give distinct words.
const CONSONANTS: &[u8] = b"bcdfghjklmnprstv";
const VOWELS: &[u8] = b"aeio";

/// Number of distinct words the generator draws from.
pub const VOCABULARY: usize = 200_000;
/// Zipf exponent: English text is close to 1.
const ZIPF_S: f64 = 1.07;

/// The invented word of a vocabulary rank beyond the head: the rank's
/// digits in base 64, one syllable per digit. Distinct ranks give distinct
/// words.
pub fn word(rank: usize) -> String {
    if let Some(w) = HEAD.get(rank) {
        return (*w).to_string();
    }
    let mut n = rank - HEAD.len() + 64; // at least two syllables
    let mut out = String::with_capacity(12);
    while n > 0 {
        let d = n % 64;
        out.push(char::from(CONSONANTS[d / 4]));
        out.push(char::from(VOWELS[d % 4]));
        n /= 64;
    }
    // A final "n" keeps invented words apart from the English head.
    out.push('n');
    out
}

/// Marker words that encode a paragraph's serial number (base 256, three
/// words): ranks far enough down the curve not to disturb its head.
fn marker(serial: usize) -> [usize; 3] {
    [
        2000 + (serial & 0xff),
        2256 + ((serial >> 8) & 0xff),
        2512 + ((serial >> 16) & 0xff) + 256 * (serial >> 24),
    ]
}

/// Zipf sampler over [`VOCABULARY`] ranks (inverse CDF by binary search).
pub struct Zipf {
    cdf: Vec<f64>,
}

impl Zipf {
    pub fn new(n: usize, s: f64) -> Zipf {
        let mut cdf = Vec::with_capacity(n);
        let mut total = 0.0;
        for r in 1..=n {
            total += 1.0 / (r as f64).powf(s);
            cdf.push(total);
        }
        for c in &mut cdf {
            *c /= total;
        }
        Zipf { cdf }
    }

    pub fn sample(&self, rng: &mut Rng) -> usize {
        let u = rng.unit();
        self.cdf.partition_point(|&c| c < u).min(self.cdf.len() - 1)
    }
}

const GIVEN: &[&str] = &[
    "Arlo", "Bexa", "Caro", "Dace", "Elin", "Faro", "Gale", "Hana", "Ivo", "Jora", "Kale", "Lio",
    "Mira", "Nilo", "Orla", "Pavo", "Quin", "Rena", "Soli", "Tavi", "Ulla", "Vero", "Wren", "Xavi",
    "Yara", "Zeno", "Ansel", "Brisa", "Cyra", "Dov",
];
const FAMILY: &[&str] = &[
    "Varro", "Lindqvar", "Okonta", "Marisel", "Tenhaga", "Quillon", "Rasmark", "Delacort",
    "Fenwyck", "Gorvath", "Halloran", "Iskander", "Jovanic", "Kestrel", "Lomatra", "Moreby",
    "Norrland", "Ostrava", "Pellegar", "Ravensal",
];
const PLACES: &[&str] = &[
    "Harbor",
    "Northgate",
    "Riverside",
    "Eastvale",
    "Summit",
    "Bayview",
    "Westmark",
    "Lakeshore",
    "Stonebridge",
    "Clearwater",
    "Highland",
    "Redcliff",
    "Silverton",
    "Ashford",
    "Brookfield",
    "Fairhaven",
];
const OUTLET_KINDS: &[&str] = &["Daily", "TV", "Radio", "Times", "News Agency", "Post"];
const OFFICES: &[&str] = &[
    "minister of commerce",
    "director of the statistics bureau",
    "deputy governor of the central bank",
    "head of the port authority",
    "mayor of the capital",
    "vice minister of finance",
    "director of the energy commission",
    "chief economist of the planning office",
];

/// The corpus's people and outlets, fixed by the seed.
struct Cast {
    people: Vec<(String, &'static str)>,
    outlets: Vec<String>,
}

impl Cast {
    fn new(seed: u64) -> Cast {
        let mut rng = Rng::new(seed ^ 0x5eed);
        let mut people = Vec::new();
        for g in GIVEN {
            for f in FAMILY {
                people.push((format!("{g} {f}"), *rng.pick(OFFICES)));
            }
        }
        // A few hundred speakers: keep 300 of the 600 combinations.
        let mut kept = Vec::new();
        for (i, p) in people.into_iter().enumerate() {
            if i % 2 == 0 {
                kept.push(p);
            }
        }
        let mut outlets = Vec::new();
        for p in PLACES {
            for k in OUTLET_KINDS {
                outlets.push(format!("{p} {k}"));
            }
        }
        Cast {
            people: kept,
            outlets,
        }
    }
}

/// Writes the paragraph for `serial`: marker words, then sentences of
/// Zipf words with a phrase now and then. About 14–170 words, never fewer
/// than the passage splitter's minimum for republished-text detection.
fn paragraph(rng: &mut Rng, zipf: &Zipf, serial: usize, question: bool) -> String {
    let target = 14 + (rng.unit().powf(2.0) * 150.0) as usize;
    let mut words: Vec<String> = marker(serial).iter().map(|&r| word(r)).collect();
    let mut out = String::with_capacity(target * 7);
    let mut sentence_len = 0;
    let mut sentence_target = 8 + rng.below(18);
    let mut n = 0;
    while n < target {
        if words.is_empty() {
            if rng.below(800) == 0 {
                let phrase = PHRASES[zipf.sample(rng) % PHRASES.len()];
                words.extend(phrase.split(' ').map(str::to_string));
            } else {
                words.push(word(zipf.sample(rng)));
            }
        }
        let w = words.remove(0);
        if sentence_len == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                out.extend(f.to_uppercase());
                out.push_str(c.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(&w);
        }
        sentence_len += 1;
        n += 1;
        if sentence_len >= sentence_target || n == target {
            let last = n == target;
            out.push(if last && question { '?' } else { '.' });
            if !last {
                out.push(' ');
            }
            sentence_len = 0;
            sentence_target = 8 + rng.below(18);
        } else if rng.below(12) == 0 {
            out.push(',');
        }
    }
    out
}

/// Hard-wraps `text` at `width` columns, as the White House publishes.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width + 1);
    let mut col = 0;
    for w in text.split(' ') {
        if col > 0 && col + 1 + w.len() > width {
            out.push('\n');
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(w);
        col += w.len();
    }
    out
}

fn date(rng: &mut Rng) -> (u16, usize, u8) {
    (
        2005 + rng.below(20) as u16,
        rng.below(12),
        1 + rng.below(28) as u8,
    )
}

fn surname(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

/// Who is on the podium of briefing `doc`, on which day and about what:
/// drawn first from the briefing's own random stream, so the query mix
/// can name a speaker the corpus is sure to hold (briefing 0's first
/// official) without writing the corpus again.
struct Lineup<'c> {
    /// The briefing's stream, after the draws below: the text continues it.
    rng: Rng,
    date: (u16, usize, u8),
    topic: String,
    officials: Vec<&'c (String, &'static str)>,
    chair: &'c (String, &'static str),
}

impl<'c> Lineup<'c> {
    fn of(doc: usize, seed: u64, cast: &'c Cast) -> Lineup<'c> {
        let mut rng = Rng::new(seed.wrapping_mul(0x1000_0000_01b3) ^ doc as u64);
        let date = date(&mut rng);
        let topic = format!(
            "{} and {}",
            word(60 + rng.below(300)),
            word(60 + rng.below(300))
        );
        let officials = (0..2 + rng.below(3))
            .map(|_| rng.pick(&cast.people))
            .collect();
        let chair = rng.pick(&cast.people);
        Lineup {
            rng,
            date,
            topic,
            officials,
            chair,
        }
    }
}

/// One briefing with `count` passages starting at `serial`.
fn briefing(
    doc: usize,
    serial: usize,
    count: usize,
    seed: u64,
    cast: &Cast,
    zipf: &Zipf,
) -> String {
    let Lineup {
        mut rng,
        date: (y, m, d),
        topic,
        officials,
        chair,
    } = Lineup::of(doc, seed, cast);
    let mut out = String::with_capacity(count * 420);
    let mut serial = serial;
    let end = serial + count;
    match doc % 3 {
        0 => {
            // SCIO style: roster, Date: line, labels on their own lines.
            out.push_str(&format!(
                "Press Room\nPress conference on {topic}\n\n{} {d}, {y}\n\nSpeakers:\n",
                MONTH_NAMES[m]
            ));
            for (name, office) in &officials {
                out.push_str(&format!("Mr. {name}, {office}\n"));
            }
            out.push_str(&format!(
                "Chairperson:\nMs. {}, spokesperson of the information office\nDate:\n{} {d}, {y}\n\n",
                chair.0, MONTH_NAMES[m]
            ));
            let mut turn = 0;
            while serial < end {
                let (who, question) = if turn == 0 {
                    (chair.0.clone(), false)
                } else if turn % 2 == 1 {
                    (rng.pick(&cast.outlets).clone(), true)
                } else {
                    (rng.pick(&officials).0.clone(), false)
                };
                out.push_str(&who);
                out.push_str(":\n");
                let paras = if question { 1 } else { 1 + rng.below(4) };
                for _ in 0..paras.min(end - serial) {
                    out.push_str(&paragraph(&mut rng, zipf, serial, question));
                    out.push('\n');
                    serial += 1;
                }
                turn += 1;
            }
            out.push_str("Translated and edited by the translation team.\n");
        }
        1 => {
            // White House style: hard-wrapped, inline labels, Q.
            let host = &chair.0;
            out.push_str(&format!(
                "Press Briefing by Press Secretary {host}, {} {d}, {y}\n{} {d}, {y}\n\nBriefing Room\n\n1:0{} P.M. EST\n\n",
                MONTH_NAMES[m],
                MONTH_NAMES[m],
                rng.below(10)
            ));
            let mut turn = 0;
            while serial < end {
                let (label, question) = if turn % 2 == 1 {
                    ("Q".to_string(), true)
                } else if turn == 0 || rng.below(3) > 0 {
                    (format!("MS. {}:", surname(host).to_uppercase()), false)
                } else {
                    let o = rng.pick(&officials);
                    (format!("MR. {}:", surname(&o.0).to_uppercase()), false)
                };
                let paras = if question { 1 } else { 1 + rng.below(3) };
                for p in 0..paras.min(end - serial) {
                    let text = paragraph(&mut rng, zipf, serial, question);
                    let text = if p == 0 {
                        format!("{label}  {text}")
                    } else {
                        text
                    };
                    out.push_str(&wrap(&text, 72));
                    out.push_str("\n\n");
                    serial += 1;
                }
                turn += 1;
            }
            out.push_str("END\n1:5");
            out.push_str(&format!("{} P.M. EST\n", rng.below(10)));
        }
        _ => {
            // News report: quotes and narration.
            out.push_str(&format!(
                "{} {} at {} forum\n\n{} {d}, {y}\n\n",
                word(60 + rng.below(200)),
                word(60 + rng.below(200)),
                rng.pick(PLACES),
                MONTH_NAMES[m]
            ));
            while serial < end {
                let text = paragraph(&mut rng, zipf, serial, false);
                if rng.below(3) == 0 {
                    let (name, office) = rng.pick(&officials);
                    let body = text.trim_end_matches('.');
                    out.push_str(&format!("\"{body},\" said {name}, {office}.\n\n"));
                } else {
                    out.push_str(&text);
                    out.push_str("\n\n");
                }
                serial += 1;
            }
        }
    }
    out
}

/// The query mix `podium generate` writes next to a corpus (not a `.txt`,
/// so indexing the folder does not index it).
pub const MIX_FILE: &str = "queries.mix";

/// A query mix for a generated corpus: every shape the benches measure,
/// with words and speakers the corpus is known to contain at a range of
/// frequencies.
pub fn query_mix(seed: u64) -> String {
    let cast = Cast::new(seed);
    // Briefing 0 exists in every corpus, however small, and its first
    // official speaks in it (`cast.people[0]` may speak in none).
    // The years around that briefing's, so the filtered query has hits.
    let first = Lineup::of(0, seed, &cast);
    let speaker = &first.officials[0].0;
    let (since, until) = (first.date.0 - 2, first.date.0 + 2);
    format!(
        "# podium bench mix for a corpus generated with seed {seed}\n\
         term-common: market\n\
         term-mid: {mid}\n\
         term-rare: {rare}\n\
         phrase: \"capital market\"\n\
         phrase-rare: \"semiconductor industry\"\n\
         and3: trade policy reform\n\
         speaker-dates: market --speaker \"{speaker}\" --since {since} --until {until}\n\
         date-range: investment --since 2015-01 --until 2015-06\n\
         role: capital --role journalist\n\
         top50: growth -n 50\n",
        mid = word(3_000),
        rare = word(30_000),
    )
}

/// Writes the corpus into `dir` (created if needed), one file per briefing,
/// in parallel.
pub fn generate(dir: &Path, opts: &GenerateOptions) -> io::Result<GenerateSummary> {
    fs::create_dir_all(dir)?;
    let per = opts.passages_per_briefing.max(1);
    let briefings = opts.passages.div_ceil(per);
    let cast = Cast::new(opts.seed);
    let zipf = Zipf::new(VOCABULARY, ZIPF_S);
    let next = AtomicUsize::new(0);
    let bytes = std::sync::atomic::AtomicU64::new(0);
    let error: std::sync::Mutex<Option<io::Error>> = std::sync::Mutex::new(None);
    std::thread::scope(|s| {
        for _ in 0..opts.threads.max(1) {
            s.spawn(|| loop {
                let doc = next.fetch_add(1, Ordering::Relaxed);
                if doc >= briefings {
                    break;
                }
                let start = doc * per;
                let count = per.min(opts.passages - start);
                let text = briefing(doc, start, count, opts.seed, &cast, &zipf);
                let sub = dir.join(format!("{:03}", doc / 1000));
                let path = sub.join(format!("briefing-{doc:07}.txt"));
                let res = fs::create_dir_all(&sub).and_then(|_| {
                    let mut w = BufWriter::new(fs::File::create(&path)?);
                    w.write_all(text.as_bytes())?;
                    w.flush()
                });
                match res {
                    Ok(()) => {
                        bytes.fetch_add(text.len() as u64, Ordering::Relaxed);
                    }
                    Err(e) => {
                        if let Ok(mut slot) = error.lock() {
                            slot.get_or_insert(e);
                        }
                        break;
                    }
                }
            });
        }
    });
    if let Some(e) = error.into_inner().ok().flatten() {
        return Err(e);
    }
    Ok(GenerateSummary {
        briefings,
        passages: opts.passages,
        bytes: bytes.into_inner(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passage::passages;
    use crate::transcript::{parse, Role};

    #[test]
    fn words_are_distinct_per_rank() {
        let mut seen = std::collections::HashSet::new();
        for r in 0..20_000 {
            assert!(seen.insert(word(r)), "rank {r}");
        }
    }

    #[test]
    fn zipf_favours_the_head() {
        let z = Zipf::new(VOCABULARY, ZIPF_S);
        let mut rng = Rng::new(1);
        let head = (0..10_000).filter(|_| z.sample(&mut rng) < 10).count();
        assert!((1500..4500).contains(&head), "{head}");
    }

    #[test]
    fn every_paragraph_becomes_one_attributed_passage() {
        let cast = Cast::new(7);
        let zipf = Zipf::new(VOCABULARY, ZIPF_S);
        for doc in 0..6 {
            let text = briefing(doc, doc * 50, 50, 7, &cast, &zipf);
            let t = parse(&text);
            let ps = passages(&t, "x.txt");
            assert_eq!(ps.len(), 50, "format {}:\n{text}", doc % 3);
            assert!(t.date.is_some(), "format {}", doc % 3);
            if doc % 3 != 2 {
                assert!(ps.iter().any(|p| p.role == Role::Journalist));
                assert!(
                    ps.iter().all(|p| p.role != Role::Narration),
                    "format {}",
                    doc % 3
                );
            }
        }
    }

    #[test]
    fn output_is_a_function_of_the_seed() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let opts = GenerateOptions {
            passages: 500,
            threads: 2,
            ..GenerateOptions::default()
        };
        let sa = generate(a.path(), &opts).unwrap();
        let sb = generate(b.path(), &opts).unwrap();
        assert_eq!(sa, sb);
        let read = |d: &Path| fs::read(d.join("000/briefing-0003.txt"));
        assert!(read(a.path()).is_err());
        let f = |d: &Path| fs::read(d.join("000/briefing-0000003.txt")).unwrap();
        assert_eq!(f(a.path()), f(b.path()));
    }
}
