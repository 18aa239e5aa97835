//! `--speaker` values → canonical speaker names, via the index's registry.
//!
//! People type names the way they remember them: `gong`, `Mr. Gong`,
//! `GONG ZHENG`, `Gómez` without the accent. Resolution folds case, accents
//! and punctuation, drops titles and honorifics, and matches the remaining
//! words against every name and alias in the [`Registry`].
//!
//! This is the one place a typed speaker becomes a query: `--speaker`
//! ([`super::filter`]), the query language's `speaker:` field and the
//! bench mix (which keeps a speaker only if the filter would find them)
//! all call [`resolve_value`] / [`resolve_all`] and [`query`], so the three
//! cannot come to disagree on who a name means. How the flag is spelled
//! stays in `cli`.

use tantivy::query::{Query, TermSetQuery};
use tantivy::schema::Field;
use tantivy::Term;

use crate::error::{Error, Result};
use crate::registry::Registry;
use crate::transcript::name;

/// How a `--speaker` value resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// Canonical names of every speaker the value matches.
    Found(Vec<String>),
    /// Nobody matches; the closest names, best first.
    Unknown(Vec<String>),
}

/// Resolves what a user typed after `--speaker` to canonical names.
///
/// Case, accents and punctuation are ignored; titles and honorifics
/// (`Mr.`, `Mayor`) are dropped unless nothing else is left; every
/// remaining word must be a word of the speaker's name or of one of its
/// aliases. `gong` finds Gong Zheng; `mr. gong` too.
pub fn resolve(registry: &Registry, query: &str) -> Resolution {
    let folded = name::fold(query);
    let all: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let words: Vec<&str> = {
        let kept: Vec<&str> = all
            .iter()
            .copied()
            .filter(|w| !name::is_title_word(w))
            .collect();
        if kept.is_empty() {
            all.clone()
        } else {
            kept
        }
    };
    if words.is_empty() {
        return Resolution::Unknown(Vec::new());
    }
    let found: Vec<String> = registry
        .speakers
        .iter()
        .filter(|s| {
            s.forms().any(|f| {
                let fw: Vec<&str> = f.split(' ').collect();
                words.iter().all(|w| fw.contains(w))
            })
        })
        .map(|s| s.name.clone())
        .collect();
    if !found.is_empty() {
        return Resolution::Found(found);
    }
    Resolution::Unknown(closest(registry, &words.join(" "), 5))
}

/// A speaker found by initials: the canonical name, and the note that
/// says so (`KJP read as Karine Jean-Pierre`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ByInitials {
    pub name: String,
    pub note: String,
}

/// [`resolve`], and when no name matches, the initials of the registry's
/// speakers: transcripts and people write `KJP` for Karine Jean-Pierre,
/// and the corpus says who that is when exactly one speaker has those
/// initials. The second value is the note to show when initials decided
/// (the user should see the reading, not trust it blindly). Several
/// speakers with the initials stay unknown, with those speakers as the
/// closest names: a guess between two people would be a wrong answer half
/// the time.
pub fn resolve_noting(registry: &Registry, query: &str) -> (Resolution, Option<ByInitials>) {
    let resolution = resolve(registry, query);
    if let Resolution::Unknown(closest) = &resolution {
        let matching = by_initials(registry, query);
        match matching.as_slice() {
            [one] => {
                let note = format!("{} read as {one}", query.trim());
                return (
                    Resolution::Found(vec![one.clone()]),
                    Some(ByInitials {
                        name: one.clone(),
                        note,
                    }),
                );
            }
            [] => {}
            several => {
                let mut names: Vec<String> = several.to_vec();
                names.extend(closest.iter().filter(|c| !several.contains(c)).cloned());
                return (Resolution::Unknown(names), None);
            }
        }
    }
    (resolution, None)
}

