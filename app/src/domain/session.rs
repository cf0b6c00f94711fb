//! The four working-group sessions and the agenda blocks the clock runs.
//!
//! A session is a unit of work with its own guide (objectives and questions).
//! An agenda block is what happens in the room without interruption of the
//! programme: sessions 1 and 2 form one block of 75 + 15 (coffee) + 75 minutes.

use super::text::Text;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// 1-based, unique.
    pub number: u32,
    pub title: Text,
    /// Id of the guide (chapter 4 section) this session works on.
    pub guide: String,
    /// Id of the set of groups that work in this session.
    pub group_set: String,
    /// Ids of the matrix columns this session fills (empty: no matrix work).
    #[serde(default)]
    pub matrix_columns: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaBlock {
    pub id: String,
    pub title: Text,
    pub segments: Vec<Segment>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentKind {
    Work,
    Break,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    pub kind: SegmentKind,
    /// The session worked on (work segments only).
    #[serde(default)]
    pub session: Option<u32>,
    pub minutes: u32,
    #[serde(default)]
    pub label: Option<Text>,
}

/// Session numbers as a reader says them: "1–3" for a run, "1, 3" otherwise.
pub fn span(numbers: &[u32]) -> String {
    let run = numbers.len() > 2 && numbers.windows(2).all(|w| w[1] == w[0] + 1);
    match (run, numbers.first(), numbers.last()) {
        (true, Some(first), Some(last)) => format!("{first}–{last}"),
        _ => numbers.iter().map(u32::to_string).collect::<Vec<_>>().join(", "),
    }
}

impl AgendaBlock {
    /// Total planned length, breaks included.
    pub fn total_minutes(&self) -> u32 {
        self.segments.iter().map(|s| s.minutes).sum()
    }

    pub fn work_minutes(&self) -> u32 {
        self.segments.iter().filter(|s| s.kind == SegmentKind::Work).map(|s| s.minutes).sum()
    }

    pub fn break_minutes(&self) -> u32 {
        self.total_minutes() - self.work_minutes()
    }

    /// The sessions worked on in this block, in order.
    pub fn sessions(&self) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for n in self.segments.iter().filter_map(|s| s.session) {
            if !out.contains(&n) {
                out.push(n);
            }
        }
        out
    }

    /// Minutes from the start of the block to the start of each segment.
    pub fn segment_offsets(&self) -> Vec<u32> {
        self.segments
            .iter()
            .scan(0, |acc, s| {
                let start = *acc;
                *acc += s.minutes;
                Some(start)
            })
            .collect()
    }
}

/// "2 h 45 min", "2 h", "75 min": how the document states durations (minutes
/// below two hours, hours and minutes above).
pub fn format_duration(minutes: u32) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (h, _) if h < 2 => format!("{minutes} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m:02} min"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn work(session: u32, minutes: u32) -> Segment {
        Segment { kind: SegmentKind::Work, session: Some(session), minutes, label: None }
    }

    #[test]
    fn a_block_with_a_break_adds_up() {
        let block = AgendaBlock {
            id: "b".into(),
            title: Text::es("Sesiones 1 y 2"),
            segments: vec![work(1, 75), Segment { kind: SegmentKind::Break, session: None, minutes: 15, label: None }, work(2, 75)],
        };
        assert_eq!(block.total_minutes(), 165);
        assert_eq!(block.work_minutes(), 150);
        assert_eq!(block.break_minutes(), 15);
        assert_eq!(block.sessions(), vec![1, 2]);
        assert_eq!(block.segment_offsets(), vec![0, 75, 90]);
    }

    #[test]
    fn session_numbers_read_as_a_run_or_a_list() {
        assert_eq!(span(&[1, 2, 3]), "1–3");
        assert_eq!(span(&[1, 3]), "1, 3");
        assert_eq!(span(&[1, 2]), "1, 2");
        assert_eq!(span(&[4]), "4");
        assert_eq!(span(&[]), "");
    }

    #[test]
    fn durations_read_like_the_agenda() {
        assert_eq!(format_duration(165), "2 h 45 min");
        assert_eq!(format_duration(120), "2 h");
        assert_eq!(format_duration(60), "60 min");
        assert_eq!(format_duration(15), "15 min");
        assert_eq!(format_duration(75), "75 min");
        assert_eq!(format_duration(125), "2 h 05 min");
    }
}
