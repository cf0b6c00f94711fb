//! One more step before an action that cannot be taken back in one tap
//! (delivering a group's result, ending the session for everyone): the
//! first press opens a short explanation and the real button. A `<details>`,
//! so it works the same without JavaScript and keeps its state in the DOM.

use leptos::prelude::*;

/// Goes inside the action's form, in place of its submit button.
#[component]
pub fn ConfirmSubmit(
    /// What the first button says.
    label: String,
    /// What will happen, in one or two sentences.
    explain: String,
    /// What the real submit button says ("Yes, deliver").
    confirm: String,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    view! {
        <details class="confirm">
            <summary class=format!("button {class}")>{label}</summary>
            <div class="confirm-body">
                <p>{explain}</p>
                <button class=format!("button {class}") type="submit">
                    {confirm}
                </button>
            </div>
        </details>
    }
}
