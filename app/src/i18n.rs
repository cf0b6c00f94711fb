//! UI strings (not seed texts) in Spanish and English, generated at build time
//! from `app/locales/*.json` by leptos_i18n. The chosen language is remembered
//! in the `i18n_pref_locale` cookie. Only the server reads it (leptos_i18n's
//! `cookie` feature is on for `ssr` alone); the browser takes the language from
//! `<html lang>` and writes the cookie itself when the reader switches, which
//! keeps leptos-use's cookie code and the `time` crate out of the wasm.
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

/// The code used to pick a translation of a seed text.
pub fn lang_code(locale: Locale) -> &'static str {
    match locale {
        Locale::es => "es",
        Locale::en => "en",
    }
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
