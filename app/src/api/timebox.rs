//! Optional suggested minutes per guiding question (`domain::timebox`): the
//! group's coordinator sets them for the group, the committee for one group
//! or for every group of the same sessions at once.

use crate::error::AppError;
use leptos::prelude::*;

/// `minutes` as typed ("" or "0" clears the suggestion).
#[server(prefix = "/api/fn", endpoint = "set_timebox")]
pub async fn set_timebox(group: String, question: String, minutes: String, #[server(default)] every_group: bool) -> Result<(), AppError> {
    super::timebox_impl::set(&group, &question, &minutes, every_group).await
}
