//! A bar that shows an agenda block's segments in proportion to their length,
//! so the coffee break reads at a glance.

use super::text::use_lang;
use crate::domain::session::{format_duration, AgendaBlock, SegmentKind};
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn BlockTimeline(block: AgendaBlock) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let total = block.total_minutes().max(1);
    let segments = block
        .segments
        .into_iter()
        .map(|seg| {
            let share = seg.minutes as f64 * 100.0 / total as f64;
            let is_break = seg.kind == SegmentKind::Break;
            let label = seg.label.clone();
            let session = seg.session;
            let name = move || match (&label, session) {
                (Some(l), _) => l.get(lang.get()).to_string(),
                (None, Some(n)) => format!("{} {n}", t_string!(i18n, session_word)),
                (None, None) => t_string!(i18n, break_word).to_string(),
            };
            view! {
                <li
                    class="timeline-segment"
                    class:timeline-break=is_break
                    style=format!("flex-grow: {}; flex-basis: {share:.2}%", seg.minutes)
                >
                    <span class="timeline-name">{name}</span>
                    <span class="timeline-minutes">{format_duration(seg.minutes)}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="timeline">{segments}</ol> }
}
