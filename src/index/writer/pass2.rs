//! Pass 2: a document parsed with the corpus's knowledge, its passages
//! decided (republished ones written once, by their holder) and written,
//! replacing what it had — or left alone when the result is the same.

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;
use tantivy::{IndexWriter, TantivyDocument};

use super::fingerprint;
use super::plan::{fallback_for, text_key, Entry};
use super::shared::{also_in, Relevance};
use crate::error::Warning;
use crate::hash::Fnv;
use crate::index::codec::{document, file_term};
use crate::index::{DocState, DocumentInfo, Fields};
use crate::passage;
use crate::registry::{PackedRegistry, RegistryBuilder};
use crate::transcript::{Knowledge, Role, Transcript};

/// Which decisions a document's passages depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Work {
    Keep,
    Write,
    /// Re-parse if the changed knowledge concerns the text; write if the
    /// result differs.
    IfRelevant,
}

/// What pass 2 wrote for one document.
#[derive(Clone)]
pub(super) struct Written {
    pub(super) state: DocState,
    /// The ids of the passages written (see `added` for which are new),
    /// when the journal is read ([`WriteContext::journal`]).
    pub(super) ids: Vec<u64>,
}

/// Everything pass 2's workers share.
pub(super) struct WriteContext<'a> {
    pub(super) entries: &'a [Entry],
    pub(super) owners: &'a HashMap<u64, (u32, Vec<u32>)>,
    pub(super) ownership: &'a [u64],
    /// Every entry's date in this run ([`Entry::date`]).
    pub(super) dates: &'a [Option<Date>],
    pub(super) knowledge: &'a HashMap<Option<Date>, Knowledge>,
    pub(super) relevance: Option<&'a Relevance>,
    pub(super) fields: &'a Fields,
    pub(super) writer: &'a IndexWriter,
    pub(super) fallback_date: Option<Date>,
    /// Whether anybody reads the journal: only then are the ids of the
    /// passages written kept (8 bytes a passage until the commit).
    pub(super) journal: bool,
}

