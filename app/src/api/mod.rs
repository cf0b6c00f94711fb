//! Server functions: thin edges that identify the caller, check the role ×
//! action table (`domain::roles`), load from the database, project with
//! `domain`, and return `Result<T, AppError>`.

pub mod access;
pub mod committee;
pub mod meeting;

#[cfg(feature = "ssr")]
mod access_impl;
#[cfg(feature = "ssr")]
mod committee_impl;
#[cfg(feature = "ssr")]
pub mod context;

use crate::domain::roles::ActionKind;

/// Every server function with the action it performs and a well-formed
/// request body (for tests that call each one without the right role).
/// A test fails when a registered server function is missing here.
pub const SERVER_FNS: &[(&str, ActionKind, &str)] = &[
    ("/api/fn/meeting_header", ActionKind::ReadProgramme, ""),
    ("/api/fn/agenda", ActionKind::ReadProgramme, ""),
    ("/api/fn/session", ActionKind::ReadProgramme, "number=1"),
    ("/api/fn/ilac_areas", ActionKind::ReadProgramme, ""),
    ("/api/fn/table2", ActionKind::ReadProgramme, ""),
    ("/api/fn/matrix_template", ActionKind::ReadProgramme, ""),
    ("/api/fn/strategy", ActionKind::ReadProgramme, ""),
    ("/api/fn/decisions", ActionKind::ReadProgramme, ""),
    ("/api/fn/task_forces", ActionKind::ReadProgramme, ""),
    ("/api/fn/join_form", ActionKind::ReadProgramme, ""),
    ("/api/fn/whoami", ActionKind::ManageOwnSession, ""),
    ("/api/fn/my_groups", ActionKind::ManageOwnSession, ""),
    ("/api/fn/sign_out", ActionKind::ManageOwnSession, ""),
    ("/api/fn/committee_sign_in", ActionKind::ManageOwnSession, "token=not-the-token"),
    ("/api/fn/coordinator_sign_in", ActionKind::ManageOwnSession, "token=00000000000000000000000000000000"),
    ("/api/fn/join", ActionKind::Join, "code=ZZZZZZ&name=&affiliation=Per%C3%BA&sector=government&group="),
    ("/api/fn/update_profile", ActionKind::UpdateOwnProfile, "name=X&affiliation=Per%C3%BA&sector=government&group=andina"),
    ("/api/fn/committee_overview", ActionKind::ReadCommitteeDashboard, ""),
    ("/api/fn/issue_coordinator_link", ActionKind::ManageCoordinators, "group=andina&deputy=false"),
    ("/api/fn/revoke_coordinator_link", ActionKind::ManageCoordinators, "group=andina&deputy=false"),
    ("/api/fn/promote_participant", ActionKind::ManageCoordinators, "group=andina&participant=1&deputy=false"),
    ("/api/fn/demote_participant", ActionKind::ManageCoordinators, "group=andina&participant=1"),
    ("/api/fn/rotate_committee_token", ActionKind::RotateCommitteeToken, ""),
];
