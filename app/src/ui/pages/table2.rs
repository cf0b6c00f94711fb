//! The reference table: per dimension, its lines in the columns (sources)
//! the seed lists.

use crate::api::meeting::get_table2;
use crate::domain::views::Table2View;
use crate::i18n::*;
use crate::ui::components::data::Loaded;
use crate::ui::components::page_head::ReferenceHead;
use crate::ui::components::text::{use_lang, Tx};
use leptos::prelude::*;

#[component]
pub fn Table2Page() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_table2());
    view! { <Loaded resource=data render={|v: Table2View| view! { <Table2 view=v/> }}/> }
}

#[component]
fn Table2(view: Table2View) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let t2 = view.table2;
    let title_text = t2.title.clone();
    let title = Signal::derive(move || title_text.get(lang.get()).to_string());
    let dimensions = view
        .dimensions
        .into_iter()
        .map(|d| {
            let columns = t2
                .sources
                .iter()
                .map(|source| {
                    let lines = t2.lines_of(&d.id, &source.id).into_iter().map(|l| l.text.clone()).collect::<Vec<_>>();
                    view! {
                        <div class="t2-column">
                            <h3><Tx text=source.heading.clone()/></h3>
                            {if lines.is_empty() {
                                view! { <p class="muted">"—"</p> }.into_any()
                            } else {
                                view! {
                                    <ul>{lines.into_iter().map(|t| view! { <li><Tx text=t/></li> }).collect_view()}</ul>
                                }.into_any()
                            }}
                        </div>
                    }
                })
                .collect_view();
            view! {
                <section class="panel t2-dimension" aria-labelledby=format!("dim-{}", d.id)>
                    <h2 id=format!("dim-{}", d.id)>{d.number} ". " <Tx text=d.title/></h2>
                    <div class="t2-columns">{columns}</div>
                </section>
            }
        })
        .collect_view();
    view! {
        <ReferenceHead title/>
        {dimensions}
        <details class="panel">
            <summary>{t!(i18n, about_dimensions)}</summary>
            {t2.intro.into_iter().map(|p| view! { <p class="measure"><Tx text=p/></p> }).collect_view()}
        </details>
    }
    .into_any()
}
