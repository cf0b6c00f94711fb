//! The seed's decisions, as their annexes print them.

use crate::api::meeting::get_decisions;
use crate::domain::reference::{Decision, ReferencePart};
use crate::i18n::*;
use crate::ui::components::data::Loaded;
use crate::ui::components::page_head::PartHead;
use crate::ui::components::text::Tx;
use leptos::prelude::*;

#[component]
pub fn DecisionsPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_decisions());
    view! {
        <PartHead part=ReferencePart::Decisions/>
        <Loaded resource=data render={|ds: Vec<Decision>| view! {
            <div class="decision-grid">{ds.into_iter().map(|d| view! { <DecisionCard d/> }).collect_view()}</div>
        }}/>
    }
}

#[component]
fn DecisionCard(d: Decision) -> impl IntoView {
    let i18n = use_i18n();
    let heading = format!("dec-{}", d.id);
    let label_id = heading.clone();
    view! {
        <article class="panel" aria-labelledby=label_id>
            <p class="eyebrow"><Tx text=d.annex/></p>
            <h2 id=heading><Tx text=d.forum/></h2>
            <p><strong><Tx text=d.title/></strong> " · " <Tx text=d.subject/> " " <Tx text=d.rapporteur/></p>
            <details>
                <summary>{t!(i18n, preamble)}</summary>
                {d.preamble.into_iter().map(|p| view! { <p><Tx text=p/></p> }).collect_view()}
            </details>
            <p class="label"><Tx text=d.decides/></p>
            <ol class="decision-items">
                {d.items.into_iter().map(|it| view! {
                    <li value=it.number><strong><Tx text=it.verb/></strong> " " <Tx text=it.text/></li>
                }).collect_view()}
            </ol>
        </article>
    }
    .into_any()
}
