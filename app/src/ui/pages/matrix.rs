//! A group's action-plan matrix: the coordinator fills it (autosave per
//! cell), the group and the committee watch it live. Lines sit under the
//! seed's dimensions, at most N per dimension; the reference material the
//! meeting has is beside it.

use crate::api::delivery::DeliverGroupWork;
use crate::api::matrix::{get_matrix_reference, group_matrix, MatrixReference, MatrixView};
use crate::domain::change::CLOCK;
use crate::domain::matrix_rules::rows_of;
use crate::error::AppError;
use crate::i18n::*;
use crate::realtime::client::use_live;
use crate::ui::components::confirm::ConfirmSubmit;
use crate::ui::components::data::{refresh_on, Loaded};
use crate::ui::components::form_error::FormError;
use crate::ui::components::matrix_row::{RowActions, RowCard, UndoDelete};
use crate::ui::components::page_title::PageTitle;
use crate::ui::components::presence_list::PresenceList;
use crate::ui::components::questionnaire_form::QuestionnaireForm;
use crate::ui::components::reference_panel::ReferencePanel;
use crate::ui::components::save_status::{SaveStatus, SaveTracker};
use crate::ui::components::start_from::{start_points, StartOptions};
use crate::ui::components::text::{use_lang, Tx};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn MatrixPage() -> impl IntoView {
    let params = use_params_map();
    let group = move || params.read().get("group").unwrap_or_default();
    let data = Resource::new(group, |g| async move {
        let view = group_matrix(g).await?;
        let reference = get_matrix_reference().await?;
        Ok::<_, AppError>((view, reference))
    });
    view! { <Loaded resource=data render={|(view, reference): (MatrixView, MatrixReference)| view! { <Workspace view reference /> }} /> }
}

/// The page's copy of the matrix, refreshed when the group's work or the
/// clock changes (the clock decides which columns are open), after our own
/// row actions, and when a widget asks (`refresh`), always through the live
/// screens' one pattern (`refresh_on`).
#[derive(Clone, Copy)]
pub struct MatrixStore {
    pub view: RwSignal<MatrixView>,
    pub actions: RowActions,
    asked: RwSignal<u32>,
    /// The line this browser just added: its first field gets the focus.
    pub focus: RwSignal<Option<i64>>,
}

impl MatrixStore {
    pub fn refresh(&self) {
        self.asked.update(|n| *n += 1);
    }
}

#[component]
fn Workspace(view: MatrixView, reference: MatrixReference) -> impl IntoView {
    let i18n = use_i18n();
    let group = view.group.clone();
    let store = MatrixStore { view: RwSignal::new(view), actions: RowActions::new(), asked: RwSignal::new(0), focus: RwSignal::new(None) };
    provide_context(store);
    SaveTracker::provide();
    let live = use_live();
    let work = live.watch_prefix(format!("group:{}:", group.id));
    let clock = live.watch(CLOCK);
    let actions = store.actions;
    let id = group.id.clone();
    refresh_on(
        move || (work(), clock(), actions.version(), store.asked.get()),
        move || group_matrix(id.clone()),
        move |fresh| store.view.set(fresh),
    );
    let title = group.label.clone();
    let questionnaire = store.view.with_untracked(|v| v.questionnaire.clone());
    let heading_key = questionnaire.is_some();
    let dims = reference.template.dimensions.clone();
    let max = reference.template.matrix.max_lines_per_dimension;
    let reference = StoredValue::new(reference);
    view! {
        <PageTitle text=move || format!("{} · {}", t_string!(i18n, matrix_heading), title.spanish()) />
        <header class="page-head matrix-head">
            <p class="eyebrow">
                {if heading_key { t!(i18n, questionnaire_heading).into_any() } else { t!(i18n, matrix_heading).into_any() }}
            </p>
            <h1>
                <Tx text=group.label.clone() />
            </h1>
            <MatrixStatus />
            <UndoDelete group=group.id.clone() />
            <PresenceList group=group.id.clone() />
        </header>
        <div class="matrix-layout">
            <div class="matrix-main">
                // Sticks to the top of the matrix column while the coordinator
                // scrolls: always in view, over nothing but the matrix itself.
                <Show when=move || store.view.with(|v| v.coordinator)>
                    <div class="matrix-savebar">
                        <SaveStatus />
                    </div>
                </Show>
                {match questionnaire {
                    Some(guide) => view! { <QuestionnaireForm guide reference=reference.get_value() /> }.into_any(),
                    None => {
                        dims.into_iter()
                            .map(|d| view! { <DimensionSection dimension=d max reference=reference.get_value() /> })
                            .collect_view()
                            .into_any()
                    }
                }}
            </div>
            <ReferencePanel reference=reference.get_value() />
        </div>
    }
}

