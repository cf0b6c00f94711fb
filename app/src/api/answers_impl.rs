//! The server side of `answers`. A participant's group for the session in
//! progress is their session 1–3 group or their session-4 group, whichever
//! works in that session.

use super::answers::{AnswerSheet, GroupAnswers, GuideAnswers};
use super::context::{fail, guard, invalid};
use super::work_scope::{scope, Scope};
use crate::db::{self, answers, deliveries};
use crate::domain::answers::{append_promoted, by_question, normalise, question_keys, AnswerError, MAX_ANSWERS_PER_QUESTION};
use crate::domain::cells::{valid_op_id, SaveOutcome};
use crate::domain::change::ANSWERS;
use crate::domain::question::Guide;
use crate::domain::roles::{authorize, Action, ActionKind};
use crate::error::{AppError, ConflictReason, Field, Problem};
use crate::state::now_ms;

/// The caller's participant id and group in the session in progress
/// (`None` for the group when they have none there yet).
async fn my_group() -> Result<(i64, Option<String>), AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::ManageOwnSession))?;
    let Some(pid) = ctx.auth.caller.participant else { return fail(AppError::Unauthorized) };
    let Some(me) = db::participants::get(&ctx.state.pool, ctx.state.meeting, pid).await? else {
        return fail(AppError::Unauthorized);
    };
    let seed = super::context::reader_seed(&ctx.state).await?;
    let clock = super::clock_impl::view(&ctx.state).await?;
    let set = clock.working_session().and_then(|n| seed.sessions.iter().find(|s| s.number == n)).map(|s| s.group_set.clone());
    let in_set = |g: &str| seed.group_sets.iter().any(|s| Some(&s.id) == set.as_ref() && s.groups.iter().any(|x| x.id == g));
    let group = [Some(me.group.clone()), me.mixed_group.clone()].into_iter().flatten().find(|g| in_set(g));
    Ok((pid, group))
}

fn guide_of(s: &Scope) -> Option<&Guide> {
    let session = s.session.as_ref()?;
    s.seed.guides.iter().find(|g| g.id == session.guide)
}

async fn is_open(s: &Scope, tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>) -> Result<bool, AppError> {
    let Some(session) = &s.session else { return Ok(false) };
    Ok(s.answers_open && !deliveries::is_delivered(tx, s.group_id, session.number).await?)
}

pub async fn sheet() -> Result<AnswerSheet, AppError> {
    let (pid, group) = my_group().await?;
    let Some(group) = group else {
        return Ok(AnswerSheet::default());
    };
    let s = scope(ActionKind::AnswerQuestions, &group).await?;
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
async fn answering(group: &str) -> Result<(i64, Scope), AppError> {
    let s = scope(ActionKind::AnswerQuestions, group).await?;
    let Some(pid) = s.ctx.auth.caller.participant else { return fail(AppError::Unauthorized) };
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
pub async fn add(group: &str, question: &str, text: &str, op: Option<&str>) -> Result<i64, AppError> {
    let (pid, s) = answering(group).await?;
    if op.is_some_and(|o| !valid_op_id(o)) {
        return invalid(Field::Op, Problem::BadCharacters);
    }
    let text = checked_text(text)?;
    let Some(guide) = guide_of(&s) else { return fail(AppError::Conflict(ConflictReason::AnswersClosed)) };
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
        return fail(AppError::Conflict(ConflictReason::AnswersClosed));
    }
    if answers::count_for(&mut tx, s.group_id, pid, question).await? >= MAX_ANSWERS_PER_QUESTION as i64 {
        return fail(AppError::Conflict(ConflictReason::TooMany));
    }
    let id = answers::insert(&mut tx, s.group_id, pid, question, &text, op, now_ms()).await?;
    s.commit(tx, ANSWERS).await?;
    Ok(id)
}

pub async fn edit(group: &str, id: i64, text: &str) -> Result<(), AppError> {
    let (pid, s) = answering(group).await?;
    let text = checked_text(text)?;
    change_own(pid, &s, id, Some(&text)).await
}

pub async fn delete(group: &str, id: i64) -> Result<(), AppError> {
    let (pid, s) = answering(group).await?;
    change_own(pid, &s, id, None).await
}

/// Changes (`Some(text)`) or deletes (`None`) one of the participant's own
/// answers to the current guide, while answers are open.
async fn change_own(pid: i64, s: &Scope, id: i64, text: Option<&str>) -> Result<(), AppError> {
    let current = answers::get(s.pool(), s.group_id, id).await?;
    let prefix = guide_of(s).map(|g| format!("{}/", g.id));
    let Some(answer) = current.filter(|a| a.participant == pid) else { return fail(AppError::NotFound(format!("answer {id}"))) };
    if !prefix.is_some_and(|p| answer.question.starts_with(&p)) {
        return fail(AppError::Conflict(ConflictReason::AnswersClosed));
    }
    let mut tx = crate::db::begin_write(s.pool()).await?;
    if !is_open(s, &mut tx).await? {
        return fail(AppError::Conflict(ConflictReason::AnswersClosed));
    }
    let done = match text {
        Some(t) => answers::update(&mut tx, pid, id, t, now_ms()).await?,
        None => answers::delete(&mut tx, pid, id, now_ms()).await?,
    };
    if !done {
        return fail(AppError::NotFound(format!("answer {id}")));
    }
    s.commit(tx, ANSWERS).await
}

/// The guides of the sessions this group works in, the current one first.
pub(super) fn group_guides(s: &Scope) -> Vec<Guide> {
    let set = s.group_set();
    let mut ids: Vec<&str> = Vec::new();
    if let Some(current) = &s.session {
        ids.push(&current.guide);
    }
    for session in s.seed.sessions.iter().filter(|x| set.is_some_and(|set| set.id == x.group_set)) {
        if !ids.contains(&session.guide.as_str()) {
            ids.push(&session.guide);
        }
    }
    ids.into_iter().filter_map(|id| s.seed.guides.iter().find(|g| g.id == id).cloned()).collect()
}

pub async fn of_group(group: &str) -> Result<GroupAnswers, AppError> {
    let s = scope(ActionKind::ReadGroupWork, group).await?;
    let mut guides = Vec::new();
    for guide in group_guides(&s) {
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

pub async fn mark(group: &str, question: &str, discussed: bool) -> Result<(), AppError> {
    let s = scope(ActionKind::EditGroupWork, group).await?;
    if !group_guides(&s).iter().any(|g| question_keys(g).iter().any(|k| k == question)) {
        return invalid(Field::Question, Problem::ChooseOne);
    }
    let mut tx = crate::db::begin_write(s.pool()).await?;
    answers::mark(&mut tx, s.group_id, question, discussed, now_ms()).await?;
    s.commit(tx, ANSWERS).await
}

pub async fn promote(group: &str, answer: i64, key: &str, op: &str) -> Result<SaveOutcome, AppError> {
    let s = scope(ActionKind::EditGroupWork, group).await?;
    let Some(answer) = answers::get(s.pool(), s.group_id, answer).await? else {
        return fail(AppError::NotFound(format!("answer {answer}")));
    };
    let cell = super::matrix_impl::current(&s, key).await?;
    let text = append_promoted(&cell.text, &answer);
    super::matrix_impl::save_in(&s, key, cell.version, &text, op).await
}
