//! The index of the reference material the groups work from: the matrix,
//! and each part of the reference material this meeting's seed has.

use crate::api::meeting::get_reference_sections;
use crate::domain::reference::ReferencePart;
use crate::domain::views::ReferenceSections;
use crate::i18n::*;
use crate::ui::components::data::Loaded;
use crate::ui::components::page_title::PageTitle;
use crate::ui::components::text::use_lang;
use leptos::prelude::*;

#[component]
pub fn ReferenceIndexPage() -> impl IntoView {
    let i18n = use_i18n();
    let sections = Resource::new(|| (), |_| get_reference_sections());
    view! {
        <PageTitle text=move || t_string!(i18n, nav_reference).to_string()/>
        <header class="page-head">
            <h1>{t!(i18n, reference_heading)}</h1>
            <p class="lead">{t!(i18n, reference_intro)}</p>
        </header>
        <Loaded resource=sections render=move |s: ReferenceSections| view! { <Cards sections=s/> }/>
    }
}

#[component]
fn Cards(sections: ReferenceSections) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let card = move |href: &'static str, title: String, body: String| {
        view! {
            <li class="ref-card">
                <a href=href>
                    <h2>{title}</h2>
                    <p class="muted">{body}</p>
                </a>
            </li>
        }
    };
    let parts = [
        ("/reference/table-2", ReferencePart::Table2),
        ("/reference/ilac", ReferencePart::IlacAreas),
        ("/reference/task-forces", ReferencePart::TaskForces),
        ("/reference/strategy", ReferencePart::Strategy),
        ("/reference/decisions", ReferencePart::Decisions),
    ];
    view! {
        <ul class="ref-grid">
            {move || view! {
                {card("/reference/matrix", t_string!(i18n, matrix_heading).into(), t_string!(i18n, matrix_summary).into())}
                {parts.iter().filter_map(|(href, part)| {
                    let t = sections.part(*part)?;
                    Some(card(href, t.heading.get(lang.get()).to_string(), t.summary.get(lang.get()).to_string()))
                }).collect_view()}
            }}
        </ul>
    }
}
