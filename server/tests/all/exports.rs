//! The committee's downloads read back: every group's lines in the CSV, XLSX
//! and DOCX of the Regional Action Plan, the common areas, who may download,
//! and the meeting backup restored into a fresh server giving the same files.

use crate::common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::*;
use std::io::{Cursor, Read};

const GROUPS: [&str; 6] = ["caribe", "mesoamerica", "andina", "cono-sur", "ongs", "empresas"];

fn priority(group: &str) -> String {
    format!("Prioridad propia de {group} con acentos: gestión, energía")
}

/// Each group's coordinator writes one line, ILAC area 3 for all of them.
async fn meeting_with_work() -> (TestApp, Browser) {
    let app = app().await;
    let mut committee = committee(&app).await;
    for (i, group) in GROUPS.iter().enumerate() {
        let mut laptop = coordinator(&app, &mut committee, group).await;
        let row = add_row(&app, &mut laptop, group, if i % 2 == 0 { "politicas" } else { "cooperacion" }).await;
        let r = save_cell(&app, &mut laptop, group, &format!("m/{row}/prioridades"), 0, &priority(group), &format!("op-{group}-p")).await;
        assert!(r.body.contains("Saved"), "{}", r.body);
        let r = save_cell(&app, &mut laptop, group, &format!("m/{row}/ilac"), 0, "3", &format!("op-{group}-i")).await;
        assert!(r.body.contains("Saved"), "{}", r.body);
    }
    (app, committee)
}

pub(crate) async fn download(app: &TestApp, b: &mut Browser, path: &str, content_type: &str) -> Vec<u8> {
    let r = b.get(app, path).await;
    assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.body);
    assert!(r.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with(content_type), "{path}");
    assert!(r.headers[header::CONTENT_DISPOSITION].to_str().unwrap().starts_with("attachment"), "{path}");
    r.bytes
}

/// One file inside a downloaded XLSX or DOCX, as text.
pub(crate) fn zip_entry(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip file");
    let mut s = String::new();
    zip.by_name(name).unwrap_or_else(|_| panic!("{name} in the file")).read_to_string(&mut s).unwrap();
    s
}

#[tokio::test]
async fn every_groups_lines_are_in_the_csv_xlsx_and_docx() {
    let (app, mut committee) = meeting_with_work().await;

    let csv_bytes = download(&app, &mut committee, "/export/plan.csv", "text/csv").await;
    let mut reader = csv::Reader::from_reader(&csv_bytes[3..]);
    let headers = reader.headers().unwrap().clone();
    let at = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 6);
    for group in GROUPS {
        let line = records.iter().find(|r| r[at("Prioridades")] == priority(group)).unwrap_or_else(|| panic!("{group} in the CSV"));
        assert_eq!(&line[at("Prioridad ILAC")], "3");
        assert_eq!(&line[at("Área común")], "Sí");
    }

    use calamine::{Reader, Xlsx};
    let xlsx = download(&app, &mut committee, "/export/plan.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml").await;
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(xlsx)).unwrap();
    let names = book.sheet_names();
    for sheet in ["Plan regional", "Áreas comunes", "Caribe", "Mesoamérica", "Andina", "Cono Sur", "ONGs", "Empresas"] {
        assert!(names.iter().any(|n| n == sheet), "sheet {sheet} in {names:?}");
    }
    let cells = |book: &mut Xlsx<_>, sheet: &str| -> Vec<String> {
        book.worksheet_range(sheet).unwrap().rows().flat_map(|r| r.iter().map(|c| c.to_string()).collect::<Vec<_>>()).collect()
    };
    let plan = cells(&mut book, "Plan regional");
    for group in GROUPS {
        assert!(plan.contains(&priority(group)), "{group} in the plan sheet");
    }
    let andina = cells(&mut book, "Andina");
    assert!(andina.contains(&priority("andina")) && !andina.contains(&priority("caribe")), "a group's sheet has its own lines");
    let common = cells(&mut book, "Áreas comunes");
    assert!(common.iter().any(|c| c.starts_with("Prioridad ILAC: 3. ")), "{common:?}");
    assert!(common.contains(&"Sí".to_string()), "shared by the four subregions");

    let docx = download(&app, &mut committee, "/export/plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml").await;
    let xml = zip_entry(&docx, "word/document.xml");
    for group in GROUPS {
        assert!(xml.contains(&priority(group)), "{group} in the report");
    }
    for heading in ["Plan de Acción Regional", "Áreas comunes", "común a las cuatro subregiones", "Prioridad ILAC: 3. "] {
        assert!(xml.contains(heading), "{heading} in the report");
    }
}

