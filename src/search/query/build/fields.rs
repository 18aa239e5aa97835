//! The field clauses of the query language: `speaker:`, `role:`,
//! `outlet:` and `title:` narrow the results without scoring (the ranking
//! stays about what was said), and `text:` is the words themselves.
//!
//! Apart from the words and their ranking ([`super`]) because each field
//! resolves what was typed against something other than the text: the
//! speaker registry ([`crate::search::speaker`], shared with `--speaker`),
//! the roles ([`crate::search::role`]), the outlets indexed
//! ([`crate::search::outlet`]), the briefings a title finds.

use std::collections::{BTreeSet, HashMap};

use tantivy::collector::DocSetCollector;
use tantivy::columnar::StrColumn;
use tantivy::query::{Query, TermQuery, TermSetQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use super::{Builder, Clause};
use crate::error::{Error, Result};
use crate::search::outlet;
use crate::search::query::lex::FieldName;
use crate::search::query::parse::Leaf;
use crate::search::speaker::{self, Resolution};
use crate::transcript::Role;

impl Builder<'_> {
    /// A leaf with a field (bare words are `text:`): the clause of its
    /// field.
    pub(super) fn leaf(&mut self, l: &Leaf, positive: bool) -> Result<Option<Clause>> {
        match l.field {
            FieldName::Speaker => self.speaker_leaf(l).map(Some),
            FieldName::Role => self.role_leaf(l).map(Some),
            FieldName::Outlet => {
                let f = self.index.fields.organisation;
                let col = self.col(l.start);
                let q = outlet::query_leaf(self.searcher, f, &l.text, l.prefix, col)?;
                Ok(Some(Clause::filter(q)))
            }
            FieldName::Text => Ok(self
                .words_leaf(l, self.index.fields.text, positive)
                .map(Clause::scoring)),
            FieldName::Title => match self.words_leaf(l, self.index.fields.title_words, positive) {
                Some(q) => Ok(Some(Clause::filter(self.in_briefings(&*q)?))),
                None => Ok(None),
            },
        }
    }

    /// Every passage of the briefings that a title query finds. Title words
    /// are indexed on one passage per briefing (see
    /// [`crate::index::schema`]), so the query finds those passages, and
    /// their files (read from the `file` fast field, not the doc store)
    /// become an exact set of files.
    fn in_briefings(&self, title: &dyn Query) -> Result<Box<dyn Query>> {
        let found = self.searcher.search(title, &DocSetCollector)?;
        let mut files: BTreeSet<String> = BTreeSet::new();
        let mut columns: HashMap<u32, Option<StrColumn>> = HashMap::new();
        for addr in found {
            let column = match columns.entry(addr.segment_ord) {
                std::collections::hash_map::Entry::Occupied(c) => c.into_mut(),
                std::collections::hash_map::Entry::Vacant(v) => v.insert(
                    self.searcher
                        .segment_reader(addr.segment_ord)
                        .fast_fields()
                        .str("file")?,
                ),
            };
            let Some(column) = column else {
                continue;
            };
            for ord in column.term_ords(addr.doc_id) {
                let mut file = String::new();
                let found = column.ord_to_str(ord, &mut file).map_err(|e| {
                    Error::Query(format!("cannot read the files of titles found: {e}"))
                })?;
                if found {
                    files.insert(file);
                }
            }
        }
        let f = self.index.fields.file;
        Ok(Box::new(TermSetQuery::new(
            files.iter().map(|name| Term::from_field_text(f, name)),
        )))
    }

    /// `speaker:NAME`: resolved like `--speaker`; unknown names are an
    /// error that says where and lists the closest.
    fn speaker_leaf(&mut self, l: &Leaf) -> Result<Clause> {
        let registry = self.index.registry()?;
        let (resolution, initials) = speaker::resolve_value(registry, &l.text, l.prefix);
        if let Some(i) = initials {
            self.note(l.start, format!("speaker:{}", i.note));
        }
        match resolution {
            Resolution::Found(names) => Ok(Clause::filter(speaker::query(
                self.index.fields.speaker,
                &names,
            ))),
            Resolution::Unknown(closest) => Err(Error::Query(format!(
                "unknown speaker '{}' in speaker: at column {}{}",
                l.text,
                self.col(l.start),
                if closest.is_empty() {
                    String::new()
                } else {
                    format!("; closest known speakers: {}", closest.join(", "))
                }
            ))),
        }
    }

    /// `role:ROLE`, with plurals and a few everyday words accepted.
    fn role_leaf(&mut self, l: &Leaf) -> Result<Clause> {
        let Some(role) = parse_role(&l.text, l.prefix) else {
            let (kind, why) = crate::search::role::refusal(&l.text);
            return Err(Error::Query(format!(
                "{kind} role '{}' in role: at column {}: {why}",
                l.text,
                self.col(l.start)
            )));
        };
        let term = Term::from_field_text(self.index.fields.role, role.as_str());
        Ok(Clause::filter(Box::new(TermQuery::new(
            term,
            IndexRecordOption::Basic,
        ))))
    }
}

/// A role as people write it: `official`, `officials`, `Journalist`,
/// `reporter`, `chair`; with `prefix`, any role that starts so (see
/// [`crate::search::role`]).
pub fn parse_role(text: &str, prefix: bool) -> Option<Role> {
    crate::search::role::lookup(text, prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_as_people_write_them() {
        assert_eq!(parse_role("Officials", false), Some(Role::Official));
        assert_eq!(parse_role("reporters", false), Some(Role::Journalist));
        assert_eq!(parse_role("mod", true), Some(Role::Moderator));
        assert_eq!(parse_role("chair", false), Some(Role::Moderator));
        assert_eq!(parse_role("pundit", false), None);
        assert_eq!(parse_role("", true), None);
    }
}
