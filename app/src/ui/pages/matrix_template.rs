//! The action-plan matrix every group fills: its columns, which session
//! fills which, and the seed's proposal rows by dimension.

use crate::api::meeting::get_matrix_template;
use crate::domain::matrix::{MatrixColumn, TemplateRow};
use crate::domain::matrix_fields::FieldId;
use crate::domain::views::MatrixTemplateView;
use crate::domain::Text;
use crate::i18n::*;
use crate::ui::components::data::Loaded;
use crate::ui::components::page_head::ReferenceHead;
use crate::ui::components::text::{use_lang, Tx};
use leptos::prelude::*;

#[component]
pub fn MatrixTemplatePage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_matrix_template());
    view! { <Loaded resource=data render={|v: MatrixTemplateView| view! { <MatrixTemplate view=v /> }} /> }
}

#[component]
fn MatrixTemplate(view: MatrixTemplateView) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let m = view.matrix;
    let title_text = m.title.clone();
    let title = Signal::derive(move || title_text.get(lang.get()).to_string());
    let max = m.max_lines_per_dimension;
    let session_of = {
        let sc = view.session_columns.clone();
        move |col: &str| sc.iter().filter(|(_, _, cols)| cols.iter().any(|c| c == col)).map(|(n, _, _)| *n).collect::<Vec<_>>()
    };
    let column_cards = m
        .columns
        .iter()
        .map(|c| {
            let sessions = session_of(&c.id);
            view! {
                <li class="column-card">
                    <h3>
                        <Tx text=c.title.clone() />
                    </h3>
                    <p class="muted">
                        {move || match sessions.as_slice() {
                            [] => t_string!(i18n, not_filled).to_string(),
                            [one] => format!("{} {one}", t_string!(i18n, filled_in_session)),
                            [rest @ .., last] => {
                                format!(
                                    "{} {} {} {last}",
                                    t_string!(i18n, filled_in_sessions),
                                    rest.iter().map(u32::to_string).collect::<Vec<_>>().join(", "),
                                    t_string!(i18n, and_word),
                                )
                            }
                        }}
                    </p>
                </li>
            }
        })
        .collect_view();
    let tables = view
        .dimensions
        .into_iter()
        .map(|d| {
            let rows: Vec<TemplateRow> = m.rows.iter().filter(|r| r.dimension == d.id).cloned().collect();
            view! {
                <section class="panel" aria-labelledby=format!("mdim-{}", d.id)>
                    <h2 id=format!("mdim-{}", d.id)>{d.number} ". " <Tx text=d.title /></h2>
                    <TemplateTable columns=m.columns.clone() heading=m.heading.clone() rows />
                </section>
            }
        })
        .collect_view();
    view! {
        <ReferenceHead title>
            <p class="measure">
                <Tx text=m.intro />
            </p>
            <p class="callout">{t!(i18n, max_lines_rule)} " " <strong>{max}</strong></p>
        </ReferenceHead>
        <section aria-labelledby="columns-heading">
            <h2 id="columns-heading">{t!(i18n, matrix_columns)}</h2>
            <ol class="column-grid">{column_cards}</ol>
        </section>
        {tables}
    }
    .into_any()
}

/// The proposal rows of one dimension: the heading spans the lines the row
/// proposes in other columns (one per table line).
#[component]
fn TemplateTable(columns: Vec<MatrixColumn>, heading: FieldId, rows: Vec<TemplateRow>) -> impl IntoView {
    let header = columns
        .iter()
        .map(|c| {
            view! {
                <th scope="col" class=format!("col-{}", c.id)>
                    <Tx text=c.title.clone() />
                </th>
            }
        })
        .collect_view();
    let body = rows
        .into_iter()
        .map(|row| {
            // Per column: None for the heading's, else the texts it proposes.
            let cells: Vec<Option<Vec<Text>>> = columns
                .iter()
                .map(|c| {
                    (!c.fields.iter().any(|f| f.id == heading))
                        .then(|| c.fields.iter().flat_map(|f| row.values.get(&f.id).cloned().unwrap_or_default()).collect())
                })
                .collect();
            let lines = cells.iter().flatten().map(Vec::len).max().unwrap_or(0).max(1);
            (0..lines)
                .map(|i| {
                    let tds = cells
                        .iter()
                        .map(|cell| match cell {
                            None if i == 0 => view! {
                                <th scope="rowgroup" rowspan=lines>
                                    <Tx text=row.heading.clone() />
                                </th>
                            }
                            .into_any(),
                            None => ().into_any(),
                            Some(texts) => view! { <td>{texts.get(i).cloned().map(|t| view! { <Tx text=t /> })}</td> }.into_any(),
                        })
                        .collect_view();
                    view! { <tr>{tds}</tr> }
                })
                .collect_view()
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0">
            <table class="matrix-table">
                <thead>
                    <tr>{header}</tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}
