//! A group's answers, live, by question: the coordinator marks questions as
//! discussed and takes an answer into a matrix cell (with its author).
//!
//! A live screen (`refresh_on`): the frame — guides, questions, forms — is
//! drawn once; fresh data patches each question's answers, its "discussed"
//! mark and its suggested time, so a target being chosen for an answer or
//! minutes being typed survive answers arriving from 120 phones.

use crate::api::answers::{get_group_answers, GroupAnswers, MarkDiscussed, PromoteAnswer};
use crate::api::matrix::{get_matrix_reference, group_matrix, MatrixReference, MatrixView};
use crate::api::timebox::SetTimebox;
use crate::domain::cells::{CellKey, SaveOutcome};
use crate::domain::matrix_fields::FieldKind;
use crate::domain::matrix_rules::rows_of;
use crate::error::AppError;
use crate::i18n::*;
use crate::realtime::client::use_live;
use crate::ui::components::data::{refresh_on, Loaded};
use crate::ui::components::form_error::FormError;
use crate::ui::components::group_answer_card::{AnswersCtx, QuestionAnswers};
use crate::ui::components::page_title::PageTitle;
use crate::ui::components::text::{use_lang, Tx};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn GroupAnswersPage() -> impl IntoView {
    let params = use_params_map();
    let group = move || params.read().get("group").unwrap_or_default();
    // The frame's data, fetched once per group; `Answers` keeps it fresh in place.
    let first = Resource::new(group, |g| async move {
        let answers = get_group_answers(g.clone()).await?;
        let matrix = group_matrix(g).await?;
        Ok::<_, AppError>((answers, matrix, get_matrix_reference().await?))
    });
    view! {
        <Loaded
            resource=first
            render=move |(a, m, r): (GroupAnswers, MatrixView, MatrixReference)| view! { <Answers first=a matrix=m reference=r /> }
        />
    }
}

#[component]
fn Answers(first: GroupAnswers, matrix: MatrixView, reference: MatrixReference) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang().get_untracked();
    let group = first.group.id.clone();
    let data = RwSignal::new(first);
    let matrix = RwSignal::new(matrix);
    let (mark, promote, plan) =
        (ServerAction::<MarkDiscussed>::new(), ServerAction::<PromoteAnswer>::new(), ServerAction::<SetTimebox>::new());
    let changes = use_live().watch_prefix(format!("group:{group}:"));
    refresh_on(
        move || (changes(), mark.version().get(), promote.version().get(), plan.version().get()),
        move || {
            let g = group.clone();
            async move { Ok::<_, AppError>((get_group_answers(g.clone()).await?, group_matrix(g).await?)) }
        },
        move |(a, m)| {
            data.set(a);
            matrix.set(m);
        },
    );
    // Equal lists compare equal: a coordinator typing in the matrix changes
    // the targets only when a line's first words change.
    let targets = Memo::new(move |_| matrix.with(|m| promote_targets(i18n, lang, m, &reference)));
    let ctx = AnswersCtx { data, targets, mark, promote, plan };
    // What decides the page's shape: the guides shown and their order (the
    // session in progress first), and what this person may do.
    let shape = Memo::new(move |_| {
        data.with(|a| {
            (a.guides.iter().map(|g| g.guide.id.clone()).collect::<Vec<_>>(), a.session, a.coordinator, a.may_plan, a.may_plan_every_group)
        })
    });
    move || {
        // Read, not just tracked: a memo never read never recomputes.
        shape.with(|_| ());
        view! { <Frame ctx /> }
    }
}

#[component]
fn Frame(ctx: AnswersCtx) -> impl IntoView {
    let i18n = use_i18n();
    let a = ctx.data.get_untracked();
    let group = a.group.clone();
    let name = group.name.clone();
    let error =
        Signal::derive(move || ctx.mark.value().get().and_then(|r| r.err()).or_else(|| ctx.promote.value().get().and_then(|r| r.err())));
    let plan_error = Signal::derive(move || ctx.plan.value().get().and_then(|r| r.err()));
    let conflict = move || matches!(ctx.promote.value().get(), Some(Ok(SaveOutcome::Conflict(_))));
    view! {
        <PageTitle text=move || format!("{} · {}", t_string!(i18n, group_answers_heading), name.spanish()) />
        <header class="page-head">
            <p class="eyebrow">{t!(i18n, group_answers_heading)}</p>
            <h1>
                <Tx text=group.label.clone() />
            </h1>
            <p>
                <a href=format!("/groups/{}/matrix", group.id)>{t!(i18n, open_matrix)}</a>
            </p>
        </header>
        <FormError action_error=error fn_path={crate::api::path_of::<crate::api::answers::PromoteAnswer>()} />
        <FormError action_error=plan_error fn_path={crate::api::path_of::<crate::api::timebox::SetTimebox>()} />
        <Show when=conflict>
            <p class="form-error" role="alert">
                {t!(i18n, conflict_heading)}
            </p>
        </Show>
        {a
            .guides
            .into_iter()
            .enumerate()
            .map(|(i, g)| {
                let session = a.session.filter(|_| i == 0);
                let guide_id = g.guide.id.clone();
                // Suggested times tick only for the guide of the session in progress (first).
                view! {
                    <section class="panel" aria-labelledby=format!("guide-{i}")>
                        <h2 id=format!("guide-{i}")>
                            <Tx text=g.guide.title.clone() />
                        </h2>
                        <ol class="answer-questions">
                            {g
                                .by_question
                                .into_iter()
                                .zip(g.guide.questions)
                                .map(|((key, _), q)| {
                                    view! { <QuestionAnswers question=q key guide=guide_id.clone() group=group.id.clone() session ctx /> }
                                })
                                .collect_view()}
                        </ol>
                    </section>
                }
            })
            .collect_view()}
    }
}

/// Where an answer can go: (cell key, "Línea 1.2 · <field> · <heading>…")
/// for every text field the coordinator may change now.
fn promote_targets(i18n: I18nContext, lang: &str, m: &MatrixView, reference: &MatrixReference) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dim in &reference.template.dimensions {
        for (n, row) in rows_of(&m.rows, &dim.id).into_iter().enumerate() {
            let matrix = &reference.template.matrix;
            let short: String = row.text(&matrix.heading).chars().take(40).collect();
            for field in m.editable.iter().filter(|f| matrix.field(f).is_some_and(|d| d.kind == FieldKind::Text)) {
                let label = format!("{} {}.{} · {} · {short}", t_string!(i18n, line_word), dim.number, n + 1, matrix.label(field, lang));
                out.push((CellKey::Matrix { row: row.id, field: field.clone() }.encode(), label));
            }
        }
    }
    out
}
