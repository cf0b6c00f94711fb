//! The consolidated action plan (committee): every group's matrix by
//! dimension and area, the common areas first, and the session-4 summary.
//! Read by the plan page and by the exports (`crate::export`), which check
//! the caller themselves.

use crate::db::{self, cells, deliveries};
use crate::domain::action_plan::{consolidate, MixedGroup, PlanGroup};
use crate::domain::common_areas::Shared;
use crate::domain::delivery::is_delivered;
use crate::domain::matrix::MatrixTemplate;
use crate::domain::views::plenary::PlanView;
use crate::error::AppError;
use crate::state::AppState;

/// The plan with its seed texts in `lang` (and Spanish), for a reader or an
/// export: computed once per change of the groups' work (see `crate::cache`).
#[tracing::instrument(skip(state))]
pub async fn plan_view(state: &AppState, lang: &str) -> Result<PlanView, AppError> {
    let version = state.hub.version(|t| t.starts_with("group:") && !t.ends_with(crate::domain::change::PRESENCE));
    let view = state.views.get(&format!("plan:{lang}"), version, || compute(state, lang)).await?;
    Ok((*view).clone())
}

async fn compute(state: &AppState, lang: &str) -> Result<PlanView, AppError> {
    let pool = &state.pool;
    let seed = state.seed_for(lang).await?;
    let locale = crate::i18n::locale_of(lang).unwrap_or(crate::i18n::Locale::es);
    let delivered = deliveries::all(pool, state.meeting).await?;
    // The sessions that fill the matrix, and the one with a questionnaire.
    let matrix_sessions: Vec<_> = seed.sessions.iter().filter(|s| !s.matrix_columns.is_empty()).collect();
    let questionnaire_session = seed.sessions.iter().find(|s| s.matrix_columns.is_empty());
    let last = matrix_sessions.iter().map(|s| s.number).max();

    let ids = db::matrix::group_ids(pool, state.meeting).await?;
    // Every group's work in two queries, not a loop of them.
    let mut all_rows = db::matrix::rows_of_meeting(pool, state.meeting).await?;
    let mut all_answers = cells::questionnaires_of_meeting(pool, state.meeting).await?;
    let mut groups = Vec::new();
    if let Some(set) = matrix_sessions.first().and_then(|s| seed.group_sets.iter().find(|g| g.id == s.group_set)) {
        for group in &set.groups {
            let Some(&id) = ids.get(&group.id) else { continue };
            let sessions: Vec<u32> = matrix_sessions.iter().map(|s| s.number).filter(|n| is_delivered(&delivered, &group.id, *n)).collect();
            groups.push(PlanGroup {
                group: group.clone(),
                rows: all_rows.remove(&id).unwrap_or_default(),
                final_delivered: last.is_some_and(|l| sessions.contains(&l)),
                delivered: sessions,
            });
        }
    }
    let mut mixed = Vec::new();
    let guide = questionnaire_session.and_then(|s| seed.guides.iter().find(|g| g.id == s.guide));
    if let Some(session) = questionnaire_session {
        if let Some(set) = seed.group_sets.iter().find(|g| g.id == session.group_set) {
            for group in &set.groups {
                let Some(&id) = ids.get(&group.id) else { continue };
                mixed.push(MixedGroup {
                    group: group.clone(),
                    answers: all_answers.remove(&id).unwrap_or_default(),
                    delivered: is_delivered(&delivered, &group.id, session.number),
                });
            }
        }
    }
    let plan = consolidate(&seed, groups, mixed, guide, lang);
    let origins = plan
        .common
        .iter()
        .filter_map(|a| match &a.shared {
            Shared::Origin(id) => crate::i18n::origin_label(locale, id, &seed.reference, &seed.matrix.rows).map(|t| (id.clone(), t)),
            _ => None,
        })
        .collect();
    Ok(PlanView {
        meeting: seed.meeting.title.clone(),
        short_title: seed.meeting.short_title.clone(),
        place: seed.meeting.place.clone(),
        dates: seed.meeting.dates_label.clone(),
        plan,
        dimensions: seed.dimensions.clone(),
        origins,
        matrix: MatrixTemplate { rows: Vec::new(), ..seed.matrix.clone() },
        texts: seed.plan.clone(),
    })
}
