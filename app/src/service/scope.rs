//! What every group-work service needs before it acts: the group, the
//! session the clock says is in progress for that group, which guides it
//! answers, and who is writing, for attribution. The caller was checked
//! against the role table for this group before (by the server function).

use super::{invalid, Ctx};
use crate::db::{self, deliveries};
use crate::domain::author::Author;
use crate::domain::group::{Group, GroupSet};
use crate::domain::question::Guide;
use crate::domain::questionnaire::{self, ItemKind};
use crate::domain::session::Session;
use crate::domain::Seed;
use crate::error::{AppError, ConflictReason, Field, Problem};

pub struct Scope<'a> {
    pub ctx: &'a Ctx,
    pub seed: std::sync::Arc<Seed>,
    pub group: Group,
    pub group_id: i64,
    /// The session in progress, when it is one this group works in.
    pub session: Option<Session>,
    /// Whether participants may still answer (the block has not ended).
    pub answers_open: bool,
}

/// Loads `group` and its session. An unknown group is a 404 only for those
/// allowed to ask (the server function checks the caller first).
pub async fn scope<'a>(ctx: &'a Ctx, group: &str) -> Result<Scope<'a>, AppError> {
    let seed = ctx.seed().await?;
    let (set, found) = seed
        .group_sets
        .iter()
        .find_map(|s| s.groups.iter().find(|g| g.id == group).map(|g| (s.id.clone(), g.clone())))
        .ok_or_else(|| AppError::NotFound(format!("group {group}")))?;
    let group_id = db::matrix::group_id(&ctx.state.pool, ctx.state.meeting, group)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("group {group}")))?;
    let clock = super::clock::view(&ctx.state, ctx.lang).await?;
    let session =
        clock.working_session().and_then(|n| seed.sessions.iter().find(|s| s.number == n)).filter(|s| s.group_set == set).cloned();
    Ok(Scope { ctx, seed, group: found, group_id, session, answers_open: clock.answers_open() })
}

impl Scope<'_> {
    pub fn pool(&self) -> &db::Pool {
        &self.ctx.state.pool
    }

    /// Who this browser is, written next to what it changes (as data: each
    /// reader sees the role named in their own language, see `Author`).
    pub async fn author(&self) -> Result<String, AppError> {
        let c = &self.ctx.auth.caller;
        if let Some(id) = c.participant {
            if let Some(m) = db::participants::get(self.pool(), self.ctx.state.meeting, id).await? {
                return Ok(Author::Person(m.display_name().to_string()).stored());
            }
        }
        Ok(if c.coordinates.contains(&self.group.id) {
            Author::Coordinator(self.group.id.clone())
        } else if c.committee {
            Author::Committee
        } else {
            Author::Person("—".to_string())
        }
        .stored())
    }

    /// Sessions of this group already delivered to the committee.
    pub async fn delivered(&self) -> Result<Vec<u32>, AppError> {
        let all = deliveries::all(self.pool(), self.ctx.state.meeting).await?;
        Ok(all.into_iter().filter(|d| d.group == self.group.id).map(|d| d.session).collect())
    }

    /// The session whose work may change now, or a 409 saying why not.
    pub async fn open_session(&self, tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>) -> Result<Session, AppError> {
        let Some(session) = self.session.clone() else {
            return Err(AppError::Conflict(ConflictReason::NotThisSession));
        };
        if deliveries::is_delivered(tx, self.group_id, session.number).await? {
            return Err(AppError::Conflict(ConflictReason::Delivered));
        }
        Ok(session)
    }

    /// The set of groups this group belongs to (those of its sessions).
    pub fn group_set(&self) -> Option<&GroupSet> {
        self.seed.group_sets.iter().find(|set| set.groups.iter().any(|g| g.id == self.group.id))
    }

    /// Commits `tx` after recording a change of `what` in this group, then announces it.
    pub async fn commit(&self, tx: sqlx::Transaction<'_, sqlx::Sqlite>, what: &str) -> Result<(), AppError> {
        self.commit_for(tx, std::slice::from_ref(&self.group.id), what).await
    }

    /// Commits `tx` after recording a change of `what` in each of `groups`,
    /// then announces them.
    pub async fn commit_for(&self, mut tx: sqlx::Transaction<'_, sqlx::Sqlite>, groups: &[String], what: &str) -> Result<(), AppError> {
        let now = crate::state::now_ms();
        let mut changes = Vec::with_capacity(groups.len());
        for group in groups {
            changes.push(db::changes::record(&mut tx, &crate::domain::change::group_topic(group, what), now).await?);
        }
        self.ctx.state.hub.commit(tx, changes).await?;
        Ok(())
    }

    /// The guides of the sessions this group works in, the current one first.
    pub fn guides(&self) -> Vec<Guide> {
        let set = self.group_set();
        let mut ids: Vec<&str> = Vec::new();
        if let Some(current) = &self.session {
            ids.push(&current.guide);
        }
        for session in self.seed.sessions.iter().filter(|x| set.is_some_and(|set| set.id == x.group_set)) {
            if !ids.contains(&session.guide.as_str()) {
                ids.push(&session.guide);
            }
        }
        ids.into_iter().filter_map(|id| self.seed.guides.iter().find(|g| g.id == id).cloned()).collect()
    }

    /// The guide this group fills as a questionnaire: that of its sessions
    /// when none of them fills matrix columns (session 4's mixed groups).
    pub fn questionnaire(&self) -> Option<Guide> {
        let set = self.group_set()?;
        let sessions: Vec<_> = self.seed.sessions.iter().filter(|x| x.group_set == set.id).collect();
        if sessions.is_empty() || sessions.iter().any(|x| !x.matrix_columns.is_empty()) {
            return None;
        }
        self.seed.guides.iter().find(|g| g.id == sessions[0].guide).cloned()
    }

    /// The kind of item `item` of the group's questionnaire.
    pub fn item_kind(&self, item: &str) -> Result<ItemKind, AppError> {
        match self.questionnaire().and_then(|g| questionnaire::item_kind(&g, item)) {
            Some(kind) => Ok(kind),
            None => invalid(Field::Key, Problem::ChooseOne),
        }
    }
}
