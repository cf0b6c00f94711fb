//! One working-group session: its objectives, time, organisation, guiding
//! questions and the groups (with members) that work in it.

use crate::api::meeting::get_session;
use crate::domain::group::{Group, Sector};
use crate::domain::question::{Question, QuestionPart};
use crate::domain::session::format_duration;
use crate::domain::views::SessionView;
use crate::domain::Text;
use crate::i18n::*;
use crate::ui::components::coordinator_duties::CoordinatorDuties;
use crate::ui::components::data::Loaded;
use crate::ui::components::page_title::PageTitle;
use crate::ui::components::text::{use_lang, OriginalWording, Tx, TxItems};
use crate::ui::components::timeline::BlockTimeline;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn SessionPage() -> impl IntoView {
    let params = use_params_map();
    // A non-numeric segment becomes 0, which no session has: the 404 page.
    let number = move || params.read().get("number").and_then(|n| n.parse::<u32>().ok()).unwrap_or(0);
    let session = Resource::new(number, get_session);
    view! { <Loaded resource=session render={|s: SessionView| view! { <Session view=s /> }} /> }
}

#[component]
fn Session(view: SessionView) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let SessionView { session, guide, block, group_set, coordinator, shares_guide_with, previous, next } = view;
    let number = session.number;
    let title = session.title.clone();
    let block_title = block.title.clone();
    let block_total = format_duration(block.total_minutes());
    // This session's own working time inside its agenda block.
    let own_minutes: u32 = block.segments.iter().filter(|s| s.session == Some(number)).map(|s| s.minutes).sum();
    view! {
        <PageTitle text=move || format!("{} {number} · {}", t_string!(i18n, session_word), title.get(lang.get())) />
        <nav class="breadcrumbs" aria-label=move || t_string!(i18n, breadcrumbs)>
            <a href="/">{t!(i18n, nav_agenda)}</a>
            <span aria-hidden="true">" › "</span>
            <span aria-current="page">{t!(i18n, session_word)} " " {number}</span>
        </nav>
        <header class="page-head">
            <p class="eyebrow">{t!(i18n, session_word)} " " {number} {guide.cited_as.clone().map(|s| format!(" · {s}"))}</p>
            <h1>
                <Tx text=session.title />
            </h1>
            <p class="lead">
                <Tx text=guide.title.clone() />
            </p>
        </header>
        <div class="session-grid">
            <div class="session-main">
                <section class="panel" aria-labelledby="objectives-heading">
                    <h2 id="objectives-heading">{t!(i18n, objectives)}</h2>
                    <p class="muted">
                        <Tx text=guide.objectives_intro />
                    </p>
                    <ul>
                        <TxItems items=guide.objectives />
                    </ul>
                    {(!guide.notes.is_empty())
                        .then(|| {
                            view! {
                                <h3>{t!(i18n, organisation)}</h3>
                                {guide
                                    .notes
                                    .into_iter()
                                    .map(|n| {
                                        view! {
                                            <p>
                                                <Tx text=n />
                                            </p>
                                        }
                                    })
                                    .collect_view()}
                            }
                        })}
                </section>
                <section class="panel" aria-labelledby="questions-heading">
                    <h2 id="questions-heading">{t!(i18n, guiding_questions)}</h2>
                    {guide
                        .analysis_intro
                        .into_iter()
                        .map(|p| {
                            view! {
                                <p class="muted">
                                    <Tx text=p />
                                </p>
                            }
                        })
                        .collect_view()}
                    <QuestionList questions=guide.questions />
                </section>
            </div>
            <aside class="session-side">
                <section class="panel" aria-labelledby="time-heading">
                    <h2 id="time-heading">{t!(i18n, time_available)}</h2>
                    <p class="big-number">{format_duration(own_minutes)}</p>
                    <p class="muted">
                        <Tx text=block_title />
                        " · "
                        {t!(i18n, block_total)}
                        " "
                        {block_total}
                    </p>
                    <BlockTimeline block=block />
                    <p>
                        <Tx text=guide.time_note />
                    </p>
                    {(!shares_guide_with.is_empty())
                        .then(|| {
                            view! {
                                <p class="muted">
                                    {t!(i18n, same_guide_as)} " "
                                    {shares_guide_with.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", ")}
                                </p>
                            }
                        })}
                </section>
                <CoordinatorDuties role=coordinator />
            </aside>
        </div>
        <section aria-labelledby="groups-heading">
            <h2 id="groups-heading">
                <Tx text=group_set.title />
            </h2>
            {group_set
                .description
                .map(|d| {
                    view! {
                        <p class="muted measure">
                            <Tx text=d />
                        </p>
                    }
                })}
            <ul class="group-grid">{group_set.groups.into_iter().map(|g| view! { <GroupCard group=g /> }).collect_view()}</ul>
        </section>
        <nav class="pager" aria-label=move || t_string!(i18n, other_sessions)>
            {previous
                .map(|n| {
                    view! {
                        <a rel="prev" href=format!("/sessions/{n}")>
                            "← "
                            {t!(i18n, session_word)}
                            " "
                            {n}
                        </a>
                    }
                })}
            {next
                .map(|n| {
                    view! {
                        <a rel="next" href=format!("/sessions/{n}")>
                            {t!(i18n, session_word)}
                            " "
                            {n}
                            " →"
                        </a>
                    }
                })}
        </nav>
    }
    .into_any()
}

