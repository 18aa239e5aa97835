//! Names of people and media outlets, and the words around them.
//!
//! Briefings name the same person many ways: `MS. PSAKI`, `Jen Psaki`,
//! `Press Secretary Jen Psaki`, `Mr. Gong`, `Mayor Gong`. This module holds
//! the general knowledge needed to take those apart: which words are titles
//! and honorifics (stripped to find the name), which words mark a media
//! outlet rather than a person, how to print a shouted `VON DER LEYEN` as a
//! name, and how to fold names for matching (case and accents dropped).

/// Honorifics and titles that come before a name. Lower-case, without dots.
/// These are English words of office, not names from any corpus.
const TITLE_WORDS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "madam",
    "madame",
    "mme",
    "h.e",
    "honourable",
    "pm",
    "m",
    "the",
    "his",
    "her",
    "excellency",
    "honorable",
    "hon",
    "president",
    "vice",
    "prime",
    "premier",
    "minister",
    "deputy",
    "secretary",
    "undersecretary",
    "under",
    "assistant",
    "associate",
    "principal",
    "general",
    "attorney",
    "surgeon",
    "press",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "spokespeople",
    "ambassador",
    "envoy",
    "special",
    "senior",
    "acting",
    "administrator",
    "director",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "co-chair",
    "governor",
    "treasurer",
    "lieutenant",
    "mayor",
    "senator",
    "sen",
    "representative",
    "rep",
    "congressman",
    "congresswoman",
    "speaker",
    "leader",
    "majority",
    "minority",
    "commissioner",
    "chief",
    "counselor",
    "councillor",
    "councilor",
    "advisor",
    "adviser",
    "coordinator",
    "commander",
    "admiral",
    "colonel",
    "col",
    "captain",
    "capt",
    "lt",
    "sgt",
    "sergeant",
    "judge",
    "justice",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "official",
    "officials",
    "aide",
    "officer",
    "advisers",
    "advisors",
    "presidential",
    "executive",
    "member",
    "head",
    "first",
    "lady",
    "gentleman",
    "host",
    "moderator",
    // Chinese labels put the office before the name: `主持人 苏雨晴：`.
    "主持人",
    "发言人",
    "新闻发言人",
    "pastor",
    "reverend",
    "rev",
    "father",
    "bishop",
    "state",
    "national",
    "economic",
    "security",
    "homeland",
    "domestic",
    "foreign",
    "policy",
    "climate",
    "health",
    "public",
    "white",
    "house",
    "administration",
    "council",
    "cabinet",
    "ministry",
    "department",
    "office",
    "bureau",
    "commission",
    "committee",
    "agency",
    "affairs",
    "development",
    "information",
    "municipal",
    "people's",
    "government",
    "party",
    "central",
    "federal",
    "defense",
    "defence",
    "treasury",
    "commerce",
    "finance",
    "financial",
    "trade",
    "staff",
    "team",
    "group",
    "spokesperson's",
    "cyber",
    "emerging",
    "technology",
    "international",
    "relations",
    "communications",
    "director-general",
    "secretary-general",
];

/// Words that, anywhere in a label or name, mark a media outlet.
const OUTLET_WORDS: &[&str] = &[
    "daily",
    "news",
    "tv",
    "television",
    "radio",
    "times",
    "post",
    "journal",
    "agency",
    "associated",
    "presse",
    "network",
    "networks",
    "media",
    "herald",
    "tribune",
    "gazette",
    "weekly",
    "magazine",
    "broadcasting",
    "broadcast",
    "channel",
    "online",
    "wire",
    "newspaper",
    "reuters",
    "bloomberg",
    "afp",
    "ap",
    "cnn",
    "bbc",
    "nhk",
    "xinhua",
    "yonhap",
    "kyodo",
    "tass",
    "ria",
    "efe",
    "ansa",
    "dpa",
    "abc",
    "cbs",
    "nbc",
    "fox",
    "msnbc",
    "npr",
    "pbs",
    "cnbc",
    "cgtn",
    "cctv",
    "cri",
    "rthk",
    "tvb",
    "aljazeera",
    "jazeera",
    "politico",
    "axios",
    "economist",
    "observer",
    "guardian",
    "telegraph",
    "chronicle",
    "monitor",
    "review",
    "report",
    "reporter",
    "sputnik",
    "globe",
    "mail",
    "express",
    "caixin",
    "paper",
    "monthly",
    "prensa",
    "shimbun",
    "novosti",
    "nikkei",
    "buzzfeed",
    "yahoo",
    "univision",
    "telemundo",
    "newsweek",
    "bulletin",
    "courier",
    "dispatch",
];

