use super::*;
use proptest::prelude::*;

fn content(text: &str) -> Para<'_> {
    Para { text, ty: Type::Content, bold: 0 }
}

/// The estimated height a column's pieces take (as `fill` counts it).
fn column_height(items: &[Vec<Para<'_>>], column: &[Piece], width: f32) -> f32 {
    let mut h = 0.0;
    let mut last_item = None;
    for piece in column {
        if last_item != Some(piece.item) {
            h += ITEM_EXTRA;
            last_item = Some(piece.item);
        }
        let p = items[piece.item][piece.para];
        h += height(&p.text[piece.bytes.clone()], width, p.ty) + PARA_GAP;
    }
    h
}

/// A paragraph's letters as the pieces show them, in order (a word wider
/// than a line may be broken between pieces).
fn shown_letters(items: &[Vec<Para<'_>>], pages: &[Vec<Vec<Piece>>], item: usize, para: usize) -> String {
    let text = items[item][para].text;
    pages
        .iter()
        .flatten()
        .flatten()
        .filter(|p| p.item == item && p.para == para)
        .flat_map(|p| text[p.bytes.clone()].chars())
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[test]
fn a_short_text_is_one_line_and_a_long_one_wraps_at_spaces() {
    assert_eq!(wrap("Compras públicas", 300.0, Type::Content), vec![0..17]);
    let text = "Fortalecer los marcos institucionales nacionales para el consumo sostenible";
    let lines = wrap(text, 268.0, Type::Content);
    assert!(lines.len() >= 4, "{lines:?}");
    for l in &lines {
        assert!(width_of(&text[l.clone()], Type::Content) <= 268.0);
        assert!(!text[l.clone()].starts_with(' ') && !text[l.clone()].ends_with(' '));
    }
}

#[test]
fn a_newline_starts_a_line_and_a_word_wider_than_the_box_breaks() {
    assert_eq!(wrap("uno\ndos", 268.0, Type::Content), vec![0..3, 4..7]);
    let url = "https://example.org/".repeat(5);
    let lines = wrap(&url, 268.0, Type::Content);
    assert!(lines.len() >= 5, "{lines:?}");
    assert_eq!(lines.iter().map(|l| &url[l.clone()]).collect::<String>(), url);
    assert!(lines.iter().all(|l| width_of(&url[l.clone()], Type::Content) <= 268.0));
}

#[test]
fn capitals_and_bold_take_more_room_than_plain_lower_case() {
    // Acronyms (CEPAL, PNUMA, ONUDI) are common here: an average character
    // width undercounted them and a page overflowed in the browser.
    let lower = "cepal pnuma onudi unesco ".repeat(6);
    let upper = lower.to_uppercase();
    assert!(width_of(&upper, Type::Content) > width_of(&lower, Type::Content) * 1.1);
    assert!(wrap(&upper, 268.0, Type::Content).len() >= wrap(&lower, 268.0, Type::Content).len());
    assert!(wrap(&lower, 268.0, Type::Strong).len() >= wrap(&lower, 268.0, Type::Content).len());
    assert!(width_of("mmmm", Type::Content) > width_of("iiii", Type::Content) * 3.0);
    // A bold label before a text ("Indicadores: …") is wider than plain text.
    let label = "Indicadores de resultados: ".repeat(3);
    let plain = wrap_para(&Para { text: &label, ty: Type::Content, bold: 0 }, 268.0);
    let bold = wrap_para(&Para { text: &label, ty: Type::Content, bold: label.len() }, 268.0);
    assert!(bold.len() >= plain.len());
    assert!(bold.iter().all(|l| width_of(&label[l.clone()], Type::Strong) <= 268.0 || l.len() < 30));
}

#[test]
fn items_that_fit_move_whole_to_the_next_column() {
    let text = "palabra ".repeat(40);
    let items: Vec<Vec<Para>> = (0..5).map(|_| vec![content(&text)]).collect();
    let columns = fill(&items, 268.0, 836.0);
    assert!(columns.len() > 1);
    for c in &columns {
        for p in c {
            assert_eq!(p.bytes, 0..text.len(), "never split: {c:?}");
        }
        assert!(column_height(&items, c, 268.0) <= 836.0);
    }
}

#[test]
fn a_tall_item_never_leaves_its_heading_alone_at_a_column_s_foot() {
    // Twenty lines leave room at the foot for the heading and nothing more.
    let short = vec!["x"; 20].join("\n");
    let lines: Vec<String> = (0..30).map(|i| format!("línea {i} de un área común compartida por varios grupos")).collect();
    let mut area = vec![Para { text: "Área ILAC 2. Recursos hídricos", ty: Type::Strong, bold: 0 }];
    area.extend(lines.iter().map(|l| content(l)));
    let items = vec![vec![content(&short)], area];
    let columns = fill(&items, 898.0, 836.0);
    for c in &columns {
        let of_area: Vec<&Piece> = c.iter().filter(|p| p.item == items.len() - 1).collect();
        assert!(of_area.len() != 1 || of_area[0].para != 0, "the heading alone: {c:?}");
    }
}

#[test]
fn nothing_is_a_page_with_one_empty_column() {
    assert_eq!(fill(&[], 268.0, 836.0), vec![Vec::<Piece>::new()]);
    assert_eq!(side_by_side(&[vec![], vec![]], 268.0, 836.0).len(), 1);
}

#[test]
fn streams_side_by_side_page_together_and_flowing_fills_columns_in_order() {
    let long = "texto largo ".repeat(120);
    let short = "breve";
    let pages = side_by_side(&[vec![vec![content(&long)]], vec![vec![content(short)]]], 268.0, 836.0);
    assert!(pages.len() >= 2);
    assert_eq!(pages[0][1].len(), 1);
    assert!(pages[1][1].is_empty(), "the short stream ran out");
    let items: Vec<Vec<Para>> = (0..30).map(|_| vec![content("una línea de la matriz con su prioridad")]).collect();
    let flowing = flowing(&items, 3, 583.0, 836.0);
    let order: Vec<usize> = flowing.iter().flatten().flatten().map(|p| p.item).collect();
    assert_eq!(order, (0..30).collect::<Vec<_>>());
}

proptest! {
    #[test]
    fn every_letter_is_shown_once_in_order_and_no_column_overflows(
        texts in prop::collection::vec(prop::collection::vec("[a-záéíóñ]{1,30}( [a-záéíóñ]{1,14}){0,80}", 1..4), 0..14),
        width in 150.0f32..900.0,
        height in 120.0f32..900.0,
    ) {
        let items: Vec<Vec<Para>> = texts.iter().map(|paras| paras.iter().enumerate()
            .map(|(i, t)| Para { text: t, ty: if i == 0 { Type::Strong } else { Type::Content }, bold: if i == 1 { t.len().min(12) } else { 0 } }).collect()).collect();
        let pages = flowing(&items, 2, width, height);
        for (item, paras) in items.iter().enumerate() {
            for (para, p) in paras.iter().enumerate() {
                let expected: String = p.text.chars().filter(|c| !c.is_whitespace()).collect();
                prop_assert_eq!(shown_letters(&items, &pages, item, para), expected);
            }
        }
        for column in pages.iter().flatten() {
            let one_line = column.len() == 1 && column_height(&items, column, width) <= ITEM_EXTRA + 36.0 + PARA_GAP;
            prop_assert!(one_line || column_height(&items, column, width) <= height + 0.01, "{:?}", column);
        }
    }

    #[test]
    fn lines_never_exceed_the_box(text in "[a-zA-ZÁÉÑáéñ0-9]{1,40}( [a-zA-Zá0-9.,]{1,40}){0,60}", width in 40.0f32..900.0) {
        for l in wrap(&text, width, Type::Content) {
            let line = &text[l];
            // A single character wider than the box is alone on its line.
            prop_assert!(width_of(line, Type::Content) <= width || line.chars().count() == 1, "{line:?}");
        }
    }
}
