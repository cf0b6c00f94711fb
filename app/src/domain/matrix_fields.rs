//! The fields of a matrix line, as the seed defines them: each column of the
//! matrix holds one or more fields (a column "expected results" may hold one
//! field per horizon), each free text or a choice among listed options. The
//! session that fills a column (seed `sessions[].matrix_columns`) decides
//! which fields are editable; a field's id names its cells (`m/<row>/<id>`).

use super::text::Text;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest text a matrix field accepts (characters).
pub const MAX_FIELD_CHARS: usize = 2000;

/// A field's id, as the seed spells it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FieldId(pub String);

impl FieldId {
    pub fn new(id: &str) -> Self {
        FieldId(id.to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// An id as a cell key may carry it: 1–32 of `[a-z0-9_-]`. Whether the
    /// seed defines it is checked where the seed is at hand.
    pub fn parse(id: &str) -> Option<FieldId> {
        let ok = !id.is_empty() && id.len() <= 32 && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_-".contains(&b));
        ok.then(|| FieldId::new(id))
    }
}

impl fmt::Display for FieldId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a field holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    #[default]
    Text,
    /// A set of option ids, stored in option order and comma-separated.
    Choice,
}

/// One option of a choice field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub id: String,
    pub name: Text,
    /// How a chosen option reads where space is short (a number), if not by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldDef {
    pub id: FieldId,
    /// The part's name when its column holds several fields ("in 2 years");
    /// without it the field reads as its column's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    #[serde(default)]
    pub kind: FieldKind,
    /// A choice among one of the seed's reference lists, by its name
    /// (the seed fills `options` from it when it is read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ChoiceOption>,
    /// A choice of at most one option (a time frame); otherwise any number.
    #[serde(default, skip_serializing_if = "is_false")]
    pub single: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl FieldDef {
    /// A free-text field, as a column without listed fields has.
    pub fn text(id: &str) -> Self {
        FieldDef { id: FieldId::new(id), label: None, kind: FieldKind::Text, from: None, options: Vec::new(), single: false }
    }

    pub fn option_ids(&self) -> Vec<String> {
        self.options.iter().map(|o| o.id.clone()).collect()
    }

    /// The name of a chosen option in `lang`, short where it has a short form.
    pub fn option_short(&self, id: &str, lang: &str) -> Option<String> {
        let o = self.options.iter().find(|o| o.id == id)?;
        Some(o.short.clone().unwrap_or_else(|| o.name.get(lang).to_string()))
    }

    pub fn option_name(&self, id: &str, lang: &str) -> Option<String> {
        self.options.iter().find(|o| o.id == id).map(|o| o.name.get(lang).to_string())
    }

    /// Where `id` comes in the option list (unknown ids last).
    pub fn option_rank(&self, id: &str) -> usize {
        self.options.iter().position(|o| o.id == id).unwrap_or(usize::MAX)
    }
}

/// Why a value does not fit its field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueError {
    TooLong,
    /// A choice that is not among the allowed ids.
    UnknownChoice(String),
    /// More than one option in a single choice.
    OneAtMost,
}

/// Checks and normalises a value: trims the ends of text (inner line breaks
/// are the author's), orders and de-duplicates choices.
pub fn normalise(field: &FieldDef, value: &str) -> Result<String, ValueError> {
    match field.kind {
        FieldKind::Text => normalise_text(value),
        FieldKind::Choice => {
            let value = normalise_choice(value, &field.option_ids())?;
            if field.single && value.contains(',') {
                return Err(ValueError::OneAtMost);
            }
            Ok(value)
        }
    }
}

pub fn normalise_text(value: &str) -> Result<String, ValueError> {
    let cleaned = super::typed_text::clean(value);
    let v = cleaned.trim();
    if v.chars().count() > MAX_FIELD_CHARS {
        return Err(ValueError::TooLong);
    }
    Ok(v.to_string())
}

pub fn normalise_choice(value: &str, allowed: &[String]) -> Result<String, ValueError> {
    let mut ids: Vec<&str> = value.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
    if let Some(bad) = ids.iter().find(|id| !allowed.iter().any(|a| a == *id)) {
        return Err(ValueError::UnknownChoice(bad.to_string()));
    }
    ids.sort_by_key(|id| allowed.iter().position(|a| a == id));
    ids.dedup();
    Ok(ids.join(","))
}

/// The ids a choice value holds.
pub fn choices(value: &str) -> Vec<&str> {
    value.split(',').filter(|s| !s.is_empty()).collect()
}

/// How a field reads in `lang`: a choice field lists its options (short
/// form where they have one; an id it does not know shows as is), a text
/// field reads as written. The plan page, the plenary and the exports all
/// read fields through here.
pub fn readable(field: &FieldDef, value: &str, lang: &str) -> String {
    match field.kind {
        FieldKind::Text => value.to_string(),
        FieldKind::Choice => choices(value)
            .into_iter()
            .map(|id| field.option_short(id, lang).unwrap_or_else(|| id.to_string()))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice(ids: &[&str]) -> FieldDef {
        let options = ids
            .iter()
            .map(|id| ChoiceOption { id: id.to_string(), name: Text::es(format!("Opción {id}")), short: (*id == "2").then(|| "2".into()) })
            .collect();
        FieldDef { id: FieldId::new("tema"), label: None, kind: FieldKind::Choice, from: None, options, single: false }
    }

    #[test]
    fn choices_are_checked_put_in_option_order_and_deduplicated() {
        let f = choice(&["1", "2", "3", "7"]);
        assert_eq!(normalise(&f, "7, 2,7,"), Ok("2,7".into()));
        assert_eq!(normalise(&f, ""), Ok("".into()));
        assert_eq!(normalise(&f, "9"), Err(ValueError::UnknownChoice("9".into())));
    }

    #[test]
    fn a_single_choice_takes_one_option_or_none() {
        let f = FieldDef { single: true, ..choice(&["1", "2"]) };
        assert_eq!(normalise(&f, "2"), Ok("2".into()));
        assert_eq!(normalise(&f, "2,2"), Ok("2".into()));
        assert_eq!(normalise(&f, ""), Ok("".into()));
        assert_eq!(normalise(&f, "1,2"), Err(ValueError::OneAtMost));
    }

    #[test]
    fn choices_read_by_short_form_or_name_and_unknown_ids_as_they_are() {
        let f = choice(&["a", "2"]);
        assert_eq!(readable(&f, "a,2,zz", "es"), "Opción a; 2; zz");
        assert_eq!(readable(&f, "", "es"), "");
        assert_eq!(readable(&FieldDef::text("x"), "a,2", "es"), "a,2");
        assert_eq!((f.option_rank("2"), f.option_rank("zz")), (1, usize::MAX));
    }

    #[test]
    fn text_is_trimmed_and_bounded() {
        let f = FieldDef::text("notas");
        assert_eq!(normalise(&f, "  Compras públicas\nsustentables "), Ok("Compras públicas\nsustentables".into()));
        let long = "é".repeat(MAX_FIELD_CHARS + 1);
        assert_eq!(normalise(&f, &long), Err(ValueError::TooLong));
        assert!(normalise(&f, &long[..MAX_FIELD_CHARS * 2]).is_ok());
    }

    #[test]
    fn field_ids_in_cell_keys_are_plain() {
        assert_eq!(FieldId::parse("resultados_2"), Some(FieldId::new("resultados_2")));
        for bad in ["", "Área", "a b", "a/b", &"x".repeat(33)] {
            assert_eq!(FieldId::parse(bad), None, "{bad}");
        }
    }
}
