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
    items.into_iter().map(|t| view! { <li><Tx text=t/></li> }).collect_view()
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
