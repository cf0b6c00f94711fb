//! The consolidated action plan (committee): every group's matrix
//! by dimension and ILAC area, the common areas first, and the session-4
//! summary. The exports (`crate::export`) are built from the same value.

use crate::domain::action_plan::ActionPlan;
use crate::domain::matrix::MatrixColumn;
use crate::domain::matrix_fields::{readable, Field};
use crate::domain::matrix_rules::MatrixRow;
use crate::domain::reference::{Dimension, IlacArea};
use crate::domain::Text;
use crate::error::AppError;
use crate::i18n::{choice_name, Locale};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The plan with what is needed to title it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanView {
    pub meeting: Text,
    /// For page headers and footers.
    pub short_title: Text,
    pub place: Text,
    pub dates: Text,
    pub plan: ActionPlan,
    pub dimensions: Vec<Dimension>,
    pub ilac_areas: Vec<IlacArea>,
    /// (Tabla 2 line or annex row id, its text) for the origins the plan names.
    pub origins: Vec<(String, String)>,
    /// (Task Force id, name).
    pub task_forces: Vec<(String, Text)>,
    /// The Anexo IV columns, in order (`Field::of_column` gives their fields).
    pub columns: Vec<MatrixColumn>,
    /// The plan's heading and title, and its highlighted set's badge.
    pub texts: crate::domain::action_plan::PlanTexts,
}

impl PlanView {
    /// A line's field as a reader in `locale` sees it: choice ids named
    /// (Task Forces from the seed, responsible kinds from the UI strings).
    pub fn field_text(&self, row: &MatrixRow, field: Field, locale: Locale) -> String {
        readable(field, row.text(field), |id| choice_name(locale, field, id, &self.task_forces))
    }
}

#[server(prefix = "/api/fn", endpoint = "regional_plan")]
pub async fn regional_plan() -> Result<PlanView, AppError> {
    use crate::domain::roles::{Action, ActionKind};
    let ctx = super::context::guard(Action::on_meeting(ActionKind::ReadCommitteeDashboard))?;
    super::action_plan_impl::plan_view(&ctx.state, super::context::reader_lang()).await
}
