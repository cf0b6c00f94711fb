//! Validation of a parsed seed: references resolve, ids are unique, every text
//! has Spanish, numbers are consecutive and durations make sense. Each problem
//! comes back as (field path, message).

use super::meeting::is_iso_date;
use super::question::PartAnswer;
use super::seed::{Seed, SEED_FORMAT};
use super::session::SegmentKind;
use super::text::{Text, SEED_LANGUAGES};
use std::collections::HashSet;

#[path = "seed_rules_reference.rs"]
mod reference;

#[path = "seed_rules_matrix.rs"]
mod matrix;

type Problems = Vec<(String, String)>;

pub fn validate(seed: &Seed) -> Problems {
    let mut p = Problems::new();
    if seed.format != SEED_FORMAT {
        p.push(("format".into(), format!("unsupported format {} (this build reads {SEED_FORMAT})", seed.format)));
    }
    check_meeting(seed, &mut p);
    check_sessions(seed, &mut p);
    check_agenda(seed, &mut p);
    check_guides(seed, &mut p);
    check_groups(seed, &mut p);
    reference::check_reference(seed, &mut p);
    matrix::check_matrix(seed, &mut p);
    reference::check_plan(seed, &mut p);
    p
}

/// Problems with a seed's `languages` list: Spanish (the original) first,
/// only languages the app can show, none twice.
pub fn languages(langs: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    if langs.first().map(String::as_str) != Some("es") {
        out.push("must start with \"es\": the Spanish text is the original and the authority".to_string());
    }
    for (i, l) in langs.iter().enumerate() {
        if !SEED_LANGUAGES.contains(&l.as_str()) {
            out.push(format!("unknown language \"{l}\" (expected one of {})", SEED_LANGUAGES.join(", ")));
        } else if langs[..i].contains(l) {
            out.push(format!("\"{l}\" is listed twice"));
        }
    }
    out
}

fn text(p: &mut Problems, field: impl Into<String>, t: &Text) {
    let field = field.into();
    for problem in t.problems() {
        p.push((field.clone(), problem));
    }
}

fn texts(p: &mut Problems, field: &str, ts: &[Text]) {
    for (i, t) in ts.iter().enumerate() {
        text(p, format!("{field}[{i}]"), t);
    }
}

fn non_empty<T>(p: &mut Problems, field: &str, items: &[T]) {
    if items.is_empty() {
        p.push((field.into(), "must not be empty".into()));
    }
}

/// Reports duplicates among `ids`, naming the field of the second occurrence.
fn unique<'a>(p: &mut Problems, field: &str, key: &str, ids: impl Iterator<Item = &'a str>) {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        if id.trim().is_empty() {
            p.push((format!("{field}[{i}].{key}"), "must not be empty".into()));
        } else if !seen.insert(id) {
            p.push((format!("{field}[{i}].{key}"), format!("duplicate {key} \"{id}\"")));
        }
    }
}

/// Guide, question and item ids make up the keys answers are saved under
/// ("4.4/9/b/e"): letters, digits, '.', '_' and '-' only, short.
fn key_characters(p: &mut Problems, field: &str, id: &str) {
    let ok = id.len() <= 16 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b));
    if !ok {
        p.push((field.into(), format!("\"{id}\" must be at most 16 letters, digits, '.', '_' or '-'")));
    }
}

/// A choice option's id (a list entry's too): a cell stores the chosen ids
/// joined by commas.
fn option_id(p: &mut Problems, field: String, id: &str) {
    if id.is_empty() || id.contains(',') {
        p.push((field, "must be non-empty and without commas".into()));
    }
}

/// A proposal row's or a table line's id names where a matrix line started
/// (a list entry's origin is "<list>/<entry>").
fn origin_id(p: &mut Problems, field: String, id: &str) {
    if id.is_empty() || id.contains('/') {
        p.push((field, "must be non-empty and without \"/\" (it names where a matrix line started)".into()));
    }
}

/// Numbers must run 1, 2, 3… so that "Grupo 3" or "Sesión 2" mean one thing.
fn consecutive(p: &mut Problems, field: &str, numbers: impl Iterator<Item = u32>) {
    for (i, n) in numbers.enumerate() {
        let expected = i as u32 + 1;
        if n != expected {
            p.push((format!("{field}[{i}].number"), format!("is {n}, expected {expected} (numbers run 1, 2, 3… in order)")));
        }
    }
}

