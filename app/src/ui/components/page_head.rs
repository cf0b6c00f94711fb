//! The heading of a reference page, with its breadcrumb back to the index.

use crate::api::meeting::get_reference_sections;
use crate::domain::reference::ReferencePart;
use crate::domain::views::ReferenceSections;
use crate::i18n::*;
use crate::ui::components::data::Loaded;
use crate::ui::components::page_title::PageTitle;
use crate::ui::components::text::{use_lang, Tx};
use crate::ui::pages::not_found::NotFound;
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
        <PageTitle text=move || title.get()/>
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

/// The head of the page of one part of the reference material, named as the
/// seed names it (heading and summary); "not found" when the meeting's seed
/// has no such part.
#[component]
pub fn PartHead(part: ReferencePart) -> impl IntoView {
    let lang = use_lang();
    let sections = Resource::new(|| (), |_| get_reference_sections());
    let render = move |s: ReferenceSections| match s.part(part).cloned() {
        Some(texts) => {
            let heading = texts.heading.clone();
            let title = Signal::derive(move || heading.get(lang.get()).to_string());
            view! {
                <ReferenceHead title>
                    <p class="lead"><Tx text=texts.summary/></p>
                </ReferenceHead>
            }
            .into_any()
        }
        None => view! { <NotFound/> }.into_any(),
    };
    view! { <Loaded resource=sections render/> }
}
