//! The editable fields of one Anexo IV matrix row, and what each may hold.
//!
//! The annex has 8 columns; some hold more than one thing: expected results
//! come with two horizons (§4.2 e: "los próximos dos años" / "5 o 10"),
//! responsibilities name kinds of actor (§4.3 b) plus free text, resources
//! are economic and technical (§4.3 c). Each field belongs to one column, so
//! the session that fills a column (seed `sessions[].matrix_columns`) decides
//! which fields are editable.

use serde::{Deserialize, Serialize};

/// Longest text a matrix field accepts (characters).
pub const MAX_FIELD_CHARS: usize = 2000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// ILAC priority areas, as area numbers.
    Ilac,
    Prioridades,
    /// Expected in the next two years.
    ResultadosCorto,
    /// Expected in five to ten years.
    ResultadosLargo,
    Indicadores,
    /// Marrakech Task Forces the row is linked to (§4.2 b).
    TaskForces,
    Actividades,
    /// Kinds of responsible party (§4.3 b).
    ResponsablesTipo,
    Responsables,
    RecursosEconomicos,
    RecursosTecnicos,
    Actores,
}

/// What a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    /// A set of ids, stored sorted and comma-separated.
    Choice,
}

/// The kinds of responsible party §4.3 b asks to identify.
pub const RESPONSIBLE_KINDS: [&str; 3] = ["gobiernos", "subregional", "consejo"];

impl Field {
    pub const ALL: [Field; 12] = [
        Field::Ilac,
        Field::Prioridades,
        Field::ResultadosCorto,
        Field::ResultadosLargo,
        Field::Indicadores,
        Field::TaskForces,
        Field::Actividades,
        Field::ResponsablesTipo,
        Field::Responsables,
        Field::RecursosEconomicos,
        Field::RecursosTecnicos,
        Field::Actores,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Field::Ilac => "ilac",
            Field::Prioridades => "prioridades",
            Field::ResultadosCorto => "resultados_corto",
            Field::ResultadosLargo => "resultados_largo",
            Field::Indicadores => "indicadores",
            Field::TaskForces => "task_forces",
            Field::Actividades => "actividades",
            Field::ResponsablesTipo => "responsables_tipo",
            Field::Responsables => "responsables",
            Field::RecursosEconomicos => "recursos_economicos",
            Field::RecursosTecnicos => "recursos_tecnicos",
            Field::Actores => "actores",
        }
    }

    pub fn parse(id: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.id() == id)
    }

    /// The Anexo IV column (see `matrix::COLUMN_IDS`) the field belongs to.
    /// Task-force links answer §4.2 b, so they are filled with the priorities.
    pub fn column(self) -> &'static str {
        match self {
            Field::Ilac => "ilac",
            Field::Prioridades | Field::TaskForces => "prioridades",
            Field::ResultadosCorto | Field::ResultadosLargo => "resultados",
            Field::Indicadores => "indicadores",
            Field::Actividades => "actividades",
            Field::ResponsablesTipo | Field::Responsables => "responsables",
            Field::RecursosEconomicos | Field::RecursosTecnicos => "recursos",
            Field::Actores => "actores",
        }
    }

    pub fn kind(self) -> FieldKind {
        match self {
            Field::Ilac | Field::TaskForces | Field::ResponsablesTipo => FieldKind::Choice,
            _ => FieldKind::Text,
        }
    }

    /// The fields of one column, in display order.
    pub fn of_column(column: &str) -> Vec<Field> {
        Field::ALL.into_iter().filter(|f| f.column() == column).collect()
    }
}

/// Why a value does not fit its field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueError {
    TooLong,
    /// A choice that is not among the allowed ids.
    UnknownChoice(String),
}

/// Checks and normalises a value: trims the ends of text (inner line breaks
/// are the author's), sorts and de-duplicates choices. `allowed` lists the
/// valid ids of a choice field.
pub fn normalise(field: Field, value: &str, allowed: &[String]) -> Result<String, ValueError> {
    match field.kind() {
        FieldKind::Text => normalise_text(value),
        FieldKind::Choice => normalise_choice(value, allowed),
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

/// How a field reads: a choice field lists its ids by name (`name_of` gives
/// them in the reader's language; an id it does not know shows as is), a text
/// field reads as written. The plan page, the plenary and the exports all
/// read fields through here.
pub fn readable(field: Field, value: &str, name_of: impl Fn(&str) -> Option<String>) -> String {
    match field.kind() {
        FieldKind::Text => value.to_string(),
        FieldKind::Choice => {
            choices(value).into_iter().map(|id| name_of(id).unwrap_or_else(|| id.to_string())).collect::<Vec<_>>().join("; ")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::matrix::COLUMN_IDS;

    #[test]
    fn every_field_belongs_to_one_annex_column_and_every_column_has_a_field() {
        for f in Field::ALL {
            assert!(COLUMN_IDS.contains(&f.column()), "{f:?}");
            assert_eq!(Field::parse(f.id()), Some(f));
        }
        for c in COLUMN_IDS {
            assert!(!Field::of_column(c).is_empty(), "{c}");
        }
    }

    #[test]
    fn choices_are_checked_sorted_and_deduplicated() {
        let areas: Vec<String> = (1..=8).map(|n| n.to_string()).collect();
        assert_eq!(normalise(Field::Ilac, "7, 2,7,", &areas), Ok("2,7".into()));
        assert_eq!(normalise(Field::Ilac, "", &areas), Ok("".into()));
        assert_eq!(normalise(Field::Ilac, "9", &areas), Err(ValueError::UnknownChoice("9".into())));
    }

    #[test]
    fn choices_read_by_name_and_unknown_ids_as_they_are() {
        let name = |id: &str| (id == "gobiernos").then(|| "Gobiernos nacionales".to_string());
        assert_eq!(readable(Field::ResponsablesTipo, "gobiernos,consejo", name), "Gobiernos nacionales; consejo");
        assert_eq!(readable(Field::ResponsablesTipo, "", name), "");
        assert_eq!(readable(Field::Prioridades, "gobiernos,consejo", name), "gobiernos,consejo");
    }

    #[test]
    fn text_is_trimmed_and_bounded() {
        assert_eq!(normalise(Field::Prioridades, "  Compras públicas\nsustentables ", &[]), Ok("Compras públicas\nsustentables".into()));
        let long = "é".repeat(MAX_FIELD_CHARS + 1);
        assert_eq!(normalise(Field::Actores, &long, &[]), Err(ValueError::TooLong));
        assert!(normalise(Field::Actores, &long[..MAX_FIELD_CHARS * 2], &[]).is_ok());
    }
}
