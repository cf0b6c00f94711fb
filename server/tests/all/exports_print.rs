//! A full rehearsed meeting's Regional Action Plan as a ministry prints it:
//! six groups × 12 lines with every field filled, the session-4
//! questionnaire answered, read back for the print setup of the XLSX and the
//! DOCX. With PLENARIA_EXPORT_DIR set, the files are also written there
//! (`end2end/exports/print.sh` turns them into PDF and PNG with LibreOffice).

use crate::common;

use crate::exports::{download, zip_entry};
use axum::http::StatusCode;
use common::*;
use std::io::Cursor;

const GROUPS: [&str; 6] = ["caribe", "mesoamerica", "andina", "cono-sur", "ongs", "empresas"];
const DIMENSIONS: [&str; 3] = ["politicas", "cooperacion", "metodologias"];
const TASK_FORCES: [&str; 3] = ["compras-publicas", "turismo", "educacion"];

/// A plausible text of about `words` words, different per group and line.
fn prose(group: &str, line: usize, field: &str, words: usize) -> String {
    let vocabulary = [
        "fortalecer",
        "capacidades",
        "nacionales",
        "en",
        "producción",
        "y",
        "consumo",
        "sustentables,",
        "con",
        "indicadores",
        "de",
        "seguimiento",
        "para",
        "las",
        "políticas",
        "públicas",
        "regionales",
        "(PNUMA/CEPAL)",
        "&",
        "gobiernos",
    ];
    let mut out = format!("{field} {group} {line}:");
    for i in 0..words {
        out.push(' ');
        out.push_str(vocabulary[(i * 7 + line * 3 + group.len()) % vocabulary.len()]);
    }
    out
}

async fn save(app: &TestApp, b: &mut Browser, group: &str, key: &str, text: &str, op: &str) {
    let r = save_cell(app, b, group, key, 0, text, op).await;
    assert!(r.body.contains("Saved"), "{group} {key}: {} {}", r.status, r.body);
}

pub async fn rehearsed_meeting() -> (TestApp, Browser) {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut laptops = Vec::new();
    for group in GROUPS {
        let mut laptop = coordinator(&app, &mut committee, group).await;
        let mut rows = Vec::new();
        for (i, dimension) in DIMENSIONS.iter().cycle().take(12).enumerate() {
            let row = add_row(&app, &mut laptop, group, dimension).await;
            let ilac = ((i % 8) + 1).to_string();
            save(&app, &mut laptop, group, &format!("m/{row}/ilac"), &ilac, &format!("op-{group}-{row}-i")).await;
            for (field, words) in [("prioridades", 18), ("resultados_corto", 14), ("resultados_largo", 14), ("indicadores", 10)] {
                save(
                    &app,
                    &mut laptop,
                    group,
                    &format!("m/{row}/{field}"),
                    &prose(group, i, field, words),
                    &format!("op-{group}-{row}-{field}"),
                )
                .await;
            }
            save(&app, &mut laptop, group, &format!("m/{row}/task_forces"), TASK_FORCES[i % 3], &format!("op-{group}-{row}-tf")).await;
            rows.push((row, i));
        }
        laptops.push((group, laptop, rows));
    }
    committee.call(&app, "/api/fn/clock_select_block", "block=sesion-3").await;
    for (group, laptop, rows) in &mut laptops {
        for (row, i) in rows.iter() {
            for (field, words) in
                [("actividades", 20), ("responsables", 8), ("recursos_economicos", 8), ("recursos_tecnicos", 8), ("actores", 10)]
            {
                save(
                    &app,
                    laptop,
                    group,
                    &format!("m/{row}/{field}"),
                    &prose(group, *i, field, words),
                    &format!("op-{group}-{row}-{field}"),
                )
                .await;
            }
            save(&app, laptop, group, &format!("m/{row}/responsables_tipo"), "gobiernos,subregional", &format!("op-{group}-{row}-rt"))
                .await;
        }
        let r = laptop.call(&app, "/api/fn/deliver_group_work", &format!("group={group}&session=3")).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    }
    committee.call(&app, "/api/fn/clock_select_block", "block=sesion-4").await;
    for m in 1..=4 {
        let group = format!("mixto-{m}");
        let mut laptop = coordinator(&app, &mut committee, &group).await;
        for q in 1..=8 {
            save(&app, &mut laptop, &group, &format!("q/4.4/{q}"), &prose(&group, q, "respuesta", 25), &format!("op-{group}-q{q}")).await;
        }
        save(&app, &mut laptop, &group, "q/4.4/9/choice", "a,b", &format!("op-{group}-q9")).await;
        for programme in ["a", "b"] {
            for aspect in ["a", "b", "c", "d", "e"] {
                let key = format!("q/4.4/9/{programme}/{aspect}");
                save(&app, &mut laptop, &group, &key, &prose(&group, 9, aspect, 8), &format!("op-{group}-q9{programme}{aspect}")).await;
            }
        }
    }
    (app, committee)
}

