//! Texts of the meeting in several languages. Spanish is the language of the
//! preparatory document and is always present; other languages fall back to it.
//! While a seed is read (`requiring`), every text must carry each language the
//! seed declares: a missing one stops the parse at that text, whose field path
//! the seed parser reports.

use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// The languages a seed text may carry. Spanish is required; the others are optional.
pub const SEED_LANGUAGES: [&str; 4] = ["es", "en", "pt", "fr"];

/// A text with its translations. In a seed file it is either a plain string
/// (Spanish) or a table such as `{ es = "…", en = "…" }`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "TextRepr", into = "TextRepr")]
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

thread_local! {
    /// The languages every text must carry while a seed is being read.
    static REQUIRED: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
    /// The only languages texts keep while a seed is read for one reader.
    static KEEP: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
}

/// Runs `read` with every `Text` it deserializes keeping only Spanish and
/// `lang`: a reader's browser gets the meeting in its own language (and the
/// original), not in every language the seed has.
pub fn keeping<T>(lang: &str, read: impl FnOnce() -> T) -> T {
    while_set(&KEEP, vec![lang.to_string()], read)
}

/// Runs `read` with every `Text` it deserializes required to carry each of
/// `languages` (Spanish is always required, by validation). Texts read
/// elsewhere (the stored seed, server answers) are never refused.
pub fn requiring<T>(languages: &[String], read: impl FnOnce() -> T) -> T {
    while_set(&REQUIRED, languages.to_vec(), read)
}

type Setting = std::thread::LocalKey<RefCell<Option<Vec<String>>>>;

/// Runs `read` with `setting` holding `value`, cleared afterwards even if
/// `read` panics.
fn while_set<T>(setting: &'static Setting, value: Vec<String>, read: impl FnOnce() -> T) -> T {
    struct Reset(&'static Setting);
    impl Drop for Reset {
        fn drop(&mut self) {
            self.0.with(|s| *s.borrow_mut() = None);
        }
    }
    setting.with(|s| *s.borrow_mut() = Some(value));
    let _reset = Reset(setting);
    read()
}

impl TryFrom<TextRepr> for Text {
    type Error = String;

    fn try_from(repr: TextRepr) -> Result<Self, String> {
        let mut text = match repr {
            TextRepr::Spanish(es) => Text { es, others: BTreeMap::new() },
            TextRepr::Translated(mut map) => {
                // A missing `es` is kept as an empty string so that validation,
                // which knows the field path, can report it precisely.
                let es = map.remove("es").unwrap_or_default();
                Text { es, others: map }
            }
        };
        KEEP.with(|k| {
            if let Some(keep) = k.borrow().as_ref() {
                text.others.retain(|lang, _| keep.contains(lang));
            }
        });
        let missing: Vec<String> = REQUIRED.with(|r| r.borrow().iter().flatten().filter(|l| *l != "es" && !text.has(l)).cloned().collect());
        if missing.is_empty() {
            Ok(text)
        } else {
            Err(format!(
                "the text \"{}\" has no translation into {} (the seed declares languages = [...] and every text \
                 a person reads must carry each: {{ es = \"…\", {} }})",
                short(&text.es),
                missing.join(", "),
                missing.iter().map(|l| format!("{l} = \"…\"")).collect::<Vec<_>>().join(", ")
            ))
        }
    }
}

/// The first words of a text, to point at it in an error.
fn short(text: &str) -> String {
    let mut out: String = text.chars().take(60).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
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

    /// Whether the text has a non-blank version in `lang`.
    pub fn has(&self, lang: &str) -> bool {
        match lang {
            "es" => !self.es.trim().is_empty(),
            _ => self.others.get(lang).is_some_and(|t| !t.trim().is_empty()),
        }
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

    /// The same text with `f` applied to each language's version.
    pub fn map(&self, f: impl Fn(&str) -> String) -> Text {
        Text { es: f(&self.es), others: self.others.iter().map(|(l, t)| (l.clone(), f(t))).collect() }
    }

    /// Every version the text carries, Spanish first.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.es.as_str()).chain(self.others.values().map(String::as_str))
    }

    /// Problems a seed author must fix: empty Spanish text or unknown language codes.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.es.trim().is_empty() {
            out.push("the Spanish text (es) is missing or empty".to_string());
        }
        for lang in self.others.keys() {
            if !SEED_LANGUAGES.contains(&lang.as_str()) {
                out.push(format!("unknown language \"{lang}\" (expected one of {})", SEED_LANGUAGES.join(", ")));
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
    fn while_a_seed_is_read_every_text_needs_its_languages() {
        let langs = vec!["es".to_string(), "en".to_string(), "pt".to_string()];
        let read = |src: &str| requiring(&langs, || toml::from_str::<Holder>(src).map(|h| h.t));
        let err = read(r#"t = { es = "Hola", en = "Hello" }"#).unwrap_err().to_string();
        assert!(err.contains("no translation into pt"), "{err}");
        assert!(!err.contains("into en"), "{err}");
        let err = read(r#"t = "Hola""#).unwrap_err().to_string();
        assert!(err.contains("into en, pt"), "{err}");
        let err = read(r#"t = { es = "Hola", en = "Hello", pt = "  " }"#).unwrap_err().to_string();
        assert!(err.contains("into pt"), "a blank translation is none: {err}");
        assert_eq!(read(r#"t = { es = "Hola", en = "Hello", pt = "Olá" }"#).unwrap().get("pt"), "Olá");
        // Outside a seed read nothing is required.
        assert!(toml::from_str::<Holder>(r#"t = "Hola""#).is_ok());
    }

    #[test]
    fn read_for_one_reader_a_text_keeps_spanish_and_that_language() {
        let json = r#"{"es":"Hola","en":"Hello","pt":"Olá","fr":"Bonjour"}"#;
        let t: Text = keeping("pt", || serde_json::from_str(json)).unwrap();
        assert_eq!((t.get("pt"), t.spanish(), t.has("en"), t.has("fr")), ("Olá", "Hola", false, false));
        let t: Text = serde_json::from_str(json).unwrap();
        assert!(t.has("en") && t.has("fr"), "outside `keeping` every language stays");
    }

    #[test]
    fn round_trips_through_json() {
        let t = Text::es("Hola").with("en", "Hello");
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(serde_json::from_str::<Text>(&json).unwrap(), t);
    }
}
