-- The meeting clock as a log of timestamped commands per agenda block, and
-- the numbered log of changes the realtime channel announces.

CREATE TABLE clock_events (
    id          INTEGER PRIMARY KEY,
    block_id    INTEGER NOT NULL REFERENCES agenda_blocks(id) ON DELETE CASCADE,
    command     TEXT NOT NULL CHECK (command IN ('start', 'pause', 'resume', 'adjust', 'next', 'end')),
    minutes     INTEGER,                 -- for 'adjust' only
    at_ms       INTEGER NOT NULL,        -- server time, unix milliseconds
    undone      INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
    CHECK ((command = 'adjust') = (minutes IS NOT NULL))
) STRICT;
CREATE INDEX clock_events_by_block ON clock_events (block_id, id);

-- Which agenda block the meeting is in (the one every screen's clock shows).
CREATE TABLE meeting_clock (
    meeting_id        INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    current_block_id  INTEGER NOT NULL REFERENCES agenda_blocks(id)
) STRICT;

-- Every committed change others must see gets a number here, in the same
-- transaction. AUTOINCREMENT: numbers are never reused, even after a restart.
CREATE TABLE changes (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    topic  TEXT NOT NULL,
    at_ms  INTEGER NOT NULL
) STRICT;
