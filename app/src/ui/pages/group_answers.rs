//! A group's answers, live, by question: the coordinator marks questions as
//! discussed and takes an answer into a matrix cell (with its author).

use crate::api::answers::{get_group_answers, GroupAnswers, GuideAnswers, MarkDiscussed, PromoteAnswer};
use crate::api::timebox::SetTimebox;
use crate::ui::components::timebox_hint::{TimeboxForm, TimeboxHint};
use crate::api::matrix::{get_matrix_reference, group_matrix, MatrixReference, MatrixView};
use crate::domain::answers::{attribution, Answer};
use crate::domain::cells::{CellKey, SaveOutcome};
use crate::domain::matrix_fields::{Field, FieldKind};
use crate::domain::matrix_rules::rows_of;
use crate::ui::components::matrix_row::field_label;
use crate::error::AppError;
use crate::i18n::*;
use crate::realtime::client::use_live;
use crate::ui::components::data::Loaded;
use crate::ui::components::form_error::FormError;
use crate::ui::components::text::Tx;
use leptos::form::ActionForm;
use leptos::prelude::*;
use crate::ui::components::page_title::PageTitle;
use leptos_router::hooks::use_params_map;

#[derive(Clone, Copy)]
struct Forms {
    mark: ServerAction<MarkDiscussed>,
    promote: ServerAction<PromoteAnswer>,
    plan: ServerAction<SetTimebox>,
    /// Made with the page, not inside the part that reloads with the data.
    error: Signal<Option<AppError>>,
    plan_error: Signal<Option<AppError>>,
}

/// What the questions of one guide need to show and change suggested times.
#[derive(Clone)]
struct Timing {
    timeboxes: std::collections::BTreeMap<String, u32>,
    /// The session in progress, for the guide that belongs to it.
    session: Option<u32>,
    may_plan: bool,
    may_plan_every_group: bool,
}

#[component]
pub fn GroupAnswersPage() -> impl IntoView {
    let params = use_params_map();
    let group = move || params.read().get("group").unwrap_or_default();
    let (mark, promote) = (ServerAction::<MarkDiscussed>::new(), ServerAction::<PromoteAnswer>::new());
    let error = Signal::derive(move || mark.value().get().and_then(|r| r.err()).or_else(|| promote.value().get().and_then(|r| r.err())));
    let plan = ServerAction::<SetTimebox>::new();
    let plan_error = Signal::derive(move || plan.value().get().and_then(|r| r.err()));
    let forms = Forms { mark, promote, plan, error, plan_error };
    let live = use_live();
    // Reference material never changes during the meeting: fetched once.
    let reference = Resource::new(|| (), |_| get_matrix_reference());
    let data = Resource::new(
        move || {
            let g = group();
            let changes = live.watch_prefix(format!("group:{g}:"))();
            (g, changes, forms.mark.version().get(), forms.promote.version().get(), forms.plan.version().get())
        },
        move |(g, ..)| async move {
            let answers = get_group_answers(g.clone()).await?;
            let matrix = group_matrix(g).await?;
            Ok::<_, AppError>((answers, matrix, reference.await?))
        },
    );
    view! {
        <Loaded resource=data render=move |(a, m, r): (GroupAnswers, MatrixView, MatrixReference)| view! { <Answers answers=a matrix=m reference=r forms/> }/>
    }
}

#[component]
fn Answers(answers: GroupAnswers, matrix: MatrixView, reference: MatrixReference, forms: Forms) -> impl IntoView {
    let i18n = use_i18n();
    let lang = crate::ui::components::text::use_lang().get_untracked();
    let group = answers.group.clone();
    let targets = promote_targets(i18n, lang, &matrix, &reference);
    let error = forms.error;
    let conflict = move || matches!(forms.promote.value().get(), Some(Ok(SaveOutcome::Conflict(_))));
    view! {
        <PageTitle text=move || format!("{} · {}", t_string!(i18n, group_answers_heading), group.name.spanish())/>
        <header class="page-head">
            <p class="eyebrow">{t!(i18n, group_answers_heading)}</p>
            <h1><Tx text=answers.group.label.clone()/></h1>
            <p><a href=format!("/groups/{}/matrix", answers.group.id)>{t!(i18n, open_matrix)}</a></p>
        </header>
        <FormError action_error=error fn_path="/api/fn/promote_answer"/>
        <FormError action_error=forms.plan_error fn_path="/api/fn/set_timebox"/>
        <Show when=conflict><p class="form-error" role="alert">{t!(i18n, conflict_heading)}</p></Show>
        {answers.guides.into_iter().enumerate().map(|(i, g)| {
            // The guide of the session in progress comes first.
            let timing = Timing {
                timeboxes: answers.timeboxes.clone(),
                session: answers.session.filter(|_| i == 0),
                may_plan: answers.may_plan,
                may_plan_every_group: answers.may_plan_every_group,
            };
            view! { <GuideBlock guide=g group=answers.group.id.clone() discussed=answers.discussed.clone() coordinator=answers.coordinator targets=targets.clone() forms timing/> }
        }).collect_view()}
    }
}

