//! The document title of a screen.

use leptos::prelude::*;
use leptos_meta::Title;

/// Sets the page's `<title>` from `text`, a closure that must read only
/// long-lived values (the language, captured texts), never signals owned by
/// the page: leptos_meta may call it after the page's part of the tree was
/// replaced. On the server it is called once, while rendering: leptos_meta
/// reads the title only after the page has rendered, when reactive values
/// created while rendering may already be gone (a panic under load).
#[component]
pub fn PageTitle<F>(text: F) -> impl IntoView
where
    F: Fn() -> String + Send + Sync + 'static,
{
    #[cfg(feature = "ssr")]
    let text = text();
    view! { <Title text /> }
}
