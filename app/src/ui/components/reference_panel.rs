//! The reference material beside a group's matrix: each part folded under
//! its heading (a list's names, a table's lines by dimension; the first part
//! open), then links to every part's page (opened in a new tab so the matrix
//! stays put).

use crate::api::matrix::MatrixReference;
use crate::domain::reference::{Dimension, Reference, ReferenceKind};
use crate::i18n::*;
use crate::ui::components::text::{Tx, TxItems};
use leptos::prelude::*;

#[component]
pub fn ReferencePanel(reference: MatrixReference) -> impl IntoView {
    let i18n = use_i18n();
    let MatrixReference { template, references } = reference;
    let links = references
        .iter()
        .map(|r| {
            view! {
                <li>
                    <a href=format!("/reference/{}", r.id) target="_blank">
                        <Tx text=r.heading.clone() />
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <aside class="reference-panel" aria-labelledby="reference-panel-heading">
            <h2 id="reference-panel-heading">{t!(i18n, reference_heading)}</h2>
            {references
                .into_iter()
                .enumerate()
                .map(|(i, r)| view! { <Folded part=r open=i == 0 dimensions=template.dimensions.clone() /> })
                .collect_view()}
            <ul class="link-list">
                {links} <li>
                    <a href="/reference/matrix" target="_blank">
                        {t!(i18n, matrix_heading)}
                    </a>
                </li>
            </ul>
        </aside>
    }
}

#[component]
fn Folded(part: Reference, open: bool, dimensions: Vec<Dimension>) -> impl IntoView {
    let body = match part.kind {
        // A numbered list numbers its items as an ordered list does.
        ReferenceKind::List if part.numbered => view! {
            <ol class="compact-list">
                {part
                    .entries
                    .into_iter()
                    .enumerate()
                    .map(|(i, e)| {
                        view! {
                            <li value={i + 1}>
                                <Tx text=e.name />
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
        .into_any(),
        ReferenceKind::List => view! {
            <ul class="compact-list">
                {part
                    .entries
                    .into_iter()
                    .map(|e| {
                        view! {
                            <li>
                                <Tx text=e.name />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any(),
        ReferenceKind::Table => dimensions
            .into_iter()
            .map(|d| {
                let lines: Vec<_> = part.lines.iter().filter(|l| l.dimension == d.id).map(|l| l.text.clone()).collect();
                view! {
                    <h3>
                        <Tx text=d.title />
                    </h3>
                    <ul class="compact-list">
                        <TxItems items=lines />
                    </ul>
                }
            })
            .collect_view()
            .into_any(),
    };
    view! {
        <details open=open>
            <summary>
                <Tx text=part.heading />
            </summary>
            {body}
        </details>
    }
}