/// Words that name organisations, not people: `Shanghai Stock Exchange
/// said` is not a person speaking.
const ORG_WORDS: &[&str] = &[
    "exchange",
    "office",
    "bureau",
    "ministry",
    "commission",
    "company",
    "group",
    "bank",
    "council",
    "committee",
    "university",
    "institute",
    "center",
    "centre",
    "association",
    "government",
    "department",
    "agency",
    "corporation",
    "co",
    "ltd",
    "inc",
    "board",
    "market",
    "fund",
    "administration",
    "authority",
    "court",
    "party",
    "club",
    "foundation",
    "federation",
    "union",
    "organization",
    "organisation",
    "school",
    "college",
    "academy",
    "hospital",
    "team",
    "forum",
    "conference",
    "house",
    "city",
    "province",
    "state",
    "republic",
    "kingdom",
    "county",
    "district",
    "zone",
    "area",
    "park",
    "road",
    "street",
    "square",
    "station",
    "airport",
    "port",
    "regulations",
    "law",
    "act",
    "plan",
    "program",
    "programme",
    "initiative",
    "project",
];

/// Lower-cased words that join the parts of a name or an outlet and are
/// written in lower case inside them.
pub const CONNECTORS: &[&str] = &[
    "and", "of", "the", "for", "de", "du", "des", "da", "do", "dos", "van", "von", "der", "den",
    "la", "le", "el", "al", "bin", "ibn", "y", "di", "on", "in", "to", "&",
];

fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .trim_end_matches('.')
        .to_lowercase()
        .replace('\u{2019}', "'")
}

/// Whether `word` is an honorific or a word of office ("MS.", "Secretary"),
/// or words of office joined by hyphens, as European institutions write
/// them ("Vice-President", "Vice-Chair"; not "Jean-Pierre").
pub fn is_title_word(word: &str) -> bool {
    let w = bare(word);
    !w.is_empty()
        && (TITLE_WORDS.contains(&w.as_str())
            || (w.contains('-')
                && w.split('-')
                    .all(|part| !part.is_empty() && TITLE_WORDS.contains(&part))))
}

/// Edit distance between two short words, counting a swap of neighbouring
/// letters as one edit (optimal string alignment), or `None` when it is
/// above `max`. Typists swap letters (`PRESIDNET`, `SECREATRY`) and drop
/// them (`ADMINSTRATOR`); this is how such a label still finds its word.
pub fn near(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        d[i * w] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
    }
    let dist = d[a.len() * w + b.len()];
    (dist <= max).then_some(dist)
}

/// How many typing errors a word of this length may carry and still be
/// recognised: none for short words (too many real words are one letter
/// apart), one from six letters, two from nine.
pub fn typo_budget(len: usize) -> usize {
    match len {
        0..=5 => 0,
        6..=8 => 1,
        _ => 2,
    }
}

