//! The server side of `committee`.

use super::access_impl::renew_session;
use super::committee::{CommitteeView, IssuedLink, SharedLink};
use super::context::{announce_roles_changed, fail, Ctx};
use crate::db::{self, browser_sessions, coordinators, participants};
use crate::domain::roster::{CoordinatorLink, CoordinatorRank};
use crate::error::{AppError, Field, Problem};
use crate::{qr, secrets};
use std::time::Instant;

/// The address people reach this site at: the configured public URL, else
/// the Host the committee used (so links work on the venue's network).
fn base_url(ctx: &Ctx) -> String {
    if let Some(url) = &ctx.state.public_url {
        return url.trim_end_matches('/').to_string();
    }
    let host = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|p| p.headers.get(http::header::HOST).and_then(|h| h.to_str().ok()).map(str::to_string))
        .unwrap_or_else(|| ctx.state.leptos_options.site_addr.to_string());
    format!("http://{host}")
}

pub(super) fn shared(ctx: &Ctx, path: &str) -> SharedLink {
    let url = format!("{}{path}", base_url(ctx));
    let qr_svg = qr::svg(&url).unwrap_or_default();
    SharedLink { url, qr_svg }
}

fn issued(ctx: &Ctx, link: CoordinatorLink) -> IssuedLink {
    let shared = shared(ctx, &format!("/coordinate/{}", link.token));
    IssuedLink { link, shared }
}

/// Refuses a client that tried too many wrong sign-in links (per address).
fn sign_in_allowed(ctx: &Ctx) -> Result<(), AppError> {
    match ctx.state.wrong_sign_ins.wait(&ctx.auth.client, Instant::now()) {
        Some(wait) => fail(AppError::RateLimited { retry_after_seconds: wait }),
        None => Ok(()),
    }
}

fn wrong_sign_in<T>(ctx: &Ctx, refusal: AppError) -> Result<T, AppError> {
    ctx.state.wrong_sign_ins.record_failure(&ctx.auth.client, Instant::now());
    fail(refusal)
}

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

pub async fn overview(ctx: &Ctx) -> Result<CommitteeView, AppError> {
    let pool = &ctx.state.pool;
    let seed = super::context::reader_seed(&ctx.state).await?;
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
        join: shared(ctx, &format!("/join?code={code}")),
        join_code: code.to_string(),
        group_sets,
        links,
        participants: participants::all(pool, ctx.state.meeting).await?,
    })
}

fn rank(deputy: bool) -> CoordinatorRank {
    CoordinatorRank::from_deputy(deputy)
}

pub async fn issue_link(ctx: &Ctx, group: &str, deputy: bool) -> Result<IssuedLink, AppError> {
    let token = secrets::link_token();
    match coordinators::issue(&ctx.state.pool, ctx.state.meeting, group, rank(deputy), &token).await? {
        Some(link) => {
            announce_roles_changed(&ctx.state).await?;
            Ok(issued(ctx, link))
        }
        None => fail(AppError::NotFound(format!("group {group}"))),
    }
}

pub async fn revoke_link(ctx: &Ctx, group: &str, deputy: bool) -> Result<(), AppError> {
    match coordinators::revoke(&ctx.state.pool, ctx.state.meeting, group, rank(deputy)).await? {
        true => announce_roles_changed(&ctx.state).await,
        false => fail(AppError::NotFound(format!("live link of group {group}"))),
    }
}

pub async fn promote(ctx: &Ctx, group: &str, participant: i64, deputy: bool) -> Result<(), AppError> {
    match coordinators::promote(&ctx.state.pool, ctx.state.meeting, group, participant, rank(deputy)).await? {
        true => announce_roles_changed(&ctx.state).await,
        false => fail(AppError::Validation { field: Field::Participant, problem: Problem::NotInGroup }),
    }
}

pub async fn demote(ctx: &Ctx, group: &str, participant: i64) -> Result<(), AppError> {
    match coordinators::demote(&ctx.state.pool, ctx.state.meeting, group, participant).await? {
        true => announce_roles_changed(&ctx.state).await,
        false => fail(AppError::NotFound("coordinator".into())),
    }
}

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
