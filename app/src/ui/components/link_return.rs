//! When to try again: every outbox (matrix edits, answers) is flushed when
//! the realtime link turns live, when the browser says it is back online,
//! and every few seconds while it holds anything — so a queue empties when
//! the network returns whatever the indicator showed (a stalled stream may
//! still look live; a phone may never fire `online`).

#[cfg(feature = "hydrate")]
pub fn when_link_returns(flush: impl Fn() + Clone + 'static) {
    use crate::realtime::client::{use_live, LinkStatus};
    use leptos::prelude::*;
    use wasm_bindgen::{closure::Closure, JsCast};

    let live = use_live();
    let on_live = flush.clone();
    Effect::new(move |_| {
        if live.status.get() == LinkStatus::Live {
            on_live();
        }
    });
    let on_online = flush.clone();
    let online = Closure::<dyn FnMut()>::new(on_online);
    let _ = window().add_event_listener_with_callback("online", online.as_ref().unchecked_ref());
    // Cheap when there is nothing to send: each flush returns at once.
    let tick = gloo_timers::callback::Interval::new(3_000, flush);
    // Both live as long as the page.
    online.forget();
    tick.forget();
}

/// How long a write may travel before it counts as lost: on a stalled link
/// a request can hang forever, and an outbox waiting on it would never send
/// the rest. A write that did arrive late is recognised by its operation id.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
const SEND_TIMEOUT_MS: u32 = 10_000;

/// Runs a server call, answering `Transport` if it takes longer than
/// `SEND_TIMEOUT_MS` (in the browser; on the server it just runs).
pub async fn within<T>(call: impl std::future::Future<Output = Result<T, crate::error::AppError>>) -> Result<T, crate::error::AppError> {
    #[cfg(feature = "hydrate")]
    {
        use futures::future::{select, Either};
        let call = std::pin::pin!(call);
        match select(call, gloo_timers::future::TimeoutFuture::new(SEND_TIMEOUT_MS)).await {
            Either::Left((result, _)) => result,
            Either::Right(_) => Err(crate::error::AppError::Transport("timed out".into())),
        }
    }
    #[cfg(not(feature = "hydrate"))]
    call.await
}
