//! Read-only views of the meeting, cut from the seed in the reader's
//! language: header, agenda, sessions, reference material, the matrix's
//! template.

use super::Ctx;
use crate::domain::views::work::MatrixReference;
use crate::domain::views::{self, AgendaView, MatrixTemplateView, MeetingHeader, ReferenceSection, ReferenceView, SessionView};
use crate::error::AppError;

pub async fn header(ctx: &Ctx) -> Result<MeetingHeader, AppError> {
    Ok(views::meeting_header(&*ctx.seed().await?))
}

pub async fn agenda(ctx: &Ctx) -> Result<AgendaView, AppError> {
    Ok(views::agenda(&*ctx.seed().await?))
}

pub async fn session(ctx: &Ctx, number: u32) -> Result<SessionView, AppError> {
    views::session(&*ctx.seed().await?, number).ok_or_else(|| AppError::NotFound(format!("session {number}")))
}

pub async fn reference_sections(ctx: &Ctx) -> Result<Vec<ReferenceSection>, AppError> {
    Ok(views::reference_sections(&*ctx.seed().await?))
}

pub async fn reference(ctx: &Ctx, id: &str) -> Result<ReferenceView, AppError> {
    views::reference(&*ctx.seed().await?, id).ok_or_else(|| AppError::NotFound(format!("reference {id}")))
}

pub async fn matrix_template(ctx: &Ctx) -> Result<MatrixTemplateView, AppError> {
    Ok(views::matrix_template(&*ctx.seed().await?))
}

/// What the matrix screen shows beside the rows: the template and an
/// outline of every reference part.
pub async fn matrix_reference(ctx: &Ctx) -> Result<MatrixReference, AppError> {
    let seed = ctx.seed().await?;
    Ok(MatrixReference { template: views::matrix_template(&seed), references: seed.reference.iter().map(|r| r.outline()).collect() })
}
