//! The reference material's two kinds, lists and tables, as a seed gives them.

use super::tests::{edited, errors_of, shipped, SHIPPED};
use crate::domain::reference::{ReferenceKind, Show};

/// A small list and a small table, in a seed of its own making.
const EXTRA: &str = r#"
[[reference]]
id = "laws"
kind = "list"
heading = "Normas"
summary = "Las normas vigentes."
facets = [{ id = "year", label = "Año", show = "line" }, { id = "articles", label = "Artículos", show = "folded" }]

[[reference.entries]]
id = "ley-1"
name = "Ley de envases"
facts.year = ["2019"]
facts.articles = ["Art. 1", "Art. 2"]

[[reference]]
id = "targets"
kind = "table"
heading = "Metas nacionales"
summary = "Las metas del plan nacional."
columns = [{ id = "meta", heading = "Meta" }]

[[reference.lines]]
id = "meta-1"
dimension = "politicas"
column = "meta"
text = "Reducir a la mitad"
"#;

fn with(extra: &str) -> String {
    // Spanish alone: the extra texts carry no translations.
    let spanish = SHIPPED.replacen(r#"languages = ["es", "en", "pt", "fr"]"#, r#"languages = ["es"]"#, 1);
    format!("{spanish}\n{extra}")
}

#[test]
fn any_number_of_lists_and_tables_each_with_its_own_names() {
    let seed = match crate::domain::parse_seed("extra.toml", &with(EXTRA)) {
        Ok(seed) => seed,
        Err(errors) => panic!("{errors:#?}"),
    };
    let laws = seed.reference_list("laws").expect("a list");
    assert_eq!(laws.facets[1].show, Show::Folded);
    assert_eq!(laws.entries[0].facts["articles"].len(), 2);
    let targets = seed.reference_part("targets").unwrap();
    assert_eq!(targets.kind, ReferenceKind::Table);
    assert!(seed.reference_list("targets").is_none(), "a table is no list to choose from");
    // Every table's lines are places a matrix line can start from.
    let line = |id: &str| crate::domain::reference::reference_origin(&seed.reference, id).map(|(_, text)| text.spanish());
    assert_eq!(line("meta-1"), Some("Reducir a la mitad"));
    assert!(line("t2-politicas-estrategia-1").is_some());
}

#[test]
fn a_numbered_list_reads_by_number_and_a_plain_one_by_name() {
    let seed = shipped();
    let areas = seed.reference_list("ilac").unwrap().choice_options();
    assert_eq!((areas[2].id.as_str(), areas[2].short.as_deref()), ("3", Some("3")));
    assert!(areas[2].name.spanish().starts_with("3. "), "{:?}", areas[2].name);
    let forces = seed.reference_list("task-forces").unwrap().choice_options();
    assert!(forces.iter().all(|o| o.short.is_none()));
}

#[test]
fn parts_that_cannot_be_shown_or_started_from_are_rejected() {
    let cases = [
        // The matrix's own page.
        (EXTRA.replacen("id = \"laws\"", "id = \"matrix\"", 1), "reference[5].id"),
        (EXTRA.replacen("id = \"laws\"", "id = \"Normas vigentes\"", 1), "reference[5].id"),
        (EXTRA.replacen("id = \"laws\"", "id = \"ilac\"", 1), "reference[5].id"),
        // A line id that another table already uses names two origins.
        (EXTRA.replacen("id = \"meta-1\"", "id = \"t2-politicas-estrategia-1\"", 1), "reference.lines[24].id"),
        (EXTRA.replacen("column = \"meta\"", "column = \"plazo\"", 1), "reference[6].lines[0].column"),
        (EXTRA.replacen("dimension = \"politicas\"", "dimension = \"residuos\"", 1), "reference[6].lines[0].dimension"),
        (EXTRA.replacen("facts.year", "facts.anio", 1), "reference[5].entries[0].facts.anio"),
        (EXTRA.replacen(", label = \"Artículos\"", "", 1), "reference[5].facets[1].label"),
        (EXTRA.replacen("id = \"ley-1\"", "id = \"ley,1\"", 1), "reference[5].entries[0].id"),
        // A list's fields on a table, and a table without columns.
        (EXTRA.replacen("columns = [{ id = \"meta\", heading = \"Meta\" }]", "numbered = true", 1), "reference[6]"),
        (EXTRA.replacen("kind = \"table\"", "kind = \"map\"", 1), "reference[6].kind"),
    ];
    for (extra, field) in cases {
        let errors = errors_of(&with(&extra));
        assert!(errors.iter().any(|e| e.field == field), "expected a problem at {field}: {errors:#?}");
    }
}

#[test]
fn a_choice_drawn_from_a_part_that_is_no_list_is_rejected() {
    let errors = errors_of(&edited("from = \"ilac\"", "from = \"strategy-x\""));
    assert!(errors.iter().any(|e| e.field.ends_with(".from") && e.message.contains("task-forces")), "{errors:#?}");
}

#[test]
fn a_line_starts_from_a_table_line_in_its_dimension_or_from_a_list_entry_in_any() {
    use crate::domain::reference::{entry_origin, reference_origin};
    let seed = shipped();
    let (dimension, text) = reference_origin(&seed.reference, "t2-politicas-estrategia-1").unwrap();
    assert_eq!(dimension, Some("politicas"));
    assert!(!text.spanish().is_empty());
    let (dimension, text) = reference_origin(&seed.reference, &entry_origin("strategy", "2")).unwrap();
    assert_eq!(dimension, None, "added to whichever dimension the group chose");
    assert!(text.spanish().starts_with("Creación y fortalecimiento de capacidades"), "{}", text.spanish());
    for unknown in ["strategy/99", "nada/1", "table-2/t2-politicas-estrategia-1", "strategy"] {
        assert!(reference_origin(&seed.reference, unknown).is_none(), "{unknown}");
        assert!(!seed.knows_origin(unknown), "{unknown}");
    }
    assert!(seed.knows_origin("tpl-1") && seed.knows_origin("ilac/3"));
    // A "/" in a line's or a proposal's id would read as a list entry.
    let errors = errors_of(&with(&EXTRA.replacen("id = \"meta-1\"", "id = \"meta/1\"", 1)));
    assert!(errors.iter().any(|e| e.field == "reference[6].lines[0].id"), "{errors:#?}");
    let errors = errors_of(&edited("id = \"tpl-1\"", "id = \"tpl/1\""));
    assert!(errors.iter().any(|e| e.field == "matrix.rows[0].id"), "{errors:#?}");
}
