use super::*;

fn anonymous() -> Caller {
    Caller::default()
}

fn participant_of(group: &str) -> Caller {
    Caller { participant: Some(7), member_of: vec![group.into()], ..Caller::default() }
}

fn coordinator_of(group: &str) -> Caller {
    Caller { coordinates: vec![group.into()], ..Caller::default() }
}

fn committee() -> Caller {
    Caller { committee: true, ..Caller::default() }
}

#[test]
fn every_action_kind_has_exactly_one_rule() {
    use ActionKind::*;
    let all = [
        ReadProgramme,
        ManageOwnSession,
        Join,
        UpdateOwnProfile,
        ReadGroupRoster,
        ReadCommitteeDashboard,
        ManageCoordinators,
        RotateCommitteeToken,
        RunClock,
        ReadGroupWork,
        EditGroupWork,
        AnswerQuestions,
        SuperviseGroupWork,
        PlanTime,
        DriveProjector,
        ExportResults,
        RestoreBackup,
    ];
    for kind in all {
        assert_eq!(RULES.iter().filter(|r| r.action == kind).count(), 1, "{kind:?}");
    }
    assert_eq!(RULES.len(), all.len());
}

#[test]
fn time_plans_are_for_the_groups_coordinator_and_the_committee() {
    let plan = Action::on_group(ActionKind::PlanTime, "andina");
    assert_eq!(authorize(&coordinator_of("andina"), &plan), Ok(()));
    assert_eq!(authorize(&committee(), &plan), Ok(()));
    assert_eq!(authorize(&coordinator_of("caribe"), &plan), Err(Denied::NotAllowed));
    assert_eq!(authorize(&participant_of("andina"), &plan), Err(Denied::NotAllowed));
}

#[test]
fn the_programme_is_public() {
    assert_eq!(authorize(&anonymous(), &Action::on_meeting(ActionKind::ReadProgramme)), Ok(()));
}

#[test]
fn committee_actions_need_the_committee() {
    for kind in [ActionKind::ReadCommitteeDashboard, ActionKind::RotateCommitteeToken, ActionKind::RunClock, ActionKind::SuperviseGroupWork]
    {
        let action = Action::on_meeting(kind);
        assert_eq!(authorize(&anonymous(), &action), Err(Denied::NotSignedIn));
        assert_eq!(authorize(&participant_of("andina"), &action), Err(Denied::NotAllowed));
        assert_eq!(authorize(&coordinator_of("andina"), &action), Err(Denied::NotAllowed));
        assert_eq!(authorize(&committee(), &action), Ok(()));
    }
    let manage = Action::on_group(ActionKind::ManageCoordinators, "andina");
    assert_eq!(authorize(&coordinator_of("andina"), &manage), Err(Denied::NotAllowed));
    assert_eq!(authorize(&committee(), &manage), Ok(()));
}

#[test]
fn a_roster_is_visible_to_its_group_only() {
    let roster = Action::on_group(ActionKind::ReadGroupRoster, "andina");
    assert_eq!(authorize(&participant_of("andina"), &roster), Ok(()));
    assert_eq!(authorize(&coordinator_of("andina"), &roster), Ok(()));
    assert_eq!(authorize(&committee(), &roster), Ok(()));
    assert_eq!(authorize(&participant_of("caribe"), &roster), Err(Denied::NotAllowed));
    assert_eq!(authorize(&coordinator_of("caribe"), &roster), Err(Denied::NotAllowed));
    assert_eq!(authorize(&anonymous(), &roster), Err(Denied::NotSignedIn));
}

#[test]
fn a_group_scoped_rule_never_matches_a_meeting_wide_action() {
    // A group rule without a group in the action must not fall open.
    let roster = Action::on_meeting(ActionKind::ReadGroupRoster);
    assert_eq!(authorize(&participant_of("andina"), &roster), Err(Denied::NotAllowed));
}

#[test]
fn updating_a_profile_needs_to_have_joined() {
    let update = Action::on_meeting(ActionKind::UpdateOwnProfile);
    assert_eq!(authorize(&anonymous(), &update), Err(Denied::NotSignedIn));
    assert_eq!(authorize(&participant_of("ongs"), &update), Ok(()));
}

#[test]
fn only_the_group_s_coordinator_edits_its_work_and_its_members_answer() {
    let edit = Action::on_group(ActionKind::EditGroupWork, "andina");
    assert_eq!(authorize(&coordinator_of("andina"), &edit), Ok(()));
    assert_eq!(authorize(&coordinator_of("caribe"), &edit), Err(Denied::NotAllowed));
    assert_eq!(authorize(&participant_of("andina"), &edit), Err(Denied::NotAllowed));
    assert_eq!(authorize(&committee(), &edit), Err(Denied::NotAllowed), "the committee reads, reopens, never types");
    let answer = Action::on_group(ActionKind::AnswerQuestions, "andina");
    assert_eq!(authorize(&participant_of("andina"), &answer), Ok(()));
    assert_eq!(authorize(&participant_of("caribe"), &answer), Err(Denied::NotAllowed));
    assert_eq!(authorize(&coordinator_of("andina"), &answer), Err(Denied::NotAllowed));
    let read = Action::on_group(ActionKind::ReadGroupWork, "andina");
    for who in [participant_of("andina"), coordinator_of("andina"), committee()] {
        assert_eq!(authorize(&who, &read), Ok(()));
    }
    assert_eq!(authorize(&participant_of("caribe"), &read), Err(Denied::NotAllowed));
}
