//! Completeness of one language's UI strings against the default's: every
//! key, none unknown, none empty, the same `{{ variables }}`. Run by the build
//! (`build.rs` stops on a problem) and unit-tested here.
use std::collections::BTreeMap;

fn variables(s: &str) -> Vec<&str> {
    let mut out: Vec<&str> = s.split("{{").skip(1).filter_map(|p| p.split("}}").next()).map(str::trim).collect();
    out.sort_unstable();
    out
}

/// What is wrong with `lang`'s strings, in one line naming the keys; `None` when complete.
pub fn problems(lang: &str, default: &BTreeMap<String, String>, other: &BTreeMap<String, String>) -> Option<String> {
    let missing: Vec<&String> = default.keys().filter(|k| !other.contains_key(*k)).collect();
    let unknown: Vec<&String> = other.keys().filter(|k| !default.contains_key(*k)).collect();
    let empty: Vec<&String> = other.iter().filter(|(_, v)| v.trim().is_empty()).map(|(k, _)| k).collect();
    let vars: Vec<&String> = default.keys().filter(|k| other.get(*k).is_some_and(|v| variables(v) != variables(&default[*k]))).collect();
    let mut said = Vec::new();
    for (what, keys) in [("missing", missing), ("unknown", unknown), ("empty", empty), ("other {{ variables }} than the default", vars)] {
        if !keys.is_empty() {
            said.push(format!("{what}: {}", keys.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ")));
        }
    }
    (!said.is_empty()).then(|| format!("locales/{lang}.json: {}", said.join("; ")))
}

#[cfg(test)]
mod tests {
    use super::problems;
    use std::collections::BTreeMap;

    fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn a_complete_language_passes() {
        let es = map(&[("a", "Uno"), ("b", "Hola {{ name }}")]);
        assert_eq!(problems("pt", &es, &map(&[("a", "Um"), ("b", "Olá {{name}}")])), None);
    }

    #[test]
    fn each_problem_is_named_with_its_keys() {
        let es = map(&[("a", "Uno"), ("b", "Hola {{ name }}"), ("c", "Tres")]);
        let fr = map(&[("b", "Bonjour {{ nom }}"), ("c", " "), ("z", "?")]);
        assert_eq!(
            problems("fr", &es, &fr).as_deref(),
            Some("locales/fr.json: missing: a; unknown: z; empty: c; other {{ variables }} than the default: b")
        );
    }
}
