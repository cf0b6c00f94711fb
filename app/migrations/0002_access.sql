-- Roles and joining: the meeting code, the committee's sign-in token,
-- participants, browser sessions and coordinator grants.
-- Secrets that only need checking (committee token, browser-session tokens)
-- are stored as SHA-256 hashes. Coordinator link tokens are kept readable so
-- the committee can show a group's link and QR code again.

CREATE TABLE meeting_access (
    meeting_id            INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    join_code             TEXT NOT NULL,
    committee_token_hash  BLOB NOT NULL,
    updated_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE participants (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    name            TEXT,
    affiliation     TEXT NOT NULL,
    sector          TEXT NOT NULL CHECK (sector IN ('government', 'ngo', 'business')),
    -- The group of sessions 1–3, and the mixed group of session 4 once assigned.
    group_id        INTEGER NOT NULL REFERENCES groups(id),
    mixed_group_id  INTEGER REFERENCES groups(id),
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX participants_by_group ON participants (group_id);

CREATE TABLE coordinator_links (
    id          INTEGER PRIMARY KEY,
    group_id    INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    token       TEXT NOT NULL UNIQUE,
    deputy      INTEGER NOT NULL DEFAULT 0 CHECK (deputy IN (0, 1)),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    revoked_at  TEXT
) STRICT;
CREATE INDEX coordinator_links_by_group ON coordinator_links (group_id);

-- A joined participant the committee made coordinator (or deputy) of their group.
CREATE TABLE coordinator_assignments (
    group_id        INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    participant_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    deputy          INTEGER NOT NULL DEFAULT 0 CHECK (deputy IN (0, 1)),
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (group_id, participant_id)
) STRICT;

CREATE TABLE browser_sessions (
    id                   INTEGER PRIMARY KEY,
    meeting_id           INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    token_hash           BLOB NOT NULL UNIQUE,
    committee            INTEGER NOT NULL DEFAULT 0 CHECK (committee IN (0, 1)),
    participant_id       INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    coordinator_link_id  INTEGER REFERENCES coordinator_links(id) ON DELETE SET NULL,
    -- Wrong meeting codes typed in this browser, and until when it must wait.
    failed_joins         INTEGER NOT NULL DEFAULT 0,
    join_blocked_until   INTEGER,  -- unix milliseconds
    created_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    last_seen_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
