//! A group's questionnaire (session 4) starts from sessions 1–3: the
//! coordinator of a mixed group lists the matrix rows of the first groups
//! and pulls one into an answer. Which guide a group fills and its items
//! are the scope's (`Scope::questionnaire`); saving goes through
//! `cells::save_in` like every other cell.

use super::scope::{scope, Scope};
use super::{cells, invalid, Ctx};
use crate::db;
use crate::domain::cells::{append_line, CellKey, SaveOutcome};
use crate::domain::group::Group;
use crate::domain::pull::PullableRow;
use crate::domain::questionnaire::ItemKind;
use crate::error::{AppError, Field, Problem};

/// Rows of the matrices (every group whose sessions fill matrix columns), for a questionnaire group's coordinator to start from.
#[tracing::instrument(skip(ctx))]
pub async fn pullable(ctx: &Ctx, group: &str) -> Result<Vec<PullableRow>, AppError> {
    let s = scope(ctx, group).await?;
    if s.questionnaire().is_none() {
        return invalid(Field::Group, Problem::ChooseOne);
    }
    let ids = db::matrix::group_ids(s.pool(), s.ctx.state.meeting).await?;
    let mut out = Vec::new();
    for g in matrix_groups(&s) {
        let Some(&id) = ids.get(&g.id) else { continue };
        for row in db::matrix::rows(s.pool(), id).await? {
            out.push(PullableRow::new(g.id.clone(), g.label.clone(), &row, &s.seed.matrix));
        }
    }
    Ok(out)
}

/// Appends matrix row `row` of group `source` to text item `item` of the
/// group's questionnaire, attributed to its group. Pulling twice adds it once.
#[tracing::instrument(skip(ctx))]
pub async fn pull(ctx: &Ctx, group: &str, item: &str, source: &str, row: i64, op: &str) -> Result<SaveOutcome, AppError> {
    let s = scope(ctx, group).await?;
    if s.item_kind(item)? != ItemKind::Text {
        return invalid(Field::Item, Problem::ChooseOne);
    }
    let Some(g) = matrix_groups(&s).into_iter().find(|g| g.id == source) else {
        return invalid(Field::Source, Problem::ChooseOne);
    };
    let id = db::matrix::group_id(s.pool(), s.ctx.state.meeting, &g.id).await?;
    let found = match id {
        Some(id) => db::matrix::rows(s.pool(), id).await?.into_iter().find(|r| r.id == row),
        None => None,
    };
    let Some(found) = found else { return Err(AppError::NotFound(format!("row {row}"))) };
    let line = PullableRow::new(g.id.clone(), g.label.clone(), &found, &s.seed.matrix).line();
    let key = CellKey::Questionnaire { item: item.to_string() }.encode();
    let cell = cells::current(&s, &key).await?;
    cells::save_in(&s, &key, cell.version, &append_line(&cell.text, &line), op).await
}

/// Groups whose sessions fill matrix columns.
fn matrix_groups(s: &Scope<'_>) -> Vec<Group> {
    let sets: Vec<&str> = s.seed.sessions.iter().filter(|x| !x.matrix_columns.is_empty()).map(|x| x.group_set.as_str()).collect();
    s.seed.group_sets.iter().filter(|set| sets.contains(&set.id.as_str())).flat_map(|set| set.groups.clone()).collect()
}
