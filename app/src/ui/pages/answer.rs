//! A participant's guiding questions for the session in progress, with their
//! own answers: add, change, delete. Every box is a plain form, so it works
//! on any phone, also with JavaScript off (the server sends the browser back
//! here). Once the page is live, *Add* and *Save* go through the browser's
//! outbox (`outbox`): nothing typed is lost to a dropped connection, and
//! what waits for the network says so.
//!
//! A live screen: the frame is rendered once; fresh data patches the lists
//! (`refresh_on`), so what one types in any box survives every update.

use crate::api::answers::{my_questions, AddAnswer, AnswerSheet, DeleteAnswer, EditAnswer};
use crate::domain::answers::{Answer, MAX_ANSWER_CHARS};
use crate::domain::change::{group_topic, ANSWERS, CLOCK, DELIVERY};
use crate::domain::question::Question;
use crate::i18n::*;
use crate::realtime::client::use_live;
use crate::ui::components::confirm::ConfirmSubmit;
use crate::ui::components::data::{refresh_on, Loaded};
use crate::ui::components::form_error::{error_text, FormError};
use crate::ui::components::outbox::{drafts, use_answer_outbox, AnswerOutbox, AnswerWrite, Target};
use crate::ui::components::page_title::PageTitle;
use crate::ui::components::save_status::new_op_id;
use crate::ui::components::text::{textarea_html, OriginalWording, Tx};
use crate::ui::components::timebox_hint::TimeboxHint;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn AnswerPage() -> impl IntoView {
    // The frame's data, fetched once; `Sheet` keeps it fresh in place.
    let first = Resource::new(|| (), |_| my_questions());
    view! { <Loaded resource=first render=move |s: AnswerSheet| view! { <Sheet first=s/> }/> }
}

#[derive(Clone, Copy)]
struct Ctx {
    data: RwSignal<AnswerSheet>,
    outbox: AnswerOutbox,
    delete: ServerAction<DeleteAnswer>,
}

#[component]
fn Sheet(first: AnswerSheet) -> impl IntoView {
    let data = RwSignal::new(first);
    let outbox = use_answer_outbox();
    let delete = ServerAction::<DeleteAnswer>::new();
    let clock = use_live().watch(CLOCK);
    // Marks "discussed" and deliveries of one's group; not the matrix (its
    // coordinator saves several times a second and this page does not show it).
    let group = data.with_untracked(|s| s.group.as_ref().map(|g| g.id.clone())).unwrap_or_default();
    let marks = use_live().watch(group_topic(&group, ANSWERS));
    let delivery = use_live().watch(group_topic(&group, DELIVERY));
    refresh_on(move || (clock(), marks(), delivery(), outbox.delivered.get(), delete.version().get()), my_questions, move |s| data.set(s));
    let ctx = Ctx { data, outbox, delete };
    // What decides the page's shape: a new session, group or opening redraws it.
    let shape = Memo::new(move |_| {
        data.with(|s| (s.group.as_ref().map(|g| g.id.clone()), s.guide.as_ref().map(|g| g.id.clone()), s.open, s.delivered))
    });
    move || {
        // Read, not just tracked: a memo never read never recomputes.
        shape.with(|_| ());
        view! { <SheetFrame ctx/> }
    }
}

