//! Query-string parameters of the API, checked once with the CLI's rules
//! and the server's caps.
//!
//! Parameters arrive as pairs (`speaker` may repeat, as `--speaker` does);
//! an unknown name is an error rather than ignored, so a typo such as
//! `spekaer=gong` does not silently return unfiltered results.

use crate::search::filter::{parse_date, Bound};
use crate::search::{Filters, Sort};

use super::error::ApiError;

/// Longest query accepted, in bytes: far beyond any typed query, short
/// enough that compiling it (prefixes, synonyms) stays cheap.
pub const MAX_QUERY_BYTES: usize = 1000;
/// Most hits one request may ask for (`n`).
pub const MAX_HITS: usize = 100;
/// Deepest `offset`: paging further than this is a scraper, not a reader.
pub const MAX_OFFSET: usize = 1000;
/// Hits returned when `n` is not given (the CLI's `-n` default).
pub const DEFAULT_HITS: usize = 10;
/// Most passages of context on each side (`context`).
pub const MAX_CONTEXT: usize = 20;
/// Most speakers `/api/speakers` lists when `n` is not given, and at most.
pub const DEFAULT_SPEAKERS: usize = 50;
pub const MAX_SPEAKERS: usize = 1000;
/// Most `speaker` (and `outlet`, `file`) parameters in one request.
pub const MAX_SPEAKER_FILTERS: usize = 20;

/// What `/api/search` and `/api/speakers` were asked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchParams {
    pub q: String,
    pub filters: Filters,
    /// As given, for echoing back (`--speaker` words).
    pub n: Option<usize>,
    pub offset: usize,
    /// `relevance` (default), `date` or `-date`, as `--sort`.
    pub sort: Sort,
}

/// Reads `/api/search` (and `/api/speakers`) parameters.
pub fn search(pairs: &[(String, String)]) -> Result<SearchParams, ApiError> {
    let mut p = SearchParams::default();
    for (k, v) in pairs {
        match k.as_str() {
            "q" => p.q = v.clone(),
            "speaker" => {
                if !v.trim().is_empty() {
                    p.filters.speakers.push(v.clone());
                }
            }
            "role" => {
                p.filters.role = if v.trim().is_empty() {
                    None
                } else {
                    Some(crate::search::role::parse(v).map_err(ApiError::bad_request)?)
                }
            }
            "since" => p.filters.since = date(v, Bound::Start)?,
            "until" => p.filters.until = date(v, Bound::End)?,
            "n" => p.n = Some(number("n", v)?),
            "offset" => p.offset = number("offset", v)?,
            "outlet" => {
                if !v.trim().is_empty() {
                    p.filters.outlets.push(v.clone());
                }
            }
            "file" => {
                if !v.trim().is_empty() {
                    p.filters.files.push(v.clone());
                }
            }
            "sort" => {
                if !v.trim().is_empty() {
                    p.sort = v.parse().map_err(ApiError::bad_request)?;
                }
            }
            other => {
                return Err(unknown(
                    other,
                    "q, speaker, outlet, role, since, until, file, n, offset, sort",
                ))
            }
        }
    }
    if p.q.len() > MAX_QUERY_BYTES {
        return Err(ApiError::bad_request(format!(
            "query too long: {} bytes, at most {MAX_QUERY_BYTES}",
            p.q.len()
        )));
    }
    for (what, values) in [
        ("speakers", &p.filters.speakers),
        ("outlets", &p.filters.outlets),
        ("files", &p.filters.files),
    ] {
        if values.len() > MAX_SPEAKER_FILTERS {
            return Err(ApiError::bad_request(format!(
                "too many {what}: {}, at most {MAX_SPEAKER_FILTERS}",
                values.len()
            )));
        }
    }
    if p.offset > MAX_OFFSET {
        return Err(ApiError::bad_request(format!(
            "offset {} is too deep: at most {MAX_OFFSET}",
            p.offset
        )));
    }
    Ok(p)
}

/// `n` for a search: at most [`MAX_HITS`].
pub fn hits(p: &SearchParams) -> Result<usize, ApiError> {
    capped("n", p.n.unwrap_or(DEFAULT_HITS), MAX_HITS)
}

