//! One autosaving cell: a text area (choice fields are in `choice_cell`). Saves 700 ms after typing stops, one save at a time per cell,
//! each based on the version last confirmed. A stale save comes back as a
//! conflict showing the other text, and the person chooses; nothing is
//! overwritten silently. Without a network the edit is queued (see
//! `save_status`). Changes from others arrive through `server` and replace
//! the text only while this browser has nothing unsaved in the cell.

use crate::domain::cells::Cell;
use crate::i18n::*;
use crate::ui::components::cell_history::CellHistory;
use crate::ui::components::save_status::{new_op_id, PendingSave, SaveTracker};
use leptos::prelude::*;

/// What one editor keeps between keystrokes.
#[derive(Clone, Copy)]
pub struct CellState {
    pub text: RwSignal<String>,
    pub base: RwSignal<i64>,
    pub dirty: RwSignal<bool>,
    pub saving: RwSignal<bool>,
    /// Typed again while a save was travelling: save once more after it.
    pub again: RwSignal<bool>,
    pub conflict: RwSignal<Option<Cell>>,
    pub error: RwSignal<Option<crate::error::AppError>>,
    /// The text box, for cells that have one (its value is set, not bound).
    input: NodeRef<leptos::html::Textarea>,
    tracker: SaveTracker,
}

impl CellState {
    pub(crate) fn new(server: &Cell) -> Self {
        CellState {
            text: RwSignal::new(server.text.clone()),
            base: RwSignal::new(server.version),
            dirty: RwSignal::new(false),
            saving: RwSignal::new(false),
            again: RwSignal::new(false),
            conflict: RwSignal::new(None),
            error: RwSignal::new(None),
            input: NodeRef::new(),
            tracker: SaveTracker::use_tracker(),
        }
    }

    /// Marks the cell as having (or not) typing the server has not seen,
    /// keeping the page's count for the save indicator.
    pub fn set_dirty(self, dirty: bool) {
        if dirty {
            self.tracker.touched.set(true);
        }
        if self.dirty.get_untracked() != dirty {
            self.dirty.set(dirty);
            self.tracker.unsaved.update(|n| *n += if dirty { 1 } else { -1 });
        }
    }

    /// Follows the server while nothing local is pending. A text box is not
    /// bound to `text` (a refetch must never rewrite what is being typed):
    /// its value is set here, and only when this very cell changed elsewhere.
    pub(crate) fn follow(self, server: Signal<Cell>) {
        Effect::new(move |_| {
            let cell = server.get();
            if cell.version > self.base.get_untracked() && !self.dirty.get_untracked() && !self.saving.get_untracked() {
                self.show(&cell.text);
                self.base.set(cell.version);
            }
        });
    }

    /// Replaces the text, in the box too (a remote change, "take theirs").
    fn show(self, text: &str) {
        if let Some(t) = self.input.get_untracked() {
            t.set_value(text);
        }
        self.text.set(text.to_string());
    }

    /// Sends the current text (hydrated pages only).
    pub fn save(self, group: String, key: String) {
        if self.saving.get_untracked() {
            self.again.set(true);
            return;
        }
        let tracker = self.tracker;
        let pending = PendingSave {
            group: group.clone(),
            key: key.clone(),
            base: self.base.get_untracked(),
            text: self.text.get_untracked(),
            op: new_op_id(),
        };
        self.saving.set(true);
        tracker.in_flight.update(|n| *n += 1);
        leptos::task::spawn_local(async move {
            use crate::domain::cells::SaveOutcome;
            use crate::error::AppError;
            let p = pending.clone();
            let sent = p.text.clone();
            let call = crate::api::matrix::save_cell(p.group, p.key, p.base, p.text, p.op);
            match crate::ui::components::link_return::within(call).await {
                Ok(SaveOutcome::Saved(cell)) => {
                    self.base.set(cell.version);
                    self.conflict.set(None);
                    self.error.set(None);
                    if self.text.get_untracked().trim() == sent.trim() {
                        self.set_dirty(false);
                    }
                }
                Ok(SaveOutcome::Conflict(theirs)) => self.conflict.set(Some(theirs)),
                Err(AppError::Transport(_)) => {
                    tracker.enqueue(pending);
                    self.set_dirty(false);
                }
                Err(e) => self.error.set(Some(e)),
            }
            tracker.in_flight.update(|n| *n = n.saturating_sub(1));
            self.saving.set(false);
            if self.again.get_untracked() && self.conflict.get_untracked().is_none() {
                self.again.set(false);
                self.save(group, key);
            }
        });
    }
}

