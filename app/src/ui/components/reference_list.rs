//! A reference list: names alone become numbered or plain cards; entries
//! that tell more become panels, each fact shown as its facet says.

use crate::domain::reference::{Entry, Facet, Reference, Show};
use crate::domain::Text;
use crate::ui::components::text::{Tx, TxItems};
use leptos::prelude::*;

#[component]
pub fn ReferenceList(list: Reference) -> impl IntoView {
    let named: Vec<(usize, Entry)> = list.entries.iter().cloned().enumerate().collect();
    if list.facets.is_empty() {
        return view! {
            <ol class="numbered-cards">
                {named
                    .into_iter()
                    .map(|(i, e)| {
                        view! {
                            <li>
                                {list
                                    .numbered
                                    .then(|| {
                                        view! {
                                            <span class="card-number" aria-hidden="true">
                                                {i + 1}
                                            </span>
                                        }
                                    })} <span>
                                    <Tx text=e.name />
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
        .into_any();
    }
    let cards = named
        .into_iter()
        .map(|(i, e)| view! { <EntryCard name=list.entry_name(i, &e) entry=e facets=list.facets.clone() key=format!("{}-{i}", list.id) /> })
        .collect_view();
    view! { <div class="entry-grid">{cards}</div> }.into_any()
}

#[component]
fn EntryCard(name: Text, entry: Entry, facets: Vec<Facet>, key: String) -> impl IntoView {
    let heading = format!("entry-{key}");
    let label_id = heading.clone();
    // The one-line facts and the entry's address share one muted line.
    let mut line: Vec<AnyView> = facets
        .iter()
        .filter(|f| f.show == Show::Line)
        .filter_map(|f| Some((f, entry.facts.get(&f.id)?.clone())))
        .map(|(f, values)| {
            let label = f.label.clone().map(|l| {
                view! {
                    <Tx text=l />
                    ": "
                }
            });
            let values = joined(values);
            view! { <span>{label}{values}</span> }.into_any()
        })
        .collect();
    if let Some(url) = entry.url.clone() {
        line.push(view! { <span class="url">{url}</span> }.into_any());
    }
    let line = (!line.is_empty()).then(|| {
        let n = line.len();
        let parts = line
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                view! {
                    {v}
                    {(i + 1 < n).then_some(" · ")}
                }
            })
            .collect_view();
        view! { <p class="muted">{parts}</p> }
    });
    let rest = facets
        .into_iter()
        .filter(|f| f.show != Show::Line)
        .filter_map(|f| {
            let values = entry.facts.get(&f.id)?.clone();
            Some(view! { <FacetView facet=f values /> })
        })
        .collect_view();
    view! {
        <article class="panel entry-card" aria-labelledby=label_id>
            {entry
                .eyebrow
                .map(|e| {
                    view! {
                        <p class="eyebrow">
                            <Tx text=e />
                        </p>
                    }
                })}
            <h2 id=heading>
                <Tx text=name />
            </h2>
            {line}
            {rest}
        </article>
    }
}

/// Texts joined by " · " in the reader's language.
fn joined(values: Vec<Text>) -> impl IntoView {
    let n = values.len();
    values
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            view! {
                <Tx text=t />
                {(i + 1 < n).then_some(" · ")}
            }
        })
        .collect_view()
}

#[component]
fn FacetView(facet: Facet, values: Vec<Text>) -> impl IntoView {
    let label = facet.label.clone();
    let label_line = move || {
        label.clone().map(|l| {
            view! {
                <p class="label">
                    <Tx text=l />
                </p>
            }
        })
    };
    match facet.show {
        Show::Line | Show::Label => view! {
            {values
                .into_iter()
                .map(|t| {
                    view! {
                        <p class="label">
                            <Tx text=t />
                        </p>
                    }
                })
                .collect_view()}
        }
        .into_any(),
        Show::Chips => view! {
            {label_line()}
            <ul class="chips chips-accent">
                <TxItems items=values />
            </ul>
        }
        .into_any(),
        Show::List => view! {
            {label_line()}
            <ul>
                <TxItems items=values />
            </ul>
        }
        .into_any(),
        Show::Numbered => view! {
            {label_line()}
            <ol class="numbered-items">
                <TxItems items=values />
            </ol>
        }
        .into_any(),
        Show::Folded => {
            let summary = facet.label.unwrap_or_else(|| Text::es(""));
            view! {
                <details>
                    <summary>
                        <Tx text=summary />
                    </summary>
                    <ul>
                        <TxItems items=values />
                    </ul>
                </details>
            }
            .into_any()
        }
    }
}
