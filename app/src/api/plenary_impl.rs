//! The server side of `plenary`.

use super::context::Ctx;
use super::plenary::{PlenaryGroup, PlenaryView, PlenaryWork};
use crate::db::{self, cells, deliveries, projector};
use crate::domain::common_areas::common_areas;
use crate::error::AppError;
use crate::state::AppState;

/// The groups' work as it stands now.
pub async fn live_work(state: &AppState) -> Result<PlenaryWork, AppError> {
    let pool = &state.pool;
    let seed = super::context::reader_seed(state).await?;
    let clock = super::clock_impl::view(state).await?;
    let session = clock.working_session().and_then(|n| seed.sessions.iter().find(|s| s.number == n)).cloned();
    let questionnaire = session
        .as_ref()
        .filter(|s| s.matrix_columns.is_empty())
        .and_then(|s| seed.guides.iter().find(|g| g.id == s.guide))
        .cloned();
    let set = session.as_ref().and_then(|s| seed.group_sets.iter().find(|set| set.id == s.group_set));
    let delivered = deliveries::all(pool, state.meeting).await?;
    let ids = db::matrix::group_ids(pool, state.meeting).await?;
    let mut groups = Vec::new();
    for group in set.map(|s| s.groups.clone()).unwrap_or_default() {
        let Some(&id) = ids.get(&group.id) else { continue };
        let rows = if questionnaire.is_none() { db::matrix::rows(pool, id).await? } else { Vec::new() };
        let answers = if questionnaire.is_some() { cells::questionnaire(pool, id).await? } else { Default::default() };
        let done = delivered.iter().any(|d| d.group == group.id && session.as_ref().is_some_and(|s| s.number == d.session));
        groups.push(PlenaryGroup { group, rows, answers, delivered: done });
    }
    Ok(PlenaryWork { session, groups, questionnaire })
}

pub async fn view(ctx: &Ctx) -> Result<PlenaryView, AppError> {
    let pool = &ctx.state.pool;
    let (projector, snapshot) = projector::get(pool, ctx.state.meeting).await?;
    // Frozen: the snapshot, whatever the groups type meanwhile.
    let frozen = snapshot.and_then(|json| serde_json::from_str::<PlenaryWork>(&json).ok());
    let work = match frozen {
        Some(work) => work,
        None => live_work(&ctx.state).await?,
    };
    let pairs: Vec<_> = work.groups.iter().filter(|_| work.questionnaire.is_none()).map(|g| (g.group.clone(), g.rows.clone())).collect();
    let code = db::access::join_code(pool, ctx.state.meeting).await?;
    Ok(PlenaryView {
        common: common_areas(&pairs),
        work,
        projector,
        join: super::committee_impl::shared(ctx, &format!("/join?code={code}")),
        join_code: code.to_string(),
    })
}
