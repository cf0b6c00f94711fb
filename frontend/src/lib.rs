//! The browser side: hydrates the server-rendered page. Nothing else lives here.

/// Hydration is asynchronous because every route is lazy (see
/// `app::ui::routes`): the screen's chunk is fetched before its HTML can be
/// hydrated. What `leptos::mount::hydrate_lazy` does, plus telling the app
/// when it is done.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(async {
        let Some(body) = leptos::prelude::document().body() else {
            return;
        };
        leptos::mount::hydrate_from_async(body, app::App).await.forget();
        app::ui::hydration::mark_complete();
    });
}
