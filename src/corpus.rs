//! Finding and reading the transcripts to index.
//!
//! Users point podium at files and folders downloaded from many sites.
//! [`discover`] walks folders (sorted, so runs are reproducible; symlink
//! loops are noticed, not followed forever; the same file reached twice is
//! read once) and keeps text files; [`Source`] reads one, decoding what it
//! can and turning what it cannot into a [`Warning`] that names the file.
//!
//! A JSON lines file (`.jsonl`, `.ndjson`) holds many transcripts, one
//! record per line: [`records`] turns it into one [`Source::Record`] per
//! record, shown as `FILE#LINE`, each read and indexed as a document of its
//! own. Such a file is not one transcript, so the size limit below applies
//! to each record, not to the file.
//! The sample corpus is compiled into the binary ([`embedded_seeds`]) so
//! `podium search` works from any directory.
//!
//! What a file can be, and what podium does with it:
//!
//! | input | outcome |
//! |---|---|
//! | UTF-8, with or without BOM | read |
//! | UTF-16 with a BOM, or without one when the NUL pattern is unmistakable | decoded |
//! | another encoding (Windows-1252, Latin-1, GBK, Shift_JIS, …) | detected with `chardetng`, decoded with `encoding_rs`, and a warning says which encoding was assumed |
//! | empty or whitespace only | warning, skipped |
//! | binary (NUL bytes, many control bytes) | warning, skipped |
//! | decodes to nothing readable: a binary behind a BOM (NULs), invalid UTF-16 (mostly U+FFFD), no letter or digit | warning naming the reason, skipped |
//! | larger than [`MAX_FILE_BYTES`] | warning, skipped *without being read* |
//! | a directory, a pipe, a device, a broken or looping symlink, no permission | warning, skipped |
//!
//! Oversized files are refused rather than streamed: the parser needs the
//! whole document (the roster and title at the top decide who the labels at
//! the bottom are), so indexing a file in pieces would attribute passages
//! wrongly, and holding it whole costs several times its size per worker
//! thread. No real briefing comes near the limit; a file that does is a
//! dump of many transcripts or not a transcript at all, and the warning
//! says to split it.

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use crate::error::Warning;
use crate::hash::content_hash;
use crate::input::{self, jsonl};
use crate::transcript::{self, Knowledge, Transcript};

/// File extensions podium reads as transcripts.
pub const EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "jsonl", "ndjson", "pdf",
];

/// Files larger than this are skipped without being read; see the module
/// docs for why they are not indexed in pieces.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The sample corpus, as shipped in `seeds/`.
const SEEDS: &[(&str, &str)] = &[
    (
        "000_9db4bfc311f73946.txt",
        include_str!("../seeds/000_9db4bfc311f73946.txt"),
    ),
    (
        "001_f62b4a445ef0a2d3.txt",
        include_str!("../seeds/001_f62b4a445ef0a2d3.txt"),
    ),
    (
        "002_ad4f68273f7bd26a.txt",
        include_str!("../seeds/002_ad4f68273f7bd26a.txt"),
    ),
    (
        "003_5e6a9a4541243482.txt",
        include_str!("../seeds/003_5e6a9a4541243482.txt"),
    ),
    (
        "004_a5462098d382663c.txt",
        include_str!("../seeds/004_a5462098d382663c.txt"),
    ),
];

/// One transcript to index.
#[derive(Debug, Clone)]
pub enum Source {
    /// A file on disk; `display` is the path as the user gave it.
    File { path: PathBuf, display: String },
    /// A transcript compiled into the binary.
    Embedded { name: String, text: &'static str },
    /// One record of a JSON lines file ([`records`]): `display` is
    /// `FILE#LINE`, so a hit cites the record; `span` is where it is in the
    /// file and the hash of its bytes when the file was split.
    Record {
        path: Arc<Path>,
        display: String,
        span: jsonl::Span,
    },
}

/// A transcript's text, read and decoded.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub text: String,
    /// [`crate::hash::content_hash`] of the bytes as stored: what tells a changed file
    /// from an unchanged one.
    pub hash: u64,
    pub bytes: u64,
    /// Things worth telling the user that did not stop the file being
    /// read (an encoding that had to be guessed).
    pub notes: Vec<String>,
    /// The title the file gives in a field of its own (HTML `<title>`,
    /// Markdown front matter), used as given rather than guessed.
    pub title: Option<String>,
    /// Speakers' organisations the file gives in a field of its own (see
    /// [`input::Document::organisations`]).
    pub organisations: Vec<(String, String)>,
}