/// Saves after a pause in typing.
#[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
fn debounce(state: CellState, group: String, key: String) -> impl Fn() + Clone + 'static {
    #[cfg(feature = "hydrate")]
    let timer = StoredValue::new_local(None::<gloo_timers::callback::Timeout>);
    move || {
        #[cfg(feature = "hydrate")]
        {
            let (g, k) = (group.clone(), key.clone());
            timer.set_value(Some(gloo_timers::callback::Timeout::new(700, move || state.save(g, k))));
        }
    }
}

#[component]
pub fn TextCell(group: String, key: String, label: String, server: Signal<Cell>, editable: bool) -> impl IntoView {
    let state = CellState::new(&server.get_untracked());
    let input = state.input;
    state.follow(server);
    let id = format!("cell-{}", key.replace('/', "-"));
    if !editable {
        return view! {
            <div class="cell cell-readonly">
                <p class="cell-label" id=id.clone()>
                    {label}
                </p>
                <p class="cell-text" aria-labelledby=id>
                    {move || server.get().text}
                </p>
                <CellHistory group key version=Signal::derive(move || server.get().version) />
            </div>
        }
        .into_any();
    }
    let later = debounce(state, group.clone(), key.clone());
    // Typed before the page came alive (the box carries the server's text in
    // the HTML): that typing is an edit like any other, saved once live.
    {
        let later = later.clone();
        Effect::new(move |_| {
            if let Some(t) = input.get() {
                // Browsers turn CRLF into LF and drop a leading newline: not typing.
                let same = |a: &str, b: &str| a.replace("\r\n", "\n").trim() == b.replace("\r\n", "\n").trim();
                if !same(&t.value(), &state.text.get_untracked()) {
                    state.text.set(t.value());
                    state.set_dirty(true);
                    later();
                }
            }
        });
    }
    let (g, k) = (group.clone(), key.clone());
    let initial = crate::ui::components::text::textarea_html(&state.text.get_untracked());
    view! {
        <div class="cell" class:cell-dirty=move || state.dirty.get()>
            <label class="cell-label" for=id.clone()>
                {label}
            </label>
            <textarea
                node_ref=input
                id=id
                class="cell-input"
                rows="3"
                maxlength="2000"
                inner_html=initial
                on:input=move |ev| {
                    state.text.set(event_target_value(&ev));
                    state.set_dirty(true);
                    later();
                }
                on:blur=move |_| {
                    if state.dirty.get_untracked() {
                        state.save(g.clone(), k.clone())
                    }
                }
            ></textarea>
            <CellProblems state group=group.clone() key=key.clone() />
            <CellHistory group key version=state.base.into() />
        </div>
    }
    .into_any()
}

/// A conflict (both texts, and the choice) or an error under a cell.
#[component]
pub fn CellProblems(state: CellState, group: String, key: String) -> impl IntoView {
    let i18n = use_i18n();
    let target = StoredValue::new((group, key));
    let keep_mine = move |_| {
        if let Some(theirs) = state.conflict.get_untracked() {
            state.base.set(theirs.version);
            state.conflict.set(None);
            let (g, k) = target.get_value();
            state.save(g, k);
        }
    };
    let take_theirs = move |_| {
        if let Some(theirs) = state.conflict.get_untracked() {
            state.show(&theirs.text);
            state.base.set(theirs.version);
            state.set_dirty(false);
            state.conflict.set(None);
        }
    };
    view! {
        <Show when=move || state.conflict.get().is_some()>
            <div class="cell-conflict" role="alert">
                <p>
                    <strong>{t!(i18n, conflict_heading)}</strong>
                    " "
                    {move || state.conflict.get().map(|c| author_name(i18n.get_locale_untracked(), &c.by))}
                </p>
                <blockquote class="cell-theirs">{move || state.conflict.get().map(|c| c.text)}</blockquote>
                <div class="button-row">
                    <button type="button" class="button button-small" on:click=keep_mine>
                        {t!(i18n, conflict_keep_mine)}
                    </button>
                    <button type="button" class="button button-small button-secondary" on:click=take_theirs>
                        {t!(i18n, conflict_take_theirs)}
                    </button>
                </div>
            </div>
        </Show>
        <Show when=move || state.error.get().is_some()>
            <p class="form-error" role="alert">
                {move || state.error.get().map(|e| crate::ui::components::form_error::error_text(i18n, &e))}
            </p>
        </Show>
    }
}
