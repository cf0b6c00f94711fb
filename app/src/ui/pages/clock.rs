//! The clock for the projector (and anyone who opens /clock): the current
//! segment's countdown in digits readable from the back of the room, the
//! block's remaining time, and the block's segments with the current one marked.

use crate::domain::clock::{format_countdown, Status};
use crate::domain::session::{format_duration, SegmentKind};
use crate::i18n::*;
use crate::ui::components::clock::{remaining, segment_name, status_text, urgency_class, use_clock_feed};
use crate::ui::components::text::use_lang;
use leptos::prelude::*;
use crate::ui::components::page_title::PageTitle;

#[component]
pub fn ClockPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let feed = use_clock_feed();
    view! {
        <PageTitle text=move || t_string!(i18n, clock_heading).to_string()/>
        <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                let Ok(t) = feed.data.await else {
                    return view! { <p class="notice notice-error" role="alert">{t!(i18n, error_body)}</p> }.into_any();
                };
                let v = t.view.clone();
                // Plain closures, not signals: made inside a Suspend, they must stay valid
                // for as long as the ticking clock calls them.
                let seg = { let t = t.clone(); move || remaining(&t, feed.now.get()).0 };
                let block = { let t = t.clone(); move || remaining(&t, feed.now.get()).1 };
                let seg2 = seg.clone();
                let is_break = v.status == Status::Break;
                view! {
                    <section class="big-clock" class:big-clock-break=is_break aria-labelledby="clock-title">
                        <p class="big-clock-block" id="clock-title">{v.block_title.get(lang.get()).to_string()}</p>
                        <p class="big-clock-segment">{segment_name(i18n, lang.get(), &v)} " · " {status_text(i18n, v.status)}</p>
                        <p class=move || format!("big-clock-time {}", urgency_class(seg()))
                            aria-label=move || t_string!(i18n, time_left_segment)>
                            {move || format_countdown(seg2())}
                        </p>
                        <p class="big-clock-total">
                            {t!(i18n, block_left)} " "
                            <span aria-label=move || t_string!(i18n, time_left_block)>{move || format_countdown(block())}</span>
                        </p>
                        <ol class="big-clock-segments">
                            {v.segments.iter().enumerate().map(|(i, s)| {
                                let label = s.label.as_ref().map(|l| l.get(lang.get()).to_string()).unwrap_or_else(|| match s.kind {
                                    SegmentKind::Break => t_string!(i18n, break_word).to_string(),
                                    SegmentKind::Work => format!("{} {}", t_string!(i18n, session_word), s.session.unwrap_or(0)),
                                });
                                let minutes = (s.allotted_ms / 60_000) as u32;
                                view! {
                                    <li class:current=i == v.segment class:done=i < v.segment || v.status == Status::Ended>
                                        {label} " · " {format_duration(minutes)}
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    </section>
                }.into_any()
            })}
        </Transition>
    }
}
