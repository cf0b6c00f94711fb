//! The committee's view of one group set: per group, its coordinator and
//! deputy links (issue, re-issue, revoke, with QR) and its joined members
//! (promote to coordinator or deputy, or remove the role).

use super::committee_mixed::{MixedGroupsControls, MoveSelect};
use crate::api::committee::{
    CommitteeView, DemoteParticipant, IssueCoordinatorLink, IssuedLink, PromoteParticipant, RevokeCoordinatorLink,
};
use crate::api::mixed_groups::{AssignMixedGroups, MoveToMixedGroup};
use crate::domain::group::Sector;
use crate::domain::group::{Group, GroupSet};
use crate::domain::roster::{CoordinatorRank, Member};
use crate::i18n::*;
use crate::ui::components::delivery_status::GroupDeliveries;
use crate::ui::components::member_name::{rank_label, MemberName};
use crate::ui::components::text::Tx;
use leptos::form::ActionForm;
use leptos::prelude::*;

/// The committee's actions on groups, created once per page.
#[derive(Clone, Copy)]
pub struct Actions {
    issue: ServerAction<IssueCoordinatorLink>,
    revoke: ServerAction<RevokeCoordinatorLink>,
    promote: ServerAction<PromoteParticipant>,
    demote: ServerAction<DemoteParticipant>,
    pub assign: ServerAction<AssignMixedGroups>,
    pub relocate: ServerAction<MoveToMixedGroup>,
}

impl Actions {
    pub fn new() -> Self {
        Actions {
            issue: ServerAction::new(),
            revoke: ServerAction::new(),
            promote: ServerAction::new(),
            demote: ServerAction::new(),
            assign: ServerAction::new(),
            relocate: ServerAction::new(),
        }
    }

    /// Changes whenever any of them completes: the overview refetches.
    pub fn version(&self) -> usize {
        self.issue.version().get()
            + self.revoke.version().get()
            + self.promote.version().get()
            + self.demote.version().get()
            + self.assign.version().get()
            + self.relocate.version().get()
    }
}

#[component]
pub fn GroupSetAdmin(set: GroupSet, sessions: Vec<u32>, data: RwSignal<CommitteeView>, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let session_numbers = sessions.clone();
    let sessions = sessions.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
    let heading = format!("set-{}", set.id);
    let label_id = heading.clone();
    let mixed = set.groups.iter().all(|g| g.sector == Sector::Mixed);
    let whole_set = set.clone();
    let participants = Memo::new(move |_| data.with(|d| d.participants.clone()));
    view! {
        <section aria-labelledby=label_id class="group-admin-set">
            <h2 id=heading>
                <Tx text=set.title />
            </h2>
            <p class="muted">{t!(i18n, used_in_sessions)} " " {sessions}</p>
            {mixed
                .then(|| {
                    let set = whole_set.clone();
                    move || view! { <MixedGroupsControls set=set.clone() participants=participants.get() actions /> }
                })}
            <div class="group-admin-grid">
                {set
                    .groups
                    .into_iter()
                    .map(|g| {
                        let set = mixed.then(|| whole_set.clone());
                        view! { <GroupAdmin group=g data actions sessions=session_numbers.clone() mixed=set /> }
                    })
                    .collect_view()}
            </div>
        </section>
    }
}

/// One group's card: its frame stays; each link row and each member row is
/// redrawn only when that link or that person changed.
#[component]
fn GroupAdmin(group: Group, data: RwSignal<CommitteeView>, actions: Actions, sessions: Vec<u32>, mixed: Option<GroupSet>) -> impl IntoView {
    let i18n = use_i18n();
    let heading = format!("admin-{}", group.id);
    let label_id = heading.clone();
    let key = group.id.clone();
    let members = {
        let key = key.clone();
        Memo::new(move |_| {
            data.with(|d| {
                d.participants
                    .iter()
                    .filter(|p| p.group == key || p.mixed_group.as_deref() == Some(key.as_str()))
                    .cloned()
                    .collect::<Vec<Member>>()
            })
        })
    };
    view! {
        <article class="panel group-admin" aria-labelledby=label_id>
            <h3 id=heading>
                <Tx text=group.label />
            </h3>
            <p class="group-links">
                <a class="button button-small button-secondary" href=format!("/groups/{key}/matrix")>
                    {t!(i18n, open_matrix)}
                </a>
                <a class="button button-small button-secondary" href=format!("/groups/{key}/answers")>
                    {t!(i18n, open_answers)}
                </a>
            </p>
            <GroupDeliveries group=key.clone() sessions />
            {[CoordinatorRank::Coordinator, CoordinatorRank::Deputy]
                .into_iter()
                .map(|rank| {
                    let group = key.clone();
                    let link = {
                        let group = group.clone();
                        Memo::new(move |_| data.with(|d| d.links.iter().find(|l| l.link.group == group && l.link.rank == rank).cloned()))
                    };
                    move || view! { <LinkRow group=group.clone() rank link=link.get() actions /> }
                })
                .collect_view()}
            <h4>{t!(i18n, members)} " (" {move || members.with(|m| m.len())} ")"</h4>
            <Show when=move || members.with(|m| m.is_empty())>
                <p class="muted">{t!(i18n, nobody_joined)}</p>
            </Show>
            <ul class="people">
                // Any change to a person (name, role, group) redraws their row only.
                <For each=move || members.get() key=|m| format!("{m:?}") let:m>
                    <MemberRow group=key.clone() member=m actions mixed=mixed.clone() />
                </For>
            </ul>
        </article>
    }
}

