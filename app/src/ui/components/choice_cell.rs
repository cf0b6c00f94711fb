//! An autosaving choice field (a seed's options, or one of its reference
//! lists): compact chips, one tab stop for the set, each tick
//! saved at once through the same `CellState` as a text cell.

use crate::domain::cells::Cell;
use crate::ui::components::cell_editor::{CellProblems, CellState};
use leptos::prelude::*;

/// A set of checkboxes, one per option; each tick saves at once.
#[component]
pub fn ChoiceCell(
    group: String,
    key: String,
    label: String,
    options: Vec<(String, String)>,
    server: Signal<Cell>,
    editable: bool,
    /// At most one option: ticking one unticks the others (and it can be
    /// unticked, which a radio button could not).
    #[prop(optional)]
    single: bool,
) -> impl IntoView {
    if !editable {
        // Read-only: just what was chosen.
        let names = options.clone();
        return view! {
            <div class="cell cell-readonly">
                <p class="cell-label">{label}</p>
                {move || {
                    let value = server.get().text;
                    let picked: Vec<String> = crate::domain::matrix_fields::choices(&value)
                        .into_iter()
                        .filter_map(|id| names.iter().find(|(i, _)| i == id).map(|(_, n)| n.clone()))
                        .collect();
                    if picked.is_empty() {
                        view! { <p class="cell-text"></p> }.into_any()
                    } else {
                        view! { <ul class="chosen-list">{picked.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> }
                            .into_any()
                    }
                }}
            </div>
        }
        .into_any();
    }
    let state = CellState::new(&server.get_untracked());
    state.follow(server);
    let chosen = move |id: &str| state.text.with(|t| crate::domain::matrix_fields::choices(t).contains(&id));
    let all_ids: Vec<String> = options.iter().map(|(id, _)| id.clone()).collect();
    let roving = Roving::new(options.len());
    let boxes = options
        .into_iter()
        .enumerate()
        .map(|(i, (id, text))| {
            let (g, k, all) = (group.clone(), key.clone(), all_ids.clone());
            let id2 = id.clone();
            let toggle = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                let mut now: Vec<String> = all.iter().filter(|x| if **x == id2 { on } else { !single && chosen(x) }).cloned().collect();
                now.dedup();
                state.text.set(now.join(","));
                state.set_dirty(true);
                state.save(g.clone(), k.clone());
            };
            let id3 = id.clone();
            let node = roving.boxes.with_value(|b| b[i]);
            let title = text.clone();
            view! {
                <li>
                    <label class="chip" title=title>
                        <input
                            type="checkbox"
                            node_ref=node
                            tabindex=move || roving.tabindex(i)
                            prop:checked=move || chosen(&id3)
                            on:change=toggle
                            on:focus=move |_| roving.at.set(i)
                        />
                        <span>{text}</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="cell cell-choices">
            <legend class="cell-label">{label}</legend>
            <ul class="chip-list" on:keydown=move |ev| roving.key(ev)>
                {boxes}
            </ul>
            <CellProblems state group key />
        </fieldset>
    }
    .into_any()
}

/// One tab stop for a whole set of chips (a list may have a dozen):
/// Tab enters and leaves the set, arrow keys move inside it, Space ticks.
/// Only once the page is live — without JavaScript every box is a tab stop.
#[derive(Clone, Copy)]
struct Roving {
    boxes: StoredValue<Vec<NodeRef<leptos::html::Input>>>,
    at: RwSignal<usize>,
    live: RwSignal<bool>,
}

impl Roving {
    fn new(n: usize) -> Self {
        let live = RwSignal::new(false);
        Effect::new(move |_| live.set(true));
        Roving { boxes: StoredValue::new((0..n).map(|_| NodeRef::new()).collect()), at: RwSignal::new(0), live }
    }

    fn tabindex(self, i: usize) -> Option<&'static str> {
        self.live.get().then(|| if self.at.get() == i { "0" } else { "-1" })
    }

    fn key(self, ev: leptos::ev::KeyboardEvent) {
        let n = self.boxes.with_value(|b| b.len());
        let now = self.at.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => (now + 1) % n.max(1),
            "ArrowLeft" | "ArrowUp" => (now + n.max(1) - 1) % n.max(1),
            "Home" => 0,
            "End" => n.saturating_sub(1),
            _ => return,
        };
        ev.prevent_default();
        self.at.set(next);
        if let Some(input) = self.boxes.with_value(|b| b.get(next).and_then(|r| r.get_untracked())) {
            let _ = input.focus();
        }
    }
}
