//! The committee's clock controls: choose the agenda block, start, pause,
//! resume, extend or shorten, move to the next segment (the coffee break and
//! back), end, and undo the last command.

use crate::api::clock::{get_clock, ClockCommand, ClockSelectBlock, ClockUndo};
use crate::domain::clock::Status;
use crate::domain::clock_view::ClockView;
use crate::domain::session::SegmentKind;
use crate::i18n::*;
use crate::ui::components::clock::use_clock_feed;
use crate::ui::components::confirm::ConfirmSubmit;
use crate::ui::components::form_error::FormError;
use crate::ui::components::text::use_lang;
use leptos::form::ActionForm;
use leptos::prelude::*;

/// The clock's actions. They belong to the page, not to the controls: an
/// action must outlive any view that started it.
#[derive(Clone, Copy)]
pub struct ClockActions {
    command: ServerAction<ClockCommand>,
    undo: ServerAction<ClockUndo>,
    select: ServerAction<ClockSelectBlock>,
}

impl ClockActions {
    pub fn new() -> Self {
        let feed = use_clock_feed();
        let actions = ClockActions { command: ServerAction::new(), undo: ServerAction::new(), select: ServerAction::new() };
        // Our own command's answer arrives before the realtime echo: show it now.
        Effect::new(move |_| {
            if actions.command.version().get() + actions.undo.version().get() + actions.select.version().get() > 0 {
                feed.data.refetch();
            }
        });
        actions
    }
}

impl Default for ClockActions {
    fn default() -> Self {
        Self::new()
    }
}

#[component]
pub fn ClockControls(actions: ClockActions) -> impl IntoView {
    let i18n = use_i18n();
    let ClockActions { command, undo, .. } = actions;
    let error = Signal::derive(move || command.value().get().and_then(|r| r.err()).or_else(|| undo.value().get().and_then(|r| r.err())));
    // The frame's data, fetched once; the page's clock feed keeps it fresh.
    // A first fetch lost to the Wi-Fi is tried again at the clock's next news
    // (or the link's return), not left without controls until a reload.
    let retry = RwSignal::new(0u32);
    let first = Resource::new(move || retry.get(), |_| get_clock());
    let news = crate::realtime::client::use_live().watch(crate::domain::change::CLOCK);
    Effect::watch(
        news,
        move |_, _, _| {
            if matches!(first.get_untracked(), Some(Err(_))) {
                retry.update(|n| *n += 1);
            }
        },
        false,
    );
    view! {
        <section class="panel clock-controls" aria-labelledby="clock-controls-heading">
            <h2 id="clock-controls-heading">{t!(i18n, clock_controls)}</h2>
            <FormError action_error=error fn_path={crate::api::path_of::<crate::api::clock::ClockCommand>()} />
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match first.await {
                        Ok(v) => view! { <Controls first=v actions /> }.into_any(),
                        Err(_) => ().into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// A live widget: drawn once, the buttons come and go with the clock's
/// status, and the block list follows the server only when the block
/// itself changes, so a block chosen but not shown yet stays chosen.
#[component]
fn Controls(first: ClockView, actions: ClockActions) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let feed = use_clock_feed();
    let ClockActions { command, undo, select } = actions;
    // Drawn from `first` until the page is live, so that the server's HTML and
    // hydration agree even if the feed's own fetch saw a newer clock.
    let mounted = RwSignal::new(false);
    Effect::new(move |_| mounted.set(true));
    let current = {
        let first = first.clone();
        Memo::new(move |_| {
            let live = mounted.get().then(|| feed.data.get().and_then(|r| r.ok())).flatten();
            live.map(|t| t.view).unwrap_or_else(|| first.clone())
        })
    };
    let status = Memo::new(move |_| current.with(|v| v.status));
    let block = Memo::new(move |_| current.with(|v| v.block.clone()));
    let has_next = Memo::new(move |_| current.with(|v| v.segment + 1 < v.segments.len()));
    let next_is_break = Memo::new(move |_| current.with(|v| v.segments.get(v.segment + 1).is_some_and(|s| s.kind == SegmentKind::Break)));
    let can_undo = Memo::new(move |_| current.with(|v| v.can_undo));
    let running = move || matches!(status.get(), Status::Running | Status::Break);
    let live = move || !matches!(status.get(), Status::NotStarted | Status::Ended);
    let list = NodeRef::<leptos::html::Select>::new();
    Effect::watch(
        move || block.get(),
        move |b, _, _| {
            if let Some(s) = list.get_untracked() {
                s.set_value(b);
            }
        },
        false,
    );
    let next_label = move || match (status.get(), next_is_break.get()) {
        (Status::Break, _) => t_string!(i18n, end_break),
        (_, true) => t_string!(i18n, start_break),
        _ => t_string!(i18n, next_segment),
    };
    let button = move |cmd: &'static str, minutes: Option<i32>, label: String, class: &'static str| {
        view! {
            <ActionForm action=command>
                <input type="hidden" name="command" value=cmd />
                {minutes.map(|m| view! { <input type="hidden" name="minutes" value=m.to_string() /> })}
                <button class=format!("button {class}") type="submit">
                    {label}
                </button>
            </ActionForm>
        }
    };
    view! {
        <ActionForm action=select>
            <label class="field inline-field">
                <span>{t!(i18n, current_block)}</span>
                <select name="block" node_ref=list>
                    {first
                        .blocks
                        .iter()
                        .map(|(key, title)| {
                            let title = title.clone();
                            view! {
                                <option value=key.clone() selected=*key == first.block>
                                    {move || title.get(lang.get()).to_string()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <button class="button button-small button-secondary" type="submit">
                    {t!(i18n, show_block)}
                </button>
            </label>
        </ActionForm>
        <div class="button-row clock-buttons">
            <Show when=move || {
                status.get() == Status::NotStarted
            }>{button("start", None, t_string!(i18n, clock_start).into(), "button-go")}</Show>
            <Show when=running>{button("pause", None, t_string!(i18n, clock_pause).into(), "button-secondary")}</Show>
            <Show when=move || {
                status.get() == Status::Paused
            }>{button("resume", None, t_string!(i18n, clock_resume).into(), "button-go")}</Show>
            <Show when=live>{button("adjust", Some(5), "+5 min".into(), "button-secondary")}</Show>
            <Show when=live>{button("adjust", Some(-5), "−5 min".into(), "button-secondary")}</Show>
            <Show when=move || live() && has_next.get()>
                <ActionForm action=command>
                    <input type="hidden" name="command" value="next" />
                    <button class="button button-secondary" type="submit">
                        {next_label}
                    </button>
                </ActionForm>
            </Show>
            <Show when=live>
                <ActionForm action=command>
                    <input type="hidden" name="command" value="end" />
                    <ConfirmSubmit
                        class="button-danger"
                        label=t_string!(i18n, clock_end).into()
                        explain=t_string!(i18n, confirm_end_explain).into()
                        confirm=t_string!(i18n, confirm_end).into()
                    />
                </ActionForm>
            </Show>
            <Show when=move || can_undo.get()>
                <ActionForm action=undo>
                    <button class="button button-secondary" type="submit">
                        {t!(i18n, clock_undo)}
                    </button>
                </ActionForm>
            </Show>
        </div>
    }
}
