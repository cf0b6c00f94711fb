//! Texts of the meeting in several languages. Spanish is the language of the
//! preparatory document and is always present; other languages fall back to it.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The languages a seed text may carry. Spanish is required; the others are optional.
pub const SEED_LANGUAGES: [&str; 4] = ["es", "en", "pt", "fr"];

/// A text with its translations. In a seed file it is either a plain string
/// (Spanish) or a table such as `{ es = "…", en = "…" }`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "TextRepr", into = "TextRepr")]
pub struct Text {
    es: String,
    others: BTreeMap<String, String>,
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum TextRepr {
    Spanish(String),
    Translated(BTreeMap<String, String>),
}

impl From<TextRepr> for Text {
    fn from(repr: TextRepr) -> Self {
        match repr {
            TextRepr::Spanish(es) => Text { es, others: BTreeMap::new() },
            TextRepr::Translated(mut map) => {
                // A missing `es` is kept as an empty string so that validation,
                // which knows the field path, can report it precisely.
                let es = map.remove("es").unwrap_or_default();
                Text { es, others: map }
            }
        }
    }
}

impl From<Text> for TextRepr {
    fn from(text: Text) -> Self {
        if text.others.is_empty() {
            TextRepr::Spanish(text.es)
        } else {
            let mut map = text.others;
            map.insert("es".into(), text.es);
            TextRepr::Translated(map)
        }
    }
}

impl Text {
    pub fn es(es: impl Into<String>) -> Self {
        Text { es: es.into(), others: BTreeMap::new() }
    }

    pub fn with(mut self, lang: &str, text: impl Into<String>) -> Self {
        self.others.insert(lang.to_string(), text.into());
        self
    }

    /// The text in `lang`, or the Spanish original when there is no translation.
    pub fn get(&self, lang: &str) -> &str {
        match self.others.get(lang) {
            Some(t) if !t.trim().is_empty() => t,
            _ => &self.es,
        }
    }

    pub fn spanish(&self) -> &str {
        &self.es
    }

    /// Problems a seed author must fix: empty Spanish text or unknown language codes.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.es.trim().is_empty() {
            out.push("the Spanish text (es) is missing or empty".to_string());
        }
        for lang in self.others.keys() {
            if !SEED_LANGUAGES.contains(&lang.as_str()) {
                out.push(format!(
                    "unknown language \"{lang}\" (expected one of {})",
                    SEED_LANGUAGES.join(", ")
                ));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Holder {
        t: Text,
    }

    #[test]
    fn a_plain_string_is_spanish() {
        let h: Holder = toml::from_str(r#"t = "Hola""#).unwrap();
        assert_eq!(h.t.get("es"), "Hola");
        assert_eq!(h.t.get("en"), "Hola");
    }

    #[test]
    fn a_table_carries_translations_and_falls_back_to_spanish() {
        let h: Holder = toml::from_str(r#"t = { es = "Hola", en = "Hello" }"#).unwrap();
        assert_eq!(h.t.get("en"), "Hello");
        assert_eq!(h.t.get("pt"), "Hola");
        assert!(h.t.problems().is_empty());
    }

    #[test]
    fn missing_spanish_and_unknown_languages_are_reported() {
        let h: Holder = toml::from_str(r#"t = { en = "Hello", de = "Hallo" }"#).unwrap();
        let problems = h.t.problems();
        assert!(problems.iter().any(|p| p.contains("Spanish")));
        assert!(problems.iter().any(|p| p.contains("\"de\"")));
    }

    #[test]
    fn round_trips_through_json() {
        let t = Text::es("Hola").with("en", "Hello");
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(serde_json::from_str::<Text>(&json).unwrap(), t);
    }
}
