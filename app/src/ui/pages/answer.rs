//! A participant's guiding questions for the session in progress, with their
//! own answers: add, change, delete. Plain forms, so it works on any phone,
//! also with JavaScript off (the server sends the browser back here).

use crate::api::answers::{my_questions, AddAnswer, AnswerSheet, DeleteAnswer, EditAnswer};
use crate::domain::answers::{Answer, MAX_ANSWER_CHARS};
use crate::domain::change::CLOCK;
use crate::domain::question::Question;
use crate::i18n::*;
use crate::realtime::client::use_live;
use crate::ui::components::data::Loaded;
use crate::ui::components::form_error::FormError;
use crate::ui::components::text::Tx;
use crate::ui::components::timebox_hint::TimeboxHint;
use leptos::form::ActionForm;
use leptos::prelude::*;
use crate::ui::components::page_title::PageTitle;

#[derive(Clone, Copy)]
struct Forms {
    add: ServerAction<AddAnswer>,
    edit: ServerAction<EditAnswer>,
    delete: ServerAction<DeleteAnswer>,
    /// Made with the page, not inside the part that reloads with the data.
    error: Signal<Option<crate::error::AppError>>,
    none: Signal<Option<crate::error::AppError>>,
}

#[component]
pub fn AnswerPage() -> impl IntoView {
    let (add, edit, delete) = (ServerAction::<AddAnswer>::new(), ServerAction::<EditAnswer>::new(), ServerAction::<DeleteAnswer>::new());
    let error = Signal::derive(move || {
        add.value().get().and_then(|r| r.err())
            .or_else(|| edit.value().get().and_then(|r| r.err()))
            .or_else(|| delete.value().get().and_then(|r| r.err()))
    });
    let forms = Forms { add, edit, delete, error, none: Signal::derive(|| None) };
    let clock = use_live().watch(CLOCK);
    // Not refetched when group-mates answer: that would wipe what one is typing.
    let sheet = Resource::new(
        move || (forms.add.version().get(), forms.edit.version().get(), forms.delete.version().get(), clock()),
        |_| my_questions(),
    );
    view! { <Loaded resource=sheet render=move |s: AnswerSheet| view! { <Sheet sheet=s forms/> }/> }
}

#[component]
fn Sheet(sheet: AnswerSheet, forms: Forms) -> impl IntoView {
    let i18n = use_i18n();
    let (Some(group), Some(guide)) = (sheet.group.clone(), sheet.guide.clone()) else {
        return view! {
            <PageTitle text=move || t_string!(i18n, answer_heading).to_string()/>
            <section class="notice"><h1>{t!(i18n, answer_heading)}</h1><p>{t!(i18n, no_group_now)}</p></section>
        }
        .into_any();
    };
    let error = forms.error;
    let open = sheet.open;
    let session = sheet.session.clone().map(|s| s.number).unwrap_or(0);
    let plan: Vec<(String, Option<u32>)> = guide.questions.iter().map(|q| {
        let key = format!("{}/{}", guide.id, q.id);
        let minutes = sheet.timeboxes.get(&key).copied();
        (key, minutes)
    }).collect();
    let running = sheet.session.as_ref().map(|s| s.number);
    view! {
        <PageTitle text=move || t_string!(i18n, answer_heading).to_string()/>
        <header class="page-head">
            <p class="eyebrow">{t!(i18n, session_word)} " " {session} " · §" {guide.id.clone()}</p>
            <h1>{t!(i18n, answer_heading)}</h1>
            <p class="lead"><Tx text=group.label.clone()/></p>
            <p><a href=format!("/groups/{}/matrix", group.id)>{t!(i18n, open_matrix)}</a></p>
        </header>
        {(!open).then(|| view! { <p class="notice" role="status">{t!(i18n, answers_closed_notice)}</p> })}
        <FormError action_error=error fn_path="/api/fn/add_answer"/>
        <FormError action_error=forms.none fn_path="/api/fn/edit_answer"/>
        <FormError action_error=forms.none fn_path="/api/fn/delete_answer"/>
        <ol class="answer-questions">
            {guide.questions.into_iter().map(|q| {
                let key = format!("{}/{}", guide.id, q.id);
                let mine: Vec<Answer> = sheet.mine.iter().filter(|a| a.question == key).cloned().collect();
                let discussed = sheet.discussed.contains(&key);
                view! { <QuestionCard question=q key group=group.id.clone() mine discussed open forms plan=plan.clone() session=running/> }
            }).collect_view()}
        </ol>
    }
    .into_any()
}

