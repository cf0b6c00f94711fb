//! What the simulator needs to know of the meeting it drives, read from the
//! same seed file the server runs: who joins which group, which questions
//! they answer, under which dimension coordinators add their line and which
//! field of it they edit (the matrix's heading). Nothing of
//! one particular meeting is written in the simulator.

use serde::Deserialize;
use std::path::Path;

/// The part of a seed the simulator reads (other keys are ignored).
#[derive(Deserialize)]
struct SeedFile {
    sessions: Vec<SessionEntry>,
    guides: Vec<GuideEntry>,
    group_sets: Vec<GroupSetEntry>,
    dimensions: Vec<IdEntry>,
    matrix: MatrixEntry,
}

#[derive(Deserialize)]
struct MatrixEntry {
    heading: String,
}

#[derive(Deserialize)]
struct SessionEntry {
    guide: String,
    group_set: String,
}

#[derive(Deserialize)]
struct GuideEntry {
    id: String,
    questions: Vec<IdEntry>,
}

#[derive(Deserialize)]
struct GroupSetEntry {
    id: String,
    groups: Vec<GroupEntry>,
}

#[derive(Deserialize)]
struct GroupEntry {
    id: String,
    sector: String,
}

#[derive(Deserialize)]
struct IdEntry {
    id: String,
}

/// The first session's work: its groups (with the sector their members join
/// with), its guide's question keys ("guide/question"), a dimension and the
/// field that names a matrix line.
#[derive(Clone, Debug, Default)]
pub struct Shape {
    pub groups: Vec<(String, String)>,
    pub questions: Vec<String>,
    pub dimension: String,
    pub heading: String,
}

pub fn read(path: &Path) -> Result<Shape, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read seed {}: {e}", path.display()))?;
    from_toml(&text).map_err(|e| format!("seed {}: {e}", path.display()))
}

fn from_toml(text: &str) -> Result<Shape, String> {
    let seed: SeedFile = toml::from_str(text).map_err(|e| e.to_string())?;
    let first = seed.sessions.first().ok_or("no sessions")?;
    let set = seed.group_sets.iter().find(|s| s.id == first.group_set).ok_or("the first session's group set is missing")?;
    let guide = seed.guides.iter().find(|g| g.id == first.guide).ok_or("the first session's guide is missing")?;
    let mixed_only = set.groups.iter().all(|g| g.sector == "mixed");
    let groups = set
        .groups
        .iter()
        // A delegate joins with a sector of their own; a mixed group takes any.
        .map(|g| (g.id.clone(), if mixed_only || g.sector == "mixed" { "government".into() } else { g.sector.clone() }))
        .collect();
    let questions = guide.questions.iter().map(|q| format!("{}/{}", guide.id, q.id)).collect();
    let dimension = seed.dimensions.last().ok_or("no dimensions")?.id.clone();
    Ok(Shape { groups, questions, dimension, heading: seed.matrix.heading })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shape_comes_from_the_seed_file() {
        let text = r#"
            [[sessions]]
            guide = "g1"
            group_set = "rooms"
            [[sessions]]
            guide = "g2"
            group_set = "other"
            [[guides]]
            id = "g1"
            questions = [{ id = "x" }, { id = "y" }]
            [[guides]]
            id = "g2"
            questions = [{ id = "z" }]
            [[group_sets]]
            id = "rooms"
            groups = [{ id = "north", sector = "ngo" }, { id = "south", sector = "business" }]
            [[group_sets]]
            id = "other"
            groups = [{ id = "all", sector = "mixed" }]
            [[dimensions]]
            id = "first"
            [[dimensions]]
            id = "second"
            [matrix]
            heading = "title"
        "#;
        let shape = from_toml(text).unwrap();
        assert_eq!(shape.groups, [("north".to_string(), "ngo".to_string()), ("south".into(), "business".into())]);
        assert_eq!(shape.questions, ["g1/x", "g1/y"]);
        assert_eq!((shape.dimension.as_str(), shape.heading.as_str()), ("second", "title"));
    }

    #[test]
    fn the_shipped_seed_has_a_shape() {
        let shape = read(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds/meeting.toml"))).unwrap();
        assert!(shape.groups.len() >= 2 && !shape.questions.is_empty());
    }
}
