//! Participants answer their group's guiding questions; the coordinator
//! reads them live, marks questions discussed and promotes answers into
//! the matrix.

use crate::domain::cells::SaveOutcome;
pub use crate::domain::views::work::{AnswerSheet, GroupAnswers, GuideAnswers};
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::context::{guard, reply},
    crate::domain::roles::{Action, ActionKind},
    crate::service,
};

/// The participant's own questions and answers in the session in progress.
#[server(prefix = "/api/fn", endpoint = "my_questions")]
pub async fn my_questions() -> Result<AnswerSheet, AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::ManageOwnSession))?;
    reply(&ctx, service::answers::sheet(&ctx).await)
}

/// Adds an answer to `question` ("4.2/a") in one's group (`group` must be
/// the participant's group in the session in progress). `op` identifies the
/// write: sent again, it adds nothing and returns the same answer.
#[server(prefix = "/api/fn", endpoint = "add_answer")]
pub async fn add_answer(group: String, question: String, text: String, #[server(default)] op: Option<String>) -> Result<i64, AppError> {
    let ctx = guard(Action::on_group(ActionKind::AnswerQuestions, &group))?;
    reply(&ctx, service::answers::add(&ctx, &group, &question, &text, op.as_deref().filter(|o| !o.is_empty())).await)
}

#[server(prefix = "/api/fn", endpoint = "edit_answer")]
pub async fn edit_answer(group: String, id: i64, text: String) -> Result<(), AppError> {
    let ctx = guard(Action::on_group(ActionKind::AnswerQuestions, &group))?;
    reply(&ctx, service::answers::edit(&ctx, &group, id, &text).await)
}

#[server(prefix = "/api/fn", endpoint = "delete_answer")]
pub async fn delete_answer(group: String, id: i64) -> Result<(), AppError> {
    let ctx = guard(Action::on_group(ActionKind::AnswerQuestions, &group))?;
    reply(&ctx, service::answers::delete(&ctx, &group, id).await)
}

#[server(prefix = "/api/fn", endpoint = "group_answers")]
pub async fn get_group_answers(group: String) -> Result<GroupAnswers, AppError> {
    let ctx = guard(Action::on_group(ActionKind::ReadGroupWork, &group))?;
    reply(&ctx, service::answers::of_group(&ctx, &group).await)
}

#[server(prefix = "/api/fn", endpoint = "mark_discussed")]
pub async fn mark_discussed(group: String, question: String, discussed: bool) -> Result<(), AppError> {
    let ctx = guard(Action::on_group(ActionKind::EditGroupWork, &group))?;
    reply(&ctx, service::answers::mark(&ctx, &group, &question, discussed).await)
}

/// Appends an answer (with its author) to a matrix cell: `key` as in
/// `save_cell`; `op` as there, made up by the server when not given.
#[server(prefix = "/api/fn", endpoint = "promote_answer")]
pub async fn promote_answer(
    group: String,
    answer: i64,
    key: String,
    #[server(default)] op: Option<String>,
) -> Result<SaveOutcome, AppError> {
    let ctx = guard(Action::on_group(ActionKind::EditGroupWork, &group))?;
    let op = op.filter(|o| !o.is_empty()).unwrap_or_else(|| format!("op-{}", crate::secrets::link_token()));
    reply(&ctx, service::answers::promote(&ctx, &group, answer, &key, &op).await)
}
