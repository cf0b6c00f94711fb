//! Who this browser is, in the header: the committee, a coordinator, a
//! participant (linking to their page), or a way to join. With sign out.

use super::text::use_lang;
use crate::api::access::{whoami, Me, SignOut};
use crate::i18n::*;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn Identity() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let sign_out = ServerAction::<SignOut>::new();
    // Asked again after every navigation: joining or signing in elsewhere on
    // the page ends with one.
    let location = use_location();
    let me = Resource::new(move || (sign_out.version().get(), location.pathname.get(), location.search.get()), |_| whoami());
    // What the realtime connection may hear depends on who this browser is:
    // when that changes (signed in, joined, changed group, signed out), reopen it.
    let live = crate::realtime::client::use_live();
    Effect::new(move |previous: Option<Option<String>>| {
        let now = me.get().and_then(|r| r.ok()).map(|m| identity_key(&m));
        if let Some(Some(before)) = &previous {
            if now.as_ref().is_some_and(|n| n != before) {
                live.reconnect();
            }
        }
        now.or(previous.flatten())
    });
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let me: Me = me.await.unwrap_or_default();
                let label = chip_label(i18n, lang, &me);
                let signed_in = me.signed_in();
                let href = if me.committee { "/committee" } else { "/me" };
                if signed_in {
                    view! {
                        <div class="identity">
                            <a class="identity-chip" href=href>
                                {label}
                            </a>
                            <ActionForm action=sign_out>
                                <button class="link-button" type="submit">
                                    {t!(i18n, sign_out)}
                                </button>
                            </ActionForm>
                        </div>
                    }
                        .into_any()
                } else {
                    view! {
                        <a class="identity-chip identity-join" href="/join">
                            {t!(i18n, nav_join)}
                        </a>
                    }
                        .into_any()
                }
            })}
        </Transition>
    }
}

fn chip_label(i18n: I18nContext, lang: Signal<&'static str>, me: &Me) -> String {
    if me.committee {
        return t_string!(i18n, role_committee).to_string();
    }
    if let Some(group) = me.coordinates.first() {
        let name = me.group_name(group).map(|n| n.get(lang.get()).to_string()).unwrap_or_else(|| group.clone());
        return format!("{} · {name}", t_string!(i18n, role_coordinator));
    }
    me.participant.as_ref().map(|p| p.display_name().to_string()).unwrap_or_default()
}

/// What decides which changes this browser may hear.
fn identity_key(me: &Me) -> String {
    let groups = me.participant.as_ref().map(|p| format!("{}/{:?}", p.group, p.mixed_group)).unwrap_or_default();
    format!("{}|{}|{}", me.committee, groups, me.coordinates.join(","))
}
