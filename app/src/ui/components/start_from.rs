//! The options of a dimension's *Start from* list: the proposal rows first,
//! then each part of the reference material under its heading (a table's
//! lines of that dimension, a list's entries).

use crate::api::matrix::MatrixReference;
use crate::domain::reference::{entry_origin, ReferenceKind};
use leptos::prelude::*;

/// (origin id, text) options, ungrouped or under a part's heading.
pub type StartGroup = (Option<String>, Vec<(String, String)>);

pub fn start_points(reference: &MatrixReference, dimension: &str, lang: &str) -> Vec<StartGroup> {
    let rows = &reference.template.matrix.rows;
    let proposals = rows.iter().filter(|r| r.dimension == dimension).map(|r| (r.id.clone(), r.heading.get(lang).to_string())).collect();
    let parts = reference.references.iter().map(|part| {
        let options: Vec<(String, String)> = match part.kind {
            ReferenceKind::Table => {
                part.lines.iter().filter(|l| l.dimension == dimension).map(|l| (l.id.clone(), l.text.get(lang).to_string())).collect()
            }
            ReferenceKind::List => part.entries.iter().map(|e| (entry_origin(&part.id, &e.id), e.name.get(lang).to_string())).collect(),
        };
        (Some(part.heading.get(lang).to_string()), options)
    });
    std::iter::once((None, proposals)).chain(parts).filter(|(_, options)| !options.is_empty()).collect()
}

#[component]
pub fn StartOptions(groups: Vec<StartGroup>) -> impl IntoView {
    let options =
        |list: Vec<(String, String)>| list.into_iter().map(|(id, text)| view! { <option value=id>{text}</option> }).collect_view();
    groups
        .into_iter()
        .map(|(label, list)| match label {
            Some(label) => view! { <optgroup label=label>{options(list)}</optgroup> }.into_any(),
            None => options(list).into_any(),
        })
        .collect_view()
}
