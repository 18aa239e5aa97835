//! Synonyms and aliases: the names briefings give one entity.
//!
//! A researcher types `STAR Market`; a 2020 wire translation says `Science
//! and Technology Board`. A [`Synonyms`] map knows such groups and lets the
//! query builder search every name of a group when the words typed are one
//! of them (see `query::build`).
//!
//! Both sides go through the index's own analyzer, so a group matches the
//! *terms* of a query, not its spelling: case, accents, possessives and word
//! endings do not matter, and `Sci-Tech` is the two words it is indexed as.
//!
//! The map is built once — the shipped list ([`Synonyms::shipped`]) once per
//! process, a user's file once per command — never per query.
//!
//! File format (the shipped list is `src/search/synonyms.txt`): one group per
//! line, names separated by `=`, `#` starts a comment.
//!
//! ```text
//! # my synonyms
//! STAR Market = Science and Technology Innovation Board
//! Gaokao = national college entrance examination
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use crate::error::{Error, Result};
use crate::index::analyzer;

/// The list compiled into podium.
pub const SHIPPED: &str = include_str!("synonyms.txt");

/// One name of an entity, as written and as index terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub text: String,
    pub terms: Vec<String>,
}

/// Groups of names that mean the same thing, with an index from a name's
/// first term to the names that start with it.
#[derive(Debug, Clone, Default)]
pub struct Synonyms {
    groups: Vec<Vec<Name>>,
    /// First term → (group, name) of every name starting with that term.
    by_first: HashMap<String, Vec<(usize, usize)>>,
    /// A name's terms → its group, to merge groups that share a name.
    by_terms: HashMap<Vec<String>, usize>,
}

/// A match of a group's name in a run of query terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub group: usize,
    /// Which of the group's names the query used.
    pub name: usize,
    /// How many query terms it covers.
    pub len: usize,
}

impl Synonyms {
    /// No synonyms at all (`--no-synonyms`).
    pub fn none() -> Arc<Synonyms> {
        static NONE: OnceLock<Arc<Synonyms>> = OnceLock::new();
        NONE.get_or_init(|| Arc::new(Synonyms::default())).clone()
    }

    /// The shipped list, parsed and analyzed once per process.
    pub fn shipped() -> Arc<Synonyms> {
        static SHIPPED_MAP: OnceLock<Arc<Synonyms>> = OnceLock::new();
        SHIPPED_MAP
            .get_or_init(|| {
                let mut s = Synonyms::default();
                // The shipped list is checked by a unit test; a bad line
                // would be skipped rather than stop every search.
                let _ = s.add_text(SHIPPED, "the shipped synonyms list");
                Arc::new(s)
            })
            .clone()
    }

    /// The shipped list plus the groups of a user's file. Groups that share
    /// a name are merged.
    pub fn shipped_plus(file: &Path) -> Result<Synonyms> {
        let mut s = (*Synonyms::shipped()).clone();
        let text = std::fs::read_to_string(file).map_err(|source| Error::Io {
            path: file.to_path_buf(),
            source,
        })?;
        s.add_text(&text, &file.display().to_string())?;
        Ok(s)
    }

    /// Parses groups from `text` (`source` names the file in errors) and
    /// adds them. A line without `=` or with a name that has no searchable
    /// word is an error naming the file and line (`my.txt: line 3: …`); the
    /// good lines are still added.
    pub fn add_text(&mut self, text: &str, source: &str) -> Result<()> {
        let mut first_error = None;
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            match parse_line(line) {
                Ok(names) => self.merge_in(names),
                Err(reason) => {
                    first_error.get_or_insert_with(|| Error::Io {
                        path: PathBuf::from(source),
                        source: std::io::Error::new(
                            std::io::ErrorKind::InvalidData,
                            format!("line {}: {reason}", i + 1),
                        ),
                    });
                }
            }
        }
        self.reindex();
        first_error.map_or(Ok(()), Err)
    }

    /// Adds one group, merging it with every group that shares a name.
    pub fn add_group(&mut self, names: Vec<Name>) {
        self.merge_in(names);
        self.reindex();
    }

    /// Adds a group without rebuilding the first-term index: linear in the
    /// group's size however many groups there are.
    fn merge_in(&mut self, names: Vec<Name>) {
        let mut shared: Vec<usize> = names
            .iter()
            .filter_map(|n| self.by_terms.get(&n.terms).copied())
            .collect();
        shared.sort_unstable();
        shared.dedup();
        let target = match shared.first() {
            Some(&g) => g,
            None => {
                self.groups.push(Vec::new());
                self.groups.len() - 1
            }
        };
        for &other in shared.iter().skip(1) {
            let moved = std::mem::take(&mut self.groups[other]);
            self.groups[target].extend(moved);
        }
        self.groups[target].extend(names);
        let mut seen = std::collections::HashSet::new();
        self.groups[target].retain(|n| seen.insert(n.terms.clone()));
        for n in &self.groups[target] {
            self.by_terms.insert(n.terms.clone(), target);
        }
    }

    /// Drops emptied and single-name groups and rebuilds the indexes.
    fn reindex(&mut self) {
        self.groups.retain(|g| g.len() > 1);
        self.by_first.clear();
        self.by_terms.clear();
        for (g, names) in self.groups.iter().enumerate() {
            for (n, name) in names.iter().enumerate() {
                if let Some(first) = name.terms.first() {
                    self.by_first.entry(first.clone()).or_default().push((g, n));
                }
                self.by_terms.insert(name.terms.clone(), g);
            }
        }
    }

    /// How many groups there are.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The names of a group.
    pub fn group(&self, group: usize) -> &[Name] {
        self.groups.get(group).map_or(&[], Vec::as_slice)
    }

    /// The longest name of any group that `terms` starts with.
    pub fn longest_match(&self, terms: &[&str]) -> Option<Match> {
        let first = terms.first()?;
        self.by_first
            .get(*first)?
            .iter()
            .filter(|(g, n)| {
                let name = &self.groups[*g][*n].terms;
                name.len() <= terms.len() && name.iter().zip(terms).all(|(a, b)| a == b)
            })
            .map(|&(group, name)| Match {
                group,
                name,
                len: self.groups[group][name].terms.len(),
            })
            .max_by_key(|m| m.len)
    }
}

