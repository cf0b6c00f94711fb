//! The shipped seed holds the whole meeting; broken seeds are rejected with
//! the file, the field and the reason.

use super::*;
use crate::domain::session::SegmentKind;

const FILE: &str = "seeds/meeting.toml";
pub(crate) const SHIPPED: &str = include_str!("../../../seeds/meeting.toml");

pub(crate) fn shipped() -> Seed {
    match parse_seed(FILE, SHIPPED) {
        Ok(seed) => seed,
        Err(errors) => panic!("shipped seed rejected: {errors:#?}"),
    }
}

pub(crate) fn errors_of(source: &str) -> Vec<SeedError> {
    parse_seed(FILE, source).expect_err("the seed should be rejected")
}

/// The shipped seed with one edit applied to its text.
pub(crate) fn edited(from: &str, to: &str) -> String {
    assert!(SHIPPED.contains(from), "test fixture: `{from}` not in the seed");
    SHIPPED.replacen(from, to, 1)
}

#[test]
fn the_meeting_has_its_six_objectives_and_dates() {
    let seed = shipped();
    assert_eq!(seed.meeting.objectives.len(), 6);
    assert_eq!(seed.meeting.start_date, "2007-10-18");
    assert_eq!(seed.meeting.end_date, "2007-10-19");
    assert_eq!(seed.coordinator.duties.len(), 3);
}

#[test]
fn the_agenda_has_three_blocks_of_2h45_2h_and_60_min() {
    let seed = shipped();
    let totals: Vec<u32> = seed.agenda.iter().map(|b| b.total_minutes()).collect();
    assert_eq!(totals, vec![165, 120, 60]);
    let first = &seed.agenda[0];
    let shape: Vec<(SegmentKind, u32)> = first.segments.iter().map(|s| (s.kind, s.minutes)).collect();
    assert_eq!(shape, vec![(SegmentKind::Work, 75), (SegmentKind::Break, 15), (SegmentKind::Work, 75)]);
    assert_eq!(first.sessions(), vec![1, 2]);
    assert_eq!(seed.agenda[1].sessions(), vec![3]);
    assert_eq!(seed.agenda[2].sessions(), vec![4]);
}

#[test]
fn four_sessions_work_on_their_guides_and_groups() {
    let seed = shipped();
    let shape: Vec<(u32, &str, &str)> = seed.sessions.iter().map(|s| (s.number, s.guide.as_str(), s.group_set.as_str())).collect();
    assert_eq!(shape.len(), 4);
    assert_eq!(shape[0].1, "4.2");
    assert_eq!(shape[1].1, "4.2");
    assert_eq!(shape[2].1, "4.3");
    assert_eq!(shape[3].1, "4.4");
    assert_eq!(shape[0].2, shape[2].2, "sessions 1–3 share the subregional groups");
    assert_ne!(shape[0].2, shape[3].2, "session 4 has mixed groups");
}

