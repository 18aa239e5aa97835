//! Folding names for matching: lower case, accents dropped, punctuation
//! turned to spaces; and the keys (surname, every name word) a name is
//! found by.
//!
//! Separate from printing ([`super::display`]): what is compared, not what
//! is shown.

use super::CONNECTORS;

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
