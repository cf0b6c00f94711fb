//! The server side of a group's questionnaire (session 4): which guide a
//! group fills and which items exist. Saving goes through
//! `matrix_impl::save` like every other cell.

use super::context::invalid;
use super::work_scope::Scope;
use crate::domain::question::Guide;
use crate::domain::questionnaire::{self, ItemKind};
use crate::error::AppError;

/// The guide a group fills as a questionnaire: that of its sessions when
/// none of them fills matrix columns (session 4's mixed groups).
pub fn guide(s: &Scope) -> Option<Guide> {
    let set = s.seed.group_sets.iter().find(|set| set.groups.iter().any(|g| g.id == s.group.id))?;
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
        None => invalid("key", "choose_one"),
    }
}
