//! A second meeting, from `seeds/workshop.toml`: the server runs it with its
//! own groups, columns and headings, and none of the first meeting's words
//! reaches its pages or its downloads.

use crate::common::*;
use crate::exports::{download, zip_entry};
use axum::http::StatusCode;

/// Words that only the first meeting (seeds/meeting.toml) says, as readers
/// see them: its reference material, groups, place, year and labels.
const FIRST_MEETING: [&str; 27] = [
    "ILAC",
    "Tabla 2",
    "Table 2",
    "Anexo IV",
    "Annex IV",
    "Marrakech",
    "Task Force",
    "10YFP",
    "Decisión 12",
    "PNUMA",
    "UNEP",
    "Caribe",
    "Caribbean",
    "Mesoamérica",
    "Andina",
    "Andean",
    "Cono Sur",
    "Southern Cone",
    "subregion",
    "Subregión",
    "2007",
    "São Paulo",
    "San Pablo",
    "CPS",
    "Prioridades",
    "Consejo de Expertos",
    "Plan de Acción Regional",
];

/// The first-meeting words in `text`, each as a whole word (so a random
/// nonce or file hash holding "CPS" inside a longer run does not count).
fn first_meeting_words(text: &str) -> Vec<&'static str> {
    let lower = text.to_lowercase();
    FIRST_MEETING
        .into_iter()
        .filter(|w| {
            let w = w.to_lowercase();
            lower.match_indices(&w).any(|(at, _)| {
                let before = lower[..at].chars().next_back();
                let after = lower[at + w.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
            })
        })
        .collect()
}

#[tokio::test]
async fn the_workshop_runs_with_its_own_columns_and_no_word_of_the_first_meeting() {
    assert_eq!(first_meeting_words("Grupo 1: Subregión Caribe, 2007"), ["Caribe", "Subregión", "2007"]);
    assert!(first_meeting_words("nonce-aCPSx1 XCPS").is_empty());

    let app = app_on(&format!("{}/../seeds/workshop.toml", env!("CARGO_MANIFEST_DIR"))).await;
    let mut committee = committee(&app).await;
    let mut table = coordinator(&app, &mut committee, "municipios").await;
    let row = add_row(&app, &mut table, "municipios", "prevencion").await;
    for (field, text) in
        [("meta", "Reducir un 20 % los residuos de poda"), ("acciones", "Chipear la poda en cada barrio"), ("plazo", "2027")]
    {
        let r = save_cell(&app, &mut table, "municipios", &format!("m/{row}/{field}"), 0, text, &format!("op-ws-{field}")).await;
        assert!(r.body.contains("Saved"), "{field}: {}", r.body);
    }
    // A choice outside the seed's options is refused; the second session's columns are closed.
    let r = save_cell(&app, &mut table, "municipios", &format!("m/{row}/plazo"), 1, "2030", "op-ws-bad").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    // A target has one time frame: two is refused.
    let r = save_cell(&app, &mut table, "municipios", &format!("m/{row}/plazo"), 1, "2026,2027", "op-ws-two").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let r = save_cell(&app, &mut table, "municipios", &format!("m/{row}/costo"), 0, "USD 5000", "op-ws-cost").await;
    assert!(r.body.contains("column_closed"), "{}", r.body);

    // A line started from a line of the workshop's own reference table.
    let r = table.call(&app, "/api/fn/add_matrix_row", "group=municipios&dimension=prevencion&origin=pn-prevencion-1").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    // And one from an entry of its list, in the dimension it is added to; an entry the list lacks is refused.
    let r = table.call(&app, "/api/fn/add_matrix_row", "group=municipios&dimension=valorizacion&origin=normativa%2Fdecreto-bolsas").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = table.call(&app, "/api/fn/add_matrix_row", "group=municipios&dimension=valorizacion&origin=normativa%2Fnada").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let matrix = table.call(&app, "/api/fn/group_matrix", "group=municipios").await.body;
    assert!(matrix.contains(r#""origin":"normativa/decreto-bolsas""#) && matrix.contains("Decreto de bolsas plásticas"), "{matrix}");

    let mut visitor = Browser::default();
    let mut pages = Vec::new();
    for path in
        ["/", "/sessions/1", "/sessions/2", "/join", "/reference", "/reference/matrix", "/reference/plan-nacional", "/reference/normativa"]
    {
        pages.push((path, visitor.get(&app, path).await));
    }
    pages.push(("/groups/municipios/matrix", table.get(&app, "/groups/municipios/matrix").await));
    for path in ["/committee", "/plan", "/plenary", "/plenary/control", "/clock"] {
        pages.push((path, committee.get(&app, path).await));
    }
    for (path, page) in &pages {
        if std::env::var("DUMP_PAGES").is_ok() {
            std::fs::write(format!("/tmp/ws{}.html", path.replace('/', "_")), &page.body).unwrap();
        }
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert_eq!(first_meeting_words(&page.body), Vec::<&str>::new(), "{path} says a word of the first meeting");
    }
    let page = |path: &str| &pages.iter().find(|(p, _)| *p == path).unwrap().1.body;
    assert!(page("/").contains("Taller de Residuos") && page("/").contains("Metas y acciones"));
    assert!(page("/reference/matrix").contains("Costo estimado") && page("/reference/matrix").contains("Compostar la mitad"));
    assert!(page("/groups/municipios/matrix").contains("Reducir un 20 %"));
    assert!(page("/groups/municipios/matrix").contains("Reducir los envases de un solo uso"), "the started line");
    assert!(page("/reference").contains("Normativa vigente") && page("/reference").contains("Líneas del plan nacional"));
    assert!(page("/reference/plan-nacional").contains("Instrumentos") && page("/reference/plan-nacional").contains("Tasa a las bolsas"));
    assert!(
        page("/reference/normativa").contains("Ley de gestión integral de residuos")
            && page("/reference/normativa").contains("Obligaciones")
    );
    let plan = page("/plan");
    assert!(plan.contains("Plan de metas") && plan.contains("Plazo: El año próximo") && plan.contains("Chipear la poda"), "the plan");

    let csv = String::from_utf8(download(&app, &mut committee, "/export/plan.csv", "text/csv").await).unwrap();
    let header = csv.lines().next().unwrap();
    for column in ["Meta", "Acciones", "Plazo", "Responsable", "Costo estimado"] {
        assert!(header.contains(column), "{column} in {header}");
    }
    assert!(csv.contains("Reducir un 20 % los residuos de poda") && csv.contains("El año próximo"), "{csv}");
    let xlsx = download(&app, &mut committee, "/export/plan.xlsx", "application/vnd.openxmlformats").await;
    let strings = zip_entry(&xlsx, "xl/sharedStrings.xml");
    let docx = download(&app, &mut committee, "/export/plan.docx", "application/vnd.openxmlformats").await;
    let document = zip_entry(&docx, "word/document.xml");
    assert!(document.contains("Plan Nacional de Metas de Residuos Municipales") && document.contains("Plazo: El año próximo"));
    assert!(strings.contains("Costo estimado") && strings.contains("Reducir un 20 %"));
    for (what, text) in [("CSV", &csv), ("XLSX", &strings), ("DOCX", &document)] {
        assert_eq!(first_meeting_words(text), Vec::<&str>::new(), "the {what} says a word of the first meeting");
    }
    // A language the meeting's seed lacks is refused, naming the ones it has.
    let r = committee.get(&app, "/export/plan.csv?lang=pt").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("es, en"), "{}", r.body);
}
