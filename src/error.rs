//! Errors and warnings.
//!
//! An [`Error`] stops the command: nothing useful could be done. A
//! [`Warning`] names one file and what was wrong with it; the run goes on
//! with the other files and the warning is reported at the end.

use std::fmt;
use std::path::PathBuf;

/// Everything that can stop a podium command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No index where one was looked for. The message gives the command
    /// that builds one there, with the same `--index`, so that it can be
    /// pasted as it is once PATH is filled in.
    #[error("no index at {}; build one with: podium index PATH --index {}", path.display(), shell_word(&path.display().to_string()))]
    NoIndex { path: PathBuf },

    #[error("the index at {} cannot be used ({reason}): run `podium index --rebuild`", path.display())]
    BadIndex { path: PathBuf, reason: String },

    #[error("the index at {} is being written by another process: wait for it to finish (or stop it) and run this again", path.display())]
    Busy { path: PathBuf },

    #[error("incompatible index: {reason}")]
    IncompatibleIndex { reason: String },

    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    /// Nothing given could be indexed. `warnings` are the reasons, file by
    /// file: the caller shows them with the error, since the run that would
    /// have reported them with its summary stops here.
    #[error("no transcripts to index: {reason}")]
    NothingToIndex {
        reason: String,
        warnings: Vec<Warning>,
    },

    #[error("unknown speaker '{name}'{}", suggest(.suggestions))]
    UnknownSpeaker {
        name: String,
        suggestions: Vec<String>,
    },

    #[error("unknown outlet '{name}'{}", suggest_outlets(.suggestions))]
    UnknownOutlet {
        name: String,
        suggestions: Vec<String>,
    },

    #[error("no briefing '{name}' in the index{}; `podium docs` lists them", suggest_files(.suggestions))]
    UnknownFile {
        name: String,
        suggestions: Vec<String>,
    },

    #[error("'{name}' names {count} briefings ({}{}): give more of the path", .matches.join(", "), if *.count > .matches.len() { ", …" } else { "" })]
    AmbiguousFile {
        name: String,
        count: usize,
        matches: Vec<String>,
    },

    #[error(
        "invalid date '{0}': expected YYYY, YYYY-MM, YYYY-MM-DD, a date as briefings write it \
         ('March 28, 2024', 'March 2024') or a time back from today (today, 30d, 2w, 6m, 1y)"
    )]
    BadDate(String),

    #[error("ambiguous date '{given}': {month_first} or {day_first}? write it as YYYY-MM-DD")]
    AmbiguousDate {
        given: String,
        month_first: jiff::civil::Date,
        day_first: jiff::civil::Date,
    },

    #[error(
        "'{0}' is not one fixed day: --date takes one, such as 2024-03-28 or \"March 28, 2024\""
    )]
    NotADay(String),

    /// A date no index can hold. The range travels with the error (the
    /// index's codec fills it in), so this module needs nothing of the
    /// index to say it.
    #[error("date {date} is outside the days an index can store ({first} to {last})")]
    DateOutOfRange {
        date: jiff::civil::Date,
        first: jiff::civil::Date,
        last: jiff::civil::Date,
    },

    #[error(
        "inverted date range: since {since} is after until {until}, so no day is in it; swap them"
    )]
    InvertedRange {
        since: jiff::civil::Date,
        until: jiff::civil::Date,
    },

    #[error("invalid query: {0}")]
    Query(String),

    /// A passage id that cannot be looked up as given (too short a prefix,
    /// or one that several passages share): what to give instead.
    #[error("{0}")]
    PassageId(String),

    /// `podium watch add` with a name another saved search has.
    #[error("a saved search named '{0}' already exists: choose another name, or `podium watch remove {0}` first")]
    WatchExists(String),

    #[error("no saved search named '{name}'{}", known_watches(.known))]
    UnknownWatch { name: String, known: Vec<String> },

    /// A saved search's name becomes a URL path (`/feeds/NAME.atom`), so
    /// it is kept to characters that need no escaping anywhere.
    #[error("invalid name '{name}' for a saved search: {reason}")]
    BadWatchName { name: String, reason: String },

    #[error("the saved searches in {} cannot be read ({reason}): fix the file or remove it", path.display())]
    BadWatches { path: PathBuf, reason: String },

    #[error("index error: {0}{hint}", hint = damage_hint(.0))]
    Tantivy(#[from] tantivy::TantivyError),

    #[error("index metadata: {0}")]
    Json(#[from] serde_json::Error),
}

/// What to do about an error that means the index's files are damaged
/// (found while searching: opening checks what it can, not every byte).
fn damage_hint(e: &tantivy::TantivyError) -> &'static str {
    use tantivy::TantivyError as T;
    match e {
        // A query podium built itself cannot be invalid; any other tantivy
        // error while reading (an undecodable stored document, a bad
        // column) comes from the files on disk.
        T::InvalidArgument(_) => "",
        _ => "; the index may be damaged: `podium index --rebuild` rebuilds it",
    }
}

/// `word` as a shell reads it back: as it is when it is plain, else in
/// single quotes (a path with spaces in a suggested command).
fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || "/._-~+,:@%=".contains(c));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

fn suggest(names: &[String]) -> String {
    if names.is_empty() {
        String::new()
    } else {
        format!("; closest known speakers: {}", names.join(", "))
    }
}

fn suggest_files(names: &[String]) -> String {
    if names.is_empty() {
        String::new()
    } else {
        format!("; closest: {}", names.join(", "))
    }
}

fn known_watches(names: &[String]) -> String {
    if names.is_empty() {
        "; there are none yet: `podium watch add NAME QUERY` saves one".to_string()
    } else {
        format!("; saved searches: {}", names.join(", "))
    }
}

fn suggest_outlets(names: &[String]) -> String {
    if names.is_empty() {
        "; no passage in the index names an outlet or organisation".to_string()
    } else {
        format!("; closest known outlets: {}", names.join(", "))
    }
}

/// Result with podium's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A problem with one input file that did not stop the run.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    /// The file as the user named it.
    pub file: String,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}