/// The plan in each language of the meeting: headings, sheet names, the
/// meeting's words (groups, ILAC areas) in that language; typed text as typed.
#[tokio::test]
async fn the_plan_downloads_in_each_language_with_typed_text_untouched() {
    use calamine::{Reader, Xlsx};
    let (app, mut committee) = meeting_with_work().await;
    // (lang, CSV "Priorities" header, sheet of the plan, a group's sheet, DOCX title, ILAC area 3 heading)
    let cases = [
        ("en", "Priorities", "Regional plan", "Southern Cone", "Regional Action Plan on Sustainable", "ILAC priority: 3. "),
        ("pt", "Prioridades", "Plano regional", "Cone Sul", "Plano de Ação Regional em Consumo", "Prioridade ILAC: 3. "),
        ("fr", "Priorités", "Plan régional", "Cône Sud", "action régional sur la consommation", "Priorité ILAC: 3. "),
    ];
    for (lang, priorities, plan_sheet, group_sheet, title, ilac) in cases {
        let csv_bytes = download(&app, &mut committee, &format!("/export/plan.csv?lang={lang}"), "text/csv").await;
        let mut reader = csv::Reader::from_reader(&csv_bytes[3..]);
        let headers = reader.headers().unwrap().clone();
        let at = headers.iter().position(|h| h == priorities).unwrap_or_else(|| panic!("{lang}: {headers:?}"));
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert!(records.iter().any(|r| r[at] == priority("andina")), "{lang}: typed text as typed");

        let xlsx = download(&app, &mut committee, &format!("/export/plan.xlsx?lang={lang}"), "application/vnd.openxmlformats").await;
        let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(xlsx)).unwrap();
        let names = book.sheet_names();
        assert!(names.iter().any(|n| n == plan_sheet) && names.iter().any(|n| n == group_sheet), "{lang}: {names:?}");
        let head: Vec<String> = book.worksheet_range(plan_sheet).unwrap().rows().next().unwrap().iter().map(|c| c.to_string()).collect();
        assert!(head.iter().any(|h| h == priorities), "{lang}: {head:?}");
        assert!(!head.iter().any(|h| h == "Grupo" && lang != "pt"), "{lang}: no Spanish header: {head:?}");

        let docx = download(&app, &mut committee, &format!("/export/plan.docx?lang={lang}"), "application/vnd.openxmlformats").await;
        let xml = zip_entry(&docx, "word/document.xml");
        assert!(xml.contains(title), "{lang}: title");
        assert!(xml.contains(ilac), "{lang}: ILAC heading");
        assert!(xml.contains(&priority("caribe")), "{lang}: typed text as typed");
        assert!(!xml.contains("Plan de Acción Regional") && !xml.contains("Áreas comunes"), "{lang}: no Spanish heading");
    }
    // Spanish stays the default; a language the meeting lacks is refused, clearly.
    let r = committee.get(&app, "/export/plan.csv").await;
    assert!(r.body.contains("Prioridades") && r.body.contains("Dimensión"));
    let r = committee.get(&app, "/export/plan.csv?lang=de").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("«de» no es un idioma de esta reunión. Elija uno de: es, en, pt, fr."), "{}", r.body);
    // ... said in the reader's language.
    let asked = Request::get("/export/plan.csv?lang=de").header(header::ACCEPT_LANGUAGE, "en-JM,en;q=0.9");
    let r = committee.send(&app, asked, Body::empty()).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("\"de\" is not a language of this meeting. Choose one of: es, en, pt, fr."), "{}", r.body);
    assert_eq!(r.headers[header::CONTENT_LANGUAGE], "en");
}

