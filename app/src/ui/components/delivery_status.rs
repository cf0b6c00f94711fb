//! The committee's view of what each group delivered, per session, with a
//! way to reopen a delivered result.

use crate::api::delivery::{deliveries, ReopenGroupWork};
use crate::domain::delivery::{is_delivered, Delivery};
use crate::error::AppError;
use crate::i18n::*;
use crate::realtime::client::use_live;
use leptos::form::ActionForm;
use leptos::prelude::*;

/// Every delivery of the meeting, kept fresh for the committee's page.
#[derive(Clone, Copy)]
pub struct DeliveryFeed {
    pub data: Resource<Result<Vec<Delivery>, AppError>>,
    pub reopen: ServerAction<ReopenGroupWork>,
}

impl DeliveryFeed {
    pub fn provide() -> Self {
        let reopen = ServerAction::<ReopenGroupWork>::new();
        let changed = use_live().watch_suffix(":delivery");
        let data = Resource::new(move || (changed(), reopen.version().get()), |_| deliveries());
        let feed = DeliveryFeed { data, reopen };
        provide_context(feed);
        feed
    }
}

#[component]
pub fn GroupDeliveries(group: String, sessions: Vec<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let Some(feed) = use_context::<DeliveryFeed>() else { return ().into_any() };
    view! {
        <Transition fallback=|| ()>
            {move || {
                let (group, sessions) = (group.clone(), sessions.clone());
                Suspend::new(async move {
                    let all = feed.data.await.unwrap_or_default();
                    view! {
                        <ul class="delivery-list">
                            {sessions
                                .into_iter()
                                .map(|n| {
                                    let done = is_delivered(&all, &group, n);
                                    let group = group.clone();
                                    view! {
                                        <li>
                                            {t!(i18n, session_word)} " " {n} " · "
                                            {if done {
                                                view! {
                                                    <span class="badge badge-done">{t!(i18n, delivered_badge)}</span>
                                                    <ActionForm action=feed.reopen attr:class="inline-form">
                                                        <input type="hidden" name="group" value=group />
                                                        <input type="hidden" name="session" value=n.to_string() />
                                                        <button class="link-button" type="submit">
                                                            {t!(i18n, reopen_button)}
                                                        </button>
                                                    </ActionForm>
                                                }
                                                    .into_any()
                                            } else {
                                                view! { <span class="badge">{t!(i18n, not_delivered_badge)}</span> }.into_any()
                                            }}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })
            }}
        </Transition>
    }
    .into_any()
}
