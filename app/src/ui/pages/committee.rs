//! The organizing committee's page: sign-in from the committee link, the
//! meeting code with its QR code, every group with its coordinator links and
//! members, and rotating the committee's own token.

use super::committee_groups::{Actions, GroupSetAdmin};
use crate::api::committee::{committee_overview, CommitteeSignIn, CommitteeView, RotateCommitteeToken};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::components::clock_controls::{ClockActions, ClockControls};
use crate::ui::components::data::refresh_on;
use crate::ui::components::form_error::FormError;
use crate::ui::components::page_title::PageTitle;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CommitteePage() -> impl IntoView {
    let i18n = use_i18n();
    let actions = Actions::new();
    let rotate = ServerAction::<RotateCommitteeToken>::new();
    let sign_in = ServerAction::<CommitteeSignIn>::new();
    crate::ui::components::delivery_status::DeliveryFeed::provide();
    let clock = ClockActions::new();
    // Whether this browser is the committee decides the page (sign-in or
    // desk); once the desk shows, it keeps itself fresh in place.
    let first = Resource::new(move || sign_in.version().get(), |_| committee_overview());
    view! {
        <PageTitle text=move || t_string!(i18n, nav_committee).to_string() />
        <Transition fallback=move || {
            view! {
                <p class="loading" role="status">
                    {t!(i18n, loading)}
                </p>
            }
        }>
            {move || Suspend::new(async move {
                match first.await {
                    Ok(view) => view! { <Dashboard first=view actions rotate clock /> }.into_any(),
                    Err(AppError::Unauthorized | AppError::Forbidden) => view! { <SignIn sign_in /> }.into_any(),
                    Err(_) => {
                        view! {
                            <p class="notice notice-error" role="alert">
                                {t!(i18n, error_body)}
                            </p>
                        }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// Not signed in: with the token from the committee link, a button to sign
/// in (a link alone never signs in); without it, how to get in.
#[component]
fn SignIn(sign_in: ServerAction<CommitteeSignIn>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let error = Signal::derive(move || sign_in.value().get().and_then(|r| r.err()));
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::UNAUTHORIZED);
    }
    view! {
        <section class="form-page">
            <h1>{t!(i18n, committee_sign_in_heading)}</h1>
            <RestoreNotice />
            <Show when=move || !token().is_empty() fallback=move || view! { <p class="lead">{t!(i18n, committee_need_link)}</p> }>
                <p class="lead">{t!(i18n, committee_sign_in_intro)}</p>
                <ActionForm action=sign_in>
                    <FormError action_error=error fn_path={crate::api::path_of::<crate::api::committee::CommitteeSignIn>()} />
                    <input type="hidden" name="token" value=token />
                    <button class="button button-large" type="submit">
                        {t!(i18n, committee_sign_in_button)}
                    </button>
                </ActionForm>
            </Show>
        </section>
    }
}

/// The committee's desk. Rendered once: people joining, links issued and
/// roles changed patch the lists in place (`refresh_on`), so a block chosen
/// in the clock's list, an open QR code or a half-typed field stay as they are.
#[component]
fn Dashboard(first: CommitteeView, actions: Actions, rotate: ServerAction<RotateCommitteeToken>, clock: ClockActions) -> impl IntoView {
    let i18n = use_i18n();
    let group_sets = first.group_sets.clone();
    let data = RwSignal::new(first);
    let people = crate::realtime::client::use_live().watch(crate::domain::change::PEOPLE);
    refresh_on(move || (actions.version(), rotate.version().get(), people()), committee_overview, move |v| data.set(v));
    let join_code = Memo::new(move |_| data.with(|d| d.join_code.clone()));
    let join_url = Memo::new(move |_| data.with(|d| d.join.url.clone()));
    let join_qr = Memo::new(move |_| data.with(|d| d.join.qr_svg.clone()));
    view! {
        <header class="page-head">
            <h1>{t!(i18n, nav_committee)}</h1>
            <p class="button-row">
                <a class="button" href="/plenary">
                    {t!(i18n, plenary_open)}
                </a>
                <a class="button button-secondary" href="/plenary/control">
                    {t!(i18n, projector_control_heading)}
                </a>
                <a class="button button-secondary" href="/plan">
                    {t!(i18n, plan_heading)}
                </a>
                <a class="button button-secondary" href="/clock">
                    {t!(i18n, clock_heading)}
                </a>
            </p>
        </header>
        <RestoreNotice />
        <ClockControls actions=clock />
        <section class="panel join-card" aria-labelledby="join-heading">
            <div>
                <h2 id="join-heading">{t!(i18n, join_heading)}</h2>
                <p class="join-code" aria-label=move || t_string!(i18n, meeting_code)>
                    {move || join_code.get()}
                </p>
                <p class="muted">{t!(i18n, join_at)} " " <span class="url">{move || join_url.get()}</span></p>
            </div>
            <div class="qr" inner_html=move || join_qr.get()></div>
        </section>
        {group_sets.into_iter().map(|(set, sessions)| view! { <GroupSetAdmin set sessions data actions /> }).collect_view()}
        <Backup />
        <section class="panel" aria-labelledby="token-heading">
            <h2 id="token-heading">{t!(i18n, committee_token_heading)}</h2>
            <p class="muted">{t!(i18n, committee_token_intro)}</p>
            <ActionForm action=rotate>
                <button class="button button-secondary" type="submit">
                    {t!(i18n, rotate_token)}
                </button>
            </ActionForm>
            {move || {
                rotate
                    .value()
                    .get()
                    .and_then(|r| r.ok())
                    .map(|link| {
                        view! {
                            <div class="new-link" role="status">
                                <p>{t!(i18n, new_committee_link)}</p>
                                <input class="url-box" readonly value=link.url />
                            </div>
                        }
                    })
            }}
        </section>
    }
}

/// Downloading the meeting backup, and restoring one into an empty database
/// (a plain multipart form: works without JavaScript).
#[component]
fn Backup() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel" aria-labelledby="backup-heading">
            <h2 id="backup-heading">{t!(i18n, backup_heading)}</h2>
            <p class="muted">{t!(i18n, backup_intro)}</p>
            <p class="button-row">
                <a class="button button-secondary" href="/export/meeting.json" download>
                    {t!(i18n, backup_download)}
                </a>
            </p>
            <form class="restore-form" method="post" action="/export/restore" enctype="multipart/form-data">
                <label for="restore-file">{t!(i18n, restore_label)}</label>
                <input id="restore-file" type="file" name="backup" accept="application/json,.json" required />
                <button class="button button-secondary" type="submit">
                    {t!(i18n, restore_button)}
                </button>
            </form>
        </section>
    }
}

/// What became of a restore (the form redirects back with `?restore=`).
#[component]
fn RestoreNotice() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    move || {
        let outcome = query.read().get("restore")?;
        let (ok, text) = match outcome.as_str() {
            "ok" => (true, t_string!(i18n, restore_ok)),
            "ok_signed_out" => (true, t_string!(i18n, restore_ok_signed_out)),
            "missing_tables" => (false, t_string!(i18n, restore_missing_tables)),
            "not_empty" => (false, t_string!(i18n, restore_not_empty)),
            "other_meeting" => (false, t_string!(i18n, restore_other_meeting)),
            "other_schema" => (false, t_string!(i18n, restore_other_schema)),
            "inconsistent" => (false, t_string!(i18n, restore_inconsistent)),
            _ => (false, t_string!(i18n, restore_not_a_backup)),
        };
        let class = if ok { "notice notice-ok" } else { "notice notice-error" };
        Some(view! {
            <p class=class role="status">
                {text}
            </p>
        })
    }
}
