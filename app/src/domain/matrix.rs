//! The Anexo IV action-plan matrix: its columns and the initial proposal rows.

use super::text::Text;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatrixTemplate {
    pub title: Text,
    pub intro: Text,
    /// "seleccione no más de 4 por categoría" (§4.2 a.iii).
    pub max_lines_per_dimension: u32,
    pub columns: Vec<MatrixColumn>,
    pub rows: Vec<TemplateRow>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatrixColumn {
    pub id: String,
    pub title: Text,
}

/// A priority proposed by the annex, with its expected results (and, once, an indicator).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateRow {
    pub id: String,
    pub dimension: String,
    pub priority: Text,
    #[serde(default)]
    pub results: Vec<Text>,
    #[serde(default)]
    pub indicators: Vec<Text>,
}

/// The eight column ids, in the annex's order. Seeds must use exactly these,
/// because later features (session columns, exports) refer to them by id.
pub const COLUMN_IDS: [&str; 8] =
    ["ilac", "prioridades", "resultados", "indicadores", "actividades", "responsables", "recursos", "actores"];
