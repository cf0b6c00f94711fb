//! A minimal Leptos page: a heading and a counter, server-rendered and
//! hydrated. Plenaria's page weight is compared against this page's.

use leptos::prelude::*;

pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <HydrationScripts options/>
            </head>
            <body>
                <Counter/>
            </body>
        </html>
    }
}

#[component]
pub fn Counter() -> impl IntoView {
    let count = RwSignal::new(0);
    view! {
        <main>
            <h1>"Minimal page"</h1>
            <button on:click=move |_| *count.write() += 1>"Clicked " {count} " times"</button>
        </main>
    }
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(Counter);
}
