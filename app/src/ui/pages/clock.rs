//! The clock for the projector (and anyone who opens /clock): a full-screen
//! stage with the current segment's countdown in digits readable from the
//! back of the room, the block's time left and its segments. On the
//! committee's screens the join code and its QR code sit in the corner.

use crate::api::projector::join_card;
use crate::i18n::*;
use crate::ui::components::page_title::PageTitle;
use crate::ui::components::stage::{ClockFace, JoinCorner, StageFoot};
use leptos::prelude::*;

#[component]
pub fn ClockPage() -> impl IntoView {
    let i18n = use_i18n();
    // Only the committee may see the code; anyone else gets the clock alone.
    let card = Resource::new(|| (), |_| join_card());
    let one = Memo::new(|_| 1usize);
    let first = Memo::new(|_| 0usize);
    view! {
        <PageTitle text=move || t_string!(i18n, clock_heading).to_string() />
        <div class="stage-backdrop">
            <div class="stage">
                <header class="stage-top">
                    <div class="stage-titles">
                        <p class="stage-eyebrow">
                            <a href="/">"Plenaria"</a>
                        </p>
                        <h1 class="stage-title">{t!(i18n, clock_heading)}</h1>
                    </div>
                    <Transition fallback=|| ()>
                        {move || Suspend::new(async move {
                            card.await
                                .ok()
                                .map(|c| {
                                    let (code, qr) = (c.code, c.link.qr_svg);
                                    view! { <JoinCorner code=Signal::derive(move || code.clone()) qr=Signal::derive(move || qr.clone()) /> }
                                })
                        })}
                    </Transition>
                </header>
                <div class="stage-body">
                    <ClockFace />
                </div>
                <StageFoot page=first count=one />
            </div>
        </div>
    }
}
