//! A guiding question's suggested time, and a gentle hint of where the group
//! "should" be: the session's elapsed time laid over the suggested minutes
//! (`domain::timebox`), ticking with the page's clock. Shown in the browser
//! only: it depends on this screen's clock.

use crate::api::timebox::SetTimebox;
use crate::domain::timebox::{progress, Progress, MAX_MINUTES};
use crate::i18n::*;
use crate::ui::components::clock::{use_clock_feed, Timed};
use leptos::form::ActionForm;
use leptos::prelude::*;

/// Where `key` stands now, if it has a suggestion and the clock is known.
fn where_now(t: &Timed, now: i64, plan: &[(String, Option<u32>)], session: u32, key: &str) -> Option<Progress> {
    let elapsed = t.view.elapsed_in_session(session, now + t.offset_ms)?;
    progress(plan, elapsed).into_iter().find(|(k, _)| k == key).and_then(|(_, p)| p)
}

#[component]
pub fn TimeboxHint(
    key: String,
    /// Every question of the guide in order, with its suggested minutes.
    plan: Vec<(String, Option<u32>)>,
    /// The session the guide belongs to, when it is in progress.
    session: Option<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let minutes = plan.iter().find(|(k, _)| *k == key).and_then(|(_, m)| *m);
    let feed = use_clock_feed();
    let mounted = RwSignal::new(false);
    Effect::new(move |_| mounted.set(true));
    let hint = move || {
        let (Some(session), true) = (session, mounted.get()) else { return None };
        let t = feed.data.get()?.ok()?;
        where_now(&t, feed.now.get(), &plan, session, &key)
    };
    minutes.map(|m| {
        view! {
            <div class="timebox">
                <span class="timebox-minutes">{m} " " {t!(i18n, timebox_suggested)}</span>
                {move || match hint() {
                    Some(Progress::Current { fraction, left_ms }) => {
                        view! {
                            <span class="timebox-now">{t!(i18n, timebox_now)} " " {(left_ms + 59_999) / 60_000} " min"</span>
                            <span class="timebox-bar" aria-hidden="true">
                                <span style=format!("width: {:.0}%", fraction * 100.0)></span>
                            </span>
                        }
                            .into_any()
                    }
                    Some(Progress::Done) => view! { <span class="timebox-done">{t!(i18n, timebox_done)}</span> }.into_any(),
                    _ => ().into_any(),
                }}
            </div>
        }
    })
}

/// The coordinator's (or committee's) field to change a question's minutes;
/// `every_group` offers setting it for every group at once.
#[component]
pub fn TimeboxForm(action: ServerAction<SetTimebox>, group: String, key: String, minutes: Option<u32>, every_group: bool) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("timebox-{}", key.replace(['/', '.'], "-"));
    view! {
        <ActionForm action attr:class="timebox-form">
            <input type="hidden" name="group" value=group />
            <input type="hidden" name="question" value=key />
            <label for=id.clone()>{t!(i18n, timebox_label)}</label>
            <input
                id=id
                type="number"
                name="minutes"
                min="0"
                max=MAX_MINUTES.to_string()
                inputmode="numeric"
                value=minutes.map(|m| m.to_string()).unwrap_or_default()
            />
            {every_group
                .then(|| {
                    view! {
                        <label class="choice">
                            <input type="checkbox" name="every_group" value="true" />
                            {t!(i18n, timebox_every_group)}
                        </label>
                    }
                })}
            <button class="button button-small button-secondary" type="submit">
                {t!(i18n, timebox_save)}
            </button>
        </ActionForm>
    }
}
