//! Language choice: a plain form post to `/lang` — the server remembers the
//! choice in a cookie and sends the reader back to the same page, drawn in the
//! new language. Always a reload, with JavaScript too: pages carry the
//! meeting's texts in their reader's language only (a phone does not download
//! four), so a new language needs the server. What a person typed survives it
//! (answers and matrix cells are kept in the browser until saved).

use crate::i18n::*;
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
    let current = i18n.get_locale_untracked();
    let option = move |locale: Locale| {
        let code = lang_code(locale);
        view! {
            <button type="submit" name="lang" value=code lang=code aria-pressed=(current == locale).to_string()>
                {own_name(locale)}
            </button>
        }
    };
    view! {
        <form class="lang-switch" method="post" action="/lang">
            <input type="hidden" name="redirect" value=here />
            <span class="visually-hidden">{t!(i18n, language)}</span>
            {Locale::get_all().iter().map(|l| option(*l)).collect_view()}
        </form>
    }
}
