//! Autosave bookkeeping shared by every cell editor of a page: how many saves
//! are in flight, the edits waiting for the network (kept in the browser's
//! localStorage so a reload does not lose them), and the one indicator that
//! shows it: Saving… / Saved / Offline — N changes queued.
//!
//! Queued edits keep the operation id they were first sent with, so when
//! they are replayed after reconnecting the server recognises any that did
//! arrive and never applies one twice.

use crate::i18n::*;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// An edit not yet acknowledged by the server.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PendingSave {
    pub group: String,
    pub key: String,
    pub base: i64,
    pub text: String,
    pub op: String,
}

#[derive(Clone, Copy)]
pub struct SaveTracker {
    /// Cells with typing not yet sent.
    pub unsaved: RwSignal<i32>,
    pub in_flight: RwSignal<u32>,
    pub queued: RwSignal<Vec<PendingSave>>,
    /// Bumped after a replay, so editors refresh their versions.
    pub replayed: RwSignal<u64>,
    /// Something was edited on this page (the indicator says nothing before).
    pub touched: RwSignal<bool>,
    /// A replay is travelling: one at a time.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    replaying: RwSignal<bool>,
}

#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
const STORAGE_KEY: &str = "plenaria-pending-saves";

impl SaveTracker {
    pub fn provide() -> Self {
        let t = SaveTracker {
            unsaved: RwSignal::new(0),
            in_flight: RwSignal::new(0),
            queued: RwSignal::new(Vec::new()),
            replayed: RwSignal::new(0),
            touched: RwSignal::new(false),
            replaying: RwSignal::new(false),
        };
        provide_context(t);
        #[cfg(feature = "hydrate")]
        t.start();
        t
    }

    pub fn use_tracker() -> Self {
        use_context::<SaveTracker>().unwrap_or_else(SaveTracker::provide)
    }

    /// Keeps an edit for later (replacing an older queued edit of the same
    /// cell, whose op never reached the server).
    pub fn enqueue(&self, save: PendingSave) {
        self.queued.update(|q| {
            if let Some(old) = q.iter_mut().find(|p| p.group == save.group && p.key == save.key) {
                // Keep the older base: the server has not seen anything newer from us.
                let base = old.base;
                *old = PendingSave { base, ..save };
            } else {
                q.push(save);
            }
        });
        self.persist();
    }

    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn persist(&self) {
        #[cfg(feature = "hydrate")]
        self.queued.with_untracked(|q| crate::ui::components::browser_store::keep(STORAGE_KEY, q));
    }

    /// Loads edits left by an earlier visit, and replays the queue whenever
    /// the link comes back (`link_return`).
    #[cfg(feature = "hydrate")]
    fn start(self) {
        // After hydration (an effect runs then): the server's HTML knows
        // nothing of this browser's queue, and hydration must match it.
        Effect::new(move |_| {
            if let Some(saved) = crate::ui::components::browser_store::load::<Vec<PendingSave>>(STORAGE_KEY) {
                self.queued.set(saved);
            }
        });
        crate::ui::components::link_return::when_link_returns(move || {
            if !self.replaying.get_untracked() && !self.queued.with_untracked(|q| q.is_empty()) {
                self.replaying.set(true);
                leptos::task::spawn_local(self.replay());
            }
        });
    }

    /// Sends queued edits in order; stops at the first that cannot get through.
    #[cfg(feature = "hydrate")]
    async fn replay(self) {
        use crate::api::matrix::save_cell;
        use crate::domain::cells::SaveOutcome;
        while let Some(next) = self.queued.get_untracked().first().cloned() {
            let p = next.clone();
            match crate::ui::components::link_return::within(save_cell(p.group, p.key, p.base, p.text, p.op)).await {
                // The network, or the server's own fault: try again later.
                Err(crate::error::AppError::Transport(_) | crate::error::AppError::Internal) => {
                    self.replaying.set(false);
                    return;
                }
                outcome => {
                    // Saved, or a conflict / refusal the editor will show once it
                    // refetches: either way this edit is done travelling.
                    if let Ok(SaveOutcome::Conflict(_)) = outcome {
                        leptos::logging::log!("a queued edit met a newer version: {}", next.key);
                    }
                    self.queued.update(|q| q.retain(|x| x.op != next.op));
                    self.persist();
                }
            }
        }
        self.replaying.set(false);
        self.replayed.update(|n| *n += 1);
    }
}

/// A new operation id for an edit: random, unguessable enough for ids.
pub fn new_op_id() -> String {
    #[cfg(feature = "hydrate")]
    {
        let a = (js_sys::Math::random() * 1e15) as u64;
        let b = js_sys::Date::now() as u64;
        format!("op-{b:x}-{a:x}")
    }
    // Rendered into plain forms (no JavaScript): unique per page, so a form
    // posted twice (a reload that resends it) is stored once.
    #[cfg(all(not(feature = "hydrate"), feature = "ssr"))]
    {
        format!("op-{}", crate::secrets::random_token(18))
    }
    #[cfg(not(any(feature = "hydrate", feature = "ssr")))]
    {
        "op-unrendered".to_string()
    }
}

/// The always-visible indicator.
#[component]
pub fn SaveStatus() -> impl IntoView {
    let i18n = use_i18n();
    let t = SaveTracker::use_tracker();
    // Before the first edit there is nothing to report: no "Saved" for
    // nothing (edits left queued by an earlier visit do count).
    let quiet = move || !t.touched.get() && t.queued.with(|q| q.is_empty());
    let state = move || {
        let queued = t.queued.with(|q| q.len());
        if queued > 0 {
            ("save-offline", format!("{} — {queued} {}", t_string!(i18n, save_offline), t_string!(i18n, save_queued)))
        } else if t.in_flight.get() > 0 || t.unsaved.get() > 0 {
            ("save-busy", t_string!(i18n, save_saving).to_string())
        } else {
            ("save-done", t_string!(i18n, save_saved).to_string())
        }
    };
    view! {
        <p class=move || format!("save-status {}", state().0) role="status" aria-live="polite" hidden=quiet>
            {move || state().1}
        </p>
    }
}