impl WriteContext<'_> {
    /// Parses entry `i` with the corpus's knowledge and writes its passages
    /// (replacing the ones it had); `None` when it turned out the same.
    pub(super) fn write(&self, i: usize, job: Work) -> Result<Option<Written>, Warning> {
        let e = &self.entries[i];
        let fallback = fallback_for(e, self.fallback_date);
        // The first pass's parse, or the one settling made with the
        // knowledge, when it still holds (see `build`; a kept parse of an
        // unchanged document is one settling found the knowledge concerns).
        let reused = match e.reuse.lock() {
            Ok(mut slot) => slot.take(),
            _ => None,
        };
        let (t, notes) = match reused {
            Some(r) => (r.transcript, r.notes),
            None => {
                // The hash is the survey's (or the state's); not needed again.
                let loaded = e.source.load_unhashed().map_err(|w| Warning {
                    file: e.display.clone(),
                    message: if e.renamed() {
                        // Its passages under the old name are already deleted.
                        format!(
                            "{}; it is left out of the index until the next run",
                            w.message
                        )
                    } else {
                        format!("{}; it was left as it was", w.message)
                    },
                })?;
                if job == Work::IfRelevant
                    && !self.relevance.is_some_and(|r| r.matches(&loaded.text))
                {
                    return Ok(None);
                }
                let knowledge = self.knowledge.get(&fallback).ok_or_else(|| Warning {
                    file: e.display.clone(),
                    message: "internal error: no knowledge for its date".into(),
                })?;
                (loaded.parse_with(knowledge), loaded.notes)
            }
        };
        let (state, docs, ids) = self.passages(i, &t, notes, fallback);
        if job == Work::IfRelevant && e.prev.as_ref().is_some_and(|p| p.output == state.output) {
            return Ok(None);
        }
        // (A renamed record's old passages were deleted before pass 2.)
        if let Some(prev) = e.prev.as_ref().filter(|_| !e.renamed()) {
            self.writer
                .delete_term(file_term(self.fields, prev.info.stored_name()));
        }
        for d in docs {
            self.writer.add_document(d).map_err(|err| Warning {
                file: e.display.clone(),
                message: format!("could not be indexed: {err}"),
            })?;
        }
        Ok(Some(Written { state, ids }))
    }

    /// The passages of entry `i` as they are to be written, its new state,
    /// and the ids of the passages.
    fn passages(
        &self,
        i: usize,
        t: &Transcript,
        notes: Vec<String>,
        fallback: Option<Date>,
    ) -> (DocState, Vec<TantivyDocument>, Vec<u64>) {
        let e = &self.entries[i];
        // Passages, registry and fingerprints use the stored name; the
        // name users see is set last (a record's changes with its line).
        let name = e.name.as_str();
        let mut reg = RegistryBuilder::default();
        reg.add_transcript(t, name);
        let mut warnings = notes;
        warnings.extend(t.warnings.iter().cloned());
        let mut info = DocumentInfo {
            file: name.to_string(),
            title: t.title.clone(),
            date: t.date,
            passages: 0,
            republished: 0,
            speakers: Vec::new(),
            warnings: Vec::new(),
            stored_as: None,
        };
        let mut seen = HashSet::new();
        let mut owned = Vec::new();
        let mut out = Vec::new();
        let mut ids = Vec::new();
        let mut h = Fnv::new();
        let mut spoken = false;
        let all = passage::passages(t, name);
        let total = all.len();
        for mut p in all {
            if let Some(key) = text_key(&p) {
                if let Some((owner, docs)) = self.owners.get(&key) {
                    if *owner as usize != i {
                        info.republished += 1;
                        continue;
                    }
                    let others = also_in(i, docs, self.entries);
                    p.also_in_dates = others
                        .iter()
                        .map(|(_, d)| self.dates[*d as usize])
                        .collect();
                    p.also_in = others.into_iter().map(|(name, _)| name).collect();
                    // First said on the earliest of its documents' dates.
                    p.date = passage::earliest(
                        std::iter::once(p.doc_date).chain(p.also_in_dates.iter().copied()),
                    );
                    owned.push(key);
                }
                if !seen.insert(key) {
                    continue; // the same paragraph twice in one file
                }
            }
            spoken |= p.role != Role::Narration;
            if !info.speakers.contains(&p.speaker) {
                info.speakers.push(p.speaker.clone());
            }
            reg.add_passage(&p);
            fingerprint::passage(&mut h, &p);
            out.push(document(self.fields, &p, out.is_empty()));
            if self.journal {
                ids.extend(u64::from_str_radix(&p.id, 16).ok());
            }
            info.passages += 1;
        }
        // (A text with no passages at all has the parser's own warning.)
        if total > 0 && !spoken && info.republished == 0 {
            warnings.push(
                "no speaker found (no labels, no quotes): every passage is indexed as narration"
                    .into(),
            );
        }
        info.warnings = warnings;
        owned.sort_unstable();
        owned.dedup();
        let mut written = reg.build();
        // Turns per role inform the survey's knowledge only; the written
        // registry (hence the manifest) goes without them.
        for s in &mut written.speakers {
            s.turn_roles.clear();
        }
        h.str(&format!("{:?}", info));
        h.bytes(&serde_json::to_vec(&written).unwrap_or_default());
        if e.display != e.name {
            info.stored_as = Some(std::mem::replace(&mut info.file, e.display.clone()));
        }
        let (hash, stamp, undated, size, keys, survey) = match (&e.fresh, &e.prev) {
            // The survey's keys and registry are moved in after the pass.
            (Some(s), _) => (
                s.hash,
                s.stamp,
                s.undated,
                s.size,
                Vec::new(),
                PackedRegistry::default(),
            ),
            (None, Some(p)) => (
                p.hash,
                e.stamp_now().unwrap_or(p.stamp),
                p.undated,
                p.size,
                p.keys.clone(),
                p.survey.clone(),
            ),
            (None, None) => Default::default(),
        };
        let state = DocState {
            key: e.key.clone(),
            info,
            hash,
            stamp,
            undated,
            fallback_date: fallback.filter(|_| undated),
            size,
            keys,
            owned,
            survey,
            written: PackedRegistry::pack(&written),
            ownership: self.ownership[i],
            output: h.finish(),
            record: e.record.clone(),
        };
        (state, out, ids)
    }
}
