//! EventSource with our own reconnection: exponential backoff from 1 s to
//! 30 s, "offline" while the browser says so.

use super::{Live, LinkStatus, EVENTS_URL};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{EventSource, MessageEvent};

struct Link {
    source: Option<EventSource>,
    failures: u32,
    retry: Option<Timeout>,
    _handlers: Vec<Closure<dyn FnMut(web_sys::Event)>>,
}

thread_local! {
    /// The page's one connection, so that it can be restarted.
    static CURRENT: RefCell<Option<Rc<RefCell<Link>>>> = const { RefCell::new(None) };
}

pub fn start(live: Live) {
    let link = Rc::new(RefCell::new(Link { source: None, failures: 0, retry: None, _handlers: Vec::new() }));
    CURRENT.with(|c| *c.borrow_mut() = Some(link.clone()));
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

fn connect(live: Live, link: Rc<RefCell<Link>>) {
    let Ok(source) = EventSource::new(EVENTS_URL) else {
        live.status.set(LinkStatus::Offline);
        return;
    };
    let mut handlers: Vec<Closure<dyn FnMut(web_sys::Event)>> = Vec::new();
    let on = |name: &str, handler: Closure<dyn FnMut(web_sys::Event)>, handlers: &mut Vec<_>| {
        let _ = source.add_event_listener_with_callback(name, handler.as_ref().unchecked_ref());
        handlers.push(handler);
    };
    let data = |e: &web_sys::Event| e.dyn_ref::<MessageEvent>().and_then(|m| m.data().as_string()).unwrap_or_default();
    {
        let link = link.clone();
        on("open", Closure::new(move |_| {
            link.borrow_mut().failures = 0;
            live.status.set(LinkStatus::Live);
        }), &mut handlers);
    }
    on("hello", Closure::new(move |e: web_sys::Event| live.hello(&data(&e))), &mut handlers);
    on("change", Closure::new(move |e: web_sys::Event| live.change(&data(&e))), &mut handlers);
    on("resync", Closure::new(move |_| live.resync()), &mut handlers);
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
        1000u32.saturating_mul(1 << (l.failures - 1).min(5)).min(30_000)
    };
    let online = window().navigator().on_line();
    live.status.set(if online { LinkStatus::Reconnecting } else { LinkStatus::Offline });
    let again = link.clone();
    let timer = Timeout::new(delay, move || connect(live, again));
    link.borrow_mut().retry = Some(timer);
}
