//! Joining with the meeting code (typed, or filled in from a QR code's
//! `?code=`): name (optional), country or organisation, sector and group.
//! The group is suggested from the country and sector. Once joined, the same
//! page lets the participant change their details.

use crate::api::access::{get_join_form, JoinForm, JoinMeeting, UpdateProfile};
use crate::domain::group::Sector;
use crate::domain::participant::{suggest_group, MAX_AFFILIATION, MAX_NAME};
use crate::error::Field;
use crate::i18n::*;
use crate::ui::components::data::Loaded;
use crate::ui::components::form_error::{FieldError, FormError};
use crate::ui::components::page_title::PageTitle;
use crate::ui::components::text::{use_lang, Tx};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn JoinPage() -> impl IntoView {
    let form = Resource::new(|| (), |_| get_join_form());
    view! { <Loaded resource=form render={|f: JoinForm| view! { <Join form=f /> }} /> }
}

#[component]
fn Join(form: JoinForm) -> impl IntoView {
    let i18n = use_i18n();
    let joined = form.me.participant.clone();
    let heading = if joined.is_some() { t!(i18n, join_change_heading).into_any() } else { t!(i18n, join_heading).into_any() };
    view! {
        <PageTitle text=move || t_string!(i18n, nav_join).to_string() />
        <section class="form-page">
            <h1>{heading}</h1>
            {match joined {
                Some(_) => view! { <ProfileForm form=form update=true /> }.into_any(),
                None => {
                    view! {
                        <p class="lead">{t!(i18n, join_intro)}</p>
                        <ProfileForm form=form update=false />
                    }
                        .into_any()
                }
            }}
        </section>
    }
    .into_any()
}

/// Fields whose problems are shown beside them, not above the form.
const PROFILE_FIELDS: &[Field] = &[Field::Code, Field::Name, Field::Affiliation, Field::Group];

