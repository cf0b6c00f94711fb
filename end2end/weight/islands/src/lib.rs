//! What a participant's wasm would weigh if Plenaria used Leptos islands
//! (only islands hydrate; everything else stays server HTML). Measured by
//! `end2end/weight/measure.sh`, never served: the islands wrap the app's own
//! components unchanged, so the figure is the code a phone would download,
//! not a working islands app.
//!
//! - default: only the frame's live parts are islands (who is signed in, the
//!   language switch, the clock strip with the realtime client); the join and
//!   answer screens would be plain server-rendered forms.
//! - `screens`: the join and answer screens are islands too (saving in place,
//!   refreshing live), as they behave today.

use app::i18n::I18nContextProvider;
use leptos::prelude::*;

#[island]
pub fn FrameIsland() -> impl IntoView {
    view! {
        <I18nContextProvider>
            <app::ui::components::identity::Identity/>
            <app::ui::components::lang_switch::LanguageSwitch/>
            <app::ui::components::clock::ClockStrip/>
        </I18nContextProvider>
    }
}

#[cfg(feature = "screens")]
#[island]
pub fn JoinIsland() -> impl IntoView {
    view! { <I18nContextProvider><app::ui::pages::JoinPage/></I18nContextProvider> }
}

#[cfg(feature = "screens")]
#[island]
pub fn AnswerIsland() -> impl IntoView {
    view! { <I18nContextProvider><app::ui::pages::AnswerPage/></I18nContextProvider> }
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
