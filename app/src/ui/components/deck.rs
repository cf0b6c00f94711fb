//! The projector's slides: what each view (all groups, one group presenting,
//! one column compared, the common areas) shows, cut into pages that fit a
//! 1920×1080 screen at projector type sizes. The projector draws them and
//! the committee's remote counts them, from the same data and this code.

use super::common_areas::items;
use crate::api::matrix::MatrixReference;
use crate::api::plenary::{PlenaryGroup, PlenaryView};
use crate::domain::common_areas::lines_in_common;
use crate::domain::matrix::MatrixTemplate;
use crate::domain::matrix_fields::{choices, FieldId, FieldKind};
use crate::domain::matrix_rules::{rows_of, MatrixRow};
use crate::domain::projector::Show;
use crate::domain::question::Guide;
use crate::domain::questionnaire::choice_parts;
use crate::domain::slides::{flowing, height, side_by_side, Para, Piece, Type};
use crate::i18n::*;

#[path = "deck_chapters.rs"]
mod chapters;
use chapters::{common, matrices, questionnaire_focus, questionnaire_groups};

// The stage's geometry in design pixels; style/main.css `.stage` matches.
/// 1920 less the stage's padding.
const CONTENT_W: f32 = 1872.0;
/// 1080 less padding (2 × 24), the top bar (120), the foot (44) and their gaps (2 × 16).
const CONTENT_H: f32 = 836.0;
const GAP: f32 = 16.0;
/// A group column's heading: its name and whether it delivered.
const COLUMN_HEAD: f32 = 78.0;
/// An item's left border and side padding.
const ITEM_SIDE: f32 = 30.0;
/// Below a lead (the question every column answers).
const LEAD_GAP: f32 = 16.0;

