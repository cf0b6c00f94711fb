//! The projector's stage: a full-screen 16:9 slide sized by the screen
//! (style/main.css `.stage`), read from the back of the room. Its parts:
//! the join code in a corner, the join slide, the big clock, a slide of
//! columns, and which page is shown.

use super::clock::{fetch_timed, remaining, segment_name, status_text, urgency_class, use_clock_feed, LinkDot, Timed};
use super::data::Loaded;
use super::deck::{ShownPara, Slide, SlideColumn};
use crate::domain::clock::{format_countdown, Status};
use crate::domain::projector::Paging;
use crate::domain::session::{format_duration, SegmentKind};
use crate::domain::slides::Type;
use crate::i18n::*;
use crate::realtime::client::use_live;
use crate::ui::components::text::use_lang;
use leptos::prelude::*;

/// The page shown of `count`: the chosen one while the page comes alive
/// (server and browser draw the same), then turning with the clock when the
/// committee lets pages turn by themselves.
pub fn use_page(paging: Memo<Paging>, count: Memo<usize>) -> Memo<usize> {
    let feed = use_clock_feed();
    let now = RwSignal::new(None::<i64>);
    Effect::new(move |_| {
        let offset = feed.data.with(|d| d.as_ref().and_then(|r| r.as_ref().ok()).map_or(0, |t| t.offset_ms));
        now.set(Some(feed.now.get() + offset));
    });
    Memo::new(move |_| paging.with(|p| p.current(count.get(), now.get().unwrap_or(p.since))))
}

/// The server's time as this browser knows it (for turning pages).
pub fn server_now() -> i64 {
    let feed = use_clock_feed();
    let offset = feed.data.with_untracked(|d| d.as_ref().and_then(|r| r.as_ref().ok()).map_or(0, |t| t.offset_ms));
    feed.now.get_untracked() + offset
}

/// The code and a small QR code, top right of every slide but the join slide.
#[component]
pub fn JoinCorner(code: Signal<String>, qr: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="stage-join">
            <p>
                <span class="stage-join-label">{t!(i18n, plenary_join)}</span>
                <strong class="plenary-code">{move || code.get()}</strong>
            </p>
            <div class="stage-join-qr" aria-hidden="true" inner_html=move || qr.get()></div>
        </div>
    }
}

/// Full screen, for latecomers: the code as large as a slide allows and a
/// QR code half the screen high.
#[component]
pub fn JoinSlide(code: Signal<String>, url: Signal<String>, qr: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="join-slide" aria-labelledby="join-slide-heading">
            <div class="join-slide-text">
                <h2 id="join-slide-heading">{t!(i18n, join_slide_heading)}</h2>
                <p class="join-slide-code" aria-label=move || format!("{} {}", t_string!(i18n, join_code_label), code.get())>
                    {move || code.get()}
                </p>
                <p class="join-slide-url">{t!(i18n, join_slide_open)} " " <span>{move || url.get()}</span></p>
            </div>
            <div class="join-slide-qr" role="img" aria-label=move || t_string!(i18n, join_slide_qr) inner_html=move || qr.get()></div>
        </section>
    }
}

/// The clock for a screen whose code may come alive after the page's clock
/// feed heard of a change (the stage screens load their code later): drawn
/// from its own first fetch, the same on the server and in the browser, then
/// following the feed once alive. Drawn straight from the feed, a clock that
/// moved while the screen's code loaded made hydration fail.
#[component]
fn WithClock<F, V>(render: F) -> impl IntoView
where
    F: Fn(RwSignal<Timed>) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let feed = use_clock_feed();
    let first = Resource::new(|| (), |_| fetch_timed());
    view! {
        <Loaded
            resource=first
            render=move |t: Timed| {
                let timed = RwSignal::new(t);
                Effect::new(move |_| {
                    if let Some(Ok(t)) = feed.data.get() {
                        timed.set(t);
                    }
                });
                render(timed)
            }
        />
    }
}

/// The session's countdown in the top bar.
#[component]
pub fn StageClock() -> impl IntoView {
    let feed = use_clock_feed();
    let render = move |timed: RwSignal<Timed>| {
        let seg = move || timed.with(|t| remaining(t, feed.now.get()).0);
        view! { <p class=move || format!("stage-clock {}", urgency_class(seg()))>{move || format_countdown(seg())}</p> }
    };
    view! { <WithClock render /> }
}

/// The clock as a slide (the projector's clock view and /clock): the block,
/// the segment and its status, the countdown in digits a fifth of the screen
/// high, the block's time left, and its segments with the current one marked.
#[component]
pub fn ClockFace() -> impl IntoView {
    let render = |timed: RwSignal<Timed>| move || view! { <BigClock timed=timed.get() live=timed /> };
    view! { <WithClock render /> }
}

