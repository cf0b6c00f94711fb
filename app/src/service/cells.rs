//! Saving one cell of a group's work, a matrix field or a questionnaire
//! item alike: checked against the field's rules, the session in progress
//! and the version the browser based its edit on. Every way text reaches a
//! cell (typing, promoting an answer, pulling a line) goes through `save_in`.

use super::scope::{scope, Scope};
use super::{invalid, Ctx};
use crate::db::{cells, matrix};
use crate::domain::cells::{decide, valid_op_id, Cell, CellKey, SaveDecision, SaveOutcome};
use crate::domain::change::MATRIX;
use crate::domain::matrix_fields::{normalise, normalise_choice, normalise_text, ValueError, MAX_FIELD_CHARS};
use crate::domain::matrix_rules::editable_fields;
use crate::domain::questionnaire::ItemKind;
use crate::error::{AppError, ConflictReason, Field, Problem};
use crate::state::now_ms;

/// Saves cell `key` of the group's work, based on version `base`.
#[tracing::instrument(skip(ctx, text))]
pub async fn save(ctx: &Ctx, group: &str, key: &str, base: i64, text: &str, op: &str) -> Result<SaveOutcome, AppError> {
    let s = scope(ctx, group).await?;
    save_in(&s, key, base, text, op).await
}

/// The cell `key` of the group as it is now.
pub async fn current(s: &Scope<'_>, key: &str) -> Result<Cell, AppError> {
    let mut tx = s.pool().begin().await?;
    Ok(cells::current(&mut tx, s.group_id, key).await?.1)
}

/// Saves a cell for a caller already authorized to edit the group's work.
pub async fn save_in(s: &Scope<'_>, key: &str, base: i64, text: &str, op: &str) -> Result<SaveOutcome, AppError> {
    if !valid_op_id(op) {
        return invalid(Field::Op, Problem::BadCharacters);
    }
    let Some(cell_key) = CellKey::parse(key) else { return invalid(Field::Key, Problem::ChooseOne) };
    let text = match &cell_key {
        CellKey::Matrix { field, .. } => match s.seed.matrix.field(field) {
            Some(def) => normalise(def, text),
            None => return invalid(Field::Key, Problem::ChooseOne),
        },
        CellKey::Questionnaire { item } => match s.item_kind(item)? {
            ItemKind::Text => normalise_text(text),
            ItemKind::Choice(options) => normalise_choice(text, &options),
        },
    };
    let text = match text {
        Ok(t) => t,
        Err(ValueError::TooLong) => return invalid(Field::Text, Problem::TooLong),
        Err(ValueError::UnknownChoice(_) | ValueError::OneAtMost) => return invalid(Field::Text, Problem::ChooseOne),
    };
    debug_assert!(text.chars().count() <= MAX_FIELD_CHARS);
    let author = s.author().await?;
    let mut tx = crate::db::begin_write(s.pool()).await?;
    let (cell_id, current) = cells::current(&mut tx, s.group_id, key).await?;
    // A replayed edit that was already stored: answer as the first time did.
    if cells::op_applied(&mut tx, cell_id, op).await? {
        return Ok(SaveOutcome::Saved(current));
    }
    let session = s.open_session(&mut tx).await?;
    match &cell_key {
        CellKey::Matrix { row, field } => {
            if !editable_fields(&s.seed.matrix, &session).contains(field) {
                return Err(AppError::Conflict(ConflictReason::ColumnClosed));
            }
            if !matrix::row_is_live(&mut tx, s.group_id, *row).await? {
                return Err(AppError::NotFound(format!("row {row}")));
            }
        }
        // Sessions without matrix columns fill their guide's questionnaire.
        CellKey::Questionnaire { .. } if !session.matrix_columns.is_empty() => {
            return Err(AppError::Conflict(ConflictReason::NotThisSession));
        }
        CellKey::Questionnaire { .. } => {}
    }
    match decide(&current, base, &text) {
        SaveDecision::Unchanged => Ok(SaveOutcome::Saved(current)),
        SaveDecision::Conflict => Ok(SaveOutcome::Conflict(current)),
        SaveDecision::Write { version } => {
            let cell = Cell { text, version, by: author, at: now_ms() };
            cells::write(&mut tx, s.group_id, key, &cell, Some(op)).await?;
            s.commit(tx, MATRIX).await?;
            Ok(SaveOutcome::Saved(cell))
        }
    }
}
