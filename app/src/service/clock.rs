//! The meeting clock: everyone reads it; the committee runs it. Every command is checked against the folded
//! log inside an immediate transaction (one writer at a time), stored, and
//! announced after commit.

use super::{invalid, Ctx};
use crate::db::clock;
use crate::domain::change::CLOCK;
use crate::domain::clock::{ClockState, Command, Event, Refusal};
use crate::domain::clock_view::ClockView;
use crate::domain::session::AgendaBlock;
use crate::error::{AppError, ConflictReason, Field, Problem};
use crate::state::{now_ms, AppState};

async fn block_of(state: &AppState, lang: &str, key: &str) -> Result<(AgendaBlock, Vec<(String, crate::domain::Text)>), AppError> {
    let seed = state.seed_for(lang).await?;
    let blocks = seed.agenda.iter().map(|b| (b.id.clone(), b.title.clone())).collect();
    let block = seed.agenda.iter().find(|b| b.id == key).cloned().ok_or(AppError::Internal)?;
    Ok((block, blocks))
}

/// The clock of the current block as every screen shows it, its block
/// titles in `lang`.
#[tracing::instrument(skip_all)]
pub async fn view(state: &AppState, lang: &str) -> Result<ClockView, AppError> {
    let clock::BlockRow { id, key } = clock::current_block(&state.pool, state.meeting).await?;
    let (block, blocks) = block_of(state, lang, &key).await?;
    let events = clock::events(&state.pool, id).await?;
    let folded = ClockState::replay(&block, &events);
    Ok(ClockView::build(&block, &folded, events.len(), now_ms(), blocks))
}

fn parse(command: &str, minutes: Option<i32>) -> Result<Command, AppError> {
    Ok(match command {
        "start" => Command::Start,
        "pause" => Command::Pause,
        "resume" => Command::Resume,
        "next" => Command::Next,
        "end" => Command::End,
        "adjust" => match minutes {
            Some(m) if m != 0 && m.abs() <= 180 => Command::Adjust { minutes: m },
            _ => return invalid(Field::Minutes, Problem::OutOfRange),
        },
        _ => return invalid(Field::Command, Problem::ChooseOne),
    })
}

fn refusal(r: Refusal) -> AppError {
    AppError::Conflict(match r {
        Refusal::NotStarted => ConflictReason::NotStarted,
        Refusal::AlreadyStarted => ConflictReason::AlreadyStarted,
        Refusal::NotRunning => ConflictReason::NotRunning,
        Refusal::NotPaused => ConflictReason::NotPaused,
        Refusal::Ended => ConflictReason::Ended,
        Refusal::LastSegment => ConflictReason::LastSegment,
        Refusal::BadAdjustment => ConflictReason::AdjustRange,
    })
}

#[tracing::instrument(skip(ctx))]
pub async fn command(ctx: &Ctx, command: &str, minutes: Option<i32>) -> Result<ClockView, AppError> {
    let command = parse(command, minutes)?;
    let state = &ctx.state;
    let clock::BlockRow { id, key } = clock::current_block(&state.pool, state.meeting).await?;
    let (block, _) = block_of(state, ctx.lang, &key).await?;
    let mut tx = crate::db::begin_write(&state.pool).await?;
    let events = clock::events_in(&mut tx, id).await?;
    let mut folded = ClockState::replay(&block, &events);
    let event = Event { command, at: now_ms() };
    if let Err(r) = folded.apply(event) {
        return Err(refusal(r));
    }
    clock::append(&mut tx, id, event).await?;
    super::commit(state, tx, CLOCK, event.at).await?;
    view(state, ctx.lang).await
}

#[tracing::instrument(skip_all)]
pub async fn undo(ctx: &Ctx) -> Result<ClockView, AppError> {
    let state = &ctx.state;
    let id = clock::current_block(&state.pool, state.meeting).await?.id;
    let mut tx = crate::db::begin_write(&state.pool).await?;
    if !clock::undo_last(&mut tx, id).await? {
        return Err(AppError::Conflict(ConflictReason::NothingToUndo));
    }
    super::commit(state, tx, CLOCK, now_ms()).await?;
    view(state, ctx.lang).await
}

#[tracing::instrument(skip(ctx))]
pub async fn select_block(ctx: &Ctx, key: &str) -> Result<ClockView, AppError> {
    let state = &ctx.state;
    let mut tx = crate::db::begin_write(&state.pool).await?;
    let Some(id) = clock::block_id(&mut tx, state.meeting, key).await? else {
        return invalid(Field::Block, Problem::ChooseOne);
    };
    clock::set_current_block(&mut tx, state.meeting, id).await?;
    super::commit(state, tx, CLOCK, now_ms()).await?;
    view(state, ctx.lang).await
}