fn check_meeting(seed: &Seed, p: &mut Problems) {
    let m = &seed.meeting;
    if m.slug.trim().is_empty() || !m.slug.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        p.push(("meeting.slug".into(), "must be non-empty and use only letters, digits and '-'".into()));
    }
    for (field, t) in [
        ("meeting.title", &m.title),
        ("meeting.short_title", &m.short_title),
        ("meeting.document", &m.document),
        ("meeting.place", &m.place),
        ("meeting.dates_label", &m.dates_label),
        ("meeting.objectives_intro", &m.objectives_intro),
    ] {
        text(p, field, t);
    }
    for (field, d) in [("meeting.start_date", &m.start_date), ("meeting.end_date", &m.end_date)] {
        if !is_iso_date(d) {
            p.push((field.into(), format!("\"{d}\" is not a date written YYYY-MM-DD")));
        }
    }
    if is_iso_date(&m.start_date) && is_iso_date(&m.end_date) && m.end_date < m.start_date {
        p.push(("meeting.end_date".into(), "is before meeting.start_date".into()));
    }
    non_empty(p, "meeting.objectives", &m.objectives);
    texts(p, "meeting.objectives", &m.objectives);
    text(p, "coordinator.intro", &seed.coordinator.intro);
    non_empty(p, "coordinator.duties", &seed.coordinator.duties);
    texts(p, "coordinator.duties", &seed.coordinator.duties);
}

fn check_sessions(seed: &Seed, p: &mut Problems) {
    non_empty(p, "sessions", &seed.sessions);
    consecutive(p, "sessions", seed.sessions.iter().map(|s| s.number));
    let guides: HashSet<&str> = seed.guides.iter().map(|g| g.id.as_str()).collect();
    let sets: HashSet<&str> = seed.group_sets.iter().map(|g| g.id.as_str()).collect();
    for (i, s) in seed.sessions.iter().enumerate() {
        text(p, format!("sessions[{i}].title"), &s.title);
        if !guides.contains(s.guide.as_str()) {
            p.push((format!("sessions[{i}].guide"), format!("no guide has id \"{}\"", s.guide)));
        }
        if !sets.contains(s.group_set.as_str()) {
            p.push((format!("sessions[{i}].group_set"), format!("no group set has id \"{}\"", s.group_set)));
        }
        let columns: Vec<&str> = seed.matrix.columns.iter().map(|c| c.id.as_str()).collect();
        for (j, c) in s.matrix_columns.iter().enumerate() {
            if !columns.contains(&c.as_str()) {
                p.push((
                    format!("sessions[{i}].matrix_columns[{j}]"),
                    format!("unknown column \"{c}\" (expected one of {})", columns.join(", ")),
                ));
            }
        }
    }
}

fn check_agenda(seed: &Seed, p: &mut Problems) {
    non_empty(p, "agenda", &seed.agenda);
    unique(p, "agenda", "id", seed.agenda.iter().map(|b| b.id.as_str()));
    let mut scheduled: Vec<u32> = Vec::new();
    for (i, block) in seed.agenda.iter().enumerate() {
        let f = format!("agenda[{i}]");
        text(p, format!("{f}.title"), &block.title);
        non_empty(p, &format!("{f}.segments"), &block.segments);
        for (j, seg) in block.segments.iter().enumerate() {
            let sf = format!("{f}.segments[{j}]");
            if seg.minutes == 0 || seg.minutes > 24 * 60 {
                p.push((format!("{sf}.minutes"), format!("{} is not a duration between 1 and 1440 minutes", seg.minutes)));
            }
            if let Some(label) = &seg.label {
                text(p, format!("{sf}.label"), label);
            }
            match (seg.kind, seg.session) {
                (SegmentKind::Work, None) => p.push((format!("{sf}.session"), "a work segment must name its session".into())),
                (SegmentKind::Break, Some(_)) => p.push((format!("{sf}.session"), "a break belongs to no session".into())),
                (SegmentKind::Work, Some(n)) => {
                    if !seed.sessions.iter().any(|s| s.number == n) {
                        p.push((format!("{sf}.session"), format!("no session has number {n}")));
                    }
                    if !scheduled.contains(&n) {
                        scheduled.push(n);
                    }
                }
                (SegmentKind::Break, None) => {}
            }
        }
        let first_or_last_break = |k: Option<&super::session::Segment>| k.is_some_and(|s| s.kind == SegmentKind::Break);
        if first_or_last_break(block.segments.first()) || first_or_last_break(block.segments.last()) {
            p.push((format!("{f}.segments"), "a block cannot start or end with a break".into()));
        }
    }
    for s in &seed.sessions {
        if !scheduled.contains(&s.number) {
            p.push(("agenda".into(), format!("session {} is in no agenda block", s.number)));
        }
    }
}

