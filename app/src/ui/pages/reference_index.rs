//! The index of the reference material the groups work from.

use crate::i18n::*;
use crate::ui::components::page_title::PageTitle;
use leptos::prelude::*;

#[component]
pub fn ReferenceIndexPage() -> impl IntoView {
    let i18n = use_i18n();
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
    view! {
        <PageTitle text=move || t_string!(i18n, nav_reference).to_string()/>
        <header class="page-head">
            <h1>{t!(i18n, reference_heading)}</h1>
            <p class="lead">{t!(i18n, reference_intro)}</p>
        </header>
        <ul class="ref-grid">
            {move || view! {
                {card("/reference/matrix", t_string!(i18n, matrix_heading).into(), t_string!(i18n, matrix_summary).into())}
                {card("/reference/table-2", t_string!(i18n, table2_heading).into(), t_string!(i18n, table2_summary).into())}
                {card("/reference/ilac", t_string!(i18n, ilac_heading).into(), t_string!(i18n, ilac_summary).into())}
                {card("/reference/task-forces", t_string!(i18n, task_forces_heading).into(), t_string!(i18n, task_forces_summary).into())}
                {card("/reference/strategy", t_string!(i18n, strategy_heading).into(), t_string!(i18n, strategy_summary).into())}
                {card("/reference/decisions", t_string!(i18n, decisions_heading).into(), t_string!(i18n, decisions_summary).into())}
            }}
        </ul>
    }
}
