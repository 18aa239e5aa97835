//! The fingerprints stored per document: [`crate::hash`]'s FNV-1a, stable
//! across machines and Rust versions (they are compared with ones written
//! by earlier runs).

use crate::hash::Fnv;
use crate::passage::Passage;

/// Adds everything stored for a passage to a fingerprint.
pub(super) fn passage(h: &mut Fnv, p: &Passage) {
    h.str(&p.id);
    h.str(&p.file);
    h.num(p.also_in.len() as u64);
    for f in &p.also_in {
        h.str(f);
    }
    for d in &p.also_in_dates {
        h.opt(d.map(|d| d.to_string()).as_deref());
    }
    h.opt(p.title.as_deref());
    h.opt(p.date.map(|d| d.to_string()).as_deref());
    h.opt(p.doc_date.map(|d| d.to_string()).as_deref());
    h.str(&p.speaker);
    h.opt(p.organisation.as_deref());
    h.opt(p.label.as_deref());
    h.opt(p.speaker_title.as_deref());
    h.str(p.role.as_str());
    h.num(u64::from(p.turn));
    h.num(u64::from(p.position));
    h.num(u64::from(p.line));
    h.str(&p.text);
}
