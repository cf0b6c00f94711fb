-- The key that signs this server's backups (/export/meeting.json), derived
-- from the committee's token: a restore trusts a backup's sign-ins only when
-- its tag verifies with this key. Never part of a backup; no foreign key on
-- purpose, so that replacing the meeting's rows during a restore (which
-- cascades from `meetings`) keeps it.
CREATE TABLE backup_keys (
    meeting_id  INTEGER PRIMARY KEY,
    key         BLOB NOT NULL
) STRICT;
