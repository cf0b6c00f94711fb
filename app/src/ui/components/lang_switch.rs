//! Language choice. A plain form post to `/lang` (works without JavaScript:
//! the server sets the cookie and redirects back); once hydrated, the click
//! switches instantly without a reload (see `ui::hydration` for the moment
//! in between).

use crate::i18n::*;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let here = move || {
        let search = location.search.get();
        let q = if search.is_empty() { String::new() } else { format!("?{search}") };
        format!("{}{}", location.pathname.get(), q)
    };
    let on_submit = move |ev: SubmitEvent| {
        // Before the screen is hydrated a client-side switch would not reach
        // it: let the plain form post reload the page in the new language.
        if !crate::ui::hydration::is_complete() {
            return;
        }
        ev.prevent_default();
        let chosen = ev
            .submitter()
            .and_then(|b| b.get_attribute("value"))
            .and_then(|v| match v.as_str() {
                "en" => Some(Locale::en),
                "es" => Some(Locale::es),
                _ => None,
            });
        if let Some(locale) = chosen {
            i18n.set_locale(locale);
            remember(locale);
        }
    };
    let option = move |locale: Locale, code: &'static str, label: &'static str| {
        view! {
            <button
                type="submit"
                name="lang"
                value=code
                lang=code
                aria-pressed=move || (i18n.get_locale() == locale).to_string()
            >
                {label}
            </button>
        }
    };
    view! {
        <form class="lang-switch" method="post" action="/lang" on:submit=on_submit>
            <input type="hidden" name="redirect" value=here/>
            <span class="visually-hidden">{t!(i18n, language)}</span>
            {option(Locale::es, "es", "Español")}
            {option(Locale::en, "en", "English")}
        </form>
    }
}

/// Writes the language cookie the server reads on the next page load.
#[cfg(feature = "hydrate")]
fn remember(locale: Locale) {
    use wasm_bindgen::JsCast;
    if let Ok(doc) = document().dyn_into::<web_sys::HtmlDocument>() {
        let _ = doc.set_cookie(&locale_cookie(lang_code(locale)));
    }
}

#[cfg(not(feature = "hydrate"))]
fn remember(_: Locale) {}