/// The title word `word` was meant to be, allowing for a typo
/// (`PRESIDNET` → `president`), or `None`. Exact title words come back
/// folded as they are.
pub fn title_word_typo(word: &str) -> Option<&'static str> {
    let w = bare(word);
    if let Some(t) = TITLE_WORDS.iter().find(|t| **t == w) {
        return Some(t);
    }
    let budget = typo_budget(w.chars().count());
    if budget == 0 {
        return None;
    }
    let mut best: Option<(usize, &'static str)> = None;
    let mut tie = false;
    for t in TITLE_WORDS {
        if t.len() < 6 {
            continue;
        }
        if let Some(d) = near(&w, t, budget) {
            match best {
                Some((bd, _)) if bd < d => {}
                Some((bd, _)) if bd == d => tie = true,
                _ => {
                    best = Some((d, t));
                    tie = false;
                }
            }
        }
    }
    if tie {
        return None;
    }
    best.map(|(_, t)| t)
}

/// Whether a word of office names a person's post (`Spokesman`,
/// `Minister`, `Treasurer`), as opposed to an organisation or a field
/// (`Affairs`, `Policy`, `Council`): an office label ends with one.
pub fn is_person_office(word: &str) -> bool {
    matches!(
        bare(word).as_str(),
        "president"
            | "premier"
            | "minister"
            | "secretary"
            | "undersecretary"
            | "spokesperson"
            | "spokesman"
            | "spokeswoman"
            | "ambassador"
            | "envoy"
            | "governor"
            | "mayor"
            | "senator"
            | "chair"
            | "chairman"
            | "chairwoman"
            | "chairperson"
            | "director"
            | "director-general"
            | "secretary-general"
            | "commissioner"
            | "administrator"
            | "chancellor"
            | "treasurer"
            | "advisor"
            | "adviser"
            | "coordinator"
            | "official"
            | "officer"
            | "aide"
            | "speaker"
            | "leader"
            | "general"
            | "admiral"
            | "commander"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "lady"
            | "pm"
    )
}

/// Letters after a name that are not part of it: `MP`, `QC`, `OBE`,
/// `Jr.`, `PhD`.
pub fn is_post_nominal(word: &str) -> bool {
    matches!(
        bare(word).as_str(),
        "mp" | "mla"
            | "mpp"
            | "msp"
            | "mep"
            | "qc"
            | "kc"
            | "sc"
            | "obe"
            | "mbe"
            | "cbe"
            | "kbe"
            | "dbe"
            | "jr"
            | "sr"
            | "phd"
            | "md"
            | "esq"
            | "ao"
            | "ac"
    )
}

/// Whether `word` is an honorific proper (Mr., Ms., Dr. …): a word that
/// announces a person's name follows.
pub fn is_honorific(word: &str) -> bool {
    matches!(
        bare(word).as_str(),
        "mr" | "mrs" | "ms" | "miss" | "mx" | "dr" | "prof" | "sir" | "dame" | "madam" | "mme"
    )
}

/// Whether a label or name reads as a media outlet: it contains an outlet
/// word, looks like a web domain (`ThePaper.cn`), or is a short all-capital
/// acronym (`CCTV`).
pub fn looks_like_outlet(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.iter().any(|w| {
        let b = bare(w);
        OUTLET_WORDS.contains(&b.as_str())
            || b.split(['.', '-']).any(|part| OUTLET_WORDS.contains(&part))
    }) {
        return true;
    }
    // "Jiji Press", "Harbour Press", "Associated Press": an agency's name
    // ends in "Press", where an office ("Press Secretary") starts with it.
    if words.len() >= 2
        && words.last().is_some_and(|w| bare(w) == "press")
        && !words.iter().rev().skip(1).any(|w| is_title_word(w))
    {
        return true;
    }
    if words.iter().any(|w| {
        let lw = w.to_ascii_lowercase();
        [".com", ".cn", ".net", ".org", ".co.", ".io", ".news"]
            .iter()
            .any(|tld| lw.contains(tld) && !lw.ends_with('.'))
    }) {
        return true;
    }
    matches!(words.as_slice(), [w] if is_acronym(w))
}

/// A short run of capitals (and digits), as outlets name themselves: `CCTV`,
/// `CGTN`, `RTHK`, `9NEWS`.
pub fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && word.chars().count() <= 7
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
}

