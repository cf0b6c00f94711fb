//! Validation of the reference material and the plan's texts.

use super::super::reference::{Reference, ReferenceKind, Show};
use super::*;

/// `/reference/<this>` is the matrix's own page, so no part may take it.
const MATRIX_PAGE: &str = "matrix";

pub(super) fn check_reference(seed: &Seed, p: &mut Problems) {
    non_empty(p, "dimensions", &seed.dimensions);
    unique(p, "dimensions", "id", seed.dimensions.iter().map(|d| d.id.as_str()));
    consecutive(p, "dimensions", seed.dimensions.iter().map(|d| d.number));
    unique(p, "reference", "id", seed.reference.iter().map(|r| r.id.as_str()));
    // A line started from a table names its origin by the line's id alone.
    unique(p, "reference.lines", "id", seed.reference.iter().flat_map(|r| &r.lines).map(|l| l.id.as_str()));
    for (i, r) in seed.reference.iter().enumerate() {
        let at = format!("reference[{i}]");
        if !is_slug(&r.id) || r.id == MATRIX_PAGE {
            p.push((format!("{at}.id"), format!("must be 1 to 32 of a-z, 0-9 and - (it names the page), and not \"{MATRIX_PAGE}\"")));
        }
        text(p, format!("{at}.heading"), &r.heading);
        text(p, format!("{at}.summary"), &r.summary);
        if let Some(lead) = &r.lead {
            text(p, format!("{at}.lead"), lead);
        }
        match r.kind {
            ReferenceKind::List => check_list(r, &at, p),
            ReferenceKind::Table => check_table(seed, r, &at, p),
        }
    }
}

fn is_slug(id: &str) -> bool {
    (1..=32).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn check_list(r: &Reference, at: &str, p: &mut Problems) {
    if !r.columns.is_empty() || !r.lines.is_empty() || r.about.is_some() {
        p.push((at.to_string(), "a list has `entries` (and `facets`), not `columns`, `lines` or `about`".into()));
    }
    non_empty(p, &format!("{at}.entries"), &r.entries);
    unique(p, &format!("{at}.facets"), "id", r.facets.iter().map(|f| f.id.as_str()));
    for (j, f) in r.facets.iter().enumerate() {
        match &f.label {
            Some(label) => text(p, format!("{at}.facets[{j}].label"), label),
            // Folded texts open from their label; chips need one to say what they are.
            None if matches!(f.show, Show::Folded | Show::Chips) => {
                p.push((format!("{at}.facets[{j}].label"), "missing: a folded or chips facet is read through its label".into()))
            }
            None => {}
        }
    }
    unique(p, &format!("{at}.entries"), "id", r.entries.iter().map(|e| e.id.as_str()));
    for (j, e) in r.entries.iter().enumerate() {
        let at = format!("{at}.entries[{j}]");
        // An entry's id is stored in the cells of a choice drawn from the list.
        option_id(p, format!("{at}.id"), &e.id);
        text(p, format!("{at}.name"), &e.name);
        if let Some(eyebrow) = &e.eyebrow {
            text(p, format!("{at}.eyebrow"), eyebrow);
        }
        for (facet, values) in &e.facts {
            if r.facets.iter().all(|f| &f.id != facet) {
                p.push((format!("{at}.facts.{facet}"), format!("no facet of this list has id \"{facet}\"")));
            }
            texts(p, &format!("{at}.facts.{facet}"), values);
        }
    }
}

fn check_table(seed: &Seed, r: &Reference, at: &str, p: &mut Problems) {
    if r.numbered || !r.facets.is_empty() || !r.entries.is_empty() {
        p.push((at.to_string(), "a table has `columns` and `lines`, not `numbered`, `facets` or `entries`".into()));
    }
    non_empty(p, &format!("{at}.columns"), &r.columns);
    non_empty(p, &format!("{at}.lines"), &r.lines);
    unique(p, &format!("{at}.columns"), "id", r.columns.iter().map(|c| c.id.as_str()));
    for (j, c) in r.columns.iter().enumerate() {
        text(p, format!("{at}.columns[{j}].heading"), &c.heading);
    }
    let dims: HashSet<&str> = seed.dimensions.iter().map(|d| d.id.as_str()).collect();
    for (j, l) in r.lines.iter().enumerate() {
        origin_id(p, format!("{at}.lines[{j}].id"), &l.id);
        if !dims.contains(l.dimension.as_str()) {
            p.push((format!("{at}.lines[{j}].dimension"), format!("no dimension has id \"{}\"", l.dimension)));
        }
        if r.columns.iter().all(|c| c.id != l.column) {
            p.push((format!("{at}.lines[{j}].column"), format!("no column of this table has id \"{}\"", l.column)));
        }
        text(p, format!("{at}.lines[{j}].text"), &l.text);
    }
    if let Some(about) = &r.about {
        text(p, format!("{at}.about.heading"), &about.heading);
        texts(p, &format!("{at}.about.paragraphs"), &about.paragraphs);
    }
}

pub(super) fn check_plan(seed: &Seed, p: &mut Problems) {
    text(p, "plan.heading", &seed.plan.heading);
    text(p, "plan.title", &seed.plan.title);
    let Some(h) = &seed.plan.highlight else { return };
    text(p, "plan.highlight.badge", &h.badge);
    text(p, "plan.highlight.mark", &h.mark);
    non_empty(p, "plan.highlight.groups", &h.groups);
    let groups: HashSet<&str> = seed.group_sets.iter().flat_map(|s| &s.groups).map(|g| g.id.as_str()).collect();
    for (i, g) in h.groups.iter().enumerate() {
        if !groups.contains(g.as_str()) {
            p.push((format!("plan.highlight.groups[{i}]"), format!("no group has id \"{g}\"")));
        }
    }
}
