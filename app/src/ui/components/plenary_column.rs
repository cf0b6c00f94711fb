//! One group's results on the plenary projector: its matrix lines under the
//! three dimensions (sessions 1–3), or its questionnaire answers (session 4),
//! with whether it delivered.

use crate::api::matrix::MatrixReference;
use crate::api::plenary::PlenaryGroup;
use crate::domain::matrix_fields::{choices, Field, FieldKind};
use crate::domain::matrix_rules::{rows_of, MatrixRow};
use crate::domain::question::Guide;
use crate::domain::questionnaire::choice_parts;
use crate::i18n::*;
use crate::ui::components::matrix_row::{choice_options, field_label};
use crate::ui::components::text::{use_lang, Tx};
use leptos::prelude::*;

/// The fields shown under each line's priority: those of the session's
/// columns (or results and indicators when no session is in progress).
pub fn shown_fields(columns: &[String]) -> Vec<Field> {
    let columns: Vec<&str> = if columns.is_empty() { vec!["ilac", "resultados", "indicadores"] } else { columns.iter().map(String::as_str).collect() };
    columns.into_iter().flat_map(Field::of_column).filter(|f| *f != Field::Prioridades).collect()
}

#[component]
pub fn PlenaryColumn(
    group: PlenaryGroup,
    reference: MatrixReference,
    fields: Vec<Field>,
    questionnaire: Option<Guide>,
    /// The link that focuses this group, or none when focused already.
    focus_href: Option<String>,
    /// Its lines that are in a common area (highlighted).
    #[prop(optional)]
    highlight: Vec<i64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang().get_untracked();
    let heading_id = format!("plenary-{}", group.group.id);
    let title = group.group.label.clone();
    let heading = match focus_href {
        Some(href) => view! { <a href=href><Tx text=title/></a> }.into_any(),
        None => view! { <Tx text=title/> }.into_any(),
    };
    let body = match &questionnaire {
        Some(guide) => questionnaire_view(guide, &group, lang).into_any(),
        None => reference
            .template
            .dimensions
            .iter()
            .map(|d| {
                let rows: Vec<MatrixRow> = rows_of(&group.rows, &d.id).into_iter().cloned().collect();
                view! {
                    <section class="plenary-dim">
                        <h3>{d.number} ". " <Tx text=d.title.clone()/></h3>
                        {if rows.is_empty() {
                            view! { <p class="muted">"—"</p> }.into_any()
                        } else {
                            view! {
                                <ol class="plenary-rows">
                                    {rows.iter().map(|r| row_view(i18n, lang, r, &fields, &reference, highlight.contains(&r.id))).collect_view()}
                                </ol>
                            }.into_any()
                        }}
                    </section>
                }
            })
            .collect_view()
            .into_any(),
    };
    let labelled_by = heading_id.clone();
    view! {
        <article class="plenary-col" class:plenary-delivered=group.delivered aria-labelledby=labelled_by>
            <header class="plenary-col-head">
                <h2 id=heading_id>{heading}</h2>
                {if group.delivered {
                    view! { <span class="badge badge-done">{t!(i18n, delivered_badge)}</span> }.into_any()
                } else {
                    view! { <span class="badge">{t!(i18n, not_delivered_badge)}</span> }.into_any()
                }}
            </header>
            {body}
        </article>
    }
}

fn row_view(i18n: leptos_i18n::I18nContext<Locale>, lang: &'static str, row: &MatrixRow, fields: &[Field], reference: &MatrixReference, common: bool) -> impl IntoView {
    let title = |f: Field| {
        let column = reference.template.matrix.columns.iter().find(|c| c.id == f.column());
        field_label(i18n, &column.map(|c| c.title.get(lang).to_string()).unwrap_or_default(), f)
    };
    let parts = fields
        .iter()
        .filter_map(|f| {
            let text = match f.kind() {
                FieldKind::Text => row.text(*f).to_string(),
                // Area numbers: the column's title already says "ILAC".
                FieldKind::Choice if *f == Field::Ilac => choices(row.text(*f)).join(", "),
                FieldKind::Choice => {
                    let names = choice_options(i18n, lang, *f, reference);
                    choices(row.text(*f)).iter().filter_map(|id| names.iter().find(|(i, _)| i == id).map(|(_, n)| n.clone())).collect::<Vec<_>>().join("; ")
                }
            };
            (!text.is_empty()).then(|| view! { <p class="plenary-field"><span class="plenary-label">{title(*f)}</span> " " {text}</p> })
        })
        .collect_view();
    let priority = row.text(Field::Prioridades).to_string();
    view! {
        <li class:plenary-common-line=common>
            <p class="plenary-priority">{if priority.is_empty() { "—".to_string() } else { priority }}</p>
            {parts}
        </li>
    }
}

fn questionnaire_view(guide: &Guide, group: &PlenaryGroup, lang: &'static str) -> impl IntoView {
    let text = |item: &str| group.answers.get(item).map(|c| c.text.clone()).unwrap_or_default();
    guide
        .questions
        .iter()
        .map(|q| {
            let base = format!("{}/{}", guide.id, q.id);
            let answer = text(&base);
            let chosen: Vec<String> = choice_parts(q)
                .map(|(c, _)| {
                    let picked = text(&format!("{base}/choice"));
                    c.items.iter().filter(|i| choices(&picked).contains(&i.id.as_str())).map(|i| format!("{} {}", i.label, i.text.get(lang))).collect()
                })
                .unwrap_or_default();
            view! {
                <section class="plenary-dim">
                    <h3>{q.label.clone()} " " <Tx text=q.text.clone()/></h3>
                    <p class="plenary-field">{if answer.is_empty() { "—".to_string() } else { answer }}</p>
                    {(!chosen.is_empty()).then(|| view! { <ul class="plenary-rows">{chosen.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul> })}
                </section>
            }
        })
        .collect_view()
}
