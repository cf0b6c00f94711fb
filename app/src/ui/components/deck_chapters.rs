//! The chapters of the projector's deck (see `deck`): the groups' matrices
//! side by side or one group or one column at a time, the common areas, and a
//! questionnaire's answers.

use super::*;

pub(super) fn matrices(
    i18n: I18nContext,
    lang: &'static str,
    view: &PlenaryView,
    reference: &MatrixReference,
    show: &Show,
) -> Vec<Chapter> {
    let work = &view.work;
    let columns = work.session.as_ref().map(|s| s.matrix_columns.clone()).unwrap_or_default();
    let in_common = lines_in_common(&view.common);
    let matrix = &reference.template.matrix;
    let columns =
        if columns.is_empty() { reference.template.session_columns.first().map(|s| s.2.clone()).unwrap_or_default() } else { columns };
    let (groups, fields, flow, priority, view_name): (Vec<&PlenaryGroup>, Vec<FieldId>, usize, Type, String) = match show {
        Show::Focus(g) => {
            let group = work.groups.iter().filter(|x| x.group.id == *g).collect::<Vec<_>>();
            let name = group.first().map(|g| g.group.label.get(lang).to_string()).unwrap_or_default();
            (group, focus_fields(matrix, &shown_fields(matrix, &columns)), 3, Type::Strong, name)
        }
        Show::Compare(c) => {
            let title =
                reference.template.matrix.columns.iter().find(|x| x.id == *c).map(|x| x.title.get(lang).to_string()).unwrap_or_default();
            (work.groups.iter().collect(), shown_fields(matrix, std::slice::from_ref(c)), 0, Type::Label, title)
        }
        _ => (
            work.groups.iter().collect(),
            overview_fields(matrix, &columns),
            0,
            Type::Strong,
            t_string!(i18n, projector_all_groups).to_string(),
        ),
    };
    let title_of = |f: &FieldId| matrix.label(f, lang);
    let single = fields.len() == 1 && matches!(show, Show::Compare(_));
    let chapters: Vec<Chapter> = reference
        .template
        .dimensions
        .iter()
        .map(|d| {
            let streams: Vec<Vec<Draft>> = groups
                .iter()
                .map(|g| {
                    rows_of(&g.rows, &d.id)
                        .into_iter()
                        .map(|row| {
                            let mut paras = vec![(priority, String::new(), or_dash(row.text(&matrix.heading)))];
                            for f in &fields {
                                let text = field_text(lang, row, f, matrix);
                                let label = if single { String::new() } else { title_of(f) };
                                if !text.is_empty() || single {
                                    paras.push((Type::Content, label, or_dash(&text)));
                                }
                            }
                            let highlight =
                                matches!(show, Show::Groups) && in_common.iter().any(|l| l.group == g.group.id && l.row == row.id);
                            Draft { highlight, paras }
                        })
                        .collect()
                })
                .collect();
            let heads = if flow > 0 { vec![None] } else { groups.iter().map(|g| head(g, lang)).collect() };
            let title = format!("{}. {} · {view_name}", d.number, d.title.get(lang));
            Chapter {
                title,
                lead: None,
                heads,
                streams: if flow > 0 { vec![streams.into_iter().flatten().collect()] } else { streams },
                flow,
            }
        })
        .collect();
    // Dimensions no group has written in yet are skipped (all empty: the first one).
    let written: Vec<Chapter> = chapters.iter().filter(|c| c.streams.iter().any(|s| !s.is_empty())).cloned().collect();
    if written.is_empty() {
        chapters.into_iter().take(1).collect()
    } else {
        written
    }
}

/// The fields shown under each line's heading: those of `columns` (the
/// session's, or the first matrix session's when none is in progress).
fn shown_fields(matrix: &MatrixTemplate, columns: &[String]) -> Vec<FieldId> {
    let of = |c: &String| matrix.columns.iter().find(|x| x.id == *c).map(|x| x.fields.clone()).unwrap_or_default();
    columns.iter().flat_map(of).map(|f| f.id).filter(|f| *f != matrix.heading).collect()
}

/// Every group side by side: each line's heading with what the session
/// adds in short (its choices), or, in a session that builds on headings
/// set before, its first text field. A column's full text is in the compare
/// view, a group's in focus.
fn overview_fields(matrix: &MatrixTemplate, columns: &[String]) -> Vec<FieldId> {
    let fields = shown_fields(matrix, columns);
    let kind = |f: &FieldId| matrix.field(f).map(|d| d.kind);
    let mut shown: Vec<FieldId> = fields.iter().filter(|f| kind(f) == Some(FieldKind::Choice)).cloned().collect();
    let fills_heading = matrix.column_of(&matrix.heading).is_some_and(|c| columns.contains(&c.id));
    if !fills_heading {
        shown.extend(fields.iter().find(|f| kind(f) == Some(FieldKind::Text)).cloned());
    }
    shown
}

