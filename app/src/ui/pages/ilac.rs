//! The eight priority areas of the ILAC, the political frame of the plan.

use crate::api::meeting::get_ilac_areas;
use crate::domain::reference::IlacArea;
use crate::i18n::*;
use crate::ui::components::data::Loaded;
use crate::ui::components::page_head::ReferenceHead;
use crate::ui::components::text::Tx;
use leptos::prelude::*;

#[component]
pub fn IlacPage() -> impl IntoView {
    let i18n = use_i18n();
    let areas = Resource::new(|| (), |_| get_ilac_areas());
    let title = Signal::derive(move || t_string!(i18n, ilac_heading).to_string());
    view! {
        <ReferenceHead title>
            <p class="lead">{t!(i18n, ilac_summary)}</p>
        </ReferenceHead>
        <Loaded resource=areas render={|areas: Vec<IlacArea>| view! {
            <ol class="numbered-cards">
                {areas.into_iter().map(|a| view! {
                    <li>
                        <span class="card-number" aria-hidden="true">{a.number}</span>
                        <span><Tx text=a.title/></span>
                    </li>
                }).collect_view()}
            </ol>
        }}/>
    }
}