/// Drawn again when the clock's view changes (a command, another block);
/// the countdowns tick in place.
#[component]
fn BigClock(timed: Timed, live: RwSignal<Timed>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let feed = use_clock_feed();
    let v = timed.view;
    let seg = move || live.with(|t| remaining(t, feed.now.get()).0);
    let block = move || live.with(|t| remaining(t, feed.now.get()).1);
    let is_break = v.status == Status::Break;
    view! {
        <section class="big-clock" class:big-clock-break=is_break aria-labelledby="clock-title">
            <p class="big-clock-block" id="clock-title">
                {v.block_title.get(lang.get()).to_string()}
            </p>
            <p class="big-clock-segment">{segment_name(i18n, lang.get(), &v)} " · " {status_text(i18n, v.status)}</p>
            <p class=move || format!("big-clock-time {}", urgency_class(seg())) aria-label=move || t_string!(i18n, time_left_segment)>
                {move || format_countdown(seg())}
            </p>
            <p class="big-clock-total">
                {t!(i18n, block_left)} " "
                <span aria-label=move || t_string!(i18n, time_left_block)>{move || format_countdown(block())}</span>
            </p>
            <ol class="big-clock-segments">
                {v
                    .segments
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let label = s
                            .label
                            .as_ref()
                            .map(|l| l.get(lang.get()).to_string())
                            .unwrap_or_else(|| match s.kind {
                                SegmentKind::Break => t_string!(i18n, break_word).to_string(),
                                SegmentKind::Work => format!("{} {}", t_string!(i18n, session_word), s.session.unwrap_or(0)),
                            });
                        let minutes = (s.allotted_ms / 60_000) as u32;
                        view! {
                            <li class:current=i == v.segment class:done=i < v.segment || v.status == Status::Ended>
                                {label}
                                " · "
                                {format_duration(minutes)}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}

/// The foot of every slide: which page of how many, and the link's state.
#[component]
pub fn StageFoot(page: Memo<usize>, count: Memo<usize>, #[prop(optional, into)] frozen: Option<Signal<bool>>) -> impl IntoView {
    let i18n = use_i18n();
    let live = use_live();
    let frozen = frozen.unwrap_or_else(|| Signal::derive(|| false));
    view! {
        <footer class="stage-foot">
            <p class="stage-page">
                {move || {
                    (count.get() > 1)
                        .then(|| format!("{} {} {} {}", t_string!(i18n, page_word), page.get() + 1, t_string!(i18n, of_word), count.get()))
                }}
            </p>
            {move || frozen.get().then(|| view! { <span class="badge badge-frozen">{t!(i18n, projector_frozen_badge)}</span> })}
            <LinkDot status=live.status />
        </footer>
    }
}

/// A slide of columns: a lead the whole slide answers, then each column.
/// Columns are keyed by what they show: one group's change redraws one.
#[component]
pub fn SlideBody(slide: Memo<Slide>) -> impl IntoView {
    let lead = Memo::new(move |_| slide.with(|s| s.lead.clone()));
    let columns = Memo::new(move |_| slide.with(|s| s.columns.clone()));
    let style = move || format!("--slide-columns: {}", slide.with(|s| s.grid));
    view! {
        {move || lead.get().map(|l| view! { <p class="slide-lead">{l}</p> })}
        <div class="slide-grid" style=style>
            <For
                each=move || columns.get().into_iter().enumerate()
                key=|(i, c)| format!("{i}{c:?}")
                children=move |(_, c)| view! { <Column column=c /> }
            />
        </div>
    }
}

#[component]
fn Column(column: SlideColumn) -> impl IntoView {
    let i18n = use_i18n();
    let items = column
        .items
        .into_iter()
        .map(|item| {
            view! {
                <li class="slide-item" class:slide-common=item.highlight class:slide-continued=item.continued>
                    {item.paras.into_iter().map(para).collect_view()}
                </li>
            }
        })
        .collect_view();
    let body = view! { <ol class="slide-items">{items}</ol> };
    let Some(head) = column.head else { return view! { <div class="slide-col">{body}</div> }.into_any() };
    let heading_id = format!("plenary-{}", head.id);
    let href = format!("/plenary?focus={}", head.id);
    view! {
        <article class="slide-col plenary-col" class:plenary-delivered=head.delivered aria-labelledby=heading_id.clone()>
            <header class="slide-col-head">
                <h2 id=heading_id.clone()>
                    <a href=href>
                        <span class="visually-hidden">{head.label}</span>
                        <span aria-hidden="true">{head.name}</span>
                    </a>
                </h2>
                <p class="slide-col-status">
                    {if head.delivered { t!(i18n, delivered_badge).into_any() } else { t!(i18n, not_delivered_badge).into_any() }}
                </p>
            </header>
            {body}
        </article>
    }
    .into_any()
}

fn para(p: ShownPara) -> impl IntoView {
    let class = match p.ty {
        Type::Content => "slide-content",
        Type::Strong => "slide-strong",
        Type::Label => "slide-label",
    };
    let label = (!p.label.is_empty()).then(|| view! { <strong>{p.label} ": "</strong> });
    view! { <p class=class>{label}{p.text}</p> }
}