/// The same fields for joining and for changing one's details.
#[component]
fn ProfileForm(form: JoinForm, update: bool) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let query = use_query_map();
    let current = form.me.participant.clone();
    let affiliation = RwSignal::new(current.as_ref().map(|p| p.affiliation.clone()).unwrap_or_default());
    let sector = RwSignal::new(current.as_ref().map(|p| p.sector.as_str().to_string()).unwrap_or_else(|| "government".into()));
    let name = current.as_ref().and_then(|p| p.name.clone()).unwrap_or_default();
    let chosen_group = current.as_ref().map(|p| p.group.clone()).unwrap_or_default();
    let groups = form.groups.groups.clone();
    let group_label = match form.sessions.as_str() {
        "" => t_string!(i18n, field_group).to_string(),
        sessions => t_string!(i18n, field_group_sessions).replace("{{ sessions }}", sessions),
    };
    // Shown next to the group list once the page is live; without JavaScript
    // an empty choice asks the server for the same suggestion.
    let suggestion = {
        let groups = groups.clone();
        move || {
            let s = match sector.get().as_str() {
                "ngo" => Sector::Ngo,
                "business" => Sector::Business,
                _ => Sector::Government,
            };
            suggest_group(&groups, &affiliation.get(), s).map(|g| g.name.get(lang.get()).to_string())
        }
    };
    // A government delegate whose country no group lists chooses a group:
    // say so beside the list, and make the choice required there and then.
    let unlisted = {
        let suggestion = suggestion.clone();
        move || sector.get() == "government" && !affiliation.get().trim().is_empty() && suggestion().is_none()
    };
    // Typed or ticked before the page came alive (a slow phone): the
    // suggestion starts from what the form holds, not from the server's
    // defaults, or it would ask a listed delegate to choose a group.
    let affiliation_box = NodeRef::<leptos::html::Input>::new();
    const SECTORS: [&str; 3] = ["government", "ngo", "business"];
    let sector_boxes = SECTORS.map(|_| NodeRef::<leptos::html::Input>::new());
    Effect::new(move |_| {
        if let Some(input) = affiliation_box.get() {
            if input.value() != affiliation.get_untracked() {
                affiliation.set(input.value());
            }
        }
        for (value, radio) in SECTORS.iter().zip(sector_boxes) {
            if radio.get().is_some_and(|r| r.checked()) && sector.get_untracked() != *value {
                sector.set(value.to_string());
            }
        }
    });
    let join = ServerAction::<JoinMeeting>::new();
    let change = ServerAction::<UpdateProfile>::new();
    let pending = move || join.pending().get() || change.pending().get();
    let error = Signal::derive(move || {
        let value = if update { change.value().get() } else { join.value().get() };
        value.and_then(|r| r.err())
    });
    let fn_path: &'static str = if update {
        crate::api::path_of::<crate::api::access::UpdateProfile>()
    } else {
        crate::api::path_of::<crate::api::access::JoinMeeting>()
    };
    let fields = view! {
        {(!update)
            .then(|| {
                view! {
                    <label class="field">
                        <span>{t!(i18n, field_code)}</span>
                        <input
                            name="code"
                            required
                            autocomplete="off"
                            autocapitalize="characters"
                            spellcheck="false"
                            inputmode="text"
                            maxlength="12"
                            class="code-input"
                            value=move || query.read().get("code").unwrap_or_default()
                            aria-describedby="code-error"
                        />
                    </label>
                    <FieldError action_error=error fn_path field=Field::Code id="code-error" />
                }
            })}
        <label class="field">
            <span>{t!(i18n, field_name)} <small class="muted">{t!(i18n, optional)}</small></span>
            <input name="name" autocomplete="name" maxlength=MAX_NAME value=name aria-describedby="name-error" />
        </label>
        <FieldError action_error=error fn_path field=Field::Name id="name-error" />
        <label class="field">
            <span>{t!(i18n, field_affiliation)}</span>
            <input
                node_ref=affiliation_box
                name="affiliation"
                required
                list="affiliations"
                maxlength=MAX_AFFILIATION
                value=affiliation.get_untracked()
                aria-describedby="affiliation-error"
                on:input=move |ev| affiliation.set(event_target_value(&ev))
            />
            <datalist id="affiliations">{form.affiliations.into_iter().map(|a| view! { <option value=a /> }).collect_view()}</datalist>
        </label>
        <FieldError action_error=error fn_path field=Field::Affiliation id="affiliation-error" />
        <fieldset class="field">
            <legend>{t!(i18n, field_sector)}</legend>
            {[t_string!(i18n, sector_government), t_string!(i18n, sector_ngo), t_string!(i18n, sector_business)]
                .into_iter()
                .zip(SECTORS.into_iter().zip(sector_boxes))
                .map(|(label, (value, radio))| {
                    view! {
                        <label class="choice">
                            <input
                                node_ref=radio
                                type="radio"
                                name="sector"
                                value=value
                                checked=sector.get_untracked() == value
                                on:change=move |_| sector.set(value.to_string())
                            />
                            {label}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
        <label class="field">
            <span>{group_label}</span>
            <select name="group" required=unlisted.clone() aria-describedby="group-hint group-error">
                <option value="">{t!(i18n, group_suggested)}</option>
                {groups
                    .iter()
                    .map(|g| {
                        let selected = g.id == chosen_group;
                        view! {
                            <option value=g.id.clone() selected=selected>
                                <Tx text=g.label.clone() />
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <small class="muted hint" id="group-hint" aria-live="polite">
                {move || match suggestion() {
                    Some(s) => format!("{} {s}", t_string!(i18n, group_suggestion)),
                    None if unlisted() => t_string!(i18n, group_unlisted_hint).to_string(),
                    None => String::new(),
                }}
            </small>
        </label>
        <FieldError action_error=error fn_path field=Field::Group id="group-error" />
        <button class="button button-large" type="submit" disabled=pending>
            {if update { t!(i18n, save).into_any() } else { t!(i18n, join_button).into_any() }}
        </button>
    };
    if update {
        view! {
            <ActionForm action=change>
                <FormError action_error=error fn_path={crate::api::path_of::<crate::api::access::UpdateProfile>()} beside=PROFILE_FIELDS />
                {fields}
            </ActionForm>
        }
        .into_any()
    } else {
        view! {
            <ActionForm action=join>
                <FormError action_error=error fn_path={crate::api::path_of::<crate::api::access::JoinMeeting>()} beside=PROFILE_FIELDS />
                {fields}
            </ActionForm>
        }
        .into_any()
    }
}