#[test]
fn every_guiding_question_is_present() {
    let seed = shipped();
    let guide = |id: &str| seed.guides.iter().find(|g| g.id == id).unwrap();
    let ids = |id: &str| guide(id).questions.iter().map(|q| q.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids("4.2"), ["a", "b", "c", "d", "e", "f", "g"]);
    assert_eq!(ids("4.3"), ["a", "b", "c", "d"]);
    assert_eq!(ids("4.4"), ["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    let a = &guide("4.2").questions[0];
    assert_eq!(a.parts[0].items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["i", "ii", "iii"]);
    let nine = &guide("4.4").questions[8];
    let part_ids = |p: usize| nine.parts[p].items.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
    assert_eq!(part_ids(0), ["a", "b", "c", "d", "e", "f"]);
    assert_eq!(part_ids(1), ["a", "b", "c", "d", "e"]);
    let sections: Vec<&str> = guide("4.4").questions.iter().map(|q| q.section.as_ref().map(|s| s.spanish()).unwrap_or("")).collect();
    assert!(sections[..8].iter().all(|s| *s == "OFERTA"));
    assert_eq!(sections[8], "PROGRAMAS");
}

#[test]
fn questions_keep_the_document_wording() {
    let seed = shipped();
    let q = |guide: &str, id: &str| {
        let g = seed.guides.iter().find(|g| g.id == guide).unwrap();
        g.questions.iter().find(|q| q.id == id).unwrap().text.spanish().to_string()
    };
    assert!(q("4.2", "a").starts_with("Identifique líneas de acción prioritarias para avanzar en CPS en la subregión"));
    assert!(q("4.2", "c").starts_with("Cuáles son las fortalezas en las capacidades técnicas"));
    assert!(q("4.3", "b").starts_with("Para asignar responsabilidades considere e identifique específicamente"));
    assert_eq!(q("4.4", "8"), "Con qué organismos o programas de cooperación puede vincularse en la región?");
}

#[test]
fn groups_reference_tables_and_matrix_are_complete() {
    let seed = shipped();
    let sizes: Vec<usize> = seed.group_sets.iter().map(|s| s.groups.len()).collect();
    assert_eq!(sizes, vec![6, 4]);
    let andina = seed.group_sets[0].groups.iter().find(|g| g.id == "andina").unwrap();
    let countries: Vec<&str> = andina.countries.iter().map(|c| c.spanish()).collect();
    assert_eq!(countries, ["Colombia", "Ecuador", "Perú"]);
    let in_french: Vec<&str> = andina.countries.iter().map(|c| c.get("fr")).collect();
    assert_eq!(in_french, ["Colombie", "Équateur", "Pérou"]);
    let part = |id: &str| seed.reference_part(id).unwrap_or_else(|| panic!("no reference part {id}"));
    assert_eq!(part("ilac").entries.len(), 8);
    assert_eq!(seed.dimensions.len(), 3);
    assert_eq!(seed.matrix.columns.len(), 8);
    assert_eq!(seed.matrix.max_lines_per_dimension, 4);
    assert!(seed.dimensions.iter().all(|d| seed.matrix.rows.iter().any(|r| r.dimension == d.id)));
    assert!(seed.dimensions.iter().all(|d| part("table-2").lines.iter().any(|l| l.dimension == d.id)));
    assert_eq!(part("strategy").entries.len(), 7);
    let items: Vec<usize> = part("decisions").entries.iter().map(|d| d.facts["items"].len()).collect();
    assert_eq!(items, vec![9, 8]);
    assert_eq!(part("task-forces").entries.len(), 7);
    let ids: Vec<&str> = seed.reference.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["table-2", "ilac", "task-forces", "strategy", "decisions"], "the index's order");
}

#[test]
fn every_text_carries_the_four_languages_and_spanish_stays_the_original() {
    let seed = shipped();
    assert_eq!(seed.languages, ["es", "en", "pt", "fr"]);
    let q = &seed.guides[0].questions[0].text;
    assert!(q.get("es").starts_with("Identifique líneas de acción"), "{}", q.get("es"));
    for lang in ["en", "pt", "fr"] {
        assert!(q.has(lang), "{lang}");
        assert_ne!(q.get(lang), q.get("es"), "{lang}");
    }
}

#[test]
fn a_missing_translation_is_refused_with_its_field_path() {
    let from = seed_line_of("Organizar la discusión y promover la participación");
    let to = from.replace(&between(&from, ", fr = ", " }"), "");
    let errors = errors_of(&edited(&from, &to.replace(", fr = ", "")));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].field, "coordinator.duties[1]");
    assert!(errors[0].message.contains("no translation into fr"), "{}", errors[0].message);
    // The message points at the line too.
    assert!(errors[0].message.contains("line "), "{}", errors[0].message);
}

