//! Server functions: thin edges that identify the caller, check the role ×
//! action table (`domain::roles`), load from the database, project with
//! `domain`, and return `Result<T, AppError>`.

pub mod access;
pub mod action_plan;
pub mod answers;
pub mod clock;
pub mod committee;
pub mod delivery;
pub mod matrix;
pub mod meeting;
pub mod mixed_groups;
pub mod plenary;
pub mod projector;
pub mod questionnaire;
pub mod timebox;

#[cfg(feature = "ssr")]
mod access_impl;
#[cfg(feature = "ssr")]
pub mod action_plan_impl;
#[cfg(feature = "ssr")]
mod answers_impl;
#[cfg(feature = "ssr")]
pub mod clock_impl;
#[cfg(feature = "ssr")]
mod committee_impl;
#[cfg(feature = "ssr")]
pub mod context;
#[cfg(feature = "ssr")]
mod delivery_impl;
#[cfg(feature = "ssr")]
mod matrix_impl;
#[cfg(feature = "ssr")]
mod mixed_groups_impl;
#[cfg(feature = "ssr")]
mod plenary_impl;
#[cfg(feature = "ssr")]
mod projector_impl;
#[cfg(feature = "ssr")]
mod questionnaire_impl;
#[cfg(feature = "ssr")]
mod timebox_impl;
#[cfg(feature = "ssr")]
mod work_scope;

use crate::domain::roles::ActionKind;

/// A server function's path, from the function itself, for the places that
/// must name it (a form's error after a no-JavaScript post is matched by it).
pub fn path_of<F: leptos::server_fn::ServerFn>() -> &'static str {
    F::PATH
}

