//! The plenary projector (committee, 1920×1080 first): the session's groups
//! side by side, updating as coordinators type; `?focus=<group>` shows one
//! group alone for its presentation. The join code and its QR code stay in
//! the header for latecomers.

use crate::api::matrix::{get_matrix_reference, MatrixReference};
use crate::api::plenary::{plenary, PlenaryView};
use crate::domain::change::CLOCK;
use crate::domain::matrix_fields::Field;
use crate::error::AppError;
use crate::i18n::*;
use crate::realtime::client::use_live;
use crate::ui::components::clock::{remaining, urgency_class, use_clock_feed};
use crate::ui::components::data::Loaded;
use crate::ui::components::page_title::PageTitle;
use crate::ui::components::plenary_column::{shown_fields, PlenaryColumn};
use crate::ui::components::text::Tx;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PlenaryPage() -> impl IntoView {
    let live = use_live();
    let query = use_query_map();
    let focus = Memo::new(move |_| query.read().get("focus").filter(|f| !f.is_empty()));
    let compare = Memo::new(move |_| query.read().get("compare").filter(|c| !c.is_empty()));
    let groups = live.watch_prefix("group:");
    let clock = live.watch(CLOCK);
    // Reference material never changes during the meeting: fetched once.
    let reference = Resource::new(|| (), |_| get_matrix_reference());
    let data = Resource::new(
        move || (groups(), clock()),
        move |_| async move {
            let view = plenary().await?;
            Ok::<_, AppError>((view, reference.await?))
        },
    );
    view! {
        <div class="plenary">
            <Loaded resource=data render=move |(v, r): (PlenaryView, MatrixReference)| view! { <Plenary view=v reference=r focus compare/> }/>
        </div>
    }
}

#[component]
fn Plenary(view: PlenaryView, reference: MatrixReference, focus: Memo<Option<String>>, compare: Memo<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let columns = view.session.as_ref().map(|s| s.matrix_columns.clone()).unwrap_or_default();
    let fields = shown_fields(&columns);
    let session = view.session.clone();
    let reference2 = reference.clone();
    let matrices = view.questionnaire.is_none();
    let heading = session.clone().map(|s| view! { {t!(i18n, session_word)} " " {s.number} " · " <Tx text=s.title/> }.into_any());
    let content = move || {
        let focused = focus.get();
        let shown: Vec<_> = view.groups.iter().filter(|g| focused.as_ref().is_none_or(|f| *f == g.group.id)).cloned().collect();
        // Compare: one Anexo IV column across every group; focus: everything.
        let compared: Option<Vec<Field>> = compare.get().map(|c| Field::of_column(&c)).filter(|f| !f.is_empty());
        let fields = match (&compared, focused.is_some()) {
            (Some(f), _) => f.iter().copied().filter(|f| *f != Field::Prioridades).collect(),
            (None, true) => all_fields(&fields),
            (None, false) => fields.clone(),
        };
        if shown.is_empty() {
            return view! { <p class="notice">{t!(i18n, plenary_no_groups)}</p> }.into_any();
        }
        let style = format!("--plenary-columns: {}", shown.len());
        view! {
            {focused.is_some().then(|| view! { <p class="plenary-back"><a href="/plenary">{t!(i18n, plenary_all_groups)}</a></p> })}
            <div class="plenary-grid" class:plenary-focus=focused.is_some() style=style>
                {shown.into_iter().map(|g| {
                    let href = focused.is_none().then(|| format!("/plenary?focus={}", g.group.id));
                    view! { <PlenaryColumn group=g reference=reference.clone() fields=fields.clone() questionnaire=view.questionnaire.clone() focus_href=href/> }
                }).collect_view()}
            </div>
        }
        .into_any()
    };
    view! {
        <PageTitle text=move || t_string!(i18n, plenary_heading).to_string()/>
        <header class="plenary-head">
            <div>
                <p class="eyebrow">{t!(i18n, plenary_heading)}</p>
                <h1>{heading}</h1>
            </div>
            <PlenaryClock/>
            <div class="plenary-join">
                <p><span class="muted">{t!(i18n, plenary_join)}</span> " " <strong class="plenary-code">{view.join_code.clone()}</strong></p>
                <p class="muted small">{view.join.url.clone()}</p>
                <div class="plenary-qr" inner_html=view.join.qr_svg.clone()></div>
            </div>
        </header>
        {matrices.then(|| view! { <CompareBar reference=reference2 compare/> })}
        {content}
    }
}

/// Links to compare one Anexo IV column across the groups (or see everything).
#[component]
fn CompareBar(reference: MatrixReference, compare: Memo<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = crate::ui::components::text::use_lang();
    let columns: Vec<(String, crate::domain::Text)> =
        reference.template.matrix.columns.iter().filter(|c| c.id != "prioridades").map(|c| (c.id.clone(), c.title.clone())).collect();
    view! {
        <nav class="plenary-compare" aria-label=move || t_string!(i18n, plenary_compare)>
            <span class="muted">{t!(i18n, plenary_compare)}</span>
            <a href="/plenary" aria-current=move || compare.get().is_none().then_some("page")>{t!(i18n, plenary_everything)}</a>
            {columns.into_iter().map(|(id, title)| {
                let href = format!("/plenary?compare={id}");
                view! {
                    <a href=href aria-current=move || (compare.get().as_deref() == Some(id.as_str())).then_some("page")>
                        {move || title.get(lang.get()).to_string()}
                    </a>
                }
            }).collect_view()}
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
        <Suspense fallback=|| ()>
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
        </Suspense>
    }
}
