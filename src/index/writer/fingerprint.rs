//! The fingerprints stored per document: 64-bit FNV-1a, stable across
//! machines and Rust versions (they are compared with ones written by
//! earlier runs).

use crate::passage::Passage;

/// A 64-bit FNV-1a hasher for fingerprints that are stored.
pub(super) struct Fnv(pub(super) u64);

impl Fnv {
    pub(super) fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    pub(super) fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.0 ^= u64::from(x);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        // A separator, so ("ab", "c") and ("a", "bc") differ.
        self.0 ^= 0xff;
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }

    pub(super) fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    pub(super) fn opt(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.bytes(&[0xfe]),
        }
    }

    pub(super) fn num(&mut self, n: u64) {
        self.bytes(&n.to_le_bytes());
    }
}

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
