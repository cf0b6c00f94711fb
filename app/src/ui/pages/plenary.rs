//! The plenary projector (committee, 1920×1080 first): the session's groups
//! side by side, updating as coordinators type; one group alone for its
//! presentation, one column compared, or the common areas — as the committee
//! chooses from its remote (`/plenary/control`), frozen on a snapshot when it
//! says so. The join code and its QR code stay in the header for latecomers.

use crate::api::matrix::{get_matrix_reference, MatrixReference};
use crate::api::plenary::{plenary, PlenaryView};
use crate::domain::change::{CLOCK, PROJECTOR};
use crate::domain::common_areas::lines_in_common;
use crate::domain::projector::Show;
use crate::ui::components::common_areas::{items, origin_text, CommonAreasList};
use crate::domain::matrix_fields::Field;
use crate::error::AppError;
use crate::i18n::*;
use crate::realtime::client::use_live;
use crate::ui::components::clock::{remaining, urgency_class, use_clock_feed};
use crate::ui::components::data::{refresh_on, Loaded};
use crate::ui::components::page_title::PageTitle;
use crate::ui::components::plenary_column::{shown_fields, PlenaryColumn};
use crate::ui::components::text::Tx;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PlenaryPage() -> impl IntoView {
    let query = use_query_map();
    // A query (`?focus=`, `?compare=`, `?show=common`) shows something else on
    // this screen only; without one, the page follows the committee's choice.
    let local = Memo::new(move |_| {
        let q = query.read();
        Show::from_query(q.get("focus").as_deref(), q.get("compare").as_deref(), q.get("show").as_deref())
    });
    // The frame's data, fetched once; `Plenary` keeps it fresh in place.
    // Reference material never changes during the meeting.
    let first = Resource::new(|| (), |_| async move { Ok::<_, AppError>((plenary().await?, get_matrix_reference().await?)) });
    view! {
        <div class="plenary">
            <Loaded resource=first render=move |(v, r): (PlenaryView, MatrixReference)| view! { <Plenary first=v reference=r local/> }/>
        </div>
    }
}

/// A live screen: the header (code, QR, clock) is drawn once; each group's
/// column is redrawn only when that group's lines change. Answers and
/// presence, which the projector does not show, fetch nothing.
#[component]
fn Plenary(first: PlenaryView, reference: MatrixReference, local: Memo<Option<Show>>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = crate::ui::components::text::use_lang();
    let data = RwSignal::new(first);
    let live = use_live();
    let (matrix, delivery, clock, projector) = (live.watch_suffix(":matrix"), live.watch_suffix(":delivery"), live.watch(CLOCK), live.watch(PROJECTOR));
    refresh_on(move || (matrix(), delivery(), clock(), projector()), plenary, move |v| data.set(v));

    let show = Memo::new(move |_| local.get().unwrap_or_else(|| data.with(|d| d.projector.show.clone())));
    // What decides the shape of the screen: what is shown, the session (its
    // columns), matrices or questionnaire.
    let layout = Memo::new(move |_| {
        let (session, questionnaire) = data.with(|d| (d.work.session.clone(), d.work.questionnaire.clone()));
        (show.get(), session, questionnaire)
    });
    let reference2 = reference.clone();
    let content = move || {
        let (shown_now, session, questionnaire) = layout.get();
        let matrices = questionnaire.is_none();
        let columns = session.as_ref().map(|s| s.matrix_columns.clone()).unwrap_or_default();
        let fields = shown_fields(&columns);
        if shown_now == Show::Common && matrices {
            let reference = reference.clone();
            return (move || {
                let d = data.get();
                let groups = d.work.groups.clone();
                let name = |g: &str| groups.iter().find(|x| x.group.id == g).map(|x| x.group.name.get(lang.get()).to_string()).unwrap_or_default();
                let line = |g: &str, r: i64| groups.iter().find(|x| x.group.id == g).and_then(|x| x.rows.iter().find(|row| row.id == r).cloned());
                let t = &reference.table2.table2;
                let origin = |id: &str| origin_text(lang.get(), id, t, &reference.template.matrix.rows);
                let list = items(i18n, lang.get(), &d.common, &reference.ilac_areas, origin, name, line);
                view! {
                    <section class="plenary-common" aria-labelledby="common-heading">
                        <h2 id="common-heading">{t!(i18n, common_heading)}</h2>
                        <CommonAreasList items=list/>
                    </section>
                }
            })
            .into_any();
        }
        let focused = match &shown_now { Show::Focus(g) => Some(g.clone()), _ => None };
        // Compare: one Anexo IV column across every group; focus: everything.
        let compared: Option<Vec<Field>> = match &shown_now { Show::Compare(c) => Some(Field::of_column(c)).filter(|f| !f.is_empty()), _ => None };
        let fields = match (&compared, focused.is_some()) {
            (Some(f), _) => f.iter().copied().filter(|f| *f != Field::Prioridades).collect(),
            (None, true) => all_fields(&fields),
            (None, false) => fields,
        };
        let shown = {
            let focused = focused.clone();
            Memo::new(move |_| {
                data.with(|d| {
                    let in_common = lines_in_common(&d.common);
                    d.work.groups.iter()
                        .filter(|g| focused.as_ref().is_none_or(|f| *f == g.group.id))
                        .map(|g| (g.clone(), in_common.iter().filter(|l| l.group == g.group.id).map(|l| l.row).collect::<Vec<i64>>()))
                        .collect::<Vec<_>>()
                })
            })
        };
        if shown.with_untracked(|s| s.is_empty()) {
            return view! { <p class="notice">{t!(i18n, plenary_no_groups)}</p> }.into_any();
        }
        let style = move || format!("--plenary-columns: {}", shown.with(|s| s.len()));
        let is_focus = focused.is_some();
        let reference = reference.clone();
        view! {
            <div class="plenary-grid" class:plenary-focus=is_focus style=style>
                // Keyed by everything a column shows: an unchanged group keeps its DOM.
                <For each=move || shown.get() key=|(g, highlight)| format!("{g:?}{highlight:?}") let:((g, highlight))>
                    {
                        let href = (!is_focus).then(|| format!("/plenary?focus={}", g.group.id));
                        view! { <PlenaryColumn group=g reference=reference.clone() fields=fields.clone() questionnaire=questionnaire.clone() focus_href=href highlight/> }
                    }
                </For>
            </div>
        }
        .into_any()
    };
    let heading = move || {
        data.with(|d| d.work.session.clone()).map(|s| view! { {t!(i18n, session_word)} " " {s.number} " · " <Tx text=s.title/> })
    };
    let frozen = Memo::new(move |_| data.with(|d| d.projector.frozen_at.is_some()));
    let matrices = Memo::new(move |_| data.with(|d| d.work.questionnaire.is_none()));
    let join_code = Memo::new(move |_| data.with(|d| d.join_code.clone()));
    let join_url = Memo::new(move |_| data.with(|d| d.join.url.clone()));
    let join_qr = Memo::new(move |_| data.with(|d| d.join.qr_svg.clone()));
    view! {
        <PageTitle text=move || t_string!(i18n, plenary_heading).to_string()/>
        <header class="plenary-head">
            <div>
                <p class="eyebrow">
                    {t!(i18n, plenary_heading)}
                    {move || frozen.get().then(|| view! { " " <span class="badge badge-frozen">{t!(i18n, projector_frozen_badge)}</span> })}
                </p>
                <h1>{heading}</h1>
            </div>
            <PlenaryClock/>
            <div class="plenary-join">
                <p><span class="muted">{t!(i18n, plenary_join)}</span> " " <strong class="plenary-code">{move || join_code.get()}</strong></p>
                <p class="muted small">{move || join_url.get()}</p>
                <div class="plenary-qr" inner_html=move || join_qr.get()></div>
            </div>
        </header>
        {move || matrices.get().then(|| view! { <CompareBar reference=reference2.clone() show local/> })}
        {content}
    }
}

