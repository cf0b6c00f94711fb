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

#[path = "answer_forms.rs"]
mod forms;
use forms::{MyAnswer, NewAnswer};

#[component]
pub fn AnswerPage() -> impl IntoView {
    // The frame's data, fetched once; `Sheet` keeps it fresh in place.
    let first = Resource::new(|| (), |_| my_questions());
    view! { <Loaded resource=first render=move |s: AnswerSheet| view! { <Sheet first=s /> } /> }
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
        view! { <SheetFrame ctx /> }
    }
}

#[component]
fn SheetFrame(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let sheet = ctx.data.get_untracked();
    let (Some(group), Some(guide)) = (sheet.group.clone(), sheet.guide.clone()) else {
        return view! {
            <PageTitle text=move || t_string!(i18n, answer_heading).to_string() />
            <section class="notice">
                <h1>{t!(i18n, answer_heading)}</h1>
                <p>{t!(i18n, no_group_now)}</p>
                <p>
                    <a href="/me">{t!(i18n, nav_me)}</a>
                </p>
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
        (false, true) => Some(
            view! {
                <p class="notice" role="status">
                    {t!(i18n, answers_delivered_notice)}
                </p>
            }
            .into_any(),
        ),
        (false, false) => Some(
            view! {
                <p class="notice" role="status">
                    {t!(i18n, answers_closed_notice)}
                </p>
            }
            .into_any(),
        ),
    };
    view! {
        <PageTitle text=move || t_string!(i18n, answer_heading).to_string() />
        <header class="page-head">
            <p class="eyebrow">{t!(i18n, session_word)} " " {session} {guide.cited_as.clone().map(|s| format!(" · {s}"))}</p>
            <h1>{t!(i18n, answer_heading)}</h1>
            <p class="lead">
                <Tx text=group.label.clone() />
            </p>
            <p class="button-row">
                <a href="/me">{t!(i18n, nav_me)}</a>
                <a href=format!("/groups/{}/matrix", group.id)>{t!(i18n, open_matrix)}</a>
            </p>
        </header>
        {closed_notice}
        // Errors of plain form posts (no JavaScript) come back in the address.
        <FormError action_error=Signal::derive(|| None) fn_path=AddAnswer::url() />
        <FormError action_error=Signal::derive(|| None) fn_path=EditAnswer::url() />
        <FormError action_error=Signal::derive(move || ctx.delete.value().get().and_then(|r| r.err())) fn_path=DeleteAnswer::url() />
        <ol class="answer-questions">
            {guide
                .questions
                .into_iter()
                .map(|q| {
                    let key = format!("{}/{}", guide.id, q.id);
                    view! { <QuestionCard question=q key group=group.id.clone() open ctx plan=plan.clone() session=running /> }
                })
                .collect_view()}
        </ol>
        // After the questions, sticking to the bottom of the screen while
        // they scroll: in view, and at the end over nothing.
        <OutboxStatus outbox=ctx.outbox />
    }
    .into_any()
}

/// "Waiting to send (n)" while the outbox holds anything.
#[component]
fn OutboxStatus(outbox: AnswerOutbox) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="save-status save-offline outbox-status" role="status" aria-live="polite" hidden=move || outbox.waiting() == 0>
            {t!(i18n, outbox_waiting)}
            " ("
            {move || outbox.waiting()}
            ")"
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
                    <span class="question-label">{question.label.clone()}</span>
                    " "
                    <Tx text=question.text.clone() />
                </h2>
                <TimeboxHint key=key.clone() plan session />
                <Show when=discussed.clone()>
                    <p class="badge badge-done">{t!(i18n, discussed_badge)}</p>
                </Show>
                {question
                    .parts
                    .into_iter()
                    .map(|p| {
                        view! {
                            {p
                                .intro
                                .map(|i| {
                                    view! {
                                        <p class="part-intro">
                                            <Tx text=i />
                                        </p>
                                    }
                                })}
                            <ul class="sub-items">
                                {p
                                    .items
                                    .into_iter()
                                    .map(|it| {
                                        view! {
                                            <li>
                                                <span class="question-label">{it.label}</span>
                                                " "
                                                <Tx text=it.text />
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })
                    .collect_view()}
                <OriginalWording question=original />
                <Show when=move || !mine.with(|m| m.is_empty()) || !waiting.with(|w| w.is_empty())>
                    <h3 class="muted">{t!(i18n, your_answers)}</h3>
                </Show>
                <ul class="my-answers">
                    <For each=move || mine.get() key=|a| (a.id, a.text.clone()) let:answer>
                        <MyAnswer answer group=g.clone() open ctx />
                    </For>
                    <For each=move || waiting.get() key=|(op, _)| op.clone() let:pending>
                        <li class="my-answer my-answer-waiting">
                            <p>{pending.1}</p>
                            <p class="muted small">{t!(i18n, outbox_item_waiting)}</p>
                        </li>
                    </For>
                </ul>
                {open.then(|| view! { <NewAnswer group key anchor=anchor.clone() ctx /> })}
            </article>
        </li>
    }
}
