//! The frame around every screen: header with the meeting and navigation,
//! the language switch, the main area and a footer.

use super::clock::ClockStrip;
use super::identity::Identity;
use super::lang_switch::LanguageSwitch;
use super::text::Tx;
use crate::api::meeting::get_meeting_header;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// Screens drawn as a full-screen stage for the projector, without the
/// site's navigation (style/main.css `.stage`).
fn is_stage(path: &str) -> bool {
    matches!(path.trim_end_matches('/'), "/plenary" | "/clock")
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let header = Resource::new(|| (), |_| get_meeting_header());
    let location = use_location();
    let stage = Memo::new(move |_| is_stage(&location.pathname.get()));
    let frame = move || {
        (!stage.get()).then(|| {
            view! {
                <a class="skip-link" href="#main">
                    {t!(i18n, skip_to_content)}
                </a>
                <header class="site-header">
                    <div class="site-header-inner">
                        <a class="brand" href="/">
                            <span class="brand-mark" aria-hidden="true">
                                "P"
                            </span>
                            <span class="brand-text">
                                <span class="brand-name">"Plenaria"</span>
                                <Transition fallback=|| ()>
                                    {move || Suspend::new(async move {
                                        header
                                            .await
                                            .ok()
                                            .map(|h| {
                                                view! {
                                                    <span class="brand-meeting">
                                                        <Tx text=h.short_title />
                                                    </span>
                                                }
                                            })
                                    })}
                                </Transition>
                            </span>
                        </a>
                        <nav class="site-nav" aria-label=move || t_string!(i18n, main_navigation)>
                            <A href="/" exact=true>
                                {t!(i18n, nav_agenda)}
                            </A>
                            <A href="/sessions/1">{t!(i18n, nav_sessions)}</A>
                            <A href="/reference">{t!(i18n, nav_reference)}</A>
                        </nav>
                        <Identity />
                        <LanguageSwitch />
                    </div>
                </header>
                <ClockStrip />
            }
        })
    };
    view! {
        {frame}
        <main id="main" class=move || if stage.get() { "stage-main" } else { "site-main" }>
            {children()}
        </main>
        {move || {
            (!stage.get())
                .then(|| {
                    view! {
                        <footer class="site-footer">
                            <p>{t!(i18n, footer)}</p>
                        </footer>
                    }
                })
        }}
    }
    .into_any()
}
