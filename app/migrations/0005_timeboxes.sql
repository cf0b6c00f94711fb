-- Optional suggested minutes per guiding question, per group (set by its
-- coordinator or the committee). No row: no suggestion.
CREATE TABLE timeboxes (
    group_id     INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    question_key TEXT NOT NULL,            -- "4.2/a"
    minutes      INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 240),
    set_by       TEXT NOT NULL,
    set_at       INTEGER NOT NULL,         -- unix ms
    PRIMARY KEY (group_id, question_key)
) STRICT;
