//! Errors as responses: every failure of a request is a status and
//! `{"error": "..."}`, worded as the command line words it, so one message
//! means one thing wherever podium is used.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::error::Error;

/// A request that could not be answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    /// The request itself is wrong (400): the message says how.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }

    /// The server cannot take the request now (503): busy or too slow.
    pub fn unavailable(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::SERVICE_UNAVAILABLE,
            message: message.into(),
        }
    }

    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: message.into(),
        }
    }
}

impl From<Error> for ApiError {
    /// Mistakes in what was asked are 4xx, with the CLI's words; trouble
    /// with the index is 5xx (its message says how to repair it).
    fn from(e: Error) -> ApiError {
        let status = match &e {
            Error::Query(_)
            | Error::PassageId(_)
            | Error::InvertedRange { .. }
            | Error::UnknownFile { .. }
            | Error::AmbiguousFile { .. }
            | Error::UnknownSpeaker { .. }
            | Error::UnknownOutlet { .. }
            | Error::BadWatchName { .. }
            | Error::BadDate(_)
            | Error::AmbiguousDate { .. }
            | Error::NotADay(_)
            | Error::DateOutOfRange { .. } => StatusCode::BAD_REQUEST,
            Error::WatchExists(_) => StatusCode::CONFLICT,
            Error::UnknownWatch { .. } => StatusCode::NOT_FOUND,
            Error::Busy { .. } => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        // One line, as the CLI prints it (tantivy's errors can span lines).
        let message = e.to_string().replace('\n', " ");
        ApiError { status, message }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.message }).to_string();
        (
            self.status,
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            body,
        )
            .into_response()
    }
}
