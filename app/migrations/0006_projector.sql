-- What the plenary projector shows, as the committee chose it, and the
-- snapshot it is frozen on (the plenary's groups as JSON), if any.
CREATE TABLE projector (
    meeting_id   INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    mode         TEXT NOT NULL CHECK (mode IN ('groups', 'focus', 'compare', 'common')),
    target       TEXT,
    frozen_json  TEXT,
    frozen_at    INTEGER,                 -- unix ms
    updated_at   INTEGER NOT NULL,        -- unix ms
    CHECK ((frozen_json IS NULL) = (frozen_at IS NULL))
) STRICT;