#[test]
fn a_seed_that_declares_fewer_languages_needs_only_those() {
    let two = SHIPPED.replacen(r#"languages = ["es", "en", "pt", "fr"]"#, r#"languages = ["es", "en"]"#, 1);
    assert!(parse_seed(FILE, &two).is_ok());
    let errors = errors_of(&SHIPPED.replacen(r#"languages = ["es", "en", "pt", "fr"]"#, r#"languages = ["en", "de"]"#, 1));
    assert!(errors.iter().all(|e| e.field == "languages"), "{errors:#?}");
    assert!(errors.iter().any(|e| e.message.contains("must start with \"es\"")), "{errors:#?}");
    assert!(errors.iter().any(|e| e.message.contains("unknown language \"de\"")), "{errors:#?}");
}

/// The whole line of the shipped seed that contains `needle`.
fn seed_line_of(needle: &str) -> String {
    SHIPPED.lines().find(|l| l.contains(needle)).unwrap_or_else(|| panic!("`{needle}` not in the seed")).to_string()
}

/// What lies between `start` and the next `end` in `s`.
fn between(s: &str, start: &str, end: &str) -> String {
    let from = s.find(start).expect("start") + start.len();
    let to = from + s[from..].find(end).expect("end");
    s[from..to].to_string()
}

#[test]
fn a_syntax_error_names_the_file_and_line() {
    let errors = errors_of("format = 1\n[meeting\n");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].file, FILE);
    assert!(errors[0].to_string().contains("seeds/meeting.toml"));
    assert!(errors[0].message.contains("line 2"), "{}", errors[0].message);
}

#[test]
fn an_unknown_field_is_named() {
    let errors = errors_of(&edited("[meeting]\n", "[meeting]\ncolour = \"red\"\n"));
    assert!(errors[0].message.contains("colour"), "{}", errors[0].message);
}

#[test]
fn a_session_pointing_at_a_missing_guide_is_rejected() {
    let errors = errors_of(&edited("guide = \"4.3\"", "guide = \"4.9\""));
    assert!(errors.iter().any(|e| e.field == "sessions[2].guide" && e.message.contains("4.9")), "{errors:#?}");
}

#[test]
fn a_zero_minute_segment_is_rejected() {
    let errors = errors_of(&edited("minutes = 120", "minutes = 0"));
    assert!(errors.iter().any(|e| e.field == "agenda[1].segments[0].minutes"), "{errors:#?}");
}

#[test]
fn a_text_without_spanish_is_rejected() {
    let errors = errors_of(&edited("place = { es = \"San Pablo, Brasil\", ", "place = { "));
    assert!(errors.iter().any(|e| e.field == "meeting.place" && e.message.contains("Spanish")), "{errors:#?}");
    assert!(errors[0].to_string().starts_with("invalid seed seeds/meeting.toml: field `meeting.place`"));
}

#[test]
fn a_duplicate_group_id_is_rejected() {
    let errors = errors_of(&edited("id = \"andina\"", "id = \"caribe\""));
    assert!(errors.iter().any(|e| e.message.contains("duplicate id \"caribe\"")), "{errors:#?}");
}

#[test]
fn an_unknown_matrix_column_is_rejected() {
    let errors = errors_of(&edited("\"indicadores\"]", "\"indicators\"]"));
    assert!(errors.iter().any(|e| e.field.starts_with("sessions[0].matrix_columns")), "{errors:#?}");
}

#[test]
fn a_session_in_no_agenda_block_is_rejected() {
    let errors = errors_of(&edited("session = 4", "session = 3"));
    assert!(errors.iter().any(|e| e.field == "agenda" && e.message.contains("session 4")), "{errors:#?}");
}

#[test]
fn a_starting_row_and_a_reference_line_sharing_an_id_are_rejected() {
    let first_line = between(SHIPPED, "[[reference.lines]]\nid = \"", "\"");
    let errors = errors_of(&edited("id = \"tpl-1\"", &format!("id = \"{first_line}\"")));
    assert!(errors.iter().any(|e| e.field == "matrix.rows[0].id" && e.message.contains("reference `table-2`")), "{errors:#?}");
}

#[test]
fn a_question_id_that_cannot_key_an_answer_is_rejected() {
    let errors = errors_of(&edited("id = \"9\"", "id = \"9 b\""));
    assert!(errors.iter().any(|e| e.field.ends_with(".questions[8].id")), "{errors:#?}");
}

#[test]
fn exactly_one_group_set_is_the_one_participants_join() {
    let none = errors_of(&edited("join = true\n", ""));
    assert!(none.iter().any(|e| e.field == "group_sets" && e.message.contains("join = true")), "{none:#?}");
    let two = errors_of(&edited("id = \"mixtos\"\n", "id = \"mixtos\"\njoin = true\n"));
    assert!(two.iter().any(|e| e.field == "group_sets"), "{two:#?}");
}

#[test]
fn the_matrix_says_which_field_heads_a_line_and_which_files_it() {
    let m = shipped().matrix;
    assert_eq!((m.heading.as_str(), m.area.as_ref().map(|a| a.as_str())), ("prioridades", Some("ilac")));
    // A column without listed fields holds one text field named after it.
    let indicators = m.columns.iter().find(|c| c.id == "indicadores").unwrap();
    assert_eq!(indicators.fields.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(), ["indicadores"]);
    // Options drawn from a reference list: its entries, in order.
    let area = m.area_field().unwrap();
    assert_eq!(area.options.len(), shipped().reference_part("ilac").unwrap().entries.len());
    assert_eq!((area.options[2].id.as_str(), area.option_short("3", "es").as_deref()), ("3", Some("3")));
    assert_eq!(m.label(&crate::domain::matrix_fields::FieldId::new("resultados_corto"), "en"), "Expected results — in 2 years");
}

#[test]
fn matrix_fields_that_cannot_work_are_rejected() {
    let errors = errors_of(&edited("heading = \"prioridades\"", "heading = \"ilac\""));
    assert!(errors.iter().any(|e| e.field == "matrix.heading" && e.message.contains("text field")), "{errors:#?}");
    let errors = errors_of(&edited("area = \"ilac\"", "area = \"actores\""));
    assert!(errors.iter().any(|e| e.field == "matrix.area" && e.message.contains("choice field")), "{errors:#?}");
    let errors = errors_of(&edited("from = \"ilac\"", "from = \"temas\""));
    assert!(errors.iter().any(|e| e.field == "matrix.columns[0].fields[0].from" && e.message.contains("temas")), "{errors:#?}");
    // A table's lines are no choice.
    let errors = errors_of(&edited("from = \"ilac\"", "from = \"table-2\""));
    assert!(errors.iter().any(|e| e.field == "matrix.columns[0].fields[0].from" && e.message.contains("table-2")), "{errors:#?}");
    let errors = errors_of(&edited("from = \"ilac\"", ""));
    assert!(errors.iter().any(|e| e.field == "matrix.columns[0].fields[0].options"), "{errors:#?}");
    let errors = errors_of(&edited("id = \"resultados_largo\"", "id = \"resultados_corto\""));
    assert!(errors.iter().any(|e| e.field == "matrix.columns[2].fields[1].id" && e.message.contains("resultados_corto")), "{errors:#?}");
    let errors = errors_of(&edited("values.indicadores = [", "values.nada = ["));
    assert!(errors.iter().any(|e| e.field.ends_with(".values.nada")), "{errors:#?}");
}

/// The second seed shipped: another meeting, with its own reference
/// material, its own columns, a choice column as its area.
#[test]
fn the_workshop_seed_is_a_complete_meeting_of_its_own() {
    let seed = match parse_seed("seeds/workshop.toml", include_str!("../../../seeds/workshop.toml")) {
        Ok(seed) => seed,
        Err(errors) => panic!("workshop seed rejected: {errors:#?}"),
    };
    assert_eq!(seed.languages, ["es", "en"]);
    assert_eq!(seed.matrix.columns.len(), 5);
    assert_eq!(seed.matrix.area_field().map(|f| f.options.len()), Some(3));
    let ids: Vec<String> = crate::domain::views::reference_sections(&seed).into_iter().map(|s| s.id).collect();
    assert_eq!(ids, ["plan-nacional", "normativa"], "its own reference material");
}

#[test]
fn the_reference_table_names_its_own_columns() {
    let seed = shipped();
    let table = seed.reference_part("table-2").unwrap();
    assert_eq!(table.columns.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["estrategia", "decision", "pnuma"]);
    let errors = errors_of(&edited("column = \"pnuma\"", "column = \"banco\""));
    assert!(errors.iter().any(|e| e.field.ends_with(".column") && e.message.contains("banco")), "{errors:#?}");
}
