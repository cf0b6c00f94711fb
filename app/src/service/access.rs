//! Joining the meeting and one's own browser session: who am I, join with
//! the code, change my profile, see my groups, sign out.

use super::{announce, announce_roles_changed, invalid, Ctx};
use crate::db::{self, browser_sessions, participants};
use crate::domain::change::PEOPLE;
use crate::domain::group::{GroupSet, Sector};
use crate::domain::join_code::{lockout_seconds, JoinCode};
use crate::domain::participant::{known_affiliations, suggest_group, ProfileInput};
use crate::domain::roles::{authorize, Action, ActionKind};
use crate::domain::roster::CoordinatorRank;
use crate::domain::views::people::{GroupRoster, JoinForm, Me};
use crate::error::{AppError, Field, Problem};
use crate::state::now_ms;
use crate::{auth, secrets};
use std::time::Instant;

#[tracing::instrument(skip_all)]
pub async fn me(ctx: &Ctx) -> Result<Me, AppError> {
    me_of(ctx, &ctx.auth.caller).await
}

/// `Me` for a caller (the request's, or one just changed by this request).
async fn me_of(ctx: &Ctx, c: &crate::domain::roles::Caller) -> Result<Me, AppError> {
    let participant = match c.participant {
        Some(id) => participants::get(&ctx.state.pool, ctx.state.meeting, id).await?,
        None => None,
    };
    let mut group_names = Vec::new();
    if !c.member_of.is_empty() || !c.coordinates.is_empty() {
        let seed = ctx.seed().await?;
        for g in seed.group_sets.iter().flat_map(|s| s.groups.iter()) {
            if c.member_of.contains(&g.id) || c.coordinates.contains(&g.id) {
                group_names.push((g.id.clone(), g.name.clone()));
            }
        }
    }
    Ok(Me { committee: c.committee, participant, coordinates: c.coordinates.clone(), group_names })
}

/// The group set participants choose from (the seed marks it `join`).
async fn joinable_groups(ctx: &Ctx) -> Result<GroupSet, AppError> {
    let seed = ctx.seed().await?;
    seed.group_sets.iter().find(|s| s.join).cloned().ok_or(AppError::Internal)
}

#[tracing::instrument(skip_all)]
pub async fn join_form(ctx: &Ctx) -> Result<JoinForm, AppError> {
    let groups = joinable_groups(ctx).await?;
    let affiliations = known_affiliations(&groups, ctx.lang);
    let seed = ctx.seed().await?;
    let numbers: Vec<u32> = seed.sessions.iter().filter(|s| s.group_set == groups.id).map(|s| s.number).collect();
    let sessions = if numbers.len() == seed.sessions.len() { String::new() } else { crate::domain::session::span(&numbers) };
    Ok(JoinForm { groups, sessions, affiliations, me: me(ctx).await? })
}

/// The browser's session, created (and its cookie set) if it has none yet:
/// only once there is something to keep in it (a participant).
async fn session_of(ctx: &Ctx) -> Result<browser_sessions::SessionId, AppError> {
    if let Some(s) = ctx.auth.session {
        return Ok(s);
    }
    browser_sessions::expire_anonymous(&ctx.state.pool, ctx.state.meeting).await?;
    let token = secrets::session_token();
    let session = browser_sessions::create(&ctx.state.pool, ctx.state.meeting, &token).await?;
    ctx.set_cookie(auth::session_cookie(&token, ctx.state.secure_cookies()));
    Ok(session)
}

/// A role was granted: the browser gets a fresh token.
pub async fn renew_session(ctx: &Ctx, session: browser_sessions::SessionId) -> Result<(), AppError> {
    let token = secrets::session_token();
    browser_sessions::renew(&ctx.state.pool, session, &token).await?;
    ctx.set_cookie(auth::session_cookie(&token, ctx.state.secure_cookies()));
    Ok(())
}

/// Checks the meeting code. Wrong ones count against the browser (when it
/// has a session: a guesser dropping cookies gets none) and against its
/// address, with a venue-sized allowance (`crate::attempts`) — never against
/// the meeting, so a phone with the right code elsewhere always gets in.
async fn check_code(ctx: &Ctx, typed: &str) -> Result<(), AppError> {
    let pool = &ctx.state.pool;
    let session = ctx.auth.session;
    if let Some(session) = session {
        if let Some(until) = browser_sessions::join_blocked_until(pool, session).await? {
            let wait = (until - now_ms() + 999) / 1000;
            if wait > 0 {
                return Err(AppError::RateLimited { retry_after_seconds: wait as u64 });
            }
        }
    }
    if let Some(wait) = ctx.state.wrong_codes.wait(&ctx.auth.client, Instant::now()) {
        return Err(AppError::RateLimited { retry_after_seconds: wait });
    }
    let code = match JoinCode::parse(typed) {
        Ok(code) => code,
        Err(_) => return invalid(Field::Code, Problem::CodeFormat),
    };
    let right = db::access::join_code(pool, ctx.state.meeting).await?;
    if code == right {
        if let Some(session) = session {
            browser_sessions::reset_failed_joins(pool, session).await?;
        }
        return Ok(());
    }
    ctx.state.wrong_codes.record_failure(&ctx.auth.client, Instant::now());
    let Some(session) = session else { return invalid(Field::Code, Problem::WrongCode) };
    let now = now_ms();
    let failures = browser_sessions::record_failed_join(pool, session, |n| {
        let secs = lockout_seconds(n);
        (secs > 0).then(|| now + secs as i64 * 1000)
    })
    .await?;
    match lockout_seconds(failures) {
        0 => invalid(Field::Code, Problem::WrongCode),
        secs => Err(AppError::RateLimited { retry_after_seconds: secs }),
    }
}