impl Loaded {
    /// Parses the transcript on its own (the indexer's survey pass).
    pub fn parse(&self) -> Transcript {
        self.apply(transcript::parse(&self.text))
    }

    /// Parses the transcript with what the corpus knows.
    pub fn parse_with(&self, knowledge: &Knowledge) -> Transcript {
        self.apply(transcript::parse_with(&self.text, knowledge))
    }

    /// Parses the transcript on its own, with the questions it asked the
    /// corpus (see [`transcript::Probe`]).
    pub fn parse_probed(&self) -> (Transcript, Vec<transcript::Probe>) {
        let (t, probes) = transcript::parse_probed(&self.text, &Knowledge::default());
        (self.apply(t), probes)
    }

    fn apply(&self, mut t: Transcript) -> Transcript {
        if let Some(title) = &self.title {
            t.title = Some(title.clone());
        }
        input::give_organisations(&mut t, &self.organisations);
        t
    }
}

/// What the file system says about a file without reading it: when both
/// size and modification time are as they were, the content is assumed
/// unchanged for files the user did not name in this run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub bytes: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub modified: u64,
}

/// Prefix of the keys of files on disk.
const FILE_KEY: &str = "file:";
/// Prefix of the keys of transcripts compiled into the binary.
const BUILTIN_KEY: &str = "builtin:";
/// Prefix of the keys of JSON lines records: `record:PATH#@HASH` (see
/// [`record_name`]). A prefix of their own, so no file's key can be a
/// record's.
const RECORD_KEY: &str = "record:";

/// What sets a JSON lines record's stored name ([`record_name`]) apart
/// from a file's and from the `FILE#LINE` users see.
pub const RECORD_MARK: &str = "#@";

/// The key of the file at `path` (see [`Source::key`]).
pub fn file_key(path: &Path) -> String {
    let real = fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf());
    format!("{FILE_KEY}{}", real.display())
}

/// What identifies the record at `span` within its file: its content hash,
/// and its order among the records with the same bytes when there are
/// several (`HASH`, `HASH.1`, …). Not its line, so it survives moves.
fn record_id(span: &jsonl::Span) -> String {
    match span.repeat {
        0 => format!("{:016x}", span.hash),
        n => format!("{:016x}.{n}", span.hash),
    }
}

/// The key of the record at `span` of the file whose key is `file_key`.
pub fn record_key(file_key: &str, span: &jsonl::Span) -> String {
    let path = file_key.strip_prefix(FILE_KEY).unwrap_or(file_key);
    format!("{RECORD_KEY}{path}{RECORD_MARK}{}", record_id(span))
}

/// The name the passages of the record at `span` of the file shown as
/// `file` are stored under: `FILE#@HASH`. The line is left out on purpose:
/// a record that moves (one above it was added or deleted) keeps its
/// passages and ids, and only its shown name `FILE#LINE` changes, which
/// the index keeps beside them (`DocumentInfo::stored_as`). The same bytes
/// give the same name in a rebuild, so an updated index equals a rebuilt
/// one.
pub fn record_name(file: &str, span: &jsonl::Span) -> String {
    format!("{file}{RECORD_MARK}{}", record_id(span))
}

/// Whether a stored name is a record's ([`record_name`]): shown under
/// another name, its current `FILE#LINE`.
pub fn is_record_name(name: &str) -> bool {
    name.contains(RECORD_MARK)
}

impl Source {
    /// The name shown to users (`FILE#LINE` for a record). Stored in the
    /// index as the document's name too, except for a record, which is
    /// stored under [`record_name`].
    pub fn display(&self) -> &str {
        match self {
            Source::File { display, .. } | Source::Record { display, .. } => display,
            Source::Embedded { name, .. } => name,
        }
    }

