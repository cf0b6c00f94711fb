//! The committee drives the plenary projector from its own laptop: what it
//! shows (all groups, one group, one column compared, the common areas) and
//! freezing it on a snapshot while the groups keep editing.

use crate::error::AppError;
use leptos::prelude::*;

/// `mode`: groups, focus (target: a group), compare (target: a column), common.
#[server(prefix = "/api/fn", endpoint = "set_projector")]
pub async fn set_projector(mode: String, #[server(default)] target: String) -> Result<(), AppError> {
    super::projector_impl::set_show(&mode, &target).await
}

/// Freezes the projector on what it shows now (`frozen=true`) or goes live again.
#[server(prefix = "/api/fn", endpoint = "freeze_projector")]
pub async fn freeze_projector(frozen: bool) -> Result<(), AppError> {
    super::projector_impl::freeze(frozen).await
}
