//! The action plan (committee): the groups' matrices consolidated
//! by dimension and area, the common areas first, the questionnaire
//! summary, and the downloads. Prints cleanly to PDF.

use crate::api::action_plan::{regional_plan, PlanView};
use crate::domain::action_plan::PlanLine;
use crate::domain::common_areas::{lines_in_common, LineRef};
use crate::domain::matrix_fields::FieldId;
use crate::i18n::*;
use crate::realtime::client::use_live;
use crate::ui::components::common_areas::{items, CommonAreasList};
use crate::ui::components::data::{refresh_on, Loaded};
use crate::ui::components::page_title::PageTitle;
use crate::ui::components::text::{use_lang, Tx};
use leptos::prelude::*;
use std::collections::BTreeSet;

#[component]
pub fn PlanPage() -> impl IntoView {
    // The frame's data, fetched once; `Plan` keeps it fresh in place.
    let first = Resource::new(|| (), |_| regional_plan());
    view! {
        <div class="plan-page">
            <Loaded resource=first render=|v| view! { <Plan first=v /> } />
        </div>
    }
}

/// A live screen: the header and downloads are drawn once; each part of the
/// plan (status, common areas, every dimension, the summary) is drawn again
/// only when its own data changes, so reading or scrolling the plan while a
/// group types moves nothing else.
#[component]
fn Plan(first: PlanView) -> impl IntoView {
    let i18n = use_i18n();
    let meeting = first.meeting.clone();
    let heading = first.texts.heading.clone();
    let dimensions = first.plan.dimensions.len();
    let data = RwSignal::new(first);
    let groups = use_live().watch_prefix("group:");
    refresh_on(groups, regional_plan, move |v| data.set(v));
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    // Each part reads the data through a memo of its own slice.
    let part = move |slice: Memo<String>, draw: fn(PlanView, usize) -> AnyView, index: usize| {
        move || {
            slice.with(|_| ());
            draw(data.get_untracked(), index)
        }
    };
    let slice = move |pick: fn(&PlanView, usize) -> String, index: usize| Memo::new(move |_| data.with(|v| pick(v, index)));
    let lang = use_lang();
    let title = heading.clone();
    view! {
        <PageTitle text=move || title.get(lang.get()).to_string() />
        <header class="page-head plan-head">
            <div>
                <p class="eyebrow">
                    <Tx text=meeting />
                </p>
                <h1>
                    <Tx text=heading.clone() />
                </h1>
            </div>
            // The downloads, in a language chosen here (a plain GET form: the
            // file comes back as an attachment and the page stays).
            <form class="button-row export-form no-print" method="get" action="/export/plan.docx">
                <label class="export-lang">
                    <span>{t!(i18n, export_language)}</span>
                    <select name="lang">
                        {Locale::get_all()
                            .iter()
                            .map(|l| {
                                view! {
                                    <option value=lang_code(*l) lang=lang_code(*l) selected=*l == Locale::get_all()[0]>
                                        {own_name(*l)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <button class="button" type="submit">
                    {t!(i18n, plan_download_docx)}
                </button>
                <button class="button button-secondary" type="submit" formaction="/export/plan.xlsx">
                    {t!(i18n, plan_download_xlsx)}
                </button>
                <button class="button button-secondary" type="submit" formaction="/export/plan.csv">
                    {t!(i18n, plan_download_csv)}
                </button>
                <button class="button button-secondary" type="button" on:click=print>
                    {t!(i18n, plan_print)}
                </button>
            </form>
        </header>
        {part(slice(|v, _| format!("{:?}", v.plan.groups.iter().map(|g| g.final_delivered).collect::<Vec<_>>()), 0), status, 0)}
        // The common areas quote the groups' lines; a dimension marks its lines in common.
        {part(slice(|v, _| format!("{:?}{:?}", v.plan.common, v.plan.groups), 0), common, 0)}
        {(0..dimensions)
            .map(|i| part(slice(|v, i| format!("{:?}{:?}", v.plan.dimensions.get(i), v.plan.common), i), dimension, i))
            .collect_view()}
        {part(slice(|v, _| format!("{:?}", v.plan.summary), 0), summary, 0)}
    }
}

fn group_name(view: &PlanView, lang: &'static str, g: &str) -> String {
    view.plan.group(g).map(|x| x.name.get(lang).to_string()).unwrap_or_default()
}

fn status(view: PlanView, _: usize) -> AnyView {
    let i18n = use_i18n();
    view! {
        <ul class="plan-status" aria-label=move || t_string!(i18n, plan_status)>
            {view
                .plan
                .groups
                .iter()
                .map(|g| {
                    view! {
                        <li class:plan-final=g.final_delivered>
                            <Tx text=g.group.name.clone() />
                            " "
                            {if g.final_delivered {
                                view! { <span class="badge badge-done">{t!(i18n, delivered_badge)}</span> }.into_any()
                            } else {
                                view! { <span class="badge">{t!(i18n, plan_draft)}</span> }.into_any()
                            }}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

fn common(view: PlanView, _: usize) -> AnyView {
    let i18n = use_i18n();
    let lang = use_lang().get_untracked();
    let origin = |id: &str| view.origins.iter().find(|(o, _)| o == id).map(|(_, t)| t.clone());
    let line = |g: &str, r: i64| view.plan.line(g, r).cloned();
    let list = items(i18n, lang, &view.plan.common, &view.matrix, origin, |g: &str| group_name(&view, lang, g), line);
    let badge = view.texts.highlight.as_ref().map(|h| h.badge.get(lang).to_string());
    view! {
        <section class="plan-section" aria-labelledby="plan-common">
            <h2 id="plan-common">{t!(i18n, common_heading)}</h2>
            <CommonAreasList items=list badge=badge />
        </section>
    }
    .into_any()
}

fn dimension(view: PlanView, index: usize) -> AnyView {
    let i18n = use_i18n();
    let lang = use_lang().get_untracked();
    let Some(d) = view.plan.dimensions.get(index).cloned() else { return ().into_any() };
    let in_common = lines_in_common(&view.plan.common);
    let title =
        view.dimensions.iter().find(|x| x.id == d.dimension).map(|x| format!("{}. {}", x.number, x.title.get(lang))).unwrap_or_default();
    view! {
        <section class="plan-section">
            <h2>{title}</h2>
            {d.areas.is_empty().then(|| view! { <p class="muted">{t!(i18n, plan_no_lines)}</p> })}
            {d
                .areas
                .iter()
                .map(|a| {
                    let area = view.area_title(a.area.as_deref(), lang, t_string!(i18n, plan_no_area));
                    view! {
                        {area.map(|area| view! { <h3>{area}</h3> })}
                        <LinesTable lines=a.lines.clone() view=view.clone() in_common=in_common.clone() />
                    }
                })
                .collect_view()}
        </section>
    }
    .into_any()
}

fn summary(view: PlanView, _: usize) -> AnyView {
    let i18n = use_i18n();
    let lang = use_lang().get_untracked();
    (!view.plan.summary.is_empty())
        .then(|| {
            view! {
                <section class="plan-section">
                    <h2>{t!(i18n, plan_summary)}</h2>
                    {view
                        .plan
                        .summary
                        .iter()
                        .map(|item| {
                            view! {
                                <h3>{item.heading.clone()}</h3>
                                <dl class="plan-answers">
                                    {item
                                        .answers
                                        .iter()
                                        .map(|(g, a)| {
                                            view! {
                                                <dt>{group_name(&view, lang, g)}</dt>
                                                <dd>{a.clone()}</dd>
                                            }
                                        })
                                        .collect_view()}
                                </dl>
                            }
                        })
                        .collect_view()}
                </section>
            }
        })
        .into_any()
}

/// One area's lines: the group, then the matrix columns.
#[component]
fn LinesTable(lines: Vec<PlanLine>, view: PlanView, in_common: BTreeSet<LineRef>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang().get_untracked();
    // Every column but the area's alone: the plan is already grouped by area.
    let area = view.matrix.area.clone();
    let columns: Vec<(String, Vec<FieldId>)> = view
        .matrix
        .columns
        .iter()
        .map(|c| {
            (c.title.get(lang).to_string(), c.fields.iter().map(|f| f.id.clone()).filter(|f| Some(f) != area.as_ref()).collect::<Vec<_>>())
        })
        .filter(|(_, fields)| !fields.is_empty())
        .collect();
    view! {
        <div class="table-wrap">
            <table class="plan-table">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, plan_group)}</th>
                        {columns.iter().map(|(h, _)| view! { <th scope="col">{h.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {lines
                        .iter()
                        .map(|l| {
                            let common = in_common
                                .contains(
                                    &LineRef {
                                        group: l.group.clone(),
                                        row: l.row.id,
                                    },
                                );
                            let name = view.plan.group(&l.group).map(|g| g.name.get(lang).to_string()).unwrap_or_default();
                            view! {
                                <tr class:plan-common-line=common>
                                    <th scope="row">{name}</th>
                                    {columns
                                        .iter()
                                        .map(|(_, fields)| {
                                            let parts: Vec<String> = fields
                                                .iter()
                                                .map(|f| view.field_text(&l.row, f, lang))
                                                .filter(|t| !t.is_empty())
                                                .collect();
                                            view! { <td>{parts.join("\n")}</td> }
                                        })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
