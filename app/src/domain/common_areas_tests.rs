use super::*;
use crate::domain::cells::Cell;
use crate::domain::matrix_fields::FieldId;

fn seed() -> crate::domain::Seed {
    crate::domain::parse_seed("s", include_str!("../../../seeds/meeting.toml")).unwrap()
}

fn groups() -> Vec<Group> {
    seed().group_sets.into_iter().find(|s| s.id == "subregionales").unwrap().groups
}

/// The shipped seed's highlighted set: the four subregions.
fn common_areas(m: &[(Group, Vec<MatrixRow>)]) -> Vec<CommonArea> {
    let seed = seed();
    super::common_areas(m, &seed.matrix, seed.plan.highlight.as_ref())
}

fn row(id: i64, origin: Option<&str>, ilac: &str, priority: &str) -> MatrixRow {
    let cell = |t: &str| Cell { text: t.to_string(), version: 1, by: "x".into(), at: 0 };
    let mut cells = BTreeMap::new();
    cells.insert(FieldId::new("ilac"), cell(ilac));
    cells.insert(FieldId::new("prioridades"), cell(priority));
    MatrixRow { id, dimension: "politicas".into(), position: id, origin: origin.map(String::from), cells }
}

/// The six groups of sessions 1–3 with the given lines (by group id).
fn matrices(lines: &[(&str, MatrixRow)]) -> Vec<(Group, Vec<MatrixRow>)> {
    groups()
        .into_iter()
        .map(|g| {
            let rows = lines.iter().filter(|(id, _)| *id == g.id).map(|(_, r)| r.clone()).collect();
            (g, rows)
        })
        .collect()
}

#[test]
fn an_area_every_subregion_shares_with_a_related_priority_comes_first() {
    let m = matrices(&[
        ("caribe", row(1, Some("t2-x"), "1,3", "Agua limpia")),
        ("mesoamerica", row(2, Some("t2-x"), "3", "Energía")),
        ("andina", row(3, Some("t2-x"), "3", "Bosques")),
        ("cono-sur", row(4, Some("t2-x"), "3,5", "Residuos")),
        ("ongs", row(5, Some("t2-x"), "1", "Educación")),
    ]);
    let areas = common_areas(&m);
    assert_eq!((areas[0].area.as_str(), &areas[0].shared), ("3", &Shared::Origin("t2-x".into())));
    assert!(areas[0].highlighted);
    assert_eq!(areas[0].groups, ["caribe", "mesoamerica", "andina", "cono-sur"]);
    // Area 1 is shared by Caribe and the NGOs only; area 5 by one group: not common.
    assert_eq!(areas[1].area, "1");
    assert!(!areas[1].highlighted);
    assert_eq!(areas.len(), 2, "{areas:?}");
}

#[test]
fn the_same_area_with_unrelated_priorities_is_not_common() {
    // Before: every line sharing any ILAC area was highlighted, so the highlight meant nothing.
    let m = matrices(&[
        ("caribe", row(1, None, "3", "Agua limpia para las islas")),
        ("mesoamerica", row(2, None, "3", "Energía renovable en el istmo")),
        ("andina", row(3, Some("t2-a"), "3", "Bosques andinos")),
        ("cono-sur", row(4, Some("t2-b"), "3", "Residuos urbanos")),
    ]);
    assert!(common_areas(&m).is_empty());
}

#[test]
fn the_same_tabla_2_line_in_the_same_area_is_common() {
    let m = matrices(&[
        ("andina", row(1, Some("t2-politicas-estrategia-1"), "2", "Marco regulatorio")),
        ("empresas", row(2, Some("t2-politicas-estrategia-1"), "2,4", "Incentivos fiscales")),
        ("caribe", row(3, Some("t2-politicas-estrategia-2"), "2", "Otra cosa")),
        // The same line in no shared area: not common.
        ("ongs", row(4, Some("t2-politicas-estrategia-1"), "", "Sin área")),
    ]);
    let areas = common_areas(&m);
    assert_eq!(areas.len(), 1, "{areas:?}");
    assert_eq!((areas[0].area.as_str(), &areas[0].shared), ("2", &Shared::Origin("t2-politicas-estrategia-1".into())));
    assert_eq!(areas[0].lines, vec![LineRef { group: "andina".into(), row: 1 }, LineRef { group: "empresas".into(), row: 2 }]);
}

