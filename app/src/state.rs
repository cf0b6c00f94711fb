//! Server-side state shared by every request (ssr only): the database pool and
//! which meeting this server runs. Provided to server functions as context.

use crate::db::meeting::MeetingId;
use crate::db::Pool;
use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: Pool,
    pub meeting: MeetingId,
}

impl AppState {
    /// The state of the current request, from Leptos context.
    pub fn current() -> Result<AppState, crate::error::AppError> {
        leptos::prelude::use_context::<AppState>().ok_or_else(|| {
            tracing::error!("AppState missing from the server function context");
            crate::error::AppError::Internal
        })
    }
}
