//! `/export/plan.csv`: the consolidated plan, one line per matrix line,
//! UTF-8 with a byte-order mark so spreadsheet programs read the accents.

use super::table::{plan_lines, LINE_HEADERS};
use crate::api::action_plan::PlanView;

pub fn plan_csv(view: &PlanView) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    out.write_record(LINE_HEADERS)?;
    for line in plan_lines(view) {
        out.write_record(&line)?;
    }
    out.into_inner().map_err(|e| e.into_error().into())
}