fn check_guides(seed: &Seed, p: &mut Problems) {
    unique(p, "guides", "id", seed.guides.iter().map(|g| g.id.as_str()));
    for (i, g) in seed.guides.iter().enumerate() {
        let f = format!("guides[{i}]");
        text(p, format!("{f}.title"), &g.title);
        text(p, format!("{f}.objectives_intro"), &g.objectives_intro);
        text(p, format!("{f}.time_note"), &g.time_note);
        non_empty(p, &format!("{f}.objectives"), &g.objectives);
        texts(p, &format!("{f}.objectives"), &g.objectives);
        texts(p, &format!("{f}.notes"), &g.notes);
        texts(p, &format!("{f}.analysis_intro"), &g.analysis_intro);
        non_empty(p, &format!("{f}.questions"), &g.questions);
        key_characters(p, &format!("{f}.id"), &g.id);
        unique(p, &format!("{f}.questions"), "id", g.questions.iter().map(|q| q.id.as_str()));
        for (j, q) in g.questions.iter().enumerate() {
            let qf = format!("{f}.questions[{j}]");
            key_characters(p, &format!("{qf}.id"), &q.id);
            text(p, format!("{qf}.text"), &q.text);
            if let Some(s) = &q.section {
                text(p, format!("{qf}.section"), s);
            }
            for (k, part) in q.parts.iter().enumerate() {
                let pf = format!("{qf}.parts[{k}]");
                if let Some(intro) = &part.intro {
                    text(p, format!("{pf}.intro"), intro);
                }
                non_empty(p, &format!("{pf}.items"), &part.items);
                let after_choices = k > 0 && q.parts[k - 1].answer == PartAnswer::Choices;
                if part.answer == PartAnswer::PerChoice && !after_choices {
                    p.push((format!("{pf}.answer"), "\"per_choice\" must follow a part with answer = \"choices\"".into()));
                }
                unique(p, &format!("{pf}.items"), "id", part.items.iter().map(|it| it.id.as_str()));
                for (l, item) in part.items.iter().enumerate() {
                    key_characters(p, &format!("{pf}.items[{l}].id"), &item.id);
                    text(p, format!("{pf}.items[{l}].text"), &item.text);
                }
            }
        }
    }
}

fn check_groups(seed: &Seed, p: &mut Problems) {
    non_empty(p, "group_sets", &seed.group_sets);
    unique(p, "group_sets", "id", seed.group_sets.iter().map(|g| g.id.as_str()));
    if seed.group_sets.iter().filter(|s| s.join).count() != 1 {
        p.push((
            "group_sets".into(),
            "exactly one group set must have join = true: the groups participants choose from when they join".into(),
        ));
    }
    let all_ids = seed.group_sets.iter().flat_map(|s| s.groups.iter().map(|g| g.id.as_str()));
    unique(p, "group_sets[*].groups", "id", all_ids);
    for (i, set) in seed.group_sets.iter().enumerate() {
        let f = format!("group_sets[{i}]");
        text(p, format!("{f}.title"), &set.title);
        if let Some(d) = &set.description {
            text(p, format!("{f}.description"), d);
        }
        non_empty(p, &format!("{f}.groups"), &set.groups);
        consecutive(p, &format!("{f}.groups"), set.groups.iter().map(|g| g.number));
        for (j, g) in set.groups.iter().enumerate() {
            let gf = format!("{f}.groups[{j}]");
            text(p, format!("{gf}.name"), &g.name);
            text(p, format!("{gf}.label"), &g.label);
            if let Some(d) = &g.description {
                text(p, format!("{gf}.description"), d);
            }
        }
    }
}
