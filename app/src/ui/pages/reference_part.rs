//! One part of the reference material (`/reference/<id>`): a list or a
//! table, headed and named as the seed names it; "not found" for an id the
//! meeting's seed does not have.

use crate::api::meeting::get_reference;
use crate::domain::reference::ReferenceKind;
use crate::domain::views::ReferenceView;
use crate::ui::components::data::Loaded;
use crate::ui::components::page_head::ReferenceHead;
use crate::ui::components::reference_list::ReferenceList;
use crate::ui::components::reference_table::ReferenceTable;
use crate::ui::components::text::{use_lang, Tx};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ReferencePartPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let part = Resource::new(id, get_reference);
    view! { <Loaded resource=part render={|v: ReferenceView| view! { <Part view=v /> }} /> }
}

#[component]
fn Part(view: ReferenceView) -> impl IntoView {
    let lang = use_lang();
    let ReferenceView { reference, dimensions } = view;
    let heading = reference.heading.clone();
    let title = Signal::derive(move || heading.get(lang.get()).to_string());
    let body = match reference.kind {
        ReferenceKind::List => view! { <ReferenceList list=reference.clone() /> }.into_any(),
        ReferenceKind::Table => view! { <ReferenceTable table=reference.clone() dimensions /> }.into_any(),
    };
    view! {
        <ReferenceHead title>
            <p class="lead">
                <Tx text=reference.summary />
            </p>
            {reference
                .lead
                .map(|l| {
                    view! {
                        <p class="part-lead">
                            <Tx text=l />
                        </p>
                    }
                })}
        </ReferenceHead>
        {body}
    }
}
