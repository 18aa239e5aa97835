//! The order of a result list: relevance (the default), or the briefing's
//! date, oldest or newest first.
//!
//! People follow a story in time ("what did they say about tariffs since
//! March, newest first"), so a date order is a view of the same matches,
//! not another search: the same passages match, the same total is counted,
//! only the order changes. Passages of the same day keep their relevance
//! order, and undated passages come last either way: a date order that put
//! them first (as "no date" sorts lowest) would bury what was asked for.

use std::fmt;
use std::str::FromStr;

/// How hits are ordered (`--sort`, the API's `sort=`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best match first.
    #[default]
    Relevance,
    /// Oldest briefing first (`date`).
    Oldest,
    /// Newest briefing first (`-date`).
    Newest,
}

/// The words `--sort` accepts, as the error lists them.
pub const SORT_WORDS: &str = "relevance, date (oldest first) or -date (newest first)";

impl Sort {
    /// The name `--sort` takes for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Oldest => "date",
            Sort::Newest => "-date",
        }
    }
}

impl fmt::Display for Sort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Sort {
    type Err = String;

    /// `relevance`, `date` or `-date`; `score`, `oldest`, `newest` and
    /// `+date` are understood too, in any case.
    fn from_str(s: &str) -> Result<Sort, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "relevance" | "score" | "rank" => Ok(Sort::Relevance),
            "date" | "+date" | "oldest" | "asc" => Ok(Sort::Oldest),
            "-date" | "newest" | "latest" | "desc" => Ok(Sort::Newest),
            _ => Err(format!("unknown sort order '{s}': expected {SORT_WORDS}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_names_and_refuses_others_with_the_list() {
        assert_eq!("relevance".parse(), Ok(Sort::Relevance));
        assert_eq!("date".parse(), Ok(Sort::Oldest));
        assert_eq!("-date".parse(), Ok(Sort::Newest));
        assert_eq!(" Newest ".parse(), Ok(Sort::Newest));
        for s in [Sort::Relevance, Sort::Oldest, Sort::Newest] {
            assert_eq!(s.as_str().parse(), Ok(s));
        }
        let err = "popularity".parse::<Sort>().expect_err("refused");
        assert!(
            err.contains("'popularity'") && err.contains("-date"),
            "{err}"
        );
    }
}
