use super::*;
use crate::domain::session::Segment;
use crate::domain::Text;
use proptest::prelude::*;

const M: Millis = 60_000;
const T0: Millis = 1_192_700_000_000; // 18 Oct 2007, morning

fn block_1_2() -> AgendaBlock {
    let work = |session, minutes| Segment { kind: SegmentKind::Work, session: Some(session), minutes, label: None };
    AgendaBlock {
        id: "sesiones-1-2".into(),
        title: Text::es("Sesiones 1 y 2"),
        segments: vec![work(1, 75), Segment { kind: SegmentKind::Break, session: None, minutes: 15, label: None }, work(2, 75)],
    }
}

fn at(command: Command, minute: i64) -> Event {
    Event { command, at: T0 + minute * M }
}

#[test]
fn before_the_start_the_whole_block_is_ahead() {
    let s = ClockState::new(&block_1_2());
    assert_eq!(s.status(), Status::NotStarted);
    assert_eq!(s.segment_remaining(T0), 75 * M);
    assert_eq!(s.block_remaining(T0), 165 * M);
    assert_eq!(s.segment_deadline(), None);
}

#[test]
fn a_running_clock_counts_down_from_its_deadline() {
    let s = ClockState::replay(&block_1_2(), &[at(Command::Start, 0)]);
    assert_eq!(s.status(), Status::Running);
    assert_eq!(s.segment_remaining(T0 + 10 * M), 65 * M);
    assert_eq!(s.block_remaining(T0 + 10 * M), 155 * M);
    assert_eq!(s.segment_deadline(), Some(T0 + 75 * M));
    assert_eq!(s.block_deadline(), Some(T0 + 165 * M));
}

#[test]
fn pause_freezes_and_resume_continues() {
    let s = ClockState::replay(&block_1_2(), &[at(Command::Start, 0), at(Command::Pause, 20)]);
    assert_eq!(s.status(), Status::Paused);
    assert_eq!(s.segment_remaining(T0 + 20 * M), 55 * M);
    assert_eq!(s.segment_remaining(T0 + 90 * M), 55 * M, "paused time does not count");
    assert_eq!(s.segment_deadline(), None);
    let s = ClockState::replay(&block_1_2(), &[at(Command::Start, 0), at(Command::Pause, 20), at(Command::Resume, 30)]);
    assert_eq!(s.segment_remaining(T0 + 40 * M), 45 * M);
    assert_eq!(s.segment_deadline(), Some(T0 + 85 * M));
}

#[test]
fn extend_adds_and_shorten_removes_time_from_the_current_segment() {
    let s = ClockState::replay(&block_1_2(), &[at(Command::Start, 0), at(Command::Adjust { minutes: 10 }, 5)]);
    assert_eq!(s.segment_remaining(T0 + 5 * M), 80 * M);
    assert_eq!(s.block_remaining(T0 + 5 * M), 170 * M);
    let s = ClockState::replay(&block_1_2(), &[at(Command::Start, 0), at(Command::Adjust { minutes: -15 }, 5)]);
    assert_eq!(s.segment_remaining(T0 + 5 * M), 55 * M);
}

#[test]
fn the_break_is_its_own_countdown() {
    let s = ClockState::replay(&block_1_2(), &[at(Command::Start, 0), at(Command::Next, 70)]);
    assert_eq!(s.status(), Status::Break);
    assert_eq!(s.segment, 1);
    assert_eq!(s.segment_remaining(T0 + 75 * M), 10 * M);
    assert_eq!(s.block_remaining(T0 + 75 * M), 85 * M);
    let s = ClockState::replay(&block_1_2(), &[at(Command::Start, 0), at(Command::Next, 70), at(Command::Next, 85)]);
    assert_eq!(s.status(), Status::Running);
    assert_eq!(s.segment_remaining(T0 + 85 * M), 75 * M);
}

#[test]
fn overtime_is_negative_and_never_advances_by_itself() {
    let s = ClockState::replay(&block_1_2(), &[at(Command::Start, 0)]);
    assert_eq!(s.segment_remaining(T0 + 80 * M), -5 * M);
    assert_eq!(s.segment, 0);
    assert_eq!(urgency(s.segment_remaining(T0 + 80 * M)), Urgency::Overtime);
}

