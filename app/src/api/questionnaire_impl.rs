//! The server side of a group's questionnaire (session 4): which items exist.
//! Saving goes through `matrix_impl::save` like every other cell.

use super::context::invalid;
use super::work_scope::Scope;
use crate::domain::questionnaire::{self, ItemKind};
use crate::error::AppError;

/// The kind of questionnaire item `item` in the session in progress's guide.
pub fn item_kind(s: &Scope, item: &str) -> Result<ItemKind, AppError> {
    let guide = s.session.as_ref().and_then(|session| s.seed.guides.iter().find(|g| g.id == session.guide));
    match guide.and_then(|g| questionnaire::item_kind(g, item)) {
        Some(kind) => Ok(kind),
        None => invalid("key", "choose_one"),
    }
}
