//! The meeting clock of one agenda block, as pure arithmetic over a log of
//! timestamped commands. Nothing counts in memory: the state at any instant
//! is recomputed from the log, so a restart (or a second screen) gets the
//! same answer from the same log.

use super::session::{AgendaBlock, SegmentKind};
use serde::{Deserialize, Serialize};

/// Milliseconds since the Unix epoch.
pub type Millis = i64;

/// What the committee can do to a block's clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Command {
    Start,
    Pause,
    Resume,
    /// Add (or, negative, remove) minutes to the current segment.
    Adjust {
        minutes: i32,
    },
    /// Leave the current segment and start the next one (e.g. the coffee break).
    Next,
    End,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub command: Command,
    pub at: Millis,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    NotStarted,
    Running,
    Paused,
    /// Running, in a break segment.
    Break,
    Ended,
}

/// Why a command does not apply now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    NotStarted,
    AlreadyStarted,
    NotRunning,
    NotPaused,
    Ended,
    LastSegment,
    /// An adjustment of 0 minutes, or one that would leave less than nothing.
    BadAdjustment,
}

/// The clock folded up to some instant. `elapsed_before` and `running_since`
/// describe the current segment: time spent in it before the last resume,
/// and when it last started running.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockState {
    pub planned_ms: Vec<Millis>,
    pub kinds: Vec<SegmentKind>,
    /// Per segment, minutes added or removed (in ms).
    pub adjust_ms: Vec<Millis>,
    pub segment: usize,
    pub started: bool,
    pub ended: bool,
    pub running_since: Option<Millis>,
    pub elapsed_before: Millis,
}

const MINUTE: Millis = 60_000;

impl ClockState {
    pub fn new(block: &AgendaBlock) -> Self {
        ClockState {
            planned_ms: block.segments.iter().map(|s| s.minutes as Millis * MINUTE).collect(),
            kinds: block.segments.iter().map(|s| s.kind).collect(),
            adjust_ms: vec![0; block.segments.len()],
            segment: 0,
            started: false,
            ended: false,
            running_since: None,
            elapsed_before: 0,
        }
    }

    /// Replays a log; commands that did not apply when given are skipped.
    pub fn replay(block: &AgendaBlock, events: &[Event]) -> Self {
        let mut state = ClockState::new(block);
        for e in events {
            let _ = state.apply(*e);
        }
        state
    }

    pub fn status(&self) -> Status {
        match (self.started, self.ended, self.running_since) {
            (false, _, _) => Status::NotStarted,
            (_, true, _) => Status::Ended,
            (_, _, None) => Status::Paused,
            (_, _, Some(_)) if self.kinds[self.segment] == SegmentKind::Break => Status::Break,
            _ => Status::Running,
        }
    }

    /// Applies a command at its instant, or says why it cannot.
    pub fn apply(&mut self, e: Event) -> Result<(), Refusal> {
        let at = e.at;
        match e.command {
            Command::Start if self.started => Err(Refusal::AlreadyStarted),
            Command::Start => {
                self.started = true;
                self.running_since = Some(at);
                Ok(())
            }
            _ if !self.started => Err(Refusal::NotStarted),
            _ if self.ended => Err(Refusal::Ended),
            Command::Pause => match self.running_since.take() {
                Some(since) => {
                    self.elapsed_before += (at - since).max(0);
                    Ok(())
                }
                None => Err(Refusal::NotRunning),
            },
            Command::Resume if self.running_since.is_some() => Err(Refusal::NotPaused),
            Command::Resume => {
                self.running_since = Some(at);
                Ok(())
            }
            Command::Adjust { minutes } => {
                let delta = minutes as Millis * MINUTE;
                let allotted = self.allotted(self.segment) + delta;
                if minutes == 0 || allotted <= 0 {
                    return Err(Refusal::BadAdjustment);
                }
                self.adjust_ms[self.segment] += delta;
                Ok(())
            }
            Command::Next if self.segment + 1 >= self.planned_ms.len() => Err(Refusal::LastSegment),
            Command::Next => {
                self.segment += 1;
                self.elapsed_before = 0;
                // Moving on always starts the next segment's countdown.
                self.running_since = Some(at);
                Ok(())
            }
            Command::End => {
                if let Some(since) = self.running_since.take() {
                    self.elapsed_before += (at - since).max(0);
                }
                self.ended = true;
                Ok(())
            }
        }
    }

    /// The time a segment has, adjustments included.
    pub fn allotted(&self, segment: usize) -> Millis {
        self.planned_ms[segment] + self.adjust_ms[segment]
    }

    /// Time spent in the current segment at `now`.
    pub fn elapsed(&self, now: Millis) -> Millis {
        self.elapsed_before + self.running_since.map_or(0, |since| (now - since).max(0))
    }

    /// Time left in the current segment at `now`; negative in overtime.
    pub fn segment_remaining(&self, now: Millis) -> Millis {
        if !self.started {
            return self.allotted(0);
        }
        self.allotted(self.segment) - self.elapsed(now)
    }

    /// Time left in the whole block: this segment plus every later one.
    pub fn block_remaining(&self, now: Millis) -> Millis {
        let later: Millis = (self.segment + 1..self.planned_ms.len()).map(|i| self.allotted(i)).sum();
        self.segment_remaining(now) + later
    }

    /// When the current segment reaches zero, if it is counting down.
    pub fn segment_deadline(&self) -> Option<Millis> {
        let since = self.running_since?;
        Some(since + self.allotted(self.segment) - self.elapsed_before)
    }

    pub fn block_deadline(&self) -> Option<Millis> {
        let later: Millis = (self.segment + 1..self.planned_ms.len()).map(|i| self.allotted(i)).sum();
        self.segment_deadline().map(|d| d + later)
    }
}

/// Warning level of a countdown, for colours on every screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Urgency {
    Calm,
    /// 10 minutes or less left.
    Soon,
    /// 5 minutes or less left.
    Closing,
    /// Past zero.
    Overtime,
}

pub fn urgency(remaining: Millis) -> Urgency {
    match remaining {
        r if r < 0 => Urgency::Overtime,
        r if r <= 5 * MINUTE => Urgency::Closing,
        r if r <= 10 * MINUTE => Urgency::Soon,
        _ => Urgency::Calm,
    }
}

/// "74:59", "-0:12", "2:45:00": a countdown as screens show it. Below two
/// hours in minutes (the document speaks of 75-minute sessions), from two
/// hours on with hours. Seconds round up while counting down, so zero
/// appears exactly at the deadline.
pub fn format_countdown(remaining: Millis) -> String {
    let negative = remaining < 0;
    let secs = if negative { (-remaining) / 1000 } else { (remaining + 999) / 1000 };
    let sign = if negative { "-" } else { "" };
    if secs >= 7200 {
        let (h, m, s) = (secs / 3600, (secs % 3600) / 60, secs % 60);
        format!("{sign}{h}:{m:02}:{s:02}")
    } else {
        format!("{sign}{}:{:02}", secs / 60, secs % 60)
    }
}

#[cfg(test)]
#[path = "clock_tests.rs"]
mod tests;
