//! The server side of `delivery`.

use super::context::{fail, invalid};
use super::work_scope::scope;
use crate::db::deliveries;
use crate::domain::change::DELIVERY;
use crate::domain::roles::ActionKind;
use crate::error::{AppError, ConflictReason, Field, Problem};
use crate::state::now_ms;

/// Delivers (`true`) or reopens (`false`) the group's result for `session`.
pub async fn set(kind: ActionKind, group: &str, session: u32, delivered: bool) -> Result<(), AppError> {
    let s = scope(kind, group).await?;
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
        return fail(AppError::Conflict(if delivered { ConflictReason::Delivered } else { ConflictReason::NotDelivered }));
    }
    s.commit(tx, DELIVERY).await
}
