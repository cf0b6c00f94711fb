//! What every screen needs to show the clock of the current agenda block:
//! absolute deadlines plus the server's "now", so each screen counts down
//! from the same instant with its own clock offset corrected.

use super::clock::{ClockState, Millis, Status};
use super::session::{AgendaBlock, SegmentKind};
use super::Text;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SegmentView {
    pub kind: SegmentKind,
    pub session: Option<u32>,
    pub label: Option<Text>,
    pub allotted_ms: Millis,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClockView {
    /// The server's clock when this view was made.
    pub server_now: Millis,
    pub block: String,
    pub block_title: Text,
    pub segments: Vec<SegmentView>,
    pub segment: usize,
    pub status: Status,
    /// Remaining at `server_now` (frozen values when not running).
    pub segment_remaining_ms: Millis,
    pub block_remaining_ms: Millis,
    /// Set while counting down.
    pub segment_deadline: Option<Millis>,
    pub block_deadline: Option<Millis>,
    /// Whether there is a command to undo.
    pub can_undo: bool,
    /// Every block of the agenda (key, title), for choosing the current one.
    pub blocks: Vec<(String, Text)>,
}

impl ClockView {
    pub fn build(block: &AgendaBlock, state: &ClockState, commands: usize, now: Millis, blocks: Vec<(String, Text)>) -> Self {
        ClockView {
            server_now: now,
            block: block.id.clone(),
            block_title: block.title.clone(),
            segments: block
                .segments
                .iter()
                .enumerate()
                .map(|(i, s)| SegmentView { kind: s.kind, session: s.session, label: s.label.clone(), allotted_ms: state.allotted(i) })
                .collect(),
            segment: state.segment,
            status: state.status(),
            segment_remaining_ms: state.segment_remaining(now),
            block_remaining_ms: state.block_remaining(now),
            segment_deadline: state.segment_deadline(),
            block_deadline: state.block_deadline(),
            can_undo: commands > 0,
            blocks,
        }
    }

    /// Remaining time of the segment and the block at `now` (server time).
    pub fn remaining_at(&self, now: Millis) -> (Millis, Millis) {
        match (self.segment_deadline, self.block_deadline) {
            (Some(s), Some(b)) => (s - now, b - now),
            _ => (self.segment_remaining_ms, self.block_remaining_ms),
        }
    }

    pub fn current(&self) -> Option<&SegmentView> {
        self.segments.get(self.segment)
    }

    /// The session being worked on now (none during a break or before start).
    pub fn current_session(&self) -> Option<u32> {
        self.current().and_then(|s| s.session)
    }

    /// The session whose work is in progress: the current segment's; during a
    /// break, the one before it (its results are still being written down).
    pub fn working_session(&self) -> Option<u32> {
        let upto = self.segment.min(self.segments.len().saturating_sub(1));
        self.segments[..=upto].iter().rev().find_map(|s| s.session).or_else(|| self.segments.iter().find_map(|s| s.session))
    }

    /// Whether participants may still add and change answers: until the
    /// committee ends the block.
    pub fn answers_open(&self) -> bool {
        self.status != Status::Ended
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::clock::{Command, Event};
    use crate::domain::parse_seed;

    #[test]
    fn a_view_counts_down_from_its_deadline_and_freezes_when_paused() {
        let seed = parse_seed("seeds/meeting.toml", include_str!("../../../seeds/meeting.toml")).unwrap();
        let block = &seed.agenda[0];
        let t0 = 1_000_000;
        let running = ClockState::replay(block, &[Event { command: Command::Start, at: t0 }]);
        let v = ClockView::build(block, &running, 1, t0 + 60_000, vec![]);
        assert_eq!(v.status, Status::Running);
        assert_eq!(v.current_session(), Some(1));
        assert_eq!(v.remaining_at(t0 + 120_000), (73 * 60_000, 163 * 60_000));
        let paused =
            ClockState::replay(block, &[Event { command: Command::Start, at: t0 }, Event { command: Command::Pause, at: t0 + 60_000 }]);
        let v = ClockView::build(block, &paused, 2, t0 + 60_000, vec![]);
        assert_eq!(v.remaining_at(t0 + 10 * 60_000), (74 * 60_000, 164 * 60_000));
    }

    #[test]
    fn the_working_session_is_the_one_before_the_break_during_the_break() {
        let seed = parse_seed("seeds/meeting.toml", include_str!("../../../seeds/meeting.toml")).unwrap();
        let block = &seed.agenda[0];
        let t0 = 1_000_000;
        let at = |cmds: &[Command]| {
            let events: Vec<Event> = cmds.iter().enumerate().map(|(i, c)| Event { command: *c, at: t0 + i as i64 }).collect();
            ClockView::build(block, &ClockState::replay(block, &events), events.len(), t0 + 10, vec![])
        };
        assert_eq!(at(&[]).working_session(), Some(1), "before the start");
        let on_break = at(&[Command::Start, Command::Next]);
        assert_eq!((on_break.current_session(), on_break.working_session()), (None, Some(1)));
        assert_eq!(at(&[Command::Start, Command::Next, Command::Next]).working_session(), Some(2));
        let ended = at(&[Command::Start, Command::End]);
        assert!(!ended.answers_open() && at(&[Command::Start]).answers_open());
    }
}