    /// What identifies the transcript across runs, whatever directory
    /// podium is run from: the canonical path of a file (the absolute path
    /// when it cannot be resolved), the name of a built-in transcript, or
    /// a record's file and content ([`record_key`]), which stay when the
    /// record moves to another line.
    pub fn key(&self) -> String {
        match self {
            Source::Embedded { name, .. } => format!("{BUILTIN_KEY}{name}"),
            Source::File { path, .. } => file_key(path),
            Source::Record { path, span, .. } => record_key(&file_key(path), span),
        }
    }

    /// The name the transcript's passages are stored under, which their
    /// ids derive from: [`Source::display`], except for a record
    /// ([`record_name`], without its line). `podium parse` gives the ids
    /// the index gives with it.
    pub fn stored_name(&self) -> String {
        match self {
            Source::Record { display, span, .. } => {
                let file = display
                    .strip_suffix(&format!("#{}", span.line))
                    .unwrap_or(display);
                record_name(file, span)
            }
            _ => self.display().to_string(),
        }
    }

    /// The file on disk the source is read from, if any.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Source::File { path, .. } => Some(path),
            Source::Record { path, .. } => Some(path),
            Source::Embedded { .. } => None,
        }
    }

    /// The source a stored key names, shown as `display`; `None` for a
    /// built-in transcript this binary does not have, and for a record (a
    /// key does not say where in its file the record is).
    pub fn from_key(key: &str, display: &str) -> Option<Source> {
        if let Some(path) = key.strip_prefix(FILE_KEY) {
            return Some(Source::File {
                path: PathBuf::from(path),
                display: display.to_string(),
            });
        }
        let name = key.strip_prefix(BUILTIN_KEY)?;
        embedded_seeds().into_iter().find(|s| s.display() == name)
    }

    /// Whether the source is a file that no longer exists (for `--prune`).
    /// A file that exists but cannot be read is not gone. A record is gone
    /// when its file is.
    pub fn is_gone(&self) -> bool {
        self.path().is_some_and(|path| {
            matches!(
                fs::symlink_metadata(path),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound
            )
        })
    }

    /// Size and modification time, without reading (a record's are its
    /// file's); `None` for built-in transcripts and files that cannot be
    /// examined.
    pub fn stamp(&self) -> Option<Stamp> {
        let path = self.path()?;
        let meta = fs::metadata(path).ok()?;
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
        Some(Stamp {
            bytes: meta.len(),
            modified,
        })
    }

    /// Reads the transcript's text, or says why it cannot be used.
    pub fn read(&self) -> Result<String, Warning> {
        self.load().map(|l| l.text)
    }

    /// Reads and decodes the transcript, with its content hash, or says why
    /// it cannot be used. Memory is bounded: a file is examined before it
    /// is opened and never read past [`MAX_FILE_BYTES`]; a record is read
    /// alone, and only when it is no larger. A JSON lines file as a whole
    /// is not a transcript: its records are ([`records`]).
    pub fn load(&self) -> Result<Loaded, Warning> {
        self.load_as(true)
    }

    /// [`Source::load`] without the content hash (left 0): for reading a
    /// file again whose hash is known (the indexer's second pass), as
    /// hashing every byte costs about as much as reading it.
    pub fn load_unhashed(&self) -> Result<Loaded, Warning> {
        self.load_as(false)
    }

    fn load_as(&self, hashed: bool) -> Result<Loaded, Warning> {
        let hash_of = |bytes: &[u8]| if hashed { content_hash(bytes) } else { 0 };
        let warn = |message: String| Warning {
            file: self.display().to_string(),
            message,
        };
        let path = match self {
            Source::Embedded { text, .. } => {
                return Ok(Loaded {
                    text: (*text).to_string(),
                    hash: hash_of(text.as_bytes()),
                    bytes: text.len() as u64,
                    notes: Vec::new(),
                    title: None,
                    organisations: Vec::new(),
                })
            }
            Source::Record { path, span, .. } => {
                let doc = jsonl::read(path, *span, MAX_FILE_BYTES).map_err(warn)?;
                let (text, repaired) = input::mojibake::repair(doc.text);
                return Ok(Loaded {
                    text,
                    hash: span.hash,
                    bytes: span.len,
                    notes: input::mojibake::note(repaired).into_iter().collect(),
                    title: doc.title,
                    organisations: doc.organisations,
                });
            }
            Source::File { path, .. } if input::Format::of(path) == input::Format::JsonLines => {
                return Err(warn(
                    "is a JSON lines file: its records are read one by one, not the file as one transcript"
                        .into(),
                ));
            }
            Source::File { path, .. } => path,
        };
        let meta = fs::metadata(path).map_err(|e| warn(io_reason(path, &e)))?;
        if meta.is_dir() {
            return Err(warn("is a directory, not a transcript file".into()));
        }
        if !meta.is_file() {
            return Err(warn(
                "is not a regular file (a pipe, socket or device): skipped".into(),
            ));
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(warn(too_big(meta.len())));
        }
        let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
        fs::File::open(path)
            .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
            .map_err(|e| warn(io_reason(path, &e)))?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            // It grew after it was examined.
            return Err(warn(too_big(bytes.len() as u64)));
        }
        let hash = hash_of(&bytes);
        let len = bytes.len() as u64;
        // A PDF is told by its bytes, whatever its name: its text layer is
        // the transcript.
        let (text, note) = if input::pdf::is_pdf(&bytes) {
            (input::pdf::to_text(&bytes).map_err(warn)?, None)
        } else {
            decode_owned(bytes).map_err(warn)?
        };
        let (text, repaired) = input::mojibake::repair(text);
        let mut notes: Vec<String> = note.into_iter().collect();
        notes.extend(input::mojibake::note(repaired));
        notes.extend(long_line(&text));
        // HTML pages and Markdown become plain transcript text here, so
        // every later step reads one format.
        let doc = input::convert(input::Format::of(path), text);
        notes.extend(doc.notes);
        Ok(Loaded {
            text: doc.text,
            hash,
            bytes: len,
            notes,
            title: doc.title,
            organisations: doc.organisations,
        })
    }
}

