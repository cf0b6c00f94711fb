//! The plenary projector (committee): every group of the session in
//! progress side by side with its results, live or frozen, with the join
//! code for latecomers.

use super::Ctx;
use crate::db::{self, cells, deliveries, projector};
use crate::domain::change::{CLOCK, PRESENCE};
use crate::domain::common_areas::{common_areas, CommonArea};
use crate::domain::views::plenary::{PlenaryGroup, PlenaryView, PlenaryWork};
use crate::domain::Seed;
use crate::error::AppError;
use crate::state::AppState;
use std::sync::Arc;

/// What the groups' work depends on: the clock (which session is on) and
/// every group topic but presence.
pub fn work_topics(topic: &str) -> bool {
    topic == CLOCK || (topic.starts_with("group:") && !topic.ends_with(PRESENCE))
}

/// The groups' work as it stands now, with its common areas: computed once
/// per change for every projector (see `crate::cache::Views`).
pub async fn live(state: &AppState, lang: &str) -> Result<Arc<(PlenaryWork, Vec<CommonArea>)>, AppError> {
    let version = state.hub.version(work_topics);
    state
        .views
        .get(&format!("plenary:{lang}"), version, || async {
            let seed = state.seed_for(lang).await?;
            let work = compute_live_work(state, &seed, lang).await?;
            let common = common_of(&work, &seed);
            Ok((work, common))
        })
        .await
}

/// The groups' work as it stands now.
pub async fn live_work(state: &AppState, lang: &str) -> Result<PlenaryWork, AppError> {
    Ok(live(state, lang).await?.0.clone())
}

/// Lines of different groups sharing an area (matrix sessions only).
fn common_of(work: &PlenaryWork, seed: &Seed) -> Vec<CommonArea> {
    let pairs: Vec<_> = work.groups.iter().filter(|_| work.questionnaire.is_none()).map(|g| (g.group.clone(), g.rows.clone())).collect();
    common_areas(&pairs, &seed.matrix, seed.plan.highlight.as_ref())
}

async fn compute_live_work(state: &AppState, seed: &Seed, lang: &str) -> Result<PlenaryWork, AppError> {
    let pool = &state.pool;
    let clock = super::clock::view(state, lang).await?;
    let session = clock.working_session().and_then(|n| seed.sessions.iter().find(|s| s.number == n)).cloned();
    let questionnaire =
        session.as_ref().filter(|s| s.matrix_columns.is_empty()).and_then(|s| seed.guides.iter().find(|g| g.id == s.guide)).cloned();
    let set = session.as_ref().and_then(|s| seed.group_sets.iter().find(|set| set.id == s.group_set));
    let delivered = deliveries::all(pool, state.meeting).await?;
    let ids = db::matrix::group_ids(pool, state.meeting).await?;
    // Every group's work in one or two queries, not a loop of them.
    let mut all_rows = if questionnaire.is_none() { db::matrix::rows_of_meeting(pool, state.meeting).await? } else { Default::default() };
    let mut all_answers =
        if questionnaire.is_some() { cells::questionnaires_of_meeting(pool, state.meeting).await? } else { Default::default() };
    let mut groups = Vec::new();
    for group in set.map(|s| s.groups.clone()).unwrap_or_default() {
        let Some(&id) = ids.get(&group.id) else { continue };
        let rows = all_rows.remove(&id).unwrap_or_default();
        let answers = all_answers.remove(&id).unwrap_or_default();
        let done = delivered.iter().any(|d| d.group == group.id && session.as_ref().is_some_and(|s| s.number == d.session));
        groups.push(PlenaryGroup { group, rows, answers, delivered: done });
    }
    Ok(PlenaryWork { session, groups, questionnaire })
}

#[tracing::instrument(skip_all)]
pub async fn view(ctx: &Ctx) -> Result<PlenaryView, AppError> {
    let pool = &ctx.state.pool;
    let (projector, snapshot) = projector::get(pool, ctx.state.meeting).await?;
    // Frozen: the snapshot, whatever the groups type meanwhile.
    let frozen = snapshot.and_then(|json| serde_json::from_str::<PlenaryWork>(&json).ok());
    let (work, common) = match frozen {
        Some(work) => {
            let common = common_of(&work, &*ctx.seed().await?);
            (work, common)
        }
        None => {
            let live = live(&ctx.state, ctx.lang).await?;
            (live.0.clone(), live.1.clone())
        }
    };
    let code = db::access::join_code(pool, ctx.state.meeting).await?;
    Ok(PlenaryView { common, work, projector, join: super::links::join(ctx, &code), join_code: code.to_string() })
}
