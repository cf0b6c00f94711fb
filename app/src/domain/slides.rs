//! Paging the projector. What fits on one slide is estimated from the text
//! itself, not measured in a browser, so the committee's remote and the
//! projector (two browsers, maybe in two languages) agree on "page 2 of 3"
//! and every line is reachable by paging, never cut and never scrolled.
//!
//! Sizes are design pixels of a 1920×1080 screen; the projector's CSS scales
//! them with the screen (`--u` in style/main.css), so a 720p or 4K projector
//! pages the same. Character widths are those of a wide sans-serif (DejaVu
//! Sans, measured in Chromium, letter by letter: capitals and acronyms are
//! far wider than an average), so a narrower projector font only leaves room.

use std::ops::Range;

/// How a paragraph is set on a slide (style/main.css `.slide-*` matches).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    /// A group's text: 28 px.
    Content,
    /// The line's main text (its priority): 28 px, semibold.
    Strong,
    /// What a paragraph is (a column's name, an area): 24 px, semibold.
    Label,
}

impl Type {
    /// (font size, weight factor, line height) in design pixels.
    fn font(self) -> (f32, f32, f32) {
        // Semibold renders with the bold face: 12 % wider (measured).
        match self {
            Type::Content => (28.0, 1.0, 36.0),
            Type::Strong => (28.0, BOLD, 36.0),
            Type::Label => (24.0, BOLD, 30.0),
        }
    }

    fn line_height(self) -> f32 {
        self.font().2
    }

    /// A character's advance in design pixels, with a little to spare.
    fn advance(self, c: char) -> f32 {
        let (size, weight, _) = self.font();
        em(c) * size * weight * SPARE
    }
}

const BOLD: f32 = 1.13;
/// Room for rounding and for fonts a little wider than the one measured.
const SPARE: f32 = 1.03;

/// Advance widths in em of DejaVu Sans (the widest common sans-serif, and
/// the one of the test machines), measured in Chromium; accented letters
/// as their base letter; anything unknown as wide.
fn em(c: char) -> f32 {
    match fold(c) {
        'i' | 'j' | 'l' | '\'' => 0.28,
        'I' | 'J' => 0.30,
        ' ' | '.' | ',' | ':' | ';' | '/' | 'f' => 0.35,
        '-' | '(' | ')' | '[' | ']' | '!' | '¡' | 't' => 0.40,
        'r' => 0.41,
        '"' | '–' | '?' | '¿' => 0.53,
        'c' | 's' | 'z' => 0.55,
        'L' | 'F' => 0.58,
        'k' | 'v' | 'x' | 'y' => 0.60,
        'a' | 'o' | 'e' | 'P' | 'T' | 'Y' | '«' | '»' => 0.62,
        'b' | 'd' | 'g' | 'h' | 'n' | 'p' | 'q' | 'u' | 'E' | 'S' => 0.64,
        '0'..='9' => 0.64,
        'K' | 'V' | 'B' | 'R' | 'X' | 'Z' => 0.70,
        'A' | 'C' => 0.71,
        'U' => 0.74,
        'H' | 'N' | 'D' | 'G' => 0.78,
        'O' | 'Q' | '&' => 0.79,
        'w' => 0.82,
        '+' | '=' | '#' | '<' | '>' | 'M' => 0.86,
        '%' | 'm' => 0.98,
        'W' | '—' | '@' => 1.0,
        c if c.is_alphanumeric() && (c as u32) < 0x2E80 => 0.75,
        _ => 1.0,
    }
}

/// The base letter of the accented letters of the meeting's languages.
fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ã' | 'ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'õ' | 'ö' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        'Á' | 'À' | 'Â' | 'Ã' | 'Ä' => 'A',
        'É' | 'È' | 'Ê' | 'Ë' => 'E',
        'Í' | 'Ì' | 'Î' | 'Ï' => 'I',
        'Ó' | 'Ò' | 'Ô' | 'Õ' | 'Ö' => 'O',
        'Ú' | 'Ù' | 'Û' | 'Ü' => 'U',
        'Ñ' => 'N',
        'Ç' => 'C',
        '\u{a0}' | '\u{202f}' | '\t' => ' ',
        other => other,
    }
}

