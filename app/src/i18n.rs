//! UI strings (not seed texts) in Spanish and English, generated at build time
//! from `app/locales/*.json` by leptos_i18n. The chosen language is remembered
//! in the `i18n_pref_locale` cookie. Only the server reads it (leptos_i18n's
//! `cookie` feature is on for `ssr` alone); the browser takes the language from
//! `<html lang>` and writes the cookie itself when the reader switches, which
//! keeps leptos-use's cookie code and the `time` crate out of the wasm.
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub use i18n::*;

/// The name of the cookie that remembers the language (leptos_i18n's default).
pub const LOCALE_COOKIE: &str = "i18n_pref_locale";

/// The `Set-Cookie` / `document.cookie` value remembering `lang` for a year.
pub fn locale_cookie(lang: &str) -> String {
    format!("{LOCALE_COOKIE}={lang}; Path=/; Max-Age=31536000; SameSite=Lax")
}

/// The code used to pick a translation of a seed text.
pub fn lang_code(locale: Locale) -> &'static str {
    match locale {
        Locale::es => "es",
        Locale::en => "en",
    }
}
