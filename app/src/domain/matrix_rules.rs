//! A group's action-plan matrix: rows under the seed's dimensions, at most
//! `max_lines_per_dimension` under each, and which fields the session in
//! progress may change.

use super::cells::Cell;
use super::matrix::MatrixTemplate;
use super::matrix_fields::FieldId;
use super::session::Session;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatrixRow {
    pub id: i64,
    pub dimension: String,
    pub position: i64,
    /// The seed's proposal row or reference line it was started from.
    pub origin: Option<String>,
    pub cells: BTreeMap<FieldId, Cell>,
}

impl MatrixRow {
    pub fn cell(&self, field: &FieldId) -> Cell {
        self.cells.get(field).cloned().unwrap_or_else(Cell::empty)
    }

    pub fn text(&self, field: &FieldId) -> &str {
        self.cells.get(field).map(|c| c.text.as_str()).unwrap_or("")
    }
}

/// Why a change to the rows is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowRefusal {
    /// The dimension already has the maximum number of lines.
    DimensionFull {
        max: u32,
    },
    UnknownDimension,
}

/// Whether one more row fits under `dimension`.
pub fn check_new_row(rows: &[MatrixRow], dimension: &str, dimensions: &[&str], max: u32) -> Result<(), RowRefusal> {
    if !dimensions.contains(&dimension) {
        return Err(RowRefusal::UnknownDimension);
    }
    let used = rows.iter().filter(|r| r.dimension == dimension).count() as u32;
    if used >= max {
        return Err(RowRefusal::DimensionFull { max });
    }
    Ok(())
}

/// Rows of one dimension in display order.
pub fn rows_of<'a>(rows: &'a [MatrixRow], dimension: &str) -> Vec<&'a MatrixRow> {
    let mut out: Vec<&MatrixRow> = rows.iter().filter(|r| r.dimension == dimension).collect();
    out.sort_by_key(|r| (r.position, r.id));
    out
}

/// The fields a session fills (those of its matrix columns).
pub fn editable_fields(matrix: &MatrixTemplate, session: &Session) -> Vec<FieldId> {
    matrix.columns.iter().filter(|c| session.matrix_columns.contains(&c.id)).flat_map(|c| c.fields.iter().map(|f| f.id.clone())).collect()
}

/// Whether a session may add, move and delete lines: it fills the heading.
pub fn rows_editable(matrix: &MatrixTemplate, session: &Session) -> bool {
    editable_fields(matrix, session).contains(&matrix.heading)
}

/// New positions after moving row `id` one place up (`-1`) or down (`+1`)
/// within its dimension: (row id, position) for every row of the dimension.
/// `None` when the row is unknown or already at that end.
pub fn reorder(rows: &[MatrixRow], id: i64, step: i32) -> Option<Vec<(i64, i64)>> {
    let dimension = &rows.iter().find(|r| r.id == id)?.dimension;
    let mut ordered: Vec<i64> = rows_of(rows, dimension).iter().map(|r| r.id).collect();
    let at = ordered.iter().position(|r| *r == id)?;
    let to = at as i64 + step as i64;
    if to < 0 || to >= ordered.len() as i64 {
        return None;
    }
    ordered.swap(at, to as usize);
    Some(ordered.into_iter().enumerate().map(|(i, r)| (r, i as i64)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const DIMS: [&str; 3] = ["politicas", "cooperacion", "metodologias"];

    fn row(id: i64, dimension: &str, position: i64) -> MatrixRow {
        MatrixRow { id, dimension: dimension.into(), position, origin: None, cells: BTreeMap::new() }
    }

    #[test]
    fn a_fifth_line_in_one_dimension_is_refused_but_other_dimensions_still_fit() {
        let rows: Vec<MatrixRow> = (0..4).map(|i| row(i, "politicas", i)).collect();
        assert_eq!(check_new_row(&rows, "politicas", &DIMS, 4), Err(RowRefusal::DimensionFull { max: 4 }));
        assert_eq!(check_new_row(&rows, "cooperacion", &DIMS, 4), Ok(()));
        assert_eq!(check_new_row(&rows, "otra", &DIMS, 4), Err(RowRefusal::UnknownDimension));
    }

    #[test]
    fn sessions_edit_the_fields_of_their_columns() {
        let s = |cols: &[&str]| Session {
            number: 1,
            title: crate::domain::Text::es("S"),
            guide: "4.2".into(),
            group_set: "g".into(),
            matrix_columns: cols.iter().map(|c| c.to_string()).collect(),
        };
        let m = crate::domain::seed::tests::shipped().matrix;
        let f = |id: &str| FieldId::new(id);
        let first = editable_fields(&m, &s(&["ilac", "prioridades", "resultados", "indicadores"]));
        assert!(first.contains(&f("resultados_corto")) && first.contains(&f("task_forces")));
        assert!(!first.contains(&f("actividades")) && rows_editable(&m, &s(&["prioridades"])));
        let third = editable_fields(&m, &s(&["actividades", "responsables", "recursos", "actores"]));
        assert_eq!(third.len(), 6);
        assert!(!rows_editable(&m, &s(&["actividades"])));
        assert!(editable_fields(&m, &s(&[])).is_empty());
    }

    #[test]
    fn moving_a_row_swaps_it_with_its_neighbour_in_the_same_dimension() {
        let rows = vec![row(1, "politicas", 0), row(2, "cooperacion", 0), row(3, "politicas", 1)];
        assert_eq!(reorder(&rows, 3, -1), Some(vec![(3, 0), (1, 1)]));
        assert_eq!(reorder(&rows, 1, -1), None);
        assert_eq!(reorder(&rows, 2, 1), None);
        assert_eq!(reorder(&rows, 9, 1), None);
    }

    proptest! {
        /// However rows are added, no dimension ever holds more than the maximum.
        #[test]
        fn adding_rows_never_exceeds_the_limit(picks in proptest::collection::vec(0usize..3, 0..30), max in 1u32..6) {
            let mut rows = Vec::new();
            for (i, p) in picks.into_iter().enumerate() {
                if check_new_row(&rows, DIMS[p], &DIMS, max).is_ok() {
                    rows.push(row(i as i64, DIMS[p], i as i64));
                }
            }
            for d in DIMS {
                prop_assert!(rows_of(&rows, d).len() as u32 <= max);
            }
        }
    }
}
