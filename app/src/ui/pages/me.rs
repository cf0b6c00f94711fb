//! "My group": what this browser joined as and the group(s) it belongs to or
//! coordinates, with who coordinates them and who else is there.

use crate::api::access::{my_groups, whoami, GroupRoster, Me};
use crate::domain::roster::Member;
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::components::data::{refresh_on, Loaded};
use crate::ui::components::member_name::{rank_label, MemberName};
use crate::ui::components::page_title::PageTitle;
use crate::ui::components::text::Tx;
use leptos::prelude::*;

#[component]
pub fn MePage() -> impl IntoView {
    // The frame's data, fetched once; `MyPlace` keeps it fresh in place.
    let first = Resource::new(|| (), |_| fetch());
    view! { <Loaded resource=first render={|(me, groups): (Me, Vec<GroupRoster>)| view! { <MyPlace me groups /> }} /> }
}

async fn fetch() -> Result<(Me, Vec<GroupRoster>), AppError> {
    Ok((whoami().await?, my_groups().await?))
}

/// A live screen: who this browser is decides the frame; each group's card
/// is drawn again only when its people change.
#[component]
fn MyPlace(me: Me, groups: Vec<GroupRoster>) -> impl IntoView {
    let data = RwSignal::new((me, groups));
    let people = crate::realtime::client::use_live().watch(crate::domain::change::PEOPLE);
    refresh_on(people, fetch, move |v| data.set(v));
    let me = Memo::new(move |_| data.with(|(me, _)| me.clone()));
    move || view! { <Frame me=me.get() data /> }
}

#[component]
fn Frame(me: Me, data: RwSignal<(Me, Vec<GroupRoster>)>) -> impl IntoView {
    let i18n = use_i18n();
    if !me.signed_in() {
        return view! {
            <PageTitle text=move || t_string!(i18n, nav_me).to_string() />
            <section class="notice">
                <h1>{t!(i18n, me_not_joined)}</h1>
                <p>
                    <a class="button" href="/join">
                        {t!(i18n, nav_join)}
                    </a>
                </p>
            </section>
        }
        .into_any();
    }
    let coordinates = me.coordinates.clone();
    let rosters = Memo::new(move |_| data.with(|(_, g)| g.clone()));
    let each = move || rosters.get().into_iter().map(|r| (r.group.id.clone(), r)).collect::<Vec<_>>();
    let card = move |(id, first): (String, GroupRoster)| {
        let coordinating = coordinates.contains(&id);
        let roster = Memo::new(move |_| rosters.with(|all| all.iter().find(|r| r.group.id == id).cloned()));
        let first = StoredValue::new(first);
        move || view! { <RosterCard roster=roster.get().unwrap_or_else(|| first.get_value()) coordinating /> }
    };
    view! {
        <PageTitle text=move || t_string!(i18n, nav_me).to_string() />
        <header class="page-head">
            <h1>{t!(i18n, nav_me)}</h1>
            {me
                .participant
                .clone()
                .map(|p| {
                    view! {
                        <p class="lead">
                            {p
                                .name
                                .clone()
                                .map(|n| {
                                    view! {
                                        <strong>{n}</strong>
                                        " · "
                                    }
                                })} {p.affiliation.clone()} " · " <a href="/join">{t!(i18n, change_details)}</a>
                        </p>
                        <p>
                            <a class="button" href="/answer">
                                {t!(i18n, answer_heading)}
                            </a>
                        </p>
                    }
                })}
            {me
                .committee
                .then(|| {
                    view! {
                        <p>
                            <a class="button" href="/committee">
                                {t!(i18n, nav_committee)}
                            </a>
                        </p>
                    }
                })}
        </header>
        <div class="roster-grid">
            <For each=each key=|(id, _)| id.clone() children=card />
        </div>
    }
    .into_any()
}

#[component]
fn RosterCard(roster: GroupRoster, coordinating: bool) -> impl IntoView {
    let i18n = use_i18n();
    let heading = format!("roster-{}", roster.group.id);
    let label_id = heading.clone();
    let group = roster.group.id.clone();
    let (coordinators, members): (Vec<Member>, Vec<Member>) = roster.members.into_iter().partition(|m| m.rank_in(&group).is_some());
    let by_link = roster.link_coordinators;
    view! {
        <section class="panel roster" aria-labelledby=label_id>
            {coordinating.then(|| view! { <p class="badge badge-accent">{t!(i18n, you_coordinate)}</p> })}
            <h2 id=heading>
                <Tx text=roster.group.label.clone() />
            </h2>
            <p class="group-links">
                <a class="button button-small" href=format!("/groups/{}/matrix", roster.group.id)>
                    {t!(i18n, open_matrix)}
                </a>
                <a class="button button-small button-secondary" href=format!("/groups/{}/answers", roster.group.id)>
                    {t!(i18n, open_answers)}
                </a>
            </p>
            <h3>{t!(i18n, coordination)}</h3>
            {if coordinators.is_empty() && by_link.is_empty() {
                view! { <p class="muted">{t!(i18n, no_coordinator_yet)}</p> }.into_any()
            } else {
                view! {
                    <ul class="people">
                        {coordinators.into_iter().map(|m| view! { <PersonItem member=m group=group.clone() /> }).collect_view()}
                        {by_link
                            .into_iter()
                            .map(|rank| {
                                view! { <li>{rank_label(i18n, rank)} " " <span class="muted">{t!(i18n, via_committee_link)}</span></li> }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
            <h3>{t!(i18n, members)} " (" {members.len()} ")"</h3>
            <ul class="people">{members.into_iter().map(|m| view! { <PersonItem member=m group=group.clone() /> }).collect_view()}</ul>
        </section>
    }
}

#[component]
fn PersonItem(member: Member, group: String) -> impl IntoView {
    let rank = member.rank_in(&group);
    view! {
        <li>
            <MemberName member rank />
        </li>
    }
}