/// The estimated width of `text` set as `ty`, in design pixels.
pub fn width_of(text: &str, ty: Type) -> f32 {
    text.chars().map(|c| ty.advance(c)).sum()
}

/// Below each paragraph.
pub const PARA_GAP: f32 = 4.0;
/// Each item's padding and the space below it (`.slide-item`).
pub const ITEM_EXTRA: f32 = 24.0;

/// One paragraph of an item.
#[derive(Clone, Copy, Debug)]
pub struct Para<'a> {
    pub text: &'a str,
    pub ty: Type,
    /// Its first `bold` bytes are set bold (a label before the text).
    pub bold: usize,
}

/// What a slide's column holds of one paragraph: `item` and `para` index the
/// stream; `bytes` is the part of the text (all of it unless the paragraph
/// is taller than a column and continues on the next page).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub item: usize,
    pub para: usize,
    pub bytes: Range<usize>,
}

/// The estimated visual lines of `text` in a box `width` wide: the byte
/// range of each. Breaks at spaces and newlines; a word wider than the box
/// breaks anywhere (the CSS says `overflow-wrap: anywhere`).
pub fn wrap(text: &str, width: f32, ty: Type) -> Vec<Range<usize>> {
    wrap_para(&Para { text, ty, bold: 0 }, width)
}

/// `wrap` for a paragraph that may start with a bold label.
pub fn wrap_para(p: &Para<'_>, width: f32) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for hard in p.text.split('\n') {
        wrap_line(hard, offset, width, p, &mut lines);
        offset += hard.len() + 1;
    }
    lines
}

/// The width of `word`, which starts at byte `at` of its paragraph.
fn word_width(word: &str, at: usize, p: &Para<'_>) -> f32 {
    word.char_indices().map(|(i, c)| advance_in(p, at + i, c)).sum()
}

fn advance_in(p: &Para<'_>, at: usize, c: char) -> f32 {
    let bold = if at < p.bold && p.ty == Type::Content { BOLD } else { 1.0 };
    p.ty.advance(c) * bold
}

fn wrap_line(text: &str, offset: usize, width: f32, p: &Para<'_>, out: &mut Vec<Range<usize>>) {
    let ty = p.ty;
    let space = ty.advance(' ');
    // The visual line being filled: (first byte, end byte, width used).
    let mut line: Option<(usize, usize, f32)> = None;
    for (at, word) in words(text) {
        let (mut at, mut word) = (offset + at, word);
        loop {
            let w = word_width(word, at, p);
            match line {
                Some((start, _, used)) if used + space + w <= width => {
                    line = Some((start, at + word.len(), used + space + w));
                    break;
                }
                Some((start, end, _)) => {
                    out.push(start..end);
                    line = None;
                }
                None if w <= width => {
                    line = Some((at, at + word.len(), w));
                    break;
                }
                // A word wider than the box fills lines on its own (at least
                // one character a line, however narrow the box).
                None => {
                    let mut used = 0.0;
                    let cut = word
                        .char_indices()
                        .find(|&(i, c)| {
                            used += advance_in(p, at + i, c);
                            i > 0 && used > width
                        })
                        .map_or(word.len(), |(i, _)| i);
                    out.push(at..at + cut);
                    (at, word) = (at + cut, &word[cut..]);
                }
            }
        }
    }
    out.push(line.map_or(offset..offset, |(start, end, _)| start..end));
}

