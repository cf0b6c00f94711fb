//! Validation of the action-plan matrix: its columns and fields, the fields
//! that name and file a line, and the proposal lines.

use super::super::matrix_fields::{FieldId, FieldKind};
use super::super::reference::ReferenceKind;
use super::*;

pub(super) fn check_matrix(seed: &Seed, p: &mut Problems) {
    let m = &seed.matrix;
    text(p, "matrix.title", &m.title);
    if m.max_lines_per_dimension == 0 {
        p.push(("matrix.max_lines_per_dimension".into(), "must be at least 1".into()));
    }
    non_empty(p, "matrix.columns", &m.columns);
    unique(p, "matrix.columns", "id", m.columns.iter().map(|c| c.id.as_str()));
    let mut seen: HashSet<&str> = HashSet::new();
    let lists: Vec<&str> = seed.reference.iter().filter(|r| r.kind == ReferenceKind::List).map(|r| r.id.as_str()).collect();
    for (i, c) in m.columns.iter().enumerate() {
        text(p, format!("matrix.columns[{i}].title"), &c.title);
        for (j, f) in c.fields.iter().enumerate() {
            let at = format!("matrix.columns[{i}].fields[{j}]");
            if !seen.insert(f.id.as_str()) {
                p.push((format!("{at}.id"), format!("another field already has id \"{}\" (field ids name cells: one per matrix)", f.id)));
            }
            check_field(p, &at, f, &lists);
        }
    }
    match m.field(&m.heading) {
        Some(f) if f.kind == FieldKind::Text => {}
        Some(_) => p.push(("matrix.heading".into(), format!("\"{}\" must be a text field: it names each line", m.heading))),
        None => p.push(("matrix.heading".into(), format!("no matrix field has id \"{}\"", m.heading))),
    }
    if let Some(area) = &m.area {
        match m.field(area) {
            Some(f) if f.kind == FieldKind::Choice => {}
            Some(_) => p.push(("matrix.area".into(), format!("\"{area}\" must be a choice field: lines are filed under its options"))),
            None => p.push(("matrix.area".into(), format!("no matrix field has id \"{area}\""))),
        }
    }
    check_rows(seed, p);
}

fn check_field(p: &mut Problems, at: &str, f: &super::super::matrix_fields::FieldDef, lists: &[&str]) {
    if FieldId::parse(f.id.as_str()).is_none() {
        p.push((format!("{at}.id"), "must be 1 to 32 of a-z, 0-9, _ and - (it keys the saved cells)".into()));
    }
    if let Some(label) = &f.label {
        text(p, format!("{at}.label"), label);
    }
    match f.kind {
        FieldKind::Text if f.from.is_some() || !f.options.is_empty() || f.single => {
            p.push((format!("{at}.kind"), "a field with `from`, `options` or `single` must have kind = \"choice\"".into()));
        }
        FieldKind::Text => {}
        FieldKind::Choice => match &f.from {
            Some(from) if lists.iter().all(|l| l != from) => {
                p.push((format!("{at}.from"), format!("no reference list has id \"{from}\" (the seed's lists: {})", lists.join(", "))))
            }
            Some(_) => {}
            None if f.options.is_empty() => {
                p.push((format!("{at}.options"), "a choice field needs `options` or `from` (a reference list)".into()));
            }
            None => {
                unique(p, &format!("{at}.options"), "id", f.options.iter().map(|o| o.id.as_str()));
                for (k, o) in f.options.iter().enumerate() {
                    text(p, format!("{at}.options[{k}].name"), &o.name);
                    option_id(p, format!("{at}.options[{k}].id"), &o.id);
                }
            }
        },
    }
}

fn check_rows(seed: &Seed, p: &mut Problems) {
    let m = &seed.matrix;
    let dims: HashSet<&str> = seed.dimensions.iter().map(|d| d.id.as_str()).collect();
    unique(p, "matrix.rows", "id", m.rows.iter().map(|r| r.id.as_str()));
    for (i, r) in m.rows.iter().enumerate() {
        origin_id(p, format!("matrix.rows[{i}].id"), &r.id);
        if !dims.contains(r.dimension.as_str()) {
            p.push((format!("matrix.rows[{i}].dimension"), format!("no dimension has id \"{}\"", r.dimension)));
        }
        if let Some(table) = seed.reference.iter().find(|t| t.lines.iter().any(|l| l.id == r.id)) {
            p.push((
                format!("matrix.rows[{i}].id"),
                format!("\"{}\" is also a line of reference `{}`; a matrix line started from one must name it alone", r.id, table.id),
            ));
        }
        text(p, format!("matrix.rows[{i}].heading"), &r.heading);
        for (field, lines) in &r.values {
            let at = format!("matrix.rows[{i}].values.{field}");
            match m.field(field) {
                Some(f) if f.kind == FieldKind::Text && *field != m.heading => texts(p, &at, lines),
                Some(_) => p.push((at, "must name a text field other than the heading".into())),
                None => p.push((at, format!("no matrix field has id \"{field}\""))),
            }
        }
    }
}
