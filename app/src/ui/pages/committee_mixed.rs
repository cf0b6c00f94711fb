//! The committee's controls for session 4's mixed groups: let the app place
//! everyone (balanced across groups and sectors) and move people by hand.

use super::committee_groups::Actions;
use crate::domain::group::GroupSet;
use crate::domain::roster::Member;
use crate::i18n::*;
use crate::ui::components::text::use_lang;
use leptos::form::ActionForm;
use leptos::prelude::*;

#[component]
pub fn MixedGroupsControls(set: GroupSet, participants: Vec<Member>, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let without: usize =
        participants.iter().filter(|p| !p.mixed_group.as_ref().is_some_and(|g| set.groups.iter().any(|x| &x.id == g))).count();
    view! {
        <div class="mixed-controls">
            <p>{t!(i18n, mixed_without_group)} " " <strong>{without}</strong></p>
            <div class="button-row">
                <ActionForm action=actions.assign>
                    <button class="button" type="submit">
                        {t!(i18n, mixed_assign)}
                    </button>
                </ActionForm>
                <ActionForm action=actions.assign>
                    <input type="hidden" name="redo" value="true" />
                    <button class="button button-secondary" type="submit">
                        {t!(i18n, mixed_redo)}
                    </button>
                </ActionForm>
            </div>
            <p class="muted small">{t!(i18n, mixed_explained)}</p>
        </div>
    }
}

/// Moves one participant to another mixed group.
#[component]
pub fn MoveSelect(set: GroupSet, member: Member, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let current = member.mixed_group.clone().unwrap_or_default();
    let id = format!("move-{}", member.id);
    view! {
        <ActionForm action=actions.relocate attr:class="promote-form">
            <input type="hidden" name="participant" value=member.id.to_string() />
            <label class="visually-hidden" for=id.clone()>
                {t!(i18n, mixed_move)}
                " "
                {member.display_name().to_string()}
            </label>
            <select id=id name="group">
                {set
                    .groups
                    .into_iter()
                    .map(|g| {
                        let selected = g.id == current;
                        view! {
                            <option value=g.id.clone() selected=selected>
                                {g.name.get(lang.get_untracked()).to_string()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <button class="button button-small button-secondary" type="submit">
                {t!(i18n, mixed_move)}
            </button>
        </ActionForm>
    }
}