/// Words with their byte offset in `text`.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(' ')
        .scan(0usize, |at, w| {
            let here = *at;
            *at += w.len() + 1;
            Some((here, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

/// Height of a paragraph set in a box `width` wide (without the gap below).
pub fn height(text: &str, width: f32, ty: Type) -> f32 {
    wrap(text, width, ty).len() as f32 * ty.line_height()
}

/// Fills columns of `width` × `height` with the items of one stream, in
/// order: an item that fits moves whole to the next column rather than be
/// split; one taller than a column continues, paragraph by paragraph and
/// line by line, in the next. Always at least one (maybe empty) column.
pub fn fill(items: &[Vec<Para<'_>>], width: f32, height: f32) -> Vec<Vec<Piece>> {
    let mut columns = vec![Vec::new()];
    let mut used = 0.0;
    for (item, paras) in items.iter().enumerate() {
        let wrapped: Vec<Vec<Range<usize>>> = paras.iter().map(|p| wrap_para(p, width)).collect();
        let whole = ITEM_EXTRA + paras.iter().zip(&wrapped).map(|(p, w)| w.len() as f32 * p.ty.line_height() + PARA_GAP).sum::<f32>();
        let current_empty = columns.last().is_some_and(Vec::is_empty);
        if used + whole > height && !current_empty && whole <= height {
            columns.push(Vec::new());
            used = 0.0;
        }
        if used + whole <= height {
            let column = columns.last_mut().expect("never empty");
            column.extend(paras.iter().enumerate().map(|(para, p)| Piece { item, para, bytes: 0..p.text.len() }));
            used += whole;
            continue;
        }
        // Too tall for any column: as many lines as fit, the rest next —
        // but never a heading alone at a column's foot: its first paragraph
        // and two lines more start together.
        let opening = ITEM_EXTRA
            + paras
                .iter()
                .zip(&wrapped)
                .take(2)
                .enumerate()
                .map(|(i, (p, w))| p.ty.line_height() * if i == 0 { w.len() } else { w.len().min(2) } as f32 + PARA_GAP)
                .sum::<f32>();
        let mut fresh = current_empty;
        if !fresh && used + opening > height {
            columns.push(Vec::new());
            used = 0.0;
            fresh = true;
        }
        used += ITEM_EXTRA;
        for (para, (p, lines)) in paras.iter().zip(&wrapped).enumerate() {
            let line_h = p.ty.line_height();
            let mut rest: &[Range<usize>] = lines;
            while !rest.is_empty() {
                let room = ((height - used - PARA_GAP) / line_h).floor().max(0.0) as usize;
                if room == 0 && !fresh {
                    columns.push(Vec::new());
                    used = ITEM_EXTRA;
                    fresh = true;
                    continue;
                }
                // A column too small for even one line still takes one.
                let take = room.clamp(1, rest.len());
                fresh = false;
                let bytes = rest[0].start..rest[take - 1].end;
                columns.last_mut().expect("never empty").push(Piece { item, para, bytes });
                used += take as f32 * line_h + PARA_GAP;
                rest = &rest[take..];
            }
        }
    }
    columns
}

/// Several streams side by side (one per group), paged together: page `p`
/// shows the `p`-th column-full of every stream (empty once one runs out).
pub fn side_by_side(streams: &[Vec<Vec<Para<'_>>>], width: f32, height: f32) -> Vec<Vec<Vec<Piece>>> {
    let filled: Vec<Vec<Vec<Piece>>> = streams.iter().map(|s| fill(s, width, height)).collect();
    let pages = filled.iter().map(Vec::len).max().unwrap_or(1).max(1);
    (0..pages).map(|p| filled.iter().map(|f| f.get(p).cloned().unwrap_or_default()).collect()).collect()
}

/// One stream flowing through `columns` columns a page, like a newspaper.
pub fn flowing(items: &[Vec<Para<'_>>], columns: usize, width: f32, height: f32) -> Vec<Vec<Vec<Piece>>> {
    let filled = fill(items, width, height);
    filled.chunks(columns.max(1)).map(<[Vec<Piece>]>::to_vec).collect()
}

#[cfg(test)]
mod tests;