#[component]
fn LinkRow(group: String, rank: CoordinatorRank, link: Option<IssuedLink>, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let deputy = (rank == CoordinatorRank::Deputy).to_string();
    let label = rank_label(i18n, rank);
    let hidden = view! {
        <input type="hidden" name="group" value=group.clone() />
        <input type="hidden" name="deputy" value=deputy.clone() />
    };
    match link {
        None => view! {
            <div class="link-row">
                <span class="link-role">{label}</span>
                <ActionForm action=actions
                    .issue>
                    {hidden} <button class="button button-small" type="submit">
                        {t!(i18n, issue_link)}
                        " · "
                        {label}
                    </button>
                </ActionForm>
            </div>
        }
        .into_any(),
        Some(issued) => view! {
            <div class="link-row link-live">
                <span class="link-role">{label}</span>
                <input
                    class="url-box"
                    readonly
                    value=issued.shared.url.clone()
                    aria-label=move || format!("{} {}", t_string!(i18n, link_of), label)
                />
                <p class="muted small">{t!(i18n, browsers_signed_in)} " " {issued.link.browsers}</p>
                <details>
                    <summary>{t!(i18n, show_qr)}</summary>
                    <div class="qr" inner_html=issued.shared.qr_svg></div>
                </details>
                <div class="button-row">
                    <ActionForm action=actions
                        .issue>
                        {hidden} <button class="button button-small button-secondary" type="submit">
                            {t!(i18n, reissue_link)}
                        </button>
                    </ActionForm>
                    <ActionForm action=actions.revoke>
                        <input type="hidden" name="group" value=group />
                        <input type="hidden" name="deputy" value=deputy />
                        <button class="button button-small button-danger" type="submit">
                            {t!(i18n, revoke_link)}
                        </button>
                    </ActionForm>
                </div>
            </div>
        }
        .into_any(),
    }
}

/// A member with their role here and the buttons to change it; in a mixed
/// group also where they sit (session 4 groups have coordinators too).
#[component]
fn MemberRow(group: String, member: Member, actions: Actions, mixed: Option<GroupSet>) -> impl IntoView {
    let i18n = use_i18n();
    let id = member.id.to_string();
    let rank = member.rank_in(&group);
    let move_select = mixed.map(|set| view! { <MoveSelect set member=member.clone() actions /> });
    let promote_group = group.clone();
    let promote = move |deputy: bool, text: &'static str| {
        view! {
            <ActionForm action=actions.promote>
                <input type="hidden" name="group" value=promote_group.clone() />
                <input type="hidden" name="participant" value=id.clone() />
                <input type="hidden" name="deputy" value=deputy.to_string() />
                <button class="link-button" type="submit">
                    {text}
                </button>
            </ActionForm>
        }
    };
    view! {
        <li class="member-row">
            <span>
                <MemberName member=member.clone() rank />
            </span>
            {move_select}
            <span class="member-actions">
                {(rank != Some(CoordinatorRank::Coordinator)).then(|| promote.clone()(false, t_string!(i18n, make_coordinator)))}
                {(rank != Some(CoordinatorRank::Deputy)).then(|| promote.clone()(true, t_string!(i18n, make_deputy)))}
                {rank
                    .is_some()
                    .then(|| {
                        view! {
                            <ActionForm action=actions.demote>
                                <input type="hidden" name="group" value=group.clone() />
                                <input type="hidden" name="participant" value=member.id.to_string() />
                                <button class="link-button" type="submit">
                                    {t!(i18n, remove_role)}
                                </button>
                            </ActionForm>
                        }
                    })}
            </span>
        </li>
    }
}
