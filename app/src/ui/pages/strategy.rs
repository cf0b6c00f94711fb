//! The seed's strategy: its sections and their items.

use crate::api::meeting::get_strategy;
use crate::domain::reference::{ReferencePart, Strategy};
use crate::ui::components::data::Loaded;
use crate::ui::components::page_head::PartHead;
use crate::ui::components::text::{Tx, TxItems};
use leptos::prelude::*;

#[component]
pub fn StrategyPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_strategy());
    view! {
        <PartHead part=ReferencePart::Strategy/>
        <Loaded resource=data render={|s: Strategy| view! {
            <p class="lead"><Tx text=s.title/></p>
            {s.sections.into_iter().map(|sec| view! {
                <section class="panel" aria-labelledby=format!("st-{}", sec.number)>
                    <h2 id=format!("st-{}", sec.number)>{sec.number} ". " <Tx text=sec.title/></h2>
                    <ul><TxItems items=sec.items/></ul>
                </section>
            }).collect_view()}
        }}/>
    }
}
