//! Seed texts in the language the reader chose, falling back to Spanish.

use crate::domain::Text;
use crate::i18n::{lang_code, use_i18n};
use leptos::prelude::*;

/// The reader's language code ("es", "en"), reactive.
pub fn use_lang() -> Signal<&'static str> {
    let i18n = use_i18n();
    Signal::derive(move || lang_code(i18n.get_locale()))
}

/// A seed text rendered in the chosen language.
#[component]
pub fn Tx(#[prop(into)] text: Text) -> impl IntoView {
    let lang = use_lang();
    move || text.get(lang.get()).to_string()
}

/// A list of seed texts as `<li>` items.
#[component]
pub fn TxItems(items: Vec<Text>) -> impl IntoView {
    items.into_iter().map(|t| view! { <li><Tx text=t/></li> }).collect_view()
}