#[test]
fn commands_that_do_not_apply_are_refused() {
    let mut s = ClockState::new(&block_1_2());
    assert_eq!(s.apply(at(Command::Pause, 0)), Err(Refusal::NotStarted));
    s.apply(at(Command::Start, 0)).unwrap();
    assert_eq!(s.apply(at(Command::Start, 1)), Err(Refusal::AlreadyStarted));
    assert_eq!(s.apply(at(Command::Resume, 1)), Err(Refusal::NotPaused));
    assert_eq!(s.apply(at(Command::Adjust { minutes: -75 }, 1)), Err(Refusal::BadAdjustment));
    assert_eq!(s.apply(at(Command::Adjust { minutes: 0 }, 1)), Err(Refusal::BadAdjustment));
    s.apply(at(Command::Next, 2)).unwrap();
    s.apply(at(Command::Next, 3)).unwrap();
    assert_eq!(s.apply(at(Command::Next, 4)), Err(Refusal::LastSegment));
    s.apply(at(Command::End, 5)).unwrap();
    assert_eq!(s.status(), Status::Ended);
    assert_eq!(s.apply(at(Command::Resume, 6)), Err(Refusal::Ended));
}

#[test]
fn warnings_come_at_ten_and_five_minutes() {
    assert_eq!(urgency(11 * M), Urgency::Calm);
    assert_eq!(urgency(10 * M), Urgency::Soon);
    assert_eq!(urgency(5 * M), Urgency::Closing);
    assert_eq!(urgency(0), Urgency::Closing);
    assert_eq!(urgency(-1), Urgency::Overtime);
}

#[test]
fn countdowns_read_like_a_clock() {
    assert_eq!(format_countdown(75 * M), "75:00");
    assert_eq!(format_countdown(75 * M - 1), "75:00", "rounded up while counting down");
    assert_eq!(format_countdown(165 * M), "2:45:00");
    assert_eq!(format_countdown(0), "0:00");
    assert_eq!(format_countdown(-12_000), "-0:12");
    assert_eq!(format_countdown(-(61 * M)), "-61:00");
    assert_eq!(format_countdown(120 * M - 1000), "119:59");
    assert_eq!(format_countdown(120 * M), "2:00:00");
}

fn command() -> impl Strategy<Value = Command> {
    prop_oneof![
        Just(Command::Start),
        Just(Command::Pause),
        Just(Command::Resume),
        (-20i32..=20).prop_map(|minutes| Command::Adjust { minutes }),
        Just(Command::Next),
        Just(Command::End),
    ]
}

fn log() -> impl Strategy<Value = Vec<Event>> {
    prop::collection::vec((command(), 0i64..600_000), 0..25).prop_map(|steps| {
        let mut t = T0;
        steps
            .into_iter()
            .map(|(command, gap)| {
                t += gap;
                Event { command, at: t }
            })
            .collect()
    })
}

proptest! {
    /// Undo is replaying the log without its last command: the state is
    /// exactly what it was before that command.
    #[test]
    fn undo_restores_the_previous_state(events in log()) {
        let block = block_1_2();
        let mut before = ClockState::new(&block);
        for e in &events {
            let snapshot = before.clone();
            if before.apply(*e).is_err() {
                prop_assert_eq!(&before, &snapshot, "a refused command changes nothing");
            }
        }
        if let Some((_, rest)) = events.split_last() {
            let undone = ClockState::replay(&block, rest);
            let mut redone = undone.clone();
            let _ = redone.apply(*events.last().unwrap());
            prop_assert_eq!(redone, before);
        }
    }

    /// Between commands, remaining time falls exactly as fast as the wall
    /// clock while running and not at all otherwise: it never jumps.
    #[test]
    fn remaining_time_never_jumps(events in log(), dt in 0i64..3_600_000) {
        let state = ClockState::replay(&block_1_2(), &events);
        let now = events.last().map_or(T0, |e| e.at);
        let drop = state.segment_remaining(now) - state.segment_remaining(now + dt);
        match state.status() {
            Status::Running | Status::Break => prop_assert_eq!(drop, dt),
            _ => prop_assert_eq!(drop, 0),
        }
        prop_assert_eq!(
            state.block_remaining(now) - state.block_remaining(now + dt),
            drop,
            "the block counts down with its segment"
        );
    }

    /// The deadline and the remaining time always agree.
    #[test]
    fn deadline_and_remaining_agree(events in log(), dt in 0i64..3_600_000) {
        let state = ClockState::replay(&block_1_2(), &events);
        let now = events.last().map_or(T0, |e| e.at) + dt;
        if let Some(deadline) = state.segment_deadline() {
            prop_assert_eq!(deadline - now, state.segment_remaining(now));
        }
    }
}
