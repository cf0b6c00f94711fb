//! Handing a group's result for a session to the committee (which locks
//! it), the committee reopening it, and the list of what was delivered.

use super::scope::scope;
use super::{invalid, Ctx};
use crate::db::deliveries;
use crate::domain::change::DELIVERY;
use crate::domain::delivery::Delivery;
use crate::error::{AppError, ConflictReason, Field, Problem};
use crate::state::now_ms;

/// Delivers (`true`) or reopens (`false`) the group's result for `session`.
#[tracing::instrument(skip(ctx))]
pub async fn set(ctx: &Ctx, group: &str, session: u32, delivered: bool) -> Result<(), AppError> {
    let s = scope(ctx, group).await?;
    let set = s.group_set().map(|set| set.id.as_str());
    if !s.seed.sessions.iter().any(|x| x.number == session && Some(x.group_set.as_str()) == set) {
        return invalid(Field::Session, Problem::ChooseOne);
    }
    let by = s.author().await?;
    let mut tx = crate::db::begin_write(s.pool()).await?;
    let changed = match delivered {
        true => deliveries::deliver(&mut tx, s.group_id, session, &by, now_ms()).await?,
        false => deliveries::reopen(&mut tx, s.group_id, session).await?,
    };
    if !changed {
        return Err(AppError::Conflict(if delivered { ConflictReason::Delivered } else { ConflictReason::NotDelivered }));
    }
    s.commit(tx, DELIVERY).await
}

/// Every group's deliveries.
pub async fn all(ctx: &Ctx) -> Result<Vec<Delivery>, AppError> {
    Ok(deliveries::all(&ctx.state.pool, ctx.state.meeting).await?)
}
