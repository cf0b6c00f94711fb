//! Session 4's mixed groups: the committee has the app place everyone who
//! joined (balanced across groups and sectors), then moves people by hand.

use super::{announce_roles_changed, invalid, Ctx};
use crate::db::participants;
use crate::domain::balance::{self, Person};
use crate::domain::group::{GroupSet, Sector};
use crate::error::{AppError, Field, Problem};

/// The group set whose groups are all mixed (session 4's).
async fn mixed_set(ctx: &Ctx) -> Result<GroupSet, AppError> {
    let seed = ctx.seed().await?;
    match seed.group_sets.iter().find(|s| !s.groups.is_empty() && s.groups.iter().all(|g| g.sector == Sector::Mixed)).cloned() {
        Some(set) => Ok(set),
        None => Err(AppError::NotFound("mixed groups".into())),
    }
}

#[tracing::instrument(skip(ctx))]
pub async fn assign(ctx: &Ctx, redo: bool) -> Result<usize, AppError> {
    let set = mixed_set(ctx).await?;
    let everyone = participants::all(&ctx.state.pool, ctx.state.meeting).await?;
    let people: Vec<Person> = everyone
        .iter()
        .map(|m| Person {
            id: m.id,
            stratum: balance::stratum(m.sector.as_str(), &m.group),
            group: if redo { None } else { m.mixed_group.as_ref().and_then(|g| set.groups.iter().position(|x| x.id == *g)) },
        })
        .collect();
    let placed = balance::assign(&people, set.groups.len());
    let moves: Vec<(i64, Option<String>)> = placed.iter().map(|(id, g)| (*id, Some(set.groups[*g].id.clone()))).collect();
    participants::set_mixed_groups(&ctx.state.pool, ctx.state.meeting, &moves).await?;
    if !moves.is_empty() {
        announce_roles_changed(&ctx.state).await?;
    }
    Ok(moves.len())
}

#[tracing::instrument(skip(ctx))]
pub async fn move_one(ctx: &Ctx, participant: i64, group: &str) -> Result<(), AppError> {
    let set = mixed_set(ctx).await?;
    let target = match group {
        "" => None,
        g if set.groups.iter().any(|x| x.id == g) => Some(g.to_string()),
        _ => return invalid(Field::Group, Problem::ChooseOne),
    };
    if participants::set_mixed_groups(&ctx.state.pool, ctx.state.meeting, &[(participant, target)]).await? == 0 {
        return Err(AppError::NotFound(format!("participant {participant}")));
    }
    announce_roles_changed(&ctx.state).await
}