#[tokio::test]
async fn typed_text_cannot_run_in_a_spreadsheet_or_break_the_report() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut laptop = coordinator(&app, &mut committee, "andina").await;
    let row = add_row(&app, &mut laptop, "andina", "politicas").await;
    let formula = "=HYPERLINK(\"http://evil.example\",\"ver\")";
    // Word's Shift+Enter pastes a vertical tab; \x01 comes with some copied text.
    let pasted = "Primera parte\u{0b}segunda parte\u{01} fin";
    for (field, text) in [("prioridades", formula), ("indicadores", pasted)] {
        let r = save_cell(&app, &mut laptop, "andina", &format!("m/{row}/{field}"), 0, text, &format!("op-export-{field}")).await;
        assert!(r.body.contains("Saved"), "{}", r.body);
    }

    let csv_bytes = download(&app, &mut committee, "/export/plan.csv", "text/csv").await;
    let mut reader = csv::Reader::from_reader(&csv_bytes[3..]);
    let at = reader.headers().unwrap().iter().position(|h| h == "Prioridades").unwrap();
    let cells: Vec<String> = reader.records().map(|r| r.unwrap()[at].to_string()).collect();
    assert!(cells.contains(&format!("'{formula}")), "{cells:?}");

    // Kept clean on the way in; text stored before that (or by hand) is cleaned on the way out.
    let stored: String = sqlx::query_scalar("SELECT text FROM cells WHERE key = ?")
        .bind(format!("m/{row}/indicadores"))
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(stored, "Primera parte\nsegunda parte fin");
    sqlx::query("UPDATE cells SET text = ? WHERE key = ?")
        .bind(format!("{stored}\u{0b}y\u{01}m\u{e1}s"))
        .bind(format!("m/{row}/indicadores"))
        .execute(&app.state.pool)
        .await
        .unwrap();
    // A hand edit is announced to nobody: the plan computed before it is
    // served until the next change of the groups' work, or a restart (here).
    app.state.views.forget();
    let docx = download(&app, &mut committee, "/export/plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml").await;
    let xml = zip_entry(&docx, "word/document.xml");
    assert!(xml.contains("ymás"), "text stored with control characters is still in the report");
    let invalid: Vec<char> = xml.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r')).collect();
    assert!(invalid.is_empty(), "characters XML does not allow: {invalid:?}");
    assert!(xml.contains("Primera parte") && xml.contains("segunda parte fin"), "the words stay");
}

