//! Read-only access to the meeting: agenda, sessions and reference material.

use crate::domain::views::{AgendaView, MatrixTemplateView, MeetingHeader, ReferenceSection, ReferenceView, SessionView};
use crate::error::AppError;
use leptos::prelude::*;

/// The programme is public ("anyone" in the role table), and checked like
/// every other action, so a change to the table applies here too.
#[cfg(feature = "ssr")]
async fn seed() -> Result<std::sync::Arc<crate::domain::Seed>, AppError> {
    use crate::domain::roles::{Action, ActionKind};
    let ctx = super::context::guard(Action::on_meeting(ActionKind::ReadProgramme))?;
    super::context::reader_seed(&ctx.state).await
}

#[server(prefix = "/api/fn", endpoint = "meeting_header")]
pub async fn get_meeting_header() -> Result<MeetingHeader, AppError> {
    Ok(crate::domain::views::meeting_header(&*seed().await?))
}

#[server(prefix = "/api/fn", endpoint = "agenda")]
pub async fn get_agenda() -> Result<AgendaView, AppError> {
    Ok(crate::domain::views::agenda(&*seed().await?))
}

#[server(prefix = "/api/fn", endpoint = "session")]
pub async fn get_session(number: u32) -> Result<SessionView, AppError> {
    crate::domain::views::session(&*seed().await?, number).ok_or_else(|| AppError::NotFound(format!("session {number}")))
}

/// The parts of the reference material the meeting has, in order.
#[server(prefix = "/api/fn", endpoint = "reference_sections")]
pub async fn get_reference_sections() -> Result<Vec<ReferenceSection>, AppError> {
    Ok(crate::domain::views::reference_sections(&*seed().await?))
}

/// One part of the reference material, by its id.
#[server(prefix = "/api/fn", endpoint = "reference")]
pub async fn get_reference(id: String) -> Result<ReferenceView, AppError> {
    crate::domain::views::reference(&*seed().await?, &id).ok_or_else(|| AppError::NotFound(format!("reference {id}")))
}

#[server(prefix = "/api/fn", endpoint = "matrix_template")]
pub async fn get_matrix_template() -> Result<MatrixTemplateView, AppError> {
    Ok(crate::domain::views::matrix_template(&*seed().await?))
}
