//! Generated briefings for the reliability tests: as many as a test needs,
//! each with a known set of passages, so a test can say exactly how many
//! passages an index of them must hold.
//!
//! Every speech paragraph is one sentence of 14–40 words with a token no
//! other paragraph has, so each is one passage and long enough to be found
//! when republished. Every paragraph contains [`COMMON`], so a search for
//! it counts the passages of an index. Names are invented.

use std::collections::BTreeSet;
use std::path::Path;

use podium::transcript::date::MONTH_NAMES;

/// A word in every generated passage.
pub const COMMON: &str = "quayside";

/// A small, seedable generator (xorshift64*): tests are reproducible and
/// need no extra crate.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `lo..hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo).max(1)
    }

    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.range(0, xs.len() as u64) as usize]
    }
}

const WORDS: &[&str] = &[
    "harbour",
    "budget",
    "ferry",
    "tariff",
    "shipping",
    "workers",
    "dredging",
    "pilots",
    "tonnage",
    "berth",
    "schedule",
    "inspection",
    "rail",
    "terminal",
    "storage",
    "weather",
    "fishing",
    "licence",
    "exports",
    "imports",
    "fuel",
    "safety",
    "training",
    "cranes",
    "containers",
    "lighthouse",
    "channel",
    "tides",
    "investment",
    "committee",
    "report",
    "survey",
    "contract",
    "tender",
    "maintenance",
    "coastal",
    "erosion",
    "funding",
    "community",
    "tourism",
    "cruise",
    "passengers",
    "cargo",
    "grain",
    "timber",
    "steel",
    "customs",
    "clearance",
    "delays",
    "capacity",
    "expansion",
    "quay",
    "breakwater",
    "sediment",
    "permits",
    "regulations",
    "emissions",
    "electric",
    "shore",
    "power",
    "the",
    "and",
    "will",
    "this",
    "year",
    "next",
    "we",
    "have",
    "our",
    "more",
    "new",
    "plan",
    "will",
    "continue",
    "improve",
    "support",
    "review",
    "about",
    "with",
    "for",
];

const FIRST: &[&str] = &[
    "Maren", "Tobias", "Ilse", "Quentin", "Saskia", "Bruno", "Odile", "Ferran", "Annika", "Joris",
    "Leontine", "Casimir", "Wilma", "Dario", "Helka", "Ruben",
];

/// Syllables of invented surnames: thousands of them, as in a real corpus
/// where most briefings bring people no other briefing names.
const SYLLABLES: &[&str] = &[
    "van", "der", "ok", "on", "kwo", "brek", "ke", "mar", "chet", "ti", "lind", "qvist", "acht",
    "berg", "sol", "du", "mont", "ko", "wal", "czyk", "fer", "rei", "ra", "hal", "vor", "sen",
    "ruis", "dael", "cas", "tel", "la", "no", "mik", "kel",
];

fn surname(rng: &mut Rng) -> String {
    let n = rng.range(2, 4);
    let s: String = (0..n).map(|_| rng.pick(SYLLABLES)).collect();
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or(s)
}

const OUTLETS: &[&str] = &["Coastal Radio", "Harbour Gazette", "Tidewater News"];

/// One generated briefing.
#[derive(Debug, Clone)]
pub struct Briefing {
    pub text: String,
    /// The speech paragraphs, each one passage.
    pub paragraphs: Vec<String>,
}

/// A speech paragraph: one sentence with a token of its own.
fn paragraph(rng: &mut Rng, tag: &str, question: bool) -> String {
    let n = rng.range(14, 40) as usize;
    let mut words: Vec<&str> = (0..n).map(|_| rng.pick(WORDS)).collect();
    let at = rng.range(1, n as u64) as usize;
    words.insert(at, COMMON);
    let mut s = words.join(" ");
    s.push_str(&format!(" {tag}"));
    let mut chars = s.chars();
    let first = chars.next().map(|c| c.to_ascii_uppercase()).unwrap_or('A');
    format!(
        "{first}{}{}",
        chars.as_str(),
        if question { "?" } else { "." }
    )
}

/// A briefing: title, date, roster, then `turns` turns of one or two
/// paragraphs by the moderator, the official and reporters. `id` makes
/// its paragraphs unique; `version` changes them all (an edited file).
pub fn briefing(id: u64, version: u64, turns: usize) -> Briefing {
    let mut rng = Rng::new(id * 7919 + version);
    let official = format!("{} {}", rng.pick(FIRST), surname(&mut rng));
    let moderator = format!("{} {}", rng.pick(FIRST), surname(&mut rng));
    let day = rng.range(1, 29);
    let month = rng.pick(&MONTH_NAMES);
    let year = rng.range(2019, 2025);
    let mut text = format!(
        "Ministry of Coastal Affairs press conference on harbour works, session {id}\n\n\
         Date: {day} {month} {year}\n\n\
         Speakers:\n\
         Ms. {official}, director of the Port Authority\n\
         Moderator:\n\
         Mr. {moderator}, spokesperson of the Ministry\n\n"
    );
    let mut paragraphs = Vec::new();
    for t in 0..turns {
        let (label, question) = match t % 3 {
            0 => (moderator.clone(), false),
            1 => (rng.pick(OUTLETS).to_string(), true),
            _ => (official.clone(), false),
        };
        text.push_str(&format!("{label}:\n"));
        let paras = if question { 1 } else { rng.range(1, 3) };
        for k in 0..paras {
            let p = paragraph(&mut rng, &format!("g{id}v{version}t{t}p{k}"), question);
            text.push_str(&p);
            text.push_str("\n\n");
            paragraphs.push(p);
        }
    }
    text.push_str("Back to top\n");
    Briefing { text, paragraphs }
}

/// A page that republishes the last `turns` turns of `b` word for word
/// (the way sites split a long briefing into pages), under its own title.
pub fn republished_page(b: &Briefing, turns: usize) -> Briefing {
    // The original's title and date lines, then its last turns.
    let mut header = b.text.lines().take(3);
    let title = header.next().unwrap_or_default();
    let date = header.nth(1).unwrap_or_default();
    let body_start = b.text.find("Mr. ").unwrap_or(0);
    let body = &b.text[body_start..];
    // Turns start at a label line ("Name:\n").
    let starts: Vec<usize> = body
        .match_indices(":\n")
        .map(|(i, _)| body[..i].rfind('\n').map_or(0, |n| n + 1))
        .collect();
    let from = starts[starts.len().saturating_sub(turns)];
    let tail = &body[from..];
    let paragraphs: Vec<String> = b
        .paragraphs
        .iter()
        .filter(|p| tail.contains(p.as_str()))
        .cloned()
        .collect();
    Briefing {
        text: format!("{title}, page 2\n\n{date}\n\n{tail}"),
        paragraphs,
    }
}

/// The passages an index of `briefings` must hold: their distinct
/// paragraphs (a republished one is indexed once).
pub fn expected(briefings: &[&Briefing]) -> BTreeSet<String> {
    briefings
        .iter()
        .flat_map(|b| b.paragraphs.iter().cloned())
        .collect()
}

/// Writes a briefing to `dir/name`.
pub fn write(dir: &Path, name: &str, b: &Briefing) {
    std::fs::create_dir_all(dir).expect("mkdir");
    std::fs::write(dir.join(name), &b.text).expect("write briefing");
}
