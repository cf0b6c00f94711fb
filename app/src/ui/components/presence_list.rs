//! Who else has this group's matrix open: the page checks in every 15 s and
//! asks again whenever someone arrives or leaves.

use crate::api::matrix::matrix_presence;
use crate::domain::change::{group_topic, PRESENCE};
use crate::i18n::*;
use crate::realtime::client::use_live;
use leptos::prelude::*;

#[component]
pub fn PresenceList(group: String) -> impl IntoView {
    let i18n = use_i18n();
    let names = RwSignal::new(Vec::<String>::new());
    let changed = use_live().watch(group_topic(&group, PRESENCE));
    // Answers can arrive out of order on a busy network: only the newest
    // question's answer is shown.
    let asked = StoredValue::new(0u64);
    let ask = {
        let group = group.clone();
        move || {
            let group = group.clone();
            asked.update_value(|n| *n += 1);
            let mine = asked.get_value();
            leptos::task::spawn_local(async move {
                if let Ok(now) = matrix_presence(group).await {
                    if asked.try_get_value() == Some(mine) {
                        names.set(now);
                    }
                }
            });
        }
    };
    // Effects run in the browser only.
    Effect::new({
        let ask = ask.clone();
        move |_| {
            changed();
            ask();
        }
    });
    #[cfg(feature = "hydrate")]
    {
        let timer = gloo_timers::callback::Interval::new(15_000, ask);
        let timer = StoredValue::new_local(Some(timer));
        on_cleanup(move || timer.update_value(|t| drop(t.take())));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = ask;
    view! {
        <Show when=move || !names.get().is_empty()>
            <p class="presence" aria-live="polite">
                <span class="muted">{t!(i18n, presence_heading)}</span>
                " "
                {move || names.get().iter().map(|n| author_name(i18n.get_locale_untracked(), n)).collect::<Vec<_>>().join(", ")}
            </p>
        </Show>
    }
}
