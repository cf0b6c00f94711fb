-- One time representation: every time column is INTEGER unix milliseconds
-- (as the clock, the cells, the answers and the projector always were). The
-- tables of 0001 and 0002 kept ISO-8601 text; SQLite changes a column's type
-- only by rebuilding its table, so each is rebuilt here with its rows, ids and
-- references unchanged (db::migrate runs this with foreign-key enforcement
-- off, so dropping a table others refer to cascades nothing, then checks
-- every reference once the rebuild is done).

CREATE TABLE meetings_new (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    seed_file   TEXT NOT NULL,
    seed_json   TEXT NOT NULL,
    created_at  INTEGER NOT NULL DEFAULT (CAST(ROUND((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER)),
    updated_at  INTEGER NOT NULL DEFAULT (CAST(ROUND((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER))
) STRICT;
INSERT INTO meetings_new (id, slug, seed_file, seed_json, created_at, updated_at)
    SELECT id, slug, seed_file, seed_json,
           CAST(ROUND((julianday(created_at) - 2440587.5) * 86400000.0) AS INTEGER), CAST(ROUND((julianday(updated_at) - 2440587.5) * 86400000.0) AS INTEGER)
    FROM meetings;
DROP TABLE meetings;
ALTER TABLE meetings_new RENAME TO meetings;

CREATE TABLE meeting_access_new (
    meeting_id            INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    join_code             TEXT NOT NULL,
    committee_token_hash  BLOB NOT NULL,
    updated_at            INTEGER NOT NULL DEFAULT (CAST(ROUND((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER))
) STRICT;
INSERT INTO meeting_access_new (meeting_id, join_code, committee_token_hash, updated_at)
    SELECT meeting_id, join_code, committee_token_hash, CAST(ROUND((julianday(updated_at) - 2440587.5) * 86400000.0) AS INTEGER)
    FROM meeting_access;
DROP TABLE meeting_access;
ALTER TABLE meeting_access_new RENAME TO meeting_access;

CREATE TABLE participants_new (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    name            TEXT,
    affiliation     TEXT NOT NULL,
    sector          TEXT NOT NULL CHECK (sector IN ('government', 'ngo', 'business')),
    -- The group of sessions 1–3, and the mixed group of session 4 once assigned.
    group_id        INTEGER NOT NULL REFERENCES groups(id),
    mixed_group_id  INTEGER REFERENCES groups(id),
    created_at      INTEGER NOT NULL DEFAULT (CAST(ROUND((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER)),
    updated_at      INTEGER NOT NULL DEFAULT (CAST(ROUND((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER))
) STRICT;
INSERT INTO participants_new (id, meeting_id, name, affiliation, sector, group_id, mixed_group_id, created_at, updated_at)
    SELECT id, meeting_id, name, affiliation, sector, group_id, mixed_group_id,
           CAST(ROUND((julianday(created_at) - 2440587.5) * 86400000.0) AS INTEGER), CAST(ROUND((julianday(updated_at) - 2440587.5) * 86400000.0) AS INTEGER)
    FROM participants;
DROP TABLE participants;
ALTER TABLE participants_new RENAME TO participants;
CREATE INDEX participants_by_group ON participants (group_id);

CREATE TABLE coordinator_links_new (
    id          INTEGER PRIMARY KEY,
    group_id    INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    token       TEXT NOT NULL UNIQUE,
    deputy      INTEGER NOT NULL DEFAULT 0 CHECK (deputy IN (0, 1)),
    created_at  INTEGER NOT NULL DEFAULT (CAST(ROUND((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER)),
    revoked_at  INTEGER
) STRICT;
INSERT INTO coordinator_links_new (id, group_id, token, deputy, created_at, revoked_at)
    SELECT id, group_id, token, deputy,
           CAST(ROUND((julianday(created_at) - 2440587.5) * 86400000.0) AS INTEGER), CAST(ROUND((julianday(revoked_at) - 2440587.5) * 86400000.0) AS INTEGER)
    FROM coordinator_links;
DROP TABLE coordinator_links;
ALTER TABLE coordinator_links_new RENAME TO coordinator_links;
CREATE INDEX coordinator_links_by_group ON coordinator_links (group_id);

CREATE TABLE coordinator_assignments_new (
    group_id        INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    participant_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    deputy          INTEGER NOT NULL DEFAULT 0 CHECK (deputy IN (0, 1)),
    created_at      INTEGER NOT NULL DEFAULT (CAST(ROUND((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER)),
    PRIMARY KEY (group_id, participant_id)
) STRICT;
INSERT INTO coordinator_assignments_new (group_id, participant_id, deputy, created_at)
    SELECT group_id, participant_id, deputy, CAST(ROUND((julianday(created_at) - 2440587.5) * 86400000.0) AS INTEGER)
    FROM coordinator_assignments;
DROP TABLE coordinator_assignments;
ALTER TABLE coordinator_assignments_new RENAME TO coordinator_assignments;

CREATE TABLE browser_sessions_new (
    id                   INTEGER PRIMARY KEY,
    meeting_id           INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    token_hash           BLOB NOT NULL UNIQUE,
    committee            INTEGER NOT NULL DEFAULT 0 CHECK (committee IN (0, 1)),
    participant_id       INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    coordinator_link_id  INTEGER REFERENCES coordinator_links(id) ON DELETE SET NULL,
    -- Wrong meeting codes typed in this browser, and until when it must wait.
    failed_joins         INTEGER NOT NULL DEFAULT 0,
    join_blocked_until   INTEGER,
    created_at           INTEGER NOT NULL DEFAULT (CAST(ROUND((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER)),
    last_seen_at         INTEGER NOT NULL DEFAULT (CAST(ROUND((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER))
) STRICT;
INSERT INTO browser_sessions_new (id, meeting_id, token_hash, committee, participant_id, coordinator_link_id, failed_joins,
                                  join_blocked_until, created_at, last_seen_at)
    SELECT id, meeting_id, token_hash, committee, participant_id, coordinator_link_id, failed_joins, join_blocked_until,
           CAST(ROUND((julianday(created_at) - 2440587.5) * 86400000.0) AS INTEGER), CAST(ROUND((julianday(last_seen_at) - 2440587.5) * 86400000.0) AS INTEGER)
    FROM browser_sessions;
DROP TABLE browser_sessions;
ALTER TABLE browser_sessions_new RENAME TO browser_sessions;