/// Every server function with the action it performs and a well-formed
/// request body (for tests that call each one without the right role); the
/// tests fill in `{group}`, `{dimension}`, `{field}`, `{question}`, `{mixed}`,
/// `{item}` and `{reference}` with ids of the meeting they run. A test fails when a
/// registered server function is missing here.
pub const SERVER_FNS: &[(&str, ActionKind, &str)] = &[
    ("/api/fn/meeting_header", ActionKind::ReadProgramme, ""),
    ("/api/fn/agenda", ActionKind::ReadProgramme, ""),
    ("/api/fn/session", ActionKind::ReadProgramme, "number=1"),
    ("/api/fn/reference_sections", ActionKind::ReadProgramme, ""),
    ("/api/fn/reference", ActionKind::ReadProgramme, "id={reference}"),
    ("/api/fn/matrix_template", ActionKind::ReadProgramme, ""),
    ("/api/fn/join_form", ActionKind::ReadProgramme, ""),
    ("/api/fn/whoami", ActionKind::ManageOwnSession, ""),
    ("/api/fn/my_groups", ActionKind::ManageOwnSession, ""),
    ("/api/fn/sign_out", ActionKind::ManageOwnSession, ""),
    ("/api/fn/committee_sign_in", ActionKind::ManageOwnSession, "token=not-the-token"),
    ("/api/fn/coordinator_sign_in", ActionKind::ManageOwnSession, "token=00000000000000000000000000000000"),
    ("/api/fn/join", ActionKind::Join, "code=ZZZZZZ&name=&affiliation=Per%C3%BA&sector=government&group="),
    ("/api/fn/update_profile", ActionKind::UpdateOwnProfile, "name=X&affiliation=Per%C3%BA&sector=government&group={group}"),
    ("/api/fn/committee_overview", ActionKind::ReadCommitteeDashboard, ""),
    ("/api/fn/issue_coordinator_link", ActionKind::ManageCoordinators, "group={group}&deputy=false"),
    ("/api/fn/revoke_coordinator_link", ActionKind::ManageCoordinators, "group={group}&deputy=false"),
    ("/api/fn/promote_participant", ActionKind::ManageCoordinators, "group={group}&participant=1&deputy=false"),
    ("/api/fn/demote_participant", ActionKind::ManageCoordinators, "group={group}&participant=1"),
    ("/api/fn/rotate_committee_token", ActionKind::RotateCommitteeToken, ""),
    ("/api/fn/clock", ActionKind::ReadProgramme, ""),
    ("/api/fn/clock_command", ActionKind::RunClock, "command=start"),
    ("/api/fn/clock_undo", ActionKind::RunClock, ""),
    ("/api/fn/clock_select_block", ActionKind::RunClock, "block=sesion-3"),
    ("/api/fn/matrix_reference", ActionKind::ReadProgramme, ""),
    ("/api/fn/group_matrix", ActionKind::ReadGroupWork, "group={group}"),
    ("/api/fn/add_matrix_row", ActionKind::EditGroupWork, "group={group}&dimension={dimension}"),
    ("/api/fn/delete_matrix_row", ActionKind::EditGroupWork, "group={group}&row=1"),
    ("/api/fn/restore_matrix_row", ActionKind::EditGroupWork, "group={group}&row=1"),
    ("/api/fn/move_matrix_row", ActionKind::EditGroupWork, "group={group}&row=1&step=1"),
    ("/api/fn/save_cell", ActionKind::EditGroupWork, "group={group}&key=m%2F1%2F{field}&base=0&text=x&op=op-000000001"),
    ("/api/fn/matrix_presence", ActionKind::ReadGroupWork, "group={group}"),
    ("/api/fn/cell_history", ActionKind::ReadGroupWork, "group={group}&key=m%2F1%2F{field}"),
    // One's own questions: answered for participants, 401 for anyone else.
    ("/api/fn/my_questions", ActionKind::ManageOwnSession, ""),
    ("/api/fn/add_answer", ActionKind::AnswerQuestions, "group={group}&question={question}&text=x"),
    ("/api/fn/edit_answer", ActionKind::AnswerQuestions, "group={group}&id=1&text=x"),
    ("/api/fn/delete_answer", ActionKind::AnswerQuestions, "group={group}&id=1"),
    ("/api/fn/group_answers", ActionKind::ReadGroupWork, "group={group}"),
    ("/api/fn/mark_discussed", ActionKind::EditGroupWork, "group={group}&question={question}&discussed=true"),
    ("/api/fn/promote_answer", ActionKind::EditGroupWork, "group={group}&answer=1&key=m%2F1%2F{field}&op=op-000000001"),
    ("/api/fn/deliver_group_work", ActionKind::EditGroupWork, "group={group}&session=1"),
    ("/api/fn/reopen_group_work", ActionKind::SuperviseGroupWork, "group={group}&session=1"),
    ("/api/fn/deliveries", ActionKind::ReadCommitteeDashboard, ""),
    ("/api/fn/assign_mixed_groups", ActionKind::SuperviseGroupWork, "redo=true"),
    ("/api/fn/move_to_mixed_group", ActionKind::SuperviseGroupWork, "participant=1&group={mixed}"),
    ("/api/fn/plenary", ActionKind::ReadCommitteeDashboard, ""),
    ("/api/fn/regional_plan", ActionKind::ReadCommitteeDashboard, ""),
    ("/api/fn/set_projector", ActionKind::DriveProjector, "mode=focus&target={group}"),
    ("/api/fn/freeze_projector", ActionKind::DriveProjector, "frozen=true"),
    ("/api/fn/page_projector", ActionKind::DriveProjector, "page=1&every=0"),
    ("/api/fn/join_card", ActionKind::ReadCommitteeDashboard, ""),
    ("/api/fn/set_timebox", ActionKind::PlanTime, "group={group}&question={question}&minutes=10"),
    ("/api/fn/pullable_rows", ActionKind::EditGroupWork, "group={mixed}"),
    ("/api/fn/pull_matrix_row", ActionKind::EditGroupWork, "group={mixed}&item={item}&source={group}&row=1&op=op-000000001"),
];

#[cfg(test)]
mod path_tests {
    use super::path_of;

    /// The path a form names is the one the function answers on (and the
    /// one Leptos writes into `__path` after a plain form post).
    #[test]
    fn a_functions_path_is_its_prefix_and_endpoint() {
        assert_eq!(path_of::<super::access::JoinMeeting>(), "/api/fn/join");
        assert_eq!(path_of::<super::matrix::AddMatrixRow>(), "/api/fn/add_matrix_row");
    }
}
