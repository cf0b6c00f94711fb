-- Group work: each group's action-plan matrix (rows under Tabla 2 dimensions,
-- versioned cells with their history), participants' answers to the guiding
-- questions, questions marked as discussed, and results delivered to the
-- committee.

CREATE TABLE matrix_rows (
    id          INTEGER PRIMARY KEY,
    group_id    INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    dimension   TEXT NOT NULL,
    position    INTEGER NOT NULL,
    origin      TEXT,                  -- annex template row or Tabla 2 line id
    created_at  INTEGER NOT NULL,      -- unix ms
    deleted_at  INTEGER                -- rows are hidden, never erased: history stays
) STRICT;
CREATE INDEX matrix_rows_by_group ON matrix_rows (group_id, dimension, position);

-- One editable piece of a group's work: "m/<row>/<field>" or "q/<item>".
CREATE TABLE cells (
    id          INTEGER PRIMARY KEY,
    group_id    INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    text        TEXT NOT NULL,
    version     INTEGER NOT NULL CHECK (version > 0),
    author      TEXT NOT NULL,
    at_ms       INTEGER NOT NULL,
    UNIQUE (group_id, key)
) STRICT;

-- Every version of every cell. `op_id` is the browser's id for the edit, so a
-- replayed offline edit is recognised and never applied twice.
CREATE TABLE cell_history (
    id          INTEGER PRIMARY KEY,
    cell_id     INTEGER NOT NULL REFERENCES cells(id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    text        TEXT NOT NULL,
    author      TEXT NOT NULL,
    at_ms       INTEGER NOT NULL,
    op_id       TEXT,
    UNIQUE (cell_id, version)
) STRICT;
CREATE UNIQUE INDEX cell_history_by_op ON cell_history (cell_id, op_id) WHERE op_id IS NOT NULL;

CREATE TABLE answers (
    id              INTEGER PRIMARY KEY,
    group_id        INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    participant_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    question        TEXT NOT NULL,     -- "4.2/a"
    text            TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    deleted_at      INTEGER
) STRICT;
CREATE INDEX answers_by_group ON answers (group_id, question);

CREATE TABLE question_marks (
    group_id      INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    question      TEXT NOT NULL,
    discussed_at  INTEGER NOT NULL,
    PRIMARY KEY (group_id, question)
) STRICT;

-- A group's result for a session, handed to the committee: locks it.
CREATE TABLE deliveries (
    group_id        INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    session_number  INTEGER NOT NULL,
    delivered_at    INTEGER NOT NULL,
    delivered_by    TEXT NOT NULL,
    PRIMARY KEY (group_id, session_number)
) STRICT;
