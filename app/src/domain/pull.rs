//! Session-4 groups start from what sessions 1–3 produced (§4.4): a
//! coordinator pulls a row of another group's matrix into a questionnaire
//! answer as one line, saying where it came from. Rows are found by their
//! tags: the ILAC areas and Marrakech Task Forces they were linked to.

use super::matrix_fields::{choices, Field};
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
    /// ILAC area ids and Task Force ids the row is tagged with.
    pub ilac: Vec<String>,
    pub task_forces: Vec<String>,
    pub summary: String,
}

/// A tag to filter by: an ILAC area or a Task Force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tag {
    Ilac(String),
    TaskForce(String),
}

impl Tag {
    /// "ilac:3", "tf:turismo"; anything else is no tag (show every row).
    pub fn parse(s: &str) -> Option<Tag> {
        let (kind, id) = s.split_once(':')?;
        match kind {
            "ilac" if !id.is_empty() => Some(Tag::Ilac(id.to_string())),
            "tf" if !id.is_empty() => Some(Tag::TaskForce(id.to_string())),
            _ => None,
        }
    }

    pub fn encode(&self) -> String {
        match self {
            Tag::Ilac(id) => format!("ilac:{id}"),
            Tag::TaskForce(id) => format!("tf:{id}"),
        }
    }
}

impl PullableRow {
    pub fn new(group: String, group_label: Text, row: &MatrixRow) -> Self {
        let ids = |f: Field| choices(row.text(f)).into_iter().map(String::from).collect();
        PullableRow {
            group,
            group_label,
            row: row.id,
            dimension: row.dimension.clone(),
            ilac: ids(Field::Ilac),
            task_forces: ids(Field::TaskForces),
            summary: summary(row),
        }
    }

    pub fn is_tagged(&self) -> bool {
        !self.ilac.is_empty() || !self.task_forces.is_empty()
    }

    pub fn has(&self, tag: &Tag) -> bool {
        match tag {
            Tag::Ilac(id) => self.ilac.contains(id),
            Tag::TaskForce(id) => self.task_forces.contains(id),
        }
    }

    /// The line appended to an answer: the row's substance, then its group.
    pub fn line(&self) -> String {
        format!("{} — {}", self.summary, self.group_label.spanish())
    }
}

/// What a row says, on one line: the priority, then its expected results
/// and indicators when it has them. Line breaks inside cells become "; ".
pub fn summary(row: &MatrixRow) -> String {
    let flat = |f: Field| row.text(f).lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("; ");
    let mut parts = vec![flat(Field::Prioridades)];
    for (label, field) in [
        ("Resultados a 2 años", Field::ResultadosCorto),
        ("Resultados a 5–10 años", Field::ResultadosLargo),
        ("Indicadores", Field::Indicadores),
    ] {
        let text = flat(field);
        if !text.is_empty() {
            parts.push(format!("{label}: {text}"));
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

    fn row(cells: &[(Field, &str)]) -> MatrixRow {
        MatrixRow {
            id: 7,
            dimension: "politicas".into(),
            position: 1,
            origin: None,
            cells: cells.iter().map(|(f, t)| (*f, Cell { text: t.to_string(), version: 1, by: "x".into(), at: 0 })).collect(),
        }
    }

    #[test]
    fn a_row_becomes_one_attributed_line_with_what_it_has() {
        let r = row(&[
            (Field::Prioridades, "Compras públicas sustentables\nen la subregión"),
            (Field::Indicadores, "Leyes aprobadas"),
            (Field::Ilac, "3,6"),
            (Field::TaskForces, "compras"),
        ]);
        let p = PullableRow::new("andina".into(), Text::es("Grupo 3: Subregión Andina"), &r);
        assert_eq!(p.summary, "Compras públicas sustentables; en la subregión. Indicadores: Leyes aprobadas");
        assert_eq!(p.line(), "Compras públicas sustentables; en la subregión. Indicadores: Leyes aprobadas — Grupo 3: Subregión Andina");
        assert!(p.has(&Tag::Ilac("6".into())) && !p.has(&Tag::Ilac("1".into())));
        assert!(p.has(&Tag::TaskForce("compras".into())) && p.is_tagged());
        assert_eq!(summary(&row(&[])), "—");
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
        for t in [Tag::Ilac("3".into()), Tag::TaskForce("turismo".into())] {
            assert_eq!(Tag::parse(&t.encode()), Some(t));
        }
        for junk in ["", "ilac:", "tf", "x:1", "all"] {
            assert_eq!(Tag::parse(junk), None, "{junk}");
        }
    }
}
