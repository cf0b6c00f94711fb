//! Optional per-question timeboxes: the committee or a coordinator suggests
//! how many minutes of the session each guiding question should take. Laid
//! end to end in the guide's order, they turn the session's elapsed time
//! into a gentle hint: which question the group "should" be on and how far
//! into its share it is. Questions without a timebox are skipped.

use super::clock::{Millis, Status};
use super::clock_view::ClockView;
use serde::{Deserialize, Serialize};

/// The longest suggestion accepted for one question (a whole day would be
/// a typo, not a plan).
pub const MAX_MINUTES: u32 = 240;

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Progress {
    Upcoming,
    /// `fraction` of the question's share used (0..1), `left_ms` of it left.
    Current {
        fraction: f64,
        left_ms: Millis,
    },
    Done,
}

/// Checks a suggestion typed by a person: empty clears it.
pub fn parse_minutes(s: &str) -> Result<Option<u32>, &'static str> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    match s.parse::<u32>() {
        Ok(0) => Ok(None),
        Ok(n) if n <= MAX_MINUTES => Ok(Some(n)),
        Ok(_) => Err("too_large"),
        Err(_) => Err("not_a_number"),
    }
}

/// Where each question stands after `elapsed` ms of the session, for the
/// questions (in order) with their suggested minutes.
pub fn progress(plan: &[(String, Option<u32>)], elapsed: Millis) -> Vec<(String, Option<Progress>)> {
    let mut start: Millis = 0;
    let mut current_found = false;
    plan.iter()
        .map(|(key, minutes)| {
            let Some(m) = minutes else { return (key.clone(), None) };
            let len = *m as Millis * 60_000;
            let end = start + len;
            let p = if elapsed >= end {
                Progress::Done
            } else if elapsed >= start && !current_found {
                current_found = true;
                Progress::Current { fraction: (elapsed - start) as f64 / len as f64, left_ms: end - elapsed }
            } else {
                Progress::Upcoming
            };
            start = end;
            (key.clone(), Some(p))
        })
        .collect()
}

impl ClockView {
    /// How long session `session` has been worked on at server time `now`:
    /// 0 before its segment starts, its whole allotment once past it, and
    /// time since its start while it runs (past the allotment in overtime).
    pub fn elapsed_in_session(&self, session: u32, now: Millis) -> Option<Millis> {
        let at = self.segments.iter().position(|s| s.session == Some(session))?;
        let allotted = self.segments[at].allotted_ms;
        Some(if self.status == Status::NotStarted || self.segment < at {
            0
        } else if self.segment > at || self.status == Status::Ended {
            allotted
        } else {
            (allotted - self.remaining_at(now).0).max(0)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::clock::{ClockState, Command, Event};
    use crate::domain::parse_seed;

    fn plan(minutes: &[Option<u32>]) -> Vec<(String, Option<u32>)> {
        minutes.iter().enumerate().map(|(i, m)| (format!("q{i}"), *m)).collect()
    }

    const MIN: Millis = 60_000;

    #[test]
    fn shares_are_laid_end_to_end_and_untimed_questions_skipped() {
        let p = plan(&[Some(10), None, Some(20)]);
        let at = |ms| progress(&p, ms).into_iter().map(|(_, x)| x).collect::<Vec<_>>();
        assert_eq!(at(0), vec![Some(Progress::Current { fraction: 0.0, left_ms: 10 * MIN }), None, Some(Progress::Upcoming)]);
        assert_eq!(at(15 * MIN), vec![Some(Progress::Done), None, Some(Progress::Current { fraction: 0.25, left_ms: 15 * MIN })]);
        assert_eq!(at(45 * MIN), vec![Some(Progress::Done), None, Some(Progress::Done)], "overtime: all done");
    }

    #[test]
    fn at_most_one_question_is_current_and_progress_never_goes_back() {
        let p = plan(&[Some(5), Some(1), Some(7), None, Some(3)]);
        let mut last_done = 0;
        for s in 0..(20 * 60) {
            let now = progress(&p, s * 1000);
            let current = now.iter().filter(|(_, x)| matches!(x, Some(Progress::Current { .. }))).count();
            assert!(current <= 1);
            let done = now.iter().filter(|(_, x)| *x == Some(Progress::Done)).count();
            assert!(done >= last_done);
            last_done = done;
        }
    }

    #[test]
    fn minutes_typed_are_checked() {
        assert_eq!(parse_minutes(" 15 "), Ok(Some(15)));
        assert_eq!(parse_minutes(""), Ok(None));
        assert_eq!(parse_minutes("0"), Ok(None));
        assert_eq!(parse_minutes("241"), Err("too_large"));
        assert_eq!(parse_minutes("diez"), Err("not_a_number"));
        assert_eq!(parse_minutes("-3"), Err("not_a_number"));
    }

    #[test]
    fn elapsed_time_follows_the_sessions_segment() {
        let seed = parse_seed("seeds/meeting.toml", include_str!("../../../seeds/meeting.toml")).unwrap();
        let block = &seed.agenda[0];
        let t0 = 1_000_000;
        let view = |cmds: &[Command], now| {
            let events: Vec<Event> = cmds.iter().map(|c| Event { command: *c, at: t0 }).collect();
            ClockView::build(block, &ClockState::replay(block, &events), events.len(), now, vec![])
        };
        assert_eq!(view(&[], t0).elapsed_in_session(1, t0), Some(0));
        let running = view(&[Command::Start], t0 + 10 * MIN);
        assert_eq!(running.elapsed_in_session(1, t0 + 10 * MIN), Some(10 * MIN));
        assert_eq!(running.elapsed_in_session(2, t0 + 10 * MIN), Some(0), "session 2 comes after the break");
        let on_break = view(&[Command::Start, Command::Next], t0);
        assert_eq!(on_break.elapsed_in_session(1, t0), Some(75 * MIN));
        assert_eq!(running.elapsed_in_session(4, t0), None, "not in this block");
    }
}
