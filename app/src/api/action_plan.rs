//! The consolidated action plan (committee): every group's matrix
//! by dimension and area, the common areas first, and the session-4
//! summary. The exports (`crate::export`) are built from the same value.

use crate::domain::action_plan::ActionPlan;
use crate::domain::matrix::MatrixTemplate;
use crate::domain::matrix_fields::{readable, FieldId};
use crate::domain::matrix_rules::MatrixRow;
use crate::domain::reference::Dimension;
use crate::domain::Text;
use crate::error::AppError;
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
    /// (reference line or proposal row id, its text) for the origins the plan names.
    pub origins: Vec<(String, String)>,
    /// The matrix's columns and fields (proposal rows left out: see `origins`).
    pub matrix: MatrixTemplate,
    /// The plan's heading and title, and its highlighted set's badge.
    pub texts: crate::domain::action_plan::PlanTexts,
}

impl PlanView {
    /// A line's field as a reader in `lang` sees it: chosen options by name.
    pub fn field_text(&self, row: &MatrixRow, field: &FieldId, lang: &str) -> String {
        match self.matrix.field(field) {
            Some(def) => readable(def, row.text(field), lang),
            None => row.text(field).to_string(),
        }
    }

    /// The heading over one area's lines in `lang` (`no_area` over the lines
    /// without one); `None` when the seed files lines under no area field.
    /// The plan page and the documents head their tables with it.
    pub fn area_title(&self, area: Option<&str>, lang: &str, no_area: &str) -> Option<String> {
        self.matrix.area_field()?;
        Some(match area {
            Some(id) => self.matrix.area_heading(id, lang).unwrap_or_default(),
            None => no_area.to_string(),
        })
    }
}

#[server(prefix = "/api/fn", endpoint = "regional_plan")]
pub async fn regional_plan() -> Result<PlanView, AppError> {
    use crate::domain::roles::{Action, ActionKind};
    let ctx = super::context::guard(Action::on_meeting(ActionKind::ReadCommitteeDashboard))?;
    super::action_plan_impl::plan_view(&ctx.state, super::context::reader_lang()).await
}
