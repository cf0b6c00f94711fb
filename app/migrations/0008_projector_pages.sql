-- The projector shows the clock and the join slide too, and pages what does
-- not fit: the page chosen, when, and whether pages turn by themselves.
-- SQLite cannot change a CHECK, so the table is rebuilt with its rows.
CREATE TABLE projector_new (
    meeting_id   INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    mode         TEXT NOT NULL CHECK (mode IN ('groups', 'focus', 'compare', 'common', 'clock', 'join')),
    target       TEXT,
    frozen_json  TEXT,
    frozen_at    INTEGER,                 -- unix ms
    updated_at   INTEGER NOT NULL,        -- unix ms
    page         INTEGER NOT NULL DEFAULT 0 CHECK (page >= 0),
    page_since   INTEGER NOT NULL DEFAULT 0,   -- unix ms
    every_secs   INTEGER NOT NULL DEFAULT 0 CHECK (every_secs >= 0),
    CHECK ((frozen_json IS NULL) = (frozen_at IS NULL))
) STRICT;
INSERT INTO projector_new (meeting_id, mode, target, frozen_json, frozen_at, updated_at)
    SELECT meeting_id, mode, target, frozen_json, frozen_at, updated_at FROM projector;
DROP TABLE projector;
ALTER TABLE projector_new RENAME TO projector;
