//! File formats other than plain text: what podium reads besides `.txt`.
//!
//! Transcripts reach users as saved web pages, Markdown notes and JSON lines
//! from their own scrapers. Each format is turned into the plain text the
//! transcript parser reads — one paragraph per line, the speaker labels left
//! where the page put them — so that the same speaker rules apply whatever
//! the file was:
//!
//! - [`html`]: `.html`/`.htm` pages, parsed with a real HTML parser; scripts,
//!   styles, navigation, page headers and footers are dropped and block
//!   elements become paragraphs.
//! - [`markdown`]: `.md`/`.markdown`, parsed as CommonMark; emphasis around
//!   labels (`**Q:**`) and list markers go, source line numbers are kept.
//! - [`jsonl`]: `.jsonl`/`.ndjson`, one record per line
//!   (`{"title", "date", "text", …}`), each record its own document.
//! - [`pdf`]: `.pdf`, read through its text layer.
//!
//! Whatever the format, [`mojibake`] repairs UTF-8 that was decoded as
//! Windows-1252 before podium saw it.
//!
//! [`Document`] is what a source holds once read: its text, and what the
//! file says about the document outside that text (a record's title).

pub mod html;
pub mod jsonl;
pub mod markdown;
pub mod mojibake;
pub mod pdf;

use std::path::Path;

use crate::transcript::{self, Knowledge, Transcript};

/// The formats podium reads, by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, read as it is.
    Text,
    Html,
    Markdown,
    /// JSON lines: one document per line.
    JsonLines,
    /// PDF, read through its text layer.
    Pdf,
}

impl Format {
    /// The format a file name announces; anything else is plain text, so a
    /// transcript named on the command line is read whatever its extension.
    pub fn of(path: &Path) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("html" | "htm" | "xhtml") => Format::Html,
            Some("md" | "markdown") => Format::Markdown,
            Some("jsonl" | "ndjson") => Format::JsonLines,
            Some("pdf") => Format::Pdf,
            _ => Format::Text,
        }
    }
}

/// Extensions of the formats in this module, for folder walks.
pub const EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "jsonl", "ndjson", "pdf"];

/// Turns a whole file's decoded text into a document, by format. JSON
/// lines are not converted here: each record is its own source
/// ([`jsonl::split`], [`jsonl::read`]).
pub fn convert(format: Format, text: String) -> Document {
    match format {
        Format::Html => {
            let (text, note) = html::to_text_noted(&text);
            Document {
                notes: note.into_iter().collect(),
                ..Document::text(text)
            }
        }
        Format::Markdown => markdown::to_document(&text),
        Format::Text | Format::JsonLines | Format::Pdf => Document::text(text),
    }
}

/// Why decoded text has nothing to index, if it has not: NUL characters
/// (binary data behind a byte-order mark, which `corpus::decode` takes at
/// its word), mostly undecodable or control characters (invalid UTF-16:
/// a BOM followed by anything decodes, every bad unit replaced), or no
/// letter or digit at all. Indexed, such a file would be a document with
/// no passage anyone can find, and no word on why.
pub fn unreadable(text: &str) -> Result<(), String> {
    let (mut chars, mut nuls, mut bad, mut controls, mut words) = (0usize, 0, 0, 0, 0);
    for c in text.chars().filter(|c| !c.is_whitespace()).take(64 * 1024) {
        chars += 1;
        match c {
            '\0' => nuls += 1,
            '\u{fffd}' => bad += 1,
            c if c.is_control() => controls += 1,
            c if c.is_alphanumeric() => words += 1,
            _ => {}
        }
    }
    if nuls > 0 {
        return Err(
            "decodes to text with NUL characters: a binary file (with a byte-order mark), not text; skipped"
                .into(),
        );
    }
    if bad * 10 > chars {
        return Err(format!(
            "decodes to nothing readable: {}% of its characters are not valid in its encoding; skipped",
            bad * 100 / chars.max(1)
        ));
    }
    if controls * 10 > chars {
        return Err("decodes to control characters, not text: a binary file; skipped".into());
    }
    if words == 0 {
        return Err("decodes to nothing readable: no letter or digit in it; skipped".into());
    }
    Ok(())
}

/// A date written by a machine (`2024-03-28`, `2024-03-28T10:00:00+08:00`)
/// as `YYYY-MM-DD`; anything else as written, for the transcript parser's
/// date rules.
pub(crate) fn day(s: &str) -> String {
    let s = s.trim();
    s.get(..10)
        .and_then(|d| d.parse::<jiff::civil::Date>().ok())
        .map_or_else(|| s.to_string(), |d| d.to_string())
}

/// A transcript's text, with what its file says about it besides.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The text the transcript parser reads.
    pub text: String,
    /// The document's title when the file gives it in its own field (a JSON
    /// record's `title`): it is used as given, not guessed from the text.
    pub title: Option<String>,
    /// What converting the file changed that its reader should know (a page
    /// flattened for nesting too deep), shown as warnings naming the file.
    pub notes: Vec<String>,
    /// Speakers' organisations the file gives in a field of its own (a JSON
    /// record's `organisations`: speaker → outlet or ministry), for turns
    /// whose text does not say it ([`give_organisations`]).
    pub organisations: Vec<(String, String)>,
}

impl Document {
    /// A document that is only text.
    pub fn text(text: String) -> Document {
        Document {
            text,
            title: None,
            notes: Vec::new(),
            organisations: Vec::new(),
        }
    }

    /// Parses the document on its own (the indexer's survey pass).
    pub fn parse(&self) -> Transcript {
        self.apply(transcript::parse(&self.text))
    }

    /// Parses the document with what the corpus knows.
    pub fn parse_with(&self, knowledge: &Knowledge) -> Transcript {
        self.apply(transcript::parse_with(&self.text, knowledge))
    }

    fn apply(&self, mut t: Transcript) -> Transcript {
        if let Some(title) = &self.title {
            t.title = Some(title.clone());
        }
        give_organisations(&mut t, &self.organisations);
        t
    }
}

/// Gives each turn the organisation `given` names for its speaker
/// (speaker → organisation, as a scraper's record lists the participants),
/// matched on the folded name (case, accents and punctuation aside) of the
/// turn's speaker or label. The record's field, written for the purpose,
/// wins over what the parser read from the text; turns it does not name
/// keep the parser's.
pub fn give_organisations(t: &mut Transcript, given: &[(String, String)]) {
    if given.is_empty() {
        return;
    }
    let given: Vec<(String, &str)> = given
        .iter()
        .filter(|(_, o)| !o.trim().is_empty())
        .map(|(name, o)| (transcript::name::fold(name), o.trim()))
        .collect();
    // A field of the record names the organisation outright, which is
    // surer than what the text lets the parser read ("the ministry"): it
    // wins where it names the speaker.
    for turn in t.turns.iter_mut() {
        let speaker = transcript::name::fold(&turn.speaker);
        let label = turn.label.as_deref().map(transcript::name::fold);
        if let Some((_, o)) = given
            .iter()
            .find(|(name, _)| *name == speaker || label.as_ref() == Some(name))
        {
            turn.organisation = Some((*o).to_string());
        }
    }
}