/// One paragraph as shown: a bold label before its text, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownPara {
    pub ty: Type,
    pub label: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SlideItem {
    pub highlight: bool,
    /// Continued from the previous page (a text taller than a column).
    pub continued: bool,
    pub paras: Vec<ShownPara>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ColumnHead {
    pub id: String,
    pub name: String,
    /// Its full name, for screen readers and tests.
    pub label: String,
    pub delivered: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SlideColumn {
    pub head: Option<ColumnHead>,
    pub items: Vec<SlideItem>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Slide {
    pub title: String,
    pub lead: Option<String>,
    pub columns: Vec<SlideColumn>,
    /// Columns across the screen (a last page may fill fewer).
    pub grid: usize,
}

/// An item before paging: paragraphs as (type, label, text); the paginator
/// counts label and text together.
#[derive(Clone)]
struct Draft {
    highlight: bool,
    paras: Vec<(Type, String, String)>,
}

/// A chapter: a title, maybe a lead, and either one stream per group side
/// by side or one stream flowing through `flow` columns.
#[derive(Clone)]
struct Chapter {
    title: String,
    lead: Option<String>,
    heads: Vec<Option<ColumnHead>>,
    streams: Vec<Vec<Draft>>,
    flow: usize,
}

/// Every page of what the projector shows; at least one.
pub fn deck(i18n: I18nContext, lang: &'static str, view: &PlenaryView, reference: &MatrixReference, show: &Show) -> Vec<Slide> {
    let work = &view.work;
    let chapters = match (&work.questionnaire, show) {
        (_, Show::Clock | Show::Join) => Vec::new(),
        (Some(guide), Show::Focus(g)) => {
            work.groups.iter().find(|x| x.group.id == *g).map(|g| questionnaire_focus(lang, guide, g)).unwrap_or_default()
        }
        (Some(guide), _) => questionnaire_groups(lang, guide, &work.groups),
        (None, Show::Common) => vec![common(i18n, lang, view, reference)],
        (None, _) => matrices(i18n, lang, view, reference, show),
    };
    let mut slides: Vec<Slide> = chapters.iter().flat_map(page).collect();
    if slides.is_empty() {
        let title = match show {
            Show::Clock => t_string!(i18n, clock_heading).to_string(),
            Show::Join => t_string!(i18n, join_slide_title).to_string(),
            _ => String::new(),
        };
        slides.push(Slide { title, lead: None, columns: Vec::new(), grid: 1 });
    }
    slides
}

fn page(c: &Chapter) -> Vec<Slide> {
    let grid = if c.flow > 0 { c.flow } else { c.streams.len().max(1) };
    let n = grid as f32;
    let width = (CONTENT_W - (n - 1.0) * GAP) / n - ITEM_SIDE;
    let lead = c.lead.as_ref().map_or(0.0, |l| height(l, CONTENT_W, Type::Strong) + LEAD_GAP);
    let head = if c.heads.iter().any(Option::is_some) { COLUMN_HEAD } else { 0.0 };
    // Each paragraph as the paginator counts it: the label, bold, then the text.
    let as_paras = |s: &Vec<Draft>| -> Vec<Vec<(String, Type, usize)>> {
        let bold = |label: &str| if label.is_empty() { 0 } else { label.len() + 2 };
        s.iter().map(|d| d.paras.iter().map(|(ty, label, text)| (joined(label, text), *ty, bold(label))).collect()).collect()
    };
    // A group with nothing here yet shows a dash on the chapter's first page.
    let dash = || vec![Draft { highlight: false, paras: vec![(Type::Content, String::new(), "—".to_string())] }];
    let streams: Vec<Vec<Draft>> = c.streams.iter().map(|s| if s.is_empty() { dash() } else { s.clone() }).collect();
    let joined_streams: Vec<Vec<Vec<(String, Type, usize)>>> = streams.iter().map(as_paras).collect();
    let borrowed: Vec<Vec<Vec<Para>>> = joined_streams
        .iter()
        .map(|s| s.iter().map(|d| d.iter().map(|(text, ty, bold)| Para { text, ty: *ty, bold: *bold }).collect()).collect())
        .collect();
    let pages = if c.flow > 0 {
        flowing(borrowed.first().map_or(&[][..], Vec::as_slice), c.flow, width, CONTENT_H - lead - head)
    } else {
        side_by_side(&borrowed, width, CONTENT_H - lead - head)
    };
    pages
        .into_iter()
        .map(|columns| Slide {
            title: c.title.clone(),
            lead: c.lead.clone(),
            grid,
            columns: columns
                .iter()
                .enumerate()
                .map(|(i, pieces)| {
                    let stream = if c.flow > 0 { 0 } else { i };
                    SlideColumn { head: c.heads.get(stream).cloned().flatten(), items: shown(&streams[stream], pieces) }
                })
                .collect(),
        })
        .collect()
}

fn joined(label: &str, text: &str) -> String {
    if label.is_empty() {
        text.to_string()
    } else {
        format!("{label}: {text}")
    }
}

/// The pieces of one column, as items with their paragraphs' shown parts.
fn shown(drafts: &[Draft], pieces: &[Piece]) -> Vec<SlideItem> {
    let mut out: Vec<(usize, SlideItem)> = Vec::new();
    for p in pieces {
        let d = &drafts[p.item];
        let (ty, label, text) = &d.paras[p.para];
        let whole = joined(label, text);
        let label_end = if label.is_empty() { 0 } else { label.len() + 2 };
        // The label stays bold only where the piece still holds it.
        let (shown_label, shown_text) = if p.bytes.start < label_end {
            (label.clone(), whole[label_end.min(p.bytes.end)..p.bytes.end].to_string())
        } else {
            (String::new(), whole[p.bytes.clone()].to_string())
        };
        let para = ShownPara { ty: *ty, label: shown_label, text: shown_text };
        match out.last_mut() {
            Some((item, shown)) if *item == p.item => shown.paras.push(para),
            _ => out.push((p.item, SlideItem { highlight: d.highlight, continued: p.para > 0 || p.bytes.start > 0, paras: vec![para] })),
        }
    }
    out.into_iter().map(|(_, i)| i).collect()
}

fn head(g: &PlenaryGroup, lang: &str) -> Option<ColumnHead> {
    Some(ColumnHead {
        id: g.group.id.clone(),
        name: g.group.name.get(lang).to_string(),
        label: g.group.label.get(lang).to_string(),
        delivered: g.delivered,
    })
}
