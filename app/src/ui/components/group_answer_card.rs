//! One guiding question on a group's answers page: its answers as they
//! arrive, whether the group discussed it, its suggested time, and the
//! coordinator's tools. Every part reads the page's data signal, so an
//! update patches the card instead of drawing it again.

use crate::api::answers::{GroupAnswers, MarkDiscussed, PromoteAnswer};
use crate::api::timebox::SetTimebox;
use crate::domain::answers::{attribution, Answer};
use crate::domain::question::Question;
use crate::i18n::*;
use crate::ui::components::text::{OriginalWording, Tx};
use crate::ui::components::timebox_hint::{TimeboxForm, TimeboxHint};
use leptos::form::ActionForm;
use leptos::prelude::*;

/// The page's data and actions, shared by its cards.
#[derive(Clone, Copy)]
pub struct AnswersCtx {
    pub data: RwSignal<GroupAnswers>,
    /// Matrix cells an answer can be taken into: (cell key, label).
    pub targets: Memo<Vec<(String, String)>>,
    pub mark: ServerAction<MarkDiscussed>,
    pub promote: ServerAction<PromoteAnswer>,
    pub plan: ServerAction<SetTimebox>,
}

#[component]
pub fn QuestionAnswers(
    question: Question,
    key: String,
    guide: String,
    group: String,
    session: Option<u32>,
    ctx: AnswersCtx,
) -> impl IntoView {
    let i18n = use_i18n();
    let (coordinator, may_plan, every_group) = ctx.data.with_untracked(|a| (a.coordinator, a.may_plan, a.may_plan_every_group));
    let list = {
        let key = key.clone();
        Memo::new(move |_| {
            ctx.data.with(|a| {
                a.guides.iter().flat_map(|g| g.by_question.iter()).find(|(k, _)| *k == key).map(|(_, l)| l.clone()).unwrap_or_default()
            })
        })
    };
    let done = {
        let key = key.clone();
        Memo::new(move |_| ctx.data.with(|a| a.discussed.contains(&key)))
    };
    // The guide's suggested minutes, in order (the hint needs them all).
    let plan = {
        let keys: Vec<String> = ctx.data.with_untracked(|a| {
            a.guides.iter().filter(|g| g.guide.id == guide).flat_map(|g| g.by_question.iter().map(|(k, _)| k.clone())).collect()
        });
        Memo::new(move |_| ctx.data.with(|a| keys.iter().map(|k| (k.clone(), a.timeboxes.get(k).copied())).collect::<Vec<_>>()))
    };
    let minutes = {
        let key = key.clone();
        Memo::new(move |_| plan.with(|p| p.iter().find(|(k, _)| *k == key).and_then(|(_, m)| *m)))
    };
    let hint_key = key.clone();
    let (form_group, form_key) = (group.clone(), key.clone());
    let (mark_group, mark_key) = (group.clone(), key.clone());
    view! {
        <li class="answer-card" class:discussed=move || done.get()>
            <h3 class="question-title">
                <span class="question-label">{question.label.clone()}</span>
                " "
                <Tx text=question.text.clone() />
            </h3>
            <OriginalWording question=question.clone() />
            // Drawn again only when this guide's suggested times change.
            {move || view! { <TimeboxHint key=hint_key.clone() plan=plan.get() session /> }}
            <p class="muted">
                {t!(i18n, answers_count)} " " {move || list.with(|l| l.len())}
                <Show when=move || done.get()>" · " <span class="badge badge-done">{t!(i18n, discussed_badge)}</span></Show>
            </p>
            <div class="question-tools">
                {coordinator
                    .then(|| {
                        view! {
                            <ActionForm action=ctx.mark attr:class="inline-form">
                                <input type="hidden" name="group" value=mark_group />
                                <input type="hidden" name="question" value=mark_key />
                                <input type="hidden" name="discussed" value=move || (!done.get()).to_string() />
                                <button class="button button-small button-secondary" type="submit">
                                    {move || if done.get() { t_string!(i18n, unmark_discussed) } else { t_string!(i18n, mark_discussed) }}
                                </button>
                            </ActionForm>
                        }
                    })} // The minutes box changes only when this question's minutes change.
                {may_plan
                    .then_some(move || {
                        view! {
                            <TimeboxForm action=ctx.plan minutes=minutes.get() group=form_group.clone() key=form_key.clone() every_group />
                        }
                    })}
            </div>
            <ul class="group-answers">
                <For each=move || list.get() key=|a| (a.id, a.text.clone()) let:answer>
                    <GroupAnswer answer group=group.clone() coordinator ctx />
                </For>
            </ul>
        </li>
    }
}

#[component]
fn GroupAnswer(answer: Answer, group: String, coordinator: bool, ctx: AnswersCtx) -> impl IntoView {
    let i18n = use_i18n();
    let who = attribution(&answer);
    // Copy handles: the promote form is drawn again when targets come and go.
    let (answer_id, group) = (answer.id, StoredValue::new(group));
    let label = move |k: &str| ctx.targets.with(|t| t.iter().find(|(x, _)| x == k).map(|(_, l)| l.clone()).unwrap_or_default());
    view! {
        <li class="group-answer">
            <p>{answer.text.clone()}</p>
            <p class="muted">"— " {who}</p>
            {coordinator
                .then(|| {
                    view! {
                        <Show when=move || ctx.targets.with(|t| !t.is_empty())>
                            <ActionForm action=ctx.promote attr:class="promote-form">
                                <input type="hidden" name="group" value=group.get_value() />
                                <input type="hidden" name="answer" value=answer_id.to_string() />
                                <label class="field inline-field">
                                    <span>{t!(i18n, promote_to)}</span>
                                    <select name="key">
                                        // Keyed by cell: a chosen option stays chosen while its label follows the line's text.
                                        <For
                                            each=move || ctx.targets.with(|t| t.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>())
                                            key=|k| k.clone()
                                            children=move |k: String| {
                                                let value = k.clone();
                                                view! { <option value=value>{move || label(&k)}</option> }
                                            }
                                        />
                                    </select>
                                </label>
                                <button class="button button-small" type="submit">
                                    {t!(i18n, promote_button)}
                                </button>
                            </ActionForm>
                        </Show>
                    }
                })}
        </li>
    }
}