/// In focus, every field of the line, the session's own first.
fn focus_fields(matrix: &MatrixTemplate, shown: &[FieldId]) -> Vec<FieldId> {
    let mut all: Vec<FieldId> = matrix.fields().map(|f| f.id.clone()).filter(|f| *f != matrix.heading).collect();
    all.sort_by_key(|f| !shown.contains(f));
    all
}

fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_string()
    } else {
        text.to_string()
    }
}

/// A field as read from the back of the room: choices by full name.
fn field_text(lang: &str, row: &MatrixRow, f: &FieldId, matrix: &MatrixTemplate) -> String {
    match matrix.field(f) {
        Some(def) if def.kind == FieldKind::Choice => {
            choices(row.text(f)).iter().filter_map(|id| def.option_name(id, lang)).collect::<Vec<_>>().join("; ")
        }
        _ => row.text(f).to_string(),
    }
}

pub(super) fn common(i18n: I18nContext, lang: &'static str, view: &PlenaryView, reference: &MatrixReference) -> Chapter {
    let groups = &view.work.groups;
    let name = |g: &str| groups.iter().find(|x| x.group.id == g).map(|x| x.group.name.get(lang).to_string()).unwrap_or_default();
    let line = |g: &str, r: i64| groups.iter().find(|x| x.group.id == g).and_then(|x| x.rows.iter().find(|row| row.id == r).cloned());
    let origin = |id: &str| {
        crate::i18n::origin_label(
            crate::i18n::locale_of(lang).unwrap_or(Locale::es),
            id,
            &reference.references,
            &reference.template.matrix.rows,
        )
    };
    let list = items(i18n, lang, &view.common, &reference.template.matrix, origin, name, line);
    let mut drafts: Vec<Draft> = list
        .into_iter()
        .map(|item| {
            let mut paras = vec![(Type::Strong, String::new(), item.label)];
            if !item.relation.is_empty() {
                paras.push((Type::Label, String::new(), item.relation));
            }
            paras.push((Type::Label, String::new(), item.groups.join(" · ")));
            paras.extend(item.lines.into_iter().map(|(group, text)| (Type::Content, group, or_dash(&text))));
            Draft { highlight: item.highlighted, paras }
        })
        .collect();
    if drafts.is_empty() {
        drafts.push(Draft { highlight: false, paras: vec![(Type::Content, String::new(), t_string!(i18n, common_none).to_string())] });
    }
    Chapter { title: t_string!(i18n, common_heading).to_string(), lead: None, heads: vec![None], streams: vec![drafts], flow: 2 }
}

/// Session 4: a page (or more) per question, each group's answer side by side.
pub(super) fn questionnaire_groups(lang: &'static str, guide: &Guide, groups: &[PlenaryGroup]) -> Vec<Chapter> {
    guide
        .questions
        .iter()
        .map(|q| {
            let streams = groups.iter().map(|g| answer_drafts(lang, guide, &q.id, g, false)).collect();
            Chapter {
                title: guide.title.get(lang).to_string(),
                lead: Some(format!("{} {}", q.label, q.text.get(lang))),
                heads: groups.iter().map(|g| head(g, lang)).collect(),
                streams,
                flow: 0,
            }
        })
        .collect()
}

/// Session 4, one group presenting: its answers question by question.
pub(super) fn questionnaire_focus(lang: &'static str, guide: &Guide, group: &PlenaryGroup) -> Vec<Chapter> {
    let drafts = guide.questions.iter().flat_map(|q| answer_drafts(lang, guide, &q.id, group, true)).collect();
    vec![Chapter { title: group.group.label.get(lang).to_string(), lead: None, heads: vec![None], streams: vec![drafts], flow: 2 }]
}

fn answer_drafts(lang: &str, guide: &Guide, question: &str, g: &PlenaryGroup, with_question: bool) -> Vec<Draft> {
    let Some(q) = guide.questions.iter().find(|q| q.id == question) else { return Vec::new() };
    let text = |item: &str| g.answers.get(item).map(|c| c.text.clone()).unwrap_or_default();
    let base = format!("{}/{}", guide.id, q.id);
    let mut paras = Vec::new();
    if with_question {
        paras.push((Type::Label, String::new(), format!("{} {}", q.label, q.text.get(lang))));
    }
    paras.push((Type::Content, String::new(), or_dash(&text(&base))));
    if let Some((c, _)) = choice_parts(q) {
        let picked = text(&format!("{base}/choice"));
        let chosen = choices(&picked);
        paras.extend(
            c.items
                .iter()
                .filter(|i| chosen.contains(&i.id.as_str()))
                .map(|i| (Type::Content, String::new(), format!("{} {}", i.label, i.text.get(lang)))),
        );
    }
    vec![Draft { highlight: false, paras }]
}
