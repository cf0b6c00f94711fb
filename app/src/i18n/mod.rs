//! UI strings (not seed texts) in Spanish, English, Portuguese and French,
//! from `app/locales/*.json` (see `strings` for how a page gets them). The
//! chosen language is remembered in the `i18n_pref_locale` cookie, written by
//! the server alone (`/lang`) and read through `requested_languages`; the
//! browser takes the language from `<html lang>`.
#[cfg(test)]
mod check;
mod strings;

pub use strings::*;

/// The name of the cookie that remembers the language.
pub const LOCALE_COOKIE: &str = "i18n_pref_locale";

/// The `Set-Cookie` / `document.cookie` value remembering `lang` for a year.
pub fn locale_cookie(lang: &str) -> String {
    format!("{LOCALE_COOKIE}={lang}; Path=/; Max-Age=31536000; SameSite=Lax")
}

/// Where a line of the plan started, in `locale`: "<reference>: <line>" or
/// "<proposals>: <proposal row>" (the prefix a UI string, the text the seed's).
pub fn origin_label(
    locale: Locale,
    id: &str,
    references: &[crate::domain::reference::Reference],
    rows: &[crate::domain::matrix::TemplateRow],
) -> Option<String> {
    let lang = lang_code(locale);
    if let Some((_, text)) = crate::domain::reference::reference_origin(references, id) {
        return Some(format!("{} {}", td_string!(locale, origin_reference_prefix), text.get(lang)));
    }
    let row = rows.iter().find(|r| r.id == id)?;
    Some(format!("{} {}", td_string!(locale, origin_template_prefix), row.heading.get(lang)))
}

/// The languages a request asks for, best first, as an `Accept-Language`
/// value: the reader's own choice (the language cookie; with several, the
/// last) before what the browser says. The page (`page_locale`) and the
/// server functions' seed texts (`api::context::reader_lang`) both decide
/// from it, so they always agree.
#[cfg(feature = "ssr")]
pub fn requested_languages(headers: &http::HeaderMap) -> Option<String> {
    let chosen = crate::auth::cookie_values(headers, LOCALE_COOKIE).last().and_then(|v| locale_of(v.trim())).map(lang_code);
    let browser = headers.get(http::header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    match (chosen, browser) {
        (Some(c), Some(b)) => Some(format!("{c},{b}")),
        (Some(c), None) => Some(c.to_string()),
        (None, b) => b.map(str::to_string),
    }
}

/// The UI language for a request: the first of `requested_languages` the app
/// has (a region such as `pt-BR` matches `pt`), else Spanish.
#[cfg(feature = "ssr")]
pub fn reader_locale(headers: &http::HeaderMap) -> Locale {
    let requested = requested_languages(headers).unwrap_or_default();
    // In the order given, weights ignored (browsers list the best first).
    requested
        .split(',')
        .map(|l| l.split_once(';').map_or(l, |x| x.0).trim())
        .find_map(|tag| locale_of(&tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase()))
        .unwrap_or_default()
}

/// Who changed something, in `locale`: a role by its name here, a person by
/// the name they gave (see `domain::author`).
pub fn author_name(locale: Locale, stored: &str) -> String {
    use crate::domain::author::Author;
    match Author::from_stored(stored) {
        Author::Committee => td_string!(locale, role_committee).to_string(),
        Author::Coordinator(_) => td_string!(locale, author_coordinator).to_string(),
        Author::Person(name) => name,
    }
}

/// The code used to pick a translation of a seed text.
pub fn lang_code(locale: Locale) -> &'static str {
    Locale::CODES[locale as usize]
}

/// Each language named in itself, as the language switch offers it.
pub fn own_name(locale: Locale) -> &'static str {
    match locale {
        Locale::es => "Español",
        Locale::en => "English",
        Locale::pt => "Português",
        Locale::fr => "Français",
    }
}

/// The UI language with this code ("pt"), if the app has it.
pub fn locale_of(code: &str) -> Option<Locale> {
    Locale::get_all().iter().copied().find(|l| lang_code(*l) == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "ssr")]
    #[test]
    fn the_reader_gets_the_first_language_asked_for_that_the_app_has() {
        let reader = |cookie: Option<&str>, accept: &str| {
            let mut h = http::HeaderMap::new();
            h.insert(http::header::ACCEPT_LANGUAGE, accept.parse().unwrap());
            if let Some(c) = cookie {
                h.insert(http::header::COOKIE, c.parse().unwrap());
            }
            reader_locale(&h)
        };
        assert_eq!(reader(None, "pt-BR,pt;q=0.9,en;q=0.8"), Locale::pt);
        assert_eq!(reader(None, "fr-HT"), Locale::fr);
        assert_eq!(reader(None, "de-DE,de;q=0.9,EN-gb;q=0.5"), Locale::en);
        assert_eq!(reader(None, "de, ja"), Locale::es);
        assert_eq!(reader(None, ""), Locale::es);
        assert_eq!(reader(Some("a=1; i18n_pref_locale=fr"), "pt-BR"), Locale::fr);
        assert_eq!(reader(Some("i18n_pref_locale=xx"), "en-US"), Locale::en);
    }

    #[test]
    fn every_ui_string_is_in_the_server_s_tables_for_every_language() {
        for locale in Locale::get_all() {
            assert!((0..KEYS).all(|k| !ui_str(*locale, k).trim().is_empty()), "{locale:?}");
        }
        assert_eq!(td_string!(Locale::pt, language), "Idioma");
    }

    #[test]
    fn a_page_carries_its_strings_in_a_script_no_string_can_close() {
        let json = strings_json(Locale::fr);
        assert!(!json.contains('<'));
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back.len(), KEYS);
        assert_eq!(back[key::language], td_string!(Locale::fr, language));
    }
}