/// Session in progress, what is open, save status and delivery.
#[component]
fn MatrixStatus() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let store = expect_context::<MatrixStore>();
    let deliver = ServerAction::<DeliverGroupWork>::new();
    Effect::new(move |_| {
        if deliver.version().get() > 0 {
            store.refresh();
        }
    });
    let error = Signal::derive(move || deliver.value().get().and_then(|r| r.err()));
    // Drawn again only when what it shows changes, not at every cell saved
    // (a delivery being confirmed must stay open while the group types).
    let shown = Memo::new(move |_| {
        store.view.with(|v| {
            (
                v.session.clone(),
                v.delivered.clone(),
                v.questionnaire.is_some(),
                v.questionnaire_open,
                v.editable.clone(),
                v.coordinator,
                v.group.id.clone(),
            )
        })
    });
    move || {
        // Read, not just tracked: a memo never read never recomputes.
        shown.with(|_| ());
        let v = store.view.get_untracked();
        let session = v.session.clone();
        let delivered = session.as_ref().is_some_and(|s| v.delivered.contains(&s.number));
        // Session 4 edits the questionnaire, not matrix columns.
        let questionnaire = v.questionnaire.is_some();
        let editing = if questionnaire { v.questionnaire_open } else { !v.editable.is_empty() };
        let status = match (&session, editing, delivered) {
            (None, _, _) => t_string!(i18n, matrix_not_this_session).to_string(),
            (Some(_), _, true) => t_string!(i18n, matrix_delivered).to_string(),
            (Some(_), true, _) if questionnaire => t_string!(i18n, questionnaire_editing).to_string(),
            (Some(_), true, _) => t_string!(i18n, matrix_editing).to_string(),
            (Some(_), false, _) => t_string!(i18n, matrix_read_only).to_string(),
        };
        let group = v.group.id.clone();
        view! {
            <div class="matrix-status">
                {session
                    .clone()
                    .map(|s| {
                        view! {
                            <p class="badge badge-accent">
                                {t!(i18n, session_word)} " " {s.number} " · " {s.title.get(lang.get()).to_string()}
                            </p>
                        }
                    })} <p class="muted">{status}</p>
                {delivered.then(|| view! { <p class="badge badge-done">{t!(i18n, delivered_badge)}</p> })}
                {(v.coordinator && !delivered)
                    .then(|| {
                        session
                            .map(|s| {
                                view! {
                                    <ActionForm action=deliver>
                                        <input type="hidden" name="group" value=group.clone() />
                                        <input type="hidden" name="session" value=s.number.to_string() />
                                        <ConfirmSubmit
                                            class="button-small"
                                            label=t_string!(i18n, deliver_button).into()
                                            explain=t_string!(i18n, confirm_deliver_explain).into()
                                            confirm=t_string!(i18n, confirm_deliver).into()
                                        />
                                    </ActionForm>
                                }
                            })
                    })
                    .flatten()} <FormError action_error=error fn_path={crate::api::path_of::<crate::api::delivery::DeliverGroupWork>()} />
            </div>
        }
    }
}

#[component]
fn DimensionSection(dimension: crate::domain::reference::Dimension, max: u32, reference: MatrixReference) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let store = expect_context::<MatrixStore>();
    let dim = dimension.id.clone();
    let ids = {
        let dim = dim.clone();
        Memo::new(move |_| store.view.with(|v| rows_of(&v.rows, &dim).iter().map(|r| r.id).collect::<Vec<i64>>()))
    };
    let heading = format!("dim-{}", dim);
    let label_id = heading.clone();
    let starts = start_points(&reference, &dim, lang.get_untracked());
    let add = store.actions.add;
    let error = Signal::derive(move || add.value().get().and_then(|r| r.err()));
    // After this dimension's *Add line*: the new line's first field takes the
    // focus, and *Start from* is blank again (pressing twice must not copy
    // the same proposal twice).
    let origin = NodeRef::<leptos::html::Select>::new();
    let adding_here = RwSignal::new(false);
    Effect::watch(
        move || add.version().get(),
        move |_, _, _| {
            if adding_here.get_untracked() {
                adding_here.set(false);
                if let Some(Ok(id)) = add.value().get_untracked() {
                    store.focus.set(Some(id));
                    if let Some(select) = origin.get_untracked() {
                        select.set_value("");
                    }
                }
            }
        },
        false,
    );
    let form = StoredValue::new((dim.clone(), store.view.with_untracked(|v| v.group.id.clone()), starts));
    view! {
        <section class="dimension" aria-labelledby=label_id>
            <div class="dimension-head">
                <h2 id=heading>{dimension.number} ". " <Tx text=dimension.title.clone() /></h2>
                <span class="dimension-count">{move || ids.get().len()} " / " {max}</span>
            </div>
            <Show when=move || ids.get().is_empty()>
                <p class="muted">{t!(i18n, no_rows_yet)}</p>
            </Show>
            <ol class="matrix-rows">
                <For each=move || ids.get() key=|id| *id let:id>
                    <RowCard id reference=reference.clone() />
                </For>
            </ol>
            <Show when=move || store.view.with(|v| v.rows_editable) && (ids.get().len() as u32) < max>
                <ActionForm action=add attr:class="add-row">
                    <input type="hidden" name="group" value=form.with_value(|f| f.1.clone()) />
                    <input type="hidden" name="dimension" value=form.with_value(|f| f.0.clone()) />
                    <label class="field">
                        <span>{t!(i18n, start_from)}</span>
                        <select name="origin" node_ref=origin>
                            <option value="">{t!(i18n, start_blank)}</option>
                            <StartOptions groups=form.with_value(|f| f.2.clone()) />
                        </select>
                    </label>
                    <button class="button button-small" type="submit" on:click=move |_| adding_here.set(true)>
                        {t!(i18n, add_row)}
                    </button>
                </ActionForm>
            </Show>
            <FormError action_error=error fn_path={crate::api::path_of::<crate::api::matrix::AddMatrixRow>()} />
        </section>
    }
}
