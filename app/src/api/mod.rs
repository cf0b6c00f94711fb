//! Server functions: thin edges that identify the caller, check the role ×
//! action table (`domain::roles`), call one function of `crate::service`
//! and return its `Result<T, AppError>`. The types they return live in
//! `domain::views` (re-exported here), shared by server and browser.

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
pub mod context;

use crate::domain::roles::ActionKind;
use leptos::server_fn::ServerFn;

/// A server function's path, from the function itself, for the places that
/// must name it (a form's error after a no-JavaScript post is matched by it).
pub fn path_of<F: ServerFn>() -> &'static str {
    F::PATH
}

/// Every server function (its path, from the function itself) with the
/// action it performs and a well-formed request body (for tests that call each one without the right role); the
/// tests fill in `{group}`, `{dimension}`, `{field}`, `{question}`, `{mixed}`,
/// `{item}` and `{reference}` with ids of the meeting they run. A test fails when a
/// registered server function is missing here.
pub const SERVER_FNS: &[(&str, ActionKind, &str)] = &[
    (<meeting::GetMeetingHeader as ServerFn>::PATH, ActionKind::ReadProgramme, ""),
    (<meeting::GetAgenda as ServerFn>::PATH, ActionKind::ReadProgramme, ""),
    (<meeting::GetSession as ServerFn>::PATH, ActionKind::ReadProgramme, "number=1"),
    (<meeting::GetReferenceSections as ServerFn>::PATH, ActionKind::ReadProgramme, ""),
    (<meeting::GetReference as ServerFn>::PATH, ActionKind::ReadProgramme, "id={reference}"),
    (<meeting::GetMatrixTemplate as ServerFn>::PATH, ActionKind::ReadProgramme, ""),
    (<access::GetJoinForm as ServerFn>::PATH, ActionKind::ReadProgramme, ""),
    (<access::Whoami as ServerFn>::PATH, ActionKind::ManageOwnSession, ""),
    (<access::MyGroups as ServerFn>::PATH, ActionKind::ManageOwnSession, ""),
    (<access::SignOut as ServerFn>::PATH, ActionKind::ManageOwnSession, ""),
    (<committee::CommitteeSignIn as ServerFn>::PATH, ActionKind::ManageOwnSession, "token=not-the-token"),
    (<committee::CoordinatorSignIn as ServerFn>::PATH, ActionKind::ManageOwnSession, "token=00000000000000000000000000000000"),
    (<access::JoinMeeting as ServerFn>::PATH, ActionKind::Join, "code=ZZZZZZ&name=&affiliation=Per%C3%BA&sector=government&group="),
    (
        <access::UpdateProfile as ServerFn>::PATH,
        ActionKind::UpdateOwnProfile,
        "name=X&affiliation=Per%C3%BA&sector=government&group={group}",
    ),
    (<committee::CommitteeOverview as ServerFn>::PATH, ActionKind::ReadCommitteeDashboard, ""),
    (<committee::IssueCoordinatorLink as ServerFn>::PATH, ActionKind::ManageCoordinators, "group={group}&deputy=false"),
    (<committee::RevokeCoordinatorLink as ServerFn>::PATH, ActionKind::ManageCoordinators, "group={group}&deputy=false"),
    (<committee::PromoteParticipant as ServerFn>::PATH, ActionKind::ManageCoordinators, "group={group}&participant=1&deputy=false"),
    (<committee::DemoteParticipant as ServerFn>::PATH, ActionKind::ManageCoordinators, "group={group}&participant=1"),
    (<committee::RotateCommitteeToken as ServerFn>::PATH, ActionKind::RotateCommitteeToken, ""),
    (<clock::GetClock as ServerFn>::PATH, ActionKind::ReadProgramme, ""),
    (<clock::ClockCommand as ServerFn>::PATH, ActionKind::RunClock, "command=start"),
    (<clock::ClockUndo as ServerFn>::PATH, ActionKind::RunClock, ""),
    (<clock::ClockSelectBlock as ServerFn>::PATH, ActionKind::RunClock, "block=sesion-3"),
    (<matrix::GetMatrixReference as ServerFn>::PATH, ActionKind::ReadProgramme, ""),
    (<matrix::GroupMatrix as ServerFn>::PATH, ActionKind::ReadGroupWork, "group={group}"),
    (<matrix::AddMatrixRow as ServerFn>::PATH, ActionKind::EditGroupWork, "group={group}&dimension={dimension}"),
    (<matrix::DeleteMatrixRow as ServerFn>::PATH, ActionKind::EditGroupWork, "group={group}&row=1"),
    (<matrix::RestoreMatrixRow as ServerFn>::PATH, ActionKind::EditGroupWork, "group={group}&row=1"),
    (<matrix::MoveMatrixRow as ServerFn>::PATH, ActionKind::EditGroupWork, "group={group}&row=1&step=1"),
    (<matrix::SaveCell as ServerFn>::PATH, ActionKind::EditGroupWork, "group={group}&key=m%2F1%2F{field}&base=0&text=x&op=op-000000001"),
    (<matrix::MatrixPresence as ServerFn>::PATH, ActionKind::ReadGroupWork, "group={group}"),
    (<matrix::CellHistory as ServerFn>::PATH, ActionKind::ReadGroupWork, "group={group}&key=m%2F1%2F{field}"),
    // One's own questions: answered for participants, 401 for anyone else.
    (<answers::MyQuestions as ServerFn>::PATH, ActionKind::ManageOwnSession, ""),
    (<answers::AddAnswer as ServerFn>::PATH, ActionKind::AnswerQuestions, "group={group}&question={question}&text=x"),
    (<answers::EditAnswer as ServerFn>::PATH, ActionKind::AnswerQuestions, "group={group}&id=1&text=x"),
    (<answers::DeleteAnswer as ServerFn>::PATH, ActionKind::AnswerQuestions, "group={group}&id=1"),
    (<answers::GetGroupAnswers as ServerFn>::PATH, ActionKind::ReadGroupWork, "group={group}"),
    (<answers::MarkDiscussed as ServerFn>::PATH, ActionKind::EditGroupWork, "group={group}&question={question}&discussed=true"),
    (<answers::PromoteAnswer as ServerFn>::PATH, ActionKind::EditGroupWork, "group={group}&answer=1&key=m%2F1%2F{field}&op=op-000000001"),
    (<delivery::DeliverGroupWork as ServerFn>::PATH, ActionKind::EditGroupWork, "group={group}&session=1"),
    (<delivery::ReopenGroupWork as ServerFn>::PATH, ActionKind::SuperviseGroupWork, "group={group}&session=1"),
    (<delivery::Deliveries as ServerFn>::PATH, ActionKind::ReadCommitteeDashboard, ""),
    (<mixed_groups::AssignMixedGroups as ServerFn>::PATH, ActionKind::SuperviseGroupWork, "redo=true"),
    (<mixed_groups::MoveToMixedGroup as ServerFn>::PATH, ActionKind::SuperviseGroupWork, "participant=1&group={mixed}"),
    (<plenary::Plenary as ServerFn>::PATH, ActionKind::ReadCommitteeDashboard, ""),
    (<action_plan::RegionalPlan as ServerFn>::PATH, ActionKind::ReadCommitteeDashboard, ""),
    (<projector::SetProjector as ServerFn>::PATH, ActionKind::DriveProjector, "mode=focus&target={group}"),
    (<projector::FreezeProjector as ServerFn>::PATH, ActionKind::DriveProjector, "frozen=true"),
    (<projector::PageProjector as ServerFn>::PATH, ActionKind::DriveProjector, "page=1&every=0"),
    (<projector::JoinCard as ServerFn>::PATH, ActionKind::ReadCommitteeDashboard, ""),
    (<timebox::SetTimebox as ServerFn>::PATH, ActionKind::PlanTime, "group={group}&question={question}&minutes=10"),
    (<questionnaire::PullableRows as ServerFn>::PATH, ActionKind::EditGroupWork, "group={mixed}"),
    (
        <questionnaire::PullMatrixRow as ServerFn>::PATH,
        ActionKind::EditGroupWork,
        "group={mixed}&item={item}&source={group}&row=1&op=op-000000001",
    ),
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
