//! The meeting's access settings: the join code and the committee's token.

use super::meeting::MeetingId;
use super::now_ms_sql;
use super::Pool;
use crate::domain::join_code::JoinCode;
use crate::secrets;

/// What start-up did about access.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessInit {
    pub join_code: String,
    /// A committee token made up now, to show once: `None` when one existed
    /// already or was given by the operator.
    pub generated_committee_token: Option<String>,
}

/// Makes sure the meeting has a join code and a committee token. A token
/// given by the operator (flag or environment) replaces the stored one, and a
/// different one signs every committee browser out (as rotating it from the
/// committee page does: whoever held the old one must not keep its rights);
/// otherwise the first start makes one up and later starts keep it.
pub async fn ensure(pool: &Pool, meeting: MeetingId, given_token: Option<&str>) -> Result<AccessInit, sqlx::Error> {
    let existing: Option<String> =
        sqlx::query_scalar("SELECT join_code FROM meeting_access WHERE meeting_id = $1").bind(meeting.0).fetch_optional(pool).await?;
    match (existing, given_token) {
        (Some(code), Some(token)) => {
            if !committee_token_matches(pool, meeting, token).await? {
                set_committee_token(pool, meeting, token).await?;
                super::browser_sessions::revoke_committee_except(pool, meeting, None).await?;
            }
            // A database made before backups were signed learns its key here.
            super::backup_key::remember(pool, meeting, token).await?;
            Ok(AccessInit { join_code: code, generated_committee_token: None })
        }
        (Some(code), None) => Ok(AccessInit { join_code: code, generated_committee_token: None }),
        (None, given) => {
            let generated = given.is_none().then(secrets::committee_token);
            let token = given.map(str::to_string).or_else(|| generated.clone()).unwrap_or_default();
            let code = secrets::random_join_code();
            sqlx::query("INSERT INTO meeting_access (meeting_id, join_code, committee_token_hash) VALUES ($1, $2, $3)")
                .bind(meeting.0)
                .bind(code.as_str())
                .bind(secrets::hash(&token))
                .execute(pool)
                .await?;
            super::backup_key::remember(pool, meeting, &token).await?;
            Ok(AccessInit { join_code: code.to_string(), generated_committee_token: generated })
        }
    }
}

pub async fn set_committee_token(pool: &Pool, meeting: MeetingId, token: &str) -> Result<(), sqlx::Error> {
    sqlx::query(concat!(
        "UPDATE meeting_access SET committee_token_hash = $2,
             updated_at = ",
        now_ms_sql!(),
        " WHERE meeting_id = $1"
    ))
    .bind(meeting.0)
    .bind(secrets::hash(token))
    .execute(pool)
    .await?;
    super::backup_key::remember(pool, meeting, token).await
}

pub async fn committee_token_matches(pool: &Pool, meeting: MeetingId, token: &str) -> Result<bool, sqlx::Error> {
    let stored: Option<Vec<u8>> = sqlx::query_scalar("SELECT committee_token_hash FROM meeting_access WHERE meeting_id = $1")
        .bind(meeting.0)
        .fetch_optional(pool)
        .await?;
    Ok(stored.is_some_and(|h| secrets::same(&h, &secrets::hash(token))))
}

pub async fn join_code(pool: &Pool, meeting: MeetingId) -> Result<JoinCode, sqlx::Error> {
    let code: String =
        sqlx::query_scalar("SELECT join_code FROM meeting_access WHERE meeting_id = $1").bind(meeting.0).fetch_one(pool).await?;
    JoinCode::parse(&code).map_err(|e| sqlx::Error::Decode(e.to_string().into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::test_support::temp_db;
    use crate::domain::parse_seed;

    async fn meeting(pool: &Pool) -> MeetingId {
        let seed = parse_seed("seeds/meeting.toml", include_str!("../../../seeds/meeting.toml")).unwrap();
        crate::db::meeting::store_seed(pool, &seed, "seeds/meeting.toml").await.unwrap()
    }

    #[tokio::test]
    async fn the_first_start_makes_up_a_token_once_and_keeps_the_code() {
        let (pool, _dir) = temp_db().await;
        let m = meeting(&pool).await;
        let first = ensure(&pool, m, None).await.unwrap();
        let token = first.generated_committee_token.clone().expect("a token to print");
        assert_eq!(token.len(), 64);
        let again = ensure(&pool, m, None).await.unwrap();
        assert_eq!(again.generated_committee_token, None, "shown once only");
        assert_eq!(again.join_code, first.join_code);
        assert!(committee_token_matches(&pool, m, &token).await.unwrap());
        assert!(!committee_token_matches(&pool, m, "guess").await.unwrap());
    }

    #[tokio::test]
    async fn a_token_given_by_the_operator_replaces_the_stored_one() {
        let (pool, _dir) = temp_db().await;
        let m = meeting(&pool).await;
        let first = ensure(&pool, m, None).await.unwrap();
        ensure(&pool, m, Some("operator-chosen-token")).await.unwrap();
        assert!(committee_token_matches(&pool, m, "operator-chosen-token").await.unwrap());
        assert!(!committee_token_matches(&pool, m, &first.generated_committee_token.unwrap()).await.unwrap());
        assert_eq!(join_code(&pool, m).await.unwrap().to_string(), first.join_code);
    }

    #[tokio::test]
    async fn a_new_token_at_start_up_signs_every_committee_browser_out_and_the_same_one_none() {
        use crate::db::browser_sessions::{caller, create, grant_committee};
        let (pool, _dir) = temp_db().await;
        let m = meeting(&pool).await;
        ensure(&pool, m, Some("the-first-operator-token")).await.unwrap();
        let old = create(&pool, m, "browser-of-the-committee").await.unwrap();
        grant_committee(&pool, old).await.unwrap();
        // A restart with the same token: still signed in.
        ensure(&pool, m, Some("the-first-operator-token")).await.unwrap();
        assert!(caller(&pool, old).await.unwrap().committee);
        // A restart with another: the old browser has no committee rights left.
        ensure(&pool, m, Some("a-second-operator-token")).await.unwrap();
        assert!(!caller(&pool, old).await.unwrap().committee);
    }
}