/// Links that change this screen only (the committee's remote is at
/// `/plenary/control`): everything, one column compared, the common areas.
#[component]
fn CompareBar(reference: MatrixReference, show: Memo<Show>, local: Memo<Option<Show>>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = crate::ui::components::text::use_lang();
    let columns: Vec<(String, crate::domain::Text)> =
        reference.template.matrix.columns.iter().filter(|c| c.id != "prioridades").map(|c| (c.id.clone(), c.title.clone())).collect();
    let current = move |s: Show| move || (show.get() == s).then_some("page");
    view! {
        <nav class="plenary-compare" aria-label=move || t_string!(i18n, plenary_compare)>
            <span class="muted">{t!(i18n, plenary_compare)}</span>
            <a href="/plenary?show=groups" aria-current=current(Show::Groups)>{t!(i18n, plenary_everything)}</a>
            {columns.into_iter().map(|(id, title)| {
                let href = format!("/plenary?compare={id}");
                view! {
                    <a href=href aria-current=current(Show::Compare(id.clone()))>
                        {move || title.get(lang.get()).to_string()}
                    </a>
                }
            }).collect_view()}
            <a href="/plenary?show=common" aria-current=current(Show::Common)>{t!(i18n, common_heading)}</a>
            {move || local.get().is_some().then(|| view! { <a class="plenary-follow" href="/plenary">{t!(i18n, projector_follow)}</a> })}
        </nav>
    }
}

/// In focus, every field of the line (the group is presenting its whole result).
fn all_fields(shown: &[Field]) -> Vec<Field> {
    let mut all: Vec<Field> = Field::ALL.into_iter().filter(|f| *f != Field::Prioridades).collect();
    all.sort_by_key(|f| !shown.contains(f));
    all
}

/// The session's countdown, large, in the header.
#[component]
fn PlenaryClock() -> impl IntoView {
    let feed = use_clock_feed();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let Ok(t) = feed.data.await else { return ().into_any() };
                // A plain closure (not a signal): it outlives this Suspend's run.
                let seg = move || remaining(&t, feed.now.get()).0;
                let seg2 = seg.clone();
                view! {
                    <p class=move || format!("plenary-clock {}", urgency_class(seg2()))>
                        {move || crate::domain::clock::format_countdown(seg())}
                    </p>
                }.into_any()
            })}
        </Transition>
    }
}
