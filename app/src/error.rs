//! `AppError`: the one error type that crosses the wire. Its variants are what
//! a user can act on; internal details (database errors, I/O) are logged on the
//! server and replaced by `Internal` before they leave it.

pub use crate::domain::problem::{ConflictReason, Field, Problem};
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not found: {0}")]
    NotFound(String),
    #[error("sign-in required")]
    Unauthorized,
    #[error("not allowed")]
    Forbidden,
    #[error("{field:?}: {problem:?}")]
    Validation { field: Field, problem: Problem },
    #[error("conflict: {0:?}")]
    Conflict(ConflictReason),
    /// Too many attempts: try again after this many seconds.
    #[error("too many attempts; retry in {retry_after_seconds} s")]
    RateLimited { retry_after_seconds: u64 },
    #[error("internal error")]
    Internal,
    /// The request never reached our code or the reply could not be read
    /// (network down, server restarting).
    #[error("communication error: {0}")]
    Transport(String),
}

impl AppError {
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound(_) => 404,
            AppError::Unauthorized => 401,
            AppError::Forbidden => 403,
            AppError::Validation { .. } => 422,
            AppError::Conflict(_) => 409,
            AppError::RateLimited { .. } => 429,
            AppError::Internal => 500,
            AppError::Transport(_) => 503,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // Bad arguments are the caller's mistake, not a server fault.
            ServerFnErrorErr::Args(_) => AppError::Validation { field: Field::Request, problem: Problem::Unreadable },
            ServerFnErrorErr::MissingArg(_) => AppError::Validation { field: Field::Request, problem: Problem::Missing },
            other => AppError::Transport(other.to_string()),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        // Never send database text to a client: log it, answer Internal.
        tracing::error!(error = %e, "database error");
        AppError::Internal
    }
}
