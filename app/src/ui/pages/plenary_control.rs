//! The committee's remote for the plenary projector, on its own laptop or
//! phone: what the projector shows (every group, one group presenting, one
//! column compared, the common areas) and freezing it on a snapshot. The
//! projector page (`/plenary`) follows the choice through the realtime link.

use crate::api::matrix::{get_matrix_reference, MatrixReference};
use crate::api::plenary::{plenary, PlenaryView};
use crate::api::projector::{FreezeProjector, PageProjector, SetProjector};
use crate::domain::change::{DELIVERY, PROJECTOR};
use crate::domain::projector::{Show, ADVANCE_SECONDS};
use crate::error::AppError;
use crate::i18n::*;
use crate::realtime::client::use_live;
use crate::ui::components::data::{refresh_on, Loaded};
use crate::ui::components::deck::deck;
use crate::ui::components::page_title::PageTitle;
use crate::ui::components::stage::use_page;
use crate::ui::components::text::{use_lang, Tx};
use leptos::form::ActionForm;
use leptos::prelude::*;

#[component]
pub fn PlenaryControlPage() -> impl IntoView {
    let i18n = use_i18n();
    // The frame's data, fetched once; `Remote` keeps it fresh in place.
    let first = Resource::new(
        || (),
        |_| async move {
            let view = plenary().await?;
            Ok::<_, AppError>((view, get_matrix_reference().await?))
        },
    );
    view! {
        <PageTitle text=move || t_string!(i18n, projector_control_heading).to_string() />
        <header class="page-head">
            <h1>{t!(i18n, projector_control_heading)}</h1>
            <p class="button-row">
                <a class="button" href="/plenary" target="_blank">
                    {t!(i18n, projector_open)}
                </a>
                <a class="button button-secondary" href="/plan">
                    {t!(i18n, plan_heading)}
                </a>
            </p>
        </header>
        <p class="lead">{t!(i18n, projector_control_intro)}</p>
        <Loaded resource=first render=move |(v, reference)| view! { <Remote first=v reference /> } />
    }
}

/// A live screen: the buttons are drawn once (again only when the session
/// switches between matrices and questionnaire); which one is pressed, the
/// groups' "delivered" badges and the freeze state follow the server.
#[component]
fn Remote(first: PlenaryView, reference: MatrixReference) -> impl IntoView {
    let live = use_live();
    // The projector pages with every group's typing: the remote hears it too.
    let (projector, deliveries, matrix) = (live.watch(PROJECTOR), live.watch_suffix(DELIVERY), live.watch_suffix(":matrix"));
    let set = ServerAction::<SetProjector>::new();
    let freeze = ServerAction::<FreezeProjector>::new();
    let turn = ServerAction::<PageProjector>::new();
    let data = RwSignal::new(first);
    let versions = move || (set.version().get(), freeze.version().get(), turn.version().get());
    refresh_on(move || (projector(), deliveries(), matrix(), versions()), plenary, move |v| data.set(v));
    let matrices = Memo::new(move |_| data.with(|d| d.work.questionnaire.is_none()));
    // Every column can be compared across the groups but the heading's: the
    // overview already shows the headings side by side.
    let heading = reference.template.matrix.heading.clone();
    let columns = StoredValue::new(
        reference.template.matrix.columns.iter().filter(|c| !c.fields.iter().any(|f| f.id == heading)).cloned().collect::<Vec<_>>(),
    );
    // Turning pages is what the committee does most while a group presents: first.
    view! {
        <Pages data reference turn />
        {move || {
            let matrices = matrices.get();
            view! { <Buttons data matrices columns=columns.get_value() set freeze /> }
        }}
    }
}

