//! Questionnaire groups start from what the matrix sessions produced: a
//! coordinator pulls a row of another group's matrix into a questionnaire
//! answer as one line, saying where it came from. Rows are found by their
//! tags: the options chosen in the matrix's choice fields.

use super::matrix::MatrixTemplate;
use super::matrix_fields::{choices, FieldId, FieldKind};
use super::matrix_rules::MatrixRow;
use super::Text;
use serde::{Deserialize, Serialize};

/// A matrix row offered as a starting point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PullableRow {
    pub group: String,
    pub group_label: Text,
    pub row: i64,
    pub dimension: String,
    /// Every option the row chose, in any choice field.
    pub tags: Vec<Tag>,
    pub summary: String,
}

/// A tag to filter by: an option of a choice field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    pub field: FieldId,
    pub id: String,
}

impl Tag {
    /// "<field>:<option>"; anything else is no tag (show every row).
    pub fn parse(s: &str) -> Option<Tag> {
        let (field, id) = s.split_once(':')?;
        let field = FieldId::parse(field)?;
        (!id.is_empty()).then(|| Tag { field, id: id.to_string() })
    }

    pub fn encode(&self) -> String {
        format!("{}:{}", self.field, self.id)
    }
}

impl PullableRow {
    pub fn new(group: String, group_label: Text, row: &MatrixRow, matrix: &MatrixTemplate) -> Self {
        let tags = matrix
            .fields()
            .filter(|f| f.kind == FieldKind::Choice)
            .flat_map(|f| choices(row.text(&f.id)).into_iter().map(|id| Tag { field: f.id.clone(), id: id.to_string() }))
            .collect();
        PullableRow { group, group_label, row: row.id, dimension: row.dimension.clone(), tags, summary: summary(row, matrix) }
    }

    pub fn has(&self, tag: &Tag) -> bool {
        self.tags.contains(tag)
    }

    /// The options chosen in `field`.
    pub fn tagged(&self, field: &FieldId) -> Vec<&str> {
        self.tags.iter().filter(|t| &t.field == field).map(|t| t.id.as_str()).collect()
    }

    /// The line appended to an answer: the row's substance, then its group.
    pub fn line(&self) -> String {
        format!("{} — {}", self.summary, self.group_label.spanish())
    }
}

/// What a row says, on one line, in the seed's original language: the
/// heading, then each other text field it has, labelled. Line breaks inside
/// cells become "; ".
pub fn summary(row: &MatrixRow, matrix: &MatrixTemplate) -> String {
    let flat = |f: &FieldId| row.text(f).lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("; ");
    let mut parts = vec![flat(&matrix.heading)];
    for field in matrix.fields().filter(|f| f.kind == FieldKind::Text && f.id != matrix.heading) {
        let text = flat(&field.id);
        if !text.is_empty() {
            parts.push(format!("{}: {text}", matrix.label(&field.id, "es")));
        }
    }
    parts.retain(|p| !p.is_empty());
    if parts.is_empty() {
        "—".to_string()
    } else {
        parts.join(". ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cells::{append_line, Cell};

    fn matrix() -> MatrixTemplate {
        crate::domain::seed::tests::shipped().matrix
    }

    fn row(cells: &[(&str, &str)]) -> MatrixRow {
        MatrixRow {
            id: 7,
            dimension: "politicas".into(),
            position: 1,
            origin: None,
            cells: cells.iter().map(|(f, t)| (FieldId::new(f), Cell { text: t.to_string(), version: 1, by: "x".into(), at: 0 })).collect(),
        }
    }

    #[test]
    fn a_row_becomes_one_attributed_line_with_what_it_has() {
        let r = row(&[
            ("prioridades", "Compras públicas sustentables\nen la subregión"),
            ("indicadores", "Leyes aprobadas"),
            ("ilac", "3,6"),
            ("task_forces", "compras"),
        ]);
        let p = PullableRow::new("andina".into(), Text::es("Grupo 3: Subregión Andina"), &r, &matrix());
        let said = "Compras públicas sustentables; en la subregión. Indicadores de resultados: Leyes aprobadas";
        assert_eq!(p.summary, said);
        assert_eq!(p.line(), format!("{said} — Grupo 3: Subregión Andina"));
        let tag = |f: &str, id: &str| Tag { field: FieldId::new(f), id: id.into() };
        assert!(p.has(&tag("ilac", "6")) && !p.has(&tag("ilac", "1")) && !p.has(&tag("task_forces", "6")));
        assert!(p.has(&tag("task_forces", "compras")));
        assert_eq!(p.tagged(&FieldId::new("ilac")), ["3", "6"]);
        assert_eq!(summary(&row(&[]), &matrix()), "—");
    }

    #[test]
    fn pulling_the_same_row_twice_adds_it_once() {
        let line = "Una prioridad — Grupo 1";
        let once = append_line("Texto del grupo", line);
        assert_eq!(once, "Texto del grupo\nUna prioridad — Grupo 1");
        assert_eq!(append_line(&once, line), once);
        assert_eq!(append_line("  ", line), line);
    }

    #[test]
    fn tags_round_trip_and_junk_is_no_tag() {
        for t in [Tag { field: FieldId::new("ilac"), id: "3".into() }, Tag { field: FieldId::new("tf"), id: "turismo".into() }] {
            assert_eq!(Tag::parse(&t.encode()), Some(t));
        }
        for junk in ["", "ilac:", "tf", "X Y:1", "all"] {
            assert_eq!(Tag::parse(junk), None, "{junk}");
        }
    }
}
