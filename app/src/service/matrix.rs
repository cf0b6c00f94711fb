//! A group's action-plan matrix: read it (the group, its coordinator, the
//! committee), and change its lines (its coordinator only, in a session
//! that fills the heading field, until the result is delivered). Every
//! change runs in one immediate transaction (one writer at a time), checks
//! the session and delivery, stores, records its change number and is
//! announced after commit. Cells are saved by `super::cells`.

use super::scope::{scope, Scope};
use super::{announce, invalid, Ctx};
use crate::db::{cells, matrix};
use crate::domain::cells::{Cell, CellKey, Version};
use crate::domain::change::MATRIX;
use crate::domain::matrix_fields::FieldId;
use crate::domain::matrix_rules::{check_new_row, editable_fields, reorder, rows_editable, RowRefusal};
use crate::domain::views::work::MatrixView;
use crate::error::{AppError, ConflictReason, Field, Problem};
use crate::state::now_ms;

#[tracing::instrument(skip(ctx))]
pub async fn view(ctx: &Ctx, group: &str) -> Result<MatrixView, AppError> {
    let s = scope(ctx, group).await?;
    let coordinator = s.ctx.auth.caller.coordinates.iter().any(|g| g == group);
    let delivered = s.delivered().await?;
    let editable = match &s.session {
        Some(session) if coordinator && !delivered.contains(&session.number) => editable_fields(&s.seed.matrix, session),
        _ => Vec::new(),
    };
    let rows = matrix::rows(s.pool(), s.group_id).await?;
    let questionnaire = s.questionnaire();
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

/// Lines change only in a session that fills the heading field.
async fn rows_open(s: &Scope<'_>, tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>) -> Result<(), AppError> {
    let session = s.open_session(tx).await?;
    if !rows_editable(&s.seed.matrix, &session) {
        return Err(AppError::Conflict(ConflictReason::ColumnClosed));
    }
    Ok(())
}

#[tracing::instrument(skip(ctx))]
pub async fn add_row(ctx: &Ctx, group: &str, dimension: &str, origin: Option<&str>) -> Result<i64, AppError> {
    let s = scope(ctx, group).await?;
    let (dimension, prefill) = match origin {
        None => (dimension.to_string(), Vec::new()),
        Some(o) => match starting_point(&s, o, dimension) {
            Some(found) => found,
            None => return invalid(Field::Origin, Problem::ChooseOne),
        },
    };
    let author = s.author().await?;
    let mut tx = crate::db::begin_write(s.pool()).await?;
    rows_open(&s, &mut tx).await?;
    let existing = matrix::rows(s.pool(), s.group_id).await?;
    let dims: Vec<&str> = s.seed.dimensions.iter().map(|d| d.id.as_str()).collect();
    match check_new_row(&existing, &dimension, &dims, s.seed.matrix.max_lines_per_dimension) {
        Ok(()) => {}
        Err(RowRefusal::DimensionFull { .. }) => return Err(AppError::Conflict(ConflictReason::DimensionFull)),
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
fn starting_point(s: &Scope<'_>, origin: &str, dimension: &str) -> Option<(String, Vec<(FieldId, String)>)> {
    let lang = s.ctx.lang;
    let heading = &s.seed.matrix.heading;
    if let Some(t) = s.seed.matrix.rows.iter().find(|r| r.id == origin) {
        return Some((t.dimension.clone(), t.starting_texts(heading, lang)));
    }
    let (own, text) = crate::domain::reference::reference_origin(&s.seed.reference, origin)?;
    Some((own.unwrap_or(dimension).to_string(), vec![(heading.clone(), text.get(lang).to_string())]))
}

#[tracing::instrument(skip(ctx))]
pub async fn delete_row(ctx: &Ctx, group: &str, row: i64) -> Result<(), AppError> {
    let s = scope(ctx, group).await?;
    let mut tx = crate::db::begin_write(s.pool()).await?;
    rows_open(&s, &mut tx).await?;
    if !matrix::delete_row(&mut tx, s.group_id, row, now_ms()).await? {
        return Err(AppError::NotFound(format!("row {row}")));
    }
    s.commit(tx, MATRIX).await
}

/// Undoes `delete_row` (the page offers it for a few seconds): the row comes
/// back with its cells, unless its dimension filled up in the meantime.
#[tracing::instrument(skip(ctx))]
pub async fn restore_row(ctx: &Ctx, group: &str, row: i64) -> Result<(), AppError> {
    let s = scope(ctx, group).await?;
    let mut tx = crate::db::begin_write(s.pool()).await?;
    rows_open(&s, &mut tx).await?;
    let Some(dimension) = matrix::hidden_row_dimension(&mut tx, s.group_id, row).await? else {
        return Err(AppError::NotFound(format!("row {row}")));
    };
    let existing = matrix::rows(s.pool(), s.group_id).await?;
    let dims: Vec<&str> = s.seed.dimensions.iter().map(|d| d.id.as_str()).collect();
    if let Err(RowRefusal::DimensionFull { .. }) = check_new_row(&existing, &dimension, &dims, s.seed.matrix.max_lines_per_dimension) {
        return Err(AppError::Conflict(ConflictReason::DimensionFull));
    }
    matrix::restore_row(&mut tx, s.group_id, row).await?;
    s.commit(tx, MATRIX).await
}

#[tracing::instrument(skip(ctx))]
pub async fn move_row(ctx: &Ctx, group: &str, row: i64, step: i32) -> Result<(), AppError> {
    if step != 1 && step != -1 {
        return invalid(Field::Step, Problem::ChooseOne);
    }
    let s = scope(ctx, group).await?;
    let mut tx = crate::db::begin_write(s.pool()).await?;
    rows_open(&s, &mut tx).await?;
    let rows = matrix::rows(s.pool(), s.group_id).await?;
    let Some(positions) = reorder(&rows, row, step) else {
        // Already first or last (or gone): nothing to move.
        return Ok(());
    };
    matrix::set_positions(&mut tx, s.group_id, &positions).await?;
    s.commit(tx, MATRIX).await
}

#[tracing::instrument(skip(ctx))]
pub async fn history(ctx: &Ctx, group: &str, key: &str) -> Result<Vec<Version>, AppError> {
    let s = scope(ctx, group).await?;
    if CellKey::parse(key).is_none() {
        return invalid(Field::Key, Problem::ChooseOne);
    }
    Ok(cells::history(s.pool(), s.group_id, key).await?)
}

#[tracing::instrument(skip(ctx))]
pub async fn presence(ctx: &Ctx, group: &str) -> Result<Vec<String>, AppError> {
    let s = scope(ctx, group).await?;
    let Some(session) = s.ctx.auth.session else { return Ok(Vec::new()) };
    let name = s.author().await?;
    let (names, changed) = s.ctx.state.presence.check_in(group, session.0, &name, std::time::Instant::now());
    if changed {
        let topic = crate::domain::change::group_topic(group, crate::domain::change::PRESENCE);
        announce(&s.ctx.state, &topic).await?;
    }
    Ok(names)
}