#[component]
fn QuestionList(questions: Vec<Question>) -> impl IntoView {
    let mut current_section: Option<String> = None;
    let items = questions
        .into_iter()
        .map(|q| {
            // Print a section heading (OFERTA, PROGRAMAS) where it changes.
            let section = q.section.clone().filter(|s| current_section.as_deref() != Some(s.spanish()));
            if let Some(s) = &section {
                current_section = Some(s.spanish().to_string());
            }
            view! {
                {section
                    .map(|s| {
                        view! {
                            <li class="question-section">
                                <h3>
                                    <Tx text=s />
                                </h3>
                            </li>
                        }
                    })}
                <QuestionItem question=q />
            }
        })
        .collect_view();
    view! { <ol class="questions">{items}</ol> }
}

#[component]
fn QuestionItem(question: Question) -> impl IntoView {
    let original = question.clone();
    view! {
        <li class="question" id=format!("q-{}", question.id)>
            <span class="question-label" aria-hidden="true">
                {question.label.clone()}
            </span>
            <div class="question-body">
                <p>
                    <Tx text=question.text />
                </p>
                {question.parts.into_iter().map(|p| view! { <QuestionPartView part=p /> }).collect_view()}
                <OriginalWording question=original />
            </div>
        </li>
    }
    .into_any()
}

#[component]
fn QuestionPartView(part: QuestionPart) -> impl IntoView {
    view! {
        {part
            .intro
            .map(|i| {
                view! {
                    <p class="part-intro">
                        <Tx text=i />
                    </p>
                }
            })}
        <ol class="sub-items">
            {part
                .items
                .into_iter()
                .map(|item| {
                    view! {
                        <li>
                            <span class="question-label" aria-hidden="true">
                                {item.label}
                            </span>
                            <span>
                                <Tx text=item.text />
                            </span>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

#[component]
fn GroupCard(group: Group) -> impl IntoView {
    let i18n = use_i18n();
    let sector = group.sector;
    let sector_label = move || match sector {
        Sector::Government => t_string!(i18n, sector_government),
        Sector::Ngo => t_string!(i18n, sector_ngo),
        Sector::Business => t_string!(i18n, sector_business),
        Sector::Mixed => t_string!(i18n, sector_mixed),
    };
    let members: Vec<Text> = group.countries.iter().chain(group.organisations.iter()).cloned().collect();
    let heading_id = format!("group-{}", group.id);
    let label_id = heading_id.clone();
    view! {
        <li class="group-card" aria-labelledby=label_id>
            <p class=format!("sector-badge sector-{}", sector.as_str())>{sector_label}</p>
            <h3 id=heading_id>
                <Tx text=group.label />
            </h3>
            {group
                .description
                .map(|d| {
                    view! {
                        <p class="muted">
                            <Tx text=d />
                        </p>
                    }
                })}
            {if members.is_empty() {
                view! { <p class="muted">{t!(i18n, members_assigned_later)}</p> }.into_any()
            } else {
                view! {
                    <ul class="chips" aria-label=move || t_string!(i18n, members)>
                        <TxItems items=members />
                    </ul>
                }
                    .into_any()
            }}
        </li>
    }
    .into_any()
}
