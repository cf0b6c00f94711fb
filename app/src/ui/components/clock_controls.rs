//! The committee's clock controls: choose the agenda block, start, pause,
//! resume, extend or shorten, move to the next segment (the coffee break and
//! back), end, and undo the last command.

use crate::api::clock::{ClockCommand, ClockSelectBlock, ClockUndo};
use crate::domain::clock::Status;
use crate::domain::session::SegmentKind;
use crate::i18n::*;
use crate::ui::components::clock::use_clock_feed;
use crate::ui::components::confirm::ConfirmSubmit;
use crate::ui::components::form_error::FormError;
use crate::ui::components::text::use_lang;
use leptos::form::ActionForm;
use leptos::prelude::*;

/// The clock's actions. They belong to the page, not to the controls: the
/// committee's dashboard is rebuilt whenever its data changes, and an action
/// must outlive the view that started it.
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
    let lang = use_lang();
    let feed = use_clock_feed();
    let ClockActions { command, undo, select } = actions;
    // The block chosen in the list but not shown yet. The controls are drawn
    // again whenever the clock changes (or the link resyncs); the choice
    // survives that, and is forgotten once the committee shows a block.
    let chosen = RwSignal::new(None::<String>);
    Effect::watch(move || select.version().get(), move |_, _, _| chosen.set(None), false);
    let error = Signal::derive(move || {
        command.value().get().and_then(|r| r.err()).or_else(|| undo.value().get().and_then(|r| r.err()))
    });
    let button = move |cmd: &'static str, minutes: Option<i32>, label: String, class: &'static str| {
        view! {
            <ActionForm action=command>
                <input type="hidden" name="command" value=cmd/>
                {minutes.map(|m| view! { <input type="hidden" name="minutes" value=m.to_string()/> })}
                <button class=format!("button {class}") type="submit">{label}</button>
            </ActionForm>
        }
    };
    view! {
        <section class="panel clock-controls" aria-labelledby="clock-controls-heading">
            <h2 id="clock-controls-heading">{t!(i18n, clock_controls)}</h2>
            <FormError action_error=error fn_path="/api/fn/clock_command"/>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let Ok(t) = feed.data.await else { return ().into_any() };
                    let v = t.view;
                    let next_is_break = v.segments.get(v.segment + 1).is_some_and(|s| s.kind == SegmentKind::Break);
                    let has_next = v.segment + 1 < v.segments.len();
                    let next_label = match (v.status, next_is_break) {
                        (Status::Break, _) => t_string!(i18n, end_break),
                        (_, true) => t_string!(i18n, start_break),
                        _ => t_string!(i18n, next_segment),
                    };
                    let running = matches!(v.status, Status::Running | Status::Break);
                    let live = !matches!(v.status, Status::NotStarted | Status::Ended);
                    view! {
                        <ActionForm action=select>
                            <label class="field inline-field">
                                <span>{t!(i18n, current_block)}</span>
                                <select name="block" on:change=move |ev| chosen.set(Some(event_target_value(&ev)))>
                                    {
                                        let shown = chosen.get_untracked().unwrap_or_else(|| v.block.clone());
                                        v.blocks.iter().map(|(key, title)| view! {
                                            <option value=key.clone() selected=*key == shown>{title.get(lang.get()).to_string()}</option>
                                        }).collect_view()
                                    }
                                </select>
                                <button class="button button-small button-secondary" type="submit">{t!(i18n, show_block)}</button>
                            </label>
                        </ActionForm>
                        <div class="button-row clock-buttons">
                            {(v.status == Status::NotStarted).then(|| button("start", None, t_string!(i18n, clock_start).into(), "button-go"))}
                            {running.then(|| button("pause", None, t_string!(i18n, clock_pause).into(), "button-secondary"))}
                            {(v.status == Status::Paused).then(|| button("resume", None, t_string!(i18n, clock_resume).into(), "button-go"))}
                            {live.then(|| button("adjust", Some(5), "+5 min".into(), "button-secondary"))}
                            {live.then(|| button("adjust", Some(-5), "−5 min".into(), "button-secondary"))}
                            {(live && has_next).then(|| button("next", None, next_label.into(), "button-secondary"))}
                            {live.then(|| view! {
                                <ActionForm action=command>
                                    <input type="hidden" name="command" value="end"/>
                                    <ConfirmSubmit class="button-danger" label=t_string!(i18n, clock_end).into()
                                        explain=t_string!(i18n, confirm_end_explain).into() confirm=t_string!(i18n, confirm_end).into()/>
                                </ActionForm>
                            })}
                            {v.can_undo.then(|| view! {
                                <ActionForm action=undo>
                                    <button class="button button-secondary" type="submit">{t!(i18n, clock_undo)}</button>
                                </ActionForm>
                            })}
                        </div>
                    }.into_any()
                })}
            </Transition>
        </section>
    }
}
