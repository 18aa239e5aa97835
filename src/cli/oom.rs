//! Out of memory as one line and exit code 2, not an abort.
//!
//! Rust aborts the process when an allocation fails, printing "memory
//! allocation of N bytes failed" and dying of `SIGABRT` (exit 134): no hint,
//! and a crash to any script. In podium the likeliest cause is not a big
//! corpus (indexing memory is bounded) but a damaged index: tantivy reads a
//! string's length from the doc store and allocates it before reading the
//! bytes, so one flipped bit can ask for 90 TB. [`ReportingAllocator`] is
//! the allocator that, when an allocation fails, says so in podium's
//! error format with the fix, and exits 2.
//!
//! Underneath is mimalloc, not the system's (glibc) malloc: an index build
//! frees much of what it allocated between its passes and checkpoints, on
//! several threads, and glibc keeps what its per-thread arenas freed. On a
//! 1.2M-passage build that was half the resident memory (626 MB resident
//! for a 295 MB heap) and what grew with the corpus; mimalloc gives it back
//! (360 MB resident, at the same speed). Transparent huge pages are off
//! (`no_thp`): with them every process, `podium --version` included,
//! faulted in a 2 MB page at its first allocation, 0.4 ms of a 2 ms start.
//!
//! It must not allocate while reporting, so the line is formatted into a
//! buffer on the stack and written with one `write(2)`.

use std::alloc::{GlobalAlloc, Layout};

use mimalloc::MiMalloc;
use std::fmt::Write as _;

/// mimalloc, reporting failure in podium's words (see the
/// module docs). Installed in `main.rs` as the global allocator.
pub struct ReportingAllocator;

// SAFETY: every method delegates to `MiMalloc` with the same arguments and
// returns its result unchanged; on failure it never returns.
unsafe impl GlobalAlloc for ReportingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract.
        let p = unsafe { MiMalloc.alloc(layout) };
        if p.is_null() {
            out_of_memory(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let p = unsafe { MiMalloc.alloc_zeroed(layout) };
        if p.is_null() {
            out_of_memory(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `MiMalloc` through this allocator.
        unsafe { MiMalloc.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from `MiMalloc` through this allocator.
        let p = unsafe { MiMalloc.realloc(ptr, layout, new_size) };
        if p.is_null() {
            out_of_memory(new_size);
        }
        p
    }
}

/// A fixed buffer that `write!` fills without allocating; what does not
/// fit is dropped.
struct Line {
    buf: [u8; 320],
    len: usize,
}

impl std::fmt::Write for Line {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let room = self.buf.len() - self.len;
        let n = s.len().min(room);
        self.buf[self.len..self.len + n].copy_from_slice(&s.as_bytes()[..n]);
        self.len += n;
        Ok(())
    }
}

/// The line podium prints when `size` bytes could not be allocated.
fn message(size: usize) -> Line {
    let mut line = Line {
        buf: [0; 320],
        len: 0,
    };
    let (amount, unit) = human(size);
    let _ = writeln!(
        line,
        "podium: error: out of memory: could not allocate {amount} {unit}; \
         if it happened reading an index, a length stored in it is damaged: \
         `podium index --rebuild` rebuilds it"
    );
    line
}

/// `size` in the largest binary unit that leaves a whole number.
fn human(size: usize) -> (usize, &'static str) {
    const UNITS: [&str; 6] = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB"];
    let mut n = size;
    let mut unit = 0;
    while n >= 1024 && unit + 1 < UNITS.len() {
        n /= 1024;
        unit += 1;
    }
    (n, UNITS[unit])
}

fn out_of_memory(size: usize) -> ! {
    let line = message(size);
    // SAFETY: writes initialised bytes from a live stack buffer to stderr;
    // `_exit` ends the process without running anything that allocates.
    unsafe {
        libc::write(2, line.buf.as_ptr().cast(), line.len);
        libc::_exit(2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_names_the_size_and_the_fix() {
        let line = message(91_379_187_319_424);
        let text = std::str::from_utf8(&line.buf[..line.len]).expect("UTF-8");
        assert_eq!(
            text,
            "podium: error: out of memory: could not allocate 83 TiB; if it happened \
             reading an index, a length stored in it is damaged: `podium index --rebuild` \
             rebuilds it\n"
        );
        assert_eq!(human(1023), (1023, "bytes"));
        assert_eq!(human(5 << 20), (5, "MiB"));
    }
}
