//! Versioned cells: every editable piece of a group's work (a matrix field,
//! a questionnaire answer of session 4) is a cell with a version number.
//! A save names the version it was based on; a save based on an older
//! version is a conflict the person must resolve, never a silent overwrite.
//! Each save carries an operation id chosen by the browser, so replaying a
//! queue of offline edits can never apply the same edit twice.

use super::matrix_fields::FieldId;
use serde::{Deserialize, Serialize};

/// A cell as stored (version 0 = never written).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    pub text: String,
    pub version: i64,
    /// Who wrote the current text (display name), and when (unix ms).
    pub by: String,
    pub at: i64,
}

impl Cell {
    pub fn empty() -> Self {
        Cell { text: String::new(), version: 0, by: String::new(), at: 0 }
    }
}

/// Which cell of a group's work: a field of a matrix row, or an item of the
/// group's questionnaire (session 4). Stored as "m/<row>/<field>" or "q/<item>".
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CellKey {
    Matrix { row: i64, field: FieldId },
    Questionnaire { item: String },
}

impl CellKey {
    pub fn encode(&self) -> String {
        match self {
            CellKey::Matrix { row, field } => format!("m/{row}/{field}"),
            CellKey::Questionnaire { item } => format!("q/{item}"),
        }
    }

    pub fn parse(s: &str) -> Option<CellKey> {
        if let Some(rest) = s.strip_prefix("m/") {
            let (row, field) = rest.split_once('/')?;
            // One spelling per cell: "010" or "+10" would be another cell's key.
            let canonical = !row.starts_with('0') && row.bytes().all(|b| b.is_ascii_digit());
            return Some(CellKey::Matrix { row: row.parse().ok().filter(|r| *r > 0 && canonical)?, field: FieldId::parse(field)? });
        }
        let item = s.strip_prefix("q/")?;
        let ok = !item.is_empty() && item.len() <= 64 && item.bytes().all(|b| b.is_ascii_alphanumeric() || b"./_-".contains(&b));
        ok.then(|| CellKey::Questionnaire { item: item.to_string() })
    }
}

/// What a save does to a cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveDecision {
    /// Store the text as this new version.
    Write { version: i64 },
    /// The cell already holds this text: nothing to store.
    Unchanged,
    /// The save was based on `base`, but the cell moved on since.
    Conflict,
}

/// Decides a save of `text` based on version `base` onto `current`.
/// Equal text never conflicts: two people typing the same words agree.
pub fn decide(current: &Cell, base: i64, text: &str) -> SaveDecision {
    if current.text == text {
        SaveDecision::Unchanged
    } else if current.version == base {
        SaveDecision::Write { version: current.version + 1 }
    } else {
        SaveDecision::Conflict
    }
}

/// The answer to a save, as the browser needs it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SaveOutcome {
    /// Stored (or already there): the cell now.
    Saved(Cell),
    /// Not stored: the cell as it is now, to show beside the person's text.
    Conflict(Cell),
}

/// One past version of a cell, for its history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Version {
    pub version: i64,
    pub text: String,
    pub by: String,
    pub at: i64,
}

/// A cell's text with `line` appended on its own line; appending a line
/// the cell already has adds nothing (promoting or pulling twice).
pub fn append_line(cell: &str, line: &str) -> String {
    if cell.trim().is_empty() {
        line.to_string()
    } else if cell.lines().any(|l| l == line) {
        cell.to_string()
    } else {
        format!("{}\n{line}", cell.trim_end())
    }
}

/// An operation id from the browser: 8–64 characters of `[A-Za-z0-9-_]`.
pub fn valid_op_id(op: &str) -> bool {
    (8..=64).contains(&op.len()) && op.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cell(text: &str, version: i64) -> Cell {
        Cell { text: text.into(), version, by: "Ana".into(), at: 1 }
    }

    #[test]
    fn a_save_on_the_current_version_writes_the_next_one() {
        assert_eq!(decide(&Cell::empty(), 0, "Compras"), SaveDecision::Write { version: 1 });
        assert_eq!(decide(&cell("a", 4), 4, "b"), SaveDecision::Write { version: 5 });
    }

    #[test]
    fn a_stale_save_is_a_conflict_unless_it_says_the_same() {
        assert_eq!(decide(&cell("theirs", 5), 4, "mine"), SaveDecision::Conflict);
        assert_eq!(decide(&cell("same", 5), 4, "same"), SaveDecision::Unchanged);
    }

    #[test]
    fn operation_ids_are_short_safe_tokens() {
        assert!(valid_op_id("k3f9-20a_b"));
        assert!(!valid_op_id("short"));
        assert!(!valid_op_id("has space in it"));
        assert!(!valid_op_id(&"x".repeat(65)));
    }

    #[test]
    fn cell_keys_round_trip_and_reject_nonsense() {
        for k in
            [CellKey::Matrix { row: 12, field: FieldId::new("resultados_corto") }, CellKey::Questionnaire { item: "4.4/9/b/2.a".into() }]
        {
            assert_eq!(CellKey::parse(&k.encode()), Some(k));
        }
        for bad in ["", "m/0/ilac", "m/x/ilac", "m/3/Nada", "m/3/a b", "q/", "q/a b", "z/1"] {
            assert_eq!(CellKey::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_matrix_cell_has_one_spelling() {
        for other in ["m/010/prioridades", "m/+10/prioridades", "m/ 10/prioridades", "m/10 /prioridades"] {
            assert_eq!(CellKey::parse(other), None, "{other}");
        }
        assert_eq!(CellKey::parse("m/10/prioridades").map(|k| k.encode()).as_deref(), Some("m/10/prioridades"));
    }

    proptest! {
        /// Whatever two writers do from the same base, the second one to arrive
        /// either agrees with the first or gets a conflict: never a lost write.
        #[test]
        fn two_writers_from_one_base_never_lose_a_write(base_text in ".{0,8}", a in ".{0,8}", b in ".{0,8}", v in 0i64..5) {
            let start = cell(&base_text, v);
            let after_a = match decide(&start, v, &a) {
                SaveDecision::Write { version } => cell(&a, version),
                SaveDecision::Unchanged => start.clone(),
                SaveDecision::Conflict => unreachable!("the first writer is never stale"),
            };
            match decide(&after_a, v, &b) {
                SaveDecision::Write { .. } => prop_assert!(after_a.version == v, "only when A changed nothing"),
                SaveDecision::Unchanged => prop_assert_eq!(&after_a.text, &b),
                SaveDecision::Conflict => prop_assert!(after_a.version > v && after_a.text != b),
            }
        }
    }
}
