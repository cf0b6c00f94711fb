//! Participants answer their group's guiding questions; the coordinator
//! reads them live, marks questions discussed and promotes answers into the
//! matrix. A participant's group for the session in progress is their
//! session 1–3 group or their session-4 group, whichever works in it.

use super::scope::{scope, Scope};
use super::{allowed, cells, invalid, Ctx};
use crate::db::{self, answers, deliveries};
use crate::domain::answers::{append_promoted, by_question, normalise, question_keys, AnswerError, MAX_ANSWERS_PER_QUESTION};
use crate::domain::cells::{valid_op_id, SaveOutcome};
use crate::domain::change::ANSWERS;
use crate::domain::question::Guide;
use crate::domain::roles::{authorize, Action, ActionKind};
use crate::domain::views::work::{AnswerSheet, GroupAnswers, GuideAnswers};
use crate::error::{AppError, ConflictReason, Field, Problem};
use crate::state::now_ms;

/// The caller's participant id and group in the session in progress
/// (`None` for the group when they have none there yet).
async fn my_group(ctx: &Ctx) -> Result<(i64, Option<String>), AppError> {
    let Some(pid) = ctx.auth.caller.participant else { return Err(AppError::Unauthorized) };
    let Some(me) = db::participants::get(&ctx.state.pool, ctx.state.meeting, pid).await? else {
        return Err(AppError::Unauthorized);
    };
    let seed = ctx.seed().await?;
    let clock = super::clock::view(&ctx.state, ctx.lang).await?;
    let set = clock.working_session().and_then(|n| seed.sessions.iter().find(|s| s.number == n)).map(|s| s.group_set.clone());
    let in_set = |g: &str| seed.group_sets.iter().any(|s| Some(&s.id) == set.as_ref() && s.groups.iter().any(|x| x.id == g));
    let group = [Some(me.group.clone()), me.mixed_group.clone()].into_iter().flatten().find(|g| in_set(g));
    Ok((pid, group))
}

fn guide_of<'s>(s: &'s Scope<'_>) -> Option<&'s Guide> {
    let session = s.session.as_ref()?;
    s.seed.guides.iter().find(|g| g.id == session.guide)
}

async fn is_open(s: &Scope<'_>, tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>) -> Result<bool, AppError> {
    let Some(session) = &s.session else { return Ok(false) };
    Ok(s.answers_open && !deliveries::is_delivered(tx, s.group_id, session.number).await?)
}

#[tracing::instrument(skip_all)]
pub async fn sheet(ctx: &Ctx) -> Result<AnswerSheet, AppError> {
    let (pid, group) = my_group(ctx).await?;
    let Some(group) = group else {
        return Ok(AnswerSheet::default());
    };
    allowed(ctx, Action::on_group(ActionKind::AnswerQuestions, &group))?;
    let s = scope(ctx, &group).await?;
    let mut tx = s.pool().begin().await?;
    let open = is_open(&s, &mut tx).await?;
    let delivered = match &s.session {
        Some(session) => deliveries::is_delivered(&mut tx, s.group_id, session.number).await?,
        None => false,
    };
    drop(tx);
    let guide = guide_of(&s).cloned();
    let prefix = guide.as_ref().map(|g| format!("{}/", g.id)).unwrap_or_default();
    let mine = answers::of_participant(s.pool(), s.group_id, pid).await?.into_iter().filter(|a| a.question.starts_with(&prefix)).collect();
    let discussed = answers::discussed(s.pool(), s.group_id).await?;
    let timeboxes = db::timeboxes::of_group(s.pool(), s.group_id).await?;
    Ok(AnswerSheet { group: Some(s.group.clone()), session: s.session.clone(), guide, open, delivered, mine, discussed, timeboxes })
}

/// The participant's scope for changing answers in `group` (the role table
/// lets only its members through, so the caller is a participant).
async fn answering<'a>(ctx: &'a Ctx, group: &str) -> Result<(i64, Scope<'a>), AppError> {
    let s = scope(ctx, group).await?;
    let Some(pid) = s.ctx.auth.caller.participant else { return Err(AppError::Unauthorized) };
    Ok((pid, s))
}

fn checked_text(text: &str) -> Result<String, AppError> {
    match normalise(text) {
        Ok(t) => Ok(t),
        Err(AnswerError::Required) => invalid(Field::Text, Problem::Required),
        Err(AnswerError::TooLong) => invalid(Field::Text, Problem::TooLong),
    }
}

