//! Home: the meeting, its objectives and the four sessions in their three
//! agenda blocks (with the coffee break), each linking to its session page.

use crate::api::meeting::get_agenda;
use crate::domain::session::format_duration;
use crate::domain::views::{AgendaBlockView, AgendaView, SessionSummary};
use crate::i18n::*;
use crate::ui::components::coordinator_duties::CoordinatorDuties;
use crate::ui::components::data::Loaded;
use crate::ui::components::page_title::PageTitle;
use crate::ui::components::text::{use_lang, Tx, TxItems};
use crate::ui::components::timeline::BlockTimeline;
use leptos::prelude::*;

#[component]
pub fn AgendaPage() -> impl IntoView {
    let agenda = Resource::new(|| (), |_| get_agenda());
    view! { <Loaded resource=agenda render={|a: AgendaView| view! { <Agenda agenda=a /> }} /> }
}

#[component]
fn Agenda(agenda: AgendaView) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let m = agenda.meeting;
    let title = m.title.clone();
    view! {
        <PageTitle text=move || title.get(lang.get()).to_string() />
        <section class="hero">
            <p class="eyebrow">
                <Tx text=m.document />
            </p>
            <h1>
                <Tx text=m.title />
            </h1>
            <p class="hero-meta">
                <span>
                    <Tx text=m.place />
                </span>
                <span aria-hidden="true">" · "</span>
                <time datetime=m.start_date>
                    <Tx text=m.dates_label />
                </time>
            </p>
        </section>
        <section aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">{t!(i18n, working_sessions)}</h2>
            <div class="blocks">{agenda.blocks.into_iter().map(|b| view! { <BlockCard block=b /> }).collect_view()}</div>
        </section>
        <section class="panel" aria-labelledby="objectives-heading">
            <h2 id="objectives-heading">{t!(i18n, meeting_objectives)}</h2>
            <p class="muted">
                <Tx text=m.objectives_intro />
            </p>
            <ol class="objectives">
                <TxItems items=m.objectives />
            </ol>
        </section>
        <CoordinatorDuties role=agenda.coordinator />
    }
    .into_any()
}

#[component]
fn BlockCard(block: AgendaBlockView) -> impl IntoView {
    let i18n = use_i18n();
    let b = block.block;
    let total = format_duration(b.total_minutes());
    let breaks = b.break_minutes();
    let heading_id = format!("block-{}", b.id);
    let label_id = heading_id.clone();
    view! {
        <article class="block-card" aria-labelledby=label_id>
            <header class="block-head">
                <h3 id=heading_id>
                    <Tx text=b.title.clone() />
                </h3>
                <p class="duration-chip" title=move || t_string!(i18n, total_duration)>
                    {total}
                </p>
            </header>
            {(breaks > 0).then(|| view! { <p class="muted">{t!(i18n, includes_break)} " " {format_duration(breaks)}</p> })}
            <BlockTimeline block=b />
            <ul class="session-list">{block.sessions.into_iter().map(|s| view! { <SessionItem session=s /> }).collect_view()}</ul>
            {block
                .guides
                .into_iter()
                .map(|g| {
                    view! {
                        <div class="session-objectives">
                            <p class="label">{t!(i18n, objectives)} {g.cited_as.map(|s| format!(" · {s}"))}</p>
                            <ul>
                                <TxItems items=g.objectives />
                            </ul>
                        </div>
                    }
                })
                .collect_view()}
        </article>
    }
    .into_any()
}

#[component]
fn SessionItem(session: SessionSummary) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/sessions/{}", session.number);
    view! {
        <li class="session-item">
            <h4>
                <a href=href>
                    <span class="session-number">{t!(i18n, session_word)} " " {session.number}</span>
                    <span class="session-title">
                        <Tx text=session.title />
                    </span>
                </a>
            </h4>
            <p class="muted">
                {session.guide_cited_as.map(|s| format!("{s} · "))} <Tx text=session.group_set_title /> " (" {session.group_count} ")"
            </p>
        </li>
    }
    .into_any()
}
