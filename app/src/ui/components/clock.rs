//! The meeting clock on every screen. One feed per page: the server's view
//! (refetched when the realtime channel announces a clock change) plus a
//! local tick every 250 ms. Countdowns are computed from the server's
//! deadlines and this browser's offset to the server clock, so all screens
//! agree whatever their own clock says.

use crate::api::clock::get_clock;
use crate::domain::clock::{format_countdown, urgency, Millis, Status, Urgency};
use crate::domain::clock_view::ClockView;
use crate::domain::session::SegmentKind;
use crate::error::AppError;
use crate::i18n::*;
use crate::realtime::client::{use_live, LinkStatus};
use crate::ui::components::text::use_lang;
use leptos::prelude::*;

/// A clock view and this browser's offset to the server's clock.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Timed {
    pub view: ClockView,
    pub offset_ms: Millis,
}

#[derive(Clone, Copy)]
pub struct ClockFeed {
    pub data: Resource<Result<Timed, AppError>>,
    /// This browser's time, ticking.
    pub now: RwSignal<Millis>,
}

/// Local time in unix ms (the server's clock while rendering on the server).
pub fn local_now() -> Millis {
    #[cfg(feature = "hydrate")]
    {
        js_sys::Date::now() as Millis
    }
    #[cfg(not(feature = "hydrate"))]
    {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as Millis).unwrap_or(0)
    }
}

/// The clock's view and this browser's offset to the server's clock.
pub async fn fetch_timed() -> Result<Timed, AppError> {
    let sent = local_now();
    let view = get_clock().await?;
    let received = local_now();
    // The server's "now" was taken about halfway through the round trip.
    let offset_ms = view.server_now - (sent + received) / 2;
    Ok(Timed { view, offset_ms })
}

pub fn provide_clock_feed() -> ClockFeed {
    let live = use_live();
    let watch = live.watch(crate::domain::change::CLOCK);
    let data = Resource::new(watch, |_| fetch_timed());
    let now = RwSignal::new(local_now());
    #[cfg(feature = "hydrate")]
    {
        let tick = gloo_timers::callback::Interval::new(250, move || now.set(local_now()));
        // The page lives as long as the app: keep ticking.
        tick.forget();
    }
    let feed = ClockFeed { data, now };
    provide_context(feed);
    feed
}

pub fn use_clock_feed() -> ClockFeed {
    use_context::<ClockFeed>().unwrap_or_else(provide_clock_feed)
}

/// Remaining (segment, block) for a view at the ticking local time.
pub fn remaining(t: &Timed, now: Millis) -> (Millis, Millis) {
    t.view.remaining_at(now + t.offset_ms)
}

pub fn urgency_class(ms: Millis) -> &'static str {
    match urgency(ms) {
        Urgency::Calm => "calm",
        Urgency::Soon => "soon",
        Urgency::Closing => "closing",
        Urgency::Overtime => "overtime",
    }
}

/// The name of the current segment: its label, or "Sesión N" / "Pausa".
pub fn segment_name(i18n: I18nContext, lang: &'static str, v: &ClockView) -> String {
    match v.current() {
        Some(s) => match (&s.label, s.kind, s.session) {
            (Some(l), _, _) => l.get(lang).to_string(),
            (None, SegmentKind::Break, _) => t_string!(i18n, break_word).to_string(),
            (None, _, Some(n)) => format!("{} {n}", t_string!(i18n, session_word)),
            _ => String::new(),
        },
        None => String::new(),
    }
}

pub fn status_text(i18n: I18nContext, status: Status) -> &'static str {
    match status {
        Status::NotStarted => t_string!(i18n, clock_not_started),
        Status::Running => t_string!(i18n, clock_running),
        Status::Paused => t_string!(i18n, clock_paused),
        Status::Break => t_string!(i18n, clock_break),
        Status::Ended => t_string!(i18n, clock_ended),
    }
}

/// The slim clock under the header of every page.
#[component]
pub fn ClockStrip() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let feed = use_clock_feed();
    let live = use_live();
    view! {
        <div class="clock-strip" role="timer" aria-live="off">
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let Ok(t) = feed.data.await else { return ().into_any() };
                    let status = t.view.status;
                    let name = segment_name(i18n, lang.get(), &t.view);
                    let title = t.view.block_title.get(lang.get()).to_string();
                    let seg = {
                        let t = t.clone();
                        move || remaining(&t, feed.now.get()).0
                    };
                    let block = {
                        let t = t.clone();
                        move || remaining(&t, feed.now.get()).1
                    };
                    let seg2 = seg.clone();
                    // Plain closures, not signals: made inside a Suspend, they must stay valid
                    // for as long as the ticking clock calls them.
                    view! {
                        <a class="clock-strip-inner" href="/clock">
                            <span class="clock-where">{title} " · " {name}</span>
                            <span class="clock-status">{status_text(i18n, status)}</span>
                            <span class=move || format!("clock-time {}", urgency_class(seg()))>{move || format_countdown(seg2())}</span>
                            <span class="clock-total">{t!(i18n, block_left)} " " {move || format_countdown(block())}</span>
                        </a>
                    }
                        .into_any()
                })}
            </Transition>
            <LinkDot status=live.status />
        </div>
    }
}

/// Live / reconnecting / offline, for every screen.
#[component]
pub fn LinkDot(status: RwSignal<LinkStatus>) -> impl IntoView {
    let i18n = use_i18n();
    // Hydration keeps the server's text ("connecting"): a link that came up
    // before this widget came alive (a screen whose code loads later, such
    // as the projector's) must reach it as a change afterwards.
    let status = {
        let shown = RwSignal::new(LinkStatus::Connecting);
        Effect::new(move |_| shown.set(status.get()));
        shown
    };
    let label = move || match status.get() {
        LinkStatus::Connecting => t_string!(i18n, link_connecting),
        LinkStatus::Live => t_string!(i18n, link_live),
        LinkStatus::Reconnecting => t_string!(i18n, link_reconnecting),
        LinkStatus::Offline => t_string!(i18n, link_offline),
    };
    let class = move || {
        let s = match status.get() {
            LinkStatus::Connecting => "connecting",
            LinkStatus::Live => "live",
            LinkStatus::Reconnecting => "reconnecting",
            LinkStatus::Offline => "offline",
        };
        format!("link-dot link-{s}")
    };
    view! {
        <span class=class role="status">
            {label}
        </span>
    }
}
