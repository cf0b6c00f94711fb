//! Whether this page has finished hydrating.
//!
//! Every screen is a lazy route (see `routes`), so the frame (header, language
//! switch) hydrates before the screen's own chunk has arrived. A control in the
//! frame that changes what the screen shows must not act client-side in that
//! gap — the screen would then hydrate against the old HTML and keep showing
//! it — so until hydration is complete it lets the browser do its plain form
//! post, exactly as without JavaScript.

use std::cell::Cell;

thread_local! {
    static COMPLETE: Cell<bool> = const { Cell::new(false) };
}

/// True once the whole page, screen included, is hydrated.
pub fn is_complete() -> bool {
    COMPLETE.with(Cell::get)
}

/// Called once by the browser entry point after hydration. Also marks the
/// body, so tests (and curious people) can tell a live page from static HTML.
pub fn mark_complete() {
    COMPLETE.with(|c| c.set(true));
    if let Some(body) = leptos::prelude::document().body() {
        let _ = body.set_attribute("data-hydrated", "true");
    }
    #[cfg(feature = "hydrate")]
    crate::realtime::client::page_hydrated();
}
