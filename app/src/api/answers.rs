//! Participants answer their group's guiding questions; the coordinator
//! reads them live, marks questions discussed and promotes answers into
//! the matrix.

use crate::domain::answers::Answer;
use crate::domain::cells::SaveOutcome;
use crate::domain::group::Group;
use crate::domain::question::Guide;
use crate::domain::session::Session;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What a participant answers now: their group in the session in progress,
/// its guide, and their own answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AnswerSheet {
    /// `None` while the participant has no group in this session (session-4
    /// groups not formed yet).
    pub group: Option<Group>,
    pub session: Option<Session>,
    pub guide: Option<Guide>,
    /// Whether answers may still be added and changed.
    pub open: bool,
    /// The group delivered this session's result (answers closed until the
    /// committee reopens it), as opposed to the session having ended.
    pub delivered: bool,
    pub mine: Vec<Answer>,
    /// Questions the coordinator marked as discussed.
    pub discussed: Vec<String>,
    /// Suggested minutes per question (`domain::timebox`).
    pub timeboxes: std::collections::BTreeMap<String, u32>,
}

/// A group's answers to one guide, by question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GuideAnswers {
    pub guide: Guide,
    pub by_question: Vec<(String, Vec<Answer>)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupAnswers {
    pub group: Group,
    /// The guide of the session in progress first, then the group's others.
    pub guides: Vec<GuideAnswers>,
    pub discussed: Vec<String>,
    /// Whether this browser coordinates the group (may mark and promote).
    pub coordinator: bool,
    /// Whether this browser may suggest minutes per question, and set them
    /// for every group at once (both as the role table says).
    pub may_plan: bool,
    pub may_plan_every_group: bool,
    /// The session in progress for this group (its guide comes first).
    pub session: Option<u32>,
    pub timeboxes: std::collections::BTreeMap<String, u32>,
}

#[server(prefix = "/api/fn", endpoint = "my_questions")]
pub async fn my_questions() -> Result<AnswerSheet, AppError> {
    super::answers_impl::sheet().await
}

/// Adds an answer to `question` ("4.2/a") in one's group (`group` must be
/// the participant's group in the session in progress). `op` identifies the
/// write: sent again, it adds nothing and returns the same answer.
#[server(prefix = "/api/fn", endpoint = "add_answer")]
pub async fn add_answer(group: String, question: String, text: String, #[server(default)] op: Option<String>) -> Result<i64, AppError> {
    super::answers_impl::add(&group, &question, &text, op.as_deref().filter(|o| !o.is_empty())).await
}

#[server(prefix = "/api/fn", endpoint = "edit_answer")]
pub async fn edit_answer(group: String, id: i64, text: String) -> Result<(), AppError> {
    super::answers_impl::edit(&group, id, &text).await
}

#[server(prefix = "/api/fn", endpoint = "delete_answer")]
pub async fn delete_answer(group: String, id: i64) -> Result<(), AppError> {
    super::answers_impl::delete(&group, id).await
}

#[server(prefix = "/api/fn", endpoint = "group_answers")]
pub async fn get_group_answers(group: String) -> Result<GroupAnswers, AppError> {
    super::answers_impl::of_group(&group).await
}

#[server(prefix = "/api/fn", endpoint = "mark_discussed")]
pub async fn mark_discussed(group: String, question: String, discussed: bool) -> Result<(), AppError> {
    super::answers_impl::mark(&group, &question, discussed).await
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
    let op = op.filter(|o| !o.is_empty()).unwrap_or_else(|| format!("op-{}", crate::secrets::link_token()));
    super::answers_impl::promote(&group, answer, &key, &op).await
}
