//! The Regional Action Plan (committee): the groups' matrices consolidated
//! by dimension and ILAC area, the common areas first, the session-4 summary
//! of 10YFP elements, and the downloads. Prints cleanly to PDF.

use crate::api::action_plan::{regional_plan, PlanView};
use crate::domain::action_plan::PlanLine;
use crate::domain::common_areas::{lines_in_common, LineRef};
use crate::domain::matrix_fields::Field;
use crate::i18n::*;
use crate::realtime::client::use_live;
use crate::ui::components::common_areas::{items, CommonAreasList};
use crate::ui::components::data::Loaded;
use crate::ui::components::page_title::PageTitle;
use crate::ui::components::text::{use_lang, Tx};
use leptos::prelude::*;
use std::collections::BTreeSet;

#[component]
pub fn PlanPage() -> impl IntoView {
    let i18n = use_i18n();
    let groups = use_live().watch_prefix("group:");
    let data = Resource::new(move || groups(), |_| regional_plan());
    view! {
        <PageTitle text=move || t_string!(i18n, plan_heading).to_string()/>
        <div class="plan-page">
            <Loaded resource=data render=|v| view! { <Plan view=v/> }/>
        </div>
    }
}

#[component]
fn Plan(view: PlanView) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang().get_untracked();
    let v = view.clone();
    let name = move |g: &str| v.plan.group(g).map(|x| x.name.get(lang).to_string()).unwrap_or_default();
    let origin = |id: &str| view.origins.iter().find(|(o, _)| o == id).map(|(_, t)| t.clone());
    let line = |g: &str, r: i64| view.plan.line(g, r).cloned();
    let common = items(i18n, lang, &view.plan.common, &view.ilac_areas, origin, name.clone(), line);
    let in_common = lines_in_common(&view.plan.common);
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <header class="page-head plan-head">
            <div>
                <p class="eyebrow"><Tx text=view.meeting.clone()/></p>
                <h1>{t!(i18n, plan_heading)}</h1>
            </div>
            <p class="button-row no-print">
                <a class="button" href="/export/plan.docx" download>{t!(i18n, plan_download_docx)}</a>
                <a class="button button-secondary" href="/export/plan.xlsx" download>"XLSX"</a>
                <a class="button button-secondary" href="/export/plan.csv" download>"CSV"</a>
                <button class="button button-secondary" type="button" on:click=print>{t!(i18n, plan_print)}</button>
            </p>
        </header>
        <ul class="plan-status" aria-label=move || t_string!(i18n, plan_status)>
            {view.plan.groups.iter().map(|g| view! {
                <li class:plan-final=g.final_delivered>
                    <Tx text=g.group.name.clone()/> " "
                    {if g.final_delivered { view! { <span class="badge badge-done">{t!(i18n, delivered_badge)}</span> }.into_any() }
                     else { view! { <span class="badge">{t!(i18n, plan_draft)}</span> }.into_any() }}
                </li>
            }).collect_view()}
        </ul>
        <section class="plan-section" aria-labelledby="plan-common">
            <h2 id="plan-common">{t!(i18n, common_heading)}</h2>
            <CommonAreasList items=common/>
        </section>
        {view.plan.dimensions.iter().map(|d| {
            let title = view.dimensions.iter().find(|x| x.id == d.dimension).map(|x| format!("{}. {}", x.number, x.title.get(lang))).unwrap_or_default();
            view! {
                <section class="plan-section">
                    <h2>{title}</h2>
                    {d.areas.is_empty().then(|| view! { <p class="muted">{t!(i18n, plan_no_lines)}</p> })}
                    {d.areas.iter().map(|a| {
                        let area = match a.ilac.and_then(|n| view.ilac_areas.iter().find(|x| x.number == n)) {
                            Some(x) => format!("{} {}. {}", t_string!(i18n, common_ilac), x.number, x.title.get(lang)),
                            None => t_string!(i18n, plan_no_area).to_string(),
                        };
                        view! {
                            <h3>{area}</h3>
                            <LinesTable lines=a.lines.clone() view=view.clone() in_common=in_common.clone()/>
                        }
                    }).collect_view()}
                </section>
            }
        }).collect_view()}
        {(!view.plan.summary.is_empty()).then(|| view! {
            <section class="plan-section">
                <h2>{t!(i18n, plan_summary)}</h2>
                {view.plan.summary.iter().map(|item| view! {
                    <h3>{item.heading.clone()}</h3>
                    <dl class="plan-answers">
                        {item.answers.iter().map(|(g, a)| view! { <dt>{name(g)}</dt> <dd>{a.clone()}</dd> }).collect_view()}
                    </dl>
                }).collect_view()}
            </section>
        })}
    }
}

/// One ILAC area's lines: the group, then the Anexo IV columns.
#[component]
fn LinesTable(lines: Vec<PlanLine>, view: PlanView, in_common: BTreeSet<LineRef>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang().get_untracked();
    // The Anexo IV columns but ILAC: the plan is already grouped by ILAC area.
    let columns: Vec<(String, Vec<Field>)> = view
        .columns
        .iter()
        .filter(|c| c.id != Field::Ilac.column())
        .map(|c| (c.title.get(lang).to_string(), Field::of_column(&c.id)))
        .collect();
    let locale = i18n.get_locale_untracked();
    view! {
        <div class="table-wrap">
            <table class="plan-table">
                <thead><tr>
                    <th scope="col">{t!(i18n, plan_group)}</th>
                    {columns.iter().map(|(h, _)| view! { <th scope="col">{h.clone()}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {lines.iter().map(|l| {
                        let common = in_common.contains(&LineRef { group: l.group.clone(), row: l.row.id });
                        let name = view.plan.group(&l.group).map(|g| g.name.get(lang).to_string()).unwrap_or_default();
                        view! {
                            <tr class:plan-common-line=common>
                                <th scope="row">{name}</th>
                                {columns.iter().map(|(_, fields)| {
                                    let parts: Vec<String> = fields.iter().map(|f| view.field_text(&l.row, *f, locale)).filter(|t| !t.is_empty()).collect();
                                    view! { <td>{parts.join("\n")}</td> }
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