/// Which page the projector shows of how many, turned from here (or by
/// itself). The pages are counted here as the projector cuts them.
#[component]
fn Pages(data: RwSignal<PlenaryView>, reference: MatrixReference, turn: ServerAction<PageProjector>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let slides = Memo::new(move |_| {
        let lang = lang.get();
        data.with(|d| deck(i18n, lang, d, &reference, &d.projector.show))
    });
    let count = Memo::new(move |_| slides.with(Vec::len));
    let paging = Memo::new(move |_| data.with(|d| d.projector.paging.clone()));
    let page = use_page(paging, count);
    let title = move || slides.with(|s| s[page.get().min(s.len() - 1)].title.clone());
    let every = move || paging.with(|p| p.every_secs.to_string());
    // The page a step away, as the form sends it (it follows the page shown).
    let target = move |step: i64| move || (page.get() as i64 + step).clamp(0, count.get() as i64 - 1).to_string();
    let turn_button = move |step: i64, label: AnyView| {
        view! {
            <ActionForm action=turn attr:class="inline-form">
                <input type="hidden" name="page" value=target(step) />
                <input type="hidden" name="every" value=every />
                <button
                    class="button remote-button"
                    type="submit"
                    disabled=move || {
                        let p = page.get();
                        (step < 0 && p == 0) || (step > 0 && p + 1 >= count.get())
                    }
                >
                    {label}
                </button>
            </ActionForm>
        }
    };
    view! {
        <section class="panel" aria-labelledby="remote-pages">
            <h2 id="remote-pages">{t!(i18n, projector_pages_heading)}</h2>
            <p class="remote-now" role="status">
                {t!(i18n, projector_on_screen)}
                " "
                <strong>{title}</strong>
                " · "
                {move || format!("{} {} {} {}", t_string!(i18n, page_word), page.get() + 1, t_string!(i18n, of_word), count.get())}
            </p>
            <div class="remote-grid remote-pager">
                {turn_button(-1, t!(i18n, projector_prev).into_any())} {turn_button(1, t!(i18n, projector_next).into_any())}
            </div>
            <h3>{t!(i18n, projector_turn)}</h3>
            <div class="remote-grid">
                {ADVANCE_SECONDS
                    .into_iter()
                    .map(|secs| {
                        let label = if secs == 0 {
                            t_string!(i18n, projector_by_hand).to_string()
                        } else {
                            format!("{} {secs} {}", t_string!(i18n, projector_every), t_string!(i18n, projector_seconds))
                        };
                        let pressed = move || if paging.with(|p| p.every_secs) == secs { "true" } else { "false" };
                        view! {
                            <ActionForm action=turn attr:class="inline-form">
                                <input type="hidden" name="page" value=move || page.get().to_string() />
                                <input type="hidden" name="every" value=secs.to_string() />
                                <button class="button button-secondary remote-button" type="submit" aria-pressed=pressed>
                                    {label}
                                </button>
                            </ActionForm>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="muted">{t!(i18n, projector_keys_hint)}</p>
        </section>
    }
}

#[component]
fn Buttons(
    data: RwSignal<PlenaryView>,
    matrices: bool,
    columns: Vec<crate::domain::matrix::MatrixColumn>,
    set: ServerAction<SetProjector>,
    freeze: ServerAction<FreezeProjector>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let now = Memo::new(move |_| data.with(|d| d.projector.show.clone()));
    let button = move |show: Show, label: AnyView| {
        let (mode, target) = show.encode();
        let (mode, target) = (mode.to_string(), target.unwrap_or_default().to_string());
        let pressed = move || if now.get() == show { "true" } else { "false" };
        view! {
            <ActionForm action=set attr:class="inline-form">
                <input type="hidden" name="mode" value=mode />
                <input type="hidden" name="target" value=target />
                <button class="button button-secondary remote-button" type="submit" aria-pressed=pressed>
                    {label}
                </button>
            </ActionForm>
        }
    };
    // Keyed by what a group's button shows: one delivery redraws one button.
    let groups = Memo::new(move |_| {
        data.with(|d| d.work.groups.iter().map(|g| (g.group.id.clone(), g.group.name.clone(), g.delivered)).collect::<Vec<_>>())
    });
    let frozen = Memo::new(move |_| data.with(|d| d.projector.frozen_at.is_some()));
    view! {
        <section class="panel" aria-labelledby="remote-show">
            <h2 id="remote-show">{t!(i18n, projector_shows)}</h2>
            <div class="remote-grid">
                {button(Show::Groups, t!(i18n, projector_all_groups).into_any())}
                {matrices.then(|| button(Show::Common, t!(i18n, common_heading).into_any()))}
                {button(Show::Clock, t!(i18n, projector_clock).into_any())}
                {button(Show::Join, t!(i18n, projector_join).into_any())}
            </div>
            <h3>{t!(i18n, projector_presenting)}</h3>
            <div class="remote-grid">
                <For each=move || groups.get() key=|(id, _, delivered)| (id.clone(), *delivered) let:((id, name, delivered))>
                    {button(Show::Focus(id), view! { <Tx text=name/> {delivered.then(|| view! { " " <span class="badge badge-done">{t!(i18n, delivered_badge)}</span> })} }.into_any())}
                </For>
            </div>
            {matrices.then(|| view! {
                <h3>{t!(i18n, plenary_compare)}</h3>
                <div class="remote-grid">
                    {columns.iter().map(|c| {
                        let title = c.title.clone();
                        button(Show::Compare(c.id.clone()), view! { {move || title.get(lang.get()).to_string()} }.into_any())
                    }).collect_view()}
                </div>
            })}
        </section>
        <section class="panel" aria-labelledby="remote-freeze">
            <h2 id="remote-freeze">{t!(i18n, projector_freeze_heading)}</h2>
            <p class="muted">{move || if frozen.get() { t_string!(i18n, projector_frozen_note) } else { t_string!(i18n, projector_live_note) }}</p>
            <ActionForm action=freeze>
                <input type="hidden" name="frozen" value=move || if frozen.get() { "false" } else { "true" }/>
                <button class="button" type="submit">{move || if frozen.get() { t_string!(i18n, projector_unfreeze) } else { t_string!(i18n, projector_freeze) }}</button>
            </ActionForm>
        </section>
    }
}
