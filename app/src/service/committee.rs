//! The organizing committee: signing in, the overview of groups and people,
//! coordinator links and promotions, and rotating the committee's token.
//! Also the coordinator's own sign-in through a link.

use super::access::renew_session;
use super::links::{join, shared};
use super::{announce_roles_changed, Ctx};
use crate::db::{self, browser_sessions, coordinators, participants};
use crate::domain::roster::{CoordinatorLink, CoordinatorRank};
use crate::domain::views::people::{CommitteeView, IssuedLink, SharedLink};
use crate::error::{AppError, Field, Problem};
use crate::secrets;
use std::time::Instant;

fn issued(ctx: &Ctx, link: CoordinatorLink) -> IssuedLink {
    let shared = shared(ctx, &format!("/coordinate/{}", link.token));
    IssuedLink { link, shared }
}

/// Refuses a client that tried too many wrong sign-in links (per address).
fn sign_in_allowed(ctx: &Ctx) -> Result<(), AppError> {
    match ctx.state.wrong_sign_ins.wait(&ctx.auth.client, Instant::now()) {
        Some(wait) => Err(AppError::RateLimited { retry_after_seconds: wait }),
        None => Ok(()),
    }
}

fn wrong_sign_in<T>(ctx: &Ctx, refusal: AppError) -> Result<T, AppError> {
    ctx.state.wrong_sign_ins.record_failure(&ctx.auth.client, Instant::now());
    Err(refusal)
}

#[tracing::instrument(skip_all)]
pub async fn sign_in(ctx: &Ctx, token: &str) -> Result<(), AppError> {
    sign_in_allowed(ctx)?;
    if token.len() > 200 || !db::access::committee_token_matches(&ctx.state.pool, ctx.state.meeting, token).await? {
        return wrong_sign_in(ctx, AppError::Forbidden);
    }
    // Backups are signed with a key from the token: a server started without
    // it learns the key from the first sign-in with the link.
    db::backup_key::remember(&ctx.state.pool, ctx.state.meeting, token).await?;
    let session = match ctx.auth.session {
        Some(s) => s,
        None => browser_sessions::create(&ctx.state.pool, ctx.state.meeting, &secrets::session_token()).await?,
    };
    browser_sessions::grant_committee(&ctx.state.pool, session).await?;
    renew_session(ctx, session).await
}

#[tracing::instrument(skip_all)]
pub async fn coordinator_sign_in(ctx: &Ctx, token: &str) -> Result<(), AppError> {
    sign_in_allowed(ctx)?;
    let link = match token.len() {
        32 => coordinators::find_live(&ctx.state.pool, ctx.state.meeting, token).await?,
        _ => None,
    };
    let Some(link) = link else { return wrong_sign_in(ctx, AppError::NotFound("coordinator link".into())) };
    let session = match ctx.auth.session {
        Some(s) => s,
        None => browser_sessions::create(&ctx.state.pool, ctx.state.meeting, &secrets::session_token()).await?,
    };
    browser_sessions::set_coordinator_link(&ctx.state.pool, session, link.id).await?;
    renew_session(ctx, session).await
}

#[tracing::instrument(skip_all)]
pub async fn overview(ctx: &Ctx) -> Result<CommitteeView, AppError> {
    let pool = &ctx.state.pool;
    let seed = ctx.seed().await?;
    let code = db::access::join_code(pool, ctx.state.meeting).await?;
    let group_sets = seed
        .group_sets
        .iter()
        .map(|set| {
            let sessions = seed.sessions.iter().filter(|s| s.group_set == set.id).map(|s| s.number).collect();
            (set.clone(), sessions)
        })
        .collect();
    let links = coordinators::live_links(pool, ctx.state.meeting).await?.into_iter().map(|l| issued(ctx, l)).collect();
    Ok(CommitteeView {
        join: join(ctx, &code),
        join_code: code.to_string(),
        group_sets,
        links,
        participants: participants::all(pool, ctx.state.meeting).await?,
    })
}

fn rank(deputy: bool) -> CoordinatorRank {
    CoordinatorRank::from_deputy(deputy)
}

#[tracing::instrument(skip(ctx))]
pub async fn issue_link(ctx: &Ctx, group: &str, deputy: bool) -> Result<IssuedLink, AppError> {
    let token = secrets::link_token();
    match coordinators::issue(&ctx.state.pool, ctx.state.meeting, group, rank(deputy), &token).await? {
        Some(link) => {
            announce_roles_changed(&ctx.state).await?;
            Ok(issued(ctx, link))
        }
        None => Err(AppError::NotFound(format!("group {group}"))),
    }
}

#[tracing::instrument(skip(ctx))]
pub async fn revoke_link(ctx: &Ctx, group: &str, deputy: bool) -> Result<(), AppError> {
    match coordinators::revoke(&ctx.state.pool, ctx.state.meeting, group, rank(deputy)).await? {
        true => announce_roles_changed(&ctx.state).await,
        false => Err(AppError::NotFound(format!("live link of group {group}"))),
    }
}

#[tracing::instrument(skip(ctx))]
pub async fn promote(ctx: &Ctx, group: &str, participant: i64, deputy: bool) -> Result<(), AppError> {
    match coordinators::promote(&ctx.state.pool, ctx.state.meeting, group, participant, rank(deputy)).await? {
        true => announce_roles_changed(&ctx.state).await,
        false => Err(AppError::Validation { field: Field::Participant, problem: Problem::NotInGroup }),
    }
}

#[tracing::instrument(skip(ctx))]
pub async fn demote(ctx: &Ctx, group: &str, participant: i64) -> Result<(), AppError> {
    match coordinators::demote(&ctx.state.pool, ctx.state.meeting, group, participant).await? {
        true => announce_roles_changed(&ctx.state).await,
        false => Err(AppError::NotFound("coordinator".into())),
    }
}

#[tracing::instrument(skip_all)]
pub async fn rotate_token(ctx: &Ctx) -> Result<SharedLink, AppError> {
    let token = secrets::committee_token();
    db::access::set_committee_token(&ctx.state.pool, ctx.state.meeting, &token).await?;
    if let Some(me) = ctx.auth.session {
        browser_sessions::revoke_committee_except(&ctx.state.pool, ctx.state.meeting, Some(me)).await?;
    }
    // Open realtime streams read their listener's role again.
    announce_roles_changed(&ctx.state).await?;
    Ok(shared(ctx, &format!("/committee?token={token}")))
}
