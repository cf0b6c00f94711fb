//! A member as rosters show them: their role in the group (if any), their
//! name, and their affiliation beside a given name. The committee's group
//! list and a participant's own group page show members the same way.

use crate::domain::roster::{CoordinatorRank, Member};
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn MemberName(member: Member, rank: Option<CoordinatorRank>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {rank
            .map(|r| {
                view! {
                    <span class="badge">{rank_label(i18n, r)}</span>
                    " "
                }
            })}
        <strong>{member.display_name().to_string()}</strong>
        {member
            .name
            .is_some()
            .then(|| {
                view! {
                    " · "
                    <span class="muted">{member.affiliation.clone()}</span>
                }
            })}
    }
}

/// A coordinator rank in the reader's language.
pub fn rank_label(i18n: I18nContext, rank: CoordinatorRank) -> &'static str {
    match rank {
        CoordinatorRank::Coordinator => t_string!(i18n, role_coordinator),
        CoordinatorRank::Deputy => t_string!(i18n, role_deputy),
    }
}