/// Strips titles and honorifics from the front of a name: `Press Secretary
/// Jen Psaki` → (`Press Secretary`, `Jen Psaki`). When every word is a title
/// (`SENIOR ADMINISTRATION OFFICIAL`), the name is empty.
pub fn split_title(name: &str) -> (String, String) {
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() && (is_title_word(words[i]) || is_connector(words[i])) {
        i += 1;
    }
    // "Secretary of State Blinken": connectors only belong to the title when
    // a title word follows them.
    (words[..i].join(" "), words[i..].join(" "))
}

/// Whether `word` is a connector such as "of" or "van".
pub fn is_connector(word: &str) -> bool {
    CONNECTORS.contains(&bare(word).as_str())
}

/// Whether a word is written as a name is: a capital first, or a particle.
pub fn is_name_word(word: &str) -> bool {
    let first = word.chars().find(|c| c.is_alphanumeric());
    match first {
        Some(c) if c.is_uppercase() => word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}' | '.')),
        // Han names have no capitals; all of the word must be the script
        // (or the middle dot of transliterated names), so `苏雨晴：` with its
        // label colon is not a name word.
        Some(c) if is_cjk(c) => word.chars().all(|c| is_cjk(c) || c == '·'),
        _ => is_connector(word),
    }
}

/// Whether `c` is a Han, Kana or Hangul character: names in those scripts
/// have no capitals to recognise them by.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af | 0xf900..=0xfaff)
}

/// Words that make a short run of Han characters a form of address or a
/// group, not a name: `主持人：各位记者，下午好` greets the reporters.
const CJK_NOT_NAMES: &[&str] = &["各位", "大家", "记者", "朋友", "媒体", "同志"];

/// Words of speech that no Chinese name holds: thanks, welcome, please,
/// agreement, the speaker and the listener, the words a chair moves on
/// with (`好的 谢谢`, `下面 请提问`, `现在 开始`). A short line under
/// `主持人：` is as often such words as a name, and has a name's length;
/// these tell them apart. (Single characters only where names do not use
/// them: 请, 您, 你.)
pub const CJK_SPEECH_WORDS: &[&str] = &[
    "谢谢", "感谢", "欢迎", "好的", "请", "您", "你", "我们", "你们", "下面", "现在", "今天",
    "问题", "是的", "没有", "还有", "开始", "结束", "提问",
];

/// How Chinese offices end: `部长`, `局长`, `主任`, `新闻发言人`, `总工程师`…
/// (`长` covers every kind of head: 部长, 局长, 司长, 行长, 市长, 秘书长).
const CJK_OFFICE_ENDS: &[&str] = &[
    "长",
    "主任",
    "书记",
    "主席",
    "委员",
    "发言人",
    "代表",
    "专员",
    "经理",
    "总裁",
    "总监",
    "顾问",
    "教授",
    "院士",
    "研究员",
    "师",
    "主编",
    "理事",
    "大使",
    "参赞",
    "负责人",
    "专家",
    "秘书",
    "官",
    "主持人",
];

/// Whether `title` reads as a Chinese office: Han characters (at least
/// two) that end in an office word, a parenthesised rank aside
/// (`商务部国际贸易谈判代表（正部长级）`). Used for rosters that print the
/// office before the name, where the office's ending is what tells it from
/// a word of speech.
pub fn is_cjk_office(title: &str) -> bool {
    let mut core = title.trim();
    // "…代表（正部长级）": the rank in brackets is an aside.
    while let Some(open) = core
        .strip_suffix(['）', ')'])
        .and_then(|c| c.rfind(['（', '(']))
    {
        core = core[..open].trim_end();
    }
    core.chars().filter(|&c| is_cjk(c)).count() >= 2
        && core.chars().next().is_some_and(is_cjk)
        && CJK_OFFICE_ENDS.iter().any(|end| core.ends_with(end))
}

