//! A seed read back to its author: what the meeting will look like, in the
//! few lines an organiser checks before the day (`server check-seed PATH`).

use super::reference::ReferenceKind;
use super::session::SegmentKind;
use super::Seed;
use std::fmt::Write;

/// Sessions with their minutes, groups with their members, questions per
/// session and matrix columns per session; Spanish names (the original).
pub fn summary(seed: &Seed) -> String {
    let mut out = String::new();
    let m = &seed.meeting;
    let _ = writeln!(out, "{} ({})", m.title.spanish(), m.slug);
    let _ = writeln!(out, "{} · {}", m.place.spanish(), m.dates_label.spanish());
    let _ = writeln!(out, "Languages: {}", seed.languages.join(", "));
    sessions(seed, &mut out);
    groups(seed, &mut out);
    let _ = writeln!(
        out,
        "Matrix: {} columns, {} dimensions, {} starting rows",
        seed.matrix.columns.len(),
        seed.dimensions.len(),
        seed.matrix.rows.len()
    );
    let parts: Vec<String> = seed
        .reference
        .iter()
        .map(|r| match r.kind {
            ReferenceKind::List => format!("{} (list, {} entries)", r.id, r.entries.len()),
            ReferenceKind::Table => format!("{} (table, {} lines)", r.id, r.lines.len()),
        })
        .collect();
    let _ = writeln!(out, "Reference: {}", if parts.is_empty() { "none".to_string() } else { parts.join(", ") });
    out
}

fn sessions(seed: &Seed, out: &mut String) {
    let _ = writeln!(out, "Sessions ({}):", seed.sessions.len());
    for s in &seed.sessions {
        let minutes: u32 = seed
            .agenda
            .iter()
            .flat_map(|b| &b.segments)
            .filter(|seg| seg.kind == SegmentKind::Work && seg.session == Some(s.number))
            .map(|seg| seg.minutes)
            .sum();
        let questions = seed.guides.iter().find(|g| g.id == s.guide).map_or(0, |g| g.questions.len());
        let columns = if s.matrix_columns.is_empty() { "none".to_string() } else { s.matrix_columns.join(", ") };
        let _ = writeln!(
            out,
            "  {}. {} — {minutes} min, {questions} questions (guide {}), groups {}, matrix columns: {columns}",
            s.number,
            s.title.spanish(),
            s.guide,
            s.group_set
        );
    }
    for block in &seed.agenda {
        let breaks = block.break_minutes();
        let pause = if breaks > 0 { format!(" including {breaks} min of breaks") } else { String::new() };
        let _ = writeln!(out, "  agenda block {}: {} min{pause}", block.id, block.total_minutes());
    }
}

fn groups(seed: &Seed, out: &mut String) {
    for set in &seed.group_sets {
        let _ = writeln!(out, "Groups of {} ({}):", set.id, set.groups.len());
        for g in &set.groups {
            let members = match g.countries.len() + g.organisations.len() {
                0 => "members chosen at the meeting".to_string(),
                n => format!("{n} members"),
            };
            let _ = writeln!(out, "  {}. {} ({}) — {members}", g.number, g.name.spanish(), g.id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::parse_seed;

    #[test]
    fn the_shipped_seed_reads_back_as_its_sessions_groups_and_columns() {
        let seed = parse_seed("seeds/meeting.toml", include_str!("../../../seeds/meeting.toml")).unwrap();
        let text = summary(&seed);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].ends_with("(cps-alc-2007)"), "{text}");
        assert!(text.contains("Sessions (4):"), "{text}");
        assert!(text.contains("  1. Primera Sesión de Grupos de Trabajo — 75 min, 7 questions (guide 4.2), groups subregionales, matrix columns: ilac, prioridades, resultados, indicadores"), "{text}");
        assert!(text.contains("  3. Tercera Sesión de Grupos de Trabajo — 120 min, 4 questions (guide 4.3)"), "{text}");
        assert!(text.contains("matrix columns: none"), "{text}");
        assert!(text.contains("  agenda block sesiones-1-2: 165 min including 15 min of breaks"), "{text}");
        assert!(text.contains("Groups of subregionales (6):"), "{text}");
        assert!(text.contains("  6. Empresas (empresas) — 7 members"), "{text}");
        assert!(text.contains("Groups of mixtos (4):\n  1. Grupo mixto 1 (mixto-1) — members chosen at the meeting"), "{text}");
        assert!(text.contains("Matrix: 8 columns, 3 dimensions"), "{text}");
        assert!(text.contains("Reference: table-2 (table, 24 lines), ilac (list, 8 entries), task-forces (list, 7 entries)"), "{text}");
    }
}
