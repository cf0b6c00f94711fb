//! The committee drives the plenary projector from its own laptop: what it
//! shows (all groups, one group, one column compared, the common areas),
//! its page, and freezing it on a snapshot while the groups keep editing.

use super::{invalid, Ctx};
use crate::db::{self, projector};
use crate::domain::change::PROJECTOR;
use crate::domain::projector::{Show, ADVANCE_SECONDS};
use crate::domain::views::people::JoinDetails;
use crate::error::{AppError, Field, Problem};
use crate::state::now_ms;

#[tracing::instrument(skip(ctx))]
pub async fn set_show(ctx: &Ctx, mode: &str, target: &str) -> Result<(), AppError> {
    let Some(show) = Show::parse(mode, Some(target)) else { return invalid(Field::Mode, Problem::ChooseOne) };
    let seed = ctx.seed().await?;
    let known = match &show {
        Show::Focus(g) => seed.group_sets.iter().flat_map(|s| &s.groups).any(|x| x.id == *g),
        Show::Compare(c) => seed.matrix.columns.iter().any(|x| x.id == *c),
        Show::Groups | Show::Common | Show::Clock | Show::Join => true,
    };
    if !known {
        return invalid(Field::Target, Problem::ChooseOne);
    }
    let mut tx = db::begin_write(&ctx.state.pool).await?;
    projector::set_show(&mut tx, ctx.state.meeting, &show, now_ms()).await?;
    super::commit(&ctx.state, tx, PROJECTOR, now_ms()).await
}

#[tracing::instrument(skip(ctx))]
pub async fn freeze(ctx: &Ctx, frozen: bool) -> Result<(), AppError> {
    let snapshot = match frozen {
        true => {
            let work = super::plenary::live_work(&ctx.state, ctx.lang).await?;
            Some(serde_json::to_string(&work).map_err(|_| AppError::Internal)?)
        }
        false => None,
    };
    let mut tx = db::begin_write(&ctx.state.pool).await?;
    projector::set_frozen(&mut tx, ctx.state.meeting, snapshot.as_deref(), now_ms()).await?;
    super::commit(&ctx.state, tx, PROJECTOR, now_ms()).await
}

/// A page beyond the last is shown as the last one (the pages a screen has
/// depend on its data, which the server does not lay out).
#[tracing::instrument(skip(ctx))]
pub async fn set_page(ctx: &Ctx, page: u32, every: u32) -> Result<(), AppError> {
    if page > 10_000 {
        return invalid(Field::Page, Problem::ChooseOne);
    }
    if !ADVANCE_SECONDS.contains(&every) {
        return invalid(Field::Every, Problem::ChooseOne);
    }
    let mut tx = db::begin_write(&ctx.state.pool).await?;
    projector::set_page(&mut tx, ctx.state.meeting, page, every, now_ms()).await?;
    super::commit(&ctx.state, tx, PROJECTOR, now_ms()).await
}

/// The join code, its link and QR code, for a slide or a corner of one.
pub async fn join_card(ctx: &Ctx) -> Result<JoinDetails, AppError> {
    let code = db::access::join_code(&ctx.state.pool, ctx.state.meeting).await?;
    let link = super::links::join(ctx, &code);
    Ok(JoinDetails { code: code.to_string(), link })
}
