//! The reference material beside a group's matrix: the ILAC areas, Tabla 2
//! by dimension, the Marrakech Task Forces, and links to the Estrategia and
//! the Decisions (opened in a new tab so the matrix stays put).

use crate::api::matrix::MatrixReference;
use crate::i18n::*;
use crate::ui::components::text::Tx;
use leptos::prelude::*;

#[component]
pub fn ReferencePanel(reference: MatrixReference) -> impl IntoView {
    let i18n = use_i18n();
    let MatrixReference { template, ilac_areas, table2, task_forces, sections } = reference;
    view! {
        <aside class="reference-panel" aria-labelledby="reference-panel-heading">
            <h2 id="reference-panel-heading">{t!(i18n, reference_heading)}</h2>
            {sections.ilac_areas.clone().map(|part| view! {
            <details open>
                <summary><Tx text=part.heading/></summary>
                <ol class="compact-list">
                    {ilac_areas.into_iter().map(|a| view! { <li value=a.number.to_string()><Tx text=a.title/></li> }).collect_view()}
                </ol>
            </details>
            })}
            {sections.table2.is_some().then(|| view! {
            <details>
                <summary><Tx text=table2.table2.title.clone()/></summary>
                {template.dimensions.into_iter().map(|d| {
                    let lines: Vec<_> = table2.table2.sources.iter()
                        .flat_map(|s| table2.table2.lines_of(&d.id, &s.id).into_iter().cloned())
                        .collect();
                    view! {
                        <h3><Tx text=d.title/></h3>
                        <ul class="compact-list">
                            {lines.into_iter().map(|l| view! { <li><Tx text=l.text/></li> }).collect_view()}
                        </ul>
                    }
                }).collect_view()}
            </details>
            })}
            {sections.task_forces.clone().map(|part| view! {
            <details>
                <summary><Tx text=part.heading/></summary>
                <ul class="compact-list">
                    {task_forces.into_iter().map(|(_, name)| view! { <li><Tx text=name/></li> }).collect_view()}
                </ul>
            </details>
            })}
            <ul class="link-list">
                {[("/reference/strategy", sections.strategy), ("/reference/decisions", sections.decisions), ("/reference/task-forces", sections.task_forces)]
                    .into_iter()
                    .filter_map(|(href, part)| part.map(|p| view! { <li><a href=href target="_blank"><Tx text=p.heading/></a></li> }))
                    .collect_view()}
                <li><a href="/reference/matrix" target="_blank">{t!(i18n, matrix_heading)}</a></li>
            </ul>
        </aside>
    }
}
