//! The action-plan matrix a seed defines: its columns and their fields, the
//! field that names a line, the field the plan files lines under, and the
//! proposal lines a group may start from.

use super::matrix_fields::{FieldDef, FieldId};
use super::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatrixTemplate {
    pub title: Text,
    pub intro: Text,
    /// Most lines a group may keep under one dimension.
    pub max_lines_per_dimension: u32,
    /// The text field that names a line (in lists, the plenary, the plan).
    /// Lines are added, moved and deleted in the sessions that fill it.
    pub heading: FieldId,
    /// A choice field the plan files lines under (by the first option chosen)
    /// and the plenary looks for shared areas in; none: one list per dimension.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<FieldId>,
    pub columns: Vec<MatrixColumn>,
    #[serde(default)]
    pub rows: Vec<TemplateRow>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatrixColumn {
    pub id: String,
    pub title: Text,
    /// Its fields in display order; a column without a list holds one text
    /// field with the column's id (the seed fills it in when read).
    #[serde(default)]
    pub fields: Vec<FieldDef>,
}

/// A line proposed by the seed: its heading and, per field, lines of text
/// the new line starts with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateRow {
    pub id: String,
    pub dimension: String,
    pub heading: Text,
    #[serde(default)]
    pub values: BTreeMap<FieldId, Vec<Text>>,
}

impl MatrixTemplate {
    /// Every field, column by column.
    pub fn fields(&self) -> impl Iterator<Item = &FieldDef> {
        self.columns.iter().flat_map(|c| &c.fields)
    }

    pub fn field(&self, id: &FieldId) -> Option<&FieldDef> {
        self.fields().find(|f| &f.id == id)
    }

    pub fn column_of(&self, id: &FieldId) -> Option<&MatrixColumn> {
        self.columns.iter().find(|c| c.fields.iter().any(|f| &f.id == id))
    }

    pub fn area_field(&self) -> Option<&FieldDef> {
        self.field(self.area.as_ref()?)
    }

    /// A field's full label in `lang`: "Column — part", or the column's
    /// title for a field without a part name.
    pub fn label(&self, id: &FieldId, lang: &str) -> String {
        let Some(column) = self.column_of(id) else { return id.to_string() };
        match self.field(id).and_then(|f| f.label.as_ref()) {
            Some(part) => format!("{} — {}", column.title.get(lang), part.get(lang)),
            None => column.title.get(lang).to_string(),
        }
    }

    /// A field's name inside its column: its part name, else the column's title.
    pub fn part_label(&self, id: &FieldId, lang: &str) -> String {
        match self.field(id).and_then(|f| f.label.as_ref()) {
            Some(part) => part.get(lang).to_string(),
            None => self.label(id, lang),
        }
    }

    /// How an area (an option of the area field) is headed in `lang`:
    /// "<field label>: <option name>"; `None` without an area field.
    pub fn area_heading(&self, area: &str, lang: &str) -> Option<String> {
        let f = self.area_field()?;
        Some(format!("{}: {}", self.label(&f.id, lang), f.option_name(area, lang).unwrap_or_else(|| area.to_string())))
    }

    /// Gives every column without listed fields its one text field.
    pub fn fill_default_fields(&mut self) {
        for c in &mut self.columns {
            if c.fields.is_empty() {
                c.fields.push(FieldDef::text(&c.id));
            }
        }
    }
}

impl TemplateRow {
    /// The texts a line started from this row begins with, in `lang`:
    /// the heading, then each listed field's lines.
    pub fn starting_texts(&self, heading: &FieldId, lang: &str) -> Vec<(FieldId, String)> {
        let mut out = vec![(heading.clone(), self.heading.get(lang).to_string())];
        for (field, lines) in &self.values {
            out.push((field.clone(), lines.iter().map(|t| t.get(lang)).collect::<Vec<_>>().join("\n")));
        }
        out
    }
}
