//! What the committee's screens receive of the groups' work: the plenary
//! (live or frozen) and the consolidated action plan.

use super::people::SharedLink;
use crate::domain::action_plan::{ActionPlan, PlanTexts};
use crate::domain::cells::Cell;
use crate::domain::common_areas::CommonArea;
use crate::domain::group::Group;
use crate::domain::matrix::MatrixTemplate;
use crate::domain::matrix_fields::{readable, FieldId};
use crate::domain::matrix_rules::MatrixRow;
use crate::domain::projector::Projector;
use crate::domain::question::Guide;
use crate::domain::reference::Dimension;
use crate::domain::session::Session;
use crate::domain::Text;
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
    pub texts: PlanTexts,
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
