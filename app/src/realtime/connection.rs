//! EventSource with our own reconnection. Honest about the link:
//! - a watchdog: no byte (event or `ping`) for two keep-alive intervals
//!   means the link is dead even if the socket never closed (venue Wi-Fi
//!   that stalls): close it and reconnect;
//! - reconnect at once when the browser comes back `online` or the page
//!   becomes visible again with a link that is not live;
//! - back-off from 1 s, capped at 4 s while the page is visible (somebody is
//!   looking at it) and at 30 s while hidden;
//! - "offline" only when the device itself says it has no network.
//!
//! Every (re)connection carries what the page watches and where it resumes
//! (`Live::url`).

use super::{LinkStatus, Live};
use crate::realtime::KEEPALIVE_SECONDS;
use gloo_timers::callback::{Interval, Timeout};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{EventSource, MessageEvent};

struct Link {
    source: Option<EventSource>,
    /// A reopening for a new screen's topics is on its way.
    widening: bool,
    failures: u32,
    retry: Option<Timeout>,
    /// When the current connection last delivered anything (ms since epoch).
    last_byte: f64,
    _handlers: Vec<Closure<dyn FnMut(web_sys::Event)>>,
}

thread_local! {
    /// The page's one connection, so that it can be restarted.
    static CURRENT: RefCell<Option<Rc<RefCell<Link>>>> = const { RefCell::new(None) };
    /// The watchdog and the window listeners live as long as the page.
    static KEEP: RefCell<Vec<Box<dyn std::any::Any>>> = const { RefCell::new(Vec::new()) };
}

const STALE_AFTER_MS: f64 = 2.0 * KEEPALIVE_SECONDS as f64 * 1000.0;

fn now() -> f64 {
    js_sys::Date::now()
}

fn page_visible() -> bool {
    document().visibility_state() == web_sys::VisibilityState::Visible
}

pub fn start(live: Live) {
    let link =
        Rc::new(RefCell::new(Link { source: None, widening: false, failures: 0, retry: None, last_byte: now(), _handlers: Vec::new() }));
    CURRENT.with(|c| *c.borrow_mut() = Some(link.clone()));
    watch_the_link(live);
    connect(live, link);
}

/// Closes the connection and opens a new one at once.
pub fn restart(live: Live) {
    let Some(link) = CURRENT.with(|c| c.borrow().clone()) else { return start(live) };
    {
        let mut l = link.borrow_mut();
        if let Some(s) = l.source.take() {
            s.close();
        }
        l.retry = None;
        l.failures = 0;
    }
    live.status.set(LinkStatus::Reconnecting);
    connect(live, link);
}

/// A screen added a topic after the connection opened: reopen it (once for
/// all the topics a navigation adds), resuming where it was.
pub fn widen(live: Live) {
    let Some(link) = CURRENT.with(|c| c.borrow().clone()) else { return };
    if link.borrow().widening {
        return;
    }
    link.borrow_mut().widening = true;
    let again = link.clone();
    Timeout::new(0, move || {
        let mut l = again.borrow_mut();
        l.widening = false;
        if let Some(s) = l.source.take() {
            s.close();
        }
        l.retry = None;
        drop(l);
        connect(live, again.clone());
    })
    .forget();
}

/// The watchdog, and reconnecting when the device or the page comes back.
fn watch_the_link(live: Live) {
    let watchdog = Interval::new(1000, move || {
        let Some(link) = CURRENT.with(|c| c.borrow().clone()) else { return };
        let stale = {
            let l = link.borrow();
            l.source.is_some() && now() - l.last_byte > STALE_AFTER_MS
        };
        if stale {
            reconnect_later(live, link);
        }
    });
    let come_back = move || {
        let live_now = live.status.get_untracked() == LinkStatus::Live;
        let fresh = CURRENT.with(|c| c.borrow().as_ref().is_some_and(|l| now() - l.borrow().last_byte <= STALE_AFTER_MS));
        if !(live_now && fresh) {
            restart(live);
        }
    };
    let on_online = Closure::<dyn FnMut()>::new(come_back);
    let on_offline = Closure::<dyn FnMut()>::new(move || live.status.set(LinkStatus::Offline));
    let on_visible = Closure::<dyn FnMut()>::new(move || {
        if page_visible() {
            come_back();
        }
    });
    let w = window();
    let _ = w.add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
    let _ = w.add_event_listener_with_callback("offline", on_offline.as_ref().unchecked_ref());
    let _ = document().add_event_listener_with_callback("visibilitychange", on_visible.as_ref().unchecked_ref());
    KEEP.with(|k| {
        let mut k = k.borrow_mut();
        k.push(Box::new(watchdog));
        k.push(Box::new(on_online));
        k.push(Box::new(on_offline));
        k.push(Box::new(on_visible));
    });
}

fn connect(live: Live, link: Rc<RefCell<Link>>) {
    link.borrow_mut().last_byte = now();
    let Ok(source) = EventSource::new(&live.url()) else {
        live.status.set(LinkStatus::Offline);
        return;
    };
    let mut handlers: Vec<Closure<dyn FnMut(web_sys::Event)>> = Vec::new();
    let on = |name: &str, handler: Closure<dyn FnMut(web_sys::Event)>, handlers: &mut Vec<_>| {
        let _ = source.add_event_listener_with_callback(name, handler.as_ref().unchecked_ref());
        handlers.push(handler);
    };
    let data = |e: &web_sys::Event| e.dyn_ref::<MessageEvent>().and_then(|m| m.data().as_string()).unwrap_or_default();
    // Anything heard feeds the watchdog.
    let heard = {
        let link = link.clone();
        move || link.borrow_mut().last_byte = now()
    };
    {
        let (link, heard) = (link.clone(), heard.clone());
        on(
            "open",
            Closure::new(move |_| {
                heard();
                link.borrow_mut().failures = 0;
                live.status.set(LinkStatus::Live);
            }),
            &mut handlers,
        );
    }
    let h = heard.clone();
    on(
        "hello",
        Closure::new(move |e: web_sys::Event| {
            h();
            live.hello(&data(&e))
        }),
        &mut handlers,
    );
    let h = heard.clone();
    on(
        "change",
        Closure::new(move |e: web_sys::Event| {
            h();
            live.change(&data(&e))
        }),
        &mut handlers,
    );
    let h = heard.clone();
    on(
        "resync",
        Closure::new(move |_| {
            h();
            live.resync()
        }),
        &mut handlers,
    );
    on(
        "ping",
        Closure::new(move |e: web_sys::Event| {
            heard();
            live.ping(&data(&e))
        }),
        &mut handlers,
    );
    {
        let link2 = link.clone();
        on("error", Closure::new(move |_| reconnect_later(live, link2.clone())), &mut handlers);
    }
    let mut l = link.borrow_mut();
    l.source = Some(source);
    l._handlers = handlers;
}

fn reconnect_later(live: Live, link: Rc<RefCell<Link>>) {
    let delay = {
        let mut l = link.borrow_mut();
        if let Some(s) = l.source.take() {
            s.close();
        }
        l.failures += 1;
        let cap = if page_visible() { 4_000 } else { 30_000 };
        1000u32.saturating_mul(1 << (l.failures - 1).min(5)).min(cap)
    };
    let online = window().navigator().on_line();
    live.status.set(if online { LinkStatus::Reconnecting } else { LinkStatus::Offline });
    let again = link.clone();
    let timer = Timeout::new(delay, move || connect(live, again));
    link.borrow_mut().retry = Some(timer);
}
