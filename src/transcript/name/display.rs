//! Printing a name written in capitals as a name: `VON DER LEYEN` → `von
//! der Leyen`, `MCCARTHY` → `McCarthy`, `PSAKI` → `Psaki`.
//!
//! Separate from matching: what is printed, not what is compared.

use super::{is_acronym, is_title_word, CONNECTORS};

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

pub(super) fn cap_word(lower: &str) -> String {
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
