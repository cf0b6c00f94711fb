//! A mixed group's questionnaire (session 4, §4.4): a text per question, the
//! programmes the group judges important, and for each of them the support,
//! actors, coordinating organisation and indicators. Every item autosaves
//! like a matrix cell.

use crate::domain::cells::{Cell, CellKey};
use crate::domain::question::{Guide, Question};
use crate::domain::questionnaire::choice_parts;
use crate::i18n::*;
use crate::ui::components::cell_editor::TextCell;
use crate::ui::components::choice_cell::ChoiceCell;
use crate::ui::components::pull_picker::{PullPicker, PullRows};
use crate::ui::components::text::{use_lang, OriginalWording, Tx};
use crate::ui::pages::matrix::MatrixStore;
use leptos::prelude::*;

/// The server's cell for a questionnaire item, following the page's store.
fn item_cell(store: MatrixStore, item: String) -> Signal<Cell> {
    Memo::new(move |_| store.view.with(|v| v.answers.get(&item).cloned().unwrap_or_else(Cell::empty))).into()
}

#[component]
pub fn QuestionnaireForm(guide: Guide, reference: crate::api::matrix::MatrixReference) -> impl IntoView {
    let store = expect_context::<MatrixStore>();
    PullRows::provide(reference);
    let open = Memo::new(move |_| store.view.with(|v| v.questionnaire_open));
    let guide_id = guide.id.clone();
    view! {
        <div class="questionnaire">
            {move || {
                let editable = open.get();
                guide
                    .questions
                    .clone()
                    .into_iter()
                    .map(|q| view! { <QuestionItems guide=guide_id.clone() question=q editable /> })
                    .collect_view()
            }}
        </div>
    }
}

#[component]
fn QuestionItems(guide: String, question: Question, editable: bool) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let store = expect_context::<MatrixStore>();
    let group = store.view.with_untracked(|v| v.group.id.clone());
    let base = format!("{guide}/{}", question.id);
    let title_id = format!("qq-{}", base.replace(['/', '.'], "-"));
    let text_key = CellKey::Questionnaire { item: base.clone() }.encode();
    let choices = choice_parts(&question).map(|(c, per)| (c.clone(), per.cloned()));
    let programme_grid = choices.map(|(c, per)| {
        let choice_item = format!("{base}/choice");
        let options: Vec<(String, String)> =
            c.items.iter().map(|i| (i.id.clone(), format!("{} {}", i.label, i.text.get(lang.get_untracked())))).collect();
        let chosen = Memo::new({
            let choice_item = choice_item.clone();
            move |_| store.view.with(|v| v.answers.get(&choice_item).map(|c| c.text.clone()).unwrap_or_default())
        });
        let aspects = per.map(|p| p.items).unwrap_or_default();
        let items = c.items.clone();
        let (g, base2) = (group.clone(), base.clone());
        view! {
            <ChoiceCell
                group=group.clone()
                key=CellKey::Questionnaire {
                    item: choice_item.clone(),
                }
                    .encode()
                label=c.intro.as_ref().map(|t| t.get(lang.get_untracked()).to_string()).unwrap_or_default()
                options
                server=item_cell(store, choice_item)
                editable
            />
            {move || {
                let picked = chosen.get();
                items
                    .iter()
                    .filter(|i| crate::domain::matrix_fields::choices(&picked).contains(&i.id.as_str()))
                    .map(|i| {
                        let cells = aspects
                            .iter()
                            .map(|a| {
                                let item = format!("{base2}/{}/{}", i.id, a.id);
                                view! {
                                    <TextCell
                                        group=g.clone()
                                        key=CellKey::Questionnaire {
                                            item: item.clone(),
                                        }
                                            .encode()
                                        label=format!("{} {}", a.label, a.text.get(lang.get_untracked()))
                                        server=item_cell(store, item)
                                        editable
                                    />
                                }
                            })
                            .collect_view();
                        view! {
                            <section class="programme">
                                <h4>{i.label.clone()} " " <Tx text=i.text.clone() /></h4>
                                <div class="matrix-fields">{cells}</div>
                            </section>
                        }
                    })
                    .collect_view()
            }}
        }
    });
    let label_id = title_id.clone();
    view! {
        <article class="panel questionnaire-item" aria-labelledby=label_id>
            {question
                .section
                .clone()
                .map(|s| {
                    view! {
                        <p class="eyebrow">
                            <Tx text=s />
                        </p>
                    }
                })}
            <h3 id=title_id>
                <span class="question-label">{question.label.clone()}</span>
                " "
                <Tx text=question.text.clone() />
            </h3>
            <OriginalWording question=question.clone() />
            <TextCell
                group=group.clone()
                key=text_key
                label=t_string!(i18n, group_answer).to_string()
                server=item_cell(store, base.clone())
                editable
            />
            {editable.then(|| view! { <PullPicker item=base.clone() /> })}
            {programme_grid}
        </article>
    }
}