/// Lines longer than this are worth a warning: no transcript has them, a
/// page saved without its line breaks does.
pub const LONG_LINE_BYTES: usize = 100 * 1024;

/// A note about the longest line when it is suspiciously long. The text is
/// still indexed (the parser handles it in linear time), but labels and
/// paragraphs cannot be told apart inside one line.
fn long_line(text: &str) -> Option<String> {
    let longest = text.split('\n').map(str::len).max().unwrap_or(0);
    (longest > LONG_LINE_BYTES).then(|| {
        format!(
            "has a line of {} KB (a page saved without its line breaks?): indexed as it is, but speakers inside it cannot be told apart",
            longest.div_ceil(1024)
        )
    })
}

fn too_big(bytes: u64) -> String {
    format!(
        "is {} MB, larger than the {} MB podium reads as one transcript: skipped without reading it (split it into one file per briefing)",
        bytes.div_ceil(1024 * 1024),
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

/// Why a file cannot be read, in words.
fn io_reason(path: &Path, e: &std::io::Error) -> String {
    let link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "cannot be read: permission denied".into(),
        std::io::ErrorKind::NotFound if link => {
            "is a broken symbolic link (its target does not exist)".into()
        }
        std::io::ErrorKind::NotFound => "does not exist".into(),
        _ if link && e.raw_os_error() == Some(ELOOP) => "is a symbolic link loop: skipped".into(),
        _ => format!("cannot be read: {e}"),
    }
}

/// `ELOOP`, "too many levels of symbolic links" (Linux and the BSDs differ;
/// the message printed otherwise says the same).
#[cfg(target_os = "linux")]
const ELOOP: i32 = 40;
#[cfg(not(target_os = "linux"))]
const ELOOP: i32 = 62;

/// Decodes a transcript's bytes; see [`decode_owned`].
pub fn decode(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    decode_owned(bytes.to_vec())
}

/// Decodes a transcript's bytes into text, with a note when the encoding
/// had to be guessed, or says why they are not text.
///
/// - a byte-order mark decides: UTF-8, UTF-16LE, UTF-16BE;
/// - UTF-16 without a BOM is recognised by its NUL bytes on every other
///   position (ASCII text in UTF-16);
/// - other NUL bytes, or many other control bytes, mean binary data;
/// - valid UTF-8 is taken as it is (no copy);
/// - anything else is handed to `chardetng`, which guesses the legacy
///   encoding (Windows-1252 for Western European pages, GBK, Shift_JIS, …)
///   the way browsers do, and `encoding_rs` decodes it.
pub fn decode_owned(bytes: Vec<u8>) -> Result<(String, Option<String>), String> {
    if bytes.is_empty() {
        return Err("is empty".into());
    }
    let (text, note) = decode_inner(bytes)?;
    if text.trim().is_empty() {
        return Err("is empty (only white space)".into());
    }
    input::unreadable(&text)?;
    Ok((text, note))
}

fn decode_inner(bytes: Vec<u8>) -> Result<(String, Option<String>), String> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(&bytes) {
        let (text, errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        let note = errors.then(|| {
            format!(
                "has bytes that are not valid {}: they were replaced with U+FFFD",
                enc.name()
            )
        });
        return Ok((text.into_owned(), note));
    }
    let sample = &bytes[..bytes.len().min(8192)];
    if let Some(enc) = utf16_without_bom(sample) {
        let (text, errors) = enc.decode_without_bom_handling(&bytes);
        if !errors && mostly_printable(&text) {
            return Ok((
                text.into_owned(),
                Some(format!("has no byte-order mark; read as {}", enc.name())),
            ));
        }
    }
    if sample.contains(&0) {
        return Err("looks like a binary file (it contains NUL bytes), not text".into());
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    if controls * 10 > sample.len() {
        return Err("looks like a binary file (it is mostly control bytes), not text".into());
    }
    let bytes = match String::from_utf8(bytes) {
        // A UTF-8 byte-order mark was handled above.
        Ok(s) => return Ok((s, None)),
        Err(e) => e.into_bytes(),
    };
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(&bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, errors) = enc.decode_without_bom_handling(&bytes);
    let mut note = format!("is not UTF-8; read as {} (detected)", enc.name());
    if errors {
        note.push_str(", with undecodable bytes replaced by U+FFFD");
    }
    Ok((text.into_owned(), Some(note)))
}

/// Whether decoded text looks like text: almost no control characters
/// besides line breaks and tabs.
fn mostly_printable(text: &str) -> bool {
    let (mut chars, mut controls) = (0usize, 0usize);
    for c in text.chars().take(4096) {
        chars += 1;
        controls += usize::from(c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'));
    }
    controls * 50 <= chars
}

/// UTF-16 without a byte-order mark: ASCII characters in UTF-16 put a NUL
/// on every other byte, and text in one script keeps the other byte of
/// most units the same. Returns the encoding when the pattern is clear.
fn utf16_without_bom(sample: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let clear = |nul: usize, other: usize| nul * 10 >= pairs * 3 && other * 50 <= pairs;
    if clear(odd, even) {
        Some(encoding_rs::UTF_16LE)
    } else if clear(even, odd) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Whether `source` is a JSON lines file, whose records are the
/// transcripts ([`records`]).
pub fn is_record_file(source: &Source) -> bool {
    matches!(source, Source::File { path, .. } if input::Format::of(path) == input::Format::JsonLines)
}

/// Where the records of the JSON lines file at `path` are, or why the file
/// cannot be read (in the words of [`Source::load`]'s warnings). A file
/// with no record at all is refused as an empty text file is, so that an
/// indexed file truncated by accident keeps its documents.
pub fn split_records(path: &Path) -> Result<Vec<jsonl::Span>, String> {
    let meta = fs::metadata(path).map_err(|e| io_reason(path, &e))?;
    if meta.is_dir() {
        return Err("is a directory, not a transcript file".into());
    }
    if !meta.is_file() {
        return Err("is not a regular file (a pipe, socket or device): skipped".into());
    }
    let spans = jsonl::split(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::InvalidData => e.to_string(),
        _ => io_reason(path, &e),
    })?;
    if spans.is_empty() {
        return Err("is empty (no JSON lines records)".into());
    }
    Ok(spans)
}

/// The records of a JSON lines file as sources, shown as `DISPLAY#LINE`.
pub fn records(path: &Path, display: &str) -> Result<Vec<Source>, Warning> {
    let spans = split_records(path).map_err(|message| Warning {
        file: display.to_string(),
        message,
    })?;
    let shared: Arc<Path> = Arc::from(path);
    Ok(spans
        .into_iter()
        .map(|span| record_source(&shared, display, span))
        .collect())
}

/// The source of the record at `span` of the file at `path`, shown as
/// `DISPLAY#LINE`.
pub fn record_source(path: &Arc<Path>, display: &str, span: jsonl::Span) -> Source {
    Source::Record {
        path: Arc::clone(path),
        display: format!("{display}#{}", span.line),
        span,
    }
}

/// `sources` with every JSON lines file replaced by its records, in order;
/// a file that cannot be split is a warning. For reading transcripts
/// without an index (`podium parse`); the indexer matches records with
/// what it holds itself.
pub fn expand(sources: Vec<Source>) -> (Vec<Source>, Vec<Warning>) {
    let mut out = Vec::with_capacity(sources.len());
    let mut warnings = Vec::new();
    for source in sources {
        match &source {
            Source::File { path, display } if is_record_file(&source) => {
                match records(path, display) {
                    Ok(rs) => out.extend(rs),
                    Err(w) => warnings.push(w),
                }
            }
            _ => out.push(source),
        }
    }
    (out, warnings)
}

/// The sample corpus compiled into the binary.
pub fn embedded_seeds() -> Vec<Source> {
    SEEDS
        .iter()
        .map(|(name, text)| Source::Embedded {
            name: format!("seeds/{name}"),
            text,
        })
        .collect()
}

fn is_transcript_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Expands the user's paths into transcript files, in a stable order.
/// Files named directly are taken whatever their extension; folders are
/// walked for [`EXTENSIONS`]. Paths that do not exist, folder loops and
/// folders named like transcripts become warnings; a file reached twice
/// (through a symlink, or named twice) is read once.
pub fn discover(paths: &[PathBuf]) -> (Vec<Source>, Vec<Warning>) {
    let mut found = Found::default();
    for path in paths {
        let display = path.display().to_string();
        match fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                if is_transcript_name(path) {
                    found.warn(&display, DIR_NAMED_LIKE_A_FILE.into());
                }
                walk(path, &mut found);
            }
            Ok(_) => found.add(path.clone(), display),
            Err(e) => found.warn(&display, io_reason(path, &e)),
        }
    }
    (found.sources, found.warnings)
}

const DIR_NAMED_LIKE_A_FILE: &str =
    "is a directory, not a transcript file: the transcripts inside it are read instead";

/// What a walk has found so far.
#[derive(Default)]
struct Found {
    sources: Vec<Source>,
    warnings: Vec<Warning>,
    dirs: HashSet<PathBuf>,
    files: HashSet<PathBuf>,
}

impl Found {
    fn warn(&mut self, file: &str, message: String) {
        self.warnings.push(Warning {
            file: file.to_string(),
            message,
        });
    }

    fn add(&mut self, path: PathBuf, display: String) {
        let real = fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if self.files.insert(real) {
            self.sources.push(Source::File { path, display });
        }
    }
}

fn walk(dir: &Path, found: &mut Found) {
    let display = dir.display().to_string();
    match fs::canonicalize(dir) {
        Ok(real) => {
            if !found.dirs.insert(real) {
                found.warn(
                    &display,
                    "folder already visited (a symbolic link loop?): skipped".into(),
                );
                return;
            }
        }
        Err(e) => {
            found.warn(&display, io_reason(dir, &e));
            return;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            found.warn(&display, io_reason(dir, &e));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        let shown = path.display().to_string();
        match fs::metadata(&path) {
            Ok(m) if m.is_dir() => {
                if is_transcript_name(&path) {
                    found.warn(&shown, DIR_NAMED_LIKE_A_FILE.into());
                }
                walk(&path, found);
            }
            Ok(_) if is_transcript_name(&path) => found.add(path, shown),
            Ok(_) => {}
            Err(e) if is_transcript_name(&path) || is_link(&path) => {
                found.warn(&shown, io_reason(&path, &e))
            }
            Err(_) => {}
        }
    }
}

fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> Result<String, String> {
        decode(bytes).map(|(t, _)| t)
    }

    #[test]
    fn decodes_utf8_and_utf16_and_refuses_binary() {
        assert_eq!(text(b"\xef\xbb\xbfHi").as_deref(), Ok("Hi"));
        assert_eq!(text(&[0xff, 0xfe, b'H', 0, b'i', 0]).as_deref(), Ok("Hi"));
        assert_eq!(text(&[0xfe, 0xff, 0, b'H', 0, b'i']).as_deref(), Ok("Hi"));
        assert!(text(b"\x00\x01\x02").unwrap_err().contains("binary"));
        assert!(text(b"").unwrap_err().contains("empty"));
        assert!(text(b" \n\t\n").unwrap_err().contains("empty"));
        assert!(text(&[7u8; 200]).unwrap_err().contains("control bytes"));
        assert!(text(&[0u8, 1, 2, 3, 0, 255])
            .unwrap_err()
            .contains("binary"));
    }

    #[test]
    fn what_decodes_to_nothing_readable_is_refused_with_its_reason() {
        // A binary file behind a UTF-8 byte-order mark.
        let mut bom_binary = b"\xef\xbb\xbf".to_vec();
        bom_binary.extend([0u8, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0, 1]);
        assert!(text(&bom_binary).unwrap_err().contains("NUL characters"));
        // Invalid UTF-16: lone surrogates after a little-endian BOM.
        let mut bad16 = vec![0xff, 0xfe];
        for _ in 0..50 {
            bad16.extend([0x00, 0xdc]);
        }
        assert!(text(&bad16)
            .unwrap_err()
            .contains("not valid in its encoding"));
        // Only punctuation.
        assert!(text("-- ** -- ...".as_bytes())
            .unwrap_err()
            .contains("no letter or digit"));
        // One bad unit in a real text is a note, not a refusal.
        let mut mostly = vec![0xff, 0xfe];
        mostly.extend(
            "Moderator: Good morning. "
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        mostly.extend([0x00, 0xdc]);
        mostly.extend(
            "The briefing starts now."
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        let (t, note) = decode(&mostly).expect("readable");
        assert!(t.contains("Good morning") && note.is_some_and(|n| n.contains("U+FFFD")));
    }

    #[test]
    fn utf16_without_a_bom_is_recognised_by_its_nuls() {
        let words = "Moderator: Good morning, everyone.";
        let le: Vec<u8> = words.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = words.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [le, be] {
            let (t, note) = decode(&bytes).expect("utf-16");
            assert_eq!(t, words);
            assert!(note.expect("note").contains("UTF-16"));
        }
    }

    #[test]
    fn legacy_encodings_are_detected_not_refused() {
        // Windows-1252: curly quotes and accented letters of a French page.
        let mut cp1252 = b"Le ministre Andr\xe9 Lef\xe8vre a d\xe9clar\xe9 : \x93Nous \xe9tudions la r\xe9forme des retraites avec les syndicats\x94. La conf\xe9rence de presse a dur\xe9 une heure.".to_vec();
        cp1252.extend_from_slice(
            b" Le porte-parole a r\xe9pondu aux questions des journalistes \xe0 propos du budget.",
        );
        let (t, note) = decode(&cp1252).expect("cp1252");
        assert!(
            t.contains("André Lefèvre a déclaré : \u{201c}Nous étudions"),
            "{t}"
        );
        assert!(note.expect("note").contains("windows-1252"));
        // Latin-1 is read as its superset, Windows-1252.
        let (t, _) = decode(b"Se\xf1ora Mu\xf1oz habl\xf3 de la econom\xeda espa\xf1ola y del turismo en Espa\xf1a.").expect("latin-1");
        assert!(t.contains("Señora Muñoz habló"), "{t}");
    }

    #[test]
    fn seeds_are_embedded() {
        let seeds = embedded_seeds();
        assert_eq!(seeds.len(), 5);
        assert!(seeds.iter().all(|s| s.read().is_ok_and(|t| !t.is_empty())));
        for s in &seeds {
            let again = Source::from_key(&s.key(), s.display()).expect("builtin key");
            assert_eq!(again.display(), s.display());
            assert!(!s.is_gone());
        }
    }

    #[test]
    fn permission_errors_are_named() {
        let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(
            io_reason(Path::new("/nonexistent/x.txt"), &e),
            "cannot be read: permission denied"
        );
    }
}
