//! The page for paths and things that do not exist. Answers HTTP 404.

use crate::i18n::*;
use crate::ui::components::page_title::PageTitle;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <NotFound /> }
}

/// The 404 content, also used when a page's data does not exist (e.g. session 9).
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let i18n = use_i18n();
    view! {
        <PageTitle text=move || t_string!(i18n, not_found_title).to_string() />
        <section class="notice">
            <p class="notice-code" aria-hidden="true">
                "404"
            </p>
            <h1>{t!(i18n, not_found_title)}</h1>
            <p>{t!(i18n, not_found_body)}</p>
            <p>
                <a class="button" href="/">
                    {t!(i18n, back_to_agenda)}
                </a>
            </p>
        </section>
    }
}