/// Whether `name` has the shape of a personal name: two to four name words,
/// not an outlet, not only titles.
pub fn looks_like_person(name: &str) -> bool {
    let (_, rest) = split_title(name);
    let words: Vec<&str> = rest.split_whitespace().collect();
    if looks_like_outlet(&rest) || words.is_empty() {
        return false;
    }
    if rest.chars().all(|c| is_cjk(c) || c == '·' || c == ' ') {
        return (2..=4).contains(&rest.chars().filter(|c| is_cjk(*c)).count())
            && !CJK_NOT_NAMES
                .iter()
                .chain(CJK_SPEECH_WORDS)
                .any(|w| rest.contains(w));
    }
    (2..=4).contains(&words.len())
        && words.iter().all(|w| is_name_word(w))
        && !words.iter().any(|w| ORG_WORDS.contains(&bare(w).as_str()))
        && words
            .iter()
            .filter(|w| !is_connector(w))
            .all(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 || w.ends_with('.'))
}

/// Prints a person's name written in capitals as a name, even a lone
/// surname that [`display_case`] would keep as an acronym: `PSAKI` →
/// `Psaki`, `JEAN-PIERRE` → `Jean-Pierre`.
pub fn display_person(name: &str) -> String {
    if name.chars().any(|c| c.is_lowercase()) || name.contains(char::is_whitespace) {
        return display_case(name);
    }
    cap_word(&name.to_lowercase())
}

/// Prints a name written in capitals as a name: `VON DER LEYEN` → `von der
/// Leyen`, `MCCARTHY` → `McCarthy`, `JEAN-PIERRE` → `Jean-Pierre`. Names
/// already in mixed case are returned unchanged.
pub fn display_case(name: &str) -> String {
    if name.chars().any(|c| c.is_lowercase()) {
        return name.to_string();
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let n = words.len();
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let lw = w.to_lowercase();
            if i > 0 && i + 1 < n && CONNECTORS.contains(&lw.as_str()) {
                return lw;
            }
            if is_acronym(w) && !is_title_word(w) && n == 1 {
                return (*w).to_string();
            }
            cap_word(&lw)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn cap_word(lower: &str) -> String {
    // Capitalise after hyphens and apostrophes: Jean-Pierre, O'Rourke.
    let mut out = String::with_capacity(lower.len());
    let mut up = true;
    for c in lower.chars() {
        if up && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            up = false;
        } else {
            out.push(c);
        }
        if matches!(c, '-' | '\'' | '\u{2019}') {
            up = true;
        }
    }
    if let Some(rest) = out.strip_prefix("Mc") {
        if let Some(c) = rest.chars().next() {
            let mut s = String::from("Mc");
            s.extend(c.to_uppercase());
            s.push_str(&rest[c.len_utf8()..]);
            return s;
        }
    }
    out
}

/// Folds a name for matching: lower case, accents dropped, punctuation
/// turned to spaces, whitespace collapsed. `Gómez-Ruiz, Dr.` → `gomez ruiz dr`.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        // The common case, byte by byte: this runs on every passage.
        let mut out = String::with_capacity(s.len());
        let mut space = false;
        for &b in s.as_bytes() {
            if b.is_ascii_alphanumeric() {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(char::from(b.to_ascii_lowercase()));
            } else if b != b'\'' {
                space = true;
            }
        }
        return out;
    }
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        let mut push = |l: char| {
            let l = fold_char(l);
            if l == '\'' {
                // Apostrophes join: "People's" → "peoples".
            } else if l.is_alphanumeric() {
                if gap && !out.is_empty() {
                    out.push(' ');
                }
                gap = false;
                out.push(l);
            } else {
                gap = true;
            }
        };
        if c.is_ascii() {
            push(c.to_ascii_lowercase());
        } else {
            for l in c.to_lowercase() {
                push(l);
            }
        }
    }
    out
}

/// Drops the accent from common Latin letters.
pub fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        'ť' | 'ţ' | 'ț' => 't',
        'ǎ' => 'a',
        'ǐ' => 'i',
        'ǒ' => 'o',
        'ǔ' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => 'u',
        '\u{2019}' | '\u{2018}' => '\'',
        c => c,
    }
}