#[tokio::test]
async fn only_the_committee_downloads() {
    let (app, mut committee) = meeting_with_work().await;
    let mut person = participant(&app, "Chile", "government", "cono-sur").await;
    let mut coordinator = coordinator(&app, &mut committee, "andina").await;
    for path in ["/export/plan.csv", "/export/plan.xlsx", "/export/plan.docx", "/export/meeting.json"] {
        let r = Browser::default().get(&app, path).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{path} anonymous");
        assert!(!r.body.contains("Prioridad"), "no data leaks");
        assert!(r.body.contains("Inicie sesión como Comité Organizador"), "{path}: says what to do: {}", r.body);
        let r = person.get(&app, path).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path} participant");
        assert!(r.body.contains("Solo el Comité Organizador"), "{path}: {}", r.body);
        assert_eq!(coordinator.get(&app, path).await.status, StatusCode::FORBIDDEN, "{path} coordinator");
    }
    // In the reader's language: the chosen one (cookie), else the browser's.
    let french = Request::get("/export/plan.csv").header(header::ACCEPT_LANGUAGE, "fr-HT,fr;q=0.9");
    let r = Browser::default().send(&app, french, Body::empty()).await;
    assert!(r.body.contains("Connectez-vous en tant que Comité d'organisation"), "{}", r.body);
    let portuguese = Request::get("/export/plan.xlsx").header(header::COOKIE, "i18n_pref_locale=pt");
    let r = person.send(&app, portuguese, Body::empty()).await;
    assert!(r.body.contains("Somente o Comitê Organizador"), "{}", r.body);
    let r = person.send(&app, restore_request(), Body::from("{}")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

fn restore_request() -> axum::http::request::Builder {
    Request::post("/export/restore").header(header::CONTENT_TYPE, "application/json").header(header::ORIGIN, format!("http://{HOST}"))
}

#[tokio::test]
async fn a_backup_restored_into_a_fresh_server_gives_the_same_meeting_and_exports() {
    let (old, mut committee) = meeting_with_work().await;
    let backup = download(&old, &mut committee, "/export/meeting.json", "application/json").await;
    let plan_before = download(&old, &mut committee, "/export/plan.csv", "text/csv").await;

    let new = app().await;
    let mut new_committee = common::committee(&new).await;
    let r = new_committee.send(&new, restore_request(), Body::from("not json")).await;
    assert_eq!((r.status, json(&r.body)["error"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("not_a_backup")));
    let r = new_committee.send(&new, restore_request(), Body::from(backup.clone())).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(json(&r.body)["signed_out"], false, "made under the same committee token: sign-ins restored");

    // Browser sessions came back too: the old committee browser works here.
    let again = download(&new, &mut committee, "/export/meeting.json", "application/json").await;
    let tables = |bytes: &[u8]| json(std::str::from_utf8(bytes).unwrap())["tables"].clone();
    assert_eq!(tables(&again), tables(&backup), "exact round trip");
    assert_eq!(download(&new, &mut committee, "/export/plan.csv", "text/csv").await, plan_before);

    // A database with meeting data is never overwritten.
    let r = committee.send(&new, restore_request(), Body::from(backup)).await;
    assert_eq!((r.status, json(&r.body)["error"].as_str()), (StatusCode::CONFLICT, Some("not_empty")));
}

#[tokio::test]
async fn a_partial_backup_is_refused_and_a_hand_edited_one_restores_the_work_without_its_sign_ins() {
    let (old, mut committee) = meeting_with_work().await;
    let backup = download(&old, &mut committee, "/export/meeting.json", "application/json").await;
    let plan_before = download(&old, &mut committee, "/export/plan.csv", "text/csv").await;
    let mut doc: serde_json::Value = serde_json::from_slice(&backup).unwrap();
    let new = app().await;
    let mut new_committee = common::committee(&new).await;

    // A whole table missing: refused, saying which; nothing changed.
    let mut partial = doc.clone();
    partial["tables"].as_object_mut().unwrap().remove("meeting_access");
    let english = restore_request().header(header::ACCEPT_LANGUAGE, "en");
    let r = new_committee.send(&new, english, Body::from(partial.to_string())).await;
    assert_eq!((r.status, json(&r.body)["error"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("missing_tables")), "{}", r.body);
    assert!(json(&r.body)["detail"].as_str().unwrap().contains("lacks parts of the meeting (meeting_access)"), "{}", r.body);
    common::committee(&new).await; // the committee still signs in with its link

    // A committee session added by hand, for a cookie its author holds.
    let smuggled_cookie = "smuggled-session-cookie-0123456789";
    let sessions = &mut doc["tables"]["browser_sessions"];
    let column = |name: &str| sessions["columns"].as_array().unwrap().iter().position(|c| c == name).unwrap();
    let (id, hash, role) = (column("id"), column("token_hash"), column("committee"));
    let mut row = sessions["rows"][0].clone();
    row[id] = 9_999.into();
    row[hash] = serde_json::json!({ "blob": app::secrets::hash(smuggled_cookie).iter().map(|b| format!("{b:02x}")).collect::<String>() });
    row[role] = 1.into();
    sessions["rows"].as_array_mut().unwrap().push(row);
    let french = restore_request().header(header::ACCEPT_LANGUAGE, "fr");
    let r = new_committee.send(&new, french, Body::from(doc.to_string())).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(json(&r.body)["signed_out"], true);
    assert!(json(&r.body)["detail"].as_str().unwrap().contains("ce jeton du comité"), "{}", r.body);

    let mut smuggler = Browser { cookie: Some(format!("plenaria_session={smuggled_cookie}")), ..Default::default() };
    assert_eq!(smuggler.get(&new, "/export/plan.csv").await.status, StatusCode::UNAUTHORIZED, "the smuggled cookie is nobody");
    assert_ne!(committee.get(&new, "/export/plan.csv").await.status, StatusCode::OK, "nor the old server's committee browser");
    assert_eq!(download(&new, &mut new_committee, "/export/plan.csv", "text/csv").await, plan_before, "the work is all there");
}

#[tokio::test]
async fn the_restore_form_answers_with_a_redirect_naming_the_outcome() {
    let app = app().await;
    let mut committee = common::committee(&app).await;
    let boundary = "XyZ";
    let body = format!("--{boundary}\r\nContent-Disposition: form-data; name=\"backup\"; filename=\"m.json\"\r\nContent-Type: application/json\r\n\r\n{{\"x\":1}}\r\n--{boundary}--\r\n");
    let req = Request::post("/export/restore")
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
        .header(header::ORIGIN, format!("http://{HOST}"));
    let r = committee.send(&app, req, Body::from(body)).await;
    assert!(r.status.is_redirection(), "{}", r.status);
    assert_eq!(r.headers[header::LOCATION], "/committee?restore=not_a_backup");
}
