//! Optional suggested minutes per guiding question (`domain::timebox`): the
//! group's coordinator sets them for the group, the committee for one group
//! or for every group of the same sessions at once.

use super::scope::scope;
use super::{allowed, invalid, Ctx};
use crate::db::{self, timeboxes};
use crate::domain::answers::question_keys;
use crate::domain::change::ANSWERS;
use crate::domain::roles::{Action, ActionKind};
use crate::domain::timebox::parse_minutes;
use crate::error::{AppError, Field, Problem};
use crate::state::now_ms;

#[tracing::instrument(skip(ctx))]
pub async fn set(ctx: &Ctx, group: &str, question: &str, minutes: &str, every_group: bool) -> Result<(), AppError> {
    let s = scope(ctx, group).await?;
    let Ok(minutes) = parse_minutes(minutes) else { return invalid(Field::Minutes, Problem::MinutesRange) };
    if !s.guides().iter().any(|g| question_keys(g).iter().any(|k| k == question)) {
        return invalid(Field::Question, Problem::ChooseOne);
    }
    let mut targets = vec![s.group.id.clone()];
    if every_group {
        // Every group at once is the committee's to decide.
        allowed(ctx, Action::on_meeting(ActionKind::SuperviseGroupWork))?;
        targets = s.group_set().map(|set| set.groups.iter().map(|g| g.id.clone()).collect()).unwrap_or(targets);
    }
    let by = s.author().await?;
    let (pool, meeting) = (s.pool(), s.ctx.state.meeting);
    let known = db::matrix::group_ids(pool, meeting).await?;
    let ids: Vec<(String, i64)> = targets.into_iter().filter_map(|key| known.get(&key).map(|&id| (key, id))).collect();
    let now = now_ms();
    let mut tx = db::begin_write(pool).await?;
    for (_, id) in &ids {
        timeboxes::set(&mut tx, *id, question, minutes, &by, now).await?;
    }
    let groups: Vec<String> = ids.into_iter().map(|(key, _)| key).collect();
    s.commit_for(tx, &groups, ANSWERS).await
}
