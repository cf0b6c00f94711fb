//! The coordinator's duties (seed §4.1), shown on the agenda and session pages.

use super::text::{Tx, TxItems};
use crate::domain::meeting::CoordinatorRole;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn CoordinatorDuties(role: CoordinatorRole) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel" aria-labelledby="coordinator-heading">
            <h2 id="coordinator-heading">{t!(i18n, coordinator_heading)}</h2>
            <p class="muted">
                <Tx text=role.intro />
            </p>
            <ul class="duties">
                <TxItems items=role.duties />
            </ul>
        </section>
    }
}
