//! The seed's working groups abroad (`task_forces`), with the region's participation.

use crate::api::meeting::get_task_forces;
use crate::domain::reference::{ReferencePart, TaskForce};
use crate::domain::Text;
use crate::i18n::*;
use crate::ui::components::data::Loaded;
use crate::ui::components::page_head::PartHead;
use crate::ui::components::text::{Tx, TxItems};
use leptos::prelude::*;

#[component]
pub fn TaskForcesPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_task_forces());
    view! {
        <PartHead part=ReferencePart::TaskForces/>
        <Loaded resource=data render={|tfs: Vec<TaskForce>| view! {
            <div class="tf-grid">{tfs.into_iter().map(|tf| view! { <TaskForceCard tf/> }).collect_view()}</div>
        }}/>
    }
}

#[component]
fn TaskForceCard(tf: TaskForce) -> impl IntoView {
    let i18n = use_i18n();
    let heading = format!("tf-{}", tf.id);
    let label_id = heading.clone();
    view! {
        <article class="panel tf-card" aria-labelledby=label_id>
            <h2 id=heading><Tx text=tf.name/></h2>
            <p class="muted">{t!(i18n, tf_host)} ": " <Tx text=tf.host/>
                {tf.url.map(|u| view! { " · " <span class="url">{u}</span> })}
            </p>
            {(!tf.lac_members.is_empty()).then(|| view! {
                <p class="label">{t!(i18n, tf_lac_members)}</p>
                <ul class="chips chips-accent"><TxItems items=tf.lac_members/></ul>
            })}
            {(!tf.regional_participation.is_empty()).then(|| view! {
                <p class="label">{t!(i18n, tf_regional)}</p>
                <ul><TxItems items=tf.regional_participation/></ul>
            })}
            <Folded summary=move || t_string!(i18n, tf_objectives) items=tf.objectives/>
            <Folded summary=move || t_string!(i18n, tf_activities) items=tf.activities/>
            <Folded summary=move || t_string!(i18n, tf_members) items=tf.members/>
            <Folded summary=move || t_string!(i18n, tf_meetings) items=tf.meetings/>
        </article>
    }
    .into_any()
}

/// A list folded under a heading, opened on demand.
#[component]
fn Folded(summary: impl Fn() -> &'static str + Send + Sync + 'static, items: Vec<Text>) -> impl IntoView {
    view! {
        <details>
            <summary>{summary}</summary>
            <ul><TxItems items/></ul>
        </details>
    }
}
