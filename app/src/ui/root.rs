//! The page itself: the HTML shell the server renders and the app's frame
//! with the router. Left out with the `components-only` feature (see
//! `end2end/weight/islands`), which keeps the lazy routes' exports out too.

use super::components::layout::Layout;
use super::pages::NotFoundPage;
use super::routes::*;
use crate::i18n::I18nContextProvider;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy, SsrMode};

/// The HTML document the server renders around the app.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    set_content_security_policy();
    // The newest change this page can contain (see `realtime::client`).
    #[cfg(feature = "ssr")]
    let change = use_context::<crate::state::AppState>().map(|s| s.hub.latest()).unwrap_or(0);
    #[cfg(not(feature = "ssr"))]
    let change = 0;
    // The reader's language, and its UI strings for the browser's code.
    let locale = crate::i18n::page_locale();
    #[cfg(feature = "ssr")]
    let strings = crate::i18n::strings_json(locale);
    #[cfg(not(feature = "ssr"))]
    let strings = String::new();
    view! {
        <!DOCTYPE html>
        <html lang=crate::i18n::lang_code(locale)>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <meta name=crate::realtime::client::CHANGE_META content=change.to_string() />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <script type="application/json" id=crate::i18n::STRINGS_ID inner_html=strings></script>
                // `plenaria.<hash>.css` when the build hashed the site's files.
                <HashedStylesheet options=options.clone() id="leptos" />
                <AutoReload options=options.clone() />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Pages allow scripts only from this site or carrying this render's nonce
/// (the hydration script), plus wasm compilation; styles from this site (and
/// inline `style` attributes, which the timeline uses); nothing may frame us.
#[cfg(feature = "ssr")]
fn set_content_security_policy() {
    let (Some(nonce), Some(res)) = (leptos::nonce::use_nonce(), use_context::<leptos_axum::ResponseOptions>()) else {
        return;
    };
    let csp = format!(
        "default-src 'self'; script-src 'self' 'nonce-{}' 'wasm-unsafe-eval'; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
         frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'",
        nonce.as_inner()
    );
    if let Ok(value) = http::HeaderValue::from_str(&csp) {
        res.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // One realtime connection and one clock feed for the whole page.
    crate::realtime::client::provide_live();
    super::components::clock::provide_clock_feed();
    // The body is marked `data-hydrated` by `hydration::mark_complete`, after
    // the screen's lazy chunk has hydrated too (not here: this runs earlier).
    view! {
        <Title formatter=|t: String| if t.is_empty() { "Plenaria".to_string() } else { format!("{t} · Plenaria") } />
        // Async SSR on every route: each page is complete HTML before it leaves
        // the server, so it reads the same with JavaScript disabled.
        <I18nContextProvider>
            <Router>
                <Layout>
                    <Routes fallback=|| view! { <NotFoundPage /> }>
                        <Route path=path!("/") view={Lazy::<AgendaRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/sessions/:number") view={Lazy::<SessionRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/reference") view={Lazy::<ReferenceIndexRoute>::new()} ssr=SsrMode::Async />
                        // First: routes match in order, and no reference part may be called "matrix".
                        <Route path=path!("/reference/matrix") view={Lazy::<MatrixTemplateRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/reference/:id") view={Lazy::<ReferencePartRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/join") view={Lazy::<JoinRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/clock") view={Lazy::<ClockRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/plenary") view={Lazy::<PlenaryRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/plenary/control") view={Lazy::<PlenaryControlRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/plan") view={Lazy::<PlanRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/me") view={Lazy::<MeRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/answer") view={Lazy::<AnswerRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/groups/:group/matrix") view={Lazy::<MatrixRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/groups/:group/answers") view={Lazy::<GroupAnswersRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/committee") view={Lazy::<CommitteeRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/coordinate/:token") view={Lazy::<CoordinateRoute>::new()} ssr=SsrMode::Async />
                    </Routes>
                </Layout>
            </Router>
        </I18nContextProvider>
    }
}
