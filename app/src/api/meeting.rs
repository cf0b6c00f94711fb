//! Read-only access to the meeting: agenda, sessions and reference material.

use crate::domain::reference::{Decision, IlacArea, Strategy, TaskForce};
use crate::domain::views::{AgendaView, MatrixTemplateView, MeetingHeader, SessionView, Table2View};
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

/// Which parts of the reference material the meeting has.
#[server(prefix = "/api/fn", endpoint = "reference_sections")]
pub async fn get_reference_sections() -> Result<crate::domain::views::ReferenceSections, AppError> {
    Ok(crate::domain::views::reference_sections(&*seed().await?))
}

#[server(prefix = "/api/fn", endpoint = "ilac_areas")]
pub async fn get_ilac_areas() -> Result<Vec<IlacArea>, AppError> {
    Ok(seed().await?.ilac_areas.clone())
}

#[server(prefix = "/api/fn", endpoint = "table2")]
pub async fn get_table2() -> Result<Table2View, AppError> {
    Ok(crate::domain::views::table2(&*seed().await?))
}

#[server(prefix = "/api/fn", endpoint = "matrix_template")]
pub async fn get_matrix_template() -> Result<MatrixTemplateView, AppError> {
    Ok(crate::domain::views::matrix_template(&*seed().await?))
}

#[server(prefix = "/api/fn", endpoint = "strategy")]
pub async fn get_strategy() -> Result<Strategy, AppError> {
    Ok(seed().await?.strategy.clone())
}

#[server(prefix = "/api/fn", endpoint = "decisions")]
pub async fn get_decisions() -> Result<Vec<Decision>, AppError> {
    Ok(seed().await?.decisions.clone())
}

#[server(prefix = "/api/fn", endpoint = "task_forces")]
pub async fn get_task_forces() -> Result<Vec<TaskForce>, AppError> {
    Ok(seed().await?.task_forces.clone())
}
