//! A numbered list of areas the seed gives (`ilac_areas`), named by it.

use crate::api::meeting::get_ilac_areas;
use crate::domain::reference::{IlacArea, ReferencePart};
use crate::ui::components::data::Loaded;
use crate::ui::components::page_head::PartHead;
use crate::ui::components::text::Tx;
use leptos::prelude::*;

#[component]
pub fn IlacPage() -> impl IntoView {
    let areas = Resource::new(|| (), |_| get_ilac_areas());
    view! {
        <PartHead part=ReferencePart::IlacAreas/>
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
