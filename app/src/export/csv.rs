//! `/export/plan.csv`: the consolidated plan, one line per matrix line,
//! UTF-8 with a byte-order mark so spreadsheet programs read the accents.

use super::table::{line_headers, plan_lines, Doc};

pub fn plan_csv(doc: Doc) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    out.write_record(line_headers(doc))?;
    for line in plan_lines(doc) {
        out.write_record(line.iter().map(|cell| neutral(cell).into_owned()))?;
    }
    out.into_inner().map_err(|e| e.into_error().into())
}

/// A cell as a spreadsheet must not run it: text a spreadsheet would read as
/// a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return)
/// gets a leading apostrophe, as OWASP advises; it still reads the same.
/// XLSX needs none of this: it stores every cell as a string.
fn neutral(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::neutral;

    #[test]
    fn formulas_are_written_as_text_and_plain_text_as_typed() {
        assert_eq!(neutral("=HYPERLINK(\"http://x\",\"y\")"), "'=HYPERLINK(\"http://x\",\"y\")");
        for f in ["+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"] {
            assert!(neutral(f).starts_with('\''), "{f}");
        }
        for t in ["Gestión integrada", "2 años", "a=b", ""] {
            assert_eq!(neutral(t), t);
        }
    }
}