#[component]
#[allow(clippy::too_many_arguments)]
fn QuestionCard(
    question: Question,
    key: String,
    group: String,
    mine: Vec<Answer>,
    discussed: bool,
    open: bool,
    forms: Forms,
    plan: Vec<(String, Option<u32>)>,
    session: Option<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let anchor = format!("q-{}", key.replace(['/', '.'], "-"));
    let field_id = format!("{anchor}-new");
    // Emptied after each answer sent, and only then: what a participant typed
    // before the page came alive must survive hydration.
    let new_text = NodeRef::<leptos::html::Textarea>::new();
    Effect::watch(
        move || forms.add.version().get(),
        move |_, _, _| {
            if let Some(t) = new_text.get_untracked() {
                t.set_value("");
            }
        },
        false,
    );
    view! {
        <li id=anchor.clone()>
          <article class="panel answer-card" aria-labelledby=format!("{anchor}-title")>
            <h2 class="question-title" id=format!("{anchor}-title")>
                <span class="question-label">{question.label.clone()}</span> " " <Tx text=question.text.clone()/>
            </h2>
            <TimeboxHint key=key.clone() plan session/>
            {discussed.then(|| view! { <p class="badge badge-done">{t!(i18n, discussed_badge)}</p> })}
            {question.parts.into_iter().map(|p| view! {
                {p.intro.map(|i| view! { <p class="part-intro"><Tx text=i/></p> })}
                <ul class="sub-items">
                    {p.items.into_iter().map(|it| view! { <li><span class="question-label">{it.label}</span> " " <Tx text=it.text/></li> }).collect_view()}
                </ul>
            }).collect_view()}
            {(!mine.is_empty()).then(|| view! { <h3 class="muted">{t!(i18n, your_answers)}</h3> })}
            <ul class="my-answers">
                {mine.into_iter().map(|a| view! { <MyAnswer answer=a group=group.clone() open forms/> }).collect_view()}
            </ul>
            {open.then(|| view! {
                <ActionForm action=forms.add attr:class="answer-form">
                    <input type="hidden" name="group" value=group.clone()/>
                    <input type="hidden" name="question" value=key.clone()/>
                    <label class="field" for=field_id.clone()><span>{t!(i18n, new_answer)}</span></label>
                    <textarea node_ref=new_text id=field_id name="text" rows="3" required maxlength=MAX_ANSWER_CHARS.to_string()></textarea>
                    <button class="button" type="submit">{t!(i18n, add_answer)}</button>
                </ActionForm>
            })}
          </article>
        </li>
    }
}

#[component]
fn MyAnswer(answer: Answer, group: String, open: bool, forms: Forms) -> impl IntoView {
    let i18n = use_i18n();
    if !open {
        return view! { <li class="my-answer"><p>{answer.text}</p></li> }.into_any();
    }
    let id = answer.id.to_string();
    let field = format!("answer-{id}");
    let (group2, id2) = (group.clone(), id.clone());
    view! {
        <li class="my-answer">
            <ActionForm action=forms.edit attr:class="answer-form">
                <input type="hidden" name="group" value=group2/>
                <input type="hidden" name="id" value=id2/>
                <label class="visually-hidden" for=field.clone()>{t!(i18n, your_answers)}</label>
                <textarea id=field name="text" rows="2" required maxlength=MAX_ANSWER_CHARS.to_string()>{answer.text.clone()}</textarea>
                <div class="button-row">
                    <button class="button button-small button-secondary" type="submit">{t!(i18n, edit_answer)}</button>
                </div>
            </ActionForm>
            <ActionForm action=forms.delete attr:class="inline-form">
                <input type="hidden" name="group" value=group/>
                <input type="hidden" name="id" value=id/>
                <button class="link-button" type="submit">{t!(i18n, delete_answer)}</button>
            </ActionForm>
        </li>
    }
    .into_any()
}