/// Splits a line into names and analyzes each.
fn parse_line(line: &str) -> std::result::Result<Vec<Name>, String> {
    if !line.contains('=') {
        return Err(format!(
            "expected names separated by '=' (e.g. \"PBOC = People's Bank of China\"), got {line:?}"
        ));
    }
    let mut names = Vec::new();
    for part in line.split('=') {
        let text = part.trim();
        if text.is_empty() {
            return Err(format!("an empty name in {line:?}"));
        }
        let terms = analyzer::terms(text);
        if terms.is_empty() {
            return Err(format!("{text:?} has no searchable word"));
        }
        names.push(Name {
            text: text.to_string(),
            terms,
        });
    }
    Ok(names)
}

/// Where podium looks for a user's synonyms when `--synonyms` is not
/// given: `$XDG_CONFIG_HOME/podium/synonyms.txt`, else
/// `~/.config/podium/synonyms.txt`.
pub fn default_path() -> Option<PathBuf> {
    let xdg = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    let base = xdg.or_else(|| {
        std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .map(|h| PathBuf::from(h).join(".config"))
    })?;
    Some(base.join("podium").join("synonyms.txt"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(s: &str) -> Vec<String> {
        analyzer::terms(s)
    }

    #[test]
    fn shipped_list_parses_cleanly_and_is_substantial() {
        let mut s = Synonyms::default();
        s.add_text(SHIPPED, "shipped").expect("shipped list parses");
        assert!(s.len() >= 60, "{} groups", s.len());
        // No two groups share a name (they would have been merged).
        assert_eq!(s.len(), Synonyms::shipped().len());
    }

    #[test]
    fn star_market_group_holds_the_board_names() {
        let s = Synonyms::shipped();
        let q = terms("star market");
        let refs: Vec<&str> = q.iter().map(String::as_str).collect();
        let m = s.longest_match(&refs).expect("match");
        assert_eq!(m.len, 2);
        let names: Vec<&str> = s.group(m.group).iter().map(|n| n.text.as_str()).collect();
        assert!(names.contains(&"Science and Technology Board"), "{names:?}");
        assert!(names.contains(&"Sci-Tech Innovation Board"), "{names:?}");
    }

    #[test]
    fn longest_name_wins_and_case_and_endings_do_not_matter() {
        let mut s = Synonyms::default();
        s.add_text("Port = harbour\nPort Authority = Harbour Board\n", "test")
            .expect("parse");
        let q = terms("PORT AUTHORITIES said");
        let refs: Vec<&str> = q.iter().map(String::as_str).collect();
        let m = s.longest_match(&refs).expect("match");
        assert_eq!(m.len, 2);
        assert_eq!(s.group(m.group)[1].text, "Harbour Board");
        assert!(s.longest_match(&["said"]).is_none());
    }

    #[test]
    fn groups_sharing_a_name_merge() {
        let mut s = Synonyms::default();
        s.add_text("A1 = alpha one\nalpha one = first alpha", "t")
            .expect("parse");
        assert_eq!(s.len(), 1);
        assert_eq!(s.group(0).len(), 3);
        // A line joining two existing groups merges them.
        s.add_text("B2 = beta two\nfirst alpha = B2", "t")
            .expect("parse");
        assert_eq!(s.len(), 1);
        assert_eq!(s.group(0).len(), 5);
        let m = s.longest_match(&["beta", "two"]).expect("beta two");
        assert_eq!(s.group(m.group).len(), 5);
    }

    #[test]
    fn a_large_user_file_loads() {
        // 5,000 groups, merged by name lookups (not by scanning every group).
        let text: String = (0..5000)
            .map(|i| format!("acr{i} = long name number {i}\n"))
            .collect();
        let mut s = Synonyms::default();
        s.add_text(&text, "big").expect("parse");
        assert_eq!(s.len(), 5000);
    }

    #[test]
    fn bad_lines_are_errors_that_name_the_line() {
        let mut s = Synonyms::default();
        let e = s
            .add_text("# fine\nok = fine\nno equals sign here\n", "my.txt")
            .expect_err("bad line");
        assert!(e.to_string().contains("my.txt: line 3"), "{e}");
        let e = s.add_text("a = ", "x").expect_err("empty name");
        assert!(e.to_string().contains("line 1"), "{e}");
        let e = s.add_text("a = ***", "x").expect_err("no word");
        assert!(e.to_string().contains("no searchable word"), "{e}");
        // The good line was still added.
        assert!(s.longest_match(&["ok"]).is_some());
    }
}