/// Where an answer can go: (cell key, "Línea 1.2 · Prioridades · Promover…")
/// for every text field the coordinator may change now.
fn promote_targets(i18n: leptos_i18n::I18nContext<Locale>, lang: &str, m: &MatrixView, reference: &MatrixReference) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dim in &reference.template.dimensions {
        for (n, row) in rows_of(&m.rows, &dim.id).into_iter().enumerate() {
            let short: String = row.text(Field::Prioridades).chars().take(40).collect();
            for field in m.editable.iter().filter(|f| f.kind() == FieldKind::Text) {
                let column = reference.template.matrix.columns.iter().find(|c| c.id == field.column());
                let title = column.map(|c| c.title.get(lang).to_string()).unwrap_or_default();
                let label = format!("{} {}.{} · {} · {short}", t_string!(i18n, line_word), dim.number, n + 1, field_label(i18n, &title, *field));
                out.push((CellKey::Matrix { row: row.id, field: *field }.encode(), label));
            }
        }
    }
    out
}

#[component]
fn GuideBlock(guide: GuideAnswers, group: String, discussed: Vec<String>, coordinator: bool, targets: Vec<(String, String)>, forms: Forms, timing: Timing) -> impl IntoView {
    let i18n = use_i18n();
    let questions = guide.guide.questions.clone();
    let plan: Vec<(String, Option<u32>)> = guide.by_question.iter().map(|(k, _)| (k.clone(), timing.timeboxes.get(k).copied())).collect();
    view! {
        <section class="panel" aria-label=format!("§{}", guide.guide.id)>
            <h2><Tx text=guide.guide.title.clone()/></h2>
            <ol class="answer-questions">
                {guide.by_question.into_iter().zip(questions).map(|((key, list), q)| {
                    let done = discussed.contains(&key);
                    let group = group.clone();
                    let group2 = group.clone();
                    let targets = targets.clone();
                    let (group3, key3) = (group.clone(), key.clone());
                    view! {
                        <li class="answer-card" class:discussed=done>
                            <h3 class="question-title"><span class="question-label">{q.label}</span> " " <Tx text=q.text/></h3>
                            <TimeboxHint key=key.clone() plan=plan.clone() session=timing.session/>
                            <p class="muted">{t!(i18n, answers_count)} " " {list.len()}
                                {done.then(|| view! { " · " <span class="badge badge-done">{t!(i18n, discussed_badge)}</span> })}</p>
                            <div class="question-tools">
                                {coordinator.then(|| view! {
                                    <ActionForm action=forms.mark attr:class="inline-form">
                                        <input type="hidden" name="group" value=group.clone()/>
                                        <input type="hidden" name="question" value=key.clone()/>
                                        <input type="hidden" name="discussed" value=(!done).to_string()/>
                                        <button class="button button-small button-secondary" type="submit">
                                            {if done { t!(i18n, unmark_discussed).into_any() } else { t!(i18n, mark_discussed).into_any() }}
                                        </button>
                                    </ActionForm>
                                })}
                                {timing.may_plan.then(|| view! {
                                    <TimeboxForm action=forms.plan minutes=timing.timeboxes.get(&key3).copied() group=group3.clone() key=key3.clone() every_group=timing.may_plan_every_group/>
                                })}
                            </div>
                            <ul class="group-answers">
                                {list.into_iter().map(|a| view! { <GroupAnswer answer=a group=group2.clone() coordinator targets=targets.clone() forms/> }).collect_view()}
                            </ul>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn GroupAnswer(answer: Answer, group: String, coordinator: bool, targets: Vec<(String, String)>, forms: Forms) -> impl IntoView {
    let i18n = use_i18n();
    let who = attribution(&answer);
    let can_promote = coordinator && !targets.is_empty();
    view! {
        <li class="group-answer">
            <p>{answer.text.clone()}</p>
            <p class="muted">"— " {who}</p>
            {can_promote.then(|| view! {
                <ActionForm action=forms.promote attr:class="promote-form">
                    <input type="hidden" name="group" value=group/>
                    <input type="hidden" name="answer" value=answer.id.to_string()/>
                    <label class="field inline-field">
                        <span>{t!(i18n, promote_to)}</span>
                        <select name="key">
                            {targets.into_iter().map(|(k, l)| view! { <option value=k>{l}</option> }).collect_view()}
                        </select>
                    </label>
                    <button class="button button-small" type="submit">{t!(i18n, promote_button)}</button>
                </ActionForm>
            })}
        </li>
    }
}
