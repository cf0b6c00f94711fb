//! One line of a group's matrix: its fields under the annex's column titles
//! (editable ones as autosaving cells), and moving or deleting it.

use crate::api::matrix::{AddMatrixRow, DeleteMatrixRow, MatrixReference, MoveMatrixRow, RestoreMatrixRow};
use crate::domain::cells::{Cell, CellKey};
use crate::domain::matrix_fields::{FieldDef, FieldKind};
use crate::domain::matrix_rules::rows_of;
use crate::i18n::*;
use crate::ui::components::cell_editor::TextCell;
use crate::ui::components::choice_cell::ChoiceCell;
use crate::ui::components::text::use_lang;
use crate::ui::pages::matrix::MatrixStore;
use leptos::form::ActionForm;
use leptos::prelude::*;

/// The row actions of a page, created once; their versions trigger a refresh.
#[derive(Clone, Copy)]
pub struct RowActions {
    pub add: ServerAction<AddMatrixRow>,
    pub delete: ServerAction<DeleteMatrixRow>,
    pub moving: ServerAction<MoveMatrixRow>,
    pub restore: ServerAction<RestoreMatrixRow>,
    /// The line whose *Delete* was pressed last (what *Undo* brings back).
    pub last_deleted: RwSignal<Option<i64>>,
}

impl RowActions {
    pub fn new() -> Self {
        RowActions {
            add: ServerAction::new(),
            delete: ServerAction::new(),
            moving: ServerAction::new(),
            restore: ServerAction::new(),
            last_deleted: RwSignal::new(None),
        }
    }

    pub fn version(&self) -> usize {
        self.add.version().get() + self.delete.version().get() + self.moving.version().get() + self.restore.version().get()
    }
}

impl Default for RowActions {
    fn default() -> Self {
        Self::new()
    }
}

/// What a choice field offers, as (id, name) in the reader's language.
pub fn choice_options(lang: &str, field: &FieldDef) -> Vec<(String, String)> {
    field.options.iter().map(|o| (o.id.clone(), o.name.get(lang).to_string())).collect()
}

#[component]
pub fn RowCard(id: i64, reference: MatrixReference) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let store = expect_context::<MatrixStore>();
    let row = Memo::new(move |_| store.view.with(|v| v.rows.iter().find(|r| r.id == id).cloned()));
    let number = Memo::new(move |_| {
        store.view.with(|v| {
            let dim = v.rows.iter().find(|r| r.id == id).map(|r| r.dimension.clone()).unwrap_or_default();
            rows_of(&v.rows, &dim).iter().position(|r| r.id == id).map_or(0, |p| p + 1)
        })
    });
    let editable = Memo::new(move |_| store.view.with(|v| v.editable.clone()));
    let group = store.view.with_untracked(|v| v.group.id.clone());
    let matrix = reference.template.matrix.clone();
    let proposals: Vec<String> = matrix.rows.iter().map(|r| r.id.clone()).collect();
    let fields = move || {
        let open = editable.get();
        let lang = lang.get_untracked();
        matrix
            .columns
            .iter()
            .map(|col| {
                let is_open = col.fields.iter().any(|f| open.contains(&f.id));
                let cells = col
                    .fields
                    .iter()
                    .map(|def| {
                        let field = def.id.clone();
                        let key = CellKey::Matrix { row: id, field: field.clone() }.encode();
                        let label = matrix.label(&field, lang);
                        let can = open.contains(&field);
                        let server: Signal<Cell> =
                            Memo::new(move |_| row.with(|r| r.as_ref().map(|r| r.cell(&field)).unwrap_or_else(Cell::empty))).into();
                        match def.kind {
                            FieldKind::Text => view! { <TextCell group=group.clone() key label server editable=can /> }.into_any(),
                            FieldKind::Choice => {
                                let options = choice_options(lang, def);
                                view! { <ChoiceCell group=group.clone() key label options server editable=can single=def.single /> }
                                    .into_any()
                            }
                        }
                    })
                    .collect_view();
                view! {
                    <div class="matrix-col" class:matrix-col-open=is_open data-column=col.id.clone()>
                        {cells}
                    </div>
                }
            })
            .collect_view()
    };
    let article = NodeRef::<leptos::html::Article>::new();
    Effect::new(move |_| {
        if store.focus.get() == Some(id) {
            if let Some(a) = article.get() {
                store.focus.set(None);
                focus_first_field(&a);
            }
        }
    });
    // Where the line started from (a proposal row or reference material).
    let origin = move || {
        row.get().and_then(|r| r.origin).map(|o| {
            let from = if proposals.contains(&o) { t_string!(i18n, origin_template) } else { t_string!(i18n, origin_reference) };
            view! { <span class="muted origin">{from}</span> }
        })
    };
    view! {
        <li id=format!("row-{id}")>
            <article class="matrix-row" node_ref=article aria-labelledby=format!("row-{id}-title")>
                <header class="matrix-row-head">
                    <h3 id=format!("row-{id}-title")>{t!(i18n, line_word)} " " {move || number.get()}</h3>
                    {origin}
                    <RowButtons id />
                </header>
                <div class="matrix-fields">{fields}</div>
            </article>
        </li>
    }
}

