//! What the group-work screens receive: a group's matrix (live part and
//! what stands beside it) and the guiding questions' answers.

use crate::domain::answers::Answer;
use crate::domain::cells::Cell;
use crate::domain::group::Group;
use crate::domain::matrix_fields::FieldId;
use crate::domain::matrix_rules::MatrixRow;
use crate::domain::question::Guide;
use crate::domain::reference::Reference;
use crate::domain::session::Session;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The live part of a group's matrix (reference material comes separately,
/// from `matrix_reference`, as it never changes during the meeting).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MatrixView {
    pub group: Group,
    /// The session in progress, if this group works in it.
    pub session: Option<Session>,
    /// Whether this browser coordinates the group.
    pub coordinator: bool,
    /// Fields this browser may change now (empty when read-only).
    pub editable: Vec<FieldId>,
    /// Whether rows may be added, moved or deleted now.
    pub rows_editable: bool,
    /// Sessions whose result the group delivered.
    pub delivered: Vec<u32>,
    pub rows: Vec<MatrixRow>,
    /// For groups whose sessions fill no matrix columns (session 4): the
    /// guide whose questionnaire they fill instead, and its cells by item.
    pub questionnaire: Option<Guide>,
    pub answers: BTreeMap<String, Cell>,
    /// Whether this browser may change the questionnaire now.
    pub questionnaire_open: bool,
}

/// What the matrix screen shows beside the rows: columns and fields,
/// dimensions, proposal rows, and the reference material the meeting has
/// (names and lines; each part's page has the rest).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MatrixReference {
    pub template: super::MatrixTemplateView,
    pub references: Vec<Reference>,
}

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
    pub timeboxes: BTreeMap<String, u32>,
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
    pub timeboxes: BTreeMap<String, u32>,
}
