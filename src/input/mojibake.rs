//! Repairing UTF-8 that was decoded as Windows-1252 (or Latin-1) upstream.
//!
//! A page saved by a tool that guessed the wrong encoding, or text pasted
//! through one, turns every curly quote and accented letter into two or
//! three characters: `It’s` becomes `Itâ€™s`, `café` becomes `cafÃ©`; read
//! as Latin-1 instead, the bytes `0x80`–`0x9F` become invisible control
//! characters, and the apostrophe shows as `Itâs`. Such text cannot be
//! searched (`it's` never matches `itâ€™s`), and a label's colon or a name
//! may sit inside the damage.
//!
//! The repair is an exact reversal rather than a guess: a run of characters
//! that are each one Windows-1252 byte, starting with a byte that opens a
//! UTF-8 sequence and followed by the continuation bytes that sequence
//! needs, is re-encoded to those bytes and decoded as UTF-8; a run that is
//! not valid UTF-8 so is left as it is. Real text almost never has such a
//! run (`Ã` followed by `©` is not a word in any language), so nothing else
//! changes. A crate (`ftfy`'s ports) would weigh far more than the one
//! table this needs. When the control characters were lost on the way
//! (`Itâs`), only the apostrophe of an English contraction can be told:
//! `â` between a letter and `s`, `t`, `re`, `ve`, `ll`, `d` or `m` that ends
//! the word.

/// The Windows-1252 byte a character was decoded from, for characters that
/// can be a byte of mis-decoded UTF-8 (`0x80`–`0xFF`): Latin-1 letters and
/// signs, the C1 controls a Latin-1 decoder gives for `0x80`–`0x9F`, and
/// the characters Windows-1252 puts there instead (`€`, `’`, `™`, …).
fn cp1252_byte(c: char) -> Option<u8> {
    let n = c as u32;
    if (0x80..=0xff).contains(&n) {
        return u8::try_from(n).ok();
    }
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8a,
        '‹' => 0x8b,
        'Œ' => 0x8c,
        'Ž' => 0x8e,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9a,
        '›' => 0x9b,
        'œ' => 0x9c,
        'ž' => 0x9e,
        'Ÿ' => 0x9f,
        _ => return None,
    })
}

/// How many continuation bytes a UTF-8 sequence opened by `lead` needs.
fn continuation_bytes(lead: u8) -> Option<usize> {
    match lead {
        0xc2..=0xdf => Some(1),
        0xe0..=0xef => Some(2),
        0xf0..=0xf4 => Some(3),
        _ => None,
    }
}

/// Whether `s` ends an English contraction after the apostrophe: `s`,
/// `t`, `re`, `ve`, `ll`, `d`, `m`, then no more letters.
fn contraction_tail(s: &str) -> bool {
    ["s", "t", "re", "ve", "ll", "d", "m"].iter().any(|tail| {
        s.strip_prefix(tail)
            .is_some_and(|after| !after.starts_with(char::is_alphabetic))
    })
}

/// `text` with mis-decoded UTF-8 repaired, and how many characters were
/// repaired; the text itself (no copy) when there is nothing to repair.
pub fn repair(text: String) -> (String, usize) {
    // Every mis-decoded sequence opens with a character from U+00C2 to
    // U+00F4; text without one (all ASCII, Chinese, …) is left at once.
    if text.is_ascii() || !text.chars().any(|c| ('\u{c2}'..='\u{f4}').contains(&c)) {
        return (text, 0);
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = String::with_capacity(text.len());
    let mut repaired = 0;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let lead = cp1252_byte(c).filter(|_| c as u32 >= 0xc2);
        if let Some(n) = lead.and_then(continuation_bytes) {
            let mut bytes = vec![c as u8];
            for &(_, next) in chars.iter().skip(i + 1).take(n) {
                match cp1252_byte(next) {
                    Some(b) if (0x80..=0xbf).contains(&b) => bytes.push(b),
                    _ => break,
                }
            }
            if bytes.len() == n + 1 {
                if let Ok(s) = std::str::from_utf8(&bytes) {
                    out.push_str(s);
                    repaired += 1;
                    i += n + 1;
                    continue;
                }
            }
        }
        if c == 'â' {
            let before = i > 0 && chars[i - 1].1.is_alphabetic();
            if before && contraction_tail(&text[at + c.len_utf8()..]) {
                out.push('\u{2019}');
                repaired += 1;
                i += 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    (out, repaired)
}

/// The warning that tells a user their file was repaired.
pub fn note(repaired: usize) -> Option<String> {
    (repaired > 0).then(|| {
        format!(
            "had {repaired} character{} of UTF-8 that was read as Windows-1252 somewhere before (`Itâ€™s`): repaired",
            if repaired == 1 { "" } else { "s" }
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(s: &str) -> String {
        repair(s.to_string()).0
    }

    #[test]
    fn utf8_read_as_windows_1252_is_reversed_exactly() {
        assert_eq!(fixed("Itâ€™s here"), "It’s here");
        assert_eq!(fixed("cafÃ© crÃ¨me"), "café crème");
        assert_eq!(fixed("â€œQuoteâ€\u{9d} â€” end"), "“Quote” — end");
        // Read as Latin-1: the bytes 0x80–0x9F are C1 control characters.
        assert_eq!(fixed("It\u{e2}\u{80}\u{99}s"), "It’s");
        assert_eq!(fixed("ä¸\u{ad}å›½"), "中国");
        assert_eq!(repair("Itâ€™s, weâ€™re".to_string()).1, 2);
    }

    #[test]
    fn an_apostrophe_whose_bytes_were_lost_is_restored_in_contractions() {
        assert_eq!(fixed("Itâs said we donât"), "It’s said we don’t");
        assert_eq!(fixed("weâre, Iâm, theyâll"), "we’re, I’m, they’ll");
    }

    #[test]
    fn real_text_is_left_alone() {
        for s in [
            "château, pâté, São Paulo, Ångström, naïve, Zürich",
            "It’s “quoted” — and ©2024 £5 €4",
            "中国 日本語 한국어",
            "plain ASCII",
            "Â alone, and Ã at the end Ã",
        ] {
            assert_eq!(repair(s.to_string()), (s.to_string(), 0), "{s}");
        }
    }
}
