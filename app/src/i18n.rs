//! UI strings (not seed texts) in Spanish, English, Portuguese and French, generated at build time
//! from `app/locales/*.json` by leptos_i18n. The chosen language is remembered
//! in the `i18n_pref_locale` cookie. Only the server reads it (leptos_i18n's
//! `cookie` feature is on for `ssr` alone); the browser takes the language from
//! `<html lang>`. The cookie is written by the server alone (`/lang`), and read
//! through `requested_languages`, not by leptos_i18n (which re-set it on every
//! page, with the page's path, leaving several cookies that disagreed).
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub use i18n::*;

use crate::domain::matrix_fields::Field;
use crate::domain::Text;

/// The name of the cookie that remembers the language (leptos_i18n's default).
pub const LOCALE_COOKIE: &str = "i18n_pref_locale";

/// The `Set-Cookie` / `document.cookie` value remembering `lang` for a year.
pub fn locale_cookie(lang: &str) -> String {
    format!("{LOCALE_COOKIE}={lang}; Path=/; Max-Age=31536000; SameSite=Lax")
}

/// The name, in `locale`, of a choice id of a matrix field: a Task Force
/// from `task_forces` (the seed's), a kind of responsible party from the UI
/// strings; `None` for anything else (ILAC areas read as their numbers).
pub fn choice_name(locale: Locale, field: Field, id: &str, task_forces: &[(String, Text)]) -> Option<String> {
    match field {
        Field::TaskForces => task_forces.iter().find(|(t, _)| t == id).map(|(_, name)| name.get(lang_code(locale)).to_string()),
        Field::ResponsablesTipo => match id {
            "gobiernos" => Some(td_string!(locale, responsible_governments).to_string()),
            "subregional" => Some(td_string!(locale, responsible_subregional).to_string()),
            "consejo" => Some(td_string!(locale, responsible_council).to_string()),
            _ => None,
        },
        _ => None,
    }
}

/// Where a line of the plan started, in `locale`: "Tabla 2: <line>" or
/// "Anexo IV: <proposal row>" (the prefix a UI string, the text the seed's).
pub fn origin_label(
    locale: Locale,
    id: &str,
    table2: &crate::domain::reference::Table2,
    rows: &[crate::domain::matrix::TemplateRow],
) -> Option<String> {
    let lang = lang_code(locale);
    if let Some(l) = table2.lines.iter().find(|l| l.id == id) {
        return Some(format!("{} {}", td_string!(locale, origin_table2_prefix), l.text.get(lang)));
    }
    let row = rows.iter().find(|r| r.id == id)?;
    Some(format!("{} {}", td_string!(locale, origin_template_prefix), row.priority.get(lang)))
}

/// The languages a request asks for, best first, as an `Accept-Language`
/// value: the reader's own choice (the language cookie; with several, the
/// last) before what the browser says. The page (leptos_i18n, given this
/// instead of its own cookie handling) and the server functions' seed texts
/// (`api::context::reader_lang`) both decide from it, so they always agree.
#[cfg(feature = "ssr")]
pub fn requested_languages(headers: &http::HeaderMap) -> Option<String> {
    let chosen = headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .filter(|(k, _)| *k == LOCALE_COOKIE)
        .last()
        .and_then(|(_, v)| locale_of(v.trim()))
        .map(lang_code);
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
    use leptos_i18n::Locale as _;
    let requested = requested_languages(headers).unwrap_or_default();
    // Split as leptos-use splits `Accept-Language`, in order, weights ignored.
    let tags: Vec<&str> = requested.split(',').map(|l| l.split_once(';').map_or(l, |x| x.0).trim()).filter(|l| !l.is_empty()).collect();
    Locale::find_locale(&tags)
}

/// What the i18n context reads the reader's languages from (see `requested_languages`).
pub fn languages_getter() -> leptos_i18n::context::UseLocalesOptions {
    #[cfg(feature = "ssr")]
    {
        use leptos::prelude::use_context;
        leptos_i18n::context::UseLocalesOptions::default()
            .ssr_lang_header_getter(|| use_context::<http::request::Parts>().and_then(|p| requested_languages(&p.headers)))
    }
    #[cfg(not(feature = "ssr"))]
    {
        leptos_i18n::context::UseLocalesOptions::default()
    }
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
    match locale {
        Locale::es => "es",
        Locale::en => "en",
        Locale::pt => "pt",
        Locale::fr => "fr",
    }
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

    #[test]
    fn choices_are_named_in_the_readers_language() {
        let task_forces = vec![("turismo".to_string(), Text::es("Turismo sostenible"))];
        assert_eq!(choice_name(Locale::es, Field::ResponsablesTipo, "gobiernos", &[]).as_deref(), Some("Gobiernos nacionales"));
        assert_eq!(choice_name(Locale::en, Field::ResponsablesTipo, "consejo", &[]).as_deref(), Some("Council of Experts"));
        assert_eq!(choice_name(Locale::es, Field::TaskForces, "turismo", &task_forces).as_deref(), Some("Turismo sostenible"));
        assert_eq!(choice_name(Locale::es, Field::TaskForces, "otro", &task_forces), None);
        assert_eq!(choice_name(Locale::es, Field::Ilac, "3", &task_forces), None);
    }
}

#[cfg(test)]
mod locales {
    //! Completeness of the UI strings: every language has every key of the
    //! default (Spanish) file, none empty, and the same `{{ variables }}`.
    use leptos_i18n::Locale as _;
    use std::collections::BTreeMap;

    fn load(lang: &str) -> BTreeMap<String, String> {
        let path = format!("{}/locales/{lang}.json", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn variables(s: &str) -> Vec<String> {
        let mut out: Vec<String> = s.split("{{").skip(1).filter_map(|p| p.split("}}").next()).map(|v| v.trim().to_string()).collect();
        out.sort();
        out
    }

    #[test]
    fn every_language_has_every_ui_string() {
        let es = load("es");
        for locale in super::Locale::get_all() {
            let lang = super::lang_code(*locale);
            let other = load(lang);
            let missing: Vec<&String> = es.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<&String> = other.keys().filter(|k| !es.contains_key(*k)).collect();
            let empty: Vec<&String> = other.iter().filter(|(_, v)| v.trim().is_empty()).map(|(k, _)| k).collect();
            let vars: Vec<&String> = es.keys().filter(|k| other.get(*k).is_some_and(|v| variables(v) != variables(&es[*k]))).collect();
            assert!(missing.is_empty() && extra.is_empty() && empty.is_empty() && vars.is_empty(),
                "{lang}.json: missing {missing:?}, unknown {extra:?}, empty {empty:?}, other variables {vars:?}");
        }
    }
}
