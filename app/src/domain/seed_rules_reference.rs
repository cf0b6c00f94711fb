//! Validation of the reference material and the plan's texts.

use super::super::reference::{ReferencePart, Strategy, Table2};
use super::super::views::has_part;
use super::*;

pub(super) fn check_reference(seed: &Seed, p: &mut Problems) {
    consecutive(p, "ilac_areas", seed.ilac_areas.iter().map(|a| a.number));
    for (i, a) in seed.ilac_areas.iter().enumerate() {
        text(p, format!("ilac_areas[{i}].title"), &a.title);
    }
    non_empty(p, "dimensions", &seed.dimensions);
    unique(p, "dimensions", "id", seed.dimensions.iter().map(|d| d.id.as_str()));
    consecutive(p, "dimensions", seed.dimensions.iter().map(|d| d.number));
    let dims: HashSet<&str> = seed.dimensions.iter().map(|d| d.id.as_str()).collect();
    let t2 = &seed.table2;
    if *t2 != Table2::default() {
        text(p, "table2.title", &t2.title);
        texts(p, "table2.intro", &t2.intro);
    }
    unique(p, "table2.sources", "id", t2.sources.iter().map(|s| s.id.as_str()));
    for (i, s) in t2.sources.iter().enumerate() {
        text(p, format!("table2.sources[{i}].heading"), &s.heading);
    }
    unique(p, "table2.lines", "id", t2.lines.iter().map(|l| l.id.as_str()));
    for (i, l) in t2.lines.iter().enumerate() {
        if !dims.contains(l.dimension.as_str()) {
            p.push((format!("table2.lines[{i}].dimension"), format!("no dimension has id \"{}\"", l.dimension)));
        }
        if !t2.sources.iter().any(|s| s.id == l.source) {
            p.push((format!("table2.lines[{i}].source"), format!("no table2 source has id \"{}\"", l.source)));
        }
        text(p, format!("table2.lines[{i}].text"), &l.text);
    }
    if seed.strategy != Strategy::default() {
        text(p, "strategy.title", &seed.strategy.title);
    }
    consecutive(p, "strategy.sections", seed.strategy.sections.iter().map(|s| s.number));
    for (i, s) in seed.strategy.sections.iter().enumerate() {
        text(p, format!("strategy.sections[{i}].title"), &s.title);
        texts(p, &format!("strategy.sections[{i}].items"), &s.items);
    }
    unique(p, "decisions", "id", seed.decisions.iter().map(|d| d.id.as_str()));
    for (i, d) in seed.decisions.iter().enumerate() {
        consecutive(p, &format!("decisions[{i}].items"), d.items.iter().map(|it| it.number));
        for (j, it) in d.items.iter().enumerate() {
            text(p, format!("decisions[{i}].items[{j}].verb"), &it.verb);
            text(p, format!("decisions[{i}].items[{j}].text"), &it.text);
        }
    }
    unique(p, "task_forces", "id", seed.task_forces.iter().map(|t| t.id.as_str()));
    for (i, tf) in seed.task_forces.iter().enumerate() {
        text(p, format!("task_forces[{i}].name"), &tf.name);
        text(p, format!("task_forces[{i}].host"), &tf.host);
        texts(p, &format!("task_forces[{i}].objectives"), &tf.objectives);
    }
}

/// Each part of the reference material the seed has is named by a
/// `[reference.<part>]` table, and only those.
pub(super) fn check_reference_texts(seed: &Seed, p: &mut Problems) {
    for kind in ReferencePart::ALL {
        let (part, has) = (kind.key(), has_part(seed, kind));
        match seed.reference.part(kind) {
            Some(t) if has => {
                text(p, format!("reference.{part}.heading"), &t.heading);
                text(p, format!("reference.{part}.summary"), &t.summary);
            }
            Some(_) => p.push((format!("reference.{part}"), format!("the seed has no {part} to name"))),
            None if has => {
                p.push((format!("reference.{part}"), format!("missing: the seed has {part}, so give it a heading and a summary")))
            }
            None => {}
        }
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