#[component]
fn SheetFrame(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let sheet = ctx.data.get_untracked();
    let (Some(group), Some(guide)) = (sheet.group.clone(), sheet.guide.clone()) else {
        return view! {
            <PageTitle text=move || t_string!(i18n, answer_heading).to_string()/>
            <section class="notice">
                <h1>{t!(i18n, answer_heading)}</h1>
                <p>{t!(i18n, no_group_now)}</p>
                <p><a href="/me">{t!(i18n, nav_me)}</a></p>
            </section>
        }
        .into_any();
    };
    let open = sheet.open;
    let session = sheet.session.clone().map(|s| s.number).unwrap_or(0);
    let plan: Vec<(String, Option<u32>)> = guide
        .questions
        .iter()
        .map(|q| {
            let key = format!("{}/{}", guide.id, q.id);
            (key.clone(), sheet.timeboxes.get(&key).copied())
        })
        .collect();
    let running = sheet.session.as_ref().map(|s| s.number);
    let closed_notice = match (open, sheet.delivered) {
        (true, _) => None,
        (false, true) => Some(view! { <p class="notice" role="status">{t!(i18n, answers_delivered_notice)}</p> }.into_any()),
        (false, false) => Some(view! { <p class="notice" role="status">{t!(i18n, answers_closed_notice)}</p> }.into_any()),
    };
    view! {
        <PageTitle text=move || t_string!(i18n, answer_heading).to_string()/>
        <header class="page-head">
            <p class="eyebrow">{t!(i18n, session_word)} " " {session} {guide.cited_as.clone().map(|s| format!(" · {s}"))}</p>
            <h1>{t!(i18n, answer_heading)}</h1>
            <p class="lead"><Tx text=group.label.clone()/></p>
            <p class="button-row">
                <a href="/me">{t!(i18n, nav_me)}</a>
                <a href=format!("/groups/{}/matrix", group.id)>{t!(i18n, open_matrix)}</a>
            </p>
        </header>
        {closed_notice}
        // Errors of plain form posts (no JavaScript) come back in the address.
        <FormError action_error=Signal::derive(|| None) fn_path=AddAnswer::url()/>
        <FormError action_error=Signal::derive(|| None) fn_path=EditAnswer::url()/>
        <FormError action_error=Signal::derive(move || ctx.delete.value().get().and_then(|r| r.err())) fn_path=DeleteAnswer::url()/>
        <ol class="answer-questions">
            {guide.questions.into_iter().map(|q| {
                let key = format!("{}/{}", guide.id, q.id);
                view! { <QuestionCard question=q key group=group.id.clone() open ctx plan=plan.clone() session=running/> }
            }).collect_view()}
        </ol>
        // After the questions, sticking to the bottom of the screen while
        // they scroll: in view, and at the end over nothing.
        <OutboxStatus outbox=ctx.outbox/>
    }
    .into_any()
}

/// "Waiting to send (n)" while the outbox holds anything.
#[component]
fn OutboxStatus(outbox: AnswerOutbox) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="save-status save-offline outbox-status" role="status" aria-live="polite" hidden=move || outbox.waiting() == 0>
            {t!(i18n, outbox_waiting)} " (" {move || outbox.waiting()} ")"
        </p>
    }
}

