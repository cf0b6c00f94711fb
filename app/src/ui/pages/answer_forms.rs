//! The answer sheet's forms (see `answer`): a new answer to a question, and
//! one of the participant's own answers to edit or withdraw.

use super::*;

/// The box for a new answer. Its text is a draft kept in the browser until
/// it is handed to the outbox: it survives reloads, hydration and sending
/// the other questions' answers.
#[component]
pub(super) fn NewAnswer(group: String, key: String, anchor: String, ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let field_id = format!("{anchor}-new");
    let draft_key = format!("answer:{key}");
    let text = NodeRef::<leptos::html::Textarea>::new();
    {
        // Once live: what an earlier visit left, unless the person already typed.
        let draft_key = draft_key.clone();
        Effect::new(move |_| {
            if let Some(t) = text.get() {
                if t.value().is_empty() {
                    if let Some(d) = drafts::get(&draft_key) {
                        t.set_value(&d);
                    }
                }
            }
        });
    }
    let target = Target::Question(key.clone());
    let refused = {
        let target = target.clone();
        Memo::new(move |_| ctx.outbox.refused.with(|r| r.iter().find(|x| x.target == target).cloned()))
    };
    // A refused write gives its text back to the box (if the box is empty).
    Effect::new(move |_| {
        if let (Some(r), Some(t)) = (refused.get(), text.get_untracked()) {
            if t.value().trim().is_empty() {
                t.set_value(&r.text);
            }
        }
    });
    let on_input = {
        let draft_key = draft_key.clone();
        move |ev| drafts::set(&draft_key, &event_target_value(&ev))
    };
    let (g, k) = (group.clone(), key.clone());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(t) = text.get_untracked() else { return };
        let typed = t.value();
        if typed.trim().is_empty() {
            return;
        }
        ctx.outbox.push(AnswerWrite::Add { group: g.clone(), question: k.clone(), text: typed, op: new_op_id() });
        t.set_value("");
        drafts::set(&draft_key, "");
    };
    let error_id = format!("{anchor}-error");
    view! {
        <form class="answer-form" method="post" action=AddAnswer::url() on:submit=on_submit>
            <input type="hidden" name="group" value=group />
            <input type="hidden" name="question" value=key />
            <input type="hidden" name="op" value=new_op_id() />
            <label class="field" for=field_id.clone()>
                <span>{t!(i18n, new_answer)}</span>
            </label>
            <textarea
                node_ref=text
                id=field_id
                name="text"
                rows="3"
                required
                maxlength=MAX_ANSWER_CHARS.to_string()
                aria-describedby=error_id.clone()
                on:input=on_input
            ></textarea>
            <p class="form-error" id=error_id role="alert" hidden=move || refused.with(|r| r.is_none())>
                {move || refused.get().map(|r| error_text(i18n, &r.error))}
            </p>
            <button class="button" type="submit">
                {t!(i18n, add_answer)}
            </button>
        </form>
    }
}

#[component]
pub(super) fn MyAnswer(answer: Answer, group: String, open: bool, ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    if !open {
        return view! {
            <li class="my-answer">
                <p>{answer.text}</p>
            </li>
        }
        .into_any();
    }
    let answer_id = answer.id;
    let id = answer_id.to_string();
    let field = format!("answer-{id}");
    let text = NodeRef::<leptos::html::Textarea>::new();
    let target = Target::Answer(answer_id);
    let waiting = {
        let target = target.clone();
        move || ctx.outbox.queued.with(|q| q.iter().any(|w| w.target() == target))
    };
    let refused = Memo::new(move |_| ctx.outbox.refused.with(|r| r.iter().find(|x| x.target == target).cloned()));
    let g = group.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(t) = text.get_untracked() else { return };
        ctx.outbox.push(AnswerWrite::Edit { group: g.clone(), id: answer_id, text: t.value(), op: new_op_id() });
    };
    let error_id = format!("{field}-error");
    view! {
        <li class="my-answer">
            <form class="answer-form" method="post" action=EditAnswer::url() on:submit=on_submit>
                <input type="hidden" name="group" value=group.clone() />
                <input type="hidden" name="id" value=id.clone() />
                <label class="visually-hidden" for=field.clone()>
                    {t!(i18n, your_answers)}
                </label>
                <textarea
                    node_ref=text
                    id=field
                    name="text"
                    rows="2"
                    required
                    maxlength=MAX_ANSWER_CHARS.to_string()
                    aria-describedby=error_id.clone()
                    inner_html=textarea_html(&answer.text)
                ></textarea>
                <p class="form-error" id=error_id role="alert" hidden=move || refused.with(|r| r.is_none())>
                    {move || refused.get().map(|r| error_text(i18n, &r.error))}
                </p>
                <div class="button-row">
                    <button class="button button-small button-secondary" type="submit">
                        {t!(i18n, edit_answer)}
                    </button>
                    <Show when=waiting.clone()>
                        <span class="muted small">{t!(i18n, outbox_item_waiting)}</span>
                    </Show>
                </div>
            </form>
            <ActionForm action=ctx.delete attr:class="inline-form">
                <input type="hidden" name="group" value=group />
                <input type="hidden" name="id" value=id />
                <ConfirmSubmit
                    class="button-small button-secondary"
                    label=t_string!(i18n, delete_answer).into()
                    explain=t_string!(i18n, confirm_delete_answer_explain).into()
                    confirm=t_string!(i18n, confirm_delete_answer).into()
                />
            </ActionForm>
        </li>
    }
    .into_any()
}
