use super::*;
use crate::domain::parse_seed;

fn seed() -> Seed {
    parse_seed("seeds/meeting.toml", include_str!("../../../seeds/meeting.toml")).unwrap()
}

fn counts(entries: &[(&'static str, usize)]) -> Counts {
    let mut c = Counts::default();
    for (kind, n) in entries {
        c.add(kind, *n);
    }
    c
}

fn cell(key: &str, text: &str, versions: usize) -> CellUse {
    CellUse { key: key.into(), text: text.into(), versions }
}

fn line(row: i64, dimension: &str, origin: Option<&str>) -> LineUse {
    LineUse { row, dimension: dimension.into(), origin: origin.map(String::from) }
}

/// Work recorded everywhere a seed item can be referred to.
fn busy_meeting() -> Usage {
    let mut u = Usage::default();
    u.groups.insert("andina".into(), counts(&[("matrix lines", 9), ("cell versions", 41), ("coordinator links", 2)]));
    u.groups.insert("mixto-1".into(), counts(&[("participants", 3)]));
    u.blocks.insert("sesion-3".into(), counts(&[("clock events", 4)]));
    u.sessions.insert(3, counts(&[("deliveries", 6)]));
    u.questions.insert("4.2/a".into(), counts(&[("answers", 5), ("question marks", 1)]));
    u.lines = vec![line(1, "politicas", Some("tpl-1")), line(2, "cooperacion", None)];
    u.cells = vec![
        cell("m/1/prioridades", "Compras públicas", 3),
        cell("m/1/ilac", "1,3", 2),
        cell("m/2/task_forces", "compras-publicas", 1),
        cell("q/4.4/9/choice", "b", 1),
        cell("q/4.4/9/b/e", "Capacitación", 2),
        cell("q/4.4/3", "Sí", 1),
    ];
    u
}

fn items(seed: &Seed, usage: &Usage) -> Vec<String> {
    refusals(seed, usage).iter().map(|r| r.to_string()).collect()
}

#[test]
fn the_same_seed_with_any_work_is_accepted() {
    assert_eq!(items(&seed(), &busy_meeting()), Vec::<String>::new());
}

#[test]
fn additions_renamed_labels_and_fixed_typos_apply_freely() {
    let mut s = seed();
    let mut extra = s.group_sets[0].groups[0].clone();
    extra.id = "nuevo".into();
    extra.number = 7;
    s.group_sets[0].groups.push(extra);
    s.group_sets[0].groups[2].name = crate::domain::Text::es("Región Andina");
    s.dimensions[0].title = crate::domain::Text::es("Políticas");
    s.agenda[1].segments[0].minutes = 90;
    assert_eq!(items(&s, &busy_meeting()), Vec::<String>::new());
}

#[test]
fn a_group_with_work_cannot_be_removed_and_the_message_names_what_depends_on_it() {
    let mut s = seed();
    s.group_sets[0].groups.retain(|g| g.id != "andina");
    assert_eq!(items(&s, &busy_meeting()), ["group `andina`: 9 matrix lines, 41 cell versions, 2 coordinator links"]);
}

#[test]
fn a_group_nobody_used_can_be_removed_or_given_another_id() {
    let mut s = seed();
    s.group_sets[0].groups.retain(|g| g.id != "caribe");
    s.group_sets[1].groups[1].id = "mixto-b".into();
    let mut u = busy_meeting();
    u.groups.insert("caribe".into(), Counts::default());
    assert_eq!(items(&s, &u), Vec::<String>::new());
    s.group_sets[1].groups[0].id = "mixto-a".into();
    assert_eq!(items(&s, &u), ["group `mixto-1`: 3 participants"]);
}

#[test]
fn an_agenda_block_with_clock_history_and_a_session_with_deliveries_stay() {
    let mut s = seed();
    s.agenda.retain(|b| b.id != "sesion-3");
    assert_eq!(items(&s, &busy_meeting()), ["agenda block `sesion-3`: 4 clock events"]);
    let mut s = seed();
    s.sessions.truncate(2);
    let found = items(&s, &busy_meeting());
    assert!(found.contains(&"session `3`: 6 deliveries".to_string()), "{found:?}");
    assert!(!found.iter().any(|f| f.starts_with("session `4`")), "session 4 holds nothing: {found:?}");
}

#[test]
fn a_question_with_answers_cannot_be_removed() {
    let mut s = seed();
    s.guides[0].questions.retain(|q| q.id != "a");
    assert_eq!(items(&s, &busy_meeting()), ["question `4.2/a`: 5 answers, 1 question marks"]);
}

#[test]
fn a_questionnaire_option_chosen_or_written_under_cannot_be_removed() {
    let mut s = seed();
    let q9 = s.guides[2].questions.iter_mut().find(|q| q.id == "9").unwrap();
    q9.parts[0].items.retain(|i| i.id != "b");
    // The choice of "b" and the aspect written under it both need it.
    assert_eq!(items(&s, &busy_meeting()), ["question `4.4/9`: 3 cell versions"]);
    let mut s = seed();
    s.guides[2].questions.retain(|q| q.id != "3");
    assert_eq!(items(&s, &busy_meeting()), ["question `4.4/3`: 1 cell versions"]);
}

#[test]
fn a_dimension_and_the_reference_line_a_matrix_line_came_from_stay() {
    let mut s = seed();
    s.dimensions.retain(|d| d.id != "politicas");
    s.matrix.rows.retain(|r| r.dimension != "politicas");
    s.reference.iter_mut().for_each(|r| r.lines.retain(|l| l.dimension != "politicas"));
    assert_eq!(
        items(&s, &busy_meeting()),
        ["dimension `politicas`: 1 matrix lines, 5 cell versions", "reference line `tpl-1`: 1 matrix lines started from it"]
    );
}

#[test]
fn a_hidden_matrix_line_keeps_nothing_alive() {
    let mut s = seed();
    s.dimensions.retain(|d| d.id != "cooperacion");
    let mut u = busy_meeting();
    u.lines.retain(|l| l.dimension != "cooperacion");
    assert_eq!(items(&s, &u), Vec::<String>::new());
}

#[test]
fn an_option_chosen_in_a_matrix_cell_stays() {
    let mut s = seed();
    for (list, gone) in [("ilac", "3"), ("task-forces", "compras-publicas")] {
        s.reference.iter_mut().filter(|r| r.id == list).for_each(|r| r.entries.retain(|e| e.id != gone));
    }
    s.fill_in();
    assert_eq!(
        items(&s, &busy_meeting()),
        [
            "option `3` of matrix field `ilac`: 1 matrix cells choosing it",
            "option `compras-publicas` of matrix field `task_forces`: 1 matrix cells choosing it"
        ]
    );
}

#[test]
fn a_matrix_field_with_cells_stays_and_one_without_may_go() {
    let mut s = seed();
    for c in &mut s.matrix.columns {
        c.fields.retain(|f| f.id.as_str() != "ilac" && f.id.as_str() != "actores");
    }
    s.matrix.columns.retain(|c| !c.fields.is_empty());
    assert_eq!(items(&s, &busy_meeting()), ["matrix field `ilac`: 1 matrix cells, 2 cell versions"]);
}

#[test]
fn a_list_entry_a_matrix_line_started_from_stays() {
    let mut u = busy_meeting();
    u.lines.push(line(3, "metodologias", Some("strategy/2")));
    let mut s = seed();
    assert_eq!(items(&s, &u), Vec::<String>::new());
    s.reference.iter_mut().filter(|r| r.id == "strategy").for_each(|r| r.entries.retain(|e| e.id != "2"));
    assert_eq!(items(&s, &u), ["reference line `strategy/2`: 1 matrix lines started from it"]);
}
