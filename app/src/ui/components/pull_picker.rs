//! Under a questionnaire answer: the groups' matrix rows, filtered by tag
//! (an option of a choice field), each pullable into the answer in one click.
//! The rows are fetched once, when a coordinator first opens a picker.

use crate::api::matrix::MatrixReference;
use crate::api::questionnaire::{pull_matrix_row, pullable_rows};
use crate::domain::cells::SaveOutcome;
use crate::domain::matrix_fields::FieldKind;
use crate::domain::pull::{PullableRow, Tag};
use crate::i18n::*;
use crate::ui::components::form_error::error_text;
use crate::ui::components::save_status::new_op_id;
use crate::ui::components::text::{use_lang, Tx};
use crate::ui::pages::matrix::MatrixStore;
use leptos::prelude::*;

/// The page's one copy of the rows (None until first asked for).
#[derive(Clone, Copy)]
pub struct PullRows {
    rows: RwSignal<Option<Result<Vec<PullableRow>, crate::error::AppError>>>,
    pub reference: StoredValue<MatrixReference>,
}

impl PullRows {
    pub fn provide(reference: MatrixReference) {
        provide_context(PullRows { rows: RwSignal::new(None), reference: StoredValue::new(reference) });
    }

    fn load(self, group: String) {
        if self.rows.get_untracked().is_some_and(|r| r.is_ok()) {
            return;
        }
        leptos::task::spawn_local(async move { self.rows.set(Some(pullable_rows(group).await)) });
    }
}

#[component]
pub fn PullPicker(item: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let store = expect_context::<MatrixStore>();
    let source = expect_context::<PullRows>();
    let group = store.view.with_untracked(|v| v.group.id.clone());
    let filter = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let filter_id = format!("pull-filter-{}", item.replace(['/', '.'], "-"));
    let reference = source.reference.get_value();
    let matrix = reference.template.matrix;
    // One group of options per choice field, under the field's label.
    let tag_options = matrix
        .fields()
        .filter(|f| f.kind == FieldKind::Choice)
        .map(|f| {
            let options = f
                .options
                .iter()
                .map(|o| {
                    let value = Tag { field: f.id.clone(), id: o.id.clone() }.encode();
                    view! { <option value=value>{o.name.get(lang.get_untracked()).to_string()}</option> }
                })
                .collect_view();
            view! { <optgroup label=matrix.label(&f.id, lang.get_untracked())>{options}</optgroup> }
        })
        .collect_view();
    // A row's areas, in short, beside its group.
    let areas_of = move |r: &PullableRow| {
        let f = matrix.area_field()?;
        let chosen = r.tagged(&f.id);
        (!chosen.is_empty()).then(|| {
            let names: Vec<String> =
                chosen.iter().map(|id| f.option_short(id, lang.get_untracked()).unwrap_or_else(|| id.to_string())).collect();
            format!(" · {}: {}", matrix.label(&f.id, lang.get_untracked()), names.join(", "))
        })
    };
    let add = {
        let (group, item) = (group.clone(), item.clone());
        move |row: PullableRow| {
            let (group, item) = (group.clone(), item.clone());
            leptos::task::spawn_local(async move {
                let outcome = pull_matrix_row(group, item, row.group, row.row, new_op_id()).await;
                message.set(match outcome {
                    Ok(SaveOutcome::Saved(_)) => {
                        store.refresh();
                        Some(t_string!(i18n, pull_added).to_string())
                    }
                    Ok(SaveOutcome::Conflict(_)) => Some(t_string!(i18n, pull_retry).to_string()),
                    Err(e) => Some(error_text(i18n, &e)),
                });
            });
        }
    };
    let list = move || {
        let tag = Tag::parse(&filter.get());
        match source.rows.get() {
            None => view! { <p class="muted small">{t!(i18n, loading)}</p> }.into_any(),
            Some(Err(e)) => view! {
                <p class="form-error" role="alert">
                    {error_text(i18n, &e)}
                </p>
            }
            .into_any(),
            Some(Ok(rows)) => {
                let shown: Vec<PullableRow> = rows.into_iter().filter(|r| tag.as_ref().is_none_or(|t| r.has(t))).collect();
                if shown.is_empty() {
                    return view! { <p class="muted small">{t!(i18n, pull_none)}</p> }.into_any();
                }
                let add = add.clone();
                view! {
                    <ul class="pull-list">
                        {shown
                            .into_iter()
                            .map(|r| {
                                let add = add.clone();
                                let row = r.clone();
                                view! {
                                    <li>
                                        <p class="small muted">
                                            <span class="pull-group">
                                                <Tx text=r.group_label.clone() />
                                            </span>
                                            {areas_of(&r)}
                                        </p>
                                        <p class="pull-summary">{r.summary.clone()}</p>
                                        <button
                                            type="button"
                                            class="button button-small button-secondary"
                                            on:click=move |_| add(row.clone())
                                        >
                                            {t!(i18n, pull_add)}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }
        }
    };
    view! {
        <details class="pull-picker">
            <summary on:click=move |_| source.load(group.clone())>{t!(i18n, pull_open)}</summary>
            <label class="cell-label" for=filter_id.clone()>
                {t!(i18n, pull_filter)}
            </label>
            <select id=filter_id on:change=move |ev| filter.set(event_target_value(&ev))>
                <option value="">{t!(i18n, pull_all)}</option>
                {tag_options}
            </select>
            <p class="muted small" role="status">
                {move || message.get()}
            </p>
            {list}
        </details>
    }
}
