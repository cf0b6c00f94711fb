//! The server side of `projector`.

use super::context::{guard, invalid};
use crate::db::{self, changes, projector};
use crate::domain::change::PROJECTOR;
use crate::domain::projector::{Show, ADVANCE_SECONDS};
use crate::domain::roles::{Action, ActionKind};
use crate::error::{AppError, Field, Problem};
use crate::state::{now_ms, AppState};

pub async fn set_show(mode: &str, target: &str) -> Result<(), AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::DriveProjector))?;
    let Some(show) = Show::parse(mode, Some(target)) else { return invalid(Field::Mode, Problem::ChooseOne) };
    let seed = super::context::reader_seed(&ctx.state).await?;
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
    commit(&ctx.state, tx).await
}

pub async fn freeze(frozen: bool) -> Result<(), AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::DriveProjector))?;
    let snapshot = match frozen {
        true => {
            let work = super::plenary_impl::live_work(&ctx.state).await?;
            Some(serde_json::to_string(&work).map_err(|_| AppError::Internal)?)
        }
        false => None,
    };
    let mut tx = db::begin_write(&ctx.state.pool).await?;
    projector::set_frozen(&mut tx, ctx.state.meeting, snapshot.as_deref(), now_ms()).await?;
    commit(&ctx.state, tx).await
}

/// A page beyond the last is shown as the last one (the pages a screen has
/// depend on its data, which the server does not lay out).
pub async fn set_page(page: u32, every: u32) -> Result<(), AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::DriveProjector))?;
    if page > 10_000 {
        return invalid(Field::Page, Problem::ChooseOne);
    }
    if !ADVANCE_SECONDS.contains(&every) {
        return invalid(Field::Every, Problem::ChooseOne);
    }
    let mut tx = db::begin_write(&ctx.state.pool).await?;
    projector::set_page(&mut tx, ctx.state.meeting, page, every, now_ms()).await?;
    commit(&ctx.state, tx).await
}

pub async fn join_card() -> Result<super::projector::JoinDetails, AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::ReadCommitteeDashboard))?;
    let code = db::access::join_code(&ctx.state.pool, ctx.state.meeting).await?;
    let link = super::committee_impl::shared(&ctx, &format!("/join?code={code}"));
    Ok(super::projector::JoinDetails { code: code.to_string(), link })
}

async fn commit(state: &AppState, mut tx: sqlx::Transaction<'static, sqlx::Sqlite>) -> Result<(), AppError> {
    let change = changes::record(&mut tx, PROJECTOR, now_ms()).await?;
    state.hub.commit(tx, vec![change]).await?;
    Ok(())
}
