//! The server side of `matrix`: every change runs in one immediate
//! transaction (one writer at a time), checks the session and delivery,
//! stores, records its change number and is announced after commit.

use super::context::{fail, invalid};
use super::matrix::MatrixView;
use super::work_scope::{scope, Scope};
use crate::db::{cells, matrix};
use crate::domain::cells::{decide, valid_op_id, Cell, CellKey, SaveDecision, SaveOutcome, Version};
use crate::domain::change::MATRIX;
use crate::domain::matrix_fields::{normalise, normalise_choice, normalise_text, FieldId, ValueError, MAX_FIELD_CHARS};
use crate::domain::matrix_rules::{check_new_row, editable_fields, reorder, rows_editable, RowRefusal};
use crate::domain::questionnaire::ItemKind;
use crate::domain::roles::ActionKind;
use crate::error::{AppError, ConflictReason, Field, Problem};
use crate::state::now_ms;

pub async fn view(group: &str) -> Result<MatrixView, AppError> {
    let s = scope(ActionKind::ReadGroupWork, group).await?;
    let coordinator = s.ctx.auth.caller.coordinates.iter().any(|g| g == group);
    let delivered = s.delivered().await?;
    let editable = match &s.session {
        Some(session) if coordinator && !delivered.contains(&session.number) => editable_fields(&s.seed.matrix, session),
        _ => Vec::new(),
    };
    let rows = matrix::rows(s.pool(), s.group_id).await?;
    let questionnaire = super::questionnaire_impl::guide(&s);
    let answers = match &questionnaire {
        Some(_) => cells::questionnaire(s.pool(), s.group_id).await?,
        None => Default::default(),
    };
    let questionnaire_open = questionnaire.is_some()
        && coordinator
        && s.session.as_ref().is_some_and(|x| x.matrix_columns.is_empty() && !delivered.contains(&x.number));
    Ok(MatrixView {
        questionnaire,
        answers,
        questionnaire_open,
        rows_editable: editable.contains(&s.seed.matrix.heading),
        editable,
        coordinator,
        delivered,
        session: s.session.clone(),
        group: s.group.clone(),
        rows,
    })
}

async fn begin(s: &Scope) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, AppError> {
    Ok(crate::db::begin_write(s.pool()).await?)
}

/// Lines change only in a session that fills the heading field.
async fn rows_open(s: &Scope, tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>) -> Result<(), AppError> {
    let session = s.open_session(tx).await?;
    if !rows_editable(&s.seed.matrix, &session) {
        return fail(AppError::Conflict(ConflictReason::ColumnClosed));
    }
    Ok(())
}

pub async fn add_row(group: &str, dimension: &str, origin: Option<&str>) -> Result<i64, AppError> {
    let s = scope(ActionKind::EditGroupWork, group).await?;
    let (dimension, prefill) = match origin {
        None => (dimension.to_string(), Vec::new()),
        Some(o) => match starting_point(&s, o, dimension) {
            Some(found) => found,
            None => return invalid(Field::Origin, Problem::ChooseOne),
        },
    };
    let author = s.author().await?;
    let mut tx = begin(&s).await?;
    rows_open(&s, &mut tx).await?;
    let existing = matrix::rows(s.pool(), s.group_id).await?;
    let dims: Vec<&str> = s.seed.dimensions.iter().map(|d| d.id.as_str()).collect();
    match check_new_row(&existing, &dimension, &dims, s.seed.matrix.max_lines_per_dimension) {
        Ok(()) => {}
        Err(RowRefusal::DimensionFull { .. }) => return fail(AppError::Conflict(ConflictReason::DimensionFull)),
        Err(RowRefusal::UnknownDimension) => return invalid(Field::Dimension, Problem::ChooseOne),
    }
    let now = now_ms();
    let row = matrix::insert_row(&mut tx, s.group_id, &dimension, origin, now).await?;
    for (field, text) in prefill.into_iter().filter(|(_, t)| !t.is_empty()) {
        let cell = Cell { text, version: 1, by: author.clone(), at: now };
        cells::write(&mut tx, s.group_id, &CellKey::Matrix { row, field }.encode(), &cell, None).await?;
    }
    s.commit(tx, MATRIX).await?;
    Ok(row)
}

/// The dimension and first texts of a row started from a proposal row, a
/// reference table's line or a reference list's entry (in `dimension`, the
/// one it is added to), in the language of whoever starts it (the one they
/// read it in; from then on the cell is the group's own text).
fn starting_point(s: &Scope, origin: &str, dimension: &str) -> Option<(String, Vec<(FieldId, String)>)> {
    let lang = super::context::reader_lang();
    let heading = &s.seed.matrix.heading;
    if let Some(t) = s.seed.matrix.rows.iter().find(|r| r.id == origin) {
        return Some((t.dimension.clone(), t.starting_texts(heading, lang)));
    }
    let (own, text) = crate::domain::reference::reference_origin(&s.seed.reference, origin)?;
    Some((own.unwrap_or(dimension).to_string(), vec![(heading.clone(), text.get(lang).to_string())]))
}

