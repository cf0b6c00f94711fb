//! The index of the reference material the groups work from: the matrix,
//! and each part of the reference material this meeting's seed has.

use crate::api::meeting::get_reference_sections;
use crate::domain::views::ReferenceSection;
use crate::i18n::*;
use crate::ui::components::data::Loaded;
use crate::ui::components::page_title::PageTitle;
use crate::ui::components::text::Tx;
use leptos::prelude::*;

#[component]
pub fn ReferenceIndexPage() -> impl IntoView {
    let i18n = use_i18n();
    let sections = Resource::new(|| (), |_| get_reference_sections());
    view! {
        <PageTitle text=move || t_string!(i18n, nav_reference).to_string() />
        <header class="page-head">
            <h1>{t!(i18n, reference_heading)}</h1>
            <p class="lead">{t!(i18n, reference_intro)}</p>
        </header>
        <Loaded resource=sections render={|s: Vec<ReferenceSection>| view! { <Cards sections=s /> }} />
    }
}

#[component]
fn Cards(sections: Vec<ReferenceSection>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="ref-grid">
            <li class="ref-card">
                <a href="/reference/matrix">
                    <h2>{t!(i18n, matrix_heading)}</h2>
                    <p class="muted">{t!(i18n, matrix_summary)}</p>
                </a>
            </li>
            {sections
                .into_iter()
                .map(|s| {
                    view! {
                        <li class="ref-card">
                            <a href=format!("/reference/{}", s.id)>
                                <h2>
                                    <Tx text=s.heading />
                                </h2>
                                <p class="muted">
                                    <Tx text=s.summary />
                                </p>
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