/// The speakers whose canonical name has `query`'s letters as initials,
/// one per word (hyphenated parts are words: Jean-Pierre is J, P; titles
/// are not). `KJP`, `K.J.P.` and `kjp` are the same; at least two letters,
/// as one letter is no one's initials.
pub fn by_initials(registry: &Registry, query: &str) -> Vec<String> {
    let typed: String = name::fold(query).chars().filter(|c| *c != ' ').collect();
    if typed.chars().count() < 2 || !typed.chars().all(char::is_alphabetic) {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    for s in &registry.speakers {
        let folded = name::fold(&s.name);
        let initials: String = folded
            .split(' ')
            .filter(|w| !w.is_empty() && !name::is_title_word(w))
            .filter_map(|w| w.chars().next())
            .collect();
        if initials == typed && !out.contains(&s.name) {
            out.push(s.name.clone());
        }
    }
    out
}

/// Resolves `speaker:gon*`: speakers with a name word (or a word of an
/// alias) that starts with the folded prefix, titles dropped as in
/// [`resolve`]. Every word but the last must match whole.
pub fn resolve_prefix(registry: &Registry, query: &str) -> Resolution {
    let folded = name::fold(query);
    let words: Vec<&str> = folded
        .split(' ')
        .filter(|w| !w.is_empty() && !name::is_title_word(w))
        .collect();
    let Some((last, whole)) = words.split_last() else {
        return resolve(registry, query);
    };
    let found: Vec<String> = registry
        .speakers
        .iter()
        .filter(|s| {
            s.forms().any(|f| {
                let fw: Vec<&str> = f.split(' ').collect();
                whole.iter().all(|w| fw.contains(w)) && fw.iter().any(|w| w.starts_with(last))
            })
        })
        .map(|s| s.name.clone())
        .collect();
    if found.is_empty() {
        Resolution::Unknown(closest(registry, &words.join(" "), 5))
    } else {
        Resolution::Found(found)
    }
}

/// What one typed speaker value stands for: [`resolve_prefix`] for
/// `speaker:gon*` (`prefix`), else [`resolve_noting`], with the note to
/// show when initials decided.
pub fn resolve_value(
    registry: &Registry,
    typed: &str,
    prefix: bool,
) -> (Resolution, Option<ByInitials>) {
    if prefix {
        (resolve_prefix(registry, typed), None)
    } else {
        resolve_noting(registry, typed)
    }
}

/// Speakers resolved from several typed values (`--speaker A --speaker B`
/// means any of them): the canonical names, each once, in the order
/// found, and the notes of values read as initials.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Resolved {
    pub names: Vec<String>,
    pub notes: Vec<String>,
}

/// Resolves every typed value ([`resolve_value`], no prefixes); the
/// first one nobody matches is [`Error::UnknownSpeaker`] with the
/// closest names.
pub fn resolve_all(registry: &Registry, typed: &[String]) -> Result<Resolved> {
    let mut out = Resolved::default();
    for wanted in typed {
        let (resolution, initials) = resolve_value(registry, wanted, false);
        out.notes.extend(initials.map(|i| i.note));
        match resolution {
            Resolution::Found(found) => {
                for n in found {
                    if !out.names.contains(&n) {
                        out.names.push(n);
                    }
                }
            }
            Resolution::Unknown(suggestions) => {
                return Err(Error::UnknownSpeaker {
                    name: wanted.clone(),
                    suggestions,
                })
            }
        }
    }
    Ok(out)
}

/// The passages of any of `names` (canonical names, as resolved) in the
/// `speaker` field: an exact term set, as the field is stored raw. The
/// caller makes it non-scoring, its own way.
pub fn query(field: Field, names: &[String]) -> Box<dyn Query> {
    Box::new(TermSetQuery::new(
        names.iter().map(|n| Term::from_field_text(field, n)),
    ))
}

