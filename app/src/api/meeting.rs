//! Read-only access to the meeting: agenda, sessions and reference material.
//! The programme is public ("anyone" in the role table), and checked like
//! every other action, so a change to the table applies here too.

use crate::domain::views::{AgendaView, MatrixTemplateView, MeetingHeader, ReferenceSection, ReferenceView, SessionView};
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::context::{guard, reply},
    crate::domain::roles::{Action, ActionKind},
    crate::service,
};

#[server(prefix = "/api/fn", endpoint = "meeting_header")]
pub async fn get_meeting_header() -> Result<MeetingHeader, AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::ReadProgramme))?;
    reply(&ctx, service::meeting::header(&ctx).await)
}

#[server(prefix = "/api/fn", endpoint = "agenda")]
pub async fn get_agenda() -> Result<AgendaView, AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::ReadProgramme))?;
    reply(&ctx, service::meeting::agenda(&ctx).await)
}

#[server(prefix = "/api/fn", endpoint = "session")]
pub async fn get_session(number: u32) -> Result<SessionView, AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::ReadProgramme))?;
    reply(&ctx, service::meeting::session(&ctx, number).await)
}

/// The parts of the reference material the meeting has, in order.
#[server(prefix = "/api/fn", endpoint = "reference_sections")]
pub async fn get_reference_sections() -> Result<Vec<ReferenceSection>, AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::ReadProgramme))?;
    reply(&ctx, service::meeting::reference_sections(&ctx).await)
}

/// One part of the reference material, by its id.
#[server(prefix = "/api/fn", endpoint = "reference")]
pub async fn get_reference(id: String) -> Result<ReferenceView, AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::ReadProgramme))?;
    reply(&ctx, service::meeting::reference(&ctx, &id).await)
}

#[server(prefix = "/api/fn", endpoint = "matrix_template")]
pub async fn get_matrix_template() -> Result<MatrixTemplateView, AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::ReadProgramme))?;
    reply(&ctx, service::meeting::matrix_template(&ctx).await)
}
