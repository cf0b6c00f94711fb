//! A reference table: per dimension, its lines in the columns the seed
//! lists, and how to read it folded below.

use crate::domain::reference::{Dimension, Reference};
use crate::ui::components::text::{Tx, TxItems};
use leptos::prelude::*;

#[component]
pub fn ReferenceTable(table: Reference, dimensions: Vec<Dimension>) -> impl IntoView {
    let rows = dimensions
        .into_iter()
        .map(|d| {
            let columns = table
                .columns
                .iter()
                .map(|column| {
                    let lines: Vec<_> = table.lines_of(&d.id, &column.id).into_iter().map(|l| l.text.clone()).collect();
                    view! {
                        <div class="ref-column">
                            <h3>
                                <Tx text=column.heading.clone() />
                            </h3>
                            {if lines.is_empty() {
                                view! { <p class="muted">"—"</p> }.into_any()
                            } else {
                                view! {
                                    <ul>
                                        <TxItems items=lines />
                                    </ul>
                                }
                                    .into_any()
                            }}
                        </div>
                    }
                })
                .collect_view();
            view! {
                <section class="panel ref-dimension" aria-labelledby=format!("dim-{}", d.id)>
                    <h2 id=format!("dim-{}", d.id)>{d.number} ". " <Tx text=d.title /></h2>
                    <div class="ref-columns">{columns}</div>
                </section>
            }
        })
        .collect_view();
    view! {
        {rows}
        {table
            .about
            .map(|about| {
                view! {
                    <details class="panel">
                        <summary>
                            <Tx text=about.heading />
                        </summary>
                        {about
                            .paragraphs
                            .into_iter()
                            .map(|p| {
                                view! {
                                    <p class="measure">
                                        <Tx text=p />
                                    </p>
                                }
                            })
                            .collect_view()}
                    </details>
                }
            })}
    }
}