/// The `n` speaker names closest to `query` by edit distance between
/// folded words.
pub fn closest(registry: &Registry, query: &str, n: usize) -> Vec<String> {
    let mut scored: Vec<(usize, &str)> = registry
        .speakers
        .iter()
        .map(|s| {
            let d = s
                .forms()
                .map(|f| {
                    // Distance to the whole form or to its best word.
                    let whole = edit_distance(query, &f);
                    let word = f
                        .split(' ')
                        .map(|w| edit_distance(query, w))
                        .min()
                        .unwrap_or(whole);
                    whole.min(word)
                })
                .min()
                .unwrap_or(usize::MAX);
            (d, s.name.as_str())
        })
        .collect();
    scored.sort();
    let limit = (query.chars().count() / 2).max(2);
    scored
        .into_iter()
        .filter(|(d, _)| *d <= limit)
        .take(n)
        .map(|(_, s)| s.to_string())
        .collect()
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::{Registry, Speaker};

    fn registry() -> Registry {
        let mut speakers: Vec<Speaker> = [
            ("Anna Lindqvist", "MS. LINDQVIST"),
            ("Harbour Radio", "Harbour Radio"),
            ("José Ortega", "Mr. Ortega"),
        ]
        .into_iter()
        .map(|(name, alias)| Speaker {
            name: name.into(),
            aliases: [alias.to_string()].into(),
            ..Speaker::default()
        })
        .collect();
        speakers.sort_by(|a, b| a.name.cmp(&b.name));
        Registry { speakers }
    }

    #[test]
    fn initials_name_the_one_speaker_who_has_them() {
        let mut r = registry();
        for name in ["Karine Jean-Pierre", "Joe Biden", "Jen Bailey"] {
            r.speakers.push(Speaker {
                name: name.into(),
                ..Speaker::default()
            });
        }
        let (found, note) = resolve_noting(&r, "KJP");
        assert_eq!(found, Resolution::Found(vec!["Karine Jean-Pierre".into()]));
        assert_eq!(note.expect("note").note, "KJP read as Karine Jean-Pierre");
        assert_eq!(by_initials(&r, "k.j.p."), ["Karine Jean-Pierre"]);
        assert_eq!(by_initials(&r, "al"), ["Anna Lindqvist"]);
        // Two speakers are JB: neither is guessed, both are suggested.
        match resolve_noting(&r, "JB") {
            (Resolution::Unknown(closest), None) => {
                assert!(
                    closest.starts_with(&["Jen Bailey".into(), "Joe Biden".into()])
                        || closest.starts_with(&["Joe Biden".into(), "Jen Bailey".into()]),
                    "{closest:?}"
                );
            }
            other => panic!("{other:?}"),
        }
        // A name that matches is never read as initials; one letter is no
        // one's initials.
        assert_eq!(resolve_noting(&r, "ortega").1, None);
        assert!(by_initials(&r, "K").is_empty());
        assert!(by_initials(&r, "k2").is_empty());
    }

    #[test]
    fn resolves_name_forms() {
        let r = registry();
        let found = |q: &str| Resolution::Found(vec![q.to_string()]);
        assert_eq!(resolve(&r, "anna lindqvist"), found("Anna Lindqvist"));
        assert_eq!(resolve(&r, "LINDQVIST"), found("Anna Lindqvist"));
        assert_eq!(resolve(&r, "Ms. Lindqvist"), found("Anna Lindqvist"));
        assert_eq!(resolve(&r, "Minister Lindqvist"), found("Anna Lindqvist"));
        assert_eq!(resolve(&r, "jose ortega"), found("José Ortega"));
        assert_eq!(resolve(&r, "radio"), found("Harbour Radio"));
    }

    #[test]
    fn prefixes_match_name_words() {
        let r = registry();
        assert_eq!(
            resolve_prefix(&r, "lind"),
            Resolution::Found(vec!["Anna Lindqvist".to_string()])
        );
        assert_eq!(
            resolve_prefix(&r, "Anna lin"),
            Resolution::Found(vec!["Anna Lindqvist".to_string()])
        );
        assert!(matches!(resolve_prefix(&r, "zz"), Resolution::Unknown(_)));
    }

    #[test]
    fn unknown_names_suggest_the_closest() {
        let r = registry();
        assert_eq!(
            resolve(&r, "Lindkvist"),
            Resolution::Unknown(vec!["Anna Lindqvist".to_string()])
        );
    }

    #[test]
    fn distance() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "ab"), 2);
    }
}
