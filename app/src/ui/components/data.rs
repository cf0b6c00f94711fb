//! Loading a page's data: a fallback while it first loads, the 404 page when
//! the thing does not exist, a readable message when the server cannot answer.
//! A `Transition`, not a `Suspense`: when live changes reload the data, the
//! screen keeps showing what it had until the new data is there (a projector
//! must not flash "Cargando…" at every keystroke of a coordinator).

use crate::error::AppError;
use crate::i18n::*;
use crate::ui::pages::not_found::NotFound;
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

#[component]
pub fn Loaded<T, F, V>(resource: Resource<Result<T, AppError>>, render: F) -> impl IntoView
where
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    view! {
        <Transition fallback=move || {
            view! {
                <p class="loading" role="status">
                    {t!(i18n, loading)}
                </p>
            }
        }>
            {
                let render = render.clone();
                move || {
                    let render = render.clone();
                    Suspend::new(async move {
                        match resource.await {
                            Ok(data) => render(data).into_any(),
                            Err(AppError::NotFound(_)) => view! { <NotFound /> }.into_any(),
                            Err(e @ (AppError::Unauthorized | AppError::Forbidden)) => view! { <NotAllowed error=e /> }.into_any(),
                            Err(_) => view! { <LoadError /> }.into_any(),
                        }
                    })
                }
            }
        </Transition>
    }
}

#[component]
fn LoadError() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="notice notice-error" role="alert">
            <h1>{t!(i18n, error_title)}</h1>
            <p>{t!(i18n, error_body)}</p>
        </section>
    }
}

/// For a page this browser may not see: why, and the way in (join or sign in).
#[component]
fn NotAllowed(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    let signed_out = error == AppError::Unauthorized;
    view! {
        <section class="notice" role="alert">
            <h1>{crate::ui::components::form_error::error_text(i18n, &error)}</h1>
            {signed_out
                .then(|| {
                    view! {
                        <p>
                            <a class="button" href="/join">
                                {t!(i18n, nav_join)}
                            </a>
                        </p>
                    }
                })}
        </section>
    }
}

/// The one way a live screen follows the server: its frame is rendered once
/// from the first data (`Loaded`), then whenever `source` moves the data is
/// fetched again and handed to `apply`, which patches what the frame shows
/// (signals, keyed `<For>`), so inputs, focus and scroll survive. A failed
/// fetch keeps what is shown (the link indicator says why). One fetch at a
/// time per screen: changes that arrive while one travels are answered by a
/// single fetch after it (120 phones joining make a few fetches, not 120).
pub fn refresh_on<S, T, Fut>(source: impl Fn() -> S + Send + Sync + 'static, fetch: impl Fn() -> Fut + 'static, apply: impl Fn(T) + 'static)
where
    S: PartialEq + Clone + Default + Send + Sync + 'static,
    T: 'static,
    Fut: std::future::Future<Output = Result<T, AppError>> + 'static,
{
    // A memo, so that only a change of the source's value fetches: the
    // counters it reads are notified on every topic of the meeting.
    let source = Memo::new(move |_| source());
    let refresher = std::rc::Rc::new(Refresher { busy: std::cell::Cell::new(false), again: std::cell::Cell::new(false), fetch, apply });
    // The counters start at zero with the page: a source that has already
    // moved when the screen comes alive heard of a change after its first
    // data was fetched (the link's resync at load can beat hydration), so it
    // fetches at once. After a client-side navigation that is one extra fetch.
    Effect::watch(
        move || source.get(),
        move |now, before, _| {
            if before.is_some() || *now != S::default() {
                refresher.clone().run();
            }
        },
        true,
    );
}

struct Refresher<F, A> {
    busy: std::cell::Cell<bool>,
    again: std::cell::Cell<bool>,
    fetch: F,
    apply: A,
}

impl<F, A, T, Fut> Refresher<F, A>
where
    F: Fn() -> Fut + 'static,
    A: Fn(T) + 'static,
    T: 'static,
    Fut: std::future::Future<Output = Result<T, AppError>> + 'static,
{
    fn run(self: std::rc::Rc<Self>) {
        if self.busy.replace(true) {
            self.again.set(true);
            return;
        }
        let request = (self.fetch)();
        leptos::task::spawn_local(async move {
            if let Ok(data) = request.await {
                (self.apply)(data);
            }
            self.busy.set(false);
            if self.again.replace(false) {
                self.run();
            }
        });
    }
}