/// Validates a profile, filling an empty group with the suggested one.
async fn profile(
    ctx: &Ctx,
    name: String,
    affiliation: String,
    sector: String,
    group: String,
) -> Result<crate::domain::participant::Profile, AppError> {
    let groups = joinable_groups(ctx).await?;
    let mut input = ProfileInput { name, affiliation, sector, group };
    if input.group.trim().is_empty() {
        let sector = match input.sector.as_str() {
            "ngo" => Sector::Ngo,
            "business" => Sector::Business,
            _ => Sector::Government,
        };
        if let Some(g) = suggest_group(&groups.groups, &input.affiliation, sector) {
            input.group = g.id.clone();
        }
    }
    match input.validate(&groups) {
        Ok(p) => Ok(p),
        Err(errors) => {
            let first = &errors[0];
            invalid(first.field, first.code)
        }
    }
}

#[tracing::instrument(skip_all)]
pub async fn join(ctx: &Ctx, code: &str, name: String, affiliation: String, sector: String, group: String) -> Result<Me, AppError> {
    check_code(ctx, code).await?;
    let profile = profile(ctx, name, affiliation, sector, group).await?;
    let session = session_of(ctx).await?;
    let pool = &ctx.state.pool;
    let again = ctx.auth.caller.participant;
    let participant = match again {
        // Joining again from the same browser changes the profile instead of
        // creating a second participant.
        Some(id) => {
            participants::update(pool, ctx.state.meeting, id, &profile).await?;
            id
        }
        None => participants::insert(pool, ctx.state.meeting, &profile).await?,
    };
    browser_sessions::set_participant(pool, session, participant).await?;
    renew_session(ctx, session).await?;
    match again {
        Some(_) => announce_roles_changed(&ctx.state).await?,
        None => announce(&ctx.state, PEOPLE).await?,
    }
    let caller = browser_sessions::caller(pool, session).await?;
    me_of(ctx, &caller).await
}

#[tracing::instrument(skip_all)]
pub async fn update_profile(ctx: &Ctx, name: String, affiliation: String, sector: String, group: String) -> Result<Me, AppError> {
    let Some(id) = ctx.auth.caller.participant else { return Err(AppError::Unauthorized) };
    let profile = profile(ctx, name, affiliation, sector, group).await?;
    participants::update(&ctx.state.pool, ctx.state.meeting, id, &profile).await?;
    announce_roles_changed(&ctx.state).await?;
    let session = ctx.auth.session.ok_or(AppError::Unauthorized)?;
    let caller = browser_sessions::caller(&ctx.state.pool, session).await?;
    me_of(ctx, &caller).await
}

#[tracing::instrument(skip_all)]
pub async fn my_groups(ctx: &Ctx) -> Result<Vec<GroupRoster>, AppError> {
    let c = &ctx.auth.caller;
    let mut keys: Vec<&String> = Vec::new();
    for k in c.member_of.iter().chain(c.coordinates.iter()) {
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    let seed = ctx.seed().await?;
    let links = db::coordinators::live_links(&ctx.state.pool, ctx.state.meeting).await?;
    let mut out = Vec::new();
    for key in keys {
        if authorize(c, &Action::on_group(ActionKind::ReadGroupRoster, key)).is_err() {
            continue;
        }
        let Some(group) = seed.group_sets.iter().flat_map(|s| s.groups.iter()).find(|g| &g.id == key) else { continue };
        let members = participants::of_group(&ctx.state.pool, ctx.state.meeting, key).await?;
        let link_coordinators: Vec<CoordinatorRank> = links.iter().filter(|l| &l.group == key && l.browsers > 0).map(|l| l.rank).collect();
        out.push(GroupRoster { group: group.clone(), members, link_coordinators });
    }
    Ok(out)
}

#[tracing::instrument(skip_all)]
pub async fn sign_out(ctx: &Ctx) -> Result<(), AppError> {
    if let Some(session) = ctx.auth.session {
        browser_sessions::delete(&ctx.state.pool, session).await?;
    }
    ctx.set_cookie(auth::clear_session_cookie(ctx.state.secure_cookies()));
    Ok(())
}
