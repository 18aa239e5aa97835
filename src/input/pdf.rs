//! PDF files, read through their text layer.
//!
//! Central banks, legislatures and press offices publish transcripts as
//! PDF. The text layer (what a PDF viewer copies) is extracted with
//! `pdf-extract`, a pure-Rust reader built on `lopdf` that maps each
//! font's encoding and `ToUnicode` table to characters and breaks lines
//! where the page does; the page's lines are then read like any
//! hard-wrapped transcript (running headers, `Page N of M` and words broken
//! at line ends are dealt with by the transcript parser). A PDF with no text
//! layer (a scan) or one the reader cannot open is refused with a warning
//! saying so, never indexed as an empty document.
//!
//! `pdf-extract` can panic on malformed files. A panic is caught here and
//! becomes the file's warning; while extraction runs, [`extracting`] tells
//! the binary's panic hook not to end the process (see
//! `cli::exit_on_panic`).

use std::cell::Cell;

thread_local! {
    static EXTRACTING: Cell<bool> = const { Cell::new(false) };
}

/// Whether this thread is extracting a PDF's text, whose panics are caught
/// and reported as a warning on the file.
pub fn extracting() -> bool {
    EXTRACTING.with(Cell::get)
}

/// Resets [`EXTRACTING`] however extraction ends.
struct Extracting;

impl Extracting {
    fn start() -> Extracting {
        EXTRACTING.with(|e| e.set(true));
        Extracting
    }
}

impl Drop for Extracting {
    fn drop(&mut self) {
        EXTRACTING.with(|e| e.set(false));
    }
}

/// Whether `bytes` are a PDF file (`%PDF-` within its first kilobyte, as
/// readers accept it), whatever the file is called.
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// The text of a PDF's pages, one line per line of the page, or why it
/// cannot be read (in the words of a warning: "PDF …").
pub fn to_text(bytes: &[u8]) -> Result<String, String> {
    let pages = {
        let _guard = Extracting::start();
        std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(bytes))
    };
    let pages = match pages {
        Ok(Ok(pages)) => pages,
        Ok(Err(e)) => return Err(format!("is a PDF that cannot be read ({e}): skipped")),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "the PDF reader failed".into());
            return Err(format!(
                "is a PDF that cannot be read ({}): skipped",
                what.lines().next().unwrap_or("the PDF reader failed")
            ));
        }
    };
    // Pages follow each other without a blank line: a sentence runs on
    // across a page break, and the parser drops the running header.
    let text = pages
        .iter()
        .map(|p| p.trim_matches('\n'))
        .filter(|p| !p.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    if text.trim().is_empty() {
        return Err(format!(
            "is a PDF with no text layer ({} page{}, a scan?): run it through OCR first; skipped",
            pages.len(),
            if pages.len() == 1 { "" } else { "s" }
        ));
    }
    Ok(text)
}
