//! The plenary projector (committee): every group of the session in
//! progress side by side with its results, live, with the join code for
//! latecomers.

use super::committee::SharedLink;
use crate::domain::cells::Cell;
use crate::domain::common_areas::CommonArea;
use crate::domain::group::Group;
use crate::domain::matrix_rules::MatrixRow;
use crate::domain::projector::Projector;
use crate::domain::question::Guide;
use crate::domain::session::Session;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlenaryGroup {
    pub group: Group,
    /// Its matrix (sessions 1–3).
    pub rows: Vec<MatrixRow>,
    /// Its questionnaire cells by item (session 4).
    pub answers: BTreeMap<String, Cell>,
    /// Whether it delivered this session's result.
    pub delivered: bool,
}

/// What the projector shows of the groups' work: live, or as frozen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlenaryWork {
    /// The session in progress (during a break, the one before it).
    pub session: Option<Session>,
    pub groups: Vec<PlenaryGroup>,
    /// The guide whose questionnaire the groups fill (session 4).
    pub questionnaire: Option<Guide>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlenaryView {
    pub work: PlenaryWork,
    /// Lines of different groups that share an area (matrix sessions).
    pub common: Vec<CommonArea>,
    /// What the committee chose to show, and whether it is frozen.
    pub projector: Projector,
    pub join_code: String,
    pub join: SharedLink,
}

#[server(prefix = "/api/fn", endpoint = "plenary")]
pub async fn plenary() -> Result<PlenaryView, AppError> {
    use crate::domain::roles::{Action, ActionKind};
    let ctx = super::context::guard(Action::on_meeting(ActionKind::ReadCommitteeDashboard))?;
    super::plenary_impl::view(&ctx).await
}
