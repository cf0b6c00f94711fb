-- The meeting and the structural anchors later tables refer to.
-- Texts live in meetings.seed_json (the validated seed); these tables hold the
-- keys, numbers and durations that live data (clocks, matrices, answers) points at.

CREATE TABLE meetings (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    seed_file   TEXT NOT NULL,
    seed_json   TEXT NOT NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE sessions (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    number      INTEGER NOT NULL CHECK (number > 0),
    guide       TEXT NOT NULL,
    group_set   TEXT NOT NULL,
    UNIQUE (meeting_id, number)
) STRICT;

CREATE TABLE agenda_blocks (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    position    INTEGER NOT NULL,
    UNIQUE (meeting_id, key)
) STRICT;

CREATE TABLE agenda_segments (
    id              INTEGER PRIMARY KEY,
    block_id        INTEGER NOT NULL REFERENCES agenda_blocks(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('work', 'break')),
    session_number  INTEGER,
    minutes         INTEGER NOT NULL CHECK (minutes > 0),
    UNIQUE (block_id, position),
    CHECK ((kind = 'work') = (session_number IS NOT NULL))
) STRICT;

CREATE TABLE groups (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    group_set   TEXT NOT NULL,
    number      INTEGER NOT NULL,
    sector      TEXT NOT NULL CHECK (sector IN ('government', 'ngo', 'business', 'mixed')),
    UNIQUE (meeting_id, key)
) STRICT;

-- One row per question and per sub-item; sub-items name their parent.
CREATE TABLE questions (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    guide       TEXT NOT NULL,
    key         TEXT NOT NULL,
    parent_key  TEXT,
    position    INTEGER NOT NULL,
    UNIQUE (meeting_id, guide, key)
) STRICT;