fn keep(name: &str, bytes: &[u8]) {
    if let Ok(dir) = std::env::var("PLENARIA_EXPORT_DIR") {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(std::path::Path::new(&dir).join(name), bytes).unwrap();
    }
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml";
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

#[tokio::test]
async fn the_plan_prints_as_a_ministry_expects_in_the_spreadsheet_and_the_document() {
    let (app, mut committee) = rehearsed_meeting().await;
    let xlsx = download(&app, &mut committee, "/export/plan.xlsx?lang=es", XLSX).await;
    let docx = download(&app, &mut committee, "/export/plan.docx?lang=es", DOCX).await;
    keep("plan-sheets-es.xlsx", &xlsx);
    keep("plan-es.docx", &docx);
    keep("plan-en.docx", &download(&app, &mut committee, "/export/plan.docx?lang=en", DOCX).await);

    // XLSX: every sheet A4 landscape, one page wide, filtered, frozen, and
    // every row as tall as its wrapped text.
    let book = zip::ZipArchive::new(Cursor::new(&xlsx[..])).expect("a zip file");
    let sheets: Vec<String> = book.file_names().filter(|n| n.starts_with("xl/worksheets/sheet")).map(str::to_string).collect();
    assert_eq!(sheets.len(), 2 + 6 + 1, "plan, common areas, six groups, session 4: {sheets:?}");
    for name in &sheets {
        let xml = zip_entry(&xlsx, name);
        for needle in [
            r#"<pageSetUpPr fitToPage="1"/>"#,
            r#"paperSize="9""#,
            r#"orientation="landscape""#,
            r#"fitToHeight="0""#,
            "<autoFilter ",
            r#"state="frozen""#,
            r#"ySplit="1""#,
        ] {
            assert!(xml.contains(needle), "{name} lacks {needle}");
        }
        let rows = xml.matches("<row ").count();
        assert!(rows >= 2, "{name}: {rows} rows");
        assert_eq!(xml.matches(r#"customHeight="1""#).count(), rows, "{name}: every row has its height");
        assert!(xml.contains("<oddFooter>&amp;L"), "{name}: a footer with the meeting's title and the page");
    }
    let workbook = zip_entry(&xlsx, "xl/workbook.xml");
    assert_eq!(workbook.matches("_xlnm.Print_Titles").count(), sheets.len(), "the header row repeats on every printed page");
    assert_eq!(workbook.matches("_xlnm.Print_Area").count(), sheets.len());
    assert!(zip_entry(&xlsx, "docProps/core.xml").contains("<dc:title>Plan de Acción Regional"));

    // DOCX: landscape A4, a contents field, page numbers, repeating table
    // headers, 9 pt or more in tables, no doubled punctuation.
    let xml = zip_entry(&docx, "word/document.xml");
    assert!(xml.contains(r#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape" />"#), "A4 landscape");
    assert!(xml.contains("TOC \\o &quot;1-2&quot;") || xml.contains(r#"TOC \o "1-2""#), "a table of contents field");
    let tables: Vec<&str> = xml.split("<w:tbl>").skip(1).collect();
    assert!(tables.len() >= 3 * 8 / 2, "a table per dimension and area: {}", tables.len());
    for table in &tables {
        let first_row = &table[..table.find("</w:tr>").unwrap()];
        assert!(first_row.contains("<w:tblHeader />"), "every table's header row repeats");
    }
    let sizes: Vec<u32> =
        tables.iter().flat_map(|t| t.split(r#"<w:sz w:val=""#).skip(1)).map(|s| s[..s.find('"').unwrap()].parse().unwrap()).collect();
    assert!(!sizes.is_empty() && sizes.iter().all(|s| *s >= 18), "table text at 9 pt or more: {sizes:?}");
    let parts = zip::ZipArchive::new(Cursor::new(&docx[..])).expect("a zip file");
    let footer = parts.file_names().find(|n| n.starts_with("word/footer")).map(str::to_string).expect("a footer");
    assert!(zip_entry(&docx, &footer).contains("PAGE"), "page numbers in the footer");
    let text: String = xml.split("<w:t").skip(1).filter_map(|t| Some(&t[t.find('>')? + 1..t.find("</w:t>")?])).collect::<Vec<_>>().join("");
    for doubled in ["::", ";:", "?:"] {
        assert!(!text.contains(doubled), "no {doubled} in the document");
    }
    for group in GROUPS {
        assert!(text.contains(&prose(group, 11, "prioridades", 18).replace('&', "&amp;")), "{group}'s last line, as typed");
    }
    assert!(text.contains("Actores clave: "), "the questionnaire's labels, once punctuated");
    let english = download(&app, &mut committee, "/export/plan.docx?lang=en", DOCX).await;
    assert!(zip_entry(&english, "word/document.xml").contains("Key actors: "), "the questionnaire in the reader's language");
}
