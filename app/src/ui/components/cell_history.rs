//! Who changed a cell and when: every version, newest first, fetched only
//! when someone opens it (and again while open, whenever the cell moves).

use crate::api::matrix::cell_history;
use crate::domain::cells::Version;
use crate::i18n::*;
use leptos::prelude::*;

/// A local "HH:MM" for a unix time in ms (the browser knows the room's
/// time zone; the server-rendered page never shows history).
fn local_time(ms: i64) -> String {
    #[cfg(feature = "hydrate")]
    {
        let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
        format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = ms;
        String::new()
    }
}

#[component]
pub fn CellHistory(group: String, key: String, version: Signal<i64>) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let versions = RwSignal::new(None::<Vec<Version>>);
    let failed = RwSignal::new(false);
    Effect::new(move |_| {
        // Refetch when opened, and when the cell changes while open.
        let _ = version.get();
        if !open.get() {
            return;
        }
        let (group, key) = (group.clone(), key.clone());
        leptos::task::spawn_local(async move {
            match cell_history(group, key).await {
                Ok(v) => {
                    versions.set(Some(v));
                    failed.set(false);
                }
                Err(_) => failed.set(true),
            }
        });
    });
    view! {
        <Show when=move || { version.get() > 0 }>
            <details class="cell-history">
                // The element opens itself; a click on its summary (also
                // from the keyboard) is when it does.
                <summary on:click=move |_| open.update(|o| *o = !*o)>{t!(i18n, history_open)}</summary>
                <Show when=move || failed.get()>
                    <p class="form-error" role="alert">
                        {t!(i18n, history_failed)}
                    </p>
                </Show>
                <ol class="history-list">
                    {move || {
                        versions
                            .get()
                            .unwrap_or_default()
                            .into_iter()
                            .map(|v| {
                                view! {
                                    <li>
                                        <p class="muted small">
                                            <strong>{author_name(i18n.get_locale_untracked(), &v.by)}</strong>
                                            " · "
                                            {local_time(v.at)}
                                            " · v"
                                            {v.version}
                                        </p>
                                        <p class="history-text">{if v.text.is_empty() { "—".to_string() } else { v.text.clone() }}</p>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ol>
            </details>
        </Show>
    }
}