#[component]
fn QuestionCard(
    question: Question,
    key: String,
    group: String,
    open: bool,
    ctx: Ctx,
    plan: Vec<(String, Option<u32>)>,
    session: Option<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let anchor = format!("q-{}", key.replace(['/', '.'], "-"));
    let mine = {
        let key = key.clone();
        Memo::new(move |_| ctx.data.with(|s| s.mine.iter().filter(|a| a.question == key).cloned().collect::<Vec<Answer>>()))
    };
    let waiting = {
        let key = key.clone();
        Memo::new(move |_| {
            ctx.outbox.queued.with(|q| {
                q.iter()
                    .filter_map(|w| match w {
                        AnswerWrite::Add { question, text, op, .. } if *question == key => Some((op.clone(), text.clone())),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let discussed = {
        let key = key.clone();
        move || ctx.data.with(|s| s.discussed.contains(&key))
    };
    let g = group.clone();
    let original = question.clone();
    view! {
        <li id=anchor.clone()>
          <article class="panel answer-card" aria-labelledby=format!("{anchor}-title")>
            <h2 class="question-title" id=format!("{anchor}-title")>
                <span class="question-label">{question.label.clone()}</span> " " <Tx text=question.text.clone()/>
            </h2>
            <TimeboxHint key=key.clone() plan session/>
            <Show when=discussed.clone()><p class="badge badge-done">{t!(i18n, discussed_badge)}</p></Show>
            {question.parts.into_iter().map(|p| view! {
                {p.intro.map(|i| view! { <p class="part-intro"><Tx text=i/></p> })}
                <ul class="sub-items">
                    {p.items.into_iter().map(|it| view! { <li><span class="question-label">{it.label}</span> " " <Tx text=it.text/></li> }).collect_view()}
                </ul>
            }).collect_view()}
            <OriginalWording question=original/>
            <Show when=move || !mine.with(|m| m.is_empty()) || !waiting.with(|w| w.is_empty())>
                <h3 class="muted">{t!(i18n, your_answers)}</h3>
            </Show>
            <ul class="my-answers">
                <For each=move || mine.get() key=|a| (a.id, a.text.clone()) let:answer>
                    <MyAnswer answer group=g.clone() open ctx/>
                </For>
                <For each=move || waiting.get() key=|(op, _)| op.clone() let:pending>
                    <li class="my-answer my-answer-waiting">
                        <p>{pending.1}</p>
                        <p class="muted small">{t!(i18n, outbox_item_waiting)}</p>
                    </li>
                </For>
            </ul>
            {open.then(|| view! { <NewAnswer group key anchor=anchor.clone() ctx/> })}
          </article>
        </li>
    }
}

/// The box for a new answer. Its text is a draft kept in the browser until
/// it is handed to the outbox: it survives reloads, hydration and sending
/// the other questions' answers.
#[component]
fn NewAnswer(group: String, key: String, anchor: String, ctx: Ctx) -> impl IntoView {
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
            <input type="hidden" name="group" value=group/>
            <input type="hidden" name="question" value=key/>
            <input type="hidden" name="op" value=new_op_id()/>
            <label class="field" for=field_id.clone()><span>{t!(i18n, new_answer)}</span></label>
            <textarea node_ref=text id=field_id name="text" rows="3" required maxlength=MAX_ANSWER_CHARS.to_string()
                aria-describedby=error_id.clone() on:input=on_input></textarea>
            <p class="form-error" id=error_id role="alert" hidden=move || refused.with(|r| r.is_none())>
                {move || refused.get().map(|r| error_text(i18n, &r.error))}
            </p>
            <button class="button" type="submit">{t!(i18n, add_answer)}</button>
        </form>
    }
}

#[component]
fn MyAnswer(answer: Answer, group: String, open: bool, ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    if !open {
        return view! { <li class="my-answer"><p>{answer.text}</p></li> }.into_any();
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
                <input type="hidden" name="group" value=group.clone()/>
                <input type="hidden" name="id" value=id.clone()/>
                <label class="visually-hidden" for=field.clone()>{t!(i18n, your_answers)}</label>
                <textarea node_ref=text id=field name="text" rows="2" required maxlength=MAX_ANSWER_CHARS.to_string()
                    aria-describedby=error_id.clone() inner_html=textarea_html(&answer.text)></textarea>
                <p class="form-error" id=error_id role="alert" hidden=move || refused.with(|r| r.is_none())>
                    {move || refused.get().map(|r| error_text(i18n, &r.error))}
                </p>
                <div class="button-row">
                    <button class="button button-small button-secondary" type="submit">{t!(i18n, edit_answer)}</button>
                    <Show when=waiting.clone()><span class="muted small">{t!(i18n, outbox_item_waiting)}</span></Show>
                </div>
            </form>
            <ActionForm action=ctx.delete attr:class="inline-form">
                <input type="hidden" name="group" value=group/>
                <input type="hidden" name="id" value=id/>
                <ConfirmSubmit class="button-small button-secondary" label=t_string!(i18n, delete_answer).into()
                    explain=t_string!(i18n, confirm_delete_answer_explain).into() confirm=t_string!(i18n, confirm_delete_answer).into()/>
            </ActionForm>
        </li>
    }
    .into_any()
}
