//! 64-bit FNV-1a, the one hash behind every id and fingerprint podium
//! stores: passage ids and dedup keys ([`crate::passage`]), file content
//! hashes ([`crate::corpus`], [`crate::input`]) and the index's per
//! document fingerprints.
//!
//! Ground floor: it imports nothing of podium, so any layer may use it.
//! FNV-1a rather than `std`'s hasher because what it gives is written to
//! disk and compared with what earlier runs wrote: it must not change
//! across Rust versions, machines or runs (`std`'s is randomly seeded and
//! its algorithm unspecified). It is small and fast on the short keys
//! hashed here; nothing relies on it resisting collisions on purpose.

/// FNV-1a's 64-bit offset basis: the state before any byte.
const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a's 64-bit prime.
const PRIME: u64 = 0x0100_0000_01b3;

/// The byte hashed after each part, so that ("ab", "c") and ("a", "bc")
/// differ.
const SEPARATOR: u8 = 0xff;

/// An FNV-1a hash being computed, part by part.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv::new()
    }
}

impl Fnv {
    pub const fn new() -> Fnv {
        Fnv(OFFSET_BASIS)
    }

    /// Adds one byte, with no separator: for callers that stream a part
    /// byte by byte and end it with [`Fnv::end_part`].
    pub fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(PRIME);
    }

    /// Ends a part streamed with [`Fnv::byte`] (the separator).
    pub fn end_part(&mut self) {
        self.byte(SEPARATOR);
    }

    /// Adds one part: its bytes, then the separator.
    pub fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.byte(x);
        }
        self.end_part();
    }

    /// Adds a string as one part.
    pub fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    /// Adds an optional string; `None` is a part of its own (`0xfe`, a
    /// byte no UTF-8 text holds), so it differs from `Some("")`.
    pub fn opt(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.bytes(&[0xfe]),
        }
    }

    /// Adds a number as one part (its little-endian bytes).
    pub fn num(&mut self, n: u64) {
        self.bytes(&n.to_le_bytes());
    }

    /// The hash of everything added so far.
    pub fn finish(&self) -> u64 {
        self.0
    }
}

/// The FNV-1a hash of `parts`, each ended by the separator.
pub fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h = Fnv::new();
    for part in parts {
        h.bytes(part);
    }
    h.finish()
}

/// The hash that identifies a file's content: FNV-1a of its bytes, as one
/// part. Stored in the manifest (and per JSON lines record), so a file
/// whose bytes did not change is not read again.
pub fn content_hash(bytes: &[u8]) -> u64 {
    fnv1a(&[bytes])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_is_stable_and_separates_parts() {
        assert_eq!(fnv1a(&[b"podium"]), fnv1a(&[b"podium"]));
        assert_ne!(fnv1a(&[b"ab", b"c"]), fnv1a(&[b"a", b"bc"]));
        // The value stored by every earlier version: must never change.
        assert_eq!(format!("{:016x}", fnv1a(&[b""])), "af64724c8602eb6e");
    }

    #[test]
    fn streamed_bytes_equal_one_part() {
        let mut h = Fnv::new();
        for &b in b"podium" {
            h.byte(b);
        }
        h.end_part();
        assert_eq!(h.finish(), fnv1a(&[b"podium"]));
        assert_eq!(content_hash(b"podium"), fnv1a(&[b"podium"]));
    }
}