#[test]
fn close_wording_is_found_across_accents_and_plurals_but_not_within_one_group() {
    let m = matrices(&[
        ("caribe", row(1, None, "4", "Promover compras públicas sustentables")),
        ("cono-sur", row(2, None, "4", "Promoción de las compras publicas sustentables en el Estado")),
        ("cono-sur", row(3, None, "4", "Compras públicas sustentables")),
        ("ongs", row(4, None, "4", "Educación ambiental en escuelas")),
    ]);
    let areas = common_areas(&m);
    assert_eq!(areas.len(), 1, "{areas:?}");
    assert_eq!(areas[0].shared, Shared::Wording);
    assert_eq!(areas[0].groups, ["caribe", "cono-sur"]);
    assert_eq!(areas[0].lines.len(), 3);
}

#[test]
fn unrelated_priorities_are_not_close() {
    let m = matrices(&[
        ("caribe", row(1, None, "1", "Fortalecer el Consejo de Expertos")),
        ("andina", row(2, None, "1", "Mejorar capacidades de las MiPyMES")),
    ]);
    assert!(common_areas(&m).is_empty());
}

#[test]
fn the_same_lines_related_two_ways_are_listed_once() {
    let m = matrices(&[
        ("caribe", row(1, Some("tpl-1"), "1", "Políticas nacionales de CPS integradas")),
        ("andina", row(2, Some("tpl-1"), "1", "Políticas nacionales de CPS integradas")),
    ]);
    let areas = common_areas(&m);
    assert_eq!(areas.len(), 1);
    assert_eq!(areas[0].shared, Shared::Origin("tpl-1".into()));
    assert_eq!(lines_in_common(&areas).len(), 2);
}

#[test]
fn significant_words_fold_case_accents_and_endings() {
    let a = significant_words("Políticas SUSTENTABLES para la región");
    let b = significant_words("politica sustentable region");
    assert_eq!(a, b);
    assert!(!a.contains("para"));
}

#[test]
fn the_seed_says_which_groups_are_highlighted_and_none_without_a_set() {
    let m = matrices(&[
        ("caribe", row(1, Some("t2-x"), "1", "Agua limpia")),
        ("ongs", row(2, Some("t2-x"), "1", "Educación")),
        ("andina", row(3, Some("t2-x"), "2", "Bosques")),
        ("cono-sur", row(4, Some("t2-x"), "2", "Residuos")),
    ]);
    let mut highlight = seed().plan.highlight.unwrap();
    highlight.groups = vec!["caribe".into(), "ongs".into()];
    let areas = super::common_areas(&m, &seed().matrix, Some(&highlight));
    assert_eq!(areas.iter().map(|a| (a.area.as_str(), a.highlighted)).collect::<Vec<_>>(), [("1", true), ("2", false)]);
    assert!(super::common_areas(&m, &seed().matrix, None).iter().all(|a| !a.highlighted));
    assert!(!common_areas(&m).iter().any(|a| a.highlighted), "neither area has all four subregions");
}

#[test]
fn without_an_area_field_related_lines_are_common_wherever_they_are_filed() {
    let m = matrices(&[
        ("caribe", row(1, Some("t2-x"), "1", "Agua limpia")),
        ("andina", row(2, Some("t2-x"), "2", "Bosques")),
        ("ongs", row(3, None, "2", "Educación")),
    ]);
    let mut matrix = seed().matrix;
    matrix.area = None;
    let areas = super::common_areas(&m, &matrix, None);
    assert_eq!(areas.len(), 1, "{areas:?}");
    assert_eq!((areas[0].area.as_str(), areas[0].groups.clone()), ("", vec!["caribe".to_string(), "andina".to_string()]));
}
