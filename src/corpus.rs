//! Finding and reading the transcripts to index.
//!
//! Users point podium at files and folders downloaded from many sites.
//! [`discover`] walks folders (sorted, so runs are reproducible; symlink
//! loops are noticed, not followed forever) and keeps text files; [`Source`]
//! reads one, decoding what it can and turning what it cannot into a
//! [`Warning`] that names the file. The sample corpus is compiled into the
//! binary ([`embedded_seeds`]) so `podium search` works from any directory.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::error::Warning;
use crate::input::{self, jsonl, Document};

/// File extensions podium reads as transcripts (see [`input`] for the
/// formats other than plain text).
pub const EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "jsonl", "ndjson",
];

/// Files larger than this are not read whole; see [`Source::read`].
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

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
    /// One record of a JSON lines file; `display` is `FILE#LINE`.
    Record {
        path: PathBuf,
        display: String,
        span: jsonl::Span,
    },
}

impl Source {
    /// The name shown to users and stored in the index.
    pub fn display(&self) -> &str {
        match self {
            Source::File { display, .. } | Source::Record { display, .. } => display,
            Source::Embedded { name, .. } => name,
        }
    }

    /// Reads the transcript's text, or says why it cannot be used.
    pub fn read(&self) -> Result<String, Warning> {
        self.read_document().map(|d| d.text)
    }

    /// Reads the transcript as a [`Document`]: its text converted from the
    /// file's format, and what the file says besides (a record's title).
    pub fn read_document(&self) -> Result<Document, Warning> {
        let warn = |message: String| Warning {
            file: self.display().to_string(),
            message,
        };
        let path = match self {
            Source::Embedded { text, .. } => return Ok(Document::text((*text).to_string())),
            Source::Record { path, span, .. } => {
                return jsonl::read(path, *span, MAX_FILE_BYTES).map_err(warn)
            }
            Source::File { path, .. } => path,
        };
        let meta = fs::metadata(path).map_err(|e| warn(io_reason(&e)))?;
        if meta.is_dir() {
            return Err(warn("is a directory, not a transcript".into()));
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(warn(format!(
                "is {} MB, larger than the {} MB podium reads in one piece; split it",
                meta.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            )));
        }
        let bytes = fs::read(path).map_err(|e| warn(io_reason(&e)))?;
        let text = decode(&bytes).map_err(warn)?;
        Ok(input::convert(input::Format::of(path), text))
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "cannot be read: permission denied".into(),
        std::io::ErrorKind::NotFound => "does not exist".into(),
        _ => format!("cannot be read: {e}"),
    }
}

/// Decodes a transcript's bytes: UTF-8 (with or without BOM), UTF-16 with a
/// BOM. Binary data is refused.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("is empty".into());
    }
    if let Some(rest) = bytes.strip_prefix(&[0xff, 0xfe]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        return utf16(rest, u16::from_be_bytes);
    }
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return Err("looks like a binary file (it contains NUL bytes), not text".into());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.strip_prefix('\u{feff}').unwrap_or(s).to_string()),
        Err(e) => Err(format!(
            "is not UTF-8 text (invalid byte at offset {})",
            e.valid_up_to()
        )),
    }
}

fn utf16(bytes: &[u8], from: fn([u8; 2]) -> u16) -> Result<String, String> {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| from([c[0], c[1]])).collect();
    String::from_utf16(&units).map_err(|_| "is not valid UTF-16 text".to_string())
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
/// walked for [`EXTENSIONS`]. Paths that do not exist, and folder loops,
/// become warnings.
pub fn discover(paths: &[PathBuf]) -> (Vec<Source>, Vec<Warning>) {
    let mut sources = Vec::new();
    let mut warnings = Vec::new();
    let mut seen_dirs = HashSet::new();
    for path in paths {
        let display = path.display().to_string();
        match fs::metadata(path) {
            Ok(m) if m.is_dir() => walk(path, &mut seen_dirs, &mut sources, &mut warnings),
            Ok(_) => push_file(path.clone(), display, &mut sources, &mut warnings),
            Err(e) => warnings.push(Warning {
                file: display,
                message: io_reason(&e),
            }),
        }
    }
    (sources, warnings)
}

/// Adds a file's sources: the file itself, or each record of a JSON lines
/// file.
fn push_file(
    path: PathBuf,
    display: String,
    sources: &mut Vec<Source>,
    warnings: &mut Vec<Warning>,
) {
    if input::Format::of(&path) != input::Format::JsonLines {
        sources.push(Source::File { path, display });
        return;
    }
    match jsonl::split(&path) {
        Ok(spans) if spans.is_empty() => warnings.push(Warning {
            file: display,
            message: "is empty".into(),
        }),
        Ok(spans) => sources.extend(spans.into_iter().map(|span| Source::Record {
            display: format!("{display}#{}", span.line),
            path: path.clone(),
            span,
        })),
        Err(e) => warnings.push(Warning {
            file: display,
            message: io_reason(&e),
        }),
    }
}

fn walk(
    dir: &Path,
    seen: &mut HashSet<PathBuf>,
    sources: &mut Vec<Source>,
    warnings: &mut Vec<Warning>,
) {
    let warn = |warnings: &mut Vec<Warning>, message: String| {
        warnings.push(Warning {
            file: dir.display().to_string(),
            message,
        })
    };
    match fs::canonicalize(dir) {
        Ok(real) => {
            if !seen.insert(real) {
                warn(
                    warnings,
                    "folder already visited (a symlink loop?): skipped".into(),
                );
                return;
            }
        }
        Err(e) => {
            warn(warnings, io_reason(&e));
            return;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            warn(warnings, io_reason(&e));
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
        match fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, seen, sources, warnings),
            Ok(_) if is_transcript_name(&path) => {
                let display = path.display().to_string();
                push_file(path, display, sources, warnings);
            }
            Ok(_) => {}
            Err(e) => warnings.push(Warning {
                file: path.display().to_string(),
                message: io_reason(&e),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_and_utf16_and_refuses_binary() {
        assert_eq!(decode(b"\xef\xbb\xbfHi").as_deref(), Ok("Hi"));
        assert_eq!(decode(&[0xff, 0xfe, b'H', 0, b'i', 0]).as_deref(), Ok("Hi"));
        assert!(decode(b"\x00\x01\x02").unwrap_err().contains("binary"));
        assert!(decode(b"caf\xe9").unwrap_err().contains("UTF-8"));
        assert!(decode(b"").unwrap_err().contains("empty"));
    }

    #[test]
    fn seeds_are_embedded() {
        let seeds = embedded_seeds();
        assert_eq!(seeds.len(), 5);
        assert!(seeds.iter().all(|s| s.read().is_ok_and(|t| !t.is_empty())));
    }
}
