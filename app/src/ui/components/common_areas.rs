//! The areas common to several groups, as a list: what is shared,
//! which groups, and each group's line; shared by the seed's highlighted
//! set of groups first.
//! Used by the plenary projector and the action plan.

use crate::domain::common_areas::{CommonArea, Shared};
use crate::domain::matrix::MatrixTemplate;
use crate::domain::matrix_rules::MatrixRow;
use crate::i18n::*;
use leptos::prelude::*;

/// One area ready to show.
#[derive(Clone, Debug, PartialEq)]
pub struct CommonItem {
    /// The area, by its field's label and its name (without an area field:
    /// how the lines are related, then `relation` is empty).
    pub label: String,
    /// How the lines' headings are related (a reference line, a proposal
    /// row, or close wording).
    pub relation: String,
    /// Every group of the seed's highlighted set has a line in it.
    pub highlighted: bool,
    pub groups: Vec<String>,
    /// (group name, the line's heading).
    pub lines: Vec<(String, String)>,
}

/// Names what each area shares, in the reader's language where the seed has
/// it. `group_name` and `line` look groups and lines up by id.
pub fn items(
    i18n: I18nContext,
    lang: &str,
    areas: &[CommonArea],
    matrix: &MatrixTemplate,
    origin: impl Fn(&str) -> Option<String>,
    group_name: impl Fn(&str) -> String,
    line: impl Fn(&str, i64) -> Option<MatrixRow>,
) -> Vec<CommonItem> {
    areas
        .iter()
        .map(|a| {
            let relation = match &a.shared {
                Shared::Origin(id) => origin(id).unwrap_or_else(|| id.clone()),
                Shared::Wording => t_string!(i18n, common_wording).to_string(),
            };
            let (label, relation) = match matrix.area_heading(&a.area, lang) {
                Some(label) => (label, relation),
                None => (relation, String::new()),
            };
            CommonItem {
                label,
                relation,
                highlighted: a.highlighted,
                groups: a.groups.iter().map(|g| group_name(g)).collect(),
                lines: a
                    .lines
                    .iter()
                    .map(|l| (group_name(&l.group), line(&l.group, l.row).map(|r| r.text(&matrix.heading).to_string()).unwrap_or_default()))
                    .collect(),
            }
        })
        .collect()
}

#[component]
pub fn CommonAreasList(
    items: Vec<CommonItem>,
    /// What a highlighted area's badge says, in the reader's language.
    badge: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    if items.is_empty() {
        return view! { <p class="muted">{t!(i18n, common_none)}</p> }.into_any();
    }
    view! {
        <ol class="common-list">
            {items
                .into_iter()
                .map(|item| {
                    view! {
                        <li class="common-item" class:common-all=item.highlighted>
                            <p class="common-label">
                                <strong>{item.label}</strong>
                                {badge
                                    .clone()
                                    .filter(|_| item.highlighted)
                                    .map(|b| {
                                        view! {
                                            " "
                                            <span class="badge badge-done">{b}</span>
                                        }
                                    })}
                            </p>
                            {(!item.relation.is_empty()).then(|| view! { <p class="small common-relation">{item.relation}</p> })}
                            <p class="muted small">{item.groups.join(" · ")}</p>
                            <ul class="common-lines">
                                {item
                                    .lines
                                    .into_iter()
                                    .map(|(g, p)| {
                                        view! {
                                            <li>
                                                <span class="common-group">{g}</span>
                                                " "
                                                {if p.is_empty() { "—".to_string() } else { p }}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
    .into_any()
}
