//! The plenary projector (committee): a full-screen stage read from the back
//! of the room, showing what the committee chose on its remote
//! (`/plenary/control`): every group side by side, one group presenting, one
//! column compared, the common areas, the clock or the join slide; paged
//! when it does not fit, turned from the remote, from a clicker plugged into
//! this computer (arrow and page keys), or by itself. The join code and a
//! small QR code stay in a corner for latecomers.

use crate::api::matrix::{get_matrix_reference, MatrixReference};
use crate::api::plenary::{plenary, PlenaryView};
use crate::api::projector::page_projector;
use crate::domain::change::{CLOCK, PROJECTOR};
use crate::domain::projector::Show;
use crate::error::AppError;
use crate::i18n::*;
use crate::realtime::client::use_live;
use crate::ui::components::data::{refresh_on, Loaded};
use crate::ui::components::deck::deck;
use crate::ui::components::page_title::PageTitle;
use crate::ui::components::stage::{server_now, use_page, ClockFace, JoinCorner, JoinSlide, SlideBody, StageClock, StageFoot};
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
        <div class="stage-backdrop">
            <Loaded resource=first render=move |(v, r): (PlenaryView, MatrixReference)| view! { <Plenary first=v reference=r local /> } />
        </div>
    }
}

/// A live screen: the frame (top bar, corner, foot) is drawn once; the
/// slide's columns are keyed by what they show, so a group's typing redraws
/// its own column only.
#[component]
fn Plenary(first: PlenaryView, reference: MatrixReference, local: Memo<Option<Show>>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = crate::ui::components::text::use_lang();
    let data = RwSignal::new(first);
    let live = use_live();
    let (matrix, delivery, clock, projector) =
        (live.watch_suffix(":matrix"), live.watch_suffix(":delivery"), live.watch(CLOCK), live.watch(PROJECTOR));
    refresh_on(move || (matrix(), delivery(), clock(), projector()), plenary, move |v| data.set(v));

    let show = Memo::new(move |_| local.get().unwrap_or_else(|| data.with(|d| d.projector.show.clone())));
    let slides = Memo::new(move |_| {
        let lang = lang.get();
        data.with(|d| deck(i18n, lang, d, &reference, &show.get()))
    });
    let count = Memo::new(move |_| slides.with(Vec::len));
    let paging = Memo::new(move |_| data.with(|d| d.projector.paging.clone()));
    let page = use_page(paging, count);
    let slide = Memo::new(move |_| slides.with(|s| s[page.get().min(s.len() - 1)].clone()));
    turn_pages_with_keys(paging, count);

    let kind = Memo::new(move |_| match show.get() {
        Show::Clock => 1,
        Show::Join => 2,
        _ => 0,
    });
    let code = Signal::derive(move || data.with(|d| d.join_code.clone()));
    let url = Signal::derive(move || data.with(|d| d.join.url.clone()));
    let qr = Signal::derive(move || data.with(|d| d.join.qr_svg.clone()));
    let frozen = Signal::derive(move || data.with(|d| d.projector.frozen_at.is_some()));
    let session = Memo::new(move |_| data.with(|d| d.work.session.clone()));
    let title = move || slide.with(|s| s.title.clone());
    // Redrawn only when what kind of slide it is changes: each column of a
    // slide of columns follows its own part of the data (`SlideBody`).
    let no_groups = Memo::new(move |_| data.with(|d| d.work.groups.is_empty()));
    let body = move || match (kind.get(), no_groups.get()) {
        (1, _) => view! { <ClockFace /> }.into_any(),
        (2, _) => view! { <JoinSlide code url qr /> }.into_any(),
        (_, true) => view! { <p class="slide-lead">{t!(i18n, plenary_no_groups)}</p> }.into_any(),
        _ => view! { <SlideBody slide /> }.into_any(),
    };
    view! {
        <PageTitle text=move || t_string!(i18n, plenary_heading).to_string() />
        <div class="stage" data-page=move || page.get() + 1 data-pages=move || count.get()>
            <header class="stage-top plenary-head">
                <div class="stage-titles">
                    <p class="stage-eyebrow">
                        {move || {
                            session
                                .get()
                                .map(|s| {
                                    view! {
                                        {t!(i18n, session_word)}
                                        " "
                                        {s.number}
                                        " · "
                                        <Tx text=s.title />
                                    }
                                })
                        }}
                    </p>
                    <h1 class="stage-title">{title}</h1>
                </div>
                {move || (kind.get() != 1).then(|| view! { <StageClock /> })}
                {move || (kind.get() != 2).then(|| view! { <JoinCorner code qr /> })}
            </header>
            <div class="stage-body">{body}</div>
            <StageFoot page count frozen />
        </div>
    }
}

/// A presentation clicker (or the keyboard) on the projector's computer turns
/// the pages for every screen, as the remote does.
fn turn_pages_with_keys(paging: Memo<crate::domain::projector::Paging>, count: Memo<usize>) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let step = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" | " " => 1,
            "ArrowLeft" | "ArrowUp" | "PageUp" => -1,
            _ => return,
        };
        ev.prevent_default();
        let p = paging.get_untracked();
        let to = p.step(count.get_untracked(), server_now(), step);
        leptos::task::spawn_local(async move {
            // Refused (not the committee): the page stays; nothing to lose.
            let _ = page_projector(to, p.every_secs).await;
        });
    });
    on_cleanup(move || handle.remove());
}
