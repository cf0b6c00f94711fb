//! Seed texts in the language the reader chose, falling back to Spanish.

use crate::domain::Text;
use crate::i18n::{lang_code, use_i18n};
use leptos::prelude::*;

/// The reader's language code ("es", "en"), reactive.
pub fn use_lang() -> Signal<&'static str> {
    let i18n = use_i18n();
    Signal::derive(move || lang_code(i18n.get_locale()))
}

/// A seed text rendered in the chosen language.
#[component]
pub fn Tx(#[prop(into)] text: Text) -> impl IntoView {
    let lang = use_lang();
    move || text.get(lang.get()).to_string()
}

/// A list of seed texts as `<li>` items.
#[component]
pub fn TxItems(items: Vec<Text>) -> impl IntoView {
    items
        .into_iter()
        .map(|t| {
            view! {
                <li>
                    <Tx text=t />
                </li>
            }
        })
        .collect_view()
}

/// A question's official wording, one tap away, for readers of a translation:
/// the Spanish text is the document's, the one a delegate quotes. Nothing for
/// Spanish readers. (The language is fixed for the page: switching reloads it.)
#[component]
pub fn OriginalWording(question: crate::domain::question::Question) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    let translated = use_lang().get_untracked() != "es";
    translated.then(|| {
        let parts = question.parts.into_iter().map(|p| {
            view! {
                {p.intro.map(|i| view! { <p>{i.spanish().to_string()}</p> })}
                <ul>{p.items.into_iter().map(|it| view! { <li>{it.label} " " {it.text.spanish().to_string()}</li> }).collect_view()}</ul>
            }
        });
        view! {
            <details class="original-wording">
                <summary>{crate::i18n::t!(i18n, original_wording)}</summary>
                <div lang="es">
                    <p>{question.label} " " {question.text.spanish().to_string()}</p>
                    {parts.collect_view()}
                </div>
            </details>
        }
    })
}

/// What a text box shows first, as HTML for its `inner_html`. Leptos writes a
/// `<textarea>`'s children unescaped (it is raw text in HTML), so an answer
/// containing `</textarea>` would break out of the box and `&amp;` would be
/// read back as `&`. Escaped here, the browser decodes it to exactly the text.
pub fn textarea_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_textarea_s_text_cannot_close_it_and_entities_stay_as_typed() {
        assert_eq!(super::textarea_html("</textarea><b>x</b> &amp; y"), "&lt;/textarea&gt;&lt;b&gt;x&lt;/b&gt; &amp;amp; y");
        assert_eq!(super::textarea_html(""), "");
    }
}
