//! Who may do what: the one written role × action table, and the check every
//! server function runs before touching anything.
//!
//! People never make accounts. A browser session may carry a committee grant,
//! a participant identity (with the groups they joined) and coordinator grants
//! for specific groups; `Caller` is that, read fresh from the database on each
//! request so a revoked grant stops working at once.

use serde::{Deserialize, Serialize};

/// What a browser session is allowed to act as, right now.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caller {
    pub committee: bool,
    /// The participant this browser joined as.
    pub participant: Option<i64>,
    /// Group keys the participant belongs to (their session 1–3 group and,
    /// once assigned, their session-4 group).
    pub member_of: Vec<String>,
    /// Group keys this browser coordinates (as coordinator or deputy).
    pub coordinates: Vec<String>,
}

/// The kinds of action, each listed once in `RULES`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActionKind {
    /// Agenda, sessions, reference material: public to the room.
    ReadProgramme,
    /// Who am I, sign out: about one's own browser session.
    ManageOwnSession,
    /// Join with the meeting code.
    Join,
    /// Change one's own name, affiliation or group.
    UpdateOwnProfile,
    /// See who is in a group and who coordinates it.
    ReadGroupRoster,
    /// Committee overview: groups, links, participants.
    ReadCommitteeDashboard,
    /// Issue, revoke coordinator links; promote or demote a participant.
    ManageCoordinators,
    /// Change the committee's own sign-in token.
    RotateCommitteeToken,
    /// Start, pause, adjust, advance, end or undo the meeting clock.
    RunClock,
    /// See a group's matrix, questionnaire and answers.
    ReadGroupWork,
    /// Change a group's matrix or questionnaire, mark questions discussed,
    /// promote answers, deliver the result.
    EditGroupWork,
    /// Answer the guiding questions (in one's own group).
    AnswerQuestions,
    /// Reopen a delivered result; form the session-4 groups.
    SuperviseGroupWork,
    /// Suggest minutes per guiding question for a group.
    PlanTime,
    /// Choose what the plenary projector shows; freeze it.
    DriveProjector,
    /// Download the Regional Action Plan and the meeting backup.
    ExportResults,
    /// Load a meeting backup into an empty database.
    RestoreBackup,
}

/// Who a rule lets through. Group-scoped kinds only match the action's group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    Anyone,
    Participant,
    MemberOfTheGroup,
    CoordinatorOfTheGroup,
    Committee,
}

pub struct Rule {
    pub action: ActionKind,
    pub who: &'static [Who],
}

/// The role × action table. Adding an action means adding a row here.
pub const RULES: &[Rule] = &[
    Rule { action: ActionKind::ReadProgramme, who: &[Who::Anyone] },
    Rule { action: ActionKind::ManageOwnSession, who: &[Who::Anyone] },
    Rule { action: ActionKind::Join, who: &[Who::Anyone] },
    Rule { action: ActionKind::UpdateOwnProfile, who: &[Who::Participant] },
    Rule { action: ActionKind::ReadGroupRoster, who: &[Who::Committee, Who::CoordinatorOfTheGroup, Who::MemberOfTheGroup] },
    Rule { action: ActionKind::ReadCommitteeDashboard, who: &[Who::Committee] },
    Rule { action: ActionKind::ManageCoordinators, who: &[Who::Committee] },
    Rule { action: ActionKind::RotateCommitteeToken, who: &[Who::Committee] },
    Rule { action: ActionKind::RunClock, who: &[Who::Committee] },
    Rule { action: ActionKind::ReadGroupWork, who: &[Who::Committee, Who::CoordinatorOfTheGroup, Who::MemberOfTheGroup] },
    Rule { action: ActionKind::EditGroupWork, who: &[Who::CoordinatorOfTheGroup] },
    Rule { action: ActionKind::AnswerQuestions, who: &[Who::MemberOfTheGroup] },
    Rule { action: ActionKind::SuperviseGroupWork, who: &[Who::Committee] },
    Rule { action: ActionKind::PlanTime, who: &[Who::Committee, Who::CoordinatorOfTheGroup] },
    Rule { action: ActionKind::DriveProjector, who: &[Who::Committee] },
    Rule { action: ActionKind::ExportResults, who: &[Who::Committee] },
    Rule { action: ActionKind::RestoreBackup, who: &[Who::Committee] },
];

/// An action with the group it touches, when it touches one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action<'a> {
    pub kind: ActionKind,
    pub group: Option<&'a str>,
}

impl<'a> Action<'a> {
    pub fn on_meeting(kind: ActionKind) -> Self {
        Action { kind, group: None }
    }

    pub fn on_group(kind: ActionKind, group: &'a str) -> Self {
        Action { kind, group: Some(group) }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Denied {
    /// Nobody is signed in for what this needs: join or sign in first (401).
    NotSignedIn,
    /// Signed in, but not as someone who may do this (403).
    NotAllowed,
}

pub fn rule_for(kind: ActionKind) -> &'static Rule {
    RULES.iter().find(|r| r.action == kind).expect("every ActionKind has a row in RULES")
}

pub fn authorize(caller: &Caller, action: &Action) -> Result<(), Denied> {
    let rule = rule_for(action.kind);
    let in_group = |groups: &[String]| action.group.is_some_and(|g| groups.iter().any(|x| x == g));
    let allowed = rule.who.iter().any(|who| match who {
        Who::Anyone => true,
        Who::Participant => caller.participant.is_some(),
        Who::MemberOfTheGroup => caller.participant.is_some() && in_group(&caller.member_of),
        Who::CoordinatorOfTheGroup => in_group(&caller.coordinates),
        Who::Committee => caller.committee,
    });
    match allowed {
        true => Ok(()),
        false if caller.is_anonymous() => Err(Denied::NotSignedIn),
        false => Err(Denied::NotAllowed),
    }
}

impl Caller {
    pub fn is_anonymous(&self) -> bool {
        !self.committee && self.participant.is_none() && self.coordinates.is_empty()
    }
}

#[cfg(test)]
#[path = "roles_tests.rs"]
mod tests;