/// Adds an answer. `op` is the browser's id for this write: the same write
/// sent again (a reply lost on the way, a phone's outbox replaying it)
/// returns the answer it added the first time, even if answers closed since.
#[tracing::instrument(skip(ctx, text))]
pub async fn add(ctx: &Ctx, group: &str, question: &str, text: &str, op: Option<&str>) -> Result<i64, AppError> {
    let (pid, s) = answering(ctx, group).await?;
    if op.is_some_and(|o| !valid_op_id(o)) {
        return invalid(Field::Op, Problem::BadCharacters);
    }
    let text = checked_text(text)?;
    let Some(guide) = guide_of(&s) else { return Err(AppError::Conflict(ConflictReason::AnswersClosed)) };
    if !question_keys(guide).iter().any(|k| k == question) {
        return invalid(Field::Question, Problem::ChooseOne);
    }
    let mut tx = crate::db::begin_write(s.pool()).await?;
    if let Some(op) = op {
        if let Some(id) = answers::by_op(&mut tx, pid, op).await? {
            return Ok(id);
        }
    }
    if !is_open(&s, &mut tx).await? {
        return Err(AppError::Conflict(ConflictReason::AnswersClosed));
    }
    if answers::count_for(&mut tx, s.group_id, pid, question).await? >= MAX_ANSWERS_PER_QUESTION as i64 {
        return Err(AppError::Conflict(ConflictReason::TooMany));
    }
    let id = answers::insert(&mut tx, s.group_id, pid, question, &text, op, now_ms()).await?;
    s.commit(tx, ANSWERS).await?;
    Ok(id)
}

#[tracing::instrument(skip(ctx, text))]
pub async fn edit(ctx: &Ctx, group: &str, id: i64, text: &str) -> Result<(), AppError> {
    let (pid, s) = answering(ctx, group).await?;
    let text = checked_text(text)?;
    change_own(pid, &s, id, Some(&text)).await
}

#[tracing::instrument(skip(ctx))]
pub async fn delete(ctx: &Ctx, group: &str, id: i64) -> Result<(), AppError> {
    let (pid, s) = answering(ctx, group).await?;
    change_own(pid, &s, id, None).await
}

/// Changes (`Some(text)`) or deletes (`None`) one of the participant's own
/// answers to the current guide, while answers are open.
async fn change_own(pid: i64, s: &Scope<'_>, id: i64, text: Option<&str>) -> Result<(), AppError> {
    let current = answers::get(s.pool(), s.group_id, id).await?;
    let prefix = guide_of(s).map(|g| format!("{}/", g.id));
    let Some(answer) = current.filter(|a| a.participant == pid) else { return Err(AppError::NotFound(format!("answer {id}"))) };
    if !prefix.is_some_and(|p| answer.question.starts_with(&p)) {
        return Err(AppError::Conflict(ConflictReason::AnswersClosed));
    }
    let mut tx = crate::db::begin_write(s.pool()).await?;
    if !is_open(s, &mut tx).await? {
        return Err(AppError::Conflict(ConflictReason::AnswersClosed));
    }
    let done = match text {
        Some(t) => answers::update(&mut tx, pid, id, t, now_ms()).await?,
        None => answers::delete(&mut tx, pid, id, now_ms()).await?,
    };
    if !done {
        return Err(AppError::NotFound(format!("answer {id}")));
    }
    s.commit(tx, ANSWERS).await
}

#[tracing::instrument(skip(ctx))]
pub async fn of_group(ctx: &Ctx, group: &str) -> Result<GroupAnswers, AppError> {
    let s = scope(ctx, group).await?;
    let mut guides = Vec::new();
    for guide in s.guides() {
        let all = answers::of_group(s.pool(), s.group_id, &guide.id).await?;
        guides.push(GuideAnswers { by_question: by_question(&guide, all), guide });
    }
    // What the page offers follows the role table the server functions check.
    let caller = &s.ctx.auth.caller;
    let may = |action: Action| authorize(caller, &action).is_ok();
    Ok(GroupAnswers {
        coordinator: caller.coordinates.iter().any(|g| g == group),
        may_plan: may(Action::on_group(ActionKind::PlanTime, group)),
        may_plan_every_group: may(Action::on_meeting(ActionKind::SuperviseGroupWork)),
        session: s.session.as_ref().map(|x| x.number),
        timeboxes: db::timeboxes::of_group(s.pool(), s.group_id).await?,
        discussed: answers::discussed(s.pool(), s.group_id).await?,
        group: s.group.clone(),
        guides,
    })
}

#[tracing::instrument(skip(ctx))]
pub async fn mark(ctx: &Ctx, group: &str, question: &str, discussed: bool) -> Result<(), AppError> {
    let s = scope(ctx, group).await?;
    if !s.guides().iter().any(|g| question_keys(g).iter().any(|k| k == question)) {
        return invalid(Field::Question, Problem::ChooseOne);
    }
    let mut tx = crate::db::begin_write(s.pool()).await?;
    answers::mark(&mut tx, s.group_id, question, discussed, now_ms()).await?;
    s.commit(tx, ANSWERS).await
}

#[tracing::instrument(skip(ctx))]
pub async fn promote(ctx: &Ctx, group: &str, answer: i64, key: &str, op: &str) -> Result<SaveOutcome, AppError> {
    let s = scope(ctx, group).await?;
    let Some(answer) = answers::get(s.pool(), s.group_id, answer).await? else {
        return Err(AppError::NotFound(format!("answer {answer}")));
    };
    let cell = cells::current(&s, key).await?;
    let text = append_promoted(&cell.text, &answer);
    cells::save_in(&s, key, cell.version, &text, op).await
}