/// `n` for the speaker list: at most [`MAX_SPEAKERS`].
pub fn speakers(p: &SearchParams) -> Result<usize, ApiError> {
    capped("n", p.n.unwrap_or(DEFAULT_SPEAKERS), MAX_SPEAKERS)
}

/// `context` of `/api/passages/{id}` (default 1, as `--context`).
pub fn context(pairs: &[(String, String)]) -> Result<usize, ApiError> {
    let mut n = 1;
    for (k, v) in pairs {
        match k.as_str() {
            "context" => n = number("context", v)?,
            other => return Err(unknown(other, "context")),
        }
    }
    capped("context", n, MAX_CONTEXT)
}

/// No parameters expected (`/api/stats`).
pub fn none(pairs: &[(String, String)]) -> Result<(), ApiError> {
    match pairs.first() {
        Some((k, _)) => Err(unknown(k, "none")),
        None => Ok(()),
    }
}

fn capped(name: &str, n: usize, max: usize) -> Result<usize, ApiError> {
    if n > max {
        return Err(ApiError::bad_request(format!(
            "{name} is {n}: at most {max}"
        )));
    }
    Ok(n)
}

fn number(name: &str, v: &str) -> Result<usize, ApiError> {
    v.trim().parse().map_err(|_| {
        ApiError::bad_request(format!(
            "invalid {name} '{v}': expected a whole number (0 or more)"
        ))
    })
}

/// A date bound; an empty value is no bound (a cleared form field).
fn date(v: &str, bound: Bound) -> Result<Option<jiff::civil::Date>, ApiError> {
    if v.trim().is_empty() {
        return Ok(None);
    }
    Ok(Some(parse_date(v, bound)?))
}

fn unknown(name: &str, known: &str) -> ApiError {
    ApiError::bad_request(format!("unknown parameter '{name}': expected {known}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::Role;

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn reads_filters_with_the_cli_rules() {
        let p = search(&pairs(&[
            ("q", "STAR Market"),
            ("speaker", "gong"),
            ("speaker", "Li Jun"),
            ("role", "official"),
            ("since", "2024"),
            ("until", "2024-03"),
            ("n", "5"),
        ]))
        .expect("valid");
        assert_eq!(p.filters.speakers, ["gong", "Li Jun"]);
        assert_eq!(p.filters.role, Some(Role::Official));
        assert_eq!(
            p.filters.since.map(|d| d.to_string()).as_deref(),
            Some("2024-01-01")
        );
        assert_eq!(
            p.filters.until.map(|d| d.to_string()).as_deref(),
            Some("2024-03-31")
        );
        assert_eq!(hits(&p), Ok(5));
        assert_eq!(p.sort, Sort::Relevance);
        let newest = search(&pairs(&[("q", "x"), ("sort", "-date")])).expect("valid");
        assert_eq!(newest.sort, Sort::Newest);
    }

    #[test]
    fn refuses_what_the_cli_refuses_and_what_is_too_big() {
        let err = |v: &[(&str, &str)]| search(&pairs(v)).expect_err("refused").message;
        assert!(err(&[("role", "pundit")]).contains("unknown role 'pundit'"));
        assert!(err(&[("since", "03/04/2024")]).contains("ambiguous date"));
        assert!(err(&[("since", "soon")]).contains("invalid date 'soon'"));
        assert!(err(&[("spekaer", "gong")]).contains("unknown parameter 'spekaer'"));
        assert!(err(&[("sort", "popularity")]).contains("unknown sort order 'popularity'"));
        assert!(err(&[("n", "-1")]).contains("invalid n"));
        assert!(err(&[("q", &"x".repeat(MAX_QUERY_BYTES + 1))]).contains("query too long"));
        let p = search(&pairs(&[("n", "101")])).expect("parsed");
        assert!(hits(&p).is_err());
        assert!(context(&pairs(&[("context", "21")])).is_err());
        assert_eq!(context(&[]), Ok(1));
    }
}
