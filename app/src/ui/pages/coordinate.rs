//! Opening a coordinator link: a confirmation button (a link must not sign in
//! by itself: previews and prefetchers open links too).

use crate::api::committee::CoordinatorSignIn;
use crate::i18n::*;
use crate::ui::components::form_error::FormError;
use crate::ui::components::page_title::PageTitle;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CoordinatePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let sign_in = ServerAction::<CoordinatorSignIn>::new();
    let error = Signal::derive(move || sign_in.value().get().and_then(|r| r.err()));
    view! {
        <PageTitle text=move || t_string!(i18n, coordinate_heading).to_string() />
        <section class="form-page">
            <h1>{t!(i18n, coordinate_heading)}</h1>
            <p class="lead">{t!(i18n, coordinate_intro)}</p>
            <ActionForm action=sign_in>
                <FormError action_error=error fn_path={crate::api::path_of::<crate::api::committee::CoordinatorSignIn>()} />
                <input type="hidden" name="token" value=token />
                <button class="button button-large" type="submit">
                    {t!(i18n, coordinate_button)}
                </button>
            </ActionForm>
        </section>
    }
}
