use super::*;
use crate::domain::matrix_fields::FieldId;

fn seed() -> Seed {
    crate::domain::parse_seed("s", include_str!("../../../seeds/meeting.toml")).unwrap()
}

fn cell(t: &str) -> Cell {
    Cell { text: t.to_string(), version: 1, by: "x".into(), at: 0 }
}

fn row(id: i64, dimension: &str, ilac: &str, priority: &str) -> MatrixRow {
    let mut cells = BTreeMap::new();
    cells.insert(FieldId::new("ilac"), cell(ilac));
    cells.insert(FieldId::new("prioridades"), cell(priority));
    MatrixRow { id, dimension: dimension.into(), position: id, origin: None, cells }
}

fn plan_groups(seed: &Seed, lines: &[(&str, MatrixRow)]) -> Vec<PlanGroup> {
    let set = seed.group_sets.iter().find(|s| s.id == "subregionales").unwrap();
    set.groups
        .iter()
        .map(|g| PlanGroup {
            group: g.clone(),
            rows: lines.iter().filter(|(id, _)| *id == g.id).map(|(_, r)| r.clone()).collect(),
            delivered: vec![],
            final_delivered: false,
        })
        .collect()
}

#[test]
fn lines_are_filed_by_dimension_then_lowest_ilac_area_subregions_first() {
    let seed = seed();
    let groups = plan_groups(
        &seed,
        &[
            ("empresas", row(1, "politicas", "3", "Empresas A")),
            ("caribe", row(2, "politicas", "10,3", "Caribe A")),
            ("andina", row(3, "politicas", "", "Andina sin área")),
            ("andina", row(4, "cooperacion", "2", "Andina B")),
        ],
    );
    let plan = consolidate(&seed, groups, vec![], None, "es");
    assert_eq!(plan.dimensions.len(), seed.dimensions.len());
    let politicas = plan.dimensions.iter().find(|d| d.dimension == "politicas").unwrap();
    assert_eq!(politicas.areas.iter().map(|a| a.area.clone()).collect::<Vec<_>>(), [Some("3".to_string()), None]);
    let area3: Vec<&str> = politicas.areas[0].lines.iter().map(|l| l.group.as_str()).collect();
    assert_eq!(area3, ["caribe", "empresas"], "subregional plans come before contributions");
    let cooperacion = plan.dimensions.iter().find(|d| d.dimension == "cooperacion").unwrap();
    assert_eq!(cooperacion.areas[0].lines[0].row.text(&FieldId::new("prioridades")), "Andina B");
    // Every line is somewhere in the plan, exactly once.
    let filed: usize = plan.dimensions.iter().flat_map(|d| &d.areas).map(|a| a.lines.len()).sum();
    assert_eq!(filed, 4);
    assert!(plan.common.is_empty(), "area 3 with unrelated priorities is not a common area: {:?}", plan.common);
}

#[test]
fn the_10yfp_summary_lists_answers_and_each_chosen_programme_with_its_aspects() {
    let seed = seed();
    let guide = seed.guides.iter().find(|g| g.id == "4.4").unwrap();
    let mixed_set = seed.group_sets.iter().find(|s| s.id == "mixtos").unwrap();
    let mut one = BTreeMap::new();
    one.insert("4.4/1".to_string(), cell("Oferta del grupo 1"));
    one.insert("4.4/9/choice".to_string(), cell("b"));
    one.insert("4.4/9/b/a".to_string(), cell("Apoyo técnico del PNUMA"));
    let mut two = BTreeMap::new();
    two.insert("4.4/1".to_string(), cell("Oferta del grupo 2"));
    let mixed = vec![
        MixedGroup { group: mixed_set.groups[0].clone(), answers: one, delivered: true },
        MixedGroup { group: mixed_set.groups[1].clone(), answers: two, delivered: false },
    ];
    let summary = summarise(guide, &mixed, "es");
    assert_eq!(summary[0].answers.len(), 2);
    assert_eq!(summary[0].answers[0].1, "Oferta del grupo 1");
    let programme = summary.iter().find(|s| s.heading.contains(" b) ") || s.heading.contains(" b ")).expect("programme b");
    assert_eq!(programme.answers.len(), 1);
    assert!(programme.answers[0].1.contains("Apoyo técnico del PNUMA"));
    // Unanswered questions and unchosen programmes are left out.
    assert_eq!(summary.len(), 2);
}

#[test]
fn seed_labels_lose_their_own_closing_punctuation_before_ours() {
    assert_eq!(label("Actores clave:"), "Actores clave");
    assert_eq!(label("organización coordinadora;"), "organización coordinadora");
    assert_eq!(label("Acteurs clés :"), "Acteurs clés");
    assert_eq!(label("Información sobre productos sustentable?"), "Información sobre productos sustentable");
    assert_eq!(heading("Apoyo Técnico y Desarrollo de Capacidades;"), "Apoyo Técnico y Desarrollo de Capacidades");
    assert_eq!(heading("Un programa para apoyar compras públicas sustentables?"), "Un programa para apoyar compras públicas sustentables?");
}

#[test]
fn the_summary_is_written_in_the_readers_language_without_doubled_punctuation() {
    let seed = seed();
    let guide = seed.guides.iter().find(|g| g.id == "4.4").unwrap();
    let mixed_set = seed.group_sets.iter().find(|s| s.id == "mixtos").unwrap();
    let mut answers = BTreeMap::new();
    answers.insert("4.4/9/choice".to_string(), cell("a"));
    answers.insert("4.4/9/a/c".to_string(), cell("PNUMA"));
    answers.insert("4.4/9/a/d".to_string(), cell("CEPAL"));
    let mixed = vec![MixedGroup { group: mixed_set.groups[0].clone(), answers, delivered: false }];
    let english = summarise(guide, &mixed, "en");
    assert_eq!(english[0].answers[0].1, "Key actors: PNUMA\ncoordinating organization: CEPAL");
    assert!(english[0].heading.starts_with("9. a) "), "{}", english[0].heading);
    assert!(!english[0].heading.contains("Programa"), "the heading in English: {}", english[0].heading);
    let spanish = summarise(guide, &mixed, "es");
    assert_eq!(spanish[0].answers[0].1, "Actores clave: PNUMA\norganización coordinadora: CEPAL");
}
