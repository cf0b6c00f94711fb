//! What each screen shows. Here, cut from the seed (pure projections: the
//! service layer loads the seed and returns one of these, so pages receive
//! only what they render); in the child modules, the live views the service
//! layer builds from the database. Server and browser share these types.

pub mod people;
pub mod plenary;
pub mod work;

use super::group::GroupSet;
use super::matrix::MatrixTemplate;
use super::meeting::{CoordinatorRole, Meeting};
use super::question::Guide;
use super::reference::{Dimension, Reference};
use super::session::{AgendaBlock, Session};
use super::{Seed, Text};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeetingHeader {
    pub short_title: Text,
    pub title: Text,
    pub place: Text,
    pub dates_label: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgendaView {
    pub meeting: Meeting,
    pub coordinator: CoordinatorRole,
    pub blocks: Vec<AgendaBlockView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgendaBlockView {
    pub block: AgendaBlock,
    pub sessions: Vec<SessionSummary>,
    /// The guides worked on in the block, each once (sessions 1 and 2 share §4.2).
    pub guides: Vec<GuideSummary>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GuideSummary {
    pub id: String,
    pub cited_as: Option<String>,
    pub title: Text,
    pub objectives_intro: Text,
    pub objectives: Vec<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionSummary {
    pub number: u32,
    pub title: Text,
    pub guide_id: String,
    /// The guide's section in the source document ("§4.2"), if it has one.
    pub guide_cited_as: Option<String>,
    pub group_set_title: Text,
    pub group_count: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionView {
    pub session: Session,
    pub guide: Guide,
    pub block: AgendaBlock,
    pub group_set: GroupSet,
    pub coordinator: CoordinatorRole,
    /// Other sessions working on the same guide (sessions 1 and 2 share §4.2).
    pub shares_guide_with: Vec<u32>,
    pub previous: Option<u32>,
    pub next: Option<u32>,
}

/// A part of the reference material as the index lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReferenceSection {
    pub id: String,
    pub heading: Text,
    pub summary: Text,
}

/// The parts of the reference material, in the seed's order (none for a
/// meeting without reference material).
pub fn reference_sections(seed: &Seed) -> Vec<ReferenceSection> {
    seed.reference.iter().map(|r| ReferenceSection { id: r.id.clone(), heading: r.heading.clone(), summary: r.summary.clone() }).collect()
}

/// One part's page: the part, and for a table the dimensions its rows are.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReferenceView {
    pub reference: Reference,
    pub dimensions: Vec<Dimension>,
}

pub fn reference(seed: &Seed, id: &str) -> Option<ReferenceView> {
    Some(ReferenceView { reference: seed.reference_part(id)?.clone(), dimensions: seed.dimensions.clone() })
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MatrixTemplateView {
    pub dimensions: Vec<Dimension>,
    pub matrix: MatrixTemplate,
    /// Which sessions fill which columns: (session number, session title, column ids).
    pub session_columns: Vec<(u32, Text, Vec<String>)>,
}

pub fn meeting_header(seed: &Seed) -> MeetingHeader {
    let m = &seed.meeting;
    MeetingHeader { short_title: m.short_title.clone(), title: m.title.clone(), place: m.place.clone(), dates_label: m.dates_label.clone() }
}

pub fn agenda(seed: &Seed) -> AgendaView {
    let blocks = seed
        .agenda
        .iter()
        .map(|block| {
            let sessions: Vec<SessionSummary> = block.sessions().into_iter().filter_map(|n| session_summary(seed, n)).collect();
            let mut guides: Vec<GuideSummary> = Vec::new();
            for s in &sessions {
                if guides.iter().any(|g| g.id == s.guide_id) {
                    continue;
                }
                if let Some(g) = seed.guides.iter().find(|g| g.id == s.guide_id) {
                    guides.push(GuideSummary {
                        id: g.id.clone(),
                        cited_as: g.cited_as.clone(),
                        title: g.title.clone(),
                        objectives_intro: g.objectives_intro.clone(),
                        objectives: g.objectives.clone(),
                    });
                }
            }
            AgendaBlockView { block: block.clone(), sessions, guides }
        })
        .collect();
    AgendaView { meeting: seed.meeting.clone(), coordinator: seed.coordinator.clone(), blocks }
}

fn session_summary(seed: &Seed, number: u32) -> Option<SessionSummary> {
    let session = seed.sessions.iter().find(|s| s.number == number)?;
    let guide = seed.guides.iter().find(|g| g.id == session.guide)?;
    let set = seed.group_sets.iter().find(|g| g.id == session.group_set)?;
    Some(SessionSummary {
        number,
        title: session.title.clone(),
        guide_id: guide.id.clone(),
        guide_cited_as: guide.cited_as.clone(),
        group_set_title: set.title.clone(),
        group_count: set.groups.len(),
    })
}

/// The session page's data, or `None` when no session has that number.
pub fn session(seed: &Seed, number: u32) -> Option<SessionView> {
    let session = seed.sessions.iter().find(|s| s.number == number)?;
    let guide = seed.guides.iter().find(|g| g.id == session.guide)?;
    let block = seed.agenda.iter().find(|b| b.sessions().contains(&number))?;
    let group_set = seed.group_sets.iter().find(|g| g.id == session.group_set)?;
    let shares_guide_with = seed.sessions.iter().filter(|s| s.guide == session.guide && s.number != number).map(|s| s.number).collect();
    let exists = |n: u32| seed.sessions.iter().any(|s| s.number == n);
    Some(SessionView {
        session: session.clone(),
        guide: guide.clone(),
        block: block.clone(),
        group_set: group_set.clone(),
        coordinator: seed.coordinator.clone(),
        shares_guide_with,
        previous: number.checked_sub(1).filter(|n| exists(*n)),
        next: Some(number + 1).filter(|n| exists(*n)),
    })
}

pub fn matrix_template(seed: &Seed) -> MatrixTemplateView {
    MatrixTemplateView {
        dimensions: seed.dimensions.clone(),
        matrix: seed.matrix.clone(),
        session_columns: seed
            .sessions
            .iter()
            .filter(|s| !s.matrix_columns.is_empty())
            .map(|s| (s.number, s.title.clone(), s.matrix_columns.clone()))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::parse_seed;

    fn seed() -> Seed {
        parse_seed("seeds/meeting.toml", include_str!("../../../../seeds/meeting.toml")).unwrap()
    }

    #[test]
    fn the_agenda_lists_each_guide_once_per_block() {
        let view = agenda(&seed());
        let first = &view.blocks[0];
        assert_eq!(first.sessions.iter().map(|s| s.number).collect::<Vec<_>>(), vec![1, 2]);
        assert_eq!(first.guides.iter().map(|g| g.id.as_str()).collect::<Vec<_>>(), vec!["4.2"]);
        assert_eq!(view.blocks[2].guides[0].id, "4.4");
    }

    #[test]
    fn a_session_view_knows_its_block_neighbours_and_twin() {
        let s = seed();
        let two = session(&s, 2).unwrap();
        assert_eq!(two.block.total_minutes(), 165);
        assert_eq!(two.shares_guide_with, vec![1]);
        assert_eq!((two.previous, two.next), (Some(1), Some(3)));
        let four = session(&s, 4).unwrap();
        assert_eq!(four.group_set.groups.len(), 4);
        assert_eq!(four.next, None);
        assert!(session(&s, 0).is_none());
        assert!(session(&s, 5).is_none());
    }
}