/// The surname key of a person name for matching labels to full names:
/// the last word, folded (`Jen Psaki` → `psaki`). Chinese names put the
/// family name first; see [`name_keys`] for all the keys a name answers to.
pub fn surname_key(name: &str) -> Option<String> {
    fold(name).split(' ').next_back().map(str::to_string)
}

/// Every folded word of a name, so that a label `GONG` or `Mr. Gong` (family
/// name first) or `MS. PSAKI` (family name last) finds its full name.
pub fn name_keys(name: &str) -> Vec<String> {
    fold(name)
        .split(' ')
        .filter(|w| !w.is_empty() && !CONNECTORS.contains(w))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_split_off() {
        assert_eq!(
            split_title("Press Secretary Jen Psaki"),
            ("Press Secretary".into(), "Jen Psaki".into())
        );
        assert_eq!(
            split_title("SENIOR ADMINISTRATION OFFICIAL"),
            ("SENIOR ADMINISTRATION OFFICIAL".into(), String::new())
        );
        assert_eq!(split_title("MS. PSAKI"), ("MS.".into(), "PSAKI".into()));
    }

    #[test]
    fn outlets_and_people() {
        for outlet in [
            "Phoenix TV",
            "Evening Post",
            "CGTN",
            "Example.cn",
            "Radio Free Asia",
        ] {
            assert!(looks_like_outlet(outlet), "{outlet}");
            assert!(!looks_like_person(outlet), "{outlet}");
        }
        for person in [
            "Anna Lindqvist",
            "Wang Wenbin",
            "Mr. Kofi Mensah",
            "李明 华",
        ] {
            assert!(looks_like_person(person), "{person}");
        }
        assert!(!looks_like_person("Bottom line"));
        assert!(!looks_like_person("Missiles"));
    }

    #[test]
    fn typos_find_their_word() {
        assert_eq!(near("presidnet", "president", 1), Some(1));
        assert_eq!(near("modeartor", "moderator", 1), Some(1));
        assert_eq!(near("offial", "official", 2), Some(2));
        assert_eq!(near("kestrel", "president", 2), None);
        assert_eq!(title_word_typo("PRESIDNET"), Some("president"));
        assert_eq!(title_word_typo("SECREATRY"), Some("secretary"));
        assert_eq!(title_word_typo("ADMINSTRATOR"), Some("administrator"));
        assert_eq!(title_word_typo("Secretary"), Some("secretary"));
        assert_eq!(title_word_typo("WALENSKY"), None);
        assert_eq!(title_word_typo("PRESTON"), None);
    }

    #[test]
    fn capitals_print_as_names() {
        assert_eq!(display_case("VON DER LEYEN"), "Von der Leyen");
        assert_eq!(display_case("MCCARTHY"), "McCarthy");
        assert_eq!(display_case("JEAN-PIERRE"), "Jean-Pierre");
        assert_eq!(display_case("O'ROURKE"), "O'Rourke");
        assert_eq!(display_case("Already Fine"), "Already Fine");
    }

    #[test]
    fn ascii_folding_matches_the_general_path() {
        for s in [
            "Gong Zheng",
            "  MS. PSAKI: ",
            "People's  Daily",
            "a-b_c",
            "",
            "'",
        ] {
            let general: String = s
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '\'' {
                        c.to_ascii_lowercase()
                    } else {
                        ' '
                    }
                })
                .collect::<String>()
                .replace('\'', "")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(fold(s), general, "{s:?}");
        }
    }

    #[test]
    fn folding_drops_case_accents_and_punctuation() {
        assert_eq!(fold("Gómez-Ruiz, Dr."), "gomez ruiz dr");
        assert_eq!(fold("People\u{2019}s Daily"), "peoples daily");
        assert_eq!(
            name_keys("Karine Jean-Pierre"),
            ["karine", "jean", "pierre"]
        );
    }
}
