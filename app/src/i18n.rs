//! UI strings (not seed texts) in Spanish and English, generated at build time
//! from `app/locales/*.json` by leptos_i18n. The chosen language is remembered
//! in the `i18n_pref_locale` cookie.
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub use i18n::*;

/// The name of the cookie that remembers the language (leptos_i18n's default).
pub const LOCALE_COOKIE: &str = "i18n_pref_locale";

/// The code used to pick a translation of a seed text.
pub fn lang_code(locale: Locale) -> &'static str {
    match locale {
        Locale::es => "es",
        Locale::en => "en",
    }
}
