//! The integrity tag of a backup: an HMAC-SHA256 of its contents under a key
//! derived from the committee's token. A server started with the same token
//! (or the same server) recognises its own backups and restores their
//! sign-ins; a backup edited by hand, or made under another token, restores
//! the meeting's work but not who may sign in with what.

use super::backup::{Backup, TableRows};
use super::meeting::MeetingId;
use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// What the tag covers: everything a restore writes.
#[derive(Serialize)]
struct Signed<'a> {
    format: &'a str,
    schema: i64,
    meeting: &'a str,
    tables: &'a BTreeMap<String, TableRows>,
}

/// Not the token's stored hash (which a backup carries), so that knowing a
/// backup never gives the key.
fn derive(token: &str) -> Vec<u8> {
    Sha256::new().chain_update(b"plenaria backup key\n").chain_update(token.as_bytes()).finalize().to_vec()
}

/// Keeps the key of the committee token `token` (at start-up, on rotation
/// and on each sign-in with the link: whenever the server sees the token).
pub async fn remember<'e>(db: impl sqlx::SqliteExecutor<'e>, meeting: MeetingId, token: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO backup_keys (meeting_id, key) VALUES ($1, $2)
         ON CONFLICT (meeting_id) DO UPDATE SET key = excluded.key WHERE key != excluded.key",
    )
    .bind(meeting.0)
    .bind(derive(token))
    .execute(db)
    .await?;
    Ok(())
}

pub async fn key<'e>(db: impl sqlx::SqliteExecutor<'e>, meeting: i64) -> Result<Option<Vec<u8>>, sqlx::Error> {
    sqlx::query_scalar("SELECT key FROM backup_keys WHERE meeting_id = $1").bind(meeting).fetch_optional(db).await
}

fn mac(key: &[u8], backup: &Backup) -> Hmac<Sha256> {
    let signed = Signed { format: &backup.format, schema: backup.schema, meeting: &backup.meeting, tables: &backup.tables };
    let bytes = serde_json::to_vec(&signed).expect("JSON values always serialise");
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(&bytes);
    mac
}

/// The tag for `backup` under `key` (hex).
pub fn tag(key: &[u8], backup: &Backup) -> String {
    hex::encode(mac(key, backup).finalize().into_bytes())
}

/// Whether `backup` carries a tag made with `key` over exactly its contents.
pub fn verifies(key: Option<&[u8]>, backup: &Backup) -> bool {
    let (Some(key), Some(tag)) = (key, backup.integrity.as_deref()) else { return false };
    hex::decode(tag).is_ok_and(|tag| mac(key, backup).verify_slice(&tag).is_ok())
}

pub fn tables_never_backed_up() -> &'static [&'static str] {
    &["backup_keys"]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn backup() -> Backup {
        let rows = TableRows { columns: vec!["id".into(), "text".into()], rows: vec![vec![1.into(), "Políticas".into()]] };
        Backup {
            format: "plenaria-backup".into(),
            schema: 9,
            meeting: "m".into(),
            tables: [("cells".to_string(), rows)].into(),
            integrity: None,
        }
    }

    #[test]
    fn a_tag_verifies_with_its_own_key_only_and_any_edit_breaks_it() {
        let key = derive("the-committee-token-0123");
        let mut b = backup();
        assert!(!verifies(Some(&key), &b), "no tag, not trusted");
        b.integrity = Some(tag(&key, &b));
        assert!(verifies(Some(&key), &b));
        assert!(!verifies(Some(&derive("another-committee-token")), &b), "another token's key");
        assert!(!verifies(None, &b), "a server that has no key");
        let mut edited = b.clone();
        edited.tables.get_mut("cells").unwrap().rows[0][1] = "Politicas".into();
        assert!(!verifies(Some(&key), &edited), "an edited cell");
        let mut renamed = b.clone();
        renamed.schema = 8;
        assert!(!verifies(Some(&key), &renamed), "an edited header");
    }

    #[test]
    fn the_key_is_not_the_token_hash_a_backup_carries() {
        assert_ne!(derive("the-committee-token-0123"), crate::secrets::hash("the-committee-token-0123"));
    }
}