pub async fn delete_row(group: &str, row: i64) -> Result<(), AppError> {
    let s = scope(ActionKind::EditGroupWork, group).await?;
    let mut tx = begin(&s).await?;
    rows_open(&s, &mut tx).await?;
    if !matrix::delete_row(&mut tx, s.group_id, row, now_ms()).await? {
        return fail(AppError::NotFound(format!("row {row}")));
    }
    s.commit(tx, MATRIX).await
}

/// Undoes `delete_row` (the page offers it for a few seconds): the row comes
/// back with its cells, unless its dimension filled up in the meantime.
pub async fn restore_row(group: &str, row: i64) -> Result<(), AppError> {
    let s = scope(ActionKind::EditGroupWork, group).await?;
    let mut tx = begin(&s).await?;
    rows_open(&s, &mut tx).await?;
    let Some(dimension) = matrix::hidden_row_dimension(&mut tx, s.group_id, row).await? else {
        return fail(AppError::NotFound(format!("row {row}")));
    };
    let existing = matrix::rows(s.pool(), s.group_id).await?;
    let dims: Vec<&str> = s.seed.dimensions.iter().map(|d| d.id.as_str()).collect();
    if let Err(RowRefusal::DimensionFull { .. }) = check_new_row(&existing, &dimension, &dims, s.seed.matrix.max_lines_per_dimension) {
        return fail(AppError::Conflict(ConflictReason::DimensionFull));
    }
    matrix::restore_row(&mut tx, s.group_id, row).await?;
    s.commit(tx, MATRIX).await
}

pub async fn move_row(group: &str, row: i64, step: i32) -> Result<(), AppError> {
    if step != 1 && step != -1 {
        return invalid(Field::Step, Problem::ChooseOne);
    }
    let s = scope(ActionKind::EditGroupWork, group).await?;
    let mut tx = begin(&s).await?;
    rows_open(&s, &mut tx).await?;
    let rows = matrix::rows(s.pool(), s.group_id).await?;
    let Some(positions) = reorder(&rows, row, step) else {
        // Already first or last (or gone): nothing to move.
        return Ok(());
    };
    matrix::set_positions(&mut tx, s.group_id, &positions).await?;
    s.commit(tx, MATRIX).await
}

pub async fn save(group: &str, key: &str, base: i64, text: &str, op: &str) -> Result<SaveOutcome, AppError> {
    let s = scope(ActionKind::EditGroupWork, group).await?;
    save_in(&s, key, base, text, op).await
}

/// The cell `key` of the group as it is now.
pub async fn current(s: &Scope, key: &str) -> Result<Cell, AppError> {
    let mut tx = s.pool().begin().await?;
    Ok(cells::current(&mut tx, s.group_id, key).await?.1)
}

/// Saves a cell for a caller already authorized to edit the group's work.
pub async fn save_in(s: &Scope, key: &str, base: i64, text: &str, op: &str) -> Result<SaveOutcome, AppError> {
    if !valid_op_id(op) {
        return invalid(Field::Op, Problem::BadCharacters);
    }
    let Some(cell_key) = CellKey::parse(key) else { return invalid(Field::Key, Problem::ChooseOne) };
    let text = match &cell_key {
        CellKey::Matrix { field, .. } => match s.seed.matrix.field(field) {
            Some(def) => normalise(def, text),
            None => return invalid(Field::Key, Problem::ChooseOne),
        },
        CellKey::Questionnaire { item } => match super::questionnaire_impl::item_kind(s, item)? {
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
    let mut tx = begin(s).await?;
    let (cell_id, current) = cells::current(&mut tx, s.group_id, key).await?;
    // A replayed edit that was already stored: answer as the first time did.
    if cells::op_applied(&mut tx, cell_id, op).await? {
        return Ok(SaveOutcome::Saved(current));
    }
    let session = s.open_session(&mut tx).await?;
    match &cell_key {
        CellKey::Matrix { row, field } => {
            if !editable_fields(&s.seed.matrix, &session).contains(field) {
                return fail(AppError::Conflict(ConflictReason::ColumnClosed));
            }
            if !matrix::row_is_live(&mut tx, s.group_id, *row).await? {
                return fail(AppError::NotFound(format!("row {row}")));
            }
        }
        // Sessions without matrix columns fill their guide's questionnaire.
        CellKey::Questionnaire { .. } if !session.matrix_columns.is_empty() => {
            return fail(AppError::Conflict(ConflictReason::NotThisSession));
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

pub async fn history(group: &str, key: &str) -> Result<Vec<Version>, AppError> {
    let s = scope(ActionKind::ReadGroupWork, group).await?;
    if CellKey::parse(key).is_none() {
        return invalid(Field::Key, Problem::ChooseOne);
    }
    Ok(cells::history(s.pool(), s.group_id, key).await?)
}

pub async fn presence(group: &str) -> Result<Vec<String>, AppError> {
    let s = scope(ActionKind::ReadGroupWork, group).await?;
    let Some(session) = s.ctx.auth.session else { return Ok(Vec::new()) };
    let name = s.author().await?;
    let (names, changed) = s.ctx.state.presence.check_in(group, session.0, &name, std::time::Instant::now());
    if changed {
        let topic = crate::domain::change::group_topic(group, crate::domain::change::PRESENCE);
        super::context::announce(&s.ctx.state, &topic).await?;
    }
    Ok(names)
}