/// The first field this person may fill in a line (its open columns).
#[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
fn focus_first_field(line: &leptos::web_sys::HtmlElement) {
    #[cfg(feature = "hydrate")]
    if let Ok(Some(field)) = line.query_selector(".matrix-col-open textarea, .matrix-col-open input:not([tabindex='-1'])") {
        use wasm_bindgen::JsCast;
        let _ = field.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

#[component]
fn RowButtons(id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let store = expect_context::<MatrixStore>();
    let group = StoredValue::new(store.view.with_untracked(|v| v.group.id.clone()));
    let actions = store.actions;
    let step = move |step: i32, label: &'static str, text: &'static str| {
        view! {
            <ActionForm action=actions.moving>
                <input type="hidden" name="group" value=group.get_value() />
                <input type="hidden" name="row" value=id.to_string() />
                <input type="hidden" name="step" value=step.to_string() />
                <button class="button button-small button-secondary" type="submit" aria-label=label>
                    {text}
                </button>
            </ActionForm>
        }
    };
    view! {
        <Show when=move || store.view.with(|v| v.rows_editable)>
            <div class="row-buttons">
                {step(-1, t_string!(i18n, move_up), "↑")} {step(1, t_string!(i18n, move_down), "↓")} <ActionForm action=actions.delete>
                    <input type="hidden" name="group" value=group.get_value() />
                    <input type="hidden" name="row" value=id.to_string() />
                    <button class="button button-small button-danger" type="submit" on:click=move |_| actions.last_deleted.set(Some(id))>
                        {t!(i18n, delete_row)}
                    </button>
                </ActionForm>
            </div>
        </Show>
    }
}

/// After a line is deleted: "Line deleted · Undo" for ten seconds.
#[component]
pub fn UndoDelete(group: String) -> impl IntoView {
    let i18n = use_i18n();
    let actions = expect_context::<MatrixStore>().actions;
    let offer = RwSignal::new(None::<i64>);
    Effect::watch(
        move || actions.delete.version().get(),
        move |_, _, _| {
            let deleted = matches!(actions.delete.value().get_untracked(), Some(Ok(())));
            if let (true, Some(row)) = (deleted, actions.last_deleted.get_untracked()) {
                offer.set(Some(row));
                #[cfg(feature = "hydrate")]
                gloo_timers::callback::Timeout::new(10_000, move || {
                    if offer.get_untracked() == Some(row) {
                        offer.set(None);
                    }
                })
                .forget();
            }
        },
        false,
    );
    Effect::watch(move || actions.restore.version().get(), move |_, _, _| offer.set(None), false);
    let error = Signal::derive(move || actions.restore.value().get().and_then(|r| r.err()));
    let group = StoredValue::new(group);
    view! {
        <Show when=move || offer.get().is_some()>
            <div class="undo-bar" role="status">
                <span>{t!(i18n, row_deleted)}</span>
                <ActionForm action=actions.restore>
                    <input type="hidden" name="group" value=group.get_value() />
                    <input type="hidden" name="row" value=move || offer.get().map(|r| r.to_string()).unwrap_or_default() />
                    <button class="button button-small" type="submit">
                        {t!(i18n, undo)}
                    </button>
                </ActionForm>
            </div>
        </Show>
        <crate::ui::components::form_error::FormError
            action_error=error
            fn_path={crate::api::path_of::<crate::api::matrix::RestoreMatrixRow>()}
        />
    }
}
