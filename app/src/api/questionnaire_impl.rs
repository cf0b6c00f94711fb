//! The server side of a group's questionnaire (session 4): which guide a
//! group fills, which items exist, and the session 1–3 matrix rows its
//! coordinator may start from. Saving goes through `matrix_impl::save_in`
//! like every other cell.

use super::context::{fail, invalid};
use super::work_scope::{scope, Scope};
use crate::db;
use crate::domain::cells::{append_line, CellKey, SaveOutcome};
use crate::domain::group::Group;
use crate::domain::pull::PullableRow;
use crate::domain::question::Guide;
use crate::domain::questionnaire::{self, ItemKind};
use crate::domain::roles::ActionKind;
use crate::error::{AppError, Field, Problem};

/// The guide a group fills as a questionnaire: that of its sessions when
/// none of them fills matrix columns (session 4's mixed groups).
pub fn guide(s: &Scope) -> Option<Guide> {
    let set = s.group_set()?;
    let sessions: Vec<_> = s.seed.sessions.iter().filter(|x| x.group_set == set.id).collect();
    if sessions.is_empty() || sessions.iter().any(|x| !x.matrix_columns.is_empty()) {
        return None;
    }
    s.seed.guides.iter().find(|g| g.id == sessions[0].guide).cloned()
}

/// The kind of item `item` of the group's questionnaire.
pub fn item_kind(s: &Scope, item: &str) -> Result<ItemKind, AppError> {
    match guide(s).and_then(|g| questionnaire::item_kind(&g, item)) {
        Some(kind) => Ok(kind),
        None => invalid(Field::Key, Problem::ChooseOne),
    }
}

/// Rows of the matrices (every group whose sessions fill matrix columns), for a questionnaire group's coordinator to start from.
pub async fn pullable(group: &str) -> Result<Vec<PullableRow>, AppError> {
    let s = scope(ActionKind::EditGroupWork, group).await?;
    if guide(&s).is_none() {
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
pub async fn pull(group: &str, item: &str, source: &str, row: i64, op: &str) -> Result<SaveOutcome, AppError> {
    let s = scope(ActionKind::EditGroupWork, group).await?;
    if item_kind(&s, item)? != ItemKind::Text {
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
    let Some(found) = found else { return fail(AppError::NotFound(format!("row {row}"))) };
    let line = PullableRow::new(g.id.clone(), g.label.clone(), &found, &s.seed.matrix).line();
    let key = CellKey::Questionnaire { item: item.to_string() }.encode();
    let cell = super::matrix_impl::current(&s, &key).await?;
    super::matrix_impl::save_in(&s, &key, cell.version, &append_line(&cell.text, &line), op).await
}

/// Groups whose sessions fill matrix columns.
fn matrix_groups(s: &Scope) -> Vec<Group> {
    let sets: Vec<&str> = s.seed.sessions.iter().filter(|x| !x.matrix_columns.is_empty()).map(|x| x.group_set.as_str()).collect();
    s.seed.group_sets.iter().filter(|set| sets.contains(&set.id.as_str())).flat_map(|set| set.groups.clone()).collect()
}
