//! The heading of a reference page, with its breadcrumb back to the index.

use crate::i18n::*;
use crate::ui::components::page_title::PageTitle;
use leptos::prelude::*;

#[component]
pub fn ReferenceHead(
    /// The page title, already in the reader's language.
    #[prop(into)]
    title: Signal<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle text=move || title.get() />
        <nav class="breadcrumbs" aria-label=move || t_string!(i18n, breadcrumbs)>
            <a href="/reference">{t!(i18n, nav_reference)}</a>
            <span aria-hidden="true">" › "</span>
            <span aria-current="page">{move || title.get()}</span>
        </nav>
        <header class="page-head">
            <h1>{move || title.get()}</h1>
            {children.map(|c| c())}
        </header>
    }
}
